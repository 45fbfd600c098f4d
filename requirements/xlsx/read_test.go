package xlsx

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/compare"
)

// master reads the PvE back as compare's master.
func master(t testing.TB, pve []byte) *compare.Master {
	t.Helper()
	book, err := ReadBook("pve.xlsx", bytes.NewReader(pve), int64(len(pve)), DefaultLimits)
	require.NoError(t, err)
	c := blueprint.NewCollector(blueprint.Dutch)
	m := compare.MasterFrom(book, c)
	require.NotNil(t, m)
	require.Empty(t, c.Diags, "the master reads without findings")
	return m
}

// respond fills in example e and then lets edit change the workbook as a
// vendor might in a spreadsheet program.
func respond(t testing.TB, pve []byte, e Example, edit func(f *excelize.File)) []byte {
	t.Helper()
	data := filled(t, pve, e)
	if edit == nil {
		return data
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	edit(f)
	var b bytes.Buffer
	_, err = f.WriteTo(&b)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	return b.Bytes()
}

var filledCache sync.Map // [32]byte of the PvE and the example's name → []byte

// filled is FillResponse of e, once per PvE and example: the tests share
// the filled-in responses (writing a workbook is the slow part).
func filled(t testing.TB, pve []byte, e Example) []byte {
	t.Helper()
	key := fmt.Sprintf("%x %s", sha256.Sum256(pve), e.Name)
	if data, ok := filledCache.Load(key); ok {
		return data.([]byte)
	}
	data, err := FillResponse(pve, e.Response())
	require.NoError(t, err)
	filledCache.Store(key, data)
	return data
}

// check reads and checks one response.
func check(t testing.TB, m *compare.Master, name string, data []byte) (*compare.Response, blueprint.Diagnostics) {
	t.Helper()
	c := blueprint.NewCollector(blueprint.Dutch)
	book, err := ReadBook(name, bytes.NewReader(data), int64(len(data)), DefaultLimits)
	if err != nil {
		ReportReadError(c, name, err)
		return nil, c.Diags
	}
	r := compare.Check(m, book, c)
	return r, c.Diags
}

// summaries are the diagnostics as "severity position summary".
func summaries(ds blueprint.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Severity.Word(blueprint.Dutch)+" "+d.Pos.String()+" "+d.Summary)
	}
	return out
}

// find returns the diagnostics with code.
func find(ds blueprint.Diagnostics, code string) blueprint.Diagnostics {
	var out blueprint.Diagnostics
	for _, d := range ds {
		if d.Code == code {
			out = append(out, d)
		}
	}
	return out
}

// Each hostile file gets one clear error naming the file, and nothing
// else; none is read past its limits.
func TestReadRefusesHostileFiles(t *testing.T) {
	_, pve := workbook(t, blueprint.Dutch)
	m := master(t, pve)
	want := map[string]string{
		"bomb":      "vendor.xlsx: fout: het onderdeel xl/worksheets/sheet2.xml pakt uit tot meer dan 64 MB; hooguit 64 MB wordt gelezen (een zip-bom?)",
		"lying":     "vendor.xlsx: fout: het onderdeel xl/worksheets/sheet2.xml pakt uit tot meer dan de zip zegt, of is geen geldige zip-inhoud (beschadigd, of een zip-bom); vraag de inschrijver het bestand opnieuw te sturen",
		"crc":       "vendor.xlsx: fout: het onderdeel xl/worksheets/sheet2.xml van de werkmap is beschadigd (het controlegetal (CRC) klopt niet); vraag de inschrijver het bestand opnieuw te sturen, of open en bewaar het in Excel of LibreOffice",
		"million":   `vendor.xlsx: fout: het tabblad "1 Klantgeleiding" heeft meer dan 20000 rijen; een tabblad van de PvE heeft er hooguit enkele honderden`,
		"truncated": "vendor.xlsx: fout: de werkmap is beschadigd (geen geldige zip); vraag de inschrijver het bestand opnieuw te sturen, of open en bewaar het in Excel of LibreOffice",
	}
	files := hostile(t, pve)
	require.Len(t, files, len(want))
	for name, data := range files {
		_, diags := check(t, m, "vendor.xlsx", data)
		require.Len(t, diags, 1, name)
		assert.Equal(t, want[name], diags[0].String(), name)
	}
	assert.Less(t, len(files["bomb"]), 1<<20, "the bomb is under a megabyte")

	_, diags := check(t, m, "notities.xlsx", []byte("mijn aantekeningen"))
	require.Len(t, diags, 1)
	assert.Equal(t, "notities.xlsx: fout: is geen Excel-werkmap (.xlsx); lever de ingevulde Programma van Eisen in als .xlsx", diags[0].String())

	other := excelize.NewFile()
	var b bytes.Buffer
	_, err := other.WriteTo(&b)
	require.NoError(t, err)
	r, diags := check(t, m, "offerte.xlsx", b.Bytes())
	require.Len(t, diags, 1)
	assert.True(t, r.Unreadable)
	assert.Equal(t, "offerte.xlsx: fout: is geen Programma van Eisen van blueprint (het verborgen tabblad _meta ontbreekt); de inschrijver moet de PvE invullen die u verstuurde, niet een eigen lijst", diags[0].String())
}

