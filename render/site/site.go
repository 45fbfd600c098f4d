package site

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/dimpact/blueprint/blueprint"
)

// Site is what the caller hands over: the journeys with their diagrams and
// requirement links, the requirements, the downloads and any further
// pages. The zero values of the optional fields leave their part out.
type Site struct {
	// Lang is the language of the site's own words (headings, buttons,
	// labels); the journeys' text is shown as written. Zero means Dutch.
	Lang blueprint.Lang
	// Model is the loaded, validated model: journeys, personas and the
	// vocabulary the journeys refer to.
	Model *blueprint.Model
	// Title names the site in its header; empty means the project's
	// organisation, or "Klantreizen".
	Title string
	// Journeys are the journeys to publish, in the order of the index.
	// Each one's Journey must be one of Model.Journeys.
	Journeys []*Journey
	// Requirements are the rows of the Programma van Eisen, in catalogue
	// order; nil leaves out the requirements page.
	Requirements []*Requirement
	// Project is the text of blueprint.toml, offered as a download and
	// put in the zip of all journeys; nil when there is none.
	Project []byte
	// Downloads are further files offered on the downloads page, such as
	// the PvE workbook.
	Downloads []*Download
	// Pages are further pages given as plain data, linked from the menu:
	// the extension point for the verbeterplan and the visie.
	Pages []*Page

	// Live marks the pages of the live preview (blueprint serve): they
	// load a script that reloads them when a file changes, keeping the
	// scroll position and the zoom of the diagram. Version is written into
	// every page so the script can tell a page that missed a change.
	Live    bool
	Version string
	// Diagnostics are the problems of the files being edited, shown on
	// every page of the live preview with a snippet of the line from
	// Sources (file name → text).
	Diagnostics blueprint.Diagnostics
	Sources     map[string][]byte
}

// Journey is one journey as the site shows it.
type Journey struct {
	Journey *blueprint.Journey
	// SVG is the blueprint as drawn by render (FormatSVG), shown inline
	// and offered as a download; nil leaves the diagram out. A caller
	// that writes many journeys may set it just before WriteJourney and
	// drop it after.
	SVG []byte
	// StepBoxes maps step ids to the ids of their header boxes in the SVG
	// (render's Layout.StepBoxIDs), to pan the diagram to a step and to
	// open a step from a click on its header.
	StepBoxes map[string]string
	// Requirements maps step ids to the requirements the step led to.
	Requirements map[string][]RequirementRef
	// PNG says that the caller provides the PNG download at PNGPath.
	PNG bool
	// Source is the journey's file, offered as a download; nil leaves it
	// out.
	Source []byte
	// Stale marks a journey whose file now has errors: the page shows
	// the last version that had none (live preview).
	Stale bool
	// Sections are further parts of the journey's page, after the
	// verbeteracties (an extension point, like Site.Pages).
	Sections []*Section
}

// RequirementRef names a requirement a step led to.
type RequirementRef struct {
	ID    string
	Title string
	// Block is the name of the requirement's functional block.
	Block string
}

// Requirement is one row of the Programma van Eisen with the places that
// need it. The texts are in the site's language.
type Requirement struct {
	ID, Title, Text, Rationale string
	// Block and BlockNumber name and order the functional block.
	Block       string
	BlockNumber int
	// Function is the name of the catalogue function.
	Function string
	// Kind, MoSCoW and Weight as written in the matrix ("Eis
	// (knock-out)", "Must", "KO").
	Kind, MoSCoW, Weight string
	// Gemma lists the GEMMA elements, one line per kind.
	Gemma []string
	// Journeys and Steps count the journeys and steps that need it.
	Journeys, Steps int
	// Places are the traces, in journey order.
	Places []Place
}

// Place is one place that needs a requirement: a step, a phase or a
// persona of a journey, or a persona of the project, with the reason.
type Place struct {
	// Journey is the journey's id; empty for a project persona.
	Journey string
	// Step and Phase are ids within the journey; both empty for a
	// persona or a requirement that another one requires.
	Step, Phase string
	// Persona is a persona id, for the needs and pain points of a
	// persona.
	Persona string
	Reason  string
}

// Download is a file offered on the downloads page.
type Download struct {
	// Name is the file name under downloads/.
	Name string
	// Title and Description say what it is.
	Title, Description string
	Data               []byte
}

// FS receives the files of the site. Names are slash-separated paths
// relative to the site's root. WriteJourney may call it from several
// goroutines at once.
type FS interface {
	WriteFile(name string, data []byte) error
}

// MapFS is an FS in memory, for the live preview and tests.
type MapFS map[string][]byte

