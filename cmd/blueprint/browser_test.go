package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/blueprinttest"
	"github.com/dimpact/blueprint/render/site"
)

// The browser tests open the site in Debian's Chromium, headless, driven
// over the DevTools protocol (chromedp). They skip when Chromium is not
// installed; .ci/run installs it. BLUEPRINT_CHROMIUM names another
// binary; BLUEPRINT_SHOTS names a folder to copy the screenshots to (they
// are always written to the test's temporary folder); the accessibility
// check runs axe-core from BLUEPRINT_AXE (a path to axe.min.js, which
// .ci/run installs from npm) and skips when it is absent.

func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("BLUEPRINT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("Chromium is not installed (apt-get install chromium); the browser tests need it, .ci/run installs it")
	return ""
}

// browser is a headless Chromium for one test, with the messages of its
// pages: script errors, failed loads and Content-Security-Policy
// violations.
type browser struct {
	ctx    context.Context
	t      *testing.T
	start  time.Time
	shots  string
	mu     sync.Mutex
	errors []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	exe := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	// A bound against a browser that hangs, not a measure: the race
	// detector and a busy machine make every step slower.
	ctx, cancelTime := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	b := &browser{ctx: ctx, t: t, shots: t.TempDir(), start: time.Now()}
	require.NoError(t, chromedp.Do(ctx)) // starts the browser and opens the tab
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() {
				b.mu.Lock()
				b.errors = append(b.errors, fmt.Sprintf("%s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line+1))
				b.mu.Unlock()
			}
		}
	}()
	return b
}

func (b *browser) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	require.NoError(b.t, chromedp.Do(b.ctx, actions...))
}

// eval evaluates js in the page and decodes its value into T.
func eval[T any](b *browser, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	require.NoError(b.t, err, js)
	return v
}

