package blueprint

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds the loader anything. It must never panic; it returns an
// error or a model; and every diagnostic points inside the file.
// Seeds: the examples, the journeys of other gemeenten written with the
// format's extensions, the starter journey and the diagnostic cases; the
// corpus under testdata/fuzz/FuzzLoad holds inputs that once mattered.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("../examples/*.toml")
	more, _ := filepath.Glob("testdata/corpus-format/*.toml")
	files = append(files, more...)
	for _, name := range files {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src)
		}
	}
	f.Add(StarterJourney("Johan", "johan.toml"))
	cases, _ := filepath.Glob("testdata/diagnostics/*.txtar")
	for _, c := range cases {
		inputs, _ := parseArchive(f, c).split()
		for _, in := range inputs {
			f.Add(in.Src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m, diags := LoadFiles([]File{{Name: "f.toml", Src: src}}, Options{})
		if m == nil {
			t.Fatal("nil model")
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, d := range diags {
			if d.Pos.File != "f.toml" || d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 {
				t.Fatalf("diagnostic outside the file (%d lines): %s", lines, d)
			}
			if d.Summary == "" {
				t.Fatalf("diagnostic without a message at %s", d.Pos)
			}
		}
		if !diags.HasErrors() && len(m.Journeys) != 1 {
			t.Fatalf("no errors but %d journeys", len(m.Journeys))
		}
	})
}
