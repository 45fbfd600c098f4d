package xlsx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/plan"
)

// The sheets of the verbeterplan workbook that list the plan: the
// actions, the knelpunten, the owners and the metrics.

// actions lists every action in journey order.
func (pw *planWriter) actions() []*plan.Action {
	var out []*plan.Action
	for _, j := range pw.p.Journeys {
		out = append(out, j.Actions...)
	}
	return out
}

// teamCells returns the values the actions sheet starts with in the
// team's columns, as InspectPlan reads them back (a date as its serial
// number).
func (pw *planWriter) teamCells(a *plan.Action) []string {
	due := ""
	if t, ok := dueTime(a.DueDate); ok {
		due = strconv.Itoa(excelSerial(t))
	}
	status := ""
	if a.Status != "" {
		status = plan.StatusName(pw.lang, a.Status)
	}
	horizon := ""
	if a.Horizon != "" {
		horizon = plan.HorizonName(pw.lang, a.Horizon)
	}
	return []string{strings.TrimSpace(a.Owner), status, horizon, due, strings.TrimSpace(a.Reason), ""}
}

func (pw *planWriter) actionsSheet() {
	sheet, t, st := pw.sheets.actions, pw.t, pw.st
	headers := []string{t("ID", "ID"), t("Klantreis", "Journey"), t("Wat", "What"), t("Beantwoordt", "Answers"), t("Verwacht effect", "Expected effect"),
		t("Eigenaar", "Owner"), t("Status", "Status"), t("Horizon", "Horizon"), t("Streefdatum", "Target date"), t("Reden of besluit", "Reason or decision"),
		t("Voortgang", "Progress"), t("Rij-sleutel", "Row key"), t("Vingerafdruk", "Fingerprint")}
	widths := []float64{20, 24, 48, 26, 30, 22, 13, 12, 12, 32, 32, 14, 18}
	team := map[int]bool{acOwner: true, acStatus: true, acHorizon: true, acDue: true, acReason: true, acProgress: true}
	l := pw.newList(sheet, t("Verbeteracties", "Improvement actions"),
		t("Eén regel per verbeteractie uit de klantreizen. Het verbeterteam houdt de gele kolommen bij: eigenaar, status en horizon (kies uit de lijst), streefdatum, reden of besluit en voortgang. Neem besluiten ook over in het reisbestand, zodat ze in het volgende verbeterplan staan.",
			"One row per improvement action of the journeys. The improvement team keeps the yellow columns up to date: owner, status and horizon (choose from the list), target date, reason or decision and progress. Copy decisions into the journey file too, so that they are in the next plan."),
		headers, widths, team, acProgress,
		&excelize.Panes{Freeze: true, XSplit: acID, YSplit: planHeaderRow, TopLeftCell: cell(acID+1, planFirstRow), ActivePane: "bottomRight",
			Selection: []excelize.Selection{{SQRef: cell(acOwner, planFirstRow), ActiveCell: cell(acOwner, planFirstRow), Pane: "bottomRight"}}}, false)
	actions := pw.actions()
	for _, a := range actions {
		answers, effect := pw.answersText(a), pw.effectsText(a)
		cells := pw.teamCells(a)
		var due any
		if tm, ok := dueTime(a.DueDate); ok {
			due = tm
		}
		l.add([]any{cellOf(a.ID, st.id), cellOf(a.JourneyTitle, st.cell), cellOf(a.What, st.cell), cellOf(answers, st.cell), cellOf(effect, st.cell),
			cellOf(cells[0], st.vendor), cellOf(cells[1], st.vendor), cellOf(cells[2], st.vendor), cellOf(due, st.vendorDate), cellOf(cells[4], st.vendor),
			cellOf(nil, st.vendor), cellOf(a.Journey+"/"+a.ID, st.hidden), cellOf(requirements.FingerprintCells(cells), st.hidden)},
			rowHeight(30, wrapped{a.What, widths[acWhat-1]}, wrapped{answers, widths[acAnswers-1]}, wrapped{effect, widths[acEffect-1]},
				wrapped{a.Reason, widths[acReason-1]}, wrapped{a.JourneyTitle, widths[acJourney-1]}))
	}
	if len(actions) == 0 {
		l.add([]any{cellOf(t("Nog geen verbeteracties: schrijf ze als [[verbeteractie]] in de klantreizen.", "No improvement actions yet: write them as [[verbeteractie]] in the journeys."), st.desc)}, 18)
		l.finish(0, acProgress, true, true)
		return
	}
	last := l.last()
	pw.dropDown(sheet, acStatus, last, pw.statusNames(), t("Status", "Status"),
		t("Kies de status uit de lijst; de betekenis staat op het tabblad ", "Choose the status from the list; the meaning is on the sheet ")+pw.sheets.intro+".")
	pw.dropDown(sheet, acHorizon, last, pw.horizonNames(), t("Horizon", "Horizon"),
		t("kort: binnen drie maanden; middellang: binnen een jaar; lang: langer.", "short: within three months; medium: within a year; long: longer."))
	dd := excelize.NewDataValidation(true)
	dd.Sqref = fmt.Sprintf("%s%d:%s%d", colName(acDue), planFirstRow, colName(acDue), last)
	pw.check(dd.SetRange(36526, 73415, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
	dd.SetError(excelize.DataValidationErrorStyleStop, t("Ongeldige datum", "Invalid date"), t("Vul een datum in, zoals 30-06-2026.", "Fill in a date, such as 2026-06-30."))
	pw.check(pw.f.AddDataValidation(sheet, dd))
	var cf []excelize.ConditionalFormatOptions
	for _, s := range blueprint.ImprovementStatuses() {
		c, ok := statusColours[s]
		if !ok {
			continue
		}
		cf = append(cf, pw.highlight(plan.StatusName(pw.lang, s), c[0], c[1]))
	}
	pw.check(pw.f.SetConditionalFormat(sheet, fmt.Sprintf("%s%d:%s%d", colName(acStatus), planFirstRow, colName(acStatus), last), cf))
	// The filter covers the hidden columns, so that sorting keeps each
	// row's fingerprint with it.
	l.finish(acCols, acProgress, true, true)
}

// highlight colours a cell whose value is value.
func (pw *planWriter) highlight(value, bg, fg string) excelize.ConditionalFormatOptions {
	style, err := pw.f.NewConditionalStyle(&excelize.Style{Fill: fill(bg), Font: font(excelize.Font{Color: fg, Bold: true})})
	pw.check(err)
	return excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Format: &style, Value: formulaString(value)}
}

// printArea prints the visible columns only.
func (pw *planWriter) printArea(sheet string, lastCol, lastRow int) {
	pw.check(pw.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area",
		RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", quote(sheet), colName(lastCol), lastRow), Scope: sheet}))
}

func (pw *planWriter) dropDown(sheet string, col, last int, names []string, title, help string) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s%d:%s%d", colName(col), planFirstRow, colName(col), last)
	pw.check(dv.SetDropList(names))
	dv.SetInput(title, help)
	dv.SetError(excelize.DataValidationErrorStyleStop, pw.t("Ongeldige waarde", "Invalid value"), pw.t("Kies een waarde uit de lijst.", "Choose a value from the list."))
	pw.check(pw.f.AddDataValidation(sheet, dv))
}

func (pw *planWriter) statusNames() []string {
	var out []string
	for _, s := range blueprint.ImprovementStatuses() {
		out = append(out, plan.StatusName(pw.lang, s))
	}
	return out
}

func (pw *planWriter) horizonNames() []string {
	var out []string
	for _, h := range blueprint.ImprovementHorizons() {
		out = append(out, plan.HorizonName(pw.lang, h))
	}
	return out
}

func (pw *planWriter) answersText(a *plan.Action) string {
	if len(a.Answers) == 0 {
		return "—"
	}
	return fmt.Sprintf("%d: %s", len(a.Answers), strings.Join(a.Answers, ", "))
}

func (pw *planWriter) effectsText(a *plan.Action) string {
	var out []string
	for _, e := range a.Effects {
		switch {
		case e.Step != "":
			s := fmt.Sprintf(pw.t("emotie bij %s", "emotion at %s"), e.Step)
			if e.EmotionNow != nil {
				s += " " + plan.EmotionLabel(*e.EmotionNow)
			}
			if e.EmotionExpected != nil {
				s += " → " + plan.EmotionLabel(*e.EmotionExpected)
			}
			out = append(out, s)
		case e.Metric != "":
			s := e.MetricName
			if e.ValueNow != nil {
				s += " " + blueprint.FormatValue(*e.ValueNow, e.Unit, pw.lang)
			}
			if e.ValueExpected != nil {
				s += " → " + blueprint.FormatValue(*e.ValueExpected, e.Unit, pw.lang)
			}
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n")
}

// knelpunten lists the knelpunten: those without an action first.
func (pw *planWriter) knelpunten() []*plan.Knelpunt {
	out := append([]*plan.Knelpunt(nil), pw.p.Unanswered...)
	for _, j := range pw.p.Journeys {
		for _, k := range j.Knelpunten {
			if k.Answered {
				out = append(out, k)
			}
		}
	}
	for _, e := range pw.p.Employees {
		for _, k := range e.Knelpunten {
			if k.Answered {
				out = append(out, k)
			}
		}
	}
	return out
}

func (pw *planWriter) knelpuntenSheet() {
	sheet, t, st := pw.sheets.knelpunten, pw.t, pw.st
	headers := []string{t("Klantreis", "Journey"), t("Stap of persona", "Step or persona"), t("Soort", "Kind"), t("Knelpunt", "Pain point"),
		t("Beantwoord", "Answered"), t("Verbeteracties", "Actions"), t("Voorstel van het team", "Team's proposal"), t("Verwijzing", "Reference"), t("Vingerafdruk", "Fingerprint")}
	widths := []float64{24, 28, 13, 56, 12, 30, 40, 16, 18}
	l := pw.newList(sheet, t("Knelpunten", "Pain points"),
		t("Elk knelpunt uit de klantreizen: knelpunten bij stappen, stappen met een faalpunt, lange wachttijd, lage emotie of herhaalcontact, en knelpunten van medewerkers. Bovenaan de knelpunten waar nog geen verbeteractie op ingaat: daar ligt het werk. Noteer een voorstel in de gele kolom.",
			"Every pain point of the journeys: pain points at steps, steps with a fail point, long wait, low emotion or repeat contact, and pain points of employees. At the top those no improvement action answers yet: that is the work. Write a proposal in the yellow column."),
		headers, widths, map[int]bool{knProposal: true}, knProposal,
		&excelize.Panes{Freeze: true, YSplit: planHeaderRow, TopLeftCell: cell(1, planFirstRow), ActivePane: "bottomLeft"}, true)
	yes, no, solved := t("ja", "yes"), t("nee", "no"), t("opgelost", "solved")
	empty := requirements.FingerprintCells([]string{""})
	for _, k := range pw.knelpunten() {
		journey, place := k.JourneyTitle, k.StepTitle
		if k.Kind == plan.KindEmployee {
			journey, place = "—", k.PersonaName
		}
		answered := no
		switch {
		case k.Solved:
			answered = solved
		case k.Answered:
			answered = yes
		}
		acts := make([]string, len(k.Actions))
		for i, a := range k.Actions {
			acts[i] = a.ID + " (" + plan.StatusName(pw.lang, a.Status) + ")"
		}
		key := k.Ref
		if k.Journey != "" {
			key = k.Journey + ":" + k.Ref
		}
		actions := strings.Join(acts, "\n")
		l.add([]any{cellOf(journey, st.cell), cellOf(place, st.cell), cellOf(plan.KindName(pw.lang, k.Kind), st.cellCenter), cellOf(k.Text, st.cell),
			cellOf(answered, st.cellCenter), cellOf(actions, st.cell), cellOf(nil, st.vendor), cellOf(key, st.hidden), cellOf(empty, st.hidden)},
			rowHeight(18, wrapped{k.Text, widths[knText-1]}, wrapped{place, widths[knPlace-1]}, wrapped{journey, widths[knJourney-1]}, wrapped{actions, widths[knActions-1]}))
	}
	rng := fmt.Sprintf("%s%d:%s%d", colName(knAnswered), planFirstRow, colName(knAnswered), l.last())
	pw.check(pw.f.SetConditionalFormat(sheet, rng, []excelize.ConditionalFormatOptions{
		pw.highlight(no, "FFC7CE", "9C0006"), pw.highlight(yes, "E2EFDA", "375623"), pw.highlight(solved, "C6EFCE", "006100")}))
	l.finish(knCols, knProposal, false, true)
}

// ownersSheet counts the actions per owner and status with formulas over
// the actions sheet, so the counts follow the team's edits.
func (pw *planWriter) ownersSheet() {
	sheet, t, st := pw.sheets.owners, pw.t, pw.st
	statuses := blueprint.ImprovementStatuses()
	headers := []string{t("Eigenaar", "Owner")}
	for _, s := range statuses {
		headers = append(headers, plan.StatusName(pw.lang, s))
	}
	headers = append(headers, t("Open", "Open"), t("Totaal", "Total"))
	widths := []float64{40}
	for range len(headers) - 1 {
		widths = append(widths, 12)
	}
	l := pw.newList(sheet, t("Per eigenaar", "Per owner"),
		t("Hoeveel verbeteracties elke eigenaar trekt, per status. Open zijn de acties die niet gereed en niet afgewezen zijn. De tellingen zijn formules over het tabblad ", "How many improvement actions each owner holds, per status. Open are the actions neither done nor rejected. The counts are formulas over the sheet ")+pw.sheets.actions+
			t(": ze werken zich bij als het team eigenaar of status aanpast.", ": they update when the team changes an owner or a status."),
		headers, widths, nil, len(headers),
		&excelize.Panes{Freeze: true, XSplit: 1, YSplit: planHeaderRow, TopLeftCell: cell(2, planFirstRow), ActivePane: "bottomRight"}, false)
	owners := []string{}
	seen := map[string]bool{}
	blank := false
	for _, a := range pw.actions() {
		if a.Owner == "" {
			blank = true
			continue
		}
		if !seen[a.Owner] {
			seen[a.Owner] = true
			owners = append(owners, a.Owner)
		}
	}
	sortOwners(owners)
	rng := func(col int) string { return absRange(pw.sheets.actions, col, planFirstRow, pw.lastAction) }
	done, rejected := formulaString(plan.StatusName(pw.lang, blueprint.StatusDone)), formulaString(plan.StatusName(pw.lang, blueprint.StatusRejected))
	row := func(label, match string) {
		cells := []any{cellOf(label, st.tableBold)}
		for _, s := range statuses {
			cells = append(cells, excelize.Cell{StyleID: st.tableNumber,
				Formula: fmt.Sprintf("SUMPRODUCT((%s)*(%s=%s))", match, rng(acStatus), formulaString(plan.StatusName(pw.lang, s)))})
		}
		cells = append(cells,
			excelize.Cell{StyleID: st.tableNumber, Formula: fmt.Sprintf("SUMPRODUCT((%s)*(%s<>%s)*(%s<>%s))", match, rng(acStatus), done, rng(acStatus), rejected)},
			excelize.Cell{StyleID: st.tableNumber, Formula: fmt.Sprintf("SUMPRODUCT((%s)*(LEN(%s)>0))", match, rng(acID))})
		l.add(cells, rowHeight(15, wrapped{label, widths[0]}))
	}
	if blank {
		row(t("(zonder eigenaar)", "(no owner)"), fmt.Sprintf("LEN(%s)=0", rng(acOwner)))
	}
	for _, o := range owners {
		row(o, fmt.Sprintf("%s=%s", rng(acOwner), formulaString(o)))
	}
	first, last := planFirstRow, l.row-1
	total := []any{cellOf(t("Totaal", "Total"), st.total)}
	for c := 2; c <= len(headers); c++ {
		tc := excelize.Cell{StyleID: st.totalCenter}
		if last >= first {
			tc.Formula = fmt.Sprintf("SUM(%s:%s)", cell(c, first), cell(c, last))
		}
		total = append(total, tc)
	}
	l.add(total, 18)
	l.finish(0, 0, false, false)
}

// sortOwners sorts owner names without regard to case.
func sortOwners(xs []string) {
	slices.SortStableFunc(xs, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
}

func (pw *planWriter) metricsSheet() {
	sheet, t, st := pw.sheets.metrics, pw.t, pw.st
	headers := []string{t("Klantreis", "Journey"), t("Fase", "Phase"), t("Meetpunt", "Metric"), t("Definitie", "Definition"), t("Bron", "Source"),
		t("Norm", "Norm"), t("Laatste meting", "Last measurement"), t("Datum", "Date"), t("Oordeel", "Verdict"), t("Verloop", "Trend"), t("Verbeteracties", "Actions")}
	widths := []float64{24, 16, 26, 44, 26, 18, 13, 13, 16, 26, 22}
	l := pw.newList(sheet, t("Meetpunten", "Metrics"),
		t("De meetpunten per fase met hun norm en, waar gemeten, de laatste meting tegen de norm. Metingen schrijft u in de klantreis (meting = [{ datum = …, waarde = … }]).",
			"The metrics per phase with their norm and, where measured, the last measurement against the norm. Measurements are written in the journey (meting = [{ datum = …, waarde = … }])."),
		headers, widths, nil, len(headers),
		&excelize.Panes{Freeze: true, YSplit: planHeaderRow, TopLeftCell: cell(1, planFirstRow), ActivePane: "bottomLeft"}, false)
	for _, j := range pw.p.Journeys {
		for _, mt := range j.Metrics {
			last, date := "—", "—"
			if mt.Last != nil {
				last, date = mt.Last.Text, mt.Last.Label
			}
			hist := make([]string, len(mt.Measurements))
			for i, x := range mt.Measurements {
				hist[i] = x.Text
			}
			trend := strings.Join(hist, " → ")
			if tl := blueprint.TrendLabel(mt.Trend, pw.lang); tl != "" {
				trend += " (" + tl + ")"
			}
			acts := make([]string, len(mt.Actions))
			for i, a := range mt.Actions {
				acts[i] = a.ID
			}
			l.add([]any{cellOf(j.Title, st.cell), cellOf(mt.PhaseName, st.cell), cellOf(mt.Name, st.cell), cellOf(mt.Definition, st.cell), cellOf(mt.Source, st.cell),
				cellOf(mt.Norm, st.cell), cellOf(last, st.cellCenter), cellOf(date, st.cellCenter), cellOf(plan.VerdictName(pw.lang, mt.Verdict), st.cellCenter),
				cellOf(trend, st.cell), cellOf(strings.Join(acts, ", "), st.cell)},
				rowHeight(18, wrapped{mt.Definition, widths[3]}, wrapped{mt.Source, widths[4]}, wrapped{mt.Name, widths[2]}, wrapped{j.Title, widths[0]}, wrapped{trend, widths[9]}))
		}
	}
	pw.check(pw.f.SetConditionalFormat(sheet, fmt.Sprintf("I%d:I%d", planFirstRow, l.last()), []excelize.ConditionalFormatOptions{
		pw.highlight(plan.VerdictName(pw.lang, plan.VerdictMisses), "FFC7CE", "9C0006"), pw.highlight(plan.VerdictName(pw.lang, plan.VerdictMeets), "C6EFCE", "006100")}))
	l.finish(len(headers), 0, true, false)
}
