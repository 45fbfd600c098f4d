package compare

import (
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// Master is the buyer's own PvE, read back: the truth against which every
// response is checked. Texts, kinds, priorities and weights come from here,
// never from a vendor's copy.
type Master struct {
	File   string
	Meta   *Meta
	Lang   blueprint.Lang
	Layout *Layout
	// Method is the assessment method the PvE published.
	Method *requirements.Method
	Blocks []*Block
	Reqs   []*Requirement
	ByID   map[string]*Requirement
}

// Block is a block of the master with its requirements.
type Block struct {
	Code, Sheet, Name string
	Reqs              []*Requirement
}

// Requirement is one row of the master.
type Requirement struct {
	ID    string
	Block *Block
	// Place is the sheet and row in the master.
	Place Place
	// Cells are the buyer's cells in the order of BuyerColumns.
	Cells []string
	// Kind is blueprint.KindKO or KindScored; Priority must, should or
	// could; Weight the weight of a scored requirement.
	Kind     string
	Priority string
	Weight   float64
	// Fingerprint is computed from Cells.
	Fingerprint string
}

// Title, Text and Source are the requirement's cells.
func (r *Requirement) Title() string  { return r.Cells[1] }
func (r *Requirement) Text() string   { return r.Cells[2] }
func (r *Requirement) Source() string { return r.Cells[7] }

// IsKO reports whether the requirement is a knock-out (eis).
func (r *Requirement) IsKO() bool { return r.Kind == blueprint.KindKO }

// MasterFrom reads the master out of a workbook. Problems with the master
// itself are errors: a broken master makes every comparison wrong.
func MasterFrom(book *Book, c *blueprint.Collector) *Master {
	file := book.File
	if book.Meta == nil {
		c.Hint(NotOurs(c, file), "geef met --pve de PvE die blueprint matrix schreef, zoals u hem verstuurde", "give with --pve the PvE that blueprint matrix wrote, as you sent it")
		return nil
	}
	if book.Meta.Schema != requirements.SchemaVersion {
		d := c.Errorf(blueprint.CellPos(file, MetaSheet, "B1"), "schema", "de PvE heeft schemaversie %d; blueprint compare leest versie %d",
			"the PvE has schema version %d; blueprint compare reads version %d", book.Meta.Schema, requirements.SchemaVersion)
		c.Hint(d, "schrijf de PvE opnieuw met deze versie van blueprint matrix (met --carry-answers voor ingevulde antwoorden)",
			"write the PvE again with this version of blueprint matrix (with --carry-answers for filled-in answers)")
		return nil
	}
	m := &Master{File: file, Meta: book.Meta, Lang: book.Meta.Lang.Or(blueprint.Dutch), ByID: map[string]*Requirement{}}
	m.Layout = LayoutOf(book)
	before := len(c.Diags)
	loc := Locate(book, m.Layout, c)
	for i := before; i < len(c.Diags); i++ {
		c.Diags[i].Severity = blueprint.Error // the master must be as written
	}
	blocks := map[string]*Block{}
	for _, mb := range book.Meta.Blocks {
		b := &Block{Code: mb.Code, Sheet: mb.Sheet, Name: mb.Sheet}
		if s := book.Sheet(mb.Sheet); s != nil {
			if t := s.Row(1).At(1).Text; strings.Contains(t, " – ") {
				b.Name = t[strings.Index(t, " – ")+len(" – "):]
			}
		}
		blocks[mb.Code] = b
		m.Blocks = append(m.Blocks, b)
	}
	for _, key := range m.Layout.Order {
		f := loc.Rows[key]
		if f == nil {
			continue
		}
		r := &Requirement{ID: key, Block: blocks[m.Layout.Keys[key]], Place: Place{Sheet: f.Sheet.Name, Row: f.Row.Num}}
		for _, k := range BuyerColumns {
			cell, _ := f.Cell(file, k)
			r.Cells = append(r.Cells, cell.Text)
		}
		r.Kind = ParseKind(r.Cells[4])
		r.Priority = ParsePriority(r.Cells[5])
		if r.Kind == blueprint.KindScored {
			r.Weight, _ = strconv.ParseFloat(strings.TrimSpace(r.Cells[6]), 64)
		}
		r.Fingerprint = requirements.FingerprintCells(r.Cells)
		if fp, pos := f.Cell(file, ColFingerprint); strings.TrimSpace(fp.Text) != r.Fingerprint && book.Meta.Schema == requirements.SchemaVersion {
			d := c.Errorf(pos, "master-changed", "%s in de PvE is gewijzigd nadat blueprint hem schreef (de vingerafdruk klopt niet)",
				"%s in the PvE was changed after blueprint wrote it (the fingerprint does not match)", key)
			c.Hint(d, "gebruik de PvE zoals u hem verstuurde, of schrijf hem opnieuw met blueprint matrix", "use the PvE as you sent it, or write it again with blueprint matrix")
		}
		if r.Kind == "" {
			c.Errorf(blueprint.CellPos(file, f.Sheet.Name, Ref(f.Cols[ColKind], f.Row.Num)), "master-kind", "%s heeft soort %s; verwacht eis of wens", "%s has kind %s; expected eis or wens", key, Quote(r.Cells[4], 20))
		}
		if b := r.Block; b != nil {
			b.Reqs = append(b.Reqs, r)
		}
		m.Reqs = append(m.Reqs, r)
		m.ByID[key] = r
	}
	method, diags := requirements.ReadMethod(blueprint.CellPos(file, MetaSheet, "B1").String(), []byte(book.Meta.Method), &requirements.Method{}, c.Lang)
	c.Diags = append(c.Diags, diags...)
	if method == nil {
		return nil
	}
	c.Diags = append(c.Diags, method.Check(m.AnswerCodes(), m.BlockCodes(), m.IDs(), c.Lang)...)
	m.Method = method
	if book.Meta.Price == nil {
		c.Errorf(blueprint.Pos{File: file, Sheet: MetaSheet}, "no-price-sheet", "de PvE heeft geen prijsblad", "the PvE has no price sheet")
	}
	return m
}

// NotOurs reports a workbook without the _meta sheet: not a PvE of
// blueprint. The caller adds the hint that fits.
func NotOurs(c *blueprint.Collector, file string) *blueprint.Diagnostic {
	return c.Errorf(blueprint.Pos{File: file}, "not-ours", "is geen Programma van Eisen van blueprint (het verborgen tabblad _meta ontbreekt)",
		"is not a Programme of Requirements written by blueprint (the hidden sheet _meta is missing)")
}

// AnswerCodes returns the answer codes in drop-down order.
func (m *Master) AnswerCodes() []string {
	var out []string
	for _, a := range m.Meta.Answers {
		out = append(out, a.Code)
	}
	return out
}

// BlockCodes returns the block codes in order.
func (m *Master) BlockCodes() []string {
	var out []string
	for _, b := range m.Blocks {
		out = append(out, b.Code)
	}
	return out
}

// IDs returns the requirement ids in order.
func (m *Master) IDs() []string {
	out := make([]string, len(m.Reqs))
	for i, r := range m.Reqs {
		out[i] = r.ID
	}
	return out
}

// Block returns the block with code, or nil.
func (m *Master) Block(code string) *Block {
	for _, b := range m.Blocks {
		if b.Code == code {
			return b
		}
	}
	return nil
}

// ParseKind reads a kind as the workbook writes it, in either language.
func ParseKind(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case blueprint.KindKO, "knock-out":
		return blueprint.KindKO
	case blueprint.KindScored, "scored":
		return blueprint.KindScored
	}
	return ""
}

// ParsePriority reads a priority as the workbook writes it ("Must").
func ParsePriority(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "must":
		return blueprint.MoSCoWMust
	case "should":
		return blueprint.MoSCoWShould
	case "could":
		return blueprint.MoSCoWCould
	case "won't", "wont":
		return blueprint.MoSCoWWont
	}
	return ""
}
