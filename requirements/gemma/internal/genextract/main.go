// Command genextract writes the KCC-relevant extract of the GEMMA model
// that the tool embeds (requirements/gemma/extract): the CSV export of the
// scope of gemma.ScopeOf, seeded with the GEMMA elements of the built-in
// requirements catalogue and of the mapping of the journeys' systems, and
// the reduced mapping of the applicatiefuncties of 2022.
//
// Usage (from requirements/gemma, as go generate runs it):
//
//	go run ./internal/genextract -from ../../../shared/gemma -out extract
//
// -from is a folder or file as blueprint gemma --gemma takes it; the
// mapping is read from MAPPING (default: gemma-applicatiefuncties-2022-mapping.csv
// in the folder of -from).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
	"github.com/dimpact/blueprint/requirements/gemma/coverage"
)

func main() {
	from := flag.String("from", "", "GEMMA model: exchange file, CSV export or a folder with either")
	out := flag.String("out", "extract", "folder to write the extract to")
	mapping := flag.String("mapping", "", "VNG's mapping of the applicatiefuncties of 2022 (default: next to -from)")
	flag.Parse()
	if *from == "" {
		fmt.Fprintln(os.Stderr, "genextract: -from is required")
		os.Exit(2)
	}
	files, err := generate(*from, *mapping)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genextract:", err)
		os.Exit(1)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "genextract:", err)
		os.Exit(1)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(*out, f.Name), f.Src, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "genextract:", err)
			os.Exit(1)
		}
	}
}

// seeds are the Object IDs the extract must hold beyond the KCC functions:
// what the requirements catalogue and the systems table name.
func seeds() []string {
	var ids []string
	for _, g := range requirements.Builtin().Gemma {
		ids = append(ids, g.ObjectID)
	}
	return append(ids, coverage.SystemSeeds()...)
}

// generate makes the files of the extract, named as in gemma.ExtractDir.
func generate(from, mappingPath string) ([]blueprint.File, error) {
	m, diags, err := gemma.ReadPath(from, blueprint.English)
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	if mappingPath == "" {
		dir := from
		if st, err := os.Stat(from); err == nil && !st.IsDir() {
			dir = filepath.Dir(from)
		}
		mappingPath = filepath.Join(dir, gemma.MappingFile)
	}
	return build(m, mappingPath)
}

// build makes the files of the extract of m.
func build(m *gemma.Model, mappingPath string) ([]blueprint.File, error) {
	ids := seeds()
	for _, id := range ids {
		if m.Element(id) == nil {
			return nil, fmt.Errorf("the model lacks Object ID %s, which the catalogue or the systems table names", id)
		}
	}
	x := gemma.Extract(m, ids)
	var e, r, p bytes.Buffer
	if err := gemma.WriteCSV(x, &e, &r, &p); err != nil {
		return nil, err
	}
	fh, err := os.Open(mappingPath)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	fs, err := gemma.ReadMapping(fh)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", mappingPath, err)
	}
	var mp bytes.Buffer
	if err := gemma.WriteMapping(&mp, fs); err != nil {
		return nil, err
	}
	pre := gemma.ExtractPrefix
	return []blueprint.File{
		{Name: pre + gemma.ElementsFile, Src: e.Bytes()},
		{Name: pre + gemma.RelationsFile, Src: r.Bytes()},
		{Name: pre + gemma.PropertiesFile, Src: p.Bytes()},
		{Name: "applicatiefuncties-2022.csv", Src: mp.Bytes()},
	}, nil
}
