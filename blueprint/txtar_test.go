package blueprint

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A case is a small archive in the txtar form: a comment, then files, each
// introduced by a line "-- name --". The file "want" holds the exact
// diagnostics a user must see, one a line, written by hand: it is the
// specification, not a golden file, and no switch rewrites it.
type archive struct {
	comment string
	files   []File
}

func parseArchive(t testing.TB, path string) archive {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var a archive
	var cur *File
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			a.files = append(a.files, File{Name: strings.TrimSpace(trimmed[3 : len(trimmed)-3])})
			cur = &a.files[len(a.files)-1]
			continue
		}
		if cur == nil {
			a.comment += line
			continue
		}
		cur.Src = append(cur.Src, line...)
	}
	return a
}

func (a archive) split() (inputs []File, want string) {
	for _, f := range a.files {
		if f.Name == "want" {
			want = string(f.Src)
			continue
		}
		inputs = append(inputs, f)
	}
	return inputs, want
}

func oneLine(ds Diagnostics) string {
	var b bytes.Buffer
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func TestDiagnosticCases(t *testing.T) {
	paths, err := filepath.Glob("testdata/diagnostics/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			inputs, want := parseArchive(t, path).split()
			// project file first, as ReadPaths orders them
			var ordered []File
			for _, f := range inputs {
				if IsProjectFile(f.Name) {
					ordered = append(ordered, f)
				}
			}
			for _, f := range inputs {
				if !IsProjectFile(f.Name) {
					ordered = append(ordered, f)
				}
			}
			_, diags := LoadFiles(ordered, Options{})
			if got := oneLine(diags); got != want {
				t.Errorf("diagnostics differ\n--- got\n%s--- want\n%s", got, want)
			}
		})
	}
}
