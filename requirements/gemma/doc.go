// Package gemma reads the GEMMA ArchiMate model of VNG Realisatie, the
// reference architecture of Dutch gemeenten, and looks its elements up by
// their Object ID, the stable GEMMA identifier.
//
// It is part of the requirements stage: the requirements catalogue names
// GEMMA referentiecomponenten and applicatieservices by Object ID, and the
// coverage (sub-package coverage) and the ArchiMate export
// (requirements/archimate) resolve those names against a Model.
//
// Entry points:
//
//   - ReadPath reads the model an architect has: an Open Group exchange
//     file (Archi's File › Export › Model to Open Exchange File, or VNG's
//     release file), or Archi's CSV export (elements.csv, relations.csv
//     and properties.csv with a common prefix), or a folder holding either.
//     ReadExchange and ReadCSV read the two formats from memory. Both give
//     the same Model: elements keyed by Object ID with their type, name,
//     documentation and properties, and the relations between them. Files
//     are size-limited (MaxFileSize), a DOCTYPE is refused, and every
//     problem comes back as a diagnostic with file:line:col.
//   - Default returns the model embedded in the tool: the KCC-relevant
//     extract of the release the built-in catalogue was written against
//     (Extract, written by the program in internal/genextract; see
//     generate.go), so that the tool needs no GEMMA files at run time.
//   - Scope computes the KCC-relevant part of a model: the bedrijfsfunctie
//     Klant- en keteninteractie and its sub-functions, the applicatieservices
//     that serve them, the referentiecomponenten that realize those
//     services, and whatever the requirements name (seeds).
//   - Mapping2022 is VNG's mapping of the applicatiefuncties of 2022 to the
//     applicatieservices that replaced them; it suggests a successor for an
//     Object ID the model no longer has.
//
// Element is the one type of a GEMMA element in the tool: the requirements
// catalogue's [[gemma]] entries decode into it, and the readers fill one for
// every element of the model. The kinds the catalogue uses (Component,
// Service, External) are defined here, with the rule that derives them from
// an element's ArchiMate type and GEMMA type (KindOf).
//
// The files:
//
//   - element.go: Element, Property, Relation, the kinds and KindOf.
//   - model.go: Model, its lookups and the indexes over the relations.
//   - read.go: ReadPath and Load, the size limit, finding the files of a
//     folder, and the checks every model gets (an Object ID somewhere).
//   - exchange.go: the exchange-file reader (a token reader with a depth
//     limit, no entities, no DOCTYPE).
//   - csv.go: the reader of Archi's CSV export.
//   - scope.go: Scope, the KCC-relevant part of a model.
//   - extract.go: Extract and WriteCSV, which make the embedded default.
//   - mapping.go: the applicatiefuncties of 2022 and their successors.
//   - default.go: the embedded extract and Default.
package gemma
