package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/dimpact/blueprint/render/site/sitetest"
	"github.com/dimpact/blueprint/requirements/xlsx"
)

// copyExamples copies the example journeys into a folder of their own.
func copyExamples(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("../../examples")
	require.NoError(t, err)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("../../examples", e.Name()))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644))
	}
	return dir
}

func TestSiteExamples(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	code, stdout, stderr := execCLI(t, "site", "--out", out, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "site geschreven: "+filepath.ToSlash(out)+" (4 klantreizen, 66 eisen")
	assert.Contains(t, stderr, "leidt tot geen eis uit de catalogus", "the requirements' warnings are printed as by matrix")

	files := sitetest.ReadDir(t, out)
	s := sitetest.Check(t, files) // every page parses, every link resolves
	for _, id := range []string{"desiree-financiele-hulp", "johan-gat-in-de-weg", "john-windmolenpark", "thijs-verhuizing"} {
		img, err := png.DecodeConfig(bytes.NewReader(files["klantreizen/"+id+".png"]))
		if assert.NoError(t, err, id+".png") {
			assert.Greater(t, img.Width, 2000, id)
		}
		assert.NotNil(t, s.Pages["klantreizen/"+id+".html"], id)
	}
	// The workbook is the one blueprint matrix writes.
	wb := filepath.Join(out, "downloads", "pve.xlsx")
	info, err := xlsx.InspectFile(wb)
	require.NoError(t, err)
	assert.True(t, info.Ours)

	// The requirements each step produced, linked to the requirements page.
	johan := s.Pages["klantreizen/johan-gat-in-de-weg.html"]
	var reqLinks []string
	for _, a := range sitetest.Find(johan.Doc, sitetest.ByTag("a")) {
		if h := sitetest.Attr(a, "href"); strings.HasPrefix(h, "../eisen.html#KCC-") {
			reqLinks = append(reqLinks, h)
		}
	}
	assert.Greater(t, len(reqLinks), 20, "the steps of Johan's journey link to their requirements")
	req := sitetest.Text(s.Pages["eisen.html"].Doc)
	assert.Contains(t, req, "KCC-CR-002")
	assert.Contains(t, req, "Johan meldt een gevaarlijk gat in het fietspad")

	// The manifest lists exactly the files written.
	manifest, err := os.ReadFile(filepath.Join(out, manifestName))
	require.NoError(t, err)
	assert.Equal(t, len(files)-1, len(readManifest(manifest)))

	// Same journeys, same bytes.
	out2 := filepath.Join(t.TempDir(), "site")
	code, _, stderr = execCLI(t, "site", "--out", out2, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	files2 := sitetest.ReadDir(t, out2)
	assert.Equal(t, len(files), len(files2))
	for name, data := range files {
		if !bytes.Equal(data, files2[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestSiteHostileJourney(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	code, _, stderr := execCLI(t, "site", "--png=false", "--out", out, "../../render/site/testdata/hostile.toml")
	require.Equal(t, exitOK, code, stderr)
	files := sitetest.ReadDir(t, out)
	s := sitetest.Check(t, files)
	page := s.Pages["klantreizen/hostile.html"]
	require.NotNil(t, page)
	h1 := sitetest.Find(page.Doc, sitetest.ByTag("h1"))
	require.Len(t, h1, 1)
	assert.Equal(t, `<script>alert(1)</script> & "quotes" 'single' </title>`, sitetest.Text(h1[0]))
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			assert.NotContains(t, string(data), "<script>alert", name)
			assert.NotContains(t, string(data), "<img src=x", name)
		}
	}
	_, hasPNG := files["klantreizen/hostile.png"]
	assert.False(t, hasPNG, "--png=false writes no PNG")
	assert.Empty(t, sitetest.Find(page.Doc, func(e *html.Node) bool {
		return e.Data == "a" && sitetest.Attr(e, "download") != "" && strings.HasSuffix(sitetest.Attr(e, "href"), ".png")
	}),
		"and links none")
}

// TestSiteKeepsOtherFiles checks the rules for the output folder: an
// earlier site is replaced, its stale files removed, and nothing else is
// touched; a folder of someone else's files is refused without --force.
func TestSiteKeepsOtherFiles(t *testing.T) {
	journeys := copyExamples(t)
	out := filepath.Join(t.TempDir(), "site")
	code, _, stderr := execCLI(t, "site", "--png=false", "--out", out, journeys)
	require.Equal(t, exitOK, code, stderr)

	// The gemeente adds its own files to the published folder.
	require.NoError(t, os.WriteFile(filepath.Join(out, "CNAME"), []byte("klantreizen.example.nl\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(out, "klantreizen", "notities.txt"), []byte("eigen notities\n"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(out, ".git"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(out, ".git", "HEAD"), []byte("ref: refs/heads/main\n"), 0o644))

	// A journey goes, and the site is made again.
	require.NoError(t, os.Remove(filepath.Join(journeys, "john-windmolenpark.toml")))
	code, stdout, stderr := execCLI(t, "site", "--png=false", "--out", out, journeys)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "3 klantreizen")
	assert.Contains(t, stdout, "verouderde verwijderd")
	for _, gone := range []string{"klantreizen/john-windmolenpark.html", "klantreizen/john-windmolenpark.svg", "personas/john.html"} {
		assert.NoFileExists(t, filepath.Join(out, gone))
	}
	for _, kept := range []string{"CNAME", "klantreizen/notities.txt", ".git/HEAD"} {
		assert.FileExists(t, filepath.Join(out, kept))
	}
	sitetest.Check(t, withoutFiles(sitetest.ReadDir(t, out), "CNAME", "klantreizen/notities.txt", ".git/HEAD"))
	entries, err := os.ReadDir(filepath.Dir(out))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary folder is left beside the site")

	// Someone else's folder.
	other := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(other, "index.html"), []byte("<p>onze eigen site</p>"), 0o644))
	code, _, stderr = execCLI(t, "site", "--png=false", "--out", other, journeys)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "is niet leeg en bevat geen site van blueprint")
	data, err := os.ReadFile(filepath.Join(other, "index.html"))
	require.NoError(t, err)
	assert.Equal(t, "<p>onze eigen site</p>", string(data), "nothing was written")
	code, _, stderr = execCLI(t, "site", "--png=false", "--force", "--out", other, journeys)
	assert.Equal(t, exitOK, code, stderr)

	// A file where the folder should be.
	file := filepath.Join(t.TempDir(), "site.txt")
	require.NoError(t, os.WriteFile(file, []byte("x"), 0o644))
	code, _, stderr = execCLI(t, "site", "--out", file, journeys)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "is a file, not a folder")
}

func withoutFiles(files map[string][]byte, names ...string) map[string][]byte {
	for _, n := range names {
		delete(files, n)
	}
	return files
}

func TestSiteInvalidJourneyWritesNothing(t *testing.T) {
	dir := t.TempDir()
	src := strings.Replace(string(starterSource(t)), `kanaal = "telefoon"`, `kanaal = "telefon"`, 1)
	p := writeTestFile(t, dir, "reis.toml", src)
	out := filepath.Join(t.TempDir(), "site")
	code, _, stderr := execCLI(t, "site", "--out", out, p)
	assert.Equal(t, exitDiagnostics, code)
	assert.Contains(t, stderr, `onbekend kanaal "telefon"`)
	assert.NoDirExists(t, out)
}

func TestSiteEnglish(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	code, stdout, stderr := execCLI(t, "site", "--lang", "en", "--png=false", "--out", out, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "site written")
	s := sitetest.Check(t, sitetest.ReadDir(t, out))
	text := sitetest.Text(s.Pages["eisen.html"].Doc)
	assert.Contains(t, text, "Asked for by")
	assert.Contains(t, text, "Customer guidance", "the blocks in English")

	// The verbeterplan and the visie in English; the journeys' own text
	// stays as written.
	plan := sitetest.Text(s.Pages["verbeterplan.html"].Doc)
	for _, want := range []string{"Improvement plan", "4 journeys: 135 pain points, of which 44 without an action", "Not answered yet", "Per owner", "Per journey", "Rejected", "reason: ", "done", "Teamleider Inkomen"} {
		assert.Contains(t, plan, want)
	}
	for _, dutch := range []string{"Nog niet beantwoord", "Per eigenaar", "Afgewezen", "zonder verbeteractie", "reden: "} {
		assert.NotContains(t, plan, dutch)
	}
	vision := sitetest.Text(s.Pages["visie.html"].Doc)
	assert.Contains(t, vision, "6 statements, of which 2 tested by no journey")
	assert.Contains(t, vision, "Tested by no journey yet")
	johan := sitetest.Text(s.Pages["klantreizen/johan-gat-in-de-weg.html"].Doc)
	assert.Contains(t, johan, "This journey in the improvement plan")
	assert.Contains(t, johan, "Tests the statement \"Duidelijkheid\" of the service vision")
}

// TestSitePlanAndVision checks the verbeterplan and visie pages of the
// examples: every action with its status, owner and what it answers,
// the rejected ones with their reasons, the knelpunten without an
// action; every statement with the journeys that test it; each journey's
// page links to its part of both; the workbook is a download.
func TestSitePlanAndVision(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	code, _, stderr := execCLI(t, "site", "--png=false", "--out", out, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	files := sitetest.ReadDir(t, out)
	s := sitetest.Check(t, files) // parses, links and their fragments resolve

	vp := s.Pages["verbeterplan.html"]
	require.NotNil(t, vp, "verbeterplan.html")
	text := sitetest.Text(vp.Doc)
	for _, want := range []string{
		"Nog niet beantwoord", "Per eigenaar", "Per klantreis", "Afgewezen",
		// Desiree's action that is done, with its owner, horizon and date.
		"herkenbaar-terugbellen", "Teamleider Inkomen", "gereed", "kort", "30-09-2025",
		// An employee's knelpunt it answers.
		"Sanne: ",
		"Knelpunten zonder verbeteractie",
	} {
		assert.Contains(t, text, want)
	}
	// The counts are the ones blueprint verbeterplan prints.
	code, _, planOut := execCLI(t, "verbeterplan", "../../examples")
	require.Equal(t, exitOK, code)
	line := strings.TrimSpace(planOut) // "135 knelpunten, waarvan 44 zonder verbeteractie; …"
	knelpunten := strings.SplitN(line, ";", 2)[0]
	assert.Contains(t, text, knelpunten)
	// Every rejected action shows its reason.
	for _, id := range []string{"desiree-financiele-hulp", "johan-gat-in-de-weg", "john-windmolenpark", "thijs-verhuizing"} {
		sec := sitetest.Find(vp.Doc, func(e *html.Node) bool { return sitetest.Attr(e, "id") == "reis-"+id })
		require.Len(t, sec, 1, "the verbeterplan has a section for %s", id)
		jp := s.Pages["klantreizen/"+id+".html"]
		var toPlan, toVision bool
		for _, a := range sitetest.Find(jp.Doc, sitetest.ByTag("a")) {
			h := sitetest.Attr(a, "href")
			toPlan = toPlan || h == "../verbeterplan.html#reis-"+id
			toVision = toVision || strings.HasPrefix(h, "../visie.html#visie-")
		}
		assert.True(t, toPlan, "%s links to its part of the verbeterplan", id)
		assert.True(t, toVision, "%s links to the statement it tests", id)
	}
	rejected := 0
	for _, h := range sitetest.Find(vp.Doc, sitetest.ByTag("h4")) {
		if sitetest.Text(h) != "Afgewezen" {
			continue
		}
		for _, li := range sitetest.Find(h.Parent, sitetest.ByTag("li")) {
			rejected++
			assert.Regexp(t, `reden: \S`, sitetest.Text(li))
		}
	}
	assert.Equal(t, 2, rejected, "the examples have two rejected actions")

	vi := s.Pages["visie.html"]
	require.NotNil(t, vi, "visie.html")
	vtext := sitetest.Text(vi.Doc)
	assert.Contains(t, vtext, "6 uitspraken, waarvan 2 door geen klantreis getoetst")
	assert.Contains(t, vtext, "Een inwoner vertelt zijn verhaal één keer.")
	assert.Contains(t, vtext, "Nog door geen klantreis getoetst")
	assert.Contains(t, vtext, "Johan meldt een gevaarlijk gat in het fietspad")

	// Both pages are in the menu of the index and of a journey's page.
	for _, page := range []string{"index.html", "klantreizen/johan-gat-in-de-weg.html"} {
		var menu []string
		for _, a := range sitetest.Find(s.Pages[page].Doc, sitetest.ByTag("a")) {
			menu = append(menu, sitetest.Attr(a, "href"))
		}
		root := strings.Repeat("../", strings.Count(page, "/"))
		assert.Contains(t, menu, root+"verbeterplan.html", page)
		assert.Contains(t, menu, root+"visie.html", page)
	}

	info, err := xlsx.InspectPlanFile(filepath.Join(out, "downloads", "verbeterplan.xlsx"))
	require.NoError(t, err)
	assert.True(t, info.Ours, "the verbeterplan workbook is the one blueprint verbeterplan writes")
	assert.Contains(t, sitetest.Text(s.Pages["downloads.html"].Doc), "Verbeterplan (Excel)")
}

// TestSiteHostilePlanAndVision gives the hostile journey a visie, a
// gemeente and a rejected action whose texts are markup: the new pages
// show them as text.
func TestSiteHostilePlanAndVision(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../render/site/testdata/hostile.toml")
	require.NoError(t, err)
	j := strings.Replace(string(src), "vraagsoort = \"melding\"\n", "vraagsoort = \"melding\"\nvisie = \"kwaad\"\ngemeente = \"<b>Gem</b>\"\n", 1)
	require.NotEqual(t, string(src), j, "the fixture changed; adjust the test")
	j += "\n[[verbeteractie]]\nid = \"actie-2\"\nwat = \"<script>alert(23)</script>\"\nstappen = [\"stap-1\"]\nstatus = \"afgewezen\"\nreden = \"<img src=x onerror=alert(24)>\"\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "hostile.toml"), []byte(j), 0o644))
	project := "organisatie = \"<script>alert(20)</script>\"\ngemeenten = [\"<b>Gem</b>\"]\n\n[[visie]]\nid = \"kwaad\"\nthema = \"<script>alert(21)</script>\"\ntekst = \"<img src=x onerror=alert(22)> </section>\"\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "blueprint.toml"), []byte(project), 0o644))

	out := filepath.Join(t.TempDir(), "site")
	code, _, stderr := execCLI(t, "site", "--png=false", "--out", out, dir)
	require.Equal(t, exitOK, code, stderr)
	files := sitetest.ReadDir(t, out)
	s := sitetest.Check(t, files) // no foreign elements, scripts or handlers
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			assert.NotContains(t, string(data), "<script>alert", name)
			assert.NotContains(t, string(data), "<img src=x", name)
			assert.NotContains(t, string(data), "<b>Gem", name)
		}
	}
	vp := sitetest.Text(s.Pages["verbeterplan.html"].Doc)
	for _, want := range []string{"<script>alert(13)</script> verbeteren", "<i>eigenaar</i>", "<script>alert(23)</script>", "reden: <img src=x onerror=alert(24)>"} {
		assert.Contains(t, vp, want)
	}
	vi := sitetest.Text(s.Pages["visie.html"].Doc)
	assert.Contains(t, vi, "Thema: <script>alert(21)</script>")
	assert.Contains(t, vi, "<img src=x onerror=alert(22)> </section>")
	jp := s.Pages["klantreizen/hostile.html"]
	eyebrow := sitetest.Find(jp.Doc, func(e *html.Node) bool { return sitetest.Attr(e, "class") == "eyebrow" })
	require.Len(t, eyebrow, 1)
	assert.Equal(t, "<b>Gem</b>", sitetest.Text(eyebrow[0]), "the journey's own gemeente in its title block")
}
