package blueprint

import (
	"regexp"
	"strings"
)

// syntaxRule turns a message of the TOML library into words a person who
// edits text files (not a programmer) understands, with the likely fix.
type syntaxRule struct {
	match         *regexp.Regexp
	summary, hint msg
}

var syntaxRules = []syntaxRule{
	{regexp.MustCompile(`to end table name`),
		msg{"tabelkop is niet afgesloten", "table header is not closed"},
		msg{"sluit af met ]] (zoals [[stap]]) of ] (zoals [persona])", "close it with ]] (as in [[stap]]) or ] (as in [persona])"}},
	{regexp.MustCompile(`^expected value but found "`),
		msg{"tekst staat niet tussen aanhalingstekens", "text is not in quotes"},
		msg{`zet tekst tussen aanhalingstekens, zoals titel = "Johan belt"`, `put text in quotes, as in titel = "Johan belt"`}},
	{regexp.MustCompile(`^expected value but found`),
		msg{"hier ontbreekt een waarde", "a value is missing here"},
		msg{`schrijf sleutel = waarde, met één =`, `write key = value, with one =`}},
	{regexp.MustCompile(`strings cannot contain newlines|unexpected EOF`),
		msg{"tekst is niet afgesloten", "text is not closed"},
		msg{`sluit af met " op dezelfde regel; voor tekst over meer regels: """ … """`, `close it with " on the same line; for text over several lines: """ … """`}},
	{regexp.MustCompile(`^Key '([^']*)' has already been defined`),
		msg{"sleutel %q staat hier voor de tweede keer", "key %q is written a second time here"},
		msg{"haal er één weg; een nieuwe stap begint met [[stap]]", "remove one; a new step starts with [[stap]]"}},
	{regexp.MustCompile(`^Key '([^']*)' was already created and cannot be used as an array`),
		msg{"%q is eerder als enkele tabel geschreven", "%q was written before as a single table"},
		msg{"gebruik overal dubbele haken, zoals [[stap]]", "use double brackets everywhere, as in [[stap]]"}},
	{regexp.MustCompile(`array terminator`),
		msg{"lijst is niet goed afgesloten", "list is not closed properly"},
		msg{`scheid de elementen met komma's en sluit af met ], zoals ["a", "b"]`, `separate the elements with commas and close with ], as in ["a", "b"]`}},
	{regexp.MustCompile(`expected '\.' or '='`),
		msg{"na een sleutel hoort een =", "a key must be followed by ="},
		msg{`schrijf sleutel = waarde, zoals kanaal = "telefoon"`, `write key = value, as in kanaal = "telefoon"`}},
	{regexp.MustCompile(`to end with a newline`),
		msg{"er staat meer op deze regel dan één sleutel = waarde", "there is more on this line than one key = value"},
		msg{`zet elke sleutel op een eigen regel; staat er een ' in tekst tussen '…'? gebruik dan "…"`, `put each key on its own line; is there a ' inside text in '…'? use "…" instead`}},
	{regexp.MustCompile(`cannot contain control characters`),
		msg{"hier staat een onzichtbaar stuurteken, dat niet in een klantreis mag staan", "there is an invisible control character here, which a journey may not hold"},
		msg{`haal het weg; een tab of een nieuwe regel in tekst schrijft u als \t of \n`, `remove it; write a tab or a new line in text as \t or \n`}},
	{regexp.MustCompile(`invalid UTF-8`),
		msg{"het bestand is geen UTF-8-tekst: hier staat een teken dat niet te lezen is", "the file is not UTF-8 text: there is a character here that cannot be read"},
		msg{"sla het bestand op met de codering UTF-8 (in Kladblok: Opslaan als, Codering: UTF-8)", "save the file with the UTF-8 encoding (in Notepad: Save as, Encoding: UTF-8)"}},
	{regexp.MustCompile(`(?i)expected a digit|invalid (float|integer)|invalid number`),
		msg{"ongeldig getal", "invalid number"},
		msg{"schrijf een geheel getal, zoals emotie = -1", "write a whole number, as in emotie = -1"}},
}

// explainSyntax returns the summary and hint for a TOML syntax error.
func explainSyntax(lang Lang, message string) (string, string) {
	for _, r := range syntaxRules {
		m := r.match.FindStringSubmatch(message)
		if m == nil {
			continue
		}
		summary := pick(lang, r.summary)
		if len(m) > 1 && strings.Contains(summary, "%q") {
			key := m[1]
			if i := strings.LastIndexByte(key, '.'); i >= 0 {
				key = key[i+1:]
			}
			summary = strings.Replace(summary, "%q", `"`+key+`"`, 1)
		}
		return summary, pick(lang, r.hint)
	}
	return tr(lang, "syntaxfout: ", "syntax error: ") + message, tr(lang, "controleer deze regel", "check this line")
}
