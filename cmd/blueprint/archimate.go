package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/archimate"
)

func archimateCommand() *cli.Command {
	return &cli.Command{
		Name:      "archimate",
		Usage:     "export the journeys, the requirements and their GEMMA elements as an ArchiMate 3.1 exchange file for Archi",
		ArgsUsage: "PATH...",
		Description: "Writes an Open Group ArchiMate 3.1 Model Exchange File: a business process per journey\n" +
			"with its phases and steps, the actors and roles, the channels and systems, the derived\n" +
			"requirements as Requirement elements, and the GEMMA referentiecomponenten and\n" +
			"applicatieservices they need, with GEMMA's own identifiers and Object IDs so that the\n" +
			"file merges with the GEMMA model in Archi. It has a view per journey laid out as the\n" +
			"service blueprint, a view of the GEMMA coverage and a view per block of requirements.\n" +
			"Open it in Archi with File › Import › Open Exchange XML Model; docs/gemma.md says how to\n" +
			"merge it with GEMMA. A file that is not an export of blueprint is not replaced without\n" +
			"--force.\n\n" +
			"Examples:\n" +
			"   blueprint archimate --out klantreizen.xml examples/\n" +
			"   blueprint archimate --gemma ~/GEMMA/ --lang en --out journeys.xml examples/",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "file to write, such as klantreizen.xml (default: standard output)"},
			gemmaModelFlag(),
			langFlag(),
			maxDiagnosticsFlag(),
			gemmaCatalogueFlag(),
			&cli.BoolFlag{Name: "force", Usage: "replace a file that is not an export of blueprint"},
		},
		Action: runArchimate,
	}
}

func runArchimate(c *cli.Context) error {
	lang, err := langOf(c)
	if err != nil {
		return err
	}
	out := c.String("out")
	diagLang := lang.Or(blueprint.Dutch)
	if out != "" && out != "-" {
		if st, err := os.Stat(out); err == nil {
			if st.IsDir() {
				return usageError("archimate: %s %s", filepath.ToSlash(out), blueprint.T(diagLang, "is een map; geef een bestandsnaam met --out", "is a folder; give a file name with --out"))
			}
			if !c.Bool("force") && !isExport(out) {
				return usageError("archimate: %s %s", filepath.ToSlash(out), blueprint.T(diagLang,
					"bestaat al en is geen ArchiMate-export van blueprint; kies een andere naam met --out of gebruik --force om het te vervangen",
					"exists and is not an ArchiMate export of blueprint; choose another name with --out or use --force to replace it"))
			}
		}
	}
	run, err := prepareGemma(c, lang)
	if err != nil {
		return err
	}
	m, err := archimate.Build(archimate.Input{Journeys: run.l.model, Result: run.res, Coverage: run.rep})
	if err != nil {
		return usageError("archimate: %v", err)
	}
	encode := func(w io.Writer) error { return archimate.Encode(w, m) }
	if out == "" || out == "-" {
		if err := encode(c.App.Writer); err != nil {
			return usageError("archimate: %v", err)
		}
		return nil
	}
	if err := writeAtomic(out, encode); err != nil {
		return usageError("archimate: %s: %v", filepath.ToSlash(out), err)
	}
	fmt.Fprintf(c.App.Writer, blueprint.T(diagLang,
		"%s geschreven: %d elementen, %d relaties, %d views (%d klantreizen, %d eisen, GEMMA-release %s); open het in Archi met Bestand › Importeren › Open Exchange XML Model\n",
		"%s written: %d elements, %d relationships, %d views (%d journeys, %d requirements, GEMMA release %s); open it in Archi with File › Import › Open Exchange XML Model\n"),
		filepath.ToSlash(out), len(m.Elements), len(m.Relations), len(m.Views), len(run.res.Journeys), len(run.rep.Requirements), run.rep.Release)
	return nil
}
