package blueprint_test

import (
	"fmt"

	"github.com/dimpact/blueprint/blueprint"
)

// Load a journey from memory and print what is wrong with it, the way
// `blueprint validate` does.
func ExampleLoad() {
	src := []byte(`id = "johan"
titel = "Johan meldt een gat in de weg"
domein = "openbare-ruimte"
vraagsoort = "melding"

[persona]
id = "johan"
naam = "Johan"
rol = "inwoner"

[[fase]]
id = "melden"
naam = "Melden"

[[stap]]
id = "meldt"
fase = "melden"
titel = "Johan meldt het gat"
kanal = "website"
klantactie = "Vult het formulier in"
emotie = 7
`)
	_, diags := blueprint.Load("johan.toml", src, blueprint.Options{})
	for _, d := range diags {
		if d.Severity == blueprint.Error {
			fmt.Println(d)
		}
	}
	// Output:
	// johan.toml:19:1: fout: onbekende sleutel "kanal" in [[stap]] "meldt"; bedoelde u "kanaal"?
	// johan.toml:21:10: fout: emotie 7 valt buiten de schaal -2 tot en met +2; gebruik -2 (zeer negatief), -1, 0 (neutraal), 1 of 2 (zeer positief)
}

// Summarize gives the numbers an adviser checks first.
func ExampleSummarize() {
	m, _ := blueprint.Load("reis.toml", blueprint.StarterJourney("Johan", "reis.toml"), blueprint.Options{})
	s := blueprint.Summarize(m.Journeys[0])
	fmt.Println(s.ID, s.Steps, "stappen,", len(s.Channels), "kanalen, laagste emotie", s.LowestEmotion, "bij", s.LowestStep.ID)
	// Output:
	// reis 3 stappen, 3 kanalen, laagste emotie -1 bij belt-kcc
}
