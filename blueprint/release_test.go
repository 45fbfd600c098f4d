package blueprint

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ReleaseSteps and ReleasePositions let go of the positions inside the
// elements (At gives the element's own Pos) and keep what names them.
func TestReleaseLetsGoOfPositions(t *testing.T) {
	m, diags, err := LoadDir("../examples", Options{})
	require.NoError(t, err)
	require.False(t, diags.HasErrors())
	j := m.Journeys[0]
	s := j.Steps[0]
	require.True(t, s.Has("titel"))
	require.NotEqual(t, s.Pos, s.At("titel"))
	title, id, pos := s.Title, s.ID, s.Pos
	require.NotEmpty(t, j.Phases)
	ph := j.Phases[0]
	require.True(t, ph.Has("naam"))

	j.ReleaseSteps()
	assert.False(t, s.Has("titel"))
	assert.Equal(t, s.Pos, s.At("titel"))
	assert.Nil(t, s.Support)
	assert.Equal(t, []string{title, id}, []string{s.Title, s.ID})
	assert.Equal(t, pos, s.Pos)
	assert.True(t, ph.Has("naam"), "ReleaseSteps leaves the phases alone")

	m.ReleasePositions()
	assert.False(t, ph.Has("naam"))
	assert.Equal(t, ph.Pos, ph.At("naam"))
	assert.False(t, j.Has("titel"))
	for _, k := range m.Journeys[1:] {
		assert.False(t, k.Has("titel"), k.ID)
		assert.False(t, k.Steps[len(k.Steps)-1].Has("titel"), k.ID)
	}
}
