package xlsx

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// MaxWorkbookSize is the largest workbook Inspect reads. A PvE for the four
// examples is about 60 kB, for 7,600 journeys a few MB; a file far larger
// than that is not a PvE (or is a zip bomb).
const MaxWorkbookSize = 64 << 20

// Limits on what a workbook may unpack to.
const (
	maxUnzip    = 512 << 20
	maxUnzipXML = 256 << 20
)

// Info is what Inspect found in a workbook.
type Info struct {
	// Ours is true when the workbook has the metadata sheet of a PvE
	// written by this package.
	Ours bool
	// Schema is the schema version of the metadata.
	Schema int
	// TenderID and Version identify the tender.
	TenderID, Version string
	// SourceHash is the hash of the journeys the workbook was made from.
	SourceHash string
	// Answered counts the requirement rows with at least one of the
	// vendor's cells filled in; Sheets names the sheets they are on.
	Answered int
	Sheets   []string
}

// InspectFile inspects the workbook at path (see Inspect).
func InspectFile(path string) (*Info, error) { return inspectPath(path, Inspect) }

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

// openUntrusted opens a workbook of size bytes that someone else may have
// made, within the size limits, and reads its _meta sheet: meta is nil
// when there is none. The caller closes f and recovers from panics of the
// reader.
func openUntrusted(r io.ReaderAt, size int64) (f *excelize.File, meta [][]string, err error) {
	if size > MaxWorkbookSize {
		return nil, nil, fmt.Errorf("the workbook is %d bytes; at most %d are read", size, MaxWorkbookSize)
	}
	f, err = excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{UnzipSizeLimit: maxUnzip, UnzipXMLSizeLimit: maxUnzipXML})
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read the workbook: %w", err)
	}
	if idx, _ := f.GetSheetIndex(MetaSheet); idx < 0 {
		return f, nil, nil
	}
	if meta, err = f.GetRows(MetaSheet); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("cannot read the sheet %s: %w", MetaSheet, err)
	}
	return f, meta, nil
}

// Inspect reads a workbook of size bytes and reports whether it is a PvE
// written by Write and whether it holds vendor answers. The workbook is
// untrusted: its size and unpacked size are limited, and any panic of the
// reader becomes an error.
func Inspect(r io.ReaderAt, size int64) (info *Info, err error) {
	defer func() {
		if p := recover(); p != nil {
			info, err = nil, fmt.Errorf("cannot read the workbook: %v", p)
		}
	}()
	f, meta, err := openUntrusted(r, size)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info = &Info{}
	if meta == nil {
		return info, nil
	}
	type span struct {
		sheet       string
		first, last int
	}
	var spans []span
	cols := map[string]string{}
	for _, row := range meta {
		if len(row) == 0 {
			continue
		}
		val := func(i int) string {
			if i < len(row) {
				return row[i]
			}
			return ""
		}
		switch row[0] {
		case "schema_version":
			info.Schema, _ = strconv.Atoi(val(1))
			info.Ours = info.Schema > 0
		case "tender_id":
			info.TenderID = val(1)
		case "tender_version":
			info.Version = val(1)
		case "source_hash":
			info.SourceHash = val(1)
		case "columns":
			for i := 1; i+1 < len(row); i += 2 {
				cols[row[i]] = row[i+1]
			}
		case "block_sheet":
			first, err1 := strconv.Atoi(val(3))
			last, err2 := strconv.Atoi(val(4))
			if err1 == nil && err2 == nil && val(1) != "" {
				spans = append(spans, span{sheet: val(1), first: first, last: last})
			}
		}
	}
	if !info.Ours {
		return info, nil
	}
	var vendorCols []int
	for _, k := range []string{"answer", "roadmap_date", "vendor_note", "evidence"} {
		if n, err := excelize.ColumnNameToNumber(cols[k]); err == nil {
			vendorCols = append(vendorCols, n)
		}
	}
	if len(vendorCols) == 0 {
		return nil, fmt.Errorf("the sheet %s does not say where the answers are", MetaSheet)
	}
	for _, sp := range spans {
		n, err := answeredRows(f, sp.sheet, sp.first, sp.last, vendorCols)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			info.Answered += n
			info.Sheets = append(info.Sheets, sp.sheet)
		}
	}
	return info, nil
}

// answeredRows counts the rows first..last of sheet with a vendor cell
// filled in, reading the sheet as a stream.
func answeredRows(f *excelize.File, sheet string, first, last int, cols []int) (int, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		// A block sheet that is missing cannot hold answers; the importer
		// reports the damage.
		return 0, nil
	}
	defer rows.Close()
	n, r := 0, 0
	for rows.Next() {
		r++
		if r < first {
			continue
		}
		if r > last {
			break
		}
		cells, err := rows.Columns()
		if err != nil {
			return 0, fmt.Errorf("%s, row %d: %w", sheet, r, err)
		}
		for _, c := range cols {
			if c-1 < len(cells) && strings.TrimSpace(cells[c-1]) != "" {
				n++
				break
			}
		}
	}
	return n, rows.Error()
}
