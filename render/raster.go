package render

import (
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/dimpact/blueprint/render/internal/fonts"
)

// The PNG encoder paints Graphviz's own drawing instructions: Graphviz
// lays out the DOT as for SVG and writes the result as JSON (xdot drawing
// operations: polygons, B-splines, ellipses, text with its anchor), and
// this file rasterises those operations in Go with golang.org/x/image and
// the embedded fonts. The PNG therefore shows exactly what the SVG shows,
// is the same on every machine (no system fonts), and is several times
// faster than go-graphviz's own PNG renderer (see docs/decisions.md).

// xdot is the part of Graphviz's JSON output the painter needs.
type xdotGraph struct {
	BB      string     `json:"bb"`
	Draw    []xdotOp   `json:"_draw_"`
	Objects []xdotItem `json:"objects"`
	Edges   []xdotItem `json:"edges"`
}

type xdotItem struct {
	GVID   int      `json:"_gvid"`
	Style  string   `json:"style"`
	Tail   int      `json:"tail"`
	Draw   []xdotOp `json:"_draw_"`
	LDraw  []xdotOp `json:"_ldraw_"`
	HDraw  []xdotOp `json:"_hdraw_"`
	TDraw  []xdotOp `json:"_tdraw_"`
	HLDraw []xdotOp `json:"_hldraw_"`
	TLDraw []xdotOp `json:"_tldraw_"`
}

type xdotOp struct {
	Op       string       `json:"op"`
	Color    string       `json:"color"`
	Points   [][2]float64 `json:"points"`
	Rect     []float64    `json:"rect"`
	Pt       []float64    `json:"pt"`
	Align    string       `json:"align"`
	Text     string       `json:"text"`
	Size     float64      `json:"size"`
	Face     string       `json:"face"`
	FontChar int          `json:"fontchar"`
	Style    string       `json:"style"`
}

// writePNG paints Graphviz's JSON drawing of l and encodes it as PNG.
func writePNG(w io.Writer, gvJSON []byte, l *Layout) error {
	img, err := paintXDOT(gvJSON, l)
	if err != nil {
		return err
	}
	_, _, dpi := PNGSize(l)
	return encodePNG(w, img, dpi)
}

