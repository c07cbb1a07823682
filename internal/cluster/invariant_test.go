package cluster

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// mixedDocs is a stream built to make reassignment, both splits and
// eviction busy: a few topics whose events share most of their words and
// names (so that articles land in the wrong event, events mix and stories
// take each other's events), dated and undated articles, copies (of
// recent articles, of copies, of long-gone articles) and articles sent
// twice.
func mixedDocs(seed uint64, n int) []Doc {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	word := func(topic, k int) string { return strings.ToLower(coined(1000 + 37*topic + k)) }
	name := func(topic, k int) string { return coined(5000 + 11*topic + k) }
	t0 := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	var docs []Doc
	for i := 0; len(docs) < n; i++ {
		// Events of a topic run one after another; topics overlap in
		// time and share some of their vocabulary.
		topic := rng.IntN(4)
		ev := topic*100 + i/40 + rng.IntN(2)
		var words []string
		for k := 0; k < 12; k++ {
			switch r := rng.IntN(10); {
			case r < 5:
				words = append(words, word(topic, rng.IntN(10)))
			case r < 8:
				words = append(words, word(ev, rng.IntN(6)))
			default:
				words = append(words, word((topic+1)%4, rng.IntN(10)))
			}
		}
		names := []string{name(topic, rng.IntN(3)), name(ev, rng.IntN(2))}
		title := fmt.Sprintf("%s and %s %s %s", names[0], names[1], words[0], words[1])
		text := fmt.Sprintf("In %s, %s said the %s.", name(ev, 5), names[0], strings.Join(words, " "))
		if rng.IntN(3) == 0 {
			text += fmt.Sprintf(" It was %d.", 2000+rng.IntN(30))
		}
		d := Doc{ID: fmt.Sprintf("m%05d", i), Title: title, Text: text}
		if rng.IntN(4) != 0 {
			d.Published = t0.Add(time.Duration(i)*20*time.Minute + time.Duration(rng.IntN(600))*time.Minute)
		}
		docs = append(docs, d)
		switch r := rng.IntN(12); {
		case r == 0 && len(docs) > 1: // a copy of a recent article (perhaps a copy)
			o := docs[len(docs)-1-rng.IntN(min(len(docs), 6))]
			cp := o
			cp.ID, cp.CopyOf = d.ID+"c", o.ID
			docs = append(docs, cp)
		case r == 1 && len(docs) > 200: // a copy of a long-gone article
			o := docs[rng.IntN(len(docs)-150)]
			cp := o
			cp.ID, cp.CopyOf = d.ID+"o", o.ID
			docs = append(docs, cp)
		case r == 2: // an article sent twice
			docs = append(docs, docs[len(docs)-1-rng.IntN(min(len(docs), 20))])
		}
	}
	return docs[:n]
}

// aggressive turns every feature on, with small windows.
func aggressive(every, grace int) Options {
	opt := DefaultOptions()
	opt.EventThreshold = 0.2
	opt.ArticleRefineEvery, opt.ArticleRefineWindow, opt.ArticleRefineSettled = every, 24, 10
	opt.EventSplitMin, opt.EventSplitBelow = 4, 0.5
	opt.StoryRefineEvery, opt.StoryRefineWindow, opt.StorySplit = 5, 64, 0.4
	opt.StoryThreshold = 0.1
	opt.Grace = grace
	opt.EventWindow, opt.StoryWindow = 6*time.Hour, 48*time.Hour
	return opt
}

