package xlsx

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/plan"
)

// The verbeterplan workbook (WritePlan) is what an improvement team
// tracks its actions in: per action the owner, status (a drop-down),
// horizon, target date, reason and progress in yellow cells; the
// knelpunten with those no action answers first, and a column for the
// team's proposals; per owner the actions per status, as formulas that
// follow the team's edits; the metrics with their last value against the
// norm. The hidden _meta sheet says where the team's cells are and holds a
// fingerprint of what was written, so that InspectPlan can tell whether
// the team changed anything and the CLI never overwrites that without
// --force.

// PlanKind is the kind of workbook the _meta sheet of a verbeterplan names.
const PlanKind = "verbeterplan"

// The layout of the sheets of the verbeterplan: title, description,
// header, then one row per action or knelpunt.
const (
	planHeaderRow = 3
	planFirstRow  = 4
)

// Columns of the actions sheet.
const (
	acID = iota + 1
	acJourney
	acWhat
	acAnswers
	acEffect
	acOwner
	acStatus
	acHorizon
	acDue
	acReason
	acProgress
	acKey
	acFingerprint
	acCols = acFingerprint
)

// Columns of the knelpunten sheet.
const (
	knJourney = iota + 1
	knPlace
	knKind
	knText
	knAnswered
	knActions
	knProposal
	knKey
	knFingerprint
	knCols = knFingerprint
)

// planSheets are the sheet names of the verbeterplan in a language.
type planSheets struct{ intro, actions, knelpunten, owners, metrics string }

func planSheetNames(lang blueprint.Lang) planSheets {
	if lang == blueprint.English {
		return planSheets{"Introduction", "Actions", "Pain points", "Per owner", "Metrics"}
	}
	return planSheets{"Toelichting", "Verbeteracties", "Knelpunten", "Per eigenaar", "Meetpunten"}
}

// statusColours are the fill and font of each status in the drop-down
// column; an idea keeps the yellow of a cell to fill in.
var statusColours = map[string][2]string{
	blueprint.StatusDecided:    {"DDEBF7", "1F4E79"},
	blueprint.StatusPlanned:    {"E2EFDA", "375623"},
	blueprint.StatusInProgress: {"FFEB9C", "7F6000"},
	blueprint.StatusDone:       {"C6EFCE", "006100"},
	blueprint.StatusRejected:   {"D9D9D9", "595959"},
}

// planWriter builds the verbeterplan workbook on the PvE's writer, so that
// both share styles, page setup and the cell helpers.
type planWriter struct {
	*writer
	p      *plan.Plan
	sheets planSheets
	// lastAction and lastKnelpunt are the last rows of the two lists.
	lastAction, lastKnelpunt int
}

// WritePlan writes the verbeterplan workbook of p to out. meta gives the
// date, the tool and the source files; the same input gives the same
// bytes.
func WritePlan(out io.Writer, p *plan.Plan, meta requirements.Meta) error {
	f := excelize.NewFile()
	defer f.Close()
	lang := p.Lang.Or(blueprint.Dutch)
	w := &writer{f: f, lang: lang, meta: meta, res: &requirements.Result{Catalogue: &requirements.Catalogue{}, Lang: lang}}
	// The footer names the document where the PvE names the tender.
	w.meta.TenderID = w.t("Verbeterplan", "Improvement plan")
	w.st = newStyles(w)
	pw := &planWriter{writer: w, p: p, sheets: planSheetNames(lang)}
	w.check(f.SetSheetName("Sheet1", pw.sheets.intro))
	for _, name := range []string{pw.sheets.actions, pw.sheets.knelpunten, pw.sheets.owners, pw.sheets.metrics, MetaSheet} {
		_, err := f.NewSheet(name)
		w.check(err)
	}
	if w.err != nil {
		return w.err
	}
	pw.lastAction = max(planFirstRow+len(pw.actions())-1, planFirstRow)
	pw.lastKnelpunt = max(planFirstRow+len(pw.knelpunten())-1, planFirstRow)
	// The streamed sheet goes last: a call that walks every sheet after it
	// would read the stream back.
	pw.introSheet()
	pw.metaSheet()
	pw.document()
	pw.actionsSheet()
	pw.ownersSheet()
	pw.metricsSheet()
	pw.knelpuntenSheet()
	if w.err != nil {
		return w.err
	}
	_, err := f.WriteTo(out)
	return err
}

