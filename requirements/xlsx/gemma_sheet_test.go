package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
	"github.com/dimpact/blueprint/requirements/gemma/coverage"
)

// rowWith returns the 1-based row of sheet whose column A is text, or 0.
func rowWith(t *testing.T, f *excelize.File, sheet, text string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	for i, r := range rows {
		if len(r) > 0 && r[0] == text {
			return i + 1
		}
	}
	return 0
}

// colWith returns the column of header row 3 of sheet holding text, or 0.
func colWith(t *testing.T, f *excelize.File, sheet, text string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	for i, v := range rows[2] {
		if v == text {
			return i + 1
		}
	}
	return 0
}

// The PvE's GEMMA sheet: the release in the description, every element the
// requirements name with its Object ID and status, a ● where a requirement
// names it.
func TestPvEGemmaSheet(t *testing.T) {
	res, data := workbook(t, blueprint.Dutch)
	f := open(t, data)
	assert.Equal(t, "GEMMA-elementen × eisen", value(t, f, GemmaSheet, "A1"))
	assert.Contains(t, value(t, f, GemmaSheet, "A2"), "release 2026-06-30")
	crm := rowWith(t, f, GemmaSheet, "Relatiebeheercomponent (CRM)")
	require.NotZero(t, crm)
	assert.Equal(t, "eb436669-87b4-4134-b59b-dbfda11de5bc", value(t, f, GemmaSheet, cell(3, crm)))
	assert.Equal(t, "Referentiecomponent", value(t, f, GemmaSheet, cell(2, crm)))
	assert.Equal(t, "In gebruik", value(t, f, GemmaSheet, cell(4, crm)))
	cr1, kg1 := colWith(t, f, GemmaSheet, "KCC-CR-001"), colWith(t, f, GemmaSheet, "KCC-KG-001")
	require.NotZero(t, cr1)
	assert.Equal(t, "●", value(t, f, GemmaSheet, cell(cr1, crm)))
	assert.Equal(t, "", value(t, f, GemmaSheet, cell(kg1, crm)))
	nr := rowWith(t, f, GemmaSheet, "Notificatierouteringcomponent")
	assert.Equal(t, "In ontwikkeling", value(t, f, GemmaSheet, cell(4, nr)))
	// One column per requirement of the matrix, and every element a row.
	rows, err := f.GetRows(GemmaSheet)
	require.NoError(t, err)
	assert.Len(t, rows[2], 5+len(res.Rows))
	elements := map[string]bool{}
	for _, row := range res.Rows {
		for _, g := range row.Gemma {
			elements[g.ObjectID] = true
		}
	}
	n := 0
	for _, r := range rows[3:] {
		if len(r) > 2 && r[2] != "" {
			n++
		}
	}
	assert.Equal(t, len(elements), n)
	// The Toelichting names the sheet.
	intro, err := f.GetRows("Toelichting")
	require.NoError(t, err)
	found := false
	for _, r := range intro {
		if len(r) > 1 && r[0] == GemmaSheet {
			found = strings.Contains(r[1], "GEMMA-elementen")
		}
	}
	assert.True(t, found, "the Toelichting lists the GEMMA sheet")
}

func TestCoverageWorkbook(t *testing.T) {
	files, err := blueprint.ReadPaths([]string{"../../examples"})
	require.NoError(t, err)
	m, _ := blueprint.LoadFiles(files, blueprint.Options{})
	res, _ := requirements.Derive(m, requirements.Builtin(), requirements.Options{Lang: blueprint.English})
	r := coverage.Compute(res, m.Vocabulary, gemma.Default())
	var a, b bytes.Buffer
	require.NoError(t, WriteCoverage(&a, r))
	require.NoError(t, WriteCoverage(&b, r))
	assert.True(t, bytes.Equal(a.Bytes(), b.Bytes()), "same input, same bytes")
	f := open(t, a.Bytes())
	assert.Equal(t, []string{"Coverage", "Elements × requirements", "To check"}, f.GetSheetList())
	zm := rowWith(t, f, "Coverage", "Zoekmachinecomponent")
	require.NotZero(t, zm)
	assert.Equal(t, "not covered", value(t, f, "Coverage", cell(5, zm)))
	assert.Contains(t, value(t, f, "Coverage", cell(9, zm)), "Zoekondersteuning")
	cc := rowWith(t, f, "Coverage", "Callcentercomponent")
	assert.Equal(t, "covered", value(t, f, "Coverage", cell(5, cc)))
	assert.Contains(t, value(t, f, "Coverage", cell(6, cc)), "KCC-KS-009")
	ka := rowWith(t, f, "Coverage", "Kantoorautomatiseringcomponent")
	assert.Equal(t, "only system", value(t, f, "Coverage", cell(5, ka)))
	todo := rowWith(t, f, "To check", "Status")
	require.NotZero(t, todo)
	assert.Equal(t, "Notificatierouteringcomponent", value(t, f, "To check", cell(2, todo)))
}
