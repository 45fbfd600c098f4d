package render

import (
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
	g := newGrid(m, j, opts)
	for _, p := range passes {
		p.run(g)
	}
	return g.L
}

// A pass is one step of the layout. The passes run in order over one
// grid: each reads what the earlier ones decided (column positions, the
// cells, the vertical cursor) from the grid and adds its part, and none
// calls another. Boxes are drawn in the order they are added, so the order
// of the passes is also the order in which things lie on top of each
// other.
type pass struct {
	name string
	run  func(*grid)
}

var passes = []pass{
	{"columns", placeColumns},             // x of every step column and of the repeated lane names; the page
	{"cells", makeCells},                  // the boxes of each lane per step, sized by their text
	{"handoff-ends", joinHandoffs},        // the giver's and receiver's box of each hand-off
	{"title", placeTitle},                 // title block and legend, side by side or stacked
	{"phases", placePhases},               // a header over the columns of each phase
	{"flow-tracks", reserveFlowTracks},    // jumps and loops on tracks with labels; room above the step headers for the jumps
	{"step-headers", placeStepHeaders},    // number, title, channels, reasons and badges of each step
	{"loop-tracks", placeLoopTracks},      // room below the step headers for loops back
	{"lanes", placeLanes},                 // every visible lane and row, and where the three lines run
	{"page", sizePage},                    // the size of the drawing
	{"lines", drawLines},                  // the three lines with their names
	{"heartbeat", drawHeartbeat},          // the lines through the emotions
	{"flows", drawFlows},                  // arrows from step to step
	{"handoff-arrows", drawHandoffArrows}, // arrows from actor to actor
}

// passNames lists the layout passes in the order they run.
func passNames() []string {
	out := make([]string, len(passes))
	for i, p := range passes {
		out[i] = p.name
	}
	return out
}
