package requirements

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/gemma"
)

// Catalogue is the requirements catalogue: the seven functional blocks of
// the KCC basisvoorziening, their functions, the requirements as they go
// into the Programma van Eisen, the derivation rules and the GEMMA elements
// the requirements refer to. The TOML keys are Dutch, because a tender team
// edits the file; see docs/requirements.md.
type Catalogue struct {
	blueprint.Source
	// File is the name of the file the catalogue was read from.
	File   string `toml:"-"`
	Name   string `toml:"naam"`
	NameEN string `toml:"naam_en"`
	// Version is the catalogue's own version, printed in the workbook.
	Version string `toml:"versie"`
	// GemmaRelease is the release of the GEMMA model the [[gemma]]
	// entries were taken from, such as "2026-06-30".
	GemmaRelease string `toml:"gemma_release"`
	// Extend makes a user's catalogue add to the built-in one instead of
	// replacing it.
	Extend bool `toml:"uitbreiden"`
	// Retired lists requirement ids that were withdrawn; they may never
	// be used again.
	Retired []string `toml:"vervallen"`
	// Weights give the weight of a scored wish per MoSCoW priority.
	Weights *Weights `toml:"weging"`
	// Answers are the answer codes a vendor chooses from, in order.
	Answers      []*Answer        `toml:"antwoord"`
	Blocks       []*Block         `toml:"blok"`
	Functions    []*Function      `toml:"functie"`
	Requirements []*Requirement   `toml:"eis"`
	Rules        []*Rule          `toml:"regel"`
	Gemma        []*gemma.Element `toml:"gemma"`

	blocks map[string]*Block
	funcs  map[string]*Function
	reqs   map[string]*Requirement
	gemmas map[string]*gemma.Element
	// text is the analysed words of the text rules (text.go).
	text *textIndex
}

// Block looks a block up by code.
func (c *Catalogue) Block(code string) *Block { return c.blocks[code] }

// Function looks a function up by key.
func (c *Catalogue) Function(key string) *Function { return c.funcs[key] }

// Requirement looks a requirement up by id.
func (c *Catalogue) Requirement(id string) *Requirement { return c.reqs[id] }

// GemmaElement looks a GEMMA element up by Object ID.
func (c *Catalogue) GemmaElement(id string) *gemma.Element { return c.gemmas[id] }

// RequirementsOf returns the requirements of a function, in catalogue order.
func (c *Catalogue) RequirementsOf(key string) []*Requirement {
	var out []*Requirement
	for _, r := range c.Requirements {
		if r.Function == key {
			out = append(out, r)
		}
	}
	return out
}

// Title returns the catalogue's name in lang.
func (c *Catalogue) Title(lang blueprint.Lang) string { return pick(lang, c.Name, c.NameEN) }

// targets expands what a rule or a [[prioriteit]] names, a requirement id
// or a function key, to requirements.
func (c *Catalogue) targets(t string) []*Requirement {
	if r := c.Requirement(t); r != nil {
		return []*Requirement{r}
	}
	return c.RequirementsOf(t)
}

// blockCodes, functionKeys and requirementIDs list the names a reference
// may use, for "did you mean …?".
func (c *Catalogue) blockCodes() []string     { return keysOf(c.Blocks, blockCode) }
func (c *Catalogue) functionKeys() []string   { return keysOf(c.Functions, functionKey) }
func (c *Catalogue) requirementIDs() []string { return keysOf(c.Requirements, requirementID) }

// Weights are the weights of scored wishes per MoSCoW priority. A "wont"
// is never in the matrix, so it has no weight.
type Weights struct {
	blueprint.Source
	Must   int `toml:"must"`
	Should int `toml:"should"`
	Could  int `toml:"could"`
}

// Weight returns the weight for a MoSCoW priority.
func (w *Weights) Weight(moscow string) int {
	if w == nil {
		return 0
	}
	switch moscow {
	case blueprint.MoSCoWMust:
		return w.Must
	case blueprint.MoSCoWShould:
		return w.Should
	case blueprint.MoSCoWCould:
		return w.Could
	}
	return 0
}

// Answer is an answer code of the matrix: what a vendor says about a
// requirement, the fraction of the weight it scores, and whether it
// satisfies a knock-out requirement.
type Answer struct {
	blueprint.Source
	Code          string  `toml:"code,required"`
	Label         string  `toml:"naam,required"`
	LabelEN       string  `toml:"naam_en"`
	Description   string  `toml:"omschrijving"`
	DescriptionEN string  `toml:"omschrijving_en"`
	Factor        float64 `toml:"factor"`
	KO            bool    `toml:"ko"`
}

// Name returns the answer as shown in the drop-down list.
func (a *Answer) Name(lang blueprint.Lang) string { return pick(lang, a.Label, a.LabelEN) }

