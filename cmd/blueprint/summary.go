package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
)

func summaryCommand() *cli.Command {
	return &cli.Command{
		Name:      "summary",
		Usage:     "a quick look per journey: steps, phases, channels, actors, hand-offs, pain points, lowest emotion",
		ArgsUsage: "PATH...",
		Description: "Prints per journey the numbers an adviser checks first. The journeys must\n" +
			"validate (warnings are printed on stderr and do not stop it).\n\n" +
			"Example:\n" +
			"   blueprint summary examples/",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text or json"},
			langFlag(),
			maxDiagnosticsFlag(),
		},
		Action: func(c *cli.Context) error {
			lang, err := langOf(c)
			if err != nil {
				return err
			}
			format := c.String("format")
			if format != "text" && format != "json" {
				return usageError("--format: unknown format %q; use text or json", format)
			}
			l, err := load(c, lang)
			if err != nil {
				return err
			}
			sums := make([]blueprint.JourneySummary, len(l.model.Journeys))
			for i, j := range l.model.Journeys {
				sums[i] = blueprint.Summarize(j)
			}
			if format == "json" {
				return writeSummaryJSON(c.App.Writer, sums)
			}
			writeSummaryText(c.App.Writer, l.model.Vocabulary, sums, l.lang.Or(blueprint.Dutch))
			return nil
		},
	}
}

func writeSummaryText(w io.Writer, cat *blueprint.Vocabulary, sums []blueprint.JourneySummary, lang blueprint.Lang) {
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	name := func(ids []string, look func(string) string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = look(id)
		}
		return strings.Join(out, ", ")
	}
	channel := func(id string) string {
		if c := cat.Channel(id); c != nil {
			return c.Name(lang)
		}
		return id
	}
	actor := func(id string) string {
		if a := cat.Actor(id); a != nil {
			return a.Name(lang)
		}
		return id
	}
	for i, s := range sums {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s — %s\n", s.ID, s.Title)
		domain, qtype := s.Domain, s.QuestionType
		if d := cat.Domain(domain); d != nil {
			domain = d.Name(lang)
		}
		if q := cat.QuestionType(qtype); q != nil {
			qtype = q.Name(lang)
		}
		fmt.Fprintf(w, "  %-16s %s · %s · %s\n", t("persona", "persona")+":", s.Persona, domain, qtype)
		n := func(count int, nlOne, nlMany, enOne, enMany string) string {
			if count == 1 {
				return fmt.Sprintf("%d %s", count, t(nlOne, enOne))
			}
			return fmt.Sprintf("%d %s", count, t(nlMany, enMany))
		}
		fmt.Fprintf(w, "  %-16s %s, %s, %s\n", t("omvang", "size")+":",
			n(s.Steps, "stap", "stappen", "step", "steps"), n(s.Phases, "fase", "fasen", "phase", "phases"),
			n(s.Improvements, "verbeteractie", "verbeteracties", "improvement", "improvements"))
		fmt.Fprintf(w, "  %-16s %s\n", t("kanalen", "channels")+":", name(s.Channels, channel))
		fmt.Fprintf(w, "  %-16s %s\n", t("actoren", "actors")+":", name(s.Actors, actor))
		fmt.Fprintf(w, "  %-16s %s, %s, %s, %s\n", t("knelpunten", "pain points")+":",
			n(s.PainPoints, "knelpunt", "knelpunten", "pain point", "pain points"),
			n(s.FailPoints, "faalpunt", "faalpunten", "fail point", "fail points"),
			n(s.Handoffs, "overdracht", "overdrachten", "hand-off", "hand-offs"),
			n(s.RepeatContacts, "herhaalcontact", "herhaalcontacten", "repeat contact", "repeat contacts"))
		if s.LowestStep != nil {
			fmt.Fprintf(w, "  %-16s %+d %s %q (%s)\n", t("laagste emotie", "lowest emotion")+":", s.LowestEmotion, t("bij", "at"), s.LowestStep.ID, s.LowestStep.Title)
		} else {
			fmt.Fprintf(w, "  %-16s %s\n", t("laagste emotie", "lowest emotion")+":", t("geen emoties ingevuld", "no emotions given"))
		}
	}
}

func writeSummaryJSON(w io.Writer, sums []blueprint.JourneySummary) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sums)
}
