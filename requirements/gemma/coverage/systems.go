package coverage

import (
	"slices"

	"github.com/dimpact/blueprint/blueprint"
)

// Ref names a GEMMA element by Object ID, with its name in the model (so a
// report can name it even when the loaded model lacks it).
type Ref struct {
	ObjectID, Name string
}

// SystemMapping says which GEMMA referentiecomponenten (or
// buitengemeentelijke voorzieningen) a system of the journeys' support lane
// is an instance of.
type SystemMapping struct {
	// Key is what a system is matched on: a system id of the built-in
	// vocabulary (keysOf). When the journey format says what kind of
	// system a project's own system is, the kind becomes a key too, so
	// that one row serves every system of that kind.
	Key string
	// Elements are the GEMMA elements, by Object ID and name as in the
	// model.
	Elements []Ref
}

// Object IDs and names of the GEMMA elements the systems map to, from the
// GEMMA model (release 2026-06-30); a test checks them against the model.
var (
	crm        = Ref{"eb436669-87b4-4134-b59b-dbfda11de5bc", "Relatiebeheercomponent (CRM)"}
	kennis     = Ref{"61317842-5a62-4e32-9f9e-34e377436929", "Kennisbeheercomponent"}
	callcenter = Ref{"9d127615-3b66-4d9e-9071-2a85f9cd44d8", "Callcentercomponent"}
	webcare    = Ref{"dcdd3ea0-730b-445e-90f6-17eb664dd1df", "Mediamonitor- en webcarecomponent"}
	zaakreg    = Ref{"a97b6545-d5a7-485d-9b13-3ce22db5b9cf", "Zaakregistratiecomponent"}
	zaakafh    = Ref{"f2dfbd0b-9d36-405c-bdbe-827f3296de29", "Generiek zaakafhandelcomponent"}
	mor        = Ref{"2a53ea44-7822-4a0b-a80e-355ae715d477", "Meldingen openbare ruimtecomponent"}
	docreg     = Ref{"0e99ec6c-283a-4ec9-8efa-e11468e6b878", "Documentregistratiecomponent"}
	mijn       = Ref{"96f66a08-8e0b-4602-944b-73ca3ba659f2", "Mijngemeentecomponent"}
	webcontent = Ref{"8c8117ec-8fcf-4e2c-ab31-cda3f4570642", "Webcontentpublicatie- en beheercomponent"}
	eformulier = Ref{"5c9f683b-4454-4e3e-b93c-da50dfd6934a", "E-formulieren publicatie-en-beheercomponent"}
	afspraken  = Ref{"e3a3a9b3-b778-4e12-a6a3-f72384a7fac7", "Afsprakenbeheercomponent"}
	gbav       = Ref{"58fbf781-8861-11e3-67ab-0050568a6153", "GBA-V (Verstrekkingsvoorziening)"}
	lvbag      = Ref{"91d776a2-7fb2-11e3-67ab-0050568a6153", "LV-BAG - Basisregistratie Adressen en Gebouwen"}
	digid      = Ref{"a5786df1-7ecf-11e3-67ab-0050568a6153", "DigiD"}
	eherk      = Ref{"a6642d81-7ecf-11e3-67ab-0050568a6153", "E-herkenning voor bedrijven"}
	inkomen    = Ref{"ed6eb5b8-b139-4857-bd5f-2018fd8adf22", "Inkomenscomponent"}
	schuldhulp = Ref{"0eb4669c-f394-4376-8dcc-88a46ce54555", "Budgetadvies- en schuldhulpverleningcomponent"}
	kantoor    = Ref{"ab033a6e-cc25-47f3-be19-e36a1f16930c", "Kantoorautomatiseringcomponent"}
	bi         = Ref{"2eebab83-14b7-4e91-ac89-a2a702dcb81d", "BI-component"}
	kto        = Ref{"38f0aa7b-db82-4fbb-902d-81207116b0bc", "Klanttevredenheidcomponent"}
	klachten   = Ref{"d2d0679e-1fe3-4ec3-9b56-e11d693d1408", "Klachten- en meldingencomponent"}
	vth        = Ref{"ca98dd6d-1c0b-43dc-a26e-61ebd1cd810d", "Vergunning- Toezicht- Handhavingcomponent"}
	vthfysiek  = Ref{"0777c4b6-e7c5-4d42-9fe8-9b98e6bca8a6", "Vergunning- Toezicht- en Handhavingcomponent fysieke leefomgeving"}
	belasting  = Ref{"dd600708-7aa3-48c3-aad9-056e15b3245c", "Belastingencomponent"}
	nhr        = Ref{"a9de6021-7ecf-11e3-67ab-0050568a6153", "NHR - Handelsregister"}
	output     = Ref{"15064617-043a-4b22-bc68-718d915bcfc1", "Outputmanagementcomponent"}
	keten      = Ref{"faac7877-09ef-4a5e-95fb-48c98c1209aa", "Ketenpartner-portaalcomponent"}
)

