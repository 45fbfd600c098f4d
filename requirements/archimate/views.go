package archimate

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
	"github.com/dimpact/blueprint/requirements/gemma/coverage"
)

// The grid of a journey view, in pixels (Archi's units).
const (
	margin    = 20  // around the view
	headW     = 220 // the lane header column: lane roles and actors
	pitch     = 230 // one step column
	nodeW     = 210 // an element in a column
	nodeH     = 60  // a stacked element
	stepH     = 80  // a step in the customer lane
	gapV      = 10  // between stacked nodes
	laneTitle = 30  // room for a lane's label at its top
	lanePad   = 12  // below the last node of a lane
	lineH     = 22  // a line of interaction, visibility, internal interaction
	noteLine  = 13  // a line of text in a note in 8 points
)

// Colours.
var (
	laneFill     = &RGB{246, 246, 246}
	laneAltFill  = &RGB{255, 255, 255}
	lineFill     = &RGB{225, 225, 225}
	titleFill    = &RGB{255, 255, 255}
	noteFill     = &RGB{255, 255, 240}
	coveredFill  = &RGB{198, 239, 206}
	systemFill   = &RGB{255, 235, 156}
	gapFill      = &RGB{255, 199, 206}
	notInUseLine = &RGB{191, 96, 0}
)

// Text in Archi's figures: at most about 7 pixels a character at its default
// 9 point font, 15 pixels a line, and the room Archi keeps for the figure's
// icon (an icon offset of up to 22 pixels on both sides of centred text,
// less its 4 pixel margins: AbstractTextControlContainerFigure). The layout sizes nodes with this estimate so that no name is cut
// off; the tests check it for every node.
const (
	charW      = 7.3
	textInsetW = 44
	textInsetH = 16
	textLineH  = 15
)

// CharsPerLine is how many characters of a name fit on a line of a node w
// pixels wide.
func CharsPerLine(w int) int { return max(1, int(float64(w-textInsetW)/charW)) }

// Wrap breaks text into lines of at most n characters at spaces (a longer
// word gets a line of its own), as a figure wraps a name; newlines in the
// text are kept.
func Wrap(text string, n int) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			switch {
			case line == "":
				line = w
			case len([]rune(line))+1+len([]rune(w)) <= n:
				line += " " + w
			default:
				lines = append(lines, line)
				line = w
			}
		}
		lines = append(lines, line)
	}
	return lines
}

// fitHeight is the height a node w wide needs to show text in full, and at
// least min.
func fitHeight(text string, w, min int) int {
	return max(min, len(Wrap(text, CharsPerLine(w)))*textLineH+textInsetH)
}

// viewer makes the nodes of one view with identifiers unique to it.
type viewer struct {
	v *View
	n int
}

func (b *builder) newView(id, name, doc string) *viewer {
	v := &View{ID: b.use(id), Name: name, Documentation: doc}
	b.m.Views = append(b.m.Views, v)
	return &viewer{v: v}
}

func (vw *viewer) id() string {
	vw.n++
	return vw.v.ID + ".n" + strconv.Itoa(vw.n)
}

func (vw *viewer) element(e *Element, x, y, w, h int) *Node {
	return &Node{ID: vw.id(), Kind: NodeElement, Element: e, X: x, Y: y, W: w, H: h}
}

func (vw *viewer) label(text string, x, y, w, h int) *Node {
	return &Node{ID: vw.id(), Kind: NodeLabel, Label: text, X: x, Y: y, W: w, H: h}
}

func (vw *viewer) group(text string, x, y, w, h int) *Node {
	return &Node{ID: vw.id(), Kind: NodeContainer, Label: text, X: x, Y: y, W: w, H: h}
}

func (vw *viewer) connect(r *Relation, s, t *Node, bends ...Point) {
	if r == nil || s == nil || t == nil {
		return
	}
	vw.v.Connections = append(vw.v.Connections, &Connection{ID: vw.id(), Relation: r, Source: s, Target: t, Bendpoints: bends})
}

