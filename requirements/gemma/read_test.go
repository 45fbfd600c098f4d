package gemma

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
)

func readOK(t *testing.T, path string) *Model {
	t.Helper()
	m, diags, err := ReadPath(path, blueprint.English)
	require.NoError(t, err)
	require.Empty(t, diags, diags.Error())
	require.NotNil(t, m)
	return m
}

// The small model written by hand in both formats reads the same, whether
// named by its exchange file, one of its CSV files, or (for the folder) the
// exchange file being preferred.
func TestSmallModelBothFormats(t *testing.T) {
	x := readOK(t, "testdata/small.xml")
	c := readOK(t, "testdata/small-properties.csv")
	for _, m := range []*Model{x, c} {
		assert.Equal(t, "id-model", m.ID)
		assert.Equal(t, "GEMMA", m.Name)
		assert.Equal(t, "2026-06-30", m.Release)
		assert.Equal(t, 3, m.Len(), "the grouping without an Object ID is left out")
		k := m.Element("4fb80905-d79b-4cde-aeab-7459fec668b1")
		require.NotNil(t, k)
		assert.Equal(t, Component, k.Kind)
		assert.Equal(t, "In gebruik", k.Status)
		s := m.Element("b2738bde-8c74-11e5-1099-005056a83192")
		require.NotNil(t, s)
		assert.Equal(t, "id-9c003096f9e440578e23ee6df4bd8e3a", s.ArchiID)
		assert.Same(t, s, m.ByArchiID(s.ArchiID))
		assert.Equal(t, []*Element{s}, m.Provides(k))
		assert.Equal(t, []*Element{k}, m.Realizers(s))
		require.Len(t, m.Serves(s), 1)
		assert.Equal(t, "Klantgeleiding", m.Serves(s)[0].Name)
		require.Len(t, m.Relations, 2, "the aggregation from the grouping without an Object ID is left out")
		assert.Equal(t, "ondersteunt", m.Relations[1].Name)
	}
	for _, e := range x.Elements {
		assert.Equal(t, describe(e), describe(c.Element(e.ObjectID)))
	}
	assert.Equal(t, relationKeys(x), relationKeys(c))
}

func TestFolderPrefersTheExchangeFile(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"small.xml", "small-elements.csv", "small-relations.csv", "small-properties.csv"} {
		src, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), src, 0o644))
	}
	m := readOK(t, dir)
	assert.Equal(t, []string{filepath.ToSlash(filepath.Join(dir, "small.xml"))}, m.Files)
	require.NoError(t, os.Remove(filepath.Join(dir, "small.xml")))
	m = readOK(t, dir)
	assert.Len(t, m.Files, 3, "without an exchange file, the CSV export")
}

// Archi lets the user choose the separator and a byte order mark.
func TestCSVSemicolonsAndBOM(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"elements.csv", "relations.csv", "properties.csv"} {
		src, err := os.ReadFile(filepath.Join("testdata", "small-"+name))
		require.NoError(t, err)
		text := "\ufeff" + strings.ReplaceAll(string(src), `","`, `";"`)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	m := readOK(t, dir)
	assert.Equal(t, 3, m.Len())
	assert.Equal(t, "2026-06-30", m.Release)
}

// The embedded extract reads cleanly and is the KCC extract of the release
// the catalogue names.
func TestDefault(t *testing.T) {
	m := Default()
	assert.True(t, m.Extract)
	assert.Equal(t, "GEMMA", m.Name)
	assert.Equal(t, "2026-06-30", m.Release)
	crm := m.Element("eb436669-87b4-4134-b59b-dbfda11de5bc")
	require.NotNil(t, crm)
	assert.Equal(t, "Relatiebeheercomponent (CRM)", crm.Name)
	assert.Equal(t, Component, crm.Kind)
	assert.Empty(t, crm.Documentation, "the extract leaves documentation out")
	sc := ScopeOf(m, nil)
	require.NotNil(t, sc.Root)
	assert.True(t, sc.In(crm), "the CRM supports Afhandeling klantcontactmoment")
	assert.Equal(t, "Klant- en keteninteractie › Contactbeheer › Afhandeling klantcontactmoment", m.Path(sc.Root, sc.Why[crm].Function))
	assert.Same(t, m, Default(), "read once")
}

func TestMapping2022(t *testing.T) {
	// An applicatiefunctie that became the applicatieservice with the
	// same Object ID.
	f := Mapping2022("77f4c2e0-b562-11e5-11ba-005056a85f9c")
	require.NotNil(t, f)
	assert.Equal(t, "Aanbieden informatieobjecten als download", f.Name)
	assert.Equal(t, f.ObjectID, f.Successor)
	// One that has no successor; it was realized by a component in 2022.
	f = Mapping2022("20c2f0b1-a898-479f-88b2-6dd39b5fe4a0")
	require.NotNil(t, f)
	assert.Equal(t, "Beheren van meldingen openbare ruimte", f.Name)
	assert.Empty(t, f.Successor)
	assert.Equal(t, []string{"Meldingen openbare ruimtecomponent"}, f.Components)
	assert.Nil(t, Mapping2022("not-an-id"))
}

func TestKindOf(t *testing.T) {
	for _, c := range []struct{ typ, gemmaType, want string }{
		{"ApplicationComponent", "Referentiecomponent", Component},
		{"ApplicationComponent", "Buitengemeentelijke voorziening", External},
		{"ApplicationService", "", Service},
		{"ApplicationService", "Buitengemeentelijke service", Service},
		{"ApplicationComponent", "Technologiecomponent", ""},
		{"BusinessProcess", "Bedrijfsproces", ""},
	} {
		if got := KindOf(c.typ, c.gemmaType); got != c.want {
			t.Errorf("KindOf(%q, %q) = %q, want %q", c.typ, c.gemmaType, got, c.want)
		}
	}
}
