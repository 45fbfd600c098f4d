package blueprint

// The model is a set of plain structs. Each struct mirrors one table of the
// TOML format; the `toml` tag gives the Dutch key a user writes on the
// workshop's wall, the Go name is English. The tag option "required" makes
// the loader report a missing key. Every element embeds Source, so later
// passes can point at the line where it was written.

// Model is everything loaded in one run: an optional project, the personas
// and the journeys, with the catalogues (built-in plus the project's own)
// that their references resolve against.
type Model struct {
	// Project holds the settings of blueprint.toml; it is never nil (an
	// empty Project when there was no project file).
	Project *Project
	// Vocabulary is the built-in vocabulary extended by the project.
	Vocabulary *Vocabulary
	// Personas are all personas: those of the project file and those
	// written inline in a journey, in load order.
	Personas []*Persona
	// Journeys are in file-name order.
	Journeys []*Journey
	// Files are the files read, slash-separated, in the order read.
	Files []string
}

// Persona looks a persona up by id.
func (m *Model) Persona(id string) *Persona {
	for _, p := range m.Personas {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Project is the optional blueprint.toml of a folder of journeys: who the
// journeys belong to, the dienstverleningsvisie they test, and the actors,
// channels, systems, domains and question types the project adds to the
// built-in catalogue.
type Project struct {
	Source
	File string `toml:"-"`
	// Organisation is the gemeente (or cooperation) the journeys belong to.
	Organisation string `toml:"organisatie"`
	// Municipalities lists the participating gemeenten, for title pages.
	Municipalities []string `toml:"gemeenten"`
	// Language is the default language of documents: "nl" or "en".
	Language string `toml:"taal"`
	// Vision holds the statements of the dienstverleningsvisie that a
	// journey can test.
	Vision []*VisionStatement `toml:"visie"`
	// Personas shared by several journeys, such as employee personas.
	Personas []*Persona `toml:"persona"`
	// Extra catalogue entries beyond the built-in ones.
	Actors        []*Actor        `toml:"actor"`
	Channels      []*Channel      `toml:"kanaal"`
	Systems       []*System       `toml:"systeem"`
	Domains       []*Domain       `toml:"domein"`
	QuestionTypes []*QuestionType `toml:"vraagsoort"`
	// Priorities fix the priority of requirements for the whole project.
	Priorities []*PriorityOverride `toml:"prioriteit"`
}

// VisionStatement is one statement of the dienstverleningsvisie, such as
// "Wij denken mee en zijn proactief".
type VisionStatement struct {
	Source
	ID   string `toml:"id,required"`
	Text string `toml:"tekst,required"`
	// Theme groups statements, for example "Proactief" or "Eén loket".
	Theme string `toml:"thema"`
}

// Persona is a person whose journey is told (an inwoner, ondernemer or
// instelling) or an employee who serves them. Role names an actor of the
// catalogue; its kind decides whether the persona is a customer or an
// employee. Employee personas carry knelpunten and succesfactoren.
type Persona struct {
	Source
	ID           string   `toml:"id,required"`
	Name         string   `toml:"naam,required"`
	Role         string   `toml:"rol,required"`
	Description  string   `toml:"beschrijving"`
	Quote        string   `toml:"citaat"`
	Goals        []string `toml:"doelen"`
	Needs        []string `toml:"behoeften"`
	Frustrations []string `toml:"frustraties"`
	// PainPoints and SuccessFactors are for employee personas only.
	PainPoints     []string `toml:"knelpunten"`
	SuccessFactors []string `toml:"succesfactoren"`
}

// PersonaRef is the value of a journey's persona key: either the id of a
// persona defined elsewhere (persona = "johan") or a persona written inline
// as a [persona] table.
type PersonaRef struct {
	Source
	ID     string
	Inline *Persona
}

// Journey is one klantreis: a persona going through steps, grouped in
// phases, from a trigger to a goal.
type Journey struct {
	Source
	// File is the file the journey was read from.
	File  string `toml:"-"`
	ID    string `toml:"id,required"`
	Title string `toml:"titel,required"`
	// PersonaRef is what the file says; Persona is what it resolved to.
	PersonaRef  PersonaRef `toml:"persona,required"`
	Persona     *Persona   `toml:"-"`
	Description string     `toml:"beschrijving"`
	// Trigger is what makes the persona start (aanleiding).
	Trigger string `toml:"aanleiding"`
	// Goal is what the persona wants to achieve.
	Goal string `toml:"doel"`
	// Domain is a domain id from the catalogue, such as "openbare-ruimte".
	Domain string `toml:"domein,required"`
	// QuestionType is the main question type; a step may override it.
	QuestionType string `toml:"vraagsoort,required"`
	// Vision is the id of the vision statement this journey tests.
	Vision string `toml:"visie"`
	// Municipality is the gemeente whose journey this is; in a folder
	// shared by several gemeenten it keeps who made each journey. When the
	// project lists its gemeenten, it is one of them.
	Municipality string `toml:"gemeente"`
	// Period is when the journey was mapped or took place, as written:
	// "voorjaar 2024", "januari tot maart 2025".
	Period string `toml:"periode"`
	// SecondaryDomains and SecondaryQuestionTypes are the other domains
	// and question types the journey touches, beside the main ones.
	SecondaryDomains       []string `toml:"nevendomeinen"`
	SecondaryQuestionTypes []string `toml:"nevenvraagsoorten"`
	// Phases are in the order of the journey.
	Phases []*Phase `toml:"fase,required"`
	// Steps are in the order of the journey; columns of the blueprint.
	Steps []*Step `toml:"stap,required"`
	// Spans are lead times across steps (doorlooptijden), such as "98
	// dagen van aanvraag tot besluit", with the legal deadline beside them.
	Spans []*Span `toml:"doorlooptijd"`
	// Improvements are the verbeteracties that answer its pain points.
	Improvements []*Improvement `toml:"verbeteractie"`
	// Priorities fix the priority of requirements this journey needs.
	Priorities []*PriorityOverride `toml:"prioriteit"`

	// decodeErrors is set when the file had errors of keys or types; the
	// completeness warnings then wait until those are fixed.
	decodeErrors bool
}

// Step looks a step up by id.
func (j *Journey) Step(id string) *Step {
	for _, s := range j.Steps {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Phase looks a phase up by id.
func (j *Journey) Phase(id string) *Phase {
	for _, p := range j.Phases {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Phase is a stage of the journey, such as "Oriënteren" or "Melden", with
// the metrics measured in it.
type Phase struct {
	Source
	ID          string    `toml:"id,required"`
	Name        string    `toml:"naam,required"`
	Description string    `toml:"beschrijving"`
	Metrics     []*Metric `toml:"meetpunt"`
}

// Metric is something measured in a phase: a KPI with its definition, or
// a metric of the built-in catalogue (catalogus = "herhaalcontact") whose
// definition it takes, and the measurements that show whether the phase
// improves against its norm.
type Metric struct {
	Source
	// ID names the metric for a verbeteractie (meetpunten = ["…"]); a
	// metric from the catalogue is also known by its catalogue id.
	ID string `toml:"id"`
	// Catalogue is the id of a metric of the built-in catalogue
	// (MetricCatalogue); Name, Definition, Unit and DataSource then default
	// to the catalogue's. Standard is what it resolved to.
	Catalogue string          `toml:"catalogus"`
	Standard  *StandardMetric `toml:"-"`
	// Name and Definition are required unless Catalogue is given.
	Name       string `toml:"naam"`
	Definition string `toml:"definitie"`
	Unit       string `toml:"eenheid"`
	// DataSource says where the number comes from (KCC-systeem, KTO, ...).
	DataSource string `toml:"bron"`
	// Target is the norm, for example "minstens 80%" or "minder dan 10%";
	// its first number is what measurements are judged against.
	Target string `toml:"norm"`
	// Window fills the {termijn} of a catalogue metric's definition, such
	// as "30 dagen" for herhaalcontact within 30 days.
	Window *Duration `toml:"termijn"`
	// Measurements are the values measured over time, in any order.
	Measurements []*Measurement `toml:"meting"`
}

// Step is one column of the service blueprint: what the customer does and
// sees, what employees do in front of and behind the line of visibility,
// and the systems that support them.
type Step struct {
	Source
	ID    string `toml:"id,required"`
	Phase string `toml:"fase,required"`
	Title string `toml:"titel,required"`
	// Channel is a channel id; empty for a step without customer contact.
	// The key also takes a list (kanaal = ["post", "mijn-omgeving"]):
	// Channel is then the first, the main channel, and ExtraChannels the
	// others (a letter with a copy in the Mijn-omgeving).
	Channel       string   `toml:"kanaal"`
	ExtraChannels []string `toml:"-"`
	// Actors lists actors involved beyond those named in the lanes.
	Actors []string `toml:"actoren"`
	// QuestionType overrides the journey's question type for this step.
	QuestionType string `toml:"vraagsoort"`
	// Domain overrides the journey's domain for this step (a call about
	// the precario in a journey of Ondernemen belongs to Belastingen).
	Domain string `toml:"domein"`
	// SelfService marks a step in which nobody of the gemeente acts: the
	// customer does it alone (a website, an e-form), a system does it (an
	// automatic letter), or someone outside the gemeente does it (the
	// other parent signs). It needs no frontoffice or backoffice.
	SelfService bool `toml:"zelfservice"`

	// Evidence is the physical evidence or touchpoint the customer sees:
	// a letter, a web page, a confirmation e-mail.
	Evidence string `toml:"bewijs"`
	// CustomerAction is what the customer does.
	CustomerAction string `toml:"klantactie"`
	// Frontstage actions are visible to the customer.
	Frontstage []*Action `toml:"frontoffice"`
	// Backstage actions are invisible to the customer.
	Backstage []*Action `toml:"backoffice"`
	// Support lists the support processes and systems.
	Support []*Support `toml:"ondersteuning"`

	// Emotion is the customer's feeling on the scale -2..+2; nil when the
	// customer is not involved in the step.
	Emotion *int `toml:"emotie"`
	// DesiredEmotion is the feeling the gemeente wants to reach.
	DesiredEmotion *int `toml:"gewenste_emotie"`
	// Heartbeat is false (hartslag = false) for a step whose emotion
	// stays in the journey's data but is left out of the heartbeat drawn
	// on the diagram; nil or true shows it. Use InHeartbeat.
	Heartbeat *bool `toml:"hartslag"`
	// Wait is the time the customer waits before this step: the first of
	// Waits, kept for readers that need one number.
	Wait *Duration `toml:"wachttijd"`
	// Waits are all the waits before this step: wachttijd = "2 weken"
	// gives one; wachttijd as a table or a list of tables gives several,
	// each with what the customer waits for, the step it counts from, a
	// deadline, and, in a loop, the round it belongs to.
	Waits []*Wait `toml:"-"`
	// Duration is how long the step takes.
	Duration *Duration `toml:"duur"`
	// Day is the day of the journey on which the step happens, counting
	// from day 0 (dag = 24); Elapsed is the time since the start of the
	// journey (na = "6 weken"). At most one of the two is given.
	Day     *int      `toml:"dag"`
	Elapsed *Duration `toml:"na"`

	PainPoints     []string `toml:"knelpunten"`
	SuccessFactors []string `toml:"succesfactoren"`
	// FailPoint marks a step where the service often fails. The key takes
	// true, or the reason as text (faalpunt = "De melding sluit
	// automatisch"), which FailPointReason holds.
	FailPoint       bool   `toml:"faalpunt"`
	FailPointReason string `toml:"-"`
	// RepeatContact marks a customer contacting the gemeente again about
	// the same question; like faalpunt, the key takes true or a reason.
	RepeatContact       bool   `toml:"herhaalcontact"`
	RepeatContactReason string `toml:"-"`
	// Needs are functional needs in the customer's or the adviser's
	// words: always free text, read by the text rules of the requirements
	// catalogue.
	Needs []string `toml:"behoeften"`
	// Refs name requirements of the catalogue outright: requirement ids
	// ("KCC-WF-004") or function keys ("contactverzoeken").
	Refs []string `toml:"eisen"`
	// Next lists the step ids that follow. When the key is absent the flow
	// goes to the next step in the file; an empty list ends the flow. An
	// element may be a table with the condition of a branch
	// ({ stap = "…", als = "alcohol: ja" }); NextSteps holds every element
	// with its condition and position, Next only the ids.
	Next      []string    `toml:"volgende"`
	NextSteps []*NextStep `toml:"-"`
	// Handoffs are transfers of the customer's question between actors.
	Handoffs []*Handoff `toml:"overdracht"`
	// Note is free text for the wall.
	Note string `toml:"toelichting"`
}

// Channels returns every channel of the step, the main one first; none
// for a step without customer contact.
func (s *Step) Channels() []string {
	if s.Channel == "" {
		return nil
	}
	return append([]string{s.Channel}, s.ExtraChannels...)
}

// InHeartbeat reports whether the diagram's heartbeat shows the step's
// emotion: not when the step says hartslag = false.
func (s *Step) InHeartbeat() bool { return s.Heartbeat == nil || *s.Heartbeat }

// Action is a frontstage or backstage action of one actor.
type Action struct {
	Source
	Actor string `toml:"actor,required"`
	Text  string `toml:"actie,required"`
}

// Support is a support process, optionally naming a system.
type Support struct {
	Source
	// System is a system id from the catalogue, such as "zaaksysteem".
	System string `toml:"systeem"`
	Text   string `toml:"actie,required"`
}

// Handoff is the transfer of a question from one actor to another: the
// moment a customer gets sent around.
type Handoff struct {
	Source
	From string `toml:"van,required"`
	To   string `toml:"naar,required"`
	// Channel is how the question is passed on (e-mail, telefoon, ...).
	Channel string `toml:"kanaal"`
	Note    string `toml:"toelichting"`
}

// Improvement is a verbeteractie: what will change, which steps, pain
// points, employee knelpunten and metrics it answers, what effect is
// expected, who owns it, when it is due and how far it is. A rejected
// action (status afgewezen) stays in the file with its reason, so the plan
// shows what was decided against and why.
type Improvement struct {
	Source
	ID   string `toml:"id,required"`
	What string `toml:"wat,required"`
	// Steps are step ids the action answers; it answers their fail point,
	// long wait, low emotion and repeat contact.
	Steps []string `toml:"stappen"`
	// PainPoints refer to pain points as "stap-id/n", n counting from 1.
	PainPoints []string `toml:"knelpunten"`
	// PersonaPainPoints refer to knelpunten of (employee) personas as
	// "persona-id/n", n counting from 1.
	PersonaPainPoints []string `toml:"persona_knelpunten"`
	// Metrics refer to metrics of the journey by Metric.Key.
	Metrics []string `toml:"meetpunten"`
	// Effects are what the action is expected to change.
	Effects []*Effect `toml:"effect"`
	Owner   string    `toml:"eigenaar"`
	// Status is one of ImprovementStatuses: idee, besloten, gepland,
	// bezig, gereed or afgewezen.
	Status string `toml:"status"`
	// Horizon is one of ImprovementHorizons: kort, middellang or lang.
	Horizon string `toml:"horizon"`
	// Due is the date the action should be done by.
	Due Date `toml:"streefdatum"`
	// Reason says why the action was decided or rejected; required when
	// it was rejected.
	Reason string `toml:"reden"`
	Note   string `toml:"toelichting"`
}

// Effect is what a verbeteractie is expected to change: the customer's
// emotion at a step, or the value of a metric.
type Effect struct {
	Source
	// Step and Emotion: the emotion expected at the step afterwards.
	Step    string `toml:"stap"`
	Emotion *int   `toml:"emotie"`
	// Metric and Value: the value expected of the metric (Metric.Key).
	Metric string   `toml:"meetpunt"`
	Value  *float64 `toml:"waarde"`
	Note   string   `toml:"toelichting"`
}

// The statuses of a verbeteractie, in the order an action goes through
// them; a rejected action leaves that order.
const (
	StatusIdea       = "idee"
	StatusDecided    = "besloten"
	StatusPlanned    = "gepland"
	StatusInProgress = "bezig"
	StatusDone       = "gereed"
	StatusRejected   = "afgewezen"
)

// The horizons of a verbeteractie: a quick win within three months, within
// a year, or longer.
const (
	HorizonShort  = "kort"
	HorizonMedium = "middellang"
	HorizonLong   = "lang"
)

// ImprovementHorizons returns the allowed values of verbeteractie.horizon
// (a fresh slice each call).
func ImprovementHorizons() []string { return []string{HorizonShort, HorizonMedium, HorizonLong} }

// PriorityOverride fixes the priority of a requirement where the
// gemeenten decide otherwise than the evidence of the journeys proposes.
// The requirements package checks that the requirement exists.
type PriorityOverride struct {
	Source
	// Requirement is a requirement id ("KCC-KG-003") or a function key of
	// the requirements catalogue.
	Requirement string `toml:"eis,required"`
	// MoSCoW is one of must, should, could, wont.
	MoSCoW string `toml:"moscow"`
	// Kind is eis (knock-out) or wens (scored).
	Kind string `toml:"soort"`
	// Reason says why; it appears in the matrix.
	Reason string `toml:"reden,required"`
}

// MoSCoW priorities of a requirement, as written in moscow = "…" in a
// PriorityOverride and in the requirements catalogue. A "wont" keeps a
// requirement out of the matrix.
const (
	MoSCoWMust   = "must"
	MoSCoWShould = "should"
	MoSCoWCould  = "could"
	MoSCoWWont   = "wont"
)

// Requirement kinds, as written in soort = "…" in a PriorityOverride and in
// the requirements catalogue: a knock-out requirement (eis) that a vendor
// must meet, or a wish (wens) that is scored.
const (
	KindKO     = "eis"
	KindScored = "wens"
)

// MoSCoWValues returns the MoSCoW priorities, strongest first.
func MoSCoWValues() []string { return []string{MoSCoWMust, MoSCoWShould, MoSCoWCould, MoSCoWWont} }

// RequirementKinds returns the requirement kinds.
func RequirementKinds() []string { return []string{KindKO, KindScored} }

// Flow is an arrow from one step to the next.
type Flow struct {
	From, To *Step
	// Explicit is true when the file named the target with volgende.
	Explicit bool
	// Condition is the condition of a branch, as written in
	// volgende = [{ stap = "…", als = "…" }]; empty for a plain flow.
	Condition string
}

// Flows returns the arrows between the steps of j: the targets of volgende
// where given, otherwise the next step in file order. Unknown targets are
// skipped (the validator reports them).
func (j *Journey) Flows() []Flow {
	var flows []Flow
	for i, s := range j.Steps {
		if s.Has("volgende") {
			for k, id := range s.Next {
				if t := j.Step(id); t != nil {
					f := Flow{From: s, To: t, Explicit: true}
					if k < len(s.NextSteps) {
						f.Condition = s.NextSteps[k].Condition
					}
					flows = append(flows, f)
				}
			}
			continue
		}
		if i+1 < len(j.Steps) {
			flows = append(flows, Flow{From: s, To: j.Steps[i+1]})
		}
	}
	return flows
}

// StepActors returns the actors of a step: those listed in actoren, then
// those named in the lanes and hand-offs, each once, in that order. The
// customer (the persona's role) is included when the step has a customer
// action.
func (j *Journey) StepActors(s *Step) []string {
	seen := map[string]bool{}
	var out []string
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	if s.CustomerAction != "" && j.Persona != nil {
		add(j.Persona.Role)
	}
	for _, a := range s.Actors {
		add(a)
	}
	for _, a := range s.Frontstage {
		add(a.Actor)
	}
	for _, a := range s.Backstage {
		add(a.Actor)
	}
	for _, h := range s.Handoffs {
		add(h.From)
		add(h.To)
	}
	return out
}

// StepDomain returns the domain of a step: its own, or the journey's.
func (j *Journey) StepDomain(s *Step) string {
	if s.Domain != "" {
		return s.Domain
	}
	return j.Domain
}

// StepQuestionType returns the question type of a step: its own, or the
// journey's.
func (j *Journey) StepQuestionType(s *Step) string {
	if s.QuestionType != "" {
		return s.QuestionType
	}
	return j.QuestionType
}
