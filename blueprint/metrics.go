package blueprint

import "strings"

// StandardMetric is a metric of the built-in catalogue of common KCC and
// journey metrics: what it measures, how it is computed and where the
// number comes from. A journey names one with catalogus = "…" in a
// [[fase.meetpunt]] instead of writing the definition again; `blueprint
// catalogue` lists them.
type StandardMetric struct {
	ID string
	// Group is the heading the metric is listed under.
	Group MetricGroup
	// NameNL and NameEN are the names.
	NameNL, NameEN string
	// DefinitionNL and DefinitionEN say how the number is computed. A
	// definition with a window ("binnen {termijn}") takes the metric's
	// termijn, or Window.
	DefinitionNL, DefinitionEN string
	// Unit and UnitEN are the unit of the number: "%", "seconden", …
	Unit, UnitEN string
	// SourceNL and SourceEN say where the number comes from.
	SourceNL, SourceEN string
	// HigherIsBetter is the direction of the metric; a norm without a
	// direction word ("90%") is read with it.
	HigherIsBetter bool
	// Window is the default of {termijn}; nil when the definition has none.
	Window *Duration
}

// MetricGroup groups the catalogue for reading.
type MetricGroup int

// The groups of the metrics catalogue, in the order they are listed.
const (
	GroupContact    MetricGroup = iota // contact with the KCC
	GroupHandling                      // handling times and deadlines
	GroupExperience                    // what the customer says
	GroupChannels                      // use of the channels
)

// Name returns the heading of the group in lang.
func (g MetricGroup) Name(lang Lang) string {
	switch g {
	case GroupContact:
		return tr(lang, "Klantcontact (KCC)", "Customer contact (KCC)")
	case GroupHandling:
		return tr(lang, "Afhandeling en termijnen", "Handling and deadlines")
	case GroupExperience:
		return tr(lang, "Klantbeleving", "Customer experience")
	}
	return tr(lang, "Kanalen", "Channels")
}

// Name returns the name of the metric in lang.
func (s *StandardMetric) Name(lang Lang) string { return tr(lang, s.NameNL, s.NameEN) }

// DefinitionFor returns the definition in lang with {termijn} filled in:
// window when given, else the metric's default.
func (s *StandardMetric) DefinitionFor(lang Lang, window *Duration) string {
	d := tr(lang, s.DefinitionNL, s.DefinitionEN)
	if w := window; w != nil || s.Window != nil {
		if w == nil {
			w = s.Window
		}
		d = strings.ReplaceAll(d, "{termijn}", w.Label(lang))
	}
	return d
}

// HasWindow reports whether the definition has a window (termijn).
func (s *StandardMetric) HasWindow() bool { return strings.Contains(s.DefinitionNL, "{termijn}") }

func window(amount float64, u DurationUnit) *Duration { return &Duration{Amount: amount, Unit: u} }

