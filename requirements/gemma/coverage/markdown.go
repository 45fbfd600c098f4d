package coverage

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/gemma"
)

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "|", `\|`, "\n", " ")

// md escapes text for Markdown so that it shows as written.
func md(s string) string { return mdEscaper.Replace(s) }

// PlacesText lists steps grouped by journey: "Johan …: step, step; Desiree …: step".
func PlacesText(ps []Place) string {
	var parts []string
	for i := 0; i < len(ps); {
		j := i
		var steps []string
		for j < len(ps) && ps[j].Journey == ps[i].Journey {
			steps = append(steps, ps[j].Step.Title)
			j++
		}
		parts = append(parts, requirements.JourneyName(ps[i].Journey)+": "+strings.Join(steps, ", "))
		i = j
	}
	return strings.Join(parts, "; ")
}

// WriteMarkdown writes the report as a document for architects: the
// counts, every KCC referentiecomponent with the requirements, steps,
// systems and services that cover it, the gaps, and what to check.
func WriteMarkdown(w io.Writer, r *Report) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	t := r.t
	n := r.Counts()
	p("# %s\n\n", t("GEMMA-dekking van de klantreizen", "GEMMA coverage of the journeys"))
	p("- %s %s\n", t("Model:", "Model:"), md(r.ModelText()))
	if note := r.ReleaseNote(); note != "" {
		p("- %s\n", md(note))
	}
	var js []string
	for _, j := range r.Journeys {
		js = append(js, md(requirements.JourneyName(j)))
	}
	p("- %s %s\n", r.count(len(r.Journeys), "klantreis:", "klantreizen:", "journey:", "journeys:"), strings.Join(js, "; "))
	p("- %s\n\n", r.count(len(r.Requirements), "eis afgeleid", "eisen afgeleid", "requirement derived", "requirements derived"))

	p("| %s | %s |\n|---|--:|\n", t("KCC-componenten", "KCC components"), t("aantal", "count"))
	p("| %s | %d |\n", t("in de KCC-scope", "in the KCC scope"), n.Components)
	p("| %s | %d |\n", t("waarvan referentiecomponenten", "of which reference components"), n.References)
	p("| %s | %d |\n", t("waarvan buitengemeentelijke voorzieningen", "of which external facilities"), n.Externals)
	p("| %s | %d |\n", t("gedekt door een eis", "covered by a requirement"), n.Covered)
	p("| %s | %d |\n", t("alleen via een systeem in de klantreizen", "only through a system of the journeys"), n.OnlySystem)
	p("| %s | %d |\n", t("niet gedekt", "not covered"), n.Gaps)
	p("| %s | %d |\n", t("applicatieservices genoemd door een eis", "application services named by a requirement"), n.Named)
	p("| %s | %d, %s %d |\n\n", t("services van de gedekte componenten", "services of the covered components"), n.Provided, t("genoemd", "named"), n.ProvidedNamed)
	p("%s\n", t("De KCC-scope is de bedrijfsfunctie Klant- en keteninteractie met haar deelfuncties, de applicatieservices die ze ondersteunen, de referentiecomponenten die die services realiseren, en de GEMMA-elementen die de eisencatalogus en de systeemtabel noemen (zie docs/gemma.md).",
		"The KCC scope is the business function Klant- en keteninteractie with its sub-functions, the application services that serve them, the reference components that realize those services, and the GEMMA elements the requirements catalogue and the systems table name (see docs/gemma.md)."))

	covered, onlySystem, gaps := r.Groups()
	p("\n## %s (%d)\n", t("Gedekt", "Covered"), len(covered))
	for _, x := range covered {
		writeComponentMD(b, r, x)
	}
	p("\n## %s (%d)\n\n", t("Niet gedekt: de gaten", "Not covered: the gaps"), len(gaps))
	if len(gaps) > 0 {
		p("| %s | Object ID | %s |\n|---|---|---|\n", t("Component", "Component"), t("Wat bekend is", "What is known"))
		for _, x := range gaps {
			p("| %s | `%s` | %s |\n", md(x.Element.Name), x.Element.ObjectID, md(r.GapText(x)))
		}
	}
	if len(onlySystem) > 0 {
		p("\n## %s (%d)\n\n", t("Alleen via een systeem in de klantreizen", "Only through a system of the journeys"), len(onlySystem))
		p("%s\n\n", t("De klantreizen gebruiken een systeem dat deze component is, maar geen eis in het PvE noemt haar.", "The journeys use a system that is this component, but no requirement of the PvE names it."))
		p("| %s | Object ID | %s |\n|---|---|---|\n", t("Component", "Component"), t("Systemen en stappen", "Systems and steps"))
		for _, x := range onlySystem {
			p("| %s | `%s` | %s |\n", md(x.Element.Name), x.Element.ObjectID, md(systemsText(r, x)))
		}
	}
	if len(r.Outside) > 0 {
		p("\n## %s (%d)\n", t("Buiten de KCC-scope, wel genoemd", "Outside the KCC scope, but named"), len(r.Outside))
		for _, x := range r.Outside {
			writeComponentMD(b, r, x)
		}
	}

	p("\n## %s\n\n", t("Te controleren", "To check"))
	p("### %s\n\n", t("Status In ontwikkeling of Einde ondersteuning", "Status in development or end of support"))
	if len(r.NotInUse) == 0 {
		p("%s\n", t("Geen.", "None."))
	}
	for _, x := range r.NotInUse {
		p("- %s (`%s`): %s — %s\n", md(x.Element.Name), x.Element.ObjectID, md(r.StatusText(x.Element)), reqIDs(x.Requirements))
	}
	p("\n### %s\n\n", t("Eisen zonder GEMMA-element in het model", "Requirements without a GEMMA element in the model"))
	if len(r.Unmapped) == 0 {
		p("%s\n", t("Geen.", "None."))
	}
	for _, row := range r.Unmapped {
		p("- %s %s\n", row.Requirement.ID, md(row.Requirement.Title(r.Lang)))
	}
	p("\n### %s\n\n", t("Object ID's die het model niet kent", "Object IDs the model lacks"))
	if len(r.Missing) == 0 {
		p("%s\n", t("Geen.", "None."))
	}
	for _, x := range r.Missing {
		p("- `%s` %s (%s): %s\n", x.Entry.ObjectID, md(x.Entry.Name), x.Entry.Pos, md(r.MissingText(x)))
	}
	p("\n### %s\n\n", t("Namen of soorten die afwijken van het model", "Names or kinds that differ from the model"))
	if len(r.Differs) == 0 {
		p("%s\n", t("Geen.", "None."))
	}
	for _, x := range r.Differs {
		p("- `%s` (%s): %s %s, %s %s (%s)\n", x.Entry.ObjectID, x.Entry.Pos, t("catalogus", "catalogue"), md(x.Entry.Name), t("model", "model"), md(x.Model.Name), md(x.Model.KindName(r.Lang)))
	}
	p("\n### %s\n\n", t("Services die de genoemde componenten niet leveren", "Services the named components do not provide"))
	if len(r.Mismatches) == 0 {
		p("%s\n", t("Geen.", "None."))
	}
	for _, x := range r.Mismatches {
		p("- %s\n", md(r.MismatchText(x)))
	}

	p("\n## %s\n\n", t("Systemen in de klantreizen", "Systems in the journeys"))
	p("| %s | GEMMA | %s |\n|---|---|--:|\n", t("Systeem", "System"), t("Stappen", "Steps"))
	for _, u := range r.Systems {
		g := t("(geen in de tabel)", "(none in the table)")
		if len(u.Refs) > 0 {
			var ns []string
			for _, ref := range u.Refs {
				ns = append(ns, ref.Name)
			}
			g = strings.Join(ns, ", ")
		}
		p("| %s | %s | %d |\n", md(u.Name(r.Lang)), md(g), len(u.Places))
	}
	return b.Flush()
}

