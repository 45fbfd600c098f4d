package requirements

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// Method is the assessment method of a tender: what each answer scores,
// which answers meet a knock-out requirement, the weights, and how price
// and quality make the award ranking (beste prijs-kwaliteitverhouding).
//
// One Method value is the source of both what the PvE publishes and what
// blueprint compare applies: the workbook's Toelichting describes it, the
// self-check formulas use its factors and weights, and the hidden _meta
// sheet holds it as TOML (Method.TOML), which compare reads back. The
// Aanbestedingswet 2012 (art. 2.114, 2.115) asks for criteria and weights
// published in advance; with one value they cannot drift apart.
//
// The TOML keys are Dutch, as in the catalogue, because a tender team
// writes the file (blueprint matrix --scoring, blueprint compare
// --scoring); see docs/requirements.md.
type Method struct {
	blueprint.Source
	// Kind is MethodWeighted or MethodValue.
	Kind string `toml:"methode"`
	// Quality and Price are the points of quality and price out of 100
	// (MethodWeighted).
	Quality float64 `toml:"kwaliteit"`
	Price   float64 `toml:"prijs"`
	// Years is the contract period over which the price sheet adds up the
	// yearly costs.
	Years int `toml:"contractjaren"`
	// Decimals is the precision to which scores and prices are rounded
	// before they are ranked.
	Decimals int `toml:"decimalen"`
	// MaxNote and MaxEvidence are the longest vendor explanation and
	// evidence (in characters) that are assessed.
	MaxNote     int `toml:"max_toelichting"`
	MaxEvidence int `toml:"max_bewijs"`
	// Factors gives each answer code the fraction of the weight it scores.
	Factors map[string]float64 `toml:"factor"`
	// KO lists the answer codes that meet a knock-out requirement.
	KO []string `toml:"ko"`
	// Weights gives the weight of a scored requirement per priority
	// (must, should, could).
	Weights map[string]int `toml:"gewicht"`
	// Blocks gives each block code its weight in the quality score. The
	// default is the block's maximum points, so that the quality score is
	// all points over all maximum points.
	Blocks map[string]float64 `toml:"blokgewicht"`
	// ValuePerPoint is the euro value of one weight point (MethodValue):
	// a scored requirement is worth its weight times this.
	ValuePerPoint float64 `toml:"waarde_per_punt"`
	// Values gives single requirements their own euro value (MethodValue).
	Values map[string]float64 `toml:"waarde"`
}

// The two award methods.
const (
	// MethodWeighted scores quality and price each out of 100 and adds
	// them with the weights Quality and Price; the price score is the
	// lowest price of an admitted tender divided by the tender's price.
	MethodWeighted = "gewogen"
	// MethodValue is "gunnen op waarde": every scored requirement has a
	// euro value, the fictitious discount is the sum of value × the
	// answer's factor, and the assessment price is the price minus the
	// discount. The lowest assessment price wins.
	MethodValue = "waarde"
)

// methodDefaults is the one table of the method's defaults that are not
// catalogue data. Answer factors, knock-out answers and priority weights
// come from the catalogue ([[antwoord]], [weging]); block weights from the
// requirements in the PvE (DefaultMethod).
var methodDefaults = Method{
	Kind:        MethodWeighted,
	Quality:     60,
	Price:       40,
	Years:       4,
	Decimals:    2,
	MaxNote:     2000,
	MaxEvidence: 500,
}

// MethodKinds returns the names of the award methods.
func MethodKinds() []string { return []string{MethodWeighted, MethodValue} }

// RoadmapCode is the answer code that asks for a roadmap date.
const RoadmapCode = "roadmap"

