package blueprint

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseNorm(t *testing.T) {
	for _, c := range []struct {
		text     string
		higher   bool
		op       NormOp
		value    float64
		explicit bool
		ok       bool
	}{
		{"minstens 80%", true, AtLeast, 80, true, true},
		{"Minder dan 10%", true, LessThan, 10, true, true},
		{"niet meer dan 3 dagen", true, AtMost, 3, true, true},
		{"meer dan 50%", false, MoreThan, 50, true, true},
		{"maximaal 5 werkdagen", true, AtMost, 5, true, true},
		{"minstens 7,5", true, AtLeast, 7.5, true, true},
		{"≤ 60 seconden", true, AtMost, 60, true, true},
		{"90%", true, AtLeast, 90, false, true},
		{"10%", false, AtMost, 10, false, true},
		{"80% binnen 60 seconden", true, AtLeast, 80, false, true},
		{"100% (wettelijke termijn)", true, AtLeast, 100, false, true},
		{"binnen 5 werkdagen", true, AtMost, 5, true, true},
		{"voldoende", true, 0, 0, false, false},
		{"", true, 0, 0, false, false},
	} {
		n, ok := ParseNorm(c.text, c.higher)
		require.Equal(t, c.ok, ok, c.text)
		if !ok {
			continue
		}
		assert.Equal(t, Norm{Op: c.op, Value: c.value, Explicit: c.explicit}, n, c.text)
	}
}

func TestNormMeets(t *testing.T) {
	assert.True(t, Norm{Op: AtLeast, Value: 80}.Meets(80))
	assert.False(t, Norm{Op: MoreThan, Value: 80}.Meets(80))
	assert.True(t, Norm{Op: AtMost, Value: 5}.Meets(5))
	assert.False(t, Norm{Op: LessThan, Value: 10}.Meets(10))
	assert.True(t, Norm{Op: LessThan, Value: 10}.Meets(9.9))
}

func TestDates(t *testing.T) {
	d, err := ParseDate("2025-03-31")
	require.Nil(t, err)
	assert.Equal(t, Date{2025, 3, 31}, d)
	assert.Equal(t, "31-03-2025", d.Label(Dutch))
	assert.Equal(t, "2025-03-31", d.Label(English))
	m, err := ParseDate("2025-03")
	require.Nil(t, err)
	assert.Equal(t, "maart 2025", m.Label(Dutch))
	assert.Equal(t, "March 2025", m.Label(English))
	assert.Equal(t, -1, m.Compare(d), "a month sorts before its days")
	_, err = ParseDate("2025-13-01")
	assert.NotNil(t, err)
}

func TestFormatValue(t *testing.T) {
	assert.Equal(t, "14%", FormatValue(14, "%", Dutch))
	assert.Equal(t, "6,8 rapportcijfer", FormatValue(6.8, "rapportcijfer (1-10)", Dutch))
	assert.Equal(t, "6.8 mark", FormatValue(6.8, "mark (1-10)", English))
	assert.Equal(t, "35 seconden", FormatValue(35, "seconden", Dutch))
	assert.Equal(t, "3,33", FormatValue(10.0/3, "", Dutch))
}

// A measured metric from the catalogue: the last value is the latest
// date, whatever the order written; the norm's direction comes from the
// words, else from the catalogue metric.
func TestMetricMeasurements(t *testing.T) {
	src := `id = "r"
titel = "R"
domein = "openbare-ruimte"
vraagsoort = "melding"
[persona]
id = "p"
naam = "P"
rol = "inwoner"
[[fase]]
id = "f"
naam = "F"
  [[fase.meetpunt]]
  catalogus = "herhaalcontact"
  termijn = "30 dagen"
  norm = "12%"
  meting = [
    { datum = 2025-06-30, waarde = 11 },
    { datum = 2025-03-31, waarde = 14 },
  ]
  [[fase.meetpunt]]
  id = "fcr"
  catalogus = "eerste-contact-oplossing"
  eenheid = "procent"
  norm = "minstens 80%"
  meting = [{ datum = "2025-05", waarde = 71 }, { datum = "2025-06", waarde = 69 }]
[[stap]]
id = "s"
fase = "f"
titel = "S"
klantactie = "Belt"
emotie = -1
knelpunten = ["Wacht"]
[[stap.frontoffice]]
actor = "kcc-medewerker"
actie = "Neemt op"
`
	m, diags := Load("r.toml", []byte(src), Options{})
	require.False(t, diags.HasErrors(), diags.Error())
	j := m.Journeys[0]
	rc, fcr := j.Phases[0].Metrics[0], j.Phases[0].Metrics[1]
	require.NotNil(t, rc.Standard)
	assert.Equal(t, "Herhaalcontact", rc.Label(Dutch))
	assert.Equal(t, "Repeat contact", rc.Label(English))
	assert.Contains(t, rc.DefinitionIn(Dutch), "binnen 30 dagen opnieuw contact")
	assert.Contains(t, rc.DefinitionIn(English), "within 30 days")
	assert.Equal(t, "%", rc.UnitIn(Dutch))
	assert.Equal(t, 11.0, rc.Last().Value)
	assert.Equal(t, MeetsNorm, rc.Judge(rc.Last()), "12% of a lower-is-better metric is at most 12%")
	assert.Equal(t, 1, rc.Trend(), "14 → 11 is better")
	assert.Equal(t, "herhaalcontact", rc.Key())
	assert.Equal(t, "procent", fcr.UnitIn(Dutch), "the journey's own unit wins")
	assert.Equal(t, MissesNorm, fcr.Judge(fcr.Last()))
	assert.Equal(t, -1, fcr.Trend())
	assert.Same(t, fcr, j.Metric("fcr"))
	assert.Nil(t, j.Metric("eerste-contact-oplossing"), "a metric with an id is known by it")
}

func TestAppearances(t *testing.T) {
	m, diags, err := LoadDir("../examples", Options{})
	require.NoError(t, err)
	require.False(t, diags.HasErrors(), diags.Error())
	sanne := m.Persona("sanne")
	require.NotNil(t, sanne)
	apps := m.Appearances(sanne)
	require.NotEmpty(t, apps)
	journeys := map[string]bool{}
	for _, a := range apps {
		journeys[a.Journey.ID] = true
		assert.Contains(t, []string{"frontoffice", "backoffice", "overdracht"}, a.Lane)
		assert.True(t, a.Pos.IsValid())
	}
	assert.Len(t, journeys, 4, "the KCC employee acts in all four journeys")
	johan := m.Persona("johan")
	for _, a := range m.Appearances(johan) {
		assert.Equal(t, "johan-gat-in-de-weg", a.Journey.ID)
		assert.Equal(t, "klantactie", a.Lane)
	}
}
