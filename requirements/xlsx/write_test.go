package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/blueprinttest"
	"github.com/dimpact/blueprint/requirements"
)

// workbook derives the example journeys and writes the workbook.
func workbook(t testing.TB, lang blueprint.Lang) (*requirements.Result, []byte) {
	t.Helper()
	files, err := blueprint.ReadPaths([]string{"../../examples"})
	require.NoError(t, err)
	m, diags := blueprint.LoadFiles(files, blueprint.Options{})
	require.False(t, diags.HasErrors(), diags.Error())
	res, _ := requirements.Derive(m, requirements.Builtin(), requirements.Options{Lang: lang})
	meta := requirements.MetaFor(m, files)
	meta.TenderID, meta.Version, meta.Tool = "KCC-2026-01", "1.0", "blueprint test"
	var b bytes.Buffer
	require.NoError(t, Write(&b, res, meta))
	return res, b.Bytes()
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

func value(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	require.NoError(t, err)
	return v
}

func TestWorkbookSheetsAndHeaders(t *testing.T) {
	res, data := workbook(t, blueprint.Dutch)
	f := open(t, data)
	assert.Equal(t, []string{"Toelichting", "1 Klantgeleiding", "2 Workloadmanagement", "3 Workflowmanagement", "4 Contactregistratie",
		"5 Kanaalsturing", "6 Kwaliteitszorg", "7 Infrastructuur", "GEMMA", "Prijsblad", "Traceerbaarheid", "Samenvatting", "_meta"}, f.GetSheetList())
	for _, name := range f.GetSheetList() {
		assert.LessOrEqual(t, len([]rune(name)), 31, name)
	}
	row, err := f.GetRows("1 Klantgeleiding")
	require.NoError(t, err)
	assert.Equal(t, []string{"ID", "Onderwerp", "Eis of wens", "Toelichting", "Soort", "Prioriteit", "Gewicht", "Bron", "GEMMA", "Verificatie",
		"Antwoord", "Roadmap-datum", "Toelichting leverancier", "Bewijs / referentie", "Controle",
		"Rij-sleutel", "Vingerafdruk", "Punten", "KO niet voldaan", "KO open", "Ongeldig", "GEMMA Object ID's"}, row[headerRow-1])
	assert.Equal(t, "Blok 1 – Klantgeleiding", row[0][0], "the full block name is in the title row")
	assert.Equal(t, "In te vullen door de inschrijver", value(t, f, "1 Klantgeleiding", "K2"))
	// Every row of the result is on its block's sheet, with its fingerprint.
	n := 0
	for _, b := range res.Catalogue.Blocks {
		sheet := b.SheetName(blueprint.Dutch)
		r := firstRow
		for _, rr := range res.Rows {
			if rr.Block != b {
				continue
			}
			assert.Equal(t, rr.Requirement.ID, value(t, f, sheet, cell(colID, r)))
			assert.Equal(t, rr.Requirement.TextNL, value(t, f, sheet, cell(colText, r)))
			assert.Equal(t, rr.Requirement.ID, value(t, f, sheet, cell(colRowKey, r)), "row key")
			assert.Equal(t, requirements.Fingerprint(rr, blueprint.Dutch), value(t, f, sheet, cell(colFingerprint, r)))
			assert.Equal(t, requirements.GemmaIDs(rr), value(t, f, sheet, cell(colGemmaIDs, r)))
			r++
			n++
		}
	}
	assert.Equal(t, len(res.Rows), n)
	// The introduction names the tender, the answers and the scoring.
	intro := strings.Join(flatten(t, f, "Toelichting"), "\n")
	for _, want := range []string{"KCC-2026-01", "Voldoet standaard", "Voldoet met configuratie", "Roadmap", "Voldoet niet", "80%",
		"knock-outcriteria", "gewicht × score van het antwoord", "Must", "Should", "Could", "Klantreizen", "Broncontrole (SHA-256)",
		"Relatiebeheercomponent (CRM)", "eb436669-87b4-4134-b59b-dbfda11de5bc", "Niet gevraagde functies", "WhatsApp"} {
		assert.Contains(t, intro, want)
	}
}

func flatten(t testing.TB, f *excelize.File, sheet string) []string {
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, " | "))
	}
	return out
}

