// Package dutch reads Dutch free text the way it is written, for the text
// rules of the requirements catalogue: it splits a text into words and
// clauses, reduces words to their Snowball stem, finds a catalogue word
// inside a compound ("tevredenheidsonderzoek" holds "tevredenheid" and
// "onderzoek") and tells whether a match is negated ("spoed die niet voor
// hem geldt").
//
// The package knows no catalogue: package requirements builds phrases from
// the rule words once and analyses each text once.
package dutch

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	snowdutch "github.com/blevesearch/snowballstem/dutch"
)

// Word is one word of a text.
type Word struct {
	// Start and End are the byte offsets of the word in the text.
	Start, End int
	// Form is the word in lower case without diacritics ("vóórdat" is
	// "voordat").
	Form string
	// Stem is the stem of Form.
	Stem string
	// Clause numbers the clauses of the text: punctuation and the
	// conjunctions in clauseWords start a new one.
	Clause int
}

// Text is an analysed text.
type Text struct {
	Source string
	Words  []Word
}

// Span returns the text from word i up to (not including) word j as
// written.
func (t *Text) Span(i, j int) string { return t.Source[t.Words[i].Start:t.Words[j-1].End] }

// Stemmer stems words and remembers the stems: a text vocabulary is small
// compared to the number of words read. A Stemmer is not safe for
// concurrent use.
type Stemmer struct {
	cache map[string]string
	env   *snowballstem.Env
}

// NewStemmer returns an empty stemmer.
func NewStemmer() *Stemmer {
	return &Stemmer{cache: map[string]string{}, env: snowballstem.NewEnv("")}
}

// Stem returns the stem of a folded word (see Fold): the Snowball Dutch
// stem, with the spelling alternations Snowball leaves (brieven → briev,
// statussen → statuss, notificaties) evened out, so that the forms of a
// word share one stem.
func (s *Stemmer) Stem(form string) string {
	if st, ok := s.cache[form]; ok {
		return st
	}
	st := form
	if len(form) > 2 && !keep[form] {
		s.env.SetCurrent(form)
		snowdutch.Stem(s.env)
		st = even(s.env.Current())
	}
	s.cache[form] = st
	return st
}

// keep are words whose stem is the word: the negations, which Snowball
// would make one ("niets" → "niet").
var keep = map[string]bool{"niets": true, "niet": true, "geen": true, "nooit": true, "niemand": true, "nergens": true, "zonder": true}

// even evens out what Snowball leaves of Dutch spelling alternations: a
// final v or z (brieven, reizen) becomes f or s, a doubled final
// consonant (statussen) is undoubled, the plural -ies (notificaties)
// loses its s, and the verb ending -dt (doorverbindt) its t.
func even(st string) string {
	n := len(st)
	if n < 3 {
		return st
	}
	switch {
	case strings.HasSuffix(st, "ies"), strings.HasSuffix(st, "dt"):
		return st[:n-1]
	case st[n-1] == st[n-2] && !isVowel(st[n-1]):
		return st[:n-1]
	case st[n-1] == 'v':
		return st[:n-1] + "f"
	case st[n-1] == 'z':
		return st[:n-1] + "s"
	}
	return st
}

func isVowel(b byte) bool { return strings.IndexByte("aeiouy", b) >= 0 }

// Fold returns s in lower case, without the diaeresis ("coördinator",
// "geïnformeerd" are "coordinator", "geinformeerd") and with a capital Eén
// written één. Acute accents stay: they stress a word ("vóórdat", "één"
// against the article "een").
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || (s[i] >= 'A' && s[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if p, ok := plain[r]; ok {
			r = p
		}
		b.WriteRune(r)
	}
	f := b.String()
	if strings.HasPrefix(f, "eén") {
		f = "één" + f[len("eén"):]
	}
	return f
}

// Stressed reports whether a folded word carries a stress accent, as in
// "vóórdat" or "één".
func Stressed(form string) bool { return strings.ContainsAny(form, "áéíóú") }

// plain maps the letters with a diaeresis to plain ones.
var plain = map[rune]rune{'ä': 'a', 'ë': 'e', 'ï': 'i', 'ö': 'o', 'ü': 'u'}

