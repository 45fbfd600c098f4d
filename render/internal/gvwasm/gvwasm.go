// Package gvwasm runs Graphviz compiled to WebAssembly: the module that
// github.com/goccy/go-graphviz v0.2.10 embeds (graphviz.wasm here is that
// file, byte for byte; TestSameModuleAsGoGraphviz checks it), driven
// through the few C functions of its bridge that a diagram needs: read a
// DOT text, lay it out, render it into memory, free everything.
//
// It exists because go-graphviz compiles its module in a package init:
// every program that links it pays for the compilation at start-up (even
// `blueprint --version`) and panics when its cache under $TMPDIR belongs
// to another user. Here nothing happens until New is called, the compiled
// code is cached in the user's cache directory (or kept in memory when
// that cannot be used), and every failure is an error. See
// docs/decisions.md.
package gvwasm

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"sync"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

//go:embed graphviz.wasm
var wasmFile []byte

// runtime is the process's one wazero runtime with the compiled module:
// compiling takes most of a second, instantiating about a millisecond.
var runtime struct {
	once sync.Once
	rt   wazero.Runtime
	mod  wazero.CompiledModule
	note error // why the compiled code is not cached on disk, if it is not
	err  error
	seq  int // names instances
	mu   sync.Mutex
}

// CacheDir is where the compiled module is cached: a folder of the user's
// cache directory (os.UserCacheDir). Empty means: compute it. Set it
// before the first New (tests do).
var CacheDir string

// compile makes the runtime and compiles the module once per process. A
// cache that cannot be used is no error: the module is compiled in memory
// and CacheNote says why.
func compile(ctx context.Context) error {
	runtime.once.Do(func() {
		dir, err := cacheDir()
		if err == nil {
			var cache wazero.CompilationCache
			if cache, err = wazero.NewCompilationCacheWithDir(dir); err == nil {
				if err = setUp(ctx, runtimeConfig().WithCompilationCache(cache)); err != nil {
					err = fmt.Errorf("%s: %w", dir, err)
				}
			}
		}
		if err == nil {
			return
		}
		runtime.note = err
		runtime.err = setUp(ctx, runtimeConfig())
	})
	return runtime.err
}

// runtimeConfig: no DWARF (wazero would decode the module's debug
// sections at every start to symbolise stack traces nobody reads).
func runtimeConfig() wazero.RuntimeConfig {
	return wazero.NewRuntimeConfig().WithDebugInfoEnabled(false)
}

// setUp makes a runtime with cfg, gives it the host functions the module
// imports and compiles the module.
func setUp(ctx context.Context, cfg wazero.RuntimeConfig) (err error) {
	rt := wazero.NewRuntimeWithConfig(ctx, cfg)
	defer func() {
		if err != nil {
			rt.Close(ctx)
		}
	}()
	imports, err := importedFuncs(wasmFile)
	if err != nil {
		return fmt.Errorf("compile graphviz: %w", err)
	}
	cm, err := rt.CompileModule(ctx, wasmFile)
	if err != nil {
		return fmt.Errorf("compile graphviz: %w", err)
	}
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		return fmt.Errorf("start graphviz: %w", err)
	}
	// The module imports go-graphviz's callbacks for plugins written in Go
	// ("env"); no plugin of ours is registered, so Graphviz never calls
	// them. Each is still defined, with its own signature, as an error.
	env := rt.NewHostModuleBuilder("env")
	for _, f := range imports {
		if f.module != "env" {
			continue
		}
		name := f.name
		env.NewFunctionBuilder().WithGoModuleFunction(api.GoModuleFunc(func(context.Context, api.Module, []uint64) {
			panic(fmt.Errorf("graphviz called %s, a callback blueprint does not provide", name))
		}), f.params, f.results).Export(name)
	}
	if _, err := env.Instantiate(ctx); err != nil {
		return fmt.Errorf("start graphviz: %w", err)
	}
	runtime.rt, runtime.mod = rt, cm
	return nil
}

