package requirements

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// stepCtx evaluates step conditions for one step.
type stepCtx struct {
	dv           *deriver
	j            *blueprint.Journey
	s            *blueprint.Step
	prev         *blueprint.Step
	matchedNeeds map[int]bool
}

// seen is what a step that meets a condition showed: the most precise
// position, and the parts of the step the reason can name. Its systems and
// actors are valid until the next test.
type seen struct {
	pos     blueprint.Pos
	ch      *blueprint.Channel
	qt      string
	systems []*blueprint.Support
	actors  []string
	handoff *blueprint.Handoff
	// more are the further hand-offs of the step that meet the
	// condition; each fires the rule on its own.
	more       []*blueprint.Handoff
	text, word string
}

// holds tests the condition on the step and returns what the step showed:
// the most precise position and the parts the reason can name (values,
// made only for the placeholders of a reason that fires). The further
// hand-offs that meet the condition are in more; each fires the rule on
// its own. It sets c.matchedNeeds to the needs that behoefte_bevat
// recognised.
func (c *stepCtx) holds(w *Condition) (seen, bool) {
	s, j := c.s, c.j
	cat := c.dv.m.Vocabulary
	c.matchedNeeds = nil
	pos := s.Pos
	if len(w.Channels) > 0 && !slices.Contains(w.Channels, s.Channel) {
		return seen{}, false
	}
	var ch *blueprint.Channel
	if s.Channel != "" {
		ch = cat.Channel(s.Channel)
	}
	// A partner's channel (the phone line of the UWV) is no contact with
	// the gemeente: kanaalsoort, klantcontact and kanaalwissel do not see
	// it; a rule can still name it in kanaal.
	partner := ch != nil && ch.Partner != ""
	if len(w.ChannelKinds) > 0 && (ch == nil || partner || !slices.Contains(w.ChannelKinds, string(ch.Kind))) {
		return seen{}, false
	}
	if w.Contact && (s.Channel == "" || partner) {
		return seen{}, false
	}
	if w.ChannelSwitch {
		if s.Channel == "" || partner || c.prev == nil || c.prev.Channel == s.Channel {
			return seen{}, false
		}
		pos = s.At("kanaal")
	}
	qt := j.StepQuestionType(s)
	if len(w.QuestionTypes) > 0 && !slices.Contains(w.QuestionTypes, qt) {
		return seen{}, false
	}
	if len(w.Domains) > 0 && !slices.Contains(w.Domains, j.Domain) {
		return seen{}, false
	}
	if w.RepeatContact {
		if !s.RepeatContact {
			return seen{}, false
		}
		pos = s.At("herhaalcontact")
	}
	if w.FailPoint {
		if !s.FailPoint {
			return seen{}, false
		}
		pos = s.At("faalpunt")
	}
	if w.WaitFrom != nil || w.WaitUpTo != nil {
		if s.Wait == nil {
			return seen{}, false
		}
		d := s.Wait.Approx()
		if (w.WaitFrom != nil && d < w.WaitFrom.Approx()) || (w.WaitUpTo != nil && d > w.WaitUpTo.Approx()) {
			return seen{}, false
		}
		pos = s.At("wachttijd")
	}
	if w.EmotionUpTo != nil {
		if s.Emotion == nil || *s.Emotion > *w.EmotionUpTo {
			return seen{}, false
		}
		pos = s.At("emotie")
	}
	if w.EmotionGapFrom != nil {
		if s.Emotion == nil || s.DesiredEmotion == nil || *s.DesiredEmotion-*s.Emotion < *w.EmotionGapFrom {
			return seen{}, false
		}
		pos = s.At("gewenste_emotie")
	}
	// systems and actors reuse the run's scratch space: a step is tested
	// against every rule.
	systems := c.dv.scratch.systems[:0]
	if len(w.Systems) > 0 {
		for _, sup := range s.Support {
			if sup.System != "" && (slices.Contains(w.Systems, sup.System) || slices.Contains(w.Systems, c.dv.kindOf(sup.System))) {
				systems = append(systems, sup)
			}
		}
		c.dv.scratch.systems = systems
		if len(systems) == 0 {
			return seen{}, false
		}
		pos = systems[0].At("systeem")
	}
	actors := c.dv.scratch.actors[:0]
	if len(w.Actors) > 0 {
		for _, a := range j.StepActors(s) {
			if c.dv.actorIs(a, w.Actors) {
				actors = append(actors, a)
			}
		}
		c.dv.scratch.actors = actors
		if len(actors) == 0 {
			return seen{}, false
		}
	}
	if len(w.Frontstage) > 0 {
		actors = actors[:0]
		for _, a := range s.Frontstage {
			if c.dv.actorIs(a.Actor, w.Frontstage) && !slices.Contains(actors, a.Actor) {
				actors = append(actors, a.Actor)
			}
		}
		c.dv.scratch.actors = actors
		if len(actors) == 0 {
			return seen{}, false
		}
	}
	var hit *blueprint.Handoff
	var more []*blueprint.Handoff
	if len(w.HandoffFrom) > 0 || len(w.HandoffTo) > 0 || w.HandoffRoles != "" {
		for _, h := range s.Handoffs {
			if (len(w.HandoffFrom) == 0 || c.dv.actorIs(h.From, w.HandoffFrom)) && (len(w.HandoffTo) == 0 || c.dv.actorIs(h.To, w.HandoffTo)) &&
				c.dv.rolesRelate(h, w.HandoffRoles) {
				if hit == nil {
					hit = h
				} else {
					more = append(more, h)
				}
			}
		}
		if hit == nil {
			return seen{}, false
		}
		pos = hit.Pos
	}
	var text, word string
	if len(w.PainContains) > 0 {
		i, wd, ok := findWord(s.PainPoints, w.PainContains)
		if !ok {
			return seen{}, false
		}
		text, word, pos = s.PainPoints[i], wd, s.ElemAt("knelpunten", i)
	}
	if len(w.NeedContains) > 0 {
		var hits map[int]bool
		for i, n := range s.Needs {
			if _, wd, ok := findWord([]string{n}, w.NeedContains); ok {
				if hits == nil {
					hits = map[int]bool{}
					text, word, pos = n, wd, s.ElemAt("behoeften", i)
				}
				hits[i] = true
			}
		}
		if hits == nil {
			return seen{}, false
		}
		c.matchedNeeds = hits
	}
	return seen{pos: pos, ch: ch, qt: qt, systems: systems, actors: actors, handoff: hit, more: more, text: text, word: word}, true
}

