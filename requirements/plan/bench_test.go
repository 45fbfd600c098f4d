package plan

import (
	"fmt"
	"io"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/blueprinttest"
)

// national loads count synthetic journeys of the national size with a
// project file that holds two employee personas with knelpunten, as a
// gemeente's folder does.
func national(b *testing.B, count int) *blueprint.Model {
	b.Helper()
	files := append([]blueprint.File{{Name: "blueprint.toml", Src: []byte(project)}}, blueprinttest.Files(count, blueprinttest.NationalSteps)...)
	m, diags := blueprint.LoadFiles(files, blueprint.Options{})
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	return m
}

// BenchmarkPlan derives the verbeterplan and the visie coverage of 1, 100
// and 7,600 journeys of 20 steps and writes the Markdown of both.
func BenchmarkPlan(b *testing.B) {
	for _, n := range []int{1, 100, blueprinttest.NationalJourneys} {
		var m *blueprint.Model
		b.Run(fmt.Sprintf("journeys=%d", n), func(b *testing.B) {
			// Loaded inside the sub-benchmark, once, so that only its
			// model is alive while it runs.
			if m == nil {
				m = national(b, n)
				b.ResetTimer()
			}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				p := Derive(m, Options{})
				if err := WriteMarkdown(io.Discard, p); err != nil {
					b.Fatal(err)
				}
				if err := WriteVisionMarkdown(io.Discard, Vision(m, p)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
