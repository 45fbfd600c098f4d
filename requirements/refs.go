package requirements

import (
	"fmt"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// CheckReferences reports, without deriving, what Derive would reject or
// warn about in the references of the journeys to the catalogue: an entry
// of a step's eisen or of a [[prioriteit]] that is not a requirement id or
// function key (an error), and a one-word behoefte that is one (a warning:
// behoeften are free text, references go in eisen). blueprint validate
// runs it, so a file that validates does not fail in blueprint matrix.
func CheckReferences(m *blueprint.Model, cat *Catalogue, lang blueprint.Lang) blueprint.Diagnostics {
	d := blueprint.NewCollector(lang)
	if m == nil || cat == nil {
		return nil
	}
	for _, p := range m.Project.Priorities {
		checkPriorityRef(d, cat, p)
	}
	for _, j := range m.Journeys {
		for _, s := range j.Steps {
			for i, ref := range s.Refs {
				if key := strings.TrimSpace(ref); cat.Requirement(key) == nil && cat.Function(key) == nil {
					unknownRef(d, cat, s.ElemAt("eisen", i), ref)
				}
			}
			for i, n := range s.Needs {
				needIsRef(d, cat, s.ElemAt("behoeften", i), n)
			}
		}
		for _, p := range j.Priorities {
			checkPriorityRef(d, cat, p)
		}
	}
	d.Diags.Sort()
	return d.Diags
}

// HasReferences reports whether the model names anything CheckReferences
// would look up: a priority, an entry of eisen, or a one-word behoefte. A
// model without any need not load a catalogue to be checked, which keeps
// blueprint validate as quick as the loader.
func HasReferences(m *blueprint.Model) bool {
	if m == nil {
		return false
	}
	if len(m.Project.Priorities) > 0 {
		return true
	}
	for _, j := range m.Journeys {
		if len(j.Priorities) > 0 {
			return true
		}
		for _, s := range j.Steps {
			if len(s.Refs) > 0 {
				return true
			}
			for _, n := range s.Needs {
				if oneWord(n) {
					return true
				}
			}
		}
	}
	return false
}

// unknownRef reports an entry of eisen that the catalogue does not know.
func unknownRef(d *blueprint.Collector, cat *Catalogue, pos blueprint.Pos, key string) {
	key = strings.TrimSpace(key)
	x := d.Errorf(pos, "unknown-need-key", "onbekende verwijzing %q in eisen: geen eis-id of functiesleutel van de catalogus",
		"unknown reference %q in eisen: not a requirement id or function key of the catalogue", key)
	if sug := blueprint.Suggest(key, append(cat.functionKeys(), cat.requirementIDs()...)); sug != "" {
		d.Hint(x, "bedoelde u %q? (een behoefte in gewone woorden hoort in behoeften)", "did you mean %q? (a need in plain words belongs in behoeften)", sug)
	} else {
		d.Hint(x, "noem een functiesleutel zoals \"klantcontacthistorie\" of een eis-id zoals \"KCC-CR-002\" (blueprint matrix --catalogue-template); een behoefte in gewone woorden hoort in behoeften",
			"name a function key such as \"klantcontacthistorie\" or a requirement id such as \"KCC-CR-002\" (blueprint matrix --catalogue-template); a need in plain words belongs in behoeften")
	}
}

// refOf returns the requirement id or function key a one-word behoefte
// spells (case-insensitive), or "".
func refOf(cat *Catalogue, need string) string {
	if !oneWord(need) {
		return ""
	}
	n := strings.TrimSpace(need)
	if r := cat.Requirement(strings.ToUpper(n)); r != nil {
		return r.ID
	}
	for _, f := range cat.Functions {
		if strings.EqualFold(f.Key, n) {
			return f.Key
		}
	}
	return ""
}

// needIsRef warns about a behoefte that is a requirement id or function
// key: behoeften are free text, so it names nothing. It reports whether
// it warned.
func needIsRef(d *blueprint.Collector, cat *Catalogue, pos blueprint.Pos, need string) bool {
	ref := refOf(cat, need)
	if ref == "" {
		return false
	}
	x := d.Warnf(pos, "need-is-reference", "behoefte %q is een %s van de catalogus; behoeften zijn vrije tekst",
		"need %q is a %s of the catalogue; behoeften are free text", need, refKind(cat, ref))
	d.Hint(x, "zet hem in eisen: eisen = [%q]", "move it to eisen: eisen = [%q]", ref)
	return true
}

func refKind(cat *Catalogue, ref string) string {
	if cat.Requirement(ref) != nil {
		return "eis-id"
	}
	return "functiesleutel"
}

// checkPriorityRef reports a [[prioriteit]] that names neither a
// requirement id nor a function key. It reports whether the reference is
// known.
func checkPriorityRef(d *blueprint.Collector, cat *Catalogue, p *blueprint.PriorityOverride) bool {
	if len(cat.targets(p.Requirement)) > 0 {
		return true
	}
	x := d.Errorf(p.At("eis"), "unknown-requirement", "[[prioriteit]] noemt %q: geen eis-id of functiesleutel van de catalogus",
		"[[prioriteit]] names %q: not a requirement id or function key of the catalogue", p.Requirement)
	if sug := blueprint.Suggest(p.Requirement, append(cat.requirementIDs(), cat.functionKeys()...)); sug != "" {
		d.Hint(x, "bedoelde u %q?", "did you mean %q?", sug)
	} else {
		d.Hint(x, "de eisen en functies staan in blueprint matrix --catalogue-template", "the requirements and functions are listed by blueprint matrix --catalogue-template")
	}
	return false
}

// refs applies a step's eisen: each requirement id or function key makes
// its requirements explicit needs of the step. Unknown references are
// errors.
func (dv *deriver) refs(j *blueprint.Journey, s *blueprint.Step) {
	for i, ref := range s.Refs {
		key := strings.TrimSpace(ref)
		pos := s.ElemAt("eisen", i)
		if r := dv.cat.Requirement(key); r != nil {
			dv.add(r, &Trace{Kind: TraceNeed, Journey: j, Phase: j.Phase(s.Phase), Step: s, Explicit: true, Pos: pos,
				Reason: dv.intern(fmt.Sprintf(dv.t("eisen noemt %s", "eisen names %s"), r.ID))})
			dv.evOf(r).explicitID = true
			continue
		}
		if f := dv.cat.Function(key); f != nil {
			reason := dv.intern(fmt.Sprintf(dv.t("eisen noemt functie %s", "eisen names function %s"), f.Key))
			for _, r := range dv.cat.RequirementsOf(key) {
				dv.add(r, &Trace{Kind: TraceNeed, Journey: j, Phase: j.Phase(s.Phase), Step: s, Explicit: true, Pos: pos, Reason: reason})
				dv.evOf(r).explicitFn = true
			}
			continue
		}
		unknownRef(dv.d, dv.cat, pos, key)
	}
}

// oneWord reports whether a behoefte is a single word, the shape of a
// requirement id or function key.
func oneWord(need string) bool {
	n := strings.TrimSpace(need)
	return n != "" && !strings.ContainsAny(n, " \t\n")
}
