package requirements

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/gemma"
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
}

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

// StepTrace lists the requirements one step led to.
type StepTrace struct {
	Journey      *blueprint.Journey
	Step         *blueprint.Step
	Requirements []*Requirement
}

// ev collects the evidence for one requirement while deriving.
type ev struct {
	traces   []*Trace
	journeys map[*blueprint.Journey]bool
	steps    map[*blueprint.Step]bool
	// viaJourneys and viaSteps are the journeys and steps that need it
	// through a requirement that requires it.
	viaJourneys map[*blueprint.Journey]bool
	viaSteps    map[*blueprint.Step]bool
	// painJourneys are the journeys where a pain signal needs it: an
	// explicit or free-text need, a pain point, or a step that is a fail
	// point, a repeat contact or very negative.
	painJourneys map[*blueprint.Journey]bool
	painPersona  bool // a persona's need or pain point asks for it
	explicitID   bool // a behoefte names its id
	explicitFn   bool // a behoefte names its function
	direct       bool // it has evidence of its own (not only through vereist)
	overrides    []override
}

type override struct {
	p       *blueprint.PriorityOverride
	project bool
}

func newEv() *ev {
	return &ev{journeys: map[*blueprint.Journey]bool{}, steps: map[*blueprint.Step]bool{}, painJourneys: map[*blueprint.Journey]bool{},
		viaJourneys: map[*blueprint.Journey]bool{}, viaSteps: map[*blueprint.Step]bool{}}
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
}

// Derive turns the journeys of m into requirement rows using cat. It is
// pure: the same model and catalogue give the same result. Problems in
// the journeys that only the catalogue can see (an unknown key in
// behoeften or [[prioriteit]], a free-text need no rule understands) come
// back as diagnostics with file:line:col.
func Derive(m *blueprint.Model, cat *Catalogue, opts Options) (*Result, blueprint.Diagnostics) {
	lang := opts.Lang.Or(blueprint.Dutch)
	dv := &deriver{
		m: m, cat: cat, lang: lang,
		d:       blueprint.NewCollector(opts.MessageLang.Or(lang)),
		ev:      map[*Requirement]*ev{},
		reasons: map[string]string{},
		steps:   map[*blueprint.Step]map[*Requirement]bool{},
	}
	checkReferences(dv.d, cat, m.Vocabulary)
	for _, j := range m.Journeys {
		dv.journey(j)
	}
	for _, p := range m.Personas {
		dv.persona(p)
	}
	dv.priorities()
	dv.requires()
	res := dv.result(opts)
	dv.d.Diags.Sort()
	return res, dv.d.Diags
}

func (dv *deriver) evOf(r *Requirement) *ev {
	e := dv.ev[r]
	if e == nil {
		e = newEv()
		dv.ev[r] = e
	}
	return e
}

// targets expands a requirement id or function key to requirements.
func (dv *deriver) targets(t string) []*Requirement {
	if r := dv.cat.Requirement(t); r != nil {
		return []*Requirement{r}
	}
	return dv.cat.RequirementsOf(t)
}

// add records a trace for a requirement.
func (dv *deriver) add(r *Requirement, t *Trace) {
	e := dv.evOf(r)
	e.traces = append(e.traces, t)
	if t.Kind != TraceRequired {
		e.direct = true
	}
	if t.Journey != nil {
		e.journeys[t.Journey] = true
	}
	if isPain(t) {
		if t.Journey != nil {
			e.painJourneys[t.Journey] = true
		} else {
			e.painPersona = true
		}
	}
	if t.Step != nil {
		e.steps[t.Step] = true
		if t.Kind != TraceRequired {
			set := dv.steps[t.Step]
			if set == nil {
				set = map[*Requirement]bool{}
				dv.steps[t.Step] = set
			}
			set[r] = true
		}
	}
}