// poll evaluates js until it is true, at most d.
func (b *browser) poll(js string, d time.Duration) {
	b.t.Helper()
	deadline := time.Now().Add(d)
	for {
		if ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("not true within %v: %s", d, js)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// screenshot saves the page (full: the whole page, else the window).
func (b *browser) screenshot(name string, full bool) {
	b.t.Helper()
	shot := chromedp.CaptureScreenshot()
	if full {
		shot = chromedp.FullScreenshot(90)
	}
	buf, err := chromedp.Run(b.ctx, shot)
	require.NoError(b.t, err)
	b.save(name, buf)
}

func (b *browser) save(name string, data []byte) {
	b.t.Helper()
	b.t.Logf("%5.1f s: %s", time.Since(b.start).Seconds(), name)
	require.NoError(b.t, os.WriteFile(filepath.Join(b.shots, name), data, 0o644))
	if dir := os.Getenv("BLUEPRINT_SHOTS"); dir != "" {
		require.NoError(b.t, os.MkdirAll(dir, 0o755))
		require.NoError(b.t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
}

// noErrors checks that the pages so far logged no error: a script that
// failed, a file that did not load, a CSP violation.
func (b *browser) noErrors() {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errors {
		b.t.Errorf("the browser reported: %s", e)
	}
	b.errors = nil
}

func visibleCards(b *browser) int {
	return eval[int](b, `document.querySelectorAll('#reizen > li:not([hidden])').length`)
}

func TestBrowserSite(t *testing.T) {
	chromium(t) // skip before building when there is no browser
	out := filepath.Join(t.TempDir(), "site")
	code, _, stderr := execCLI(t, "site", "--out", out, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	b := newBrowser(t)
	root := "file://" + filepath.ToSlash(out) + "/"

	// The index, from file://: the script runs under the CSP and filters.
	b.do(chromedp.Navigate(root+"index.html"), chromedp.WaitVisible(chromedp.ID("zoeken")))
	assert.Equal(t, 4, visibleCards(b))
	b.screenshot("index.jpg", true)
	eval[bool](b, `(() => { const s = document.getElementById('f-domein'); s.value = 'openbare-ruimte'; s.dispatchEvent(new Event('change')); return true })()`)
	assert.Equal(t, 1, visibleCards(b), "the domain filter narrows the list")
	assert.Equal(t, "Johan meldt een gevaarlijk gat in het fietspad", eval[string](b, `document.querySelector('#reizen > li:not([hidden]) h3').textContent`))
	assert.Equal(t, "1 van de 4 klantreizen", eval[string](b, `document.getElementById('results-head').textContent`))
	assert.Equal(t, "#domein=openbare-ruimte", eval[string](b, `location.hash`), "the filter is in the address, to share")
	assert.True(t, eval[bool](b, `[...document.querySelectorAll('#f-kanaal option')].some(o => o.textContent === 'Chat (0)' && o.disabled)`),
		"the other filters count what is left: no chat in Johan's journey")
	b.screenshot("index-filtered.png", false)

	// Search by typing, as a person does.
	b.do(chromedp.Click(chromedp.ID("wissen")))
	b.poll(`document.querySelectorAll('#reizen > li:not([hidden])').length === 4`, 5*time.Second)
	b.do(chromedp.SendKeys(chromedp.ID("q"), "windmolen"))
	b.poll(`document.querySelectorAll('#reizen > li:not([hidden])').length === 1`, 5*time.Second)
	assert.Equal(t, "John wordt verrast door een windmolenpark", eval[string](b, `document.querySelector('#reizen > li:not([hidden]) h3').textContent`))

	// A link with a filter, as the requirements page makes one.
	b.do(chromedp.Navigate(root + "index.html#eis=KCC-KS-006"))
	b.poll(`document.getElementById('f-eis').value === 'KCC-KS-006'`, 5*time.Second)
	n := visibleCards(b)
	assert.True(t, n >= 1 && n < 4, "a requirement's link shows the journeys that need it: %d", n)

	// A journey page: the diagram is there and zooms.
	b.do(chromedp.Navigate(root+"klantreizen/johan-gat-in-de-weg.html"), chromedp.WaitVisible(chromedp.CSS(".diagram-tools")))
	assert.Greater(t, eval[int](b, `document.querySelectorAll('svg.blueprint g.node').length`), 100, "the blueprint is inline")
	viewBox := func() []float64 {
		vb := eval[string](b, `document.querySelector('svg.blueprint').getAttribute('viewBox')`)
		var x, y, w, h float64
		_, err := fmt.Sscanf(vb, "%g %g %g %g", &x, &y, &w, &h)
		require.NoError(t, err, vb)
		return []float64{x, y, w, h}
	}
	fit := viewBox()
	b.screenshot("journey.png", false)
	b.do(chromedp.Click(chromedp.CSS(`[data-zoom="in"]`)), chromedp.Click(chromedp.CSS(`[data-zoom="in"]`)))
	zoomed := viewBox()
	assert.Less(t, zoomed[2], fit[2]*0.7, "zooming in shows less of the drawing")
	b.do(chromedp.Focus(chromedp.CSS(".viewport")), chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight))
	moved := viewBox()
	assert.Greater(t, moved[0], zoomed[0], "the arrow keys pan")
	b.do(chromedp.KeyEvent("0"))
	assert.InDelta(t, fit[2], viewBox()[2], 1, "0 shows the whole blueprint again")
	b.do(chromedp.KeyEvent("+"), chromedp.KeyEvent("+"), chromedp.KeyEvent("+"))
	b.screenshot("journey-zoomed.png", false)

	// A click on a step's header opens its text.
	box := eval[string](b, `Object.keys(JSON.parse(document.getElementById('stapdata').textContent))[6]`)
	b.do(chromedp.KeyEvent("0"))
	rect := eval[[]float64](b, fmt.Sprintf(`(() => { const r = document.getElementById(%q).getBoundingClientRect(); return [r.left + r.width / 2, r.top + 8] })()`, box))
	b.do(chromedp.MouseClickXY(rect[0], rect[1]))
	b.poll(`location.hash.startsWith('#stap-')`, 5*time.Second)
	for _, id := range []string{"personas", "beleving", "knelpunten", "meetpunten", "verbeteracties", "stappen"} {
		eval[bool](b, fmt.Sprintf(`(() => { document.getElementById(%q).scrollIntoView(); return true })()`, id))
		b.screenshot("journey-"+id+".png", false)
	}

	// Printing: A3 landscape, the blueprint whole on the first sheet.
	pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	require.NoError(t, err)
	b.save("journey-print.pdf", pdf)
	size := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`).FindSubmatch(pdf)
	if assert.NotNil(t, size, "the PDF has a page size") {
		var w, h float64
		fmt.Sscanf(string(size[1])+" "+string(size[2]), "%g %g", &w, &h)
		assert.InDelta(t, 420/25.4*72, w, 2, "A3 landscape is 420 mm wide")
		assert.InDelta(t, 297/25.4*72, h, 2, "and 297 mm high")
	}
	b.noErrors()

	for _, p := range []string{"eisen", "personas/sanne", "personas"} {
		b.do(chromedp.Navigate(root + p + ".html"))
		b.screenshot(strings.ReplaceAll(p, "/", "-")+".png", false)
	}

	// From a journey's page to its part of the verbeterplan, and to the
	// statement of the visie it tests.
	b.do(chromedp.Navigate(root+"klantreizen/johan-gat-in-de-weg.html"), chromedp.WaitVisible(chromedp.ID("verbeterplan-en-visie")))
	eval[bool](b, `(() => { document.getElementById('verbeterplan-en-visie').scrollIntoView(); return true })()`)
	b.screenshot("journey-verbeterplan-en-visie.png", false)
	b.do(chromedp.Click(chromedp.CSS(`#verbeterplan-en-visie a[href$="#reis-johan-gat-in-de-weg"]`)))
	b.poll(`location.pathname.endsWith('/verbeterplan.html') && location.hash === '#reis-johan-gat-in-de-weg'`, 5*time.Second)
	assert.Greater(t, eval[int](b, `document.querySelectorAll('#reis-johan-gat-in-de-weg table tbody tr').length`), 2, "Johan's actions are in the verbeterplan")
	b.screenshot("verbeterplan-johan.png", false)
	b.do(chromedp.Navigate(root + "verbeterplan.html"))
	b.screenshot("verbeterplan.png", false)
	b.do(chromedp.Navigate(root+"klantreizen/johan-gat-in-de-weg.html"), chromedp.WaitVisible(chromedp.ID("verbeterplan-en-visie")))
	b.do(chromedp.Click(chromedp.CSS(`#verbeterplan-en-visie a[href*="visie.html#visie-"]`)))
	b.poll(`location.pathname.endsWith('/visie.html') && document.getElementById(location.hash.slice(1)) !== null`, 5*time.Second)
	assert.Contains(t, eval[string](b, `document.getElementById(location.hash.slice(1)).textContent`), "Johan meldt een gevaarlijk gat in het fietspad",
		"the statement Johan's journey tests names it")
	b.screenshot("visie.png", false)
	b.noErrors()

	axe(t, b, root, "index.html", "klantreizen/johan-gat-in-de-weg.html", "eisen.html", "personas.html", "personas/sanne.html", "downloads.html", "verbeterplan.html", "visie.html")
}

// TestBrowserGemeente filters journeys written by six gemeenten on their
// gemeente: each choice leaves that gemeente's journey.
func TestBrowserGemeente(t *testing.T) {
	chromium(t)
	out := filepath.Join(t.TempDir(), "site")
	code, _, stderr := execCLI(t, "site", "--png=false", "--out", out, "../../blueprint/testdata/corpus-format")
	require.Equal(t, exitOK, code, stderr)
	files, err := blueprint.ReadPaths([]string{"../../blueprint/testdata/corpus-format"})
	require.NoError(t, err)
	m, diags := blueprint.LoadFiles(files, blueprint.Options{})
	require.False(t, diags.HasErrors())
	titles := map[string]string{} // gemeente → the title of its journey
	for _, j := range m.Journeys {
		titles[j.Municipality] = j.Title
	}
	b := newBrowser(t)
	b.do(chromedp.Navigate("file://"+filepath.ToSlash(out)+"/index.html"), chromedp.WaitVisible(chromedp.ID("f-gemeente")))
	assert.Equal(t, 6, visibleCards(b))
	options := eval[[]string](b, `[...document.querySelectorAll('#f-gemeente option')].filter(o => o.value).map(o => o.value)`)
	assert.ElementsMatch(t, []string{"Amersfoort", "Apeldoorn", "Haarlem", "Heerlen", "Leeuwarden", "Tilburg"}, options)
	for _, g := range options {
		eval[bool](b, fmt.Sprintf(`(() => { const s = document.getElementById('f-gemeente'); s.value = %q; s.dispatchEvent(new Event('change')); return true })()`, g))
		assert.Equal(t, 1, visibleCards(b), "gemeente %s", g)
		assert.Equal(t, titles[g], eval[string](b, `document.querySelector('#reizen > li:not([hidden]) h3').textContent`), "the journey of %s", g)
	}
	b.screenshot("index-gemeente.png", false)
	b.noErrors()
}

// axe runs axe-core on pages of the site and reports every violation of
// WCAG 2.1 A and AA and of axe's best practices.
func axe(t *testing.T, b *browser, root string, pages ...string) {
	path := os.Getenv("BLUEPRINT_AXE")
	if path == "" {
		if cache, err := os.UserCacheDir(); err == nil {
			path = filepath.Join(cache, "blueprint-test", "node_modules", "axe-core", "axe.min.js")
		}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Logf("axe-core not found at %s (npm install axe-core, then BLUEPRINT_AXE=…/axe.min.js); the accessibility check is skipped", path)
		return
	}
	type violation struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any `json:"target"`
		} `json:"nodes"`
	}
	for _, p := range pages {
		b.do(chromedp.Navigate(root + p))
		b.poll(`document.readyState === 'complete'`, 10*time.Second)
		// DevTools evaluates outside the page's CSP, so axe can be added
		// to a page that allows no inline script.
		b.do(chromedp.Evaluate[chromedp.Void](string(src)))
		raw, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]byte](
			// The inside of the blueprint is one image for a screen reader
			// (role="img" with a label); axe checks that label, not its
			// 1,000 shapes.
			`axe.run({include: [document], exclude: [['svg.blueprint > g']]}, {resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}}).then(r => r.violations)`,
			chromedp.EvalAwaitPromise))
		require.NoError(t, err)
		var res []violation
		require.NoError(t, json.Unmarshal(raw, &res))
		for _, v := range res {
			var targets []string
			for i, n := range v.Nodes {
				if i == 3 {
					targets = append(targets, fmt.Sprintf("and %d more", len(v.Nodes)-3))
					break
				}
				js, _ := json.Marshal(n.Target)
				targets = append(targets, string(js))
			}
			t.Errorf("axe: %s: %s (%s): %s; %s", p, v.ID, v.Impact, v.Help, strings.Join(targets, ", "))
		}
		t.Logf("%5.1f s: axe: %s: %d violations", time.Since(b.start).Seconds(), p, len(res))
	}
}

