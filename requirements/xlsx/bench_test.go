package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/blueprinttest"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/compare"
	"github.com/dimpact/blueprint/requirements/plan"
)

// BenchmarkDeriveAndWorkbook derives the requirements of 1, 100 and 7,600
// synthetic journeys of 20 steps (the national case) and writes the
// workbook. Loading the journeys is not timed; see the
// loading benchmarks of package blueprint.
func BenchmarkDeriveAndWorkbook(b *testing.B) {
	cat := requirements.Builtin()
	for _, n := range []int{1, 100, blueprinttest.NationalJourneys} {
		m := blueprinttest.Load(b, n, blueprinttest.NationalSteps)
		b.Run(fmt.Sprintf("journeys=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				res, _ := requirements.Derive(m, cat, requirements.Options{})
				if err := Write(io.Discard, res, requirements.Meta{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDerive times derivation alone.
func BenchmarkDerive(b *testing.B) {
	cat := requirements.Builtin()
	for _, n := range []int{1, 100, blueprinttest.NationalJourneys} {
		m := blueprinttest.Load(b, n, blueprinttest.NationalSteps)
		b.Run(fmt.Sprintf("journeys=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				requirements.Derive(m, cat, requirements.Options{})
			}
		})
	}
}

// bigResult derives the examples and repeats their requirements under new
// ids until there are n: a PvE of n requirements in the seven blocks.
func bigResult(b testing.TB, n int) (*requirements.Result, requirements.Meta) {
	res, meta := derived(b)
	base := res.Rows
	var rows []*requirements.Row
	for _, bl := range res.Catalogue.Blocks {
		var of []*requirements.Row
		for _, r := range base {
			if r.Block == bl {
				of = append(of, r)
			}
		}
		for i := 0; len(of) > 0 && i < n*len(of)/len(base); i++ {
			row := *of[i%len(of)]
			req := *row.Requirement
			req.ID = fmt.Sprintf("KCC-%s-%03d", bl.Code, i+1)
			row.Requirement = &req
			rows = append(rows, &row)
		}
	}
	res.Rows = rows
	return res, meta
}

// BenchmarkCompare reads and checks 10 responses to a PvE of 500
// requirements, scores and ranks them, and writes the comparison workbook
// and the beoordelingsverslag: what blueprint compare does after reading
// the files from disk.
func BenchmarkCompare(b *testing.B) {
	res, meta := bigResult(b, 500)
	var pve bytes.Buffer
	if err := Write(&pve, res, meta); err != nil {
		b.Fatal(err)
	}
	var responses [][]byte
	for i := 0; i < 10; i++ {
		e := Examples[i%len(Examples)]
		e.Name = fmt.Sprintf("Partij %d", i+1)
		e.FailKO = ""
		data, err := FillResponse(pve.Bytes(), e.Response())
		if err != nil {
			b.Fatal(err)
		}
		responses = append(responses, data)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := blueprint.NewCollector(blueprint.Dutch)
		mb, err := ReadBook("pve.xlsx", bytes.NewReader(pve.Bytes()), int64(pve.Len()), DefaultLimits)
		if err != nil {
			b.Fatal(err)
		}
		m := compare.MasterFrom(mb, c)
		if m == nil || len(m.Reqs) < 490 {
			b.Fatalf("master: %v", c.Diags)
		}
		var rs []*compare.Response
		var inputs []Input
		for j, data := range responses {
			inputs = append(inputs, Input{Name: fmt.Sprintf("p%d.xlsx", j), Data: data})
		}
		for _, r := range ReadBooks(inputs, DefaultLimits) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
			rs = append(rs, compare.Check(m, r.Book, c))
		}
		compare.Labels(rs, false, blueprint.Dutch)
		cr := compare.Score(m, rs, nil, blueprint.Dutch)
		if len(cr.Admitted()) != 10 {
			b.Fatalf("%d admitted", len(cr.Admitted()))
		}
		if err := WriteComparison(io.Discard, cr); err != nil {
			b.Fatal(err)
		}
		if err := compare.WriteReport(io.Discard, cr); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWriteBigTender writes the PvE of 500 requirements and ten responses
// of BenchmarkCompare to $BLUEPRINT_BIG_DIR, to time the CLI on them
// (docs/performance.md); skipped otherwise.
func TestWriteBigTender(t *testing.T) {
	dir := os.Getenv("BLUEPRINT_BIG_DIR")
	if dir == "" {
		t.Skip("set BLUEPRINT_BIG_DIR to write the files")
	}
	res, meta := bigResult(t, 500)
	var pve bytes.Buffer
	require.NoError(t, Write(&pve, res, meta))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "pve.xlsx"), pve.Bytes(), 0o644))
	for i := 0; i < 10; i++ {
		e := Examples[i%len(Examples)]
		e.Name, e.FailKO = fmt.Sprintf("Partij %d", i+1), ""
		data, err := FillResponse(pve.Bytes(), e.Response())
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("partij-%02d.xlsx", i+1)), data, 0o644))
	}
}

// BenchmarkPlanWorkbook derives the verbeterplan of 100 and 7,600
// synthetic journeys and writes its workbook.
func BenchmarkPlanWorkbook(b *testing.B) {
	for _, n := range []int{100, blueprinttest.NationalJourneys} {
		m := blueprinttest.Load(b, n, blueprinttest.NationalSteps)
		b.Run(fmt.Sprintf("journeys=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := WritePlan(io.Discard, plan.Derive(m, plan.Options{}), requirements.Meta{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