// A response to another tender or another version is refused.
func TestReadRefusesOtherTenderAndVersion(t *testing.T) {
	_, pve := workbook(t, blueprint.Dutch)
	m := master(t, pve)
	for _, tc := range []struct{ row, value, want string }{
		{"tender_id", "KCC-2025-09", "vendor.xlsx:_meta!B3: fout: hoort bij aanbesteding KCC-2025-09, niet bij KCC-2026-01"},
		{"tender_version", "0.9", "vendor.xlsx:_meta!B4: fout: beantwoordt versie 0.9 van de PvE; de PvE is versie 1.0"},
	} {
		data := respond(t, pve, Examples[0], func(f *excelize.File) {
			rows, _ := f.GetRows(MetaSheet)
			for i, r := range rows {
				if len(r) > 0 && r[0] == tc.row {
					require.NoError(t, f.SetCellStr(MetaSheet, fmt.Sprintf("B%d", i+1), tc.value))
				}
			}
		})
		r, diags := check(t, m, "vendor.xlsx", data)
		require.Len(t, diags, 1, tc.row)
		assert.True(t, r.Unreadable)
		assert.True(t, strings.HasPrefix(diags[0].String(), tc.want), diags[0].String())
	}
}

// The three example parties read without findings, with the answers they
// were given.
func TestReadExampleResponses(t *testing.T) {
	_, pve := workbook(t, blueprint.Dutch)
	m := master(t, pve)
	for i, e := range Examples {
		r, diags := check(t, m, fmt.Sprintf("%c.xlsx", 'a'+i), respond(t, pve, e, nil))
		assert.Empty(t, diags, e.Name)
		assert.Equal(t, e.Name, r.Name)
		assert.Equal(t, e.Once+4*(e.Licence+e.Service), r.Price.Total)
		assert.True(t, r.Price.OK)
		answer := e.Response().Answer
		for j, req := range m.Reqs {
			name, roadmap, note, _ := answer(req.ID, req.Kind, j)
			a := r.Answers[req.ID]
			require.NotNil(t, a, req.ID)
			assert.Equal(t, name, m.AnswerName(a.Code), req.ID)
			assert.Equal(t, roadmap, a.Roadmap, req.ID)
			assert.Equal(t, note, a.Note, req.ID)
		}
	}
}

