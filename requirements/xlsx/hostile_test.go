package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// The hostile files of the tests are generated here, never checked in:
// a zip bomb, a zip whose headers understate, a CRC error, a million rows,
// a truncated file, and workbooks edited at the XML level.

// rezip copies a zip, passing every entry through edit (which may change
// its content; nil drops it). Entries are deflated anew.
func rezip(t testing.TB, data []byte, edit func(name string, content []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		content, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		if edit != nil {
			content = edit(f.Name, content)
		}
		if content == nil {
			continue
		}
		w, err := zw.Create(f.Name)
		require.NoError(t, err)
		_, err = w.Write(content)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return b.Bytes()
}

// setCellXML replaces cells of a sheet by raw XML, as another program
// would write them (a formula with or without a cached value).
func setCellXML(t testing.TB, data []byte, sheet string, cells map[string]string) []byte {
	t.Helper()
	part := sheetPart(t, data, sheet)
	return rezip(t, data, func(name string, c []byte) []byte {
		if name != part {
			return c
		}
		s := string(c)
		for ref, xml := range cells {
			i := strings.Index(s, `<c r="`+ref+`"`)
			require.GreaterOrEqual(t, i, 0, ref)
			end := strings.Index(s[i:], ">")
			j := i + end + 1
			if s[i+end-1] != '/' {
				j = i + strings.Index(s[i:], "</c>") + len("</c>")
			}
			s = s[:i] + xml + s[j:]
		}
		return []byte(s)
	})
}

// sheetPart returns the part name of a sheet, by its name.
func sheetPart(t testing.TB, data []byte, sheet string) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	idx, err := f.GetSheetIndex(sheet)
	require.NoError(t, err)
	require.GreaterOrEqual(t, idx, 0, sheet)
	return fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)
}

// withRaw writes a zip whose entry name holds content written as given:
// method Store or Deflate, and the sizes and CRC in the headers set by
// header (nil: honest).
func withRaw(t testing.TB, data []byte, name string, compressed []byte, method uint16, crc uint32, size uint64) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		if f.Name == name {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: method, CRC32: crc, CompressedSize64: uint64(len(compressed)), UncompressedSize64: size})
			require.NoError(t, err)
			_, err = w.Write(compressed)
			require.NoError(t, err)
			continue
		}
		require.NoError(t, zw.Copy(f))
	}
	require.NoError(t, zw.Close())
	return b.Bytes()
}

// bomb returns a deflate stream that inflates to n bytes of a repeated
// XML row, in a few hundred kilobytes, and is made in milliseconds: after
// the first chunk, every further chunk is the same back-reference block,
// which can be repeated as it refers only to the last 32 kB.
func bomb(t testing.TB, n int64) ([]byte, int64) {
	t.Helper()
	// White space between elements: XML allows it, and a run of one byte
	// deflates about a thousand to one.
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	var head, rep bytes.Buffer
	fw, err := flate.NewWriter(&head, flate.BestCompression)
	require.NoError(t, err)
	fw.Write([]byte(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`))
	fw.Write(chunk)
	require.NoError(t, fw.Flush())
	first := head.Len()
	fw.Write(chunk)
	require.NoError(t, fw.Flush())
	rep.Write(head.Bytes()[first:])
	prefix := head.Bytes()[:first]
	var out bytes.Buffer
	out.Write(prefix)
	total := int64(len(chunk)) + 105
	for total < n {
		out.Write(rep.Bytes())
		total += int64(len(chunk))
	}
	// A final empty stored block ends the stream.
	out.Write([]byte{1, 0, 0, 0xff, 0xff})
	return out.Bytes(), total
}

// millionRows is a worksheet with a million rows of one cell each.
func millionRows() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	row := []byte(`<row><c><v>1</v></c></row>`) // numbered by position
	for r := 1; r <= 1000000; r++ {
		b.Write(row)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.Bytes()
}

func deflate(t testing.TB, data []byte) []byte {
	var b bytes.Buffer
	fw, err := flate.NewWriter(&b, flate.BestSpeed)
	require.NoError(t, err)
	_, err = fw.Write(data)
	require.NoError(t, err)
	require.NoError(t, fw.Close())
	return b.Bytes()
}

var hostileCache = map[[32]byte]map[string][]byte{}

// hostile builds the hostile variants of a PvE (once per PvE: the tests
// share them).
func hostile(t testing.TB, pve []byte) map[string][]byte {
	t.Helper()
	key := sha256.Sum256(pve)
	if m, ok := hostileCache[key]; ok {
		return m
	}
	m := makeHostile(t, pve)
	hostileCache[key] = m
	return m
}

func makeHostile(t testing.TB, pve []byte) map[string][]byte {
	t.Helper()
	block := sheetPart(t, pve, "1 Klantgeleiding")
	out := map[string][]byte{}
	// A 500 MB sheet from a file of under a megabyte, honest headers.
	z, size := bomb(t, 500<<20)
	out["bomb"] = withRaw(t, pve, block, z, zip.Deflate, 0, uint64(size))
	// The same, with headers that say it unpacks to 20 kB.
	out["lying"] = withRaw(t, pve, block, z, zip.Deflate, 0, 20000)
	// A CRC error in one entry: stored content with a wrong checksum.
	var content []byte
	rezip(t, pve, func(name string, c []byte) []byte {
		if name == block {
			content = c
		}
		return c
	})
	out["crc"] = withRaw(t, pve, block, content, zip.Store, crc32.ChecksumIEEE(content)^1, uint64(len(content)))
	// A block sheet with a million rows.
	rows := millionRows()
	out["million"] = withRaw(t, pve, block, deflate(t, rows), zip.Deflate, crc32.ChecksumIEEE(rows), uint64(len(rows)))
	// Half a file.
	out["truncated"] = pve[:len(pve)/2]
	return out
}

// TestWriteHostileFiles writes the hostile files to $BLUEPRINT_HOSTILE_DIR,
// to measure the CLI on them (docs/performance.md); skipped otherwise.
func TestWriteHostileFiles(t *testing.T) {
	dir := os.Getenv("BLUEPRINT_HOSTILE_DIR")
	if dir == "" {
		t.Skip("set BLUEPRINT_HOSTILE_DIR to write the hostile files")
	}
	_, pve := workbook(t, "")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "pve.xlsx"), pve, 0o644))
	for name, data := range hostile(t, pve) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name+".xlsx"), data, 0o644))
	}
}
