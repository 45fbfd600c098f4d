package main

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/render/site"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/plan"
	"github.com/dimpact/blueprint/requirements/xlsx"
)

// The verbeterplan and the visie as pages of the site. The site takes
// them as plain data (site.Page), so that it does not import the
// requirements stage; this file turns a plan.Plan and a plan.Coverage
// into that data, and gives every journey's page a section that links
// to its part of both.

// The names of the two pages and of the verbeterplan workbook among the
// downloads.
const (
	planPageName     = "verbeterplan"
	visionPageName   = "visie"
	planDownloadName = planWorkbookName
)

// Caps that keep the pages readable for a national collection; the
// workbook has everything.
const (
	// maxPlanRows is how many knelpunten the "not answered yet" table
	// lists before it counts the rest.
	maxPlanRows = 300
	// maxPlanJourneys is how many journeys get a section of their own on
	// the verbeterplan page.
	maxPlanJourneys = 1000
	// maxVisionItems is how many journeys, knelpunten and actions a
	// statement of the visie names.
	maxVisionItems = 50
)

// journeyAnchor is the section of a journey on the verbeterplan page.
func journeyAnchor(id string) string { return "reis-" + id }

// statementAnchor is the section of a statement on the visie page.
func statementAnchor(id string) string { return "visie-" + id }

// sitePlan adds the verbeterplan page, the visie page (when the project
// has [[visie]] statements), each journey's section that links to them
// and the verbeterplan workbook (its data when workbook is set; the live
// preview makes it when it is asked for) to s.
func sitePlan(s *site.Site, m *blueprint.Model, files []blueprint.File, lang blueprint.Lang, workbook bool) error {
	p := plan.Derive(m, plan.Options{Lang: lang})
	w := &planPages{t: func(nl, en string) string { return blueprint.T(lang, nl, en) }, lang: lang, p: p,
		inPage: map[string]bool{}, steps: map[string]map[string]int{}, knelpunten: map[string]*plan.Knelpunt{}}
	for _, j := range p.Journeys {
		nums := map[string]int{}
		for i, st := range j.Model.Steps {
			nums[st.ID] = i + 1
		}
		w.steps[j.ID] = nums
		for _, k := range j.Knelpunten {
			w.knelpunten[j.ID+"\x00"+k.Ref] = k
		}
	}
	for _, e := range p.Employees {
		for _, k := range e.Knelpunten {
			w.knelpunten["\x00"+k.Ref] = k
		}
	}
	s.Pages = append(s.Pages, w.planPage())
	cov := plan.Vision(m, p)
	if len(cov.Statements) > 0 {
		s.Pages = append(s.Pages, w.visionPage(cov))
	}
	vision := map[string]*plan.Statement{}
	for _, st := range cov.Statements {
		vision[st.ID] = st
	}
	byID := map[string]*plan.Journey{}
	for _, j := range p.Journeys {
		byID[j.ID] = j
	}
	for _, jj := range s.Journeys {
		if j := byID[jj.Journey.ID]; j != nil {
			if sec := w.journeySection(j, vision[j.Vision]); sec != nil {
				jj.Sections = append(jj.Sections, sec)
			}
		}
	}
	d := &site.Download{
		Name:  planDownloadName,
		Title: w.t("Verbeterplan (Excel)", "Improvement plan (Excel)"),
		Description: w.t("De werkmap voor het verbeterteam: de verbeteracties met status en horizon als keuzelijst, de knelpunten, de eigenaren en de meetpunten.",
			"The workbook for the improvement team: the actions with status and horizon as drop-downs, the pain points, the owners and the metrics."),
	}
	if workbook {
		var err error
		if d.Data, err = writePlanWorkbook(p, m, files); err != nil {
			return err
		}
	}
	s.Downloads = append(s.Downloads, d)
	return nil
}

