package plan

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dimpact/blueprint/blueprint"
)

// Derive makes the verbeterplan of the journeys of m. It is pure: m is
// read, not changed. m must be valid (no errors in its diagnostics).
func Derive(m *blueprint.Model, opts Options) *Plan {
	lang := opts.Lang.Or(blueprint.Dutch)
	if opts.LongWait == 0 {
		opts.LongWait = DefaultLongWait
	}
	if opts.LongQueue == 0 {
		opts.LongQueue = DefaultLongQueue
	}
	p := &Plan{Lang: lang, Organisation: m.Project.Organisation, Municipalities: append([]string{}, m.Project.Municipalities...)}
	d := &deriver{m: m, opts: opts, lang: lang, plan: p, byRef: map[string]*Knelpunt{}, acting: map[*blueprint.Journey][]string{}}
	d.appearances()
	for _, j := range m.Journeys {
		p.Journeys = append(p.Journeys, d.journey(j))
	}
	d.employeePlans()
	d.answer()
	d.summarise()
	return p
}

type deriver struct {
	m    *blueprint.Model
	opts Options
	lang blueprint.Lang
	plan *Plan
	// byRef finds a knelpunt by journey id and ref ("" journey for a
	// persona's knelpunt).
	byRef map[string]*Knelpunt
	// employees are the employee personas with knelpunten, once each, and
	// apps where each acts; acting lists per journey the ids of those
	// that act in it.
	employees []*blueprint.Persona
	apps      map[*blueprint.Persona][]blueprint.Appearance
	acting    map[*blueprint.Journey][]string
}

// appearances finds, once, where each employee persona acts.
func (d *deriver) appearances() {
	d.apps = map[*blueprint.Persona][]blueprint.Appearance{}
	seen := map[string]bool{}
	for _, per := range d.m.Personas {
		if !d.employee(per) || seen[per.ID] {
			continue
		}
		seen[per.ID] = true
		d.employees = append(d.employees, per)
		apps := d.m.Appearances(per)
		d.apps[per] = apps
		var last *blueprint.Journey
		for _, a := range apps {
			if a.Journey != last {
				last = a.Journey
				d.acting[a.Journey] = append(d.acting[a.Journey], per.ID)
			}
		}
	}
}

func refKey(journey, ref string) string { return journey + "\x00" + ref }

func (d *deriver) t(nl, en string) string { return blueprint.T(d.lang, nl, en) }

func (d *deriver) journey(j *blueprint.Journey) *Journey {
	out := &Journey{ID: j.ID, Title: j.Title, File: j.File, Vision: j.Vision, Model: j,
		Knelpunten: []*Knelpunt{}, Actions: []*Action{}, Metrics: []*Metric{}, Employees: []string{}}
	if j.Persona != nil {
		out.Persona = j.Persona.Name
	}
	sum, n := 0, 0
	for _, s := range j.Steps {
		if s.Emotion != nil {
			if out.LowestEmotion == nil || *s.Emotion < *out.LowestEmotion {
				e := *s.Emotion
				out.LowestEmotion, out.LowestStep = &e, s.ID
			}
			sum += *s.Emotion
			n++
		}
		phase := j.Phase(s.Phase)
		base := Knelpunt{Journey: j.ID, JourneyTitle: j.Title, Phase: s.Phase, Step: s.ID, StepTitle: s.Title, Actions: []ActionRef{}}
		if phase != nil {
			base.PhaseName = phase.Name
		}
		if sig := d.signals(s); len(sig) > 0 {
			k := base
			k.Kind, k.Ref, k.Signals, k.Pos = KindStep, s.ID, sig, s.Pos
			labels := make([]string, len(sig))
			for i, x := range sig {
				labels[i] = x.Label
			}
			k.Text = strings.Join(labels, " · ")
			d.add(out, &k)
		}
		for i, text := range s.PainPoints {
			k := base
			k.Kind, k.Ref, k.Text, k.Pos = KindPainPoint, s.ID+"/"+itoa(i+1), text, s.ElemAt("knelpunten", i)
			d.add(out, &k)
		}
	}
	out.AverageEmotion = average(sum, n)
	for _, ph := range j.Phases {
		for _, mt := range ph.Metrics {
			out.Metrics = append(out.Metrics, d.metric(j, ph, mt))
		}
	}
	for _, im := range j.Improvements {
		out.Actions = append(out.Actions, d.action(j, im))
	}
	out.Employees = append(out.Employees, d.acting[j]...)
	return out
}

