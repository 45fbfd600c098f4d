package render

import (
	"math"
	"strings"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
)

// The diagram of the format's extensions, checked on the flow fixture and
// on the corpus copies: what a reader looks for on the picture.

func flowJourney(t *testing.T) (*blueprint.Model, *blueprint.Journey, *Layout) {
	t.Helper()
	m := loadDir(t, flowDir)
	j := m.Journeys[0]
	return m, j, Derive(m, j, Options{})
}

func corpusJourney(t *testing.T, id string) (*blueprint.Model, *blueprint.Journey, *Layout) {
	t.Helper()
	m := loadDir(t, corpusDir)
	for _, j := range m.Journeys {
		if j.ID == id {
			return m, j, Derive(m, j, Options{})
		}
	}
	t.Fatalf("no corpus journey %q", id)
	return nil, nil, nil
}

func boxes(l *Layout) map[string]*Box {
	out := map[string]*Box{}
	for _, b := range l.Boxes {
		out[b.ID] = b
	}
	return out
}

func paths(l *Layout) map[string]*Path {
	out := map[string]*Path{}
	for _, p := range l.Paths {
		out[p.ID] = p
	}
	return out
}

// TestLoopsAndJumpsAreDistinct: a loop back is a dashed purple bracket
// below the step headers, a jump or branch a solid grey one above them,
// each with a label that says its condition or where it goes; no two
// brackets are drawn alike on the same line.
func TestLoopsAndJumpsAreDistinct(t *testing.T) {
	for _, c := range []struct {
		name  string
		load  func(*testing.T) (*blueprint.Model, *blueprint.Journey, *Layout)
		loops map[string]string // flow path id → label
		jumps map[string]string
	}{
		{"flow", flowJourney,
			map[string]string{"step-belt-kcc.flow-step-levert-verklaring": "nog niet goed: opnieuw aanvullen"},
			map[string]string{
				"step-vraagt-aan.flow-step-upload-contract": "digitaal",
				"step-vraagt-aan.flow-step-stuurt-per-post": "op papier",
				"step-upload-contract.flow-step-controle":   "naar stap 4",
				"step-belt-kcc.flow-step-kijkt-mijn-rdw":    "compleet",
			}},
		{"gerda", func(t *testing.T) (*blueprint.Model, *blueprint.Journey, *Layout) {
			return corpusJourney(t, "gerda-lantaarnpaal-via-app")
		},
			map[string]string{"step-dubbel-gesloten.flow-step-meldt-opnieuw-app": "de lamp brandt nog steeds niet"},
			map[string]string{"step-dubbel-gesloten.flow-step-belt-kcc": "ze geeft de app op"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, l := c.load(t)
			bs, ps := boxes(l), paths(l)
			var header *Box
			for _, b := range l.Boxes {
				if b.Role == RoleStep {
					header = b
					break
				}
			}
			check := func(id, label, class string, color string, dash Dash, below bool) {
				p := ps[id]
				if p == nil {
					t.Errorf("no %s %s", class, id)
					return
				}
				if p.Class != class || p.Color != color || p.Dash != dash {
					t.Errorf("%s: class %q colour %s dash %v, want %q %s %v", id, p.Class, p.Color, p.Dash, class, color, dash)
				}
				track := p.Points[1].Y
				if below && track <= header.Bottom() || !below && track >= header.Y {
					t.Errorf("%s runs at y=%.0f; the headers run from %.0f to %.0f", id, track, header.Y, header.Bottom())
				}
				lb := bs[id+"-label"]
				if lb == nil || boxText(lb) != label {
					t.Errorf("%s: label %v, want %q", id, lb, label)
					return
				}
				x0, x1 := math.Min(p.Points[1].X, p.Points[2].X), math.Max(p.Points[1].X, p.Points[2].X)
				if lb.X < x0 || lb.Right() > x1 || lb.Bottom() > track {
					t.Errorf("%s: label %v is not above its line from %.0f to %.0f at %.0f", id, lb.Rect, x0, x1, track)
				}
			}
			for id, label := range c.loops {
				check(id, label, "loop", colLoop, Dashed, true)
			}
			for id, label := range c.jumps {
				check(id, label, "jump", colFlow, Solid, false)
			}
			var long []*Path
			for _, p := range l.Paths {
				if p.Role == RoleFlow && p.Class != "" {
					long = append(long, p)
				}
			}
			for i, p := range long {
				for _, q := range long[i+1:] {
					p0, p1 := math.Min(p.Points[1].X, p.Points[2].X), math.Max(p.Points[1].X, p.Points[2].X)
					q0, q1 := math.Min(q.Points[1].X, q.Points[2].X), math.Max(q.Points[1].X, q.Points[2].X)
					if p.Points[1].Y == q.Points[1].Y && p0 < q1 && q0 < p1 {
						t.Errorf("%s and %s run on the same line over the same steps", p.ID, q.ID)
					}
				}
			}
		})
	}
}

