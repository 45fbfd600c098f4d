package gemma

import (
	"bytes"
	"os"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
)

// checkRead is what every fuzz input must give: a model or errors, never
// both or neither; every diagnostic inside the file it names and with a
// message.
func checkRead(t *testing.T, m *Model, diags blueprint.Diagnostics, files map[string][]byte) {
	t.Helper()
	if (m == nil) != diags.HasErrors() {
		t.Fatalf("model %v with diagnostics %v", m != nil, diags)
	}
	for _, d := range diags {
		src, ok := files[d.Pos.File]
		lines := bytes.Count(src, []byte("\n")) + 1
		if !ok || d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 || d.Summary == "" {
			t.Fatalf("diagnostic outside the files or without a message: %s", d)
		}
	}
}

// FuzzReadExchange feeds the exchange reader anything. Seeds: the small
// model and the corpus under testdata/fuzz.
func FuzzReadExchange(f *testing.F) {
	if src, err := os.ReadFile("testdata/small.xml"); err == nil {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m, diags := ReadExchange(blueprint.File{Name: "m.xml", Src: src}, blueprint.English)
		checkRead(t, m, diags, map[string][]byte{"m.xml": src})
	})
}

// FuzzReadCSV feeds the CSV reader anything in any of its three files.
func FuzzReadCSV(f *testing.F) {
	var seed [3][]byte
	for i, name := range []string{"elements", "relations", "properties"} {
		seed[i], _ = os.ReadFile("testdata/small-" + name + ".csv")
	}
	f.Add(seed[0], seed[1], seed[2])
	f.Fuzz(func(t *testing.T, e, r, p []byte) {
		m, diags := ReadCSV(blueprint.File{Name: "e.csv", Src: e}, blueprint.File{Name: "r.csv", Src: r}, blueprint.File{Name: "p.csv", Src: p}, blueprint.English)
		checkRead(t, m, diags, map[string][]byte{"e.csv": e, "r.csv": r, "p.csv": p})
	})
}
