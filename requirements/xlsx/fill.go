package xlsx

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/requirements/compare"
)

// Response is what FillResponse writes into a PvE, as a tenderer would:
// a name, prices and an answer per row.
type Response struct {
	Party                  string
	Once, Licence, Service float64
	// Answer returns the answer name, roadmap date (YYYY-MM-DD or ""),
	// explanation and evidence for a row, given its id, kind and position
	// among all rows; an empty answer leaves the row unanswered.
	Answer func(id, kind string, i int) (answer, roadmap, note, evidence string)
}

// FillResponse fills in a copy of the PvE workbook pve as a tenderer
// would in a spreadsheet program, and returns the new workbook. It is for
// tests and for the generated example responses of make demo; the PvE is
// our own output, so excelize may open it.
func FillResponse(pve []byte, resp Response) ([]byte, error) {
	book, err := ReadBook("pve.xlsx", bytes.NewReader(pve), int64(len(pve)), DefaultLimits)
	if err != nil {
		return nil, err
	}
	if book.Meta == nil {
		return nil, fmt.Errorf("not a PvE of blueprint")
	}
	l := compare.LayoutOf(book)
	f, err := excelize.OpenReader(bytes.NewReader(pve), options())
	if err != nil {
		return nil, err
	}
	defer f.Close()
	for i, key := range l.Order {
		place := l.Places[key]
		s := book.Sheet(place.Sheet)
		kind := strings.TrimSpace(s.Row(place.Row).At(l.Columns[compare.ColKind]).Text)
		answer, roadmap, note, evidence := resp.Answer(key, compare.ParseKind(kind), i)
		at := func(k string) string { return compare.Ref(l.Columns[k], place.Row) }
		if answer != "" {
			if err := f.SetCellStr(place.Sheet, at(compare.ColAnswer), answer); err != nil {
				return nil, err
			}
		}
		if roadmap != "" {
			if err := f.SetCellValue(place.Sheet, at(compare.ColRoadmap), dateSerial(roadmap)); err != nil {
				return nil, err
			}
		}
		if note != "" {
			if err := f.SetCellStr(place.Sheet, at(compare.ColNote), note); err != nil {
				return nil, err
			}
		}
		if evidence != "" {
			if err := f.SetCellStr(place.Sheet, at(compare.ColEvidence), evidence); err != nil {
				return nil, err
			}
		}
	}
	if p := book.Meta.Price; p != nil {
		col := p.Column
		if resp.Party != "" {
			if err := f.SetCellStr(p.Sheet, fmt.Sprintf("%s%d", col, p.Rows[PriceParty]), resp.Party); err != nil {
				return nil, err
			}
		}
		for key, v := range map[string]float64{PriceOnce: resp.Once, PriceLicence: resp.Licence, PriceService: resp.Service} {
			if v > 0 {
				if err := f.SetCellValue(p.Sheet, fmt.Sprintf("%s%d", col, p.Rows[key]), v); err != nil {
					return nil, err
				}
			}
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// dateSerial is the spreadsheet serial number of a date: days since
// 1899-12-30 (the 1900 date system).
func dateSerial(date string) float64 {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return 0
	}
	return math.Round(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// Example is a generated example response: a pattern of answers that a
// plausible market party might give, clearly labelled as generated.
type Example struct {
	Name                   string
	Once, Licence, Service float64
	// Answers are the answer names, chosen per row by a hash of the id.
	Answers []string
	// KO is the answer to every knock-out.
	KO string
	// FailKO, when set, is the id of a knock-out answered "does not
	// comply" (an example that is excluded).
	FailKO string
	// Roadmap is the date of every roadmap answer.
	Roadmap string
}

// Examples are the generated example responses of make demo and the
// tests: two admitted parties with different strengths, and one that
// fails a knock-out.
var Examples = []Example{
	{Name: "Voorbeeld A (gegenereerd)", Once: 1250000, Licence: 180000, Service: 60000,
		Answers: []string{"Voldoet standaard", "Voldoet standaard", "Voldoet met configuratie", "Voldoet standaard", "Voldoet deels", "Voldoet met configuratie"},
		KO:      "Voldoet standaard", Roadmap: "2027-06-01"},
	{Name: "Voorbeeld B (gegenereerd)", Once: 850000, Licence: 140000, Service: 45000,
		Answers: []string{"Voldoet met configuratie", "Voldoet met maatwerk", "Voldoet standaard", "Roadmap", "Voldoet deels", "Voldoet niet"},
		KO:      "Voldoet met configuratie", Roadmap: "2027-03-01"},
	{Name: "Voorbeeld C (gegenereerd)", Once: 600000, Licence: 120000, Service: 40000,
		Answers: []string{"Voldoet standaard", "Voldoet met configuratie", "Voldoet standaard", "Voldoet met configuratie"},
		KO:      "Voldoet standaard", FailKO: "first", Roadmap: "2027-09-01"},
}

// Response turns an example into what FillResponse fills in.
func (e Example) Response() Response {
	failed := false
	return Response{Party: e.Name, Once: e.Once, Licence: e.Licence, Service: e.Service,
		Answer: func(id, kind string, i int) (string, string, string, string) {
			note := "Gegenereerd voorbeeldantwoord, geen echte inschrijving (" + e.Name + ")."
			if kind == "eis" {
				if e.FailKO != "" && !failed && (e.FailKO == "first" || e.FailKO == id) {
					failed = true
					return "Voldoet niet", "", note + " Deze eis haalt het voorbeeld bewust niet.", ""
				}
				return e.KO, "", note, "Productdocumentatie, hoofdstuk " + id
			}
			h := sha256.Sum256([]byte(e.Name + id))
			a := e.Answers[int(h[0])%len(e.Answers)]
			roadmap := ""
			if a == "Roadmap" {
				roadmap = e.Roadmap
			}
			return a, roadmap, note, ""
		}}
}
