package archimate

import (
	"slices"
	"strings"

	"github.com/dimpact/blueprint/requirements"
)

// lane is one row of a journey view: a header with roles or actors, and a
// stack of nodes per column.
type lane struct {
	name  string
	head  []*Element
	cells [][]cellNode // per column
	// line, when set, is the line drawn below the lane.
	line string
}

type cellNode struct {
	el    *Element
	note  string
	h     int
	keyed any // the thing the node shows, for connections
}

func (l *lane) add(col int, c cellNode) {
	for len(l.cells) <= col {
		l.cells = append(l.cells, nil)
	}
	l.cells[col] = append(l.cells[col], c)
}

func (l *lane) empty() bool {
	for _, c := range l.cells {
		if len(c) > 0 {
			return false
		}
	}
	return true
}

// height is the room the lane needs: its title, the tallest stack of a
// column (or of the header), and a margin.
func (l *lane) height() int {
	tallest := nodeH
	stack := func(hs []int) int {
		s := 0
		for i, h := range hs {
			if i > 0 {
				s += gapV
			}
			s += h
		}
		return s
	}
	var head []int
	for _, e := range l.head {
		head = append(head, fitHeight(e.Name, headW-40, nodeH))
	}
	tallest = max(tallest, stack(head))
	for _, c := range l.cells {
		var hs []int
		for _, n := range c {
			hs = append(hs, n.h)
		}
		tallest = max(tallest, stack(hs))
	}
	return laneTitle + tallest + lanePad
}

