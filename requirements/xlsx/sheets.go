package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

func noGrid() *excelize.ViewOptions {
	no := false
	return &excelize.ViewOptions{ShowGridLines: &no}
}

// blockSheet writes one block: title, description, header, a row per
// requirement with the vendor's columns and the hidden technical columns.
func (w *writer) blockSheet(b *blockSheet) {
	f, sheet, lang := w.f, b.name, w.lang
	for c := 1; c <= numCols; c++ {
		w.check(f.SetColWidth(sheet, colName(c), colName(c), colWidths[c]))
	}
	set := func(c, r int, v any, style int) {
		w.check(f.SetCellValue(sheet, cell(c, r), v))
		w.check(f.SetCellStyle(sheet, cell(c, r), cell(c, r), style))
	}
	title := fmt.Sprintf(w.t("Blok %d – %s", "Block %d – %s"), b.block.Number, b.block.Name(lang))
	set(colID, titleRow, title, w.st.title)
	w.check(f.SetRowHeight(sheet, titleRow, 26))
	desc := b.block.Explanation(lang)
	set(colID, descRow, desc, w.st.desc)
	w.check(f.MergeCell(sheet, cell(colID, descRow), cell(colVerification, descRow)))
	set(colAnswer, descRow, w.t("In te vullen door de inschrijver", "To be filled in by the tenderer"), w.st.band)
	w.check(f.MergeCell(sheet, cell(colAnswer, descRow), cell(colEvidence, descRow)))
	w.check(f.SetRowHeight(sheet, descRow, rowHeight(20, wrapped{desc, 200})))
	for i, h := range headers(lang) {
		style := w.st.headBuyer
		if c := i + 1; c >= colAnswer && c <= colEvidence {
			style = w.st.headVendor
		} else if c > lastVisible {
			style = w.st.hidden
		}
		set(i+1, headerRow, h, style)
	}
	w.check(f.SetRowHeight(sheet, headerRow, 32))

	answers := w.res.Catalogue.Answers
	wish := requirements.KindName(lang, blueprint.KindScored)
	ko := requirements.KindName(lang, blueprint.KindKO)
	for i, row := range b.rows {
		r := b.first + i
		cells := requirements.BuyerCells(row, lang)
		for c := colID; c <= colVerification; c++ {
			style := w.st.cell
			switch c {
			case colID:
				style = w.st.id
			case colKind, colMoSCoW, colVerification:
				style = w.st.cellCenter
				if c == colKind && row.Kind == blueprint.KindKO {
					style = w.st.cellKO
				}
			case colWeight:
				style = w.st.cellCenter
			}
			var v any = cells[c-1]
			if c == colWeight && row.Kind != blueprint.KindKO {
				v = row.Weight
			}
			set(c, r, v, style)
		}
		for c := colAnswer; c <= colEvidence; c++ {
			style := w.st.vendor
			if c == colRoadmap {
				style = w.st.vendorDate
			}
			w.check(f.SetCellStyle(sheet, cell(c, r), cell(c, r), style))
		}
		changed := w.carryRow(sheet, r, row)
		set(colRowKey, r, row.Requirement.ID, w.st.hidden)
		set(colFingerprint, r, requirements.FingerprintCells(cells), w.st.hidden)
		set(colGemmaIDs, r, requirements.GemmaIDs(row), w.st.hidden)
		A := func(c int) string { return fmt.Sprintf("$%s%d", colName(c), r) }
		// Points: weight × factor of the answer, for a scored requirement.
		var factor strings.Builder
		for _, a := range answers {
			fa, _ := w.method.Factor(a.Code)
			fmt.Fprintf(&factor, "IF(%s=%s,%s,", A(colAnswer), formulaString(a.Name(lang)), formulaNumber(fa))
		}
		factor.WriteString("0" + strings.Repeat(")", len(answers)))
		w.formula(sheet, cell(colPoints, r), fmt.Sprintf("IF(%s=%s,%s*%s,0)", A(colKind), formulaString(wish), A(colWeight), factor.String()))
		// KO not met: a knock-out answered with an answer that does not meet it.
		var okList, anyList []string
		for _, a := range answers {
			test := fmt.Sprintf("%s=%s", A(colAnswer), formulaString(a.Name(lang)))
			anyList = append(anyList, test)
			if w.method.MeetsKO(a.Code) {
				okList = append(okList, test)
			}
		}
		if len(okList) == 0 {
			okList = []string{"FALSE"}
		}
		// LEN rather than ="" : spreadsheets differ in how an empty cell
		// compares with "".
		w.formula(sheet, cell(colKOFailed, r), fmt.Sprintf(`IF(AND(%s=%s,LEN(%s)>0),IF(OR(%s),0,1),0)`,
			A(colKind), formulaString(ko), A(colAnswer), strings.Join(okList, ",")))
		w.formula(sheet, cell(colKOOpen, r), fmt.Sprintf(`IF(AND(%s=%s,LEN(%s)=0),1,0)`, A(colKind), formulaString(ko), A(colAnswer)))
		// Check: a visible flag for an answer that is not one of the list
		// (typed or pasted past the drop-down), a roadmap without a date,
		// and a requirement changed since the answers were carried over.
		empty := `""`
		if changed {
			empty = formulaString(w.t("gewijzigd: opnieuw beantwoorden", "changed: answer again"))
		}
		roadmapTest := "FALSE"
		for _, a := range answers {
			if a.Code == requirements.RoadmapCode {
				roadmapTest = fmt.Sprintf("AND(%s=%s,LEN(%s)=0)", A(colAnswer), formulaString(a.Name(lang)), A(colRoadmap))
			}
		}
		w.formula(sheet, cell(colCheck, r), fmt.Sprintf(`IF(ISERROR(%s),%s,IF(LEN(%s)=0,%s,IF(OR(%s),IF(%s,%s,""),%s)))`,
			A(colAnswer), formulaString(w.invalidAnswer()), A(colAnswer), empty, strings.Join(anyList, ","),
			roadmapTest, formulaString(w.invalidDate()), formulaString(w.invalidAnswer())))
		prefix := w.invalidPrefix()
		w.formula(sheet, cell(colInvalid, r), fmt.Sprintf(`IF(LEFT(%s,%d)=%s,1,0)`, A(colCheck), len(prefix), formulaString(prefix)))
		w.check(f.SetCellStyle(sheet, cell(colCheck, r), cell(colCheck, r), w.st.check))
		for _, c := range []int{colPoints, colKOFailed, colKOOpen, colInvalid} {
			w.check(f.SetCellStyle(sheet, cell(c, r), cell(c, r), w.st.hidden))
		}
		h := rowHeight(45,
			wrapped{cells[colTitle-1], colWidths[colTitle]}, wrapped{cells[colText-1], colWidths[colText]},
			wrapped{cells[colRationale-1], colWidths[colRationale]}, wrapped{cells[colSource-1], colWidths[colSource]},
			wrapped{cells[colGemma-1], colWidths[colGemma]})
		w.check(f.SetRowHeight(sheet, r, h))
	}
	if len(b.rows) == 0 {
		set(colID, firstRow, w.t("Geen eisen: geen klantreis vraagt om dit blok.", "No requirements: no journey asks for this block."), w.st.desc)
		w.check(f.MergeCell(sheet, cell(colID, firstRow), cell(colVerification, firstRow)))
	}
	last := b.last
	vendorRange := fmt.Sprintf("%s%d:%s%d", colName(colAnswer), b.first, colName(colAnswer), last)
	if len(b.rows) > 0 {
		// The answer list, with the meaning one click away.
		dv := excelize.NewDataValidation(true)
		dv.Sqref = vendorRange
		var names []string
		for _, a := range answers {
			names = append(names, a.Name(lang))
		}
		w.check(dv.SetDropList(names))
		dv.SetInput(w.t("Antwoord", "Answer"), w.t("Kies een antwoord uit de lijst; de betekenis staat op het tabblad ", "Choose an answer from the list; the meaning is on the sheet ")+w.intro+".")
		dv.SetError(excelize.DataValidationErrorStyleStop, w.t("Ongeldig antwoord", "Invalid answer"),
			w.t("Kies een antwoord uit de lijst.", "Choose an answer from the list."))
		w.check(f.AddDataValidation(sheet, dv))
		// The roadmap date: a real date between 2000 and 2099.
		dd := excelize.NewDataValidation(true)
		dd.Sqref = fmt.Sprintf("%s%d:%s%d", colName(colRoadmap), b.first, colName(colRoadmap), last)
		w.check(dd.SetRange(36526, 73415, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
		dd.SetError(excelize.DataValidationErrorStyleStop, w.t("Ongeldige datum", "Invalid date"),
			w.t("Vul een datum in, zoals 01-10-2027.", "Fill in a date, such as 2027-10-01."))
		w.check(f.AddDataValidation(sheet, dd))
		// A colour per answer.
		var cf []excelize.ConditionalFormatOptions
		for i, a := range answers {
			style := w.st.answer[i]
			cf = append(cf, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Format: &style, Value: formulaString(a.Name(lang))})
		}
		w.check(f.SetConditionalFormat(sheet, vendorRange, cf))
		flag := w.st.flag
		checkRange := fmt.Sprintf("%s%d:%s%d", colName(colCheck), b.first, colName(colCheck), last)
		w.check(f.SetConditionalFormat(sheet, checkRange, []excelize.ConditionalFormatOptions{
			{Type: "formula", Criteria: fmt.Sprintf("LEN($%s%d)>0", colName(colCheck), b.first), Format: &flag}}))
		w.check(f.AutoFilter(sheet, fmt.Sprintf("A%d:%s%d", headerRow, colName(lastVisible), last), nil))
	}
	w.check(f.SetColVisible(sheet, fmt.Sprintf("%s:%s", colName(colRowKey), colName(numCols)), false))
	w.check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: colTitle, YSplit: headerRow,
		TopLeftCell: cell(colTitle+1, firstRow), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: cell(colAnswer, firstRow), ActiveCell: cell(colAnswer, firstRow), Pane: "bottomRight"}}}))
	w.protect(sheet)
	w.pageSetup(sheet, headerRow, true)
	w.check(f.SetSheetView(sheet, 0, noGrid()))
	w.dimension(sheet, numCols, last)
}

