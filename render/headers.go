package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// The passes above the lanes: the title block and legend, the phase
// headers and the step headers.

// placeTitle is the "title" pass: the title block and the legend side by
// side when they fit, else stacked. The drawing widens when the title
// block needs more room than the columns give.
func placeTitle(g *grid) {
	legend := buildLegend(g)
	y := margin
	titleW := g.width - 2*margin - legend.w - 32
	side := titleW >= titleMinW
	if !side {
		titleW = math.Max(titleMinW, math.Min(760, g.width-2*margin))
		g.width = math.Max(g.width, 2*margin+math.Max(titleW, legend.w))
	}
	titleW = math.Min(titleW, 820)
	title := g.titleBlock(margin, y, titleW)
	if side {
		legend.place(g, g.width-margin-legend.w, y)
		y += math.Max(title.H, legend.h)
	} else {
		y += title.H + 14
		legend.place(g, margin, y)
		y += legend.h
	}
	g.y = y + 18
}

func (g *grid) titleBlock(x, y, w float64) *Box {
	j := g.j
	t := &text{}
	g.writeOwner(t, w)
	t.para(j.Title, w, fsTitle, true, colText)
	t.line(Span{Text: " ", Size: 6})
	if p := j.Persona; p != nil {
		g.writePersona(t, p, w)
	}
	also := func(main string, more []string, name func(string) string) string {
		out := name(main)
		var extra []string
		for _, id := range more {
			if n := name(id); n != "" {
				extra = append(extra, n)
			}
		}
		if len(extra) > 0 {
			out += g.t(" (ook ", " (also ") + strings.Join(extra, ", ") + ")"
		}
		return out
	}
	domain := func(id string) string {
		if dm := g.m.Vocabulary.Domain(id); dm != nil {
			return dm.Name(g.lang)
		}
		return ""
	}
	qtype := func(id string) string {
		if q := g.m.Vocabulary.QuestionType(id); q != nil {
			return q.Name(g.lang)
		}
		return ""
	}
	items := []metaItem{
		{g.t("Domein:", "Domain:"), also(j.Domain, j.SecondaryDomains, domain), colText},
		{g.t("Vraagsoort:", "Question type:"), also(j.QuestionType, j.SecondaryQuestionTypes, qtype), colText},
	}
	if p := clean(j.Period); p != "" {
		items = append(items, metaItem{g.t("Periode:", "Period:"), p, colText})
	}
	items = append(items, metaItem{"", fmt.Sprintf(g.t("%d stappen in %d fasen", "%d steps in %d phases"), len(j.Steps), len(j.Phases)), colMuted})
	t.items(items, w, fsBody)
	if s := clean(j.Trigger); s != "" {
		t.labelled(g.t("Aanleiding:", "Trigger:"), s, w, fsBody, colText)
	}
	if s := clean(j.Goal); s != "" {
		t.labelled(g.t("Doel:", "Goal:"), s, w, fsBody, colText)
	}
	if j.Vision != "" && g.m.Project != nil {
		if v := g.m.Project.VisionStatement(j.Vision); v != nil {
			label := g.t("Visie:", "Vision:")
			if th := clean(v.Theme); th != "" {
				label = g.t("Visie", "Vision") + " (" + th + "):"
			}
			t.labelled(label, v.Text, w, fsBody, colDesired)
		}
	}
	b := &Box{ID: "title", Role: RoleTitle, Rect: Rect{x, y, w, math.Ceil(t.height())}, Shape: ShapeNone, Text: t.lines}
	return g.add(b)
}

