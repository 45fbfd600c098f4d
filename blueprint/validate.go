package blueprint

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// EmotionMin and EmotionMax bound the emotion scale of the heartbeat.
const (
	EmotionMin = -2
	EmotionMax = 2
)

// ImprovementStatuses returns the allowed values of verbeteractie.status,
// in the order an action goes through them (a fresh slice each call).
func ImprovementStatuses() []string {
	return []string{StatusIdea, StatusDecided, StatusPlanned, StatusInProgress, StatusDone, StatusRejected}
}

// A pass is one named semantic check over the whole model. Passes run in
// order and only append diagnostics; none stops the others, so a user sees
// every problem in one run.
//
// A pass has up to two parts: project checks what blueprint.toml holds,
// and journey checks one journey. What a journey part writes (links such
// as Journey.Persona and Metric.Standard) belongs to that journey, and
// what it reads of the rest of the model no pass writes; what needs every
// journey at once (journey ids unique across files) is found before the
// passes (newChecker). So the journeys of a large collection are checked
// on every core (validate_run.go), each journey through the passes in
// order, with the same diagnostics in the same order as pass after pass.
type pass struct {
	name    string
	project func(*checker)
	journey func(c *checker, i int, j *Journey)
}

var passes = []pass{
	{"project", checkProject, nil},
	{"catalogue", checkCatalogue, nil},
	{"ids", checkVisionIDs, checkIDs},
	{"personas", checkPersonas, checkJourneyPersona},
	{"references", nil, checkReferences},
	{"municipality", nil, checkMunicipality},
	{"secondary", checkPartners, checkSecondary},
	{"self-service", nil, checkSelfService},
	{"heartbeat", nil, checkHeartbeat},
	{"waits", nil, checkWaits},
	{"moments", nil, checkMoments},
	{"spans", nil, checkSpans},
	{"phase-order", nil, checkPhaseOrder},
	{"emotion", nil, checkEmotion},
	{"customer-action", nil, checkCustomerAction},
	{"handoffs", nil, checkHandoffs},
	{"flow", nil, checkFlow},
	{"lists", nil, checkLists},
	{"metrics", nil, checkMetrics},
	{"improvements", nil, checkImprovements},
	{"priorities", checkProjectPriorities, checkPriorities},
	{"completeness", nil, checkCompleteness},
}

// PassNames lists the validation passes in the order they run.
func PassNames() []string {
	out := make([]string, len(passes))
	for i, p := range passes {
		out[i] = p.name
	}
	return out
}

func (c *checker) t(m msg, args ...any) string { return c.sink.t(m, args...) }

// --- project and catalogue ---

func checkProject(c *checker) {
	p := c.m.Project
	if p.Language != "" {
		if _, err := ParseLang(p.Language); err != nil {
			c.sink.Add(Error, p.At("taal"), "value",
				c.t(msg{"onbekende taal %q: kies \"nl\" of \"en\"", "unknown language %q: choose \"nl\" or \"en\""}, p.Language), "")
		}
	}
}

var colourRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

func checkCatalogue(c *checker) {
	b := BuiltinVocabulary()
	p := c.m.Project
	kindsCh := make([]string, len(ChannelKinds()))
	for i, k := range ChannelKinds() {
		kindsCh[i] = string(k)
	}
	kindsAc := make([]string, len(ActorKinds()))
	for i, k := range ActorKinds() {
		kindsAc[i] = string(k)
	}
	for _, x := range p.Channels {
		c.catalogueEntry(&x.Term, "kanaal", b.Channel(x.ID) != nil)
		c.oneOf(x.At("soort"), "soort", string(x.Kind), kindsCh)
		if x.Colour != "" && !colourRE.MatchString(x.Colour) {
			c.sink.Add(Error, x.At("kleur"), "value",
				c.t(msg{"kleur %q is geen #rrggbb-kleur", "colour %q is not a #rrggbb colour"}, x.Colour),
				c.t(msg{"bijvoorbeeld kleur = \"#1f77b4\"", "for example kleur = \"#1f77b4\""}))
		}
	}
	for _, x := range p.Actors {
		c.catalogueEntry(&x.Term, "actor", b.Actor(x.ID) != nil)
		c.oneOf(x.At("soort"), "soort", string(x.Kind), kindsAc)
		c.actorRole(x)
	}
	for _, x := range p.Systems {
		c.catalogueEntry(&x.Term, "systeem", b.System(x.ID) != nil)
		c.systemKind(x, b)
	}
	for _, x := range p.Domains {
		c.catalogueEntry(&x.Term, "domein", b.Domain(x.ID) != nil)
	}
	for _, x := range p.QuestionTypes {
		c.catalogueEntry(&x.Term, "vraagsoort", b.QuestionType(x.ID) != nil)
	}
	// duplicates within the project's own additions
	for _, group := range [][]*Term{terms(p.Channels), terms(p.Actors), terms(p.Systems), terms(p.Domains), terms(p.QuestionTypes)} {
		seen := map[string]*Term{}
		for _, t := range group {
			if prev, ok := seen[t.ID]; ok && t.ID != "" {
				c.duplicate(t.At("id"), t.ID, prev.Pos)
				continue
			}
			seen[t.ID] = t
		}
	}
}

