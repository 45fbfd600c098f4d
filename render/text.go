package render

import (
	"math"
	"strings"
	"unicode"

	"github.com/dimpact/blueprint/render/internal/fonts"
)

// Text is measured with the metrics of the embedded Liberation Sans, which
// are those of Helvetica and Arial: the layout wraps with them, Graphviz
// estimates the same widths for fontname "Arial" (dotFont), and the PNG painter
// draws with the same font. Font sizes are whole points because Graphviz
// reads POINT-SIZE in HTML labels as an integer.

// lineHeight is the height of a line of text at size pt: 1.25 times the
// size, rounded up to a whole point (HTML table cells have whole sizes).
func lineHeight(size float64) float64 { return math.Ceil(size * 1.25) }

// textWidth is the advance width of s at size pt.
func textWidth(s string, size float64, bold bool) float64 {
	return fonts.Get(bold).Width(s, size)
}

// spansWidth is the width of a line of spans.
func spansWidth(spans []Span) float64 {
	w := 0.0
	for _, s := range spans {
		w += textWidth(s.Text, s.Size, s.Bold)
	}
	return w
}

// lineSize is the largest font size of a line.
func (l TextLine) size() float64 {
	m := 0.0
	for _, s := range l.Spans {
		m = math.Max(m, s.Size)
	}
	return m
}

// height is the height of the line.
func (l TextLine) height() float64 { return lineHeight(l.size()) }

// textHeight is the height of lines.
func textHeight(lines []TextLine) float64 {
	h := 0.0
	for _, l := range lines {
		h += l.height()
	}
	return h
}

// textBlockWidth is the width of the widest line.
func textBlockWidth(lines []TextLine) float64 {
	w := 0.0
	for _, l := range lines {
		w = math.Max(w, spansWidth(l.Spans))
	}
	return w
}

// clean turns user text into displayable text: control characters become
// spaces (a tab, a stray carriage return), and runs of spaces one space.
// Newlines are kept as paragraph breaks.
func clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune('\n')
			space = false
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = true
		default:
			if space && b.Len() > 0 {
				if str := b.String(); str[len(str)-1] != '\n' {
					b.WriteByte(' ')
				}
			}
			space = false
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// wrap breaks text into lines no wider than width at size pt. It breaks at
// spaces; a word wider than the width (a long URL) is broken between
// letters. Paragraph breaks in the text are kept. It never drops text.
func wrap(text string, width, size float64, bold bool) []string {
	var out []string
	for _, para := range strings.Split(clean(text), "\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		line := ""
		for _, word := range strings.Fields(para) {
			cand := word
			if line != "" {
				cand = line + " " + word
			}
			if textWidth(cand, size, bold) <= width {
				line = cand
				continue
			}
			if line != "" {
				out = append(out, line)
				line = ""
			}
			// The word alone: break it if it does not fit.
			for textWidth(word, size, bold) > width {
				n := fitPrefix(word, width, size, bold)
				out = append(out, word[:n])
				word = word[n:]
			}
			line = word
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// fitPrefix returns the byte length of the longest prefix of word (at least
// one rune) that fits in width.
func fitPrefix(word string, width, size float64, bold bool) int {
	n := 0
	for i, r := range word {
		end := i + len(string(r))
		if textWidth(word[:end], size, bold) > width && n > 0 {
			break
		}
		n = end
	}
	return n
}

// text is a builder of the lines of a box.
type text struct{ lines []TextLine }

// para adds text wrapped to width in one style.
func (t *text) para(s string, width, size float64, bold bool, color string) {
	for _, l := range wrap(s, width, size, bold) {
		t.lines = append(t.lines, TextLine{Spans: []Span{{Text: l, Size: size, Bold: bold, Color: color}}})
	}
}

// line adds one line of spans as given (the caller keeps it short).
func (t *text) line(spans ...Span) {
	t.lines = append(t.lines, TextLine{Spans: spans})
}

// labelled adds "label: text" wrapped to width, with the label in bold on
// the first line.
func (t *text) labelled(label, s string, width, size float64, color string) {
	s = clean(s)
	if s == "" {
		return
	}
	lw := textWidth(label+" ", size, true)
	// Wrap the first line in the room after the label, the rest in full.
	first := wrap(s, width-lw, size, false)
	if len(first) == 0 {
		return
	}
	if textWidth(first[0], size, false) > width-lw {
		// Not even one word fits after the label: label on its own line.
		t.line(Span{Text: label, Size: size, Bold: true, Color: color})
		t.para(s, width, size, false, color)
		return
	}
	t.line(Span{Text: label + " ", Size: size, Bold: true, Color: color}, Span{Text: first[0], Size: size, Color: color})
	rest := strings.TrimSpace(strings.TrimPrefix(strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " "), first[0]))
	if rest != "" {
		t.para(rest, width, size, false, color)
	}
}

func (t *text) height() float64 { return textHeight(t.lines) }

// metaItem is one "label: text" item of a line of facts, such as
// "Domein: Ondernemen".
type metaItem struct {
	label, text, color string
}

// items writes facts side by side, separated by wide spaces, and starts a
// new line where the next item does not fit; an item too wide for a line
// of its own is wrapped.
func (t *text) items(items []metaItem, width, size float64) {
	const gap = "   "
	var cur []Span
	curW := 0.0
	flush := func() {
		if len(cur) > 0 {
			t.line(cur...)
			cur, curW = nil, 0
		}
	}
	for _, it := range items {
		var spans []Span
		if it.label != "" {
			spans = append(spans, Span{Text: it.label + " ", Size: size, Bold: true})
		}
		spans = append(spans, Span{Text: it.text, Size: size, Color: it.color})
		w := spansWidth(spans)
		if w > width {
			flush()
			if it.label != "" {
				t.labelled(it.label, it.text, width, size, it.color)
			} else {
				t.para(it.text, width, size, false, it.color)
			}
			continue
		}
		if len(cur) > 0 && curW+textWidth(gap, size, false)+w > width {
			flush()
		}
		if len(cur) > 0 {
			last := &cur[len(cur)-1]
			last.Text += gap
			curW += textWidth(gap, size, last.Bold)
		}
		cur = append(cur, spans...)
		curW += w
	}
	flush()
}
