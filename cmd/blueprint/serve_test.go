package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/render"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/xlsx"
)

// live is a running blueprint serve for a test.
type live struct {
	t      testing.TB
	s      *liveServer
	addr   string
	stop   context.CancelFunc
	done   chan error
	out    *syncBuffer
	events *eventStream
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// startLive starts the live preview of paths on a free loopback port and
// connects an event stream to it, as an open page does.
func startLive(t testing.TB, paths ...string) *live {
	t.Helper()
	o := siteOptions{lang: blueprint.Dutch, diagLang: blueprint.Dutch, catalogue: requirements.Builtin(), render: render.Options{Lang: blueprint.Dutch}}
	out := &syncBuffer{}
	s := newLiveServer(paths, o, out, out)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	s.onReady = func() { close(ready) }
	l := &live{t: t, s: s, addr: ln.Addr().String(), stop: cancel, done: make(chan error, 1), out: out}
	go func() { l.done <- s.serve(ctx, ln) }()
	select {
	case <-ready:
	case err := <-l.done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start within a minute")
	}
	l.events = openEvents(t, "http://"+l.addr+"/_live/events")
	t.Cleanup(func() {
		cancel()
		select {
		case <-l.done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s of its context ending")
		}
	})
	return l
}

// eventStream reads the server-sent events of the live preview.
type eventStream struct {
	versions chan int64
	body     io.ReadCloser
}

func openEvents(t testing.TB, url string) *eventStream {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	require.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
	es := &eventStream{versions: make(chan int64, 64), body: resp.Body}
	go func() {
		defer close(es.versions)
		sc := bufio.NewScanner(resp.Body)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && event == "reload":
				if v, err := strconv.ParseInt(strings.TrimPrefix(line, "data: "), 10, 64); err == nil {
					es.versions <- v
				}
			}
		}
	}()
	t.Cleanup(func() { resp.Body.Close() })
	return es
}

// next waits for the next version the server announces, at most d.
func (es *eventStream) next(t testing.TB, d time.Duration) int64 {
	t.Helper()
	select {
	case v, ok := <-es.versions:
		if !ok {
			t.Fatal("the event stream ended")
		}
		return v
	case <-time.After(d):
		t.Fatalf("no reload within %v", d)
	}
	return 0
}

func (l *live) get(path string) (int, string) {
	l.t.Helper()
	resp, err := http.Get("http://" + l.addr + path)
	require.NoError(l.t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(l.t, err)
	return resp.StatusCode, string(body)
}

// waitVersion waits for the reload of version want; a version after it
// is an error (a change rendered twice).
func (l *live) waitVersion(want int64) {
	l.t.Helper()
	for {
		v := l.events.next(l.t, 30*time.Second)
		if v == want {
			return
		}
		if v > want {
			l.t.Fatalf("version %d announced, expected %d: a change was built more than once", v, want)
		}
	}
}

func edit(t testing.TB, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Contains(t, string(data), old)
	require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644))
}

// saveByRename saves as many editors do: the new text into a temporary
// file beside the old one, then renamed over it.
func saveByRename(t testing.TB, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".swp")
	require.NoError(t, os.WriteFile(tmp, []byte(strings.Replace(string(data), old, new, 1)), 0o644))
	require.NoError(t, os.Rename(tmp, path))
}

