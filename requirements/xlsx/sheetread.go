package xlsx

import (
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/requirements/compare"
)

// This file reads the parts of a workbook package with encoding/xml, as a
// stream: the relationships, the workbook's sheet list, worksheets and the
// shared strings. It keeps only what the importer needs (rows up to
// Limits.Rows, columns up to Limits.Cols, texts up to Limits.Text), so
// memory stays bounded whatever a sheet holds. excelize is not used for
// reading: it loads whole parts into memory, and a returned workbook is
// untrusted.

const (
	relOfficeDoc = "officeDocument"
	relWorksheet = "worksheet"
	relShared    = "sharedStrings"
)

// rels reads a relationships part: id → (type suffix, target part name).
func readRels(p *pkg, name string) (map[string][2]string, error) {
	out := map[string][2]string{}
	if !p.has(name) {
		return out, nil
	}
	rc, err := p.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	err = eachToken(rc, name, func(tok xml.Token) error {
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			var id, typ, target string
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "Id":
					id = a.Value
				case "Type":
					typ = a.Value[strings.LastIndexByte(a.Value, '/')+1:]
				case "Target":
					target = a.Value
				}
			}
			if id != "" {
				out[id] = [2]string{typ, target}
			}
		}
		return nil
	})
	return out, err
}

// eachToken calls fn for every token of a part read from r, until the end,
// an error of fn, or errStop; XML errors become read errors naming part.
func eachToken(r io.Reader, part string, fn func(xml.Token) error) error {
	d := xml.NewDecoder(r)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return xmlError(part, err)
		}
		if err := fn(tok); err == errStop {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// errStop ends eachToken without an error.
var errStop = errors.New("stop")

func xmlError(name string, err error) error {
	var re *readError
	if errors.As(err, &re) {
		return re
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "zip:") {
		return partError(name, err)
	}
	return failf("damaged", "het onderdeel %s is geen geldige XML (%v)", "the part %s is not valid XML (%v)", name, err)
}

// relsName is the relationships part of a part.
func relsName(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// sheetRef is a sheet as the workbook lists it.
type sheetRef struct {
	name, part string
	hidden     bool
}

// workbookParts finds the workbook part, its sheets and the shared
// strings part.
func workbookParts(p *pkg) (wb string, sheets []sheetRef, shared string, date1904 bool, err error) {
	root, err := readRels(p, "_rels/.rels")
	if err != nil {
		return "", nil, "", false, err
	}
	for _, rel := range sortedRels(root) {
		if rel[0] == relOfficeDoc {
			wb = resolve("", rel[1])
		}
	}
	if wb == "" {
		wb = "xl/workbook.xml"
	}
	if !p.has(wb) {
		return "", nil, "", false, notAWorkbook()
	}
	rels, err := readRels(p, relsName(wb))
	if err != nil {
		return "", nil, "", false, err
	}
	for _, rel := range sortedRels(rels) {
		if rel[0] == relShared {
			shared = resolve(wb, rel[1])
		}
	}
	rc, err := p.open(wb)
	if err != nil {
		return "", nil, "", false, err
	}
	defer rc.Close()
	err = eachToken(rc, wb, func(tok xml.Token) error {
		se, ok := tok.(xml.StartElement)
		if !ok {
			return nil
		}
		switch se.Name.Local {
		case "workbookPr":
			for _, a := range se.Attr {
				if a.Name.Local == "date1904" && (a.Value == "1" || a.Value == "true") {
					date1904 = true
				}
			}
		case "sheet":
			var ref sheetRef
			var id string
			for _, a := range se.Attr {
				switch {
				case a.Name.Local == "name":
					ref.name = a.Value
				case a.Name.Local == "state":
					ref.hidden = a.Value == "hidden" || a.Value == "veryHidden"
				case a.Name.Local == "id" && a.Name.Space != "":
					id = a.Value
				}
			}
			if rel, ok := rels[id]; ok && rel[0] == relWorksheet {
				ref.part = resolve(wb, rel[1])
			}
			sheets = append(sheets, ref)
			if len(sheets) > p.lim.Entries {
				return failf("too-many-parts", "de werkmap noemt meer dan %d tabbladen", "the workbook lists more than %d sheets", p.lim.Entries)
			}
		}
		return nil
	})
	if err != nil {
		return "", nil, "", false, err
	}
	return wb, sheets, shared, date1904, nil
}

// sortedRels returns the relationships in id order, so that the result
// does not depend on map order.
func sortedRels(m map[string][2]string) [][2]string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
	out := make([][2]string, len(ids))
	for i, id := range ids {
		out[i] = m[id]
	}
	return out
}

// sharedRef is a cell that refers to a shared string.
type sharedRef struct {
	row *compare.Row
	col int // 0-based index into row.Cells
	idx int
}

// sheetReader reads worksheets and resolves their shared strings at the
// end, reading the shared strings part once and keeping only the strings
// that are used.
type sheetReader struct {
	p    *pkg
	refs []sharedRef
}

// readSheet reads a worksheet part into s.
func (sr *sheetReader) readSheet(part string, s *compare.Sheet) error {
	rc, err := sr.p.open(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	lim := sr.p.lim
	s.Read = true
	s.HiddenCols = map[int]bool{}
	var (
		row      *compare.Row
		rowNum   int
		col      int
		cell     compare.Cell
		cellType string
		sstIdx   = -1
		inCell   bool
		inV      bool
		inF      bool
		inIS     bool
		inT      bool
		inRPh    bool
		text     strings.Builder
	)
	addText := func(b []byte) {
		if text.Len()+len(b) > lim.Text {
			cell.Cut = true
			b = b[:max(0, lim.Text-text.Len())]
		}
		text.Write(b)
	}
	return eachToken(rc, part, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "dimension":
				s.Dimension = attr(t, "ref")
			case "col":
				if attr(t, "hidden") == "1" || attr(t, "hidden") == "true" {
					lo, _ := strconv.Atoi(attr(t, "min"))
					hi, _ := strconv.Atoi(attr(t, "max"))
					for c := max(lo, 1); c <= min(hi, lim.Cols); c++ {
						s.HiddenCols[c] = true
					}
				}
			case "row":
				n := rowNum + 1
				if r := attr(t, "r"); r != "" {
					if v, err := strconv.Atoi(r); err == nil && v > 0 {
						n = v
					}
				}
				rowNum, col = n, 0
				if len(s.Rows) >= lim.Rows {
					s.TooManyRows = true
					return failf("too-many-rows", "het tabblad %q heeft meer dan %d rijen; een tabblad van de PvE heeft er hooguit enkele honderden",
						"the sheet %q has more than %d rows; a sheet of the PvE has a few hundred at most", s.Name, lim.Rows)
				}
				row = &compare.Row{Num: n}
			case "c":
				if row == nil {
					return nil
				}
				c := col + 1
				if ref := attr(t, "r"); ref != "" {
					if cc, rr := splitRef(ref); cc > 0 && (rr == 0 || rr == rowNum) {
						c = cc
					}
				}
				col = c
				cell, cellType, sstIdx, inCell = compare.Cell{}, attr(t, "t"), -1, true
				text.Reset()
			case "v":
				inV = inCell
				text.Reset()
			case "f":
				if inCell {
					inF = true
					cell.Formula = true
					text.Reset()
				}
			case "is":
				inIS = inCell
				text.Reset()
			case "t":
				inT = inIS
			case "rPh":
				inRPh = true
			}
		case xml.CharData:
			if inV || inF || (inT && !inRPh) {
				addText(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				if inV {
					v := text.String()
					switch cellType {
					case "s":
						if i, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
							sstIdx = i
						}
						cell.Kind = compare.CellText
					case "str", "inlineStr":
						cell.Text, cell.Kind = v, compare.CellText
					case "b":
						cell.Kind = compare.CellBool
						cell.Text = "FALSE"
						if strings.TrimSpace(v) == "1" {
							cell.Text = "TRUE"
						}
					case "e":
						cell.Text, cell.Kind = v, compare.CellError
					case "d":
						cell.Text, cell.Kind = v, compare.CellDate
					default:
						cell.Text, cell.Kind = strings.TrimSpace(v), compare.CellNumber
					}
					inV = false
				}
			case "f":
				if inF {
					cell.FormulaText = text.String()
					inF = false
				}
			case "t":
				inT = false
			case "rPh":
				inRPh = false
			case "is":
				if inIS {
					cell.Text, cell.Kind = text.String(), compare.CellText
					inIS = false
				}
			case "c":
				if !inCell || row == nil {
					return nil
				}
				inCell = false
				if col > lim.Cols {
					if cell.Formula || cell.Text != "" || sstIdx >= 0 {
						row.Beyond++
					}
					return nil
				}
				for len(row.Cells) < col {
					row.Cells = append(row.Cells, compare.Cell{})
				}
				row.Cells[col-1] = cell
				if sstIdx >= 0 {
					sr.refs = append(sr.refs, sharedRef{row: row, col: col - 1, idx: sstIdx})
				}
			case "row":
				if row != nil {
					if len(row.Cells) > 0 || row.Beyond > 0 {
						s.Rows = append(s.Rows, row)
					}
					row = nil
				}
			}
		}
		return nil
	})
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// splitRef splits "K12" into column 11 and row 12 (0 when absent).
func splitRef(ref string) (col, row int) {
	i := 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > 1<<20 {
			return 0, 0
		}
	}
	for ; i < len(ref); i++ {
		if ref[i] < '0' || ref[i] > '9' {
			return col, 0
		}
		row = row*10 + int(ref[i]-'0')
		if row > 1<<21 {
			return col, 0
		}
	}
	return col, row
}

