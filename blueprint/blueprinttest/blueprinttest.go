// Package blueprinttest makes synthetic journeys for the tests and
// benchmarks of every stage: journey files in the real format, loaded
// through the real loader. It is the one generator of the project, so that
// the loader, the diagrams and the requirements are measured on the same
// journeys, up to the national case (NationalJourneys of NationalSteps).
//
// A journey has the mix of content the four example journeys have: phases
// of five steps, one to three actors per step, pain points, success
// factors, waits and durations, hand-offs, fail points and repeat
// contacts, a flow that skips a step, needs in free text and by reference,
// and a metric per phase. Journey i of a collection varies the domain, the
// question type, the channels and the systems, as a national collection
// does. The same (i, n) always gives the same bytes.
package blueprinttest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
)

// The national case: every gemeente's journeys together, about 7,600
// journeys of about 20 steps (≈150,000 steps).
const (
	NationalJourneys = 7600
	NationalSteps    = 20
)

var (
	channels  = []string{"telefoon", "website", "chat", "e-mail", "balie", "whatsapp", "mijn-omgeving", "post", "social-media", "app"}
	systems   = []string{"klantcontactsysteem", "zaaksysteem", "kennisbank", "telefonie", "mijn-omgeving", "documentbeheer", "brp", "meldingensysteem", "sociaal-domein", "digid", "chatplatform", "webcare", "kto"}
	domains   = []string{"werk-en-inkomen", "openbare-ruimte", "burgerzaken", "bouwen-en-wonen"}
	questions = []string{"adviesvraag", "melding", "informatievraag", "aanvraag", "klacht", "latente-behoefte"}
	verbs     = []string{"Vraagt na hoe het staat met", "Zoekt informatie over", "Vult het formulier in voor", "Belt terug over", "Leest de brief over", "Stuurt een bericht over"}
	topics    = []string{"de aanvraag bijzondere bijstand", "de verhuizing naar de Kerkstraat", "het gat in het fietspad", "de vergunning voor het windpark", "de betalingsregeling", "de afspraak aan de balie"}
	pains     = []string{
		"Moet zijn verhaal opnieuw vertellen",
		"Hoort niet wanneer er iets gebeurt",
		"De medewerker ziet de eerdere contacten niet in het klantcontactsysteem",
		"Wacht lang in de telefonische wachtrij zonder te horen hoe lang het nog duurt",
		"Het formulier vraagt gegevens die de gemeente al heeft",
	}
	needs = []string{"Status van de melding zien", "Terugbelverzoek met afgesproken tijdstip", "Eerdere contacten van de inwoner zien", "Iets heel anders dan een KCC-functie"}
)

// ID returns the id of journey i of n steps.
func ID(i, n int) string { return fmt.Sprintf("synthetisch-%d-%d", n, i) }

