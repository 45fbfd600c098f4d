package blueprint

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadPathsNamesDoNotDependOnSpelling: the same folder, spelt four
// ways or copied elsewhere, gives the same names; Path keeps the spelling.
func TestReadPathsNamesDoNotDependOnSpelling(t *testing.T) {
	abs, err := filepath.Abs("../examples")
	require.NoError(t, err)
	copyDir := filepath.Join(t.TempDir(), "elders")
	require.NoError(t, os.CopyFS(copyDir, os.DirFS("../examples")))
	var want []string
	for _, spelling := range []string{"../examples", "../examples/", "./../examples/.", abs, copyDir} {
		files, err := ReadPaths([]string{spelling})
		require.NoError(t, err)
		var names []string
		for _, f := range files {
			names = append(names, f.Name)
			assert.True(t, strings.HasPrefix(f.Path, filepath.ToSlash(filepath.Clean(spelling))+"/"), "Path %q keeps the spelling %q", f.Path, spelling)
		}
		if want == nil {
			want = names
			assert.Equal(t, []string{"blueprint.toml", "desiree-financiele-hulp.toml", "johan-gat-in-de-weg.toml", "john-windmolenpark.toml", "thijs-verhuizing.toml"}, names)
			continue
		}
		assert.Equal(t, want, names, spelling)
	}

	// One file brings its project file; names relative to its folder.
	files, err := ReadPaths([]string{"../examples/johan-gat-in-de-weg.toml"})
	require.NoError(t, err)
	require.Len(t, files, 2)
	assert.Equal(t, "blueprint.toml", files[0].Name)
	assert.Equal(t, "../examples/blueprint.toml", files[0].Path)
	assert.Equal(t, "johan-gat-in-de-weg.toml", files[1].Name)

	// Two folders: names relative to the folder that holds both.
	dir := t.TempDir()
	for _, sub := range []string{"noord", "zuid"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, sub), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, sub, "reis.toml"), []byte("id = \"x\"\n"), 0o644))
	}
	files, err = ReadPaths([]string{filepath.Join(dir, "zuid"), filepath.Join(dir, "noord", "reis.toml")})
	require.NoError(t, err)
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	assert.Equal(t, []string{"zuid/reis.toml", "noord/reis.toml"}, names)
}

func TestReadPathsFollowsLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	shared := filepath.Join(dir, "gedeeld")
	journeys := filepath.Join(dir, "reizen")
	require.NoError(t, os.MkdirAll(shared, 0o755))
	require.NoError(t, os.MkdirAll(journeys, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(shared, ProjectFile), []byte("organisatie = \"Gedeeld\"\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(shared, "reis.toml"), StarterJourney("Johan", "reis.toml"), 0o644))
	require.NoError(t, os.Symlink(filepath.Join(shared, ProjectFile), filepath.Join(journeys, ProjectFile)))
	require.NoError(t, os.Symlink("../gedeeld/reis.toml", filepath.Join(journeys, "johan.toml")))
	require.NoError(t, os.Symlink("johan.toml", filepath.Join(journeys, "ook-johan.toml"))) // the same file again

	m, diags, err := LoadDir(journeys, Options{})
	require.NoError(t, err)
	assert.Empty(t, diags, diags.Error())
	assert.Equal(t, "Gedeeld", m.Project.Organisation, "a linked blueprint.toml is read")
	assert.Equal(t, []string{ProjectFile, "johan.toml"}, m.Files, "a linked journey is read, once")

	// A link that leads nowhere, or round in a circle, is an error that
	// says so; nothing is skipped without a word.
	require.NoError(t, os.Symlink("weg.toml", filepath.Join(journeys, "oud.toml")))
	_, err = ReadPaths([]string{journeys})
	assert.EqualError(t, err, filepath.ToSlash(filepath.Join(journeys, "oud.toml"))+": is a link to weg.toml, which does not exist")
	require.NoError(t, os.Remove(filepath.Join(journeys, "oud.toml")))
	require.NoError(t, os.Symlink("b.toml", filepath.Join(journeys, "a.toml")))
	require.NoError(t, os.Symlink("a.toml", filepath.Join(journeys, "b.toml")))
	_, err = ReadPaths([]string{journeys})
	assert.EqualError(t, err, filepath.ToSlash(filepath.Join(journeys, "a.toml"))+": is a link that leads round in a circle (to b.toml)")
	_, err = ReadPaths([]string{filepath.Join(journeys, "b.toml")})
	assert.EqualError(t, err, filepath.ToSlash(filepath.Join(journeys, "b.toml"))+": is a link that leads round in a circle (to a.toml)")
}
