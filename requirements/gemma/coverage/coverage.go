package coverage

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"

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
