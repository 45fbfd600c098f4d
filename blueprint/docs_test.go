package blueprint

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFormatDocDescribesEverything keeps docs/format.md true: every key of
// every table and every built-in catalogue id is written in it.
func TestFormatDocDescribesEverything(t *testing.T) {
	b, err := os.ReadFile("../docs/format.md")
	require.NoError(t, err)
	doc := string(b)
	types := []any{Project{}, VisionStatement{}, Persona{}, Journey{}, Phase{}, Metric{}, Step{},
		Action{}, Support{}, Handoff{}, Improvement{}, Effect{}, Measurement{}, PriorityOverride{}, Channel{}, Actor{}, System{}, Domain{}, QuestionType{},
		Wait{}, Span{}, NextStep{}}
	for _, v := range types {
		keys, _ := Keys(v)
		for _, k := range keys {
			if !strings.Contains(doc, "`"+k+"`") && !strings.Contains(doc, "["+k+"]") && !strings.Contains(doc, "."+k+"`") && !strings.Contains(doc, "."+k+"]]") {
				t.Errorf("docs/format.md does not describe key %q of %s", k, reflect.TypeOf(v).Name())
			}
		}
	}
	c := BuiltinVocabulary()
	for _, list := range [][]string{c.ChannelIDs(), c.ActorIDs(), c.SystemIDs(), c.DomainIDs(), c.QuestionTypeIDs(), MetricCatalogueIDs()} {
		for _, id := range list {
			if !strings.Contains(doc, "| `"+id+"` |") {
				t.Errorf("docs/format.md does not list built-in id %q", id)
			}
		}
	}
}
