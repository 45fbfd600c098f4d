package compare

import (
	"fmt"
	"math"
	"sort"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// Param is one weight varied in the sensitivity analysis: a block's share
// of the quality score, or the balance of quality and price (with
// MethodValue: a block's euro values, or all of them, as a multiple).
type Param struct {
	// Name says what is varied; Unit is "%" (points of 100) or "×".
	Name, Unit string
	// Base is the value applied; Lo and Hi the values tried around it.
	Base, Lo, Hi float64
	// RankLo and RankHi are the labels of the admitted parties in the
	// order at Lo and at Hi.
	RankLo, RankHi []string
	// Changes is set when the order of the admitted parties at Lo or Hi
	// differs from the applied one.
	Changes bool
	// FlipAt is the value nearest Base (within Min–Max) at which another
	// party would come first, and FlipTo that party; FlipAt is NaN when
	// no value does.
	FlipAt   float64
	FlipTo   string
	Min, Max float64
}

// linear is a party's score (higher is better) as a linear function of
// the parameter: a + b·x.
type linear struct {
	p    *Party
	a, b float64
}

func (l linear) at(x float64) float64 { return l.a + l.b*x }

// sensitivity varies each weight and finds where the winner would change.
// Scores are linear in each parameter (the other block weights keep their
// proportions), so crossings are found exactly.
func sensitivity(res *Result) []*Param {
	adm := res.Admitted()
	if len(adm) == 0 {
		return nil
	}
	me, lang := res.Method, res.Lang
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	var out []*Param
	total := 0.0
	for i, b := range adm[0].Blocks {
		if b.Scored {
			total += me.Blocks[adm[0].Blocks[i].Block.Code]
		}
	}
	if me.Kind == requirements.MethodValue {
		for i, b := range adm[0].Blocks {
			if !b.Scored {
				continue
			}
			code := b.Block.Code
			fn := func(p *Party, k float64) float64 {
				block := 0.0
				for _, r := range p.Blocks[i].Block.Reqs {
					if rs := p.Reqs[r.ID]; rs != nil {
						block += rs.Value * rs.Factor
					}
				}
				return -(p.Response.Price.Total - (p.rawDiscount - block) - k*block)
			}
			out = append(out, vary(adm, fmt.Sprintf(t("Waarde blok %s", "Value of block %s"), code), "×", 1, 0.5, 1.5, 0, 3, fn))
		}
		out = append(out, vary(adm, t("Alle waarden", "All values"), "×", 1, 0.5, 1.5, 0, 3, func(p *Party, k float64) float64 {
			return -(p.Response.Price.Total - k*p.rawDiscount)
		}))
		return out
	}
	for i, b := range adm[0].Blocks {
		if !b.Scored || total == 0 {
			continue
		}
		share := 100 * me.Blocks[b.Block.Code] / total
		idx := i
		fn := func(p *Party, s float64) float64 {
			q := quality(p.Blocks, me.Blocks, idx, s/100)
			return (me.Quality*q + me.Price*p.rawPriceScore) / 100
		}
		out = append(out, vary(adm, fmt.Sprintf(t("Blokgewicht %s", "Block weight %s"), b.Block.Code), "%", share, math.Max(0, share-10), math.Min(100, share+10), 0, 100, fn))
	}
	out = append(out, vary(adm, t("Weging kwaliteit (prijs = 100 − kwaliteit)", "Weight of quality (price = 100 − quality)"), "%", me.Quality,
		math.Max(0, me.Quality-10), math.Min(100, me.Quality+10), 0, 100, func(p *Party, q float64) float64 {
			return (q*p.rawQuality + (100-q)*p.rawPriceScore) / 100
		}))
	return out
}

// vary evaluates one parameter.
func vary(adm []*Party, name, unit string, base, lo, hi, minX, maxX float64, score func(*Party, float64) float64) *Param {
	p := &Param{Name: name, Unit: unit, Base: base, Lo: lo, Hi: hi, Min: minX, Max: maxX, FlipAt: math.NaN()}
	lines := make([]linear, len(adm))
	for i, party := range adm {
		y0, y1 := score(party, 0), score(party, 1)
		lines[i] = linear{party, y0, y1 - y0}
	}
	order := func(x float64) []string {
		ls := append([]linear(nil), lines...)
		sort.SliceStable(ls, func(i, j int) bool {
			a, b := ls[i].at(x), ls[j].at(x)
			if math.Abs(a-b) > 1e-9 {
				return a > b
			}
			return ls[i].p.Rank < ls[j].p.Rank
		})
		names := make([]string, len(ls))
		for i, l := range ls {
			names[i] = l.p.Label
		}
		return names
	}
	base0 := make([]string, len(adm))
	for i, party := range adm {
		base0[i] = party.Label
	}
	p.RankLo, p.RankHi = order(lo), order(hi)
	p.Changes = !equalStrings(p.RankLo, base0) || !equalStrings(p.RankHi, base0)
	// The winner changes where another party's line crosses the winner's;
	// the crossing nearest base on either side is the flip point.
	w := lines[0]
	best := math.Inf(1)
	for _, l := range lines[1:] {
		db := l.b - w.b
		if db == 0 {
			continue
		}
		x := (w.a - l.a) / db
		if x < minX-1e-9 || x > maxX+1e-9 {
			continue
		}
		if d := math.Abs(x - base); d < best {
			best, p.FlipAt, p.FlipTo = d, x, l.p.Label
		}
	}
	return p
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Separator is a requirement on which the admitted parties differ most.
type Separator struct {
	Req *Requirement
	// Spread is the difference between the highest and the lowest points
	// (a scored requirement) or 1 for a knock-out some parties fail.
	Spread float64
	// Codes are the parties' answer codes, in rank order of Result.Parties.
	Codes []string
}

// separating lists up to ten requirements on which the parties' points
// differ most, knock-outs that some parties fail first.
func separating(res *Result) []*Separator {
	ps := res.Parties
	if len(ps) < 2 {
		return nil
	}
	var out []*Separator
	for _, r := range res.Master.Reqs {
		lo, hi := math.Inf(1), math.Inf(-1)
		met, failed := 0, 0
		s := &Separator{Req: r}
		for _, p := range ps {
			rs := p.Reqs[r.ID]
			s.Codes = append(s.Codes, rs.Code)
			if r.IsKO() {
				if rs.Meets {
					met++
				} else {
					failed++
				}
				continue
			}
			lo, hi = math.Min(lo, rs.Points), math.Max(hi, rs.Points)
		}
		switch {
		case r.IsKO() && met > 0 && failed > 0:
			s.Spread = math.Inf(1)
		case !r.IsKO() && hi > lo:
			s.Spread = hi - lo
		default:
			continue
		}
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Spread > out[j].Spread })
	if len(out) > 10 {
		out = out[:10]
	}
	return out
}
