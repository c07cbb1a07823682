package cluster

import (
	"math"
	"slices"
)

// Story splitting.
//
// A new event joins the best story by its first article, and refinement
// moves events one at a time: neither undoes a story that took the first
// event of another topic by a chance likeness, because each later event of
// that topic then finds its like in the story, and each, weighed alone
// against the story without it, still fits the others of its topic there.
// In DUC 2006 the child car seat topic takes the car workers' strike this
// way, and the Chechen war takes Putin's election campaign. splitStory
// weighs the story's events as two groups instead: two-means over the
// events' centroids, seeded by the event least like the story and the
// event least like that one. When the two groups' centroids are less alike
// than Options.StorySplit, the group without the story's oldest event
// leaves for a new story. Those two DUC pairs are closer than the default
// (their groups score 0.27 and 0.33 in file order), and so are some broad
// topics' halves (Generation X, adoption: 0.25–0.27): the default splits
// the looser mixtures and leaves those to the second test. That one asks
// how the events sit, not how far the groups lie: the silhouette, the mean
// over events of (own − other) / max(own, other), own being an event's
// likeness to its group without it and other its likeness to the other
// group. Two topics that merged score 0.52–0.65, each event deep inside its
// own; the halves of one broad topic mostly below 0.47, their events strung
// between them. At Options.StorySplitApart (0.5) or more the story splits
// too; doc.go has the figures.

// splitMinEvents is the fewest events a story must hold to be split: with
// fewer, one odd event is refinement's business, not a topic's.
const splitMinEvents = 4

// splitMinGroup is the fewest events each group must hold: a lone event
// unlike the rest is an odd event, which refinement may move, while a
// topic that came in by a chance likeness has brought its followers.
const splitMinGroup = 2

// splitRounds bounds the two-means iterations; the groups settle in two
// or three.
const splitRounds = 4

// splitStory splits st in two if its events fall apart, recording the
// moves in asg.
func (c *Clusterer) splitStory(st *story, asg *Assignment) {
	evs := liveEvents(st)
	if len(evs) < splitMinEvents {
		return
	}
	// Seeds: the event least like the story, and the event least like it.
	seedB := leastLike(evs, func(ev *event) float64 { return c.clusterSim(&ev.cluster, &st.cluster) })
	seedA := leastLike(evs, func(ev *event) float64 {
		if ev == seedB {
			return 2
		}
		return c.clusterSim(&ev.cluster, &seedB.cluster)
	})
	inB := make([]bool, len(evs))
	a, b := &seedA.cluster, &seedB.cluster
	sa, sb := make([]float64, len(evs)), make([]float64, len(evs))
	for range splitRounds {
		changed := false
		c.simsTo(evs, a, sa)
		c.simsTo(evs, b, sb)
		for i := range evs {
			toB := sb[i] > sa[i]
			if toB != inB[i] {
				inB[i], changed = toB, true
			}
		}
		na := slices.Index(inB, false)
		nb := slices.Index(inB, true)
		if na < 0 || nb < 0 {
			return // one group: nothing to split
		}
		a, b = c.sumEvents(evs, inB, false), c.sumEvents(evs, inB, true)
		if !changed {
			break
		}
	}
	if nb := countTrue(inB); nb < splitMinGroup || len(evs)-nb < splitMinGroup {
		return
	}
	if c.clusterSim(a, b) >= c.opt.StorySplit && (c.opt.StorySplitApart == 0 || c.silhouette(evs, inB, a, b) < c.opt.StorySplitApart) {
		return
	}
	if c.signatures() {
		// Two groups that name the same rare word are two sides of one
		// broad story (signature.go).
		if sa := c.signature(evs, inB, false); sa >= 0 && sa == c.signature(evs, inB, true) {
			return
		}
	}
	// The group with the oldest event keeps the story.
	leave := !inB[0]
	fresh := c.newStory()
	for i, ev := range evs {
		if inB[i] != leave {
			continue
		}
		tv, ev2 := asVec(&ev.terms), asVec(&ev.ents)
		st.terms.sub(tv)
		st.ents.sub(ev2)
		c.moveEvent(ev, st, fresh, tv, ev2, asg)
	}
	fresh.splitAt = c.seq
}

