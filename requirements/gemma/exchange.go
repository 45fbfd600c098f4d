package gemma

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// Namespaces of the files ReadExchange recognises.
const (
	// ExchangeNamespace is the namespace of the Open Group ArchiMate 3.x
	// Model Exchange File Format (3.0 and 3.1 share it).
	ExchangeNamespace = "http://www.opengroup.org/xsd/archimate/3.0/"
	exchange2NS       = "http://www.opengroup.org/xsd/archimate"
	archiNS           = "http://www.archimatetool.com/archimate"
	xsiNS             = "http://www.w3.org/2001/XMLSchema-instance"
	xmlNS             = "http://www.w3.org/XML/1998/namespace"
)

// maxDepth is the deepest nesting of XML elements read. An exchange file
// nests about ten deep (organizations with folders in folders); the limit
// keeps a hostile file from making the reader's stack grow without bound.
const maxDepth = 100

// ReadExchange reads an Open Group ArchiMate exchange file. It reads the
// model's name and properties, the elements, the relationships and the
// property definitions; organizations (folders) and views are skipped. A
// DOCTYPE is refused: exchange files have none, and entities are never
// expanded (encoding/xml knows only the five predefined ones).
func ReadExchange(f blueprint.File, lang blueprint.Lang) (*Model, blueprint.Diagnostics) {
	d := blueprint.NewCollector(lang)
	m := newModel()
	m.Files = []string{f.Name}
	src := bytes.TrimPrefix(f.Src, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(src)) == 0 {
		d.Errorf(first(f.Name), "empty", "het bestand is leeg", "the file is empty")
		return nil, d.Diags
	}
	x := &xreader{d: xml.NewDecoder(bytes.NewReader(src)), name: f.Name, c: d, src: src}
	x.d.Strict = true
	root, ok := x.root()
	if !ok {
		d.Diags.Sort()
		return nil, d.Diags
	}
	m.ID = attrOf(root, "", "identifier")
	r := &exchangeModel{m: m, defs: map[string]string{}}
	if err := x.model(root, r); err != nil {
		x.fail(err)
		d.Diags.Sort()
		return nil, d.Diags
	}
	return r.finish(d, f.Name)
}

// xreader reads an XML file token by token with a depth limit.
type xreader struct {
	d    *xml.Decoder
	name string
	c    *blueprint.Collector
	src  []byte
}

// end returns the position just after the last character of the file.
func (x *xreader) end() blueprint.Pos {
	line := 1 + bytes.Count(x.src, []byte("\n"))
	last := x.src[bytes.LastIndexByte(x.src, '\n')+1:]
	return blueprint.Pos{File: x.name, Line: line, Col: 1 + len([]rune(string(last)))}
}

// find returns the position of the first needle on the given line, or the
// line's start.
func (x *xreader) find(line int, needle string) blueprint.Pos {
	lines := bytes.SplitN(x.src, []byte("\n"), line+1)
	pos := blueprint.Pos{File: x.name, Line: line, Col: 1}
	if line >= 1 && line <= len(lines) {
		if i := bytes.Index(lines[line-1], []byte(needle)); i >= 0 {
			pos.Col = 1 + len([]rune(string(lines[line-1][:i])))
		}
	}
	return pos
}

func (x *xreader) pos() blueprint.Pos {
	line, col := x.d.InputPos()
	return blueprint.Pos{File: x.name, Line: max(line, 1), Col: max(col, 1)}
}

// errTooDeep is returned when elements nest deeper than maxDepth.
var errTooDeep = errors.New("too deep")

// root reads up to the root element and checks that it is the model of an
// ArchiMate 3 exchange file.
func (x *xreader) root() (xml.StartElement, bool) {
	for {
		tok, err := x.d.Token()
		if errors.Is(err, io.EOF) {
			e := x.c.Errorf(first(x.name), "foreign", "dit is geen XML-bestand: er staat geen element in", "this is not an XML file: it holds no element")
			x.c.Hint(e, "geef het uitwisselbestand van het GEMMA-model, of de CSV-export van Archi", "give the exchange file of the GEMMA model, or Archi's CSV export")
			return xml.StartElement{}, false
		}
		if err != nil {
			x.fail(err)
			return xml.StartElement{}, false
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) {
				e := x.c.Errorf(x.pos(), "doctype", "het bestand heeft een DOCTYPE; een ArchiMate-uitwisselbestand heeft die niet, en de tool leest hem niet (entiteiten worden niet uitgevouwen)",
					"the file has a DOCTYPE; an ArchiMate exchange file has none, and the tool does not read it (entities are not expanded)")
				x.c.Hint(e, "exporteer het model opnieuw uit Archi (Bestand › Exporteren › Model naar Open Exchange-bestand)", "export the model again from Archi (File › Export › Model to Open Exchange File)")
				return xml.StartElement{}, false
			}
		case xml.StartElement:
			if t.Name.Local == "model" && t.Name.Space == ExchangeNamespace {
				return t, true
			}
			x.foreignRoot(t)
			return xml.StartElement{}, false
		}
	}
}

