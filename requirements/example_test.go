package requirements_test

import (
	"fmt"
	"os"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// Derive the requirements of one journey and print where one came from.
func ExampleDerive() {
	src := []byte(`id = "thijs"
titel = "Thijs verhuist"
domein = "burgerzaken"
vraagsoort = "informatievraag"

[persona]
id = "thijs"
naam = "Thijs"
rol = "inwoner"

[[fase]]
id = "vragen"
naam = "Vragen"

[[stap]]
id = "chat"
fase = "vragen"
titel = "Thijs stelt zijn vraag in de chat"
kanaal = "chat"
klantactie = "Typt zijn vraag"
knelpunten = ["Hij moet zijn verhaal opnieuw vertellen"]
`)
	m, diags := blueprint.Load("thijs.toml", src, blueprint.Options{})
	if diags.HasErrors() {
		fmt.Fprintln(os.Stderr, diags)
		return
	}
	res, _ := requirements.Derive(m, requirements.Builtin(), requirements.Options{})
	for _, row := range res.Rows {
		if row.Requirement.ID == "KCC-CR-002" {
			fmt.Println(row.Requirement.ID, row.Requirement.Title(blueprint.Dutch), row.MoSCoW, row.Kind)
			for _, t := range row.Traces {
				fmt.Printf("  %s: %s\n", t.Pos, t.Reason)
			}
		}
	}
	// Output:
	// KCC-CR-002 Klantcontacthistorie over alle kanalen must eis
	//   thijs.toml:21:15: noemt «opnieuw vertellen»: Hij moet zijn verhaal opnieuw vertellen
}
