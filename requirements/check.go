package requirements

import (
	"regexp"
	"slices"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/gemma"
)

var (
	idPattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	keyPattern  = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	codePattern = regexp.MustCompile(`^[A-Z0-9]{1,6}$`)
)

// check runs the validation passes over a catalogue. own is the file the
// user wrote (the catalogue itself, or the extension merged into the
// built-in one); retired ids are checked against it.
func check(c, own *Catalogue, lang blueprint.Lang) blueprint.Diagnostics {
	d := blueprint.NewCollector(lang)
	checkTop(d, c)
	checkAnswers(d, c)
	checkBlocks(d, c)
	checkFunctions(d, c)
	checkGemma(d, c)
	checkRequirements(d, c, own)
	checkRules(d, c)
	return d.Diags
}

func checkTop(d *blueprint.Collector, c *Catalogue) {
	pos := blueprint.Pos{File: c.File, Line: 1, Col: 1}
	if c.Weights == nil {
		x := d.Errorf(pos, "missing-key", "de catalogus mist [weging]", "the catalogue lacks [weging]")
		d.Hint(x, "voeg toe: [weging] met must = 5, should = 3, could = 1", "add: [weging] with must = 5, should = 3, could = 1")
	} else {
		for _, k := range []struct {
			key string
			v   int
		}{{"must", c.Weights.Must}, {"should", c.Weights.Should}, {"could", c.Weights.Could}} {
			if k.v < 0 || k.v > 100 {
				d.Errorf(c.Weights.At(k.key), "value", "gewicht %s moet tussen 0 en 100 liggen, niet %d", "weight %s must be between 0 and 100, not %d", k.key, k.v)
			}
		}
	}
	if len(c.Blocks) == 0 {
		d.Errorf(pos, "missing-key", "de catalogus heeft geen [[blok]]", "the catalogue has no [[blok]]")
	}
	if len(c.Requirements) == 0 {
		d.Errorf(pos, "missing-key", "de catalogus heeft geen [[eis]]", "the catalogue has no [[eis]]")
	}
}

func checkAnswers(d *blueprint.Collector, c *Catalogue) {
	if len(c.Answers) < 2 {
		x := d.Errorf(blueprint.Pos{File: c.File, Line: 1, Col: 1}, "answers",
			"de catalogus moet minstens twee [[antwoord]] hebben", "the catalogue needs at least two [[antwoord]]")
		d.Hint(x, "zie de ingebouwde catalogus: blueprint matrix --catalogue-template", "see the built-in catalogue: blueprint matrix --catalogue-template")
		return
	}
	codes, nl, en := map[string]bool{}, map[string]bool{}, map[string]bool{}
	ko, notKO := false, false
	for _, a := range c.Answers {
		if codes[a.Code] {
			d.Errorf(a.At("code"), "duplicate", "antwoordcode %q komt twee keer voor", "answer code %q occurs twice", a.Code)
		}
		codes[a.Code] = true
		if nl[a.Label] {
			d.Errorf(a.At("naam"), "duplicate", "antwoord %q komt twee keer voor", "answer %q occurs twice", a.Label)
		}
		nl[a.Label] = true
		if a.LabelEN != "" {
			if en[a.LabelEN] {
				d.Errorf(a.At("naam_en"), "duplicate", "antwoord %q komt twee keer voor", "answer %q occurs twice", a.LabelEN)
			}
			en[a.LabelEN] = true
		}
		if strings.ContainsAny(a.Label+a.LabelEN, `,"`) {
			d.Errorf(a.At("naam"), "value", "een antwoord mag geen komma of aanhalingsteken bevatten (het staat in een keuzelijst)",
				"an answer may not contain a comma or quote (it goes into a drop-down list)")
		}
		if a.Factor < 0 || a.Factor > 1 {
			d.Errorf(a.At("factor"), "value", "factor moet tussen 0 en 1 liggen, niet %g", "factor must be between 0 and 1, not %g", a.Factor)
		}
		if a.KO {
			ko = true
		} else {
			notKO = true
		}
	}
	if !ko || !notKO {
		d.Errorf(c.Answers[0].Pos, "answers", "minstens één antwoord moet ko = true hebben en één ko = false",
			"at least one answer must have ko = true and one ko = false")
	}
	var names []string
	for _, a := range c.Answers {
		names = append(names, a.Label)
	}
	if n := len(strings.Join(names, ",")); n > 255 {
		d.Errorf(c.Answers[0].Pos, "answers", "de antwoorden zijn samen %d tekens; een keuzelijst in Excel past er 255", "the answers take %d characters together; an Excel drop-down holds 255", n)
	}
}

