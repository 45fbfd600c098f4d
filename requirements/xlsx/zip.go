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

// TempDir is the folder in which excelize keeps the parts of a workbook
// too large to hold in memory while it is written or read (a stream
// writer spills a sheet to a temporary file from 16 MB on: 230 MB for the
// national PvE). "" is the system's temporary folder. Close removes these
// files, but a process that is interrupted does not get that far:
// blueprint points TempDir at a folder of its own, which it removes on
// SIGINT and SIGTERM too. Set it before writing, not while.
var TempDir string

// options are the excelize options of every workbook this package opens
// or makes.
func options() excelize.Options { return excelize.Options{TmpDir: TempDir} }

// newFile returns a new workbook that is compressed at zipLevel when
// written. Every workbook of this package starts here.
func newFile() *excelize.File {
	f := excelize.NewFile(options())
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(w, zipLevel)
		})
		return zw
	})
	return f
}
