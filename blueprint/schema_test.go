package blueprint

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint/golden"
)

// TestSchemaGolden keeps docs/*.schema.json equal to what the model
// generates (UPDATE_GOLDEN=1 rewrites them).
func TestSchemaGolden(t *testing.T) {
	golden.Assert(t, "../docs/journey.schema.json", JourneySchema())
	golden.Assert(t, "../docs/project.schema.json", ProjectSchema())
}

func compileSchema(t *testing.T, name string, src []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource(name, doc))
	s, err := c.Compile(name)
	require.NoError(t, err)
	return s
}

// tomlAsJSON decodes TOML and re-reads it as JSON values, the way an
// editor extension validates TOML against a JSON Schema.
func tomlAsJSON(t *testing.T, src []byte) any {
	t.Helper()
	var v map[string]any
	_, err := toml.Decode(string(src), &v)
	require.NoError(t, err)
	b, err := json.Marshal(v)
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	return doc
}

func TestExamplesValidateAgainstSchema(t *testing.T) {
	journey := compileSchema(t, "journey.schema.json", JourneySchema())
	project := compileSchema(t, "project.schema.json", ProjectSchema())
	files, _ := filepath.Glob("../examples/*.toml")
	if len(files) == 0 {
		t.Fatal("no examples found in ../examples")
	}
	// and the journeys written with the format's extensions, every shape
	// of every new key among them
	more, _ := filepath.Glob("testdata/corpus-format/*.toml")
	flow, _ := filepath.Glob("../render/testdata/flow/*.toml")
	if len(more) == 0 || len(flow) == 0 {
		t.Fatal("no journeys in testdata/corpus-format or ../render/testdata/flow")
	}
	files = append(append(files, more...), flow...)
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		s := journey
		if IsProjectFile(f) {
			s = project
		}
		if err := s.Validate(tomlAsJSON(t, src)); err != nil {
			t.Errorf("%s does not validate against the schema:\n%v", f, err)
		}
	}
	if err := journey.Validate(tomlAsJSON(t, StarterJourney("Johan", "johan.toml"))); err != nil {
		t.Errorf("starter journey does not validate against the schema:\n%v", err)
	}
}

// TestSchemaRejectsWhatTheLoaderRejects: the schema is strict where the
// loader is, so an editor underlines the same mistakes.
func TestSchemaRejectsWhatTheLoaderRejects(t *testing.T) {
	journey := compileSchema(t, "journey.schema.json", JourneySchema())
	base := string(StarterJourney("Johan", "johan.toml"))
	cases := map[string]struct{ old, new string }{
		"typo in a key":     {`kanaal = "website"`, `kanal = "website"`},
		"emotion 7":         {"emotie = 0", "emotie = 7"},
		"bad duration":      {`wachttijd = "5 minuten"`, `wachttijd = "5 minutes"`},
		"id with a space":   {`id = "zoekt-online"`, `id = "zoekt online"`},
		"missing titel":     {`titel = "Johan belt het KCC"`, ``},
		"unknown status":    {`status = "idee"`, `status = "klaar"`},
		"empty reason":      {"emotie = 0", "emotie = 0\nfaalpunt = \"\""},
		"no channel":        {`kanaal = "website"`, `kanaal = []`},
		"negative day":      {"emotie = 0", "emotie = 0\ndag = -1"},
		"wait without duur": {`wachttijd = "5 minuten"`, `wachttijd = { op = "de telefoon" }`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			src := strings.Replace(base, c.old, c.new, 1)
			require.NotEqual(t, base, src, "replacement did not apply")
			if err := journey.Validate(tomlAsJSON(t, []byte(src))); err == nil {
				t.Error("schema accepted it")
			}
			_, diags := Load("johan.toml", []byte(src), Options{})
			if !diags.HasErrors() {
				t.Error("loader accepted it")
			}
		})
	}
}

// TestSchemaDescribesEveryKey: every key of the format has a description
// (genSchema panics otherwise) and the schema lists it.
func TestSchemaDescribesEveryKey(t *testing.T) {
	var s map[string]any
	require.NoError(t, json.Unmarshal(JourneySchema(), &s))
	defs := s["$defs"].(map[string]any)
	step := defs["stap"].(map[string]any)["properties"].(map[string]any)
	keys, _ := Keys(Step{})
	for _, k := range keys {
		p, ok := step[k].(map[string]any)
		if !ok {
			t.Errorf("stap.%s missing from the schema", k)
			continue
		}
		if d, _ := p["description"].(string); d == "" {
			t.Errorf("stap.%s has no description", k)
		}
	}
}
