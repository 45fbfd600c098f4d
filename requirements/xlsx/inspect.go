package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/compare"
)

// Info is what Inspect found in a workbook.
type Info struct {
	// Ours is true when the workbook has the metadata sheet of a PvE
	// written by this package.
	Ours bool
	// Pristine is true when the workbook is provably an unanswered PvE as
	// Write wrote it: ours, every block row where _meta says with its
	// fingerprint, no vendor cell filled in (no value, no formula), no
	// sheet, row or column added or moved. Only such a file may be
	// replaced without --force.
	Pristine bool
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
	// reasons say why the workbook is not pristine.
	reasons []reason
}

type reason struct{ nl, en string }

// Reasons says, in lang, why the workbook is not pristine: at most a few
// lines, the most telling first.
func (info *Info) Reasons(lang blueprint.Lang) []string {
	var out []string
	for _, r := range info.reasons {
		out = append(out, blueprint.T(lang, r.nl, r.en))
	}
	return out
}

func (info *Info) not(nl, en string, args ...any) {
	if len(info.reasons) < 5 {
		info.reasons = append(info.reasons, reason{fmt.Sprintf(nl, args...), fmt.Sprintf(en, args...)})
	}
}

// InspectFile inspects the workbook at path (see Inspect).
func InspectFile(path string) (*Info, error) { return inspectPath(path, Inspect) }

// InspectError is returned when a workbook cannot be read at all.
type InspectError struct{ err error }

func (e *InspectError) Error() string { return e.err.Error() }

// Text returns the message in lang.
func (e *InspectError) Text(lang blueprint.Lang) string { return describe(e.err, lang) }