func (d *deriver) add(j *Journey, k *Knelpunt) {
	k.At = k.Pos.String()
	j.Knelpunten = append(j.Knelpunten, k)
	d.byRef[refKey(j.ID, k.Ref)] = k
}

// signals returns why step s is a knelpunt by itself.
func (d *deriver) signals(s *blueprint.Step) []Signal {
	var out []Signal
	if s.FailPoint {
		out = append(out, Signal{SignalFailPoint, withReason(d.t("faalpunt", "fail point"), s.FailPointReason)})
	}
	for _, w := range d.waits(s) {
		switch {
		case w.Over():
			out = append(out, Signal{SignalWait, fmt.Sprintf(d.t("wacht %s, termijn %s", "waits %s, deadline %s"), w.Duration.Label(d.lang), w.Deadline.Label(d.lang))})
		case d.longWait(s, w.Duration):
			out = append(out, Signal{SignalWait, d.t("wacht ", "waits ") + w.Duration.Label(d.lang)})
		}
	}
	if s.Emotion != nil && *s.Emotion <= LowEmotion {
		out = append(out, Signal{SignalEmotion, d.t("emotie ", "emotion ") + EmotionLabel(*s.Emotion)})
	}
	if s.RepeatContact {
		out = append(out, Signal{SignalRepeat, withReason(d.t("herhaalcontact", "repeat contact"), s.RepeatContactReason)})
	}
	return out
}

// waits returns the waits before s: all of them, or the one wachttijd.
func (d *deriver) waits(s *blueprint.Step) []*blueprint.Wait {
	if len(s.Waits) > 0 {
		return s.Waits
	}
	if s.Wait != nil {
		return []*blueprint.Wait{{Duration: s.Wait}}
	}
	return nil
}

func withReason(label, reason string) string {
	if reason == "" {
		return label
	}
	return label + " (" + reason + ")"
}

// longWait: a wait over its deadline; a week or more; or a queue of two
// minutes or more (less than a day) before a step on a live channel; not
// when the customer is content at the step (emotion +1 or more): a
// follow-up call after four weeks that was agreed is not a knelpunt.
func (d *deriver) longWait(s *blueprint.Step, wait *blueprint.Duration) bool {
	if wait == nil || s.Emotion != nil && *s.Emotion > 0 {
		return false
	}
	w := wait.Approx()
	if w >= d.opts.LongWait {
		return true
	}
	if w >= 24*time.Hour || w < d.opts.LongQueue {
		return false
	}
	ch := d.m.Vocabulary.Channel(s.Channel)
	if ch == nil {
		return false
	}
	switch ch.Kind {
	case blueprint.ChannelPhone, blueprint.ChannelChat, blueprint.ChannelInPerson:
		return true
	}
	return false
}

func (d *deriver) metric(j *blueprint.Journey, ph *blueprint.Phase, mt *blueprint.Metric) *Metric {
	unit := mt.UnitIn(d.lang)
	out := &Metric{Journey: j.ID, Phase: ph.ID, PhaseName: ph.Name, Key: mt.Key(), Catalogue: mt.Catalogue,
		Name: mt.Label(d.lang), Definition: mt.DefinitionIn(d.lang), Unit: unit, Source: mt.SourceIn(d.lang), Norm: mt.Target,
		Measurements: []Measurement{}, Actions: []ActionRef{}, Pos: mt.Pos, At: mt.Pos.String(), Trend: mt.Trend()}
	for _, x := range mt.Measured() {
		out.Measurements = append(out.Measurements, Measurement{Date: x.Date.String(), Label: x.Date.Label(d.lang), Value: x.Value,
			Text: blueprint.FormatValue(x.Value, unit, d.lang), Note: x.Note})
	}
	if n := len(out.Measurements); n > 0 {
		last := out.Measurements[n-1]
		out.Last = &last
		switch mt.Judge(mt.Last()) {
		case blueprint.MeetsNorm:
			out.Verdict = VerdictMeets
		case blueprint.MissesNorm:
			out.Verdict = VerdictMisses
		}
	}
	return out
}

