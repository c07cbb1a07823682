package cluster

import (
	"slices"
	"testing"
	"time"
)

// reassignDocs: a terse ferry notice (and a copy of it) that shares too
// little with the first report of a crane collapse to join it, and then
// two reports that tie the two together: the ferry stopped because the
// crane fell on its pier. The notice belongs with them.
func reassignDocs() []Doc {
	t0 := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	return []Doc{
		{ID: "x1", Published: t0.Add(time.Hour), Title: "Harbour ferry crossings suspended", Text: "Crossings of the harbour ferry are suspended until the pier is inspected, its operator said."},
		{ID: "x1c", Published: t0.Add(5 * time.Hour), CopyOf: "x1", Title: "Harbour ferry crossings suspended", Text: "Crossings of the harbour ferry are suspended until the pier is inspected, its operator said."},
		{ID: "y1", Published: t0, Title: "Crane collapses at Kessel port", Text: "A dockside crane collapsed at Kessel port on Tuesday afternoon, injuring two workers, the port authority said. Inspectors closed the quay."},
		{ID: "y2", Published: t0.Add(2 * time.Hour), Title: "Kessel pier closed after crane collapse; ferry halted", Text: "Inspectors kept the Kessel ferry pier closed on Wednesday after a dockside crane collapsed onto it, and the harbour ferry suspended its crossings until the pier is inspected. Two injured workers were recovering."},
		{ID: "y3", Published: t0.Add(3 * time.Hour), Title: "Ferry crossings stay suspended after Kessel crane collapse", Text: "Kessel harbour ferry crossings stayed suspended as inspectors examined the pier where a dockside crane collapsed, the port authority and the ferry operator said. The quay remained closed."},
		{ID: "z1", Published: t0.Add(4 * time.Hour), Title: "Orchestra opens season in Velm", Text: "The Velm city orchestra opened its season with a programme of symphonies, its conductor said, and tickets sold out."},
	}
}

func reassignOptions(every int) Options {
	opt := DefaultOptions()
	opt.ArticleRefineEvery, opt.ArticleRefineWindow = every, 16
	return opt
}

func TestReassignMovesAnArticleWithItsCopies(t *testing.T) {
	docs := reassignDocs()
	off := mustNew(t, reassignOptions(0))
	run(t, off, docs)
	if off.EventOf("x1") == off.EventOf("y1") {
		t.Fatal("without reassignment the notice already joins the collapse: the scenario tests nothing")
	}

	c := mustNew(t, reassignOptions(1))
	as := run(t, c, docs)
	notice, collapse := as[0].EventID, as[2].EventID
	if notice == collapse {
		t.Fatalf("the notice joined the collapse on arrival: %+v", as[:3])
	}
	for _, id := range []string{"x1", "x1c", "y1", "y2", "y3"} {
		if got := c.EventOf(id); got != collapse {
			t.Errorf("%s is in %s, want the collapse's event %s", id, got, collapse)
		}
	}
	if c.EventOf("z1") == collapse {
		t.Error("the orchestra joined the collapse")
	}
	// The moves are reported, copy included, and the emptied event and
	// story are aliases of where the notice went.
	var moved []string
	var merges []Merge
	for _, a := range as {
		for _, m := range a.ArticleMoves {
			moved = append(moved, m.Article)
			if m.FromEvent != notice || m.ToEvent != collapse || m.ToStory != as[2].StoryID {
				t.Errorf("move %+v, want %s → %s", m, notice, collapse)
			}
		}
		merges = append(merges, a.Merges...)
	}
	if !slices.Equal(moved, []string{"x1", "x1c"}) {
		t.Errorf("moved %v, want [x1 x1c]", moved)
	}
	if c.Resolve(notice) != collapse || c.Resolve(as[0].StoryID) != as[2].StoryID {
		t.Errorf("the notice's event and story resolve to %s and %s", c.Resolve(notice), c.Resolve(as[0].StoryID))
	}
	if !slices.Contains(merges, Merge{Kind: "event", From: notice, To: collapse}) {
		t.Errorf("merges %v lack the emptied event", merges)
	}
	// The event's span and the story's size take the moved articles in.
	ev, _ := c.Event(collapse)
	if want := docs[1].Published; !ev.Last.Equal(want) || !ev.First.Equal(docs[2].Published) {
		t.Errorf("span %v – %v, want %v – %v", ev.First, ev.Last, docs[2].Published, want)
	}
	if st, _ := c.Story(ev.StoryID); st.Size != 5 {
		t.Errorf("story size %d, want 5", st.Size)
	}
}

// TestReassignRestore: a run restored mid-stream, with the notice and its
// copy still waiting to move, moves them as an uninterrupted run does.
func TestReassignRestore(t *testing.T) {
	docs := reassignDocs()
	opt := reassignOptions(1)
	whole := mustNew(t, opt)
	want := run(t, whole, docs)
	for at := 1; at < len(docs); at++ {
		checkRestart(t, opt, docs, at, whole, want)
	}
}

func TestRespan(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	c := mustNew(t, DefaultOptions())
	ev := &event{times: []int64{0, t0.Add(time.Hour).UnixNano(), t0.UnixNano()}}
	ev.first, ev.last = t0.Add(-time.Hour), t0.Add(9*time.Hour) // stale
	c.respan(ev)
	if !ev.first.Equal(t0) || !ev.last.Equal(t0.Add(time.Hour)) {
		t.Errorf("span %v – %v", ev.first, ev.last)
	}
	ev.times = []int64{0}
	c.respan(ev)
	if !ev.first.IsZero() || !ev.last.IsZero() {
		t.Errorf("undated span %v – %v", ev.first, ev.last)
	}
}
