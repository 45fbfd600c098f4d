package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/xlsx"
)

func TestMatrixWritesTheWorkbook(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pve.xlsx")
	code, stdout, stderr := execCLI(t, "matrix", "--out", out, "--tender-id", "KCC-2026-01", "--date", "2026-09-01", "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, filepath.ToSlash(out)+" geschreven: ")
	assert.Contains(t, stdout, "in 7 blokken uit 4 klantreizen")
	assert.Contains(t, stdout, "niet gevraagd door een klantreis: WhatsApp")
	f, err := excelize.OpenFile(out)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, "Toelichting", f.GetSheetList()[0])
	props, err := f.GetDocProps()
	require.NoError(t, err)
	assert.Equal(t, "2026-09-01T00:00:00Z", props.Created)
	info, err := xlsx.InspectFile(out)
	require.NoError(t, err)
	assert.Equal(t, "KCC-2026-01", info.TenderID)
	// The same command gives the same bytes.
	first, err := os.ReadFile(out)
	require.NoError(t, err)
	code, _, stderr = execCLI(t, "matrix", "--out", out, "--tender-id", "KCC-2026-01", "--date", "2026-09-01", "../../examples")
	require.Equal(t, exitOK, code, stderr)
	second, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(first, second), "a second run wrote different bytes")
	// No temporary files are left behind.
	entries, err := os.ReadDir(filepath.Dir(out))
	require.NoError(t, err)
	assert.Len(t, entries, 1)
}

// answer fills in a vendor answer, as a market party would.
func answer(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	require.NoError(t, f.SetCellValue("1 Klantgeleiding", "K4", "Voldoet standaard"))
	require.NoError(t, f.SetCellValue("1 Klantgeleiding", "M4", "Zit in versie 4"))
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
}

