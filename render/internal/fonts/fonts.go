// Package fonts embeds the typeface of the diagrams, Liberation Sans
// (Regular and Bold, SIL Open Font License 1.1, see OFL.txt), and measures
// text with it.
//
// Liberation Sans has the advance widths of Arial and Helvetica, so one set
// of metrics serves three purposes: the layout wraps text with them,
// Graphviz estimates the same widths for fontname "Helvetica", and SVG
// viewers draw Helvetica, Arial or Liberation Sans, whichever the machine
// has, in the same space. The PNG painter draws with these very fonts, so a
// PNG looks the same on every machine, with or without system fonts.
package fonts

import (
	_ "embed"
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

//go:embed LiberationSans-Regular.ttf
var regularTTF []byte

//go:embed LiberationSans-Bold.ttf
var boldTTF []byte

// Face is one embedded font with its advance widths.
type Face struct {
	Font *opentype.Font
	upm  float64
	// table holds advances at 1 pt for the runes below tableSize; it is
	// read-only after loading, so Width needs no lock on the fast path.
	table [tableSize]float32
	mu    sync.Mutex
	buf   sfnt.Buffer
	other map[rune]float64
}

const tableSize = 0x250 // Basic Latin up to Latin Extended-B

var (
	loadOnce      sync.Once
	regular, bold *Face
	loadErr       error
)

func load() {
	regular, loadErr = parse(regularTTF)
	if loadErr == nil {
		bold, loadErr = parse(boldTTF)
	}
}

func parse(ttf []byte) (*Face, error) {
	f, err := opentype.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("embedded font: %w", err)
	}
	fc := &Face{Font: f, upm: float64(f.UnitsPerEm()), other: map[rune]float64{}}
	for r := rune(0); r < tableSize; r++ {
		fc.table[r] = float32(fc.advance(r))
	}
	return fc, nil
}

// advance is the advance width of r at 1 pt; a rune the font lacks gets the
// width of its replacement glyph, as a renderer would draw it.
func (fc *Face) advance(r rune) float64 {
	gi, err := fc.Font.GlyphIndex(&fc.buf, r)
	if err != nil {
		return 0
	}
	adv, err := fc.Font.GlyphAdvance(&fc.buf, gi, fixed.Int26_6(fc.upm*64), font.HintingNone)
	if err != nil {
		return 0
	}
	return float64(adv) / 64 / fc.upm
}

// Has reports whether the font has a glyph for r.
func (fc *Face) Has(r rune) bool {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	gi, err := fc.Font.GlyphIndex(&fc.buf, r)
	return err == nil && gi != 0
}

// Width returns the advance width of s at size pt, without kerning (as
// Graphviz estimates it and as the PNG painter draws it).
func (fc *Face) Width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0 && r < tableSize {
			w += float64(fc.table[r])
			continue
		}
		fc.mu.Lock()
		a, ok := fc.other[r]
		if !ok {
			a = fc.advance(r)
			fc.other[r] = a
		}
		fc.mu.Unlock()
		w += a
	}
	return w * size
}

// Regular returns Liberation Sans Regular.
func Regular() *Face {
	loadOnce.Do(load)
	if loadErr != nil {
		panic(loadErr) // the embedded files are part of the binary
	}
	return regular
}

// Bold returns Liberation Sans Bold.
func Bold() *Face {
	loadOnce.Do(load)
	if loadErr != nil {
		panic(loadErr)
	}
	return bold
}

// Get returns the bold or the regular face.
func Get(isBold bool) *Face {
	if isBold {
		return Bold()
	}
	return Regular()
}
