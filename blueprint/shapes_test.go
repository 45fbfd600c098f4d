package blueprint

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// phaseF is the one phase of the test journeys.
const phaseF = `[[fase]]
id = "f"
naam = "Fase"
[[fase.meetpunt]]
naam = "m"
definitie = "d"
`

// richJourney uses every key of the format extensions, in the shapes an
// adviser writes them.
const richJourney = `id = "rijk"
titel = "Een reis met alles"
gemeente = "Haarlem"
periode = "voorjaar 2025"
persona = "p"
domein = "ondernemen"
nevendomeinen = ["belastingen"]
vraagsoort = "aanvraag"
nevenvraagsoorten = ["klacht"]

` + phaseF + `
[[stap]]
id = "a"
fase = "f"
titel = "Vraagt aan"
kanaal = "website"
klantactie = "Vult het formulier in"
zelfservice = true
emotie = 0
dag = 0
knelpunten = ["Lang formulier"]
volgende = [{ stap = "b", als = "alcohol: ja" }, { stap = "c", als = "alcohol: nee" }]

[[stap]]
id = "b"
fase = "f"
titel = "Vult het alcoholdeel in"
kanaal = "website"
klantactie = "Vult meer in"
zelfservice = true
emotie = -1
hartslag = false
dag = 1

[[stap]]
id = "c"
fase = "f"
titel = "Brief met kopie"
kanaal = ["post", "mijn-omgeving"]
domein = "belastingen"
klantactie = "Leest de brief"
faalpunt = "De brief noemt geen termijn"
herhaalcontact = true
na = "3 weken"
wachttijd = [
  { duur = "14 dagen", ronde = 1, op = "de brief" },
  { duur = "2-4 weken", ronde = 2, vanaf = "a", termijn = "2 weken" },
]
volgende = [{ stap = "b", als = "nog een keer" }, "d"]
  [[stap.backoffice]]
  actor = "vakafdeling"
  actie = "Stuurt de brief"

[[stap]]
id = "d"
fase = "f"
titel = "Besluit"
kanaal = "mijn-uwv"
klantactie = "Leest het besluit"
dag = 98
volgende = []
  [[stap.backoffice]]
  actor = "vakafdeling"
  actie = "Besluit"

[[doorlooptijd]]
naam = "Van aanvraag tot besluit"
van = "a"
tot = "d"
termijn = "8 weken"
verlenging = "8 weken"
grondslag = "Awb art. 4:13"
`

const richProject = `gemeenten = ["Haarlem", "Tilburg"]

[[persona]]
id = "p"
naam = "Piet"
rol = "ondernemer"

[[actor]]
id = "uwv"
naam = "UWV"
soort = "partner"

[[kanaal]]
id = "mijn-uwv"
naam = "Mijn UWV"
soort = "online"
partner = "uwv"
`

func loadRich(t *testing.T, journey string) (*Model, Diagnostics) {
	t.Helper()
	return LoadFiles([]File{{Name: "blueprint.toml", Src: []byte(richProject)}, {Name: "rijk.toml", Src: []byte(journey)}}, Options{})
}

