package archimate

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
	"github.com/dimpact/blueprint/requirements/gemma/coverage"
)

// Input is what an export is made of: the loaded journeys, the
// requirements derived from them and their GEMMA coverage (which carries
// the GEMMA model).
type Input struct {
	Journeys *blueprint.Model
	Result   *requirements.Result
	Coverage *coverage.Report
}

// Property keys of the export that are GEMMA's own, so that they merge
// with the GEMMA model's properties.
const (
	PropObjectID = gemma.PropObjectID
	// PropGemmaRef is the property of a relationship to a GEMMA element:
	// that element's Object ID.
	PropGemmaRef = "GEMMA Object ID"
)

// Build makes the ArchiMate model of the journeys, the requirements and
// their relations to GEMMA, with a view per journey, a coverage view and a
// view per block of requirements. It is pure: the same input gives the
// same model, with the same identifiers, so that an export made again
// after a change keeps the identity of what did not change.
func Build(in Input) (*Model, error) {
	b := &builder{
		in: in, lang: in.Result.Lang.Or(blueprint.Dutch), vocab: in.Journeys.Vocabulary,
		ids: map[string]bool{}, shared: map[string]*Element{}, rels: map[relKey]*Relation{}, copies: map[*gemma.Element]*Element{},
		reqs: map[*requirements.Requirement]*Element{}, stepEls: map[*blueprint.Step]*Element{},
	}
	b.m = &Model{ID: "bp.model", Lang: string(b.lang)}
	b.model()
	b.employees()
	for _, j := range in.Journeys.Journeys {
		b.journey(j)
	}
	b.requirements()
	b.gemmaRelations()
	b.views()
	b.folders()
	if b.err != nil {
		return nil, b.err
	}
	return b.m, nil
}

type builder struct {
	in    Input
	lang  blueprint.Lang
	vocab *blueprint.Vocabulary
	m     *Model
	err   error
	ids   map[string]bool
	// shared holds elements used by several journeys: personas, roles,
	// channels, systems.
	shared  map[string]*Element
	rels    map[relKey]*Relation
	copies  map[*gemma.Element]*Element
	reqs    map[*requirements.Requirement]*Element
	stepEls map[*blueprint.Step]*Element
	// journeys are the elements of each journey, for its view and folder.
	journeys []*journeyElems
	// order of the shared elements, by kind, for the folders.
	actors, channels, systems, gemmaCopies []*Element
	relsJourney, relsGemma                 []*Relation
}

// journeyElems are the elements made for one journey.
type journeyElems struct {
	j        *blueprint.Journey
	process  *Element
	phases   map[string]*Element
	phaseOrd []*Element
	trigger  *Element
	persona  *Element
	role     *Element
	steps    []*stepElems
	flows    []flowRel
	// elements are all elements of the journey, for its folder.
	elements []*Element
}

type stepElems struct {
	s           *blueprint.Step
	el          *Element
	evidence    *Element
	channel     *Element
	channelRel  *Relation
	front, back []*action
	support     []*Element
	reqs        []*requirements.Requirement
}

type action struct {
	el   *Element
	role *Element
}

type flowRel struct {
	from, to int
	rel      *Relation
}

func (b *builder) t(nl, en string) string { return blueprint.T(b.lang, nl, en) }

func (b *builder) use(id string) string {
	if b.ids[id] && b.err == nil {
		b.err = fmt.Errorf("archimate: identifier %s made twice", id)
	}
	b.ids[id] = true
	return id
}

func (b *builder) element(id, typ, name, doc string, props ...Property) *Element {
	e := &Element{ID: b.use(id), Type: typ, Name: name, Documentation: doc, Properties: props}
	b.m.Elements = append(b.m.Elements, e)
	return e
}

