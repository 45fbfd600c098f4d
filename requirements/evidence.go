package requirements

import (
	"fmt"

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
// persona's text, a rule about fail points, repeat contacts or negative
// emotion, or any step rule that fires on a step marked faalpunt or
// herhaalcontact: where the service fails or the customer has to come
// back, what the step runs on (its channel, its systems, its hand-offs) is
// part of the failure. A rule about a channel or a system on a step that
// is only unpleasant (a low emotion) shows use, not pain.
func isPain(t *Trace) bool {
	switch t.Kind {
	case TraceNeed:
		return true
	case TraceRule:
		if t.Rule == nil {
			return false
		}
		return t.Rule.pain() || (t.Step != nil && (t.Step.FailPoint || t.Step.RepeatContact))
	}
	return false
}

// unmapped warns about the free-text needs of a step that no rule
// recognised: they lead to no requirement.
func (dv *deriver) unmapped(s *blueprint.Step, mapped map[int]bool) {
	for i, n := range s.Needs {
		// A behoefte that spells a key is free text that names nothing,
		// whether or not a text rule read it.
		if needIsRef(dv.d, dv.cat, s.ElemAt("behoeften", i), n) || mapped[i] {
			continue
		}
		x := dv.d.Warnf(s.ElemAt("behoeften", i), "need-unmapped",
			"behoefte %q leidt tot geen eis uit de catalogus", "need %q leads to no requirement of the catalogue", n)
		dv.d.Hint(x, "noem de eis of functie in eisen (zie blueprint matrix --catalogue-template), vul de catalogus aan, of laat de waarschuwing staan als de behoefte buiten de KCC-voorziening valt",
			"name the requirement or function in eisen (see blueprint matrix --catalogue-template), extend the catalogue, or leave the warning if the need is outside the KCC shared service")
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
