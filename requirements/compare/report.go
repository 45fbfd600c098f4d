package compare

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// WriteReport writes the beoordelingsverslag in Markdown: the ranking, the
// method applied, and per party the scores per block, the knock-outs, the
// findings of the import and the strongest and weakest answers with the
// journey steps their requirements came from, so that the motivation of
// the award traces back to the customer. Vendor text is escaped.
func WriteReport(out io.Writer, res *Result) error {
	lang, m, me := res.Lang, res.Master, res.Method
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	b := bufio.NewWriter(out)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	dec := me.Decimals
	num := func(x float64) string { return Number(x, dec, lang) }

	tender := m.Meta.TenderID
	if tender == "" {
		tender = "—"
	}
	p("# %s — %s\n\n", t("Beoordelingsverslag", "Assessment report"), MDText(tender))
	p("- %s: %s\n", t("Programma van Eisen", "Programme of Requirements"), MDText(baseName(m.File)))
	p("- %s: %s\n", t("Versie", "Version"), MDText(orDash(m.Meta.Version)))
	if m.Meta.Date != "" {
		p("- %s: %s\n", t("Datum van de PvE", "Date of the PvE"), m.Meta.Date)
	}
	p("- %s: %d (%d %s, %d %s)\n", t("Inschrijvingen", "Tenders"), len(res.Parties)+len(res.Unreadable),
		len(res.Admitted()), t("toegelaten", "admitted"), len(res.Parties)-len(res.Admitted()), t("uitgesloten", "excluded"))
	p("- %s: %s\n", t("Methode", "Method"), MDText(MethodName(me, lang)))
	p("- %s\n\n", t("Gemaakt met blueprint compare: dezelfde bestanden geven hetzelfde verslag.", "Made with blueprint compare: the same files give the same report."))

	p("## %s\n\n", t("Uitkomst", "Outcome"))
	if w := res.Winner(); w != nil {
		if me.Kind == requirements.MethodValue {
			p(t("Volgens de gepubliceerde methode staat **%s** op de eerste plaats, met een beoordelingsprijs van %s.\n\n",
				"By the published method **%s** ranks first, with an assessment price of %s.\n\n"), MDText(w.Label), Money(w.AssessPrice, lang))
		} else {
			p(t("Volgens de gepubliceerde methode staat **%s** op de eerste plaats, met een totaalscore van %s.\n\n",
				"By the published method **%s** ranks first, with a total score of %s.\n\n"), MDText(w.Label), num(w.Total))
		}
		if w.Tied {
			p("%s\n\n", t("**Let op:** de eerste plaats is gedeeld na alle gepubliceerde beslisregels; beslis volgens de aanbestedingsleidraad (loting).",
				"**Note:** first place is shared after every published tie-break; decide as the tender documents say (drawing lots)."))
		}
	} else {
		p("%s\n\n", t("Geen inschrijving voldoet aan alle eisen: er is geen toegelaten inschrijving.", "No tender meets every knock-out: no tender is admitted."))
	}
	writeRanking(b, res)

	p("\n## %s\n\n", t("Beoordelingsmethode", "Assessment method"))
	if len(res.Deviations) == 0 {
		p("%s\n\n", t("Toegepast is de methode die de PvE vooraf publiceerde (tabblad Toelichting), zonder afwijking.",
			"The method the PvE published in advance (Introduction sheet) was applied, without deviation."))
	} else {
		p("%s\n\n", t("**Let op: de toegepaste methode wijkt af van wat de PvE publiceerde.** Een gunning moet de vooraf bekendgemaakte criteria en weging volgen (Aanbestedingswet 2012, art. 2.114 en 2.115):",
			"**Note: the applied method differs from what the PvE published.** An award must follow the criteria and weights published in advance:"))
		for _, d := range res.Deviations {
			p("- %s\n", MDText(d))
		}
		p("\n")
	}
	p("| %s | %s |\n|---|--:|\n", t("Blok", "Block"), t("Blokgewicht", "Block weight"))
	for _, bl := range m.Blocks {
		p("| %s | %s |\n", MDText(bl.Sheet), requirements.Num(me.Blocks[bl.Code]))
	}
	p("\n")

	for _, party := range res.Parties {
		writeParty(b, res, party)
	}

	if len(res.Sensitivity) > 0 {
		p("## %s\n\n", t("Gevoeligheid", "Sensitivity"))
		p("%s\n\n", t("Wat er met de rangorde van de toegelaten inschrijvingen gebeurt als één weging anders was geweest (de andere blokken houden hun onderlinge verhouding).",
			"What happens to the ranking of the admitted tenders if one weight had been different (the other blocks keep their proportions)."))
		p("| %s | %s | %s | %s | %s |\n|---|--:|---|---|---|\n", t("Weging", "Weight"), t("Toegepast", "Applied"),
			t("Rangorde bij lager / hoger", "Ranking lower / higher"), t("Verandert?", "Changes?"), t("Eerste plaats wisselt bij", "First place changes at"))
		for _, s := range res.Sensitivity {
			p("| %s | %s | %s | %s | %s |\n", MDText(s.Name), paramValue(s, s.Base, lang),
				MDText(fmt.Sprintf("%s: %s / %s: %s", paramValue(s, s.Lo, lang), strings.Join(s.RankLo, ", "), paramValue(s, s.Hi, lang), strings.Join(s.RankHi, ", "))),
				yesNo(s.Changes, lang), MDText(flipText(s, lang)))
		}
		p("\n")
	}
	if len(res.Separating) > 0 {
		p("## %s\n\n", t("Eisen en wensen die het verschil maken", "Requirements that make the difference"))
		p("| ID | %s |", t("Onderwerp", "Subject"))
		for _, party := range res.Parties {
			p(" %s |", MDText(party.Label))
		}
		p("\n|---|---|%s\n", strings.Repeat("---|", len(res.Parties)))
		for _, s := range res.Separating {
			p("| %s | %s |", s.Req.ID, MDText(s.Req.Title()))
			for _, code := range s.Codes {
				p(" %s |", MDText(m.AnswerName(code)))
			}
			p("\n")
		}
		p("\n")
	}
	if len(res.Unreadable) > 0 {
		p("## %s\n\n", t("Niet beoordeelde bestanden", "Files not assessed"))
		for _, r := range res.Unreadable {
			p("- %s\n", MDText(r.File))
			for _, d := range r.Findings {
				p("  - %s\n", MDText(d.String()))
			}
		}
		p("\n")
	}
	return b.Flush()
}