func (pw *planWriter) set(sheet string, col, row int, v any, style int) {
	pw.check(pw.f.SetCellValue(sheet, cell(col, row), v))
	pw.check(pw.f.SetCellStyle(sheet, cell(col, row), cell(col, row), style))
}

// list is a list sheet: title, description, header, then one row per
// item. The sheet that grows most with the journeys (the knelpunten) is
// written as a stream; the others cell by cell, because excelize writes
// several streams in a random order and the bytes must be the same on
// every run.
type list struct {
	pw    *planWriter
	sheet string
	sw    *excelize.StreamWriter // nil when written cell by cell
	row   int
}

// newList starts a list sheet (streamed when stream is set) and writes
// its title, its description and its header, with the team's columns in
// the vendor's amber and the columns after lastVisible hidden.
func (pw *planWriter) newList(sheet, title, desc string, headers []string, widths []float64, team map[int]bool, lastVisible int, panes *excelize.Panes, stream bool) *list {
	// What a stream writes before the rows goes first.
	yes := true
	pw.check(pw.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}))
	pw.check(pw.f.SetSheetView(sheet, 0, noGrid()))
	l := &list{pw: pw, sheet: sheet, row: 1}
	if stream {
		sw, err := pw.f.NewStreamWriter(sheet)
		if err != nil {
			pw.check(err)
			return nil
		}
		l.sw = sw
		streamColWidths(pw.writer, sw, widths)
		if lastVisible < len(widths) {
			pw.check(sw.SetColVisible(lastVisible+1, len(widths), false))
		}
		pw.check(sw.SetPanes(panes))
	} else {
		for i, wd := range widths {
			pw.check(pw.f.SetColWidth(sheet, colName(i+1), colName(i+1), wd))
		}
		if lastVisible < len(widths) {
			pw.check(pw.f.SetColVisible(sheet, colName(lastVisible+1)+":"+colName(len(widths)), false))
		}
		pw.check(pw.f.SetPanes(sheet, panes))
	}
	l.add([]any{excelize.Cell{StyleID: pw.st.title, Value: title}}, 26)
	total := 0.0
	for _, wd := range widths[:lastVisible] {
		total += wd
	}
	l.add([]any{excelize.Cell{StyleID: pw.st.desc, Value: desc}}, rowHeight(20, wrapped{desc, total}))
	if l.sw != nil {
		pw.check(l.sw.MergeCell(cell(1, 2), cell(lastVisible, 2)))
	} else {
		pw.check(pw.f.MergeCell(sheet, cell(1, 2), cell(lastVisible, 2)))
	}
	head := make([]any, len(headers))
	for i, h := range headers {
		style := pw.st.tableHead
		switch {
		case team[i+1]:
			style = pw.st.headVendor
		case i+1 > lastVisible:
			style = pw.st.hidden
		}
		head[i] = excelize.Cell{StyleID: style, Value: h}
	}
	l.add(head, 32)
	return l
}

// add writes the next row: cells are excelize.Cell values.
func (l *list) add(cells []any, height float64) {
	if l == nil {
		return
	}
	if l.sw != nil {
		l.pw.check(l.sw.SetRow(cell(1, l.row), cells, excelize.RowOpts{Height: height}))
		l.row++
		return
	}
	f := l.pw.f
	for i, v := range cells {
		c, ref := v.(excelize.Cell), cell(i+1, l.row)
		switch {
		case c.Formula != "":
			l.pw.check(f.SetCellFormula(l.sheet, ref, c.Formula))
		case c.Value != nil:
			l.pw.check(f.SetCellValue(l.sheet, ref, c.Value))
		}
		l.pw.check(f.SetCellStyle(l.sheet, ref, ref, c.StyleID))
	}
	l.pw.check(f.SetRowHeight(l.sheet, l.row, height))
	l.row++
}

