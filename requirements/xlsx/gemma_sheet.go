package xlsx

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
	"github.com/dimpact/blueprint/requirements/gemma/coverage"
)

// GemmaSheet is the name of the PvE's sheet of GEMMA elements ×
// requirements, in both languages, and roleGemma its role in _meta.
const (
	GemmaSheet = "GEMMA"
	roleGemma  = "gemma"
)

// Colours of the GEMMA sheets: covered, only through a system, not covered.
const (
	coveredFill = "C6EFCE"
	systemFill  = "FFEB9C"
	gapFill     = "FFC7CE"
)

// gemmaStyles are the cell styles of the GEMMA sheets.
type gemmaStyles struct {
	title, note, head, headRot, group, cell, center, mark int
	covered, system, gap                                  int
}

func newGemmaStyles(f *excelize.File, check func(error)) *gemmaStyles {
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		check(err)
		return id
	}
	border := []excelize.Border{
		{Type: "left", Color: gridGrey, Style: 1}, {Type: "right", Color: gridGrey, Style: 1},
		{Type: "top", Color: gridGrey, Style: 1}, {Type: "bottom", Color: gridGrey, Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	center := &excelize.Alignment{Vertical: "center", Horizontal: "center"}
	cellFill := func(c string) int {
		return style(&excelize.Style{Border: border, Alignment: top, Fill: fill(c), Font: font(excelize.Font{})})
	}
	return &gemmaStyles{
		title:   style(&excelize.Style{Font: font(excelize.Font{Bold: true, Size: 16, Color: buyerDark}), Alignment: &excelize.Alignment{Vertical: "center"}}),
		note:    style(&excelize.Style{Font: font(excelize.Font{Italic: true, Color: textGrey}), Alignment: top}),
		head:    style(&excelize.Style{Font: font(excelize.Font{Bold: true, Color: "FFFFFF"}), Fill: fill(buyerDark), Border: border, Alignment: &excelize.Alignment{Vertical: "bottom", WrapText: true}}),
		headRot: style(&excelize.Style{Font: font(excelize.Font{Bold: true, Color: "FFFFFF", Size: 9}), Fill: fill(buyerDark), Border: border, Alignment: &excelize.Alignment{Vertical: "bottom", Horizontal: "center", TextRotation: 90}}),
		group:   style(&excelize.Style{Font: font(excelize.Font{Bold: true, Color: buyerDark}), Fill: fill(totalFill), Border: border, Alignment: top}),
		cell:    style(&excelize.Style{Border: border, Alignment: top, Font: font(excelize.Font{})}),
		center:  style(&excelize.Style{Border: border, Alignment: center, Font: font(excelize.Font{})}),
		mark:    style(&excelize.Style{Border: border, Alignment: center, Font: font(excelize.Font{Bold: true, Color: buyerDark})}),
		covered: cellFill(coveredFill),
		system:  cellFill(systemFill),
		gap:     cellFill(gapFill),
	}
}

// gemmaSheet adds the GEMMA sheet to the PvE: every GEMMA element the
// requirements name, by kind, with its Object ID and GEMMA status, and a
// column per requirement marking the ones that name it; the release is in
// the title. The status comes from the embedded GEMMA extract.
func (w *writer) gemmaSheet() {
	if len(w.res.Rows) == 0 {
		return
	}
	_, err := w.f.NewSheet(GemmaSheet)
	w.check(err)
	w.roles = append(w.roles, [2]string{GemmaSheet, roleGemma}) // not a sheet that holds answers
	st := newGemmaStyles(w.f, w.check)
	rel := w.res.Catalogue.GemmaRelease
	m := gemma.Default()
	if m.Release != rel {
		m = nil // the statuses of another release would mislead
	}
	cols, rows := gemmaMatrix(w.f, GemmaSheet, w.res.Rows, m, rel, w.lang, st, w.check)
	w.dimension(GemmaSheet, cols, rows)
	w.protect(GemmaSheet)
	w.pageSetup(GemmaSheet, 3, true)
}

// gemmaSheetLine describes the GEMMA sheet on the Toelichting sheet.
func (w *writer) gemmaSheetLine(iw *introWriter) {
	if len(w.res.Rows) > 0 {
		iw.line(GemmaSheet, w.t("De GEMMA-elementen die de eisen noemen, met hun Object ID en status, tegen de eisen: per eis een kolom.",
			"The GEMMA elements the requirements name, with their Object ID and status, against the requirements: a column per requirement."))
	}
}

// gemmaMatrix writes the elements the rows name × the rows on sheet, and
// returns the last column and row it wrote. m gives the GEMMA status (nil:
// no status column values).
func gemmaMatrix(f *excelize.File, sheet string, rows []*requirements.Row, m *gemma.Model, release string, lang blueprint.Lang, st *gemmaStyles, check func(error)) (lastCol, lastRow int) {
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	set := func(col, row int, v any, style int) {
		check(f.SetCellValue(sheet, cell(col, row), v))
		check(f.SetCellStyle(sheet, cell(col, row), cell(col, row), style))
	}
	const first = 6 // first requirement column
	if release == "" {
		release = t("onbekend", "unknown")
	}
	set(1, 1, t("GEMMA-elementen × eisen", "GEMMA elements × requirements"), st.title)
	check(f.SetRowHeight(sheet, 1, 26))
	set(1, 2, fmt.Sprintf(t("GEMMA, de referentiearchitectuur van gemeenten (VNG Realisatie), release %s. Een ● betekent dat de eis het element noemt; de status is die in GEMMA. Architecten vinden de elementen in Archi op hun Object ID.",
		"GEMMA, the reference architecture of Dutch municipalities (VNG Realisatie), release %s. A ● means that the requirement names the element; the status is GEMMA's. Architects find the elements in Archi by their Object ID."), release), st.note)
	check(f.MergeCell(sheet, cell(1, 2), cell(first-1, 2)))
	check(f.SetRowHeight(sheet, 2, 48))
	for i, h := range []string{t("GEMMA-element", "GEMMA element"), t("Soort", "Kind"), "Object ID", t("Status", "Status"), t("Eisen", "Requirements")} {
		set(i+1, 3, h, st.head)
	}
	for i, row := range rows {
		set(first+i, 3, row.Requirement.ID, st.headRot)
		check(f.SetColWidth(sheet, colName(first+i), colName(first+i), 3.6))
	}
	check(f.SetRowHeight(sheet, 3, 78))
	for c, wdt := range map[int]float64{1: 44, 2: 30, 3: 38, 4: 16, 5: 8} {
		check(f.SetColWidth(sheet, colName(c), colName(c), wdt))
	}

	// The elements, by kind, then name.
	named := map[*gemma.Element][]int{}
	var els []*gemma.Element
	for i, row := range rows {
		for _, g := range row.Gemma {
			if named[g] == nil {
				els = append(els, g)
			}
			named[g] = append(named[g], i)
		}
	}
	order := map[string]int{gemma.Component: 0, gemma.External: 1, gemma.Service: 2}
	slices.SortFunc(els, func(a, b *gemma.Element) int {
		return cmp.Or(cmp.Compare(order[a.Kind], order[b.Kind]), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ObjectID, b.ObjectID))
	})
	r := 4
	kind := ""
	for _, g := range els {
		if g.Kind != kind {
			kind = g.Kind
			set(1, r, kindPlural(g.Kind, lang), st.group)
			for c := 2; c < first+len(rows); c++ {
				set(c, r, "", st.group)
			}
			r++
		}
		status := ""
		if m != nil {
			if e := m.Element(g.ObjectID); e != nil {
				status = e.Status
			}
		}
		set(1, r, g.Name, st.cell)
		set(2, r, g.KindName(lang), st.cell)
		check(f.SetRowHeight(sheet, r, rowHeight(15, wrapped{g.Name, 44}, wrapped{g.KindName(lang), 30})))
		set(3, r, g.ObjectID, st.cell)
		set(4, r, status, st.cell)
		set(5, r, len(named[g]), st.center)
		marks := map[int]bool{}
		for _, i := range named[g] {
			marks[i] = true
		}
		for i := range rows {
			v := ""
			if marks[i] {
				v = "●"
			}
			set(first+i, r, v, st.mark)
		}
		r++
	}
	check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: first - 1, YSplit: 3, TopLeftCell: cell(first, 4), ActivePane: "bottomRight"}))
	check(f.AutoFilter(sheet, cell(1, 3)+":"+cell(first-1+len(rows), max(r-1, 3)), nil))
	check(f.SetSheetView(sheet, 0, noGrid()))
	return first - 1 + len(rows), max(r-1, 3)
}

