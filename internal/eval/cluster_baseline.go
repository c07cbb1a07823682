package eval

import (
	"cmp"
	"math"
	"slices"

	"github.com/parallax-news/parallax/internal/text"
)

// The baseline: TF-IDF over stemmed content words, cosine similarity, and
// average-link agglomerative clustering of all documents at once, cut at a
// threshold. It sees the whole collection (IDF included) before deciding
// anything, which the online clusterer never does, so it is the bar the
// online figures are read against.

// BaselineVectors returns each document's unit TF-IDF vector (title words
// counted three times, sublinear TF, IDF from the whole collection), as
// sorted term ids and weights.
func BaselineVectors(docs []GoldDoc) [][]Weighted {
	ids := make(map[string]int32)
	st := text.NewStemmer()
	tfs := make([]map[int32]float64, len(docs))
	df := make(map[int32]int)
	var buf []text.ContentWord
	for i, d := range docs {
		tf := make(map[int32]float64)
		add := func(s string, w float64) {
			buf = text.ContentWords(buf[:0], s, st)
			for _, cw := range buf {
				id, ok := ids[cw.Stem]
				if !ok {
					id = int32(len(ids))
					ids[cw.Stem] = id
				}
				tf[id] += w
			}
		}
		add(d.Title, 3)
		add(d.Text, 1)
		for id := range tf {
			df[id]++
		}
		tfs[i] = tf
	}
	n := float64(len(docs))
	out := make([][]Weighted, len(docs))
	for i, tf := range tfs {
		v := make([]Weighted, 0, len(tf))
		var n2 float64
		for id, c := range tf {
			w := (1 + math.Log(c)) * math.Log((n+1)/(float64(df[id])+0.5))
			v = append(v, Weighted{ID: id, W: w})
			n2 += w * w
		}
		slices.SortFunc(v, func(a, b Weighted) int { return cmp.Compare(a.ID, b.ID) })
		if n2 > 0 {
			for k := range v {
				v[k].W /= math.Sqrt(n2)
			}
		}
		out[i] = v
	}
	return out
}

// Weighted is one term of a sparse vector.
type Weighted struct {
	ID int32
	W  float64
}

func dotSorted(a, b []Weighted) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].ID < b[j].ID:
			i++
		case a[i].ID > b[j].ID:
			j++
		default:
			s += a[i].W * b[j].W
			i++
			j++
		}
	}
	return s
}

// Dendrogram is the merge sequence of average-link clustering: merge k
// joined clusters A[k] and B[k] (the indices of their first documents) at
// similarity Height[k], which never increases.
type Dendrogram struct {
	N      int
	A, B   []int
	Height []float64
}

// AverageLink clusters unit vectors by average-link agglomeration, all the
// way down to one cluster (or until no pair has positive similarity).
func AverageLink(vs [][]Weighted) Dendrogram {
	n := len(vs)
	sum := make([][]float64, n) // sum of pairwise similarities between clusters
	for i := range sum {
		sum[i] = make([]float64, n)
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			s := dotSorted(vs[i], vs[j])
			sum[i][j], sum[j][i] = s, s
		}
	}
	size := make([]int, n)
	alive := make([]bool, n)
	for i := range n {
		size[i], alive[i] = 1, true
	}
	avg := func(i, j int) float64 { return sum[i][j] / float64(size[i]*size[j]) }
	best := make([]int, n) // each cluster's best partner, -1 if none
	refresh := func(i int) {
		best[i] = -1
		for j := range n {
			if j != i && alive[j] && (best[i] < 0 || avg(i, j) > avg(i, best[i])) {
				best[i] = j
			}
		}
	}
	for i := range n {
		refresh(i)
	}
	d := Dendrogram{N: n}
	for range n - 1 {
		a := -1
		for i := range n {
			if alive[i] && best[i] >= 0 && (a < 0 || avg(i, best[i]) > avg(a, best[a])) {
				a = i
			}
		}
		if a < 0 {
			break
		}
		b := best[a]
		h := avg(a, b)
		if h <= 0 {
			break
		}
		if b < a {
			a, b = b, a
		}
		d.A, d.B, d.Height = append(d.A, a), append(d.B, b), append(d.Height, h)
		for k := range n {
			sum[a][k] += sum[b][k]
			sum[k][a] = sum[a][k]
		}
		size[a] += size[b]
		alive[b] = false
		for i := range n {
			if alive[i] && (i == a || best[i] == a || best[i] == b) {
				refresh(i)
			} else if alive[i] && i != a && avg(i, a) > avg(i, best[i]) {
				best[i] = a
			}
		}
	}
	return d
}

// Cut returns each document's cluster (the index of a representative
// document) after applying the merges at or above threshold.
func (d Dendrogram) Cut(threshold float64) []int {
	parent := make([]int, d.N)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for k, h := range d.Height {
		if h < threshold {
			break
		}
		parent[find(d.B[k])] = find(d.A[k])
	}
	out := make([]int, d.N)
	for i := range out {
		out[i] = find(i)
	}
	return out
}

// BaselineRow is the baseline's score at one threshold.
type BaselineRow struct {
	Threshold float64      `json:"threshold"`
	Score     ClusterScore `json:"score"`
}

// Baseline scores the TF-IDF average-link baseline on docs at each
// threshold.
func Baseline(docs []GoldDoc, thresholds []float64) []BaselineRow {
	d := AverageLink(BaselineVectors(docs))
	gold := make([]string, len(docs))
	for i, doc := range docs {
		gold[i] = doc.Label
	}
	rows := make([]BaselineRow, 0, len(thresholds))
	for _, th := range thresholds {
		cut := d.Cut(th)
		pred := make([]string, len(cut))
		for i, c := range cut {
			pred[i] = docs[c].ID
		}
		rows = append(rows, BaselineRow{Threshold: th, Score: ScoreClusters(pred, gold)})
	}
	return rows
}
