package cluster

import (
	"cmp"
	"slices"
)

// Story signatures.
//
// Some stories are broad: DUC 2006's wetlands topic holds American
// rule-making and Chinese conservation, its adoption topic both the laws
// and the families. Their two halves are each coherent, so the silhouette
// tests (storysplit.go, mergeBlurred) see two stories, and a story that
// opened twice stays two. What makes each one story to a reader is a word
// nearly all its articles use and few others do: "wetlands", "adoption".
// A story's signature is that word: the term present in
// Options.StorySignature (0.8) or more of its events, in no more than
// Options.StorySignatureDF (0.1) of all articles, weightiest by share ×
// IDF. Two stories of three events or more with the same signature are
// one story: a refinement merges them, and the split test does not part
// two groups that share one. On DUC 2006 no two topics share a signature
// at these settings (internal/eval; doc.go has the figures).

// sigMinEvents is the fewest events a story (or a group of its events)
// must hold to have a signature: with fewer, a shared word is a
// coincidence.
const sigMinEvents = 3

// signatures reports whether the signature tests are on.
func (c *Clusterer) signatures() bool { return c.opt.StorySignature > 0 }

// signature returns the signature of the events of evs whose inB is side
// (all of them when inB is nil), or -1 if they have none.
func (c *Clusterer) signature(evs []*event, inB []bool, side bool) int32 {
	if inB == nil && len(evs) < sigMinEvents || inB != nil && sideCount(inB, side) < sigMinEvents {
		return -1
	}
	n := 0
	c.growAcc()
	ids := c.accIDs[:0]
	for i, ev := range evs {
		if inB != nil && inB[i] != side {
			continue
		}
		n++
		for _, e := range ev.terms.e {
			if !c.accSet[e.id] {
				c.accSet[e.id] = true
				ids = append(ids, e.id)
			}
			c.acc[e.id]++
		}
	}
	best, bestW := int32(-1), 0.0
	maxDF := c.opt.StorySignatureDF * float64(c.docs)
	for _, id := range ids {
		share := float64(c.acc[id]) / float64(n)
		if share < c.opt.StorySignature || float64(c.vocab[id].df) > maxDF {
			continue
		}
		// Ties go to the lower id: the same in every run.
		if w := share * c.idf(id); w > bestW || w == bestW && id < best {
			best, bestW = id, w
		}
	}
	for _, id := range ids {
		c.acc[id], c.accSet[id] = 0, false
	}
	c.accIDs = ids
	return best
}

// sideCount counts the entries of inB that are side.
func sideCount(inB []bool, side bool) int {
	n := countTrue(inB)
	if !side {
		n = len(inB) - n
	}
	return n
}

// mergeSigned merges st with each story in memory that has st's
// signature, found through the story index (a signature, named by most of
// a story's events and rare elsewhere, is among its weightiest keys).
func (c *Clusterer) mergeSigned(st *story, asg *Assignment) {
	sig := c.storySignature(st)
	if sig < 0 {
		return
	}
	// Oldest first, whatever order the posting list was built in (a
	// restored index may hold it otherwise): the same merges, recorded in
	// the same order, in every run.
	others := slices.Clone(c.storyIndex[sig])
	slices.SortFunc(others, func(x, y *story) int { return cmp.Compare(x.n, y.n) })
	for _, o := range others {
		if o == st || !o.alive || !st.alive {
			continue
		}
		if c.storySignature(o) == sig {
			st = c.mergeStories(st, o, asg)
			st.sigAt = 0 // its events changed
		}
	}
}

// storySignature returns st's signature, taken once per refinement pass:
// a story the index offers under many signatures is weighed once. (The
// survivor of a merge is taken again.)
func (c *Clusterer) storySignature(st *story) int32 {
	if st.sigAt != c.seq {
		st.sig, st.sigAt = c.signature(liveEvents(st), nil, false), c.seq
	}
	return st.sig
}
