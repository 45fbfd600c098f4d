package archimate

import (
	"os"
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
	m map[string]Input
}

// corpus is a folder of journeys written for other services (permits,
// benefits, a passport), by another engineer from the docs alone.
const corpus = "../../blueprint/testdata/corpus-format"

func examplesInput(t testing.TB, lang blueprint.Lang) Input {
	return folderInput(t, "../../examples", lang)
}

func folderInput(t testing.TB, dir string, lang blueprint.Lang) Input {
	t.Helper()
	inputs.Lock()
	defer inputs.Unlock()
	key := dir + "|" + string(lang)
	if in, ok := inputs.m[key]; ok {
		return in
	}
	files, err := blueprint.ReadPaths([]string{dir})
	require.NoError(t, err)
	m, diags := blueprint.LoadFiles(files, blueprint.Options{})
	require.False(t, diags.HasErrors(), diags.Error())
	res, _ := requirements.Derive(m, requirements.Builtin(), requirements.Options{Lang: lang})
	in := Input{Journeys: m, Result: res, Coverage: coverage.Compute(res, m.Vocabulary, gemma.Default())}
	if inputs.m == nil {
		inputs.m = map[string]Input{}
	}
	inputs.m[key] = in
	return in
}

func examplesModel(t testing.TB, lang blueprint.Lang) *Model {
	t.Helper()
	m, err := Build(examplesInput(t, lang))
	require.NoError(t, err)
	return m
}

// models are the exports the checks run on: the examples in both
// languages and the other journeys.
func models(t testing.TB) map[string]*Model {
	t.Helper()
	out := map[string]*Model{"examples nl": examplesModel(t, blueprint.Dutch), "examples en": examplesModel(t, blueprint.English)}
	if _, err := os.Stat(corpus); err == nil {
		m, err := Build(folderInput(t, corpus, blueprint.Dutch))
		require.NoError(t, err)
		out["corpus-format"] = m
	}
	return out
}
