package site

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// The data of a journey's page, for journey.gohtml.

type journeyBody struct {
	J        *blueprint.Journey
	Gemeente string
	Facts    []fact
	Signals  []signal
	Vision   *blueprint.VisionStatement
	Stale    bool

	Persona   *personaCard
	Employees []*personaCard

	SVG      template.HTML
	SVGLabel string
	StepData template.JS // JSON: header box id → step anchor
	PNG      string
	SVGFile  string
	TOML     string

	Heartbeat      template.HTML
	HeartbeatLabel string
	Emotions       []emotionRow
	Pains          []painGroup
	Phases         []phaseView
	Improvements   []improvementView
	Steps          []*stepView
	Sections       []*section
	HasNeeds       bool
}

type fact struct{ Label, Value string }

type signal struct{ Class, Text string }

type personaCard struct {
	P        *blueprint.Persona
	Role     string
	Href     string
	Customer bool
	// Own is set on the persona's own page: no title, h2 headings.
	Own bool
	// Groups are the persona's lists: for an employee the knelpunten and
	// succesfactoren first, for a customer the goals, needs and
	// frustrations.
	Groups []listGroup
}

type listGroup struct {
	Class, List, Title string // the classes of the heading and the list
	Items              []string
}

type emotionRow struct {
	Num              int
	Title, Anchor    string
	Emotion, Desired string
}

type painGroup struct {
	Step   *stepView
	Points []painPoint
}

type painPoint struct {
	Text    string
	Answers []improvementRef // verbeteracties that answer it
}

type improvementRef struct{ ID, Anchor string }

type phaseView struct {
	P     *blueprint.Phase
	Steps string // "stappen 1–5"
}

type improvementView struct {
	I          *blueprint.Improvement
	Anchor     string
	Status     string
	Steps      []stepRef
	PainPoints []string
}

type stepRef struct {
	Num          int
	Title, Href  string
	MissingTitle bool
}

type stepView struct {
	Num                    int
	S                      *blueprint.Step
	Anchor                 string
	Box                    string
	Phase                  string
	Channel                string
	QuestionType           string
	Actors                 []string
	Front, Back            []actionView
	Support                []actionView
	Handoffs               []handoffView
	Emotion, Desired       string
	Wait, Duration         string
	Next                   []stepRef
	Requirements           []reqRef
	HasLanes, HasEmotionOr bool
}

type actionView struct{ Who, Text string }

type handoffView struct{ From, To, Channel, Note string }

type reqRef struct {
	RequirementRef
	Href string
}

