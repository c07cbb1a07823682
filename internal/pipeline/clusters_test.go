package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/synth"
)

// clusterMap returns every held article's cluster, failing on one that
// has none.
func clusterMap(t *testing.T, st store.Store) map[string]store.ArticleCluster {
	t.Helper()
	ctx := context.Background()
	out := map[string]store.ArticleCluster{}
	err := st.Each(ctx, store.Filter{}, func(a *article.Article) error {
		ac, err := st.ArticleCluster(ctx, a.ID)
		if err != nil {
			return err
		}
		ev, err := st.Event(ctx, ac.Event)
		if err != nil {
			return err
		}
		if ev.ID != ac.Event || ev.Story != ac.Story || !slices.Contains(ev.Members, a.ID) {
			t.Errorf("%s: in %s of %s, but the event row is %+v", a.ID, ac.Event, ac.Story, ev)
		}
		if _, err := st.Story(ctx, ac.Story); err != nil {
			return err
		}
		out[a.ID] = ac
		return nil
	})
	if err != nil {
		t.Fatalf("every stored article should have an event and a story: %v", err)
	}
	return out
}

// TestSeedsAreTwoEventsOfOneStory ingests the two seed articles (the
// Pompeo–Lavrov talks in Sochi in May 2019 and in Washington in December
// 2019): one story, and (the target) two events.
func TestSeedsAreTwoEventsOfOneStory(t *testing.T) {
	dir := "../../../shared/data/seeds"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found: run from a checkout with shared/ beside it", dir)
	}
	ctx := context.Background()
	st := openStore(t)
	if _, err := pipeline.New(st, eventOptions()).Ingest(ctx, []string{dir}, nil, ingest.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	m := clusterMap(t, st)
	if len(m) != 2 {
		t.Fatalf("%d articles clustered, want 2", len(m))
	}
	var acs []store.ArticleCluster
	for _, ac := range m {
		acs = append(acs, ac)
	}
	// Two events: Sochi in May and Washington in December. The seeds are
	// plain text with no published time; the places their leads put the
	// talks in keep them apart.
	if acs[0].Event == acs[1].Event {
		t.Errorf("both seeds in event %s; want two (Sochi in May, Washington in December)", acs[0].Event)
	}
	if acs[0].Story != acs[1].Story {
		t.Errorf("seeds in stories %s and %s: want one story", acs[0].Story, acs[1].Story)
	}
	evs, err := st.StoryEvents(ctx, acs[0].Story)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		t.Logf("%s %s %q %v", e.Story, e.ID, e.Label, e.Members)
	}
}

