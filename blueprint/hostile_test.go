package blueprint

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hostile inputs: files that are empty, binary, huge, deeply nested or
// full of keys. Each is generated here, loads quickly with a clear,
// positioned message, and costs bounded memory (counted with the
// allocator's statistics, not timed; BenchmarkHostile has the times).

// hostileInputs are the cases of TestHostileInputs and BenchmarkHostile.
func hostileInputs() []struct {
	name string
	src  []byte
} {
	keys := func(n int) []byte {
		var b bytes.Buffer
		for i := range n {
			fmt.Fprintf(&b, "k%d = 1\n", i)
		}
		return b.Bytes()
	}
	return []struct {
		name string
		src  []byte
	}{
		{"empty", nil},
		{"comments only", []byte("# klantreis\n# nog niets\n")},
		{"NUL", []byte("id = \"a\x00b\"\n")},
		{"BOM", []byte("\uFEFFid = \"x\"\n")},
		{"CRLF", []byte("id = \"x\"\r\ntitel = 3\r\n")},
		{"invalid UTF-8", []byte("id = \"x\xff\xfe\"\n")},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + strings.Repeat("\x00\xff\x10", 3000))},
		{"20,000 keys", keys(20000)},
		{"20,000-deep tables", []byte("x = " + strings.Repeat("{a = ", 20000) + "1" + strings.Repeat("}", 20000) + "\n")},
		{"20,000-deep arrays", []byte("x = " + strings.Repeat("[", 20000) + "1" + strings.Repeat("]", 20000) + "\n")},
		{"20,000-part key", []byte("[" + strings.Repeat("a.", 19999) + "a]\n")},
		{"8,000 bad elements", []byte("[[stap]]\nid = \"s\"\nondersteuning = [" + strings.TrimSuffix(strings.Repeat("{bogus = 1}, ", 8000), ", ") + "]\n")},
	}
}

func TestHostileInputs(t *testing.T) {
	want := map[string]string{
		"empty":              "f.toml:1:1: fout: het bestand is leeg",
		"comments only":      "f.toml:1:1: fout: het bestand bevat alleen commentaar (regels die met # beginnen)",
		"NUL":                "f.toml:1:8: fout: dit is geen tekstbestand: het bevat nul-bytes",
		"BOM":                "f.toml:1:1: fout: Klantreis \"x\" mist de verplichte sleutel \"domein\"",
		"CRLF":               "f.toml:1:1: fout: Klantreis \"x\" mist de verplichte sleutel \"domein\"",
		"invalid UTF-8":      "f.toml:1:7: fout: het bestand is geen UTF-8-tekst: hier staat een teken dat niet te lezen is",
		"binary":             "f.toml:3:1: fout: dit is geen tekstbestand: het bevat nul-bytes",
		"20,000 keys":        "f.toml:1:1: fout: Het bestand mist de verplichte sleutel \"domein\"",
		"20,000-deep tables": "f.toml:1:85: fout: lijsten en tabellen zijn hier meer dan 16 niveaus diep in elkaar gezet",
		"20,000-deep arrays": "f.toml:1:21: fout: lijsten en tabellen zijn hier meer dan 16 niveaus diep in elkaar gezet",
		"20,000-part key":    "f.toml:1:2: fout: deze sleutel heeft meer dan 16 delen met punten ertussen",
		"8,000 bad elements": "f.toml:1:1: fout: Het bestand mist de verplichte sleutel \"domein\"",
	}
	for _, c := range hostileInputs() {
		t.Run(c.name, func(t *testing.T) {
			var diags Diagnostics
			alloc := allocated(func() { _, diags = Load("f.toml", c.src, Options{}) })
			require.NotEmpty(t, diags)
			assert.Equal(t, want[c.name], diags[0].Pos.String()+": fout: "+diags[0].Summary)
			assert.Less(t, alloc, uint64(64<<20)+uint64(200*len(c.src)), "memory allocated: %d MB", alloc>>20)
		})
	}
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostileOutputIsBounded prints the diagnostics of every hostile
// input as the CLI does: at most DefaultMaxDiagnostics per file, with
// clipped excerpts and nothing that acts on a terminal.
func TestHostileOutputIsBounded(t *testing.T) {
	for _, c := range hostileInputs() {
		t.Run(c.name, func(t *testing.T) {
			_, diags := Load("f.toml", c.src, Options{})
			var b bytes.Buffer
			require.NoError(t, (&DiagnosticWriter{W: &b, Sources: map[string][]byte{"f.toml": c.src}}).WriteDiagnostics(diags))
			out := b.String()
			assert.LessOrEqual(t, strings.Count(out, "\n"), 4*DefaultMaxDiagnostics+2, "lines")
			for _, line := range strings.Split(out, "\n") {
				assert.LessOrEqual(t, len([]rune(line)), 300, "a line of the output is too long")
			}
			for _, r := range out {
				if r < 0x20 && r != '\n' || r >= 0x7F && r < 0xA0 {
					t.Fatalf("control character %U in the output:\n%s", r, out)
				}
			}
			if len(diags) > DefaultMaxDiagnostics {
				assert.Contains(t, out, fmt.Sprintf("f.toml: … en nog %d meer in dit bestand", len(diags)-DefaultMaxDiagnostics))
			}
		})
	}
}

// BenchmarkHostile loads each hostile input, and files of 20,000, 80,000
// and 200,000 unknown keys, which grow linearly (docs/performance.md).
func BenchmarkHostile(b *testing.B) {
	cases := hostileInputs()
	for _, n := range []int{80000, 200000} {
		var src bytes.Buffer
		for i := range n {
			fmt.Fprintf(&src, "k%d = 1\n", i)
		}
		cases = append(cases, struct {
			name string
			src  []byte
		}{fmt.Sprintf("%d keys", n), src.Bytes()})
	}
	for _, c := range cases {
		b.Run(strings.ReplaceAll(c.name, " ", "-"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.src)))
			for b.Loop() {
				Load("f.toml", c.src, Options{})
			}
		})
	}
}