// isPain reports whether a trace is a pain signal rather than only a
// pattern of use: a need (explicit or free text), a pain point or a
// persona's text, or a rule about fail points, repeat contacts or negative
// emotion. A rule about a channel or a system shows use, not pain, even
// on a painful step.
func isPain(t *Trace) bool {
	switch t.Kind {
	case TraceNeed:
		return true
	case TraceRule:
		return t.Rule != nil && t.Rule.pain()
	}
	return false
}

func (dv *deriver) intern(s string) string {
	if x, ok := dv.reasons[s]; ok {
		return x
	}
	dv.reasons[s] = s
	return s
}

func (dv *deriver) t(nl, en string) string { return blueprint.T(dv.lang, nl, en) }

// journey applies the explicit needs, the step and phase rules and the
// journey's priorities.
func (dv *deriver) journey(j *blueprint.Journey) {
	var prev *blueprint.Step // previous step with a channel
	for _, s := range j.Steps {
		mapped := dv.needs(j, s)
		var refs []textRef
		for i, n := range s.Needs {
			if !isKey(n) {
				refs = append(refs, newRef(n, s.ElemAt("behoeften", i), true, i))
			}
		}
		for i, k := range s.PainPoints {
			refs = append(refs, newRef(k, s.ElemAt("knelpunten", i), false, i))
		}
		role := ""
		if j.Persona != nil {
			role = j.Persona.Role
		}
		for i := range dv.texts(j, j.Phase(s.Phase), s, nil, role, refs) {
			mapped[i] = true
		}
		ctx := &stepCtx{dv: dv, j: j, s: s, prev: prev}
		for _, r := range dv.cat.Rules {
			if r.Level != "" && r.Level != LevelStep {
				continue
			}
			vars, pos, ok := ctx.match(r.When)
			if !ok {
				continue
			}
			for i := range ctx.matchedNeeds {
				mapped[i] = true
			}
			reason := dv.intern(render(pick(dv.lang, r.ReasonNL, r.ReasonEN), vars))
			for _, t := range r.Requirements {
				for _, req := range dv.targets(t) {
					dv.add(req, &Trace{Kind: TraceRule, Journey: j, Phase: j.Phase(s.Phase), Step: s, Rule: r, Reason: reason, Pos: pos})
				}
			}
		}
		for i, n := range s.Needs {
			if isKey(n) || mapped[i] {
				continue
			}
			x := dv.d.Warnf(s.ElemAt("behoeften", i), "need-unmapped",
				"behoefte %q leidt tot geen eis uit de catalogus", "need %q leads to no requirement of the catalogue", n)
			dv.d.Hint(x, "noem een functiesleutel of eis-id (zie blueprint matrix --catalogue-template), vul de catalogus aan, of laat de waarschuwing staan als de behoefte buiten de KCC-voorziening valt",
				"name a function key or requirement id (see blueprint matrix --catalogue-template), extend the catalogue, or leave the warning if the need is outside the KCC shared service")
		}
		if s.Channel != "" {
			prev = s
		}
	}
	for _, ph := range j.Phases {
		for _, r := range dv.cat.Rules {
			if r.Level != LevelPhase {
				continue
			}
			w := r.When
			if w.Metrics && len(ph.Metrics) == 0 {
				continue
			}
			if len(w.Domains) > 0 && !slices.Contains(w.Domains, j.Domain) {
				continue
			}
			vars := map[string]string{"fase": ph.Name}
			reason := dv.intern(render(pick(dv.lang, r.ReasonNL, r.ReasonEN), vars))
			for _, t := range r.Requirements {
				for _, req := range dv.targets(t) {
					dv.add(req, &Trace{Kind: TraceRule, Journey: j, Phase: ph, Rule: r, Reason: reason, Pos: ph.Pos})
				}
			}
		}
	}
	for _, p := range j.Priorities {
		dv.override(j, p, false)
	}
}

