package requirements

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/golden"
)

// The requirement rows and their traces for the four example journeys, in
// every text format, and the problems derivation reports about them.
func TestDeriveExamplesGolden(t *testing.T) {
	files, err := blueprint.ReadPaths([]string{"../examples"})
	require.NoError(t, err)
	m, diags := blueprint.LoadFiles(files, blueprint.Options{})
	require.False(t, diags.HasErrors(), diags.Error())
	meta := MetaFor(m, files)
	meta.TenderID, meta.Version = "KCC-2026-01", "1.0"
	for _, tc := range []struct {
		lang   blueprint.Lang
		format string
		write  func(*bytes.Buffer, *Result, Meta) error
	}{
		{blueprint.Dutch, "json", func(b *bytes.Buffer, r *Result, m Meta) error { return WriteJSON(b, r, m) }},
		{blueprint.Dutch, "md", func(b *bytes.Buffer, r *Result, m Meta) error { return WriteMarkdown(b, r, m) }},
		{blueprint.Dutch, "csv", func(b *bytes.Buffer, r *Result, m Meta) error { return WriteCSV(b, r, m) }},
		{blueprint.English, "md", func(b *bytes.Buffer, r *Result, m Meta) error { return WriteMarkdown(b, r, m) }},
	} {
		res, ddiags := Derive(m, Builtin(), Options{Lang: tc.lang})
		var b bytes.Buffer
		require.NoError(t, tc.write(&b, res, meta))
		golden.Assert(t, filepath.Join("testdata", "examples."+string(tc.lang)+"."+tc.format), b.Bytes())
		golden.Assert(t, filepath.Join("testdata", "examples."+string(tc.lang)+".diagnostics"), []byte(ddiags.Error()+"\n"))
	}
}

// A broken tender catalogue: every problem at once, with file:line:col and
// the likely fix, in Dutch and in English.
func TestCatalogueDiagnosticsGolden(t *testing.T) {
	name := "testdata/catalogue/broken.toml"
	src, err := os.ReadFile(name)
	require.NoError(t, err)
	for _, lang := range []blueprint.Lang{blueprint.Dutch, blueprint.English} {
		c, diags := LoadCatalogue(name, src, lang)
		assert.Nil(t, c, "a catalogue with errors is not returned")
		require.True(t, diags.HasErrors())
		golden.Assert(t, "testdata/catalogue/broken."+string(lang)+".diagnostics", []byte(diags.Error()+"\n"))
	}
}

func TestCatalogueTypeErrorsComeFromTheDecoder(t *testing.T) {
	_, diags := LoadCatalogue("c.toml", []byte("versie = 2026\n[[eis]]\nid = 1\n"), blueprint.Dutch)
	require.True(t, diags.HasErrors())
	text := diags.Error()
	assert.Contains(t, text, "c.toml:1:10: fout: versie moet tekst tussen aanhalingstekens zijn, niet een geheel getal")
	assert.Contains(t, text, "c.toml:3:6: fout: id moet tekst tussen aanhalingstekens zijn")
	_, diags = LoadCatalogue("c.toml", []byte("[[eis]\n"), blueprint.Dutch)
	require.True(t, diags.HasErrors())
	assert.True(t, strings.HasPrefix(diags[0].Pos.String(), "c.toml:1:"), diags.Error())
}

func TestExtendCatalogue(t *testing.T) {
	name := "testdata/catalogue/extend.toml"
	src, err := os.ReadFile(name)
	require.NoError(t, err)
	c, diags := LoadCatalogue(name, src, blueprint.Dutch)
	require.False(t, diags.HasErrors(), diags.Error())
	assert.Equal(t, "2026.1-aanbesteding-A", c.Version)
	assert.Equal(t, "Centrale kennisbank (eigen tekst)", c.Requirement("KCC-KG-001").Title(blueprint.Dutch), "an entry with a built-in id replaces it")
	assert.Equal(t, "KCC-KG-001", c.Requirements[0].ID, "in its place")
	assert.Nil(t, c.Requirement("KCC-KG-004"), "a retired requirement is gone")
	require.NotNil(t, c.Requirement("KCC-KS-101"))
	assert.Equal(t, len(Builtin().Requirements), len(c.Requirements), "one added, one retired")
	// Derivation uses the extension's rule.
	m := model(t, "", [3]string{"app", "melding", step("s", `kanaal = "app"`)})
	res, _ := Derive(m, c, Options{})
	row := rowOf(res, "KCC-KS-101")
	require.NotNil(t, row)
	assert.Contains(t, reasons(row), "app-terugbellen: stap via App @ "+at(t, "app.toml", "[[stap]]", "", 1))
	assert.Equal(t, blueprint.KindKO, c.Requirement("KCC-KG-001").Kind, "the reworded requirement has its new kind")
	for _, r := range c.Rules {
		assert.NotContains(t, r.Requirements, "KCC-KG-004", "rule %s still names the retired requirement", r.ID)
	}
}

// A replacing catalogue needs the answers and weights too.
func TestReplacingCatalogueNeedsWeightsAndAnswers(t *testing.T) {
	src := `[[blok]]
code = "KG"
nummer = 1
naam = "Klantgeleiding"

[[functie]]
sleutel = "kennisbank"
blok = "KG"
naam = "Kennisbank"

[[eis]]
id = "T-1"
functie = "kennisbank"
titel = "Kennisbank"
tekst = "De oplossing heeft een kennisbank."
soort = "wens"
moscow = "should"
verificatie = "demonstratie"
`
	_, diags := LoadCatalogue("eigen.toml", []byte(src), blueprint.Dutch)
	assert.Equal(t, "eigen.toml:1:1: fout: de catalogus mist [weging]; voeg toe: [weging] met must = 5, should = 3, could = 1\n"+
		"eigen.toml:1:1: fout: de catalogus moet minstens twee [[antwoord]] hebben; zie de ingebouwde catalogus: blueprint matrix --catalogue-template",
		diags.Error())
}
