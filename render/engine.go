package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/render/internal/gvwasm"
)

// Renderer draws layouts with one Graphviz instance (Graphviz compiled to
// WebAssembly, go-graphviz's module, run in-process by render/internal/gvwasm).
// Create one per run and reuse it for every journey. It is safe for
// concurrent use; calls into Graphviz are serialised, because an instance
// is single-threaded. Renderers are independent of each other.
//
// Nothing of Graphviz is loaded until the first NewRenderer of a process:
// a program that only validates never pays for it.
//
// The zero Renderer has no Graphviz and writes the formats that need none
// (DOT; see FormatInfo.Graphviz), so a run that only writes DOT need not
// start Graphviz.
type Renderer struct {
	mu     sync.Mutex
	gv     *gvwasm.Graphviz
	closed bool
}

// NewRenderer starts Graphviz. The first call of a process compiles the
// WebAssembly module, or loads it from the user's cache directory
// (GraphvizCacheNote says why not, when not).
func NewRenderer(ctx context.Context) (*Renderer, error) {
	gv, err := gvwasm.New(ctx)
	if err != nil {
		return nil, err
	}
	return &Renderer{gv: gv}, nil
}

// PrepareGraphviz starts loading Graphviz in the background (the compiled
// module from the user's cache, or compiling it), so that a program that
// will draw can read its journeys meanwhile. NewRenderer waits for it.
func PrepareGraphviz() { gvwasm.Prepare() }

// GraphvizCacheNote says why Graphviz's compiled code could not be cached
// in the user's cache directory (a folder of another user, not writable),
// or is nil. Then every process compiles it again, which takes most of a
// second, and nothing else changes. Meaningful after NewRenderer.
func GraphvizCacheNote() error { return gvwasm.CacheNote() }

// Close stops Graphviz. The Renderer cannot be used after it.
func (r *Renderer) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.gv == nil {
		return nil
	}
	// An instance that cannot close is dropped anyway; there is nothing
	// the caller could do about it.
	_ = r.gv.Close(context.Background())
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
	if err := r.graphviz(ctx, &buf, l, "svg"); err != nil {
		return err
	}
	_, err := w.Write(svgFonts(buf.Bytes()))
	return err
}

// drawPNG has Graphviz draw l and paints its drawing as PNG.
func (r *Renderer) drawPNG(ctx context.Context, w io.Writer, l *Layout) error {
	var buf bytes.Buffer
	if err := r.graphviz(ctx, &buf, l, "json"); err != nil {
		return err
	}
	return writePNG(w, buf.Bytes(), l)
}

// graphviz runs the DOT of l through Graphviz into format.
func (r *Renderer) graphviz(ctx context.Context, w io.Writer, l *Layout, format string) error {
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
	// One call: Graphviz reads the DOT, lays it out (nop2: the positions
	// are ours) and renders it; what it allocated is freed again.
	out, err := r.gv.Render(ctx, dot.Bytes(), "nop2", format)
	if err != nil {
		if r.gv.Broken() {
			// Graphviz trapped in the middle of this diagram; the next
			// one gets a fresh instance.
			_ = r.gv.Close(ctx)
			if gv, nerr := gvwasm.New(ctx); nerr == nil {
				r.gv = gv
			} else {
				r.gv, r.closed = nil, true
			}
		}
		return fmt.Errorf("render %s: %w", l.JourneyID, err)
	}
	_, err = w.Write(out)
	return err
}

// svgFonts names the fonts with Helvetica's widths in the SVG. The DOT
// names Arial (see dotFont), which Graphviz writes as font-family="Arial";
// a machine without Arial or an alias for it (a Linux server without
// fonts-liberation) would fall back to a wider sans-serif and text would
// run out of its boxes. Helvetica, Arial, Liberation Sans and Nimbus Sans
// have the same widths.
func svgFonts(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte(`font-family="`+dotFont+`"`), []byte(svgFontFamily))
}

const svgFontFamily = `font-family="Helvetica,Arial,'Liberation Sans','Nimbus Sans',sans-serif"`