// checkInvariants checks what must hold between two arrivals; full adds
// the checks that hold only while nothing has left memory.
func checkInvariants(t *testing.T, c *Clusterer, full bool) {
	t.Helper()
	seen := map[string]*event{}
	for _, ev := range c.eventList {
		if !ev.alive || c.events[ev.id] != ev {
			t.Fatalf("seq %d: event %s listed but not live", c.seq, ev.id)
		}
		if len(ev.times) != len(ev.articles) {
			t.Fatalf("seq %d: event %s has %d times for %d articles", c.seq, ev.id, len(ev.times), len(ev.articles))
		}
		if !ev.story.alive || !slices.Contains(ev.story.events, ev) {
			t.Fatalf("seq %d: event %s not among its story %s's events (alive %v)", c.seq, ev.id, ev.story.id, ev.story.alive)
		}
		var first, last time.Time
		for i, a := range ev.articles {
			if o := seen[a]; o != nil {
				t.Fatalf("seq %d: article %s in events %s and %s", c.seq, a, o.id, ev.id)
			}
			seen[a] = ev
			if c.articleOf[a] != ev {
				t.Fatalf("seq %d: article %s of event %s is placed in %v", c.seq, a, ev.id, c.articleOf[a])
			}
			if n := ev.times[i]; n != 0 {
				tm := time.Unix(0, n).UTC()
				if first.IsZero() || tm.Before(first) {
					first = tm
				}
				if tm.After(last) {
					last = tm
				}
			}
		}
		if !first.Equal(ev.first) || !last.Equal(ev.last) {
			t.Fatalf("seq %d: event %s spans %v–%v, its articles %v–%v", c.seq, ev.id, ev.first, ev.last, first, last)
		}
	}
	for a, ev := range c.articleOf {
		if seen[a] != ev {
			t.Fatalf("seq %d: article %s placed in %s, which does not hold it", c.seq, a, ev.id)
		}
	}
	for _, st := range c.storyList {
		if !st.alive || c.stories[st.id] != st {
			t.Fatalf("seq %d: story %s listed but not live", c.seq, st.id)
		}
		size, voters := 0, 0
		for _, ev := range st.events {
			if ev.story != st {
				t.Fatalf("seq %d: story %s lists event %s of story %s", c.seq, st.id, ev.id, ev.story.id)
			}
			size += len(ev.articles)
			voters += ev.voters
		}
		for i := 1; i < len(st.events); i++ {
			if st.events[i-1].n >= st.events[i].n {
				t.Fatalf("seq %d: story %s's events %s, %s out of creation order", c.seq, st.id, st.events[i-1].id, st.events[i].id)
			}
		}
		first, last := st.pastFirst, st.pastLast
		for _, ev := range st.events {
			first, last = widen(first, last, ev.first, ev.last)
		}
		if !first.Equal(st.first) || !last.Equal(st.last) {
			t.Fatalf("seq %d: story %s spans %v–%v, its events and those gone %v–%v", c.seq, st.id, st.first, st.last, first, last)
		}
		if size > st.size || voters > st.voters || full && (size != st.size || voters != st.voters) {
			t.Fatalf("seq %d: story %s has size %d, voters %d; its events %d, %d", c.seq, st.id, st.size, st.voters, size, voters)
		}
	}
	// The working buffers the splits, merges and scoring share are left
	// clean by every use.
	checkDenseClean(t, c, fmt.Sprintf("arrival %d", c.seq))
	for from := range c.aliases {
		id, hops := from, 0
		for {
			to, ok := c.aliases[id]
			if !ok {
				break
			}
			if id, hops = to, hops+1; hops > len(c.aliases) {
				t.Fatalf("seq %d: alias cycle through %s", c.seq, from)
			}
		}
	}
}

// TestInvariants runs mixed streams with every feature on and checks the
// clusterer's invariants after each arrival, that every ID an assignment
// gave resolves to a live cluster or one reported evicted, that a copy is
// with its original, and that the run is deterministic.
func TestInvariants(t *testing.T) {
	for _, tc := range []struct {
		name         string
		every, grace int
		seed         uint64
		n            int
		// mergeApart, when positive, is StoryMergeApart: high, blurred
		// stories merge often, and splits undo some of it.
		mergeApart float64
	}{
		{"every=1/grace=large", 1, 100000, 1, 300, 0},
		{"every=3/grace=large", 3, 100000, 2, 400, 0},
		{"every=8/grace=large", 8, 100000, 3, 400, 0},
		{"every=2/grace=small", 2, 10, 4, 800, 0},
		{"every=5/grace=small", 5, 40, 5, 700, 0},
		{"every=1/grace=window", 1, 24, 6, 700, 0},
		{"every=2/grace=small/merging", 2, 30, 7, 700, 0.45},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := aggressive(tc.every, tc.grace)
			if tc.mergeApart > 0 {
				opt.StoryMergeApart = tc.mergeApart
			}
			docs := mixedDocs(tc.seed, tc.n)
			c := mustNew(t, opt)
			evicted := map[string]bool{}
			aliases := map[string]string{} // every merge reported, as the store keeps them
			var ids []string
			isCopy := map[string]string{} // copy → original, when it joined as one
			var moves, merges, evMoves, splits, storySplits, copyMoves int
			known := map[string]bool{}
			out := make([]Assignment, len(docs))
			for i, d := range docs {
				a := c.Assign(d)
				out[i] = a
				if a.Copy {
					isCopy[d.ID] = d.CopyOf
				}
				for _, id := range a.Evicted {
					evicted[id] = true
				}
				ids = append(ids, a.EventID, a.StoryID)
				for _, m := range a.Merges {
					ids = append(ids, m.From, m.To)
					aliases[m.From] = m.To
				}
				for _, m := range a.Moves {
					ids = append(ids, m.Event, m.From, m.To)
				}
				for _, m := range a.ArticleMoves {
					ids = append(ids, m.FromEvent, m.ToEvent, m.FromStory, m.ToStory)
				}
				for _, m := range a.ArticleMoves {
					if isCopy[m.Article] != "" {
						copyMoves++
					}
					if !known[m.ToEvent] {
						splits++
					}
				}
				for _, m := range a.Moves {
					if !known[m.To] {
						storySplits++
					}
				}
				for _, id := range ids {
					known[id] = true
				}
				moves += len(a.ArticleMoves)
				merges += len(a.Merges)
				evMoves += len(a.Moves)
				checkInvariants(t, c, len(evicted) == 0)
				for _, id := range ids {
					// The clusterer forgets aliases whose survivor left
					// memory; the store's alias table does not.
					r := c.Resolve(id)
					for hops := 0; aliases[r] != "" && hops <= len(aliases); hops++ {
						r = aliases[r]
					}
					if c.events[r] == nil && c.stories[r] == nil && !evicted[r] {
						t.Fatalf("article %d (%s): %s resolves to %s, neither live nor evicted", i, d.ID, id, r)
					}
				}
				for cp, orig := range isCopy {
					ce, oe := c.articleOf[cp], c.articleOf[orig]
					if ce != nil && oe != nil && ce != oe {
						t.Fatalf("article %d (%s): copy %s in %s, its original %s in %s", i, d.ID, cp, ce.id, orig, oe.id)
					}
				}
			}
			t.Logf("%d copies, %d moved; %d article moves (%d to new events), %d merges, %d event moves (%d to new stories), %d evicted", len(isCopy), copyMoves, moves, splits, merges, evMoves, storySplits, len(evicted))
			if again := run(t, mustNew(t, opt), docs); !reflect.DeepEqual(out, again) {
				t.Fatal("the same stream twice gave different assignments")
			}
			for _, at := range []int{tc.n / 3, 2*tc.n/3 + 7} {
				checkRestart(t, opt, docs, at, c, out)
			}
		})
	}
}

