package render

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"image/png"
	"io"
	"math"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/golden"
	"github.com/dimpact/blueprint/render/internal/fonts"
)

// One Graphviz for all tests of the package, as in a run of the CLI.
var (
	sharedOnce sync.Once
	shared     *Renderer
	sharedErr  error
)

func renderer(tb testing.TB) *Renderer {
	tb.Helper()
	sharedOnce.Do(func() { shared, sharedErr = NewRenderer(context.Background()) })
	if sharedErr != nil {
		tb.Fatal(sharedErr)
	}
	return shared
}

func renderBytes(tb testing.TB, l *Layout, f Format) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := renderer(tb).Render(context.Background(), &buf, l, f); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestDOTGolden compares the DOT of the example journeys with the files
// in testdata/ (UPDATE_GOLDEN=1 rewrites them): the exact input Graphviz
// gets, byte for byte.
func TestDOTGolden(t *testing.T) {
	m := loadExamples(t)
	cases := map[string]struct {
		j    *blueprint.Journey
		opts Options
	}{}
	for _, j := range m.Journeys {
		cases[j.ID] = struct {
			j    *blueprint.Journey
			opts Options
		}{j, Options{}}
	}
	johan := m.Journeys[1]
	cases[johan.ID+".en-a3-lanes"] = struct {
		j    *blueprint.Journey
		opts Options
	}{johan, Options{Lang: blueprint.English, Size: SizeA3, Hide: []Lane{LaneEvidence, LaneMetrics}}}
	// The journey with a loop, branches, a hand-off chain and every key of
	// the format's extensions, from its own folder.
	fm := loadDir(t, flowDir)
	flow := fm.Journeys[0]
	cases[flow.ID] = struct {
		j    *blueprint.Journey
		opts Options
	}{flow, Options{}}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			model := m
			if c.j == flow {
				model = fm
			}
			var buf bytes.Buffer
			if err := WriteDOT(&buf, Derive(model, c.j, c.opts)); err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, filepath.Join("testdata", name+".dot"), buf.Bytes())
		})
	}
}

// svgDoc is an SVG parsed back with encoding/xml: the text of every node
// group, and the names of all elements.
type svgDoc struct {
	texts    map[string][]string // SVG id of a node group → its text lines
	all      []string            // every text element, in order
	elements map[string]int      // element name → count
	classes  map[string]string   // SVG id → class
}

func parseSVG(tb testing.TB, data []byte) svgDoc {
	tb.Helper()
	d := svgDoc{texts: map[string][]string{}, elements: map[string]int{}, classes: map[string]string{}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var stack []string // ids of open <g> elements
	inText := false
	var cur strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("the SVG is not valid XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			d.elements[e.Name.Local]++
			switch e.Name.Local {
			case "g":
				id := ""
				for _, a := range e.Attr {
					switch a.Name.Local {
					case "id":
						id = a.Value
					case "class":
						d.classes[id] = a.Value
					}
				}
				for _, a := range e.Attr {
					if a.Name.Local == "class" {
						d.classes[id] = a.Value
					}
				}
				stack = append(stack, id)
			case "text":
				inText = true
				cur.Reset()
			}
		case xml.CharData:
			if inText {
				cur.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "g":
				stack = stack[:len(stack)-1]
			case "text":
				inText = false
				s := cur.String()
				d.all = append(d.all, s)
				for _, id := range stack {
					d.texts[id] = append(d.texts[id], s)
				}
			}
		}
	}
	return d
}

// joined is the text of a node group, its lines joined by spaces.
func (d svgDoc) joined(id string) string {
	return strings.Join(strings.Fields(strings.Join(d.texts[id], " ")), " ")
}

