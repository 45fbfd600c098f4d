package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWrap checks wrapping on the cases a journey file brings: ordinary
// sentences, a word longer than the box (a URL), paragraph breaks, tabs
// and runs of spaces.
func TestWrap(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
		want  []string
	}{
		{"Belt het KCC en vraagt hoe het staat", 120, []string{"Belt het KCC en vraagt", "hoe het staat"}},
		{"kort", 120, []string{"kort"}},
		{"", 120, nil},
		{"  spaties \t en\ttabs  ", 200, []string{"spaties en tabs"}},
		{"eerste alinea\n\ntweede alinea", 200, []string{"eerste alinea", "tweede alinea"}},
	} {
		if got := wrap(c.text, c.width, fsBody, false); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrap(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
	// A word wider than the box is broken between letters, every piece as
	// full as fits.
	url := "https://www.gemeente.nl/producten/verhuizing-doorgeven-binnen-de-gemeente"
	lines := wrap(url, 120, fsBody, false)
	if strings.Join(lines, "") != url || len(lines) != 3 {
		t.Errorf("the URL wraps to %q", lines)
	}
	for i, l := range lines {
		w := textWidth(l, fsBody, false)
		if w > 120 || (i < len(lines)-1 && w+textWidth(lines[i+1][:1], fsBody, false) <= 120) {
			t.Errorf("URL piece %q is %.1f wide: too wide, or could take the next letter", l, w)
		}
	}
}

// FuzzWrap checks for any text that wrapping keeps every character that
// is not a space, in order, and that every line fits unless it is a single
// character wider than the box.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{"Belt het KCC en vraagt hoe het staat", "één\ttwee  drie\n\nvier", "<script>alert(1)</script>", "ﷺ𝒳 emoji 🙂 en een heel-lang-woord-zonder-spaties-erin", "\x00\r\n"} {
		f.Add(s, 60.0)
	}
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width < 1 || width > 1000 {
			return
		}
		lines := wrap(text, width, fsBody, false)
		strip := func(s string) string {
			return strings.Map(func(r rune) rune {
				if r == ' ' || r == '\n' || r == '\t' || r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x85 || r == 0xa0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200a) || r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000 {
					return -1
				}
				return r
			}, s)
		}
		if got, want := strip(strings.Join(lines, "")), strip(clean(text)); got != want {
			t.Fatalf("wrap lost text: %q → %q", want, got)
		}
		for _, l := range lines {
			if textWidth(l, fsBody, false) > width && utf8.RuneCountInString(l) > 1 {
				t.Fatalf("line %q is %.1f wide, more than %.1f", l, textWidth(l, fsBody, false), width)
			}
		}
	})
}
