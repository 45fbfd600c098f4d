package requirements

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// WriteMarkdown writes the requirements as a readable Markdown document:
// an overview per block, every requirement with its text, rationale,
// priority, GEMMA elements and the journeys and steps that need it, then
// the requirements kept out, the functions no journey needs and, per step,
// the requirements it led to.
func WriteMarkdown(w io.Writer, res *Result, meta Meta) error {
	lang := res.Lang
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }

	p("# %s — %s\n\n", t("Programma van Eisen", "Programme of Requirements"), md(res.Catalogue.Title(lang)))
	if meta.Organisation != "" {
		p("%s", md(meta.Organisation))
		if len(meta.Municipalities) > 0 {
			p(" (%s)", md(strings.Join(meta.Municipalities, ", ")))
		}
		p("\n\n")
	}
	var facts []string
	if meta.TenderID != "" {
		facts = append(facts, t("Aanbesteding: ", "Tender: ")+md(meta.TenderID))
	}
	if meta.Version != "" {
		facts = append(facts, t("Versie: ", "Version: ")+md(meta.Version))
	}
	if meta.Date != "" {
		facts = append(facts, t("Datum: ", "Date: ")+meta.Date)
	}
	facts = append(facts, fmt.Sprintf(t("Catalogus: %s, versie %s", "Catalogue: %s, version %s"), md(res.Catalogue.Title(lang)), md(res.Catalogue.Version)))
	facts = append(facts, fmt.Sprintf(t("Afgeleid uit %d %s", "Derived from %d %s"), len(res.Journeys), plural(lang, len(res.Journeys), "klantreis", "klantreizen", "journey", "journeys")))
	if meta.SourceHash != "" {
		facts = append(facts, t("Bronhash (SHA-256): `", "Source hash (SHA-256): `")+meta.SourceHash+"`")
	}
	for _, f := range facts {
		p("- %s\n", f)
	}
	p("\n## %s\n\n", t("Overzicht", "Overview"))
	p("| %s | %s | %s | %s |\n|---|--:|--:|--:|\n", t("Blok", "Block"), t("Eisen (knock-out)", "Knock-out"), t("Wensen", "Scored"), t("Totaal", "Total"))
	var tk, tw int
	for _, bl := range res.Catalogue.Blocks {
		k, wn := 0, 0
		for _, row := range res.Rows {
			if row.Block == bl {
				if row.Kind == blueprint.KindKO {
					k++
				} else {
					wn++
				}
			}
		}
		tk, tw = tk+k, tw+wn
		p("| %d %s | %d | %d | %d |\n", bl.Number, md(bl.Name(lang)), k, wn, k+wn)
	}
	p("| **%s** | **%d** | **%d** | **%d** |\n", t("Totaal", "Total"), tk, tw, tk+tw)

	for _, bl := range res.Catalogue.Blocks {
		p("\n## %d %s\n\n", bl.Number, md(bl.Name(lang)))
		if d := bl.Explanation(lang); d != "" {
			p("%s\n", md(d))
		}
		n := 0
		for _, row := range res.Rows {
			if row.Block != bl {
				continue
			}
			n++
			writeMarkdownRow(b, row, lang)
		}
		if n == 0 {
			p("\n*%s*\n", t("Geen eisen: geen klantreis vraagt om dit blok.", "No requirements: no journey asks for this block."))
		}
	}
	if len(res.Wont) > 0 {
		p("\n## %s\n\n", t("Bewust niet gevraagd (won't)", "Deliberately not asked (won't)"))
		for _, row := range res.Wont {
			p("- **%s** %s — %s\n", row.Requirement.ID, md(row.Requirement.Title(lang)), md(row.Priority.Reason))
		}
	}
	p("\n## %s\n\n", t("Functies die geen klantreis vraagt", "Functions no journey asks for"))
	if len(res.Unneeded) == 0 {
		p("%s\n", t("Elke functie van de catalogus is nodig voor ten minste één klantreis.", "Every function of the catalogue is needed by at least one journey."))
	}
	for _, f := range res.Unneeded {
		blk := f.Block
		if bl := res.Catalogue.Block(f.Block); bl != nil {
			blk = bl.Name(lang)
		}
		p("- %s (`%s`, %s)\n", md(f.Name(lang)), f.Key, md(blk))
	}
	p("\n## %s\n", t("Per stap", "Per step"))
	var cur *blueprint.Journey
	for _, st := range res.Steps {
		if st.Journey != cur {
			cur = st.Journey
			p("\n### %s\n\n", md(JourneyName(cur)))
		}
		var ids []string
		for _, r := range st.Requirements {
			ids = append(ids, r.ID)
		}
		list := strings.Join(ids, ", ")
		if list == "" {
			list = "—"
		}
		p("- %s (`%s`): %s\n", md(st.Step.Title), st.Step.Pos, list)
	}
	return b.Flush()
}

func writeMarkdownRow(b *bufio.Writer, row *Row, lang blueprint.Lang) {
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	r := row.Requirement
	p("\n### %s %s\n\n", r.ID, md(r.Title(lang)))
	p("%s · %s · %s %s · %s %s\n\n", KindLabel(lang, row.Kind), MoSCoWName(lang, row.MoSCoW), t("gewicht", "weight"), WeightText(lang, row),
		t("verificatie:", "verification:"), VerificationName(lang, r.Verification))
	p("%s\n\n", md(r.Text(lang)))
	if s := r.Rationale(lang); s != "" {
		p("*%s* %s\n\n", t("Toelichting:", "Rationale:"), md(s))
	}
	p("*%s* %s\n\n", t("Prioriteit:", "Priority:"), md(row.Priority.Reason))
	p("%s\n\n", t("**Bron**", "**Source**"))
	if len(row.Traces) == 0 {
		p("- %s\n", t("niet afgeleid uit de klantreizen", "not derived from the journeys"))
	}
	for _, tr := range row.Traces {
		var place []string
		if tr.Journey != nil {
			place = append(place, JourneyName(tr.Journey))
		}
		if w := where(tr, lang); w != "" {
			place = append(place, w)
		}
		line := strings.Join(place, " › ")
		if line != "" {
			line += " — "
		}
		line += tr.Reason
		if tr.Pos.IsValid() && tr.Kind != TraceRequired {
			p("- %s (`%s`)\n", md(line), tr.Pos)
		} else {
			p("- %s\n", md(line))
		}
	}
	if len(row.Gemma) > 0 {
		p("\n**GEMMA**\n\n")
		for _, g := range row.Gemma {
			p("- %s: %s (`%s`)\n", g.KindName(lang), md(g.Name), g.ObjectID)
		}
	}
}

// KindLabel names a kind for readers: "Eis (knock-out)" or "Wens".
func KindLabel(lang blueprint.Lang, kind string) string {
	if kind == blueprint.KindKO {
		return blueprint.T(lang, "Eis (knock-out)", "Knock-out requirement")
	}
	return blueprint.T(lang, "Wens (scoort punten)", "Scored requirement")
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "|", `\|`, "\n", " ")

// md escapes text for Markdown so that it shows as written.
func md(s string) string { return mdEscaper.Replace(s) }
