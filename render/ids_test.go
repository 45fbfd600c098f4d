package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
)

// svgID is what the ids of the diagram may hold: an XML name (the SVG id
// attribute) without spaces or characters a URL fragment must escape.
var svgID = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.+-]*$`)

// TestBoxIDsUniqueForAnyStepIDs draws a journey whose step ids the loader
// would reject or that look like each other's parts ("a" and "a-emotion",
// "a.emotion", a duplicate, an empty id, spaces, a quote, non-ASCII) and
// checks that every box and arrow still has its own valid id.
func TestBoxIDsUniqueForAnyStepIDs(t *testing.T) {
	m := loadExamples(t)
	base := m.Journeys[1] // Johan: hand-offs, pains, waits, emotions, a flow that jumps
	ids := []string{"a", "a-emotion", "a.emotion", "a", "", "b c", `d"e`, "één", "_1", "a-flow-step-b", "b", "x-klantactie-1", "x"}
	j := *base
	j.Steps = nil
	for i, s := range base.Steps {
		c := *s
		c.ID = ids[i%len(ids)]
		c.Next = nil
		j.Steps = append(j.Steps, &c)
	}
	l := Derive(m, &j, Options{})
	seen := map[string]bool{}
	check := func(id string) {
		if seen[id] {
			t.Errorf("id %q used twice", id)
		}
		seen[id] = true
		if !svgID.MatchString(id) {
			t.Errorf("id %q is not a valid SVG id", id)
		}
	}
	for _, b := range l.Boxes {
		check(b.ID)
	}
	for _, p := range l.Paths {
		check(p.ID)
	}
	// A usable id is kept; the others fall back to the position.
	want := []string{"step-a", "step-a-emotion", "step-_3", "step-_4", "step-_5", "step-_6", "step-_7", "step-_8", "step-_9",
		"step-a-flow-step-b", "step-b", "step-x-klantactie-1", "step-x"}
	for i, c := range l.Columns[:min(len(want), len(l.Columns))] {
		if c.ID != want[i] {
			t.Errorf("step %d (id %q) is named %q, want %q", i+1, c.StepID, c.ID, want[i])
		}
	}
}

// TestBoxIDsSurviveAnInsertedStep inserts a step at the start of each
// example journey and checks that every box and arrow of the original
// keeps its id: a link into the SVG stays valid when the journey grows.
func TestBoxIDsSurviveAnInsertedStep(t *testing.T) {
	m := loadExamples(t)
	for _, j := range m.Journeys {
		t.Run(j.ID, func(t *testing.T) {
			before := Derive(m, j, Options{})
			grown := *j
			first := j.Steps[0]
			grown.Steps = append([]*blueprint.Step{{ID: "nieuwe-eerste-stap", Phase: first.Phase, Title: "Een nieuwe eerste stap",
				CustomerAction: "Doet iets nieuws", Emotion: first.Emotion}}, j.Steps...)
			after := map[string]bool{}
			l := Derive(m, &grown, Options{})
			for _, b := range l.Boxes {
				after[b.ID] = true
			}
			for _, p := range l.Paths {
				after[p.ID] = true
			}
			n := 0
			for _, b := range before.Boxes {
				if strings.HasPrefix(b.ID, "step-") {
					n++
					if !after[b.ID] {
						t.Errorf("box %s is gone or renamed after inserting a step", b.ID)
					}
				}
			}
			for _, p := range before.Paths {
				if strings.HasPrefix(p.ID, "step-") && !after[p.ID] {
					t.Errorf("arrow %s is gone or renamed after inserting a step", p.ID)
				}
			}
			if n < len(j.Steps)*3 {
				t.Errorf("only %d boxes are named after their step", n)
			}
		})
	}
}
