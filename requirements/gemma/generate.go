package gemma

// The embedded extract (extract/) is made from the full GEMMA model by the
// program in internal/genextract: from the exchange file or the CSV export
// in ../shared/gemma by default, or from any export of a newer release:
//
//	go generate ./requirements/gemma
//	go run ./requirements/gemma/internal/genextract -from DIR -out requirements/gemma/extract
//
// It keeps the scope of ScopeOf with, as seeds, the GEMMA elements of the
// built-in requirements catalogue and of the mapping of the journeys'
// systems (requirements/gemma/coverage), and copies the reduced mapping of
// the applicatiefuncties of 2022. See docs/gemma.md.
//
//go:generate go run ./internal/genextract -from ../../../shared/gemma -out extract
