// Package formats is the table of the formats the Programma van Eisen is
// written in: the Excel workbook, CSV, JSON and Markdown. A program that
// chooses the format at run time, such as blueprint matrix, reads its
// names, extensions and encoders here instead of keeping its own list.
//
// The table is a package of its own because the workbook's encoder lives
// in requirements/xlsx (the one package that imports excelize), which
// imports requirements; a table in requirements could not name it.
package formats

import (
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/xlsx"
)

// Encoder writes a derived Result, with what Meta says about the document,
// to w.
type Encoder func(w io.Writer, res *requirements.Result, meta requirements.Meta) error

// Format is one format the requirements can be written in.
type Format struct {
	// Name is how the format is chosen, such as "csv" (blueprint matrix
	// --format).
	Name string
	// Ext is the file extension that asks for the format, with the dot,
	// such as ".csv".
	Ext string
	// Encode writes the document.
	Encode Encoder
	// Workbook marks the Excel workbook: a binary file rather than text,
	// and the file a vendor's answers come back in, so that a program
	// never replaces one without checking.
	Workbook bool
}

// table lists the formats, the default first.
var table = []Format{
	{Name: "xlsx", Ext: ".xlsx", Encode: xlsx.Write, Workbook: true},
	{Name: "csv", Ext: ".csv", Encode: requirements.WriteCSV},
	{Name: "json", Ext: ".json", Encode: requirements.WriteJSON},
	{Name: "md", Ext: ".md", Encode: requirements.WriteMarkdown},
}

// All returns the formats, the default first.
func All() []Format { return slices.Clone(table) }

// Names returns the names of the formats, in the order of All.
func Names() []string {
	names := make([]string, len(table))
	for i, f := range table {
		names[i] = f.Name
	}
	return names
}

// Default returns the format used when none is asked for: the workbook.
func Default() Format { return table[0] }

// Lookup returns the format with the given name.
func Lookup(name string) (Format, bool) {
	for _, f := range table {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// ForPath returns the format that the extension of a file name asks for
// (in any case, so "PVE.JSON" is JSON), and false when no format has that
// extension.
func ForPath(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range table {
		if f.Ext == ext {
			return f, true
		}
	}
	return Format{}, false
}