// TestBrowserLivePreview edits a journey while its page is open: the page
// reloads by itself and keeps where the reader was and how far the
// blueprint was zoomed.
func TestBrowserLivePreview(t *testing.T) {
	chromium(t)
	dir := copyExamples(t)
	l := startLive(t, dir)
	l.waitVersion(1)
	b := newBrowser(t)
	b.do(chromedp.Navigate("http://"+l.addr+"/klantreizen/johan-gat-in-de-weg.html"), chromedp.WaitVisible(chromedp.CSS(".diagram-tools")))
	b.do(chromedp.Click(chromedp.CSS(`[data-zoom="in"]`)), chromedp.Click(chromedp.CSS(`[data-zoom="in"]`)))
	type view struct {
		VB     string
		Scroll float64
	}
	state := `({VB: document.querySelector('svg.blueprint').getAttribute('viewBox'), Scroll: window.scrollY})`
	eval[bool](b, `window.scrollTo(0, 700); true`)
	before := eval[view](b, state)
	require.Greater(t, before.Scroll, 600.0)

	edit(t, filepath.Join(dir, "johan-gat-in-de-weg.toml"), `titel = "Johan meldt een gevaarlijk gat in het fietspad"`, `titel = "Johan meldt een diep gat"`)
	b.poll(`!!document.querySelector('h1') && document.querySelector('h1').textContent === 'Johan meldt een diep gat'`, 30*time.Second)
	b.poll(`document.readyState === 'complete'`, 10*time.Second)
	after := eval[view](b, state)
	assert.Equal(t, before.VB, after.VB, "the zoom is kept")
	assert.LessOrEqual(t, math.Abs(before.Scroll-after.Scroll), 2.0, "the scroll position is kept")

	edit(t, filepath.Join(dir, "johan-gat-in-de-weg.toml"), `domein = "openbare-ruimte"`, `domein = "openbare-ruimtee"`)
	b.poll(`!!document.querySelector('.problems.has-errors') && document.readyState === 'complete'`, 30*time.Second)
	eval[bool](b, `window.scrollTo(0, 0); true`)
	b.screenshot("live-error.png", false)
	assert.True(t, eval[bool](b, `!!document.querySelector('svg.blueprint')`), "the last good diagram stays under the problems")
	b.noErrors()
}

