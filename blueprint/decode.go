package blueprint

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unique"

	"github.com/BurntSushi/toml"
)

// MaxFileSize is the largest file the loader reads. A journey file is a few
// kilobytes; anything this large is a mistake (or not a journey).
const MaxFileSize = 4 << 20

// ValueError is returned by a value parser (a duration, say) when a text
// cannot be read; the decoder turns it into a positioned diagnostic.
type ValueError struct {
	Summary  msg
	Args     []any
	Hint     msg
	HintArgs []any
}

// Error returns the English text, for callers outside the loader.
func (e *ValueError) Error() string { return fmt.Sprintf(e.Summary.en, e.Args...) }

// textValue is implemented by types read from a TOML string by a parser of
// their own, such as Duration.
type textValue interface {
	setText(s string) *ValueError
}

func (d *Duration) setText(s string) *ValueError {
	v, err := ParseDuration(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// customValue is implemented by types that take more than one TOML shape,
// such as PersonaRef (a string or a table).
type customValue interface {
	decodeTOML(d *decoder, ctx string, v any, n *node)
}

func (r *PersonaRef) decodeTOML(d *decoder, ctx string, v any, n *node) {
	r.Source = Source{Pos: d.at(n.pos)}
	switch v := v.(type) {
	case string:
		r.ID = intern(v)
	case map[string]any:
		p := &Persona{}
		d.decodeStruct("[persona]", v, n, reflect.ValueOf(p).Elem())
		r.Inline = p
		r.ID = p.ID
		r.Source = p.Source
	default:
		d.sink.Add(Error, d.at(n.pos), "type",
			d.sink.t(msg{"persona moet de id van een persona zijn (persona = \"johan\") of een tabel [persona], niet %s",
				"persona must be the id of a persona (persona = \"johan\") or a table [persona], not %s"}, d.describe(v)),
			"")
	}
}

// decoder turns the generic value tree of the TOML library into model
// structs, reporting every problem with the position from the index.
type decoder struct {
	sink *Collector
	file string
	// unknown counts the unknown keys of the file: after maxSuggested of
	// them the file is not a journey with a typo, and the hint lists the
	// allowed keys instead of searching for the nearest one.
	unknown int
	// fields is a stack of the fields of the keys of the tables being
	// decoded (decodeStruct), nil for a key that is no field.
	fields []*field
}

// at turns a position in the index into a Pos of the file.
func (d *decoder) at(lc lineCol) Pos {
	if lc == (lineCol{}) {
		return Pos{}
	}
	return Pos{File: d.file, Line: int(lc.line), Col: int(lc.col)}
}

// maxSuggested is the number of unknown keys per file that get a
// did-you-mean.
const maxSuggested = 200

// field describes one TOML key of a struct.
type field struct {
	key      string
	index    []int
	required bool
	// number is the key's place in structInfo.keys, by which a Source
	// names it.
	number uint16
}

type structInfo struct {
	fields map[string]*field
	keys   []string // in declaration order, for "allowed keys" lists
	// required are the fields of the required keys, in declaration order.
	required []*field
	source   []int // index of the embedded Source, or nil
}

var structCache sync.Map // reflect.Type → *structInfo

func infoOf(t reflect.Type) *structInfo {
	if si, ok := structCache.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{fields: map[string]*field{}}
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			idx := append(append([]int{}, prefix...), i)
			if f.Anonymous && f.Type == reflect.TypeOf(Source{}) {
				if si.source == nil {
					si.source = idx
				}
				continue
			}
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				walk(f.Type, idx)
				continue
			}
			tag := f.Tag.Get("toml")
			if tag == "" || tag == "-" || !f.IsExported() {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			fi := &field{key: name, index: idx, required: opts == "required", number: uint16(len(si.keys))}
			si.fields[name] = fi
			si.keys = append(si.keys, name)
			if fi.required {
				si.required = append(si.required, fi)
			}
		}
	}
	walk(t, nil)
	structCache.Store(t, si)
	return si
}

