package blueprint

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// This file holds what makes a journey measurable: dates, the measurements
// of a metric, its norm read as a number, and the verdict of the last
// measurement against the norm. The renderer (the metrics row of the
// diagram) and the verbeterplan both read them, so both say the same.

// Date is a calendar day or a month, as written in a measurement or a
// target date: a TOML date (datum = 2025-03-31) or a text "2025-03-31" or
// "2025-03" (a month: Day is 0).
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Year == 0 }

// Compare orders dates: -1 when d is before e, 0 when equal, 1 after. A
// month sorts before the days in it.
func (d Date) Compare(e Date) int {
	for _, p := range [][2]int{{d.Year, e.Year}, {d.Month, e.Month}, {d.Day, e.Day}} {
		if p[0] != p[1] {
			if p[0] < p[1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// String writes the date as written in a file: "2025-03-31" or "2025-03".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.Day == 0 {
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

var monthsNL = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// Label writes the date for readers: "31-03-2025" or "maart 2025" in
// Dutch, "2025-03-31" or "March 2025" in English.
func (d Date) Label(lang Lang) string {
	switch {
	case d.IsZero():
		return ""
	case d.Day == 0 && lang == English:
		return time.Month(d.Month).String() + " " + strconv.Itoa(d.Year)
	case d.Day == 0:
		return monthsNL[d.Month-1] + " " + strconv.Itoa(d.Year)
	case lang == English:
		return d.String()
	}
	return fmt.Sprintf("%02d-%02d-%04d", d.Day, d.Month, d.Year)
}

// ParseDate reads "2025-03-31" or "2025-03".
func ParseDate(s string) (Date, *ValueError) {
	bad := &ValueError{
		Summary: msg{"ongeldige datum %q: schrijf jaar-maand-dag of jaar-maand", "invalid date %q: write year-month-day or year-month"},
		Args:    []any{s},
		Hint:    msg{"bijvoorbeeld 2025-03-31 of \"2025-03\" (een maand)", "for example 2025-03-31 or \"2025-03\" (a month)"},
	}
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return Date{t.Year(), int(t.Month()), t.Day()}, nil
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return Date{t.Year(), int(t.Month()), 0}, nil
	}
	// 31-03-2025, as a Dutch reader writes it: say how to turn it round.
	if t, err := time.Parse("02-01-2006", s); err == nil {
		bad.Hint = msg{"bedoelde u %s? schrijf het jaar eerst", "did you mean %s? write the year first"}
		bad.HintArgs = []any{t.Format("2006-01-02")}
	}
	return Date{}, bad
}

func (d *Date) decodeTOML(dec *decoder, _ string, v any, n *node) {
	switch x := v.(type) {
	case time.Time:
		*d = Date{x.Year(), int(x.Month()), x.Day()}
	case string:
		got, err := ParseDate(x)
		if err != nil {
			dec.sink.Add(Error, dec.at(n.pos), "value", dec.sink.t(err.Summary, err.Args...), dec.sink.t(err.Hint, err.HintArgs...))
			return
		}
		*d = got
	default:
		dec.sink.Add(Error, dec.at(n.pos), "type",
			dec.sink.t(msg{"een datum moet een datum zijn zoals 2025-03-31, niet %s", "a date must be a date such as 2025-03-31, not %s"}, dec.describe(v)), "")
	}
}

// Measurement is one measured value of a metric.
type Measurement struct {
	Source
	// Date is when it was measured: a day, or the month it covers.
	Date  Date    `toml:"datum,required"`
	Value float64 `toml:"waarde,required"`
	Note  string  `toml:"toelichting"`
}

// NormOp says which side of the norm's number meets the norm.
type NormOp int

// The comparisons a norm can make.
const (
	AtLeast  NormOp = iota // minstens, ten minste, or a bare number where higher is better
	MoreThan               // meer dan
	AtMost                 // maximaal, hoogstens, binnen, or a bare number where lower is better
	LessThan               // minder dan
)

// Norm is the target of a metric read as a number.
type Norm struct {
	Op    NormOp
	Value float64
	// Explicit is true when the norm's text says the direction
	// ("minstens", "minder dan"); otherwise it came from the catalogue
	// metric, or is AtLeast.
	Explicit bool
}

// Meets reports whether v meets the norm.
func (n Norm) Meets(v float64) bool {
	switch n.Op {
	case MoreThan:
		return v > n.Value
	case AtMost:
		return v <= n.Value
	case LessThan:
		return v < n.Value
	}
	return v >= n.Value
}

// HigherIsBetter reports whether a higher value is closer to meeting the norm.
func (n Norm) HigherIsBetter() bool { return n.Op == AtLeast || n.Op == MoreThan }

// normWords are the words a norm starts with, longest first within a
// direction so that "niet meer dan" wins over "meer dan".
var normWords = []struct {
	word string
	op   NormOp
}{
	{"niet meer dan", AtMost}, {"niet minder dan", AtLeast}, {"ten minste", AtLeast}, {"tenminste", AtLeast},
	{"op zijn minst", AtLeast}, {"minstens", AtLeast}, {"minimaal", AtLeast}, {"min.", AtLeast}, {"at least", AtLeast},
	{"≥", AtLeast}, {">=", AtLeast}, {"meer dan", MoreThan}, {"hoger dan", MoreThan}, {"boven", MoreThan},
	{"more than", MoreThan}, {">", MoreThan}, {"ten hoogste", AtMost}, {"hoogstens", AtMost}, {"maximaal", AtMost},
	{"max.", AtMost}, {"binnen", AtMost}, {"at most", AtMost}, {"within", AtMost}, {"≤", AtMost}, {"<=", AtMost},
	{"minder dan", LessThan}, {"lager dan", LessThan}, {"korter dan", LessThan}, {"onder", LessThan},
	{"less than", LessThan}, {"<", LessThan},
}

// ParseNorm reads the number of a norm such as "minstens 80%", "minder dan
// 10%", "maximaal 5 werkdagen" or "90%". The first number counts: "80%
// binnen 60 seconden" is 80 (percent of calls within 60 seconds). A norm
// without a direction word gets the direction higher (when higherBetter)
// or lower; ok is false when the text has no number where it should.
func ParseNorm(text string, higherBetter bool) (n Norm, ok bool) {
	s := strings.ToLower(strings.TrimSpace(text))
	n.Op = AtLeast
	if !higherBetter {
		n.Op = AtMost
	}
	for _, w := range normWords {
		if strings.HasPrefix(s, w.word) {
			n.Op, n.Explicit = w.op, true
			s = strings.TrimSpace(s[len(w.word):])
			break
		}
	}
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || (s[end] == ',' || s[end] == '.') && end > 0) {
		end++
	}
	num := strings.TrimRight(s[:end], ",.")
	if num == "" {
		return Norm{}, false
	}
	// A dot between digits is a decimal point, as is a comma; a Dutch
	// thousands dot ("1.000") is read as 1.0, so write "1000".
	v, err := strconv.ParseFloat(strings.Replace(num, ",", ".", 1), 64)
	if err != nil {
		return Norm{}, false
	}
	n.Value = v
	return n, true
}

// FormatValue writes a measured value with its unit, with a decimal comma
// in Dutch: "14%", "6,8 rapportcijfer", "35 seconden". A unit's
// parenthesised part ("(1-10)") is left out.
func FormatValue(v float64, unit string, lang Lang) string {
	num := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	if lang != English {
		num = strings.Replace(num, ".", ",", 1)
	}
	if i := strings.IndexByte(unit, '('); i >= 0 {
		unit = unit[:i]
	}
	unit = strings.TrimSpace(unit)
	switch {
	case unit == "":
		return num
	case unit == "%":
		return num + "%"
	}
	return num + " " + unit
}

// Measured returns the measurements of m sorted by date, oldest first;
// two on the same date keep the order they were written in.
func (m *Metric) Measured() []*Measurement {
	out := append([]*Measurement(nil), m.Measurements...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Compare(out[j].Date) < 0 })
	return out
}

// Last returns the latest measurement of m, or nil.
func (m *Metric) Last() *Measurement {
	ms := m.Measured()
	if len(ms) == 0 {
		return nil
	}
	return ms[len(ms)-1]
}

// Norm returns the norm of m read as a number, with the direction of its
// catalogue metric when the text does not say it; ok is false when there
// is no norm or it has no number.
func (m *Metric) Norm() (Norm, bool) {
	if strings.TrimSpace(m.Target) == "" {
		return Norm{}, false
	}
	higher := true
	if m.Standard != nil {
		higher = m.Standard.HigherIsBetter
	}
	return ParseNorm(m.Target, higher)
}

// Verdict is a measurement against the norm.
type Verdict int

// The verdicts.
const (
	// NoVerdict: no measurement, or no norm that can be read as a number.
	NoVerdict Verdict = iota
	// MeetsNorm: the value meets the norm.
	MeetsNorm
	// MissesNorm: the value does not meet the norm.
	MissesNorm
)

// Label says the verdict for readers: "norm gehaald", "norm niet gehaald",
// or "" without a verdict.
func (v Verdict) Label(lang Lang) string {
	switch v {
	case MeetsNorm:
		return tr(lang, "norm gehaald", "meets the norm")
	case MissesNorm:
		return tr(lang, "norm niet gehaald", "misses the norm")
	}
	return ""
}

// TrendLabel says a trend (Metric.Trend) for readers: "beter", "slechter",
// or "".
func TrendLabel(trend int, lang Lang) string {
	switch {
	case trend > 0:
		return tr(lang, "beter", "better")
	case trend < 0:
		return tr(lang, "slechter", "worse")
	}
	return ""
}

// Judge returns the verdict of a measurement of m against its norm.
func (m *Metric) Judge(x *Measurement) Verdict {
	if x == nil {
		return NoVerdict
	}
	n, ok := m.Norm()
	if !ok {
		return NoVerdict
	}
	if n.Meets(x.Value) {
		return MeetsNorm
	}
	return MissesNorm
}

// Trend compares the last measurement of m with the one before: +1 when it
// moved towards the norm's better side, -1 when away from it, 0 when equal
// or when there are fewer than two measurements or no direction is known.
func (m *Metric) Trend() int {
	ms := m.Measured()
	if len(ms) < 2 {
		return 0
	}
	higher := true
	if n, ok := m.Norm(); ok {
		higher = n.HigherIsBetter()
	} else if m.Standard != nil {
		higher = m.Standard.HigherIsBetter
	} else {
		return 0
	}
	d := ms[len(ms)-1].Value - ms[len(ms)-2].Value
	switch {
	case d == 0:
		return 0
	case (d > 0) == higher:
		return 1
	}
	return -1
}

// Key is the name a verbeteractie uses for m in meetpunten = […] and
// effect.meetpunt: its id, or else its catalogue metric.
func (m *Metric) Key() string {
	if m.ID != "" {
		return m.ID
	}
	return m.Catalogue
}

// Label returns the name of m: its own, or its catalogue metric's in lang.
func (m *Metric) Label(lang Lang) string {
	if m.Name != "" || m.Standard == nil {
		return m.Name
	}
	return m.Standard.Name(lang)
}

// DefinitionIn returns how m is computed: its own definition, or its
// catalogue metric's in lang with the window (termijn) filled in.
func (m *Metric) DefinitionIn(lang Lang) string {
	if m.Definition != "" || m.Standard == nil {
		return m.Definition
	}
	return m.Standard.DefinitionFor(lang, m.Window)
}

// UnitIn returns the unit of m: its own, or its catalogue metric's.
func (m *Metric) UnitIn(lang Lang) string {
	if m.Unit != "" || m.Standard == nil {
		return m.Unit
	}
	return tr(lang, m.Standard.Unit, m.Standard.UnitEN)
}

// SourceIn returns where the number of m comes from: its own bron, or its
// catalogue metric's.
func (m *Metric) SourceIn(lang Lang) string {
	if m.DataSource != "" || m.Standard == nil {
		return m.DataSource
	}
	return tr(lang, m.Standard.SourceNL, m.Standard.SourceEN)
}

// SourceSystemIn returns where the number of m comes from, short: its own
// bron, or the system its catalogue metric names (the part of the
// catalogue's source before the colon), for a diagram.
func (m *Metric) SourceSystemIn(lang Lang) string {
	src := m.SourceIn(lang)
	if m.DataSource == "" && m.Standard != nil {
		if i := strings.Index(src, ": "); i > 0 {
			return src[:i]
		}
	}
	return src
}
