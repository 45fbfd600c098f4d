package coverage

import (
	"fmt"

	"github.com/dimpact/blueprint/blueprint"
	"io"
	"testing"

	"github.com/dimpact/blueprint/blueprint/blueprinttest"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
)

// BenchmarkCoverage computes the coverage of the four examples against the
// embedded extract and the full model (read once, not timed), and of the
// national case (7,600 synthetic journeys of 20 steps; derivation not
// timed) against the extract; each writes the text report.
func BenchmarkCoverage(b *testing.B) {
	res := derive(b, requirements.Builtin(), blueprint.Dutch)
	vocab := exampleModel(b).Vocabulary
	models := map[string]*gemma.Model{"extract": gemma.Default()}
	if m := fullModelOrNil(); m != nil {
		models["full"] = m
	}
	for _, name := range []string{"extract", "full"} {
		m := models[name]
		if m == nil {
			continue
		}
		b.Run("examples/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := WriteText(io.Discard, Compute(res, vocab, m)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	n := blueprinttest.NationalJourneys
	national := blueprinttest.Load(b, n, blueprinttest.NationalSteps)
	nres, _ := requirements.Derive(national, requirements.Builtin(), requirements.Options{})
	b.Run(fmt.Sprintf("journeys=%d/extract", n), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := WriteText(io.Discard, Compute(nres, national.Vocabulary, gemma.Default())); err != nil {
				b.Fatal(err)
			}
		}
	})
}
