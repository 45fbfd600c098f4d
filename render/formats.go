package render

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// Format is an output format.
type Format string

// The output formats.
const (
	FormatSVG Format = "svg"
	FormatPNG Format = "png"
	FormatDOT Format = "dot"
)

// FormatInfo says what an output format is and what it takes to make: the
// one description of the formats, which Renderer.Render and the command
// line both read.
type FormatInfo struct {
	// Format is the name --format takes.
	Format Format
	// Ext is the file extension, without the dot.
	Ext string
	// MediaType is the IANA media type, for a server's Content-Type.
	MediaType string
	// Graphviz reports whether drawing the format needs Graphviz, that is
	// a Renderer made by NewRenderer. DOT does not: it is Graphviz's input,
	// written in Go.
	Graphviz bool
	// ScreenDPI and SheetDPI are the resolution a raster format is drawn
	// at on screen size and on a sheet (A3 to A0); zero for a vector
	// format. A very long journey gets less, see PNGSize.
	ScreenDPI, SheetDPI float64
}

// NominalDPI is the resolution the format is drawn at for size s:
// ScreenDPI on screen, SheetDPI on a sheet, zero for a vector format.
func (f FormatInfo) NominalDPI(s Size) float64 {
	if _, _, sheet := s.sheet(); sheet {
		return f.SheetDPI
	}
	return f.ScreenDPI
}

// The resolution of a PNG: 96 dots per inch on screen, 300 per inch of the
// sheet for print.
const (
	screenDPI = 96.0
	sheetDPI  = 300.0
)

// formatEntry is a format with its encoder.
type formatEntry struct {
	FormatInfo
	write func(r *Renderer, ctx context.Context, w io.Writer, l *Layout) error
}

// formatTable is every format, in the order the CLI lists them.
var formatTable = [...]formatEntry{
	{FormatInfo{Format: FormatSVG, Ext: "svg", MediaType: "image/svg+xml", Graphviz: true}, (*Renderer).drawSVG},
	{FormatInfo{Format: FormatPNG, Ext: "png", MediaType: "image/png", Graphviz: true, ScreenDPI: screenDPI, SheetDPI: sheetDPI}, (*Renderer).drawPNG},
	{FormatInfo{Format: FormatDOT, Ext: "dot", MediaType: "text/vnd.graphviz"}, func(_ *Renderer, _ context.Context, w io.Writer, l *Layout) error {
		return WriteDOT(w, l)
	}},
}

// Formats returns the output formats in the order the CLI lists them. The
// slice is the caller's own.
func Formats() []FormatInfo {
	out := make([]FormatInfo, len(formatTable))
	for i, e := range formatTable {
		out[i] = e.FormatInfo
	}
	return out
}

// Info returns what f is, and false for an unknown format.
func (f Format) Info() (FormatInfo, bool) {
	e, ok := lookupFormat(f)
	return e.FormatInfo, ok
}

func lookupFormat(f Format) (formatEntry, bool) {
	for _, e := range formatTable {
		if e.Format == f {
			return e, true
		}
	}
	return formatEntry{}, false
}

// ParseFormat accepts svg, png or dot, in any case.
func ParseFormat(s string) (Format, error) {
	for _, e := range formatTable {
		if strings.EqualFold(s, string(e.Format)) {
			return e.Format, nil
		}
	}
	return "", unknownFormat(s)
}

// unknownFormat says which formats there are: "use svg, png or dot".
func unknownFormat(s string) error {
	names := make([]string, len(formatTable))
	for i, e := range formatTable {
		names[i] = string(e.Format)
	}
	list := strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	return fmt.Errorf("unknown format %q: use %s", s, list)
}