// The texts of the Check column. invalidPrefix starts both invalid ones,
// so that the hidden invalid column can count them.
func (w *writer) invalidPrefix() string { return w.t("ongeldig", "invalid") }
func (w *writer) invalidAnswer() string {
	return w.t("ongeldig antwoord: kies uit de lijst", "invalid answer: choose from the list")
}
func (w *writer) invalidDate() string {
	return w.t("ongeldig: roadmap-datum ontbreekt", "invalid: roadmap date missing")
}

func (w *writer) formula(sheet, c, formula string) {
	w.check(w.f.SetCellFormula(sheet, c, formula))
}

// summarySheet writes the counts per block as formulas on the block sheets.
func (w *writer) summarySheet() {
	f, sheet, t := w.f, w.summ, w.t
	answers := w.res.Catalogue.Answers
	set := func(c, r int, v any, style int) {
		w.check(f.SetCellValue(sheet, cell(c, r), v))
		w.check(f.SetCellStyle(sheet, cell(c, r), cell(c, r), style))
	}
	set(1, 1, t("Samenvatting: indicatieve zelfcontrole", "Summary: indicative self-check"), w.st.title)
	w.check(f.SetRowHeight(sheet, 1, 26))
	desc := t("Voor de inschrijver, tijdens het invullen: deze tellingen zijn formules over dit bestand en werken zich bij terwijl u invult. "+
		"Ze rekenen met soort, gewicht en antwoorden zoals ze in dit bestand staan. De score die telt, berekent de aanbestedende dienst "+
		"met de eigen, ongewijzigde Programma van Eisen (blueprint compare); zie de Toelichting. Ongeldig telt antwoorden die niet uit de lijst komen.",
		"For the tenderer, while filling in: these counts are formulas over this file and update as you fill in. "+
			"They use the kind, weight and answers as they are in this file. The score that counts is calculated by the contracting authority "+
			"from its own, unchanged Programme of Requirements (blueprint compare); see the Introduction. Invalid counts answers that are not from the list.")
	set(1, 2, desc, w.st.desc)
	w.check(f.MergeCell(sheet, "A2", cell(12, 2)))
	w.check(f.SetRowHeight(sheet, 2, rowHeight(30, wrapped{desc, 24 + 11*13})))
	head := []string{t("Blok", "Block"), t("Eisen (knock-out)", "Knock-out"), t("Wensen", "Scored"), t("Totaal", "Total"),
		t("Beantwoord", "Answered"), t("Onbeantwoord", "Unanswered"), t("Ongeldig", "Invalid")}
	for _, a := range answers {
		head = append(head, a.Name(w.lang))
	}
	head = append(head, t("Eisen niet voldaan", "Knock-outs not met"), t("Eisen open", "Knock-outs open"),
		t("Punten", "Points"), t("Maximum", "Maximum"), t("Score", "Score"))
	const hr = 4
	for i, h := range head {
		set(i+1, hr, h, w.st.tableHead)
	}
	w.check(f.SetRowHeight(sheet, hr, 45))
	nAns := len(answers)
	// column positions in the summary
	cAnswered, cUnanswered, cInvalid := 5, 6, 7
	cFirstAns := 8
	cKOFailed := cFirstAns + nAns
	cKOOpen, cPoints, cMax, cScore := cKOFailed+1, cKOFailed+2, cKOFailed+3, cKOFailed+4
	r := hr + 1
	wish := formulaString(requirements.KindName(w.lang, blueprint.KindScored))
	ko := formulaString(requirements.KindName(w.lang, blueprint.KindKO))
	for _, b := range w.blocks {
		rng := func(col int) string { return absRange(b.name, col, b.first, b.last) }
		set(1, r, b.name, w.st.textBold)
		w.formula(sheet, cell(2, r), fmt.Sprintf("COUNTIF(%s,%s)", rng(colKind), ko))
		w.formula(sheet, cell(3, r), fmt.Sprintf("COUNTIF(%s,%s)", rng(colKind), wish))
		w.formula(sheet, cell(4, r), fmt.Sprintf("%s+%s", cell(2, r), cell(3, r)))
		w.formula(sheet, cell(cAnswered, r), fmt.Sprintf("COUNTA(%s)", rng(colAnswer)))
		w.formula(sheet, cell(cUnanswered, r), fmt.Sprintf("%s-%s", cell(4, r), cell(cAnswered, r)))
		w.formula(sheet, cell(cInvalid, r), fmt.Sprintf("SUM(%s)", rng(colInvalid)))
		for i, a := range answers {
			w.formula(sheet, cell(cFirstAns+i, r), fmt.Sprintf("COUNTIF(%s,%s)", rng(colAnswer), formulaString(a.Name(w.lang))))
		}
		w.formula(sheet, cell(cKOFailed, r), fmt.Sprintf("SUM(%s)", rng(colKOFailed)))
		w.formula(sheet, cell(cKOOpen, r), fmt.Sprintf("SUM(%s)", rng(colKOOpen)))
		w.formula(sheet, cell(cPoints, r), fmt.Sprintf("SUM(%s)", rng(colPoints)))
		w.formula(sheet, cell(cMax, r), fmt.Sprintf("SUMIF(%s,%s,%s)", rng(colKind), wish, rng(colWeight)))
		w.formula(sheet, cell(cScore, r), fmt.Sprintf("IF(%s=0,0,%s/%s)", cell(cMax, r), cell(cPoints, r), cell(cMax, r)))
		for c := 2; c <= cScore; c++ {
			style := w.st.tableNumber
			switch c {
			case cScore:
				style = w.st.tablePct
			case cPoints, cMax:
				style = w.st.tablePoints
			}
			w.check(f.SetCellStyle(sheet, cell(c, r), cell(c, r), style))
		}
		r++
	}
	first, last := hr+1, r-1
	set(1, r, t("Totaal", "Total"), w.st.total)
	for c := 2; c < cScore; c++ {
		w.formula(sheet, cell(c, r), fmt.Sprintf("SUM(%s:%s)", cell(c, first), cell(c, last)))
		style := w.st.totalCenter
		if c == cPoints || c == cMax {
			style = w.st.totalPoints
		}
		w.check(f.SetCellStyle(sheet, cell(c, r), cell(c, r), style))
	}
	w.formula(sheet, cell(cScore, r), fmt.Sprintf("IF(%s=0,0,%s/%s)", cell(cMax, r), cell(cPoints, r), cell(cMax, r)))
	w.check(f.SetCellStyle(sheet, cell(cScore, r), cell(cScore, r), w.st.totalPct))
	total := r
	r += 2
	set(1, r, t("Knock-outs", "Knock-outs"), w.st.label)
	w.formula(sheet, cell(2, r), fmt.Sprintf(`IF(%s>0,%s,IF(%s>0,%s,%s))`,
		cell(cKOFailed, total), formulaString(t("Niet voldaan: de inschrijving voldoet niet aan alle eisen", "Not met: the tender does not meet every knock-out requirement")),
		cell(cKOOpen, total), formulaString(t("Nog niet alle eisen beantwoord", "Not every knock-out requirement answered yet")),
		formulaString(t("Alle eisen voldaan", "All knock-out requirements met"))))
	w.check(f.SetCellStyle(sheet, cell(2, r), cell(2, r), w.st.textBold))
	w.check(f.MergeCell(sheet, cell(2, r), cell(8, r)))
	r++
	set(1, r, t("Score wensen", "Score"), w.st.label)
	w.formula(sheet, cell(2, r), fmt.Sprintf("%s", cell(cScore, total)))
	w.check(f.SetCellStyle(sheet, cell(2, r), cell(2, r), w.st.tablePct))
	r++
	set(1, r, t("Ongeldige antwoorden", "Invalid answers"), w.st.label)
	w.formula(sheet, cell(2, r), fmt.Sprintf(`IF(%s>0,%s&%s&%s,%s)`, cell(cInvalid, total), formulaString(t("Let op: ", "Note: ")), cell(cInvalid, total),
		formulaString(t(" antwoorden komen niet uit de lijst; zie de kolom Controle", " answers are not from the list; see the Check column")),
		formulaString(t("Geen", "None"))))
	w.check(f.SetCellStyle(sheet, cell(2, r), cell(2, r), w.st.textBold))
	w.check(f.MergeCell(sheet, cell(2, r), cell(8, r)))

	w.check(f.SetColWidth(sheet, "A", "A", 24))
	w.check(f.SetColWidth(sheet, colName(2), colName(cScore), 13))
	w.check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: hr, TopLeftCell: cell(2, hr+1), ActivePane: "bottomRight"}))
	w.protect(sheet)
	w.pageSetup(sheet, hr, false)
	w.check(f.SetSheetView(sheet, 0, noGrid()))
	w.dimension(sheet, cScore, r)
}

