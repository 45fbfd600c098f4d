package blueprint

import (
	"bytes"
	"encoding/json"
)

// JourneySummary holds the counts an adviser looks at first. Its JSON form
// is what `blueprint summary --format json` prints.
type JourneySummary struct {
	ID             string   `json:"id"`
	Title          string   `json:"title"`
	Persona        string   `json:"persona"`                // persona name
	Municipality   string   `json:"municipality,omitempty"` // the journey's gemeente
	Domain         string   `json:"domain"`                 // domain id
	QuestionType   string   `json:"questionType"`           // question type id
	Steps          int      `json:"steps"`                  // number of steps
	Phases         int      `json:"phases"`                 // number of phases
	Channels       []string `json:"channels"`               // channel ids in order of first use
	Actors         []string `json:"actors"`                 // actor ids in order of first appearance
	Handoffs       int      `json:"handoffs"`
	PainPoints     int      `json:"painPoints"`
	FailPoints     int      `json:"failPoints"`
	RepeatContacts int      `json:"repeatContacts"`
	Improvements   int      `json:"improvements"`
	// LowestEmotion is the lowest emotion and the first step where it
	// occurs; LowestStep is nil when no step has an emotion.
	LowestEmotion int   `json:"-"`
	LowestStep    *Step `json:"-"`
}

// MarshalJSON writes the summary with the lowest emotion as null when no
// step has one, the lowest step by id, and empty lists as [].
func (s JourneySummary) MarshalJSON() ([]byte, error) {
	type plain JourneySummary
	out := struct {
		plain
		LowestEmotion *int   `json:"lowestEmotion"`
		LowestStep    string `json:"lowestStep,omitempty"`
	}{plain: plain(s)}
	if out.Channels == nil {
		out.Channels = []string{}
	}
	if out.Actors == nil {
		out.Actors = []string{}
	}
	if s.LowestStep != nil {
		e := s.LowestEmotion
		out.LowestEmotion, out.LowestStep = &e, s.LowestStep.ID
	}
	// An encoder, not json.Marshal, so that "&" and "<" in a title stay
	// as written.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Summarize counts the steps, channels, actors, hand-offs and pain points
// of a journey and finds its lowest emotion.
func Summarize(j *Journey) JourneySummary {
	s := JourneySummary{
		ID: j.ID, Title: j.Title, Municipality: j.Municipality, Domain: j.Domain, QuestionType: j.QuestionType,
		Steps: len(j.Steps), Phases: len(j.Phases), Improvements: len(j.Improvements),
	}
	if j.Persona != nil {
		s.Persona = j.Persona.Name
	}
	channels := map[string]bool{}
	actors := map[string]bool{}
	for _, st := range j.Steps {
		for _, ch := range append(st.Channels(), handoffChannels(st)...) {
			if ch != "" && !channels[ch] {
				channels[ch] = true
				s.Channels = append(s.Channels, ch)
			}
		}
		for _, a := range j.StepActors(st) {
			if !actors[a] {
				actors[a] = true
				s.Actors = append(s.Actors, a)
			}
		}
		s.Handoffs += len(st.Handoffs)
		s.PainPoints += len(st.PainPoints)
		if st.FailPoint {
			s.FailPoints++
		}
		if st.RepeatContact {
			s.RepeatContacts++
		}
		if st.Emotion != nil && (s.LowestStep == nil || *st.Emotion < s.LowestEmotion) {
			s.LowestEmotion, s.LowestStep = *st.Emotion, st
		}
	}
	return s
}

func handoffChannels(st *Step) []string {
	var out []string
	for _, h := range st.Handoffs {
		out = append(out, h.Channel)
	}
	return out
}