// isKey reports whether a behoefte is a catalogue key rather than free
// text: a key has no spaces.
func isKey(need string) bool {
	n := strings.TrimSpace(need)
	return n != "" && !strings.ContainsAny(n, " \t\n")
}

// needs applies the explicit needs of a step (catalogue keys) and reports
// unknown keys. It returns the free-text needs as not yet mapped.
func (dv *deriver) needs(j *blueprint.Journey, s *blueprint.Step) map[int]bool {
	mapped := map[int]bool{}
	for i, n := range s.Needs {
		if !isKey(n) {
			continue
		}
		key := strings.TrimSpace(n)
		pos := s.ElemAt("behoeften", i)
		if r := dv.cat.Requirement(key); r != nil {
			dv.add(r, &Trace{Kind: TraceNeed, Journey: j, Phase: j.Phase(s.Phase), Step: s, Explicit: true, Pos: pos,
				Reason: dv.intern(fmt.Sprintf(dv.t("behoefte noemt %s", "need names %s"), r.ID))})
			dv.evOf(r).explicitID = true
			continue
		}
		if f := dv.cat.Function(key); f != nil {
			reason := dv.intern(fmt.Sprintf(dv.t("behoefte noemt functie %s", "need names function %s"), f.Key))
			for _, r := range dv.cat.RequirementsOf(key) {
				dv.add(r, &Trace{Kind: TraceNeed, Journey: j, Phase: j.Phase(s.Phase), Step: s, Explicit: true, Pos: pos, Reason: reason})
				dv.evOf(r).explicitFn = true
			}
			continue
		}
		x := dv.d.Errorf(pos, "unknown-need-key", "onbekende sleutel %q in behoeften: geen eis-id of functie van de catalogus",
			"unknown key %q in behoeften: not a requirement id or function of the catalogue", key)
		if sug := blueprint.Suggest(key, append(functionKeys(dv.cat), requirementIDs(dv.cat)...)); sug != "" {
			dv.d.Hint(x, "bedoelde u %q? (een vrije behoefte schrijft u als zin, met spaties)", "did you mean %q? (write a free-text need as a sentence, with spaces)", sug)
		} else {
			dv.d.Hint(x, "gebruik een functiesleutel zoals \"klantcontacthistorie\" of een eis-id zoals \"KCC-CR-002\"; een vrije behoefte schrijft u als zin, met spaties",
				"use a function key such as \"klantcontacthistorie\" or a requirement id such as \"KCC-CR-002\"; write a free-text need as a sentence, with spaces")
		}
	}
	return mapped
}

// textRef is one free text of a step or persona: a need or a pain point.
type textRef struct {
	text  string
	lower string
	pos   blueprint.Pos
	need  bool
	idx   int // index in the step's behoeften, for needs
}

func newRef(text string, pos blueprint.Pos, need bool, idx int) textRef {
	return textRef{text: text, lower: strings.ToLower(text), pos: pos, need: need, idx: idx}
}

// texts applies the text rules to the free texts of a step or a persona,
// one trace per text and rule. It returns the indexes of the needs it
// recognised.
func (dv *deriver) texts(j *blueprint.Journey, ph *blueprint.Phase, s *blueprint.Step, p *blueprint.Persona, role string, refs []textRef) map[int]bool {
	mapped := map[int]bool{}
	for _, r := range dv.cat.Rules {
		if r.Level != LevelText {
			continue
		}
		w := r.When
		if len(w.Roles) > 0 && !slices.Contains(w.Roles, role) {
			continue
		}
		for _, ref := range refs {
			words, lower := w.PainContains, w.painLower
			if ref.need {
				words, lower = w.NeedContains, w.needLower
			}
			word := ""
			for i, l := range lower {
				if strings.Contains(ref.lower, l) {
					word = words[i]
					break
				}
			}
			if word == "" {
				continue
			}
			if ref.need {
				mapped[ref.idx] = true
			}
			vars := map[string]string{"tekst": ref.text, "woord": word}
			if p != nil {
				vars["persona"] = p.Name
			}
			reason := dv.intern(render(pick(dv.lang, r.ReasonNL, r.ReasonEN), vars))
			for _, t := range r.Requirements {
				for _, req := range dv.targets(t) {
					dv.add(req, &Trace{Kind: TraceRule, Journey: j, Phase: ph, Step: s, Persona: p, Rule: r, Reason: reason, Pos: ref.pos})
				}
			}
		}
	}
	return mapped
}

