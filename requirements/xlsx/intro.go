package xlsx

import (
	"fmt"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
)

// introWriter fills the Toelichting sheet from top to bottom.
type introWriter struct {
	w     *writer
	sheet string
	row   int
}

func (iw *introWriter) set(col int, v any, style int) {
	c := cell(col, iw.row)
	iw.w.check(iw.w.f.SetCellValue(iw.sheet, c, v))
	iw.w.check(iw.w.f.SetCellStyle(iw.sheet, c, c, style))
}

// line writes a label and a text, and sizes the row for the text.
func (iw *introWriter) line(label, text string) {
	iw.set(1, label, iw.w.st.label)
	iw.set(2, text, iw.w.st.text)
	iw.w.check(iw.w.f.MergeCell(iw.sheet, cell(2, iw.row), cell(4, iw.row)))
	iw.height(rowHeight(15, wrapped{text, 110}, wrapped{label, 28}))
	iw.row++
}

// para writes a text over the full width.
func (iw *introWriter) para(text string) {
	iw.set(1, text, iw.w.st.text)
	iw.w.check(iw.w.f.MergeCell(iw.sheet, cell(1, iw.row), cell(4, iw.row)))
	iw.height(rowHeight(15, wrapped{text, 138}))
	iw.row++
}

func (iw *introWriter) heading(text string) {
	iw.row++
	iw.set(1, text, iw.w.st.heading)
	iw.height(22)
	iw.row++
}

func (iw *introWriter) height(h float64) {
	iw.w.check(iw.w.f.SetRowHeight(iw.sheet, iw.row, h))
}

// introWidths are the widths of the Toelichting's columns.
var introWidths = []float64{28, 80, 12, 26}

// tableRow writes a row of a small table with styles per cell. With
// mergeLast the third value spans the last two columns.
func (iw *introWriter) tableRow(values []any, styles []int, mergeLast bool) {
	h := 15.0
	for i, v := range values {
		iw.set(i+1, v, styles[i])
		width := introWidths[i]
		if mergeLast && i == 2 {
			width += introWidths[3]
		}
		if s, ok := v.(string); ok {
			h = max(h, rowHeight(15, wrapped{s, width}))
		}
	}
	if mergeLast {
		iw.w.check(iw.w.f.MergeCell(iw.sheet, cell(3, iw.row), cell(4, iw.row)))
	}
	iw.height(h)
	iw.row++
}