func terms[T hasTerm](xs []T) []*Term {
	out := make([]*Term, len(xs))
	for i, x := range xs {
		out[i] = x.term()
	}
	return out
}

func (c *checker) catalogueEntry(t *Term, table string, builtin bool) {
	c.checkID(idAt(&t.Source), t.ID)
	if builtin {
		c.sink.Add(Error, t.At("id"), "duplicate-id",
			c.t(msg{"%s %q is al ingebouwd", "%s %q is built in already"}, table, t.ID),
			c.t(msg{"haal deze [[%s]] weg; het ingebouwde %q kan zo gebruikt worden", "remove this [[%s]]; the built-in %q can be used as is"}, table, t.ID))
	}
}

// actorRole checks the rol of an own actor, and warns about an employee
// without one: the requirements rules match hand-offs on roles, so its
// hand-offs would derive nothing.
func (c *checker) actorRole(x *Actor) {
	roles := RoleIDs()
	if x.Role == "" {
		var staff []string
		for _, r := range Roles() {
			if r.Kind == ActorEmployee {
				staff = append(staff, r.ID)
			}
		}
		if x.Kind != ActorEmployee {
			return
		}
		sug := SuggestRole(x)
		c.sink.Add(Warning, x.Pos, "actor-role",
			c.t(msg{"actor %q heeft geen rol: de afleiding van eisen weet niet wat deze medewerker doet, en zijn overdrachten leiden tot geen eis",
				"actor %q has no rol: the derivation does not know what this employee does, and its hand-offs lead to no requirement"}, x.ID),
			c.t(msg{"voeg rol = %q toe (waarschijnlijk, naar de naam); rollen van medewerkers: %s (zie blueprint catalogue)",
				"add rol = %q (likely, from the name); roles of employees: %s (see blueprint catalogue)"}, string(sug), strings.Join(staff, ", ")))
		return
	}
	c.oneOf(x.At("rol"), "rol", string(x.Role), roles)
	if (x.Kind == ActorCustomer) != (x.Role == RoleCustomer) && slices.Contains(roles, string(x.Role)) {
		c.sink.Add(Error, x.At("rol"), "value",
			c.t(msg{"rol %q past niet bij soort %q", "rol %q does not fit soort %q"}, string(x.Role), string(x.Kind)),
			c.t(msg{"de rol klant hoort bij soort = \"klant\", en alleen daarbij; laat rol weg of kies een andere", "the role klant goes with soort = \"klant\", and only with it; leave rol out or choose another"}))
	}
}

