package plan

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// WriteMarkdown writes the verbeterplan as a Markdown document: the
// numbers, the knelpunten no action answers yet, the actions per owner,
// the rejected actions with their reasons, the measured metrics against
// their norms, then per journey its actions, knelpunten and metrics, and
// per employee persona its knelpunten and where it acts.
func WriteMarkdown(w io.Writer, p *Plan) error {
	e := &mdWriter{b: bufio.NewWriter(w), lang: p.Lang.Or(blueprint.Dutch), plan: p}
	e.write()
	return e.b.Flush()
}

type mdWriter struct {
	b      *bufio.Writer
	lang   blueprint.Lang
	plan   *Plan
	titles map[string]string // journey id → title
}

func (e *mdWriter) p(format string, args ...any) { fmt.Fprintf(e.b, format, args...) }
func (e *mdWriter) t(nl, en string) string       { return blueprint.T(e.lang, nl, en) }

// maxListed is how many journeys a line names before it counts the rest.
const maxListed = 20

func (e *mdWriter) write() {
	p := e.plan
	e.p("# %s\n\n", e.t("Verbeterplan", "Improvement plan"))
	e.organisation(p.Organisation, p.Municipalities)
	c := p.Counts
	e.p("- %s\n", e.n(len(p.Journeys), "klantreis", "klantreizen", "journey", "journeys"))
	e.p("- %s\n", e.knelpunten(c))
	e.p("- %s%s\n", e.n(c.Actions, "verbeteractie", "verbeteracties", "improvement action", "improvement actions"), e.byStatus(c.ByStatus))
	e.p("- %s\n", e.t("Een knelpunt is een knelpunt bij een stap, een stap met een faalpunt, een lange wachttijd, een emotie van −1 of lager of een herhaalcontact, of een knelpunt van een medewerker. Een verbeteractie beantwoordt het als zij het noemt en niet is afgewezen.",
		"A pain point is one written at a step, a step with a fail point, a long wait, an emotion of −1 or lower or a repeat contact, or a pain point of an employee. An improvement action answers it when it names it and is not rejected."))

	e.p("\n## %s\n\n", e.t("Nog niet beantwoord", "Not answered yet"))
	if len(p.Unanswered) == 0 {
		e.p("%s\n", e.t("Op elk knelpunt gaat een verbeteractie in.", "Every pain point has an improvement action."))
	} else {
		e.p("%s\n", e.t("De knelpunten waar nog geen verbeteractie op ingaat: hier ligt het werk.", "The pain points no improvement action answers yet: this is the work."))
	}
	e.unanswered(p.Unanswered)

	e.p("\n## %s\n", e.t("Per eigenaar", "Per owner"))
	if len(p.Owners) == 0 {
		e.p("\n%s\n", e.t("Er zijn geen verbeteracties.", "There are no improvement actions."))
	}
	for _, o := range p.Owners {
		name := md(o.Name)
		if o.Name == "" {
			name = e.t("Zonder eigenaar", "Without an owner")
		}
		e.p("\n### %s (%d)\n\n", name, len(o.Actions))
		e.p("| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n", e.t("Verbeteractie", "Action"), e.t("Klantreis", "Journey"),
			e.t("Status", "Status"), e.t("Horizon", "Horizon"), e.t("Streefdatum", "Target date"), e.t("Beantwoordt", "Answers"))
		for _, a := range o.Actions {
			e.p("| **%s** — %s | %s | %s | %s | %s | %s |\n", md(a.ID), md(a.What), md(a.JourneyTitle), StatusName(e.lang, a.Status),
				dash(HorizonName(e.lang, a.Horizon)), dash(a.DueDate.Label(e.lang)), e.n(len(a.Answers), "knelpunt", "knelpunten", "pain point", "pain points"))
		}
	}

	e.p("\n## %s\n\n", e.t("Afgewezen", "Rejected"))
	if len(p.Rejected) == 0 {
		e.p("%s\n", e.t("Geen verbeteractie is afgewezen.", "No improvement action was rejected."))
	}
	for _, a := range p.Rejected {
		e.p("- **%s** (%s): %s — *%s* %s\n", md(a.ID), md(a.JourneyTitle), md(a.What), e.t("Reden:", "Reason:"), md(a.Reason))
	}

	e.p("\n## %s\n\n", e.t("Meetpunten", "Metrics"))
	total := 0
	for _, j := range p.Journeys {
		total += len(j.Metrics)
	}
	e.p(e.t("%d van de %d meetpunten hebben metingen.\n", "%d of the %d metrics have measurements.\n"), len(p.Measured), total)
	if len(p.Measured) > 0 {
		e.p("\n| %s | %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|---|\n", e.t("Klantreis", "Journey"), e.t("Fase", "Phase"),
			e.t("Meetpunt", "Metric"), e.t("Norm", "Norm"), e.t("Laatste meting", "Last measurement"), e.t("Oordeel", "Verdict"), e.t("Verloop", "Trend"))
		for _, mt := range p.Measured {
			e.p("| %s | %s | %s | %s | %s | %s | %s |\n", md(e.journeyTitle(mt.Journey)), md(mt.PhaseName), md(mt.Name), dash(md(mt.Norm)),
				e.last(mt), dash(VerdictName(e.lang, mt.Verdict)), dash(e.history(mt)))
		}
	}

	e.p("\n## %s\n", e.t("Per klantreis", "Per journey"))
	for _, j := range p.Journeys {
		e.journey(j)
	}

	if len(p.Employees) > 0 {
		e.p("\n## %s\n", e.t("Medewerkers", "Employees"))
	}
	for _, em := range p.Employees {
		e.employee(em)
	}
}

