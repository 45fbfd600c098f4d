package render

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// Options choose what a diagram shows and how big it is. The zero value
// means defaults: Dutch labels, screen size, every lane that has content.
type Options struct {
	// Lang is the language of the diagram's own labels (lane names,
	// legend); the journey's text is shown as written. Zero means Dutch.
	Lang blueprint.Lang
	// Size is the output size; zero means SizeScreen.
	Size Size
	// Hide lists lanes and rows to leave out.
	Hide []Lane
}

func (o Options) hidden(l Lane) bool { return slices.Contains(o.Hide, l) }

// Size is the output size of a diagram.
type Size string

// The sizes.
const (
	// SizeScreen draws at natural size, for a screen or a slide: body text
	// is 10 pt, and a PNG has 96 dots per inch (fewer for very long
	// journeys, see MaxPNGPixels).
	SizeScreen Size = "screen"
	// SizeA3 scales the drawing to fit an A3 sheet in landscape
	// (420 × 297 mm); a PNG has 300 dots per inch for print.
	SizeA3 Size = "a3"
	// SizeA2, SizeA1 and SizeA0 do the same for posters, for a journey
	// too long to read on A3.
	SizeA2 Size = "a2"
	SizeA1 Size = "a1"
	SizeA0 Size = "a0"
)

// sizes lists the sizes, screen first and then the sheets from small to
// large.
var sizes = [...]Size{SizeScreen, SizeA3, SizeA2, SizeA1, SizeA0}

// Sizes returns the sizes, screen first and then the sheets from small to
// large. The slice is the caller's own.
func Sizes() []Size { return slices.Clone(sizes[:]) }

// sheet returns the sheet of a print size in points, landscape, and false
// for the screen.
func (s Size) sheet() (w, h float64, ok bool) {
	mm := map[Size][2]float64{SizeA3: {420, 297}, SizeA2: {594, 420}, SizeA1: {841, 594}, SizeA0: {1189, 841}}
	d, ok := mm[s]
	return d[0] / 25.4 * 72, d[1] / 25.4 * 72, ok
}

// ParseSize accepts screen, a3, a2, a1, a0 or "" (screen).
func ParseSize(s string) (Size, error) {
	if s == "" {
		return SizeScreen, nil
	}
	for _, z := range sizes {
		if strings.EqualFold(s, string(z)) {
			return z, nil
		}
	}
	return SizeScreen, fmt.Errorf("unknown size %q: use screen, a3, a2, a1 or a0", s)
}

// Lane is a horizontal band of the diagram: one of the five lanes of a
// service blueprint, or one of the rows this tool adds (heartbeat, time,
// pain points, success factors, metrics).
type Lane string

// The lanes and rows, top to bottom. The names are the Dutch keys of the
// journey format.
const (
	LaneTime     Lane = "tijd"
	LaneEmotion  Lane = "beleving"
	LaneEvidence Lane = "bewijs"
	LaneCustomer Lane = "klantactie"
	LaneFront    Lane = "frontoffice"
	LaneBack     Lane = "backoffice"
	LaneSupport  Lane = "ondersteuning"
	LanePain     Lane = "knelpunten"
	LaneSuccess  Lane = "succesfactoren"
	LaneMetrics  Lane = "meetpunten"
)

// laneOrder is every lane and row from top to bottom: the order of every
// diagram. It is an array, so no caller can change it.
var laneOrder = [...]Lane{LaneTime, LaneEmotion, LaneEvidence, LaneCustomer, LaneFront, LaneBack, LaneSupport, LanePain, LaneSuccess, LaneMetrics}

// Lanes returns every lane and row from top to bottom, in a slice that is
// the caller's own: changing it changes no diagram.
func Lanes() []Lane { return slices.Clone(laneOrder[:]) }

// laneAliases are the English names accepted by ParseLanes.
var laneAliases = map[string]Lane{
	"time": LaneTime, "emotion": LaneEmotion, "heartbeat": LaneEmotion, "evidence": LaneEvidence,
	"customer": LaneCustomer, "frontstage": LaneFront, "backstage": LaneBack, "support": LaneSupport,
	"pain": LanePain, "success": LaneSuccess, "metrics": LaneMetrics,
}

// Name returns the label of the lane in lang.
func (l Lane) Name(lang blueprint.Lang) string {
	nl, en := laneNames(l)
	return blueprint.T(lang, nl, en)
}

