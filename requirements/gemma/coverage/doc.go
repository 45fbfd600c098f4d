// Package coverage computes the GEMMA coverage of a Programma van Eisen:
// which KCC-relevant referentiecomponenten and applicatieservices of the
// GEMMA model the requirements derived from the journeys (and the systems in
// the journeys' support lanes) cover, and what an architect must look at.
//
// It is part of the requirements stage and reads a requirements.Result (the
// derived rows with their traces to journeys and steps) and a gemma.Model
// (the embedded extract, or the architect's own export). Compute is pure;
// the encoders write the Report as text for the terminal (WriteText),
// Markdown (WriteMarkdown) or JSON (WriteJSON); requirements/xlsx writes it
// as a workbook and as the GEMMA sheet of the PvE.
//
// What the report holds:
//
//   - the release the coverage was computed against, and the one the
//     catalogue was written against;
//   - per KCC referentiecomponent (the scope of gemma.ScopeOf, seeded with
//     the catalogue's GEMMA elements and the systems table): the derived
//     requirements that name it, the journeys and steps that need those
//     requirements, the systems of the support lanes that are instances of
//     it, and the services it provides with whether a requirement names
//     each;
//   - the gaps: components in scope that no derived requirement names,
//     with why they are KCC-relevant (the function of Klant- en
//     keteninteractie they support) or which requirements of the catalogue
//     the journeys did not need;
//   - requirements that name no GEMMA element the model has;
//   - Object IDs the model lacks, with the successor from VNG's mapping of
//     the applicatiefuncties of 2022 (or the services of the components
//     that realized them), or the Object ID when an Archi id was given;
//   - names and kinds in the catalogue that differ from the model;
//   - elements the requirements name whose GEMMA status is In ontwikkeling
//     or Einde ondersteuning;
//   - requirements that name a service none of their components provides
//     in GEMMA.
//
// The files: systems.go (the one table from systems to GEMMA), coverage.go
// (Report, its parts and counts), compute.go (Compute and its passes),
// text.go, markdown.go and json.go (the encoders).
package coverage