// relation adds a relationship with an identifier made from its content,
// so that it is the same in every export that has the same relation.
func (b *builder) relation(typ string, src, dst *Element, name string, props ...Property) *Relation {
	sum := sha256.Sum256([]byte(typ + "\x00" + src.ID + "\x00" + dst.ID + "\x00" + name))
	id := "bp.r." + hex.EncodeToString(sum[:8])
	if b.ids[id] {
		return nil // the same relation again
	}
	r := &Relation{ID: b.use(id), Type: typ, Source: src, Target: dst, Name: name, Properties: props}
	b.m.Relations = append(b.m.Relations, r)
	if k := (relKey{typ, src, dst}); b.rels[k] == nil {
		b.rels[k] = r
	}
	return r
}

// relKey finds a relation by type and ends.
type relKey struct {
	typ      string
	src, dst *Element
}

func (b *builder) model() {
	res, rep := b.in.Result, b.in.Coverage
	name := b.t("Klantreizen en Programma van Eisen", "Customer journeys and Programme of Requirements") + " – " + res.Catalogue.Title(b.lang)
	if org := b.in.Journeys.Project.Organisation; org != "" {
		name += " (" + org + ")"
	}
	b.m.Name = name
	b.m.Documentation = fmt.Sprintf(b.t(
		"Gemaakt door blueprint uit %d klantreizen en %d eisen, met de GEMMA-elementen van release %s. Samenvoegen met het GEMMA-model: zie docs/gemma.md van blueprint (Archi: Bestand › Importeren › Ander model in het geselecteerde model, zonder 'bestaande objecten bijwerken').",
		"Made by blueprint from %d journeys and %d requirements, with the GEMMA elements of release %s. To merge with the GEMMA model, see blueprint's docs/gemma.md (Archi: File › Import › Another Model Into Selected Model, without 'update existing objects')."),
		len(res.Journeys), len(rep.Requirements), rep.Release)
	b.m.Properties = []Property{{b.t("Gemaakt door", "Made by"), "blueprint"}, {b.t("GEMMA-release", "GEMMA release"), rep.Release}}
}

// prop is a property of the export, with a key in the export's language.
func (b *builder) prop(nl, en, value string) Property { return Property{b.t(nl, en), value} }

func (b *builder) journey(j *blueprint.Journey) {
	je := &journeyElems{j: j, phases: map[string]*Element{}}
	b.journeys = append(b.journeys, je)
	add := func(e *Element) *Element { je.elements = append(je.elements, e); return e }
	var doc []string
	for _, s := range []struct{ label, text string }{
		{"", j.Description}, {b.t("Aanleiding: ", "Trigger: "), j.Trigger}, {b.t("Doel: ", "Goal: "), j.Goal},
	} {
		if s.text != "" {
			doc = append(doc, s.label+s.text)
		}
	}
	props := []Property{b.prop("Klantreis", "Journey", j.ID), b.prop("Bron", "Source", j.File)}
	if d := b.vocab.Domain(j.Domain); d != nil {
		props = append(props, b.prop("Domein", "Domain", d.Name(b.lang)))
	}
	if q := b.vocab.QuestionType(j.QuestionType); q != nil {
		props = append(props, b.prop("Vraagsoort", "Question type", q.Name(b.lang)))
	}
	je.process = add(b.element(ID("journey", j.ID), "BusinessProcess", j.Title, strings.Join(doc, "\n\n"), props...))
	for _, p := range j.Phases {
		pe := add(b.element(ID("phase", j.ID, p.ID), "BusinessProcess", p.Name, p.Description, b.prop("Fase", "Phase", p.ID)))
		je.phases[p.ID] = pe
		je.phaseOrd = append(je.phaseOrd, pe)
		b.relsJourney = appendRel(b.relsJourney, b.relation("Composition", je.process, pe, ""))
	}
	if j.Persona != nil {
		je.persona = b.persona(j.Persona)
		je.role = b.role(j.Persona.Role)
	}
	if j.Trigger != "" {
		je.trigger = add(b.element(ID("trigger", j.ID), "BusinessEvent", j.Trigger, "", b.prop("Klantreis", "Journey", j.ID)))
	}
	for _, s := range j.Steps {
		je.steps = append(je.steps, b.step(je, s, add))
	}
	if je.trigger != nil && len(je.steps) > 0 {
		b.relsJourney = appendRel(b.relsJourney, b.relation("Triggering", je.trigger, je.steps[0].el, ""))
	}
	index := map[*blueprint.Step]int{}
	for i, s := range j.Steps {
		index[s] = i
	}
	for _, f := range j.Flows() {
		r := b.relation("Triggering", b.stepEls[f.From], b.stepEls[f.To], "")
		b.relsJourney = appendRel(b.relsJourney, r)
		if r != nil {
			je.flows = append(je.flows, flowRel{index[f.From], index[f.To], r})
		}
	}
}

