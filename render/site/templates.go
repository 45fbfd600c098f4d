package site

import (
	"bytes"
	"embed"
	"html/template"
	"strconv"
	"strings"
)

//go:embed templates/*.gohtml
var templateFiles embed.FS

//go:embed assets
var assets embed.FS

// assetNames are the files of assets/ every site gets. live.js is only
// loaded by the pages of the live preview, but written always, so a
// site's files do not depend on how it was made.
var assetNames = []string{"site.css", "site.js", "live.js", "icon.svg"}

type templates struct{ t *template.Template }

// parseTemplates parses the pages' templates with the site's language:
// t picks the Dutch or English text, plural writes "1 stap", "3 stappen".
func parseTemplates(b *Builder) (*templates, error) {
	funcs := template.FuncMap{
		"t": b.t,
		"plural": func(n int, nl1, nlN, en1, enN string) string {
			return plural(b, n, nl1, nlN, en1, enN)
		},
		"join": strings.Join,
		// cardhead is a heading of a persona's card: h4 in a card on
		// another page, h2 on the persona's own page.
		"cardhead": func(own bool, class, text string) map[string]any {
			return map[string]any{"Own": own, "Class": class, "Text": text}
		},
		"itoa": strconv.Itoa,
	}
	t, err := template.New("site").Funcs(funcs).ParseFS(templateFiles, "templates/*.gohtml")
	if err != nil {
		return nil, err
	}
	return &templates{t: t}, nil
}

// writePage executes the layout for p and writes the result as name.
func (b *Builder) writePage(fs FS, name string, p *page) error {
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := b.tmpl.t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return err
	}
	return fs.WriteFile(name, buf.Bytes())
}
