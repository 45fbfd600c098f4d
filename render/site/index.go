package site

import (
	"encoding/json"
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// The index: every journey in a list the page's script filters, with the
// search data in one JSON element. Filtering toggles the list's items; the
// data holds, per journey, the indexes of its values in each facet and its
// words, so that the page stays small and quick at 7,600 journeys.

type indexBody struct {
	Intro    []string
	Facets   []*facet
	Items    []indexItem
	Data     template.JS
	Total    int
	NoScript string
}

type indexItem struct {
	Href, Title, Desc string
	Meta              []string
	Persona           string
	Channels          []string
}

// facet is one filter of the index.
type facet struct {
	Key, Label string
	Options    []option
	index      map[string]int
}

type option struct {
	Value, Label string
	Count        int
}

func (f *facet) add(value, label string) int {
	if i, ok := f.index[value]; ok {
		f.Options[i].Count++
		return i
	}
	f.index[value] = len(f.Options)
	f.Options = append(f.Options, option{Value: value, Label: label, Count: 1})
	return len(f.Options) - 1
}

// sortBy orders the options and renumbers the journeys' references.
func (f *facet) sortBy(less func(a, b option) bool, refs [][][]int, k int) {
	order := make([]int, len(f.Options))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return less(f.Options[order[a]], f.Options[order[b]]) })
	renum := make([]int, len(order))
	opts := make([]option, len(order))
	for to, from := range order {
		renum[from] = to
		opts[to] = f.Options[from]
		f.index[opts[to].Value] = to
	}
	f.Options = opts
	for _, r := range refs {
		for i, v := range r[k] {
			r[k][i] = renum[v]
		}
		sort.Ints(r[k])
	}
}

// prune drops the options fewer than min journeys have, and their
// references: a filter that finds one journey is no filter, and a
// national collection has a persona of its own in every journey.
func (f *facet) prune(min int, refs [][][]int, k int) {
	renum := make([]int, len(f.Options))
	var opts []option
	for i, o := range f.Options {
		renum[i] = -1
		if o.Count >= min {
			renum[i] = len(opts)
			opts = append(opts, o)
		}
	}
	f.Options = opts
	f.index = map[string]int{}
	for i, o := range opts {
		f.index[o.Value] = i
	}
	for _, r := range refs {
		kept := r[k][:0]
		for _, v := range r[k] {
			if renum[v] >= 0 {
				kept = append(kept, renum[v])
			}
		}
		r[k] = kept
	}
}

// searchData is the JSON the index's script reads.
type searchData struct {
	Facets []searchFacet `json:"facets"`
	Items  []searchItem  `json:"items"`
	// Stop are the words left out of the index, which the script leaves
	// out of a query too.
	Stop []string `json:"stop"`
}

type searchFacet struct {
	Key    string   `json:"key"`
	Values []string `json:"values"`
}

type searchItem struct {
	// F holds, per facet, the indexes of the journey's values.
	F [][]int `json:"f"`
	// W are the journey's words, lower case without accents, once each.
	W string `json:"w"`
	// N are the numbers to sort by: steps, pain points.
	N [2]int `json:"n"`
}

