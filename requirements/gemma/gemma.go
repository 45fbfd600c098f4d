// Package gemma reads the GEMMA ArchiMate model of VNG Realisatie, as the
// Archi CSV export (gemma-elements.csv and gemma-properties.csv), and looks
// elements up by their Object ID, the stable GEMMA identifier.
//
// The requirements catalogue names GEMMA referentiecomponenten and
// applicatieservices by Object ID and carries their names itself, so the
// tool needs no GEMMA files at run time. This package is how a test (or an
// architect with a newer release of the model) checks those references
// against the real model.
package gemma

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Element is one element of the model.
type Element struct {
	// ArchiID is the identifier in Archi; it can change between releases.
	ArchiID string
	// ObjectID is the stable GEMMA identifier (property "Object ID").
	ObjectID string
	// Type is the ArchiMate type, such as ApplicationComponent or
	// ApplicationService.
	Type string
	Name string
	// GemmaType is the property "GEMMA type", such as Referentiecomponent
	// or Buitengemeentelijke voorziening; empty for most services.
	GemmaType string
	// Status is the property "GEMMA status", such as "In gebruik".
	Status string
}

// Model is the set of elements that have an Object ID.
type Model struct {
	byObjectID map[string]*Element
	// Duplicates lists Object IDs that more than one element carries.
	Duplicates []string
}

// Element returns the element with the given Object ID, or nil.
func (m *Model) Element(objectID string) *Element { return m.byObjectID[objectID] }

// Len returns the number of elements with an Object ID.
func (m *Model) Len() int { return len(m.byObjectID) }

// Files are the names of the CSV files Load reads.
const (
	ElementsFile   = "gemma-elements.csv"
	PropertiesFile = "gemma-properties.csv"
)

// ErrNotFound is returned (wrapped) when the folder lacks the CSV files.
var ErrNotFound = errors.New("GEMMA CSV files not found")

// Load reads gemma-elements.csv and gemma-properties.csv from dir.
func Load(dir string) (*Model, error) {
	ef, err := os.Open(filepath.Join(dir, ElementsFile))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w in %s", ErrNotFound, dir)
		}
		return nil, err
	}
	defer ef.Close()
	pf, err := os.Open(filepath.Join(dir, PropertiesFile))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w in %s", ErrNotFound, dir)
		}
		return nil, err
	}
	defer pf.Close()
	return Read(ef, pf)
}

// Read reads the elements and properties CSVs (Archi's layout: a header
// row, then "ID","Type","Name","Documentation","Specialization" and
// "ID","Key","Value").
func Read(elements, properties io.Reader) (*Model, error) {
	byArchi := map[string]*Element{}
	var order []*Element
	err := readCSV(elements, ElementsFile, []string{"ID", "Type", "Name"}, func(rec map[string]string) {
		e := &Element{ArchiID: rec["ID"], Type: rec["Type"], Name: rec["Name"]}
		byArchi[e.ArchiID] = e
		order = append(order, e)
	})
	if err != nil {
		return nil, err
	}
	err = readCSV(properties, PropertiesFile, []string{"ID", "Key", "Value"}, func(rec map[string]string) {
		e := byArchi[rec["ID"]]
		if e == nil {
			return
		}
		switch rec["Key"] {
		case "Object ID":
			if e.ObjectID == "" {
				e.ObjectID = rec["Value"]
			}
		case "GEMMA type":
			if e.GemmaType == "" {
				e.GemmaType = rec["Value"]
			}
		case "GEMMA status":
			if e.Status == "" {
				e.Status = rec["Value"]
			}
		}
	})
	if err != nil {
		return nil, err
	}
	m := &Model{byObjectID: map[string]*Element{}}
	for _, e := range order {
		if e.ObjectID == "" {
			continue
		}
		if _, dup := m.byObjectID[e.ObjectID]; dup {
			m.Duplicates = append(m.Duplicates, e.ObjectID)
			continue
		}
		m.byObjectID[e.ObjectID] = e
	}
	return m, nil
}

func readCSV(r io.Reader, name string, need []string, row func(map[string]string)) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, n := range need {
		if _, ok := col[n]; !ok {
			return fmt.Errorf("%s: no column %q in the header", name, n)
		}
	}
	rec := map[string]string{}
	for {
		f, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, n := range need {
			if i := col[n]; i < len(f) {
				rec[n] = f[i]
			} else {
				rec[n] = ""
			}
		}
		row(rec)
	}
}