// resolveShared reads the shared strings part once and fills the cells
// that refer to it; strings nobody uses are skipped, not kept.
func (sr *sheetReader) resolveShared(part string) error {
	if len(sr.refs) == 0 {
		return nil
	}
	need := map[int][]*compare.Cell{}
	for _, r := range sr.refs {
		need[r.idx] = append(need[r.idx], &r.row.Cells[r.col])
	}
	sr.refs = sr.refs[:0]
	if part == "" || !sr.p.has(part) {
		return failf("missing-part", "de werkmap verwijst naar gedeelde teksten, maar heeft ze niet", "the workbook refers to shared strings but has none")
	}
	rc, err := sr.p.open(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	lim := sr.p.lim
	idx := -1
	var text strings.Builder
	cut, inT, inRPh, want := false, false, false, false
	err = eachToken(rc, part, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				idx++
				_, want = need[idx]
				text.Reset()
				cut = false
			case "t":
				inT = true
			case "rPh":
				inRPh = true
			}
		case xml.CharData:
			if want && inT && !inRPh {
				b := []byte(t)
				if text.Len()+len(b) > lim.Text {
					cut = true
					b = b[:max(0, lim.Text-text.Len())]
				}
				text.Write(b)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inT = false
			case "rPh":
				inRPh = false
			case "si":
				if want {
					s := text.String()
					for _, c := range need[idx] {
						c.Text, c.Cut = s, c.Cut || cut
					}
					delete(need, idx)
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(need) > 0 {
		return failf("damaged", "de werkmap verwijst naar gedeelde teksten die er niet zijn", "the workbook refers to shared strings that are missing")
	}
	return nil
}