func (b *builder) views() {
	for _, je := range b.journeys {
		b.journeyView(je)
	}
	b.actorsView()
	b.coverageView()
	for _, bl := range b.in.Result.Catalogue.Blocks {
		b.blockView(bl)
	}
}

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

// employeesIn returns the actors made for the project's employee personas
// whose role is r.
func (b *builder) employeesIn(r *Element) []*Element {
	var out []*Element
	for _, p := range b.in.Journeys.Personas {
		if a := b.vocab.Actor(p.Role); a != nil && a.Kind == blueprint.ActorEmployee && b.shared[ID("role", a.ID)] == r {
			if e := b.shared[ID("persona", p.ID)]; e != nil {
				out = append(out, e)
			}
		}
	}
	return out
}

// actorsView shows every role of the journeys with the actors (personas)
// assigned to it: one column per role.
func (b *builder) actorsView() {
	var roles []*Element
	for _, e := range b.actors {
		if e.Type == "BusinessRole" {
			roles = append(roles, e)
		}
	}
	if len(roles) == 0 {
		return
	}
	vw := b.newView(ID("view", "actors"), b.t("Actoren en rollen van de klantreizen", "Actors and roles of the journeys"),
		b.t("De rollen die in de klantreizen handelen, en de persona's die ze spelen. Gemaakt door blueprint.", "The roles that act in the journeys, and the personas who play them. Made by blueprint."))
	title := vw.label(b.t("Actoren en rollen van de klantreizen", "Actors and roles of the journeys"), margin, margin, len(roles)*pitch-(pitch-nodeW), 30)
	title.Fill, title.FontSize, title.Bold = titleFill, 11, true
	vw.v.Nodes = append(vw.v.Nodes, title)
	top := margin + 30 + 20
	for i, r := range roles {
		x := margin + i*pitch
		h := fitHeight(r.Name, nodeW, nodeH)
		rn := vw.element(r, x, top, nodeW, h)
		vw.v.Nodes = append(vw.v.Nodes, rn)
		y := top + h + 40
		for _, rel := range b.m.Relations {
			if rel.Type == "Assignment" && rel.Target == r && rel.Source.Type == "BusinessActor" {
				ah := fitHeight(rel.Source.Name, nodeW, nodeH)
				an := vw.element(rel.Source, x, y, nodeW, ah)
				vw.v.Nodes = append(vw.v.Nodes, an)
				vw.connect(rel, an, rn)
				y += ah + gapV
			}
		}
	}
}

// journeyLine is the second line of a journey view's title.
func (b *builder) journeyLine(je *journeyElems) string {
	j := je.j
	var parts []string
	if j.Persona != nil {
		parts = append(parts, b.t("Persona: ", "Persona: ")+j.Persona.Name)
	}
	if d := b.vocab.Domain(j.Domain); d != nil {
		parts = append(parts, b.t("domein: ", "domain: ")+d.Name(b.lang))
	}
	if q := b.vocab.QuestionType(j.QuestionType); q != nil {
		parts = append(parts, b.t("vraagsoort: ", "question type: ")+q.Name(b.lang))
	}
	parts = append(parts, fmt.Sprintf(b.t("%d stappen", "%d steps"), len(j.Steps)))
	return strings.Join(parts, " · ")
}

// relationBetween finds a relation of the model made before.
func (b *builder) relationBetween(s, t *Element, typ string) *Relation {
	return b.rels[relKey{typ, s, t}]
}

// The grid of the coverage view.
const (
	tileMinW = 220
	tileH    = 55
	tileGapX = 20
	tileGapY = 12
	tileCols = 4
	groupPad = 15
)

