package render

import (
	"fmt"
	"math"
	"strconv"

	"github.com/dimpact/blueprint/blueprint"
)

// placeLanes is the "lanes" pass: every visible lane and row from top to
// bottom, with a gap where one of the three lines runs between two lanes.
func placeLanes(g *grid) {
	y := g.y
	prev := Lane("")
	for _, l := range laneOrder {
		if !g.visible(l) {
			continue
		}
		if prev != "" {
			if kind, ok := lineBetween(prev, l); ok {
				y += lineGap
				g.L.Lines = append(g.L.Lines, Separator{Kind: kind, Y: y - lineGap/2})
			} else {
				y += bandGap
			}
		}
		h := g.row(l, y)
		g.L.Lanes = append(g.L.Lanes, LaneBand{Lane: l, Y: y, H: h})
		y += h
		prev = l
	}
	g.y = y
}

// visible reports whether a lane is shown: not hidden, and for the extra
// rows, with something in it. The five lanes of the blueprint are always
// shown unless hidden, so the three lines keep their meaning.
func (g *grid) visible(l Lane) bool {
	if g.opts.hidden(l) {
		return false
	}
	switch l {
	case LaneEvidence, LaneCustomer, LaneFront, LaneBack, LaneSupport:
		return true
	case LaneTime:
		return g.timeVisible()
	case LaneEmotion:
		for _, s := range g.j.Steps {
			if s.InHeartbeat() && (s.Emotion != nil || s.DesiredEmotion != nil) {
				return true
			}
		}
	case LanePain:
		for _, s := range g.j.Steps {
			if len(s.PainPoints) > 0 {
				return true
			}
		}
	case LaneSuccess:
		for _, s := range g.j.Steps {
			if len(s.SuccessFactors) > 0 {
				return true
			}
		}
	case LaneMetrics:
		for _, p := range g.j.Phases {
			if len(p.Metrics) > 0 && len(g.phaseSteps(p)) > 0 {
				return true
			}
		}
	}
	return false
}

// lineBetween says which of the three lines runs between two visible
// lanes: a line is drawn where the lanes on its two sides are shown.
func lineBetween(a, b Lane) (LineKind, bool) {
	rank := map[Lane]int{LaneEvidence: 1, LaneCustomer: 1, LaneFront: 2, LaneBack: 3, LaneSupport: 4}
	ra, rb := rank[a], rank[b]
	if ra == 0 || rb == 0 || ra == rb {
		return "", false
	}
	switch {
	case ra <= 1 && rb >= 2:
		return LineInteraction, true
	case ra == 2 && rb >= 3:
		return LineVisibility, true
	case ra == 3 && rb == 4:
		return LineInternal, true
	}
	return "", false
}

// row places a lane or row at y and returns its height. The band and the
// label come first, so they lie under the row's content; their height is
// set when the content is placed.
func (g *grid) row(l Lane, y float64) float64 {
	c := laneColours[l]
	band := g.add(&Box{ID: "band-" + string(l), Role: RoleBand, Class: string(l), Rect: Rect{margin, y, g.gridRight() - margin, 0}, Fill: c.band, Shape: ShapeRect})
	t := &text{}
	lw := labelW - 12 - 2*pad
	if l == LaneEmotion {
		lw -= 24 // room for the scale
	}
	t.para(l.Name(g.lang), lw, fsLane, true, colText)
	t.para(l.hint(g.lang), lw, fsSmall, false, colMuted)
	label := g.add(&Box{ID: "lane-" + string(l), Role: RoleLaneLabel, Class: string(l), Rect: Rect{margin, y, labelW - 12, 0}, Fill: colLabelFill, Shape: ShapeRect, Text: t.lines, PadX: pad, PadY: pad})
	repeated := g.repeatLabels(l, y)
	var h float64
	switch l {
	case LaneTime:
		h = g.timeRow(y)
	case LaneEmotion:
		h = 2*rowPad + 4*levelGap + 2*ringR
		g.emotionRow(y)
	case LaneMetrics:
		h = g.metricsRow(y)
	default:
		h = g.stackRow(l, y)
	}
	h = math.Max(h, math.Ceil(t.height()+2*pad))
	for _, r := range repeated {
		h = math.Max(h, math.Ceil(textHeight(r.Text)+2*pad))
	}
	band.H, label.H = h, h
	for _, r := range repeated {
		r.H = h
	}
	return h
}