func TestWorkbookInEnglish(t *testing.T) {
	_, data := workbook(t, blueprint.English)
	f := open(t, data)
	assert.Equal(t, []string{"Introduction", "1 Customer guidance", "2 Workload management", "3 Workflow management", "4 Contact registration",
		"5 Channel steering", "6 Quality and MI", "7 Infrastructure", "GEMMA", "Price sheet", "Traceability", "Summary", "_meta"}, f.GetSheetList())
	assert.Equal(t, "Answer", value(t, f, "1 Customer guidance", "K3"))
	assert.Equal(t, "The solution offers one central knowledge base with product information, work instructions and question-answer pairs, which the agent searches from the contact screen without opening another system.",
		value(t, f, "1 Customer guidance", "C4"))
	dvs, err := f.GetDataValidations("1 Customer guidance")
	require.NoError(t, err)
	assert.Equal(t, `"Complies as standard,Complies with configuration,Complies with custom development,Complies partly,Roadmap,Does not comply"`, dvs[0].Formula1)
}

// sheetXML returns the XML of a worksheet from the package.
func sheetXML(t testing.TB, data []byte, f *excelize.File, sheet string) string {
	t.Helper()
	idx, err := f.GetSheetIndex(sheet)
	require.NoError(t, err)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	name := fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			require.NoError(t, err)
			defer rc.Close()
			b, err := io.ReadAll(rc)
			require.NoError(t, err)
			return string(b)
		}
	}
	t.Fatalf("%s not in the package", name)
	return ""
}

func locked(t testing.TB, f *excelize.File, sheet, c string) bool {
	t.Helper()
	id, err := f.GetCellStyle(sheet, c)
	require.NoError(t, err)
	st, err := f.GetStyle(id)
	require.NoError(t, err)
	return st.Protection == nil || st.Protection.Locked
}

func TestWorkbookProtectionAndLocks(t *testing.T) {
	res, data := workbook(t, blueprint.Dutch)
	f := open(t, data)
	for _, sheet := range f.GetSheetList() {
		assert.Regexp(t, `<sheetProtection[^>]*sheet="(1|true)"`, sheetXML(t, data, f, sheet), "%s is not protected", sheet)
		assert.NotContains(t, sheetXML(t, data, f, sheet), "<sheetProtection password", "%s has a password by default", sheet)
	}
	prot, err := f.GetSheetProtection("1 Klantgeleiding")
	require.NoError(t, err)
	assert.True(t, prot.AutoFilter, "the vendor can filter")
	assert.True(t, prot.SelectUnlockedCells)
	assert.False(t, prot.InsertRows, "the vendor cannot insert rows")
	last := firstRow + countBlock(res, "KG") - 1
	for r := firstRow; r <= last; r++ {
		for c := colID; c <= colVerification; c++ {
			assert.True(t, locked(t, f, "1 Klantgeleiding", cell(c, r)), "buyer cell %s is editable", cell(c, r))
		}
		for c := colAnswer; c <= colEvidence; c++ {
			assert.False(t, locked(t, f, "1 Klantgeleiding", cell(c, r)), "vendor cell %s is locked", cell(c, r))
		}
		assert.True(t, locked(t, f, "1 Klantgeleiding", cell(colPoints, r)), "the score formula is locked")
	}
	// The workbook's structure is locked: no sheets added, removed or shown.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	wb := readZip(t, zr, "xl/workbook.xml")
	assert.Regexp(t, `<workbookProtection[^>]*lockStructure="(1|true)"`, wb)
	visible, err := f.GetSheetVisible(MetaSheet)
	require.NoError(t, err)
	assert.False(t, visible, "the metadata sheet is hidden")
	for c := colRowKey; c <= numCols; c++ {
		v, err := f.GetColVisible("1 Klantgeleiding", colName(c))
		require.NoError(t, err)
		assert.False(t, v, "technical column %s is visible", colName(c))
	}
	v, err := f.GetColVisible("1 Klantgeleiding", colName(colEvidence))
	require.NoError(t, err)
	assert.True(t, v)
}

func readZip(t testing.TB, zr *zip.Reader, name string) string {
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			require.NoError(t, err)
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return string(b)
		}
	}
	t.Fatalf("%s not in the package", name)
	return ""
}

func countBlock(res *requirements.Result, code string) int {
	n := 0
	for _, r := range res.Rows {
		if r.Block.Code == code {
			n++
		}
	}
	return n
}

