package render

import "strconv"

// stepBox is the id of the header box of step i.
func (g *grid) stepBox(i int) string { return "s" + strconv.Itoa(i+1) }

// stepPart is the id of one of the other boxes or arrows of step i.
func (g *grid) stepPart(i int, part string) string { return g.stepBox(i) + "-" + part }
