package main

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/xlsx"
)

func write(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// noTemps fails when a temporary file is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.NotContains(t, e.Name(), ".tmp-", "a temporary file was left behind")
	}
}

func TestWriteAtomicMakesFoldersAndKeepsTheMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "nieuw", "map", "pve.csv")
	require.NoError(t, writeAtomic(p, write("een")))
	st, err := os.Stat(p)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())

	require.NoError(t, os.Chmod(p, 0o600))
	require.NoError(t, writeAtomic(p, write("twee")))
	st, err = os.Stat(p)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "the mode of the replaced file is kept")
	b, _ := os.ReadFile(p)
	assert.Equal(t, "twee", string(b))
	noTemps(t, filepath.Dir(p))
}

func TestWriteAtomicWritesThroughALink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "gedeeld", "pve.csv")
	require.NoError(t, writeAtomic(target, write("oud")))
	link := filepath.Join(dir, "pve.csv")
	require.NoError(t, os.Symlink("gedeeld/pve.csv", link))
	require.NoError(t, writeAtomic(link, write("nieuw")))
	st, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeSymlink, "the link is still a link")
	b, _ := os.ReadFile(target)
	assert.Equal(t, "nieuw", string(b), "the file it points to was replaced")
	noTemps(t, filepath.Dir(target))

	dangling := filepath.Join(dir, "weg.csv")
	require.NoError(t, os.Symlink("nergens/x.csv", dangling))
	err = writeAtomic(dangling, write("x"))
	assert.EqualError(t, err, "is a link to nergens/x.csv, which cannot be written (no such file or directory)")
}

func TestWriteAtomicCleansUpAndHidesTheTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "pve.xlsx")
	require.NoError(t, writeAtomic(p, write("oud")))

	// The writer fails: the old file stays, nothing else is left.
	err := writeAtomic(p, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("disk full")
	})
	assert.EqualError(t, err, "disk full")
	b, _ := os.ReadFile(p)
	assert.Equal(t, "oud", string(b))
	noTemps(t, dir)

	// The writer panics: the temporary file goes too.
	func() {
		defer func() { recover() }()
		writeAtomic(p, func(w io.Writer) error { panic("bug") })
	}()
	noTemps(t, dir)

	// An error of the file system names the output, not the temporary file.
	var tmpName string
	err = writeAtomic(p, func(w io.Writer) error {
		temps.mu.Lock()
		for name := range temps.files {
			tmpName = name
		}
		temps.mu.Unlock()
		return &os.PathError{Op: "write", Path: tmpName, Err: syscall.ENOSPC}
	})
	require.Error(t, err)
	assert.True(t, errors.Is(err, syscall.ENOSPC))
	assert.Equal(t, "no space left on device", err.Error())
	assert.NotContains(t, err.Error(), ".tmp-")
	noTemps(t, dir)

	// A folder where the file should go.
	require.NoError(t, os.Mkdir(filepath.Join(dir, "map.csv"), 0o755))
	assert.EqualError(t, writeAtomic(filepath.Join(dir, "map.csv"), write("x")), "is a folder")
}

func TestMatrixMakesAMissingFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "aanbesteding", "2026", "pve.xlsx")
	code, stdout, stderr := execCLI(t, "matrix", "--out", out, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, filepath.ToSlash(out)+" geschreven")
	assert.FileExists(t, out)
	assert.NotContains(t, stderr, ".tmp-")
}

// TestInterruptRemovesTemporaryFiles runs a child process that is stopped
// with SIGINT and SIGTERM in the middle of writing a file.
func TestInterruptRemovesTemporaryFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT for a child process on Windows")
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir, tmp := t.TempDir(), t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptHelper$")
			cmd.Env = append(os.Environ(), "BLUEPRINT_INTERRUPT_DIR="+dir, "TMPDIR="+tmp)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.StdoutPipe()
			require.NoError(t, err)
			require.NoError(t, cmd.Start())
			line, err := bufio.NewReader(out).ReadString('\n')
			if err != nil {
				cmd.Process.Kill()
				cmd.Wait() // stderr is complete only now
				t.Fatalf("%v: %s", err, stderr.String())
			}
			require.Equal(t, "writing\n", line)
			entries, _ := os.ReadDir(dir)
			require.Len(t, entries, 1, "the temporary file is there while writing")
			spilled, _ := filepath.Glob(filepath.Join(tmp, "blueprint-*", "excelize-*"))
			require.Len(t, spilled, 1, "the workbook library's spill file is there while writing")
			require.NoError(t, cmd.Process.Signal(sig))
			err = cmd.Wait()
			var ee *exec.ExitError
			require.ErrorAs(t, err, &ee)
			assert.Equal(t, 128+int(sig), ee.ExitCode())
			assert.Contains(t, stderr.String(), "blueprint: interrupted")
			entries, _ = os.ReadDir(dir)
			assert.Empty(t, entries, "nothing is left behind")
			entries, _ = os.ReadDir(tmp)
			assert.Empty(t, entries, "nor in the temporary folder")
		})
	}
}

