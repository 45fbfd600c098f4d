package gvwasm

import (
	"bytes"
	"context"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/goccy/go-graphviz"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/experimental"
)

const sample = `digraph G { graph [layout=nop2, splines=line, pad=0];
	node [shape=box, fixedsize=true, fontname="Helvetica", fontsize=10, label=" "];
	a [pos="10,10!", width=1, height=0.5, label=<Hallo <b>wereld</b>>];
	b [pos="150,10!", width=1, height=0.5, label="tweede\nregel"];
	a -> b [pos="e,110,10 46,10"];
}`

// TestSameModuleAsGoGraphviz: graphviz.wasm is go-graphviz v0.2.10's
// module, byte for byte, so the upgrade path stays go-graphviz's.
func TestSameModuleAsGoGraphviz(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/goccy/go-graphviz").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	theirs, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "internal", "wasm", "graphviz.wasm"))
	if err != nil {
		t.Skipf("go-graphviz's module: %v", err)
	}
	if sha256.Sum256(theirs) != sha256.Sum256(wasmFile) {
		t.Fatal("render/internal/gvwasm/graphviz.wasm differs from go-graphviz's: copy it again")
	}
}

// TestSameOutputAsGoGraphviz: the binding draws what go-graphviz draws,
// SVG and JSON, and draws it again the same.
func TestSameOutputAsGoGraphviz(t *testing.T) {
	ctx := context.Background()
	g, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close(ctx)
	gv, err := graphviz.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer gv.Close()
	gv.SetLayout(graphviz.NOP2)
	for _, format := range []string{"svg", "json"} {
		mine, err := g.Render(ctx, []byte(sample), "nop2", format)
		if err != nil {
			t.Fatal(err)
		}
		gr, err := graphviz.ParseBytes([]byte(sample))
		if err != nil {
			t.Fatal(err)
		}
		var theirs bytes.Buffer
		if err := gv.Render(ctx, gr, graphviz.Format(format), &theirs); err != nil {
			t.Fatal(err)
		}
		gr.Close()
		if !bytes.Equal(mine, theirs.Bytes()) {
			t.Errorf("%s differs from go-graphviz's:\n%s\n---\n%s", format, mine, theirs.Bytes())
		}
		again, err := g.Render(ctx, []byte(sample), "nop2", format)
		if err != nil || !bytes.Equal(again, mine) {
			t.Errorf("%s a second time: %v, same bytes %v", format, err, bytes.Equal(again, mine))
		}
	}
}

// TestMemoryDoesNotGrow: everything a render allocates is freed, the
// output too, so an instance draws many diagrams in the same memory.
func TestMemoryDoesNotGrow(t *testing.T) {
	ctx := context.Background()
	g, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close(ctx)
	for i := 0; i < 5; i++ {
		if _, err := g.Render(ctx, []byte(sample), "nop2", "svg"); err != nil {
			t.Fatal(err)
		}
	}
	before := g.MemorySize()
	for i := 0; i < 200; i++ {
		if _, err := g.Render(ctx, []byte(sample), "nop2", "svg"); err != nil {
			t.Fatal(err)
		}
	}
	if after := g.MemorySize(); after > before {
		t.Errorf("memory grew from %d to %d bytes over 200 renders", before, after)
	}
}

// TestBadDOT: Graphviz's complaint comes back as an error, and the
// instance keeps working.
func TestBadDOT(t *testing.T) {
	ctx := context.Background()
	g, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close(ctx)
	if _, err := g.Render(ctx, []byte("digraph { a -> "), "nop2", "svg"); err == nil || !strings.Contains(err.Error(), "syntax error") {
		t.Errorf("bad DOT: %v, want Graphviz's syntax error", err)
	}
	if _, err := g.Render(ctx, []byte(sample), "nop2", "svg"); err != nil {
		t.Errorf("after bad DOT: %v", err)
	}
}

// TestImportedFuncs: the import reader finds what wazero finds, with the
// same signatures.
func TestImportedFuncs(t *testing.T) {
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	cm, err := rt.CompileModule(ctx, wasmFile)
	if err != nil {
		t.Fatal(err)
	}
	mine, err := importedFuncs(wasmFile)
	if err != nil {
		t.Fatal(err)
	}
	theirs := cm.ImportedFunctions()
	if len(mine) != len(theirs) || len(mine) < 60 {
		t.Fatalf("%d imports, wazero finds %d", len(mine), len(theirs))
	}
	for i, f := range theirs {
		module, name, _ := f.Import()
		got := mine[i]
		if got.module != module || got.name != name || string(got.params) != string(f.ParamTypes()) || string(got.results) != string(f.ResultTypes()) {
			t.Errorf("import %d: %+v, wazero: %s.%s %v %v", i, got, module, name, f.ParamTypes(), f.ResultTypes())
		}
	}
	if _, err := importedFuncs(wasmFile[:100]); err == nil {
		t.Error("a truncated module read without an error")
	}
	if _, err := importedFuncs([]byte("not wasm")); err == nil {
		t.Error("a text read as a module")
	}
}

// TestTrapBreaksTheInstance: after a trap inside the module (here a
// pointer outside its memory) the instance refuses to draw rather than
// run on an inconsistent heap, and a new instance draws.
func TestTrapBreaksTheInstance(t *testing.T) {
	ctx := context.Background()
	g, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close(ctx)
	if _, err := g.callRet(ctx, "Graph_close", 0xfffffff0); err == nil {
		t.Fatal("closing a graph outside the memory did not trap")
	}
	if !g.Broken() {
		t.Fatal("a trap did not mark the instance broken")
	}
	if _, err := g.Render(ctx, []byte(sample), "nop2", "svg"); err == nil || !strings.Contains(err.Error(), "earlier diagram") {
		t.Errorf("render on a broken instance: %v", err)
	}
	h, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close(ctx)
	if _, err := h.Render(ctx, []byte(sample), "nop2", "svg"); err != nil {
		t.Errorf("a new instance: %v", err)
	}
}

// TestMemoryGrowsInPlace: an instance's memory keeps what was written
// while it grows, new pages are zero, and where the system maps memory
// (linux, darwin) growing never moves it.
func TestMemoryGrowsInPlace(t *testing.T) {
	mems := map[string]experimental.LinearMemory{"heap": &heapMemory{}}
	if m := reserve(1 << 32); m != nil {
		mems["mapped"] = m
	} else if goruntime.GOOS == "linux" && strconv.IntSize == 64 {
		t.Error("4 GiB of address space could not be reserved on 64-bit linux")
	}
	for name, m := range mems {
		b := m.Reallocate(1 << 16)
		b[0], b[len(b)-1] = 1, 2
		first := &b[0]
		for size := uint64(2 << 16); size <= 64<<20; size *= 2 {
			b = m.Reallocate(size)
			if uint64(len(b)) != size || b[0] != 1 || b[1<<16-1] != 2 || b[size-1] != 0 {
				t.Fatalf("%s: grown to %d bytes, the content is not kept or the new pages are not zero", name, size)
			}
		}
		if name == "mapped" && &b[0] != first {
			t.Errorf("the mapped memory moved as it grew")
		}
		m.Free()
	}
	// And an instance draws with it.
	ctx := context.Background()
	g, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close(ctx)
	if _, err := g.Render(ctx, []byte(sample), "nop2", "svg"); err != nil {
		t.Error(err)
	}
}