// persona applies the text rules to a persona's needs, pain points and
// frustrations.
func (dv *deriver) persona(p *blueprint.Persona) {
	var journey *blueprint.Journey
	for _, j := range dv.m.Journeys {
		if j.PersonaRef.Inline == p {
			journey = j
			break
		}
	}
	var refs []textRef
	for i, n := range p.Needs {
		refs = append(refs, newRef(n, p.ElemAt("behoeften", i), true, i))
	}
	for i, k := range p.PainPoints {
		refs = append(refs, newRef(k, p.ElemAt("knelpunten", i), false, i))
	}
	for i, k := range p.Frustrations {
		refs = append(refs, newRef(k, p.ElemAt("frustraties", i), false, i))
	}
	dv.texts(journey, nil, nil, p, p.Role, refs)
}

// override records a [[prioriteit]] and checks that it names something.
func (dv *deriver) override(j *blueprint.Journey, p *blueprint.PriorityOverride, project bool) {
	reqs := dv.targets(p.Requirement)
	if len(reqs) == 0 {
		x := dv.d.Errorf(p.At("eis"), "unknown-requirement", "[[prioriteit]] noemt %q: geen eis-id of functiesleutel van de catalogus",
			"[[prioriteit]] names %q: not a requirement id or function key of the catalogue", p.Requirement)
		if sug := blueprint.Suggest(p.Requirement, append(requirementIDs(dv.cat), functionKeys(dv.cat)...)); sug != "" {
			dv.d.Hint(x, "bedoelde u %q?", "did you mean %q?", sug)
		} else {
			dv.d.Hint(x, "de eisen en functies staan in blueprint matrix --catalogue-template", "the requirements and functions are listed by blueprint matrix --catalogue-template")
		}
		return
	}
	reason := dv.intern(fmt.Sprintf(dv.t("prioriteit vastgesteld: %s", "priority fixed: %s"), p.Reason))
	for _, r := range reqs {
		e := dv.evOf(r)
		e.overrides = append(e.overrides, override{p: p, project: project})
		tr := &Trace{Kind: TracePriority, Journey: j, Explicit: true, Reason: reason, Pos: p.Pos}
		if p.MoSCoW == blueprint.MoSCoWWont {
			// A "wont" keeps the requirement out; it is not evidence of need.
			e.traces = append(e.traces, tr)
			continue
		}
		dv.add(r, tr)
	}
}

func (dv *deriver) priorities() {
	for _, p := range dv.m.Project.Priorities {
		dv.override(nil, p, true)
	}
}

// requires adds the requirements that needed requirements require, with
// the evidence of the requirement that pulls them in.
func (dv *deriver) requires() {
	type edge struct{ from, to *Requirement }
	seen := map[edge]bool{}
	for _, r := range dv.cat.Requirements {
		e := dv.ev[r]
		if e == nil || !e.direct || dv.isWont(e) {
			continue
		}
		queue := []*Requirement{r}
		visited := map[*Requirement]bool{r: true}
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			for _, id := range p.Requires {
				q := dv.cat.Requirement(id)
				if q == nil {
					continue
				}
				qe := dv.evOf(q)
				if !seen[edge{p, q}] {
					seen[edge{p, q}] = true
					qe.traces = append(qe.traces, &Trace{Kind: TraceRequired, Via: p, Pos: q.Pos,
						Reason: dv.intern(fmt.Sprintf(dv.t("vereist door %s (%s)", "required by %s (%s)"), p.ID, p.Title(dv.lang)))})
				}
				for x := range e.journeys {
					qe.viaJourneys[x] = true
				}
				for x := range e.steps {
					qe.viaSteps[x] = true
				}
				if !visited[q] {
					visited[q] = true
					queue = append(queue, q)
				}
			}
		}
	}
}

