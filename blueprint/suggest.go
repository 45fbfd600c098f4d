package blueprint

import "strings"

// englishKeys maps English (and a few common Dutch variant) words that a
// user may type by habit to the one Dutch key the format uses. A hint is
// only given when the Dutch key is allowed in the table at hand.
var englishKeys = map[string][]string{
	"step":            {"stap"},
	"steps":           {"stap", "stappen"},
	"phase":           {"fase"},
	"phases":          {"fase"},
	"stage":           {"fase"},
	"title":           {"titel"},
	"name":            {"naam"},
	"description":     {"beschrijving", "omschrijving"},
	"channel":         {"kanaal"},
	"channels":        {"kanaal"},
	"actors":          {"actoren"},
	"actor":           {"actor", "actoren"},
	"role":            {"rol"},
	"evidence":        {"bewijs"},
	"touchpoint":      {"bewijs"},
	"physical":        {"bewijs"},
	"customer_action": {"klantactie"},
	"customeraction":  {"klantactie"},
	"customer":        {"klantactie"},
	"action":          {"actie", "klantactie"},
	"frontstage":      {"frontoffice"},
	"front_stage":     {"frontoffice"},
	"front":           {"frontoffice"},
	"backstage":       {"backoffice"},
	"back_stage":      {"backoffice"},
	"back":            {"backoffice"},
	"support":         {"ondersteuning"},
	"systems":         {"ondersteuning"},
	"system":          {"systeem"},
	"emotion":         {"emotie"},
	"feeling":         {"emotie"},
	"desired_emotion": {"gewenste_emotie"},
	"desired":         {"gewenste_emotie"},
	"wait":            {"wachttijd"},
	"wait_time":       {"wachttijd"},
	"waittime":        {"wachttijd"},
	"duration":        {"duur"},
	"pain_points":     {"knelpunten"},
	"painpoints":      {"knelpunten"},
	"pains":           {"knelpunten"},
	"pain":            {"knelpunten"},
	"success_factors": {"succesfactoren"},
	"successfactors":  {"succesfactoren"},
	"fail_point":      {"faalpunt"},
	"failpoint":       {"faalpunt"},
	"repeat":          {"herhaalcontact"},
	"repeat_contact":  {"herhaalcontact"},
	"needs":           {"behoeften"},
	"requirements":    {"behoeften"},
	"next":            {"volgende"},
	"flow":            {"volgende"},
	"handoff":         {"overdracht"},
	"handoffs":        {"overdracht"},
	"hand_off":        {"overdracht"},
	"from":            {"van"},
	"to":              {"naar"},
	"note":            {"toelichting"},
	"notes":           {"toelichting"},
	"comment":         {"toelichting"},
	"goal":            {"doel"},
	"goals":           {"doelen"},
	"trigger":         {"aanleiding"},
	"domain":          {"domein"},
	"question_type":   {"vraagsoort"},
	"questiontype":    {"vraagsoort"},
	"type":            {"vraagsoort", "soort"},
	"kind":            {"soort"},
	"vision":          {"visie"},
	"text":            {"tekst", "actie"},
	"theme":           {"thema"},
	"quote":           {"citaat"},
	"frustrations":    {"frustraties"},
	"metric":          {"meetpunt"},
	"metrics":         {"meetpunt"},
	"kpi":             {"meetpunt"},
	"definition":      {"definitie"},
	"unit":            {"eenheid"},
	"source":          {"bron"},
	"target":          {"norm"},
	"norm":            {"norm"},
	"improvement":     {"verbeteractie"},
	"improvements":    {"verbeteractie"},
	"action_plan":     {"verbeteractie"},
	"what":            {"wat"},
	"owner":           {"eigenaar"},
	"organisation":    {"organisatie"},
	"organization":    {"organisatie"},
	"municipality":    {"gemeente", "organisatie"},
	"period":          {"periode"},
	"secondary":       {"nevendomeinen", "nevenvraagsoorten"},
	"day":             {"dag"},
	"elapsed":         {"na"},
	"after":           {"na"},
	"deadline":        {"termijn"},
	"self_service":    {"zelfservice"},
	"selfservice":     {"zelfservice"},
	"heartbeat":       {"hartslag"},
	"lead_time":       {"doorlooptijd"},
	"leadtime":        {"doorlooptijd"},
	"span":            {"doorlooptijd"},
	"round":           {"ronde"},
	"legal_basis":     {"grondslag"},
	"extension":       {"verlenging"},
	"suspension":      {"opschorting"},
	"condition":       {"als"},
	"if":              {"als"},
	"when":            {"als"},
	"municipalities":  {"gemeenten"},
	"language":        {"taal"},
	"lang":            {"taal"},
	"color":           {"kleur"},
	"colour":          {"kleur"},
	"label":           {"naam"},
	"name_en":         {"naam_en"},
	"personas":        {"persona"},
	// Dutch variants of the canonical keys.
	"kanalen":          {"kanaal"},
	"stappen":          {"stap", "stappen"},
	"fases":            {"fase"},
	"fasen":            {"fase"},
	"emoties":          {"emotie"},
	"knelpunt":         {"knelpunten"},
	"succesfactor":     {"succesfactoren"},
	"actoren":          {"actoren", "actor"},
	"overdrachten":     {"overdracht"},
	"verbeteracties":   {"verbeteractie"},
	"meetpunten":       {"meetpunt"},
	"behoefte":         {"behoeften"},
	"doelen":           {"doelen", "doel"},
	"frontstage_actie": {"frontoffice"},
	"backstage_actie":  {"backoffice"},
	"ondersteunend":    {"ondersteuning"},
	"wachten":          {"wachttijd"},
	"herhaling":        {"herhaalcontact"},
	"nevendomein":      {"nevendomeinen"},
	"nevenvraagsoort":  {"nevenvraagsoorten"},
	"doorlooptijden":   {"doorlooptijd"},
	"zelfbediening":    {"zelfservice"},
	"wanneer":          {"als"},
	"voorwaarde":       {"als"},
	"conditie":         {"als"},
	"faalpunt_reden":   {"faalpunt"},
	"dagnummer":        {"dag"},
	"omschrijving":     {"omschrijving", "beschrijving"},
	"beschrijving":     {"beschrijving", "omschrijving"},
}

