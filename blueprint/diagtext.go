package blueprint

import (
	"bufio"
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
//
// A hostile or badly broken file can give thousands of diagnostics; the
// writer keeps the output readable and bounded. It prints at most Max
// diagnostics per file and counts the rest in one line; a warning that
// occurs in many files is printed for the first few and then summed up in
// one line per kind (its Code); a source line is clipped to a window
// around the caret; control characters and bidirectional overrides in
// anything it echoes are shown as visible escapes, so a file cannot move
// the cursor, ring the bell or reorder text on the terminal. Output is
// written as it goes, never held whole in memory.
type DiagnosticWriter struct {
	W io.Writer
	// Sources maps file names to their text, for the snippet lines. A
	// diagnostic of a file not in the map is printed without a snippet.
	Sources map[string][]byte
	// Read, when set, gives the text of a file that is not in Sources,
	// when a snippet of it is printed (nil: none). A caller that let go of
	// the texts reads back only the few files whose diagnostics are shown,
	// not every file a diagnostic names.
	Read func(file string) []byte
	// Color adds ANSI colours to the severity word and the caret.
	Color bool
	// Lang is the language of the closing count line.
	Lang Lang
	// Max is the most diagnostics printed per file, and turns on the
	// summing up of warnings repeated over many files. Zero means
	// DefaultMaxDiagnostics; a negative Max prints every diagnostic.
	Max int
	// More, when set, is added to the lines that say how many
	// diagnostics were not printed: how to see them all (the CLI names
	// its flag).
	More string
}

// DefaultMaxDiagnostics is the number of diagnostics printed per file
// unless DiagnosticWriter.Max says otherwise.
const DefaultMaxDiagnostics = 50

// repeatFiles is the number of files in which a warning of one kind is
// printed in full; when it occurs in more, the rest are summed up.
const repeatFiles = 3

// excerptWidth is the widest source excerpt, in characters; a longer line
// is clipped to a window around the caret.
const excerptWidth = 100

// SourceMap builds the Sources of a DiagnosticWriter from files.
func SourceMap(files []File) map[string][]byte {
	m := make(map[string][]byte, len(files))
	for _, f := range files {
		if f.Src != nil {
			m[f.Name] = f.Src
		}
	}
	return m
}

const (
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiBold   = "\x1b[1m"
	ansiReset  = "\x1b[0m"
)

// WriteDiagnostics prints the diagnostics (sorted by position, as
// Diagnostics.Sort leaves them), each followed by its snippet, and a
// closing line that counts errors and warnings (nothing when there are
// none).
func (w *DiagnosticWriter) WriteDiagnostics(ds Diagnostics) error {
	bw := bufio.NewWriterSize(w.W, 32<<10)
	max := w.Max
	if max == 0 {
		max = DefaultMaxDiagnostics
	}
	// Warnings of a kind that occurs in more than repeatFiles files are
	// printed for the first repeatFiles files and summed up at the end.
	repeated := map[string]*repeat{}
	if max > 0 {
		repeated = repeatedWarnings(ds)
	}
	lines := &lineIndex{}
	var (
		file          string
		shown         int
		hiddenE       int
		hiddenW       int
		notShown      int
		summedUp      []*repeat
		anyDiagnostic bool
	)
	flushFile := func() {
		if hiddenE+hiddenW > 0 {
			fmt.Fprintf(bw, "%s: %s\n", escapeText(file), w.moreLine(hiddenE, hiddenW))
			notShown += hiddenE + hiddenW
		}
		shown, hiddenE, hiddenW = 0, 0, 0
	}
	for i := range ds {
		d := &ds[i]
		anyDiagnostic = true
		if d.Pos.File != file || i == 0 {
			flushFile()
			file = d.Pos.File
		}
		if r := repeated[d.Code]; r != nil && d.Severity == Warning {
			if !r.shownIn(d.Pos.File) {
				r.count++
				r.files[d.Pos.File] = true
				if r.count == 1 {
					summedUp = append(summedUp, r)
				}
				continue
			}
		}
		if max > 0 && shown >= max {
			if d.Severity == Error {
				hiddenE++
			} else {
				hiddenW++
			}
			continue
		}
		shown++
		w.format(bw, d, lines)
	}
	flushFile()
	for _, r := range summedUp {
		w.summary(bw, r)
		notShown += r.count
	}
	if anyDiagnostic {
		errs, warns := ds.Count()
		line := countLine(w.Lang, errs, warns)
		if notShown > 0 {
			line += fmt.Sprintf(tr(w.Lang, " (%d niet getoond", " (%d not shown"), notShown)
			if w.More != "" {
				line += "; " + w.More
			}
			line += ")"
		}
		fmt.Fprintln(bw, line)
	}
	return bw.Flush()
}

// repeat is a kind of warning that occurs in many files.
type repeat struct {
	code    string
	example *Diagnostic // the first one printed
	first   map[string]bool
	// count and files are what was not printed.
	count int
	files map[string]bool
}

func (r *repeat) shownIn(file string) bool {
	if r.first[file] {
		return true
	}
	if len(r.first) < repeatFiles {
		r.first[file] = true
		return true
	}
	return false
}

// repeatedWarnings finds the codes of warnings that occur in more than
// repeatFiles files.
func repeatedWarnings(ds Diagnostics) map[string]*repeat {
	files := map[string]map[string]bool{}
	var order []string
	first := map[string]*Diagnostic{}
	for i := range ds {
		d := &ds[i]
		if d.Severity != Warning || d.Code == "" {
			continue
		}
		fs := files[d.Code]
		if fs == nil {
			fs = map[string]bool{}
			files[d.Code] = fs
			order = append(order, d.Code)
			first[d.Code] = d
		}
		if len(fs) <= repeatFiles {
			fs[d.Pos.File] = true
		}
	}
	out := map[string]*repeat{}
	for _, code := range order {
		if len(files[code]) > repeatFiles {
			out[code] = &repeat{code: code, example: first[code], first: map[string]bool{}, files: map[string]bool{}}
		}
	}
	return out
}

func (w *DiagnosticWriter) moreLine(errs, warns int) string {
	s := fmt.Sprintf(tr(w.Lang, "… en nog %d meer in dit bestand (%s)", "… and %d more in this file (%s)"), errs+warns, countLine(w.Lang, errs, warns))
	if w.More != "" {
		s += "; " + w.More
	}
	return s
}

func (w *DiagnosticWriter) summary(bw *bufio.Writer, r *repeat) {
	word := Warning.Word(w.Lang)
	if w.Color {
		word = ansiYellow + word + ansiReset
	}
	files := len(r.files)
	fmt.Fprintf(bw, tr(w.Lang, "%s: nog %d keer %q in %d %s, zoals: %s\n", "%s: %d more times %q in %d %s, such as: %s\n"),
		word, r.count, r.code, files, plural(w.Lang, files, "ander bestand", "andere bestanden", "other file", "other files"), escapeText(r.example.Summary))
}

func plural(lang Lang, n int, nlOne, nlMany, enOne, enMany string) string {
	if n == 1 {
		return tr(lang, nlOne, enOne)
	}
	return tr(lang, nlMany, enMany)
}

func countLine(lang Lang, errs, warns int) string {
	return fmt.Sprintf("%d %s, %d %s", errs, plural(lang, errs, "fout", "fouten", "error", "errors"),
		warns, plural(lang, warns, "waarschuwing", "waarschuwingen", "warning", "warnings"))
}

func (w *DiagnosticWriter) format(b *bufio.Writer, d *Diagnostic, lines *lineIndex) {
	word := d.Severity.Word(d.Lang)
	if w.Color {
		col := ansiRed
		if d.Severity == Warning {
			col = ansiYellow
		}
		word = col + word + ansiReset
	}
	fmt.Fprintf(b, "%s: %s: %s\n", escapeText(d.Pos.String()), word, escapeText(d.Summary))
	src, ok := w.Sources[d.Pos.File]
	if !ok && w.Read != nil && d.Pos.Line > 0 && d.Pos.Sheet == "" {
		src = w.Read(d.Pos.File)
		ok = src != nil
	}
	if ok && d.Pos.Line > 0 && d.Pos.Sheet == "" {
		if text, caretCol, found := lines.excerpt(d.Pos.File, src, d.Pos.Line, d.Pos.Col); found {
			fmt.Fprintf(b, "  %4d | %s\n", d.Pos.Line, text)
			caret := "^"
			if w.Color {
				caret = ansiBold + caret + ansiReset
			}
			fmt.Fprintf(b, "       | %s%s\n", strings.Repeat(" ", caretCol-1), caret)
		}
	}
	if d.Detail != "" {
		fmt.Fprintf(b, "       = %s\n", escapeText(d.Detail))
	}
}

// lineIndex finds lines of a source text without rescanning it from the
// top for every diagnostic: it keeps the offsets of the line starts of the
// file it was last asked about (diagnostics come sorted by file).
type lineIndex struct {
	file   string
	src    []byte
	starts []int
	// cur and runes are the number and character offsets of the line
	// asked for last (several diagnostics often point into one line).
	cur   int
	runes []int
}

// excerpt returns the excerpt of line n of src for column col; see
// excerpt.
func (x *lineIndex) excerpt(file string, src []byte, n, col int) (string, int, bool) {
	line, ok := x.line(file, src, n)
	if !ok {
		return "", 0, false
	}
	if x.cur != n {
		x.cur = n
		x.runes = runeStarts(x.runes[:0], line)
	}
	text, caret := excerpt(line, x.runes, col)
	return text, caret, true
}

// line returns line n (1-based) of src without its line end.
func (x *lineIndex) line(file string, src []byte, n int) ([]byte, bool) {
	if x.file != file || len(x.src) != len(src) || x.starts == nil {
		x.file, x.src, x.cur = file, src, 0
		x.starts = x.starts[:0]
		off := 0
		if bytes.HasPrefix(src, []byte("\uFEFF")) {
			off = 3
		}
		x.starts = append(x.starts, off)
		for i := off; i < len(src); {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			x.starts = append(x.starts, i)
		}
	}
	if n < 1 || n > len(x.starts) {
		return nil, false
	}
	start := x.starts[n-1]
	end := len(x.src)
	if n < len(x.starts) {
		end = x.starts[n] - 1
	}
	return bytes.TrimRight(x.src[start:end], "\r"), true
}

// sourceLine returns line n (1-based) of src without its line end.
func sourceLine(src []byte, n int) (string, bool) {
	var x lineIndex
	line, ok := x.line("", src, n)
	return string(line), ok
}

// excerpt makes the text shown for a source line: characters that would
// act on the terminal escaped, tabs as spaces, clipped to about
// excerptWidth characters around col (a 1-based character column).
// starts are the byte offsets of the line's characters (see runeStarts),
// so that a diagnostic on a very long line costs the window, not the
// line. It returns the text and the column of the caret in it.
func excerpt(line []byte, starts []int, col int) (string, int) {
	n := len(starts)
	caret := min(max(col, 1)-1, n) // n: at the end of the line
	cell := func(k int) string {
		r, size := utf8.DecodeRune(line[starts[k]:])
		if r == '\t' {
			return " "
		}
		return escapeRune(r, size == 1 && r == utf8.RuneError)
	}
	from, to := 0, n
	if n > excerptWidth {
		from = max(0, caret-excerptWidth/2)
		to = min(n, from+excerptWidth)
		from = max(0, min(from, to-excerptWidth))
	}
	cells := make([]string, 0, to-from)
	for k := from; k < to; k++ {
		cells = append(cells, cell(k))
	}
	// An escape such as <U+202E> is wider than one column: narrow the
	// window until it fits, keeping the caret in it.
	for width(cells) > excerptWidth && to > caret+1 {
		to--
		cells = cells[:len(cells)-1]
	}
	for width(cells) > excerptWidth && from < caret {
		from++
		cells = cells[1:]
	}
	var b strings.Builder
	at := 1 // display column of the next character written
	caretCol := 0
	if from > 0 {
		b.WriteString("…")
		at++
	}
	for k, c := range cells {
		if from+k == caret {
			caretCol = at
		}
		b.WriteString(c)
		at += utf8.RuneCountInString(c)
	}
	if caretCol == 0 {
		caretCol = at // at the end of the line
	}
	if to < n {
		b.WriteString("…")
	}
	return b.String(), caretCol
}

// runeStarts appends to dst the byte offset of every character of line.
func runeStarts(dst []int, line []byte) []int {
	for i := 0; i < len(line); {
		dst = append(dst, i)
		_, size := utf8.DecodeRune(line[i:])
		i += size
	}
	return dst
}

func width(cells []string) int {
	n := 0
	for _, c := range cells {
		n += utf8.RuneCountInString(c)
	}
	return n
}

// escapeRune shows a character as it may be written to a terminal: C0
// control characters as their visible symbols (␀, ␛, ␇), DEL as ␡, C1
// controls, the bidirectional controls and the non-characters U+FFFE and
// U+FFFF as <U+XXXX>, a byte that is not UTF-8 as U+FFFD; anything else as
// itself.
func escapeRune(r rune, invalid bool) string {
	switch {
	case invalid:
		return "\uFFFD"
	case r < 0x20:
		return string(rune(0x2400 + r))
	case r == 0x7F:
		return "\u2421"
	case r >= 0x80 && r < 0xA0, isBidiControl(r), r == 0xFFFE, r == 0xFFFF:
		return fmt.Sprintf("<U+%04X>", r)
	}
	return string(r)
}

// isBidiControl reports whether r changes the direction of the text after
// it (the "Trojan Source" characters).
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// needsEscape reports whether s holds a character that escapeRune changes.
func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) || isBidiControl(r) || r == 0xFFFE || r == 0xFFFF || (r == utf8.RuneError && size == 1) {
			return true
		}
		i += size
	}
	return false
}

