package archimate

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Model is the content of an exchange file: a neutral structure that Build
// makes and Encode writes.
type Model struct {
	ID            string
	Name          string
	Documentation string
	// Lang is the xml:lang of names and documentation ("nl" or "en").
	Lang       string
	Properties []Property
	Elements   []*Element
	Relations  []*Relation
	// Folders are the organizations: the folder tree an architect sees in
	// Archi's model tree. The top level names Archi's own folders.
	Folders []*Folder
	Views   []*View
}

// Property is a key and value. Keys become property definitions.
type Property struct {
	Key, Value string
}

// Element is an ArchiMate element.
type Element struct {
	ID string
	// Type is the exchange format's type: BusinessProcess,
	// ApplicationComponent, Requirement, ...
	Type          string
	Name          string
	Documentation string
	Properties    []Property
}

// Relation is an ArchiMate relationship.
type Relation struct {
	ID string
	// Type is the exchange format's type: Composition, Triggering,
	// Serving, Realization, Association, ...
	Type           string
	Source, Target *Element
	Name           string
	Documentation  string
	Properties     []Property
	// AccessType is set for an Access relationship: Read, Write, Access or
	// ReadWrite.
	AccessType string
}

// Folder is an item of the organizations: a folder with a label, holding
// elements, relations, views and sub-folders.
type Folder struct {
	Label     string
	Elements  []*Element
	Relations []*Relation
	Views     []*View
	Folders   []*Folder
}

// View is a diagram.
type View struct {
	ID, Name, Documentation string
	Nodes                   []*Node
	Connections             []*Connection
}

// NodeKind is what a node shows.
type NodeKind int

// Kinds of node.
const (
	NodeElement   NodeKind = iota // an ArchiMate element
	NodeLabel                     // a note (text only)
	NodeContainer                 // a visual group, holding nodes
)

// Node is a box of a view, in absolute coordinates (as the exchange format
// writes them, also for nested nodes).
type Node struct {
	ID         string
	Kind       NodeKind
	Element    *Element // NodeElement
	Label      string   // NodeLabel and NodeContainer
	X, Y, W, H int
	Fill, Line *RGB
	// FontSize (points) and Bold style a label; zero means the tool's
	// default.
	FontSize int
	Bold     bool
	Children []*Node
}

// Right and Bottom are the node's far edges.
func (n *Node) Right() int  { return n.X + n.W }
func (n *Node) Bottom() int { return n.Y + n.H }

// Connection is a line of a view that shows a relationship.
type Connection struct {
	ID             string
	Relation       *Relation
	Source, Target *Node
	// Bendpoints are in absolute coordinates.
	Bendpoints []Point
}

// Point is a position in a view.
type Point struct{ X, Y int }

// RGB is a colour.
type RGB struct{ R, G, B uint8 }

// ID makes an identifier of the export from its parts: "bp." and the parts
// joined with dots. Parts that are ids of the journey format (letters,
// digits, - and _) stay readable; anything else is replaced by _ and the id
// gets a short hash, so that it stays unique and a valid xs:ID (an XML
// NCName).
func ID(parts ...string) string {
	var b strings.Builder
	b.WriteString("bp")
	changed := false
	for _, p := range parts {
		b.WriteByte('.')
		for _, r := range p {
			if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				b.WriteRune(r)
			} else {
				b.WriteByte('_')
				changed = true
			}
		}
	}
	if changed {
		sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
		b.WriteString("." + hex.EncodeToString(sum[:4]))
	}
	return b.String()
}

// GemmaID returns the identifier of a copy of a GEMMA element in the
// export: its Archi id, so that Archi's Import › Another Model Into
// Selected Model recognises it as the same element; an Archi id that is
// not a valid xs:ID gets Archi's own prefix "id-" (as Archi's exporter
// does), and any other character that is not allowed becomes _.
func GemmaID(archiID string) string {
	if archiID == "" {
		return ""
	}
	if IsNCName(archiID) {
		return archiID
	}
	id := archiID
	if c := id[0]; c >= '0' && c <= '9' || c == '-' || c == '.' {
		id = "id-" + id
	}
	if IsNCName(id) {
		return id
	}
	var b strings.Builder
	for _, r := range id {
		if isNameChar(r) {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// IsNCName reports whether s is an XML NCName, the lexical space of xs:ID:
// a letter or _ first, then letters, digits, ., - and _ (ASCII here;
// non-ASCII letters are allowed by XML but not written by this package).
func IsNCName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if i == 0 && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_') {
			return false
		}
		if !isNameChar(r) {
			return false
		}
	}
	return true
}

func isNameChar(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.'
}
