package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/compare"
)

// ComparisonGenerator is what the _meta sheet of a comparison workbook
// says made it, so that compare recognises its own output.
const ComparisonGenerator = "blueprint compare"

// maxRadarParties is the most parties a radar chart shows; more lines
// cannot be told apart.
const maxRadarParties = 5

// cmpWriter builds the comparison workbook.
type cmpWriter struct {
	*writer
	cr *compare.Result
}

// WriteComparison writes the comparison workbook of a compare.Result:
// Vergelijking (blocks × parties with a colour scale, a bar chart of the
// totals and, for at most five parties, a radar of the block scores),
// Detail (requirement × party), Gevoeligheid, Importverslag, and each
// party's answers verbatim. Vendor text is written as text: never a
// formula, never a hyperlink.
func WriteComparison(out io.Writer, cr *compare.Result) error {
	f := newFile()
	defer f.Close()
	lang := cr.Lang.Or(blueprint.Dutch)
	w := &cmpWriter{writer: &writer{f: f, lang: lang, res: &requirements.Result{Catalogue: &requirements.Catalogue{}}}, cr: cr}
	w.meta = requirements.Meta{TenderID: cr.Master.Meta.TenderID, Version: cr.Master.Meta.Version}
	w.st = newStyles(w.writer)
	t := w.t
	names := []string{t("Vergelijking", "Comparison"), "Detail", t("Gevoeligheid", "Sensitivity"), t("Importverslag", "Import report")}
	w.check(f.SetSheetName("Sheet1", names[0]))
	for _, n := range names[1:] {
		_, err := f.NewSheet(n)
		w.check(err)
	}
	answerSheets := w.answerSheetNames()
	for _, n := range answerSheets {
		_, err := f.NewSheet(n)
		w.check(err)
	}
	_, err := f.NewSheet(MetaSheet)
	w.check(err)
	if w.err != nil {
		return w.err
	}
	w.overview(names[0])
	w.detail(names[1])
	w.sensitivitySheet(names[2])
	w.importReport(names[3])
	for i, p := range cr.Parties {
		w.answers(answerSheets[i], p)
	}
	w.comparisonMeta()
	date := NoDate
	if d := cr.Master.Meta.Date; d != "" {
		date = d + "T00:00:00Z"
	}
	w.check(f.SetDocProps(&excelize.DocProperties{Title: t("Vergelijking van de inschrijvingen", "Comparison of the tenders"), Subject: w.meta.TenderID,
		Creator: "blueprint", LastModifiedBy: "blueprint", Created: date, Modified: date}))
	w.check(f.SetAppProps(&excelize.AppProperties{Application: "blueprint"}))
	f.SetActiveSheet(0)
	if w.err != nil {
		return w.err
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return err
	}
	data, err := sortContentTypes(b.Bytes())
	if err != nil {
		return err
	}
	_, err = out.Write(data)
	return err
}

