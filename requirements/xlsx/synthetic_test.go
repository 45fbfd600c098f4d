package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dimpact/blueprint/blueprint"
)

// Synthetic loads n generated journeys of eight steps each, varied in
// channels, question types, systems, waits, emotions, hand-offs, needs and
// pain points, like a national collection of customer journeys.
func Synthetic(t testing.TB, n int) *blueprint.Model {
	t.Helper()
	channels := []string{"telefoon", "chat", "whatsapp", "social-media", "e-mail", "website", "mijn-omgeving", "balie", "post", "app"}
	types := []string{"melding", "informatievraag", "adviesvraag", "aanvraag", "klacht", "latente-behoefte"}
	domains := []string{"burgerzaken", "openbare-ruimte", "werk-en-inkomen", "bouwen-en-wonen"}
	systems := []string{"klantcontactsysteem", "zaaksysteem", "kennisbank", "telefonie", "brp", "meldingensysteem", "sociaal-domein", "digid", "mijn-omgeving", "chatplatform", "webcare", "kto"}
	needs := []string{"Status van de melding zien", "klantcontacthistorie", "Terugbelverzoek met afgesproken tijdstip", "KCC-KZ-003", "Iets heel anders"}
	pains := []string{"De medewerker kan de status niet zien", "Zes minuten in de wacht", "Moet zijn verhaal opnieuw vertellen", "Niemand is bereikbaar"}
	files := make([]blueprint.File, 0, n)
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "id = \"synthetic-%d\"\ntitel = \"Synthetische klantreis %d\"\ndomein = %q\nvraagsoort = %q\n\n", i, i, domains[i%len(domains)], types[i%len(types)])
		fmt.Fprintf(&b, "[persona]\nid = \"persona-%d\"\nnaam = \"Persoon %d\"\nrol = \"inwoner\"\nbehoeften = [\"Horen wanneer het klaar is\"]\n\n", i, i)
		b.WriteString("[[fase]]\nid = \"contact\"\nnaam = \"Contact\"\n\n  [[fase.meetpunt]]\n  naam = \"Eerste contact\"\n  definitie = \"Aandeel in het eerste contact afgehandeld\"\n\n")
		for s := 0; s < 8; s++ {
			k := i + s
			fmt.Fprintf(&b, "[[stap]]\nid = \"s%d\"\nfase = \"contact\"\ntitel = \"Stap %d van reis %d\"\nkanaal = %q\nklantactie = \"Neemt contact op\"\nemotie = %d\n",
				s, s, i, channels[k%len(channels)], k%5-2)
			if s%3 == 1 {
				fmt.Fprintf(&b, "wachttijd = %q\n", []string{"5 minuten", "2 werkdagen", "2 weken"}[k%3])
			}
			if s == 6 {
				b.WriteString("herhaalcontact = true\nfaalpunt = true\n")
			}
			fmt.Fprintf(&b, "behoeften = [%q]\nknelpunten = [%q]\n", needs[k%len(needs)], pains[k%len(pains)])
			fmt.Fprintf(&b, "\n  [[stap.frontoffice]]\n  actor = \"kcc-medewerker\"\n  actie = \"Helpt\"\n")
			fmt.Fprintf(&b, "\n  [[stap.ondersteuning]]\n  systeem = %q\n  actie = \"Ondersteunt\"\n", systems[k%len(systems)])
			if s%4 == 2 {
				b.WriteString("\n  [[stap.overdracht]]\n  van = \"kcc-medewerker\"\n  naar = \"vakafdeling\"\n")
			}
			b.WriteString("\n")
		}
		files = append(files, blueprint.File{Name: fmt.Sprintf("synthetic-%d.toml", i), Src: []byte(b.String())})
	}
	m, diags := blueprint.LoadFiles(files, blueprint.Options{})
	require.False(t, diags.HasErrors(), "synthetic journeys are invalid:\n%s", diags.Error())
	return m
}
