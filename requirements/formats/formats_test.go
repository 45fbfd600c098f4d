package formats

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
	"github.com/dimpact/blueprint/requirements/xlsx"
)

func TestLookupAndForPath(t *testing.T) {
	assert.Equal(t, []string{"xlsx", "csv", "json", "md"}, Names())
	assert.Equal(t, "xlsx", Default().Name)
	assert.True(t, Default().Workbook)
	for _, name := range Names() {
		f, ok := Lookup(name)
		require.True(t, ok, name)
		assert.Equal(t, name, f.Name)
		assert.Equal(t, name == "xlsx", f.Workbook, "only the workbook is a workbook")
		g, ok := ForPath("out/PvE" + strings.ToUpper(f.Ext))
		require.True(t, ok, "the extension %s in capitals", f.Ext)
		assert.Equal(t, name, g.Name)
	}
	_, ok := Lookup("pdf")
	assert.False(t, ok)
	_, ok = ForPath("pve.txt")
	assert.False(t, ok)
	_, ok = ForPath("pve")
	assert.False(t, ok, "a name without an extension asks for no format")
}

// A caller that changes the list it got does not change the table.
func TestAllIsACopy(t *testing.T) {
	all := All()
	all[0].Name = "changed"
	assert.Equal(t, "xlsx", Default().Name)
	assert.Equal(t, "xlsx", All()[0].Name)
}

// Each name is wired to its own encoder: the bytes are of that format.
func TestEncoders(t *testing.T) {
	m, diags, err := blueprint.LoadDir("../../examples", blueprint.Options{})
	require.NoError(t, err)
	require.False(t, diags.HasErrors(), diags.Error())
	res, _ := requirements.Derive(m, requirements.Builtin(), requirements.Options{})
	require.NotEmpty(t, res.Rows)
	out := map[string][]byte{}
	for _, f := range All() {
		var b bytes.Buffer
		require.NoError(t, f.Encode(&b, res, requirements.Meta{}), f.Name)
		out[f.Name] = b.Bytes()
	}
	info, err := xlsx.Inspect(bytes.NewReader(out["xlsx"]), int64(len(out["xlsx"])))
	require.NoError(t, err)
	assert.True(t, info.Ours, "xlsx writes a PvE workbook")
	recs, err := csv.NewReader(bytes.NewReader(out["csv"])).ReadAll()
	require.NoError(t, err)
	assert.Len(t, recs, len(res.Rows)+1, "csv writes a header and a line per requirement")
	assert.True(t, json.Valid(out["json"]), "json writes JSON")
	assert.True(t, bytes.HasPrefix(out["md"], []byte("# Programma van Eisen")), "md writes a Markdown document")
}
