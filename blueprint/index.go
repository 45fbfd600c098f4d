package blueprint

import (
	"bytes"
	"unicode/utf8"
	"unsafe"
)

// The TOML library reports positions for syntax errors only: it keeps key
// positions private and does not tell the elements of an array of tables
// apart. This file builds that missing piece: an index of every table
// header, key and array element of a source text, with its line and column.
// It runs only on text the TOML library has accepted, so it can be lenient,
// but it never loops or panics on any input (the fuzz test feeds it
// anything the library accepts).

// node is one table, array or value in the index.
type node struct {
	// name is the key that names this node; empty for array elements.
	name string
	// pos is where the element starts: the [[header]] or [header], the
	// '{' of an inline table, or the first character of a value. Like
	// keyPos it is a line and column in the indexed file: a national
	// collection has millions of nodes.
	pos lineCol
	// keyPos is where the key that names this node was written; zero for
	// array elements.
	keyPos lineCol
	// kids are the keys of a table, in the order first written. Real
	// tables have a few dozen keys at most, for which a slice is smaller
	// and faster than a map.
	kids []*node
	// byName indexes kids once a table has more than smallTable keys, so
	// that a hostile file with 200,000 keys in one table costs linear
	// time, not quadratic.
	byName map[string]*node
	// elems are the elements of an array value or array of tables.
	elems []*node
}

// smallTable is the number of keys up to which a table is searched by
// scanning its kids.
const smallTable = 32

func (n *node) child(key string) *node {
	if n == nil {
		return nil
	}
	if n.byName != nil {
		return n.byName[key]
	}
	for _, c := range n.kids {
		if c.name == key {
			return c
		}
	}
	return nil
}

func (n *node) elem(i int) *node {
	if n == nil || i < 0 || i >= len(n.elems) {
		return nil
	}
	return n.elems[i]
}

// ensure returns the kid of n named key, adding it when there is none.
// key may point into the source text: the index lives no longer than the
// decoding of its file, and what the decoder keeps of a name it interns.
func (n *node) ensure(a *arena, key string, at lineCol) *node {
	if c := n.child(key); c != nil {
		return c
	}
	c := a.node()
	*c = node{name: key, pos: at, keyPos: at}
	n.kids = a.add(n.kids, c)
	switch {
	case n.byName != nil:
		n.byName[key] = c
	case len(n.kids) > smallTable:
		n.byName = make(map[string]*node, 2*len(n.kids))
		for _, k := range n.kids {
			if _, dup := n.byName[k.name]; !dup {
				n.byName[k.name] = k
			}
		}
	}
	return c
}

// last returns the table a dotted path goes through: the last element of an
// array of tables, or the node itself.
func (n *node) last() *node {
	if len(n.elems) > 0 {
		return n.elems[len(n.elems)-1]
	}
	return n
}

// source turns the index of a table into the Source of a model element
// of the struct described by si. It keeps the keys that are fields of the
// struct (the decoder reports the others), by number, and the positions of
// their array elements in one slice.
func (n *node) source(file string, si *structInfo) Source {
	if n == nil {
		return Source{}
	}
	s := Source{Pos: Pos{File: file, Line: int(n.pos.line), Col: int(n.pos.col)}, fields: si}
	known, elems := 0, 0
	for _, c := range n.kids {
		if si.fields[c.name] != nil {
			known++
			elems += len(c.elems)
		}
	}
	if known > 0 {
		s.keys = make([]keyInfo, 0, known)
	}
	if elems > 0 {
		s.elems = make([]lineCol, 0, elems)
	}
	for _, c := range n.kids {
		f := si.fields[c.name]
		if f == nil {
			continue
		}
		s.keys = append(s.keys, keyInfo{field: f.number, key: c.keyPos, val: c.pos, elems: uint32(len(s.elems))})
		for _, e := range c.elems {
			s.elems = append(s.elems, e.pos)
		}
	}
	return s
}

// arena hands out the nodes of one file's index, and the backing arrays
// of their kids and elems, from a few large blocks instead of one
// allocation each: a journey of 20 steps has some 600 nodes, the national
// collection four million, and the whole index is garbage as soon as its
// file is decoded.
type arena struct {
	nodes []node
	ptrs  []*node
	// block is the number of nodes in the next block of nodes, and of
	// pointers in the next block of pointers.
	block int
}

// newArena returns an arena sized for a text of size bytes: a journey
// file has a node per 32 bytes or so, and a list per node, which fills
// its backing as the keys of its table are written, so most files take
// one block of each. Later blocks are smaller, so that a guess too low
// costs little.
func newArena(size int) *arena {
	return &arena{block: min(size/32+16, 4096)}
}

// more returns the size of the next block after one of n.
func (a *arena) more(n int) int { return min(n/4+16, 4096) }

func (a *arena) node() *node {
	if len(a.nodes) == cap(a.nodes) {
		n := a.block
		if cap(a.nodes) > 0 {
			n = a.more(cap(a.nodes))
		}
		a.nodes = make([]node, 0, n)
	}
	a.nodes = a.nodes[:len(a.nodes)+1]
	return &a.nodes[len(a.nodes)-1]
}

