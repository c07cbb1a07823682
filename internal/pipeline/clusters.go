package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/store"
)

// clusterStage assigns each newly stored article an event and a story, in
// arrival order, in the writer goroutine after the copy stage, and saves
// every decision.
//
// The clusterer lives in memory. On its first write a pipeline restores it
// from the state the store saved at the end of the last run; a store that
// holds articles but no state (one written before clustering existed)
// is replayed in arrival order instead, and the replayed articles that
// have no event get one.
type clusterStage struct {
	st    clusterStore
	opt   cluster.Options
	c     *cluster.Clusterer
	log   *slog.Logger
	ready bool
	// pending holds the records not yet saved: SaveClusters runs once per
	// batch of stored articles, in one transaction.
	pending []store.ClusterRecord
	// unsaved counts the articles assigned since the state was last saved.
	unsaved int
	// touched lists the events and stories the pending records touched,
	// once each: their rows are read from the clusterer once per batch, at
	// save time, rather than once per article (a label ranks a centroid,
	// and a busy event is touched by many articles of a batch). A cluster
	// touched in a batch cannot leave memory before the batch is saved
	// while Grace is at least a batch; with a smaller Grace, rows are read
	// per article (eager).
	touched []string
	seen    map[string]bool
	eager   bool
	// rebuild re-runs clustering over the whole store when the saved
	// state cannot be restored (nil: fail instead).
	rebuild func(ctx context.Context) error
}

// clusterStore is what the cluster stage needs of a store: a Store, or the
// in-memory sink of a re-run (see Recluster).
type clusterStore interface {
	SaveClusters(ctx context.Context, recs ...store.ClusterRecord) error
	SaveClusterState(ctx context.Context, state []byte) error
	LoadClusterState(ctx context.Context) ([]byte, error)
	Count(ctx context.Context, f store.Filter) (int, error)
	Each(ctx context.Context, f store.Filter, fn func(*article.Article) error) error
	CopyStatuses(ctx context.Context, ids []string) (map[string]store.CopyStatus, error)
	ArticleCluster(ctx context.Context, articleID string) (store.ArticleCluster, error)
}

// stateEvery is how many assignments may go by between two saves of the
// clusterer's state within one run.
const stateEvery = 5000

func newClusterStage(st clusterStore, opt cluster.Options, log *slog.Logger) *clusterStage {
	return &clusterStage{st: st, opt: opt, log: log, seen: map[string]bool{}, eager: opt.Grace < maxBatch}
}

// docOf is an article as the clusterer sees it, with its entities'
// canonical names; copyOf is the original of a full copy, else "".
func docOf(a *article.Article, copyOf string) cluster.Doc {
	return cluster.Doc{ID: a.ID, Title: a.Title, Paragraphs: a.Paragraphs, Published: a.Published,
		Mentions: cluster.MentionsOf(a.Entities), CopyOf: copyOf}
}

// init restores the clusterer, or rebuilds it from the held articles that
// arrived before seq before.
func (c *clusterStage) init(ctx context.Context, before int64) error {
	if c.ready {
		return nil
	}
	blob, err := c.st.LoadClusterState(ctx)
	if err != nil {
		return fmt.Errorf("load cluster state: %w", err)
	}
	if blob != nil {
		s, err := decodeState(blob)
		if err == nil {
			c.c, err = cluster.Restore(s)
		} else {
			// Unreadable: an older layout (or a damaged blob). The store
			// holds every article and placement, so it can be rebuilt.
			err = fmt.Errorf("%w: %w", cluster.ErrState, err)
		}
		if errors.Is(err, cluster.ErrState) && c.rebuild != nil {
			// A state an older clusterer wrote: re-run clustering over the
			// store (IDs kept where the groups stay), then go on from the
			// state that wrote.
			c.log.Warn("saved cluster state unusable; reclustering the store", "err", err)
			if err := c.rebuild(ctx); err != nil {
				return fmt.Errorf("rebuild clusters: %w", err)
			}
			return c.init(ctx, before)
		}
		if err != nil {
			return fmt.Errorf("load cluster state: %w", err)
		}
		c.ready = true
		// A run that stopped before saving its state left assignments the
		// state does not know: replay them, which reproduces them.
		held, err := c.held(ctx, before)
		if err != nil {
			return err
		}
		if int64(held) <= s.Seq {
			return nil
		}
		return c.replay(ctx, before, s.Seq)
	}
	if c.c, err = cluster.New(c.opt); err != nil {
		return fmt.Errorf("new clusterer: %w", err)
	}
	c.ready = true
	return c.replay(ctx, before, 0)
}