// TestSVGHasTheText parses the SVG of each example back and finds every
// step title, every lane label, the three lines and the title as text, so
// the diagram is searchable and readable by a screen reader.
func TestSVGHasTheText(t *testing.T) {
	m := loadExamples(t)
	for _, j := range m.Journeys {
		t.Run(j.ID, func(t *testing.T) {
			l := Derive(m, j, Options{})
			d := parseSVG(t, renderBytes(t, l, FormatSVG))
			for i, s := range j.Steps {
				if got, want := d.joined("step-"+s.ID), fmt.Sprintf("%d %s", i+1, clean(s.Title)); got != want {
					t.Errorf("step header %d reads %q, want %q", i+1, got, want)
				}
				if s.CustomerAction != "" {
					if got := d.joined("step-" + s.ID + ".klantactie-1"); !strings.Contains(got, clean(s.CustomerAction)) {
						t.Errorf("step %d: customer action %q not found in %q", i+1, s.CustomerAction, got)
					}
				}
				for k, p := range s.PainPoints {
					if got := d.joined(fmt.Sprintf("step-%s.pain-%d", s.ID, k+1)); got != clean(p) {
						t.Errorf("step %d pain point %d reads %q, want %q", i+1, k+1, got, p)
					}
				}
			}
			for _, want := range []string{"Fysiek bewijs", "Klantactie", "Frontoffice", "Backoffice", "Ondersteuning",
				"lijn van interactie", "lijn van zichtbaarheid", "lijn van interne interactie", "Beleving", "Legenda"} {
				if !strings.Contains(strings.Join(d.all, "\n"), want) {
					t.Errorf("the SVG lacks the label %q", want)
				}
			}
			if got, want := d.joined("title"), clean(m.Project.Organisation)+" "+clean(j.Title)+" Persona:"; !strings.HasPrefix(got, want) {
				t.Errorf("title block reads %q, want it to start with %q", got, want)
			}
			if !strings.Contains(d.classes["step-"+j.Steps[0].ID+".handoff-1"]+d.classes[firstHandoff(l)], "handoff") {
				t.Errorf("no hand-off arrow with class handoff in the SVG")
			}
		})
	}
}

func firstHandoff(l *Layout) string {
	for _, p := range l.Paths {
		if p.Role == RoleHandoff {
			return p.ID
		}
	}
	return ""
}

// hostile is a journey whose text tries to be markup.
const hostile = `
id = "hostile"
titel = "<script>alert(1)</script> & \"quotes\""
domein = "openbare-ruimte"
vraagsoort = "melding"

[persona]
id = "x"
naam = "<b>Mallory</b>"
rol = "inwoner"

[[fase]]
id = "f"
naam = "]]><svg onload=alert(2)>"

[[stap]]
id = "a"
fase = "f"
titel = "<script>alert(1)</script>"
klantactie = "Typt &amp; <img src=x onerror=alert(3)> in het formulier"
bewijs = "Brief met \\N en \\l en {accolades} en | streep"
emotie = -1
knelpunten = ["</text></g><g>kapot"]

  [[stap.frontoffice]]
  actor = "kcc-medewerker"
  actie = "Antwoordt <i>cursief</i>"
`

// TestSVGEscapesUserText renders a journey whose text is markup and checks
// that it shows as text: no script, img or i element appears, and the
// text elements hold the characters as typed.
func TestSVGEscapesUserText(t *testing.T) {
	m, diags := blueprint.Load("hostile.toml", []byte(hostile), blueprint.Options{})
	if diags.HasErrors() {
		t.Fatalf("test journey does not load:\n%v", diags)
	}
	j := m.Journeys[0]
	l := Derive(m, j, Options{})
	data := renderBytes(t, l, FormatSVG)
	d := parseSVG(t, data)
	for _, el := range []string{"script", "img", "i", "b"} {
		if d.elements[el] > 0 {
			t.Errorf("the SVG has %d <%s> element(s) made from user text", d.elements[el], el)
		}
	}
	for id, want := range map[string]string{
		"step-a":              "1 <script>alert(1)</script>",
		"step-a.klantactie-1": "<b>Mallory</b> Typt &amp; <img src=x onerror=alert(3)> in het formulier",
		"step-a.bewijs-1":     `Brief met \N en \l en {accolades} en | streep`,
		"step-a.pain-1":       "</text></g><g>kapot",
		"phase-1":             "]]><svg onload=alert(2)>",
	} {
		if got := d.joined(id); got != want {
			t.Errorf("%s reads %q, want %q", id, got, want)
		}
	}
	// The PNG of the same journey draws too (its text goes through JSON).
	img, err := png.Decode(bytes.NewReader(renderBytes(t, l, FormatPNG)))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() < 500 {
		t.Errorf("PNG of a one-step journey is only %d px wide", img.Bounds().Dx())
	}
}

