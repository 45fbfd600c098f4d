package render

import (
	"fmt"
	"math"
	"strconv"

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
	if g.m.Project != nil {
		if org := clean(g.m.Project.Organisation); org != "" {
			t.para(org, w, fsBody, true, colMuted)
		}
	}
	t.para(j.Title, w, fsTitle, true, colText)
	t.line(Span{Text: " ", Size: 6})
	if p := j.Persona; p != nil {
		g.writePersona(t, p, w)
	}
	meta := ""
	if dm := g.m.Vocabulary.Domain(j.Domain); dm != nil {
		meta = dm.Name(g.lang)
	}
	qt := ""
	if q := g.m.Vocabulary.QuestionType(j.QuestionType); q != nil {
		qt = q.Name(g.lang)
	}
	t.line(Span{Text: g.t("Domein: ", "Domain: "), Size: fsBody, Bold: true}, Span{Text: meta + "   ", Size: fsBody},
		Span{Text: g.t("Vraagsoort: ", "Question type: "), Size: fsBody, Bold: true}, Span{Text: qt + "   ", Size: fsBody},
		Span{Text: fmt.Sprintf(g.t("%d stappen in %d fasen", "%d steps in %d phases"), len(j.Steps), len(j.Phases)), Size: fsBody, Color: colMuted})
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
// number, channel, title and the fail point and repeat contact badges.
func placeStepHeaders(g *grid) {
	type hdr struct {
		t      *text
		badges []*Box
		ch     *Box
	}
	y := g.y
	hs := make([]hdr, g.n)
	h := 0.0
	for i, s := range g.j.Steps {
		t := &text{}
		// The number's line is as high as the channel pill beside it.
		t.line(Span{Text: strconv.Itoa(i + 1), Size: fsStep + 1, Bold: true, Color: colMuted})
		t.para(s.Title, colW-2*pad, fsStep, true, colText)
		var badges []*Box
		if s.FailPoint {
			badges = append(badges, pill(g.stepPart(i, "fail"), RoleBadge, g.t("faalpunt", "fail point"), 0, 0, colPain, colPain, "#ffffff"))
		}
		if s.RepeatContact {
			badges = append(badges, pill(g.stepPart(i, "repeat"), RoleBadge, g.t("herhaalcontact", "repeat contact"), 0, 0, colRepeat, colRepeat, "#ffffff"))
		}
		var ch *Box
		if s.Channel != "" {
			col := channelColour(g.m.Vocabulary, s.Channel)
			ch = pill(g.stepPart(i, "channel"), RoleChannel, g.channelName(s.Channel), 0, 0, col, col, "#ffffff")
			ch.Class = "pill"
		}
		need := 2*pad + t.height()
		if len(badges) > 0 {
			need += 4 + pillH
		}
		h = math.Max(h, need)
		hs[i] = hdr{t, badges, ch}
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
		if ch := hs[i].ch; ch != nil {
			ch.X, ch.Y = b.Right()-pad-ch.W, y+pad-2
			g.add(ch)
		}
		bx := b.X + pad
		for _, bg := range hs[i].badges {
			bg.X, bg.Y = bx, b.Bottom()-pad-bg.H
			bx += bg.W + 4
			g.add(bg)
		}
	}
	g.headerY, g.headerH = y, h
	g.y = y + h + 10
}
