package main

import (
	"io"

	"github.com/urfave/cli/v2"
)

func manCommand() *cli.Command {
	return &cli.Command{
		Name:      "man",
		Usage:     "print the manual page (troff), or the same as Markdown",
		ArgsUsage: " ",
		Description: "Prints the manual page of blueprint with every command and flag, made from the\n" +
			"same text as --help. make man writes it to out/blueprint.1.\n\n" +
			"Examples:\n" +
			"   blueprint man > blueprint.1 && man ./blueprint.1\n" +
			"   blueprint man --markdown > blueprint.md",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "markdown", Usage: "Markdown instead of troff"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageError("man: takes no arguments")
			}
			var page string
			var err error
			if c.Bool("markdown") {
				page, err = c.App.ToMarkdown()
			} else {
				page, err = c.App.ToManWithSection(1) // a user command: section 1
			}
			if err != nil {
				return err
			}
			_, err = io.WriteString(c.App.Writer, page)
			return err
		},
	}
}
