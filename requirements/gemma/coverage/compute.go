package coverage

import (
	"cmp"
	"math/bits"
	"slices"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
)

// Seeds returns the Object IDs that extend the KCC scope beyond GEMMA's
// own: the GEMMA elements of the catalogue and of the systems table.
func Seeds(cat *requirements.Catalogue) []string {
	var ids []string
	for _, g := range cat.Gemma {
		ids = append(ids, g.ObjectID)
	}
	return append(ids, SystemSeeds()...)
}

// Compute returns the coverage of res against m. vocab resolves the system
// ids of the support lanes (nil: the built-in vocabulary).
func Compute(res *requirements.Result, vocab *blueprint.Vocabulary, m *gemma.Model) *Report {
	if vocab == nil {
		vocab = blueprint.BuiltinVocabulary()
	}
	cat := res.Catalogue
	r := &Report{
		Lang: res.Lang.Or(blueprint.Dutch), Release: m.Release, CatalogueRelease: cat.GemmaRelease,
		Model: m, Journeys: res.Journeys, Scope: gemma.ScopeOf(m, Seeds(cat)),
	}
	for _, row := range res.Rows {
		if row.Needed {
			r.Requirements = append(r.Requirements, row)
		}
	}
	c := &computer{r: r, m: m, comps: map[*gemma.Element]*Component{}, svcs: map[*gemma.Element]*Service{}}
	for _, e := range r.Scope.Components {
		c.component(e).Why = r.Scope.Why[e]
	}
	for _, e := range r.Scope.Services {
		c.service(e)
	}
	c.indexSteps()
	c.requirements(cat)
	c.systems(vocab)
	c.missing(cat)
	c.finish()
	return r
}

// computer holds the state of one Compute.
type computer struct {
	r     *Report
	m     *gemma.Model
	comps map[*gemma.Element]*Component
	svcs  map[*gemma.Element]*Service
	// all are the steps of all journeys in order, index their positions
	// in it; marks holds, per component, a bit per step that needs it.
	all   []Place
	index map[*blueprint.Step]int
	marks map[*Component][]uint64
	// journeys are, per component, the journeys that need it without a
	// step (a phase or journey rule).
	journeys map[*Component]map[*blueprint.Journey]bool
}

func (c *computer) component(e *gemma.Element) *Component {
	if x := c.comps[e]; x != nil {
		return x
	}
	x := &Component{Element: e}
	c.comps[e] = x
	return x
}

func (c *computer) service(e *gemma.Element) *Service {
	if x := c.svcs[e]; x != nil {
		return x
	}
	x := &Service{Element: e}
	c.svcs[e] = x
	return x
}

// indexSteps numbers the steps of all journeys in order.
func (c *computer) indexSteps() {
	c.index = map[*blueprint.Step]int{}
	for _, j := range c.r.Journeys {
		for _, s := range j.Steps {
			c.index[s] = len(c.all)
			c.all = append(c.all, Place{j, s})
		}
	}
	c.marks = map[*Component][]uint64{}
	c.journeys = map[*Component]map[*blueprint.Journey]bool{}
}

// mark records that step i needs x.
func (c *computer) mark(x *Component, i int) {
	m := c.marks[x]
	if m == nil {
		m = make([]uint64, (len(c.all)+63)/64)
		c.marks[x] = m
	}
	m[i/64] |= 1 << (i % 64)
}