// held counts the articles that arrived before seq before (all, for 0).
func (c *clusterStage) held(ctx context.Context, before int64) (int, error) {
	all, err := c.st.Count(ctx, store.Filter{})
	if err != nil {
		return 0, fmt.Errorf("count held articles: %w", err)
	}
	if before <= 0 {
		return all, nil
	}
	later, err := c.st.Count(ctx, store.Filter{AfterSeq: before - 1})
	if err != nil {
		return 0, fmt.Errorf("count held articles: %w", err)
	}
	return all - later, nil
}

// replay assigns the held articles that arrived before seq before, in
// arrival order, after skipping the first skip (which the clusterer has
// seen), and saves an event for those that have none. It reads only the
// articles it assigns, a batch at a time, with one copy-status query per
// batch.
func (c *clusterStage) replay(ctx context.Context, before, skip int64) error {
	after, err := c.seqAfter(ctx, skip)
	if err != nil {
		return fmt.Errorf("replay clusters: %w", err)
	}
	n := 0
	err = heldBatches(ctx, c.st, after, before, func(batch []*article.Article, status map[string]store.CopyStatus) error {
		for _, a := range batch {
			cs := status[a.ID]
			asg := c.c.Assign(docOf(a, fullCopyOf(cs.Kind, cs.CopyOf)))
			if _, err := c.st.ArticleCluster(ctx, a.ID); errors.Is(err, store.ErrNotFound) {
				c.record(asg)
			} else if err != nil {
				return fmt.Errorf("at %s: %w", a.ID, err)
			}
		}
		n += len(batch)
		// Saved every batch, recorded or not, so that no touched cluster
		// leaves memory before its row is read.
		return c.save(ctx)
	})
	if err != nil {
		return fmt.Errorf("replay clusters: %w", err)
	}
	if n > 0 {
		c.log.Info("rebuilt clusters from held articles", "articles", n)
		c.unsaved += n
	}
	return c.save(ctx)
}

