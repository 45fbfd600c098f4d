package requirements

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"

	"github.com/dimpact/blueprint/blueprint"
)

// The JSON document holds everything the matrix holds, with the traces
// both ways, for tools (an import into a tender platform, a GEMMA coverage
// check). Keys are English and stable within a SchemaVersion: schema,
// language, catalogue, tender, journeys, requirements, wont,
// unneeded_functions, steps.

type jsonCatalogue struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	File    string `json:"file"`
}

type jsonTender struct {
	ID             string   `json:"id,omitempty"`
	Version        string   `json:"version,omitempty"`
	Date           string   `json:"date,omitempty"`
	Organisation   string   `json:"organisation,omitempty"`
	Municipalities []string `json:"municipalities,omitempty"`
	SourceHash     string   `json:"source_hash,omitempty"`
	Files          []string `json:"files,omitempty"`
}

type jsonJourney struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	File  string `json:"file"`
}

type jsonRow struct {
	ID           string      `json:"id"`
	Block        string      `json:"block"`
	BlockName    string      `json:"block_name"`
	Function     string      `json:"function"`
	FunctionName string      `json:"function_name"`
	Title        string      `json:"title"`
	Text         string      `json:"text"`
	Rationale    string      `json:"rationale"`
	Kind         string      `json:"kind"`
	MoSCoW       string      `json:"moscow"`
	Weight       int         `json:"weight"`
	Priority     jsonPrio    `json:"priority"`
	Verification string      `json:"verification"`
	Gemma        []jsonGemma `json:"gemma"`
	Needed       bool        `json:"needed"`
	Journeys     int         `json:"journeys"`
	Steps        int         `json:"steps"`
	Fingerprint  string      `json:"fingerprint"`
	Traces       []jsonTrace `json:"traces"`
}

type jsonPrio struct {
	Source string `json:"source"`
	Reason string `json:"reason"`
	At     string `json:"at,omitempty"`
}

