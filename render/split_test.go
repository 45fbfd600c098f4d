package render

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/blueprinttest"
)

// TestSplitSVGIsTheSame draws journeys whole on one Graphviz instance and
// in two parts on two (split.go) and wants the same SVG, byte for byte:
// the same elements in the same order (z-order), with the same ids,
// classes, titles and tooltips, on the same canvas. The journeys are the
// examples, the one with loops, branches and a hand-off chain
// (testdata/flow), the format corpus, a 60-step journey, and an example
// on a sheet in English with lanes hidden.
func TestSplitSVGIsTheSame(t *testing.T) {
	type tc struct {
		name string
		m    *blueprint.Model
		j    *blueprint.Journey
		opts Options
	}
	var cases []tc
	for _, m := range []*blueprint.Model{loadExamples(t), loadDir(t, flowDir), loadDir(t, corpusDir)} {
		for _, j := range m.Journeys {
			cases = append(cases, tc{j.ID, m, j, Options{}})
		}
	}
	m60, j60 := blueprinttest.One(t, 60)
	cases = append(cases, tc{"60 steps", m60, j60, Options{}})
	ex := loadExamples(t)
	cases = append(cases, tc{"a3, en, lanes hidden", ex, ex.Journeys[1],
		Options{Lang: blueprint.English, Size: SizeA3, Hide: []Lane{LaneEvidence, LaneSupport}}})

	ctx := context.Background()
	one, err := NewRenderer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	one.oneInstance = true
	two, err := NewRenderer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer two.Close()
	for _, c := range cases {
		l := Derive(c.m, c.j, c.opts)
		var whole bytes.Buffer
		if err := one.Render(ctx, &whole, l, FormatSVG); err != nil {
			t.Fatal(err)
		}
		_, parts, ok, err := splitDOT(l, 0)
		if err != nil || !ok {
			t.Fatalf("%s: not cut (%v)", c.name, err)
		}
		if parts.invisible == 0 || len(parts.first) < len(parts.second)/3 || len(parts.second) < len(parts.first)/3 {
			t.Errorf("%s: parts of %d and %d bytes, %d invisible nodes: not a cut in two halves", c.name, len(parts.first), len(parts.second), parts.invisible)
		}
		two.mu.Lock()
		split, ok := two.drawSplit(ctx, parts)
		two.mu.Unlock()
		if !ok {
			t.Fatalf("%s: the parts did not fit", c.name)
		}
		split = svgFonts(split)
		if !bytes.Equal(whole.Bytes(), split) {
			t.Errorf("%s: drawn in two parts, the SVG differs from the whole: %s", c.name, firstDiff(whole.Bytes(), split))
			continue
		}
		checkIDs(t, c.name, split)
	}
}

// checkIDs wants every id of an SVG once, and a node or edge group for
// every node drawn.
func checkIDs(t *testing.T, name string, svg []byte) {
	t.Helper()
	seen := map[string]bool{}
	groups := 0
	for _, m := range regexp.MustCompile(`<g id="([^"]*)"( class="(node|edge)\b)?`).FindAllSubmatch(svg, -1) {
		id := string(m[1])
		if seen[id] {
			t.Errorf("%s: id %q twice", name, id)
		}
		seen[id] = true
		if len(m[3]) > 0 {
			groups++
		}
	}
	if groups < 50 {
		t.Errorf("%s: only %d nodes and edges drawn", name, groups)
	}
}

func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ": " + la[i] + " ≠ " + lb[i]
		}
	}
	return "lengths " + strconv.Itoa(len(la)) + " and " + strconv.Itoa(len(lb)) + " lines"
}

