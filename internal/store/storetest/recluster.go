package storetest

import (
	"errors"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/store"
)

// testReplaceClusters checks a whole re-run of clustering: every placement
// replaced at once, old names still resolving through aliases.
func testReplaceClusters(t *testing.T, s store.Store) {
	ctx := t.Context()
	a1, a2, a3 := "f000000000000001", "f000000000000002", "f000000000000003"
	put(t, s, full(a1), full(a2), full(a3))
	pl := func(a, e, st string) store.ArticleCluster {
		return store.ArticleCluster{Article: a, Event: e, Story: st}
	}
	ev := func(id, story string, n int) store.Event {
		return store.Event{ID: id, Story: story, Label: id, Articles: n}
	}
	sto := func(id string, events, n int) store.Story {
		return store.Story{ID: id, Label: id, Events: events, Articles: n}
	}
	// Before: a1 and a2 in ev-1, a3 in ev-2 (absorbing an earlier ev-9),
	// one story.
	before := []store.ClusterRecord{
		{Article: a1, Event: "ev-000001", Story: "st-000001", Events: []store.Event{ev("ev-000001", "st-000001", 1)}, Stories: []store.Story{sto("st-000001", 1, 1)}},
		{Article: a2, Event: "ev-000001", Story: "st-000001", Events: []store.Event{ev("ev-000001", "st-000001", 2)}},
		{Article: a3, Event: "ev-000009", Story: "st-000001", Events: []store.Event{ev("ev-000009", "st-000001", 1)}},
		{Article: a3, Event: "ev-000002", Story: "st-000001", Events: []store.Event{ev("ev-000002", "st-000001", 1)},
			Aliases: []store.Alias{{Kind: "event", From: "ev-000009", To: "ev-000002"}}},
	}
	if err := s.SaveClusters(ctx, before...); err != nil {
		t.Fatal(err)
	}
	var walked []store.ArticleCluster
	err := s.EachArticleCluster(ctx, func(ac store.ArticleCluster) error {
		walked = append(walked, ac)
		return nil
	})
	want := []store.ArticleCluster{pl(a1, "ev-000001", "st-000001"), pl(a2, "ev-000001", "st-000001"), pl(a3, "ev-000002", "st-000001")}
	if err != nil || !slices.Equal(walked, want) {
		t.Errorf("EachArticleCluster = %v, %v; want %v", walked, err, want)
	}
	stop := errors.New("stop")
	n := 0
	if err := s.EachArticleCluster(ctx, func(store.ArticleCluster) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("EachArticleCluster with fn failing: %v after %d calls; want stop after 1", err, n)
	}

	// After: a1 alone keeps ev-1; a2 and a3 together in ev-2; ev-1's
	// story split off as st-000003, and the old ev-9 alias still resolves.
	after := []store.ClusterRecord{
		{Article: a1, Event: "ev-000001", Story: "st-000003", Events: []store.Event{ev("ev-000001", "st-000003", 1)}, Stories: []store.Story{sto("st-000003", 1, 1)}},
		{Article: a2, Event: "ev-000002", Story: "st-000001", Events: []store.Event{ev("ev-000002", "st-000001", 1)}, Stories: []store.Story{sto("st-000001", 1, 1)}},
		{Article: a3, Event: "ev-000002", Story: "st-000001", Events: []store.Event{ev("ev-000002", "st-000001", 2)}, Stories: []store.Story{sto("st-000001", 1, 2)}},
	}
	if err := s.ReplaceClusters(ctx, after, []byte(`{"v":2}`)); err != nil {
		t.Fatalf("ReplaceClusters: %v", err)
	}
	for _, w := range []store.ArticleCluster{pl(a1, "ev-000001", "st-000003"), pl(a2, "ev-000002", "st-000001"), pl(a3, "ev-000002", "st-000001")} {
		if got, err := s.ArticleCluster(ctx, w.Article); err != nil || got != w {
			t.Errorf("ArticleCluster(%s) after replace = %+v, %v; want %+v", w.Article, got, err, w)
		}
	}
	if e, err := s.Event(ctx, "ev-000009"); err != nil || e.ID != "ev-000002" || !slices.Equal(e.Members, []string{a2, a3}) {
		t.Errorf("Event(old alias) after replace = %+v, %v; want ev-000002 with a2, a3", e, err)
	}
	if st, err := s.LoadClusterState(ctx); err != nil || string(st) != `{"v":2}` {
		t.Errorf("state after replace = %q, %v", st, err)
	}
	if sts, err := s.Stories(ctx, 0); err != nil || len(sts) != 2 {
		t.Errorf("Stories after replace = %+v, %v; want 2", sts, err)
	}

	// A name that was an alias becomes a live cluster again: the alias goes.
	again := []store.ClusterRecord{
		{Article: a1, Event: "ev-000009", Story: "st-000001", Events: []store.Event{ev("ev-000009", "st-000001", 3)}, Stories: []store.Story{sto("st-000001", 1, 3)}},
		{Article: a2, Event: "ev-000009", Story: "st-000001"},
		{Article: a3, Event: "ev-000009", Story: "st-000001",
			Aliases: []store.Alias{{Kind: "event", From: "ev-000001", To: "ev-000009"}, {Kind: "event", From: "ev-000002", To: "ev-000009"}}},
	}
	if err := s.ReplaceClusters(ctx, again, nil); err != nil {
		t.Fatalf("ReplaceClusters again: %v", err)
	}
	for _, id := range []string{"ev-000009", "ev-000001", "ev-000002"} {
		if e, err := s.Event(ctx, id); err != nil || e.ID != "ev-000009" || len(e.Members) != 3 {
			t.Errorf("Event(%s) = %+v, %v; want ev-000009 with 3 members", id, e, err)
		}
	}
	if st, err := s.LoadClusterState(ctx); err != nil || st != nil {
		t.Errorf("state after a replace without one = %q, %v; want none", st, err)
	}
}
