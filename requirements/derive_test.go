package requirements

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
)

// journeyHead is the start of a synthetic journey; the tests add steps.
const journeyHead = `id = "%s"
titel = "Reis %s"
domein = "burgerzaken"
vraagsoort = "%s"

[persona]
id = "p-%s"
naam = "Pim"
rol = "inwoner"

[[fase]]
id = "contact"
naam = "Contact"
`

// sources holds the texts model loaded last, for at.
var sources = map[string]string{}

// at returns file:line:col of the n-th (from 1) occurrence of needle in a
// file model loaded, pointing after prefix: at("a.toml", "emotie = -1",
// "emotie = ", 1) is the position of the value.
func at(t *testing.T, file, needle, prefix string, n int) string {
	t.Helper()
	src := sources[file]
	off := -1
	for i := 0; i < n; i++ {
		j := strings.Index(src[off+1:], needle)
		if j < 0 {
			t.Fatalf("%q occurs fewer than %d times in %s", needle, n, file)
		}
		off += 1 + j
	}
	off += len(prefix)
	line := strings.Count(src[:off], "\n") + 1
	col := len([]rune(src[strings.LastIndex(src[:off], "\n")+1:off])) + 1
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}

// model loads journeys given as (id, question type, steps) from memory,
// with an optional blueprint.toml, and fails the test on any error.
func model(t *testing.T, project string, journeys ...[3]string) *blueprint.Model {
	t.Helper()
	sources = map[string]string{"blueprint.toml": project}
	var files []blueprint.File
	if project != "" {
		files = append(files, blueprint.File{Name: "blueprint.toml", Src: []byte(project)})
	}
	for _, j := range journeys {
		src := fmt.Sprintf(journeyHead, j[0], j[0], j[1], j[0]) + j[2]
		sources[j[0]+".toml"] = src
		files = append(files, blueprint.File{Name: j[0] + ".toml", Src: []byte(src)})
	}
	m, diags := blueprint.LoadFiles(files, blueprint.Options{})
	require.False(t, diags.HasErrors(), "the test journeys are invalid:\n%s", diags.Error())
	return m
}

// step writes a step with a customer action; extra is TOML inside it.
func step(id, extra string) string {
	return fmt.Sprintf("\n[[stap]]\nid = %q\nfase = \"contact\"\ntitel = \"Stap %s\"\nklantactie = \"Doet iets\"\n%s\n", id, id, extra)
}

func derive(t *testing.T, m *blueprint.Model, opts Options) (*Result, blueprint.Diagnostics) {
	t.Helper()
	return Derive(m, Builtin(), opts)
}

func rowOf(res *Result, id string) *Row {
	for _, r := range res.Rows {
		if r.Requirement.ID == id {
			return r
		}
	}
	return nil
}

// reasons lists "rule: reason @ pos" for the traces of a requirement.
func reasons(row *Row) []string {
	var out []string
	for _, t := range row.Traces {
		rule := t.Kind.String()
		if t.Rule != nil {
			rule = t.Rule.ID
		}
		out = append(out, fmt.Sprintf("%s: %s @ %s", rule, t.Reason, t.Pos))
	}
	return out
}

func TestDeriveChannelRules(t *testing.T) {
	m := model(t, "", [3]string{"chat", "informatievraag",
		step("chat", `kanaal = "chat"`) +
			step("social", `kanaal = "social-media"`) +
			step("bellen", `kanaal = "telefoon"`)})
	res, diags := derive(t, m, Options{})
	assert.Empty(t, diags)
	chat := rowOf(res, "KCC-KS-001")
	require.NotNil(t, chat, "a chat step needs the web chat")
	assert.Contains(t, reasons(chat), "kanaal-chat: stap via Chat @ "+at(t, "chat.toml", "[[stap]]", "", 1))
	webcare := rowOf(res, "KCC-KS-004")
	require.NotNil(t, webcare, "a social media step needs webcare")
	assert.Contains(t, reasons(webcare), "kanaal-social: stap via Social media @ "+at(t, "chat.toml", "[[stap]]", "", 2))
	cti := rowOf(res, "KCC-KS-009")
	require.NotNil(t, cti)
	// Switching channels needs the history across channels.
	sw := rowOf(res, "KCC-KS-005")
	require.NotNil(t, sw)
	assert.Contains(t, reasons(sw), "kanaalwissel: de klant stapt over naar Social media @ "+at(t, "chat.toml", `kanaal = "social-media"`, "kanaal = ", 1))
	assert.Nil(t, rowOf(res, "KCC-KS-003"), "no step uses WhatsApp")
}

