package blueprint

import (
	"fmt"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// Pos is a position in a source file. Line and Col start at 1; Col counts
// characters (runes), not bytes, so it matches what an editor shows. The zero
// Pos means "no position known".
//
// A position in a spreadsheet names its Sheet; Line is then the row and Col
// the column number (A = 1), and String writes the cell the way Excel
// does: pve.xlsx:'1 Klantgeleiding'!K12. Use CellPos to make one.
type Pos struct {
	File  string // slash-separated path as given to the loader
	Line  int
	Col   int
	Sheet string // the worksheet, for a position in a workbook
}

// CellPos returns the position of a cell ("K12") on a sheet of a workbook.
// A cell reference that cannot be read gives the sheet without a cell.
func CellPos(file, sheet, cell string) Pos {
	col, row := 0, 0
	i := 0
	for ; i < len(cell); i++ {
		c := cell[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
	}
	for ; i < len(cell); i++ {
		if cell[i] < '0' || cell[i] > '9' {
			return Pos{File: file, Sheet: sheet}
		}
		row = row*10 + int(cell[i]-'0')
	}
	if col == 0 || row == 0 {
		return Pos{File: file, Sheet: sheet}
	}
	return Pos{File: file, Sheet: sheet, Line: row, Col: col}
}

// IsValid reports whether p names a line (or a row).
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats p as file:line:col, the form editors and CI logs
// recognise, or as file:'sheet'!A1 for a cell of a workbook.
func (p Pos) String() string {
	switch {
	case p.Sheet != "" && !p.IsValid():
		return p.File + ":" + quoteSheet(p.Sheet)
	case p.Sheet != "":
		return p.File + ":" + quoteSheet(p.Sheet) + "!" + p.Cell()
	case p.File == "" && !p.IsValid():
		return "-"
	case !p.IsValid():
		return p.File
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Cell returns the cell reference ("K12") of a position in a workbook, and
// "" for a position in a text file.
func (p Pos) Cell() string {
	if p.Sheet == "" || !p.IsValid() || p.Col < 1 {
		return ""
	}
	var col []byte
	for n := p.Col; n > 0; n = (n - 1) / 26 {
		col = append([]byte{byte('A' + (n-1)%26)}, col...)
	}
	return string(col) + strconv.Itoa(p.Line)
}

// quoteSheet quotes a sheet name as Excel does in a reference: plain when
// it is letters, digits and underscores not starting with a digit, else in
// single quotes with any quote doubled.
func quoteSheet(name string) string {
	plain := name != ""
	for i, r := range name {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			plain = false
			break
		}
	}
	if plain {
		return name
	}
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// Before reports whether p sorts before q (by file, sheet, line, column).
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Sheet != q.Sheet {
		return p.Sheet < q.Sheet
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Source records where a model element was written: the position of its
// table header (or inline table), and of each key, value and array element
// inside it. Every model element embeds a Source, so a check that runs
// after decoding can point at the exact line of the field it complains
// about.
//
// A national collection has millions of keys, so the positions inside an
// element are kept compact: every one is in the element's file (Pos.File),
// a line and column fit in 32 bits each, and a key is named by its number
// among the struct's keys.
type Source struct {
	// Pos is the position of the element itself: the [[stap]] header, the
	// opening brace of an inline table, or the start of the file.
	Pos Pos
	// fields describes the element's struct: its keys by name and number.
	fields *structInfo
	// keys are the keys of the struct written in the element, in source
	// order; a table has a few dozen at most, so a slice beats a map.
	// They hold no pointers, which the garbage collector need not scan.
	keys []keyInfo
	// elems are the positions of the array elements of all keys, key after
	// key: those of keys[i] start at keys[i].elems and end where those of
	// the next key start.
	elems []lineCol
}

// lineCol is a position in the file of its Source; the zero lineCol is
// no position.
type lineCol struct{ line, col int32 }

// keyInfo is where one key of an element was written.
type keyInfo struct {
	field    uint16 // the key's number in Source.fields
	key, val lineCol
	elems    uint32 // the first of its array elements in Source.elems
	// invalid is set when the value could not be decoded (a diagnostic
	// says so already); checks that depend on it stay silent rather than
	// report a consequence of the same mistake.
	invalid bool
}

// at turns a position of the element's file back into a Pos.
func (s *Source) at(lc lineCol) Pos {
	if lc.line == 0 && lc.col == 0 {
		return Pos{}
	}
	return Pos{File: s.Pos.File, Line: int(lc.line), Col: int(lc.col)}
}

func (s *Source) info(key string) *keyInfo {
	if i := s.index(key); i >= 0 {
		return &s.keys[i]
	}
	return nil
}

func (s *Source) index(key string) int {
	if s.fields == nil || len(s.keys) == 0 {
		return -1
	}
	f := s.fields.fields[key]
	if f == nil {
		return -1
	}
	for i := range s.keys {
		if s.keys[i].field == f.number {
			return i
		}
	}
	return -1
}

// At returns the position of the value of key, or of the element itself
// when the key was not written.
func (s *Source) At(key string) Pos {
	if k := s.info(key); k != nil {
		return s.at(k.val)
	}
	return s.Pos
}

// KeyAt returns the position of key itself (where a typo in the key would
// be), or of the element when the key was not written.
func (s *Source) KeyAt(key string) Pos {
	if k := s.info(key); k != nil {
		return s.at(k.key)
	}
	return s.Pos
}

// ElemAt returns the position of element i of the array under key, falling
// back to the key's value and then to the element.
func (s *Source) ElemAt(key string, i int) Pos {
	if k := s.index(key); k >= 0 && i >= 0 {
		start, end := int(s.keys[k].elems), len(s.elems)
		if k+1 < len(s.keys) {
			end = int(s.keys[k+1].elems)
		}
		if start+i < end {
			return s.at(s.elems[start+i])
		}
	}
	return s.At(key)
}

// Has reports whether key was written in the source.
func (s *Source) Has(key string) bool { return s.info(key) != nil }

// Broken reports whether the value of key could not be decoded.
func (s *Source) Broken(key string) bool {
	k := s.info(key)
	return k != nil && k.invalid
}

func (s *Source) markBroken(key string) {
	if k := s.info(key); k != nil {
		k.invalid = true
	}
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

// ReleasePositions lets go of the positions inside every element of the
// journeys of m (their keys, values and array elements), keeping each
// element's own Pos. It is for a caller that has made all its checks and
// diagnostics and keeps the model only for outputs that name elements
// (blueprint matrix after deriving: 118 MB of 150,000 steps at national
// scale). Afterwards At, KeyAt and ElemAt of those elements give the
// element's Pos, and Has and Broken report false.
//
// The journeys are independent trees, so they are walked on every core.
func (m *Model) ReleasePositions() {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(m.Journeys)/64+1) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(m.Journeys); i = int(next.Add(1)) - 1 {
				releaseIn(reflect.ValueOf(m.Journeys[i]))
			}
		})
	}
	wg.Wait()
}

var sourceType = reflect.TypeFor[Source]()

// releaseIn clears the Sources in v and in what it holds through the keys
// of its file (fields tagged "-" are links made after decoding, such as a
// journey's persona, and are left alone, so the walk is over a tree).
func releaseIn(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			releaseIn(v.Elem())
		}
	case reflect.Slice:
		if k := v.Type().Elem().Kind(); k == reflect.Pointer || k == reflect.Struct {
			for i := range v.Len() {
				releaseIn(v.Index(i))
			}
		}
	case reflect.Struct:
		for _, f := range releasePlan(v.Type()) {
			if f.source {
				src := v.Field(f.index).Addr().Interface().(*Source)
				src.keys, src.elems = nil, nil
			} else {
				releaseIn(v.Field(f.index))
			}
		}
	}
}

