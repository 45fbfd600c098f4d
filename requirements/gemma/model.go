package gemma

import (
	"slices"
	"strings"
)

// Model is a GEMMA model (or an extract of one): its elements that have an
// Object ID, and the relations between them.
type Model struct {
	// ID is the model's identifier in Archi.
	ID string
	// Name is the model's name ("GEMMA").
	Name string
	// Release is the model's property Release, such as "2026-06-30"; empty
	// when the file does not say.
	Release string
	// Extract is set for the model Extract wrote (the embedded default): it
	// holds only the KCC-relevant part of the release, so an Object ID
	// missing from it may still be in the full model.
	Extract bool
	// Files are the files read, slash-separated.
	Files []string
	// Elements are the elements with an Object ID, in file order.
	Elements []*Element
	// Relations are the relations between elements with an Object ID, in
	// file order.
	Relations []*Relation
	// Duplicates lists Object IDs that more than one element carries; the
	// first element keeps the Object ID.
	Duplicates []string

	byObjectID map[string]*Element
	byArchiID  map[string]*Element
	out, in    map[*Element][]*Relation
}

// newModel returns an empty model ready for add.
func newModel() *Model {
	return &Model{
		byObjectID: map[string]*Element{},
		byArchiID:  map[string]*Element{},
		out:        map[*Element][]*Relation{},
		in:         map[*Element][]*Relation{},
	}
}

// addElement adds e when it has an Object ID that no earlier element has.
func (m *Model) addElement(e *Element) {
	e.Kind = KindOf(e.Type, e.GemmaType)
	if _, dup := m.byObjectID[e.ObjectID]; dup {
		m.Duplicates = append(m.Duplicates, e.ObjectID)
		return
	}
	m.byObjectID[e.ObjectID] = e
	m.byArchiID[e.ArchiID] = e
	m.Elements = append(m.Elements, e)
}

// addRelation adds r; both ends must be elements of m.
func (m *Model) addRelation(r *Relation) {
	m.Relations = append(m.Relations, r)
	m.out[r.Source] = append(m.out[r.Source], r)
	m.in[r.Target] = append(m.in[r.Target], r)
}

// Element returns the element with the given Object ID, or nil.
func (m *Model) Element(objectID string) *Element { return m.byObjectID[objectID] }

// ByArchiID returns the element with the given Archi id, or nil.
func (m *Model) ByArchiID(id string) *Element { return m.byArchiID[id] }

// Len returns the number of elements with an Object ID.
func (m *Model) Len() int { return len(m.Elements) }

// Outgoing returns the relations from e of the given types (all types when
// none are given), in file order.
func (m *Model) Outgoing(e *Element, types ...string) []*Relation { return filter(m.out[e], types) }

// Incoming returns the relations to e of the given types.
func (m *Model) Incoming(e *Element, types ...string) []*Relation { return filter(m.in[e], types) }

func filter(rs []*Relation, types []string) []*Relation {
	if len(types) == 0 {
		return rs
	}
	var out []*Relation
	for _, r := range rs {
		if slices.Contains(types, r.Type) {
			out = append(out, r)
		}
	}
	return out
}

// Relationship types the tool follows.
const (
	Realization = "Realization"
	Serving     = "Serving"
	Aggregation = "Aggregation"
	Composition = "Composition"
)

// Parts returns the elements e aggregates or is composed of, of the same
// ArchiMate type, transitively and without e: the sub-services of a
// service, the sub-functions of a function, sorted by name.
func (m *Model) Parts(e *Element) []*Element {
	return m.closure(e, func(x *Element) []*Relation { return m.Outgoing(x, Aggregation, Composition) }, func(r *Relation) *Element { return r.Target })
}

// closure follows relations (next, then the end other) from e to the
// elements of e's type, transitively, and returns them without e, sorted
// by name.
func (m *Model) closure(e *Element, next func(*Element) []*Relation, other func(*Relation) *Element) []*Element {
	seen := map[*Element]bool{e: true}
	var out []*Element
	queue := []*Element{e}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, r := range next(x) {
			if t := other(r); t.Type == e.Type && !seen[t] {
				seen[t] = true
				out = append(out, t)
				queue = append(queue, t)
			}
		}
	}
	SortByName(out)
	return out
}

// Realized returns the application services a component realizes
// directly, sorted by name.
func (m *Model) Realized(c *Element) []*Element {
	var out []*Element
	for _, r := range m.Outgoing(c, Realization) {
		if r.Target.Type == ApplicationService {
			out = append(out, r.Target)
		}
	}
	SortByName(out)
	return out
}

// Provides returns the application services a component offers: those it
// realizes and their sub-services, each once, sorted by name.
func (m *Model) Provides(c *Element) []*Element {
	seen := map[*Element]bool{}
	var out []*Element
	add := func(s *Element) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, s := range m.Realized(c) {
		add(s)
		for _, p := range m.Parts(s) {
			add(p)
		}
	}
	SortByName(out)
	return out
}

// Realizers returns the components that realize s, or a service of which
// s is a part, sorted by name.
func (m *Model) Realizers(s *Element) []*Element {
	seen := map[*Element]bool{}
	var out []*Element
	for _, x := range append([]*Element{s}, m.Wholes(s)...) {
		for _, r := range m.Incoming(x, Realization) {
			if c := r.Source; c.Type == ApplicationComponent && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	SortByName(out)
	return out
}

// Wholes returns the elements of the same type that aggregate or are
// composed of e, transitively: the parent services of a service, sorted by
// name.
func (m *Model) Wholes(e *Element) []*Element {
	return m.closure(e, func(x *Element) []*Relation { return m.Incoming(x, Aggregation, Composition) }, func(r *Relation) *Element { return r.Source })
}

// Serves returns the business functions a service serves directly, sorted
// by name.
func (m *Model) Serves(s *Element) []*Element {
	var out []*Element
	for _, r := range m.Outgoing(s, Serving) {
		if r.Target.Type == BusinessFunction {
			out = append(out, r.Target)
		}
	}
	SortByName(out)
	return out
}

// Path returns the names of the chain of business functions from the
// function root down to f ("Klant- en keteninteractie › Contactbeheer ›
// Afhandeling klantcontactmoment"), or just f's name when f is not below
// root.
func (m *Model) Path(root, f *Element) string {
	if root == nil || f == nil {
		if f == nil {
			return ""
		}
		return f.Name
	}
	// Breadth first from root, remembering the parent.
	parent := map[*Element]*Element{root: nil}
	queue := []*Element{root}
	for len(queue) > 0 && parent[f] == nil && f != root {
		x := queue[0]
		queue = queue[1:]
		var kids []*Element
		for _, r := range m.Outgoing(x, Aggregation, Composition) {
			if t := r.Target; t.Type == BusinessFunction {
				kids = append(kids, t)
			}
		}
		SortByName(kids) // the same path whatever the file order
		for _, t := range kids {
			if _, ok := parent[t]; !ok {
				parent[t] = x
				queue = append(queue, t)
			}
		}
	}
	if _, ok := parent[f]; !ok {
		return f.Name
	}
	var names []string
	for x := f; x != nil; x = parent[x] {
		names = append(names, x.Name)
	}
	slices.Reverse(names)
	return strings.Join(names, " › ")
}
