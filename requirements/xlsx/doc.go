// Package xlsx writes the Programma van Eisen (PvE) workbook that a
// procurement team sends to market parties, and inspects a returned
// workbook for vendor answers. It is the only package that imports
// excelize.
//
// The workbook (Write) has these sheets, in this order:
//
//   - Toelichting: what the document is, how to answer, the answer codes
//     and their scores, the scoring method and weights, the knock-out rule,
//     the version and the source journeys, the GEMMA elements referred to.
//   - One sheet per block ("1 Klantgeleiding" … "7 Infrastructuur"): the
//     buyer's columns (locked) and the vendor's columns (unlocked,
//     highlighted, with a drop-down of answer codes and a date check),
//     frozen header and ID columns, an autofilter, colours per answer, and
//     hidden technical columns: a row key, a fingerprint of the buyer's
//     cells, and the formulas that score each row.
//   - GEMMA: the GEMMA elements the requirements name × the requirements,
//     with their Object IDs, their GEMMA status and the release.
//   - Traceerbaarheid: requirements × journeys (or, for many journeys, one
//     line per requirement and step), so a reader sees where each
//     requirement came from.
//   - Samenvatting: counts per block, answered and unanswered, knock-out
//     failures and the score, as formulas that update while the vendor
//     fills in.
//   - _meta (hidden): schema version, tender id and version, catalogue,
//     hash of the source journeys, and where the answer columns are; the
//     importer of vendor answers reads it.
//
// Every sheet is protected without a password unless Meta.Password is set
// (a legacy hash, so the bytes stay the same for the same input); the
// workbook structure is locked so sheets cannot be added, removed or shown.
// The same input gives the same bytes: document dates come from Meta.Date
// or are a fixed 1980-01-01.
//
// Inspect reads a workbook (at most MaxWorkbookSize bytes) and tells
// whether it is a PvE written by this package and how many rows hold vendor
// answers, so that the CLI never overwrites answers without --force.
//
// The files:
//
//   - write.go: Write, the order of the sheets, page setup, protection and
//     the small cell and formula helpers.
//   - layout.go: the rows and columns of a block sheet (which the _meta
//     sheet records for the importer), the sheet names and the colours of
//     the answers.
//   - styles.go: colours and cell styles.
//   - intro.go: the Toelichting sheet.
//   - sheets.go: the block sheets, the Samenvatting and the _meta sheet.
//   - trace.go: the Traceerbaarheid sheet, streamed, as a matrix or a list.
//   - gemma_sheet.go: the GEMMA sheet, and WriteCoverage, the workbook of
//     the GEMMA coverage (blueprint gemma --format xlsx).
//   - inspect.go: Inspect and InspectFile.
package xlsx
