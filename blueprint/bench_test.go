package blueprint_test

import (
	"fmt"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/blueprinttest"
)

func BenchmarkLoad(b *testing.B) {
	example, err := blueprint.ReadPaths([]string{"../examples/johan-gat-in-de-weg.toml"})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("example-johan", func(b *testing.B) {
		for b.Loop() {
			if _, d := blueprint.LoadFiles(example, blueprint.Options{}); d.HasErrors() {
				b.Fatal(d.Error())
			}
		}
	})
	for _, n := range []int{10, 60, 200} {
		src := blueprinttest.Files(1, n)
		b.Run(fmt.Sprintf("synthetic-%d-steps", n), func(b *testing.B) {
			b.SetBytes(int64(len(src[0].Src)))
			for b.Loop() {
				blueprint.LoadFiles(src, blueprint.Options{})
			}
		})
	}
}

// BenchmarkLoadDir reads folders of 250 to 2,000 journeys of 20 steps, and
// the national case of 7,600, from disk, as `blueprint validate DIR` does,
// to show that time grows linearly.
func BenchmarkLoadDir(b *testing.B) {
	for _, n := range []int{250, 500, 1000, 2000, blueprinttest.NationalJourneys} {
		dir := b.TempDir()
		blueprinttest.WriteDir(b, dir, n, blueprinttest.NationalSteps)
		b.Run(fmt.Sprintf("journeys-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m, d, err := blueprint.LoadDir(dir, blueprint.Options{})
				if err != nil || d.HasErrors() || len(m.Journeys) != n {
					b.Fatalf("%v %v", err, d.Error())
				}
			}
		})
	}
}

// BenchmarkValidate runs the validation passes alone over collections of
// 20-step journeys loaded once, up to the national case: the part of
// loading after decoding, on every core above a few hundred journeys.
func BenchmarkValidate(b *testing.B) {
	for _, n := range []int{250, 1000, blueprinttest.NationalJourneys} {
		m := blueprinttest.Load(b, n, blueprinttest.NationalSteps)
		b.Run(fmt.Sprintf("journeys-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if d := blueprint.Validate(m, blueprint.Dutch); len(d) != 0 {
					b.Fatal(d.Error())
				}
			}
		})
	}
}

// BenchmarkDecodeJourneys decodes 100 generated journeys of 20 steps, the
// shape of the national case, one file after another: the TOML library,
// the position index and the decoder, without validating.
func BenchmarkDecodeJourneys(b *testing.B) {
	files := blueprinttest.Files(100, blueprinttest.NationalSteps)
	size := 0
	for _, f := range files {
		size += len(f.Src)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			if d := blueprint.DecodeTOML(f.Name, f.Src, &blueprint.Journey{}, blueprint.Dutch); d.HasErrors() {
				b.Fatal(d.Error())
			}
		}
	}
}
