package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/render"
	"github.com/dimpact/blueprint/render/site"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/xlsx"
)

func siteCommand() *cli.Command {
	return &cli.Command{
		Name:      "site",
		Usage:     "write a static website of the journeys: searchable index, a page per journey with its blueprint, the requirements and personas",
		ArgsUsage: "PATH...",
		Description: "Writes a self-contained website to share journeys with other gemeenten: an index\n" +
			"to search and filter by domain, question type, channel, actor, persona and gemeente;\n" +
			"a page per journey with the blueprint (zoomable), personas, heartbeat, pain points,\n" +
			"metrics, verbeteracties and the requirements of every step; the Programma van Eisen;\n" +
			"a page per persona; the verbeterplan and the visie (as blueprint verbeterplan and\n" +
			"blueprint visie make them); and downloads (the PvE and verbeterplan workbooks, PNG,\n" +
			"SVG and the TOML files). A journey's gemeente is its gemeente key, else the\n" +
			"project's organisatie.\n" +
			"It needs no server: open index.html, zip the folder, or put it on any web server.\n\n" +
			"The folder is built beside --out and then moved in place. A folder with an earlier\n" +
			"site gets its files replaced and its stale files removed; files blueprint did not\n" +
			"write are kept. Another folder that is not empty is refused without --force.\n\n" +
			"Examples:\n" +
			"   blueprint site --out site examples/\n" +
			"   blueprint site --lang en --out site-en examples/\n" +
			"   blueprint site --png=false --out landelijk klantreizen/   (thousands of journeys: skip the PNGs)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "site", Usage: "folder to write the site to"},
			langFlag(),
			maxDiagnosticsFlag(),
			&cli.StringFlag{Name: "title", Usage: "name of the site in its header (default: the project's organisatie)"},
			&cli.StringFlag{Name: "catalogue", Usage: "requirements catalogue (TOML) to use instead of, or with uitbreiden = true on top of, the built-in one"},
			&cli.BoolFlag{Name: "png", Value: true, Usage: "offer each blueprint as PNG too (--png=false is much faster for thousands of journeys)"},
			&cli.BoolFlag{Name: "force", Usage: "write into a folder that is not empty and holds no earlier site (files of the same name are replaced, others kept)"},
		},
		Action: runSite,
	}
}

// siteOptions are what the site and serve commands share.
type siteOptions struct {
	lang      blueprint.Lang // of the documents
	diagLang  blueprint.Lang // of the messages
	title     string
	catalogue *requirements.Catalogue
	render    render.Options
}

// siteOptionsOf reads the options shared by site and serve, and the
// catalogue; a catalogue with errors is printed and returned as exit 1.
func siteOptionsOf(c *cli.Context, l *loaded, lang blueprint.Lang) (siteOptions, error) {
	o := siteOptions{lang: l.lang.Or(blueprint.Dutch), diagLang: lang.Or(blueprint.Dutch), title: c.String("title"), catalogue: requirements.Builtin()}
	o.render = render.Options{Lang: o.lang}
	sources := map[string][]byte{}
	cat, diags, err := catalogueOf(c, o.diagLang, sources)
	if err != nil {
		return o, err
	}
	if err := reportDiagnostics(c, diags, sources, o.diagLang, diagText); err != nil {
		return o, err
	}
	o.catalogue = cat
	return o, nil
}