func appendRel(rs []*Relation, r *Relation) []*Relation {
	if r == nil {
		return rs
	}
	return append(rs, r)
}

// contact reports whether a step is an interaction between the customer
// and an employee: a channel and an employee in the frontoffice lane.
func contact(s *blueprint.Step) bool { return s.Channel != "" && len(s.Frontstage) > 0 }

func (b *builder) step(je *journeyElems, s *blueprint.Step, add func(*Element) *Element) *stepElems {
	j := je.j
	typ := "BusinessProcess"
	if contact(s) {
		typ = "BusinessInteraction"
	}
	var doc []string
	if s.CustomerAction != "" {
		doc = append(doc, b.t("Klantactie: ", "Customer action: ")+s.CustomerAction)
	}
	list := func(label string, xs []string) {
		if len(xs) > 0 {
			doc = append(doc, label+"\n- "+strings.Join(xs, "\n- "))
		}
	}
	list(b.t("Knelpunten:", "Pain points:"), s.PainPoints)
	list(b.t("Behoeften:", "Needs:"), s.Needs)
	list(b.t("Succesfactoren:", "Success factors:"), s.SuccessFactors)
	if s.Note != "" {
		doc = append(doc, s.Note)
	}
	props := []Property{b.prop("Klantreis", "Journey", j.ID), b.prop("Stap", "Step", s.ID), b.prop("Bron", "Source", s.Pos.String())}
	if c := b.vocab.Channel(s.Channel); c != nil {
		props = append(props, b.prop("Kanaal", "Channel", c.Name(b.lang)))
	}
	if s.Emotion != nil {
		props = append(props, b.prop("Emotie", "Emotion", strconv.Itoa(*s.Emotion)))
	}
	if s.DesiredEmotion != nil {
		props = append(props, b.prop("Gewenste emotie", "Desired emotion", strconv.Itoa(*s.DesiredEmotion)))
	}
	if s.Wait != nil {
		props = append(props, b.prop("Wachttijd", "Wait", s.Wait.Label(b.lang)))
	}
	if s.FailPoint {
		props = append(props, b.prop("Faalpunt", "Fail point", b.t("ja", "yes")))
	}
	if s.RepeatContact {
		props = append(props, b.prop("Herhaalcontact", "Repeat contact", b.t("ja", "yes")))
	}
	se := &stepElems{s: s}
	se.el = add(b.element(ID("step", j.ID, s.ID), typ, s.Title, strings.Join(doc, "\n\n"), props...))
	b.stepEls[s] = se.el
	if pe := je.phases[s.Phase]; pe != nil {
		b.relsJourney = appendRel(b.relsJourney, b.relation("Composition", pe, se.el, ""))
	}
	if s.CustomerAction != "" && je.role != nil {
		b.relsJourney = appendRel(b.relsJourney, b.relation("Assignment", je.role, se.el, ""))
	}
	if s.Evidence != "" {
		se.evidence = add(b.element(ID("evidence", j.ID, s.ID), "Representation", s.Evidence, ""))
		r := b.relation("Access", se.el, se.evidence, "")
		if r != nil {
			r.AccessType = "Read"
		}
		b.relsJourney = appendRel(b.relsJourney, r)
	}
	if c := b.vocab.Channel(s.Channel); c != nil {
		se.channel = b.sharedElement(&b.channels, ID("channel", c.ID), "BusinessInterface", c.Name(b.lang), c.Description)
		se.channelRel = b.relation("Serving", se.channel, se.el, "")
		b.relsJourney = appendRel(b.relsJourney, se.channelRel)
	}
	actions := func(lane string, as []*blueprint.Action) []*action {
		var out []*action
		for i, a := range as {
			role := b.role(a.Actor)
			name := a.Text
			if role != nil {
				name = role.Name + ": " + a.Text
			}
			el := add(b.element(ID("action", j.ID, s.ID, lane+strconv.Itoa(i+1)), "BusinessProcess", name, "", b.prop("Bron", "Source", a.Pos.String())))
			b.relsJourney = appendRel(b.relsJourney, b.relation("Composition", se.el, el, ""))
			if role != nil {
				b.relsJourney = appendRel(b.relsJourney, b.relation("Assignment", role, el, ""))
			}
			out = append(out, &action{el: el, role: role})
		}
		return out
	}
	se.front = actions("f", s.Frontstage)
	se.back = actions("b", s.Backstage)
	for i, sup := range s.Support {
		if sys := b.vocab.System(sup.System); sys != nil {
			el := b.system(sys)
			se.support = append(se.support, el)
			b.relsJourney = appendRel(b.relsJourney, b.relation("Serving", el, se.el, sup.Text))
			continue
		}
		el := add(b.element(ID("support", j.ID, s.ID, strconv.Itoa(i+1)), "BusinessProcess", sup.Text, "", b.prop("Bron", "Source", sup.Pos.String())))
		se.support = append(se.support, el)
		b.relsJourney = appendRel(b.relsJourney, b.relation("Composition", se.el, el, ""))
	}
	return se
}

