package requirements

import (
	"maps"
	"runtime"
	"sync"

	"github.com/dimpact/blueprint/blueprint"
)

// shardJourneys is the fewest journeys worth a shard of their own: below
// it the journey pass runs on one core (a shard costs a deriver of its own,
// with its own caches of texts, roles and kinds).
const shardJourneys = 200

// journeys is the pass over every journey (deriver.journey), letting go of
// each journey's steps after it when release is set. With many journeys
// it runs on every core: the journeys are cut into contiguous shards of
// about as many steps, each derived by a deriver of its own, and the
// shards' evidence is merged in journey order. Every journey's pass reads
// only the journey, the vocabulary and the catalogue, so the merged
// evidence is what one pass over all journeys gathers: the same traces in
// the same order, the same journeys and steps (stepBase keeps the step
// numbers of the shards apart), the same diagnostics.
func (dv *deriver) journeys(release bool) {
	js := dv.m.Journeys
	n := min(runtime.GOMAXPROCS(0), len(js)/shardJourneys)
	if n <= 1 {
		for _, j := range js {
			dv.journeyPass(j, release)
		}
		return
	}
	total := 0
	for _, j := range js {
		total += len(j.Steps)
	}
	shards := make([]*deriver, 0, n)
	var wg sync.WaitGroup
	start, base, steps := 0, 0, 0
	for i := range js {
		steps += len(js[i].Steps)
		last := i == len(js)-1
		if !last && (len(shards) == n-1 || steps*n < total*(len(shards)+1)) {
			continue
		}
		part, sh := js[start:i+1], newDeriver(dv.m, dv.cat, dv.lang, dv.d.Lang, base)
		shards = append(shards, sh)
		wg.Go(func() {
			for _, j := range part {
				sh.journeyPass(j, release)
			}
		})
		start, base = i+1, steps
	}
	wg.Wait()
	for _, sh := range shards {
		dv.merge(sh)
	}
	dv.stepBase = total
}

// journeyPass derives one journey and lets go of its steps when release
// is set: the later passes read only what names a step.
func (dv *deriver) journeyPass(j *blueprint.Journey, release bool) {
	dv.journey(j)
	if release {
		j.ReleaseSteps()
	}
}

// merge adds the evidence and diagnostics of shard sh, which derived the
// journeys after those already merged.
func (dv *deriver) merge(sh *deriver) {
	for r, se := range sh.ev {
		e := dv.ev[r]
		if e == nil {
			dv.ev[r] = se
			continue
		}
		e.traces = append(e.traces, se.traces...)
		maps.Copy(e.journeys, se.journeys)
		e.steps.or(se.steps)
		maps.Copy(e.viaJourneys, se.viaJourneys)
		e.viaSteps.or(se.viaSteps)
		maps.Copy(e.painJourneys, se.painJourneys)
		e.painPersona = e.painPersona || se.painPersona
		e.explicitID = e.explicitID || se.explicitID
		e.explicitFn = e.explicitFn || se.explicitFn
		e.direct = e.direct || se.direct
		e.overrides = append(e.overrides, se.overrides...)
		e.lastJourney, e.lastPain, e.lastStep = se.lastJourney, se.lastPain, se.lastStep
	}
	if len(dv.steps) == 0 {
		dv.steps = sh.steps // the first shard: its map, not a copy of it
	} else {
		maps.Copy(dv.steps, sh.steps)
	}
	for k, v := range sh.reasons {
		if _, ok := dv.reasons[k]; !ok {
			dv.reasons[k] = v
		}
	}
	dv.d.Diags = append(dv.d.Diags, sh.d.Diags...)
}