// BenchmarkDiagnosticWriter prints 8,000 diagnostics on one line of
// 100 KB (each excerpt costs its window, not the line), and one warning
// in each of 5,000 files (summed up after three).
func BenchmarkDiagnosticWriter(b *testing.B) {
	line := []byte("ondersteuning = [" + strings.TrimSuffix(strings.Repeat("{bogus = 1}, ", 8000), ", ") + "]\n")
	var oneLine Diagnostics
	for i := range 8000 {
		oneLine = append(oneLine, Diagnostic{Severity: Error, Pos: Pos{File: "f.toml", Line: 1, Col: 18 + 13*i}, Code: "unknown-key", Summary: "onbekende sleutel \"bogus\"", Lang: Dutch})
	}
	var manyFiles Diagnostics
	sources := map[string][]byte{}
	for i := range 5000 {
		name := fmt.Sprintf("reis-%04d.toml", i)
		sources[name] = []byte("id = \"x\"\n[[fase]]\nid = \"f\"\n")
		manyFiles = append(manyFiles, Diagnostic{Severity: Warning, Pos: Pos{File: name, Line: 2, Col: 1}, Code: "no-metrics", Summary: "fase \"f\" heeft geen meetpunten", Lang: Dutch})
	}
	for _, c := range []struct {
		name    string
		diags   Diagnostics
		sources map[string][]byte
		max     int
	}{
		{"8000-on-one-line", oneLine, map[string][]byte{"f.toml": line}, 0},
		{"8000-on-one-line-all", oneLine, map[string][]byte{"f.toml": line}, -1},
		{"5000-files", manyFiles, sources, 0},
		{"5000-files-all", manyFiles, sources, -1},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var out countingWriter
			for b.Loop() {
				out = 0
				(&DiagnosticWriter{W: &out, Sources: c.sources, Max: c.max}).WriteDiagnostics(c.diags)
			}
			b.ReportMetric(float64(out), "bytes-out")
		})
	}
}

type countingWriter int

func (w *countingWriter) Write(p []byte) (int, error) {
	*w += countingWriter(len(p))
	return len(p), nil
}

// A writer whose texts were let go of (blueprint matrix at national
// scale) reads back only the files whose snippets it prints: with the
// same warning in 5,000 files, the three shown in full.
func TestDiagnosticWriterReadsOnlyWhatItShows(t *testing.T) {
	var diags Diagnostics
	for i := range 5000 {
		diags = append(diags, Diagnostic{Severity: Warning, Pos: Pos{File: fmt.Sprintf("r%04d.toml", i), Line: 2, Col: 3},
			Code: "need-unmapped", Summary: "behoefte leidt tot geen eis", Lang: Dutch})
	}
	var read []string
	var b bytes.Buffer
	w := &DiagnosticWriter{W: &b, Read: func(file string) []byte {
		read = append(read, file)
		return []byte("id = \"r\"\nx = \"zeer lang\"\n")
	}}
	require.NoError(t, w.WriteDiagnostics(diags))
	assert.Equal(t, []string{"r0000.toml", "r0001.toml", "r0002.toml"}, read)
	assert.Contains(t, b.String(), "     2 | x = \"zeer lang\"\n       |   ^\n")
}