// siteData is everything of a site but its diagrams: the journeys with
// their files and requirements, the rows of the PvE and, when workbook is
// set, the workbook (the live preview makes it when it is asked for).
// The diagnostics are those of the requirements (unknown keys in
// behoeften, needs no rule understands).
func siteData(m *blueprint.Model, files []blueprint.File, o siteOptions, workbook bool) (*site.Site, *requirements.Result, blueprint.Diagnostics, error) {
	res, diags := requirements.Derive(m, o.catalogue, requirements.Options{Lang: o.lang, MessageLang: o.diagLang})
	s := &site.Site{Lang: o.lang, Model: m, Title: o.title, Requirements: siteRequirements(res, o.lang)}
	src := map[string][]byte{}
	for _, f := range files {
		src[f.Name] = f.Src
		if blueprint.IsProjectFile(f.Name) {
			s.Project = f.Src
		}
	}
	perStep := stepRequirements(res, o.lang)
	for _, j := range m.Journeys {
		s.Journeys = append(s.Journeys, &site.Journey{Journey: j, Source: src[j.File], Requirements: perStep[j]})
	}
	d := &site.Download{
		Name:  workbookName,
		Title: blueprint.T(o.lang, "Programma van Eisen (Excel)", "Programme of Requirements (Excel)"),
		Description: blueprint.T(o.lang,
			"De matrix voor marktpartijen: per blok de eisen met hun herkomst, antwoordkolommen en de scoringsmethode.",
			"The matrix for market parties: per block the requirements with their sources, answer columns and the scoring method."),
	}
	if workbook {
		var err error
		if d.Data, err = writeWorkbook(res, m, files); err != nil {
			return nil, nil, diags, err
		}
	}
	s.Downloads = append(s.Downloads, d)
	if err := sitePlan(s, m, files, o.lang, workbook); err != nil {
		return nil, nil, diags, err
	}
	return s, res, diags, nil
}

// workbookName is the PvE workbook among the downloads.
const workbookName = "pve.xlsx"

// writeWorkbook writes the PvE workbook as blueprint matrix does, without
// a date.
func writeWorkbook(res *requirements.Result, m *blueprint.Model, files []blueprint.File) ([]byte, error) {
	meta := requirements.MetaFor(m, files)
	meta.Tool = "blueprint " + buildVersion()
	var wb bytes.Buffer
	if err := xlsx.Write(&wb, res, meta); err != nil {
		return nil, err
	}
	return wb.Bytes(), nil
}

func runSite(c *cli.Context) error {
	lang, err := langOf(c)
	if err != nil {
		return err
	}
	out := c.String("out")
	if out == "" {
		return usageError("site: --out: name the folder to write the site to")
	}
	force := c.Bool("force")
	// Refuse a wrong folder before the slow part.
	old, err := checkSiteDir(out, force)
	if errors.Is(err, errNotASite) {
		return usageError("site: %s %s", filepath.ToSlash(out), blueprint.T(lang.Or(blueprint.Dutch),
			"is niet leeg en bevat geen site van blueprint; kies een nieuwe of lege map, of gebruik --force om erin te schrijven (bestanden met dezelfde naam worden vervangen, andere blijven staan)",
			"is not empty and holds no site written by blueprint; choose a new or empty folder, or use --force to write into it (files of the same name are replaced, others are kept)"))
	}
	if err != nil {
		return usageError("site: --out: %v", err)
	}
	l, err := load(c, lang)
	if err != nil {
		return err
	}
	o, err := siteOptionsOf(c, l, lang)
	if err != nil {
		return err
	}
	s, _, diags, err := siteData(l.model, l.files, o, true)
	if err != nil {
		return usageError("site: %v", err)
	}
	if err := reportDiagnostics(c, diags, blueprint.SourceMap(l.files), o.diagLang, diagText); err != nil {
		return err
	}
	b, err := site.New(s)
	if err != nil {
		return usageError("%v", err)
	}

	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	tmp, err := siteTempDir(out)
	if err != nil {
		return usageError("site: %v", err)
	}
	installed := false
	defer func() {
		if !installed {
			os.RemoveAll(tmp)
		}
	}()
	fs := newDirFS(tmp)
	t := func(nl, en string) string { return blueprint.T(o.lang, nl, en) }
	progress := func(done, total int) {
		if total >= 200 && (done%500 == 0 || done == total) {
			fmt.Fprintf(c.App.ErrWriter, t("getekend: %d van %d klantreizen\n", "drawn: %d of %d journeys\n"), done, total)
		}
	}
	png := c.Bool("png")
	for _, jj := range s.Journeys {
		jj.PNG = png
	}
	if err := drawSite(ctx, drawJob{b: b, site: s, fs: fs, opts: o.render, png: png, workers: runtime.GOMAXPROCS(0), progress: progress}); err != nil {
		if ctx.Err() != nil {
			return usageError("site: %s", t("onderbroken; er is niets geschreven", "interrupted; nothing was written"))
		}
		return usageError("site: %v", err)
	}
	if err := b.WriteCommon(fs); err != nil {
		return usageError("site: %v", err)
	}
	names := fs.files()
	removed, err := installSite(tmp, out, names, old)
	if err != nil {
		return usageError("site: %s: %v", filepath.ToSlash(out), err)
	}
	installed = true
	note := ""
	if removed > 0 {
		note = fmt.Sprintf(t(", %d verouderde verwijderd", ", %d stale ones removed"), removed)
	}
	fmt.Fprintf(c.App.Writer, t("site geschreven: %s (%d klantreizen, %d eisen, %d bestanden%s)\nopen %s in een browser, of zet de map op een webserver\n",
		"site written: %s (%d journeys, %d requirements, %d files%s)\nopen %s in a browser, or put the folder on a web server\n"),
		filepath.ToSlash(out), len(s.Journeys), len(s.Requirements), len(names), note, filepath.ToSlash(filepath.Join(out, "index.html")))
	return nil
}

