package gemma

import (
	"embed"
	"sync"

	"github.com/dimpact/blueprint/blueprint"
)

// The embedded default is the KCC-relevant extract of the GEMMA release the
// built-in requirements catalogue was written against, as Archi's CSV
// export, written by `go generate ./requirements/gemma` (generate.go) from
// the full model. A test in internal/genextract makes it again from
// ../shared/gemma and fails when the embedded copy differs.
//
//go:embed extract
var extractFS embed.FS

// ExtractDir is the folder of the embedded extract in this package, and
// ExtractPrefix the prefix of its CSV files.
const (
	ExtractDir    = "extract"
	ExtractPrefix = "gemma-"
)

var builtin struct {
	once sync.Once
	m    *Model
}

// Default returns the embedded KCC-relevant extract of GEMMA. It is shared:
// callers must not change it. It panics if the embedded data does not read
// cleanly, which a test rules out.
func Default() *Model {
	builtin.once.Do(func() {
		var files [3]blueprint.File
		for i, name := range []string{ElementsFile, RelationsFile, PropertiesFile} {
			path := ExtractDir + "/" + ExtractPrefix + name
			src, err := extractFS.ReadFile(path)
			if err != nil {
				panic("gemma: " + err.Error())
			}
			files[i] = blueprint.File{Name: "(ingebouwd) " + path, Src: src}
		}
		m, diags := ReadCSV(files[0], files[1], files[2], blueprint.English)
		if m == nil || len(diags) > 0 {
			panic("gemma: the embedded extract does not read cleanly:\n" + diags.Error())
		}
		builtin.m = m
	})
	return builtin.m
}
