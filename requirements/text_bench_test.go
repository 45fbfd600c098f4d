package requirements

import (
	"fmt"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
)

// BenchmarkTextMatch matches free texts against the text rules of the
// built-in catalogue, every text distinct (no text read from memory): the
// cost per text when 7,600 journeys of other gemeenten are all written
// differently. The texts are the needs, pain points and frustrations of
// the examples and the format corpus, each made unique by a number.
func BenchmarkTextMatch(b *testing.B) {
	var pool []string
	for _, dir := range []string{"../examples", "../blueprint/testdata/corpus-format"} {
		m, _, err := blueprint.LoadPaths([]string{dir}, blueprint.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, j := range m.Journeys {
			for _, s := range j.Steps {
				pool = append(pool, s.Needs...)
				pool = append(pool, s.PainPoints...)
			}
		}
		for _, p := range m.Personas {
			pool = append(pool, p.Needs...)
			pool = append(pool, p.PainPoints...)
			pool = append(pool, p.Frustrations...)
		}
	}
	texts := make([]string, 20000)
	for i := range texts {
		texts[i] = fmt.Sprintf("%s (reis %d)", pool[i%len(pool)], i)
	}
	cat := Builtin()
	b.Run("distinct", func(b *testing.B) {
		b.ReportAllocs()
		m := newTextMatcher(cat.text)
		for i := 0; i < b.N; i++ {
			if i%len(texts) == 0 {
				m = newTextMatcher(cat.text) // forget what was read
			}
			m.matches(texts[i%len(texts)], i%2 == 0)
		}
	})
	b.Run("repeated", func(b *testing.B) {
		b.ReportAllocs()
		m := newTextMatcher(cat.text)
		for i := 0; i < b.N; i++ {
			m.matches(pool[i%len(pool)], i%2 == 0)
		}
	})
}
