package blueprint

import (
	"bytes"
	"unicode/utf8"
	"unsafe"
)

// The lexical steps of the scanner of index.go: strings, keys, blanks and
// comments, each keeping the line and the column (in characters) of the
// scanner's place in the text.

// str skips a basic, literal or multi-line string.
func (s *scanner) str() {
	q := s.src[s.i]
	multi := s.i+2 < len(s.src) && s.src[s.i+1] == q && s.src[s.i+2] == q
	if multi {
		s.advance()
		s.advance()
		s.advance()
		for s.i < len(s.src) {
			c := s.src[s.i]
			if c == '\\' && q == '"' {
				s.advance()
				s.advance()
				continue
			}
			if c == q && s.i+2 < len(s.src) && s.src[s.i+1] == q && s.src[s.i+2] == q {
				s.advance()
				s.advance()
				s.advance()
				// up to two more quotes belong to the content
				for k := 0; k < 2 && s.peek() == q; k++ {
					s.advance()
				}
				return
			}
			if c < utf8.RuneSelf && c != '\n' {
				s.i++
				s.col++
				continue
			}
			s.advance()
		}
		return
	}
	s.advance()
	for s.i < len(s.src) {
		// Most of a text is none of the three bytes that matter.
		run := plainRun(s.src[s.i:], q)
		s.i += len(run)
		s.col += utf8.RuneCount(run)
		if s.i >= len(s.src) {
			return
		}
		switch s.src[s.i] {
		case q:
			s.advance()
			return
		case '\n':
			return
		default: // an escape: the backslash and the character after it
			s.advance()
			s.advance()
		}
	}
}

// plainRun returns the start of b, a text of a one-line string quoted
// with q, up to the closing quote, a newline or, in a basic string, a
// backslash, whichever comes first: the bytes a scanner passes without
// looking at them. It looks at b a block at a time, so that it reads no
// further than the string (the rest of a hostile file may be one line of
// a million strings).
func plainRun(b []byte, q byte) []byte {
	const block = 64
	for start := 0; start < len(b); start += block {
		chunk := b[start:min(start+block, len(b))]
		end := len(chunk)
		if j := bytes.IndexByte(chunk, q); j >= 0 {
			end = j
		}
		if j := bytes.IndexByte(chunk[:end], '\n'); j >= 0 {
			end = j
		}
		if q == '"' {
			if j := bytes.IndexByte(chunk[:end], '\\'); j >= 0 {
				end = j
			}
		}
		if end < len(chunk) {
			return b[:start+end]
		}
	}
	return b
}

// keyPath reads a dotted key: bare, "quoted" or 'literal' parts. The
// path is valid until the next call; the names of bare parts point into
// the source.
func (s *scanner) keyPath() []keyPart {
	path := s.path[:0]
	defer func() { s.path = path[:0] }()
	for s.i < len(s.src) {
		s.skipSpace(false)
		at := s.pos()
		var name string
		switch c := s.peek(); {
		case c == '"' || c == '\'':
			start := s.i
			s.str()
			name = unquoteKey(s.src[start:s.i])
		case isBare(c):
			start := s.i
			for s.i < len(s.src) && isBare(s.src[s.i]) {
				s.i++ // a bare key is ASCII, on one line
				s.col++
			}
			name = unsafe.String(&s.src[start], s.i-start)
		default:
			return path
		}
		path = append(path, keyPart{name: name, pos: at})
		s.skipSpace(false)
		if s.peek() != '.' {
			return path
		}
		s.advance()
	}
	return path
}

// unquoteKey removes the quotes of a quoted key and resolves the common
// escapes; keys in blueprint files are plain words, so this is enough to
// match the decoder's view.
func unquoteKey(b []byte) string {
	if len(b) < 2 {
		return string(b)
	}
	q := b[0]
	inner := b[1 : len(b)-1]
	if q == '\'' {
		return string(inner)
	}
	out := make([]byte, 0, len(inner))
	for i := 0; i < len(inner); i++ {
		if inner[i] == '\\' && i+1 < len(inner) {
			i++
			switch inner[i] {
			case 'n':
				out = append(out, '\n')
			case 't':
				out = append(out, '\t')
			default:
				out = append(out, inner[i])
			}
			continue
		}
		out = append(out, inner[i])
	}
	return string(out)
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func isKeyStart(c byte) bool { return isBare(c) || c == '"' || c == '\'' }

// skipSpace skips blanks and comments, and newlines too when nl is set.
func (s *scanner) skipSpace(nl bool) {
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == ' ' || c == '\t':
			s.advance()
		case c == '\r' || c == '\n':
			if !nl {
				return
			}
			s.advance()
		case c == '#':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				if s.src[s.i] < utf8.RuneSelf {
					s.i++
					s.col++
					continue
				}
				s.advance()
			}
		case c == 0xEF && s.i == 0 && len(s.src) >= 3 && s.src[1] == 0xBB && s.src[2] == 0xBF:
			s.i += 3 // byte-order mark: not a column
		default:
			return
		}
	}
}

// skipLine skips the rest of a line after a header or key/value.
func (s *scanner) skipLine() {
	s.skipSpace(false)
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.advance()
	}
}

func (s *scanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func (s *scanner) pos() lineCol { return lineCol{int32(s.line), int32(s.col)} }

// advance moves past one rune, keeping line and column.
func (s *scanner) advance() {
	if s.i >= len(s.src) {
		return
	}
	if c := s.src[s.i]; c < utf8.RuneSelf {
		s.i++
		if c == '\n' {
			s.line++
			s.col = 1
		} else {
			s.col++
		}
		return
	}
	_, size := utf8.DecodeRune(s.src[s.i:])
	s.i += size
	s.col++
}

// posOfOffset converts a byte offset of src into a Pos with a rune column.
func posOfOffset(file string, src []byte, off int) Pos {
	if off > len(src) {
		off = len(src)
	}
	line, col := 1, 1
	i := 0
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		i = 3 // a byte-order mark takes no column
	}
	for i < off {
		if src[i] == '\n' {
			line++
			col = 1
			i++
			continue
		}
		_, size := utf8.DecodeRune(src[i:])
		i += size
		col++
	}
	return Pos{File: file, Line: line, Col: col}
}
