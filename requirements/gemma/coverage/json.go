package coverage

import (
	"encoding/json"
	"io"

	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
)

// JSONSchema names the layout of WriteJSON; it changes when keys do.
const JSONSchema = "blueprint-gemma-coverage/1"

type jsonElement struct {
	ObjectID  string `json:"object_id"`
	ArchiID   string `json:"archi_id,omitempty"`
	Name      string `json:"name"`
	Type      string `json:"type"`
	Kind      string `json:"kind,omitempty"`
	GemmaType string `json:"gemma_type,omitempty"`
	Status    string `json:"status,omitempty"`
}

func jsonElementOf(e *gemma.Element) *jsonElement {
	if e == nil {
		return nil
	}
	return &jsonElement{ObjectID: e.ObjectID, ArchiID: e.ArchiID, Name: e.Name, Type: e.Type, Kind: e.Kind, GemmaType: e.GemmaType, Status: e.Status}
}

type jsonPlace struct {
	Journey string `json:"journey"`
	Step    string `json:"step"`
	Title   string `json:"title"`
	At      string `json:"at"`
}

func jsonPlaces(ps []Place) []jsonPlace {
	out := make([]jsonPlace, 0, len(ps))
	for _, p := range ps {
		out = append(out, jsonPlace{Journey: p.Journey.ID, Step: p.Step.ID, Title: p.Step.Title, At: p.Step.Pos.String()})
	}
	return out
}

type jsonWhy struct {
	Function string `json:"function,omitempty"`
	Service  string `json:"service,omitempty"`
	Provided string `json:"provided_by,omitempty"`
	Seed     bool   `json:"named_by_catalogue_or_systems,omitempty"`
	Text     string `json:"text,omitempty"`
}

type jsonService struct {
	jsonElement
	Covered      bool     `json:"covered"`
	Requirements []string `json:"requirements"`
	Parts        []string `json:"covered_parts,omitempty"`
}

type jsonComponent struct {
	jsonElement
	InScope      bool          `json:"in_scope"`
	Covered      bool          `json:"covered"`
	OnlySystem   bool          `json:"only_through_system"`
	Why          *jsonWhy      `json:"why,omitempty"`
	Requirements []string      `json:"requirements"`
	NotDerived   []string      `json:"not_derived"`
	Systems      []string      `json:"systems"`
	Journeys     int           `json:"journeys"`
	Steps        []jsonPlace   `json:"steps"`
	Services     []jsonService `json:"services"`
}

type jsonMissing struct {
	ObjectID     string         `json:"object_id"`
	Name         string         `json:"name"`
	At           string         `json:"at"`
	Requirements []string       `json:"requirements"`
	Was          *jsonFunction  `json:"applicatiefunctie_2022,omitempty"`
	Successor    *jsonElement   `json:"successor,omitempty"`
	Candidates   []*jsonElement `json:"candidates,omitempty"`
	ArchiIDOf    *jsonElement   `json:"archi_id_of,omitempty"`
	Unsure       bool           `json:"not_in_extract,omitempty"`
	Text         string         `json:"text"`
}

type jsonFunction struct {
	ObjectID   string   `json:"object_id"`
	Name       string   `json:"name"`
	Components []string `json:"realized_by_2022"`
}

type jsonReport struct {
	Schema   string `json:"schema"`
	Language string `json:"language"`
	Model    struct {
		Name    string   `json:"name"`
		Release string   `json:"release"`
		Extract bool     `json:"extract"`
		Files   []string `json:"files"`
	} `json:"model"`
	CatalogueRelease string          `json:"catalogue_release"`
	Journeys         []string        `json:"journeys"`
	Counts           Counts          `json:"counts"`
	Components       []jsonComponent `json:"components"`
	Outside          []jsonComponent `json:"outside_scope"`
	Unmapped         []string        `json:"requirements_without_gemma"`
	Missing          []jsonMissing   `json:"missing_object_ids"`
	Differs          []jsonDiffers   `json:"differs"`
	NotInUse         []jsonNotInUse  `json:"not_in_use"`
	Mismatches       []jsonMismatch  `json:"services_not_provided"`
	Systems          []jsonSystem    `json:"systems"`
}

type jsonDiffers struct {
	Entry string       `json:"catalogue_name"`
	At    string       `json:"at"`
	Model *jsonElement `json:"model"`
}

type jsonNotInUse struct {
	jsonElement
	Requirements []string `json:"requirements"`
}

type jsonMismatch struct {
	Requirement string   `json:"requirement"`
	Service     string   `json:"service"`
	Components  []string `json:"components"`
	ProvidedBy  []string `json:"provided_by"`
}