func (b *Builder) journeyPage(jj *Journey) (*page, error) {
	m, j := b.s.Model, jj.Journey
	root := "../"
	v := m.Vocabulary
	lang := b.lang()
	body := &journeyBody{J: j, Gemeente: Gemeente(m, j), Stale: jj.Stale}

	if d := v.Domain(j.Domain); d != nil {
		body.Facts = append(body.Facts, fact{b.t("Domein", "Domain"), d.Name(lang)})
	}
	if q := v.QuestionType(j.QuestionType); q != nil {
		body.Facts = append(body.Facts, fact{b.t("Vraagsoort", "Question type"), q.Name(lang)})
	}
	sum := blueprint.Summarize(j)
	body.Facts = append(body.Facts, fact{b.t("Omvang", "Size"), plural(b, sum.Steps, "stap", "stappen", "step", "steps") + b.t(" in ", " in ") + plural(b, sum.Phases, "fase", "fasen", "phase", "phases")})
	if len(sum.Channels) > 0 {
		body.Facts = append(body.Facts, fact{b.t("Kanalen", "Channels"), strings.Join(b.channelNames(sum.Channels), ", ")})
	}
	if sum.PainPoints > 0 {
		body.Signals = append(body.Signals, signal{"pain", plural(b, sum.PainPoints, "knelpunt", "knelpunten", "pain point", "pain points")})
	}
	if sum.FailPoints > 0 {
		body.Signals = append(body.Signals, signal{"fail", plural(b, sum.FailPoints, "faalpunt", "faalpunten", "fail point", "fail points")})
	}
	if sum.RepeatContacts > 0 {
		body.Signals = append(body.Signals, signal{"repeat", plural(b, sum.RepeatContacts, "herhaalcontact", "herhaalcontacten", "repeat contact", "repeat contacts")})
	}
	if sum.Handoffs > 0 {
		body.Signals = append(body.Signals, signal{"handoff", plural(b, sum.Handoffs, "overdracht", "overdrachten", "hand-off", "hand-offs")})
	}
	if sum.LowestStep != nil {
		body.Signals = append(body.Signals, signal{"low", fmt.Sprintf(b.t("laagste beleving %s bij stap %d", "lowest emotion %s at step %d"), signed(sum.LowestEmotion), stepNumber(j, sum.LowestStep))})
	}
	for _, vs := range m.Project.Vision {
		if vs.ID == j.Vision {
			body.Vision = vs
		}
	}

	if j.Persona != nil {
		body.Persona = b.card(root, j.Persona)
	}
	for _, p := range b.journeyEmployees(j) {
		body.Employees = append(body.Employees, b.card(root, p))
	}

	if jj.SVG != nil {
		svg, err := inlineSVG(jj.SVG)
		if err != nil {
			return nil, fmt.Errorf("site: journey %s: %w", j.ID, err)
		}
		body.SVG = template.HTML(svg)
		body.SVGLabel = fmt.Sprintf(b.t("Service blueprint van %q: %s in %s. De inhoud van elke stap staat hieronder ook als tekst.",
			"Service blueprint of %q: %s in %s. Every step is also written out as text below."), j.Title,
			plural(b, sum.Steps, "stap", "stappen", "step", "steps"), plural(b, sum.Phases, "fase", "fasen", "phase", "phases"))
		body.SVGFile = SVGPath(j.ID)[len(JourneyDir)+1:]
		data := map[string]string{}
		for id, box := range jj.StepBoxes {
			data[box] = StepAnchor(id)
		}
		js, err := json.Marshal(data) // sorted keys; <, > and & escaped
		if err != nil {
			return nil, err
		}
		body.StepData = template.JS(js)
	}
	if jj.PNG {
		body.PNG = PNGPath(j.ID)[len(JourneyDir)+1:]
	}
	if jj.Source != nil {
		body.TOML = TOMLPath(j.ID)[len(JourneyDir)+1:]
	}

	answers := map[string][]improvementRef{} // "step/n" → verbeteracties
	for _, im := range j.Improvements {
		for _, ref := range im.PainPoints {
			answers[ref] = append(answers[ref], improvementRef{ID: im.ID, Anchor: ActionAnchor(im.ID)})
		}
	}
	views := map[string]*stepView{}
	for i, s := range j.Steps {
		sv := b.stepView(root, jj, i, s)
		views[s.ID] = sv
		body.Steps = append(body.Steps, sv)
		if sv.Emotion != "" || sv.Desired != "" {
			body.Emotions = append(body.Emotions, emotionRow{Num: i + 1, Title: s.Title, Anchor: sv.Anchor, Emotion: sv.Emotion, Desired: sv.Desired})
		}
		if len(s.PainPoints) > 0 {
			g := painGroup{Step: sv}
			for k, p := range s.PainPoints {
				g.Points = append(g.Points, painPoint{Text: p, Answers: answers[s.ID+"/"+strconv.Itoa(k+1)]})
			}
			body.Pains = append(body.Pains, g)
		}
		if len(s.Needs) > 0 {
			body.HasNeeds = true
		}
	}
	// Flows that jump need the views of later steps, so they come last.
	for i, s := range j.Steps {
		if !s.Has("volgende") {
			continue
		}
		for _, id := range s.Next {
			if t := views[id]; t != nil {
				body.Steps[i].Next = append(body.Steps[i].Next, stepRef{Num: t.Num, Title: t.S.Title, Href: "#" + t.Anchor})
			}
		}
	}
	if hb, label := b.heartbeat(j); hb != "" {
		body.Heartbeat, body.HeartbeatLabel = hb, label
	}
	for _, p := range j.Phases {
		first, last := 0, 0
		for i, s := range j.Steps {
			if s.Phase == p.ID {
				if first == 0 {
					first = i + 1
				}
				last = i + 1
			}
		}
		pv := phaseView{P: p}
		switch {
		case first == 0:
		case first == last:
			pv.Steps = fmt.Sprintf(b.t("stap %d", "step %d"), first)
		default:
			pv.Steps = fmt.Sprintf(b.t("stappen %d–%d", "steps %d–%d"), first, last)
		}
		body.Phases = append(body.Phases, pv)
	}
	for _, im := range j.Improvements {
		iv := improvementView{I: im, Anchor: ActionAnchor(im.ID), Status: statusName(lang, im.Status)}
		for _, id := range im.Steps {
			if t := views[id]; t != nil {
				iv.Steps = append(iv.Steps, stepRef{Num: t.Num, Title: t.S.Title, Href: "#" + t.Anchor})
			}
		}
		for _, ref := range im.PainPoints {
			if id, n, ok := blueprint.ParsePainPointRef(ref); ok {
				if t := views[id]; t != nil && n >= 1 && n <= len(t.S.PainPoints) {
					iv.PainPoints = append(iv.PainPoints, fmt.Sprintf("%d. %s", t.Num, t.S.PainPoints[n-1]))
				}
			}
		}
		body.Improvements = append(body.Improvements, iv)
	}
	body.Sections = b.sections(root, jj.Sections, 2)

	return b.newPage("journey", j.Title, root, truncate(firstNonEmpty(j.Description, j.Goal), 200), body), nil
}

