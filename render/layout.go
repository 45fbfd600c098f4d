package render

import (
	"math"

	"github.com/dimpact/blueprint/blueprint"
)

// Layout is a service blueprint with every position decided: the neutral
// result of Derive, which the encoders draw without deciding anything
// themselves. Coordinates are points (1/72 inch), with the origin at the
// top-left corner and y growing downwards. All box edges lie on whole
// points.
//
// Boxes are drawn in order, then Paths in order, so a box that must lie
// under another (a lane's background band) comes first.
type Layout struct {
	// JourneyID names the output file; Title is the document title.
	JourneyID, Title string
	Lang             blueprint.Lang
	Size             Size
	// Width and Height are the size of the drawing, margins included.
	Width, Height float64
	Boxes         []*Box
	Paths         []*Path

	// The grid, for readers of the layout (tests, encoders that want the
	// structure): the step columns, the visible lanes and the lines
	// between them.
	Columns []Column
	Lanes   []LaneBand
	Lines   []Separator
}

// Rect is an axis-aligned rectangle.
type Rect struct{ X, Y, W, H float64 }

// Right returns the x of the right edge.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom returns the y of the bottom edge.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// CX returns the x of the centre.
func (r Rect) CX() float64 { return r.X + r.W/2 }

// CY returns the y of the centre.
func (r Rect) CY() float64 { return r.Y + r.H/2 }

// Overlaps reports whether r and o share an interior point.
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.Right() && o.X < r.Right() && r.Y < o.Bottom() && o.Y < r.Bottom()
}

// Contains reports whether o lies inside r (edges may touch).
func (r Rect) Contains(o Rect) bool {
	const eps = 0.01
	return o.X >= r.X-eps && o.Y >= r.Y-eps && o.Right() <= r.Right()+eps && o.Bottom() <= r.Bottom()+eps
}

// Point is a position in points.
type Point struct{ X, Y float64 }

// Role says what a box or path shows. The encoders write it as the class
// of the SVG element, so a reader (or a test) can find every pain point or
// every lane label.
type Role string

// The roles of boxes and paths.
const (
	RoleBackground Role = "background"   // the page
	RoleTitle      Role = "title"        // the title block
	RoleLegend     Role = "legend"       // the legend frame and its entries
	RolePhase      Role = "phase"        // a phase header
	RoleStep       Role = "step"         // a step header (column title)
	RoleBadge      Role = "badge"        // a marker on a step header: fail point, repeat contact
	RoleChannel    Role = "channel"      // the channel pill of a step header, or a channel bar
	RoleBand       Role = "band"         // the background of a lane or row
	RoleLaneLabel  Role = "lane-label"   // the name of a lane or row, in the left column
	RoleLineLabel  Role = "line-label"   // the name of one of the three lines
	RoleCell       Role = "cell"         // what happens in a lane of a step
	RoleGhost      Role = "ghost"        // an actor who receives a hand-off but does nothing else there
	RolePain       Role = "pain"         // a pain point (knelpunt)
	RoleSuccess    Role = "success"      // a success factor
	RoleWait       Role = "wait"         // a wait before a step
	RoleDuration   Role = "duration"     // how long a step takes
	RoleMetric     Role = "metric"       // the metrics of a phase
	RoleEmotion    Role = "emotion"      // a point of the heartbeat
	RoleDesired    Role = "desired"      // a point of the desired heartbeat
	RoleGrid       Role = "grid"         // a grid line of the heartbeat
	RoleScale      Role = "scale"        // a scale label of the heartbeat
	RoleFlow       Role = "flow"         // an arrow from step to step
	RoleHandoff    Role = "handoff"      // an arrow from actor to actor
	RoleLine       Role = "line"         // line of interaction, visibility or internal interaction
	RoleHeartbeat  Role = "heartbeat"    // the line through the emotions
	RoleHeartbeatD Role = "heartbeat-to" // the line through the desired emotions
	RoleFlowLabel  Role = "flow-label"   // the condition or target of a branch, jump or loop
	RoleMoment     Role = "moment"       // the day of a step, or the time since the start
	RoleSpan       Role = "span"         // a lead time across steps with its deadline
)

