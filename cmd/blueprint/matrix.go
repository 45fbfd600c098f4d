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
	"github.com/dimpact/blueprint/requirements/compare"
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
			"A file at --out is replaced only when it is provably an unanswered PvE of blueprint; --force\n" +
			"replaces anything else and keeps the old file beside it as a backup.\n" +
			"Exit code: 0 written, 1 errors in the journeys or the catalogue, 2 usage or I/O problem.\n\n" +
			"Examples:\n" +
			"   blueprint matrix --out pve.xlsx examples/\n" +
			"   blueprint matrix --format md examples/ > pve.md\n" +
			"   blueprint matrix --tender-version 1.1 --carry-answers pve-1.0-ingevuld.xlsx --out pve-1.1.xlsx examples/\n" +
			"   blueprint matrix --catalogue-template > catalogus.toml",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "file to write (default: " + matrixOutDefaults() + ")"},
			&cli.StringFlag{Name: "format", Usage: joinWords(formats.Names(), "or") + " (default: from the extension of --out, else " + formats.Default().Name + ")"},
			langFlag(),
			maxDiagnosticsFlag(),
			&cli.StringFlag{Name: "catalogue", Usage: "requirements catalogue (TOML) to use instead of, or with uitbreiden = true on top of, the built-in one"},
			&cli.BoolFlag{Name: "force", Usage: "replace a file at --out that is not an unanswered PvE of blueprint; the old file is kept beside it as a backup"},
			&cli.StringFlag{Name: "carry-answers", Usage: "an earlier, answered version of the PvE (after a nota van inlichtingen): keep its answers to every requirement that did not change, flag the changed ones and list all changes on a Wijzigingen sheet"},
			&cli.StringFlag{Name: "scoring", Usage: "assessment method (TOML) to publish in the PvE instead of the default (see docs/requirements.md)"},
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
	var checked overwrite
	if out != "" && out != "-" {
		if checked, err = checkOverwrite(out, format.Workbook, c.Bool("force"), lang.Or(blueprint.Dutch)); err != nil {
			return err
		}
	}
	d, err := deriveReleasing(c, lang, requirements.Options{IncludeUnneeded: c.Bool("include-unneeded"), ReleaseSteps: true}, nil)
	if err != nil {
		return err
	}
	l, res, diagLang := d.l, d.res, d.diagLang

	meta := requirements.MetaFor(l.model, l.files)
	// The journeys are checked and derived (their steps let go of while
	// deriving); the outputs name their elements but no longer need the
	// positions inside them.
	l.model.ReleasePositions()
	meta.SourceHash = d.sourceHash // the texts were let go before deriving
	meta.TenderID = c.String("tender-id")
	meta.Version = c.String("tender-version")
	meta.Date = date
	meta.Tool = "blueprint " + buildVersion()
	meta.Password = c.String("password")
	if path := c.String("scoring"); path != "" {
		m, err := matrixMethod(c, path, res, diagLang)
		if err != nil {
			return err
		}
		meta.Method = m
	}
	var carry *xlsx.Carry
	if old := c.String("carry-answers"); old != "" {
		if !format.Workbook {
			return usageError("matrix: --carry-answers %s", blueprint.T(diagLang, "werkt alleen voor de werkmap (xlsx)", "works for the workbook (xlsx) only"))
		}
		if carry, err = planCarry(c, old, res, diagLang); err != nil {
			return err
		}
	}

	if out == "" || out == "-" {
		if err := format.Encode(c.App.Writer, res, meta); err != nil {
			return usageError("matrix: %v", err)
		}
		matrixSummary(c.App.ErrWriter, res, "", diagLang)
		return nil
	}
	// The file at --out was checked before the journeys were read; it is
	// checked again only if it changed meanwhile.
	backup := ""
	if !checked.same(out) {
		if checked, err = checkOverwrite(out, format.Workbook, c.Bool("force"), diagLang); err != nil {
			return err
		}
	}
	if checked.why != "" {
		if backup, err = backupFile(out); err != nil {
			return usageError("matrix: %s: %s: %v", filepath.ToSlash(out), blueprint.T(diagLang, "kan geen reservekopie maken", "cannot make a backup"), err)
		}
	}
	encode := func(w io.Writer) error { return format.Encode(w, res, meta) }
	if carry != nil {
		encode = func(w io.Writer) error { return xlsx.WriteCarried(w, res, meta, carry) }
	}
	if err := writeAtomic(out, encode); err != nil {
		if backup != "" {
			os.Remove(backup)
		}
		return usageError("matrix: %s: %v", filepath.ToSlash(out), err)
	}
	matrixSummary(c.App.Writer, res, filepath.ToSlash(out), diagLang)
	if carry != nil {
		carrySummary(c.App.Writer, carry, diagLang)
	}
	if backup != "" {
		fmt.Fprintf(c.App.Writer, blueprint.T(diagLang, "het vorige bestand is bewaard als %s\n", "the previous file was kept as %s\n"), filepath.ToSlash(backup))
	}
	return nil
}