func checkBlocks(d *blueprint.Collector, c *Catalogue) {
	codes, nums, sheets := map[string]bool{}, map[int]bool{}, map[string]bool{}
	for _, b := range c.Blocks {
		if !codePattern.MatchString(b.Code) {
			x := d.Errorf(b.At("code"), "id", "blokcode %q is ongeldig", "block code %q is invalid", b.Code)
			d.Hint(x, "gebruik 1 tot 6 hoofdletters of cijfers, zoals \"KG\"", "use 1 to 6 capital letters or digits, such as \"KG\"")
		}
		if codes[b.Code] {
			d.Errorf(b.At("code"), "duplicate", "blokcode %q komt twee keer voor", "block code %q occurs twice", b.Code)
		}
		codes[b.Code] = true
		if b.Number < 1 || b.Number > 99 {
			d.Errorf(b.At("nummer"), "value", "nummer moet tussen 1 en 99 liggen, niet %d", "number must be between 1 and 99, not %d", b.Number)
		}
		if nums[b.Number] {
			d.Errorf(b.At("nummer"), "duplicate", "bloknummer %d komt twee keer voor", "block number %d occurs twice", b.Number)
		}
		nums[b.Number] = true
		for _, l := range []blueprint.Lang{blueprint.Dutch, blueprint.English} {
			s := strings.ToLower(b.SheetName(l)) + string(l)
			if sheets[s] {
				d.Errorf(b.Pos, "duplicate", "twee blokken krijgen hetzelfde tabblad %q; geef een ander kort", "two blocks get the same sheet %q; give another kort", b.SheetName(l))
			}
			sheets[s] = true
		}
	}
}

func checkFunctions(d *blueprint.Collector, c *Catalogue) {
	seen := map[string]bool{}
	for _, f := range c.Functions {
		if !keyPattern.MatchString(f.Key) {
			x := d.Errorf(f.At("sleutel"), "id", "functiesleutel %q is ongeldig", "function key %q is invalid", f.Key)
			d.Hint(x, "gebruik kleine letters, cijfers en streepjes, zoals \"kennisbank\"", "use lower-case letters, digits and hyphens, such as \"kennisbank\"")
		}
		if seen[f.Key] {
			d.Errorf(f.At("sleutel"), "duplicate", "functiesleutel %q komt twee keer voor", "function key %q occurs twice", f.Key)
		}
		seen[f.Key] = true
		if c.Block(f.Block) == nil {
			x := d.Errorf(f.At("blok"), "reference", "functie %q noemt blok %q, dat niet bestaat", "function %q names block %q, which does not exist", f.Key, f.Block)
			d.DidYouMean(x, f.Block, c.blockCodes())
		}
	}
}

func checkGemma(d *blueprint.Collector, c *Catalogue) {
	seen := map[string]bool{}
	for _, g := range c.Gemma {
		if seen[g.ObjectID] {
			d.Errorf(g.At("id"), "duplicate", "GEMMA-element %q komt twee keer voor", "GEMMA element %q occurs twice", g.ObjectID)
		}
		seen[g.ObjectID] = true
		switch g.Kind {
		case gemma.Component, gemma.Service, gemma.External:
		default:
			x := d.Errorf(g.At("soort"), "value", "onbekende GEMMA-soort %q", "unknown GEMMA kind %q", g.Kind)
			d.DidYouMean(x, g.Kind, gemma.Kinds())
		}
	}
}

