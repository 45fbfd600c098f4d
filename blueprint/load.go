package blueprint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
)

// ProjectFile is the name of the optional project file in a folder of
// journeys.
const ProjectFile = "blueprint.toml"

// Options configure loading. The zero value means defaults.
type Options struct {
	// Lang is the language of the diagnostics; zero means Dutch.
	Lang Lang
	// Decoded, when set, is called for each file once it has been
	// decoded, in the order of the files given, one call at a time. The
	// loader no longer needs the file's text by then: a caller that
	// keeps the texts only to digest them can do so here and let go of
	// them (set Src to nil), so that a large collection is not held in
	// memory as text and as model at once while it loads (150 MB of the
	// 840 MB of blueprint matrix at national scale, docs/performance.md).
	// A diagnostic's snippet then reads its file back (Reread).
	Decoded func(f *File)
}

// File is a source file in memory: its name (used in positions and
// outputs), where it was read from, and its text.
type File struct {
	// Name is the name in positions and outputs: for files read from
	// disk, the slash-separated path relative to the journeys folder.
	Name string
	// Path is the path as the user gave it, slash-separated, for messages;
	// empty when the file was not read from disk (then Name is used).
	Path string
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
	handed := newHandOver(files, opts.Decoded)
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
		} else {
			projectSeen = f
			p := &Project{}
			if !tooLarge(sink, f) && decodeFile(sink, f.Name, f.Src, p) {
				p.File = f.Name
				m.Project = p
			}
		}
		handed.done(i)
	}
	m.Vocabulary = extendVocabulary(BuiltinVocabulary(), m.Project)
	m.Personas = append(m.Personas, m.Project.Personas...)
	var journeyFiles []*File
	var index []int // of each journey file in files
	for i := range files {
		if !IsProjectFile(files[i].Name) {
			journeyFiles = append(journeyFiles, &files[i])
			index = append(index, i)
			m.Files = append(m.Files, files[i].Name)
		}
	}
	for _, r := range decodeJourneys(journeyFiles, sink.Lang, func(k int) { handed.done(index[k]) }) {
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
	summary := sink.t(msg{"bestand is te groot (%d bytes; maximaal %d)", "file is too large (%d bytes; at most %d)"}, size, MaxFileSize)
	if size == MaxFileSize+1 { // read up to the limit, from a pipe or standard input
		summary = sink.t(msg{"bestand is te groot (meer dan %d bytes, het maximum)", "file is too large (more than %d bytes, the maximum)"}, MaxFileSize)
	}
	sink.Add(Error, Pos{File: f.Name, Line: 1, Col: 1}, "too-large", summary,
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
func decodeJourneys(files []*File, lang Lang, done func(int)) []decoded {
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
				done(i)
			}
		}()
	}
	wg.Wait()
	return out
}

// handOver calls Options.Decoded for the files in their order as they
// are decoded: the decoders finish them out of order, so a file waits
// until those before it are done.
type handOver struct {
	mu    sync.Mutex
	files []File
	fn    func(*File)
	ready []bool
	next  int // the first file not handed over
}

func newHandOver(files []File, fn func(*File)) *handOver {
	if fn == nil {
		return nil
	}
	return &handOver{files: files, fn: fn, ready: make([]bool, len(files))}
}

