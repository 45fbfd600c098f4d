package compare

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// Response is one vendor's answers as checked against the master: the
// canonical answers (codes from the master's list, dates, texts) and the
// findings of the import (Importverslag).
type Response struct {
	// File is the response's file name as given.
	File string
	// Name is the tenderer's name from the price sheet, or the file name.
	Name string
	// Label is how outputs name the party: Name, or "Inschrijver A" with
	// --anonymise.
	Label string
	// Answers are the answers by requirement id; a requirement without a
	// usable answer has none.
	Answers map[string]*Answer
	// Price is the price sheet as read.
	Price Price
	// Findings are the diagnostics of this response, in the order found.
	Findings blueprint.Diagnostics
	// Unreadable is set when the file could not be read at all; it is then
	// not scored.
	Unreadable bool
	// Hash is the SHA-256 of the file, for the anonymous order.
	Hash string
}

// Answer is one canonical answer.
type Answer struct {
	// Code is the answer code, "" when the cell is empty or invalid.
	Code string
	// Invalid says why the answer does not count ("" when it does).
	Invalid string
	// Roadmap is the roadmap date as YYYY-MM-DD.
	Roadmap string
	// Note and Evidence are the vendor's texts, verbatim.
	Note, Evidence string
	// Raw is the answer cell as the vendor wrote it.
	Raw string
	// Pos is the answer cell.
	Pos blueprint.Pos
}

// Price is the price sheet as read: euros, excluding VAT.
type Price struct {
	Once, Licence, Service float64
	// Total is Once + years × (Licence + Service), computed here.
	Total float64
	// OK is set when every amount could be read.
	OK bool
}

