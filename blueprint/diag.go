package blueprint

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a diagnostic stops the pipeline (Error) or only
// asks for a second look (Warning).
type Severity int

const (
	// Error marks input that cannot be used as written.
	Error Severity = iota
	// Warning marks input that is allowed but probably not what was meant.
	Warning
)

// Word returns the severity as the word printed before a message.
func (s Severity) Word(lang Lang) string {
	if s == Warning {
		return tr(lang, "waarschuwing", "warning")
	}
	return tr(lang, "fout", "error")
}

// String returns the English name of the severity ("error", "warning"); it
// is what JSON output uses.
func (s Severity) String() string { return s.Word(English) }

// Diagnostic is one problem found in the input, with its position.
type Diagnostic struct {
	Severity Severity
	Pos      Pos
	// Code is a stable, language-independent name of the check that fired,
	// such as "unknown-key" or "emotion-range"; tools can filter on it.
	Code string
	// Summary says what is wrong and what is allowed.
	Summary string
	// Detail suggests the likely fix; it may be empty.
	Detail string
	// Lang is the language Summary and Detail were written in.
	Lang Lang
}

// String formats d on one line as "file:line:col: error: summary (detail)".
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	b.WriteString(d.Severity.Word(d.Lang))
	b.WriteString(": ")
	b.WriteString(d.Summary)
	if d.Detail != "" {
		b.WriteString("; ")
		b.WriteString(d.Detail)
	}
	return b.String()
}

// Diagnostics is a list of problems, collected rather than returned one at
// a time so that a user sees every problem of a run at once.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an Error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (ds Diagnostics) Count() (errs, warns int) {
	for _, d := range ds {
		if d.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// Sort orders the diagnostics by file, line and column, then by severity
// and message, so output is the same on every run.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Pos != b.Pos {
			return a.Pos.Before(b.Pos)
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Summary < b.Summary
	})
}

// Err returns the diagnostics as an error when at least one is an Error,
// and nil otherwise. The error's text lists every diagnostic, one a line.
func (ds Diagnostics) Err() error {
	if !ds.HasErrors() {
		return nil
	}
	return DiagnosticsError(ds)
}

// Error implements error for convenience; it is the same text as Err.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// DiagnosticsError is the error returned by Diagnostics.Err.
type DiagnosticsError Diagnostics

func (e DiagnosticsError) Error() string { return Diagnostics(e).Error() }

// AsDiagnostics extracts diagnostics from err when it holds them.
func AsDiagnostics(err error) (Diagnostics, bool) {
	var de DiagnosticsError
	if errors.As(err, &de) {
		return Diagnostics(de), true
	}
	return nil, false
}

// diagSink collects diagnostics in one language.
type diagSink struct {
	lang  Lang
	diags Diagnostics
}

// msg is a message in both languages, as a pair of fmt formats.
type msg struct{ nl, en string }

// t formats m in the sink's language.
func (s *diagSink) t(m msg, args ...any) string {
	return fmt.Sprintf(pick(s.lang, m), args...)
}

func (s *diagSink) errorf(pos Pos, code, summary, detail string) {
	s.diags = append(s.diags, Diagnostic{Severity: Error, Pos: pos, Code: code, Summary: summary, Detail: detail, Lang: s.lang})
}

func (s *diagSink) warnf(pos Pos, code, summary, detail string) {
	s.diags = append(s.diags, Diagnostic{Severity: Warning, Pos: pos, Code: code, Summary: summary, Detail: detail, Lang: s.lang})
}

func pick(lang Lang, m msg) string {
	if lang == English {
		return m.en
	}
	return m.nl
}