func laneNames(l Lane) (nl, en string) {
	switch l {
	case LaneTime:
		return "Tijd", "Time"
	case LaneEmotion:
		return "Beleving", "Emotion"
	case LaneEvidence:
		return "Fysiek bewijs", "Physical evidence"
	case LaneCustomer:
		return "Klantactie", "Customer actions"
	case LaneFront:
		return "Frontoffice", "Frontstage"
	case LaneBack:
		return "Backoffice", "Backstage"
	case LaneSupport:
		return "Ondersteuning", "Support processes"
	case LanePain:
		return "Knelpunten", "Pain points"
	case LaneSuccess:
		return "Succesfactoren", "Success factors"
	case LaneMetrics:
		return "Meetpunten", "Metrics"
	}
	return string(l), string(l)
}

// hint is the small explanation under a lane's name.
func (l Lane) hint(lang blueprint.Lang) string {
	switch l {
	case LaneTime:
		return blueprint.T(lang, "wachttijd en duur", "waiting and duration")
	case LaneEmotion:
		return blueprint.T(lang, "hoe de klant zich voelt", "how the customer feels")
	case LaneEvidence:
		return blueprint.T(lang, "wat de klant ziet en krijgt", "what the customer sees and gets")
	case LaneCustomer:
		return blueprint.T(lang, "wat de klant doet", "what the customer does")
	case LaneFront:
		return blueprint.T(lang, "medewerkers, zichtbaar voor de klant", "staff, seen by the customer")
	case LaneBack:
		return blueprint.T(lang, "medewerkers, onzichtbaar voor de klant", "staff, unseen by the customer")
	case LaneSupport:
		return blueprint.T(lang, "systemen en processen", "systems and processes")
	case LanePain:
		return blueprint.T(lang, "wat misgaat of schuurt", "what goes wrong or chafes")
	case LaneSuccess:
		return blueprint.T(lang, "wat goed gaat", "what goes well")
	case LaneMetrics:
		return blueprint.T(lang, "wat we per fase meten", "what each phase measures")
	}
	return ""
}

// ParseLanes reads the value of --lanes: a comma-separated list of the
// lanes to show ("klantactie,frontoffice,backoffice"), or of lanes to hide,
// each with a minus ("-bewijs,-ondersteuning"). Dutch and English names
// are accepted. It returns the lanes to hide.
func ParseLanes(s string) ([]Lane, error) {
	var show, hide []Lane
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(strings.ToLower(part))
		if part == "" {
			continue
		}
		minus := strings.HasPrefix(part, "-")
		name := strings.TrimPrefix(part, "-")
		l, ok := lookupLane(name)
		if !ok {
			return nil, fmt.Errorf("unknown lane %q%s; the lanes are %s", name, suggestLane(name), laneList())
		}
		if minus {
			hide = append(hide, l)
		} else {
			show = append(show, l)
		}
	}
	switch {
	case len(show) > 0 && len(hide) > 0:
		return nil, fmt.Errorf("give either the lanes to show (klantactie,frontoffice) or the lanes to hide (-bewijs,-ondersteuning), not both")
	case len(show) == 0 && len(hide) == 0:
		return nil, fmt.Errorf("name at least one lane; the lanes are %s", laneList())
	case len(hide) > 0:
		return hide, nil
	}
	var out []Lane
	for _, l := range laneOrder {
		if !slices.Contains(show, l) {
			out = append(out, l)
		}
	}
	return out, nil
}

func lookupLane(name string) (Lane, bool) {
	if slices.Contains(laneOrder[:], Lane(name)) {
		return Lane(name), true
	}
	l, ok := laneAliases[name]
	return l, ok
}

func laneList() string {
	names := make([]string, len(laneOrder))
	for i, l := range laneOrder {
		names[i] = string(l)
	}
	return strings.Join(names, ", ")
}

// suggestLane returns ` (did you mean "x"?)` for a near miss.
func suggestLane(name string) string {
	cands := make([]string, 0, len(laneOrder)+len(laneAliases))
	for _, l := range laneOrder {
		cands = append(cands, string(l))
	}
	aliases := make([]string, 0, len(laneAliases))
	for alias := range laneAliases {
		aliases = append(aliases, alias)
	}
	sort.Strings(aliases) // ties go to the first name, the same on every run
	if best := blueprint.Suggest(name, append(cands, aliases...)); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}
