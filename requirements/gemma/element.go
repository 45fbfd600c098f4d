package gemma

import "github.com/dimpact/blueprint/blueprint"

// Element is an element of the GEMMA model, named by its Object ID. The
// requirements catalogue writes one as [[gemma]] with id, naam and soort
// (Source is where); the readers also fill the fields that only the model
// has.
type Element struct {
	blueprint.Source
	// ObjectID is the stable GEMMA identifier (property "Object ID"), not
	// the Archi id, which differs for many elements.
	ObjectID string `toml:"id,required"`
	// Name is the element's name in GEMMA.
	Name string `toml:"naam,required"`
	// Kind is Component, Service or External. The readers derive it with
	// KindOf; it is empty for the other elements of the model.
	Kind string `toml:"soort,required"`

	// ArchiID is the identifier in Archi (and in exchange files); it can
	// change between releases.
	ArchiID string `toml:"-"`
	// Type is the ArchiMate type as the exchange format writes it, such as
	// ApplicationComponent, ApplicationService or BusinessFunction.
	Type string `toml:"-"`
	// GemmaType is the property "GEMMA type", such as Referentiecomponent
	// or Buitengemeentelijke voorziening; empty for most services.
	GemmaType string `toml:"-"`
	// Status is the property "GEMMA status": In gebruik, In ontwikkeling
	// or Einde ondersteuning; empty for most services.
	Status string `toml:"-"`
	// Documentation is the element's description in the model.
	Documentation string `toml:"-"`
	// Properties are all properties of the element, in file order.
	Properties []Property `toml:"-"`
}

// Property is a key and value of an element, as Archi stores them.
type Property struct {
	Key, Value string
}

// Relation is a relationship of the model between two elements that have an
// Object ID.
type Relation struct {
	// ArchiID is the relationship's identifier in Archi.
	ArchiID string
	// Type is the relationship type as the exchange format writes it:
	// Realization, Serving, Aggregation, Composition, ...
	Type string
	Name string
	// Source and Target are the elements it connects.
	Source, Target *Element
}

// Names of properties and values the tool reads.
const (
	PropObjectID  = "Object ID"
	PropGemmaType = "GEMMA type"
	PropStatus    = "GEMMA status"
	PropRelease   = "Release"
	// PropExtract marks the model written by Extract.
	PropExtract = "Uittreksel"

	TypeReferenceComponent = "Referentiecomponent"
	TypeExternal           = "Buitengemeentelijke voorziening"

	StatusInUse        = "In gebruik"
	StatusDeveloping   = "In ontwikkeling"
	StatusEndOfSupport = "Einde ondersteuning"
)

// Kinds of element that requirements refer to, as the catalogue writes
// them in soort.
const (
	Component = "referentiecomponent"
	Service   = "applicatieservice"
	External  = "buitengemeentelijke voorziening"
)

// ArchiMate types the tool works with.
const (
	ApplicationComponent = "ApplicationComponent"
	ApplicationService   = "ApplicationService"
	BusinessFunction     = "BusinessFunction"
)

// Kinds returns the kinds of element requirements refer to.
func Kinds() []string { return []string{Component, Service, External} }

// KindOf returns the kind of an element of the model from its ArchiMate
// type and its GEMMA type, or "" when requirements do not refer to such
// elements.
func KindOf(archimateType, gemmaType string) string {
	switch {
	case archimateType == ApplicationService:
		return Service
	case archimateType == ApplicationComponent && gemmaType == TypeReferenceComponent:
		return Component
	case archimateType == ApplicationComponent && gemmaType == TypeExternal:
		return External
	}
	return ""
}

// KindName returns the element's kind in lang, capitalised.
func (e *Element) KindName(lang blueprint.Lang) string {
	switch e.Kind {
	case Component:
		return blueprint.T(lang, "Referentiecomponent", "Reference component")
	case Service:
		return blueprint.T(lang, "Applicatieservice", "Application service")
	case External:
		return blueprint.T(lang, "Buitengemeentelijke voorziening", "External facility")
	}
	if e.Type == BusinessFunction {
		return blueprint.T(lang, "Bedrijfsfunctie", "Business function")
	}
	return e.Type
}

// Property returns the first value of the property key, or "".
func (e *Element) Property(key string) string {
	for _, p := range e.Properties {
		if p.Key == key {
			return p.Value
		}
	}
	return ""
}

// NotInUse reports whether GEMMA marks the element as not yet, or no
// longer, in general use: status In ontwikkeling or Einde ondersteuning.
func (e *Element) NotInUse() bool {
	return e.Status == StatusDeveloping || e.Status == StatusEndOfSupport
}
