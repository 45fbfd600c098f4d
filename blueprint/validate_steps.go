package blueprint

import (
	"strconv"
	"strings"
)

// The passes of the format extensions: who made a journey, what else it
// touches, steps without staff, the heartbeat shown, waits, moments and
// lead times. They follow the references pass, so the ids they lean on
// are known to exist or reported.

// checkMunicipality is the "municipality" pass: a journey's gemeente is
// one of the project's gemeenten when the project lists them.
func checkMunicipality(c *checker, _ int, j *Journey) {
	list := c.m.Project.Municipalities
	g := strings.TrimSpace(j.Municipality)
	if j.Has("gemeente") && g == "" {
		c.sink.Add(Error, j.At("gemeente"), "value", c.t(msg{"gemeente is leeg", "gemeente is empty"}),
			c.t(msg{"schrijf de naam van de gemeente, zoals gemeente = \"Haarlem\", of laat de sleutel weg", "write the name of the gemeente, such as gemeente = \"Haarlem\", or leave the key out"}))
		return
	}
	if g == "" || len(list) == 0 {
		return
	}
	found := false
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(x), g) {
			found = true
			break
		}
	}
	if found {
		return
	}
	detail := ""
	if s := suggest(g, list); s != "" {
		detail = c.t(msg{"bedoelde u %q?", "did you mean %q?"}, s)
	} else {
		detail = c.t(msg{"blueprint.toml noemt: %s; of voeg %q toe aan gemeenten", "blueprint.toml lists: %s; or add %q to gemeenten"}, strings.Join(list, ", "), g)
	}
	c.sink.Add(Error, j.At("gemeente"), "unknown-ref",
		c.t(msg{"gemeente %q staat niet in gemeenten van blueprint.toml", "gemeente %q is not among the gemeenten of blueprint.toml"}, g), detail)
}

// checkSecondary is the "secondary" pass: the secondary domains and
// question types of a journey, the domain of a step, the extra channels of
// a step, and the partner of a channel exist.
func checkPartners(c *checker) {
	cat := c.m.Vocabulary
	for _, x := range c.m.Project.Channels {
		if x.Partner == "" {
			continue
		}
		a := cat.Actor(x.Partner)
		switch {
		case a == nil:
			c.unknownRef(x.At("partner"), wActor, x.Partner, cat.ActorIDs(), "actor")
		case a.Kind != ActorPartner:
			c.sink.Add(Error, x.At("partner"), "value",
				c.t(msg{"partner %q van kanaal %q is geen partner maar een actor van soort %s", "partner %q of channel %q is not a partner but an actor of kind %s"}, x.Partner, x.ID, a.Kind),
				c.t(msg{"noem een actor met soort = \"partner\" (ketenpartner of een eigen [[actor]]); een kanaal van de gemeente zelf heeft geen partner", "name an actor with soort = \"partner\" (ketenpartner or an own [[actor]]); a channel of the gemeente itself has no partner"}))
		}
	}
}

func checkSecondary(c *checker, _ int, j *Journey) {
	cat := c.m.Vocabulary
	c.secondary(j, "nevendomeinen", j.SecondaryDomains, j.Domain, cat.DomainIDs(), wDomain, "domein",
		msg{"%q is al het domein van de reis", "%q is the journey's domain already"})
	c.secondary(j, "nevenvraagsoorten", j.SecondaryQuestionTypes, j.QuestionType, cat.QuestionTypeIDs(), wQType, "vraagsoort",
		msg{"%q is al de vraagsoort van de reis", "%q is the journey's question type already"})
	for _, s := range j.Steps {
		if s.Domain != "" && cat.Domain(s.Domain) == nil {
			c.unknownRef(s.At("domein"), wDomain, s.Domain, cat.DomainIDs(), "domein")
		}
		for i, id := range s.ExtraChannels {
			at := s.ElemAt("kanaal", i+1)
			switch {
			case id == "":
				// reported by the decoder
			case cat.Channel(id) == nil:
				c.unknownRef(at, wChannel, id, cat.ChannelIDs(), "kanaal")
			case id == s.Channel || indexOf(s.ExtraChannels[:i], id) >= 0:
				c.sink.Add(Error, at, "duplicate",
					c.t(msg{"kanaal %q staat twee keer in de lijst", "channel %q is in the list twice"}, id),
					c.t(msg{"noem elk kanaal één keer", "name each channel once"}))
			}
		}
	}
}

// secondary checks a list of secondary ids of a journey: each exists in
// known, and none is the main one.
func (c *checker) secondary(j *Journey, key string, ids []string, main string, known []string, what msg, table string, isMain msg) {
	for i, id := range ids {
		at := j.ElemAt(key, i)
		switch {
		case indexOf(known, id) < 0:
			c.unknownRef(at, what, id, known, table)
		case id == main:
			c.sink.Add(Warning, at, "duplicate", c.t(isMain, id),
				c.t(msg{"haal het weg uit %s", "remove it from %s"}, key))
		}
	}
}

