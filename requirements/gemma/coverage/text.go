package coverage

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
)

// tr picks the text of the report's language.
func (r *Report) t(nl, en string) string { return blueprint.T(r.Lang, nl, en) }

// ModelText says which model the coverage was computed against.
func (r *Report) ModelText() string {
	name := r.Model.Name
	if name == "" {
		name = "GEMMA"
	}
	rel := r.Release
	if rel == "" {
		rel = r.t("onbekend", "unknown")
	}
	s := fmt.Sprintf(r.t("%s, release %s", "%s, release %s"), name, rel)
	if r.Model.Extract {
		s += r.t(" (het ingebouwde KCC-uittreksel; --gemma voor een eigen export)", " (the built-in KCC extract; --gemma for an export of your own)")
	} else if len(r.Model.Files) > 0 {
		s += " (" + strings.Join(r.Model.Files, ", ") + ")"
	}
	return s
}

// ReleaseNote says when the catalogue was written against another
// release, or "".
func (r *Report) ReleaseNote() string {
	if r.CatalogueRelease == "" || r.CatalogueRelease == r.Release {
		return ""
	}
	return fmt.Sprintf(r.t("Let op: de catalogus is geschreven tegen GEMMA-release %s, de dekking is berekend tegen %s.",
		"Note: the catalogue was written against GEMMA release %s; the coverage was computed against %s."), r.CatalogueRelease, r.Release)
}

// reqIDs lists requirement ids.
func reqIDs(reqs []*requirements.Requirement) string {
	ids := make([]string, len(reqs))
	for i, q := range reqs {
		ids[i] = q.ID
	}
	return strings.Join(ids, ", ")
}

func names(es []*gemma.Element) string {
	ns := make([]string, len(es))
	for i, e := range es {
		ns[i] = e.Name
	}
	return strings.Join(ns, ", ")
}

// WhyText says why e, a component or service, is in the KCC scope.
func (r *Report) WhyText(e *gemma.Element, w gemma.Why) string {
	var parts []string
	if w.Function != nil {
		path := r.Model.Path(r.Scope.Root, w.Function)
		if w.Service != nil && w.Service != e {
			parts = append(parts, fmt.Sprintf(r.t("ondersteunt %s (via %s)", "supports %s (through %s)"), path, w.Service.Name))
		} else {
			parts = append(parts, fmt.Sprintf(r.t("ondersteunt %s", "supports %s"), path))
		}
	}
	if w.ProvidedBy != nil {
		parts = append(parts, fmt.Sprintf(r.t("geleverd door %s", "provided by %s"), w.ProvidedBy.Name))
	}
	if w.Seed {
		parts = append(parts, r.t("genoemd in de catalogus of de systeemtabel", "named in the catalogue or the systems table"))
	}
	return strings.Join(parts, "; ")
}

// GapText says what is known about a component no derived requirement
// names.
func (r *Report) GapText(x *Component) string {
	var parts []string
	if x.OnlySystem() {
		var sys []string
		for _, u := range x.Systems {
			sys = append(sys, u.Name(r.Lang)+" ("+r.count(len(u.Places), "stap", "stappen", "step", "steps")+")")
		}
		parts = append(parts, r.t("systeem in de klantreizen: ", "system in the journeys: ")+strings.Join(sys, ", ")+r.t("; geen eis noemt de component", "; no requirement names the component"))
	}
	if len(x.NotDerived) > 0 {
		parts = append(parts, r.t("eisen in de catalogus die geen klantreis vraagt: ", "requirements of the catalogue no journey asks for: ")+reqIDs(x.NotDerived))
	}
	if len(x.NotDerived) == 0 && !x.OnlySystem() {
		parts = append(parts, r.t("geen eis in de catalogus", "no requirement in the catalogue"))
	}
	if why := r.WhyText(x.Element, x.Why); why != "" && !x.Why.Seed {
		parts = append(parts, why)
	}
	return strings.Join(parts, "; ")
}

// count writes n with the singular or plural noun of the report's language.
func (r *Report) count(n int, nl1, nl, en1, en string) string {
	if n == 1 {
		return "1 " + r.t(nl1, en1)
	}
	return fmt.Sprintf("%d %s", n, r.t(nl, en))
}

