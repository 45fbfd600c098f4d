package coverage

import (
	"fmt"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
)

// Report is the GEMMA coverage of one derivation.
type Report struct {
	// Lang is the language of the texts.
	Lang blueprint.Lang
	// Release is the release of the model the coverage was computed
	// against; CatalogueRelease the one the catalogue says it was written
	// against (gemma_release).
	Release, CatalogueRelease string
	// Model is the model used.
	Model *gemma.Model
	// Journeys and Requirements are what the coverage is of: the journeys
	// and the derived requirements (the rows of the matrix).
	Journeys     []*blueprint.Journey
	Requirements []*requirements.Row
	// Scope is the KCC-relevant part of the model.
	Scope *gemma.Scope
	// Components are the components in scope, sorted by name; Outside are
	// components outside the scope that a requirement or system names.
	Components, Outside []*Component
	// Services are the services in scope, sorted by name.
	Services []*Service
	// Unmapped are derived requirements that name no GEMMA element the
	// model has.
	Unmapped []*requirements.Row
	// Missing are the catalogue's Object IDs the model lacks.
	Missing []*Missing
	// Differs are catalogue entries whose name or kind differs from the
	// model.
	Differs []*Differs
	// NotInUse are elements named by a derived requirement or mapped from a
	// system whose status is In ontwikkeling or Einde ondersteuning.
	NotInUse []*Component
	// Mismatches are services a requirement names that none of the
	// components it names provides in GEMMA.
	Mismatches []*Mismatch
	// Systems are the systems of the support lanes, in vocabulary order.
	Systems []*SystemUse
}

// Place is a step of a journey.
type Place struct {
	Journey *blueprint.Journey
	Step    *blueprint.Step
}

// Component is the coverage of one component (or buitengemeentelijke
// voorziening).
type Component struct {
	Element *gemma.Element
	// Why says why it is in scope (zero for Outside).
	Why gemma.Why
	// Requirements are the derived requirements that name it, in
	// catalogue order; NotDerived the catalogue's requirements that name
	// it but no journey needs.
	Requirements, NotDerived []*requirements.Requirement
	// Systems are the systems of the support lanes that map to it.
	Systems []*SystemUse
	// Places are the steps that need it, through a requirement or a
	// system, in journey order; Journeys counts their journeys.
	Places   []Place
	Journeys int
	// Services are the services it provides, with their coverage.
	Services []*Service
}

// Covered reports whether a derived requirement names the component.
func (c *Component) Covered() bool { return len(c.Requirements) > 0 }

// OnlySystem reports whether only a system of the journeys, and no derived
// requirement, maps to the component.
func (c *Component) OnlySystem() bool { return !c.Covered() && len(c.Systems) > 0 }

// Service is the coverage of one application service.
type Service struct {
	Element *gemma.Element
	// Requirements are the derived requirements that name it.
	Requirements []*requirements.Requirement
	// Parts are its sub-services that derived requirements name.
	Parts []*gemma.Element
}

// Covered reports whether a derived requirement names the service.
func (s *Service) Covered() bool { return len(s.Requirements) > 0 }

// Missing is an Object ID of the catalogue that the model lacks.
type Missing struct {
	// Entry is the catalogue's [[gemma]] entry.
	Entry *gemma.Element
	// Requirements name it (derived or not).
	Requirements []*requirements.Requirement
	// Was is the applicatiefunctie of 2022 with this Object ID, if any.
	Was *gemma.Function2022
	// Successor is the service that replaced it, when the model has it;
	// Candidates the services the components that realized it in 2022
	// provide now, when it has no successor.
	Successor  *gemma.Element
	Candidates []*gemma.Element
	// ArchiID is set when the id is the Archi id of an element of the
	// model: that element, whose Object ID the catalogue should use.
	ArchiID *gemma.Element
	// Unsure is set when the model is the embedded extract, which holds
	// only the KCC-relevant part of GEMMA: the full model may have it.
	Unsure bool
}

