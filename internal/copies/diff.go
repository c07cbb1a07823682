package copies

import (
	"strings"

	"github.com/parallax-news/parallax/internal/article"
)

// Op is what happened to a paragraph between an original and a copy.
type Op string

// The paragraph operations.
const (
	Same    Op = "same"
	Edited  Op = "edited"
	Added   Op = "added"
	Removed Op = "removed"
)

// EditedMin is the least similarity (see ParagraphSimilarity) at which a
// copy's paragraph is taken as an edit of an original's paragraph rather
// than a paragraph removed and another added.
const EditedMin = 0.5

// ParagraphChange is one step of a paragraph diff.
type ParagraphChange struct {
	Op Op `json:"op"`
	// Original and Copy are paragraph indexes, -1 where the paragraph is
	// absent (added paragraphs have no Original, removed ones no Copy).
	Original int `json:"original"`
	Copy     int `json:"copy"`
	// Text is the copy's paragraph (the original's for Removed).
	Text string `json:"text"`
	// Was is the original's paragraph, for Edited.
	Was string `json:"was,omitempty"`
	// Similarity of the aligned paragraphs: 1 for Same, 0 for Added and
	// Removed.
	Similarity float64 `json:"similarity"`
}

// DiffSummary counts a diff's steps.
type DiffSummary struct {
	Same    int `json:"same"`
	Edited  int `json:"edited"`
	Added   int `json:"added"`
	Removed int `json:"removed"`
}

// Summarise counts the steps of a diff by operation.
func Summarise(diff []ParagraphChange) DiffSummary {
	var s DiffSummary
	for _, c := range diff {
		switch c.Op {
		case Same:
			s.Same++
		case Edited:
			s.Edited++
		case Added:
			s.Added++
		case Removed:
			s.Removed++
		}
	}
	return s
}

// Diff aligns a copy's paragraphs with its original's and reports each as
// the same, edited, added or removed, in reading order (the copy's order,
// with removed paragraphs where they stood in the original). The alignment
// keeps paragraph order and maximises the total similarity of aligned
// pairs, aligning only pairs at least EditedMin alike.
func Diff(original, copy []string) []ParagraphChange {
	o := paragraphWords(original)
	c := paragraphWords(copy)
	n, m := len(o), len(c)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, m)
		for j := range m {
			sim[i][j] = similarity(o[i], c[j])
		}
	}
	// best[i][j]: best total similarity aligning original[i:] with copy[j:].
	best := make([][]float64, n+1)
	for i := range best {
		best[i] = make([]float64, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(best[i+1][j], best[i][j+1])
			if s := sim[i][j]; s >= EditedMin && s+best[i+1][j+1] > v {
				v = s + best[i+1][j+1]
			}
			best[i][j] = v
		}
	}
	var out []ParagraphChange
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && sim[i][j] >= EditedMin && best[i][j] == sim[i][j]+best[i+1][j+1]:
			ch := ParagraphChange{Op: Same, Original: i, Copy: j, Text: copy[j], Similarity: 1}
			if article.NormaliseText(original[i]) != article.NormaliseText(copy[j]) {
				ch.Op, ch.Was, ch.Similarity = Edited, original[i], round3(sim[i][j])
			}
			out = append(out, ch)
			i++
			j++
		case i < n && (j == m || best[i][j] == best[i+1][j]):
			out = append(out, ParagraphChange{Op: Removed, Original: i, Copy: -1, Text: original[i]})
			i++
		default:
			out = append(out, ParagraphChange{Op: Added, Original: -1, Copy: j, Text: copy[j]})
			j++
		}
	}
	return out
}

// paragraphWords splits each paragraph into normalised words.
func paragraphWords(ps []string) [][]string {
	out := make([][]string, len(ps))
	for i, p := range ps {
		out[i] = strings.Fields(article.NormaliseText(p))
	}
	return out
}

// ParagraphSimilarity compares two paragraphs: the share of word bigrams
// (single words for one-word paragraphs) they share, counted as bags,
// divided by the larger count. 1 means the same words in the same order up
// to case and punctuation.
func ParagraphSimilarity(a, b string) float64 {
	return similarity(strings.Fields(article.NormaliseText(a)), strings.Fields(article.NormaliseText(b)))
}

func similarity(a, b []string) float64 {
	grams := func(ws []string) map[string]int {
		g := map[string]int{}
		if len(ws) == 1 {
			g[ws[0]]++
		}
		for i := 0; i+1 < len(ws); i++ {
			g[ws[i]+" "+ws[i+1]]++
		}
		return g
	}
	ga, gb := grams(a), grams(b)
	na, nb := 0, 0
	for _, v := range ga {
		na += v
	}
	for _, v := range gb {
		nb += v
	}
	if na == 0 || nb == 0 {
		if na == nb {
			return 1
		}
		return 0
	}
	shared := 0
	for k, v := range ga {
		shared += min(v, gb[k])
	}
	return float64(shared) / float64(max(na, nb))
}
