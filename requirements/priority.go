package requirements

import (
	"fmt"

	"github.com/dimpact/blueprint/blueprint"
)

// override records a [[prioriteit]] and checks that it names something.
func (dv *deriver) override(j *blueprint.Journey, p *blueprint.PriorityOverride, project bool) {
	if !checkPriorityRef(dv.d, dv.cat, p) {
		return
	}
	reqs := dv.cat.targets(p.Requirement)
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

// prioritise sets the row's MoSCoW, kind, weight and the reason.
func (dv *deriver) prioritise(row *Row, e *ev, n int) {
	r := row.Requirement
	level, why := dv.propose(e, n)
	row.MoSCoW, row.Kind = r.MoSCoW, r.Kind
	switch {
	case !row.Needed:
		row.Priority = Priority{Source: PriorityCatalogue,
			Reason: dv.t("Niet afgeleid uit de klantreizen; opgenomen met de standaardprioriteit van de catalogus.",
				"Not derived from the journeys; included with the catalogue's default priority.")}
	case rank(level) > rank(r.MoSCoW):
		row.MoSCoW = level
		row.Priority = Priority{Source: PriorityEvidence, Reason: fmt.Sprintf(dv.t("Afgeleid uit de klantreizen: %s.", "Derived from the journeys: %s."), why)}
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

// propose proposes a MoSCoW level from the evidence and says why:
//
//   - must: a behoefte names the requirement's id, or pain signals in at
//     least three quarters of the journeys (and at least two);
//   - should: a behoefte names its function, or two or more journeys need
//     it, or a pain signal (in a journey or a persona) asks for it;
//   - could: otherwise (one journey, without pain; or only required by
//     another requirement).
func (dv *deriver) propose(e *ev, n int) (string, string) {
	j, s, pj := len(e.journeys), e.steps.count(nil), len(e.painJourneys)
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
