package blueprint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNestingLimit: the pre-scan refuses what nests deeper than
// MaxNesting, at the bracket or key that goes too deep, and accepts
// everything shallower, however the brackets are hidden in strings and
// comments.
func TestNestingLimit(t *testing.T) {
	deep := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "1" + strings.Repeat(close, n)
	}
	for _, c := range []struct {
		name, src string
		want      string // offset as "line:col", or "" for accepted
	}{
		{"16 arrays", "x = " + deep("[", "]", 16) + "\n", ""},
		{"17 arrays", "x = " + deep("[", "]", 17) + "\n", "1:21"},
		{"16 inline tables", "x = " + deep("{a = ", "}", 16) + "\n", ""},
		{"17 inline tables", "\n\nx = " + deep("{a = ", "}", 17) + "\n", "3:85"},
		{"arrays of tables", "x = [{a = [{b = [1]}]}]\n", ""},
		{"over several lines", "x = [\n" + strings.Repeat("  [\n", 17) + "1" + strings.Repeat("]", 17) + "]\n", "17:3"},
		{"brackets in strings", `x = "` + strings.Repeat("[", 40) + `"` + "\ny = '" + strings.Repeat("{", 40) + "'\n", ""},
		{"brackets in multi-line strings", "x = \"\"\"\n" + strings.Repeat("[", 40) + "\n\"\"\"\ny = '''" + strings.Repeat("[", 40) + "'''\n", ""},
		{"escaped quote", `x = "\"[[[[[[[[[[[[[[[[[[[[[[[["` + "\n", ""},
		{"brackets in comments", "# " + strings.Repeat("[", 40) + "\nx = [ # " + strings.Repeat("{", 40) + "\n 1]\n", ""},
		{"16 key parts", strings.Repeat("a.", 15) + "a = 1\n[" + strings.Repeat("b.", 15) + "b]\n", ""},
		{"17 key parts", strings.Repeat("a.", 16) + "a = 1\n", "1:1"},
		{"17 parts in a header", "[[" + strings.Repeat("b.", 16) + "b]]\n", "1:3"},
		{"17 parts in an inline table", "x = { " + strings.Repeat("b.", 16) + "b = 1 }\n", "1:7"},
		{"dots in quoted keys", `"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r" = 1` + "\n", ""},
		{"dots in values", "x = 1.5\ny = 2026-01-01T10:00:00.000\nz = [1.1, 2.2]\n", ""},
		{"byte-order mark", "\uFEFFx = " + deep("[", "]", 17) + "\n", "1:21"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := checkNesting([]byte(c.src))
			if c.want == "" {
				require.Nil(t, e, "refused at offset %d", func() int {
					if e != nil {
						return e.off
					}
					return 0
				}())
				var v map[string]any
				_, err := toml.Decode(c.src, &v)
				require.NoError(t, err, "the case is valid TOML")
				return
			}
			require.NotNil(t, e)
			p := posOfOffset("f.toml", []byte(c.src), e.off)
			assert.Equal(t, c.want, fmt.Sprintf("%d:%d", p.Line, p.Col))
		})
	}
}

// FuzzNesting: a valid TOML text whose tree is at most MaxNesting deep is
// never refused by the pre-scan (the pre-scan counts parts of one key and
// brackets of one value, both at most the depth of the tree).
func FuzzNesting(f *testing.F) {
	files, _ := filepath.Glob("../examples/*.toml")
	for _, name := range files {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("x = [[1], [2, [3]]]\ny = {a.b = {c = '[{'}}\n"))
	f.Add([]byte("a = \"\"\"\n[[[\"\"\"\"\"\n[b.c]\nd = [ # [[[\n]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var v map[string]any
		if _, err := toml.Decode(string(src), &v); err != nil {
			return
		}
		if treeDepth(v) <= MaxNesting && checkNesting(src) != nil {
			t.Fatalf("refused a tree %d deep", treeDepth(v))
		}
	})
}

