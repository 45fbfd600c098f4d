// Package site writes the journey site: a static, self-contained HTML site
// of a folder of customer journeys, for gemeenten to publish, zip and share
// (blueprint site), and the pages of the live preview (blueprint serve).
//
// It is the last step of the diagram stage and takes plain data from its
// caller: the loaded model, per journey the SVG that package render drew,
// the step header ids in it and the requirements each step led to, and the
// rows of the Programma van Eisen with the places behind each. It imports
// neither Graphviz nor the requirements stage, so the pipeline keeps its
// direction (cmd/blueprint → render, requirements → blueprint).
//
// What it writes, relative to the site's root:
//
//	index.html                  all journeys, searchable and filterable in the browser
//	klantreizen/<id>.html       one page per journey, the blueprint inline and zoomable
//	klantreizen/<id>.svg, .toml the diagram and the journey file, as downloads
//	eisen.html                  the requirements, with the journeys and steps behind each
//	personas.html, personas/<id>.html
//	downloads.html, downloads/  the PvE workbook, all journey files as one zip
//	<name>.html                 pages the caller adds (Site.Pages)
//	assets/                     one style sheet and two small scripts
//
// Entry points: New checks the input and prepares what every page needs;
// Builder.Write writes the whole site to an FS, or Builder.WriteCommon and
// Builder.WriteJourney write it in parts, so that a caller can render and
// write thousands of journeys one at a time (and in parallel) without
// holding every diagram in memory. The PNG of a journey is written by the
// caller at PNGPath, because only the caller knows whether and when it is
// rendered.
//
// Every text from a journey is escaped by html/template; the scripts are
// files, and every page carries a Content-Security-Policy that allows
// scripts and styles from the site itself only, so no inline script runs.
// The search data is JSON in a <script type="application/json"> element,
// which a browser never executes. The same input gives the same bytes.
//
// Pages made elsewhere, such as the verbeterplan and the visie (which
// cmd/blueprint makes from requirements/plan), come in as Site.Pages and
// Journey.Sections: headings, paragraphs, lists and tables of plain text
// and links to journeys, steps, verbeteracties, requirements, personas,
// sections of those pages and downloads. The site does not import the
// requirements stage.
package site