type jsonGemma struct {
	ObjectID string `json:"object_id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
}

type jsonTrace struct {
	Kind      string `json:"kind"`
	Journey   string `json:"journey,omitempty"`
	Phase     string `json:"phase,omitempty"`
	Step      string `json:"step,omitempty"`
	StepTitle string `json:"step_title,omitempty"`
	Persona   string `json:"persona,omitempty"`
	Rule      string `json:"rule,omitempty"`
	Via       string `json:"via,omitempty"`
	Reason    string `json:"reason"`
	At        string `json:"at,omitempty"`
}

type jsonFunction struct {
	Key   string `json:"key"`
	Block string `json:"block"`
	Name  string `json:"name"`
}

type jsonStep struct {
	Journey      string   `json:"journey"`
	Step         string   `json:"step"`
	Title        string   `json:"title"`
	At           string   `json:"at"`
	Requirements []string `json:"requirements"`
}

// WriteJSON writes the result as one JSON document: the requirements with
// their traces, the requirements kept out ("wont"), the unneeded
// functions, and per step the requirements it led to. It writes one
// requirement at a time, so that a large result is not held twice in
// memory.
func WriteJSON(w io.Writer, res *Result, meta Meta) error {
	lang := res.Lang
	bw := bufio.NewWriterSize(w, 64<<10)
	var err error
	put := func(s string) {
		if err == nil {
			_, err = bw.WriteString(s)
		}
	}
	var buf bytes.Buffer
	value := func(v any, indent string) {
		if err != nil {
			return
		}
		buf.Reset()
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent(indent, "  ")
		if err = enc.Encode(v); err == nil {
			_, err = bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		}
	}
	field := func(name string, v any, last bool) {
		put("  " + strconv.Quote(name) + ": ")
		value(v, "  ")
		if !last {
			put(",")
		}
		put("\n")
	}
	list := func(name string, n int, item func(i int) any, last bool) {
		put("  " + strconv.Quote(name) + ": [")
		for i := 0; i < n; i++ {
			if i > 0 {
				put(",")
			}
			put("\n    ")
			value(item(i), "    ")
		}
		if n > 0 {
			put("\n  ")
		}
		put("]")
		if !last {
			put(",")
		}
		put("\n")
	}
	put("{\n")
	field("schema", SchemaVersion, false)
	field("language", lang, false)
	field("catalogue", jsonCatalogue{Name: res.Catalogue.Title(lang), Version: res.Catalogue.Version, File: res.Catalogue.File}, false)
	field("tender", jsonTender{ID: meta.TenderID, Version: meta.Version, Date: meta.Date, Organisation: meta.Organisation,
		Municipalities: meta.Municipalities, SourceHash: meta.SourceHash, Files: meta.Files}, false)
	list("journeys", len(res.Journeys), func(i int) any {
		j := res.Journeys[i]
		return jsonJourney{ID: j.ID, Title: j.Title, File: j.File}
	}, false)
	list("requirements", len(res.Rows), func(i int) any { return jsonRowOf(res.Rows[i], lang) }, false)
	list("wont", len(res.Wont), func(i int) any { return jsonRowOf(res.Wont[i], lang) }, false)
	list("unneeded_functions", len(res.Unneeded), func(i int) any {
		f := res.Unneeded[i]
		return jsonFunction{Key: f.Key, Block: f.Block, Name: f.Name(lang)}
	}, false)
	list("steps", len(res.Steps), func(i int) any {
		st := res.Steps[i]
		js := jsonStep{Journey: st.Journey.ID, Step: st.Step.ID, Title: st.Step.Title, At: st.Step.Pos.String(), Requirements: []string{}}
		for _, r := range st.Requirements {
			js.Requirements = append(js.Requirements, r.ID)
		}
		return js
	}, true)
	put("}\n")
	if err != nil {
		return err
	}
	return bw.Flush()
}

func jsonRowOf(row *Row, lang blueprint.Lang) jsonRow {
	r := row.Requirement
	jr := jsonRow{
		ID: r.ID, Function: r.Function, Title: r.Title(lang), Text: r.Text(lang), Rationale: r.Rationale(lang),
		Kind: row.Kind, MoSCoW: row.MoSCoW, Weight: row.Weight, Verification: r.Verification,
		Priority: jsonPrio{Source: row.Priority.Source, Reason: row.Priority.Reason},
		Gemma:    []jsonGemma{}, Needed: row.Needed, Journeys: row.Journeys, Steps: row.Steps,
		Fingerprint: Fingerprint(row, lang), Traces: []jsonTrace{},
	}
	if row.Priority.Pos.IsValid() {
		jr.Priority.At = row.Priority.Pos.String()
	}
	if row.Block != nil {
		jr.Block, jr.BlockName = row.Block.Code, row.Block.Name(lang)
	}
	if row.Function != nil {
		jr.FunctionName = row.Function.Name(lang)
	}
	for _, g := range row.Gemma {
		jr.Gemma = append(jr.Gemma, jsonGemma{ObjectID: g.ObjectID, Name: g.Name, Kind: g.Kind})
	}
	for _, t := range row.Traces {
		jt := jsonTrace{Kind: t.Kind.String(), Reason: t.Reason}
		if t.Pos.IsValid() {
			jt.At = t.Pos.String()
		}
		if t.Journey != nil {
			jt.Journey = t.Journey.ID
		}
		if t.Phase != nil {
			jt.Phase = t.Phase.ID
		}
		if t.Step != nil {
			jt.Step, jt.StepTitle = t.Step.ID, t.Step.Title
		}
		if t.Persona != nil {
			jt.Persona = t.Persona.ID
		}
		if t.Rule != nil {
			jt.Rule = t.Rule.ID
		}
		if t.Via != nil {
			jt.Via = t.Via.ID
		}
		jr.Traces = append(jr.Traces, jt)
	}
	return jr
}
