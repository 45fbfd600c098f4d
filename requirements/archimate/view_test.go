package archimate

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/dimpact/blueprint/blueprint"
)

// face is Liberation Sans (the metrics of Arial) at Archi's default 9
// points on a 96 dpi screen, the font the render package embeds.
func face(t testing.TB, size float64) font.Face {
	t.Helper()
	src, err := os.ReadFile("../../render/internal/fonts/LiberationSans-Regular.ttf")
	require.NoError(t, err)
	f, err := opentype.Parse(src)
	require.NoError(t, err)
	fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 96, Hinting: font.HintingNone})
	require.NoError(t, err)
	return fc
}

// wrapMeasured breaks text into the lines a figure w pixels wide shows.
func wrapMeasured(fc font.Face, text string, w int) []string {
	var lines []string
	max := fixed.I(w)
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if line != "" && font.MeasureString(fc, try) > max {
				lines = append(lines, line)
				line = word
			} else {
				line = try
			}
		}
		lines = append(lines, line)
	}
	return lines
}

func walk(nodes []*Node, fn func(n, parent *Node)) {
	var rec func(ns []*Node, parent *Node)
	rec = func(ns []*Node, parent *Node) {
		for _, n := range ns {
			fn(n, parent)
			rec(n.Children, n)
		}
	}
	rec(nodes, nil)
}

func overlap(a, b *Node) bool {
	return a.X < b.Right() && b.X < a.Right() && a.Y < b.Bottom() && b.Y < a.Bottom()
}

// The views are readable the way Archi draws them: nested nodes lie inside
// their lane, no two nodes of a lane (or of the view) overlap, every name
// fits its box in Archi's font (with 15% to spare for a wider system font),
// the lanes are in the order of the blueprint, and every connection joins
// the nodes of its relationship's ends.
func TestViewsAreReadable(t *testing.T) {
	// The faces of the font sizes the views use, 15% wider than Archi's
	// default font, and their line heights.
	faces := map[int]font.Face{0: face(t, 9*1.15), 8: face(t, 8*1.15), 11: face(t, 11*1.15), 12: face(t, 12*1.15)}
	// Words must fit a line in Archi's font itself (a wider system font
	// breaks a long word, as Archi's soft word wrap does, but keeps it).
	plain := map[int]font.Face{0: face(t, 9), 8: face(t, 8), 11: face(t, 11), 12: face(t, 12)}
	lineOf := map[int]int{0: textLineH, 8: noteLine, 11: 18, 12: 20}
	require.Len(t, examplesModel(t, blueprint.Dutch).Views, 4+1+1+7, "a view per journey, the actors, the coverage, a view per block")
	for _, m := range models(t) {
		for _, v := range m.Views {
			byID := map[string]*Node{}
			walk(v.Nodes, func(n, parent *Node) {
				byID[n.ID] = n
				assert.True(t, n.X >= 0 && n.Y >= 0 && n.W > 0 && n.H > 0, "%s: %s has bounds %d,%d %dx%d", v.Name, n.ID, n.X, n.Y, n.W, n.H)
				if parent != nil {
					assert.True(t, n.X >= parent.X && n.Y >= parent.Y+20 && n.Right() <= parent.Right() && n.Bottom() <= parent.Bottom(),
						"%s: %s sticks out of its lane %q", v.Name, label(n), parent.Label)
				}
				text, inset := n.Label, 8
				if n.Kind == NodeElement {
					text, inset = n.Element.Name, textInsetW
				}
				if n.Kind != NodeContainer {
					fc := faces[n.FontSize]
					require.NotNil(t, fc, "font size %d", n.FontSize)
					lines := wrapMeasured(fc, text, n.W-inset)
					assert.LessOrEqual(t, len(lines)*lineOf[n.FontSize]+6, n.H, "%s: %q does not fit %dx%d", v.Name, text, n.W, n.H)
					for _, w := range strings.Fields(text) {
						assert.LessOrEqual(t, font.MeasureString(plain[n.FontSize], w).Ceil(), n.W-inset, "%s: %q is wider than its box", v.Name, w)
					}
				}
			})
			var check func(ns []*Node)
			check = func(ns []*Node) {
				for i, a := range ns {
					for _, b := range ns[i+1:] {
						assert.False(t, overlap(a, b), "%s: %s and %s overlap", v.Name, label(a), label(b))
					}
					check(a.Children)
				}
			}
			check(v.Nodes)
			for _, c := range v.Connections {
				require.Same(t, c.Source, byID[c.Source.ID])
				require.Same(t, c.Target, byID[c.Target.ID])
				assert.Same(t, c.Relation.Source, c.Source.Element, "%s: connection %s starts at another element than its relationship", v.Name, c.ID)
				assert.Same(t, c.Relation.Target, c.Target.Element, "%s: connection %s ends at another element than its relationship", v.Name, c.ID)
			}
		}
	}
	// The lanes of a journey view, top to bottom.
	m := examplesModel(t, blueprint.Dutch)
	var lanes []string
	for _, n := range m.Views[1].Nodes {
		if n.Kind == NodeContainer || n.Kind == NodeLabel && n.FontSize == 8 {
			lanes = append(lanes, n.Label)
		}
	}
	assert.Equal(t, []string{"Fysiek bewijs", "Kanaal", "Klantactie", "lijn van interactie", "Frontoffice (zichtbaar voor de klant)",
		"lijn van zichtbaarheid", "Backoffice", "lijn van interne interactie", "Ondersteuning", "Eisen die de stap vraagt"}, lanes)
}