func TestMatrixRefusesToOverwriteAnswers(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pve.xlsx")
	code, _, stderr := execCLI(t, "matrix", "--out", out, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	// Without answers, writing again is fine.
	code, _, stderr = execCLI(t, "matrix", "--out", out, "../../examples")
	require.Equal(t, exitOK, code, stderr)

	answer(t, out)
	before, err := os.ReadFile(out)
	require.NoError(t, err)
	code, stdout, stderr := execCLI(t, "matrix", "--out", out, "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, filepath.ToSlash(out)+" is geen onbeantwoorde PvE zoals blueprint hem schreef: bevat antwoorden van een leverancier (1 regels op 1 Klantgeleiding). Het wordt niet overschreven")
	assert.Contains(t, stderr, "--force")
	after, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(before, after), "the answered workbook was changed")

	code, _, stderr = execCLI(t, "matrix", "--out", out, "--lang", "en", "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "holds vendor answers")

	code, stdout, stderr = execCLI(t, "matrix", "--out", out, "--force", "../../examples")
	require.Equal(t, exitOK, code, stderr)
	info, err := xlsx.InspectFile(out)
	require.NoError(t, err)
	assert.Zero(t, info.Answered, "--force replaced the workbook")
	// The answered workbook is kept beside it, and the command says where.
	backup := filepath.Join(filepath.Dir(out), "pve.backup.xlsx")
	assert.Contains(t, stdout, "het vorige bestand is bewaard als "+filepath.ToSlash(backup))
	kept, err := os.ReadFile(backup)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(before, kept), "the backup holds the answers")
	// A second --force never replaces the first backup.
	answer(t, out)
	code, stdout, stderr = execCLI(t, "matrix", "--out", out, "--force", "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "pve.backup-2.xlsx")
	kept, err = os.ReadFile(backup)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(before, kept))
}

// matrix --carry-answers keeps the answers of an earlier version and
// lists the changes.
func TestMatrixCarryAnswers(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "pve-1.0.xlsx")
	code, _, stderr := execCLI(t, "matrix", "--out", old, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	answer(t, old)
	out := filepath.Join(dir, "pve-1.1.xlsx")
	code, stdout, stderr := execCLI(t, "matrix", "--tender-version", "1.1", "--carry-answers", old, "--out", out, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "antwoorden overgenomen uit "+filepath.ToSlash(old)+" voor 1 eisen en wensen; 0 gewijzigd (opnieuw beantwoorden), 0 toegevoegd, 0 vervallen")
	f, err := excelize.OpenFile(out)
	require.NoError(t, err)
	defer f.Close()
	v, _ := f.GetCellValue("1 Klantgeleiding", "K4")
	assert.Equal(t, "Voldoet standaard", v)
	v, _ = f.GetCellValue("1 Klantgeleiding", "M4")
	assert.Equal(t, "Zit in versie 4", v)
	assert.Contains(t, f.GetSheetList(), "Wijzigingen")

	code, _, stderr = execCLI(t, "matrix", "--carry-answers", filepath.Join(dir, "geen.xlsx"), "--out", filepath.Join(dir, "x.xlsx"), "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "kan het bestand niet openen")
	code, _, stderr = execCLI(t, "matrix", "--carry-answers", old, "--format", "csv", "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "werkt alleen voor de werkmap")
}

// matrix --scoring publishes a tender's own method in the PvE.
func TestMatrixScoring(t *testing.T) {
	dir := t.TempDir()
	scoring := writeTestFile(t, dir, "beoordeling.toml", "kwaliteit = 70\nprijs = 30\n\n[gewicht]\nmust = 8\n")
	out := filepath.Join(dir, "pve.xlsx")
	code, _, stderr := execCLI(t, "matrix", "--scoring", scoring, "--out", out, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	f, err := excelize.OpenFile(out)
	require.NoError(t, err)
	defer f.Close()
	rows, _ := f.GetRows("Toelichting")
	var intro []string
	for _, r := range rows {
		intro = append(intro, strings.Join(r, " | "))
	}
	assert.Contains(t, strings.Join(intro, "\n"), "kwaliteit weegt 70 punten en prijs 30 punten")
	assert.Contains(t, strings.Join(intro, "\n"), "Must | Weegt het zwaarst: de klantreizen of de gemeenten vragen er het sterkst om. | 8")

	bad := writeTestFile(t, dir, "fout.toml", "kwaliteit = 70\nmethode = \"gewogn\"\n")
	code, _, stderr = execCLI(t, "matrix", "--scoring", bad, "--out", filepath.Join(dir, "y.xlsx"), "../../examples")
	assert.Equal(t, exitDiagnostics, code)
	assert.Contains(t, stderr, filepath.ToSlash(bad)+":2:11: fout: onbekende methode \"gewogn\"")
	assert.Contains(t, stderr, "bedoelde u \"gewogen\"?")
	unbalanced := writeTestFile(t, dir, "balans.toml", "kwaliteit = 70\n")
	code, _, stderr = execCLI(t, "matrix", "--scoring", unbalanced, "--out", filepath.Join(dir, "y.xlsx"), "../../examples")
	assert.Equal(t, exitDiagnostics, code)
	assert.Contains(t, stderr, filepath.ToSlash(unbalanced)+":1:13: fout: kwaliteit (70) en prijs (40) moeten samen 100 zijn, elk 0 of meer")
}

// A file at --out that must not be replaced is refused before the
// journeys are read: at once, and without the journeys' messages (the old
// workbook is not read beside the whole model either).
func TestMatrixRefusesBeforeReadingTheJourneys(t *testing.T) {
	dir := t.TempDir()
	notes := writeTestFile(t, dir, "notities.xlsx", "mijn aantekeningen")
	journeys := t.TempDir()
	writeTestFile(t, journeys, "reis.toml", "id = \"reis\"\ntitel = \"Reis\"\nfase = 3\n")
	code, _, stderr := execCLI(t, "matrix", "--out", notes, journeys)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "bestaat al en is geen werkmap")
	assert.NotContains(t, stderr, "reis.toml", "the journeys were read before the refusal")
}

func TestMatrixRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	notes := writeTestFile(t, dir, "notities.xlsx", "mijn aantekeningen")
	code, _, stderr := execCLI(t, "matrix", "--out", notes, "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "bestaat al en is geen werkmap")
	b, _ := os.ReadFile(notes)
	assert.Equal(t, "mijn aantekeningen", string(b))

	other := filepath.Join(dir, "offerte.xlsx")
	f := excelize.NewFile()
	require.NoError(t, f.SetCellValue("Sheet1", "A1", "Prijs"))
	require.NoError(t, f.SaveAs(other))
	code, _, stderr = execCLI(t, "matrix", "--out", other, "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "is geen Programma van Eisen van blueprint")

	// A text format may replace an earlier text output.
	csvOut := writeTestFile(t, dir, "pve.csv", "oud")
	code, _, stderr = execCLI(t, "matrix", "--out", csvOut, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	b, _ = os.ReadFile(csvOut)
	assert.True(t, strings.HasPrefix(string(b), "Blok,ID,Onderwerp"))
}

func TestMatrixTextFormats(t *testing.T) {
	code, stdout, stderr := execCLI(t, "matrix", "--format", "csv", "../../examples")
	require.Equal(t, exitOK, code, stderr)
	recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, "ID", recs[0][1])
	assert.Greater(t, len(recs), 40)
	assert.Contains(t, stderr, "eisen en wensen (", "the summary goes to stderr when the output is on stdout")

	code, stdout, stderr = execCLI(t, "matrix", "--format", "json", "--lang", "en", "../../examples")
	require.Equal(t, exitOK, code, stderr)
	var doc struct {
		Schema       int    `json:"schema"`
		Language     string `json:"language"`
		Requirements []struct {
			ID     string `json:"id"`
			Traces []any  `json:"traces"`
		} `json:"requirements"`
		Unneeded []struct {
			Key string `json:"key"`
		} `json:"unneeded_functions"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	assert.Equal(t, requirements.SchemaVersion, doc.Schema)
	assert.Equal(t, "en", doc.Language)
	require.NotEmpty(t, doc.Requirements)
	assert.NotEmpty(t, doc.Requirements[0].Traces)
	assert.Equal(t, "whatsapp", doc.Unneeded[0].Key)

	code, stdout, stderr = execCLI(t, "matrix", "--format", "md", "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "# Programma van Eisen — KCC-basisvoorziening"))

	code, _, stderr = execCLI(t, "matrix", "--format", "pdf", "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `unknown format "pdf"; use xlsx, csv, json or md`)
}

// A step title that a spreadsheet would take for a formula stays text in
// the CSV.
func TestMatrixCSVEscapesFormulas(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, dir, "reis.toml", `id = "reis"
titel = "=HYPERLINK(\"http://evil\",\"klik\")"
domein = "burgerzaken"
vraagsoort = "informatievraag"

[persona]
id = "p"
naam = "Pim"
rol = "inwoner"

[[fase]]
id = "f"
naam = "Fase"

[[stap]]
id = "s"
fase = "f"
titel = "@SUM(1+1)"
kanaal = "chat"
klantactie = "Chat"
`)
	code, stdout, stderr := execCLI(t, "matrix", "--format", "csv", dir)
	require.Equal(t, exitOK, code, stderr)
	recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	require.NoError(t, err)
	found := false
	for _, rec := range recs[1:] {
		for _, cell := range rec {
			require.NotContains(t, "=+-@", cell[:min(1, len(cell))], "cell %q starts like a formula", cell)
		}
		if rec[1] == "KCC-KS-001" {
			found = true
			assert.Equal(t, `'=HYPERLINK("http://evil","klik"): @SUM(1+1)`, rec[8], "the source names the journey and step, escaped")
		}
	}
	assert.True(t, found)
}

func TestMatrixReportsUnknownRequirementsWithPositions(t *testing.T) {
	dir := t.TempDir()
	p := writeTestFile(t, dir, "reis.toml", `id = "reis"
titel = "Reis"
domein = "burgerzaken"
vraagsoort = "informatievraag"

[persona]
id = "p"
naam = "Pim"
rol = "inwoner"

[[fase]]
id = "f"
naam = "Fase"

[[stap]]
id = "s"
fase = "f"
titel = "Stap"
kanaal = "chat"
klantactie = "Chat"
eisen = ["klantcontacthistori"]

[[prioriteit]]
eis = "KCC-CR-0002"
moscow = "must"
reden = "Belangrijk"
`)
	code, stdout, stderr := execCLI(t, "matrix", "--out", filepath.Join(dir, "pve.xlsx"), dir)
	assert.Equal(t, exitDiagnostics, code)
	assert.Empty(t, stdout)
	name := filepath.ToSlash(p)
	assert.Contains(t, stderr, name+`:21:10: fout: onbekende verwijzing "klantcontacthistori" in eisen`)
	assert.Contains(t, stderr, `bedoelde u "klantcontacthistorie"?`)
	// matrix lets go of the journeys' texts before deriving and reads
	// the file again for the snippet of the derivation's diagnostic.
	assert.Contains(t, stderr, `21 | eisen = ["klantcontacthistori"]`)
	assert.Contains(t, stderr, name+`:24:7: fout: [[prioriteit]] noemt "KCC-CR-0002"`)
	assert.Contains(t, stderr, `bedoelde u "KCC-CR-002"?`)
	assert.Contains(t, stderr, "2 fouten")
	_, err := os.Stat(filepath.Join(dir, "pve.xlsx"))
	assert.True(t, os.IsNotExist(err), "nothing is written when the journeys have errors")
}

func TestMatrixCatalogue(t *testing.T) {
	code, stdout, _ := execCLI(t, "matrix", "--catalogue-template")
	require.Equal(t, exitOK, code)
	assert.Equal(t, string(requirements.BuiltinTOML()), stdout)

	dir := t.TempDir()
	cat := writeTestFile(t, dir, "catalogus.toml", "uitbreiden = true\n\n[[eis]]\nid = \"KCC-XX-001\"\nfunctie = \"kennisbnk\"\n")
	code, _, stderr := execCLI(t, "matrix", "--catalogue", cat, "--out", filepath.Join(dir, "pve.xlsx"), "../../examples")
	assert.Equal(t, exitDiagnostics, code)
	name := filepath.ToSlash(cat)
	assert.Contains(t, stderr, name+`:3:1: fout: [[eis]] "KCC-XX-001" mist de verplichte sleutel "titel"`)
	assert.Contains(t, stderr, name+`:5:11: fout: eis KCC-XX-001 noemt functie "kennisbnk", die niet bestaat`+"\n"+
		"     5 | functie = \"kennisbnk\"\n"+
		"       |           ^\n"+
		"       = bedoelde u \"kennisbank\"?\n", "the snippet of the catalogue file is shown")

	code, _, stderr = execCLI(t, "matrix", "--catalogue", filepath.Join(dir, "missing.toml"), "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--catalogue")

	// A catalogue over the size limit is refused without being read: no
	// snippet of it.
	big := writeTestFile(t, dir, "groot.toml", strings.Repeat("x", requirements.MaxCatalogueSize+1))
	code, _, stderr = execCLI(t, "matrix", "--catalogue", big, "../../examples")
	assert.Equal(t, exitDiagnostics, code)
	assert.Contains(t, stderr, filepath.ToSlash(big)+":1:1: fout: catalogus is te groot (4194305 bytes; maximaal 4194304)")
	assert.Less(t, len(stderr), 10000, "the file's text is not printed")
}

func TestMatrixUsageErrors(t *testing.T) {
	code, _, stderr := execCLI(t, "matrix", "--date", "1-9-2026", "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "YYYY-MM-DD")
	code, _, stderr = execCLI(t, "matrix", "--out", t.TempDir(), "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "is een map")
	code, _, stderr = execCLI(t, "matrix")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "name one or more journey files or folders")
}

func TestMatrixEnglishWorkbook(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pvr.xlsx")
	code, stdout, stderr := execCLI(t, "matrix", "--lang", "en", "--out", out, "../../examples")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "written: ")
	f, err := excelize.OpenFile(out)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, "Introduction", f.GetSheetList()[0])
	assert.Contains(t, f.GetSheetList(), "Traceability")
}

// What matrix rejects, validate reports first: an unknown reference in
// eisen or [[prioriteit]] is an error of validate too, and a one-word
// behoefte that spells a key a warning; --catalogue makes an own
// catalogue's keys known.
func TestValidateReportsWhatMatrixRejects(t *testing.T) {
	dir := t.TempDir()
	p := writeTestFile(t, dir, "reis.toml", `id = "reis"
titel = "Reis"
domein = "burgerzaken"
vraagsoort = "informatievraag"

[persona]
id = "p"
naam = "Pim"
rol = "inwoner"

[[fase]]
id = "f"
naam = "Fase"

[[stap]]
id = "s"
fase = "f"
titel = "Stap"
kanaal = "chat"
klantactie = "Chat"
behoeften = ["klantcontacthistorie"]
eisen = ["KCC-CR-0002", "eigen-functie"]

[[prioriteit]]
eis = "KCC-CR-0002"
moscow = "must"
reden = "Belangrijk"
`)
	name := filepath.ToSlash(p)
	code, _, stderr := execCLI(t, "validate", dir)
	assert.Equal(t, exitDiagnostics, code)
	assert.Contains(t, stderr, name+`:21:14: waarschuwing: behoefte "klantcontacthistorie" is een functiesleutel van de catalogus; behoeften zijn vrije tekst`)
	assert.Contains(t, stderr, `zet hem in eisen: eisen = ["klantcontacthistorie"]`)
	assert.Contains(t, stderr, name+`:22:10: fout: onbekende verwijzing "KCC-CR-0002" in eisen`)
	assert.Contains(t, stderr, name+`:22:25: fout: onbekende verwijzing "eigen-functie" in eisen`)
	assert.Contains(t, stderr, name+`:25:7: fout: [[prioriteit]] noemt "KCC-CR-0002"`)
	assert.Contains(t, stderr, "3 fouten, 5 waarschuwingen", "and the four warnings of this sketchy journey")

	cat := writeTestFile(t, dir, "catalogus.toml.txt", `uitbreiden = true

[[functie]]
sleutel = "eigen-functie"
blok = "CR"
naam = "Eigen functie"
`)
	_, _, stderr = execCLI(t, "validate", "--catalogue", cat, dir)
	assert.NotContains(t, stderr, `onbekende verwijzing "eigen-functie"`, "the own catalogue knows the key")
	assert.Contains(t, stderr, "2 fouten, 5 waarschuwingen")
}

// TestMatrixReleasedTexts checks what matrix does with the journeys' texts
// it lets go of while loading: a loading error still shows its snippet
// (the file is read again), and the source hash is that of the files as
// read.
func TestMatrixReleasedTexts(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../examples/johan-gat-in-de-weg.toml")
	require.NoError(t, err)
	p := writeTestFile(t, dir, "johan.toml", strings.Replace(string(src), `kanaal = "telefoon"`, `kanaal = "telefax"`, 1))
	code, _, stderr := execCLI(t, "matrix", "--out", filepath.Join(dir, "pve.xlsx"), dir)
	assert.Equal(t, exitDiagnostics, code)
	assert.Contains(t, stderr, filepath.ToSlash(p)+":")
	assert.Contains(t, stderr, `fout: onbekend kanaal "telefax"`)
	assert.Contains(t, stderr, `| kanaal = "telefax"`, "the snippet of a file let go of while loading")

	files, err := blueprint.ReadPaths([]string{"../../examples"})
	require.NoError(t, err)
	code, stdout, _ := execCLI(t, "matrix", "--format", "json", "../../examples")
	require.Equal(t, exitOK, code)
	var out struct {
		Tender struct {
			SourceHash string `json:"source_hash"`
		} `json:"tender"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	assert.Equal(t, requirements.SourceHash(files), out.Tender.SourceHash)
}
