package render

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/blueprinttest"
)

// loadExamples loads the example journeys of the repository.
func loadExamples(tb testing.TB) *blueprint.Model {
	tb.Helper()
	m, diags, err := blueprint.LoadPaths([]string{"../examples"}, blueprint.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if diags.HasErrors() {
		tb.Fatalf("the examples do not validate:\n%v", diags)
	}
	if len(m.Journeys) < 4 {
		tb.Fatalf("want the four example journeys, got %d", len(m.Journeys))
	}
	return m
}

// layoutCase is a journey with options, for the geometric checks.
type layoutCase struct {
	name string
	m    *blueprint.Model
	j    *blueprint.Journey
	opts Options
}

func layoutCases(tb testing.TB) []layoutCase {
	m := loadExamples(tb)
	var cs []layoutCase
	for _, j := range m.Journeys {
		cs = append(cs, layoutCase{j.ID, m, j, Options{}})
	}
	j := m.Journeys[1]
	cs = append(cs,
		layoutCase{j.ID + "/en", m, j, Options{Lang: blueprint.English}},
		layoutCase{j.ID + "/lanes", m, j, Options{Hide: []Lane{LaneEvidence, LaneFront, LaneMetrics}}},
		layoutCase{j.ID + "/a3", m, j, Options{Size: SizeA3}},
	)
	for _, n := range []int{1, 2, 10, 60} {
		sm, sj := blueprinttest.One(tb, n)
		cs = append(cs, layoutCase{fmt.Sprintf("synthetic-%d", n), sm, sj, Options{}})
	}
	cm := loadDir(tb, corpusDir)
	for _, j := range cm.Journeys {
		cs = append(cs, layoutCase{"corpus/" + j.ID, cm, j, Options{}})
	}
	fm := loadDir(tb, flowDir)
	fj := fm.Journeys[0]
	cs = append(cs,
		layoutCase{"flow/" + fj.ID, fm, fj, Options{}},
		layoutCase{"flow/" + fj.ID + "/en", fm, fj, Options{Lang: blueprint.English}},
		layoutCase{"flow/" + fj.ID + "/lanes", fm, fj, Options{Hide: []Lane{LaneTime, LaneEmotion, LaneFront}}},
	)
	return cs
}

// The journeys of other gemeenten written with the format's extensions
// (blueprint/testdata/corpus-format), and a journey made to hold a loop
// whose rounds differ, branches with conditions and a hand-off chain.
const (
	corpusDir = "../blueprint/testdata/corpus-format"
	flowDir   = "testdata/flow"
)

// loadDir loads a folder of journeys that must validate without a
// message.
func loadDir(tb testing.TB, dir string) *blueprint.Model {
	tb.Helper()
	m, diags, err := blueprint.LoadPaths([]string{dir}, blueprint.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if len(diags) > 0 {
		tb.Fatalf("%s does not validate cleanly:\n%v", dir, diags)
	}
	return m
}

// content reports whether a box is something a reader reads (as opposed
// to a background band or the page), for the overlap check.
func content(b *Box) bool {
	switch b.Role {
	case RoleBackground, RoleBand, RoleGrid, RoleScale:
		return false // the scale lies inside the heartbeat's lane label
	case RoleLegend:
		return b.ID == "legend" // the frame; entries lie inside it
	case RoleChannel, RoleBadge:
		return b.Class != "bar" && !hasClass(b, "pill") && b.Role != RoleBadge // bars, pills and badges lie inside their box
	}
	return true
}

// TestLayoutNothingOverlaps checks that no two things a reader reads share
// a point: cells, sticky notes, headers, pills, labels, the legend and the
// title block, in the examples and in synthetic journeys up to 60 steps.
func TestLayoutNothingOverlaps(t *testing.T) {
	for _, c := range layoutCases(t) {
		t.Run(c.name, func(t *testing.T) {
			l := Derive(c.m, c.j, c.opts)
			var bs []*Box
			for _, b := range l.Boxes {
				if content(b) {
					bs = append(bs, b)
				}
			}
			n := 0
			for i, a := range bs {
				for _, b := range bs[i+1:] {
					if a.Role == RoleEmotion && b.Role == RoleDesired || a.Role == RoleDesired && b.Role == RoleEmotion {
						continue // the desired ring may circle the point
					}
					if a.Overlaps(b.Rect) {
						if n++; n <= 5 {
							t.Errorf("%s %v overlaps %s %v", a.ID, a.Rect, b.ID, b.Rect)
						}
					}
				}
			}
		})
	}
}

// TestLayoutInsideParents checks what lies inside something else: channel
// bars and pills and the badges inside their step header or box, legend
// entries inside the legend, everything inside the page.
func TestLayoutInsideParents(t *testing.T) {
	for _, c := range layoutCases(t) {
		t.Run(c.name, func(t *testing.T) {
			l := Derive(c.m, c.j, c.opts)
			byID := map[string]*Box{}
			for _, b := range l.Boxes {
				if byID[b.ID] != nil {
					t.Errorf("box id %q used twice", b.ID)
				}
				byID[b.ID] = b
			}
			page := Rect{0, 0, l.Width, l.Height}
			for _, b := range l.Boxes {
				if !page.Contains(b.Rect) {
					t.Errorf("%s %v lies outside the page %v", b.ID, b.Rect, page)
				}
				var parent *Box
				switch {
				case b.Class == "bar":
					parent = byID[strings.TrimSuffix(b.ID, "-bar")]
				case hasClass(b, "pill") || b.Role == RoleBadge:
					parent = byID[b.ID[:strings.LastIndex(b.ID, ".")]]
				case b.Role == RoleLegend && b.ID != "legend":
					parent = byID["legend"]
				case b.Role == RoleScale:
					parent = byID["lane-"+string(LaneEmotion)]
					if i := strings.Index(b.ID, "-r"); i > 0 {
						parent = byID["lane-"+string(LaneEmotion)+b.ID[i:]]
					}
				default:
					continue
				}
				if parent == nil {
					t.Errorf("%s: no parent box", b.ID)
				} else if !parent.Contains(b.Rect) {
					t.Errorf("%s %v lies outside %s %v", b.ID, b.Rect, parent.ID, parent.Rect)
				}
				if parent != nil {
					for k, line := range textRects(parent) {
						if line.Overlaps(b.Rect) {
							t.Errorf("%s %v covers line %d of %s's text %v", b.ID, b.Rect, k+1, parent.ID, line)
						}
					}
				}
			}
			for _, p := range l.Paths {
				for _, q := range p.Points {
					if !page.Contains(Rect{q.X, q.Y, 0, 0}) {
						t.Errorf("path %s leaves the page at %v", p.ID, q)
					}
				}
			}
		})
	}
}

// TestLayoutTextFits checks that the text of every box fits inside it, as
// measured with the font that draws it.
func TestLayoutTextFits(t *testing.T) {
	for _, c := range layoutCases(t) {
		t.Run(c.name, func(t *testing.T) {
			l := Derive(c.m, c.j, c.opts)
			for _, b := range l.Boxes {
				if len(b.Text) == 0 {
					continue
				}
				w, h := textBlockWidth(b.Text), textHeight(b.Text)
				roomW, roomH := b.W-2*b.PadX, b.H-2*b.PadY
				if b.Center {
					roomW, roomH = b.W, b.H
				}
				if w > roomW+0.01 || h > roomH+0.01 {
					t.Errorf("%s: text %.1f × %.1f does not fit in %.1f × %.1f: %q", b.ID, w, h, roomW, roomH, b.Text[0].Spans[0].Text)
				}
				for _, line := range b.Text {
					for _, s := range line.Spans {
						if s.Size != math.Trunc(s.Size) {
							t.Errorf("%s: font size %v is not whole (Graphviz reads POINT-SIZE as a whole number)", b.ID, s.Size)
						}
					}
				}
			}
		})
	}
}

// TestLayoutShowsTheJourney checks that the layout holds what a reader
// looks for: every step title, a column per step in order, a box for
// every action, pain point and success factor, a point per emotion, an
// arrow per flow and hand-off, and the three lines between the right
// lanes.
func TestLayoutShowsTheJourney(t *testing.T) {
	m := loadExamples(t)
	for _, j := range m.Journeys {
		t.Run(j.ID, func(t *testing.T) {
			l := Derive(m, j, Options{})
			count := map[Role]int{}
			text := map[string]string{}
			for _, b := range l.Boxes {
				count[b.Role]++
				text[b.ID] = boxText(b)
			}
			paths := map[Role]int{}
			for _, p := range l.Paths {
				paths[p.Role]++
			}
			var actions, pains, successes, emotions, desired, handoffs int
			for i, s := range j.Steps {
				if got := text["step-"+s.ID]; !strings.Contains(got, clean(s.Title)) {
					t.Errorf("step %d header %q lacks the title %q", i+1, got, s.Title)
				}
				if l.Columns[i].StepID != s.ID {
					t.Errorf("column %d is step %q, want %q", i, l.Columns[i].StepID, s.ID)
				}
				if i > 0 && l.Columns[i].X <= l.Columns[i-1].X {
					t.Errorf("column %d is not right of column %d", i, i-1)
				}
				actions += len(s.Frontstage) + len(s.Backstage) + len(s.Support)
				if s.CustomerAction != "" {
					actions++
				}
				if s.Evidence != "" {
					actions++
				}
				pains += len(s.PainPoints)
				successes += len(s.SuccessFactors)
				handoffs += len(s.Handoffs)
				if s.Emotion != nil {
					emotions++
				}
				if s.DesiredEmotion != nil {
					desired++
				}
			}
			if count[RoleCell] != actions {
				t.Errorf("%d cell boxes, want one per action: %d", count[RoleCell], actions)
			}
			if count[RolePain] != pains || count[RoleSuccess] != successes {
				t.Errorf("%d pain and %d success boxes, want %d and %d", count[RolePain], count[RoleSuccess], pains, successes)
			}
			if count[RoleEmotion] != emotions || count[RoleDesired] != desired {
				t.Errorf("%d emotion and %d desired points, want %d and %d", count[RoleEmotion], count[RoleDesired], emotions, desired)
			}
			if paths[RoleFlow] != len(j.Flows()) || paths[RoleHandoff] != handoffs {
				t.Errorf("%d flow and %d hand-off arrows, want %d and %d", paths[RoleFlow], paths[RoleHandoff], len(j.Flows()), handoffs)
			}
			var kinds []string
			for _, s := range l.Lines {
				kinds = append(kinds, string(s.Kind))
			}
			if got := strings.Join(kinds, ","); got != "interaction,visibility,internal" {
				t.Errorf("lines %s, want interaction,visibility,internal", got)
			}
			// Each line lies between the lanes it separates.
			band := map[Lane]LaneBand{}
			for _, b := range l.Lanes {
				band[b.Lane] = b
			}
			between := map[LineKind][2]Lane{
				LineInteraction: {LaneCustomer, LaneFront}, LineVisibility: {LaneFront, LaneBack}, LineInternal: {LaneBack, LaneSupport},
			}
			for _, s := range l.Lines {
				above, below := band[between[s.Kind][0]], band[between[s.Kind][1]]
				if !(s.Y > above.Y+above.H && s.Y < below.Y) {
					t.Errorf("line of %s at y=%.0f is not between %s (ends %.0f) and %s (starts %.0f)", s.Kind, s.Y, above.Lane, above.Y+above.H, below.Lane, below.Y)
				}
			}
		})
	}
}

// TestLayoutHidesLanes checks --lanes: hidden lanes have no band and no
// boxes, and a line is drawn only where lanes on both sides are shown.
func TestLayoutHidesLanes(t *testing.T) {
	m := loadExamples(t)
	j := m.Journeys[0]
	l := Derive(m, j, Options{Hide: []Lane{LaneFront, LaneEvidence, LaneEmotion}})
	for _, b := range l.Boxes {
		if b.Class == string(LaneFront) || b.Class == string(LaneEvidence) || b.Role == RoleEmotion {
			t.Errorf("box %s of a hidden lane is drawn", b.ID)
		}
	}
	var kinds []string
	for _, s := range l.Lines {
		kinds = append(kinds, string(s.Kind))
	}
	// Without the frontstage, the customer meets the backstage: one line
	// of interaction, no line of visibility, then the internal line.
	if got := strings.Join(kinds, ","); got != "interaction,internal" {
		t.Errorf("lines %s, want interaction,internal", got)
	}
	only := Derive(m, j, Options{Hide: []Lane{LaneTime, LaneEmotion, LaneEvidence, LaneFront, LaneBack, LaneSupport, LanePain, LaneSuccess, LaneMetrics}})
	if len(only.Lanes) != 1 || only.Lanes[0].Lane != LaneCustomer || len(only.Lines) != 0 {
		t.Errorf("with only klantactie shown: lanes %v, lines %v", only.Lanes, only.Lines)
	}
}

// TestLayoutArrowsHaveRoom checks that every arrow's last leg is longer
// than its arrowhead, so Graphviz can point it.
func TestLayoutArrowsHaveRoom(t *testing.T) {
	for _, c := range layoutCases(t) {
		l := Derive(c.m, c.j, c.opts)
		for _, p := range l.Paths {
			if !p.Arrow {
				continue
			}
			a, b := p.Points[len(p.Points)-2], p.Points[len(p.Points)-1]
			if d := math.Hypot(b.X-a.X, b.Y-a.Y); d < arrowLen+2 {
				t.Errorf("%s: arrow %s has a last leg of %.1f pt, shorter than its head", c.name, p.ID, d)
			}
		}
	}
}

// TestLayoutLanguage checks that the diagram's own labels follow the
// language and the journey's text does not change.
func TestLayoutLanguage(t *testing.T) {
	m := loadExamples(t)
	j := m.Journeys[0]
	labels := func(l *Layout) string {
		var s []string
		for _, b := range l.Boxes {
			if b.Role == RoleLaneLabel || b.Role == RoleLineLabel {
				s = append(s, boxText(b))
			}
		}
		return strings.Join(s, " | ")
	}
	nl, en := labels(Derive(m, j, Options{})), labels(Derive(m, j, Options{Lang: blueprint.English}))
	for _, want := range []string{"Klantactie", "Frontoffice", "lijn van interactie", "lijn van zichtbaarheid", "lijn van interne interactie"} {
		if !strings.Contains(nl, want) {
			t.Errorf("Dutch labels lack %q: %s", want, nl)
		}
	}
	for _, want := range []string{"Customer actions", "Frontstage", "line of interaction", "line of visibility", "line of internal interaction"} {
		if !strings.Contains(en, want) {
			t.Errorf("English labels lack %q: %s", want, en)
		}
	}
}

// TestLayoutDeterministic checks that the same journey gives the same
// layout twice.
func TestLayoutDeterministic(t *testing.T) {
	m := loadExamples(t)
	for _, j := range m.Journeys {
		var a, b strings.Builder
		if err := WriteDOT(&a, Derive(m, j, Options{})); err != nil {
			t.Fatal(err)
		}
		if err := WriteDOT(&b, Derive(m, j, Options{})); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%s: two derivations differ", j.ID)
		}
	}
}

// boxText joins the text of a box with spaces.
func boxText(b *Box) string {
	var parts []string
	for _, l := range b.Text {
		var line string
		for _, s := range l.Spans {
			line += s.Text
		}
		parts = append(parts, strings.TrimSpace(line))
	}
	return strings.Join(parts, " ")
}

// textRects returns the rectangle of each line of text of a left-aligned
// box, as the encoders place them.
func textRects(b *Box) []Rect {
	if b.Center {
		return nil
	}
	var out []Rect
	y := b.Y + b.PadY
	for _, l := range b.Text {
		h := l.height()
		out = append(out, Rect{b.X + b.PadX, y, spansWidth(l.Spans), h})
		y += h
	}
	return out
}

// TestDeriveIncompleteJourney draws journeys the validator would reject
// (no steps, a step with nothing but a title) without panicking: a library
// user may draw a model with errors.
func TestDeriveIncompleteJourney(t *testing.T) {
	m := &blueprint.Model{Project: &blueprint.Project{}, Vocabulary: blueprint.BuiltinVocabulary()}
	for _, j := range []*blueprint.Journey{
		{ID: "leeg", Title: "Zonder stappen"},
		{ID: "kaal", Title: "Eén kale stap", Phases: []*blueprint.Phase{{ID: "f", Name: "F"}},
			Steps: []*blueprint.Step{{ID: "a", Phase: "onbekend", Title: "Alleen een titel", Channel: "bestaat-niet",
				Handoffs: []*blueprint.Handoff{{From: "x", To: "y"}}}}},
	} {
		l := Derive(m, j, Options{})
		var sb strings.Builder
		if err := WriteDOT(&sb, l); err != nil {
			t.Fatal(err)
		}
		if l.Width <= 0 || l.Height <= 0 {
			t.Errorf("%s: empty drawing %v × %v", j.ID, l.Width, l.Height)
		}
	}
}

// TestLanesAreTheCallersOwn checks that a caller who changes the slice
// Lanes returns changes neither the next call nor the lane order of a
// diagram: a long-running server shares the package between requests.
func TestLanesAreTheCallersOwn(t *testing.T) {
	m := loadExamples(t)
	before := Derive(m, m.Journeys[0], Options{}).Lanes
	ls := Lanes()
	slices.Reverse(ls)
	ls[0] = "kapot"
	if got := Lanes(); got[0] != LaneTime || got[len(got)-1] != LaneMetrics {
		t.Errorf("Lanes() after a caller changed its slice: %v", got)
	}
	if after := Derive(m, m.Journeys[0], Options{}).Lanes; !slices.Equal(before, after) {
		t.Errorf("lane order changed with the caller's slice:\n%v\n%v", before, after)
	}
	sz := Sizes()
	sz[1] = SizeA0
	if got := Sizes(); got[1] != SizeA3 {
		t.Errorf("Sizes() after a caller changed its slice: %v", got)
	}
}

// TestDocListsThePasses keeps doc.go true: it lists every layout pass, in
// the order Derive runs them.
func TestDocListsThePasses(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, line := range strings.Split(string(src), "\n") {
		if rest, ok := strings.CutPrefix(line, "//\t"); ok {
			listed = append(listed, strings.Fields(rest)[0])
		}
	}
	if got, want := strings.Join(listed, " "), strings.Join(passNames(), " "); got != want {
		t.Errorf("doc.go lists the passes\n  %s\nDerive runs\n  %s", got, want)
	}
}

// hasClass reports whether a box has a word in its class.
func hasClass(b *Box, word string) bool { return slices.Contains(strings.Fields(b.Class), word) }
