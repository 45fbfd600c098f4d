package render

import (
	"math"
	"strconv"
	"strings"
)

// legendBlock is the legend, laid out at the origin and moved into place
// once the title block has decided where it goes.
type legendBlock struct {
	w, h  float64
	boxes []*Box
	paths []*Path
}

// place moves the legend to x, y and adds it to the layout.
func (l *legendBlock) place(g *grid, x, y float64) {
	for _, b := range l.boxes {
		b.X += x
		b.Y += y
		g.add(b)
	}
	for _, p := range l.paths {
		for i := range p.Points {
			p.Points[i].X += x
			p.Points[i].Y += y
		}
		g.addPath(p)
	}
}

const (
	legendRow    = 17.0
	legendSample = 34.0
	legendGap    = 22.0
)

// buildLegend explains what this journey's diagram uses: its channels and
// their colours, the markers, and the arrows and lines. Entries for things
// the journey does not have are left out.
func buildLegend(g *grid) *legendBlock {
	l := &legendBlock{}
	frame := &Box{ID: "legend", Role: RoleLegend, Shape: ShapeRect, Fill: "#fafbfc", Stroke: colRule, PenWidth: 1}
	l.boxes = append(l.boxes, frame)
	heading := &Box{ID: "legend-title", Role: RoleLegend, Shape: ShapeNone, Rect: Rect{10, 8, 0, 0},
		Text: []TextLine{{Spans: []Span{{Text: g.t("Legenda", "Legend"), Size: fsBody, Bold: true, Color: colText}}}}}
	heading.W = math.Ceil(textBlockWidth(heading.Text)) + 1
	heading.H = lineHeight(fsBody)
	l.boxes = append(l.boxes, heading)

	n := 0
	id := func() string { n++; return "legend-" + strconv.Itoa(n) }
	x := 10.0
	top := 8 + lineHeight(fsBody) + 6
	bottom := top

	// section starts a column with a heading and returns the entry adder.
	type entry struct {
		sample func(x, y float64) // draws the sample in [x, x+legendSample]
		label  string
	}
	section := func(title string, entries []entry, note string) {
		if len(entries) == 0 {
			return
		}
		y := top
		hb := &Box{ID: id(), Role: RoleLegend, Shape: ShapeNone, Rect: Rect{x, y, 0, lineHeight(fsLegend)},
			Text: []TextLine{{Spans: []Span{{Text: title, Size: fsLegend, Bold: true, Color: colMuted}}}}}
		hb.W = math.Ceil(textBlockWidth(hb.Text)) + 1
		l.boxes = append(l.boxes, hb)
		w := hb.W
		y += lineHeight(fsLegend) + 3
		for _, e := range entries {
			e.sample(x, y)
			lb := &Box{ID: id(), Role: RoleLegend, Shape: ShapeNone, Rect: Rect{x + legendSample + 6, y + (legendRow-lineHeight(fsLegend))/2, 0, lineHeight(fsLegend)},
				Text: []TextLine{{Spans: []Span{{Text: e.label, Size: fsLegend, Color: colText}}}}}
			lb.W = math.Ceil(textBlockWidth(lb.Text)) + 1
			l.boxes = append(l.boxes, lb)
			w = math.Max(w, legendSample+6+lb.W)
			y += legendRow
		}
		if note != "" {
			nb := &Box{ID: id(), Role: RoleLegend, Shape: ShapeNone, Rect: Rect{x, y + 2, 0, 0}}
			t := &text{}
			t.para(note, math.Max(w, 150), fsSmall, false, colMuted)
			nb.Text = t.lines
			nb.W = math.Ceil(textBlockWidth(t.lines)) + 1
			nb.H = math.Ceil(t.height())
			l.boxes = append(l.boxes, nb)
			w = math.Max(w, nb.W)
			y += 2 + nb.H
		}
		bottom = math.Max(bottom, y)
		x += w + legendGap
	}
	box := func(b *Box) { b.ID = id(); b.Role = RoleLegend; l.boxes = append(l.boxes, b) }
	seg := func(x1, x2, y float64, color string, width float64, dash Dash, head bool) {
		l.paths = append(l.paths, &Path{ID: id(), Role: RoleLegend, Points: []Point{{x1, y}, {x2, y}},
			Color: color, Width: width, Dash: dash, Arrow: head})
	}
	arrow := func(x, y float64, color string, width float64, dash Dash, head bool) {
		seg(x+2, x+legendSample-2, y+legendRow/2, color, width, dash, head)
	}
	// around draws a line on both sides of a point of radius r.
	around := func(x, y, r float64, color string, width float64, dash Dash) {
		c := x + legendSample/2
		seg(x+1, c-r-1, y+legendRow/2, color, width, dash, false)
		seg(c+r+1, x+legendSample-1, y+legendRow/2, color, width, dash, false)
	}

	// Channels, in order of first use (steps, then hand-offs).
	var chans []entry
	seen := map[string]bool{}
	addChan := func(c string) {
		if c == "" || seen[c] {
			return
		}
		seen[c] = true
		col := channelColour(g.m.Vocabulary, c)
		label, fill, pen := g.channelName(c), col, 1.0
		if ch := g.m.Vocabulary.Channel(c); ch != nil && ch.Partner != "" {
			// a partner's channel, outlined as on the step header
			label += " (" + g.actorName(ch.Partner) + ")"
			fill, pen = colPage, 1.5
		}
		chans = append(chans, entry{func(x, y float64) {
			box(&Box{Shape: ShapeRect, Rect: Rect{x + 4, y + 3, legendSample - 8, legendRow - 6}, Fill: fill, Stroke: col, PenWidth: pen})
		}, label})
	}
	for _, s := range g.j.Steps {
		for _, c := range s.Channels() {
			addChan(c)
		}
	}
	for _, s := range g.j.Steps {
		for _, h := range s.Handoffs {
			addChan(h.Channel)
		}
	}
	note := g.t("De kleur van het kanaal staat op de stapkop en als balk langs klantactie en frontoffice.",
		"The channel's colour is on the step header and as a bar along customer action and frontstage.")
	if g.usesPartnerChannel() {
		note += g.t(" Een omlijnd kanaal is van een ketenpartner, niet van de gemeente.", " An outlined channel is a partner's, not the gemeente's.")
	}
	section(g.t("Kanalen", "Channels"), chans, note)

	// Markers.
	var has struct {
		fail, repeat, self, wait, over, moment, span, pain, success, ghost, partner, handoff, emotion, desired, flow, jump, loop bool
	}
	for _, s := range g.j.Steps {
		has.fail = has.fail || s.FailPoint
		has.repeat = has.repeat || s.RepeatContact
		has.self = has.self || s.SelfService
		has.wait = has.wait || s.Wait != nil
		has.moment = has.moment || s.Day != nil || s.Elapsed != nil
		for _, w := range s.Waits {
			has.over = has.over || w.Over()
		}
		has.pain = has.pain || len(s.PainPoints) > 0
		has.success = has.success || len(s.SuccessFactors) > 0
		has.handoff = has.handoff || len(s.Handoffs) > 0
		has.emotion = has.emotion || s.Emotion != nil
		has.desired = has.desired || s.DesiredEmotion != nil
	}
	for _, cells := range g.cells {
		for _, bs := range cells {
			for _, b := range bs {
				has.ghost = has.ghost || b.Role == RoleGhost
				has.partner = has.partner || strings.HasSuffix(b.Class, " partner")
			}
		}
	}
	has.span = len(g.j.Spans) > 0
	has.flow = len(g.j.Flows()) > 0
	for _, f := range g.j.Flows() {
		a, b := g.index[f.From], g.index[f.To]
		has.loop = has.loop || b <= a
		has.jump = has.jump || b > a && (b != a+1 || f.Condition != "")
	}
	pillSample := func(text, fill, stroke, color string) func(x, y float64) {
		return func(x, y float64) {
			b := &Box{Shape: ShapeRounded, Rect: Rect{x, y + 2, legendSample, legendRow - 4}, Fill: fill, Stroke: stroke, PenWidth: 1, Center: true}
			if text != "" {
				b.Text = []TextLine{{Spans: []Span{{Text: text, Size: 6, Bold: true, Color: color}}}}
			}
			box(b)
		}
	}
	var marks []entry
	if has.fail {
		marks = append(marks, entry{pillSample("F", colPain, colPain, "#ffffff"), g.t("faalpunt: hier gaat het vaak mis", "fail point: the service often fails here")})
	}
	if has.repeat {
		marks = append(marks, entry{pillSample("H", colRepeat, colRepeat, "#ffffff"), g.t("herhaalcontact: de klant komt terug", "repeat contact: the customer comes back")})
	}
	if has.self {
		marks = append(marks, entry{pillSample("Z", colSelf, colSelf, "#ffffff"), g.t("zelfservice: niemand van de gemeente handelt", "self-service: nobody of the gemeente acts")})
	}
	if has.moment {
		marks = append(marks, entry{pillSample("", colPage, colMoment, colMoment), g.t("dag van de reis, of tijd sinds het begin", "day of the journey, or time since the start")})
	}
	if has.wait {
		marks = append(marks, entry{pillSample("", colWaitFill, colWaitRule, colWait), g.t("wachttijd vóór de stap", "waiting before the step")})
	}
	if has.over {
		marks = append(marks, entry{pillSample("", colPainFill, colPain, colPain), g.t("wachttijd langer dan de termijn", "wait longer than its deadline")})
	}
	if has.span {
		marks = append(marks, entry{func(x, y float64) {
			box(&Box{Shape: ShapeRounded, Rect: Rect{x, y + 2, legendSample, legendRow - 4}, Fill: colOKFill, Stroke: colOK, PenWidth: 1})
		}, g.t("doorlooptijd naast de termijn (rood: over de termijn)", "lead time beside its deadline (red: over it)")})
	}
	if has.pain {
		marks = append(marks, entry{pillSample("", colPainFill, colPain, colPain), g.t("knelpunt", "pain point")})
	}
	if has.success {
		marks = append(marks, entry{pillSample("", colOKFill, colOK, colOK), g.t("succesfactor", "success factor")})
	}
	if has.ghost {
		marks = append(marks, entry{func(x, y float64) {
			box(&Box{Shape: ShapeRect, Rect: Rect{x, y + 2, legendSample, legendRow - 4}, Fill: "#ffffff", Stroke: colGhostRule, PenWidth: 1, Dashed: true})
		}, g.t("ontvangt een overdracht", "receives a hand-off")})
	}
	if has.partner {
		marks = append(marks, entry{func(x, y float64) {
			box(&Box{Shape: ShapeRect, Rect: Rect{x, y + 2, legendSample, legendRow - 4}, Fill: colPartnerFill, Stroke: colPartner, PenWidth: 1.3})
		}, g.t("buiten de gemeente: ketenpartner", "outside the gemeente: partner")})
	}
	section(g.t("Markeringen", "Markers"), marks, "")

	var lines []entry
	if has.flow {
		lines = append(lines, entry{func(x, y float64) { arrow(x, y, colFlow, 1.6, Solid, true) }, g.t("volgorde van de stappen", "order of the steps")})
	}
	if has.jump {
		lines = append(lines, entry{func(x, y float64) { arrow(x, y, colFlow, 1.4, Solid, true) }, g.t("sprong of tak, met de voorwaarde erboven", "jump or branch, with its condition above")})
	}
	if has.loop {
		lines = append(lines, entry{func(x, y float64) { arrow(x, y, colLoop, 1.4, Dashed, true) }, g.t("lus terug naar een eerdere stap", "loop back to an earlier step")})
	}
	if has.handoff {
		lines = append(lines, entry{func(x, y float64) { arrow(x, y, colHandoff, 1.6, Solid, true) }, g.t("overdracht tussen actoren", "hand-off between actors")})
	}
	if has.emotion {
		lines = append(lines, entry{func(x, y float64) {
			around(x, y, dotR, "#455a64", 2.2, Solid)
			box(&Box{Shape: ShapeCircle, Rect: Rect{x + legendSample/2 - dotR, y + legendRow/2 - dotR, 2 * dotR, 2 * dotR}, Fill: emotionColour(-2), Stroke: "#ffffff", PenWidth: 1})
		}, g.t("beleving van de klant (−2 tot +2)", "customer's emotion (−2 to +2)")})
	}
	if has.desired {
		lines = append(lines, entry{func(x, y float64) {
			around(x, y, ringR, colDesired, 1.5, Dashed)
			box(&Box{Shape: ShapeCircle, Rect: Rect{x + legendSample/2 - ringR, y + legendRow/2 - ringR, 2 * ringR, 2 * ringR}, Fill: colPage, Stroke: colDesired, PenWidth: 1.5})
		}, g.t("gewenste beleving", "desired emotion")})
	}
	section(g.t("Pijlen en lijnen", "Arrows and lines"), lines, "")

	l.w = math.Ceil(math.Max(x-legendGap+10, heading.Right()+10))
	l.h = math.Ceil(bottom + 8)
	frame.Rect = Rect{0, 0, l.w, l.h}
	return l
}

// usesPartnerChannel reports whether a step of the journey uses a channel
// of a partner.
func (g *grid) usesPartnerChannel() bool {
	for _, s := range g.j.Steps {
		for _, c := range s.Channels() {
			if g.partnerChannel(c) {
				return true
			}
		}
	}
	return false
}
