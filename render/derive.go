package render

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"

	"github.com/dimpact/blueprint/blueprint"
)

// Geometry of the grid, in points. The columns have one width, so a long
// journey reads as an even strip; the lanes grow with their content.
const (
	margin     = 28.0  // around the drawing
	labelW     = 132.0 // the left column with the lane names
	colW       = 184.0 // a step column
	gutter     = 30.0  // between two columns: flow arrows, hand-off detours
	pitch      = colW + gutter
	pad        = 6.0  // inside a box
	barW       = 5.0  // the channel bar on the left of a box
	stackGap   = 5.0  // between boxes stacked in one cell
	handoffGap = 20.0 // between stacked boxes with a hand-off arrow between them
	rowPad     = 9.0  // inside a band, above and below its boxes
	lineGap    = 22.0 // between two lanes, where one of the three lines runs
	bandGap    = 6.0  // between other rows
	levelGap   = 15.0 // between two emotion levels of the heartbeat
	dotR       = 5.5  // an emotion point
	ringR      = 8.0  // a desired-emotion ring
	pillH      = 16.0 // a badge or pill
	arrowLen   = 7.0  // an arrowhead
	minLaneH   = 40.0 // an empty lane
	titleMinW  = 460.0
)

// Font sizes, whole points.
const (
	fsTitle  = 22.0
	fsPhase  = 12.0
	fsStep   = 11.0
	fsBody   = 10.0
	fsSticky = 9.0
	fsSmall  = 8.0
	fsLegend = 9.0
	fsLane   = 11.0
)

// Derive lays out journey j of model m as a service blueprint: the title
// block and legend, the phase headers, a column per step, and the lanes
// from physical evidence to support processes with the three lines between
// them, the heartbeat, waits, pain points, success factors and metrics.
// It is pure: the same journey and options give the same layout.
func Derive(m *blueprint.Model, j *blueprint.Journey, opts Options) *Layout {
	d := &deriver{m: m, j: j, opts: opts, lang: opts.Lang.Or(blueprint.Dutch)}
	if d.opts.Size == "" {
		d.opts.Size = SizeScreen
	}
	d.run()
	return d.L
}

type deriver struct {
	m    *blueprint.Model
	j    *blueprint.Journey
	opts Options
	lang blueprint.Lang
	L    *Layout

	n     int
	colX  []float64
	index map[*blueprint.Step]int

	// cells holds the boxes of each lane per step, before they get a y.
	cells map[Lane][][]*Box
	// actorBox finds the box of an actor in a step, for hand-offs.
	actorBox []map[string][]*Box
	handoffs []handoffRef
	// boxCol remembers the column of every cell box.
	boxCol map[*Box]int
	// repeats are the steps before which the lane names are repeated (in
	// long journeys, at the start of a phase); repX the left edges of those
	// label columns.
	repeats []int
	repX    []float64

	seq int // for unique ids
}

type handoffRef struct {
	step     int
	h        *blueprint.Handoff
	from, to *Box
}

func (d *deriver) t(nl, en string) string { return blueprint.T(d.lang, nl, en) }

func (d *deriver) id(prefix string) string {
	d.seq++
	return prefix + "-" + strconv.Itoa(d.seq)
}

func (d *deriver) add(b *Box) *Box {
	d.L.Boxes = append(d.L.Boxes, b)
	return b
}

func (d *deriver) addPath(p *Path) *Path {
	d.L.Paths = append(d.L.Paths, p)
	return p
}

// visible reports whether a lane is shown: not hidden, and for the extra
// rows, with something in it. The five lanes of the blueprint are always
// shown unless hidden, so the three lines keep their meaning.
func (d *deriver) visible(l Lane) bool {
	if d.opts.hidden(l) {
		return false
	}
	switch l {
	case LaneEvidence, LaneCustomer, LaneFront, LaneBack, LaneSupport:
		return true
	case LaneTime:
		for _, s := range d.j.Steps {
			if s.Wait != nil || s.Duration != nil {
				return true
			}
		}
	case LaneEmotion:
		for _, s := range d.j.Steps {
			if s.Emotion != nil || s.DesiredEmotion != nil {
				return true
			}
		}
	case LanePain:
		for _, s := range d.j.Steps {
			if len(s.PainPoints) > 0 {
				return true
			}
		}
	case LaneSuccess:
		for _, s := range d.j.Steps {
			if len(s.SuccessFactors) > 0 {
				return true
			}
		}
	case LaneMetrics:
		for _, p := range d.j.Phases {
			if len(p.Metrics) > 0 && len(d.phaseSteps(p)) > 0 {
				return true
			}
		}
	}
	return false
}

