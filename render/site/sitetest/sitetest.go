// Package sitetest checks a journey site the way a browser and a careful
// reader would, for the tests of render/site and of the CLI: every page
// parses as HTML, every link inside the site resolves (the file and the
// #fragment), every page has the Content-Security-Policy, the only
// scripts are the site's own files and its JSON data, and no element
// carries an event handler or a javascript: address, whatever text the
// journeys hold.
package sitetest

import (
	"encoding/json"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Page is a parsed page of the site.
type Page struct {
	Name string
	Doc  *html.Node
	IDs  map[string]bool
}

// Site is the parsed site: its files and its pages.
type Site struct {
	Files map[string][]byte
	Pages map[string]*Page
}

// ReadDir reads every file under dir into a map of slash names.
func ReadDir(tb testing.TB, dir string) map[string][]byte {
	tb.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// Check parses every page of files and checks the site (see the package
// comment). It reports every problem, then returns the parsed site.
func Check(tb testing.TB, files map[string][]byte) *Site {
	tb.Helper()
	s := &Site{Files: files, Pages: map[string]*Page{}}
	var names []string
	for n := range files {
		if strings.HasSuffix(n, ".html") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		tb.Fatal("the site has no pages")
	}
	for _, n := range names {
		doc, err := html.Parse(strings.NewReader(string(files[n])))
		if err != nil {
			tb.Errorf("%s: not HTML: %v", n, err)
			continue
		}
		p := &Page{Name: n, Doc: doc, IDs: map[string]bool{}}
		Walk(doc, func(e *html.Node) {
			if id := Attr(e, "id"); id != "" {
				p.IDs[id] = true
			}
		})
		s.Pages[n] = p
	}
	for _, n := range names {
		if p := s.Pages[n]; p != nil {
			s.checkPage(tb, p)
		}
	}
	return s
}

func (s *Site) checkPage(tb testing.TB, p *Page) {
	tb.Helper()
	csp := false
	Walk(p.Doc, func(e *html.Node) {
		for _, a := range e.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				tb.Errorf("%s: <%s> has an event handler %s=%q", p.Name, e.Data, a.Key, a.Val)
			}
			if (a.Key == "href" || a.Key == "src" || a.Key == "action" || a.Key == "xlink:href") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				tb.Errorf("%s: <%s %s=%q>", p.Name, e.Data, a.Key, a.Val)
			}
		}
		switch e.Data {
		case "meta":
			if strings.EqualFold(Attr(e, "http-equiv"), "Content-Security-Policy") {
				c := Attr(e, "content")
				csp = strings.Contains(c, "script-src 'self'") && !strings.Contains(c, "unsafe-inline") && !strings.Contains(c, "unsafe-eval")
			}
			if strings.EqualFold(Attr(e, "http-equiv"), "refresh") {
				tb.Errorf("%s: a meta refresh", p.Name)
			}
		case "script":
			switch {
			case Attr(e, "src") != "":
				if !strings.HasSuffix(Attr(e, "src"), ".js") || strings.Contains(Attr(e, "src"), "//") {
					tb.Errorf("%s: script from %q", p.Name, Attr(e, "src"))
				}
				if Text(e) != "" {
					tb.Errorf("%s: a script with src has content", p.Name)
				}
			case Attr(e, "type") == "application/json":
				var v any
				if err := json.Unmarshal([]byte(Text(e)), &v); err != nil {
					tb.Errorf("%s: the JSON data #%s does not parse: %v", p.Name, Attr(e, "id"), err)
				}
			default:
				tb.Errorf("%s: an inline script: %.80q", p.Name, Text(e))
			}
		case "iframe", "object", "embed", "base", "form", "img", "foreignObject", "foreignobject", "style":
			if e.Data == "form" && Attr(e, "id") == "zoeken" {
				return // the index's own search form
			}
			tb.Errorf("%s: an element <%s> the site never writes", p.Name, e.Data)
		}
		for _, key := range []string{"href", "src"} {
			if v := Attr(e, key); v != "" {
				s.checkLink(tb, p, e.Data, v)
			}
		}
	})
	if !csp {
		tb.Errorf("%s: no Content-Security-Policy that keeps inline scripts out", p.Name)
	}
}

// checkLink checks that a link inside the site names a file it has, and
// a fragment that file has.
func (s *Site) checkLink(tb testing.TB, p *Page, tag, ref string) {
	tb.Helper()
	u, err := url.Parse(ref)
	if err != nil {
		tb.Errorf("%s: <%s> link %q does not parse", p.Name, tag, ref)
		return
	}
	if u.Scheme != "" || u.Host != "" {
		if u.Scheme != "https" && u.Scheme != "http" {
			tb.Errorf("%s: <%s> link %q", p.Name, tag, ref)
		}
		return // outside the site
	}
	target := p.Name
	if u.Path != "" {
		if strings.HasPrefix(u.Path, "/") {
			tb.Errorf("%s: <%s> link %q is absolute; the site must work from any folder", p.Name, tag, ref)
			return
		}
		target = path.Clean(path.Join(path.Dir(p.Name), u.Path))
	}
	if _, ok := s.Files[target]; !ok {
		tb.Errorf("%s: <%s> link %q: %s does not exist", p.Name, tag, ref, target)
		return
	}
	if u.Fragment == "" {
		return
	}
	tp := s.Pages[target]
	if tp == nil {
		tb.Errorf("%s: link %q has a fragment into a file that is not a page", p.Name, ref)
		return
	}
	if target == "index.html" && strings.Contains(u.Fragment, "=") {
		return // the index's filters (#eis=…), read by its script
	}
	if !tp.IDs[u.Fragment] {
		tb.Errorf("%s: link %q: %s has no id %q", p.Name, ref, target, u.Fragment)
	}
}

// Walk calls f for every element under n, in document order.
func Walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		Walk(c, f)
	}
}

// Attr returns the value of an attribute of e ("" when it has none).
func Attr(e *html.Node, key string) string {
	for _, a := range e.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Text returns the text under n, as a browser's textContent.
func Text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// Find returns the elements under n for which match is true.
func Find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	Walk(n, func(e *html.Node) {
		if match(e) {
			out = append(out, e)
		}
	})
	return out
}

// ByTag matches elements by tag name.
func ByTag(tag string) func(*html.Node) bool {
	return func(e *html.Node) bool { return e.Data == tag }
}