// WriteFile stores data under name. It is not safe for concurrent use.
func (m MapFS) WriteFile(name string, data []byte) error {
	m[name] = data
	return nil
}

// Gemeente is the gemeente a journey belongs to, for the index's filter
// and the journey's title block: its own gemeente key when it has one,
// else the project's organisation. A gemeente the project lists is
// written as the project spells it, so "haarlem" and "Haarlem" are one
// entry of the filter.
func Gemeente(m *blueprint.Model, j *blueprint.Journey) string {
	g := strings.TrimSpace(j.Municipality)
	if g == "" {
		return m.Project.Organisation
	}
	for _, x := range m.Project.Municipalities {
		if strings.EqualFold(strings.TrimSpace(x), g) {
			return strings.TrimSpace(x)
		}
	}
	return g
}

// Builder writes the pages of one Site. It is safe for concurrent use
// once New has returned.
type Builder struct {
	s *Site
	t func(nl, en string) string

	journeys  map[string]*Journey // by journey id
	personas  map[string]*blueprint.Persona
	employees map[string][]*blueprint.Persona // employee personas by role
	reqs      map[string]*Requirement
	pages     []*Page
	tmpl      *templates

	mu  sync.Mutex
	svg map[string]bool // journeys whose SVG WriteJourney wrote
}

var safeName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

// reservedPages are the names of the site's own pages, which a Page may
// not take.
var reservedPages = []string{"index", "eisen", "personas", "downloads", "klantreizen", "assets", "404"}

// New checks the input and prepares what the pages share. Ids become file
// names, so it refuses an id that is not a safe file name and two ids that
// differ only in upper and lower case (they would be one file on Windows
// and macOS).
func New(s *Site) (*Builder, error) {
	if s.Model == nil {
		return nil, fmt.Errorf("site: no model")
	}
	lang := s.Lang.Or(blueprint.Dutch)
	b := &Builder{
		s:         s,
		t:         func(nl, en string) string { return blueprint.T(lang, nl, en) },
		journeys:  map[string]*Journey{},
		personas:  map[string]*blueprint.Persona{},
		employees: map[string][]*blueprint.Persona{},
		reqs:      map[string]*Requirement{},
		svg:       map[string]bool{},
	}
	folded := map[string]string{}
	name := func(kind, id string) error {
		if !safeName.MatchString(id) {
			return fmt.Errorf("site: %s id %q cannot be a file name; use letters, digits, - and _", kind, id)
		}
		key := kind + "/" + strings.ToLower(id)
		if other, ok := folded[key]; ok && other != id {
			return fmt.Errorf("site: %s ids %q and %q differ only in upper and lower case; their pages would be one file on Windows and macOS", kind, other, id)
		}
		folded[key] = id
		return nil
	}
	for _, j := range s.Journeys {
		if j.Journey == nil {
			return nil, fmt.Errorf("site: a journey without its model")
		}
		if err := name("journey", j.Journey.ID); err != nil {
			return nil, err
		}
		if _, dup := b.journeys[j.Journey.ID]; dup {
			return nil, fmt.Errorf("site: journey %q given twice", j.Journey.ID)
		}
		b.journeys[j.Journey.ID] = j
	}
	for _, p := range s.Model.Personas {
		if err := name("persona", p.ID); err != nil {
			return nil, err
		}
		b.personas[p.ID] = p
		if a := s.Model.Vocabulary.Actor(p.Role); a != nil && a.Kind != blueprint.ActorCustomer {
			b.employees[p.Role] = append(b.employees[p.Role], p)
		}
	}
	for _, r := range s.Requirements {
		b.reqs[r.ID] = r
	}
	seen := map[string]bool{}
	for _, p := range s.Pages {
		if !safeName.MatchString(p.Name) || contains(reservedPages, strings.ToLower(p.Name)) {
			return nil, fmt.Errorf("site: page name %q: use letters, digits, - and _, and not one of %s", p.Name, strings.Join(reservedPages, ", "))
		}
		if seen[strings.ToLower(p.Name)] {
			return nil, fmt.Errorf("site: page %q given twice", p.Name)
		}
		seen[strings.ToLower(p.Name)] = true
		b.pages = append(b.pages, p)
	}
	for _, d := range s.Downloads {
		if !safeFile.MatchString(d.Name) {
			return nil, fmt.Errorf("site: download name %q: use letters, digits, ., - and _", d.Name)
		}
	}
	var err error
	if b.tmpl, err = parseTemplates(b); err != nil {
		return nil, err
	}
	return b, nil
}

