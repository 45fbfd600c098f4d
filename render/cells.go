package render

import (
	"math"
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// makeCells is the "cells" pass: it builds the boxes of the lanes and the
// sticky notes of every step, each as high as its text, so the lane
// heights are known before anything is placed.
func makeCells(g *grid) {
	g.cells = map[Lane][][]*Box{}
	for _, l := range laneOrder {
		g.cells[l] = make([][]*Box, g.n)
	}
	g.actorBox = make([]map[string][]*Box, g.n)
	g.boxCol = map[*Box]int{}
	role := ""
	if g.j.Persona != nil {
		role = g.j.Persona.Role
	}
	for i, s := range g.j.Steps {
		g.actorBox[i] = map[string][]*Box{}
		ch := ""
		if s.Channel != "" {
			ch = channelColour(g.m.Vocabulary, s.Channel)
		}
		if ev := clean(s.Evidence); ev != "" {
			t := &text{}
			t.para(ev, textW(false), fsBody, false, colText)
			g.cellBox(LaneEvidence, i, t, "")
		}
		if ca := clean(s.CustomerAction); ca != "" {
			t := &text{}
			if g.j.Persona != nil {
				t.para(clean(g.j.Persona.Name), textW(ch != ""), fsSmall, true, laneColours[LaneCustomer].actor)
			}
			t.para(ca, textW(ch != ""), fsBody, false, colText)
			b := g.cellBox(LaneCustomer, i, t, ch)
			if role != "" {
				g.actorBox[i][role] = append(g.actorBox[i][role], b)
			}
		}
		for _, a := range s.Frontstage {
			b := g.actionBox(LaneFront, i, a, ch)
			g.actorBox[i][a.Actor] = append(g.actorBox[i][a.Actor], b)
		}
		for _, a := range s.Backstage {
			b := g.actionBox(LaneBack, i, a, "")
			g.actorBox[i][a.Actor] = append(g.actorBox[i][a.Actor], b)
		}
		for _, sp := range s.Support {
			t := &text{}
			if sp.System != "" {
				t.para(g.systemName(sp.System), textW(false), fsSmall, true, laneColours[LaneSupport].actor)
			}
			t.para(sp.Text, textW(false), fsBody, false, colText)
			g.cellBox(LaneSupport, i, t, "")
		}
		g.stickies(i, "pain", RolePain, LanePain, s.PainPoints, "#7f1d1d")
		g.stickies(i, "success", RoleSuccess, LaneSuccess, s.SuccessFactors, "#1b4d1e")
		for _, h := range s.Handoffs {
			g.handoffs = append(g.handoffs, handoffRef{step: i, h: h})
		}
	}
}

// stickies adds the sticky notes of a step: its pain points or success
// factors.
func (g *grid) stickies(step int, kind string, role Role, lane Lane, notes []string, color string) {
	for k, p := range notes {
		t := &text{}
		t.para(p, colW-2*pad, fsSticky, false, color)
		b := g.cellBox(lane, step, t, "")
		b.Role, b.Class, b.Shape = role, "", ShapeRounded
		b.ID = g.stepPart(step, kind+"-"+strconv.Itoa(k+1))
	}
}

// cellBox makes a box of a lane with its text, the full column width.
func (g *grid) cellBox(lane Lane, step int, t *text, barColour string) *Box {
	c := laneColours[lane]
	b := &Box{
		ID:    g.stepPart(step, string(lane)+"-"+strconv.Itoa(len(g.cells[lane][step])+1)),
		Role:  RoleCell,
		Class: string(lane),
		Rect:  Rect{W: colW},
		Shape: ShapeRect, Fill: c.fill, Stroke: c.rule, PenWidth: 1,
		Text: t.lines,
	}
	b.PadX, b.PadY = pad, pad
	if lane == LaneEvidence {
		b.Shape = ShapeNote
	}
	if barColour != "" {
		b.Bar = barColour
		b.PadX = pad + barW
		b.Stroke = barColour
		b.Fill = tint(barColour, 0.92)
	}
	b.H = math.Ceil(2*b.PadY + t.height())
	g.cells[lane][step] = append(g.cells[lane][step], b)
	g.boxCol[b] = step
	return b
}

// textW is the width for text in a cell box.
func textW(barred bool) float64 {
	if barred {
		return colW - 2*(pad+barW)
	}
	return colW - 2*pad
}

func (g *grid) actionBox(lane Lane, step int, a *blueprint.Action, ch string) *Box {
	t := &text{}
	if g.partner(a.Actor) {
		name := g.actorName(a.Actor)
		if a.Actor != "ketenpartner" { // the built-in one says so itself
			name += g.t(" · extern", " · external")
		}
		t.para(name, textW(ch != ""), fsSmall, true, colPartner)
	} else {
		t.para(g.actorName(a.Actor), textW(ch != ""), fsSmall, true, laneColours[lane].actor)
	}
	t.para(a.Text, textW(ch != ""), fsBody, false, colText)
	b := g.cellBox(lane, step, t, ch)
	if g.partner(a.Actor) {
		g.markPartner(b)
	}
	return b
}

// markPartner draws the box of an outside party apart from the
// gemeente's own: a warm fill and a brown border, whatever the lane.
func (g *grid) markPartner(b *Box) {
	b.Fill, b.Stroke, b.PenWidth = colPartnerFill, colPartner, 1.3
	b.Class += " partner"
}

// joinHandoffs is the "handoff-ends" pass: it finds or makes the boxes at
// both ends of every hand-off, and writes the hand-off into the box it
// leaves from.
func joinHandoffs(g *grid) {
	for k := range g.handoffs {
		ref := &g.handoffs[k]
		ref.from, ref.to = g.handoffEnds(ref.step, ref.h.From, ref.h.To)
		t := &text{lines: ref.from.Text}
		head := "→ " + g.actorName(ref.h.To)
		if ref.h.Channel != "" {
			head += g.t(" via ", " by ") + g.channelName(ref.h.Channel)
		}
		w := colW - 2*ref.from.PadX
		t.para(head, w, fsSmall, true, colHandoff)
		if note := clean(ref.h.Note); note != "" {
			t.para(note, w, fsSmall, false, colHandoff)
		}
		ref.from.Text = t.lines
		ref.from.H = math.Ceil(2*ref.from.PadY + textHeight(ref.from.Text))
	}
}

// laneRank orders the lanes an actor can act in, top to bottom.
var laneRank = map[Lane]int{LaneCustomer: 1, LaneFront: 2, LaneBack: 3}

// actorLanes is the order in which the lanes of an actor are tried: the
// frontoffice first, so that of two equally near pairs the one in front of
// the line of visibility wins (a warm transfer stays in sight).
var actorLanes = []Lane{LaneFront, LaneBack, LaneCustomer}

// handoffEnds chooses the box a hand-off leaves from and the box it
// arrives at. The arrow points at the box that receives: of the boxes of
// the giver and of the receiver in the step, the two that lie in the same
// lane, or else across the fewest lines. A KCC agent in the frontoffice
// who transfers a caller to a department that talks to the caller and
// then works behind the line points at the department's frontoffice box;
// a backoffice task passed on points at the backoffice box. An actor who
// does nothing else in the step gets a ghost box in the lane where it acts
// most in the journey, and the other end is its box nearest to that lane.
func (g *grid) handoffEnds(step int, from, to string) (*Box, *Box) {
	gBoxes, rBoxes := g.actorBox[step][from], g.actorBox[step][to]
	switch {
	case len(gBoxes) > 0 && len(rBoxes) > 0:
		var bestG, bestR *Box
		bestD := 99
		for _, gl := range actorLanes {
			for _, rl := range actorLanes {
				gb, rb := actorIn(gBoxes, gl), actorIn(rBoxes, rl)
				if gb == nil || rb == nil {
					continue
				}
				if d := laneDistance(gl, rl); d < bestD {
					bestG, bestR, bestD = gb, rb, d
				}
			}
		}
		return bestG, bestR
	case len(gBoxes) > 0:
		lane := g.homeLane(to)
		return nearest(gBoxes, lane), g.ghost(step, to, lane)
	case len(rBoxes) > 0:
		lane := g.homeLane(from)
		gb := g.ghost(step, from, lane)
		return gb, nearest(rBoxes, lane)
	}
	gb := g.ghost(step, from, g.homeLane(from))
	return gb, g.ghost(step, to, g.homeLane(to))
}

func laneDistance(a, b Lane) int {
	d := laneRank[a] - laneRank[b]
	if d < 0 {
		return -d
	}
	return d
}

// actorIn returns the first of an actor's boxes in a lane, or nil.
func actorIn(boxes []*Box, lane Lane) *Box {
	for _, b := range boxes {
		if b.Class == string(lane) || strings.HasPrefix(b.Class, string(lane)+" ") {
			return b
		}
	}
	return nil
}

// nearest returns the box of boxes in the lane nearest to lane, the
// frontoffice first on a tie.
func nearest(boxes []*Box, lane Lane) *Box {
	var best *Box
	bestD := 99
	for _, l := range actorLanes {
		if b := actorIn(boxes, l); b != nil {
			if d := laneDistance(l, lane); d < bestD {
				best, bestD = b, d
			}
		}
	}
	return best
}

// ghost is the box of an actor who takes part in a hand-off but does
// nothing else in the step: just its name, dashed, in a lane.
func (g *grid) ghost(step int, actor string, lane Lane) *Box {
	t := &text{}
	t.para(g.actorName(actor), colW-2*pad, fsSmall, true, colMuted)
	b := g.cellBox(lane, step, t, "")
	b.Role, b.Dashed, b.Stroke, b.Fill = RoleGhost, true, colGhostRule, "#ffffff"
	if g.partner(actor) {
		b.Stroke, b.Fill, b.Class = colPartner, colPartnerFill, b.Class+" partner"
	}
	g.actorBox[step][actor] = append(g.actorBox[step][actor], b)
	return b
}

// homeLane is the lane where an actor acts most in the journey.
func (g *grid) homeLane(actor string) Lane {
	front, back := 0, 0
	for _, s := range g.j.Steps {
		for _, a := range s.Frontstage {
			if a.Actor == actor {
				front++
			}
		}
		for _, a := range s.Backstage {
			if a.Actor == actor {
				back++
			}
		}
	}
	switch {
	case front > 0 && front >= back:
		return LaneFront
	case back > 0:
		return LaneBack
	}
	if a := g.m.Vocabulary.Actor(actor); a != nil && a.Kind == blueprint.ActorCustomer {
		return LaneCustomer
	}
	return LaneBack
}
