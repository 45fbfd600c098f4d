package requirements

import (
	"fmt"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

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

// override is a [[prioriteit]] that names the requirement, from a journey
// or (project) from blueprint.toml.
type override struct {
	p       *blueprint.PriorityOverride
	project bool
}

// newEv returns empty evidence.
func newEv() *ev {
	return &ev{journeys: map[*blueprint.Journey]bool{}, steps: map[*blueprint.Step]bool{}, painJourneys: map[*blueprint.Journey]bool{},
		viaJourneys: map[*blueprint.Journey]bool{}, viaSteps: map[*blueprint.Step]bool{}}
}

// evOf returns the evidence gathered for r so far, making it on first use.
func (dv *deriver) evOf(r *Requirement) *ev {
	e := dv.ev[r]
	if e == nil {
		e = newEv()
		dv.ev[r] = e
	}
	return e
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
		if sug := blueprint.Suggest(key, append(dv.cat.functionKeys(), dv.cat.requirementIDs()...)); sug != "" {
			dv.d.Hint(x, "bedoelde u %q? (een vrije behoefte schrijft u als zin, met spaties)", "did you mean %q? (write a free-text need as a sentence, with spaces)", sug)
		} else {
			dv.d.Hint(x, "gebruik een functiesleutel zoals \"klantcontacthistorie\" of een eis-id zoals \"KCC-CR-002\"; een vrije behoefte schrijft u als zin, met spaties",
				"use a function key such as \"klantcontacthistorie\" or a requirement id such as \"KCC-CR-002\"; write a free-text need as a sentence, with spaces")
		}
	}
	return mapped
}

// unmapped warns about the free-text needs of a step that no rule
// recognised: they lead to no requirement.
func (dv *deriver) unmapped(s *blueprint.Step, mapped map[int]bool) {
	for i, n := range s.Needs {
		if isKey(n) || mapped[i] {
			continue
		}
		x := dv.d.Warnf(s.ElemAt("behoeften", i), "need-unmapped",
			"behoefte %q leidt tot geen eis uit de catalogus", "need %q leads to no requirement of the catalogue", n)
		dv.d.Hint(x, "noem een functiesleutel of eis-id (zie blueprint matrix --catalogue-template), vul de catalogus aan, of laat de waarschuwing staan als de behoefte buiten de KCC-voorziening valt",
			"name a function key or requirement id (see blueprint matrix --catalogue-template), extend the catalogue, or leave the warning if the need is outside the KCC shared service")
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

// unionLen returns the number of keys in a or b.
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
