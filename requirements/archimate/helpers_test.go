package archimate

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
	"github.com/dimpact/blueprint/requirements/gemma/coverage"
)

// input derives the four example journeys (once per language) and computes
// their coverage against the embedded GEMMA extract.
var inputs struct {
	sync.Mutex
	m map[blueprint.Lang]Input
}

func examplesInput(t testing.TB, lang blueprint.Lang) Input {
	t.Helper()
	inputs.Lock()
	defer inputs.Unlock()
	if in, ok := inputs.m[lang]; ok {
		return in
	}
	files, err := blueprint.ReadPaths([]string{"../../examples"})
	require.NoError(t, err)
	m, diags := blueprint.LoadFiles(files, blueprint.Options{})
	require.False(t, diags.HasErrors(), diags.Error())
	res, _ := requirements.Derive(m, requirements.Builtin(), requirements.Options{Lang: lang})
	in := Input{Journeys: m, Result: res, Coverage: coverage.Compute(res, m.Vocabulary, gemma.Default())}
	if inputs.m == nil {
		inputs.m = map[blueprint.Lang]Input{}
	}
	inputs.m[lang] = in
	return in
}

func examplesModel(t testing.TB, lang blueprint.Lang) *Model {
	t.Helper()
	m, err := Build(examplesInput(t, lang))
	require.NoError(t, err)
	return m
}