// done marks files[i] decoded and hands over every file now ready in
// order. LoadFiles marks the project files in its first loop (a second
// one too, which is reported, not decoded) and the journey files as the
// decoders finish them, so all are handed over by the time it returns.
func (h *handOver) done(i int) {
	if h == nil {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.ready[i] = true
	for h.next < len(h.files) && h.ready[h.next] {
		h.fn(&h.files[h.next])
		h.next++
	}
}

func decodeJourney(f *File, lang Lang) decoded {
	sink := NewCollector(lang)
	if tooLarge(sink, f) {
		return decoded{diags: sink.Diags}
	}
	if empty, comments := blank(f.Src); empty {
		summary := msg{"het bestand is leeg", "the file is empty"}
		if comments {
			summary = msg{"het bestand bevat alleen commentaar (regels die met # beginnen)", "the file holds only comments (lines that start with #)"}
		}
		sink.Add(Error, Pos{File: f.Name, Line: 1, Col: 1}, "empty", sink.t(summary),
			sink.t(msg{"schrijf hier een klantreis; een voorbeeld om mee te beginnen maakt u met: blueprint init nieuwe-reis.toml",
				"write a journey here; an example to start from is made by: blueprint init new-journey.toml"}))
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

// blank reports whether src holds nothing but white space and comments,
// and whether it holds comments.
func blank(src []byte) (empty, comments bool) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		line = bytes.TrimLeft(line, " \t\r")
		switch {
		case len(line) == 0:
		case line[0] == '#':
			comments = true
		default:
			return false, comments
		}
	}
	return true, comments
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
// permission, a link that leads nowhere); problems in their content are
// diagnostics. File names in the model and its positions are relative to
// the journeys folder (see ReadPaths).
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
//
// Each File's Name, which positions and every output carry, is its path
// relative to the journeys folder: the folder given, the folder of the
// file given, or the deepest folder that holds all of them. So the same
// journeys give the same names, and the same output bytes, however the
// path is spelt (examples, ./examples/, /home/…/examples) and wherever the
// folder is. Path is the path as given, for messages a user clicks on.
//
// A link to a file (a symbolic link) is followed; a link that leads
// nowhere, or round in a circle, is an error, as is anything that is not a
// file (a device). A file reached twice, by two spellings or through a
// link, is read once. A file larger than MaxFileSize is not read; the
// loader reports it.
func ReadPaths(paths []string) ([]File, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("no files or folders given")
	}
	type entry struct {
		path string // as given (cleaned), or joined with the folder given
		abs  string
		info os.FileInfo // of the file itself, links followed
		link bool
	}
	var entries []*entry
	seen := map[string]bool{}
	var bases []string
	add := func(p string, info os.FileInfo, link bool) error {
		abs, err := filepath.Abs(p)
		if err != nil {
			return pathError(p, err)
		}
		if seen[abs] {
			return nil
		}
		seen[abs] = true
		entries = append(entries, &entry{path: filepath.Clean(p), abs: abs, info: info, link: link})
		return nil
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, linkError(p, err)
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, pathError(p, err)
		}
		if st.IsDir() {
			bases = append(bases, abs)
			des, err := os.ReadDir(p)
			if err != nil {
				return nil, pathError(p, err)
			}
			found := 0
			for _, e := range des {
				if !strings.HasSuffix(e.Name(), ".toml") || e.IsDir() {
					continue
				}
				full := filepath.Join(p, e.Name())
				info, err := os.Stat(full) // follows a link
				if err != nil {
					return nil, linkError(full, err)
				}
				if info.IsDir() {
					continue // a folder, or a link to one: subfolders are not read
				}
				if !info.Mode().IsRegular() {
					return nil, fmt.Errorf("%s: is not a file (a pipe or a device); name it on its own if it should be read", filepath.ToSlash(full))
				}
				if err := add(full, info, e.Type()&fs.ModeSymlink != 0); err != nil {
					return nil, err
				}
				found++
			}
			if found == 0 {
				return nil, fmt.Errorf("%s: no .toml files in this folder", filepath.ToSlash(p))
			}
			continue
		}
		bases = append(bases, filepath.Dir(abs))
		if !IsProjectFile(p) {
			proj := filepath.Join(filepath.Dir(p), ProjectFile)
			if info, err := os.Stat(proj); err == nil && !info.IsDir() {
				if err := add(proj, info, false); err != nil {
					return nil, err
				}
			}
		}
		lst, err := os.Lstat(p)
		if err := add(p, st, err == nil && lst.Mode()&fs.ModeSymlink != 0); err != nil {
			return nil, err
		}
	}
	// A file reached through a link that is also in the list is read once.
	for i, e := range entries {
		if e == nil || !e.link {
			continue
		}
		for j, o := range entries {
			if j != i && o != nil && os.SameFile(e.info, o.info) {
				if j > i {
					entries[j] = nil
				} else {
					entries[i] = nil
				}
				break
			}
		}
	}
	base := commonDir(bases)
	files := make([]File, 0, len(entries))
	for _, e := range entries {
		if e == nil {
			continue
		}
		name, err := filepath.Rel(base, e.abs)
		if err != nil {
			name = e.abs
		}
		f := File{Name: filepath.ToSlash(name), Path: filepath.ToSlash(e.path)}
		if err := readFile(&f, e.path, e.info); err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	// The project file is decoded first, whatever the order given.
	sort.SliceStable(files, func(i, j int) bool { return IsProjectFile(files[i].Name) && !IsProjectFile(files[j].Name) })
	return files, nil
}

// readFile reads the file at p into f, or only its size when it is too
// large. What is not a regular file (a pipe, a device such as /dev/zero)
// is read up to the limit.
func readFile(f *File, p string, info os.FileInfo) error {
	if info.Mode().IsRegular() && info.Size() > MaxFileSize {
		f.Size = info.Size() // not read; the loader reports it
		return nil
	}
	fh, err := os.Open(p)
	if err != nil {
		return pathError(p, err)
	}
	defer fh.Close()
	var src []byte
	if info.Mode().IsRegular() {
		src, err = readSized(fh, info.Size())
	} else {
		src, err = ReadLimited(fh)
	}
	if err != nil {
		return pathError(p, err)
	}
	if len(src) > MaxFileSize {
		f.Size = int64(len(src)) // at least this much
		return nil
	}
	f.Src = src
	return nil
}

// readSized reads a regular file of the size given into a buffer of that
// size (io.ReadAll grows its buffer to up to twice that, and the loaded
// sources are kept for the diagnostics' snippets), up to one byte more
// than MaxFileSize, as ReadLimited does, should it have grown meanwhile.
func readSized(r io.Reader, size int64) ([]byte, error) {
	buf := make([]byte, 0, min(size, MaxFileSize)+1)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF || len(buf) > MaxFileSize {
			return buf[:min(len(buf), MaxFileSize+1)], nil
		}
		if err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // the file grew after Stat
		}
	}
}

