package xlsx

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// listResult is a result of many journeys whose traces have what the
// traceability list must handle: journeys out of order and repeated,
// places and reasons repeated, personas and phases, traces without a
// journey, a journey not among the result's, journeys without a title,
// and texts longer than a cell with multi-byte characters at the cut.
func listResult(journeys int) *requirements.Result {
	res := &requirements.Result{}
	for i := range journeys {
		j := &blueprint.Journey{ID: fmt.Sprintf("reis-%d", i), File: fmt.Sprintf("reis-%d.toml", i)}
		if i%7 != 0 {
			j.Title = fmt.Sprintf("Klantreis %d", i)
		}
		res.Journeys = append(res.Journeys, j)
	}
	stranger := &blueprint.Journey{ID: "elders", Title: "Elders", File: "elders.toml"}
	persona := &blueprint.Persona{Name: "Fatima"}
	phase := &blueprint.Phase{Name: "Oriëntatie"}
	long := strings.Repeat("é", requirements.MaxCellText/2-3) + "x"
	for r := range 9 {
		row := &requirements.Row{Requirement: &requirements.Requirement{ID: fmt.Sprintf("KCC-%03d", r), TitleNL: fmt.Sprintf("Eis %d", r)}}
		for k := range 40 + 13*r {
			j := res.Journeys[(k*(r+3))%journeys]
			tr := &requirements.Trace{Journey: j, Reason: fmt.Sprintf("reden %d", k%4)}
			switch k % 9 {
			case 0:
				tr.Step = &blueprint.Step{Title: fmt.Sprintf("stap %d", k%5)}
			case 1:
				tr.Persona = persona
			case 2:
				tr.Phase = phase
			case 3:
				tr.Journey = nil
				tr.Persona = persona
			case 4:
				tr.Journey = nil
			case 5:
				tr.Journey, tr.Step = stranger, &blueprint.Step{Title: "stap elders"}
			case 6:
				tr.Step, tr.Reason = &blueprint.Step{Title: long}, long+fmt.Sprint(k)
			default:
				tr.Step = &blueprint.Step{Title: fmt.Sprintf("stap %d", k%3)}
			}
			row.Traces = append(row.Traces, tr)
		}
		if r == 4 {
			row.Traces = nil
		}
		res.Rows = append(res.Rows, row)
	}
	return res
}

// TestTraceLinesAsBefore compares the lines of the traceability list, and
// their count, with what the list was made of before it was grouped by
// the journeys' numbers (oldTraceLines).
func TestTraceLinesAsBefore(t *testing.T) {
	res := listResult(40)
	const other = "(overig)"
	want := oldTraceLines(res.Rows, blueprint.Dutch, other)
	index := newJourneyIndex(res.Journeys)
	require.Equal(t, len(want), traceListLines(res, index))
	batches, free := traceLines(res.Rows, index, blueprint.Dutch, other, 4)
	var got []traceListLine
	r := 4
	for b := range batches {
		for i := range b.len() {
			require.Equal(t, cell(1, r), b.ref(i))
			v := b.line(i)
			require.Len(t, v, traceListCols)
			var s [traceListCols]string
			for c := range v {
				s[c] = v[c].(string)
			}
			got = append(got, traceListLine{id: s[0], title: s[1], journey: s[2], places: s[3], reasons: s[4], file: s[5]})
			r++
		}
		free <- b
	}
	require.Equal(t, want, got)
	require.True(t, slices.ContainsFunc(got, func(l traceListLine) bool { return strings.HasSuffix(l.places, " …") }))
}

// traceListLine is a line of the traceability list as it was made before.
type traceListLine struct {
	id, title, journey, places, reasons, file string
}

// oldTraceLines is how the lines were made before, with a map of journeys
// for each requirement.
func oldTraceLines(rows []*requirements.Row, lang blueprint.Lang, other string) []traceListLine {
	type group struct {
		journey *blueprint.Journey
		places  []string
		reasons []string
	}
	var out []traceListLine
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
		for _, g := range groups {
			l := traceListLine{id: row.Requirement.ID, title: row.Requirement.Title(lang), journey: other}
			if g.journey != nil {
				l.journey, l.file = requirements.JourneyName(g.journey), g.journey.File
			}
			l.places = clip(strings.Join(g.places, "; "), requirements.MaxCellText)
			l.reasons = clip(strings.Join(g.reasons, "; "), requirements.MaxCellText)
			out = append(out, l)
		}
	}
	return out
}
