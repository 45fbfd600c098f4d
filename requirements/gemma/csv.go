package gemma

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// The columns of Archi's CSV export, as it writes them in the header.
var (
	elementColumns  = []string{"ID", "Type", "Name", "Documentation", "Specialization"}
	relationColumns = []string{"ID", "Type", "Name", "Documentation", "Source", "Target", "Specialization"}
	propertyColumns = []string{"ID", "Key", "Value"}
)

// archiModelType is the type of the first row of elements.csv: the model.
const archiModelType = "ArchimateModel"

// ReadCSV reads Archi's CSV export of a model: elements.csv, relations.csv
// and properties.csv (Archi: File › Export › Model to CSV; the separator
// may be a comma, semicolon or tab, with or without a byte order mark).
func ReadCSV(elements, relations, properties blueprint.File, lang blueprint.Lang) (*Model, blueprint.Diagnostics) {
	d := blueprint.NewCollector(lang)
	m := newModel()
	m.Files = []string{elements.Name, relations.Name, properties.Name}

	props := map[string][]Property{}
	okP := readTable(d, properties, propertyColumns, []string{"ID", "Key", "Value"}, func(rec record) {
		id := rec.get("ID")
		props[id] = append(props[id], Property{Key: rec.get("Key"), Value: rec.get("Value")})
	})
	var elems []*Element
	modelID := ""
	known := map[string]bool{}
	okE := readTable(d, elements, elementColumns, []string{"ID", "Type", "Name"}, func(rec record) {
		id, typ := rec.get("ID"), rec.get("Type")
		if typ == archiModelType {
			if modelID == "" {
				modelID, m.ID, m.Name = id, id, rec.get("Name")
			}
			return
		}
		e := &Element{ArchiID: id, Type: typ, Name: rec.get("Name"), Documentation: rec.get("Documentation")}
		e.Pos = rec.pos
		known[id] = true
		elems = append(elems, e)
	})
	var rels []pending
	okR := readTable(d, relations, relationColumns, []string{"ID", "Type", "Source", "Target"}, func(rec record) {
		rel := &Relation{ArchiID: rec.get("ID"), Type: relationType(rec.get("Type")), Name: rec.get("Name")}
		known[rel.ArchiID] = true
		rels = append(rels, pending{rel: rel, source: rec.get("Source"), target: rec.get("Target"), pos: rec.pos})
	})
	if !okP || !okE || !okR {
		d.Diags.Sort()
		return nil, d.Diags
	}
	for _, p := range props[modelID] {
		switch p.Key {
		case PropRelease:
			if m.Release == "" {
				m.Release = p.Value
			}
		case PropExtract:
			m.Extract = true
		}
	}
	withoutID := 0
	for _, e := range elems {
		e.Properties = props[e.ArchiID]
		e.fromProperties()
		if e.ObjectID == "" {
			withoutID++
			continue
		}
		m.addElement(e)
	}
	resolve(d, m, rels, known)
	if modelID == "" && len(elems) > 0 {
		x := d.Warnf(first(elements.Name), "model", "de eerste regel is niet het model (soort %s); de naam en de release van het model ontbreken",
			"the first row is not the model (type %s); the model's name and release are missing", archiModelType)
		d.Hint(x, "exporteer het hele model uit Archi (Bestand › Exporteren › Model naar CSV)", "export the whole model from Archi (File › Export › Model to CSV)")
	}
	return finish(d, m, elements.Name, len(elems), withoutID)
}

// record is one row of a CSV file, by column name.
type record struct {
	fields []string
	col    map[string]int
	pos    blueprint.Pos
}

func (r record) get(name string) string {
	if i, ok := r.col[name]; ok && i < len(r.fields) {
		return r.fields[i]
	}
	return ""
}

// readTable reads a CSV file with a header row that has at least the
// columns need (all is the full header Archi writes, for the message). It
// calls row for every record and reports false when the file cannot be
// used.
func readTable(d *blueprint.Collector, f blueprint.File, all, need []string, row func(record)) bool {
	src := bytes.TrimPrefix(f.Src, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(src)) == 0 {
		d.Errorf(first(f.Name), "empty", "het bestand is leeg", "the file is empty")
		return false
	}
	cr := csv.NewReader(bytes.NewReader(src))
	cr.Comma = separator(src)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		csvError(d, f.Name, err)
		return false
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(h)] = i
	}
	var missing []string
	for _, n := range need {
		if _, ok := col[n]; !ok {
			missing = append(missing, `"`+n+`"`)
		}
	}
	if len(missing) > 0 {
		var x *blueprint.Diagnostic
		if len(missing) == 1 {
			x = d.Errorf(first(f.Name), "column", "kolom %s ontbreekt in de kopregel", "column %s is missing from the header row", missing[0])
		} else {
			x = d.Errorf(first(f.Name), "column", "de kolommen %s ontbreken in de kopregel", "columns %s are missing from the header row", strings.Join(missing, ", "))
		}
		d.Hint(x, "Archi's CSV-export heeft hier de kolommen %s; is dit het goede bestand?", "Archi's CSV export has the columns %s here; is this the right file?", `"`+strings.Join(all, `","`)+`"`)
		return false
	}
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			csvError(d, f.Name, err)
			return false
		}
		line, c := cr.FieldPos(0)
		row(record{fields: fields, col: col, pos: blueprint.Pos{File: f.Name, Line: line, Col: c}})
	}
}

// separator guesses the field separator from the header row: Archi writes
// commas, semicolons or tabs as the user chose.
func separator(src []byte) rune {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	quoted := false
	for _, b := range line {
		switch {
		case b == '"':
			quoted = !quoted
		case !quoted && (b == ',' || b == ';' || b == '\t'):
			return rune(b)
		}
	}
	return ','
}

func csvError(d *blueprint.Collector, name string, err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		pos := blueprint.Pos{File: name, Line: pe.Line, Col: max(pe.Column, 1)}
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			x := d.Errorf(pos, "syntax", "de aanhalingstekens kloppen niet: %v", "the quotes do not match: %v", pe.Err)
			d.Hint(x, "is het bestand afgebroken, of met de hand bewerkt? exporteer het opnieuw uit Archi", "is the file truncated, or edited by hand? export it again from Archi")
			return
		}
		d.Errorf(pos, "syntax", "geen geldige CSV: %v", "not valid CSV: %v", pe.Err)
		return
	}
	d.Errorf(first(name), "syntax", "kan het bestand niet lezen: %v", "cannot read the file: %v", err)
}
