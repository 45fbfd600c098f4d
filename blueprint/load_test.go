package blueprint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExamplesLoadWithoutErrors(t *testing.T) {
	m, diags, err := LoadDir("../examples", Options{})
	require.NoError(t, err)
	if diags.HasErrors() {
		t.Fatalf("examples have errors:\n%s", diags.Error())
	}
	require.GreaterOrEqual(t, len(m.Journeys), 4, "the four Dimpact journeys")
	for _, j := range m.Journeys {
		assert.NotNil(t, j.Persona, "%s: persona resolved", j.ID)
		assert.True(t, len(j.Steps) >= 10 && len(j.Steps) <= 20, "%s: %d steps, want 10–20", j.ID, len(j.Steps))
	}
}

func TestStarterJourneyIsClean(t *testing.T) {
	for _, persona := range []string{"Johan", "Désirée van den Berg", "", `Rare "naam" \ met tekens`} {
		src := StarterJourney(persona, "dir/mijn reis.toml")
		m, diags := Load("mijn-reis.toml", src, Options{})
		assert.Empty(t, diags, "persona %q:\n%s", persona, diags.Error())
		require.Len(t, m.Journeys, 1)
		assert.Equal(t, "mijn-reis", m.Journeys[0].ID)
	}
}

func TestSingleFileBringsItsProjectFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
		return p
	}
	write(ProjectFile, "organisatie = \"Gemeente Test\"\n[[persona]]\nid = \"piet\"\nnaam = \"Piet\"\nrol = \"inwoner\"\n")
	// Refer to the shared persona instead of the inline one.
	src := string(StarterJourney("Piet", "reis.toml"))
	i := strings.Index(src, "[persona]")
	j := strings.Index(src, "[[fase]]")
	src = src[:i] + "# persona staat in blueprint.toml\n" + src[j:]
	src = strings.Replace(src, "domein = ", "persona = \"piet\"\ndomein = ", 1)
	path := write("reis.toml", src)

	m, diags, err := LoadPaths([]string{path}, Options{})
	require.NoError(t, err)
	assert.Empty(t, diags, diags.Error())
	assert.Equal(t, "Gemeente Test", m.Project.Organisation)
	require.Len(t, m.Journeys, 1)
	require.NotNil(t, m.Journeys[0].Persona)
	assert.Equal(t, "Piet", m.Journeys[0].Persona.Name)
	assert.Equal(t, []string{ProjectFile, "reis.toml"}, m.Files, "names relative to the journeys folder")
}

func TestReadPathsErrors(t *testing.T) {
	_, err := ReadPaths([]string{"testdata/does-not-exist.toml"})
	assert.ErrorContains(t, err, "does-not-exist.toml")
	_, err = ReadPaths([]string{t.TempDir()})
	assert.ErrorContains(t, err, "no .toml files")
	_, err = ReadPaths(nil)
	assert.Error(t, err)
}

func TestFileProblems(t *testing.T) {
	_, diags := LoadFiles([]File{
		{Name: "a/blueprint.toml", Src: []byte("organisatie = \"A\"\n")},
		{Name: "b/blueprint.toml", Src: []byte("organisatie = \"B\"\n")},
		{Name: "leeg.toml", Src: []byte("\uFEFF  \n\n")},
		{Name: "commentaar.toml", Src: []byte("# alleen commentaar\r\n  # en nog een regel\n")},
		{Name: "groot.toml", Size: MaxFileSize + 100},
	}, Options{})
	assert.Equal(t, "b/blueprint.toml:1:1: fout: tweede projectbestand; er is er al een: a/blueprint.toml; laad één map tegelijk, of voeg de projectbestanden samen\n"+
		"commentaar.toml:1:1: fout: het bestand bevat alleen commentaar (regels die met # beginnen); schrijf hier een klantreis; een voorbeeld om mee te beginnen maakt u met: blueprint init nieuwe-reis.toml\n"+
		"groot.toml:1:1: fout: bestand is te groot (4194404 bytes; maximaal 4194304); splits het in kleinere bestanden\n"+
		"leeg.toml:1:1: fout: het bestand is leeg; schrijf hier een klantreis; een voorbeeld om mee te beginnen maakt u met: blueprint init nieuwe-reis.toml\n", oneLine(diags))
}

func TestEnglishDiagnostics(t *testing.T) {
	src := strings.Replace(string(StarterJourney("Johan", "j.toml")), `kanaal = "telefoon"`, `channel = "telefoon"`, 1)
	_, diags := Load("j.toml", []byte(src), Options{Lang: English})
	require.Len(t, diags, 1)
	assert.Equal(t, `unknown key "channel" in [[stap]] "belt-kcc"`, diags[0].Summary)
	assert.Equal(t, `did you mean "kanaal"?`, diags[0].Detail)
	assert.True(t, strings.Contains(diags[0].String(), ": error: "))
}

func TestTypeErrorsAreCollected(t *testing.T) {
	src := string(StarterJourney("Johan", "j.toml"))
	src = strings.Replace(src, "emotie = 0", `emotie = "neutraal"`, 1)
	src = strings.Replace(src, "emotie = -1", `emotie = 1.5`, 1)
	src = strings.Replace(src, `knelpunten = ["Het antwoord staat verspreid over drie pagina's"]`, `knelpunten = "Het antwoord staat verspreid"`, 1)
	_, diags := Load("j.toml", []byte(src), Options{})
	var codes []string
	for _, d := range diags {
		codes = append(codes, d.Code+": "+d.Summary)
	}
	assert.Equal(t, []string{
		"type: emotie moet een geheel getal zijn, niet tekst",
		"type: knelpunten moet een lijst met tekst zijn, niet tekst",
		"type: emotie moet een geheel getal zijn, niet een kommagetal",
	}, codes)
}

