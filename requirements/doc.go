// Package requirements is the stage of the pipeline that turns customer
// journeys into the Programma van Eisen (PvE) of the KCC basisvoorziening.
//
// It has three parts:
//
//   - The catalogue (Catalogue, Builtin, LoadCatalogue): the seven functional
//     blocks, their functions and their requirements, the derivation rules
//     and the GEMMA elements the requirements belong to. It is data: the
//     embedded catalogue.toml, which a tender may replace or extend with its
//     own file (blueprint matrix --catalogue FILE).
//   - Derivation (Derive): a pure function from a loaded blueprint.Model and
//     a catalogue to a Result: the requirement rows with their proposed
//     priority and their traces to the journeys, phases, steps and personas
//     that need them, the trace from every step to its requirements, and the
//     catalogue functions no journey needs.
//   - Encoders (WriteCSV, WriteJSON, WriteMarkdown, and the workbook in the
//     sub-package requirements/xlsx): each writes a Result to an io.Writer.
//
// The format of the catalogue, the rules, the syntax of behoeften and
// [[prioriteit]], and the scoring method are described in
// docs/requirements.md.
package requirements
