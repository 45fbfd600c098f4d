package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/goccy/go-graphviz"

	"github.com/dimpact/blueprint/blueprint"
)

// Renderer draws layouts with one Graphviz instance (go-graphviz, Graphviz
// compiled to WebAssembly and run in-process). Create one per run and
// reuse it for every journey: the instance is the expensive part. It is
// safe for concurrent use; calls into Graphviz are serialised, because the
// WebAssembly module is single-threaded.
//
// The zero Renderer has no Graphviz and writes the formats that need none
// (DOT; see FormatInfo.Graphviz), so a run that only writes DOT need not
// start Graphviz.
type Renderer struct {
	mu     sync.Mutex
	gv     *graphviz.Graphviz
	closed bool
}

// NewRenderer starts Graphviz.
func NewRenderer(ctx context.Context) (*Renderer, error) {
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	gv.SetLayout(graphviz.NOP2)
	return &Renderer{gv: gv}, nil
}

// Close stops Graphviz. The Renderer cannot be used after it.
func (r *Renderer) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.gv == nil {
		return nil
	}
	// go-graphviz returns Graphviz's last message as Close's error, even a
	// warning left by an earlier render ("size too small for label"), so
	// the error says nothing about closing and is not passed on.
	_ = r.gv.Close()
	r.gv, r.closed = nil, true
	return nil
}

// Journey derives the layout of journey j and writes it to w in format f.
func (r *Renderer) Journey(ctx context.Context, w io.Writer, m *blueprint.Model, j *blueprint.Journey, f Format, opts Options) error {
	return r.Render(ctx, w, Derive(m, j, opts), f)
}

// Render writes a layout to w in format f (the encoder of the format
// table, see Formats). DOT needs no Graphviz, so the zero Renderer writes
// it too.
func (r *Renderer) Render(ctx context.Context, w io.Writer, l *Layout, f Format) error {
	e, ok := lookupFormat(f)
	if !ok {
		return unknownFormat(string(f))
	}
	return e.write(r, ctx, w, l)
}

// drawSVG has Graphviz draw l as SVG.
func (r *Renderer) drawSVG(ctx context.Context, w io.Writer, l *Layout) error {
	var buf bytes.Buffer
	if err := r.graphviz(ctx, &buf, l, graphviz.SVG); err != nil {
		return err
	}
	_, err := w.Write(svgFonts(buf.Bytes()))
	return err
}

// drawPNG has Graphviz draw l and paints its drawing as PNG.
func (r *Renderer) drawPNG(ctx context.Context, w io.Writer, l *Layout) error {
	var buf bytes.Buffer
	if err := r.graphviz(ctx, &buf, l, graphviz.Format("json")); err != nil {
		return err
	}
	return writePNG(w, buf.Bytes(), l)
}

// graphviz runs the DOT of l through Graphviz into format.
func (r *Renderer) graphviz(ctx context.Context, w io.Writer, l *Layout, format graphviz.Format) error {
	var dot bytes.Buffer
	if err := WriteDOT(&dot, l); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.closed:
		return fmt.Errorf("render %s: the renderer is closed", l.JourneyID)
	case r.gv == nil:
		return fmt.Errorf("render %s: this Renderer has no Graphviz: make it with NewRenderer", l.JourneyID)
	}
	g, err := graphviz.ParseBytes(dot.Bytes())
	if err != nil {
		return fmt.Errorf("render %s: graphviz cannot read the diagram: %w", l.JourneyID, err)
	}
	defer g.Close()
	if err := r.gv.Render(ctx, g, format, w); err != nil {
		return fmt.Errorf("render %s: %w", l.JourneyID, err)
	}
	return nil
}

// svgFonts names the fonts with Helvetica's widths in the SVG. Graphviz
// writes font-family="Helvetica,sans-Serif"; a machine without Helvetica
// or an alias for it (a Linux server without fonts-liberation) would fall
// back to a wider sans-serif and text would run out of its boxes. Arial,
// Liberation Sans and Nimbus Sans have the same widths.
func svgFonts(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte(`font-family="Helvetica,sans-Serif"`), []byte(svgFontFamily))
}

const svgFontFamily = `font-family="Helvetica,Arial,'Liberation Sans','Nimbus Sans',sans-serif"`
