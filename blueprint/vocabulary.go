package blueprint

import (
	"strings"
	"unicode"
)

// Term is an entry of a catalogue: a stable id used in journey files, a
// Dutch label and an English name.
type Term struct {
	Source
	ID          string `toml:"id,required"`
	Label       string `toml:"naam,required"`
	NameEN      string `toml:"naam_en"`
	Description string `toml:"omschrijving"`
	// BuiltIn is true for entries that ship with the tool.
	BuiltIn bool `toml:"-"`
}

// Name returns the label in lang (the Dutch label when no English name was
// given).
func (t *Term) Name(lang Lang) string {
	if lang == English && t.NameEN != "" {
		return t.NameEN
	}
	return t.Label
}

// ChannelKind groups channels by how a conversation runs over them; the
// requirements rules and the diagrams use it for channels a project adds.
type ChannelKind string

// The kinds of channel.
const (
	ChannelInPerson ChannelKind = "fysiek"       // balie, huisbezoek
	ChannelPhone    ChannelKind = "telefonisch"  // telefoon
	ChannelWritten  ChannelKind = "schriftelijk" // post, e-mail
	ChannelChat     ChannelKind = "chat"         // chat, WhatsApp, sms
	ChannelSocial   ChannelKind = "sociaal"      // social media
	ChannelOnline   ChannelKind = "online"       // website, app, Mijn-omgeving
)

// ChannelKinds lists the kinds in a fixed order (a fresh slice each call).
func ChannelKinds() []ChannelKind {
	return []ChannelKind{ChannelInPerson, ChannelPhone, ChannelWritten, ChannelChat, ChannelSocial, ChannelOnline}
}

// Channel is a way the customer and the gemeente reach each other.
type Channel struct {
	Term
	Kind ChannelKind `toml:"soort,required"`
	// Colour is an optional #rrggbb colour for diagrams.
	Colour string `toml:"kleur"`
	// Partner is the actor (of kind partner) whose channel this is, for a
	// channel that is not the gemeente's own: Mijn UWV, the phone line of
	// the curator. Empty for the gemeente's channels.
	Partner string `toml:"partner"`
}

// ActorKind says on which side of the counter an actor stands.
type ActorKind string

// The kinds of actor.
const (
	ActorCustomer ActorKind = "klant"      // inwoner, ondernemer, instelling
	ActorEmployee ActorKind = "medewerker" // KCC, vakafdeling, manager
	ActorPartner  ActorKind = "partner"    // ketenpartner, aannemer
)

// ActorKinds lists the kinds in a fixed order (a fresh slice each call).
func ActorKinds() []ActorKind { return []ActorKind{ActorCustomer, ActorEmployee, ActorPartner} }

// ActorRole says what an actor does for the customer's question; the
// requirements rules match hand-offs and actors on roles, so an own actor
// such as "Vakafdeling Vergunningen" or "UWV" gets the requirements of its
// role.
type ActorRole string

// The roles of actors.
const (
	RoleCustomer   ActorRole = "klant"             // inwoner, ondernemer, instelling
	RoleKCC        ActorRole = "kcc"               // KCC, balie, webcare, ondernemersloket
	RoleDepartment ActorRole = "vakafdeling"       // a department that handles the case
	RoleRecords    ActorRole = "div"               // postkamer, documentaire informatievoorziening
	RoleComplaints ActorRole = "klachtbehandeling" // klachtencoördinator, klachtbehandelaar
	RoleObjections ActorRole = "bezwaar"           // bezwaar en beroep, bezwaarcommissie
	RoleEnforcer   ActorRole = "toezicht"          // toezicht, handhaving, BOA
	RoleManager    ActorRole = "manager"           // teamleider, manager
	RolePartner    ActorRole = "ketenpartner"      // an organisation outside the gemeente
)

// RoleTerm documents a role: its id, names, description and the kind of
// actor it belongs to.
type RoleTerm struct {
	Term
	Kind ActorKind
}

