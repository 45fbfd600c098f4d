package blueprint

import (
	"strconv"
	"strings"
)

// The passes over what turns a journey into a plan: the metrics of the
// phases (the catalogue they name, their measurements and norms) and the
// verbeteracties (statuses, horizons, and every reference to a step, pain
// point, persona knelpunt or metric).

var (
	wPersona   = msg{"onbekende persona", "unknown persona"}
	wMetric    = msg{"onbekend meetpunt", "unknown metric"}
	wMetricCat = msg{"onbekend meetpunt in de catalogus", "unknown catalogue metric"}
)

// --- metrics ---

func checkMetrics(c *checker, _ int, j *Journey) {
	var ids *uniq // made for the first metric with an id; most have none
	for _, p := range j.Phases {
		for _, mt := range p.Metrics {
			if mt.ID != "" {
				if ids == nil {
					ids = c.newUniq(len(j.Phases))
				}
				ids.add(mt.ID, mt.At("id"))
			}
			c.metricCatalogue(mt, c.metricIDs)
			c.metricWindow(mt)
			c.measurements(mt)
		}
	}
}

// metricCatalogue resolves catalogus = "…", or asks for the definition.
func (c *checker) metricCatalogue(mt *Metric, catIDs []string) {
	if mt.Catalogue != "" {
		mt.Standard = StandardMetricByID(mt.Catalogue)
		if mt.Standard == nil {
			detail := c.t(msg{"blueprint catalogue toont de meetpunten van de catalogus", "blueprint catalogue lists the metrics of the catalogue"})
			if s := suggest(mt.Catalogue, catIDs); s != "" {
				detail = c.t(msg{"bedoelde u %q?", "did you mean %q?"}, s)
			}
			c.sink.Add(Error, mt.At("catalogus"), "unknown-ref", c.t(msg{"%s %q", "%s %q"}, pick(c.sink.Lang, wMetricCat), mt.Catalogue), detail)
		}
		return
	}
	for _, key := range []string{"naam", "definitie"} {
		if mt.Has(key) {
			continue
		}
		c.sink.Add(Error, mt.Pos, "missing-key",
			c.t(msg{"[[fase.meetpunt]] mist de verplichte sleutel %q", "[[fase.meetpunt]] lacks the required key %q"}, key),
			c.t(msg{"voeg %s = \"…\" toe, of neem een meetpunt uit de catalogus: catalogus = \"…\" (blueprint catalogue toont ze)",
				"add %s = \"…\", or take a metric from the catalogue: catalogus = \"…\" (blueprint catalogue lists them)"}, key))
	}
}

// metricWindow checks that termijn fills something.
func (c *checker) metricWindow(mt *Metric) {
	if mt.Window == nil {
		return
	}
	switch {
	case mt.Catalogue == "":
		c.sink.Add(Warning, mt.At("termijn"), "metric-window",
			c.t(msg{"meetpunt %q heeft een termijn maar komt niet uit de catalogus; de termijn vult alleen de definitie van een catalogusmeetpunt in",
				"metric %q has a termijn but is not from the catalogue; the termijn only fills in the definition of a catalogue metric"}, mt.Label(c.sink.Lang)),
			c.t(msg{"schrijf de termijn in de definitie en haal termijn weg", "write the term into the definition and remove termijn"}))
	case mt.Standard != nil && !mt.Standard.HasWindow():
		c.sink.Add(Warning, mt.At("termijn"), "metric-window",
			c.t(msg{"meetpunt %q uit de catalogus kent geen termijn", "catalogue metric %q has no termijn"}, mt.Catalogue),
			c.t(msg{"haal termijn weg", "remove termijn"}))
	}
}

