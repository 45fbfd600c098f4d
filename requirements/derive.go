package requirements

import (
	"slices"

	"github.com/dimpact/blueprint/blueprint"
)

// Options configure Derive. The zero value means defaults.
type Options struct {
	// Lang is the language of the reasons; zero is Dutch.
	Lang blueprint.Lang
	// MessageLang is the language of the diagnostics; zero means Lang.
	MessageLang blueprint.Lang
	// IncludeUnneeded puts the requirements no journey needs into the
	// result too, marked as not derived.
	IncludeUnneeded bool
	// ReleaseSteps lets go of the positions and elements inside each
	// journey's steps once the journey is derived
	// (blueprint.Journey.ReleaseSteps): for a caller that keeps the model
	// only to write the result (blueprint matrix), which at national scale
	// then holds some 200 MB less while deriving.
	ReleaseSteps bool
}

// deriver holds the state of one Derive run.
type deriver struct {
	m       *blueprint.Model
	cat     *Catalogue
	lang    blueprint.Lang
	d       *blueprint.Collector
	ev      map[*Requirement]*ev
	reasons map[string]string // interned reason texts
	steps   map[*blueprint.Step]map[*Requirement]bool
	stepNo  map[*blueprint.Step]int // the steps numbered as first met, for stepSet
	// stepBase is the first step number this deriver gives: a shard of
	// the journeys (shards.go) numbers above the steps of the shards
	// before it.
	stepBase int
	// setStep and set are the step last looked up in steps and its set.
	setStep *blueprint.Step
	set     map[*Requirement]bool
	roles   map[string]string // actor id → role, made on first use (match.go)
	kinds   map[string]string // system id → kind, made on first use (match.go)
	// text matches free texts against the text rules (text.go), made
	// when the first text is read.
	text *textMatcher
	// buf is where reasons are filled in (reason.go).
	buf []byte
	// scratch is reused by the step matcher (match.go).
	scratch struct {
		systems []*blueprint.Support
		actors  []string
	}
}

// Derive turns the journeys of m into requirement rows using cat. It is
// pure: the same model and catalogue give the same result. Problems in
// the journeys that only the catalogue can see (an unknown key in
// behoeften or [[prioriteit]], a free-text need no rule understands) come
// back as diagnostics with file:line:col.
func Derive(m *blueprint.Model, cat *Catalogue, opts Options) (*Result, blueprint.Diagnostics) {
	lang := opts.Lang.Or(blueprint.Dutch)
	dv := newDeriver(m, cat, lang, opts.MessageLang.Or(lang), 0)
	// The passes, in order. Each gathers evidence (traces) per requirement;
	// the last turns the evidence into rows with a priority.
	checkReferences(dv.d, cat, m.Vocabulary) // rules that name what the journeys do not know (check.go)
	dv.journeys(opts.ReleaseSteps)           // needs, text, step and phase rules, the journeys' [[prioriteit]] (shards.go)
	for _, p := range m.Personas {
		dv.persona(p) // text rules on the personas (rules.go)
	}
	dv.priorities() // the project's [[prioriteit]] (priority.go)
	dv.requires()   // what needed requirements require (evidence.go)
	res := dv.result(opts)
	dv.d.Diags.Sort()
	return res, dv.d.Diags
}

// newDeriver returns a deriver with no evidence yet, writing reasons in
// lang and diagnostics in msgLang, whose step numbers start at stepBase.
func newDeriver(m *blueprint.Model, cat *Catalogue, lang, msgLang blueprint.Lang, stepBase int) *deriver {
	return &deriver{
		m: m, cat: cat, lang: lang,
		d:        blueprint.NewCollector(msgLang),
		ev:       map[*Requirement]*ev{},
		reasons:  map[string]string{},
		steps:    map[*blueprint.Step]map[*Requirement]bool{},
		stepNo:   map[*blueprint.Step]int{},
		stepBase: stepBase,
	}
}