func TestDeriveHandoffToDepartment(t *testing.T) {
	m := model(t, "", [3]string{"doorzetten", "adviesvraag", step("door", `kanaal = "telefoon"

  [[stap.frontoffice]]
  actor = "kcc-medewerker"
  actie = "Zet de vraag door"

  [[stap.overdracht]]
  van = "kcc-medewerker"
  naar = "vakafdeling"
`)})
	res, _ := derive(t, m, Options{})
	for _, id := range []string{"KCC-KG-010", "KCC-WF-001", "KCC-WF-004"} {
		row := rowOf(res, id)
		require.NotNil(t, row, "%s: a hand-off from the KCC to a department needs it", id)
		assert.Contains(t, reasons(row), "overdracht-kcc-vakafdeling: overdracht van KCC-medewerker naar Medewerker vakafdeling @ "+at(t, "doorzetten.toml", "[[stap.overdracht]]", "", 1), id)
	}
	// The warm transfer requires the availability of employees.
	avail := rowOf(res, "KCC-KG-009")
	require.NotNil(t, avail)
	assert.Contains(t, reasons(avail), "vereist: vereist door KCC-KG-010 (Warme doorverbinding) @ requirements/catalogue.toml:"+line(t, `id = "KCC-KG-009"`)+":1")
}

// line returns the line of the built-in catalogue that holds s, as text.
func line(t *testing.T, s string) string {
	t.Helper()
	for i, l := range strings.Split(string(builtinTOML), "\n") {
		if strings.TrimSpace(l) == s {
			return fmt.Sprint(i)
		}
	}
	t.Fatalf("%q is not in the catalogue", s)
	return ""
}

func TestDeriveRepeatContactWaitsAndEmotion(t *testing.T) {
	m := model(t, "", [3]string{"terug", "melding",
		step("wacht", `kanaal = "telefoon"
wachttijd = "6 minuten"
emotie = -1`) +
			step("nabellen", `kanaal = "telefoon"
wachttijd = "2 weken"
herhaalcontact = true
emotie = -2`)})
	res, _ := derive(t, m, Options{})
	for _, want := range []struct{ id, reason string }{
		{"KCC-WL-001", "wachtrij: wacht 6 minuten op een medewerker via Telefoon @ " + at(t, "terug.toml", `wachttijd = "6`, "wachttijd = ", 1)},
		{"KCC-CR-002", "herhaalcontact: herhaalcontact via Telefoon @ " + at(t, "terug.toml", "herhaalcontact = true", "herhaalcontact = ", 1)},
		{"KCC-WF-003", "herhaalcontact: herhaalcontact via Telefoon @ " + at(t, "terug.toml", "herhaalcontact = true", "herhaalcontact = ", 1)},
		{"KCC-KZ-005", "herhaalcontact: herhaalcontact via Telefoon @ " + at(t, "terug.toml", "herhaalcontact = true", "herhaalcontact = ", 1)},
		{"KCC-WF-006", "wachten-op-afhandeling: de klant wacht 2 weken voor dit contact @ " + at(t, "terug.toml", `wachttijd = "2 weken"`, "wachttijd = ", 1)},
		{"KCC-KZ-002", "lage-emotie: emotie -1 op dit touchpoint @ " + at(t, "terug.toml", "emotie = -1", "emotie = ", 1)},
		{"KCC-KZ-007", "zeer-lage-emotie: emotie -2: de klant is zeer ontevreden @ " + at(t, "terug.toml", "emotie = -2", "emotie = ", 1)},
	} {
		row := rowOf(res, want.id)
		if assert.NotNil(t, row, want.id) {
			assert.Contains(t, reasons(row), want.reason, want.id)
		}
	}
	assert.Nil(t, rowOf(res, "KCC-WL-001").Traces[0].Phase.Metrics, "the test journey has no metrics")
}

