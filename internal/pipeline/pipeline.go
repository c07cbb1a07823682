// Package pipeline runs the ingest stages in order: read, clean, detect the
// language, and store, with a bounded pool of workers for the per-article
// work and a single writer that stores articles in input order.
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

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/clean"
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
	// Logger receives progress detail; nil discards.
	Logger *slog.Logger
}

// DefaultOptions returns the defaults.
func DefaultOptions() Options {
	return Options{Clean: clean.DefaultOptions()}
}

// Pipeline ingests articles into a store.
type Pipeline struct {
	st      store.Store
	cleaner *clean.Cleaner
	opt     Options
	log     *slog.Logger
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
	return &Pipeline{st: st, cleaner: clean.New(opt.Clean), opt: opt, log: log.With("component", "pipeline")}
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

	var writeErr error
	for j := range ordered {
		<-j.done
		if writeErr != nil {
			continue // drain
		}
		ev := Event{Bytes: takeBytes()}
		switch {
		case j.item.Problem != nil:
			sum.Refused++
			if len(sum.Problems) < MaxProblems {
				pr := j.item.Problem
				sum.Problems = append(sum.Problems, Problem{File: pr.File, Line: pr.Line, Record: pr.Record, Reason: pr.Reason})
			}
			p.log.Warn("refused input", "problem", j.item.Problem.Error())
			ev.Problem = j.item.Problem
		case j.item.Article != nil:
			sum.Read++
			a := j.item.Article
			created, err := p.store1(ctx, a, sum)
			if err != nil {
				sum.Failed++
				writeErr = fmt.Errorf("store article %s (%s): %w", a.ID, a.Origin, err)
				cancel(writeErr)
				continue
			}
			if created {
				sum.Added++
				for _, r := range a.Removed {
					sum.Removed[string(r.Kind)]++
				}
			} else {
				sum.Unchanged++
			}
			ev.Article, ev.Created = a, created
		}
		observe(ev)
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

// prepare does the per-article work that needs no store: cleaning by rule
// and language detection.
func (p *Pipeline) prepare(a *article.Article) {
	p.cleaner.Clean(a)
	if a.Lang == "" {
		a.Lang = text.Language(a.Title + "\n" + a.Text())
	}
}

// store1 applies per-source repetition and stores a. It runs in the writer
// goroutine only, so the line counts it reads are exact.
func (p *Pipeline) store1(ctx context.Context, a *article.Article, sum *Summary) (bool, error) {
	t := p.opt.Clean.RepeatThreshold
	keys := a.LineKeys()
	var crossed []uint64
	if len(keys) > 0 {
		counts, err := p.st.LineCounts(ctx, a.Source, keys)
		if err != nil {
			return false, fmt.Errorf("count lines: %w", err)
		}
		repeated := map[uint64]bool{}
		for _, k := range keys {
			c := counts[k] + 1 // with this article
			if c >= t {
				repeated[k] = true
			}
			if c == t {
				crossed = append(crossed, k)
			}
		}
		if len(repeated) > 0 {
			p.cleaner.RemoveRepeated(a, repeated)
		}
	}
	created, err := p.st.Put(ctx, a)
	if err != nil || !created {
		return created, err
	}
	for _, k := range crossed {
		n, err := p.recleanLine(ctx, a.Source, k, a.ID)
		sum.Recleaned += n
		if err != nil {
			return true, err
		}
	}
	return true, nil
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
		if err := p.st.Update(ctx, held); err != nil {
			return n, fmt.Errorf("reclean %s: %w", id, err)
		}
		n++
	}
	return n, nil
}
