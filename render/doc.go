// Package render draws a journey as a service blueprint: the swimlane
// diagram a service designer pins on the wall, as SVG, PNG or the DOT that
// Graphviz draws them from. It is the diagram stage of the pipeline: it
// reads a validated *blueprint.Model and imports nothing else of the
// project; it is the only package that imports Graphviz.
//
// The work is split in two, as in the rest of the project:
//
//   - Derive is pure: it turns a journey into a Layout, where every box,
//     line and arrow has its position in points. It decides the grid (a
//     column per step, a band per lane), wraps text with the metrics of the
//     embedded font so each box has the size its text needs, places the
//     three lines of a service blueprint, the heartbeat, the waits, pain
//     points and hand-offs, the title block and the legend. Nothing in a
//     Layout overlaps (the tests check it).
//   - The encoders draw a Layout without deciding anything: WriteDOT writes
//     the Graphviz graph with every node pinned (layout=nop2) and every edge
//     routed; a Renderer passes that DOT through Graphviz (go-graphviz's
//     WebAssembly module, run in-process by internal/gvwasm) to SVG, and for PNG to Graphviz's JSON
//     drawing instructions, which raster.go paints with the embedded font.
//
// Derive runs a list of named passes (derive.go) over one grid (grid.go),
// the state they share: the column positions, the cells of each lane, the
// boxes of each actor and the vertical cursor. Each pass reads what the
// earlier ones left there and adds its part; none calls another:
//
//	columns         the x of every step column and of repeated lane names (grid.go)
//	cells           the boxes of each lane per step, sized by their text (cells.go)
//	handoff-ends    the giver's and receiver's box of each hand-off (cells.go)
//	title           title block and legend (headers.go, legend.go)
//	phases          a header over the columns of each phase (headers.go)
//	flow-tracks     jumps, branches and loops on tracks, with labels (paths.go)
//	step-headers    number, title, channels, reasons and badges of each step (headers.go)
//	loop-tracks     room below the step headers for loops back (paths.go)
//	lanes           every visible lane and row, and where the three lines run (rows.go, time.go)
//	page            the size of the drawing (grid.go)
//	lines           the three lines with their names (paths.go)
//	heartbeat       the lines through the emotions (paths.go)
//	flows           arrows from step to step (paths.go)
//	handoff-arrows  arrows from actor to actor (paths.go)
//
// A step's boxes and arrows are named after the step's id ("step-belt-kcc",
// "step-belt-kcc.emotion"; ids.go), so inserting a step renames nothing else
// and links into the SVG stay valid.
//
// Entry points: Derive, WriteDOT, NewRenderer and Renderer.Render (or
// Renderer.Journey for both steps). Formats is the table of output formats
// (extension, media type, whether Graphviz is needed, the PNG's dpi), which
// Render and the command line both read; the zero Renderer writes DOT
// without Graphviz. Options choose the language of the diagram's own
// labels, the output size (screen, or a sheet from A3 to A0) and lanes to
// hide; Lanes and Sizes list them, and ParseLanes, ParseSize and
// ParseFormat read the command line's values.
//
// The sub-package site writes the journey site (blueprint site and serve)
// from the SVGs drawn here; Layout.StepBoxIDs tells it where each step's
// header is in the SVG.
//
// One Renderer serves a whole run: starting Graphviz costs more than
// drawing a journey. Why Graphviz draws a grid computed in Go rather than
// laying it out itself, and why PNG is painted here, is written down in
// docs/decisions.md; docs/diagrams.md explains the diagram to its readers.
package render