func (e *mdWriter) organisation(org string, municipalities []string) {
	if org == "" {
		return
	}
	e.p("%s", md(org))
	if len(municipalities) > 0 {
		e.p(" (%s)", md(strings.Join(municipalities, ", ")))
	}
	e.p("\n\n")
}

// unanswered lists knelpunten grouped by journey, then the employees'.
func (e *mdWriter) unanswered(ks []*Knelpunt) {
	cur := "\x00"
	for _, k := range ks {
		group := k.Journey
		if group != cur {
			cur = group
			if k.Kind == KindEmployee {
				e.p("\n### %s\n\n| %s | %s | %s |\n|---|---|---|\n", e.t("Medewerkers", "Employees"), e.t("Persona", "Persona"), e.t("Knelpunt", "Pain point"), e.t("Plaats", "Where"))
			} else {
				e.p("\n### %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", md(k.JourneyTitle), e.t("Stap", "Step"), e.t("Soort", "Kind"), e.t("Knelpunt", "Pain point"), e.t("Plaats", "Where"))
			}
		}
		if k.Kind == KindEmployee {
			e.p("| %s | %s | `%s` |\n", md(k.PersonaName), md(k.Text), k.At)
			continue
		}
		e.p("| %s | %s | %s | `%s` |\n", md(k.StepTitle), KindName(e.lang, k.Kind), md(k.Text), k.At)
	}
}

func (e *mdWriter) journey(j *Journey) {
	e.p("\n### %s\n\n", md(j.Title))
	var facts []string
	if j.Persona != "" {
		facts = append(facts, e.t("Persona: ", "Persona: ")+md(j.Persona))
	}
	if j.Vision != "" {
		facts = append(facts, e.t("Toetst de visie: ", "Tests the visie: ")+"`"+j.Vision+"`")
	}
	if j.LowestEmotion != nil {
		facts = append(facts, fmt.Sprintf(e.t("Laagste emotie: %s; gemiddeld %s", "Lowest emotion: %s; average %s"), EmotionLabel(*j.LowestEmotion), e.decimal(*j.AverageEmotion)))
	}
	facts = append(facts, e.knelpunten(j.Counts))
	for _, f := range facts {
		e.p("- %s\n", f)
	}
	e.p("\n#### %s\n\n", e.t("Verbeteracties", "Improvement actions"))
	if len(j.Actions) == 0 {
		e.p("%s\n", e.t("Nog geen verbeteracties.", "No improvement actions yet."))
	}
	for _, a := range j.Actions {
		e.action(j, a)
	}
	e.p("\n#### %s\n\n", e.t("Knelpunten", "Pain points"))
	if len(j.Knelpunten) == 0 {
		e.p("%s\n", e.t("Geen knelpunten.", "No pain points."))
	} else {
		e.p("| %s | %s | %s | %s |\n|---|---|---|---|\n", e.t("Stap", "Step"), e.t("Soort", "Kind"), e.t("Knelpunt", "Pain point"), e.t("Verbeteracties", "Actions"))
	}
	for _, k := range j.Knelpunten {
		e.p("| %s | %s | %s | %s |\n", md(k.StepTitle), KindName(e.lang, k.Kind), md(k.Text), e.answers(k))
	}
	if len(j.Metrics) > 0 {
		e.p("\n#### %s\n\n| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", e.t("Meetpunten", "Metrics"), e.t("Fase", "Phase"), e.t("Meetpunt", "Metric"),
			e.t("Norm", "Norm"), e.t("Laatste meting", "Last measurement"), e.t("Oordeel", "Verdict"))
	}
	for _, mt := range j.Metrics {
		name := md(mt.Name)
		if mt.Catalogue != "" {
			name += " (" + e.t("catalogus", "catalogue") + ": `" + mt.Catalogue + "`)"
		}
		e.p("| %s | %s | %s | %s | %s |\n", md(mt.PhaseName), name, dash(md(mt.Norm)), e.last(mt), dash(VerdictName(e.lang, mt.Verdict)))
	}
}