// releaseField is a field of a struct that releaseIn visits: a Source to
// clear, or a field to walk into.
type releaseField struct {
	index  int
	source bool
}

// releasePlans caches releasePlan by type: the walk visits some ten
// million structs at national scale, of a few dozen types.
var releasePlans sync.Map // reflect.Type → []releaseField

// releasePlan returns the fields of struct type t that releaseIn visits:
// its Sources, and the exported fields of the file that may hold more
// (not the links tagged "-", nor fields that cannot hold a Source).
func releasePlan(t reflect.Type) []releaseField {
	if p, ok := releasePlans.Load(t); ok {
		return p.([]releaseField)
	}
	var plan []releaseField
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case f.Type == sourceType:
			plan = append(plan, releaseField{index: i, source: true})
		case !f.IsExported() || f.Tag.Get("toml") == "-":
		case mayHoldSource(f.Type):
			plan = append(plan, releaseField{index: i})
		}
	}
	p, _ := releasePlans.LoadOrStore(t, plan)
	return p.([]releaseField)
}

// mayHoldSource reports whether a value of type t can hold a Source:
// a struct, or a pointer to or slice of one (what releaseIn walks into).
func mayHoldSource(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice:
		e := t.Elem()
		if e.Kind() == reflect.Pointer {
			e = e.Elem()
		}
		return e.Kind() == reflect.Struct
	case reflect.Struct:
		return true
	}
	return false
}

// ReleaseSteps lets go of what the steps of j hold beyond what names them:
// the positions inside each step (its Pos stays), and the elements of its
// own (front- and backoffice actions, support lines, hand-offs, waits and
// the links to the next steps: at national scale some 560,000 elements).
// A step keeps its id, phase, title and values. It is for a caller that
// has checked and derived the journey and keeps it only for outputs that
// name its steps (blueprint matrix, through requirements.Options).
func (j *Journey) ReleaseSteps() {
	for _, s := range j.Steps {
		// The elements go first: what they hold is garbage with them, so
		// the walk need not clear it.
		s.Frontstage, s.Backstage, s.Support, s.Handoffs = nil, nil, nil, nil
		s.Waits, s.NextSteps = nil, nil
		releaseIn(reflect.ValueOf(s))
	}
}