// requirements records, for every requirement of the catalogue, the
// elements it names; derived ones cover them.
func (c *computer) requirements(cat *requirements.Catalogue) {
	derived := map[*requirements.Requirement]*requirements.Row{}
	for _, row := range c.r.Requirements {
		derived[row.Requirement] = row
	}
	for _, req := range cat.Requirements {
		row := derived[req]
		var comps, svcs []*gemma.Element
		var steps []int // the steps of row, once
		for _, id := range req.Gemma {
			e := c.m.Element(id)
			if e == nil {
				continue
			}
			switch e.Type {
			case gemma.ApplicationComponent:
				comps = append(comps, e)
				x := c.component(e)
				if row == nil {
					x.NotDerived = append(x.NotDerived, req)
					continue
				}
				x.Requirements = append(x.Requirements, req)
				if steps == nil {
					steps = c.stepsOf(row, derived, map[*requirements.Row]bool{})
				}
				for _, i := range steps {
					c.mark(x, i)
				}
				for _, t := range row.Traces {
					if t.Journey != nil && t.Step == nil {
						if c.journeys[x] == nil {
							c.journeys[x] = map[*blueprint.Journey]bool{}
						}
						c.journeys[x][t.Journey] = true
					}
				}
			case gemma.ApplicationService:
				svcs = append(svcs, e)
				if row != nil {
					s := c.service(e)
					s.Requirements = append(s.Requirements, req)
				}
			}
		}
		if row != nil && len(comps)+len(svcs) == 0 {
			c.r.Unmapped = append(c.r.Unmapped, row)
		}
		if row != nil && len(comps) > 0 {
			c.mismatches(req, comps, svcs)
		}
	}
}

// stepsOf returns the steps that need row, as indexes of c.all: its own
// traces, and for a requirement that another requires, the steps of that
// one.
func (c *computer) stepsOf(row *requirements.Row, derived map[*requirements.Requirement]*requirements.Row, seen map[*requirements.Row]bool) []int {
	if seen[row] {
		return nil
	}
	seen[row] = true
	var out []int
	for _, t := range row.Traces {
		switch {
		case t.Step != nil:
			if i, ok := c.index[t.Step]; ok {
				out = append(out, i)
			}
		case t.Kind == requirements.TraceRequired && t.Via != nil && derived[t.Via] != nil:
			out = append(out, c.stepsOf(derived[t.Via], derived, seen)...)
		}
	}
	return out
}

// mismatches notes the services of req that none of its components
// provides.
func (c *computer) mismatches(req *requirements.Requirement, comps, svcs []*gemma.Element) {
	for _, s := range svcs {
		provided := false
		for _, k := range comps {
			if slices.Contains(c.m.Provides(k), s) {
				provided = true
				break
			}
		}
		if !provided {
			c.r.Mismatches = append(c.r.Mismatches, &Mismatch{Requirement: req, Service: s, Components: comps, ProvidedBy: c.m.Realizers(s)})
		}
	}
}

// systems records the systems of the support lanes and the components they
// map to.
func (c *computer) systems(vocab *blueprint.Vocabulary) {
	uses := map[string]*SystemUse{}
	seen := map[string]map[*blueprint.Step]bool{}
	for _, j := range c.r.Journeys {
		for _, st := range j.Steps {
			for _, sup := range st.Support {
				if sup.System == "" {
					continue
				}
				u := uses[sup.System]
				if u == nil {
					u = &SystemUse{ID: sup.System, System: vocab.System(sup.System)}
					if u.System != nil {
						u.Refs = ElementsOf(u.System)
					} else {
						u.Refs = ElementsOf(&blueprint.System{Term: blueprint.Term{ID: sup.System}})
					}
					for _, ref := range u.Refs {
						if e := c.m.Element(ref.ObjectID); e != nil {
							u.Elements = append(u.Elements, e)
						}
					}
					uses[sup.System] = u
					seen[sup.System] = map[*blueprint.Step]bool{}
				}
				if !seen[sup.System][st] {
					seen[sup.System][st] = true
					u.Places = append(u.Places, Place{j, st})
				}
			}
		}
	}
	// In vocabulary order, then ids the vocabulary lacks, sorted.
	for _, id := range vocab.SystemIDs() {
		if u := uses[id]; u != nil {
			c.r.Systems = append(c.r.Systems, u)
			delete(uses, id)
		}
	}
	var rest []string
	for id := range uses {
		rest = append(rest, id)
	}
	slices.Sort(rest)
	for _, id := range rest {
		c.r.Systems = append(c.r.Systems, uses[id])
	}
	for _, u := range c.r.Systems {
		for _, e := range u.Elements {
			if e.Type != gemma.ApplicationComponent {
				continue
			}
			x := c.component(e)
			x.Systems = append(x.Systems, u)
			for _, p := range u.Places {
				c.mark(x, c.index[p.Step])
			}
		}
	}
}