// systemKind checks the soort of an own system, and warns about a system
// without one: the requirements rules match systems on kinds.
func (c *checker) systemKind(x *System, b *Vocabulary) {
	kinds := append(b.SystemIDs(), SystemOther)
	if x.Kind == "" {
		hint := c.t(msg{"voeg soort = \"…\" toe met een ingebouwd systeem (blueprint catalogue), of soort = %q als het niets voor het KCC betekent",
			"add soort = \"…\" naming a built-in system (blueprint catalogue), or soort = %q when it means nothing for the contact centre"}, SystemOther)
		if sug := SuggestSystemKind(x); sug == SystemOther {
			hint = c.t(msg{"voeg soort = %q toe als het niets voor het KCC betekent (waarschijnlijk, naar de naam), of noem een ingebouwd systeem (blueprint catalogue)",
				"add soort = %q when it means nothing for the contact centre (likely, from the name), or name a built-in system (blueprint catalogue)"}, SystemOther)
		} else if sug != "" {
			hint = c.t(msg{"voeg soort = %q toe (waarschijnlijk, naar de naam); of een ander ingebouwd systeem (blueprint catalogue), of soort = %q als het niets voor het KCC betekent",
				"add soort = %q (likely, from the name); or another built-in system (blueprint catalogue), or soort = %q when it means nothing for the contact centre"}, sug, SystemOther)
		}
		c.sink.Add(Warning, x.Pos, "system-kind",
			c.t(msg{"systeem %q heeft geen soort: de afleiding van eisen en de GEMMA-dekking weten niet wat voor systeem het is",
				"system %q has no soort: the derivation of requirements and the GEMMA coverage do not know what kind of system it is"}, x.ID), hint)
		return
	}
	c.oneOf(x.At("soort"), "soort", x.Kind, kinds)
}

func (c *checker) oneOf(at Pos, key, value string, allowed []string) {
	for _, a := range allowed {
		if value == a {
			return
		}
	}
	detail := c.t(msg{"toegestaan: %s", "allowed: %s"}, strings.Join(allowed, ", "))
	if s := suggest(value, allowed); s != "" {
		detail = c.t(msg{"bedoelde u %q?", "did you mean %q?"}, s)
	}
	c.sink.Add(Error, at, "value", c.t(msg{"ongeldige waarde %q voor %s", "invalid value %q for %s"}, value, key), detail)
}

// --- ids ---

// idRE is the form of an id, as the JSON schemas give it; validId checks
// it without the regexp, which took a fifth of validating (one id per
// step, 150,000 at national scale).
var idRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

func validID(id string) bool {
	for i := 0; i < len(id); i++ {
		switch b := id[i]; {
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		case (b == '-' || b == '_') && i > 0:
		default:
			return false
		}
	}
	return id != ""
}

// Slug turns a title into an id: lower case, accents removed, words joined
// by hyphens. "Johan belt opnieuw" becomes "johan-belt-opnieuw".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) && r < 128 || unicode.IsDigit(r) && r < 128:
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// MaxIDLength is the longest id, in characters. Journey ids name files
// (johan-gat-in-de-weg.svg, with a temporary name beside it while it is
// written), and file names are limited to 255 bytes.
const MaxIDLength = 64

// idAt is where the id of an element was written, or no position when it
// was not written (the decoder reports the missing key; "id is empty" would
// say it twice).
func idAt(s *Source) Pos {
	if s.Has("id") {
		return s.At("id")
	}
	return Pos{}
}

func (c *checker) checkID(at Pos, id string) {
	if len(id) > MaxIDLength {
		c.sink.Add(Error, at, "id", c.t(msg{"id is %d tekens lang; hoogstens %d", "id is %d characters long; at most %d"}, utf8.RuneCountInString(id), MaxIDLength),
			c.t(msg{"een id is een korte naam, zoals \"belt-kcc\"; de titel mag lang zijn", "an id is a short name, such as \"belt-kcc\"; the title may be long"}))
		return
	}
	if id == "" || validID(id) {
		if id == "" && at.IsValid() {
			c.sink.Add(Error, at, "id", c.t(msg{"id is leeg", "id is empty"}),
				c.t(msg{"geef een korte naam met letters, cijfers en streepjes, zoals \"belt-kcc\"", "give a short name of letters, digits and hyphens, such as \"belt-kcc\""}))
		}
		return
	}
	detail := c.t(msg{"gebruik letters, cijfers, - en _, zonder spaties", "use letters, digits, - and _, without spaces"})
	if s := Slug(id); s != "" {
		detail = c.t(msg{"bijvoorbeeld %q", "for example %q"}, s)
	}
	c.sink.Add(Error, at, "id", c.t(msg{"ongeldige id %q", "invalid id %q"}, id), detail)
}

