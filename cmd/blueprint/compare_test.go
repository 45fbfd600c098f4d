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

// tender writes a PvE and the example responses into a folder, as a
// procurement team would have them after the deadline.
func tender(t *testing.T, n int) (dir, pve string, responses []string) {
	t.Helper()
	dir = t.TempDir()
	pve = filepath.Join(dir, "pve.xlsx")
	code, _, stderr := execCLI(t, "matrix", "--tender-id", "KCC-2026-01", "--date", "2026-09-01", "--out", pve, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	data, err := os.ReadFile(pve)
	require.NoError(t, err)
	for i, e := range xlsx.Examples[:n] {
		filled, err := xlsx.FillResponse(data, e.Response())
		require.NoError(t, err)
		p := filepath.Join(dir, string(rune('a'+i))+".xlsx")
		require.NoError(t, os.WriteFile(p, filled, 0o644))
		responses = append(responses, p)
	}
	return dir, pve, responses
}

func TestCompareRanksTheParties(t *testing.T) {
	dir, pve, responses := tender(t, 3)
	out := filepath.Join(dir, "vergelijking.xlsx")
	args := append([]string{"compare", "--pve", pve, "--out", out}, responses...)
	code, stdout, stderr := execCLI(t, args...)
	assert.Equal(t, exitDiagnostics, code, "a party is excluded: exit 1")
	assert.Empty(t, stderr, "the example responses have no findings")
	lines := strings.Split(stdout, "\n")
	assert.Regexp(t, `^Rang\s+Inschrijver\s+Status\s+KG\s+WL\s+WF\s+CR\s+KS\s+KZ\s+IN\s+Kwaliteit\s+Prijs\s+Prijsscore\s+Totaal$`, lines[0])
	assert.Regexp(t, `^1\s+Voorbeeld A \(gegenereerd\)\s+toegelaten\s`, lines[1])
	assert.Regexp(t, `^2\s+Voorbeeld B \(gegenereerd\)\s+toegelaten\s`, lines[2])
	assert.Regexp(t, `^3\s+Voorbeeld C \(gegenereerd\)\s+uitgesloten\s`, lines[3])
	assert.Contains(t, stdout, "Voorbeeld C (gegenereerd): eis KCC-WF-001 niet voldaan (Voldoet niet): Contactmoment koppelen aan zaak of melding")
	verslag := filepath.Join(dir, "beoordelingsverslag.md")
	assert.Contains(t, stdout, "3 inschrijvingen vergeleken: 2 toegelaten, 1 uitgesloten, 0 niet gelezen; geschreven: "+filepath.ToSlash(out)+", "+filepath.ToSlash(verslag))

	f, err := excelize.OpenFile(out)
	require.NoError(t, err)
	sheets := f.GetSheetList()
	f.Close()
	assert.Equal(t, []string{"Vergelijking", "Detail", "Gevoeligheid", "Importverslag",
		"Antwoorden Voorbeeld A (gegener", "Antwoorden Voorbeeld B (gegener", "Antwoorden Voorbeeld C (gegener", "_meta"}, sheets)
	md, err := os.ReadFile(verslag)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(md, []byte("# Beoordelingsverslag — KCC-2026-01\n")))
	assert.Contains(t, string(md), "Volgens de gepubliceerde methode staat **Voorbeeld A (gegenereerd)** op de eerste plaats")
	assert.Contains(t, string(md), "Uit de klantreizen: ")

	// The same files give the same bytes; compare's own outputs may be
	// replaced.
	first, _ := os.ReadFile(out)
	code, _, _ = execCLI(t, args...)
	assert.Equal(t, exitDiagnostics, code)
	second, _ := os.ReadFile(out)
	assert.True(t, bytes.Equal(first, second), "a second run wrote different bytes")
	md2, _ := os.ReadFile(verslag)
	assert.Equal(t, string(md), string(md2))

	// Two admitted parties: exit 0.
	code, _, stderr = execCLI(t, append([]string{"compare", "--pve", pve, "--out", out}, responses[:2]...)...)
	assert.Equal(t, exitOK, code, stderr)
}

