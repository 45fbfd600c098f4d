package gemma

import (
	"bufio"
	"cmp"
	"io"
	"slices"
	"strings"
)

// ExtractNote is the value of the model property Uittreksel in the extract:
// what it is and how it is made again.
const ExtractNote = "KCC-relevant uittreksel van GEMMA voor blueprint; opnieuw maken met go generate ./requirements/gemma (zie docs/gemma.md)"

// Extract returns the KCC-relevant part of m, for the embedded default: the
// components and services of ScopeOf(m, seeds), the functions of the scope
// and the functions its services serve, the components that provide a
// service the seeds name (and the services in between), and the relations
// among them that
// coverage follows (realization, serving, aggregation, composition). Each
// element keeps its Archi id, type, name and the properties Object ID, GEMMA
// type and GEMMA status; documentation and other properties are left out.
// The model keeps its name and release and is marked with PropExtract.
func Extract(m *Model, seeds []string) *Model {
	sc := ScopeOf(m, seeds)
	keep := map[*Element]bool{}
	for _, e := range slices.Concat(sc.Functions, sc.Components, sc.Services) {
		keep[e] = true
	}
	for _, s := range sc.Services {
		for _, f := range m.Serves(s) {
			keep[f] = true
		}
	}
	// The components that provide a service the requirements name, so
	// that a report can say who provides it when the named components
	// do not.
	for _, id := range seeds {
		if s := m.Element(id); s != nil && s.Type == ApplicationService {
			for _, c := range m.Realizers(s) {
				keep[c] = true
				for _, w := range m.Wholes(s) {
					keep[w] = true
				}
			}
		}
	}
	x := newModel()
	x.ID, x.Name, x.Release, x.Extract = m.ID, m.Name, m.Release, true
	copies := map[*Element]*Element{}
	for _, e := range m.Elements {
		if !keep[e] {
			continue
		}
		c := &Element{ArchiID: e.ArchiID, ObjectID: e.ObjectID, Type: e.Type, Name: e.Name, GemmaType: e.GemmaType, Status: e.Status}
		for _, k := range []string{PropObjectID, PropGemmaType, PropStatus} {
			if v := e.Property(k); v != "" {
				c.Properties = append(c.Properties, Property{k, v})
			}
		}
		copies[e] = c
		x.addElement(c)
	}
	for _, r := range m.Relations {
		s, t := copies[r.Source], copies[r.Target]
		if s == nil || t == nil {
			continue
		}
		switch r.Type {
		case Realization, Serving, Aggregation, Composition:
			x.addRelation(&Relation{ArchiID: r.ArchiID, Type: r.Type, Name: r.Name, Source: s, Target: t})
		}
	}
	return x
}

// WriteCSV writes m as Archi's CSV export (all fields quoted, comma
// separated, the model as the first row of elements.csv), so that the
// extract is read by ReadCSV like any export and opens in Archi with
// File › Import › CSV. Elements are sorted by type, name and Object ID and
// relations by type and the names of their ends, so that the files of two
// releases differ only where GEMMA changed.
func WriteCSV(m *Model, elements, relations, properties io.Writer) error {
	els := slices.Clone(m.Elements)
	slices.SortFunc(els, func(a, b *Element) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ObjectID, b.ObjectID))
	})
	rels := slices.Clone(m.Relations)
	slices.SortFunc(rels, func(a, b *Relation) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.Source.Name, b.Source.Name),
			cmp.Compare(a.Target.Name, b.Target.Name), cmp.Compare(a.ArchiID, b.ArchiID))
	})
	ew, rw, pw := bufio.NewWriter(elements), bufio.NewWriter(relations), bufio.NewWriter(properties)
	row(ew, elementColumns...)
	row(ew, m.ID, archiModelType, m.Name, "", "")
	row(pw, propertyColumns...)
	if m.Release != "" {
		row(pw, m.ID, PropRelease, m.Release)
	}
	if m.Extract {
		row(pw, m.ID, PropExtract, ExtractNote)
	}
	for _, e := range els {
		row(ew, e.ArchiID, e.Type, e.Name, e.Documentation, "")
		for _, p := range e.Properties {
			row(pw, e.ArchiID, p.Key, p.Value)
		}
	}
	row(rw, relationColumns...)
	for _, r := range rels {
		row(rw, r.ArchiID, r.Type+"Relationship", r.Name, "", r.Source.ArchiID, r.Target.ArchiID, "")
	}
	for _, w := range []*bufio.Writer{ew, rw, pw} {
		if err := w.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// row writes one CSV record with every field quoted, as Archi does.
func row(w *bufio.Writer, fields ...string) {
	for i, f := range fields {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteByte('"')
		w.WriteString(strings.ReplaceAll(f, `"`, `""`))
		w.WriteByte('"')
	}
	w.WriteByte('\n')
}