// requirementNote lists requirement ids, two to a line.
func requirementNote(reqs []*requirements.Requirement) (string, int) {
	if len(reqs) == 0 {
		return "—", 1
	}
	var lines []string
	for i := 0; i < len(reqs); i += 2 {
		l := reqs[i].ID
		if i+1 < len(reqs) {
			l += "  " + reqs[i+1].ID
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n"), len(lines)
}

// journeyView draws the journey as its service blueprint: a column per
// step, left to right in the order of the file (after the trigger), and the
// lanes top to bottom: physical evidence, channel, customer action, the
// line of interaction, frontoffice, the line of visibility, backoffice,
// the line of internal interaction, support, and the requirements each
// step asks for. Above them the journey and its phases span their steps.
func (b *builder) journeyView(je *journeyElems) {
	j := je.j
	vw := b.newView(ID("view", "journey", j.ID), b.t("Klantreis: ", "Customer journey: ")+j.Title,
		b.t("De klantreis als service blueprint: stappen van links naar rechts, lanen van boven naar onder. Gemaakt door blueprint uit ", "The journey as a service blueprint: steps left to right, lanes top to bottom. Made by blueprint from ")+j.File+".")
	off := 0 // the first step's column
	if je.trigger != nil {
		off = 1
	}
	cols := off + len(je.steps)
	colX := func(c int) int { return margin + headW + c*pitch + (pitch-nodeW)/2 }
	width := headW + cols*pitch

	evidence := &lane{name: b.t("Fysiek bewijs", "Physical evidence")}
	channel := &lane{name: b.t("Kanaal", "Channel")}
	customer := &lane{name: b.t("Klantactie", "Customer action"), line: b.t("lijn van interactie", "line of interaction")}
	front := &lane{name: b.t("Frontoffice (zichtbaar voor de klant)", "Frontoffice (visible to the customer)"), line: b.t("lijn van zichtbaarheid", "line of visibility")}
	back := &lane{name: b.t("Backoffice", "Backoffice"), line: b.t("lijn van interne interactie", "line of internal interaction")}
	support := &lane{name: b.t("Ondersteuning", "Support")}
	reqs := &lane{name: b.t("Eisen die de stap vraagt", "Requirements the step asks for")}
	if je.persona != nil {
		customer.head = append(customer.head, je.persona)
	}
	if je.role != nil {
		customer.head = append(customer.head, je.role)
	}
	if je.trigger != nil {
		customer.add(0, cellNode{el: je.trigger, h: fitHeight(je.trigger.Name, nodeW, nodeH)})
	}
	headRole := func(l *lane, r *Element) {
		if r != nil && !slices.Contains(l.head, r) {
			l.head = append(l.head, r)
		}
	}
	// Every step as tall as the tallest, so that the flow runs straight.
	stepHeight := stepH
	for _, se := range je.steps {
		stepHeight = max(stepHeight, fitHeight(se.el.Name, nodeW, stepH))
	}
	for i, se := range je.steps {
		c := off + i
		if se.evidence != nil {
			evidence.add(c, cellNode{el: se.evidence, h: fitHeight(se.evidence.Name, nodeW, nodeH)})
		}
		if se.channel != nil {
			channel.add(c, cellNode{el: se.channel, h: nodeH - 15, keyed: se})
		}
		customer.add(c, cellNode{el: se.el, h: stepHeight, keyed: se})
		for _, a := range se.front {
			front.add(c, cellNode{el: a.el, h: fitHeight(a.el.Name, nodeW, nodeH)})
			headRole(front, a.role)
		}
		for _, a := range se.back {
			back.add(c, cellNode{el: a.el, h: fitHeight(a.el.Name, nodeW, nodeH)})
			headRole(back, a.role)
		}
		for _, s := range se.support {
			support.add(c, cellNode{el: s, h: fitHeight(s.Name, nodeW, nodeH)})
		}
		text, lines := requirementNote(se.reqs)
		reqs.add(c, cellNode{note: text, h: lines*noteLine + 12})
	}

	// Under the roles of the frontoffice and backoffice, the employees of
	// the project who have those roles.
	for _, l := range []*lane{front, back} {
		for _, r := range slices.Clone(l.head) {
			for _, p := range b.employeesIn(r) {
				headRole(l, p)
			}
		}
	}

	// Title, journey, phases.
	y := margin
	title := vw.label(j.Title+"\n"+b.journeyLine(je), margin, y, width, 48)
	title.Fill, title.FontSize, title.Bold = titleFill, 12, true
	vw.v.Nodes = append(vw.v.Nodes, title)
	y += 48 + 12
	spanX := colX(off)
	spanW := colX(cols-1) + nodeW - spanX
	vw.v.Nodes = append(vw.v.Nodes, vw.element(je.process, spanX, y, spanW, 45))
	y += 45 + 10
	// A phase spans each run of consecutive steps that belong to it.
	for i := 0; i < len(je.steps); {
		k := i
		for k < len(je.steps) && je.steps[k].s.Phase == je.steps[i].s.Phase {
			k++
		}
		if pe := je.phases[je.steps[i].s.Phase]; pe != nil {
			x := colX(off + i)
			vw.v.Nodes = append(vw.v.Nodes, vw.element(pe, x, y, colX(off+k-1)+nodeW-x, 40))
		}
		i = k
	}
	y += 40 + 15

	// The lanes.
	stepNodes := map[*stepElems]*Node{}
	channelNodes := map[*stepElems]*Node{}
	var custTop, custBottom int
	alt := false
	for _, l := range []*lane{evidence, channel, customer, front, back, support, reqs} {
		if l.empty() && l != customer {
			continue
		}
		h := l.height()
		g := vw.group(l.name, margin, y, width, h)
		g.Fill = laneFill
		if alt {
			g.Fill = laneAltFill
		}
		alt = !alt
		hy := y + laneTitle
		for _, e := range l.head {
			h := fitHeight(e.Name, headW-40, nodeH)
			g.Children = append(g.Children, vw.element(e, margin+15, hy, headW-40, h))
			hy += h + gapV
		}
		for c, cell := range l.cells {
			ny := y + laneTitle
			for _, cn := range cell {
				var n *Node
				if cn.el != nil {
					n = vw.element(cn.el, colX(c), ny, nodeW, cn.h)
				} else {
					n = vw.label(cn.note, colX(c), ny, nodeW, cn.h)
					n.Fill, n.FontSize = noteFill, 8
				}
				g.Children = append(g.Children, n)
				if se, ok := cn.keyed.(*stepElems); ok {
					if l == customer {
						stepNodes[se] = n
					} else {
						channelNodes[se] = n
					}
				}
				if cn.el == je.trigger && je.trigger != nil {
					stepNodes[nil] = n
				}
				ny += cn.h + gapV
			}
		}
		vw.v.Nodes = append(vw.v.Nodes, g)
		if l == customer {
			custTop, custBottom = y, y+h
		}
		y += h
		if l.line != "" {
			ln := vw.label(l.line, margin, y, width, lineH)
			ln.Fill, ln.FontSize = lineFill, 8
			vw.v.Nodes = append(vw.v.Nodes, ln)
			y += lineH
		}
	}

	// The channel serves the step below it.
	for _, se := range je.steps {
		vw.connect(se.channelRel, channelNodes[se], stepNodes[se])
	}
	// The flow: straight to the next column, over the top of the lane for
	// a step further on, under the lane for a step back.
	if je.trigger != nil && len(je.steps) > 0 {
		vw.connect(b.relationBetween(je.trigger, je.steps[0].el, "Triggering"), stepNodes[nil], stepNodes[je.steps[0]])
	}
	over, under := 0, 0
	for _, f := range je.flows {
		s, t := stepNodes[je.steps[f.from]], stepNodes[je.steps[f.to]]
		switch {
		case f.to == f.from+1:
			vw.connect(f.rel, s, t)
		case f.to > f.from:
			yy := custTop + 12 + 4*(over%4)
			over++
			vw.connect(f.rel, s, t, Point{s.X + s.W/2, yy}, Point{t.X + t.W/2, yy})
		default:
			yy := custBottom - 5 - 3*(under%3)
			under++
			vw.connect(f.rel, s, t, Point{s.X + s.W/2, yy}, Point{t.X + t.W/2, yy})
		}
	}
}