// TestFormatExtensionsDecode reads every new key back from a journey
// that validates without a message.
func TestFormatExtensionsDecode(t *testing.T) {
	m, diags := loadRich(t, richJourney)
	require.Empty(t, diags, "%v", diags)
	j := m.Journeys[0]
	assert.Equal(t, "Haarlem", j.Municipality)
	assert.Equal(t, "voorjaar 2025", j.Period)
	assert.Equal(t, []string{"belastingen"}, j.SecondaryDomains)
	assert.Equal(t, []string{"klacht"}, j.SecondaryQuestionTypes)

	a, b, c, d := j.Steps[0], j.Steps[1], j.Steps[2], j.Steps[3]
	assert.True(t, a.SelfService)
	assert.Equal(t, []string{"b", "c"}, a.Next)
	require.Len(t, a.NextSteps, 2)
	assert.Equal(t, "alcohol: nee", a.NextSteps[1].Condition)
	assert.Equal(t, Pos{File: "rijk.toml", Line: 28, Col: 13}, a.NextSteps[0].Pos)

	assert.False(t, b.InHeartbeat())
	assert.True(t, a.InHeartbeat())

	assert.Equal(t, "post", c.Channel)
	assert.Equal(t, []string{"mijn-omgeving"}, c.ExtraChannels)
	assert.Equal(t, []string{"post", "mijn-omgeving"}, c.Channels())
	assert.Equal(t, "belastingen", j.StepDomain(c))
	assert.Equal(t, "ondernemen", j.StepDomain(a))
	assert.True(t, c.FailPoint)
	assert.Equal(t, "De brief noemt geen termijn", c.FailPointReason)
	assert.True(t, c.RepeatContact)
	assert.Empty(t, c.RepeatContactReason)
	require.Len(t, c.Waits, 2)
	assert.Equal(t, "14 dagen", c.Wait.String(), "Wait is the first of Waits")
	assert.Equal(t, "de brief", c.Waits[0].For)
	assert.Equal(t, 2, c.Waits[1].Round)
	assert.Equal(t, "a", c.Waits[1].From)
	assert.Equal(t, "2–4 weken", c.Waits[1].Duration.String())
	assert.True(t, c.Waits[1].Over(), "4 weeks is over a deadline of 2")
	assert.False(t, c.Waits[0].Over())
	assert.True(t, j.InLoop(c))
	assert.False(t, j.InLoop(a))

	flows := j.Flows()
	conds := map[string]string{}
	for _, f := range flows {
		conds[f.From.ID+">"+f.To.ID] = f.Condition
	}
	assert.Equal(t, map[string]string{"a>b": "alcohol: ja", "a>c": "alcohol: nee", "b>c": "", "c>b": "nog een keer", "c>d": ""}, conds)

	ch := m.Vocabulary.Channel(d.Channel)
	require.NotNil(t, ch)
	assert.Equal(t, "uwv", ch.Partner)

	require.Len(t, j.Spans, 1)
	sp := j.Spans[0]
	l, ok := sp.Length(j)
	require.True(t, ok, "the span's length comes from dag 0 and dag 98")
	assert.Equal(t, "98 dagen", l.String())
	assert.False(t, sp.Over(j), "98 days is within 8 + 8 weeks")
	sp.Extension = nil
	assert.True(t, sp.Over(j), "98 days is over 8 weeks")
	at, ok := c.Moment()
	assert.True(t, ok)
	assert.Equal(t, 21*24.0, at.Hours())
}

// TestFormatExtensionsBackwardCompatible: the simple shapes mean what
// they meant before.
func TestFormatExtensionsBackwardCompatible(t *testing.T) {
	src := `id = "oud"
titel = "Oud"
persona = "p"
domein = "burgerzaken"
vraagsoort = "melding"
` + phaseF + `[[stap]]
id = "a"
fase = "f"
titel = "A"
kanaal = "telefoon"
klantactie = "Belt"
emotie = -1
faalpunt = true
herhaalcontact = false
wachttijd = "2 weken"
knelpunten = ["k"]
volgende = ["a2"]
  [[stap.frontoffice]]
  actor = "kcc-medewerker"
  actie = "Neemt op"
[[stap]]
id = "a2"
fase = "f"
titel = "A2"
volgende = []
  [[stap.backoffice]]
  actor = "vakafdeling"
  actie = "Doet"
`
	m, diags := loadRich(t, src)
	require.Empty(t, diags, "%v", diags)
	s := m.Journeys[0].Steps[0]
	assert.Equal(t, "telefoon", s.Channel)
	assert.Empty(t, s.ExtraChannels)
	assert.True(t, s.FailPoint)
	assert.Empty(t, s.FailPointReason)
	assert.False(t, s.RepeatContact)
	assert.Equal(t, "2 weken", s.Wait.String())
	require.Len(t, s.Waits, 1)
	assert.Equal(t, s.Wait, s.Waits[0].Duration)
	assert.Equal(t, []string{"a2"}, s.Next)
	assert.Equal(t, "a2", s.NextSteps[0].Step)
}