func (d *deriver) run() {
	j := d.j
	d.L = &Layout{JourneyID: j.ID, Title: clean(j.Title), Lang: d.lang, Size: d.opts.Size}
	d.n = len(j.Steps)
	d.index = map[*blueprint.Step]int{}
	d.colX = make([]float64, d.n)
	d.repeats = d.repeatColumns()
	x := margin + labelW + gutter/2
	for i, s := range j.Steps {
		d.index[s] = i
		if d.repeatsBefore(i) {
			d.repX = append(d.repX, x-gutter/2+4)
			x += repeatW
		}
		d.colX[i] = x
		x += pitch
		d.L.Columns = append(d.L.Columns, Column{StepID: s.ID, X: d.colX[i], W: colW})
	}
	gridRight := d.gridRight()
	width := gridRight + margin

	// The page comes first, under everything.
	page := d.add(&Box{ID: "page", Role: RoleBackground, Fill: colPage})

	d.prepareCells()

	// Title block and legend side by side when they fit, else stacked.
	legend := d.legend()
	y := margin
	titleW := width - 2*margin - legend.w - 32
	side := titleW >= titleMinW
	if !side {
		titleW = math.Max(titleMinW, math.Min(760, width-2*margin))
		width = math.Max(width, 2*margin+math.Max(titleW, legend.w))
	}
	titleW = math.Min(titleW, 820)
	title := d.titleBlock(margin, y, titleW)
	if side {
		legend.place(d, width-margin-legend.w, y)
		y += math.Max(title.H, legend.h)
	} else {
		y += title.H + 14
		legend.place(d, margin, y)
		y += legend.h
	}
	y += 18

	// Phase headers over the columns of their steps.
	y = d.phases(y)
	// Room above the step headers for flow arrows that skip steps.
	flowTop := y
	long := d.longFlows()
	if n := maxTrack(long); n > 0 {
		y += 6 + float64(n)*7
	}
	headerY := y
	headerH := d.stepHeaders(y)
	y += headerH + 10

	// The lanes and rows.
	prev := Lane("")
	for _, l := range laneOrder {
		if !d.visible(l) {
			continue
		}
		if prev != "" {
			if kind, ok := lineBetween(prev, l, d); ok {
				y += lineGap
				d.L.Lines = append(d.L.Lines, Separator{Kind: kind, Y: y - lineGap/2})
			} else {
				y += bandGap
			}
		}
		h := d.row(l, y)
		d.L.Lanes = append(d.L.Lanes, LaneBand{Lane: l, Y: y, H: h})
		y += h
		prev = l
	}
	height := y + margin

	d.L.Width, d.L.Height = width, height
	page.Rect = Rect{0, 0, width, height}

	// Paths: lines first (under the arrows), then the heartbeat, flows and
	// hand-offs.
	d.separators(width)
	d.heartbeat()
	d.flows(flowTop, headerY, headerH, long)
	d.handoffPaths()
}

