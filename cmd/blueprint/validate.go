package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
)

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check journey files and print every problem with file:line:col",
		ArgsUsage: "PATH...",
		Description: "Reads journey files and folders of journey files (with their blueprint.toml) and\n" +
			"prints every problem at once, sorted by position, with the likely fix.\n" +
			"Exit code: 0 valid (warnings allowed), 1 errors in the input, 2 usage or I/O problem.\n\n" +
			"Examples:\n" +
			"   blueprint validate examples/\n" +
			"   blueprint validate --format json reis.toml",
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
			switch format := c.String("format"); format {
			case "text":
				l, err := load(c, lang)
				if err != nil {
					return err
				}
				errs, warns := l.diags.Count()
				if errs+warns == 0 {
					n := len(l.model.Journeys)
					fmt.Fprintln(c.App.Writer, blueprint.T(lang,
						fmt.Sprintf("geldig: %d %s, geen problemen", n, plural(n, "klantreis", "klantreizen")),
						fmt.Sprintf("valid: %d %s, no problems", n, plural(n, "journey", "journeys"))))
				}
				return nil
			case "json":
				l, err := read(c, lang)
				if err != nil {
					return err
				}
				return reportDiagnostics(c, l.diags, nil, lang, diagJSON)
			default:
				return usageError("--format: unknown format %q; use text or json", format)
			}
		},
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
