package compare

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// Result is a whole comparison: the parties in the order of the award
// ranking, with their scores, and the sensitivity of that ranking.
type Result struct {
	Master *Master
	// Method is the method applied; Published the one the PvE published.
	// Deviations lists where they differ (empty when the published method
	// was applied, as it should be).
	Method     *requirements.Method
	Published  *requirements.Method
	Deviations []string
	// Parties are the scored parties in rank order: admitted first.
	Parties []*Party
	// Unreadable are the responses that could not be read or are not a
	// response to this PvE; they are not scored.
	Unreadable []*Response
	// Sensitivity is how the ranking reacts to other weights.
	Sensitivity []*Param
	// Separating are the requirements that separate the admitted parties
	// most.
	Separating []*Separator
	// Lang is the language of the texts in the result.
	Lang blueprint.Lang
}

// Party is one tenderer's scores.
type Party struct {
	Response *Response
	Label    string
	// Blocks are the scores per block, in the master's order.
	Blocks []*BlockScore
	// Reqs are the scores per requirement, by id.
	Reqs map[string]*ReqScore
	// Quality is the quality score, 0–100, rounded to the method's
	// decimals.
	Quality float64
	// Price is the total price over the contract period.
	Price float64
	// PriceScore (MethodWeighted) is 0–100; Total the weighted total.
	PriceScore, Total float64
	// Discount and AssessPrice (MethodValue): the fictitious discount and
	// the assessment price.
	Discount, AssessPrice float64
	// KOMet and KOTotal count the knock-outs.
	KOMet, KOTotal int
	// Excluded is set when the party fails the knock-out gate; Reasons say
	// why (one line per failed knock-out, a missing price).
	Excluded bool
	Reasons  []string
	// Rank is the place in the ranking (1 is first); Tied marks a place
	// shared with another party after every tie-break.
	Rank int
	Tied bool
	// quality and the others unrounded, for the sensitivity.
	rawQuality, rawPriceScore, rawDiscount float64
}

// BlockScore is a party's score in one block.
type BlockScore struct {
	Block *Block
	// Points and Max are the points of the scored requirements; Score is
	// Points ÷ Max × 100 (0 when the block has no scored requirement).
	Points, Max, Score float64
	// Met counts the requirements answered with an answer that meets a
	// knock-out; N counts all requirements of the block.
	Met, N int
	// KOMet and KOTotal count the block's knock-outs.
	KOMet, KOTotal int
	// Scored is false for a block without scored requirements.
	Scored bool
}

// ReqScore is a party's result on one requirement.
type ReqScore struct {
	Code   string
	Factor float64
	// Weight and Points are for a scored requirement.
	Weight, Points float64
	// Value is the euro value of a scored requirement (MethodValue).
	Value float64
	// Meets is set when the answer meets a knock-out.
	Meets bool
	// Invalid says why there is no usable answer.
	Invalid string
}

// Score scores the responses against the master with method (nil: the
// published one) and ranks them. lang is the language of the reasons.
func Score(m *Master, responses []*Response, method *requirements.Method, lang blueprint.Lang) *Result {
	res := &Result{Master: m, Published: m.Method, Method: method, Lang: lang}
	if res.Method == nil {
		res.Method = m.Method
	}
	res.Deviations = res.Method.Differences(m.Method, lang)
	me := res.Method
	for _, resp := range responses {
		if resp.Unreadable {
			res.Unreadable = append(res.Unreadable, resp)
			continue
		}
		res.Parties = append(res.Parties, scoreParty(m, me, resp, lang))
	}
	prices(res)
	rank(res)
	res.Sensitivity = sensitivity(res)
	res.Separating = separating(res)
	return res
}

// weightOf is the weight of a scored requirement: the master's, unless
// the applied method changed the weights per priority.
func weightOf(m *Master, me *requirements.Method, r *Requirement) float64 {
	if m.Method.Weight(r.Priority) == me.Weight(r.Priority) {
		return r.Weight
	}
	return float64(me.Weight(r.Priority))
}

func scoreParty(m *Master, me *requirements.Method, resp *Response, lang blueprint.Lang) *Party {
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	p := &Party{Response: resp, Label: resp.Label, Reqs: map[string]*ReqScore{}}
	for _, b := range m.Blocks {
		bs := &BlockScore{Block: b}
		for _, r := range b.Reqs {
			rs := &ReqScore{}
			if a := resp.Answers[r.ID]; a != nil {
				rs.Code, rs.Invalid = a.Code, a.Invalid
			} else {
				rs.Invalid = "missing"
			}
			if rs.Code != "" {
				rs.Factor, _ = me.Factor(rs.Code)
				rs.Meets = me.MeetsKO(rs.Code)
			}
			bs.N++
			if rs.Meets {
				bs.Met++
			}
			if r.IsKO() {
				bs.KOTotal++
				if rs.Meets {
					bs.KOMet++
				} else {
					what := answerName(m, rs.Code)
					switch {
					case rs.Code != "":
					case rs.Invalid == "empty":
						what = t("onbeantwoord", "unanswered")
					case rs.Invalid == "missing":
						what = t("ontbreekt", "missing")
					default:
						what = t("ongeldig antwoord", "invalid answer")
					}
					p.Reasons = append(p.Reasons, fmt.Sprintf(t("eis %s niet voldaan (%s): %s", "knock-out %s not met (%s): %s"), r.ID, what, r.Title()))
				}
			} else {
				rs.Weight = weightOf(m, me, r)
				rs.Points = rs.Weight * rs.Factor
				rs.Value = me.ValueOf(r.ID, int(math.Round(rs.Weight)))
				bs.Points += rs.Points
				bs.Max += rs.Weight
				p.rawDiscount += rs.Value * rs.Factor
			}
			p.Reqs[r.ID] = rs
		}
		if bs.Max > 0 {
			bs.Scored = true
			bs.Score = 100 * bs.Points / bs.Max
		}
		p.KOMet += bs.KOMet
		p.KOTotal += bs.KOTotal
		p.Blocks = append(p.Blocks, bs)
	}
	p.rawQuality = quality(p.Blocks, me.Blocks, -1, 0)
	p.Quality = me.Round(p.rawQuality)
	p.Price = me.Round(resp.Price.Total)
	p.Discount = me.Round(p.rawDiscount)
	p.AssessPrice = me.Round(resp.Price.Total - p.rawDiscount)
	if !resp.Price.OK {
		p.Reasons = append(p.Reasons, t("geen volledige prijs op het prijsblad", "no complete price on the price sheet"))
	}
	p.Excluded = len(p.Reasons) > 0
	return p
}

