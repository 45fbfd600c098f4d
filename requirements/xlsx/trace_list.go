package xlsx

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// maxSheetRows is the number of rows of a worksheet in Excel.
const maxSheetRows = 1048576

// traceListCols is the number of columns of the traceability list.
const traceListCols = 6

// traceList writes one line per requirement and journey, with the steps
// and reasons: for many journeys, where a matrix would be too wide.
func (w *writer) traceList() {
	t, lang := w.t, w.lang
	index := w.journeys
	if index == nil {
		index = newJourneyIndex(w.res.Journeys)
	}
	n := 0
	if w.traceCount != nil {
		n = <-w.traceCount
	} else {
		n = traceListLines(w.res, index)
	}
	sw := w.startTrace(traceListCols, min(max(3+n, 4), maxSheetRows))
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
	batches, free := traceLines(w.res.Rows, index, lang, t("(overig)", "(other)"), r)
write:
	for b := range batches {
		for i := range b.len() {
			if r == maxSheetRows {
				vals := []any{"…", t("De lijst is te lang voor één werkblad; de volledige traceerbaarheid staat in blueprint matrix --format json.",
					"The list is too long for one worksheet; the full traceability is in blueprint matrix --format json."), "", "", "", ""}
				w.check(sw.SetRow(cell(1, r), vals))
				break write
			}
			w.check(sw.SetRow(b.ref(i), b.line(i)))
			r++
		}
		free <- b
	}
	for b := range batches { // what the producer has left when the sheet is full
		free <- b
	}
	w.finishTrace(sw, traceListCols, max(r-1, 4))
}

// journeyIndex numbers the journeys of a result for the traceability
// list, so that grouping the traces of a requirement by journey needs no
// map of its own (7,600 journeys for each of 130 requirements at national
// scale), and holds each journey's name and file as cell values, made once
// for all requirements. It is not changed once made, so that the lines can
// be counted and made on two goroutines.
type journeyIndex struct {
	ord        map[*blueprint.Journey]int
	name, file []any
}

func newJourneyIndex(js []*blueprint.Journey) *journeyIndex {
	x := &journeyIndex{ord: make(map[*blueprint.Journey]int, len(js))}
	for _, j := range js {
		if _, ok := x.ord[j]; !ok && j != nil {
			x.ord[j] = len(x.name)
			x.name = append(x.name, requirements.JourneyName(j))
			x.file = append(x.file, j.File)
		}
	}
	return x
}

// traceListLines counts the lines of the list: one per requirement and
// journey, and one per requirement for its places outside journeys.
func traceListLines(res *requirements.Result, index *journeyIndex) int {
	seen := make([]int, len(index.name)) // the last row (from 1) with the journey
	var other map[*blueprint.Journey]int // journeys not in the index: none in practice
	n := 0
	for r, row := range res.Rows {
		mark, rest := r+1, false
		var last *blueprint.Journey
		for _, tr := range row.Traces {
			j := tr.Journey
			switch o, ok := index.ord[j]; {
			case j == nil:
				if !rest {
					rest = true
					n++
				}
			case j == last:
			case ok:
				if seen[o] != mark {
					seen[o] = mark
					n++
				}
			default:
				if other == nil {
					other = map[*blueprint.Journey]int{}
				}
				if other[j] != mark {
					other[j] = mark
					n++
				}
			}
			last = j
		}
	}
	return n
}

// traceBatch is the lines of the list for one requirement: per line its
// cell reference and six values.
type traceBatch struct {
	refs []string
	vals []any
}

func (b *traceBatch) len() int         { return len(b.refs) }
func (b *traceBatch) ref(i int) string { return b.refs[i] }
func (b *traceBatch) line(i int) []any {
	return b.vals[i*traceListCols : (i+1)*traceListCols : (i+1)*traceListCols]
}

// lineGroup is the places and reasons of one line: a requirement and one
// journey, or the rest.
type lineGroup struct {
	journey, file any
	places        []string
	reasons       []string
}

func (g *lineGroup) add(tr *requirements.Trace, lang blueprint.Lang) {
	if p := tr.Place(lang); p != "" && !slices.Contains(g.places, p) {
		g.places = append(g.places, p)
	}
	if !slices.Contains(g.reasons, tr.Reason) {
		g.reasons = append(g.reasons, tr.Reason)
	}
}