// paintXDOT rasterises Graphviz's JSON drawing of l.
func paintXDOT(gvJSON []byte, l *Layout) (*image.RGBA, error) {
	var g xdotGraph
	if err := json.Unmarshal(gvJSON, &g); err != nil {
		return nil, fmt.Errorf("render %s: reading graphviz's drawing: %w", l.JourneyID, err)
	}
	bb := strings.Split(g.BB, ",")
	if len(bb) != 4 {
		return nil, fmt.Errorf("render %s: graphviz's drawing has no bounding box", l.JourneyID)
	}
	bw, _ := strconv.ParseFloat(bb[2], 64)
	bh, _ := strconv.ParseFloat(bb[3], 64)
	s := pngScale(l)
	W, H := int(math.Ceil(bw*s)), int(math.Ceil(bh*s))
	p := &painter{
		img:   image.NewRGBA(image.Rect(0, 0, W, H)),
		s:     s,
		h:     bh,
		faces: map[faceKey]font.Face{},
	}
	draw.Draw(p.img, p.img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	p.run(g.Draw)
	// Nodes in order, then edges grouped by tail node in node order, as
	// Graphviz's own renderers emit them with outputorder=nodesfirst.
	order := map[int]int{}
	for i, o := range g.Objects {
		order[o.GVID] = i
		p.item(o, false)
	}
	edges := append([]xdotItem(nil), g.Edges...)
	sort.SliceStable(edges, func(a, b int) bool { return order[edges[a].Tail] < order[edges[b].Tail] })
	for _, e := range edges {
		p.item(e, true)
	}
	return p.img, nil
}

type faceKey struct {
	bold bool
	size fixed.Int26_6
}

// painter holds the drawing state of xdot: pen and fill colour, line
// width and style, font.
type painter struct {
	img   *image.RGBA
	s     float64 // pixels per point
	h     float64 // height of the drawing in points (y grows upwards)
	faces map[faceKey]font.Face
	ras   vector.Rasterizer

	pen, fill color.RGBA
	lineW     float64
	dash      []float64 // in points; nil means solid
	fontSize  float64
	bold      bool
	filled    bool // the current item has style "filled"
	edge      bool // the current item is an edge
}

func (p *painter) item(it xdotItem, edge bool) {
	// xdot writes the outline of a filled rounded box as an unfilled
	// B-spline ("B"), though the SVG of the same node is filled, and an
	// edge's line as a filled one ("b"), though the SVG has fill="none":
	// the node's style and the kind of item decide.
	p.filled = !edge && strings.Contains(it.Style, "filled")
	p.edge = edge
	for _, ops := range [][]xdotOp{it.Draw, it.LDraw, it.HDraw, it.TDraw, it.HLDraw, it.TLDraw} {
		p.run(ops)
	}
	p.filled = false
}

// run executes one list of operations. Each list starts with the default
// state, as in xdot.
func (p *painter) run(ops []xdotOp) {
	p.pen, p.fill = color.RGBA{A: 255}, color.RGBA{A: 255}
	p.lineW, p.dash = 1, nil
	p.fontSize, p.bold = 14, false
	for _, op := range ops {
		switch op.Op {
		case "c":
			p.pen = parseColour(op.Color)
		case "C":
			p.fill = parseColour(op.Color)
		case "S":
			p.style(op.Style)
		case "F":
			p.fontSize = op.Size
		case "t":
			p.bold = op.FontChar&1 != 0
		case "P", "p", "L":
			pts := p.points(op.Points)
			if op.Op == "P" {
				p.fillPath(pts, p.fill)
			}
			p.strokePath(pts, op.Op != "L")
		case "B", "b":
			pts := p.points(flattenBezier(op.Points))
			closed := len(op.Points) > 3 && op.Points[0] == op.Points[len(op.Points)-1]
			if (op.Op == "b" && !p.edge) || (p.filled && closed) {
				p.fillPath(pts, p.fill)
			}
			p.strokePath(pts, false)
		case "E", "e":
			if len(op.Rect) == 4 {
				pts := p.points(ellipse(op.Rect[0], op.Rect[1], op.Rect[2], op.Rect[3]))
				if op.Op == "E" {
					p.fillPath(pts, p.fill)
				}
				p.strokePath(pts, true)
			}
		case "T":
			p.text(op)
		}
	}
}

func (p *painter) style(s string) {
	switch {
	case strings.HasPrefix(s, "setlinewidth("):
		v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(s, "setlinewidth("), ")"), 64)
		if err == nil {
			p.lineW = v
		}
	case s == "dashed":
		p.dash = []float64{5, 2}
	case s == "dotted":
		p.dash = []float64{1, 5}
	case s == "solid":
		p.dash = nil
	case s == "bold":
		p.lineW = 2
	case s == "invis":
		p.lineW = 0
	}
}

// points turns Graphviz points (y up) into image pixels (y down).
func (p *painter) points(in [][2]float64) []vec {
	out := make([]vec, len(in))
	for i, q := range in {
		out[i] = vec{q[0] * p.s, (p.h - q[1]) * p.s}
	}
	return out
}

type vec struct{ x, y float64 }

// fillPath fills a closed polygon.
func (p *painter) fillPath(pts []vec, c color.RGBA) {
	if len(pts) < 3 || c.A == 0 {
		return
	}
	if x0, y0, x1, y1, ok := axisRect(pts); ok {
		p.fillRect(x0, y0, x1, y1, c)
		return
	}
	p.rasterise([][]vec{pts}, c)
}

// axisRect reports whether a polygon is a rectangle with horizontal and
// vertical sides (most of a blueprint: boxes, bands, lines), and its
// corners.
func axisRect(pts []vec) (x0, y0, x1, y1 float64, ok bool) {
	n := len(pts)
	if n == 5 && pts[4] == pts[0] {
		n = 4
	}
	if n != 4 {
		return 0, 0, 0, 0, false
	}
	for i := 0; i < 4; i++ {
		a, b := pts[i], pts[(i+1)%4]
		if a.x != b.x && a.y != b.y {
			return 0, 0, 0, 0, false
		}
	}
	x0, y0, x1, y1 = pts[0].x, pts[0].y, pts[0].x, pts[0].y
	for _, q := range pts[1:4] {
		x0, y0 = math.Min(x0, q.x), math.Min(y0, q.y)
		x1, y1 = math.Max(x1, q.x), math.Max(y1, q.y)
	}
	return x0, y0, x1, y1, true
}