// writeOwner writes who the journey belongs to, above its title: the
// journey's gemeente, then the project's organisation (a shared folder of
// several gemeenten keeps who made each journey).
func (g *grid) writeOwner(t *text, w float64) {
	org := ""
	if g.m.Project != nil {
		org = clean(g.m.Project.Organisation)
	}
	mun := clean(g.j.Municipality)
	if mun != "" && !strings.HasPrefix(strings.ToLower(mun), "gemeente") {
		mun = g.t("Gemeente ", "Municipality of ") + mun
	}
	if mun != "" && org != "" && strings.Contains(strings.ToLower(org), strings.ToLower(clean(g.j.Municipality))) {
		org = "" // "Gemeente Haarlem" needs no "· Gemeente Haarlem"
	}
	switch {
	case mun == "":
		if org != "" {
			t.para(org, w, fsBody, true, colMuted)
		}
	case org == "":
		t.para(mun, w, fsBody, true, colText)
	case textWidth(mun+" · "+org, fsBody, true) <= w:
		t.line(Span{Text: mun, Size: fsBody, Bold: true, Color: colText}, Span{Text: " · " + org, Size: fsBody, Bold: true, Color: colMuted})
	default:
		t.para(mun, w, fsBody, true, colText)
		t.para(org, w, fsBody, true, colMuted)
	}
}

// writePersona writes who the journey is about, with their quote.
func (g *grid) writePersona(t *text, p *blueprint.Persona, w float64) {
	who := clean(p.Name)
	if a := g.m.Vocabulary.Actor(p.Role); a != nil {
		who += " (" + a.Name(g.lang) + ")"
	}
	desc := clean(p.Description)
	if desc == "" {
		desc = who
	} else {
		desc = who + ". " + desc
	}
	t.labelled(g.t("Persona:", "Persona:"), desc, w, fsBody, colText)
	if q := clean(p.Quote); q != "" {
		t.para("“"+q+"”", w, fsBody, false, colMuted)
	}
}

// placePhases is the "phases" pass: a header over the columns of each
// phase that has steps.
func placePhases(g *grid) {
	type ph struct {
		x, w float64
		t    *text
	}
	var list []ph
	h := 0.0
	for _, p := range g.j.Phases {
		steps := g.phaseSteps(p)
		if len(steps) == 0 {
			continue
		}
		x0, w := g.phaseSpan(steps)
		t := &text{}
		t.para(p.Name, w-2*pad, fsPhase, true, colPhaseText)
		if desc := clean(p.Description); desc != "" {
			t.para(desc, w-2*pad, fsSmall, false, "#e3e8eb")
		}
		list = append(list, ph{x0, w, t})
		h = math.Max(h, t.height()+2*pad)
	}
	h = math.Ceil(h)
	for k, p := range list {
		b := &Box{ID: "phase-" + strconv.Itoa(k+1), Role: RolePhase, Rect: Rect{p.x, g.y, p.w, h}, Shape: ShapeRect,
			Fill: phaseColours[k%len(phaseColours)], Text: p.t.lines}
		b.PadX, b.PadY = pad, pad
		g.add(b)
	}
	if len(list) > 0 {
		g.y += h + 6
	}
}