func TestDeriveSupportSystemsNeedIntegrations(t *testing.T) {
	m := model(t, "", [3]string{"sys", "aanvraag", step("s", `kanaal = "website"

  [[stap.ondersteuning]]
  systeem = "brp"
  actie = "Vult de gegevens vooraf in"

  [[stap.ondersteuning]]
  systeem = "digid"
  actie = "Logt in"
`)})
	res, _ := derive(t, m, Options{})
	brp := rowOf(res, "KCC-IN-003")
	require.NotNil(t, brp)
	assert.Contains(t, reasons(brp), "systeem-brp: ondersteuning door Basisregistratie Personen (BRP) @ "+at(t, "sys.toml", `systeem = "brp"`, "systeem = ", 1))
	require.NotNil(t, rowOf(res, "KCC-IN-004"), "DigiD in the support lane needs the DigiD coupling")
	assert.Equal(t, "7 Infrastructuur", rowOf(res, "KCC-IN-003").Block.SheetName(blueprint.Dutch))
}

func TestDeriveLatentNeedProactiveMessages(t *testing.T) {
	m := model(t, "", [3]string{"latent", "latente-behoefte", step("krant", "")})
	res, _ := derive(t, m, Options{})
	for _, id := range []string{"KCC-KS-007", "KCC-KS-008"} {
		row := rowOf(res, id)
		require.NotNil(t, row, id)
		assert.Contains(t, reasons(row)[0], "latente-behoefte: vraagsoort Latente behoefte: de gemeente kan informeren voordat de vraag komt")
	}
}

