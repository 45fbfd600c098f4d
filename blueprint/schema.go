package blueprint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// The JSON Schemas in docs/ are generated from the model structs, so the
// format has one definition: the `toml` tags give the keys and required
// flags, this file adds the Dutch descriptions an editor shows and the
// value constraints (catalogue ids, the emotion scale, duration syntax).
// A golden test keeps docs/*.schema.json equal to what this produces.

// SchemaBaseURL is where the published schemas live: their $id. Journey
// files point at a local copy instead (`#:schema ./journey.schema.json`,
// which `blueprint init` writes), so that an editor loads it offline.
const SchemaBaseURL = "https://raw.githubusercontent.com/dimpact/blueprint/main/docs/"

// fieldDoc is the schema information of one key: its Dutch description
// and, optionally, a constraint on the value.
type fieldDoc struct {
	desc string
	// ids names a catalogue whose ids are offered as suggestions:
	// "kanaal", "actor", "systeem", "domein", "vraagsoort".
	ids string
	// extra holds further JSON Schema keywords for the value.
	extra map[string]any
}

var emotionSchema = map[string]any{"minimum": EmotionMin, "maximum": EmotionMax}

// refItems are the items of a list of "id/n" references.
var refItems = map[string]any{"type": "string", "pattern": `^[A-Za-z0-9][A-Za-z0-9_-]*/[1-9][0-9]*$`}

// datePattern accepts a TOML date (which an editor reads as a date-time
// text) or a text "2025-03-31" or "2025-03".
var datePattern = `^[0-9]{4}-[0-9]{2}(-[0-9]{2}([T ].*)?)?$`

// objectExtra holds JSON Schema keywords of a whole table, for what the
// toml tags cannot say.
var objectExtra = map[string]map[string]any{
	// A metric has a name and a definition, or names a catalogue metric.
	"Metric": {"anyOf": []any{
		map[string]any{"required": []string{"naam", "definitie"}},
		map[string]any{"required": []string{"catalogus"}},
	}},
}

// durationPattern accepts what ParseDuration accepts.
var durationPattern = `^\s*[0-9]+([.,][0-9]+)?(\s*[-–—]\s*[0-9]+([.,][0-9]+)?|\s+(tot|à|a)\s+[0-9]+([.,][0-9]+)?)?\s*(seconde|seconden|sec|minuut|minuten|min|uur|uren|dag|dagen|werkdag|werkdagen|week|weken|maand|maanden)\s*$`

// durationValue is the schema of a duration.
var durationValue = map[string]any{"pattern": durationPattern}

