package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// catalogueOf returns the requirements catalogue of a command: the file
// named by --catalogue, read once (the same bytes are loaded and go into
// sources for the snippets), or the built-in one. Its diagnostics are
// returned for the caller to report with the rest; when they hold errors
// the catalogue is nil. The error is for a file that cannot be read
// (exit 2).
func catalogueOf(c *cli.Context, diagLang blueprint.Lang, sources map[string][]byte) (*requirements.Catalogue, blueprint.Diagnostics, error) {
	path := c.String("catalogue")
	if path == "" {
		return requirements.Builtin(), nil, nil
	}
	f, diags, err := requirements.ReadCatalogueFile(path, diagLang)
	if err != nil {
		return nil, nil, usageError("%s: --catalogue: %v", c.Command.Name, err)
	}
	if diags.HasErrors() {
		return nil, diags, nil
	}
	// Named relative to the journeys folder, as the journeys are: the
	// name goes into the outputs (reportDiagnostics shows it as typed).
	name := journeysName(journeyFiles(c), path)
	rememberName(c, name, f.Name)
	sources[name] = f.Src
	cat, diags := requirements.LoadCatalogue(name, f.Src, diagLang)
	if diags.HasErrors() {
		return nil, diags, nil
	}
	return cat, diags, nil
}

// derivation is what the commands built on the requirements share: the
// journeys, the catalogue and the requirements derived from them.
type derivation struct {
	l   *loaded
	cat *requirements.Catalogue
	// sourceHash is requirements.SourceHash of the journey files, made
	// before their texts were let go (see deriveReleasing).
	sourceHash string
	res        *requirements.Result
	docLang    blueprint.Lang // of the documents
	diagLang   blueprint.Lang // of the messages
}

// derive loads the journeys and the catalogue (--catalogue) and derives the
// requirements, and prints the diagnostics of all of them, with those the
// caller read before (extra, such as a GEMMA model's), as one sorted list
// with one count line. Errors in the input stop the command (exit 1)
// before anything is derived. opts gets its languages here.
func derive(c *cli.Context, lang blueprint.Lang, opts requirements.Options, extra blueprint.Diagnostics) (*derivation, error) {
	return deriveWith(c, lang, opts, extra, false)
}

// deriveReleasing is derive for a command that needs no journey's text
// after loading (matrix): it lets go of the texts of the files read from
// disk before deriving, which at national scale (140 MB of TOML) is a
// sixth of the memory, and rereads only the files a diagnostic of the
// derivation names, for its snippet. The files' Src is then nil; use the
// derivation's sourceHash instead of hashing them.
func deriveReleasing(c *cli.Context, lang blueprint.Lang, opts requirements.Options, extra blueprint.Diagnostics) (*derivation, error) {
	return deriveWith(c, lang, opts, extra, true)
}

func deriveWith(c *cli.Context, lang blueprint.Lang, opts requirements.Options, extra blueprint.Diagnostics, release bool) (*derivation, error) {
	if release {
		collectAtLargeLimit(c.Args().Slice())
	}
	// When releasing, each journey file's text is hashed (for the
	// outputs' source hash) and let go of as soon as it is decoded; a
	// snippet reads its file back (read, below).
	var hash *requirements.SourceHasher
	var decoded func(*blueprint.File)
	if release {
		hash = requirements.NewSourceHasher()
		decoded = func(f *blueprint.File) {
			hash.Add(f)
			if f.Path != "" {
				f.Src = nil
			}
		}
	}
	l, err := readHanding(c, lang, decoded)
	if err != nil {
		return nil, err
	}
	d := &derivation{l: l, docLang: l.lang.Or(blueprint.Dutch), diagLang: lang.Or(blueprint.Dutch)}
	sources := blueprint.SourceMap(l.files)
	var read func(string) []byte
	if release {
		d.sourceHash = hash.Sum()
		// The texts were let go of while loading; a snippet reads its
		// file back (by its name, or by the path typed, which the
		// messages show).
		byName := map[string]*blueprint.File{}
		for i := range l.files {
			if f := &l.files[i]; f.Src == nil {
				byName[f.Name], byName[f.Path] = f, f
			}
		}
		read = func(name string) []byte {
			f := byName[name]
			if f == nil {
				return nil
			}
			blueprint.Reread(f)
			return f.Src
		}
	}
	diags := append(append(blueprint.Diagnostics{}, l.diags...), extra...)
	if !l.diags.HasErrors() {
		cat, cdiags, err := catalogueOf(c, d.diagLang, sources)
		if err != nil {
			return nil, err
		}
		diags = append(diags, cdiags...)
		d.cat = cat
	}
	if diags.HasErrors() {
		return nil, reportDiagnosticsReading(c, diags, sources, read, d.diagLang, diagText)
	}
	opts.Lang, opts.MessageLang = d.docLang, d.diagLang
	res, ddiags := requirements.Derive(l.model, d.cat, opts)
	d.res = res
	if err := reportDiagnosticsReading(c, append(diags, ddiags...), sources, read, d.diagLang, diagText); err != nil {
		return nil, err
	}
	return d, nil
}

// limitMemory sets a soft memory limit for loading, deriving and writing:
// six times the size of the files under paths (every file there, so an
// estimate from above), at least 512 MiB, unless GOMEMLIMIT sets one. With
// the garbage collector's default alone the heap may grow to twice what is
// live before a collection (1.26 GB resident for the national case of
// 149 MB); the limit makes it collect sooner instead, at no measurable
// cost in CPU while what is live stays well under the limit
// (docs/performance.md, "National scale").
//
// It reports whether the limit set is the one proportional to the files
// (above the floor of 512 MiB).
func limitMemory(paths []string) (proportional bool) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return false
	}
	var size int64
	for _, p := range paths {
		filepath.WalkDir(p, func(_ string, e fs.DirEntry, err error) error {
			if err == nil && e.Type().IsRegular() {
				if info, err := e.Info(); err == nil {
					size += info.Size()
				}
			}
			return nil
		})
	}
	debug.SetMemoryLimit(max(512<<20, 6*size))
	return 6*size > 512<<20
}

// collectAtLargeLimit is limitMemory for deriving: when the journeys are
// so many that the limit is proportional to them (about 90 MB of TOML, 4,500
// journeys of 20 steps, and more), the garbage collector runs only at the
// limit (GOGC off), which it reaches anyway by then; before that it would
// collect each time the heap doubled, marking the growing model each time.
// At national scale that is 3.3 → 3.0 s of the collector's CPU and about
// 0.4 s of the run, at the same resident memory (docs/performance.md). A
// smaller collection keeps the default, so that it does not grow to
// 512 MiB. A GOGC in the environment wins.
func collectAtLargeLimit(paths []string) {
	if limitMemory(paths) && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(-1)
	}
}

// collectAtLimit is limitMemory for a run that draws: the garbage
// collector then runs only when the heap reaches the limit (GOGC off), not
// each time it doubles. A diagram allocates most of its memory once
// (Graphviz's module, the layout, the SVG), so a run of one or a few
// journeys collects never or seldom: 190 → 152 ms for the 60-step journey
// (docs/performance.md). A GOGC in the environment wins.
func collectAtLimit(paths []string) {
	limitMemory(paths)
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(-1)
	}
}
