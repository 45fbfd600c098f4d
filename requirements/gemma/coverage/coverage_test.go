package coverage

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/golden"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
)

var examples struct {
	once sync.Once
	m    *blueprint.Model
}

// exampleModel loads the four example journeys once.
func exampleModel(t testing.TB) *blueprint.Model {
	t.Helper()
	examples.once.Do(func() {
		files, err := blueprint.ReadPaths([]string{"../../../examples"})
		if err != nil {
			return
		}
		m, diags := blueprint.LoadFiles(files, blueprint.Options{})
		if !diags.HasErrors() {
			examples.m = m
		}
	})
	require.NotNil(t, examples.m, "the examples do not load")
	return examples.m
}

func derive(t testing.TB, cat *requirements.Catalogue, lang blueprint.Lang) *requirements.Result {
	t.Helper()
	res, diags := requirements.Derive(exampleModel(t), cat, requirements.Options{Lang: lang})
	require.False(t, diags.HasErrors(), diags.Error())
	return res
}

// The coverage of the four example journeys against the built-in extract,
// in every format.
func TestExamplesGolden(t *testing.T) {
	for _, tc := range []struct {
		lang   blueprint.Lang
		format string
		write  func(*bytes.Buffer, *Report) error
	}{
		{blueprint.Dutch, "txt", func(b *bytes.Buffer, r *Report) error { return WriteText(b, r) }},
		{blueprint.Dutch, "md", func(b *bytes.Buffer, r *Report) error { return WriteMarkdown(b, r) }},
		{blueprint.Dutch, "json", func(b *bytes.Buffer, r *Report) error { return WriteJSON(b, r) }},
		{blueprint.English, "txt", func(b *bytes.Buffer, r *Report) error { return WriteText(b, r) }},
		{blueprint.English, "md", func(b *bytes.Buffer, r *Report) error { return WriteMarkdown(b, r) }},
	} {
		r := Compute(derive(t, requirements.Builtin(), tc.lang), exampleModel(t).Vocabulary, gemma.Default())
		var b bytes.Buffer
		require.NoError(t, tc.write(&b, r))
		golden.Assert(t, filepath.Join("testdata", "examples."+string(tc.lang)+"."+tc.format), b.Bytes())
	}
}

// What an architect checks first, for the examples: the components the
// KCC basisvoorziening is about are covered, with the requirements and
// steps that need them; the gaps are GEMMA's KCC components no requirement
// names; the Notificatierouteringcomponent is still In ontwikkeling.
func TestExamplesCoverage(t *testing.T) {
	r := Compute(derive(t, requirements.Builtin(), blueprint.Dutch), exampleModel(t).Vocabulary, gemma.Default())
	assert.Equal(t, "2026-06-30", r.Release)
	comp := func(name string) *Component {
		for _, x := range append(append([]*Component{}, r.Components...), r.Outside...) {
			if x.Element.Name == name {
				return x
			}
		}
		t.Fatalf("%s is not in the report", name)
		return nil
	}
	crm := comp("Relatiebeheercomponent (CRM)")
	assert.True(t, crm.Covered())
	assert.Contains(t, ids(crm.Requirements), "KCC-CR-001")
	assert.Equal(t, 4, crm.Journeys)
	require.Len(t, crm.Systems, 1)
	assert.Equal(t, "klantcontactsysteem", crm.Systems[0].ID)
	cc := comp("Callcentercomponent")
	assert.True(t, cc.Covered())
	assert.Contains(t, ids(cc.Requirements), "KCC-KS-009")
	var places []string
	for _, p := range cc.Places {
		places = append(places, p.Journey.ID+"/"+p.Step.ID)
	}
	assert.Contains(t, places, "johan-gat-in-de-weg/belt-kcc")

	eh := comp("E-herkenning voor bedrijven")
	assert.False(t, eh.Covered(), "no journey is an ondernemer's")
	assert.Equal(t, []string{"KCC-IN-005"}, ids(eh.NotDerived))
	zm := comp("Zoekmachinecomponent")
	assert.False(t, zm.Covered())
	assert.Equal(t, "ondersteunt Klant- en keteninteractie › Informering › Klantgeleiding › Zoekondersteuning (via Beantwoorden van zoekvragen)", r.WhyText(zm.Element, zm.Why))
	assert.True(t, comp("Kantoorautomatiseringcomponent").OnlySystem(), "the journeys use shared mailboxes; no requirement names e-mail's component")

	require.Len(t, r.NotInUse, 1)
	assert.Equal(t, "Notificatierouteringcomponent", r.NotInUse[0].Element.Name)
	assert.Empty(t, r.Missing)
	assert.Empty(t, r.Differs)
	assert.Empty(t, r.Unmapped, "every built-in requirement names a GEMMA element")
	n := r.Counts()
	assert.Equal(t, n.Components, n.Covered+n.OnlySystem+n.Gaps)
	assert.Equal(t, len(r.Components), n.Components)
}

