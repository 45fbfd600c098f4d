package main

import (
	"strings"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/render/site"
	"github.com/dimpact/blueprint/requirements"
)

// The site takes plain data, so that the diagram stage does not import the
// requirements stage; this file turns a requirements.Result into it.

// siteRequirements returns the rows of the PvE as the site shows them.
func siteRequirements(res *requirements.Result, lang blueprint.Lang) []*site.Requirement {
	out := make([]*site.Requirement, 0, len(res.Rows))
	for _, row := range res.Rows {
		r := row.Requirement
		sr := &site.Requirement{
			ID: r.ID, Title: r.Title(lang), Text: r.Text(lang), Rationale: requirements.Rationale(row, lang),
			Block: row.Block.Name(lang), BlockNumber: row.Block.Number,
			Kind: requirements.KindLabel(lang, row.Kind), MoSCoW: requirements.MoSCoWName(lang, row.MoSCoW),
			Weight: requirements.WeightText(lang, row), Journeys: row.Journeys, Steps: row.Steps,
		}
		if row.Function != nil {
			sr.Function = row.Function.Name(lang)
		}
		if g := requirements.GemmaText(row, lang); g != "" {
			sr.Gemma = strings.Split(g, "\n")
		}
		sr.Places = make([]site.Place, 0, len(row.Traces))
		for _, t := range row.Traces {
			p := site.Place{Reason: t.Reason}
			if t.Journey != nil {
				p.Journey = t.Journey.ID
			}
			if t.Step != nil {
				p.Step = t.Step.ID
			}
			if t.Phase != nil && t.Step == nil {
				p.Phase = t.Phase.ID
			}
			if t.Persona != nil {
				p.Persona = t.Persona.ID
			}
			sr.Places = append(sr.Places, p)
		}
		out = append(out, sr)
	}
	return out
}

// stepRequirements returns, per journey and step, the requirements the
// step led to.
func stepRequirements(res *requirements.Result, lang blueprint.Lang) map[*blueprint.Journey]map[string][]site.RequirementRef {
	blocks := map[string]string{} // requirement id → block name
	for _, row := range res.Rows {
		blocks[row.Requirement.ID] = row.Block.Name(lang)
	}
	out := map[*blueprint.Journey]map[string][]site.RequirementRef{}
	for _, st := range res.Steps {
		if len(st.Requirements) == 0 {
			continue
		}
		m := out[st.Journey]
		if m == nil {
			m = map[string][]site.RequirementRef{}
			out[st.Journey] = m
		}
		for _, r := range st.Requirements {
			m[st.Step.ID] = append(m[st.Step.ID], site.RequirementRef{ID: r.ID, Title: r.Title(lang), Block: blocks[r.ID]})
		}
	}
	return out
}
