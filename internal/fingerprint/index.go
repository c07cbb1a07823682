package fingerprint

import (
	"cmp"
	"slices"
)

// Index limits.
const (
	// MaxPostings is the most articles one key keeps. A band key full to
	// this bound still yields its articles (they are copies of one another
	// and one is enough to find the group); a passage key full to it is
	// boilerplate and yields nothing.
	MaxPostings = 64
	// MinPassageHits is how many passage fingerprints an article must
	// share with the query to be a candidate when no band agrees.
	MinPassageHits = 2
	// MaxDoc is the largest article number the index accepts.
	MaxDoc = 1<<32 - 2
)

const (
	emptySlot = 0
	deadSlot  = 1 // key 0 (never a real key), doc 1
	minSlots  = 1 << 10
)

// Candidate is a held article that may share text with the query.
type Candidate struct {
	Doc uint32
	// Bands is the number of LSH bands it shares with the query.
	Bands int
	// Passages is the number of passage fingerprints it shares.
	Passages int
}

// Index finds held articles that may share text with a query: those that
// agree on an LSH band or share MinPassageHits passage fingerprints. It keeps
// one 64-bit slot per band and per passage fingerprint of each article (the
// key in the high half, the article number in the low half) in one
// open-addressed table with linear probing, kept at most 70% full.
//
// The zero Index is not usable: call NewIndex. An Index is not safe for
// concurrent use.
type Index struct {
	slots []uint64
	mask  uint64
	used  int // live and dead slots
	dead  int
	docs  int
	keys  []uint32 // scratch
	hits  []uint64 // scratch: doc<<1 | isPassage
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{slots: make([]uint64, minSlots), mask: minSlots - 1}
}

// Len returns the number of articles added and not removed.
func (x *Index) Len() int { return x.docs }

// Bytes returns the memory held by the index's table.
func (x *Index) Bytes() int { return len(x.slots) * 8 }

func (x *Index) sketchKeys(s *Sketch) []uint32 {
	x.keys = bandKeys(x.keys[:0], &s.Signature)
	x.keys = passageKeys(x.keys, s.Passages)
	return x.keys
}

func home(key uint32, mask uint64) uint64 {
	return mix64(uint64(key)) & mask
}

// Add indexes an article under the number doc, which must be at most MaxDoc
// and not already held. An empty sketch is counted but indexes nothing.
func (x *Index) Add(doc uint32, s *Sketch) {
	if doc > MaxDoc {
		panic("fingerprint: article number out of range")
	}
	x.docs++
	if len(s.Set) == 0 {
		return
	}
	keys := x.sketchKeys(s)
	if (x.used+len(keys))*10 > len(x.slots)*7 {
		x.rehash(x.used - x.dead + len(keys))
	}
	for _, k := range keys {
		x.insert(k, doc)
	}
}

func (x *Index) insert(k uint32, doc uint32) {
	slot := uint64(k)<<32 | uint64(doc)
	n := 0
	firstDead := -1
	for i := home(k, x.mask); ; i = (i + 1) & x.mask {
		v := x.slots[i]
		switch {
		case v == emptySlot:
			if firstDead >= 0 {
				x.slots[firstDead] = slot
				x.dead--
				return
			}
			x.slots[i] = slot
			x.used++
			return
		case v == deadSlot:
			if firstDead < 0 {
				firstDead = int(i)
			}
		case uint32(v>>32) == k:
			if v == slot { // a repeated key of one article
				return
			}
			if n++; n >= MaxPostings {
				return
			}
		}
	}
}

// Remove drops an article that was added with this sketch. Removing an
// article that is not held changes nothing but the count.
func (x *Index) Remove(doc uint32, s *Sketch) {
	x.docs--
	if len(s.Set) == 0 {
		return
	}
	for _, k := range x.sketchKeys(s) {
		slot := uint64(k)<<32 | uint64(doc)
		for i := home(k, x.mask); x.slots[i] != emptySlot; i = (i + 1) & x.mask {
			if x.slots[i] == slot {
				x.slots[i] = deadSlot
				x.dead++
				break
			}
		}
	}
	if x.dead*4 > len(x.slots) {
		x.rehash(x.used - x.dead)
	}
}

// rehash rebuilds the table for live entries, dropping dead slots.
func (x *Index) rehash(live int) {
	size := minSlots
	for size < live*2 { // at most half full after a rebuild
		size *= 2
	}
	old := x.slots
	x.slots = make([]uint64, size)
	x.mask = uint64(size - 1)
	x.used, x.dead = 0, 0
	for _, v := range old {
		if v == emptySlot || v == deadSlot {
			continue
		}
		i := home(uint32(v>>32), x.mask)
		for x.slots[i] != emptySlot {
			i = (i + 1) & x.mask
		}
		x.slots[i] = v
		x.used++
	}
}

// Candidates appends to dst the held articles that agree with s on a band
// or share at least MinPassageHits passage fingerprints, most bands first,
// then most passages, then lowest number.
func (x *Index) Candidates(dst []Candidate, s *Sketch) []Candidate {
	if len(s.Set) == 0 {
		return dst
	}
	keys := x.sketchKeys(s)
	base := len(dst)
	hits := x.hits[:0]
	for j, k := range keys {
		passage := j >= Bands
		start := len(hits)
		for i := home(k, x.mask); x.slots[i] != emptySlot; i = (i + 1) & x.mask {
			v := x.slots[i]
			if v != deadSlot && uint32(v>>32) == k {
				var p uint64
				if passage {
					p = 1
				}
				hits = append(hits, uint64(uint32(v))<<1|p)
			}
		}
		if passage && len(hits)-start >= MaxPostings {
			hits = hits[:start] // boilerplate
		}
	}
	slices.Sort(hits)
	for i := 0; i < len(hits); {
		doc := uint32(hits[i] >> 1)
		c := Candidate{Doc: doc}
		for ; i < len(hits) && uint32(hits[i]>>1) == doc; i++ {
			if hits[i]&1 == 1 {
				c.Passages++
			} else {
				c.Bands++
			}
		}
		if c.Bands > 0 || c.Passages >= MinPassageHits {
			dst = append(dst, c)
		}
	}
	x.hits = hits
	slices.SortFunc(dst[base:], func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(b.Bands, a.Bands), cmp.Compare(b.Passages, a.Passages), cmp.Compare(a.Doc, b.Doc))
	})
	return dst
}
