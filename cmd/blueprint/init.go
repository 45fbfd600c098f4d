package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
)

func initCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a commented starter journey that validates",
		ArgsUsage: "FILE",
		Description: "Writes a new journey file with every lane of a step filled in as an example and\n" +
			"Dutch comments that explain the keys. It never overwrites an existing file.\n\n" +
			"Example:\n" +
			"   blueprint init --persona Johan johan.toml && blueprint validate johan.toml",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "persona", Usage: "name of the persona whose journey it is", Value: "Inwoner"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageError("init: name exactly one file to write, such as reis.toml")
			}
			file := c.Args().First()
			if filepath.Ext(file) != ".toml" {
				return usageError("init: %s: a journey file ends in .toml", file)
			}
			src := blueprint.StarterJourney(c.String("persona"), filepath.ToSlash(file))
			f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return usageError("init: %s exists already; choose another name (init never overwrites)", file)
			}
			if err != nil {
				return usageError("init: %v", err)
			}
			if _, err := f.Write(src); err != nil {
				f.Close()
				os.Remove(file)
				return usageError("init: %v", err)
			}
			if err := f.Close(); err != nil {
				return usageError("init: %v", err)
			}
			fmt.Fprintf(c.App.Writer, "%s geschreven; controleer het met: blueprint validate %s\n", file, file)
			return nil
		},
	}
}
