package pipeline_test

import (
	"bytes"
	"context"
	"encoding/gob"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// TestReclusterSameParametersMovesNothing re-runs clustering with the
// parameters it ran with: same grouping, same IDs, nothing moved.
func TestReclusterSameParametersMovesNothing(t *testing.T) {
	ctx := context.Background()
	st, _, _ := ingestDemo(t)
	before := clusterMap(t, st)
	rep, err := pipeline.Recluster(ctx, st, pipeline.ReclusterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.MovedEvent != 0 || rep.MovedStory != 0 || rep.EventsNew != 0 || rep.EventsRetired != 0 || rep.StoriesNew != 0 {
		t.Errorf("recluster with the same parameters changed things: %+v", rep)
	}
	if rep.EventsBefore != rep.EventsAfter || rep.EventsKept != rep.EventsAfter || rep.Articles != len(before) {
		t.Errorf("report = %+v, want every event kept", rep)
	}
	if after := clusterMap(t, st); !mapsEqual(before, after) {
		t.Errorf("placements changed:\nbefore %v\nafter  %v", before, after)
	}
}

// TestReclusterNewParametersKeepsIDsResolvable re-runs with a threshold that
// splits events, checks that every ID shown before still resolves, that
// the dry run changes nothing, and that a later ingest goes on from the
// re-run (with its parameters).
func TestReclusterNewParametersKeepsIDsResolvable(t *testing.T) {
	ctx := context.Background()
	st, _, _ := ingestDemo(t)
	before := clusterMap(t, st)

	opt := cluster.DefaultOptions()
	opt.EventThreshold, opt.EventMerge = 0.99, 0 // every article its own event, nearly
	dry, err := pipeline.Recluster(ctx, st, pipeline.ReclusterOptions{Cluster: opt, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if dry.MovedEvent == 0 || dry.EventsNew == 0 || dry.EventsAfter <= dry.EventsBefore {
		t.Fatalf("a near-impossible threshold should split events: %+v", dry)
	}
	if now := clusterMap(t, st); !mapsEqual(before, now) {
		t.Fatal("a dry run changed the store")
	}

	rep, err := pipeline.Recluster(ctx, st, pipeline.ReclusterOptions{Cluster: opt})
	if err != nil {
		t.Fatal(err)
	}
	if rep.MovedEvent != dry.MovedEvent || rep.EventsAfter != dry.EventsAfter {
		t.Errorf("the run (%+v) differs from its dry run (%+v)", rep, dry)
	}
	after := clusterMap(t, st)
	evs := map[string]bool{}
	for _, ac := range after {
		evs[ac.Event] = true
	}
	if len(evs) != rep.EventsAfter {
		t.Errorf("%d events held, report says %d", len(evs), rep.EventsAfter)
	}
	for a, ac := range before {
		ev, err := st.Event(ctx, ac.Event)
		if err != nil {
			t.Errorf("old event %s of %s no longer resolves: %v", ac.Event, a, err)
			continue
		}
		if ev.ID != ac.Event && after[a].Event == ac.Event {
			t.Errorf("%s kept its event's ID %s but the ID resolves to %s", a, ac.Event, ev.ID)
		}
		if _, err := st.Story(ctx, ac.Story); err != nil {
			t.Errorf("old story %s no longer resolves: %v", ac.Story, err)
		}
	}

	// A later ingest restores the re-run's state and goes on with its
	// parameters: a new article that repeats a held one's text closely
	// still gets a fresh event under the strict threshold.
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "late.txt"), []byte("Port Sellan dockers vote on the harbour pay offer\n\nDockworkers in Port Sellan voted on Thursday on the harbour authority's latest pay offer, their union said."))
	sum, err := pipeline.New(st, eventOptions()).Ingest(ctx, []string{dir}, nil, ingest.Options{Source: "Late Wire"}, nil)
	if err != nil || sum.Added != 1 {
		t.Fatalf("ingest after recluster: %+v %v", sum, err)
	}
	final := clusterMap(t, st)
	if len(final) != len(after)+1 {
		t.Fatalf("%d placements after one more article, want %d", len(final), len(after)+1)
	}
	for a, ac := range after {
		if final[a] != ac {
			t.Errorf("ingest after recluster moved %s: %+v → %+v", a, ac, final[a])
		}
	}
	seen := map[string]bool{}
	for _, ac := range final {
		if seen[ac.Event] {
			continue
		}
		seen[ac.Event] = true
	}
	for a, ac := range final {
		if _, ok := after[a]; ok {
			continue
		}
		for b, bc := range after {
			if bc.Event == ac.Event {
				t.Errorf("the late article joined %s's event %s although the saved threshold is 0.99", b, ac.Event)
			}
		}
	}

	// And back to the defaults: the original IDs are reused where the
	// groups come back.
	back, err := pipeline.Recluster(ctx, st, pipeline.ReclusterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if back.EventsAfter >= rep.EventsAfter {
		t.Errorf("back to the defaults: %d events, want fewer than the strict run's %d", back.EventsAfter, rep.EventsAfter)
	}
	restored := clusterMap(t, st)
	same := 0
	for a, ac := range before {
		if restored[a].Event == ac.Event {
			same++
		}
	}
	if same < len(before)*3/4 {
		t.Errorf("back to the defaults, only %d of %d articles are under their original event ID", same, len(before))
	}
}

// TestOldClusterStateIsRebuilt stores a state an older clusterer wrote,
// or one that cannot be read: the next ingest reclusters the store instead
// of failing, and keeps the IDs shown before.
func TestOldClusterStateIsRebuilt(t *testing.T) {
	for _, tc := range []struct {
		name string
		blob []byte
	}{
		// Version 1 states were JSON: the loader still reads them, and
		// Restore refuses the version.
		{"version 1, JSON", []byte(`{"version":1,"next_event":3,"next_story":2}`)},
		// Version 2 wrote centroids as gob structs, which the packed
		// centroids of version 3 cannot decode.
		{"version 2, gob", oldGobState(t)},
		{"damaged", []byte("PXCS1\n\x00\x01garbage")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			st, _, _ := ingestDemo(t)
			before := clusterMap(t, st)
			if err := st.SaveClusterState(ctx, tc.blob); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "late.txt"), []byte("Norvane fine appeal\n\nNorvane Health said on Friday it would appeal the record fine over the patient records breach."))
			sum, err := pipeline.New(st, eventOptions()).Ingest(ctx, []string{dir}, nil, ingest.Options{Source: "Late Wire"}, nil)
			if err != nil || sum.Added != 1 {
				t.Fatalf("ingest over an old state: %+v %v", sum, err)
			}
			after := clusterMap(t, st)
			for a, ac := range before {
				if after[a] != ac {
					t.Errorf("rebuild moved %s: %+v → %+v", a, ac, after[a])
				}
			}
			if len(after) != len(before)+1 {
				t.Errorf("%d placements, want %d", len(after), len(before)+1)
			}
		})
	}
}