// TestBranchesNameTheirCondition: the two branches of Yara's choice
// read "alcohol: ja" and "alcohol: nee" above the headers.
func TestBranchesNameTheirCondition(t *testing.T) {
	_, _, l := corpusJourney(t, "yara-koffiebar-exploitatievergunning")
	bs := boxes(l)
	for id, want := range map[string]string{
		"step-dient-aanvraag-in.flow-step-vult-alcoholdeel-in-label":  "alcohol: ja",
		"step-dient-aanvraag-in.flow-step-ontvangt-bevestiging-label": "alcohol: nee",
		"step-belt-opnieuw-boos.flow-step-inspectie-alcoholwet-label": "met alcohol",
		"step-belt-opnieuw-boos.flow-step-besluit-vergunning-label":   "zonder alcohol",
	} {
		if b := bs[id]; b == nil || boxText(b) != want {
			t.Errorf("%s: %v, want %q", id, b, want)
		}
	}
}

// TestHandoffPointsAtTheReceivingBox: when the receiver acts in the
// frontoffice and the backoffice, the KCC's warm transfer points at the
// receiver's frontoffice box, and the receiver's own hand-off to a partner
// leaves from its backoffice box; a chain in the backoffice stays there.
func TestHandoffPointsAtTheReceivingBox(t *testing.T) {
	_, _, l := flowJourney(t)
	bs, ps := boxes(l), paths(l)
	for id, want := range map[string][2]string{
		"step-belt-kcc.handoff-1": {"frontoffice", "frontoffice"},
		"step-belt-kcc.handoff-2": {"backoffice", "backoffice"},
		"step-controle.handoff-1": {"backoffice", "backoffice"},
		"step-controle.handoff-2": {"backoffice", "backoffice"},
	} {
		p := ps[id]
		if p == nil {
			t.Errorf("no hand-off %s", id)
			continue
		}
		from, to := bs[p.From], bs[p.To]
		if !hasClass(from, want[0]) || !hasClass(to, want[1]) {
			t.Errorf("%s runs from %s (%s) to %s (%s), want %s to %s", id, from.ID, from.Class, to.ID, to.Class, want[0], want[1])
		}
	}
	if to := bs[ps["step-belt-kcc.handoff-1"].To]; !strings.Contains(boxText(to), "Neemt het gesprek over") {
		t.Errorf("the warm transfer ends at %q, not at the box of the one who takes over", boxText(to))
	}
}

// TestDesiredCurveJoinsNeighboursOnly: a dashed segment joins two rings
// only when no point of the heartbeat lies between them; the emotion line
// passes a step left out with hartslag = false.
func TestDesiredCurveJoinsNeighboursOnly(t *testing.T) {
	m := loadExamples(t)
	cm := loadDir(t, corpusDir)
	fm := loadDir(t, flowDir)
	var cases []layoutCase
	for _, j := range m.Journeys {
		cases = append(cases, layoutCase{j.ID, m, j, Options{}})
	}
	for _, j := range cm.Journeys {
		cases = append(cases, layoutCase{j.ID, cm, j, Options{}})
	}
	cases = append(cases, layoutCase{fm.Journeys[0].ID, fm, fm.Journeys[0], Options{}})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := Derive(c.m, c.j, c.opts)
			bs := boxes(l)
			for _, p := range l.Paths {
				if p.Role != RoleHeartbeatD {
					continue
				}
				a, b := bs[p.From], bs[p.To]
				for _, x := range l.Boxes {
					if (x.Role == RoleEmotion || x.Role == RoleDesired) && x.CX() > a.CX()+1 && x.CX() < b.CX()-1 {
						t.Errorf("the desired line %s passes %s", p.ID, x.ID)
					}
				}
			}
		})
	}
	_, _, l := flowJourney(t)
	bs, ps := boxes(l), paths(l)
	if bs["step-stuurt-per-post.emotion"] != nil {
		t.Error("the step with hartslag = false has a point on the heartbeat")
	}
	if ps["step-upload-contract.emotion-to-step-levert-verklaring.emotion"] == nil {
		t.Error("the heartbeat does not join the steps around the hidden one")
	}
}