// What a vendor did to its copy is a finding per cell, and scoring uses
// the master: tampered text and weight, formulas with and without a cached
// value, a pasted invalid code, a normalised one, a renamed sheet,
// inserted rows.
func TestReadFindsWhatTheVendorChanged(t *testing.T) {
	_, pve := workbook(t, blueprint.Dutch)
	m := master(t, pve)
	kg := "1 Klantgeleiding"
	clean, _ := check(t, m, "a.xlsx", respond(t, pve, Examples[0], nil))

	// Text and weight of KCC-KG-001 (row 4), a wens of weight 5.
	require.Equal(t, "KCC-KG-001", m.Reqs[0].ID)
	require.Equal(t, 5.0, m.Reqs[0].Weight)
	data := respond(t, pve, Examples[0], func(f *excelize.File) {
		require.NoError(t, f.SetCellStr(kg, "C4", "De oplossing biedt een kennisbank."))
		require.NoError(t, f.SetCellValue(kg, "G4", 50))
		require.NoError(t, f.SetCellStr(kg, "E5", "eis"))
	})
	r, diags := check(t, m, "a.xlsx", data)
	changed := find(diags, "changed-by-vendor")
	require.Len(t, changed, 3)
	assert.Equal(t, "a.xlsx:'1 Klantgeleiding'!C4: waarschuwing: KCC-KG-001: Eis of wens gewijzigd door inschrijver: was "+compare.Quote(m.Reqs[0].Text(), 80)+
		", nu \"De oplossing biedt een kennisbank.\"; de beoordeling gebruikt de tekst, soort en het gewicht uit de PvE; ga na of de wijziging een voorbehoud is", changed[0].String())
	assert.Equal(t, "a.xlsx:'1 Klantgeleiding'!G4: waarschuwing: KCC-KG-001: Gewicht gewijzigd door inschrijver: was \"5\", nu \"50\"; de beoordeling gebruikt de tekst, soort en het gewicht uit de PvE; ga na of de wijziging een voorbehoud is", changed[1].String())
	assert.Equal(t, "a.xlsx:'1 Klantgeleiding'!E5: waarschuwing: KCC-KG-002: Soort gewijzigd door inschrijver: was \"wens\", nu \"eis\"; de beoordeling gebruikt de tekst, soort en het gewicht uit de PvE; ga na of de wijziging een voorbehoud is", changed[2].String())
	assert.Len(t, diags, 3, "nothing else")
	res := compare.Score(m, []*compare.Response{clean, r}, nil, blueprint.Dutch)
	assert.Equal(t, res.Parties[0].Quality, res.Parties[1].Quality, "the tampered weight does not change the score")

	// Formulas, invalid and normalised answers, a roadmap without a date.
	data = respond(t, pve, Examples[0], func(f *excelize.File) {
		require.NoError(t, f.SetCellStr(kg, "K6", "Ja, volledig"))
		require.NoError(t, f.SetCellStr(kg, "K7", "  voldoet  STANDAARD "))
		require.NoError(t, f.SetCellStr(kg, "K8", "Roadmap"))
		require.NoError(t, f.SetCellStr(kg, "M9", strings.Repeat("lang ", 500)))
		require.NoError(t, f.SetCellStr("3 Workflowmanagement", "K4", ""))
	})
	// A formula without a cached value (as a library writes it) and one
	// with a cached value (as Excel writes it).
	data = setCellXML(t, data, kg, map[string]string{"K5": `<c r="K5"><f>1+1</f></c>`,
		"K10": `<c r="K10" t="str"><f>"Voldoet standaard"</f><v>Voldoet standaard</v></c>`})
	r, diags = check(t, m, "a.xlsx", data)
	assert.Equal(t, []string{
		"fout a.xlsx:'1 Klantgeleiding'!K5 KCC-KG-002: het antwoord is een formule (=1+1) zonder berekende waarde; niet meegeteld",
		"fout a.xlsx:'1 Klantgeleiding'!K6 KCC-KG-003: onbekend antwoord \"Ja, volledig\"",
		"waarschuwing a.xlsx:'1 Klantgeleiding'!K7 KCC-KG-004: antwoord \"voldoet STANDAARD\" gelezen als \"Voldoet standaard\"",
		"fout a.xlsx:'1 Klantgeleiding'!L8 KCC-KG-005: Roadmap zonder geldige datum; telt als niet voldaan",
		"waarschuwing a.xlsx:'1 Klantgeleiding'!M9 KCC-KG-006: Toelichting leverancier heeft 2500 tekens; de Toelichting staat er 2000 toe",
		"fout a.xlsx:'1 Klantgeleiding'!K10 KCC-KG-007: het antwoord is een formule (=\"Voldoet standaard\"), waarde \"Voldoet standaard\"; niet meegeteld",
		"fout a.xlsx:'3 Workflowmanagement'!K4 eis KCC-WF-001 is niet beantwoord",
	}, summaries(diags))
	assert.Equal(t, "standaard", r.Answers["KCC-KG-004"].Code, "the normalised answer counts")
	assert.Equal(t, "", r.Answers["KCC-KG-007"].Code, "a formula never counts")
	res = compare.Score(m, []*compare.Response{r}, nil, blueprint.Dutch)
	assert.True(t, res.Parties[0].Excluded, "an unanswered eis excludes")
	assert.Equal(t, []string{"eis KCC-WF-001 niet voldaan (onbeantwoord): Contactmoment koppelen aan zaak of melding"}, res.Parties[0].Reasons)

	// A renamed sheet and 20 inserted rows: findings, and the answers are
	// still read by row key.
	data = respond(t, pve, Examples[0], func(f *excelize.File) {
		require.NoError(t, f.InsertRows("2 Workloadmanagement", 5, 20))
		require.NoError(t, f.SetCellStr("2 Workloadmanagement", "K10", "Voldoet standaard"))
		require.NoError(t, f.SetSheetName(kg, "Blad1"))
	})
	r, diags = check(t, m, "a.xlsx", data)
	assert.Equal(t, []string{
		"waarschuwing a.xlsx:Blad1 het tabblad \"1 Klantgeleiding\" heet hier \"Blad1\"; gelezen op de rij-sleutels van blok KG",
		"waarschuwing a.xlsx:'2 Workloadmanagement' 5 eisen en wensen staan niet op hun eigen rij (KCC-WL-002, KCC-WL-003, KCC-WL-004, KCC-WL-005, KCC-WL-006); gelezen op rij-sleutel",
		"waarschuwing a.xlsx:'2 Workloadmanagement'!K10 rij 10 hoort niet bij de PvE (geen rij-sleutel); niet meegeteld: K \"Voldoet standaard\"",
	}, summaries(diags))
	for id, a := range clean.Answers {
		assert.Equal(t, a.Code, r.Answers[id].Code, id)
	}
}