// Roles lists the roles in a fixed order with their documentation (a
// fresh slice each call).
func Roles() []*RoleTerm {
	return []*RoleTerm{
		{term(string(RoleCustomer), "Klant", "Customer", "Inwoner, ondernemer of instelling; de rol van elke actor van soort klant"), ActorCustomer},
		{term(string(RoleKCC), "KCC / frontoffice", "Contact centre / front office", "Eerste aanspreekpunt van de klant: KCC-medewerker, balie, webcare, ondernemersloket"), ActorEmployee},
		{term(string(RoleDepartment), "Vakafdeling", "Specialist department", "Behandelt de zaak inhoudelijk: vergunningen, uitkeringen, belastingen, beheer openbare ruimte"), ActorEmployee},
		{term(string(RoleRecords), "DIV / postkamer", "Records / mail room", "Registreert, scant en verdeelt inkomende post, e-mail en documenten"), ActorEmployee},
		{term(string(RoleComplaints), "Klachtbehandeling", "Complaint handling", "Klachtencoördinator, klachtbehandelaar (Awb hoofdstuk 9)"), ActorEmployee},
		{term(string(RoleObjections), "Bezwaar en beroep", "Objections and appeals", "Juridisch medewerker bezwaar, bezwaarcommissie (Awb hoofdstuk 6 en 7)"), ActorEmployee},
		{term(string(RoleEnforcer), "Toezicht en handhaving", "Supervision and enforcement", "Toezichthouder, inspecteur, BOA"), ActorEmployee},
		{term(string(RoleManager), "Manager / teamleider", "Manager / team lead", "Stuurt op bereikbaarheid, kwaliteit en werkvoorraad"), ActorEmployee},
		{term(string(RolePartner), "Ketenpartner", "Partner organisation", "Een organisatie buiten de gemeente: UWV, aannemer, politie, curator; de standaardrol van een actor van soort partner"), ActorPartner},
	}
}