// last is the last row of the list (the first row when it is empty).
func (l *list) last() int { return max(l.row-1, planFirstRow) }

// finish adds the filter over the columns up to filterCol, protects and
// sets up the page, and ends the stream.
func (l *list) finish(filterCol, printCol int, a3, team bool) {
	if l == nil {
		return
	}
	pw := l.pw
	if filterCol > 0 {
		pw.check(pw.f.AutoFilter(l.sheet, fmt.Sprintf("A%d:%s%d", planHeaderRow, colName(filterCol), l.last()), nil))
	}
	if team {
		pw.protectPlan(l.sheet)
	} else {
		pw.protect(l.sheet)
	}
	pw.pageSetup(l.sheet, planHeaderRow, a3)
	if printCol > 0 {
		pw.printArea(l.sheet, printCol, l.last())
	}
	if l.sw != nil {
		pw.check(l.sw.Flush())
	}
}

// cellOf is a cell of a streamed row.
func cellOf(v any, style int) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }

// protectPlan locks a sheet but lets the team sort, filter, insert rows
// and resize; only the yellow cells take input.
func (pw *planWriter) protectPlan(sheet string) {
	pw.check(pw.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		Password:            pw.meta.Password,
		SelectLockedCells:   true,
		SelectUnlockedCells: true,
		AutoFilter:          true,
		Sort:                true,
		InsertRows:          true,
		FormatColumns:       true,
		FormatRows:          true,
	}))
}

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

