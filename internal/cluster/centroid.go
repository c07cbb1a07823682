package cluster

import (
	"cmp"
	"math"
	"slices"
)

// entry is one weighted term of an article's sparse vector.
type entry struct {
	id int32
	w  float32
}

// vec is a sparse vector sorted by term id.
type vec []entry

// wentry is one weighted term of a centroid. Weights are float32, like
// the articles' vectors they sum: half the memory of float64, and the sums
// are the same in every run.
type wentry struct {
	id int32
	w  float32
}

// centroid is a sum of articles' term-frequency vectors (each of unit
// length), sorted by term id, without IDF: IDF is applied when the
// centroid is compared, with the counts of that moment, so that an event
// formed while the IDF was still young is not stuck with the weights it
// had then.
type centroid struct {
	e []wentry
	// norm2 is the squared norm of e weighted by IDF, computed when the
	// article count was normAt; normAt < 0 marks it stale.
	norm2  float64
	normAt int64
}

func newCentroid() centroid { return centroid{normAt: -1} }

// add adds the sorted vector v, merging in place from the back.
func (ce *centroid) add(v vec) {
	if len(v) == 0 {
		return
	}
	// Count the new keys.
	fresh, i := 0, 0
	for _, x := range v {
		for i < len(ce.e) && ce.e[i].id < x.id {
			i++
		}
		if i == len(ce.e) || ce.e[i].id != x.id {
			fresh++
		}
	}
	n := len(ce.e)
	ce.e = slices.Grow(ce.e, fresh)[:n+fresh]
	i, j, k := n-1, len(v)-1, n+fresh-1
	for j >= 0 {
		switch {
		case i >= 0 && ce.e[i].id > v[j].id:
			ce.e[k] = ce.e[i]
			i--
		case i >= 0 && ce.e[i].id == v[j].id:
			ce.e[k] = wentry{v[j].id, ce.e[i].w + v[j].w}
			i--
			j--
		default:
			ce.e[k] = wentry{v[j].id, v[j].w}
			j--
		}
		k--
	}
	ce.normAt = -1
}

// addCentroid adds o.
func (ce *centroid) addCentroid(o *centroid) {
	out := make([]wentry, 0, len(ce.e)+len(o.e))
	i, j := 0, 0
	for i < len(ce.e) || j < len(o.e) {
		switch {
		case j == len(o.e) || i < len(ce.e) && ce.e[i].id < o.e[j].id:
			out = append(out, ce.e[i])
			i++
		case i == len(ce.e) || o.e[j].id < ce.e[i].id:
			out = append(out, o.e[j])
			j++
		default:
			out = append(out, wentry{ce.e[i].id, ce.e[i].w + o.e[j].w})
			i++
			j++
		}
	}
	ce.e, ce.normAt = out, -1
}

// normDrift is how far the article count may move (as a fraction) before
// a centroid's IDF-weighted norm is computed again.
const normDrift = 0.02

// norm returns the IDF-weighted norm of ce.
func (c *Clusterer) norm(ce *centroid) float64 {
	if ce.normAt < 0 || float64(c.docs-ce.normAt) > normDrift*float64(c.docs) {
		ce.norm2 = 0
		for _, e := range ce.e {
			x := float64(e.w) * c.idf(e.id)
			ce.norm2 += x * x
		}
		ce.normAt = c.docs
	}
	return math.Sqrt(ce.norm2)
}

// cos is the cosine of the query scattered in c.q (unit TF-IDF weights
// times IDF, by term id) with ce.
func (c *Clusterer) cos(ce *centroid) float64 {
	if len(ce.e) == 0 {
		return 0
	}
	var s float64
	q := c.q
	for _, e := range ce.e {
		s += float64(e.w) * q[e.id]
	}
	if s == 0 {
		return 0
	}
	n := c.norm(ce)
	if n == 0 {
		return 0
	}
	return s / n
}

