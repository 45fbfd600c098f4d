package xlsx

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// derived derives the examples.
func derived(t testing.TB) (*requirements.Result, requirements.Meta) {
	t.Helper()
	files, err := blueprint.ReadPaths([]string{"../../examples"})
	require.NoError(t, err)
	m, diags := blueprint.LoadFiles(files, blueprint.Options{})
	require.False(t, diags.HasErrors(), diags.Error())
	res, _ := requirements.Derive(m, requirements.Builtin(), requirements.Options{Lang: blueprint.Dutch})
	meta := requirements.MetaFor(m, files)
	meta.TenderID, meta.Version, meta.Date, meta.Tool = "KCC-2026-01", "1.0", "2026-09-01", "blueprint test"
	return res, meta
}

func write(t testing.TB, res *requirements.Result, meta requirements.Meta) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Write(&b, res, meta))
	return b.Bytes()
}

// The Toelichting states exactly the numbers of the method, and compare
// reads back exactly that method from the workbook: the published method
// and the applied one are one value.
func TestToelichtingPublishesTheMethod(t *testing.T) {
	res, meta := derived(t)
	m := requirements.DefaultMethod(res.Catalogue, res.Rows)
	m.Quality, m.Price, m.Years, m.MaxNote, m.MaxEvidence = 70, 30, 5, 1500, 400
	m.Factors["configuratie"] = 0.7
	m.Weights["must"] = 8
	m.Blocks = requirements.BlockMaxima(res.Catalogue, res.Rows, m)
	m.Blocks["KG"] = 10
	m.Apply(res)
	meta.Method = m
	pve := write(t, res, meta)
	f := open(t, pve)
	intro := strings.Join(flatten(t, f, "Toelichting"), "\n")
	for _, want := range []string{
		"Voldoet met configuratie | De functionaliteit is er na het inrichten van het standaardproduct (instellingen, sjablonen, workflows), zonder programmeren. | 70% | ja",
		"Voldoet deels | Een deel van de eis wordt waargemaakt; de toelichting zegt welk deel niet. | 25% | nee",
		"Must | Weegt het zwaarst: de klantreizen of de gemeenten vragen er het sterkst om. | 8",
		"1 Klantgeleiding | 57 | 10 | 4,6%",
		"(70 × kwaliteitsscore + 30 × prijsscore) ÷ 100: kwaliteit weegt 70 punten en prijs 30 punten van de 100",
		"De totale prijs is de prijs over 5 jaar van het Prijsblad.",
		"afgerond op 2 decimalen",
		"ten hoogste 1500 tekens Toelichting leverancier en 400 tekens Bewijs / referentie",
		"Een eis is voldaan met \"Voldoet standaard\", \"Voldoet met configuratie\" of \"Voldoet met maatwerk\".",
	} {
		assert.Contains(t, intro, want)
	}
	assert.Equal(t, "5", value(t, f, "Prijsblad", "C8"), "the price sheet has the contract period")
	assert.Equal(t, "8", value(t, f, "1 Klantgeleiding", "G4"), "the weight column follows the method")
	// compare reads the same method back.
	got := master(t, pve).Method
	got.Source = m.Source
	assert.Equal(t, m, got)
}

// Every sheet says its real used range, so that streaming readers see the
// cells; the footer names the tender, the version and the page.
func TestWorkbookDimensionsAndFooter(t *testing.T) {
	_, data := workbook(t, blueprint.Dutch)
	f := open(t, data)
	for _, sheet := range f.GetSheetList() {
		x := sheetXML(t, data, f, sheet)
		dim := regexp.MustCompile(`<dimension ref="([^"]+)"`).FindStringSubmatch(x)
		require.NotNil(t, dim, sheet)
		assert.NotEqual(t, "A1", dim[1], sheet)
		rows, err := f.GetRows(sheet)
		require.NoError(t, err)
		_, last, err := excelize.CellNameToCoordinates(strings.Split(dim[1], ":")[1])
		require.NoError(t, err)
		assert.GreaterOrEqual(t, last, len(rows), "%s: the dimension covers every row", sheet)
		if sheet != MetaSheet {
			hf, err := f.GetHeaderFooter(sheet)
			require.NoError(t, err)
			assert.Contains(t, hf.OddFooter, "KCC-2026-01 – versie 1.0", sheet)
			assert.Contains(t, hf.OddFooter, "Pagina &P van &N", sheet)
		}
	}
	// Print sizes: the block sheets and the traceability on A3, the others on A4.
	for sheet, size := range map[string]int{"1 Klantgeleiding": 8, "Traceerbaarheid": 8, "Toelichting": 9, "Samenvatting": 9, "Prijsblad": 9} {
		pl, err := f.GetPageLayout(sheet)
		require.NoError(t, err)
		assert.Equal(t, size, *pl.Size, sheet)
		assert.Equal(t, "landscape", *pl.Orientation, sheet)
	}
}

