package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/compare"
)

// Carry is what blueprint matrix --carry-answers brings from an earlier
// version of a PvE (after a nota van inlichtingen) into the new one: the
// answers to requirements that did not change, and a list of what did.
type Carry struct {
	// From names the earlier file; FromVersion is its tender version.
	From, FromVersion string
	// Changes lists every requirement added, changed or withdrawn, in the
	// order of the new PvE, withdrawn ones last.
	Changes []Change
	// Kept counts the requirements whose answers were carried over.
	Kept int

	answers map[string]carried
	changed map[string]bool
	price   map[string]compare.Cell
}

// Kinds of change.
const (
	ChangeAdded     = "added"
	ChangeChanged   = "changed"
	ChangeWithdrawn = "withdrawn"
)

// Change is one requirement that is new, changed or withdrawn, with the
// answers it had (nothing a vendor wrote is lost).
type Change struct {
	ID, Title, Kind string
	// What says what changed, one line per cell: "Eis: was …, nu …".
	What []string
	// The earlier answers, verbatim.
	Answer, Roadmap, Note, Evidence string
}

type carried struct{ answer, roadmap, note, evidence compare.Cell }

// PlanCarry compares the earlier version old with the new result res and
// plans what to carry over. Findings about old (a renamed sheet, a formula
// that is not carried) go to c as warnings.
func PlanCarry(old *compare.Book, res *requirements.Result, c *blueprint.Collector) *Carry {
	lang := res.Lang.Or(blueprint.Dutch)
	carry := &Carry{From: old.File, answers: map[string]carried{}, changed: map[string]bool{}, price: map[string]compare.Cell{}}
	if old.Meta == nil {
		return carry
	}
	carry.FromVersion = old.Meta.Version
	if old.Meta.Lang != "" && old.Meta.Lang != lang {
		c.Warnf(blueprint.Pos{File: old.File}, "carry-language", "de vorige versie is in een andere taal (%s); alle eisen tellen als gewijzigd", "the earlier version is in another language (%s); every requirement counts as changed", old.Meta.Lang)
	}
	l := compare.LayoutOf(old)
	before := len(c.Diags)
	loc := compare.Locate(old, l, c)
	for i := before; i < len(c.Diags); i++ {
		c.Diags[i].Severity = blueprint.Warning
	}
	headers := requirements.Headers(lang)
	seen := map[string]bool{}
	for _, row := range res.Rows {
		id := row.Requirement.ID
		seen[id] = true
		f := loc.Rows[id]
		if f == nil {
			carry.Changes = append(carry.Changes, Change{ID: id, Title: row.Requirement.Title(lang), Kind: ChangeAdded})
			continue
		}
		cur := requirements.BuyerCells(row, lang)
		var what []string
		for _, i := range requirements.FingerprintColumns {
			was, _ := f.Cell(old.File, compare.BuyerColumns[i])
			if was.Text != cur[i] {
				what = append(what, fmt.Sprintf(blueprint.T(lang, "%s: was %s, nu %s", "%s: was %s, now %s"), headers[i], compare.Quote(was.Text, 200), compare.Quote(cur[i], 200)))
			}
		}
		prev := oldAnswers(f, old.File)
		if len(what) > 0 {
			carry.changed[id] = true
			carry.Changes = append(carry.Changes, Change{ID: id, Title: row.Requirement.Title(lang), Kind: ChangeChanged, What: what,
				Answer: cellShow(prev.answer), Roadmap: cellShow(prev.roadmap), Note: cellShow(prev.note), Evidence: cellShow(prev.evidence)})
			continue
		}
		for _, x := range []struct {
			cell compare.Cell
			key  string
		}{{prev.answer, compare.ColAnswer}, {prev.roadmap, compare.ColRoadmap}, {prev.note, compare.ColNote}, {prev.evidence, compare.ColEvidence}} {
			if x.cell.Formula {
				_, pos := f.Cell(old.File, x.key)
				c.Warnf(pos, "carry-formula", "%s: een formule (=%s) wordt niet overgenomen", "%s: a formula (=%s) is not carried over", id, x.cell.FormulaText)
			}
		}
		carry.answers[id] = prev
		if !prev.answer.IsEmpty() || !prev.note.IsEmpty() || !prev.evidence.IsEmpty() {
			carry.Kept++
		}
	}
	for _, id := range l.Order {
		if seen[id] {
			continue
		}
		f := loc.Rows[id]
		if f == nil {
			continue
		}
		title, _ := f.Cell(old.File, compare.ColTitle)
		text, _ := f.Cell(old.File, compare.ColText)
		o := oldAnswers(f, old.File)
		carry.Changes = append(carry.Changes, Change{ID: id, Title: title.Text, Kind: ChangeWithdrawn,
			What:   []string{blueprint.T(lang, "Vervallen: ", "Withdrawn: ") + text.Text},
			Answer: cellShow(o.answer), Roadmap: cellShow(o.roadmap), Note: cellShow(o.note), Evidence: cellShow(o.evidence)})
	}
	if p := old.Meta.Price; p != nil {
		if s := old.Sheet(p.Sheet); s != nil {
			for _, key := range []string{PriceParty, PriceOnce, PriceLicence, PriceService} {
				if cell := s.Row(p.Rows[key]).At(colNumber(p.Column)); !cell.IsEmpty() && !cell.Formula {
					carry.price[key] = cell
				}
			}
		}
	}
	return carry
}

func oldAnswers(f *compare.Found, file string) carried {
	a, _ := f.Cell(file, compare.ColAnswer)
	r, _ := f.Cell(file, compare.ColRoadmap)
	n, _ := f.Cell(file, compare.ColNote)
	e, _ := f.Cell(file, compare.ColEvidence)
	return carried{a, r, n, e}
}

