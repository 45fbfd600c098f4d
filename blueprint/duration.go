package blueprint

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// DurationUnit is the unit a duration was written in.
type DurationUnit int

// The units a duration can be written in, in Dutch: "30 seconden",
// "5 minuten", "2 uur", "3 dagen", "5 werkdagen", "2 weken", "1 maand".
const (
	Second DurationUnit = iota
	Minute
	Hour
	Day
	WorkDay
	Week
	Month
)

type unitInfo struct {
	one, many     string // Dutch singular and plural, canonical
	oneEN, manyEN string
	approx        time.Duration
}

var units = [...]unitInfo{
	Second:  {"seconde", "seconden", "second", "seconds", time.Second},
	Minute:  {"minuut", "minuten", "minute", "minutes", time.Minute},
	Hour:    {"uur", "uur", "hour", "hours", time.Hour},
	Day:     {"dag", "dagen", "day", "days", 24 * time.Hour},
	WorkDay: {"werkdag", "werkdagen", "working day", "working days", 24 * time.Hour * 7 / 5},
	Week:    {"week", "weken", "week", "weeks", 7 * 24 * time.Hour},
	Month:   {"maand", "maanden", "month", "months", 30 * 24 * time.Hour},
}

// unitWords maps every accepted Dutch spelling to its unit.
var unitWords = map[string]DurationUnit{
	"seconde": Second, "seconden": Second, "sec": Second,
	"minuut": Minute, "minuten": Minute, "min": Minute,
	"uur": Hour, "uren": Hour,
	"dag": Day, "dagen": Day,
	"werkdag": WorkDay, "werkdagen": WorkDay,
	"week": Week, "weken": Week,
	"maand": Month, "maanden": Month,
}

// englishUnits maps English words typed by habit to the Dutch word.
var englishUnits = map[string]string{
	"second": "seconden", "seconds": "seconden", "s": "seconden",
	"minute": "minuten", "minutes": "minuten", "m": "minuten",
	"hour": "uur", "hours": "uur", "h": "uur", "u": "uur",
	"day": "dagen", "days": "dagen", "d": "dagen",
	"workday": "werkdagen", "workdays": "werkdagen",
	"weeks": "weken", "w": "weken",
	"month": "maanden", "months": "maanden",
}

// Duration is a wait time or duration as written by a person: an amount and
// a unit, such as "14 dagen" or "1,5 uur", or a range such as "2-4 weken"
// (Max is then the upper end; zero for a single amount). It keeps the unit
// so that a diagram shows what the workshop wrote.
type Duration struct {
	Amount float64
	Max    float64
	Unit   DurationUnit
}

// Approx returns the duration as a time.Duration, for sorting and for
// thresholds; a range counts as its upper end, the longest the customer
// may wait. A working day counts as 7/5 calendar day, a month as 30 days.
func (d Duration) Approx() time.Duration {
	return time.Duration(max(d.Amount, d.Max) * float64(units[d.Unit].approx))
}

// Label writes the duration in lang, for example "2 weken" or "2 weeks".
func (d Duration) Label(lang Lang) string {
	u := units[d.Unit]
	word := u.many
	if lang == English {
		word = u.manyEN
		if d.Amount == 1 {
			word = u.oneEN
		}
	} else if d.Amount == 1 {
		word = u.one
	}
	number := func(v float64) string {
		n := strconv.FormatFloat(v, 'f', -1, 64)
		if lang != English {
			n = strings.Replace(n, ".", ",", 1)
		}
		return n
	}
	num := number(d.Amount)
	if d.Max > d.Amount {
		num += "–" + number(d.Max) // an en dash, as in print
		if lang == English {
			word = u.manyEN
		} else {
			word = u.many
		}
	}
	return num + " " + word
}

// String is the Dutch label.
func (d Duration) String() string { return d.Label(Dutch) }

// rangeRE finds the range in "2-4 weken", "2 – 4 weken", "2 tot 4 weken"
// and "2 à 4 weken".
var rangeRE = regexp.MustCompile(`^([0-9]+(?:[.,][0-9]+)?)(?:\s*[-–—]\s*|\s+(?:tot|à|a)\s+)([0-9]+(?:[.,][0-9]+)?)\s*(.*)$`)

// ParseDuration reads a Dutch duration such as "10 minuten" or "1,5 uur",
// or a range such as "2-4 weken" or "2 tot 4 weken".
func ParseDuration(text string) (Duration, *ValueError) {
	lower := strings.ToLower(strings.TrimSpace(text))
	if m := rangeRE.FindStringSubmatch(lower); m != nil {
		hi, err := strconv.ParseFloat(strings.Replace(m[2], ",", ".", 1), 64)
		d, bad := ParseDuration(m[1] + " " + m[3])
		if bad != nil || err != nil {
			out := badDuration(text)
			if bad != nil && len(bad.HintArgs) == 1 {
				// "2-4 weeks": did you mean "2-4 weken"?
				_, unit, _ := strings.Cut(bad.HintArgs[0].(string), " ")
				out.Hint, out.HintArgs = bad.Hint, []any{m[1] + "-" + m[2] + " " + unit}
			}
			return Duration{}, out
		}
		if hi <= d.Amount {
			return Duration{}, &ValueError{
				Summary: msg{nl: "ongeldige duur %q: de tweede waarde van een bandbreedte moet groter zijn", en: "invalid duration %q: the second value of a range must be larger"},
				Args:    []any{text},
				Hint:    msg{nl: "bijvoorbeeld \"2-4 weken\"", en: "for example \"2-4 weken\""},
			}
		}
		d.Max = hi
		return d, nil
	}
	fields := strings.Fields(lower)
	if len(fields) == 1 {
		// "10min" or "2weken": split digits from letters.
		f := fields[0]
		i := strings.IndexFunc(f, func(r rune) bool { return (r < '0' || r > '9') && r != ',' && r != '.' })
		if i > 0 {
			fields = []string{f[:i], f[i:]}
		}
	}
	if len(fields) != 2 {
		return Duration{}, badDuration(text)
	}
	amount, err := strconv.ParseFloat(strings.Replace(fields[0], ",", ".", 1), 64)
	if err != nil || amount < 0 {
		return Duration{}, badDuration(text)
	}
	unit, ok := unitWords[fields[1]]
	if !ok {
		bad := badDuration(text) // made only when it is reported (320,000 durations nationally)
		if nl, ok := englishUnits[fields[1]]; ok {
			bad.Hint = msg{nl: "bedoelde u %q?", en: "did you mean %q?"}
			bad.HintArgs = []any{fields[0] + " " + nl}
		} else if s := suggest(fields[1], sortedKeys(unitWords)); s != "" {
			bad.Hint = msg{nl: "bedoelde u %q?", en: "did you mean %q?"}
			bad.HintArgs = []any{fields[0] + " " + s}
		}
		return Duration{}, bad
	}
	return Duration{Amount: amount, Unit: unit}, nil
}

func badDuration(text string) *ValueError {
	return &ValueError{
		Summary: msg{
			nl: "ongeldige duur %q: schrijf een getal en een eenheid (seconden, minuten, uur, dagen, werkdagen, weken, maanden)",
			en: "invalid duration %q: write a number and a unit (seconden, minuten, uur, dagen, werkdagen, weken, maanden)",
		},
		Args: []any{text},
		Hint: msg{nl: "bijvoorbeeld \"10 minuten\" of \"2 weken\"", en: "for example \"10 minuten\" or \"2 weken\""},
	}
}
