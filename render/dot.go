package render

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// dotFont is the font the DOT names. Its widths must be Helvetica's, which
// the layout measures with (text.go): Arial has them, and Debian's
// fontconfig resolves Arial to Liberation Sans (fonts-liberation), so
// native Graphviz (`dot -Tpdf`, docs/diagrams.md) lays the text out with
// the widths we measured. Graphviz resolves "Helvetica" to DejaVu Sans
// there, which is wider: text ran past the boxes. The SVG names a list of
// fonts with these widths instead (svgFonts).
const dotFont = "Arial"

// WriteDOT writes a layout as a Graphviz graph: every box a node pinned at
// its position with its exact size, every path an edge with its points
// given, and layout=nop2 so Graphviz keeps what Derive decided. This is the
// exact input of the SVG and PNG encoders; `dot -Tsvg` on it draws the same
// picture with a native Graphviz.
func WriteDOT(w io.Writer, l *Layout) error {
	bw := bufio.NewWriter(w)
	if err := writeDOT(bw, l, nil); err != nil {
		return err
	}
	return bw.Flush()
}

// dotIndex says where WriteDOT put each statement, so that the DOT can be
// cut into parts (split.go): the header up to the first node, each
// node's statement, and the edges, which come last.
type dotIndex struct {
	header int // the end of the graph, node and edge defaults
	nodes  []dotNode
	edges  int // where the edges start; they run up to the closing brace
	end    int // where the closing brace starts
	// tails and heads of the edges, by node name
	ends map[string]bool
}

// dotNode is one node statement of the DOT: its name, its pos and where
// it lies.
type dotNode struct {
	name, pos, width, height string
	start, end               int
}

// writeDOT writes the DOT to bw, noting where its statements are in ix
// when it is not nil.
func writeDOT(bw *bufio.Writer, l *Layout, ix *dotIndex) error {
	e := &dotWriter{w: bw, h: l.Height, ix: ix}
	e.printf("// Service blueprint %q, drawn by blueprint (github.com/dimpact/blueprint).\n", l.JourneyID)
	e.printf("// Every position is fixed: render with `dot -Tsvg` or `neato -n2 -Tsvg`.\n")
	e.printf("digraph %s {\n", quote(l.Title))
	e.printf("\tgraph [layout=nop2, outputorder=nodesfirst, splines=line, pad=0, bgcolor=%q, fontname=%q", colPage, dotFont)
	if w, h, ok := l.Size.sheet(); ok {
		// Fit the sheet, scaling up or down ("!"), keeping the proportions.
		e.printf(", size=\"%s,%s!\"", num4(w/72), num4(h/72))
	}
	e.printf("];\n")
	e.printf("\tnode [shape=box, fixedsize=true, fontname=%q, fontsize=%s, fontcolor=%q, label=\" \", penwidth=0, margin=0];\n", dotFont, num(fsBody), colText)
	e.printf("\tedge [arrowsize=%s, arrowhead=none];\n", num(arrowLen/10))
	if ix != nil {
		ix.header = e.n
		ix.ends = map[string]bool{}
	}
	// Graphviz draws the edges after the nodes, grouped by tail node. A
	// path between two boxes is an edge from one to the other; a line that
	// connects no boxes (one of the three lines) is a node drawn as a
	// line, so it lies under every arrow; an arrow that connects no boxes
	// (in the legend) gets invisible anchors, written first.
	for _, p := range l.Paths {
		if p.From == "" && !isRule(p) {
			e.anchor(p.ID+".tail", p.Points[0])
			e.anchor(p.ID+".head", p.Points[len(p.Points)-1])
		}
	}
	for _, b := range l.Boxes {
		e.node(b)
	}
	for _, p := range l.Paths {
		if isRule(p) {
			e.rule(p)
		}
	}
	if ix != nil {
		ix.edges = e.n
	}
	for _, p := range l.Paths {
		if !isRule(p) {
			e.edge(p)
		}
	}
	if ix != nil {
		ix.end = e.n
	}
	e.printf("}\n")
	return e.err
}

type dotWriter struct {
	w   *bufio.Writer
	h   float64 // the layout's height: Graphviz's y grows upwards
	err error
	n   int       // bytes written
	ix  *dotIndex // where to note the statements, or nil
}

func (e *dotWriter) printf(format string, args ...any) {
	if e.err != nil {
		return
	}
	var n int
	n, e.err = fmt.Fprintf(e.w, format, args...)
	e.n += n
}

// nodeStmt writes the statement of a node with these attributes and
// notes it in the index.
func (e *dotWriter) nodeStmt(name, pos, width, height string, a *attrs) {
	start := e.n
	e.printf("\t%s [%s];\n", quote(name), a.String())
	if e.ix != nil {
		e.ix.nodes = append(e.ix.nodes, dotNode{name: name, pos: pos, width: width, height: height, start: start, end: e.n})
	}
}

