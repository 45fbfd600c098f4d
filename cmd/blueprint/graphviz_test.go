package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Graphviz is compiled once per process, so these tests run the CLI in a
// child process (this test binary, in TestGraphvizChild) with its own
// HOME, cache and temp folders.

// child runs the CLI with args in a fresh process whose HOME,
// XDG_CACHE_HOME and TMPDIR are folders of root.
func child(t *testing.T, root string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	for _, d := range []string{"home", "cache", "tmp"} {
		require.NoError(t, os.MkdirAll(filepath.Join(root, d), 0o700))
	}
	a, err := json.Marshal(args)
	require.NoError(t, err)
	cmd := exec.Command(os.Args[0], "-test.run=^TestGraphvizChild$")
	cmd.Env = append(os.Environ(), "BLUEPRINT_CHILD_ARGS="+string(a),
		"HOME="+filepath.Join(root, "home"), "XDG_CACHE_HOME="+filepath.Join(root, "cache"),
		"TMPDIR="+filepath.Join(root, "tmp"), "GOCOVERDIR="+t.TempDir())
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), out.String(), errOut.String()
	}
	require.NoError(t, err)
	return 0, out.String(), errOut.String()
}

// TestGraphvizChild is the child process of the tests below.
func TestGraphvizChild(t *testing.T) {
	var args []string
	if err := json.Unmarshal([]byte(os.Getenv("BLUEPRINT_CHILD_ARGS")), &args); err != nil || len(args) == 0 {
		t.Skip("run by the Graphviz start-up tests")
	}
	os.Exit(run(append([]string{"blueprint"}, args...), os.Stdout, os.Stderr))
}

// files lists the files and folders under root's home, cache and tmp.
func files(t *testing.T, root string) []string {
	t.Helper()
	var got []string
	for _, d := range []string{"home", "cache", "tmp"} {
		filepath.WalkDir(filepath.Join(root, d), func(p string, e fs.DirEntry, err error) error {
			if err == nil && p != filepath.Join(root, d) {
				rel, _ := filepath.Rel(root, p)
				got = append(got, filepath.ToSlash(rel))
			}
			return nil
		})
	}
	return got
}

// TestValidateStartsNoGraphviz: --version and validate leave no trace of
// Graphviz (no compiled cache anywhere); render caches it in the user's
// cache directory, not in the shared temp folder.
func TestValidateStartsNoGraphviz(t *testing.T) {
	root := t.TempDir()
	code, out, errOut := child(t, root, "--version")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "blueprint")
	code, out, errOut = child(t, root, "validate", "../../examples")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "geldig: 4 klantreizen")
	assert.Empty(t, files(t, root), "--version and validate write nothing")

	code, _, errOut = child(t, root, "render", "--format", "svg", "--out", filepath.Join(root, "out"), "../../examples/johan-gat-in-de-weg.toml")
	require.Equal(t, exitOK, code, errOut)
	assert.Empty(t, errOut)
	got := strings.Join(files(t, root), "\n")
	if runtime.GOOS == "linux" {
		assert.Contains(t, got, "cache/blueprint/wazero/", "the compiled module is cached per user")
	}
	assert.NotContains(t, got, "tmp/", "nothing in the shared temp folder")
}

// TestGraphvizNotLinkedIntoValidate: go-graphviz (which compiles its
// module when the program starts) is not part of the program at all.
func TestGraphvizNotLinkedIntoValidate(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	assert.NotContains(t, string(out), "github.com/goccy/go-graphviz")
	assert.Contains(t, string(out), "github.com/dimpact/blueprint/render/internal/gvwasm")
}

// TestGraphvizCacheUnusable: a cache folder of another user, one others
// may write to, or a file where the folder should be, and go-graphviz's
// old cache in the temp folder belonging to someone else: the diagram is
// drawn all the same, with a note that says why it was slow; never a
// panic.
func TestGraphvizCacheUnusable(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles Graphviz three times")
	}
	cases := map[string]func(t *testing.T, cache string){
		"other user or others may write": func(t *testing.T, cache string) {
			require.NoError(t, os.MkdirAll(cache, 0o700))
			if os.Getuid() == 0 {
				require.NoError(t, os.Chown(cache, 65534, 65534))
			} else {
				require.NoError(t, os.Chmod(cache, 0o777))
			}
		},
		"a file": func(t *testing.T, cache string) {
			require.NoError(t, os.MkdirAll(filepath.Dir(cache), 0o700))
			require.NoError(t, os.WriteFile(cache, []byte("x"), 0o600))
		},
		"not writable": func(t *testing.T, cache string) {
			if os.Getuid() == 0 {
				t.Skip("root writes anywhere")
			}
			require.NoError(t, os.MkdirAll(cache, 0o500))
		},
	}
	for name, prepare := range cases {
		t.Run(name, func(t *testing.T) {
			if runtime.GOOS != "linux" {
				t.Skip("XDG_CACHE_HOME")
			}
			root := t.TempDir()
			prepare(t, filepath.Join(root, "cache", "blueprint", "wazero"))
			// What made go-graphviz panic: its cache in TMPDIR, 0700, of
			// another user.
			old := filepath.Join(root, "tmp", "go-graphviz", "wazero-v1.10.1-amd64-linux")
			require.NoError(t, os.MkdirAll(old, 0o700))
			if os.Getuid() == 0 {
				require.NoError(t, os.Chown(old, 65534, 65534))
			}
			out := filepath.Join(root, "out")
			code, stdout, errOut := child(t, root, "render", "--format", "svg,png", "--out", out, "../../examples/johan-gat-in-de-weg.toml")
			require.Equal(t, exitOK, code, errOut)
			assert.NotContains(t, errOut, "panic")
			assert.NotContains(t, errOut, "goroutine")
			assert.Contains(t, errOut, "let op: de cache van Graphviz is niet te gebruiken")
			assert.Contains(t, errOut, filepath.Join(root, "cache", "blueprint", "wazero"), "the note names the folder")
			assert.Equal(t, 1, strings.Count(errOut, "\n"), "one note: %s", errOut)
			assert.Contains(t, stdout, "johan-gat-in-de-weg.png")
			assert.FileExists(t, filepath.Join(out, "johan-gat-in-de-weg.svg"))
		})
	}
}
