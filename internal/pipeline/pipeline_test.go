package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/synth"
)

func openStore(t testing.TB) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// corpus writes n synthetic JSONL articles, a broken line after the first
// ten, and an empty file; it returns the directory.
func corpus(t testing.TB, n int) string {
	dir := t.TempDir()
	g := synth.New(1)
	var b strings.Builder
	for i := range n {
		b.Write(g.Next(1500).JSONL())
		if i == 9 {
			b.WriteString("{\"id\": \"broken\", \"text\": \n")
		}
	}
	writeFile(t, filepath.Join(dir, "a.jsonl"), []byte(b.String()))
	writeFile(t, filepath.Join(dir, "empty.txt"), nil)
	return dir
}

func TestIngestKeepsInputOrderAndIsIdempotent(t *testing.T) {
	ctx := context.Background()
	dir := corpus(t, 60)
	st := openStore(t)
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			opt := pipeline.DefaultOptions()
			opt.Workers = workers
			p := pipeline.New(st, opt)
			sum, err := p.Ingest(ctx, []string{dir}, nil, ingest.Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Read != 60 || sum.Refused != 2 {
				t.Errorf("read %d refused %d, want 60 and 2 (the broken line and the empty file); problems: %v", sum.Read, sum.Refused, sum.Problems)
			}
			wantAdded := 60
			if workers == 4 { // second run: everything is held already
				wantAdded = 0
			}
			if sum.Added != wantAdded || sum.Added+sum.Unchanged != 60 {
				t.Errorf("added %d unchanged %d, want %d added of 60", sum.Added, sum.Unchanged, wantAdded)
			}
			var got []string
			if err := st.Each(ctx, store.Filter{}, func(a *article.Article) error {
				got = append(got, a.InputID)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if len(got) != 60 {
				t.Fatalf("store holds %d articles, want 60", len(got))
			}
			for i, id := range got {
				if want := fmt.Sprintf("synth-%08d", i+1); id != want {
					t.Fatalf("article %d in arrival order is %s, want %s", i, id, want)
				}
			}
		})
	}
}

