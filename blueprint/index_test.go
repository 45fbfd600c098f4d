package blueprint

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// indexSources are TOML texts that stress the index: strings holding
// brackets and #, multi-line strings and arrays, inline tables (over
// several lines, as TOML 1.1 allows), quoted and dotted keys, comments.
var indexSources = map[string]string{
	"plain": "a = 1\nb = \"x\"\n",
	"tables": `[[stap]]
id = "x"
[[stap.frontoffice]]
actor = "k"
[[stap]]
id = "y"
[persona]
naam = "P"
`,
	"tricky strings": `titel = "[[stap]] # geen tabel"
lit = 'c:\pad\[x]'
multi = """
[[stap]]
id = "nep" \"""
"""
multi2 = '''
# geen commentaar
'''
q = """a""""
[[stap]]
id = "echt"
`,
	"inline": `[[stap]]
frontoffice = [{ actor = "k", actie = "y" }, { actor = "z", actie = "w" }]
t = { p = 1, q = { r = 2 } }
lijst = [
  "a", # commentaar met ]
  "b",
]
`,
	"inline over lines": `[[stap]]
frontoffice = [
  { actor = "k",
    actie = "y" },
]
`,
	"dotted and quoted": `"sleutel met spatie" = 1
a.b.c = 2
'lit'.x = 3
[tab . "deel"]
k = 1
`,
	"crlf and bom": "\uFEFFa = 1\r\n[[stap]]\r\nid = \"x\"\r\n",
	"dates":        "d = 1979-05-27 07:32:00Z\ne = 1979-05-27\n",
}

// TestIndexFollowsDecoder checks the index against the TOML library's own
// view: the same keys and table headers, in the same order.
// indexTOML builds the index of src in an arena of its own.
func indexTOML(file string, src []byte) *node { return indexTrace(file, src, nil) }

func indexTrace(file string, src []byte, trace func(string, Pos)) *node {
	return indexIn(&arena{block: blockFor(len(src))}, file, src, trace)
}

func TestIndexFollowsDecoder(t *testing.T) {
	srcs := map[string]string{}
	for k, v := range indexSources {
		srcs[k] = v
	}
	files, _ := filepath.Glob("../examples/*.toml")
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		srcs[f] = string(b)
	}
	srcs["starter"] = string(StarterJourney("Johan", "johan.toml"))
	for name, src := range srcs {
		t.Run(name, func(t *testing.T) {
			var v map[string]any
			md, err := toml.Decode(src, &v)
			require.NoError(t, err)
			var want []string
			for _, k := range md.Keys() {
				want = append(want, strings.Join(k, "."))
			}
			var got []string
			indexTrace(name, []byte(src), func(path string, _ Pos) { got = append(got, path) })
			assert.Equal(t, want, got)
		})
	}
}

func TestIndexPositions(t *testing.T) {
	src := []byte(`id = "x"
[[stap]]
id = "a"
[[stap]]
id = "b"
titel = "Oriënteren"
frontoffice = [{ actor = "k", actie = "y" },
  { actor = "z", actie = "w" }]
`)
	root := indexTOML("f.toml", src)
	steps := root.child("stap")
	require.NotNil(t, steps)
	require.Len(t, steps.elems, 2)
	assert.Equal(t, lineCol{2, 1}, steps.elems[0].pos, "first [[stap]] header")
	assert.Equal(t, lineCol{4, 1}, steps.elems[1].pos, "second [[stap]] header")
	b := steps.elems[1]
	assert.Equal(t, lineCol{5, 1}, b.child("id").keyPos)
	assert.Equal(t, lineCol{5, 6}, b.child("id").pos, "value of id")
	assert.Equal(t, lineCol{6, 9}, b.child("titel").pos)
	fo := b.child("frontoffice")
	require.Len(t, fo.elems, 2)
	assert.Equal(t, lineCol{7, 16}, fo.elems[0].pos, "first inline table")
	assert.Equal(t, lineCol{8, 3}, fo.elems[1].pos, "second inline table")
	assert.Equal(t, lineCol{8, 13}, fo.elems[1].child("actor").pos)
}

func TestIndexColumnsCountCharacters(t *testing.T) {
	// "ë" is two bytes; columns count characters, as editors do.
	src := []byte("t = {naam = \"Oriënteren\", x = 1}\n")
	root := indexTOML("f.toml", src)
	assert.Equal(t, int32(27), root.child("t").child("x").keyPos.col)
	assert.Equal(t, Pos{File: "f.toml", Line: 1, Col: 27}, posOfOffset("f.toml", src, strings.Index(string(src), "x =")))
}

func TestIndexNeverStalls(t *testing.T) {
	// Not TOML at all: the index must still end, without panicking.
	for _, src := range []string{"[[[", "= = =", "\"unclosed", "a = [1, 2", "{", "'''", "a = {b = ", "\x00\xff"} {
		indexTOML("f.toml", []byte(src))
	}
}

// TestPlainRun compares plainRun, which looks at a block at a time, with a
// loop over the bytes, on texts of every length around the block size
// made of the bytes that matter and some that do not (a multi-byte
// character among them).
func TestPlainRun(t *testing.T) {
	naive := func(b []byte, q byte) []byte {
		for i, c := range b {
			if c == q || c == '\n' || c == '\\' && q == '"' {
				return b[:i]
			}
		}
		return b
	}
	alphabet := []string{"a", "a", "a", "é", "\"", "'", "\\", "\n", " "}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(200) {
			if rng.IntN(8) == 0 {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			} else {
				b.WriteByte('a')
			}
		}
		src := []byte(b.String())
		for _, q := range []byte{'"', '\''} {
			require.Equal(t, len(naive(src, q)), len(plainRun(src, q)), "%q in %c", src, q)
		}
	}
}

// TestArenaReuse indexes texts of different sizes one after another in
// one arena, as decodeFile does through the pool, and compares each index
// with one built in a fresh arena; an arena reset holds no pointers.
func TestArenaReuse(t *testing.T) {
	var texts [][]byte
	for _, src := range indexSources {
		texts = append(texts, []byte(src))
	}
	// Larger texts: more than one block of nodes and of pointers, and a
	// table with more keys than a block holds.
	var big strings.Builder
	for i := range 300 {
		fmt.Fprintf(&big, "[[stap]]\nid = \"s%d\"\nfrontoffice = [{ actor = \"a\" }, { actor = \"b\" }]\n", i)
	}
	texts = append(texts, []byte(big.String()))
	var wide strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&wide, "k%d = %d\n", i, i)
	}
	texts = append(texts, []byte(wide.String()))
	texts = append(texts, texts...)
	dump := func(root *node) string {
		var b strings.Builder
		var walk func(path string, n *node)
		walk = func(path string, n *node) {
			fmt.Fprintf(&b, "%s %v %v %d %d\n", path, n.pos, n.keyPos, len(n.kids), len(n.elems))
			for _, c := range n.kids {
				walk(path+"."+c.name, c)
			}
			for i, e := range n.elems {
				walk(fmt.Sprintf("%s[%d]", path, i), e)
			}
		}
		walk("", root)
		return b.String()
	}
	a := new(arena) // one arena for all, as the pool may not keep it
	for _, src := range texts {
		want := dump(indexTOML("f.toml", src))
		a.block = blockFor(len(src))
		got := dump(indexIn(a, "f.toml", src, nil))
		a.reset()
		require.Equal(t, want, got)
		for _, n := range a.firstNodes[:cap(a.firstNodes)] {
			require.Zero(t, n)
		}
		for _, p := range a.firstPtrs[:cap(a.firstPtrs)] {
			require.Nil(t, p)
		}
	}
}