func (b *Builder) stepView(root string, jj *Journey, i int, s *blueprint.Step) *stepView {
	m, j := b.s.Model, jj.Journey
	v, lang := m.Vocabulary, b.lang()
	sv := &stepView{Num: i + 1, S: s, Anchor: StepAnchor(s.ID), Box: jj.StepBoxes[s.ID]}
	if p := j.Phase(s.Phase); p != nil {
		sv.Phase = p.Name
	}
	if s.Channel != "" {
		sv.Channel = b.channelName(s.Channel)
	}
	if s.QuestionType != "" && s.QuestionType != j.QuestionType {
		if q := v.QuestionType(s.QuestionType); q != nil {
			sv.QuestionType = q.Name(lang)
		}
	}
	for _, a := range j.StepActors(s) {
		sv.Actors = append(sv.Actors, b.actorName(a))
	}
	for _, a := range s.Frontstage {
		sv.Front = append(sv.Front, actionView{b.actorName(a.Actor), a.Text})
	}
	for _, a := range s.Backstage {
		sv.Back = append(sv.Back, actionView{b.actorName(a.Actor), a.Text})
	}
	for _, a := range s.Support {
		who := ""
		if sys := v.System(a.System); sys != nil {
			who = sys.Name(lang)
		} else {
			who = a.System
		}
		sv.Support = append(sv.Support, actionView{who, a.Text})
	}
	for _, h := range s.Handoffs {
		hv := handoffView{From: b.actorName(h.From), To: b.actorName(h.To), Note: h.Note}
		if h.Channel != "" {
			hv.Channel = b.channelName(h.Channel)
		}
		sv.Handoffs = append(sv.Handoffs, hv)
	}
	if s.Emotion != nil {
		sv.Emotion = emotionName(lang, *s.Emotion)
	}
	if s.DesiredEmotion != nil {
		sv.Desired = emotionName(lang, *s.DesiredEmotion)
	}
	if s.Wait != nil {
		sv.Wait = s.Wait.Label(lang)
	}
	if s.Duration != nil {
		sv.Duration = s.Duration.Label(lang)
	}
	for _, r := range jj.Requirements[s.ID] {
		ref := reqRef{RequirementRef: r}
		if b.reqs[r.ID] != nil {
			ref.Href = root + "eisen.html#" + r.ID
		}
		sv.Requirements = append(sv.Requirements, ref)
	}
	sv.HasLanes = s.Evidence != "" || s.CustomerAction != "" || len(s.Frontstage)+len(s.Backstage)+len(s.Support)+len(s.Handoffs) > 0
	sv.HasEmotionOr = sv.Emotion != "" || sv.Desired != "" || sv.Wait != "" || sv.Duration != ""
	return sv
}

