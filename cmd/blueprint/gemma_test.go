package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGemmaReportsCoverage(t *testing.T) {
	code, stdout, stderr := execCLI(t, "gemma", "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "GEMMA-dekking van 4 klantreizen en 66 eisen\nModel: GEMMA, release 2026-06-30 (het ingebouwde KCC-uittreksel; --gemma voor een eigen export)\n"), stdout)
	assert.Contains(t, stdout, "\nNiet gedekt: de gaten (19)\n")
	assert.Contains(t, stdout, "  Zoekmachinecomponent ")
	assert.Contains(t, stdout, "Notificatierouteringcomponent: In ontwikkeling")
	// The derivation's warnings about the journeys are shown, as by matrix.
	assert.Contains(t, stderr, "0 fouten, 3 waarschuwingen")

	code, stdout, _ = execCLI(t, "gemma", "--lang", "en", "--format", "json", "../../examples")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, `"schema": "blueprint-gemma-coverage/1"`)
	assert.Contains(t, stdout, `"language": "en"`)
}

func TestGemmaWritesFiles(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "dekking.md")
	code, stdout, stderr := execCLI(t, "gemma", "--out", md, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, filepath.ToSlash(md)+" geschreven: 34 van 55 KCC-componenten gedekt door eisen, 2 alleen via een systeem, 19 niet gedekt (GEMMA-release 2026-06-30)\n", stdout)
	src, err := os.ReadFile(md)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(src), "# GEMMA-dekking van de klantreizen\n"))

	// The workbook: written, and written again over itself.
	wb := filepath.Join(dir, "dekking.xlsx")
	for range 2 {
		code, _, stderr = execCLI(t, "gemma", "--out", wb, "../../examples")
		require.Equal(t, exitOK, code, stderr)
	}
	// A PvE (or any other workbook) is not replaced without --force.
	pve := filepath.Join(dir, "pve.xlsx")
	code, _, stderr = execCLI(t, "matrix", "--out", pve, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	before, err := os.ReadFile(pve)
	require.NoError(t, err)
	code, _, stderr = execCLI(t, "gemma", "--format", "xlsx", "--out", pve, "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, filepath.ToSlash(pve)+" bestaat al en is geen GEMMA-dekking van blueprint; kies een andere naam met --out of gebruik --force om het te vervangen")
	after, err := os.ReadFile(pve)
	require.NoError(t, err)
	assert.Equal(t, before, after)
	code, _, _ = execCLI(t, "gemma", "--format", "xlsx", "--out", pve, "--force", "../../examples")
	assert.Equal(t, exitOK, code)
}

func TestGemmaBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := writeTestFile(t, dir, "gemma.xml", "<?xml version=\"1.0\"?>\n<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\"><elements><element")
	code, stdout, stderr := execCLI(t, "gemma", "--lang", "en", "--gemma", bad, "../../examples")
	assert.Equal(t, exitDiagnostics, code)
	assert.Empty(t, stdout)
	assert.Equal(t, filepath.ToSlash(bad)+":2:78: error: the file ends in the middle of the model: it is truncated\n       = export or copy the file again\n1 error, 0 warnings\n", stderr)

	code, _, stderr = execCLI(t, "gemma", "--gemma", filepath.Join(dir, "nergens"), "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "blueprint: gemma: --gemma: ")

	code, _, stderr = execCLI(t, "gemma", "--gemma", dir, "../../examples")
	assert.Equal(t, exitDiagnostics, code, "the folder holds one XML file, which is read")
	_ = stderr

	code, _, stderr = execCLI(t, "gemma", "--format", "pdf", "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `gemma: --format: unknown format "pdf"; use text, md, json or xlsx`)
}

// With the real model of ../shared the report names the files it read.
func TestGemmaWithTheRealModel(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared", "gemma")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("the GEMMA model is not at %s; skipping", shared)
	}
	code, stdout, stderr := execCLI(t, "gemma", "--gemma", shared, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "Model: GEMMA, release 2026-06-30 ("+filepath.ToSlash(filepath.Join(shared, "gemma-exchange.xml"))+")\n")
	assert.Contains(t, stdout, "\nNiet gedekt: de gaten (19)\n")
}

func TestArchimateExport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "klantreizen.xml")
	code, stdout, stderr := execCLI(t, "archimate", "--out", out, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, filepath.ToSlash(out)+" geschreven: ")
	assert.Contains(t, stdout, "13 views (4 klantreizen, 66 eisen, GEMMA-release 2026-06-30); open het in Archi met Bestand › Importeren › Open Exchange XML Model")
	first, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(first), `<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"`)
	// Again over its own export: same bytes.
	code, _, _ = execCLI(t, "archimate", "--out", out, "../../examples")
	require.Equal(t, exitOK, code)
	second, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, first, second)

	// Not over another file.
	other := writeTestFile(t, dir, "gemma-exchange.xml", "<model/>\n")
	code, _, stderr = execCLI(t, "archimate", "--out", other, "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, filepath.ToSlash(other)+" bestaat al en is geen ArchiMate-export van blueprint")

	// To standard output.
	code, stdout, _ = execCLI(t, "archimate", "--lang", "en", "../../examples")
	require.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(stdout, `<?xml version="1.0" encoding="UTF-8"?>`))
	assert.Contains(t, stdout, `<name xml:lang="en">Customer journey: `)
}
