package blueprint

import (
	"reflect"
	"strings"
	"time"
)

// Keys that take more than one shape. The simple shape a beginner writes
// keeps working (faalpunt = true, kanaal = "post", wachttijd = "2 weken",
// volgende = ["b"]); the richer shape says more where an adviser needs it
// (a reason, a second channel, several waits, the condition of a branch).
// The Step keeps its plain fields (FailPoint, Channel, Wait, Next) for
// every reader, and the richer fields beside them.

// Wait is one wait of the customer before a step: how long, for what,
// counted from which step, against which deadline, and in a loop, in which
// round.
type Wait struct {
	Source
	// Duration is how long the customer waits: "5 weken", "2-4 weken".
	Duration *Duration `toml:"duur,required"`
	// For is what the customer waits for: "een vrije plek in de agenda".
	For string `toml:"op"`
	// From is the id of the step the wait counts from; empty means the
	// step before this one in the flow.
	From string `toml:"vanaf"`
	// Deadline is the time allowed for it: a service norm or a legal
	// deadline ("2 werkdagen", the terugbelnorm).
	Deadline *Duration `toml:"termijn"`
	// Round is the pass through a loop the wait belongs to, counting from
	// 1 (14 days the first time, 10 days the second); 0 when the step is
	// not repeated.
	Round int    `toml:"ronde"`
	Note  string `toml:"toelichting"`
}

// Over reports whether the wait is longer than its deadline.
func (w *Wait) Over() bool {
	return w.Duration != nil && w.Deadline != nil && w.Duration.Approx() > w.Deadline.Approx()
}

// Span is a lead time across steps (a doorlooptijd), such as "98 dagen van
// aanvraag tot besluit", with the legal deadline beside it.
type Span struct {
	Source
	// Name says what the span is: "Van aanvraag tot besluit".
	Name string `toml:"naam"`
	// From and To are the ids of the first and the last step of the span.
	From string `toml:"van,required"`
	To   string `toml:"tot,required"`
	// Duration is how long it took; without it, the span takes the
	// difference of the two steps' dag or na.
	Duration *Duration `toml:"duur"`
	// Deadline is the time the law or a norm allows (Awb 4:13: 8 weken);
	// Extension is the extension allowed beside it (Awb 4:14) and
	// Suspension the time the clock stood still (Awb 4:15).
	Deadline   *Duration `toml:"termijn"`
	Extension  *Duration `toml:"verlenging"`
	Suspension *Duration `toml:"opschorting"`
	// Basis is the legal basis of the deadline: "Awb art. 4:13".
	Basis string `toml:"grondslag"`
	Note  string `toml:"toelichting"`
}

// Length returns how long the span took: its duur, or else the difference
// between the moments (dag or na) of its two steps; false when neither is
// known.
func (sp *Span) Length(j *Journey) (Duration, bool) {
	if sp.Duration != nil {
		return *sp.Duration, true
	}
	a, b := j.Step(sp.From), j.Step(sp.To)
	if a == nil || b == nil {
		return Duration{}, false
	}
	ta, okA := a.Moment()
	tb, okB := b.Moment()
	if !okA || !okB || tb < ta {
		return Duration{}, false
	}
	return Duration{Amount: float64((tb - ta) / (24 * time.Hour)), Unit: Day}, true
}

// Allowed returns the time the deadline allows, extension and suspension
// included; false when the span has no deadline.
func (sp *Span) Allowed() (time.Duration, bool) {
	if sp.Deadline == nil {
		return 0, false
	}
	d := sp.Deadline.Approx()
	if sp.Extension != nil {
		d += sp.Extension.Approx()
	}
	if sp.Suspension != nil {
		d += sp.Suspension.Approx()
	}
	return d, true
}

// Over reports whether the span took longer than its deadline allows.
func (sp *Span) Over(j *Journey) bool {
	allowed, ok := sp.Allowed()
	l, known := sp.Length(j)
	return ok && known && l.Approx() > allowed
}

// Moment returns when a step happens, counted from the start of the
// journey: its dag, or its na; false when it has neither.
func (s *Step) Moment() (time.Duration, bool) {
	switch {
	case s.Day != nil:
		return time.Duration(*s.Day) * 24 * time.Hour, true
	case s.Elapsed != nil:
		return s.Elapsed.Approx(), true
	}
	return 0, false
}

