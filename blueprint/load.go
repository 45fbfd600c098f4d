package blueprint

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// ProjectFile is the name of the optional project file in a folder of
// journeys.
const ProjectFile = "blueprint.toml"

// Options configure loading. The zero value means defaults.
type Options struct {
	// Lang is the language of the diagnostics; zero means Dutch.
	Lang Lang
}

// File is a source file in memory: its name (used in positions) and text.
type File struct {
	Name string
	Src  []byte
	// Size is set instead of Src when a file on disk was too large to
	// read (see MaxFileSize); the loader reports it.
	Size int64
}

// IsProjectFile reports whether name is a project file (blueprint.toml).
func IsProjectFile(name string) bool { return path.Base(filepath.ToSlash(name)) == ProjectFile }

// Load decodes and validates one file from memory: a journey, or a
// project file. It is LoadFiles for a single file.
func Load(name string, src []byte, opts Options) (*Model, Diagnostics) {
	return LoadFiles([]File{{Name: name, Src: src}}, opts)
}

// LoadFiles decodes and validates journey files and at most one project
// file (recognised by its name, blueprint.toml) from memory. It never
// fails early: the returned diagnostics hold every problem found, sorted
// by position, and the model holds everything that could be decoded. Use
// the model only when the diagnostics have no errors.
func LoadFiles(files []File, opts Options) (*Model, Diagnostics) {
	sink := NewCollector(opts.Lang.Or(Dutch))
	m := &Model{Project: &Project{}}
	var projectSeen *File
	for i := range files {
		f := &files[i]
		if !IsProjectFile(f.Name) {
			continue
		}
		m.Files = append(m.Files, f.Name)
		if projectSeen != nil {
			sink.Add(Error, Pos{File: f.Name, Line: 1, Col: 1}, "project-twice",
				sink.t(msg{"tweede projectbestand; er is er al een: %s", "second project file; there is one already: %s"}, projectSeen.Name),
				sink.t(msg{"laad één map tegelijk, of voeg de projectbestanden samen", "load one folder at a time, or merge the project files"}))
			continue
		}
		projectSeen = f
		p := &Project{}
		if tooLarge(sink, f) {
			continue
		}
		if decodeFile(sink, f.Name, f.Src, p) {
			p.File = f.Name
			m.Project = p
		}
	}
	m.Vocabulary = extendVocabulary(BuiltinVocabulary(), m.Project)
	m.Personas = append(m.Personas, m.Project.Personas...)
	var journeyFiles []*File
	for i := range files {
		if !IsProjectFile(files[i].Name) {
			journeyFiles = append(journeyFiles, &files[i])
			m.Files = append(m.Files, files[i].Name)
		}
	}
	for _, r := range decodeJourneys(journeyFiles, sink.Lang) {
		sink.Diags = append(sink.Diags, r.diags...)
		if r.journey == nil {
			continue
		}
		if r.journey.PersonaRef.Inline != nil {
			m.Personas = append(m.Personas, r.journey.PersonaRef.Inline)
		}
		m.Journeys = append(m.Journeys, r.journey)
	}
	validate(m, sink)
	sink.Diags.Sort()
	return m, sink.Diags
}

func tooLarge(sink *Collector, f *File) bool {
	size := max(f.Size, int64(len(f.Src)))
	if size <= MaxFileSize {
		return false
	}
	sink.Add(Error, Pos{File: f.Name, Line: 1, Col: 1}, "too-large",
		sink.t(msg{"bestand is te groot (%d bytes; maximaal %d)", "file is too large (%d bytes; at most %d)"}, size, MaxFileSize),
		sink.t(msg{"splits het in kleinere bestanden", "split it into smaller files"}))
	return true
}

type decoded struct {
	journey *Journey // nil when the file could not be read as a journey
	diags   Diagnostics
}

// decodeJourneys decodes journey files, in parallel on every core: files
// are independent until validation, which runs afterwards over all of
// them. Results keep the order of files, so output stays deterministic.
func decodeJourneys(files []*File, lang Lang) []decoded {
	out := make([]decoded, len(files))
	workers := min(runtime.GOMAXPROCS(0), len(files)/4+1)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				out[i] = decodeJourney(files[i], lang)
			}
		}()
	}
	wg.Wait()
	return out
}