// repeatLabels adds the repeated name of a lane; their height is set with
// the band's.
func (g *grid) repeatLabels(l Lane, y float64) []*Box {
	var out []*Box
	for k, x := range g.repX {
		t := &text{}
		w := repeatW - 8 - 2*pad
		if l == LaneEmotion {
			w -= 26 // room for the scale
		}
		t.para(l.Name(g.lang), w, fsSmall+1, true, colText)
		out = append(out, g.add(&Box{ID: fmt.Sprintf("lane-%s-r%d", l, k+1), Role: RoleLaneLabel, Class: string(l) + " repeat",
			Rect: Rect{x, y, repeatW - 8, 0}, Fill: colLabelFill, Shape: ShapeRect, Text: t.lines, PadX: pad, PadY: pad}))
	}
	return out
}

// stackRow places the stacked boxes of a lane.
func (g *grid) stackRow(l Lane, y float64) float64 {
	h := minLaneH
	for i := 0; i < g.n; i++ {
		by := y + rowPad
		var prev *Box
		for _, b := range g.cells[l][i] {
			if prev != nil && g.linked(prev, b) {
				// Room for the hand-off arrow between the two.
				by += handoffGap - stackGap
			}
			prev = b
			b.X, b.Y = g.colX[i], by
			g.add(b)
			if b.Bar != "" {
				g.add(&Box{ID: b.ID + "-bar", Role: RoleChannel, Class: "bar", Rect: Rect{b.X, b.Y, barW, b.H}, Fill: b.Bar, Shape: ShapeRect})
			}
			by += b.H + stackGap
		}
		h = math.Max(h, by-stackGap+rowPad-y)
	}
	return math.Ceil(h)
}

// linked reports whether a hand-off runs between two boxes.
func (g *grid) linked(a, b *Box) bool {
	for _, h := range g.handoffs {
		if (h.from == a && h.to == b) || (h.from == b && h.to == a) {
			return true
		}
	}
	return false
}

// emotionRow places the grid, the scale and the points of the heartbeat.
func (g *grid) emotionRow(y float64) {
	top := y + rowPad + ringR
	levelY := func(e int) float64 { return top + float64(2-e)*levelGap }
	for e := 2; e >= -2; e-- {
		col := "#e8eaed"
		if e == 0 {
			col = "#c4c9cf"
		}
		// The grid runs from the first column to the last, broken where the
		// lane names repeat.
		x0 := g.colX[0] - 8
		for k := 0; k <= len(g.repX); k++ {
			x1 := g.gridRight() - gutter/2 + 8
			if k < len(g.repX) {
				x1 = g.repX[k] - 4
			}
			id := "grid" + signed(e)
			if k > 0 {
				id += fmt.Sprintf("-%d", k+1)
			}
			g.add(&Box{ID: id, Role: RoleGrid, Rect: Rect{x0, levelY(e) - 0.5, x1 - x0, 1}, Fill: col, Shape: ShapeRect})
			if k < len(g.repX) {
				x0 = g.repX[k] + repeatW - 8 + 4
			}
		}
		scale := func(id string, right float64) {
			g.add(&Box{ID: id, Role: RoleScale, Rect: Rect{right - 26, levelY(e) - 7, 22, 14}, Shape: ShapeNone, Center: true,
				Text: []TextLine{{Spans: []Span{{Text: signedLabel(e), Size: fsSmall, Bold: e == 0, Color: colMuted}}}}})
		}
		scale("scale"+signed(e), margin+labelW-12)
		for k, x := range g.repX {
			scale(fmt.Sprintf("scale%s-r%d", signed(e), k+1), x+repeatW-8)
		}
	}
	g.emotionBox = make([]*Box, g.n)
	g.desiredBox = make([]*Box, g.n)
	for i, st := range g.j.Steps {
		if !st.InHeartbeat() {
			continue // hartslag = false: kept in the journey, not drawn
		}
		cx := g.colX[i] + colW/2
		if st.DesiredEmotion != nil {
			e := clampEmotion(*st.DesiredEmotion)
			g.desiredBox[i] = g.add(&Box{ID: g.stepPart(i, "desired"), Role: RoleDesired, Rect: Rect{cx - ringR, levelY(e) - ringR, 2 * ringR, 2 * ringR},
				Shape: ShapeCircle, Fill: colPage, Stroke: colDesired, PenWidth: 1.5})
		}
		if st.Emotion != nil {
			e := clampEmotion(*st.Emotion)
			g.emotionBox[i] = g.add(&Box{ID: g.stepPart(i, "emotion"), Role: RoleEmotion, Rect: Rect{cx - dotR, levelY(e) - dotR, 2 * dotR, 2 * dotR},
				Shape: ShapeCircle, Fill: emotionColour(e), Stroke: "#ffffff", PenWidth: 1})
		}
	}
}

