package render

import (
	"fmt"
	"math"
	"sort"
	"strconv"
)

// The passes that draw lines and arrows, after every box has its place,
// and the one that makes room for the flows above the step headers.

// drawLines is the "lines" pass: the three lines across the lanes, each
// with its name at the left.
func drawLines(g *grid) {
	for _, s := range g.L.Lines {
		var name string
		dash := Dashed
		switch s.Kind {
		case LineInteraction:
			name = g.t("lijn van interactie", "line of interaction")
		case LineVisibility:
			name = g.t("lijn van zichtbaarheid", "line of visibility")
		case LineInternal:
			name = g.t("lijn van interne interactie", "line of internal interaction")
			dash = Dotted
		}
		lines := wrap(name, labelW-12, fsSmall, true)
		t := &text{}
		for _, l := range lines {
			t.line(Span{Text: l, Size: fsSmall, Bold: true, Color: colLine})
		}
		tw := math.Ceil(textBlockWidth(t.lines))
		th := math.Ceil(t.height())
		lb := &Box{ID: "line-" + string(s.Kind) + "-label", Role: RoleLineLabel, Class: string(s.Kind), Rect: Rect{margin, math.Round(s.Y - th/2), tw, th}, Shape: ShapeNone, Text: t.lines}
		g.add(lb)
		g.addPath(&Path{ID: "line-" + string(s.Kind), Role: RoleLine, Class: string(s.Kind),
			Points: []Point{{margin + tw + 6, s.Y}, {g.gridRight(), s.Y}}, Color: colLine, Width: 1.3, Dash: dash})
	}
}

// drawHeartbeat is the "heartbeat" pass: it connects the emotion points,
// and the desired ones, with lines that stop at the rim of each point. The
// line of the emotions joins each point to the next one shown; the dashed
// line of the desired emotions joins two rings only when the steps are
// neighbours on the heartbeat (no point shown between them) and both
// have a desired value, so it never passes a step that has none.
func drawHeartbeat(g *grid) {
	if g.emotionBox == nil {
		return // the heartbeat row is hidden or empty
	}
	link := func(a, b *Box, role Role, color string, w float64, dash Dash) {
		p1, p2 := Point{a.CX(), a.CY()}, Point{b.CX(), b.CY()}
		p1, p2 = shorten(p1, p2, a.W/2+1), shorten(p2, p1, b.W/2+1)
		g.addPath(&Path{ID: a.ID + "-to-" + b.ID, Role: role, From: a.ID, To: b.ID, Points: []Point{p1, p2}, Color: color, Width: w, Dash: dash})
	}
	prevNode := -1
	for i := range g.j.Steps {
		if g.emotionBox[i] == nil && g.desiredBox[i] == nil {
			continue
		}
		if prevNode >= 0 && g.desiredBox[prevNode] != nil && g.desiredBox[i] != nil {
			link(g.desiredBox[prevNode], g.desiredBox[i], RoleHeartbeatD, colDesired, 1.5, Dashed)
		}
		prevNode = i
	}
	var prev *Box
	for i := range g.j.Steps {
		if b := g.emotionBox[i]; b != nil {
			if prev != nil {
				link(prev, b, RoleHeartbeat, "#455a64", 2.2, Solid)
			}
			prev = b
		}
	}
}

// shorten moves p towards q by dist.
func shorten(p, q Point, dist float64) Point {
	dx, dy := q.X-p.X, q.Y-p.Y
	l := math.Hypot(dx, dy)
	if l == 0 || dist >= l {
		return p
	}
	return Point{p.X + dx/l*dist, p.Y + dy/l*dist}
}

// longFlow is a flow that is not a plain arrow to the next column: a jump
// ahead or a branch with a condition, drawn as a bracket above the step
// headers, or a loop back to an earlier step, drawn as a bracket below
// them. Each has its own track and a label.
type longFlow struct {
	from, to int
	track    int
	back     bool
	cond     string
	// the label: its lines, its left edge and width
	label  []TextLine
	lx, lw float64
}

// x1 and x2 are where the bracket leaves its step and where it arrives:
// right of the centre above the headers, left of it below, so a jump and
// a loop of the same step never share a line.
func (f *longFlow) x1(g *grid) float64 {
	if f.back {
		return g.colX[f.from] + colW/2 - 10
	}
	return g.colX[f.from] + colW/2 + 10
}

func (f *longFlow) x2(g *grid) float64 {
	if f.back {
		return g.colX[f.to] + colW/2 + 10
	}
	return g.colX[f.to] + colW/2 - 10
}

