// Package gemma reads the GEMMA ArchiMate model of VNG Realisatie, as the
// Archi CSV export (gemma-elements.csv and gemma-properties.csv), and looks
// elements up by their Object ID, the stable GEMMA identifier.
//
// Element is the one type of a GEMMA element in the tool: the requirements
// catalogue's [[gemma]] entries decode into it, and Read makes one for every
// element of the model that has an Object ID. The kinds the catalogue uses
// (Component, Service, External) are defined here, with the rule that
// derives them from an element's ArchiMate type and GEMMA type (KindOf).
//
// The requirements catalogue names GEMMA referentiecomponenten and
// applicatieservices by Object ID and carries their names itself, so the
// tool needs no GEMMA files at run time. Reading the model is how a test (or
// an architect with a newer release of the model) checks those references
// against the real model.
package gemma

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dimpact/blueprint/blueprint"
)

// Element is an element of the GEMMA model, named by its Object ID. The
// requirements catalogue writes one as [[gemma]] with id, naam and soort
// (Source is where); Read also fills the fields that only the model has.
type Element struct {
	blueprint.Source
	// ObjectID is the stable GEMMA identifier (property "Object ID"), not
	// the Archi id, which differs for many elements.
	ObjectID string `toml:"id,required"`
	// Name is the element's name in GEMMA.
	Name string `toml:"naam,required"`
	// Kind is Component, Service or External. Read derives it with KindOf;
	// it is empty for the other elements of the model.
	Kind string `toml:"soort,required"`

	// ArchiID is the identifier in Archi; it can change between releases.
	ArchiID string
	// Type is the ArchiMate type, such as ApplicationComponent or
	// ApplicationService.
	Type string
	// GemmaType is the property "GEMMA type", such as Referentiecomponent
	// or Buitengemeentelijke voorziening; empty for most services.
	GemmaType string
	// Status is the property "GEMMA status", such as "In gebruik".
	Status string
}

// Kinds of element that requirements refer to, as the catalogue writes
// them in soort.
const (
	Component = "referentiecomponent"
	Service   = "applicatieservice"
	External  = "buitengemeentelijke voorziening"
)

// Kinds returns the kinds of element requirements refer to.
func Kinds() []string { return []string{Component, Service, External} }

// KindOf returns the kind of an element of the model from its ArchiMate
// type and its GEMMA type, or "" when requirements do not refer to such
// elements.
func KindOf(archimateType, gemmaType string) string {
	switch {
	case archimateType == "ApplicationService":
		return Service
	case archimateType == "ApplicationComponent" && gemmaType == "Referentiecomponent":
		return Component
	case archimateType == "ApplicationComponent" && gemmaType == "Buitengemeentelijke voorziening":
		return External
	}
	return ""
}

// KindName returns the element's kind in lang, capitalised.
func (e *Element) KindName(lang blueprint.Lang) string {
	switch e.Kind {
	case Component:
		return blueprint.T(lang, "Referentiecomponent", "Reference component")
	case Service:
		return blueprint.T(lang, "Applicatieservice", "Application service")
	case External:
		return blueprint.T(lang, "Buitengemeentelijke voorziening", "External facility")
	}
	return e.Kind
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
		e.Kind = KindOf(e.Type, e.GemmaType)
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