// docs holds the description of every key, by Go type name and key.
var docs = map[string]map[string]fieldDoc{
	"Project": {
		"organisatie": {desc: "De gemeente of het samenwerkingsverband waar de klantreizen van zijn."},
		"gemeenten":   {desc: "De deelnemende gemeenten, voor titelpagina's."},
		"taal":        {desc: "Standaardtaal van documenten: nl of en.", extra: map[string]any{"enum": []string{"nl", "en"}}},
		"visie":       {desc: "Uitspraken van de dienstverleningsvisie die een klantreis kan toetsen."},
		"persona":     {desc: "Persona's die meerdere klantreizen delen, zoals medewerkerspersona's."},
		"actor":       {desc: "Extra actoren naast de ingebouwde."},
		"kanaal":      {desc: "Extra kanalen naast de ingebouwde."},
		"systeem":     {desc: "Extra systemen naast de ingebouwde."},
		"domein":      {desc: "Extra domeinen naast de ingebouwde."},
		"vraagsoort":  {desc: "Extra vraagsoorten naast de ingebouwde."},
		"prioriteit":  {desc: "Prioriteiten van eisen voor het hele project; gaan voor die in klantreizen."},
	},
	"VisionStatement": {
		"id":    {desc: "Korte naam waarmee een klantreis naar deze uitspraak verwijst (visie = \"…\")."},
		"tekst": {desc: "De uitspraak zelf."},
		"thema": {desc: "Thema van de uitspraak, zoals Proactief of Eén loket."},
	},
	"Persona": {
		"id":             {desc: "Korte naam waarmee klantreizen naar de persona verwijzen."},
		"naam":           {desc: "Naam zoals op de plaat."},
		"rol":            {desc: "Actor uit de catalogus: inwoner, ondernemer of instelling voor een klant; kcc-medewerker, vakafdeling of manager-kcc voor een medewerker.", ids: "actor"},
		"beschrijving":   {desc: "Wie de persona is."},
		"citaat":         {desc: "Een uitspraak van de persona, voor dia's."},
		"doelen":         {desc: "Doelen van de persona."},
		"behoeften":      {desc: "Behoeften van de persona."},
		"frustraties":    {desc: "Wat de persona dwarszit."},
		"knelpunten":     {desc: "Knelpunten in het werk (alleen medewerkerspersona's)."},
		"succesfactoren": {desc: "Wat het werk goed laat gaan (alleen medewerkerspersona's)."},
	},
	"Journey": {
		"id":                {desc: "Vaste naam van de klantreis; uitvoerbestanden heten ernaar."},
		"titel":             {desc: "Titel van de klantreis."},
		"persona":           {desc: "De persona van deze reis: de id van een persona (persona = \"johan\") of een tabel [persona]."},
		"beschrijving":      {desc: "Kort verhaal van de reis."},
		"aanleiding":        {desc: "Wat de reis in gang zet."},
		"doel":              {desc: "Wat de persona wil bereiken."},
		"domein":            {desc: "Domein uit de catalogus, zoals openbare-ruimte.", ids: "domein"},
		"vraagsoort":        {desc: "Belangrijkste vraagsoort; een stap kan een andere hebben.", ids: "vraagsoort"},
		"visie":             {desc: "De uitspraak van de dienstverleningsvisie (in blueprint.toml) die deze reis toetst."},
		"gemeente":          {desc: "De gemeente van deze reis, zoals Haarlem; staat in het titelblok van de plaat. Noemt blueprint.toml zijn gemeenten, dan een daarvan."},
		"periode":           {desc: "Wanneer de reis speelde of in kaart is gebracht, zoals \"voorjaar 2024\"."},
		"nevendomeinen":     {desc: "Andere domeinen die de reis raakt, naast domein.", ids: "domein"},
		"nevenvraagsoorten": {desc: "Andere vraagsoorten in de reis, naast vraagsoort.", ids: "vraagsoort"},
		"doorlooptijd":      {desc: "Doorlooptijden over meerdere stappen, zoals 98 dagen van aanvraag tot besluit, met de wettelijke termijn ernaast."},
		"fase":              {desc: "De fasen van de reis, in volgorde."},
		"stap":              {desc: "De stappen van de reis, in volgorde: de kolommen van de blueprint."},
		"verbeteractie":     {desc: "Verbeteracties voor de knelpunten."},
		"prioriteit":        {desc: "Prioriteiten van eisen die deze reis nodig heeft."},
	},
	"Phase": {
		"id":           {desc: "Korte naam waarmee stappen naar de fase verwijzen."},
		"naam":         {desc: "Naam van de fase, boven de kolommen."},
		"beschrijving": {desc: "Wat er in de fase gebeurt."},
		"meetpunt":     {desc: "Wat er in deze fase gemeten wordt."},
	},
	"Metric": {
		"id":        {desc: "Korte naam waarmee een verbeteractie naar het meetpunt verwijst (meetpunten = [\"…\"])."},
		"catalogus": {desc: "Meetpunt uit de ingebouwde catalogus (blueprint catalogue); naam, definitie, eenheid en bron komen dan daarvandaan.", ids: "meetpunt"},
		"naam":      {desc: "Naam van het meetpunt (verplicht zonder catalogus)."},
		"definitie": {desc: "Hoe het berekend wordt (verplicht zonder catalogus)."},
		"eenheid":   {desc: "Eenheid: %, seconden, aantal, cijfer."},
		"bron":      {desc: "Waar het getal vandaan komt."},
		"norm":      {desc: "De norm, met een getal vooraan: \"minstens 80%\", \"minder dan 10%\", \"maximaal 5 werkdagen\"."},
		"termijn":   {desc: "De termijn in de definitie van een catalogusmeetpunt, zoals \"30 dagen\" bij herhaalcontact.", extra: map[string]any{"pattern": durationPattern}},
		"meting":    {desc: "Metingen door de tijd: datum en waarde."},
	},
	"Measurement": {
		"datum":       {desc: "Wanneer gemeten: een dag (2025-03-31) of een maand (\"2025-03\")."},
		"waarde":      {desc: "De gemeten waarde, in de eenheid van het meetpunt (14 voor 14%)."},
		"toelichting": {desc: "Toelichting bij de meting."},
	},
	"Step": {
		"id":              {desc: "Naam van de stap, uniek binnen de klantreis."},
		"fase":            {desc: "De fase waar de stap bij hoort."},
		"titel":           {desc: "Wat er gebeurt, in een paar woorden."},
		"kanaal":          {desc: "Kanaal van het contact, of een lijst met het hoofdkanaal eerst (een brief met een kopie in de Mijn-omgeving); weglaten bij een stap zonder klantcontact.", ids: "kanaal"},
		"actoren":         {desc: "Betrokken actoren die geen baan noemt.", ids: "actor"},
		"vraagsoort":      {desc: "Vraagsoort van deze stap, als die anders is dan die van de reis.", ids: "vraagsoort"},
		"domein":          {desc: "Domein van deze stap, als dat anders is dan dat van de reis.", ids: "domein"},
		"zelfservice":     {desc: "Niemand van de gemeente handelt in deze stap: de klant doet het zelf, een systeem doet het, of iemand buiten de gemeente."},
		"hartslag":        {desc: "false: de emotie van deze stap blijft bewaard, maar de hartslag op de plaat laat haar weg."},
		"dag":             {desc: "Op welke dag van de reis de stap gebeurt, vanaf dag 0.", extra: map[string]any{"minimum": 0}},
		"na":              {desc: "Hoe lang na het begin van de reis de stap gebeurt, zoals \"6 weken\".", extra: durationValue},
		"bewijs":          {desc: "Fysiek bewijs of contactpunt: wat de klant ziet of in handen heeft."},
		"klantactie":      {desc: "Wat de klant doet."},
		"frontoffice":     {desc: "Zichtbare acties van medewerkers, één per actor."},
		"backoffice":      {desc: "Onzichtbare acties van medewerkers, één per actor."},
		"ondersteuning":   {desc: "Ondersteunende processen en systemen."},
		"emotie":          {desc: "Hoe de klant zich voelt: -2 zeer negatief, 0 neutraal, +2 zeer positief.", extra: emotionSchema},
		"gewenste_emotie": {desc: "Hoe de gemeente wil dat de klant zich hier voelt (-2 tot +2).", extra: emotionSchema},
		"wachttijd":       {desc: "Hoe lang de klant vóór deze stap wacht, zoals \"2 weken\"; of een tabel per wachttijd, met duur, op, vanaf, termijn en ronde."},
		"duur":            {desc: "Hoe lang de stap duurt, zoals \"8 minuten\".", extra: durationValue},
		"knelpunten":      {desc: "Knelpunten in deze stap."},
		"succesfactoren":  {desc: "Wat hier goed gaat."},
		"faalpunt":        {desc: "De dienstverlening gaat hier vaak mis: true, of de reden als tekst."},
		"herhaalcontact":  {desc: "De klant neemt opnieuw contact op over dezelfde vraag: true, of de reden als tekst."},
		"behoeften":       {desc: "Functionele behoeften in gewone woorden (altijd vrije tekst); de tekstregels van de eisencatalogus lezen ze."},
		"eisen":           {desc: "Verwijzingen naar de eisencatalogus: eis-id's (KCC-WF-004) of functiesleutels (contactverzoeken)."},
		"volgende":        {desc: "De stap(pen) die volgen, als id of als { stap = \"…\", als = \"…\" } met de voorwaarde van een vertakking; zonder deze sleutel de volgende stap in het bestand, [] beëindigt de stroom."},
		"overdracht":      {desc: "Overdrachten van de vraag van de ene actor naar de andere."},
		"toelichting":     {desc: "Toelichting."},
	},
	"Wait": {
		"duur":        {desc: "Hoe lang de klant wacht, zoals \"5 weken\" of \"2-4 weken\".", extra: durationValue},
		"op":          {desc: "Waarop de klant wacht, zoals \"een vrije plek in de agenda\"."},
		"vanaf":       {desc: "De stap vanaf wanneer de wachttijd telt; zonder deze sleutel de stap ervoor."},
		"termijn":     {desc: "Hoe lang het mag duren: een servicenorm of wettelijke termijn, zoals \"2 werkdagen\".", extra: durationValue},
		"ronde":       {desc: "In een lus: de hoeveelste keer, vanaf 1.", extra: map[string]any{"minimum": 1}},
		"toelichting": {desc: "Toelichting."},
	},
	"Span": {
		"naam":        {desc: "Wat de doorlooptijd is, zoals \"Van aanvraag tot besluit\"."},
		"van":         {desc: "De eerste stap."},
		"tot":         {desc: "De laatste stap."},
		"duur":        {desc: "Hoe lang het duurde, zoals \"98 dagen\"; zonder deze sleutel het verschil tussen dag (of na) van de twee stappen.", extra: durationValue},
		"termijn":     {desc: "De wettelijke termijn of norm, zoals \"8 weken\".", extra: durationValue},
		"verlenging":  {desc: "De verlenging die de wet toestaat, zoals \"8 weken\".", extra: durationValue},
		"opschorting": {desc: "Hoe lang de termijn stilstond, zoals \"5 weken\".", extra: durationValue},
		"grondslag":   {desc: "De wettelijke grondslag, zoals \"Awb art. 4:13\"."},
		"toelichting": {desc: "Toelichting."},
	},
	"NextStep": {
		"stap": {desc: "De stap die volgt."},
		"als":  {desc: "Wanneer deze tak genomen wordt, zoals \"alcohol: ja\"."},
	},
	"Action": {
		"actor": {desc: "Wie de actie uitvoert.", ids: "actor"},
		"actie": {desc: "Wat de actor doet."},
	},
	"Support": {
		"systeem": {desc: "Systeem uit de catalogus, zoals zaaksysteem.", ids: "systeem"},
		"actie":   {desc: "Wat het systeem of proces doet."},
	},
	"Handoff": {
		"van":         {desc: "De actor die de vraag overdraagt.", ids: "actor"},
		"naar":        {desc: "De actor die de vraag overneemt (een andere dan van).", ids: "actor"},
		"kanaal":      {desc: "Hoe de vraag wordt overgedragen.", ids: "kanaal"},
		"toelichting": {desc: "Toelichting op de overdracht."},
	},
	"Improvement": {
		"id":                 {desc: "Naam van de verbeteractie."},
		"wat":                {desc: "Wat er verandert."},
		"stappen":            {desc: "Stappen waar de actie op ingaat (hun faalpunt, lange wachttijd, lage emotie en herhaalcontact)."},
		"knelpunten":         {desc: "Knelpunten waar de actie op ingaat, als \"stap-id/n\" (n telt vanaf 1).", extra: map[string]any{"items": refItems}},
		"persona_knelpunten": {desc: "Knelpunten van (medewerkers)persona's waar de actie op ingaat, als \"persona-id/n\" (n telt vanaf 1).", extra: map[string]any{"items": refItems}},
		"meetpunten":         {desc: "Meetpunten van de reis waar de actie op ingaat: hun id, of hun catalogus-id."},
		"effect":             {desc: "Verwacht effect: op de emotie bij een stap, of op de waarde van een meetpunt."},
		"eigenaar":           {desc: "Wie de actie trekt."},
		"status":             {desc: "Hoe ver de actie is; afgewezen vraagt een reden.", extra: map[string]any{"enum": ImprovementStatuses()}},
		"horizon":            {desc: "Termijn: kort (binnen drie maanden), middellang (binnen een jaar) of lang.", extra: map[string]any{"enum": ImprovementHorizons()}},
		"streefdatum":        {desc: "Wanneer de actie klaar moet zijn: een dag (2026-06-30) of een maand (\"2026-06\")."},
		"reden":              {desc: "Waarom de actie is besloten of afgewezen."},
		"toelichting":        {desc: "Toelichting."},
	},
	"Effect": {
		"stap":        {desc: "De stap waar de emotie verandert."},
		"emotie":      {desc: "De verwachte emotie bij die stap na de verbetering (-2 tot +2).", extra: emotionSchema},
		"meetpunt":    {desc: "Het meetpunt waarvan de waarde verandert (id of catalogus-id)."},
		"waarde":      {desc: "De verwachte waarde van dat meetpunt na de verbetering."},
		"toelichting": {desc: "Toelichting."},
	},
	"PriorityOverride": {
		"eis":    {desc: "Id van een eis (KCC-KG-003) of sleutel van een functie uit de eisencatalogus."},
		"moscow": {desc: "MoSCoW-prioriteit.", extra: map[string]any{"enum": MoSCoWValues()}},
		"soort":  {desc: "eis (knock-out) of wens (gescoord).", extra: map[string]any{"enum": RequirementKinds()}},
		"reden":  {desc: "Waarom; komt in de matrix."},
	},
	"Term": {
		"id":           {desc: "Id waarmee klantreizen ernaar verwijzen; mag geen ingebouwde id zijn."},
		"naam":         {desc: "Nederlandse naam."},
		"naam_en":      {desc: "Engelse naam, voor --lang en."},
		"omschrijving": {desc: "Omschrijving."},
	},
	"Channel": {
		"soort":   {desc: "Soort kanaal.", extra: map[string]any{"enum": ChannelKinds()}},
		"partner": {desc: "Voor een kanaal van een ketenpartner, niet van de gemeente (Mijn UWV): de actor van die partner."},
		"kleur":   {desc: "Kleur op diagrammen, als #rrggbb.", extra: map[string]any{"pattern": `^#[0-9a-fA-F]{6}$`}},
	},
	"System": {
		"soort": {desc: "Voor een eigen systeem: het ingebouwde systeem waarvan het een soort is (sociaal-domein, klachtensysteem, ketenvoorziening …), of overig; het krijgt daarvan de eisen en GEMMA-componenten.", extra: map[string]any{"enum": append(BuiltinVocabulary().SystemIDs(), SystemOther)}},
	},
	"Actor": {
		"soort": {desc: "Kant van de balie: klant, medewerker of partner.", extra: map[string]any{"enum": ActorKinds()}},
		"rol":   {desc: "Wat de actor doet; de afleidingsregels lezen overdrachten op rol (blueprint catalogue). Zonder rol: klant of ketenpartner naar de soort; een medewerker zonder rol krijgt een waarschuwing.", extra: map[string]any{"enum": RoleIDs()}},
	},
}

