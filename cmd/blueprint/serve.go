package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/render"
	"github.com/dimpact/blueprint/render/site"
	"github.com/dimpact/blueprint/requirements/plan"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "live preview: serve the site on this computer and redraw a journey in the browser when its file is saved",
		ArgsUsage: "PATH...",
		Description: "Serves the journey site (as blueprint site writes it) on http://127.0.0.1:PORT/ and\n" +
			"watches the journey files and blueprint.toml. When one is saved, it is checked and\n" +
			"drawn again, and the open page reloads, keeping its scroll position and zoom. A file\n" +
			"with errors shows them on the page, with file:line:col and the line, over the last\n" +
			"version without errors; fixing the file clears them. New files in a watched folder\n" +
			"are picked up. Ctrl-C stops. Only this computer can reach it, unless --listen\n" +
			"names another address.\n\n" +
			"Examples:\n" +
			"   blueprint serve examples/\n" +
			"   blueprint serve --port 9000 reis.toml",
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "port", Aliases: []string{"p"}, Value: 8080, Usage: "port to serve on (0: any free port)"},
			&cli.StringFlag{Name: "listen", Value: "127.0.0.1", Usage: "address to serve on; another than 127.0.0.1 makes the preview reachable from the network"},
			langFlag(),
			maxDiagnosticsFlag(),
			&cli.StringFlag{Name: "title", Usage: "name of the site in its header (default: the project's organisatie)"},
			&cli.StringFlag{Name: "catalogue", Usage: "requirements catalogue (TOML) to use instead of, or on top of, the built-in one"},
		},
		Action: runServe,
	}
}

func runServe(c *cli.Context) error {
	lang, err := langOf(c)
	if err != nil {
		return err
	}
	paths := c.Args().Slice()
	if len(paths) == 0 {
		return usageError("serve: name one or more journey files or folders (see blueprint serve --help)")
	}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return usageError("serve: %s: %v", filepath.ToSlash(p), errors.Unwrap(err))
		}
	}
	// The options are read once, with the project's language as it is now.
	l, err := read(c, lang)
	if err != nil {
		return err
	}
	o, err := siteOptionsOf(c, l, lang)
	if err != nil {
		return err
	}
	port := c.Int("port")
	if port < 0 || port > 65535 {
		return usageError("serve: --port %d: use a number from 1 to 65535, or 0 for any free port", port)
	}
	addr := net.JoinHostPort(c.String("listen"), strconv.Itoa(port))
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return usageError("serve: %v (%s)", err, blueprint.T(o.diagLang, "kies een andere poort met --port", "choose another port with --port"))
	}
	s := newLiveServer(paths, o, c.App.Writer, c.App.ErrWriter)
	t := func(nl, en string) string { return blueprint.T(o.diagLang, nl, en) }
	s.onReady = func() {
		fmt.Fprintf(c.App.Writer, t("live voorbeeld: http://%s/ (Ctrl-C stopt)\n", "live preview: http://%s/ (Ctrl-C stops)\n"), displayAddr(ln.Addr()))
	}
	if err := s.serve(ctx, ln); err != nil {
		return usageError("serve: %v", err)
	}
	fmt.Fprintln(c.App.Writer, t("gestopt", "stopped"))
	return nil
}

// displayAddr is the address to type in a browser: 127.0.0.1 rather than
// 0.0.0.0.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// liveDebounce is how long the watcher waits after the last change before
// it rebuilds: an editor's save (write a temporary file, rename it over
// the old one) comes as several events within a few milliseconds.
const liveDebounce = 40 * time.Millisecond