func decodeJourney(f *File, lang Lang) decoded {
	sink := NewCollector(lang)
	if tooLarge(sink, f) {
		return decoded{diags: sink.Diags}
	}
	if len(strings.TrimSpace(strings.TrimPrefix(string(f.Src), "\uFEFF"))) == 0 {
		sink.Add(Error, Pos{File: f.Name, Line: 1, Col: 1}, "empty",
			sink.t(msg{"het bestand is leeg", "the file is empty"}),
			sink.t(msg{"begin met: blueprint init %s", "start with: blueprint init %s"}, f.Name))
		return decoded{diags: sink.Diags}
	}
	j := &Journey{}
	if !decodeFile(sink, f.Name, f.Src, j) {
		return decoded{diags: sink.Diags}
	}
	j.File = f.Name
	j.decodeErrors = len(sink.Diags) > 0
	return decoded{journey: j, diags: sink.Diags}
}

// extendVocabulary adds the project's own entries to the built-in
// catalogue. Duplicates are reported by the validator and not added.
func extendVocabulary(c *Vocabulary, p *Project) *Vocabulary {
	c.Channels = extend(c.Channels, p.Channels)
	c.Actors = extend(c.Actors, p.Actors)
	c.Systems = extend(c.Systems, p.Systems)
	c.Domains = extend(c.Domains, p.Domains)
	c.QuestionTypes = extend(c.QuestionTypes, p.QuestionTypes)
	return c
}

func extend[T hasTerm](dst, add []T) []T {
	for _, x := range add {
		if !has(dst, x.term().ID) {
			dst = append(dst, x)
		}
	}
	return dst
}

// LoadPaths reads journey files and folders from disk and loads them with
// LoadFiles. A folder contributes its *.toml files (not its subfolders); a
// single journey file brings the blueprint.toml next to it, when there is
// one. The error is for problems reading the files (a missing path, a
// permission); problems in their content are diagnostics.
func LoadPaths(paths []string, opts Options) (*Model, Diagnostics, error) {
	files, err := ReadPaths(paths)
	if err != nil {
		return nil, nil, err
	}
	m, diags := LoadFiles(files, opts)
	return m, diags, nil
}

// LoadDir loads the journeys of one folder.
func LoadDir(dir string, opts Options) (*Model, Diagnostics, error) {
	return LoadPaths([]string{dir}, opts)
}

// ReadPaths collects the files LoadPaths would load, in load order: the
// project file first, then journeys sorted by name within each folder.
func ReadPaths(paths []string) ([]File, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("no files or folders given")
	}
	var names []string
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, pathError(p, err)
		}
		if st.IsDir() {
			entries, err := os.ReadDir(p)
			if err != nil {
				return nil, pathError(p, err)
			}
			var found []string
			for _, e := range entries {
				if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".toml") {
					found = append(found, filepath.Join(p, e.Name()))
				}
			}
			sort.Strings(found)
			if len(found) == 0 {
				return nil, fmt.Errorf("%s: no .toml files in this folder", filepath.ToSlash(p))
			}
			for _, f := range found {
				add(f)
			}
			continue
		}
		if proj := filepath.Join(filepath.Dir(p), ProjectFile); !IsProjectFile(p) {
			if st, err := os.Stat(proj); err == nil && st.Mode().IsRegular() {
				add(proj)
			}
		}
		add(p)
	}
	// The project file is decoded first, whatever the order given.
	sort.SliceStable(names, func(i, j int) bool { return IsProjectFile(names[i]) && !IsProjectFile(names[j]) })
	files := make([]File, 0, len(names))
	for _, name := range names {
		st, err := os.Stat(name)
		if err != nil {
			return nil, pathError(name, err)
		}
		slash := filepath.ToSlash(filepath.Clean(name))
		if st.Size() > MaxFileSize {
			// Do not read it; the loader reports it with a position.
			files = append(files, File{Name: slash, Size: st.Size()})
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, pathError(name, err)
		}
		files = append(files, File{Name: slash, Src: src})
	}
	return files, nil
}

func pathError(p string, err error) error {
	var pe *fs.PathError
	if e, ok := err.(*fs.PathError); ok {
		pe = e
		return fmt.Errorf("%s: %v", filepath.ToSlash(p), pe.Err)
	}
	return err
}
