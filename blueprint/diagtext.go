package blueprint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// DiagnosticWriter prints diagnostics for people: the one-line
// file:line:col form, then the source line with a caret under the column.
// Whether to use colour is the caller's decision (the CLI asks the
// terminal); the library never looks at terminals.
type DiagnosticWriter struct {
	W io.Writer
	// Sources maps file names to their text, for the snippet lines. A
	// diagnostic of a file not in the map is printed without a snippet.
	Sources map[string][]byte
	// Color adds ANSI colours to the severity word and the caret.
	Color bool
	// Lang is the language of the closing count line.
	Lang Lang
}

// SourceMap builds the Sources of a DiagnosticWriter from files.
func SourceMap(files []File) map[string][]byte {
	m := make(map[string][]byte, len(files))
	for _, f := range files {
		m[f.Name] = f.Src
	}
	return m
}

const (
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiBold   = "\x1b[1m"
	ansiReset  = "\x1b[0m"
)

// WriteDiagnostics prints all diagnostics, each followed by its snippet,
// and a closing line that counts errors and warnings (nothing when there
// are none).
func (w *DiagnosticWriter) WriteDiagnostics(ds Diagnostics) error {
	var b bytes.Buffer
	for _, d := range ds {
		w.format(&b, d)
	}
	if errs, warns := ds.Count(); errs+warns > 0 {
		fmt.Fprintln(&b, countLine(w.Lang, errs, warns))
	}
	_, err := w.W.Write(b.Bytes())
	return err
}

func countLine(lang Lang, errs, warns int) string {
	plural := func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	if lang == English {
		return plural(errs, "error", "errors") + ", " + plural(warns, "warning", "warnings")
	}
	return plural(errs, "fout", "fouten") + ", " + plural(warns, "waarschuwing", "waarschuwingen")
}

func (w *DiagnosticWriter) format(b *bytes.Buffer, d Diagnostic) {
	word := d.Severity.Word(d.Lang)
	if w.Color {
		col := ansiRed
		if d.Severity == Warning {
			col = ansiYellow
		}
		word = col + word + ansiReset
	}
	fmt.Fprintf(b, "%s: %s: %s\n", d.Pos, word, d.Summary)
	src, ok := w.Sources[d.Pos.File]
	if ok && d.Pos.Line > 0 && d.Pos.Sheet == "" {
		if line, found := sourceLine(src, d.Pos.Line); found {
			line = strings.ReplaceAll(line, "\t", " ")
			fmt.Fprintf(b, "  %4d | %s\n", d.Pos.Line, line)
			caretCol := min(max(d.Pos.Col, 1), utf8.RuneCountInString(line)+1)
			caret := "^"
			if w.Color {
				caret = ansiBold + caret + ansiReset
			}
			fmt.Fprintf(b, "       | %s%s\n", strings.Repeat(" ", caretCol-1), caret)
		}
	}
	if d.Detail != "" {
		fmt.Fprintf(b, "       = %s\n", d.Detail)
	}
}

// sourceLine returns line n (1-based) of src without its line end.
func sourceLine(src []byte, n int) (string, bool) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return "", false
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(string(src), "\r"), true
}

// jsonDiagnostic is the JSON form of a diagnostic, for tools and editors.
type jsonDiagnostic struct {
	Severity string `json:"severity"`
	File     string `json:"file"`
	Sheet    string `json:"sheet,omitempty"`
	Cell     string `json:"cell,omitempty"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

// WriteDiagnosticsJSON writes the diagnostics as a JSON array.
func WriteDiagnosticsJSON(w io.Writer, ds Diagnostics) error {
	out := make([]jsonDiagnostic, len(ds))
	for i, d := range ds {
		out[i] = jsonDiagnostic{
			Severity: d.Severity.String(),
			File:     d.Pos.File, Sheet: d.Pos.Sheet, Cell: d.Pos.Cell(), Line: d.Pos.Line, Col: d.Pos.Col,
			Code: d.Code, Message: d.Summary, Hint: d.Detail,
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
