package plan

import "github.com/dimpact/blueprint/blueprint"

// StatusName names a status of a verbeteractie for readers: the Dutch
// value as written in the journey file, or its English word. An empty
// status is "(geen status)".
func StatusName(lang blueprint.Lang, status string) string {
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	switch status {
	case blueprint.StatusIdea:
		return t("idee", "idea")
	case blueprint.StatusDecided:
		return t("besloten", "decided")
	case blueprint.StatusPlanned:
		return t("gepland", "planned")
	case blueprint.StatusInProgress:
		return t("bezig", "in progress")
	case blueprint.StatusDone:
		return t("gereed", "done")
	case blueprint.StatusRejected:
		return t("afgewezen", "rejected")
	case "":
		return t("(geen status)", "(no status)")
	}
	return status
}

// StatusMeaning says what a status means, for the workbook's explanation.
func StatusMeaning(lang blueprint.Lang, status string) string {
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	switch status {
	case blueprint.StatusIdea:
		return t("Voorgesteld, nog niet besproken.", "Proposed, not yet discussed.")
	case blueprint.StatusDecided:
		return t("Besloten dat het gebeurt; nog niet ingepland.", "Decided that it happens; not yet scheduled.")
	case blueprint.StatusPlanned:
		return t("Ingepland, met een eigenaar en een streefdatum.", "Scheduled, with an owner and a target date.")
	case blueprint.StatusInProgress:
		return t("In uitvoering.", "Being carried out.")
	case blueprint.StatusDone:
		return t("Uitgevoerd; het knelpunt geldt als opgelost.", "Carried out; the pain point counts as solved.")
	case blueprint.StatusRejected:
		return t("Besloten dat het niet gebeurt; de reden blijft zichtbaar. Een afgewezen actie beantwoordt geen knelpunt.",
			"Decided that it does not happen; the reason stays visible. A rejected action answers no pain point.")
	}
	return ""
}

// HorizonName names a horizon for readers.
func HorizonName(lang blueprint.Lang, h string) string {
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	switch h {
	case blueprint.HorizonShort:
		return t("kort", "short")
	case blueprint.HorizonMedium:
		return t("middellang", "medium")
	case blueprint.HorizonLong:
		return t("lang", "long")
	}
	return h
}

// HorizonMeaning says what a horizon means.
func HorizonMeaning(lang blueprint.Lang, h string) string {
	t := func(nl, en string) string { return blueprint.T(lang, nl, en) }
	switch h {
	case blueprint.HorizonShort:
		return t("binnen drie maanden (quick win)", "within three months (quick win)")
	case blueprint.HorizonMedium:
		return t("binnen een jaar", "within a year")
	case blueprint.HorizonLong:
		return t("langer dan een jaar", "more than a year")
	}
	return ""
}

// KindName names the kind of a knelpunt for readers.
func KindName(lang blueprint.Lang, k Kind) string {
	switch k {
	case KindStep:
		return blueprint.T(lang, "stap", "step")
	case KindEmployee:
		return blueprint.T(lang, "medewerker", "employee")
	}
	return blueprint.T(lang, "knelpunt", "pain point")
}

// VerdictName names a verdict for readers.
func VerdictName(lang blueprint.Lang, v string) string {
	switch v {
	case VerdictMeets:
		return blueprint.MeetsNorm.Label(lang)
	case VerdictMisses:
		return blueprint.MissesNorm.Label(lang)
	}
	return ""
}