// CoveredText summarises a covered component: requirements, journeys and
// steps.
func (r *Report) CoveredText(x *Component) string {
	s := r.count(len(x.Requirements), "eis", "eisen", "requirement", "requirements") + ", " +
		r.count(x.Journeys, "klantreis", "klantreizen", "journey", "journeys") + ", " +
		r.count(len(x.Places), "stap", "stappen", "step", "steps") + ": " + reqIDs(x.Requirements)
	if len(x.Systems) > 0 {
		var sys []string
		for _, u := range x.Systems {
			sys = append(sys, u.Name(r.Lang))
		}
		s += r.t("; systemen: ", "; systems: ") + strings.Join(sys, ", ")
	}
	return s
}

// StatusText names an element's GEMMA status in the report's language.
func (r *Report) StatusText(e *gemma.Element) string {
	if r.Lang != blueprint.English {
		return e.Status
	}
	switch e.Status {
	case gemma.StatusInUse:
		return "in use"
	case gemma.StatusDeveloping:
		return "in development"
	case gemma.StatusEndOfSupport:
		return "end of support"
	}
	return e.Status
}

// MissingText says what is known about an Object ID the model lacks.
func (r *Report) MissingText(x *Missing) string {
	var parts []string
	switch {
	case x.ArchiID != nil:
		parts = append(parts, fmt.Sprintf(r.t("dit is de Archi-id van %s; de Object ID is %s", "this is the Archi id of %s; its Object ID is %s"), x.ArchiID.Name, x.ArchiID.ObjectID))
	case x.Was != nil && x.Successor != nil:
		parts = append(parts, fmt.Sprintf(r.t("was de applicatiefunctie %s (2022); opvolger: %s (%s)", "was the applicatiefunctie %s (2022); successor: %s (%s)"), x.Was.Name, x.Successor.Name, x.Successor.ObjectID))
	case x.Was != nil && len(x.Candidates) > 0:
		parts = append(parts, fmt.Sprintf(r.t("was de applicatiefunctie %s (2022), zonder opvolger; %s levert nu: %s", "was the applicatiefunctie %s (2022), without a successor; %s now provides: %s"),
			x.Was.Name, strings.Join(x.Was.Components, ", "), names(x.Candidates)))
	case x.Was != nil:
		parts = append(parts, fmt.Sprintf(r.t("was de applicatiefunctie %s (2022), zonder opvolger", "was the applicatiefunctie %s (2022), without a successor"), x.Was.Name))
	case x.Unsure:
		parts = append(parts, r.t("niet in het ingebouwde KCC-uittreksel; controleer met --gemma tegen het hele model", "not in the built-in KCC extract; check with --gemma against the full model"))
	default:
		parts = append(parts, r.t("niet in het model", "not in the model"))
	}
	if len(x.Requirements) > 0 {
		parts = append(parts, r.t("genoemd door ", "named by ")+reqIDs(x.Requirements))
	}
	return strings.Join(parts, "; ")
}

// MismatchText explains a service none of the requirement's components
// provides.
func (r *Report) MismatchText(x *Mismatch) string {
	by := r.t("geen component", "no component")
	if len(x.ProvidedBy) > 0 {
		by = names(x.ProvidedBy)
	}
	if len(x.Components) > 1 {
		return fmt.Sprintf(r.t("%s noemt %s, maar %s leveren die service niet in GEMMA; wel: %s", "%s names %s, but %s do not provide that service in GEMMA; it is provided by: %s"),
			x.Requirement.ID, x.Service.Name, names(x.Components), by)
	}
	return fmt.Sprintf(r.t("%s noemt %s, maar %s levert die service niet in GEMMA; wel: %s", "%s names %s, but %s does not provide that service in GEMMA; it is provided by: %s"),
		x.Requirement.ID, x.Service.Name, names(x.Components), by)
}