// Keys returns the TOML keys of a model struct type in declaration order,
// with whether each is required; the schema generator and the docs use it.
func Keys(v any) (keys []string, required map[string]bool) {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	si := infoOf(t)
	required = map[string]bool{}
	for _, k := range si.keys {
		if si.fields[k].required {
			required[k] = true
		}
	}
	return append([]string(nil), si.keys...), required
}

// decodeStruct fills the struct rv from the table m, indexed by n.
func (d *decoder) decodeStruct(ctx string, m map[string]any, n *node, rv reflect.Value) {
	si := infoOf(rv.Type())
	// The fields of n's keys, looked up once for the Source and the
	// decoding both, on a stack shared with the tables inside this one.
	base := len(d.fields)
	if n != nil {
		for _, c := range n.kids {
			d.fields = append(d.fields, si.fields[c.name])
		}
	}
	defer func() { d.fields = d.fields[:base] }()
	if si.source != nil {
		*rv.FieldByIndex(si.source).Addr().Interface().(*Source) = n.source(d.file, si, d.fields[base:]) // no boxed copy
	}
	where := ctx
	if id, ok := m["id"].(string); ok && id != "" {
		where = ctx + " " + strconv.Quote(id) // as %q writes it, without boxing the arguments
	}
	kd, _ := rv.Addr().Interface().(keyDecoder)
	// The keys in source order (as far as the index knows them), then any
	// others sorted, as orderedKeys lists them, without making the list.
	seen := 0
	if n != nil {
		for i, c := range n.kids {
			if val, ok := m[c.name]; ok {
				seen++
				// d.fields may have grown meanwhile: index it afresh.
				d.decodeKey(where, c.name, val, c, rv, si, d.fields[base+i], kd)
			}
		}
	}
	if seen < len(m) {
		for _, key := range orderedKeys(m, n)[seen:] {
			d.decodeKey(where, key, m[key], &node{pos: n.pos, keyPos: n.pos}, rv, si, si.fields[key], kd)
		}
	}
	for _, f := range si.required {
		if _, ok := m[f.key]; !ok {
			d.sink.Add(Error, d.at(n.pos), "missing-key",
				d.sink.t(msg{"%s mist de verplichte sleutel %q", "%s lacks the required key %q"}, capitalize(whereLabel(d.sink.Lang, where)), f.key),
				d.sink.t(msg{"voeg %s toe", "add %s"}, example(f.key, rv.FieldByIndex(f.index).Type())))
		}
	}
}

// decodeKey decodes the value v of key, indexed by kn, into its field f
// of the struct rv, or reports the key as unknown when f is nil.
func (d *decoder) decodeKey(where, key string, v any, kn *node, rv reflect.Value, si *structInfo, f *field, kd keyDecoder) {
	if f == nil {
		d.unknownKey(key, where, d.at(kn.keyPos), si.keys)
		return
	}
	before := len(d.sink.Diags)
	if kd == nil || !kd.decodeKey(d, where, key, v, kn) {
		d.decodeValue(where, key, v, kn, rv.FieldByIndex(f.index))
	}
	if len(d.sink.Diags) > before && si.source != nil {
		rv.FieldByIndex(si.source).Addr().Interface().(*Source).markBroken(key)
	}
}

func whereLabel(lang Lang, where string) string {
	switch {
	case where == "":
		return tr(lang, "het bestand", "the file")
	case strings.HasPrefix(where, " "):
		// the top of a journey file: where is its id
		return tr(lang, "klantreis", "journey") + where
	}
	return where
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// example shows how a missing key is written.
func example(key string, t reflect.Type) string {
	if t == reflect.TypeOf(PersonaRef{}) {
		return key + ` = "…"`
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return key + ` = ["…"]`
		}
		return "[[" + key + "]]"
	case reflect.Int:
		return key + " = 0"
	case reflect.Bool:
		return key + " = true"
	case reflect.Struct:
		if t == reflect.TypeOf(Duration{}) {
			return key + ` = "10 minuten"`
		}
		if t == reflect.TypeOf(Date{}) {
			return key + " = 2025-03-31"
		}
		return "[" + key + "]"
	}
	return key + ` = "…"`
}