func indexOf(xs []string, x string) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

// checkSelfService is the "self-service" pass: in a step marked
// zelfservice, no employee of the gemeente acts.
func checkSelfService(c *checker, _ int, j *Journey) {
	for _, s := range j.Steps {
		if !s.SelfService {
			continue
		}
		for _, lane := range [][]*Action{s.Frontstage, s.Backstage} {
			for _, a := range lane {
				if x := c.m.Vocabulary.Actor(a.Actor); x != nil && x.Kind == ActorEmployee {
					c.sink.Add(Warning, a.At("actor"), "self-service-staff",
						c.t(msg{"stap %q is zelfservice, maar %q van de gemeente handelt erin", "step %q is self-service, but %q of the gemeente acts in it"}, s.ID, a.Actor),
						c.t(msg{"haal zelfservice = true weg, of deze actie", "remove zelfservice = true, or this action"}))
				}
			}
		}
	}
}

// checkHeartbeat is the "heartbeat" pass: hartslag = false hides an
// emotion, so the step has one.
func checkHeartbeat(c *checker, _ int, j *Journey) {
	for _, s := range j.Steps {
		if !s.InHeartbeat() && s.Emotion == nil && s.DesiredEmotion == nil {
			c.sink.Add(Warning, s.At("hartslag"), "heartbeat-nothing",
				c.t(msg{"stap %q heeft hartslag = false maar geen emotie om weg te laten", "step %q has hartslag = false but no emotion to leave out"}, s.ID),
				c.t(msg{"haal hartslag = false weg; een stap zonder emotie staat niet in de hartslag", "remove hartslag = false; a step without an emotion is not in the heartbeat"}))
		}
	}
}

// InLoop reports whether a flow goes back from s, or from a later step,
// to s or an earlier step: whether s can be passed more than once.
func (j *Journey) InLoop(s *Step) bool {
	at := -1
	for i, x := range j.Steps {
		if x == s {
			at = i
		}
	}
	if at < 0 {
		return false
	}
	index := make(map[*Step]int, len(j.Steps))
	for i, x := range j.Steps {
		index[x] = i
	}
	for _, f := range j.Flows() {
		if a, b := index[f.From], index[f.To]; b <= a && b <= at && at <= a {
			return true
		}
	}
	return false
}

// checkWaits is the "waits" pass: a wait counts from an earlier step that
// exists, and a wait of a round belongs to a step in a loop.
func checkWaits(c *checker, _ int, j *Journey) {
	var stepIDs []string
	var index map[string]int // made for the first wait counted from a step
	for i, s := range j.Steps {
		rounds := map[int]bool{}
		seen := map[string]bool{}
		for _, w := range s.Waits {
			if w.From != "" {
				if index == nil {
					stepIDs, index = stepIndex(j)
				}
				k, ok := index[w.From]
				switch {
				case !ok:
					c.unknownRef(w.At("vanaf"), wStep, w.From, stepIDs, "")
				case k == i:
					c.sink.Add(Error, w.At("vanaf"), "value",
						c.t(msg{"de wachttijd van stap %q telt vanaf zichzelf", "the wait of step %q counts from itself"}, s.ID),
						c.t(msg{"noem bij vanaf een eerdere stap, of laat vanaf weg (dan telt hij vanaf de stap ervoor)", "name an earlier step in vanaf, or leave vanaf out (it then counts from the step before)"}))
				case k > i:
					c.sink.Add(Error, w.At("vanaf"), "value",
						c.t(msg{"de wachttijd van stap %q telt vanaf %q, een latere stap", "the wait of step %q counts from %q, a later step"}, s.ID, w.From),
						c.t(msg{"een wachttijd gaat vooraf aan de stap; noem bij vanaf een eerdere stap", "a wait comes before the step; name an earlier step in vanaf"}))
				}
			}
			if !w.Has("ronde") {
				continue
			}
			if w.Round < 1 {
				c.sink.Add(Error, w.At("ronde"), "value",
					c.t(msg{"ronde %d: rondes tellen vanaf 1", "round %d: rounds count from 1"}, w.Round),
					c.t(msg{"ronde = 1 is de eerste keer, ronde = 2 de tweede", "ronde = 1 is the first time, ronde = 2 the second"}))
				continue
			}
			if k := strconv.Itoa(w.Round) + "|" + w.For; seen[k] {
				c.sink.Add(Error, w.At("ronde"), "duplicate",
					c.t(msg{"stap %q heeft twee wachttijden voor ronde %d", "step %q has two waits for round %d"}, s.ID, w.Round),
					c.t(msg{"geef elke ronde één wachttijd, of zeg met op = \"…\" waarop elk wacht", "give each round one wait, or say with op = \"…\" what each waits for"}))
			} else {
				seen[k] = true
			}
			rounds[w.Round] = true
		}
		if len(rounds) > 0 && !j.decodeErrors && !j.InLoop(s) {
			at := s.At("wachttijd")
			c.sink.Add(Warning, at, "round-without-loop",
				c.t(msg{"stap %q heeft wachttijden per ronde, maar geen volgende leidt terug naar deze stap", "step %q has waits per round, but no volgende leads back to this step"}, s.ID),
				c.t(msg{"maak de lus met volgende = [\"%s\", …] in een latere stap, of haal ronde weg", "make the loop with volgende = [\"%s\", …] in a later step, or remove ronde"}, s.ID))
		}
	}
}

