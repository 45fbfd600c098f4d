package blueprint

// JourneySummary holds the counts an adviser looks at first.
type JourneySummary struct {
	ID, Title      string
	Persona        string   // persona name
	Domain         string   // domain id
	QuestionType   string   // question type id
	Steps          int      // number of steps
	Phases         int      // number of phases
	Channels       []string // channel ids in order of first use
	Actors         []string // actor ids in order of first appearance
	Handoffs       int
	PainPoints     int
	FailPoints     int
	RepeatContacts int
	Improvements   int
	// LowestEmotion is the lowest emotion and the first step where it
	// occurs; LowestStep is nil when no step has an emotion.
	LowestEmotion int
	LowestStep    *Step
}

// Summarize counts the steps, channels, actors, hand-offs and pain points
// of a journey and finds its lowest emotion.
func Summarize(j *Journey) JourneySummary {
	s := JourneySummary{
		ID: j.ID, Title: j.Title, Domain: j.Domain, QuestionType: j.QuestionType,
		Steps: len(j.Steps), Phases: len(j.Phases), Improvements: len(j.Improvements),
	}
	if j.Persona != nil {
		s.Persona = j.Persona.Name
	}
	channels := map[string]bool{}
	actors := map[string]bool{}
	for _, st := range j.Steps {
		for _, ch := range append([]string{st.Channel}, handoffChannels(st)...) {
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
