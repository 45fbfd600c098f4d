package requirements

import (
	"fmt"
	"math/bits"

	"github.com/dimpact/blueprint/blueprint"
)

// ev collects the evidence for one requirement while deriving.
type ev struct {
	traces   []*Trace
	journeys map[*blueprint.Journey]bool
	// steps are the steps that need it, by their number (deriver.stepNo):
	// a set of 150,000 steps at national scale, which as a map took a
	// sixth of deriving to fill.
	steps stepSet
	// viaJourneys and viaSteps are the journeys and steps that need it
	// through a requirement that requires it.
	viaJourneys map[*blueprint.Journey]bool
	viaSteps    stepSet
	// painJourneys are the journeys where a pain signal needs it: an
	// explicit or free-text need, a pain point, or a step that is a fail
	// point, a repeat contact or very negative.
	painJourneys map[*blueprint.Journey]bool
	painPersona  bool // a persona's need or pain point asks for it
	explicitID   bool // a behoefte names its id
	explicitFn   bool // a behoefte names its function
	direct       bool // it has evidence of its own (not only through vereist)
	overrides    []override
	// lastJourney, lastStep and lastPain are the keys last put in
	// journeys, steps and painJourneys: traces come journey after journey
	// and step after step, so most are already there (the map assignments
	// were a third of deriving at national scale).
	lastJourney, lastPain *blueprint.Journey
	lastStep              *blueprint.Step
}

// override is a [[prioriteit]] that names the requirement, from a journey
// or (project) from blueprint.toml.
type override struct {
	p       *blueprint.PriorityOverride
	project bool
}

// newEv returns empty evidence.
func newEv() *ev {
	return &ev{journeys: map[*blueprint.Journey]bool{}, painJourneys: map[*blueprint.Journey]bool{},
		viaJourneys: map[*blueprint.Journey]bool{}}
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
	if t.Journey != nil && t.Journey != e.lastJourney {
		e.journeys[t.Journey] = true
		e.lastJourney = t.Journey
	}
	if isPain(t) {
		if t.Journey == nil {
			e.painPersona = true
		} else if t.Journey != e.lastPain {
			e.painJourneys[t.Journey] = true
			e.lastPain = t.Journey
		}
	}
	if t.Step != nil {
		if t.Step != e.lastStep {
			e.steps.add(dv.number(t.Step))
			e.lastStep = t.Step
		}
		if t.Kind != TraceRequired {
			if t.Step != dv.setStep {
				dv.setStep, dv.set = t.Step, dv.steps[t.Step]
				if dv.set == nil {
					dv.set = map[*Requirement]bool{}
					dv.steps[t.Step] = dv.set
				}
			}
			dv.set[r] = true
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
				qe.viaSteps.or(e.steps)
				if !visited[q] {
					visited[q] = true
					queue = append(queue, q)
				}
			}
		}
	}
}

// number returns the number of a step, numbering it when it is new.
func (dv *deriver) number(s *blueprint.Step) int {
	i, ok := dv.stepNo[s]
	if !ok {
		i = dv.stepBase + len(dv.stepNo)
		dv.stepNo[s] = i
	}
	return i
}

// stepSet is a set of step numbers.
type stepSet []uint64

func (b *stepSet) add(i int) {
	w := i / 64
	if w >= len(*b) {
		*b = append(*b, make(stepSet, w+1-len(*b))...)
	}
	(*b)[w] |= 1 << (i % 64)
}

func (b *stepSet) or(c stepSet) {
	if len(c) > len(*b) {
		*b = append(*b, make(stepSet, len(c)-len(*b))...)
	}
	for i, w := range c {
		(*b)[i] |= w
	}
}

// count returns the number of steps in the union of b and c.
func (b stepSet) count(c stepSet) int {
	if len(c) > len(b) {
		b, c = c, b
	}
	n := 0
	for i, w := range b {
		if i < len(c) {
			w |= c[i]
		}
		n += bits.OnesCount64(w)
	}
	return n
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
