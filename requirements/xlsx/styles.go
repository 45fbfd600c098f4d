package xlsx

import (
	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
)

// Colours of the workbook: dark blue for the buyer, amber for the vendor.
const (
	buyerDark   = "1F4E79"
	vendorDark  = "BF8F00"
	vendorLight = "FFF2CC"
	vendorBand  = "FFD966"
	gridGrey    = "BFBFBF"
	textGrey    = "595959"
	totalFill   = "D9E1F2"
)

// styles holds the style ids of one workbook.
type styles struct {
	title, subtitle, desc, heading, label, text, textBold                            int
	headBuyer, headVendor, band                                                      int
	id, cell, cellCenter, cellKO, hidden                                             int
	vendor, vendorDate                                                               int
	tableHead, tableCell, tableBold, tableCenter, tablePct, tableNumber, tablePoints int
	total, totalCenter, totalPct, totalPoints                                        int
	check, money, vendorMoney, vendorText, moneyTotal                                int
	tableNumber2, totalNumber2, totalMoney                                           int
	answer                                                                           []int // conditional formats, per answer
	flag                                                                             int   // conditional format of a Check cell that says something
}

func newStyles(w *writer) *styles {
	f := w.f
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		w.check(err)
		return id
	}
	border := []excelize.Border{
		{Type: "left", Color: gridGrey, Style: 1}, {Type: "right", Color: gridGrey, Style: 1},
		{Type: "top", Color: gridGrey, Style: 1}, {Type: "bottom", Color: gridGrey, Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	center := &excelize.Alignment{Vertical: "top", Horizontal: "center", WrapText: true}
	unlocked := &excelize.Protection{Locked: false}
	pointsFmt := "0.0"
	moneyFmt := `€ #,##0.00`
	twoFmt := "0.00"
	dateFmt := "dd-mm-yyyy"
	if w.lang == blueprint.English {
		dateFmt = "yyyy-mm-dd"
	}
	s := &styles{
		title:        style(&excelize.Style{Font: font(excelize.Font{Bold: true, Size: 16, Color: buyerDark}), Alignment: &excelize.Alignment{Vertical: "center"}}),
		subtitle:     style(&excelize.Style{Font: font(excelize.Font{Size: 12, Color: textGrey}), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
		desc:         style(&excelize.Style{Font: font(excelize.Font{Italic: true, Color: textGrey}), Alignment: top}),
		heading:      style(&excelize.Style{Font: font(excelize.Font{Bold: true, Size: 12, Color: buyerDark}), Alignment: &excelize.Alignment{Vertical: "bottom"}}),
		label:        style(&excelize.Style{Font: font(excelize.Font{Bold: true}), Alignment: top}),
		text:         style(&excelize.Style{Alignment: top}),
		textBold:     style(&excelize.Style{Font: font(excelize.Font{Bold: true}), Alignment: top}),
		headBuyer:    style(&excelize.Style{Font: font(excelize.Font{Bold: true, Color: "FFFFFF"}), Fill: fill(buyerDark), Border: border, Alignment: top}),
		headVendor:   style(&excelize.Style{Font: font(excelize.Font{Bold: true, Color: "000000"}), Fill: fill(vendorBand), Border: border, Alignment: top}),
		band:         style(&excelize.Style{Font: font(excelize.Font{Bold: true, Color: "000000"}), Fill: fill(vendorBand), Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "center", WrapText: true}}),
		id:           style(&excelize.Style{Font: font(excelize.Font{Bold: true}), Border: border, Alignment: top}),
		cell:         style(&excelize.Style{Border: border, Alignment: top}),
		cellCenter:   style(&excelize.Style{Border: border, Alignment: center}),
		cellKO:       style(&excelize.Style{Font: font(excelize.Font{Bold: true, Color: "9C0006"}), Border: border, Alignment: center}),
		hidden:       style(&excelize.Style{Font: font(excelize.Font{Color: textGrey, Size: 8}), Alignment: top}),
		vendor:       style(&excelize.Style{Fill: fill(vendorLight), Border: border, Alignment: top, Protection: unlocked}),
		vendorDate:   style(&excelize.Style{Fill: fill(vendorLight), Border: border, Alignment: top, Protection: unlocked, CustomNumFmt: &dateFmt}),
		tableHead:    style(&excelize.Style{Font: font(excelize.Font{Bold: true, Color: "FFFFFF"}), Fill: fill(buyerDark), Border: border, Alignment: top}),
		tableCell:    style(&excelize.Style{Border: border, Alignment: top}),
		tableBold:    style(&excelize.Style{Font: font(excelize.Font{Bold: true}), Border: border, Alignment: top}),
		tableCenter:  style(&excelize.Style{Border: border, Alignment: center}),
		tablePct:     style(&excelize.Style{Border: border, Alignment: center, NumFmt: 9}),
		tableNumber:  style(&excelize.Style{Border: border, Alignment: center, NumFmt: 1}),
		tablePoints:  style(&excelize.Style{Border: border, Alignment: center, CustomNumFmt: &pointsFmt}),
		total:        style(&excelize.Style{Font: font(excelize.Font{Bold: true}), Fill: fill(totalFill), Border: border, Alignment: top}),
		totalCenter:  style(&excelize.Style{Font: font(excelize.Font{Bold: true}), Fill: fill(totalFill), Border: border, Alignment: center, NumFmt: 1}),
		totalPct:     style(&excelize.Style{Font: font(excelize.Font{Bold: true}), Fill: fill(totalFill), Border: border, Alignment: center, NumFmt: 9}),
		totalPoints:  style(&excelize.Style{Font: font(excelize.Font{Bold: true}), Fill: fill(totalFill), Border: border, Alignment: center, CustomNumFmt: &pointsFmt}),
		check:        style(&excelize.Style{Font: font(excelize.Font{Bold: true, Color: "9C0006", Size: 9}), Border: border, Alignment: top}),
		money:        style(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}, CustomNumFmt: &moneyFmt}),
		vendorMoney:  style(&excelize.Style{Fill: fill(vendorLight), Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}, Protection: unlocked, CustomNumFmt: &moneyFmt}),
		vendorText:   style(&excelize.Style{Fill: fill(vendorLight), Border: border, Alignment: top, Protection: unlocked}),
		tableNumber2: style(&excelize.Style{Border: border, Alignment: center, CustomNumFmt: &twoFmt}),
		totalNumber2: style(&excelize.Style{Font: font(excelize.Font{Bold: true}), Fill: fill(totalFill), Border: border, Alignment: center, CustomNumFmt: &twoFmt}),
		totalMoney:   style(&excelize.Style{Font: font(excelize.Font{Bold: true}), Fill: fill(totalFill), Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}, CustomNumFmt: &moneyFmt}),
		moneyTotal:   style(&excelize.Style{Font: font(excelize.Font{Bold: true}), Fill: fill(totalFill), Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}, CustomNumFmt: &moneyFmt}),
	}
	n := len(w.res.Catalogue.Answers)
	for i := range w.res.Catalogue.Answers {
		bg, fg := answerColour(i, n)
		id, err := f.NewConditionalStyle(&excelize.Style{Fill: fill(bg), Font: font(excelize.Font{Color: fg, Bold: true})})
		w.check(err)
		s.answer = append(s.answer, id)
	}
	var err error
	s.flag, err = f.NewConditionalStyle(&excelize.Style{Fill: fill("FFC7CE"), Font: font(excelize.Font{Color: "9C0006", Bold: true, Size: 9})})
	w.check(err)
	return s
}

// font gives every font the workbook's family, so that no text falls back
// to a serif in programs that resolve an empty family differently.
func font(f excelize.Font) *excelize.Font {
	if f.Family == "" {
		f.Family = "Calibri"
	}
	if f.Size == 0 {
		f.Size = 11
	}
	return &f
}

func fill(colour string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}
}
