// Package requirements is the stage of the pipeline that turns customer
// journeys into the Programma van Eisen (PvE) of the KCC basisvoorziening.
// It reads a loaded blueprint.Model and imports nothing of render.
//
// It has three parts:
//
//   - The catalogue (Catalogue, Builtin, LoadCatalogue, ReadCatalogueFile):
//     the seven functional blocks, their functions and their requirements,
//     the derivation rules and the GEMMA elements the requirements belong
//     to. It is data: the embedded catalogue.toml, which a tender may
//     replace or extend with its own file (blueprint matrix --catalogue
//     FILE). Loading checks it in named passes and reports every problem at
//     once, with file:line:col.
//   - Derivation (Derive): a pure function from a loaded blueprint.Model and
//     a catalogue to a Result: the requirement rows with their proposed
//     priority and their traces to the journeys, phases, steps and personas
//     that need them, the trace from every step to its requirements, and the
//     catalogue functions no journey needs. Derive runs as a list of passes
//     that gather evidence per requirement, then one that makes the rows.
//   - Encoders (WriteCSV, WriteJSON, WriteMarkdown, and the workbook in the
//     sub-package requirements/xlsx): each writes a Result to an io.Writer.
//     The sub-package requirements/formats is the table of these formats
//     (name, extension, encoder) that the CLI chooses from.
//
// The files:
//
//   - catalogue.go: the catalogue's types (blocks, functions, requirements,
//     rules and their conditions, answers, weights) and its lookups.
//   - load.go: the built-in catalogue, LoadCatalogue and ReadCatalogueFile,
//     and the merge of an extension (uitbreiden = true) into the built-in.
//   - check.go: the validation passes over a catalogue, and checkReferences,
//     which Derive runs against the journeys' vocabulary.
//   - result.go: what Derive returns (Result, Row, Trace, Priority).
//   - derive.go: Options, Derive and its passes in order, the pass over a
//     journey, and the last pass that turns evidence into rows.
//   - evidence.go: the evidence gathered per requirement, the free-text
//     needs no rule recognised, and what needed requirements require.
//   - refs.go: a step's eisen (requirement ids and function keys), and
//     CheckReferences, which blueprint validate runs: every reference
//     Derive would reject.
//   - rules.go: applying the step, phase and text rules of the catalogue.
//   - match.go: whether a step meets a rule's condition, and the values it
//     gives the reason's placeholders.
//   - reason.go: the placeholders of a rule's reason and how they are filled.
//   - priority.go: [[prioriteit]] overrides and the MoSCoW priority proposed
//     from the evidence.
//   - meta.go: Meta (tender, version, source hash), the fingerprint of a
//     row, the cell texts that every encoder shares (cut to what a cell
//     holds), and the one vocabulary of eisen and wensen (CountText).
//   - method.go: Method, the assessment method a PvE publishes and
//     blueprint compare applies; its defaults and the scoring file.
//   - encode_csv.go, encode_json.go, encode_md.go: the text encoders.
//
// The sub-package requirements/compare checks vendor responses against the
// master PvE, scores and ranks them. The sub-package requirements/gemma
// reads the GEMMA ArchiMate model (an exchange file or Archi's CSV export,
// or the embedded KCC extract) and defines gemma.Element, the type of the
// catalogue's [[gemma]] entries; requirements/gemma/coverage computes which
// KCC-relevant GEMMA elements the derived requirements cover;
// requirements/archimate exports the journeys, the requirements and their
// GEMMA elements as an ArchiMate exchange file.
// The sub-package requirements/plan derives the verbeterplan and the
// coverage of the dienstverleningsvisie from the same journeys.
//
// The format of the catalogue, the rules, the syntax of behoeften and
// [[prioriteit]], and the scoring method are described in
// docs/requirements.md.
package requirements
