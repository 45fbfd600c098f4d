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
	need        bool
	rules       []string
	reasons     []string
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
	why := map[blueprint.Pos][]string{}
	for _, row := range res.Rows {
		for _, tr := range row.Traces {
			if tr.Rule != nil && !containsStr(fired[tr.Pos], tr.Rule.ID) {
				fired[tr.Pos] = append(fired[tr.Pos], tr.Rule.ID)
				why[tr.Pos] = append(why[tr.Pos], tr.Rule.ID+": "+tr.Reason)
			}
		}
	}
	var out []corpusNeed
	add := func(place string, src *blueprint.Source, key string, texts []string) {
		for i, n := range texts {
			pos := src.ElemAt(key, i)
			rules := fired[pos]
			sort.Strings(rules)
			out = append(out, corpusNeed{place: place, text: n, need: key == "behoeften", rules: rules, reasons: why[pos]})
		}
	}
	for _, j := range m.Journeys {
		for _, s := range j.Steps {
			add(j.ID+"/"+s.ID, &s.Source, "behoeften", s.Needs)
		}
	}
	for _, p := range m.Personas {
		add("persona "+p.ID, &p.Source, "behoeften", p.Needs)
	}
	for _, j := range m.Journeys {
		for _, s := range j.Steps {
			add(j.ID+"/"+s.ID, &s.Source, "knelpunten", s.PainPoints)
		}
	}
	for _, p := range m.Personas {
		add("persona "+p.ID, &p.Source, "knelpunten", p.PainPoints)
		add("persona "+p.ID, &p.Source, "frustraties", p.Frustrations)
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
	dir := os.Getenv("BLUEPRINT_CORPUS_REPORT")
	if dir == "1" {
		dir = "../blueprint/testdata/corpus-format"
	}
	texts := corpusNeeds(t, dir)
	var needs, matched, pains, painsMatched int
	var b, neg strings.Builder
	for _, n := range texts {
		if n.need {
			needs++
		} else {
			pains++
		}
		if len(n.rules) > 0 {
			if n.need {
				matched++
			} else {
				painsMatched++
			}
		}
		kind := "pain"
		if n.need {
			kind = "need"
		}
		fmt.Fprintf(&b, "%s %-45s %-60q %s\n", kind, n.place, n.text, strings.Join(n.rules, ","))
		for _, w := range strings.Fields(strings.ToLower(n.text)) {
			if w == "geen" || w == "niet" || w == "zonder" || w == "nooit" {
				for _, r := range n.reasons {
					fmt.Fprintf(&neg, "%s %s\n", kind, r)
				}
				break
			}
		}
	}
	fmt.Fprintf(&b, "%d of %d free-text needs matched; %d of %d pain points and frustrations\n", matched, needs, painsMatched, pains)
	t.Log("\n" + b.String() + "\nmatches in texts with a negation:\n" + neg.String())
}
