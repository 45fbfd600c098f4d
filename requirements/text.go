package requirements

import (
	"slices"
	"strings"

	"github.com/dimpact/blueprint/requirements/internal/dutch"
)

// Free text. The text rules (niveau = "tekst") name words and phrases in
// behoefte_bevat and knelpunt_bevat. A text matches a word the way Dutch
// is written (package dutch):
//
//   - the same word, or another form of it: the Snowball stems agree
//     ("terugbelverzoeken" ~ "terugbelverzoek", "koppeling" ~ "koppelen");
//   - a compound that holds the word as its head or its modifier
//     ("tevredenheidsonderzoek" ~ "tevredenheid", "overlastmelding" ~
//     "melding"), with limits against accidents ("paspoort" holds no "pas");
//   - a phrase of several words: the words in that order, each by stem
//     ("weten niet dat" ~ "weet niet dat").
//
// A negated match fires nothing ("spoed die niet voor hem geldt"). The
// rule words are analysed once per catalogue (textIndex), each text once
// per derivation (textMatcher), and the reason says which word of the text
// matched which word of the rule: {treffer} is «tevredenheidsonderzoek» ~
// «tevredenheid».

// textIndex is the analysed words of a catalogue's text rules.
type textIndex struct {
	rules   []textRule
	phrases []*phrase
	// byStem finds the phrases whose (first) word has a stem; byForm the
	// one-word phrases by their folded form, for the parts of compounds.
	byStem, byForm map[string][]int32
}

// textRule is a text rule with its phrases, in the catalogue's order.
type textRule struct {
	rule       *Rule
	need, pain []int32 // indexes in textIndex.phrases
}

// phrase is one word or phrase of a rule, analysed.
type phrase struct {
	word  string // as the catalogue writes it
	words []dutch.Word
	// negates is set when the phrase holds a negation itself ("geen
	// gehoor"): then the match is the negation, not negated by it.
	negates bool
	// stressed marks the words written with a stress accent ("vóórdat",
	// "één"): they match only as written, for the stem drops the accent.
	stressed []bool
}

// match says where a phrase matched a text and how.
type match struct {
	phrase *phrase
	got    string // the words of the text that matched, as written
}

// newTextIndex analyses the words of the text rules of c.
func newTextIndex(c *Catalogue) *textIndex {
	x := &textIndex{byStem: map[string][]int32{}, byForm: map[string][]int32{}}
	st := dutch.NewStemmer()
	ids := map[string]int32{}
	add := func(words []string) []int32 {
		var out []int32
		for _, w := range words {
			if id, ok := ids[w]; ok {
				out = append(out, id)
				continue
			}
			t := st.Analyse(w)
			if len(t.Words) == 0 {
				continue // the catalogue check reports an empty word
			}
			p := &phrase{word: w, words: t.Words, stressed: make([]bool, len(t.Words))}
			for k, pw := range t.Words {
				p.negates = p.negates || dutch.IsNegation(pw.Form)
				p.stressed[k] = dutch.Stressed(pw.Form)
			}
			id := int32(len(x.phrases))
			ids[w] = id
			x.phrases = append(x.phrases, p)
			x.byStem[t.Words[0].Stem] = append(x.byStem[t.Words[0].Stem], id)
			if len(t.Words) == 1 && len(t.Words[0].Form) >= dutch.MinPart {
				x.byForm[t.Words[0].Form] = append(x.byForm[t.Words[0].Form], id)
			}
			out = append(out, id)
		}
		return out
	}
	for _, r := range c.Rules {
		if r.Level != LevelText || r.When == nil {
			continue
		}
		x.rules = append(x.rules, textRule{rule: r, need: add(r.When.NeedContains), pain: add(r.When.PainContains)})
	}
	return x
}

// textMatcher matches the texts of one derivation against a textIndex. It
// remembers each text it analysed: journeys repeat their texts.
type textMatcher struct {
	x       *textIndex
	stemmer *dutch.Stemmer
	seen    map[textKey][]match // by text: the phrases it matches, by phrase index
	cands   map[string][]int32  // by word: the phrases that may match it
	mark    []uint32            // per phrase: the text generation that matched it
	at      []match             // per phrase: where, valid when mark is current
	gen     uint32
}

type textKey struct {
	text string
	need bool
}

