package gemma

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
)

// sharedDir is the real GEMMA model of VNG Realisatie (release 2026-06-30,
// see its SOURCE.md), as an exchange file and as Archi's CSV export.
var sharedDir = filepath.Join("..", "..", "..", "shared", "gemma")

// The real model is large: each test binary reads each format once.
var real struct {
	once     sync.Once
	xml, csv *Model
	err      error
}

// realModels returns the real model read from the exchange file and from
// the CSV export, or skips the test when ../shared is absent.
func realModels(tb testing.TB) (fromXML, fromCSV *Model) {
	tb.Helper()
	if _, err := os.Stat(filepath.Join(sharedDir, "gemma-exchange.xml")); err != nil {
		tb.Skipf("the GEMMA model is not at %s (see shared/gemma/SOURCE.md); skipping the tests against the real model", sharedDir)
	}
	real.once.Do(func() {
		read := func(p string) *Model {
			m, diags, err := ReadPath(filepath.Join(sharedDir, p), blueprint.English)
			if err == nil && len(diags) > 0 {
				err = fmt.Errorf("%s: %s", p, diags.Error())
			}
			if err != nil && real.err == nil {
				real.err = err
			}
			return m
		}
		real.xml = read("gemma-exchange.xml")
		real.csv = read("gemma-elements.csv")
	})
	require.NoError(tb, real.err)
	return real.xml, real.csv
}

// The two formats of the same release give the same model: the same
// elements with the same Archi ids, types, names, documentation and
// properties, and the same relations.
func TestRealFormatsGiveTheSameModel(t *testing.T) {
	x, c := realModels(t)
	assert.Equal(t, x.Name, c.Name)
	assert.Equal(t, x.Release, c.Release)
	require.Equal(t, x.Len(), c.Len())
	for _, e := range x.Elements {
		o := c.Element(e.ObjectID)
		if !assert.NotNil(t, o, "Object ID %s (%s) only in the exchange file", e.ObjectID, e.Name) {
			continue
		}
		assert.Equal(t, describe(e), describe(o))
	}
	assert.Equal(t, relationKeys(x), relationKeys(c))
}

func describe(e *Element) string {
	return fmt.Sprintf("%s %s %s %q %q kind=%q %v", e.ObjectID, e.ArchiID, e.Type, e.Name, e.Documentation, e.Kind, e.Properties)
}

func relationKeys(m *Model) []string {
	var out []string
	for _, r := range m.Relations {
		out = append(out, r.ArchiID+" "+r.Type+" "+r.Source.ObjectID+" → "+r.Target.ObjectID+" "+r.Name)
	}
	sort.Strings(out)
	return out
}

// The counts of the release, as GEMMA Online and the CSV show them.
func TestRealModelCounts(t *testing.T) {
	m, _ := realModels(t)
	assert.Equal(t, "GEMMA", m.Name)
	assert.Equal(t, "2026-06-30", m.Release)
	assert.False(t, m.Extract)
	assert.Equal(t, 3006, m.Len(), "every element of the release has an Object ID")
	assert.Empty(t, m.Duplicates)
	// 6,257 relationships, of which 4 connect to another relationship.
	assert.Equal(t, 6253, len(m.Relations))
	count := map[string]int{}
	status := map[string]int{}
	for _, e := range m.Elements {
		count[e.Type]++
		count["kind:"+e.Kind]++
		if e.Kind == Component {
			status[e.Status]++
		}
	}
	assert.Equal(t, 269, count[ApplicationComponent])
	assert.Equal(t, 432, count[ApplicationService])
	assert.Equal(t, 304, count[BusinessFunction])
	assert.Equal(t, 3, count["ApplicationFunction"], "GEMMA has had (almost) no applicatiefuncties since March 2022")
	assert.Equal(t, 171, count["kind:"+Component])
	assert.Equal(t, 56, count["kind:"+External])
	assert.Equal(t, map[string]int{StatusInUse: 167, StatusDeveloping: 2, StatusEndOfSupport: 2}, status)
}

