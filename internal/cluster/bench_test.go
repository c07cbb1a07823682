package cluster

import (
	"flag"
	"fmt"
	"runtime"
	"testing"

	"github.com/parallax-news/parallax/internal/synth"
)

// benchLarge enables the held=100000 and held=1000000 benchmarks, which
// first assign that many articles (the million takes the better part of
// an hour on a busy two-core machine):
//
//	go test ./internal/cluster -run '^$' -bench Assign -benchtime 2000x -cluster.large
var benchLarge = flag.Bool("cluster.large", false, "run BenchmarkAssign/held=100000 and held=1000000")

// BenchmarkAssign measures assignment after `held` articles have been
// assigned, and reports the memory the clusterer holds. Articles are three
// minutes apart, so the event window (7 days) and grace (10,000 arrivals)
// bound what stays in memory; time per article and bytes held should be
// alike at both sizes.
//
//	go test ./internal/cluster -run '^$' -bench Assign -count 6 | tee new.txt; benchstat old.txt new.txt
func BenchmarkAssign(b *testing.B) {
	for _, held := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("held=%d", held), func(b *testing.B) {
			if held > 10_000 && !*benchLarge {
				b.Skip("enable with -cluster.large")
			}
			c := mustNew(b, DefaultOptions())
			g := synth.New(1)
			i := 0
			for ; i < held; i++ {
				c.Assign(synthDoc(g, i))
			}
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			// Pre-generate the measured articles so generation is not timed.
			docs := make([]Doc, 4096)
			for k := range docs {
				docs[k] = synthDoc(g, i+k)
			}
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cpuTime()
			n := 0
			for b.Loop() {
				c.Assign(docs[n%len(docs)])
				n++
			}
			b.StopTimer()
			// CPU time counts the garbage collector's other threads too,
			// so it is an upper bound on the cost of one article.
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(n)/1e3, "cpu-µs/article")
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(ms.HeapAlloc), "heap-bytes")
			b.ReportMetric(float64(len(c.eventList)), "events-held")
		})
	}
}
