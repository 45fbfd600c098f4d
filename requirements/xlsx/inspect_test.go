package xlsx

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
)

func inspect(t *testing.T, data []byte) (*Info, error) {
	t.Helper()
	return Inspect(bytes.NewReader(data), int64(len(data)))
}

// edit opens a workbook with excelize, lets fn change it, and saves it.
func edit(t *testing.T, data []byte, fn func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	fn(f)
	var b bytes.Buffer
	_, err = f.WriteTo(&b)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	return b.Bytes()
}

func TestInspectFindsVendorAnswers(t *testing.T) {
	_, data := workbook(t, blueprint.Dutch)
	info, err := inspect(t, data)
	require.NoError(t, err)
	assert.True(t, info.Ours)
	assert.True(t, info.Pristine, info.Reasons(blueprint.English))
	assert.Equal(t, 2, info.Schema)
	assert.Equal(t, "KCC-2026-01", info.TenderID)
	assert.Equal(t, "1.0", info.Version)
	assert.Len(t, info.SourceHash, 64)
	assert.Zero(t, info.Answered, "a fresh workbook holds no answers")

	data = edit(t, data, func(f *excelize.File) {
		require.NoError(t, f.SetCellValue("3 Workflowmanagement", "K5", "Voldoet standaard"))
		require.NoError(t, f.SetCellValue("7 Infrastructuur", "N4", "Zie productdocumentatie, §4.2"))
		require.NoError(t, f.SetCellValue("7 Infrastructuur", "M4", "Via Open Klant"))
	})
	info, err = inspect(t, data)
	require.NoError(t, err)
	assert.False(t, info.Pristine)
	assert.Equal(t, 2, info.Answered, "two rows hold answers")
	assert.Equal(t, []string{"3 Workflowmanagement", "7 Infrastructuur"}, info.Sheets)
	assert.Equal(t, []string{"bevat antwoorden van een leverancier (2 regels op 3 Workflowmanagement, 7 Infrastructuur)"}, info.Reasons(blueprint.Dutch))
}

// The overwrite guard fails closed: each of these was overwritten by
// matrix without --force before, and none is provably an unanswered PvE.
func TestInspectFailsClosed(t *testing.T) {
	_, pve := workbook(t, blueprint.Dutch)
	kg := "1 Klantgeleiding"
	files := hostile(t, pve)
	cases := map[string]struct {
		data []byte
		want string // the first reason, or the error
	}{
		"formula without a cached value": {setCellXML(t, pve, kg, map[string]string{"K4": `<c r="K4"><f>1+1</f></c>`}), "bevat antwoorden van een leverancier (1 regels op 1 Klantgeleiding)"},
		"renamed block sheets": {edit(t, pve, func(f *excelize.File) {
			require.NoError(t, f.SetSheetName(kg, "Blad1"))
		}), `het tabblad "1 Klantgeleiding" ontbreekt of is hernoemd`},
		"20 inserted rows": {edit(t, pve, func(f *excelize.File) {
			require.NoError(t, f.InsertRows(kg, 5, 20))
		}), "1 Klantgeleiding, rij 25: een rij buiten de eisen en wensen (ingevoegd of verplaatst?)"},
		"_meta columns edited": {edit(t, pve, func(f *excelize.File) {
			rows, _ := f.GetRows(MetaSheet)
			for i, r := range rows {
				if len(r) > 0 && r[0] == "columns" {
					require.NoError(t, f.SetCellStr(MetaSheet, "Y"+strconv.Itoa(i+1), "Z"))
				}
			}
		}), "het tabblad _meta is gewijzigd (kolom roadmap_date)"},
		"an edited requirement": {edit(t, pve, func(f *excelize.File) {
			require.NoError(t, f.SetCellStr(kg, "C4", "Iets anders"))
		}), "1 Klantgeleiding, rij 4 (KCC-KG-001): de eis is gewijzigd"},
		"a filled-in price sheet": {edit(t, pve, func(f *excelize.File) {
			require.NoError(t, f.SetCellValue("Prijsblad", "C5", 1000))
		}), "het prijsblad is ingevuld (C5)"},
		"a damaged zip entry":     {files["crc"], "het onderdeel xl/worksheets/sheet2.xml van de werkmap is beschadigd (het controlegetal (CRC) klopt niet)"},
		"a zip whose headers lie": {files["lying"], "het onderdeel xl/worksheets/sheet2.xml pakt uit tot meer dan de zip zegt, of is geen geldige zip-inhoud (beschadigd, of een zip-bom)"},
	}
	for name, tc := range cases {
		info, err := inspect(t, tc.data)
		if err != nil {
			var ie *InspectError
			require.ErrorAs(t, err, &ie, name)
			assert.Equal(t, tc.want, ie.Text(blueprint.Dutch), name)
			continue
		}
		assert.False(t, info.Pristine, name)
		if assert.NotEmpty(t, info.Reasons(blueprint.Dutch), name) {
			assert.Equal(t, tc.want, info.Reasons(blueprint.Dutch)[0], name)
		}
	}
}

func TestInspectOtherFiles(t *testing.T) {
	f := excelize.NewFile()
	require.NoError(t, f.SetCellValue("Sheet1", "A1", "Offerte"))
	buf, err := f.WriteToBuffer()
	require.NoError(t, err)
	info, err := inspect(t, buf.Bytes())
	require.NoError(t, err)
	assert.False(t, info.Ours, "a workbook without the metadata sheet is not a PvE")
	assert.False(t, info.Pristine)

	_, err = inspect(t, []byte("PK\x03\x04 but not really a zip"))
	assert.Error(t, err)
	_, err = inspect(t, []byte("id = \"reis\"\n"))
	assert.Error(t, err)

	_, err = Inspect(strings.NewReader(""), MaxWorkbookSize+1)
	if assert.Error(t, err) {
		assert.Contains(t, err.Error(), "at most")
	}
}