// coverageView shows the KCC referentiecomponenten of the scope in three
// groups, coloured: covered by a requirement (green), only through a system
// of the journeys (yellow), not covered (red); an orange line marks a
// component GEMMA has as In ontwikkeling or Einde ondersteuning.
func (b *builder) coverageView() {
	rep := b.in.Coverage
	n := rep.Counts()
	tileW := tileMinW // wide enough for the longest word of a name
	for _, x := range append(append([]*coverage.Component{}, rep.Components...), rep.Outside...) {
		for _, w := range strings.Fields(x.Element.Name) {
			tileW = max(tileW, int(float64(len([]rune(w)))*charW)+textInsetW+4)
		}
	}
	vw := b.newView(ID("view", "coverage"), fmt.Sprintf(b.t("GEMMA-dekking: KCC-componenten (release %s)", "GEMMA coverage: KCC components (release %s)"), rep.Release),
		b.t("Gemaakt door blueprint (blueprint gemma). ", "Made by blueprint (blueprint gemma). ")+rep.ModelText())
	width := tileCols*tileW + (tileCols-1)*tileGapX + 2*groupPad
	y := margin
	title := vw.label(fmt.Sprintf(b.t("GEMMA-dekking van %d klantreizen en %d eisen\n%s\n%s; gedekt door een eis: %d; alleen via een systeem: %d; niet gedekt: %d",
		"GEMMA coverage of %d journeys and %d requirements\n%s\n%s; covered by a requirement: %d; only through a system: %d; not covered: %d"),
		len(rep.Journeys), len(rep.Requirements), rep.ModelText(), rep.ComponentsText(), n.Covered, n.OnlySystem, n.Gaps), margin, y, width, 64)
	title.Fill, title.FontSize, title.Bold = titleFill, 11, true
	vw.v.Nodes = append(vw.v.Nodes, title)
	y += 64 + 10
	legend := []struct {
		text string
		fill *RGB
		line *RGB
	}{
		{b.t("gedekt door een eis", "covered by a requirement"), coveredFill, nil},
		{b.t("alleen via een systeem in de klantreizen", "only through a system of the journeys"), systemFill, nil},
		{b.t("niet gedekt: een gat", "not covered: a gap"), gapFill, nil},
		{b.t("oranje rand: In ontwikkeling of Einde ondersteuning", "orange border: in development or end of support"), titleFill, notInUseLine},
	}
	for i, l := range legend {
		ln := vw.label(l.text, margin+i*(tileW+tileGapX)+groupPad, y, tileW, fitHeight(l.text, tileW+textInsetW-8, 40))
		ln.Fill, ln.Line = l.fill, l.line
		vw.v.Nodes = append(vw.v.Nodes, ln)
	}
	y += 40 + 15
	covered, onlySystem, gaps := rep.Groups()
	for _, grp := range []struct {
		name string
		xs   []*coverage.Component
		fill *RGB
	}{
		{b.t("Gedekt door eisen", "Covered by requirements"), covered, coveredFill},
		{b.t("Alleen via een systeem in de klantreizen", "Only through a system of the journeys"), onlySystem, systemFill},
		{b.t("Niet gedekt: de gaten", "Not covered: the gaps"), gaps, gapFill},
		{b.t("Buiten de KCC-scope, wel genoemd", "Outside the KCC scope, but named"), rep.Outside, nil},
	} {
		if len(grp.xs) == 0 {
			continue
		}
		rows := (len(grp.xs) + tileCols - 1) / tileCols
		h := laneTitle + rows*tileH + (rows-1)*tileGapY + groupPad
		g := vw.group(fmt.Sprintf("%s (%d)", grp.name, len(grp.xs)), margin, y, width, h)
		g.Fill = laneFill
		for i, x := range grp.xs {
			e := b.gemma(x.Element.ObjectID, x.Element.Name, x.Element.Kind)
			col, row := i%tileCols, i/tileCols
			nd := vw.element(e, margin+groupPad+col*(tileW+tileGapX), y+laneTitle+row*(tileH+tileGapY), tileW, tileH)
			nd.Fill = grp.fill
			if grp.fill == nil {
				nd.Fill = coveredFill
				if !x.Covered() {
					nd.Fill = systemFill
				}
			}
			if x.Element.NotInUse() {
				nd.Line = notInUseLine
			}
			g.Children = append(g.Children, nd)
		}
		vw.v.Nodes = append(vw.v.Nodes, g)
		y += h + 15
	}
}