func systemsText(r *Report, x *Component) string {
	var parts []string
	for _, u := range x.Systems {
		parts = append(parts, u.Name(r.Lang)+": "+PlacesText(u.Places))
	}
	return strings.Join(parts, "; ")
}

func writeComponentMD(b *bufio.Writer, r *Report, x *Component) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	t := r.t
	e := x.Element
	p("\n### %s\n\n", md(e.Name))
	facts := []string{"`" + e.ObjectID + "`", md(e.KindName(r.Lang))}
	if e.Status != "" {
		facts = append(facts, md(r.StatusText(e)))
	}
	if why := r.WhyText(e, x.Why); why != "" {
		facts = append(facts, md(why))
	}
	p("%s\n\n", strings.Join(facts, " · "))
	for _, q := range x.Requirements {
		p("- %s %s\n", q.ID, md(q.Title(r.Lang)))
	}
	if len(x.NotDerived) > 0 {
		p("- %s %s\n", t("Niet afgeleid uit de klantreizen:", "Not derived from the journeys:"), reqIDs(x.NotDerived))
	}
	if len(x.Places) > 0 {
		p("\n%s (%d): %s\n", t("Stappen", "Steps"), len(x.Places), md(PlacesText(x.Places)))
	}
	if len(x.Systems) > 0 {
		var ns []string
		for _, u := range x.Systems {
			ns = append(ns, u.Name(r.Lang))
		}
		p("\n%s %s\n", t("Systemen:", "Systems:"), md(strings.Join(ns, ", ")))
	}
	if len(x.Services) > 0 {
		var named, not []string
		for _, s := range x.Services {
			if s.Covered() {
				named = append(named, md(s.Element.Name)+" ("+reqIDs(s.Requirements)+")")
			} else {
				not = append(not, md(s.Element.Name))
			}
		}
		if len(named) > 0 {
			p("\n%s %s\n", t("Services genoemd door eisen:", "Services named by requirements:"), strings.Join(named, "; "))
		}
		if len(not) > 0 {
			p("\n%s %s\n", t("Services die geen eis noemt:", "Services no requirement names:"), strings.Join(not, "; "))
		}
	}
}

// elementNames is names for the JSON of a list of elements.
func elementIDs(es []*gemma.Element) []string {
	out := make([]string, 0, len(es))
	for _, e := range es {
		out = append(out, e.ObjectID)
	}
	return out
}