// orderedKeys returns the keys of m in source order (as far as the index
// knows them), then any others sorted.
func orderedKeys(m map[string]any, n *node) []string {
	keys := make([]string, 0, len(m))
	if n != nil {
		// A node's kids have distinct names (ensure), so no key is
		// taken twice.
		for _, c := range n.kids {
			if _, ok := m[c.name]; ok {
				keys = append(keys, c.name)
			}
		}
	}
	if len(keys) == len(m) {
		return keys
	}
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		seen[k] = true
	}
	var rest []string
	for k := range m {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(keys, rest...)
}

func (d *decoder) unknownKey(key, where string, at Pos, allowed []string) {
	summary := d.sink.t(msg{"onbekende sleutel %q in %s", "unknown key %q in %s"}, key, whereLabel(d.sink.Lang, where))
	var detail string
	d.unknown++
	suggestion := ""
	if d.unknown <= maxSuggested {
		suggestion = suggestKey(key, allowed)
	}
	if s := suggestion; s != "" {
		detail = d.sink.t(msg{"bedoelde u %q?", "did you mean %q?"}, s)
	} else if h, ok := keyHints[key]; ok {
		detail = d.sink.t(h)
	} else {
		detail = d.sink.t(msg{"toegestaan: %s", "allowed: %s"}, strings.Join(allowed, ", "))
	}
	d.sink.Add(Error, at, "unknown-key", summary, detail)
}

var (
	textValueType   = reflect.TypeOf((*textValue)(nil)).Elem()
	customValueType = reflect.TypeOf((*customValue)(nil)).Elem()
)

// decodeValue stores v into the field fv, or reports why it cannot.
func (d *decoder) decodeValue(where, key string, v any, n *node, fv reflect.Value) {
	t := fv.Type()
	if reflect.PointerTo(t).Implements(customValueType) {
		fv.Addr().Interface().(customValue).decodeTOML(d, where, v, n)
		return
	}
	if t.Kind() == reflect.Pointer && t.Implements(textValueType) {
		s, ok := v.(string)
		if !ok {
			d.typeError(where, key, v, n, t)
			return
		}
		p := reflect.New(t.Elem())
		if err := p.Interface().(textValue).setText(s); err != nil {
			var hint string
			if pick(d.sink.Lang, err.Hint) != "" {
				hint = d.sink.t(err.Hint, err.HintArgs...)
			}
			d.sink.Add(Error, d.at(n.pos), "value", d.sink.t(err.Summary, err.Args...), hint)
			return
		}
		fv.Set(p)
		return
	}
	switch t.Kind() {
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			d.typeError(where, key, v, n, t)
			return
		}
		d.checkText(key, s, d.at(n.pos))
		fv.SetString(intern(s))
	case reflect.Int, reflect.Int64:
		i, ok := v.(int64)
		if !ok {
			d.typeError(where, key, v, n, t)
			return
		}
		fv.SetInt(i)
	case reflect.Float64:
		switch x := v.(type) {
		case int64:
			fv.SetFloat(float64(x))
		case float64:
			fv.SetFloat(x)
		default:
			d.typeError(where, key, v, n, t)
		}
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			d.typeError(where, key, v, n, t)
			return
		}
		fv.SetBool(b)
	case reflect.Pointer:
		switch t.Elem().Kind() {
		case reflect.Struct:
			m, ok := v.(map[string]any)
			if !ok {
				d.typeError(where, key, v, n, t)
				return
			}
			p := reflect.New(t.Elem())
			d.decodeStruct(tableName(where, key, false), m, n, p.Elem())
			fv.Set(p)
		default:
			p := reflect.New(t.Elem())
			before := len(d.sink.Diags)
			d.decodeValue(where, key, v, n, p.Elem())
			if len(d.sink.Diags) == before {
				fv.Set(p)
			}
		}
	case reflect.Slice:
		d.decodeSlice(where, key, v, n, fv)
	case reflect.Map:
		d.decodeMap(where, key, v, n, fv)
	default:
		panic(fmt.Sprintf("blueprint: field %s of unsupported type %s", key, t))
	}
}