func stepNumber(j *blueprint.Journey, s *blueprint.Step) int {
	for i, x := range j.Steps {
		if x == s {
			return i + 1
		}
	}
	return 0
}

// journeyEmployees are the employee personas whose role acts in j, in the
// order of the model.
func (b *Builder) journeyEmployees(j *blueprint.Journey) []*blueprint.Persona {
	roles := map[string]bool{}
	for _, s := range j.Steps {
		for _, a := range j.StepActors(s) {
			roles[a] = true
		}
	}
	var out []*blueprint.Persona
	for _, p := range b.s.Model.Personas {
		if !b.isCustomer(p) && roles[p.Role] {
			out = append(out, p)
		}
	}
	return out
}

func (b *Builder) card(root string, p *blueprint.Persona) *personaCard {
	c := &personaCard{P: p, Role: b.actorName(p.Role), Href: root + PersonaPath(p.ID), Customer: b.isCustomer(p)}
	own := []listGroup{
		{"pain", "pains", b.t("Knelpunten", "Pain points"), p.PainPoints},
		{"success", "successes", b.t("Succesfactoren", "Success factors"), p.SuccessFactors},
	}
	common := []listGroup{
		{"", "", b.t("Doelen", "Goals"), p.Goals},
		{"", "", b.t("Behoeften", "Needs"), p.Needs},
		{"", "", b.t("Frustraties", "Frustrations"), p.Frustrations},
	}
	groups := append(common, own...)
	if !c.Customer {
		groups = append(own, common...)
	}
	for _, g := range groups {
		if len(g.Items) > 0 {
			c.Groups = append(c.Groups, g)
		}
	}
	return c
}

func (b *Builder) lang() blueprint.Lang { return b.s.Lang.Or(blueprint.Dutch) }

func (b *Builder) channelName(id string) string {
	if c := b.s.Model.Vocabulary.Channel(id); c != nil {
		return c.Name(b.lang())
	}
	return id
}

func (b *Builder) channelNames(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = b.channelName(id)
	}
	return out
}

func (b *Builder) actorName(id string) string {
	if a := b.s.Model.Vocabulary.Actor(id); a != nil {
		return a.Name(b.lang())
	}
	return id
}

// emotionName writes an emotion with its number: "−2 (zeer negatief)".
func emotionName(lang blueprint.Lang, e int) string {
	words := map[int][2]string{
		-2: {"zeer negatief", "very negative"}, -1: {"negatief", "negative"}, 0: {"neutraal", "neutral"},
		1: {"positief", "positive"}, 2: {"zeer positief", "very positive"},
	}
	w, ok := words[e]
	if !ok {
		return signed(e)
	}
	return signed(e) + " (" + blueprint.T(lang, w[0], w[1]) + ")"
}

// signed writes a number with a real minus sign, and a plus for positive
// numbers.
func signed(e int) string {
	switch {
	case e < 0:
		return "−" + strconv.Itoa(-e)
	case e > 0:
		return "+" + strconv.Itoa(e)
	}
	return "0"
}

func statusName(lang blueprint.Lang, s string) string {
	names := map[string][2]string{
		"idee": {"Idee", "Idea"}, "gepland": {"Gepland", "Planned"}, "bezig": {"Bezig", "In progress"}, "gereed": {"Gereed", "Done"},
	}
	if n, ok := names[s]; ok {
		return blueprint.T(lang, n[0], n[1])
	}
	return s
}

func plural(b *Builder, n int, nl1, nlN, en1, enN string) string {
	if n == 1 {
		return "1 " + b.t(nl1, en1)
	}
	return strconv.Itoa(n) + " " + b.t(nlN, enN)
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// truncate shortens s to at most n characters at a word boundary, with an
// ellipsis.
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
