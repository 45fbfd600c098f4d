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

// maxSheetRows is the number of rows of a worksheet in Excel.
const maxSheetRows = 1048576

// traceList writes one line per requirement and journey, with the steps
// and reasons: for many journeys, where a matrix would be too wide.
func (w *writer) traceList() {
	t, lang := w.t, w.lang
	n := 0
	if w.traceCount != nil {
		n = <-w.traceCount
	} else {
		n = traceListLines(w.res)
	}
	sw := w.startTrace(6, min(max(3+n, 4), maxSheetRows))
	if sw == nil {
		return
	}
	streamColWidths(w, sw, []float64{12, 24, 40, 50, 60, 28})
	w.check(sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 3, TopLeftCell: "B4", ActivePane: "bottomRight"}))
	w.check(sw.SetRow("A1", []any{excelize.Cell{StyleID: w.st.title, Value: t("Traceerbaarheid: eisen × klantreizen", "Traceability: requirements × journeys")}}, excelize.RowOpts{Height: 26}))
	w.check(sw.SetRow("A2", []any{excelize.Cell{StyleID: w.st.desc, Value: fmt.Sprintf(t("Eén regel per eis en klantreis (%d klantreizen), met de stappen die erom vragen en de redenen; filter op ID of klantreis.",
		"One line per requirement and journey (%d journeys), with the steps that ask for it and the reasons; filter by ID or journey."), len(w.res.Journeys))}}, excelize.RowOpts{Height: 20}))
	w.check(sw.MergeCell("A2", "F2"))
	var head []any
	for _, h := range []string{"ID", t("Onderwerp", "Subject"), t("Klantreis", "Journey"), t("Stappen", "Steps"), t("Redenen", "Reasons"), t("Bestand", "File")} {
		head = append(head, excelize.Cell{StyleID: w.st.headBuyer, Value: h})
	}
	w.check(sw.SetRow("A3", head, excelize.RowOpts{Height: 20}))
	r := 4
	vals := make([]any, 6)
	lines := traceLines(w.res.Rows, lang, t("(overig)", "(other)"))
write:
	for ls := range lines {
		for _, l := range ls {
			if r == maxSheetRows {
				vals = []any{"…", t("De lijst is te lang voor één werkblad; de volledige traceerbaarheid staat in blueprint matrix --format json.",
					"The list is too long for one worksheet; the full traceability is in blueprint matrix --format json."), "", "", "", ""}
				w.check(sw.SetRow(cell(1, r), vals))
				break write
			}
			vals[0], vals[1], vals[2], vals[3], vals[4], vals[5] = l.id, l.title, l.journey, l.places, l.reasons, l.file
			w.check(sw.SetRow(cell(1, r), vals))
			r++
		}
	}
	for range lines { // what the producer has left when the sheet is full
	}
	w.finishTrace(sw, 6, max(r-1, 4))
}

// streamColWidths sets the widths of a streamed sheet's columns. The
// stream writer puts each new column before the ones set earlier, and
// Excel wants them in ascending order: so the last column goes first.
func streamColWidths(w *writer, sw *excelize.StreamWriter, widths []float64) {
	for c := len(widths); c >= 1; c-- {
		w.check(sw.SetColWidth(c, c, widths[c-1]))
	}
}

// traceListLines counts the lines of the list: one per requirement and
// journey, and one per requirement for its places outside journeys.
func traceListLines(res *requirements.Result) int {
	n := 0
	for _, row := range res.Rows {
		seen := map[*blueprint.Journey]bool{}
		for _, tr := range row.Traces {
			if !seen[tr.Journey] {
				seen[tr.Journey] = true
				n++
			}
		}
	}
	return n
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

// traceListLine is a line of the traceability list: a requirement and the
// steps and reasons of one journey (or of the rest: personas, requirements
// that require it, project priorities).
type traceListLine struct {
	id, title, journey, places, reasons, file string
}

// traceLines groups the traces of each row by journey, on a goroutine of
// its own: the lines of one row after the other, in order, while the
// caller writes the lines before them (at national scale the grouping is
// a third of the sheet's time, the stream writer the rest). The channel is
// closed after the last row; other names the group of traces without a
// journey.
func traceLines(rows []*requirements.Row, lang blueprint.Lang, other string) <-chan []traceListLine {
	out := make(chan []traceListLine, 8)
	go func() {
		defer close(out)
		type group struct {
			journey *blueprint.Journey
			places  []string
			reasons []string
		}
		for _, row := range rows {
			var groups []*group
			index := map[*blueprint.Journey]int{}
			rest := &group{}
			for _, tr := range row.Traces {
				g := rest
				if tr.Journey != nil {
					i, ok := index[tr.Journey]
					if !ok {
						i = len(groups)
						index[tr.Journey] = i
						groups = append(groups, &group{journey: tr.Journey})
					}
					g = groups[i]
				}
				if p := tr.Place(lang); p != "" && !slices.Contains(g.places, p) {
					g.places = append(g.places, p)
				}
				if !slices.Contains(g.reasons, tr.Reason) {
					g.reasons = append(g.reasons, tr.Reason)
				}
			}
			if len(rest.reasons) > 0 {
				groups = append(groups, rest)
			}
			ls := make([]traceListLine, len(groups))
			for i, g := range groups {
				l := traceListLine{id: row.Requirement.ID, title: row.Requirement.Title(lang), journey: other}
				if g.journey != nil {
					l.journey, l.file = requirements.JourneyName(g.journey), g.journey.File
				}
				l.places = clip(strings.Join(g.places, "; "), requirements.MaxCellText)
				l.reasons = clip(strings.Join(g.reasons, "; "), requirements.MaxCellText)
				ls[i] = l
			}
			out <- ls
		}
	}()
	return out
}
