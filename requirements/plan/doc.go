// Package plan turns the knelpunten of the journeys into the verbeterplan,
// and the journeys into the coverage of the dienstverleningsvisie. It is a
// stage beside the requirements derivation: it reads a loaded
// blueprint.Model and imports nothing of render or of the requirements
// catalogue.
//
// Derive (pure: model in, Plan out) finds every knelpunt — the pain points
// of the steps, the steps with a fail point, a long wait, an emotion of
// LowEmotion or lower or a repeat contact, and the knelpunten of employee
// personas — and links each to the verbeteracties that answer it. A
// rejected action (status afgewezen) answers nothing but stays visible
// with its reason; a done one solves what it answers. The Plan lists the
// knelpunten no action answers first, the actions per owner, the rejected
// actions, the metrics with their last measurement against the norm, and,
// per journey and per employee persona, everything in detail. Vision
// derives from a Plan the Coverage of the visie statements of the project:
// per statement the journeys that test it (untested statements first),
// their lowest and average emotion, their knelpunten without an action and
// their actions.
//
// The result types are plain exported structs with JSON tags, so that the
// journey site can build pages from them. The encoders write them to an
// io.Writer: WriteMarkdown and WriteJSON (the verbeterplan),
// WriteVisionMarkdown and WriteVisionJSON (the visie); the workbook is
// xlsx.WritePlan in requirements/xlsx, the one package that writes
// workbooks.
//
// The files:
//
//   - plan.go: Options and the result types.
//   - derive.go: Derive and its passes (journeys, employees, answers,
//     summary).
//   - vision.go: Coverage, Statement and Vision.
//   - names.go: the words for statuses, horizons, kinds and verdicts in
//     both languages.
//   - encode_md.go, encode_vision.go, encode_json.go: the encoders.
//
// How a gemeente uses them is in docs/verbeterplan.md.
package plan