// Differs is a catalogue entry whose name or kind differs from the model.
type Differs struct {
	Entry, Model *gemma.Element
}

// Mismatch is a service a requirement names that none of the components it
// names provides.
type Mismatch struct {
	Requirement *requirements.Requirement
	Service     *gemma.Element
	// Components are the components the requirement names; ProvidedBy the
	// components that provide the service in GEMMA.
	Components, ProvidedBy []*gemma.Element
}

// SystemUse is a system of the support lanes and where it is used.
type SystemUse struct {
	// ID is the system id; System its entry in the vocabulary (nil for an
	// id the vocabulary lacks).
	ID     string
	System *blueprint.System
	// Elements are the GEMMA elements it maps to that the model has; Refs
	// what the table says.
	Elements []*gemma.Element
	Refs     []Ref
	Places   []Place
}

// Name returns the system's name in lang.
func (s *SystemUse) Name(lang blueprint.Lang) string {
	if s.System != nil {
		return s.System.Name(lang)
	}
	return s.ID
}

// Counts are the numbers the report opens with.
type Counts struct {
	// Components in scope, and how many are covered by a requirement,
	// only through a system, or not at all.
	Components int `json:"components"`
	// References and Externals split Components into
	// referentiecomponenten and buitengemeentelijke voorzieningen.
	References int `json:"reference_components"`
	Externals  int `json:"external_facilities"`
	Covered    int `json:"covered"`
	OnlySystem int `json:"only_through_system"`
	Gaps       int `json:"gaps"`
	// Named are the services derived requirements name; Provided the
	// services the covered components provide, of which ProvidedNamed
	// are named.
	Named         int `json:"services_named"`
	Provided      int `json:"services_provided"`
	ProvidedNamed int `json:"services_provided_named"`
}

// Groups splits the components in scope into those covered by a
// requirement, those only a system of the journeys maps to, and the gaps.
func (r *Report) Groups() (covered, onlySystem, gaps []*Component) {
	for _, x := range r.Components {
		switch {
		case x.Covered():
			covered = append(covered, x)
		case x.OnlySystem():
			onlySystem = append(onlySystem, x)
		default:
			gaps = append(gaps, x)
		}
	}
	return covered, onlySystem, gaps
}

// ComponentsText says how many KCC components there are, of which kinds.
func (r *Report) ComponentsText() string {
	n := r.Counts()
	return fmt.Sprintf(r.t("KCC-componenten: %d (%s, %s)", "KCC components: %d (%s, %s)"), n.Components,
		r.count(n.References, "referentiecomponent", "referentiecomponenten", "reference component", "reference components"),
		r.count(n.Externals, "buitengemeentelijke voorziening", "buitengemeentelijke voorzieningen", "external facility", "external facilities"))
}

// Counts returns the numbers of components and services in scope and how
// many are covered.
func (r *Report) Counts() Counts {
	var n Counts
	for _, x := range r.Components {
		n.Components++
		if x.Element.Kind == gemma.External {
			n.Externals++
		} else {
			n.References++
		}
		switch {
		case x.Covered():
			n.Covered++
		case x.OnlySystem():
			n.OnlySystem++
		default:
			n.Gaps++
		}
	}
	named := map[*gemma.Element]bool{}
	for _, row := range r.Requirements {
		for _, id := range row.Requirement.Gemma {
			if e := r.Model.Element(id); e != nil && e.Type == gemma.ApplicationService {
				named[e] = true
			}
		}
	}
	n.Named = len(named)
	provided := map[*gemma.Element]bool{}
	for _, x := range r.Components {
		if x.Covered() {
			for _, s := range x.Services {
				provided[s.Element] = true
			}
		}
	}
	n.Provided = len(provided)
	for s := range provided {
		if named[s] {
			n.ProvidedNamed++
		}
	}
	return n
}