func (e *dotWriter) node(b *Box) {
	var a attrs
	a.add("id", quote(b.ID))
	if cls := classOf(b.Role, b.Class); cls != "" {
		a.add("class", quote(cls))
	}
	pos := quote(num(b.CX()) + "," + num(e.h-b.CY()) + "!")
	width, height := num4(b.W/72), num4(b.H/72)
	a.add("pos", pos)
	a.add("width", width)
	a.add("height", height)
	var style []string
	switch b.Shape {
	case ShapeRounded:
		style = append(style, "rounded")
	case ShapeNote:
		a.add("shape", "note")
	case ShapeCircle:
		a.add("shape", "circle")
	case ShapeNone:
		a.add("shape", "none")
	}
	if b.Shape == ShapeNone {
		a.add("style", "solid")
	} else {
		if b.Fill != "" {
			style = append(style, "filled")
			a.add("fillcolor", quote(b.Fill))
		}
		if b.Dashed {
			style = append(style, "dashed")
		}
		if b.Stroke != "" && b.PenWidth > 0 {
			a.add("color", quote(b.Stroke))
			a.add("penwidth", num(b.PenWidth))
		} else if b.Fill != "" {
			a.add("color", quote(b.Fill))
		}
		if len(style) == 0 {
			style = append(style, "solid")
		}
		a.add("style", quote(strings.Join(style, ",")))
	}
	if len(b.Text) > 0 {
		if !b.Center {
			a.add("labelloc", "t")
		}
		a.add("label", htmlLabel(b))
	} else {
		// The default label " " at 1 pt fits any box: no warnings.
		a.add("fontsize", "1")
	}
	e.nodeStmt(b.ID, pos, width, height, &a)
}

// htmlLabel writes the text of a box as a Graphviz HTML-like label: a
// table of one row per line with the exact width and line heights of the
// layout, so the text sits where Derive put it whatever width Graphviz
// estimates for a word.
func htmlLabel(b *Box) string {
	var sb strings.Builder
	tw := b.W - 2*b.PadX
	if b.Center {
		tw = b.W
	}
	tw = math.Max(1, math.Floor(tw))
	var heights []float64
	total := 0.0
	for i, l := range b.Text {
		h := l.height()
		if i == 0 && !b.Center {
			h += b.PadY
		}
		heights = append(heights, h)
		total += h
	}
	sb.WriteString(`<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" WIDTH="`)
	sb.WriteString(strconv.Itoa(int(tw)))
	sb.WriteString(`" HEIGHT="`)
	sb.WriteString(strconv.Itoa(int(math.Ceil(total))))
	sb.WriteString(`">`)
	align := "LEFT"
	if b.Center {
		align = "CENTER"
	}
	for i, l := range b.Text {
		sb.WriteString(`<TR><TD `)
		if b.Center {
			// A cell as wide as the table, so the line is centred in the
			// box (a left-aligned cell may be as narrow as its text).
			sb.WriteString(`FIXEDSIZE="TRUE" WIDTH="`)
			sb.WriteString(strconv.Itoa(int(tw)))
			sb.WriteString(`" `)
		}
		sb.WriteString(`HEIGHT="`)
		sb.WriteString(strconv.Itoa(int(math.Ceil(heights[i]))))
		sb.WriteString(`" ALIGN="`)
		sb.WriteString(align)
		sb.WriteString(`"`)
		if i == 0 && !b.Center && b.PadY > 0 {
			sb.WriteString(` VALIGN="BOTTOM"`) // the padding above the first line
		}
		sb.WriteString(`>`)
		for _, s := range l.Spans {
			writeSpan(&sb, s)
		}
		sb.WriteString(`</TD></TR>`)
	}
	sb.WriteString(`</TABLE>>`)
	return sb.String()
}

func writeSpan(sb *strings.Builder, s Span) {
	if s.Text == "" {
		return // Graphviz 2.x rejects an empty <B></B>
	}
	font := s.Size != fsBody || (s.Color != "" && s.Color != colText)
	if font {
		sb.WriteString(`<FONT`)
		if s.Size != fsBody {
			sb.WriteString(` POINT-SIZE="`)
			sb.WriteString(strconv.Itoa(int(s.Size)))
			sb.WriteString(`"`)
		}
		if s.Color != "" && s.Color != colText {
			sb.WriteString(` COLOR="`)
			sb.WriteString(s.Color)
			sb.WriteString(`"`)
		}
		sb.WriteString(`>`)
	}
	if s.Bold {
		sb.WriteString(`<B>`)
	}
	sb.WriteString(htmlEscape(s.Text))
	if s.Bold {
		sb.WriteString(`</B>`)
	}
	if font {
		sb.WriteString(`</FONT>`)
	}
}

// isRule reports whether a path is a plain horizontal line between no
// boxes, which the encoder draws as a node.
func isRule(p *Path) bool {
	return p.From == "" && !p.Arrow && len(p.Points) == 2 && p.Points[0].Y == p.Points[1].Y
}