// sharedElement returns the element with id, making it the first time.
func (b *builder) sharedElement(list *[]*Element, id, typ, name, doc string, props ...Property) *Element {
	if e := b.shared[id]; e != nil {
		return e
	}
	e := b.element(id, typ, name, doc, props...)
	b.shared[id] = e
	*list = append(*list, e)
	return e
}

func (b *builder) role(actorID string) *Element {
	a := b.vocab.Actor(actorID)
	if a == nil {
		return nil
	}
	return b.sharedElement(&b.actors, ID("role", a.ID), "BusinessRole", a.Name(b.lang), a.Description)
}

func (b *builder) persona(p *blueprint.Persona) *Element {
	id := ID("persona", p.ID)
	if e := b.shared[id]; e != nil {
		return e
	}
	e := b.sharedElement(&b.actors, id, "BusinessActor", p.Name, p.Description, b.prop("Persona", "Persona", p.ID))
	if r := b.role(p.Role); r != nil {
		b.relsJourney = appendRel(b.relsJourney, b.relation("Assignment", e, r, ""))
	}
	return e
}

// employees adds the project's personas that are not a journey's own (the
// employees with their knelpunten), assigned to their roles.
func (b *builder) employees() {
	for _, p := range b.in.Journeys.Personas {
		if a := b.vocab.Actor(p.Role); a != nil && a.Kind == blueprint.ActorEmployee {
			var doc []string
			if p.Description != "" {
				doc = append(doc, p.Description)
			}
			if len(p.PainPoints) > 0 {
				doc = append(doc, b.t("Knelpunten:", "Pain points:")+"\n- "+strings.Join(p.PainPoints, "\n- "))
			}
			e := b.persona(p)
			if e.Documentation == "" {
				e.Documentation = strings.Join(doc, "\n\n")
			}
		}
	}
}