// measurements checks the measurements of a metric against its norm.
func (c *checker) measurements(mt *Metric) {
	if len(mt.Measurements) == 0 {
		return
	}
	seen := map[Date]Pos{}
	for _, x := range mt.Measurements {
		if x.Date.IsZero() {
			continue // reported by the decoder
		}
		if first, ok := seen[x.Date]; ok {
			c.sink.Add(Warning, x.At("datum"), "measurement-twice",
				c.t(msg{"twee metingen op %s (eerst op %s)", "two measurements on %s (first at %s)"}, x.Date, first),
				c.t(msg{"de laatst geschreven telt als laatste meting; haal er een weg", "the one written last counts as the last measurement; remove one"}))
			continue
		}
		seen[x.Date] = x.At("datum")
		if strings.TrimSpace(mt.UnitIn(c.sink.Lang)) == "%" && (x.Value < 0 || x.Value > 100) && x.Has("waarde") {
			c.sink.Add(Warning, x.At("waarde"), "measurement-range",
				c.t(msg{"waarde %s ligt niet tussen 0 en 100, maar de eenheid is %%", "value %s is not between 0 and 100, but the unit is %%"}, strconv.FormatFloat(x.Value, 'f', -1, 64)),
				c.t(msg{"schrijf een percentage als getal: waarde = 14 voor 14%%", "write a percentage as a number: waarde = 14 for 14%%"}))
		}
	}
	if strings.TrimSpace(mt.Target) == "" {
		return
	}
	n, ok := mt.Norm()
	switch {
	case !ok:
		c.sink.Add(Warning, mt.At("norm"), "norm-number",
			c.t(msg{"norm %q begint niet met een getal; de metingen kunnen er niet tegen worden afgezet", "norm %q does not start with a number; the measurements cannot be judged against it"}, mt.Target),
			c.t(msg{"schrijf de norm als \"minstens 80%%\", \"minder dan 10%%\" of \"maximaal 5 werkdagen\"", "write the norm as \"minstens 80%%\", \"minder dan 10%%\" or \"maximaal 5 werkdagen\""}))
	case !n.Explicit && mt.Standard == nil:
		c.sink.Add(Warning, mt.At("norm"), "norm-direction",
			c.t(msg{"norm %q zegt niet of het een minimum of een maximum is", "norm %q does not say whether it is a minimum or a maximum"}, mt.Target),
			c.t(msg{"schrijf %q of %q", "write %q or %q"}, "minstens "+mt.Target, "hoogstens "+mt.Target))
	}
}

// --- improvements ---

// metricIndex counts the keys of a journey's metrics, so that a reference
// can be resolved and an ambiguous one reported.
type metricIndex struct {
	count map[string]int
	keys  []string
	byCat map[string]string // catalogue id → the metric's own id
}

func newMetricIndex(j *Journey) *metricIndex {
	x := &metricIndex{count: map[string]int{}, byCat: map[string]string{}}
	for _, p := range j.Phases {
		for _, mt := range p.Metrics {
			if k := mt.Key(); k != "" {
				if x.count[k] == 0 {
					x.keys = append(x.keys, k)
				}
				x.count[k]++
			}
			if mt.ID != "" && mt.Catalogue != "" {
				x.byCat[mt.Catalogue] = mt.ID
			}
		}
	}
	return x
}

// Metric looks a metric of the journey up by Metric.Key; nil when there is
// none or when two metrics have that key.
func (j *Journey) Metric(key string) *Metric {
	var found *Metric
	for _, p := range j.Phases {
		for _, mt := range p.Metrics {
			if mt.Key() == key && key != "" {
				if found != nil {
					return nil
				}
				found = mt
			}
		}
	}
	return found
}

// MetricPhase returns the phase a metric of the journey is measured in.
func (j *Journey) MetricPhase(mt *Metric) *Phase {
	for _, p := range j.Phases {
		for _, x := range p.Metrics {
			if x == mt {
				return p
			}
		}
	}
	return nil
}

// metricRef reports a reference to a metric that does not resolve.
func (c *checker) metricRef(at Pos, key string, x *metricIndex) {
	switch n := x.count[key]; {
	case n == 1:
		return
	case n > 1:
		c.sink.Add(Error, at, "ambiguous-ref",
			c.t(msg{"meetpunt %q komt in meer dan één fase voor", "metric %q occurs in more than one phase"}, key),
			c.t(msg{"geef elk meetpunt een eigen id = \"…\" en verwijs daarnaar", "give each metric its own id = \"…\" and refer to that"}))
	case x.byCat[key] != "":
		c.sink.Add(Error, at, "unknown-ref", c.t(msg{"%s %q", "%s %q"}, pick(c.sink.Lang, wMetric), key),
			c.t(msg{"bedoelde u %q? (het meetpunt uit de catalogus heeft een eigen id)", "did you mean %q? (the catalogue metric has its own id)"}, x.byCat[key]))
	case StandardMetricByID(key) != nil:
		c.sink.Add(Error, at, "unknown-ref", c.t(msg{"%s %q", "%s %q"}, pick(c.sink.Lang, wMetric), key),
			c.t(msg{"%q staat in de catalogus maar niet in deze reis; neem het op in een fase: [[fase.meetpunt]] met catalogus = %q", "%q is in the catalogue but not in this journey; add it to a phase: [[fase.meetpunt]] with catalogus = %q"}, key, key))
	case len(x.keys) == 0:
		c.sink.Add(Error, at, "unknown-ref", c.t(msg{"%s %q", "%s %q"}, pick(c.sink.Lang, wMetric), key),
			c.t(msg{"de reis heeft geen meetpunten met een id; geef het meetpunt in [[fase.meetpunt]] id = %q", "the journey has no metrics with an id; give the metric in [[fase.meetpunt]] id = %q"}, key))
	default:
		c.unknownRef(at, wMetric, key, x.keys, "")
	}
}

