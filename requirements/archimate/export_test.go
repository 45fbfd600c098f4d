package archimate

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/golden"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
	"github.com/dimpact/blueprint/requirements/gemma/coverage"
)

func encoded(t testing.TB, m *Model) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Encode(&b, m))
	return b.Bytes()
}

// The export of the four examples (in both languages) and of the journeys
// of other services validates against the Open Group's ArchiMate 3.1
// exchange schema, with views (archimate3_Diagram.xsd), as Archi validates
// a file before it imports it.
func TestExportValidatesAgainstTheXSD(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not installed (apt-get install -y libxml2-utils; .ci/run installs it); skipping the validation against the ArchiMate XSD")
	}
	for name, m := range models(t) {
		path := filepath.Join(t.TempDir(), "export.xml")
		require.NoError(t, os.WriteFile(path, encoded(t, m), 0o644))
		cmd := exec.Command(xmllint, "--noout", "--nonet", "--schema", "testdata/xsd/archimate3_Diagram.xsd", path)
		cmd.Env = append(os.Environ(), "XML_CATALOG_FILES=testdata/xsd/catalog.xml")
		out, err := cmd.CombinedOutput()
		assert.NoError(t, err, "%s: %s", name, out)
		assert.Contains(t, string(out), "validates", name)
	}
}

// The validator must fail on a file that breaks the schema, or the test
// above proves nothing: an identifier that starts with a digit, as 45 of
// GEMMA's do.
func TestXSDCatchesAnInvalidIdentifier(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not installed (apt-get install -y libxml2-utils); skipping")
	}
	src := encoded(t, examplesModel(t, blueprint.Dutch))
	src = bytes.Replace(src, []byte(`identifier="bp.journey.desiree-financiele-hulp"`), []byte(`identifier="1bp.journey"`), 1)
	path := filepath.Join(t.TempDir(), "bad.xml")
	require.NoError(t, os.WriteFile(path, src, 0o644))
	cmd := exec.Command(xmllint, "--noout", "--nonet", "--schema", "testdata/xsd/archimate3_Diagram.xsd", path)
	cmd.Env = append(os.Environ(), "XML_CATALOG_FILES=testdata/xsd/catalog.xml")
	out, err := cmd.CombinedOutput()
	assert.Error(t, err)
	assert.Contains(t, string(out), "'1bp.journey' is not a valid value of the atomic type 'xs:ID'")
}

// The export of one example journey, to see what changes.
func TestExportGolden(t *testing.T) {
	files, err := blueprint.ReadPaths([]string{"../../examples/blueprint.toml", "../../examples/johan-gat-in-de-weg.toml"})
	require.NoError(t, err)
	m, diags := blueprint.LoadFiles(files, blueprint.Options{})
	require.False(t, diags.HasErrors(), diags.Error())
	res, _ := requirements.Derive(m, requirements.Builtin(), requirements.Options{})
	am, err := Build(Input{Journeys: m, Result: res, Coverage: coverage.Compute(res, m.Vocabulary, gemma.Default())})
	require.NoError(t, err)
	golden.Assert(t, "testdata/johan.xml", encoded(t, am))
}

func TestExportIsDeterministic(t *testing.T) {
	a := encoded(t, examplesModel(t, blueprint.Dutch))
	b := encoded(t, examplesModel(t, blueprint.Dutch))
	assert.True(t, bytes.Equal(a, b), "two exports of the same input differ")
}

// What an architect merges on: the GEMMA elements keep their Archi ids and
// carry their Object ID; the relations to them carry it too.
func TestExportCarriesGEMMAIdentity(t *testing.T) {
	src := string(encoded(t, examplesModel(t, blueprint.Dutch)))
	crm := regexp.MustCompile(`(?s)<element identifier="id-eb436669-87b4-4134-b59b-dbfda11de5bc" xsi:type="ApplicationComponent">\s*<name xml:lang="nl">Relatiebeheercomponent \(CRM\)</name>.*?</element>`).FindString(src)
	require.NotEmpty(t, crm, "the CRM keeps its Archi id")
	defs := regexp.MustCompile(`<propertyDefinition identifier="(propid-\d+)" type="string">\s*<name xml:lang="nl">Object ID</name>`).FindStringSubmatch(src)
	require.Len(t, defs, 2)
	assert.Contains(t, crm, `<property propertyDefinitionRef="`+defs[1]+`">`+"\n"+`          <value xml:lang="nl">eb436669-87b4-4134-b59b-dbfda11de5bc</value>`)
	// A requirement realized by the CRM, with the GEMMA Object ID on the
	// relation.
	rel := regexp.MustCompile(`(?s)<relationship identifier="bp\.r\.[0-9a-f]+" source="id-eb436669-87b4-4134-b59b-dbfda11de5bc" target="bp\.requirement\.KCC-CR-001" xsi:type="Realization">.*?</relationship>`).FindString(src)
	require.NotEmpty(t, rel)
	assert.Contains(t, rel, "eb436669-87b4-4134-b59b-dbfda11de5bc</value>")
}

// xnode is a generic XML element, to check the file as Archi reads it.
type xnode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Kids    []*xnode   `xml:",any"`
}

func (n *xnode) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (n *xnode) kid(local string) *xnode {
	for _, k := range n.Kids {
		if k.XMLName.Local == local {
			return k
		}
	}
	return nil
}

func (n *xnode) kids(local string) []*xnode {
	var out []*xnode
	for _, k := range n.Kids {
		if k.XMLName.Local == local {
			out = append(out, k)
		}
	}
	return out
}

func parse(t *testing.T, src []byte) *xnode {
	t.Helper()
	var root xnode
	require.NoError(t, xml.Unmarshal(src, &root))
	return &root
}

// normalize is what Archi's importer does to names and property values
// (JDOM's getTextNormalize): trims and collapses white space.
func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }
