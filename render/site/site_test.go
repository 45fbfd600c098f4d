package site_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/render"
	"github.com/dimpact/blueprint/render/site"
	"github.com/dimpact/blueprint/render/site/sitetest"
)

// load reads journey files through the real loader; they must validate.
func load(t *testing.T, paths ...string) (*blueprint.Model, []blueprint.File) {
	t.Helper()
	files, err := blueprint.ReadPaths(paths)
	if err != nil {
		t.Fatal(err)
	}
	m, diags := blueprint.LoadFiles(files, blueprint.Options{})
	if diags.HasErrors() {
		t.Fatalf("journeys do not validate:\n%v", diags)
	}
	return m, files
}

// input makes the site's input the way the CLI does, with real SVGs and
// two requirements of our own: one every step with a pain point needs,
// one every journey's first step needs.
func input(t *testing.T, m *blueprint.Model, files []blueprint.File, lang blueprint.Lang) *site.Site {
	t.Helper()
	ctx := context.Background()
	r, err := render.NewRenderer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	src := map[string][]byte{}
	s := &site.Site{Lang: lang, Model: m}
	for _, f := range files {
		src[f.Name] = f.Src
		if blueprint.IsProjectFile(f.Name) {
			s.Project = f.Src
		}
	}
	history := &site.Requirement{ID: "TEST-001", Title: "Klantcontacthistorie", Text: "De oplossing toont eerdere contacten.", Block: "Contactregistratie", BlockNumber: 4, Kind: "Eis (knock-out)", MoSCoW: "Must", Weight: "KO"}
	first := &site.Requirement{ID: "TEST-002", Title: "Kennisbank", Text: "De oplossing biedt een kennisbank.", Block: "Klantgeleiding", BlockNumber: 1, Kind: "Wens", MoSCoW: "Should", Weight: "3"}
	for _, j := range m.Journeys {
		var buf bytes.Buffer
		l := render.Derive(m, j, render.Options{Lang: lang})
		if err := r.Render(ctx, &buf, l, render.FormatSVG); err != nil {
			t.Fatal(err)
		}
		jj := &site.Journey{Journey: j, SVG: buf.Bytes(), StepBoxes: l.StepBoxIDs(), Source: src[j.File], Requirements: map[string][]site.RequirementRef{}}
		for k, st := range j.Steps {
			if len(st.PainPoints) > 0 {
				history.Places = append(history.Places, site.Place{Journey: j.ID, Step: st.ID, Reason: "Knelpunt: " + st.PainPoints[0]})
				jj.Requirements[st.ID] = append(jj.Requirements[st.ID], site.RequirementRef{ID: history.ID, Title: history.Title, Block: history.Block})
			}
			if k == 0 {
				first.Places = append(first.Places, site.Place{Journey: j.ID, Step: st.ID, Reason: "De eerste stap"})
				jj.Requirements[st.ID] = append(jj.Requirements[st.ID], site.RequirementRef{ID: first.ID, Title: first.Title, Block: first.Block})
			}
		}
		s.Journeys = append(s.Journeys, jj)
	}
	first.Places = append(first.Places, site.Place{Persona: "sanne", Reason: "Knelpunt van Sanne"})
	s.Requirements = []*site.Requirement{first, history}
	s.Downloads = []*site.Download{{Name: "pve.xlsx", Title: "Programma van Eisen", Data: []byte("PK\x03\x04 not really a workbook")}}
	return s
}

func write(t *testing.T, s *site.Site) site.MapFS {
	t.Helper()
	b, err := site.New(s)
	if err != nil {
		t.Fatal(err)
	}
	fs := site.MapFS{}
	if err := b.Write(fs); err != nil {
		t.Fatal(err)
	}
	return fs
}

// examples builds the site of the example journeys and checks it.
func examples(t *testing.T, lang blueprint.Lang) (*blueprint.Model, site.MapFS, *sitetest.Site) {
	t.Helper()
	m, files := load(t, "../../examples")
	fs := write(t, input(t, m, files, lang))
	return m, fs, sitetest.Check(t, fs)
}

// shows reports each of wants that the text of page does not hold.
func shows(t *testing.T, s *sitetest.Site, page string, wants ...string) {
	t.Helper()
	text := sitetest.Text(s.Pages[page].Doc)
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("%s does not show %q", page, want)
		}
	}
}

