package plan

import (
	"encoding/json"
	"io"
)

// SchemaVersion is the version of the JSON documents; it changes when a
// key changes meaning or goes away.
const SchemaVersion = 1

// WriteJSON writes the verbeterplan as JSON for tools and for the journey
// site: the Plan with its English keys, and "schema" and "kind" first.
func WriteJSON(w io.Writer, p *Plan) error {
	return writeJSON(w, struct {
		Schema int    `json:"schema"`
		Kind   string `json:"kind"`
		*Plan
	}{SchemaVersion, "verbeterplan", p})
}

// WriteVisionJSON writes the visie coverage as JSON.
func WriteVisionJSON(w io.Writer, c *Coverage) error {
	return writeJSON(w, struct {
		Schema int    `json:"schema"`
		Kind   string `json:"kind"`
		*Coverage
	}{SchemaVersion, "visie", c})
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
