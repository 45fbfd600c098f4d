package blueprint

import (
	"bytes"
	_ "embed"
	"path"
	"strings"
	"text/template"
)

//go:embed templates/starter.toml
var starterText string

var starterTemplate = template.Must(template.New("starter").Parse(starterText))

// StarterJourney returns a commented starter journey for a persona name,
// to be written to file (the name is used in the comments). It validates
// without errors or warnings, and shows every lane of a step.
func StarterJourney(persona, file string) []byte {
	name := strings.TrimSpace(persona)
	if name == "" {
		name = "Inwoner"
	}
	name = strings.NewReplacer(`"`, "'", `\`, "/", "\n", " ", "\r", " ").Replace(name)
	pid := Slug(name)
	if pid == "" {
		pid = "persona"
	}
	id := Slug(strings.TrimSuffix(path.Base(file), path.Ext(file)))
	if id == "" {
		id = "klantreis-" + pid
	}
	var b bytes.Buffer
	if err := starterTemplate.Execute(&b, map[string]string{
		"Name": name, "PersonaID": pid, "ID": id, "File": file,
	}); err != nil {
		panic(err) // the template is ours and tested
	}
	return b.Bytes()
}