func (b *Builder) indexPage() (*page, error) {
	m := b.s.Model
	v, lang := m.Vocabulary, b.lang()
	keys := []struct{ key, nl, en string }{
		{"domein", "Domein", "Domain"},
		{"vraagsoort", "Vraagsoort", "Question type"},
		{"kanaal", "Kanaal", "Channel"},
		{"actor", "Actor", "Actor"},
		{"persona", "Persona (in meer reizen)", "Persona (in several journeys)"},
		{"gemeente", "Gemeente", "Municipality"},
		{"eis", "Eis (PvE)", "Requirement"},
	}
	facets := make([]*facet, len(keys))
	for i, k := range keys {
		facets[i] = &facet{Key: k.key, Label: b.t(k.nl, k.en), index: map[string]int{}}
	}
	const fDomain, fQType, fChannel, fActor, fPersona, fGemeente, fReq = 0, 1, 2, 3, 4, 5, 6

	reqsOf := map[string][]string{} // journey id → requirement ids, in catalogue order
	for _, r := range b.s.Requirements {
		seen := map[string]bool{}
		for _, p := range r.Places {
			if p.Journey != "" && !seen[p.Journey] {
				seen[p.Journey] = true
				reqsOf[p.Journey] = append(reqsOf[p.Journey], r.ID)
			}
		}
	}

	body := &indexBody{Total: len(b.s.Journeys)}
	refs := make([][][]int, len(b.s.Journeys))
	data := searchData{Items: make([]searchItem, len(b.s.Journeys))}
	steps := 0
	for n, jj := range b.s.Journeys {
		j := jj.Journey
		sum := blueprint.Summarize(j)
		steps += sum.Steps
		r := make([][]int, len(facets))
		for k := range r {
			r[k] = []int{} // [] in the JSON, never null
		}
		set := func(k int, value, label string) {
			i := facets[k].add(value, label)
			for _, x := range r[k] {
				if x == i {
					facets[k].Options[i].Count-- // counted once per journey
					return
				}
			}
			r[k] = append(r[k], i)
		}
		item := indexItem{Href: JourneyPath(j.ID), Title: j.Title, Desc: truncate(firstNonEmpty(j.Description, j.Trigger, j.Goal), 220)}
		if d := v.Domain(j.Domain); d != nil {
			set(fDomain, d.ID, d.Name(lang))
			item.Meta = append(item.Meta, d.Name(lang))
		}
		if q := v.QuestionType(j.QuestionType); q != nil {
			item.Meta = append(item.Meta, q.Name(lang))
		}
		for _, s := range j.Steps {
			if q := v.QuestionType(j.StepQuestionType(s)); q != nil {
				set(fQType, q.ID, q.Name(lang))
			}
		}
		item.Meta = append(item.Meta, plural(b, sum.Steps, "stap", "stappen", "step", "steps"))
		if sum.PainPoints > 0 {
			item.Meta = append(item.Meta, plural(b, sum.PainPoints, "knelpunt", "knelpunten", "pain point", "pain points"))
		}
		for _, c := range sum.Channels {
			set(fChannel, c, b.channelName(c))
			item.Channels = append(item.Channels, b.channelName(c))
		}
		for _, a := range sum.Actors {
			set(fActor, a, b.actorName(a))
		}
		if p := j.Persona; p != nil {
			set(fPersona, p.ID, p.Name+" ("+b.actorName(p.Role)+")")
			item.Persona = p.Name + " (" + b.actorName(p.Role) + ")"
		}
		for _, p := range b.journeyEmployees(j) {
			set(fPersona, p.ID, p.Name+" ("+b.actorName(p.Role)+")")
		}
		if g := Gemeente(m, j); g != "" {
			set(fGemeente, g, g)
		}
		for _, id := range reqsOf[j.ID] {
			r := b.reqs[id]
			set(fReq, id, id+" "+r.Title)
		}
		refs[n] = r
		data.Items[n] = searchItem{F: r, W: b.words(j), N: [2]int{sum.Steps, sum.PainPoints}}
		body.Items = append(body.Items, item)
	}
	byLabel := func(a, b option) bool { return a.Label < b.Label }
	facets[fPersona].prune(2, refs, fPersona)
	facets[fPersona].sortBy(byLabel, refs, fPersona)
	facets[fGemeente].sortBy(byLabel, refs, fGemeente)
	vocabOrder := func(ids []string) func(a, b option) bool {
		pos := map[string]int{}
		for i, id := range ids {
			pos[id] = i
		}
		return func(a, b option) bool { return pos[a.Value] < pos[b.Value] }
	}
	facets[fDomain].sortBy(vocabOrder(v.DomainIDs()), refs, fDomain)
	facets[fQType].sortBy(vocabOrder(v.QuestionTypeIDs()), refs, fQType)
	facets[fChannel].sortBy(vocabOrder(v.ChannelIDs()), refs, fChannel)
	facets[fActor].sortBy(vocabOrder(v.ActorIDs()), refs, fActor)
	var reqIDs []string
	for _, r := range b.s.Requirements {
		reqIDs = append(reqIDs, r.ID)
	}
	facets[fReq].sortBy(vocabOrder(reqIDs), refs, fReq)

	for _, f := range facets {
		sf := searchFacet{Key: f.Key, Values: []string{}}
		for _, o := range f.Options {
			sf.Values = append(sf.Values, o.Value)
		}
		data.Facets = append(data.Facets, sf)
		if len(f.Options) > 0 {
			body.Facets = append(body.Facets, f)
		}
	}
	data.Stop = stopWords
	js, err := json.Marshal(data)
	if err != nil {
		return nil, err
	}
	body.Data = template.JS(js)

	body.Intro = append(body.Intro, fmt.Sprintf(b.t(
		"%s en %s, als service blueprint: wat de klant doet en voelt, wat medewerkers voor en achter de schermen doen, waar het misgaat en wat de gemeente eraan doet.",
		"%s and %s, as service blueprints: what the customer does and feels, what employees do in front of and behind the scenes, where it goes wrong and what the municipality does about it."),
		capitalize(plural(b, len(b.s.Journeys), "klantreis", "klantreizen", "customer journey", "customer journeys")),
		plural(b, steps, "stap", "stappen", "step", "steps")))
	if g := m.Project.Municipalities; len(g) > 0 {
		body.Intro = append(body.Intro, b.t("Gemeenten: ", "Municipalities: ")+strings.Join(g, ", ")+".")
	}
	body.NoScript = b.t("Zoeken en filteren werkt met JavaScript; zonder staat hieronder de hele lijst.",
		"Search and filters need JavaScript; without it, the whole list is below.")
	title := b.t("Klantreizen", "Customer journeys")
	return b.newPage("index", title, "", strings.Join(body.Intro, " "), body), nil
}