// quality is the weighted average of the block scores. With only >= 0,
// block only gets the share share (0–1) and the others keep their
// proportions: the sensitivity varies one block's weight this way.
func quality(blocks []*BlockScore, weights map[string]float64, only int, share float64) float64 {
	var sum, wsum float64
	var bScore float64
	for i, b := range blocks {
		if !b.Scored {
			continue
		}
		w := weights[b.Block.Code]
		if i == only {
			bScore = b.Score
			continue
		}
		sum += w * b.Score
		wsum += w
	}
	if only >= 0 {
		rest := 0.0
		if wsum > 0 {
			rest = sum / wsum
		}
		return share*bScore + (1-share)*rest
	}
	if wsum == 0 {
		return 0
	}
	return sum / wsum
}

// prices computes the price score (relative to the lowest admitted total
// price) and the total score.
func prices(res *Result) {
	me := res.Method
	lowest := math.Inf(1)
	for _, p := range res.Parties {
		if !p.Excluded && p.Response.Price.Total > 0 {
			lowest = math.Min(lowest, p.Response.Price.Total)
		}
	}
	for _, p := range res.Parties {
		price := p.Response.Price.Total
		switch {
		case !p.Response.Price.OK:
			p.rawPriceScore = 0
		case price <= 0 || math.IsInf(lowest, 1):
			p.rawPriceScore = 100
		default:
			// An excluded tender cheaper than every admitted one gets 100,
			// not more: its score is shown for information only.
			p.rawPriceScore = 100 * math.Min(lowest, price) / price
		}
		p.PriceScore = me.Round(p.rawPriceScore)
		p.Total = me.Round((me.Quality*p.rawQuality + me.Price*p.rawPriceScore) / 100)
	}
}

// better reports whether a ranks before b by the published tie-breaks,
// and whether they are equal on every one of them.
func better(me *requirements.Method, a, b *Party) (before, equal bool) {
	if a.Excluded != b.Excluded {
		return !a.Excluded, false
	}
	var keys [][2]float64
	if me.Kind == requirements.MethodValue {
		keys = [][2]float64{{-a.AssessPrice, -b.AssessPrice}, {a.Quality, b.Quality}, {-a.Price, -b.Price}}
	} else {
		keys = [][2]float64{{a.Total, b.Total}, {a.Quality, b.Quality}, {-a.Price, -b.Price}}
	}
	for _, k := range keys {
		if k[0] != k[1] {
			return k[0] > k[1], false
		}
	}
	return false, true
}

// rank orders the parties: admitted before excluded, then by the total
// score (MethodWeighted) or the assessment price (MethodValue), then the
// quality score, then the total price; parties equal on all of these
// share a place (Tied) and are listed by label.
func rank(res *Result) {
	me := res.Method
	ps := res.Parties
	sort.SliceStable(ps, func(i, j int) bool {
		before, equal := better(me, ps[i], ps[j])
		if equal {
			return ps[i].Label < ps[j].Label
		}
		return before
	})
	for i, p := range ps {
		p.Rank = i + 1
		if i > 0 {
			if _, equal := better(me, ps[i-1], p); equal {
				p.Rank = ps[i-1].Rank
				p.Tied, ps[i-1].Tied = true, true
			}
		}
	}
}

// Admitted returns the parties that passed the knock-out gate, in rank
// order.
func (res *Result) Admitted() []*Party {
	var out []*Party
	for _, p := range res.Parties {
		if !p.Excluded {
			out = append(out, p)
		}
	}
	return out
}

// Winner returns the first admitted party, or nil.
func (res *Result) Winner() *Party {
	if a := res.Admitted(); len(a) > 0 {
		return a[0]
	}
	return nil
}

// Labels gives every response its label: the tenderer's name (made unique
// with a number), or with anonymise "Inschrijver A", "B", … in the order
// of the files' SHA-256, which does not depend on the order or names of
// the files.
func Labels(responses []*Response, anonymise bool, lang blueprint.Lang) {
	if anonymise {
		order := append([]*Response(nil), responses...)
		sort.SliceStable(order, func(i, j int) bool { return order[i].Hash < order[j].Hash })
		for i, r := range order {
			r.Label = blueprint.T(lang, "Inschrijver ", "Tenderer ") + letters(i)
		}
		return
	}
	seen := map[string]int{}
	for _, r := range responses {
		name := strings.TrimSpace(r.Name)
		if name == "" {
			name = r.File
		}
		seen[name]++
		if n := seen[name]; n > 1 {
			name = fmt.Sprintf("%s (%d)", name, n)
		}
		r.Label = name
	}
}

// letters is A, B, …, Z, AA, AB, ….
func letters(i int) string { return ColName(i + 1) }