// Explanation returns the description of the answer.
func (a *Answer) Explanation(lang blueprint.Lang) string {
	return pick(lang, a.Description, a.DescriptionEN)
}

// Block is one of the functional blocks, such as Klantgeleiding.
type Block struct {
	blueprint.Source
	// Code is the short code used in requirement ids, such as "KG".
	Code   string `toml:"code,required"`
	Number int    `toml:"nummer,required"`
	Label  string `toml:"naam,required"`
	NameEN string `toml:"naam_en"`
	// Short names the sheet when the full name is too long for one.
	Short         string `toml:"kort"`
	ShortEN       string `toml:"kort_en"`
	Description   string `toml:"omschrijving"`
	DescriptionEN string `toml:"omschrijving_en"`
}

// Name returns the full block name.
func (b *Block) Name(lang blueprint.Lang) string { return pick(lang, b.Label, b.NameEN) }

// Explanation returns the description of the block.
func (b *Block) Explanation(lang blueprint.Lang) string {
	return pick(lang, b.Description, b.DescriptionEN)
}

// SheetName returns the name of the block's sheet in the workbook: its
// number and short name, at most 31 characters and without the characters
// Excel forbids.
func (b *Block) SheetName(lang blueprint.Lang) string {
	name := pick(lang, b.Short, b.ShortEN)
	if name == "" {
		name = b.Name(lang)
		if i := strings.IndexAny(name, "/\\"); i > 0 {
			name = name[:i]
		}
	}
	return SheetName(fmt.Sprintf("%d %s", b.Number, strings.TrimSpace(name)))
}

// SheetName makes s a valid Excel sheet name: without []:*?/\ and at most
// 31 characters.
func SheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, s)
	s = strings.Trim(s, "' ")
	if r := []rune(s); len(r) > 31 {
		s = strings.TrimSpace(string(r[:31]))
	}
	return s
}

// Function is a function of a block, such as the kennisbank. Its key can be
// named in a step's behoeften and in [[prioriteit]].
type Function struct {
	blueprint.Source
	Key           string `toml:"sleutel,required"`
	Block         string `toml:"blok,required"`
	Label         string `toml:"naam,required"`
	NameEN        string `toml:"naam_en"`
	Description   string `toml:"omschrijving"`
	DescriptionEN string `toml:"omschrijving_en"`
}

// Name returns the function name.
func (f *Function) Name(lang blueprint.Lang) string { return pick(lang, f.Label, f.NameEN) }

// Requirement is one line of the Programma van Eisen.
type Requirement struct {
	blueprint.Source
	// ID is stable and never reused, such as "KCC-KG-001".
	ID       string `toml:"id,required"`
	Function string `toml:"functie,required"`
	// Title is the short subject (onderwerp).
	TitleNL string `toml:"titel,required"`
	TitleEN string `toml:"titel_en"`
	// Text is the testable requirement, "De oplossing …".
	TextNL string `toml:"tekst,required"`
	TextEN string `toml:"tekst_en"`
	// Rationale says why the requirement exists.
	RationaleNL string `toml:"toelichting"`
	RationaleEN string `toml:"toelichting_en"`
	// Kind is eis (knock-out) or wens (scored): the default, before
	// evidence and overrides.
	Kind string `toml:"soort,required"`
	// MoSCoW is the default priority: must, should, could or wont.
	MoSCoW string `toml:"moscow,required"`
	// Verification is how the buyer checks the answer: demonstratie,
	// test, documentatie, referentie or certificaat.
	Verification string `toml:"verificatie,required"`
	// Gemma holds the Object IDs of GEMMA reference components and
	// application services, each defined in the catalogue's [[gemma]].
	Gemma []string `toml:"gemma"`
	// Requires lists requirements that come along whenever this one is
	// needed, such as the BIO with contact registration.
	Requires []string `toml:"vereist"`
}

// Title returns the subject in lang.
func (r *Requirement) Title(lang blueprint.Lang) string { return pick(lang, r.TitleNL, r.TitleEN) }

// Text returns the requirement text in lang.
func (r *Requirement) Text(lang blueprint.Lang) string { return pick(lang, r.TextNL, r.TextEN) }

// Rationale returns the rationale in lang.
func (r *Requirement) Rationale(lang blueprint.Lang) string {
	return pick(lang, r.RationaleNL, r.RationaleEN)
}

// File returns the file a requirement was written in.
func (r *Requirement) File() string { return r.Pos.File }

// verifications are the ways the buyer checks an answer.
var verifications = []string{"demonstratie", "test", "documentatie", "referentie", "certificaat"}

// Verifications returns the ways the buyer checks an answer, the values of
// a requirement's verificatie.
func Verifications() []string { return slices.Clone(verifications) }

