package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/store"
)

// ReclusterOptions configures Recluster.
type ReclusterOptions struct {
	// Cluster are the parameters of the new run; the zero value means
	// cluster.DefaultOptions. They are saved with the new state, so later
	// ingests go on with them.
	Cluster cluster.Options
	// Published runs in published order (undated articles last, in
	// arrival order) instead of arrival order.
	Published bool
	// DryRun computes and reports without changing the store.
	DryRun bool
	// MaxMoves caps the moves listed in the report (all are counted);
	// 0 means 50.
	MaxMoves int
	// Progress, if set, is called after each article with how many are
	// done and the total.
	Progress func(done, total int)
	Logger   *slog.Logger
}

// ReclusterReport says what a re-run changed.
type ReclusterReport struct {
	Articles int  `json:"articles"`
	DryRun   bool `json:"dry_run"`
	// Before and After count the live events and stories.
	EventsBefore  int `json:"events_before"`
	EventsAfter   int `json:"events_after"`
	StoriesBefore int `json:"stories_before"`
	StoriesAfter  int `json:"stories_after"`
	// Kept counts old IDs that name a cluster of the new run (the one
	// holding most of their articles); New the new run's clusters that got
	// a fresh ID; Retired the old IDs that now alias another cluster.
	EventsKept     int `json:"events_kept"`
	EventsNew      int `json:"events_new"`
	EventsRetired  int `json:"events_retired"`
	StoriesKept    int `json:"stories_kept"`
	StoriesNew     int `json:"stories_new"`
	StoriesRetired int `json:"stories_retired"`
	// MovedEvent and MovedStory count the articles whose event (story)
	// is not the one it was in; Unplaced those that had none before.
	MovedEvent int     `json:"moved_event"`
	MovedStory int     `json:"moved_story"`
	Unplaced   int     `json:"unplaced"`
	Moves      []Move  `json:"moves"`
	Seconds    float64 `json:"seconds"`
}

