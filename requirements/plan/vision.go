package plan

import "github.com/dimpact/blueprint/blueprint"

// Coverage says, for each statement of the dienstverleningsvisie, which
// journeys test it and how the customer fares in them: after about eight
// journeys a gemeente sees whether its visie is being realised.
type Coverage struct {
	Lang         blueprint.Lang `json:"language"`
	Organisation string         `json:"organisation"`
	// Statements come untested first, then tested, each group in the
	// order of the project file.
	Statements []*Statement `json:"statements"`
	// Untested counts the statements no journey tests.
	Untested int `json:"untested"`
	// Untargeted are the journeys that test no statement.
	Untargeted []*StatementJourney `json:"untargeted"`
}

// Statement is one statement of the visie with the journeys that test it.
type Statement struct {
	ID    string `json:"id"`
	Theme string `json:"theme"`
	Text  string `json:"text"`
	// Journeys test the statement (visie = "…"), in load order.
	Journeys []*StatementJourney `json:"journeys"`
	// LowestEmotion and AverageEmotion are over every step with an
	// emotion in those journeys; nil when there is none.
	LowestEmotion  *int     `json:"lowest_emotion"`
	AverageEmotion *float64 `json:"average_emotion"`
	// Counts sum up the knelpunten and actions of those journeys.
	Counts Counts `json:"counts"`
	// Unanswered are their knelpunten without a live action, in journey
	// and step order: what stands between the journeys and the statement.
	Unanswered []*Knelpunt `json:"unanswered"`
	// Actions are their actions, rejected ones included.
	Actions []*Action     `json:"actions"`
	Pos     blueprint.Pos `json:"-"`
}

// Tested reports whether a journey tests the statement.
func (s *Statement) Tested() bool { return len(s.Journeys) > 0 }

// StatementJourney is a journey as the visie report shows it.
type StatementJourney struct {
	ID             string   `json:"id"`
	Title          string   `json:"title"`
	LowestEmotion  *int     `json:"lowest_emotion"`
	LowestStep     string   `json:"lowest_step,omitempty"`
	AverageEmotion *float64 `json:"average_emotion"`
	Counts         Counts   `json:"counts"`
}

// Vision derives the visie coverage of the journeys of m from their plan
// (Derive). It is pure.
func Vision(m *blueprint.Model, p *Plan) *Coverage {
	c := &Coverage{Lang: p.Lang, Organisation: p.Organisation, Statements: []*Statement{}, Untargeted: []*StatementJourney{}}
	var tested, untested []*Statement
	for _, v := range m.Project.Vision {
		s := &Statement{ID: v.ID, Theme: v.Theme, Text: v.Text, Journeys: []*StatementJourney{}, Unanswered: []*Knelpunt{}, Actions: []*Action{}, Pos: v.Pos}
		var ks []*Knelpunt
		sum, n := 0, 0
		for _, j := range p.Journeys {
			if j.Vision != v.ID {
				continue
			}
			s.Journeys = append(s.Journeys, statementJourney(j))
			ks = append(ks, j.Knelpunten...)
			s.Actions = append(s.Actions, j.Actions...)
			for _, st := range j.Model.Steps {
				if st.Emotion == nil {
					continue
				}
				if s.LowestEmotion == nil || *st.Emotion < *s.LowestEmotion {
					e := *st.Emotion
					s.LowestEmotion = &e
				}
				sum += *st.Emotion
				n++
			}
		}
		s.AverageEmotion = average(sum, n)
		for _, k := range ks {
			if !k.Answered {
				s.Unanswered = append(s.Unanswered, k)
			}
		}
		s.Counts = count(ks, s.Actions)
		if s.Tested() {
			tested = append(tested, s)
		} else {
			untested = append(untested, s)
		}
	}
	c.Statements = append(append(c.Statements, untested...), tested...)
	c.Untested = len(untested)
	for _, j := range p.Journeys {
		if j.Vision == "" || m.Project.VisionStatement(j.Vision) == nil {
			c.Untargeted = append(c.Untargeted, statementJourney(j))
		}
	}
	return c
}

func statementJourney(j *Journey) *StatementJourney {
	return &StatementJourney{ID: j.ID, Title: j.Title, LowestEmotion: j.LowestEmotion, LowestStep: j.LowestStep,
		AverageEmotion: j.AverageEmotion, Counts: j.Counts}
}