// NextStep is one element of volgende: the step that follows and, for a
// branch, the condition under which it does.
type NextStep struct {
	Source
	Step string `toml:"stap,required"`
	// Condition is when this branch is taken: "alcohol: ja".
	Condition string `toml:"als"`
}

// keyDecoder is implemented by model structs with keys of more than one
// shape: decodeStruct offers each key to decodeKey first, which returns
// false for the keys it leaves to the generic decoder.
type keyDecoder interface {
	decodeKey(d *decoder, where, key string, v any, n *node) bool
}

func (s *Step) decodeKey(d *decoder, where, key string, v any, n *node) bool {
	switch key {
	case "faalpunt":
		s.FailPoint, s.FailPointReason = d.mark(key, v, n)
	case "herhaalcontact":
		s.RepeatContact, s.RepeatContactReason = d.mark(key, v, n)
	case "kanaal":
		s.Channel, s.ExtraChannels = d.channels(where, key, v, n)
	case "volgende":
		s.Next, s.NextSteps = d.nextSteps(where, key, v, n)
	case "wachttijd":
		s.Wait, s.Waits = d.waits(where, key, v, n)
	default:
		return false
	}
	return true
}

// mark reads a marker that may carry its reason: true, false, or the
// reason as text.
func (d *decoder) mark(key string, v any, n *node) (bool, string) {
	hint := func() string {
		return d.sink.t(msg{"schrijf %s = true (zonder aanhalingstekens), of de reden: %s = \"…\"", "write %s = true (without quotes), or the reason: %s = \"…\""}, key, key)
	}
	switch x := v.(type) {
	case bool:
		return x, ""
	case string:
		r := strings.TrimSpace(x)
		switch strings.ToLower(r) {
		case "":
			d.sink.Add(Error, d.at(n.pos), "value", d.sink.t(msg{"%s is leeg", "%s is empty"}, key), hint())
			return false, ""
		case "ja", "nee", "true", "false", "waar", "onwaar", "yes", "no":
			d.sink.Add(Error, d.at(n.pos), "type",
				d.sink.t(msg{"%s moet true, false of een reden in woorden zijn, niet %q", "%s must be true, false or a reason in words, not %q"}, key, x), hint())
			return false, ""
		}
		return true, intern(r)
	}
	d.sink.Add(Error, d.at(n.pos), "type",
		d.sink.t(msg{"%s moet true, false of een reden tussen aanhalingstekens zijn, niet %s", "%s must be true, false or a reason in quotes, not %s"}, key, d.describe(v)), hint())
	return false, ""
}

// items returns the elements of a TOML array, or false when v is none.
func items(v any) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case []map[string]any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = x[i]
		}
		return out, true
	}
	return nil, false
}

// channels reads kanaal: one channel id, or a list of them with the main
// channel first.
func (d *decoder) channels(where, key string, v any, n *node) (string, []string) {
	if s, ok := v.(string); ok {
		return intern(s), nil
	}
	list, ok := items(v)
	if !ok {
		d.sink.Add(Error, d.at(n.pos), "type",
			d.sink.t(msg{"%s moet de id van een kanaal zijn, of een lijst van ids, niet %s", "%s must be the id of a channel, or a list of ids, not %s"}, key, d.describe(v)),
			d.sink.t(msg{"schrijf %s = \"telefoon\", of %s = [\"post\", \"mijn-omgeving\"] voor een brief met een kopie in de Mijn-omgeving", "write %s = \"telefoon\", or %s = [\"post\", \"mijn-omgeving\"] for a letter with a copy in the Mijn-omgeving"}, key, key))
		return "", nil
	}
	if len(list) == 0 {
		d.sink.Add(Error, d.at(n.pos), "value",
			d.sink.t(msg{"%s is een lege lijst", "%s is an empty list"}, key),
			d.sink.t(msg{"laat %s weg bij een stap zonder klantcontact", "leave %s out for a step without customer contact"}, key))
		return "", nil
	}
	ids := make([]string, 0, len(list))
	for i, item := range list {
		s, ok := item.(string)
		if !ok {
			at := d.at(n.pos)
			if en := n.elem(i); en != nil {
				at = d.at(en.pos)
			}
			d.sink.Add(Error, at, "type",
				d.sink.t(msg{"element %d van %s moet de id van een kanaal zijn (tussen aanhalingstekens), niet %s", "element %d of %s must be the id of a channel (in quotes), not %s"}, i+1, key, d.describe(item)), "")
			s = ""
		}
		ids = append(ids, intern(s))
	}
	return ids[0], ids[1:]
}