var defaultType = regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`)

// sortContentTypes puts the <Default> entries of [Content_Types].xml in a
// fixed order: excelize adds the image types of a drawing from a map, in
// a different order on every run, and the same input must give the same
// bytes.
func sortContentTypes(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, zf := range zr.File {
		if zf.Name != "[Content_Types].xml" {
			if err := zw.Copy(zf); err != nil {
				return nil, err
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		x, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		defs := defaultType.FindAll(x, -1)
		sort.Slice(defs, func(i, j int) bool { return bytes.Compare(defs[i], defs[j]) < 0 })
		i := 0
		x = defaultType.ReplaceAllFunc(x, func([]byte) []byte { i++; return defs[i-1] })
		hdr := zf.FileHeader
		w, err := zw.CreateHeader(&hdr)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(x); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// answerSheetNames names the sheets of the verbatim answers, one per
// party, unique and valid.
func (w *cmpWriter) answerSheetNames() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range w.cr.Parties {
		base := requirements.SheetName(w.t("Antwoorden ", "Answers ") + p.Label)
		name := base
		for i := 2; seen[strings.ToLower(name)]; i++ {
			suffix := fmt.Sprintf(" (%d)", i)
			name = requirements.SheetName(string([]rune(base)[:min(len([]rune(base)), 31-len(suffix))]) + suffix)
		}
		seen[strings.ToLower(name)] = true
		out = append(out, name)
	}
	return out
}

func (w *cmpWriter) set(sheet string, c, r int, v any, style int) {
	ref := cell(c, r)
	if s, ok := v.(string); ok {
		w.check(w.f.SetCellStr(sheet, ref, s))
	} else {
		w.check(w.f.SetCellValue(sheet, ref, v))
	}
	w.check(w.f.SetCellStyle(sheet, ref, ref, style))
}

// overview writes the Vergelijking sheet.
func (w *cmpWriter) overview(sheet string) {
	cr, t, lang := w.cr, w.t, w.lang
	me, m := cr.Method, cr.Master
	ps := cr.Parties
	n := len(ps)
	w.check(w.f.SetColWidth(sheet, "A", "A", 34))
	if n > 0 {
		w.check(w.f.SetColWidth(sheet, "B", colName(n+1), 18))
	}
	title := t("Vergelijking van de inschrijvingen", "Comparison of the tenders")
	if m.Meta.TenderID != "" {
		title += " – " + m.Meta.TenderID
	}
	w.set(sheet, 1, 1, title, w.st.title)
	w.check(w.f.SetRowHeight(sheet, 1, 26))
	desc := fmt.Sprintf(t("PvE versie %s. Methode: %s. Scores 0–100 per blok; rangorde volgens de gepubliceerde beslisregels. Uitgesloten inschrijvingen staan achteraan, met de reden.",
		"PvE version %s. Method: %s. Scores 0–100 per block; ranking by the published tie-breaks. Excluded tenders come last, with the reason."),
		orDash(m.Meta.Version), compare.MethodName(me, lang))
	if len(cr.Deviations) > 0 {
		desc += t(" LET OP: de toegepaste methode wijkt af van de gepubliceerde (zie het beoordelingsverslag).", " NOTE: the applied method differs from the published one (see the assessment report).")
	}
	w.set(sheet, 1, 2, desc, w.st.desc)
	w.check(w.f.MergeCell(sheet, "A2", cell(max(n+1, 6), 2)))
	w.check(w.f.SetRowHeight(sheet, 2, rowHeight(30, wrapped{desc, 34 + 18*float64(max(n, 3))})))
	const hr = 4
	w.set(sheet, 1, hr, t("Blok", "Block"), w.st.tableHead)
	for i, p := range ps {
		w.set(sheet, i+2, hr, p.Label, w.st.tableHead)
	}
	w.check(w.f.SetRowHeight(sheet, hr, 32))
	r := hr + 1
	firstBlock := r
	for bi, b := range m.Blocks {
		w.set(sheet, 1, r, b.Sheet, w.st.tableBold)
		for i, p := range ps {
			bs := p.Blocks[bi]
			if bs.Scored {
				w.set(sheet, i+2, r, math.Round(bs.Score*100)/100, w.st.tableNumber2)
			} else {
				w.set(sheet, i+2, r, "—", w.st.tableCenter)
			}
		}
		r++
	}
	lastBlock := r - 1
	if n > 0 {
		w.check(w.f.SetConditionalFormat(sheet, fmt.Sprintf("B%d:%s%d", firstBlock, colName(n+1), lastBlock), []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=", MinType: "num", MinValue: "0", MidType: "num", MidValue: "50", MaxType: "num", MaxValue: "100",
			MinColor: "#F8696B", MidColor: "#FFEB84", MaxColor: "#63BE7B"}}))
	}
	line := func(label string, style int, val func(p *compare.Party) any) int {
		w.set(sheet, 1, r, label, w.st.total)
		for i, p := range ps {
			w.set(sheet, i+2, r, val(p), style)
		}
		r++
		return r - 1
	}
	num := func(x float64) float64 { return me.Round(x) }
	line(t("Kwaliteitsscore", "Quality score"), w.st.totalNumber2, func(p *compare.Party) any { return num(p.Quality) })
	line(t("Totale prijs", "Total price"), w.st.totalMoney, func(p *compare.Party) any { return p.Price })
	var totalRow int
	if me.Kind == requirements.MethodValue {
		line(t("Fictieve korting", "Fictitious discount"), w.st.totalMoney, func(p *compare.Party) any { return p.Discount })
		totalRow = line(t("Beoordelingsprijs", "Assessment price"), w.st.totalMoney, func(p *compare.Party) any { return p.AssessPrice })
	} else {
		line(t("Prijsscore", "Price score"), w.st.totalNumber2, func(p *compare.Party) any { return p.PriceScore })
		totalRow = line(t("Totaalscore", "Total score"), w.st.totalNumber2, func(p *compare.Party) any { return p.Total })
	}
	line(t("Eisen voldaan", "Knock-outs met"), w.st.totalCenter, func(p *compare.Party) any { return fmt.Sprintf("%d/%d", p.KOMet, p.KOTotal) })
	line(t("Rang", "Rank"), w.st.totalCenter, func(p *compare.Party) any { return p.RankText(lang) })
	line(t("Status", "Status"), w.st.totalCenter, func(p *compare.Party) any { return p.Status(lang) })
	reasonRow := line(t("Reden van uitsluiting", "Reason for exclusion"), w.st.tableCell, func(p *compare.Party) any { return strings.Join(p.Reasons, "\n") })
	h := 15.0
	for _, p := range ps {
		h = max(h, rowHeight(15, wrapped{strings.Join(p.Reasons, "\n"), 18}))
	}
	w.check(w.f.SetRowHeight(sheet, reasonRow, h))
	// The charts show the admitted parties only (they come first): an
	// excluded tender's score is for information, not for the award.
	na := len(cr.Admitted())
	if na > 0 {
		q := quote(sheet)
		cats := fmt.Sprintf("%s!$B$%d:$%s$%d", q, hr, colName(na+1), hr)
		chartRow := r + 1
		w.check(w.f.InsertPageBreak(sheet, cell(1, chartRow)))
		label := w.cell(sheet, 1, totalRow) + t(" (toegelaten inschrijvingen)", " (admitted tenders)")
		w.set(sheet, 1, chartRow, label, w.st.heading)
		bar := &excelize.Chart{
			Type:      excelize.Col,
			Series:    []excelize.ChartSeries{{Name: fmt.Sprintf("%s!$A$%d", q, totalRow), Categories: cats, Values: fmt.Sprintf("%s!$B$%d:$%s$%d", q, totalRow, colName(na+1), totalRow), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{buyerDark}}}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: label}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true},
			Dimension: excelize.ChartDimension{Width: 480, Height: 340},
			XAxis:     excelize.ChartAxis{Font: excelize.Font{Color: textGrey, Size: 9}},
			YAxis:     excelize.ChartAxis{Font: excelize.Font{Color: textGrey, Size: 9}, MajorGridLines: true},
		}
		w.check(w.f.AddChart(sheet, cell(1, chartRow+1), bar))
		if na <= maxRadarParties {
			var series []excelize.ChartSeries
			for i := 0; i < na; i++ {
				c := colName(i + 2)
				series = append(series, excelize.ChartSeries{Name: fmt.Sprintf("%s!$%s$%d", q, c, hr), Categories: fmt.Sprintf("%s!$A$%d:$A$%d", q, firstBlock, lastBlock),
					Values: fmt.Sprintf("%s!$%s$%d:$%s$%d", q, c, firstBlock, c, lastBlock), Line: excelize.LineOptions{Width: 2.25}})
			}
			zero, hundred := 0.0, 100.0
			radar := &excelize.Chart{
				Type: excelize.Radar, Series: series,
				Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: t("Score per blok (toegelaten inschrijvingen)", "Score per block (admitted tenders)")}}},
				Legend:    excelize.ChartLegend{Position: "bottom"},
				XAxis:     excelize.ChartAxis{Font: excelize.Font{Color: textGrey, Size: 9}},
				YAxis:     excelize.ChartAxis{Minimum: &zero, Maximum: &hundred, MajorUnit: 25, Font: excelize.Font{Color: textGrey, Size: 8}},
				Dimension: excelize.ChartDimension{Width: 520, Height: 340},
			}
			w.check(w.f.AddChart(sheet, cell(max(na+3, 4), chartRow+1), radar))
		}
		r = chartRow + 24
	}
	w.check(w.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: hr, TopLeftCell: cell(2, hr+1), ActivePane: "bottomRight"}))
	w.pageSetup(sheet, 0, false)
	w.check(w.f.SetSheetView(sheet, 0, noGrid()))
	w.dimension(sheet, n+1, r)
}

// cell reads back a cell's text (a label written above).
func (w *cmpWriter) cell(sheet string, c, r int) string {
	v, _ := w.f.GetCellValue(sheet, cell(c, r))
	return v
}

// detail writes requirement × party.
func (w *cmpWriter) detail(sheet string) {
	cr, t := w.cr, w.t
	m, ps := cr.Master, cr.Parties
	widths := []float64{12, 8, 36, 8, 8}
	for i, wd := range widths {
		w.check(w.f.SetColWidth(sheet, colName(i+1), colName(i+1), wd))
	}
	w.set(sheet, 1, 1, t("Detail: antwoord en punten per eis en wens", "Detail: answer and points per requirement"), w.st.title)
	w.check(w.f.SetRowHeight(sheet, 1, 26))
	const hr = 3
	head := []string{"ID", t("Blok", "Block"), t("Onderwerp", "Subject"), t("Soort", "Kind"), t("Gewicht", "Weight")}
	for _, p := range ps {
		head = append(head, p.Label, t("Punten", "Points"))
	}
	for i, h := range head {
		w.set(sheet, i+1, hr, h, w.st.tableHead)
	}
	for i := range ps {
		w.check(w.f.SetColWidth(sheet, colName(6+2*i), colName(6+2*i), 22))
		w.check(w.f.SetColWidth(sheet, colName(7+2*i), colName(7+2*i), 8))
	}
	w.check(w.f.SetRowHeight(sheet, hr, 32))
	r := hr + 1
	for _, req := range m.Reqs {
		var weight any = req.Weight
		if req.IsKO() {
			weight = "KO"
		}
		vals := []any{req.ID, req.Block.Code, req.Title(), req.Kind, weight}
		styles := []int{w.st.id, w.st.tableCenter, w.st.tableCell, w.st.tableCenter, w.st.tableCenter}
		for _, p := range ps {
			rs := p.Reqs[req.ID]
			name := m.AnswerName(rs.Code)
			if rs.Code == "" && rs.Invalid != "" && rs.Invalid != "empty" && rs.Invalid != "missing" {
				name = t("ongeldig", "invalid")
			}
			vals = append(vals, name)
			styles = append(styles, w.st.tableCell)
			if req.IsKO() {
				vals = append(vals, yesNoWord(rs.Meets, w.lang))
				styles = append(styles, w.st.tableCenter)
			} else {
				vals = append(vals, math.Round(rs.Points*100)/100)
				styles = append(styles, w.st.tableNumber2)
			}
		}
		for i, v := range vals {
			w.set(sheet, i+1, r, v, styles[i])
		}
		w.check(w.f.SetRowHeight(sheet, r, rowHeight(15, wrapped{req.Title(), 36})))
		r++
	}
	// The answers in the colours of the PvE.
	for i := range ps {
		c := colName(6 + 2*i)
		var cf []excelize.ConditionalFormatOptions
		for j, a := range m.Meta.Answers {
			bg, fg := answerColour(j, len(m.Meta.Answers))
			id, err := w.f.NewConditionalStyle(&excelize.Style{Fill: fill(bg), Font: font(excelize.Font{Color: fg, Bold: true})})
			w.check(err)
			cf = append(cf, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Format: &id, Value: formulaString(a.Name)})
		}
		if r > hr+1 {
			w.check(w.f.SetConditionalFormat(sheet, fmt.Sprintf("%s%d:%s%d", c, hr+1, c, r-1), cf))
		}
	}
	w.check(w.f.AutoFilter(sheet, fmt.Sprintf("A%d:%s%d", hr, colName(len(head)), max(r-1, hr+1)), nil))
	w.check(w.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: hr, TopLeftCell: cell(2, hr+1), ActivePane: "bottomRight"}))
	w.pageSetup(sheet, hr, true)
	w.check(w.f.SetSheetView(sheet, 0, noGrid()))
	w.dimension(sheet, len(head), r-1)
}

func yesNoWord(b bool, lang blueprint.Lang) string {
	if b {
		return blueprint.T(lang, "voldaan", "met")
	}
	return blueprint.T(lang, "niet voldaan", "not met")
}

// sensitivitySheet writes the Gevoeligheid sheet.
func (w *cmpWriter) sensitivitySheet(sheet string) {
	cr, t, lang := w.cr, w.t, w.lang
	// The first table sets the widths of six columns; the table of the
	// requirements that make the difference has a column per party, so
	// the columns after those six are as wide as an answer's name.
	widths := []float64{40, 26, 40, 40, 26, 30}
	for len(widths) < 1+len(cr.Parties) {
		widths = append(widths, 26)
	}
	for i, wd := range widths {
		w.check(w.f.SetColWidth(sheet, colName(i+1), colName(i+1), wd))
	}
	w.set(sheet, 1, 1, t("Gevoeligheid van de rangorde", "Sensitivity of the ranking"), w.st.title)
	w.check(w.f.SetRowHeight(sheet, 1, 26))
	desc := t("Per weging: de rangorde van de toegelaten inschrijvingen bij een lagere en een hogere waarde (de andere blokken houden hun onderlinge verhouding), en de waarde waarbij een andere inschrijving op de eerste plaats zou komen.",
		"Per weight: the ranking of the admitted tenders at a lower and a higher value (the other blocks keep their proportions), and the value at which another tender would come first.")
	w.set(sheet, 1, 2, desc, w.st.desc)
	w.check(w.f.MergeCell(sheet, "A2", "F2"))
	w.check(w.f.SetRowHeight(sheet, 2, rowHeight(30, wrapped{desc, 170})))
	head := []string{t("Weging", "Weight"), t("Toegepast", "Applied"), t("Rangorde bij lager", "Ranking lower"), t("Rangorde bij hoger", "Ranking higher"),
		t("Verandert?", "Changes?"), t("Eerste plaats wisselt bij", "First place changes at")}
	r := 4
	for i, h := range head {
		w.set(sheet, i+1, r, h, w.st.tableHead)
	}
	r++
	for _, s := range cr.Sensitivity {
		vals := []string{s.Name, paramText(s, s.Base, lang),
			paramText(s, s.Lo, lang) + ": " + strings.Join(s.RankLo, ", "), paramText(s, s.Hi, lang) + ": " + strings.Join(s.RankHi, ", "),
			yesNoText(s.Changes, lang), flipLine(s, lang)}
		for i, v := range vals {
			w.set(sheet, i+1, r, v, w.st.tableCell)
		}
		w.check(w.f.SetRowHeight(sheet, r, rowHeight(15, wrapped{vals[2], 44}, wrapped{vals[3], 44})))
		r++
	}
	if len(cr.Sensitivity) == 0 {
		w.set(sheet, 1, r, t("Geen toegelaten inschrijvingen om te vergelijken.", "No admitted tenders to compare."), w.st.desc)
		r++
	}
	r++
	w.set(sheet, 1, r, t("Eisen en wensen die het verschil maken", "Requirements that make the difference"), w.st.heading)
	r++
	head2 := []string{t("Eis of wens", "Requirement")}
	for _, p := range cr.Parties {
		head2 = append(head2, p.Label)
	}
	for i, h := range head2 {
		w.set(sheet, i+1, r, h, w.st.tableHead)
	}
	w.check(w.f.SetRowHeight(sheet, r, 32))
	r++
	for _, s := range cr.Separating {
		vals := []string{s.Req.ID + " " + s.Req.Title()}
		for _, code := range s.Codes {
			vals = append(vals, cr.Master.AnswerName(code))
		}
		cells := make([]wrapped, len(vals))
		for i, v := range vals {
			w.set(sheet, i+1, r, v, w.st.tableCell)
			cells[i] = wrapped{v, widths[i]}
		}
		w.check(w.f.SetRowHeight(sheet, r, rowHeight(15, cells...)))
		r++
	}
	w.pageSetup(sheet, 0, false)
	w.check(w.f.SetSheetView(sheet, 0, noGrid()))
	w.dimension(sheet, max(len(head), len(head2)), r-1)
}

func paramText(s *compare.Param, x float64, lang blueprint.Lang) string {
	if s.Unit == "×" {
		return compare.Number(x, 2, lang) + "×"
	}
	return compare.Number(x, 1, lang) + " %"
}

func yesNoText(b bool, lang blueprint.Lang) string {
	if b {
		return blueprint.T(lang, "ja", "yes")
	}
	return blueprint.T(lang, "nee", "no")
}

func flipLine(s *compare.Param, lang blueprint.Lang) string {
	if math.IsNaN(s.FlipAt) {
		return blueprint.T(lang, "nergens tussen ", "nowhere between ") + paramText(s, s.Min, lang) + blueprint.T(lang, " en ", " and ") + paramText(s, s.Max, lang)
	}
	return paramText(s, s.FlipAt, lang) + " → " + s.FlipTo
}

// importReport writes every finding of every file.
func (w *cmpWriter) importReport(sheet string) {
	cr, t := w.cr, w.t
	for i, wd := range []float64{22, 24, 12, 34, 20, 70, 50} {
		w.check(w.f.SetColWidth(sheet, colName(i+1), colName(i+1), wd))
	}
	w.set(sheet, 1, 1, t("Importverslag", "Import report"), w.st.title)
	w.check(w.f.SetRowHeight(sheet, 1, 26))
	head := []string{t("Inschrijver", "Tenderer"), t("Bestand", "File"), t("Ernst", "Severity"), t("Plaats", "Place"), "Code", t("Bevinding", "Finding"), t("Toelichting", "Hint")}
	const hr = 3
	for i, h := range head {
		w.set(sheet, i+1, hr, h, w.st.tableHead)
	}
	r := hr + 1
	type entry struct {
		label string
		resp  *compare.Response
	}
	var all []entry
	for _, p := range cr.Parties {
		all = append(all, entry{p.Label, p.Response})
	}
	for _, u := range cr.Unreadable {
		all = append(all, entry{t("(niet gelezen)", "(not read)"), u})
	}
	for _, e := range all {
		if len(e.resp.Findings) == 0 {
			vals := []string{e.label, e.resp.File, "", "", "", t("Geen bevindingen.", "No findings."), ""}
			for i, v := range vals {
				w.set(sheet, i+1, r, v, w.st.tableCell)
			}
			w.check(w.f.SetRowHeight(sheet, r, rowHeight(15, wrapped{e.label, 22}, wrapped{e.resp.File, 24})))
			r++
			continue
		}
		for _, d := range e.resp.Findings {
			vals := []string{e.label, e.resp.File, d.Severity.Word(w.lang), d.Pos.String(), d.Code, d.Summary, d.Detail}
			for i, v := range vals {
				style := w.st.tableCell
				if i == 2 && d.Severity == blueprint.Error {
					style = w.st.cellKO
				}
				w.set(sheet, i+1, r, v, style)
			}
			w.check(w.f.SetRowHeight(sheet, r, rowHeight(15, wrapped{e.label, 22}, wrapped{d.Pos.String(), 34}, wrapped{d.Summary, 70}, wrapped{d.Detail, 50})))
			r++
		}
	}
	w.check(w.f.AutoFilter(sheet, fmt.Sprintf("A%d:G%d", hr, max(r-1, hr+1)), nil))
	w.check(w.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: hr, TopLeftCell: cell(1, hr+1), ActivePane: "bottomLeft"}))
	w.pageSetup(sheet, hr, true)
	w.check(w.f.SetSheetView(sheet, 0, noGrid()))
	w.dimension(sheet, len(head), r-1)
}

// answers writes one party's answers verbatim, as text.
func (w *cmpWriter) answers(sheet string, p *compare.Party) {
	cr, t := w.cr, w.t
	for i, wd := range []float64{12, 30, 24, 13, 60, 40} {
		w.check(w.f.SetColWidth(sheet, colName(i+1), colName(i+1), wd))
	}
	w.set(sheet, 1, 1, t("Antwoorden van ", "Answers of ")+p.Label, w.st.title)
	w.check(w.f.SetRowHeight(sheet, 1, 26))
	desc := t("Zoals de inschrijver ze schreef, als tekst (bestand ", "As the tenderer wrote them, as text (file ") + p.Response.File + ")."
	w.set(sheet, 1, 2, desc, w.st.desc)
	w.check(w.f.MergeCell(sheet, "A2", "F2"))
	head := []string{"ID", t("Onderwerp", "Subject"), t("Antwoord", "Answer"), t("Roadmap-datum", "Roadmap date"), t("Toelichting leverancier", "Vendor explanation"), t("Bewijs / referentie", "Evidence / reference")}
	const hr = 3
	for i, h := range head {
		w.set(sheet, i+1, hr, h, w.st.tableHead)
	}
	r := hr + 1
	for _, req := range cr.Master.Reqs {
		vals := []string{req.ID, req.Title(), "", "", "", ""}
		if a := p.Response.Answers[req.ID]; a != nil {
			vals[2], vals[3], vals[4], vals[5] = a.Raw, a.Roadmap, a.Note, a.Evidence
		}
		for i, v := range vals {
			w.set(sheet, i+1, r, requirements.CutCell(v, w.lang), w.st.tableCell)
		}
		w.check(w.f.SetRowHeight(sheet, r, rowHeight(15, wrapped{vals[4], 60}, wrapped{vals[5], 40}, wrapped{vals[1], 30})))
		r++
	}
	w.check(w.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: hr, TopLeftCell: cell(2, hr+1), ActivePane: "bottomRight"}))
	w.pageSetup(sheet, hr, true)
	w.check(w.f.SetSheetView(sheet, 0, noGrid()))
	w.dimension(sheet, len(head), r-1)
}

// comparisonMeta writes the hidden _meta sheet of the comparison.
func (w *cmpWriter) comparisonMeta() {
	f := w.f
	rows := [][]any{{"generator", ComparisonGenerator}, {"tender_id", w.meta.TenderID}, {"tender_version", w.meta.Version}, {"method", w.cr.Method.Kind}}
	for i, row := range rows {
		for j, v := range row {
			w.check(f.SetCellValue(MetaSheet, cell(j+1, i+1), v))
		}
	}
	w.check(f.SetSheetVisible(MetaSheet, false))
	w.dimension(MetaSheet, 2, len(rows))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