// silhouette is the mean over evs of (own - other) / max(own, other),
// where own is an event's likeness to its group without it and other its
// likeness to the other group: near 1 when each event sits well inside its
// own group, near 0 when the groups blur into each other.
func (c *Clusterer) silhouette(evs []*event, inB []bool, a, b *cluster) float64 {
	n := len(evs)
	at, bt, ae, be := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	c.groupDots(evs, &a.terms, termsOf, at)
	c.groupDots(evs, &b.terms, termsOf, bt)
	if c.opt.StoryEntities > 0 {
		c.groupDots(evs, &a.ents, entsOf, ae)
		c.groupDots(evs, &b.ents, entsOf, be)
	}
	var sum float64
	for i, ev := range evs {
		own, other := a, b
		ot, oe, xt, xe := at[i], ae[i], bt[i], be[i]
		if inB[i] {
			own, other = b, a
			ot, oe, xt, xe = xt, xe, ot, oe
		}
		so := c.opt.StoryText * c.cosWithout(ot, c.dotIDF(&ev.terms, &ev.terms), c.norm(&own.terms))
		sx := c.opt.StoryText * c.cosOf(xt, &ev.terms, &other.terms)
		if c.opt.StoryEntities > 0 {
			so += c.opt.StoryEntities * c.cosWithout(oe, c.dotIDF(&ev.ents, &ev.ents), c.norm(&own.ents))
			sx += c.opt.StoryEntities * c.cosOf(xe, &ev.ents, &other.ents)
		}
		so /= c.opt.StoryText + c.opt.StoryEntities
		sx /= c.opt.StoryText + c.opt.StoryEntities
		if m := max(so, sx); m > 0 {
			sum += (so - sx) / m
		}
	}
	return sum / float64(n)
}

// cosWithout is the IDF-weighted cosine of an event x with y − x, for a
// group y that sums x among others, from xy = x·y, xx = x·x and ny = |y|:
// (xy − xx) / (|x| |y − x|), where |y − x|² = |y|² − 2 x·y + |x|².
func (c *Clusterer) cosWithout(xy, xx, ny float64) float64 {
	rest := ny*ny - 2*xy + xx
	if xx <= 0 || rest <= 1e-12 {
		return 0
	}
	return (xy - xx) / (math.Sqrt(xx) * math.Sqrt(rest))
}

// cosOf is the cosine of x and y from their dot product, as centroidCos
// computes it: the norms are taken only for a dot product other than
// nought, since taking one caches it (see norm), and a norm cached at
// another article count than the straightforward computation's would
// change later figures.
func (c *Clusterer) cosOf(dot float64, x, y *centroid) float64 {
	if dot == 0 {
		return 0
	}
	return dot / (c.norm(x) * c.norm(y))
}

func termsOf(ev *event) *centroid { return &ev.terms }
func entsOf(ev *event) *centroid  { return &ev.ents }

// simsTo sets out[i] to clusterSim(evs[i], g), scattering g once rather
// than walking its (long) entries once per event. The sums are taken in
// the order clusterSim takes them: the figures are the same to the bit.
func (c *Clusterer) simsTo(evs []*event, g *cluster, out []float64) {
	n := len(evs)
	dt := make([]float64, n)
	c.groupDots(evs, &g.terms, termsOf, dt)
	var de []float64
	if c.opt.StoryEntities > 0 {
		de = make([]float64, n)
		c.groupDots(evs, &g.ents, entsOf, de)
	}
	for i, ev := range evs {
		s := c.opt.StoryText * c.cosOf(dt[i], &ev.terms, &g.terms)
		if c.opt.StoryEntities > 0 {
			s += c.opt.StoryEntities * c.cosOf(de[i], &ev.ents, &g.ents)
		}
		out[i] = s / (c.opt.StoryText + c.opt.StoryEntities)
	}
}

