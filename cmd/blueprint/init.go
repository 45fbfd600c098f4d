package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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
			"Dutch comments that explain the keys. It never overwrites an existing file.\n" +
			"Beside it, it writes journey.schema.json (unless there is one), which the first line\n" +
			"of the journey names: an editor with Taplo (VS Code's Even Better TOML) then completes\n" +
			"keys and values and underlines mistakes, also offline.\n\n" +
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
			return writeSchemaBeside(c, file)
		},
	}
}

// schemaFile is the local copy of the journey schema that a starter
// journey's first line names (#:schema ./journey.schema.json).
const schemaFile = "journey.schema.json"

// writeSchemaBeside writes the journey schema next to a new journey, so
// that the editor finds it without a network. An existing copy is left
// alone: it says so when it differs from this version's schema.
func writeSchemaBeside(c *cli.Context, journey string) error {
	path := filepath.Join(filepath.Dir(journey), schemaFile)
	want := blueprint.JourneySchema()
	have, err := os.ReadFile(path)
	switch {
	case err == nil && bytes.Equal(have, want):
		return nil
	case err == nil:
		fmt.Fprintf(c.App.Writer, "%s bestaat al en is niet het schema van deze versie; vernieuw het met: blueprint schema journey > %s\n",
			filepath.ToSlash(path), filepath.ToSlash(path))
		return nil
	case !errors.Is(err, fs.ErrNotExist):
		return usageError("init: %s: %v", filepath.ToSlash(path), err)
	}
	if err := writeAtomic(path, func(w io.Writer) error { _, err := w.Write(want); return err }); err != nil {
		return usageError("init: %s: %v", filepath.ToSlash(path), err)
	}
	fmt.Fprintf(c.App.Writer, "%s geschreven: het schema waarmee een editor sleutels aanvult en fouten onderstreept\n", filepath.ToSlash(path))
	return nil
}
