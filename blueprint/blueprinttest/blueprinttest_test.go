package blueprinttest

import (
	"bytes"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
)

// The generated journeys are valid without a single warning, at every
// length, so that a benchmark measures the happy path and a test that
// counts diagnostics starts from zero.
func TestJourneysValidateCleanly(t *testing.T) {
	for _, n := range []int{1, 2, 5, 8, 20, 60, 200} {
		for _, i := range []int{0, 1, 7} {
			_, diags := blueprint.Load("x.toml", Journey(i, n), blueprint.Options{})
			if len(diags) > 0 {
				t.Fatalf("journey %d of %d steps:\n%s", i, n, diags.Error())
			}
		}
	}
}

func TestDeterministicAndVaried(t *testing.T) {
	if !bytes.Equal(Journey(3, 20), Journey(3, 20)) {
		t.Fatal("the same journey differs between calls")
	}
	m := Load(t, 12, NationalSteps)
	domains, questions := map[string]bool{}, map[string]bool{}
	for _, j := range m.Journeys {
		domains[j.Domain] = true
		questions[j.QuestionType] = true
		if len(j.Steps) != NationalSteps {
			t.Fatalf("%s has %d steps, want %d", j.ID, len(j.Steps), NationalSteps)
		}
	}
	if len(domains) < 4 || len(questions) < 6 {
		t.Errorf("a collection of 12 journeys covers %d domains and %d question types, want 4 and 6", len(domains), len(questions))
	}
}
