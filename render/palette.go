package render

import (
	"fmt"
	"strconv"

	"github.com/dimpact/blueprint/blueprint"
)

// The colours of the diagram. Graphviz wants #rrggbb (a three-digit #eef is
// "not a known color"), so every colour here is written out.
const (
	colText      = "#212121"
	colMuted     = "#5f6368"
	colFaint     = "#9aa0a6"
	colRule      = "#cfd4da"
	colPage      = "#ffffff"
	colLine      = "#37474f"
	colFlow      = "#455a64"
	colHandoff   = "#c2185b"
	colPain      = "#c62828"
	colPainFill  = "#fdecea"
	colOK        = "#2e7d32"
	colOKFill    = "#e8f5e9"
	colWait      = "#8a4500"
	colWaitFill  = "#ffe0b2"
	colWaitRule  = "#e8890c"
	colRepeat    = "#6a1b9a"
	colDesired   = "#1565c0"
	colPhaseText = "#ffffff"
	colStepFill  = "#ffffff"
	colStepRule  = "#90a4ae"
	colLabelFill = "#eceff1"
	colGhostRule = "#90a4ae"
	colMetric    = "#f7f9fb"
	// Outside parties (actors of kind partner): a warm brown, apart from
	// the blue and grey of the gemeente's own lanes.
	colPartner     = "#8d5524"
	colPartnerFill = "#fbf3ea"
	// A step nobody of the gemeente acts in.
	colSelf = "#2f6f73"
	// Loops (back edges) are purple like the repeat contacts they cause.
	colLoop = colRepeat
	// The moment of a step (dag, na).
	colMoment = "#263238"
)

// phaseColours alternate over the phase headers.
var phaseColours = []string{"#37474f", "#546e7a"}

// laneColours are the background bands of the lanes and rows.
var laneColours = map[Lane]struct{ band, fill, rule, actor string }{
	LaneEvidence: {"#faf6ee", "#fffdf8", "#b9a98a", "#6d5c3d"},
	LaneCustomer: {"#fff9e6", "#ffffff", "#c9a227", "#6d5c3d"},
	LaneFront:    {"#edf4fc", "#ffffff", "#6a8fc5", "#1a4f8b"},
	LaneBack:     {"#f0f2f5", "#ffffff", "#8a99ad", "#37474f"},
	LaneSupport:  {"#f4f4f4", "#ffffff", "#9e9e9e", "#424242"},
	LaneEmotion:  {"#ffffff", "", "", ""},
	LaneTime:     {"#ffffff", "", "", ""},
	LanePain:     {"#ffffff", colPainFill, colPain, colPain},
	LaneSuccess:  {"#ffffff", colOKFill, colOK, colOK},
	LaneMetrics:  {"#ffffff", colMetric, colStepRule, colText},
}

// builtinChannelColours give every built-in channel its own colour, dark
// enough for white text on it and apart enough to tell in a legend.
var builtinChannelColours = map[string]string{
	"balie":         "#8c564b",
	"telefoon":      "#1f77b4",
	"e-mail":        "#7b4fb0",
	"chat":          "#2a8f2a",
	"whatsapp":      "#0f7d6f",
	"social-media":  "#c2408f",
	"post":          "#66676b",
	"website":       "#0e8798",
	"mijn-omgeving": "#8a8a12",
	"app":           "#393b79",
	"sms":           "#5c7030",
	"videobellen":   "#2b6cb0",
	"huisbezoek":    "#843c39",
}

// extraChannelColours are used, in catalogue order, for channels a project
// adds without a kleur.
var extraChannelColours = []string{"#00695c", "#4527a0", "#ad1457", "#6d4c41", "#283593", "#558b2f", "#00838f", "#4e342e"}

// channelColour returns the colour of a channel: its own kleur, the
// built-in colour, or one of the extra colours by its place in the
// catalogue, so the colour is the same in every diagram of a project.
func channelColour(cat *blueprint.Vocabulary, id string) string {
	if cat != nil {
		if ch := cat.Channel(id); ch != nil && validHex(ch.Colour) {
			return normHex(ch.Colour)
		}
	}
	if c, ok := builtinChannelColours[id]; ok {
		return c
	}
	n := 0
	if cat != nil {
		for _, ch := range cat.Channels {
			if ch.ID == id {
				break
			}
			if _, builtin := builtinChannelColours[ch.ID]; !builtin {
				n++
			}
		}
	}
	return extraChannelColours[n%len(extraChannelColours)]
}

// emotionColour colours a point of the heartbeat from red (−2) to green (+2).
func emotionColour(e int) string {
	switch {
	case e <= -2:
		return "#c62828"
	case e == -1:
		return "#ef6c00"
	case e == 0:
		return "#8d8d8d"
	case e == 1:
		return "#7cb342"
	default:
		return "#2e7d32"
	}
}

func validHex(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	_, err := strconv.ParseUint(s[1:], 16, 32)
	return err == nil
}

func normHex(s string) string {
	v, _ := strconv.ParseUint(s[1:], 16, 32)
	return fmt.Sprintf("#%06x", v)
}

// tint mixes a colour with white; amount 0 keeps the colour, 1 gives white.
func tint(hex string, amount float64) string {
	r, g, b := rgb(hex)
	mix := func(c uint8) uint8 { return uint8(float64(c) + (255-float64(c))*amount + 0.5) }
	return fmt.Sprintf("#%02x%02x%02x", mix(r), mix(g), mix(b))
}

func rgb(hex string) (r, g, b uint8) {
	if !validHex(hex) {
		return 0, 0, 0
	}
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	return uint8(v >> 16), uint8(v >> 8), uint8(v)
}
