package plan

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/golden"
)

func examples(t testing.TB) *blueprint.Model {
	t.Helper()
	m, diags, err := blueprint.LoadDir("../../examples", blueprint.Options{})
	require.NoError(t, err)
	require.False(t, diags.HasErrors(), diags.Error())
	return m
}

// The verbeterplan and the visie coverage of the four examples, in every
// format and both languages.
func TestExamplesGolden(t *testing.T) {
	m := examples(t)
	for _, lang := range []blueprint.Lang{blueprint.Dutch, blueprint.English} {
		p := Derive(m, Options{Lang: lang})
		c := Vision(m, p)
		for _, out := range []struct {
			name  string
			write func(*bytes.Buffer) error
		}{
			{"verbeterplan.md", func(b *bytes.Buffer) error { return WriteMarkdown(b, p) }},
			{"visie.md", func(b *bytes.Buffer) error { return WriteVisionMarkdown(b, c) }},
			{"verbeterplan.json", func(b *bytes.Buffer) error { return WriteJSON(b, p) }},
			{"visie.json", func(b *bytes.Buffer) error { return WriteVisionJSON(b, c) }},
		} {
			if lang == blueprint.English && filepath.Ext(out.name) == ".json" {
				continue
			}
			var b bytes.Buffer
			require.NoError(t, out.write(&b))
			golden.Assert(t, filepath.Join("testdata", "examples."+string(lang)+"."+out.name), b.Bytes())
		}
	}
}

const project = `organisatie = "Gemeente Testdorp"

[[visie]]
id = "snel"
thema = "Snel geholpen"
tekst = "Wie belt, is snel geholpen."

[[visie]]
id = "een-loket"
tekst = "Eén loket."

[[persona]]
id = "sanne"
naam = "Sanne"
rol = "kcc-medewerker"
knelpunten = ["Ziet de wachtrij niet", "Zoekt in vijf systemen"]
`

const journey = `id = "bellen"
titel = "Inwoner belt"
domein = "burgerzaken"
vraagsoort = "informatievraag"
visie = "snel"

[persona]
id = "piet"
naam = "Piet"
rol = "inwoner"

[[fase]]
id = "f"
naam = "Contact"
  [[fase.meetpunt]]
  catalogus = "wachttijd-telefonie"
  norm = "maximaal 60 seconden"
  meting = [{ datum = 2025-06-30, waarde = 90 }, { datum = 2025-03-31, waarde = 120 }]

[[stap]]
id = "belt"
fase = "f"
titel = "Belt"
kanaal = "telefoon"
klantactie = "Belt het KCC"
emotie = -2
wachttijd = "5 minuten"
knelpunten = ["Lang in de wacht", "Keuzemenu onduidelijk"]
[[stap.frontoffice]]
actor = "kcc-medewerker"
actie = "Neemt op"

[[stap]]
id = "nagebeld"
fase = "f"
titel = "Wordt nagebeld"
kanaal = "telefoon"
klantactie = "Neemt op"
emotie = 1
wachttijd = { duur = "4 weken", termijn = "2 weken" }
knelpunten = ["Geen vaste werkwijze"]
[[stap.backoffice]]
actor = "vakafdeling"
actie = "Belt na"

[[stap]]
id = "wacht"
fase = "f"
titel = "Wacht op de brief"
kanaal = "post"
klantactie = "Wacht"
emotie = 0
wachttijd = "2 weken"
knelpunten = ["Hoort niets"]
[[stap.backoffice]]
actor = "vakafdeling"
actie = "Schrijft de brief"

[[verbeteractie]]
id = "terugbellen"
wat = "Terugbelverzoek in plaats van wachten"
knelpunten = ["belt/1"]
persona_knelpunten = ["sanne/1"]
status = "gereed"
eigenaar = "Teamleider KCC"
effect = [{ stap = "belt", emotie = 0 }, { meetpunt = "wachttijd-telefonie", waarde = 45 }]

[[verbeteractie]]
id = "nieuw-keuzemenu"
wat = "Een nieuw keuzemenu"
knelpunten = ["belt/2"]
status = "afgewezen"
reden = "Het keuzemenu wordt volgend jaar toch vervangen"

[[verbeteractie]]
id = "brief-sneller"
wat = "De brief binnen een week"
stappen = ["wacht"]
`

func load(t testing.TB) *blueprint.Model {
	t.Helper()
	m, diags := blueprint.LoadFiles([]blueprint.File{{Name: "blueprint.toml", Src: []byte(project)}, {Name: "bellen.toml", Src: []byte(journey)}}, blueprint.Options{})
	require.False(t, diags.HasErrors(), diags.Error())
	return m
}

func refs(ks []*Knelpunt) []string {
	var out []string
	for _, k := range ks {
		out = append(out, k.Ref)
	}
	return out
}