func (x *xreader) foreignRoot(t xml.StartElement) {
	pos := x.pos()
	switch {
	case t.Name.Local == "model" && t.Name.Space == archiNS:
		e := x.c.Errorf(pos, "foreign", "dit is een Archi-modelbestand (.archimate), geen uitwisselbestand", "this is an Archi model file (.archimate), not an exchange file")
		x.c.Hint(e, "exporteer het uit Archi met Bestand › Exporteren › Model naar Open Exchange-bestand, of als CSV", "export it from Archi with File › Export › Model to Open Exchange File, or as CSV")
	case t.Name.Local == "model" && strings.HasPrefix(t.Name.Space, exchange2NS):
		e := x.c.Errorf(pos, "foreign", "dit is een uitwisselbestand van een andere ArchiMate-versie (namespace %s)", "this is an exchange file of another ArchiMate version (namespace %s)", t.Name.Space)
		x.c.Hint(e, "de tool leest ArchiMate 3.x (namespace %s)", "the tool reads ArchiMate 3.x (namespace %s)", ExchangeNamespace)
	default:
		e := x.c.Errorf(pos, "foreign", "dit is geen ArchiMate-uitwisselbestand: het hoofdelement is <%s>", "this is not an ArchiMate exchange file: the root element is <%s>", qname(t.Name))
		x.c.Hint(e, "verwacht wordt <model xmlns=\"%s\">, zoals Archi het exporteert", "expected is <model xmlns=\"%s\">, as Archi exports it", ExchangeNamespace)
	}
}

func attrOf(t xml.StartElement, space, local string) string {
	return (&node{attrs: t.Attr}).attr(space, local)
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Local + " xmlns=\"" + n.Space + "\""
}

// fail turns a decoder error into a diagnostic.
func (x *xreader) fail(err error) {
	pos := x.pos()
	var se *xml.SyntaxError
	switch {
	case errors.Is(err, errTooDeep):
		x.c.Errorf(pos, "depth", "de elementen zijn dieper dan %d niveaus genest; dat doet geen ArchiMate-uitwisselbestand", "elements are nested deeper than %d levels; no ArchiMate exchange file does that", maxDepth)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &se) && strings.Contains(se.Msg, "unexpected EOF"):
		e := x.c.Errorf(x.end(), "truncated", "het bestand houdt midden in het model op: het is afgebroken", "the file ends in the middle of the model: it is truncated")
		x.c.Hint(e, "exporteer of kopieer het bestand opnieuw", "export or copy the file again")
	case errors.As(err, &se):
		if se.Line != pos.Line {
			pos.Line, pos.Col = se.Line, 1
		}
		msg := se.Msg
		if entity, ok := strings.CutPrefix(msg, "invalid character entity "); ok {
			pos = x.find(se.Line, entity)
			e := x.c.Errorf(pos, "entity", "het bestand gebruikt de entiteit %s, die niet bestaat", "the file uses the entity %s, which does not exist", entity)
			x.c.Hint(e, "een uitwisselbestand gebruikt alleen &amp; &lt; &gt; &quot; &apos; en tekenverwijzingen", "an exchange file uses only &amp; &lt; &gt; &quot; &apos; and character references")
			return
		}
		x.c.Errorf(pos, "syntax", "geen geldige XML: %s", "not valid XML: %s", msg)
	case strings.Contains(err.Error(), "CharsetReader"):
		e := x.c.Errorf(pos, "encoding", "het bestand is niet in UTF-8: %v", "the file is not in UTF-8: %v", err)
		x.c.Hint(e, "Archi schrijft UTF-8; exporteer het model opnieuw", "Archi writes UTF-8; export the model again")
	default:
		x.c.Errorf(pos, "syntax", "kan het bestand niet lezen: %v", "cannot read the file: %v", err)
	}
}

// node is an XML element read into memory with its text and children.
type node struct {
	name  xml.Name
	attrs []xml.Attr
	text  strings.Builder
	kids  []*node
	pos   blueprint.Pos
}

func (n *node) attr(space, local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local && (a.Name.Space == space || space == "" && a.Name.Space == "") {
			return a.Value
		}
	}
	return ""
}

// kid returns the first child named local; for name and documentation, the
// Dutch one when there are several languages.
func (n *node) kid(local string) *node {
	var found *node
	for _, k := range n.kids {
		if k.name.Local != local {
			continue
		}
		if found == nil {
			found = k
		}
		if k.attr(xmlNS, "lang") == "nl" {
			return k
		}
	}
	return found
}

func (n *node) kidText(local string) string {
	if k := n.kid(local); k != nil {
		return k.text.String()
	}
	return ""
}

// tree reads the element that start began, with everything in it.
func (x *xreader) tree(start xml.StartElement, depth int) (*node, error) {
	n := &node{name: start.Name, attrs: start.Attr, pos: x.pos()}
	for {
		tok, err := x.d.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth+1 > maxDepth {
				return nil, errTooDeep
			}
			k, err := x.tree(t, depth+1)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, k)
		case xml.CharData:
			n.text.Write(t)
		case xml.EndElement:
			return n, nil
		}
	}
}