func TestDeriveExplicitNeeds(t *testing.T) {
	m := model(t, "", [3]string{"keys", "informatievraag", step("s", `kanaal = "telefoon"
behoeften = ["Status van mijn melding inzien", "Iets buiten de catalogus", "klantcontacthistorie"]
eisen = ["KCC-CR-002", "kennisbank", "kennisbnk"]`)})
	res, diags := derive(t, m, Options{})
	cr := rowOf(res, "KCC-CR-002")
	require.NotNil(t, cr)
	assert.Contains(t, reasons(cr), "behoefte: eisen noemt KCC-CR-002 @ "+at(t, "keys.toml", `"KCC-CR-002"`, "", 1))
	assert.Equal(t, blueprint.MoSCoWMust, cr.MoSCoW, "an explicitly named requirement is a must")
	assert.Contains(t, cr.Priority.Reason, "expliciet als behoefte genoemd")
	for _, id := range []string{"KCC-KG-001", "KCC-KG-002", "KCC-KG-003", "KCC-KG-004"} {
		row := rowOf(res, id)
		if assert.NotNil(t, row, "the function key kennisbank names all its requirements: %s", id) {
			assert.Contains(t, reasons(row), "behoefte: eisen noemt functie kennisbank @ "+at(t, "keys.toml", `"kennisbank"`, "", 1))
		}
	}
	status := rowOf(res, "KCC-WF-003")
	require.NotNil(t, status)
	assert.Contains(t, reasons(status), `woord-status: noemt «status»: Status van mijn melding inzien @ `+at(t, "keys.toml", `"Status van`, "", 1))
	if row := rowOf(res, "KCC-CR-007"); row != nil {
		for _, r := range reasons(row) {
			assert.NotContains(t, r, "noemt functie klantcontacthistorie", "a function key in behoeften is free text: it names nothing")
		}
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	assert.Equal(t, []string{
		at(t, "keys.toml", `"Iets buiten`, "", 1) + `: waarschuwing: behoefte "Iets buiten de catalogus" leidt tot geen eis uit de catalogus; noem de eis of functie in eisen (zie blueprint matrix --catalogue-template), vul de catalogus aan, of laat de waarschuwing staan als de behoefte buiten de KCC-voorziening valt`,
		at(t, "keys.toml", `"klantcontacthistorie"`, "", 1) + `: waarschuwing: behoefte "klantcontacthistorie" is een functiesleutel van de catalogus; behoeften zijn vrije tekst; zet hem in eisen: eisen = ["klantcontacthistorie"]`,
		at(t, "keys.toml", `"kennisbnk"`, "", 1) + `: fout: onbekende verwijzing "kennisbnk" in eisen: geen eis-id of functiesleutel van de catalogus; bedoelde u "kennisbank"? (een behoefte in gewone woorden hoort in behoeften)`,
	}, got)
	var checked []string
	for _, d := range CheckReferences(m, Builtin(), blueprint.Dutch) {
		checked = append(checked, d.String())
	}
	assert.Equal(t, got[1:], checked,
		"validate reports every reference the matrix rejects or warns about, in the same words; the need no rule reads is the matrix's")
}

func TestDeriveMessagesInEnglish(t *testing.T) {
	m := model(t, "", [3]string{"en", "informatievraag", step("s", `kanaal = "chat"
eisen = ["kennisbnk"]`)})
	res, diags := derive(t, m, Options{Lang: blueprint.English})
	require.Len(t, diags, 1)
	assert.Equal(t, at(t, "en.toml", `"kennisbnk"`, "", 1)+`: error: unknown reference "kennisbnk" in eisen: not a requirement id or function key of the catalogue; did you mean "kennisbank"? (a need in plain words belongs in behoeften)`, diags[0].String())
	assert.Contains(t, reasons(rowOf(res, "KCC-KS-001")), "kanaal-chat: step via Chat @ "+at(t, "en.toml", "[[stap]]", "", 1))
	assert.Equal(t, "Web chat with agents", rowOf(res, "KCC-KS-001").Requirement.Title(res.Lang))
	_, diags = derive(t, m, Options{Lang: blueprint.English, MessageLang: blueprint.Dutch})
	assert.Contains(t, diags[0].Summary, "onbekende verwijzing", "MessageLang sets the language of the diagnostics")
}

func TestDerivePriorityOverrides(t *testing.T) {
	project := `organisatie = "Test"

[[prioriteit]]
eis = "KCC-KS-001"
moscow = "could"
soort = "wens"
reden = "Chat komt in fase 2"

[[prioriteit]]
eis = "KCC-KG-0011"
moscow = "must"
reden = "Bestaat niet"
`
	a := step("chat", `kanaal = "chat"`) + `
[[prioriteit]]
eis = "KCC-KS-001"
moscow = "must"
soort = "eis"
reden = "Chat is ons hoofdkanaal"

[[prioriteit]]
eis = "KCC-KG-011"
moscow = "should"
reden = "Terugbellen op tijdstip is afgesproken"

[[prioriteit]]
eis = "whatsapp"
moscow = "wont"
reden = "WhatsApp doen we niet"
`
	b := step("chat", `kanaal = "chat"`) + `
[[prioriteit]]
eis = "KCC-KG-011"
moscow = "could"
reden = "Minder belangrijk"
`
	m := model(t, project, [3]string{"a", "informatievraag", a}, [3]string{"b", "informatievraag", b})
	res, diags := derive(t, m, Options{})

	chat := rowOf(res, "KCC-KS-001")
	require.NotNil(t, chat)
	assert.Equal(t, blueprint.MoSCoWCould, chat.MoSCoW, "the project wins over the journey")
	assert.Equal(t, blueprint.KindScored, chat.Kind)
	assert.Equal(t, PriorityProject, chat.Priority.Source)
	assert.Equal(t, "Vastgesteld in "+at(t, "blueprint.toml", "[[prioriteit]]", "", 1)+": Chat komt in fase 2", chat.Priority.Reason)
	assert.Equal(t, 1, chat.Weight)

	cb := rowOf(res, "KCC-KG-011")
	require.NotNil(t, cb, "a [[prioriteit]] in a journey includes the requirement it names")
	assert.Equal(t, blueprint.MoSCoWShould, cb.MoSCoW, "among journeys the strongest priority wins")
	assert.Equal(t, PriorityJourney, cb.Priority.Source)
	assert.Contains(t, reasons(cb), "prioriteit: prioriteit vastgesteld: Terugbellen op tijdstip is afgesproken @ "+at(t, "a.toml", "[[prioriteit]]", "", 2))

	assert.Nil(t, rowOf(res, "KCC-KS-003"))
	var wont []string
	for _, r := range res.Wont {
		wont = append(wont, r.Requirement.ID)
	}
	assert.Empty(t, wont, "a wont without other evidence is simply left out")

	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	assert.Equal(t, []string{
		at(t, "b.toml", "[[prioriteit]]", "", 1) + `: waarschuwing: [[prioriteit]] voor "KCC-KG-011" wijkt af van ` + at(t, "a.toml", "[[prioriteit]]", "", 2) + `; die geldt; maak de prioriteiten gelijk, of leg de keuze vast in blueprint.toml`,
		at(t, "blueprint.toml", `"KCC-KG-0011"`, "", 1) + `: fout: [[prioriteit]] noemt "KCC-KG-0011": geen eis-id of functiesleutel van de catalogus; bedoelde u "KCC-KG-001"?`,
	}, got)
}

func TestDeriveWontKeepsANeededRequirementOut(t *testing.T) {
	m := model(t, "", [3]string{"w", "informatievraag", step("s", `kanaal = "chat"`) + `
[[prioriteit]]
eis = "KCC-KS-001"
moscow = "wont"
reden = "Geen webchat in deze aanbesteding"
`})
	res, _ := derive(t, m, Options{})
	assert.Nil(t, rowOf(res, "KCC-KS-001"), "a wont stays out of the matrix")
	require.Len(t, res.Wont, 1)
	assert.Equal(t, "KCC-KS-001", res.Wont[0].Requirement.ID)
	assert.Contains(t, res.Wont[0].Priority.Reason, "Geen webchat in deze aanbesteding")
	assert.Nil(t, rowOf(res, "KCC-KS-012"), "what only a wont requirement requires stays out too")
}

func TestDeriveProposesPriorityFromEvidence(t *testing.T) {
	chat := step("chat", `kanaal = "chat"`)
	pain := step("chat", `kanaal = "chat"
knelpunten = ["De chatbot begrijpt de vraag niet"]`)
	// One journey without pain: the default of the catalogue (should).
	res, _ := derive(t, model(t, "", [3]string{"a", "informatievraag", chat}), Options{})
	assert.Equal(t, blueprint.MoSCoWShould, rowOf(res, "KCC-KS-001").MoSCoW)
	assert.Equal(t, PriorityCatalogue, rowOf(res, "KCC-KS-001").Priority.Source)
	// The chatbot (could by default) named in pain points of three of
	// four journeys becomes a must.
	m := model(t, "", [3]string{"a", "informatievraag", pain}, [3]string{"b", "informatievraag", pain},
		[3]string{"c", "informatievraag", pain}, [3]string{"d", "informatievraag", chat})
	res, _ = derive(t, m, Options{})
	bot := rowOf(res, "KCC-KS-014")
	require.NotNil(t, bot)
	assert.Equal(t, blueprint.MoSCoWMust, bot.MoSCoW)
	assert.Equal(t, PriorityEvidence, bot.Priority.Source)
	assert.Equal(t, "Afgeleid uit de klantreizen: nodig in 3 van 4 klantreizen (3 stappen), met knelpunten of behoeften in 3.", bot.Priority.Reason)
	assert.Equal(t, 5, bot.Weight)
	// Two journeys without pain: should.
	m = model(t, "", [3]string{"a", "informatievraag", pain}, [3]string{"b", "informatievraag", chat})
	res, _ = derive(t, m, Options{})
	assert.Equal(t, blueprint.MoSCoWShould, rowOf(res, "KCC-KS-014").MoSCoW, "pain in one journey of two: should")
}

func TestDeriveUnneededFunctions(t *testing.T) {
	m := model(t, "", [3]string{"a", "informatievraag", step("chat", `kanaal = "chat"`)})
	res, _ := derive(t, m, Options{})
	var keys []string
	for _, f := range res.Unneeded {
		keys = append(keys, f.Key)
	}
	assert.Contains(t, keys, "whatsapp")
	assert.NotContains(t, keys, "chat")
	for _, row := range res.Rows {
		assert.True(t, row.Needed)
		assert.NotEmpty(t, row.Traces, "%s is in the matrix without a reason", row.Requirement.ID)
	}
	all, _ := derive(t, m, Options{IncludeUnneeded: true})
	assert.Len(t, all.Rows, len(Builtin().Requirements))
	wa := rowOf(all, "KCC-KS-003")
	require.NotNil(t, wa)
	assert.False(t, wa.Needed)
	assert.Contains(t, SourceSummary(wa, blueprint.Dutch, 0), "Niet afgeleid uit de klantreizen")
}

// Traceability both ways: a step lists a requirement exactly when the
// requirement has a trace to that step.
func TestDeriveTracesBothWays(t *testing.T) {
	m := examples(t)
	res, _ := derive(t, m, Options{})
	fromRows := map[string]bool{}
	for _, row := range res.Rows {
		for _, tr := range row.Traces {
			if tr.Step != nil && tr.Kind != TraceRequired {
				fromRows[tr.Journey.ID+"/"+tr.Step.ID+" "+row.Requirement.ID] = true
			}
		}
	}
	fromSteps := map[string]bool{}
	for _, st := range res.Steps {
		for _, r := range st.Requirements {
			fromSteps[st.Journey.ID+"/"+st.Step.ID+" "+r.ID] = true
		}
	}
	assert.Equal(t, fromRows, fromSteps)
	assert.NotEmpty(t, fromSteps)
}

func examples(t *testing.T) *blueprint.Model {
	t.Helper()
	m, diags, err := blueprint.LoadPaths([]string{"../examples"}, blueprint.Options{})
	require.NoError(t, err)
	require.False(t, diags.HasErrors(), diags.Error())
	return m
}

// The four example journeys together need requirements in all seven
// blocks, and every requirement says why.
func TestDeriveExamplesCoverAllBlocks(t *testing.T) {
	res, diags := derive(t, examples(t), Options{})
	assert.False(t, diags.HasErrors(), diags.Error())
	perBlock := map[string]int{}
	for _, row := range res.Rows {
		perBlock[row.Block.Code]++
		require.NotEmpty(t, row.Traces, row.Requirement.ID)
		for _, tr := range row.Traces {
			assert.NotEmpty(t, tr.Reason, row.Requirement.ID)
		}
		assert.NotEmpty(t, row.Priority.Reason, row.Requirement.ID)
	}
	for _, b := range Builtin().Blocks {
		assert.NotZero(t, perBlock[b.Code], "block %s has no requirement from the examples", b.Name(blueprint.Dutch))
	}
	assert.Len(t, res.Journeys, 4)
}

func TestDeriveIsDeterministic(t *testing.T) {
	m := examples(t)
	var outs []string
	for i := 0; i < 3; i++ {
		res, _ := Derive(m, Builtin(), Options{})
		var b bytes.Buffer
		require.NoError(t, WriteJSON(&b, res, Meta{}))
		outs = append(outs, b.String())
	}
	assert.Equal(t, outs[0], outs[1])
	assert.Equal(t, outs[0], outs[2])
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(outs[0]), &doc))
}

// With many journeys the source column gives the totals and a few
// examples, and points to the traceability sheet.
func TestSourceSummaryForManyJourneys(t *testing.T) {
	var js [][3]string
	for i := 0; i < 7; i++ {
		js = append(js, [3]string{fmt.Sprintf("r%d", i), "informatievraag", step("chat", `kanaal = "chat"`)})
	}
	res, _ := derive(t, model(t, "", js...), Options{})
	got := SourceSummary(rowOf(res, "KCC-KS-001"), blueprint.Dutch, MaxCellText)
	assert.Equal(t, "7 klantreizen, 7 stappen; onder meer:\nReis r0: Stap chat\nReis r1: Stap chat\nReis r2: Stap chat\nReis r3: Stap chat\nReis r4: Stap chat\n… en nog 2 klantreizen (zie Traceerbaarheid)", got)
	all := SourceSummary(rowOf(res, "KCC-KS-001"), blueprint.Dutch, 0)
	assert.Equal(t, 7, strings.Count(all, "Stap chat"), "without a limit every journey is named")
}