// matrixMethod reads --scoring: the method the PvE publishes. Keys the
// file leaves out keep the defaults; block weights follow changed
// priority weights unless the file sets them.
func matrixMethod(c *cli.Context, path string, res *requirements.Result, lang blueprint.Lang) (*requirements.Method, error) {
	src, err := readLimited(path, requirements.MaxScoringFile)
	if err != nil {
		return nil, usageError("matrix: --scoring: %v", err)
	}
	name := filepath.ToSlash(path)
	m, diags := requirements.ReadMethod(name, src, requirements.DefaultMethod(res.Catalogue, res.Rows), lang)
	if m != nil {
		if !m.Source.Has("blokgewicht") {
			m.Blocks = requirements.BlockMaxima(res.Catalogue, res.Rows, m)
		}
		var codes, blocks, ids []string
		for _, a := range res.Catalogue.Answers {
			codes = append(codes, a.Code)
		}
		for _, b := range res.Catalogue.Blocks {
			blocks = append(blocks, b.Code)
		}
		for _, r := range res.Rows {
			ids = append(ids, r.Requirement.ID)
		}
		diags = append(diags, m.Check(codes, blocks, ids, lang)...)
	}
	if err := reportDiagnostics(c, diags, map[string][]byte{name: src}, lang, diagText); err != nil {
		return nil, err
	}
	m.Apply(res)
	return m, nil
}

// planCarry reads --carry-answers and plans what to carry over.
func planCarry(c *cli.Context, path string, res *requirements.Result, lang blueprint.Lang) (*xlsx.Carry, error) {
	name := filepath.ToSlash(path)
	col := blueprint.NewCollector(lang)
	book := xlsx.ReadBookFile(path, name, col)
	if book != nil && book.Meta == nil {
		compare.NotOurs(col, name)
	}
	if book == nil || col.Diags.HasErrors() {
		reportDiagnostics(c, col.Diags, nil, lang, diagText)
		return nil, usageError("matrix: --carry-answers %s: %s", name, blueprint.T(lang, "kan de antwoorden niet lezen (zie hierboven)", "cannot read the answers (see above)"))
	}
	carry := xlsx.PlanCarry(book, res, col)
	if err := reportDiagnostics(c, col.Diags, nil, lang, diagText); err != nil {
		return nil, err
	}
	return carry, nil
}

