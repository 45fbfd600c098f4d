// Package golden compares test output with files under testdata/ and
// rewrites them on request. It is for tests only.
//
// Set UPDATE_GOLDEN=1 (or pass -update to go test) to rewrite the files
// instead of comparing; `make golden` does that for every package and
// `make golden-check` fails when a rewrite changes anything, so the
// checked-in files always match what the code produces.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// Updating reports whether golden files are being rewritten.
func Updating() bool {
	return *update || os.Getenv("UPDATE_GOLDEN") == "1"
}

// Assert compares got with the file at path (relative to the package,
// usually under testdata/). When updating it writes got to path instead.
func Assert(t testing.TB, path string, got []byte) {
	t.Helper()
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run with UPDATE_GOLDEN=1 to accept):\n%s", path, diff(string(want), string(got)))
	}
}

// diff shows the first lines where want and got differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl == gl {
			continue
		}
		b.WriteString("line ")
		b.WriteString(itoa(i + 1))
		b.WriteString(":\n  want: ")
		b.WriteString(wl)
		b.WriteString("\n  got:  ")
		b.WriteString(gl)
		b.WriteString("\n")
		if shown++; shown == 10 {
			b.WriteString("  …\n")
			break
		}
	}
	return b.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}