func checkRequirements(d *blueprint.Collector, c *Catalogue, own *Catalogue) {
	seen := map[string]bool{}
	retired := map[string]bool{}
	for _, id := range c.Retired {
		retired[id] = true
	}
	var gemmaIDs []string
	for _, g := range c.Gemma {
		gemmaIDs = append(gemmaIDs, g.ObjectID)
	}
	for _, r := range c.Requirements {
		if !idPattern.MatchString(r.ID) {
			x := d.Errorf(r.At("id"), "id", "eis-id %q is ongeldig", "requirement id %q is invalid", r.ID)
			d.Hint(x, "gebruik letters, cijfers en streepjes zonder spaties, zoals \"KCC-KG-001\"", "use letters, digits and hyphens without spaces, such as \"KCC-KG-001\"")
		}
		if seen[r.ID] {
			d.Errorf(r.At("id"), "duplicate", "eis-id %q komt twee keer voor", "requirement id %q occurs twice", r.ID)
		}
		seen[r.ID] = true
		if retired[r.ID] && r.File() == own.File {
			x := d.Errorf(r.At("id"), "retired", "eis-id %q is vervallen en mag niet opnieuw worden gebruikt", "requirement id %q was retired and may not be used again", r.ID)
			d.Hint(x, "geef de eis een nieuw id", "give the requirement a new id")
		}
		// A function key equal to a requirement id would make behoeften
		// ambiguous.
		if c.Function(r.ID) != nil {
			d.Errorf(r.At("id"), "duplicate", "eis-id %q is ook een functiesleutel", "requirement id %q is also a function key", r.ID)
		}
		if c.Function(r.Function) == nil {
			x := d.Errorf(r.At("functie"), "reference", "eis %s noemt functie %q, die niet bestaat", "requirement %s names function %q, which does not exist", r.ID, r.Function)
			d.DidYouMean(x, r.Function, c.functionKeys())
		}
		if !slices.Contains(blueprint.RequirementKinds(), r.Kind) {
			x := d.Errorf(r.At("soort"), "value", "soort moet \"eis\" of \"wens\" zijn, niet %q", "soort must be \"eis\" or \"wens\", not %q", r.Kind)
			d.DidYouMean(x, r.Kind, blueprint.RequirementKinds())
		}
		if !slices.Contains(blueprint.MoSCoWValues(), r.MoSCoW) {
			x := d.Errorf(r.At("moscow"), "value", "moscow moet must, should, could of wont zijn, niet %q", "moscow must be must, should, could or wont, not %q", r.MoSCoW)
			d.DidYouMean(x, r.MoSCoW, blueprint.MoSCoWValues())
		}
		if !slices.Contains(verifications, r.Verification) {
			x := d.Errorf(r.At("verificatie"), "value", "onbekende verificatie %q", "unknown verification %q", r.Verification)
			d.DidYouMean(x, r.Verification, verifications)
		}
		if strings.TrimSpace(r.TextNL) == "" {
			d.Errorf(r.At("tekst"), "value", "eis %s heeft een lege tekst", "requirement %s has an empty text", r.ID)
		}
		for i, g := range r.Gemma {
			if c.GemmaElement(g) == nil {
				x := d.Errorf(r.ElemAt("gemma", i), "reference", "eis %s noemt GEMMA-element %q, dat niet in [[gemma]] staat", "requirement %s names GEMMA element %q, which is not in [[gemma]]", r.ID, g)
				if s := blueprint.Suggest(g, gemmaIDs); s != "" {
					d.Hint(x, "bedoelde u %q?", "did you mean %q?", s)
				} else {
					d.Hint(x, "voeg een [[gemma]] toe met de Object ID, naam en soort uit het GEMMA-model", "add a [[gemma]] with the Object ID, name and kind from the GEMMA model")
				}
			}
		}
		for i, q := range r.Requires {
			switch {
			case q == r.ID:
				d.Errorf(r.ElemAt("vereist", i), "reference", "eis %s vereist zichzelf", "requirement %s requires itself", r.ID)
			case c.Requirement(q) == nil:
				x := d.Errorf(r.ElemAt("vereist", i), "reference", "eis %s vereist %q, die niet bestaat", "requirement %s requires %q, which does not exist", r.ID, q)
				d.DidYouMean(x, q, c.requirementIDs())
			}
		}
	}
}

