package compare

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// handMaster is a small master to compute by hand: block A with two
// wensen (weights 5 and 3) and an eis, block B with two wensen (1 and 5).
func handMaster() *Master {
	method := &requirements.Method{
		Kind: requirements.MethodWeighted, Quality: 60, Price: 40, Years: 4, Decimals: 2, MaxNote: 2000, MaxEvidence: 500,
		Factors: map[string]float64{"standaard": 1, "configuratie": 0.8, "maatwerk": 0.5, "deels": 0.25, "roadmap": 0.25, "niet": 0},
		KO:      []string{"standaard", "configuratie", "maatwerk"},
		Weights: map[string]int{"must": 5, "should": 3, "could": 1},
		Blocks:  map[string]float64{"A": 8, "B": 6},
		Values:  map[string]float64{},
	}
	m := &Master{File: "pve.xlsx", Lang: blueprint.Dutch, Method: method, ByID: map[string]*Requirement{},
		Meta: &Meta{TenderID: "T-1", Version: "1.0", Answers: []MetaAnswer{
			{Code: "standaard", Name: "Voldoet standaard"}, {Code: "configuratie", Name: "Voldoet met configuratie"},
			{Code: "maatwerk", Name: "Voldoet met maatwerk"}, {Code: "deels", Name: "Voldoet deels"},
			{Code: "roadmap", Name: "Roadmap"}, {Code: "niet", Name: "Voldoet niet"}}}}
	for _, b := range []struct {
		code string
		reqs [][3]string // id, kind, priority
	}{
		{"A", [][3]string{{"A1", "wens", "must"}, {"A2", "wens", "should"}, {"A3", "eis", "must"}}},
		{"B", [][3]string{{"B1", "wens", "could"}, {"B2", "wens", "must"}}},
	} {
		bl := &Block{Code: b.code, Sheet: "Blok " + b.code, Name: "Blok " + b.code}
		for _, r := range b.reqs {
			req := &Requirement{ID: r[0], Block: bl, Kind: r[1], Priority: r[2], Cells: make([]string, 10)}
			req.Cells[1] = "Onderwerp " + r[0]
			if r[1] == "wens" {
				req.Weight = float64(method.Weights[r[2]])
			}
			bl.Reqs = append(bl.Reqs, req)
			m.Reqs = append(m.Reqs, req)
			m.ByID[req.ID] = req
		}
		m.Blocks = append(m.Blocks, bl)
	}
	return m
}

func party(name string, total float64, codes map[string]string) *Response {
	r := &Response{File: strings.ToLower(name) + ".xlsx", Name: name, Label: name, Answers: map[string]*Answer{},
		Price: Price{Total: total, OK: true}}
	for id, code := range codes {
		r.Answers[id] = &Answer{Code: code}
	}
	return r
}

func handParties() []*Response {
	return []*Response{
		party("P", 1000000, map[string]string{"A1": "standaard", "A2": "configuratie", "A3": "standaard", "B1": "deels", "B2": "maatwerk"}),
		party("Q", 800000, map[string]string{"A1": "configuratie", "A2": "standaard", "A3": "configuratie", "B1": "standaard", "B2": "roadmap"}),
		party("R", 600000, map[string]string{"A1": "standaard", "A2": "standaard", "A3": "deels", "B1": "standaard", "B2": "standaard"}),
	}
}