func (d *deriver) action(j *blueprint.Journey, im *blueprint.Improvement) *Action {
	a := &Action{Journey: j.ID, JourneyTitle: j.Title, ID: im.ID, What: im.What, Owner: strings.TrimSpace(im.Owner), Status: im.Status,
		Horizon: im.Horizon, Due: im.Due.String(), DueDate: im.Due, Reason: im.Reason, Note: im.Note,
		Steps: append([]string{}, im.Steps...), Answers: []string{}, Metrics: []string{}, Effects: []Effect{},
		Pos: im.Pos, At: im.Pos.String(), Improvement: im}
	seen := map[string]bool{}
	answer := func(ref string) {
		if !seen[ref] {
			seen[ref] = true
			a.Answers = append(a.Answers, ref)
		}
	}
	metric := func(key string) {
		for _, k := range a.Metrics {
			if k == key {
				return
			}
		}
		a.Metrics = append(a.Metrics, key)
	}
	for _, ref := range im.PainPoints {
		answer(ref)
	}
	for _, id := range im.Steps {
		answer(id)
	}
	for _, key := range im.Metrics {
		metric(key)
	}
	for _, e := range im.Effects {
		ef := Effect{Note: e.Note}
		switch {
		case e.Step != "":
			ef.Step, ef.EmotionExpected = e.Step, e.Emotion
			if s := j.Step(e.Step); s != nil {
				ef.StepTitle, ef.EmotionNow = s.Title, s.Emotion
			}
			answer(e.Step)
		case e.Metric != "":
			ef.Metric, ef.ValueExpected = e.Metric, e.Value
			if mt := j.Metric(e.Metric); mt != nil {
				ef.MetricName, ef.Unit = mt.Label(d.lang), mt.UnitIn(d.lang)
				if last := mt.Last(); last != nil {
					v := last.Value
					ef.ValueNow = &v
				}
			}
			metric(e.Metric)
		}
		a.Effects = append(a.Effects, ef)
	}
	for _, ref := range im.PersonaPainPoints {
		answer(ref)
	}
	return a
}

// employee reports whether a persona is an employee (or partner) with
// knelpunten of its own.
func (d *deriver) employee(p *blueprint.Persona) bool {
	a := d.m.Vocabulary.Actor(p.Role)
	return a != nil && a.Kind != blueprint.ActorCustomer && len(p.PainPoints) > 0
}

func (d *deriver) employeePlans() {
	for _, per := range d.employees {
		e := &Employee{ID: per.ID, Name: per.Name, Role: per.Role, Knelpunten: []*Knelpunt{}, Appearances: []Appearance{}, Pos: per.Pos}
		if a := d.m.Vocabulary.Actor(per.Role); a != nil {
			e.RoleName = a.Name(d.lang)
		}
		for i, text := range per.PainPoints {
			k := &Knelpunt{Kind: KindEmployee, Ref: per.ID + "/" + itoa(i+1), Persona: per.ID, PersonaName: per.Name, Text: text,
				Actions: []ActionRef{}, Pos: per.ElemAt("knelpunten", i)}
			k.At = k.Pos.String()
			e.Knelpunten = append(e.Knelpunten, k)
			d.byRef[refKey("", k.Ref)] = k
		}
		for _, a := range d.apps[per] {
			e.Appearances = append(e.Appearances, Appearance{Journey: a.Journey.ID, Step: a.Step.ID, StepTitle: a.Step.Title,
				Lane: a.Lane, Text: a.Text, Pos: a.Pos, At: a.Pos.String()})
		}
		d.plan.Employees = append(d.plan.Employees, e)
	}
}

// answer links every action to the knelpunten and metrics it names.
func (d *deriver) answer() {
	metrics := map[string]*Metric{}
	for _, j := range d.plan.Journeys {
		for _, mt := range j.Metrics {
			metrics[refKey(j.ID, mt.Key)] = mt
		}
	}
	for _, j := range d.plan.Journeys {
		for _, a := range j.Actions {
			resolved := []string{}
			for _, ref := range a.Answers {
				k := d.byRef[refKey(j.ID, ref)]
				if k == nil {
					k = d.byRef[refKey("", ref)]
				}
				if k == nil {
					continue // a step without signals, or a reference the validator reported
				}
				resolved = append(resolved, ref)
				k.Actions = append(k.Actions, a.Ref())
				if a.Live() {
					k.Answered = true
				}
				if a.Status == blueprint.StatusDone {
					k.Solved = true
				}
			}
			a.Answers = resolved
			for _, key := range a.Metrics {
				if mt := metrics[refKey(j.ID, key)]; mt != nil {
					mt.Actions = append(mt.Actions, a.Ref())
				}
			}
		}
	}
}