func (c *checker) duplicate(at Pos, id string, first Pos) {
	c.sink.Add(Error, at, "duplicate-id",
		c.t(msg{"id %q komt twee keer voor (eerst op %s)", "id %q is used twice (first at %s)"}, id, first),
		c.t(msg{"geef elk een eigen id", "give each its own id"}))
}

// uniq reports ids used twice in one scope, also when they differ only in
// case: Johan.svg and johan.svg are one file on Windows and macOS, and two
// ids a reader cannot tell apart anywhere.
type uniq struct {
	c    *checker
	seen map[string]seenID // by lower-case id
	// files is set for the scope of journey ids, which name files.
	files bool
}

type seenID struct {
	id string
	at Pos
}

// newUniq returns a scope for about n ids.
func (c *checker) newUniq(n int) *uniq { return &uniq{c: c, seen: make(map[string]seenID, n)} }

func (u *uniq) add(id string, at Pos) {
	u.c.checkID(at, id)
	if id == "" {
		return
	}
	key := strings.ToLower(id)
	first, ok := u.seen[key]
	switch {
	case !ok:
		u.seen[key] = seenID{id: id, at: at}
	case first.id == id:
		u.c.duplicate(at, id, first.at)
	default:
		hint := u.c.t(msg{"ids die alleen in hoofdletters verschillen zijn niet uit elkaar te houden; geef elk een eigen id", "ids that differ only in case cannot be told apart; give each its own id"})
		if u.files {
			hint = u.c.t(msg{"de bestanden %s.svg en %s.svg zijn op Windows en macOS hetzelfde bestand; geef elk een eigen id", "the files %s.svg and %s.svg are one file on Windows and macOS; give each its own id"}, first.id, id)
		}
		u.c.sink.Add(Error, at, "duplicate-id",
			u.c.t(msg{"id %q verschilt alleen in hoofdletters van %q (op %s)", "id %q differs only in case from %q (at %s)"}, id, first.id, first.at),
			hint)
	}
	if u.files && reservedName(id) {
		u.c.sink.Add(Error, at, "id",
			u.c.t(msg{"id %q kan geen bestandsnaam zijn op Windows", "id %q cannot be a file name on Windows"}, id),
			u.c.t(msg{"Windows reserveert CON, PRN, AUX, NUL, COM1–COM9 en LPT1–LPT9; kies een ander id", "Windows reserves CON, PRN, AUX, NUL, COM1–COM9 and LPT1–LPT9; choose another id"}))
	}
}

// reservedName reports whether id is a device name on Windows, which no
// file may have, whatever its extension.
func reservedName(id string) bool {
	switch u := strings.ToUpper(id); {
	case u == "CON" || u == "PRN" || u == "AUX" || u == "NUL":
		return true
	case len(u) == 4 && (strings.HasPrefix(u, "COM") || strings.HasPrefix(u, "LPT")) && u[3] >= '1' && u[3] <= '9':
		return true
	}
	return false
}

func checkVisionIDs(c *checker) {
	vis := c.newUniq(len(c.m.Project.Vision))
	for _, v := range c.m.Project.Vision {
		vis.add(v.ID, idAt(&v.Source))
	}
}

func checkIDs(c *checker, i int, j *Journey) {
	c.sink.Diags = append(c.sink.Diags, c.journeyIDs[i]...)
	phases := c.newUniq(len(j.Phases))
	for _, p := range j.Phases {
		phases.add(p.ID, idAt(&p.Source))
	}
	steps := c.newUniq(len(j.Steps))
	for _, s := range j.Steps {
		steps.add(s.ID, idAt(&s.Source))
	}
	imps := c.newUniq(len(j.Improvements))
	for _, im := range j.Improvements {
		imps.add(im.ID, idAt(&im.Source))
	}
}

// --- personas ---

func checkPersonas(c *checker) {
	seen := c.newUniq(len(c.m.Personas))
	for _, p := range c.m.Personas {
		seen.add(p.ID, idAt(&p.Source))
		a := c.m.Vocabulary.Actor(p.Role)
		if a == nil {
			if p.Role != "" {
				c.unknownRef(p.At("rol"), wRole, p.Role, c.m.Vocabulary.ActorIDs(), "actor")
			}
			continue
		}
		if a.Kind == ActorCustomer && (len(p.PainPoints) > 0 || len(p.SuccessFactors) > 0) {
			key := "knelpunten"
			if len(p.PainPoints) == 0 {
				key = "succesfactoren"
			}
			c.sink.Add(Warning, p.KeyAt(key), "persona-kind",
				c.t(msg{"persona %q is een klant (%s); %s horen bij een medewerkerspersona", "persona %q is a customer (%s); %s belong to an employee persona"}, p.ID, p.Role, key),
				c.t(msg{"gebruik frustraties voor wat een klant dwarszit", "use frustraties for what bothers a customer"}))
		}
	}
}

