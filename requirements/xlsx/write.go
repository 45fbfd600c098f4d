package xlsx

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// MatrixMaxJourneys is the largest number of journeys for which the
// Traceerbaarheid sheet is a matrix (one column per journey). With more
// journeys it lists one line per requirement and place instead.
const MatrixMaxJourneys = 30

// NoDate is the document date written when Meta.Date is empty: a fixed
// value (the ZIP epoch), so that the same input gives the same bytes.
const NoDate = "1980-01-01T00:00:00Z"

// blockSheet is a block's sheet and the rows on it.
type blockSheet struct {
	name  string
	block *requirements.Block
	rows  []*requirements.Row
	first int // first requirement row
	last  int // last requirement row (first when there are none)
}

// writer builds one workbook. The first error of excelize is kept and
// returned at the end, so the building code stays readable.
type writer struct {
	f     *excelize.File
	res   *requirements.Result
	meta  requirements.Meta
	lang  blueprint.Lang
	st    *styles
	err   error
	intro string
	trace string
	summ  string
	price string

	method *requirements.Method
	carry  *Carry
	blocks []*blockSheet
	// roles lists every sheet with its role, for the _meta sheet.
	roles [][2]string
	// journeys numbers the journeys for the traceability list, and
	// traceCount delivers the number of its lines (traceListLines),
	// counted while the other sheets are written.
	journeys   *journeyIndex
	traceCount <-chan int
}

func (w *writer) check(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

func (w *writer) t(nl, en string) string { return blueprint.T(w.lang, nl, en) }

// Write writes the PvE workbook of res to out.
func Write(out io.Writer, res *requirements.Result, meta requirements.Meta) error {
	return WriteCarried(out, res, meta, nil)
}

// WriteCarried writes the PvE workbook of res to out with the answers
// carry brings from an earlier version (blueprint matrix --carry-answers):
// answers to unchanged requirements filled in, changed ones flagged for
// re-answering, and a Wijzigingen sheet. A nil carry is Write.
func WriteCarried(out io.Writer, res *requirements.Result, meta requirements.Meta, carry *Carry) error {
	f := newFile()
	defer f.Close()
	w := &writer{f: f, res: res, meta: meta, lang: res.Lang.Or(blueprint.Dutch), carry: carry}
	w.method = meta.Method
	if w.method == nil {
		w.method = requirements.DefaultMethod(res.Catalogue, res.Rows)
	}
	if len(res.Journeys) > MatrixMaxJourneys {
		index, count := newJourneyIndex(res.Journeys), make(chan int, 1)
		go func() { count <- traceListLines(res, index) }()
		w.journeys, w.traceCount = index, count
	}
	w.intro, w.trace, w.summ = sheetNames(w.lang)
	w.price = priceSheetName(w.lang)
	w.st = newStyles(w)
	w.plan()
	w.check(f.SetSheetName("Sheet1", w.intro))
	w.roles = append(w.roles, [2]string{w.intro, roleIntro})
	for _, b := range w.blocks {
		_, err := f.NewSheet(b.name)
		w.check(err)
		w.roles = append(w.roles, [2]string{b.name, roleBlock})
	}
	w.gemmaSheet() // GEMMA elements × requirements, after the blocks (gemma_sheet.go)
	fixed := [][2]string{{w.price, rolePrice}, {w.trace, roleTrace}, {w.summ, roleSummary}}
	if carry != nil {
		fixed = append(fixed, [2]string{changesSheetName(w.lang), roleChanges})
	}
	fixed = append(fixed, [2]string{MetaSheet, roleMeta})
	for _, s := range fixed {
		_, err := f.NewSheet(s[0])
		w.check(err)
		w.roles = append(w.roles, s)
	}
	if w.err != nil {
		return w.err
	}
	w.introSheet()
	for _, b := range w.blocks {
		w.blockSheet(b)
	}
	w.priceSheet()
	w.summarySheet()
	if carry != nil {
		w.changesSheet()
	}
	w.metaSheet()
	w.document()
	// The streamed sheet goes last: a call that walks all sheets after it
	// (hiding one, say) would read the whole stream back.
	w.traceSheet()
	if w.err != nil {
		return w.err
	}
	_, err := f.WriteTo(out)
	return err
}

// plan assigns the rows to the block sheets.
func (w *writer) plan() {
	for _, b := range w.res.Catalogue.Blocks {
		bs := &blockSheet{name: b.SheetName(w.lang), block: b, first: firstRow}
		for _, row := range w.res.Rows {
			if row.Block == b {
				bs.rows = append(bs.rows, row)
			}
		}
		bs.last = firstRow + max(len(bs.rows), 1) - 1
		w.blocks = append(w.blocks, bs)
	}
}

// document sets the workbook-wide settings: properties, calculation on
// load, structure protection, the first sheet active.
func (w *writer) document() {
	date := NoDate
	if w.meta.Date != "" {
		date = w.meta.Date + "T00:00:00Z"
	}
	title := w.t("Programma van Eisen", "Programme of Requirements") + " – " + w.res.Catalogue.Title(w.lang)
	w.check(w.f.SetDocProps(&excelize.DocProperties{
		Title:          title,
		Subject:        w.meta.TenderID,
		Creator:        "blueprint",
		LastModifiedBy: "blueprint",
		Description:    w.t("Bronhash (SHA-256) van de klantreizen: ", "Source hash (SHA-256) of the journeys: ") + w.meta.SourceHash,
		Keywords:       "PvE; KCC; klantreizen; GEMMA",
		Version:        w.meta.Version,
		Language:       map[blueprint.Lang]string{blueprint.Dutch: "nl-NL", blueprint.English: "en-GB"}[w.lang],
		Created:        date,
		Modified:       date,
	}))
	w.check(w.f.SetAppProps(&excelize.AppProperties{Application: "blueprint", Company: w.meta.Organisation}))
	yes := true
	w.check(w.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &yes}))
	w.check(w.f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}))
	w.f.SetActiveSheet(0)
}

