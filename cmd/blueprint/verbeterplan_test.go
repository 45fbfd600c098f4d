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
	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/requirements/xlsx"
)

func TestVerbeterplanMarkdown(t *testing.T) {
	code, stdout, stderr := execCLI(t, "verbeterplan", "../../examples")
	require.Equal(t, exitOK, code, stderr)
	for _, want := range []string{"# Verbeterplan", "## Nog niet beantwoord", "## Per eigenaar", "## Afgewezen", "extra-inspectieronde", "## Meetpunten",
		"norm niet gehaald", "## Medewerkers", "### Sanne (KCC-medewerker)"} {
		assert.Contains(t, stdout, want)
	}
	assert.Less(t, strings.Index(stdout, "## Nog niet beantwoord"), strings.Index(stdout, "## Per eigenaar"), "the unanswered knelpunten come first")
	assert.Contains(t, stderr, "knelpunten, waarvan")
	code, stdout, _ = execCLI(t, "verbeterplan", "--lang", "en", "../../examples")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "# Improvement plan")
	assert.Contains(t, stdout, "## Not answered yet")
}

func TestVerbeterplanJSON(t *testing.T) {
	code, stdout, stderr := execCLI(t, "verbeterplan", "--format", "json", "../../examples")
	require.Equal(t, exitOK, code, stderr)
	var doc struct {
		Kind     string `json:"kind"`
		Journeys []struct {
			ID string `json:"id"`
		} `json:"journeys"`
		Rejected []struct {
			ID     string `json:"id"`
			Reason string `json:"reason"`
		} `json:"rejected"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	assert.Equal(t, "verbeterplan", doc.Kind)
	assert.Len(t, doc.Journeys, 4)
	require.NotEmpty(t, doc.Rejected)
	assert.NotEmpty(t, doc.Rejected[0].Reason)
}

// The workbook is written, can be written again while the team has not
// touched it, and is refused once the team has worked in it.
func TestVerbeterplanWorkbookGuard(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "verbeterplan.xlsx")
	code, stdout, stderr := execCLI(t, "verbeterplan", "--out", out, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, filepath.ToSlash(out)+" geschreven")
	code, _, stderr = execCLI(t, "verbeterplan", "--out", out, "../../examples")
	require.Equal(t, exitOK, code, "an untouched workbook may be replaced: %s", stderr)

	f, err := excelize.OpenFile(out)
	require.NoError(t, err)
	require.NoError(t, f.SetCellValue("Verbeteracties", "G4", "afgewezen"))
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
	before, err := os.ReadFile(out)
	require.NoError(t, err)
	code, stdout, stderr = execCLI(t, "verbeterplan", "--out", out, "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, filepath.ToSlash(out)+" is bijgewerkt door het verbeterteam (1 regels op Verbeteracties)")
	assert.Contains(t, stderr, "--force")
	after, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(before, after), "the team's workbook was changed")

	code, stdout, stderr = execCLI(t, "verbeterplan", "--out", out, "--force", "../../examples")
	require.Equal(t, exitOK, code, stderr)
	info, err := xlsx.InspectPlanFile(out)
	require.NoError(t, err)
	assert.Zero(t, info.Edited, "--force replaced the workbook")
	backup := filepath.Join(dir, "verbeterplan.backup.xlsx")
	assert.Contains(t, stdout, "het vorige bestand is bewaard als "+filepath.ToSlash(backup))
	kept, err := os.ReadFile(backup)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(before, kept), "the team's workbook is kept as the backup")

	// Neither a file that is not a workbook nor a PvE is replaced.
	notes := writeTestFile(t, dir, "notities.xlsx", "mijn aantekeningen")
	code, _, stderr = execCLI(t, "verbeterplan", "--out", notes, "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "bestaat al en is geen werkmap")
	pve := filepath.Join(dir, "pve.xlsx")
	code, _, stderr = execCLI(t, "matrix", "--out", pve, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	code, _, stderr = execCLI(t, "verbeterplan", "--out", pve, "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "is geen verbeterplan van blueprint")
	// Nor does matrix take the verbeterplan for a PvE.
	code, _, stderr = execCLI(t, "matrix", "--out", out, "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "is geen Programma van Eisen van blueprint")
}

func TestVerbeterplanUsageErrors(t *testing.T) {
	code, _, stderr := execCLI(t, "verbeterplan", "--format", "pdf", "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `unknown format "pdf"; use md, xlsx or json`)
	code, _, _ = execCLI(t, "verbeterplan")
	assert.Equal(t, exitUsage, code)
	code, _, _ = execCLI(t, "verbeterplan", "--date", "1-9-2026", "../../examples")
	assert.Equal(t, exitUsage, code)
	dir := t.TempDir()
	p := writeTestFile(t, dir, "reis.toml", strings.Replace(string(starterSource(t)), `status = "idee"`, `status = "afgewezen"`, 1))
	code, _, stderr = execCLI(t, "verbeterplan", p)
	assert.Equal(t, exitDiagnostics, code)
	assert.Contains(t, stderr, "is afgewezen maar zegt niet waarom")
}

func TestVisie(t *testing.T) {
	code, stdout, stderr := execCLI(t, "visie", "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "## Nog niet getoetst")
	assert.Less(t, strings.Index(stdout, "Eén keer vertellen is genoeg"), strings.Index(stdout, "## Getoetst"), "untested statements first")
	out := filepath.Join(t.TempDir(), "visie.md")
	code, stdout, stderr = execCLI(t, "visie", "--out", out, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "2 door geen klantreis getoetst")
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "# Dienstverleningsvisie"))
	code, stdout, _ = execCLI(t, "visie", "--format", "json", "--lang", "en", "../../examples")
	require.Equal(t, exitOK, code)
	var doc struct {
		Kind       string `json:"kind"`
		Untested   int    `json:"untested"`
		Statements []struct {
			ID string `json:"id"`
		} `json:"statements"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	assert.Equal(t, "visie", doc.Kind)
	assert.Equal(t, 2, doc.Untested)
	assert.Len(t, doc.Statements, 6)
	code, _, stderr = execCLI(t, "visie", "--format", "xlsx", "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "use md or json")
}

func TestCatalogueListsMetrics(t *testing.T) {
	code, out, _ := execCLI(t, "catalogue")
	require.Equal(t, exitOK, code)
	for _, want := range []string{"Meetpunten (catalogus", "eerste-contact-oplossing", "herhaalcontact", "wachttijd-telefonie",
		"doorlooptijd-melding", "kto-score", "digitaal-aandeel", "Bron: Telefonieplatform"} {
		assert.Contains(t, out, want)
	}
	code, out, _ = execCLI(t, "catalogue", "--lang", "en")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "First-contact resolution (FCR)")
}