// checkJourneyPersona links a journey to its persona.
func checkJourneyPersona(c *checker, _ int, j *Journey) {
	ref := j.PersonaRef
	if ref.Inline != nil {
		j.Persona = ref.Inline
		return
	}
	if ref.ID == "" {
		return // reported by the decoder
	}
	j.Persona = c.m.Persona(ref.ID)
	if j.Persona == nil {
		detail := c.t(msg{"definieer de persona als [persona] in dit bestand of als [[persona]] in blueprint.toml", "define the persona as [persona] in this file or as [[persona]] in blueprint.toml"})
		if s := suggest(ref.ID, c.personaIDs); s != "" {
			detail = c.t(msg{"bedoelde u %q?", "did you mean %q?"}, s)
		}
		c.sink.Add(Error, ref.Pos, "unknown-ref", c.t(msg{"onbekende persona %q", "unknown persona %q"}, ref.ID), detail)
	}
}

// --- references ---

// unknownRef reports a reference to an id that does not exist.
func (c *checker) unknownRef(at Pos, what msg, id string, known []string, table string) {
	detail := ""
	if s := suggest(id, known); s != "" {
		detail = c.t(msg{"bedoelde u %q?", "did you mean %q?"}, s)
	} else if known = dedupe(known); len(known) > 0 && len(known) <= 25 {
		detail = c.t(msg{"toegestaan: %s", "allowed: %s"}, strings.Join(known, ", "))
	}
	if table != "" && !strings.HasPrefix(detail, c.t(msg{"bedoelde", "did you"})) {
		extra := c.t(msg{"of voeg het toe in blueprint.toml als [[%s]]", "or add it in blueprint.toml as [[%s]]"}, table)
		if detail == "" {
			detail = capitalize(strings.TrimPrefix(extra, c.t(msg{"of ", "or "})))
		} else {
			detail += "; " + extra
		}
	}
	c.sink.Add(Error, at, "unknown-ref", c.t(msg{"%s %q", "%s %q"}, pick(c.sink.Lang, what), id), detail)
}

// The subjects of "unknown …" messages, with the Dutch adjective that fits
// the noun (het kanaal: onbekend kanaal; de stap: onbekende stap).
var (
	wChannel = msg{"onbekend kanaal", "unknown channel"}
	wActor   = msg{"onbekende actor", "unknown actor"}
	wRole    = msg{"onbekende rol", "unknown role"}
	wSystem  = msg{"onbekend systeem", "unknown system"}
	wDomain  = msg{"onbekend domein", "unknown domain"}
	wQType   = msg{"onbekende vraagsoort", "unknown question type"}
	wVision  = msg{"onbekende visie", "unknown vision statement"}
	wPhase   = msg{"onbekende fase", "unknown phase"}
	wStep    = msg{"onbekende stap", "unknown step"}
)

