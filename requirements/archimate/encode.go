package archimate

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Namespaces and the schema location of the Open Group ArchiMate 3.1 Model
// Exchange File Format, as Archi writes them.
const (
	Namespace      = "http://www.opengroup.org/xsd/archimate/3.0/"
	SchemaLocation = "http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
	xsiNamespace   = "http://www.w3.org/2001/XMLSchema-instance"
)

// Encode writes m as an Open Group ArchiMate 3.1 exchange file, in the
// order the schema asks (name, documentation, properties, elements,
// relationships, organizations, property definitions, views) and the way
// Archi's exporter writes it. Property definitions are numbered in order of
// first use. The same model gives the same bytes.
func Encode(w io.Writer, m *Model) error {
	e := &encoder{b: bufio.NewWriter(w), lang: m.Lang, defs: map[string]string{}}
	e.collectDefs(m)
	e.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	e.raw(fmt.Sprintf(`<model xmlns="%s" xmlns:xsi="%s" xsi:schemaLocation="%s %s" identifier="%s">`+"\n",
		Namespace, xsiNamespace, Namespace, SchemaLocation, attr(m.ID)))
	e.text(1, "name", m.Name, true)
	e.text(1, "documentation", m.Documentation, false)
	e.properties(1, m.Properties)
	e.open(1, "elements")
	for _, el := range m.Elements {
		e.line(2, fmt.Sprintf(`<element identifier="%s" xsi:type="%s">`, attr(el.ID), attr(el.Type)))
		e.text(3, "name", el.Name, true)
		e.text(3, "documentation", el.Documentation, false)
		e.properties(3, el.Properties)
		e.line(2, "</element>")
	}
	e.close(1, "elements")
	if len(m.Relations) > 0 {
		e.open(1, "relationships")
		for _, r := range m.Relations {
			extra := ""
			if r.AccessType != "" {
				extra = fmt.Sprintf(` accessType="%s"`, attr(r.AccessType))
			}
			start := fmt.Sprintf(`<relationship identifier="%s" source="%s" target="%s" xsi:type="%s"%s`, attr(r.ID), attr(r.Source.ID), attr(r.Target.ID), attr(r.Type), extra)
			if r.Name == "" && r.Documentation == "" && len(r.Properties) == 0 {
				e.line(2, start+"/>")
				continue
			}
			e.line(2, start+">")
			e.text(3, "name", r.Name, false)
			e.text(3, "documentation", r.Documentation, false)
			e.properties(3, r.Properties)
			e.line(2, "</relationship>")
		}
		e.close(1, "relationships")
	}
	if len(m.Folders) > 0 {
		e.open(1, "organizations")
		for _, f := range m.Folders {
			e.folder(2, f)
		}
		e.close(1, "organizations")
	}
	if len(e.order) > 0 {
		e.open(1, "propertyDefinitions")
		for _, key := range e.order {
			e.line(2, fmt.Sprintf(`<propertyDefinition identifier="%s" type="string">`, e.defs[key]))
			e.text(3, "name", key, true)
			e.line(2, "</propertyDefinition>")
		}
		e.close(1, "propertyDefinitions")
	}
	if len(m.Views) > 0 {
		e.open(1, "views")
		e.open(2, "diagrams")
		for _, v := range m.Views {
			e.view(3, v)
		}
		e.close(2, "diagrams")
		e.close(1, "views")
	}
	e.raw("</model>\n")
	if e.err != nil {
		return e.err
	}
	return e.b.Flush()
}

type encoder struct {
	b     *bufio.Writer
	err   error
	lang  string
	defs  map[string]string // key → propid-N
	order []string
}

func (e *encoder) raw(s string) {
	if e.err == nil {
		_, e.err = e.b.WriteString(s)
	}
}

func (e *encoder) line(depth int, s string)    { e.raw(strings.Repeat("  ", depth) + s + "\n") }
func (e *encoder) open(depth int, tag string)  { e.line(depth, "<"+tag+">") }
func (e *encoder) close(depth int, tag string) { e.line(depth, "</"+tag+">") }

// text writes <tag xml:lang="…">text</tag>; nothing for empty text unless
// mandatory.
func (e *encoder) text(depth int, tag, text string, mandatory bool) {
	if text == "" && !mandatory {
		return
	}
	lang := ""
	if e.lang != "" {
		lang = fmt.Sprintf(` xml:lang="%s"`, e.lang)
	}
	e.line(depth, fmt.Sprintf("<%s%s>%s</%s>", tag, lang, escape(text), tag))
}

func (e *encoder) collectDefs(m *Model) {
	add := func(ps []Property) {
		for _, p := range ps {
			if _, ok := e.defs[p.Key]; !ok {
				e.order = append(e.order, p.Key)
				e.defs[p.Key] = fmt.Sprintf("propid-%d", len(e.order))
			}
		}
	}
	add(m.Properties)
	for _, el := range m.Elements {
		add(el.Properties)
	}
	for _, r := range m.Relations {
		add(r.Properties)
	}
}

