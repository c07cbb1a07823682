package pipeline_test

// End-to-end ingest throughput: read, clean, detect language, store and
// index into a fresh SQLite file.
//
//	go test -run '^$' -bench Ingest -count 6 ./internal/pipeline/ | tee new.txt
//	benchstat old.txt new.txt

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/synth"
)

func BenchmarkIngest(b *testing.B) {
	for _, tc := range []struct {
		format string
		n      int
	}{{"jsonl", 2000}, {"text", 2000}, {"html", 300}} {
		b.Run("format="+tc.format, func(b *testing.B) {
			dir := b.TempDir()
			g := synth.New(7)
			var jsonl strings.Builder
			var bytes int64
			for i := range tc.n {
				a := g.Next(2000)
				switch tc.format {
				case "jsonl":
					jsonl.Write(a.JSONL())
				case "text":
					data := a.Text()
					bytes += int64(len(data))
					writeFile(b, filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), data)
				case "html":
					data := a.HTML()
					bytes += int64(len(data))
					writeFile(b, filepath.Join(dir, fmt.Sprintf("%05d.html", i)), data)
				}
			}
			if tc.format == "jsonl" {
				bytes = int64(jsonl.Len())
				writeFile(b, filepath.Join(dir, "all.jsonl"), []byte(jsonl.String()))
			}
			b.SetBytes(bytes)
			b.ReportAllocs()
			var articles int
			run := 0
			for b.Loop() {
				run++
				st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), fmt.Sprintf("b%d.db", run)), sqlite.Options{})
				if err != nil {
					b.Fatal(err)
				}
				sum, err := pipeline.New(st, pipeline.DefaultOptions()).Ingest(context.Background(), []string{dir}, nil, ingest.Options{Source: "bench"}, nil)
				if err != nil {
					b.Fatal(err)
				}
				if sum.Added != tc.n {
					b.Fatalf("added %d of %d; problems: %v", sum.Added, tc.n, sum.Problems)
				}
				articles += sum.Added
				st.Close()
			}
			b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
