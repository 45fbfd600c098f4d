package requirements

import (
	_ "embed"
	"io"
	"os"
	"path/filepath"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/gemma"
)

//go:embed catalogue.toml
var builtinTOML []byte

// BuiltinTOML returns the text of the built-in catalogue, the starting point
// for a tender's own catalogue (blueprint matrix --catalogue-template).
func BuiltinTOML() []byte { return append([]byte(nil), builtinTOML...) }

// BuiltinName is the file name diagnostics use for the built-in catalogue.
const BuiltinName = "requirements/catalogue.toml"

// MaxCatalogueSize is the largest catalogue file read. The built-in one is
// about 100 kB.
const MaxCatalogueSize = 4 << 20

// Builtin returns a fresh copy of the built-in catalogue. It panics if the
// embedded data does not validate, which a test rules out.
func Builtin() *Catalogue {
	c, diags := decodeCatalogue(BuiltinName, builtinTOML, blueprint.English)
	if diags.HasErrors() {
		panic("requirements: the built-in catalogue is invalid:\n" + diags.Error())
	}
	return c
}

// LoadCatalogue reads a catalogue from memory and checks it. A catalogue
// with uitbreiden = true is merged into the built-in one (entries with the
// id of a built-in entry replace it); otherwise it replaces the built-in
// catalogue. All problems are returned at once, with file:line:col.
func LoadCatalogue(name string, src []byte, lang blueprint.Lang) (*Catalogue, blueprint.Diagnostics) {
	lang = lang.Or(blueprint.Dutch)
	user := &Catalogue{}
	diags := blueprint.DecodeTOML(name, src, user, lang)
	for _, d := range diags {
		if d.Code == "syntax" || d.Code == "too-large" {
			return nil, diags
		}
	}
	user.File = name
	var c *Catalogue
	if user.Extend {
		c = merge(Builtin(), user)
	} else {
		c = user
	}
	c.index()
	// The checks run on what could be decoded; a problem at the place of
	// a decoding error is the same problem, reported once.
	seen := map[blueprint.Pos]bool{}
	for _, d := range diags {
		seen[d.Pos] = true
	}
	for _, d := range check(c, user, lang) {
		if !seen[d.Pos] {
			diags = append(diags, d)
		}
	}
	diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	return c, diags
}

// ReadCatalogueFile reads a catalogue file from disk for LoadCatalogue. The
// file's name is path with forward slashes, as positions show it. A file
// larger than MaxCatalogueSize is not read: it comes back without its
// text, with an error diagnostic. The error is for problems reading the
// file.
func ReadCatalogueFile(path string, lang blueprint.Lang) (blueprint.File, blueprint.Diagnostics, error) {
	name := filepath.ToSlash(path)
	st, err := os.Stat(path)
	if err != nil {
		return blueprint.File{Name: name}, nil, err
	}
	if st.Size() > MaxCatalogueSize {
		return tooLarge(name, st.Size(), lang)
	}
	fh, err := os.Open(path)
	if err != nil {
		return blueprint.File{Name: name}, nil, err
	}
	defer fh.Close()
	// The file may have grown since it was measured.
	src, err := io.ReadAll(io.LimitReader(fh, MaxCatalogueSize+1))
	if err != nil {
		return blueprint.File{Name: name}, nil, err
	}
	if len(src) > MaxCatalogueSize {
		return tooLarge(name, int64(len(src)), lang)
	}
	return blueprint.File{Name: name, Src: src}, nil, nil
}

func tooLarge(name string, size int64, lang blueprint.Lang) (blueprint.File, blueprint.Diagnostics, error) {
	sink := blueprint.NewCollector(lang)
	sink.Errorf(blueprint.Pos{File: name, Line: 1, Col: 1}, "too-large",
		"catalogus is te groot (%d bytes; maximaal %d)", "catalogue is too large (%d bytes; at most %d)", size, MaxCatalogueSize)
	return blueprint.File{Name: name, Size: size}, sink.Diags, nil
}

