package requirements

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// SchemaVersion is the version of the layout of the outputs (the workbook's
// hidden columns and metadata sheet, the JSON and CSV columns). An importer
// of vendor answers checks it.
//
// Version 2: the visible Controle column and the hidden invalid column on
// the block sheets, the Prijsblad, the method in _meta, and a fingerprint
// over the identifying cells only (FingerprintColumns).
const SchemaVersion = 2

// Meta describes a document beyond its requirements: which tender it is
// for, which version, and which journeys it came from. The CLI fills it;
// nothing in it comes from the clock unless the user gives a date.
type Meta struct {
	// TenderID names the tender (aanbesteding), such as "KCC-2026-01".
	TenderID string
	// Version is the version of this PvE, such as "1.0".
	Version string
	// Date is the document date as YYYY-MM-DD, or empty.
	Date string
	// Organisation and Municipalities come from blueprint.toml.
	Organisation   string
	Municipalities []string
	// SourceHash is the SHA-256 of the journey files (see SourceHash).
	SourceHash string
	// Files are the source files, in load order.
	Files []string
	// Tool is the name and version of the program that wrote the document.
	Tool string
	// Password, when set, protects the workbook's sheets.
	Password string
	// Method is the assessment method the workbook publishes; nil means
	// DefaultMethod of the result's catalogue and rows.
	Method *Method
}

// MetaFor fills a Meta from the model and the files it was loaded from.
func MetaFor(m *blueprint.Model, files []blueprint.File) Meta {
	meta := Meta{
		Organisation:   m.Project.Organisation,
		Municipalities: m.Project.Municipalities,
		SourceHash:     SourceHash(files),
	}
	for _, f := range files {
		meta.Files = append(meta.Files, f.Name)
	}
	return meta
}

// SourceHash is the SHA-256 (hex) of the source files: for each file, in
// order, its name, its length and its bytes. Two workbooks with the same
// hash were made from the same journeys.
func SourceHash(files []blueprint.File) string {
	h := NewSourceHasher()
	for i := range files {
		h.Add(&files[i])
	}
	return h.Sum()
}

// SourceHasher makes SourceHash one file at a time, for a caller that
// lets go of each file's text once it is loaded (blueprint.Options.Decoded).
type SourceHasher struct{ h hash.Hash }

// NewSourceHasher returns a SourceHasher that has seen no file.
func NewSourceHasher() *SourceHasher { return &SourceHasher{h: sha256.New()} }

// Add adds the next file.
func (s *SourceHasher) Add(f *blueprint.File) {
	fmt.Fprintf(s.h, "%s\x00%d\x00", f.Name, len(f.Src))
	s.h.Write(f.Src)
}

// Sum is SourceHash of the files added, in the order added.
func (s *SourceHasher) Sum() string { return hex.EncodeToString(s.h.Sum(nil)) }

// Fingerprint is a short hash of what identifies a row's requirement in a
// language: what the vendor answered to (FingerprintColumns). The importer
// and matrix --carry-answers compare it to see whether a requirement
// changed.
func Fingerprint(row *Row, lang blueprint.Lang) string {
	return FingerprintCells(BuyerCells(row, lang))
}

// FingerprintColumns are the indices in BuyerCells of the cells the
// fingerprint covers: ID, subject, requirement, kind, priority, weight and
// verification. The rationale, the source and the GEMMA names explain a
// requirement but do not change what is asked, so a new journey that also
// needs it leaves the fingerprint as it was.
var FingerprintColumns = []int{0, 1, 2, 4, 5, 6, 9}