// Room for the brackets: the last leg of an arrow is longer than its
// head, and a label sits just above the line of its track.
const (
	trackLeg  = 10.0 // from a header to the nearest track
	trackGap  = 4.0  // between a label and the line below it
	flowLabel = fsSmall
)

// reserveFlowTracks is the "flow-tracks" pass: it sorts the flows into
// plain arrows to the next column, jumps (and branches with a condition)
// and loops, puts every jump and loop on a track, the shortest spans
// nearest the headers so the brackets nest, labels each with its
// condition or its target, and makes room for the jumps above the step
// headers. The loops get their room below the headers in the loop-tracks
// pass.
func reserveFlowTracks(g *grid) {
	var jumps, loops []*longFlow
	for _, f := range g.j.Flows() {
		a, b := g.index[f.From], g.index[f.To]
		switch {
		case b == a+1 && f.Condition == "":
			continue // a plain arrow across the gutter
		case b <= a:
			loops = append(loops, &longFlow{from: a, to: b, back: true, cond: f.Condition})
		default:
			jumps = append(jumps, &longFlow{from: a, to: b, cond: f.Condition})
		}
	}
	g.jumps, g.loops = jumps, loops
	g.jumpH = g.placeTracks(jumps)
	g.loopH = g.placeTracks(loops)
	g.flowTop = g.y
	if len(jumps) > 0 {
		g.y += trackLeg + sum(g.jumpH) + 2
	}
}

