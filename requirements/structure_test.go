package requirements

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
)

// ownProject is a blueprint.toml of a gemeente that names its own
// departments, partners and systems, as a new user writes it.
const ownProject = `organisatie = "Gemeente Test"

[[actor]]
id = "team-vergunningen"
naam = "Vakafdeling Vergunningen"
soort = "medewerker"
rol = "vakafdeling"

[[actor]]
id = "team-verkeer"
naam = "Team Verkeer"
soort = "medewerker"
rol = "vakafdeling"

[[actor]]
id = "team-handhaving"
naam = "Team Handhaving"
soort = "medewerker"
rol = "toezicht"

[[actor]]
id = "team-zonder-rol"
naam = "Team Zonder Rol"
soort = "medewerker"

[[actor]]
id = "uwv"
naam = "UWV"
soort = "partner"

[[actor]]
id = "curator"
naam = "Curator"
soort = "partner"

[[systeem]]
id = "uitkeringssysteem"
naam = "Uitkeringssysteem Werk & Inkomen"
soort = "sociaal-domein"

[[systeem]]
id = "kassa"
naam = "Kassa"
soort = "overig"

[[kanaal]]
id = "telefoon-uwv"
naam = "Telefoon UWV"
soort = "telefonisch"
partner = "uwv"
`

// handoff writes a hand-off table.
func handoff(from, to string) string {
	return "\n  [[stap.overdracht]]\n  van = \"" + from + "\"\n  naar = \"" + to + "\"\n"
}

