package xlsx

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// traceSheet writes Traceerbaarheid with the stream writer: it is the one
// sheet that grows with the number of journeys.
func (w *writer) traceSheet() {
	if len(w.res.Journeys) <= MatrixMaxJourneys {
		w.traceMatrix()
	} else {
		w.traceList()
	}
}

// traceMatrix writes requirements × journeys: per cell the steps of that
// journey that need the requirement, with the reason.
func (w *writer) traceMatrix() {
	t, lang := w.t, w.lang
	js := w.res.Journeys
	nCols := 3 + len(js) + 1
	sw := w.startTrace(nCols, max(3+len(w.res.Rows), 4))
	if sw == nil {
		return
	}
	widths := []float64{12, 24, 16}
	for range js {
		widths = append(widths, 48)
	}
	streamColWidths(w, sw, append(widths, 34))
	w.check(sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 2, YSplit: 3, TopLeftCell: "C4", ActivePane: "bottomRight"}))
	w.check(sw.SetRow("A1", []any{excelize.Cell{StyleID: w.st.title, Value: t("Traceerbaarheid: eisen × klantreizen", "Traceability: requirements × journeys")}}, excelize.RowOpts{Height: 26}))
	w.check(sw.SetRow("A2", []any{excelize.Cell{StyleID: w.st.desc, Value: t("Per eis de stappen van elke klantreis die erom vragen, met de reden. Overig: persona's, eisen die deze eis vereisen en prioriteiten van het project.",
		"Per requirement the steps of each journey that ask for it, with the reason. Other: personas, requirements that require this one, and project priorities.")}}, excelize.RowOpts{Height: 20}))
	w.check(sw.MergeCell("A2", cell(nCols, 2)))
	head := []any{excelize.Cell{StyleID: w.st.headBuyer, Value: "ID"}, excelize.Cell{StyleID: w.st.headBuyer, Value: t("Onderwerp", "Subject")},
		excelize.Cell{StyleID: w.st.headBuyer, Value: t("Blok", "Block")}}
	for _, j := range js {
		head = append(head, excelize.Cell{StyleID: w.st.headBuyer, Value: requirements.JourneyName(j)})
	}
	head = append(head, excelize.Cell{StyleID: w.st.headBuyer, Value: t("Overig", "Other")})
	w.check(sw.SetRow("A3", head, excelize.RowOpts{Height: 32}))
	index := map[*blueprint.Journey]int{}
	for i, j := range js {
		index[j] = i
	}
	r := 4
	for _, row := range w.res.Rows {
		perJourney := make([][]string, len(js))
		var other []string
		for _, tr := range row.Traces {
			line := "• " + traceLine(tr, lang)
			if i, ok := index[tr.Journey]; ok && tr.Journey != nil {
				if !slices.Contains(perJourney[i], line) {
					perJourney[i] = append(perJourney[i], line)
				}
			} else if !slices.Contains(other, line) {
				other = append(other, line)
			}
		}
		vals := []any{excelize.Cell{StyleID: w.st.id, Value: row.Requirement.ID}, excelize.Cell{StyleID: w.st.cell, Value: row.Requirement.Title(lang)},
			excelize.Cell{StyleID: w.st.cell, Value: row.Block.SheetName(lang)}}
		h := rowHeight(30, wrapped{row.Requirement.Title(lang), 24})
		for _, lines := range perJourney {
			text := clip(strings.Join(lines, "\n"), requirements.MaxCellText)
			vals = append(vals, excelize.Cell{StyleID: w.st.cell, Value: text})
			h = max(h, rowHeight(30, wrapped{text, 48}))
		}
		text := clip(strings.Join(other, "\n"), requirements.MaxCellText)
		vals = append(vals, excelize.Cell{StyleID: w.st.cell, Value: text})
		h = max(h, rowHeight(30, wrapped{text, 34}))
		w.check(sw.SetRow(cell(1, r), vals, excelize.RowOpts{Height: h}))
		r++
	}
	w.finishTrace(sw, nCols, max(r-1, 4))
}

// streamColWidths sets the widths of a streamed sheet's columns. The
// stream writer puts each new column before the ones set earlier, and
// Excel wants them in ascending order: so the last column goes first.
func streamColWidths(w *writer, sw *excelize.StreamWriter, widths []float64) {
	for c := len(widths); c >= 1; c-- {
		w.check(sw.SetColWidth(c, c, widths[c-1]))
	}
}

// startTrace prepares the Traceerbaarheid sheet and opens its stream. The
// sheet properties and the used range go first: the stream writes them
// when it starts.
func (w *writer) startTrace(lastCol, lastRow int) *excelize.StreamWriter {
	yes := true
	w.check(w.f.SetSheetProps(w.trace, &excelize.SheetPropsOptions{FitToPage: &yes}))
	w.dimension(w.trace, lastCol, lastRow)
	sw, err := w.f.NewStreamWriter(w.trace)
	if err != nil {
		w.check(err)
		return nil
	}
	return sw
}

// finishTrace adds the autofilter and protection and ends the stream.
func (w *writer) finishTrace(sw *excelize.StreamWriter, nCols, last int) {
	sheet := w.trace
	w.check(w.f.AutoFilter(sheet, fmt.Sprintf("A3:%s%d", colName(nCols), last), nil))
	w.protect(sheet)
	w.pageSetup(sheet, 3, true)
	w.check(sw.Flush())
}

// traceLine is one place and reason in a trace cell.
func traceLine(tr *requirements.Trace, lang blueprint.Lang) string {
	var where string
	switch {
	case tr.Step != nil:
		where = tr.Step.Title
	case tr.Persona != nil:
		where = blueprint.T(lang, "persona ", "persona ") + tr.Persona.Name
	case tr.Phase != nil:
		where = blueprint.T(lang, "fase ", "phase ") + tr.Phase.Name
	}
	if where == "" {
		return tr.Reason
	}
	return where + ": " + tr.Reason
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + " …"
}