func (e *mdWriter) action(j *Journey, a *Action) {
	var facts []string
	facts = append(facts, StatusName(e.lang, a.Status))
	if a.Owner != "" {
		facts = append(facts, e.t("eigenaar: ", "owner: ")+md(a.Owner))
	}
	if a.Horizon != "" {
		facts = append(facts, e.t("horizon: ", "horizon: ")+HorizonName(e.lang, a.Horizon))
	}
	if a.Due != "" {
		facts = append(facts, e.t("streefdatum: ", "target date: ")+a.DueDate.Label(e.lang))
	}
	e.p("- **%s** — %s (%s)\n", md(a.ID), md(a.What), strings.Join(facts, "; "))
	if a.Reason != "" {
		label := e.t("Reden", "Reason")
		if a.Status == blueprint.StatusDecided {
			label = e.t("Besluit", "Decision")
		}
		e.p("  - *%s:* %s\n", label, md(a.Reason))
	}
	if len(a.Answers) > 0 {
		var refs []string
		for _, r := range a.Answers {
			refs = append(refs, "`"+r+"`")
		}
		e.p("  - %s %s\n", e.t("Beantwoordt:", "Answers:"), strings.Join(refs, ", "))
	}
	for _, ef := range a.Effects {
		e.p("  - %s %s\n", e.t("Verwacht effect:", "Expected effect:"), e.effect(ef))
	}
	if len(a.Metrics) > 0 {
		var names []string
		for _, k := range a.Metrics {
			names = append(names, md(e.metricName(j, k)))
		}
		e.p("  - %s %s\n", e.t("Meetpunten:", "Metrics:"), strings.Join(names, ", "))
	}
	if a.Note != "" {
		e.p("  - %s\n", md(a.Note))
	}
}

func (e *mdWriter) effect(ef Effect) string {
	var s string
	if ef.Step != "" {
		s = fmt.Sprintf(e.t("emotie bij %q", "emotion at %q"), ef.StepTitle)
		if ef.EmotionNow != nil {
			s += " " + e.t("van", "from") + " " + EmotionLabel(*ef.EmotionNow)
		}
		if ef.EmotionExpected != nil {
			s += " " + e.t("naar", "to") + " " + EmotionLabel(*ef.EmotionExpected)
		}
	} else {
		s = ef.MetricName
		if s == "" {
			s = ef.Metric
		}
		if ef.ValueNow != nil {
			s += " " + e.t("van", "from") + " " + blueprint.FormatValue(*ef.ValueNow, ef.Unit, e.lang)
		}
		if ef.ValueExpected != nil {
			s += " " + e.t("naar", "to") + " " + blueprint.FormatValue(*ef.ValueExpected, ef.Unit, e.lang)
		}
	}
	if ef.Note != "" {
		s += " (" + ef.Note + ")"
	}
	return md(s)
}

