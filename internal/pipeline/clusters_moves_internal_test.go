package pipeline

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
)

// movingDocs is a stream whose events share most of their words, so that
// reassignment, event and story splits and merges all happen, with copies.
func movingDocs(seed uint64, n int) []cluster.Doc {
	rng := rand.New(rand.NewPCG(seed, 1))
	word := func(k int) string { return fmt.Sprintf("w%cx%c", 'a'+k%26, 'a'+k/26%26) }
	name := func(k int) string { return fmt.Sprintf("N%cla%c", 'a'+k%26, 'a'+k/26%26) }
	t0 := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	var docs []cluster.Doc
	for i := 0; len(docs) < n; i++ {
		topic := rng.IntN(3)
		ev := 10 + topic*50 + i/30 + rng.IntN(2)
		var ws []string
		for range 12 {
			switch r := rng.IntN(10); {
			case r < 5:
				ws = append(ws, word(topic*10+rng.IntN(10)))
			case r < 8:
				ws = append(ws, word(100+ev*6+rng.IntN(6)))
			default:
				ws = append(ws, word((topic+1)%3*10+rng.IntN(10)))
			}
		}
		d := cluster.Doc{ID: fmt.Sprintf("p%05d", i), Title: fmt.Sprintf("%s meets %s on %s", name(topic), name(ev), ws[0]),
			Text: fmt.Sprintf("In %s, %s said the %s.", name(ev+400), name(topic), strings.Join(ws, " "))}
		if rng.IntN(4) != 0 {
			d.Published = t0.Add(time.Duration(i) * 20 * time.Minute)
		}
		docs = append(docs, d)
		if rng.IntN(10) == 0 {
			cp := docs[len(docs)-1-rng.IntN(min(len(docs), 5))]
			cp.ID, cp.CopyOf = d.ID+"c", cp.ID
			docs = append(docs, cp)
		}
	}
	return docs[:n]
}

// TestSavedPlacesFollowMoves: whatever reassignment, splits, merges and
// story refinement do within a batch, what the store holds after each
// save is where the clusterer holds each article, and each event row's
// article count is the event's.
func TestSavedPlacesFollowMoves(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name         string
		grace, batch int
	}{
		{"batched", 100000, 37},
		{"eager", 5, 37},
		{"every", 100000, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := cluster.DefaultOptions()
			opt.EventThreshold, opt.StoryThreshold = 0.2, 0.1
			opt.ArticleRefineEvery, opt.ArticleRefineWindow, opt.ArticleRefineSettled = 2, 24, 10
			opt.EventSplitMin, opt.EventSplitBelow = 4, 0.5
			opt.StoryRefineEvery, opt.StoryRefineWindow, opt.StorySplit = 3, 64, 0.4
			opt.Grace = tc.grace
			mem := newMemClusters()
			cs := newClusterStage(mem, opt, nil)
			c, err := cluster.New(opt)
			if err != nil {
				t.Fatal(err)
			}
			cs.c, cs.ready = c, true
			docs := movingDocs(3, 700)
			moved := 0
			for i, d := range docs {
				a := c.Assign(d)
				moved += len(a.ArticleMoves)
				cs.record(a)
				if (i+1)%tc.batch != 0 && i != len(docs)-1 {
					continue
				}
				if err := cs.save(ctx); err != nil {
					t.Fatal(err)
				}
				for _, d := range docs[:i+1] {
					ev, st := c.Place(d.ID)
					if ev == "" {
						continue
					}
					if got := mem.event[d.ID]; got != ev {
						t.Fatalf("after article %d: the store has %s in %s, the clusterer in %s", i, d.ID, got, ev)
					}
					if row := mem.events[ev]; row == nil || row.Story != st {
						t.Fatalf("after article %d: event %s's row %+v, the clusterer has it in %s", i, ev, row, st)
					}
				}
				for _, e := range c.Events() {
					if row := mem.events[e.ID]; row == nil || row.Articles != len(e.Articles) {
						t.Fatalf("after article %d: event %s's row %+v, the clusterer holds %d articles", i, e.ID, row, len(e.Articles))
					}
				}
				// Story rows carry the spans the clusterer has now
				// (the cluster tests check the spans narrow when
				// events leave), and its counts: a story that absorbed
				// another at refinement (a blurred pair merging) need
				// be neither the article's nor a moved event's.
				for _, st := range c.Stories() {
					if row := mem.stories[st.ID]; row == nil || !row.First.Equal(st.First) || !row.Last.Equal(st.Last) || row.Articles != st.Size || row.Events != st.EventCount {
						t.Fatalf("after article %d: story %s's row %+v, the clusterer spans %v – %v, %d events, %d articles", i, st.ID, row, st.First, st.Last, st.EventCount, st.Size)
					}
				}
			}
			if moved == 0 {
				t.Fatal("no article moved: the stream tests nothing")
			}
			t.Logf("%d article moves", moved)
		})
	}
}
