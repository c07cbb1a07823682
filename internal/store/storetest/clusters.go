package storetest

import (
	"bytes"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/store"
)

func testClusters(t *testing.T, s store.Store) {
	ctx := t.Context()
	a1, a2, a3, a4 := "e000000000000001", "e000000000000002", "e000000000000003", "e000000000000004"
	put(t, s, full(a1), full(a2), full(a3), full(a4))
	day := func(d int) time.Time { return time.Date(2024, 3, d, 9, 0, 0, 0, time.UTC) }

	if _, err := s.ArticleCluster(ctx, a1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("ArticleCluster before any save: %v, want ErrNotFound", err)
	}
	if st, err := s.LoadClusterState(ctx); st != nil || err != nil {
		t.Errorf("LoadClusterState before any save = %q, %v; want nil, nil", st, err)
	}

	// Two events in two stories, then a third event whose article merges
	// the stories, and a fourth article that merges the third event into
	// the first.
	recs := []store.ClusterRecord{
		{Article: a1, Event: "ev-000001", Story: "st-000001",
			Events:  []store.Event{{ID: "ev-000001", Story: "st-000001", Label: "Ærø — lighthouse", First: day(5), Last: day(5), Articles: 1}},
			Stories: []store.Story{{ID: "st-000001", Label: "Ærø — lighthouse", First: day(5), Last: day(5), Events: 1, Articles: 1}}},
		{Article: a2, Event: "ev-000002", Story: "st-000002",
			Events:  []store.Event{{ID: "ev-000002", Story: "st-000002", Label: "keepers — vote", First: day(7), Last: day(7), Articles: 1}},
			Stories: []store.Story{{ID: "st-000002", Label: "keepers — vote", First: day(7), Last: day(7), Events: 1, Articles: 1}}},
		{Article: a3, Event: "ev-000003", Story: "st-000001",
			Events:  []store.Event{{ID: "ev-000003", Story: "st-000001", Label: "Ærø — keepers", First: day(9), Last: day(9), Articles: 1}},
			Stories: []store.Story{{ID: "st-000001", Label: "Ærø — keepers", First: day(5), Last: day(9), Events: 3, Articles: 3}},
			Aliases: []store.Alias{{Kind: "story", From: "st-000002", To: "st-000001"}}},
	}
	for range 2 { // saving twice changes nothing
		if err := s.SaveClusters(ctx, recs...); err != nil {
			t.Fatalf("SaveClusters: %v", err)
		}
	}
	tests := []struct {
		article, event, story string
	}{
		{a1, "ev-000001", "st-000001"},
		{a2, "ev-000002", "st-000001"}, // moved by the story merge
		{a3, "ev-000003", "st-000001"},
	}
	for _, tt := range tests {
		got, err := s.ArticleCluster(ctx, tt.article)
		want := store.ArticleCluster{Article: tt.article, Event: tt.event, Story: tt.story}
		if err != nil || got != want {
			t.Errorf("ArticleCluster(%s) = %+v, %v; want %+v", tt.article, got, err, want)
		}
	}
	if st, err := s.Story(ctx, "st-000002"); err != nil || st.ID != "st-000001" || st.Events != 3 {
		t.Errorf("Story(absorbed) = %+v, %v; want the survivor st-000001 with 3 events", st, err)
	}
	if _, err := s.Story(ctx, "st-000009"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Story(unknown): %v, want ErrNotFound", err)
	}
	if _, err := s.Event(ctx, "ev-000009"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Event(unknown): %v, want ErrNotFound", err)
	}
	evs, err := s.StoryEvents(ctx, "st-000002")
	if err != nil {
		t.Fatalf("StoryEvents: %v", err)
	}
	var got []string
	for _, e := range evs {
		got = append(got, e.ID)
	}
	if want := []string{"ev-000001", "ev-000002", "ev-000003"}; !slices.Equal(got, want) {
		t.Errorf("StoryEvents = %v, want %v (time order, through the alias)", got, want)
	}
	if len(evs) == 3 && (!slices.Equal(evs[1].Members, []string{a2}) || evs[1].Story != "st-000001" || !evs[1].First.Equal(day(7))) {
		t.Errorf("StoryEvents[1] = %+v, want %s's event, moved to st-000001, first on the 7th", evs[1], a2)
	}

	// The fourth article merges ev-000003 into ev-000001, then a later
	// merge absorbs ev-000002 too: aliases follow to the last survivor.
	recs = []store.ClusterRecord{
		{Article: a4, Event: "ev-000001", Story: "st-000001",
			Events:  []store.Event{{ID: "ev-000001", Story: "st-000001", Label: "Ærø — lighthouse", First: day(5), Last: day(9), Articles: 3}},
			Stories: []store.Story{{ID: "st-000001", Label: "Ærø — keepers", First: day(5), Last: day(9), Events: 3, Articles: 4}},
			Aliases: []store.Alias{{Kind: "event", From: "ev-000003", To: "ev-000001"}}},
		{Events: []store.Event{{ID: "ev-000002", Story: "st-000001", Label: "keepers — vote", First: day(7), Last: day(7), Articles: 1}}},
		{Events: []store.Event{{ID: "ev-000000", Story: "st-000001", Label: "older", First: day(1), Last: day(9), Articles: 4}},
			Aliases: []store.Alias{{Kind: "event", From: "ev-000001", To: "ev-000000"}}},
	}
	if err := s.SaveClusters(ctx, recs...); err != nil {
		t.Fatalf("SaveClusters (merges): %v", err)
	}
	for _, id := range []string{"ev-000003", "ev-000001", "ev-000000"} {
		e, err := s.Event(ctx, id)
		if err != nil || e.ID != "ev-000000" || !slices.Equal(e.Members, []string{a1, a3, a4}) {
			t.Errorf("Event(%s) = %+v, %v; want ev-000000 holding %s, %s, %s in arrival order", id, e, err, a1, a3, a4)
		}
	}
	if ac, err := s.ArticleCluster(ctx, a3); err != nil || ac.Event != "ev-000000" {
		t.Errorf("ArticleCluster(%s) = %+v, %v; want ev-000000", a3, ac, err)
	}

	all, err := s.Events(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, e := range all {
		got = append(got, e.ID)
	}
	// Most recent first: ev-000000 and ev-000002 end on the 9th and 7th.
	if want := []string{"ev-000000", "ev-000002"}; !slices.Equal(got, want) {
		t.Errorf("Events = %v, want %v", got, want)
	}
	if lim, _ := s.Events(ctx, store.EventFilter{Limit: 1}); len(lim) != 1 {
		t.Errorf("Events with limit 1 gave %d", len(lim))
	}
	if none, err := s.Events(ctx, store.EventFilter{Story: "st-000404"}); err != nil || len(none) != 0 {
		t.Errorf("Events of an unknown story = %v, %v; want none", none, err)
	}
	if byStory, _ := s.Events(ctx, store.EventFilter{Story: "st-000002"}); len(byStory) != 2 {
		t.Errorf("Events of st-000002 (an alias) gave %d, want 2", len(byStory))
	}
	if ss, err := s.Stories(ctx, 0); err != nil || len(ss) != 1 || ss[0].ID != "st-000001" || ss[0].Articles != 4 {
		t.Errorf("Stories = %+v, %v; want the one merged story of 4 articles", ss, err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Events != len(all) || st.Stories != 1 {
		t.Errorf("Stats: %d events, %d stories (%v); want %d live events in 1 story", st.Events, st.Stories, err, len(all))
	}
	if err := s.SaveClusters(ctx, store.ClusterRecord{Aliases: []store.Alias{{Kind: "cluster", From: "x", To: "y"}}}); err == nil {
		t.Error("SaveClusters accepted an alias of unknown kind")
	}

	// A story refinement moves ev-000002 to a new story: a record with no
	// article, only the rows; the event's articles follow it.
	move := store.ClusterRecord{
		Events: []store.Event{{ID: "ev-000002", Story: "st-000003", Label: "keepers — vote", First: day(7), Last: day(7), Articles: 1}},
		Stories: []store.Story{{ID: "st-000003", Label: "keepers — vote", First: day(7), Last: day(7), Events: 1, Articles: 1},
			{ID: "st-000001", Label: "Ærø — keepers", First: day(5), Last: day(9), Events: 2, Articles: 3}},
	}
	if err := s.SaveClusters(ctx, move); err != nil {
		t.Fatalf("SaveClusters (a moved event): %v", err)
	}
	if got, err := s.ArticleCluster(ctx, a2); err != nil || got.Story != "st-000003" || got.Event != "ev-000002" {
		t.Errorf("after the move, ArticleCluster(%s) = %+v, %v; want ev-000002 in st-000003", a2, got, err)
	}
	if got, err := s.ArticleCluster(ctx, a1); err != nil || got.Story != "st-000001" {
		t.Errorf("the move touched %s: %+v, %v", a1, got, err)
	}
	if evs, err := s.StoryEvents(ctx, "st-000003"); err != nil || len(evs) != 1 || evs[0].ID != "ev-000002" {
		t.Errorf("StoryEvents(st-000003) = %+v, %v; want ev-000002", evs, err)
	}

	state := []byte(`{"version":1,"seq":4}`)
	for _, st := range [][]byte{[]byte(`{"version":1}`), state} {
		if err := s.SaveClusterState(ctx, st); err != nil {
			t.Fatalf("SaveClusterState: %v", err)
		}
	}
	if got, err := s.LoadClusterState(ctx); err != nil || !bytes.Equal(got, state) {
		t.Errorf("LoadClusterState = %q, %v; want the last state saved, %q", got, err, state)
	}
}