// A tender's own catalogue with the mistakes an architect must see: an
// Object ID of a 2022 applicatiefunctie that has no successor, an Archi id
// instead of an Object ID, a name GEMMA no longer uses, and a requirement
// that names no GEMMA element.
func TestCatalogueProblems(t *testing.T) {
	src := `uitbreiden = true

[[gemma]]
id = "20c2f0b1-a898-479f-88b2-6dd39b5fe4a0"
naam = "Beheren van meldingen openbare ruimte"
soort = "applicatieservice"

[[gemma]]
id = "id-d2046e51b485446597990e3e8eaff409"
naam = "Beheren van klantcontacten"
soort = "applicatieservice"

[[gemma]]
id = "eb436669-87b4-4134-b59b-dbfda11de5bc"
naam = "Klantcontactcomponent"
soort = "referentiecomponent"

[[eis]]
id = "KCC-KS-101"
functie = "chat"
titel = "Chat koppelen aan meldingen"
tekst = "De oplossing koppelt een chat aan een melding openbare ruimte."
soort = "wens"
moscow = "should"
verificatie = "demonstratie"
gemma = ["20c2f0b1-a898-479f-88b2-6dd39b5fe4a0", "id-d2046e51b485446597990e3e8eaff409"]

[[eis]]
id = "KCC-KS-102"
functie = "chat"
titel = "Chat in gewone taal"
tekst = "De oplossing laat de medewerker in gewone taal chatten."
soort = "wens"
moscow = "could"
verificatie = "demonstratie"

[[regel]]
id = "chat-eigen"
naam = "Chat"
eisen = ["KCC-KS-101", "KCC-KS-102"]
reden = "chat via {kanaal}"
  [regel.als]
  kanaal = ["chat"]
`
	cat, diags := requirements.LoadCatalogue("eigen.toml", []byte(src), blueprint.Dutch)
	require.False(t, diags.HasErrors(), diags.Error())
	res := derive(t, cat, blueprint.Dutch)
	require.NotNil(t, rowOf(res, "KCC-KS-101"), "the chat journeys need the new requirements")
	r := Compute(res, exampleModel(t).Vocabulary, gemma.Default())

	require.Len(t, r.Unmapped, 2)
	assert.Equal(t, []string{"KCC-KS-101", "KCC-KS-102"}, []string{r.Unmapped[0].Requirement.ID, r.Unmapped[1].Requirement.ID}, "KS-101 names only ids the model lacks")
	require.Len(t, r.Missing, 2)
	var b bytes.Buffer
	require.NoError(t, WriteText(&b, r))
	text := b.String()
	assert.Contains(t, text, "20c2f0b1-a898-479f-88b2-6dd39b5fe4a0 Beheren van meldingen openbare ruimte (eigen.toml:3:1): was de applicatiefunctie Beheren van meldingen openbare ruimte (2022), zonder opvolger; Meldingen openbare ruimtecomponent levert nu: Beheren van zaken, Verwerken meldingen openbare ruimte; genoemd door KCC-KS-101")
	assert.Contains(t, text, "id-d2046e51b485446597990e3e8eaff409 Beheren van klantcontacten (eigen.toml:8:1): dit is de Archi-id van Beheren van klantcontacten; de Object ID is ae894a91-7ecf-11e3-67ab-0050568a6153; genoemd door KCC-KS-101")
	assert.Contains(t, text, "eb436669-87b4-4134-b59b-dbfda11de5bc (eigen.toml:13:1): catalogus \"Klantcontactcomponent\", model \"Relatiebeheercomponent (CRM)\" (Referentiecomponent)")
	assert.Contains(t, text, "Eisen zonder GEMMA-element in het model (2)\n  KCC-KS-101 Chat koppelen aan meldingen\n  KCC-KS-102 Chat in gewone taal\n")
}

func rowOf(res *requirements.Result, id string) *requirements.Row {
	for _, row := range res.Rows {
		if row.Requirement.ID == id {
			return row
		}
	}
	return nil
}