// liveServer is blueprint serve: it builds the site in memory, rebuilds it
// when a watched file changes, and serves it.
type liveServer struct {
	paths          []string
	opts           siteOptions
	stdout, stderr io.Writer
	debounce       time.Duration
	onReady        func()        // after the first build
	onBuild        func(v int64) // after every build that changed the site (tests)

	mu        sync.RWMutex
	files     map[string][]byte // the current site
	layouts   map[string]*diagram
	workbooks map[string]*lazyFile // download name → the workbook, made when asked for
	version   int64

	subsMu sync.Mutex
	subs   map[chan int64]struct{}

	cache  *diagramCache
	drawer *drawer // the one Graphviz of the process

	// What the builds remember, only touched by the build loop.
	seen     []blueprint.File       // the sources of the last build
	lastGood map[string][]byte      // file → its last text without errors
	goodSet  []blueprint.File       // the last set of files that loaded without errors
	watched  map[string]bool        // folders being watched
	dirArgs  map[string]bool        // folders named on the command line
	fileArgs map[string]bool        // files named on the command line, and their blueprint.toml
	hosts    func(host string) bool // whether a Host header may be answered
	log      func(format string, a ...any)
}

func newLiveServer(paths []string, o siteOptions, stdout, stderr io.Writer) *liveServer {
	s := &liveServer{
		paths: paths, opts: o, stdout: stdout, stderr: stderr, debounce: liveDebounce,
		files: map[string][]byte{}, subs: map[chan int64]struct{}{}, cache: newDiagramCache(), drawer: &drawer{},
		lastGood: map[string][]byte{}, watched: map[string]bool{}, dirArgs: map[string]bool{}, fileArgs: map[string]bool{},
	}
	s.log = func(format string, a ...any) { fmt.Fprintf(stdout, format, a...) }
	for _, p := range paths {
		clean := filepath.Clean(p)
		if st, err := os.Stat(clean); err == nil && st.IsDir() {
			s.dirArgs[clean] = true
			continue
		}
		s.fileArgs[clean] = true
		s.fileArgs[filepath.Join(filepath.Dir(clean), blueprint.ProjectFile)] = true
	}
	return s
}

// serve builds the site, watches the files and serves until ctx ends.
func (s *liveServer) serve(ctx context.Context, ln net.Listener) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	s.hosts = allowedHosts(ln.Addr())
	s.watch(w)
	s.rebuild(ctx)

	base, cancelBase := context.WithCancel(context.Background())
	defer cancelBase()
	mux := http.NewServeMux()
	mux.HandleFunc("/_live/events", s.events)
	mux.Handle("/", s)
	srv := &http.Server{
		Handler:           s.guard(mux),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return base },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if s.onReady != nil {
		s.onReady()
	}

	var timer *time.Timer
	var fire <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			cancelBase() // ends the event streams, which never go idle
			shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			err := srv.Shutdown(shut)
			cancel()
			s.drawer.close()
			return err
		case err := <-served:
			return err
		case ev, ok := <-w.Events:
			if !ok {
				return errors.New("the file watcher stopped")
			}
			if !s.relevant(ev) {
				continue
			}
			if timer == nil {
				timer = time.NewTimer(s.debounce)
			} else {
				timer.Reset(s.debounce)
			}
			fire = timer.C
		case err, ok := <-w.Errors:
			if ok {
				fmt.Fprintf(s.stderr, "serve: %v\n", err)
			}
		case <-fire:
			fire = nil
			s.watch(w) // a folder may have been made again
			s.rebuild(ctx)
		}
	}
}

// watch watches the folders of the paths: a folder named on the command
// line, or the folder of a named file. Watching folders rather than files
// survives an editor that saves by writing a new file and renaming it
// over the old one, and a file deleted and made again.
func (s *liveServer) watch(w *fsnotify.Watcher) {
	var dirs []string
	for d := range s.dirArgs {
		dirs = append(dirs, d)
	}
	for f := range s.fileArgs {
		dirs = append(dirs, filepath.Dir(f))
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		if s.watched[d] {
			continue
		}
		if err := w.Add(d); err == nil {
			s.watched[d] = true
		}
	}
	// A folder that was removed is watched again when it comes back.
	for d := range s.watched {
		if _, err := os.Stat(d); err != nil {
			delete(s.watched, d)
		}
	}
}

// relevant reports whether an event is about a file the site is made of.
func (s *liveServer) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	name := filepath.Clean(ev.Name)
	if s.fileArgs[name] {
		return true
	}
	return s.dirArgs[filepath.Dir(name)] && strings.HasSuffix(name, ".toml")
}

