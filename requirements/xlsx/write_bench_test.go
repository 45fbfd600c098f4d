package xlsx

import (
	"fmt"
	"io"
	"testing"

	"github.com/dimpact/blueprint/blueprint/blueprinttest"
	"github.com/dimpact/blueprint/requirements"
)

// BenchmarkWriteNational times the workbook alone, the last phase of
// `blueprint matrix`: the requirements of a quarter and of all of the
// national case (synthetic journeys of 20 steps) are derived once, and
// each iteration writes their PvE to io.Discard.
func BenchmarkWriteNational(b *testing.B) {
	cat := requirements.Builtin()
	for _, n := range []int{1900, blueprinttest.NationalJourneys} {
		m := blueprinttest.Load(b, n, blueprinttest.NationalSteps)
		res, _ := requirements.Derive(m, cat, requirements.Options{})
		meta := requirements.Meta{}
		b.Run(fmt.Sprintf("journeys=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := Write(io.Discard, res, meta); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
