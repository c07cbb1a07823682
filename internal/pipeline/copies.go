package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/copies"
	"github.com/parallax-news/parallax/internal/fingerprint"
	"github.com/parallax-news/parallax/internal/store"
)

// DefaultWires names the wire services whose own articles count as
// originals when publication times cannot tell: agencies, not ratings.
// Options.IsWire replaces it (the demo and source profiles know more).
var DefaultWires = []string{
	"The Associated Press", "Associated Press", "AP", "APW", "Reuters",
	"AFP", "Agence France-Presse", "Xinhua", "XIE", "dpa", "ANSA", "EFE",
	"Kyodo", "Yonhap", "UPI", "PA Media", "Press Association", "TASS",
}

// WireSet returns an IsWire func for the given outlet names, matched
// without regard to case.
func WireSet(names []string) func(string) bool {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[strings.ToLower(strings.TrimSpace(n))] = true
	}
	return func(source string) bool { return set[strings.ToLower(strings.TrimSpace(source))] }
}

// copyStage runs copy detection in arrival order, in the writer goroutine,
// after each article is stored, and saves every decision.
//
// The detector's indexes live in memory. A pipeline opened on a store that
// already holds articles rebuilds them on its first write by replaying the
// held articles in arrival order, which reproduces the decisions made when
// they arrived.
type copyStage struct {
	st     store.Store
	det    *copies.Detector
	isWire func(string) bool
	ready  bool
	// recent keeps the sketched docs of recent arrivals, which are the
	// likeliest candidates of the next ones (a story and its reposts
	// arrive together), so verification seldom reads the store.
	recent *docCache
	// pending holds the records not yet saved: SaveCopies runs once per
	// batch of stored articles, in one transaction.
	pending []store.CopyRecord
}

// recentDocs is how many sketched docs the cache holds: a few MB.
const recentDocs = 2048

// docCache is a small least-recently-added cache of sketched docs.
type docCache struct {
	docs  map[string]*copies.Doc
	order []string
	next  int
}

func newDocCache(n int) *docCache {
	return &docCache{docs: make(map[string]*copies.Doc, n), order: make([]string, n)}
}

func (c *docCache) get(id string) *copies.Doc { return c.docs[id] }

func (c *docCache) put(d *copies.Doc) {
	if _, ok := c.docs[d.ID]; ok {
		c.docs[d.ID] = d
		return
	}
	if old := c.order[c.next]; old != "" {
		delete(c.docs, old)
	}
	c.order[c.next] = d.ID
	c.next = (c.next + 1) % len(c.order)
	c.docs[d.ID] = d
}

func newCopyStage(st store.Store, opt copies.Options, isWire func(string) bool) *copyStage {
	if isWire == nil {
		isWire = WireSet(DefaultWires)
	}
	c := &copyStage{st: st, isWire: isWire, recent: newDocCache(recentDocs)}
	c.det = copies.New(storeSource{c}, opt)
	return c
}

// storeSource gives the detector held articles' text from the store.
type storeSource struct{ c *copyStage }