func checkImprovements(c *checker, _ int, j *Journey) {
	stepIDs := make([]string, len(j.Steps))
	for i, s := range j.Steps {
		stepIDs[i] = s.ID
	}
	metrics := newMetricIndex(j)
	for _, im := range j.Improvements {
		if im.Status != "" {
			c.oneOf(im.At("status"), "status", im.Status, ImprovementStatuses())
		}
		if im.Status == StatusRejected && strings.TrimSpace(im.Reason) == "" && !im.Broken("reden") {
			c.sink.Add(Error, im.At("status"), "missing-key",
				c.t(msg{"verbeteractie %q is afgewezen maar zegt niet waarom", "improvement %q is rejected but does not say why"}, im.ID),
				c.t(msg{"voeg reden = \"…\" toe; zo blijft zichtbaar waarom de actie niet doorgaat", "add reden = \"…\"; so it stays visible why the action does not go ahead"}))
		}
		if im.Horizon != "" {
			c.oneOfFirstWord(im.At("horizon"), "horizon", im.Horizon, ImprovementHorizons())
		}
		for i, id := range im.Steps {
			if j.Step(id) == nil {
				c.unknownRef(im.ElemAt("stappen", i), wStep, id, stepIDs, "")
			}
		}
		for i, ref := range im.PainPoints {
			c.painPointRef(j, im.ElemAt("knelpunten", i), ref, stepIDs)
		}
		for i, ref := range im.PersonaPainPoints {
			c.personaPainPointRef(j, im.ElemAt("persona_knelpunten", i), ref, c.personaIDs, c.example)
		}
		for i, key := range im.Metrics {
			c.metricRef(im.ElemAt("meetpunten", i), key, metrics)
		}
		for _, e := range im.Effects {
			c.effect(j, im, e, stepIDs, metrics)
		}
		if len(im.Steps) == 0 && len(im.PainPoints) == 0 && len(im.PersonaPainPoints) == 0 && len(im.Metrics) == 0 && len(im.Effects) == 0 {
			c.sink.Add(Warning, im.Pos, "improvement-unlinked",
				c.t(msg{"verbeteractie %q noemt geen stappen of knelpunten", "improvement %q names no steps or pain points"}, im.ID),
				c.t(msg{"voeg stappen = [\"…\"] of knelpunten = [\"stap-id/1\"] toe", "add stappen = [\"…\"] or knelpunten = [\"step-id/1\"]"}))
		}
	}
}

// painPointRef checks a reference "stap-id/n" to a pain point of a step.
func (c *checker) painPointRef(j *Journey, at Pos, ref string, stepIDs []string) {
	sid, n, ok := ParsePainPointRef(ref)
	if !ok && j.Step(ref) != nil {
		c.sink.Add(Error, at, "value",
			c.t(msg{"verwijzing naar knelpunt %q mist het nummer van het knelpunt", "pain point reference %q lacks the number of the pain point"}, ref),
			c.t(msg{"bedoelde u %q? (n telt de knelpunten van de stap vanaf 1)", "did you mean %q? (n counts the step's pain points from 1)"}, ref+"/1"))
		return
	}
	if !ok {
		c.sink.Add(Error, at, "value",
			c.t(msg{"verwijzing naar knelpunt %q is niet van de vorm \"stap-id/nummer\"", "pain point reference %q is not of the form \"step-id/number\""}, ref),
			c.t(msg{"bijvoorbeeld \"belt-opnieuw/1\" voor het eerste knelpunt van stap belt-opnieuw", "for example \"belt-opnieuw/1\" for the first pain point of step belt-opnieuw"}))
		return
	}
	s := j.Step(sid)
	if s == nil {
		if c.m.Persona(sid) != nil {
			c.sink.Add(Error, at, "unknown-ref", c.t(msg{"%s %q", "%s %q"}, pick(c.sink.Lang, wStep), sid),
				c.t(msg{"%q is een persona: zet deze verwijzing in persona_knelpunten", "%q is a persona: put this reference in persona_knelpunten"}, sid))
			return
		}
		c.unknownRef(at, wStep, sid, stepIDs, "")
		return
	}
	if n > len(s.PainPoints) && !s.Broken("knelpunten") {
		c.sink.Add(Error, at, "unknown-ref",
			c.t(msg{"stap %q heeft %d knelpunt(en), geen nummer %d", "step %q has %d pain point(s), not number %d"}, sid, len(s.PainPoints), n),
			c.t(msg{"tel de knelpunten van de stap vanaf 1", "count the step's pain points from 1"}))
	}
}