// treeDepth is the depth of a decoded TOML value: tables and arrays count
// one level each.
func treeDepth(v any) int {
	d := 0
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			d = max(d, treeDepth(e))
		}
		return d + 1
	case []map[string]any:
		for _, e := range x {
			d = max(d, treeDepth(e))
		}
		return d + 1
	case []any:
		for _, e := range x {
			d = max(d, treeDepth(e))
		}
		return d + 1
	}
	return 0
}

// starterWith returns the starter journey with replacements made.
func starterWith(t *testing.T, pairs ...string) string {
	t.Helper()
	src := string(StarterJourney("Johan", "johan.toml"))
	for i := 0; i+1 < len(pairs); i += 2 {
		require.Contains(t, src, pairs[i])
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}

func TestTextLimitsAndCharacters(t *testing.T) {
	long := strings.Repeat("lang ", 8000) // 40,000 characters
	src := starterWith(t,
		`titel = "Johan belt het KCC"`, `titel = "`+long+`"`,
		`knelpunten = ["Het antwoord staat verspreid over drie pagina's"]`, `knelpunten = ["`+strings.Repeat("é", MaxText+1)+`", "ok"]`,
		`klantactie = "Belt en stelt de vraag"`, `klantactie = "Belt \uFFFE en \u001b[31m stelt de vraag"`,
	)
	_, diags := Load("j.toml", []byte(src), Options{})
	var got []string
	for _, d := range diags {
		got = append(got, d.Code+": "+d.Summary)
	}
	assert.Equal(t, []string{
		"too-long: knelpunten is 2001 tekens lang; hoogstens 2000",
		"too-long: titel is 40000 tekens lang; hoogstens 200",
		"invalid-char: tekst bevat het teken U+FFFE, dat niet in een document mag staan",
	}, got)
	// positions point at the values
	assert.Equal(t, "knelpunten = [", sourceAt(src, diags[0].Pos, 14))
	assert.Equal(t, "titel = ", sourceAt(src, diags[1].Pos, 8))
	assert.Equal(t, "klantactie = ", sourceAt(src, diags[2].Pos, 13))
}

// sourceAt returns the n characters of src before pos, on its line.
func sourceAt(src string, pos Pos, n int) string {
	line, _ := sourceLine([]byte(src), pos.Line)
	r := []rune(line)
	return string(r[max(0, pos.Col-1-n) : pos.Col-1])
}

func TestForbiddenCharacters(t *testing.T) {
	for _, r := range []rune{0, 7, 0x1b, 0x7f, 0x85, 0x9b, 0xFDD0, 0xFFFE, 0xFFFF, 0x1FFFF} {
		got, ok := forbiddenChar("a" + string(r) + "b")
		assert.True(t, ok, "%U", r)
		assert.Equal(t, r, got)
	}
	for _, s := range []string{"tab\tnewline\ncr\r", "Désirée ©", "emoji 🙂", "\u202e bidi is text", "中文", "\uFFFD"} {
		_, ok := forbiddenChar(s)
		assert.False(t, ok, "%q", s)
	}
}

// TestForbiddenCharASCII checks that forbiddenChar, which reads ASCII byte
// by byte, finds what reading by character (forbiddenRune) finds, for
// every character after ASCII and before it, and for bytes that are no
// UTF-8.
func TestForbiddenCharASCII(t *testing.T) {
	check := func(s string) {
		r, ok := forbiddenChar(s)
		wr, wok := forbiddenRune(s)
		if r != wr || ok != wok {
			t.Fatalf("%q: %U %v, reading by character %U %v", s, r, ok, wr, wok)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		check("ab" + string(r) + "c")
		check(string(r) + "\x01")
	}
	for b := range 256 {
		check("x" + string([]byte{byte(b)}) + "\x7f")
	}
}

func TestListLimit(t *testing.T) {
	entries := strings.TrimSuffix(strings.Repeat(`"x", `, MaxListLength+5), ", ")
	src := starterWith(t, `knelpunten = ["Het antwoord staat verspreid over drie pagina's"]`, "knelpunten = ["+entries+"]")
	_, diags := Load("j.toml", []byte(src), Options{})
	require.Len(t, diags, 1)
	assert.Equal(t, "too-long", diags[0].Code)
	assert.Equal(t, "knelpunten heeft 1005 elementen; hoogstens 1000 worden gelezen", diags[0].Summary)
	line, _ := sourceLine([]byte(src), diags[0].Pos.Line)
	assert.Equal(t, `"x"`, string([]rune(line)[diags[0].Pos.Col-1:diags[0].Pos.Col+2]), "points at entry 1001")
}

func TestIDLimits(t *testing.T) {
	j := func(id, persona string) File {
		src := starterWith(t, `id = "johan"`, `id = "`+id+`"`, "[persona]\nid = \"johan\"", "[persona]\nid = \""+persona+`"`)
		return File{Name: id + ".toml", Src: []byte(src)}
	}
	_, diags := LoadFiles([]File{
		j("Johan", "p1"),
		j("johan", "p2"),
		j("con", "p3"),
		j(strings.Repeat("a", MaxIDLength+1), "p4"),
	}, Options{})
	var got []string
	for _, d := range diags {
		if d.Code == "id" || d.Code == "duplicate-id" {
			got = append(got, d.Pos.File+": "+d.Summary+"; "+d.Detail)
		}
	}
	assert.ElementsMatch(t, []string{
		strings.Repeat("a", MaxIDLength+1) + ".toml: id is 65 tekens lang; hoogstens 64; een id is een korte naam, zoals \"belt-kcc\"; de titel mag lang zijn",
		"con.toml: id \"con\" kan geen bestandsnaam zijn op Windows; Windows reserveert CON, PRN, AUX, NUL, COM1–COM9 en LPT1–LPT9; kies een ander id",
		"johan.toml: id \"johan\" verschilt alleen in hoofdletters van \"Johan\" (op Johan.toml:15:6); de bestanden Johan.svg en johan.svg zijn op Windows en macOS hetzelfde bestand; geef elk een eigen id",
	}, got)

	// Two steps of one journey that differ only in case.
	src := starterWith(t, `id = "krijgt-antwoord"`, `id = "Belt-KCC"`)
	_, diags = Load("j.toml", []byte(src), Options{})
	var codes []string
	for _, d := range diags {
		codes = append(codes, d.Code+": "+d.Summary)
	}
	assert.Contains(t, codes, fmt.Sprintf(`duplicate-id: id "Belt-KCC" verschilt alleen in hoofdletters van "belt-kcc" (op j.toml:%d:6)`, lineOf(src, `id = "belt-kcc"`)))
}

func TestRepeatedReferences(t *testing.T) {
	src := starterWith(t, `id = "belt-kcc"`, "id = \"belt-kcc\"\nvolgende = [\"krijgt-antwoord\", \"krijgt-antwoord\"]\nactoren = [\"manager-kcc\", \"manager-kcc\"]")
	_, diags := Load("j.toml", []byte(src), Options{})
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d:%d %s %s: %s", d.Pos.Line, d.Pos.Col, d.Severity.Word(Dutch), d.Code, d.Summary))
	}
	assert.Equal(t, []string{
		fmt.Sprintf(`%d:32 fout duplicate-ref: "krijgt-antwoord" staat twee keer in volgende (ook als element 1)`, lineOf(src, "volgende = ")),
		fmt.Sprintf(`%d:27 waarschuwing duplicate-ref: "manager-kcc" staat twee keer in actoren (ook als element 1)`, lineOf(src, "actoren = ")),
	}, got)
}

// lineOf returns the number of the first line of src that starts with
// prefix.
func lineOf(src, prefix string) int {
	for i, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(line, prefix) {
			return i + 1
		}
	}
	return 0
}