// defNames are the names of the schema definitions, in Dutch as the keys.
var defNames = map[string]string{
	"VisionStatement": "visie", "Persona": "persona", "Phase": "fase", "Metric": "meetpunt",
	"Step": "stap", "Action": "actie", "Support": "ondersteuning", "Handoff": "overdracht",
	"Improvement": "verbeteractie", "Effect": "effect", "Measurement": "meting",
	"PriorityOverride": "prioriteit", "Channel": "kanaal",
	"Actor": "actor", "System": "systeem", "Domain": "domein", "QuestionType": "vraagsoort",
	"Wait": "wachttijd", "Span": "doorlooptijd", "NextStep": "volgende",
}

type schemaGen struct {
	cat  *Vocabulary
	defs map[string]any
}

// JourneySchema returns the JSON Schema of a journey file.
func JourneySchema() []byte {
	return genSchema(reflect.TypeOf(Journey{}), "journey.schema.json", "Blueprint-klantreis",
		"Een klantreis als service blueprint. Zie docs/format.md.")
}

// ProjectSchema returns the JSON Schema of a project file (blueprint.toml).
func ProjectSchema() []byte {
	return genSchema(reflect.TypeOf(Project{}), "project.schema.json", "Blueprint-project (blueprint.toml)",
		"Projectbestand van een map met klantreizen. Zie docs/format.md.")
}