// DefaultMethod returns the method a PvE publishes when the tender gives
// none: the catalogue's answer factors, knock-out answers and weights, the
// block weights from the rows (each block's maximum points), and the
// defaults of methodDefaults.
func DefaultMethod(cat *Catalogue, rows []*Row) *Method {
	m := methodDefaults
	m.Factors = map[string]float64{}
	for _, a := range cat.Answers {
		m.Factors[a.Code] = a.Factor
		if a.KO {
			m.KO = append(m.KO, a.Code)
		}
	}
	m.Weights = map[string]int{}
	for _, p := range []string{blueprint.MoSCoWMust, blueprint.MoSCoWShould, blueprint.MoSCoWCould} {
		m.Weights[p] = cat.Weights.Weight(p)
	}
	m.Blocks = BlockMaxima(cat, rows, &m)
	m.Values = map[string]float64{}
	return &m
}

// BlockMaxima returns each block's maximum points under m's weights: the
// sum of the weights of its scored requirements. Every block of the
// catalogue is listed, with 0 when it holds no scored requirement.
func BlockMaxima(cat *Catalogue, rows []*Row, m *Method) map[string]float64 {
	out := map[string]float64{}
	for _, b := range cat.Blocks {
		out[b.Code] = 0
	}
	for _, r := range rows {
		if r.Kind == blueprint.KindScored {
			out[r.Block.Code] += float64(m.Weight(r.MoSCoW))
		}
	}
	return out
}

// Weight returns the weight of a scored requirement of priority moscow.
func (m *Method) Weight(moscow string) int { return m.Weights[moscow] }

// Factor returns the factor of an answer code, and whether it has one.
func (m *Method) Factor(code string) (float64, bool) {
	f, ok := m.Factors[code]
	return f, ok
}

// MeetsKO reports whether an answer code meets a knock-out requirement.
func (m *Method) MeetsKO(code string) bool { return slices.Contains(m.KO, code) }

// Apply sets the weights of the result's rows from m, so that every
// encoder writes the weights the method publishes.
func (m *Method) Apply(res *Result) {
	for _, r := range res.Rows {
		if r.Kind == blueprint.KindScored {
			r.Weight = m.Weight(r.MoSCoW)
		}
	}
}

// Round rounds x to the method's decimals.
func (m *Method) Round(x float64) float64 {
	p := math.Pow(10, float64(m.Decimals))
	return math.Round(x*p) / p
}

// ValueOf returns the euro value of a scored requirement (MethodValue).
func (m *Method) ValueOf(id string, weight int) float64 {
	if v, ok := m.Values[id]; ok {
		return v
	}
	return m.ValuePerPoint * float64(weight)
}

// MaxScoringFile is the largest scoring file read.
const MaxScoringFile = 1 << 20

// ReadMethod reads a scoring file. Keys it leaves out keep the values of
// base (normally DefaultMethod, or the method a PvE published); a table
// such as [factor] replaces base's entries one key at a time. The result
// is checked against the catalogue's answer codes and blocks (Check).
func ReadMethod(name string, src []byte, base *Method, lang blueprint.Lang) (*Method, blueprint.Diagnostics) {
	c := blueprint.NewCollector(lang)
	if len(src) > MaxScoringFile {
		c.Errorf(blueprint.Pos{File: name, Line: 1, Col: 1}, "too-large", "beoordelingsmethode is te groot (%d bytes; maximaal %d)",
			"scoring file is too large (%d bytes; at most %d)", len(src), MaxScoringFile)
		return nil, c.Diags
	}
	var file Method
	diags := blueprint.DecodeTOML(name, src, &file, lang)
	if diags.HasErrors() {
		return nil, diags
	}
	m := base.Clone()
	m.Source = file.Source
	has := file.Source.Has
	if has("methode") {
		m.Kind = file.Kind
	}
	if has("kwaliteit") {
		m.Quality = file.Quality
	}
	if has("prijs") {
		m.Price = file.Price
	}
	if has("contractjaren") {
		m.Years = file.Years
	}
	if has("decimalen") {
		m.Decimals = file.Decimals
	}
	if has("max_toelichting") {
		m.MaxNote = file.MaxNote
	}
	if has("max_bewijs") {
		m.MaxEvidence = file.MaxEvidence
	}
	if has("ko") {
		m.KO = file.KO
	}
	if has("waarde_per_punt") {
		m.ValuePerPoint = file.ValuePerPoint
	}
	for k, v := range file.Factors {
		m.Factors[k] = v
	}
	for k, v := range file.Weights {
		m.Weights[k] = v
	}
	for k, v := range file.Blocks {
		m.Blocks[k] = v
	}
	for k, v := range file.Values {
		m.Values[k] = v
	}
	return m, diags
}

