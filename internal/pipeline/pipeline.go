// Package pipeline runs the ingest stages in order: read, clean, detect the
// language, store, detect copies, and cluster into events and stories, with
// a bounded pool of workers for the per-article work and a single writer
// that stores articles in input order and runs the order-dependent stages
// (copies, clusters) on each stored batch.
//
// Order matters: an article's arrival sequence in the store is the order the
// inputs were given, whatever the number of workers, so that ingesting the
// same data in the same order always gives the same result. The writer is
// also where per-source repetition is decided: a short line seen in
// clean.Options.RepeatThreshold distinct articles of one source is that
// source's boilerplate. The article that makes a line cross the threshold
// has it removed, and so do the earlier articles that carried it, which the
// writer re-cleans and updates in the store.
//
// Nothing acknowledged is lost: an article counts as added only once the
// store's Put has returned, which commits it with all its rows.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/annotate"
	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/copies"
	"github.com/parallax-news/parallax/internal/fingerprint"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/text"
)

// Options configures a Pipeline.
type Options struct {
	// Workers is the number of goroutines cleaning articles; 0 means the
	// number of CPUs.
	Workers int
	// Clean configures the cleaner.
	Clean clean.Options
	// Copies configures copy detection.
	Copies copies.Options
	// Annotate turns on the entity and quote stages: each article is stored
	// with its named entities and attributions.
	Annotate bool
	// Events turns on event and story clustering: each article is
	// assigned an event and a story as it is stored.
	Events bool
	// Cluster configures event and story clustering; the zero value means
	// cluster.DefaultOptions.
	Cluster cluster.Options
	// IsWire says whether a source is a wire service, whose own articles
	// count as originals when times cannot tell; nil uses DefaultWires.
	IsWire func(source string) bool
	// Logger receives progress detail; nil discards.
	Logger *slog.Logger
}

// DefaultOptions returns the defaults.
func DefaultOptions() Options {
	return Options{Clean: clean.DefaultOptions(), Copies: copies.DefaultOptions(), Cluster: cluster.DefaultOptions(), Annotate: true, Events: true}
}

// Pipeline ingests articles into a store.
type Pipeline struct {
	st      store.Store
	cleaner *clean.Cleaner
	copies  *copyStage
	events  *clusterStage
	// annotator finds entities and quotes, and names gives them full
	// names across the store; nil when Annotate is off.
	annotator *annotate.Annotator
	names     *namesStage
	opt       Options
	log       *slog.Logger
}