// traceLines groups the traces of each row by journey, on a goroutine of
// its own: the lines of one row after the other, in order, from row first
// of the sheet on, while the caller writes the lines before them (at
// national scale the grouping is a fifth of the sheet's CPU, the stream
// writer the rest). The channel is closed after the last row; other names
// the group of traces without a journey. The caller hands each batch back
// on free when it is done with it: a few batches, their buffers grown to
// the size of a requirement's lines, are reused for all of them.
func traceLines(rows []*requirements.Row, index *journeyIndex, lang blueprint.Lang, other string, first int) (<-chan *traceBatch, chan<- *traceBatch) {
	out := make(chan *traceBatch, 8)
	free := make(chan *traceBatch, cap(out)+2)
	made := 0
	go func() {
		defer close(out)
		slot := make([]int, len(index.name)) // 1 + the journey's group in the row, or 0
		var (
			groups  []lineGroup
			touched []int
			extra   map[*blueprint.Journey]int // groups of journeys not in the index
			rest    lineGroup
		)
		otherName, noFile := any(other), any("")
		r := first
		for _, row := range rows {
			groups = groups[:0]
			rest.places, rest.reasons = rest.places[:0], rest.reasons[:0]
			var last *blueprint.Journey
			lastGroup := 0
			for _, tr := range row.Traces {
				j := tr.Journey
				if j == nil {
					rest.add(tr, lang)
					continue
				}
				if j != last {
					o, ok := index.ord[j]
					i := 0
					switch {
					case ok && slot[o] > 0:
						i = slot[o] - 1
					case ok:
						i = len(groups)
						slot[o] = i + 1
						touched = append(touched, o)
						groups = appendGroup(groups, index.name[o], index.file[o])
					default:
						if extra == nil {
							extra = map[*blueprint.Journey]int{}
						}
						g, seen := extra[j]
						if !seen {
							g = len(groups)
							extra[j] = g
							groups = appendGroup(groups, requirements.JourneyName(j), j.File)
						}
						i = g
					}
					last, lastGroup = j, i
				}
				groups[lastGroup].add(tr, lang)
			}
			for _, o := range touched {
				slot[o] = 0
			}
			touched = touched[:0]
			clear(extra)
			var restLine *lineGroup
			if len(rest.reasons) > 0 {
				rest.journey, rest.file = otherName, noFile
				restLine = &rest
			}
			var b *traceBatch
			if made < cap(free) {
				b = &traceBatch{}
				made++
			} else {
				b = <-free
			}
			b.fill(row, groups, restLine, lang, r)
			r += b.len()
			out <- b
		}
	}()
	return out, free
}

// appendGroup appends a group for a journey, reusing the slices of a group
// of an earlier row.
func appendGroup(groups []lineGroup, journey, file any) []lineGroup {
	if len(groups) < cap(groups) {
		groups = groups[:len(groups)+1]
		g := &groups[len(groups)-1]
		g.journey, g.file = journey, file
		g.places, g.reasons = g.places[:0], g.reasons[:0]
		return groups
	}
	return append(groups, lineGroup{journey: journey, file: file})
}

// fill makes the lines of row, one per group and then one for rest if it
// is not nil, from sheet row r on: the places and the reasons joined with
// "; " and clipped to requirements.MaxCellText.
func (b *traceBatch) fill(row *requirements.Row, groups []lineGroup, rest *lineGroup, lang blueprint.Lang, r int) {
	id, title := any(row.Requirement.ID), any(row.Requirement.Title(lang))
	b.refs, b.vals = b.refs[:0], b.vals[:0]
	line := func(g *lineGroup) {
		b.refs = append(b.refs, cell(1, r+len(b.refs)))
		b.vals = append(b.vals, id, title, g.journey,
			clip(strings.Join(g.places, "; "), requirements.MaxCellText),
			clip(strings.Join(g.reasons, "; "), requirements.MaxCellText), g.file)
	}
	for i := range groups {
		line(&groups[i])
	}
	if rest != nil {
		line(rest)
	}
}