func (e *mdWriter) employee(em *Employee) {
	e.p("\n### %s (%s)\n\n", md(em.Name), md(em.RoleName))
	if len(em.Appearances) == 0 {
		e.p("%s\n\n", e.t("Komt in geen van deze klantreizen voor.", "Does not act in any of these journeys."))
	} else {
		var parts []string
		var cur string
		steps := map[string]bool{}
		journeys := 0
		flush := func() {
			if cur == "" {
				return
			}
			if journeys++; journeys <= maxListed {
				parts = append(parts, fmt.Sprintf("%s (%s)", md(e.journeyTitle(cur)), e.n(len(steps), "stap", "stappen", "step", "steps")))
			}
		}
		for _, a := range em.Appearances {
			if a.Journey != cur {
				flush()
				cur, steps = a.Journey, map[string]bool{}
			}
			steps[a.Step] = true
		}
		flush()
		if journeys > maxListed {
			parts = append(parts, fmt.Sprintf(e.t("en nog %d klantreizen", "and %d more journeys"), journeys-maxListed))
		}
		e.p("%s %s.\n\n", e.t("Komt voor in", "Acts in"), strings.Join(parts, ", "))
	}
	e.p("| # | %s | %s |\n|--:|---|---|\n", e.t("Knelpunt", "Pain point"), e.t("Verbeteracties", "Actions"))
	for i, k := range em.Knelpunten {
		e.p("| %d | %s | %s |\n", i+1, md(k.Text), e.answers(k))
	}
}

// answers lists the actions of a knelpunt: "id (status)", or a mark when
// none answers it.
func (e *mdWriter) answers(k *Knelpunt) string {
	var out []string
	for _, r := range k.Actions {
		s := md(r.ID) + " (" + StatusName(e.lang, r.Status) + ")"
		if r.Journey != k.Journey && k.Kind == KindEmployee {
			s = md(r.ID) + " (" + StatusName(e.lang, r.Status) + ", " + md(e.journeyTitle(r.Journey)) + ")"
		}
		out = append(out, s)
	}
	if !k.Answered {
		mark := "**" + e.t("nog geen actie", "no action yet") + "**"
		out = append([]string{mark}, out...)
	}
	return strings.Join(out, "; ")
}

func (e *mdWriter) last(mt *Metric) string {
	if mt.Last == nil {
		return "—"
	}
	return mt.Last.Text + " (" + mt.Last.Label + ")"
}

// history writes the measurements oldest first: "16% → 14% → 11% (beter)".
func (e *mdWriter) history(mt *Metric) string {
	if len(mt.Measurements) < 2 {
		return ""
	}
	var vals []string
	for _, x := range mt.Measurements {
		vals = append(vals, x.Text)
	}
	s := strings.Join(vals, " → ")
	if t := blueprint.TrendLabel(mt.Trend, e.lang); t != "" {
		s += " (" + t + ")"
	}
	return md(s)
}

func (e *mdWriter) journeyTitle(id string) string {
	if e.titles == nil {
		e.titles = map[string]string{}
		for _, j := range e.plan.Journeys {
			e.titles[j.ID] = j.Title
		}
	}
	if t, ok := e.titles[id]; ok {
		return t
	}
	return id
}

func (e *mdWriter) metricName(j *Journey, key string) string {
	for _, mt := range j.Metrics {
		if mt.Key == key {
			return mt.Name
		}
	}
	return key
}

func (e *mdWriter) byStatus(cs []StatusCount) string {
	if len(cs) == 0 {
		return ""
	}
	var parts []string
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%d %s", c.Count, StatusName(e.lang, c.Status)))
	}
	return ": " + strings.Join(parts, ", ")
}

// knelpunten writes "96 knelpunten, waarvan 38 zonder verbeteractie en 2
// opgelost".
func (e *mdWriter) knelpunten(c Counts) string {
	return fmt.Sprintf(e.t("%s, waarvan %d zonder verbeteractie en %d opgelost", "%s, of which %d without an action and %d solved"),
		e.n(c.Knelpunten, "knelpunt", "knelpunten", "pain point", "pain points"), c.Unanswered, c.Solved)
}

// n writes a count with the singular or plural noun.
func (e *mdWriter) n(count int, nlOne, nlMany, enOne, enMany string) string {
	if count == 1 {
		return fmt.Sprintf("%d %s", count, e.t(nlOne, enOne))
	}
	return fmt.Sprintf("%d %s", count, e.t(nlMany, enMany))
}

// decimal writes a number with one decimal, a decimal comma in Dutch and
// a real minus sign.
func (e *mdWriter) decimal(f float64) string { return decimal(f, e.lang) }

func decimal(f float64, lang blueprint.Lang) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	if s == "-0.0" {
		s = "0.0"
	}
	if lang != blueprint.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return strings.Replace(s, "-", "−", 1)
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "|", `\|`, "\n", " ")

// md escapes text for Markdown so that it shows as written.
func md(s string) string { return mdEscaper.Replace(s) }
