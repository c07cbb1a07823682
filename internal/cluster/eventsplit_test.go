package cluster

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
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
