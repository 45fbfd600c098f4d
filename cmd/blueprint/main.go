package main

import (
	"fmt"
	"os"

	"github.com/dimpact/blueprint/blueprint"
)

func main() {
	m, d, err := blueprint.LoadPaths(os.Args[1:], blueprint.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Error())
	_ = m
}