func (pw *planWriter) introSheet() {
	sheet, t, p := pw.sheets.intro, pw.t, pw.p
	iw := &introWriter{w: pw.writer, sheet: sheet, row: 1}
	for i, width := range introWidths {
		c := colName(i + 1)
		pw.check(pw.f.SetColWidth(sheet, c, c, width))
	}
	title := t("Verbeterplan", "Improvement plan")
	if p.Organisation != "" {
		title += " – " + p.Organisation
	}
	iw.set(1, title, pw.st.title)
	iw.height(28)
	iw.row++
	if len(p.Municipalities) > 0 {
		iw.set(1, strings.Join(p.Municipalities, ", "), pw.st.subtitle)
		pw.check(pw.f.MergeCell(sheet, cell(1, iw.row), cell(4, iw.row)))
		iw.height(18)
		iw.row++
	}
	iw.row++
	c := p.Counts
	iw.line(t("Klantreizen", "Journeys"), fmt.Sprintf("%d", len(p.Journeys)))
	iw.line(t("Knelpunten", "Pain points"), fmt.Sprintf(t("%d, waarvan %d zonder verbeteractie en %d opgelost", "%d, of which %d without an action and %d solved"), c.Knelpunten, c.Unanswered, c.Solved))
	var st []string
	for _, s := range c.ByStatus {
		st = append(st, fmt.Sprintf("%d %s", s.Count, plan.StatusName(pw.lang, s.Status)))
	}
	iw.line(t("Verbeteracties", "Improvement actions"), fmt.Sprintf("%d", c.Actions)+dashJoin(st))
	total := 0
	for _, j := range p.Journeys {
		total += len(j.Metrics)
	}
	iw.line(t("Meetpunten", "Metrics"), fmt.Sprintf(t("%d, waarvan %d met metingen", "%d, of which %d measured"), total, len(p.Measured)))
	if pw.meta.Date != "" {
		iw.line(t("Datum", "Date"), pw.meta.Date)
	}
	if pw.meta.SourceHash != "" {
		iw.line(t("Broncontrole (SHA-256)", "Source check (SHA-256)"), pw.meta.SourceHash)
	}
	if pw.meta.Tool != "" {
		iw.line(t("Gemaakt met", "Made with"), pw.meta.Tool)
	}

	iw.heading(t("Zo werkt het verbeterteam met deze werkmap", "How the improvement team uses this workbook"))
	steps := []string{
		t("Op het tabblad "+pw.sheets.knelpunten+" staan eerst de knelpunten waar nog geen verbeteractie op ingaat. Bespreek ze, en noteer een voorstel in de gele kolom.",
			"The sheet "+pw.sheets.knelpunten+" starts with the pain points no improvement action answers yet. Discuss them, and write a proposal in the yellow column."),
		t("Op het tabblad "+pw.sheets.actions+" houdt het team per actie de eigenaar, de status en de horizon (uit de lijst), de streefdatum, de reden of het besluit en de voortgang bij. Alleen de gele cellen zijn te bewerken; sorteren en filteren kan.",
			"On the sheet "+pw.sheets.actions+" the team keeps, per action, the owner, the status and the horizon (from the list), the target date, the reason or decision and the progress. Only the yellow cells can be edited; sorting and filtering work."),
		t("Het tabblad "+pw.sheets.owners+" telt per eigenaar de acties per status en werkt zich bij terwijl het team de status aanpast.",
			"The sheet "+pw.sheets.owners+" counts the actions per owner and status and updates as the team changes statuses."),
		t("Het tabblad "+pw.sheets.metrics+" zet de laatste meting van elk meetpunt tegen de norm.",
			"The sheet "+pw.sheets.metrics+" sets the last measurement of each metric against its norm."),
		t("De klantreizen blijven de bron. Neem besluiten over in het reisbestand (status, reden, streefdatum) en maak de werkmap opnieuw met blueprint verbeterplan. Een werkmap waarin het team iets heeft gewijzigd, overschrijft blueprint alleen met --force.",
			"The journeys remain the source. Copy decisions into the journey file (status, reason, target date) and make the workbook again with blueprint verbeterplan. blueprint overwrites a workbook the team has changed only with --force."),
	}
	for i, s := range steps {
		iw.line(fmt.Sprintf("%d.", i+1), s)
	}

	iw.heading(t("Statussen", "Statuses"))
	iw.tableRow([]any{t("Status", "Status"), t("Betekenis", "Meaning"), "", ""}, []int{pw.st.tableHead, pw.st.tableHead, pw.st.text, pw.st.text}, false)
	for _, s := range blueprint.ImprovementStatuses() {
		iw.tableRow([]any{plan.StatusName(pw.lang, s), plan.StatusMeaning(pw.lang, s), "", ""}, []int{pw.st.tableBold, pw.st.tableCell, pw.st.text, pw.st.text}, false)
	}
	iw.heading(t("Horizon", "Horizon"))
	iw.tableRow([]any{t("Horizon", "Horizon"), t("Betekenis", "Meaning"), "", ""}, []int{pw.st.tableHead, pw.st.tableHead, pw.st.text, pw.st.text}, false)
	for _, h := range blueprint.ImprovementHorizons() {
		iw.tableRow([]any{plan.HorizonName(pw.lang, h), plan.HorizonMeaning(pw.lang, h), "", ""}, []int{pw.st.tableBold, pw.st.tableCell, pw.st.text, pw.st.text}, false)
	}
	iw.heading(t("Wat telt als knelpunt?", "What counts as a pain point?"))
	iw.para(t("Een knelpunt bij een stap (knelpunten = […]); een stap met een faalpunt, een lange wachttijd (een week of langer, of twee minuten of langer in de wachtrij van telefoon, chat of balie), een emotie van −1 of lager, of een herhaalcontact; en een knelpunt van een medewerkerspersona. Een verbeteractie beantwoordt een knelpunt als zij het noemt (knelpunten, stappen, persona_knelpunten of een effect op de stap) en niet is afgewezen; het knelpunt is opgelost als zo'n actie gereed is.",
		"A pain point at a step (knelpunten = […]); a step with a fail point, a long wait (a week or longer, or two minutes or longer in the queue of telephone, chat or desk), an emotion of −1 or lower, or a repeat contact; and a pain point of an employee persona. An improvement action answers a pain point when it names it (knelpunten, stappen, persona_knelpunten or an effect on the step) and is not rejected; the pain point is solved when such an action is done."))
	if len(p.Rejected) > 0 {
		iw.heading(t("Afgewezen verbeteracties", "Rejected improvement actions"))
		for _, a := range p.Rejected {
			iw.line(a.ID, a.What+" — "+t("reden: ", "reason: ")+a.Reason)
		}
	}
	pw.protect(sheet)
	pw.pageSetup(sheet, 0, false)
	pw.check(pw.f.SetSheetView(sheet, 0, noGrid()))
}