// The worked example, computed by hand, for the weighted method.
//
//	P: block A (5 + 3×0.8) / 8 = 92.5; block B (1×0.25 + 5×0.5) / 6 = 45.83;
//	   quality (8×92.5 + 6×45.83) / 14 = 72.5; price score 100 × 800,000 /
//	   1,000,000 = 80; total (60×72.5 + 40×80) / 100 = 75.5.
//	Q: block A (5×0.8 + 3) / 8 = 87.5; block B (1 + 5×0.25) / 6 = 37.5;
//	   quality (700 + 225) / 14 = 66.07; price score 100; total
//	   (60×66.0714 + 40×100) / 100 = 79.64.
//	R: answers eis A3 "Voldoet deels": excluded, ranked last.
func TestWorkedExampleWeighted(t *testing.T) {
	m := handMaster()
	res := Score(m, handParties(), nil, blueprint.Dutch)
	require.Len(t, res.Parties, 3)
	q, p, r := res.Parties[0], res.Parties[1], res.Parties[2]
	assert.Equal(t, []string{"Q", "P", "R"}, []string{q.Label, p.Label, r.Label})
	assert.Equal(t, []int{1, 2, 3}, []int{q.Rank, p.Rank, r.Rank})

	assert.Equal(t, 92.5, p.Blocks[0].Score)
	assert.InDelta(t, 45.8333, p.Blocks[1].Score, 1e-4)
	assert.Equal(t, 72.5, p.Quality)
	assert.Equal(t, 80.0, p.PriceScore)
	assert.Equal(t, 75.5, p.Total)

	assert.Equal(t, 87.5, q.Blocks[0].Score)
	assert.Equal(t, 37.5, q.Blocks[1].Score)
	assert.Equal(t, 66.07, q.Quality)
	assert.Equal(t, 100.0, q.PriceScore)
	assert.Equal(t, 79.64, q.Total)

	assert.True(t, r.Excluded)
	assert.Equal(t, []string{"eis A3 niet voldaan (Voldoet deels): Onderwerp A3"}, r.Reasons)
	assert.Equal(t, 100.0, r.PriceScore, "an excluded tender cheaper than all admitted ones scores 100, not more")
	assert.Equal(t, 1, p.KOMet)
	assert.Equal(t, 0, r.KOMet)
	assert.Equal(t, 3, p.Blocks[0].Met, "A1, A2, A3 meet")
	assert.Equal(t, 1, p.Blocks[1].Met, "B2 (maatwerk) meets, B1 (deels) does not")

	// Quality weight: Q and P are equal where
	// q×66.0714 + (100−q)×100 = q×72.5 + (100−q)×80, at q = 14000/185 = 75.68.
	var qw *Param
	for _, s := range res.Sensitivity {
		if strings.HasPrefix(s.Name, "Weging kwaliteit") {
			qw = s
		}
	}
	require.NotNil(t, qw)
	assert.InDelta(t, 14000.0/185, qw.FlipAt, 1e-9)
	assert.Equal(t, "P", qw.FlipTo)
	assert.Equal(t, []string{"Q", "P"}, qw.RankLo)
	assert.Equal(t, []string{"Q", "P"}, qw.RankHi, "at 70 points for quality Q still wins")
	assert.False(t, qw.Changes)
	assert.Equal(t, "A3", res.Separating[0].Req.ID, "the knock-out R fails separates most")
}

// The worked example for gunnen op waarde: € 10,000 per weight point, B2
// worth € 80,000 of its own.
//
//	P: discount 50,000×1 + 30,000×0.8 + 10,000×0.25 + 80,000×0.5 = 116,500;
//	   assessment price 1,000,000 − 116,500 = 883,500.
//	Q: discount 50,000×0.8 + 30,000 + 10,000 + 80,000×0.25 = 100,000;
//	   assessment price 800,000 − 100,000 = 700,000: first.
func TestWorkedExampleValue(t *testing.T) {
	m := handMaster()
	me := m.Method.Clone()
	me.Kind, me.ValuePerPoint = requirements.MethodValue, 10000
	me.Values["B2"] = 80000
	res := Score(m, handParties(), me, blueprint.Dutch)
	q, p, r := res.Parties[0], res.Parties[1], res.Parties[2]
	assert.Equal(t, []string{"Q", "P", "R"}, []string{q.Label, p.Label, r.Label})
	assert.Equal(t, 116500.0, p.Discount)
	assert.Equal(t, 883500.0, p.AssessPrice)
	assert.Equal(t, 100000.0, q.Discount)
	assert.Equal(t, 700000.0, q.AssessPrice)
	assert.True(t, r.Excluded)
	assert.Equal(t, []string{"methode: gepubliceerd gewogen, toegepast waarde", "waarde_per_punt: gepubliceerd 0, toegepast 10000", "waarde.B2: gepubliceerd —, toegepast 80000"}, res.Deviations,
		"a method other than the published one is reported")
	// All values ×k: Q and P are equal where 800,000 − 100,000k =
	// 1,000,000 − 116,500k, at k = 200,000 / 16,500 = 12.1: not within 0–3.
	last := res.Sensitivity[len(res.Sensitivity)-1]
	assert.Equal(t, "Alle waarden", last.Name)
	assert.True(t, math.IsNaN(last.FlipAt))
}

