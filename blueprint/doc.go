// Package blueprint is the first stage of the pipeline: the model of a
// customer journey (klantreis) drawn as a service blueprint, its TOML
// format, loading, and validation.
//
// # Model
//
// A Model holds the journeys of one run, the optional Project of the
// folder's blueprint.toml, the personas and the Vocabulary of channels,
// actors, systems, domains and question types (built in, plus the
// project's own). A Journey has Phases (with Metrics) and Steps; a Step
// fills the lanes of the blueprint (Evidence, CustomerAction, Frontstage,
// Backstage, Support), carries the customer's Emotion on the scale -2..+2,
// pain points, success factors, fail and repeat-contact marks, explicit
// functional Needs, the flow to next steps and Handoffs between actors.
// A Metric may name a metric of the built-in catalogue (MetricCatalogue,
// metrics.go) and carries Measurements; measure.go reads its norm as a
// number and judges the last measurement against it (Judge, Trend).
// Improvements (verbeteracties) point at steps, pain points, persona
// knelpunten and metrics, with a status, horizon, target date, reason and
// expected Effects; Model.Appearances says where a persona acts. The structs
// are plain; their `toml` tags give the Dutch keys of the format
// (docs/format.md); each embeds Source, the position where it was written.
//
// # Loading
//
// LoadFiles (in memory), Load (one file) and LoadPaths/LoadDir (from disk)
// decode and validate. They never stop at the first problem: the returned
// Diagnostics hold every problem with its file:line:col, sorted, in Dutch
// or English (Options.Lang), each with the likely fix. The TOML library
// reports positions for syntax errors only; index.go builds an index of
// every header, key and array element from the source text so that
// semantic checks can point at the exact line. DecodeTOML offers the same
// decoding to other packages (the requirements catalogue).
//
// # Validation
//
// validate.go runs a list of named passes (PassNames): ids, references,
// phase order, the emotion scale, customer actions, hand-offs, flow,
// metrics and improvements (validate_plan.go), priorities, and
// completeness warnings.
//
// # Diagnostics
//
// Diagnostic and Diagnostics are the one diagnostics type of the project;
// Collector gathers them in one language for every stage that reads
// outside input (this loader, the requirements catalogue, vendor
// workbooks, GEMMA files). A Pos is file:line:col in a text file, or a
// cell of a workbook (CellPos: pve.xlsx:'1 Klantgeleiding'!K12).
//
// # Output helpers
//
// DiagnosticWriter prints diagnostics with a source snippet and caret;
// WriteDiagnosticsJSON writes them for tools. JourneySchema and
// ProjectSchema generate the JSON Schemas in docs/. StarterJourney is the
// template of `blueprint init`. Summarize counts what an adviser checks
// first.
//
// Synthetic journeys for the tests and benchmarks of every stage come from
// the sub-package blueprinttest.
package blueprint