func TestIngestProblemsNameTheirInput(t *testing.T) {
	dir := corpus(t, 12)
	sum, err := pipeline.New(openStore(t), pipeline.DefaultOptions()).Ingest(context.Background(), []string{dir}, nil, ingest.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, p := range sum.Problems {
		files = append(files, p.String())
	}
	joined := strings.Join(files, "\n")
	if !strings.Contains(joined, "a.jsonl:11") || !strings.Contains(joined, "empty.txt") {
		t.Errorf("problems should name a.jsonl:11 and empty.txt, got:\n%s", joined)
	}
}

func TestRepeatedLinesBecomeBoilerplate(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	tail := "Tune in to Evening Hour with Marta Kell every weeknight at nine"
	var b strings.Builder
	for i := range 6 {
		fmt.Fprintf(&b, `{"id": "r%d", "source": "Valley Gazette", "title": "Story %d", "text": "The council met on day %d to discuss item number %d of the agenda, which concerns the bridge.\n\nMembers voted %d to %d after a long debate about costs and the timetable.\n\n%s"}`+"\n", i, i, i, i*7, 3+i, i, tail)
	}
	writeFile(t, filepath.Join(dir, "r.jsonl"), []byte(b.String()))
	st := openStore(t)
	opt := pipeline.DefaultOptions()
	opt.Clean.RepeatThreshold = 4
	sum, err := pipeline.New(st, opt).Ingest(ctx, []string{dir}, nil, ingest.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Recleaned != 3 {
		t.Errorf("recleaned %d earlier articles, want 3", sum.Recleaned)
	}
	err = st.Each(ctx, store.Filter{}, func(a *article.Article) error {
		if strings.Contains(a.Text(), "Evening Hour") {
			t.Errorf("%s: repeated line still in the body", a.InputID)
		}
		found := false
		for _, r := range a.Removed {
			found = found || (r.Kind == article.KindRepeated && r.Text == tail)
		}
		if !found {
			t.Errorf("%s: repeated line not listed as removed: %+v", a.InputID, a.Removed)
		}
		if len(a.Paragraphs) != 2 {
			t.Errorf("%s: %d paragraphs left, want the 2 of reporting", a.InputID, len(a.Paragraphs))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// failingStore fails every Put after the first n.
type failingStore struct {
	store.Store
	n int
}

func (f *failingStore) Put(ctx context.Context, a *article.Article) (bool, error) {
	if f.n <= 0 {
		return false, errors.New("disk full")
	}
	f.n--
	return f.Store.Put(ctx, a)
}

func (f *failingStore) PutBatch(ctx context.Context, as []*article.Article) ([]bool, error) {
	if f.n < len(as) {
		return nil, errors.New("disk full")
	}
	f.n -= len(as)
	return f.Store.PutBatch(ctx, as)
}

func TestStoreFailureStopsTheRunWithoutHanging(t *testing.T) {
	dir := corpus(t, 200)
	st := &failingStore{Store: openStore(t), n: 5}
	opt := pipeline.DefaultOptions()
	opt.Workers = 3
	sum, err := pipeline.New(st, opt).Ingest(context.Background(), []string{dir}, nil, ingest.Options{}, nil)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the store's error", err)
	}
	if sum.Added != 5 {
		t.Errorf("added %d before the failure, want 5", sum.Added)
	}
}

func TestCancelStopsTheRun(t *testing.T) {
	dir := corpus(t, 300)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := pipeline.New(openStore(t), pipeline.DefaultOptions()).Ingest(ctx, []string{dir}, nil, ingest.Options{}, func(ev pipeline.Event) {
		if ev.Article != nil {
			if n++; n == 10 {
				cancel()
			}
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// cancellingStore stops the run (as ctrl-C does) during its first batch
// write and fails it with fail, or as a store does with a cancelled
// context when fail is nil; it counts the single writes a retry would make.
type cancellingStore struct {
	store.Store
	cancel func()
	fail   error
	puts   int
}

func (c *cancellingStore) PutBatch(ctx context.Context, as []*article.Article) ([]bool, error) {
	c.cancel()
	if c.fail != nil {
		return nil, c.fail
	}
	return nil, fmt.Errorf("commit: %w", ctx.Err())
}

func (c *cancellingStore) Put(ctx context.Context, a *article.Article) (bool, error) {
	c.puts++
	return c.Store.Put(ctx, a)
}

// TestCancelDuringBatchWrite: a batch the stop interrupted is not retried
// article by article (no article is to blame), and the run ends with the
// cancellation, and with the store's own failure when the stop overtook
// one.
func TestCancelDuringBatchWrite(t *testing.T) {
	dir := corpus(t, 40)
	diskFull := errors.New("disk full")
	for _, tc := range []struct {
		name string
		fail error
	}{
		{"cancelled", nil},
		{"failed while cancelled", diskFull},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			st := &cancellingStore{Store: openStore(t), cancel: cancel, fail: tc.fail}
			sum, err := pipeline.New(st, pipeline.DefaultOptions()).Ingest(ctx, []string{dir}, nil, ingest.Options{}, nil)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if tc.fail != nil && !errors.Is(err, tc.fail) {
				t.Errorf("err = %v, want it to say %v", err, tc.fail)
			}
			if st.puts != 0 {
				t.Errorf("%d articles written one by one after the stop", st.puts)
			}
			if sum.Added != 0 {
				t.Errorf("added %d, want 0", sum.Added)
			}
		})
	}
}

// rejectingStore refuses batches that hold one poisoned article, as a store
// refuses an article it cannot encode.
type rejectingStore struct {
	store.Store
	poison string
}

func (r *rejectingStore) PutBatch(ctx context.Context, as []*article.Article) ([]bool, error) {
	for _, a := range as {
		if a.InputID == r.poison {
			return nil, errors.New("cannot encode " + a.ID)
		}
	}
	return r.Store.PutBatch(ctx, as)
}

func TestFailedBatchIsRetriedArticleByArticle(t *testing.T) {
	dir := corpus(t, 40)
	st := &rejectingStore{Store: openStore(t), poison: "synth-00000007"}
	sum, err := pipeline.New(st, pipeline.DefaultOptions()).Ingest(context.Background(), []string{dir}, nil, ingest.Options{}, nil)
	if err != nil {
		t.Fatalf("the batch's articles are good one by one, so the run should succeed: %v", err)
	}
	if sum.Added != 40 {
		t.Errorf("added %d, want 40", sum.Added)
	}
}

// committingCanceller stores its first batch and then fails it as a stop
// (ctrl-C) that came while the store committed: the articles are held but
// the run never decided about them.
type committingCanceller struct {
	store.Store
	cancel func()
	done   bool
}

func (c *committingCanceller) PutBatch(ctx context.Context, as []*article.Article) ([]bool, error) {
	if c.done {
		return c.Store.PutBatch(ctx, as)
	}
	c.done = true
	if _, err := c.Store.PutBatch(context.WithoutCancel(ctx), as); err != nil {
		return nil, err
	}
	c.cancel()
	return nil, fmt.Errorf("commit: %w", ctx.Err())
}

// TestStoppedBatchIsDecidedNextRun: articles a stopped run stored without
// deciding about them get their copy decision, and an event that follows
// it, on the next run.
func TestStoppedBatchIsDecidedNextRun(t *testing.T) {
	body := strings.Join(synthArticle(), `\n\n`)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "1.jsonl"), []byte(
		`{"id":"o1","source":"First Outlet","title":"The original","published":"2030-05-01T09:00:00Z","text":"`+body+`"}`+"\n"+
			`{"id":"r1","source":"Repost One","title":"Copied","published":"2030-05-02T10:00:00Z","text":"`+body+`"}`+"\n"))
	later := t.TempDir()
	writeFile(t, filepath.Join(later, "2.jsonl"), []byte(
		`{"id":"x1","source":"Other","title":"Chess","published":"2030-05-03T10:00:00Z","text":"The chess final in Veyra went to a fourth tie-break on Sunday after both players refused a draw in a long rook ending."}`+"\n"))
	inner := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opt := pipeline.DefaultOptions()
	opt.Events = true
	if _, err := pipeline.New(&committingCanceller{Store: inner, cancel: cancel}, opt).Ingest(ctx, []string{dir}, nil, ingest.Options{}, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("first run: %v, want context.Canceled", err)
	}
	if n, _ := inner.Count(context.Background(), store.Filter{}); n != 2 {
		t.Fatalf("%d articles held after the stopped run, want the 2 its store committed", n)
	}
	bg := context.Background()
	if _, err := pipeline.New(inner, opt).Ingest(bg, []string{later}, nil, ingest.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	inner.Each(bg, store.Filter{}, func(a *article.Article) error { ids[a.InputID] = a.ID; return nil })
	s, err := inner.CopyStatus(bg, ids["r1"])
	if err != nil || s.Kind != "full" || s.CopyOf != ids["o1"] {
		t.Errorf("r1: %+v, %v; want a full copy of o1", s, err)
	}
	var events []string
	for _, k := range []string{"o1", "r1"} {
		ac, err := inner.ArticleCluster(bg, ids[k])
		if err != nil {
			t.Fatalf("%s has no event after the next run: %v", k, err)
		}
		events = append(events, ac.Event)
	}
	if events[0] != events[1] {
		t.Errorf("the copy sits in %s, its original in %s", events[1], events[0])
	}
}