func decodeCatalogue(name string, src []byte, lang blueprint.Lang) (*Catalogue, blueprint.Diagnostics) {
	c := &Catalogue{}
	diags := blueprint.DecodeTOML(name, src, c, lang)
	if diags.HasErrors() {
		return nil, diags
	}
	c.File = name
	c.index()
	diags = append(diags, check(c, c, lang)...)
	diags.Sort()
	return c, diags
}

// index builds the lookup maps; the first of duplicates wins (the checks
// report the others).
func (c *Catalogue) index() {
	c.blocks = indexBy(c.Blocks, blockCode)
	c.funcs = indexBy(c.Functions, functionKey)
	c.reqs = indexBy(c.Requirements, requirementID)
	c.gemmas = indexBy(c.Gemma, gemmaID)
	c.text = newTextIndex(c)
}

// The keys that entries are known by, in lookups, in "did you mean …?" and
// when an extension replaces a built-in entry.
func blockCode(b *Block) string           { return b.Code }
func functionKey(f *Function) string      { return f.Key }
func requirementID(r *Requirement) string { return r.ID }
func ruleID(r *Rule) string               { return r.ID }
func gemmaID(g *gemma.Element) string     { return g.ObjectID }

// indexBy maps each key to the first element with that key.
func indexBy[T any](xs []T, key func(T) string) map[string]T {
	m := make(map[string]T, len(xs))
	for _, x := range xs {
		if _, ok := m[key(x)]; !ok {
			m[key(x)] = x
		}
	}
	return m
}

// keysOf lists the keys of the elements, in order.
func keysOf[T any](xs []T, key func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = key(x)
	}
	return out
}

// merge adds the entries of user to base: an entry with the id of an
// existing one replaces it in place, a new one is appended. Retired ids
// remove requirements.
func merge(base, user *Catalogue) *Catalogue {
	if user.Name != "" {
		base.Name, base.NameEN = user.Name, user.NameEN
	}
	if user.Version != "" {
		base.Version = user.Version
	}
	if user.GemmaRelease != "" {
		base.GemmaRelease = user.GemmaRelease
	}
	base.File = user.File
	if user.Weights != nil {
		base.Weights = user.Weights
	}
	if len(user.Answers) > 0 {
		base.Answers = user.Answers
	}
	base.Retired = append(base.Retired, user.Retired...)
	base.Blocks = mergeBy(base.Blocks, user.Blocks, blockCode)
	base.Functions = mergeBy(base.Functions, user.Functions, functionKey)
	base.Requirements = mergeBy(base.Requirements, user.Requirements, requirementID)
	base.Rules = mergeBy(base.Rules, user.Rules, ruleID)
	base.Gemma = mergeBy(base.Gemma, user.Gemma, gemmaID)
	retired := map[string]bool{}
	for _, id := range user.Retired {
		retired[id] = true
	}
	kept := base.Requirements[:0]
	for _, r := range base.Requirements {
		if !retired[r.ID] || r.File() == user.File {
			kept = append(kept, r)
		}
	}
	base.Requirements = kept
	// Built-in rules and requirements stop naming what was retired; a
	// built-in rule left without requirements goes.
	drop := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			if !retired[id] {
				out = append(out, id)
			}
		}
		return out
	}
	for _, r := range base.Requirements {
		if r.File() != user.File {
			r.Requires = drop(r.Requires)
		}
	}
	rules := base.Rules[:0]
	for _, r := range base.Rules {
		if r.Pos.File != user.File {
			r.Requirements = drop(r.Requirements)
			if len(r.Requirements) == 0 {
				continue
			}
		}
		rules = append(rules, r)
	}
	base.Rules = rules
	return base
}

func mergeBy[T any](base, add []T, key func(T) string) []T {
	at := map[string]int{}
	for i, x := range base {
		at[key(x)] = i
	}
	for _, x := range add {
		if i, ok := at[key(x)]; ok {
			base[i] = x
			continue
		}
		at[key(x)] = len(base)
		base = append(base, x)
	}
	return base
}