// New returns a Pipeline writing to st.
func New(st store.Store, opt Options) *Pipeline {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.Clean.RepeatThreshold <= 0 {
		opt.Clean.RepeatThreshold = clean.DefaultOptions().RepeatThreshold
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opt.Copies == (copies.Options{}) {
		opt.Copies = copies.DefaultOptions()
	}
	if opt.Copies.Logger == nil {
		opt.Copies.Logger = log.With("component", "copies")
	}
	if opt.Cluster == (cluster.Options{}) {
		opt.Cluster = cluster.DefaultOptions()
	}
	p := &Pipeline{
		st: st, cleaner: clean.New(opt.Clean), copies: newCopyStage(st, opt.Copies, opt.IsWire),
		opt: opt, log: log.With("component", "pipeline"),
	}
	if opt.Events {
		p.events = newClusterStage(st, opt.Cluster, log.With("component", "cluster"))
		p.events.rebuild = func(ctx context.Context) error {
			_, err := Recluster(ctx, st, ReclusterOptions{Cluster: opt.Cluster, Logger: log})
			return err
		}
	}
	if opt.Annotate {
		p.annotator = annotate.New()
		p.names = &namesStage{st: st, ann: p.annotator}
	}
	return p
}

// Summary reports what one ingest run did.
type Summary struct {
	// Read counts the articles the readers produced.
	Read int `json:"read"`
	// Added counts the articles stored for the first time.
	Added int `json:"added"`
	// Unchanged counts articles the store already held (same ID).
	Unchanged int `json:"unchanged"`
	// Refused counts the files and records that could not be read.
	Refused int `json:"refused"`
	// Failed counts articles read but not stored because the store failed.
	Failed int `json:"failed"`
	// Removed counts the paragraphs cleaning took out of added articles,
	// by kind.
	Removed map[string]int `json:"removed"`
	// Recleaned counts earlier articles updated because one of their lines
	// turned out to be their source's boilerplate.
	Recleaned int `json:"recleaned"`
	// Problems lists what was refused and why (at most MaxProblems; Refused
	// has the full count).
	Problems []Problem `json:"problems"`
	// Bytes is how much input was read.
	Bytes int64 `json:"bytes"`
	// Seconds is the wall time of the run.
	Seconds float64 `json:"seconds"`
}

// Problem is one refused input, as reported in a Summary.
type Problem struct {
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"`
	Record int    `json:"record,omitempty"`
	Reason string `json:"reason"`
}

func (p Problem) String() string {
	return (&ingest.Problem{File: p.File, Line: p.Line, Record: p.Record, Reason: p.Reason}).Error()
}

// Add adds the counts of another run to s.
func (s *Summary) Add(o *Summary) {
	s.Read += o.Read
	s.Added += o.Added
	s.Unchanged += o.Unchanged
	s.Refused += o.Refused
	s.Failed += o.Failed
	s.Recleaned += o.Recleaned
	s.Bytes += o.Bytes
	s.Seconds += o.Seconds
	if s.Removed == nil {
		s.Removed = map[string]int{}
	}
	for k, v := range o.Removed {
		s.Removed[k] += v
	}
	for _, p := range o.Problems {
		if len(s.Problems) < MaxProblems {
			s.Problems = append(s.Problems, p)
		}
	}
}

// MaxProblems caps the problems a Summary lists.
const MaxProblems = 1000

// Rate returns articles read per second.
func (s *Summary) Rate() float64 {
	if s.Seconds <= 0 {
		return 0
	}
	return float64(s.Read) / s.Seconds
}

// Event is reported to an Observer as ingest goes on.
type Event struct {
	// Bytes is the input consumed since the previous event.
	Bytes int64
	// Article is set when an article has been stored (or found held).
	Article *article.Article
	// Created tells, with Article, whether it was new.
	Created bool
	// Problem is set when input was refused.
	Problem *ingest.Problem
}

// Observer receives events from the writer goroutine, one at a time.
type Observer func(Event)

type job struct {
	seq  int
	item ingest.Item
	doc  *copies.Doc // the article as copy detection sees it, sketched
	vec  *cluster.Vector
	done chan struct{}
}

// Ingest reads paths ("-" reads stdin) and stores every article in them.
// Bad input is refused and counted; the rest goes on. The error is non-nil
// only when the run itself could not go on: the context was cancelled or
// the store failed.
func (p *Pipeline) Ingest(ctx context.Context, paths []string, stdin io.Reader, iopt ingest.Options, observe Observer) (*Summary, error) {
	start := time.Now()
	sum := &Summary{Removed: map[string]int{}}
	if observe == nil {
		observe = func(Event) {}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	var bytesMu sync.Mutex
	var pendingBytes int64
	userProgress := iopt.Progress
	iopt.Progress = func(n int64) {
		bytesMu.Lock()
		pendingBytes += n
		bytesMu.Unlock()
		if userProgress != nil {
			userProgress(n)
		}
	}
	takeBytes := func() int64 {
		bytesMu.Lock()
		defer bytesMu.Unlock()
		n := pendingBytes
		pendingBytes = 0
		sum.Bytes += n
		return n
	}

	// Reader → workers (clean, language) → writer in input order. The
	// ordered queue holds at most 4×workers jobs, which bounds memory.
	window := 4 * p.opt.Workers
	work := make(chan *job, window)
	ordered := make(chan *job, window)

	var wg sync.WaitGroup
	for range p.opt.Workers {
		wg.Go(func() {
			for j := range work {
				if a := j.item.Article; a != nil {
					p.prepare(a)
					j.doc = p.copies.doc(a)
					j.doc.Sketch = fingerprint.New(a.Paragraphs)
					if p.events != nil {
						j.vec = cluster.Vectorize(docOf(a, ""))
					}
				}
				close(j.done)
			}
		})
	}

	readErr := make(chan error, 1)
	go func() {
		defer close(ordered)
		defer close(work)
		n := 0
		err := ingest.Walk(ctx, paths, stdin, iopt, func(it ingest.Item) error {
			n++
			j := &job{seq: n, item: it, done: make(chan struct{})}
			// Into the ordered queue first, so the writer sees input order.
			select {
			case ordered <- j:
			case <-ctx.Done():
				return context.Cause(ctx)
			}
			select {
			case work <- j:
			case <-ctx.Done():
				close(j.done) // the writer is draining: let it pass
				return context.Cause(ctx)
			}
			return nil
		})
		readErr <- err
	}()

	w := &writer{p: p, sum: sum, observe: observe, pending: map[lineKey]int{}}
	var writeErr error
	fail := func(err error) {
		writeErr = err
		cancel(err)
	}
	// A batch is committed when it is full, or maxLatency after its first
	// article if no more input comes: a slow stream is stored (and
	// acknowledged) as it comes, a fast one in large transactions.
	var deadline <-chan time.Time
	for {
		var j *job
		select {
		case next, ok := <-ordered:
			if !ok {
				goto done
			}
			j = next
		case <-deadline:
			deadline = nil
			if writeErr == nil {
				if err := w.flush(ctx, takeBytes()); err != nil {
					fail(err)
				}
			}
			continue
		}
		<-j.done
		if writeErr != nil {
			continue // drain
		}
		switch {
		case j.item.Problem != nil:
			pr := j.item.Problem
			sum.Refused++
			if len(sum.Problems) < MaxProblems {
				sum.Problems = append(sum.Problems, Problem{File: pr.File, Line: pr.Line, Record: pr.Record, Reason: pr.Reason})
			}
			p.log.Debug("refused input", "problem", pr.Error())
			observe(Event{Bytes: takeBytes(), Problem: pr})
		case j.item.Article != nil:
			sum.Read++
			if err := w.add(ctx, j.item.Article, j.doc, j.vec); err != nil {
				fail(err)
				continue
			}
			if len(w.batch) == 1 {
				deadline = time.After(maxLatency)
			}
		}
		if len(w.batch) >= maxBatch {
			deadline = nil
			if err := w.flush(ctx, takeBytes()); err != nil {
				fail(err)
			}
		}
	}
done:
	if writeErr == nil && len(w.batch) > 0 {
		if err := w.flush(ctx, takeBytes()); err != nil {
			writeErr = err
		}
	}
	if writeErr == nil {
		// The clusterer's state is saved once per run (and every
		// stateEvery articles), not per batch: it is large.
		if err := p.events.saveStateAtEnd(ctx); err != nil {
			writeErr = err
		} else if err := p.names.save(ctx); err != nil {
			writeErr = err
		}
	}
	wg.Wait()
	err := <-readErr
	if n := takeBytes(); n > 0 {
		observe(Event{Bytes: n})
	}
	sum.Seconds = time.Since(start).Seconds()
	if writeErr != nil {
		return sum, writeErr
	}
	if err != nil {
		return sum, fmt.Errorf("read input: %w", err)
	}
	return sum, nil
}

// prepare does the per-article work that needs no store: cleaning by rule,
// language detection, and entities and quotes.
func (p *Pipeline) prepare(a *article.Article) {
	p.cleaner.Clean(a)
	if a.Lang == "" {
		a.Lang = text.Language(a.Title + "\n" + a.Text())
	}
	p.annotate(a)
}

// annotate finds a's entities and quotes again, after its body changed.
func (p *Pipeline) annotate(a *article.Article) {
	if p.annotator != nil {
		p.annotator.Article(a)
	}
}

// maxBatch is the most articles the writer commits in one transaction,
// and maxLatency the longest an article waits for its batch to fill.
const (
	maxBatch   = 128
	maxLatency = 50 * time.Millisecond
)

type lineKey struct {
	source string
	key    uint64
}

// writer is the single goroutine that stores articles in input order. It
// gathers them in batches, one transaction each, and decides per-source
// repetition: its line counts are exact because it alone writes.
type writer struct {
	p       *Pipeline
	sum     *Summary
	observe Observer
	batch   []*article.Article
	docs    []*copies.Doc
	vecs    []*cluster.Vector
	// crossed holds, per batched article, the line keys that article took
	// over the repeat threshold: once it is stored, the earlier articles
	// that carry those lines are re-cleaned.
	crossed [][]uint64
	// pending counts the line keys of the batched articles, which the
	// store does not count yet.
	pending map[lineKey]int
}

// add removes a's lines that are its source's boilerplate and queues a.
func (w *writer) add(ctx context.Context, a *article.Article, doc *copies.Doc, vec *cluster.Vector) error {
	t := w.p.opt.Clean.RepeatThreshold
	keys := a.LineKeys()
	var crossed []uint64
	if len(keys) > 0 {
		counts, err := w.p.st.LineCounts(ctx, a.Source, keys)
		if err != nil {
			return fmt.Errorf("count lines of %s (%s): %w", a.ID, a.Origin, err)
		}
		repeated := map[uint64]bool{}
		for _, k := range keys {
			lk := lineKey{a.Source, k}
			c := counts[k] + w.pending[lk] + 1 // with this article
			w.pending[lk]++
			if c >= t {
				repeated[k] = true
			}
			if c == t {
				crossed = append(crossed, k)
			}
		}
		if len(repeated) > 0 && w.p.cleaner.RemoveRepeated(a, repeated) {
			doc, vec = nil, nil // the body changed: sketch it again
			w.p.annotate(a)
		}
	}
	renamed, err := w.p.names.canonicalise(ctx, a)
	if err != nil {
		return fmt.Errorf("canonical names of %s (%s): %w", a.ID, a.Origin, err)
	}
	if renamed {
		vec = nil // the clusterer reads the names: vectorise it again
	}
	w.batch = append(w.batch, a)
	w.docs = append(w.docs, doc)
	w.vecs = append(w.vecs, vec)
	w.crossed = append(w.crossed, crossed)
	return nil
}

// flush stores the batch in one transaction, re-cleans what it made
// boilerplate, and reports each article.
func (w *writer) flush(ctx context.Context, bytes int64) error {
	batch, crossed, docs, vecs := w.batch, w.crossed, w.docs, w.vecs
	w.batch, w.crossed, w.docs, w.vecs = nil, nil, nil, nil
	clear(w.pending)
	created, err := w.p.st.PutBatch(ctx, batch)
	if err != nil && ctx.Err() != nil {
		// Stopped (ctrl-C): nothing of the batch is acknowledged, and
		// storing it one by one would only fail on the same context.
		// (The store may still commit a batch it had taken when the stop
		// came: a later run finds it held.) A failure the stop overtook
		// is the store's own, and is said too.
		w.sum.Failed += len(batch)
		if !errors.Is(err, ctx.Err()) {
			err = fmt.Errorf("%w (stopped: %w)", err, ctx.Err())
		}
		return fmt.Errorf("store %d articles: %w", len(batch), err)
	}
	if err != nil {
		// Find the article the store refuses, storing the others.
		w.p.log.Warn("batch not stored, storing one by one", "articles", len(batch), "err", err)
		created, err = make([]bool, len(batch)), nil
		for i, a := range batch {
			if created[i], err = w.p.st.Put(ctx, a); err != nil {
				w.sum.Failed += len(batch) - i
				err = fmt.Errorf("store article %s (%s): %w", a.ID, a.Origin, err)
				batch, created = batch[:i], created[:i] // report what was stored
				break
			}
		}
	}
	if rerr := w.report(ctx, batch, docs, vecs, created, crossed, bytes); rerr != nil {
		return rerr
	}
	return err
}

// report counts and reports stored articles, and re-cleans the earlier
// articles whose lines they made boilerplate.
func (w *writer) report(ctx context.Context, batch []*article.Article, docs []*copies.Doc, vecs []*cluster.Vector, created []bool, crossed [][]uint64, bytes int64) error {
	for i, a := range batch {
		if !created[i] {
			w.sum.Unchanged++
		} else {
			w.sum.Added++
			if err := w.p.copies.add(ctx, a, docs[i]); err != nil {
				return err
			}
			if err := w.p.events.add(ctx, a, w.p.copies.fullCopyOf(a.ID), vecs[i]); err != nil {
				return err
			}
			for _, r := range a.Removed {
				w.sum.Removed[string(r.Kind)]++
			}
			for _, k := range crossed[i] {
				n, err := w.p.recleanLine(ctx, a.Source, k, a.ID)
				w.sum.Recleaned += n
				if err != nil {
					return err
				}
			}
		}
	}
	// Copy decisions are saved before the articles are reported: an
	// article is acknowledged with everything derived from it.
	if err := w.p.copies.save(ctx); err != nil {
		return err
	}
	if err := w.p.events.save(ctx); err != nil {
		return err
	}
	for i, a := range batch {
		ev := Event{Article: a, Created: created[i]}
		if i == 0 {
			ev.Bytes = bytes
		}
		w.observe(ev)
	}
	return nil
}

// recleanLine removes the line with key k from the earlier articles of
// source that still carry it in their body.
func (p *Pipeline) recleanLine(ctx context.Context, source string, k uint64, except string) (int, error) {
	ids, err := p.st.ArticlesWithLine(ctx, source, k)
	if err != nil {
		return 0, fmt.Errorf("find articles with repeated line: %w", err)
	}
	n := 0
	for _, id := range ids {
		if id == except {
			continue
		}
		held, err := p.st.Get(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return n, fmt.Errorf("reclean %s: %w", id, err)
		}
		if !p.cleaner.RemoveRepeated(held, map[uint64]bool{k: true}) {
			continue
		}
		p.annotate(held)
		if p.names != nil {
			p.annotator.Canonicalise(held)
		}
		if err := p.st.Update(ctx, held); err != nil {
			return n, fmt.Errorf("reclean %s: %w", id, err)
		}
		n++
	}
	return n, nil
}
