package blueprint

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Below parallelJourneys journeys the passes run on one core: the
// collection is checked in a few milliseconds, less than handing it out
// costs. Above, the journeys are handed out in shards of shardJourneys
// (small enough that a core that finishes early takes another, large
// enough that handing out stays cheap).
const (
	parallelJourneys = 256
	shardJourneys    = 32
)

// A checker runs the passes over a model into sink. On several cores each
// goroutine has a copy of it with its own sink; the rest it only reads.
type checker struct {
	m    *Model
	sink *Collector

	// What the passes look up in the whole model, found once before them
	// and only read by them.
	visionIDs  []string
	personaIDs []string
	example    string   // a persona with knelpunten, for hints
	metricIDs  []string // of the metrics catalogue
	// journeyIDs holds, by journey, what the check of journey ids across
	// files found (a duplicate, a clash in case), in the order of the
	// journeys; the ids pass reports it where the journey's turn comes.
	journeyIDs map[int]Diagnostics
}

// newChecker finds what the passes look up in the whole model, and checks
// the journey ids across files, which needs every journey in order.
func newChecker(m *Model, sink *Collector) *checker {
	c := &checker{m: m, sink: sink, metricIDs: MetricCatalogueIDs()}
	c.visionIDs = make([]string, len(m.Project.Vision))
	for i, v := range m.Project.Vision {
		c.visionIDs[i] = v.ID
	}
	c.personaIDs = make([]string, len(m.Personas))
	for i, p := range m.Personas {
		c.personaIDs[i] = p.ID
		if c.example == "" && len(p.PainPoints) > 0 {
			c.example = p.ID
		}
	}
	if c.example == "" {
		c.example = "sanne"
	}
	found := &Collector{Lang: sink.Lang}
	ids := (&checker{m: m, sink: found}).newUniq(len(m.Journeys))
	ids.files = true
	for i, j := range m.Journeys {
		n := len(found.Diags)
		ids.add(j.ID, idAt(&j.Source))
		if len(found.Diags) > n {
			if c.journeyIDs == nil {
				c.journeyIDs = map[int]Diagnostics{}
			}
			c.journeyIDs[i] = found.Diags[n:len(found.Diags):len(found.Diags)]
		}
	}
	return c
}

func validate(m *Model, sink *Collector) {
	workers := 1
	if len(m.Journeys) >= parallelJourneys {
		workers = runtime.GOMAXPROCS(0)
	}
	validateOn(m, sink, workers)
}

// validateOn runs the passes over m on workers cores. On one, it runs them
// pass after pass; on more, it checks each shard of journeys through all
// passes, each pass into its own collector, and then appends what every
// pass found, its project part first and then its shards in order: the
// same diagnostics in the same order as pass after pass, because a pass's
// journey part depends only on the passes before it for the same journey
// (see pass).
func validateOn(m *Model, sink *Collector, workers int) {
	c := newChecker(m, sink)
	shards := (len(m.Journeys) + shardJourneys - 1) / shardJourneys
	if workers <= 1 || shards <= 1 {
		for _, p := range passes {
			if p.project != nil {
				p.project(c)
			}
			if p.journey != nil {
				for i, j := range m.Journeys {
					p.journey(c, i, j)
				}
			}
		}
		return
	}
	project := make([]Collector, len(passes))
	for k, p := range passes {
		if p.project != nil {
			project[k].Lang = sink.Lang
			pc := *c
			pc.sink = &project[k]
			p.project(&pc)
		}
	}
	found := make([][]Collector, shards) // by shard, then pass
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, shards) {
		wg.Go(func() {
			sc := *c
			for {
				s := int(next.Add(1)) - 1
				if s >= shards {
					return
				}
				sinks := make([]Collector, len(passes))
				for i := s * shardJourneys; i < min(len(m.Journeys), (s+1)*shardJourneys); i++ {
					j := m.Journeys[i]
					for k, p := range passes {
						if p.journey != nil {
							sinks[k].Lang = sink.Lang
							sc.sink = &sinks[k]
							p.journey(&sc, i, j)
						}
					}
				}
				found[s] = sinks
			}
		})
	}
	wg.Wait()
	for k := range passes {
		sink.Diags = append(sink.Diags, project[k].Diags...)
		for s := range found {
			sink.Diags = append(sink.Diags, found[s][k].Diags...)
		}
	}
}
