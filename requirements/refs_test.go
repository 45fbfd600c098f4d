package requirements

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dimpact/blueprint/blueprint"
)

// HasReferences decides whether blueprint validate reads a catalogue: it
// must say yes for everything CheckReferences would report on, or a wrong
// reference would pass validate and fail matrix.
func TestHasReferences(t *testing.T) {
	for name, tc := range map[string]struct {
		project, steps string
		want           bool
	}{
		"free text only":      {"", step("a", `behoeften = ["Status van de melding zien"]`), false},
		"an entry of eisen":   {"", step("a", `eisen = ["KCC-CR-0002"]`), true},
		"a one-word behoefte": {"", step("a", `behoeften = ["Terugbelverzoek"]`), true},
		"a journey priority":  {"", step("a", "") + "\n[[prioriteit]]\neis = \"KCC-CR-002\"\nmoscow = \"must\"\nreden = \"r\"\n", true},
		"a project priority":  {"[[prioriteit]]\neis = \"KCC-CR-002\"\nmoscow = \"must\"\nreden = \"r\"\n", step("a", ""), true},
	} {
		m := model(t, tc.project, [3]string{"reis", "melding", tc.steps})
		assert.Equal(t, tc.want, HasReferences(m), name)
		if !tc.want {
			assert.Empty(t, CheckReferences(m, Builtin(), blueprint.Dutch), "%s: CheckReferences reports what HasReferences missed", name)
		}
	}
}
