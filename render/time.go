package render

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// The time row, top to bottom: the moment of each step (dag 24, na 6
// weken), the waits between two columns the flow joins, the waits that
// belong under their step (they count from an earlier step, or come
// round again in a loop), how long each step takes, and the lead times
// across steps with their legal deadline.

// timeVisible reports whether the journey has anything for the time row.
func (g *grid) timeVisible() bool {
	for _, s := range g.j.Steps {
		if len(s.Waits) > 0 || s.Duration != nil || s.Day != nil || s.Elapsed != nil {
			return true
		}
	}
	return len(g.j.Spans) > 0
}

// waitPill is a wait before a step, where it goes and what it says.
type waitPill struct {
	step   int
	gutter bool // between this column and the one before, else under the column
	label  string
	over   bool
}

// waits decides the place and label of every wait. A wait sits in the
// gutter before its step when it counts from the column to its left and
// the flow joins the two; otherwise (it counts from an earlier step, or is
// the wait of a later round of a loop, or the flow comes from elsewhere)
// it sits under its own step and names the step it counts from.
func (g *grid) waits() []waitPill {
	preds := make([][]int, g.n) // forward flows into each step
	for _, f := range g.j.Flows() {
		a, b := g.index[f.From], g.index[f.To]
		if a < b {
			preds[b] = append(preds[b], a)
		}
	}
	var out []waitPill
	for i, s := range g.j.Steps {
		for _, w := range s.Waits {
			from := -1
			switch {
			case w.From != "":
				if t := g.j.Step(w.From); t != nil {
					from = g.index[t]
				}
			case w.Round >= 2:
				// a later round comes back by the loop, not from the left
			case slices.Contains(preds[i], i-1):
				from = i - 1
			case len(preds[i]) == 1:
				from = preds[i][0]
			}
			p := waitPill{step: i, over: w.Over()}
			p.gutter = i > 0 && from == i-1 && !g.repeatsBefore(i)
			var b strings.Builder
			if w.Round > 0 {
				b.WriteString(fmt.Sprintf(g.t("%de keer: ", "round %d: "), w.Round))
			}
			b.WriteString(g.t("wacht ", "waits ") + w.Duration.Label(g.lang))
			if op := clean(w.For); op != "" {
				b.WriteString(g.t(" op ", " for ") + op)
			}
			if !p.gutter && from >= 0 && from != i-1 {
				b.WriteString(fmt.Sprintf(g.t(" sinds stap %d", " since step %d"), from+1))
			}
			if w.Deadline != nil {
				b.WriteString(" · " + g.t("termijn ", "deadline ") + w.Deadline.Label(g.lang))
			}
			p.label = b.String()
			out = append(out, p)
		}
	}
	return out
}

// timeRow places the moments, waits, durations and lead times, each kind
// on a line of its own, and returns the height of the row. The pills are
// added step by step (moment, waits, duration), so the boxes of a step lie
// together in the output.
func (g *grid) timeRow(y float64) float64 {
	type pillAt struct {
		b    *Box
		line int // 0 moments, 1 waits in the gutter, 2 waits under the step, 3 durations
		pos  int // place in a stack of one step's waits
	}
	perStep := make([][]pillAt, g.n)
	for i, s := range g.j.Steps {
		var label string
		switch {
		case s.Day != nil:
			label = g.t("dag ", "day ") + strconv.Itoa(*s.Day)
		case s.Elapsed != nil:
			label = g.t("na ", "after ") + s.Elapsed.Label(g.lang)
		}
		if label != "" {
			perStep[i] = append(perStep[i], pillAt{b: pill(g.stepPart(i, "moment"), RoleMoment, label, g.colX[i]+colW/2, 0, colPage, colMoment, colMoment)})
		}
	}
	count := map[int]int{}
	for _, w := range g.waits() {
		count[w.step]++
		id := g.stepPart(w.step, "wait")
		if count[w.step] > 1 {
			id += "-" + strconv.Itoa(count[w.step])
		}
		cx, line := g.colX[w.step]+colW/2, 2
		switch {
		case w.gutter:
			cx, line = g.colX[w.step]-gutter/2, 1
		case w.step == 0 || g.repeatsBefore(w.step):
			cx = g.colX[w.step] + colW/4
		}
		fill, rule, color := colWaitFill, colWaitRule, colWait
		if w.over {
			fill, rule, color = colPainFill, colPain, colPain
		}
		b := pill(id, RoleWait, w.label, cx, 0, fill, rule, color)
		if w.over {
			b.Class = "over"
		}
		n := 0
		for _, p := range perStep[w.step] {
			if p.line == line {
				n++
			}
		}
		perStep[w.step] = append(perStep[w.step], pillAt{b: b, line: line, pos: n})
	}
	for i, s := range g.j.Steps {
		if s.Duration != nil {
			label := g.t("duur ", "takes ") + s.Duration.Label(g.lang)
			perStep[i] = append(perStep[i], pillAt{b: pill(g.stepPart(i, "duration"), RoleDuration, label, g.colX[i]+colW/2, 0, "#f1f3f4", colRule, colMuted), line: 3})
		}
	}
	// The height of each line: its highest stack.
	var lineH [4]float64
	stackH := map[[2]int]float64{}
	for i := range perStep {
		for _, p := range perStep[i] {
			k := [2]int{i, p.line}
			if stackH[k] > 0 {
				stackH[k] += 3
			}
			stackH[k] += p.b.H
			lineH[p.line] = math.Max(lineH[p.line], stackH[k])
		}
	}
	var lineY [4]float64
	cur := y + rowPad
	bottom := cur
	for l := range lineH {
		lineY[l] = cur
		if lineH[l] > 0 {
			bottom = cur + lineH[l]
			cur = bottom + 4
		}
	}
	for i := range perStep {
		next := map[int]float64{}
		for _, p := range perStep[i] {
			at, ok := next[p.line]
			if !ok {
				at = lineY[p.line]
			}
			p.b.Y = at
			next[p.line] = at + p.b.H + 3
			g.add(p.b)
		}
	}
	if end := g.spans(cur); end > cur {
		bottom = end
	}
	return math.Ceil(bottom + rowPad - y)
}

