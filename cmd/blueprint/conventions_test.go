package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
)

// execCLIIn runs the command in-process with text on standard input.
func execCLIIn(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = runWith(append([]string{"blueprint"}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestHelpTopicsAndUnknownCommands(t *testing.T) {
	code, out, _ := execCLI(t, "help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "COMMANDS:")
	assert.Contains(t, out, "render")

	code, out, _ = execCLI(t, "help", "render")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "blueprint render - draw each journey")

	code, out, errOut := execCLI(t, "help", "rendr")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, `blueprint: unknown command "rendr"; did you mean "render"?`)

	code, _, errOut = execCLI(t, "valideer", "../../examples")
	assert.Equal(t, exitUsage, code, "never exit 3")
	assert.Contains(t, errOut, `unknown command "valideer"`)
	assert.Contains(t, errOut, "the commands: validate, init")

	code, out, _ = execCLI(t)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "USAGE:")
}

func TestFlagsAfterPaths(t *testing.T) {
	code, out, errOut := execCLI(t, "validate", "../../examples", "--format", "json", "--lang=en")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, "[]\n", out)

	code, out, errOut = execCLI(t, "summary", "../../examples", "--format", "json")
	require.Equal(t, exitOK, code, errOut)
	assert.True(t, strings.HasPrefix(out, "["), out)

	// After -- everything is a path, even what looks like a flag.
	code, _, errOut = execCLI(t, "validate", "--", "--format")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "--format: no such file or directory")

	// An unknown flag after the paths is still a usage error.
	code, _, errOut = execCLI(t, "validate", "../../examples", "--nope")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "flag provided but not defined: -nope")

	assert.Equal(t,
		[]string{"blueprint", "matrix", "--out", "x.xlsx", "-o", "y.csv", "--force", "--", "a", "-b.toml"},
		reorderArgs(newApp(nil, nil), []string{"blueprint", "matrix", "--out", "x.xlsx", "a", "-o", "y.csv", "--force", "--", "-b.toml"}))
	assert.Equal(t,
		[]string{"blueprint", "render", "--format", "svg", "-"},
		reorderArgs(newApp(nil, nil), []string{"blueprint", "render", "-", "--format", "svg"}))
}

func TestReadsStandardInput(t *testing.T) {
	starter := string(blueprint.StarterJourney("Johan", "johan.toml"))
	code, out, errOut := execCLIIn(t, starter, "validate", "-")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, "geldig: 1 klantreis, geen problemen\n", out)

	code, _, errOut = execCLIIn(t, strings.Replace(starter, "\nemotie = 1\n", "\nemotie = 9\n", 1), "validate", "-")
	assert.Equal(t, exitDiagnostics, code)
	assert.Regexp(t, `^<stdin>:\d+:10: fout: emotie 9 valt buiten de schaal`, errOut)

	code, out, errOut = execCLIIn(t, starter, "render", "--format", "dot", "--out", t.TempDir(), "-")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "johan.dot")

	code, _, errOut = execCLIIn(t, starter, "validate", "-", "-")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "can be read once")

	code, _, errOut = execCLIIn(t, strings.Repeat("#", blueprint.MaxFileSize+10), "validate", "-")
	assert.Equal(t, exitDiagnostics, code)
	assert.Contains(t, errOut, "<stdin>:1:1: fout: bestand is te groot")
}