// protect protects a sheet: the vendor can select cells, filter, and
// resize rows and columns, but change only unlocked cells.
func (w *writer) protect(sheet string) {
	w.check(w.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		Password:            w.meta.Password,
		SelectLockedCells:   true,
		SelectUnlockedCells: true,
		AutoFilter:          true,
		FormatColumns:       true,
		FormatRows:          true,
	}))
}

// pageSetup prints a sheet on A3 landscape, one page wide, with the header
// rows repeated and the sheet name and page number in the footer.
func (w *writer) pageSetup(sheet string, titleRows int, a3 bool) {
	size, orient, one, zero := 9, "landscape", 1, 0 // 9 = A4
	if a3 {
		size = 8
	}
	w.check(w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	yes := true
	w.check(w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}))
	footer := "&L&8" + escapeHF(w.footerTender()) + "&C&8&A&R&8" + w.t("Pagina &P van &N", "Page &P of &N")
	w.check(w.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: footer}))
	if titleRows > 0 {
		w.check(w.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("%s!$1:$%d", quote(sheet), titleRows), Scope: sheet,
		}))
	}
}

// footerTender is the left part of the footer: the tender and the
// version of the PvE.
func (w *writer) footerTender() string {
	var parts []string
	if w.meta.TenderID != "" {
		parts = append(parts, w.meta.TenderID)
	}
	if w.meta.Version != "" {
		parts = append(parts, w.t("versie ", "version ")+w.meta.Version)
	}
	return strings.Join(parts, " – ")
}

func escapeHF(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// dimension writes the used range of a sheet (<dimension ref>), which
// streaming readers such as openpyxl in read-only mode rely on; excelize
// leaves it at A1.
func (w *writer) dimension(sheet string, lastCol, lastRow int) {
	w.check(w.f.SetSheetDimension(sheet, "A1:"+cell(max(lastCol, 1), max(lastRow, 1))))
}

// quote quotes a sheet name for a formula.
func quote(sheet string) string { return "'" + strings.ReplaceAll(sheet, "'", "''") + "'" }

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// absRange is an absolute range of one column on another sheet, for
// formulas: '1 Klantgeleiding'!$K$4:$K$12.
func absRange(sheet string, col, first, last int) string {
	c := colName(col)
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", quote(sheet), c, first, c, last)
}

// rowHeight estimates the height in points a row needs to show its wrapped
// texts: spreadsheets do not fit rows to wrapped text written by a library.
func rowHeight(min float64, cells ...struct {
	text  string
	width float64
}) float64 {
	lines := 1
	for _, c := range cells {
		n := 0
		for _, para := range strings.Split(c.text, "\n") {
			per := math.Max(1, c.width*1.15-1)
			n += int(math.Max(1, math.Ceil(float64(utf8.RuneCountInString(para))/per)))
		}
		lines = max(lines, n)
	}
	return math.Min(409, math.Max(min, float64(lines)*14.5+4))
}

type wrapped = struct {
	text  string
	width float64
}

// percent formats a factor as a percentage, with a decimal comma in
// Dutch.
func (w *writer) percent(f float64) string {
	s := strconv.FormatFloat(math.Round(f*1000)/10, 'f', -1, 64)
	if w.lang != blueprint.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + "%"
}

// formulaNumber writes a number for a formula (always with a dot).
func formulaNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// formulaString quotes text for a formula.
func formulaString(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
