package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/copies"
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
}

func newCopyStage(st store.Store, opt copies.Options, isWire func(string) bool) *copyStage {
	if isWire == nil {
		isWire = WireSet(DefaultWires)
	}
	c := &copyStage{st: st, isWire: isWire}
	c.det = copies.New(storeSource{c}, opt)
	return c
}

// storeSource gives the detector held articles' text from the store.
type storeSource struct{ c *copyStage }

func (s storeSource) Doc(ctx context.Context, id string) (*copies.Doc, error) {
	a, err := s.c.st.Get(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("copy source %s: %w", id, copies.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return s.c.doc(a), nil
}

func (c *copyStage) doc(a *article.Article) *copies.Doc { return copies.DocOf(a, c.isWire(a.Source)) }

// init replays the held articles (those before the first new one) into
// the detector.
func (c *copyStage) init(ctx context.Context, before int64) error {
	if c.ready {
		return nil
	}
	c.ready = true
	err := c.st.Each(ctx, store.Filter{}, func(a *article.Article) error {
		if before > 0 && a.Seq >= before {
			return errStop
		}
		if _, err := c.det.Add(ctx, c.doc(a)); err != nil {
			return fmt.Errorf("rebuild copy index at %s: %w", a.ID, err)
		}
		return nil
	})
	if errors.Is(err, errStop) {
		return nil
	}
	return err
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
	}
	dec, err := c.det.Add(ctx, doc)
	if err != nil {
		return fmt.Errorf("detect copies of %s: %w", a.ID, err)
	}
	rec, err := c.record(ctx, a.ID, dec)
	if err != nil {
		return err
	}
	if err := c.st.SaveCopies(ctx, rec); err != nil {
		return fmt.Errorf("save copies of %s: %w", a.ID, err)
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
		rec.Statuses = append(rec.Statuses, store.CopyStatus{ID: sid, CopyOf: st.CopyOf, Kind: string(st.Kind), Containment: st.Containment, Group: st.Group})
	}
	return rec, nil
}
