package render

import (
	"bufio"
	"bytes"
	"errors"
	"strings"
)

// Drawing a big diagram on two cores (docs/decisions.md, "One big SVG on
// two Graphviz instances"). The layout is ours (nop2) and Graphviz draws the
// nodes in the order of the DOT and then the edges (outputorder=
// nodesfirst), each element on its own, so the DOT can be cut into two
// graphs that two Graphviz instances draw at the same time:
//
//   - the first has the first nodes, the page among them;
//   - the second has the other nodes and every edge. In front of them it
//     has, invisible, the page and the nodes of the first part that an
//     edge joins. Graphviz writes an invisible node as one comment line,
//     which stitchSVG drops.
//
// Graphviz places a drawing by its bounding box, which it computes from
// every node and edge (a bb attribute of the graph is ignored). Both
// parts have the page, and everything else lies inside it, so both have
// the page's bounding box, as the whole graph has: their SVGs have the
// same header, and the first's elements followed by the second's are the
// bytes of the whole graph drawn by one instance: the same ids (every node
// and edge has its own), titles, tooltips and z-order. Graphviz writes the
// edges grouped by their tail in the order the nodes were made; the
// second part makes its nodes in the order of the whole DOT, so the edges
// come in the same order too. TestSplitSVGIsTheSame checks it.

// splitMinDOT is the smallest DOT drawn in two parts: the examples (107–
// 145 KB) took longer in two parts than whole in our measurements, a
// 20-step journey (164 KB) less (docs/performance.md).
const splitMinDOT = 150 << 10

// insidePage is how far (in points) every box and every point of a path
// but the page must lie inside the page for the parts to have the page's
// bounding box: more than Graphviz's rounding of sizes and more than half
// an arrowhead.
const insidePage = 8

// dotParts is the DOT of a layout in two parts for two Graphviz
// instances, and how many invisible nodes the second starts with.
type dotParts struct {
	first, second []byte
	invisible     int
}

// splitDOT writes the DOT of l and, when it has at least min bytes (min
// >= 0), cuts it in two parts of about equal work. ok says whether it
// did: not when l cannot be cut (too few nodes, or something not inside
// the page).
func splitDOT(l *Layout, min int) (whole []byte, p dotParts, ok bool, err error) {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	var ix dotIndex
	ixp := &ix
	if min < 0 {
		ixp = nil // no cut: no index
	}
	if err := writeDOT(bw, l, ixp); err != nil {
		return nil, p, false, err
	}
	if err := bw.Flush(); err != nil {
		return nil, p, false, err
	}
	whole = buf.Bytes()
	if min < 0 || len(whole) < min {
		return whole, p, false, nil
	}
	page, ok := pageOf(l)
	if !ok || len(ix.nodes) < 3 {
		return whole, p, false, nil
	}
	// Cut before node k, where the nodes before it are about as long as
	// the nodes after it and the edges: Graphviz's work goes with the
	// length of the DOT (the two parts of the 60-step journey take the
	// same time; the edges are 7% of its bytes).
	half := (ix.end - ix.header) / 2
	k := 1
	for k < len(ix.nodes)-1 && ix.nodes[k].end-ix.header < half {
		k++
	}
	pageIn := -1
	for i, n := range ix.nodes[:k] {
		if n.name == page {
			pageIn = i
		}
	}
	if pageIn < 0 {
		return whole, p, false, nil // the page is drawn late: not our DOT
	}
	cut := ix.nodes[k].start
	closing := whole[ix.end:]

	first := make([]byte, 0, cut+len(closing))
	first = append(first, whole[:cut]...)
	first = append(first, closing...)

	second := make([]byte, 0, len(whole)-cut+ix.header+64*len(ix.ends))
	second = append(second, whole[:ix.header]...)
	for i, n := range ix.nodes[:k] {
		var a []string
		switch {
		case i == pageIn:
			a = []string{"pos=" + n.pos, "width=" + n.width, "height=" + n.height, "style=invis", "fontsize=1"}
		case ix.ends[n.name]:
			a = []string{"pos=" + n.pos, "shape=point", "style=invis", "width=0.01", "height=0.01"}
		default:
			continue
		}
		second = append(second, '\t')
		second = append(second, quote(n.name)...)
		second = append(second, " ["...)
		second = append(second, strings.Join(a, ", ")...)
		second = append(second, "];\n"...)
		p.invisible++
	}
	second = append(second, whole[cut:]...)
	p.first, p.second = first, second
	return whole, p, true, nil
}

// pageOf finds the box that is the page, covering the whole drawing, and
// checks that every other box and every path lies well inside it.
func pageOf(l *Layout) (string, bool) {
	page := -1
	for i, b := range l.Boxes {
		if b.X <= 0 && b.Y <= 0 && b.Right() >= l.Width && b.Bottom() >= l.Height {
			page = i
			break
		}
	}
	if page < 0 {
		return "", false
	}
	in := func(x, y float64) bool {
		return x >= insidePage && y >= insidePage && x <= l.Width-insidePage && y <= l.Height-insidePage
	}
	for i, b := range l.Boxes {
		if i != page && !(in(b.X, b.Y) && in(b.Right(), b.Bottom())) {
			return "", false
		}
	}
	for _, p := range l.Paths {
		for _, pt := range p.Points {
			if !in(pt.X, pt.Y) {
				return "", false
			}
		}
	}
	return l.Boxes[page].ID, true
}

// errStitch says that the two parts' SVGs do not fit together as
// expected; the caller then draws the whole graph with one instance.
var errStitch = errors.New("the parts of the SVG do not fit")

// stitchSVG joins the SVGs of the two parts of a DOT (splitDOT) into the
// SVG of the whole: the first's header and elements, then the second's
// elements without its invisible nodes, then the closing tags.
func stitchSVG(first, second []byte, invisible int) ([]byte, error) {
	h1, ok1 := svgHeader(first)
	h2, ok2 := svgHeader(second)
	if !ok1 || !ok2 || !bytes.Equal(first[:h1], second[:h2]) {
		return nil, errStitch
	}
	const closing = "</g>\n</svg>\n"
	if !bytes.HasSuffix(first, []byte(closing)) || !bytes.HasSuffix(second, []byte(closing)) {
		return nil, errStitch
	}
	body2 := second[h2 : len(second)-len(closing)]
	// Each invisible node is one line, a comment with its name; what
	// follows is the comment of the next element, never the group of a
	// node drawn.
	for i := 0; i < invisible; i++ {
		nl := bytes.IndexByte(body2, '\n')
		if nl < 0 {
			return nil, errStitch
		}
		line := body2[:nl]
		body2 = body2[nl+1:]
		if !bytes.HasPrefix(line, []byte("<!-- ")) || !bytes.HasSuffix(line, []byte(" -->")) ||
			(len(body2) > 0 && !bytes.HasPrefix(body2, []byte("<!-- "))) {
			return nil, errStitch
		}
	}
	out := make([]byte, 0, len(first)+len(body2))
	out = append(out, first[:len(first)-len(closing)]...)
	out = append(out, body2...)
	out = append(out, closing...)
	return out, nil
}

// svgHeader finds the end of what Graphviz writes before the first node:
// the XML prolog, the svg element, the graph's group with its title and
// background. Every node drawn or not starts with a comment of its name.
func svgHeader(svg []byte) (int, bool) {
	g := bytes.Index(svg, []byte(`<g id="graph0" class="graph"`))
	if g < 0 {
		return 0, false
	}
	c := bytes.Index(svg[g:], []byte("\n<!-- "))
	if c < 0 {
		return 0, false
	}
	return g + c + 1, true
}