func genSchema(t reflect.Type, file, title, desc string) []byte {
	g := &schemaGen{cat: BuiltinVocabulary(), defs: map[string]any{}}
	root := g.object(t)
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = SchemaBaseURL + file
	root["title"] = title
	root["description"] = desc
	root["$defs"] = g.defs
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(root); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// object describes a struct type: its keys, which are required, and no
// others (additionalProperties false, as the loader rejects unknown keys).
func (g *schemaGen) object(t reflect.Type) map[string]any {
	si := infoOf(t)
	props := map[string]any{}
	var required []string
	for _, key := range si.keys {
		f := si.fields[key]
		sf := t.FieldByIndex(f.index)
		props[key] = g.value(t, sf, key)
		if f.required {
			required = append(required, key)
		}
	}
	obj := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		obj["required"] = required
	}
	for k, v := range objectExtra[t.Name()] {
		obj[k] = v
	}
	return obj
}

// docFor finds the description of key in type t or the struct it embeds.
func docFor(t reflect.Type, sf reflect.StructField, key string) fieldDoc {
	if d, ok := docs[t.Name()][key]; ok {
		return d
	}
	// a promoted field of an embedded Term
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			if d, ok := docs[f.Type.Name()][key]; ok {
				return d
			}
		}
	}
	panic(fmt.Sprintf("blueprint: schema: no description for %s.%s", t.Name(), key))
}