// TestDemoStoriesGetEvents ingests the demo corpus and compares the
// events and stories found with the answer key's. What the clusterer
// should find is issue 4's quality target; what must hold now is checked:
// every article has an event and a story, a full copy shares its
// original's event, the rows agree with one another, and re-running the
// ingest changes nothing.
func TestDemoStoriesGetEvents(t *testing.T) {
	ctx := context.Background()
	st, truth, keys := ingestDemo(t)
	m := clusterMap(t, st)
	byID := map[string]string{}
	for k, id := range keys {
		byID[id] = k
	}
	for key, at := range truth.Articles {
		ac := m[keys[key]]
		if at.CopyKind == "full" {
			if orig := m[keys[at.CopyOf]]; orig.Event != ac.Event {
				t.Errorf("%s is a full copy of %s but sits in %s, not %s", key, at.CopyOf, ac.Event, orig.Event)
			}
		}
		e, err := st.Event(ctx, ac.Event)
		if err != nil || e.Story != ac.Story || !slices.Contains(e.Members, keys[key]) {
			t.Errorf("%s: event %+v, %v; want story %s and the article among its members", key, e, err, ac.Story)
		}
	}
	// What was found against the answer key, for the eye.
	truthOf := map[string][]string{}
	for id, ac := range m {
		at := truth.Articles[byID[id]]
		truthOf[ac.Story+" "+ac.Event] = append(truthOf[ac.Story+" "+ac.Event], at.Story+"/"+at.Event)
	}
	var lines []string
	for k, v := range truthOf {
		sort.Strings(v)
		lines = append(lines, k+" ← "+fmtList(v))
	}
	sort.Strings(lines)
	for _, l := range lines {
		t.Log(l)
	}
	// What holds today, kept from slipping: no event mixes two of the
	// answer key's events, and each answer-key story is one story.
	foundStory := map[string]map[string]bool{}
	for id, ac := range m {
		at := truth.Articles[byID[id]]
		if foundStory[at.Story] == nil {
			foundStory[at.Story] = map[string]bool{}
		}
		foundStory[at.Story][ac.Story] = true
	}
	for k, v := range truthOf {
		if u := slices.Compact(slices.Clone(v)); len(u) != 1 {
			t.Errorf("event %s mixes %v", k, u)
		}
	}
	for s, found := range foundStory {
		if len(found) != 1 {
			t.Errorf("answer-key story %s split over %d stories", s, len(found))
		}
	}
	stories, err := st.Stories(ctx, 0)
	if err != nil || len(stories) == 0 {
		t.Fatalf("Stories = %v, %v", stories, err)
	}
	total := 0
	for _, s := range stories {
		evs, err := st.StoryEvents(ctx, s.ID)
		if err != nil || len(evs) == 0 {
			t.Errorf("story %s: events %v, %v; want at least one", s.ID, evs, err)
		}
		for _, e := range evs {
			total += len(e.Members)
		}
	}
	if total != len(m) {
		t.Errorf("the stories' events hold %d articles, want %d", total, len(m))
	}
	t.Logf("found %d stories, %d events; the answer key has %d stories", len(stories), len(eventsOf(t, st)), len(truth.Stories))
}

