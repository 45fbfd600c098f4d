// Command blueprint turns customer journeys (klantreizen) written as TOML
// service blueprints into diagrams and a Programma van Eisen. See README.md.
package main

import (
	"os"
	"sync"

	"github.com/dimpact/blueprint/requirements/xlsx"
)

func main() {
	done := spillFolder()
	code := run(os.Args, os.Stdout, os.Stderr)
	done()
	os.Exit(code)
}

// spillFolder points the workbook library's temporary files (a sheet of
// the national PvE spills 230 MB to one while it is written) at a private
// folder of this process, made when a workbook is first written or read
// (so that no other command pays for it), which an interrupted run removes
// with its own temporary files (cleanupOnSignal) and the returned func
// removes at the end. Without one (the system's temporary folder is not
// writable) the library uses the system's folder and says so when it
// needs it.
func spillFolder() (done func()) {
	var once sync.Once
	dir := ""
	made := func() { dir, _ = temps.mkdir("blueprint-*") }
	xlsx.TempDir = func() string {
		once.Do(made)
		return dir
	}
	return func() {
		once.Do(func() {}) // whether or not it was made, dir is settled
		if dir != "" {
			temps.removeDir(dir)
		}
	}
}