func (w *writer) introSheet() {
	sheet := w.intro
	iw := &introWriter{w: w, sheet: sheet, row: 1}
	t := w.t
	cat := w.res.Catalogue
	for i, width := range introWidths {
		c := colName(i + 1)
		w.check(w.f.SetColWidth(sheet, c, c, width))
	}
	iw.set(1, t("Programma van Eisen", "Programme of Requirements")+" – "+cat.Title(w.lang), w.st.title)
	iw.height(28)
	iw.row++
	if org := w.meta.Organisation; org != "" {
		if len(w.meta.Municipalities) > 0 {
			org += " (" + strings.Join(w.meta.Municipalities, ", ") + ")"
		}
		iw.set(1, org, w.st.subtitle)
		w.check(w.f.MergeCell(sheet, cell(1, iw.row), cell(4, iw.row)))
		iw.height(rowHeight(18, wrapped{org, 120}))
		iw.row++
	}
	iw.row++
	dash := "—"
	or := func(s, alt string) string {
		if s == "" {
			return alt
		}
		return s
	}
	iw.line(t("Aanbesteding", "Tender"), or(w.meta.TenderID, dash))
	iw.line(t("Versie", "Version"), or(w.meta.Version, dash))
	iw.line(t("Datum", "Date"), or(w.meta.Date, t("niet vastgelegd", "not set")))
	iw.line(t("Eisencatalogus", "Requirements catalogue"), fmt.Sprintf(t("%s, versie %s", "%s, version %s"), cat.Title(w.lang), or(cat.Version, dash)))
	iw.line(t("Klantreizen", "Customer journeys"), w.journeyList())
	if w.meta.SourceHash != "" {
		iw.line(t("Broncontrole (SHA-256)", "Source check (SHA-256)"), w.meta.SourceHash)
	}
	if w.meta.Tool != "" {
		iw.line(t("Gemaakt met", "Made with"), w.meta.Tool)
	}

	iw.heading(t("Wat is dit document?", "What is this document?"))
	iw.para(t("Dit Programma van Eisen beschrijft wat de KCC-basisvoorziening moet kunnen. De eisen en wensen zijn afgeleid uit klantreizen die de gemeenten in werksessies als service blueprint hebben uitgewerkt. Bij elke eis en wens zegt de kolom Bron welke klantreizen en stappen erom vragen; het tabblad "+w.trace+" geeft alle plekken en de reden.",
		"This Programme of Requirements describes what the KCC shared service must be able to do. The requirements are derived from customer journeys the municipalities worked out as service blueprints in workshops. For each requirement the Source column says which journeys and steps ask for it; the "+w.trace+" sheet gives every place and the reason for each requirement."))
	iw.para(t("De eisen en wensen staan per functioneel blok op een eigen tabblad. Elke eis en wens heeft een vast ID dat nooit opnieuw wordt gebruikt; gebruik het ID in vragen in de nota van inlichtingen.",
		"The requirements are grouped per functional block on their own sheet. Each requirement has a fixed ID that is never reused; use the ID in questions during the Q&A round."))

	iw.heading(t("Hoe beantwoordt u de eisen?", "How to answer"))
	steps := []string{
		t("Kies op elk bloktabblad voor elke regel in de kolom Antwoord een antwoord uit de lijst (zie Antwoordcodes hieronder).",
			"On every block sheet, choose an answer for every row in the Answer column from the list (see Answer codes below)."),
		t("Kiest u Roadmap, vul dan de Roadmap-datum in: de datum waarop de functionaliteit algemeen beschikbaar is.",
			"If you choose Roadmap, fill in the Roadmap date: the date the functionality becomes generally available."),
		t("Licht in Toelichting leverancier toe hoe uw oplossing de eis waarmaakt; zeg bij Voldoet deels welk deel niet.",
			"Explain in Vendor explanation how your solution meets the requirement; for Complies partly, say which part it does not."),
		t("Noem in Bewijs / referentie waar de beoordelaar het antwoord kan controleren: document en paragraaf, een demonstratie of een referentieklant.",
			"Name in Evidence / reference where the assessor can check the answer: document and section, a demonstration or a reference customer."),
		t("Vul het tabblad "+w.price+" in: uw naam en de prijzen.", "Fill in the "+w.price+" sheet: your name and the prices."),
		t("Alleen de gele cellen zijn te bewerken. Wijzig geen eisen en wensen en voeg geen regels of tabbladen toe: de beoordeling leest de antwoorden per rij-sleutel terug en vergelijkt elke cel met de eigen PvE van de aanbestedende dienst.",
			"Only the yellow cells can be edited. Do not change requirements or add rows or sheets: the assessment reads the answers back by row key and compares every cell with the contracting authority's own PvE."),
		t("Typ of plak geen antwoorden buiten de lijst: de kolom Controle toont \"ongeldig\" bij een antwoord dat niet uit de lijst komt of een Roadmap zonder datum, en het tabblad "+w.summ+" telt ze. Formules tellen nooit als antwoord.",
			"Do not type or paste answers outside the list: the Check column shows \"invalid\" for an answer that is not from the list or a Roadmap without a date, and the "+w.summ+" sheet counts them. Formulas never count as an answer."),
		t("Lever het bestand in als .xlsx. Het tabblad "+w.summ+" rekent mee terwijl u invult, als indicatieve zelfcontrole.",
			"Return the file as .xlsx. The "+w.summ+" sheet calculates as you fill in, as an indicative self-check."),
	}
	for i, s := range steps {
		iw.line(fmt.Sprintf("%d.", i+1), s)
	}

	w.methodSection(iw)

	iw.heading(t("Tabbladen", "Sheets"))
	iw.line(w.intro, t("Deze toelichting.", "This introduction."))
	for _, b := range w.blocks {
		iw.line(b.name, fmt.Sprintf(t("%s: %s. %s", "%s: %s. %s"), b.block.Name(w.lang), w.countWords(b.rows), b.block.Explanation(w.lang)))
	}
	w.gemmaSheetLine(iw)
	iw.line(w.price, t("Uw naam en prijzen; de totale prijs over de contractduur telt in de beoordeling.", "Your name and prices; the total price over the contract period counts in the assessment."))
	iw.line(w.trace, t("Per eis of wens de klantreizen en stappen die erom vragen, met de reden.", "Per requirement the journeys and steps that ask for it, with the reason."))
	iw.line(w.summ, t("Indicatieve zelfcontrole: tellingen per blok, beantwoord, onbeantwoord en ongeldig, eisen niet voldaan en de score van de wensen; rekent mee tijdens het invullen.", "Indicative self-check: counts per block, answered, unanswered and invalid, knock-outs not met and the score; calculates as you fill in."))
	if w.carry != nil {
		iw.line(changesSheetName(w.lang), t("Wat sinds de vorige versie is toegevoegd, gewijzigd of vervallen, met de eerdere antwoorden.", "What was added, changed or withdrawn since the earlier version, with the earlier answers."))
	}

	if gs := w.gemmaUsed(); len(gs) > 0 {
		iw.heading("GEMMA")
		rel := cat.GemmaRelease
		if rel == "" {
			rel = dash
		}
		iw.para(fmt.Sprintf(t("De kolom GEMMA noemt de referentiecomponenten, applicatieservices en landelijke voorzieningen van GEMMA, de referentiearchitectuur van gemeenten (VNG Realisatie, release %s), waar de eis bij hoort. Architecten vinden ze in Archi op hun Object ID:",
			"The GEMMA column names the reference components, application services and national facilities of GEMMA, the reference architecture of Dutch municipalities (VNG Realisatie, release %s), that the requirement belongs to. Architects find them in Archi by their Object ID:"), rel))
		iw.tableRow([]any{t("Soort", "Kind"), t("Naam", "Name"), "Object ID", ""}, []int{w.st.tableHead, w.st.tableHead, w.st.tableHead, w.st.tableHead}, true)
		for _, g := range gs {
			iw.tableRow([]any{g.KindName(w.lang), g.Name, g.ObjectID, ""}, []int{w.st.tableCell, w.st.tableCell, w.st.tableCell, w.st.tableCell}, true)
		}
	}

	iw.heading(t("Niet gevraagde functies", "Functions not asked for"))
	if len(w.res.Unneeded) == 0 {
		iw.para(t("Elke functie van de eisencatalogus is nodig voor ten minste één klantreis.", "Every function of the requirements catalogue is needed by at least one journey."))
	} else {
		iw.para(t("Deze functies van de eisencatalogus staan niet in dit Programma van Eisen, omdat geen klantreis erom vraagt:",
			"These functions of the requirements catalogue are not in this Programme of Requirements, because no journey asks for them:"))
		for _, fn := range w.res.Unneeded {
			bname := fn.Block
			if b := cat.Block(fn.Block); b != nil {
				bname = b.Name(w.lang)
			}
			iw.line(fn.Name(w.lang), bname)
		}
	}
	if len(w.res.Wont) > 0 {
		iw.heading(t("Bewust niet gevraagd", "Deliberately not asked"))
		for _, row := range w.res.Wont {
			iw.line(row.Requirement.ID, row.Requirement.Title(w.lang)+" — "+row.Priority.Reason)
		}
	}
	w.protect(sheet)
	w.pageSetup(sheet, 0, false)
	w.check(w.f.SetSheetView(sheet, 0, noGrid()))
	w.dimension(sheet, len(introWidths), iw.row-1)
}

// journeyList names the journeys, at most twenty.
func (w *writer) journeyList() string {
	js := w.res.Journeys
	var names []string
	for i, j := range js {
		if i == 20 {
			names = append(names, fmt.Sprintf(w.t("… en nog %d", "… and %d more"), len(js)-20))
			break
		}
		names = append(names, requirements.JourneyName(j))
	}
	return fmt.Sprintf("%d: %s", len(js), strings.Join(names, "; "))
}

// gemmaUsed lists the GEMMA elements of the rows in the workbook, in
// catalogue order.
func (w *writer) gemmaUsed() []*gemma.Element {
	used := map[*gemma.Element]bool{}
	for _, row := range w.res.Rows {
		for _, g := range row.Gemma {
			used[g] = true
		}
	}
	var out []*gemma.Element
	for _, g := range w.res.Catalogue.Gemma {
		if used[g] {
			out = append(out, g)
		}
	}
	return out
}

// joinOr lists answers as "a, b of c".
func joinOr(lang blueprint.Lang, xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = "\"" + x + "\""
	}
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + blueprint.T(lang, " of ", " or ") + q[len(q)-1]
}
