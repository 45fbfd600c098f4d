package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
)

func catalogueCommand() *cli.Command {
	return &cli.Command{
		Name:      "catalogue",
		Usage:     "list the channels, actors, systems, domains and question types a journey can use",
		ArgsUsage: "[PATH...]",
		Description: "Without a path it lists the built-in catalogue; with a folder or file it adds\n" +
			"the entries of its blueprint.toml.\n\n" +
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
	section("\n" + t("Actoren (actor)", "Actors (actor)"))
	for _, x := range cat.Actors {
		row(x.ID, x.Name(lang), string(x.Kind))
	}
	section("\n" + t("Systemen (systeem)", "Systems (systeem)"))
	for _, x := range cat.Systems {
		row(x.ID, x.Name(lang), "")
	}
	section("\n" + t("Domeinen (domein)", "Domains (domein)"))
	for _, x := range cat.Domains {
		row(x.ID, x.Name(lang), "")
	}
	section("\n" + t("Vraagsoorten (vraagsoort)", "Question types (vraagsoort)"))
	for _, x := range cat.QuestionTypes {
		row(x.ID, x.Name(lang), "")
	}
}
