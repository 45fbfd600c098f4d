package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
)

func catalogueCommand() *cli.Command {
	return &cli.Command{
		Name:      "catalogue",
		Usage:     "list the channels, actors, systems, domains and question types a journey can use, and the metrics catalogue",
		ArgsUsage: "[PATH...]",
		Description: "Without a path it lists the built-in catalogue; with a folder or file it adds\n" +
			"the entries of its blueprint.toml. Last come the common KCC and journey metrics, with how\n" +
			"each is computed and where the number comes from: a phase names one with\n" +
			"catalogus = \"…\" in [[fase.meetpunt]] instead of writing the definition again.\n\n" +
			"Example:\n" +
			"   blueprint catalogue examples/",
		Flags: []cli.Flag{langFlag(), maxDiagnosticsFlag()},
		Action: func(c *cli.Context) error {
			lang, err := langOf(c)
			if err != nil {
				return err
			}
			cat := blueprint.BuiltinVocabulary()
			if c.NArg() > 0 {
				l, err := load(c, lang)
				if err != nil {
					return err
				}
				cat = l.model.Vocabulary
				lang = l.lang
			}
			writeCatalogue(c.App.Writer, cat, lang.Or(blueprint.Dutch))
			return nil
		},
	}
}

func writeCatalogue(w io.Writer, cat *blueprint.Vocabulary, lang blueprint.Lang) {
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	section := func(title string) { fmt.Fprintf(w, "%s\n", title) }
	row := func(id, name, kind string) {
		if kind != "" {
			fmt.Fprintf(w, "  %-22s %-45s %s\n", id, name, kind)
		} else {
			fmt.Fprintf(w, "  %-22s %s\n", id, name)
		}
	}
	section(t("Kanalen (kanaal)", "Channels (kanaal)"))
	for _, x := range cat.Channels {
		row(x.ID, x.Name(lang), string(x.Kind))
	}
	section("\n" + t("Actoren (actor): soort, rol", "Actors (actor): soort, rol"))
	for _, x := range cat.Actors {
		kind := string(x.Kind)
		if r := x.RoleOf(); r != "" {
			kind += ", " + string(r)
		}
		row(x.ID, x.Name(lang), kind)
	}
	section("\n" + t("Rollen van actoren (rol): de afleiding van eisen leest overdrachten op rol", "Roles of actors (rol): the derivation of requirements reads hand-offs by role"))
	for _, r := range blueprint.Roles() {
		row(r.ID, r.Name(lang), string(r.Kind))
		for _, l := range wrapText(r.Description, 70) {
			fmt.Fprintf(w, "  %-22s %s\n", "", l)
		}
	}
	section("\n" + t("Systemen (systeem): een eigen systeem noemt in soort een van deze, of overig", "Systems (systeem): an own system names one of these in soort, or overig"))
	for _, x := range cat.Systems {
		kind := ""
		if !x.BuiltIn && x.Kind != "" {
			kind = t("soort ", "kind ") + x.Kind
		}
		row(x.ID, x.Name(lang), kind)
	}
	section("\n" + t("Domeinen (domein)", "Domains (domein)"))
	for _, x := range cat.Domains {
		row(x.ID, x.Name(lang), "")
	}
	section("\n" + t("Vraagsoorten (vraagsoort)", "Question types (vraagsoort)"))
	for _, x := range cat.QuestionTypes {
		row(x.ID, x.Name(lang), "")
	}
	writeMetricCatalogue(w, lang)
}

// writeMetricCatalogue lists the metrics catalogue by group: id, name,
// unit and direction, then the definition and the source, wrapped.
func writeMetricCatalogue(w io.Writer, lang blueprint.Lang) {
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	fmt.Fprintf(w, "\n%s\n", t("Meetpunten (catalogus = \"…\" in [[fase.meetpunt]])", "Metrics (catalogus = \"…\" in [[fase.meetpunt]])"))
	group := blueprint.MetricGroup(-1)
	for _, m := range blueprint.MetricCatalogue() {
		if m.Group != group {
			group = m.Group
			fmt.Fprintf(w, "\n  %s\n", m.Group.Name(lang))
		}
		dir := t("lager is beter", "lower is better")
		if m.HigherIsBetter {
			dir = t("hoger is beter", "higher is better")
		}
		unit := blueprint.T(lang, m.Unit, m.UnitEN)
		fmt.Fprintf(w, "  %-26s %s (%s; %s)\n", m.ID, m.Name(lang), unit, dir)
		def := m.DefinitionFor(lang, nil)
		if m.HasWindow() {
			def += " " + fmt.Sprintf(t("(termijn: standaard %s; een andere met termijn = \"…\")", "(termijn: %s by default; another with termijn = \"…\")"), m.Window.Label(lang))
		}
		for _, line := range wrapText(def, 90) {
			fmt.Fprintf(w, "      %s\n", line)
		}
		for _, line := range wrapText(t("Bron: ", "Source: ")+blueprint.T(lang, m.SourceNL, m.SourceEN), 90) {
			fmt.Fprintf(w, "      %s\n", line)
		}
	}
}

// wrapText breaks s into lines of at most width characters at spaces.
func wrapText(s string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(word)) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
