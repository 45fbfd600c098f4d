//go:build unix

package blueprint

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadPathsRefusesDevicesAndReadsPipesToTheLimit(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "pijp.toml"), 0o644))
	_, err := ReadPaths([]string{dir})
	assert.ErrorContains(t, err, "pijp.toml: is not a file (a pipe or a device)")

	// Named on its own, a device is read up to the limit: /dev/zero is
	// "too large", not an endless read.
	if _, err := os.Stat("/dev/zero"); err == nil {
		files, err := ReadPaths([]string{"/dev/zero"})
		require.NoError(t, err)
		last := files[len(files)-1]
		assert.Nil(t, last.Src)
		assert.Equal(t, int64(MaxFileSize+1), last.Size)
	}
}
