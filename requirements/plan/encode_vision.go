package plan

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// WriteVisionMarkdown writes the visie coverage as a Markdown document:
// the statements no journey tests first, then per tested statement its
// journeys with their lowest and average emotion and knelpunten, the
// knelpunten no action answers and the actions.
func WriteVisionMarkdown(w io.Writer, c *Coverage) error {
	e := &mdWriter{b: bufio.NewWriter(w), lang: c.Lang.Or(blueprint.Dutch)}
	e.vision(c)
	return e.b.Flush()
}

func (e *mdWriter) vision(c *Coverage) {
	e.p("# %s\n\n", e.t("Dienstverleningsvisie: wat de klantreizen laten zien", "Service vision: what the journeys show"))
	e.organisation(c.Organisation, nil)
	journeys := map[string]bool{}
	for _, s := range c.Statements {
		for _, j := range s.Journeys {
			journeys[j.ID] = true
		}
	}
	for _, j := range c.Untargeted {
		journeys[j.ID] = true
	}
	e.p("- %s, %s\n", e.n(len(c.Statements), "uitspraak", "uitspraken", "statement", "statements"),
		fmt.Sprintf(e.t("waarvan %d door geen klantreis getoetst", "of which %d tested by no journey"), c.Untested))
	e.p("- %s\n", e.n(len(journeys), "klantreis", "klantreizen", "journey", "journeys"))
	if len(c.Statements) == 0 {
		e.p("\n%s\n", e.t("Het projectbestand (blueprint.toml) heeft geen [[visie]]-uitspraken.", "The project file (blueprint.toml) has no [[visie]] statements."))
	}
	if c.Untested > 0 {
		e.p("\n## %s\n\n%s\n", e.t("Nog niet getoetst", "Not tested yet"),
			e.t("Geen klantreis toetst deze uitspraken (visie = \"…\" in een reisbestand). Kies voor elk een reis waarin de uitspraak waar moet worden.",
				"No journey tests these statements (visie = \"…\" in a journey file). Choose for each a journey in which the statement must come true."))
		for _, s := range c.Statements[:c.Untested] {
			e.statementHead(s)
		}
	}
	if c.Untested < len(c.Statements) {
		e.p("\n## %s\n", e.t("Getoetst", "Tested"))
	}
	for _, s := range c.Statements[c.Untested:] {
		e.statementHead(s)
		e.p("\n| %s | %s | %s | %s | %s | %s | %s |\n|---|--:|--:|--:|--:|--:|---|\n", e.t("Klantreis", "Journey"), e.t("Laagste emotie", "Lowest emotion"),
			e.t("Gemiddelde emotie", "Average emotion"), e.t("Knelpunten", "Pain points"), e.t("Zonder actie", "Without an action"), e.t("Open", "Open"),
			e.t("Verbeteracties", "Actions"))
		for _, j := range s.Journeys {
			e.p("| %s | %s | %s | %d | %d | %d | %s |\n", md(j.Title), e.emotion(j.LowestEmotion), e.average(j.AverageEmotion),
				j.Counts.Knelpunten, j.Counts.Unanswered, j.Counts.Open, dash(strings.TrimPrefix(e.byStatus(j.Counts.ByStatus), ": ")))
		}
		e.p("\n%s\n", fmt.Sprintf(e.t("Over deze reizen samen: laagste emotie %s, gemiddeld %s; %s, waarvan %d zonder verbeteractie en %d opgelost.",
			"Over these journeys together: lowest emotion %s, average %s; %s, of which %d without an action and %d solved."),
			e.emotion(s.LowestEmotion), e.average(s.AverageEmotion), e.n(s.Counts.Knelpunten, "knelpunt", "knelpunten", "pain point", "pain points"),
			s.Counts.Unanswered, s.Counts.Solved))
		e.p("\n#### %s\n\n", e.t("Knelpunten zonder verbeteractie", "Pain points without an action"))
		if len(s.Unanswered) == 0 {
			e.p("%s\n", e.t("Op elk knelpunt gaat een verbeteractie in.", "Every pain point has an improvement action."))
		}
		for _, k := range s.Unanswered {
			e.p("- %s › %s: %s\n", md(k.JourneyTitle), md(k.StepTitle), md(k.Text))
		}
		e.p("\n#### %s\n\n", e.t("Verbeteracties", "Improvement actions"))
		if len(s.Actions) == 0 {
			e.p("%s\n", e.t("Nog geen verbeteracties.", "No improvement actions yet."))
		}
		for _, a := range s.Actions {
			line := fmt.Sprintf("- **%s** (%s) — %s", md(a.ID), StatusName(e.lang, a.Status), md(a.What))
			if a.Status == blueprint.StatusRejected && a.Reason != "" {
				line += " *" + e.t("Reden:", "Reason:") + "* " + md(a.Reason)
			}
			e.p("%s\n", line)
		}
	}
	if len(c.Untargeted) > 0 {
		e.p("\n## %s\n\n%s\n\n", e.t("Klantreizen zonder uitspraak", "Journeys without a statement"),
			e.t("Deze klantreizen toetsen geen uitspraak van de visie; zet visie = \"…\" in het reisbestand.",
				"These journeys test no statement of the visie; set visie = \"…\" in the journey file."))
		for _, j := range c.Untargeted {
			e.p("- %s (`%s`)\n", md(j.Title), j.ID)
		}
	}
}

func (e *mdWriter) statementHead(s *Statement) {
	title := s.Theme
	if title == "" {
		title = s.ID
	}
	e.p("\n### %s (`%s`)\n\n> %s\n", md(title), s.ID, md(s.Text))
}

func (e *mdWriter) emotion(v *int) string {
	if v == nil {
		return "—"
	}
	return EmotionLabel(*v)
}

func (e *mdWriter) average(v *float64) string {
	if v == nil {
		return "—"
	}
	return e.decimal(*v)
}
