package main

import (
	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
)

func schemaCommand() *cli.Command {
	return &cli.Command{
		Name:      "schema",
		Usage:     "print the JSON Schema of journey files or of blueprint.toml, for editors",
		ArgsUsage: "[journey|project]",
		Description: "Prints the JSON Schema that editors (VS Code with Even Better TOML, or any\n" +
			"editor that speaks Taplo) use to complete keys and underline mistakes. The same\n" +
			"schemas are published in docs/. Save one next to your journeys and point a file\n" +
			"at it with a first line such as  #:schema ./journey.schema.json\n\n" +
			"Example:\n" +
			"   blueprint schema journey > journey.schema.json",
		Action: func(c *cli.Context) error {
			which := "journey"
			if c.NArg() > 0 {
				which = c.Args().First()
			}
			if c.NArg() > 1 {
				return usageError("schema: name at most one schema: journey or project")
			}
			var out []byte
			switch which {
			case "journey":
				out = blueprint.JourneySchema()
			case "project":
				out = blueprint.ProjectSchema()
			default:
				return usageError("schema: unknown schema %q; use journey or project", which)
			}
			_, err := c.App.Writer.Write(out)
			return err
		},
	}
}
