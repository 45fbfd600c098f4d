package xlsx

import (
	"fmt"
	"maps"
	"slices"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// countWords says how many eisen and wensen rows holds.
func (w *writer) countWords(rows []*requirements.Row) string {
	ko := 0
	for _, r := range rows {
		if r.Kind == blueprint.KindKO {
			ko++
		}
	}
	return requirements.CountText(w.lang, ko, len(rows)-ko)
}

// methodSection writes what eisen and wensen are, the answer codes and the
// assessment method: all numbers from w.method, the same value that the
// _meta sheet holds and blueprint compare applies.
func (w *writer) methodSection(iw *introWriter) {
	t, m, cat := w.t, w.method, w.res.Catalogue
	iw.heading(t("Eisen en wensen", "Knock-out and scored requirements"))
	iw.para(t("Dit Programma van Eisen bevat eisen en wensen. Een eis (soort \"eis\") is een knock-outcriterium: de inschrijving moet eraan voldoen. "+
		"Een wens (soort \"wens\") is een gunningscriterium: het antwoord levert punten op. De prioriteit (MoSCoW: Must, Should, Could) zegt hoe zwaar de gemeenten iets "+
		"nodig hebben, afgeleid uit de klantreizen of door hen vastgesteld. Bij een wens bepaalt de prioriteit het gewicht; zij maakt een wens niet verplicht: "+
		"een wens met prioriteit Must weegt het zwaarst, maar alleen een eis is verplicht. Bij een eis telt de prioriteit niet mee.",
		"This Programme of Requirements holds knock-out and scored requirements. A knock-out requirement (kind \"knock-out\") must be met. "+
			"A scored requirement (kind \"scored\") is an award criterion: the answer earns points. The priority (MoSCoW: Must, Should, Could) says how much the "+
			"municipalities need it, derived from the journeys or fixed by them. For a scored requirement the priority sets the weight; it does not make it mandatory: "+
			"a scored requirement with priority Must weighs the most, but only knock-out requirements are mandatory. For a knock-out the priority does not count."))
	iw.para(t("De prioriteit is afgeleid uit de klantreizen (hoeveel reizen en stappen erom vragen, en of knelpunten en behoeften erom vragen) of door de gemeenten vastgesteld; de kolom Toelichting zegt welke van de twee en waarom. Zij is voor deze aanbesteding vastgesteld en geldt zoals zij hier staat.",
		"The priority was derived from the customer journeys (how many journeys and steps ask for it, and whether pain points and needs ask for it) or fixed by the municipalities; the Rationale column says which and why. It is fixed for this tender and applies as written here."))

	iw.heading(t("Antwoordcodes", "Answer codes"))
	iw.tableRow([]any{t("Antwoord", "Answer"), t("Betekenis", "Meaning"), t("Score", "Score"), t("Voldoet aan een eis", "Meets a knock-out")},
		[]int{w.st.tableHead, w.st.tableHead, w.st.tableHead, w.st.tableHead}, false)
	var koOK, koNot []string
	for _, a := range cat.Answers {
		yes := t("ja", "yes")
		if m.MeetsKO(a.Code) {
			koOK = append(koOK, a.Name(w.lang))
		} else {
			yes = t("nee", "no")
			koNot = append(koNot, a.Name(w.lang))
		}
		f, _ := m.Factor(a.Code)
		iw.tableRow([]any{a.Name(w.lang), a.Explanation(w.lang), w.percent(f), yes},
			[]int{w.st.tableBold, w.st.tableCell, w.st.tableCenter, w.st.tableCenter}, false)
	}

	iw.heading(t("Beoordeling", "Assessment"))
	iw.para(fmt.Sprintf(t("Eisen zijn knock-outcriteria. Een eis is voldaan met %s. Een inschrijving die een eis beantwoordt met %s, of een eis onbeantwoord of ongeldig laat, voldoet niet: zij wordt uitgesloten en komt in de rangorde na alle toegelaten inschrijvingen.",
		"Knock-out requirements must be met. A knock-out is met by %s. A tender that answers a knock-out with %s, or leaves one unanswered or invalid, does not comply: it is excluded and ranks after every admitted tender."),
		joinOr(w.lang, koOK), joinOr(w.lang, koNot)))
	iw.para(t("Een wens levert punten op: gewicht × score van het antwoord. Een onbeantwoorde of ongeldige wens levert 0 punten op. Het gewicht hangt af van de prioriteit:",
		"A scored requirement earns points: weight × score of the answer. An unanswered or invalid one earns 0 points. The weight depends on the priority:"))
	iw.tableRow([]any{t("Prioriteit", "Priority"), t("Betekenis", "Meaning"), t("Gewicht", "Weight"), ""},
		[]int{w.st.tableHead, w.st.tableHead, w.st.tableHead, w.st.text}, false)
	for _, p := range []struct {
		m, nl, en string
	}{
		{blueprint.MoSCoWMust, "Weegt het zwaarst: de klantreizen of de gemeenten vragen er het sterkst om.", "Weighs the most: the journeys or the municipalities ask for it most strongly."},
		{blueprint.MoSCoWShould, "Weegt gemiddeld: hoort erbij, maar de dienstverlening kan zonder.", "Weighs medium: belongs to it, but the service can do without."},
		{blueprint.MoSCoWCould, "Weegt het minst: gewenst als het kan.", "Weighs the least: desirable if possible."},
	} {
		iw.tableRow([]any{requirements.MoSCoWName(w.lang, p.m), t(p.nl, p.en), m.Weight(p.m), ""},
			[]int{w.st.tableBold, w.st.tableCell, w.st.tableNumber, w.st.text}, false)
	}
	maxima := requirements.BlockMaxima(cat, w.res.Rows, m)
	total := 0.0
	for _, b := range w.blocks {
		total += m.Blocks[b.block.Code]
	}
	iw.para(t("Per blok is de blokscore de punten gedeeld door het maximum (alle wensen van het blok met de hoogste score). De kwaliteitsscore (0–100) is het gewogen gemiddelde van de blokscores met deze blokgewichten:",
		"Per block the block score is the points divided by the maximum (every scored requirement of the block with the highest score). The quality score (0–100) is the weighted average of the block scores with these block weights:"))
	iw.tableRow([]any{t("Blok", "Block"), t("Maximum punten", "Maximum points"), t("Blokgewicht", "Block weight"), t("Aandeel", "Share")},
		[]int{w.st.tableHead, w.st.tableHead, w.st.tableHead, w.st.tableHead}, false)
	for _, b := range w.blocks {
		bw := m.Blocks[b.block.Code]
		share := 0.0
		if total > 0 {
			share = bw / total
		}
		iw.tableRow([]any{b.name, requirements.Num(maxima[b.block.Code]), requirements.Num(bw), w.percent(share)},
			[]int{w.st.tableBold, w.st.tableCenter, w.st.tableCenter, w.st.tableCenter}, false)
	}
	switch m.Kind {
	case requirements.MethodValue:
		iw.para(fmt.Sprintf(t("Prijs en kwaliteit: gunnen op waarde. Elke wens heeft een waarde in euro's: het gewicht × € %s, tenzij hieronder een eigen waarde staat. De fictieve korting is de som over alle wensen van waarde × score van het antwoord. De beoordelingsprijs is de totale prijs over %d jaar van het "+w.price+" min de fictieve korting. De laagste beoordelingsprijs staat bovenaan.",
			"Price and quality: award on value. Every scored requirement has a value in euros: its weight × € %s, unless an own value is given below. The fictitious discount is the sum over all scored requirements of value × score of the answer. The assessment price is the total price over %d years of the "+w.price+" minus the fictitious discount. The lowest assessment price ranks first."),
			requirements.Num(m.ValuePerPoint), m.Years))
		if len(m.Values) > 0 {
			iw.tableRow([]any{t("Wens", "Requirement"), t("Eigen waarde (€)", "Own value (€)"), "", ""}, []int{w.st.tableHead, w.st.tableHead, w.st.text, w.st.text}, false)
			for _, id := range sortedKeys(m.Values) {
				iw.tableRow([]any{id, requirements.Num(m.Values[id]), "", ""}, []int{w.st.tableBold, w.st.tableCenter, w.st.text, w.st.text}, false)
			}
		}
		iw.para(fmt.Sprintf(t("Scores en prijzen worden afgerond op %d decimalen. Bij een gelijke beoordelingsprijs gaat de hoogste kwaliteitsscore voor, daarna de laagste totale prijs; is het dan nog gelijk, dan beslist loting volgens de aanbestedingsleidraad.",
			"Scores and prices are rounded to %d decimals. With an equal assessment price the higher quality score ranks first, then the lower total price; if still equal, lots are drawn as the tender documents say."), m.Decimals))
	default:
		iw.para(fmt.Sprintf(t("Prijs en kwaliteit: de totaalscore is (%s × kwaliteitsscore + %s × prijsscore) ÷ 100: kwaliteit weegt %s punten en prijs %s punten van de 100. De prijsscore is 100 × de laagste totale prijs van de toegelaten inschrijvingen ÷ de eigen totale prijs. De totale prijs is de prijs over %d jaar van het "+w.price+".",
			"Price and quality: the total score is (%s × quality score + %s × price score) ÷ 100: quality weighs %s points and price %s points out of 100. The price score is 100 × the lowest total price of the admitted tenders ÷ the tender's own total price. The total price is the price over %d years of the "+w.price+"."),
			requirements.Num(m.Quality), requirements.Num(m.Price), requirements.Num(m.Quality), requirements.Num(m.Price), m.Years))
		iw.para(fmt.Sprintf(t("Scores en prijzen worden afgerond op %d decimalen. Bij een gelijke totaalscore gaat de hoogste kwaliteitsscore voor, daarna de laagste totale prijs; is het dan nog gelijk, dan beslist loting volgens de aanbestedingsleidraad.",
			"Scores and prices are rounded to %d decimals. With an equal total score the higher quality score ranks first, then the lower total price; if still equal, lots are drawn as the tender documents say."), m.Decimals))
	}
	iw.para(fmt.Sprintf(t("De beoordelaar leest per eis of wens ten hoogste %d tekens Toelichting leverancier en %d tekens Bewijs / referentie.",
		"The assessor reads at most %d characters of Vendor explanation and %d characters of Evidence / reference per requirement."), m.MaxNote, m.MaxEvidence))
	iw.para(t("Het tabblad "+w.summ+" is een indicatieve zelfcontrole voor de inschrijver. De score die telt, berekent de aanbestedende dienst met de eigen, ongewijzigde PvE (blueprint compare): tekst, soort, prioriteit en gewicht komen uit het origineel; wat in uw exemplaar is gewijzigd, telt niet en wordt gemeld.",
		"The "+w.summ+" sheet is an indicative self-check for the tenderer. The score that counts is calculated by the contracting authority from its own, unchanged PvE (blueprint compare): text, kind, priority and weight come from the original; whatever was changed in your copy does not count and is reported."))
	iw.para(t("Deze beoordelingsmethode en de gewichten zijn vooraf bekendgemaakt en gelden ongewijzigd voor alle inschrijvers. De kolom Verificatie zegt hoe de aanbestedende dienst een antwoord controleert: demonstratie, test, documentatie, referentie of certificaat.",
		"This assessment method and the weights are published in advance and apply unchanged to all tenderers. The Verification column says how the contracting authority checks an answer: demonstration, test, documentation, reference or certificate."))
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