func TestWorkbookListsPanesFilterAndColours(t *testing.T) {
	res, data := workbook(t, blueprint.Dutch)
	f := open(t, data)
	sheet := "3 Workflowmanagement"
	last := firstRow + countBlock(res, "WF") - 1
	dvs, err := f.GetDataValidations(sheet)
	require.NoError(t, err)
	require.Len(t, dvs, 2)
	assert.Equal(t, fmt.Sprintf("K4:K%d", last), dvs[0].Sqref)
	assert.Equal(t, "list", dvs[0].Type)
	assert.Equal(t, `"Voldoet standaard,Voldoet met configuratie,Voldoet met maatwerk,Voldoet deels,Roadmap,Voldoet niet"`, dvs[0].Formula1)
	assert.True(t, dvs[0].ShowErrorMessage, "a typed answer outside the list is refused")
	assert.Equal(t, fmt.Sprintf("L4:L%d", last), dvs[1].Sqref)
	assert.Equal(t, "date", dvs[1].Type)

	panes, err := f.GetPanes(sheet)
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 2, panes.XSplit, "ID and subject stay in view")
	assert.Equal(t, 3, panes.YSplit, "the title and header rows stay in view")

	var filter string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == sheet {
			filter = dn.RefersTo
		}
	}
	assert.Equal(t, fmt.Sprintf("'%s'!$A$3:$O$%d", sheet, last), filter)

	cfs, err := f.GetConditionalFormats(sheet)
	require.NoError(t, err)
	rules := cfs[fmt.Sprintf("K4:K%d", last)]
	require.Len(t, rules, 6, "one colour per answer")
	assert.Equal(t, `"Voldoet niet"`, rules[5].Value)
	assert.Contains(t, sheetXML(t, data, f, sheet), `<c r="C4" s=`, "requirement text is present")
	// Wrapped text in the requirement cells.
	id, _ := f.GetCellStyle(sheet, "C4")
	st, _ := f.GetStyle(id)
	assert.True(t, st.Alignment.WrapText)
}

// The score formulas, evaluated after filling in answers as a vendor would.
func TestWorkbookFormulasScoreTheAnswers(t *testing.T) {
	res, data := workbook(t, blueprint.Dutch)
	f := open(t, data)
	calc := func(sheet, c string) string {
		v, err := f.CalcCellValue(sheet, c, excelize.Options{RawCellValue: true})
		require.NoError(t, err, "%s!%s", sheet, c)
		return v
	}
	// Row 5 is block 1 (Klantgeleiding), row 12 the total.
	assert.Equal(t, "1 Klantgeleiding", value(t, f, "Samenvatting", "A5"))
	nKG := countBlock(res, "KG")
	assert.Equal(t, strconv.Itoa(nKG), calc("Samenvatting", "D5"), "total per block")
	assert.Equal(t, strconv.Itoa(nKG), calc("Samenvatting", "F5"), "all unanswered")
	assert.Equal(t, strconv.Itoa(len(res.Rows)), calc("Samenvatting", "D12"))

	// Answer every Klantgeleiding row "Voldoet standaard": full score.
	maxKG := 0
	for i, r := range rowsOf(res, "KG") {
		require.NoError(t, f.SetCellValue("1 Klantgeleiding", cell(colAnswer, firstRow+i), "Voldoet standaard"))
		maxKG += r.Weight
	}
	assert.Equal(t, strconv.Itoa(nKG), calc("Samenvatting", "E5"), "answered")
	assert.Equal(t, "0", calc("Samenvatting", "F5"), "unanswered")
	assert.Equal(t, strconv.Itoa(nKG), calc("Samenvatting", "H5"), "count of Voldoet standaard")
	assert.Equal(t, strconv.Itoa(maxKG), calc("Samenvatting", "P5"), "points")
	assert.Equal(t, strconv.Itoa(maxKG), calc("Samenvatting", "Q5"), "maximum")
	assert.Equal(t, "1", calc("Samenvatting", "R5"), "score 100%")
	assert.Equal(t, "0", calc("Samenvatting", "G5"), "no invalid answers")

	// One scored row with "Voldoet met configuratie" scores 80% of its weight.
	wishes := rowsOf(res, "KG")
	require.NotEqual(t, blueprint.KindKO, wishes[0].Kind)
	require.NoError(t, f.SetCellValue("1 Klantgeleiding", cell(colAnswer, firstRow), "Voldoet met configuratie"))
	want := float64(maxKG) - 0.2*float64(wishes[0].Weight)
	assert.Equal(t, strconv.FormatFloat(want, 'f', -1, 64), calc("Samenvatting", "P5"))

	// A knock-out answered "Voldoet niet": the tender fails.
	wf := rowsOf(res, "WF")
	koRow := -1
	for i, r := range wf {
		if r.Kind == blueprint.KindKO {
			koRow = firstRow + i
			break
		}
	}
	require.NotEqual(t, -1, koRow, "Workflowmanagement has a knock-out requirement")
	assert.Equal(t, "Nog niet alle eisen beantwoord", calc("Samenvatting", "B14"))
	require.NoError(t, f.SetCellValue("3 Workflowmanagement", cell(colAnswer, koRow), "Voldoet niet"))
	assert.Equal(t, "1", calc("Samenvatting", "N7"), "knock-outs not met in Workflowmanagement")
	assert.Equal(t, "1", calc("Samenvatting", "N12"))
	assert.Equal(t, "Niet voldaan: de inschrijving voldoet niet aan alle eisen", calc("Samenvatting", "B14"))
	// Answered "Voldoet met maatwerk", it is met.
	require.NoError(t, f.SetCellValue("3 Workflowmanagement", cell(colAnswer, koRow), "Voldoet met maatwerk"))
	assert.Equal(t, "0", calc("Samenvatting", "N12"))
	// Knock-outs count no points, however answered.
	assert.Equal(t, "0", calc("3 Workflowmanagement", cell(colPoints, koRow)))
}

