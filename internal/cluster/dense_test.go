package cluster

import (
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomEvents returns n events over c's vocabulary with random sparse
// centroids (some empty, some sharing no term with the rest), as the
// story split and merge weigh them.
func randomEvents(c *Clusterer, rng *rand.Rand, n int) []*event {
	centroid := func() centroid {
		ce := newCentroid()
		k := rng.IntN(40)
		if rng.IntN(8) == 0 {
			k = 0
		}
		ids := map[int32]bool{}
		for range k {
			ids[int32(rng.IntN(len(c.vocab)))] = true
		}
		for _, id := range slices.Sorted(maps.Keys(ids)) {
			ce.e = append(ce.e, wentry{id, float32(rng.Float64()*3 + 1e-3)})
		}
		return ce
	}
	evs := make([]*event, n)
	for i := range evs {
		evs[i] = &event{cluster: cluster{n: int64(i + 1), terms: centroid(), ents: centroid(), voters: 1, alive: true}}
	}
	return evs
}

// checkDenseClean fails unless the dense buffer is all nought and unset,
// as every use must leave it.
func checkDenseClean(t *testing.T, c *Clusterer, after string) {
	t.Helper()
	for id, w := range c.acc {
		if w != 0 || c.accSet[id] {
			t.Fatalf("after %s: dense buffer holds %v (set %v) at term %d", after, w, c.accSet[id], id)
		}
	}
	for id, q := range c.q {
		if q != 0 {
			t.Fatalf("after %s: the scattered query holds %v at term %d", after, q, id)
		}
	}
}

// TestDenseSums: the story split's and merge's dense-buffer sums give, to
// the bit, what the straightforward merges give (simsTo as clusterSim,
// groupDots as dotIDF, sumEvents as addCentroid event by event), leave
// each centroid's cached norm as clusterSim would, and leave the buffer
// clean; the silhouette's cosine without an event is the cosine with the
// group less that event.
func TestDenseSums(t *testing.T) {
	for _, ents := range []float64{0, 1} {
		opt := DefaultOptions()
		opt.StoryEntities = ents
		c := mustNew(t, opt)
		run(t, c, synthDocs(5, 60)) // a vocabulary and its IDF
		rng := rand.New(rand.NewPCG(7, uint64(ents)))
		for round := range 50 {
			n := 2 + rng.IntN(12)
			evs := randomEvents(c, rng, n)
			inB := make([]bool, n)
			for i := range inB {
				inB[i] = rng.IntN(2) == 0
			}
			inB[0], inB[n-1] = false, true
			// Straight sums, event by event.
			want := [2]*cluster{}
			for k, side := range []bool{false, true} {
				cl := &cluster{terms: newCentroid(), ents: newCentroid()}
				for i, ev := range evs {
					if inB[i] == side {
						cl.terms.addCentroid(&ev.terms)
						cl.ents.addCentroid(&ev.ents)
					}
				}
				want[k] = cl
				got := c.sumEvents(evs, inB, side)
				checkDenseClean(t, c, "sumEvents")
				if !slices.Equal(got.terms.e, cl.terms.e) || !slices.Equal(got.ents.e, cl.ents.e) {
					t.Fatalf("round %d side %v: sumEvents %v / %v, summed one by one %v / %v", round, side, got.terms.e, got.ents.e, cl.terms.e, cl.ents.e)
				}
			}
			// Against an event (a seed) and against a sum; with every
			// event's norm stale, so that computing one shows.
			for _, g := range []*cluster{&evs[rng.IntN(n)].cluster, want[0], want[1]} {
				stale := func() {
					for _, ev := range evs {
						ev.terms.normAt, ev.ents.normAt = -1, -1
					}
					g.terms.normAt, g.ents.normAt = -1, -1
				}
				stale()
				got := make([]float64, n)
				c.simsTo(evs, g, got)
				checkDenseClean(t, c, "simsTo")
				gotAt := make([][2]int64, n)
				for i, ev := range evs {
					gotAt[i] = [2]int64{ev.terms.normAt, ev.ents.normAt}
				}
				stale()
				for i, ev := range evs {
					if w := c.clusterSim(&ev.cluster, g); math.Float64bits(w) != math.Float64bits(got[i]) {
						t.Fatalf("round %d: simsTo %v, clusterSim %v for event %d", round, got[i], w, i)
					}
					if at := [2]int64{ev.terms.normAt, ev.ents.normAt}; at != gotAt[i] {
						t.Fatalf("round %d: event %d's norms cached at %v after simsTo, %v after clusterSim", round, i, gotAt[i], at)
					}
				}
				dots := make([]float64, n)
				c.groupDots(evs, &g.terms, termsOf, dots)
				checkDenseClean(t, c, "groupDots")
				for i, ev := range evs {
					if w := c.dotIDF(&ev.terms, &g.terms); math.Float64bits(w) != math.Float64bits(dots[i]) {
						t.Fatalf("round %d: groupDots %v, dotIDF %v for event %d", round, dots[i], w, i)
					}
				}
			}
			// cosWithout against the group less the event, in float64.
			for i, ev := range evs {
				g := want[0]
				if inB[i] {
					g = want[1]
				}
				xy, xx := c.dotIDF(&ev.terms, &g.terms), c.dotIDF(&ev.terms, &ev.terms)
				got := c.cosWithout(xy, xx, c.norm(&g.terms))
				var dot, nx, nr float64
				for _, e := range g.terms.e {
					idf := c.idf(e.id)
					r := float64(e.w)
					if k, ok := slices.BinarySearchFunc(ev.terms.e, e.id, func(w wentry, id int32) int { return int(w.id - id) }); ok {
						x := float64(ev.terms.e[k].w)
						r -= x
						dot += x * r * idf * idf
					}
					nr += r * r * idf * idf
				}
				for _, e := range ev.terms.e {
					idf := c.idf(e.id)
					nx += float64(e.w) * float64(e.w) * idf * idf
				}
				want := 0.0
				if nx > 0 && nr > 1e-9 {
					want = dot / math.Sqrt(nx*nr)
				}
				if math.Abs(got-want) > 1e-4*max(1, math.Abs(want)) {
					t.Fatalf("round %d: event %d's cosine with its group without it %v, want %v", round, i, got, want)
				}
			}
			if s := c.silhouette(evs, inB, want[0], want[1]); math.IsNaN(s) || s < -1 || s > 1 {
				t.Fatalf("round %d: silhouette %v", round, s)
			}
			checkDenseClean(t, c, "silhouette")
		}
	}
}