func (e *encoder) properties(depth int, ps []Property) {
	if len(ps) == 0 {
		return
	}
	e.open(depth, "properties")
	for _, p := range ps {
		e.line(depth+1, fmt.Sprintf(`<property propertyDefinitionRef="%s">`, e.defs[p.Key]))
		e.text(depth+2, "value", p.Value, true)
		e.line(depth+1, "</property>")
	}
	e.close(depth, "properties")
}

func (e *encoder) folder(depth int, f *Folder) {
	e.open(depth, "item")
	e.text(depth+1, "label", f.Label, true)
	for _, el := range f.Elements {
		e.line(depth+1, fmt.Sprintf(`<item identifierRef="%s"/>`, attr(el.ID)))
	}
	for _, r := range f.Relations {
		e.line(depth+1, fmt.Sprintf(`<item identifierRef="%s"/>`, attr(r.ID)))
	}
	for _, v := range f.Views {
		e.line(depth+1, fmt.Sprintf(`<item identifierRef="%s"/>`, attr(v.ID)))
	}
	for _, sub := range f.Folders {
		e.folder(depth+1, sub)
	}
	e.close(depth, "item")
}

func (e *encoder) view(depth int, v *View) {
	e.line(depth, fmt.Sprintf(`<view identifier="%s" xsi:type="Diagram">`, attr(v.ID)))
	e.text(depth+1, "name", v.Name, true)
	e.text(depth+1, "documentation", v.Documentation, false)
	for _, n := range v.Nodes {
		e.node(depth+1, n)
	}
	for _, c := range v.Connections {
		start := fmt.Sprintf(`<connection identifier="%s" relationshipRef="%s" xsi:type="Relationship" source="%s" target="%s"`, attr(c.ID), attr(c.Relation.ID), attr(c.Source.ID), attr(c.Target.ID))
		if len(c.Bendpoints) == 0 {
			e.line(depth+1, start+"/>")
			continue
		}
		e.line(depth+1, start+">")
		for _, p := range c.Bendpoints {
			e.line(depth+2, fmt.Sprintf(`<bendpoint x="%d" y="%d"/>`, p.X, p.Y))
		}
		e.line(depth+1, "</connection>")
	}
	e.line(depth, "</view>")
}

func (e *encoder) node(depth int, n *Node) {
	bounds := fmt.Sprintf(`x="%d" y="%d" w="%d" h="%d"`, n.X, n.Y, n.W, n.H)
	switch n.Kind {
	case NodeElement:
		e.line(depth, fmt.Sprintf(`<node identifier="%s" elementRef="%s" xsi:type="Element" %s>`, attr(n.ID), attr(n.Element.ID), bounds))
	case NodeLabel:
		e.line(depth, fmt.Sprintf(`<node identifier="%s" xsi:type="Label" %s>`, attr(n.ID), bounds))
		e.text(depth+1, "label", n.Label, true)
	case NodeContainer:
		e.line(depth, fmt.Sprintf(`<node identifier="%s" xsi:type="Container" %s>`, attr(n.ID), bounds))
		e.text(depth+1, "label", n.Label, true)
	}
	if n.Fill != nil || n.Line != nil || n.FontSize > 0 || n.Bold {
		e.open(depth+1, "style")
		if n.Line != nil {
			e.line(depth+2, fmt.Sprintf(`<lineColor r="%d" g="%d" b="%d"/>`, n.Line.R, n.Line.G, n.Line.B))
		}
		if n.Fill != nil {
			e.line(depth+2, fmt.Sprintf(`<fillColor r="%d" g="%d" b="%d"/>`, n.Fill.R, n.Fill.G, n.Fill.B))
		}
		if n.FontSize > 0 || n.Bold {
			f := `<font`
			if n.FontSize > 0 {
				f += fmt.Sprintf(` size="%d"`, n.FontSize)
			}
			if n.Bold {
				f += ` style="bold"`
			}
			e.line(depth+2, f+"/>")
		}
		e.close(depth+1, "style")
	}
	for _, k := range n.Children {
		e.node(depth+1, k)
	}
	e.line(depth, "</node>")
}

// escape escapes text for an element's content, keeping newlines and
// dropping the characters XML 1.0 does not allow.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\r':
			// Archi writes \n; a \r would come back as \n anyway.
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			// not allowed in XML 1.0
		default:
			switch r {
			case '&':
				b.WriteString("&amp;")
			case '<':
				b.WriteString("&lt;")
			case '>':
				b.WriteString("&gt;")
			default:
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// attr escapes text for an attribute value.
func attr(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return ""
	}
	return b.String()
}