func (dv *deriver) isWont(e *ev) bool {
	m, _, _ := dv.overridden(e)
	return m == blueprint.MoSCoWWont
}

// overridden returns the MoSCoW and kind fixed by overrides ("" when not
// fixed) and the override that decided. A project override wins; among
// journey overrides the strongest wins, and a conflict is reported.
func (dv *deriver) overridden(e *ev) (moscow, kind string, by *blueprint.PriorityOverride) {
	var proj, jour []override
	for _, o := range e.overrides {
		if o.project {
			proj = append(proj, o)
		} else {
			jour = append(jour, o)
		}
	}
	pickOf := func(list []override) (string, string, *blueprint.PriorityOverride) {
		var m, k string
		var by *blueprint.PriorityOverride
		for _, o := range list {
			if o.p.MoSCoW != "" && (m == "" || rank(o.p.MoSCoW) > rank(m)) {
				m, by = o.p.MoSCoW, o.p
			}
			if o.p.Kind != "" && (k == "" || (k == blueprint.KindScored && o.p.Kind == blueprint.KindKO)) {
				k = o.p.Kind
				if by == nil {
					by = o.p
				}
			}
		}
		return m, k, by
	}
	if len(proj) > 0 {
		m, k, by := pickOf(proj)
		if m == "" || k == "" { // fill what the project leaves open from the journeys
			jm, jk, jby := pickOf(jour)
			if m == "" {
				m = jm
			}
			if k == "" {
				k = jk
			}
			if by == nil {
				by = jby
			}
		}
		return m, k, by
	}
	return pickOf(jour)
}

// rank orders MoSCoW values: must highest.
func rank(m string) int {
	switch m {
	case blueprint.MoSCoWMust:
		return 3
	case blueprint.MoSCoWShould:
		return 2
	case blueprint.MoSCoWCould:
		return 1
	}
	return 0
}

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
			Journeys: unionLen(e.journeys, e.viaJourneys), Steps: unionLen(e.steps, e.viaSteps), Needed: needed}
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
	for _, j := range dv.m.Journeys {
		for _, s := range j.Steps {
			st := &StepTrace{Journey: j, Step: s}
			if set := dv.steps[s]; set != nil {
				for _, r := range dv.cat.Requirements {
					if set[r] {
						st.Requirements = append(st.Requirements, r)
					}
				}
			}
			res.Steps = append(res.Steps, st)
		}
	}
	return res
}

func unionLen[K comparable](a, b map[K]bool) int {
	n := len(a)
	for k := range b {
		if !a[k] {
			n++
		}
	}
	return n
}

// onlyWont reports whether the only evidence is a "wont" override.
func onlyWont(e *ev) bool {
	if e.direct {
		return false
	}
	for _, t := range e.traces {
		if t.Kind != TracePriority {
			return false
		}
	}
	return len(e.traces) > 0
}

