package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/compare"
	"github.com/dimpact/blueprint/requirements/xlsx"
)

// compareFormats are what compare prints on standard output.
var compareFormats = []string{"text", "md", "json", "csv"}

func compareCommand() *cli.Command {
	return &cli.Command{
		Name:      "compare",
		Usage:     "read the filled-in PvE workbooks of the market parties, check them against your own PvE, score and rank them",
		ArgsUsage: "RESPONSE.xlsx...",
		Description: "Reads every response (an untrusted file: size-limited, checked part by part), checks it\n" +
			"against the PvE you sent (--pve: texts, kinds, priorities and weights come from there, never\n" +
			"from a vendor's copy), applies the assessment method the PvE published (or --scoring), and\n" +
			"writes the comparison workbook and the beoordelingsverslag. Every finding names the file,\n" +
			"sheet and cell. A tender that fails a knock-out (eis) is excluded and ranked last, with the reason.\n" +
			"Exit code: 0 compared, 1 a finding excludes a party or a response cannot be read (the outputs\n" +
			"are written all the same), 2 usage or I/O problem.\n\n" +
			"Examples:\n" +
			"   blueprint compare --pve pve.xlsx antwoorden/*.xlsx\n" +
			"   blueprint compare --pve pve.xlsx --anonymise --out vergelijking.xlsx a.xlsx b.xlsx\n" +
			"   blueprint compare --pve pve.xlsx --scoring-template > beoordeling.toml",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "pve", Usage: "the PvE workbook as you sent it (written by blueprint matrix): the truth every response is checked against"},
			&cli.StringFlag{Name: "scoring", Usage: "assessment method (TOML) instead of the one the PvE published; every difference is reported"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "comparison workbook to write", Value: "vergelijking.xlsx"},
			&cli.StringFlag{Name: "verslag", Usage: "beoordelingsverslag (Markdown) to write (default: beoordelingsverslag.md beside --out)"},
			&cli.StringFlag{Name: "format", Usage: "what to print on standard output: " + joinWords(compareFormats, "or"), Value: "text"},
			&cli.BoolFlag{Name: "anonymise", Aliases: []string{"anonymize"}, Usage: "name the parties Inschrijver A, B, … (in the order of the files' SHA-256) instead of their names"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite --out or --verslag even when they are not earlier outputs of compare"},
			&cli.BoolFlag{Name: "scoring-template", Usage: "print the assessment method the PvE published, as a scoring file to start from, and stop"},
			langFlag(),
		},
		Action: runCompare,
	}
}

func runCompare(c *cli.Context) error {
	lang, err := langOf(c)
	if err != nil {
		return err
	}
	pvePath := c.String("pve")
	if pvePath == "" {
		return usageError("compare: name your own PvE with --pve pve.xlsx (the workbook blueprint matrix wrote)")
	}
	format := c.String("format")
	if !contains(compareFormats, format) {
		return usageError("compare: --format: unknown format %q; use %s", format, joinWords(compareFormats, "or"))
	}
	// The master decides the language of the documents unless --lang does.
	mc := blueprint.NewCollector(lang.Or(blueprint.Dutch))
	pveName := filepath.ToSlash(pvePath)
	mbook := xlsx.ReadBookFile(pvePath, pveName, mc)
	var master *compare.Master
	if mbook != nil {
		master = compare.MasterFrom(mbook, mc)
	}
	if master == nil || mc.Diags.HasErrors() {
		reportDiagnostics(c, mc.Diags, nil, mc.Lang, diagText)
		return usageError("compare: %s: %s", pveName, blueprint.T(mc.Lang, "kan deze PvE niet als maatstaf gebruiken (zie hierboven)", "cannot use this PvE as the reference (see above)"))
	}
	docLang := lang.Or(master.Lang)
	if c.Bool("scoring-template") {
		_, err := c.App.Writer.Write(master.Method.TOML(master.AnswerCodes()))
		return err
	}
	paths := c.Args().Slice()
	if len(paths) == 0 {
		return usageError("compare: name one or more filled-in PvE workbooks (see blueprint compare --help)")
	}
	method := master.Method
	if path := c.String("scoring"); path != "" {
		src, err := readLimited(path, requirements.MaxScoringFile)
		if err != nil {
			return usageError("compare: --scoring: %v", err)
		}
		name := filepath.ToSlash(path)
		m, diags := requirements.ReadMethod(name, src, master.Method, mc.Lang)
		if m != nil {
			diags = append(diags, m.Check(master.AnswerCodes(), master.BlockCodes(), master.IDs(), mc.Lang)...)
		}
		if diags.HasErrors() {
			return reportDiagnostics(c, diags, map[string][]byte{name: src}, mc.Lang, diagText)
		}
		mc.Diags = append(mc.Diags, diags...)
		method = m
	}
	out := c.String("out")
	verslag := c.String("verslag")
	if verslag == "" {
		verslag = filepath.Join(filepath.Dir(out), "beoordelingsverslag.md")
	}
	inputs := append([]string{pvePath}, paths...)
	for _, o := range []string{out, verslag} {
		for _, in := range inputs {
			if sameFile(o, in) {
				return usageError("compare: %s %s", filepath.ToSlash(o), blueprint.T(mc.Lang, "is ook een invoerbestand; kies een andere naam voor de uitvoer", "is also an input file; choose another name for the output"))
			}
		}
	}
	if !c.Bool("force") {
		if err := mayReplaceOutput(out, true, mc.Lang); err != nil {
			return err
		}
		if err := mayReplaceOutput(verslag, false, mc.Lang); err != nil {
			return err
		}
	}

	c2 := blueprint.NewCollector(mc.Lang)
	c2.Diags = append(c2.Diags, mc.Diags...)
	for _, p := range paths {
		if sameFile(p, pvePath) {
			return usageError("compare: %s %s", filepath.ToSlash(p), blueprint.T(mc.Lang, "is de PvE zelf, geen inschrijving", "is the PvE itself, not a response"))
		}
	}
	responses := readResponses(master, paths, c2)
	compare.Labels(responses, c.Bool("anonymise"), docLang)
	res := compare.Score(master, responses, method, docLang)

	if err := writeAtomic(out, func(w io.Writer) error { return xlsx.WriteComparison(w, res) }); err != nil {
		return usageError("compare: %s: %v", filepath.ToSlash(out), err)
	}
	if err := writeAtomic(verslag, func(w io.Writer) error { return compare.WriteReport(w, res) }); err != nil {
		return usageError("compare: %s: %v", filepath.ToSlash(verslag), err)
	}
	diagErr := reportDiagnostics(c, c2.Diags, nil, mc.Lang, diagText)
	switch format {
	case "md":
		err = compare.WriteReport(c.App.Writer, res)
	case "json":
		err = compare.WriteJSON(c.App.Writer, res)
	case "csv":
		err = compare.WriteCSV(c.App.Writer, res)
	default:
		err = compare.WriteText(c.App.Writer, res)
	}
	if err != nil {
		return usageError("compare: %v", err)
	}
	summary := c.App.Writer
	if format != "text" {
		summary = c.App.ErrWriter
	}
	excluded := len(res.Parties) - len(res.Admitted())
	fmt.Fprintf(summary, blueprint.T(mc.Lang, "%d inschrijvingen vergeleken: %d toegelaten, %d uitgesloten, %d niet gelezen; geschreven: %s, %s\n",
		"%d responses compared: %d admitted, %d excluded, %d not read; written: %s, %s\n"),
		len(responses), len(res.Admitted()), excluded, len(res.Unreadable), filepath.ToSlash(out), filepath.ToSlash(verslag))
	if diagErr != nil || excluded > 0 || len(res.Unreadable) > 0 {
		return cli.Exit("", exitDiagnostics)
	}
	return nil
}