// The columns of a block view.
const (
	reqW   = 280
	reqH   = 60
	sideW  = 300
	sideH  = 55
	colGap = 90
)

// blockView shows the requirements of one block in the middle, the GEMMA
// components that realize them on the left and the services on the right,
// with the realization relations.
func (b *builder) blockView(bl *requirements.Block) {
	var rows []*requirements.Row
	for _, row := range b.in.Result.Rows {
		if row.Block == bl {
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		return
	}
	vw := b.newView(ID("view", "block", bl.Code), fmt.Sprintf(b.t("Eisen en GEMMA: %d %s", "Requirements and GEMMA: %d %s"), bl.Number, bl.Name(b.lang)),
		b.t("De eisen van het blok met de GEMMA-referentiecomponenten (links) en applicatieservices (rechts) die ze realiseren.", "The block's requirements with the GEMMA reference components (left) and application services (right) that realize them."))
	y0 := margin
	title := vw.label(fmt.Sprintf(b.t("Blok %d – %s\nLinks de referentiecomponenten en voorzieningen, rechts de applicatieservices die de eisen realiseren.", "Block %d – %s\nLeft the reference components and facilities, right the application services that realize the requirements."), bl.Number, bl.Name(b.lang)),
		margin, y0, sideW+reqW+sideW+2*colGap, 42)
	title.Fill, title.FontSize, title.Bold = titleFill, 11, true
	vw.v.Nodes = append(vw.v.Nodes, title)
	top := y0 + 42 + 20
	reqX := margin + sideW + colGap
	svcX := reqX + reqW + colGap
	// The GEMMA elements of the block's requirements.
	type side struct {
		e    *Element
		idx  []int // the rows that name it
		reqs []*requirements.Requirement
	}
	var comps, svcs []*side
	byEl := map[*Element]*side{}
	for i, row := range rows {
		for _, g := range row.Gemma {
			e := b.gemma(g.ObjectID, g.Name, g.Kind)
			s := byEl[e]
			if s == nil {
				s = &side{e: e}
				byEl[e] = s
				if e.Type == gemma.ApplicationService {
					svcs = append(svcs, s)
				} else {
					comps = append(comps, s)
				}
			}
			s.idx = append(s.idx, i)
			s.reqs = append(s.reqs, row.Requirement)
		}
	}
	// The three columns share the height of the longest; each spreads its
	// nodes evenly over it, the GEMMA elements in the order of the mean
	// position of their requirements, so that lines cross little.
	slots := max(len(rows), len(comps), len(svcs))
	slotY := func(i, n int) int {
		if n <= 1 {
			return top + (slots-1)*(reqH+15)/2
		}
		return top + i*(slots-1)*(reqH+15)/(n-1)
	}
	reqNodes := map[*requirements.Requirement]*Node{}
	for i, row := range rows {
		n := vw.element(b.reqs[row.Requirement], reqX, slotY(i, len(rows)), reqW, reqH)
		reqNodes[row.Requirement] = n
		vw.v.Nodes = append(vw.v.Nodes, n)
	}
	nodes := map[*Element]*Node{}
	place := func(items []*side, x int) {
		centre := func(s *side) int {
			sum := 0
			for _, i := range s.idx {
				sum += slotY(i, len(rows))
			}
			return sum / len(s.idx)
		}
		slices.SortStableFunc(items, func(a, b *side) int {
			return cmp.Or(cmp.Compare(centre(a), centre(b)), cmp.Compare(a.e.Name, b.e.Name))
		})
		for i, it := range items {
			n := vw.element(it.e, x, slotY(i, len(items))+(reqH-sideH)/2, sideW, sideH)
			vw.v.Nodes = append(vw.v.Nodes, n)
			nodes[it.e] = n
		}
	}
	place(comps, margin)
	place(svcs, svcX)
	for _, s := range append(comps, svcs...) {
		for _, q := range s.reqs {
			vw.connect(b.relationBetween(s.e, b.reqs[q], "Realization"), nodes[s.e], reqNodes[q])
		}
	}
}
