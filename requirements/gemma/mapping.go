package gemma

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/csv"
	"io"
	"slices"
	"sync"
)

// Function2022 is an applicatiefunctie of GEMMA as it was on 3 March 2022,
// the last release before the applicatiefuncties became applicatieservices,
// with the service that replaced it.
type Function2022 struct {
	// ObjectID and Name are the applicatiefunctie's.
	ObjectID, Name string
	// Components are the names of the referentiecomponenten that realized
	// it in 2022.
	Components []string
	// Successor and SuccessorName are the Object ID and name of the
	// applicatieservice that replaced it, or empty when none did.
	Successor, SuccessorName string
}

// MappingFile is the name of VNG's mapping in ../shared/gemma, and of the
// reduced copy embedded in the tool.
const MappingFile = "gemma-applicatiefuncties-2022-mapping.csv"

//go:embed extract/applicatiefuncties-2022.csv
var mappingCSV []byte

var mapping struct {
	once sync.Once
	m    map[string]*Function2022
}

// Mapping2022 returns the applicatiefunctie of 2022 with the given Object
// ID, or nil.
func Mapping2022(objectID string) *Function2022 {
	mapping.once.Do(func() {
		fs, err := ReadMapping(bytes.NewReader(mappingCSV))
		if err != nil {
			panic("gemma: the embedded mapping is invalid: " + err.Error()) // a test rules it out
		}
		mapping.m = map[string]*Function2022{}
		for _, f := range fs {
			mapping.m[f.ObjectID] = f
		}
	})
	return mapping.m[objectID]
}

// mappingColumns are the columns of VNG's mapping file that the tool uses.
var mappingColumns = []string{"af_object_id", "af_name", "af_realized_by_components_2022", "as_object_id_current", "as_name_current"}

// ReadMapping reads the mapping of applicatiefuncties (VNG's file, or the
// reduced copy WriteMapping makes: the columns mappingColumns).
func ReadMapping(r io.Reader) ([]*Function2022, error) {
	cr := csv.NewReader(r)
	head, err := cr.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, c := range mappingColumns {
		if _, ok := col[c]; !ok {
			return nil, &csv.ParseError{Line: 1, Err: errColumn(c)}
		}
	}
	var out []*Function2022
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		get := func(c string) string { return rec[col[c]] }
		f := &Function2022{ObjectID: get("af_object_id"), Name: get("af_name"), Successor: get("as_object_id_current"), SuccessorName: get("as_name_current")}
		if c := get("af_realized_by_components_2022"); c != "" {
			f.Components = splitList(c)
		}
		out = append(out, f)
	}
}

// WriteMapping writes fs with the columns the tool uses, sorted by Object
// ID.
func WriteMapping(w io.Writer, fs []*Function2022) error {
	fs = slices.Clone(fs)
	slices.SortFunc(fs, func(a, b *Function2022) int { return cmp.Compare(a.ObjectID, b.ObjectID) })
	cw := csv.NewWriter(w)
	cw.Write(mappingColumns)
	for _, f := range fs {
		cw.Write([]string{f.ObjectID, f.Name, joinList(f.Components), f.Successor, f.SuccessorName})
	}
	cw.Flush()
	return cw.Error()
}

type errColumn string

func (e errColumn) Error() string { return "no column " + string(e) }

// The mapping separates the components of a function with "; ".
func splitList(s string) []string {
	var out []string
	for _, p := range bytes.Split([]byte(s), []byte(";")) {
		if p = bytes.TrimSpace(p); len(p) > 0 {
			out = append(out, string(p))
		}
	}
	return out
}

func joinList(xs []string) string {
	var b bytes.Buffer
	for i, x := range xs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(x)
	}
	return b.String()
}