func TestServeLivePreview(t *testing.T) {
	dir := copyExamples(t)
	johan := filepath.Join(dir, "johan-gat-in-de-weg.toml")
	thijs := filepath.Join(dir, "thijs-verhuizing.toml")
	l := startLive(t, dir)
	l.waitVersion(1) // what the page sees when it connects

	code, body := l.get("/")
	require.Equal(t, http.StatusOK, code)
	assert.Contains(t, body, "4 klantreizen")
	assert.Contains(t, body, `src="assets/live.js"`, "the pages of the preview listen for changes")

	// A change is checked, drawn again and announced; only that journey
	// is drawn again.
	edit(t, johan, `titel = "Johan meldt een gevaarlijk gat in het fietspad"`, `titel = "Johan meldt een diep gat"`)
	l.waitVersion(2)
	_, body = l.get("/klantreizen/johan-gat-in-de-weg.html")
	assert.Contains(t, body, "<h1>Johan meldt een diep gat</h1>")
	// The terminal line comes just after the reload message.
	assert.Eventually(t, func() bool { return strings.Contains(l.out.String(), "4 klantreizen, 1 opnieuw getekend") }, 10*time.Second, 10*time.Millisecond,
		"only the changed journey is drawn again:\n%s", l.out.String())

	// A mistake shows where it is, over the last good version.
	edit(t, johan, `domein = "openbare-ruimte"`, `domein = "openbare-ruimtee"`)
	l.waitVersion(3)
	_, body = l.get("/klantreizen/johan-gat-in-de-weg.html")
	// The pages are an output: they name the file relative to the journeys
	// folder (the terminal shows the path as typed).
	assert.Contains(t, body, "johan-gat-in-de-weg.toml:16:10: fout: onbekend domein &#34;openbare-ruimtee&#34;")
	assert.NotContains(t, body, filepath.ToSlash(dir))
	assert.Contains(t, body, "    16 | domein = &#34;openbare-ruimtee&#34;", "with the line it points at")
	assert.Contains(t, body, "bedoelde u &#34;openbare-ruimte&#34;?")
	assert.Contains(t, body, `class="stale"`)
	assert.Contains(t, body, "<h1>Johan meldt een diep gat</h1>", "the last good version")
	assert.Contains(t, body, `<svg class="blueprint"`, "with its diagram")
	_, index := l.get("/")
	assert.Contains(t, index, "onbekend domein", "every page shows the problems")

	// Fixing it clears them.
	edit(t, johan, `domein = "openbare-ruimtee"`, `domein = "openbare-ruimte"`)
	l.waitVersion(4)
	_, body = l.get("/klantreizen/johan-gat-in-de-weg.html")
	assert.NotContains(t, body, "onbekend domein")
	assert.NotContains(t, body, `class="stale"`)

	// An editor's save through a rename is built once; a save of the
	// same text not at all. The next change is the proof: it must be the
	// very next version.
	saveByRename(t, johan, `titel = "Johan meldt een diep gat"`, `titel = "Johan meldt een gat"`)
	l.waitVersion(5)
	data, err := os.ReadFile(thijs)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(thijs, data, 0o644)) // the same text
	edit(t, thijs, `titel = "Thijs verhuist binnen de gemeente"`, `titel = "Thijs verhuist"`)
	l.waitVersion(6)
	_, body = l.get("/klantreizen/thijs-verhuizing.html")
	assert.Contains(t, body, "<h1>Thijs verhuist</h1>")

	// A file deleted and made again, and a new file.
	require.NoError(t, os.Remove(thijs))
	l.waitVersion(7)
	_, index = l.get("/")
	assert.Contains(t, index, "3 klantreizen")
	code, _ = l.get("/klantreizen/thijs-verhuizing.html")
	assert.Equal(t, http.StatusNotFound, code)
	require.NoError(t, os.WriteFile(thijs, data, 0o644))
	l.waitVersion(8)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "anna.toml"), blueprint.StarterJourney("Anna", "anna.toml"), 0o644))
	l.waitVersion(9)
	_, index = l.get("/")
	assert.Contains(t, index, "5 klantreizen")
	code, body = l.get("/klantreizen/anna.html")
	assert.Equal(t, http.StatusOK, code)
	assert.Contains(t, body, "Anna neemt contact op met de gemeente")

	// The PNG and the workbook are made when they are asked for.
	code, png := l.get("/klantreizen/johan-gat-in-de-weg.png")
	assert.Equal(t, http.StatusOK, code)
	assert.True(t, strings.HasPrefix(png, "\x89PNG"))
	code, wb := l.get("/downloads/pve.xlsx")
	assert.Equal(t, http.StatusOK, code)
	assert.True(t, strings.HasPrefix(wb, "PK\x03\x04"), "a workbook")
	code, wb = l.get("/downloads/verbeterplan.xlsx")
	assert.Equal(t, http.StatusOK, code)
	info, err := xlsx.InspectPlan(strings.NewReader(wb), int64(len(wb)))
	require.NoError(t, err)
	assert.True(t, info.Ours, "the verbeterplan workbook")
	// The live preview has the verbeterplan and visie pages too, and they
	// follow the journeys: Anna's journey is in the plan now.
	code, vp := l.get("/verbeterplan.html")
	assert.Equal(t, http.StatusOK, code)
	assert.Contains(t, vp, "5 klantreizen: ")
	code, _ = l.get("/visie.html")
	assert.Equal(t, http.StatusOK, code)
}

func TestServeBrokenProjectKeepsTheSite(t *testing.T) {
	dir := copyExamples(t)
	l := startLive(t, dir)
	l.waitVersion(1)
	project := filepath.Join(dir, "blueprint.toml")
	edit(t, project, `[[persona]]
id = "sanne"`, `[[persona]
id = "sanne"`)
	l.waitVersion(2)
	code, body := l.get("/klantreizen/desiree-financiele-hulp.html")
	assert.Equal(t, http.StatusOK, code)
	assert.Contains(t, body, "blueprint.toml:")
	assert.Contains(t, body, `<svg class="blueprint"`)
	assert.Contains(t, body, "Sanne", "the project's personas as they last were")
}