// readSources reads the paths as blueprint.ReadPaths does, but a path that
// cannot be read (a file deleted in an editor's save, a folder without
// journeys yet) is a diagnostic instead of the end. The paths that can be
// read are read together, so that files are named relative to the folder
// that holds them all, as in every other command.
func (s *liveServer) readSources() ([]blueprint.File, blueprint.Diagnostics) {
	if files, err := blueprint.ReadPaths(s.paths); err == nil {
		return files, nil
	}
	var diags blueprint.Diagnostics
	var readable []string
	for _, p := range s.paths {
		if _, err := blueprint.ReadPaths([]string{p}); err != nil {
			diags = append(diags, blueprint.Diagnostic{Severity: blueprint.Error, Pos: blueprint.Pos{File: filepath.ToSlash(filepath.Clean(p))},
				Code: "read", Summary: err.Error(), Lang: s.opts.diagLang,
				Detail: blueprint.T(s.opts.diagLang, "bewaar het bestand opnieuw, of start blueprint serve met de juiste map", "save the file again, or start blueprint serve with the right folder")})
			continue
		}
		readable = append(readable, p)
	}
	if len(readable) == 0 {
		return nil, diags
	}
	files, err := blueprint.ReadPaths(readable)
	if err != nil { // changed between the two reads; the next event reads again
		return nil, diags
	}
	return files, diags
}

func sameFiles(a, b []blueprint.File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || a[i].Size != b[i].Size || !bytes.Equal(a[i].Src, b[i].Src) {
			return false
		}
	}
	return true
}

// rebuild reads the files and, when they changed, loads them, draws the
// journeys that changed and swaps in the new site. A file with errors is
// replaced by its last text without errors, so that the site shows the
// last good version with the diagnostics over it; it never goes blank.
func (s *liveServer) rebuild(ctx context.Context) {
	start := time.Now()
	files, readDiags := s.readSources()
	if s.version > 0 && sameFiles(files, s.seen) && len(readDiags) == 0 {
		return // an event without a change: a touch, or a save of the same text
	}
	s.seen = files
	lopts := blueprint.Options{Lang: s.opts.diagLang}
	model, diags := blueprint.LoadFiles(files, lopts)
	diags = append(readDiags, diags...)
	broken := map[string]bool{}
	for _, d := range diags {
		if d.Severity == blueprint.Error {
			broken[d.Pos.File] = true
		}
	}
	good := files
	if diags.HasErrors() {
		// Each broken file as it last was without errors.
		good = nil
		for _, f := range files {
			if !broken[f.Name] {
				good = append(good, f)
			} else if src, ok := s.lastGood[f.Name]; ok {
				good = append(good, blueprint.File{Name: f.Name, Src: src})
			}
		}
		for name, src := range s.lastGood {
			if broken[name] && !containsFile(good, name) {
				good = append(good, blueprint.File{Name: name, Src: src}) // deleted, or unreadable now
			}
		}
		sort.SliceStable(good, func(i, j int) bool {
			return blueprint.IsProjectFile(good[i].Name) && !blueprint.IsProjectFile(good[j].Name)
		})
		var gdiags blueprint.Diagnostics
		model, gdiags = blueprint.LoadFiles(good, lopts)
		if gdiags.HasErrors() {
			// Together they still do not fit (a journey id used twice):
			// the last set that did.
			good = s.goodSet
			model, _ = blueprint.LoadFiles(good, lopts)
		}
	}
	for _, f := range files {
		if !broken[f.Name] {
			s.lastGood[f.Name] = f.Src
		}
	}
	s.goodSet = good

	v := s.version + 1
	st, res, rdiags, err := siteData(model, good, s.opts, false)
	if err != nil {
		fmt.Fprintf(s.stderr, "serve: %v\n", err)
		return
	}
	for _, d := range rdiags {
		// A file with errors was read as it last was; what the
		// requirements say about that text would point at lines that
		// are no longer there.
		if !broken[d.Pos.File] {
			diags = append(diags, d)
		}
	}
	diags.Sort()
	st.Live, st.Version, st.Diagnostics = true, strconv.FormatInt(v, 10), diags
	st.Sources = blueprint.SourceMap(files)
	for _, jj := range st.Journeys {
		jj.PNG = true // drawn when it is asked for
		jj.Stale = broken[jj.Journey.File]
	}
	b, err := site.New(st)
	if err != nil {
		fmt.Fprintf(s.stderr, "serve: %v\n", err)
		return
	}
	fs := &lockedFS{m: map[string][]byte{}}
	layouts := map[string]*diagram{}
	var lmu sync.Mutex
	before := s.cache.drawn()
	err = drawSite(ctx, drawJob{b: b, site: st, fs: fs, opts: s.opts.render, workers: runtime.GOMAXPROCS(0), cache: s.cache, drawer: s.drawer,
		layout: func(id string, d *diagram) {
			lmu.Lock()
			layouts[id] = d
			lmu.Unlock()
		}})
	if err != nil {
		fmt.Fprintf(s.stderr, "serve: %v\n", err)
		return
	}
	drawn := s.cache.drawn() - before
	if err := b.WriteCommon(fs); err != nil {
		fmt.Fprintf(s.stderr, "serve: %v\n", err)
		return
	}
	s.mu.Lock()
	s.files, s.layouts, s.version = fs.m, layouts, v
	lang := s.opts.lang
	s.workbooks = map[string]*lazyFile{
		site.DownloadPath(workbookName): {make: func() ([]byte, error) { return writeWorkbook(res, model, good) }},
		site.DownloadPath(planDownloadName): {make: func() ([]byte, error) {
			return writePlanWorkbook(plan.Derive(model, plan.Options{Lang: lang}), model, good)
		}},
	}
	s.mu.Unlock()
	s.cache.sweep()

	t := func(nl, en string) string { return blueprint.T(s.opts.diagLang, nl, en) }
	if len(diags) > 0 {
		// On the terminal the paths as typed, so that they can be
		// clicked; the pages name files relative to the journeys folder,
		// as every output does.
		ds, sources := renameFiles(diags, st.Sources, typedNamesOf(files))
		w := &blueprint.DiagnosticWriter{W: s.stderr, Sources: sources, Lang: s.opts.diagLang, Color: wantColor(s.stderr)}
		_ = w.WriteDiagnostics(ds)
	}
	s.log(t("bijgewerkt (versie %d): %d klantreizen, %d opnieuw getekend, %d ms\n", "updated (version %d): %d journeys, %d drawn again, %d ms\n"),
		v, len(st.Journeys), drawn, time.Since(start).Milliseconds())
	// The terminal has the version's report before the pages hear of it,
	// so what a page shows has always been said on the terminal too.
	s.broadcast(v)
	if s.onBuild != nil {
		s.onBuild(v)
	}
}

