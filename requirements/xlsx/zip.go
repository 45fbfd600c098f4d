package xlsx

import (
	"archive/zip"
	"compress/flate"
	"io"

	"github.com/xuri/excelize/v2"
)

// zipLevel is the deflate level of the workbooks we write. With
// archive/zip's default the 232 MB of sheet XML of the national PvE (7,600
// journeys) took 1.1–1.7 s to compress into 12.0 MB; level 3 takes
// 0.6–0.9 s for 13.2 MB (docs/performance.md). A workbook of a few
// journeys differs by a few kB either way.
const zipLevel = 3

// newFile returns a new workbook that is compressed at zipLevel when
// written. Every workbook of this package starts here.
func newFile() *excelize.File {
	f := excelize.NewFile()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(w, zipLevel)
		})
		return zw
	})
	return f
}
