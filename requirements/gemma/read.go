package gemma

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// MaxFileSize is the largest GEMMA file read. VNG's own exchange file of a
// release, diagrams included, is about 14 MB; the CSV export of the model
// about 4 MB.
const MaxFileSize = 64 << 20

// Names of the files of Archi's CSV export, after the prefix the user chose
// when exporting (GEMMA's own export uses "gemma-").
const (
	ElementsFile   = "elements.csv"
	RelationsFile  = "relations.csv"
	PropertiesFile = "properties.csv"
)

// ErrNotFound is returned (wrapped) when a folder holds no GEMMA model,
// or the path does not exist.
var ErrNotFound = errors.New("no GEMMA model found")

// ReadPath reads the GEMMA model at path: an exchange file (.xml), one of
// the three files of Archi's CSV export (the other two are found by their
// common prefix), or a folder holding either (an exchange file is preferred
// when the folder has both). The error is for a path that cannot be read
// or holds no model; problems inside the files are diagnostics, with
// file:line:col, in lang. A model with errors is not returned.
func ReadPath(path string, lang blueprint.Lang) (*Model, blueprint.Diagnostics, error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	if err != nil {
		return nil, nil, err
	}
	var files []string
	if st.IsDir() {
		if files, err = findInDir(path); err != nil {
			return nil, nil, err
		}
	} else if files, err = filesFor(path); err != nil {
		return nil, nil, err
	}
	d := blueprint.NewCollector(lang)
	var srcs []blueprint.File
	for _, name := range files {
		f, ok, err := readFile(d, name)
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			d.Diags.Sort()
			return nil, d.Diags, nil
		}
		srcs = append(srcs, f)
	}
	var m *Model
	var diags blueprint.Diagnostics
	if len(srcs) == 1 {
		m, diags = ReadExchange(srcs[0], lang)
	} else {
		m, diags = ReadCSV(srcs[0], srcs[1], srcs[2], lang)
	}
	return m, diags, nil
}

// Load reads the model in dir, as ReadPath does, and returns its problems
// as one error.
func Load(dir string) (*Model, error) {
	m, diags, err := ReadPath(dir, blueprint.English)
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	return m, nil
}

// findInDir returns the exchange file of dir, or its CSV triple.
func findInDir(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var xmls, prefixes []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		switch lower := strings.ToLower(name); {
		case strings.HasSuffix(lower, ".xml"):
			xmls = append(xmls, name)
		case strings.HasSuffix(lower, ElementsFile):
			prefixes = append(prefixes, name[:len(name)-len(ElementsFile)])
		}
	}
	slices.Sort(xmls)
	slices.Sort(prefixes)
	dirName := filepath.ToSlash(dir)
	switch {
	case len(xmls) == 1:
		return []string{filepath.Join(dir, xmls[0])}, nil
	case len(xmls) > 1:
		return nil, fmt.Errorf("%s holds %d XML files (%s); name the exchange file of the GEMMA model with --gemma", dirName, len(xmls), strings.Join(xmls, ", "))
	case len(prefixes) == 1:
		return csvTriple(dir, prefixes[0])
	case len(prefixes) > 1:
		return nil, fmt.Errorf("%s holds %d CSV exports (%s); name one of its files with --gemma", dirName, len(prefixes), strings.Join(prefixes, ", "))
	}
	return nil, fmt.Errorf("%w in %s: expected an exchange file (*.xml, Archi: File › Export › Model to Open Exchange File) or Archi's CSV export (%s, %s, %s)", ErrNotFound, dirName, ElementsFile, RelationsFile, PropertiesFile)
}

// filesFor returns the files to read for a file named on the command line.
func filesFor(path string) ([]string, error) {
	lower := strings.ToLower(filepath.Base(path))
	for _, suffix := range []string{ElementsFile, RelationsFile, PropertiesFile} {
		if strings.HasSuffix(lower, suffix) {
			base := filepath.Base(path)
			return csvTriple(filepath.Dir(path), base[:len(base)-len(suffix)])
		}
	}
	return []string{path}, nil
}

// csvTriple returns the three files of a CSV export in dir with the given
// prefix; all three must exist.
func csvTriple(dir, prefix string) ([]string, error) {
	files := []string{filepath.Join(dir, prefix+ElementsFile), filepath.Join(dir, prefix+RelationsFile), filepath.Join(dir, prefix+PropertiesFile)}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%s is missing: Archi's CSV export is three files, %s, %s and %s, with the same prefix", filepath.ToSlash(f), ElementsFile, RelationsFile, PropertiesFile)
			}
			return nil, err
		}
	}
	return files, nil
}

