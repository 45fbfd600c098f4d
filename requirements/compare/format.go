package compare

import (
	"math"
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// Number formats x with dec decimals as the language writes numbers:
// 1.234,56 in Dutch, 1,234.56 in English.
func Number(x float64, dec int, lang blueprint.Lang) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', dec, 64)
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
	}
	thou, point := ".", ","
	if lang == blueprint.English {
		thou, point = ",", "."
	}
	var b strings.Builder
	if x < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thou)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(point + frac)
	}
	return b.String()
}

// Money formats euros: € 1.234,56.
func Money(x float64, lang blueprint.Lang) string { return "€ " + Number(x, 2, lang) }

// Status is "toegelaten" or "uitgesloten" in lang.
func (p *Party) Status(lang blueprint.Lang) string {
	if p.Excluded {
		return blueprint.T(lang, "uitgesloten", "excluded")
	}
	return blueprint.T(lang, "toegelaten", "admitted")
}

// RankText is the rank as shown: "1", or "1 (gedeeld)" for a tie.
func (p *Party) RankText(lang blueprint.Lang) string {
	s := strconv.Itoa(p.Rank)
	if p.Tied {
		s += blueprint.T(lang, " (gedeeld)", " (shared)")
	}
	return s
}

// MethodName names the award method in lang.
func MethodName(me *requirements.Method, lang blueprint.Lang) string {
	if me.Kind == requirements.MethodValue {
		return blueprint.T(lang, "gunnen op waarde (fictieve korting per wens)", "award on value (fictitious discount per scored requirement)")
	}
	return blueprint.T(lang, "beste prijs-kwaliteitverhouding: kwaliteit ", "best price-quality ratio: quality ") + requirements.Num(me.Quality) +
		blueprint.T(lang, ", prijs ", ", price ") + requirements.Num(me.Price)
}

// AnswerName returns the name of an answer code in the master's list, or
// a dash for none.
func (m *Master) AnswerName(code string) string {
	if code == "" {
		return "—"
	}
	return answerName(m, code)
}

// oneLine joins the lines of a cell with "; ".
func oneLine(s string) string {
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.Join(lines, "; ")
}

// MDText escapes text for Markdown: characters that would make markup,
// links or HTML are escaped, lines are joined, so that vendor text stays
// text.
func MDText(s string) string {
	s = oneLine(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '!', '{', '}', '~', '&':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	// No autolinks either (GitHub makes links of http://… and www.…).
	out := strings.ReplaceAll(b.String(), "://", `:\/\/`)
	for _, w := range []string{"www.", "WWW.", "Www."} {
		out = strings.ReplaceAll(out, w, w[:3]+`\.`)
	}
	return out
}
