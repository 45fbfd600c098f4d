package xlsx

import (
	"fmt"
	"io"
	"testing"

	"github.com/dimpact/blueprint/blueprint/blueprinttest"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/plan"
)

// BenchmarkDeriveAndWorkbook derives the requirements of 1, 100 and 7,600
// synthetic journeys of 20 steps (the national case) and writes the
// workbook. Loading the journeys is not timed; see the
// loading benchmarks of package blueprint.
func BenchmarkDeriveAndWorkbook(b *testing.B) {
	cat := requirements.Builtin()
	for _, n := range []int{1, 100, blueprinttest.NationalJourneys} {
		m := blueprinttest.Load(b, n, blueprinttest.NationalSteps)
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
	for _, n := range []int{1, 100, blueprinttest.NationalJourneys} {
		m := blueprinttest.Load(b, n, blueprinttest.NationalSteps)
		b.Run(fmt.Sprintf("journeys=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				requirements.Derive(m, cat, requirements.Options{})
			}
		})
	}
}

// BenchmarkPlanWorkbook derives the verbeterplan of 100 and 7,600
// synthetic journeys and writes its workbook.
func BenchmarkPlanWorkbook(b *testing.B) {
	for _, n := range []int{100, blueprinttest.NationalJourneys} {
		m := blueprinttest.Load(b, n, blueprinttest.NationalSteps)
		b.Run(fmt.Sprintf("journeys=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := WritePlan(io.Discard, plan.Derive(m, plan.Options{}), requirements.Meta{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