// Prepare compiles (or loads) the module in the background, so that a
// program can do its other work meanwhile; New waits for it.
func Prepare() {
	go compile(context.Background()) //nolint:errcheck // New reports the error
}

// CacheNote says why the compiled module is not cached on disk (then each
// process compiles it again, which takes most of a second), or is nil.
// It is meaningful after the first New.
func CacheNote() error { return runtime.note }

// Graphviz is one instance of the module with one Graphviz context. It is
// not safe for concurrent use; instances are independent of each other.
type Graphviz struct {
	mod    api.Module
	malloc api.Function
	free   api.Function
	fn     map[string]api.Function
	gvc    uint32
	ret    uint32        // four bytes for the results of the bridge's functions
	stderr *bytes.Buffer // Graphviz's messages
	broken error         // a trap inside the module: the instance is not used again
	left   leftover      // what the last Render left to free
}

// leftover is what a Render leaves in the module's memory: the graph it
// read and laid out, and the strings and output it allocated. The next
// Render frees it first, so the memory does not grow; Close drops it with
// the instance, so the last diagram of a run is not freed for nothing
// (about 5% of Graphviz's time for a big diagram).
type leftover struct {
	graph   uint32 // the graph read, or 0
	laidOut bool   // the graph has a layout
	allocs  []uint32
}

// release frees what the last Render left.
func (g *Graphviz) release(ctx context.Context) error {
	l := g.left
	g.left = leftover{allocs: l.allocs[:0]}
	if l.laidOut {
		if _, err := g.callRet(ctx, "Context_freeLayout", uint64(g.gvc), uint64(l.graph)); err != nil {
			return err
		}
	}
	if l.graph != 0 {
		if _, err := g.callRet(ctx, "Graph_close", uint64(l.graph)); err != nil {
			return err
		}
	}
	for _, p := range l.allocs {
		if _, err := g.free.Call(ctx, uint64(p)); err != nil {
			g.broken = err
			return fmt.Errorf("graphviz (free): %w", err)
		}
	}
	return nil
}

// the bridge functions a render needs (wasm_bridge_ + name).
var bridge = []string{"SymList_default", "SymList_zero", "getContextWithPlugins", "memRead",
	"Context_layout", "Context_renderData", "freeRenderData", "Context_freeLayout", "Graph_close",
	"lastError"}

