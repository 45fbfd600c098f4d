package render

import (
	"math"
	"slices"

	"github.com/dimpact/blueprint/blueprint"
)

// grid is the state the layout passes share: the journey being drawn, what
// the passes have decided so far about its columns, cells and rows, and the
// layout they build. Each field is written by one pass (named beside it)
// and read by the later ones.
type grid struct {
	m    *blueprint.Model
	j    *blueprint.Journey
	opts Options
	lang blueprint.Lang
	L    *Layout

	n     int                     // the number of steps
	index map[*blueprint.Step]int // the column of each step

	// columns: the left edge of each step's column; the steps before
	// which the lane names are repeated (in long journeys, at the start of
	// a phase) and the left edges of those label columns; the page, the
	// first box, under everything.
	colX    []float64
	repeats []int
	repX    []float64
	page    *Box

	// cells: the boxes of each lane per step, before they get a y; the
	// boxes of each actor per step, for the hand-offs; the column of every
	// cell box.
	cells    map[Lane][][]*Box
	actorBox []map[string][]*Box
	boxCol   map[*Box]int
	// cells and handoff-ends: every hand-off with the boxes at its ends.
	handoffs []handoffRef

	// y is the top of what the next pass places, moving down from the
	// title to the last lane; width is the drawing's width (columns, and
	// title when the title block needs more room).
	y, width float64

	// flow-tracks: the jumps (above the step headers) and the loops
	// (below them), each on its track, the height of each track, and the
	// top of the room above the step headers where the jumps run.
	jumps, loops []*longFlow
	jumpH, loopH []float64
	flowTop      float64
	// step-headers: the top and height of the step headers.
	headerY, headerH float64
	// lanes (the heartbeat row): the point and the ring of each step on
	// the heartbeat, nil where none is drawn.
	emotionBox, desiredBox []*Box
}

type handoffRef struct {
	step     int
	h        *blueprint.Handoff
	from, to *Box
}

func newGrid(m *blueprint.Model, j *blueprint.Journey, opts Options) *grid {
	if opts.Size == "" {
		opts.Size = SizeScreen
	}
	g := &grid{m: m, j: j, opts: opts, lang: opts.Lang.Or(blueprint.Dutch), n: len(j.Steps)}
	g.L = &Layout{JourneyID: j.ID, Title: clean(j.Title), Lang: g.lang, Size: g.opts.Size}
	return g
}

func (g *grid) t(nl, en string) string { return blueprint.T(g.lang, nl, en) }

func (g *grid) add(b *Box) *Box {
	g.L.Boxes = append(g.L.Boxes, b)
	return b
}

func (g *grid) addPath(p *Path) *Path {
	g.L.Paths = append(g.L.Paths, p)
	return p
}

// gridRight is the right edge of the last column's gutter.
func (g *grid) gridRight() float64 {
	if g.n == 0 {
		return margin + labelW
	}
	return g.colX[g.n-1] + colW + gutter/2
}

// A long journey repeats the lane names in a narrow column at the start of
// a phase, at most every repeatEvery steps, so a reader zoomed in on step
// 40 still sees which lane is which.
const (
	repeatFrom  = 17  // journeys with more steps get repeated names
	repeatEvery = 8   // at least this many steps between two label columns
	repeatW     = 104 // the width a repeated label column adds
)

// placeColumns is the "columns" pass: it places a column per step, with
// the repeated lane names before some, names the step's boxes (ids.go),
// and adds the page under everything.
func placeColumns(g *grid) {
	g.index = map[*blueprint.Step]int{}
	g.colX = make([]float64, g.n)
	g.repeats = repeatColumns(g.j)
	names := stepNames(g.j.Steps)
	x := margin + labelW + gutter/2
	for i, s := range g.j.Steps {
		g.index[s] = i
		if g.repeatsBefore(i) {
			g.repX = append(g.repX, x-gutter/2+4)
			x += repeatW
		}
		g.colX[i] = x
		x += pitch
		g.L.Columns = append(g.L.Columns, Column{StepID: s.ID, ID: names[i], X: g.colX[i], W: colW})
	}
	g.width = g.gridRight() + margin
	g.page = g.add(&Box{ID: "page", Role: RoleBackground, Fill: colPage})
}

// repeatColumns chooses the steps before which the lane names repeat.
func repeatColumns(j *blueprint.Journey) []int {
	n := len(j.Steps)
	if n < repeatFrom {
		return nil
	}
	var out []int
	last := 0
	for i := 1; i < n; i++ {
		if j.Steps[i].Phase != j.Steps[i-1].Phase && i-last >= repeatEvery && n-i >= 4 {
			out = append(out, i)
			last = i
		}
	}
	return out
}

func (g *grid) repeatsBefore(i int) bool { return slices.Contains(g.repeats, i) }

// sizePage is the "page" pass: the drawing ends a margin below the last
// lane.
func sizePage(g *grid) {
	height := g.y + margin
	g.L.Width, g.L.Height = g.width, height
	g.page.Rect = Rect{0, 0, g.width, height}
}

// phaseSteps returns the indexes of the steps of a phase.
func (g *grid) phaseSteps(p *blueprint.Phase) []int {
	var out []int
	for i, s := range g.j.Steps {
		if s.Phase == p.ID {
			out = append(out, i)
		}
	}
	return out
}

// phaseSpan returns the left edge and width of the columns of steps, a
// phase's steps in order.
func (g *grid) phaseSpan(steps []int) (x, w float64) {
	x = g.colX[steps[0]]
	return x, g.colX[steps[len(steps)-1]] + colW - x
}

func (g *grid) actorName(id string) string {
	if a := g.m.Vocabulary.Actor(id); a != nil {
		return a.Name(g.lang)
	}
	return id
}

func (g *grid) channelName(id string) string {
	if c := g.m.Vocabulary.Channel(id); c != nil {
		return c.Name(g.lang)
	}
	return id
}

// partnerChannel reports whether a channel belongs to a partner, not to
// the gemeente (Mijn UWV).
func (g *grid) partnerChannel(id string) bool {
	c := g.m.Vocabulary.Channel(id)
	return c != nil && c.Partner != ""
}

// partner reports whether an actor is an outside party: a ketenpartner or
// an own actor of kind partner.
func (g *grid) partner(id string) bool {
	a := g.m.Vocabulary.Actor(id)
	return a != nil && a.Kind == blueprint.ActorPartner
}

func (g *grid) systemName(id string) string {
	if s := g.m.Vocabulary.System(id); s != nil {
		return s.Name(g.lang)
	}
	return id
}

// pill is a small rounded label centred on cx, no wider than a column.
func pill(id string, role Role, label string, cx, y float64, fill, stroke, color string) *Box {
	return pillIn(colW-16, id, role, label, cx, y, fill, stroke, color)
}

// pillIn is a pill whose text wraps at width.
func pillIn(width float64, id string, role Role, label string, cx, y float64, fill, stroke, color string) *Box {
	lines := wrap(label, width, fsSmall, true)
	t := &text{}
	for _, l := range lines {
		t.line(Span{Text: l, Size: fsSmall, Bold: true, Color: color})
	}
	w := math.Ceil(textBlockWidth(t.lines) + 14)
	h := math.Max(pillH, math.Ceil(t.height()+6))
	return &Box{ID: id, Role: role, Rect: Rect{math.Round(cx - w/2), y, w, h}, Shape: ShapeRounded,
		Fill: fill, Stroke: stroke, PenWidth: 1, Center: true, Text: t.lines}
}