func TestSingleTableWhereAListBelongs(t *testing.T) {
	src := "id = \"x\"\ntitel = \"X\"\npersona = \"p\"\ndomein = \"burgerzaken\"\nvraagsoort = \"melding\"\n[fase]\nid = \"f\"\nnaam = \"F\"\n"
	_, diags := Load("j.toml", []byte(src), Options{})
	require.NotEmpty(t, diags)
	assert.Contains(t, oneLine(diags), "j.toml:6:1: fout: fase is een lijst: schrijf [[fase]] met dubbele haken")
}

func TestFlowsAndActors(t *testing.T) {
	src := `id = "r"
titel = "R"
domein = "burgerzaken"
vraagsoort = "melding"
[persona]
id = "p"
naam = "P"
rol = "inwoner"
[[fase]]
id = "f"
naam = "F"
[[stap]]
id = "a"
fase = "f"
titel = "A"
klantactie = "doet iets"
volgende = ["c"]
frontoffice = [{ actor = "kcc-medewerker", actie = "x" }]
[[stap.overdracht]]
van = "kcc-medewerker"
naar = "vakafdeling"
[[stap]]
id = "b"
fase = "f"
titel = "B"
actoren = ["manager-kcc"]
[[stap]]
id = "c"
fase = "f"
titel = "C"
volgende = []
`
	m, diags := Load("r.toml", []byte(src), Options{})
	require.False(t, diags.HasErrors(), diags.Error())
	j := m.Journeys[0]
	var arrows []string
	for _, f := range j.Flows() {
		arrows = append(arrows, f.From.ID+"→"+f.To.ID)
	}
	assert.Equal(t, []string{"a→c", "b→c"}, arrows, "explicit volgende wins; [] ends; b falls through to c")
	assert.Equal(t, []string{"inwoner", "kcc-medewerker", "vakafdeling"}, j.StepActors(j.Steps[0]))
	assert.Contains(t, oneLine(diags), `r.toml:22:1: waarschuwing: stap "b" is vanaf de eerste stap niet bereikbaar`)
	s := Summarize(j)
	assert.Equal(t, 3, s.Steps)
	assert.Equal(t, 1, s.Handoffs)
	assert.Nil(t, s.LowestStep)
}

func TestDecodeTOMLForOtherPackages(t *testing.T) {
	type item struct {
		Source
		Key    string  `toml:"sleutel,required"`
		Weight float64 `toml:"gewicht"`
	}
	type doc struct {
		Items []*item           `toml:"item"`
		Tags  map[string]string `toml:"labels"`
	}
	var d doc
	diags := DecodeTOML("c.toml", []byte("[[item]]\nsleutel = \"a\"\ngewicht = 2\n[[item]]\ngewigt = 1.5\n[labels]\nx = \"y\"\n"), &d, Dutch)
	assert.Equal(t, "c.toml:4:1: fout: [[item]] mist de verplichte sleutel \"sleutel\"; voeg sleutel = \"…\" toe\n"+
		"c.toml:5:1: fout: onbekende sleutel \"gewigt\" in [[item]]; bedoelde u \"gewicht\"?\n", oneLine(diags))
	require.Len(t, d.Items, 2)
	assert.Equal(t, 2.0, d.Items[0].Weight)
	assert.Equal(t, Pos{File: "c.toml", Line: 2, Col: 11}, d.Items[0].At("sleutel"))
	assert.Equal(t, map[string]string{"x": "y"}, d.Tags)
}

func TestPosCell(t *testing.T) {
	for _, tc := range []struct {
		file, sheet, cell string
		want              string
	}{
		{"pve.xlsx", "1 Klantgeleiding", "K12", "pve.xlsx:'1 Klantgeleiding'!K12"},
		{"pve.xlsx", "Samenvatting", "a1", "pve.xlsx:Samenvatting!A1"},
		{"pve.xlsx", "_meta", "AA100", "pve.xlsx:_meta!AA100"},
		{"pve.xlsx", "Inschrijver's", "Z3", "pve.xlsx:'Inschrijver''s'!Z3"},
		{"pve.xlsx", "Detail", "12", "pve.xlsx:Detail"},
	} {
		p := CellPos(tc.file, tc.sheet, tc.cell)
		if got := p.String(); got != tc.want {
			t.Errorf("CellPos(%q, %q, %q) = %s, want %s", tc.file, tc.sheet, tc.cell, got, tc.want)
		}
	}
	if p := CellPos("x.xlsx", "S", "AB7"); p.Line != 7 || p.Col != 28 || p.Cell() != "AB7" {
		t.Errorf("AB7 = row %d col %d (%s), want row 7 col 28", p.Line, p.Col, p.Cell())
	}
	a, b := CellPos("x.xlsx", "S", "B2"), CellPos("x.xlsx", "S", "A10")
	if !a.Before(b) || b.Before(a) {
		t.Errorf("B2 should sort before A10 (rows first)")
	}
}