// rulesAt returns the ids of the rules whose traces point at pos, over
// every row.
func rulesAt(res *Result, pos string) []string {
	var out []string
	for _, row := range res.Rows {
		for _, t := range row.Traces {
			if t.Rule != nil && t.Pos.String() == pos && !contains(out, t.Rule.ID) {
				out = append(out, t.Rule.ID)
			}
		}
	}
	return out
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func TestDeriveHandoffsMatchRoles(t *testing.T) {
	m := model(t, ownProject, [3]string{"rollen", "aanvraag",
		step("naar-afdeling", handoff("kcc-medewerker", "team-vergunningen")) +
			step("terug", handoff("team-handhaving", "kcc-medewerker")) +
			step("tussen-afdelingen", handoff("team-vergunningen", "team-handhaving")) +
			step("zelfde-rol-intern", handoff("team-vergunningen", "team-verkeer")) +
			step("zelfde-rol-contact", `kanaal = "telefoon"`+handoff("team-vergunningen", "team-verkeer")) +
			step("twee-partners", handoff("team-vergunningen", "uwv")+handoff("team-vergunningen", "curator")) +
			step("van-partner", handoff("uwv", "team-vergunningen")) +
			step("partners-onderling", handoff("uwv", "curator")) +
			step("zonder-rol", handoff("kcc-medewerker", "team-zonder-rol"))})
	res, _ := derive(t, m, Options{})
	h := func(n int) string { return at(t, "rollen.toml", "[[stap.overdracht]]", "", n) }

	assert.Equal(t, []string{"overdracht-kcc-vakafdeling"}, rulesAt(res, h(1)), "KCC to an own department (rol vakafdeling)")
	assert.Contains(t, reasons(rowOf(res, "KCC-KG-010")), "overdracht-kcc-vakafdeling: overdracht van KCC-medewerker naar Vakafdeling Vergunningen @ "+h(1))
	assert.Equal(t, []string{"overdracht-vakafdeling-kcc"}, rulesAt(res, h(2)), "toezicht back to the KCC")
	assert.Equal(t, []string{"overdracht-backoffice"}, rulesAt(res, h(3)), "vakafdeling to toezicht: different roles")
	assert.Empty(t, rulesAt(res, h(4)), "two departments, no customer contact: nothing for the KCC")
	assert.Equal(t, []string{"overdracht-klantcontact-intern"}, rulesAt(res, h(5)), "two departments pass on a customer contact")
	assert.Equal(t, []string{"overdracht-ketenpartner"}, rulesAt(res, h(6)), "a partner without rol is a ketenpartner")
	assert.Equal(t, []string{"overdracht-ketenpartner"}, rulesAt(res, h(7)), "the second hand-off of a step fires the rule too")
	assert.Contains(t, reasons(rowOf(res, "KCC-WF-009")), "overdracht-ketenpartner: overdracht van Vakafdeling Vergunningen naar Curator @ "+h(7))
	assert.Equal(t, []string{"overdracht-van-ketenpartner"}, rulesAt(res, h(8)))
	assert.Empty(t, rulesAt(res, h(9)), "between two partners: not the gemeente's hand-off")
	assert.Empty(t, rulesAt(res, h(10)), "an employee without rol: no rule knows what it does (validate warns)")
}

func TestDeriveOwnSystemTakesItsKind(t *testing.T) {
	m := model(t, ownProject, [3]string{"systemen", "aanvraag", step("s", `
  [[stap.ondersteuning]]
  systeem = "uitkeringssysteem"
  actie = "Berekent de uitkering"

  [[stap.ondersteuning]]
  systeem = "kassa"
  actie = "Rekent af"`)})
	res, _ := derive(t, m, Options{})
	row := rowOf(res, "KCC-IN-007")
	require.NotNil(t, row, "an uitkeringssysteem of soort sociaal-domein needs the coupling with the social domain system")
	assert.Contains(t, reasons(row), "systeem-sociaal-domein: ondersteuning door Uitkeringssysteem Werk & Inkomen @ "+at(t, "systemen.toml", `systeem = "uitkeringssysteem"`, "systeem = ", 1))
	assert.Empty(t, rulesAt(res, at(t, "systemen.toml", `systeem = "kassa"`, "systeem = ", 1)), "soort overig leads to nothing")
}

func TestDeriveComplaintHandling(t *testing.T) {
	m := model(t, "", [3]string{"klacht", "klacht", step("belt", `kanaal = "telefoon"`)})
	res, _ := derive(t, m, Options{})
	for _, id := range []string{"KCC-KZ-008", "KCC-KZ-009", "KCC-KZ-010", "KCC-KZ-011", "KCC-KZ-012"} {
		row := rowOf(res, id)
		if assert.NotNil(t, row, "a complaint needs complaint handling: %s", id) {
			assert.Contains(t, reasons(row), "klacht: vraagsoort Klacht @ "+at(t, "klacht.toml", "[[stap]]", "", 1))
		}
	}
	assert.Contains(t, rowOf(res, "KCC-KZ-010").Requirement.TextNL, "zes weken", "the Awb deadline")
	assert.Contains(t, rowOf(res, "KCC-KZ-010").Requirement.TextNL, "vier weken", "the Awb extension")
	// a melding is no complaint
	m = model(t, "", [3]string{"melding", "melding", step("belt", `kanaal = "telefoon"`)})
	res, _ = derive(t, m, Options{})
	assert.Nil(t, rowOf(res, "KCC-KZ-008"))
}

func TestDeriveAppointmentIsNoCallback(t *testing.T) {
	m := model(t, "", [3]string{"balie", "aanvraag", step("balie", `kanaal = "balie"

  [[stap.frontoffice]]
  actor = "kcc-medewerker"
  actie = "Neemt de aanvraag aan"

  [[stap.ondersteuning]]
  systeem = "afsprakensysteem"
  actie = "Afspraak voor de balie"`)})
	res, _ := derive(t, m, Options{})
	row := rowOf(res, "KCC-KG-013")
	require.NotNil(t, row, "a balie appointment needs appointment booking")
	assert.Contains(t, reasons(row), "systeem-afspraken: ondersteuning door Afsprakensysteem @ "+at(t, "balie.toml", `systeem = "afsprakensysteem"`, "systeem = ", 1))
	assert.Contains(t, reasons(row), "balie-afspraak: KCC-medewerker via Balie @ "+at(t, "balie.toml", "[[stap]]", "", 1))
	assert.Nil(t, rowOf(res, "KCC-KG-011"), "not a callback appointment")
}

// A public meeting is a physical channel too, but nobody books it: the KCC
// present at an informatieavond draws no appointment booking.
func TestDeriveMeetingIsNoAppointment(t *testing.T) {
	project := "[[kanaal]]\nid = \"bijeenkomst\"\nnaam = \"Bijeenkomst\"\nsoort = \"fysiek\"\n"
	m := model(t, project, [3]string{"avond", "informatievraag", step("avond", `kanaal = "bijeenkomst"

  [[stap.frontoffice]]
  actor = "kcc-medewerker"
  actie = "Beantwoordt vragen op de informatieavond"`)})
	res, _ := derive(t, m, Options{})
	assert.Nil(t, rowOf(res, "KCC-KG-013"))
}

func TestDerivePartnerChannelIsNoContactWithTheGemeente(t *testing.T) {
	m := model(t, ownProject, [3]string{"uwv", "aanvraag", step("belt-uwv", `kanaal = "telefoon-uwv"`)})
	res, _ := derive(t, m, Options{})
	assert.Nil(t, rowOf(res, "KCC-KS-009"), "a call to the UWV needs no telephony of the gemeente")

	m = model(t, ownProject, [3]string{"wissel", "aanvraag", step("mailt", `kanaal = "e-mail"`) +
		step("belt-uwv", `kanaal = "telefoon-uwv"`) + step("mailt-weer", `kanaal = "e-mail"`) + step("belt", `kanaal = "telefoon"`)})
	res, _ = derive(t, m, Options{})
	require.NotNil(t, rowOf(res, "KCC-KS-005"))
	assert.Equal(t, []string{"kanaalwissel: de klant stapt over naar Telefoon @ " + at(t, "wissel.toml", `kanaal = "telefoon"`, "kanaal = ", 1)},
		reasons(rowOf(res, "KCC-KS-005")), "a call to the UWV between two e-mails is no switch of the gemeente's channels")
}

func TestDeriveFailPointAndRepeatContactRaisePriority(t *testing.T) {
	plain := model(t, "", [3]string{"app", "informatievraag", step("s", `kanaal = "whatsapp"`)})
	res, _ := derive(t, plain, Options{})
	require.NotNil(t, rowOf(res, "KCC-KS-003"))
	assert.Equal(t, blueprint.MoSCoWCould, rowOf(res, "KCC-KS-003").MoSCoW, "one journey uses WhatsApp, without pain")

	failing := model(t, "", [3]string{"app", "informatievraag", step("s", `kanaal = "whatsapp"
faalpunt = "Het bericht komt nooit aan bij een medewerker"
herhaalcontact = true`)})
	res, _ = derive(t, failing, Options{})
	row := rowOf(res, "KCC-KS-003")
	require.NotNil(t, row)
	assert.Equal(t, blueprint.MoSCoWShould, row.MoSCoW, "the WhatsApp step is a fail point and a repeat contact")
	assert.True(t, strings.Contains(row.Priority.Reason, "met knelpunten of behoeften in 1"), row.Priority.Reason)
}

func TestTextRuleReadsThePersonasRole(t *testing.T) {
	cat, diags := LoadCatalogue("eigen.toml", []byte(`uitbreiden = true

[[regel]]
id = "handhaving-bodycam"
naam = "Bodycam"
niveau = "tekst"
eisen = ["KCC-KZ-003"]
reden = "{persona}: {tekst}"
  [regel.als]
  rol = ["toezicht"]
  behoefte_bevat = ["bodycam"]
`), blueprint.Dutch)
	require.False(t, diags.HasErrors(), diags.Error())
	project := ownProject + `
[[persona]]
id = "bram"
naam = "Bram"
rol = "team-handhaving"
behoeften = ["Beelden van de bodycam bij de melding"]
`
	m := model(t, project, [3]string{"r", "melding", step("s", `kanaal = "telefoon"`)})
	res, diags := Derive(m, cat, Options{})
	for _, d := range diags {
		assert.NotEqual(t, "rule-reference", d.Code, "the role toezicht is known: %s", d)
	}
	row := rowOf(res, "KCC-KZ-003")
	require.NotNil(t, row, "the persona's actor has the role toezicht")
	assert.Contains(t, reasons(row), "handhaving-bodycam: Bram: Beelden van de bodycam bij de melding @ "+at(t, "blueprint.toml", `"Beelden van`, "", 1))
}