// TestRecentSentAgain: an article sent again after its event left memory
// (Grace shorter than the reassignment window) is kept twice in the
// window. When the older entry leaves the window it must not take the
// newer one's lookup with it: a copy that then arrives is recorded as the
// newer entry's copy (so that it follows its original), as it is in a run
// restored from a state saved between the two.
func TestRecentSentAgain(t *testing.T) {
	opt := DefaultOptions()
	opt.Grace = 1
	opt.ArticleRefineEvery, opt.ArticleRefineWindow = 1000, 600
	x := damTalks1
	x.Published = time.Time{} // undated: it leaves memory by Grace alone
	xc := x
	xc.ID, xc.CopyOf = "a1c", x.ID
	fill := synthDocs(11, 600)
	docs := []Doc{x}
	docs = append(docs, fill[:sweepEvery-1]...) // the sweep at 512 evicts x's event
	docs = append(docs, x)                      // sent again: placed afresh, kept again
	docs = append(docs, fill[sweepEvery-1:sweepEvery+600-len(docs)]...)
	docs = append(docs, xc) // after x's first entry left the window
	c := mustNew(t, opt)
	want := run(t, c, docs)
	if !want[len(docs)-1].Copy {
		t.Fatalf("the copy did not join as a copy: %+v", want[len(docs)-1])
	}
	if r := c.recentOf[x.ID]; r == nil || !slices.Contains(r.copies, xc.ID) {
		t.Errorf("%s is in the window but its copy %s is not recorded as its copy (recentOf: %v)", x.ID, xc.ID, r)
	}
	checkRestart(t, opt, docs, len(docs)-1, c, want)
}

// TestRespanFarDates: a feed's garbage date (year 2300, year 1500) lies
// outside what Unix nanoseconds hold. Drawing an event's span again from
// its articles' times (as a reassignment does when an article leaves)
// must give the span it had, not a wrapped-around one.
func TestRespanFarDates(t *testing.T) {
	for _, at := range []time.Time{
		time.Date(2300, 1, 2, 3, 0, 0, 0, time.UTC),
		time.Date(1500, 1, 2, 3, 0, 0, 0, time.UTC),
		time.Unix(0, 0).UTC(), // a feed's "no date"; 0 marks an undated time
	} {
		t.Run(at.Format("2006"), func(t *testing.T) {
			c := mustNew(t, DefaultOptions())
			d := damTalks1
			d.Published = at
			c.Assign(d)
			ev := c.articleOf[d.ID]
			first, last := ev.first, ev.last
			c.respan(ev)
			if !ev.first.Equal(first) || !ev.last.Equal(last) {
				t.Errorf("span %v – %v drawn again from the times is %v – %v", first, last, ev.first, ev.last)
			}
		})
	}
}

// TestRecentOnce: an article sent again after its event left memory is
// kept once in the window, with its newer placement, so that a pass does
// not weigh it twice (nor a split count it twice).
func TestRecentOnce(t *testing.T) {
	opt := DefaultOptions()
	opt.Grace = 1
	opt.ArticleRefineEvery, opt.ArticleRefineWindow = 1000, 600
	x := damTalks1
	x.Published = time.Time{}
	c := mustNew(t, opt)
	fill := synthDocs(11, sweepEvery-1)
	run(t, c, append(append([]Doc{x}, fill...), x))
	n := 0
	for _, r := range c.recent {
		if r.id == x.ID {
			n++
			if r.seq != c.seq {
				t.Errorf("%s kept from arrival %d, sent again at %d", x.ID, r.seq, c.seq)
			}
		}
	}
	if n != 1 {
		t.Errorf("%s kept %d times", x.ID, n)
	}
}