// clauseWords start a new clause, as punctuation does: a negation in one
// clause says nothing about a word in the next ("niet in een pdf, maar op
// de webpagina").
var clauseWords = map[string]bool{"maar": true, "want": true, "omdat": true, "zodat": true, "terwijl": true, "doch": true, "behalve": true}

// Analyse splits s into words (runs of letters and digits; a hyphen or an
// apostrophe separates words) and clauses, and stems every word.
func (s *Stemmer) Analyse(src string) *Text {
	t := &Text{Source: src, Words: make([]Word, 0, strings.Count(src, " ")+1)}
	clause := 0
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		form := Fold(src[start:end])
		if clauseWords[form] {
			clause++
		}
		t.Words = append(t.Words, Word{Start: start, End: end, Form: form, Stem: s.Stem(form), Clause: clause})
		start = -1
	}
	for i, r := range src {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		if strings.ContainsRune(",;:.!?()[]–—\"«»\n", r) {
			clause++
		}
	}
	flush(len(src))
	return t
}

// Compounds.
//
// A catalogue word is found inside a longer word when the longer word is a
// compound with the catalogue word as its head ("overlastmelding" ends in
// "melding") or as its modifier, possibly with the linking -s- or -en-
// ("tevredenheid-s-onderzoek", "klacht-en-coördinator"). These limits keep
// accidents out:
//
//   - both parts have at least MinPart letters, so "pas" is never found in
//     "paspoort", nor "spoed" in "spoedig";
//   - a head that is a derivational ending ("-lijk", "-heid", "-eren") is
//     no part: "gevaarlijk" is not a compound of "gevaar";
//   - a modifier that is a verbal prefix ("over-", "door-", "voor-") is no
//     part: "overleg" holds no "leg";
//   - words that look like compounds but are not ("noodzakelijk",
//     "paspoort") are never split (notCompounds).

// MinPart is the least number of letters of either part of a compound.
const MinPart = 4

// suffixes are endings that make a derived word, not a compound head.
var suffixes = map[string]bool{
	"heid": true, "heden": true, "lijk": true, "lijke": true, "elijk": true, "elijke": true, "baar": true, "bare": true,
	"achtig": true, "achtige": true, "isch": true, "ische": true, "eren": true, "erij": true, "ster": true, "tjes": true,
	"ing": true, "ingen": true, "ling": true, "loos": true, "loze": true, "schap": true, "zaam": true, "zame": true,
	"tie": true, "ties": true, "atie": true, "aties": true, "ende": true, "enden": true, "ers": true, "heids": true,
}

// prefixes are verbal and adverbial prefixes of four or more letters:
// "overleg", "doorgaan", "voorwaarde", "terugkomen" are no compounds of a
// modifier and a head in the sense of the catalogue.
var prefixes = map[string]bool{
	"over": true, "onder": true, "door": true, "voor": true, "terug": true, "achter": true, "tegen": true,
	"mede": true, "samen": true, "weder": true, "binnen": true, "buiten": true, "boven": true, "rond": true,
}

// notCompounds are words that look like a compound of a catalogue word and
// another word but are one word.
var notCompounds = map[string]bool{
	"noodzaak": true, "noodzakelijk": true, "noodzakelijke": true, "noodzakelijkerwijs": true,
	"paspoort": true, "paspoorten": true, "statusje": true, "piekeren": true, "spoedig": true, "spoedige": true,
}

// Head reports whether the catalogue word (its folded form and its stem)
// is the head of the compound w: w ends in the word, maybe inflected,
// after a modifier of at least MinPart letters that is not a prefix.
// Snowball stems a long word further than a short one ("overlastmelding"
// → "overlastmeld", "melding" stays), so both the stem and the written
// form with an inflection are tried.
func Head(w Word, form, stem string) bool {
	if notCompounds[w.Form] {
		return false
	}
	if len(stem) >= MinPart && len(w.Stem) >= len(stem)+MinPart && strings.HasSuffix(w.Stem, stem) && !prefixes[w.Stem[:len(w.Stem)-len(stem)]] {
		return true
	}
	if len(form) < MinPart {
		return false
	}
	for _, e := range Inflections {
		body, ok := strings.CutSuffix(w.Form, e)
		if ok && len(body) >= len(form)+MinPart && strings.HasSuffix(body, form) && !prefixes[body[:len(body)-len(form)]] {
			return true
		}
	}
	return false
}