func (s storeSource) Doc(ctx context.Context, id string) (*copies.Doc, error) {
	if d := s.c.recent.get(id); d != nil {
		return d, nil
	}
	a, err := s.c.st.Get(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("copy source %s: %w", id, copies.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	d := s.c.doc(a)
	d.Sketch = fingerprint.New(d.Paragraphs)
	s.c.recent.put(d)
	return d, nil
}

func (c *copyStage) doc(a *article.Article) *copies.Doc { return copies.DocOf(a, c.isWire(a.Source)) }

// init replays the held articles (those before the first new one) into
// the detector. A held article a stopped run stored without deciding
// about it (the store may commit a batch whose caller has already given
// up) gets the decision the replay makes, saved now, before the cluster
// stage reads it.
func (c *copyStage) init(ctx context.Context, before int64) error {
	if c.ready {
		return nil
	}
	c.ready = true
	err := heldBatches(ctx, c.st, 0, before, func(batch []*article.Article, status map[string]store.CopyStatus) error {
		for _, a := range batch {
			dec, err := c.det.Add(ctx, c.doc(a))
			if err != nil {
				return fmt.Errorf("at %s: %w", a.ID, err)
			}
			if st := status[a.ID]; st.Kind != "" || st.Group != "" {
				continue // decided, and saved
			}
			// An article no copy and in no group leaves no row, decided
			// or not; the replay decides as its run did (the same
			// articles before it, in the same order), so only a decision
			// that makes it a copy or a member can be one never saved.
			rec, err := c.record(ctx, a.ID, dec)
			if err != nil {
				return err
			}
			c.keep(rec)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("rebuild copy index: %w", err)
	}
	return c.save(ctx)
}

var errStop = errors.New("stop")

// add decides about a newly stored article and saves the decision. doc is
// the article's detector view with its sketch computed by a worker, or nil.
func (c *copyStage) add(ctx context.Context, a *article.Article, doc *copies.Doc) error {
	if err := c.init(ctx, a.Seq); err != nil {
		return err
	}
	if doc == nil {
		doc = c.doc(a)
		doc.Sketch = fingerprint.New(doc.Paragraphs)
	}
	dec, err := c.det.Add(ctx, doc)
	if err != nil {
		return fmt.Errorf("detect copies of %s: %w", a.ID, err)
	}
	c.recent.put(doc)
	rec, err := c.record(ctx, a.ID, dec)
	if err != nil {
		return err
	}
	c.keep(rec)
	return nil
}

// keep queues a record for the next save, unless it holds nothing.
func (c *copyStage) keep(rec store.CopyRecord) {
	if len(rec.Matches)+len(rec.Groups)+len(rec.Changes)+len(rec.Statuses) > 0 {
		c.pending = append(c.pending, rec)
	}
}

// heldStore is what heldBatches reads.
type heldStore interface {
	Each(ctx context.Context, f store.Filter, fn func(*article.Article) error) error
	CopyStatuses(ctx context.Context, ids []string) (map[string]store.CopyStatus, error)
}

// copyStatuses looks up the copy statuses of batch's articles in one
// query.
func copyStatuses(ctx context.Context, st interface {
	CopyStatuses(ctx context.Context, ids []string) (map[string]store.CopyStatus, error)
}, batch []*article.Article) (map[string]store.CopyStatus, error) {
	ids := make([]string, len(batch))
	for i, a := range batch {
		ids[i] = a.ID
	}
	status, err := st.CopyStatuses(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("copy status: %w", err)
	}
	return status, nil
}

// heldBatches calls fn with the held articles after seq after and before
// seq before (0: to the end), in arrival order, maxBatch at a time, each
// batch with its articles' copy statuses (one query per batch).
func heldBatches(ctx context.Context, st heldStore, after, before int64, fn func([]*article.Article, map[string]store.CopyStatus) error) error {
	var batch []*article.Article
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		status, err := copyStatuses(ctx, st, batch)
		if err != nil {
			return err
		}
		if err := fn(batch, status); err != nil {
			return err
		}
		batch = batch[:0]
		return nil
	}
	err := st.Each(ctx, store.Filter{AfterSeq: after}, func(a *article.Article) error {
		if before > 0 && a.Seq >= before {
			return errStop
		}
		if batch = append(batch, a); len(batch) == maxBatch {
			return flush()
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return err
	}
	return flush()
}

// fullCopyOf returns the original of a full copy as the detector now
// sees it, else "".
func (c *copyStage) fullCopyOf(id string) string {
	st, err := c.det.Status(id)
	if err != nil || st.Kind != copies.Full {
		return ""
	}
	return st.CopyOf
}

// save stores the pending records in one transaction.
func (c *copyStage) save(ctx context.Context) error {
	if len(c.pending) == 0 {
		return nil
	}
	recs := c.pending
	c.pending = nil
	if err := c.st.SaveCopies(ctx, recs...); err != nil {
		return fmt.Errorf("save copy decisions: %w", err)
	}
	return nil
}

// record turns a decision into what the store keeps: the matches, the
// groups it touched, and the status of every article whose status it may
// have changed (the new article, the members of touched groups, and the
// partial copies quoting them).
func (c *copyStage) record(ctx context.Context, id string, dec *copies.Decision) (store.CopyRecord, error) {
	var rec store.CopyRecord
	for _, m := range dec.Matches {
		rec.Matches = append(rec.Matches, store.CopyMatch{
			Copy: m.Copy, Of: m.Of, Kind: string(m.Kind), Containment: m.Containment, Coverage: m.Coverage,
			Jaccard: m.Jaccard, Passage: m.Passage, SharedParagraphs: m.SharedParagraphs, Reason: m.Reason,
		})
	}
	for _, ch := range dec.Changes {
		rec.Changes = append(rec.Changes, store.CopyChange{Kind: string(ch.Kind), Group: ch.Group, Article: ch.Article, From: ch.From, To: ch.To, Reason: ch.Reason})
		if ch.Kind == copies.Merged {
			rec.Dissolved = append(rec.Dissolved, ch.From)
		}
	}
	statuses := map[string]bool{id: true}
	if dec.Group != "" && len(dec.Changes) > 0 {
		g, err := c.det.Group(dec.Group)
		if err != nil {
			return rec, fmt.Errorf("copy group of %s: %w", id, err)
		}
		rec.Groups = append(rec.Groups, store.CopyGroup{ID: g.ID, Original: g.Original, Reason: g.Reason, Members: g.Members})
		for _, m := range g.Members {
			statuses[m] = true
			// Partial copies name the original of what they quote.
			ms, err := c.st.CopyMatches(ctx, m)
			if err != nil {
				return rec, err
			}
			for _, p := range c.pending {
				ms = append(ms, p.Matches...)
			}
			for _, pm := range ms {
				if pm.Kind == string(copies.Partial) && pm.Of == m {
					statuses[pm.Copy] = true
				}
			}
		}
	}
	for _, m := range dec.Matches {
		statuses[m.Copy] = true
	}
	for sid := range statuses {
		st, err := c.det.Status(sid)
		if errors.Is(err, copies.ErrNotFound) {
			continue
		}
		if err != nil {
			return rec, err
		}
		if sid == id && st == (copies.Status{}) {
			continue // no copy, in no group: nothing to keep
		}
		rec.Statuses = append(rec.Statuses, store.CopyStatus{ID: sid, CopyOf: st.CopyOf, Kind: string(st.Kind), Containment: st.Containment, Group: st.Group})
	}
	return rec, nil
}