// A response saved by LibreOffice Calc imports with the same answers as
// the file it was made from (testdata/libreoffice/README.md says how).
func TestReadLibreOfficeResponse(t *testing.T) {
	pve, err := os.ReadFile("testdata/libreoffice/pve.xlsx")
	require.NoError(t, err)
	calc, err := os.ReadFile("testdata/libreoffice/response-calc.xlsx")
	require.NoError(t, err)
	app := readZipFile(t, calc, "docProps/app.xml")
	assert.Contains(t, app, "LibreOffice", "the file was written by Calc")
	m := master(t, pve)
	r, diags := check(t, m, "response-calc.xlsx", calc)
	assert.Empty(t, diags)
	want, _ := check(t, m, "response.xlsx", respond(t, pve, Examples[1], nil))
	require.NotNil(t, r)
	assert.Equal(t, want.Name, r.Name)
	assert.Equal(t, want.Price, r.Price)
	require.Len(t, r.Answers, len(want.Answers))
	for id, a := range want.Answers {
		assert.Equal(t, *a, withPos(*r.Answers[id], a.Pos), id)
	}
}

func withPos(a compare.Answer, pos blueprint.Pos) compare.Answer {
	a.Pos.File = pos.File
	return a
}

func readZipFile(t testing.TB, data []byte, name string) string {
	t.Helper()
	var out string
	rezip(t, data, func(n string, c []byte) []byte {
		if n == name {
			out = string(c)
		}
		return c
	})
	return out
}
