package plan

import (
	"time"

	"github.com/dimpact/blueprint/blueprint"
)

// Options configure Derive. The zero value means defaults.
type Options struct {
	// Lang is the language of the texts the plan fills in (names of
	// catalogue metrics, labels of signals); zero means Dutch.
	Lang blueprint.Lang
	// LongWait is from how long a wait before a step is a knelpunt (unless
	// the customer's emotion there is positive); zero means
	// DefaultLongWait.
	LongWait time.Duration
	// LongQueue is from how long a wait of less than a day before a step
	// on a live channel (telephone, chat, desk, video) is a knelpunt: a
	// wait in the queue; zero means DefaultLongQueue.
	LongQueue time.Duration
}

// The default thresholds of a long wait.
const (
	// DefaultLongWait is a week: "1 week", "5 werkdagen", "7 dagen".
	DefaultLongWait = 7 * 24 * time.Hour
	// DefaultLongQueue is two minutes in a queue.
	DefaultLongQueue = 2 * time.Minute
)

// LowEmotion is the emotion at or below which a step is a knelpunt.
const LowEmotion = -1

// Kind is what a knelpunt is.
type Kind string

// The kinds of knelpunt.
const (
	// KindPainPoint is a pain point written at a step (knelpunten = […]).
	KindPainPoint Kind = "knelpunt"
	// KindStep is a step with signals: a fail point, a long wait, an
	// emotion of -1 or lower, a repeat contact. An action that names the
	// step (stappen, or an effect on it) answers it.
	KindStep Kind = "stap"
	// KindEmployee is a knelpunt of an employee persona.
	KindEmployee Kind = "medewerker"
)

// Signal is one reason a step is a knelpunt.
type Signal struct {
	// Kind is faalpunt, wachttijd, emotie or herhaalcontact.
	Kind string `json:"kind"`
	// Label says it for readers: "wacht 2 weken", "emotie −2".
	Label string `json:"label"`
}

// The signal kinds.
const (
	SignalFailPoint = "faalpunt"
	SignalWait      = "wachttijd"
	SignalEmotion   = "emotie"
	SignalRepeat    = "herhaalcontact"
)

// ActionRef names a verbeteractie from elsewhere in the plan.
type ActionRef struct {
	Journey string `json:"journey"`
	ID      string `json:"id"`
	Status  string `json:"status"`
}

// Knelpunt is one thing that goes wrong, with the actions that answer it.
type Knelpunt struct {
	Kind Kind `json:"kind"`
	// Ref is how a verbeteractie names it: "belt-kcc/1" (a pain point),
	// "belt-kcc" (a step), "sanne/2" (a persona's knelpunt).
	Ref string `json:"ref"`
	// Journey and Step locate a pain point or step; empty for an employee
	// knelpunt.
	Journey      string `json:"journey,omitempty"`
	JourneyTitle string `json:"journey_title,omitempty"`
	Phase        string `json:"phase,omitempty"`
	PhaseName    string `json:"phase_name,omitempty"`
	Step         string `json:"step,omitempty"`
	StepTitle    string `json:"step_title,omitempty"`
	// Persona and PersonaName name the persona of an employee knelpunt.
	Persona     string `json:"persona,omitempty"`
	PersonaName string `json:"persona_name,omitempty"`
	// Text is the pain point as written; for a step, its signals.
	Text    string   `json:"text"`
	Signals []Signal `json:"signals,omitempty"`
	// Actions answer it, in the order of the journeys and their actions.
	Actions []ActionRef `json:"actions"`
	// Answered is true when an action that is not rejected answers it;
	// Solved when one of them is done (gereed).
	Answered bool `json:"answered"`
	Solved   bool `json:"solved"`
	// At is where it was written, as file:line:col.
	At  string        `json:"at"`
	Pos blueprint.Pos `json:"-"`
}

