package site

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// inlineSVG prepares a diagram from render for a place inside an HTML
// page: it drops the XML prolog, the doctype and the comments (node names),
// and gives the root element the attributes the page's script and screen
// readers use. The diagram's own text was escaped by render and Graphviz;
// the site test checks that a hostile journey stays text.
func inlineSVG(svg []byte) (string, error) {
	start := bytes.Index(svg, []byte("<svg"))
	if start < 0 {
		return "", fmt.Errorf("the diagram is not an SVG")
	}
	svg = svg[start:]
	end := bytes.IndexByte(svg, '>')
	if end < 0 {
		return "", fmt.Errorf("the diagram's SVG is cut off")
	}
	var b strings.Builder
	b.Grow(len(svg))
	b.WriteString(`<svg class="blueprint" role="img" aria-labelledby="diagram-label" focusable="false"`)
	b.Write(svg[len("<svg"):end])
	b.WriteByte('>')
	rest := svg[end+1:]
	for {
		i := bytes.Index(rest, []byte("<!--"))
		if i < 0 {
			break
		}
		b.Write(rest[:i])
		k := bytes.Index(rest[i:], []byte("-->"))
		if k < 0 {
			return "", fmt.Errorf("the diagram's SVG has an unclosed comment")
		}
		rest = rest[i+k+len("-->"):]
		// The comment stood on a line of its own.
		rest = bytes.TrimPrefix(rest, []byte("\n"))
	}
	b.Write(bytes.TrimSpace(rest))
	return b.String(), nil
}

// The colours of the heartbeat, as in the diagram: red for −2 to green for
// +2, the desired emotion in blue.
var emotionColours = map[int]string{-2: "#c62828", -1: "#e65100", 0: "#6d6d6d", 1: "#558b2f", 2: "#2e7d32"}

const colDesired = "#1565c0"

// heartbeat draws the customer's emotion per step as a small chart, with
// its summary for screen readers. It returns "" when no step has an
// emotion.
func (b *Builder) heartbeat(j *blueprint.Journey) (template.HTML, string) {
	const (
		left   = 34.0
		top    = 34.0 // room for the phase names
		levelH = 22.0
	)
	n := len(j.Steps)
	// Columns fill a page's width for a short journey and stay readable
	// for a long one, which then scrolls.
	colW := math.Max(36, math.Min(76, 1120/float64(max(n, 1))))
	y := func(e int) float64 { return top + float64(blueprint.EmotionMax-e)*levelH }
	x := func(i int) float64 { return left + colW*float64(i) + colW/2 }
	w := left + colW*float64(n) + 8
	h := y(blueprint.EmotionMin) + 26
	var sb strings.Builder
	esc := template.HTMLEscapeString
	found := false
	lowest, highest := 0, 0
	var lowStep, highStep *blueprint.Step
	for _, s := range j.Steps {
		if s.Emotion == nil {
			continue
		}
		found = true
		if lowStep == nil || *s.Emotion < lowest {
			lowest, lowStep = *s.Emotion, s
		}
		if highStep == nil || *s.Emotion > highest {
			highest, highStep = *s.Emotion, s
		}
	}
	if !found {
		return "", ""
	}
	label := fmt.Sprintf(b.t("Beleving per stap, van −2 tot +2. Laagste punt %s bij %q, hoogste %s bij %q. De tabel hieronder geeft elke stap.",
		"Emotion per step, from −2 to +2. Lowest %s at %q, highest %s at %q. The table below lists every step."),
		signed(lowest), lowStep.Title, signed(highest), highStep.Title)
	fmt.Fprintf(&sb, `<svg class="heartbeat" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" aria-label="%s" focusable="false">`, w, h, w, h, esc(label))
	// The phases, as in the diagram: a name over their steps.
	for k := 0; k < n; {
		ph := j.Steps[k].Phase
		end := k
		for end+1 < n && j.Steps[end+1].Phase == ph {
			end++
		}
		name := ph
		if p := j.Phase(ph); p != nil {
			name = p.Name
		}
		x0, x1 := left+colW*float64(k), left+colW*float64(end+1)
		if maxRunes := int((x1 - x0 - 8) / 6.2); maxRunes >= 3 {
			fmt.Fprintf(&sb, `<text class="phase" x="%.0f" y="14">%s</text>`, x0+4, esc(truncate(name, maxRunes)))
		}
		fmt.Fprintf(&sb, `<line class="phase-rule" x1="%.0f" x2="%.0f" y1="20" y2="20"/>`, x0+2, x1-2)
		k = end + 1
	}
	for e := blueprint.EmotionMin; e <= blueprint.EmotionMax; e++ {
		cls := "grid"
		if e == 0 {
			cls = "grid zero"
		}
		fmt.Fprintf(&sb, `<line class="%s" x1="%.0f" x2="%.0f" y1="%.1f" y2="%.1f"/>`, cls, left-4, w-4, y(e), y(e))
		fmt.Fprintf(&sb, `<text class="scale" x="%.0f" y="%.1f">%s</text>`, left-8, y(e)+4, signed(e))
	}
	line := func(cls string, get func(*blueprint.Step) *int) {
		var pts []string
		for i, s := range j.Steps {
			if e := get(s); e != nil {
				pts = append(pts, fmt.Sprintf("%.0f,%.1f", x(i), y(*e)))
			}
		}
		if len(pts) > 1 {
			fmt.Fprintf(&sb, `<polyline class="%s" points="%s"/>`, cls, strings.Join(pts, " "))
		}
	}
	line("desired-line", func(s *blueprint.Step) *int { return s.DesiredEmotion })
	line("line", func(s *blueprint.Step) *int { return s.Emotion })
	for i, s := range j.Steps {
		if s.DesiredEmotion != nil {
			fmt.Fprintf(&sb, `<circle class="desired" cx="%.0f" cy="%.1f" r="7" stroke="%s"/>`, x(i), y(*s.DesiredEmotion), colDesired)
		}
		if s.Emotion != nil {
			fmt.Fprintf(&sb, `<circle cx="%.0f" cy="%.1f" r="5" fill="%s"><title>%s</title></circle>`, x(i), y(*s.Emotion), emotionColours[*s.Emotion],
				esc(fmt.Sprintf("%d. %s: %s", i+1, s.Title, emotionName(b.lang(), *s.Emotion))))
		}
		fmt.Fprintf(&sb, `<text class="num" x="%.0f" y="%.1f">%d</text>`, x(i), h-8, i+1)
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String()), label
}
