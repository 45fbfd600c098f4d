package xlsx

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/compare"
)

func TestScratchE2E(t *testing.T) {
	_, pve := workbook(t, blueprint.Dutch)
	c := blueprint.NewCollector(blueprint.Dutch)
	mb, err := ReadBook("pve.xlsx", bytes.NewReader(pve), int64(len(pve)), DefaultLimits)
	require.NoError(t, err)
	m := compare.MasterFrom(mb, c)
	require.NotNil(t, m, c.Diags.Error())
	var resps []*compare.Response
	for i, e := range Examples {
		data, err := FillResponse(pve, e.Response())
		require.NoError(t, err)
		name := []string{"a.xlsx", "b.xlsx", "c.xlsx"}[i]
		b, err := ReadBook(name, bytes.NewReader(data), int64(len(data)), DefaultLimits)
		require.NoError(t, err)
		resps = append(resps, compare.Check(m, b, c))
	}
	compare.Labels(resps, false, blueprint.Dutch)
	res := compare.Score(m, resps, nil, blueprint.Dutch)
	var out bytes.Buffer
	require.NoError(t, compare.WriteText(&out, res))
	t.Log(out.String())
	t.Log(c.Diags.Error())
	var md bytes.Buffer
	require.NoError(t, compare.WriteReport(&md, res))
	os.WriteFile("/tmp/verslag.md", md.Bytes(), 0o644)
	var x bytes.Buffer
	require.NoError(t, WriteComparison(&x, res))
	os.WriteFile("/tmp/vergelijking.xlsx", x.Bytes(), 0o644)
}