func TestSiteExamples(t *testing.T) {
	m, fs, s := examples(t, blueprint.Dutch)

	for _, want := range []string{"index.html", "eisen.html", "personas.html", "downloads.html", "404.html",
		"klantreizen/johan-gat-in-de-weg.html", "klantreizen/johan-gat-in-de-weg.svg", "klantreizen/johan-gat-in-de-weg.toml",
		"personas/sanne.html", "personas/johan.html", "downloads/pve.xlsx", "downloads/klantreizen.zip", "downloads/blueprint.toml",
		"assets/site.css", "assets/site.js"} {
		if _, ok := fs[want]; !ok {
			t.Errorf("the site has no %s", want)
		}
	}
	// The PNG is the caller's: not written, not linked.
	if _, ok := fs["klantreizen/johan-gat-in-de-weg.png"]; ok {
		t.Error("the site wrote a PNG it was not given")
	}

	johan := s.Pages["klantreizen/johan-gat-in-de-weg.html"].Doc
	shows(t, s, "klantreizen/johan-gat-in-de-weg.html",
		"Johan meldt een gevaarlijk gat in het fietspad", // the title block
		"Samenwerkende Dimpact-gemeenten",                // the gemeente
		"Sanne", "Erik",                                  // the employee personas who act in it
		"Weet niet wie van de vakafdeling aanwezig of bereikbaar is", // an employee's knelpunt
		"Zelf gevonden gebreken",                                     // a metric of a phase
		"Meldingen openbare ruimte en hun status tonen",              // a verbeteractie
		"Het gat is niet afgezet en 's avonds nauwelijks te zien",    // a pain point
		"TEST-001 Klantcontacthistorie",                              // a step's requirement
	)
	svgs := sitetest.Find(johan, func(e *html.Node) bool {
		return e.Data == "svg" && strings.Contains(sitetest.Attr(e, "class"), "blueprint")
	})
	if len(svgs) != 1 {
		t.Fatalf("the journey page has %d blueprints inline, want 1", len(svgs))
	}
	if sitetest.Attr(svgs[0], "role") != "img" || sitetest.Attr(svgs[0], "aria-labelledby") == "" {
		t.Error("the blueprint has no role and label for screen readers")
	}
	// Every step header the page points to is in the inline SVG.
	var boxes map[string]string
	for _, e := range sitetest.Find(johan, func(e *html.Node) bool { return sitetest.Attr(e, "id") == "stapdata" }) {
		if err := json.Unmarshal([]byte(sitetest.Text(e)), &boxes); err != nil {
			t.Fatal(err)
		}
	}
	if len(boxes) != len(m.Journeys[1].Steps) {
		t.Errorf("the page maps %d step headers, the journey has %d steps", len(boxes), len(m.Journeys[1].Steps))
	}
	svgIDs := map[string]bool{}
	sitetest.Walk(svgs[0], func(e *html.Node) { svgIDs[sitetest.Attr(e, "id")] = true })
	for box, anchor := range boxes {
		if !svgIDs[box] {
			t.Errorf("step header %q is not in the inline SVG", box)
		}
		if !s.Pages["klantreizen/johan-gat-in-de-weg.html"].IDs[anchor] {
			t.Errorf("step anchor %q is not on the page", anchor)
		}
	}

	// The requirements page names the journeys and steps behind a row.
	shows(t, s, "eisen.html", "TEST-001", "Johan meldt een gevaarlijk gat in het fietspad", "Knelpunt: Het gat is niet afgezet", "Persona Sanne")
}

