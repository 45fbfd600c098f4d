package gemma

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
)

// BenchmarkRead reads the full GEMMA model (release 2026-06-30, 3,006
// elements, 6,257 relationships) in both formats, and the embedded extract.
// The files are in memory; reading them from disk is not timed.
func BenchmarkRead(b *testing.B) {
	if _, err := os.Stat(sharedDir); err != nil {
		b.Skipf("the GEMMA model is not at %s; skipping", sharedDir)
	}
	read := func(name string) blueprint.File {
		src, err := os.ReadFile(filepath.Join(sharedDir, name))
		if err != nil {
			b.Fatal(err)
		}
		return blueprint.File{Name: name, Src: src}
	}
	x := read("gemma-exchange.xml")
	e, r, p := read("gemma-elements.csv"), read("gemma-relations.csv"), read("gemma-properties.csv")
	b.Run("exchange", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(x.Src)))
		for b.Loop() {
			if m, _ := ReadExchange(x, blueprint.English); m == nil {
				b.Fatal("no model")
			}
		}
	})
	b.Run("csv", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(e.Src) + len(r.Src) + len(p.Src)))
		for b.Loop() {
			if m, _ := ReadCSV(e, r, p, blueprint.English); m == nil {
				b.Fatal("no model")
			}
		}
	})
	b.Run("scope", func(b *testing.B) {
		m, _ := ReadExchange(x, blueprint.English)
		b.ReportAllocs()
		for b.Loop() {
			ScopeOf(m, nil)
		}
	})
}
