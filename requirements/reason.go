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

// values gives the value of a placeholder of a reason, by its name;
// false when the rule saw nothing for it.
type values func(name string) (string, bool)

// mapValues gives the values of a map.
func mapValues(vars map[string]string) values {
	return func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
}

// appendReason appends the reason template tmpl to dst with its
// placeholders filled from value; a placeholder without a value becomes a
// dash. A placeholder is what the placeholder pattern finds: the shortest
// text between braces that holds no brace.
func appendReason(dst []byte, tmpl string, value values) []byte {
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			return append(dst, tmpl...)
		}
		j := strings.IndexAny(tmpl[i+1:], "{}")
		if j < 0 {
			return append(dst, tmpl...)
		}
		j += i + 1
		if tmpl[j] == '{' { // no placeholder starts at i: try the next brace
			dst = append(dst, tmpl[:j]...)
			tmpl = tmpl[j:]
			continue
		}
		dst = append(dst, tmpl[:i]...)
		if v, ok := value(tmpl[i+1 : j]); ok {
			dst = append(dst, v...)
		} else {
			dst = append(dst, "–"...)
		}
		tmpl = tmpl[j+1:]
	}
}

// reason returns the filled reason template, one copy of each text:
// thousands of firings give a few reasons, so the text is made in a
// buffer and copied only when it is new.
func (dv *deriver) reason(tmpl string, value values) string {
	if !strings.Contains(tmpl, "{") {
		return dv.intern(tmpl)
	}
	dv.buf = appendReason(dv.buf[:0], tmpl, value)
	if s, ok := dv.reasons[string(dv.buf)]; ok {
		return s
	}
	s := string(dv.buf)
	dv.reasons[s] = s
	return s
}
