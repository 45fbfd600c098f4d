package dutch

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func word(s *Stemmer, w string) Word { return s.Analyse(w).Words[0] }

// The forms of a word share a stem, also where Snowball leaves a spelling
// alternation.
func TestStemJoinsForms(t *testing.T) {
	s := NewStemmer()
	for _, pair := range [][2]string{
		{"terugbelverzoeken", "terugbelverzoek"}, {"meldingen", "melding"}, {"kanalen", "kanaal"},
		{"brieven", "brief"}, {"statussen", "status"}, {"notificaties", "notificatie"},
		{"doorverbindt", "doorverbinden"}, {"gekoppelde", "gekoppeld"}, {"koppeling", "koppelen"},
	} {
		assert.Equal(t, s.Stem(pair[1]), s.Stem(pair[0]), "%s ~ %s", pair[0], pair[1])
	}
	assert.NotEqual(t, s.Stem("niet"), s.Stem("niets"), "a negation keeps its own stem")
}

// A catalogue word is found in the compounds that hold it, as head or as
// modifier with the linking -s- or -en-.
func TestCompoundsHoldTheirParts(t *testing.T) {
	s := NewStemmer()
	modifier := [][2]string{
		{"tevredenheidsonderzoek", "tevredenheid"}, {"chattranscript", "chat"}, {"statuswijziging", "status"},
		{"klachtencoördinator", "klacht"}, {"meldingsnummer", "melding"}, {"kennisbankartikel", "kennisbank"},
		{"spoedverzoek", "spoed"}, {"notificatieberichten", "notificatie"}, {"terugbelverzoeken", "terugbel"},
	}
	for _, c := range modifier {
		assert.True(t, Modifier(word(s, c[0]), Fold(c[1])), "%s holds %s", c[0], c[1])
	}
	head := [][2]string{
		{"tevredenheidsonderzoek", "onderzoek"}, {"overlastmelding", "melding"}, {"ontvangstbevestiging", "bevestiging"},
		{"statusberichten", "bericht"}, {"ophaalafspraak", "afspraak"}, {"kanaalkeuze", "keuze"}, {"klanttevredenheid", "tevredenheid"}, {"overlastmeldingen", "melding"},
	}
	for _, c := range head {
		assert.True(t, Head(word(s, c[0]), Fold(c[1]), s.Stem(Fold(c[1]))), "%s ends in %s", c[0], c[1])
	}
}

// The accidents: short parts, derivational endings, verbal prefixes and
// words that only look like compounds.
func TestCompoundAccidents(t *testing.T) {
	s := NewStemmer()
	for _, c := range [][2]string{
		{"paspoort", "pas"},      // a part of three letters
		{"spoedig", "spoed"},     // "ig" is no head
		{"noodzakelijk", "nood"}, // one word, not nood + zakelijk
		{"noodzaak", "nood"},     // idem
		{"gevaarlijk", "gevaar"}, // -lijk derives, it is no head
		{"piekeren", "piek"},     // -eren
		{"statussen", "status"},  // an inflection, not a compound (the stem matches)
		{"chatten", "chat"},      // idem
		{"brpgegevens", "brp"},   // abbreviations match whole words only
		{"appartement", "app"},   // idem
	} {
		assert.False(t, Modifier(word(s, c[0]), Fold(c[1])), "%s does not hold %s as modifier", c[0], c[1])
	}
	for _, c := range [][2]string{
		{"aanvraag", "vraag"},     // aan- is a prefix of three letters
		{"vermelding", "melding"}, // ver- idem
		{"oorzaak", "zaak"},       // a modifier of three letters
		{"overleg", "leg"},        // a head of three letters
		{"voorwaarde", "waarde"},  // voor- is a verbal prefix
		{"doorverbinden", "verbinden"},
		{"ontevreden", "tevreden"},
		{"noodzaak", "zaak"},
	} {
		assert.False(t, Head(word(s, c[0]), Fold(c[1]), s.Stem(Fold(c[1]))), "%s does not end in %s", c[0], c[1])
	}
}

func TestAnalyseSplitsWordsAndClauses(t *testing.T) {
	s := NewStemmer()
	tx := s.Analyse("Eén E-formulier, niet in een pdf maar op de webpagina")
	var forms []string
	var clauses []int
	for _, w := range tx.Words {
		forms = append(forms, w.Form)
		clauses = append(clauses, w.Clause)
	}
	assert.Equal(t, []string{"één", "e", "formulier", "niet", "in", "een", "pdf", "maar", "op", "de", "webpagina"}, forms)
	assert.Equal(t, []int{0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}, clauses)
	assert.Equal(t, "E-formulier", tx.Span(1, 3), "a span is the text as written")
	assert.Equal(t, "coordinator", Fold("Coördinator"))
	assert.True(t, Stressed(Fold("vóórdat")))
	assert.False(t, Stressed(Fold("voordat")))
}

// negated finds the word w in text and reports whether its match is
// negated.
func negated(t *testing.T, text, w string, need bool) bool {
	t.Helper()
	s := NewStemmer()
	tx := s.Analyse(text)
	for i, x := range tx.Words {
		if x.Form == w {
			_, neg := tx.Negated(i, i+1, need)
			return neg
		}
	}
	t.Fatalf("%q not in %q", w, text)
	return false
}

func TestNegation(t *testing.T) {
	// Negations that cancel.
	assert.True(t, negated(t, "Aanvragen zonder DigiD", "digid", true))
	assert.True(t, negated(t, "Geen terugbelverzoek, maar direct doorverbinden", "terugbelverzoek", true))
	assert.True(t, negated(t, "Voorwaarden op de webpagina, niet in een pdf", "pdf", true))
	assert.True(t, negated(t, "Een toelichting over spoed die niet voor hem geldt", "spoed", true))
	assert.True(t, negated(t, "Leest over spoed die niet voor hem geldt", "spoed", false), "also in a pain point")
	assert.True(t, negated(t, "DigiD is voor deze vraag niet nodig", "digid", true))
	assert.True(t, negated(t, "Nooit een chatbot", "chatbot", true))

	// Negations that do not cancel: a burden negated, another clause, or
	// the lack that a pain point is.
	assert.False(t, negated(t, "Niet meer hoeven bellen voor de status", "bellen", true))
	assert.False(t, negated(t, "Niet opnieuw zijn verhaal vertellen", "verhaal", true))
	assert.False(t, negated(t, "Geen lange wachttijd aan de telefoon", "wachttijd", true))
	assert.False(t, negated(t, "Niet in een pdf, maar op de webpagina", "webpagina", true))
	assert.False(t, negated(t, "Geen bevestiging ontvangen", "bevestiging", false), "a pain point: the lack is the pain")
	assert.False(t, negated(t, "Kan de status niet zien", "status", false))
	assert.False(t, negated(t, "Een terugbelverzoek dat niet blijft liggen", "terugbelverzoek", true))
	assert.False(t, negated(t, "Geen idee wat er met de melding gebeurt, dus status zien", "status", true), "too far away")
}