// TestWaitsSitWhereTheFlowJoins: a wait counted from an earlier step, or
// a wait of a later round, sits under its own step and says so; a wait
// after the step to its left sits in the gutter between them.
func TestWaitsSitWhereTheFlowJoins(t *testing.T) {
	_, j, l := corpusJourney(t, "jelle-paspoort-herinnering")
	bs := boxes(l)
	col := func(stepID string) Column {
		for _, c := range l.Columns {
			if c.StepID == stepID {
				return c
			}
		}
		t.Fatalf("no column %s", stepID)
		return Column{}
	}
	w := bs["step-aanvraag-aan-balie.wait"]
	c := col("aanvraag-aan-balie")
	if w == nil || w.X < c.X || w.Right() > c.X+c.W || !strings.Contains(boxText(w), "sinds stap 3") {
		t.Errorf("the wait counted from step 3 is %v, want it under its column %v, naming step 3", w, c)
	}
	k := col("kto-enquete")
	if w := bs["step-kto-enquete.wait"]; w == nil || math.Abs(w.CX()-(k.X-gutter/2)) > 0.5 {
		t.Errorf("the wait after the step to its left is %v, want it centred on the gutter at %.0f", w, k.X-gutter/2)
	}
	if len(j.Steps) == 0 {
		t.Fatal("no steps")
	}
	_, _, fl := flowJourney(t)
	fb := boxes(fl)
	first, second := fb["step-levert-verklaring.wait"], fb["step-levert-verklaring.wait-2"]
	if first == nil || second == nil {
		t.Fatal("the loop step lacks its two waits")
	}
	if !strings.HasPrefix(boxText(first), "1e keer: wacht 3 dagen") || !strings.HasPrefix(boxText(second), "2e keer: wacht 1 week") {
		t.Errorf("the rounds read %q and %q", boxText(first), boxText(second))
	}
	if !hasClass(second, "over") || hasClass(first, "over") {
		t.Errorf("only the second round is over its deadline: classes %q and %q", first.Class, second.Class)
	}
}

// TestFormatExtensionsOnTheDiagram: the gemeente in the title block, the
// period and secondary domains and question types, reasons under the
// titles, moments, the lead time beside its deadline, a second channel,
// a partner's channel, a self-service badge and outside parties.
func TestFormatExtensionsOnTheDiagram(t *testing.T) {
	_, _, l := flowJourney(t)
	bs := boxes(l)
	title := boxText(bs["title"])
	for _, want := range []string{"Gemeente Zwolle · Testgemeenten", "Openbare Ruimte (ook Belastingen)", "Aanvraag (ook Informatievraag)", "Periode: maart 2025"} {
		if !strings.Contains(title, want) {
			t.Errorf("the title block lacks %q: %s", want, title)
		}
	}
	for id, want := range map[string]string{
		"step-controle":                    "Faalpunt: Het kenteken staat op naam van de leasemaatschappij",
		"step-levert-verklaring":           "Herhaalcontact: Weer een aanvulling op dezelfde aanvraag",
		"step-vraagt-aan.moment":           "dag 0",
		"step-besluit.moment":              "dag 61",
		"span-1":                           "61 dagen: Van aanvraag tot besluit termijn 8 weken (Awb art. 4:13) · over de termijn",
		"step-levert-verklaring.channel-2": "Mijn-omgeving",
		"step-kijkt-mijn-rdw.channel":      "Mijn RDW",
		"step-vraagt-aan.self":             "zelfservice",
	} {
		b := bs[id]
		if b == nil || !strings.Contains(boxText(b), want) {
			t.Errorf("%s reads %v, want %q", id, b, want)
		}
	}
	if !hasClass(bs["span-1"], "over") {
		t.Error("the lead time over its deadline is not marked")
	}
	if !hasClass(bs["step-kijkt-mijn-rdw.channel"], "partner") || hasClass(bs["step-besluit.channel"], "partner") {
		t.Error("the partner's channel and the gemeente's look alike")
	}
	var outside, inside int
	for _, b := range l.Boxes {
		if b.Role != RoleCell {
			continue
		}
		switch {
		case hasClass(b, "partner"):
			outside++
			if b.Fill != colPartnerFill || b.Stroke != colPartner {
				t.Errorf("%s of an outside party is drawn %s/%s", b.ID, b.Fill, b.Stroke)
			}
		default:
			inside++
			if b.Stroke == colPartner {
				t.Errorf("%s of the gemeente is drawn as an outside party", b.ID)
			}
		}
	}
	if outside != 2 || inside == 0 {
		t.Errorf("%d boxes of outside parties (RDW, ketenpartner), want 2", outside)
	}
	legend := ""
	for _, b := range l.Boxes {
		if b.Role == RoleLegend {
			legend += boxText(b) + "\n"
		}
	}
	for _, want := range []string{"Mijn RDW (RDW)", "zelfservice", "buiten de gemeente", "lus terug", "sprong of tak", "doorlooptijd", "langer dan de termijn"} {
		if !strings.Contains(legend, want) {
			t.Errorf("the legend lacks %q", want)
		}
	}
}