// Known elements by Object ID, with what an architect sees in Archi.
func TestRealKnownElements(t *testing.T) {
	m, _ := realModels(t)
	crm := m.Element("eb436669-87b4-4134-b59b-dbfda11de5bc")
	require.NotNil(t, crm)
	assert.Equal(t, "Relatiebeheercomponent (CRM)", crm.Name)
	assert.Equal(t, ApplicationComponent, crm.Type)
	assert.Equal(t, Component, crm.Kind)
	assert.Equal(t, StatusInUse, crm.Status)
	assert.Equal(t, "id-eb436669-87b4-4134-b59b-dbfda11de5bc", crm.ArchiID)
	assert.Equal(t, "Component voor het onderhouden van relaties met klanten of organisaties.", crm.Documentation)
	assert.Contains(t, names(m.Realized(crm)), "Beheren van klantcontacten")
	assert.Subset(t, names(m.Provides(crm)), []string{"Beheren van klantcontacten", "Uitzetten en opvolgen van terugbelverzoeken", "Toevoegen klantcontacten aan lopende zaken"})

	cc := m.Element("9d127615-3b66-4d9e-9071-2a85f9cd44d8")
	require.NotNil(t, cc)
	assert.Equal(t, "Callcentercomponent", cc.Name)
	assert.Equal(t, Component, cc.Kind)
	assert.Equal(t, []string{"Ondersteunen van callcenterwerkzaamheden"}, names(m.Realized(cc)))

	// A service whose Archi id differs from its Object ID (most do since
	// the applicatiefuncties became applicatieservices in 2022).
	s := m.Element("b2738bde-8c74-11e5-1099-005056a83192")
	require.NotNil(t, s)
	assert.Equal(t, "Geleiden van klanten", s.Name)
	assert.Equal(t, Service, s.Kind)
	assert.NotEqual(t, "id-"+s.ObjectID, s.ArchiID)
	assert.Equal(t, []string{"Klantgeleidingcomponent", "Producten-en-dienstencataloguscomponent"}, names(m.Realizers(s)))
	assert.Equal(t, []string{"Klantgeleiding"}, names(m.Serves(s)))

	nr := m.Element("5060f0fc-6198-4936-99d3-1c5a35aae8de")
	require.NotNil(t, nr)
	assert.Equal(t, "Notificatierouteringcomponent", nr.Name)
	assert.Equal(t, StatusDeveloping, nr.Status)
	assert.True(t, nr.NotInUse())

	root := m.Element(KCCFunction)
	require.NotNil(t, root)
	assert.Equal(t, "Klant- en keteninteractie", root.Name)
	f := m.Element("acf4c752-d015-41d4-a7b7-d12cf10a6f06")
	require.NotNil(t, f, "Afhandeling klantcontactmoment")
	assert.Equal(t, "Klant- en keteninteractie › Contactbeheer › Afhandeling klantcontactmoment", m.Path(root, f))
}

func names(es []*Element) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Name)
	}
	slices.Sort(out)
	return out
}

// The 45 identifiers that start with a digit (not valid xs:IDs) are read
// as they are, in both formats.
func TestRealDigitIdentifiers(t *testing.T) {
	x, c := realModels(t)
	e := x.Element("32cbf40b-7777-4f73-95df-cb5a7e0e050a")
	require.NotNil(t, e)
	assert.Equal(t, "11c730e3-2194-4916-a60b-bda1075446bf", e.ArchiID)
	assert.Equal(t, e.ArchiID, c.Element(e.ObjectID).ArchiID)
	n := 0
	for _, e := range x.Elements {
		if strings.IndexAny(e.ArchiID[:1], "0123456789") == 0 {
			n++
		}
	}
	assert.Equal(t, 18, n, "18 elements; the other 27 such ids are relationships")
}