// cellShow is a cell as the Wijzigingen sheet shows it: its text, a
// formula as =…, a date serial as a date.
func cellShow(c compare.Cell) string {
	if c.Formula && c.Text == "" {
		return "=" + c.FormulaText
	}
	return c.Text
}

// changesSheetName is the name of the sheet that lists the changes.
func changesSheetName(lang blueprint.Lang) string { return blueprint.T(lang, "Wijzigingen", "Changes") }

// carryRow fills in the carried answers of one row, and reports whether
// the row's requirement changed (then its answers are not carried, and
// the Check column asks to answer it again).
func (w *writer) carryRow(sheet string, r int, row *requirements.Row) bool {
	if w.carry == nil {
		return false
	}
	id := row.Requirement.ID
	if w.carry.changed[id] {
		return true
	}
	a, ok := w.carry.answers[id]
	if !ok {
		return false
	}
	for _, x := range []struct {
		col  int
		cell compare.Cell
	}{{colAnswer, a.answer}, {colRoadmap, a.roadmap}, {colVendorNote, a.note}, {colEvidence, a.evidence}} {
		w.carryCell(sheet, cell(x.col, r), x.cell)
	}
	return false
}

// carryCell writes one carried cell: text stays text, a number (a date
// serial, an amount) stays a number, a formula is not carried.
func (w *writer) carryCell(sheet, ref string, c compare.Cell) {
	if c.IsEmpty() || c.Formula {
		return
	}
	if c.Kind == compare.CellNumber {
		if v, err := strconv.ParseFloat(c.Text, 64); err == nil {
			w.check(w.f.SetCellValue(sheet, ref, v))
			return
		}
	}
	w.check(w.f.SetCellStr(sheet, ref, c.Text))
}

// changesSheet writes the Wijzigingen sheet: every requirement added,
// changed or withdrawn since the earlier version, with its earlier
// answers. Withdrawn requirements stay here, marked vervallen.
func (w *writer) changesSheet() {
	f, t := w.f, w.t
	sheet := changesSheetName(w.lang)
	set := func(c, r int, v string, style int) {
		w.check(f.SetCellStr(sheet, cell(c, r), v))
		w.check(f.SetCellStyle(sheet, cell(c, r), cell(c, r), style))
	}
	widths := []float64{12, 14, 28, 60, 20, 13, 36, 24}
	for i, wd := range widths {
		w.check(f.SetColWidth(sheet, colName(i+1), colName(i+1), wd))
	}
	set(1, 1, t("Wijzigingen ten opzichte van de vorige versie", "Changes since the earlier version"), w.st.title)
	w.check(f.SetRowHeight(sheet, 1, 26))
	from := w.carry.FromVersion
	if from == "" {
		from = "—"
	}
	desc := fmt.Sprintf(t("Antwoorden overgenomen uit %s (versie %s) voor %d eisen en wensen die niet veranderden. Gewijzigde eisen en wensen zijn leeg gelaten en in de kolom Controle gemarkeerd: beantwoord ze opnieuw. Vervallen eisen en wensen staan hieronder, met het antwoord dat ze hadden.",
		"Answers carried over from %s (version %s) for %d requirements that did not change. Changed requirements were left empty and are marked in the Check column: answer them again. Withdrawn requirements are listed below, with the answer they had."),
		w.carry.From, from, w.carry.Kept)
	set(1, 2, desc, w.st.desc)
	w.check(f.MergeCell(sheet, "A2", "H2"))
	w.check(f.SetRowHeight(sheet, 2, rowHeight(30, wrapped{desc, 200})))
	head := []string{"ID", t("Wijziging", "Change"), t("Onderwerp", "Subject"), t("Wat is gewijzigd", "What changed"),
		t("Vorig antwoord", "Earlier answer"), t("Vorige roadmap-datum", "Earlier roadmap date"), t("Vorige toelichting", "Earlier explanation"), t("Vorig bewijs", "Earlier evidence")}
	for i, h := range head {
		set(i+1, 3, h, w.st.headBuyer)
	}
	kinds := map[string]string{ChangeAdded: t("toegevoegd", "added"), ChangeChanged: t("gewijzigd", "changed"), ChangeWithdrawn: t("vervallen", "withdrawn")}
	r := 4
	for _, ch := range w.carry.Changes {
		vals := []string{ch.ID, kinds[ch.Kind], ch.Title, requirements.CutCell(strings.Join(ch.What, "\n"), w.lang), ch.Answer, ch.Roadmap, ch.Note, ch.Evidence}
		for i, v := range vals {
			style := w.st.cell
			if i == 1 && ch.Kind == ChangeWithdrawn {
				style = w.st.cellKO
			}
			set(i+1, r, v, style)
		}
		w.check(f.SetRowHeight(sheet, r, rowHeight(20, wrapped{vals[3], 60}, wrapped{vals[6], 36})))
		r++
	}
	if len(w.carry.Changes) == 0 {
		set(1, r, t("Geen eisen of wensen toegevoegd, gewijzigd of vervallen.", "No requirements added, changed or withdrawn."), w.st.desc)
		r++
	}
	w.check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}))
	w.protect(sheet)
	w.pageSetup(sheet, 3, true)
	w.check(f.SetSheetView(sheet, 0, noGrid()))
	w.dimension(sheet, len(head), r-1)
}

// carryPrice fills in the carried price sheet values.
func (w *writer) carryPrice() {
	if w.carry == nil {
		return
	}
	for key, c := range w.carry.price {
		w.carryCell(w.price, cell(priceValueCol, priceRow(key)), c)
	}
}