// writePlanWorkbook writes the verbeterplan p of m as blueprint
// verbeterplan --format xlsx does, without a date.
func writePlanWorkbook(p *plan.Plan, m *blueprint.Model, files []blueprint.File) ([]byte, error) {
	meta := requirements.MetaFor(m, files)
	meta.Tool = "blueprint " + buildVersion()
	var buf bytes.Buffer
	if err := xlsx.WritePlan(&buf, p, meta); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type planPages struct {
	t    func(nl, en string) string
	lang blueprint.Lang
	p    *plan.Plan
	// inPage are the journeys with a section on the verbeterplan page.
	inPage map[string]bool
	// steps numbers the steps of each journey; knelpunten finds a
	// knelpunt by journey id and ref (no journey for an employee's).
	steps      map[string]map[string]int
	knelpunten map[string]*plan.Knelpunt
}

func (w *planPages) n(count int, nl1, nlN, en1, enN string) string {
	if count == 1 {
		return "1 " + w.t(nl1, en1)
	}
	return strconv.Itoa(count) + " " + w.t(nlN, enN)
}

func (w *planPages) decimal(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	if s == "-0.0" {
		s = "0.0"
	}
	if w.lang != blueprint.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return strings.Replace(s, "-", "−", 1)
}

func txt(s string) []site.Text { return []site.Text{{Text: s}} }

// join puts pieces one after the other with sep between them.
func join(sep string, parts ...[]site.Text) []site.Text {
	var out []site.Text
	for _, p := range parts {
		if len(p) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, site.Text{Text: sep})
		}
		out = append(out, p...)
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// counts says "135 knelpunten, waarvan 44 zonder verbeteractie; 18
// verbeteracties (6 idee, 2 besloten, …)".
func (w *planPages) counts(c plan.Counts) string {
	s := w.n(c.Knelpunten, "knelpunt", "knelpunten", "pain point", "pain points")
	if c.Knelpunten > 0 {
		s += fmt.Sprintf(w.t(", waarvan %d zonder verbeteractie", ", of which %d without an action"), c.Unanswered)
	}
	s += "; " + w.n(c.Actions, "verbeteractie", "verbeteracties", "improvement action", "improvement actions")
	var parts []string
	for _, sc := range c.ByStatus {
		if sc.Count > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", sc.Count, plan.StatusName(w.lang, sc.Status)))
		}
	}
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

// stepLink links to a step of a journey, as "3. Title".
func (w *planPages) stepLink(journey, step, title string) []site.Text {
	label := title
	if n := w.steps[journey][step]; n > 0 {
		label = fmt.Sprintf("%d. %s", n, title)
	}
	return []site.Text{{Text: label, Link: &site.Link{Journey: journey, Step: step}}}
}

// knelpuntText is a knelpunt in a line: its step (or persona) as a link
// and its text.
func (w *planPages) knelpuntText(k *plan.Knelpunt, withJourney bool) []site.Text {
	var out []site.Text
	if withJourney && k.Journey != "" {
		out = append(out, site.Text{Text: k.JourneyTitle, Link: &site.Link{Journey: k.Journey}}, site.Text{Text: ", "})
	}
	if k.Kind == plan.KindEmployee {
		out = append(out, site.Text{Text: k.PersonaName, Link: &site.Link{Persona: k.Persona}})
	} else {
		out = append(out, w.stepLink(k.Journey, k.Step, k.StepTitle)...)
	}
	return append(out, site.Text{Text: ": " + k.Text})
}

// --- the verbeterplan page ---

func (w *planPages) planPage() *site.Page {
	p := w.p
	pg := &site.Page{Name: planPageName, Title: w.t("Verbeterplan", "Improvement plan"), Intro: []string{
		w.n(len(p.Journeys), "klantreis", "klantreizen", "journey", "journeys") + ": " + w.counts(p.Counts) + ".",
		w.t("Een knelpunt is een knelpunt bij een stap, een stap met een faalpunt, een lange wachttijd, een emotie van −1 of lager of een herhaalcontact, of een knelpunt van een medewerker. Een verbeteractie beantwoordt het als zij het noemt en niet is afgewezen.",
			"A pain point is one written at a step, a step with a fail point, a long wait, an emotion of −1 or lower or a repeat contact, or a pain point of an employee. An improvement action answers it when it names it and is not rejected."),
	}}
	pg.Sections = append(pg.Sections, &site.Section{
		List: [][]site.Text{{
			{Text: w.t("De werkmap voor het verbeterteam: ", "The workbook for the improvement team: ")},
			{Text: planDownloadName, Link: &site.Link{Download: planDownloadName}},
			{Text: w.t(" (ook bij Downloads). Status, horizon en eigenaar houdt u bij in de klantreizen; de werkmap en deze pagina volgen.",
				" (also under Downloads). Status, horizon and owner are kept in the journeys; the workbook and this page follow.")},
		}},
	})
	pg.Sections = append(pg.Sections, w.unansweredSection())
	if o := w.ownersSection(); o != nil {
		pg.Sections = append(pg.Sections, o)
	}
	per := &site.Section{ID: "klantreizen", Heading: w.t("Per klantreis", "Per journey")}
	shown := 0
	for _, j := range p.Journeys {
		if len(j.Actions) == 0 && len(j.Knelpunten) == 0 {
			continue
		}
		if shown == maxPlanJourneys {
			per.Paragraphs = append(per.Paragraphs, fmt.Sprintf(w.t("Deze pagina toont de eerste %d klantreizen met knelpunten of verbeteracties; de werkmap heeft ze alle.",
				"This page shows the first %d journeys with pain points or actions; the workbook has them all."), maxPlanJourneys))
			break
		}
		shown++
		w.inPage[j.ID] = true
		per.Sections = append(per.Sections, w.journeyPlan(j))
	}
	if shown == 0 {
		per.Paragraphs = append(per.Paragraphs, w.t("Geen van deze klantreizen heeft knelpunten of verbeteracties.", "None of these journeys has pain points or actions."))
	}
	pg.Sections = append(pg.Sections, per)
	return pg
}

func (w *planPages) unansweredSection() *site.Section {
	sec := &site.Section{ID: "onbeantwoord", Heading: w.t("Nog niet beantwoord", "Not answered yet")}
	un := w.p.Unanswered
	if len(un) == 0 {
		sec.Paragraphs = []string{w.t("Op elk knelpunt gaat een verbeteractie in.", "Every pain point has an improvement action.")}
		return sec
	}
	sec.Paragraphs = []string{w.t("De knelpunten waar nog geen verbeteractie op ingaat: hier ligt het werk.", "The pain points no improvement action answers yet: this is the work.")}
	t := &site.Table{Caption: w.t("Knelpunten zonder verbeteractie", "Pain points without an action"),
		Head: []string{w.t("Klantreis of persona", "Journey or persona"), w.t("Stap", "Step"), w.t("Soort", "Kind"), w.t("Knelpunt", "Pain point")}}
	for i, k := range un {
		if i == maxPlanRows {
			sec.Paragraphs = append(sec.Paragraphs, fmt.Sprintf(w.t("De tabel toont de eerste %d van %d; de werkmap en de pagina's van de klantreizen hebben ze alle.",
				"The table shows the first %d of %d; the workbook and the journeys' pages have them all."), maxPlanRows, len(un)))
			break
		}
		if k.Kind == plan.KindEmployee {
			t.Rows = append(t.Rows, [][]site.Text{{{Text: k.PersonaName, Link: &site.Link{Persona: k.Persona}}}, txt("—"), txt(plan.KindName(w.lang, k.Kind)), txt(k.Text)})
			continue
		}
		t.Rows = append(t.Rows, [][]site.Text{{{Text: k.JourneyTitle, Link: &site.Link{Journey: k.Journey}}}, w.stepLink(k.Journey, k.Step, k.StepTitle), txt(plan.KindName(w.lang, k.Kind)), txt(k.Text)})
	}
	sec.Table = t
	return sec
}

func (w *planPages) ownersSection() *site.Section {
	if len(w.p.Owners) == 0 {
		return nil
	}
	sec := &site.Section{ID: "eigenaren", Heading: w.t("Per eigenaar", "Per owner"),
		Paragraphs: []string{w.t("Wie welke verbeteracties draagt (de afgewezen niet meegeteld).", "Who holds which actions (rejected ones not counted).")}}
	for _, o := range w.p.Owners {
		name := o.Name
		if name == "" {
			name = w.t("Zonder eigenaar", "Without an owner")
		}
		line := []site.Text{{Text: name + ": "}}
		for i, a := range o.Actions {
			if i == maxVisionItems {
				line = append(line, site.Text{Text: fmt.Sprintf(w.t(" en nog %d", " and %d more"), len(o.Actions)-i)})
				break
			}
			if i > 0 {
				line = append(line, site.Text{Text: ", "})
			}
			line = append(line, site.Text{Text: a.ID, Link: &site.Link{Journey: a.Journey, Action: a.ID}},
				site.Text{Text: " (" + plan.StatusName(w.lang, a.Status) + ")"})
		}
		sec.List = append(sec.List, line)
	}
	return sec
}

// journeyPlan is a journey's part of the verbeterplan: its actions, the
// rejected ones with their reasons, and its knelpunten without an action.
func (w *planPages) journeyPlan(j *plan.Journey) *site.Section {
	sec := &site.Section{ID: journeyAnchor(j.ID), Heading: j.Title}
	facts := []site.Text{{Text: w.t("Klantreis", "Journey"), Link: &site.Link{Journey: j.ID}}, {Text: ": " + w.counts(j.Counts)}}
	if j.LowestEmotion != nil && j.AverageEmotion != nil {
		facts = append(facts, site.Text{Text: fmt.Sprintf(w.t("; laagste emotie %s, gemiddeld %s", "; lowest emotion %s, average %s"),
			plan.EmotionLabel(*j.LowestEmotion), w.decimal(*j.AverageEmotion))})
	}
	sec.List = append(sec.List, facts)
	metricNames := map[string]string{}
	for _, mt := range j.Metrics {
		metricNames[mt.Key] = mt.Name
	}
	var live, rejected []*plan.Action
	for _, a := range j.Actions {
		if a.Live() {
			live = append(live, a)
		} else {
			rejected = append(rejected, a)
		}
	}
	if len(live) > 0 {
		t := &site.Table{Caption: w.t("Verbeteracties", "Improvement actions"),
			Head: []string{w.t("Verbeteractie", "Action"), w.t("Status", "Status"), w.t("Horizon", "Horizon"), w.t("Eigenaar", "Owner"),
				w.t("Streefdatum", "Target date"), w.t("Stappen", "Steps"), w.t("Beantwoordt", "Answers"), w.t("Meetpunten", "Metrics")}}
		for _, a := range live {
			t.Rows = append(t.Rows, [][]site.Text{
				w.actionName(a), txt(plan.StatusName(w.lang, a.Status)), txt(orDash(plan.HorizonName(w.lang, a.Horizon))),
				txt(orDash(a.Owner)), txt(orDash(a.DueDate.Label(w.lang))), w.actionSteps(j, a), w.actionAnswers(j, a), w.actionMetrics(a, metricNames),
			})
		}
		sec.Table = t
	} else {
		sec.Paragraphs = append(sec.Paragraphs, w.t("Nog geen verbeteracties.", "No improvement actions yet."))
	}
	if len(rejected) > 0 {
		rs := &site.Section{Heading: w.t("Afgewezen", "Rejected")}
		for _, a := range rejected {
			rs.List = append(rs.List, join(" — ", w.actionName(a), txt(w.t("reden: ", "reason: ")+orDash(a.Reason))))
		}
		sec.Sections = append(sec.Sections, rs)
	}
	var open [][]site.Text
	for _, k := range j.Knelpunten {
		if !k.Answered {
			open = append(open, append(w.knelpuntText(k, false), site.Text{Text: " (" + plan.KindName(w.lang, k.Kind) + ")"}))
		}
	}
	if len(open) > 0 {
		sec.Sections = append(sec.Sections, &site.Section{Heading: w.t("Knelpunten zonder verbeteractie", "Pain points without an action"), List: open})
	}
	return sec
}

// actionName is "id — what", the id linking to the action on its
// journey's page.
func (w *planPages) actionName(a *plan.Action) []site.Text {
	return []site.Text{{Text: a.ID, Link: &site.Link{Journey: a.Journey, Action: a.ID}}, {Text: " — " + a.What}}
}

// actionSteps are the steps an action names, and the steps with signals
// it answers through an effect.
func (w *planPages) actionSteps(j *plan.Journey, a *plan.Action) []site.Text {
	seen := map[string]bool{}
	var parts [][]site.Text
	add := func(id string) {
		if seen[id] {
			return
		}
		seen[id] = true
		title := id
		for _, st := range j.Model.Steps {
			if st.ID == id {
				title = st.Title
			}
		}
		parts = append(parts, w.stepLink(j.ID, id, title))
	}
	for _, id := range a.Steps {
		add(id)
	}
	for _, r := range a.Answers {
		if k := w.knelpunten[j.ID+"\x00"+r]; k != nil && k.Kind == plan.KindStep {
			add(k.Step)
		}
	}
	if len(parts) == 0 {
		return txt("—")
	}
	return join(", ", parts...)
}

// actionAnswers are the pain points an action answers: those written at
// steps, and the employees' (the steps with signals are under Steps).
func (w *planPages) actionAnswers(j *plan.Journey, a *plan.Action) []site.Text {
	var parts [][]site.Text
	steps := 0
	for _, r := range a.Answers {
		k := w.knelpunten[j.ID+"\x00"+r]
		if k == nil {
			k = w.knelpunten["\x00"+r]
		}
		switch {
		case k == nil:
			parts = append(parts, txt(r))
		case k.Kind == plan.KindStep:
			steps++
		case k.Kind == plan.KindEmployee:
			parts = append(parts, []site.Text{{Text: k.PersonaName, Link: &site.Link{Persona: k.Persona}}, {Text: ": " + k.Text}})
		default:
			parts = append(parts, txt(k.Text))
		}
	}
	if steps > 0 {
		parts = append(parts, txt(w.t("de signalen van ", "the signals of ")+w.n(steps, "stap", "stappen", "step", "steps")))
	}
	if len(parts) == 0 {
		return txt("—")
	}
	return join("; ", parts...)
}

func (w *planPages) actionMetrics(a *plan.Action, names map[string]string) []site.Text {
	var out []string
	for _, k := range a.Metrics {
		out = append(out, orDash(firstNonEmptyString(names[k], k)))
	}
	return txt(orDash(strings.Join(out, ", ")))
}

func firstNonEmptyString(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// journeySection is the part of a journey's page that links to the
// journey in the verbeterplan and to the statement of the visie it
// tests; nil when it has neither.
func (w *planPages) journeySection(j *plan.Journey, st *plan.Statement) *site.Section {
	sec := &site.Section{ID: "verbeterplan-en-visie", Heading: w.t("Verbeterplan en visie", "Improvement plan and vision")}
	if w.inPage[j.ID] {
		sec.List = append(sec.List, []site.Text{
			{Text: w.t("Deze klantreis in het verbeterplan", "This journey in the improvement plan"), Link: &site.Link{Page: planPageName, Anchor: journeyAnchor(j.ID)}},
			{Text: ": " + w.counts(j.Counts) + "."},
		})
	}
	if st != nil {
		name := w.t("Toetst een uitspraak van de dienstverleningsvisie", "Tests a statement of the service vision")
		if st.Theme != "" {
			name = fmt.Sprintf(w.t("Toetst de uitspraak %q van de dienstverleningsvisie", "Tests the statement %q of the service vision"), st.Theme)
		}
		sec.List = append(sec.List, []site.Text{
			{Text: name, Link: &site.Link{Page: visionPageName, Anchor: statementAnchor(j.Vision)}},
			{Text: fmt.Sprintf(w.t(": hoe het de klant vergaat in %s die haar toetsen.", ": how the customer fares in the %s that test it."),
				w.n(len(st.Journeys), "klantreis", "klantreizen", "journey", "journeys"))},
		})
	}
	if len(sec.List) == 0 {
		return nil
	}
	return sec
}

// --- the visie page ---

func (w *planPages) visionPage(c *plan.Coverage) *site.Page {
	pg := &site.Page{Name: visionPageName, Title: w.t("Dienstverleningsvisie", "Service vision"), Intro: []string{
		fmt.Sprintf(w.t("%s, waarvan %d door geen klantreis getoetst. Bij elke uitspraak de klantreizen die haar toetsen (visie = \"…\" in de klantreis) en wat ze laten zien: hoe de klant zich voelt, de knelpunten waar nog geen verbeteractie op ingaat en de verbeteracties.",
			"%s, of which %d tested by no journey. For each statement the journeys that test it (visie = \"…\" in the journey) and what they show: how the customer feels, the pain points no action answers yet, and the actions."),
			w.n(len(c.Statements), "uitspraak", "uitspraken", "statement", "statements"), c.Untested),
	}}
	for _, st := range c.Statements {
		pg.Sections = append(pg.Sections, w.statement(st))
	}
	if len(c.Untargeted) > 0 {
		sec := &site.Section{ID: "zonder-visie", Heading: w.t("Klantreizen zonder uitspraak", "Journeys without a statement"),
			Paragraphs: []string{w.t("Deze klantreizen toetsen geen uitspraak van de visie: geef ze visie = \"…\" met de uitspraak die er het meest op het spel staat.",
				"These journeys test no statement of the vision: give them visie = \"…\" with the statement most at stake in them.")}}
		for i, j := range c.Untargeted {
			if i == maxVisionItems {
				sec.Paragraphs = append(sec.Paragraphs, fmt.Sprintf(w.t("En nog %d klantreizen.", "And %d more journeys."), len(c.Untargeted)-i))
				break
			}
			sec.List = append(sec.List, []site.Text{{Text: j.Title, Link: &site.Link{Journey: j.ID}}})
		}
		pg.Sections = append(pg.Sections, sec)
	}
	return pg
}

func (w *planPages) statement(st *plan.Statement) *site.Section {
	sec := &site.Section{ID: statementAnchor(st.ID), Heading: st.Text}
	if st.Theme != "" {
		sec.Paragraphs = append(sec.Paragraphs, w.t("Thema: ", "Theme: ")+st.Theme)
	}
	if !st.Tested() {
		sec.Paragraphs = append(sec.Paragraphs, fmt.Sprintf(w.t("Nog door geen klantreis getoetst. Kies een klantreis waarin deze uitspraak op het spel staat en schrijf daarin visie = %q.",
			"Tested by no journey yet. Choose a journey in which this statement is at stake and write visie = %q in it."), st.ID))
		return sec
	}
	summary := w.n(len(st.Journeys), "klantreis toetst", "klantreizen toetsen", "journey tests", "journeys test") + w.t(" deze uitspraak", " this statement")
	if st.LowestEmotion != nil && st.AverageEmotion != nil {
		summary += fmt.Sprintf(w.t("; de laagste emotie is %s, gemiddeld %s", "; the lowest emotion is %s, on average %s"), plan.EmotionLabel(*st.LowestEmotion), w.decimal(*st.AverageEmotion))
	}
	sec.Paragraphs = append(sec.Paragraphs, summary+"; "+w.counts(st.Counts)+".")
	t := &site.Table{Caption: w.t("Klantreizen die deze uitspraak toetsen", "Journeys that test this statement"),
		Head: []string{w.t("Klantreis", "Journey"), w.t("Laagste emotie", "Lowest emotion"), w.t("Gemiddelde emotie", "Average emotion"),
			w.t("Knelpunten zonder verbeteractie", "Pain points without an action"), w.t("Verbeteracties", "Actions")}}
	for i, j := range st.Journeys {
		if i == maxVisionItems {
			sec.Paragraphs = append(sec.Paragraphs, fmt.Sprintf(w.t("De tabel toont de eerste %d van %d klantreizen.", "The table shows the first %d of %d journeys."), maxVisionItems, len(st.Journeys)))
			break
		}
		lowest, avg := txt("—"), txt("—")
		if j.LowestEmotion != nil {
			lowest = txt(plan.EmotionLabel(*j.LowestEmotion))
			if j.LowestStep != "" {
				title := j.LowestStep
				for _, s := range w.journeyModel(j.ID) {
					if s.ID == j.LowestStep {
						title = s.Title
					}
				}
				lowest = append(lowest, site.Text{Text: w.t(" bij ", " at ")})
				lowest = append(lowest, w.stepLink(j.ID, j.LowestStep, title)...)
			}
		}
		if j.AverageEmotion != nil {
			avg = txt(w.decimal(*j.AverageEmotion))
		}
		actions := txt(strconv.Itoa(j.Counts.Actions))
		if w.inPage[j.ID] {
			actions = []site.Text{{Text: strconv.Itoa(j.Counts.Actions), Link: &site.Link{Page: planPageName, Anchor: journeyAnchor(j.ID)}}}
		}
		t.Rows = append(t.Rows, [][]site.Text{{{Text: j.Title, Link: &site.Link{Journey: j.ID}}}, lowest, avg, txt(strconv.Itoa(j.Counts.Unanswered)), actions})
	}
	sec.Table = t
	if len(st.Unanswered) > 0 {
		sub := &site.Section{Heading: w.t("Wat nog tussen de klantreizen en de uitspraak staat", "What still stands between the journeys and the statement"),
			Paragraphs: []string{w.t("De knelpunten waar nog geen verbeteractie op ingaat.", "The pain points no action answers yet.")}}
		for i, k := range st.Unanswered {
			if i == maxVisionItems {
				sub.Paragraphs = append(sub.Paragraphs, fmt.Sprintf(w.t("En nog %d; zie het verbeterplan.", "And %d more; see the improvement plan."), len(st.Unanswered)-i))
				break
			}
			sub.List = append(sub.List, w.knelpuntText(k, len(st.Journeys) > 1))
		}
		sec.Sections = append(sec.Sections, sub)
	}
	if len(st.Actions) > 0 {
		sub := &site.Section{Heading: w.t("Verbeteracties", "Improvement actions")}
		for i, a := range st.Actions {
			if i == maxVisionItems {
				sub.Paragraphs = append(sub.Paragraphs, fmt.Sprintf(w.t("En nog %d; zie het verbeterplan.", "And %d more; see the improvement plan."), len(st.Actions)-i))
				break
			}
			line := append(w.actionName(a), site.Text{Text: " (" + plan.StatusName(w.lang, a.Status) + ")"})
			if a.Status == blueprint.StatusRejected && a.Reason != "" {
				line = append(line, site.Text{Text: w.t(" — reden: ", " — reason: ") + a.Reason})
			}
			sub.List = append(sub.List, line)
		}
		sec.Sections = append(sec.Sections, sub)
	}
	return sec
}

func (w *planPages) journeyModel(id string) []*blueprint.Step {
	for _, j := range w.p.Journeys {
		if j.ID == id {
			return j.Model.Steps
		}
	}
	return nil
}