// system returns the element of a system of the support lane, related to
// the GEMMA elements it is an instance of.
func (b *builder) system(sys *blueprint.System) *Element {
	id := ID("system", sys.ID)
	if e := b.shared[id]; e != nil {
		return e
	}
	e := b.sharedElement(&b.systems, id, "ApplicationComponent", sys.Name(b.lang), sys.Description)
	for _, ref := range coverage.ElementsOf(sys) {
		g := b.gemma(ref.ObjectID, ref.Name, gemma.Component)
		b.relsGemma = appendRel(b.relsGemma, b.relation("Realization", e, g, "", Property{PropGemmaRef, ref.ObjectID}))
	}
	return e
}

// gemma returns the copy of the GEMMA element with the given Object ID:
// the model's element with its Archi id, name, documentation and
// properties, or, when the model lacks it, one made from what the
// catalogue says.
func (b *builder) gemma(objectID, name, kind string) *Element {
	gm := b.in.Coverage.Model
	src := gm.Element(objectID)
	if src == nil {
		id := ID("gemma", objectID)
		if e := b.shared[id]; e != nil {
			return e
		}
		typ := "ApplicationComponent"
		if kind == gemma.Service {
			typ = "ApplicationService"
		}
		return b.sharedElement(&b.gemmaCopies, id, typ, name, b.t("Niet in het geladen GEMMA-model.", "Not in the loaded GEMMA model."), Property{PropObjectID, objectID})
	}
	if e := b.copies[src]; e != nil {
		return e
	}
	props := make([]Property, len(src.Properties))
	for i, p := range src.Properties {
		props[i] = Property{p.Key, p.Value}
	}
	e := b.element(GemmaID(src.ArchiID), src.Type, src.Name, src.Documentation, props...)
	b.copies[src] = e
	b.gemmaCopies = append(b.gemmaCopies, e)
	return e
}

func (b *builder) requirements() {
	rep := b.in.Coverage
	for _, row := range b.in.Result.Rows {
		q := row.Requirement
		props := []Property{
			b.prop("Eis", "Requirement", q.ID),
			b.prop("Soort", "Kind", requirements.KindName(b.lang, row.Kind)),
			{"MoSCoW", requirements.MoSCoWName(b.lang, row.MoSCoW)},
			b.prop("Gewicht", "Weight", requirements.WeightText(b.lang, row)),
			b.prop("Blok", "Block", row.Block.Name(b.lang)),
			b.prop("Functie", "Function", row.Function.Name(b.lang)),
			b.prop("Verificatie", "Verification", requirements.VerificationName(b.lang, q.Verification)),
			b.prop("Klantreizen", "Journeys", strconv.Itoa(row.Journeys)),
			b.prop("Stappen", "Steps", strconv.Itoa(row.Steps)),
		}
		doc := q.Text(b.lang)
		if r := q.Rationale(b.lang); r != "" {
			doc += "\n\n" + r
		}
		e := b.element(ID("requirement", q.ID), "Requirement", q.ID+" "+q.Title(b.lang), doc, props...)
		b.reqs[q] = e
		for _, g := range row.Gemma {
			ge := b.gemma(g.ObjectID, g.Name, g.Kind)
			b.relsGemma = appendRel(b.relsGemma, b.relation("Realization", ge, e, "", Property{PropGemmaRef, g.ObjectID}))
		}
	}
	// The KCC components of the coverage view, also those no
	// requirement names.
	for _, x := range rep.Components {
		b.gemma(x.Element.ObjectID, x.Element.Name, x.Element.Kind)
	}
	for _, st := range b.in.Result.Steps {
		se := b.stepOf(st.Journey, st.Step)
		for _, q := range st.Requirements {
			if e := b.reqs[q]; e != nil {
				b.relsJourney = appendRel(b.relsJourney, b.relation("Association", b.stepEls[st.Step], e, b.t("vraagt om", "asks for")))
				if se != nil {
					se.reqs = append(se.reqs, q)
				}
			}
		}
	}
}

