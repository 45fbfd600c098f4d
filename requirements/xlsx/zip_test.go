package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// zipPart is a part for the tests of zipWriter; viaReader writes it the
// way excelize writes a streamed sheet, with io.Copy from a reader.
type zipPart struct {
	name      string
	data      []byte
	viaReader bool
}

// partText is n bytes of sheet-like XML from a fixed seed: compressible,
// but not all alike. A text of 64 kB is repeated, each time after a new
// number.
func partText(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 7))
	words := strings.Fields("<row r=\"1\"> <c t=\"inlineStr\"><is><t> </t></is></c> klantreis stap behoefte eis KCC-001 Aanvraag; Melding openbare ruimte, &amp; terugbellen")
	var base []byte
	for len(base) < 64<<10 {
		base = append(base, words[r.IntN(len(words))]...)
		if r.IntN(5) == 0 {
			base = strconv.AppendInt(base, r.Int64N(100000), 10)
		}
	}
	b := make([]byte, 0, n+len(base)+20)
	for i := 0; len(b) < n; i++ {
		b = strconv.AppendInt(b, int64(i)*7919, 10)
		b = append(b, base...)
	}
	return b[:n]
}

// The tests of zipWriter deflate parts larger than testMin in parallel, in
// chunks of testChunk: the same code as for parallelMin and parallelChunk,
// with less to compress (TestLargeWorkbookOpens takes those).
const (
	testMin   = 256 << 10
	testChunk = 64 << 10
)

// writeParts writes the parts with zipWriter, or, with reference, with
// archive/zip and a deflater at zipLevel as before zipWriter.
func writeParts(t *testing.T, parts []zipPart, reference bool) []byte {
	t.Helper()
	var out bytes.Buffer
	var zw excelize.ZipWriter = newZipWriter(&out, testMin, testChunk)
	if reference {
		w := zip.NewWriter(&out)
		w.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, zipLevel) })
		zw = w
	}
	for _, p := range parts {
		w, err := zw.Create(p.name)
		require.NoError(t, err)
		if p.viaReader {
			_, err = io.Copy(w, struct{ io.Reader }{bytes.NewReader(p.data)})
		} else {
			// In pieces of a prime size, across the chunk boundaries.
			for rest := p.data; len(rest) > 0 && err == nil; {
				n := min(len(rest), 30011)
				_, err = w.Write(rest[:n])
				rest = rest[n:]
			}
		}
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return out.Bytes()
}

// TestZipSmallPartsUnchanged: parts up to the threshold are written byte for
// byte as archive/zip writes them, so the workbooks of a few journeys stay
// what they were.
func TestZipSmallPartsUnchanged(t *testing.T) {
	parts := []zipPart{
		{name: "[Content_Types].xml", data: partText(900, 1)},
		{name: "xl/empty.xml"},
		{name: "xl/worksheets/sheet1.xml", data: partText(testChunk+1, 2)},
		{name: "xl/worksheets/sheet2.xml", data: partText(testMin, 3), viaReader: true},
		{name: "xl/worksheets/sheet3.xml", data: partText(testMin, 4)},
		{name: "xl/styles.xml", data: partText(5000, 5)},
	}
	require.Equal(t, writeParts(t, parts, true), writeParts(t, parts, false))
}

// TestZipLargePartsRoundTrip: parts larger than the threshold, deflated in
// parallel chunks, read back through archive/zip (which checks the CRC-32
// and sizes) as they were written, between small parts that keep their
// bytes; and they compress about as well as in one stream.
func TestZipLargePartsRoundTrip(t *testing.T) {
	parts := []zipPart{
		{name: "a.xml", data: partText(4000, 11)},
		{name: "xl/worksheets/sheet1.xml", data: partText(testMin+1, 12)},
		{name: "xl/worksheets/sheet2.xml", data: partText(testMin+3*testChunk, 13), viaReader: true},
		{name: "b.xml", data: partText(300, 14)},
		{name: "xl/worksheets/sheet3.xml", data: partText(40*testChunk+12345, 15)},
	}
	got, want := writeParts(t, parts, false), writeParts(t, parts, true)
	zr, err := zip.NewReader(bytes.NewReader(got), int64(len(got)))
	require.NoError(t, err)
	ref, err := zip.NewReader(bytes.NewReader(want), int64(len(want)))
	require.NoError(t, err)
	require.Len(t, zr.File, len(parts))
	for i, f := range zr.File {
		p, r := parts[i], ref.File[i]
		require.Equal(t, p.name, f.Name)
		rc, err := f.Open()
		require.NoError(t, err)
		data, err := io.ReadAll(rc)
		require.NoError(t, err, p.name) // a wrong CRC-32 or size fails here
		require.NoError(t, rc.Close())
		require.True(t, bytes.Equal(p.data, data), "%s: content differs", p.name)
		require.Equal(t, r.Method, f.Method, p.name)
		require.Equal(t, r.Flags, f.Flags, p.name)
		require.Equal(t, r.ReaderVersion, f.ReaderVersion, p.name)
		require.Equal(t, r.CRC32, f.CRC32, p.name)
		if len(p.data) > testMin {
			raw, err := f.OpenRaw()
			require.NoError(t, err)
			chunked, err := io.ReadAll(raw)
			require.NoError(t, err)
			raw, err = r.OpenRaw()
			require.NoError(t, err)
			serial, err := io.ReadAll(raw)
			require.NoError(t, err)
			require.False(t, bytes.Equal(chunked, serial), "%s: not deflated in chunks", p.name)
			require.InDelta(t, float64(r.CompressedSize64), float64(f.CompressedSize64), 0.01*float64(r.CompressedSize64), p.name)
		} else {
			require.Equal(t, r.CompressedSize64, f.CompressedSize64, p.name)
		}
	}
}

// TestLargeWorkbookOpens writes a workbook whose streamed sheet is larger
// than parallelMin and reads it back with excelize.
func TestLargeWorkbookOpens(t *testing.T) {
	f := newFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	require.NoError(t, err)
	text := string(partText(2000, 21))
	rows := parallelMin/2000 + 100
	for r := 1; r <= rows; r++ {
		require.NoError(t, sw.SetRow(cell(1, r), []any{r, text, fmt.Sprintf("regel %d", r)}))
	}
	require.NoError(t, sw.Flush())
	var out bytes.Buffer
	_, err = f.WriteTo(&out)
	require.NoError(t, err)

	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	require.NoError(t, err)
	var sheet *zip.File
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet1.xml" {
			sheet = zf
		}
	}
	require.NotNil(t, sheet)
	require.Greater(t, sheet.UncompressedSize64, uint64(parallelMin))

	book, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	require.NoError(t, err)
	defer book.Close()
	got, err := book.GetRows("Sheet1")
	require.NoError(t, err)
	require.Len(t, got, rows)
	require.Equal(t, []string{fmt.Sprint(rows), text, fmt.Sprintf("regel %d", rows)}, got[rows-1])
}
