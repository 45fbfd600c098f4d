// Command fillexample fills in generated example responses to a PvE, for
// make demo: files named voorbeeld-inschrijving-*.xlsx whose tenderer is
// "Voorbeeld A (gegenereerd)" and so on, and whose every explanation says
// it is a generated example, not a real tender.
//
//	go run ./requirements/xlsx/internal/fillexample [-n 2] out/pve.xlsx out/
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dimpact/blueprint/requirements/xlsx"
)

func main() {
	n := flag.Int("n", 2, "number of example responses (at most 3; the third fails a knock-out)")
	flag.Parse()
	if flag.NArg() != 2 || *n < 1 || *n > len(xlsx.Examples) {
		fmt.Fprintln(os.Stderr, "usage: fillexample [-n 2] PVE.xlsx OUTDIR")
		os.Exit(2)
	}
	pve, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, e := range xlsx.Examples[:*n] {
		data, err := xlsx.FillResponse(pve, e.Response())
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		letter := strings.ToLower(strings.Fields(e.Name)[1])
		out := filepath.Join(flag.Arg(1), "voorbeeld-inschrijving-"+letter+".xlsx")
		if err := os.WriteFile(out, data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%s: %s (gegenereerd voorbeeld, geen echte inschrijving)\n", filepath.ToSlash(out), e.Name)
	}
}