func fmtList(v []string) string {
	out := ""
	for i, s := range v {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}

func eventsOf(t *testing.T, st store.Store) []store.Event {
	t.Helper()
	evs, err := st.Events(context.Background(), store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// TestClustersSurviveRestartAndRerun ingests a corpus in two runs on two
// pipelines (the second restores the saved state), then again: the
// assignments equal those of one uninterrupted run, and re-ingesting
// changes none of them.
func TestClustersSurviveRestartAndRerun(t *testing.T) {
	ctx := context.Background()
	dir := corpus(t, 80)
	one := openStore(t)
	if _, err := pipeline.New(one, eventOptions()).Ingest(ctx, []string{dir}, nil, ingest.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	want := clusterMap(t, one)

	// The same input split in two files, ingested by two pipelines.
	half := splitInHalves(t, dir)
	two := openStore(t)
	ingestHalves(t, two, half)
	if got := clusterMap(t, two); !mapsEqual(got, want) {
		t.Errorf("two runs with a restart gave other clusters than one run:\n got %v\nwant %v", got, want)
	}
	// Forty articles a run is below the end-of-run save: the second run
	// replayed the first's from the store. A longer run saves its state,
	// and a run after it restores that.
	if blob, err := two.LoadClusterState(ctx); err != nil || len(blob) != 0 {
		t.Errorf("a state saved after a short run: %d bytes, %v", len(blob), err)
	}
	long := corpus(t, 600)
	three := openStore(t)
	ingestHalves(t, three, splitInHalves(t, long))
	if blob, err := three.LoadClusterState(ctx); err != nil || len(blob) == 0 {
		t.Errorf("no cluster state saved after a run of 300: %v", err)
	}
	whole := openStore(t)
	if _, err := pipeline.New(whole, eventOptions()).Ingest(ctx, []string{long}, nil, ingest.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := clusterMap(t, three), clusterMap(t, whole); !mapsEqual(got, want) {
		t.Error("two runs restoring a saved state gave other clusters than one run")
	}

	// Re-ingesting the same input assigns nothing anew.
	sum, err := pipeline.New(one, eventOptions()).Ingest(ctx, []string{dir}, nil, ingest.Options{}, nil)
	if err != nil || sum.Added != 0 {
		t.Fatalf("re-ingest: added %d, %v", sum.Added, err)
	}
	if got := clusterMap(t, one); !mapsEqual(got, want) {
		t.Error("re-ingesting the same input changed the clusters")
	}
}

// TestClustersRebuiltForAStoreWithoutState drops the saved state, as in a
// store written before clustering existed: the next run replays the held
// articles and goes on as one uninterrupted run would.
func TestClustersRebuiltForAStoreWithoutState(t *testing.T) {
	ctx := context.Background()
	dir := corpus(t, 40)
	one := openStore(t)
	if _, err := pipeline.New(one, eventOptions()).Ingest(ctx, []string{dir}, nil, ingest.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	want := clusterMap(t, one)

	half := splitInHalves(t, dir)
	two := &statelessStore{Store: openStore(t)}
	ingestHalves(t, two, half)
	if got := clusterMap(t, two); !mapsEqual(got, want) {
		t.Errorf("replaying held articles gave other clusters than one run:\n got %v\nwant %v", got, want)
	}
}

// statelessStore never keeps the clusterer's state.
type statelessStore struct{ store.Store }

func (statelessStore) SaveClusterState(context.Context, []byte) error   { return nil }
func (statelessStore) LoadClusterState(context.Context) ([]byte, error) { return nil, nil }

func mapsEqual(a, b map[string]store.ArticleCluster) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func splitLines(data []byte) [][]byte {
	var out [][]byte
	for len(data) > 0 {
		i := slices.Index(data, '\n')
		if i < 0 {
			out = append(out, data)
			break
		}
		out = append(out, data[:i+1])
		data = data[i+1:]
	}
	return out
}

func joinLines(lines [][]byte) []byte {
	var out []byte
	for _, l := range lines {
		out = append(out, l...)
	}
	return out
}

// TestClustersRecoverFromALostState loses the state saved by the second of
// three runs, as a crash before the end of a run does: the third run
// restores the first run's state, replays what the second assigned, and
// ends as one uninterrupted run would.
func TestClustersRecoverFromALostState(t *testing.T) {
	ctx := context.Background()
	dir := corpus(t, 300) // more held articles than one batch of records
	one := openStore(t)
	if _, err := pipeline.New(one, eventOptions()).Ingest(ctx, []string{dir}, nil, ingest.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	want := clusterMap(t, one)

	data, err := os.ReadFile(filepath.Join(dir, "a.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := splitLines(data)
	parts := t.TempDir()
	n := len(lines)
	writeFile(t, filepath.Join(parts, "1.jsonl"), joinLines(lines[:n/3]))
	writeFile(t, filepath.Join(parts, "2.jsonl"), joinLines(lines[n/3:2*n/3]))
	writeFile(t, filepath.Join(parts, "3.jsonl"), joinLines(lines[2*n/3:]))
	real := openStore(t)
	for i, f := range []string{"1.jsonl", "2.jsonl", "3.jsonl"} {
		st := real
		if i == 1 {
			st = &forgetfulStore{Store: real}
		}
		if _, err := pipeline.New(st, eventOptions()).Ingest(ctx, []string{filepath.Join(parts, f)}, nil, ingest.Options{}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if got := clusterMap(t, real); !mapsEqual(got, want) {
		t.Errorf("after a lost state, clusters differ from one run's")
	}
}

// forgetfulStore drops the clusterer's state it is asked to save.
type forgetfulStore struct{ store.Store }

func (forgetfulStore) SaveClusterState(context.Context, []byte) error { return nil }

// TestClustersWithAShortGrace evicts clusters within a batch (Grace below
// the batch size), where rows are read per article: every article still
// has its event and story rows, as in a run with the default Grace.
func TestClustersWithAShortGrace(t *testing.T) {
	ctx := context.Background()
	// Articles a week apart, so that the time windows pass too, and more
	// of them than arrive between two eviction sweeps.
	dir := t.TempDir()
	g := synth.New(7)
	var b strings.Builder
	for i := range 600 {
		a := g.Next(400)
		a.Published = a.Published.Add(time.Duration(i) * 7 * 24 * time.Hour)
		b.Write(a.JSONL())
	}
	writeFile(t, filepath.Join(dir, "a.jsonl"), []byte(b.String()))
	for _, grace := range []int{0, 3, 10000} {
		t.Run(fmt.Sprint("grace=", grace), func(t *testing.T) {
			st := openStore(t)
			opt := eventOptions()
			opt.Cluster.Grace = grace
			if _, err := pipeline.New(st, opt).Ingest(ctx, []string{dir}, nil, ingest.Options{}, nil); err != nil {
				t.Fatal(err)
			}
			if m := clusterMap(t, st); len(m) != 600 {
				t.Errorf("%d articles clustered, want 600", len(m))
			}
		})
	}
}

// eventOptions are the defaults with events and stories turned on.
// placedByInput is clusterMap keyed by the articles' input IDs.
func placedByInput(t *testing.T, st store.Store) map[string]store.ArticleCluster {
	t.Helper()
	out := map[string]store.ArticleCluster{}
	for _, ac := range clusterMap(t, st) {
		a, err := st.Get(context.Background(), ac.Article)
		if err != nil {
			t.Fatal(err)
		}
		out[a.InputID] = ac
	}
	return out
}

func eventOptions() pipeline.Options {
	opt := pipeline.DefaultOptions()
	opt.Events = true
	return opt
}

// splitInHalves writes the corpus file a.jsonl of dir as two files,
// 1.jsonl and 2.jsonl, in a new directory, and returns it.
func splitInHalves(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "a.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := splitLines(data)
	half := t.TempDir()
	writeFile(t, filepath.Join(half, "1.jsonl"), joinLines(lines[:len(lines)/2]))
	writeFile(t, filepath.Join(half, "2.jsonl"), joinLines(lines[len(lines)/2:]))
	return half
}

// ingestHalves ingests the two halves into st, each run on a new pipeline,
// as two separate invocations of parallax would.
func ingestHalves(t *testing.T, st store.Store, half string) {
	t.Helper()
	for _, f := range []string{"1.jsonl", "2.jsonl"} {
		if _, err := pipeline.New(st, eventOptions()).Ingest(context.Background(), []string{filepath.Join(half, f)}, nil, ingest.Options{}, nil); err != nil {
			t.Fatal(err)
		}
	}
}

// TestStoryRefinementReachesTheStore ingests a flood story and a ferry
// event that starts as a timetable notice and grows into the flood relief:
// the story refinement moves the ferry event into the flood's story, and
// the store follows (each article's story is its event's, and the story
// the ferry started in resolves to the flood's).
func TestStoryRefinementReachesTheStore(t *testing.T) {
	ctx := context.Background()
	docs := []struct{ id, title, text string }{
		{"f1", "Ostra river floods Velm as dam spillway opens", "Engineers opened the Velm dam spillway on Monday as the Ostra river flooded low streets. Sandbags were handed out and three hundred residents were evacuated to the school."},
		{"f2", "Velm evacuates riverside streets as Ostra flood rises", "The Ostra flood rose again overnight in Velm. Engineers at the dam said the spillway would stay open, and volunteers filled sandbags outside the evacuated streets."},
		{"f3", "Sandbags and boats: Velm fights the Ostra flood", "Volunteers filled sandbags along the Ostra in Velm as engineers kept the dam spillway open. Evacuated residents waited at the school for the flood to fall."},
		{"p1", "Harbour ferry timetable changes", "The Kessel harbour ferry will run every forty minutes from Thursday, its operator said, with the last crossing at ten. Tickets bought before Thursday remain valid on the new timetable."},
		{"p2", "Kessel harbour ferry timetable changes again for the Velm flood", "The Kessel harbour ferry timetable changes again from Friday, its operator said: every forty minutes, with the last crossing at ten, and tickets bought before Thursday remain valid. Crews will carry sandbags to Velm, where the Ostra flood rose again and engineers kept the dam spillway open."},
		{"p3", "Kessel harbour ferry keeps its new timetable", "The Kessel harbour ferry kept its new timetable on Saturday, its operator said, with a crossing every forty minutes and the last at ten. Tickets remain valid, and the crews carried sandbags for the Ostra flood in Velm, where evacuated residents waited at the school."},
		{"p4", "Kessel ferry operator extends the new timetable", "The Kessel harbour ferry operator said the timetable of a crossing every forty minutes would run until the Ostra flood falls in Velm, with the last crossing at ten and old tickets still valid. Volunteers in Velm filled sandbags by the dam spillway."},
	}
	var b strings.Builder
	for _, d := range docs {
		line, _ := json.Marshal(map[string]string{"id": d.id, "title": d.title, "text": d.text})
		b.Write(line)
		b.WriteByte('\n')
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.jsonl"), []byte(b.String()))
	st := openStore(t)
	opt := eventOptions()
	opt.Cluster = cluster.DefaultOptions()
	opt.Cluster.StoryRefineEvery, opt.Cluster.StoryRefineWindow = 1, 16
	if _, err := pipeline.New(st, opt).Ingest(ctx, []string{dir}, nil, ingest.Options{Source: "Velm Wire"}, nil); err != nil {
		t.Fatal(err)
	}
	placed := clusterMap(t, st) // checks each article's story against its event's row
	var flood, ferry store.ArticleCluster
	for _, ac := range placed {
		a, err := st.Get(ctx, ac.Article)
		if err != nil {
			t.Fatal(err)
		}
		switch a.InputID {
		case "f1":
			flood = ac
		case "p1":
			ferry = ac
		}
	}
	if flood.Event == "" || ferry.Event == "" || flood.Event == ferry.Event {
		t.Fatalf("want the flood and the ferry as two events: %+v, %+v", flood, ferry)
	}
	if flood.Story != ferry.Story {
		t.Errorf("the ferry event is in story %s, the flood in %s: the refinement did not reach the store", ferry.Story, flood.Story)
	}
	if ss, err := st.Stories(ctx, 0); err != nil || len(ss) != 1 || ss[0].Articles != len(docs) {
		t.Errorf("stories = %+v, %v; want one of %d articles", ss, err, len(docs))
	}
}

// TestArticleReassignmentReachesTheStore: a ferry suspension notice
// joins a timetable notice's event, and a reassignment moves it into the
// crane collapse's event once that event's reports tie the two together
// (the timetable notice stays). The store follows: in one run, across two
// runs (the notice saved by the first, moved by the second) and with rows
// read eagerly.
func TestArticleReassignmentReachesTheStore(t *testing.T) {
	ctx := context.Background()
	docs := []struct{ id, source, title, text string }{
		{"x0", "Kessel Ferries", "Harbour ferry to run every forty minutes", "The harbour ferry will run every forty minutes from Thursday, its operator said, with the last crossing at ten."},
		{"x1", "Kessel Ferries", "Harbour ferry crossings suspended", "Crossings of the harbour ferry are suspended until the pier is inspected, its operator said."},
		{"y1", "Kessel Courier", "Crane collapses at Kessel port", "A dockside crane collapsed at Kessel port on Tuesday afternoon, injuring two workers, the port authority said. Inspectors closed the quay."},
		{"y2", "Kessel Courier", "Kessel pier closed after crane collapse; ferry halted", "Inspectors kept the Kessel ferry pier closed on Wednesday after a dockside crane collapsed onto it, and the harbour ferry suspended its crossings until the pier is inspected. Two injured workers were recovering."},
		{"y3", "Harbour Radio", "Ferry crossings stay suspended after Kessel crane collapse", "Kessel harbour ferry crossings stayed suspended as inspectors examined the pier where a dockside crane collapsed, the port authority and the ferry operator said. The quay remained closed."},
		{"y4", "Port Notices", "Harbour ferry crossings suspended after Kessel crane collapse", "Crossings of the harbour ferry are suspended until the pier is inspected after a dockside crane collapsed onto it, its operator said."},
		{"z1", "Velm Evening", "Orchestra opens season in Velm", "The Velm city orchestra opened its season with a programme of symphonies, its conductor said, and tickets sold out."},
	}
	var b strings.Builder
	for _, d := range docs {
		line, _ := json.Marshal(map[string]string{"id": d.id, "source": d.source, "title": d.title, "text": d.text})
		b.Write(line)
		b.WriteByte('\n')
	}
	for _, tt := range []struct {
		name  string
		halve bool
		grace int
	}{{"one run", false, 0}, {"two runs", true, 0}, {"eager rows", false, 32}} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "a.jsonl"), []byte(b.String()))
			st := openStore(t)
			opt := eventOptions()
			opt.Cluster = cluster.DefaultOptions()
			opt.Cluster.ArticleRefineEvery, opt.Cluster.ArticleRefineWindow = 1, 16
			if tt.grace > 0 {
				opt.Cluster.Grace = tt.grace
			}
			if tt.halve {
				// x0, x1, y1 then the rest: the notice is saved by the
				// first run and moved by the second.
				half := splitInHalves(t, dir)
				for _, f := range []string{"1.jsonl", "2.jsonl"} {
					if _, err := pipeline.New(st, opt).Ingest(ctx, []string{filepath.Join(half, f)}, nil, ingest.Options{}, nil); err != nil {
						t.Fatal(err)
					}
				}
			} else if _, err := pipeline.New(st, opt).Ingest(ctx, []string{dir}, nil, ingest.Options{}, nil); err != nil {
				t.Fatal(err)
			}
			byInput := placedByInput(t, st) // checks each article against its event's row
			collapse := byInput["y1"]
			for _, id := range []string{"x1", "y2", "y3", "y4"} {
				if ac := byInput[id]; ac.Event != collapse.Event || ac.Story != collapse.Story {
					t.Errorf("%s is in %s/%s, want the collapse's %s/%s", id, ac.Event, ac.Story, collapse.Event, collapse.Story)
				}
			}
			for _, id := range []string{"x0", "z1"} {
				if byInput[id].Event == collapse.Event {
					t.Errorf("%s joined the collapse", id)
				}
			}
			for _, want := range []struct {
				id       string
				articles int
			}{{collapse.Event, 5}, {byInput["x0"].Event, 1}} {
				if ev, err := st.Event(ctx, want.id); err != nil || ev.Articles != want.articles {
					t.Errorf("event %+v, %v; want %d articles", ev, err, want.articles)
				}
			}
		})
	}
}

// TestEventSplitReachesTheStore: an appointment and, later, the same
// harbour master's dismissal first grow into one event; the split test
// cuts the dismissal out into an event of its own, and the store follows.
func TestEventSplitReachesTheStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join("..", "cluster", "testdata", "harbour-master.jsonl") // ours, shared with the cluster tests
	st := openStore(t)
	opt := eventOptions()
	opt.Cluster = cluster.DefaultOptions()
	opt.Cluster.ArticleRefineEvery, opt.Cluster.ArticleRefineWindow = 1, 16
	// Short reports that share their names everywhere (the entity stage
	// makes them the same canonical names) stay more alike across the
	// halves than ECB+'s longer ones: the split test is set for them.
	opt.Cluster.EventSplitMin, opt.Cluster.EventSplitBelow = 4, 0.4
	if _, err := pipeline.New(st, opt).Ingest(ctx, []string{path}, nil, ingest.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	byInput := placedByInput(t, st) // checks each article against its event's row
	hired, fired := byInput["hire0"], byInput["fire0"]
	if hired.Event == fired.Event {
		t.Fatalf("the appointment and the dismissal are one event in the store, %s", hired.Event)
	}
	for id, ac := range byInput {
		want := hired
		if strings.HasPrefix(id, "fire") {
			want = fired
		}
		if ac.Event != want.Event {
			t.Errorf("%s is in %s, want %s", id, ac.Event, want.Event)
		}
	}
	for _, ev := range []string{hired.Event, fired.Event} {
		if e, err := st.Event(ctx, ev); err != nil || e.Articles != 5 {
			t.Errorf("event %+v, %v; want 5 articles", e, err)
		}
	}
}