// TestPNG renders an example as PNG, decodes it, and checks its size and
// that it shows what the layout says: the colours of a pain point and of a
// fail-point badge where they are, and dark text pixels in the title and
// a step header (the embedded font draws without system fonts).
func TestPNG(t *testing.T) {
	m := loadExamples(t)
	j := m.Journeys[1]
	l := Derive(m, j, Options{})
	data := renderBytes(t, l, FormatPNG)
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	w, h, dpi := PNGSize(l)
	if got := img.Bounds(); got.Dx() != w || got.Dy() != h {
		t.Errorf("PNG is %v, PNGSize says %d × %d", got, w, h)
	}
	if w < 1920 || h < 1000 || dpi != 96 {
		t.Errorf("PNG of %d steps is %d × %d px at %v dpi; want at least full-HD width at 96 dpi for a slide", len(j.Steps), w, h, dpi)
	}
	if ratio, want := float64(w)/float64(h), l.Width/l.Height; math.Abs(ratio-want) > 0.01 {
		t.Errorf("PNG proportions %.3f, layout %.3f", ratio, want)
	}
	s := float64(w) / l.Width
	at := func(x, y float64) (r, g, b uint8) {
		c := img.At(int(x*s), int(y*s))
		cr, cg, cb, _ := c.RGBA()
		return uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8)
	}
	dark := func(r Rect) int {
		n := 0
		for y := r.Y; y < r.Bottom(); y += 1 / s {
			for x := r.X; x < r.Right(); x += 1 / s {
				if cr, cg, cb := at(x, y); int(cr)+int(cg)+int(cb) < 200 {
					n++
				}
			}
		}
		return n
	}
	for _, b := range l.Boxes {
		switch {
		case b.Role == RolePain && strings.HasSuffix(b.ID, "-1"):
			// The fill, in the padding under the text.
			if r, g, bl := at(b.CX(), b.Bottom()-3); r != 0xfd || g != 0xec || bl != 0xea {
				t.Errorf("pain point %s: pixel near its corner is #%02x%02x%02x, want the pain fill #fdecea", b.ID, r, g, bl)
			}
		case b.Role == RoleBadge && strings.HasSuffix(b.ID, "-fail"):
			if r, g, bl := at(b.X+3, b.CY()); r != 0xc6 || g != 0x28 || bl != 0x28 {
				t.Errorf("fail badge %s is #%02x%02x%02x, want #c62828", b.ID, r, g, bl)
			}
		case b.ID == "title" || b.ID == l.Columns[0].ID:
			if n := dark(b.Rect); n < 100 {
				t.Errorf("%s: only %d dark pixels; its text is not drawn", b.ID, n)
			}
		}
	}
}

