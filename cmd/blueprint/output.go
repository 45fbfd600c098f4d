package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// writeAtomic writes path through a temporary file in the same folder and
// a rename, so that nobody ever sees half a file and a failed run leaves
// the old file as it was. write gets a buffered writer.
//
// The rules every output of the CLI follows (docs/decisions.md):
//   - a missing folder is made, as for render --out;
//   - a file that is replaced keeps its permissions; a new file gets 0644;
//   - a symbolic link at path is written through: the file it points to is
//     replaced and the link stays (a link that points nowhere is an
//     error);
//   - the temporary file is removed when anything fails, and when the run
//     is interrupted (SIGINT, SIGTERM; see cleanupOnSignal);
//   - errors name path, never the temporary file.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	target, err := resolveTarget(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err // names the folder that could not be made
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(target); err == nil {
		if st.IsDir() {
			return fmt.Errorf("is a folder")
		}
		mode = st.Mode().Perm()
	}
	tmp, err := temps.create(dir, "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return hideTemp(err, "", path)
	}
	name := tmp.Name()
	done := false
	defer func() {
		if !done {
			tmp.Close()
			temps.remove(name)
		}
		if err != nil {
			err = hideTemp(err, name, path)
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(name, mode); err != nil {
		return err
	}
	if err = temps.rename(name, target); err != nil {
		return err
	}
	done = true
	return nil
}

// resolveTarget follows a symbolic link at path to the file it names, so
// that writing replaces that file and keeps the link.
func resolveTarget(path string) (string, error) {
	st, err := os.Lstat(path)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return path, nil // a plain file, or nothing yet
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		link, _ := os.Readlink(path)
		return "", fmt.Errorf("is a link to %s, which cannot be written (%v)", filepath.ToSlash(link), unwrapPath(err))
	}
	return target, nil
}

// hideTemp rewrites an error so that it does not name the temporary file
// (a user never saw it and cannot do anything with it); the error still
// unwraps to its cause.
func hideTemp(err error, tmp, path string) error {
	return &writeError{err: err, tmp: tmp, path: filepath.ToSlash(path)}
}

type writeError struct {
	err       error
	tmp, path string
}

func (e *writeError) Error() string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(e.err, &le):
		return le.Err.Error()
	case errors.As(e.err, &pe):
		if e.tmp == "" || pe.Path == e.tmp || strings.Contains(pe.Path, ".tmp-") {
			return pe.Err.Error()
		}
		return filepath.ToSlash(pe.Path) + ": " + pe.Err.Error()
	}
	msg := e.err.Error()
	if e.tmp != "" {
		msg = strings.ReplaceAll(msg, e.tmp, e.path)
	}
	return msg
}

func (e *writeError) Unwrap() error { return e.err }

// tempRegistry knows the temporary files being written, so that an
// interrupted run can remove them. It is the one piece of process-wide
// state of the CLI: signals are process-wide too.
type tempRegistry struct {
	mu    sync.Mutex
	files map[string]bool
	dirs  map[string]bool // removed with all they hold
}

var temps = &tempRegistry{files: map[string]bool{}, dirs: map[string]bool{}}

// mkdir makes a private temporary folder (0700) in the system's temporary
// folder, removed with its contents by removeDir or on a signal.
func (r *tempRegistry) mkdir(pattern string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	dir, err := os.MkdirTemp("", pattern)
	if err == nil {
		r.dirs[dir] = true
	}
	return dir, err
}

func (r *tempRegistry) removeDir(dir string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	os.RemoveAll(dir)
	delete(r.dirs, dir)
}

func (r *tempRegistry) create(dir, pattern string) (*os.File, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f, err := os.CreateTemp(dir, pattern)
	if err == nil {
		r.files[f.Name()] = true
	}
	return f, err
}

func (r *tempRegistry) rename(tmp, target string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	err := os.Rename(tmp, target)
	if err == nil {
		delete(r.files, tmp)
	}
	return err
}

func (r *tempRegistry) remove(tmp string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	os.Remove(tmp)
	delete(r.files, tmp)
}

// removeAll removes every temporary file and folder and keeps the registry locked,
// so that no new one is made before the process exits.
func (r *tempRegistry) removeAll() {
	r.mu.Lock()
	for name := range r.files {
		os.Remove(name)
	}
	for dir := range r.dirs {
		os.RemoveAll(dir)
	}
	r.files, r.dirs = map[string]bool{}, map[string]bool{}
}
