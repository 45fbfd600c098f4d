package main

import (
	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
)

// diagFormat is how diagnostics are printed: for people (text with the
// source line and a caret, on stderr) or for tools (JSON, on stdout).
type diagFormat int

const (
	diagText diagFormat = iota
	diagJSON
)

// reportDiagnostics is the one place where the CLI prints diagnostics, of
// journeys, catalogues and workbooks alike. sources holds the text of the
// files the diagnostics point into, for the snippet lines. It returns the
// exit error of a run with errors (exit 1), or nil when there are only
// warnings or nothing; JSON is always written, also when it is empty.
func reportDiagnostics(c *cli.Context, diags blueprint.Diagnostics, sources map[string][]byte, lang blueprint.Lang, format diagFormat) error {
	diags.Sort()
	switch format {
	case diagJSON:
		if err := blueprint.WriteDiagnosticsJSON(c.App.Writer, diags); err != nil {
			return usageError("%v", err)
		}
	default:
		if len(diags) > 0 {
			w := &blueprint.DiagnosticWriter{W: c.App.ErrWriter, Sources: sources, Color: wantColor(c.App.ErrWriter), Lang: lang.Or(blueprint.Dutch)}
			if err := w.WriteDiagnostics(diags); err != nil {
				return usageError("%v", err)
			}
		}
	}
	if diags.HasErrors() {
		return cli.Exit("", exitDiagnostics)
	}
	return nil
}
