package compare

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// WriteText writes the ranking as a table for the terminal: one line per
// party with the block scores.
func WriteText(out io.Writer, res *Result) error {
	lang, me := res.Lang, res.Method
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	num := func(x float64) string { return Number(x, me.Decimals, lang) }
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	head := []string{t("Rang", "Rank"), t("Inschrijver", "Tenderer"), t("Status", "Status")}
	for _, b := range res.Master.Blocks {
		head = append(head, b.Code)
	}
	if me.Kind == requirements.MethodValue {
		head = append(head, t("Kwaliteit", "Quality"), t("Prijs", "Price"), t("Korting", "Discount"), t("Beoordelingsprijs", "Assessment price"))
	} else {
		head = append(head, t("Kwaliteit", "Quality"), t("Prijs", "Price"), t("Prijsscore", "Price score"), t("Totaal", "Total"))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, p := range res.Parties {
		row := []string{p.RankText(lang), terminalSafe(p.Label), p.Status(lang)}
		for _, b := range p.Blocks {
			if b.Scored {
				row = append(row, num(b.Score))
			} else {
				row = append(row, "—")
			}
		}
		if me.Kind == requirements.MethodValue {
			row = append(row, num(p.Quality), Money(p.Price, lang), Money(p.Discount, lang), Money(p.AssessPrice, lang))
		} else {
			row = append(row, num(p.Quality), Money(p.Price, lang), num(p.PriceScore), num(p.Total))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, p := range res.Parties {
		for _, r := range p.Reasons {
			fmt.Fprintf(out, "%s: %s\n", terminalSafe(p.Label), r)
		}
	}
	for _, d := range res.Deviations {
		fmt.Fprintf(out, "%s %s\n", t("afwijking van de gepubliceerde methode:", "deviation from the published method:"), d)
	}
	return nil
}

// terminalSafe drops control characters from vendor text on a terminal.
func terminalSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
}

// WriteCSV writes requirement × party: the answer code and the points of
// every party, one line per requirement. Every cell that a spreadsheet
// would read as a formula is escaped (requirements.EscapeCell).
func WriteCSV(out io.Writer, res *Result) error {
	lang := res.Lang
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	cw := csv.NewWriter(out)
	head := []string{"ID", t("Blok", "Block"), t("Onderwerp", "Subject"), t("Soort", "Kind"), t("Gewicht", "Weight")}
	for _, p := range res.Parties {
		head = append(head, p.Label+" – "+t("antwoord", "answer"), p.Label+" – "+t("punten", "points"))
	}
	write := func(rec []string) error {
		for i := range rec {
			rec[i] = requirements.EscapeCell(rec[i])
		}
		return cw.Write(rec)
	}
	if err := write(head); err != nil {
		return err
	}
	for _, r := range res.Master.Reqs {
		rec := []string{r.ID, r.Block.Code, r.Title(), r.Kind, requirements.Num(r.Weight)}
		for _, p := range res.Parties {
			rs := p.Reqs[r.ID]
			points := ""
			if !r.IsKO() {
				points = requirements.Num(rs.Points)
			}
			rec = append(rec, res.Master.AnswerName(rs.Code), points)
		}
		if err := write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// JSONSchema is the version of the JSON output of compare.
const JSONSchema = 1

// WriteJSON writes the whole comparison for tools, with stable keys.
func WriteJSON(out io.Writer, res *Result) error {
	type block struct {
		Code    string   `json:"code"`
		Score   *float64 `json:"score"`
		Points  float64  `json:"points"`
		Max     float64  `json:"max"`
		Met     int      `json:"met"`
		N       int      `json:"requirements"`
		KOMet   int      `json:"knockouts_met"`
		KOTotal int      `json:"knockouts"`
	}
	type answer struct {
		ID      string  `json:"id"`
		Code    string  `json:"code"`
		Invalid string  `json:"invalid,omitempty"`
		Points  float64 `json:"points"`
	}
	type finding struct {
		Severity string `json:"severity"`
		At       string `json:"at"`
		Code     string `json:"code"`
		Message  string `json:"message"`
		Hint     string `json:"hint,omitempty"`
	}
	type party struct {
		Rank        int       `json:"rank"`
		Tied        bool      `json:"tied"`
		Label       string    `json:"label"`
		File        string    `json:"file"`
		Excluded    bool      `json:"excluded"`
		Reasons     []string  `json:"reasons"`
		Quality     float64   `json:"quality"`
		Price       float64   `json:"price"`
		PriceScore  float64   `json:"price_score"`
		Total       float64   `json:"total"`
		Discount    float64   `json:"discount"`
		AssessPrice float64   `json:"assessment_price"`
		Blocks      []block   `json:"blocks"`
		Answers     []answer  `json:"answers"`
		Findings    []finding `json:"findings"`
	}
	type param struct {
		Name    string   `json:"name"`
		Unit    string   `json:"unit"`
		Base    float64  `json:"applied"`
		Lo      float64  `json:"lower"`
		Hi      float64  `json:"higher"`
		RankLo  []string `json:"ranking_lower"`
		RankHi  []string `json:"ranking_higher"`
		Changes bool     `json:"changes"`
		FlipAt  *float64 `json:"first_place_changes_at"`
		FlipTo  string   `json:"first_place_to,omitempty"`
	}
	findings := func(ds blueprint.Diagnostics) []finding {
		out := []finding{}
		for _, d := range ds {
			out = append(out, finding{d.Severity.String(), d.Pos.String(), d.Code, d.Summary, d.Detail})
		}
		return out
	}
	doc := struct {
		Schema     int                  `json:"schema"`
		Language   string               `json:"language"`
		Tender     string               `json:"tender"`
		Version    string               `json:"version"`
		Method     string               `json:"method"`
		Deviations []string             `json:"deviations"`
		Parties    []party              `json:"parties"`
		Unreadable map[string][]finding `json:"unreadable"`
		Params     []param              `json:"sensitivity"`
	}{Schema: JSONSchema, Language: string(res.Lang), Tender: res.Master.Meta.TenderID, Version: res.Master.Meta.Version,
		Method: res.Method.Kind, Deviations: append([]string{}, res.Deviations...), Unreadable: map[string][]finding{}}
	for _, p := range res.Parties {
		jp := party{Rank: p.Rank, Tied: p.Tied, Label: p.Label, File: p.Response.File, Excluded: p.Excluded, Reasons: append([]string{}, p.Reasons...),
			Quality: p.Quality, Price: p.Price, PriceScore: p.PriceScore, Total: p.Total, Discount: p.Discount, AssessPrice: p.AssessPrice,
			Findings: findings(p.Response.Findings)}
		for _, b := range p.Blocks {
			jb := block{Code: b.Block.Code, Points: b.Points, Max: b.Max, Met: b.Met, N: b.N, KOMet: b.KOMet, KOTotal: b.KOTotal}
			if b.Scored {
				s := b.Score
				jb.Score = &s
			}
			jp.Blocks = append(jp.Blocks, jb)
		}
		for _, r := range res.Master.Reqs {
			rs := p.Reqs[r.ID]
			jp.Answers = append(jp.Answers, answer{r.ID, rs.Code, rs.Invalid, rs.Points})
		}
		doc.Parties = append(doc.Parties, jp)
	}
	for _, r := range res.Unreadable {
		doc.Unreadable[r.File] = findings(r.Findings)
	}
	for _, s := range res.Sensitivity {
		jp := param{Name: s.Name, Unit: s.Unit, Base: s.Base, Lo: s.Lo, Hi: s.Hi, RankLo: s.RankLo, RankHi: s.RankHi, Changes: s.Changes, FlipTo: s.FlipTo}
		if !math.IsNaN(s.FlipAt) {
			x := s.FlipAt
			jp.FlipAt = &x
		}
		doc.Params = append(doc.Params, jp)
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