func (g *schemaGen) value(owner reflect.Type, sf reflect.StructField, key string) map[string]any {
	doc := docFor(owner, sf, key)
	var v map[string]any
	ft := sf.Type
	switch {
	case ft == reflect.TypeOf(PersonaRef{}):
		v = map[string]any{"oneOf": []any{
			map[string]any{"type": "string", "description": "Id van een persona uit blueprint.toml."},
			g.ref(reflect.TypeOf(Persona{})),
		}}
	case ft == reflect.TypeOf(&Duration{}):
		v = map[string]any{"type": "string"}
	case ft == reflect.TypeOf(Date{}):
		v = map[string]any{"type": "string", "pattern": datePattern}
	case ft.Kind() == reflect.Float64 || ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Float64:
		v = map[string]any{"type": "number"}
	case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Int:
		v = map[string]any{"type": "integer"}
	case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Bool:
		v = map[string]any{"type": "boolean"}
	case ft.Kind() == reflect.Int:
		v = map[string]any{"type": "integer"}
	case ft.Kind() == reflect.String:
		v = map[string]any{"type": "string"}
	case ft.Kind() == reflect.Bool:
		v = map[string]any{"type": "boolean"}
	case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
		v = map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
	case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Pointer:
		v = map[string]any{"type": "array", "items": g.ref(ft.Elem().Elem())}
	default:
		panic(fmt.Sprintf("blueprint: schema: unsupported type %s of %s", ft, key))
	}
	v["description"] = doc.desc
	if doc.ids != "" {
		ids := g.catalogueIDs(doc.ids)
		suggestion := map[string]any{"anyOf": []any{
			map[string]any{"enum": ids},
			map[string]any{"type": "string", "pattern": idRE.String()},
		}}
		if v["type"] == "array" {
			v["items"] = suggestion
		} else {
			delete(v, "type")
			for k, x := range suggestion {
				v[k] = x
			}
		}
		v["description"] = doc.desc + " Ingebouwd: " + strings.Join(ids, ", ") + "."
	}
	if idKeys[owner.Name()+"."+key] {
		if v["type"] == "array" {
			v["items"] = map[string]any{"type": "string", "pattern": idRE.String()}
		} else {
			v["pattern"] = idRE.String()
		}
	}
	for k, x := range doc.extra {
		v[k] = x
	}
	if shape := g.shapes(owner.Name()+"."+key, v); shape != nil {
		shape["description"] = v["description"]
		return shape
	}
	return v
}

