// Package archimate exports the customer journeys, the requirements derived
// from them and their relations to GEMMA as an Open Group ArchiMate 3.1
// Model Exchange File, for architects who work in Archi.
//
// It is the last part of the requirements stage: it reads the loaded
// journeys (blueprint.Model), the derivation (requirements.Result) and the
// GEMMA coverage (coverage.Report, with its GEMMA model), and imports
// nothing of render. Build makes a neutral Model (pure, deterministic);
// Encode writes it as XML that validates against the Open Group's
// archimate3_Diagram.xsd and that Archi's importer takes without loss.
//
// What the model holds:
//
//   - per journey a BusinessProcess, composed of a BusinessProcess per
//     phase, composed of the steps: a BusinessInteraction where the
//     customer and an employee meet over a channel, a BusinessProcess
//     otherwise; the trigger (aanleiding) as a BusinessEvent; the flow as
//     triggering relations; the frontoffice and backoffice actions as
//     BusinessProcesses composed in their step and assigned to the actor's
//     BusinessRole; the physical evidence as a Representation the step
//     reads; support without a system as a BusinessProcess;
//   - the personas as BusinessActors assigned to their roles; the channels
//     as BusinessInterfaces serving the steps; the systems of the support
//     lanes as ApplicationComponents serving the steps and realizing the
//     GEMMA referentiecomponenten they are instances of (the systems table
//     of requirements/gemma/coverage);
//   - the derived requirements as Requirements (with their id, kind,
//     MoSCoW, weight, block, function and verification as properties),
//     associated with the steps that ask for them ("vraagt om");
//   - copies of the GEMMA elements the requirements name and of the KCC
//     referentiecomponenten, with their Archi identifiers (so that Archi's
//     Import › Another Model Into Selected Model takes them for the GEMMA
//     model's own) and their properties, Object ID included; realization
//     relations from them to the requirements carry the GEMMA Object ID as
//     the property "GEMMA Object ID"; GEMMA's own realizations between them
//     keep GEMMA's identifiers.
//
// The views: one per journey, laid out as the service blueprint (steps left
// to right, lanes top to bottom, lines of interaction, visibility and
// internal interaction between the lanes, the requirements of each step in
// the bottom lane); one of GEMMA coverage (the KCC referentiecomponenten
// coloured covered, only through a system, not covered); and one per block
// of requirements with the components and services that realize them.
//
// Identifiers are valid xs:IDs: ours are "bp." and the journey format's
// ids joined with dots (ID); GEMMA's are kept, with Archi's prefix "id-"
// for the few that start with a digit (GemmaID).
//
// The files: model.go (the neutral model and the identifiers), build.go
// (elements, relations, folders), views.go (the layout of the views),
// view_journey.go (the view of a journey, laid out as its blueprint),
// encode.go (the XML).
package archimate
