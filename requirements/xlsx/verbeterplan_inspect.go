package xlsx

import (
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/requirements"
)

// PlanInfo is what InspectPlan found in a workbook.
type PlanInfo struct {
	// Ours is true when the workbook is a verbeterplan written by WritePlan.
	Ours bool
	// Edited counts the rows where the team changed or added something in
	// its cells (and a sheet that is gone or cannot be checked counts as
	// one); Sheets names the sheets they are on.
	Edited int
	Sheets []string
}

// planLimits are the limits of reading a verbeterplan back: those of a
// PvE, but all the rows a sheet can hold, because the Knelpunten sheet of
// a national collection has a quarter of a million.
var planLimits = func() Limits {
	l := DefaultLimits
	l.Rows = excelize.TotalRows
	return l
}()

// InspectPlanFile inspects the workbook at path (see InspectPlan).
func InspectPlanFile(path string) (*PlanInfo, error) { return inspectPath(path, InspectPlan) }

// inspectPath opens the file at path and inspects it with inspect.
func inspectPath[T any](path string, inspect func(io.ReaderAt, int64) (T, error)) (T, error) {
	var zero T
	fh, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return zero, err
	}
	return inspect(fh, st.Size())
}

// InspectPlan reads a workbook of size bytes with ReadBook (untrusted:
// sizes, parts and rows limited, panics turned into errors) and reports
// whether it is a verbeterplan written by WritePlan and in how many rows
// the team changed its cells. It fails closed: a sheet that is gone or
// could not be read counts as changed.
func InspectPlan(r io.ReaderAt, size int64) (*PlanInfo, error) {
	book, err := ReadBook("", r, size, planLimits)
	if err != nil {
		return nil, &InspectError{err}
	}
	info := &PlanInfo{}
	meta := book.Sheet(MetaSheet)
	if meta == nil {
		return info, nil
	}
	type team struct {
		sheet       string
		first, last int
		fp          int
		cols        []int
	}
	var teams []team
	for _, row := range meta.Rows {
		val := func(i int) string { return strings.TrimSpace(row.At(i + 1).Text) }
		switch val(0) {
		case "kind":
			info.Ours = val(1) == PlanKind
		case "team_cells":
			first, err1 := strconv.Atoi(val(2))
			last, err2 := strconv.Atoi(val(3))
			fp, err3 := excelize.ColumnNameToNumber(val(4))
			if err1 != nil || err2 != nil || err3 != nil {
				continue
			}
			tm := team{sheet: row.At(2).Text, first: first, last: last, fp: fp}
			for _, c := range strings.Split(val(5), ",") {
				if n, err := excelize.ColumnNameToNumber(c); err == nil {
					tm.cols = append(tm.cols, n)
				}
			}
			teams = append(teams, tm)
		}
	}
	if !info.Ours {
		return info, nil
	}
	for _, tm := range teams {
		s := book.Sheet(tm.sheet)
		n := 0
		if s == nil || !s.Read || s.TooManyRows {
			n = 1
		} else {
			for _, row := range s.Rows {
				if row.Num < tm.first {
					continue
				}
				vals := make([]string, len(tm.cols))
				filled := false
				for k, c := range tm.cols {
					cell := row.At(c)
					vals[k] = strings.TrimSpace(cell.Text)
					filled = filled || !cell.IsEmpty()
				}
				fp := strings.TrimSpace(row.At(tm.fp).Text)
				if (fp == "" && filled) || (fp != "" && fp != requirements.FingerprintCells(vals)) {
					n++
				}
			}
		}
		if n > 0 {
			info.Edited += n
			info.Sheets = append(info.Sheets, tm.sheet)
		}
	}
	return info, nil
}