// escapeText makes a message safe to print on a terminal: every character
// escapeRune changes is replaced, except newlines and tabs.
func escapeText(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\n' || r == '\t' {
			b.WriteRune(r)
		} else {
			b.WriteString(escapeRune(r, r == utf8.RuneError && size == 1))
		}
		i += size
	}
	return b.String()
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

// WriteDiagnosticsJSON writes the diagnostics as a JSON array, all of
// them, one element at a time. Characters that would act on a terminal
// (C1 controls, bidirectional controls) are written as \u escapes, which
// a JSON reader turns back into the same text.
func WriteDiagnosticsJSON(w io.Writer, ds Diagnostics) error {
	bw := bufio.NewWriterSize(w, 32<<10)
	if len(ds) == 0 {
		bw.WriteString("[]\n")
		return bw.Flush()
	}
	bw.WriteString("[\n")
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("  ", "  ")
	enc.SetEscapeHTML(false)
	for i, d := range ds {
		buf.Reset()
		if err := enc.Encode(jsonDiagnostic{
			Severity: d.Severity.String(),
			File:     d.Pos.File, Sheet: d.Pos.Sheet, Cell: d.Pos.Cell(), Line: d.Pos.Line, Col: d.Pos.Col,
			Code: d.Code, Message: d.Summary, Hint: d.Detail,
		}); err != nil {
			return err
		}
		bw.WriteString("  ")
		writeJSONEscaped(bw, bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		if i < len(ds)-1 {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// writeJSONEscaped writes JSON text b with C1 and bidirectional control
// characters as \u escapes. They can only occur inside strings, where the
// escape means the same character.
func writeJSONEscaped(w *bufio.Writer, b []byte) {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0x80 && r < 0xA0 || isBidiControl(r) || r == 0xFFFE || r == 0xFFFF {
			fmt.Fprintf(w, `\u%04x`, r)
		} else {
			w.Write(b[:size])
		}
		b = b[size:]
	}
}
