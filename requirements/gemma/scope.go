package gemma

import (
	"cmp"
	"slices"
)

// KCCFunction is the Object ID of the hoofdbedrijfsfunctie Klant- en
// keteninteractie of the GEMMA bedrijfsfunctiemodel: the customer contact
// that the KCC basisvoorziening supports (its sub-functions include
// Contactbeheer, Klantenservice, Informering and Ontvangst).
const KCCFunction = "1022e062-af16-4ca9-8ee8-434ebd880977"

// Scope is the KCC-relevant part of a model.
type Scope struct {
	// Root is the bedrijfsfunctie Klant- en keteninteractie, or nil when
	// the model lacks it (then the scope is only what the seeds name).
	Root *Element
	// Functions are Root and its sub-functions, sorted by name after Root.
	Functions []*Element
	// Components are the referentiecomponenten (and the buitengemeentelijke
	// voorzieningen the seeds name) in scope, sorted by name.
	Components []*Element
	// Services are the application services in scope, sorted by name: those
	// serving Functions, those Components provide, and the seeds.
	Services []*Element
	// Why says, for each component and service, why it is in scope.
	Why map[*Element]Why
}

// Why a component or service is in scope.
type Why struct {
	// Seed is set when the requirements (or the mapping of the journeys'
	// systems) name the element.
	Seed bool
	// Service and Function are set when the element supports a function
	// of Klant- en keteninteractie: a component realizes Service, which
	// serves Function; for a service, Service is the element itself.
	Service, Function *Element
	// ProvidedBy is set for a service that is in scope only because a
	// component in scope provides it.
	ProvidedBy *Element
}

// ScopeOf returns the KCC scope of m: the functions below
// Klant- en keteninteractie; the application services that serve them;
// the referentiecomponenten that realize those services; every element
// whose Object ID is in seeds (the GEMMA elements the requirements name);
// and all services the components provide. Unknown seeds are ignored
// (the coverage reports them).
func ScopeOf(m *Model, seeds []string) *Scope {
	sc := &Scope{Root: m.Element(KCCFunction), Why: map[*Element]Why{}}
	if sc.Root != nil && sc.Root.Type == BusinessFunction {
		sc.Functions = append([]*Element{sc.Root}, m.Parts(sc.Root)...)
	} else {
		sc.Root = nil
	}
	comps := map[*Element]bool{}
	svcs := map[*Element]bool{}
	for _, f := range sc.Functions {
		var serving []*Element
		for _, r := range m.Incoming(f, Serving) {
			if r.Source.Type == ApplicationService {
				serving = append(serving, r.Source)
			}
		}
		SortByName(serving)
		for _, s := range serving {
			if !svcs[s] {
				svcs[s] = true
				sc.Why[s] = Why{Service: s, Function: f}
			}
			for _, c := range m.Realizers(s) {
				if c.Kind == Component && !comps[c] {
					comps[c] = true
					sc.Why[c] = Why{Service: s, Function: f}
				}
			}
		}
	}
	for _, id := range seeds {
		e := m.Element(id)
		if e == nil {
			continue
		}
		switch e.Type {
		case ApplicationComponent:
			comps[e] = true
		case ApplicationService:
			svcs[e] = true
		default:
			continue
		}
		w := sc.Why[e]
		w.Seed = true
		sc.Why[e] = w
	}
	sc.Components = sortedByName(comps)
	for _, c := range sc.Components {
		for _, s := range m.Provides(c) {
			if !svcs[s] {
				svcs[s] = true
				sc.Why[s] = Why{ProvidedBy: c}
			}
		}
	}
	sc.Services = sortedByName(svcs)
	return sc
}

func sortedByName(set map[*Element]bool) []*Element {
	out := make([]*Element, 0, len(set))
	for e := range set {
		out = append(out, e)
	}
	SortByName(out)
	return out
}

// SortByName sorts elements by name, then Object ID.
func SortByName(es []*Element) {
	slices.SortFunc(es, func(a, b *Element) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ObjectID, b.ObjectID))
	})
}

// In reports whether e is in the scope.
func (sc *Scope) In(e *Element) bool {
	_, ok := sc.Why[e]
	return ok
}
