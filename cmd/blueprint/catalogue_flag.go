package main

import (
	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements"
)

// catalogueOf returns the requirements catalogue of a command: the file
// named by --catalogue, read once (the same bytes are loaded and go into
// sources for the snippets), or the built-in one. Its diagnostics are
// returned for the caller to report with the rest; when they hold errors
// the catalogue is nil. The error is for a file that cannot be read
// (exit 2).
func catalogueOf(c *cli.Context, diagLang blueprint.Lang, sources map[string][]byte) (*requirements.Catalogue, blueprint.Diagnostics, error) {
	path := c.String("catalogue")
	if path == "" {
		return requirements.Builtin(), nil, nil
	}
	f, diags, err := requirements.ReadCatalogueFile(path, diagLang)
	if err != nil {
		return nil, nil, usageError("%s: --catalogue: %v", c.Command.Name, err)
	}
	if diags.HasErrors() {
		return nil, diags, nil
	}
	// Named relative to the journeys folder, as the journeys are: the
	// name goes into the outputs (reportDiagnostics shows it as typed).
	name := journeysName(journeyFiles(c), path)
	rememberName(c, name, f.Name)
	sources[name] = f.Src
	cat, diags := requirements.LoadCatalogue(name, f.Src, diagLang)
	if diags.HasErrors() {
		return nil, diags, nil
	}
	return cat, diags, nil
}
