package site

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// page is what the layout template gets: the frame shared by every page
// and the body of its kind.
type page struct {
	Lang        string
	Kind        string // index, journey, requirements, personas, persona, downloads, page
	Title       string
	SiteTitle   string
	Description string
	Root        string
	Nav         []navItem
	CSP         string
	Live        bool
	Version     string
	// Errors and Warnings are the diagnostics of the live preview.
	Errors, Warnings []string
	ProblemHead      string
	Body             any
}

type navItem struct {
	Href, Label string
	Current     bool
}

// CSP is the Content-Security-Policy of every page. Scripts, styles and
// images come from the site itself only; no inline script or style runs
// (the diagram uses presentation attributes, which are not styles). The
// search data is a <script type="application/json">, which is never
// executed. connect-src allows the live preview's event stream.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'"

func (b *Builder) newPage(kind, title, root, desc string, body any) *page {
	p := &page{
		Lang: string(b.lang()), Kind: kind, Title: title, SiteTitle: b.siteTitle(), Root: root,
		Description: truncate(desc, 250), CSP: CSP, Live: b.s.Live, Version: b.s.Version, Body: body,
	}
	p.Nav = append(p.Nav, navItem{root + "index.html", b.t("Klantreizen", "Journeys"), kind == "index" || kind == "journey"})
	if b.s.Requirements != nil {
		p.Nav = append(p.Nav, navItem{root + "eisen.html", b.t("Eisen", "Requirements"), kind == "requirements"})
	}
	p.Nav = append(p.Nav, navItem{root + "personas.html", b.t("Persona's", "Personas"), kind == "personas" || kind == "persona"})
	for _, x := range b.pages {
		p.Nav = append(p.Nav, navItem{root + PagePath(x.Name), x.Title, kind == "page:"+x.Name})
	}
	p.Nav = append(p.Nav, navItem{root + "downloads.html", b.t("Downloads", "Downloads"), kind == "downloads"})
	p.Errors, p.Warnings, p.ProblemHead = b.problems()
	return p
}

func (b *Builder) siteTitle() string {
	if b.s.Title != "" {
		return b.s.Title
	}
	if o := b.s.Model.Project.Organisation; o != "" {
		return o
	}
	return b.t("Klantreizen", "Customer journeys")
}

// problems writes the diagnostics as the CLI prints them, each with the
// line it points at and a caret: the errors first, then the warnings.
func (b *Builder) problems() (errs, warns []string, head string) {
	for _, d := range b.s.Diagnostics {
		var buf bytes.Buffer
		w := &blueprint.DiagnosticWriter{W: &buf, Sources: b.s.Sources, Lang: b.lang()}
		if err := w.WriteDiagnostics(blueprint.Diagnostics{d}); err != nil {
			continue
		}
		text := strings.TrimRight(buf.String(), "\n")
		if i := strings.LastIndexByte(text, '\n'); i >= 0 {
			text = text[:i] // the count line; the heading counts
		}
		if d.Severity == blueprint.Error {
			errs = append(errs, text)
		} else {
			warns = append(warns, text)
		}
	}
	switch {
	case len(errs) > 0:
		head = fmt.Sprintf(b.t("%s. U ziet de laatste versie zonder fouten; zodra u het bestand verbetert en bewaart, verdwijnt deze melding.",
			"%s. You see the last version without errors; once you fix the file and save it, this message goes away."),
			capitalize(plural(b, len(errs), "fout", "fouten", "error", "errors")))
	case len(warns) > 0:
		head = capitalize(plural(b, len(warns), "waarschuwing", "waarschuwingen", "warning", "warnings"))
	}
	return errs, warns, head
}

// --- requirements ---

type requirementsBody struct {
	Intro  string
	Blocks []*blockView
}

type blockView struct {
	Number int
	Name   string
	Anchor string
	Reqs   []*reqView
}

type reqView struct {
	*Requirement
	Shown    []placeJourney
	Others   []placeItem // places outside a journey: project personas, requirements
	More     int
	MoreHref string
}

type placeJourney struct {
	Title, Href string
	Items       []placeItem
	MoreSteps   int
}

type placeItem struct {
	Label, Href, Reason string
}

// maxPlaceJourneys is how many journeys the requirements page names under
// a requirement; the index, filtered on the requirement, has them all.
const maxPlaceJourneys = 12

// maxPlaceSteps is how many steps of one journey it names.
const maxPlaceSteps = 6

