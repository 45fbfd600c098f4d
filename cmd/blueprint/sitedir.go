package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// How `blueprint site` writes its folder, without losing anything:
//
//   - The site is built in a temporary folder beside the output folder, so
//     that a failed or interrupted run leaves the old site as it was.
//   - A new or empty output folder is replaced by the temporary one in one
//     rename.
//   - A folder that holds an earlier site (it has the manifest file
//     .blueprint-site) gets the new files renamed into it one by one, the
//     index last; then the files that the earlier site had and this one
//     has not are removed. Files the manifest does not name (a CNAME, a
//     .git folder, the gemeente's own pages) are never touched.
//   - Any other folder that is not empty is refused, unless --force is
//     given: then files with the site's names are replaced, the rest kept.

// manifestName is the file in a site's folder that lists the files
// blueprint wrote, so that a later run replaces and removes only those.
const manifestName = ".blueprint-site"

const manifestHead = "# Written by blueprint site. A later run replaces and removes only the files listed here.\n"

// dirFS writes the site's files into a folder. It is safe for concurrent
// use and remembers the names written.
type dirFS struct {
	root  string
	mu    sync.Mutex
	names map[string]bool
	dirs  map[string]bool
}

func newDirFS(root string) *dirFS {
	return &dirFS{root: root, names: map[string]bool{}, dirs: map[string]bool{}}
}

func (d *dirFS) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." || strings.HasPrefix(name, manifestName) {
		return fmt.Errorf("site: invalid file name %q", name)
	}
	full := filepath.Join(d.root, filepath.FromSlash(name))
	dir := filepath.Dir(full)
	d.mu.Lock()
	seen := d.dirs[dir]
	d.dirs[dir] = true
	d.names[name] = true
	d.mu.Unlock()
	if !seen {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	return os.WriteFile(full, data, 0o644)
}

// files returns the names written, sorted.
func (d *dirFS) files() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]string, 0, len(d.names))
	for n := range d.names {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// errNotASite is returned for a folder that is not empty and holds no
// site of ours.
var errNotASite = errors.New("not a site")

// checkSiteDir says whether a site may be written into dir: it does not
// exist, is empty, or holds an earlier site; with force also any folder.
// It returns the manifest of the earlier site.
func checkSiteDir(dir string, force bool) (old []string, err error) {
	st, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s is a file, not a folder", filepath.ToSlash(dir))
	}
	if data, err := os.ReadFile(filepath.Join(dir, manifestName)); err == nil {
		return readManifest(data), nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	if len(entries) > 0 && !force {
		return nil, errNotASite
	}
	return nil, nil
}

func readManifest(data []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || !fs.ValidPath(line) || line == manifestName {
			continue
		}
		out = append(out, line)
	}
	return out
}

func writeManifest(dir string, names []string) error {
	var b strings.Builder
	b.WriteString(manifestHead)
	for _, n := range names {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return os.WriteFile(filepath.Join(dir, manifestName), []byte(b.String()), 0o644)
}

// siteTempDir makes the folder the site is built in, beside dir so that
// its files can be renamed into place.
func siteTempDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+".tmp-")
	if err != nil {
		return "", err
	}
	// MkdirTemp makes the folder for its owner only; a site is for readers.
	return tmp, os.Chmod(tmp, 0o755)
}

// installSite moves the site built in tmp into dir (see the top of this
// file). names are the files of the new site, old those of the earlier
// one. It returns the number of earlier files it removed.
func installSite(tmp, dir string, names, old []string) (removed int, err error) {
	if err := writeManifest(tmp, names); err != nil {
		return 0, err
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return 0, os.Rename(tmp, dir)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) == 0 {
		if err := os.Remove(dir); err == nil {
			return 0, os.Rename(tmp, dir)
		}
	}
	// Into an existing folder, file by file; the index last, so that a
	// reader never follows a link to a page not yet there.
	order := append([]string(nil), names...)
	sort.SliceStable(order, func(i, j int) bool { return order[j] == "index.html" && order[i] != "index.html" })
	made := map[string]bool{}
	for _, n := range order {
		to := filepath.Join(dir, filepath.FromSlash(n))
		if d := filepath.Dir(to); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return 0, err
			}
			made[d] = true
		}
		if err := os.Rename(filepath.Join(tmp, filepath.FromSlash(n)), to); err != nil {
			return 0, err
		}
	}
	if err := os.Rename(filepath.Join(tmp, manifestName), filepath.Join(dir, manifestName)); err != nil {
		return 0, err
	}
	keep := map[string]bool{}
	for _, n := range names {
		keep[n] = true
	}
	dirs := map[string]bool{}
	for _, n := range old {
		if keep[n] {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(n))
		if st, err := os.Lstat(p); err == nil && st.Mode().IsRegular() {
			if os.Remove(p) == nil {
				removed++
			}
		}
		for d := path.Dir(n); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	// Folders the earlier site had and that are now empty go too; a
	// folder with anything else in it stays (Remove fails on it).
	var ds []string
	for d := range dirs {
		ds = append(ds, d)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(ds)))
	for _, d := range ds {
		_ = os.Remove(filepath.Join(dir, filepath.FromSlash(d)))
	}
	return removed, os.RemoveAll(tmp)
}