// FingerprintCells is Fingerprint for cells already made by BuyerCells (or
// read back from a workbook in that order). The cells are the texts as
// written, cut where a cell could not hold them (CutCell), so a cut cell
// matches its own fingerprint.
func FingerprintCells(cells []string) string {
	h := sha256.New()
	for _, i := range FingerprintColumns {
		if i < len(cells) {
			io.WriteString(h, cells[i])
		}
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// BuyerCells are the texts of a row that the buyer writes and the vendor
// answers to, in the order of the workbook's columns: ID, subject,
// requirement, rationale, kind, MoSCoW, weight, source, GEMMA,
// verification. A text longer than a cell holds is cut with a visible
// marker (CutCell).
func BuyerCells(row *Row, lang blueprint.Lang) []string {
	r := row.Requirement
	cells := []string{
		r.ID,
		r.Title(lang),
		r.Text(lang),
		Rationale(row, lang),
		KindName(lang, row.Kind),
		MoSCoWName(lang, row.MoSCoW),
		WeightText(lang, row),
		SourceSummary(row, lang, MaxCellText),
		GemmaText(row, lang),
		VerificationName(lang, r.Verification),
	}
	for i, c := range cells {
		cells[i] = CutCell(c, lang)
	}
	return cells
}

// MaxCell is the most characters (UTF-16 code units, as Excel counts) one
// cell of a workbook holds.
const MaxCell = 32767

// CutCell returns s, or when it does not fit in one cell, its beginning
// with a visible marker that says how much was cut and where the whole
// text is. Excel and excelize would otherwise cut it silently.
func CutCell(s string, lang blueprint.Lang) string {
	n := utf16Len(s)
	if n <= MaxCell {
		return s
	}
	marker := fmt.Sprintf(blueprint.T(lang, " … [afgekapt: de tekst heeft %d tekens, een cel houdt er %d; de volledige tekst staat in blueprint matrix --format json]",
		" … [cut: the text has %d characters, a cell holds %d; the full text is in blueprint matrix --format json]"), n, MaxCell)
	keep := MaxCell - utf16Len(marker)
	units := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > keep {
			return s[:i] + marker
		}
		units += w
	}
	return s
}

// utf16Len counts s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// MaxCellText is the longest text put in one workbook cell. Excel's limit is
// 32,767 characters; a cell that long is unreadable anyway.
const MaxCellText = 2000

// Rationale is the rationale column: the catalogue's rationale and the
// reason for the priority.
func Rationale(row *Row, lang blueprint.Lang) string {
	parts := []string{}
	if s := row.Requirement.Rationale(lang); s != "" {
		parts = append(parts, s)
	}
	if row.Priority.Reason != "" {
		parts = append(parts, row.Priority.Reason)
	}
	return strings.Join(parts, "\n")
}

// KindName returns eis/wens in lang.
func KindName(lang blueprint.Lang, kind string) string {
	if lang == blueprint.English {
		switch kind {
		case blueprint.KindKO:
			return "knock-out"
		case blueprint.KindScored:
			return "scored"
		}
	}
	return kind
}

// MoSCoWName returns the MoSCoW priority as written in the matrix.
func MoSCoWName(lang blueprint.Lang, m string) string {
	switch m {
	case blueprint.MoSCoWMust:
		return "Must"
	case blueprint.MoSCoWShould:
		return "Should"
	case blueprint.MoSCoWCould:
		return "Could"
	case blueprint.MoSCoWWont:
		return "Won't"
	}
	return m
}

// WeightText is the weight column: the number for a wish, KO for a
// knock-out requirement.
func WeightText(lang blueprint.Lang, row *Row) string {
	if row.Kind == blueprint.KindKO {
		return "KO"
	}
	return strconv.Itoa(row.Weight)
}

// GemmaText lists the GEMMA elements of a row, one line per kind: the kind
// and the names.
func GemmaText(row *Row, lang blueprint.Lang) string {
	var kinds []string
	names := map[string][]string{}
	for _, g := range row.Gemma {
		k := g.KindName(lang)
		if names[k] == nil {
			kinds = append(kinds, k)
		}
		names[k] = append(names[k], g.Name)
	}
	lines := make([]string, len(kinds))
	for i, k := range kinds {
		lines[i] = k + ": " + strings.Join(names[k], "; ")
	}
	return strings.Join(lines, "\n")
}

// GemmaIDs lists the Object IDs of a row's GEMMA elements, space-separated.
func GemmaIDs(row *Row) string { return strings.Join(row.Requirement.Gemma, " ") }

// JourneyName is how a journey is named in sources: its title.
func JourneyName(j *blueprint.Journey) string {
	if j.Title != "" {
		return j.Title
	}
	return j.ID
}

// where names the place of a trace as the sources say it: its Place, or
// "prioriteit" for a [[prioriteit]].
func where(t *Trace, lang blueprint.Lang) string {
	if p := t.Place(lang); p != "" {
		return p
	}
	if t.Kind == TracePriority {
		return blueprint.T(lang, "prioriteit", "priority")
	}
	return ""
}

// maxPlaces is the number of steps (or phases, personas) the source column
// names per journey; the Traceerbaarheid sheet has them all.
const maxPlaces = 3

// maxGroups is the number of journeys whose places SourceSummary collects;
// a cell has no room for more, and the rest are counted.
const maxGroups = 40

// maxShown is the number of journeys the source column names when there
// are more; it then starts with the totals.
const maxShown = 5

// SourceSummary is the source column (bron): per journey up to three steps
// that need the requirement, then personas and requirements that require
// it. It stops at about max characters (0: no limit) and says how many
// journeys it left out. It is linear in the number of traces.
func SourceSummary(row *Row, lang blueprint.Lang, max int) string {
	type group struct {
		name   string
		places []string
	}
	var groups []*group
	index := map[*blueprint.Journey]int{}
	var personas, vias []string
	project := false
	for _, t := range row.Traces {
		switch {
		case t.Kind == TraceRequired:
			if !slices.Contains(vias, t.Via.ID) {
				vias = append(vias, t.Via.ID)
			}
		case t.Journey == nil && t.Persona != nil:
			if !slices.Contains(personas, t.Persona.Name) {
				personas = append(personas, t.Persona.Name)
			}
		case t.Journey == nil:
			project = true
		default:
			i, ok := index[t.Journey]
			if !ok {
				i = len(groups)
				index[t.Journey] = i
				var g *group
				if max <= 0 || i < maxGroups {
					g = &group{name: JourneyName(t.Journey)}
				}
				groups = append(groups, g)
			}
			if g := groups[i]; g != nil {
				if w := where(t, lang); w != "" && !slices.Contains(g.places, w) {
					g.places = append(g.places, w)
				}
			}
		}
	}
	var b strings.Builder
	left := 0
	shown := len(groups)
	if max > 0 && shown > maxShown {
		// Many journeys: the totals, then a few as examples.
		fmt.Fprintf(&b, blueprint.T(lang, "%d klantreizen, %d stappen; onder meer:", "%d journeys, %d steps; among them:"), row.Journeys, row.Steps)
		shown = maxShown
	}
	for i, g := range groups {
		if i == shown {
			left = len(groups) - i
			break
		}
		if g == nil || (max > 0 && b.Len() > max) {
			left = len(groups) - i
			break
		}
		line := g.name
		if len(g.places) > maxPlaces {
			more := len(g.places) - maxPlaces
			g.places = append(g.places[:maxPlaces:maxPlaces], fmt.Sprintf(blueprint.T(lang, "en nog %d", "and %d more"), more))
		}
		if len(g.places) > 0 {
			line += ": " + strings.Join(g.places, "; ")
		}
		if max > 0 && b.Len()+len(line) > max && i > 0 {
			left = len(groups) - i
			break
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(line)
	}
	if left > 0 {
		fmt.Fprintf(&b, blueprint.T(lang, "\n… en nog %d klantreizen (zie Traceerbaarheid)", "\n… and %d more journeys (see Traceability)"), left)
	}
	if len(personas) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(blueprint.T(lang, "Persona's: ", "Personas: ") + strings.Join(personas, ", "))
	}
	if len(vias) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(blueprint.T(lang, "Vereist door ", "Required by ") + strings.Join(vias, ", "))
	}
	if project {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(blueprint.T(lang, "Prioriteit van het project", "Project priority"))
	}
	if !row.Needed {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(blueprint.T(lang, "Niet afgeleid uit de klantreizen", "Not derived from the journeys"))
	}
	return b.String()
}

// CountText says how many requirements there are, in the one vocabulary of
// every document and message: in Dutch an eis is a knock-out requirement
// and a wens a scored one, together "eisen en wensen"; in English they
// are knock-out and scored requirements.
func CountText(lang blueprint.Lang, ko, scored int) string {
	if lang == blueprint.English {
		return fmt.Sprintf("%d requirements (%d knock-out, %d scored)", ko+scored, ko, scored)
	}
	return fmt.Sprintf("%d eisen en wensen (%d %s, %d %s)", ko+scored, ko, plural(lang, ko, "eis", "eisen", "", ""), scored, plural(lang, scored, "wens", "wensen", "", ""))
}