func (b *Builder) requirementsPage() (*page, error) {
	body := &requirementsBody{}
	var cur *blockView
	for _, r := range b.s.Requirements {
		if cur == nil || cur.Number != r.BlockNumber || cur.Name != r.Block {
			cur = &blockView{Number: r.BlockNumber, Name: r.Block, Anchor: fmt.Sprintf("blok-%d", r.BlockNumber)}
			body.Blocks = append(body.Blocks, cur)
		}
		cur.Reqs = append(cur.Reqs, b.reqView(r))
	}
	body.Intro = fmt.Sprintf(b.t(
		"Het Programma van Eisen dat uit deze klantreizen volgt: %s in %s, met bij elke eis de klantreizen en stappen die erom vragen. De werkmap voor marktpartijen staat bij Downloads.",
		"The Programme of Requirements these journeys lead to: %s in %s, each with the journeys and steps that ask for it. The workbook for market parties is under Downloads."),
		plural(b, len(b.s.Requirements), "eis", "eisen", "requirement", "requirements"),
		plural(b, len(body.Blocks), "blok", "blokken", "block", "blocks"))
	return b.newPage("requirements", b.t("Eisen", "Requirements"), "", body.Intro, body), nil
}

func (b *Builder) reqView(r *Requirement) *reqView {
	v := &reqView{Requirement: r}
	byJourney := map[string]int{} // journey id → index in Shown
	steps := map[string]bool{}
	var order []string
	for _, p := range r.Places {
		if p.Journey == "" {
			label := ""
			switch {
			case p.Persona != "":
				label = b.t("Persona ", "Persona ") + b.personaName(p.Persona)
				href := ""
				if b.personas[p.Persona] != nil {
					href = PersonaPath(p.Persona)
				}
				v.Others = append(v.Others, placeItem{Label: label, Href: href, Reason: p.Reason})
			default:
				v.Others = append(v.Others, placeItem{Label: b.t("Project", "Project"), Reason: p.Reason})
			}
			continue
		}
		jj := b.journeys[p.Journey]
		if jj == nil {
			continue
		}
		i, ok := byJourney[p.Journey]
		if !ok {
			order = append(order, p.Journey)
			if len(v.Shown) >= maxPlaceJourneys {
				byJourney[p.Journey] = -1
				continue
			}
			i = len(v.Shown)
			byJourney[p.Journey] = i
			v.Shown = append(v.Shown, placeJourney{Title: jj.Journey.Title, Href: JourneyPath(p.Journey)})
		}
		if i < 0 {
			continue
		}
		pj := &v.Shown[i]
		j := jj.Journey
		switch {
		case p.Step != "":
			key := p.Journey + "/" + p.Step
			if steps[key] {
				continue // one line per step; its first reason
			}
			steps[key] = true
			if len(pj.Items) >= maxPlaceSteps {
				pj.MoreSteps++
				continue
			}
			label := p.Step
			for k, s := range j.Steps {
				if s.ID == p.Step {
					label = fmt.Sprintf("%d. %s", k+1, s.Title)
				}
			}
			pj.Items = append(pj.Items, placeItem{Label: label, Href: JourneyPath(p.Journey) + "#" + StepAnchor(p.Step), Reason: p.Reason})
		case p.Phase != "":
			label := p.Phase
			if ph := j.Phase(p.Phase); ph != nil {
				label = b.t("fase ", "phase ") + ph.Name
			}
			pj.Items = append(pj.Items, placeItem{Label: label, Reason: p.Reason})
		case p.Persona != "":
			pj.Items = append(pj.Items, placeItem{Label: b.t("persona ", "persona ") + b.personaName(p.Persona), Href: PersonaPath(p.Persona), Reason: p.Reason})
		default:
			pj.Items = append(pj.Items, placeItem{Label: b.t("de klantreis", "the journey"), Reason: p.Reason})
		}
	}
	if len(order) > len(v.Shown) {
		v.More = len(order) - len(v.Shown)
	}
	v.MoreHref = "index.html#eis=" + r.ID
	return v
}

func (b *Builder) personaName(id string) string {
	if p := b.personas[id]; p != nil {
		return p.Name
	}
	return id
}

// --- personas ---

type personasBody struct {
	Intro     string
	Customers []personaItem
	Employees []personaItem
}

type personaItem struct {
	Card     *personaCard
	Journeys int
	Desc     string
}

func (b *Builder) personasPage() (*page, error) {
	body := &personasBody{Intro: b.t(
		"De mensen in deze klantreizen: de klanten wier reis wordt verteld, en de medewerkers die hen helpen, met hun knelpunten en succesfactoren.",
		"The people in these journeys: the customers whose journey is told, and the employees who serve them, with their pain points and success factors.")}
	for _, p := range b.personaList() {
		it := personaItem{Card: b.card("", p), Journeys: len(b.personaJourneys(p)), Desc: truncate(p.Description, 160)}
		if it.Card.Customer {
			body.Customers = append(body.Customers, it)
		} else {
			body.Employees = append(body.Employees, it)
		}
	}
	return b.newPage("personas", b.t("Persona's", "Personas"), "", body.Intro, body), nil
}

type personaBody struct {
	Card     *personaCard
	Journeys []indexItem
	More     int
	MoreHref string
	Lead     string
}

// maxPersonaJourneys is how many journeys a persona's page lists; the
// index, filtered on the persona, has them all.
const maxPersonaJourneys = 50

