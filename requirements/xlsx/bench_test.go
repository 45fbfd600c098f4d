package xlsx

import (
	"fmt"
	"io"
	"testing"

	"github.com/dimpact/blueprint/requirements"
)

// BenchmarkDeriveAndWorkbook derives the requirements of 1, 100 and 7,600
// synthetic journeys (the size of a national collection: 380 gemeenten ×
// 20) and writes the workbook. Loading the journeys is not timed; see the
// loading benchmarks of package blueprint.
func BenchmarkDeriveAndWorkbook(b *testing.B) {
	cat := requirements.Builtin()
	for _, n := range []int{1, 100, 7600} {
		m := Synthetic(b, n)
		b.Run(fmt.Sprintf("journeys=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				res, _ := requirements.Derive(m, cat, requirements.Options{})
				if err := Write(io.Discard, res, requirements.Meta{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDerive times derivation alone.
func BenchmarkDerive(b *testing.B) {
	cat := requirements.Builtin()
	for _, n := range []int{1, 100, 7600} {
		m := Synthetic(b, n)
		b.Run(fmt.Sprintf("journeys=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				requirements.Derive(m, cat, requirements.Options{})
			}
		})
	}
}
