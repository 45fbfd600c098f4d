package gvwasm

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// cacheDir returns the folder for the compiled module, made if needed:
// CacheDir, or blueprint/wazero in the user's cache directory. It must be
// a directory of this user that no one else can write to: compiled code
// is machine code the process will run.
func cacheDir() (string, error) {
	dir := CacheDir
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("no cache directory: %w", err)
		}
		dir = filepath.Join(base, "blueprint", "wazero")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return "", err
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("%s is not a folder", dir)
	}
	if err := ownedByMe(dir, fi); err != nil {
		return "", err
	}
	// wazero reports a cache it cannot write only when compiling; try first.
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return "", fmt.Errorf("%s: %w", dir, errors.Unwrap(err))
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return dir, nil
}