// prioritise sets the row's MoSCoW, kind, weight and the reason.
func (dv *deriver) prioritise(row *Row, e *ev, n int) {
	r := row.Requirement
	level, why := dv.evidence(e, n)
	row.MoSCoW, row.Kind = r.MoSCoW, r.Kind
	switch {
	case !row.Needed:
		row.Priority = Priority{Source: PriorityCatalogue,
			Reason: dv.t("Niet afgeleid uit de klantreizen; opgenomen met de standaardprioriteit van de catalogus.",
				"Not derived from the journeys; included with the catalogue's default priority.")}
	case rank(level) > rank(r.MoSCoW):
		row.MoSCoW = level
		row.Priority = Priority{Source: PriorityEvidence, Reason: fmt.Sprintf(dv.t("Voorgesteld uit de klantreizen: %s.", "Proposed from the journeys: %s."), why)}
	default:
		row.Priority = Priority{Source: PriorityCatalogue, Reason: fmt.Sprintf(dv.t("Standaardprioriteit van de catalogus; %s.", "Default priority of the catalogue; %s."), why)}
	}
	if m, k, by := dv.overridden(e); by != nil {
		if m != "" {
			row.MoSCoW = m
		}
		if k != "" {
			row.Kind = k
		}
		src := PriorityJourney
		for _, o := range e.overrides {
			if o.p == by && o.project {
				src = PriorityProject
			}
		}
		row.Priority = Priority{Source: src, Pos: by.Pos,
			Reason: fmt.Sprintf(dv.t("Vastgesteld in %s: %s", "Fixed in %s: %s"), by.Pos, by.Reason)}
		if src == PriorityJourney {
			dv.conflicts(e, by)
		}
	}
	if row.Kind == blueprint.KindScored {
		row.Weight = dv.cat.Weights.Weight(row.MoSCoW)
	}
}

// conflicts warns about journey overrides that disagree with the one that
// decided.
func (dv *deriver) conflicts(e *ev, by *blueprint.PriorityOverride) {
	for _, o := range e.overrides {
		if o.p == by || o.project {
			continue
		}
		if (o.p.MoSCoW != "" && by.MoSCoW != "" && o.p.MoSCoW != by.MoSCoW) || (o.p.Kind != "" && by.Kind != "" && o.p.Kind != by.Kind) {
			x := dv.d.Warnf(o.p.Pos, "priority-conflict", "[[prioriteit]] voor %q wijkt af van %s; die geldt",
				"[[prioriteit]] for %q differs from %s, which applies", o.p.Requirement, by.Pos)
			dv.d.Hint(x, "maak de prioriteiten gelijk, of leg de keuze vast in blueprint.toml", "make the priorities agree, or fix the choice in blueprint.toml")
		}
	}
}

// evidence proposes a MoSCoW level from the evidence and says why:
//
//   - must: a behoefte names the requirement's id, or pain signals in at
//     least three quarters of the journeys (and at least two);
//   - should: a behoefte names its function, or two or more journeys need
//     it, or a pain signal (in a journey or a persona) asks for it;
//   - could: otherwise (one journey, without pain; or only required by
//     another requirement).
func (dv *deriver) evidence(e *ev, n int) (string, string) {
	j, s, pj := len(e.journeys), len(e.steps), len(e.painJourneys)
	count := fmt.Sprintf(dv.t("nodig in %d van %d klantreizen (%d %s)", "needed in %d of %d journeys (%d %s)"), j, n, s,
		plural(dv.lang, s, "stap", "stappen", "step", "steps"))
	if pj > 0 {
		count += fmt.Sprintf(dv.t(", met knelpunten of behoeften in %d", ", with pain points or needs in %d"), pj)
	}
	switch {
	case e.explicitID:
		return blueprint.MoSCoWMust, count + dv.t(", expliciet als behoefte genoemd", ", named explicitly as a need")
	case pj >= 2 && 4*pj >= 3*n:
		return blueprint.MoSCoWMust, count
	case e.explicitFn:
		return blueprint.MoSCoWShould, count + dv.t(", functie expliciet als behoefte genoemd", ", function named explicitly as a need")
	case j >= 2 || pj >= 1:
		return blueprint.MoSCoWShould, count
	case e.painPersona:
		return blueprint.MoSCoWShould, count + dv.t(", en gevraagd door een persona", ", and asked for by a persona")
	}
	if !e.direct {
		return blueprint.MoSCoWCould, fmt.Sprintf(dv.t("vereist door een andere eis, in %d van %d klantreizen", "required by another requirement, in %d of %d journeys"),
			len(e.viaJourneys), n)
	}
	return blueprint.MoSCoWCould, count
}