func TestServeStartsWithABrokenFile(t *testing.T) {
	dir := t.TempDir()
	src := strings.Replace(string(blueprint.StarterJourney("Johan", "reis.toml")), `kanaal = "telefoon"`, `kanaal = "telefon"`, 1)
	path := writeTestFile(t, dir, "reis.toml", src)
	l := startLive(t, path)
	l.waitVersion(1)
	code, body := l.get("/")
	assert.Equal(t, http.StatusOK, code)
	assert.Contains(t, body, `onbekend kanaal &#34;telefon&#34;`)
	assert.Contains(t, body, "0 klantreizen")
	require.NoError(t, os.WriteFile(path, []byte(strings.Replace(src, `kanaal = "telefon"`, `kanaal = "telefoon"`, 1)), 0o644))
	l.waitVersion(2)
	_, body = l.get("/")
	assert.Contains(t, body, "1 klantreis")
	assert.NotContains(t, body, "onbekend kanaal")
}

// TestServeNothingOutsideTheSite asks for files outside the site in every
// way a path can be written: .. plain and encoded, backslashes, absolute
// paths, and the journey's own file by its path on disk.
func TestServeNothingOutsideTheSite(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(root, "geheim.txt")
	require.NoError(t, os.WriteFile(secret, []byte("GEHEIM-7f3a"), 0o644))
	dir := filepath.Join(root, "reizen")
	require.NoError(t, os.Mkdir(dir, 0o755))
	path := writeTestFile(t, dir, "reis.toml", string(blueprint.StarterJourney("Johan", "reis.toml")))
	l := startLive(t, dir)
	l.waitVersion(1)

	abs := filepath.ToSlash(secret)
	targets := []string{
		"/../geheim.txt", "/../../geheim.txt", "/klantreizen/../../geheim.txt",
		"/..%2fgeheim.txt", "/..%2F..%2Fgeheim.txt", "/klantreizen/..%2f..%2fgeheim.txt", "/%2e%2e/geheim.txt", "/%2e%2e%2fgeheim.txt",
		"/..\\geheim.txt", "/..%5cgeheim.txt", "/assets/%5c..%5c..%5cgeheim.txt",
		"/" + abs, "//" + strings.TrimPrefix(abs, "/"), abs, "/" + filepath.ToSlash(path), "/etc/passwd", "//etc/passwd", "/C:/Windows/win.ini",
		"/%00", "/index.html%00.toml", "/reis.toml", "/_live/../../geheim.txt",
		"http://" + l.addr + "/../geheim.txt", "http://" + l.addr + abs,
	}
	for _, target := range targets {
		status, body := rawGet(t, l.addr, target, "127.0.0.1")
		if status == http.StatusOK || strings.Contains(body, "GEHEIM") || strings.Contains(body, "root:") {
			t.Errorf("GET %s: %d %.60q", target, status, body)
		}
	}
	// What the site has, it serves; the journey's file under its site name.
	status, body := rawGet(t, l.addr, "/klantreizen/reis.toml", "127.0.0.1")
	assert.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, `id = "reis"`)
	// Another host (DNS rebinding) and another method are refused.
	status, _ = rawGet(t, l.addr, "/", "klantreizen.evil.example")
	assert.Equal(t, http.StatusForbidden, status)
	status, _ = rawRequest(t, l.addr, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n")
	assert.Equal(t, http.StatusMethodNotAllowed, status)
	status, _ = rawGet(t, l.addr, "/", "localhost")
	assert.Equal(t, http.StatusOK, status)
}

func rawGet(t *testing.T, addr, target, host string) (int, string) {
	return rawRequest(t, addr, fmt.Sprintf("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host))
}

// rawRequest sends a request exactly as written, without the client
// cleaning its path.
func rawRequest(t *testing.T, addr, req string) (int, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer c.Close()
	require.NoError(t, c.SetDeadline(time.Now().Add(10*time.Second)))
	_, err = io.WriteString(c, req)
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestServeStopsCleanly(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, dir, "reis.toml", string(blueprint.StarterJourney("Johan", "reis.toml")))
	l := startLive(t, dir)
	l.waitVersion(1)
	l.stop()
	select {
	case err := <-l.done:
		assert.NoError(t, err)
		l.done <- err // for the cleanup
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10 s")
	}
	// The open page's stream ends.
	select {
	case _, ok := <-l.events.versions:
		assert.False(t, ok, "the event stream ends")
	case <-time.After(10 * time.Second):
		t.Fatal("the event stream stayed open")
	}
	_, err := net.DialTimeout("tcp", l.addr, time.Second)
	assert.Error(t, err, "nothing listens any more")
}

func TestServeUsageErrors(t *testing.T) {
	code, _, stderr := execCLI(t, "serve")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "name one or more journey files or folders")
	code, _, stderr = execCLI(t, "serve", filepath.Join(t.TempDir(), "nergens.toml"))
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "nergens.toml")
	code, _, stderr = execCLI(t, "serve", "--port", "70000", "../../examples")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--port 70000")
}
