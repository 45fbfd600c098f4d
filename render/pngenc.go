package render

import (
	"bufio"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"
	"math"
)

// The size of a PNG (PNGSize) and its bytes (encodePNG); raster.go paints
// the pixels.

// MaxPNGPixels caps the size of a PNG: a very long journey is drawn at a
// lower resolution rather than needing gigabytes of memory. 40 million
// pixels is a strip of about 16 000 × 2 500; the SVG has no such limit.
const MaxPNGPixels = 40_000_000

// maxPNGSide keeps each side within what image viewers open.
const maxPNGSide = 30000

// pngScale is the number of pixels per point of the layout: 96 dots per
// inch on screen, 300 per inch of the sheet for print, less when the PNG
// would pass MaxPNGPixels or maxPNGSide.
func pngScale(l *Layout) float64 {
	s := screenDPI / 72
	if _, _, ok := l.Size.sheet(); ok {
		s = l.printScale() * sheetDPI / 72
	}
	if px := l.Width * l.Height * s * s; px > MaxPNGPixels {
		s *= math.Sqrt(MaxPNGPixels / px)
	}
	if side := math.Max(l.Width, l.Height) * s; side > maxPNGSide {
		s *= maxPNGSide / side
	}
	return s
}

// PNGSize returns the pixel size of the PNG of a layout and its resolution
// in dots per inch of the output: 96 on screen, 300 on a sheet, less when
// the PNG would pass MaxPNGPixels.
func PNGSize(l *Layout) (w, h int, dpi float64) {
	s := pngScale(l)
	return int(math.Ceil(l.Width * s)), int(math.Ceil(l.Height * s)), s * 72 / l.printScale()
}

// encodePNG writes an opaque RGBA image as an 8-bit RGB PNG. It does what
// image/png does with one filter ("Sub") for every row instead of trying
// all five per row: a blueprint is mostly flat colour, where Sub does as
// well, and the encoder is three to four times faster (see
// docs/performance.md). A pHYs chunk carries the resolution (dpi, see
// PNGSize), so that an A3 PNG opens and prints at the size of the sheet.
// The bytes depend only on the pixels and the resolution.
func encodePNG(w io.Writer, img *image.RGBA, dpi float64) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	if _, err := bw.WriteString("\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	b := img.Bounds()
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(b.Dx()))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(b.Dy()))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per sample, truecolour
	if err := writeChunk(bw, "IHDR", ihdr[:]); err != nil {
		return err
	}
	if err := writeChunk(bw, "pHYs", pHYs(dpi)); err != nil {
		return err
	}
	idat := &chunkWriter{w: bw, kind: "IDAT"}
	zw, err := zlib.NewWriterLevel(idat, zlib.BestSpeed)
	if err != nil {
		return err
	}
	row := make([]byte, 1+3*b.Dx())
	row[0] = 1 // filter Sub: each byte minus the one three to its left
	for y := b.Min.Y; y < b.Max.Y; y++ {
		src := img.Pix[(y-b.Min.Y)*img.Stride:]
		var pr, pg, pb byte
		for x, i := 0, 1; x < b.Dx(); x, i = x+1, i+3 {
			r, g, bl := src[4*x], src[4*x+1], src[4*x+2]
			row[i], row[i+1], row[i+2] = r-pr, g-pg, bl-pb
			pr, pg, pb = r, g, bl
		}
		if _, err := zw.Write(row); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := idat.flush(); err != nil {
		return err
	}
	if err := writeChunk(bw, "IEND", nil); err != nil {
		return err
	}
	return bw.Flush()
}

// pHYs is the content of a pHYs chunk for dpi: pixels per metre, the same
// horizontally and vertically (unit 1, the metre).
func pHYs(dpi float64) []byte {
	var b [9]byte
	ppm := uint32(math.Round(dpi / 0.0254))
	binary.BigEndian.PutUint32(b[0:], ppm)
	binary.BigEndian.PutUint32(b[4:], ppm)
	b[8] = 1
	return b[:]
}

func writeChunk(w io.Writer, kind string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], kind)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, p := range [][]byte{head[:], data, tail[:]} {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// chunkWriter cuts a stream into chunks of at most 256 KiB.
type chunkWriter struct {
	w    io.Writer
	kind string
	buf  []byte
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		room := 256<<10 - len(c.buf)
		k := min(room, len(p))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == 256<<10 {
			if err := c.flush(); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) == 0 {
		return nil
	}
	err := writeChunk(c.w, c.kind, c.buf)
	c.buf = c.buf[:0]
	return err
}