func label(n *Node) string {
	if n.Kind == NodeElement {
		return fmt.Sprintf("%q", n.Element.Name)
	}
	return fmt.Sprintf("%q", n.Label)
}

// TestViewPNG draws every view of the examples' export as a PNG, the way
// Archi lays it out (boxes, names in Archi's font, lines), to look at:
//
//	BLUEPRINT_VIEW_PNG=out/views go test ./requirements/archimate -run ViewPNG
func TestViewPNG(t *testing.T) {
	dir := os.Getenv("BLUEPRINT_VIEW_PNG")
	if dir == "" {
		t.Skip("set BLUEPRINT_VIEW_PNG to a folder to draw the views")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	faces := map[int]font.Face{0: face(t, 9), 8: face(t, 8), 11: face(t, 11), 12: face(t, 12)}
	for name, m := range models(t) {
		for i, v := range m.Views {
			img := drawView(v, faces)
			f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%02d-%s.png", strings.ReplaceAll(name, " ", "-"), i+1, strings.TrimPrefix(v.ID, "bp.view."))))
			require.NoError(t, err)
			require.NoError(t, png.Encode(f, img))
			require.NoError(t, f.Close())
		}
	}
}

// Archi's default fills per type, roughly.
func fillOf(n *Node) color.RGBA {
	if n.Fill != nil {
		return color.RGBA{n.Fill.R, n.Fill.G, n.Fill.B, 255}
	}
	switch {
	case n.Kind == NodeContainer:
		return color.RGBA{210, 215, 215, 255}
	case n.Kind == NodeLabel:
		return color.RGBA{255, 255, 255, 255}
	case strings.HasPrefix(n.Element.Type, "Business") || n.Element.Type == "Representation":
		return color.RGBA{255, 255, 181, 255}
	case strings.HasPrefix(n.Element.Type, "Application"):
		return color.RGBA{181, 255, 255, 255}
	case n.Element.Type == "Requirement":
		return color.RGBA{204, 204, 255, 255}
	}
	return color.RGBA{230, 230, 230, 255}
}

func drawView(v *View, faces map[int]font.Face) *image.RGBA {
	w, h := 0, 0
	walk(v.Nodes, func(n, _ *Node) { w, h = max(w, n.Right()+20), max(h, n.Bottom()+20) })
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), &image.Uniform{color.White}, image.Point{}, draw.Src)
	black := color.RGBA{60, 60, 60, 255}
	walk(v.Nodes, func(n, _ *Node) {
		r := image.Rect(n.X, n.Y, n.Right(), n.Bottom())
		draw.Draw(img, r, &image.Uniform{fillOf(n)}, image.Point{}, draw.Src)
		line := black
		if n.Line != nil {
			line = color.RGBA{n.Line.R, n.Line.G, n.Line.B, 255}
		}
		for _, e := range []image.Rectangle{image.Rect(n.X, n.Y, n.Right(), n.Y+1), image.Rect(n.X, n.Bottom()-1, n.Right(), n.Bottom()),
			image.Rect(n.X, n.Y, n.X+1, n.Bottom()), image.Rect(n.Right()-1, n.Y, n.Right(), n.Bottom())} {
			draw.Draw(img, e, &image.Uniform{line}, image.Point{}, draw.Src)
		}
		fc := faces[n.FontSize]
		lh := map[int]int{0: textLineH, 8: noteLine, 11: 18, 12: 20}[n.FontSize]
		text, inset, y := n.Label, 8, n.Y+lh-2
		if n.Kind == NodeContainer {
			y = n.Y + 14
		}
		if n.Kind == NodeElement {
			text, inset = n.Element.Name, textInsetW
			// A type mark where Archi draws the icon.
			d := &font.Drawer{Dst: img, Src: &image.Uniform{color.RGBA{120, 120, 120, 255}}, Face: fc, Dot: fixed.P(n.Right()-18, n.Y+13)}
			d.DrawString(typeMark(n.Element.Type))
		}
		d := &font.Drawer{Dst: img, Src: &image.Uniform{black}, Face: fc}
		for _, l := range wrapMeasured(fc, text, n.W-inset) {
			x := n.X + 5
			if n.Kind == NodeElement {
				x = n.X + (n.W-d.MeasureString(l).Ceil())/2
			}
			d.Dot = fixed.P(x, y)
			d.DrawString(l)
			y += lh
		}
	})
	var z vector.Rasterizer
	z.Reset(w, h)
	for _, c := range v.Connections {
		pts := []Point{{c.Source.X + c.Source.W/2, c.Source.Y + c.Source.H/2}}
		pts = append(pts, c.Bendpoints...)
		pts = append(pts, Point{c.Target.X + c.Target.W/2, c.Target.Y + c.Target.H/2})
		pts[0] = clip(c.Source, pts[0], pts[1])
		pts[len(pts)-1] = clip(c.Target, pts[len(pts)-1], pts[len(pts)-2])
		for i := 0; i+1 < len(pts); i++ {
			a, b := pts[i], pts[i+1]
			stroke(&z, float32(a.X), float32(a.Y), float32(b.X), float32(b.Y))
		}
		end, from := pts[len(pts)-1], pts[len(pts)-2]
		arrow(&z, from, end)
	}
	z.Draw(img, img.Bounds(), &image.Uniform{color.RGBA{30, 30, 200, 255}}, image.Point{})
	return img
}

