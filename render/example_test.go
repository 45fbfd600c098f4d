package render_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/render"
)

const journey = `
id = "melding"
titel = "Een melding over een losse stoeptegel"
domein = "openbare-ruimte"
vraagsoort = "melding"

[persona]
id = "anna"
naam = "Anna"
rol = "inwoner"

[[fase]]
id = "melden"
naam = "Melden"

[[stap]]
id = "meldt"
fase = "melden"
titel = "Anna meldt de tegel"
kanaal = "app"
klantactie = "Maakt een foto en verstuurt de melding"
emotie = 1

  [[stap.backoffice]]
  actor = "vakafdeling"
  actie = "Plant het herstel"
`

// Derive lays a journey out; the layout says which lanes it shows and
// where the three lines of the blueprint run.
func ExampleDerive() {
	m, diags := blueprint.Load("melding.toml", []byte(journey), blueprint.Options{})
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	l := render.Derive(m, m.Journeys[0], render.Options{})
	for _, b := range l.Lanes {
		fmt.Println(b.Lane.Name(blueprint.Dutch))
	}
	for _, s := range l.Lines {
		fmt.Println("lijn:", s.Kind)
	}
	// Output:
	// Beleving
	// Fysiek bewijs
	// Klantactie
	// Frontoffice
	// Backoffice
	// Ondersteuning
	// lijn: interaction
	// lijn: visibility
	// lijn: internal
}

// A Renderer draws layouts with one Graphviz for the whole run.
func ExampleRenderer_Journey() {
	m, _ := blueprint.Load("melding.toml", []byte(journey), blueprint.Options{})
	r, err := render.NewRenderer(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	var svg bytes.Buffer
	if err := r.Journey(context.Background(), &svg, m, m.Journeys[0], render.FormatSVG, render.Options{Lang: blueprint.English}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Contains(svg.String(), ">Anna meldt de tegel<"), strings.Contains(svg.String(), ">line of visibility<"))
	// Output: true true
}