// TestGraphvizKeepsTheLayout reads Graphviz's own drawing (JSON) of each
// example and checks that every box is where Derive put it and every line
// of text lies inside its box, measured with the font that draws it. This
// holds the DOT encoding to the layout.
func TestGraphvizKeepsTheLayout(t *testing.T) {
	m := loadExamples(t)
	for _, j := range m.Journeys {
		t.Run(j.ID, func(t *testing.T) {
			l := Derive(m, j, Options{})
			var buf bytes.Buffer
			if err := renderer(t).graphviz(context.Background(), &buf, l, "json"); err != nil {
				t.Fatal(err)
			}
			var g struct {
				Objects []struct {
					Name  string   `json:"name"`
					Draw  []xdotOp `json:"_draw_"`
					LDraw []xdotOp `json:"_ldraw_"`
				} `json:"objects"`
			}
			if err := json.Unmarshal(buf.Bytes(), &g); err != nil {
				t.Fatal(err)
			}
			boxes := map[string]*Box{}
			for _, b := range l.Boxes {
				boxes[b.ID] = b
			}
			seen := 0
			for _, o := range g.Objects {
				b := boxes[o.Name]
				if b == nil || b.Shape == ShapeNone && len(b.Text) == 0 {
					continue
				}
				seen++
				y := func(gy float64) float64 { return l.Height - gy }
				if b.Shape == ShapeRect || b.Shape == ShapeNote {
					for _, op := range o.Draw {
						if op.Op != "P" && op.Op != "p" {
							continue
						}
						x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
						for _, p := range op.Points {
							x0, x1 = math.Min(x0, p[0]), math.Max(x1, p[0])
							y0, y1 = math.Min(y0, y(p[1])), math.Max(y1, y(p[1]))
						}
						if math.Abs(x0-b.X) > 0.6 || math.Abs(y0-b.Y) > 0.6 || math.Abs(x1-b.Right()) > 0.6 || math.Abs(y1-b.Bottom()) > 0.6 {
							t.Errorf("%s: graphviz draws it at %.1f,%.1f–%.1f,%.1f, the layout has %v", b.ID, x0, y0, x1, y1, b.Rect)
						}
						break
					}
				}
				size, bold := 14.0, false
				for _, op := range o.LDraw {
					switch op.Op {
					case "F":
						size = op.Size
					case "t":
						bold = op.FontChar&1 != 0
					case "T":
						if strings.TrimSpace(op.Text) == "" {
							continue
						}
						w := fonts.Get(bold).Width(op.Text, size)
						x := op.Pt[0]
						switch op.Align {
						case "c":
							x -= w / 2
						case "r":
							x -= w
						}
						base := y(op.Pt[1])
						// Ascent and descent of Liberation Sans (1854 and
						// 434 of 2048 units); half a point of slack for
						// rounding.
						text := Rect{x + 0.5, base - size*0.905 + 0.5, w - 1, size*(0.905+0.212) - 1}
						if !b.Rect.Contains(text) {
							t.Errorf("%s: text %q at %v leaves the box %v", b.ID, op.Text, text, b.Rect)
						}
						if b.Center && len(b.Text) == 1 && len(b.Text[0].Spans) == 1 && math.Abs(text.CX()-b.CX()) > 1 {
							t.Errorf("%s: text %q is centred at x=%.1f, the box at %.1f", b.ID, op.Text, text.CX(), b.CX())
						}
						if !b.Center && math.Abs(x-(b.X+b.PadX)) > 0.6 && lineStarts(b, x) == false {
							t.Errorf("%s: text %q starts at x=%.1f, not at the box's left padding %.1f", b.ID, op.Text, x, b.X+b.PadX)
						}
					}
				}
			}
			if seen < len(j.Steps)*4 {
				t.Errorf("only %d boxes found in graphviz's drawing", seen)
			}
		})
	}
}

// lineStarts reports whether x is where a span of one of the box's lines
// starts (a second span on a line starts after the first).
func lineStarts(b *Box, x float64) bool {
	for _, l := range b.Text {
		at := b.X + b.PadX
		for _, s := range l.Spans {
			if math.Abs(x-at) < 0.6 {
				return true
			}
			at += textWidth(s.Text, s.Size, s.Bold)
		}
	}
	return false
}

// TestRenderDeterministic renders an example twice in each format and
// wants the same bytes.
func TestRenderDeterministic(t *testing.T) {
	m := loadExamples(t)
	j := m.Journeys[2]
	for _, info := range Formats() {
		f := info.Format
		a := renderBytes(t, Derive(m, j, Options{}), f)
		b := renderBytes(t, Derive(m, j, Options{}), f)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", f)
		}
	}
}

// TestPNGSizes checks the resolution of each size and the cap for very
// long journeys.
func TestPNGSizes(t *testing.T) {
	m := loadExamples(t)
	j := m.Journeys[0]
	for _, s := range []Size{SizeScreen, SizeA3, SizeA1} {
		l := Derive(m, j, Options{Size: s})
		w, h, dpi := PNGSize(l)
		sw, sh, print := s.sheet()
		switch {
		case !print && dpi != 96:
			t.Errorf("screen: %v dpi, want 96", dpi)
		case print && float64(w*h) <= MaxPNGPixels && math.Abs(dpi-300) > 0.5:
			t.Errorf("%s: %.1f dpi, want 300", s, dpi)
		case print && math.Abs(float64(w)/dpi*72-sw) > 2 && math.Abs(float64(h)/dpi*72-sh) > 2:
			t.Errorf("%s: %d × %d px at %.0f dpi does not fill the sheet %.0f × %.0f pt", s, w, h, dpi, sw, sh)
		}
		if float64(w*h) > MaxPNGPixels*1.001 {
			t.Errorf("%s: %d × %d px passes MaxPNGPixels", s, w, h)
		}
	}
	huge := &Layout{Width: 60000, Height: 3000, Size: SizeScreen}
	if w, h, _ := PNGSize(huge); float64(w*h) > MaxPNGPixels*1.001 || w > maxPNGSide {
		t.Errorf("a 60 000 pt wide diagram gives a %d × %d PNG", w, h)
	}
}

