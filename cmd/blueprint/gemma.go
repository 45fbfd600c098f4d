package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
	"github.com/dimpact/blueprint/requirements/gemma/coverage"
	"github.com/dimpact/blueprint/requirements/xlsx"
)

// gemmaFormats are the formats of blueprint gemma, with the extension that
// chooses each from --out.
var gemmaFormats = []struct{ name, ext string }{{"text", ".txt"}, {"md", ".md"}, {"json", ".json"}, {"xlsx", ".xlsx"}}

// gemmaWorkbook is the file the workbook goes to without --out.
const gemmaWorkbook = "gemma-dekking.xlsx"

func gemmaModelFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "gemma", Usage: "the GEMMA model to use: an exchange file (.xml), a file of Archi's CSV export, or a folder with either (default: the built-in KCC extract of release " + gemma.Default().Release + ")"}
}

func gemmaCatalogueFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "catalogue", Usage: "requirements catalogue (TOML) to use instead of, or with uitbreiden = true on top of, the built-in one"}
}

func gemmaCommand() *cli.Command {
	var names []string
	for _, f := range gemmaFormats {
		names = append(names, f.name)
	}
	return &cli.Command{
		Name:      "gemma",
		Usage:     "check the requirements and the journeys' systems against GEMMA: what they cover, the gaps, Object IDs GEMMA no longer has",
		ArgsUsage: "PATH...",
		Description: "Derives the requirements from the journeys as blueprint matrix does and reports their\n" +
			"coverage of GEMMA, the reference architecture of Dutch gemeenten: which KCC-relevant\n" +
			"referentiecomponenten and applicatieservices the requirements and the systems in the\n" +
			"support lanes cover, through which requirements and steps; the gaps; requirements that\n" +
			"name no GEMMA element; Object IDs the model lacks, with the successor from VNG's 2022\n" +
			"mapping of applicatiefuncties; components In ontwikkeling or Einde ondersteuning; and\n" +
			"the release it was computed against. Without --gemma it uses the KCC extract of GEMMA\n" +
			"built into the tool; with --gemma the architect's own export of the model.\n" +
			"Exit code: 0 written (the gaps are the report, not an error), 1 errors in the journeys,\n" +
			"the catalogue or the GEMMA files, 2 usage or I/O problem.\n\n" +
			"Examples:\n" +
			"   blueprint gemma examples/\n" +
			"   blueprint gemma --format md --out gemma-dekking.md examples/\n" +
			"   blueprint gemma --gemma ~/GEMMA/gemma-exchange.xml --format xlsx examples/",
		Flags: []cli.Flag{
			gemmaModelFlag(),
			&cli.StringFlag{Name: "format", Usage: joinWords(names, "or") + " (default: from the extension of --out, else text)"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "file to write (default: standard output; " + gemmaWorkbook + " for xlsx)"},
			langFlag(),
			maxDiagnosticsFlag(),
			gemmaCatalogueFlag(),
			&cli.BoolFlag{Name: "force", Usage: "replace a workbook that blueprint gemma did not write"},
		},
		Action: runGemma,
	}
}

// gemmaRun is what blueprint gemma and blueprint archimate share: the
// journeys, the derivation and its coverage.
type gemmaRun struct {
	l        *loaded
	res      *requirements.Result
	rep      *coverage.Report
	diagLang blueprint.Lang
}

// prepareGemma loads the journeys, the catalogue and the GEMMA model,
// derives the requirements and computes the coverage. Diagnostics are
// printed; errors among them stop the command.
func prepareGemma(c *cli.Context, lang blueprint.Lang) (*gemmaRun, error) {
	name := c.Command.Name
	gm := gemma.Default()
	var gdiags blueprint.Diagnostics
	if path := c.String("gemma"); path != "" {
		m, diags, err := gemma.ReadPath(path, lang.Or(blueprint.Dutch))
		if err != nil {
			return nil, usageError("%s: --gemma: %v", name, err)
		}
		// The GEMMA files are large and machine-written: no snippets.
		gm, gdiags = m, diags
	}
	d, err := derive(c, lang, requirements.Options{}, gdiags)
	if err != nil {
		return nil, err
	}
	l, res, diagLang := d.l, d.res, d.diagLang
	return &gemmaRun{l: l, res: res, rep: coverage.Compute(res, l.model.Vocabulary, gm), diagLang: diagLang}, nil
}

func runGemma(c *cli.Context) error {
	lang, err := langOf(c)
	if err != nil {
		return err
	}
	out, format := c.String("out"), ""
	for _, f := range gemmaFormats {
		if out != "" && strings.EqualFold(filepath.Ext(out), f.ext) {
			format = f.name
		}
	}
	if name := c.String("format"); name != "" {
		format = ""
		for _, f := range gemmaFormats {
			if f.name == name {
				format = name
			}
		}
		if format == "" {
			var names []string
			for _, f := range gemmaFormats {
				names = append(names, f.name)
			}
			return usageError("gemma: --format: unknown format %q; use %s", name, joinWords(names, "or"))
		}
	}
	if format == "" {
		format = "text"
	}
	if format == "xlsx" && (out == "" || out == "-") {
		out = gemmaWorkbook
	}
	if format == "xlsx" && !c.Bool("force") {
		if err := mayReplaceCoverage(out, lang.Or(blueprint.Dutch)); err != nil {
			return err
		}
	}
	run, err := prepareGemma(c, lang)
	if err != nil {
		return err
	}
	rep := run.rep
	encode := func(w io.Writer) error {
		switch format {
		case "md":
			return coverage.WriteMarkdown(w, rep)
		case "json":
			return coverage.WriteJSON(w, rep)
		case "xlsx":
			return xlsx.WriteCoverage(w, rep)
		}
		return coverage.WriteText(w, rep)
	}
	if out == "" || out == "-" {
		if err := encode(c.App.Writer); err != nil {
			return usageError("gemma: %v", err)
		}
		return nil
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		return usageError("gemma: %s %s", filepath.ToSlash(out), blueprint.T(run.diagLang, "is een map; geef een bestandsnaam met --out", "is a folder; give a file name with --out"))
	}
	if err := writeAtomic(out, encode); err != nil {
		return usageError("gemma: %s: %v", filepath.ToSlash(out), err)
	}
	n := rep.Counts()
	fmt.Fprintf(c.App.Writer, blueprint.T(run.diagLang,
		"%s geschreven: %d van %d KCC-componenten gedekt door eisen, %d alleen via een systeem, %d niet gedekt (GEMMA-release %s)\n",
		"%s written: %d of %d KCC components covered by requirements, %d only through a system, %d not covered (GEMMA release %s)\n"),
		filepath.ToSlash(out), n.Covered, n.Components, n.OnlySystem, n.Gaps, rep.Release)
	return nil
}

// mayReplaceCoverage refuses to replace a file at path that is not a
// coverage workbook of blueprint gemma: a PvE with vendor answers, say.
func mayReplaceCoverage(path string, lang blueprint.Lang) error {
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return nil
	}
	ok, err := xlsx.IsCoverageFile(path)
	if err == nil && ok {
		return nil
	}
	return usageError("gemma: %s %s", filepath.ToSlash(path), blueprint.T(lang,
		"bestaat al en is geen GEMMA-dekking van blueprint; kies een andere naam met --out of gebruik --force om het te vervangen",
		"exists and is not a GEMMA coverage written by blueprint; choose another name with --out or use --force to replace it"))
}

// isExport reports whether the file at path is an ArchiMate export of
// blueprint (its model is bp.model), looking at its first bytes only.
func isExport(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], []byte(`identifier="bp.model"`))
}
