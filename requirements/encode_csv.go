package requirements

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// Headers returns the column names of the requirement list in lang: the
// buyer's columns of the workbook.
func Headers(lang blueprint.Lang) []string {
	if lang == blueprint.English {
		return []string{"ID", "Subject", "Requirement", "Rationale", "Kind", "Priority", "Weight", "Source", "GEMMA", "Verification"}
	}
	return []string{"ID", "Onderwerp", "Eis of wens", "Toelichting", "Soort", "Prioriteit", "Gewicht", "Bron", "GEMMA", "Verificatie"}
}

// WriteCSV writes the requirement list as CSV (RFC 4180, comma-separated,
// UTF-8): a header, then one line per requirement with the block, the
// buyer's columns, the GEMMA Object IDs, the number of journeys and steps
// that need it, and the fingerprint. A cell that a spreadsheet would read as
// a formula (starting with = + - @, a tab or a carriage return) is escaped
// with a leading apostrophe.
func WriteCSV(w io.Writer, res *Result, meta Meta) error {
	lang := res.Lang
	cw := csv.NewWriter(w)
	head := append([]string{blueprint.T(lang, "Blok", "Block")}, Headers(lang)...)
	head = append(head, blueprint.T(lang, "GEMMA Object ID's", "GEMMA Object IDs"),
		blueprint.T(lang, "Klantreizen", "Journeys"), blueprint.T(lang, "Stappen", "Steps"),
		blueprint.T(lang, "Vingerafdruk", "Fingerprint"))
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, row := range res.Rows {
		rec := []string{row.Block.Name(lang)}
		rec = append(rec, BuyerCells(row, lang)...)
		rec = append(rec, GemmaIDs(row), strconv.Itoa(row.Journeys), strconv.Itoa(row.Steps), Fingerprint(row, lang))
		for i := range rec {
			rec[i] = EscapeCell(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// EscapeCell keeps a spreadsheet from reading text as a formula (CSV
// injection): text starting with = + - @, a tab or a carriage return gets
// a leading apostrophe, which spreadsheets show as text.
func EscapeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