// decodeMap fills a map[string]T field: a table whose keys are free.
func (d *decoder) decodeMap(where, key string, v any, n *node, fv reflect.Value) {
	t := fv.Type()
	m, ok := v.(map[string]any)
	if !ok || t.Key().Kind() != reflect.String {
		d.typeError(where, key, v, n, t)
		return
	}
	out := reflect.MakeMapWithSize(t, len(m))
	for _, k := range orderedKeys(m, n) {
		kn := n.child(k)
		if kn == nil {
			kn = n
		}
		ev := reflect.New(t.Elem()).Elem()
		before := len(d.sink.Diags)
		d.decodeValue(where, k, m[k], kn, ev)
		if len(d.sink.Diags) == before {
			out.SetMapIndex(reflect.ValueOf(intern(k)), ev)
		}
	}
	fv.Set(out)
}

func tableName(where, key string, array bool) string {
	base := where
	if i := strings.IndexByte(base, ' '); i >= 0 {
		base = base[:i] // drop the id
	}
	base = strings.Trim(base, "[]")
	if base != "" {
		key = base + "." + key
	}
	if array {
		return "[[" + key + "]]"
	}
	return "[" + key + "]"
}

func (d *decoder) decodeSlice(where, key string, v any, n *node, fv reflect.Value) {
	t := fv.Type()
	elem := t.Elem()
	var items []any
	switch x := v.(type) {
	case []any:
		items = x
	case []map[string]any:
		items = make([]any, len(x))
		for i := range x {
			items[i] = x[i]
		}
	case map[string]any:
		if elem.Kind() == reflect.Pointer && elem.Elem().Kind() == reflect.Struct {
			d.sink.Add(Error, d.at(n.pos), "type",
				d.sink.t(msg{"%s is een lijst: schrijf [[%s]] met dubbele haken", "%s is a list: write [[%s]] with double brackets"}, key, strings.Trim(tableName(where, key, false), "[]")),
				"")
			return
		}
		d.typeError(where, key, v, n, t)
		return
	default:
		d.typeError(where, key, v, n, t)
		return
	}
	if len(items) > MaxListLength {
		at := d.at(n.pos)
		if en := n.elem(MaxListLength); en != nil {
			at = d.at(en.pos)
		}
		d.sink.Add(Error, at, "too-long",
			d.sink.t(msg{"%s heeft %d elementen; hoogstens %d worden gelezen", "%s has %d entries; at most %d are read"}, key, len(items), MaxListLength),
			d.sink.t(msg{"verdeel het over meer klantreizen of bestanden", "spread it over more journeys or files"}))
		items = items[:MaxListLength]
	}
	// The slice is made at its full length and cut to the elements kept:
	// reflect.Append would allocate a slice header per element.
	out := reflect.MakeSlice(t, len(items), len(items))
	kept := 0
	table := ""
	if elem.Kind() == reflect.Pointer && elem.Elem().Kind() == reflect.Struct {
		table = tableName(where, key, true)
	}
	for i, item := range items {
		en := n.elem(i)
		if en == nil {
			en = &node{pos: n.pos}
		}
		switch {
		case elem.Kind() == reflect.String:
			s, ok := item.(string)
			if !ok {
				d.sink.Add(Error, d.at(en.pos), "type",
					d.sink.t(msg{"element %d van %s moet tekst zijn (tussen aanhalingstekens), niet %s", "element %d of %s must be text (in quotes), not %s"}, i+1, key, d.describe(item)),
					"")
				continue
			}
			d.checkText(key, s, d.at(en.pos))
			out.Index(kept).SetString(intern(s))
		case elem.Kind() == reflect.Pointer && elem.Elem().Kind() == reflect.Struct:
			m, ok := item.(map[string]any)
			if !ok {
				d.sink.Add(Error, d.at(en.pos), "type",
					d.sink.t(msg{"element %d van %s moet een tabel zijn, niet %s", "element %d of %s must be a table, not %s"}, i+1, key, d.describe(item)),
					"")
				continue
			}
			p := reflect.New(elem.Elem())
			d.decodeStruct(table, m, en, p.Elem())
			out.Index(kept).Set(p)
		default:
			d.decodeValue(where, key, item, en, out.Index(kept))
		}
		kept++
	}
	fv.Set(out)
	fv.SetLen(kept)
}