// A cell too long for Excel is cut with a visible marker, and the cut
// cell matches its own fingerprint, so the workbook reads back unchanged.
func TestLongCellsAreCutVisibly(t *testing.T) {
	res, meta := derived(t)
	r := *res.Rows[0].Requirement
	r.TitleNL = strings.Repeat("Heel lange titel ", 2500) // 42,500 characters
	res.Rows[0].Requirement = &r
	data := write(t, res, meta)
	f := open(t, data)
	title := value(t, f, "1 Klantgeleiding", "B4")
	assert.LessOrEqual(t, len([]rune(title)), requirements.MaxCell)
	assert.True(t, strings.HasSuffix(title, "… [afgekapt: de tekst heeft 42500 tekens, een cel houdt er 32767; de volledige tekst staat in blueprint matrix --format json]"))
	info, err := Inspect(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	assert.True(t, info.Pristine, info.Reasons(blueprint.English))
	var csv bytes.Buffer
	require.NoError(t, requirements.WriteCSV(&csv, res, meta))
	for _, field := range strings.Split(csv.String(), ",") {
		assert.LessOrEqual(t, len([]rune(field)), requirements.MaxCell+2, "a CSV field Excel cannot open")
	}
}

// A value typed or pasted past the drop-down is flagged in the Check
// column and counted in the Samenvatting, as the vendor fills in.
func TestCheckColumnFlagsInvalidAnswers(t *testing.T) {
	_, data := workbook(t, blueprint.Dutch)
	f := open(t, data)
	kg := "1 Klantgeleiding"
	calc := func(sheet, c string) string {
		v, err := f.CalcCellValue(sheet, c)
		require.NoError(t, err, c)
		return v
	}
	assert.Equal(t, "", calc(kg, "O4"))
	require.NoError(t, f.SetCellStr(kg, "K4", "Ja, volledig"))
	require.NoError(t, f.SetCellStr(kg, "K5", "Voldoet standaard "))
	require.NoError(t, f.SetCellStr(kg, "K6", "Roadmap"))
	require.NoError(t, f.SetCellStr(kg, "K7", "Voldoet standaard"))
	assert.Equal(t, "ongeldig antwoord: kies uit de lijst", calc(kg, "O4"))
	assert.Equal(t, "ongeldig antwoord: kies uit de lijst", calc(kg, "O5"), "a trailing space")
	assert.Equal(t, "ongeldig: roadmap-datum ontbreekt", calc(kg, "O6"))
	assert.Equal(t, "", calc(kg, "O7"))
	assert.Equal(t, "3", calc("Samenvatting", "G5"), "invalid answers in Klantgeleiding")
	assert.Equal(t, "Let op: 3 antwoorden komen niet uit de lijst; zie de kolom Controle", calc("Samenvatting", "B16"))
	assert.Equal(t, "Samenvatting: indicatieve zelfcontrole", value(t, f, "Samenvatting", "A1"))
}

// --carry-answers: answers to unchanged requirements are kept, changed
// ones are left empty and flagged, and the Wijzigingen sheet lists what
// was added, changed and withdrawn, with the earlier answers.
func TestCarryAnswers(t *testing.T) {
	res, meta := derived(t)
	all := res.Rows
	// Version 1.0 lacks KCC-KG-002 and has KCC-KG-003, which 1.1 withdraws.
	res.Rows = append(append([]*requirements.Row{}, all[:1]...), all[2:]...)
	old := respond(t, write(t, res, meta), Examples[0], nil)
	oldBook, err := ReadBook("pve-1.0.xlsx", bytes.NewReader(old), int64(len(old)), DefaultLimits)
	require.NoError(t, err)

	res.Rows = append(append([]*requirements.Row{}, all[:2]...), all[3:]...)
	changed := *all[0].Requirement
	changed.TextNL = "De oplossing biedt één centrale kennisbank voor alle zes gemeenten."
	res.Rows[0] = &requirements.Row{}
	*res.Rows[0] = *all[0]
	res.Rows[0].Requirement = &changed
	meta.Version = "1.1"
	c := blueprint.NewCollector(blueprint.Dutch)
	carry := PlanCarry(oldBook, res, c)
	assert.Empty(t, c.Diags)
	var b bytes.Buffer
	require.NoError(t, WriteCarried(&b, res, meta, carry))
	f := open(t, b.Bytes())
	kg := "1 Klantgeleiding"
	assert.Equal(t, "KCC-KG-001", value(t, f, kg, "A4"))
	assert.Equal(t, "", value(t, f, kg, "K4"), "a changed requirement is answered again")
	v, err := f.CalcCellValue(kg, "O4")
	require.NoError(t, err)
	assert.Equal(t, "gewijzigd: opnieuw beantwoorden", v)
	assert.Equal(t, "", value(t, f, kg, "K5"), "an added one has no answer")
	name, _, note, _ := Examples[0].Response().Answer("KCC-KG-004", "wens", 0)
	assert.Equal(t, "KCC-KG-004", value(t, f, kg, "A6"))
	assert.Equal(t, name, value(t, f, kg, "K6"), "an unchanged one keeps its answer")
	assert.Equal(t, note, value(t, f, kg, "M6"))
	assert.Equal(t, "Voorbeeld A (gegenereerd)", value(t, f, "Prijsblad", "C4"))
	changes, err := f.GetRows("Wijzigingen")
	require.NoError(t, err)
	var kinds []string
	for _, r := range changes[3:] {
		kinds = append(kinds, r[0]+" "+r[1])
	}
	assert.Equal(t, []string{"KCC-KG-001 gewijzigd", "KCC-KG-002 toegevoegd", "KCC-KG-003 vervallen"}, kinds)
	assert.Contains(t, changes[3][3], "Eis of wens: was \"De oplossing biedt één centrale kennisbank met productinformatie")
	assert.Contains(t, changes[5][3], "Vervallen: ")
	assert.NotEmpty(t, changes[5][4], "the withdrawn requirement's answer is kept")
	assert.Equal(t, 65, carry.Kept+len(carry.Changes)-1)
}
