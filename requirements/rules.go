package requirements

import (
	"slices"

	"github.com/dimpact/blueprint/blueprint"
)

// fire records a trace of rule r for every requirement it names, with the
// reason filled from vars. The requirements share the one trace: a trace
// is not changed once made, and a rule that names a function names all its
// requirements (a national collection has 1.7 million of them otherwise).
func (dv *deriver) fire(r *Rule, value values, t Trace) {
	t.Kind, t.Rule = TraceRule, r
	t.Reason = dv.reason(pick(dv.lang, r.ReasonNL, r.ReasonEN), value)
	var tr *Trace
	for _, target := range r.Requirements {
		for _, req := range dv.cat.targets(target) {
			if tr == nil {
				tr = new(Trace)
				*tr = t
			}
			dv.add(req, tr)
		}
	}
}

// stepRules applies the step rules to a step; prev is the step before it
// that had a channel. It marks in mapped the indexes of the needs a rule's
// behoefte_bevat recognised.
func (dv *deriver) stepRules(j *blueprint.Journey, s, prev *blueprint.Step, mapped map[int]bool) {
	ctx := &stepCtx{dv: dv, j: j, s: s, prev: prev}
	for _, r := range dv.cat.Rules {
		if r.Level != "" && r.Level != LevelStep {
			continue
		}
		m, ok := ctx.holds(r.When)
		if !ok {
			continue
		}
		for i := range ctx.matchedNeeds {
			mapped[i] = true
		}
		dv.fire(r, ctx.values(&m), Trace{Journey: j, Phase: j.Phase(s.Phase), Step: s, Pos: m.pos})
		for _, h := range m.more {
			f := m
			f.handoff, f.pos = h, h.Pos
			dv.fire(r, ctx.values(&f), Trace{Journey: j, Phase: j.Phase(s.Phase), Step: s, Pos: f.pos})
		}
	}
}

// phaseRules applies the phase rules to the phases of a journey.
func (dv *deriver) phaseRules(j *blueprint.Journey) {
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
			dv.fire(r, mapValues(map[string]string{"fase": ph.Name}), Trace{Journey: j, Phase: ph, Pos: ph.Pos})
		}
	}
}

// stepTexts applies the text rules to a step's free-text needs and pain
// points, with the role of the journey's persona. It returns the indexes
// of the needs it recognised.
func (dv *deriver) stepTexts(j *blueprint.Journey, s *blueprint.Step) map[int]bool {
	var refs []textRef
	for i, n := range s.Needs {
		refs = append(refs, newRef(n, s.ElemAt("behoeften", i), true, i))
	}
	for i, k := range s.PainPoints {
		refs = append(refs, newRef(k, s.ElemAt("knelpunten", i), false, i))
	}
	role := ""
	if j.Persona != nil {
		role = j.Persona.Role
	}
	return dv.texts(j, j.Phase(s.Phase), s, nil, role, refs)
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

// textRef is one free text of a step or persona: a need or a pain point.
type textRef struct {
	text string
	pos  blueprint.Pos
	need bool
	idx  int // index in the step's behoeften, for needs
}

func newRef(text string, pos blueprint.Pos, need bool, idx int) textRef {
	return textRef{text: text, pos: pos, need: need, idx: idx}
}

// texts applies the text rules to the free texts of a step or a persona,
// one trace per text and rule (text.go says how a text matches a rule's
// words). It returns the indexes of the needs it recognised.
func (dv *deriver) texts(j *blueprint.Journey, ph *blueprint.Phase, s *blueprint.Step, p *blueprint.Persona, role string, refs []textRef) map[int]bool {
	mapped := map[int]bool{}
	if len(refs) == 0 {
		return mapped
	}
	tm := dv.textMatcher()
	hits := make([][]match, len(refs))
	for i, ref := range refs {
		hits[i] = tm.matches(ref.text, ref.need)
	}
	for _, tr := range tm.x.rules {
		w := tr.rule.When
		if len(w.Roles) > 0 && !dv.actorIs(role, w.Roles) { // the persona's actor, by id or role
			continue
		}
		for i, ref := range refs {
			ids := tr.pain
			if ref.need {
				ids = tr.need
			}
			h, ok := first(ids, tm.x, hits[i])
			if !ok {
				continue
			}
			if ref.need {
				mapped[ref.idx] = true
			}
			vars := map[string]string{"tekst": ref.text, "woord": h.phrase.word, "treffer": h.explain()}
			if p != nil {
				vars["persona"] = p.Name
			}
			dv.fire(tr.rule, mapValues(vars), Trace{Journey: j, Phase: ph, Step: s, Persona: p, Pos: ref.pos})
		}
	}
	return mapped
}