// MetricCatalogue returns the built-in metrics catalogue (a fresh copy
// each call), in the order `blueprint catalogue` lists it.
func MetricCatalogue() []*StandardMetric {
	return []*StandardMetric{
		// --- Klantcontact (KCC) ---
		{ID: "eerste-contact-oplossing", Group: GroupContact,
			NameNL: "Eerste-contactoplossing (FCR)", NameEN: "First-contact resolution (FCR)",
			DefinitionNL: "Aandeel klantvragen dat in het eerste contact volledig is beantwoord of afgehandeld: zonder doorverbinden, terugbelverzoek of doorzetten naar de vakafdeling, en zonder herhaalcontact over dezelfde vraag binnen {termijn}.",
			DefinitionEN: "Share of customer questions fully answered or settled in the first contact: without a transfer, callback request or referral to the specialist department, and without a repeat contact about the same question within {termijn}.",
			Unit:         "%", UnitEN: "%",
			SourceNL:       "Klantcontactsysteem: de afhandelcode van elk contact (direct beantwoord, doorverbonden, terugbelverzoek, doorgezet), gecontroleerd met het herhaalcontact van dezelfde klant",
			SourceEN:       "Customer contact system: the outcome code of each contact (answered, transferred, callback, referred), checked against repeat contacts of the same customer",
			HigherIsBetter: true, Window: window(7, Day)},
		{ID: "herhaalcontact", Group: GroupContact,
			NameNL: "Herhaalcontact", NameEN: "Repeat contact",
			DefinitionNL: "Aandeel contacten waarna dezelfde klant binnen {termijn} opnieuw contact opneemt over dezelfde vraag, zaak of melding, via welk kanaal ook.",
			DefinitionEN: "Share of contacts after which the same customer contacts the gemeente again within {termijn} about the same question, case or report, through any channel.",
			Unit:         "%", UnitEN: "%",
			SourceNL: "Klantcontactsysteem: contacten van dezelfde klant (BSN, KvK-nummer, telefoonnummer of e-mailadres) over hetzelfde onderwerp of zaaknummer, over alle kanalen heen",
			SourceEN: "Customer contact system: contacts of the same customer (BSN, KvK number, phone number or e-mail address) about the same subject or case number, across all channels",
			Window:   window(7, Day)},
		{ID: "vermijdbaar-contact", Group: GroupContact,
			NameNL: "Vermijdbaar contact", NameEN: "Avoidable contact",
			DefinitionNL: "Aandeel contacten dat een vraag is naar de stand van een lopende aanvraag, zaak of melding, of een herhaling van een eerdere vraag: contact dat niet nodig was geweest als de gemeente de klant uit zichzelf had geïnformeerd.",
			DefinitionEN: "Share of contacts that ask about the progress of a running application, case or report, or repeat an earlier question: contact that would not have been needed had the gemeente informed the customer unasked.",
			Unit:         "%", UnitEN: "%",
			SourceNL: "Klantcontactsysteem: het onderwerp en de afhandelcode van elk contact",
			SourceEN: "Customer contact system: the subject and outcome code of each contact"},
		{ID: "wachttijd-telefonie", Group: GroupContact,
			NameNL: "Wachttijd telefonie", NameEN: "Telephone waiting time",
			DefinitionNL: "Gemiddelde tijd tussen het einde van het keuzemenu en het moment dat een medewerker het gesprek aanneemt, over alle aangenomen gesprekken.",
			DefinitionEN: "Average time between the end of the phone menu and the moment an agent answers, over all answered calls (average speed of answer).",
			Unit:         "seconden", UnitEN: "seconds",
			SourceNL: "Telefonieplatform: de wachtrijrapportage (ACD) per wachtrij en per uur",
			SourceEN: "Telephony platform: the queue report (ACD) per queue and per hour"},
		{ID: "servicelevel-telefonie", Group: GroupContact,
			NameNL: "Servicelevel telefonie", NameEN: "Telephone service level",
			DefinitionNL: "Aandeel gesprekken dat binnen {termijn} na het keuzemenu door een medewerker wordt aangenomen, van alle gesprekken die de wachtrij bereiken (ook van bellers die ophangen).",
			DefinitionEN: "Share of calls answered by an agent within {termijn} after the phone menu, of all calls that reach the queue (including callers who hang up).",
			Unit:         "%", UnitEN: "%",
			SourceNL:       "Telefonieplatform: de wachtrijrapportage (ACD)",
			SourceEN:       "Telephony platform: the queue report (ACD)",
			HigherIsBetter: true, Window: window(30, Second)},
		{ID: "verloren-gesprekken", Group: GroupContact,
			NameNL: "Verloren gesprekken", NameEN: "Abandoned calls",
			DefinitionNL: "Aandeel bellers dat in de wachtrij ophangt voordat een medewerker opneemt; wie binnen een paar seconden ophangt (verkeerd gekozen) telt niet mee.",
			DefinitionEN: "Share of callers who hang up in the queue before an agent answers; callers who hang up within a few seconds (a wrong choice) are not counted.",
			Unit:         "%", UnitEN: "%",
			SourceNL: "Telefonieplatform: de wachtrijrapportage (ACD)",
			SourceEN: "Telephony platform: the queue report (ACD)"},
		{ID: "doorverbinden-geslaagd", Group: GroupContact,
			NameNL: "Geslaagd doorverbinden", NameEN: "Successful transfers",
			DefinitionNL: "Aandeel gesprekken dat het KCC doorverbindt en dat een medewerker van de vakafdeling aanneemt, zonder terugval naar het KCC of naar een voicemail.",
			DefinitionEN: "Share of calls the KCC transfers that an employee of the specialist department answers, without falling back to the KCC or to voicemail.",
			Unit:         "%", UnitEN: "%",
			SourceNL:       "Telefonieplatform: de rapportage van doorverbonden gesprekken",
			SourceEN:       "Telephony platform: the report of transferred calls",
			HigherIsBetter: true},
		{ID: "terugbellen-op-tijd", Group: GroupContact,
			NameNL: "Terugbelverzoeken op tijd", NameEN: "Callbacks on time",
			DefinitionNL: "Aandeel terugbelverzoeken waarbij de klant binnen de toegezegde termijn of in het afgesproken tijdvak is gesproken (niet alleen gebeld).",
			DefinitionEN: "Share of callback requests where the customer was spoken to (not just called) within the promised term or the agreed time slot.",
			Unit:         "%", UnitEN: "%",
			SourceNL:       "Klantcontactsysteem: het terugbelverzoek met de toegezegde termijn en de afmelding",
			SourceEN:       "Customer contact system: the callback request with the promised term and its completion",
			HigherIsBetter: true},
		{ID: "wachttijd-chat", Group: GroupContact,
			NameNL: "Wachttijd chat", NameEN: "Chat waiting time",
			DefinitionNL: "Mediane tijd tussen de vraag om een medewerker en de eerste reactie van een medewerker in de chat.",
			DefinitionEN: "Median time between the request for an agent and the agent's first reply in the chat.",
			Unit:         "seconden", UnitEN: "seconds",
			SourceNL: "Chat- en berichtenplatform: de gespreksrapportage",
			SourceEN: "Chat and messaging platform: the conversation report"},
		{ID: "schriftelijk-op-tijd", Group: GroupContact,
			NameNL: "Schriftelijke vragen op tijd beantwoord", NameEN: "Written questions answered on time",
			DefinitionNL: "Aandeel e-mails, webformulieren en brieven met een vraag dat binnen {termijn} inhoudelijk is beantwoord; een ontvangstbevestiging telt niet.",
			DefinitionEN: "Share of e-mails, web forms and letters with a question that received an answer in substance within {termijn}; an acknowledgement of receipt does not count.",
			Unit:         "%", UnitEN: "%",
			SourceNL:       "Klantcontactsysteem of e-mailsysteem: de datum van ontvangst en van het antwoord",
			SourceEN:       "Customer contact system or e-mail system: the date of receipt and of the answer",
			HigherIsBetter: true, Window: window(5, WorkDay)},
		{ID: "reactietijd-webcare", Group: GroupContact,
			NameNL: "Reactietijd webcare", NameEN: "Webcare response time",
			DefinitionNL: "Mediane tijd tussen een bericht aan of over de gemeente op social media en de eerste reactie van webcare, binnen de openingstijden van webcare.",
			DefinitionEN: "Median time between a social-media message to or about the gemeente and the first reply of webcare, within webcare's opening hours.",
			Unit:         "minuten", UnitEN: "minutes",
			SourceNL: "Webcaretool: de rapportage van reactietijden",
			SourceEN: "Webcare tool: the response-time report"},

		// --- Afhandeling en termijnen ---
		{ID: "doorlooptijd-melding", Group: GroupHandling,
			NameNL: "Doorlooptijd melding openbare ruimte", NameEN: "Lead time of a public-space report",
			DefinitionNL: "Mediane tijd tussen het registreren van een melding openbare ruimte en het afmelden als opgelost.",
			DefinitionEN: "Median time between the registration of a public-space report and its completion as solved.",
			Unit:         "werkdagen", UnitEN: "working days",
			SourceNL: "Meldingensysteem (MOR): de datum van registratie en van afmelden",
			SourceEN: "Public-space reporting system (MOR): the date of registration and of completion"},
		{ID: "meldingen-binnen-termijn", Group: GroupHandling,
			NameNL: "Meldingen binnen de termijn opgelost", NameEN: "Reports solved within the term",
			DefinitionNL: "Aandeel meldingen openbare ruimte dat binnen de afhandeltermijn van zijn categorie is opgelost.",
			DefinitionEN: "Share of public-space reports solved within the handling term of their category.",
			Unit:         "%", UnitEN: "%",
			SourceNL:       "Meldingensysteem (MOR): categorie, termijn en datum van afmelden",
			SourceEN:       "Public-space reporting system (MOR): category, term and date of completion",
			HigherIsBetter: true},
		{ID: "doorlooptijd-aanvraag", Group: GroupHandling,
			NameNL: "Doorlooptijd aanvraag", NameEN: "Lead time of an application",
			DefinitionNL: "Mediane tijd tussen de ontvangst van een aanvraag en het besluit of de levering van het product.",
			DefinitionEN: "Median time between the receipt of an application and the decision or the delivery of the product.",
			Unit:         "werkdagen", UnitEN: "working days",
			SourceNL: "Zaaksysteem: de registratiedatum en de einddatum van de zaak",
			SourceEN: "Case management system: the registration date and the end date of the case"},
		{ID: "besluit-binnen-termijn", Group: GroupHandling,
			NameNL: "Besluiten binnen de wettelijke termijn", NameEN: "Decisions within the legal term",
			DefinitionNL: "Aandeel aanvragen waarop binnen de wettelijke beslistermijn (met een eventuele verdaging) is besloten.",
			DefinitionEN: "Share of applications decided within the legal decision term (including any extension).",
			Unit:         "%", UnitEN: "%",
			SourceNL:       "Zaaksysteem: de uiterste einddatum en de besluitdatum van de zaak",
			SourceEN:       "Case management system: the final due date and the decision date of the case",
			HigherIsBetter: true},
		{ID: "klachten-binnen-termijn", Group: GroupHandling,
			NameNL: "Klachten binnen de termijn afgehandeld", NameEN: "Complaints handled within the term",
			DefinitionNL: "Aandeel klachten dat binnen de termijn van de Algemene wet bestuursrecht is afgehandeld: zes weken na ontvangst, of tien weken met een klachtadviescommissie, met ten hoogste vier weken verdaging (artikel 9:11 Awb).",
			DefinitionEN: "Share of complaints handled within the term of the General Administrative Law Act: six weeks after receipt, or ten weeks with a complaints committee, extendable by at most four weeks (article 9:11 Awb).",
			Unit:         "%", UnitEN: "%",
			SourceNL:       "Klachtenregistratie of zaaksysteem: de datum van ontvangst, verdaging en afhandeling",
			SourceEN:       "Complaints register or case management system: the date of receipt, extension and handling",
			HigherIsBetter: true},
		{ID: "klant-op-de-hoogte", Group: GroupHandling,
			NameNL: "Klant op de hoogte gehouden", NameEN: "Customer kept informed",
			DefinitionNL: "Aandeel zaken en meldingen waarbij de klant bij elke statuswijziging uit zichzelf een bericht kreeg.",
			DefinitionEN: "Share of cases and reports where the customer received a message unasked at every change of status.",
			Unit:         "%", UnitEN: "%",
			SourceNL:       "Zaaksysteem of meldingensysteem: de statuswijzigingen en de verzonden berichten per zaak",
			SourceEN:       "Case management or reporting system: the status changes and the messages sent per case",
			HigherIsBetter: true},

		// --- Klantbeleving ---
		{ID: "kto-score", Group: GroupExperience,
			NameNL: "KTO-score", NameEN: "Satisfaction score (KTO)",
			DefinitionNL: "Gemiddeld rapportcijfer (1 tot en met 10) dat klanten geven in een klanttevredenheidsonderzoek kort na het contact of na de afhandeling van hun vraag.",
			DefinitionEN: "Average mark (1 to 10) customers give in a satisfaction survey shortly after the contact or after their question was handled.",
			Unit:         "rapportcijfer (1-10)", UnitEN: "mark (1-10)",
			SourceNL:       "Klanttevredenheidsonderzoek (KTO): de vragenlijst per e-mail of sms na het contact",
			SourceEN:       "Customer satisfaction survey (KTO): the questionnaire by e-mail or text message after the contact",
			HigherIsBetter: true},
		{ID: "klantinspanning", Group: GroupExperience,
			NameNL: "Klantinspanning (CES)", NameEN: "Customer effort (CES)",
			DefinitionNL: "Gemiddelde score op de stelling 'De gemeente maakte het mij gemakkelijk om mijn vraag te regelen', van 1 (helemaal oneens) tot 7 (helemaal eens).",
			DefinitionEN: "Average score on the statement 'The gemeente made it easy for me to handle my question', from 1 (strongly disagree) to 7 (strongly agree).",
			Unit:         "score (1-7)", UnitEN: "score (1-7)",
			SourceNL:       "Klanttevredenheidsonderzoek (KTO): één vraag in de vragenlijst na het contact",
			SourceEN:       "Customer satisfaction survey (KTO): one question in the questionnaire after the contact",
			HigherIsBetter: true},

		// --- Kanalen ---
		{ID: "digitaal-aandeel", Group: GroupChannels,
			NameNL: "Digitaal aandeel", NameEN: "Digital share",
			DefinitionNL: "Aandeel aanvragen, meldingen of vragen over een dienst dat via een digitaal kanaal binnenkomt (website, e-formulier, Mijn-omgeving, app), van alle kanalen samen.",
			DefinitionEN: "Share of applications, reports or questions about a service that arrive through a digital channel (website, e-form, personal portal, app), of all channels together.",
			Unit:         "%", UnitEN: "%",
			SourceNL:       "Zaaksysteem en klantcontactsysteem: het kanaal van binnenkomst van elke zaak en elk contact",
			SourceEN:       "Case management and customer contact system: the channel each case and contact came in through",
			HigherIsBetter: true},
		{ID: "afgebroken-formulieren", Group: GroupChannels,
			NameNL: "Afgebroken e-formulieren", NameEN: "Abandoned e-forms",
			DefinitionNL: "Aandeel gestarte e-formulieren dat niet wordt verstuurd.",
			DefinitionEN: "Share of e-forms started that are not submitted.",
			Unit:         "%", UnitEN: "%",
			SourceNL: "Formulierenplatform of webstatistiek: gestarte en verstuurde formulieren",
			SourceEN: "Forms platform or web analytics: forms started and submitted"},
		{ID: "vindbaarheid-website", Group: GroupChannels,
			NameNL: "Vindbaarheid website", NameEN: "Findability of the website",
			DefinitionNL: "Aandeel bezoekers van een pagina dat op de vraag 'Heeft u gevonden wat u zocht?' ja antwoordt.",
			DefinitionEN: "Share of visitors of a page who answer yes to 'Did you find what you were looking for?'.",
			Unit:         "%", UnitEN: "%",
			SourceNL:       "Webstatistiek: de feedbackvraag onder de pagina",
			SourceEN:       "Web analytics: the feedback question at the bottom of the page",
			HigherIsBetter: true},
	}
}

// builtinMetrics is the catalogue the lookups read; callers get copies.
var builtinMetrics = MetricCatalogue()

// StandardMetricByID returns a copy of the metric of the catalogue with
// id, or nil.
func StandardMetricByID(id string) *StandardMetric {
	for _, s := range builtinMetrics {
		if s.ID == id {
			c := *s
			return &c
		}
	}
	return nil
}

// MetricCatalogueIDs returns the ids of the metrics catalogue in order.
func MetricCatalogueIDs() []string {
	out := make([]string, len(builtinMetrics))
	for i, s := range builtinMetrics {
		out[i] = s.ID
	}
	return out
}