// carrySummary says what --carry-answers did.
func carrySummary(w io.Writer, carry *xlsx.Carry, lang blueprint.Lang) {
	n := map[string]int{}
	var changed []string
	for _, ch := range carry.Changes {
		n[ch.Kind]++
		if ch.Kind == xlsx.ChangeChanged {
			changed = append(changed, ch.ID)
		}
	}
	fmt.Fprintf(w, blueprint.T(lang, "antwoorden overgenomen uit %s voor %d eisen en wensen; %d gewijzigd (opnieuw beantwoorden), %d toegevoegd, %d vervallen (zie het tabblad Wijzigingen)\n",
		"answers carried over from %s for %d requirements; %d changed (answer again), %d added, %d withdrawn (see the Changes sheet)\n"),
		filepath.ToSlash(carry.From), carry.Kept, n[xlsx.ChangeChanged], n[xlsx.ChangeAdded], n[xlsx.ChangeWithdrawn])
	if len(changed) > 0 {
		fmt.Fprintf(w, blueprint.T(lang, "opnieuw te beantwoorden: %s\n", "to answer again: %s\n"), strings.Join(changed, ", "))
	}
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

// overwrite is what checkOverwrite found at --out: why the file there may
// not simply be replaced ("" when it may, or when there is none), and the
// size and time of the file it read.
type overwrite struct {
	why  string
	size int64
	mod  time.Time
}

// same reports whether the file at path is still the one that was checked.
func (o overwrite) same(path string) bool {
	st, err := os.Stat(path)
	if err != nil {
		return o.why == "" && os.IsNotExist(err)
	}
	return st.Size() == o.size && st.ModTime().Equal(o.mod)
}

// checkOverwrite fails closed: a file at path is replaced without --force
// only when it is provably an unanswered PvE of blueprint (xlsx.Inspect's
// Pristine), or, for a text format, a text file (regenerated output).
// Anything else (answers, a formula, renamed sheets, inserted rows, edited
// metadata, a damaged or lying zip, a file that is not ours) is refused;
// with force it is allowed, and the caller keeps the old file beside the
// new one as a backup (backupFile) when the result's why is set. runMatrix
// calls it before loading the journeys, so that a refusal comes at once and
// the old workbook is read while the journeys are not yet in memory (a
// national workbook read beside the national model doubled the peak).
func checkOverwrite(path string, workbook, force bool, lang blueprint.Lang) (overwrite, error) {
	st, err := os.Stat(path)
	if os.IsNotExist(err) {
		return overwrite{}, nil
	}
	if err != nil {
		return overwrite{}, usageError("matrix: %v", err)
	}
	found := overwrite{size: st.Size(), mod: st.ModTime()}
	if st.IsDir() {
		return found, usageError("matrix: %s %s", filepath.ToSlash(path), blueprint.T(lang, "is een map; geef een bestandsnaam met --out", "is a folder; give a file name with --out"))
	}
	name := filepath.ToSlash(path)
	head := make([]byte, 4)
	if fh, err := os.Open(path); err == nil {
		n, _ := io.ReadFull(fh, head)
		head = head[:n]
		fh.Close()
	}
	isZip := bytes.Equal(head, []byte("PK\x03\x04"))
	if !isZip && !workbook {
		return found, nil
	}
	why := ""
	if !isZip {
		why = blueprint.T(lang, "bestaat al en is geen werkmap", "exists and is not a workbook")
	} else {
		info, err := xlsx.InspectFile(path)
		switch {
		case err != nil:
			text := err.Error()
			if ie, ok := err.(*xlsx.InspectError); ok {
				text = ie.Text(lang)
			}
			why = fmt.Sprintf(blueprint.T(lang, "kan niet nagaan of deze werkmap antwoorden bevat: %s", "cannot tell whether this workbook holds answers: %s"), text)
		case !info.Ours:
			why = blueprint.T(lang, "bestaat al en is geen Programma van Eisen van blueprint", "exists and is not a Programme of Requirements written by blueprint")
		case !info.Pristine:
			why = blueprint.T(lang, "is geen onbeantwoorde PvE zoals blueprint hem schreef: ", "is not an unanswered PvE as blueprint wrote it: ") + strings.Join(info.Reasons(lang), "; ")
		}
	}
	found.why = why
	if why != "" && !force {
		return found, usageError("matrix: %s %s. %s", name, why, blueprint.T(lang,
			"Het wordt niet overschreven: kies een andere naam met --out, neem de antwoorden mee met --carry-answers, of gebruik --force (het oude bestand blijft dan als reservekopie ernaast staan)",
			"It is not overwritten: choose another name with --out, carry the answers over with --carry-answers, or use --force (the old file is then kept beside it as a backup)"))
	}
	return found, nil
}

// backupFile copies path to a new file beside it, pve.backup.xlsx or
// pve.backup-2.xlsx and so on, never replacing an earlier backup.
func backupFile(path string) (string, error) {
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	src, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer src.Close()
	for i := 1; i < 1000; i++ {
		name := base + ".backup" + ext
		if i > 1 {
			name = fmt.Sprintf("%s.backup-%d%s", base, i, ext)
		}
		dst, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if os.IsExist(err) {
			continue
		}
		if err != nil {
			return "", err
		}
		if _, err := io.Copy(dst, src); err != nil {
			dst.Close()
			os.Remove(name)
			return "", err
		}
		if err := dst.Close(); err != nil {
			os.Remove(name)
			return "", err
		}
		return name, nil
	}
	return "", fmt.Errorf("too many backups beside %s", filepath.ToSlash(path))
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
	n := len(res.Journeys)
	what := requirements.CountText(lang, ko, wish) + fmt.Sprintf(t(" in %d %s uit %d %s", " in %d %s from %d %s"),
		len(blocks), blueprint.T(lang, plural(len(blocks), "blok", "blokken"), plural(len(blocks), "block", "blocks")),
		n, blueprint.T(lang, plural(n, "klantreis", "klantreizen"), plural(n, "journey", "journeys")))
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
