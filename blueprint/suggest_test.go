package blueprint

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSuggestKey(t *testing.T) {
	stepKeys, _ := Keys(Step{})
	for typed, want := range map[string]string{
		"kanal":           "kanaal",
		"channel":         "kanaal",
		"Channel":         "kanaal",
		"frontstage":      "frontoffice",
		"backstage":       "backoffice",
		"pain_points":     "knelpunten",
		"emotion":         "emotie",
		"knelpunt":        "knelpunten",
		"klant_actie":     "klantactie",
		"gewenste-emotie": "gewenste_emotie",
		"fse":             "fase",
		"xyz":             "",
		"beschrijving":    "", // not a key of a step, and nothing close
	} {
		assert.Equal(t, want, suggestKey(typed, stepKeys), typed)
	}
}

func TestSuggestIDs(t *testing.T) {
	ch := BuiltinVocabulary().ChannelIDs()
	assert.Equal(t, "telefoon", suggest("telefon", ch))
	assert.Equal(t, "whatsapp", suggest("whatsap", ch))
	assert.Equal(t, "e-mail", suggest("email", ch))
	assert.Equal(t, "telefoon", suggest("tel", ch), "prefix")
	assert.Equal(t, "", suggest("fax", ch))
	assert.Equal(t, "", suggest("b", []string{"a"}), "no guesses for one-letter ids")
	assert.Equal(t, "sms", Suggest("SMS", ch), "case")
	qt := BuiltinVocabulary().QuestionTypeIDs()
	assert.Equal(t, "", Suggest("vraag", qt), "several contain it: no guess")
	sys := BuiltinVocabulary().SystemIDs()
	assert.Equal(t, "kennisbank", Suggest("kennis", sys), "the one that starts with it")
	assert.Equal(t, "meldingensysteem", Suggest("meldingen", sys))
}

func TestEditDistance(t *testing.T) {
	assert.Equal(t, 0, editDistance("stap", "stap"))
	assert.Equal(t, 1, editDistance("kanal", "kanaal"))
	assert.Equal(t, 1, editDistance("fsae", "fase"), "a swap counts once")
	assert.Equal(t, 4, editDistance("", "fase"))
	assert.Equal(t, 1, editDistance("oriënteren", "orienteren"))
}

func TestSlug(t *testing.T) {
	assert.Equal(t, "johan-belt-opnieuw", Slug("Johan belt opnieuw"))
	assert.Equal(t, "desiree-van-den-berg", Slug("Désirée van den Berg"))
	assert.Equal(t, "stap-3", Slug("  Stap 3!! "))
	assert.Equal(t, "", Slug("!!"))
}