// TestSearchData checks the index's data against the journeys: one item
// per journey in the order of the list, facets with what the journeys
// hold, and the words of step titles and pain points.
func TestSearchData(t *testing.T) {
	m, _, s := examples(t, blueprint.Dutch)
	idx := s.Pages["index.html"].Doc
	var data struct {
		Facets []struct {
			Key    string
			Values []string
		}
		Items []struct {
			F [][]int
			W string
			N [2]int
		}
		Stop []string
	}
	for _, e := range sitetest.Find(idx, func(e *html.Node) bool { return sitetest.Attr(e, "id") == "zoekdata" }) {
		if err := json.Unmarshal([]byte(sitetest.Text(e)), &data); err != nil {
			t.Fatal(err)
		}
	}
	if len(data.Items) != len(m.Journeys) {
		t.Fatalf("%d items in the search data, %d journeys", len(data.Items), len(m.Journeys))
	}
	for i, it := range data.Items {
		if len(it.F) != len(data.Facets) {
			t.Errorf("item %d has %d facets, want %d", i, len(it.F), len(data.Facets))
		}
		for k, vs := range it.F {
			if vs == nil {
				t.Errorf("item %d: facet %s is null, the script wants a list", i, data.Facets[k].Key)
			}
		}
	}
	cards := sitetest.Find(idx, func(e *html.Node) bool { return e.Data == "li" && sitetest.Attr(e, "class") == "card" })
	if len(cards) != len(m.Journeys) {
		t.Fatalf("%d cards, %d journeys", len(cards), len(m.Journeys))
	}
	facet := func(key string) int {
		for i, f := range data.Facets {
			if f.Key == key {
				return i
			}
		}
		t.Fatalf("no facet %q", key)
		return -1
	}
	for i, j := range m.Journeys {
		if !strings.Contains(sitetest.Text(cards[i]), j.Title) {
			t.Errorf("card %d is not %q", i, j.Title)
		}
		d := facet("domein")
		if got := data.Facets[d].Values[data.Items[i].F[d][0]]; got != j.Domain {
			t.Errorf("%s: domain %q in the search data, want %q", j.ID, got, j.Domain)
		}
		// Every word of the last step's title is found, as the script
		// searches: at the start of a word, stop words left out.
		words := " " + data.Items[i].W
		for _, w := range strings.Split(blueprint.Slug(j.Steps[len(j.Steps)-1].Title), "-") {
			if !contains(data.Stop, w) && !strings.Contains(words, " "+w) {
				t.Errorf("%s: the word %q of its last step is not searchable", j.ID, w)
			}
		}
		if data.Items[i].N[0] != len(j.Steps) {
			t.Errorf("%s: %d steps in the search data", j.ID, data.Items[i].N[0])
		}
	}
	if !strings.Contains(" "+data.Items[2].W, " windmolen") {
		t.Error("John's journey is not found by the word windmolenpark")
	}
	ch := facet("kanaal")
	var johnChannels []string
	for _, v := range data.Items[2].F[ch] {
		johnChannels = append(johnChannels, data.Facets[ch].Values[v])
	}
	if !contains(johnChannels, "social-media") || !contains(johnChannels, "bijeenkomst") {
		t.Errorf("John's channels in the search data are %v; want social-media and the project's bijeenkomst", johnChannels)
	}
	p := facet("persona")
	var sanne int = -1
	for i, v := range data.Facets[p].Values {
		if v == "sanne" {
			sanne = i
		}
	}
	if sanne < 0 {
		t.Fatal("the employee persona Sanne is not a filter value")
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// TestHostileJourney renders a journey whose every text is markup or
// script: it must show as text everywhere, in the page, in the inline
// SVG, in the data and in the downloads.
func TestHostileJourney(t *testing.T) {
	m, files := load(t, "testdata/hostile.toml")
	fs := write(t, input(t, m, files, blueprint.Dutch))
	s := sitetest.Check(t, fs) // no foreign elements, scripts or handlers
	page := s.Pages["klantreizen/hostile.html"]
	if page == nil {
		t.Fatal("no page for the hostile journey")
	}
	h1 := sitetest.Find(page.Doc, sitetest.ByTag("h1"))
	if len(h1) != 1 || sitetest.Text(h1[0]) != `<script>alert(1)</script> & "quotes" 'single' </title>` {
		t.Errorf("the title is not shown as written: %q", sitetest.Text(h1[0]))
	}
	text := sitetest.Text(page.Doc)
	for _, want := range []string{`<img src=x onerror=alert(2)>`, `<b onmouseover=alert(6)>Mallory</b>`, `</table><script>alert(9)</script>`, `<script>alert(10)</script>`, `<meta http-equiv="refresh"`} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
	titles := sitetest.Find(page.Doc, sitetest.ByTag("title"))
	if len(titles) == 0 || !strings.HasPrefix(sitetest.Text(titles[0]), "<script>alert(1)</script>") {
		t.Errorf("the document title is %q", sitetest.Text(titles[0]))
	}
	// The inline SVG holds the step title as text, too.
	svgText := ""
	for _, e := range sitetest.Find(page.Doc, func(e *html.Node) bool {
		return e.Data == "svg" && strings.Contains(sitetest.Attr(e, "class"), "blueprint")
	}) {
		svgText = sitetest.Text(e)
	}
	if !strings.Contains(svgText, "<script>alert(1)</script>") {
		t.Error("the inline blueprint does not show the step title as text")
	}
	for _, name := range []string{"index.html", "personas/mallory.html", "eisen.html", "downloads.html"} {
		if !strings.Contains(sitetest.Text(s.Pages[name].Doc), "<script>alert(1)</script>") && name != "personas/mallory.html" {
			t.Errorf("%s does not show the journey's title as text", name)
		}
	}
	if !strings.Contains(sitetest.Text(s.Pages["personas/mallory.html"].Doc), `<b onmouseover=alert(6)>Mallory</b>`) {
		t.Error("the persona page does not show the name as text")
	}
}

func TestSiteDeterministic(t *testing.T) {
	m, files := load(t, "../../examples")
	in := input(t, m, files, blueprint.Dutch)
	a, b := write(t, in), write(t, in)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestSiteEnglish(t *testing.T) {
	_, _, s := examples(t, blueprint.English)
	doc := s.Pages["klantreizen/thijs-verhuizing.html"].Doc
	if lang := sitetest.Attr(sitetest.Find(doc, sitetest.ByTag("html"))[0], "lang"); lang != "en" {
		t.Errorf("lang=%q", lang)
	}
	shows(t, s, "klantreizen/thijs-verhuizing.html", "Metrics per phase", "Steps and requirements", "Civil affairs", "Download SVG")
	if strings.Contains(sitetest.Text(doc), "Meetpunten per fase") {
		t.Error("the English page has Dutch headings")
	}
}

// TestExtensionPages checks the extension point the verbeterplan and
// visie pages will use: a page of sections, lists and tables, with links
// to the site's own pages, in the menu of every page.
func TestExtensionPages(t *testing.T) {
	m, files := load(t, "../../examples")
	in := input(t, m, files, blueprint.Dutch)
	in.Pages = []*site.Page{{
		Name: "verbeterplan", Title: "Verbeterplan", Intro: []string{"Wat de gemeente <verbetert>."},
		Sections: []*site.Section{{
			ID: "openbare-ruimte", Heading: "Openbare Ruimte",
			List: [][]site.Text{{{Text: "Zie "}, {Text: "Johan", Link: &site.Link{Journey: "johan-gat-in-de-weg", Step: "belt-kcc"}}}},
			Table: &site.Table{Caption: "Acties", Head: []string{"Actie", "Eis"}, Rows: [][][]site.Text{
				{{{Text: "Status in het klantbeeld"}}, {{Text: "TEST-001", Link: &site.Link{Requirement: "TEST-001"}}}},
				{{{Text: "Kwaad", Link: &site.Link{URL: "javascript:alert(1)"}}}, {{Text: "Weg", Link: &site.Link{Journey: "bestaat-niet"}}}},
			}},
			Sections: []*site.Section{{Heading: "Sanne", Paragraphs: []string{"Over <Sanne>."}, List: [][]site.Text{{{Text: "Sanne", Link: &site.Link{Persona: "sanne"}}}}}},
		}},
	}}
	in.Journeys[1].Sections = []*site.Section{{Heading: "Visie", Paragraphs: []string{"Toetst de visie."}}}
	fs := write(t, in)
	s := sitetest.Check(t, fs) // the links resolve, the bad ones are text
	p := s.Pages["verbeterplan.html"]
	if p == nil {
		t.Fatal("no verbeterplan.html")
	}
	links := map[string]string{}
	for _, a := range sitetest.Find(p.Doc, sitetest.ByTag("a")) {
		links[sitetest.Text(a)] = sitetest.Attr(a, "href")
	}
	for text, want := range map[string]string{"Johan": "klantreizen/johan-gat-in-de-weg.html#stap-belt-kcc", "TEST-001": "eisen.html#TEST-001", "Sanne": "personas/sanne.html", "Verbeterplan": "verbeterplan.html"} {
		if links[text] != want {
			t.Errorf("link %q goes to %q, want %q", text, links[text], want)
		}
	}
	for _, bad := range []string{"Kwaad", "Weg"} {
		if _, ok := links[bad]; ok {
			t.Errorf("%q became a link", bad)
		}
	}
	if !strings.Contains(sitetest.Text(p.Doc), "Wat de gemeente <verbetert>.") {
		t.Error("the page's text is not shown as written")
	}
	johan := sitetest.Text(s.Pages["klantreizen/johan-gat-in-de-weg.html"].Doc)
	if !strings.Contains(johan, "Toetst de visie.") || !strings.Contains(johan, "Verbeterplan") {
		t.Error("the journey page has neither its extra section nor the new menu entry")
	}
}

func TestNewRefusesUnsafeNames(t *testing.T) {
	m, files := load(t, "../../examples")
	in := input(t, m, files, blueprint.Dutch)
	in.Pages = []*site.Page{{Name: "eisen", Title: "Eigen eisen"}}
	if _, err := site.New(in); err == nil || !strings.Contains(err.Error(), "eisen") {
		t.Errorf("a page named like one of the site's own: %v", err)
	}
	in.Pages = nil
	twin := *in.Journeys[0].Journey
	twin.ID = strings.ToUpper(twin.ID)
	in.Journeys = append(in.Journeys, &site.Journey{Journey: &twin})
	if _, err := site.New(in); err == nil || !strings.Contains(err.Error(), "upper and lower case") {
		t.Errorf("two ids that differ in case: %v", err)
	}
}

// Downloads of the site must be exactly the files.
func TestDownloads(t *testing.T) {
	m, files := load(t, "../../examples")
	fs := write(t, input(t, m, files, blueprint.Dutch))
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "johan-gat-in-de-weg.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fs["klantreizen/johan-gat-in-de-weg.toml"], src) {
		t.Error("the TOML download is not the journey's file")
	}
	if !bytes.HasPrefix(fs["klantreizen/johan-gat-in-de-weg.svg"], []byte("<?xml")) {
		t.Error("the SVG download is not the SVG file render wrote")
	}
	zr, err := zip.NewReader(bytes.NewReader(fs["downloads/klantreizen.zip"]), int64(len(fs["downloads/klantreizen.zip"])))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		got[f.Name] = data
	}
	for _, f := range files {
		name := "klantreizen/" + filepath.Base(f.Name)
		if !bytes.Equal(got[name], f.Src) {
			t.Errorf("the zip's %s is not %s", name, f.Name)
		}
	}
	if len(got) != len(files) {
		t.Errorf("the zip holds %d files, the journeys %d", len(got), len(files))
	}
	// What the zip holds loads again as the same journeys.
	var back []blueprint.File
	for _, f := range zr.File {
		back = append(back, blueprint.File{Name: f.Name, Src: got[f.Name]})
	}
	m2, diags := blueprint.LoadFiles(back, blueprint.Options{})
	if diags.HasErrors() || len(m2.Journeys) != len(m.Journeys) {
		t.Errorf("the zip does not load as the journeys: %v", diags)
	}
}

// TestGemeentePerJourney builds the site of journeys written by six
// gemeenten: the gemeente filter offers each one, every journey is
// filed under its own, and its title block names it.
func TestGemeentePerJourney(t *testing.T) {
	m, files := load(t, "../../blueprint/testdata/corpus-format")
	fs := write(t, input(t, m, files, blueprint.Dutch))
	s := sitetest.Check(t, fs)
	var data struct {
		Facets []struct {
			Key    string
			Values []string
		}
		Items []struct{ F [][]int }
	}
	for _, e := range sitetest.Find(s.Pages["index.html"].Doc, func(e *html.Node) bool { return sitetest.Attr(e, "id") == "zoekdata" }) {
		if err := json.Unmarshal([]byte(sitetest.Text(e)), &data); err != nil {
			t.Fatal(err)
		}
	}
	g := -1
	for i, f := range data.Facets {
		if f.Key == "gemeente" {
			g = i
		}
	}
	if g < 0 {
		t.Fatal("no gemeente filter")
	}
	if len(data.Facets[g].Values) != 6 {
		t.Errorf("the gemeente filter offers %v; want the six gemeenten of the journeys", data.Facets[g].Values)
	}
	if len(data.Items) != len(m.Journeys) {
		t.Fatalf("%d items, %d journeys", len(data.Items), len(m.Journeys))
	}
	for i, j := range m.Journeys {
		if j.Municipality == "" {
			t.Fatalf("%s has no gemeente; the corpus changed", j.ID)
		}
		var got []string
		for _, v := range data.Items[i].F[g] {
			got = append(got, data.Facets[g].Values[v])
		}
		if len(got) != 1 || got[0] != j.Municipality {
			t.Errorf("%s is filed under gemeente %v, want %q", j.ID, got, j.Municipality)
		}
		page := s.Pages[site.JourneyPath(j.ID)]
		eyebrow := sitetest.Find(page.Doc, func(e *html.Node) bool { return sitetest.Attr(e, "class") == "eyebrow" })
		if len(eyebrow) != 1 || sitetest.Text(eyebrow[0]) != j.Municipality {
			t.Errorf("%s: the title block names gemeente %q, want %q", j.ID, sitetest.Text(eyebrow[0]), j.Municipality)
		}
	}
}

// TestGemeenteFallsBack files a journey without a gemeente of its own
// under the project's organisatie, and one whose gemeente is written in
// other case under the project's spelling.
func TestGemeenteFallsBack(t *testing.T) {
	m := &blueprint.Model{Project: &blueprint.Project{Organisation: "Samen", Municipalities: []string{"Haarlem"}}}
	for _, c := range []struct{ own, want string }{{"", "Samen"}, {"haarlem ", "Haarlem"}, {"Elders", "Elders"}} {
		if got := site.Gemeente(m, &blueprint.Journey{Municipality: c.own}); got != c.want {
			t.Errorf("gemeente %q: got %q, want %q", c.own, got, c.want)
		}
	}
}