func (b *builder) stepOf(j *blueprint.Journey, s *blueprint.Step) *stepElems {
	for _, je := range b.journeys {
		if je.j == j {
			for _, se := range je.steps {
				if se.s == s {
					return se
				}
			}
		}
	}
	return nil
}

// gemmaRelations copies GEMMA's own realizations between the GEMMA
// elements of the export (a component realizes a service), with GEMMA's
// identifiers, so that they merge with the relations already there.
func (b *builder) gemmaRelations() {
	for _, r := range b.in.Coverage.Model.Relations {
		if r.Type != gemma.Realization {
			continue
		}
		s, t := b.copies[r.Source], b.copies[r.Target]
		if s == nil || t == nil || r.ArchiID == "" {
			continue
		}
		id := GemmaID(r.ArchiID)
		if b.ids[id] {
			continue
		}
		rel := &Relation{ID: b.use(id), Type: "Realization", Source: s, Target: t, Name: r.Name}
		b.m.Relations = append(b.m.Relations, rel)
		b.relsGemma = append(b.relsGemma, rel)
	}
}

// folders files everything in Archi's top-level folders, in sub-folders an
// architect recognises after the merge.
func (b *builder) folders() {
	business := &Folder{Label: "Business"}
	journeys := &Folder{Label: b.t("Klantreizen (blueprint)", "Customer journeys (blueprint)")}
	for _, je := range b.journeys {
		journeys.Folders = append(journeys.Folders, &Folder{Label: je.j.Title, Elements: je.elements})
	}
	business.Folders = []*Folder{journeys,
		{Label: b.t("Actoren en rollen (blueprint)", "Actors and roles (blueprint)"), Elements: b.actors},
		{Label: b.t("Kanalen (blueprint)", "Channels (blueprint)"), Elements: b.channels},
	}
	release := b.in.Coverage.Release
	app := &Folder{Label: "Application", Folders: []*Folder{
		{Label: b.t("Systemen in de klantreizen (blueprint)", "Systems of the journeys (blueprint)"), Elements: b.systems},
		{Label: fmt.Sprintf(b.t("GEMMA %s (kopieën, blueprint)", "GEMMA %s (copies, blueprint)"), release), Elements: b.gemmaCopies},
	}}
	pve := &Folder{Label: b.t("Programma van Eisen (blueprint)", "Programme of Requirements (blueprint)")}
	for _, bl := range b.in.Result.Catalogue.Blocks {
		f := &Folder{Label: fmt.Sprintf("%d %s", bl.Number, bl.Name(b.lang))}
		for _, row := range b.in.Result.Rows {
			if row.Block == bl {
				f.Elements = append(f.Elements, b.reqs[row.Requirement])
			}
		}
		if len(f.Elements) > 0 {
			pve.Folders = append(pve.Folders, f)
		}
	}
	motivation := &Folder{Label: "Motivation", Folders: []*Folder{pve}}
	relations := &Folder{Label: "Relations", Folders: []*Folder{
		{Label: b.t("Klantreizen (blueprint)", "Customer journeys (blueprint)"), Relations: b.relsJourney},
		{Label: b.t("Eisen en GEMMA (blueprint)", "Requirements and GEMMA (blueprint)"), Relations: b.relsGemma},
	}}
	views := &Folder{Label: "Views"}
	jv := &Folder{Label: b.t("Klantreizen (blueprint)", "Customer journeys (blueprint)")}
	gv := &Folder{Label: b.t("GEMMA-dekking (blueprint)", "GEMMA coverage (blueprint)")}
	for _, v := range b.m.Views {
		if strings.HasPrefix(v.ID, "bp.view.journey.") || v.ID == "bp.view.actors" {
			jv.Views = append(jv.Views, v)
		} else {
			gv.Views = append(gv.Views, v)
		}
	}
	views.Folders = []*Folder{jv, gv}
	b.m.Folders = []*Folder{business, app, motivation, relations, views}
}
