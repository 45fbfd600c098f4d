package xlsx

import (
	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// The layout of a block sheet. The importer of vendor answers relies on it
// through the _meta sheet, which records the same numbers.
const (
	titleRow  = 1
	descRow   = 2
	headerRow = 3
	firstRow  = 4
)

// Columns of a block sheet, 1-based.
const (
	colID = iota + 1
	colTitle
	colText
	colRationale
	colKind
	colMoSCoW
	colWeight
	colSource
	colGemma
	colVerification
	colAnswer
	colRoadmap
	colVendorNote
	colEvidence
	colCheck
	colRowKey
	colFingerprint
	colPoints
	colKOFailed
	colKOOpen
	colInvalid
	colGemmaIDs
	numCols = colGemmaIDs
)

// lastVisible is the last column a reader sees; the ones after it are the
// hidden technical columns.
const lastVisible = colCheck

// colWidths are the widths of the block sheet's columns, in characters.
var colWidths = [numCols + 1]float64{
	colID: 12, colTitle: 22, colText: 55, colRationale: 40, colKind: 10, colMoSCoW: 10, colWeight: 8,
	colSource: 36, colGemma: 30, colVerification: 14,
	colAnswer: 24, colRoadmap: 13, colVendorNote: 40, colEvidence: 28, colCheck: 16,
	colRowKey: 12, colFingerprint: 18, colPoints: 8, colKOFailed: 8, colKOOpen: 8, colInvalid: 8, colGemmaIDs: 40,
}

// columnKeys name the columns of a block sheet in the _meta sheet, so that
// the importer finds each by what it holds rather than by its letter.
var columnKeys = [numCols + 1]string{
	colID: "id", colTitle: "title", colText: "text", colRationale: "rationale", colKind: "kind", colMoSCoW: "priority",
	colWeight: "weight", colSource: "source", colGemma: "gemma", colVerification: "verification",
	colAnswer: "answer", colRoadmap: "roadmap_date", colVendorNote: "vendor_note", colEvidence: "evidence", colCheck: "check",
	colRowKey: "row_key", colFingerprint: "fingerprint", colPoints: "points", colKOFailed: "ko_failed", colKOOpen: "ko_open",
	colInvalid: "invalid", colGemmaIDs: "gemma_ids",
}

// Roles of the sheets, as the _meta sheet lists them.
const (
	roleIntro   = "intro"
	roleBlock   = "block"
	roleTrace   = "trace"
	rolePrice   = "price"
	roleSummary = "summary"
	roleChanges = "changes"
	roleMeta    = "meta"
)

// MetaSheet is the name of the hidden metadata sheet.
const MetaSheet = "_meta"

// sheetNames returns the names of the fixed sheets in lang.
func sheetNames(lang blueprint.Lang) (intro, trace, summary string) {
	if lang == blueprint.English {
		return "Introduction", "Traceability", "Summary"
	}
	return "Toelichting", "Traceerbaarheid", "Samenvatting"
}

// priceSheetName is the name of the price sheet in lang.
func priceSheetName(lang blueprint.Lang) string {
	return blueprint.T(lang, "Prijsblad", "Price sheet")
}

// headers returns the column headers of a block sheet in lang.
func headers(lang blueprint.Lang) []string {
	h := requirements.Headers(lang)
	if lang == blueprint.English {
		return append(h, "Answer", "Roadmap date", "Vendor explanation", "Evidence / reference", "Check",
			"Row key", "Fingerprint", "Points", "KO not met", "KO open", "Invalid", "GEMMA Object IDs")
	}
	return append(h, "Antwoord", "Roadmap-datum", "Toelichting leverancier", "Bewijs / referentie", "Controle",
		"Rij-sleutel", "Vingerafdruk", "Punten", "KO niet voldaan", "KO open", "Ongeldig", "GEMMA Object ID's")
}

// answerColours are the fill and font colours of the answers, by position
// in the catalogue's list (green for standard, through yellow and orange,
// blue for roadmap, red for does not comply).
var answerColours = []struct{ fill, font string }{
	{"C6EFCE", "006100"},
	{"E2EFDA", "375623"},
	{"FFEB9C", "7F6000"},
	{"FCE4D6", "833C0B"},
	{"DDEBF7", "1F4E79"},
	{"FFC7CE", "9C0006"},
}

func answerColour(i, n int) (fill, font string) {
	// The last answer is the "does not comply" one: always red.
	if i == n-1 && n > 1 {
		c := answerColours[len(answerColours)-1]
		return c.fill, c.font
	}
	c := answerColours[min(i, len(answerColours)-2)]
	return c.fill, c.font
}