// nextSteps reads volgende: a list whose elements are step ids or tables
// { stap = "…", als = "…" }. Next keeps an element per element written
// (an empty id where an element could not be read), so positions stay
// aligned with the source.
func (d *decoder) nextSteps(where, key string, v any, n *node) ([]string, []*NextStep) {
	list, ok := items(v)
	if !ok {
		d.typeError(where, key, v, n, reflect.TypeOf([]string(nil)))
		return nil, nil
	}
	ids := make([]string, 0, len(list))
	steps := make([]*NextStep, 0, len(list))
	for i, item := range list {
		en := n.elem(i)
		if en == nil {
			en = &node{pos: n.pos}
		}
		ns := &NextStep{Source: Source{Pos: d.at(en.pos)}}
		switch x := item.(type) {
		case string:
			ns.Step = intern(x)
		case map[string]any:
			d.decodeStruct(d.sink.t(msg{"een element van %s", "an element of %s"}, key), x, en, reflect.ValueOf(ns).Elem())
		default:
			d.sink.Add(Error, d.at(en.pos), "type",
				d.sink.t(msg{"element %d van %s moet de id van een stap zijn, of een tabel { stap = \"…\", als = \"…\" }, niet %s", "element %d of %s must be the id of a step, or a table { stap = \"…\", als = \"…\" }, not %s"}, i+1, key, d.describe(item)), "")
		}
		ids = append(ids, ns.Step)
		steps = append(steps, ns)
	}
	return ids, steps
}

// waits reads wachttijd: a duration, one table, or a list of tables.
func (d *decoder) waits(where, key string, v any, n *node) (*Duration, []*Wait) {
	var out []*Wait
	switch x := v.(type) {
	case string:
		var dur *Duration
		d.decodeValue(where, key, x, n, reflect.ValueOf(&dur).Elem())
		if dur == nil {
			return nil, nil
		}
		return dur, []*Wait{{Source: Source{Pos: d.at(n.pos)}, Duration: dur}}
	case map[string]any:
		w := &Wait{}
		d.decodeStruct(tableName(where, key, false), x, n, reflect.ValueOf(w).Elem())
		out = append(out, w)
	default:
		list, ok := items(v)
		if !ok || len(list) == 0 {
			d.sink.Add(Error, d.at(n.pos), "type",
				d.sink.t(msg{"%s moet een duur zijn zoals \"2 weken\", of een tabel { duur = \"…\", … } per wachttijd, niet %s", "%s must be a duration such as \"2 weken\", or a table { duur = \"…\", … } per wait, not %s"}, key, d.describe(v)),
				d.sink.t(msg{"schrijf %s = \"2 weken\"", "write %s = \"2 weken\""}, key))
			return nil, nil
		}
		for i, item := range list {
			en := n.elem(i)
			if en == nil {
				en = &node{pos: n.pos}
			}
			m, ok := item.(map[string]any)
			if !ok {
				d.sink.Add(Error, d.at(en.pos), "type",
					d.sink.t(msg{"element %d van %s moet een tabel { duur = \"…\", … } zijn, niet %s", "element %d of %s must be a table { duur = \"…\", … }, not %s"}, i+1, key, d.describe(item)),
					d.sink.t(msg{"bijvoorbeeld %s = [{ duur = \"14 dagen\", ronde = 1 }, { duur = \"10 dagen\", ronde = 2 }]", "for example %s = [{ duur = \"14 dagen\", ronde = 1 }, { duur = \"10 dagen\", ronde = 2 }]"}, key))
				continue
			}
			w := &Wait{}
			d.decodeStruct(tableName(where, key, true), m, en, reflect.ValueOf(w).Elem())
			out = append(out, w)
		}
	}
	var first *Duration
	kept := out[:0]
	for _, w := range out {
		if w.Duration == nil {
			continue // reported: required, or unreadable
		}
		if first == nil {
			first = w.Duration
		}
		kept = append(kept, w)
	}
	return first, kept
}