// missing records the catalogue's Object IDs the model lacks, and the
// names and kinds that differ.
func (c *computer) missing(cat *requirements.Catalogue) {
	for _, g := range cat.Gemma {
		e := c.m.Element(g.ObjectID)
		if e != nil {
			if e.Name != g.Name || e.Kind != g.Kind {
				c.r.Differs = append(c.r.Differs, &Differs{Entry: g, Model: e})
			}
			continue
		}
		x := &Missing{Entry: g, Unsure: c.m.Extract}
		for _, req := range cat.Requirements {
			if slices.Contains(req.Gemma, g.ObjectID) {
				x.Requirements = append(x.Requirements, req)
			}
		}
		x.ArchiID = c.m.ByArchiID(g.ObjectID)
		if x.ArchiID == nil {
			x.ArchiID = c.m.ByArchiID("id-" + g.ObjectID)
		}
		if x.ArchiID != nil && x.ArchiID.ObjectID == g.ObjectID {
			x.ArchiID = nil
		}
		if f := gemma.Mapping2022(g.ObjectID); f != nil {
			x.Was = f
			x.Successor = c.m.Element(f.Successor)
			if x.Successor == nil {
				x.Candidates = c.candidates(f)
			}
		}
		c.r.Missing = append(c.r.Missing, x)
	}
}

// candidates returns the services that the components which realized f in
// 2022 provide now.
func (c *computer) candidates(f *gemma.Function2022) []*gemma.Element {
	var out []*gemma.Element
	for _, name := range f.Components {
		for _, e := range c.m.Elements {
			if e.Type == gemma.ApplicationComponent && e.Name == name {
				for _, s := range c.m.Realized(e) {
					if !slices.Contains(out, s) {
						out = append(out, s)
					}
				}
			}
		}
	}
	gemma.SortByName(out)
	return out
}

// finish sorts the components into the report and fills their places and
// services.
func (c *computer) finish() {
	r := c.r
	for _, x := range c.comps {
		// The marked steps, in journey order; the journeys of those and of
		// the traces without a step.
		journeys := c.journeys[x]
		if journeys == nil {
			journeys = map[*blueprint.Journey]bool{}
		}
		for w, word := range c.marks[x] {
			for word != 0 {
				b := word & -word
				p := c.all[w*64+trailingZeros(b)]
				x.Places = append(x.Places, p)
				journeys[p.Journey] = true
				word &^= b
			}
		}
		x.Journeys = len(journeys)
		for _, s := range c.m.Provides(x.Element) {
			x.Services = append(x.Services, c.service(s))
		}
		if r.Scope.In(x.Element) {
			r.Components = append(r.Components, x)
		} else if x.Covered() || len(x.Systems) > 0 {
			r.Outside = append(r.Outside, x)
		}
		if x.Element.NotInUse() && (x.Covered() || len(x.Systems) > 0) {
			r.NotInUse = append(r.NotInUse, x)
		}
	}
	byName := func(a, b *Component) int {
		return cmp.Or(cmp.Compare(a.Element.Name, b.Element.Name), cmp.Compare(a.Element.ObjectID, b.Element.ObjectID))
	}
	slices.SortFunc(r.Components, byName)
	slices.SortFunc(r.Outside, byName)
	slices.SortFunc(r.NotInUse, byName)
	for _, s := range c.svcs {
		for _, p := range c.m.Parts(s.Element) {
			if ps := c.svcs[p]; ps != nil && ps.Covered() {
				s.Parts = append(s.Parts, p)
			}
		}
		if r.Scope.In(s.Element) {
			r.Services = append(r.Services, s)
		}
	}
	slices.SortFunc(r.Services, func(a, b *Service) int {
		return cmp.Or(cmp.Compare(a.Element.Name, b.Element.Name), cmp.Compare(a.Element.ObjectID, b.Element.ObjectID))
	})
}

func trailingZeros(b uint64) int { return bits.TrailingZeros64(b) }