// personaPainPointRef checks a reference "persona-id/n" to a knelpunt of
// a persona.
func (c *checker) personaPainPointRef(j *Journey, at Pos, ref string, personaIDs []string, example string) {
	pid, n, ok := ParsePainPointRef(ref)
	if !ok && c.m.Persona(ref) != nil {
		c.sink.Add(Error, at, "value",
			c.t(msg{"verwijzing naar knelpunt %q mist het nummer van het knelpunt", "knelpunt reference %q lacks the number of the knelpunt"}, ref),
			c.t(msg{"bedoelde u %q? (n telt de knelpunten van de persona vanaf 1)", "did you mean %q? (n counts the persona's knelpunten from 1)"}, ref+"/1"))
		return
	}
	if !ok {
		c.sink.Add(Error, at, "value",
			c.t(msg{"verwijzing naar knelpunt %q is niet van de vorm \"persona-id/nummer\"", "knelpunt reference %q is not of the form \"persona-id/number\""}, ref),
			c.t(msg{"bijvoorbeeld %q voor het eerste knelpunt van persona %s", "for example %q for the first knelpunt of persona %s"}, example+"/1", example))
		return
	}
	p := c.m.Persona(pid)
	if p == nil {
		if j.Step(pid) != nil {
			c.sink.Add(Error, at, "unknown-ref", c.t(msg{"%s %q", "%s %q"}, pick(c.sink.Lang, wPersona), pid),
				c.t(msg{"%q is een stap: zet deze verwijzing in knelpunten", "%q is a step: put this reference in knelpunten"}, pid))
			return
		}
		c.unknownRef(at, wPersona, pid, personaIDs, "")
		return
	}
	switch {
	case p.Broken("knelpunten"):
	case len(p.PainPoints) == 0:
		detail := c.t(msg{"voeg knelpunten = [\"…\"] toe aan de persona", "add knelpunten = [\"…\"] to the persona"})
		if a := c.m.Vocabulary.Actor(p.Role); a != nil && a.Kind == ActorCustomer {
			detail = c.t(msg{"%q is een klant; persona_knelpunten noemt knelpunten van medewerkerspersona's, zoals %q. Wat een klant dwarszit, staat als knelpunt bij de stap: knelpunten = [\"stap-id/1\"]",
				"%q is a customer; persona_knelpunten names knelpunten of employee personas, such as %q. What bothers a customer is a pain point at the step: knelpunten = [\"step-id/1\"]"}, pid, example+"/1")
		}
		c.sink.Add(Error, at, "unknown-ref", c.t(msg{"persona %q heeft geen knelpunten", "persona %q has no knelpunten"}, pid), detail)
	case n > len(p.PainPoints):
		c.sink.Add(Error, at, "unknown-ref",
			c.t(msg{"persona %q heeft %d knelpunt(en), geen nummer %d", "persona %q has %d knelpunt(en), not number %d"}, pid, len(p.PainPoints), n),
			c.t(msg{"tel de knelpunten van de persona vanaf 1", "count the persona's knelpunten from 1"}))
	}
}