// summarise fills the folder's lists and the counts.
func (d *deriver) summarise() {
	p := d.plan
	p.Unanswered, p.Owners, p.Rejected, p.Measured = []*Knelpunt{}, []*Owner{}, []*Action{}, []*Metric{}
	owners := map[string]*Owner{}
	var all []*Knelpunt
	var actions []*Action
	for _, j := range p.Journeys {
		j.Counts = count(j.Knelpunten, j.Actions)
		all = append(all, j.Knelpunten...)
		actions = append(actions, j.Actions...)
		for _, mt := range j.Metrics {
			if len(mt.Measurements) > 0 {
				p.Measured = append(p.Measured, mt)
			}
		}
	}
	for _, e := range p.Employees {
		all = append(all, e.Knelpunten...)
	}
	for _, k := range all {
		if !k.Answered {
			p.Unanswered = append(p.Unanswered, k)
		}
	}
	for _, a := range actions {
		if !a.Live() {
			p.Rejected = append(p.Rejected, a)
			continue
		}
		o := owners[a.Owner]
		if o == nil {
			o = &Owner{Name: a.Owner}
			owners[a.Owner] = o
			p.Owners = append(p.Owners, o)
		}
		o.Actions = append(o.Actions, a)
	}
	sort.SliceStable(p.Owners, func(i, j int) bool {
		a, b := p.Owners[i].Name, p.Owners[j].Name
		if (a == "") != (b == "") {
			return a == ""
		}
		return strings.ToLower(a) < strings.ToLower(b)
	})
	for _, o := range p.Owners {
		sort.SliceStable(o.Actions, func(i, j int) bool {
			a, b := o.Actions[i], o.Actions[j]
			if ra, rb := statusRank(a.Status), statusRank(b.Status); ra != rb {
				return ra < rb
			}
			if (a.Due == "") != (b.Due == "") {
				return b.Due == ""
			}
			return a.DueDate.Compare(b.DueDate) < 0
		})
	}
	p.Counts = count(all, actions)
}

// statusRank orders actions in an owner's list: work in progress first,
// then what is decided or planned, then ideas, then what is done.
func statusRank(s string) int {
	switch s {
	case blueprint.StatusInProgress:
		return 0
	case blueprint.StatusPlanned:
		return 1
	case blueprint.StatusDecided:
		return 2
	case blueprint.StatusIdea, "":
		return 3
	case blueprint.StatusDone:
		return 4
	}
	return 5
}

func count(ks []*Knelpunt, as []*Action) Counts {
	c := Counts{Knelpunten: len(ks), Actions: len(as), ByStatus: []StatusCount{}}
	for _, k := range ks {
		if !k.Answered {
			c.Unanswered++
		}
		if k.Solved {
			c.Solved++
		} else {
			c.Open++
		}
	}
	statuses := append(blueprint.ImprovementStatuses(), "")
	for _, s := range statuses {
		n := 0
		for _, a := range as {
			if a.Status == s {
				n++
			}
		}
		if n > 0 {
			c.ByStatus = append(c.ByStatus, StatusCount{Status: s, Count: n})
		}
	}
	return c
}

// average returns sum/n rounded to two decimals, or nil when n is 0.
func average(sum, n int) *float64 {
	if n == 0 {
		return nil
	}
	avg := math.Round(float64(sum)/float64(n)*100) / 100
	return &avg
}

func itoa(n int) string { return strconv.Itoa(n) }

// EmotionLabel writes an emotion with its sign and a real minus: +1, 0, −2.
func EmotionLabel(e int) string {
	switch {
	case e > 0:
		return "+" + itoa(e)
	case e < 0:
		return "−" + itoa(-e)
	}
	return "0"
}