// groupDots sets out[i] to the IDF²-weighted dot product of part(evs[i])
// with g, as dotIDF computes it, with g scattered in c.acc.
func (c *Clusterer) groupDots(evs []*event, g *centroid, part func(*event) *centroid, out []float64) {
	c.growAcc()
	for _, e := range g.e {
		c.acc[e.id], c.accSet[e.id] = e.w, true
	}
	for i, ev := range evs {
		var dot float64
		for _, e := range part(ev).e {
			if c.accSet[e.id] {
				idf := c.idf(e.id)
				dot += float64(e.w) * float64(c.acc[e.id]) * idf * idf
			}
		}
		out[i] = dot
	}
	for _, e := range g.e {
		c.acc[e.id], c.accSet[e.id] = 0, false
	}
}

// leastLike returns the event of evs for which sim is least, the older on
// ties.
func leastLike(evs []*event, sim func(*event) float64) *event {
	best, bs := evs[0], sim(evs[0])
	for _, ev := range evs[1:] {
		if s := sim(ev); s < bs {
			best, bs = ev, s
		}
	}
	return best
}

// liveEvents returns st's events in memory that voted.
func liveEvents(st *story) []*event {
	var out []*event
	for _, ev := range st.events {
		if ev.alive && ev.voters > 0 {
			out = append(out, ev)
		}
	}
	return out
}

// growAcc sizes the dense buffer acc/accSet to the vocabulary.
func (c *Clusterer) growAcc() {
	if len(c.acc) < len(c.vocab) {
		c.acc = append(c.acc, make([]float32, len(c.vocab)-len(c.acc))...)
		c.accSet = append(c.accSet, make([]bool, len(c.vocab)-len(c.accSet))...)
	}
}

// sumEvents sums the centroids of the events of evs whose inB is side.
func (c *Clusterer) sumEvents(evs []*event, inB []bool, side bool) *cluster {
	cl := &cluster{terms: newCentroid(), ents: newCentroid()}
	c.sumInto(&cl.terms, evs, inB, side, func(ev *event) *centroid { return &ev.terms })
	c.sumInto(&cl.ents, evs, inB, side, func(ev *event) *centroid { return &ev.ents })
	return cl
}

// sumInto sums the centroids part picks of the events of evs whose inB is
// side into ce, in a dense buffer by term id: adding them one by one to a
// sorted list costs a pass over the growing sum per event. The sums are
// taken in event order, as that would.
func (c *Clusterer) sumInto(ce *centroid, evs []*event, inB []bool, side bool, part func(*event) *centroid) {
	c.growAcc()
	ids := c.accIDs[:0]
	for i, ev := range evs {
		if inB[i] != side {
			continue
		}
		for _, e := range part(ev).e {
			if !c.accSet[e.id] {
				c.accSet[e.id] = true
				ids = append(ids, e.id)
			}
			c.acc[e.id] += e.w
		}
	}
	slices.Sort(ids)
	ce.e = make([]wentry, len(ids))
	for i, id := range ids {
		ce.e[i] = wentry{id, c.acc[id]}
		c.acc[id], c.accSet[id] = 0, false
	}
	c.accIDs = ids
}

// clusterSim is the similarity of two clusters as a story weighs it: the
// IDF-weighted cosines of their term and entity centroids, by StoryText
// and StoryEntities.
func (c *Clusterer) clusterSim(x, y *cluster) float64 {
	s := c.opt.StoryText * c.centroidCos(&x.terms, &y.terms)
	if c.opt.StoryEntities > 0 {
		s += c.opt.StoryEntities * c.centroidCos(&x.ents, &y.ents)
	}
	return s / (c.opt.StoryText + c.opt.StoryEntities)
}

// centroidCos is the cosine of two centroids weighted by IDF.
func (c *Clusterer) centroidCos(x, y *centroid) float64 {
	dot := c.dotIDF(x, y)
	if dot == 0 {
		return 0
	}
	return dot / (c.norm(x) * c.norm(y))
}

// dotIDF is the dot product of two centroids weighted by IDF².
func (c *Clusterer) dotIDF(x, y *centroid) float64 {
	var dot float64
	i, j := 0, 0
	for i < len(x.e) && j < len(y.e) {
		switch a, b := x.e[i], y.e[j]; {
		case a.id < b.id:
			i++
		case b.id < a.id:
			j++
		default:
			idf := c.idf(a.id)
			dot += float64(a.w) * float64(b.w) * idf * idf
			i++
			j++
		}
	}
	return dot
}

func countTrue(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}