// keyHints explain where a key that does not exist in a table belongs,
// when no nearby key is the likely fix: a deadline is written beside a
// wait or a lead time, not on its own.
var keyHints = map[string]msg{
	"termijn": {"een termijn staat bij een wachttijd, wachttijd = { duur = \"…\", termijn = \"…\" }, of bij een [[doorlooptijd]] over meerdere stappen",
		"a deadline goes with a wait, wachttijd = { duur = \"…\", termijn = \"…\" }, or with a [[doorlooptijd]] across steps"},
}

// suggestKey returns the key a user most likely meant by key, among the
// allowed keys of a table: first the Dutch word for an English habit, then
// the nearest spelling. It returns "" when nothing is close.
func suggestKey(key string, allowed []string) string {
	lower := strings.ToLower(key)
	for _, cand := range englishKeys[lower] {
		for _, a := range allowed {
			if a == cand && a != key {
				return a
			}
		}
	}
	return suggest(lower, allowed)
}

// Suggest returns the candidate a user most likely meant by s, for a
// "did you mean …?": the same word in other case, else the nearest spelling
// within a small edit distance (1 for 3 characters, 2 from 4, 3 from 9),
// else the one candidate that starts with s (or contains it, from 4
// characters): "tel" → "telefoon", "kennis" → "kennisbank". It returns ""
// when nothing is close or several are equally likely; ties in distance go
// to the first candidate in the order given. The
// renderer and the requirements stage use it too, so every suggestion in
// the tool follows the same rule.
func Suggest(s string, candidates []string) string { return suggest(s, candidates) }

func suggest(s string, candidates []string) string {
	ls := strings.ToLower(s)
	best, bestDist := "", 1<<30
	for _, c := range candidates {
		if c == s {
			continue
		}
		lc := strings.ToLower(c)
		if lc == ls {
			return c
		}
		if d := editDistance(ls, lc); d < bestDist {
			best, bestDist = c, d
		}
	}
	n := len([]rune(s))
	limit := 0
	switch {
	case n >= 9:
		limit = 3
	case n >= 4:
		limit = 2
	case n == 3:
		limit = 1
	}
	if bestDist <= limit && limit > 0 {
		return best
	}
	// A word that starts one candidate only ("tel" → "telefoon"), or from
	// 4 characters is part of one only ("kennis" → "kennisbank"). When
	// several fit ("vraag"), guessing would mislead: the caller lists them.
	if n >= 3 {
		if c, ok := only(candidates, func(lc string) bool { return strings.HasPrefix(lc, ls) }); ok {
			return c
		}
	}
	if n >= 4 {
		if c, ok := only(candidates, func(lc string) bool { return strings.Contains(lc, ls) }); ok {
			return c
		}
	}
	return ""
}

// only returns the one candidate (compared in lower case) that fits.
func only(candidates []string, fits func(lower string) bool) (string, bool) {
	found := ""
	for _, c := range candidates {
		if fits(strings.ToLower(c)) {
			if found != "" && found != c {
				return "", false
			}
			found = c
		}
	}
	return found, found != ""
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours count 1.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		if a == b {
			return 0
		}
		return 1 << 20
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
