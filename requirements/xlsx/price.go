package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// The price sheet (Prijsblad): the tenderer's name and prices, which
// blueprint compare reads by the keys below (recorded in _meta). The
// total over the contract period is a formula for the tenderer's
// information; compare computes it from the parts itself.
const (
	priceHeaderRow = 3
	priceLabelCol  = 1
	priceNoteCol   = 2
	priceValueCol  = 3
	priceKeyCol    = 4
)

// Keys of the price lines, as in _meta and package compare.
const (
	PriceParty   = "party"
	PriceOnce    = "once"
	PriceLicence = "licence"
	PriceService = "service"
	PriceYears   = "years"
	PriceTotal   = "total"
)

type priceLine struct {
	key    string
	row    int
	nl, en string // label
	nlNote string
	enNote string
}

// priceLines are the lines of the price sheet, in order.
var priceLines = []priceLine{
	{PriceParty, 4, "Naam inschrijver", "Tenderer", "De naam waaronder u inschrijft; zo heet u in de beoordeling.", "The name you tender under; the assessment uses it."},
	{PriceOnce, 5, "Eenmalige kosten", "One-off costs", "Implementatie, inrichting, migratie, opleiding en al het maatwerk dat een antwoord \"met maatwerk\" vraagt.", "Implementation, set-up, migration, training and all custom development that an answer \"with custom development\" needs."},
	{PriceLicence, 6, "Licenties of abonnement, per jaar", "Licences or subscription, per year", "Voor alle zes gemeenten en alle gebruikers samen.", "For all six municipalities and all users together."},
	{PriceService, 7, "Beheer, hosting en ondersteuning, per jaar", "Maintenance, hosting and support, per year", "Inclusief updates en de ondersteuning volgens de dienstverleningsovereenkomst.", "Including updates and support under the service level agreement."},
	{PriceYears, 8, "Contractduur (jaren)", "Contract period (years)", "Vastgesteld door de aanbestedende dienst.", "Set by the contracting authority."},
	{PriceTotal, 9, "Totale prijs over de contractduur", "Total price over the contract period", "Eenmalige kosten + contractduur × (licenties + beheer). Deze prijs telt in de beoordeling.", "One-off costs + contract period × (licences + maintenance). This price counts in the assessment."},
}

func priceRow(key string) int {
	for _, p := range priceLines {
		if p.key == key {
			return p.row
		}
	}
	return 0
}

// priceSheet writes the Prijsblad.
func (w *writer) priceSheet() {
	f, sheet, t := w.f, w.price, w.t
	set := func(c, r int, v any, style int) {
		w.check(f.SetCellValue(sheet, cell(c, r), v))
		w.check(f.SetCellStyle(sheet, cell(c, r), cell(c, r), style))
	}
	for c, width := range []float64{priceLabelCol: 40, priceNoteCol: 70, priceValueCol: 22, priceKeyCol: 10} {
		if c > 0 {
			w.check(f.SetColWidth(sheet, colName(c), colName(c), width))
		}
	}
	set(1, 1, t("Prijsblad", "Price sheet"), w.st.title)
	w.check(f.SetRowHeight(sheet, 1, 26))
	desc := fmt.Sprintf(t("Vul de bedragen in euro's in, exclusief btw, voor de hele oplossing zoals u die aanbiedt: alle eisen en wensen, met het maatwerk dat uw antwoorden noemen. De totale prijs over %d jaar is de prijs in de beoordeling; hoe prijs en kwaliteit samen de rangorde bepalen staat in de Toelichting.",
		"Fill in the amounts in euros, excluding VAT, for the whole solution as you offer it: all requirements, with the custom development your answers name. The total price over %d years is the price in the assessment; how price and quality make the ranking is in the Introduction."), w.method.Years)
	set(1, 2, desc, w.st.desc)
	w.check(f.MergeCell(sheet, "A2", cell(priceValueCol, 2)))
	w.check(f.SetRowHeight(sheet, 2, rowHeight(30, wrapped{desc, 130})))
	for i, h := range []string{t("Onderdeel", "Item"), t("Toelichting", "Explanation"), t("Bedrag", "Amount")} {
		style := w.st.headBuyer
		if i+1 == priceValueCol {
			style = w.st.headVendor
		}
		set(i+1, priceHeaderRow, h, style)
	}
	set(priceKeyCol, priceHeaderRow, t("Rij-sleutel", "Row key"), w.st.hidden)
	once, lic, svc, years := cell(priceValueCol, priceRow(PriceOnce)), cell(priceValueCol, priceRow(PriceLicence)),
		cell(priceValueCol, priceRow(PriceService)), cell(priceValueCol, priceRow(PriceYears))
	for _, p := range priceLines {
		set(priceLabelCol, p.row, t(p.nl, p.en), w.st.textBold)
		set(priceNoteCol, p.row, t(p.nlNote, p.enNote), w.st.cell)
		set(priceKeyCol, p.row, p.key, w.st.hidden)
		v := cell(priceValueCol, p.row)
		switch p.key {
		case PriceParty:
			w.check(f.SetCellStyle(sheet, v, v, w.st.vendorText))
		case PriceYears:
			set(priceValueCol, p.row, w.method.Years, w.st.tableCenter)
		case PriceTotal:
			w.formula(sheet, v, fmt.Sprintf("%s+%s*(%s+%s)", once, years, lic, svc))
			w.check(f.SetCellStyle(sheet, v, v, w.st.moneyTotal))
		default:
			w.check(f.SetCellStyle(sheet, v, v, w.st.vendorMoney))
		}
		w.check(f.SetRowHeight(sheet, p.row, rowHeight(20, wrapped{t(p.nlNote, p.enNote), 70})))
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s:%s", once, svc)
	w.check(dv.SetRange(0, 1e12, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
	dv.SetError(excelize.DataValidationErrorStyleStop, t("Ongeldig bedrag", "Invalid amount"), t("Vul een bedrag in euro's in, zonder tekst.", "Fill in an amount in euros, without text."))
	w.check(f.AddDataValidation(sheet, dv))
	w.carryPrice()
	w.check(f.SetColVisible(sheet, colName(priceKeyCol), false))
	w.protect(sheet)
	w.pageSetup(sheet, 0, false)
	w.check(f.SetSheetView(sheet, 0, noGrid()))
	w.dimension(sheet, priceKeyCol, priceLines[len(priceLines)-1].row)
}