func TestCompareAnonymiseAndFormats(t *testing.T) {
	dir, pve, responses := tender(t, 2)
	out := filepath.Join(dir, "v.xlsx")
	code, stdout, stderr := execCLI(t, append([]string{"compare", "--pve", pve, "--out", out, "--anonymise", "--format", "json"}, responses...)...)
	require.Equal(t, exitOK, code, stderr)
	var doc struct {
		Parties []struct {
			Label string `json:"label"`
			Rank  int    `json:"rank"`
		} `json:"parties"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	require.Len(t, doc.Parties, 2)
	var labels []string
	for _, p := range doc.Parties {
		labels = append(labels, p.Label)
	}
	assert.ElementsMatch(t, []string{"Inschrijver A", "Inschrijver B"}, labels)
	md, _ := os.ReadFile(filepath.Join(dir, "beoordelingsverslag.md"))
	assert.NotContains(t, string(md), "Voorbeeld A (gegenereerd) —", "no names in an anonymous report")
	// The anonymous order does not depend on the order of the files.
	code, stdout2, _ := execCLI(t, append([]string{"compare", "--pve", pve, "--out", out, "--anonymise", "--format", "json"}, responses[1], responses[0])...)
	require.Equal(t, exitOK, code)
	assert.Equal(t, stdout, stdout2)

	code, stdout, _ = execCLI(t, append([]string{"compare", "--pve", pve, "--out", out, "--format", "csv"}, responses...)...)
	require.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(stdout, "ID,Blok,Onderwerp,Soort,Gewicht,Voorbeeld A (gegenereerd) – antwoord,"))

	code, stdout, _ = execCLI(t, "compare", "--pve", pve, "--scoring-template")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "methode = \"gewogen\"\nkwaliteit = 60\nprijs = 40\n")
}

func TestCompareFindingsAndUsage(t *testing.T) {
	dir, pve, responses := tender(t, 1)
	out := filepath.Join(dir, "v.xlsx")
	notes := writeTestFile(t, dir, "notities.xlsx", "mijn aantekeningen")
	code, stdout, stderr := execCLI(t, "compare", "--pve", pve, "--out", out, responses[0], notes)
	assert.Equal(t, exitDiagnostics, code)
	assert.Contains(t, stderr, filepath.ToSlash(notes)+": fout: is geen Excel-werkmap (.xlsx)")
	assert.Contains(t, stdout, "2 inschrijvingen vergeleken: 1 toegelaten, 0 uitgesloten, 1 niet gelezen")

	// A scoring file that differs from the published method is applied
	// and reported.
	scoring := writeTestFile(t, dir, "anders.toml", "kwaliteit = 80\nprijs = 20\n")
	code, stdout, stderr = execCLI(t, "compare", "--pve", pve, "--out", out, "--scoring", scoring, responses[0])
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "afwijking van de gepubliceerde methode: kwaliteit: gepubliceerd 60, toegepast 80")

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"compare", responses[0]}, "name your own PvE with --pve"},
		{[]string{"compare", "--pve", pve}, "name one or more filled-in PvE workbooks"},
		{[]string{"compare", "--pve", pve, "--format", "pdf", responses[0]}, `unknown format "pdf"; use text, md, json or csv`},
		{[]string{"compare", "--pve", pve, "--out", pve, responses[0]}, "is ook een invoerbestand"},
		{[]string{"compare", "--pve", pve, "--out", responses[0], responses[0]}, "is ook een invoerbestand"},
		{[]string{"compare", "--pve", responses[0], responses[0]}, "is de PvE zelf"},
		{[]string{"compare", "--pve", notes, responses[0]}, "kan deze PvE niet als maatstaf gebruiken"},
		{[]string{"compare", "--pve", pve, "--out", notes, responses[0]}, "bestaat al en is geen eerdere uitvoer van blueprint compare"},
	} {
		code, _, stderr := execCLI(t, tc.args...)
		assert.Equal(t, exitUsage, code, tc.args)
		assert.Contains(t, stderr, tc.want, tc.args)
	}
	b, _ := os.ReadFile(notes)
	assert.Equal(t, "mijn aantekeningen", string(b), "a file that is not compare's output is not replaced")
}