func TestShellCompletion(t *testing.T) {
	for shell, want := range map[string]string{
		"bash": "complete -o bashdefault -o default -F _blueprint_complete blueprint",
		"zsh":  "#compdef blueprint",
		"fish": "complete -r -c blueprint -n '__fish_blueprint_no_subcommand' -a 'validate'",
	} {
		code, out, errOut := execCLI(t, "completion", shell)
		require.Equal(t, exitOK, code, errOut)
		assert.Contains(t, out, want, shell)
	}
	code, _, _ := execCLI(t, "completion", "powershell")
	assert.Equal(t, exitUsage, code)

	// What the scripts ask the program.
	words := func(args ...string) []string {
		code, out, errOut := execCLI(t, append(args, "--generate-bash-completion")...)
		require.Equal(t, exitOK, code, errOut)
		return strings.Fields(out)
	}
	assert.Contains(t, words(), "validate")
	assert.Contains(t, words(), "completion")
	assert.Equal(t, []string{"--format", "--force"}, words("matrix", "--fo"))
	assert.Equal(t, []string{"svg", "png", "dot"}, words("render", "--format"))
	assert.Equal(t, []string{"nl", "en"}, words("validate", "examples/", "--lang"))
	assert.Equal(t, []string{"screen", "a3", "a2", "a1", "a0"}, words("render", "--size"))
	assert.Empty(t, words("validate", "examples/"), "a path: the shell completes it")
	assert.Equal(t, []string{"bash", "zsh", "fish"}, words("completion"))
}

func TestManPage(t *testing.T) {
	code, out, errOut := execCLI(t, "man")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, ".TH blueprint 1")
	for _, cmd := range []string{"validate", "render", "matrix", "completion"} {
		assert.Contains(t, out, cmd)
	}
	code, out, errOut = execCLI(t, "man", "--markdown")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "# NAME")
}

func TestDiagnosticsAreCappedPerFile(t *testing.T) {
	var extra strings.Builder
	for i := range 300 {
		fmt.Fprintf(&extra, "onbekend%d = 1\n", i)
	}
	src := strings.Replace(string(blueprint.StarterJourney("Johan", "johan.toml")), "\nid = \"johan\"", "\n"+extra.String()+"id = \"johan\"", 1)
	p := writeTestFile(t, t.TempDir(), "reis.toml", src)
	code, out, errOut := execCLI(t, "validate", p)
	assert.Equal(t, exitDiagnostics, code)
	assert.Empty(t, out)
	name := filepath.ToSlash(p)
	assert.Equal(t, blueprint.DefaultMaxDiagnostics, strings.Count(errOut, ": fout: "))
	assert.Contains(t, errOut, name+": … en nog 250 meer in dit bestand (250 fouten, 0 waarschuwingen); --max-diagnostics 0 toont alles\n")
	assert.True(t, strings.HasSuffix(errOut, "\n300 fouten, 0 waarschuwingen (250 niet getoond; --max-diagnostics 0 toont alles)\n"), errOut)

	code, _, errOut = execCLI(t, "validate", p, "--max-diagnostics", "0")
	assert.Equal(t, exitDiagnostics, code)
	assert.Equal(t, 300, strings.Count(errOut, ": fout: "))

	code, _, errOut = execCLI(t, "validate", "--max-diagnostics", "5", p)
	assert.Equal(t, exitDiagnostics, code)
	assert.Equal(t, 5, strings.Count(errOut, ": fout: "))

	// JSON holds them all.
	code, out, _ = execCLI(t, "validate", "--format", "json", p)
	assert.Equal(t, exitDiagnostics, code)
	var all []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &all))
	assert.Len(t, all, 300)
}