// add appends c to list. A full list grows within a block of the arena:
// in place when its backing is the last one handed out (the keys of a
// table are mostly written together), else into a new backing twice its
// length. A list too long for a block (a hostile file's) grows on the
// heap.
func (a *arena) add(list []*node, c *node) []*node {
	if len(list) < cap(list) {
		return append(list, c)
	}
	size := max(4, 2*len(list))
	if size > a.block {
		return append(list, c)
	}
	at := len(a.ptrs)
	if grow := size - cap(list); cap(list) > 0 && at > 0 && &list[:cap(list)][cap(list)-1] == &a.ptrs[at-1] && at+grow <= cap(a.ptrs) {
		a.ptrs = a.ptrs[:at+grow]
		return append(a.ptrs[at-cap(list):at-cap(list)+len(list):at+grow], c)
	}
	if cap(a.ptrs)-at < size {
		n := a.block
		if cap(a.ptrs) > 0 {
			n = max(a.more(cap(a.ptrs)), size)
		}
		a.ptrs = make([]*node, 0, n)
		at = 0
	}
	a.ptrs = a.ptrs[:at+size]
	grown := a.ptrs[at : at+len(list) : at+size]
	copy(grown, list)
	return append(grown, c)
}

// scanner walks a TOML text and builds the index.
type scanner struct {
	// trace, when set, is called with the dotted path of every table
	// header and key in source order; tests compare it with the TOML
	// library's MetaData.Keys.
	trace func(path string, at Pos)
	file  string
	src   []byte
	i     int // byte offset
	line  int
	col   int // rune column of src[i]
	// path is keyPath's result, reused from key to key: a path is used
	// up before the next is read.
	path  []keyPart
	arena *arena
}

// indexTOML builds the index of src. The root node stands for the file.
func indexTOML(file string, src []byte) *node {
	return indexTrace(file, src, nil)
}

func indexTrace(file string, src []byte, trace func(string, Pos)) *node {
	s := &scanner{file: file, src: src, line: 1, col: 1, trace: trace, arena: newArena(len(src))}
	root := s.arena.node()
	root.pos = lineCol{1, 1}
	cur := root
	prefix := ""
	for s.i < len(s.src) {
		start := s.i
		s.skipSpace(true)
		if s.i >= len(s.src) {
			break
		}
		switch c := s.src[s.i]; {
		case c == '[':
			at := s.pos()
			s.advance()
			array := s.peek() == '['
			if array {
				s.advance()
			}
			path := s.keyPath()
			s.skipSpace(false)
			for s.peek() == ']' {
				s.advance()
			}
			cur = s.header(root, path, at, array)
			if s.trace != nil {
				prefix = joinPath("", path)
				s.emit(prefix, at)
			}
		case isKeyStart(c):
			s.keyValue(cur, prefix)
		default:
			s.advance() // not valid TOML; skip a character
		}
		s.skipLine()
		if s.i == start { // never stand still
			s.advance()
		}
	}
	return root
}

type keyPart struct {
	name string
	pos  lineCol
}

// header makes the table a [header] or [[header]] opens and returns it.
func (s *scanner) header(root *node, path []keyPart, at lineCol, array bool) *node {
	if len(path) == 0 {
		return root
	}
	n := root
	for _, k := range path[:len(path)-1] {
		n = n.ensure(s.arena, k.name, k.pos).last()
	}
	k := path[len(path)-1]
	c := n.ensure(s.arena, k.name, k.pos)
	if array {
		e := s.arena.node()
		e.pos = at
		c.elems = s.arena.add(c.elems, e)
		return e
	}
	c.pos = at
	return c
}

func (s *scanner) emit(path string, at lineCol) {
	if s.trace != nil {
		s.trace(path, Pos{File: s.file, Line: int(at.line), Col: int(at.col)})
	}
}

func joinPath(prefix string, path []keyPart) string {
	for _, k := range path {
		if prefix != "" {
			prefix += "."
		}
		prefix += k.name
	}
	return prefix
}

// keyValue reads key = value into table t, whose dotted path is prefix.
func (s *scanner) keyValue(t *node, prefix string) {
	path := s.keyPath()
	if len(path) == 0 {
		s.advance()
		return
	}
	// The dotted paths are for the trace of the tests only.
	var full string
	if s.trace != nil {
		full = joinPath(prefix, path)
		s.emit(full, path[0].pos)
	}
	n := t
	for _, k := range path[:len(path)-1] {
		n = n.ensure(s.arena, k.name, k.pos).last()
	}
	k := path[len(path)-1]
	v := n.ensure(s.arena, k.name, k.pos)
	v.keyPos = k.pos
	s.skipSpace(false)
	if s.peek() == '=' {
		s.advance()
	}
	s.skipSpace(false)
	s.value(v, full)
}

// value reads one value into n; path is its dotted key.
func (s *scanner) value(n *node, path string) {
	n.pos = s.pos()
	switch s.peek() {
	case '"', '\'':
		s.str()
	case '[':
		s.advance()
		for s.i < len(s.src) {
			s.skipSpace(true)
			if c := s.peek(); c == ']' || c == 0 {
				s.advance()
				return
			}
			e := s.arena.node()
			before := s.i
			s.value(e, path)
			n.elems = s.arena.add(n.elems, e)
			s.skipSpace(true)
			if s.peek() == ',' {
				s.advance()
			}
			if s.i == before {
				s.advance()
			}
		}
	case '{':
		s.advance()
		for s.i < len(s.src) {
			s.skipSpace(true)
			c := s.peek()
			if c == '}' || c == 0 {
				s.advance()
				return
			}
			if c == ',' {
				s.advance()
				continue
			}
			before := s.i
			if isKeyStart(c) {
				s.keyValue(n, path)
			}
			if s.i == before {
				s.advance()
			}
		}
	default:
		// number, boolean or date: up to a delimiter
		for s.i < len(s.src) {
			switch s.src[s.i] {
			case ',', ']', '}', '#', '\n', '\r':
				return
			}
			s.advance()
		}
	}
}

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
