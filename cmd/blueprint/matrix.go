package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/formats"
	"github.com/dimpact/blueprint/requirements/xlsx"
)

var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func matrixCommand() *cli.Command {
	return &cli.Command{
		Name:      "matrix",
		Usage:     "derive the requirements from the journeys and write the Programma van Eisen (Excel, CSV, JSON or Markdown)",
		ArgsUsage: "PATH...",
		Description: "Reads journey files and folders, derives the requirements of the seven KCC blocks with\n" +
			"the rules of the requirements catalogue, and writes the PvE workbook that a procurement\n" +
			"team sends to market parties: every requirement says which journeys and steps need it.\n" +
			"A workbook that already holds vendor answers is never overwritten without --force.\n" +
			"Exit code: 0 written, 1 errors in the journeys or the catalogue, 2 usage or I/O problem.\n\n" +
			"Examples:\n" +
			"   blueprint matrix --out pve.xlsx examples/\n" +
			"   blueprint matrix --format md examples/ > pve.md\n" +
			"   blueprint matrix --catalogue-template > catalogus.toml",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "file to write (default: " + matrixOutDefaults() + ")"},
			&cli.StringFlag{Name: "format", Usage: joinWords(formats.Names(), "or") + " (default: from the extension of --out, else " + formats.Default().Name + ")"},
			langFlag(),
			maxDiagnosticsFlag(),
			&cli.StringFlag{Name: "catalogue", Usage: "requirements catalogue (TOML) to use instead of, or with uitbreiden = true on top of, the built-in one"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite a workbook even when it holds vendor answers"},
			&cli.StringFlag{Name: "date", Usage: "document date YYYY-MM-DD (default: none, so the output is the same on every run)"},
			&cli.StringFlag{Name: "tender-id", Usage: "name of the tender, printed in the workbook and its metadata"},
			&cli.StringFlag{Name: "tender-version", Usage: "version of this Programma van Eisen", Value: "1.0"},
			&cli.StringFlag{Name: "password", Usage: "protect the sheets with this password (default: protected without one)"},
			&cli.BoolFlag{Name: "include-unneeded", Usage: "also include the catalogue requirements no journey needs, marked as such"},
			&cli.BoolFlag{Name: "catalogue-template", Usage: "print the built-in requirements catalogue, to start a tender's own, and stop"},
		},
		Action: runMatrix,
	}
}

func runMatrix(c *cli.Context) error {
	lang, err := langOf(c)
	if err != nil {
		return err
	}
	if c.Bool("catalogue-template") {
		_, err := c.App.Writer.Write(requirements.BuiltinTOML())
		return err
	}
	out := c.String("out")
	format, ok := formats.ForPath(out)
	if !ok {
		format = formats.Default()
	}
	if name := c.String("format"); name != "" {
		if format, ok = formats.Lookup(name); !ok {
			return usageError("matrix: --format: unknown format %q; use %s", name, joinWords(formats.Names(), "or"))
		}
	}
	if out == "" && format.Workbook {
		out = matrixWorkbookName + format.Ext
	}
	date := c.String("date")
	if date != "" {
		if _, err := time.Parse("2006-01-02", date); err != nil || !datePattern.MatchString(date) {
			return usageError("matrix: --date %q: write the date as YYYY-MM-DD, such as 2026-09-01", date)
		}
	}
	l, err := load(c, lang)
	if err != nil {
		return err
	}
	docLang := l.lang.Or(blueprint.Dutch)
	diagLang := lang.Or(blueprint.Dutch)
	sources := blueprint.SourceMap(l.files)
	cat := requirements.Builtin()
	var diags blueprint.Diagnostics
	if path := c.String("catalogue"); path != "" {
		// Read once: the same bytes are loaded and shown in snippets.
		f, cdiags, err := requirements.ReadCatalogueFile(path, diagLang)
		if err != nil {
			return usageError("matrix: --catalogue: %v", err)
		}
		if !cdiags.HasErrors() {
			// Named relative to the journeys folder, as the journeys are:
			// the name goes into the outputs.
			name := journeysName(l.files, path)
			rememberName(c, name, f.Name)
			sources[name] = f.Src
			cat, cdiags = requirements.LoadCatalogue(name, f.Src, diagLang)
		}
		diags = append(diags, cdiags...)
		if cdiags.HasErrors() {
			return reportDiagnostics(c, diags, sources, diagLang, diagText)
		}
	}
	res, ddiags := requirements.Derive(l.model, cat, requirements.Options{Lang: docLang, MessageLang: diagLang, IncludeUnneeded: c.Bool("include-unneeded")})
	diags = append(diags, ddiags...)
	if err := reportDiagnostics(c, diags, sources, diagLang, diagText); err != nil {
		return err
	}

	meta := requirements.MetaFor(l.model, l.files)
	meta.TenderID = c.String("tender-id")
	meta.Version = c.String("tender-version")
	meta.Date = date
	meta.Tool = "blueprint " + buildVersion()
	meta.Password = c.String("password")

	if out == "" || out == "-" {
		if err := format.Encode(c.App.Writer, res, meta); err != nil {
			return usageError("matrix: %v", err)
		}
		matrixSummary(c.App.ErrWriter, res, "", diagLang)
		return nil
	}
	if err := mayOverwrite(out, format.Workbook, c.Bool("force"), diagLang); err != nil {
		return err
	}
	if err := writeAtomic(out, func(w io.Writer) error { return format.Encode(w, res, meta) }); err != nil {
		return usageError("matrix: %s: %v", filepath.ToSlash(out), err)
	}
	matrixSummary(c.App.Writer, res, filepath.ToSlash(out), diagLang)
	return nil
}

