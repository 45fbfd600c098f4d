// Package compare is the pure part of reading vendor responses back: it
// checks each response against the buyer's own PvE (the master), scores,
// gates and ranks the parties, and tells how sensitive the ranking is to
// the weights. It imports no workbook library: requirements/xlsx reads the
// files into a Book (cells, sheets, the _meta sheet) and writes the
// comparison workbook; this package decides.
//
// The road from files to an award:
//
//   - MasterFrom turns the buyer's PvE into the Master: the requirements
//     with the texts, kinds, priorities and weights that count, the
//     layout (LayoutOf) and the published requirements.Method.
//   - Check reads one response against the master: rows by row key,
//     sheets by the block they hold, columns by header (Locate); every
//     changed buyer cell, every answer that is not from the list, a
//     formula, a roadmap without a date, a missing price is a finding
//     (blueprint.Diagnostic with the cell's position), and the result is
//     the canonical answers (Response).
//   - Labels names the parties (or Inschrijver A, B, … in hash order).
//   - Score scores every party per block, applies the knock-out gate and
//     the price method (weighted, or gunnen op waarde), ranks with the
//     published tie-breaks, varies the weights (sensitivity) and lists the
//     requirements that separate the parties.
//   - WriteReport (the beoordelingsverslag in Markdown), WriteText,
//     WriteCSV and WriteJSON write the Result.
//
// The files: book.go (Book, Cell, Meta, ParseMeta), locate.go (Layout,
// Locate), master.go, check.go, score.go, sensitivity.go, format.go
// (numbers, money, Markdown escaping), report.go, text.go.
package compare
