// Package rendertest makes synthetic journeys of any length for the
// tests and benchmarks of the diagram renderer: a journey file in the real
// format, loaded through the real loader, with the mix of content the four
// example journeys have (phases of five steps, one to three actors per
// step, pain points, waits, hand-offs, fail points, a flow that skips a
// step). The same n always gives the same journey.
package rendertest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
)

var (
	channels = []string{"telefoon", "website", "chat", "e-mail", "balie", "whatsapp", "mijn-omgeving", "post"}
	systems  = []string{"klantcontactsysteem", "zaaksysteem", "kennisbank", "telefonie", "mijn-omgeving", "documentbeheer"}
	verbs    = []string{"Vraagt na hoe het staat met", "Zoekt informatie over", "Vult het formulier in voor", "Belt terug over", "Leest de brief over", "Stuurt een bericht over"}
	topics   = []string{"de aanvraag bijzondere bijstand", "de verhuizing naar de Kerkstraat", "het gat in het fietspad", "de vergunning voor het windpark", "de betalingsregeling", "de afspraak aan de balie"}
	pains    = []string{
		"Moet zijn verhaal opnieuw vertellen",
		"Hoort niet wanneer er iets gebeurt",
		"De medewerker ziet de eerdere contacten niet in het klantcontactsysteem",
		"Wacht lang in de telefonische wachtrij zonder te horen hoe lang het nog duurt",
		"Het formulier vraagt gegevens die de gemeente al heeft",
	}
)

// TOML returns a journey of n steps (n ≥ 1) in the journey format.
func TOML(n int) []byte {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("id = \"synthetisch-%d\"\n", n)
	w("titel = \"Synthetische klantreis van %d stappen\"\n", n)
	w("aanleiding = \"Een inwoner heeft een vraag die over meerdere afdelingen loopt.\"\n")
	w("doel = \"De vraag is in één keer goed beantwoord.\"\n")
	w("domein = \"werk-en-inkomen\"\nvraagsoort = \"adviesvraag\"\n\n")
	w("[persona]\nid = \"synth-%d\"\nnaam = \"Sam\"\nrol = \"inwoner\"\nbeschrijving = \"42 jaar, werkt parttime, regelt zaken het liefst online.\"\n\n", n)
	phases := (n + 4) / 5
	for p := 0; p < phases; p++ {
		w("[[fase]]\nid = \"fase-%d\"\nnaam = \"Fase %d\"\nbeschrijving = \"Stappen %d tot en met %d\"\n", p+1, p+1, p*5+1, min(n, p*5+5))
		w("  [[fase.meetpunt]]\n  naam = \"Afgehandeld in eerste contact\"\n  definitie = \"Aandeel vragen in fase %d dat in het eerste contact is beantwoord\"\n  eenheid = \"%%\"\n  norm = \"80%%\"\n\n", p+1)
	}
	for i := 0; i < n; i++ {
		w("[[stap]]\nid = \"stap-%d\"\nfase = \"fase-%d\"\n", i+1, i/5+1)
		w("titel = \"%s %s\"\n", verbs[i%len(verbs)], topics[(i/2)%len(topics)])
		if i%6 != 5 {
			w("kanaal = %q\n", channels[i%len(channels)])
			w("bewijs = \"Bevestiging per %s met zaaknummer %d en de termijn\"\n", channels[i%len(channels)], 1000+i)
			w("klantactie = \"%s %s en noemt het zaaknummer\"\n", verbs[(i+1)%len(verbs)], topics[i%len(topics)])
			w("emotie = %d\n", []int{0, -1, -2, -1, 1, 2, 0, -1}[i%8])
			if i%3 == 0 {
				w("gewenste_emotie = %d\n", []int{1, 2, 1}[(i/3)%3])
			}
		}
		if i%4 == 2 {
			w("wachttijd = \"%d werkdagen\"\n", i%5+1)
		}
		if i%3 == 1 {
			w("duur = \"%d minuten\"\n", i%9+2)
		}
		if i%7 == 3 {
			w("faalpunt = true\n")
		}
		if i%9 == 4 {
			w("herhaalcontact = true\n")
		}
		if i%10 == 7 && i+2 < n {
			// The next step, and a jump over it (drawn over the headers).
			w("volgende = [\"stap-%d\", \"stap-%d\"]\n", i+2, i+3)
		}
		if np := i % 3; np > 0 {
			w("knelpunten = [")
			for k := 0; k < np; k++ {
				if k > 0 {
					w(", ")
				}
				w("%q", pains[(i+k)%len(pains)])
			}
			w("]\n")
		}
		if i%4 == 1 {
			w("succesfactoren = [\"De medewerker neemt de tijd en legt uit wat er gaat gebeuren\"]\n")
		}
		if i%6 != 5 {
			w("\n  [[stap.frontoffice]]\n  actor = \"kcc-medewerker\"\n  actie = \"Zoekt de inwoner op in het klantcontactsysteem en beantwoordt de vraag over %s\"\n", topics[i%len(topics)])
		}
		w("\n  [[stap.backoffice]]\n  actor = \"vakafdeling\"\n  actie = \"Beoordeelt de zaak en legt het besluit vast\"\n")
		if i%5 == 2 {
			w("\n  [[stap.backoffice]]\n  actor = \"ketenpartner\"\n  actie = \"Levert de gegevens aan die nodig zijn voor het besluit\"\n")
		}
		w("\n  [[stap.ondersteuning]]\n  systeem = %q\n  actie = \"Registreert het contactmoment en koppelt het aan de zaak\"\n", systems[i%len(systems)])
		if i%2 == 0 {
			w("\n  [[stap.ondersteuning]]\n  systeem = %q\n  actie = \"Toont de status van de zaak\"\n", systems[(i+1)%len(systems)])
		}
		if i%4 == 0 && i%6 != 5 {
			w("\n  [[stap.overdracht]]\n  van = \"kcc-medewerker\"\n  naar = \"vakafdeling\"\n  kanaal = \"e-mail\"\n  toelichting = \"Terugbelverzoek via de gedeelde mailbox\"\n")
		}
		w("\n")
	}
	return []byte(b.String())
}

// Journey loads a synthetic journey of n steps through the real loader. It
// fails the test when the journey does not validate: the generator and
// the format must stay in step.
func Journey(tb testing.TB, n int) (*blueprint.Model, *blueprint.Journey) {
	tb.Helper()
	m, diags := blueprint.Load(fmt.Sprintf("synthetisch-%d.toml", n), TOML(n), blueprint.Options{})
	if diags.HasErrors() {
		tb.Fatalf("synthetic journey of %d steps does not validate:\n%v", n, diags)
	}
	if len(m.Journeys) != 1 {
		tb.Fatalf("synthetic journey of %d steps: %d journeys loaded", n, len(m.Journeys))
	}
	return m, m.Journeys[0]
}