// placeLoopTracks is the "loop-tracks" pass: room below the step headers
// for the loops.
func placeLoopTracks(g *grid) {
	if len(g.loops) > 0 {
		g.y = g.headerY + g.headerH + trackLeg + sum(g.loopH) + 10
	}
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// placeTracks gives each flow a track, shortest spans first, each on the
// lowest track where it meets no other, then writes its label where no
// bracket of a further track crosses it. It returns the height of each
// track: its tallest label and the gap to its line.
func (g *grid) placeTracks(flows []*longFlow) []float64 {
	span := func(f *longFlow) (float64, float64) {
		return math.Min(f.x1(g), f.x2(g)), math.Max(f.x1(g), f.x2(g))
	}
	order := make([]*longFlow, len(flows))
	copy(order, flows)
	sort.SliceStable(order, func(x, y int) bool {
		a0, a1 := span(order[x])
		b0, b1 := span(order[y])
		return a1-a0 < b1-b0 || (a1-a0 == b1-b0 && a0 < b0)
	})
	var tracks [][]*longFlow
	for _, f := range order {
		s0, s1 := span(f)
		placed := false
		for t := range tracks {
			free := true
			for _, o := range tracks[t] {
				o0, o1 := span(o)
				if s0 <= o1+4 && o0 <= s1+4 {
					free = false
					break
				}
			}
			if free {
				tracks[t] = append(tracks[t], f)
				f.track = t + 1
				placed = true
				break
			}
		}
		if !placed {
			tracks = append(tracks, []*longFlow{f})
			f.track = len(tracks)
		}
	}
	heights := make([]float64, len(tracks))
	for _, f := range flows {
		// The legs of brackets on further tracks cross this track's label
		// room; the label goes in the widest stretch between them.
		s0, s1 := span(f)
		cuts := []float64{s0 + 4, s1 - 4}
		for _, o := range flows {
			if o.track <= f.track {
				continue
			}
			for _, x := range []float64{o.x1(g), o.x2(g)} {
				if x > s0 && x < s1 {
					cuts = append(cuts, x-4, x+4)
				}
			}
		}
		sort.Float64s(cuts)
		best0, best1 := s0+4, s1-4
		bestW := -1.0
		for k := 0; k+1 < len(cuts); k += 2 {
			if w := cuts[k+1] - cuts[k]; w > bestW {
				best0, best1, bestW = cuts[k], cuts[k+1], w
			}
		}
		width := math.Max(best1-best0, 24)
		t := &text{}
		color := colFlow
		if f.back {
			color = colLoop
		}
		t.para(g.flowText(f), math.Min(width, 240), flowLabel, f.cond != "", color)
		f.label = t.lines
		f.lw = math.Ceil(textBlockWidth(t.lines)) + 4
		f.lx = math.Round((best0+best1)/2 - f.lw/2)
		heights[f.track-1] = math.Max(heights[f.track-1], math.Ceil(t.height())+trackGap)
	}
	for k := range heights {
		heights[k] = math.Max(heights[k], 7)
	}
	return heights
}

// flowText is the label of a jump or loop: its condition as written, or
// the step it goes to.
func (g *grid) flowText(f *longFlow) string {
	if c := clean(f.cond); c != "" {
		return c
	}
	if f.back {
		return fmt.Sprintf(g.t("terug naar stap %d", "back to step %d"), f.to+1)
	}
	return fmt.Sprintf(g.t("naar stap %d", "to step %d"), f.to+1)
}

// drawFlows is the "flows" pass: the arrows between steps. A plain arrow
// crosses the gutter to the next column; a jump is a grey bracket above
// the step headers and a loop a dashed purple bracket below them, each on
// the track the flow-tracks pass chose, with its label over the line.
func drawFlows(g *grid) {
	midY := g.headerY + g.headerH/2
	for _, f := range g.j.Flows() {
		a, b := g.index[f.From], g.index[f.To]
		if b != a+1 || f.Condition != "" {
			continue
		}
		x1, x2 := g.colX[a]+colW, g.colX[b]
		g.addPath(&Path{ID: g.stepPart(a, "flow-"+g.stepBox(b)), Role: RoleFlow, From: g.stepBox(a), To: g.stepBox(b),
			Points: []Point{{x1 + 1, midY}, {x2 - 1, midY}}, Color: colFlow, Width: 1.6, Arrow: true})
	}
	top := g.headerY
	for _, f := range g.jumps {
		ty := top - trackLeg - sum(g.jumpH[:f.track-1])
		g.flowPath(f, []Point{{f.x1(g), top}, {f.x1(g), ty}, {f.x2(g), ty}, {f.x2(g), top - 1}}, ty, "jump", colFlow, Solid)
	}
	bottom := g.headerY + g.headerH
	for _, f := range g.loops {
		ty := bottom + trackLeg + sum(g.loopH[:f.track])
		g.flowPath(f, []Point{{f.x1(g), bottom}, {f.x1(g), ty}, {f.x2(g), ty}, {f.x2(g), bottom + 1}}, ty, "loop", colLoop, Dashed)
	}
}

// flowPath draws a bracket and its label just above its line at y.
func (g *grid) flowPath(f *longFlow, pts []Point, y float64, class, color string, dash Dash) {
	id := g.stepPart(f.from, "flow-"+g.stepBox(f.to))
	tip := g.flowText(f)
	h := math.Ceil(textHeight(f.label))
	g.add(&Box{ID: id + "-label", Role: RoleFlowLabel, Class: class, Rect: Rect{f.lx, y - 1 - h, f.lw, h},
		Shape: ShapeNone, Center: true, Text: f.label})
	g.addPath(&Path{ID: id, Role: RoleFlow, Class: class, From: g.stepBox(f.from), To: g.stepBox(f.to),
		Points: pts, Color: color, Width: 1.4, Dash: dash, Arrow: true, Tooltip: tip})
}

// drawHandoffArrows is the "handoff-arrows" pass: every hand-off from the
// giver's box to the receiver's, straight down or up when nothing lies
// between them, else out to the right, along the gutter and back in.
func drawHandoffArrows(g *grid) {
	perStep := map[int]int{}
	for _, ref := range g.handoffs {
		n := perStep[ref.step]
		perStep[ref.step]++
		s, t := ref.from, ref.to
		col := ref.step
		id := g.stepPart(col, "handoff-"+strconv.Itoa(n+1))
		tip := fmt.Sprintf("%s → %s", g.actorName(ref.h.From), g.actorName(ref.h.To))
		if note := clean(ref.h.Note); note != "" {
			tip += ": " + note
		}
		down := t.Y > s.Y
		x := s.Right() - 18 - 12*float64(n)
		blocked := false
		for _, b := range g.L.Boxes {
			if (b.Role != RoleCell && b.Role != RoleGhost) || b == s || b == t || g.boxCol[b] != col {
				continue
			}
			lo, hi := math.Min(s.CY(), t.CY()), math.Max(s.CY(), t.CY())
			if b.CY() > lo && b.CY() < hi {
				blocked = true
			}
		}
		var pts []Point
		switch {
		case !blocked && down:
			pts = []Point{{x, s.Bottom()}, {x, t.Y - 1}}
		case !blocked:
			pts = []Point{{x, s.Y}, {x, t.Bottom() + 1}}
		default:
			gx := s.Right() + 12 + 5*float64(n) // the last leg is longer than the arrowhead
			sy, ty := s.Y+math.Min(s.H/2, 14), t.Y+math.Min(t.H/2, 14)
			pts = []Point{{s.Right(), sy}, {gx, sy}, {gx, ty}, {t.Right() + 1, ty}}
		}
		g.addPath(&Path{ID: id, Role: RoleHandoff, From: s.ID, To: t.ID, Points: pts, Color: colHandoff, Width: 1.6, Arrow: true, Tooltip: tip})
	}
}