// Clone returns a deep copy of m.
func (m *Method) Clone() *Method {
	c := *m
	c.Factors = cloneMap(m.Factors)
	c.Weights = cloneMap(m.Weights)
	c.Blocks = cloneMap(m.Blocks)
	c.Values = cloneMap(m.Values)
	c.KO = slices.Clone(m.KO)
	return &c
}

func cloneMap[V any](m map[string]V) map[string]V {
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Check reports what makes m unusable: an unknown method, quality and
// price that do not add up to 100, a factor outside 0–1 or for an unknown
// answer code, an answer without a factor, an unknown block or
// requirement, a negative weight or value. codes are the answer codes,
// blocks the block codes and ids the requirement ids of the PvE (nil: not
// checked). Positions point into the scoring file when m was read from
// one.
func (m *Method) Check(codes, blocks, ids []string, lang blueprint.Lang) blueprint.Diagnostics {
	c := blueprint.NewCollector(lang)
	at := func(key string) blueprint.Pos {
		if p := m.Source.At(key); p.IsValid() || p.File != "" {
			return p
		}
		return m.Source.Pos
	}
	if !slices.Contains(MethodKinds(), m.Kind) {
		d := c.Errorf(at("methode"), "scoring-method", "onbekende methode %q", "unknown method %q", m.Kind)
		c.DidYouMean(d, m.Kind, MethodKinds())
	}
	if m.Kind == MethodWeighted && (m.Quality < 0 || m.Price < 0 || math.Abs(m.Quality+m.Price-100) > 1e-9) {
		c.Errorf(at("kwaliteit"), "scoring-balance", "kwaliteit (%s) en prijs (%s) moeten samen 100 zijn, elk 0 of meer",
			"quality (%s) and price (%s) must add up to 100, each 0 or more", Num(m.Quality), Num(m.Price))
	}
	if m.Kind == MethodValue && m.ValuePerPoint <= 0 && len(m.Values) == 0 {
		c.Errorf(at("methode"), "scoring-values", "gunnen op waarde vraagt waarde_per_punt of een tabel [waarde]",
			"award on value needs waarde_per_punt or a [waarde] table")
	}
	if m.Years < 1 || m.Years > 30 {
		c.Errorf(at("contractjaren"), "scoring-years", "contractjaren %d: kies 1 tot 30", "contractjaren %d: choose 1 to 30", m.Years)
	}
	if m.Decimals < 0 || m.Decimals > 6 {
		c.Errorf(at("decimalen"), "scoring-decimals", "decimalen %d: kies 0 tot 6", "decimalen %d: choose 0 to 6", m.Decimals)
	}
	if m.MaxNote < 1 || m.MaxEvidence < 1 {
		c.Errorf(at("max_toelichting"), "scoring-length", "max_toelichting en max_bewijs moeten groter dan 0 zijn", "max_toelichting and max_bewijs must be more than 0")
	}
	for _, k := range sortedMapKeys(m.Factors) {
		f := m.Factors[k]
		if codes != nil && !slices.Contains(codes, k) {
			d := c.Errorf(at("factor"), "scoring-answer", "[factor] noemt antwoordcode %q, die de PvE niet kent", "[factor] names answer code %q, which the PvE does not have", k)
			c.DidYouMean(d, k, codes)
		}
		if f < 0 || f > 1 || math.IsNaN(f) {
			c.Errorf(at("factor"), "scoring-factor", "factor %s voor %q: kies 0 tot 1", "factor %s for %q: choose 0 to 1", Num(f), k)
		}
	}
	for _, k := range codes {
		if _, ok := m.Factors[k]; !ok {
			c.Errorf(at("factor"), "scoring-answer", "antwoordcode %q heeft geen factor", "answer code %q has no factor", k)
		}
	}
	for _, k := range m.KO {
		if codes != nil && !slices.Contains(codes, k) {
			d := c.Errorf(at("ko"), "scoring-answer", "ko noemt antwoordcode %q, die de PvE niet kent", "ko names answer code %q, which the PvE does not have", k)
			c.DidYouMean(d, k, codes)
		}
	}
	for _, k := range sortedMapKeys(m.Weights) {
		if !slices.Contains([]string{blueprint.MoSCoWMust, blueprint.MoSCoWShould, blueprint.MoSCoWCould}, k) {
			d := c.Errorf(at("gewicht"), "scoring-weight", "[gewicht] noemt %q; gewichten zijn er voor must, should en could", "[gewicht] names %q; weights are for must, should and could", k)
			c.DidYouMean(d, k, []string{blueprint.MoSCoWMust, blueprint.MoSCoWShould, blueprint.MoSCoWCould})
		}
		if m.Weights[k] < 0 {
			c.Errorf(at("gewicht"), "scoring-weight", "gewicht %d voor %s: kies 0 of meer", "weight %d for %s: choose 0 or more", m.Weights[k], k)
		}
	}
	for _, k := range sortedMapKeys(m.Blocks) {
		if blocks != nil && !slices.Contains(blocks, k) {
			d := c.Errorf(at("blokgewicht"), "scoring-block", "[blokgewicht] noemt blok %q, dat de PvE niet heeft", "[blokgewicht] names block %q, which the PvE does not have", k)
			c.DidYouMean(d, k, blocks)
		}
		if m.Blocks[k] < 0 {
			c.Errorf(at("blokgewicht"), "scoring-block", "blokgewicht %s voor %s: kies 0 of meer", "block weight %s for %s: choose 0 or more", Num(m.Blocks[k]), k)
		}
	}
	for _, k := range sortedMapKeys(m.Values) {
		if ids != nil && !slices.Contains(ids, k) {
			d := c.Errorf(at("waarde"), "scoring-requirement", "[waarde] noemt %q, dat geen eis of wens van de PvE is", "[waarde] names %q, which is not a requirement of the PvE", k)
			c.DidYouMean(d, k, ids)
		}
		if m.Values[k] < 0 {
			c.Errorf(at("waarde"), "scoring-value", "waarde %s voor %s: kies 0 of meer", "value %s for %s: choose 0 or more", Num(m.Values[k]), k)
		}
	}
	return c.Diags
}

func sortedMapKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// Num formats a number as the method writes it: without trailing zeros,
// with a dot.
func Num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// TOML writes m as a scoring file: the same keys ReadMethod reads, in a
// fixed order, so that the same method gives the same text. codes orders
// the factors (the answer list's order); other keys are sorted.
func (m *Method) TOML(codes []string) []byte {
	var b strings.Builder
	b.WriteString("# Beoordelingsmethode (blueprint): zie docs/requirements.md\n")
	fmt.Fprintf(&b, "methode = %s\n", tomlString(m.Kind))
	fmt.Fprintf(&b, "kwaliteit = %s\nprijs = %s\n", tomlFloat(m.Quality), tomlFloat(m.Price))
	fmt.Fprintf(&b, "contractjaren = %d\ndecimalen = %d\n", m.Years, m.Decimals)
	fmt.Fprintf(&b, "max_toelichting = %d\nmax_bewijs = %d\n", m.MaxNote, m.MaxEvidence)
	fmt.Fprintf(&b, "waarde_per_punt = %s\n", tomlFloat(m.ValuePerPoint))
	ko := make([]string, len(m.KO))
	for i, k := range m.KO {
		ko[i] = tomlString(k)
	}
	fmt.Fprintf(&b, "ko = [%s]\n", strings.Join(ko, ", "))
	order := slices.Clone(codes)
	for _, k := range sortedMapKeys(m.Factors) {
		if !slices.Contains(order, k) {
			order = append(order, k)
		}
	}
	b.WriteString("\n[factor]\n")
	for _, k := range order {
		if f, ok := m.Factors[k]; ok {
			fmt.Fprintf(&b, "%s = %s\n", tomlKey(k), tomlFloat(f))
		}
	}
	b.WriteString("\n[gewicht]\n")
	for _, k := range []string{blueprint.MoSCoWMust, blueprint.MoSCoWShould, blueprint.MoSCoWCould} {
		if w, ok := m.Weights[k]; ok {
			fmt.Fprintf(&b, "%s = %d\n", k, w)
		}
	}
	b.WriteString("\n[blokgewicht]\n")
	for _, k := range sortedMapKeys(m.Blocks) {
		fmt.Fprintf(&b, "%s = %s\n", tomlKey(k), tomlFloat(m.Blocks[k]))
	}
	if len(m.Values) > 0 {
		b.WriteString("\n[waarde]\n")
		for _, k := range sortedMapKeys(m.Values) {
			fmt.Fprintf(&b, "%s = %s\n", tomlKey(k), tomlFloat(m.Values[k]))
		}
	}
	return []byte(b.String())
}

// tomlFloat writes a float so that TOML reads it back as the same number
// (a float, or an integer the decoder widens).
func tomlFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tomlKey writes a key bare when TOML allows it, else quoted.
func tomlKey(k string) string {
	if k == "" {
		return `""`
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return tomlString(k)
		}
	}
	return k
}

