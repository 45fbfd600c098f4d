package render

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"math"
	"strings"
	"testing"
)

// TestFormatTable checks the format table against what each format's
// encoder writes: the media type matches the bytes, the extension is the
// name, ParseFormat reads it back, and the formats that need no Graphviz
// are written by a Renderer without it, while the others say what to do.
func TestFormatTable(t *testing.T) {
	m := loadExamples(t)
	l := Derive(m, m.Journeys[0], Options{})
	sniff := map[string]func([]byte) bool{
		"image/svg+xml":     func(b []byte) bool { return bytes.Contains(b, []byte("<svg")) },
		"image/png":         func(b []byte) bool { _, err := png.Decode(bytes.NewReader(b)); return err == nil },
		"text/vnd.graphviz": func(b []byte) bool { return bytes.Contains(b, []byte("digraph ")) },
	}
	var names []string
	for _, info := range Formats() {
		names = append(names, string(info.Format))
		if f, err := ParseFormat(strings.ToUpper(info.Ext)); err != nil || f != info.Format {
			t.Errorf("%s: ParseFormat(%q) = %q, %v", info.Format, info.Ext, f, err)
		}
		if got, ok := info.Format.Info(); !ok || got != info {
			t.Errorf("%s: Info() = %+v, %v; Formats() says %+v", info.Format, got, ok, info)
		}
		is, ok := sniff[info.MediaType]
		if !ok {
			t.Errorf("%s: no check for media type %q", info.Format, info.MediaType)
		} else if !is(renderBytes(t, l, info.Format)) {
			t.Errorf("%s: the output is not %s", info.Format, info.MediaType)
		}
		var zero Renderer
		var buf bytes.Buffer
		err := zero.Render(context.Background(), &buf, l, info.Format)
		switch {
		case info.Graphviz && (err == nil || !strings.Contains(err.Error(), "NewRenderer")):
			t.Errorf("%s without Graphviz: %v, want an error that names NewRenderer", info.Format, err)
		case !info.Graphviz && err != nil:
			t.Errorf("%s needs no Graphviz, but a Renderer without it fails: %v", info.Format, err)
		case !info.Graphviz && !bytes.Equal(buf.Bytes(), renderBytes(t, l, info.Format)):
			t.Errorf("%s: a Renderer without Graphviz writes other bytes than one with it", info.Format)
		}
		if raster := info.ScreenDPI > 0; raster != (info.Format == FormatPNG) {
			t.Errorf("%s: ScreenDPI %v; only PNG is a raster format", info.Format, info.ScreenDPI)
		}
	}
	if got := strings.Join(names, ","); got != "svg,png,dot" {
		t.Errorf("formats %s, want svg,png,dot in the order the CLI lists them", got)
	}
	pngInfo, _ := FormatPNG.Info()
	for _, s := range []Size{SizeScreen, SizeA3} {
		if _, _, dpi := PNGSize(Derive(m, m.Journeys[0], Options{Size: s})); math.Abs(dpi-pngInfo.NominalDPI(s)) > 0.5 {
			t.Errorf("%s: the PNG has %.1f dpi, the table says %v", s, dpi, pngInfo.NominalDPI(s))
		}
	}
	if _, err := ParseFormat("pdf"); err == nil || err.Error() != `unknown format "pdf": use svg, png or dot` {
		t.Errorf("ParseFormat(pdf): %v", err)
	}
	if err := renderer(t).Render(context.Background(), io.Discard, l, "pdf"); err == nil || !strings.Contains(err.Error(), "use svg, png or dot") {
		t.Errorf("Render in an unknown format: %v", err)
	}
}
