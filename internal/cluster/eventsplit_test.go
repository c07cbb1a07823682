package cluster

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/synth"
)

// splitDocs reads testdata/harbour-master.jsonl (ours, also ingested by
// the pipeline's tests): the Kessel port authority appoints a harbour
// master, and (years later, though the reports do not say so) dismisses
// her. Both happenings have the same people, places and most of their
// words; the dismissal's first reports join the appointment's event.
func splitDocs() []Doc {
	data, err := os.ReadFile(filepath.Join("testdata", "harbour-master.jsonl"))
	if err != nil {
		panic(err)
	}
	var docs []Doc
	for line := range strings.Lines(string(data)) {
		var d struct{ ID, Text string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			panic(fmt.Sprintf("harbour-master.jsonl: %v", err))
		}
		docs = append(docs, Doc{ID: d.ID, Text: d.Text})
	}
	return docs
}

func splitOptions(min int) Options {
	opt := DefaultOptions()
	opt.ArticleRefineEvery, opt.ArticleRefineWindow = 1, 16
	// Short reports that share a name everywhere stay more alike across
	// the halves than ECB+'s longer ones: the split test is set for them.
	opt.EventSplitMin, opt.EventSplitBelow = min, 0.36
	return opt
}

func TestSplitSeparatesTwoHappenings(t *testing.T) {
	docs := splitDocs()
	off := mustNew(t, splitOptions(0))
	run(t, off, docs)
	if off.EventOf("hire0") != off.EventOf("fire4") {
		t.Fatal("without the split test the dismissal has an event of its own already: the scenario tests nothing")
	}

	c := mustNew(t, splitOptions(4))
	as := run(t, c, docs)
	hired, fired := c.EventOf("hire0"), c.EventOf("fire0")
	if hired == fired {
		t.Fatalf("the appointment and the dismissal are one event, %s", hired)
	}
	if hired != as[0].EventID {
		t.Errorf("the appointment is in %s; the half with the oldest article should keep its event, %s", hired, as[0].EventID)
	}
	for _, d := range docs {
		want := hired
		if strings.HasPrefix(d.ID, "fire") {
			want = fired
		}
		if got := c.EventOf(d.ID); got != want {
			t.Errorf("%s is in %s, want %s", d.ID, got, want)
		}
	}
	h, _ := c.Event(hired)
	f, _ := c.Event(fired)
	if h.StoryID != f.StoryID {
		t.Errorf("the halves are in stories %s and %s, want one", h.StoryID, f.StoryID)
	}
	// The articles that left are reported as moves into the new event.
	moved := map[string]bool{}
	for _, a := range as {
		for _, m := range a.ArticleMoves {
			if m.ToEvent == fired {
				moved[m.Article] = true
			}
		}
	}
	for _, d := range docs {
		if strings.HasPrefix(d.ID, "fire") && !moved[d.ID] && as[slices.IndexFunc(docs, func(x Doc) bool { return x.ID == d.ID })].EventID != fired {
			t.Errorf("%s reached %s without a reported move", d.ID, fired)
		}
	}
}

// TestSplitRestore: a run restored at any point splits as an
// uninterrupted run does.
func TestSplitRestore(t *testing.T) {
	docs := splitDocs()
	opt := splitOptions(4)
	whole := mustNew(t, opt)
	want := run(t, whole, docs)
	for at := 1; at < len(docs); at++ {
		checkRestart(t, opt, docs, at, whole, want)
	}
}

// TestLinkSides: average link, which the split test falls back on when
// its seeds fail, groups the harbour master's appointment apart from her
// dismissal, whatever order the reports came in. (Not with every odd
// report among them: a short notice of the appointment in the third
// place takes hire1 to the dismissal's group; settle's 2-means then has
// the last word.)
func TestLinkSides(t *testing.T) {
	docs := splitDocs()
	byID := map[string]Doc{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	tests := []struct {
		name  string
		order []string
	}{
		{"in order", []string{"hire0", "hire1", "hire2", "hire3", "hire4", "fire0", "fire1", "fire2", "fire3", "fire4"}},
		{"interleaved", []string{"hire0", "fire0", "hire1", "fire1", "hire2", "fire2", "hire3", "fire3", "hire4", "fire4"}},
		{"dismissal first", []string{"fire0", "fire1", "hire0", "hire1", "fire2", "hire2", "fire3", "hire3", "fire4", "hire4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := splitOptions(0) // the articles are kept; nothing splits
			c := mustNew(t, opt)
			for _, id := range tt.order {
				c.Assign(byID[id])
			}
			ms := c.recent
			if len(ms) != len(tt.order) {
				t.Fatalf("%d articles kept, want %d", len(ms), len(tt.order))
			}
			dvs := make([]docVec, len(ms))
			for i, r := range ms {
				dvs[i] = c.centroidDoc(r.rawTerms, r.rawEnts)
				dvs[i].places, dvs[i].days, dvs[i].years, dvs[i].t = r.places, r.days, r.years, r.t
			}
			side := c.linkSides(ms, dvs)
			oldest := strings.HasPrefix(ms[0].id, "fire")
			for i, r := range ms {
				if got, want := side[i], strings.HasPrefix(r.id, "fire") != oldest; got != want {
					t.Errorf("%s with the oldest, %s: %v, want %v", r.id, ms[0].id, !got, !want)
				}
			}
		})
	}
}

// BenchmarkLinkSides weighs the split test's second try at its bound,
// linkMax articles (synthetic 2 KB articles, all kept in the window).
func BenchmarkLinkSides(b *testing.B) {
	opt := DefaultOptions()
	opt.ArticleRefineEvery, opt.ArticleRefineWindow, opt.EventSplitMin = 1000, linkMax, 0
	c, err := New(opt)
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range benchDocs(synth.New(1), 0, linkMax) {
		c.Assign(d)
	}
	ms := c.recent
	if len(ms) != linkMax {
		b.Fatalf("%d articles kept, want %d", len(ms), linkMax)
	}
	dvs := make([]docVec, len(ms))
	for i, r := range ms {
		dvs[i] = c.centroidDoc(r.rawTerms, r.rawEnts)
		dvs[i].places, dvs[i].days, dvs[i].years, dvs[i].t = r.places, r.days, r.years, r.t
	}
	b.ResetTimer()
	for b.Loop() {
		c.linkSides(ms, dvs)
	}
}