func writeRanking(b *bufio.Writer, res *Result) {
	lang, me := res.Lang, res.Method
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	num := func(x float64) string { return Number(x, me.Decimals, lang) }
	if me.Kind == requirements.MethodValue {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s |\n|--:|---|---|--:|--:|--:|--:|\n", t("Rang", "Rank"), t("Inschrijver", "Tenderer"), t("Status", "Status"),
			t("Kwaliteit", "Quality"), t("Totale prijs", "Total price"), t("Fictieve korting", "Fictitious discount"), t("Beoordelingsprijs", "Assessment price"))
		for _, p := range res.Parties {
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s |\n", p.RankText(lang), MDText(p.Label), p.Status(lang), num(p.Quality), Money(p.Price, lang), Money(p.Discount, lang), Money(p.AssessPrice, lang))
		}
		return
	}
	fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s |\n|--:|---|---|--:|--:|--:|--:|\n", t("Rang", "Rank"), t("Inschrijver", "Tenderer"), t("Status", "Status"),
		t("Kwaliteit", "Quality"), t("Totale prijs", "Total price"), t("Prijsscore", "Price score"), t("Totaalscore", "Total score"))
	for _, p := range res.Parties {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s |\n", p.RankText(lang), MDText(p.Label), p.Status(lang), num(p.Quality), Money(p.Price, lang), num(p.PriceScore), num(p.Total))
	}
}

func writeParty(b *bufio.Writer, res *Result, party *Party) {
	lang, m, me := res.Lang, res.Master, res.Method
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	num := func(x float64) string { return Number(x, me.Decimals, lang) }
	p("## %s — %s %s\n\n", MDText(party.Label), t("rang", "rank"), party.RankText(lang))
	p("- %s: %s\n", t("Bestand", "File"), MDText(party.Response.File))
	if party.Excluded {
		p("- %s: **%s**\n", t("Status", "Status"), party.Status(lang))
		for _, r := range party.Reasons {
			p("  - %s\n", MDText(r))
		}
	} else {
		p("- %s: %s\n", t("Status", "Status"), party.Status(lang))
	}
	p("- %s: %d/%d\n", t("Eisen voldaan", "Knock-outs met"), party.KOMet, party.KOTotal)
	p("- %s: %s; %s: %s\n\n", t("Kwaliteitsscore", "Quality score"), num(party.Quality), t("totale prijs", "total price"), Money(party.Price, lang))
	p("| %s | %s | %s | %s |\n|---|--:|--:|--:|\n", t("Blok", "Block"), t("Score", "Score"), t("Voldaan", "Met"), t("Eisen voldaan", "Knock-outs met"))
	for _, bs := range party.Blocks {
		score := "—"
		if bs.Scored {
			score = num(bs.Score) + " %"
		}
		ko := "—"
		if bs.KOTotal > 0 {
			ko = fmt.Sprintf("%d/%d", bs.KOMet, bs.KOTotal)
		}
		p("| %s | %s | %d/%d | %s |\n", MDText(bs.Block.Sheet), score, bs.Met, bs.N, ko)
	}
	p("\n")
	strong, weak := strongWeak(res, party)
	if len(strong) > 0 {
		p("**%s**\n\n", t("Sterkste antwoorden", "Strongest answers"))
		for _, r := range strong {
			writeAnswerLine(b, res, party, r)
		}
		p("\n")
	}
	if len(weak) > 0 {
		p("**%s**\n\n", t("Zwakste antwoorden", "Weakest answers"))
		for _, r := range weak {
			writeAnswerLine(b, res, party, r)
		}
		p("\n")
	}
	errs, warns := party.Response.Findings.Count()
	p("**%s** (%d %s, %d %s)\n\n", t("Bevindingen bij de import", "Import findings"), errs, t("fouten", "errors"), warns, t("waarschuwingen", "warnings"))
	if len(party.Response.Findings) == 0 {
		p("%s\n\n", t("Geen: het bestand is gelezen zoals het verstuurd is.", "None: the file was read as it was sent."))
	}
	for _, d := range party.Response.Findings {
		p("- %s\n", MDText(d.String()))
	}
	if len(party.Response.Findings) > 0 {
		p("\n")
	}
	_ = m
}

