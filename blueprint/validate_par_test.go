package blueprint

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// copiedCases returns, per diagnostics case, its files with the journeys
// copied until there are at least n: a collection large enough for the
// parallel path, with the errors and warnings of every pass the cases
// show, and journeys that lack what the completeness, flow and lists
// passes look for (gapsJourney). Some copies keep the journey's id (a duplicate across files), some
// change its case (one file on Windows) and the rest get their own.
func copiedCases(t testing.TB, n int) map[string][]File {
	t.Helper()
	paths, err := filepath.Glob("testdata/diagnostics/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	out := map[string][]File{}
	for _, path := range paths {
		inputs, _ := parseArchive(t, path).split()
		var project, journeys []File
		for _, f := range inputs {
			if IsProjectFile(f.Name) {
				project = append(project, f)
			} else {
				journeys = append(journeys, f)
			}
		}
		for _, id := range []string{"extra", "met spatie", "con"} {
			src := strings.Replace(gapsJourney, `id = "extra"`, fmt.Sprintf("id = %q", id), 1)
			journeys = append(journeys, File{Name: Slug(id) + ".toml", Src: []byte(src)})
		}
		files := project
		for k := 0; len(journeys) > 0 && len(files)-len(project) < n; k++ {
			for _, f := range journeys {
				src := string(f.Src)
				if id, rest, ok := strings.Cut(src, "\n"); ok && strings.HasPrefix(id, `id = "`) {
					switch k % 3 {
					case 1:
						id = strings.ToUpper(id[:6]) + id[6:7] + strings.ToUpper(id[7:8]) + id[8:]
					case 2:
						id = strings.TrimSuffix(id, `"`) + fmt.Sprintf(`-%d"`, k)
					}
					src = id + "\n" + rest
				}
				files = append(files, File{Name: fmt.Sprintf("kopie-%03d/%s", k, f.Name), Src: []byte(src)})
			}
		}
		out[strings.TrimSuffix(filepath.Base(path), ".txtar")] = files
	}
	return out
}

// gapsJourney has an id that is the name of no file on Windows or no id
// at all when renamed, a customer persona with knelpunten, a phase without
// steps, no metrics, no customer action, emotion or pain point, a step
// without staff, a step pointing at itself, a list with an id twice, a
// step no flow reaches and an improvement linked to nothing.
const gapsJourney = `id = "extra"
titel = "Een reis met wat ontbreekt"
domein = "openbare-ruimte"
vraagsoort = "melding"

[persona]
id = "kim"
naam = "Kim"
rol = "inwoner"
knelpunten = ["Wacht lang"]

[[fase]]
id = "melden"
naam = "Melden"

[[fase]]
id = "leeg"
naam = "Leeg"

[[stap]]
id = "belt"
fase = "melden"
titel = "Belt"
gewenste_emotie = 1
actoren = ["kcc-medewerker", "kcc-medewerker"]
volgende = ["belt", "wacht", "wacht"]

[[stap]]
id = "wacht"
fase = "melden"
titel = "Wacht"
volgende = ["belt"]

[[stap]]
id = "los"
fase = "melden"
titel = "Los"

[[verbeteractie]]
id = "iets"
wat = "Iets beters"
`

// TestValidateParallel checks that the journeys checked on several cores
// give the diagnostics of the passes run one after another, in the same
// order (before LoadFiles sorts them), for collections with the errors and
// warnings of every pass.
func TestValidateParallel(t *testing.T) {
	codes := map[string]bool{}
	for name, files := range copiedCases(t, 3*parallelJourneys) {
		t.Run(name, func(t *testing.T) {
			m, _ := LoadFiles(files, Options{})
			serial := NewCollector(English)
			validateOn(m, serial, 1)
			for _, d := range serial.Diags {
				codes[d.Code] = true
			}
			for _, workers := range []int{2, 3, 8} {
				sink := NewCollector(English)
				validateOn(m, sink, workers)
				if !slices.Equal(sink.Diags, serial.Diags) {
					t.Errorf("%d journeys on %d cores: %d diagnostics, on one %d; first difference:\n%s",
						len(m.Journeys), workers, len(sink.Diags), len(serial.Diags), firstDifference(sink.Diags, serial.Diags))
				}
			}
		})
	}
	if len(codes) < 30 {
		t.Errorf("the collections show %d kinds of diagnostics (%v); the cases should show more", len(codes), codes)
	}
}

func firstDifference(got, want Diagnostics) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("%d: %v\nwant %v", i, got[i], want[i])
		}
	}
	return "one is a prefix of the other"
}

// TestValidIDIsThePattern checks the hand-written check of ids against
// the pattern the schemas publish.
func TestValidIDIsThePattern(t *testing.T) {
	ids := []string{"", "a", "A", "9", "-", "_", "-a", "_a", "a-", "a_", "belt-kcc", "Belt_KCC-2", "a b", "a\n", "\na", "é", "aé", "a.b", "a/b", "a\x00", "ÿ", "a\xff"}
	for b := range 256 {
		ids = append(ids, string([]byte{byte(b)}), "a"+string([]byte{byte(b)}))
	}
	for _, id := range ids {
		if got, want := validID(id), idRE.MatchString(id); got != want {
			t.Errorf("validID(%q) = %v, the pattern says %v", id, got, want)
		}
	}
}