// Ties are broken as published: total, then quality, then the lower
// price; parties equal on all of them share the place.
func TestRankTieBreaks(t *testing.T) {
	m := handMaster()
	same := map[string]string{"A1": "standaard", "A2": "standaard", "A3": "standaard", "B1": "standaard", "B2": "standaard"}
	res := Score(m, []*Response{party("Zeta", 500000, same), party("Alfa", 500000, same), party("Beta", 600000, same)}, nil, blueprint.Dutch)
	var got []string
	for _, p := range res.Parties {
		got = append(got, p.Label+" "+p.RankText(blueprint.Dutch))
	}
	assert.Equal(t, []string{"Alfa 1 (gedeeld)", "Zeta 1 (gedeeld)", "Beta 3"}, got)
	var md bytes.Buffer
	require.NoError(t, WriteReport(&md, res))
	assert.Contains(t, md.String(), "de eerste plaats is gedeeld na alle gepubliceerde beslisregels")
}

// Anonymous labels follow the files' hashes, not their order or names.
func TestLabels(t *testing.T) {
	a := &Response{Name: "Acme", Hash: "bb"}
	b := &Response{Name: "Bolt", Hash: "aa"}
	Labels([]*Response{a, b}, true, blueprint.Dutch)
	assert.Equal(t, []string{"Inschrijver B", "Inschrijver A"}, []string{a.Label, b.Label})
	Labels([]*Response{b, a}, true, blueprint.English)
	assert.Equal(t, []string{"Tenderer B", "Tenderer A"}, []string{a.Label, b.Label})
	c := &Response{Name: "Acme", Hash: "cc"}
	Labels([]*Response{a, c}, false, blueprint.Dutch)
	assert.Equal(t, []string{"Acme", "Acme (2)"}, []string{a.Label, c.Label})
}

// Vendor text stays text: Markdown cannot turn it into links or HTML, and
// the CSV neutralises formulas.
func TestVendorTextStaysText(t *testing.T) {
	assert.Equal(t, `=HYPERLINK("http:\/\/evil","x")`, MDText(`=HYPERLINK("http://evil","x")`))
	assert.Equal(t, `\[klik\](javascript:alert(1)) \<img src=x\>`, MDText(`[klik](javascript:alert(1)) <img src=x>`))
	assert.Equal(t, `www\.evil.nl`, MDText("www.evil.nl"))
	m := handMaster()
	p := party("=cmd|' /C calc'!A0", 500000, map[string]string{"A3": "standaard"})
	res := Score(m, []*Response{p}, nil, blueprint.Dutch)
	var csv bytes.Buffer
	require.NoError(t, WriteCSV(&csv, res))
	assert.Contains(t, csv.String(), `'=cmd|' /C calc'!A0 – antwoord`)
	var js bytes.Buffer
	require.NoError(t, WriteJSON(&js, res))
	var doc map[string]any
	require.NoError(t, json.Unmarshal(js.Bytes(), &doc))
	assert.Equal(t, float64(JSONSchema), doc["schema"])
}