// WriteText writes the report for a terminal: the counts, then one line
// per component, grouped as covered, only through a system, and not
// covered, then what the architect must check.
func WriteText(w io.Writer, r *Report) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	t := r.t
	n := r.Counts()
	p(t("GEMMA-dekking van %d klantreizen en %d eisen\n", "GEMMA coverage of %d journeys and %d requirements\n"), len(r.Journeys), len(r.Requirements))
	p(t("Model: %s\n", "Model: %s\n"), r.ModelText())
	if note := r.ReleaseNote(); note != "" {
		p("%s\n", note)
	}
	p(t("\n%s; gedekt door een eis: %d; alleen via een systeem: %d; niet gedekt: %d\n",
		"\n%s; covered by a requirement: %d; only through a system: %d; not covered: %d\n"), r.ComponentsText(), n.Covered, n.OnlySystem, n.Gaps)
	p(t("Applicatieservices genoemd door een eis: %d; de gedekte componenten leveren er %d, waarvan %d genoemd\n",
		"Application services named by a requirement: %d; the covered components provide %d, of which %d are named\n"), n.Named, n.Provided, n.ProvidedNamed)

	width := 0
	for _, x := range append(append([]*Component{}, r.Components...), r.Outside...) {
		width = max(width, utf8.RuneCountInString(x.Element.Name))
	}
	line := func(x *Component, text string) {
		p("  %s%s  %s\n", x.Element.Name, strings.Repeat(" ", width-utf8.RuneCountInString(x.Element.Name)), text)
	}
	group := func(title string, keep func(*Component) bool, text func(*Component) string) {
		var xs []*Component
		for _, x := range r.Components {
			if keep(x) {
				xs = append(xs, x)
			}
		}
		if len(xs) == 0 {
			return
		}
		p("\n%s (%d)\n", title, len(xs))
		for _, x := range xs {
			line(x, text(x))
		}
	}
	group(t("Gedekt", "Covered"), (*Component).Covered, r.CoveredText)
	group(t("Alleen via een systeem in de klantreizen", "Only through a system of the journeys"), (*Component).OnlySystem, r.GapText)
	group(t("Niet gedekt: de gaten", "Not covered: the gaps"), func(x *Component) bool { return !x.Covered() && !x.OnlySystem() }, r.GapText)
	if len(r.Outside) > 0 {
		p("\n%s (%d)\n", t("Buiten de KCC-scope, wel genoemd", "Outside the KCC scope, but named"), len(r.Outside))
		for _, x := range r.Outside {
			if x.Covered() {
				line(x, r.CoveredText(x))
			} else {
				line(x, r.GapText(x))
			}
		}
	}

	section := func(title string, n int, none string) bool {
		if n == 0 {
			p("\n%s: %s\n", title, none)
			return false
		}
		p("\n%s (%d)\n", title, n)
		return true
	}
	none := t("geen", "none")
	if section(t("Status In ontwikkeling of Einde ondersteuning", "Status in development or end of support"), len(r.NotInUse), none) {
		for _, x := range r.NotInUse {
			p("  %s: %s — %s\n", x.Element.Name, r.StatusText(x.Element), reqIDs(x.Requirements))
		}
	}
	if section(t("Eisen zonder GEMMA-element in het model", "Requirements without a GEMMA element in the model"), len(r.Unmapped), none) {
		for _, row := range r.Unmapped {
			p("  %s %s\n", row.Requirement.ID, row.Requirement.Title(r.Lang))
		}
	}
	if section(t("Object ID's die het model niet kent", "Object IDs the model lacks"), len(r.Missing), none) {
		for _, x := range r.Missing {
			p("  %s %s (%s): %s\n", x.Entry.ObjectID, x.Entry.Name, x.Entry.Pos, r.MissingText(x))
		}
	}
	if section(t("Namen of soorten die afwijken van het model", "Names or kinds that differ from the model"), len(r.Differs), none) {
		for _, x := range r.Differs {
			p("  %s (%s): %s %q, %s %q (%s)\n", x.Entry.ObjectID, x.Entry.Pos, t("catalogus", "catalogue"), x.Entry.Name, t("model", "model"), x.Model.Name, x.Model.KindName(r.Lang))
		}
	}
	if section(t("Services die de genoemde componenten niet leveren", "Services the named components do not provide"), len(r.Mismatches), none) {
		for _, x := range r.Mismatches {
			p("  %s\n", r.MismatchText(x))
		}
	}
	var unmapped []string
	for _, u := range r.Systems {
		if len(u.Refs) == 0 {
			unmapped = append(unmapped, u.Name(r.Lang))
		}
	}
	if len(unmapped) > 0 {
		p("\n%s: %s\n", t("Systemen zonder GEMMA-component in de tabel", "Systems without a GEMMA component in the table"), strings.Join(unmapped, ", "))
	}
	return b.Flush()
}
