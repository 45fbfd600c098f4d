package blueprint

// The lists pass: an id written twice in one list of references. In
// volgende it draws the same arrow twice and is an error; in actoren and a
// verbeteractie's stappen and knelpunten it changes nothing and is a
// warning.
func checkLists(c *checker, _ int, j *Journey) {
	for _, s := range j.Steps {
		c.repeatedRef(&s.Source, "volgende", s.Next, Error)
		c.repeatedRef(&s.Source, "actoren", s.Actors, Warning)
		c.repeatedRef(&s.Source, "eisen", s.Refs, Warning)
	}
	for _, im := range j.Improvements {
		c.repeatedRef(&im.Source, "stappen", im.Steps, Warning)
		c.repeatedRef(&im.Source, "knelpunten", im.PainPoints, Warning)
	}
}

// repeatedRef reports each entry of ids under key that repeats an earlier
// one.
func (c *checker) repeatedRef(src *Source, key string, ids []string, sev Severity) {
	if len(ids) < 2 {
		return
	}
	first := make(map[string]int, len(ids))
	for i, id := range ids {
		if id == "" {
			continue // not an id (reported where it was decoded)
		}
		j, ok := first[id]
		if !ok {
			first[id] = i
			continue
		}
		c.sink.Add(sev, src.ElemAt(key, i), "duplicate-ref",
			c.t(msg{"%q staat twee keer in %s (ook als element %d)", "%q is listed twice in %s (also as entry %d)"}, id, key, j+1),
			c.t(msg{"haal de tweede weg", "remove the second one"}))
	}
}
