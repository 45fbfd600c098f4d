//go:build unix

package gvwasm

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// ownedByMe refuses a folder that belongs to another user or that others
// may write to.
func ownedByMe(dir string, fi fs.FileInfo) error {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	if uid := os.Getuid(); int(st.Uid) != uid {
		return fmt.Errorf("%s belongs to another user (uid %d, you are %d)", dir, st.Uid, uid)
	}
	if fi.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("%s can be written by other users (mode %v)", dir, fi.Mode().Perm())
	}
	return nil
}