// scatter puts v's weights times IDF into c.q, for cos; unscatter clears
// them again.
func (c *Clusterer) scatter(v vec) {
	if len(c.q) < len(c.vocab) {
		c.q = append(c.q, make([]float64, len(c.vocab)-len(c.q))...)
	}
	for _, e := range v {
		c.q[e.id] = float64(e.w) * c.idf(e.id)
	}
}

func (c *Clusterer) unscatter(v vec) {
	for _, e := range v {
		c.q[e.id] = 0
	}
}

// compact keeps the k weightiest entries of ce (raw weight × IDF, so that
// what goes is what says least).
func (c *Clusterer) compact(ce *centroid, k int) {
	if len(ce.e) <= k {
		return
	}
	keep := c.topKeys(ce, k)
	// Room to grow back to 2k (see prune) without moving.
	out := make([]wentry, 0, 2*k+1)
	j := 0
	for _, e := range ce.e {
		if j < len(keep) && keep[j] == e.id {
			out = append(out, e)
			j++
		}
	}
	ce.e, ce.normAt = out, -1
}

// prune compacts ce to its k weightiest entries once it holds more than 2k.
func (c *Clusterer) prune(ce *centroid, k int) {
	if len(ce.e) > 2*k {
		c.compact(ce, k)
	}
}

// ranked is a key and its weight × IDF.
type ranked struct {
	id int32
	w  float64
}

// heavier is the total order of ranking: heaviest first, then by key.
func heavier(a, b ranked) int {
	switch {
	case a.w > b.w:
		return -1
	case a.w < b.w:
		return 1
	}
	return cmp.Compare(a.id, b.id)
}

// ranks returns the keys of ce with their weight × IDF, in c's reused
// buffer.
func (c *Clusterer) ranks(ce *centroid) []ranked {
	rs := c.heap[:0]
	for _, e := range ce.e {
		rs = append(rs, ranked{e.id, float64(e.w) * c.idf(e.id)})
	}
	c.heap = rs
	return rs
}

// topKeys returns the k strongest keys of ce by weight × IDF (ties by key),
// sorted by key.
func (c *Clusterer) topKeys(ce *centroid, k int) []int32 {
	rs := c.ranks(ce)
	k = min(k, len(rs))
	selectTop(rs, k, heavier)
	out := make([]int32, k)
	for i, r := range rs[:k] {
		out[i] = r.id
	}
	slices.Sort(out)
	return out
}

// rankTop returns the k strongest keys of ce by weight × IDF, strongest
// first, ties by key.
func (c *Clusterer) rankTop(ce *centroid, k int) []int32 {
	rs := c.ranks(ce)
	k = min(k, len(rs))
	selectTop(rs, k, heavier)
	slices.SortFunc(rs[:k], heavier)
	out := make([]int32, k)
	for i, r := range rs[:k] {
		out[i] = r.id
	}
	return out
}

// selectTop reorders xs so that its first k elements are the k first in
// the total order cmp, in no particular order: a quickselect with a
// median-of-three pivot, deterministic for a total order.
func selectTop[T any](xs []T, k int, cmp func(a, b T) int) {
	lo, hi := 0, len(xs)-1
	if k <= 0 || k >= len(xs) {
		return
	}
	for hi-lo > 16 {
		mid := lo + (hi-lo)/2
		// Median of three to xs[hi] as the pivot.
		if cmp(xs[mid], xs[lo]) < 0 {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if cmp(xs[hi], xs[lo]) < 0 {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if cmp(xs[mid], xs[hi]) < 0 {
			xs[mid], xs[hi] = xs[hi], xs[mid]
		}
		p := xs[hi]
		i := lo
		for j := lo; j < hi; j++ {
			if cmp(xs[j], p) < 0 {
				xs[i], xs[j] = xs[j], xs[i]
				i++
			}
		}
		xs[i], xs[hi] = xs[hi], xs[i]
		switch {
		case i == k || i == k-1:
			return
		case i < k:
			lo = i + 1
		default:
			hi = i - 1
		}
	}
	// Small range: sort it.
	slices.SortFunc(xs[lo:hi+1], cmp)
}
