package blueprint

import (
	"fmt"
	"sort"
)

// Pos is a position in a source file. Line and Col start at 1; Col counts
// characters (runes), not bytes, so it matches what an editor shows. The zero
// Pos means "no position known".
type Pos struct {
	File string // slash-separated path as given to the loader
	Line int
	Col  int
}

// IsValid reports whether p names a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats p as file:line:col, the form editors and CI logs recognise.
func (p Pos) String() string {
	switch {
	case p.File == "" && !p.IsValid():
		return "-"
	case !p.IsValid():
		return p.File
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Before reports whether p sorts before q (by file, line, column).
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Source records where a model element was written: the position of its
// table header (or inline table), and of each key and array element inside
// it. Every model element embeds a Source, so a check that runs after
// decoding can point at the exact line of the field it complains about.
type Source struct {
	// Pos is the position of the element itself: the [[stap]] header, the
	// opening brace of an inline table, or the first key of the file.
	Pos Pos
	// Keys maps a TOML key of this element to the position of that key.
	Keys map[string]Pos
	// Values maps a TOML key to the position of its value.
	Values map[string]Pos
	// Elems maps a TOML key holding an array to the positions of its
	// elements, in order.
	Elems map[string][]Pos
	// Invalid holds the keys whose values could not be decoded (a
	// diagnostic says so already); checks that depend on such a key stay
	// silent rather than report a consequence of the same mistake.
	Invalid map[string]bool
}

// At returns the position of the value of key, or of the element itself
// when the key was not written.
func (s *Source) At(key string) Pos {
	if p, ok := s.Values[key]; ok {
		return p
	}
	return s.Pos
}

// KeyAt returns the position of key itself (where a typo in the key would
// be), or of the element when the key was not written.
func (s *Source) KeyAt(key string) Pos {
	if p, ok := s.Keys[key]; ok {
		return p
	}
	return s.Pos
}

// ElemAt returns the position of element i of the array under key, falling
// back to the key's value and then to the element.
func (s *Source) ElemAt(key string, i int) Pos {
	if ps := s.Elems[key]; i >= 0 && i < len(ps) {
		return ps[i]
	}
	return s.At(key)
}

// Broken reports whether the value of key could not be decoded.
func (s *Source) Broken(key string) bool { return s.Invalid[key] }

// Has reports whether key was written in the source.
func (s *Source) Has(key string) bool {
	_, ok := s.Keys[key]
	return ok
}

// sortedKeys returns the keys of m in sorted order; used wherever a map is
// walked for output so that results are deterministic.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