// fillRect fills a rectangle snapped to whole pixels, at least one pixel
// thick: sharp edges and lines, and a plain memory fill instead of
// rasterising.
func (p *painter) fillRect(x0, y0, x1, y1 float64, c color.RGBA) {
	ix0, iy0, ix1, iy1 := int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1))
	if ix1 <= ix0 {
		ix1 = ix0 + 1
	}
	if iy1 <= iy0 {
		iy1 = iy0 + 1
	}
	r := image.Rect(ix0, iy0, ix1, iy1).Intersect(p.img.Bounds())
	op := draw.Over
	if c.A == 255 {
		op = draw.Src
	}
	draw.Draw(p.img, r, image.NewUniform(c), image.Point{}, op)
}

// rasterise fills polygons with the non-zero rule, in a rasteriser the
// size of their bounding box (a whole-image rasteriser would cost as much
// memory as the image).
func (p *painter) rasterise(polys [][]vec, c color.RGBA) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, poly := range polys {
		for _, q := range poly {
			minX, minY = math.Min(minX, q.x), math.Min(minY, q.y)
			maxX, maxY = math.Max(maxX, q.x), math.Max(maxY, q.y)
		}
	}
	b := p.img.Bounds()
	x0, y0 := max(int(math.Floor(minX)), b.Min.X), max(int(math.Floor(minY)), b.Min.Y)
	x1, y1 := min(int(math.Ceil(maxX))+1, b.Max.X), min(int(math.Ceil(maxY))+1, b.Max.Y)
	if x1 <= x0 || y1 <= y0 {
		return
	}
	p.ras.Reset(x1-x0, y1-y0)
	p.ras.DrawOp = draw.Over
	for _, poly := range polys {
		if len(poly) < 3 {
			continue
		}
		p.ras.MoveTo(float32(poly[0].x-float64(x0)), float32(poly[0].y-float64(y0)))
		for _, q := range poly[1:] {
			p.ras.LineTo(float32(q.x-float64(x0)), float32(q.y-float64(y0)))
		}
		p.ras.ClosePath()
	}
	p.ras.Draw(p.img, image.Rect(x0, y0, x1, y1), image.NewUniform(c), image.Point{})
}

// strokePath draws the outline of a path with the pen: one quadrilateral
// per segment (per dash), and a square on each joint so corners are full.
func (p *painter) strokePath(pts []vec, closed bool) {
	if len(pts) < 2 || p.lineW <= 0 || p.pen.A == 0 {
		return
	}
	if closed {
		pts = append(pts, pts[0])
	}
	w := p.lineW * p.s
	var polys [][]vec
	segs := [][2]vec{}
	for i := 1; i < len(pts); i++ {
		segs = append(segs, [2]vec{pts[i-1], pts[i]})
	}
	if p.dash != nil {
		segs = dashSegments(segs, p.dash[0]*p.s, p.dash[1]*p.s)
	}
	for _, sg := range segs {
		q := quad(sg[0], sg[1], w)
		if q == nil {
			continue
		}
		if x0, y0, x1, y1, ok := axisRect(q); ok {
			p.fillRect(x0, y0, x1, y1, p.pen)
			continue
		}
		polys = append(polys, q)
	}
	if p.dash == nil && len(polys) > 0 {
		for i := 1; i+1 < len(pts); i++ {
			c := pts[i]
			h := w / 2
			// Wound like the quads: the rasteriser adds coverage of the
			// same winding and cancels opposite windings.
			polys = append(polys, []vec{{c.x - h, c.y - h}, {c.x - h, c.y + h}, {c.x + h, c.y + h}, {c.x + h, c.y - h}})
		}
	}
	if len(polys) > 0 {
		p.rasterise(polys, p.pen)
	}
}