// Check reads the answers of book against the master and reports every
// finding to c, in the language of c: the master's texts and numbers are
// the truth, and every change the vendor made to them is a finding.
// It returns nil when the book is not a response to this PvE at all (not
// ours, another tender or version); that too is reported.
func Check(m *Master, book *Book, c *blueprint.Collector) *Response {
	file := book.File
	resp := &Response{File: file, Answers: map[string]*Answer{}}
	start := len(c.Diags)
	defer func() { resp.Findings = append(blueprint.Diagnostics(nil), c.Diags[start:]...) }()
	if !sameTender(m, book, c) {
		resp.Unreadable = true
		return resp
	}
	loc := Locate(book, m.Layout, c)
	for _, r := range m.Reqs {
		f := loc.Rows[r.ID]
		if f == nil {
			if s := loc.Sheets[r.Block.Code]; s != nil {
				d := c.Errorf(blueprint.Pos{File: file, Sheet: s.Name}, "row-missing", "%s (%s) ontbreekt in de inschrijving", "%s (%s) is missing from the response", r.ID, r.Block.Sheet)
				c.Hint(d, "de rij is verwijderd of haar rij-sleutel gewijzigd; telt als onbeantwoord", "the row was deleted or its row key changed; counts as unanswered")
			}
			continue
		}
		checkBuyerCells(m, r, f, file, c)
		if a := checkAnswer(m, r, f, book, c); a != nil {
			resp.Answers[r.ID] = a
		}
	}
	resp.Price, resp.Name = checkPrice(m, book, c)
	if resp.Name == "" {
		resp.Name = strings.TrimSuffix(baseName(file), ".xlsx")
	}
	extraSheets(m, book, loc, c)
	return resp
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// sameTender checks that the book is a PvE of blueprint for the master's
// tender and version.
func sameTender(m *Master, book *Book, c *blueprint.Collector) bool {
	file := book.File
	if book.Meta == nil {
		c.Hint(NotOurs(c, file), "de inschrijver moet de PvE invullen die u verstuurde, niet een eigen lijst", "the tenderer must fill in the PvE you sent, not a list of its own")
		return false
	}
	bm := book.Meta
	row := func(key string) blueprint.Pos {
		return blueprint.CellPos(file, MetaSheet, Ref(2, max(bm.Rows[key], 1)))
	}
	switch {
	case bm.Schema != m.Meta.Schema:
		c.Errorf(row("schema_version"), "other-version", "heeft schemaversie %d; de PvE heeft %d", "has schema version %d; the PvE has %d", bm.Schema, m.Meta.Schema)
		return false
	case bm.TenderID != m.Meta.TenderID:
		d := c.Errorf(row("tender_id"), "other-tender", "hoort bij aanbesteding %s, niet bij %s", "belongs to tender %s, not %s", orDash(bm.TenderID), orDash(m.Meta.TenderID))
		c.Hint(d, "is dit het goede bestand van deze inschrijver?", "is this the right file of this tenderer?")
		return false
	case bm.Version != m.Meta.Version:
		d := c.Errorf(row("tender_version"), "other-version", "beantwoordt versie %s van de PvE; de PvE is versie %s", "answers version %s of the PvE; the PvE is version %s", orDash(bm.Version), orDash(m.Meta.Version))
		c.Hint(d, "de inschrijver moet de laatste versie invullen (blueprint matrix --carry-answers neemt de antwoorden mee)", "the tenderer must fill in the latest version (blueprint matrix --carry-answers carries the answers over)")
		return false
	case bm.SourceHash != m.Meta.SourceHash:
		c.Warnf(row("source_hash"), "other-source", "is gemaakt uit andere klantreizen dan de PvE (andere bronhash)", "was made from other journeys than the PvE (another source hash)")
	}
	return true
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// checkBuyerCells reports every buyer cell the vendor changed.
func checkBuyerCells(m *Master, r *Requirement, f *Found, file string, c *blueprint.Collector) {
	changed := false
	for i, k := range BuyerColumns {
		cell, pos := f.Cell(file, k)
		got := cellText(cell)
		if got == r.Cells[i] {
			continue
		}
		changed = true
		d := c.Warnf(pos, "changed-by-vendor", "%s: %s gewijzigd door inschrijver: was %s, nu %s", "%s: %s changed by the tenderer: was %s, now %s",
			r.ID, m.Layout.Headers[k], Quote(r.Cells[i], 80), Quote(got, 80))
		c.Hint(d, "de beoordeling gebruikt de tekst, soort en het gewicht uit de PvE; ga na of de wijziging een voorbehoud is",
			"the assessment uses the text, kind and weight of the PvE; check whether the change is a reservation")
	}
	if fp, pos := f.Cell(file, ColFingerprint); !changed && strings.TrimSpace(fp.Text) != r.Fingerprint {
		c.Warnf(pos, "changed-by-vendor", "%s: de verborgen vingerafdruk is gewijzigd (was %s, nu %s)", "%s: the hidden fingerprint was changed (was %s, now %s)",
			r.ID, r.Fingerprint, Quote(fp.Text, 20))
	}
}

// checkAnswer re-validates the vendor's cells of one row.
func checkAnswer(m *Master, r *Requirement, f *Found, book *Book, c *blueprint.Collector) *Answer {
	file := book.File
	cell, pos := f.Cell(file, ColAnswer)
	a := &Answer{Raw: cellText(cell), Pos: pos}
	a.Note = freeText(m, r, f, file, ColNote, m.Method.MaxNote, c)
	a.Evidence = freeText(m, r, f, file, ColEvidence, m.Method.MaxEvidence, c)
	dateCell, datePos := f.Cell(file, ColRoadmap)
	switch {
	case cell.Formula:
		a.Invalid = "formula"
		d := c.Errorf(pos, "formula-answer", "%s: het antwoord is een formule (=%s)%s; niet meegeteld", "%s: the answer is a formula (=%s)%s; not counted",
			r.ID, cut(cell.FormulaText, 60), cachedNote(c, cell))
		c.Hint(d, "een antwoord kiest u uit de lijst; een formule telt nooit", "an answer is chosen from the list; a formula never counts")
	case cell.IsEmpty():
		a.Invalid = "empty"
		if r.IsKO() {
			d := c.Errorf(pos, "unanswered", "eis %s is niet beantwoord", "knock-out %s is not answered", r.ID)
			c.Hint(d, "een onbeantwoorde eis is niet voldaan: de inschrijving valt af", "an unanswered knock-out is not met: the tender is excluded")
		} else {
			c.Warnf(pos, "unanswered", "wens %s is niet beantwoord; telt als 0", "%s is not answered; scores 0", r.ID)
		}
	case cell.Kind != CellText:
		a.Invalid = "value"
		d := c.Errorf(pos, "invalid-answer", "%s: het antwoord %s komt niet uit de lijst", "%s: the answer %s is not from the list", r.ID, Quote(cell.Text, 40))
		c.Hint(d, "kies uit: %s", "choose from: %s", strings.Join(answerNames(m), ", "))
	default:
		code, exact := matchAnswer(m, cell.Text)
		switch {
		case code == "":
			a.Invalid = "unknown"
			d := c.Errorf(pos, "invalid-answer", "%s: onbekend antwoord %s", "%s: unknown answer %s", r.ID, Quote(cell.Text, 60))
			c.DidYouMean(d, strings.TrimSpace(cell.Text), answerNames(m))
			if d.Detail == "" {
				c.Hint(d, "kies uit: %s", "choose from: %s", strings.Join(answerNames(m), ", "))
			}
		case !exact:
			a.Code = code
			d := c.Warnf(pos, "answer-normalised", "%s: antwoord %s gelezen als %s", "%s: answer %s read as %s", r.ID, Quote(cell.Text, 60), Quote(answerName(m, code), 60))
			c.Hint(d, "spaties of hoofdletters wijken af van de lijst", "spaces or capitals differ from the list")
		default:
			a.Code = code
		}
	}
	date, dateOK := readDate(dateCell, book.Date1904, c, datePos, r.ID)
	if a.Code == requirements.RoadmapCode {
		switch {
		case !dateOK:
			a.Invalid, a.Code = "roadmap-date", ""
			d := c.Errorf(datePos, "roadmap-date", "%s: Roadmap zonder geldige datum; telt als niet voldaan", "%s: Roadmap without a valid date; counts as not met", r.ID)
			c.Hint(d, "vul de datum in waarop de functionaliteit algemeen beschikbaar is", "fill in the date on which the functionality is generally available")
		case m.Meta.Date != "" && date < m.Meta.Date:
			a.Invalid, a.Code = "roadmap-date", ""
			d := c.Errorf(datePos, "roadmap-date", "%s: roadmap-datum %s ligt vóór de datum van de aanbesteding (%s); telt als niet voldaan",
				"%s: roadmap date %s is before the date of the tender (%s); counts as not met", r.ID, date, m.Meta.Date)
			c.Hint(d, "is de functionaliteit al beschikbaar, dan is het antwoord niet Roadmap", "if the functionality is available already, the answer is not Roadmap")
		default:
			a.Roadmap = date
		}
	} else if dateOK {
		c.Warnf(datePos, "roadmap-date", "%s: roadmap-datum %s ingevuld bij een antwoord dat geen Roadmap is; niet gebruikt", "%s: roadmap date %s filled in for an answer that is not Roadmap; not used", r.ID, date)
	}
	return a
}

func cachedNote(c *blueprint.Collector, cell Cell) string {
	if cell.Text == "" {
		return c.T(" zonder berekende waarde", " without a calculated value")
	}
	return c.T(", waarde ", ", value ") + Quote(cell.Text, 40)
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// matchAnswer finds the answer code whose name s is, exactly or after
// trimming, collapsing spaces and ignoring case.
func matchAnswer(m *Master, s string) (code string, exact bool) {
	for _, a := range m.Meta.Answers {
		if s == a.Name {
			return a.Code, true
		}
	}
	norm := normalise(s)
	for _, a := range m.Meta.Answers {
		if norm == normalise(a.Name) {
			return a.Code, false
		}
	}
	return "", false
}

// normalise trims, collapses white space (also non-breaking) and folds
// case.
func normalise(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' })
	return strings.ToLower(strings.Join(f, " "))
}

func answerNames(m *Master) []string {
	var out []string
	for _, a := range m.Meta.Answers {
		out = append(out, a.Name)
	}
	return out
}

func answerName(m *Master, code string) string {
	for _, a := range m.Meta.Answers {
		if a.Code == code {
			return a.Name
		}
	}
	return code
}

// freeText reads a vendor text column: formulas are refused (the text
// counts as empty), text over the published length is reported.
func freeText(m *Master, r *Requirement, f *Found, file, key string, limit int, c *blueprint.Collector) string {
	cell, pos := f.Cell(file, key)
	if cell.Formula {
		d := c.Warnf(pos, "formula-text", "%s: %s is een formule (=%s); niet meegenomen", "%s: %s is a formula (=%s); not used",
			r.ID, m.Layout.Headers[key], cut(cell.FormulaText, 60))
		c.Hint(d, "schrijf de tekst zelf in de cel", "write the text itself in the cell")
		return ""
	}
	text := cell.Text
	if n := len([]rune(text)); n > limit {
		d := c.Warnf(pos, "text-too-long", "%s: %s heeft %d tekens; de Toelichting staat er %d toe", "%s: %s has %d characters; the Introduction allows %d",
			r.ID, m.Layout.Headers[key], n, limit)
		c.Hint(d, "de beoordelaar leest de eerste %d tekens", "the assessor reads the first %d characters", limit)
	}
	if cell.Cut {
		c.Warnf(pos, "text-too-long", "%s: de tekst is langer dan een cel kan houden; afgekapt gelezen", "%s: the text is longer than a cell holds; read cut", r.ID)
	}
	return text
}

// readDate reads a roadmap date: a date serial number (what a spreadsheet
// stores), an ISO date cell, or a date typed as text (with a warning).
func readDate(cell Cell, date1904 bool, c *blueprint.Collector, pos blueprint.Pos, id string) (string, bool) {
	if cell.IsEmpty() {
		return "", false
	}
	if cell.Formula {
		c.Errorf(pos, "formula-answer", "%s: de roadmap-datum is een formule (=%s); niet meegeteld", "%s: the roadmap date is a formula (=%s); not counted", id, cut(cell.FormulaText, 60))
		return "", false
	}
	switch cell.Kind {
	case CellNumber:
		v, err := strconv.ParseFloat(cell.Text, 64)
		if err != nil || v < 1 || v > 2958465 {
			break
		}
		base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
		if date1904 {
			base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		return base.AddDate(0, 0, int(v)).Format("2006-01-02"), true
	case CellDate:
		if t, err := time.Parse("2006-01-02", cell.Text[:min(10, len(cell.Text))]); err == nil {
			return t.Format("2006-01-02"), true
		}
	case CellText:
		for _, layout := range []string{"2-1-2006", "02-01-2006", "2006-01-02", "2/1/2006", "02/01/2006", "2.1.2006"} {
			if t, err := time.Parse(layout, strings.TrimSpace(cell.Text)); err == nil {
				d := t.Format("2006-01-02")
				c.Warnf(pos, "date-normalised", "%s: roadmap-datum %s als tekst gelezen als %s", "%s: roadmap date %s as text read as %s", id, Quote(cell.Text, 20), d)
				return d, true
			}
		}
	}
	c.Errorf(pos, "roadmap-date", "%s: %s is geen datum", "%s: %s is not a date", id, Quote(cellText(cell), 30))
	return "", false
}

// checkPrice reads the price sheet.
func checkPrice(m *Master, book *Book, c *blueprint.Collector) (Price, string) {
	var p Price
	mp := m.Meta.Price
	if mp == nil {
		return p, ""
	}
	file := book.File
	s := book.Sheet(mp.Sheet)
	keyCol := colNumber(mp.Column) + 1
	if s == nil || !s.Read {
		// Found by its keys when renamed.
		for _, cand := range book.Sheets {
			if cand.Read && cand.Row(mp.Rows["once"]).At(keyCol).Text == "once" {
				s = cand
				c.Warnf(blueprint.Pos{File: file, Sheet: cand.Name}, "sheet-renamed", "het tabblad %q heet hier %q", "the sheet %q is called %q here", mp.Sheet, cand.Name)
			}
		}
	}
	if s == nil {
		d := c.Errorf(blueprint.Pos{File: file}, "price-missing", "het prijsblad %q ontbreekt", "the price sheet %q is missing", mp.Sheet)
		c.Hint(d, "zonder prijs kan de inschrijving niet worden beoordeeld", "without a price the tender cannot be assessed")
		return p, ""
	}
	valCol := colNumber(mp.Column)
	// Rows by key (col after the values), falling back to the row number.
	rowOf := func(key string) *Row {
		for _, r := range s.Rows {
			if strings.TrimSpace(r.At(keyCol).Text) == key {
				return r
			}
		}
		return s.Row(mp.Rows[key])
	}
	name := ""
	if r := rowOf("party"); r != nil {
		name = strings.TrimSpace(r.At(valCol).Text)
		if r.At(valCol).Formula {
			name = ""
		}
	}
	if name == "" {
		c.Warnf(blueprint.CellPos(file, s.Name, Ref(valCol, mp.Rows["party"])), "party-name", "de naam van de inschrijver is niet ingevuld; de bestandsnaam wordt gebruikt",
			"the tenderer's name is not filled in; the file name is used")
	}
	ok := true
	amount := func(key string) float64 {
		r := rowOf(key)
		pos := blueprint.CellPos(file, s.Name, Ref(valCol, mp.Rows[key]))
		if r != nil {
			pos = blueprint.CellPos(file, s.Name, Ref(valCol, r.Num))
		}
		cell := r.At(valCol)
		label := strings.TrimSpace(r.At(1).Text)
		switch {
		case cell.Formula:
			d := c.Errorf(pos, "price-formula", "%s: het bedrag is een formule (=%s); niet meegeteld", "%s: the amount is a formula (=%s); not counted", label, cut(cell.FormulaText, 40))
			c.Hint(d, "vul het bedrag zelf in", "fill in the amount itself")
		case cell.IsEmpty():
			d := c.Errorf(pos, "price-missing", "%s: geen bedrag ingevuld", "%s: no amount filled in", label)
			c.Hint(d, "zonder volledige prijs kan de inschrijving niet worden beoordeeld", "without a complete price the tender cannot be assessed")
		case cell.Kind == CellNumber:
			v, err := strconv.ParseFloat(cell.Text, 64)
			if err == nil && v >= 0 && !math.IsInf(v, 0) {
				return v
			}
			c.Errorf(pos, "price-invalid", "%s: %s is geen bedrag van 0 of meer", "%s: %s is not an amount of 0 or more", label, Quote(cell.Text, 30))
		default:
			if v, ok := parseMoney(cell.Text); ok {
				c.Warnf(pos, "price-normalised", "%s: bedrag %s als tekst gelezen als %s", "%s: amount %s as text read as %s", label, Quote(cell.Text, 30), strconv.FormatFloat(v, 'f', 2, 64))
				return v
			}
			c.Errorf(pos, "price-invalid", "%s: %s is geen bedrag", "%s: %s is not an amount", label, Quote(cell.Text, 30))
		}
		ok = false
		return 0
	}
	p.Once, p.Licence, p.Service = amount("once"), amount("licence"), amount("service")
	if r := rowOf("years"); r != nil {
		if got := strings.TrimSpace(r.At(valCol).Text); got != strconv.Itoa(m.Method.Years) {
			c.Warnf(blueprint.CellPos(file, s.Name, Ref(valCol, r.Num)), "changed-by-vendor", "contractduur gewijzigd door inschrijver: was %d, nu %s; de beoordeling rekent met %d jaar",
				"contract period changed by the tenderer: was %d, now %s; the assessment uses %d years", m.Method.Years, Quote(got, 20), m.Method.Years)
		}
	}
	p.Total = p.Once + float64(m.Method.Years)*(p.Licence+p.Service)
	p.OK = ok
	return p, name
}

// parseMoney reads an amount typed as text: "€ 12.345,67", "12345.67",
// "12 345". A comma or dot followed by exactly two digits at the end is
// the decimal sign; other dots, commas and spaces group thousands.
func parseMoney(s string) (float64, bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "€"))
	s = strings.TrimSpace(strings.TrimSuffix(s, ",-"))
	if s == "" {
		return 0, false
	}
	dec := ""
	if n := len(s); n > 3 && (s[n-3] == ',' || s[n-3] == '.') {
		dec, s = s[n-2:], s[:n-3]
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '.' || r == ',' || r == ' ' || r == '\u00a0':
		default:
			return 0, false
		}
	}
	if b.Len() == 0 {
		return 0, false
	}
	if dec != "" {
		b.WriteString("." + dec)
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	return v, err == nil
}

// extraSheets reports sheets the PvE did not have and that hold no rows of
// it: the structure of the workbook was unlocked.
func extraSheets(m *Master, book *Book, loc *Located, c *blueprint.Collector) {
	known := map[string]bool{MetaSheet: true}
	for _, s := range m.Meta.Sheets {
		known[s.Name] = true
	}
	used := map[*Sheet]bool{}
	for _, s := range loc.Sheets {
		used[s] = true
	}
	for _, s := range book.Sheets {
		if known[s.Name] || used[s] || (m.Meta.Price != nil && s.Name == m.Meta.Price.Sheet) {
			continue
		}
		if s.Read && s.Row(m.Meta.Price.Rows["once"]).At(colNumber(m.Meta.Price.Column)+1).Text == "once" {
			continue
		}
		c.Warnf(blueprint.Pos{File: book.File, Sheet: s.Name}, "extra-sheet", "het tabblad %q hoort niet bij de PvE; niet gelezen", "the sheet %q is not part of the PvE; not read", s.Name)
	}
}
