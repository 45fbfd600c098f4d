package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/blueprinttest"
)

// The benchmarks of docs/performance.md ("Diagrams"). Run them with
//
//	go test -run '^$' -bench . -benchmem ./render/
//
// The Native benchmarks run Graphviz's own `dot` on the same DOT file, as
// a whole process per journey, and are skipped when dot is not installed
// (apt-get install graphviz; the tests never need it).

// BenchmarkExampleSVG renders one example journey (Johan, 13 steps) to
// SVG with a Graphviz started for each journey: start-up included.
func BenchmarkExampleSVG(b *testing.B) {
	m := loadExamples(b)
	benchStartup(b, m, m.Journeys[1], FormatSVG)
}

// BenchmarkExamplePNG does the same to PNG.
func BenchmarkExamplePNG(b *testing.B) {
	m := loadExamples(b)
	benchStartup(b, m, m.Journeys[1], FormatPNG)
}

// BenchmarkSteps renders synthetic journeys of 10, 60 and 200 steps with
// start-up included: how the time grows with the length.
func BenchmarkSteps(b *testing.B) {
	for _, n := range []int{10, 60, 200} {
		m, j := blueprinttest.One(b, n)
		for _, f := range []Format{FormatDOT, FormatSVG, FormatPNG} {
			b.Run(fmt.Sprintf("%d/%s", n, f), func(b *testing.B) { benchStartup(b, m, j, f) })
		}
	}
}

// benchStartup renders with a new Renderer per journey, as a run of the
// CLI for one journey does (the WebAssembly module itself is compiled once
// per process, when the package loads).
func benchStartup(b *testing.B, m *blueprint.Model, j *blueprint.Journey, f Format) {
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r, err := NewRenderer(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if err := r.Journey(ctx, io.Discard, m, j, f, Options{}); err != nil {
			b.Fatal(err)
		}
		r.Close()
	}
}

// BenchmarkBatch100 renders 100 journeys (the four examples, 25 times) to
// SVG with one Renderer, as `blueprint render` does for a folder; the time
// per op is for the whole batch.
func BenchmarkBatch100(b *testing.B) {
	m := loadExamples(b)
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r, err := NewRenderer(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for k := 0; k < 100; k++ {
			if err := r.Journey(ctx, io.Discard, m, m.Journeys[k%len(m.Journeys)], FormatSVG, Options{}); err != nil {
				b.Fatal(err)
			}
		}
		r.Close()
	}
}

// BenchmarkSplit draws the SVG of journeys of 20, 60 and 200 steps with
// one Renderer, whole on one Graphviz instance and in two parts on two at
// once (split.go; with GOMAXPROCS >= 2 and a free core it is faster).
func BenchmarkSplit(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{20, 60, 200} {
		m, j := blueprinttest.One(b, n)
		l := Derive(m, j, Options{})
		for _, whole := range []bool{true, false} {
			name := fmt.Sprintf("%d/split", n)
			if whole {
				name = fmt.Sprintf("%d/whole", n)
			}
			b.Run(name, func(b *testing.B) {
				r, err := NewRenderer(ctx)
				if err != nil {
					b.Fatal(err)
				}
				defer r.Close()
				r.oneInstance = whole
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					if err := r.Render(ctx, io.Discard, l, FormatSVG); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkDerive is the pure Go part: layout and DOT of a 60-step journey.
func BenchmarkDerive(b *testing.B) {
	m, j := blueprinttest.One(b, 60)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := WriteDOT(io.Discard, Derive(m, j, Options{})); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNative runs native Graphviz (`dot -Tsvg` and `-Tpng`, one
// process per journey) on the DOT of the same journeys.
func BenchmarkNative(b *testing.B) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		b.Skip("native Graphviz (dot) is not installed")
	}
	m := loadExamples(b)
	cases := []struct {
		name string
		m    *blueprint.Model
		j    *blueprint.Journey
	}{{"example", m, m.Journeys[1]}}
	for _, n := range []int{10, 60, 200} {
		sm, sj := blueprinttest.One(b, n)
		cases = append(cases, struct {
			name string
			m    *blueprint.Model
			j    *blueprint.Journey
		}{fmt.Sprintf("%d", n), sm, sj})
	}
	dir := b.TempDir()
	for _, c := range cases {
		var buf bytes.Buffer
		if err := WriteDOT(&buf, Derive(c.m, c.j, Options{})); err != nil {
			b.Fatal(err)
		}
		path := filepath.Join(dir, c.name+".dot")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		for _, f := range []string{"svg", "png"} {
			b.Run(c.name+"/"+f, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					cmd := exec.Command(dot, "-T"+f, path)
					cmd.Stdout = io.Discard
					if err := cmd.Run(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
