package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/plan"
)

// visieFormats are the formats of `blueprint visie`, the default first.
var visieFormats = []struct {
	name, ext string
	encode    func(io.Writer, *plan.Coverage) error
}{
	{"md", ".md", plan.WriteVisionMarkdown},
	{"json", ".json", plan.WriteVisionJSON},
}

func visieCommand() *cli.Command {
	var names []string
	for _, f := range visieFormats {
		names = append(names, f.name)
	}
	return &cli.Command{
		Name:      "visie",
		Usage:     "which journeys test each statement of the dienstverleningsvisie, and how the customer fares in them",
		ArgsUsage: "PATH...",
		Description: "Reads journey files and folders with their blueprint.toml and writes, for each statement\n" +
			"of the dienstverleningsvisie ([[visie]] in blueprint.toml), the journeys that test it (visie = \"…\"),\n" +
			"their lowest and average emotion, their knelpunten without an action and their verbeteracties.\n" +
			"The statements no journey tests yet come first.\n" +
			"Exit code: 0 written, 1 errors in the journeys, 2 usage or I/O problem.\n\n" +
			"Examples:\n" +
			"   blueprint visie examples/\n" +
			"   blueprint visie --out visie.md examples/",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "file to write (default: standard output)"},
			&cli.StringFlag{Name: "format", Usage: joinWords(names, "or") + " (default: from the extension of --out, else md)"},
			langFlag(),
		},
		Action: func(c *cli.Context) error {
			lang, err := langOf(c)
			if err != nil {
				return err
			}
			out, name := c.String("out"), c.String("format")
			format := visieFormats[0]
			found := name == ""
			for _, f := range visieFormats {
				if name != "" && f.name == name || name == "" && out != "" && strings.EqualFold(filepath.Ext(out), f.ext) {
					format, found = f, true
				}
			}
			if !found {
				return usageError("visie: --format: unknown format %q; use %s", name, joinWords(names, "or"))
			}
			l, err := load(c, lang)
			if err != nil {
				return err
			}
			diagLang := lang.Or(blueprint.Dutch)
			p := plan.Derive(l.model, plan.Options{Lang: l.lang.Or(blueprint.Dutch)})
			cov := plan.Vision(l.model, p)
			if len(cov.Statements) == 0 {
				fmt.Fprintln(c.App.ErrWriter, blueprint.T(diagLang,
					"let op: er is geen blueprint.toml met [[visie]]-uitspraken; zie docs/format.md, het projectbestand",
					"note: there is no blueprint.toml with [[visie]] statements; see docs/format.md, the project file"))
			}
			if out == "" || out == "-" {
				if err := format.encode(c.App.Writer, cov); err != nil {
					return usageError("visie: %v", err)
				}
				return nil
			}
			if err := writeAtomic(out, func(w io.Writer) error { return format.encode(w, cov) }); err != nil {
				return usageError("visie: %s: %v", filepath.ToSlash(out), err)
			}
			fmt.Fprintf(c.App.Writer, blueprint.T(diagLang, "%s geschreven: %d uitspraken, waarvan %d door geen klantreis getoetst\n",
				"%s written: %d statements, of which %d tested by no journey\n"), filepath.ToSlash(out), len(cov.Statements), cov.Untested)
			return nil
		},
	}
}
