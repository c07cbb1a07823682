package sqlite

// Compare runs with benchstat:
//
//	go test ./internal/store/sqlite -run XXX -bench . -count 6 > new.txt
//	benchstat old.txt new.txt

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/store"
)

// corpusGen makes fictional articles from a made-up vocabulary with a Zipf
// word distribution, so that search sees realistic posting-list lengths.
type corpusGen struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

func newCorpusGen(seed uint64) *corpusGen {
	r := rand.New(rand.NewPCG(seed, 7))
	syl := []string{"ka", "lo", "mer", "tin", "sa", "vel", "dor", "pi", "nu", "rak", "bel", "os", "tra", "gen", "fi", "mu"}
	vocab := make([]string, 5000)
	for i := range vocab {
		n := 1 + i%3
		var b strings.Builder
		x := i
		for range n + 1 {
			b.WriteString(syl[x%len(syl)])
			x /= len(syl)
		}
		vocab[i] = b.String()
	}
	return &corpusGen{r: r, zipf: rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1)), vocab: vocab}
}

func (g *corpusGen) sentence(words int) string {
	w := make([]string, words)
	for i := range w {
		w[i] = g.vocab[g.zipf.Uint64()]
	}
	s := strings.Join(w, " ") + "."
	return strings.ToUpper(s[:1]) + s[1:]
}

// article returns an article of about size bytes of body.
func (g *corpusGen) article(i, size int) *article.Article {
	a := &article.Article{
		ID:        fmt.Sprintf("%016x", uint64(i)*0x9e3779b97f4a7c15),
		Source:    fmt.Sprintf("Outlet %d", i%12),
		URL:       fmt.Sprintf("https://outlet%d.example/news/%d", i%12, i),
		Title:     g.sentence(8),
		Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute),
		Lang:      "en",
		Format:    "jsonl",
	}
	n := 0
	for n < size {
		p := g.sentence(12) + " " + g.sentence(15) + " " + g.sentence(10)
		a.Paragraphs = append(a.Paragraphs, p)
		n += len(p) + 2
	}
	a.Paragraphs = append(a.Paragraphs, "Sign up for our morning newsletter.")
	a.Removed = []article.Removed{{Text: "Follow us for more stories.", Kind: article.KindShare, Index: len(a.Paragraphs)}}
	a.Captions = []string{"Photo: Staff"}
	return a
}

// cpuTime returns the process's user and system CPU time so far. The
// benchmarks report CPU per article besides wall time: on a machine shared
// with other work, wall time measures the neighbours too.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportRate reports n articles' throughput by wall time and by CPU time
// used since cpu0.
func reportRate(b *testing.B, n int64, cpu0 time.Duration) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "articles/cpu-s")
	}
}

func benchOpen(b *testing.B, opt Options) *DB {
	b.Helper()
	db, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), opt)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkPut measures one Put of a 2 KB article at a time, as a
// pipeline's store stage does.
func BenchmarkPut(b *testing.B) {
	for _, bc := range []struct {
		name string
		opt  Options
	}{
		{"sync=normal", Options{}},
		{"sync=full", Options{FullSync: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			db := benchOpen(b, bc.opt)
			g := newCorpusGen(1)
			arts := make([]*article.Article, 4096)
			for i := range arts {
				arts[i] = g.article(i, 2048)
			}
			ctx := context.Background()
			b.ReportAllocs()
			i := 0
			cpu0 := cpuTime()
			for b.Loop() {
				a := *arts[i%len(arts)]
				a.ID = fmt.Sprintf("%s-%d", a.ID, i)
				if _, err := db.Put(ctx, &a); err != nil {
					b.Fatal(err)
				}
				i++
			}
			reportRate(b, int64(i), cpu0)
		})
	}
}

// BenchmarkPutParallel measures Puts from several goroutines, which the
// single write connection serialises.
func BenchmarkPutParallel(b *testing.B) {
	db := benchOpen(b, Options{})
	g := newCorpusGen(2)
	arts := make([]*article.Article, 1024)
	for i := range arts {
		arts[i] = g.article(i, 2048)
	}
	ctx := context.Background()
	var n atomic.Int64
	b.ReportAllocs()
	b.SetParallelism(4) // a worker pool of 4 per GOMAXPROCS
	cpu0 := cpuTime()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			a := *arts[i%int64(len(arts))]
			a.ID = fmt.Sprintf("%s-%d", a.ID, i)
			if _, err := db.Put(ctx, &a); err != nil {
				b.Error(err)
				return
			}
		}
	})
	reportRate(b, n.Load(), cpu0)
}

// BenchmarkPutHeld measures re-ingesting an article already held.
func BenchmarkPutHeld(b *testing.B) {
	db := benchOpen(b, Options{})
	a := newCorpusGen(3).article(1, 2048)
	ctx := context.Background()
	if _, err := db.Put(ctx, a); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if created, err := db.Put(ctx, a); err != nil || created {
			b.Fatal(created, err)
		}
	}
}

// searchDB is a store of 10,000 2 KB articles, built once.
func searchDB(b *testing.B) *DB {
	b.Helper()
	db := benchOpen(b, Options{})
	g := newCorpusGen(4)
	ctx := context.Background()
	for i := range 10000 {
		if _, err := db.Put(ctx, g.article(i, 2048)); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

// BenchmarkSearch runs queries over 10,000 articles.
func BenchmarkSearch(b *testing.B) {
	db := searchDB(b)
	g := newCorpusGen(4)
	common, mid, rare := g.vocab[3], g.vocab[60], g.vocab[2000]
	for _, bc := range []struct {
		name string
		q    store.Query
	}{
		{"q=common", store.Query{Text: common}},
		{"q=mid", store.Query{Text: mid}},
		{"q=rare", store.Query{Text: rare}},
		{"q=two", store.Query{Text: common + " " + mid}},
		{"q=phrase", store.Query{Text: `"` + common + " " + g.vocab[4] + `"`}},
		{"q=prefix", store.Query{Text: mid[:3] + "*"}},
		{"q=exclude", store.Query{Text: mid + " -" + common}},
		{"q=mid,source", store.Query{Text: mid, Filter: store.Filter{Sources: []string{"Outlet 3"}}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			ctx := context.Background()
			hits, err := db.Search(ctx, bc.q)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := db.Search(ctx, bc.q); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(hits)), "hits")
		})
	}
	b.Run("each", func(b *testing.B) {
		ctx := context.Background()
		b.ReportAllocs()
		n := 0
		cpu0 := cpuTime()
		for b.Loop() {
			if err := db.Each(ctx, store.Filter{}, func(*article.Article) error { n++; return nil }); err != nil {
				b.Fatal(err)
			}
		}
		reportRate(b, int64(n), cpu0)
	})
	b.Run("get", func(b *testing.B) {
		ctx := context.Background()
		id := newCorpusGen(4).article(5000, 10).ID
		b.ReportAllocs()
		for b.Loop() {
			if _, err := db.Get(ctx, id); err != nil {
				b.Fatal(err)
			}
		}
	})
}
