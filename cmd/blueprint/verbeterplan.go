package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/plan"
	"github.com/dimpact/blueprint/requirements/xlsx"
)

// planFormat is one output format of the verbeterplan.
type planFormat struct {
	name, ext string
	// workbook marks the format a team edits: it gets a default file and
	// the overwrite guard.
	workbook bool
	encode   func(w io.Writer, p *plan.Plan, meta requirements.Meta) error
}

// planFormats are the formats of `blueprint verbeterplan`, the default first.
var planFormats = []planFormat{
	{"md", ".md", false, func(w io.Writer, p *plan.Plan, _ requirements.Meta) error { return plan.WriteMarkdown(w, p) }},
	{"xlsx", ".xlsx", true, xlsx.WritePlan},
	{"json", ".json", false, func(w io.Writer, p *plan.Plan, _ requirements.Meta) error { return plan.WriteJSON(w, p) }},
}

func planFormatNames() []string {
	var out []string
	for _, f := range planFormats {
		out = append(out, f.name)
	}
	return out
}

// planFormatFor chooses the format: --format, else the extension of --out,
// else Markdown.
func planFormatFor(name, out string) (planFormat, bool) {
	for _, f := range planFormats {
		if name != "" && f.name == name || name == "" && out != "" && strings.EqualFold(filepath.Ext(out), f.ext) {
			return f, true
		}
	}
	if name == "" {
		return planFormats[0], true
	}
	return planFormat{}, false
}

// planWorkbookName is the file written for the workbook without --out.
const planWorkbookName = "verbeterplan.xlsx"

func verbeterplanCommand() *cli.Command {
	return &cli.Command{
		Name:      "verbeterplan",
		Usage:     "the verbeterplan: every knelpunt with the actions that answer it, the unanswered ones first, per owner (Markdown, Excel or JSON)",
		ArgsUsage: "PATH...",
		Description: "Reads journey files and folders and writes the improvement plan: every knelpunt (pain\n" +
			"points, fail points, long waits, emotions of -1 or lower, repeat contacts, and the knelpunten of\n" +
			"employee personas) with the verbeteracties that answer it, first of all those no action answers\n" +
			"yet; the actions per owner; the rejected actions with their reasons; the metrics with their last\n" +
			"measurement against the norm. The workbook (--format xlsx) is for the improvement team: status\n" +
			"and horizon as drop-downs, yellow cells to keep up to date; a workbook the team has changed is\n" +
			"not replaced without --force, which keeps the old file beside the new one as a backup.\n" +
			"Exit code: 0 written, 1 errors in the journeys, 2 usage or I/O problem.\n\n" +
			"Examples:\n" +
			"   blueprint verbeterplan examples/ > verbeterplan.md\n" +
			"   blueprint verbeterplan --out verbeterplan.xlsx examples/\n" +
			"   blueprint verbeterplan --format json examples/",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "file to write (default: " + planWorkbookName + " for xlsx, standard output for md and json)"},
			&cli.StringFlag{Name: "format", Usage: joinWords(planFormatNames(), "or") + " (default: from the extension of --out, else md)"},
			langFlag(),
			maxDiagnosticsFlag(),
			&cli.BoolFlag{Name: "force", Usage: "replace a workbook the improvement team has changed (or any other file at --out); the old file is kept beside it as a backup"},
			&cli.StringFlag{Name: "date", Usage: "document date YYYY-MM-DD in the workbook (default: none, so the output is the same on every run)"},
		},
		Action: runVerbeterplan,
	}
}

func runVerbeterplan(c *cli.Context) error {
	lang, err := langOf(c)
	if err != nil {
		return err
	}
	out := c.String("out")
	format, ok := planFormatFor(c.String("format"), out)
	if !ok {
		return usageError("verbeterplan: --format: unknown format %q; use %s", c.String("format"), joinWords(planFormatNames(), "or"))
	}
	if out == "" && format.workbook {
		out = planWorkbookName
	}
	date := c.String("date")
	if date != "" {
		if _, err := time.Parse("2006-01-02", date); err != nil || !datePattern.MatchString(date) {
			return usageError("verbeterplan: --date %q: write the date as YYYY-MM-DD, such as 2026-09-01", date)
		}
	}
	l, err := load(c, lang)
	if err != nil {
		return err
	}
	diagLang := lang.Or(blueprint.Dutch)
	p := plan.Derive(l.model, plan.Options{Lang: l.lang.Or(blueprint.Dutch)})
	meta := requirements.MetaFor(l.model, l.files)
	meta.Date = date
	meta.Tool = "blueprint " + buildVersion()
	if out == "" || out == "-" {
		if err := format.encode(c.App.Writer, p, meta); err != nil {
			return usageError("verbeterplan: %v", err)
		}
		planSummary(c.App.ErrWriter, p, "", diagLang)
		return nil
	}
	backup := ""
	if format.workbook {
		if backup, err = mayOverwritePlan(out, c.Bool("force"), diagLang); err != nil {
			return err
		}
	}
	if err := writeAtomic(out, func(w io.Writer) error { return format.encode(w, p, meta) }); err != nil {
		if backup != "" {
			os.Remove(backup)
		}
		return usageError("verbeterplan: %s: %v", filepath.ToSlash(out), err)
	}
	planSummary(c.App.Writer, p, filepath.ToSlash(out), diagLang)
	if backup != "" {
		fmt.Fprintf(c.App.Writer, blueprint.T(diagLang, "het vorige bestand is bewaard als %s\n", "the previous file was kept as %s\n"), filepath.ToSlash(backup))
	}
	return nil
}