// Effect is what an action is expected to change, with the value now.
type Effect struct {
	// Step, StepTitle, Now and Expected: the emotion at a step.
	Step            string `json:"step,omitempty"`
	StepTitle       string `json:"step_title,omitempty"`
	EmotionNow      *int   `json:"emotion_now,omitempty"`
	EmotionExpected *int   `json:"emotion_expected,omitempty"`
	// Metric, MetricName, ValueNow and ValueExpected: a metric's value.
	Metric        string   `json:"metric,omitempty"`
	MetricName    string   `json:"metric_name,omitempty"`
	Unit          string   `json:"unit,omitempty"`
	ValueNow      *float64 `json:"value_now,omitempty"`
	ValueExpected *float64 `json:"value_expected,omitempty"`
	Note          string   `json:"note,omitempty"`
}

// Action is one verbeteractie of a journey.
type Action struct {
	Journey      string `json:"journey"`
	JourneyTitle string `json:"journey_title"`
	ID           string `json:"id"`
	What         string `json:"what"`
	Owner        string `json:"owner"`
	// Status is as written (idee, besloten, gepland, bezig, gereed,
	// afgewezen), or empty.
	Status  string `json:"status"`
	Horizon string `json:"horizon"`
	// Due is the target date as written ("2026-06-30" or "2026-06");
	// DueDate is the same as a date.
	Due     string         `json:"due"`
	DueDate blueprint.Date `json:"-"`
	Reason  string         `json:"reason"`
	Note    string         `json:"note"`
	// Steps are the step ids it names; Answers the refs of the knelpunten
	// it answers: its pain points, the steps it names or has an effect on
	// that have signals, and persona knelpunten.
	Steps   []string `json:"steps"`
	Answers []string `json:"answers"`
	// Metrics are the keys of the metrics it names or has an effect on.
	Metrics []string `json:"metrics"`
	Effects []Effect `json:"effects"`
	At      string   `json:"at"`

	Pos         blueprint.Pos          `json:"-"`
	Improvement *blueprint.Improvement `json:"-"`
}

// Ref returns the reference to a.
func (a *Action) Ref() ActionRef { return ActionRef{Journey: a.Journey, ID: a.ID, Status: a.Status} }

// Live reports whether a counts as an answer: it is not rejected.
func (a *Action) Live() bool { return a.Status != blueprint.StatusRejected }

// Measurement is one measured value of a metric.
type Measurement struct {
	Date  string  `json:"date"`
	Label string  `json:"label"`
	Value float64 `json:"value"`
	Text  string  `json:"text"` // the value with its unit, for readers
	Note  string  `json:"note,omitempty"`
}

// Verdicts of a metric's last measurement against its norm.
const (
	VerdictMeets  = "gehaald"
	VerdictMisses = "niet gehaald"
)

// Metric is a metric of a phase with its measurements and the verdict of
// the last one against the norm.
type Metric struct {
	Journey    string `json:"journey"`
	Phase      string `json:"phase"`
	PhaseName  string `json:"phase_name"`
	Key        string `json:"key"`
	Catalogue  string `json:"catalogue,omitempty"`
	Name       string `json:"name"`
	Definition string `json:"definition"`
	Unit       string `json:"unit"`
	Source     string `json:"source"`
	Norm       string `json:"norm"`
	// Measurements are oldest first; Last is the latest, or nil.
	Measurements []Measurement `json:"measurements"`
	Last         *Measurement  `json:"last"`
	// Verdict is VerdictMeets, VerdictMisses, or empty when there is no
	// measurement or no norm with a number.
	Verdict string `json:"verdict"`
	// Trend is +1 when the last measurement moved towards the norm's
	// better side, -1 away from it, 0 otherwise.
	Trend int `json:"trend"`
	// Actions name the metric or have an effect on it.
	Actions []ActionRef   `json:"actions"`
	At      string        `json:"at"`
	Pos     blueprint.Pos `json:"-"`
}

