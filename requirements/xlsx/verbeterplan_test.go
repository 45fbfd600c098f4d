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
	"github.com/dimpact/blueprint/requirements/plan"
)

// planWorkbook derives the verbeterplan of the examples and writes it.
func planWorkbook(t testing.TB, lang blueprint.Lang) (*plan.Plan, []byte) {
	t.Helper()
	files, err := blueprint.ReadPaths([]string{"../../examples"})
	require.NoError(t, err)
	m, diags := blueprint.LoadFiles(files, blueprint.Options{})
	require.False(t, diags.HasErrors(), diags.Error())
	p := plan.Derive(m, plan.Options{Lang: lang})
	meta := requirements.MetaFor(m, files)
	meta.Tool = "blueprint test"
	var b bytes.Buffer
	require.NoError(t, WritePlan(&b, p, meta))
	return p, b.Bytes()
}

func TestPlanWorkbook(t *testing.T) {
	p, data := planWorkbook(t, blueprint.Dutch)
	f := open(t, data)
	assert.Equal(t, []string{"Toelichting", "Verbeteracties", "Knelpunten", "Per eigenaar", "Meetpunten", "_meta"}, f.GetSheetList())
	rows, err := f.GetRows("Verbeteracties")
	require.NoError(t, err)
	assert.Equal(t, []string{"ID", "Klantreis", "Wat", "Beantwoordt", "Verwacht effect", "Eigenaar", "Status", "Horizon", "Streefdatum",
		"Reden of besluit", "Voortgang", "Rij-sleutel", "Vingerafdruk"}, rows[planHeaderRow-1])
	// Every action is a row, in journey order, with its status as written.
	r := planFirstRow
	for _, j := range p.Journeys {
		for _, a := range j.Actions {
			assert.Equal(t, a.ID, value(t, f, "Verbeteracties", cell(acID, r)))
			assert.Equal(t, plan.StatusName(blueprint.Dutch, a.Status), value(t, f, "Verbeteracties", cell(acStatus, r)))
			assert.Equal(t, a.Owner, value(t, f, "Verbeteracties", cell(acOwner, r)))
			r++
		}
	}
	// The status is a drop-down of the statuses, the horizon one of the horizons.
	dvs, err := f.GetDataValidations("Verbeteracties")
	require.NoError(t, err)
	var lists []string
	for _, dv := range dvs {
		lists = append(lists, dv.Formula1)
	}
	assert.Contains(t, lists, `"idee,besloten,gepland,bezig,gereed,afgewezen"`)
	assert.Contains(t, lists, `"kort,middellang,lang"`)
	// The knelpunten without an action come first.
	kn, err := f.GetRows("Knelpunten")
	require.NoError(t, err)
	require.Greater(t, len(kn), planFirstRow+len(p.Unanswered))
	for i := range p.Unanswered {
		assert.Equal(t, "nee", kn[planFirstRow-1+i][knAnswered-1], "row %d", planFirstRow+i)
	}
	assert.NotEqual(t, "nee", kn[planFirstRow-1+len(p.Unanswered)][knAnswered-1])
	// The owners' counts are formulas over the actions sheet.
	formula, err := f.GetCellFormula("Per eigenaar", "B4")
	require.NoError(t, err)
	assert.Contains(t, formula, "'Verbeteracties'!$G$4:$G$")
	intro := strings.Join(flatten(t, f, "Toelichting"), "\n")
	for _, want := range []string{"Verbeterplan", "Zo werkt het verbeterteam", "afgewezen", "--force", "Wat telt als knelpunt?"} {
		assert.Contains(t, intro, want)
	}
}

func TestPlanWorkbookInEnglish(t *testing.T) {
	_, data := planWorkbook(t, blueprint.English)
	f := open(t, data)
	assert.Equal(t, []string{"Introduction", "Actions", "Pain points", "Per owner", "Metrics", "_meta"}, f.GetSheetList())
	assert.Equal(t, "Status", value(t, f, "Actions", cell(acStatus, planHeaderRow)))
	dvs, err := f.GetDataValidations("Actions")
	require.NoError(t, err)
	assert.Equal(t, `"idea,decided,planned,in progress,done,rejected"`, dvs[0].Formula1)
}

func TestPlanWorkbookDeterministic(t *testing.T) {
	_, a := planWorkbook(t, blueprint.Dutch)
	_, b := planWorkbook(t, blueprint.Dutch)
	assert.True(t, bytes.Equal(a, b), "same input, same bytes")
}

// InspectPlan tells a fresh verbeterplan from one the team worked in, and
// from a PvE.
func TestInspectPlan(t *testing.T) {
	_, data := planWorkbook(t, blueprint.Dutch)
	info, err := InspectPlan(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	assert.Equal(t, &PlanInfo{Ours: true}, info, "a fresh workbook holds no edits")

	edit := func(t *testing.T, change func(f *excelize.File)) *PlanInfo {
		f := open(t, data)
		change(f)
		var b bytes.Buffer
		require.NoError(t, f.Write(&b))
		info, err := InspectPlan(bytes.NewReader(b.Bytes()), int64(b.Len()))
		require.NoError(t, err)
		return info
	}
	info = edit(t, func(f *excelize.File) {
		require.NoError(t, f.SetCellValue("Verbeteracties", cell(acStatus, planFirstRow), "afgewezen"))
		require.NoError(t, f.SetCellValue("Verbeteracties", cell(acProgress, planFirstRow+1), "Offerte aangevraagd"))
		require.NoError(t, f.SetCellValue("Knelpunten", cell(knProposal, planFirstRow), "Wachtrij-melding in het keuzemenu"))
	})
	assert.Equal(t, 3, info.Edited)
	assert.Equal(t, []string{"Verbeteracties", "Knelpunten"}, info.Sheets)
	// A date typed by the team counts; writing back what was there does not.
	info = edit(t, func(f *excelize.File) {
		v, err := f.GetCellValue("Verbeteracties", cell(acOwner, planFirstRow))
		require.NoError(t, err)
		require.NoError(t, f.SetCellValue("Verbeteracties", cell(acOwner, planFirstRow), v))
	})
	assert.Equal(t, 0, info.Edited)

	_, pve := workbook(t, blueprint.Dutch)
	info, err = InspectPlan(bytes.NewReader(pve), int64(len(pve)))
	require.NoError(t, err)
	assert.False(t, info.Ours, "a PvE is not a verbeterplan")
}

// A verbeterplan on disk is outside input too: inspecting it before it is
// replaced must never panic or hang, whatever the bytes.
func FuzzInspectPlan(f *testing.F) {
	_, data := planWorkbook(f, blueprint.Dutch)
	f.Add(data)
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := InspectPlan(bytes.NewReader(data), int64(len(data)))
		if err == nil && info == nil {
			t.Fatal("no info and no error")
		}
	})
}
