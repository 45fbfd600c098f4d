package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/render"
)

func renderCommand() *cli.Command {
	return &cli.Command{
		Name:      "render",
		Usage:     "draw each journey as a service blueprint: SVG, PNG or DOT",
		ArgsUsage: "PATH...",
		Description: "Draws every journey as a swimlane service blueprint: phases and steps as columns,\n" +
			"the lanes from physical evidence to support processes with the lines of\n" +
			"interaction, visibility and internal interaction, the customer's heartbeat,\n" +
			"waits, pain points, hand-offs and a legend. One file per journey, named after\n" +
			"the journey id (johan-gat-in-de-weg.svg). The journeys must validate.\n\n" +
			"Lanes and rows for --lanes, top to bottom:\n   " + strings.Join(laneNames(), ", ") + ".\n" +
			"Give the ones to show (--lanes klantactie,frontoffice,backoffice) or the ones to\n" +
			"hide, each with a minus (--lanes=-bewijs,-ondersteuning).\n\n" +
			"--size a3 (or a2, a1, a0) fits the drawing on that sheet and says when the text\n" +
			"gets too small to read there, naming the smallest sheet that works.\n\n" +
			"Examples:\n" +
			"   blueprint render --out out examples/\n" +
			"   blueprint render --format svg,png --size a1 --lang en --out out examples/\n" +
			"   blueprint render --lanes=-bewijs,-ondersteuning reis.toml",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "svg", Usage: "svg, png or dot; several with commas (svg,png)"},
			&cli.StringFlag{Name: "out", Value: ".", Usage: "folder to write the files to (made when missing)"},
			langFlag(),
			maxDiagnosticsFlag(),
			&cli.StringFlag{Name: "size", Value: "screen", Usage: "screen (natural size, for a screen or slide), or a sheet to fit in landscape: a3, a2, a1, a0"},
			&cli.StringFlag{Name: "lanes", Usage: "lanes to show, or to hide with a minus: klantactie,frontoffice or -bewijs,-ondersteuning"},
		},
		Action: runRender,
	}
}

func laneNames() []string {
	lanes := render.Lanes()
	out := make([]string, len(lanes))
	for i, l := range lanes {
		out[i] = string(l)
	}
	return out
}

func runRender(c *cli.Context) error {
	lang, err := langOf(c)
	if err != nil {
		return err
	}
	var formats []render.FormatInfo
	needGraphviz := false
	for _, f := range strings.Split(c.String("format"), ",") {
		format, err := render.ParseFormat(strings.TrimSpace(f))
		if err != nil {
			return usageError("--format: %v", err)
		}
		info, _ := format.Info()
		formats = append(formats, info)
		needGraphviz = needGraphviz || info.Graphviz
	}
	if needGraphviz {
		// Loading Graphviz takes about as long as reading the journeys:
		// do both at once.
		render.PrepareGraphviz()
	}
	size, err := render.ParseSize(c.String("size"))
	if err != nil {
		return usageError("--size: %v", err)
	}
	var hide []render.Lane
	if c.IsSet("lanes") {
		if hide, err = render.ParseLanes(c.String("lanes")); err != nil {
			return usageError("--lanes: %v", err)
		}
	}
	collectAtLimit(c.Args().Slice())
	l, err := load(c, lang)
	if err != nil {
		return err
	}
	outDir := c.String("out")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return usageError("--out: %v", err)
	}
	doc := l.lang.Or(blueprint.Dutch)
	t := func(nl, en string) string { return blueprint.T(doc, nl, en) }
	opts := render.Options{Lang: doc, Size: size, Hide: hide}

	ctx := context.Background()
	r := &render.Renderer{} // writes the formats that need no Graphviz
	for i, j := range l.model.Journeys {
		layout := render.Derive(l.model, j, opts)
		if needGraphviz && i == 0 {
			// One Graphviz for the whole run: starting it is the slow
			// part, so the first layout is derived while it loads.
			if r, err = render.NewRenderer(ctx); err != nil {
				return usageError("%v", err)
			}
			defer r.Close()
			if note := render.GraphvizCacheNote(); note != nil {
				fmt.Fprintf(c.App.ErrWriter, "%s %v\n",
					t("let op: de cache van Graphviz is niet te gebruiken, dus elke run vertaalt Graphviz opnieuw (een halve seconde of meer):",
						"note: Graphviz's cache cannot be used, so every run compiles Graphviz again (half a second or more):"), note)
			}
		}
		if size != render.SizeScreen {
			if pt := layout.PrintedTextSize(); pt < minPrintPt {
				fmt.Fprintf(c.App.ErrWriter, "%s: %s\n", j.ID, printAdvice(layout, pt, doc))
			}
		}
		for _, f := range formats {
			path := filepath.Join(outDir, j.ID+"."+f.Ext)
			err := writeAtomic(path, func(w io.Writer) error {
				return r.Render(ctx, w, layout, f.Format)
			})
			if err != nil {
				return usageError("%s: %v", filepath.ToSlash(path), err)
			}
			note := ""
			if nominal := f.NominalDPI(size); nominal > 0 { // a raster format: say its size
				w, h, dpi := render.PNGSize(layout)
				note = fmt.Sprintf(" (%d × %d px", w, h)
				if dpi < nominal-0.5 {
					note += t(fmt.Sprintf(", verkleind tot %.0f dpi; de SVG heeft alle details", dpi),
						fmt.Sprintf(", reduced to %.0f dpi; the SVG has every detail", dpi))
				}
				note += ")"
			}
			fmt.Fprintf(c.App.Writer, "%s %s%s\n", t("geschreven:", "written:"), filepath.ToSlash(path), note)
		}
	}
	return nil
}

// minPrintPt is the smallest body text that reads on paper.
const minPrintPt = 6

// printAdvice says that a diagram's text gets too small on its sheet, and
// which sheet would do.
func printAdvice(l *render.Layout, pt float64, lang blueprint.Lang) string {
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	size := strings.ToUpper(string(l.Size))
	msg := fmt.Sprintf(t("op %s wordt de tekst %s pt, te klein om te lezen", "on %s the text becomes %s pt, too small to read"), size, decimal(pt, lang))
	if s, ok := l.SmallestLegibleSize(minPrintPt); ok {
		return msg + fmt.Sprintf(t("; leesbaar vanaf --size %s, of verberg rijen met --lanes", "; legible from --size %s, or hide rows with --lanes"), s)
	}
	return msg + t("; verberg rijen met --lanes of gebruik de SVG op scherm", "; hide rows with --lanes or use the SVG on screen")
}

// decimal writes a number with one decimal, with a comma in Dutch.
func decimal(v float64, lang blueprint.Lang) string {
	s := fmt.Sprintf("%.1f", v)
	if lang != blueprint.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