// readResponses reads the responses: each file's bytes (at most the
// limit) and hash for the anonymous order, the workbooks on every core
// within the limits, then the check of each against the master, in the
// order of paths.
func readResponses(master *compare.Master, paths []string, c *blueprint.Collector) []*compare.Response {
	out := make([]*compare.Response, len(paths))
	var inputs []xlsx.Input
	var at []int
	for i, path := range paths {
		name := filepath.ToSlash(path)
		fail := func(code, nl, en string, args ...any) {
			d := c.Errorf(blueprint.Pos{File: name}, code, nl, en, args...)
			out[i] = &compare.Response{File: name, Name: name, Unreadable: true, Findings: blueprint.Diagnostics{*d}}
		}
		st, err := os.Stat(path)
		switch {
		case err != nil:
			fail("unreadable", "kan het bestand niet lezen (%v)", "cannot read the file (%v)", unwrapPath(err))
			continue
		case st.IsDir():
			fail("unreadable", "is een map, geen werkmap", "is a folder, not a workbook")
			continue
		case st.Size() > xlsx.DefaultLimits.File:
			fail("too-large", "het bestand is %d bytes; een werkmap van blueprint is hooguit %d bytes", "the file is %d bytes; a blueprint workbook is at most %d bytes", st.Size(), xlsx.DefaultLimits.File)
			continue
		}
		inputs = append(inputs, xlsx.Input{Name: name, Path: path})
		at = append(at, i)
	}
	for k, r := range xlsx.ReadBooks(inputs, xlsx.DefaultLimits) {
		i, name := at[k], inputs[k].Name
		if r.Err != nil {
			before := len(c.Diags)
			xlsx.ReportReadError(c, name, r.Err)
			out[i] = &compare.Response{File: name, Name: name, Unreadable: true, Hash: r.Hash, Findings: append(blueprint.Diagnostics(nil), c.Diags[before:]...)}
			continue
		}
		out[i] = compare.Check(master, r.Book, c)
		out[i].Hash = r.Hash
	}
	return out
}

// mayReplaceOutput refuses to replace a file at path that compare did not
// write: a workbook that is not a comparison (a response, the PvE), or a
// text file that is not a beoordelingsverslag.
func mayReplaceOutput(path string, workbook bool, lang blueprint.Lang) error {
	st, err := os.Stat(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return usageError("compare: %v", err)
	}
	name := filepath.ToSlash(path)
	if st.IsDir() {
		return usageError("compare: %s %s", name, blueprint.T(lang, "is een map; geef een bestandsnaam", "is a folder; give a file name"))
	}
	ours := false
	if workbook {
		c := blueprint.NewCollector(lang)
		if b := xlsx.ReadBookFile(path, name, c); b != nil && b.Meta != nil && b.Meta.Generator == xlsx.ComparisonGenerator {
			ours = true
		}
	} else if head, err := readLimited(path, 1<<20); err == nil {
		ours = bytes.HasPrefix(head, []byte("# Beoordelingsverslag")) || bytes.HasPrefix(head, []byte("# Assessment report"))
	}
	if ours {
		return nil
	}
	return usageError("compare: %s %s", name, blueprint.T(lang,
		"bestaat al en is geen eerdere uitvoer van blueprint compare; kies een andere naam of gebruik --force",
		"exists and is not an earlier output of blueprint compare; choose another name or use --force"))
}

// readLimited reads a file of at most limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes", filepath.ToSlash(path), limit)
	}
	return data, nil
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
