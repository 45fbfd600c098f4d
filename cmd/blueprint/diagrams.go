package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"sync"
	"sync/atomic"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/render"
)

// renderBudget is how many diagrams one Graphviz instance draws before it
// is replaced. go-graphviz never freed a rendered output inside its
// WebAssembly memory (about 1 MB for a 60-step SVG), so a site of
// thousands of journeys, or a live preview that runs all day, grew without
// bound on one instance. Since issue 14 the binding (render/internal/gvwasm)
// frees every output and the budget is only a margin; starting a new
// instance costs a few milliseconds.
const renderBudget = 100

// drawer draws diagrams with one Graphviz for the whole process, replaced
// every renderBudget diagrams. There is one drawer per run, shared by
// every goroutine: the calls into Graphviz are serialised by the Renderer,
// and what comes after (painting a PNG) runs in parallel. (go-graphviz
// parsed DOT with one module for the whole process, so two Renderers
// drawing in parallel hung; the binding's instances are independent.)
type drawer struct {
	mu    sync.RWMutex // held for writing to replace r
	r     *render.Renderer
	drawn atomic.Int64
}

func (d *drawer) draw(ctx context.Context, l *render.Layout, f render.Format) ([]byte, error) {
	d.mu.RLock()
	if d.r == nil || d.drawn.Load() >= renderBudget {
		d.mu.RUnlock()
		if err := d.renew(ctx); err != nil {
			return nil, err
		}
		d.mu.RLock()
	}
	defer d.mu.RUnlock()
	d.drawn.Add(1)
	var buf bytes.Buffer
	if err := d.r.Render(ctx, &buf, l, f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renew starts Graphviz, or replaces one that has used its budget.
func (d *drawer) renew(ctx context.Context) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.r != nil && d.drawn.Load() < renderBudget {
		return nil // another goroutine was first
	}
	if d.r != nil {
		d.r.Close()
		d.r = nil
	}
	r, err := render.NewRenderer(ctx)
	if err != nil {
		return err
	}
	d.r = r
	d.drawn.Store(0)
	return nil
}

func (d *drawer) close() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.r != nil {
		d.r.Close()
		d.r = nil
	}
}

// diagram is a journey's layout with what the site needs of it.
type diagram struct {
	layout *render.Layout
	dot    [sha256.Size]byte // what Graphviz is given: the key of the cache
	boxes  map[string]string
}

// layoutOf derives the layout of j and the hash of its DOT, which decides
// the SVG and PNG completely.
func layoutOf(m *blueprint.Model, j *blueprint.Journey, opts render.Options) (*diagram, error) {
	l := render.Derive(m, j, opts)
	var dot bytes.Buffer
	if err := render.WriteDOT(&dot, l); err != nil {
		return nil, err
	}
	return &diagram{layout: l, dot: sha256.Sum256(dot.Bytes()), boxes: l.StepBoxIDs()}, nil
}

// diagramCache keeps drawn diagrams by the hash of their DOT and format,
// so that the live preview draws again only the journeys that changed.
// Entries not used since the last sweep are dropped.
type diagramCache struct {
	mu    sync.Mutex
	m     map[cacheKey][]byte
	used  map[cacheKey]bool
	count int // diagrams put in so far
}

type cacheKey struct {
	dot    [sha256.Size]byte
	format render.Format
}

func newDiagramCache() *diagramCache {
	return &diagramCache{m: map[cacheKey][]byte{}, used: map[cacheKey]bool{}}
}

// get and put do nothing on a nil cache (a site build draws every
// diagram once).
func (c *diagramCache) get(k cacheKey) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.m[k]
	if ok {
		c.used[k] = true
	}
	return b, ok
}

func (c *diagramCache) put(k cacheKey, b []byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = b
	c.used[k] = true
	c.count++
}

// drawn returns how many diagrams were put in so far: those drawn.
func (c *diagramCache) drawn() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.count
}

// sweep drops the entries not used since the last sweep.
func (c *diagramCache) sweep() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.m {
		if !c.used[k] {
			delete(c.m, k)
		}
	}
	c.used = map[cacheKey]bool{}
}