// clip moves p, the centre of n, to where the line towards q leaves n, as
// Archi draws a connection to a box's border.
func clip(n *Node, p, q Point) Point {
	x, y := float64(p.X), float64(p.Y)
	dx, dy := float64(q.X-p.X), float64(q.Y-p.Y)
	t := 1.0
	if dx != 0 {
		t = min(t, math.Abs(float64(n.W)/2/dx))
	}
	if dy != 0 {
		t = min(t, math.Abs(float64(n.H)/2/dy))
	}
	return Point{int(x + t*dx), int(y + t*dy)}
}

// arrow adds a small head at end, pointing away from from.
func arrow(z *vector.Rasterizer, from, end Point) {
	dx, dy := float64(end.X-from.X), float64(end.Y-from.Y)
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	dx, dy = dx/l, dy/l
	bx, by := float64(end.X)-8*dx, float64(end.Y)-8*dy
	z.MoveTo(float32(end.X), float32(end.Y))
	z.LineTo(float32(bx-4*dy), float32(by+4*dx))
	z.LineTo(float32(bx+4*dy), float32(by-4*dx))
	z.ClosePath()
}

// stroke adds a line one pixel wide to z.
func stroke(z *vector.Rasterizer, x0, y0, x1, y1 float32) {
	dx, dy := x1-x0, y1-y0
	n := float32(1)
	if dx == 0 {
		z.MoveTo(x0-0.5, y0)
		z.LineTo(x0+0.5, y0)
		z.LineTo(x1+0.5, y1)
		z.LineTo(x1-0.5, y1)
		z.ClosePath()
		return
	}
	if dy == 0 {
		z.MoveTo(x0, y0-0.5)
		z.LineTo(x0, y0+0.5)
		z.LineTo(x1, y1+0.5)
		z.LineTo(x1, y1-0.5)
		z.ClosePath()
		return
	}
	_ = n
	z.MoveTo(x0-0.5, y0-0.5)
	z.LineTo(x0+0.5, y0+0.5)
	z.LineTo(x1+0.5, y1+0.5)
	z.LineTo(x1-0.5, y1-0.5)
	z.ClosePath()
}

func typeMark(t string) string {
	switch t {
	case "BusinessProcess":
		return "→"
	case "BusinessInteraction":
		return "↔"
	case "BusinessEvent":
		return "◗"
	case "BusinessActor":
		return "웃"
	case "BusinessRole":
		return "◯"
	case "BusinessInterface":
		return "○"
	case "Representation":
		return "≈"
	case "ApplicationComponent":
		return "▭"
	case "ApplicationService":
		return "◠"
	case "Requirement":
		return "▱"
	}
	return ""
}