func checkRules(d *blueprint.Collector, c *Catalogue) {
	seen := map[string]bool{}
	targets := append(c.requirementIDs(), c.functionKeys()...)
	for _, r := range c.Rules {
		if seen[r.ID] {
			d.Errorf(r.At("id"), "duplicate", "regel-id %q komt twee keer voor", "rule id %q occurs twice", r.ID)
		}
		seen[r.ID] = true
		level := r.Level
		if level == "" {
			level = LevelStep
		}
		if level != LevelStep && level != LevelPhase && level != LevelText {
			x := d.Errorf(r.At("niveau"), "value", "onbekend niveau %q", "unknown level %q", r.Level)
			d.DidYouMean(x, r.Level, []string{LevelStep, LevelPhase, LevelText})
		}
		if len(r.Requirements) == 0 {
			d.Errorf(r.At("eisen"), "value", "regel %s noemt geen eisen", "rule %s names no requirements", r.ID)
		}
		for i, t := range r.Requirements {
			if c.Requirement(t) == nil && c.Function(t) == nil {
				x := d.Errorf(r.ElemAt("eisen", i), "reference", "regel %s noemt %q: geen eis-id of functiesleutel", "rule %s names %q: not a requirement id or function key", r.ID, t)
				d.DidYouMean(x, t, targets)
			}
		}
		for _, text := range []struct{ key, s string }{{"reden", r.ReasonNL}, {"reden_en", r.ReasonEN}} {
			for _, m := range placeholder.FindAllString(text.s, -1) {
				if name := m[1 : len(m)-1]; !slices.Contains(placeholders, name) {
					x := d.Errorf(r.At(text.key), "value", "onbekende plekhouder %s in de reden", "unknown placeholder %s in the reason", m)
					d.DidYouMean(x, name, placeholders)
				}
			}
		}
		if r.When != nil {
			checkCondition(d, r, level)
		}
	}
}

// conditionKeys lists which condition keys each level accepts.
var conditionKeys = map[string][]string{
	LevelStep: {"kanaal", "kanaalsoort", "klantcontact", "kanaalwissel", "systeem", "vraagsoort", "domein", "actor", "frontoffice",
		"overdracht_van", "overdracht_naar", "overdracht_rollen", "herhaalcontact", "faalpunt", "wachttijd_vanaf", "wachttijd_tot",
		"emotie_tot", "emotiekloof_vanaf", "behoefte_bevat", "knelpunt_bevat"},
	LevelPhase: {"meetpunten", "domein"},
	LevelText:  {"rol", "behoefte_bevat", "knelpunt_bevat"},
}

