package requirements

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/blueprinttest"
)

// Options.ReleaseSteps, which blueprint matrix uses to hold less of a
// national collection while deriving, and the release of the positions
// after it, change nothing in any output: the same rows, traces, steps
// and positions, and the same diagnostics.
func TestReleaseStepsChangesNoOutput(t *testing.T) {
	load := map[string]func(t *testing.T) *blueprint.Model{
		"examples": func(t *testing.T) *blueprint.Model {
			files, err := blueprint.ReadPaths([]string{"../examples"})
			require.NoError(t, err)
			m, diags := blueprint.LoadFiles(files, blueprint.Options{})
			require.False(t, diags.HasErrors(), diags.Error())
			return m
		},
		"synthetic": func(t *testing.T) *blueprint.Model { return blueprinttest.Load(t, 12, 20) },
	}
	for name, load := range load {
		t.Run(name, func(t *testing.T) {
			outputs := func(release bool) (string, string, string) {
				m := load(t)
				res, diags := Derive(m, Builtin(), Options{ReleaseSteps: release, IncludeUnneeded: true})
				if release {
					m.ReleasePositions()
					for _, j := range m.Journeys {
						for _, s := range j.Steps {
							require.Nil(t, s.Support, "the steps were let go of")
							require.Nil(t, s.Backstage)
						}
					}
				}
				var js, md bytes.Buffer
				require.NoError(t, WriteJSON(&js, res, Meta{}))
				require.NoError(t, WriteMarkdown(&md, res, Meta{}))
				return js.String(), md.String(), diags.Error()
			}
			js, md, diags := outputs(false)
			rjs, rmd, rdiags := outputs(true)
			assert.Equal(t, js, rjs)
			assert.Equal(t, md, rmd)
			assert.Equal(t, diags, rdiags)
		})
	}
}

func TestStepSet(t *testing.T) {
	var a, b stepSet
	for _, i := range []int{0, 3, 64, 200} {
		a.add(i)
	}
	a.add(3)
	b.add(3)
	b.add(1000)
	assert.Equal(t, 4, a.count(nil))
	assert.Equal(t, 5, a.count(b))
	assert.Equal(t, 5, b.count(a))
	b.or(a)
	assert.Equal(t, 5, b.count(nil))
}
