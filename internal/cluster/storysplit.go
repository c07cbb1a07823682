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
	evs := make([]*event, 0, len(st.events))
	for _, ev := range st.events {
		if ev.alive && ev.voters > 0 {
			evs = append(evs, ev)
		}
	}
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
	for range splitRounds {
		changed := false
		for i, ev := range evs {
			toB := c.clusterSim(&ev.cluster, b) > c.clusterSim(&ev.cluster, a)
			if toB != inB[i] {
				inB[i], changed = toB, true
			}
		}
		na := slices.Index(inB, false)
		nb := slices.Index(inB, true)
		if na < 0 || nb < 0 {
			return // one group: nothing to split
		}
		a, b = sumEvents(evs, inB, false), sumEvents(evs, inB, true)
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
	var sum float64
	for i, ev := range evs {
		own, other := a, b
		if inB[i] {
			own, other = b, a
		}
		so, sx := c.simWithout(&ev.cluster, own), c.clusterSim(&ev.cluster, other)
		if m := max(so, sx); m > 0 {
			sum += (so - sx) / m
		}
	}
	return sum / float64(len(evs))
}

// simWithout is clusterSim(x, y − x) for a group y that sums x among
// others, from dot products, without building y − x.
func (c *Clusterer) simWithout(x, y *cluster) float64 {
	s := c.opt.StoryText * c.cosWithout(&x.terms, &y.terms)
	if c.opt.StoryEntities > 0 {
		s += c.opt.StoryEntities * c.cosWithout(&x.ents, &y.ents)
	}
	return s / (c.opt.StoryText + c.opt.StoryEntities)
}

// cosWithout is the IDF-weighted cosine of x with y − x: (x·y − x·x) /
// (|x| |y − x|), where |y − x|² = |y|² − 2 x·y + |x|².
func (c *Clusterer) cosWithout(x, y *centroid) float64 {
	xy, xx := c.dotIDF(x, y), c.dotIDF(x, x)
	ny := c.norm(y)
	rest := ny*ny - 2*xy + xx
	if xx <= 0 || rest <= 1e-12 {
		return 0
	}
	return (xy - xx) / (math.Sqrt(xx) * math.Sqrt(rest))
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

// sumEvents sums the centroids of the events of evs whose inB is side.
func sumEvents(evs []*event, inB []bool, side bool) *cluster {
	cl := &cluster{terms: newCentroid(), ents: newCentroid()}
	for i, ev := range evs {
		if inB[i] == side {
			cl.terms.addCentroid(&ev.terms)
			cl.ents.addCentroid(&ev.ents)
		}
	}
	return cl
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