// stopWords are the most common Dutch and English words, which find
// nearly every journey and would make up a third of the index.
var stopWords = []string{
	"aan", "al", "als", "bij", "dat", "de", "deze", "die", "dit", "door", "een", "en", "er", "het", "hij", "hoe", "in",
	"is", "je", "kan", "maar", "met", "na", "naar", "niet", "nog", "of", "om", "ook", "op", "over", "te", "tot", "u",
	"uit", "van", "voor", "wat", "wordt", "ze", "zich", "zijn",
	"a", "an", "and", "at", "for", "from", "on", "the", "to", "with",
}

var stopSet = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range stopWords {
		m[w] = true
	}
	return m
}()

// words returns the search words of a journey: its titles and the texts a
// reader looks for (persona, phases, steps, pain points, verbeteracties),
// normalised as the page's script normalises a query, without stop words,
// each once. The script matches the start of a word, so a word that
// starts another one of the journey ("melding", "meldingen") is left out.
func (b *Builder) words(j *blueprint.Journey) string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		for _, w := range strings.Split(blueprint.Slug(s), "-") {
			if w != "" && !seen[w] && !stopSet[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	add(j.ID)
	add(j.Title)
	add(j.Description)
	add(j.Trigger)
	add(j.Goal)
	if p := j.Persona; p != nil {
		add(p.Name)
		add(b.actorName(p.Role))
	}
	for _, p := range j.Phases {
		add(p.Name)
	}
	for _, s := range j.Steps {
		add(s.Title)
		add(s.CustomerAction)
		for _, p := range s.PainPoints {
			add(p)
		}
	}
	for _, im := range j.Improvements {
		add(im.What)
	}
	sort.Strings(out)
	kept := out[:0]
	for i, w := range out {
		if i+1 < len(out) && strings.HasPrefix(out[i+1], w) {
			continue
		}
		kept = append(kept, w)
	}
	return strings.Join(kept, " ")
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