// TestFonts: the DOT names Arial (which native Graphviz on Debian
// resolves to Liberation Sans, with the widths the layout measured), and
// every text of the SVG names the whole list of fonts with those widths.
func TestFonts(t *testing.T) {
	m := loadExamples(t)
	l := Derive(m, m.Journeys[1], Options{})
	var dot bytes.Buffer
	if err := WriteDOT(&dot, l); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(dot.String(), `fontname="Arial"`); n != 2 || strings.Contains(dot.String(), "Helvetica") {
		t.Errorf("the DOT names Arial %d times (want graph and node defaults) or still names Helvetica", n)
	}
	svg := string(renderBytes(t, l, FormatSVG))
	texts, listed := strings.Count(svg, "<text "), strings.Count(svg, svgFontFamily)
	if texts < 100 || listed != texts || strings.Contains(svg, `font-family="Arial"`) {
		t.Errorf("%d texts, %d with the font list %s", texts, listed, svgFontFamily)
	}
}

// TestPNGResolution decodes the pHYs chunk of the PNG of each size: the
// dpi PNGSize gives, so that the picture's physical size is the sheet's
// (A3: 420 × 297 mm) or, on screen, 96 dpi.
func TestPNGResolution(t *testing.T) {
	m := loadExamples(t)
	j := m.Journeys[1]
	for _, s := range []Size{SizeScreen, SizeA3} {
		l := Derive(m, j, Options{Size: s})
		data := renderBytes(t, l, FormatPNG)
		w, _, dpi := PNGSize(l)
		ppmX, ppmY, unit, ok := pngPHYs(t, data)
		if !ok {
			t.Fatalf("%s: no pHYs chunk before the image data", s)
		}
		if unit != 1 || ppmX != ppmY {
			t.Errorf("%s: pHYs %d × %d per unit %d, want the same per metre", s, ppmX, ppmY, unit)
		}
		got := float64(ppmX) * 0.0254
		if math.Abs(got-dpi) > 0.05 {
			t.Errorf("%s: pHYs says %.2f dpi, PNGSize %.2f", s, got, dpi)
		}
		mm := float64(w) / got * 25.4
		switch sw, _, print := s.sheet(); {
		case !print && math.Abs(got-96) > 0.05:
			t.Errorf("screen PNG at %.2f dpi, want 96", got)
		case print && math.Abs(mm-sw/72*25.4) > 1:
			t.Errorf("%s PNG %.1f mm wide, the sheet %.1f mm", s, mm, sw/72*25.4)
		}
	}
}

// pngPHYs finds the pHYs chunk of a PNG among the chunks before IDAT.
func pngPHYs(t *testing.T, data []byte) (x, y uint32, unit byte, ok bool) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatal("not a PNG")
	}
	for p := 8; p+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[p:]))
		kind := string(data[p+4 : p+8])
		if p+12+n > len(data) {
			t.Fatalf("chunk %s runs past the end", kind)
		}
		body := data[p+8 : p+8+n]
		if crc32.ChecksumIEEE(data[p+4:p+8+n]) != binary.BigEndian.Uint32(data[p+8+n:]) {
			t.Fatalf("chunk %s: bad CRC", kind)
		}
		switch kind {
		case "pHYs":
			if n != 9 {
				t.Fatalf("pHYs of %d bytes", n)
			}
			return binary.BigEndian.Uint32(body), binary.BigEndian.Uint32(body[4:]), body[8], true
		case "IDAT", "IEND":
			return 0, 0, 0, false
		}
		p += 12 + n
	}
	return 0, 0, 0, false
}

// TestRendererClosed checks the error after Close.
func TestRendererClosed(t *testing.T) {
	r, err := NewRenderer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	m := loadExamples(t)
	err = r.Render(context.Background(), io.Discard, Derive(m, m.Journeys[0], Options{}), FormatSVG)
	if err == nil || !strings.Contains(err.Error(), "closed") {
		t.Errorf("render after Close: %v", err)
	}
}
