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
//   - Prijsblad: the tenderer's name and prices.
//   - Samenvatting: the tenderer's indicative self-check: counts per
//     block, answered, unanswered and invalid, eisen not met and the
//     score, as formulas that update while the vendor fills in.
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
// Reading is separate from excelize: a returned workbook is untrusted, so
// ReadBook opens the zip itself within Limits (parts unpacked once and
// counted, CRCs checked) and parses the sheets that can hold answers as a
// stream into a compare.Book. Inspect uses it to tell whether a file is
// provably an unanswered PvE (Info.Pristine), so that blueprint matrix
// never replaces anything else without --force. WriteComparison writes
// the comparison workbook of blueprint compare; WriteCarried writes a new
// version with the answers of an earlier one (PlanCarry).
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
//   - intro_method.go: the Toelichting's eisen and wensen, answer codes and
//     assessment method, from the one requirements.Method.
//   - price.go: the Prijsblad.
//   - carry.go: --carry-answers (PlanCarry, the Wijzigingen sheet).
//   - zipread.go: Limits and the checked opening of an untrusted zip.
//   - sheetread.go: streaming parsers of the workbook, sheets and shared
//     strings.
//   - read.go: ReadBook, ReadBookFile, ReadBooks.
//   - inspect.go: Inspect and InspectFile (the fail-closed overwrite check).
//   - comparison.go: WriteComparison.
//   - fill.go: FillResponse and the generated Examples (tests, make demo).
//   - verbeterplan.go: WritePlan, the verbeterplan workbook of an
//     improvement team: its writer, the Toelichting and a hidden _meta
//     sheet with a fingerprint of the team's cells per row. It shares the
//     PvE's writer, styles, page setup and helpers.
//   - verbeterplan_sheets.go: the lists of the plan (Verbeteracties with
//     status and horizon as drop-downs, Knelpunten with the unanswered
//     first, Per eigenaar as formulas, Meetpunten).
//   - verbeterplan_inspect.go: InspectPlan, which reads the workbook back
//     with ReadBook and tells whether the team changed any of its cells.
package xlsx