func newTextMatcher(x *textIndex) *textMatcher {
	return &textMatcher{x: x, stemmer: dutch.NewStemmer(), seen: map[textKey][]match{}, cands: map[string][]int32{},
		mark: make([]uint32, len(x.phrases)), at: make([]match, len(x.phrases))}
}

// matches returns the phrases that match text and are not negated, in the
// order of the index; need says whether the text is a need.
func (m *textMatcher) matches(text string, need bool) []match {
	key := textKey{text, need}
	if hits, ok := m.seen[key]; ok {
		return hits
	}
	t := m.stemmer.Analyse(text)
	m.gen++
	var found []int32
	try := func(id int32, i int) {
		if m.mark[id] == m.gen {
			return
		}
		p := m.x.phrases[id]
		j, ok := p.at(t, i)
		if !ok {
			return
		}
		if !p.negates {
			if _, neg := t.Negated(i, j, need); neg {
				return
			}
		}
		m.mark[id] = m.gen
		m.at[id] = match{phrase: p, got: t.Span(i, j)}
		found = append(found, id)
	}
	for i, w := range t.Words {
		for _, id := range m.candidates(w) {
			try(id, i)
		}
	}
	hits := make([]match, len(found))
	for n, id := range found {
		hits[n] = m.at[id]
	}
	m.seen[key] = hits
	return hits
}

// candidates returns the phrases that may match at word w: those whose
// (first) word has the stem of w, and the one-word phrases that may be a
// part of w as a compound. at() decides. The list is made once per
// distinct word: a text vocabulary is small.
func (m *textMatcher) candidates(w dutch.Word) []int32 {
	if c, ok := m.cands[w.Form]; ok {
		return c
	}
	var c []int32
	add := func(ids []int32) {
		for _, id := range ids {
			if !slices.Contains(c, id) {
				c = append(c, id)
			}
		}
	}
	add(m.x.byStem[w.Stem])
	// Compounds: every split into two parts of at least MinPart letters,
	// the first part a modifier, the rest a head (by stem, or as written
	// with an inflection).
	for k := dutch.MinPart; k+dutch.MinPart <= len(w.Form); k++ {
		add(m.x.byForm[w.Form[:k]])
		for _, e := range dutch.Inflections {
			if body, ok := strings.CutSuffix(w.Form, e); ok && k < len(body) {
				add(m.x.byForm[body[k:]])
			}
		}
	}
	for k := dutch.MinPart; k+dutch.MinPart <= len(w.Stem); k++ {
		add(m.x.byStem[w.Stem[k:]])
	}
	slices.Sort(c) // the index order: deterministic, whatever the splits
	m.cands[w.Form] = c
	return c
}

// at reports whether the phrase matches t at word i, and where the match
// ends.
func (p *phrase) at(t *dutch.Text, i int) (int, bool) {
	if len(p.words) == 1 && !p.stressed[0] {
		w, pw := t.Words[i], p.words[0]
		return i + 1, w.Stem == pw.Stem || dutch.Head(w, pw.Form, pw.Stem) || dutch.Modifier(w, pw.Form)
	}
	if i+len(p.words) > len(t.Words) {
		return 0, false
	}
	for k, pw := range p.words {
		if w := t.Words[i+k]; w.Stem != pw.Stem || p.stressed[k] && w.Form != pw.Form {
			return 0, false
		}
	}
	return i + len(p.words), true
}

// first returns the first of ids (a rule's words, in the catalogue's
// order) among hits.
func first(ids []int32, x *textIndex, hits []match) (match, bool) {
	for _, id := range ids {
		for _, h := range hits {
			if h.phrase == x.phrases[id] {
				return h, true
			}
		}
	}
	return match{}, false
}

// explain says which words of the text matched which rule word: «status»
// when they are the same word, «Statusberichten» ~ «status» when not.
func (h match) explain() string {
	if dutch.Fold(h.got) == dutch.Fold(h.phrase.word) {
		return "«" + h.phrase.word + "»"
	}
	return "«" + h.got + "» ~ «" + h.phrase.word + "»"
}

// textMatcher returns the derivation's matcher of free texts.
func (dv *deriver) textMatcher() *textMatcher {
	if dv.text == nil {
		x := dv.cat.text
		if x == nil { // a catalogue built in memory, not loaded
			x = newTextIndex(dv.cat)
		}
		dv.text = newTextMatcher(x)
	}
	return dv.text
}