func rowsOf(res *requirements.Result, code string) []*requirements.Row {
	var out []*requirements.Row
	for _, r := range res.Rows {
		if r.Block.Code == code {
			out = append(out, r)
		}
	}
	return out
}

func TestWorkbookTraceability(t *testing.T) {
	res, data := workbook(t, blueprint.Dutch)
	f := open(t, data)
	rows, err := f.GetRows("Traceerbaarheid")
	require.NoError(t, err)
	head := rows[2]
	assert.Equal(t, []string{"ID", "Onderwerp", "Blok"}, head[:3])
	for i, j := range res.Journeys {
		assert.Equal(t, j.Title, head[3+i], "one column per journey")
	}
	assert.Equal(t, "Overig", head[len(head)-1])
	assert.Len(t, rows, 3+len(res.Rows))
	// The row of KCC-KZ-004 (metrics of phases) names phases of journeys.
	for _, r := range rows[3:] {
		if r[0] == "KCC-KZ-004" {
			assert.Contains(t, strings.Join(r, " "), "fase ")
		}
	}
}

// With many journeys the traceability sheet is a list instead of a matrix:
// one line per requirement and journey.
func TestWorkbookTraceabilityListForManyJourneys(t *testing.T) {
	m := blueprinttest.Load(t, MatrixMaxJourneys+5, 8)
	res, _ := requirements.Derive(m, requirements.Builtin(), requirements.Options{})
	var b bytes.Buffer
	require.NoError(t, Write(&b, res, requirements.Meta{}))
	f := open(t, b.Bytes())
	rows, err := f.GetRows("Traceerbaarheid")
	require.NoError(t, err)
	assert.Equal(t, []string{"ID", "Onderwerp", "Klantreis", "Stappen", "Redenen", "Bestand"}, rows[2])
	want := 0
	for _, r := range res.Rows {
		journeys, other := map[*blueprint.Journey]bool{}, false
		for _, tr := range r.Traces {
			if tr.Journey != nil {
				journeys[tr.Journey] = true
			} else {
				other = true
			}
		}
		want += len(journeys)
		if other {
			want++
		}
	}
	assert.Len(t, rows, 3+want)
	assert.Regexp(t, regexp.MustCompile(`^synthetisch-8-\d+\.toml$`), rows[3][5])
	assert.Equal(t, res.Rows[0].Requirement.ID, rows[3][0])
}

func TestWorkbookIsDeterministic(t *testing.T) {
	_, a := workbook(t, blueprint.Dutch)
	_, b := workbook(t, blueprint.Dutch)
	assert.True(t, bytes.Equal(a, b), "the same input gives different bytes")
	f := open(t, a)
	props, err := f.GetDocProps()
	require.NoError(t, err)
	assert.Equal(t, NoDate, props.Created)
	assert.Equal(t, "blueprint", props.Creator)
}

func TestWorkbookDate(t *testing.T) {
	files, _ := blueprint.ReadPaths([]string{"../../examples"})
	m, _ := blueprint.LoadFiles(files, blueprint.Options{})
	res, _ := requirements.Derive(m, requirements.Builtin(), requirements.Options{})
	var b bytes.Buffer
	require.NoError(t, Write(&b, res, requirements.Meta{Date: "2026-09-01"}))
	f := open(t, b.Bytes())
	props, err := f.GetDocProps()
	require.NoError(t, err)
	assert.Equal(t, "2026-09-01T00:00:00Z", props.Created)
	assert.Contains(t, strings.Join(flatten(t, f, "Toelichting"), "\n"), "Datum | 2026-09-01")
}

func TestWorkbookPassword(t *testing.T) {
	res, _ := workbook(t, blueprint.Dutch)
	var a, b bytes.Buffer
	require.NoError(t, Write(&a, res, requirements.Meta{Password: "geheim"}))
	require.NoError(t, Write(&b, res, requirements.Meta{Password: "geheim"}))
	assert.True(t, bytes.Equal(a.Bytes(), b.Bytes()), "a password must not bring a random salt")
	f := open(t, a.Bytes())
	assert.Regexp(t, `<sheetProtection password="[0-9A-F]+"`, sheetXML(t, a.Bytes(), f, "1 Klantgeleiding"))
}
