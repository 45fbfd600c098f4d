package requirements

import (
	"regexp"
	"slices"
	"strings"
)

// A rule's reason (reden, reden_en) is a template: names between braces are
// filled with what the rule saw, such as the channel for {kanaal}. The
// matcher and the phase and text rules make the values; the catalogue check
// rejects names that are not placeholders.

// placeholder finds the names between braces in a reason.
var placeholder = regexp.MustCompile(`\{[^{}]*\}`)

// placeholders are the names a rule's reason may use between braces.
var placeholders = []string{"kanaal", "systeem", "vraagsoort", "wachttijd", "emotie", "gewenst", "van", "naar", "actor", "tekst", "woord", "treffer", "fase", "persona"}

// Placeholders returns the names a rule's reason may use between braces,
// such as "kanaal" for {kanaal}.
func Placeholders() []string { return slices.Clone(placeholders) }

// fillReason fills the placeholders of a reason template from vars; a
// placeholder without a value becomes a dash.
func fillReason(tmpl string, vars map[string]string) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	return placeholder.ReplaceAllStringFunc(tmpl, func(m string) string {
		if v, ok := vars[m[1:len(m)-1]]; ok {
			return v
		}
		return "–"
	})
}