// Inspect reads a workbook of size bytes (untrusted, with DefaultLimits)
// and reports whether it is a PvE written by Write, whether it holds
// vendor answers, and whether it is provably unanswered (Info.Pristine).
// It fails closed: whatever cannot be read or checked is not pristine.
func Inspect(r io.ReaderAt, size int64) (*Info, error) {
	book, err := ReadBook("", r, size, DefaultLimits)
	if err != nil {
		return nil, &InspectError{err}
	}
	info := &Info{}
	m := book.Meta
	if m == nil {
		return info, nil
	}
	info.Schema, info.TenderID, info.Version, info.SourceHash = m.Schema, m.TenderID, m.Version, m.SourceHash
	info.Ours = m.Schema > 0
	if !info.Ours {
		return info, nil
	}
	info.Pristine = true
	defer func() { info.Pristine = len(info.reasons) == 0 }()
	if m.Schema > requirements.SchemaVersion || !strings.HasPrefix(m.Generator, "blueprint") && m.Schema >= 2 {
		info.not("het is een PvE van een andere versie van blueprint (schema %d)", "it is a PvE of another version of blueprint (schema %d)", m.Schema)
	}
	if m.Schema == requirements.SchemaVersion {
		for c := colID; c <= numCols; c++ {
			if m.Columns[columnKeys[c]] != colName(c) {
				info.not("het tabblad _meta is gewijzigd (kolom %s)", "the _meta sheet was changed (column %s)", columnKeys[c])
				break
			}
		}
	}
	l := compare.LayoutOf(book)
	keyCol, fpCol := l.Columns[compare.ColRowKey], l.Columns[compare.ColFingerprint]
	var vendorCols []int
	for _, k := range compare.VendorColumns {
		if n := l.Columns[k]; n > 0 {
			vendorCols = append(vendorCols, n)
		}
	}
	if len(vendorCols) == 0 || keyCol == 0 {
		info.not("het tabblad _meta zegt niet waar de antwoorden staan", "the _meta sheet does not say where the answers are")
		return info, nil
	}
	blockSheets := map[string]bool{}
	for _, mb := range m.Blocks {
		blockSheets[mb.Sheet] = true
		s := book.Sheet(mb.Sheet)
		if s == nil || !s.Read {
			info.not("het tabblad %q ontbreekt of is hernoemd", "the sheet %q is missing or was renamed", mb.Sheet)
			continue
		}
		answered, keys := 0, 0
		for _, row := range s.Rows {
			if row.Num <= l.HeaderRow {
				continue
			}
			filled := false
			for _, c := range vendorCols {
				if !row.At(c).IsEmpty() {
					filled = true
				}
			}
			if filled {
				answered++
			}
			key := strings.TrimSpace(row.At(keyCol).Text)
			inRange := mb.Count > 0 && row.Num >= mb.First && row.Num <= mb.Last
			switch {
			case inRange && key == "":
				info.not("%s, rij %d: de rij-sleutel ontbreekt (rijen ingevoegd of verwijderd?)", "%s, row %d: the row key is missing (rows inserted or deleted?)", s.Name, row.Num)
			case inRange:
				keys++
				if m.Schema == requirements.SchemaVersion {
					cells := make([]string, len(compare.BuyerColumns))
					for i, k := range compare.BuyerColumns {
						cells[i] = row.At(l.Columns[k]).Text
					}
					if requirements.FingerprintCells(cells) != strings.TrimSpace(row.At(fpCol).Text) {
						info.not("%s, rij %d (%s): de eis is gewijzigd", "%s, row %d (%s): the requirement was changed", s.Name, row.Num, key)
					}
				}
			case key != "" || len(row.Cells) > 0 && !blankBeyond(row, l.HeaderRow):
				info.not("%s, rij %d: een rij buiten de eisen en wensen (ingevoegd of verplaatst?)", "%s, row %d: a row outside the requirements (inserted or moved?)", s.Name, row.Num)
			}
		}
		if keys != mb.Count {
			info.not("%s heeft %d rijen met een rij-sleutel; de PvE schreef er %d", "%s has %d rows with a row key; the PvE wrote %d", s.Name, keys, mb.Count)
		}
		if answered > 0 {
			info.Answered += answered
			info.Sheets = append(info.Sheets, s.Name)
		}
	}
	if info.Answered > 0 {
		info.reasons = append([]reason{{
			fmt.Sprintf("bevat antwoorden van een leverancier (%d regels op %s)", info.Answered, strings.Join(info.Sheets, ", ")),
			fmt.Sprintf("holds vendor answers (%d rows on %s)", info.Answered, strings.Join(info.Sheets, ", ")),
		}}, info.reasons...)
	}
	if p := m.Price; p != nil {
		s := book.Sheet(p.Sheet)
		if s == nil || !s.Read {
			info.not("het prijsblad %q ontbreekt of is hernoemd", "the price sheet %q is missing or was renamed", p.Sheet)
		} else {
			col := colNumber(p.Column)
			for _, key := range []string{PriceParty, PriceOnce, PriceLicence, PriceService} {
				if !s.Row(p.Rows[key]).At(col).IsEmpty() {
					info.not("het prijsblad is ingevuld (%s)", "the price sheet is filled in (%s)", compare.Ref(col, p.Rows[key]))
					break
				}
			}
		}
	}
	if m.Schema == requirements.SchemaVersion {
		known := map[string]bool{}
		for _, s := range m.Sheets {
			known[s.Name] = true
		}
		for _, s := range book.Sheets {
			if !known[s.Name] {
				info.not("het tabblad %q hoort niet bij de PvE", "the sheet %q is not part of the PvE", s.Name)
			}
		}
	}
	return info, nil
}

// blankBeyond reports whether a row outside the requirements holds only
// what Write puts there (nothing, or the note of an empty block).
func blankBeyond(row *compare.Row, header int) bool {
	n := 0
	for _, c := range row.Cells {
		if !c.IsEmpty() {
			n++
		}
	}
	return n <= 1 && row.Num == header+1
}

func colNumber(letters string) int {
	n, err := excelize.ColumnNameToNumber(letters)
	if err != nil {
		return 0
	}
	return n
}
