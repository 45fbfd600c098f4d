package main

import (
	"path/filepath"
	"slices"
	"strings"

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
//
// Positions name files relative to the journeys folder (that is what the
// outputs record); here they get back the path as the user typed it, so
// that an editor or terminal can open them. Text output is capped per file
// (--max-diagnostics) and sums up warnings repeated over many files; JSON
// holds every diagnostic.
func reportDiagnostics(c *cli.Context, diags blueprint.Diagnostics, sources map[string][]byte, lang blueprint.Lang, format diagFormat) error {
	return reportDiagnosticsReading(c, diags, sources, nil, lang, format)
}

// reportDiagnosticsReading is reportDiagnostics for a caller that let go
// of some files' texts: read gives the text of a file not in sources, by
// the name the diagnostic shows, when its snippet is printed.
func reportDiagnosticsReading(c *cli.Context, diags blueprint.Diagnostics, sources map[string][]byte, read func(string) []byte, lang blueprint.Lang, format diagFormat) error {
	diags.Sort()
	if names := typedNames(c); len(names) > 0 {
		diags, sources = renameFiles(diags, sources, names)
	}
	switch format {
	case diagJSON:
		if err := blueprint.WriteDiagnosticsJSON(c.App.Writer, diags); err != nil {
			return usageError("%v", err)
		}
	default:
		if len(diags) > 0 {
			l := lang.Or(blueprint.Dutch)
			w := &blueprint.DiagnosticWriter{W: c.App.ErrWriter, Sources: sources, Read: read, Color: wantColor(c.App.ErrWriter), Lang: l,
				Max: maxDiagnostics(c), More: blueprint.T(l, "--max-diagnostics 0 toont alles", "--max-diagnostics 0 shows all")}
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

// maxDiagnosticsFlag is --max-diagnostics, for the commands that load
// journeys.
func maxDiagnosticsFlag() cli.Flag {
	return &cli.IntFlag{Name: "max-diagnostics", Value: blueprint.DefaultMaxDiagnostics,
		Usage: "print at most this many problems per file, and sum up warnings repeated over many files; 0 prints all"}
}

// maxDiagnostics returns the DiagnosticWriter's Max for --max-diagnostics:
// 0 when the command has no such flag (the writer's default), -1 for "all".
func maxDiagnostics(c *cli.Context) int {
	for _, ctx := range c.Lineage() {
		if ctx.Command == nil {
			continue
		}
		for _, f := range ctx.Command.Flags {
			if slices.Contains(f.Names(), "max-diagnostics") {
				if n := ctx.Int("max-diagnostics"); n > 0 {
					return n
				}
				return -1
			}
		}
	}
	return 0
}

// namesKey is where rememberNames keeps the typed paths, in the app's
// metadata: file name in positions → path as typed.
const namesKey = "blueprint.names"

// rememberNames records the paths as typed of files read from disk, for
// reportDiagnostics.
func rememberNames(c *cli.Context, files []blueprint.File) {
	for name, typed := range typedNamesOf(files) {
		rememberName(c, name, typed)
	}
	c.App.Metadata[filesKey] = files
}

// filesKey is where rememberNames keeps the journey files read, for
// journeyFiles.
const filesKey = "blueprint.files"

// journeyFiles returns the journey files the command read (see read).
func journeyFiles(c *cli.Context) []blueprint.File {
	files, _ := c.App.Metadata[filesKey].([]blueprint.File)
	return files
}

func rememberName(c *cli.Context, name, typed string) {
	if typed == "" || typed == name {
		return
	}
	names, _ := c.App.Metadata[namesKey].(map[string]string)
	if names == nil {
		names = map[string]string{}
		c.App.Metadata[namesKey] = names
	}
	names[name] = typed
}

// typedNamesOf maps the names of files read from disk to their paths as
// typed, for renameFiles.
func typedNamesOf(files []blueprint.File) map[string]string {
	names := map[string]string{}
	for _, f := range files {
		if f.Path != "" && f.Path != f.Name {
			names[f.Name] = f.Path
		}
	}
	return names
}

func typedNames(c *cli.Context) map[string]string {
	names, _ := c.App.Metadata[namesKey].(map[string]string)
	return names
}

// renameFiles gives the diagnostics and sources the typed names of their
// files, in positions and where a message names a file (…, first at
// blueprint.toml:12:3).
func renameFiles(diags blueprint.Diagnostics, sources map[string][]byte, names map[string]string) (blueprint.Diagnostics, map[string][]byte) {
	out := make(blueprint.Diagnostics, len(diags))
	for i, d := range diags {
		if typed, ok := names[d.Pos.File]; ok {
			d.Pos.File = typed
		}
		d.Summary = renameInText(d.Summary, names)
		d.Detail = renameInText(d.Detail, names)
		out[i] = d
	}
	src := make(map[string][]byte, len(sources))
	for name, b := range sources {
		if typed, ok := names[name]; ok {
			name = typed
		}
		src[name] = b
	}
	return out, src
}

// renameInText replaces file names in a message by their typed paths. A
// file name is a word that ends in .toml (the loader's files all do).
func renameInText(s string, names map[string]string) string {
	if !strings.Contains(s, ".toml") {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; ; {
		j := strings.Index(s[i:], ".toml")
		if j < 0 {
			break
		}
		end := i + j + len(".toml")
		start := i + j
		for start > 0 && !strings.ContainsRune(" \t\n(\"'`", rune(s[start-1])) {
			start--
		}
		if typed, ok := names[s[start:end]]; ok && (end == len(s) || !isPathChar(s[end])) {
			b.WriteString(s[last:start])
			b.WriteString(typed)
			last = end
		}
		i = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isPathChar(c byte) bool {
	return c == '/' || c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// journeysName returns the name a file outside the loaded journeys (a
// --catalogue) gets in positions and outputs: its path relative to the
// journeys folder, as ReadPaths names the journeys.
func journeysName(files []blueprint.File, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(filepath.Base(path))
	}
	for _, f := range files {
		if f.Path == "" {
			continue
		}
		base, err := filepath.Abs(filepath.FromSlash(f.Path))
		if err != nil {
			continue
		}
		for range strings.Count(f.Name, "/") + 1 {
			base = filepath.Dir(base)
		}
		if rel, err := filepath.Rel(base, abs); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(filepath.Base(path))
}
