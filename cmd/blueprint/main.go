// Command blueprint turns customer journeys (klantreizen) written as TOML
// service blueprints into diagrams and a Programma van Eisen. See README.md.
package main

import "os"

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}
