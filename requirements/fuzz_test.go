package requirements

import (
	"os"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
)

// A tender's catalogue is outside input: loading it must never panic, and
// it gives either a catalogue or errors.
func FuzzLoadCatalogue(f *testing.F) {
	f.Add(builtinTOML)
	for _, name := range []string{"testdata/catalogue/broken.toml", "testdata/catalogue/extend.toml"} {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("uitbreiden = true\n[[regel]]\nid = \"x\"\nniveau = \"tekst\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, diags := LoadCatalogue("fuzz.toml", src, blueprint.Dutch)
		if (c == nil) != diags.HasErrors() {
			t.Fatalf("catalogue %v with diagnostics %v", c != nil, diags)
		}
		if c != nil {
			// A catalogue that loads can derive.
			Derive(&blueprint.Model{Project: &blueprint.Project{}, Vocabulary: blueprint.BuiltinVocabulary()}, c, Options{})
		}
	})
}
