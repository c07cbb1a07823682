package eval

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// The ingest mode measures what a user of `parallax ingest --events`
// gets, not the clusterer alone: the gold records go through the ingest
// reader (its ids, dates and paragraphs), the cleaning stage (bios,
// related links and wire boilerplate out), copy detection (a full copy
// joins its original's event without voting twice), the entity stage and
// the store, which drops a record whose id (source and input id) it
// already holds. Each order gets a fresh store, so no order sees another's
// state, and the placements are read back as `parallax export` reads them.
// A gold line is scored by the stored article with its input id: a line
// dropped as already held takes its twin's cluster, and a line the
// pipeline refused (or clustering never reached) counts as a cluster of
// its own, so every gold line is scored, as in memory.

// IngestCounts is what the pipeline made of one run of the gold file.
type IngestCounts struct {
	// Stored counts the articles stored; Held the records dropped because
	// the store already held their id; Refused the records the reader
	// refused.
	Stored  int `json:"stored"`
	Held    int `json:"already_held"`
	Refused int `json:"refused"`
	// FullCopies counts stored articles found to be full copies.
	FullCopies int `json:"full_copies"`
	// Unplaced counts gold lines with no clustered article of their id,
	// scored as clusters of their own.
	Unplaced int `json:"unplaced"`
}

// ingestRunner is the ingest path: each order into a fresh store.
type ingestRunner struct {
	docs  []GoldDoc
	opt   ClusterOptions
	level string
	// read and seconds add up the pipeline's summaries over all runs;
	// first is what the first (file-order) run made.
	read    int
	seconds float64
	first   *IngestCounts
}

func (r *ingestRunner) run(ctx context.Context, order []int) ([]string, error) {
	pred, counts, sum, err := ingestOrder(ctx, r.docs, order, r.opt, r.level)
	if sum != nil {
		r.read += sum.Read
		r.seconds += sum.Seconds
	}
	if err != nil {
		return nil, err
	}
	if r.first == nil {
		r.first = counts
	}
	return pred, nil
}

func (r *ingestRunner) speed(rep *ClusterReport) {
	rep.Ingested = r.first
	if r.seconds > 0 {
		rep.PerSecond = float64(r.read) / r.seconds
	}
}

// ingestOrder ingests the gold records in order (indices into docs) into a
// fresh temporary store, removed afterwards, and returns each document's
// predicted cluster at level, indexed like docs, with what the pipeline
// made of them.
func ingestOrder(ctx context.Context, docs []GoldDoc, order []int, opt ClusterOptions, level string) (pred []string, counts *IngestCounts, sum *pipeline.Summary, err error) {
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	dir, err := os.MkdirTemp("", "parallax-eval-cluster-")
	if err != nil {
		return nil, nil, nil, fmt.Errorf("make temporary store: %w", err)
	}
	defer func() {
		if rerr := os.RemoveAll(dir); rerr != nil {
			log.Warn("temporary store not removed", "dir", dir, "err", rerr)
		}
	}()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "eval.db"), sqlite.Options{Logger: log.With("component", "store")})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("open temporary store: %w", err)
	}
	// Closed before the directory goes (defers run last in, first out).
	defer func() {
		if cerr := st.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close temporary store: %w", cerr)
		}
	}()
	in := feed(docs, order)
	iopt := ingest.Options{Format: ingest.FormatJSONL, MaxFileSize: max(int64(len(in))+1, ingest.DefaultMaxFileSize), Logger: log}
	sum, err = pipeline.New(st, pipelineOptions(opt, log)).Ingest(ctx, []string{"-"}, bytes.NewReader(in), iopt, nil)
	if err != nil {
		return nil, nil, sum, fmt.Errorf("ingest: %w", err)
	}
	placed, copies, err := storedClusters(ctx, st, log)
	if err != nil {
		return nil, nil, sum, fmt.Errorf("read back clusters: %w", err)
	}
	pred, unplaced := predictions(docs, placed, level)
	counts = &IngestCounts{Stored: sum.Added, Held: sum.Unchanged, Refused: sum.Refused, FullCopies: copies, Unplaced: unplaced}
	log.Info("order ingested", "articles", sum.Read, "stored", sum.Added, "held", sum.Unchanged,
		"refused", sum.Refused, "full_copies", copies, "unplaced", unplaced, "seconds", sum.Seconds)
	return pred, counts, sum, nil
}

// pipelineOptions are ingest's defaults with events on and the
// evaluation's cluster parameters, as `parallax ingest` runs them.
func pipelineOptions(opt ClusterOptions, log *slog.Logger) pipeline.Options {
	popt := pipeline.DefaultOptions()
	popt.Events = true
	popt.Annotate = opt.Entities
	popt.Cluster = opt.Params
	popt.Logger = log
	return popt
}

// feed is the gold records in order, one JSON line each, as a file of
// them would be read.
func feed(docs []GoldDoc, order []int) []byte {
	n := 0
	for _, i := range order {
		n += len(docs[i].Raw) + 1
	}
	b := make([]byte, 0, n)
	for _, i := range order {
		b = append(b, docs[i].Raw...)
		b = append(b, '\n')
	}
	return b
}

// placement is where the store put one article.
type placement struct{ event, story string }

// storedClusters reads back every stored article's event and story,
// following merges and moves as `parallax export` does, keyed by its
// input id (the first stored article of an id wins: two sources giving
// one id are logged, not told apart), and counts the full copies.
func storedClusters(ctx context.Context, st store.Store, log *slog.Logger) (map[string]placement, int, error) {
	placed := map[string]placement{}
	var ids []string
	shared := 0
	err := st.Each(ctx, store.Filter{}, func(a *article.Article) error {
		ids = append(ids, a.ID)
		var rec export.Record
		if err := rec.WithClusters(ctx, st, a); err != nil {
			return err
		}
		if rec.EventID == nil {
			return nil // clustering has not reached it
		}
		if _, ok := placed[a.InputID]; ok {
			shared++
			return nil
		}
		placed[a.InputID] = placement{*rec.EventID, *rec.StoryID}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	if shared > 0 {
		log.Warn("stored articles share an input id with an earlier one (other sources?); scored as the earlier", "articles", shared)
	}
	status, err := st.CopyStatuses(ctx, ids)
	if err != nil {
		return nil, 0, fmt.Errorf("copy statuses: %w", err)
	}
	copies := 0
	for _, cs := range status {
		if cs.Kind == "full" {
			copies++
		}
	}
	return placed, copies, nil
}

// predictions gives each gold document the cluster at level of the stored
// article with its id, and a cluster of its own (counted as unplaced)
// when there is none.
func predictions(docs []GoldDoc, placed map[string]placement, level string) ([]string, int) {
	pred := make([]string, len(docs))
	unplaced := 0
	for i, d := range docs {
		p, ok := placed[strings.TrimSpace(d.ID)]
		switch {
		case !ok:
			unplaced++
			pred[i] = "unplaced:" + strconv.Itoa(i)
		case level == "story":
			pred[i] = p.story
		default:
			pred[i] = p.event
		}
	}
	return pred, unplaced
}