// RoleIDs returns the role ids in order.
func RoleIDs() []string {
	rs := Roles()
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// Actor is someone who acts in a step.
type Actor struct {
	Term
	Kind ActorKind `toml:"soort,required"`
	// Role is what the actor does for the question (rol = "vakafdeling");
	// see Roles. Empty means the default of the kind (RoleOf).
	Role ActorRole `toml:"rol"`
}

// RoleOf returns the actor's role: the one it names, or the default of
// its kind (klant, ketenpartner). An employee without rol has none ("").
func (a *Actor) RoleOf() ActorRole {
	switch {
	case a == nil:
		return ""
	case a.Role != "":
		return a.Role
	case a.Kind == ActorCustomer:
		return RoleCustomer
	case a.Kind == ActorPartner:
		return RolePartner
	}
	return ""
}

// SuggestRole guesses the role of an employee from its id and name, for
// the warning about an actor without rol: "Team Handhaving" is toezicht,
// "Postkamer / DIV" is div, anything else most likely a vakafdeling.
func SuggestRole(a *Actor) ActorRole {
	words := strings.FieldsFunc(strings.ToLower(a.ID+" "+a.Label), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	hasPrefix := func(prefixes ...string) bool {
		for _, w := range words {
			for _, p := range prefixes {
				if strings.HasPrefix(w, p) {
					return true
				}
			}
		}
		return false
	}
	contains := func(parts ...string) bool {
		for _, w := range words {
			for _, p := range parts {
				if strings.Contains(w, p) {
					return true
				}
			}
		}
		return false
	}
	switch {
	case hasPrefix("kcc", "klantcontact", "frontoffice", "webcare", "servicepunt", "publiekszaken", "publieksbalie") || contains("balie", "loket"):
		return RoleKCC
	case contains("handhav", "toezicht", "inspect") || hasPrefix("boa"):
		return RoleEnforcer
	case contains("klacht", "ombuds"):
		return RoleComplaints
	case contains("bezwaar", "beroep"):
		return RoleObjections
	case hasPrefix("postkamer", "div", "documentaire", "archief", "dienstpost"):
		return RoleRecords
	case contains("manager", "teamleider", "leidinggevende"):
		return RoleManager
	}
	return RoleDepartment
}

// System is an information system in the support lane.
type System struct {
	Term
	// Kind is, for a project's own system, the built-in system it is an
	// instance of (soort = "sociaal-domein" for an uitkeringssysteem): it
	// gets that system's requirements and GEMMA components. "overig" says
	// on purpose that it has none. Built-in systems are their own kind.
	Kind string `toml:"soort"`
}

// SystemOther is the kind of a system that is none of the built-in ones;
// it leads to no requirement and no GEMMA component.
const SystemOther = "overig"

// KindOf returns the system's kind: the one it names, its own id for a
// built-in system, or "" for an own system without soort.
func (s *System) KindOf() string {
	switch {
	case s == nil:
		return ""
	case s.Kind != "":
		return s.Kind
	case s.BuiltIn:
		return s.ID
	}
	return ""
}

// systemHints are words in a system's id or name and the built-in kind
// they suggest, tried in order.
var systemHints = []struct {
	kind  string
	words []string
}{
	{"klachtensysteem", []string{"klacht", "bezwaar"}},
	{"vth-systeem", []string{"vergunning", "handhav", "toezicht", "vth", "omgevingsloket", "boa"}},
	{"belastingensysteem", []string{"belasting", "heffing", "woz", "invordering"}},
	{"sociaal-domein", []string{"uitkering", "inkomen", "bijstand", "wmo", "jeugd", "schuldhulp", "sociaal"}},
	{"handelsregister", []string{"kvk", "handelsregister"}},
	{"e-mail", []string{"mail"}},
	{SystemOther, []string{"reisdocument", "kassa", "pinterminal", "bekendmaking", "staatscourant"}},
	{"ketenvoorziening", []string{"suwi", "uwv", "insolventie", "keten", "landelijk", "netbeheerder", "aannemer", "werkorder", "storingsportaal"}},
	{"outputmanagement", []string{"printstraat", "output", "drukwerk", "uitgaande", "sms", "bulkbericht"}},
	{"chatplatform", []string{"chat", "whatsapp"}},
	{"afsprakensysteem", []string{"afspra", "agenda"}},
	{"meldingensysteem", []string{"melding", "mor"}},
	{"klantcontactsysteem", []string{"klantcontact", "crm", "kcs"}},
	{"zaaksysteem", []string{"zaak"}},
	{"documentbeheer", []string{"dossier", "document", "archief", "dms"}},
	{"brp", []string{"brp", "gba", "persoonsgegevens"}},
	{"website", []string{"website", "formulier"}},
	{"kennisbank", []string{"kennis"}},
	{"telefonie", []string{"telefo"}},
}

// SuggestSystemKind guesses the kind of an own system from its id and
// name, for the warning about a system without soort; "" when nothing
// fits.
func SuggestSystemKind(s *System) string {
	text := strings.ToLower(s.ID + " " + s.Label)
	for _, h := range systemHints {
		for _, w := range h.words {
			if strings.Contains(text, w) {
				return h.kind
			}
		}
	}
	return ""
}

// Domain is a field of the gemeente's work, such as Burgerzaken.
type Domain struct {
	Term
}

// QuestionType is a kind of customer question, such as a melding.
type QuestionType struct {
	Term
}

// Vocabulary is what a journey refers to by id: the channels, actors,
// systems, domains and question types, built in plus a project's own. The
// CLI shows it as `blueprint catalogue`; it is not the requirements
// catalogue (requirements.Catalogue), which is what the PvE is made of.
type Vocabulary struct {
	Channels      []*Channel
	Actors        []*Actor
	Systems       []*System
	Domains       []*Domain
	QuestionTypes []*QuestionType
}

func term(id, nl, en, desc string) Term {
	return Term{ID: id, Label: nl, NameEN: en, Description: desc, BuiltIn: true}
}

// BuiltinVocabulary returns a fresh copy of the vocabulary that ships with the
// tool: the channels, actors, domains and question types of the Dimpact KCC
// journeys, and the systems found in a gemeente's KCC landscape.
func BuiltinVocabulary() *Vocabulary {
	return &Vocabulary{
		Channels: []*Channel{
			{term("balie", "Balie", "Front desk", "Persoonlijk contact aan de balie of in het stadskantoor"), ChannelInPerson, "", ""},
			{term("telefoon", "Telefoon", "Telephone", "Bellen met 14 + netnummer of het KCC"), ChannelPhone, "", ""},
			{term("e-mail", "E-mail", "E-mail", "E-mail aan de gemeente"), ChannelWritten, "", ""},
			{term("chat", "Chat", "Chat", "Webchat op de gemeentelijke website"), ChannelChat, "", ""},
			{term("whatsapp", "WhatsApp", "WhatsApp", "Berichten via WhatsApp"), ChannelChat, "", ""},
			{term("social-media", "Social media", "Social media", "X, Facebook, Instagram, LinkedIn en dergelijke"), ChannelSocial, "", ""},
			{term("post", "Post", "Letter", "Brief per post"), ChannelWritten, "", ""},
			{term("website", "Website", "Website", "De gemeentelijke website met formulieren"), ChannelOnline, "", ""},
			{term("mijn-omgeving", "Mijn-omgeving", "My environment", "Persoonlijke omgeving (MijnGemeente) met zaken en berichten"), ChannelOnline, "", ""},
			{term("app", "App", "App", "Een app, zoals een meldingen-app voor de openbare ruimte"), ChannelOnline, "", ""},
			{term("sms", "Sms", "Text message", "Sms-bericht"), ChannelChat, "", ""},
			{term("videobellen", "Videobellen", "Video call", "Beeldbellen met een medewerker"), ChannelPhone, "", ""},
			{term("huisbezoek", "Huisbezoek", "Home visit", "Een medewerker komt langs"), ChannelInPerson, "", ""},
		},
		Actors: []*Actor{
			{term("inwoner", "Inwoner", "Resident", "Een inwoner van de gemeente"), ActorCustomer, RoleCustomer},
			{term("ondernemer", "Ondernemer", "Entrepreneur", "Een ondernemer of bedrijf"), ActorCustomer, RoleCustomer},
			{term("instelling", "Instelling", "Institution", "Een instelling, vereniging of organisatie"), ActorCustomer, RoleCustomer},
			{term("kcc-medewerker", "KCC-medewerker", "Contact centre agent", "Medewerker van het klantcontactcentrum"), ActorEmployee, RoleKCC},
			{term("webcare-medewerker", "Webcare-medewerker", "Webcare agent", "Medewerker die social media volgt en beantwoordt"), ActorEmployee, RoleKCC},
			{term("vakafdeling", "Medewerker vakafdeling", "Specialist department", "Medewerker van een vakafdeling (backoffice)"), ActorEmployee, RoleDepartment},
			{term("div-medewerker", "Medewerker DIV / postkamer", "Records and mail room clerk", "Registreert en verdeelt inkomende post en documenten"), ActorEmployee, RoleRecords},
			{term("klachtbehandelaar", "Klachtbehandelaar", "Complaints officer", "Behandelt klachten volgens Awb hoofdstuk 9 (klachtencoördinator)"), ActorEmployee, RoleComplaints},
			{term("toezichthouder", "Toezichthouder / BOA", "Enforcement officer", "Toezichthouder of boa van de gemeente"), ActorEmployee, RoleEnforcer},
			{term("manager-kcc", "Manager KCC", "Contact centre manager", "Teamleider of manager van het KCC"), ActorEmployee, RoleManager},
			{term("ketenpartner", "Ketenpartner", "Partner organisation", "Een partner buiten de gemeente, zoals een aannemer of het UWV"), ActorPartner, RolePartner},
		},
		Systems: []*System{
			{Term: term("klantcontactsysteem", "Klantcontactsysteem (KCS)", "Customer contact system", "Registratie van klantcontacten en klantgegevens (CRM)")},
			{Term: term("kennisbank", "Kennisbank", "Knowledge base", "Producten, werkinstructies en vraag-antwoordcombinaties")},
			{Term: term("telefonie", "Telefonieplatform", "Telephony platform", "Telefooncentrale met wachtrijen en doorverbinden")},
			{Term: term("chatplatform", "Chat- en berichtenplatform", "Chat and messaging platform", "Webchat, WhatsApp en sms")},
			{Term: term("webcare", "Webcaretool", "Webcare tool", "Volgen en beantwoorden van social media")},
			{Term: term("zaaksysteem", "Zaaksysteem", "Case management system", "Registratie en afhandeling van zaken")},
			{Term: term("meldingensysteem", "Meldingensysteem openbare ruimte", "Public space reporting system", "Meldingen Openbare Ruimte (MOR)")},
			{Term: term("documentbeheer", "Documentbeheersysteem", "Document management system", "Opslag van documenten en correspondentie")},
			{Term: term("mijn-omgeving", "Mijn-omgeving (portaal)", "Personal portal", "Persoonlijke omgeving met zaken, berichten en gegevens")},
			{Term: term("website", "Website en e-formulieren", "Website and e-forms", "Gemeentelijke website met formulieren")},
			{Term: term("afsprakensysteem", "Afsprakensysteem", "Appointment system", "Afspraken maken voor balie en terugbellen")},
			{Term: term("brp", "Basisregistratie Personen (BRP)", "Personal Records Database (BRP)", "Persoonsgegevens, adres en verhuizingen")},
			{Term: term("bag", "Basisregistratie Adressen en Gebouwen (BAG)", "Addresses and Buildings Register (BAG)", "Adressen en gebouwen")},
			{Term: term("digid", "DigiD", "DigiD", "Inloggen voor inwoners")},
			{Term: term("eherkenning", "eHerkenning", "eHerkenning", "Inloggen voor ondernemers")},
			{Term: term("sociaal-domein", "Systeem sociaal domein", "Social domain system", "Uitkeringen, bijzondere bijstand en schuldhulp")},
			{Term: term("e-mail", "E-mailsysteem", "E-mail system", "Gedeelde mailboxen")},
			{Term: term("managementinformatie", "Managementinformatie (BI)", "Management information (BI)", "Dashboards en rapportages")},
			{Term: term("kto", "Klanttevredenheidsonderzoek (KTO)", "Customer satisfaction survey", "Vragenlijsten en tevredenheidsmetingen")},
			{Term: term("klachtensysteem", "Klachtenregistratie", "Complaints system", "Registratie en afhandeling van klachten (Awb hoofdstuk 9)")},
			{Term: term("vth-systeem", "Vergunningen, toezicht en handhaving (VTH)", "Permits, supervision and enforcement (VTH)", "Vergunningaanvragen, inspecties en handhaving, ook de app van toezichthouders")},
			{Term: term("belastingensysteem", "Belastingensysteem", "Municipal tax system", "Heffen en innen van gemeentelijke belastingen, WOZ")},
			{Term: term("handelsregister", "Handelsregister (KvK)", "Trade register (KvK)", "Gegevens van ondernemingen en vestigingen")},
			{Term: term("ketenvoorziening", "Ketenvoorziening of landelijke voorziening", "Partner or national facility", "Systeem of portaal van een ketenpartner of het Rijk, zoals Suwinet, het insolventieregister of het werkorderportaal van een aannemer")},
			{Term: term("outputmanagement", "Outputmanagement (uitgaande post)", "Output management (outgoing mail)", "Aanmaken en verzenden van brieven en berichten, zoals een printstraat")},
		},
		Domains: []*Domain{
			{term("burgerzaken", "Burgerzaken", "Civil affairs", "Paspoort, rijbewijs, verhuizing, BRP")},
			{term("openbare-ruimte", "Openbare Ruimte", "Public space", "Wegen, groen, verlichting, afval")},
			{term("werk-en-inkomen", "Werk & Inkomen", "Work & Income", "Uitkering, bijzondere bijstand, re-integratie")},
			{term("bouwen-en-wonen", "Bouwen & Wonen", "Building & Housing", "Vergunningen, omgevingswet, ruimtelijke plannen")},
			{term("belastingen", "Belastingen", "Taxes", "Gemeentelijke belastingen en WOZ")},
			{term("sociaal-domein", "Sociaal domein", "Social domain", "Wmo, jeugd, schuldhulp")},
			{term("ondernemen", "Ondernemen", "Business", "Vergunningen en diensten voor ondernemers")},
			{term("bestuur", "Bestuur en organisatie", "Governance", "Raad, college, klachten, bezwaar")},
		},
		QuestionTypes: []*QuestionType{
			{term("melding", "Melding", "Report", "Een melding over de openbare ruimte of een situatie")},
			{term("informatievraag", "Informatievraag", "Information request", "Een vraag die met informatie te beantwoorden is")},
			{term("adviesvraag", "Adviesvraag", "Request for advice", "Een vraag die inhoudelijk advies of doorverwijzing nodig heeft")},
			{term("aanvraag", "Aanvraag", "Application", "Een aanvraag van een product of dienst")},
			{term("klacht", "Klacht", "Complaint", "Een klacht over de gemeente")},
			{term("latente-behoefte", "Latente behoefte", "Latent need", "Een behoefte die de klant nog niet als vraag stelt")},
		},
	}
}

// find returns the entry with id, or the zero value (nil).
func find[T hasTerm](xs []T, id string) T {
	for _, x := range xs {
		if x.term().ID == id {
			return x
		}
	}
	var zero T
	return zero
}

// has reports whether an entry with id is in xs.
func has[T hasTerm](xs []T, id string) bool {
	for _, x := range xs {
		if x.term().ID == id {
			return true
		}
	}
	return false
}

// Channel looks a channel up by id.
func (c *Vocabulary) Channel(id string) *Channel { return find(c.Channels, id) }

// Actor looks an actor up by id.
func (c *Vocabulary) Actor(id string) *Actor { return find(c.Actors, id) }

// System looks a system up by id.
func (c *Vocabulary) System(id string) *System { return find(c.Systems, id) }

// Domain looks a domain up by id.
func (c *Vocabulary) Domain(id string) *Domain { return find(c.Domains, id) }

// QuestionType looks a question type up by id.
func (c *Vocabulary) QuestionType(id string) *QuestionType { return find(c.QuestionTypes, id) }

// ChannelIDs returns the channel ids in catalogue order.
func (c *Vocabulary) ChannelIDs() []string { return ids(c.Channels) }

// ActorIDs returns the actor ids in catalogue order.
func (c *Vocabulary) ActorIDs() []string { return ids(c.Actors) }

// SystemIDs returns the system ids in catalogue order.
func (c *Vocabulary) SystemIDs() []string { return ids(c.Systems) }

// DomainIDs returns the domain ids in catalogue order.
func (c *Vocabulary) DomainIDs() []string { return ids(c.Domains) }

// QuestionTypeIDs returns the question type ids in catalogue order.
func (c *Vocabulary) QuestionTypeIDs() []string { return ids(c.QuestionTypes) }

type hasTerm interface{ term() *Term }

func (t *Term) term() *Term { return t }

func ids[T hasTerm](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.term().ID
	}
	return out
}