// A system the table does not know (a project's own) is listed, and the
// steps of a required requirement count for its components.
func TestUnknownSystem(t *testing.T) {
	j := `id = "paspoort"
titel = "Anna vraagt een paspoort aan"
domein = "burgerzaken"
vraagsoort = "aanvraag"

[persona]
id = "anna"
naam = "Anna"
rol = "inwoner"

[[fase]]
id = "aanvragen"
naam = "Aanvragen"

[[stap]]
id = "balie"
fase = "aanvragen"
titel = "Anna staat aan de balie"
kanaal = "balie"
klantactie = "Geeft haar foto af"

  [[stap.frontoffice]]
  actor = "kcc-medewerker"
  actie = "Neemt de aanvraag op"

  [[stap.ondersteuning]]
  systeem = "burgerzakensysteem"
  actie = "Legt de aanvraag vast"
`
	p := `[[systeem]]
id = "burgerzakensysteem"
naam = "Burgerzakensysteem"
`
	m, diags := blueprint.LoadFiles([]blueprint.File{{Name: "blueprint.toml", Src: []byte(p)}, {Name: "paspoort.toml", Src: []byte(j)}}, blueprint.Options{})
	require.False(t, diags.HasErrors(), diags.Error())
	res, _ := requirements.Derive(m, requirements.Builtin(), requirements.Options{})
	r := Compute(res, m.Vocabulary, gemma.Default())
	require.Len(t, r.Systems, 1)
	assert.Equal(t, "Burgerzakensysteem", r.Systems[0].Name(blueprint.Dutch))
	assert.Empty(t, r.Systems[0].Refs)
	var b bytes.Buffer
	require.NoError(t, WriteText(&b, r))
	assert.Contains(t, b.String(), "\nSystemen zonder GEMMA-component in de tabel: Burgerzakensysteem\n")
}

var sharedDir = filepath.Join("..", "..", "..", "..", "shared", "gemma")

var full struct {
	once sync.Once
	m    *gemma.Model
}

func fullModel(t *testing.T) *gemma.Model {
	t.Helper()
	if _, err := os.Stat(sharedDir); err != nil {
		t.Skipf("the GEMMA model is not at %s (see shared/gemma/SOURCE.md); skipping the checks against the real model", sharedDir)
	}
	m := fullModelOrNil()
	require.NotNil(t, m, "the real GEMMA model does not read cleanly")
	return m
}

// fullModelOrNil reads the real model once, or returns nil when it is
// absent or does not read cleanly.
func fullModelOrNil() *gemma.Model {
	full.once.Do(func() {
		m, diags, err := gemma.ReadPath(sharedDir, blueprint.English)
		if err == nil && len(diags) == 0 {
			full.m = m
		}
	})
	return full.m
}

// Every row of the systems table names an element of the real model by its
// Object ID and its name there, a component or a buitengemeentelijke
// voorziening; and every built-in system has a row.
func TestSystemsTableIsReal(t *testing.T) {
	m := fullModel(t)
	for _, row := range Systems() {
		assert.NotNil(t, blueprint.BuiltinVocabulary().System(row.Key), "%s is not a system of the vocabulary", row.Key)
		for _, ref := range row.Elements {
			e := m.Element(ref.ObjectID)
			if !assert.NotNil(t, e, "%s: Object ID %s (%s) is not in GEMMA", row.Key, ref.ObjectID, ref.Name) {
				continue
			}
			assert.Equal(t, ref.Name, e.Name, row.Key)
			assert.Contains(t, []string{gemma.Component, gemma.External}, e.Kind, row.Key)
		}
	}
	for _, s := range blueprint.BuiltinVocabulary().Systems {
		assert.NotEmpty(t, ElementsOf(s), "built-in system %s maps to no GEMMA element", s.ID)
	}
}

// The coverage against the full model is the same as against the embedded
// extract, except for the model it names.
func TestFullModelGivesTheSameCoverage(t *testing.T) {
	m := fullModel(t)
	res := derive(t, requirements.Builtin(), blueprint.Dutch)
	var a, b bytes.Buffer
	require.NoError(t, WriteText(&a, Compute(res, exampleModel(t).Vocabulary, gemma.Default())))
	require.NoError(t, WriteText(&b, Compute(res, exampleModel(t).Vocabulary, m)))
	strip := func(s string) string { return s[strings.Index(s, "\n\n"):] }
	assert.Equal(t, strip(a.String()), strip(b.String()))
}

// Every application service a requirement names is provided by a component
// (or buitengemeentelijke voorziening) the same requirement names: GEMMA
// says which components realize a service, and a requirement that pairs a
// service with a component that does not provide it tells an architect the
// wrong thing. The check runs on the embedded extract and, when it is
// there, on the full model.
func TestCatalogueServicesHaveTheirProvider(t *testing.T) {
	models := map[string]*gemma.Model{"extract": gemma.Default()}
	if m := fullModelOrNil(); m != nil {
		models["full model"] = m
	}
	for name, m := range models {
		for _, r := range requirements.Builtin().Requirements {
			named := map[string]bool{}
			for _, id := range r.Gemma {
				named[id] = true
			}
			for _, id := range r.Gemma {
				s := m.Element(id)
				if !assert.NotNil(t, s, "%s: %s names %s, which the %s lacks", name, r.ID, id, name) || s.Kind != gemma.Service {
					continue
				}
				var providers []string
				ok := false
				for _, c := range m.Realizers(s) {
					providers = append(providers, c.Name)
					ok = ok || named[c.ObjectID]
				}
				assert.True(t, ok, "%s: %s names the service %q but none of its providers %v", name, r.ID, s.Name, providers)
			}
		}
	}
}
