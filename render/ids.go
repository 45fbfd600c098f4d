package render

import (
	"strconv"

	"github.com/dimpact/blueprint/blueprint"
)

// The boxes and arrows of a step are named after the step's id, not its
// position, so that inserting a step renames nothing else and a link into
// the SVG (from a journey site, a live preview) keeps pointing at the same
// box. For step "belt-kcc":
//
//	step-belt-kcc                          its header
//	step-belt-kcc.frontoffice-1            its first frontoffice box
//	step-belt-kcc.frontoffice-1-bar        that box's channel bar
//	step-belt-kcc.pain-2                   its second pain point
//	step-belt-kcc.emotion                  its point of the heartbeat
//	step-belt-kcc.handoff-1                its first hand-off arrow
//	step-belt-kcc.flow-step-mist-oproep    the arrow to the next step
//
// The dot separates the step from the part. A step id holds letters,
// digits, "-" and "_" (the loader checks it), never a dot, so the ids of
// two steps cannot meet whatever the steps are called ("a" and
// "a-emotion" included), and no fixed box (page, title, legend, bands,
// lanes, lines, phases) starts with "step-". In CSS the dot must be
// escaped (#step-a\.emotion); getElementById and a URL's #fragment take
// the id as it is.
//
// A step whose id cannot be used that way is named after its position
// instead, as "step-_3" for the third step: a model that was not
// validated may have an empty id, another character or an id used twice
// (the first step keeps it). No valid id starts with "_", so such a name
// meets no other.

// stepNames returns the name of each step's header box.
func stepNames(steps []*blueprint.Step) []string {
	out := make([]string, len(steps))
	used := map[string]bool{}
	for i, s := range steps {
		key := s.ID
		if !safeStepID(key) || used[key] {
			key = "_" + strconv.Itoa(i+1)
		}
		used[key] = true
		out[i] = "step-" + key
	}
	return out
}

// safeStepID reports whether a step id can name boxes: a letter or digit,
// then letters, digits, "-" and "_" (ASCII), as the loader requires.
func safeStepID(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case (c == '-' || c == '_') && i > 0:
		default:
			return false
		}
	}
	return id != ""
}

// stepBox is the id of the header box of step i.
func (g *grid) stepBox(i int) string { return g.L.Columns[i].ID }

// stepPart is the id of one of the other boxes or arrows of step i.
func (g *grid) stepPart(i int, part string) string { return g.stepBox(i) + "." + part }

// StepBoxIDs maps the id of every step in l to the id of its step header
// box (Column.ID): the id of that box's element in the SVG, so that a web
// page can point into the diagram (the journey site pans to a step and
// opens a step from a click on its header).
func (l *Layout) StepBoxIDs() map[string]string {
	out := make(map[string]string, len(l.Columns))
	for _, c := range l.Columns {
		out[c.StepID] = c.ID
	}
	return out
}
