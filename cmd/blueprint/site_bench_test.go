package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/blueprinttest"
	"github.com/dimpact/blueprint/render"
	"github.com/dimpact/blueprint/render/site"
	"github.com/dimpact/blueprint/requirements"
)

// The benchmarks of docs/performance.md ("The journey site"). Run them with
//
//	go test -run '^$' -bench 'Site|Serve' -benchtime 1x ./cmd/blueprint/
//
// The journeys are the synthetic ones of blueprinttest, 20 steps each (the
// national case is 7,600 of them); loading them is not timed.

// countFS counts what a site writes, and keeps nothing.
type countFS struct {
	files, bytes atomic.Int64
}

func (c *countFS) WriteFile(name string, data []byte) error {
	c.files.Add(1)
	c.bytes.Add(int64(len(data)))
	return nil
}

func benchOptions() siteOptions {
	return siteOptions{lang: blueprint.Dutch, diagLang: blueprint.Dutch, catalogue: requirements.Builtin(), render: render.Options{Lang: blueprint.Dutch}}
}

// BenchmarkSitePages builds the site of 100 and of 7,600 journeys from
// diagrams drawn before: every journey gets the SVG of one real 20-step
// journey, so the bytes are a real site's. It times the pages alone
// (index and search data, journey, requirements, persona and download
// pages, the zip of the sources) on every core; "data" times what comes
// before them: deriving the requirements and writing the workbook.
func BenchmarkSitePages(b *testing.B) {
	for _, n := range []int{100, blueprinttest.NationalJourneys} {
		files := blueprinttest.Files(n, blueprinttest.NationalSteps)
		m, diags := blueprint.LoadFiles(files, blueprint.Options{})
		if diags.HasErrors() {
			b.Fatal(diags)
		}
		o := benchOptions()
		b.Run(fmt.Sprintf("journeys=%d/data", n), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, _, _, err := siteData(m, files, o, true); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
		s, _, _, err := siteData(m, files, o, true)
		if err != nil {
			b.Fatal(err)
		}
		svg, boxes := drawOne(b, m, m.Journeys[0])
		b.Run(fmt.Sprintf("journeys=%d/pages", n), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			var fs *countFS
			for i := 0; i < b.N; i++ {
				fs = &countFS{}
				bd, err := site.New(s)
				if err != nil {
					b.Fatal(err)
				}
				var wg sync.WaitGroup
				jobs := make(chan *site.Journey)
				for w := 0; w < runtime.GOMAXPROCS(0); w++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for jj := range jobs {
							jj.SVG, jj.StepBoxes, jj.PNG = svg, boxes, true
							if err := bd.WriteJourney(fs, jj); err != nil {
								b.Error(err)
							}
							jj.SVG = nil
						}
					}()
				}
				for _, jj := range s.Journeys {
					jobs <- jj
				}
				close(jobs)
				wg.Wait()
				if err := bd.WriteCommon(fs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(fs.bytes.Load())/1e6, "MB/site")
			b.ReportMetric(float64(fs.files.Load()), "files/site")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/float64(n), "ms/journey")
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N)/float64(n), "cpu-ms/journey")
		})
	}
}

func drawOne(b *testing.B, m *blueprint.Model, j *blueprint.Journey) ([]byte, map[string]string) {
	d := &drawer{}
	defer d.close()
	dg, err := layoutOf(m, j, render.Options{})
	if err != nil {
		b.Fatal(err)
	}
	svg, err := d.draw(context.Background(), dg.layout, render.FormatSVG)
	if err != nil {
		b.Fatal(err)
	}
	return svg, dg.boxes
}

// BenchmarkSiteDraw is blueprint site as a user runs it on 100 journeys
// of 20 steps, without and with the PNGs: requirements, workbook, every
// diagram drawn, the pages, written to a folder and moved in place.
func BenchmarkSiteDraw(b *testing.B) {
	dir := b.TempDir()
	blueprinttest.WriteDir(b, dir, 100, blueprinttest.NationalSteps)
	for _, png := range []bool{false, true} {
		b.Run(fmt.Sprintf("journeys=100/png=%v", png), func(b *testing.B) {
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				out := filepath.Join(b.TempDir(), "site")
				var stdout, stderr strings.Builder
				if code := run([]string{"blueprint", "site", "--png=" + fmt.Sprint(png), "--out", out, dir}, &stdout, &stderr); code != exitOK {
					b.Fatal(stderr.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/100, "ms/journey")
			b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N)/100, "cpu-ms/journey")
		})
	}
}

// BenchmarkServeReload is the latency of the live preview: from saving a
// journey of 60 steps to the reload message on the page's event stream.
// It includes the debounce (liveDebounce), reading and validating the
// file, the requirements and the workbook, drawing the changed diagram
// and writing the pages.
func BenchmarkServeReload(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "reis.toml")
	src := string(blueprinttest.Journey(0, 60))
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	l := startLive(b, dir)
	l.waitVersion(1)
	title := "titel = \"Synthetische klantreis 0 van 60 stappen\""
	if !strings.Contains(src, title) {
		b.Fatal("the synthetic journey changed; adjust the benchmark")
	}
	var worst time.Duration
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		next := strings.Replace(src, title, fmt.Sprintf("titel = \"Synthetische klantreis, versie %d\"", i), 1)
		if err := os.WriteFile(path, []byte(next), 0o644); err != nil {
			b.Fatal(err)
		}
		l.waitVersion(int64(i + 2))
		worst = max(worst, time.Since(start))
	}
	b.ReportMetric(float64(worst.Milliseconds()), "worst-ms")
	// The processor time of the whole process per reload: on a shared
	// machine the wall time waits for other work, this does not.
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// cpuTime is the user and system time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSitePlan is the verbeterplan and visie pages of 100 and of
// 7,600 journeys: deriving the plan and the visie coverage, turning them
// into pages (sitePlan, without the workbook) and writing those pages.
// The synthetic journeys have pain points and no actions, so every
// knelpunt is unanswered: the largest plan page they can give.
func BenchmarkSitePlan(b *testing.B) {
	for _, n := range []int{100, blueprinttest.NationalJourneys} {
		files := blueprinttest.Files(n, blueprinttest.NationalSteps)
		m, diags := blueprint.LoadFiles(files, blueprint.Options{})
		if diags.HasErrors() {
			b.Fatal(diags)
		}
		b.Run(fmt.Sprintf("journeys=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var size int
			var derive, write time.Duration
			for i := 0; i < b.N; i++ {
				start := time.Now()
				s := &site.Site{Lang: blueprint.Dutch, Model: m}
				for _, j := range m.Journeys {
					s.Journeys = append(s.Journeys, &site.Journey{Journey: j})
				}
				if err := sitePlan(s, m, files, blueprint.Dutch, false); err != nil {
					b.Fatal(err)
				}
				derive += time.Since(start)
				// The two pages alone, as WriteCommon writes them.
				only := &site.Site{Lang: s.Lang, Model: m, Journeys: s.Journeys, Pages: s.Pages, Downloads: s.Downloads}
				bd, err := site.New(only)
				if err != nil {
					b.Fatal(err)
				}
				start = time.Now()
				fs := site.MapFS{}
				if err := bd.WritePages(fs); err != nil {
					b.Fatal(err)
				}
				write += time.Since(start)
				size = len(fs[site.PagePath(planPageName)])
			}
			b.ReportMetric(float64(derive.Milliseconds())/float64(b.N), "ms-plan")
			b.ReportMetric(float64(write.Milliseconds())/float64(b.N), "ms-pages")
			b.ReportMetric(float64(size)/1e6, "MB-plan-page")
		})
	}
}
