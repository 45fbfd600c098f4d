package compare

import (
	"fmt"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// Column keys of a block sheet, as the _meta sheet names them.
const (
	ColID           = "id"
	ColTitle        = "title"
	ColText         = "text"
	ColRationale    = "rationale"
	ColKind         = "kind"
	ColPriority     = "priority"
	ColWeight       = "weight"
	ColSource       = "source"
	ColGemma        = "gemma"
	ColVerification = "verification"
	ColAnswer       = "answer"
	ColRoadmap      = "roadmap_date"
	ColNote         = "vendor_note"
	ColEvidence     = "evidence"
	ColRowKey       = "row_key"
	ColFingerprint  = "fingerprint"
)

// BuyerColumns are the keys of the buyer's columns in the order of
// requirements.BuyerCells.
var BuyerColumns = []string{ColID, ColTitle, ColText, ColRationale, ColKind, ColPriority, ColWeight, ColSource, ColGemma, ColVerification}

// VendorColumns are the keys of the columns a vendor fills in.
var VendorColumns = []string{ColAnswer, ColRoadmap, ColNote, ColEvidence}

// schema1Columns is the layout of schema 1, whose _meta named only some
// columns.
var schema1Columns = map[string]string{
	ColID: "A", ColTitle: "B", ColText: "C", ColRationale: "D", ColKind: "E", ColPriority: "F", ColWeight: "G",
	ColSource: "H", ColGemma: "I", ColVerification: "J", ColAnswer: "K", ColRoadmap: "L", ColNote: "M", ColEvidence: "N",
	ColRowKey: "O", ColFingerprint: "P",
}

// Layout is where the block rows of a PvE are: the columns by key (from
// _meta), the header texts by key (from the reference's own header row),
// the header row, and which block each row key belongs to.
type Layout struct {
	Columns   map[string]int
	Headers   map[string]string
	HeaderRow int
	// Keys maps a row key to the block code.
	Keys map[string]string
	// Order lists the row keys in the order of the reference.
	Order []string
	// Blocks are the block sheets of the reference.
	Blocks []MetaBlock
	// Places are where each key is in the reference: sheet and row.
	Places map[string]Place
}

// Place is a row of a sheet.
type Place struct {
	Sheet string
	Row   int
}

// colNumber turns "K" into 11 (0 when it is not a column).
func colNumber(letters string) int {
	n := 0
	for _, c := range strings.ToUpper(letters) {
		if c < 'A' || c > 'Z' {
			return 0
		}
		n = n*26 + int(c-'A'+1)
		if n > 16384 {
			return 0
		}
	}
	return n
}

// ColName turns 11 into "K".
func ColName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// Ref is the cell reference of column col, row row ("K12").
func Ref(col, row int) string { return fmt.Sprintf("%s%d", ColName(col), row) }

// LayoutOf reads the layout of a PvE from its own _meta and sheets. It is
// the reference against which a response is located: the buyer's master,
// or for --carry-answers the earlier version itself.
func LayoutOf(b *Book) *Layout {
	m := b.Meta
	l := &Layout{Columns: map[string]int{}, Headers: map[string]string{}, HeaderRow: m.HeaderRow, Keys: map[string]string{},
		Blocks: m.Blocks, Places: map[string]Place{}}
	if l.HeaderRow < 1 {
		l.HeaderRow = 3
	}
	if m.Schema <= 1 {
		for k, v := range schema1Columns {
			l.Columns[k] = colNumber(v)
		}
	}
	for k, v := range m.Columns {
		if n := colNumber(v); n > 0 {
			l.Columns[k] = n
		}
	}
	keyCol := l.Columns[ColRowKey]
	for _, mb := range m.Blocks {
		s := b.Sheet(mb.Sheet)
		if s == nil {
			continue
		}
		if len(l.Headers) == 0 {
			if hr := s.Row(l.HeaderRow); hr != nil {
				for k, c := range l.Columns {
					if t := strings.TrimSpace(hr.At(c).Text); t != "" {
						l.Headers[k] = t
					}
				}
			}
		}
		for _, r := range s.Rows {
			if r.Num < mb.First || r.Num > mb.Last {
				continue
			}
			key := strings.TrimSpace(r.At(keyCol).Text)
			if key == "" {
				continue
			}
			if _, dup := l.Keys[key]; !dup {
				l.Keys[key] = mb.Code
				l.Order = append(l.Order, key)
				l.Places[key] = Place{Sheet: s.Name, Row: r.Num}
			}
		}
	}
	return l
}

// Found is a block row found in a workbook by its row key.
type Found struct {
	Key   string
	Sheet *Sheet
	Row   *Row
	// Cols are the columns of this sheet by key (they may differ from the
	// reference when columns were inserted or moved).
	Cols map[string]int
}

// Cell returns the cell of the row in the column key, and its position.
func (f *Found) Cell(file, key string) (Cell, blueprint.Pos) {
	c := f.Cols[key]
	return f.Row.At(c), blueprint.CellPos(file, f.Sheet.Name, Ref(c, f.Row.Num))
}

// Located is the result of Locate: the rows by key, and which sheet holds
// each block.
type Located struct {
	Rows   map[string]*Found
	Sheets map[string]*Sheet // block code → sheet
}

// Locate finds the rows of the reference layout l in book, by row key
// rather than position: sheets by the block they hold, columns by their
// header, rows by key. Whatever differs from the reference (a renamed
// sheet, inserted, deleted or moved rows, moved or hidden columns, rows
// that are not the PvE's) is reported to c as a warning; a requirement
// with two rows is an error, and its rows are not used.
func Locate(book *Book, l *Layout, c *blueprint.Collector) *Located {
	out := &Located{Rows: map[string]*Found{}, Sheets: map[string]*Sheet{}}
	file := book.File
	type hit struct {
		sheet *Sheet
		row   *Row
		cols  map[string]int
	}
	hits := map[string][]hit{}
	perSheet := map[*Sheet]map[string]int{} // block code → count of its keys
	for _, s := range book.Sheets {
		if !s.Read || s.Name == MetaSheet {
			continue
		}
		cols, header := sheetColumns(s, l)
		keyCol := cols[ColRowKey]
		counts := map[string]int{}
		for _, r := range s.Rows {
			if r.Num <= header {
				continue
			}
			key := strings.TrimSpace(r.At(keyCol).Text)
			if _, ok := l.Keys[key]; !ok {
				continue
			}
			hits[key] = append(hits[key], hit{s, r, cols})
			counts[l.Keys[key]]++
		}
		if len(counts) > 0 {
			perSheet[s] = counts
		}
	}
	// The sheet of a block is the one holding most of its rows.
	for _, mb := range l.Blocks {
		var best *Sheet
		for _, s := range book.Sheets {
			if n := perSheet[s][mb.Code]; n > 0 && (best == nil || n > perSheet[best][mb.Code]) {
				best = s
			}
		}
		if best == nil {
			if mb.Count > 0 {
				d := c.Errorf(blueprint.Pos{File: file, Sheet: mb.Sheet}, "sheet-missing", "het tabblad %q (blok %s) ontbreekt of heeft geen rij van de PvE", "the sheet %q (block %s) is missing or holds no row of the PvE", mb.Sheet, mb.Code)
				c.Hint(d, "de %d eisen en wensen van dit blok tellen als onbeantwoord", "the %d requirements of this block count as unanswered", mb.Count)
			}
			continue
		}
		out.Sheets[mb.Code] = best
		if best.Name != mb.Sheet {
			d := c.Warnf(blueprint.Pos{File: file, Sheet: best.Name}, "sheet-renamed", "het tabblad %q heet hier %q; gelezen op de rij-sleutels van blok %s",
				"the sheet %q is called %q here; read by the row keys of block %s", mb.Sheet, best.Name, mb.Code)
			c.Hint(d, "de inschrijver heeft het tabblad hernoemd; de antwoorden tellen gewoon", "the tenderer renamed the sheet; the answers count as usual")
		}
	}
	moved := map[*Sheet][]string{}
	for _, key := range l.Order {
		hs := hits[key]
		switch {
		case len(hs) == 0:
			continue
		case len(hs) > 1:
			var where []string
			for _, h := range hs {
				where = append(where, blueprint.CellPos(file, h.sheet.Name, Ref(h.cols[ColRowKey], h.row.Num)).String())
			}
			d := c.Errorf(blueprint.CellPos(file, hs[0].sheet.Name, Ref(hs[0].cols[ColRowKey], hs[0].row.Num)), "duplicate-row",
				"%s staat %d keer in de inschrijving (%s); geen van de rijen telt", "%s is in the response %d times (%s); none of the rows counts",
				key, len(hs), strings.Join(where, ", "))
			c.Hint(d, "vraag de inschrijver welk antwoord geldt (nota van inlichtingen of verificatie)", "ask the tenderer which answer applies")
			continue
		}
		h := hs[0]
		out.Rows[key] = &Found{Key: key, Sheet: h.sheet, Row: h.row, Cols: h.cols}
		if p := l.Places[key]; p.Row != h.row.Num || out.Sheets[l.Keys[key]] != h.sheet {
			moved[h.sheet] = append(moved[h.sheet], key)
		}
	}
	for _, s := range book.Sheets {
		if keys := moved[s]; len(keys) > 0 {
			d := c.Warnf(blueprint.Pos{File: file, Sheet: s.Name}, "rows-moved", "%d eisen en wensen staan niet op hun eigen rij (%s); gelezen op rij-sleutel",
				"%d requirements are not on their own row (%s); read by row key", len(keys), shortList(keys, 6))
			c.Hint(d, "de inschrijver heeft rijen ingevoegd, verwijderd of verplaatst", "the tenderer inserted, deleted or moved rows")
		}
	}
	strayRows(book, l, out, c)
	return out
}

// sheetColumns finds the header row of a sheet (the reference's, or a row
// near it when rows were inserted above it) and the columns by their
// header text; a column whose header is not found keeps its reference
// letter.
func sheetColumns(s *Sheet, l *Layout) (map[string]int, int) {
	cols := make(map[string]int, len(l.Columns))
	for k, v := range l.Columns {
		cols[k] = v
	}
	if len(l.Headers) == 0 {
		return cols, l.HeaderRow
	}
	best, bestN := l.HeaderRow, 0
	var bestRow *Row
	for _, r := range s.Rows {
		if r.Num > l.HeaderRow+50 {
			break
		}
		n := 0
		for _, c := range r.Cells {
			for _, h := range l.Headers {
				if strings.TrimSpace(c.Text) == h {
					n++
					break
				}
			}
		}
		if n > bestN {
			best, bestN, bestRow = r.Num, n, r
		}
	}
	if bestRow == nil || bestN < len(l.Headers)/2 {
		return cols, l.HeaderRow
	}
	for k, h := range l.Headers {
		if strings.TrimSpace(bestRow.At(cols[k]).Text) == h {
			continue
		}
		for i, c := range bestRow.Cells {
			if strings.TrimSpace(c.Text) == h {
				cols[k] = i + 1
				break
			}
		}
	}
	return cols, best
}

// strayRows reports rows on the block sheets that are not the PvE's but
// hold something in a vendor column (an inserted row with an answer, a
// row whose key was changed), and columns that moved or were hidden.
func strayRows(book *Book, l *Layout, loc *Located, c *blueprint.Collector) {
	file := book.File
	for _, mb := range l.Blocks {
		s := loc.Sheets[mb.Code]
		if s == nil {
			continue
		}
		cols, header := sheetColumns(s, l)
		var movedCols []string
		for _, k := range append(append([]string{}, BuyerColumns...), VendorColumns...) {
			if cols[k] != l.Columns[k] && l.Columns[k] > 0 {
				movedCols = append(movedCols, fmt.Sprintf("%s → %s", ColName(l.Columns[k]), ColName(cols[k])))
			}
		}
		if len(movedCols) > 0 {
			d := c.Warnf(blueprint.Pos{File: file, Sheet: s.Name}, "columns-moved", "kolommen verschoven (%s); gelezen op de kolomkoppen",
				"columns moved (%s); read by the column headers", strings.Join(movedCols, ", "))
			c.Hint(d, "de inschrijver heeft kolommen ingevoegd of verplaatst", "the tenderer inserted or moved columns")
		}
		for _, k := range append(append([]string{}, BuyerColumns...), VendorColumns...) {
			if col := cols[k]; s.HiddenCols[col] {
				c.Warnf(blueprint.CellPos(file, s.Name, Ref(col, header)), "column-hidden", "de kolom %s (%s) is verborgen", "the column %s (%s) is hidden",
					ColName(col), l.Headers[k])
			}
		}
		for _, r := range s.Rows {
			if r.Num <= header {
				continue
			}
			key := strings.TrimSpace(r.At(cols[ColRowKey]).Text)
			if f := loc.Rows[key]; f != nil && f.Row == r {
				continue
			}
			if _, ok := l.Keys[key]; ok {
				continue // a duplicate, reported already
			}
			var what []string
			for _, k := range VendorColumns {
				if v := r.At(cols[k]); !v.IsEmpty() {
					what = append(what, fmt.Sprintf("%s %s", ColName(cols[k]), Quote(cellText(v), 60)))
				}
			}
			if len(what) == 0 {
				continue
			}
			pos := blueprint.CellPos(file, s.Name, Ref(cols[ColAnswer], r.Num))
			if key != "" {
				d := c.Warnf(pos, "unknown-row", "rij %d heeft rij-sleutel %s, die de PvE niet kent; niet meegeteld: %s", "row %d has the row key %s, which the PvE does not have; not counted: %s",
					r.Num, Quote(key, 40), strings.Join(what, "; "))
				c.Hint(d, "de inschrijver heeft een rij toegevoegd of een rij-sleutel gewijzigd", "the tenderer added a row or changed a row key")
				continue
			}
			d := c.Warnf(pos, "unknown-row", "rij %d hoort niet bij de PvE (geen rij-sleutel); niet meegeteld: %s", "row %d is not part of the PvE (no row key); not counted: %s",
				r.Num, strings.Join(what, "; "))
			c.Hint(d, "een ingevoegde rij: lees wat de inschrijver er schreef, het telt niet mee in de score", "an inserted row: read what the tenderer wrote there; it does not count in the score")
		}
	}
}

// cellText is what a cell shows as text, with a formula as =….
func cellText(c Cell) string {
	if c.Formula && c.Text == "" {
		return "=" + c.FormulaText
	}
	return c.Text
}

// Quote quotes s for a message, cut to about n characters, on one line.
func Quote(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > n {
		s = string(r[:n]) + "…"
	}
	return `"` + s + `"`
}

func shortList(xs []string, n int) string {
	if len(xs) <= n {
		return strings.Join(xs, ", ")
	}
	return strings.Join(xs[:n], ", ") + fmt.Sprintf(" …+%d", len(xs)-n)
}