// Counts sum up knelpunten and actions.
type Counts struct {
	Knelpunten int `json:"knelpunten"`
	// Unanswered have no live action; Open are not solved.
	Unanswered int `json:"unanswered"`
	Open       int `json:"open"`
	Solved     int `json:"solved"`
	Actions    int `json:"actions"`
	// ByStatus counts the actions per status, in the order of
	// blueprint.ImprovementStatuses, then those without a status.
	ByStatus []StatusCount `json:"by_status"`
}

// StatusCount is the number of actions with a status.
type StatusCount struct {
	Status string `json:"status"`
	Count  int    `json:"count"`
}

// Journey is the plan of one journey.
type Journey struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	File    string `json:"file"`
	Persona string `json:"persona"`
	Vision  string `json:"vision"`
	// LowestEmotion is the lowest emotion of a step, and LowestStep its
	// step (the first where it occurs); AverageEmotion is the mean over
	// the steps with an emotion. All three are empty without emotions.
	LowestEmotion  *int     `json:"lowest_emotion"`
	LowestStep     string   `json:"lowest_step,omitempty"`
	AverageEmotion *float64 `json:"average_emotion"`
	// Knelpunten are in step order: per step its signals, then its pain
	// points.
	Knelpunten []*Knelpunt `json:"knelpunten"`
	Actions    []*Action   `json:"actions"`
	Metrics    []*Metric   `json:"metrics"`
	// Employees are the employee personas that act in this journey.
	Employees []string `json:"employees"`
	Counts    Counts   `json:"counts"`

	Model *blueprint.Journey `json:"-"`
}

// Appearance is where an employee persona acts in a journey.
type Appearance struct {
	Journey   string `json:"journey"`
	Step      string `json:"step"`
	StepTitle string `json:"step_title"`
	// Lane is frontoffice, backoffice or overdracht.
	Lane string        `json:"lane"`
	Text string        `json:"text"`
	At   string        `json:"at"`
	Pos  blueprint.Pos `json:"-"`
}

// Employee is an employee persona with its knelpunten and where it acts.
type Employee struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Role is the actor id; RoleName its name.
	Role        string        `json:"role"`
	RoleName    string        `json:"role_name"`
	Knelpunten  []*Knelpunt   `json:"knelpunten"`
	Appearances []Appearance  `json:"appearances"`
	Pos         blueprint.Pos `json:"-"`
}

// Owner is someone who holds actions.
type Owner struct {
	// Name is the owner as written; empty for the actions without one.
	Name string `json:"name"`
	// Actions are the owner's actions that are not rejected, by status
	// (done last) and target date.
	Actions []*Action `json:"actions"`
}

// Plan is the verbeterplan of a folder of journeys (or of one journey):
// every knelpunt with the actions that answer it, the knelpunten no action
// answers yet first, the actions per owner, the rejected actions with
// their reasons, and the metrics with their last value against the norm.
type Plan struct {
	Lang           blueprint.Lang `json:"language"`
	Organisation   string         `json:"organisation"`
	Municipalities []string       `json:"municipalities"`
	Journeys       []*Journey     `json:"journeys"`
	Employees      []*Employee    `json:"employees"`
	// Unanswered are the knelpunten without a live action: those of the
	// journeys in journey and step order, then those of the employees.
	Unanswered []*Knelpunt `json:"unanswered"`
	// Owners hold the actions that are not rejected: those without an
	// owner first, then by name.
	Owners []*Owner `json:"owners"`
	// Rejected are the rejected actions, with their reasons.
	Rejected []*Action `json:"rejected"`
	// Measured are the metrics with at least one measurement.
	Measured []*Metric `json:"measured"`
	Counts   Counts    `json:"counts"`
}

// Action looks an action up by reference.
func (p *Plan) Action(r ActionRef) *Action {
	for _, j := range p.Journeys {
		if j.ID != r.Journey {
			continue
		}
		for _, a := range j.Actions {
			if a.ID == r.ID {
				return a
			}
		}
	}
	return nil
}