// shapes gives the schema of the keys that take more than one shape
// (shapes.go): v is the schema of the simple shape.
func (g *schemaGen) shapes(key string, v map[string]any) map[string]any {
	simple := func() map[string]any {
		out := map[string]any{}
		for k, x := range v {
			if k != "description" {
				out[k] = x
			}
		}
		return out
	}
	switch key {
	case "Step.kanaal":
		one := simple()
		return map[string]any{"anyOf": []any{one, map[string]any{"type": "array", "minItems": 1, "items": one}}}
	case "Step.faalpunt", "Step.herhaalcontact":
		return map[string]any{"anyOf": []any{map[string]any{"type": "boolean"}, map[string]any{"type": "string", "minLength": 1}}}
	case "Step.volgende":
		return map[string]any{"type": "array", "items": map[string]any{"anyOf": []any{
			map[string]any{"type": "string", "pattern": idRE.String()},
			g.ref(reflect.TypeOf(NextStep{})),
		}}}
	case "Step.wachttijd":
		wait := g.ref(reflect.TypeOf(Wait{}))
		return map[string]any{"anyOf": []any{
			map[string]any{"type": "string", "pattern": durationPattern},
			wait,
			map[string]any{"type": "array", "minItems": 1, "items": wait},
		}}
	}
	return nil
}

