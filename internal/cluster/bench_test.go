package cluster

import (
	"encoding/json"
	"flag"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/synth"
)

// benchLarge enables the held=1000000 benchmarks, which first assign a
// million articles (some minutes on a two-core machine):
//
//	go test ./internal/cluster -run '^$' -bench 'AssignVector' -cluster.large
var benchLarge = flag.Bool("cluster.large", false, "run the held=1000000 benchmarks")

// benchOptions overrides options of the assignment benchmarks, to weigh
// what a feature costs:
//
//	go test ./internal/cluster -run '^$' -bench AssignVector -cluster.options '{"article_refine_every":0}'
var benchOptions = flag.String("cluster.options", "", "JSON of options to set in the assignment benchmarks")

func benchOpts(b *testing.B) Options {
	opt := DefaultOptions()
	if *benchOptions != "" {
		if err := json.Unmarshal([]byte(*benchOptions), &opt); err != nil {
			b.Fatalf("-cluster.options: %v", err)
		}
	}
	return opt
}

// benchDocs returns n synthetic articles of about 2 KB (synth's 1.5 KB
// body and synthDoc's event paragraph), from the i-th of generator g's
// stream.
func benchDocs(g *synth.Generator, i, n int) []Doc {
	docs := make([]Doc, n)
	for k := range docs {
		docs[k] = synthDoc(g, i+k)
	}
	return docs
}

func docBytes(d Doc) int {
	n := len(d.Title)
	for _, p := range d.Paragraphs {
		n += len(p) + 2
	}
	return n
}

// vectorizeAll vectorises docs on all cores, as the pipeline's workers do.
func vectorizeAll(docs []Doc) []*Vector {
	vs := make([]*Vector, len(docs))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for k := w; k < len(docs); k += workers {
				vs[k] = Vectorize(docs[k])
			}
		})
	}
	wg.Wait()
	return vs
}

// feed assigns n articles of g's stream, from the i-th, vectorised in
// parallel and assigned in order.
func feed(c *Clusterer, g *synth.Generator, i, n int) {
	const chunk = 4096
	for done := 0; done < n; done += chunk {
		k := min(chunk, n-done)
		for _, v := range vectorizeAll(benchDocs(g, i+done, k)) {
			c.AssignVector(v)
		}
	}
}

// BenchmarkVectorize measures the pure step the pipeline's workers run in
// parallel: one call per article, no Clusterer.
//
//	go test ./internal/cluster -run '^$' -bench Vectorize -count 6
func BenchmarkVectorize(b *testing.B) {
	docs := benchDocs(synth.New(1), 0, 512)
	total := 0
	for _, d := range docs {
		total += docBytes(d)
	}
	b.Run(fmt.Sprintf("bytes=%d", total/len(docs)), func(b *testing.B) {
		b.SetBytes(int64(total / len(docs)))
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			Vectorize(docs[n%len(docs)])
			n++
		}
	})
}

// BenchmarkAssignVector measures assignment of an already vectorised
// article after `held` articles have been assigned, and reports what the
// clusterer holds then. Articles are three minutes apart, so the event
// window (7 days) and grace (10,000 arrivals) bound the events in memory
// and the story window (3 years) the stories: time per article should be
// alike at both sizes, and memory bounded by the windows, not the corpus.
// Every measured article is new (re-assigning one is a no-op); they are
// vectorised in chunks with the timer stopped.
//
//	go test ./internal/cluster -run '^$' -bench AssignVector -count 6 | tee new.txt; benchstat old.txt new.txt
func BenchmarkAssignVector(b *testing.B) {
	for _, held := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("held=%d", held), func(b *testing.B) {
			if held > 10_000 && !*benchLarge {
				b.Skip("enable with -cluster.large")
			}
			c := mustNew(b, benchOpts(b))
			g := synth.New(1)
			feed(c, g, 0, held)
			// Twice: the first collection moves Vectorize's pooled
			// scratches (their word caches) to the victim cache, the
			// second frees them, so that heap-bytes is the clusterer's.
			runtime.GC()
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			heap, events, stories, vocab := ms.HeapAlloc, len(c.eventList), len(c.storyList), len(c.vocab)
			next := held
			var vs []*Vector
			b.ReportAllocs()
			cpu0 := cpuTime()
			n := 0
			for b.Loop() {
				if n == len(vs) {
					b.StopTimer()
					vs, n = vectorizeAll(benchDocs(g, next, 4096)), 0
					next += len(vs)
					b.StartTimer()
				}
				c.AssignVector(vs[n])
				n++
			}
			// CPU time counts the garbage collector's other threads (and
			// the stopped vectorising), so it is an upper bound.
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e3, "cpu-µs/article")
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(heap), "heap-bytes")
			b.ReportMetric(float64(events), "events-held")
			b.ReportMetric(float64(stories), "stories-held")
			b.ReportMetric(float64(vocab), "vocabulary")
		})
	}
}

// BenchmarkAssign is Vectorize and AssignVector in one call, as
// Clusterer.Assign runs them, after 10,000 articles.
func BenchmarkAssign(b *testing.B) {
	b.Run("held=10000", func(b *testing.B) {
		c := mustNew(b, benchOpts(b))
		g := synth.New(1)
		feed(c, g, 0, 10_000)
		next := 10_000
		var docs []Doc
		n := 0
		b.ReportAllocs()
		for b.Loop() {
			if n == len(docs) {
				b.StopTimer()
				docs, n = benchDocs(g, next, 4096), 0
				next += len(docs)
				b.StartTimer()
			}
			c.Assign(docs[n])
			n++
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	})
}
