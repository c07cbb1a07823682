package synth

import (
	"strings"
	"testing"
)

func TestDeterministicAndSized(t *testing.T) {
	a, b := New(3), New(3)
	for range 20 {
		x, y := a.Next(2000), b.Next(2000)
		if x.ID != y.ID || strings.Join(x.Paragraphs, "|") != strings.Join(y.Paragraphs, "|") {
			t.Fatal("the same seed gave different articles")
		}
		n := len(strings.Join(x.Paragraphs, "\n\n"))
		if n < 2000 || n > 3500 {
			t.Errorf("body of %d bytes, want about 2000", n)
		}
	}
}

// TestFewSharedPhrases checks that synthetic articles, like real ones,
// share words but seldom five-word phrases.
func TestFewSharedPhrases(t *testing.T) {
	g := New(5)
	seen := map[string]int{}
	const n = 200
	for range n {
		ws := strings.Fields(strings.Join(g.Next(2000).Paragraphs, " "))
		mine := map[string]bool{}
		for i := 0; i+5 <= len(ws); i++ {
			mine[strings.Join(ws[i:i+5], " ")] = true
		}
		for s := range mine {
			seen[s]++
		}
	}
	common := 0
	for _, c := range seen {
		if c > n/20 {
			common++
		}
	}
	if common > 50 {
		t.Errorf("%d five-word phrases recur in more than 5%% of articles: too templated", common)
	}
}