// New starts an instance of Graphviz, compiling the module first if this
// is the process's first.
func New(ctx context.Context) (*Graphviz, error) {
	if err := compile(ctx); err != nil {
		return nil, err
	}
	runtime.mu.Lock()
	runtime.seq++
	name := "graphviz-" + strconv.Itoa(runtime.seq)
	runtime.mu.Unlock()
	// No file system, no standard streams: Graphviz reads DOT from memory
	// and renders into memory.
	stderr := new(bytes.Buffer)
	m, err := runtime.rt.InstantiateModule(experimental.WithMemoryAllocator(ctx, memoryAllocator), runtime.mod,
		wazero.NewModuleConfig().WithName(name).WithStderr(stderr))
	if err != nil {
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	g := &Graphviz{stderr: stderr, mod: m, malloc: m.ExportedFunction("malloc"), free: m.ExportedFunction("free"), fn: map[string]api.Function{}}
	for _, n := range bridge {
		if g.fn[n] = m.ExportedFunction("wasm_bridge_" + n); g.fn[n] == nil {
			m.Close(ctx)
			return nil, fmt.Errorf("start graphviz: the module has no %s", n)
		}
	}
	if g.malloc == nil || g.free == nil {
		m.Close(ctx)
		return nil, errors.New("start graphviz: the module has no malloc")
	}
	if err := g.context(ctx); err != nil {
		m.Close(ctx)
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	return g, nil
}

// context makes the Graphviz context with the plugins linked into the
// module (dot and neato layouts, the core renderers: svg, json, dot).
func (g *Graphviz) context(ctx context.Context) error {
	var err error
	if g.ret, err = g.alloc(ctx, 4); err != nil {
		return err
	}
	defaults, err := g.callRet(ctx, "SymList_default")
	if err != nil {
		return err
	}
	zero, err := g.callRet(ctx, "SymList_zero")
	if err != nil {
		return err
	}
	// The default list is a slice {len, data} of pointers 8 bytes apart;
	// gvContextPlugins reads up to an entry without a name, so the list
	// gets the zero entry at its end.
	mem := g.mod.Memory()
	n, ok1 := mem.ReadUint32Le(defaults)
	data, ok2 := mem.ReadUint32Le(defaults + 4)
	if !ok1 || !ok2 || n > 64 {
		return errors.New("unreadable plugin list")
	}
	list, err := g.alloc(ctx, 8+8*(n+1))
	if err != nil {
		return err
	}
	ok := mem.WriteUint32Le(list, n+1) && mem.WriteUint32Le(list+4, list+8)
	for i := uint32(0); i < n; i++ {
		p, _ := mem.ReadUint32Le(data + 8*i)
		ok = ok && mem.WriteUint64Le(list+8+8*i, uint64(p))
	}
	ok = ok && mem.WriteUint64Le(list+8+8*n, uint64(zero))
	if !ok {
		return errors.New("cannot write the plugin list")
	}
	if g.gvc, err = g.callRet(ctx, "getContextWithPlugins", uint64(list), 1); err != nil {
		return err
	}
	if g.gvc == 0 {
		return errors.New("no graphviz context")
	}
	return nil
}

// Render lays out the DOT text with engine and renders it in format
// ("svg", "json", …). Everything the render allocates inside the module,
// the output included, is freed when the next Render starts (see
// leftover), so an instance can draw any number of diagrams without its
// memory growing.
func (g *Graphviz) Render(ctx context.Context, dot []byte, engine, format string) ([]byte, error) {
	if g.broken != nil {
		return nil, fmt.Errorf("graphviz stopped at an earlier diagram: %w", g.broken)
	}
	if err := g.release(ctx); err != nil {
		return nil, err
	}
	g.stderr.Reset()
	str := func(b []byte) (uint64, error) {
		p, err := g.cstring(ctx, b)
		if p != 0 {
			g.left.allocs = append(g.left.allocs, p)
		}
		return uint64(p), err
	}
	src, err := str(dot)
	if err != nil {
		return nil, err
	}
	eng, err := str([]byte(engine))
	if err != nil {
		return nil, err
	}
	fmtp, err := str([]byte(format))
	if err != nil {
		return nil, err
	}
	graph, err := g.callRet(ctx, "memRead", src)
	if err != nil {
		return nil, err
	}
	if graph == 0 {
		return nil, g.lastError(ctx, "graphviz cannot read the diagram")
	}
	g.left.graph = graph
	if rc, err := g.callRet(ctx, "Context_layout", uint64(g.gvc), uint64(graph), eng); err != nil {
		return nil, err
	} else if rc != 0 {
		return nil, g.lastError(ctx, "graphviz cannot lay out the diagram")
	}
	g.left.laidOut = true
	out, err := g.alloc(ctx, 8) // char** result, then unsigned int length
	if err != nil {
		return nil, err
	}
	g.left.allocs = append(g.left.allocs, out)
	rc, err := g.callRet(ctx, "Context_renderData", uint64(g.gvc), uint64(graph), fmtp, uint64(out), uint64(out+4))
	if err != nil {
		return nil, err
	}
	if rc != 0 {
		return nil, g.lastError(ctx, "graphviz cannot render the diagram as "+format)
	}
	// The bridge replaced the char* by a {char*, int} string it allocated.
	mem := g.mod.Memory()
	sp, _ := mem.ReadUint32Le(out)
	if sp == 0 {
		return nil, errors.New("graphviz rendered nothing")
	}
	g.left.allocs = append(g.left.allocs, sp)
	data, ok1 := mem.ReadUint32Le(sp)
	n, ok2 := mem.ReadUint32Le(sp + 4)
	b, ok3 := mem.Read(data, n)
	if !ok1 || !ok2 || !ok3 {
		return nil, errors.New("graphviz's output lies outside its memory")
	}
	res := append([]byte(nil), b...)
	if _, err := g.fn["freeRenderData"].Call(ctx, uint64(data)); err != nil {
		g.broken = err
		return nil, err
	}
	return res, nil
}

// Close drops the instance with its memory: the context and what the last
// Render left go with it, so nothing is freed one by one.
func (g *Graphviz) Close(ctx context.Context) error {
	if g.mod == nil {
		return nil
	}
	err := g.mod.Close(ctx)
	g.mod = nil
	return err
}

// Broken says whether a trap stopped the instance (Graphviz failed in the
// middle of a call, so its memory may be inconsistent); then Render
// refuses and the caller starts a new instance.
func (g *Graphviz) Broken() bool { return g.broken != nil }

// MemorySize is the size of the instance's memory in bytes.
func (g *Graphviz) MemorySize() uint32 { return g.mod.Memory().Size() }

// callRet calls a bridge function whose last parameter receives its
// 32-bit result.
func (g *Graphviz) callRet(ctx context.Context, name string, args ...uint64) (uint32, error) {
	if _, err := g.fn[name].Call(ctx, append(args, uint64(g.ret))...); err != nil {
		g.broken = err
		return 0, fmt.Errorf("graphviz (%s): %w", name, err)
	}
	v, ok := g.mod.Memory().ReadUint32Le(g.ret)
	if !ok {
		return 0, errors.New("graphviz: result outside its memory")
	}
	return v, nil
}

func (g *Graphviz) alloc(ctx context.Context, n uint32) (uint32, error) {
	r, err := g.malloc.Call(ctx, uint64(n))
	if err != nil {
		g.broken = err
		return 0, fmt.Errorf("graphviz: %w", err)
	}
	if r[0] == 0 {
		return 0, errors.New("graphviz: out of memory")
	}
	return uint32(r[0]), nil
}

// cstring copies b into the module as a NUL-terminated string.
func (g *Graphviz) cstring(ctx context.Context, b []byte) (uint32, error) {
	p, err := g.alloc(ctx, uint32(len(b))+1)
	if err != nil {
		return 0, err
	}
	mem := g.mod.Memory()
	if !mem.Write(p, b) || !mem.WriteByte(p+uint32(len(b)), 0) {
		return p, errors.New("graphviz: cannot write its memory")
	}
	return p, nil
}

// Messages returns what Graphviz wrote to its standard error during the
// last Render (warnings such as "size too small for label").
func (g *Graphviz) Messages() string { return g.stderr.String() }

// lastError is Graphviz's message, or what if there is none.
func (g *Graphviz) lastError(ctx context.Context, what string) error {
	if msg := trimSpace(g.stderr.String()); msg != "" {
		return fmt.Errorf("%s: %s", what, msg)
	}
	sp, err := g.callRet(ctx, "lastError")
	if err != nil || sp == 0 {
		return errors.New(what)
	}
	defer g.free.Call(ctx, uint64(sp)) //nolint:errcheck // freeing cannot fail
	mem := g.mod.Memory()
	data, _ := mem.ReadUint32Le(sp)
	n, _ := mem.ReadUint32Le(sp + 4)
	if b, ok := mem.Read(data, n); ok && n > 0 {
		return fmt.Errorf("%s: %s", what, trimSpace(string(b)))
	}
	return errors.New(what)
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == ' ') {
		s = s[:len(s)-1]
	}
	return s
}