// TestInterruptHelper is the child of TestInterruptRemovesTemporaryFiles:
// it writes a file that never ends, with a spill file of the workbook
// library (excelize names them excelize-*) in the folder main sets up.
func TestInterruptHelper(t *testing.T) {
	dir := os.Getenv("BLUEPRINT_INTERRUPT_DIR")
	if dir == "" {
		t.Skip("run by TestInterruptRemovesTemporaryFiles")
	}
	defer spillFolder()()
	require.NoError(t, os.WriteFile(filepath.Join(xlsx.TempDir(), "excelize-1"), []byte("spilled"), 0o600))
	stop := cleanupOnSignal(os.Stderr)
	defer stop()
	writeAtomic(filepath.Join(dir, "pve.xlsx"), func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("x", 1<<20))
		os.Stdout.WriteString("writing\n")
		time.Sleep(time.Minute)
		return nil
	})
	t.Fatal("not interrupted")
}

// TestSpillFolderIsPrivateAndRemoved: the folder main points the
// workbook library at is the user's own and is gone after the run.
func TestSpillFolderIsPrivateAndRemoved(t *testing.T) {
	tmp := t.TempDir()
	for _, name := range []string{"TMPDIR", "TMP", "TEMP"} { // os.TempDir on Unix, Windows
		t.Setenv(name, tmp)
	}
	old := xlsx.TempDir
	t.Cleanup(func() { xlsx.TempDir = old })
	done := spillFolder()
	entries, _ := os.ReadDir(tmp)
	assert.Empty(t, entries, "nothing is made before a workbook asks for it")
	spill := xlsx.TempDir()
	require.Equal(t, tmp, filepath.Dir(spill))
	assert.Equal(t, spill, xlsx.TempDir(), "one folder for the run")
	st, err := os.Stat(spill)
	require.NoError(t, err)
	if runtime.GOOS != "windows" {
		assert.Equal(t, fs.FileMode(0o700), st.Mode().Perm(), "no other user reads what is spilled")
	}
	require.NoError(t, os.WriteFile(filepath.Join(spill, "excelize-1"), []byte("x"), 0o600))
	done()
	entries, _ = os.ReadDir(tmp)
	assert.Empty(t, entries)
}

func TestInitWritesTheSchemaBesideTheJourney(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "johan.toml")
	code, out, errOut := execCLI(t, "init", "--persona", "Johan", p)
	require.Equal(t, exitOK, code, errOut)
	schema := filepath.Join(dir, "journey.schema.json")
	assert.Contains(t, out, filepath.ToSlash(schema)+" geschreven")
	b, err := os.ReadFile(schema)
	require.NoError(t, err)
	assert.Equal(t, string(blueprint.JourneySchema()), string(b))
	j, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(j), "#:schema ./journey.schema.json\n"), "the journey names the copy beside it")

	// A second journey in the folder uses the same copy.
	code, out, _ = execCLI(t, "init", filepath.Join(dir, "thijs.toml"))
	require.Equal(t, exitOK, code)
	assert.NotContains(t, out, "journey.schema.json")

	// An older copy is left alone, with advice.
	require.NoError(t, os.WriteFile(schema, []byte("{}"), 0o644))
	code, out, _ = execCLI(t, "init", filepath.Join(dir, "desiree.toml"))
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "journey.schema.json bestaat al en is niet het schema van deze versie; vernieuw het met: blueprint schema journey > ")
	b, _ = os.ReadFile(schema)
	assert.Equal(t, "{}", string(b))
}

// TestStarterJourneyPassesTaplo checks with Taplo, the engine of VS Code's
// Even Better TOML, that the editor loads the schema offline and finds
// the starter journey valid and a typo invalid. It needs taplo on the
// PATH (npm install -g @taplo/cli) and is skipped without it.
func TestStarterJourneyPassesTaplo(t *testing.T) {
	taplo, err := exec.LookPath("taplo")
	if err != nil {
		t.Skip("taplo is not installed (npm install -g @taplo/cli); the schema is checked by blueprint's own schema tests")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "johan.toml")
	code, _, errOut := execCLI(t, "init", "--persona", "Johan", p)
	require.Equal(t, exitOK, code, errOut)
	lint := exec.Command(taplo, "lint", p)
	lint.Dir = t.TempDir() // elsewhere: the path in #:schema is relative to the file
	out, err := lint.CombinedOutput()
	require.NoError(t, err, "taplo lint: %s", out)

	src, _ := os.ReadFile(p)
	require.NoError(t, os.WriteFile(p, []byte(strings.Replace(string(src), "\nkanaal = \"telefoon\"", "\nkanal = \"telefoon\"", 1)), 0o644))
	out, err = exec.Command(taplo, "lint", p).CombinedOutput()
	require.Error(t, err)
	assert.Contains(t, string(out), "'kanal' was unexpected")
}
