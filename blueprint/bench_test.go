package blueprint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// syntheticJourney writes a valid journey of n steps in 5 phases, with all
// lanes, a hand-off every 7th step and inline and table forms mixed, as
// TOML text (what the loader really reads).
func syntheticJourney(id string, n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "id = %q\ntitel = \"Synthetische reis %s\"\ndomein = \"burgerzaken\"\nvraagsoort = \"informatievraag\"\n", id, id)
	fmt.Fprintf(&b, "[persona]\nid = \"p-%s\"\nnaam = \"Persona %s\"\nrol = \"inwoner\"\n", id, id)
	phases := 5
	for p := 0; p < phases; p++ {
		fmt.Fprintf(&b, "\n[[fase]]\nid = \"f%d\"\nnaam = \"Fase %d\"\n[[fase.meetpunt]]\nnaam = \"Meetpunt %d\"\ndefinitie = \"Aandeel binnen de norm\"\neenheid = \"%%\"\n", p, p, p)
	}
	channels := []string{"telefoon", "chat", "website", "e-mail", "balie"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "\n[[stap]]\nid = \"s%d\"\nfase = \"f%d\"\ntitel = \"Stap %d: de klant doet iets en de gemeente reageert\"\n", i, i*phases/n, i)
		fmt.Fprintf(&b, "kanaal = %q\nbewijs = \"Bevestiging %d\"\nklantactie = \"Vraagt naar de status van zaak %d\"\nemotie = %d\n", channels[i%len(channels)], i, i, i%5-2)
		fmt.Fprintf(&b, "wachttijd = \"%d minuten\"\nknelpunten = [\"Wacht te lang op antwoord %d\"]\n", i%30+1, i)
		fmt.Fprintf(&b, "frontoffice = [{ actor = \"kcc-medewerker\", actie = \"Beantwoordt vraag %d\" }]\n", i)
		fmt.Fprintf(&b, "[[stap.backoffice]]\nactor = \"vakafdeling\"\nactie = \"Werkt zaak %d bij\"\n", i)
		fmt.Fprintf(&b, "[[stap.ondersteuning]]\nsysteem = \"zaaksysteem\"\nactie = \"Toont de status\"\n")
		if i%7 == 3 {
			b.WriteString("[[stap.overdracht]]\nvan = \"kcc-medewerker\"\nnaar = \"vakafdeling\"\n")
		}
	}
	return []byte(b.String())
}

func TestSyntheticJourneyIsValid(t *testing.T) {
	_, diags := Load("s.toml", syntheticJourney("s", 60), Options{})
	if len(diags) > 0 {
		t.Fatal(diags.Error())
	}
}

func BenchmarkLoad(b *testing.B) {
	example, err := ReadPaths([]string{"../examples/johan-gat-in-de-weg.toml"})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("example-johan", func(b *testing.B) {
		for b.Loop() {
			if _, d := LoadFiles(example, Options{}); d.HasErrors() {
				b.Fatal(d.Error())
			}
		}
	})
	for _, n := range []int{10, 60, 200} {
		src := []File{{Name: "s.toml", Src: syntheticJourney("s", n)}}
		b.Run(fmt.Sprintf("synthetic-%d-steps", n), func(b *testing.B) {
			b.SetBytes(int64(len(src[0].Src)))
			for b.Loop() {
				LoadFiles(src, Options{})
			}
		})
	}
}

// BenchmarkLoadDir reads folders of 250 to 2,000 journeys of 15 steps from
// disk, as `blueprint validate DIR` does, to show time grows linearly.
func BenchmarkLoadDir(b *testing.B) {
	for _, n := range []int{250, 500, 1000, 2000} {
		dir := b.TempDir()
		for i := 0; i < n; i++ {
			id := fmt.Sprintf("reis-%04d", i)
			if err := os.WriteFile(filepath.Join(dir, id+".toml"), syntheticJourney(id, 15), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("journeys-%d", n), func(b *testing.B) {
			for b.Loop() {
				m, d, err := LoadDir(dir, Options{})
				if err != nil || d.HasErrors() || len(m.Journeys) != n {
					b.Fatalf("%v %v", err, d.Error())
				}
			}
		})
	}
}