// values makes the values of the reason's placeholders for a step that
// meets a condition.
func (c *stepCtx) values(m *seen) values {
	return func(name string) (string, bool) { return c.value(m, name) }
}

// value is the value of one placeholder for what the step showed (m),
// valid until the next test.
func (c *stepCtx) value(m *seen, name string) (string, bool) {
	s, j, dv := c.s, c.j, c.dv
	cat := dv.m.Vocabulary
	switch name {
	case "kanaal":
		if m.ch != nil {
			return m.ch.Name(dv.lang), true
		}
		return dv.t("geen kanaal", "no channel"), true
	case "vraagsoort":
		if q := cat.QuestionType(m.qt); q != nil {
			return q.Name(dv.lang), true
		}
	case "fase":
		if ph := j.Phase(s.Phase); ph != nil {
			return ph.Name, true
		}
	case "systeem":
		if len(m.systems) > 0 {
			var names []string
			for _, sup := range m.systems {
				name := sup.System
				if sys := cat.System(sup.System); sys != nil {
					name = sys.Name(dv.lang)
				}
				if !slices.Contains(names, name) {
					names = append(names, name)
				}
			}
			return strings.Join(names, ", "), true
		}
	case "actor":
		if len(m.actors) > 0 {
			names := make([]string, len(m.actors))
			for i, a := range m.actors {
				names[i] = dv.actorName(a)
			}
			return strings.Join(names, ", "), true
		}
	case "van", "naar":
		if m.handoff != nil {
			if name == "van" {
				return dv.actorName(m.handoff.From), true
			}
			return dv.actorName(m.handoff.To), true
		}
	case "wachttijd":
		if s.Wait != nil {
			return s.Wait.Label(dv.lang), true
		}
	case "emotie":
		if s.Emotion != nil {
			return fmt.Sprintf("%+d", *s.Emotion), true
		}
	case "gewenst":
		if s.DesiredEmotion != nil {
			return fmt.Sprintf("%+d", *s.DesiredEmotion), true
		}
	case "tekst", "woord":
		if m.word != "" {
			if name == "tekst" {
				return m.text, true
			}
			return m.word, true
		}
	}
	return "", false
}

// actorIs reports whether a rule's list of actors names the actor: by its
// id, or by its role (blueprint.Roles), so that "vakafdeling" in a rule
// matches every own actor with rol = "vakafdeling".
func (dv *deriver) actorIs(id string, vals []string) bool {
	if slices.Contains(vals, id) {
		return true
	}
	r := dv.roleOf(id)
	return r != "" && slices.Contains(vals, r)
}

// kindOf returns the kind of a system ("" when it has none): a rule that
// names "sociaal-domein" matches an own uitkeringssysteem of that soort.
func (dv *deriver) kindOf(id string) string {
	if dv.kinds == nil {
		dv.kinds = make(map[string]string, len(dv.m.Vocabulary.Systems))
		for _, s := range dv.m.Vocabulary.Systems {
			dv.kinds[s.ID] = s.KindOf()
		}
	}
	return dv.kinds[id]
}

// roleOf returns the role of an actor ("" when it has none).
func (dv *deriver) roleOf(id string) string {
	if dv.roles == nil {
		dv.roles = make(map[string]string, len(dv.m.Vocabulary.Actors))
		for _, a := range dv.m.Vocabulary.Actors {
			dv.roles[a.ID] = string(a.RoleOf())
		}
	}
	return dv.roles[id]
}

// rolesRelate reports whether the two sides of a hand-off relate as
// overdracht_rollen asks: another role, or the same role between two
// different actors. Both sides need a role.
func (dv *deriver) rolesRelate(h *blueprint.Handoff, rel string) bool {
	if rel == "" {
		return true
	}
	from, to := dv.roleOf(h.From), dv.roleOf(h.To)
	if from == "" || to == "" {
		return false
	}
	if rel == RolesSame {
		return from == to && h.From != h.To
	}
	return from != to
}

// actorName returns the name of an actor in the result's language.
func (dv *deriver) actorName(id string) string {
	if a := dv.m.Vocabulary.Actor(id); a != nil {
		return a.Name(dv.lang)
	}
	return id
}

// findWord returns the first text that contains one of the words
// (case-insensitive), and the word.
func findWord(texts, words []string) (int, string, bool) {
	for i, t := range texts {
		lt := strings.ToLower(t)
		for _, w := range words {
			if strings.Contains(lt, strings.ToLower(w)) {
				return i, w, true
			}
		}
	}
	return 0, "", false
}
