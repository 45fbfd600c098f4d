package requirements

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fired returns the text rules of the built-in catalogue that a need (or a
// pain point) fires, with the words that matched.
func fired(t *testing.T, text string, need bool) map[string]string {
	t.Helper()
	cat := Builtin()
	require.NotNil(t, cat.text)
	m := newTextMatcher(cat.text)
	out := map[string]string{}
	for _, tr := range cat.text.rules {
		ids := tr.pain
		if need {
			ids = tr.need
		}
		if h, ok := first(ids, cat.text, m.matches(text, need)); ok {
			out[tr.rule.ID] = h.explain()
		}
	}
	return out
}

// The needs of issue 13 that matched nothing now fire the rule a KCC
// expert expects, and say why.
func TestTextMatchesNeedsAsWritten(t *testing.T) {
	for _, c := range []struct{ text, rule, why string }{
		{"Tevredenheidsonderzoek na afronding", "woord-tevredenheid", "«Tevredenheidsonderzoek» ~ «tevredenheid»"},
		{"KTO na afronding van de melding", "woord-tevredenheid", "«kto»"},
		{"Chattranscript opslaan", "woord-chatverloop", "«Chattranscript» ~ «transcript»"},
		{"Contact koppelen aan een melding", "woord-koppeling-zaak", "«koppelen aan»"},
		{"E-formulier met eHerkenning", "woord-eherkenning", "«eherkenning»"},
		{"Koppeling met de BRP", "woord-brp", "«brp»"},
		{"Keuze voor kanaal", "woord-kanaalvoorkeur", "«keuze voor kanaal»"},
		{"Notificatie bij elke statuswijziging", "woord-op-de-hoogte", "«statuswijziging»"},
		{"Notificaties per sms", "woord-op-de-hoogte", "«Notificaties» ~ «notificatie»"},
		{"Notificatie aan de behandelaar bij een nieuw contactverzoek", "woord-herinnering", "«notificatie aan de behandelaar»"},
		{"Terugbelverzoek", "woord-terugbelverzoek", "«terugbelverzoek»"},
		{"Iemand die terugbelt als dat beloofd is", "woord-terugbelverzoek", "«die terugbelt»"},
		{"Terugbelverzoeken met een vaste termijn", "woord-terugbelverzoek", "«Terugbelverzoeken» ~ «terugbelverzoek»"},
		{"Een overlastmelding met urgentiecriteria", "woord-urgentie", "«urgentiecriteria» ~ «urgentie»"},
		{"Eén pagina met alle voorwaarden", "woord-website", "«één pagina»"},
		{"De klachtencoördinator ziet de historie", "woord-klacht", "«klachtencoördinator» ~ «klacht»"},
	} {
		got := fired(t, c.text, true)
		assert.Equal(t, c.why, got[c.rule], "%q should fire %s; fired %v", c.text, c.rule, got)
	}
}

// Words that only look like a catalogue word fire nothing.
func TestTextAccidents(t *testing.T) {
	for _, c := range []struct{ text, rule string }{
		{"Het paspoort op tijd vernieuwen", "woord-urgentie"},              // no "pas", no "nood"
		{"Het is noodzakelijk dat de aanvraag klopt", "woord-urgentie"},    // nood
		{"Spoedig antwoord op de aanvraag", "woord-urgentie"},              // spoed
		{"Een afspraak voordat de vergunning verloopt", "woord-proactief"}, // vóórdat is stressed, voordat is not
		{"Een pagina met de voorwaarden", "woord-website"},                 // een is not één
		{"De medewerker werkt in het meldingensysteem", "woord-klantbeeld"},
		{"Contacten per onderwerp en kanaal", "woord-kanalen"},
		{"Hij hoort het van de krant, niet van de gemeente", "woord-op-de-hoogte"}, // niet is not niets
		{"Een bewaakte terugbeltermijn", "woord-terugbelverzoek"},
		{"Het KCC ziet niet of een document klaarligt (RAAS niet toegankelijk)", "woord-toegankelijkheid"}, // access, not accessibility
		{"De gemeente belt met een afgeschermd nummer", "woord-status"},                                    // terugbel-termijn, not terugbelt-ermijn
	} {
		assert.NotContains(t, fired(t, c.text, true), c.rule, "need %q", c.text)
		assert.NotContains(t, fired(t, c.text, false), c.rule, "pain point %q", c.text)
	}
}

// A negated need fires nothing; a negated burden and a pain point's lack
// still do.
func TestTextNegation(t *testing.T) {
	assert.NotContains(t, fired(t, "Uitleg over spoed die niet voor hem geldt", true), "woord-urgentie")
	assert.NotContains(t, fired(t, "Leest over spoed die niet voor hem geldt", false), "woord-urgentie")
	assert.NotContains(t, fired(t, "Aanvragen zonder DigiD", true), "woord-digid")
	assert.NotContains(t, fired(t, "Geen terugbelverzoek maar direct het antwoord", true), "woord-terugbelverzoek")
	assert.NotContains(t, fired(t, "Nooit een chatbot", true), "woord-chatbot")

	assert.Contains(t, fired(t, "Niet meer hoeven bellen voor de status", true), "woord-status")
	assert.Contains(t, fired(t, "Niet opnieuw moeten vertellen wat er speelt", false), "woord-historie")
	assert.Contains(t, fired(t, "Geen lange wachttijd aan de telefoon", true), "woord-wachtrij")
	assert.Contains(t, fired(t, "Niet in een pdf, maar op de webpagina", true), "woord-website")
	assert.Contains(t, fired(t, "Krijgt geen statusbericht van de melding", false), "woord-status", "a pain point: the lack is the pain")
	assert.Contains(t, fired(t, "Belt terug maar krijgt geen gehoor", true), "woord-terugbellen", "a rule word that holds the negation")
}

// In a derivation the trace of a text rule names the words that matched,
// and a negated need stays unmapped (a warning says so).
func TestTextTracesInDerivation(t *testing.T) {
	m := model(t, "", [3]string{"kto", "melding", step("s", `kanaal = "telefoon"
behoeften = ["Tevredenheidsonderzoek na afronding", "Uitleg over spoed die niet voor hem geldt"]`)})
	res, diags := derive(t, m, Options{})
	row := rowOf(res, "KCC-KZ-001")
	require.NotNil(t, row)
	assert.Contains(t, reasons(row)[0], "woord-tevredenheid: noemt «Tevredenheidsonderzoek» ~ «tevredenheid»: Tevredenheidsonderzoek na afronding @ ")
	if kg := rowOf(res, "KCC-KG-008"); kg != nil {
		for _, tr := range kg.Traces {
			assert.NotEqual(t, "woord-urgentie", tr.Rule.ID, "a negated need fires no rule")
		}
	}
	var unmapped []string
	for _, d := range diags {
		if d.Code == "need-unmapped" {
			unmapped = append(unmapped, d.Summary)
		}
	}
	assert.Equal(t, []string{`behoefte "Uitleg over spoed die niet voor hem geldt" leidt tot geen eis uit de catalogus`}, unmapped)
}

// The matcher reads each distinct text once per derivation, and gives the
// same answer from memory.
func TestTextMatcherRemembers(t *testing.T) {
	cat := Builtin()
	m := newTextMatcher(cat.text)
	a := m.matches("Status van mijn melding zien", true)
	b := m.matches("Status van mijn melding zien", true)
	require.NotEmpty(t, a)
	assert.Equal(t, a, b)
	assert.Len(t, m.seen, 1)
}

// A journey's text is outside input: matching must never panic, and a
// match's words are words of the text.
func FuzzTextMatch(f *testing.F) {
	for _, s := range []string{"Tevredenheidsonderzoek na afronding", "spoed die niet voor hem geldt", "", "—", "niet", "Eén", "\xff\xfe status", "statusstatusstatus", "geen gehoor geen"} {
		f.Add(s, true)
	}
	cat := Builtin()
	f.Fuzz(func(t *testing.T, text string, need bool) {
		m := newTextMatcher(cat.text)
		for _, h := range m.matches(text, need) {
			if !strings.Contains(text, h.got) || h.got == "" {
				t.Fatalf("match %q is not in %q", h.got, text)
			}
			_ = h.explain()
		}
	})
}

// A clause is the whole scope of a negation: this need is read as not
// wanting a queue (a known limit, docs/requirements.md).
func TestTextNegationKnownLimit(t *testing.T) {
	assert.NotContains(t, fired(t, "Niet in de wachtrij staan", true), "woord-wachtrij")
	assert.Contains(t, fired(t, "Niet lang in de wachtrij staan", true), "woord-wachtrij")
}