// Inflections are the endings a compound's head may carry: the plural and
// the inflected adjective.
var Inflections = []string{"", "s", "en", "e", "n", "es"}

// Modifier reports whether the catalogue word form is the modifier of the
// compound w: w starts with form, maybe a linking -s- or -en-, and a head
// of at least MinPart letters that is not a derivational ending.
func Modifier(w Word, form string) bool {
	if len(form) < MinPart || len(w.Form) < len(form)+MinPart || !strings.HasPrefix(w.Form, form) || notCompounds[w.Form] {
		return false
	}
	rest := w.Form[len(form):]
	if suffixes[rest] {
		return false
	}
	for _, link := range []string{"", "s", "en"} {
		if head, ok := strings.CutPrefix(rest, link); ok && len(head) >= MinPart && !suffixes[head] {
			return true
		}
	}
	return false
}

// Negation.
//
// A match is negated, and fires no rule, when a negation in its clause
// says the matched thing is not wanted or does not apply:
//
//   - in a need, geen, niet, zonder or nooit before the match, with at
//     most Window words between ("geen DigiD", "zonder eHerkenning", "niet in een pdf");
//   - in a need or a pain point, a negation after the match with a verb of
//     applying ("spoed die niet voor hem geldt", "DigiD is niet nodig").
//
// A negation of a burden does not cancel: "niet meer hoeven bellen", "niet
// opnieuw vertellen", "geen lange wachttijd" express a need. And a pain
// point is the lack itself: "geen bevestiging ontvangen" is a pain that
// the bevestiging answers, so a negation before the match keeps it.

// negations are the words that negate.
var negations = map[string]bool{"geen": true, "niet": true, "zonder": true, "nooit": true}

// burdens follow a negation that negates a burden, not the thing named.
var burdens = map[string]bool{
	"meer": true, "opnieuw": true, "weer": true, "steeds": true, "nogmaals": true, "nog": true, "telkens": true,
	"lang": true, "lange": true, "langer": true, "eindeloos": true, "hoeven": true, "hoeft": true, "hoef": true,
	"te": true, "alleen": true, "zelf": true,
}

// applies are the verbs and words that say whether something applies.
var applies = map[string]bool{
	"geldt": true, "gelden": true, "gold": true, "golden": true, "nodig": true, "toepassing": true, "speelt": true,
	"spelen": true, "telt": true, "tellen": true, "betreft": true, "hoeft": true, "hoeven": true,
}

// Window is how many words may stand between a negation and the match it
// negates.
const Window = 3

// IsNegation reports whether a folded word negates.
func IsNegation(form string) bool { return negations[form] }

// Negated reports whether the match of words [i, j) in t is negated; need
// says whether t is a need rather than a pain point. It returns the
// negation found.
func (t *Text) Negated(i, j int, need bool) (string, bool) {
	ws := t.Words
	c := ws[i].Clause
	if need {
		for k := i - 1; k >= 0 && k >= i-Window-1 && ws[k].Clause == c; k-- {
			if negations[ws[k].Form] && !t.burden(k) {
				return t.Span(k, k+1), true
			}
		}
	}
	for k := j; k < len(ws) && ws[k].Clause == c; k++ {
		if !negations[ws[k].Form] || t.burden(k) {
			continue
		}
		for l := j; l < len(ws) && ws[l].Clause == c; l++ {
			if applies[ws[l].Form] {
				return t.Span(k, k+1), true
			}
		}
	}
	return "", false
}

// burden reports whether the negation at word k negates a burden: one of
// the next two words is in burdens.
func (t *Text) burden(k int) bool {
	for l := k + 1; l < len(t.Words) && l <= k+2 && t.Words[l].Clause == t.Words[k].Clause; l++ {
		if burdens[t.Words[l].Form] {
			return true
		}
	}
	return false
}
