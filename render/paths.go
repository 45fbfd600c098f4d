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
// and the desired ones, with lines that stop at the rim of each point.
func drawHeartbeat(g *grid) {
	var cur, want []*Box
	for _, b := range g.L.Boxes {
		switch b.Role {
		case RoleEmotion:
			cur = append(cur, b)
		case RoleDesired:
			want = append(want, b)
		}
	}
	link := func(bs []*Box, role Role, color string, w float64, dash Dash) {
		for k := 1; k < len(bs); k++ {
			a, b := bs[k-1], bs[k]
			p1, p2 := Point{a.CX(), a.CY()}, Point{b.CX(), b.CY()}
			p1, p2 = shorten(p1, p2, a.W/2+1), shorten(p2, p1, b.W/2+1)
			g.addPath(&Path{ID: a.ID + "-to-" + b.ID, Role: role, From: a.ID, To: b.ID, Points: []Point{p1, p2}, Color: color, Width: w, Dash: dash})
		}
	}
	link(want, RoleHeartbeatD, colDesired, 1.5, Dashed)
	link(cur, RoleHeartbeat, "#455a64", 2.2, Solid)
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

// longFlow is a flow that does not go to the next column: it is drawn as
// a bracket above the step headers, on its own track.
type longFlow struct {
	from, to int
	track    int
	explicit bool
}

// reserveFlowTracks is the "flow-tracks" pass: it puts every flow that
// skips steps (or goes back) on a track, the shortest spans lowest so the
// brackets nest, and makes room for the tracks above the step headers.
func reserveFlowTracks(g *grid) {
	var out []longFlow
	for _, f := range g.j.Flows() {
		a, b := g.index[f.From], g.index[f.To]
		if b == a+1 {
			continue
		}
		out = append(out, longFlow{from: a, to: b, explicit: f.Explicit})
	}
	// Tracks: the shortest spans lowest, greedily, so brackets nest.
	var tracks [][][2]int
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	span := func(f longFlow) (int, int) { return min(f.from, f.to), max(f.from, f.to) }
	sort.SliceStable(order, func(x, y int) bool {
		a0, a1 := span(out[order[x]])
		b0, b1 := span(out[order[y]])
		return a1-a0 < b1-b0 || (a1-a0 == b1-b0 && a0 < b0)
	})
	for _, i := range order {
		s0, s1 := span(out[i])
		placed := false
		for t := range tracks {
			free := true
			for _, sp := range tracks[t] {
				if s0 <= sp[1] && sp[0] <= s1 {
					free = false
					break
				}
			}
			if free {
				tracks[t] = append(tracks[t], [2]int{s0, s1})
				out[i].track = t + 1
				placed = true
				break
			}
		}
		if !placed {
			tracks = append(tracks, [][2]int{{s0, s1}})
			out[i].track = len(tracks)
		}
	}
	g.long = out
	g.flowTop = g.y
	if n := maxTrack(out); n > 0 {
		g.y += 6 + float64(n)*7
	}
}

func maxTrack(fs []longFlow) int {
	m := 0
	for _, f := range fs {
		m = max(m, f.track)
	}
	return m
}

// drawFlows is the "flows" pass: the arrows between steps, a short arrow
// across the gutter to the next column, a bracket over the headers (on
// the track the flow-tracks pass chose) for any other.
func drawFlows(g *grid) {
	midY := g.headerY + g.headerH/2
	for _, f := range g.j.Flows() {
		a, b := g.index[f.From], g.index[f.To]
		if b != a+1 {
			continue
		}
		x1, x2 := g.colX[a]+colW, g.colX[b]
		g.addPath(&Path{ID: g.stepPart(a, "flow-"+g.stepBox(b)), Role: RoleFlow, From: g.stepBox(a), To: g.stepBox(b),
			Points: []Point{{x1 + 1, midY}, {x2 - 1, midY}}, Color: colFlow, Width: 1.6, Arrow: true})
	}
	n := maxTrack(g.long)
	headerY := g.headerY
	for _, f := range g.long {
		ty := g.flowTop + 3 + float64(n-f.track)*7
		x1 := g.colX[f.from] + colW/2 + 10
		x2 := g.colX[f.to] + colW/2 - 10
		g.addPath(&Path{ID: g.stepPart(f.from, "flow-"+g.stepBox(f.to)), Role: RoleFlow, Class: "skip", From: g.stepBox(f.from), To: g.stepBox(f.to),
			Points: []Point{{x1, headerY}, {x1, ty}, {x2, ty}, {x2, headerY - 1}}, Color: colFlow, Width: 1.3, Arrow: true})
	}
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
