package blueprint

import (
	"bytes"
	"unicode/utf8"
)

// Limits on what the loader accepts. A journey is a few kilobytes of text
// with tables two levels deep; anything far beyond that is a mistake or an
// attack, and is refused with a positioned error before it can cost much
// time or memory. docs/format.md lists these limits.

// MaxNesting is how deep arrays and inline tables may be nested in one
// value (frontoffice = [{ … }] is 2), and how many parts a dotted key or
// table header may have ([[stap.frontoffice]] is 2). The TOML library
// takes time and memory quadratic in the depth (20,000 levels: a minute
// and 16 GB), so the loader checks this on the bytes before the library
// sees them.
const MaxNesting = 16

// MaxListLength is the most entries a list may have: an array, or the
// tables of one [[header]] (steps, phases, …). Entries beyond it are not
// decoded.
const MaxListLength = 1000

// nestingError says where a text first nests deeper than MaxNesting: the
// byte offset of the bracket (or key part) that goes too deep, and whether
// it was a key.
type nestingError struct {
	off int
	key bool
}

// checkNesting scans src for arrays and inline tables nested deeper than
// MaxNesting and for dotted keys with more than MaxNesting parts, outside
// strings and comments. It is linear in the length of src and allocates
// nothing. It is lenient about everything else: a text that is not valid
// TOML passes when its nesting is shallow, and the TOML library reports
// what is wrong with it.
func checkNesting(src []byte) *nestingError {
	var stack [MaxNesting]byte // '[' or '{' for each open container
	depth := 0
	i := 0
	n := len(src)
	if n >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		i = 3 // byte-order mark
	}
	// skipString moves i past the string that starts at i.
	skipString := func() {
		q := src[i]
		if i+2 < n && src[i+1] == q && src[i+2] == q { // multi-line
			i += 3
			for i < n {
				switch {
				case src[i] == '\\' && q == '"':
					i += 2
				case src[i] == q && i+2 < n && src[i+1] == q && src[i+2] == q:
					i += 3
					for k := 0; k < 2 && i < n && src[i] == q; k++ {
						i++ // up to two more quotes belong to the text
					}
					return
				default:
					i++
				}
			}
			return
		}
		i++
		for i < n {
			i += len(plainRun(src[i:], q))
			if i >= n {
				return
			}
			switch src[i] {
			case q:
				i++
				return
			case '\n':
				return // not closed; the library says so
			default: // an escape
				i += 2
			}
		}
	}
	skipComment := func() {
		for i < n && src[i] != '\n' {
			i++
		}
	}
	// key scans a (dotted) key at i, up to the first character that
	// cannot be part of one, and reports whether it has too many parts.
	key := func() bool {
		parts := 1
		for i < n {
			switch c := src[i]; {
			case c == '"' || c == '\'':
				skipString()
			case c == '.':
				parts++
				if parts > MaxNesting {
					return true
				}
				i++
			case c == ' ' || c == '\t' || isBare(c):
				i++
			default:
				return false
			}
		}
		return false
	}
	for i < n {
		// The start of a statement: a header, a key = value, a comment or
		// an empty line.
		for i < n && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r' || src[i] == '\n') {
			i++
		}
		if i >= n {
			break
		}
		switch src[i] {
		case '#':
			skipComment()
			continue
		case '[':
			i++
			if i < n && src[i] == '[' {
				i++
			}
			start := i
			if key() {
				return &nestingError{off: start, key: true}
			}
			skipComment() // the rest of the header line
			continue
		}
		start := i
		if key() {
			return &nestingError{off: start, key: true}
		}
		if i >= n || src[i] != '=' {
			skipComment() // not a key = value; the library will say why
			continue
		}
		i++
		// The value, up to the end of its line when it is not nested, or
		// to the bracket that closes it.
		afterKeyStart := false // in an inline table, right after { or ,
	value:
		for i < n {
			c := src[i]
			if afterKeyStart && (c == '"' || c == '\'' || isBare(c)) {
				afterKeyStart = false
				start := i
				if key() {
					return &nestingError{off: start, key: true}
				}
				continue
			}
			switch c {
			case '"', '\'':
				skipString()
				continue
			case '#':
				skipComment()
				continue
			case '\n':
				if depth == 0 {
					break value
				}
			case '[', '{':
				if depth == MaxNesting {
					return &nestingError{off: i}
				}
				stack[depth] = c
				depth++
				afterKeyStart = c == '{'
			case ']', '}':
				if depth > 0 {
					depth--
				}
				if depth == 0 {
					i++
					skipComment() // the rest of the line
					break value
				}
			case ',':
				afterKeyStart = depth > 0 && stack[depth-1] == '{'
			case ' ', '\t', '\r':
				// keeps afterKeyStart
			default:
				afterKeyStart = false
			}
			i++
		}
		depth = 0
	}
	return nil
}