func containsFile(files []blueprint.File, name string) bool {
	for _, f := range files {
		if f.Name == name {
			return true
		}
	}
	return false
}

// lazyFile is a workbook of the current version (the PvE, the
// verbeterplan), written when it is first asked for: it takes longer than
// the rest of a page's update.
type lazyFile struct {
	make func() ([]byte, error)
	once sync.Once
	data []byte
	err  error
}

func (f *lazyFile) get() ([]byte, error) {
	f.once.Do(func() { f.data, f.err = f.make() })
	return f.data, f.err
}

// lockedFS is the site in memory while several goroutines write it.
type lockedFS struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (f *lockedFS) WriteFile(name string, data []byte) error {
	f.mu.Lock()
	f.m[name] = data
	f.mu.Unlock()
	return nil
}

// --- serving ---

// allowedHosts returns the check of the Host header: on a loopback
// address only the names of this computer, so that a web page elsewhere
// cannot read the preview by pointing a name of its own at 127.0.0.1
// (DNS rebinding). On another address any host is answered.
func allowedHosts(a net.Addr) func(string) bool {
	host, _, _ := net.SplitHostPort(a.String())
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return func(string) bool { return true }
	}
	return func(h string) bool {
		if hh, _, err := net.SplitHostPort(h); err == nil {
			h = hh
		}
		h = strings.Trim(strings.ToLower(h), "[]")
		if h == "localhost" {
			return true
		}
		ip := net.ParseIP(h)
		return ip != nil && ip.IsLoopback()
	}
}