func checkCondition(d *blueprint.Collector, r *Rule, level string) {
	w := r.When
	allowed := conditionKeys[level]
	written := 0
	keys, _ := blueprint.Keys(w)
	for _, k := range keys {
		if !w.Has(k) {
			continue
		}
		written++
		if !slices.Contains(allowed, k) {
			x := d.Errorf(w.KeyAt(k), "condition", "voorwaarde %q past niet bij niveau %q", "condition %q does not fit level %q", k, level)
			d.Hint(x, "op dit niveau: %s", "allowed at this level: %s", strings.Join(allowed, ", "))
		}
	}
	if written == 0 {
		d.Errorf(w.Pos, "condition", "regel %s heeft geen voorwaarden", "rule %s has no conditions", r.ID)
	}
	if level == LevelText && len(w.NeedContains) == 0 && len(w.PainContains) == 0 {
		x := d.Errorf(w.Pos, "condition", "regel %s op niveau tekst noemt geen woorden", "rule %s at level tekst names no words", r.ID)
		d.Hint(x, "voeg behoefte_bevat of knelpunt_bevat toe", "add behoefte_bevat or knelpunt_bevat")
	}
	if w.HandoffRoles != "" && w.HandoffRoles != RolesDiffer && w.HandoffRoles != RolesSame {
		x := d.Errorf(w.At("overdracht_rollen"), "value", "onbekende waarde %q voor overdracht_rollen", "unknown value %q for overdracht_rollen", w.HandoffRoles)
		d.DidYouMean(x, w.HandoffRoles, []string{RolesDiffer, RolesSame})
	}
	if w.EmotionUpTo != nil && (*w.EmotionUpTo < -2 || *w.EmotionUpTo > 2) {
		d.Errorf(w.At("emotie_tot"), "value", "emotie_tot moet tussen -2 en 2 liggen", "emotie_tot must be between -2 and 2")
	}
	if w.EmotionGapFrom != nil && (*w.EmotionGapFrom < 1 || *w.EmotionGapFrom > 4) {
		d.Errorf(w.At("emotiekloof_vanaf"), "value", "emotiekloof_vanaf moet tussen 1 en 4 liggen", "emotiekloof_vanaf must be between 1 and 4")
	}
	for _, k := range []struct {
		key  string
		vals []string
	}{{"kanaalsoort", w.ChannelKinds}} {
		var kinds []string
		for _, x := range blueprint.ChannelKinds() {
			kinds = append(kinds, string(x))
		}
		for i, v := range k.vals {
			if !slices.Contains(kinds, v) {
				x := d.Errorf(w.ElemAt(k.key, i), "value", "onbekende kanaalsoort %q", "unknown channel kind %q", v)
				d.DidYouMean(x, v, kinds)
			}
		}
	}
	for _, k := range []struct {
		key  string
		vals []string
	}{{"behoefte_bevat", w.NeedContains}, {"knelpunt_bevat", w.PainContains}} {
		for i, v := range k.vals {
			if strings.TrimSpace(v) == "" {
				d.Errorf(w.ElemAt(k.key, i), "value", "een leeg woord past overal", "an empty word matches everything")
			}
		}
	}
}

// checkReferences warns about rule conditions that name channels, systems,
// actors (by id or role), question types or domains the journeys' catalogue does not know:
// such a rule can never fire. It runs when the model is known.
func checkReferences(d *blueprint.Collector, c *Catalogue, bc *blueprint.Vocabulary) {
	actorsAndRoles := append(bc.ActorIDs(), blueprint.RoleIDs()...)
	for _, r := range c.Rules {
		w := r.When
		if w == nil {
			continue
		}
		for _, k := range []struct {
			key   string
			vals  []string
			known []string
		}{
			{"kanaal", w.Channels, bc.ChannelIDs()},
			{"systeem", w.Systems, bc.SystemIDs()},
			{"vraagsoort", w.QuestionTypes, bc.QuestionTypeIDs()},
			{"domein", w.Domains, bc.DomainIDs()},
			{"actor", w.Actors, actorsAndRoles},
			{"frontoffice", w.Frontstage, actorsAndRoles},
			{"overdracht_van", w.HandoffFrom, actorsAndRoles},
			{"overdracht_naar", w.HandoffTo, actorsAndRoles},
			{"rol", w.Roles, actorsAndRoles},
		} {
			for i, v := range k.vals {
				if !slices.Contains(k.known, v) {
					x := d.Warnf(w.ElemAt(k.key, i), "rule-reference", "regel %s noemt %s %q, die de klantreizen niet kennen; de regel werkt daar niet",
						"rule %s names %s %q, which the journeys do not know; the rule cannot fire there", r.ID, k.key, v)
					d.DidYouMean(x, v, k.known)
				}
			}
		}
	}
}