// readFile reads one file of at most MaxFileSize bytes. A larger one is a
// diagnostic, not read in full (ok false).
func readFile(d *blueprint.Collector, path string) (f blueprint.File, ok bool, err error) {
	f.Name = filepath.ToSlash(path)
	fh, err := os.Open(path)
	if err != nil {
		return f, false, err
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && st.Size() > MaxFileSize {
		tooLarge(d, f.Name, st.Size())
		return f, false, nil
	}
	// The file may grow while it is read, or be a pipe.
	src, err := io.ReadAll(io.LimitReader(fh, MaxFileSize+1))
	if err != nil {
		return f, false, err
	}
	if len(src) > MaxFileSize {
		tooLarge(d, f.Name, int64(len(src)))
		return f, false, nil
	}
	f.Src = src
	return f, true, nil
}

func tooLarge(d *blueprint.Collector, name string, size int64) {
	x := d.Errorf(blueprint.Pos{File: name, Line: 1, Col: 1}, "size",
		"GEMMA-bestand is te groot (%d bytes; hooguit %d)", "GEMMA file is too large (%d bytes; at most %d)", size, int64(MaxFileSize))
	d.Hint(x, "het GEMMA-model zelf is ongeveer 7 MB als uitwisselbestand; is dit het goede bestand?",
		"the GEMMA model itself is about 7 MB as an exchange file; is this the right file?")
}

// first is the position of the start of a file.
func first(name string) blueprint.Pos { return blueprint.Pos{File: name, Line: 1, Col: 1} }

// finish runs the checks every model gets, whichever format it came in,
// and returns the model, or nil when there are errors.
func finish(d *blueprint.Collector, m *Model, name string, elements, withoutID int) (*Model, blueprint.Diagnostics) {
	if elements > 0 && m.Len() == 0 && !d.Diags.HasErrors() {
		x := d.Errorf(first(name), "foreign",
			"dit is geen GEMMA-model: geen van de %d elementen van %q heeft de eigenschap %q",
			"this is not a GEMMA model: none of the %d elements of %q has the property %q", elements, m.Name, PropObjectID)
		d.Hint(x, "exporteer het GEMMA ArchiMate-model van VNG Realisatie (of een projectmodel dat de GEMMA-eigenschappen bewaart)",
			"export the GEMMA ArchiMate model of VNG Realisatie (or a project model that keeps GEMMA's properties)")
	}
	if elements == 0 && !d.Diags.HasErrors() {
		d.Errorf(first(name), "empty", "het model heeft geen elementen", "the model has no elements")
	}
	if len(m.Duplicates) > 0 && !d.Diags.HasErrors() {
		x := d.Warnf(first(name), "duplicate", "%d Object ID's komen meer dan eens voor; het eerste element houdt ze",
			"%d Object IDs occur more than once; the first element keeps each", len(m.Duplicates))
		d.Hint(x, "%s", "%s", strings.Join(firstN(m.Duplicates, 5), ", "))
	}
	_ = withoutID
	d.Diags.Sort()
	if d.Diags.HasErrors() {
		return nil, d.Diags
	}
	return m, d.Diags
}

func firstN(xs []string, n int) []string {
	if len(xs) > n {
		return append(slices.Clone(xs[:n]), "…")
	}
	return xs
}

// fromProperties fills the fields that come from properties.
func (e *Element) fromProperties() {
	e.ObjectID = e.Property(PropObjectID)
	e.GemmaType = e.Property(PropGemmaType)
	e.Status = e.Property(PropStatus)
}

// relationType turns a CSV relationship type (RealizationRelationship) into
// the exchange format's (Realization).
func relationType(t string) string { return strings.TrimSuffix(t, "Relationship") }

// pending is a relationship read but not yet resolved to elements.
type pending struct {
	rel            *Relation
	source, target string
	pos            blueprint.Pos
}

// resolve adds the relationships whose ends are elements with an Object
// ID. A relationship whose end is not in the file at all is a warning; one
// that connects to a relationship or to an element without an Object ID is
// left out silently (the tool does not use those).
func resolve(d *blueprint.Collector, m *Model, rels []pending, known map[string]bool) {
	dangling := 0
	var firstPos blueprint.Pos
	var example string
	for _, p := range rels {
		s, t := m.ByArchiID(p.source), m.ByArchiID(p.target)
		if s != nil && t != nil {
			p.rel.Source, p.rel.Target = s, t
			m.addRelation(p.rel)
			continue
		}
		for _, end := range []string{p.source, p.target} {
			if !known[end] {
				if dangling == 0 {
					firstPos, example = p.pos, end
				}
				dangling++
				break
			}
		}
	}
	if dangling > 0 {
		d.Warnf(firstPos, "dangling", "%d relaties overgeslagen: ze verwijzen naar een element dat niet in het model staat (de eerste naar %q)",
			"skipped %d relationships that point at an element not in the model (the first at %q)", dangling, example)
	}
}