func dashJoin(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return ": " + strings.Join(xs, ", ")
}

// metaSheet records what InspectPlan needs: the kind, and where the
// team's cells and their fingerprints are.
func (pw *planWriter) metaSheet() {
	f, sheet := pw.f, MetaSheet
	r := 1
	put := func(key string, vals ...any) {
		pw.check(f.SetCellValue(sheet, cell(1, r), key))
		for i, v := range vals {
			pw.check(f.SetCellValue(sheet, cell(i+2, r), v))
		}
		r++
	}
	// Not "schema_version": Inspect (of a PvE) must not take this
	// workbook for one.
	put("kind", PlanKind)
	put("plan_schema_version", plan.SchemaVersion)
	put("generator", pw.meta.Tool)
	put("date", pw.meta.Date)
	put("language", string(pw.lang))
	put("source_hash", pw.meta.SourceHash)
	for _, name := range pw.meta.Files {
		put("source_file", name)
	}
	put("journeys", len(pw.p.Journeys))
	put("team_cells", pw.sheets.actions, planFirstRow, pw.lastAction, colName(acFingerprint),
		strings.Join([]string{colName(acOwner), colName(acStatus), colName(acHorizon), colName(acDue), colName(acReason), colName(acProgress)}, ","))
	put("team_cells", pw.sheets.knelpunten, planFirstRow, pw.lastKnelpunt, colName(knFingerprint), colName(knProposal))
	pw.check(f.SetColWidth(sheet, "A", "A", 18))
	pw.check(f.SetColWidth(sheet, "B", "F", 24))
	pw.protect(sheet)
	pw.check(f.SetSheetVisible(sheet, false))
}

func (pw *planWriter) document() {
	date := NoDate
	if pw.meta.Date != "" {
		date = pw.meta.Date + "T00:00:00Z"
	}
	title := pw.t("Verbeterplan", "Improvement plan")
	if pw.p.Organisation != "" {
		title += " – " + pw.p.Organisation
	}
	pw.check(pw.f.SetDocProps(&excelize.DocProperties{
		Title: title, Creator: "blueprint", LastModifiedBy: "blueprint",
		Description: pw.t("Bronhash (SHA-256) van de klantreizen: ", "Source hash (SHA-256) of the journeys: ") + pw.meta.SourceHash,
		Keywords:    "verbeterplan; klantreizen; KCC",
		Language:    map[blueprint.Lang]string{blueprint.Dutch: "nl-NL", blueprint.English: "en-GB"}[pw.lang],
		Created:     date, Modified: date,
	}))
	pw.check(pw.f.SetAppProps(&excelize.AppProperties{Application: "blueprint", Company: pw.p.Organisation}))
	yes := true
	pw.check(pw.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &yes}))
	pw.f.SetActiveSheet(0)
}