// Reread reads the text of a file read from disk (one with a Path) again,
// for a caller that let go of Src to save memory and needs it after all,
// such as for the snippet of a diagnostic. A file that is not on disk, or
// no longer a file of the size allowed, keeps no text.
func Reread(f *File) {
	if f.Path == "" || f.Src != nil {
		return
	}
	info, err := os.Stat(f.Path)
	if err != nil || !info.Mode().IsRegular() {
		return
	}
	g := File{Name: f.Name, Path: f.Path}
	if readFile(&g, f.Path, info) == nil && g.Size == 0 {
		f.Src = g.Src
	}
}

// ReadLimited reads r up to one byte more than MaxFileSize, so that a
// caller can tell a file that is too large without reading all of it (a
// pipe, standard input).
func ReadLimited(r io.Reader) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, MaxFileSize+1))
}

// commonDir returns the deepest folder that holds every one of dirs
// (absolute, cleaned paths).
func commonDir(dirs []string) string {
	if len(dirs) == 0 {
		return "."
	}
	base := dirs[0]
	for _, d := range dirs[1:] {
		for !within(d, base) {
			parent := filepath.Dir(base)
			if parent == base {
				break
			}
			base = parent
		}
	}
	return base
}

// within reports whether path p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// linkError explains why a path cannot be opened, in words for a link
// that leads nowhere or round in a circle.
func linkError(p string, err error) error {
	name := filepath.ToSlash(p)
	if lst, lerr := os.Lstat(p); lerr == nil && lst.Mode()&fs.ModeSymlink != 0 {
		target, _ := os.Readlink(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("%s: is a link to %s, which does not exist", name, filepath.ToSlash(target))
		case errors.Is(err, syscall.ELOOP):
			return fmt.Errorf("%s: is a link that leads round in a circle (to %s)", name, filepath.ToSlash(target))
		}
	}
	if errors.Is(err, syscall.ELOOP) {
		return fmt.Errorf("%s: a link on the way leads round in a circle", name)
	}
	return pathError(p, err)
}

func pathError(p string, err error) error {
	var pe *fs.PathError
	if e, ok := err.(*fs.PathError); ok {
		pe = e
		return fmt.Errorf("%s: %v", filepath.ToSlash(p), pe.Err)
	}
	return err
}
