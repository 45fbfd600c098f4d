package archimate

import (
	"io"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
)

// BenchmarkExport builds and encodes the export of the four examples
// (derivation and coverage not timed).
func BenchmarkExport(b *testing.B) {
	in := examplesInput(b, blueprint.Dutch)
	b.ReportAllocs()
	for b.Loop() {
		m, err := Build(in)
		if err != nil {
			b.Fatal(err)
		}
		if err := Encode(io.Discard, m); err != nil {
			b.Fatal(err)
		}
	}
}
