package main

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var exampleIDs = []string{"desiree-financiele-hulp", "johan-gat-in-de-weg", "john-windmolenpark", "thijs-verhuizing"}

// svgText returns all text of an SVG file, and fails on invalid XML.
func svgText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	dec := xml.NewDecoder(bytes.NewReader(data))
	var sb strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "%s is not valid XML", path)
		if cd, ok := tok.(xml.CharData); ok {
			sb.Write(cd)
			sb.WriteByte(' ')
		}
	}
	return sb.String()
}

// TestRenderExamples draws the four examples as SVG and DOT into a folder
// that does not exist yet, one file per journey named after its id, and
// says what it wrote.
func TestRenderExamples(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, out, errOut := execCLI(t, "render", "--format", "svg,dot", "--out", dir, "../../examples")
	require.Equal(t, exitOK, code, errOut)
	assert.Empty(t, errOut)
	for _, id := range exampleIDs {
		for _, ext := range []string{"svg", "dot"} {
			path := filepath.Join(dir, id+"."+ext)
			assert.FileExists(t, path)
			assert.Contains(t, out, "geschreven: "+filepath.ToSlash(path)+"\n")
		}
		text := svgText(t, filepath.Join(dir, id+".svg"))
		for _, label := range []string{"Klantactie", "Frontoffice", "Backoffice", "lijn van zichtbaarheid", "Legenda"} {
			assert.Contains(t, text, label, "%s.svg", id)
		}
		dot, err := os.ReadFile(filepath.Join(dir, id+".dot"))
		require.NoError(t, err)
		assert.Contains(t, string(dot), "layout=nop2")
	}
	// No temporary files are left behind.
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 8)
}

// TestRenderPNGEnglish draws one journey as PNG with English labels and
// checks that the PNG decodes at a size for a slide, and that the SVG
// speaks English.
func TestRenderPNGEnglish(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := execCLI(t, "render", "--format", "png,svg", "--lang", "en", "--out", dir, "../../examples/johan-gat-in-de-weg.toml")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "written: "+filepath.ToSlash(filepath.Join(dir, "johan-gat-in-de-weg.png"))+" (")
	f, err := os.Open(filepath.Join(dir, "johan-gat-in-de-weg.png"))
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, img.Bounds().Dx(), 1920)
	assert.GreaterOrEqual(t, img.Bounds().Dy(), 1000)
	text := svgText(t, filepath.Join(dir, "johan-gat-in-de-weg.svg"))
	for _, label := range []string{"Customer actions", "line of visibility", "Legend", "Pain points"} {
		assert.Contains(t, text, label)
	}
	assert.NotContains(t, text, "lijn van zichtbaarheid")
	// The journey's own text stays as written.
	assert.Contains(t, text, "Johan meldt een gevaarlijk gat in het fietspad")
}

// TestRenderLanes hides lanes with --lanes and checks they are gone.
func TestRenderLanes(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := execCLI(t, "render", "--lanes=-bewijs,-ondersteuning,-meetpunten", "--out", dir, "../../examples/thijs-verhuizing.toml")
	require.Equal(t, exitOK, code, errOut)
	text := svgText(t, filepath.Join(dir, "thijs-verhuizing.svg"))
	assert.NotContains(t, text, "Fysiek bewijs")
	assert.NotContains(t, text, "Ondersteuning")
	assert.NotContains(t, text, "lijn van interne interactie")
	assert.Contains(t, text, "Klantactie")

	code, _, errOut = execCLI(t, "render", "--lanes", "klantactie,frontoffice", "--format", "dot", "--out", dir, "../../examples/thijs-verhuizing.toml")
	require.Equal(t, exitOK, code, errOut)
	dot, err := os.ReadFile(filepath.Join(dir, "thijs-verhuizing.dot"))
	require.NoError(t, err)
	assert.Contains(t, string(dot), `"band-klantactie"`)
	assert.NotContains(t, string(dot), `"band-backoffice"`)
}

// TestRenderUsageErrors checks that a wrong command line says what is
// allowed and exits with 2, before anything is written.
func TestRenderUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "pdf"}, `unknown format "pdf": use svg, png or dot`},
		{[]string{"--size", "a4"}, `unknown size "a4": use screen, a3, a2, a1 or a0`},
		{[]string{"--lanes", "klantacties"}, `unknown lane "klantacties" (did you mean "klantactie"?)`},
		{[]string{"--lanes", "klantactie,-bewijs"}, "not both"},
		{[]string{"--lang", "de"}, `unknown language "de"`},
	} {
		args := append(append([]string{"render", "--out", dir}, c.args...), "../../examples")
		code, out, errOut := execCLI(t, args...)
		assert.Equal(t, exitUsage, code, "%v", c.args)
		assert.Contains(t, errOut, c.want, "%v", c.args)
		assert.Empty(t, out)
	}
	code, _, errOut := execCLI(t, "render", "--out", dir)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "name one or more journey files or folders")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries)
}

// TestRenderInvalidJourney refuses to draw a journey with errors: it
// prints the diagnostics with file:line:col and exits with 1.
func TestRenderInvalidJourney(t *testing.T) {
	dir := t.TempDir()
	src := strings.Replace(string(starterSource(t)), "emotie = -1", "emotie = 7", 1)
	p := writeTestFile(t, dir, "reis.toml", src)
	code, out, errOut := execCLI(t, "render", "--out", dir, p)
	assert.Equal(t, exitDiagnostics, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, filepath.ToSlash(p)+":")
	assert.Contains(t, errOut, "emotie 7 valt buiten de schaal")
	_, err := os.Stat(filepath.Join(dir, "reis.svg"))
	assert.True(t, os.IsNotExist(err), "no diagram for an invalid journey")
}

// TestRenderPrintSizeAdvice renders for A3 and gets advice when the text
// becomes too small to read on the sheet.
func TestRenderPrintSizeAdvice(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := execCLI(t, "render", "--size", "a3", "--format", "dot", "--out", dir, "../../examples/johan-gat-in-de-weg.toml")
	require.Equal(t, exitOK, code, errOut)
	assert.Regexp(t, `johan-gat-in-de-weg: op A3 wordt de tekst \d,\d pt, te klein om te lezen; leesbaar vanaf --size a\d`, errOut)
	dot, err := os.ReadFile(filepath.Join(dir, "johan-gat-in-de-weg.dot"))
	require.NoError(t, err)
	assert.Contains(t, string(dot), `size="16.5354,11.6929!"`)
}
