package main

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/gemma"
)

var sharedDir = filepath.Join("..", "..", "..", "..", "..", "shared", "gemma")

// The real model is read once per format for the tests of this binary.
var full struct {
	once     sync.Once
	xml, csv *gemma.Model
}

func fullModels(t *testing.T) (fromXML, fromCSV *gemma.Model) {
	t.Helper()
	if _, err := os.Stat(sharedDir); err != nil {
		t.Skipf("the GEMMA model is not at %s (see shared/gemma/SOURCE.md); skipping the check that the embedded extract is current", sharedDir)
	}
	full.once.Do(func() {
		read := func(name string) *gemma.Model {
			m, diags, err := gemma.ReadPath(filepath.Join(sharedDir, name), blueprint.English)
			if err != nil || len(diags) > 0 {
				return nil
			}
			return m
		}
		full.xml, full.csv = read("gemma-exchange.xml"), read("gemma-elements.csv")
	})
	require.NotNil(t, full.xml, "the exchange file does not read cleanly")
	require.NotNil(t, full.csv, "the CSV export does not read cleanly")
	return full.xml, full.csv
}

// The embedded extract is what the generator makes of the real model now,
// from either format: after a change to the catalogue's GEMMA elements, the
// systems table or the scope, run `go generate ./requirements/gemma`.
func TestExtractIsCurrent(t *testing.T) {
	x, c := fullModels(t)
	for _, m := range []*gemma.Model{x, c} {
		files, err := build(m, filepath.Join(sharedDir, gemma.MappingFile))
		require.NoError(t, err)
		require.Len(t, files, 4)
		for _, f := range files {
			want, err := os.ReadFile(filepath.Join("..", "..", gemma.ExtractDir, f.Name))
			require.NoError(t, err)
			assert.True(t, string(want) == string(f.Src), "%s made from %s differs from the embedded copy; run go generate ./requirements/gemma", f.Name, m.Files[0])
		}
	}
}

// The extract has the same KCC scope, the same services per component and
// the same components in scope per service as the full model it came from,
// and every provider of a service the requirements name.
func TestExtractKeepsTheScope(t *testing.T) {
	m, _ := fullModels(t)
	ids := seeds()
	a, b := gemma.ScopeOf(m, ids), gemma.ScopeOf(gemma.Default(), ids)
	assert.Equal(t, objectIDs(a.Components), objectIDs(b.Components))
	assert.Equal(t, objectIDs(a.Services), objectIDs(b.Services))
	assert.Equal(t, objectIDs(a.Functions), objectIDs(b.Functions))
	for _, c := range b.Components {
		fc := m.Element(c.ObjectID)
		assert.Equal(t, objectIDs(m.Provides(fc)), objectIDs(gemma.Default().Provides(c)), c.Name)
		assert.Equal(t, why(a.Why[fc]), why(b.Why[c]), c.Name)
	}
	for _, s := range b.Services {
		fs := m.Element(s.ObjectID)
		// The extract has the components in scope, and all components
		// that provide a service the seeds name.
		var kept []*gemma.Element
		for _, c := range m.Realizers(fs) {
			if a.In(c) || slices.Contains(ids, s.ObjectID) {
				kept = append(kept, c)
			}
		}
		got := gemma.Default().Realizers(s)
		if !slices.Contains(ids, s.ObjectID) {
			got = slices.DeleteFunc(got, func(c *gemma.Element) bool { return !b.In(c) })
		}
		assert.Equal(t, objectIDs(kept), objectIDs(got), s.Name)
		assert.Equal(t, m.Path(a.Root, first(m.Serves(fs))), gemma.Default().Path(b.Root, first(gemma.Default().Serves(s))), s.Name)
	}
	assert.Equal(t, "2026-06-30", gemma.Default().Release)
	assert.True(t, gemma.Default().Extract)
}

func first(es []*gemma.Element) *gemma.Element {
	if len(es) == 0 {
		return nil
	}
	return es[0]
}

func why(w gemma.Why) []string {
	var out []string
	for _, e := range []*gemma.Element{w.Service, w.Function, w.ProvidedBy} {
		if e != nil {
			out = append(out, e.ObjectID)
		} else {
			out = append(out, "")
		}
	}
	if w.Seed {
		out = append(out, "seed")
	}
	return out
}

func objectIDs(es []*gemma.Element) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ObjectID)
	}
	return slices.Clip(out)
}

func TestGenerateNeedsAModel(t *testing.T) {
	_, err := generate(t.TempDir(), "")
	assert.ErrorIs(t, err, gemma.ErrNotFound)
}