// lineBetween says which of the three lines runs between two visible
// lanes: a line is drawn where the lanes on its two sides are shown.
func lineBetween(a, b Lane, d *deriver) (LineKind, bool) {
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

// ---- names -----------------------------------------------------------

func (d *deriver) actorName(id string) string {
	if a := d.m.Catalogue.Actor(id); a != nil {
		return a.Name(d.lang)
	}
	return id
}

func (d *deriver) channelName(id string) string {
	if c := d.m.Catalogue.Channel(id); c != nil {
		return c.Name(d.lang)
	}
	return id
}

func (d *deriver) systemName(id string) string {
	if s := d.m.Catalogue.System(id); s != nil {
		return s.Name(d.lang)
	}
	return id
}

// ---- cells -----------------------------------------------------------

// cellBox makes a box of a lane with its text, the full column width.
func (d *deriver) cellBox(lane Lane, step int, t *text, barColour string) *Box {
	c := laneColours[lane]
	b := &Box{
		ID:    fmt.Sprintf("s%d-%s-%d", step+1, lane, len(d.cells[lane][step])+1),
		Role:  RoleCell,
		Class: string(lane),
		Rect:  Rect{W: colW},
		Shape: ShapeRect, Fill: c.fill, Stroke: c.rule, PenWidth: 1,
		Text: t.lines,
	}
	b.PadX, b.PadY = pad, pad
	if lane == LaneEvidence {
		b.Shape = ShapeNote
	}
	if barColour != "" {
		b.Bar = barColour
		b.PadX = pad + barW
		b.Stroke = barColour
		b.Fill = tint(barColour, 0.92)
	}
	b.H = math.Ceil(2*b.PadY + t.height())
	d.cells[lane][step] = append(d.cells[lane][step], b)
	d.boxCol[b] = step
	return b
}

// textW is the width for text in a cell box.
func textW(barred bool) float64 {
	if barred {
		return colW - 2*(pad+barW)
	}
	return colW - 2*pad
}

// prepareCells builds the boxes of the lanes and the sticky notes, so the
// lane heights can be known before anything is placed.
func (d *deriver) prepareCells() {
	d.cells = map[Lane][][]*Box{}
	for _, l := range laneOrder {
		d.cells[l] = make([][]*Box, d.n)
	}
	d.actorBox = make([]map[string][]*Box, d.n)
	d.boxCol = map[*Box]int{}
	role := ""
	if d.j.Persona != nil {
		role = d.j.Persona.Role
	}
	for i, s := range d.j.Steps {
		d.actorBox[i] = map[string][]*Box{}
		ch := ""
		if s.Channel != "" {
			ch = channelColour(d.m.Catalogue, s.Channel)
		}
		if ev := clean(s.Evidence); ev != "" {
			t := &text{}
			t.para(ev, textW(false), fsBody, false, colText)
			d.cellBox(LaneEvidence, i, t, "")
		}
		if ca := clean(s.CustomerAction); ca != "" {
			t := &text{}
			if d.j.Persona != nil {
				t.para(clean(d.j.Persona.Name), textW(ch != ""), fsSmall, true, laneColours[LaneCustomer].actor)
			}
			t.para(ca, textW(ch != ""), fsBody, false, colText)
			b := d.cellBox(LaneCustomer, i, t, ch)
			if role != "" {
				d.actorBox[i][role] = append(d.actorBox[i][role], b)
			}
		}
		for _, a := range s.Frontstage {
			b := d.actionBox(LaneFront, i, a, ch)
			d.actorBox[i][a.Actor] = append(d.actorBox[i][a.Actor], b)
		}
		for _, a := range s.Backstage {
			b := d.actionBox(LaneBack, i, a, "")
			d.actorBox[i][a.Actor] = append(d.actorBox[i][a.Actor], b)
		}
		for _, sp := range s.Support {
			t := &text{}
			if sp.System != "" {
				t.para(d.systemName(sp.System), textW(false), fsSmall, true, laneColours[LaneSupport].actor)
			}
			t.para(sp.Text, textW(false), fsBody, false, colText)
			d.cellBox(LaneSupport, i, t, "")
		}
		for k, p := range s.PainPoints {
			t := &text{}
			t.para(p, colW-2*pad, fsSticky, false, "#7f1d1d")
			b := d.cellBox(LanePain, i, t, "")
			b.Role, b.Class, b.Shape = RolePain, "", ShapeRounded
			b.ID = fmt.Sprintf("s%d-pain-%d", i+1, k+1)
		}
		for k, p := range s.SuccessFactors {
			t := &text{}
			t.para(p, colW-2*pad, fsSticky, false, "#1b4d1e")
			b := d.cellBox(LaneSuccess, i, t, "")
			b.Role, b.Class, b.Shape = RoleSuccess, "", ShapeRounded
			b.ID = fmt.Sprintf("s%d-success-%d", i+1, k+1)
		}
		for _, h := range s.Handoffs {
			d.handoffs = append(d.handoffs, handoffRef{step: i, h: h})
		}
	}
	// Hand-offs: find or make the boxes at both ends, and write the
	// hand-off into the box it leaves from.
	for k := range d.handoffs {
		ref := &d.handoffs[k]
		// The receiver's box (or the lane where its ghost will go) first,
		// then the giver's box nearest to it, so the arrow is short.
		toLane := d.receiverLane(ref.step, ref.h.To)
		ref.from = d.giverBox(ref.step, ref.h.From, toLane)
		ref.to = d.endBox(ref.step, ref.h.To, false)
		t := &text{lines: ref.from.Text}
		head := "→ " + d.actorName(ref.h.To)
		if ref.h.Channel != "" {
			head += d.t(" via ", " by ") + d.channelName(ref.h.Channel)
		}
		w := colW - 2*ref.from.PadX
		t.para(head, w, fsSmall, true, colHandoff)
		if note := clean(ref.h.Note); note != "" {
			t.para(note, w, fsSmall, false, colHandoff)
		}
		ref.from.Text = t.lines
		ref.from.H = math.Ceil(2*ref.from.PadY + textHeight(ref.from.Text))
	}
}

func (d *deriver) actionBox(lane Lane, step int, a *blueprint.Action, ch string) *Box {
	t := &text{}
	t.para(d.actorName(a.Actor), textW(ch != ""), fsSmall, true, laneColours[lane].actor)
	t.para(a.Text, textW(ch != ""), fsBody, false, colText)
	return d.cellBox(lane, step, t, ch)
}

// laneRank orders the lanes an actor can act in, top to bottom.
var laneRank = map[Lane]int{LaneCustomer: 1, LaneFront: 2, LaneBack: 3}

// receiverLane is the lane of the box a hand-off arrives at: the
// receiver's own box (backstage first), or where its ghost will go.
func (d *deriver) receiverLane(step int, actor string) Lane {
	for _, l := range []Lane{LaneBack, LaneFront, LaneCustomer} {
		for _, b := range d.actorBox[step][actor] {
			if b.Class == string(l) {
				return l
			}
		}
	}
	return d.homeLane(actor)
}

// giverBox is the giver's box in the lane nearest to the receiver's (the
// frontstage box on a tie), or a ghost when the giver does nothing in the
// step.
func (d *deriver) giverBox(step int, actor string, toLane Lane) *Box {
	var best *Box
	bestD := 99
	for _, l := range []Lane{LaneFront, LaneBack, LaneCustomer} {
		for _, b := range d.actorBox[step][actor] {
			if b.Class != string(l) {
				continue
			}
			dist := laneRank[l] - laneRank[toLane]
			if dist < 0 {
				dist = -dist
			}
			if dist < bestD {
				best, bestD = b, dist
			}
		}
	}
	if best != nil {
		return best
	}
	return d.endBox(step, actor, true)
}

// endBox finds the box of an actor in a step for one end of a hand-off:
// the frontstage box first for the giver, the backstage box first for the
// receiver. An actor with no box in the step gets a "ghost" box with just
// its name, in the lane where it acts elsewhere in the journey.
func (d *deriver) endBox(step int, actor string, giver bool) *Box {
	boxes := d.actorBox[step][actor]
	pick := func(lane Lane) *Box {
		for _, b := range boxes {
			if b.Class == string(lane) {
				return b
			}
		}
		return nil
	}
	order := []Lane{LaneBack, LaneFront, LaneCustomer}
	if giver {
		order = []Lane{LaneFront, LaneBack, LaneCustomer}
	}
	for _, l := range order {
		if b := pick(l); b != nil {
			return b
		}
	}
	lane := d.homeLane(actor)
	t := &text{}
	t.para(d.actorName(actor), colW-2*pad, fsSmall, true, colMuted)
	b := d.cellBox(lane, step, t, "")
	b.Role, b.Dashed, b.Stroke, b.Fill = RoleGhost, true, colGhostRule, "#ffffff"
	d.actorBox[step][actor] = append(d.actorBox[step][actor], b)
	return b
}

// homeLane is the lane where an actor acts most in the journey.
func (d *deriver) homeLane(actor string) Lane {
	front, back := 0, 0
	for _, s := range d.j.Steps {
		for _, a := range s.Frontstage {
			if a.Actor == actor {
				front++
			}
		}
		for _, a := range s.Backstage {
			if a.Actor == actor {
				back++
			}
		}
	}
	switch {
	case front > 0 && front >= back:
		return LaneFront
	case back > 0:
		return LaneBack
	}
	if a := d.m.Catalogue.Actor(actor); a != nil && a.Kind == blueprint.ActorCustomer {
		return LaneCustomer
	}
	return LaneBack
}

// ---- rows ------------------------------------------------------------

// row places a lane or row at y and returns its height. The band and the
// label come first, so they lie under the row's content; their height is
// set when the content is placed.
func (d *deriver) row(l Lane, y float64) float64 {
	c := laneColours[l]
	band := d.add(&Box{ID: "band-" + string(l), Role: RoleBand, Class: string(l), Rect: Rect{margin, y, d.gridRight() - margin, 0}, Fill: c.band, Shape: ShapeRect})
	t := &text{}
	lw := labelW - 12 - 2*pad
	if l == LaneEmotion {
		lw -= 24 // room for the scale
	}
	t.para(l.Name(d.lang), lw, fsLane, true, colText)
	t.para(l.hint(d.lang), lw, fsSmall, false, colMuted)
	label := d.add(&Box{ID: "lane-" + string(l), Role: RoleLaneLabel, Class: string(l), Rect: Rect{margin, y, labelW - 12, 0}, Fill: colLabelFill, Shape: ShapeRect, Text: t.lines, PadX: pad, PadY: pad})
	repeated := d.repeatLabels(l, y)
	var h float64
	switch l {
	case LaneTime:
		h = d.timeRow(y)
	case LaneEmotion:
		h = 2*rowPad + 4*levelGap + 2*ringR
		d.emotionRow(y, h)
	case LaneMetrics:
		h = d.metricsRow(y)
	default:
		h = d.stackRow(l, y)
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

func (d *deriver) gridRight() float64 {
	if d.n == 0 {
		return margin + labelW
	}
	return d.colX[d.n-1] + colW + gutter/2
}

// A long journey repeats the lane names in a narrow column at the start of
// a phase, at most every repeatEvery steps, so a reader zoomed in on step
// 40 still sees which lane is which.
const (
	repeatFrom  = 17  // journeys with more steps get repeated names
	repeatEvery = 8   // at least this many steps between two label columns
	repeatW     = 104 // the width a repeated label column adds
)

// repeatColumns chooses the steps before which the lane names repeat.
func (d *deriver) repeatColumns() []int {
	if d.n < repeatFrom {
		return nil
	}
	var out []int
	last := 0
	for i := 1; i < d.n; i++ {
		if d.j.Steps[i].Phase != d.j.Steps[i-1].Phase && i-last >= repeatEvery && d.n-i >= 4 {
			out = append(out, i)
			last = i
		}
	}
	return out
}

func (d *deriver) repeatsBefore(i int) bool { return slices.Contains(d.repeats, i) }

// repeatLabels adds the repeated name of a lane; their height is set with
// the band's.
func (d *deriver) repeatLabels(l Lane, y float64) []*Box {
	var out []*Box
	for k, x := range d.repX {
		t := &text{}
		w := repeatW - 8 - 2*pad
		if l == LaneEmotion {
			w -= 26 // room for the scale
		}
		t.para(l.Name(d.lang), w, fsSmall+1, true, colText)
		out = append(out, d.add(&Box{ID: fmt.Sprintf("lane-%s-r%d", l, k+1), Role: RoleLaneLabel, Class: string(l) + " repeat",
			Rect: Rect{x, y, repeatW - 8, 0}, Fill: colLabelFill, Shape: ShapeRect, Text: t.lines, PadX: pad, PadY: pad}))
	}
	return out
}

// stackRow places the stacked boxes of a lane.
func (d *deriver) stackRow(l Lane, y float64) float64 {
	h := minLaneH
	for i := 0; i < d.n; i++ {
		by := y + rowPad
		var prev *Box
		for _, b := range d.cells[l][i] {
			if prev != nil && d.linked(prev, b) {
				// Room for the hand-off arrow between the two.
				by += handoffGap - stackGap
			}
			prev = b
			b.X, b.Y = d.colX[i], by
			d.add(b)
			if b.Bar != "" {
				d.add(&Box{ID: b.ID + "-bar", Role: RoleChannel, Class: "bar", Rect: Rect{b.X, b.Y, barW, b.H}, Fill: b.Bar, Shape: ShapeRect})
			}
			by += b.H + stackGap
		}
		h = math.Max(h, by-stackGap+rowPad-y)
	}
	return math.Ceil(h)
}

// linked reports whether a hand-off runs between two boxes.
func (d *deriver) linked(a, b *Box) bool {
	for _, h := range d.handoffs {
		if (h.from == a && h.to == b) || (h.from == b && h.to == a) {
			return true
		}
	}
	return false
}

// timeRow places the waits (between the columns, before the step they
// precede) and the durations (under the middle of their step).
func (d *deriver) timeRow(y float64) float64 {
	anyWait := false
	for _, s := range d.j.Steps {
		anyWait = anyWait || s.Wait != nil
	}
	waitY := y + rowPad
	durY := waitY
	if anyWait {
		durY += pillH + 4
	}
	bottom := y + rowPad
	for i, s := range d.j.Steps {
		if s.Wait != nil {
			label := d.t("wacht ", "waits ") + s.Wait.Label(d.lang)
			cx := d.colX[i] - gutter/2
			if i == 0 || d.repeatsBefore(i) {
				cx = d.colX[i] + colW/4
			}
			b := d.pill("s"+strconv.Itoa(i+1)+"-wait", RoleWait, label, cx, waitY, colWaitFill, colWaitRule, colWait)
			d.add(b)
			bottom = math.Max(bottom, b.Bottom())
		}
		if s.Duration != nil {
			label := d.t("duur ", "takes ") + s.Duration.Label(d.lang)
			b := d.pill("s"+strconv.Itoa(i+1)+"-duration", RoleDuration, label, d.colX[i]+colW/2, durY, "#f1f3f4", colRule, colMuted)
			d.add(b)
			bottom = math.Max(bottom, b.Bottom())
		}
	}
	return math.Ceil(bottom + rowPad - y)
}

// pill is a small rounded label centred on cx, no wider than a column.
func (d *deriver) pill(id string, role Role, label string, cx, y float64, fill, stroke, color string) *Box {
	lines := wrap(label, colW-16, fsSmall, true)
	t := &text{}
	for _, l := range lines {
		t.line(Span{Text: l, Size: fsSmall, Bold: true, Color: color})
	}
	w := math.Ceil(textBlockWidth(t.lines) + 14)
	h := math.Max(pillH, math.Ceil(t.height()+6))
	return &Box{ID: id, Role: role, Rect: Rect{math.Round(cx - w/2), y, w, h}, Shape: ShapeRounded,
		Fill: fill, Stroke: stroke, PenWidth: 1, Center: true, Text: t.lines}
}

// emotionRow places the grid, the scale and the points of the heartbeat.
func (d *deriver) emotionRow(y, h float64) {
	top := y + rowPad + ringR
	levelY := func(e int) float64 { return top + float64(2-e)*levelGap }
	for e := 2; e >= -2; e-- {
		col := "#e8eaed"
		if e == 0 {
			col = "#c4c9cf"
		}
		// The grid runs from the first column to the last, broken where the
		// lane names repeat.
		x0 := d.colX[0] - 8
		for k := 0; k <= len(d.repX); k++ {
			x1 := d.gridRight() - gutter/2 + 8
			if k < len(d.repX) {
				x1 = d.repX[k] - 4
			}
			id := "grid" + signed(e)
			if k > 0 {
				id += fmt.Sprintf("-%d", k+1)
			}
			d.add(&Box{ID: id, Role: RoleGrid, Rect: Rect{x0, levelY(e) - 0.5, x1 - x0, 1}, Fill: col, Shape: ShapeRect})
			if k < len(d.repX) {
				x0 = d.repX[k] + repeatW - 8 + 4
			}
		}
		scale := func(id string, right float64) {
			d.add(&Box{ID: id, Role: RoleScale, Rect: Rect{right - 26, levelY(e) - 7, 22, 14}, Shape: ShapeNone, Center: true,
				Text: []TextLine{{Spans: []Span{{Text: signedLabel(e), Size: fsSmall, Bold: e == 0, Color: colMuted}}}}})
		}
		scale("scale"+signed(e), margin+labelW-12)
		for k, x := range d.repX {
			scale(fmt.Sprintf("scale%s-r%d", signed(e), k+1), x+repeatW-8)
		}
	}
	for i, st := range d.j.Steps {
		cx := d.colX[i] + colW/2
		if st.DesiredEmotion != nil {
			e := clampEmotion(*st.DesiredEmotion)
			b := &Box{ID: fmt.Sprintf("s%d-desired", i+1), Role: RoleDesired, Rect: Rect{cx - ringR, levelY(e) - ringR, 2 * ringR, 2 * ringR},
				Shape: ShapeCircle, Fill: colPage, Stroke: colDesired, PenWidth: 1.5, Dashed: false}
			d.add(b)
		}
		if st.Emotion != nil {
			e := clampEmotion(*st.Emotion)
			b := &Box{ID: fmt.Sprintf("s%d-emotion", i+1), Role: RoleEmotion, Rect: Rect{cx - dotR, levelY(e) - dotR, 2 * dotR, 2 * dotR},
				Shape: ShapeCircle, Fill: emotionColour(e), Stroke: "#ffffff", PenWidth: 1}
			d.add(b)
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
func (d *deriver) metricsRow(y float64) float64 {
	h := minLaneH
	for pi, p := range d.j.Phases {
		steps := d.phaseSteps(p)
		if len(p.Metrics) == 0 || len(steps) == 0 {
			continue
		}
		x0 := d.colX[steps[0]]
		w := d.colX[steps[len(steps)-1]] + colW - x0
		t := &text{}
		for _, mt := range p.Metrics {
			line := "• " + clean(mt.Name)
			t.para(line, w-2*pad, fsSticky, true, colText)
			var extra string
			if mt.Target != "" {
				extra = d.t("norm: ", "target: ") + clean(mt.Target)
			}
			if mt.DataSource != "" {
				if extra != "" {
					extra += " · "
				}
				extra += d.t("bron: ", "source: ") + clean(mt.DataSource)
			}
			if extra != "" {
				t.para(extra, w-2*pad, fsSmall, false, colMuted)
			}
		}
		b := &Box{ID: fmt.Sprintf("phase%d-metrics", pi+1), Role: RoleMetric, Rect: Rect{x0, y + rowPad, w, math.Ceil(t.height() + 2*pad)},
			Shape: ShapeRect, Fill: colMetric, Stroke: colRule, PenWidth: 1, Text: t.lines}
		b.PadX, b.PadY = pad, pad
		d.add(b)
		h = math.Max(h, b.H+2*rowPad)
	}
	return math.Ceil(h)
}

// phaseSteps returns the indexes of the steps of a phase.
func (d *deriver) phaseSteps(p *blueprint.Phase) []int {
	var out []int
	for i, s := range d.j.Steps {
		if s.Phase == p.ID {
			out = append(out, i)
		}
	}
	return out
}

// phases places the phase headers and returns the y below them.
func (d *deriver) phases(y float64) float64 {
	type ph struct {
		x, w float64
		t    *text
		p    *blueprint.Phase
	}
	var list []ph
	h := 0.0
	for _, p := range d.j.Phases {
		steps := d.phaseSteps(p)
		if len(steps) == 0 {
			continue
		}
		x0 := d.colX[steps[0]]
		w := d.colX[steps[len(steps)-1]] + colW - x0
		t := &text{}
		t.para(p.Name, w-2*pad, fsPhase, true, colPhaseText)
		if desc := clean(p.Description); desc != "" {
			t.para(desc, w-2*pad, fsSmall, false, "#e3e8eb")
		}
		list = append(list, ph{x0, w, t, p})
		h = math.Max(h, t.height()+2*pad)
	}
	h = math.Ceil(h)
	for k, p := range list {
		b := &Box{ID: "phase-" + strconv.Itoa(k+1), Role: RolePhase, Rect: Rect{p.x, y, p.w, h}, Shape: ShapeRect,
			Fill: phaseColours[k%len(phaseColours)], Text: p.t.lines}
		b.PadX, b.PadY = pad, pad
		d.add(b)
	}
	if len(list) == 0 {
		return y
	}
	return y + h + 6
}

// stepHeaders places the column headers: number, channel, title and the
// fail point and repeat contact badges. It returns the row's height.
func (d *deriver) stepHeaders(y float64) float64 {
	type hdr struct {
		t      *text
		badges []*Box
		ch     *Box
	}
	hs := make([]hdr, d.n)
	h := 0.0
	for i, s := range d.j.Steps {
		t := &text{}
		// The number's line is as high as the channel pill beside it.
		t.line(Span{Text: strconv.Itoa(i + 1), Size: fsStep + 1, Bold: true, Color: colMuted})
		t.para(s.Title, colW-2*pad, fsStep, true, colText)
		var badges []*Box
		if s.FailPoint {
			badges = append(badges, d.pill(fmt.Sprintf("s%d-fail", i+1), RoleBadge, d.t("faalpunt", "fail point"), 0, 0, colPain, colPain, "#ffffff"))
		}
		if s.RepeatContact {
			badges = append(badges, d.pill(fmt.Sprintf("s%d-repeat", i+1), RoleBadge, d.t("herhaalcontact", "repeat contact"), 0, 0, colRepeat, colRepeat, "#ffffff"))
		}
		var ch *Box
		if s.Channel != "" {
			ch = d.pill(fmt.Sprintf("s%d-channel", i+1), RoleChannel, d.channelName(s.Channel), 0, 0, channelColour(d.m.Catalogue, s.Channel), channelColour(d.m.Catalogue, s.Channel), "#ffffff")
			ch.Class = "pill"
		}
		need := 2*pad + t.height()
		if len(badges) > 0 {
			need += 4 + pillH
		}
		h = math.Max(h, need)
		hs[i] = hdr{t, badges, ch}
	}
	h = math.Ceil(h)
	for i, s := range d.j.Steps {
		stroke, pw := colStepRule, 1.0
		if s.FailPoint {
			stroke, pw = colPain, 2
		}
		b := &Box{ID: "s" + strconv.Itoa(i+1), Role: RoleStep, Rect: Rect{d.colX[i], y, colW, h}, Shape: ShapeRect,
			Fill: colStepFill, Stroke: stroke, PenWidth: pw, Text: hs[i].t.lines}
		b.PadX, b.PadY = pad, pad
		d.add(b)
		if ch := hs[i].ch; ch != nil {
			ch.X, ch.Y = b.Right()-pad-ch.W, y+pad-2
			d.add(ch)
		}
		bx := b.X + pad
		for _, bg := range hs[i].badges {
			bg.X, bg.Y = bx, b.Bottom()-pad-bg.H
			bx += bg.W + 4
			d.add(bg)
		}
	}
	return h
}

// ---- title block -----------------------------------------------------

func (d *deriver) titleBlock(x, y, w float64) *Box {
	j := d.j
	t := &text{}
	if d.m.Project != nil {
		if org := clean(d.m.Project.Organisation); org != "" {
			t.para(org, w, fsBody, true, colMuted)
		}
	}
	t.para(j.Title, w, fsTitle, true, colText)
	t.line(Span{Text: " ", Size: 6})
	if p := j.Persona; p != nil {
		who := clean(p.Name)
		if a := d.m.Catalogue.Actor(p.Role); a != nil {
			who += " (" + a.Name(d.lang) + ")"
		}
		desc := clean(p.Description)
		if desc == "" {
			desc = who
		} else {
			desc = who + ". " + desc
		}
		t.labelled(d.t("Persona:", "Persona:"), desc, w, fsBody, colText)
		if q := clean(p.Quote); q != "" {
			t.para("“"+q+"”", w, fsBody, false, colMuted)
		}
	}
	meta := ""
	if dm := d.m.Catalogue.Domain(j.Domain); dm != nil {
		meta = dm.Name(d.lang)
	}
	qt := ""
	if q := d.m.Catalogue.QuestionType(j.QuestionType); q != nil {
		qt = q.Name(d.lang)
	}
	t.line(Span{Text: d.t("Domein: ", "Domain: "), Size: fsBody, Bold: true}, Span{Text: meta + "   ", Size: fsBody},
		Span{Text: d.t("Vraagsoort: ", "Question type: "), Size: fsBody, Bold: true}, Span{Text: qt + "   ", Size: fsBody},
		Span{Text: fmt.Sprintf(d.t("%d stappen in %d fasen", "%d steps in %d phases"), len(j.Steps), len(j.Phases)), Size: fsBody, Color: colMuted})
	if s := clean(j.Trigger); s != "" {
		t.labelled(d.t("Aanleiding:", "Trigger:"), s, w, fsBody, colText)
	}
	if s := clean(j.Goal); s != "" {
		t.labelled(d.t("Doel:", "Goal:"), s, w, fsBody, colText)
	}
	if j.Vision != "" && d.m.Project != nil {
		if v := d.m.Project.VisionStatement(j.Vision); v != nil {
			label := d.t("Visie:", "Vision:")
			if th := clean(v.Theme); th != "" {
				label = d.t("Visie", "Vision") + " (" + th + "):"
			}
			t.labelled(label, v.Text, w, fsBody, colDesired)
		}
	}
	b := &Box{ID: "title", Role: RoleTitle, Rect: Rect{x, y, w, math.Ceil(t.height())}, Shape: ShapeNone, Text: t.lines}
	return d.add(b)
}

// ---- paths -----------------------------------------------------------

// separators draws the three lines across the lanes, each with its name
// at the left.
func (d *deriver) separators(width float64) {
	for _, s := range d.L.Lines {
		var name string
		dash := Dashed
		switch s.Kind {
		case LineInteraction:
			name = d.t("lijn van interactie", "line of interaction")
		case LineVisibility:
			name = d.t("lijn van zichtbaarheid", "line of visibility")
		case LineInternal:
			name = d.t("lijn van interne interactie", "line of internal interaction")
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
		d.add(lb)
		d.addPath(&Path{ID: "line-" + string(s.Kind), Role: RoleLine, Class: string(s.Kind),
			Points: []Point{{margin + tw + 6, s.Y}, {d.gridRight(), s.Y}}, Color: colLine, Width: 1.3, Dash: dash})
	}
}

// heartbeat connects the emotion points, and the desired ones, with lines
// that stop at the rim of each point.
func (d *deriver) heartbeat() {
	var cur, want []*Box
	for _, b := range d.L.Boxes {
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
			d.addPath(&Path{ID: a.ID + "-to-" + b.ID, Role: role, From: a.ID, To: b.ID, Points: []Point{p1, p2}, Color: color, Width: w, Dash: dash})
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

func (d *deriver) longFlows() []longFlow {
	var out []longFlow
	for _, f := range d.j.Flows() {
		a, b := d.index[f.From], d.index[f.To]
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
	return out
}

func maxTrack(fs []longFlow) int {
	m := 0
	for _, f := range fs {
		m = max(m, f.track)
	}
	return m
}

// flows draws the arrows between steps: a short arrow across the gutter
// to the next column, a bracket over the headers for any other.
func (d *deriver) flows(top, headerY, headerH float64, long []longFlow) {
	midY := headerY + headerH/2
	stepID := func(i int) string { return "s" + strconv.Itoa(i+1) }
	for _, f := range d.j.Flows() {
		a, b := d.index[f.From], d.index[f.To]
		if b != a+1 {
			continue
		}
		x1, x2 := d.colX[a]+colW, d.colX[b]
		d.addPath(&Path{ID: stepID(a) + "-flow-" + stepID(b), Role: RoleFlow, From: stepID(a), To: stepID(b),
			Points: []Point{{x1 + 1, midY}, {x2 - 1, midY}}, Color: colFlow, Width: 1.6, Arrow: true})
	}
	n := maxTrack(long)
	for _, f := range long {
		ty := top + 3 + float64(n-f.track)*7
		x1 := d.colX[f.from] + colW/2 + 10
		x2 := d.colX[f.to] + colW/2 - 10
		d.addPath(&Path{ID: stepID(f.from) + "-flow-" + stepID(f.to), Role: RoleFlow, Class: "skip", From: stepID(f.from), To: stepID(f.to),
			Points: []Point{{x1, headerY}, {x1, ty}, {x2, ty}, {x2, headerY - 1}}, Color: colFlow, Width: 1.3, Arrow: true})
	}
}

// handoffPaths draws every hand-off from the giver's box to the
// receiver's: straight down or up when nothing lies between them, else
// out to the right, along the gutter and back in.
func (d *deriver) handoffPaths() {
	perStep := map[int]int{}
	for _, ref := range d.handoffs {
		n := perStep[ref.step]
		perStep[ref.step]++
		s, t := ref.from, ref.to
		col := ref.step
		id := fmt.Sprintf("s%d-handoff-%d", col+1, n+1)
		tip := fmt.Sprintf("%s → %s", d.actorName(ref.h.From), d.actorName(ref.h.To))
		if note := clean(ref.h.Note); note != "" {
			tip += ": " + note
		}
		down := t.Y > s.Y
		x := s.Right() - 18 - 12*float64(n)
		blocked := false
		for _, b := range d.L.Boxes {
			if (b.Role != RoleCell && b.Role != RoleGhost) || b == s || b == t || d.boxCol[b] != col {
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
		d.addPath(&Path{ID: id, Role: RoleHandoff, From: s.ID, To: t.ID, Points: pts, Color: colHandoff, Width: 1.6, Arrow: true, Tooltip: tip})
	}
}