// personaJourneys are the journeys of a customer persona, or the journeys
// an employee persona's role acts in.
func (b *Builder) personaJourneys(p *blueprint.Persona) []*Journey {
	var out []*Journey
	customer := b.isCustomer(p)
	for _, jj := range b.s.Journeys {
		j := jj.Journey
		if customer {
			if j.Persona == p {
				out = append(out, jj)
			}
			continue
		}
		for _, e := range b.journeyEmployees(j) {
			if e == p {
				out = append(out, jj)
				break
			}
		}
	}
	return out
}

func (b *Builder) personaPage(p *blueprint.Persona) *page {
	root := "../"
	body := &personaBody{Card: b.card(root, p)}
	body.Card.Own = true
	js := b.personaJourneys(p)
	if body.Card.Customer {
		body.Lead = b.t("Klantreizen van deze persona", "Journeys of this persona")
	} else {
		body.Lead = fmt.Sprintf(b.t("Klantreizen waarin een %s handelt", "Journeys in which a %s acts"), strings.ToLower(body.Card.Role))
	}
	for i, jj := range js {
		if i == maxPersonaJourneys {
			body.More = len(js) - i
			break
		}
		j := jj.Journey
		body.Journeys = append(body.Journeys, indexItem{Href: root + JourneyPath(j.ID), Title: j.Title, Desc: truncate(firstNonEmpty(j.Description, j.Trigger), 160)})
	}
	body.MoreHref = root + "index.html#persona=" + p.ID
	return b.newPage("persona", p.Name, root, firstNonEmpty(p.Description, p.Quote), body)
}

// --- downloads ---

type downloadsBody struct {
	Files    []downloadItem
	Journeys []journeyFiles
}

type downloadItem struct {
	Href, Title, Description, Size string
}

type journeyFiles struct {
	Title, Href    string
	PNG, SVG, TOML string
}

func (b *Builder) downloadsPage() (*page, error) {
	body := &downloadsBody{}
	for _, d := range b.s.Downloads {
		it := downloadItem{Href: DownloadPath(d.Name), Title: d.Title, Description: d.Description}
		if d.Data != nil {
			it.Size = size(b.lang(), len(d.Data))
		}
		body.Files = append(body.Files, it)
	}
	if b.hasSources() {
		zip, err := b.sourcesZip()
		if err != nil {
			return nil, err
		}
		body.Files = append(body.Files, downloadItem{Href: DownloadPath(ZipName), Title: b.t("Alle klantreizen als TOML-bestanden (zip)", "All journeys as TOML files (zip)"),
			Description: b.t("De bronbestanden van deze site, met blueprint.toml: pak ze uit en gebruik ze met blueprint validate, render, matrix of site.",
				"The source files of this site, with blueprint.toml: unpack them and use them with blueprint validate, render, matrix or site."),
			Size: size(b.lang(), len(zip))})
	}
	if b.s.Project != nil {
		body.Files = append(body.Files, downloadItem{Href: DownloadPath(blueprint.ProjectFile), Title: blueprint.ProjectFile,
			Description: b.t("Het projectbestand: visie, medewerkerspersona's en eigen kanalen.", "The project file: vision, employee personas and the project's own channels."),
			Size:        size(b.lang(), len(b.s.Project))})
	}
	for _, jj := range b.s.Journeys {
		id := jj.Journey.ID
		f := journeyFiles{Title: jj.Journey.Title, Href: JourneyPath(id)}
		if jj.PNG {
			f.PNG = PNGPath(id)
		}
		b.mu.Lock()
		if b.svg[id] {
			f.SVG = SVGPath(id)
		}
		b.mu.Unlock()
		if jj.Source != nil {
			f.TOML = TOMLPath(id)
		}
		body.Journeys = append(body.Journeys, f)
	}
	return b.newPage("downloads", b.t("Downloads", "Downloads"), "", "", body), nil
}

// size writes a file size for readers: "12 kB", "1,4 MB".
func size(lang blueprint.Lang, n int) string {
	var s string
	switch {
	case n < 1000:
		s = fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		s = fmt.Sprintf("%d kB", (n+500)/1000)
	default:
		s = fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	if lang != blueprint.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// --- the caller's pages ---

type extraBody struct {
	P        *Page
	Sections []*section
}

func (b *Builder) extraPage(p *Page) *page {
	body := &extraBody{P: p, Sections: b.sections("", p.Sections, 2)}
	return b.newPage("page:"+p.Name, p.Title, "", strings.Join(p.Intro, " "), body)
}

// --- not found ---

// notFoundPage is 404.html: what a web server (and the live preview)
// shows for a page that does not exist, such as a journey whose id
// changed.
func (b *Builder) notFoundPage() (*page, error) {
	return b.newPage("notfound", b.t("Pagina niet gevonden", "Page not found"), "", "", nil), nil
}
