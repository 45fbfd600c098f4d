package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/render/internal/gvwasm"
)

// Renderer draws layouts with one Graphviz instance (Graphviz compiled to
// WebAssembly, go-graphviz's module, run in-process by render/internal/gvwasm).
// Create one per run and reuse it for every journey. It is safe for
// concurrent use; calls into Graphviz are serialised, because an instance
// is single-threaded. Renderers are independent of each other.
//
// A big SVG, when it is the only diagram the process is drawing and there
// are two cores, is drawn in two parts on two instances at once and
// stitched, to the same bytes (split.go); the second instance is started
// then and kept until Close.
//
// Nothing of Graphviz is loaded until the first NewRenderer of a process:
// a program that only validates never pays for it.
//
// The zero Renderer has no Graphviz and writes the formats that need none
// (DOT; see FormatInfo.Graphviz), so a run that only writes DOT need not
// start Graphviz.
type Renderer struct {
	mu sync.Mutex
	gv *gvwasm.Graphviz
	// gv2 is a second instance for drawing a big SVG in two parts on two
	// cores (split.go), started at the first such diagram.
	gv2    *gvwasm.Graphviz
	closed bool
	// oneInstance draws every diagram whole on gv (tests compare).
	oneInstance bool
}

// drawing counts the Renderer calls in progress in the process, of every
// Renderer: a diagram is split over two cores only when it is the only
// one, so that a caller that draws several at once (the site) keeps its
// cores for them.
var drawing atomic.Int32

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
	if r.gv2 != nil {
		_ = r.gv2.Close(context.Background())
	}
	r.gv, r.gv2, r.closed = nil, nil, true
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
	drawing.Add(1)
	defer drawing.Add(-1)
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
	// A big SVG is drawn on two cores when there are two and this is the
	// process's only diagram in progress (split.go).
	minSplit := -1
	if format == "svg" && !r.oneInstance && runtime.GOMAXPROCS(0) >= 2 && drawing.Load() == 1 {
		minSplit = splitMinDOT
	}
	dot, parts, split, err := splitDOT(l, minSplit)
	if err != nil {
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
	if split {
		if out, ok := r.drawSplit(ctx, parts); ok {
			_, err := w.Write(out)
			return err
		}
		// Whatever went wrong with a part, the whole graph on one
		// instance says it as before.
	}
	// One call: Graphviz reads the DOT, lays it out (nop2: the positions
	// are ours) and renders it; what it allocated is freed at the next.
	out, err := r.gv.Render(ctx, dot, "nop2", format)
	if err != nil {
		r.gv = renew(ctx, r.gv)
		if r.gv == nil {
			r.closed = true
		}
		return fmt.Errorf("render %s: %w", l.JourneyID, err)
	}
	_, err = w.Write(out)
	return err
}

// drawSplit draws the two parts of a DOT as SVG on two instances at the
// same time and stitches them. ok is false when it could not (an
// instance failed, the parts did not fit); then the caller draws the
// whole. r.mu is held.
func (r *Renderer) drawSplit(ctx context.Context, p dotParts) (svg []byte, ok bool) {
	var (
		second    []byte
		secondErr error
		done      = make(chan struct{})
	)
	go func() {
		defer close(done)
		if r.gv2 == nil {
			// Starting an instance takes about a millisecond, while the
			// first part is drawn.
			if r.gv2, secondErr = gvwasm.New(ctx); secondErr != nil {
				return
			}
		}
		second, secondErr = r.gv2.Render(ctx, p.second, "nop2", "svg")
	}()
	first, firstErr := r.gv.Render(ctx, p.first, "nop2", "svg")
	<-done
	if secondErr != nil {
		if r.gv2 != nil && r.gv2.Broken() {
			_ = r.gv2.Close(ctx)
			r.gv2 = nil // the next split starts another
		}
		return nil, false
	}
	if firstErr != nil {
		if r.gv = renew(ctx, r.gv); r.gv == nil {
			// No instance for the whole either: let the second be the one.
			r.gv, r.gv2 = r.gv2, nil
		}
		return nil, false
	}
	svg, err := stitchSVG(first, second, p.invisible)
	return svg, err == nil
}

// renew replaces an instance that trapped in the middle of a diagram by a
// fresh one, or returns nil when none starts; an instance that only
// reported an error is kept.
func renew(ctx context.Context, gv *gvwasm.Graphviz) *gvwasm.Graphviz {
	if !gv.Broken() {
		return gv
	}
	_ = gv.Close(ctx)
	if n, err := gvwasm.New(ctx); err == nil {
		return n
	}
	return nil
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