// dueTime is the day a target date stands for: the day, or the last day
// of a month.
func dueTime(d blueprint.Date) (time.Time, bool) {
	if d.IsZero() {
		return time.Time{}, false
	}
	if d.Day == 0 {
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC), true
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), true
}

// excelSerial is the serial number of a day in a spreadsheet (1900 date
// system): what a date cell holds.
func excelSerial(t time.Time) int {
	return int(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// PlanInfo is what InspectPlan found in a workbook.
type PlanInfo struct {
	// Ours is true when the workbook is a verbeterplan written by WritePlan.
	Ours bool
	// Edited counts the rows where the team changed or added something in
	// its cells (and a sheet that is gone or cannot be checked counts as
	// one); Sheets names the sheets they are on.
	Edited int
	Sheets []string
}

// planLimits are the limits of reading a verbeterplan back: those of a
// PvE, but all the rows a sheet can hold, because the Knelpunten sheet of
// a national collection has a quarter of a million.
var planLimits = func() Limits {
	l := DefaultLimits
	l.Rows = excelize.TotalRows
	return l
}()

// InspectPlanFile inspects the workbook at path (see InspectPlan).
func InspectPlanFile(path string) (*PlanInfo, error) { return inspectPath(path, InspectPlan) }

// inspectPath opens the file at path and inspects it with inspect.
func inspectPath[T any](path string, inspect func(io.ReaderAt, int64) (T, error)) (T, error) {
	var zero T
	fh, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return zero, err
	}
	return inspect(fh, st.Size())
}

// InspectPlan reads a workbook of size bytes with ReadBook (untrusted:
// sizes, parts and rows limited, panics turned into errors) and reports
// whether it is a verbeterplan written by WritePlan and in how many rows
// the team changed its cells. It fails closed: a sheet that is gone or
// could not be read counts as changed.
func InspectPlan(r io.ReaderAt, size int64) (*PlanInfo, error) {
	book, err := ReadBook("", r, size, planLimits)
	if err != nil {
		return nil, &InspectError{err}
	}
	info := &PlanInfo{}
	meta := book.Sheet(MetaSheet)
	if meta == nil {
		return info, nil
	}
	type team struct {
		sheet       string
		first, last int
		fp          int
		cols        []int
	}
	var teams []team
	for _, row := range meta.Rows {
		val := func(i int) string { return strings.TrimSpace(row.At(i + 1).Text) }
		switch val(0) {
		case "kind":
			info.Ours = val(1) == PlanKind
		case "team_cells":
			first, err1 := strconv.Atoi(val(2))
			last, err2 := strconv.Atoi(val(3))
			fp, err3 := excelize.ColumnNameToNumber(val(4))
			if err1 != nil || err2 != nil || err3 != nil {
				continue
			}
			tm := team{sheet: row.At(2).Text, first: first, last: last, fp: fp}
			for _, c := range strings.Split(val(5), ",") {
				if n, err := excelize.ColumnNameToNumber(c); err == nil {
					tm.cols = append(tm.cols, n)
				}
			}
			teams = append(teams, tm)
		}
	}
	if !info.Ours {
		return info, nil
	}
	for _, tm := range teams {
		s := book.Sheet(tm.sheet)
		n := 0
		if s == nil || !s.Read || s.TooManyRows {
			n = 1
		} else {
			for _, row := range s.Rows {
				if row.Num < tm.first {
					continue
				}
				vals := make([]string, len(tm.cols))
				filled := false
				for k, c := range tm.cols {
					cell := row.At(c)
					vals[k] = strings.TrimSpace(cell.Text)
					filled = filled || !cell.IsEmpty()
				}
				fp := strings.TrimSpace(row.At(tm.fp).Text)
				if (fp == "" && filled) || (fp != "" && fp != requirements.FingerprintCells(vals)) {
					n++
				}
			}
		}
		if n > 0 {
			info.Edited += n
			info.Sheets = append(info.Sheets, tm.sheet)
		}
	}
	return info, nil
}
