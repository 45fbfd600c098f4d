package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cli runs the command in-process and returns its exit code and output.
func execCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"blueprint"}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestValidateExamples(t *testing.T) {
	code, out, errOut := execCLI(t, "validate", "../../examples")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "geldig: 4 klantreizen, geen problemen")
}

func writeTestFile(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
	return p
}

func TestValidateReportsWithSnippet(t *testing.T) {
	dir := t.TempDir()
	src := strings.Replace(string(starterSource(t)), `kanaal = "telefoon"`, `kanal = "telefoon"`, 1)
	src = strings.Replace(src, "emotie = -1", "emotie = 7", 1)
	p := writeTestFile(t, dir, "reis.toml", src)
	code, out, errOut := execCLI(t, "validate", p)
	assert.Equal(t, exitDiagnostics, code)
	assert.Empty(t, out)
	name := filepath.ToSlash(p)
	line := func(s string) int {
		for i, l := range strings.Split(src, "\n") {
			if strings.HasPrefix(l, s) {
				return i + 1
			}
		}
		t.Fatalf("%q not in source", s)
		return 0
	}
	want := name + ":" + lineNo(line("kanal ")) + ":1: fout: onbekende sleutel \"kanal\" in [[stap]] \"belt-kcc\"\n" +
		"  " + padLine(line("kanal ")) + " | kanal = \"telefoon\"\n" +
		"       | ^\n" +
		"       = bedoelde u \"kanaal\"?\n" +
		name + ":" + lineNo(line("emotie = 7")) + ":10: fout: emotie 7 valt buiten de schaal -2 tot en met +2\n" +
		"  " + padLine(line("emotie = 7")) + " | emotie = 7\n" +
		"       |          ^\n" +
		"       = gebruik -2 (zeer negatief), -1, 0 (neutraal), 1 of 2 (zeer positief)\n" +
		"2 fouten, 0 waarschuwingen\n"
	assert.Equal(t, want, errOut)
}

func lineNo(n int) string { return strings.TrimSpace(padLine(n)) }
func padLine(n int) string {
	s := []byte("    ")
	for i := len(s) - 1; n > 0; i-- {
		s[i] = byte('0' + n%10)
		n /= 10
	}
	return string(s)
}

func starterSource(t *testing.T) []byte {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "reis.toml")
	code, _, errOut := execCLI(t, "init", "--persona", "Johan", p)
	require.Equal(t, exitOK, code, errOut)
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return b
}

func TestValidateJSON(t *testing.T) {
	dir := t.TempDir()
	p := writeTestFile(t, dir, "reis.toml", strings.Replace(string(starterSource(t)), "emotie = 0", "emotie = -3", 1))
	code, out, _ := execCLI(t, "validate", "--format", "json", "--lang", "en", p)
	assert.Equal(t, exitDiagnostics, code)
	var got []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	require.Len(t, got, 1)
	assert.Equal(t, "error", got[0]["severity"])
	assert.Equal(t, "emotion-range", got[0]["code"])
	assert.Equal(t, "emotie -3 is outside the scale -2 to +2", got[0]["message"])
	assert.Equal(t, filepath.ToSlash(p), got[0]["file"])

	code, out, _ = execCLI(t, "validate", "--format", "json", "../../examples")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, "[]\n", out)
}

func TestUsageAndIOErrorsExitTwo(t *testing.T) {
	for name, args := range map[string][]string{
		"missing file":   {"validate", "does-not-exist.toml"},
		"no paths":       {"validate"},
		"unknown flag":   {"validate", "--nope", "x.toml"},
		"bad format":     {"validate", "--format", "xml", "../../examples"},
		"bad lang":       {"validate", "--lang", "fr", "../../examples"},
		"init no file":   {"init"},
		"init not toml":  {"init", filepath.Join(t.TempDir(), "reis.txt")},
		"summary none":   {"summary"},
		"unknown format": {"summary", "--format", "csv", "../../examples"},
	} {
		t.Run(name, func(t *testing.T) {
			code, _, errOut := execCLI(t, args...)
			assert.Equal(t, exitUsage, code, errOut)
			assert.NotContains(t, errOut, "goroutine", "no stack trace")
			assert.NotEmpty(t, errOut, "says what is wrong")
		})
	}
}

func TestInitThenValidate(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "desiree.toml")
	code, out, errOut := execCLI(t, "init", "--persona", "Désirée", p)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "blueprint validate "+p)
	code, out, errOut = execCLI(t, "validate", p)
	assert.Equal(t, exitOK, code, errOut)
	assert.Empty(t, errOut, "no warnings either")
	assert.Contains(t, out, "geldig")

	// never overwrites
	require.NoError(t, os.WriteFile(p, []byte("mijn werk\n"), 0o644))
	code, _, errOut = execCLI(t, "init", p)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "exists already")
	b, _ := os.ReadFile(p)
	assert.Equal(t, "mijn werk\n", string(b))
}

func TestSummary(t *testing.T) {
	code, out, errOut := execCLI(t, "summary", "../../examples")
	require.Equal(t, exitOK, code, errOut)
	for _, id := range []string{"johan-gat-in-de-weg", "desiree-financiele-hulp", "thijs-verhuizing", "john-windmolenpark"} {
		assert.Contains(t, out, id)
	}
	assert.Contains(t, out, "laagste emotie:")

	code, out, _ = execCLI(t, "summary", "--format", "json", "../../examples")
	require.Equal(t, exitOK, code)
	var sums []struct {
		ID            string   `json:"id"`
		Steps         int      `json:"steps"`
		Channels      []string `json:"channels"`
		Handoffs      int      `json:"handoffs"`
		LowestEmotion *int     `json:"lowestEmotion"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &sums))
	require.Len(t, sums, 4)
	for _, s := range sums {
		assert.GreaterOrEqual(t, s.Steps, 10, s.ID)
		assert.GreaterOrEqual(t, len(s.Channels), 2, s.ID)
		assert.NotNil(t, s.LowestEmotion, s.ID)
	}
}

func TestHelpAndVersion(t *testing.T) {
	code, out, _ := execCLI(t, "--version")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "blueprint version")
	app := newApp(nil, nil)
	for _, c := range app.Commands {
		t.Run(c.Name, func(t *testing.T) {
			code, out, _ := execCLI(t, c.Name, "--help")
			assert.Equal(t, exitOK, code)
			assert.Contains(t, out, "blueprint "+c.Name)
			assert.Contains(t, out, "Example", "every command's help shows an example")
		})
	}
}

func TestCatalogue(t *testing.T) {
	code, out, _ := execCLI(t, "catalogue")
	require.Equal(t, exitOK, code)
	for _, id := range []string{"telefoon", "kcc-medewerker", "zaaksysteem", "openbare-ruimte", "latente-behoefte"} {
		assert.Contains(t, out, id)
	}
	code, out, _ = execCLI(t, "catalogue", "--lang", "en")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "Contact centre agent")
}

func TestSchemaCommand(t *testing.T) {
	code, out, _ := execCLI(t, "schema")
	require.Equal(t, exitOK, code)
	want, err := os.ReadFile("../../docs/journey.schema.json")
	require.NoError(t, err)
	assert.Equal(t, string(want), out, "the command prints the published schema")
	code, out, _ = execCLI(t, "schema", "project")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, `"organisatie"`)
	code, _, _ = execCLI(t, "schema", "stap")
	assert.Equal(t, exitUsage, code)
}
