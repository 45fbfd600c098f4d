package gemma

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
)

// readBad writes files (name → content) into a temporary folder, reads
// path in it and returns the diagnostics as the user sees them, with the
// folder's name replaced by DIR.
func readBad(t *testing.T, files map[string]string, path string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	m, diags, err := ReadPath(filepath.Join(dir, path), blueprint.English)
	require.NoError(t, err)
	if diags.HasErrors() {
		assert.Nil(t, m, "a model with errors is not returned")
	}
	return strings.ReplaceAll(diags.Error(), filepath.ToSlash(dir), "DIR")
}

func smallFile(t *testing.T, name string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return string(src)
}

func smallCSV(t *testing.T) map[string]string {
	return map[string]string{
		"elements.csv":   smallFile(t, "small-elements.csv"),
		"relations.csv":  smallFile(t, "small-relations.csv"),
		"properties.csv": smallFile(t, "small-properties.csv"),
	}
}

func TestBadExchangeFiles(t *testing.T) {
	small := smallFile(t, "small.xml")
	cut := small[:strings.Index(small, "<relationships>")+40]
	for _, c := range []struct {
		name, src, want string
	}{
		{"truncated", cut,
			"DIR/m.xml:34:25: error: the file ends in the middle of the model: it is truncated; export or copy the file again"},
		{"empty", "  \n",
			"DIR/m.xml:1:1: error: the file is empty"},
		{"not XML", "ID,Type,Name\n",
			"DIR/m.xml:1:1: error: this is not an XML file: it holds no element; give the exchange file of the GEMMA model, or Archi's CSV export"},
		{"an Archi model file", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<archimate:model xmlns:archimate="http://www.archimatetool.com/archimate" name="GEMMA" id="x" version="5.0.0"></archimate:model>`,
			"DIR/m.xml:2:111: error: this is an Archi model file (.archimate), not an exchange file; export it from Archi with File › Export › Model to Open Exchange File, or as CSV"},
		{"another kind of XML", "<html><body>GEMMA</body></html>",
			`DIR/m.xml:1:7: error: this is not an ArchiMate exchange file: the root element is <html>; expected is <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/">, as Archi exports it`},
		{"ArchiMate 2", `<model xmlns="http://www.opengroup.org/xsd/archimate" identifier="m"/>`,
			"DIR/m.xml:1:71: error: this is an exchange file of another ArchiMate version (namespace http://www.opengroup.org/xsd/archimate); the tool reads ArchiMate 3.x (namespace http://www.opengroup.org/xsd/archimate/3.0/)"},
		{"another model", strings.ReplaceAll(small, `propertyDefinitionRef="propid-2"`, `propertyDefinitionRef="propid-1"`),
			`DIR/m.xml:1:1: error: this is not a GEMMA model: none of the 4 elements of "GEMMA" has the property "Object ID"; export the GEMMA ArchiMate model of VNG Realisatie (or a project model that keeps GEMMA's properties)`},
		{"no elements", `<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>Leeg</name></model>`,
			"DIR/m.xml:1:1: error: the model has no elements"},
		{"a DOCTYPE", "<?xml version=\"1.0\"?>\n<!DOCTYPE model [<!ENTITY x \"y\">]>\n" + small[strings.Index(small, "<model"):],
			"DIR/m.xml:2:35: error: the file has a DOCTYPE; an ArchiMate exchange file has none, and the tool does not read it (entities are not expanded); export the model again from Archi (File › Export › Model to Open Exchange File)"},
		{"an unknown entity", strings.Replace(small, "Klantgeleidingcomponent<", "Klant&geleiding;<", 1),
			"DIR/m.xml:9:32: error: the file uses the entity &geleiding;, which does not exist; an exchange file uses only &amp; &lt; &gt; &quot; &apos; and character references"},
		{"another encoding", strings.Replace(small, "UTF-8", "ISO-8859-1", 1),
			`DIR/m.xml:1:44: error: the file is not in UTF-8: xml: encoding "ISO-8859-1" declared but Decoder.CharsetReader is nil; Archi writes UTF-8; export the model again`},
		{"nested too deep", `<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"><views>` + strings.Repeat("<node>", 200),
			"DIR/m.xml:1:667: error: elements are nested deeper than 100 levels; no ArchiMate exchange file does that"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, readBad(t, map[string]string{"m.xml": c.src}, "m.xml"))
		})
	}
}

// A billion-laughs file of 13 MB: the DOCTYPE is refused before anything is
// expanded (encoding/xml never expands declared entities anyway).
func TestBillionLaughs(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n")
	b.WriteString(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n")
	for i := 2; i <= 9; i++ {
		b.WriteString(" <!ENTITY lol" + string(rune('0'+i)) + " \"" + strings.Repeat("&lol"+string(rune('0'+i-1))+";", 10) + "\">\n")
	}
	// Pad the DOCTYPE with comments to 13 MB.
	for b.Len() < 13<<20 {
		b.WriteString(" <!-- " + strings.Repeat("lol ", 250) + "-->\n")
	}
	b.WriteString("]>\n<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\"><name>&lol9;</name></model>\n")
	got := readBad(t, map[string]string{"lolz.xml": b.String()}, "lolz.xml")
	assert.Contains(t, got, "DIR/lolz.xml:")
	assert.Contains(t, got, ": error: the file has a DOCTYPE; an ArchiMate exchange file has none, and the tool does not read it (entities are not expanded)")
	// Without the DOCTYPE the reference is just an unknown entity.
	doc := b.String()
	doc = doc[strings.Index(doc, "<model"):]
	got = readBad(t, map[string]string{"lolz.xml": doc}, "lolz.xml")
	assert.Equal(t, "DIR/lolz.xml:1:66: error: the file uses the entity &lol9;, which does not exist; an exchange file uses only &amp; &lt; &gt; &quot; &apos; and character references", got)
}

// A file over MaxFileSize is refused without being read.
func TestTooLargeFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "groot.xml")
	f, err := os.Create(p)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(MaxFileSize+1)) // sparse: nothing is written
	require.NoError(t, f.Close())
	m, diags, err := ReadPath(p, blueprint.English)
	require.NoError(t, err)
	assert.Nil(t, m)
	assert.Equal(t, filepath.ToSlash(p)+":1:1: error: GEMMA file is too large (67108865 bytes; at most 67108864); the GEMMA model itself is about 7 MB as an exchange file; is this the right file?", diags.Error())
}