func clampEmotion(e int) int { return max(-2, min(2, e)) }

func signed(e int) string {
	switch {
	case e > 0:
		return "+" + strconv.Itoa(e)
	case e < 0:
		return "-" + strconv.Itoa(-e)
	}
	return "0"
}

func signedLabel(e int) string {
	switch {
	case e > 0:
		return "+" + strconv.Itoa(e)
	case e < 0:
		return "−" + strconv.Itoa(-e) // a real minus sign
	}
	return "0"
}

// metricsRow places one box per phase with its metrics.
func (g *grid) metricsRow(y float64) float64 {
	h := minLaneH
	for pi, p := range g.j.Phases {
		steps := g.phaseSteps(p)
		if len(p.Metrics) == 0 || len(steps) == 0 {
			continue
		}
		x0, w := g.phaseSpan(steps)
		t := &text{}
		for _, mt := range p.Metrics {
			line := "• " + clean(mt.Label(g.lang))
			t.para(line, w-2*pad, fsSticky, true, colText)
			var extra string
			if mt.Target != "" {
				extra = g.t("norm: ", "target: ") + clean(mt.Target)
			}
			if src := mt.SourceSystemIn(g.lang); src != "" {
				if extra != "" {
					extra += " · "
				}
				extra += g.t("bron: ", "source: ") + clean(src)
			}
			if extra != "" {
				t.para(extra, w-2*pad, fsSmall, false, colMuted)
			}
			if last, colour := g.lastMeasurement(mt); last != "" {
				t.para(last, w-2*pad, fsSmall, true, colour)
			}
		}
		b := &Box{ID: fmt.Sprintf("phase%d-metrics", pi+1), Role: RoleMetric, Rect: Rect{x0, y + rowPad, w, math.Ceil(t.height() + 2*pad)},
			Shape: ShapeRect, Fill: colMetric, Stroke: colRule, PenWidth: 1, Text: t.lines}
		b.PadX, b.PadY = pad, pad
		g.add(b)
		h = math.Max(h, b.H+2*rowPad)
	}
	return math.Ceil(h)
}

// lastMeasurement says the last measurement of a metric against its norm,
// "gemeten maart 2025: 11% (was 14%) · norm gehaald", in green when it
// meets the norm, red when it does not, grey without a verdict; "" when
// the metric has no measurement.
func (g *grid) lastMeasurement(mt *blueprint.Metric) (string, string) {
	ms := mt.Measured()
	if len(ms) == 0 {
		return "", ""
	}
	last, unit := ms[len(ms)-1], mt.UnitIn(g.lang)
	s := g.t("gemeten ", "measured ") + last.Date.Label(g.lang) + ": " + blueprint.FormatValue(last.Value, unit, g.lang)
	if len(ms) > 1 {
		// The unit once: "12% (was 14%)", "6,7 rapportcijfer (was 6,4)".
		prevUnit := ""
		if unit == "%" {
			prevUnit = unit
		}
		s += " (" + g.t("was ", "was ") + blueprint.FormatValue(ms[len(ms)-2].Value, prevUnit, g.lang) + ")"
	}
	v := mt.Judge(last)
	colour := colMuted
	switch v {
	case blueprint.MeetsNorm:
		colour = colOK
	case blueprint.MissesNorm:
		colour = colPain
	}
	if label := v.Label(g.lang); label != "" {
		s += " · " + label
	}
	return s, colour
}
