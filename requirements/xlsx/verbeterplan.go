package xlsx

import (
	"fmt"
	"io"
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
	f := newFile()
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
