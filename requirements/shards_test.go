package requirements

import (
	"bytes"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/blueprinttest"
)

// Deriving many journeys on several cores, in shards, gives what one pass
// over them on one core gives: the same rows, traces in the same order,
// the same counts of journeys and steps, the same diagnostics. The
// journeys mix synthetic ones with the examples and the corpus (other
// rules, needs no rule knows, priorities), spread so that they fall into
// different shards.
func TestShardedDerivationIsTheSequentialOne(t *testing.T) {
	synthetic := blueprinttest.Files(3*shardJourneys, 12)
	examples, err := blueprint.ReadPaths([]string{"../examples"})
	require.NoError(t, err)
	corpus, err := blueprint.ReadPaths([]string{"../blueprint/testdata/corpus-format"})
	require.NoError(t, err)
	corpus = slices.DeleteFunc(corpus, func(f blueprint.File) bool { return blueprint.IsProjectFile(f.Name) })
	var files []blueprint.File
	files = append(files, examples...)
	files = append(files, synthetic[:shardJourneys]...)
	files = append(files, corpus...)
	files = append(files, synthetic[shardJourneys:]...)
	files = append(files, corpus[0]) // the same file twice: two journeys with one id

	derive := func(procs int) (string, blueprint.Diagnostics) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		m, _ := blueprint.LoadFiles(slices.Clone(files), blueprint.Options{})
		res, diags := Derive(m, Builtin(), Options{ReleaseSteps: true})
		var b bytes.Buffer
		require.NoError(t, WriteJSON(&b, res, Meta{}))
		return b.String(), diags
	}
	one, oneDiags := derive(1)
	four, fourDiags := derive(4)
	require.NotEmpty(t, oneDiags, "the comparison should cover diagnostics")
	assert.Equal(t, oneDiags, fourDiags)
	assert.True(t, one == four, "the JSON of a sharded derivation differs from the sequential one")
	assert.Contains(t, one, "johan-gat-in-de-weg")
}
