package render

import (
	"math"
	"strconv"

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
	t.para(g.actorName(a.Actor), textW(ch != ""), fsSmall, true, laneColours[lane].actor)
	t.para(a.Text, textW(ch != ""), fsBody, false, colText)
	return g.cellBox(lane, step, t, ch)
}

// joinHandoffs is the "handoff-ends" pass: it finds or makes the boxes at
// both ends of every hand-off, and writes the hand-off into the box it
// leaves from.
func joinHandoffs(g *grid) {
	for k := range g.handoffs {
		ref := &g.handoffs[k]
		// The receiver's box (or the lane where its ghost will go) first,
		// then the giver's box nearest to it, so the arrow is short.
		toLane := g.receiverLane(ref.step, ref.h.To)
		ref.from = g.giverBox(ref.step, ref.h.From, toLane)
		ref.to = g.endBox(ref.step, ref.h.To, false)
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

// receiverLane is the lane of the box a hand-off arrives at: the
// receiver's own box (backstage first), or where its ghost will go.
func (g *grid) receiverLane(step int, actor string) Lane {
	for _, l := range []Lane{LaneBack, LaneFront, LaneCustomer} {
		if actorIn(g.actorBox[step][actor], l) != nil {
			return l
		}
	}
	return g.homeLane(actor)
}

// actorIn returns the first of an actor's boxes in a lane, or nil.
func actorIn(boxes []*Box, lane Lane) *Box {
	for _, b := range boxes {
		if b.Class == string(lane) {
			return b
		}
	}
	return nil
}

// giverBox is the giver's box in the lane nearest to the receiver's (the
// frontstage box on a tie), or a ghost when the giver does nothing in the
// step.
func (g *grid) giverBox(step int, actor string, toLane Lane) *Box {
	var best *Box
	bestD := 99
	for _, l := range []Lane{LaneFront, LaneBack, LaneCustomer} {
		for _, b := range g.actorBox[step][actor] {
			if b.Class != string(l) {
				continue
			}
			dist := laneRank[l] - laneRank[toLane]
			if dist < 0 {
				dist = -dist
			}
			if dist < bestD {
				best, bestD = b, dist
			}
		}
	}
	if best != nil {
		return best
	}
	return g.endBox(step, actor, true)
}

// endBox finds the box of an actor in a step for one end of a hand-off:
// the frontstage box first for the giver, the backstage box first for the
// receiver. An actor with no box in the step gets a "ghost" box with just
// its name, in the lane where it acts elsewhere in the journey.
func (g *grid) endBox(step int, actor string, giver bool) *Box {
	order := []Lane{LaneBack, LaneFront, LaneCustomer}
	if giver {
		order = []Lane{LaneFront, LaneBack, LaneCustomer}
	}
	for _, l := range order {
		if b := actorIn(g.actorBox[step][actor], l); b != nil {
			return b
		}
	}
	lane := g.homeLane(actor)
	t := &text{}
	t.para(g.actorName(actor), colW-2*pad, fsSmall, true, colMuted)
	b := g.cellBox(lane, step, t, "")
	b.Role, b.Dashed, b.Stroke, b.Fill = RoleGhost, true, colGhostRule, "#ffffff"
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