// Journey returns journey i (i ≥ 0) of a collection, of n steps (n ≥ 1),
// in the journey format. It validates without errors or warnings.
func Journey(i, n int) []byte {
	var b strings.Builder
	b.Grow(900 * n)
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("id = %q\n", ID(i, n))
	w("titel = \"Synthetische klantreis %d van %d stappen\"\n", i, n)
	w("aanleiding = \"Een inwoner heeft een vraag die over meerdere afdelingen loopt.\"\n")
	w("doel = \"De vraag is in één keer goed beantwoord.\"\n")
	w("domein = %q\nvraagsoort = %q\n\n", domains[i%len(domains)], questions[i%len(questions)])
	w("[persona]\nid = \"persona-%d-%d\"\nnaam = \"Sam\"\nrol = \"inwoner\"\nbeschrijving = \"42 jaar, werkt parttime, regelt zaken het liefst online.\"\n\n", n, i)
	phases := (n + 4) / 5
	for p := 0; p < phases; p++ {
		w("[[fase]]\nid = \"fase-%d\"\nnaam = \"Fase %d\"\nbeschrijving = \"Stappen %d tot en met %d\"\n", p+1, p+1, p*5+1, min(n, p*5+5))
		w("  [[fase.meetpunt]]\n  naam = \"Afgehandeld in eerste contact\"\n  definitie = \"Aandeel vragen in fase %d dat in het eerste contact is beantwoord\"\n  eenheid = \"%%\"\n  norm = \"80%%\"\n\n", p+1)
	}
	for s := 0; s < n; s++ {
		k := i + s // varies the content between journeys
		w("[[stap]]\nid = \"stap-%d\"\nfase = \"fase-%d\"\n", s+1, s/5+1)
		w("titel = \"%s %s\"\n", verbs[s%len(verbs)], topics[(k/2)%len(topics)])
		// Every sixth step happens behind the line only: no channel, no
		// customer action, no emotion.
		front := s%6 != 5
		if front {
			ch := channels[k%len(channels)]
			w("kanaal = %q\n", ch)
			w("bewijs = \"Bevestiging per %s met zaaknummer %d en de termijn\"\n", ch, 1000+s)
			w("klantactie = \"%s %s en noemt het zaaknummer\"\n", verbs[(s+1)%len(verbs)], topics[k%len(topics)])
			w("emotie = %d\n", []int{0, -1, -2, -1, 1, 2, 0, -1}[k%8])
			if s%3 == 0 {
				w("gewenste_emotie = %d\n", []int{1, 2, 1}[(s/3)%3])
			}
		}
		if s%4 == 2 {
			w("wachttijd = %q\n", []string{"5 minuten", "2 werkdagen", "2 weken", "3 werkdagen"}[k%4])
		}
		if s%3 == 1 {
			w("duur = \"%d minuten\"\n", s%9+2)
		}
		if s%7 == 3 {
			w("faalpunt = true\n")
		}
		if s%9 == 4 {
			w("herhaalcontact = true\n")
		}
		if s%10 == 7 && s+2 < n {
			// The next step, and a jump over it.
			w("volgende = [\"stap-%d\", \"stap-%d\"]\n", s+2, s+3)
		}
		if np := (s + 1) % 3; np > 0 {
			w("knelpunten = [")
			for p := 0; p < np; p++ {
				if p > 0 {
					w(", ")
				}
				w("%q", pains[(k+p)%len(pains)])
			}
			w("]\n")
		}
		if s%4 == 1 {
			w("succesfactoren = [\"De medewerker neemt de tijd en legt uit wat er gaat gebeuren\"]\n")
		}
		if s%5 == 3 {
			w("behoeften = [%q]\n", needs[k%len(needs)])
		}
		if front {
			w("\n  [[stap.frontoffice]]\n  actor = \"kcc-medewerker\"\n  actie = \"Zoekt de inwoner op in het klantcontactsysteem en beantwoordt de vraag over %s\"\n", topics[k%len(topics)])
		}
		w("\n  [[stap.backoffice]]\n  actor = \"vakafdeling\"\n  actie = \"Beoordeelt de zaak en legt het besluit vast\"\n")
		if s%5 == 2 {
			w("\n  [[stap.backoffice]]\n  actor = \"ketenpartner\"\n  actie = \"Levert de gegevens aan die nodig zijn voor het besluit\"\n")
		}
		w("\n  [[stap.ondersteuning]]\n  systeem = %q\n  actie = \"Registreert het contactmoment en koppelt het aan de zaak\"\n", systems[k%len(systems)])
		if s%2 == 0 {
			w("\n  [[stap.ondersteuning]]\n  systeem = %q\n  actie = \"Toont de status van de zaak\"\n", systems[(k+1)%len(systems)])
		}
		if s%4 == 0 && front {
			w("\n  [[stap.overdracht]]\n  van = \"kcc-medewerker\"\n  naar = \"vakafdeling\"\n  kanaal = \"e-mail\"\n  toelichting = \"Terugbelverzoek via de gedeelde mailbox\"\n")
		}
		w("\n")
	}
	return []byte(b.String())
}

// Files returns count journeys of n steps each, as files named after
// their ids.
func Files(count, n int) []blueprint.File {
	files := make([]blueprint.File, count)
	for i := range files {
		files[i] = blueprint.File{Name: ID(i, n) + ".toml", Src: Journey(i, n)}
	}
	return files
}

// Load loads count journeys of n steps through the real loader. It fails
// the test when they do not validate: the generator and the format must
// stay in step.
func Load(tb testing.TB, count, n int) *blueprint.Model {
	tb.Helper()
	m, diags := blueprint.LoadFiles(Files(count, n), blueprint.Options{})
	if diags.HasErrors() {
		tb.Fatalf("synthetic journeys (%d of %d steps) do not validate:\n%v", count, n, diags)
	}
	if len(m.Journeys) != count {
		tb.Fatalf("synthetic journeys: %d loaded, want %d", len(m.Journeys), count)
	}
	return m
}

// One loads a single synthetic journey of n steps.
func One(tb testing.TB, n int) (*blueprint.Model, *blueprint.Journey) {
	tb.Helper()
	m := Load(tb, 1, n)
	return m, m.Journeys[0]
}

// WriteDir writes count journeys of n steps into dir, as a folder of
// journeys on disk.
func WriteDir(tb testing.TB, dir string, count, n int) {
	tb.Helper()
	for i := 0; i < count; i++ {
		if err := os.WriteFile(filepath.Join(dir, ID(i, n)+".toml"), Journey(i, n), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}