// idKeys are the keys whose values are ids (or lists of ids) that no
// catalogue lists: they get the id pattern.
var idKeys = map[string]bool{
	"Journey.id": true, "Journey.visie": true, "Persona.id": true, "VisionStatement.id": true,
	"Phase.id": true, "Step.id": true, "Step.fase": true, "Step.volgende": true,
	"Wait.vanaf": true, "Span.van": true, "Span.tot": true, "NextStep.stap": true, "Channel.partner": true,
	"Improvement.id": true, "Improvement.stappen": true, "Improvement.meetpunten": true,
	"Metric.id": true, "Effect.stap": true, "Effect.meetpunt": true, "Channel.id": true, "Actor.id": true,
	"System.id": true, "Domain.id": true, "QuestionType.id": true,
}

func (g *schemaGen) catalogueIDs(which string) []string {
	switch which {
	case "kanaal":
		return g.cat.ChannelIDs()
	case "actor":
		return g.cat.ActorIDs()
	case "systeem":
		return g.cat.SystemIDs()
	case "domein":
		return g.cat.DomainIDs()
	case "vraagsoort":
		return g.cat.QuestionTypeIDs()
	case "meetpunt":
		return MetricCatalogueIDs()
	}
	panic("blueprint: schema: unknown catalogue " + which)
}

// ref returns a $ref to the definition of struct t, creating it once.
func (g *schemaGen) ref(t reflect.Type) map[string]any {
	name, ok := defNames[t.Name()]
	if !ok {
		panic("blueprint: schema: no definition name for " + t.Name())
	}
	if _, done := g.defs[name]; !done {
		g.defs[name] = true // placeholder against recursion
		g.defs[name] = g.object(t)
	}
	return map[string]any{"$ref": "#/$defs/" + name}
}