// TestRepeatedWarningsAreSummedUp: 60 journeys with the same warning print
// it for three files and then one line, not 60 times four lines.
func TestRepeatedWarningsAreSummedUp(t *testing.T) {
	dir := t.TempDir()
	metric := "  [[fase.meetpunt]]\n  naam = \"Vindbaarheid\"\n  definitie = \"Aandeel bezoekers dat het antwoord op de website vindt\"\n  eenheid = \"%\"\n  bron = \"Websitestatistieken\"\n"
	for i := range 60 {
		src := string(blueprint.StarterJourney("Johan", "johan.toml"))
		src = strings.Replace(src, "\nid = \"johan\"", fmt.Sprintf("\nid = \"reis-%d\"", i), 1)
		src = strings.Replace(src, "[persona]\nid = \"johan\"", fmt.Sprintf("[persona]\nid = \"persona-%d\"", i), 1)
		require.Contains(t, src, metric)
		src = strings.Replace(src, metric, "", 1)
		writeTestFile(t, dir, fmt.Sprintf("reis-%02d.toml", i), src)
	}
	code, out, errOut := execCLI(t, "validate", dir)
	require.Equal(t, exitOK, code, errOut)
	assert.Empty(t, out)
	assert.Equal(t, 3, strings.Count(errOut, ": waarschuwing: fase \"orienteren\" heeft geen meetpunten"), errOut)
	assert.Contains(t, errOut, "waarschuwing: nog 57 keer \"no-metrics\" in 57 andere bestanden, zoals: fase \"orienteren\" heeft geen meetpunten\n")
	assert.Contains(t, errOut, "0 fouten, 60 waarschuwingen (57 niet getoond; --max-diagnostics 0 toont alles)\n")
	assert.Less(t, strings.Count(errOut, "\n"), 20)

	code, _, errOut = execCLI(t, "validate", "--max-diagnostics", "0", dir)
	require.Equal(t, exitOK, code)
	assert.Equal(t, 60, strings.Count(errOut, ": waarschuwing: fase \"orienteren\" heeft geen meetpunten"))
}

// TestNothingActsOnTheTerminal: control characters and bidi overrides in a
// file, in its name or in a message reach the terminal as visible escapes.
func TestNothingActsOnTheTerminal(t *testing.T) {
	dir := t.TempDir()
	src := "id = \"x\"\n# \u202e evil comment \u202c\nbogus\x1b[2J = 1\n"
	p := writeTestFile(t, dir, "re\x07is.toml", src)
	code, _, errOut := execCLI(t, "validate", p)
	assert.Equal(t, exitDiagnostics, code)
	for _, r := range errOut {
		if r < 0x20 && r != '\n' || r == 0x202e || r == 0x202c {
			t.Fatalf("%U reached the terminal:\n%s", r, errOut)
		}
	}
	assert.Contains(t, errOut, "re␇is.toml:3:6: fout: hier staat een onzichtbaar stuurteken")
	assert.Contains(t, errOut, "bogus␛[2J = 1")

	// JSON keeps the text, written as escapes.
	code, out, _ := execCLI(t, "validate", "--format", "json", p)
	assert.Equal(t, exitDiagnostics, code)
	assert.NotContains(t, out, "\x07")
	var got []struct{ File string }
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, filepath.ToSlash(p), got[0].File)
}

// TestOutputsDoNotDependOnThePathSpelling: the matrix in every text
// format, and the workbook, are the same bytes for examples spelt three
// ways and for a copy elsewhere.
func TestOutputsDoNotDependOnThePathSpelling(t *testing.T) {
	abs, err := filepath.Abs("../../examples")
	require.NoError(t, err)
	elsewhere := filepath.Join(t.TempDir(), "kopie")
	require.NoError(t, os.CopyFS(elsewhere, os.DirFS("../../examples")))
	spellings := []string{"../../examples", "../../examples/", abs, elsewhere}
	for _, format := range []string{"json", "md", "csv", "xlsx"} {
		var first []byte
		for i, sp := range spellings {
			out := filepath.Join(t.TempDir(), "pve."+format)
			code, _, errOut := execCLI(t, "matrix", "--out", out, sp)
			require.Equal(t, exitOK, code, errOut)
			b, err := os.ReadFile(out)
			require.NoError(t, err)
			if i == 0 {
				first = b
				assert.NotContains(t, string(b), "examples/", "%s names no folder", format)
				continue
			}
			assert.True(t, bytes.Equal(first, b), "%s differs for %q", format, sp)
		}
	}
	// Diagnostics keep the path as typed, so that it can be clicked.
	_, _, errOut := execCLI(t, "matrix", "--format", "csv", "../../examples/")
	assert.Regexp(t, `(?m)^\.\./\.\./examples/[a-z-]+\.toml:\d+:\d+: waarschuwing`, errOut)
}
