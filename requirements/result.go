package requirements

import (
	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/gemma"
)

// Result is what Derive makes of the journeys: the requirement rows of the
// matrix, with the traces both ways.
type Result struct {
	Catalogue *Catalogue
	Lang      blueprint.Lang
	// Journeys are the journeys derived from, in load order.
	Journeys []*blueprint.Journey
	// Personas are the personas whose needs and pain points were read.
	Personas []*blueprint.Persona
	// Rows are the requirements in the matrix, in catalogue order.
	Rows []*Row
	// Wont are requirements the journeys need but an override set to
	// "wont": they stay out of the matrix.
	Wont []*Row
	// Unneeded are the catalogue functions none of whose requirements a
	// journey needs.
	Unneeded []*Function
	// Steps lists, per step of every journey, the requirements it led to.
	Steps []*StepTrace
}

// Row is one requirement of the matrix with its proposed priority and the
// evidence for it.
type Row struct {
	Requirement *Requirement
	Block       *Block
	Function    *Function
	// Gemma are the requirement's GEMMA elements, resolved.
	Gemma []*gemma.Element
	// MoSCoW and Kind are the final priority and kind (after evidence and
	// overrides); Weight is the weight of a scored wish (0 for a
	// knock-out requirement).
	MoSCoW string
	Kind   string
	Weight int
	// Priority explains where MoSCoW and Kind come from.
	Priority Priority
	// Traces are the places that need the requirement, in journey order.
	Traces []*Trace
	// Journeys and Steps count the distinct journeys and steps that need
	// the requirement, directly or through a requirement that requires it.
	Journeys int
	Steps    int
	// Needed is false for a requirement included only because
	// Options.IncludeUnneeded asked for it.
	Needed bool
}

// Priority sources.
const (
	PriorityCatalogue = "catalogus" // the catalogue's default
	PriorityEvidence  = "bewijs"    // raised by the evidence of the journeys
	PriorityJourney   = "klantreis" // a [[prioriteit]] in a journey
	PriorityProject   = "project"   // a [[prioriteit]] in blueprint.toml
)

// Priority says where a row's priority comes from and why.
type Priority struct {
	Source string
	Reason string
	// Pos is the [[prioriteit]] that fixed it, when one did.
	Pos blueprint.Pos
}

// TraceKind says what kind of evidence a trace is.
type TraceKind uint8

// Kinds of evidence.
const (
	TraceRule     TraceKind = iota // a rule of the catalogue recognised a pattern
	TraceNeed                      // an explicit need (behoeften) named it
	TracePriority                  // a [[prioriteit]] named it
	TraceRequired                  // another needed requirement requires it
)

// String returns the Dutch word used in files and outputs.
func (k TraceKind) String() string {
	switch k {
	case TraceNeed:
		return "behoefte"
	case TracePriority:
		return "prioriteit"
	case TraceRequired:
		return "vereist"
	}
	return "regel"
}

// Trace is one piece of evidence: where a requirement is needed and why.
type Trace struct {
	Kind TraceKind
	// Journey, Phase and Step locate the evidence; Step is nil for a
	// phase rule, all three are nil for a project-level persona or
	// priority. Persona is set for a persona rule.
	Journey *blueprint.Journey
	Phase   *blueprint.Phase
	Step    *blueprint.Step
	Persona *blueprint.Persona
	// Rule is the rule that fired (TraceRule).
	Rule *Rule
	// Via is the requirement that requires this one (TraceRequired).
	Via *Requirement
	// Reason is the justification in the result's language.
	Reason string
	// Explicit marks a need or priority that names the requirement.
	Explicit bool
	// Pos is the most precise place in the source: the behoefte, the
	// hand-off, the support line, or the step.
	Pos blueprint.Pos
}

// Place names the place of a trace inside its journey: the step title, or
// the persona, or the phase; "" when the trace has none of these.
func (t *Trace) Place(lang blueprint.Lang) string {
	switch {
	case t.Step != nil:
		return t.Step.Title
	case t.Persona != nil:
		return blueprint.T(lang, "persona ", "persona ") + t.Persona.Name
	case t.Phase != nil:
		return blueprint.T(lang, "fase ", "phase ") + t.Phase.Name
	}
	return ""
}

// StepTrace lists the requirements one step led to.
type StepTrace struct {
	Journey      *blueprint.Journey
	Step         *blueprint.Step
	Requirements []*Requirement
}