// writeAnswerLine writes one answer with the steps it came from.
func writeAnswerLine(b *bufio.Writer, res *Result, party *Party, r *Requirement) {
	lang, m := res.Lang, res.Master
	rs := party.Reqs[r.ID]
	a := party.Response.Answers[r.ID]
	line := fmt.Sprintf("- **%s** %s — %s", r.ID, MDText(r.Title()), MDText(m.AnswerName(rs.Code)))
	if a != nil && a.Roadmap != "" {
		line += " " + a.Roadmap
	}
	if !r.IsKO() {
		line += fmt.Sprintf(" (%s %s %s)", Number(rs.Points, 2, lang), blueprint.T(lang, "van", "of"), Number(rs.Weight, 0, lang))
	}
	fmt.Fprintln(b, line)
	if a != nil && strings.TrimSpace(a.Note) != "" {
		fmt.Fprintf(b, "  - %s: %s\n", blueprint.T(lang, "Toelichting", "Explanation"), MDText(cut(a.Note, 300)))
	}
	if src := oneLine(r.Source()); src != "" {
		fmt.Fprintf(b, "  - %s: %s\n", blueprint.T(lang, "Uit de klantreizen", "From the journeys"), MDText(src))
	}
}

// strongWeak picks up to three answers where the party gains most over
// the average of the others (strongest) and loses most points (weakest),
// among the scored requirements; weakest also lists failed knock-outs.
func strongWeak(res *Result, party *Party) (strong, weak []*Requirement) {
	type cand struct {
		r *Requirement
		v float64
	}
	var s, w []cand
	for _, r := range res.Master.Reqs {
		rs := party.Reqs[r.ID]
		if r.IsKO() {
			if !rs.Meets {
				w = append(w, cand{r, math.Inf(1)})
			}
			continue
		}
		others, n := 0.0, 0
		for _, o := range res.Parties {
			if o != party {
				others += o.Reqs[r.ID].Points
				n++
			}
		}
		gain := rs.Points
		if n > 0 {
			gain = rs.Points - others/float64(n)
		}
		if rs.Factor > 0 && gain > 0 {
			s = append(s, cand{r, gain*1000 + rs.Weight})
		}
		if lost := rs.Weight - rs.Points; lost > 0 {
			w = append(w, cand{r, lost})
		}
	}
	sort.SliceStable(s, func(i, j int) bool { return s[i].v > s[j].v })
	sort.SliceStable(w, func(i, j int) bool { return w[i].v > w[j].v })
	for i := 0; i < len(s) && i < 3; i++ {
		strong = append(strong, s[i].r)
	}
	for i := 0; i < len(w) && i < 3; i++ {
		weak = append(weak, w[i].r)
	}
	return strong, weak
}

func paramValue(s *Param, x float64, lang blueprint.Lang) string {
	if s.Unit == "×" {
		return Number(x, 2, lang) + "×"
	}
	return Number(x, 1, lang) + " %"
}

func yesNo(b bool, lang blueprint.Lang) string {
	if b {
		return blueprint.T(lang, "ja", "yes")
	}
	return blueprint.T(lang, "nee", "no")
}

// flipText says where the first place would change.
func flipText(s *Param, lang blueprint.Lang) string {
	if math.IsNaN(s.FlipAt) {
		return blueprint.T(lang, "nergens tussen ", "nowhere between ") + paramValue(s, s.Min, lang) + blueprint.T(lang, " en ", " and ") + paramValue(s, s.Max, lang)
	}
	return paramValue(s, s.FlipAt, lang) + " → " + s.FlipTo
}