// mayOverwritePlan is the matrix command's guard (checkOverwrite) for the
// improvement team's workbook: it fails closed. A file at path is replaced
// without --force only when it is a verbeterplan of blueprint in which the
// team changed nothing (xlsx.InspectPlan); anything else (the team's edits,
// a damaged file, a file that is not ours, a file that is not a workbook)
// is refused, and with --force kept beside the new file as a backup, whose
// name is returned.
func mayOverwritePlan(path string, force bool, lang blueprint.Lang) (string, error) {
	st, err := os.Stat(path)
	if os.IsNotExist(err) {
		return "", nil
	}
	name := filepath.ToSlash(path)
	if err != nil {
		return "", usageError("verbeterplan: %v", err)
	}
	if st.IsDir() {
		return "", usageError("verbeterplan: %s %s", name, blueprint.T(lang, "is een map; geef een bestandsnaam met --out", "is a folder; give a file name with --out"))
	}
	head := make([]byte, 4)
	if fh, err := os.Open(path); err == nil {
		n, _ := io.ReadFull(fh, head)
		head = head[:n]
		fh.Close()
	}
	why := ""
	if !bytes.Equal(head, []byte("PK\x03\x04")) {
		why = blueprint.T(lang, "bestaat al en is geen werkmap", "exists and is not a workbook")
	} else {
		info, err := xlsx.InspectPlanFile(path)
		switch {
		case err != nil:
			text := err.Error()
			if ie, ok := err.(*xlsx.InspectError); ok {
				text = ie.Text(lang)
			}
			why = fmt.Sprintf(blueprint.T(lang, "kan niet nagaan of het verbeterteam deze werkmap heeft bijgewerkt: %s",
				"cannot tell whether the improvement team has updated this workbook: %s"), text)
		case !info.Ours:
			why = blueprint.T(lang, "bestaat al en is geen verbeterplan van blueprint", "exists and is not an improvement plan written by blueprint")
		case info.Edited > 0:
			why = fmt.Sprintf(blueprint.T(lang, "is bijgewerkt door het verbeterteam (%d regels op %s)", "was updated by the improvement team (%d rows on %s)"),
				info.Edited, strings.Join(info.Sheets, ", "))
		}
	}
	if why == "" {
		return "", nil
	}
	if !force {
		return "", usageError("verbeterplan: %s %s. %s", name, why, blueprint.T(lang,
			"Het wordt niet overschreven: neem de besluiten over in de klantreizen, kies een andere naam met --out, of gebruik --force (het oude bestand blijft dan als reservekopie ernaast staan)",
			"It is not overwritten: copy the decisions into the journeys, choose another name with --out, or use --force (the old file is then kept beside it as a backup)"))
	}
	backup, err := backupFile(path)
	if err != nil {
		return "", usageError("verbeterplan: %s: %s: %v", name, blueprint.T(lang, "kan geen reservekopie maken", "cannot make a backup"), err)
	}
	return backup, nil
}

// planSummary prints what was written.
func planSummary(w io.Writer, p *plan.Plan, out string, lang blueprint.Lang) {
	c := p.Counts
	n := func(count int, nlOne, nlMany, enOne, enMany string) string {
		if count == 1 {
			return fmt.Sprintf("%d %s", count, blueprint.T(lang, nlOne, enOne))
		}
		return fmt.Sprintf("%d %s", count, blueprint.T(lang, nlMany, enMany))
	}
	what := fmt.Sprintf(blueprint.T(lang, "%s, waarvan %d zonder verbeteractie; %s in %s", "%s, of which %d without an action; %s in %s"),
		n(c.Knelpunten, "knelpunt", "knelpunten", "pain point", "pain points"), c.Unanswered,
		n(c.Actions, "verbeteractie", "verbeteracties", "improvement action", "improvement actions"),
		n(len(p.Journeys), "klantreis", "klantreizen", "journey", "journeys"))
	if out != "" {
		fmt.Fprintf(w, blueprint.T(lang, "%s geschreven: %s\n", "%s written: %s\n"), out, what)
		return
	}
	fmt.Fprintln(w, what)
}
