package archimate

import (
	"encoding/xml"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The types Archi's importer knows (XMLTypeMapper in archimatetool/archi,
// org.opengroup.archimate.xmlexchange): an unknown element or relationship
// type stops the import.
var archiElementTypes = []string{
	"Capability", "CourseOfAction", "Resource", "ValueStream",
	"BusinessActor", "BusinessCollaboration", "BusinessEvent", "BusinessFunction", "BusinessInteraction", "BusinessInterface",
	"BusinessObject", "BusinessProcess", "BusinessRole", "BusinessService", "Contract", "Product", "Representation",
	"ApplicationCollaboration", "ApplicationComponent", "ApplicationEvent", "ApplicationFunction", "ApplicationInteraction",
	"ApplicationInterface", "ApplicationProcess", "ApplicationService", "DataObject",
	"Artifact", "CommunicationNetwork", "Device", "Node", "Path", "SystemSoftware", "TechnologyCollaboration",
	"TechnologyInteraction", "TechnologyInterface", "TechnologyEvent", "TechnologyFunction", "TechnologyProcess", "TechnologyService",
	"DistributionNetwork", "Equipment", "Facility", "Material",
	"Assessment", "Constraint", "Driver", "Goal", "Outcome", "Meaning", "Principle", "Requirement", "Stakeholder", "Value",
	"Deliverable", "Gap", "ImplementationEvent", "Plateau", "WorkPackage", "Grouping", "Location", "AndJunction", "OrJunction",
}

var archiRelationTypes = map[string]byte{
	"Access": 'a', "Composition": 'c', "Flow": 'f', "Aggregation": 'g', "Assignment": 'i', "Influence": 'n',
	"Association": 'o', "Realization": 'r', "Specialization": 's', "Triggering": 't', "Serving": 'v',
}

// Archi's top-level folders: an organizations item with one of these
// labels is that folder (XMLModelImporter.getTopLevelArchiFolder).
var archiFolders = map[string][]string{
	"Strategy":    {"Capability", "CourseOfAction", "Resource", "ValueStream"},
	"Business":    {"BusinessActor", "BusinessCollaboration", "BusinessEvent", "BusinessFunction", "BusinessInteraction", "BusinessInterface", "BusinessObject", "BusinessProcess", "BusinessRole", "BusinessService", "Contract", "Product", "Representation"},
	"Application": {"ApplicationCollaboration", "ApplicationComponent", "ApplicationEvent", "ApplicationFunction", "ApplicationInteraction", "ApplicationInterface", "ApplicationProcess", "ApplicationService", "DataObject"},
	"Motivation":  {"Assessment", "Constraint", "Driver", "Goal", "Outcome", "Meaning", "Principle", "Requirement", "Stakeholder", "Value"},
	"Relations":   nil,
	"Views":       nil,
}

// allowed reads Archi's relationships.xml: source type → target type → the
// letters of the allowed relationships.
func allowed(t *testing.T) map[string]map[string]string {
	t.Helper()
	src, err := os.ReadFile("testdata/relationships.xml")
	require.NoError(t, err)
	var doc struct {
		Sources []struct {
			Concept string `xml:"concept,attr"`
			Targets []struct {
				Concept   string `xml:"concept,attr"`
				Relations string `xml:"relations,attr"`
			} `xml:"target"`
		} `xml:"source"`
	}
	require.NoError(t, xml.Unmarshal(src, &doc))
	out := map[string]map[string]string{}
	for _, s := range doc.Sources {
		out[s.Concept] = map[string]string{}
		for _, tg := range s.Targets {
			out[s.Concept][tg.Concept] = tg.Relations
		}
	}
	return out
}

// The export follows the rules of Archi's importer (XMLModelImporter), of
// the model checker it runs when a model is opened (ModelChecker) and of
// its validator (hammer), so that nothing is rejected or lost:
//
//   - the root is <model> in the ArchiMate 3 namespace with an identifier,
//     and has <elements> (without it the import stops);
//   - every identifier is unique and a valid xs:ID;
//   - element and relationship types are ones Archi knows;
//   - every property refers to a property definition with a name (one
//     without is dropped);
//   - names and property values have no white space Archi would collapse
//     (it normalises them, documentation it keeps);
//   - relationships connect existing concepts, and Archi allows each
//     (relationships.xml: its validator reports an invalid one);
//   - nodes have integer bounds and refer to elements; connections refer
//     to relationships and join the nodes of the relationship's own ends
//     (the model checker reports any other connection as an error);
//   - colours have r, g and b;
//   - organizations refer to existing concepts and views, their top level
//     is Archi's folders, and each concept is in the folder of its kind;
//   - every element is in a view (the validator warns about unused ones).
func TestExportFollowsArchisImportRules(t *testing.T) {
	rules := allowed(t)
	for name, m := range models(t) {
		t.Log(name)
		root := parse(t, encoded(t, m))
		assert.Equal(t, Namespace, root.XMLName.Space)
		assert.Equal(t, "model", root.XMLName.Local)
		assert.True(t, IsNCName(root.attr("identifier")))
		require.NotNil(t, root.kid("elements"), "Archi stops an import without <elements>")

		ids := map[string]string{} // identifier → what it is
		seen := func(id, what string) {
			assert.True(t, IsNCName(id), "%s %q is not a valid xs:ID", what, id)
			_, dup := ids[id]
			assert.False(t, dup, "identifier %s is used twice", id)
			ids[id] = what
		}
		seen(root.attr("identifier"), "model")
		defs := map[string]string{}
		for _, d := range root.kid("propertyDefinitions").kids("propertyDefinition") {
			name := d.kid("name")
			require.NotNil(t, name, "property definition %s has no name; Archi drops its properties", d.attr("identifier"))
			defs[d.attr("identifier")] = name.Text
			seen(d.attr("identifier"), "property definition")
		}
		checkProps := func(owner string, n *xnode) {
			if ps := n.kid("properties"); ps != nil {
				for _, p := range ps.kids("property") {
					_, ok := defs[p.attr("propertyDefinitionRef")]
					assert.True(t, ok, "%s: property refers to no definition", owner)
					v := p.kid("value")
					require.NotNil(t, v)
					assert.Equal(t, normalize(v.Text), v.Text, "%s: Archi would change the property value", owner)
				}
			}
		}
		types := map[string]string{}
		for _, e := range root.kid("elements").kids("element") {
			id, typ := e.attr("identifier"), e.attr("type")
			seen(id, "element")
			types[id] = typ
			assert.Contains(t, archiElementTypes, typ)
			name := e.kid("name")
			require.NotNil(t, name, id)
			assert.Equal(t, normalize(name.Text), name.Text, "%s: Archi would change the name", id)
			assert.NotEmpty(t, name.Text, id)
			checkProps(id, e)
		}
		ends := map[string][2]string{}
		for _, r := range root.kid("relationships").kids("relationship") {
			id, typ, src, dst := r.attr("identifier"), r.attr("type"), r.attr("source"), r.attr("target")
			seen(id, "relationship")
			letter, ok := archiRelationTypes[typ]
			require.True(t, ok, "unknown relationship type %s", typ)
			require.NotEmpty(t, types[src], "%s: source %s is not an element of the file", id, src)
			require.NotEmpty(t, types[dst], "%s: target %s is not an element of the file", id, dst)
			assert.True(t, strings.IndexByte(rules[types[src]][types[dst]], letter) >= 0,
				"%s: Archi does not allow %s from %s to %s (allowed: %q)", id, typ, types[src], types[dst], rules[types[src]][types[dst]])
			if n := r.kid("name"); n != nil {
				assert.Equal(t, normalize(n.Text), n.Text, id)
			}
			checkProps(id, r)
			ends[id] = [2]string{src, dst}
		}

		inView := map[string]bool{}
		views := root.kid("views").kid("diagrams").kids("view")
		for _, v := range views {
			seen(v.attr("identifier"), "view")
			nodeEl := map[string]string{}
			var walkNodes func(ns []*xnode)
			walkNodes = func(ns []*xnode) {
				for _, n := range ns {
					id := n.attr("identifier")
					seen(id, "node")
					for _, a := range []string{"x", "y", "w", "h"} {
						_, err := strconv.Atoi(n.attr(a))
						assert.NoError(t, err, "node %s: %s must be an integer", id, a)
					}
					switch n.attr("type") {
					case "Element":
						el := n.attr("elementRef")
						require.NotEmpty(t, types[el], "node %s refers to %s, which is not an element", id, el)
						nodeEl[id] = el
						inView[el] = true
					case "Label", "Container":
					default:
						t.Errorf("node %s has type %q", id, n.attr("type"))
					}
					if st := n.kid("style"); st != nil {
						for _, c := range st.Kids {
							if c.XMLName.Local == "fillColor" || c.XMLName.Local == "lineColor" {
								for _, a := range []string{"r", "g", "b"} {
									v, err := strconv.Atoi(c.attr(a))
									assert.True(t, err == nil && v >= 0 && v <= 255, "node %s: colour %s", id, a)
								}
							}
						}
					}
					walkNodes(n.kids("node"))
				}
			}
			walkNodes(v.kids("node"))
			for _, c := range v.kids("connection") {
				seen(c.attr("identifier"), "connection")
				rel := c.attr("relationshipRef")
				e, ok := ends[rel]
				require.True(t, ok, "connection %s refers to %s, which is not a relationship", c.attr("identifier"), rel)
				assert.Equal(t, e[0], nodeEl[c.attr("source")], "connection %s starts at another element than its relationship", c.attr("identifier"))
				assert.Equal(t, e[1], nodeEl[c.attr("target")], "connection %s ends at another element than its relationship", c.attr("identifier"))
			}
		}
		for id := range types {
			assert.True(t, inView[id], "element %s is in no view", id)
		}

		// Organizations.
		var walkItems func(top string, items []*xnode)
		walkItems = func(top string, items []*xnode) {
			for _, it := range items {
				if ref := it.attr("identifierRef"); ref != "" {
					what, ok := ids[ref]
					require.True(t, ok, "folder item refers to %s, which is not in the file", ref)
					switch what {
					case "element":
						assert.Contains(t, archiFolders[top], types[ref], "%s (%s) is filed under %s", ref, types[ref], top)
					case "relationship":
						assert.Equal(t, "Relations", top)
					case "view":
						assert.Equal(t, "Views", top)
					}
					continue
				}
				label := it.kid("label")
				require.NotNil(t, label, "a folder has no label")
				walkItems(top, it.kids("item"))
			}
		}
		orgs := root.kid("organizations")
		require.NotNil(t, orgs)
		for _, top := range orgs.kids("item") {
			label := top.kid("label").Text
			_, ok := archiFolders[label]
			require.True(t, ok, "top-level folder %q is not one of Archi's", label)
			walkItems(label, top.kids("item"))
		}
		filed := map[string]bool{}
		var collect func(items []*xnode)
		collect = func(items []*xnode) {
			for _, it := range items {
				if ref := it.attr("identifierRef"); ref != "" {
					filed[ref] = true
				}
				collect(it.kids("item"))
			}
		}
		collect(orgs.kids("item"))
		for id, what := range ids {
			if slices.Contains([]string{"element", "relationship", "view"}, what) {
				assert.True(t, filed[id], "%s %s is in no folder", what, id)
			}
		}
	}
}