// systems is the one table from systems to GEMMA. The choices follow the
// descriptions in the GEMMA model: the Callcentercomponent distributes
// incoming calls and, as the requirements catalogue does for chat and
// WhatsApp, carries the chat platform (GEMMA has no chat component); the
// Kantoorautomatiseringcomponent is GEMMA's component for e-mail. GEMMA
// has no one component for "a partner's system or a national facility"
// (Suwinet, a contractor's work-order portal); a ketenvoorziening maps to
// the Ketenpartner-portaalcomponent, the gemeente's side of that exchange.
var systems = []SystemMapping{
	{"klantcontactsysteem", []Ref{crm}},
	{"kennisbank", []Ref{kennis}},
	{"telefonie", []Ref{callcenter}},
	{"chatplatform", []Ref{callcenter}},
	{"webcare", []Ref{webcare}},
	{"zaaksysteem", []Ref{zaakreg, zaakafh}},
	{"meldingensysteem", []Ref{mor}},
	{"documentbeheer", []Ref{docreg}},
	{"mijn-omgeving", []Ref{mijn}},
	{"website", []Ref{webcontent, eformulier}},
	{"afsprakensysteem", []Ref{afspraken}},
	{"brp", []Ref{gbav}},
	{"bag", []Ref{lvbag}},
	{"digid", []Ref{digid}},
	{"eherkenning", []Ref{eherk}},
	{"sociaal-domein", []Ref{inkomen, schuldhulp}},
	{"e-mail", []Ref{kantoor}},
	{"managementinformatie", []Ref{bi}},
	{"kto", []Ref{kto}},
	{"klachtensysteem", []Ref{klachten}},
	{"vth-systeem", []Ref{vth, vthfysiek}},
	{"belastingensysteem", []Ref{belasting}},
	{"handelsregister", []Ref{nhr}},
	{"outputmanagement", []Ref{output}},
	{"ketenvoorziening", []Ref{keten}},
}

// Systems returns the table from systems to GEMMA elements (a copy).
func Systems() []SystemMapping {
	out := slices.Clone(systems)
	for i := range out {
		out[i].Elements = slices.Clone(out[i].Elements)
	}
	return out
}

// SystemSeeds returns the Object IDs of every element the table names.
func SystemSeeds() []string {
	var out []string
	for _, s := range systems {
		for _, r := range s.Elements {
			if !slices.Contains(out, r.ObjectID) {
				out = append(out, r.ObjectID)
			}
		}
	}
	return out
}

// keysOf returns the keys a system is looked up by in the table: its id,
// then its kind (soort), so that an own uitkeringssysteem of soort
// sociaal-domein maps as the built-in one does.
func keysOf(s *blueprint.System) []string {
	if k := s.KindOf(); k != "" && k != s.ID {
		return []string{s.ID, k}
	}
	return []string{s.ID}
}

// ElementsOf returns the GEMMA elements a system maps to: the row of the
// first key that has one.
func ElementsOf(s *blueprint.System) []Ref {
	for _, k := range keysOf(s) {
		for _, row := range systems {
			if row.Key == k {
				return row.Elements
			}
		}
	}
	return nil
}