// journey is the pass over one journey: per step the explicit needs, the
// text rules and the step rules, then the phase rules and the journey's
// priorities.
func (dv *deriver) journey(j *blueprint.Journey) {
	var prev *blueprint.Step // previous step with a channel of the gemeente
	for _, s := range j.Steps {
		dv.refs(j, s) // the step's eisen (refs.go)
		mapped := dv.stepTexts(j, s)
		dv.stepRules(j, s, prev, mapped)
		dv.unmapped(s, mapped)
		if s.Channel != "" && !dv.partnerChannel(s.Channel) {
			prev = s
		}
	}
	dv.phaseRules(j)
	for _, p := range j.Priorities {
		dv.override(j, p, false)
	}
}

// result is the last pass: a row per needed requirement (and, when asked,
// per unneeded one) with its priority (priority.go), the functions no
// journey needs, and per step the requirements it led to.
func (dv *deriver) result(opts Options) *Result {
	res := &Result{Catalogue: dv.cat, Lang: dv.lang, Journeys: dv.m.Journeys, Personas: dv.m.Personas}
	n := len(dv.m.Journeys)
	neededFn := map[string]bool{}
	for _, r := range dv.cat.Requirements {
		e := dv.ev[r]
		needed := e != nil && (e.direct || len(e.traces) > 0) && !onlyWont(e)
		if needed {
			neededFn[r.Function] = true
		}
		if !needed && !opts.IncludeUnneeded {
			continue
		}
		if e == nil {
			e = newEv()
		}
		row := &Row{Requirement: r, Function: dv.cat.Function(r.Function), Traces: e.traces,
			Journeys: unionLen(e.journeys, e.viaJourneys), Steps: e.steps.count(e.viaSteps), Needed: needed}
		if row.Function != nil {
			row.Block = dv.cat.Block(row.Function.Block)
		}
		for _, id := range r.Gemma {
			if g := dv.cat.GemmaElement(id); g != nil {
				row.Gemma = append(row.Gemma, g)
			}
		}
		dv.prioritise(row, e, n)
		if row.MoSCoW == blueprint.MoSCoWWont {
			res.Wont = append(res.Wont, row)
			continue
		}
		res.Rows = append(res.Rows, row)
	}
	for _, f := range dv.cat.Functions {
		if !neededFn[f.Key] {
			res.Unneeded = append(res.Unneeded, f)
		}
	}
	// Per step its requirements in the catalogue's order: a step leads to
	// a few of them, so its set is sorted rather than the whole catalogue
	// looked up in it (150,000 steps × 130 requirements at national
	// scale).
	order := make(map[*Requirement]int, len(dv.cat.Requirements))
	for i, r := range dv.cat.Requirements {
		order[r] = i
	}
	steps := 0
	for _, j := range dv.m.Journeys {
		steps += len(j.Steps)
	}
	res.Steps = make([]*StepTrace, 0, steps)
	for _, j := range dv.m.Journeys {
		for _, s := range j.Steps {
			st := &StepTrace{Journey: j, Step: s}
			for r, in := range dv.steps[s] {
				if _, known := order[r]; in && known {
					st.Requirements = append(st.Requirements, r)
				}
			}
			slices.SortFunc(st.Requirements, func(a, b *Requirement) int { return order[a] - order[b] })
			res.Steps = append(res.Steps, st)
		}
	}
	return res
}

// intern returns one copy of each reason text: thousands of traces share
// a few reasons.
func (dv *deriver) intern(s string) string {
	if x, ok := dv.reasons[s]; ok {
		return x
	}
	dv.reasons[s] = s
	return s
}

// t returns the text in the result's language.
func (dv *deriver) t(nl, en string) string { return blueprint.T(dv.lang, nl, en) }

// partnerChannel reports whether a channel is a partner's (partner =
// "uwv"), not the gemeente's.
func (dv *deriver) partnerChannel(id string) bool {
	ch := dv.m.Vocabulary.Channel(id)
	return ch != nil && ch.Partner != ""
}
