package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check journey files and print every problem with file:line:col",
		ArgsUsage: "PATH...",
		Description: "Reads journey files and folders of journey files (with their blueprint.toml) and\n" +
			"prints every problem at once, sorted by position, with the likely fix. It also checks\n" +
			"the references to the requirements catalogue (eisen, [[prioriteit]]) as blueprint\n" +
			"matrix would: against the built-in catalogue, or the one named with --catalogue.\n" +
			"Exit code: 0 valid (warnings allowed), 1 errors in the input, 2 usage or I/O problem.\n\n" +
			"Examples:\n" +
			"   blueprint validate examples/\n" +
			"   blueprint validate --catalogue eigen-catalogus.toml examples/\n" +
			"   blueprint validate --format json reis.toml",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text or json"},
			gemmaCatalogueFlag(),
			langFlag(),
			maxDiagnosticsFlag(),
		},
		Action: func(c *cli.Context) error {
			lang, err := langOf(c)
			if err != nil {
				return err
			}
			format := diagText
			switch f := c.String("format"); f {
			case "text":
			case "json":
				format = diagJSON
			default:
				return usageError("--format: unknown format %q; use text or json", f)
			}
			// Validating holds the model and every text (for the snippets):
			// without a limit the national case peaked at 0.93-0.96 GB.
			limitMemory(c.Args().Slice())
			l, err := read(c, lang)
			if err != nil {
				return err
			}
			sources := blueprint.SourceMap(l.files)
			diags := l.diags
			// What blueprint matrix would reject (requirements.CheckReferences):
			// the catalogue is read only when there is something to look up
			// in it, or when --catalogue names one to check.
			if c.IsSet("catalogue") || requirements.HasReferences(l.model) {
				cat, catDiags, err := catalogueOf(c, lang.Or(blueprint.Dutch), sources)
				if err != nil {
					return err
				}
				diags = append(diags, catDiags...)
				if cat != nil && l.model != nil {
					diags = append(diags, requirements.CheckReferences(l.model, cat, lang.Or(blueprint.Dutch))...)
				}
			}
			if err := reportDiagnostics(c, diags, sources, lang, format); err != nil {
				return err
			}
			if errs, warns := diags.Count(); format == diagText && errs+warns == 0 {
				n := len(l.model.Journeys)
				fmt.Fprintln(c.App.Writer, blueprint.T(lang,
					fmt.Sprintf("geldig: %d %s, geen problemen", n, plural(n, "klantreis", "klantreizen")),
					fmt.Sprintf("valid: %d %s, no problems", n, plural(n, "journey", "journeys"))))
			}
			return nil
		},
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