func dedupe(xs []string) []string {
	seen := make(map[string]bool, len(xs))
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// A place is where a reference was written: the value of key in src, or
// element elem of that array when elem ≥ 0. Its position is looked up
// only when the reference is reported; most are fine (six a step).
type place struct {
	src  *Source
	key  string
	elem int
}

func valueOf(src *Source, key string) place { return place{src, key, -1} }

func elemOf(src *Source, key string, i int) place { return place{src, key, i} }

func (p place) pos() Pos {
	if p.elem >= 0 {
		return p.src.ElemAt(p.key, p.elem)
	}
	return p.src.At(p.key)
}

func (c *checker) refActor(at place, id string) {
	if id != "" && c.m.Vocabulary.Actor(id) == nil {
		c.unknownRef(at.pos(), wActor, id, c.m.Vocabulary.ActorIDs(), "actor")
	}
}

func (c *checker) refChannel(at place, id string) {
	if id != "" && c.m.Vocabulary.Channel(id) == nil {
		c.unknownRef(at.pos(), wChannel, id, c.m.Vocabulary.ChannelIDs(), "kanaal")
	}
}

func (c *checker) refQuestionType(at place, id string) {
	if id != "" && c.m.Vocabulary.QuestionType(id) == nil {
		c.unknownRef(at.pos(), wQType, id, c.m.Vocabulary.QuestionTypeIDs(), "vraagsoort")
	}
}

func checkReferences(c *checker, _ int, j *Journey) {
	cat := c.m.Vocabulary
	if j.Domain != "" && cat.Domain(j.Domain) == nil {
		c.unknownRef(j.At("domein"), wDomain, j.Domain, cat.DomainIDs(), "domein")
	}
	c.refQuestionType(valueOf(&j.Source, "vraagsoort"), j.QuestionType)
	if j.Vision != "" && c.m.Project.visionStatement(j.Vision) == nil {
		if len(c.visionIDs) == 0 {
			c.sink.Add(Error, j.At("visie"), "unknown-ref",
				c.t(msg{"onbekende visie %q: er zijn geen visie-uitspraken", "unknown vision statement %q: there are none"}, j.Vision),
				c.t(msg{"voeg in blueprint.toml een [[visie]] toe met id = %q", "add a [[visie]] with id = %q to blueprint.toml"}, j.Vision))
		} else {
			c.unknownRef(j.At("visie"), wVision, j.Vision, c.visionIDs, "")
		}
	}
	phaseIDs := make([]string, len(j.Phases))
	for i, p := range j.Phases {
		phaseIDs[i] = p.ID
	}
	stepIDs := make([]string, len(j.Steps))
	for i, s := range j.Steps {
		stepIDs[i] = s.ID
	}
	for _, s := range j.Steps {
		if s.Phase != "" && j.Phase(s.Phase) == nil {
			c.unknownRef(s.At("fase"), wPhase, s.Phase, phaseIDs, "")
		}
		c.refChannel(elemOf(&s.Source, "kanaal", 0), s.Channel)
		c.refQuestionType(valueOf(&s.Source, "vraagsoort"), s.QuestionType)
		for i, a := range s.Actors {
			c.refActor(elemOf(&s.Source, "actoren", i), a)
		}
		for _, a := range s.Frontstage {
			c.refActor(valueOf(&a.Source, "actor"), a.Actor)
		}
		for _, a := range s.Backstage {
			c.refActor(valueOf(&a.Source, "actor"), a.Actor)
		}
		for _, sp := range s.Support {
			if sp.System != "" && cat.System(sp.System) == nil {
				c.unknownRef(sp.At("systeem"), wSystem, sp.System, cat.SystemIDs(), "systeem")
			}
		}
		for _, h := range s.Handoffs {
			c.refActor(valueOf(&h.Source, "van"), h.From)
			c.refActor(valueOf(&h.Source, "naar"), h.To)
			c.refChannel(valueOf(&h.Source, "kanaal"), h.Channel)
		}
		for i, id := range s.Next {
			if id != "" && j.Step(id) == nil {
				at := s.ElemAt("volgende", i)
				if i < len(s.NextSteps) {
					at = s.NextSteps[i].At("stap") // the id in { stap = "…", als = "…" }
				}
				c.unknownRef(at, wStep, id, stepIDs, "")
			}
		}
	}
}

func (p *Project) visionStatement(id string) *VisionStatement {
	for _, v := range p.Vision {
		if v.ID == id {
			return v
		}
	}
	return nil
}

// VisionStatement looks a statement up by id.
func (p *Project) VisionStatement(id string) *VisionStatement { return p.visionStatement(id) }

// --- phases ---

func checkPhaseOrder(c *checker, _ int, j *Journey) {
	index := map[string]int{}
	for i, p := range j.Phases {
		if _, ok := index[p.ID]; !ok {
			index[p.ID] = i
		}
	}
	maxSeen, maxStep := -1, (*Step)(nil)
	for _, s := range j.Steps {
		i, ok := index[s.Phase]
		if !ok {
			continue
		}
		if i < maxSeen {
			c.sink.Add(Error, s.At("fase"), "phase-order",
				c.t(msg{"stap %q hoort bij fase %q maar staat na stap %q van fase %q", "step %q belongs to phase %q but comes after step %q of phase %q"},
					s.ID, s.Phase, maxStep.ID, maxStep.Phase),
				c.t(msg{"zet de stappen in de volgorde van de fasen, of kies een andere fase", "put the steps in the order of the phases, or choose another phase"}))
			continue
		}
		maxSeen, maxStep = i, s
	}
}

// --- emotion ---

func checkEmotion(c *checker, _ int, j *Journey) {
	for _, s := range j.Steps {
		c.emotionInRange(&s.Source, "emotie", s.Emotion)
		c.emotionInRange(&s.Source, "gewenste_emotie", s.DesiredEmotion)
	}
}

// emotionInRange reports an emotion outside the scale, at the value of key
// in src; it returns whether v is nil or on the scale.
func (c *checker) emotionInRange(src *Source, key string, v *int) bool {
	if v == nil || (*v >= EmotionMin && *v <= EmotionMax) {
		return true
	}
	c.sink.Add(Error, src.At(key), "emotion-range",
		c.t(msg{"%s %d valt buiten de schaal %d tot en met +%d", "%s %d is outside the scale %d to +%d"}, key, *v, EmotionMin, EmotionMax),
		c.t(msg{"gebruik -2 (zeer negatief), -1, 0 (neutraal), 1 of 2 (zeer positief)", "use -2 (very negative), -1, 0 (neutral), 1 or 2 (very positive)"}))
	return false
}

// --- customer ---

func checkCustomerAction(c *checker, _ int, j *Journey) {
	if len(j.Steps) == 0 {
		return
	}
	found := false
	for _, s := range j.Steps {
		if s.CustomerAction != "" {
			found = true
			break
		}
	}
	if !found {
		c.sink.Add(Error, j.Pos, "no-customer-action",
			c.t(msg{"klantreis %q heeft geen enkele klantactie", "journey %q has no customer action at all"}, j.ID),
			c.t(msg{"schrijf bij minstens één stap wat de klant doet: klantactie = \"…\"", "write for at least one step what the customer does: klantactie = \"…\""}))
	}
}

// --- hand-offs ---

func checkHandoffs(c *checker, _ int, j *Journey) {
	for _, s := range j.Steps {
		for _, h := range s.Handoffs {
			if h.From != "" && h.From == h.To {
				c.sink.Add(Error, h.At("naar"), "handoff-same-actor",
					c.t(msg{"overdracht van %q naar zichzelf", "hand-off from %q to itself"}, h.From),
					c.t(msg{"een overdracht gaat van de ene actor naar een andere; noem bij naar wie het overneemt", "a hand-off goes from one actor to another; name in naar who takes over"}))
			}
		}
	}
}

// --- flow ---

func checkFlow(c *checker, _ int, j *Journey) {
	for _, s := range j.Steps {
		for i, id := range s.Next {
			if id == s.ID && id != "" {
				c.sink.Add(Error, s.ElemAt("volgende", i), "flow-self",
					c.t(msg{"stap %q verwijst naar zichzelf", "step %q points at itself"}, s.ID),
					c.t(msg{"noem de stap die hierna komt", "name the step that comes next"}))
			}
		}
	}
	if len(j.Steps) == 0 {
		return
	}
	reached := map[*Step]bool{j.Steps[0]: true}
	queue := []*Step{j.Steps[0]}
	flows := j.Flows()
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, f := range flows {
			if f.From == s && !reached[f.To] {
				reached[f.To] = true
				queue = append(queue, f.To)
			}
		}
	}
	for _, s := range j.Steps {
		if !reached[s] {
			c.sink.Add(Warning, s.Pos, "unreachable",
				c.t(msg{"stap %q is vanaf de eerste stap niet bereikbaar", "step %q cannot be reached from the first step"}, s.ID),
				c.t(msg{"voeg %q toe aan volgende van een eerdere stap", "add %q to volgende of an earlier step"}, s.ID))
		}
	}
}