func TestBadCSVFiles(t *testing.T) {
	for _, c := range []struct {
		name, file, src, want string
	}{
		{"a missing column", "relations.csv", strings.ReplaceAll(smallFile(t, "small-relations.csv"), `"Target",`, `"Doel",`),
			`DIR/relations.csv:1:1: error: column "Target" is missing from the header row; Archi's CSV export has the columns "ID","Type","Name","Documentation","Source","Target","Specialization" here; is this the right file?`},
		{"an empty file", "properties.csv", "",
			"DIR/properties.csv:1:1: error: the file is empty"},
		{"the wrong file", "elements.csv", smallFile(t, "small-properties.csv"),
			`DIR/elements.csv:1:1: error: columns "Type", "Name" are missing from the header row; Archi's CSV export has the columns "ID","Type","Name","Documentation","Specialization" here; is this the right file?`},
		{"a broken quote", "elements.csv", smallFile(t, "small-elements.csv") + "\"id-x\",\"Grouping\",\"Half\n",
			`DIR/elements.csv:7:25: error: the quotes do not match: extraneous or missing " in quoted-field; is the file truncated, or edited by hand? export it again from Archi`},
		{"another model", "properties.csv", `"ID","Key","Value"` + "\n",
			`DIR/elements.csv:1:1: error: this is not a GEMMA model: none of the 4 elements of "GEMMA" has the property "Object ID"; export the GEMMA ArchiMate model of VNG Realisatie (or a project model that keeps GEMMA's properties)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := smallCSV(t)
			files[c.file] = c.src
			assert.Equal(t, c.want, readBad(t, files, "elements.csv"))
		})
	}
}

func TestCSVWarnings(t *testing.T) {
	files := smallCSV(t)
	files["relations.csv"] += `"id-r4","FlowRelationship","","","id-9c003096f9e440578e23ee6df4bd8e3a","id-weg",""` + "\n"
	files["elements.csv"] = strings.Replace(files["elements.csv"], `"id-model","ArchimateModel","GEMMA","",""`+"\n", "", 1)
	files["properties.csv"] += `"id-9c003096f9e440578e23ee6df4bd8e3a","Object ID","4fb80905-d79b-4cde-aeab-7459fec668b1"` + "\n"
	dir := t.TempDir()
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	m, diags, err := ReadPath(dir, blueprint.English)
	require.NoError(t, err)
	require.NotNil(t, m, "warnings do not stop the model")
	assert.Equal(t, strings.Join([]string{
		"DIR/elements.csv:1:1: warning: the first row is not the model (type ArchimateModel); the model's name and release are missing; export the whole model from Archi (File › Export › Model to CSV)",
		"DIR/relations.csv:5:1: warning: skipped 1 relationships that point at an element not in the model (the first at \"id-weg\")",
	}, "\n"), strings.ReplaceAll(diags.Error(), filepath.ToSlash(dir), "DIR"))
	assert.Empty(t, m.Release)
}

func TestFolderProblems(t *testing.T) {
	dir := t.TempDir()
	_, _, err := ReadPath(dir, blueprint.English)
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Contains(t, err.Error(), "expected an exchange file (*.xml, Archi: File › Export › Model to Open Exchange File) or Archi's CSV export (elements.csv, relations.csv, properties.csv)")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.xml"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.xml"), nil, 0o644))
	_, _, err = ReadPath(dir, blueprint.English)
	assert.EqualError(t, err, filepath.ToSlash(dir)+" holds 2 XML files (a.xml, b.xml); name the exchange file of the GEMMA model with --gemma")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "x-elements.csv"), nil, 0o644))
	_, _, err = ReadPath(filepath.Join(dir, "x-elements.csv"), blueprint.English)
	assert.EqualError(t, err, filepath.ToSlash(filepath.Join(dir, "x-relations.csv"))+" is missing: Archi's CSV export is three files, elements.csv, relations.csv and properties.csv, with the same prefix")

	_, _, err = ReadPath(filepath.Join(dir, "nergens.xml"), blueprint.English)
	assert.ErrorIs(t, err, os.ErrNotExist)
}

// A folder that does not exist holds no model either: callers that skip
// without the model (the tests of the catalogue) see ErrNotFound.
func TestMissingFolderIsNotFound(t *testing.T) {
	_, _, err := ReadPath(filepath.Join(t.TempDir(), "weg"), blueprint.English)
	assert.ErrorIs(t, err, ErrNotFound)
	assert.ErrorIs(t, err, fs.ErrNotExist)
}
