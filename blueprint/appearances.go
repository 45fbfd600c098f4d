package blueprint

// Appearance is a place where a persona acts in a journey: a lane action
// of the actor that is the persona's role, a hand-off from or to it, or,
// for a customer persona, a customer action in its own journey.
type Appearance struct {
	Journey *Journey
	Step    *Step
	// Lane is the key of the lane or table: "klantactie", "frontoffice",
	// "backoffice" or "overdracht".
	Lane string
	// Text is what the persona does there: the action, or the hand-off's
	// note (or "van → naar" when it has none).
	Text string
	// Pos is where it was written.
	Pos Pos
}

// Appearances returns where persona p acts in the journeys of m, derived
// from its role: an employee persona (rol = "kcc-medewerker") appears in
// every frontoffice and backoffice action and hand-off of that actor; a
// customer persona in the customer actions of the journeys that are its
// own. The order is that of the journeys and steps.
func (m *Model) Appearances(p *Persona) []Appearance {
	if p == nil {
		return nil
	}
	var out []Appearance
	customer := false
	if a := m.Vocabulary.Actor(p.Role); a != nil && a.Kind == ActorCustomer {
		customer = true
	}
	for _, j := range m.Journeys {
		if customer {
			if j.Persona != p {
				continue
			}
			for _, s := range j.Steps {
				if s.CustomerAction != "" {
					out = append(out, Appearance{Journey: j, Step: s, Lane: "klantactie", Text: s.CustomerAction, Pos: s.At("klantactie")})
				}
			}
			continue
		}
		for _, s := range j.Steps {
			for _, lane := range []struct {
				key     string
				actions []*Action
			}{{"frontoffice", s.Frontstage}, {"backoffice", s.Backstage}} {
				for _, a := range lane.actions {
					if a.Actor == p.Role && p.Role != "" {
						out = append(out, Appearance{Journey: j, Step: s, Lane: lane.key, Text: a.Text, Pos: a.Pos})
					}
				}
			}
			for _, h := range s.Handoffs {
				if p.Role != "" && (h.From == p.Role || h.To == p.Role) {
					text := h.Note
					if text == "" {
						text = h.From + " → " + h.To
					}
					out = append(out, Appearance{Journey: j, Step: s, Lane: "overdracht", Text: text, Pos: h.Pos})
				}
			}
		}
	}
	return out
}
