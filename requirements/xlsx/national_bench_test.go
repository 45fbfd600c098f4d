package xlsx

import (
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/blueprinttest"
	"github.com/dimpact/blueprint/requirements"
)

// nationalSizes are the collections BenchmarkNationalMatrix measures: an
// eighth, a quarter, half and all of the national case, to show that time
// and memory grow linearly.
var nationalSizes = []int{950, 1900, 3800, blueprinttest.NationalJourneys}

// BenchmarkNationalMatrix is `blueprint matrix` on the national case
// without the command line: a folder of synthetic journeys of 20 steps,
// written to a temporary folder by the test (7,600 of them are 140 MB of
// TOML), is read from disk, loaded and validated, the requirements are
// derived and the workbook is written (to io.Discard). Besides time and
// allocations it reports held-MB: the heap in use, after a collection,
// while the model and the derived requirements are held, which is the
// floor under the peak resident memory of the command. Like the command it
// lets go of the steps while deriving and of the positions after it, but
// it keeps the files' texts and sets no memory limit.
func BenchmarkNationalMatrix(b *testing.B) {
	cat := requirements.Builtin()
	for _, n := range nationalSizes {
		dir := b.TempDir()
		blueprinttest.WriteDir(b, dir, n, blueprinttest.NationalSteps)
		b.Run(fmt.Sprintf("journeys=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var held uint64
			for i := 0; i < b.N; i++ {
				files, err := blueprint.ReadPaths([]string{dir})
				if err != nil {
					b.Fatal(err)
				}
				m, diags := blueprint.LoadFiles(files, blueprint.Options{})
				if diags.HasErrors() || len(m.Journeys) != n {
					b.Fatalf("%d journeys loaded of %d: %v", len(m.Journeys), n, diags.Error())
				}
				meta := requirements.MetaFor(m, files)
				res, _ := requirements.Derive(m, cat, requirements.Options{ReleaseSteps: true})
				m.ReleasePositions() // as blueprint matrix does
				if len(res.Journeys) != n {
					b.Fatalf("derived from %d journeys, want %d", len(res.Journeys), n)
				}
				b.StopTimer()
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				held = max(held, ms.HeapInuse)
				b.StartTimer()
				if err := Write(io.Discard, res, meta); err != nil {
					b.Fatal(err)
				}
				runtime.KeepAlive(files)
			}
			b.ReportMetric(float64(held)/(1<<20), "held-MB")
		})
	}
}

// BenchmarkNationalLoad is the loading part of BenchmarkNationalMatrix
// alone (`blueprint validate` on the folder): read, parse, index, decode
// and validate. held-MB is the heap in use, after a collection, while the
// model and the files' texts are held.
func BenchmarkNationalLoad(b *testing.B) {
	for _, n := range nationalSizes {
		dir := b.TempDir()
		blueprinttest.WriteDir(b, dir, n, blueprinttest.NationalSteps)
		b.Run(fmt.Sprintf("journeys=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var held uint64
			for i := 0; i < b.N; i++ {
				files, err := blueprint.ReadPaths([]string{dir})
				if err != nil {
					b.Fatal(err)
				}
				m, diags := blueprint.LoadFiles(files, blueprint.Options{})
				if diags.HasErrors() || len(m.Journeys) != n {
					b.Fatalf("%d journeys loaded of %d: %v", len(m.Journeys), n, diags.Error())
				}
				b.StopTimer()
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				held = max(held, ms.HeapInuse)
				b.StartTimer()
				runtime.KeepAlive(m)
				runtime.KeepAlive(files)
			}
			b.ReportMetric(float64(held)/(1<<20), "held-MB")
		})
	}
}
