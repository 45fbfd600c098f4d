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

// Collector gathers diagnostics in one language. Every stage that reads
// outside input (journeys, the requirements catalogue, vendor workbooks,
// GEMMA files) collects into one instead of failing at the first problem,
// so that a user sees every problem of a run at once.
//
// Methods that add a diagnostic return a pointer to it, so that the caller
// can set its Detail; the pointer is valid until the next diagnostic is
// added.
type Collector struct {
	// Lang is the language the messages are written in; zero means Dutch.
	Lang Lang
	// Diags holds what was collected, in the order it was found.
	Diags Diagnostics
}

// NewCollector returns an empty collector for messages in lang.
func NewCollector(lang Lang) *Collector { return &Collector{Lang: lang.Or(Dutch)} }

// Add appends a diagnostic whose summary and detail are already written in
// c.Lang.
func (c *Collector) Add(sev Severity, pos Pos, code, summary, detail string) *Diagnostic {
	c.Diags = append(c.Diags, Diagnostic{Severity: sev, Pos: pos, Code: code, Summary: summary, Detail: detail, Lang: c.Lang.Or(Dutch)})
	return &c.Diags[len(c.Diags)-1]
}

// Errorf appends an error. nl and en are the fmt formats of the summary in
// both languages; the one of c.Lang is used.
func (c *Collector) Errorf(pos Pos, code, nl, en string, args ...any) *Diagnostic {
	return c.Add(Error, pos, code, c.T(nl, en, args...), "")
}

// Warnf appends a warning, as Errorf does an error.
func (c *Collector) Warnf(pos Pos, code, nl, en string, args ...any) *Diagnostic {
	return c.Add(Warning, pos, code, c.T(nl, en, args...), "")
}

// Hint sets the detail of d: the likely fix, in c.Lang.
func (c *Collector) Hint(d *Diagnostic, nl, en string, args ...any) {
	d.Detail = c.T(nl, en, args...)
}

// DidYouMean sets the detail of d to "did you mean …?" when got is a near
// miss of one allowed name (Suggest), or else to the allowed names when
// there are few enough to list.
func (c *Collector) DidYouMean(d *Diagnostic, got string, allowed []string) {
	if s := Suggest(got, allowed); s != "" {
		c.Hint(d, "bedoelde u %q?", "did you mean %q?", s)
		return
	}
	if len(allowed) > 0 && len(allowed) <= 12 {
		c.Hint(d, "toegestaan: %s", "allowed: %s", strings.Join(allowed, ", "))
	}
}

// T formats the Dutch or the English format, whichever is c.Lang.
func (c *Collector) T(nl, en string, args ...any) string {
	f := tr(c.Lang, nl, en)
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// msg is a message in both languages, as a pair of fmt formats.
type msg struct{ nl, en string }

// t formats m in the collector's language.
func (c *Collector) t(m msg, args ...any) string {
	return fmt.Sprintf(pick(c.Lang, m), args...)
}

func pick(lang Lang, m msg) string {
	if lang == English {
		return m.en
	}
	return m.nl
}
