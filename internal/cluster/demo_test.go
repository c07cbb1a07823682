package cluster

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/demo"
)

// demoRun ingests the demo corpus in arrival order as the pipeline does
// (ingest, clean, full copies joining their originals) and assigns it.
// It returns the clusterer, the truth, and each article's truth key by
// article ID, in arrival order.
func demoRun(t *testing.T) (*Clusterer, *demo.Truth, []string, map[string]string) {
	t.Helper()
	items, truth, err := demo.Read(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	c := mustNew(t, DefaultOptions())
	idOf := map[string]string{} // truth key → article ID
	keyOf := map[string]string{}
	var order []string
	for _, it := range items {
		a, key := it.Article, it.Key
		idOf[key], keyOf[a.ID] = a.ID, key
		d := Doc{ID: a.ID, Title: a.Title, Paragraphs: a.Paragraphs, Published: a.Published}
		if at := truth.Articles[key]; at.CopyKind == demo.CopyFull {
			d.CopyOf = idOf[at.CopyOf] // "" when the original has not arrived
		}
		c.Assign(d)
		order = append(order, a.ID)
	}
	return c, truth, order, keyOf
}

// TestDemo clusters the demo corpus and checks the result against its
// answer key: every article placed, the events and stories close to the
// key's (B-cubed F1), and every label readable.
func TestDemo(t *testing.T) {
	c, truth, order, keyOf := demoRun(t)
	var predEv, predSt, goldEv, goldSt []string
	for _, id := range order {
		ev, ok := c.Event(c.EventOf(id))
		if !ok {
			t.Fatalf("article %s has no event in memory", id)
		}
		at := truth.Articles[keyOf[id]]
		predEv, predSt = append(predEv, ev.ID), append(predSt, ev.StoryID)
		goldEv, goldSt = append(goldEv, at.Event), append(goldSt, at.Story)
	}
	evF, stF := bcubedF1(predEv, goldEv), bcubedF1(predSt, goldSt)
	t.Logf("events: B-cubed F1 %.3f, %d events (key %d); stories: F1 %.3f, %d stories (key %d)",
		evF, len(c.Events()), countDistinct(goldEv), stF, len(c.Stories()), countDistinct(goldSt))
	for _, st := range c.Stories() {
		t.Logf("%s %q (%d articles)", st.ID, st.Label, st.Size)
		for _, id := range st.Events {
			ev, _ := c.Event(id)
			golds := map[string]int{}
			for _, a := range ev.Articles {
				golds[truth.Articles[keyOf[a]].Event]++
			}
			t.Logf("    %s %q %v", ev.ID, ev.Label, golds)
		}
	}
	if evF < 0.85 || stF < 0.85 {
		t.Errorf("B-cubed F1 events %.3f, stories %.3f: want 0.85 or more", evF, stF)
	}
	for _, ev := range c.Events() {
		checkLabel(t, ev.ID, ev.Label)
	}
	for _, st := range c.Stories() {
		checkLabel(t, st.ID, st.Label)
	}
}

// checkLabel checks that a label names something and reads as one: names,
// a dash, then at most three terms, none of them a bare number or repeated.
func checkLabel(t *testing.T, id, label string) {
	t.Helper()
	names, terms, ok := strings.Cut(label, " — ")
	if !ok || names == "" || terms == "" {
		t.Errorf("%s: label %q lacks names or terms", id, label)
		return
	}
	parts := append(strings.Split(names, ", "), strings.Split(terms, ", ")...)
	if n := len(strings.Split(terms, ", ")); n > labelTerms {
		t.Errorf("%s: label %q has %d terms", id, label, n)
	}
	seen := map[string]bool{}
	for _, p := range parts {
		lp := strings.ToLower(p)
		if p == "" || seen[lp] || strings.Trim(p, "0123456789.,") == "" {
			t.Errorf("%s: label %q has an empty, repeated or numeric part %q", id, label, p)
		}
		seen[lp] = true
	}
}

func bcubedF1(pred, gold []string) float64 {
	type cell struct{ p, g string }
	ps, gs, both := map[string]int{}, map[string]int{}, map[cell]int{}
	for i := range pred {
		ps[pred[i]]++
		gs[gold[i]]++
		both[cell{pred[i], gold[i]}]++
	}
	var p, r float64
	for i := range pred {
		k := float64(both[cell{pred[i], gold[i]}])
		p += k / float64(ps[pred[i]])
		r += k / float64(gs[gold[i]])
	}
	p, r = p/float64(len(pred)), r/float64(len(pred))
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func countDistinct(xs []string) int {
	s := slices.Clone(xs)
	slices.Sort(s)
	return len(slices.Compact(s))
}