// Differences lists where m differs from published, as "key: published →
// m" lines in lang, so that an assessment that does not apply the
// published method says so.
func (m *Method) Differences(published *Method, lang blueprint.Lang) []string {
	var out []string
	add := func(key, was, now string) {
		if was != now {
			out = append(out, fmt.Sprintf(blueprint.T(lang, "%s: gepubliceerd %s, toegepast %s", "%s: published %s, applied %s"), key, was, now))
		}
	}
	add("methode", published.Kind, m.Kind)
	add("kwaliteit", Num(published.Quality), Num(m.Quality))
	add("prijs", Num(published.Price), Num(m.Price))
	add("contractjaren", strconv.Itoa(published.Years), strconv.Itoa(m.Years))
	add("decimalen", strconv.Itoa(published.Decimals), strconv.Itoa(m.Decimals))
	add("max_toelichting", strconv.Itoa(published.MaxNote), strconv.Itoa(m.MaxNote))
	add("max_bewijs", strconv.Itoa(published.MaxEvidence), strconv.Itoa(m.MaxEvidence))
	add("waarde_per_punt", Num(published.ValuePerPoint), Num(m.ValuePerPoint))
	add("ko", strings.Join(published.KO, ","), strings.Join(m.KO, ","))
	diffMap := func(table string, a, b map[string]string) {
		keys := sortedMapKeys(a)
		for _, k := range sortedMapKeys(b) {
			if _, ok := a[k]; !ok {
				keys = append(keys, k)
			}
		}
		for _, k := range keys {
			was, now := a[k], b[k]
			if was == "" {
				was = "—"
			}
			if now == "" {
				now = "—"
			}
			add(table+"."+k, was, now)
		}
	}
	diffMap("factor", numMap(published.Factors), numMap(m.Factors))
	diffMap("gewicht", intMap(published.Weights), intMap(m.Weights))
	diffMap("blokgewicht", numMap(published.Blocks), numMap(m.Blocks))
	diffMap("waarde", numMap(published.Values), numMap(m.Values))
	return out
}

func numMap(m map[string]float64) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = Num(v)
	}
	return out
}

func intMap(m map[string]int) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = strconv.Itoa(v)
	}
	return out
}
