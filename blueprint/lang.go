package blueprint

import "fmt"

// Lang is the language of what users read: diagnostics, labels, documents.
// The zero value means Dutch, the default for a Dutch gemeente.
type Lang string

const (
	// Dutch is the default language.
	Dutch Lang = "nl"
	// English is chosen with --lang en.
	English Lang = "en"
)

// ParseLang accepts "nl", "en" or "" (Dutch).
func ParseLang(s string) (Lang, error) {
	switch s {
	case "", "nl":
		return Dutch, nil
	case "en":
		return English, nil
	}
	return Dutch, fmt.Errorf("unknown language %q: use nl or en", s)
}

// Or returns l, or fallback when l is empty.
func (l Lang) Or(fallback Lang) Lang {
	if l == "" {
		return fallback
	}
	return l
}

// tr picks the Dutch or English text.
func tr(lang Lang, nl, en string) string {
	if lang == English {
		return en
	}
	return nl
}

// T picks the Dutch or English text for lang; renderers and exporters use
// it for their own labels.
func T(lang Lang, nl, en string) string { return tr(lang, nl, en) }