// metaSheet writes the hidden metadata the importer of vendor answers uses.
func (w *writer) metaSheet() {
	f, sheet := w.f, MetaSheet
	r := 1
	put := func(key string, vals ...any) {
		w.check(f.SetCellValue(sheet, cell(1, r), key))
		for i, v := range vals {
			w.check(f.SetCellValue(sheet, cell(i+2, r), v))
		}
		r++
	}
	cat := w.res.Catalogue
	put("schema_version", requirements.SchemaVersion)
	put("generator", w.meta.Tool)
	put("tender_id", w.meta.TenderID)
	put("tender_version", w.meta.Version)
	put("date", w.meta.Date)
	put("language", string(w.lang))
	put("catalogue", cat.Title(w.lang), cat.Version)
	put("gemma_release", cat.GemmaRelease)
	put("source_hash", w.meta.SourceHash)
	put("journeys", len(w.res.Journeys))
	for _, name := range w.meta.Files {
		put("source_file", name)
	}
	put("header_row", headerRow)
	var cols []any
	for c := colID; c <= numCols; c++ {
		cols = append(cols, columnKeys[c], colName(c))
	}
	put("columns", cols...)
	for _, a := range cat.Answers {
		fa, _ := w.method.Factor(a.Code)
		put("answer", a.Code, a.Name(w.lang), fa, w.method.MeetsKO(a.Code))
	}
	for _, b := range w.blocks {
		put("block_sheet", b.name, b.block.Code, b.first, b.first+len(b.rows)-1, len(b.rows))
	}
	for _, s := range w.roles {
		put("sheet", s[0], s[1])
	}
	put("price_sheet", w.price, colName(priceValueCol))
	for _, p := range priceLines {
		put("price_row", p.key, p.row)
	}
	codes := make([]string, len(cat.Answers))
	for i, a := range cat.Answers {
		codes[i] = a.Code
	}
	put("method", string(w.method.TOML(codes)))
	w.check(f.SetColWidth(sheet, "A", "A", 18))
	w.check(f.SetColWidth(sheet, "B", "H", 24))
	w.protect(sheet)
	w.check(f.SetSheetVisible(sheet, false))
	w.dimension(sheet, 2*numCols+1, r-1)
}
