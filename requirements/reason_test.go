package requirements

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// appendReason fills what the placeholder pattern (which the catalogue
// check uses) finds, and nothing else.
func TestAppendReasonFillsWhatThePatternFinds(t *testing.T) {
	vars := map[string]string{"kanaal": "chat", "systeem": "Zaaksysteem, {x}", "": "leeg"}
	byPattern := func(tmpl string) string {
		return placeholder.ReplaceAllStringFunc(tmpl, func(m string) string {
			if v, ok := vars[m[1:len(m)-1]]; ok {
				return v
			}
			return "–"
		})
	}
	for _, tmpl := range []string{
		"", "geen plekhouder", "{kanaal}", "via {kanaal} met {systeem}.", "{onbekend} en {kanaal}",
		"{{kanaal}}", "{ {kanaal}", "{kanaal", "kanaal}", "}{kanaal}{", "{}", "{a{b}c}", "{kanaal}{kanaal}",
		"ü {kanaal} — {systeem}", "{{}", "{}}",
	} {
		got := string(appendReason([]byte("prefix:"), tmpl, mapValues(vars)))
		assert.Equal(t, "prefix:"+byPattern(tmpl), got, "template %q", tmpl)
	}
}
