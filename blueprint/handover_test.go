package blueprint_test

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/blueprint/blueprinttest"
)

// TestDecodedHandsOverInOrder checks Options.Decoded: every file once, in
// the order given (the project file too, wherever it stands, and files that
// are too large or broken), while its text is still there; letting go of
// the texts there changes nothing the loader returns.
func TestDecodedHandsOverInOrder(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4)) // decoders that finish out of order
	files := func() []blueprint.File {
		fs := blueprinttest.Files(40, 6)
		fs[7] = blueprint.File{Name: "kapot.toml", Src: []byte("id = \"kapot\"\n[[stap\n")}
		fs[9] = blueprint.File{Name: "groot.toml", Size: blueprint.MaxFileSize + 1}
		project := blueprint.File{Name: blueprint.ProjectFile, Src: []byte("organisatie = \"Zwolle\"\n")}
		return append(fs[:20], append([]blueprint.File{project}, fs[20:]...)...)
	}
	plain := files()
	wantModel, wantDiags := blueprint.LoadFiles(plain, blueprint.Options{})

	given := files()
	var order []string
	model, diags := blueprint.LoadFiles(given, blueprint.Options{Decoded: func(f *blueprint.File) {
		order = append(order, f.Name)
		if f.Size == 0 {
			assert.NotEmpty(t, f.Src, "%s is handed over with its text", f.Name)
		}
		f.Src = nil
	}})
	var names []string
	for _, f := range given {
		names = append(names, f.Name)
		assert.Nil(t, f.Src, "%s was handed over", f.Name)
	}
	require.Equal(t, names, order, "each file once, in the order given")
	assert.Equal(t, wantDiags, diags)
	require.Len(t, model.Journeys, len(wantModel.Journeys))
	for i, j := range model.Journeys {
		assert.Equal(t, wantModel.Journeys[i].ID, j.ID)
		assert.Equal(t, len(wantModel.Journeys[i].Steps), len(j.Steps))
	}
	assert.Equal(t, "Zwolle", model.Project.Organisation)
}