// TestRenderSplitsABigSVG renders a 60-step journey to SVG with a
// Renderer as the CLI does: on a machine with two cores it is drawn in
// two parts, and the bytes are those of the whole.
func TestRenderSplitsABigSVG(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one core: nothing is split")
	}
	m, j := blueprinttest.One(t, 60)
	l := Derive(m, j, Options{})
	ctx := context.Background()
	r, err := NewRenderer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	one, err := NewRenderer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	one.oneInstance = true
	var a, b bytes.Buffer
	if err := one.Render(ctx, &a, l, FormatSVG); err != nil {
		t.Fatal(err)
	}
	// Other tests of the package may be drawing at the same time, and then
	// nothing is split: try a few times.
	for i := 0; i < 5 && r.gv2 == nil; i++ {
		b.Reset()
		if err := r.Render(ctx, &b, l, FormatSVG); err != nil {
			t.Fatal(err)
		}
	}
	if r.gv2 == nil {
		t.Fatal("a 60-step SVG was never drawn on two instances")
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("split render differs from the whole: %s", firstDiff(a.Bytes(), b.Bytes()))
	}
	// PNG is drawn whole, and still works after a split.
	var p bytes.Buffer
	if err := r.Render(ctx, &p, l, FormatPNG); err != nil || !bytes.HasPrefix(p.Bytes(), []byte("\x89PNG")) {
		t.Errorf("PNG after a split: %v", err)
	}
}

// TestSplitFallsBack: when a part fails, or the parts do not fit, the
// diagram is drawn whole, and the Renderer goes on working.
func TestSplitFallsBack(t *testing.T) {
	m := loadExamples(t)
	l := Derive(m, m.Journeys[1], Options{})
	_, parts, ok, err := splitDOT(l, 0)
	if err != nil || !ok {
		t.Fatal(err)
	}
	ctx := context.Background()
	r, err := NewRenderer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	bad := parts
	bad.second = []byte("digraph { a -> }")
	r.mu.Lock()
	_, ok = r.drawSplit(ctx, bad)
	r.mu.Unlock()
	if ok {
		t.Error("a part that Graphviz cannot read was stitched")
	}
	bad = parts
	bad.invisible += 3 // the first real nodes would be dropped
	r.mu.Lock()
	_, ok = r.drawSplit(ctx, bad)
	r.mu.Unlock()
	if ok {
		t.Error("parts stitched while dropping drawn nodes")
	}
	var buf bytes.Buffer
	if err := r.Render(ctx, &buf, l, FormatSVG); err != nil || !bytes.Contains(buf.Bytes(), []byte(`id="page"`)) {
		t.Errorf("render after a failed split: %v", err)
	}
}

// TestStitchChecksTheParts: parts on different canvases are not joined.
func TestStitchChecksTheParts(t *testing.T) {
	part := func(w string) []byte {
		return []byte(`<svg width="` + w + `pt">` + "\n" + `<g id="graph0" class="graph">` + "\n<title>t</title>\n<!-- a -->\n<g id=\"a\" class=\"node\">\n</g>\n</g>\n</svg>\n")
	}
	if _, err := stitchSVG(part("10"), part("10"), 0); err != nil {
		t.Errorf("same canvas: %v", err)
	}
	if _, err := stitchSVG(part("10"), part("11"), 0); err == nil {
		t.Error("parts of different sizes were stitched")
	}
	if _, err := stitchSVG(part("10"), part("10"), 1); err == nil {
		t.Error("a drawn node was dropped as invisible")
	}
}

// TestNoSplitWhileOthersDraw: while another diagram is being drawn in
// the process (here: pretended), a big SVG is drawn whole, on one
// instance, so that a caller drawing several at once keeps its cores.
func TestNoSplitWhileOthersDraw(t *testing.T) {
	m, j := blueprinttest.One(t, 60)
	l := Derive(m, j, Options{})
	ctx := context.Background()
	r, err := NewRenderer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	drawing.Add(1)
	defer drawing.Add(-1)
	if err := r.Render(ctx, io.Discard, l, FormatSVG); err != nil {
		t.Fatal(err)
	}
	if r.gv2 != nil {
		t.Error("a second instance was started while another diagram was being drawn")
	}
}
