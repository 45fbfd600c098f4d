package xlsx

import (
	"bytes"
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

func TestInspectFindsVendorAnswers(t *testing.T) {
	_, data := workbook(t, blueprint.Dutch)
	info, err := inspect(t, data)
	require.NoError(t, err)
	assert.True(t, info.Ours)
	assert.Equal(t, 1, info.Schema)
	assert.Equal(t, "KCC-2026-01", info.TenderID)
	assert.Equal(t, "1.0", info.Version)
	assert.Len(t, info.SourceHash, 64)
	assert.Zero(t, info.Answered, "a fresh workbook holds no answers")

	f := open(t, data)
	require.NoError(t, f.SetCellValue("3 Workflowmanagement", "K5", "Voldoet standaard"))
	require.NoError(t, f.SetCellValue("7 Infrastructuur", "N4", "Zie productdocumentatie, §4.2"))
	require.NoError(t, f.SetCellValue("7 Infrastructuur", "M4", "Via Open Klant"))
	buf, err := f.WriteToBuffer()
	require.NoError(t, err)
	info, err = inspect(t, buf.Bytes())
	require.NoError(t, err)
	assert.Equal(t, 2, info.Answered, "two rows hold answers")
	assert.Equal(t, []string{"3 Workflowmanagement", "7 Infrastructuur"}, info.Sheets)
}

func TestInspectOtherFiles(t *testing.T) {
	f := excelize.NewFile()
	require.NoError(t, f.SetCellValue("Sheet1", "A1", "Offerte"))
	buf, err := f.WriteToBuffer()
	require.NoError(t, err)
	info, err := inspect(t, buf.Bytes())
	require.NoError(t, err)
	assert.False(t, info.Ours, "a workbook without the metadata sheet is not a PvE")

	_, err = inspect(t, []byte("PK\x03\x04 but not really a zip"))
	assert.Error(t, err)
	_, err = inspect(t, []byte("id = \"reis\"\n"))
	assert.Error(t, err)

	_, err = Inspect(strings.NewReader(""), MaxWorkbookSize+1)
	if assert.Error(t, err) {
		assert.Contains(t, err.Error(), "at most")
	}
}