// guard answers only GET and HEAD, from an allowed host, and sets the
// headers every answer gets.
func (s *liveServer) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.hosts != nil && !s.hosts(r.Host) {
			http.Error(w, "blueprint serve: unknown host", http.StatusForbidden)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "blueprint serve: method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", site.CSP+"; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}

// sitePath turns a request path into the name of a file of the site, or
// "" when it names nothing the site could have: the site is a map of
// names, so nothing outside it is ever served, and a path with .. or a
// backslash is refused before it is looked up.
func sitePath(p string) string {
	if strings.ContainsAny(p, "\\\x00") || !strings.HasPrefix(p, "/") {
		return ""
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return ""
		}
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	switch {
	case name == "" || name == ".":
		return "index.html"
	case strings.HasSuffix(p, "/"):
		return name + "/index.html"
	}
	return name
}

// ServeHTTP serves a file of the current site; a journey's PNG is drawn
// when it is first asked for.
func (s *liveServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// The raw path, so that an encoded slash (..%2f) is seen for what it
	// asks.
	raw := r.URL.EscapedPath()
	unescaped, err := pathUnescape(raw)
	name := ""
	if err == nil {
		name = sitePath(unescaped)
	}
	s.mu.RLock()
	data, ok := s.files[name]
	var dg *diagram
	if !ok && strings.HasPrefix(name, site.JourneyDir+"/") && strings.HasSuffix(name, ".png") {
		dg = s.layouts[strings.TrimSuffix(strings.TrimPrefix(name, site.JourneyDir+"/"), ".png")]
	}
	wb := s.workbooks[name]
	notFound := s.files["404.html"]
	s.mu.RUnlock()
	switch {
	case !ok && dg != nil:
		data, err = s.png(r.Context(), dg)
		ok = true
	case !ok && wb != nil:
		data, err = wb.get()
		ok = true
	}
	if err != nil {
		http.Error(w, "blueprint serve: "+err.Error(), http.StatusInternalServerError)
		return
	}
	if !ok {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		if r.Method != http.MethodHead {
			w.Write(notFound)
		}
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// pathUnescape decodes %XX in a path, %2F included.
func pathUnescape(p string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] != '%' {
			b.WriteByte(p[i])
			continue
		}
		if i+2 >= len(p) {
			return "", errors.New("bad escape")
		}
		n, err := strconv.ParseUint(p[i+1:i+3], 16, 8)
		if err != nil {
			return "", err
		}
		b.WriteByte(byte(n))
		i += 2
	}
	return b.String(), nil
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".toml":
		return "text/plain; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func (s *liveServer) png(ctx context.Context, dg *diagram) ([]byte, error) {
	key := cacheKey{dg.dot, render.FormatPNG}
	if data, ok := s.cache.get(key); ok {
		return data, nil
	}
	data, err := s.drawer.draw(ctx, dg.layout, render.FormatPNG)
	if err != nil {
		return nil, err
	}
	s.cache.put(key, data)
	return data, nil
}

// events is the stream of server-sent events the pages listen to: the
// current version when a page connects, and each new one. A page whose
// version differs reloads.
func (s *liveServer) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "blueprint serve: streaming not supported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	ch := make(chan int64, 1)
	s.subsMu.Lock()
	s.subs[ch] = struct{}{}
	s.subsMu.Unlock()
	defer func() {
		s.subsMu.Lock()
		delete(s.subs, ch)
		s.subsMu.Unlock()
	}()
	s.mu.RLock()
	v := s.version
	s.mu.RUnlock()
	send := func(v int64) bool {
		_, err := fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v)
		fl.Flush()
		return err == nil
	}
	if !send(v) {
		return
	}
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case v := <-ch:
			if !send(v) {
				return
			}
		case <-ping.C:
			if _, err := io.WriteString(w, ": ping\n\n"); err != nil {
				return
			}
			fl.Flush()
		}
	}
}

// broadcast tells every open page the new version; a page that has not
// taken the previous one gets only the newest.
func (s *liveServer) broadcast(v int64) {
	s.subsMu.Lock()
	defer s.subsMu.Unlock()
	for ch := range s.subs {
		select {
		case <-ch:
		default:
		}
		ch <- v
	}
}
