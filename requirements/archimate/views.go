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