func (d *decoder) typeError(where, key string, v any, n *node, t reflect.Type) {
	d.sink.Add(Error, d.at(n.pos), "type",
		d.sink.t(msg{"%s moet %s zijn, niet %s", "%s must be %s, not %s"}, key, d.want(key, t), d.describe(v)),
		d.sink.t(msg{"schrijf %s", "write %s"}, fixFor(key, v, t)))
}

// fixFor writes the key with the value the user meant, where that is
// clear: emotie = "2" becomes emotie = 2, a text where a list belongs
// becomes a list of that text. Otherwise it shows an example.
func fixFor(key string, v any, t reflect.Type) string {
	for t.Kind() == reflect.Pointer && !t.Implements(textValueType) {
		t = t.Elem()
	}
	switch x := v.(type) {
	case string:
		trimmed := strings.TrimSpace(x)
		switch t.Kind() {
		case reflect.Int, reflect.Int64:
			if _, err := strconv.ParseInt(strings.TrimPrefix(trimmed, "+"), 10, 64); err == nil {
				return key + " = " + strings.TrimPrefix(trimmed, "+")
			}
		case reflect.Float64:
			// "7,5" or "14%": the number without quotes, with a point.
			num := strings.Replace(strings.TrimSpace(strings.TrimSuffix(trimmed, "%")), ",", ".", 1)
			if _, err := strconv.ParseFloat(num, 64); err == nil {
				return key + " = " + num
			}
		case reflect.Bool:
			switch strings.ToLower(trimmed) {
			case "true", "ja", "waar":
				return key + " = true"
			case "false", "nee", "onwaar":
				return key + " = false"
			}
		case reflect.Slice:
			if t.Elem().Kind() == reflect.String {
				return key + " = [" + strconv.Quote(x) + "]"
			}
		}
	case int64, float64, bool:
		if t.Kind() == reflect.String {
			return fmt.Sprintf("%s = \"%v\"", key, x)
		}
		if f, ok := x.(float64); ok && (t.Kind() == reflect.Int || t.Kind() == reflect.Int64) {
			return fmt.Sprintf("%s = %d", key, int64(math.Round(f)))
		}
	}
	return example(key, t)
}

// want names the expected type in words a non-programmer knows.
func (d *decoder) want(key string, t reflect.Type) string {
	l := d.sink.Lang
	for t.Kind() == reflect.Pointer {
		if t.Implements(textValueType) {
			return tr(l, "tekst zoals \"10 minuten\"", "text such as \"10 minuten\"")
		}
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return tr(l, "tekst tussen aanhalingstekens", "text in quotes")
	case reflect.Int, reflect.Int64:
		return tr(l, "een geheel getal", "a whole number")
	case reflect.Float64:
		return tr(l, "een getal", "a number")
	case reflect.Bool:
		return tr(l, "true of false", "true or false")
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return tr(l, "een lijst met tekst", "a list of texts")
		}
		return tr(l, "een lijst van tabellen [["+key+"]]", "a list of tables [["+key+"]]")
	case reflect.Map, reflect.Struct:
		return tr(l, "een tabel ["+key+"]", "a table ["+key+"]")
	}
	return t.String()
}

