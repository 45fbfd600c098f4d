package blueprint

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
// of the struct described by si. fields are the fields of n's kids, nil
// for a key that is none. It keeps the keys that are fields of the
// struct (the decoder reports the others), by number, and the positions of
// their array elements in one slice.
func (n *node) source(file string, si *structInfo, fields []*field) Source {
	if n == nil {
		return Source{}
	}
	s := Source{Pos: Pos{File: file, Line: int(n.pos.line), Col: int(n.pos.col)}, fields: si}
	known, elems := 0, 0
	for i, c := range n.kids {
		if fields[i] != nil {
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
	for i, c := range n.kids {
		f := fields[i]
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

// indexIn builds the index of src in the nodes of a. The root node
// stands for the file; trace, if not nil, is called for every key as it
// is indexed (the tests compare them with the TOML library's keys).
func indexIn(a *arena, file string, src []byte, trace func(string, Pos)) *node {
	s := &scanner{file: file, src: src, line: 1, col: 1, trace: trace, arena: a}
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
