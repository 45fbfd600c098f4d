package compare

import (
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// CellKind says what a cell held.
type CellKind uint8

// Kinds of cell values.
const (
	CellEmpty  CellKind = iota
	CellText            // a string (shared or inline)
	CellNumber          // a number, as written in the file
	CellBool            // TRUE or FALSE
	CellError           // an error value such as #N/A
	CellDate            // an ISO 8601 date (t="d")
)

// Cell is one cell of a workbook as read: nothing in it is interpreted yet.
type Cell struct {
	// Text is the value as text: the string, the number as written in the
	// file, TRUE or FALSE, or the error. For a formula it is the cached
	// value, when there is one.
	Text string
	Kind CellKind
	// Formula is set when the cell holds a formula; FormulaText is the
	// formula without "=" (empty for a cell that shares another's).
	Formula     bool
	FormulaText string
	// Cut is set when the text was longer than the reader keeps.
	Cut bool
}

// IsEmpty reports whether the cell holds nothing: no value and no
// formula.
func (c Cell) IsEmpty() bool { return !c.Formula && strings.TrimSpace(c.Text) == "" }

// Row is a row of a sheet with at least one cell.
type Row struct {
	// Num is the row number (1-based).
	Num int
	// Cells are the row's cells by column (Cells[0] is column A), up to
	// the reader's column limit.
	Cells []Cell
	// Beyond counts non-empty cells right of the column limit.
	Beyond int
}

// At returns the cell in column col (1-based), or an empty cell.
func (r *Row) At(col int) Cell {
	if r == nil || col < 1 || col > len(r.Cells) {
		return Cell{}
	}
	return r.Cells[col-1]
}

// Sheet is one worksheet of a workbook.
type Sheet struct {
	Name string
	// Index is the sheet's position in the workbook (0-based).
	Index int
	// Hidden is set for a hidden or very hidden sheet.
	Hidden bool
	// Read is set when the sheet's rows were read; sheets that cannot
	// hold answers (the traceability sheet) are only checked.
	Read bool
	// Rows are the rows with at least one cell, in order.
	Rows []*Row
	// HiddenCols are the hidden columns (1-based).
	HiddenCols map[int]bool
	// TooManyRows is set when the sheet has more rows than the reader
	// reads; Rows then holds the first ones.
	TooManyRows bool
	// Dimension is the used range the sheet declares ("A1:V20").
	Dimension string
}

// Row returns the row with number n, or nil.
func (s *Sheet) Row(n int) *Row {
	for _, r := range s.Rows {
		if r.Num == n {
			return r
		}
		if r.Num > n {
			break
		}
	}
	return nil
}

// Book is a workbook as read by requirements/xlsx: its sheets and cells
// and its _meta sheet, before any interpretation. It is the input of
// MasterFrom (the buyer's PvE) and Check (a vendor's response).
type Book struct {
	// File is the name used in findings (as given on the command line).
	File string
	// Sheets are all worksheets in workbook order.
	Sheets []*Sheet
	// Date1904 is set when the workbook counts dates from 1904 (old Mac
	// Excel).
	Date1904 bool
	// Meta is the _meta sheet, parsed (nil when the workbook has none).
	Meta *Meta
}

// Sheet returns the sheet called name, or nil.
func (b *Book) Sheet(name string) *Sheet {
	for _, s := range b.Sheets {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// MetaSheet is the name of the hidden metadata sheet of a PvE.
const MetaSheet = "_meta"

// Meta is what a PvE's _meta sheet records.
type Meta struct {
	Schema           int
	Generator        string
	TenderID         string
	Version          string
	Date             string
	Lang             blueprint.Lang
	Catalogue        string
	CatalogueVersion string
	SourceHash       string
	HeaderRow        int
	// Columns maps a column key ("answer", "row_key", …) to its letter.
	Columns map[string]string
	// Answers are the answer codes in the order of the drop-down.
	Answers []MetaAnswer
	// Blocks are the block sheets.
	Blocks []MetaBlock
	// Sheets names every sheet the PvE was written with, and its role
	// ("intro", "block", "trace", "summary", "price", "changes", …).
	Sheets []MetaSheetRole
	// Price is the price sheet, when the PvE has one.
	Price *MetaPrice
	// Method is the published assessment method as TOML.
	Method string
	// Rows maps a key of _meta to the row it is on, for findings.
	Rows map[string]int
}

// MetaAnswer is one answer code of the drop-down.
type MetaAnswer struct {
	Code, Name string
	Factor     float64
	KO         bool
}

// MetaBlock is one block sheet.
type MetaBlock struct {
	Sheet, Code  string
	First, Last  int
	Count        int
	MetaRow      int
	NameMismatch bool
}

// MetaSheetRole is one sheet the writer made.
type MetaSheetRole struct{ Name, Role string }

// MetaPrice is the price sheet: its name, the column of the vendor's
// values and the row of each price line by key.
type MetaPrice struct {
	Sheet  string
	Column string
	Rows   map[string]int
	Order  []string
}

// ParseMeta reads the rows of a _meta sheet. Unknown keys are ignored, so
// that a newer minor layout still reads; a missing schema_version gives
// Schema 0, which callers treat as "not a PvE of blueprint".
func ParseMeta(s *Sheet) *Meta {
	m := &Meta{Columns: map[string]string{}, Rows: map[string]int{}}
	for _, row := range s.Rows {
		val := func(i int) string { return strings.TrimSpace(row.At(i + 1).Text) }
		key := val(0)
		if key == "" {
			continue
		}
		if _, ok := m.Rows[key]; !ok {
			m.Rows[key] = row.Num
		}
		switch key {
		case "schema_version":
			m.Schema, _ = strconv.Atoi(val(1))
		case "generator":
			m.Generator = val(1)
		case "tender_id":
			m.TenderID = val(1)
		case "tender_version":
			m.Version = val(1)
		case "date":
			m.Date = val(1)
		case "language":
			m.Lang = blueprint.Lang(val(1))
		case "catalogue":
			m.Catalogue, m.CatalogueVersion = val(1), val(2)
		case "source_hash":
			m.SourceHash = val(1)
		case "header_row":
			m.HeaderRow, _ = strconv.Atoi(val(1))
		case "columns":
			for i := 1; i+1 < len(row.Cells); i += 2 {
				if k := val(i); k != "" {
					m.Columns[k] = strings.ToUpper(val(i + 1))
				}
			}
		case "answer":
			f, _ := strconv.ParseFloat(val(3), 64)
			ko := strings.EqualFold(val(4), "true") || val(4) == "1"
			m.Answers = append(m.Answers, MetaAnswer{Code: val(1), Name: row.At(3).Text, Factor: f, KO: ko})
		case "block_sheet":
			first, _ := strconv.Atoi(val(3))
			last, _ := strconv.Atoi(val(4))
			count, _ := strconv.Atoi(val(5))
			m.Blocks = append(m.Blocks, MetaBlock{Sheet: row.At(2).Text, Code: val(2), First: first, Last: last, Count: count, MetaRow: row.Num})
		case "sheet":
			m.Sheets = append(m.Sheets, MetaSheetRole{Name: row.At(2).Text, Role: val(2)})
		case "price_sheet":
			m.Price = &MetaPrice{Sheet: row.At(2).Text, Column: strings.ToUpper(val(2)), Rows: map[string]int{}}
		case "price_row":
			if m.Price != nil {
				n, _ := strconv.Atoi(val(2))
				m.Price.Rows[val(1)] = n
				m.Price.Order = append(m.Price.Order, val(1))
			}
		case "method":
			m.Method = row.At(2).Text
		}
	}
	return m
}