// stepIndex returns the ids of a journey's steps in order, and the place
// of each id (its first use).
func stepIndex(j *Journey) ([]string, map[string]int) {
	ids := make([]string, len(j.Steps))
	index := make(map[string]int, len(j.Steps))
	for i, s := range j.Steps {
		ids[i] = s.ID
		if _, ok := index[s.ID]; !ok {
			index[s.ID] = i
		}
	}
	return ids, index
}

// checkMoments is the "moments" pass: a step has a day or an elapsed
// time, not both, and time does not run backwards along the flow.
func checkMoments(c *checker, _ int, j *Journey) {
	moments := 0
	for _, s := range j.Steps {
		if _, ok := s.Moment(); ok {
			moments++
		}
		if s.Day != nil && s.Elapsed != nil {
			c.sink.Add(Error, s.At("na"), "value",
				c.t(msg{"stap %q heeft zowel dag als na", "step %q has both dag and na"}, s.ID),
				c.t(msg{"kies er één: dag = 24 (de dag van de reis) of na = \"3 weken\" (de tijd sinds het begin)", "choose one: dag = 24 (the day of the journey) or na = \"3 weken\" (the time since the start)"}))
		}
		if s.Day != nil && *s.Day < 0 {
			c.sink.Add(Error, s.At("dag"), "value",
				c.t(msg{"dag %d ligt voor het begin van de reis", "day %d lies before the start of the journey"}, *s.Day),
				c.t(msg{"de reis begint op dag 0", "the journey starts on day 0"}))
		}
	}
	if moments < 2 {
		return // no flow between two moments to compare
	}
	index := make(map[*Step]int, len(j.Steps))
	for i, s := range j.Steps {
		index[s] = i
	}
	for _, f := range j.Flows() {
		if index[f.To] <= index[f.From] {
			continue // a loop goes back in the file, not in time
		}
		ta, okA := f.From.Moment()
		tb, okB := f.To.Moment()
		if okA && okB && tb < ta {
			key := "dag"
			if f.To.Day == nil {
				key = "na"
			}
			c.sink.Add(Warning, f.To.At(key), "time-backwards",
				c.t(msg{"stap %q gebeurt eerder dan stap %q, die ervoor komt", "step %q happens earlier than step %q, which comes before it"}, f.To.ID, f.From.ID),
				c.t(msg{"tel dag (of na) vanaf het begin van de reis", "count dag (or na) from the start of the journey"}))
		}
	}
}

// checkSpans is the "spans" pass: a doorlooptijd runs from a step to the
// same or a later step, says or can compute how long it took, and has a
// deadline before an extension or suspension of it.
func checkSpans(c *checker, _ int, j *Journey) {
	if len(j.Spans) == 0 {
		return
	}
	stepIDs, index := stepIndex(j)
	for _, sp := range j.Spans {
		a, okA := index[sp.From]
		b, okB := index[sp.To]
		if sp.From != "" && !okA {
			c.unknownRef(sp.At("van"), wStep, sp.From, stepIDs, "")
		}
		if sp.To != "" && !okB {
			c.unknownRef(sp.At("tot"), wStep, sp.To, stepIDs, "")
		}
		if okA && okB && b < a {
			c.sink.Add(Error, sp.At("tot"), "value",
				c.t(msg{"doorlooptijd eindigt bij stap %q, die vóór stap %q komt", "lead time ends at step %q, which comes before step %q"}, sp.To, sp.From),
				c.t(msg{"wissel van en tot om", "swap van and tot"}))
		}
		for _, key := range []string{"verlenging", "opschorting"} {
			if sp.Has(key) && sp.Deadline == nil && !sp.Broken("termijn") {
				c.sink.Add(Error, sp.At(key), "value",
					c.t(msg{"%s zonder termijn", "%s without termijn"}, key),
					c.t(msg{"noem de termijn die verlengd of opgeschort wordt: termijn = \"8 weken\"", "name the deadline that is extended or suspended: termijn = \"8 weken\""}))
			}
		}
		if okA && okB && b >= a && sp.Duration == nil && !sp.Broken("duur") {
			if _, ok := sp.Length(j); !ok {
				c.sink.Add(Warning, sp.Pos, "span-length",
					c.t(msg{"doorlooptijd van %q tot %q zegt niet hoe lang het duurde", "lead time from %q to %q does not say how long it took"}, sp.From, sp.To),
					c.t(msg{"schrijf duur = \"98 dagen\", of zet dag = … bij beide stappen", "write duur = \"98 dagen\", or put dag = … at both steps"}))
			}
		}
	}
}