// notText reports an error when src is not text: it has a NUL byte in its
// first 8,000 bytes (the test git uses), as images, PDFs and Word files
// do and text files never do.
func notText(sink *Collector, name string, src []byte) bool {
	i := bytes.IndexByte(src[:min(len(src), 8000)], 0)
	if i < 0 {
		return false
	}
	sink.Add(Error, posOfOffset(name, src, i), "binary",
		sink.t(msg{"dit is geen tekstbestand: het bevat nul-bytes", "this is not a text file: it holds NUL bytes"}),
		sink.t(msg{"een klantreis is tekst; is dit een afbeelding, een pdf of een Word-bestand? Geef dan het .toml-bestand", "a journey is text; is this an image, a PDF or a Word file? Then give the .toml file"}))
	return true
}

// tooDeep reports an error when src nests deeper than MaxNesting.
func tooDeep(sink *Collector, name string, src []byte) bool {
	e := checkNesting(src)
	if e == nil {
		return false
	}
	pos := posOfOffset(name, src, e.off)
	if e.key {
		sink.Add(Error, pos, "too-deep",
			sink.t(msg{"deze sleutel heeft meer dan %d delen met punten ertussen", "this key has more than %d parts separated by dots"}, MaxNesting),
			sink.t(msg{"een klantreis heeft er hoogstens twee nodig, zoals [[stap.frontoffice]]", "a journey needs two at most, as in [[stap.frontoffice]]"}))
		return true
	}
	sink.Add(Error, pos, "too-deep",
		sink.t(msg{"lijsten en tabellen zijn hier meer dan %d niveaus diep in elkaar gezet", "lists and tables are nested more than %d levels deep here"}, MaxNesting),
		sink.t(msg{"een klantreis heeft er hoogstens twee nodig, zoals frontoffice = [{ actor = \"…\", actie = \"…\" }]; staat er ergens een [ of { die niet gesloten wordt?",
			"a journey needs two at most, as in frontoffice = [{ actor = \"…\", actie = \"…\" }]; is there a [ or { somewhere that is not closed?"}))
	return true
}

// Text limits. A title is a few words on a column header or a title page;
// any other text ends up in a cell of the PvE workbook, which holds 2,000
// characters (requirements.MaxCellText). docs/format.md lists them.
const (
	// MaxTitle is the longest title or name (titel, naam, thema), in
	// characters.
	MaxTitle = 200
	// MaxText is the longest other text, in characters.
	MaxText = 2000
)

// titleKeys are the keys whose text is a title or a name.
var titleKeys = map[string]bool{"titel": true, "titel_en": true, "naam": true, "naam_en": true, "thema": true}

// checkText reports a text that holds a character no document may hold, or
// that is longer than its limit. key is the key the text was written
// under.
func (d *decoder) checkText(key, s string, at Pos) {
	if r, ok := forbiddenChar(s); ok {
		d.sink.Add(Error, at, "invalid-char",
			d.sink.t(msg{"tekst bevat het teken U+%04X, dat niet in een document mag staan", "text holds the character U+%04X, which no document may hold"}, r),
			d.sink.t(msg{"haal het weg; zulke tekens komen vaak mee bij kopiëren uit een ander programma", "remove it; such characters often come along when copying from another program"}))
	}
	if len(s) <= MaxTitle {
		return // fewer bytes than either limit: fewer characters too
	}
	limit := MaxText
	if titleKeys[key] {
		limit = MaxTitle
	}
	if len(s) <= limit {
		return
	}
	if n := utf8.RuneCountInString(s); n > limit {
		hint := msg{"kort het in; details passen in toelichting, of verdeel de tekst over meer elementen van een lijst", "shorten it; details fit in toelichting, or spread the text over more entries of a list"}
		if titleKeys[key] {
			hint = msg{"een titel of naam is een paar woorden; zet de rest in beschrijving of toelichting", "a title or name is a few words; put the rest in beschrijving or toelichting"}
		}
		d.sink.Add(Error, at, "too-long",
			d.sink.t(msg{"%s is %d tekens lang; hoogstens %d", "%s is %d characters long; at most %d"}, key, n, limit),
			d.sink.t(hint))
	}
}

// forbiddenChar returns the first character of s that no output may hold:
// a control character other than tab, newline and carriage return (C0,
// DEL, C1), or a non-character such as U+FFFE and U+FFFF, which XML
// forbids (the SVG would not be well-formed).
func forbiddenChar(s string) (rune, bool) {
	// Most texts are ASCII, which is looked at byte by byte; from the
	// first other byte on, s is read by character.
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return forbiddenRune(s[i:])
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F {
			return rune(c), true
		}
	}
	return 0, false
}

// forbiddenRune is forbiddenChar for a text read by character.
func forbiddenRune(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r',
			r >= 0x7F && r < 0xA0,
			r >= 0xFDD0 && r <= 0xFDEF,
			r&0xFFFE == 0xFFFE:
			return r, true
		}
	}
	return 0, false
}