// Move is one article that changed event or story.
type Move struct {
	Article   string `json:"article"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	FromEvent string `json:"from_event"`
	ToEvent   string `json:"to_event"`
	FromStory string `json:"from_story"`
	ToStory   string `json:"to_story"`
}

// Recluster re-runs event and story clustering over every stored article,
// in arrival (or published) order, with the given parameters, and replaces
// what the store holds in one transaction.
//
// IDs stay stable as far as the new grouping allows: each new cluster
// takes the old ID with which it shares the most articles (pairs taken
// greedily, largest overlap first); a new cluster that matches none gets a
// fresh ID beyond every ID ever shown; an old ID left over becomes an alias
// of the new cluster holding most of its articles, so that every ID shown
// before still leads somewhere sensible.
func Recluster(ctx context.Context, st store.Store, opt ReclusterOptions) (*ReclusterReport, error) {
	start := time.Now()
	if opt.Cluster == (cluster.Options{}) {
		opt.Cluster = cluster.DefaultOptions()
	}
	if opt.MaxMoves <= 0 {
		opt.MaxMoves = 50
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c, err := cluster.New(opt.Cluster)
	if err != nil {
		return nil, fmt.Errorf("recluster: %w", err)
	}

	// The old placements, and the counters that bound every ID shown.
	old := map[string]store.ArticleCluster{}
	if err := st.EachArticleCluster(ctx, func(ac store.ArticleCluster) error {
		old[ac.Article] = ac
		return nil
	}); err != nil {
		return nil, fmt.Errorf("recluster: %w", err)
	}
	nextEvent, nextStory, err := nextIDs(ctx, st, old)
	if err != nil {
		return nil, fmt.Errorf("recluster: %w", err)
	}

	// The new run, into memory.
	total, err := st.Count(ctx, store.Filter{})
	if err != nil {
		return nil, fmt.Errorf("recluster: %w", err)
	}
	mem := newMemClusters()
	stage := newClusterStage(mem, opt.Cluster, log)
	stage.c, stage.ready = c, true
	info := map[string][2]string{} // article → source, title
	var order []string             // the run's order
	// A batch of maxBatch articles at a time, with one copy-status query
	// per batch, assigned in the run's order.
	err = eachBatch(ctx, st, opt.Published, func(batch []*article.Article) error {
		status, err := copyStatuses(ctx, st, batch)
		if err != nil {
			return err
		}
		for _, a := range batch {
			cs := status[a.ID]
			info[a.ID] = [2]string{a.Source, a.Title}
			order = append(order, a.ID)
			if err := stage.add(ctx, a, fullCopyOf(cs.Kind, cs.CopyOf), nil); err != nil {
				return err
			}
			if opt.Progress != nil {
				opt.Progress(len(order), max(total, len(order)))
			}
		}
		// Saved every batch, so that no touched cluster leaves memory
		// before its row is read.
		return stage.save(ctx)
	})
	if err != nil {
		return nil, fmt.Errorf("recluster: %w", err)
	}
	if err := stage.save(ctx); err != nil {
		return nil, fmt.Errorf("recluster: %w", err)
	}
	state := c.Export()

	// Names: new clusters take the old IDs they overlap most.
	rep := &ReclusterReport{Articles: len(order), DryRun: opt.DryRun}
	newEvent := mem.articleEvents()
	evName, evAlias := rename(newEvent, func(a string) string { return old[a].Event }, cluster.EventID, &nextEvent)
	newStory := map[string]string{}
	for a, e := range newEvent {
		newStory[a] = mem.events[e].Story
	}
	stName, stAlias := rename(newStory, func(a string) string { return old[a].Story }, cluster.StoryID, &nextStory)

	rep.EventsBefore, rep.StoriesBefore = countDistinct(old, func(ac store.ArticleCluster) string { return ac.Event }), countDistinct(old, func(ac store.ArticleCluster) string { return ac.Story })
	rep.EventsAfter, rep.StoriesAfter = len(evName), len(stName)
	rep.EventsKept, rep.EventsNew, rep.EventsRetired = tally(evName, evAlias, old, true)
	rep.StoriesKept, rep.StoriesNew, rep.StoriesRetired = tally(stName, stAlias, old, false)

	// What moved, in the run's order.
	for _, id := range order {
		o, had := old[id]
		ne, ns := evName[newEvent[id]], stName[newStory[id]]
		if !had {
			rep.Unplaced++
			continue
		}
		me, ms := o.Event != ne, o.Story != ns
		if me {
			rep.MovedEvent++
		}
		if ms {
			rep.MovedStory++
		}
		if (me || ms) && len(rep.Moves) < opt.MaxMoves {
			rep.Moves = append(rep.Moves, Move{Article: id, Source: info[id][0], Title: info[id][1],
				FromEvent: o.Event, ToEvent: ne, FromStory: o.Story, ToStory: ns})
		}
	}
	if opt.DryRun {
		rep.Seconds = time.Since(start).Seconds()
		return rep, nil
	}

	renameState(&state, evName, stName, nextEvent, nextStory)
	blob, err := encodeState(state)
	if err != nil {
		return nil, fmt.Errorf("recluster: encode state: %w", err)
	}
	recs := mem.records(order, newEvent, evName, stName)
	for _, al := range evAlias {
		recs = append(recs, store.ClusterRecord{Aliases: []store.Alias{{Kind: "event", From: al[0], To: al[1]}}})
	}
	for _, al := range stAlias {
		recs = append(recs, store.ClusterRecord{Aliases: []store.Alias{{Kind: "story", From: al[0], To: al[1]}}})
	}
	if err := st.ReplaceClusters(ctx, recs, blob); err != nil {
		return nil, fmt.Errorf("recluster: %w", err)
	}
	rep.Seconds = time.Since(start).Seconds()
	log.Info("reclustered", "articles", rep.Articles, "events", rep.EventsAfter, "stories", rep.StoriesAfter, "moved", rep.MovedEvent)
	return rep, nil
}

// eachBatch calls fn with the stored articles, maxBatch at a time, in
// arrival order (one streaming read) or in published order (undated last,
// ties and undated in arrival order: a first read for the order, then the
// articles by ID a batch at a time).
func eachBatch(ctx context.Context, st store.Store, published bool, fn func([]*article.Article) error) error {
	if !published {
		var batch []*article.Article
		err := st.Each(ctx, store.Filter{}, func(a *article.Article) error {
			if batch = append(batch, a); len(batch) == maxBatch {
				err := fn(batch)
				batch = batch[:0]
				return err
			}
			return nil
		})
		if err != nil {
			return err
		}
		if len(batch) > 0 {
			return fn(batch)
		}
		return nil
	}
	order, err := publishedOrder(ctx, st)
	if err != nil {
		return err
	}
	batch := make([]*article.Article, 0, maxBatch)
	for lo := 0; lo < len(order); lo += maxBatch {
		ids := order[lo:min(lo+maxBatch, len(order))]
		arts := make(map[string]*article.Article, len(ids))
		if err := st.Each(ctx, store.Filter{IDs: ids}, func(a *article.Article) error {
			arts[a.ID] = a
			return nil
		}); err != nil {
			return fmt.Errorf("read articles: %w", err)
		}
		batch = batch[:0]
		for _, id := range ids {
			a := arts[id]
			if a == nil {
				return fmt.Errorf("article %s vanished during the run", id)
			}
			batch = append(batch, a)
		}
		if err := fn(batch); err != nil {
			return err
		}
	}
	return nil
}

// publishedOrder returns the stored article IDs in published order
// (undated last, ties and undated in arrival order).
func publishedOrder(ctx context.Context, st store.Store) ([]string, error) {
	type row struct {
		id  string
		pub time.Time
	}
	var rows []row
	err := st.Each(ctx, store.Filter{}, func(a *article.Article) error {
		rows = append(rows, row{a.ID, a.Published})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	slices.SortStableFunc(rows, func(x, y row) int {
		switch {
		case x.pub.IsZero() || y.pub.IsZero():
			return cmp.Compare(boolInt(x.pub.IsZero()), boolInt(y.pub.IsZero()))
		}
		return x.pub.Compare(y.pub)
	})
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.id
	}
	return ids, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// nextIDs returns the first event and story numbers never shown: from the
// saved state's counters, or past the highest ID held.
func nextIDs(ctx context.Context, st store.Store, old map[string]store.ArticleCluster) (int64, int64, error) {
	var ne, ns int64 = 1, 1
	for _, ac := range old {
		ne = max(ne, idNumber(ac.Event)+1)
		ns = max(ns, idNumber(ac.Story)+1)
	}
	blob, err := st.LoadClusterState(ctx)
	if err != nil {
		return 0, 0, err
	}
	if len(blob) > 0 {
		if s, err := decodeState(blob); err == nil {
			ne, ns = max(ne, s.NextEvent), max(ns, s.NextStory)
		}
	}
	return ne, ns, nil
}

// idNumber is the number of "ev-000012" (12), or 0.
func idNumber(id string) int64 {
	i := strings.LastIndexByte(id, '-')
	n, err := strconv.ParseInt(id[i+1:], 10, 64)
	if err != nil {
		return 0
	}
	return n
}

// rename names the new run's clusters. members maps each article to its
// new cluster; oldOf gives its old cluster ("" for none). It returns the
// new cluster → final ID map, and the retired old IDs as (old, final)
// alias pairs. next is the first fresh number, advanced as fresh IDs are
// given.
func rename(members map[string]string, oldOf func(string) string, id func(int64) string, next *int64) (map[string]string, [][2]string) {
	type pair struct{ nw, old string }
	overlap := map[pair]int{}
	size := map[string]int{}
	for a, nw := range members {
		size[nw]++
		if o := oldOf(a); o != "" {
			overlap[pair{nw, o}]++
		}
	}
	pairs := make([]pair, 0, len(overlap))
	for p := range overlap {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		return cmp.Or(-cmp.Compare(overlap[x], overlap[y]), cmp.Compare(x.old, y.old), cmp.Compare(x.nw, y.nw))
	})
	name := map[string]string{}
	taken := map[string]bool{}
	for _, p := range pairs {
		if name[p.nw] == "" && !taken[p.old] {
			name[p.nw], taken[p.old] = p.old, true
		}
	}
	// Fresh IDs for the rest, in the order the new run made them.
	news := make([]string, 0, len(size))
	for nw := range size {
		news = append(news, nw)
	}
	slices.SortFunc(news, func(x, y string) int { return cmp.Compare(idNumber(x), idNumber(y)) })
	for _, nw := range news {
		if name[nw] == "" {
			name[nw] = id(*next)
			*next++
		}
	}
	// Retired old IDs point at the final cluster holding most of them.
	best := map[string]pair{}
	for _, p := range pairs {
		if taken[p.old] {
			continue
		}
		if _, ok := best[p.old]; !ok {
			best[p.old] = p // pairs are sorted: the first is the largest
		}
	}
	var aliases [][2]string
	for o, p := range best {
		aliases = append(aliases, [2]string{o, name[p.nw]})
	}
	slices.SortFunc(aliases, func(x, y [2]string) int { return cmp.Compare(x[0], y[0]) })
	return name, aliases
}

// tally counts kept, new and retired IDs.
func tally(name map[string]string, aliases [][2]string, old map[string]store.ArticleCluster, events bool) (kept, fresh, retired int) {
	held := map[string]bool{}
	for _, ac := range old {
		if events {
			held[ac.Event] = true
		} else {
			held[ac.Story] = true
		}
	}
	for _, fin := range name {
		if held[fin] {
			kept++
		} else {
			fresh++
		}
	}
	return kept, fresh, len(aliases)
}

func countDistinct(old map[string]store.ArticleCluster, key func(store.ArticleCluster) string) int {
	seen := map[string]bool{}
	for _, ac := range old {
		seen[key(ac)] = true
	}
	return len(seen)
}

// renameState gives the clusterer's state the final IDs, so that later
// ingests continue the renamed clusters. The run's own merge aliases are
// dropped: their names were never shown.
func renameState(s *cluster.State, ev, st map[string]string, nextEvent, nextStory int64) {
	get := func(m map[string]string, id string) string {
		if n, ok := m[id]; ok {
			return n
		}
		return id
	}
	for i := range s.Events {
		s.Events[i].ID = get(ev, s.Events[i].ID)
		s.Events[i].StoryID = get(st, s.Events[i].StoryID)
	}
	for i := range s.Stories {
		s.Stories[i].ID = get(st, s.Stories[i].ID)
		for j, e := range s.Stories[i].Events {
			s.Stories[i].Events[j] = get(ev, e)
		}
	}
	s.Aliases = nil
	s.NextEvent, s.NextStory = nextEvent, nextStory
}

// memClusters keeps a clustering run's decisions in memory, applying them
// as the store would: the sink of a re-run.
type memClusters struct {
	event   map[string]string // article → event
	events  map[string]*store.Event
	stories map[string]*store.Story
	members map[string][]string // event → articles
	storyEv map[string][]string // story → events
	state   []byte
}

func newMemClusters() *memClusters {
	return &memClusters{event: map[string]string{}, events: map[string]*store.Event{}, stories: map[string]*store.Story{},
		members: map[string][]string{}, storyEv: map[string][]string{}}
}

var errMemOnly = errors.New("not kept by an in-memory clustering run")

func (m *memClusters) SaveClusters(_ context.Context, recs ...store.ClusterRecord) error {
	for _, rec := range recs {
		for _, s := range rec.Stories {
			s := s
			m.stories[s.ID] = &s
		}
		for _, e := range rec.Events {
			e := e
			if prev, ok := m.events[e.ID]; ok && prev.Story != e.Story {
				m.storyEv[prev.Story] = slices.DeleteFunc(m.storyEv[prev.Story], func(x string) bool { return x == e.ID })
			}
			if prev, ok := m.events[e.ID]; !ok || prev.Story != e.Story {
				m.storyEv[e.Story] = append(m.storyEv[e.Story], e.ID)
			}
			m.events[e.ID] = &e
		}
		for _, al := range rec.Aliases {
			switch al.Kind {
			case "event":
				for _, a := range m.members[al.From] {
					m.event[a] = al.To
				}
				m.members[al.To] = append(m.members[al.To], m.members[al.From]...)
				delete(m.members, al.From)
				if e, ok := m.events[al.From]; ok {
					m.storyEv[e.Story] = slices.DeleteFunc(m.storyEv[e.Story], func(x string) bool { return x == al.From })
				}
				delete(m.events, al.From)
			case "story":
				for _, e := range m.storyEv[al.From] {
					if ev, ok := m.events[e]; ok {
						ev.Story = al.To
					}
				}
				m.storyEv[al.To] = append(m.storyEv[al.To], m.storyEv[al.From]...)
				delete(m.storyEv, al.From)
				delete(m.stories, al.From)
			}
		}
		if rec.Article != "" {
			if prev, ok := m.event[rec.Article]; ok && prev != rec.Event {
				m.members[prev] = slices.DeleteFunc(m.members[prev], func(x string) bool { return x == rec.Article })
			}
			if m.event[rec.Article] != rec.Event {
				m.members[rec.Event] = append(m.members[rec.Event], rec.Article)
			}
			m.event[rec.Article] = rec.Event
		}
	}
	return nil
}

func (m *memClusters) SaveClusterState(_ context.Context, state []byte) error {
	m.state = state
	return nil
}

func (m *memClusters) LoadClusterState(context.Context) ([]byte, error) { return nil, errMemOnly }
func (m *memClusters) Count(context.Context, store.Filter) (int, error) { return 0, errMemOnly }
func (m *memClusters) Each(context.Context, store.Filter, func(*article.Article) error) error {
	return errMemOnly
}
func (m *memClusters) CopyStatuses(context.Context, []string) (map[string]store.CopyStatus, error) {
	return nil, errMemOnly
}
func (m *memClusters) ArticleCluster(context.Context, string) (store.ArticleCluster, error) {
	return store.ArticleCluster{}, errMemOnly
}

// articleEvents returns each article's final event.
func (m *memClusters) articleEvents() map[string]string {
	out := make(map[string]string, len(m.event))
	for a, e := range m.event {
		out[a] = e
	}
	return out
}

// records are the new run's rows and placements under their final IDs.
func (m *memClusters) records(order []string, event map[string]string, evName, stName map[string]string) []store.ClusterRecord {
	var rows store.ClusterRecord
	ids := make([]string, 0, len(m.stories))
	for id := range m.stories {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		s := *m.stories[id]
		s.ID = stName[id]
		if s.ID == "" {
			continue // a story left with no article
		}
		rows.Stories = append(rows.Stories, s)
	}
	ids = ids[:0]
	for id := range m.events {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		e := *m.events[id]
		e.ID, e.Story = evName[id], stName[e.Story]
		if e.ID == "" {
			continue
		}
		rows.Events = append(rows.Events, e)
	}
	recs := []store.ClusterRecord{rows}
	for _, a := range order {
		e := event[a]
		recs = append(recs, store.ClusterRecord{Article: a, Event: evName[e], Story: stName[m.events[e].Story]})
	}
	return recs
}