// VerificationName returns a verification method in lang.
func VerificationName(lang blueprint.Lang, v string) string {
	if lang != blueprint.English {
		return v
	}
	switch v {
	case "demonstratie":
		return "demonstration"
	case "documentatie":
		return "documentation"
	case "referentie":
		return "reference"
	case "certificaat":
		return "certificate"
	}
	return v
}

// Rule derives requirements from a pattern in the journeys.
type Rule struct {
	blueprint.Source
	ID     string `toml:"id,required"`
	Label  string `toml:"naam,required"`
	NameEN string `toml:"naam_en"`
	// Level is what the rule looks at: stap (default), fase or tekst.
	Level string `toml:"niveau"`
	// Requirements are requirement ids or function keys.
	Requirements []string `toml:"eisen,required"`
	// Reason is a template for the justification shown in the matrix.
	ReasonNL string     `toml:"reden,required"`
	ReasonEN string     `toml:"reden_en"`
	When     *Condition `toml:"als,required"`
}

// pain reports whether the rule recognises a pain signal rather than a
// pattern of use: a text rule, or a rule about fail points, repeat
// contacts, negative emotion or the words of needs and pain points.
func (r *Rule) pain() bool {
	if r.Level == LevelText {
		return true
	}
	w := r.When
	return w != nil && (w.RepeatContact || w.FailPoint || w.EmotionUpTo != nil || w.EmotionGapFrom != nil ||
		len(w.NeedContains) > 0 || len(w.PainContains) > 0)
}

// Name returns the rule name.
func (r *Rule) Name(lang blueprint.Lang) string { return pick(lang, r.Label, r.NameEN) }

// The values of overdracht_rollen.
const (
	RolesDiffer = "verschillend"
	RolesSame   = "gelijk"
)

// Rule levels.
const (
	LevelStep  = "stap"
	LevelPhase = "fase"
	// LevelText rules read the free texts of steps and personas: a
	// behoefte matching behoefte_bevat, or a knelpunt (or a persona's
	// frustratie) matching knelpunt_bevat, fires the rule.
	LevelText = "tekst"
)

// Condition is the pattern of a rule. Every condition that is set must
// hold; a list holds when any of its values matches.
type Condition struct {
	blueprint.Source
	// Step conditions.
	Channels      []string `toml:"kanaal"`
	ChannelKinds  []string `toml:"kanaalsoort"`
	Contact       bool     `toml:"klantcontact"`
	ChannelSwitch bool     `toml:"kanaalwissel"`
	Systems       []string `toml:"systeem"`
	QuestionTypes []string `toml:"vraagsoort"`
	Domains       []string `toml:"domein"`
	Actors        []string `toml:"actor"`
	// Frontstage holds when one of these actors acts in the frontoffice
	// lane: in sight of, or in conversation with, the customer.
	Frontstage []string `toml:"frontoffice"`
	// HandoffFrom and HandoffTo, like Actors and Frontstage, name actors
	// by role (blueprint.Roles: "kcc", "vakafdeling", "ketenpartner", …)
	// or by id; a role matches every actor that has it.
	HandoffFrom []string `toml:"overdracht_van"`
	HandoffTo   []string `toml:"overdracht_naar"`
	// HandoffRoles says how the roles of the two sides of the hand-off
	// relate: "verschillend" (another role) or "gelijk" (the same role,
	// between two different actors). Empty: either.
	HandoffRoles  string `toml:"overdracht_rollen"`
	RepeatContact bool   `toml:"herhaalcontact"`
	FailPoint     bool   `toml:"faalpunt"`
	// WaitFrom and WaitUpTo bound the step's wachttijd (inclusive).
	WaitFrom *blueprint.Duration `toml:"wachttijd_vanaf"`
	WaitUpTo *blueprint.Duration `toml:"wachttijd_tot"`
	// EmotionUpTo holds when the emotion is at most this value.
	EmotionUpTo *int `toml:"emotie_tot"`
	// EmotionGapFrom holds when gewenste_emotie − emotie is at least this.
	EmotionGapFrom *int `toml:"emotiekloof_vanaf"`
	// NeedContains and PainContains match words in free-text needs and
	// in pain points. In a step rule both must match the step, as
	// case-insensitive substrings; in a text rule each text fires on its
	// own, matched by stem, compound and phrase, not when negated
	// (text.go).
	NeedContains []string `toml:"behoefte_bevat"`
	PainContains []string `toml:"knelpunt_bevat"`
	// Phase condition.
	Metrics bool `toml:"meetpunten"`
	// Text condition: the role of the persona whose text it is (for a
	// step, the journey's persona).
	Roles []string `toml:"rol"`
}

func pick(lang blueprint.Lang, nl, en string) string {
	if lang == blueprint.English && en != "" {
		return en
	}
	return nl
}
