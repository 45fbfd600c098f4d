package requirements

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
)

// corpusNeed is one free-text need of the corpus and the rules that
// recognised it.
type corpusNeed struct {
	place, text string
	rules       []string
}

// corpusNeeds derives the journeys of dir and returns every free-text need
// of their steps and personas with the text and step rules that fired on
// it (a trace at the need's position).
func corpusNeeds(t *testing.T, dir string) []corpusNeed {
	t.Helper()
	m, diags, err := blueprint.LoadPaths([]string{dir}, blueprint.Options{})
	require.NoError(t, err)
	require.False(t, diags.HasErrors(), diags.Error())
	res, _ := Derive(m, Builtin(), Options{})
	fired := map[blueprint.Pos][]string{}
	for _, row := range res.Rows {
		for _, tr := range row.Traces {
			if tr.Rule != nil && !containsStr(fired[tr.Pos], tr.Rule.ID) {
				fired[tr.Pos] = append(fired[tr.Pos], tr.Rule.ID)
			}
		}
	}
	var out []corpusNeed
	add := func(place string, src *blueprint.Source, needs []string) {
		for i, n := range needs {
			if isKey(n) {
				continue
			}
			rules := fired[src.ElemAt("behoeften", i)]
			sort.Strings(rules)
			out = append(out, corpusNeed{place: place, text: n, rules: rules})
		}
	}
	for _, j := range m.Journeys {
		for _, s := range j.Steps {
			add(j.ID+"/"+s.ID, &s.Source, s.Needs)
		}
	}
	for _, p := range m.Personas {
		add("persona "+p.ID, &p.Source, p.Needs)
	}
	return out
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestCorpusNeedsReport prints which free-text needs of the format corpus
// a rule recognises; run with BLUEPRINT_CORPUS_REPORT=1 (the figures of
// docs/requirements.md).
func TestCorpusNeedsReport(t *testing.T) {
	if os.Getenv("BLUEPRINT_CORPUS_REPORT") == "" {
		t.Skip("set BLUEPRINT_CORPUS_REPORT=1 to print the report")
	}
	needs := corpusNeeds(t, "../blueprint/testdata/corpus-format")
	matched := 0
	var b strings.Builder
	for _, n := range needs {
		if len(n.rules) > 0 {
			matched++
		}
		fmt.Fprintf(&b, "%-45s %-60q %s\n", n.place, n.text, strings.Join(n.rules, ","))
	}
	fmt.Fprintf(&b, "%d of %d free-text needs matched\n", matched, len(needs))
	t.Log("\n" + b.String())
}