// skip reads past the element just started, with a depth limit.
func (x *xreader) skip(depth int) error {
	for {
		tok, err := x.d.Token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth+1 > maxDepth {
				return errTooDeep
			}
			if err := x.skip(depth + 1); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// exchangeModel is the state of reading one exchange file.
type exchangeModel struct {
	m     *Model
	defs  map[string]string // property definition id → name
	props []pendingProps
	rels  []pending
	known map[string]bool // identifiers of elements and relationships
	// elements counts the elements read; withoutID those without Object ID.
	elements, withoutID int
	undefined           int // property references to no definition
	undefinedPos        blueprint.Pos
	modelProps          *node
	elems               []*Element
}

type pendingProps struct {
	e *Element
	n *node
}

// each calls fn for every child element of the element just started, up
// to its end.
func (x *xreader) each(fn func(t xml.StartElement) error) error {
	for {
		tok, err := x.d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		}
	}
}

// model reads the children of the root element.
func (x *xreader) model(root xml.StartElement, r *exchangeModel) error {
	r.known = map[string]bool{}
	return x.each(func(t xml.StartElement) error {
		if t.Name.Space != ExchangeNamespace {
			return x.skip(1)
		}
		switch t.Name.Local {
		case "name", "documentation", "properties", "propertyDefinitions":
			n, err := x.tree(t, 1)
			if err != nil {
				return err
			}
			r.top(n)
			return nil
		case "elements", "relationships":
			return x.list(t.Name.Local, r)
		}
		return x.skip(1) // organizations, views, metadata
	})
}

// list reads the element or relationship children of elements or
// relationships one at a time.
func (x *xreader) list(kind string, r *exchangeModel) error {
	return x.each(func(t xml.StartElement) error {
		n, err := x.tree(t, 2)
		if err != nil {
			return err
		}
		if kind == "elements" && t.Name.Local == "element" {
			r.element(n)
		} else if kind == "relationships" && t.Name.Local == "relationship" {
			r.relationship(n)
		}
		return nil
	})
}

func (r *exchangeModel) top(n *node) {
	switch n.name.Local {
	case "name":
		if r.m.Name == "" {
			r.m.Name = n.text.String()
		}
	case "properties":
		r.modelProps = n
	case "propertyDefinitions":
		for _, k := range n.kids {
			if k.name.Local != "propertyDefinition" {
				continue
			}
			name := k.kidText("name")
			if name == "" {
				name = k.attr("", "name") // the 3.0 draft's attribute
			}
			r.defs[k.attr("", "identifier")] = name
		}
	}
}

// typeOf returns the xsi:type of n without a namespace prefix.
func typeOf(n *node) string {
	t := n.attr(xsiNS, "type")
	if i := strings.LastIndexByte(t, ':'); i >= 0 {
		t = t[i+1:]
	}
	return t
}

func (r *exchangeModel) element(n *node) {
	r.elements++
	e := &Element{ArchiID: n.attr("", "identifier"), Type: typeOf(n), Name: n.kidText("name"), Documentation: n.kidText("documentation")}
	e.Pos = n.pos
	r.known[e.ArchiID] = true
	r.props = append(r.props, pendingProps{e, n.kid("properties")})
	r.elems = append(r.elems, e)
}

func (r *exchangeModel) relationship(n *node) {
	rel := &Relation{ArchiID: n.attr("", "identifier"), Type: typeOf(n), Name: n.kidText("name")}
	r.known[rel.ArchiID] = true
	r.rels = append(r.rels, pending{rel: rel, source: n.attr("", "source"), target: n.attr("", "target"), pos: n.pos})
}

// properties resolves the property definitions of n's property children.
func (r *exchangeModel) properties(n *node) []Property {
	if n == nil {
		return nil
	}
	var out []Property
	for _, k := range n.kids {
		if k.name.Local != "property" {
			continue
		}
		ref := k.attr("", "propertyDefinitionRef")
		key, ok := r.defs[ref]
		if !ok {
			if r.undefined == 0 {
				r.undefinedPos = k.pos
			}
			r.undefined++
			continue
		}
		out = append(out, Property{Key: key, Value: k.kidText("value")})
	}
	return out
}

func (r *exchangeModel) finish(d *blueprint.Collector, name string) (*Model, blueprint.Diagnostics) {
	m := r.m
	for _, p := range r.properties(r.modelProps) {
		switch p.Key {
		case PropRelease:
			m.Release = p.Value
		case PropExtract:
			m.Extract = true
		}
	}
	for _, p := range r.props {
		p.e.Properties = r.properties(p.n)
		p.e.fromProperties()
		if p.e.ObjectID == "" {
			r.withoutID++
			continue
		}
		m.addElement(p.e)
	}
	if r.undefined > 0 {
		d.Warnf(r.undefinedPos, "property", "%d eigenschappen overgeslagen: ze verwijzen naar een eigenschapsdefinitie die niet in het bestand staat",
			"skipped %d properties that refer to a property definition not in the file", r.undefined)
	}
	resolve(d, m, r.rels, r.known)
	return finish(d, m, name, r.elements, r.withoutID)
}