// --- priorities ---

func checkProjectPriorities(c *checker) { c.priorities(c.m.Project.Priorities) }

func checkPriorities(c *checker, _ int, j *Journey) { c.priorities(j.Priorities) }

func (c *checker) priorities(ps []*PriorityOverride) {
	for _, p := range ps {
		if p.MoSCoW == "" && p.Kind == "" {
			c.sink.Add(Error, p.Pos, "missing-key",
				c.t(msg{"[[prioriteit]] voor %q zegt niets over de prioriteit", "[[prioriteit]] for %q says nothing about the priority"}, p.Requirement),
				c.t(msg{"voeg moscow = \"must\" (of should, could, wont) en/of soort = \"eis\" (of wens) toe", "add moscow = \"must\" (or should, could, wont) and/or soort = \"eis\" (or wens)"}))
		}
		if p.MoSCoW != "" {
			c.oneOf(p.At("moscow"), "moscow", p.MoSCoW, MoSCoWValues())
		}
		if p.Kind != "" {
			c.oneOf(p.At("soort"), "soort", p.Kind, RequirementKinds())
		}
	}
}

// --- completeness (warnings) ---

func checkCompleteness(c *checker, _ int, j *Journey) {
	if j.decodeErrors {
		return // first the errors; their consequences would mislead
	}
	used := map[string]bool{}
	pains, emotions := 0, 0
	for _, s := range j.Steps {
		used[s.Phase] = true
		pains += len(s.PainPoints)
		if s.Emotion != nil {
			emotions++
		}
		if len(s.Frontstage) == 0 && len(s.Backstage) == 0 && !s.SelfService {
			c.sink.Add(Warning, s.Pos, "no-service-action",
				c.t(msg{"stap %q heeft geen frontoffice en geen backoffice", "step %q has no frontoffice and no backoffice"}, s.ID),
				c.t(msg{"wie van de gemeente doet hier iets? voeg [[stap.frontoffice]] of [[stap.backoffice]] toe, of schrijf zelfservice = true als niemand van de gemeente iets doet", "who at the gemeente acts here? add [[stap.frontoffice]] or [[stap.backoffice]], or write zelfservice = true when nobody of the gemeente acts"}))
		}
		if s.DesiredEmotion != nil && s.Emotion == nil {
			c.sink.Add(Warning, s.At("gewenste_emotie"), "desired-without-emotion",
				c.t(msg{"stap %q heeft een gewenste emotie maar geen emotie", "step %q has a desired emotion but no emotion"}, s.ID),
				c.t(msg{"voeg emotie = … toe, zodat de hartslag het verschil laat zien", "add emotie = … so that the heartbeat shows the gap"}))
		}
	}
	if len(j.Steps) > 0 && pains == 0 {
		c.sink.Add(Warning, j.Pos, "no-pain-points",
			c.t(msg{"klantreis %q heeft geen knelpunten", "journey %q has no pain points"}, j.ID),
			c.t(msg{"waar loopt de klant vast? schrijf het bij die stap: knelpunten = [\"…\"]", "where does the customer get stuck? write it at that step: knelpunten = [\"…\"]"}))
	}
	if len(j.Steps) > 0 && emotions == 0 {
		c.sink.Add(Warning, j.Pos, "no-emotions",
			c.t(msg{"klantreis %q heeft geen emoties; de hartslag blijft leeg", "journey %q has no emotions; the heartbeat stays empty"}, j.ID),
			c.t(msg{"geef stappen met klantcontact een emotie van -2 tot +2", "give steps with customer contact an emotion from -2 to +2"}))
	}
	for _, p := range j.Phases {
		if !used[p.ID] && p.ID != "" {
			c.sink.Add(Warning, p.Pos, "empty-phase",
				c.t(msg{"fase %q heeft geen stappen", "phase %q has no steps"}, p.ID),
				c.t(msg{"haal de fase weg of zet er een stap in", "remove the phase or put a step in it"}))
		}
		if len(p.Metrics) == 0 && p.ID != "" {
			c.sink.Add(Warning, p.Pos, "no-metrics",
				c.t(msg{"fase %q heeft geen meetpunten", "phase %q has no metrics"}, p.ID),
				c.t(msg{"wat meet u in deze fase? voeg [[fase.meetpunt]] toe", "what do you measure in this phase? add [[fase.meetpunt]]"}))
		}
	}
}