// TestBrowserHostileJourney opens the page of a journey whose every text
// is markup and script: no script of it runs (no dialog opens, nothing is
// logged) and its title reads as written.
func TestBrowserHostileJourney(t *testing.T) {
	chromium(t)
	out := filepath.Join(t.TempDir(), "site")
	code, _, stderr := execCLI(t, "site", "--png=false", "--out", out, "../../render/site/testdata/hostile.toml")
	require.Equal(t, exitOK, code, stderr)
	b := newBrowser(t)
	var mu sync.Mutex
	var dialogs []string
	events := chromedp.Events(b.ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			mu.Lock()
			dialogs = append(dialogs, ev.Message)
			mu.Unlock()
			chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	root := "file://" + filepath.ToSlash(out) + "/"
	for _, p := range []string{"klantreizen/hostile.html", "index.html", "personas/mallory.html", "eisen.html"} {
		b.do(chromedp.Navigate(root + p))
		b.poll(`document.readyState === 'complete'`, 10*time.Second)
	}
	b.do(chromedp.Navigate(root + "klantreizen/hostile.html"))
	b.poll(`document.readyState === 'complete'`, 10*time.Second)
	assert.Equal(t, `<script>alert(1)</script> & "quotes" 'single' </title>`, eval[string](b, `document.querySelector('h1').textContent`))
	assert.Equal(t, 1, eval[int](b, `document.scripts.length - document.querySelectorAll('script[type="application/json"]').length`), "only the site's own script")
	b.screenshot("hostile.png", false)
	mu.Lock()
	assert.Empty(t, dialogs, "a script of the journey ran")
	mu.Unlock()
	b.noErrors()
}

// BenchmarkBrowserIndex opens the index of 7,600 journeys (the national
// case, 20 steps each) in Chromium and times what a reader waits for:
// the page until it can be filtered, a filter, and a search. The index is
// written without diagrams (they are not on it).
func BenchmarkBrowserIndex(b *testing.B) {
	if _, err := exec.LookPath("chromium"); err != nil && os.Getenv("BLUEPRINT_CHROMIUM") == "" {
		b.Skip("Chromium is not installed")
	}
	files := blueprinttest.Files(blueprinttest.NationalJourneys, blueprinttest.NationalSteps)
	m, diags := blueprint.LoadFiles(files, blueprint.Options{})
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	s, _, _, err := siteData(m, files, benchOptions(), false)
	if err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	bd, err := site.New(s)
	if err != nil {
		b.Fatal(err)
	}
	if err := bd.WriteCommon(newDirFS(out)); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(out, "index.html"))
	if err != nil {
		b.Fatal(err)
	}
	br := newBrowserB(b)
	url := "file://" + filepath.ToSlash(out) + "/index.html"
	var load, filter, search time.Duration
	// Setting up takes a minute, so one run of the benchmark (-benchtime
	// 1x) measures three loads.
	const runs = 3
	for i := 0; i < b.N*runs; i++ {
		// The page's own clock: from the start of the navigation to the
		// end of DOMContentLoaded, which comes after the deferred script
		// has read the data and shown the filters. (chromedp's Navigate
		// would also mirror the DOM of 7,600 cards into Go, which takes
		// far longer than the page.)
		if i > 0 {
			chromedp.Run(br, chromedp.Evaluate[bool](`window.previousPage = true`))
		}
		if _, err := chromedp.Call(br, page.Navigate, page.NavigateParams{URL: url}); err != nil {
			b.Fatal(err)
		}
		for {
			ms, err := chromedp.Run(br, chromedp.Evaluate[float64](`(() => { const n = performance.getEntriesByType('navigation')[0]; const f = document.getElementById('zoeken'); return !window.previousPage && document.readyState === 'complete' && f && !f.hidden && n ? n.domContentLoadedEventEnd : 0 })()`))
			if err == nil && ms > 0 {
				load += time.Duration(ms * float64(time.Millisecond))
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		ms, err := chromedp.Run(br, chromedp.Evaluate[float64](`(() => { const s = document.getElementById('f-kanaal'); const t = performance.now(); s.value = 'chat'; s.dispatchEvent(new Event('change')); return performance.now() - t })()`))
		if err != nil {
			b.Fatal(err)
		}
		filter += time.Duration(ms * float64(time.Millisecond))
		ms, err = chromedp.Run(br, chromedp.Evaluate[float64](`(() => { const q = document.getElementById('q'); const t = performance.now(); q.value = 'terugbel'; q.dispatchEvent(new Event('input')); return new Promise(r => requestAnimationFrame(() => r(performance.now() - t))) })()`, chromedp.EvalAwaitPromise))
		if err != nil {
			b.Fatal(err)
		}
		search += time.Duration(ms * float64(time.Millisecond))
	}
	n := float64(b.N * runs)
	b.ReportMetric(float64(st.Size())/1e6, "MB-index")
	b.ReportMetric(load.Seconds()*1000/n, "ms-load")
	b.ReportMetric(filter.Seconds()*1000/n, "ms-filter")
	b.ReportMetric(search.Seconds()*1000/n, "ms-search")
}

// newBrowserB is a headless Chromium for a benchmark.
func newBrowserB(b *testing.B) context.Context {
	exe := os.Getenv("BLUEPRINT_CHROMIUM")
	if exe == "" {
		exe, _ = exec.LookPath("chromium")
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.NoFirstRun, chromedp.UserDataDir(b.TempDir()), chromedp.WindowSize(1400, 1000))
	ctx, cancel := chromedp.NewContext(alloc)
	b.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		b.Fatal(err)
	}
	return ctx
}