// describe names the type of a TOML value in words.
func (d *decoder) describe(v any) string {
	l := d.sink.Lang
	switch x := v.(type) {
	case string:
		return tr(l, "tekst", "text")
	case int64:
		return tr(l, "een geheel getal", "a whole number")
	case float64:
		return tr(l, "een kommagetal", "a decimal number")
	case bool:
		return tr(l, "true/false", "true/false")
	case time.Time:
		return tr(l, "een datum of tijd", "a date or time")
	case []any, []map[string]any:
		return tr(l, "een lijst", "a list")
	case map[string]any:
		return tr(l, "een tabel", "a table")
	default:
		return fmt.Sprintf("%T", x)
	}
}

// decodeFile parses src as TOML and decodes it into v. Syntax errors end
// the file's decoding (the rest cannot be trusted); every other problem is
// collected.
func decodeFile(sink *Collector, name string, src []byte, v any) bool {
	if notText(sink, name, src) || tooDeep(sink, name, src) {
		return false
	}
	var tree map[string]any
	// Through a reader: the library copies the text into a string of
	// its own anyway, and toml.Decode(string(src)) would copy it twice.
	if _, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&tree); err != nil {
		syntaxError(sink, name, src, err)
		return false
	}
	a := newArena(len(src))
	idx := indexIn(a, name, src, nil)
	d := &decoder{sink: sink, file: name}
	d.decodeStruct("", tree, idx, reflect.ValueOf(v).Elem())
	a.release() // the decoder keeps nothing of the index
	return true
}

// intern returns the one copy of s that every file loaded shares. The
// texts of a collection repeat (ids of actors, channels, systems, phases
// and steps, and phrases copied from journey to journey), and the TOML
// library's texts point into its own copy of the whole file, which a
// model that kept them would keep alive: at national scale, 7,600
// journeys, that is most of the memory a model takes. The decoder interns
// each text as it stores it in the model, not the whole tree beforehand:
// storing a text back into the tree's map[string]any would allocate for
// every text of the file.
func intern(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}

// DecodeTOML decodes a TOML document into v, a pointer to a struct whose
// fields carry `toml:"key"` or `toml:"key,required"` tags and may embed
// Source. It applies the rules of journey files (unknown keys with a
// suggestion, required keys, types in plain words, positions from the
// source) so that other packages that read TOML data, such as the
// requirements catalogue, give the same quality of messages without
// importing a TOML library themselves.
func DecodeTOML(name string, src []byte, v any, lang Lang) Diagnostics {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		panic("blueprint.DecodeTOML: v must be a pointer to a struct")
	}
	sink := NewCollector(lang.Or(Dutch))
	if !tooLarge(sink, &File{Name: name, Src: src}) {
		decodeFile(sink, name, src, v)
	}
	sink.Diags.Sort()
	return sink.Diags
}

// syntaxError reports a TOML syntax error at the place a person would look.
func syntaxError(sink *Collector, name string, src []byte, err error) {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		sink.Add(Error, Pos{File: name, Line: 1, Col: 1}, "syntax", sink.t(msg{"kan het bestand niet lezen: %v", "cannot read the file: %v"}, err), "")
		return
	}
	// The library's line can be one too far when the mistake is noticed
	// at a line end (an unclosed [[stap); its byte offset is exact, so the
	// position is computed from that, with a rune column.
	off := min(max(pe.Position.Start, 0), len(src))
	if strings.Contains(pe.Message, "control characters") {
		// The library points one character before the control
		// character; point at the character itself.
		for i := off; i < min(off+8, len(src)); i++ {
			if c := src[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				off = i
				break
			}
		}
	}
	pos := posOfOffset(name, src, off)
	summary, hint := explainSyntax(sink.Lang, pe.Message)
	sink.Add(Error, pos, "syntax", summary, hint)
}