// spans places the lead times as bars from their first to their last
// column, on tracks so that bars over the same columns stack, and returns
// the bottom of the lowest.
func (g *grid) spans(top float64) float64 {
	type bar struct {
		sp     *blueprint.Span
		a, b   int
		pieces [][2]float64 // the bar, broken where the lane names repeat
		widest int          // the piece that holds the text
		lines  []TextLine
		over   bool
		within bool
	}
	var bars []*bar
	for _, sp := range g.j.Spans {
		fa, fb := g.j.Step(sp.From), g.j.Step(sp.To)
		if fa == nil || fb == nil {
			continue
		}
		a, b := g.index[fa], g.index[fb]
		if b < a {
			continue
		}
		br := &bar{sp: sp, a: a, b: b}
		if sp.Deadline != nil {
			if _, known := sp.Length(g.j); known {
				br.over = sp.Over(g.j)
				br.within = !br.over
			}
		}
		x0, x1 := g.colX[a], g.colX[b]+colW
		for _, rx := range g.repX {
			if rx > x0 && rx < x1 {
				br.pieces = append(br.pieces, [2]float64{x0, rx - 4})
				x0 = rx + repeatW - 8 + 4
			}
		}
		br.pieces = append(br.pieces, [2]float64{x0, x1})
		for k, p := range br.pieces {
			if p[1]-p[0] > br.pieces[br.widest][1]-br.pieces[br.widest][0] {
				br.widest = k
			}
		}
		w := br.pieces[br.widest]
		br.lines = g.spanText(sp, w[1]-w[0]-2*pad)
		bars = append(bars, br)
	}
	if len(bars) == 0 {
		return top
	}
	// Tracks: the shortest spans first, each on the first track where it
	// overlaps nothing.
	order := append([]*bar(nil), bars...)
	sort.SliceStable(order, func(x, y int) bool { return order[x].b-order[x].a < order[y].b-order[y].a })
	var tracks [][]*bar
	for _, br := range order {
		placed := false
		for k := range tracks {
			free := true
			for _, o := range tracks[k] {
				if br.a <= o.b && o.a <= br.b {
					free = false
					break
				}
			}
			if free {
				tracks[k] = append(tracks[k], br)
				placed = true
				break
			}
		}
		if !placed {
			tracks = append(tracks, []*bar{br})
		}
	}
	// The bars are numbered in the order of the journey.
	index := map[*bar]int{}
	for k, br := range bars {
		index[br] = k
	}
	y := top
	for _, tr := range tracks {
		h := 0.0
		for _, br := range tr {
			h = math.Max(h, math.Ceil(textHeight(br.lines)+2*pad))
		}
		for _, br := range tr {
			fill, stroke := "#f1f3f4", colRule
			switch {
			case br.over:
				fill, stroke = colPainFill, colPain
			case br.within:
				fill, stroke = colOKFill, colOK
			}
			for k, p := range br.pieces {
				id := "span-" + strconv.Itoa(index[br]+1)
				if k > 0 {
					id += "-" + strconv.Itoa(k+1)
				}
				b := &Box{ID: id, Role: RoleSpan, Rect: Rect{p[0], y, p[1] - p[0], h},
					Shape: ShapeRounded, Fill: fill, Stroke: stroke, PenWidth: 1, PadX: pad, PadY: pad}
				if k == br.widest {
					b.Text = br.lines
				}
				if br.over {
					b.Class = "over"
				}
				g.add(b)
			}
		}
		y += h + 4
	}
	return y - 4
}

// spanText is the text of a lead time wrapped to width: its length and
// name, then its deadline, extension, suspension and legal basis, and
// whether it stayed within the deadline.
func (g *grid) spanText(sp *blueprint.Span, w float64) []TextLine {
	length, known := sp.Length(g.j)
	head := clean(sp.Name)
	if known {
		if head != "" {
			head = length.Label(g.lang) + ": " + head
		} else {
			head = length.Label(g.lang)
		}
	}
	if head == "" {
		head = g.t("doorlooptijd", "lead time")
	}
	t := &text{}
	t.para(head, w, fsSmall, true, colText)
	if sp.Deadline == nil {
		return t.lines
	}
	var d strings.Builder
	d.WriteString(g.t("termijn ", "deadline ") + sp.Deadline.Label(g.lang))
	if sp.Extension != nil {
		d.WriteString(g.t(" + verlenging ", " + extension ") + sp.Extension.Label(g.lang))
	}
	if sp.Suspension != nil {
		d.WriteString(g.t(" + opschorting ", " + suspension ") + sp.Suspension.Label(g.lang))
	}
	if basis := clean(sp.Basis); basis != "" {
		d.WriteString(" (" + basis + ")")
	}
	color := colMuted
	if known {
		if sp.Over(g.j) {
			d.WriteString(g.t(" · over de termijn", " · over the deadline"))
			color = colPain
		} else {
			d.WriteString(g.t(" · binnen de termijn", " · within the deadline"))
			color = colOK
		}
	}
	t.para(d.String(), w, fsSmall, false, color)
	return t.lines
}