// effect checks an expected effect: on a step's emotion or on a metric.
func (c *checker) effect(j *Journey, im *Improvement, e *Effect, stepIDs []string, metrics *metricIndex) {
	onStep, onMetric := e.Has("stap"), e.Has("meetpunt")
	switch {
	case !onStep && !onMetric:
		c.sink.Add(Error, e.Pos, "missing-key",
			c.t(msg{"effect van verbeteractie %q noemt geen stap en geen meetpunt", "effect of improvement %q names no step and no metric"}, im.ID),
			c.t(msg{"schrijf stap = \"…\" met emotie = …, of meetpunt = \"…\" met waarde = …", "write stap = \"…\" with emotie = …, or meetpunt = \"…\" with waarde = …"}))
		return
	case onStep && onMetric:
		c.sink.Add(Error, e.At("meetpunt"), "value",
			c.t(msg{"effect noemt een stap én een meetpunt", "effect names a step and a metric"}),
			c.t(msg{"schrijf twee effecten: één voor de stap, één voor het meetpunt", "write two effects: one for the step, one for the metric"}))
		return
	case onStep:
		if e.Has("waarde") {
			c.sink.Add(Error, e.At("waarde"), "value",
				c.t(msg{"waarde hoort bij een effect op een meetpunt", "waarde belongs to an effect on a metric"}),
				c.t(msg{"bij een stap schrijft u de verwachte emotie: emotie = …", "for a step write the expected emotion: emotie = …"}))
		}
		s := j.Step(e.Step)
		if s == nil {
			if e.Step != "" {
				c.unknownRef(e.At("stap"), wStep, e.Step, stepIDs, "")
			}
		}
		if e.Emotion == nil {
			if !e.Has("emotie") {
				c.sink.Add(Error, e.Pos, "missing-key",
					c.t(msg{"effect op stap %q mist de verwachte emotie", "effect on step %q lacks the expected emotion"}, e.Step),
					c.t(msg{"voeg emotie = … toe (-2 tot +2): hoe de klant zich na de verbetering voelt", "add emotie = … (-2 to +2): how the customer feels after the improvement"}))
			}
			return
		}
		if !c.emotionInRange(&e.Source, "emotie", e.Emotion) {
			return
		}
		if s != nil && s.Emotion != nil && *e.Emotion <= *s.Emotion {
			c.sink.Add(Warning, e.At("emotie"), "effect-not-better",
				c.t(msg{"verwachte emotie %+d bij stap %q is niet beter dan de emotie nu (%+d)", "expected emotion %+d at step %q is no better than the emotion now (%+d)"}, *e.Emotion, e.Step, *s.Emotion),
				c.t(msg{"noem de emotie die de klant na de verbetering heeft", "give the emotion the customer has after the improvement"}))
		}
	default:
		if e.Has("emotie") {
			c.sink.Add(Error, e.At("emotie"), "value",
				c.t(msg{"emotie hoort bij een effect op een stap", "emotie belongs to an effect on a step"}),
				c.t(msg{"bij een meetpunt schrijft u de verwachte waarde: waarde = …", "for a metric write the expected value: waarde = …"}))
		}
		if e.Metric != "" {
			c.metricRef(e.At("meetpunt"), e.Metric, metrics)
		}
		if e.Value == nil && !e.Has("waarde") {
			c.sink.Add(Error, e.Pos, "missing-key",
				c.t(msg{"effect op meetpunt %q mist de verwachte waarde", "effect on metric %q lacks the expected value"}, e.Metric),
				c.t(msg{"voeg waarde = … toe, in de eenheid van het meetpunt", "add waarde = …, in the unit of the metric"}))
		}
	}
}

// oneOfFirstWord is oneOf that suggests the allowed value a longer text
// starts with: "kort termijn" → "kort".
func (c *checker) oneOfFirstWord(at Pos, key, value string, allowed []string) {
	if f := strings.Fields(strings.ToLower(value)); len(f) > 1 {
		for _, a := range allowed {
			if f[0] == a {
				c.sink.Add(Error, at, "value", c.t(msg{"ongeldige waarde %q voor %s", "invalid value %q for %s"}, value, key),
					c.t(msg{"bedoelde u %q?", "did you mean %q?"}, a))
				return
			}
		}
	}
	c.oneOf(at, key, value, allowed)
}

// ParsePainPointRef splits a reference "stap-id/n" (or "persona-id/n")
// into the id and the 1-based number of the pain point.
func ParsePainPointRef(ref string) (id string, n int, ok bool) {
	i := strings.LastIndexByte(ref, '/')
	if i <= 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(ref[i+1:])
	if err != nil || n < 1 {
		return "", 0, false
	}
	return ref[:i], n, true
}