// drawJob is a run of drawSite.
type drawJob struct {
	b    *site.Builder
	site *site.Site
	fs   site.FS
	opts render.Options
	// png draws the PNGs too, and writes them to fs.
	png     bool
	workers int
	// cache has the diagrams drawn before (the live preview); nil draws
	// every one.
	cache *diagramCache
	// drawer draws them; nil starts one for the run.
	drawer *drawer
	// progress, when set, is told how many journeys are done.
	progress func(done, total int)
	// layout, when set, gets every journey's diagram.
	layout func(id string, d *diagram)
}

// drawSite draws every journey's blueprint and writes its page, on
// job.workers goroutines that share one Graphviz (see drawer): the
// layout, the pages and the PNGs' painting run in parallel, Graphviz's
// own part one diagram at a time. A journey's SVG is dropped
// once its page is written, so that memory does not grow with the number
// of journeys.
func drawSite(ctx context.Context, job drawJob) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *site.Journey)
	var (
		mu    sync.Mutex
		first error
		done  int
	)
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = err
		}
		mu.Unlock()
		cancel()
	}
	total := len(job.site.Journeys)
	d := job.drawer
	if d == nil {
		d = &drawer{}
		defer d.close()
	}
	var wg sync.WaitGroup
	for w := 0; w < max(1, min(job.workers, total)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for jj := range jobs {
				dg, err := drawJourney(ctx, d, job.cache, job.site.Model, jj, job.opts, job.png, job.fs)
				if err != nil {
					fail(err)
					continue
				}
				if job.layout != nil {
					job.layout(jj.Journey.ID, dg)
				}
				if err := job.b.WriteJourney(job.fs, jj); err != nil {
					fail(err)
				}
				jj.SVG = nil
				mu.Lock()
				done++
				n := done
				mu.Unlock()
				if job.progress != nil {
					job.progress(n, total)
				}
			}
		}()
	}
	for _, jj := range job.site.Journeys {
		if ctx.Err() != nil {
			break
		}
		select {
		case jobs <- jj:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	if first == nil && ctx.Err() != nil {
		first = ctx.Err()
	}
	return first
}

// drawJourney draws a journey's SVG (and its PNG when png is set, written
// to fs) into jj, taking them from cache when it has them.
func drawJourney(ctx context.Context, d *drawer, cache *diagramCache, m *blueprint.Model, jj *site.Journey, opts render.Options, png bool, fs site.FS) (*diagram, error) {
	dg, err := layoutOf(m, jj.Journey, opts)
	if err != nil {
		return nil, err
	}
	formats := []render.Format{render.FormatSVG}
	if png {
		formats = append(formats, render.FormatPNG)
	}
	for _, f := range formats {
		key := cacheKey{dg.dot, f}
		data, ok := cache.get(key)
		if !ok {
			if data, err = d.draw(ctx, dg.layout, f); err != nil {
				return nil, err
			}
			cache.put(key, data)
		}
		if f == render.FormatSVG {
			jj.SVG = data
			continue
		}
		if err := fs.WriteFile(site.PNGPath(jj.Journey.ID), data); err != nil {
			return nil, err
		}
	}
	jj.StepBoxes = dg.boxes
	return dg, nil
}