// seqAfter returns a Seq after which exactly the held articles that
// arrived after the first skip lie, so that a replay reads only those. The
// store's Seqs run 1, 2, 3… and the first guess is skip itself; otherwise
// it searches, with counts rather than reads.
func (c *clusterStage) seqAfter(ctx context.Context, skip int64) (int64, error) {
	if skip <= 0 {
		return 0, nil
	}
	count := func(after int64) (int64, error) {
		n, err := c.st.Count(ctx, store.Filter{AfterSeq: after})
		if err != nil {
			return 0, fmt.Errorf("count held articles: %w", err)
		}
		return int64(n), nil
	}
	total, err := count(0)
	if err != nil {
		return 0, err
	}
	want := total - skip // the articles left to replay
	if n, err := count(skip); err != nil || n == want {
		return skip, err
	}
	// count is non-increasing in its argument: find the least Seq at
	// which it falls to want.
	lo, hi := int64(0), skip
	for {
		n, err := count(hi)
		if err != nil {
			return 0, err
		}
		if n <= want {
			break
		}
		lo, hi = hi, 2*hi
	}
	for lo+1 < hi {
		mid := lo + (hi-lo)/2
		n, err := count(mid)
		if err != nil {
			return 0, err
		}
		if n <= want {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi, nil
}

// fullCopyOf returns the original of a full copy, else "": only a full
// copy joins its original's event without voting.
func fullCopyOf(kind, copyOf string) string {
	if kind != "full" {
		return ""
	}
	return copyOf
}

// add assigns a newly stored article; copyOf is its original if the copy
// stage found it a full copy; vec is the article as a worker vectorised it
// (nil to vectorise it here).
func (c *clusterStage) add(ctx context.Context, a *article.Article, copyOf string, vec *cluster.Vector) error {
	if c == nil {
		return nil // events are off
	}
	if err := c.init(ctx, a.Seq); err != nil {
		return err
	}
	switch {
	case vec == nil:
		vec = cluster.Vectorize(docOf(a, copyOf))
	case copyOf != "":
		vec = vec.WithCopyOf(copyOf)
	}
	c.record(c.c.AssignVector(vec))
	c.unsaved++
	return nil
}

// record turns an assignment into what the store keeps, appended to the
// pending records: the article's place and the aliases of its merges,
// then the new place of each article a reassignment moved; and the rows
// it touched (now if eager, else at save time).
func (c *clusterStage) record(asg cluster.Assignment) {
	rec := store.ClusterRecord{Article: asg.Article, Event: asg.EventID, Story: asg.StoryID}
	for _, m := range asg.Merges {
		rec.Aliases = append(rec.Aliases, store.Alias{Kind: m.Kind, From: m.From, To: m.To})
	}
	// An event a story refinement moved takes its new story to its row
	// (and the store moves its articles with it); both stories' rows
	// change. A moved article changes the rows it left and joined.
	ids := []string{asg.EventID, asg.StoryID}
	// A merge's survivor grew: at a story refinement two blurred stories
	// merge (cluster.Options.StoryMergeApart), and the survivor need be
	// neither the article's story nor one a moved event joined.
	for _, m := range asg.Merges {
		ids = append(ids, m.To)
	}
	for _, m := range asg.Moves {
		ids = append(ids, m.Event, m.From, m.To)
	}
	recs := []store.ClusterRecord{rec}
	for _, m := range asg.ArticleMoves {
		ids = append(ids, m.FromEvent, m.ToEvent, m.FromStory, m.ToStory)
		recs = append(recs, store.ClusterRecord{Article: m.Article, Event: m.ToEvent, Story: m.ToStory})
	}
	if c.eager {
		rows := c.rows(ids)
		recs[0].Events, recs[0].Stories = rows.Events, rows.Stories
		// The moved articles' records follow the rows: an event row
		// moves its articles to the event's story, which these place
		// again as they now stand.
		c.pending = append(c.pending, recs...)
		return
	}
	for _, id := range ids {
		if !c.seen[id] {
			c.seen[id] = true
			c.touched = append(c.touched, id)
		}
	}
	c.pending = append(c.pending, recs...)
}

// rows reads the current rows of the given events and stories (following
// merges), once each.
func (c *clusterStage) rows(ids []string) store.ClusterRecord {
	var rec store.ClusterRecord
	done := map[string]bool{}
	for _, id := range ids {
		id = c.c.Resolve(id)
		if done[id] {
			continue
		}
		done[id] = true
		if ev, ok := c.c.Event(id); ok {
			rec.Events = append(rec.Events, store.Event{ID: ev.ID, Story: ev.StoryID, Label: ev.Label, First: ev.First, Last: ev.Last, Articles: len(ev.Articles)})
		} else if st, ok := c.c.Story(id); ok {
			rec.Stories = append(rec.Stories, store.Story{ID: st.ID, Label: st.Label, First: st.First, Last: st.Last, Events: st.EventCount, Articles: st.Size})
		}
	}
	return rec
}

// save stores the pending records in one transaction, and the
// clusterer's state when enough has changed since it was last saved.
func (c *clusterStage) save(ctx context.Context) error {
	if c == nil {
		return nil // events are off
	}
	if len(c.pending) > 0 {
		recs := c.pending
		if len(c.touched) > 0 {
			// The batch's rows first, as they stand at its end: the
			// records' aliases then move the absorbed clusters' articles
			// to survivors whose rows are final.
			recs = append([]store.ClusterRecord{c.rows(c.touched)}, recs...)
			c.touched = c.touched[:0]
			clear(c.seen)
		}
		c.pending = nil
		// Each article where it stands at the batch's end, like the rows:
		// a story refinement later in the batch may have moved its event,
		// a reassignment the article itself.
		for i := range recs {
			if recs[i].Article == "" {
				continue
			}
			if ev, st := c.c.Place(recs[i].Article); ev != "" {
				recs[i].Event, recs[i].Story = ev, st
			}
		}
		if err := c.st.SaveClusters(ctx, recs...); err != nil {
			return fmt.Errorf("save clusters: %w", err)
		}
	}
	if c.unsaved >= stateEvery {
		return c.saveState(ctx)
	}
	return nil
}

// endSaveMin is the fewest assignments since the last save for which the
// end of a run saves the state. Below it the next run replays them from
// the store, which reproduces them and costs less than writing the whole
// state (a large store's state takes seconds to write; a feed polled every
// minute adds a few articles a run).
const endSaveMin = 256

// saveStateAtEnd saves the state at the end of a run if enough changed.
func (c *clusterStage) saveStateAtEnd(ctx context.Context) error {
	if c == nil || c.unsaved < endSaveMin {
		return nil
	}
	return c.saveState(ctx)
}

// saveState saves the clusterer's state if it changed since last saved.
func (c *clusterStage) saveState(ctx context.Context) error {
	if c == nil {
		return nil // events are off
	}
	if c.c == nil || c.unsaved == 0 {
		return nil
	}
	blob, err := encodeState(c.c.Export())
	if err != nil {
		return fmt.Errorf("save cluster state: %w", err)
	}
	if err := c.st.SaveClusterState(ctx, blob); err != nil {
		return err
	}
	c.unsaved = 0
	return nil
}