func TestKnelpuntenAndAnswers(t *testing.T) {
	m := load(t)
	p := Derive(m, Options{})
	j := p.Journeys[0]
	// The queue of five minutes on the phone and the emotion make the
	// step a knelpunt; four weeks before a call the customer is glad of
	// is one only because its deadline was two; two weeks before a letter
	// is one.
	assert.Equal(t, []string{"belt", "belt/1", "belt/2", "nagebeld", "nagebeld/1", "wacht", "wacht/1"}, refs(j.Knelpunten))
	assert.Equal(t, []Signal{{SignalWait, "wacht 5 minuten"}, {SignalEmotion, "emotie −2"}}, j.Knelpunten[0].Signals)
	assert.Equal(t, []Signal{{SignalWait, "wacht 4 weken, termijn 2 weken"}}, j.Knelpunten[3].Signals)
	byRef := map[string]*Knelpunt{}
	for _, k := range j.Knelpunten {
		byRef[k.Ref] = k
	}
	// A done action solves what it names, and its effect on the step
	// answers the step's signals.
	assert.True(t, byRef["belt/1"].Solved)
	assert.True(t, byRef["belt"].Answered)
	// A rejected action stays visible but answers nothing.
	assert.False(t, byRef["belt/2"].Answered)
	assert.Equal(t, []ActionRef{{Journey: "bellen", ID: "nieuw-keuzemenu", Status: "afgewezen"}}, byRef["belt/2"].Actions)
	// Naming a step answers its signals, not its pain points.
	assert.True(t, byRef["wacht"].Answered)
	assert.False(t, byRef["wacht/1"].Answered)
	// The employee's knelpunt is answered from the journey.
	require.Len(t, p.Employees, 1)
	assert.True(t, p.Employees[0].Knelpunten[0].Solved)
	assert.False(t, p.Employees[0].Knelpunten[1].Answered)
	assert.Equal(t, []string{"belt"}, []string{p.Employees[0].Appearances[0].Step}, "Sanne acts where the KCC employee acts")
	assert.Equal(t, []string{"sanne"}, j.Employees)
	// Unanswered: the journey's first, then the employee's.
	assert.Equal(t, []string{"belt/2", "nagebeld", "nagebeld/1", "wacht/1", "sanne/2"}, refs(p.Unanswered))
	// Owners: the action without an owner first; the rejected one is not held.
	require.Len(t, p.Owners, 2)
	assert.Equal(t, "", p.Owners[0].Name)
	assert.Equal(t, "brief-sneller", p.Owners[0].Actions[0].ID)
	assert.Equal(t, "Teamleider KCC", p.Owners[1].Name)
	require.Len(t, p.Rejected, 1)
	assert.Equal(t, "Het keuzemenu wordt volgend jaar toch vervangen", p.Rejected[0].Reason)
	// The catalogue metric: last value by date, against its norm.
	require.Len(t, p.Measured, 1)
	mt := p.Measured[0]
	assert.Equal(t, "Wachttijd telefonie", mt.Name)
	assert.Equal(t, "90 seconden", mt.Last.Text)
	assert.Equal(t, VerdictMisses, mt.Verdict)
	assert.Equal(t, 1, mt.Trend)
	assert.Equal(t, []ActionRef{{Journey: "bellen", ID: "terugbellen", Status: "gereed"}}, mt.Actions)
	eff := p.Action(ActionRef{Journey: "bellen", ID: "terugbellen"}).Effects
	require.Len(t, eff, 2)
	assert.Equal(t, -2, *eff[0].EmotionNow)
	assert.Equal(t, 90.0, *eff[1].ValueNow)
	assert.Equal(t, 45.0, *eff[1].ValueExpected)
}

func TestThresholds(t *testing.T) {
	m := load(t)
	p := Derive(m, Options{LongQueue: 10 * time.Minute, LongWait: 30 * 24 * time.Hour})
	for _, k := range p.Journeys[0].Knelpunten {
		for _, s := range k.Signals {
			if k.Ref != "nagebeld" {
				assert.NotEqual(t, SignalWait, s.Kind, "%s: no wait is long with these thresholds", k.Ref)
			}
		}
	}
}

func TestVision(t *testing.T) {
	m := load(t)
	c := Vision(m, Derive(m, Options{}))
	require.Len(t, c.Statements, 2)
	assert.Equal(t, "een-loket", c.Statements[0].ID, "untested first")
	assert.False(t, c.Statements[0].Tested())
	assert.Equal(t, 1, c.Untested)
	s := c.Statements[1]
	assert.Equal(t, "snel", s.ID)
	require.Len(t, s.Journeys, 1)
	assert.Equal(t, -2, *s.LowestEmotion)
	assert.InDelta(t, -0.33, *s.AverageEmotion, 0.005)
	assert.Equal(t, []string{"belt/2", "nagebeld", "nagebeld/1", "wacht/1"}, refs(s.Unanswered), "the journey's, not the employees'")
	assert.Len(t, s.Actions, 3)
	assert.Empty(t, c.Untargeted)
}