// kindPlural names a kind of GEMMA element in the plural, for a group row.
func kindPlural(kind string, lang blueprint.Lang) string {
	switch kind {
	case gemma.Component:
		return blueprint.T(lang, "Referentiecomponenten", "Reference components")
	case gemma.External:
		return blueprint.T(lang, "Buitengemeentelijke voorzieningen", "External facilities")
	case gemma.Service:
		return blueprint.T(lang, "Applicatieservices", "Application services")
	}
	return kind
}

// printWide prints a sheet on A3 landscape, one page wide, with the first
// rows repeated on every page.
func printWide(f *excelize.File, sheet string, titleRows int, check func(error)) {
	size, orient, one, zero := 8, "landscape", 1, 0
	check(f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	yes := true
	check(f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}))
	check(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("%s!$1:$%d", quote(sheet), titleRows), Scope: sheet}))
}

// WriteCoverage writes the GEMMA coverage as a workbook: the sheet of
// components (covered, only through a system, not covered, with the
// requirements, journeys, steps and why), the elements × requirements, and
// what to check. Same input, same bytes (no dates).
func WriteCoverage(out io.Writer, r *coverage.Report) (err error) {
	f := newFile()
	defer f.Close()
	check := func(e error) {
		if e != nil && err == nil {
			err = e
		}
	}
	lang := r.Lang
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	st := newGemmaStyles(f, check)
	cover, matrix, todo := t("Dekking", "Coverage"), t("Elementen × eisen", "Elements × requirements"), t("Te controleren", "To check")
	check(f.SetSheetName("Sheet1", cover))
	for _, s := range []string{matrix, todo} {
		_, e := f.NewSheet(s)
		check(e)
	}
	set := func(sheet string, col, row int, v any, style int) {
		check(f.SetCellValue(sheet, cell(col, row), v))
		check(f.SetCellStyle(sheet, cell(col, row), cell(col, row), style))
	}

	// Coverage.
	n := r.Counts()
	set(cover, 1, 1, t("GEMMA-dekking van de klantreizen", "GEMMA coverage of the journeys"), st.title)
	check(f.SetRowHeight(cover, 1, 26))
	summary := fmt.Sprintf(t("Model: %s. %d klantreizen, %d eisen. %s; gedekt door een eis: %d; alleen via een systeem: %d; niet gedekt: %d.",
		"Model: %s. %d journeys, %d requirements. %s; covered by a requirement: %d; only through a system: %d; not covered: %d."),
		r.ModelText(), len(r.Journeys), len(r.Requirements), r.ComponentsText(), n.Covered, n.OnlySystem, n.Gaps)
	if note := r.ReleaseNote(); note != "" {
		summary += " " + note
	}
	set(cover, 1, 2, summary, st.note)
	check(f.MergeCell(cover, cell(1, 2), cell(9, 2)))
	check(f.SetRowHeight(cover, 2, 48))
	heads := []string{t("Component", "Component"), t("Soort", "Kind"), "Object ID", t("Status", "Status"), t("Dekking", "Coverage"),
		t("Eisen", "Requirements"), t("Klantreizen", "Journeys"), t("Stappen", "Steps"), t("Toelichting", "Explanation")}
	for i, h := range heads {
		set(cover, i+1, 3, h, st.head)
	}
	for c, wdt := range map[int]float64{1: 46, 2: 22, 3: 38, 4: 16, 5: 16, 6: 40, 7: 11, 8: 9, 9: 80} { // rowHeight below uses these
		check(f.SetColWidth(cover, colName(c), colName(c), wdt))
	}
	row := 4
	write := func(x *coverage.Component) {
		state, style, text := t("niet gedekt", "not covered"), st.gap, r.GapText(x)
		switch {
		case x.Covered():
			state, style, text = t("gedekt", "covered"), st.covered, r.WhyText(x.Element, x.Why)
			if len(x.Systems) > 0 {
				var sys []string
				for _, u := range x.Systems {
					sys = append(sys, u.Name(lang))
				}
				text = strings.TrimPrefix(text+"; "+t("systemen: ", "systems: ")+strings.Join(sys, ", "), "; ")
			}
		case x.OnlySystem():
			state, style = t("alleen systeem", "only system"), st.system
		}
		var ids []string
		for _, q := range x.Requirements {
			ids = append(ids, q.ID)
		}
		values := []any{x.Element.Name, x.Element.KindName(lang), x.Element.ObjectID, r.StatusText(x.Element), state, strings.Join(ids, ", "), x.Journeys, len(x.Places), text}
		for i, v := range values {
			s := st.cell
			if i == 4 {
				s = style
			} else if i == 6 || i == 7 {
				s = st.center
			}
			set(cover, i+1, row, v, s)
		}
		check(f.SetRowHeight(cover, row, rowHeight(15, wrapped{text, 80}, wrapped{strings.Join(ids, ", "), 40}, wrapped{x.Element.Name, 46}, wrapped{x.Element.KindName(lang), 22})))
		row++
	}
	for _, x := range r.Components {
		write(x)
	}
	if len(r.Outside) > 0 {
		set(cover, 1, row, t("Buiten de KCC-scope, wel genoemd", "Outside the KCC scope, but named"), st.group)
		for c := 2; c <= len(heads); c++ {
			set(cover, c, row, "", st.group)
		}
		row++
		for _, x := range r.Outside {
			write(x)
		}
	}
	check(f.SetSheetDimension(cover, "A1:"+cell(len(heads), row-1)))
	check(f.SetPanes(cover, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 3, TopLeftCell: "B4", ActivePane: "bottomRight"}))
	check(f.AutoFilter(cover, "A3:"+cell(len(heads), row-1), nil))
	check(f.SetSheetView(cover, 0, noGrid()))

	// Elements × requirements.
	mc, mr := gemmaMatrix(f, matrix, r.Requirements, r.Model, r.Release, lang, st, check)
	check(f.SetSheetDimension(matrix, "A1:"+cell(mc, mr)))

	// To check.
	set(todo, 1, 1, t("Te controleren", "To check"), st.title)
	for i, h := range []string{t("Onderwerp", "Subject"), t("Element of eis", "Element or requirement"), t("Toelichting", "Explanation")} {
		set(todo, i+1, 3, h, st.head)
	}
	for c, wdt := range map[int]float64{1: 34, 2: 44, 3: 110} {
		check(f.SetColWidth(todo, colName(c), colName(c), wdt))
	}
	row = 4
	item := func(subject, what, text string) {
		set(todo, 1, row, subject, st.cell)
		set(todo, 2, row, what, st.cell)
		set(todo, 3, row, text, st.cell)
		check(f.SetRowHeight(todo, row, rowHeight(15, wrapped{text, 110}, wrapped{what, 44})))
		row++
	}
	for _, x := range r.NotInUse {
		var ids []string
		for _, q := range x.Requirements {
			ids = append(ids, q.ID)
		}
		item(t("Status", "Status"), x.Element.Name, r.StatusText(x.Element)+" — "+strings.Join(ids, ", "))
	}
	for _, x := range r.Unmapped {
		item(t("Eis zonder GEMMA-element", "Requirement without a GEMMA element"), x.Requirement.ID+" "+x.Requirement.Title(lang), t("noemt geen element dat het model kent", "names no element the model has"))
	}
	for _, x := range r.Missing {
		item(t("Object ID onbekend", "Unknown Object ID"), x.Entry.ObjectID+" "+x.Entry.Name, r.MissingText(x))
	}
	for _, x := range r.Differs {
		item(t("Naam of soort wijkt af", "Name or kind differs"), x.Entry.ObjectID+" "+x.Entry.Name, fmt.Sprintf(t("in GEMMA: %s (%s)", "in GEMMA: %s (%s)"), x.Model.Name, x.Model.KindName(lang)))
	}
	for _, x := range r.Mismatches {
		item(t("Service niet geleverd", "Service not provided"), x.Requirement.ID+" "+x.Service.Name, r.MismatchText(x))
	}
	if row == 4 {
		item("", t("niets", "nothing"), "")
	}
	check(f.SetSheetDimension(todo, "A1:"+cell(3, row-1)))
	check(f.SetSheetView(todo, 0, noGrid()))

	printWide(f, cover, 3, check)
	printWide(f, matrix, 3, check)
	printWide(f, todo, 3, check)
	check(f.SetDocProps(&excelize.DocProperties{Title: t("GEMMA-dekking", "GEMMA coverage"), Subject: coverageSubject, Creator: "blueprint", LastModifiedBy: "blueprint", Created: NoDate, Modified: NoDate}))
	check(f.SetAppProps(&excelize.AppProperties{Application: "blueprint"}))
	f.SetActiveSheet(0)
	if err != nil {
		return err
	}
	_, err = f.WriteTo(out)
	return err
}

// IsCoverageFile reports whether the workbook at path is one WriteCoverage
// wrote (so that blueprint gemma may replace it), reading at most
// MaxWorkbookSize bytes.
func IsCoverageFile(path string) (bool, error) {
	st, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	if st.Size() > MaxWorkbookSize {
		return false, nil
	}
	f, err := excelize.OpenFile(path, options())
	if err != nil {
		return false, err
	}
	defer f.Close()
	props, err := f.GetDocProps()
	if err != nil {
		return false, err
	}
	return props.Creator == "blueprint" && props.Subject == coverageSubject, nil
}

// coverageSubject marks the coverage workbook in its document properties.
const coverageSubject = "blueprint gemma"