// quad is the rectangle of a segment drawn with width w.
func quad(a, b vec, w float64) []vec {
	dx, dy := b.x-a.x, b.y-a.y
	l := math.Hypot(dx, dy)
	if l < 1e-9 {
		return nil
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	return []vec{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}
}

// dashSegments cuts segments into dashes of length on with gaps of off,
// continuing the pattern across joints.
func dashSegments(segs [][2]vec, on, off float64) [][2]vec {
	var out [][2]vec
	phase, drawing := on, true // remaining length of the current dash or gap
	for _, sg := range segs {
		a, b := sg[0], sg[1]
		l := math.Hypot(b.x-a.x, b.y-a.y)
		pos := 0.0
		for pos < l {
			step := math.Min(phase, l-pos)
			if drawing {
				t0, t1 := pos/l, (pos+step)/l
				out = append(out, [2]vec{{a.x + (b.x-a.x)*t0, a.y + (b.y-a.y)*t0}, {a.x + (b.x-a.x)*t1, a.y + (b.y-a.y)*t1}})
			}
			pos += step
			phase -= step
			if phase <= 1e-9 {
				drawing = !drawing
				phase = off
				if drawing {
					phase = on
				}
			}
		}
	}
	return out
}

// flattenBezier turns a piecewise cubic Bézier (1 + 3n points) into a
// polyline. Straight pieces (the control points on the chord, as Derive
// writes them) become one segment.
func flattenBezier(pts [][2]float64) [][2]float64 {
	if len(pts) < 4 {
		return pts
	}
	out := [][2]float64{pts[0]}
	for i := 0; i+3 < len(pts); i += 3 {
		p0, p1, p2, p3 := pts[i], pts[i+1], pts[i+2], pts[i+3]
		if onChord(p0, p3, p1) && onChord(p0, p3, p2) {
			out = append(out, p3)
			continue
		}
		const n = 12
		for k := 1; k <= n; k++ {
			t := float64(k) / n
			u := 1 - t
			x := u*u*u*p0[0] + 3*u*u*t*p1[0] + 3*u*t*t*p2[0] + t*t*t*p3[0]
			y := u*u*u*p0[1] + 3*u*u*t*p1[1] + 3*u*t*t*p2[1] + t*t*t*p3[1]
			out = append(out, [2]float64{x, y})
		}
	}
	return out
}

// onChord reports whether q lies on the segment a–b (within 0.01 pt).
func onChord(a, b, q [2]float64) bool {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := math.Hypot(dx, dy)
	if l < 1e-9 {
		return math.Hypot(q[0]-a[0], q[1]-a[1]) < 0.01
	}
	return math.Abs((q[0]-a[0])*dy-(q[1]-a[1])*dx)/l < 0.01
}

// ellipse approximates an ellipse by a polygon.
func ellipse(cx, cy, rx, ry float64) [][2]float64 {
	const n = 48
	out := make([][2]float64, n)
	for i := range out {
		a := 2 * math.Pi * float64(i) / n
		out[i] = [2]float64{cx + rx*math.Cos(a), cy + ry*math.Sin(a)}
	}
	return out
}

// text draws a text span at its anchor with the embedded font, aligned as
// Graphviz says, measured with the font itself.
func (p *painter) text(op xdotOp) {
	if len(op.Pt) != 2 || strings.TrimSpace(op.Text) == "" || p.pen.A == 0 {
		return
	}
	px := p.fontSize * p.s
	key := faceKey{p.bold, fixed.Int26_6(math.Round(px * 64))}
	face, ok := p.faces[key]
	if !ok {
		var err error
		face, err = opentype.NewFace(fonts.Get(p.bold).Font, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			return
		}
		p.faces[key] = face
	}
	d := &font.Drawer{Dst: p.img, Src: image.NewUniform(p.pen), Face: face}
	x := op.Pt[0] * p.s
	switch op.Align {
	case "c":
		x -= float64(d.MeasureString(op.Text)) / 64 / 2
	case "r":
		x -= float64(d.MeasureString(op.Text)) / 64
	}
	y := (p.h - op.Pt[1]) * p.s
	d.Dot = fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(y * 64))}
	d.DrawString(op.Text)
}

// parseColour reads #rrggbb or #rrggbbaa as a premultiplied colour.
func parseColour(s string) color.RGBA {
	switch s {
	case "black":
		return color.RGBA{A: 255}
	case "white":
		return color.RGBA{255, 255, 255, 255}
	case "transparent", "none", "":
		return color.RGBA{}
	}
	if len(s) != 7 && len(s) != 9 || s[0] != '#' {
		return color.RGBA{A: 255}
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.RGBA{A: 255}
	}
	a := uint64(255)
	if len(s) == 9 {
		a = v & 0xff
		v >>= 8
	}
	pm := func(c uint64) uint8 { return uint8(c * a / 255) }
	return color.RGBA{pm(v >> 16 & 0xff), pm(v >> 8 & 0xff), pm(v & 0xff), uint8(a)}
}