type jsonRef struct {
	ObjectID string `json:"object_id"`
	Name     string `json:"name"`
}

type jsonSystem struct {
	ID    string      `json:"id"`
	Name  string      `json:"name"`
	Gemma []jsonRef   `json:"gemma"`
	Steps []jsonPlace `json:"steps"`
}

func ids(reqs []*requirements.Requirement) []string {
	out := make([]string, 0, len(reqs))
	for _, q := range reqs {
		out = append(out, q.ID)
	}
	return out
}

func (r *Report) jsonComponent(x *Component) jsonComponent {
	c := jsonComponent{
		jsonElement: *jsonElementOf(x.Element), InScope: r.Scope.In(x.Element), Covered: x.Covered(), OnlySystem: x.OnlySystem(),
		Requirements: ids(x.Requirements), NotDerived: ids(x.NotDerived), Journeys: x.Journeys, Steps: jsonPlaces(x.Places),
		Systems: []string{}, Services: []jsonService{},
	}
	if c.InScope {
		w := x.Why
		c.Why = &jsonWhy{Seed: w.Seed, Text: r.WhyText(x.Element, w)}
		if w.Function != nil {
			c.Why.Function = r.Model.Path(r.Scope.Root, w.Function)
		}
		if w.Service != nil {
			c.Why.Service = w.Service.ObjectID
		}
	}
	for _, u := range x.Systems {
		c.Systems = append(c.Systems, u.ID)
	}
	for _, s := range x.Services {
		c.Services = append(c.Services, jsonService{jsonElement: *jsonElementOf(s.Element), Covered: s.Covered(), Requirements: ids(s.Requirements), Parts: elementIDs(s.Parts)})
	}
	return c
}

// WriteJSON writes everything in the report, for tools. Keys are stable
// within a JSONSchema.
func WriteJSON(w io.Writer, r *Report) error {
	var out jsonReport
	out.Schema, out.Language = JSONSchema, string(r.Lang)
	out.Model.Name, out.Model.Release, out.Model.Extract, out.Model.Files = r.Model.Name, r.Release, r.Model.Extract, r.Model.Files
	out.CatalogueRelease = r.CatalogueRelease
	out.Journeys = []string{}
	for _, j := range r.Journeys {
		out.Journeys = append(out.Journeys, j.ID)
	}
	out.Counts = r.Counts()
	out.Components, out.Outside, out.Unmapped, out.Missing = []jsonComponent{}, []jsonComponent{}, []string{}, []jsonMissing{}
	out.Differs, out.NotInUse, out.Mismatches, out.Systems = []jsonDiffers{}, []jsonNotInUse{}, []jsonMismatch{}, []jsonSystem{}
	for _, x := range r.Components {
		out.Components = append(out.Components, r.jsonComponent(x))
	}
	for _, x := range r.Outside {
		out.Outside = append(out.Outside, r.jsonComponent(x))
	}
	for _, row := range r.Unmapped {
		out.Unmapped = append(out.Unmapped, row.Requirement.ID)
	}
	for _, x := range r.Missing {
		m := jsonMissing{ObjectID: x.Entry.ObjectID, Name: x.Entry.Name, At: x.Entry.Pos.String(), Requirements: ids(x.Requirements),
			Successor: jsonElementOf(x.Successor), ArchiIDOf: jsonElementOf(x.ArchiID), Unsure: x.Unsure, Text: r.MissingText(x)}
		if x.Was != nil {
			m.Was = &jsonFunction{ObjectID: x.Was.ObjectID, Name: x.Was.Name, Components: x.Was.Components}
		}
		for _, c := range x.Candidates {
			m.Candidates = append(m.Candidates, jsonElementOf(c))
		}
		out.Missing = append(out.Missing, m)
	}
	for _, x := range r.Differs {
		out.Differs = append(out.Differs, jsonDiffers{x.Entry.Name, x.Entry.Pos.String(), jsonElementOf(x.Model)})
	}
	for _, x := range r.NotInUse {
		out.NotInUse = append(out.NotInUse, jsonNotInUse{*jsonElementOf(x.Element), ids(x.Requirements)})
	}
	for _, x := range r.Mismatches {
		out.Mismatches = append(out.Mismatches, jsonMismatch{x.Requirement.ID, x.Service.ObjectID, elementIDs(x.Components), elementIDs(x.ProvidedBy)})
	}
	for _, u := range r.Systems {
		refs := []jsonRef{}
		for _, ref := range u.Refs {
			refs = append(refs, jsonRef{ref.ObjectID, ref.Name})
		}
		out.Systems = append(out.Systems, jsonSystem{u.ID, u.Name(r.Lang), refs, jsonPlaces(u.Places)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