// matrixWorkbookName is the name, without extension, of the workbook
// written when --out is not given.
const matrixWorkbookName = "pve"

// matrixOutDefaults says where each format goes without --out: a file for
// the workbook, standard output for the text formats.
func matrixOutDefaults() string {
	var files, text []string
	for _, f := range formats.All() {
		if f.Workbook {
			files = append(files, matrixWorkbookName+f.Ext+" for "+f.Name)
		} else {
			text = append(text, f.Name)
		}
	}
	return strings.Join(append(files, "standard output for "+joinWords(text, "and")), ", ")
}

// joinWords lists words as "a, b or c" (conj "or") or "a, b and c".
func joinWords(words []string, conj string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}

// mayOverwrite refuses to replace a file that holds someone's work: a
// workbook with vendor answers, a workbook blueprint did not write, or any
// other file where a workbook goes (workbook says one goes there). --force
// overrides.
func mayOverwrite(path string, workbook, force bool, lang blueprint.Lang) error {
	st, err := os.Stat(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return usageError("matrix: %v", err)
	}
	if st.IsDir() {
		return usageError("matrix: %s %s", filepath.ToSlash(path), blueprint.T(lang, "is een map; geef een bestandsnaam met --out", "is a folder; give a file name with --out"))
	}
	if force {
		return nil
	}
	name := filepath.ToSlash(path)
	head := make([]byte, 4)
	if fh, err := os.Open(path); err == nil {
		n, _ := io.ReadFull(fh, head)
		head = head[:n]
		fh.Close()
	}
	isZip := bytes.Equal(head, []byte("PK\x03\x04"))
	if !isZip {
		if workbook {
			return usageError("matrix: %s %s", name, blueprint.T(lang,
				"bestaat al en is geen werkmap; kies een andere naam of gebruik --force om het te vervangen",
				"exists and is not a workbook; choose another name or use --force to replace it"))
		}
		return nil
	}
	info, err := xlsx.InspectFile(path)
	switch {
	case err != nil:
		return usageError("matrix: %s: %s (%v)", name, blueprint.T(lang,
			"kan niet nagaan of deze werkmap antwoorden bevat; kies een andere naam of gebruik --force",
			"cannot tell whether this workbook holds answers; choose another name or use --force"), err)
	case !info.Ours:
		return usageError("matrix: %s %s", name, blueprint.T(lang,
			"bestaat al en is geen Programma van Eisen van blueprint; kies een andere naam of gebruik --force",
			"exists and is not a Programme of Requirements written by blueprint; choose another name or use --force"))
	case info.Answered > 0:
		return usageError("matrix: %s %s", name, fmt.Sprintf(blueprint.T(lang,
			"bevat antwoorden van een leverancier (%d regels op %s); die worden niet overschreven. Kies een andere naam met --out, of gebruik --force als u ze echt wilt vervangen",
			"holds vendor answers (%d rows on %s); they are not overwritten. Choose another name with --out, or use --force if you really want to replace them"),
			info.Answered, strings.Join(info.Sheets, ", ")))
	}
	return nil
}

// matrixSummary prints what was written: counts per kind, the blocks, the
// journeys, and the functions no journey asks for.
func matrixSummary(w io.Writer, res *requirements.Result, out string, lang blueprint.Lang) {
	ko, wish := 0, 0
	blocks := map[*requirements.Block]bool{}
	for _, r := range res.Rows {
		if r.Kind == blueprint.KindKO {
			ko++
		} else {
			wish++
		}
		blocks[r.Block] = true
	}
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	what := fmt.Sprintf(t("%d eisen (%d knock-out, %d wensen) in %d blokken uit %d klantreizen",
		"%d requirements (%d knock-out, %d scored) in %d blocks from %d journeys"), ko+wish, ko, wish, len(blocks), len(res.Journeys))
	if out != "" {
		fmt.Fprintf(w, t("%s geschreven: %s\n", "%s written: %s\n"), out, what)
	} else {
		fmt.Fprintln(w, what)
	}
	if len(res.Unneeded) > 0 {
		var names []string
		for _, f := range res.Unneeded {
			names = append(names, f.Name(lang))
		}
		fmt.Fprintf(w, t("niet gevraagd door een klantreis: %s\n", "not asked for by any journey: %s\n"), strings.Join(names, ", "))
	}
}