var safeFile = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// Write writes the whole site: the shared pages, then every journey.
func (b *Builder) Write(fs FS) error {
	for _, j := range b.s.Journeys {
		if err := b.WriteJourney(fs, j); err != nil {
			return err
		}
	}
	return b.WriteCommon(fs)
}

// WriteCommon writes everything but the journeys' own files: the index,
// the requirements, the personas, the downloads, the caller's pages and
// the assets. Call it after WriteJourney for every journey: the downloads
// page lists the SVG files those calls wrote.
func (b *Builder) WriteCommon(fs FS) error {
	for _, a := range assetNames {
		data, err := assets.ReadFile("assets/" + a)
		if err != nil {
			return err
		}
		if err := fs.WriteFile("assets/"+a, data); err != nil {
			return err
		}
	}
	pages := []struct {
		name string
		make func() (*page, error)
	}{
		{"index.html", b.indexPage},
		{"personas.html", b.personasPage},
		{"downloads.html", b.downloadsPage},
		{"404.html", b.notFoundPage},
	}
	if b.s.Requirements != nil {
		pages = append(pages, struct {
			name string
			make func() (*page, error)
		}{"eisen.html", b.requirementsPage})
	}
	for _, p := range pages {
		pg, err := p.make()
		if err != nil {
			return err
		}
		if err := b.writePage(fs, p.name, pg); err != nil {
			return err
		}
	}
	for _, p := range b.personaList() {
		if err := b.writePage(fs, PersonaPath(p.ID), b.personaPage(p)); err != nil {
			return err
		}
	}
	if err := b.WritePages(fs); err != nil {
		return err
	}
	for _, d := range b.s.Downloads {
		if d.Data == nil {
			continue // the caller serves it (the live preview)
		}
		if err := fs.WriteFile(DownloadPath(d.Name), d.Data); err != nil {
			return err
		}
	}
	if b.s.Project != nil {
		if err := fs.WriteFile(DownloadPath(blueprint.ProjectFile), b.s.Project); err != nil {
			return err
		}
	}
	if b.hasSources() {
		zip, err := b.sourcesZip()
		if err != nil {
			return err
		}
		if err := fs.WriteFile(DownloadPath(ZipName), zip); err != nil {
			return err
		}
	}
	return nil
}

// WritePages writes the caller's pages (Site.Pages) alone; WriteCommon
// writes them too. For benchmarks and tools that want one kind of page.
func (b *Builder) WritePages(fs FS) error {
	for _, p := range b.pages {
		if err := b.writePage(fs, PagePath(p.Name), b.extraPage(p)); err != nil {
			return err
		}
	}
	return nil
}

// WriteJourney writes a journey's page and its downloads (SVG and TOML;
// the PNG is the caller's).
func (b *Builder) WriteJourney(fs FS, j *Journey) error {
	if b.journeys[j.Journey.ID] != j {
		return fmt.Errorf("site: journey %q is not one of the site's", j.Journey.ID)
	}
	pg, err := b.journeyPage(j)
	if err != nil {
		return err
	}
	if err := b.writePage(fs, JourneyPath(j.Journey.ID), pg); err != nil {
		return err
	}
	if j.SVG != nil {
		if err := fs.WriteFile(SVGPath(j.Journey.ID), j.SVG); err != nil {
			return err
		}
		b.mu.Lock()
		b.svg[j.Journey.ID] = true
		b.mu.Unlock()
	}
	if j.Source != nil {
		if err := fs.WriteFile(TOMLPath(j.Journey.ID), j.Source); err != nil {
			return err
		}
	}
	return nil
}

// personaList returns the personas with a page: every persona of the
// model, customers first, each group by name.
func (b *Builder) personaList() []*blueprint.Persona {
	out := append([]*blueprint.Persona(nil), b.s.Model.Personas...)
	sort.SliceStable(out, func(i, k int) bool {
		ci, ck := b.isCustomer(out[i]), b.isCustomer(out[k])
		if ci != ck {
			return ci
		}
		if out[i].Name != out[k].Name {
			return out[i].Name < out[k].Name
		}
		return out[i].ID < out[k].ID
	})
	return out
}

func (b *Builder) isCustomer(p *blueprint.Persona) bool {
	a := b.s.Model.Vocabulary.Actor(p.Role)
	return a == nil || a.Kind == blueprint.ActorCustomer
}

func (b *Builder) hasSources() bool {
	if b.s.Project != nil {
		return true
	}
	for _, j := range b.s.Journeys {
		if j.Source != nil {
			return true
		}
	}
	return false
}
