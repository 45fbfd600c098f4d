package site

import (
	"html/template"
	"net/url"
	"strings"
)

// Page is a further page of the site given as plain data: the extension
// point for reports made elsewhere, such as the verbeterplan and the
// visie. Its text is escaped like every journey text; it links to the
// site's own pages with Link.
type Page struct {
	// Name is the file name without .html, such as "verbeterplan":
	// letters, digits, - and _.
	Name string
	// Title is the page's heading and its entry in the menu.
	Title string
	// Intro holds the paragraphs under the heading.
	Intro    []string
	Sections []*Section
}

// Section is a part of a page: a heading with paragraphs, a list and a
// table, and sections under it.
type Section struct {
	// ID is the section's anchor (optional; letters, digits, - and _).
	ID         string
	Heading    string
	Paragraphs []string
	// List is a bulleted list; each item is a line of text and links.
	List     [][]Text
	Table    *Table
	Sections []*Section
}

// Table is a table with a header row.
type Table struct {
	Caption string
	Head    []string
	Rows    [][][]Text // rows of cells; a cell is a line of text and links
}

// Text is a piece of text, a link when Link is set.
type Text struct {
	Text string
	Link *Link
}

// Link points at a page of the site, or at a web address. Set one of
// the groups: Journey (with Step for a step on its page, or Action for
// one of its verbeteracties), Requirement, Persona, Page (with Anchor for
// the section of that id), Download (a file of Site.Downloads), or URL
// (http and https only).
type Link struct {
	Journey, Step, Action string
	Requirement           string
	Persona               string
	Page, Anchor          string
	Download              string
	URL                   string
}

// href returns the link relative to a page whose path to the root is
// root ("" or "../"), and false for a link to nothing the site has.
func (b *Builder) href(root string, l *Link) (string, bool) {
	switch {
	case l == nil:
		return "", false
	case l.Journey != "":
		if b.journeys[l.Journey] == nil {
			return "", false
		}
		h := root + JourneyPath(l.Journey)
		switch {
		case l.Step != "":
			h += "#" + StepAnchor(l.Step)
		case l.Action != "":
			h += "#" + ActionAnchor(l.Action)
		}
		return h, true
	case l.Requirement != "":
		if b.reqs[l.Requirement] == nil {
			return "", false
		}
		return root + "eisen.html#" + l.Requirement, true
	case l.Persona != "":
		if b.personas[l.Persona] == nil {
			return "", false
		}
		return root + PersonaPath(l.Persona), true
	case l.Page != "":
		for _, p := range b.pages {
			if p.Name == l.Page {
				h := root + PagePath(p.Name)
				if safeName.MatchString(l.Anchor) {
					h += "#" + l.Anchor
				}
				return h, true
			}
		}
		return "", false
	case l.Download != "":
		for _, d := range b.s.Downloads {
			if d.Name == l.Download {
				return root + DownloadPath(d.Name), true
			}
		}
		return "", false
	case l.URL != "":
		u, err := url.Parse(l.URL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return "", false
		}
		return u.String(), true
	}
	return "", false
}

// section is a Section ready for the template.
type section struct {
	ID         string
	Heading    string
	Level      int // 2 for a section of a page, 3 under it, at most 6
	Paragraphs []string
	List       []template.HTML
	Table      *table
	Sections   []*section
}

type table struct {
	Caption string
	Head    []string
	Rows    [][]template.HTML
}

func (b *Builder) sections(root string, in []*Section, level int) []*section {
	var out []*section
	for _, s := range in {
		o := &section{Heading: s.Heading, Level: min(level, 6), Paragraphs: s.Paragraphs}
		if safeName.MatchString(s.ID) {
			o.ID = s.ID
		}
		for _, item := range s.List {
			o.List = append(o.List, b.inline(root, item))
		}
		if s.Table != nil {
			t := &table{Caption: s.Table.Caption, Head: s.Table.Head}
			for _, r := range s.Table.Rows {
				var row []template.HTML
				for _, c := range r {
					row = append(row, b.inline(root, c))
				}
				t.Rows = append(t.Rows, row)
			}
			o.Table = t
		}
		o.Sections = b.sections(root, s.Sections, level+1)
		out = append(out, o)
	}
	return out
}

// inline writes texts and links as HTML, every text escaped. A link to
// something the site does not have is written as plain text.
func (b *Builder) inline(root string, texts []Text) template.HTML {
	var sb strings.Builder
	for _, t := range texts {
		if h, ok := b.href(root, t.Link); ok {
			sb.WriteString(`<a href="`)
			sb.WriteString(template.HTMLEscapeString(h))
			sb.WriteString(`">`)
			sb.WriteString(template.HTMLEscapeString(t.Text))
			sb.WriteString(`</a>`)
			continue
		}
		sb.WriteString(template.HTMLEscapeString(t.Text))
	}
	return template.HTML(sb.String())
}