// rule writes a horizontal line as a node of shape underline: its bottom
// edge is the line.
func (e *dotWriter) rule(p *Path) {
	x0, x1 := math.Min(p.Points[0].X, p.Points[1].X), math.Max(p.Points[0].X, p.Points[1].X)
	const h = 2.0
	var a attrs
	a.add("id", quote(p.ID))
	a.add("class", quote(classOf(p.Role, p.Class)))
	pos := quote(num((x0+x1)/2) + "," + num(e.h-p.Points[0].Y+h/2) + "!")
	width, height := num4((x1-x0)/72), num4(h/72)
	a.add("pos", pos)
	a.add("width", width)
	a.add("height", height)
	a.add("shape", "underline")
	style := "solid"
	switch p.Dash {
	case Dashed:
		style = "dashed"
	case Dotted:
		style = "dotted"
	}
	a.add("style", style)
	a.add("color", quote(p.Color))
	a.add("penwidth", num(p.Width))
	a.add("fontsize", "1")
	e.nodeStmt(p.ID, pos, width, height, &a)
}

// anchor writes an invisible point node, the tail or head of an edge.
func (e *dotWriter) anchor(name string, p Point) {
	pos := quote(e.pt(p) + "!")
	e.nodeStmt(name, pos, "0.01", "0.01", &attrs{kv: []string{"pos=" + pos, "shape=point", "style=invis", "width=0.01", "height=0.01"}})
}

func (e *dotWriter) edge(p *Path) {
	var a attrs
	a.add("id", quote(p.ID))
	if cls := classOf(p.Role, p.Class); cls != "" {
		a.add("class", quote(cls))
	}
	a.add("pos", quote(e.splinePos(p)))
	a.add("color", quote(p.Color))
	a.add("penwidth", num(p.Width))
	switch p.Dash {
	case Dashed:
		a.add("style", "dashed")
	case Dotted:
		a.add("style", "dotted")
	}
	if p.Arrow {
		a.add("arrowhead", "normal")
	}
	if p.Tooltip != "" {
		a.add("tooltip", quote(p.Tooltip))
	}
	tail, head := p.From, p.To
	if tail == "" {
		tail, head = p.ID+".tail", p.ID+".head"
	}
	if e.ix != nil {
		e.ix.ends[tail], e.ix.ends[head] = true, true
	}
	e.printf("\t%s -> %s [%s];\n", quote(tail), quote(head), a.String())
}

// splinePos writes a polyline as Graphviz's edge pos: a B-spline whose
// control points lie on the segments, so every piece is straight. With an
// arrow, the spline stops an arrowhead short of the tip ("e,x,y").
func (e *dotWriter) splinePos(p *Path) string {
	pts := append([]Point(nil), p.Points...)
	var sb strings.Builder
	if p.Arrow && len(pts) >= 2 {
		tip := pts[len(pts)-1]
		pts[len(pts)-1] = shorten(tip, pts[len(pts)-2], arrowLen)
		sb.WriteString("e," + e.pt(tip) + " ")
	}
	sb.WriteString(e.pt(pts[0]))
	for i := 1; i < len(pts); i++ {
		sb.WriteString(" " + e.pt(pts[i-1]) + " " + e.pt(pts[i]) + " " + e.pt(pts[i]))
	}
	return sb.String()
}

func (e *dotWriter) pt(p Point) string { return num(p.X) + "," + num(e.h-p.Y) }

func classOf(r Role, extra string) string {
	s := string(r)
	if extra != "" {
		s += " " + extra
	}
	return s
}

type attrs struct{ kv []string }

func (a *attrs) add(k, v string) { a.kv = append(a.kv, k+"="+v) }

func (a *attrs) String() string { return strings.Join(a.kv, ", ") }

// num writes a coordinate with at most two decimals, the same on every
// machine.
func num(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// num4 writes a size in inches with four decimals.
func num4(v float64) string {
	v = math.Round(v*10000) / 10000
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// quote writes a DOT double-quoted string.
func quote(s string) string {
	var sb strings.Builder
	sb.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			sb.WriteString(`\"`)
		case '\\':
			sb.WriteString(`\\`)
		case '\n', '\r', '\t':
			sb.WriteByte(' ')
		default:
			sb.WriteRune(r)
		}
	}
	sb.WriteByte('"')
	return sb.String()
}

// htmlEscape escapes text for an HTML-like label, so that a user's
// "<script>" is shown as text and never read as markup. A backslash is
// doubled: Graphviz would read "\N" in a label as the node's name.
func htmlEscape(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			sb.WriteString(`\\`)
		case '&':
			sb.WriteString("&amp;")
		case '<':
			sb.WriteString("&lt;")
		case '>':
			sb.WriteString("&gt;")
		case '"':
			sb.WriteString("&quot;")
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
