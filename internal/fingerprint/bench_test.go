package fingerprint

import (
	"fmt"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/synth"
)

// Compare runs with benchstat:
//
//	go test -run '^$' -bench . -count 6 ./internal/fingerprint > new.txt
//	benchstat old.txt new.txt

const benchArticleBytes = 2000

// cpuTime returns the process's user and system CPU time. Benchmarks report
// CPU time per operation beside wall time because the machines we measure
// on are shared: wall time there counts other processes' turns.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkSignature(b *testing.B) {
	g := synth.New(1)
	arts := make([][]string, 256)
	bytes := 0
	for i := range arts {
		a := g.Next(benchArticleBytes)
		arts[i] = a.Paragraphs
		for _, p := range a.Paragraphs {
			bytes += len(p)
		}
	}
	b.SetBytes(int64(bytes / len(arts)))
	b.ReportAllocs()
	i := 0
	cpu0 := cpuTime()
	for b.Loop() {
		New(arts[i%len(arts)])
		i++
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(i), "cpu-ns/op")
}

// heldIndex builds an index of n synthetic articles once per size, on all
// cores, and reports the heap it took per article.
var (
	heldMu    sync.Mutex
	heldCache = map[int]*heldIndexResult{}
)

type heldIndexResult struct {
	x        *Index
	perArt   float64
	queries  []*Sketch
	copiesOf []uint32
}

func heldIndex(b *testing.B, n int) *heldIndexResult {
	heldMu.Lock()
	defer heldMu.Unlock()
	if r, ok := heldCache[n]; ok {
		return r
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	x := NewIndex()
	workers := runtime.GOMAXPROCS(0)
	const chunk = 1024
	for start := 0; start < n; start += chunk * workers {
		sketches := make([][]*Sketch, workers)
		var wg sync.WaitGroup
		for w := range workers {
			lo := start + w*chunk
			hi := min(lo+chunk, n)
			if lo >= hi {
				continue
			}
			wg.Go(func() {
				g := synth.New(uint64(lo) + 1)
				out := make([]*Sketch, 0, hi-lo)
				for range hi - lo {
					out = append(out, New(g.Next(benchArticleBytes).Paragraphs))
				}
				sketches[w] = out
			})
		}
		wg.Wait()
		doc := uint32(start)
		for _, ss := range sketches {
			for _, s := range ss {
				x.Add(doc, s)
				doc++
			}
		}
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	r := &heldIndexResult{x: x, perArt: float64(after.HeapAlloc-before.HeapAlloc) / float64(n)}
	// Queries: new articles (mostly no match) and re-sketched held ones
	// (a match to find), half each.
	g := synth.New(1 << 40)
	for i := range 512 {
		if i%2 == 0 {
			r.queries = append(r.queries, New(g.Next(benchArticleBytes).Paragraphs))
			r.copiesOf = append(r.copiesOf, MaxDoc+1)
			continue
		}
		held := (i * 7919) % n
		lo := held / chunk * chunk
		hg := synth.New(uint64(lo) + 1)
		var a synth.Article
		for range held - lo + 1 {
			a = hg.Next(benchArticleBytes)
		}
		r.queries = append(r.queries, New(a.Paragraphs))
		r.copiesOf = append(r.copiesOf, uint32(held))
	}
	heldCache[n] = r
	return r
}

// BenchmarkIndexLookup measures Candidates with 10,000 and 1,000,000
// synthetic articles held. The index is built once per size (the 1M build
// takes about a minute and a gigabyte); bytes/article is the heap it holds
// per article; candidates/lookup counts what a lookup hands to
// verification.
func BenchmarkIndexLookup(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("held=%d", n), func(b *testing.B) {
			if testing.Short() && n > 10_000 {
				b.Skip("1M index skipped in -short mode")
			}
			r := heldIndex(b, n)
			b.ReportAllocs()
			var cs []Candidate
			i, cands, found := 0, 0, 0
			cpu0 := cpuTime()
			for b.Loop() {
				q := i % len(r.queries)
				cs = r.x.Candidates(cs[:0], r.queries[q])
				cands += len(cs)
				for _, c := range cs {
					if c.Doc == r.copiesOf[q] {
						found++
						break
					}
				}
				i++
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(i), "cpu-ns/op")
			b.ReportMetric(r.perArt, "bytes/article")
			b.ReportMetric(float64(r.x.Bytes())/float64(n), "table-bytes/article")
			b.ReportMetric(float64(cands)/float64(i), "candidates/lookup")
			b.ReportMetric(float64(found)/float64((i+1)/2), "held-found")
		})
	}
}