func plural(lang blueprint.Lang, n int, nl1, nlN, en1, enN string) string {
	if n == 1 {
		return blueprint.T(lang, nl1, en1)
	}
	return blueprint.T(lang, nlN, enN)
}

// stepCtx evaluates step conditions for one step.
type stepCtx struct {
	dv           *deriver
	j            *blueprint.Journey
	s            *blueprint.Step
	prev         *blueprint.Step
	matchedNeeds map[int]bool
}

// match reports whether the step meets the condition, with the values for
// the reason's placeholders and the most precise position. The conditions
// are tested first; the values are only made for a step that matches.
func (c *stepCtx) match(w *Condition) (map[string]string, blueprint.Pos, bool) {
	s, j, dv := c.s, c.j, c.dv
	cat := dv.m.Vocabulary
	c.matchedNeeds = nil
	pos := s.Pos
	if len(w.Channels) > 0 && !slices.Contains(w.Channels, s.Channel) {
		return nil, pos, false
	}
	var ch *blueprint.Channel
	if s.Channel != "" {
		ch = cat.Channel(s.Channel)
	}
	if len(w.ChannelKinds) > 0 && (ch == nil || !slices.Contains(w.ChannelKinds, string(ch.Kind))) {
		return nil, pos, false
	}
	if w.Contact && s.Channel == "" {
		return nil, pos, false
	}
	if w.ChannelSwitch {
		if s.Channel == "" || c.prev == nil || c.prev.Channel == s.Channel {
			return nil, pos, false
		}
		pos = s.At("kanaal")
	}
	qt := j.StepQuestionType(s)
	if len(w.QuestionTypes) > 0 && !slices.Contains(w.QuestionTypes, qt) {
		return nil, pos, false
	}
	if len(w.Domains) > 0 && !slices.Contains(w.Domains, j.Domain) {
		return nil, pos, false
	}
	if w.RepeatContact {
		if !s.RepeatContact {
			return nil, pos, false
		}
		pos = s.At("herhaalcontact")
	}
	if w.FailPoint {
		if !s.FailPoint {
			return nil, pos, false
		}
		pos = s.At("faalpunt")
	}
	if w.WaitFrom != nil || w.WaitUpTo != nil {
		if s.Wait == nil {
			return nil, pos, false
		}
		d := s.Wait.Approx()
		if (w.WaitFrom != nil && d < w.WaitFrom.Approx()) || (w.WaitUpTo != nil && d > w.WaitUpTo.Approx()) {
			return nil, pos, false
		}
		pos = s.At("wachttijd")
	}
	if w.EmotionUpTo != nil {
		if s.Emotion == nil || *s.Emotion > *w.EmotionUpTo {
			return nil, pos, false
		}
		pos = s.At("emotie")
	}
	if w.EmotionGapFrom != nil {
		if s.Emotion == nil || s.DesiredEmotion == nil || *s.DesiredEmotion-*s.Emotion < *w.EmotionGapFrom {
			return nil, pos, false
		}
		pos = s.At("gewenste_emotie")
	}
	var systems []*blueprint.Support
	if len(w.Systems) > 0 {
		for _, sup := range s.Support {
			if sup.System != "" && slices.Contains(w.Systems, sup.System) {
				systems = append(systems, sup)
			}
		}
		if len(systems) == 0 {
			return nil, pos, false
		}
		pos = systems[0].At("systeem")
	}
	var actors []string
	if len(w.Actors) > 0 {
		for _, a := range j.StepActors(s) {
			if slices.Contains(w.Actors, a) {
				actors = append(actors, a)
			}
		}
		if len(actors) == 0 {
			return nil, pos, false
		}
	}
	if len(w.Frontstage) > 0 {
		actors = actors[:0]
		for _, a := range s.Frontstage {
			if slices.Contains(w.Frontstage, a.Actor) && !slices.Contains(actors, a.Actor) {
				actors = append(actors, a.Actor)
			}
		}
		if len(actors) == 0 {
			return nil, pos, false
		}
	}
	var hit *blueprint.Handoff
	if len(w.HandoffFrom) > 0 || len(w.HandoffTo) > 0 {
		for _, h := range s.Handoffs {
			if (len(w.HandoffFrom) == 0 || slices.Contains(w.HandoffFrom, h.From)) && (len(w.HandoffTo) == 0 || slices.Contains(w.HandoffTo, h.To)) {
				hit = h
				break
			}
		}
		if hit == nil {
			return nil, pos, false
		}
		pos = hit.Pos
	}
	var text, word string
	if len(w.PainContains) > 0 {
		i, wd, ok := findWord(s.PainPoints, w.PainContains)
		if !ok {
			return nil, pos, false
		}
		text, word, pos = s.PainPoints[i], wd, s.ElemAt("knelpunten", i)
	}
	if len(w.NeedContains) > 0 {
		var hits map[int]bool
		for i, n := range s.Needs {
			if isKey(n) {
				continue
			}
			if _, wd, ok := findWord([]string{n}, w.NeedContains); ok {
				if hits == nil {
					hits = map[int]bool{}
					text, word, pos = n, wd, s.ElemAt("behoeften", i)
				}
				hits[i] = true
			}
		}
		if hits == nil {
			return nil, pos, false
		}
		c.matchedNeeds = hits
	}

	// The step matches: the values for the reason.
	vars := map[string]string{"kanaal": dv.t("geen kanaal", "no channel")}
	if ch != nil {
		vars["kanaal"] = ch.Name(dv.lang)
	}
	if q := cat.QuestionType(qt); q != nil {
		vars["vraagsoort"] = q.Name(dv.lang)
	}
	if ph := j.Phase(s.Phase); ph != nil {
		vars["fase"] = ph.Name
	}
	if len(systems) > 0 {
		var names []string
		for _, sup := range systems {
			name := sup.System
			if sys := cat.System(sup.System); sys != nil {
				name = sys.Name(dv.lang)
			}
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
		vars["systeem"] = strings.Join(names, ", ")
	}
	if len(actors) > 0 {
		names := make([]string, len(actors))
		for i, a := range actors {
			names[i] = dv.actorName(a)
		}
		vars["actor"] = strings.Join(names, ", ")
	}
	if hit != nil {
		vars["van"], vars["naar"] = dv.actorName(hit.From), dv.actorName(hit.To)
	}
	if s.Wait != nil {
		vars["wachttijd"] = s.Wait.Label(dv.lang)
	}
	if s.Emotion != nil {
		vars["emotie"] = fmt.Sprintf("%+d", *s.Emotion)
	}
	if s.DesiredEmotion != nil {
		vars["gewenst"] = fmt.Sprintf("%+d", *s.DesiredEmotion)
	}
	if word != "" {
		vars["tekst"], vars["woord"] = text, word
	}
	return vars, pos, true
}

func (dv *deriver) actorName(id string) string {
	if a := dv.m.Vocabulary.Actor(id); a != nil {
		return a.Name(dv.lang)
	}
	return id
}

// findWord returns the first text that contains one of the words
// (case-insensitive), and the word.
func findWord(texts, words []string) (int, string, bool) {
	for i, t := range texts {
		lt := strings.ToLower(t)
		for _, w := range words {
			if strings.Contains(lt, strings.ToLower(w)) {
				return i, w, true
			}
		}
	}
	return 0, "", false
}

// render fills the placeholders of a reason template.
func render(tmpl string, vars map[string]string) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	return placeholder.ReplaceAllStringFunc(tmpl, func(m string) string {
		if v, ok := vars[m[1:len(m)-1]]; ok {
			return v
		}
		return "–"
	})
}