// Shape is the outline of a box.
type Shape int

// The shapes of boxes.
const (
	ShapeRect    Shape = iota // a plain rectangle
	ShapeRounded              // a rectangle with rounded corners
	ShapeNote                 // a sheet with a folded corner (physical evidence)
	ShapeCircle               // a circle inscribed in the rectangle
	ShapeNone                 // text only
)

// Box is a rectangle with optional text. Text lines start at the top-left
// of the rectangle inset by PadX and PadY, or are centred when Center is
// set.
type Box struct {
	// ID is unique in the layout; it becomes the node name and SVG id.
	ID   string
	Role Role
	// Class adds words to the role in the SVG class, such as the lane.
	Class string
	Rect
	Shape Shape
	// Fill and Stroke are #rrggbb colours; empty means none.
	Fill, Stroke string
	PenWidth     float64
	Dashed       bool
	// Bar is the colour of a bar along the left edge (the channel of a
	// contact); the encoders draw it as a box of its own, after this one.
	Bar string
	// PadX and PadY inset the text from the edges.
	PadX, PadY float64
	Center     bool // centre lines horizontally and the block vertically
	Text       []TextLine
}

// TextLine is one line of text, made of spans.
type TextLine struct{ Spans []Span }

// Span is a run of text in one style.
type Span struct {
	Text  string
	Size  float64
	Bold  bool
	Color string // #rrggbb; empty means the default text colour
}

// Path is a polyline, drawn after all boxes.
type Path struct {
	ID    string
	Role  Role
	Class string
	// From and To are the IDs of the boxes the path connects, or empty
	// for a line that connects no boxes.
	From, To string
	Points   []Point
	Color    string
	Width    float64
	Dash     Dash
	Arrow    bool // an arrowhead at the last point
	// Tooltip explains the path on hover (a hand-off's note).
	Tooltip string
}

// Dash is the stroke pattern of a path.
type Dash int

// The stroke patterns.
const (
	Solid Dash = iota
	Dashed
	Dotted
)

// Column is the column of one step.
type Column struct {
	StepID string
	// ID is the id of the step's header box, "step-" and the step's id.
	// The ids of the step's other boxes and arrows are ID, a dot and
	// what they are ("step-belt-kcc.emotion"); see ids.go.
	ID string
	// X and W bound the boxes of the column; the gutter lies outside.
	X, W float64
}

// LaneBand is a visible lane or row with its vertical extent.
type LaneBand struct {
	Lane Lane
	Y, H float64
}

// Separator is one of the three lines of a service blueprint.
type Separator struct {
	Kind LineKind
	Y    float64
}

// LineKind names the three lines.
type LineKind string

// The three lines of a service blueprint.
const (
	LineInteraction LineKind = "interaction"
	LineVisibility  LineKind = "visibility"
	LineInternal    LineKind = "internal"
)

// PrintedTextSize is the size in points of body text when the diagram is
// drawn at its Size: the layout's 10 pt on screen, scaled to fit the sheet
// for a print size.
func (l *Layout) PrintedTextSize() float64 {
	return fsBody * l.printScale()
}

// printScale is the factor that fits the drawing on its sheet (1 on
// screen).
func (l *Layout) printScale() float64 {
	w, h, ok := l.Size.sheet()
	if !ok || l.Width == 0 || l.Height == 0 {
		return 1
	}
	return math.Min(w/l.Width, h/l.Height)
}

// SmallestLegibleSize returns the smallest sheet on which the diagram's
// body text is at least minPt, and false when even A0 is too small.
func (l *Layout) SmallestLegibleSize(minPt float64) (Size, bool) {
	for _, s := range sizes[1:] {
		c := *l
		c.Size = s
		if c.PrintedTextSize() >= minPt {
			return s, true
		}
	}
	return SizeA0, false
}