// placeStepHeaders is the "step-headers" pass: the column headers with
// number, channels, title, the reasons of a fail point or repeat contact,
// and the badges (fail point, repeat contact, self-service).
func placeStepHeaders(g *grid) {
	type hdr struct {
		t      *text
		badges [][]*Box // rows, bottom row last
		pills  [][]*Box // rows of channel pills, right-aligned, first row on the number's line
	}
	y := g.y
	hs := make([]hdr, g.n)
	h := 0.0
	inner := colW - 2*pad
	for i, s := range g.j.Steps {
		t := &text{}
		// The number's line is as high as the channel pill beside it.
		num := strconv.Itoa(i + 1)
		t.line(Span{Text: num, Size: fsStep + 1, Bold: true, Color: colMuted})
		var pills []*Box
		for k, id := range s.Channels() {
			part := "channel"
			if k > 0 {
				part += "-" + strconv.Itoa(k+1)
			}
			col := channelColour(g.m.Vocabulary, id)
			p := pillIn(inner-14, g.stepPart(i, part), RoleChannel, g.channelName(id), 0, 0, col, col, "#ffffff")
			p.Class = "pill"
			if g.partnerChannel(id) {
				// A partner's channel is not the gemeente's: outlined.
				p.Fill, p.Text = colPage, recolour(p.Text, col)
				p.Class = "pill partner"
			}
			pills = append(pills, p)
		}
		// The first row of pills shares the number's line; the others get
		// lines of their own.
		rows := rowsOf(pills, inner-textWidth(num, fsStep+1, true)-6, inner)
		for range max(0, len(rows)-1) {
			t.line(Span{Text: " ", Size: pillLineSize})
		}
		t.para(s.Title, inner, fsStep, true, colText)
		if r := clean(s.FailPointReason); r != "" {
			t.labelled(g.t("Faalpunt:", "Fail point:"), r, inner, fsSmall, colPain)
		}
		if r := clean(s.RepeatContactReason); r != "" {
			t.labelled(g.t("Herhaalcontact:", "Repeat contact:"), r, inner, fsSmall, colRepeat)
		}
		var badges []*Box
		if s.FailPoint {
			badges = append(badges, pill(g.stepPart(i, "fail"), RoleBadge, g.t("faalpunt", "fail point"), 0, 0, colPain, colPain, "#ffffff"))
		}
		if s.RepeatContact {
			badges = append(badges, pill(g.stepPart(i, "repeat"), RoleBadge, g.t("herhaalcontact", "repeat contact"), 0, 0, colRepeat, colRepeat, "#ffffff"))
		}
		if s.SelfService {
			badges = append(badges, pill(g.stepPart(i, "self"), RoleBadge, g.t("zelfservice", "self-service"), 0, 0, colSelf, colSelf, "#ffffff"))
		}
		brows := rowsOf(badges, inner, inner)
		need := 2*pad + t.height() + float64(len(brows))*(4+pillH)
		h = math.Max(h, need)
		hs[i] = hdr{t, brows, rows}
	}
	h = math.Ceil(h)
	for i, s := range g.j.Steps {
		stroke, pw := colStepRule, 1.0
		if s.FailPoint {
			stroke, pw = colPain, 2
		}
		b := &Box{ID: g.stepBox(i), Role: RoleStep, Rect: Rect{g.colX[i], y, colW, h}, Shape: ShapeRect,
			Fill: colStepFill, Stroke: stroke, PenWidth: pw, Text: hs[i].t.lines}
		b.PadX, b.PadY = pad, pad
		g.add(b)
		py := y + pad - 2
		for _, row := range hs[i].pills {
			px := b.Right() - pad
			for k := len(row) - 1; k >= 0; k-- {
				p := row[k]
				p.X, p.Y = px-p.W, py
				px -= p.W + 4
				g.add(p)
			}
			py += lineHeight(pillLineSize)
		}
		by := b.Bottom() - pad - float64(len(hs[i].badges))*(pillH+4) + 4
		for _, row := range hs[i].badges {
			bx := b.X + pad
			for _, bg := range row {
				bg.X, bg.Y = bx, by
				bx += bg.W + 4
				g.add(bg)
			}
			by += pillH + 4
		}
	}
	g.headerY, g.headerH = y, h
	g.y = y + h + 10
}

// pillLineSize is the font size of a blank line as high as a row of pills.
const pillLineSize = 14

// rowsOf puts boxes in rows: as many as fit in first on the first row,
// then in width on each next one, 4 points apart.
func rowsOf(boxes []*Box, first, width float64) [][]*Box {
	var rows [][]*Box
	var cur []*Box
	used, room := 0.0, first
	for _, b := range boxes {
		need := b.W
		if len(cur) > 0 {
			need += 4
		}
		if len(rows) == 0 && len(cur) == 0 && need > room && room < width {
			// too wide for the room beside the number: a row of its own
			rows = append(rows, nil)
			room = width
		}
		if len(cur) > 0 && used+need > room {
			rows = append(rows, cur)
			cur, used, room = nil, 0, width
			need = b.W
		}
		cur = append(cur, b)
		used += need
	}
	if len(cur) > 0 {
		rows = append(rows, cur)
	}
	return rows
}

// recolour returns text lines in another colour.
func recolour(lines []TextLine, color string) []TextLine {
	out := make([]TextLine, len(lines))
	for i, l := range lines {
		spans := append([]Span(nil), l.Spans...)
		for k := range spans {
			spans[k].Color = color
		}
		out[i] = TextLine{Spans: spans}
	}
	return out
}