// TestReclusterPublishedOrder re-runs in published order: every article is
// placed once, the dry run and the run agree, and two runs agree.
func TestReclusterPublishedOrder(t *testing.T) {
	ctx := context.Background()
	st, _, _ := ingestDemo(t)
	before := clusterMap(t, st)
	var calls, last int
	opt := pipeline.ReclusterOptions{Published: true, DryRun: true, Progress: func(done, total int) {
		calls++
		if done < last || done > total {
			t.Errorf("progress %d of %d after %d", done, total, last)
		}
		last = done
	}}
	dry, err := pipeline.Recluster(ctx, st, opt)
	if err != nil {
		t.Fatal(err)
	}
	if dry.Articles != len(before) || calls != len(before) {
		t.Errorf("%d articles placed (%d progress calls), want %d", dry.Articles, calls, len(before))
	}
	opt.DryRun, opt.Progress = false, nil
	rep, err := pipeline.Recluster(ctx, st, opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep.MovedEvent != dry.MovedEvent || rep.EventsAfter != dry.EventsAfter {
		t.Errorf("the run (%+v) differs from its dry run (%+v)", rep, dry)
	}
	again, err := pipeline.Recluster(ctx, st, opt)
	if err != nil {
		t.Fatal(err)
	}
	if again.MovedEvent != 0 || again.MovedStory != 0 {
		t.Errorf("a second run in published order moved %d articles' events, %d stories", again.MovedEvent, again.MovedStory)
	}
}

// oldGobState is a state in version 2's gob layout: centroids as lists of
// {Term, W} structs.
func oldGobState(t *testing.T) []byte {
	t.Helper()
	type weight struct {
		Term int32
		W    float64
	}
	type clusterState struct {
		ID    string
		Terms []weight
	}
	type state struct {
		Version int
		Events  []clusterState
	}
	var b bytes.Buffer
	b.WriteString("PXCS1\n")
	s := state{Version: 2, Events: []clusterState{{ID: "ev-000001", Terms: []weight{{1, 0.5}, {4, 0.25}}}}}
	if err := gob.NewEncoder(&b).Encode(s); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
