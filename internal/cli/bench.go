package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/synth"
)

func newBench(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure throughput on synthetic data on this machine",
	}
	cmd.AddCommand(newBenchIngest(e))
	return cmd
}

func newBenchIngest(e *env) *cobra.Command {
	var format string
	var n, size, runs int
	var asJSON, events, annotate bool
	cmd := &cobra.Command{
		Use:   "ingest",
		Short: "Ingest synthetic articles end to end (read, clean, store, index) into a fresh store",
		Long: `Generate synthetic articles, then ingest them end to end (read, clean,
detect language, store, index) into a fresh temporary SQLite store, and print
articles per second. With --runs N it repeats and prints the median.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "jsonl" && format != "text" && format != "html" {
				return &exitError{ExitUsage, fmt.Errorf("--format %q: want jsonl, text or html", format)}
			}
			if n <= 0 || size <= 0 || runs <= 0 {
				return &exitError{ExitUsage, fmt.Errorf("--n, --size and --runs must be positive")}
			}
			res, err := benchIngest(cmd.Context(), format, n, size, runs, events, annotate)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(e.Out, res)
			}
			fmt.Fprintf(e.Out, "ingest %s: %d articles of ~%d bytes, %d run(s) on %d CPUs: median %.0f articles/s (runs: %v)\n",
				format, n, size, runs, runtime.NumCPU(), res.Median, res.Rates)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "jsonl, text (one file per article) or html (one page per article)")
	cmd.Flags().IntVar(&n, "n", 5000, "articles")
	cmd.Flags().IntVar(&size, "size", 2000, "body bytes per article")
	cmd.Flags().IntVar(&runs, "runs", 3, "repeat and report the median")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&events, "events", true, "assign events and stories, as ingest does (--events=false to measure without)")
	cmd.Flags().BoolVar(&annotate, "annotate", true, "find entities and quotes (--annotate=false to measure without)")
	return cmd
}

type benchResult struct {
	Format string    `json:"format"`
	N      int       `json:"articles"`
	Size   int       `json:"size"`
	CPUs   int       `json:"cpus"`
	Rates  []float64 `json:"rates"`
	Median float64   `json:"median_articles_per_second"`
}

func benchIngest(ctx context.Context, format string, n, size, runs int, events, annotate bool) (*benchResult, error) {
	dir, err := os.MkdirTemp("", "parallax-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		return nil, err
	}
	g := synth.New(42)
	var jw *bufio.Writer
	if format == "jsonl" {
		f, err := os.Create(filepath.Join(in, "all.jsonl"))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		jw = bufio.NewWriter(f)
	}
	for i := range n {
		a := g.Next(size)
		switch format {
		case "jsonl":
			jw.Write(a.JSONL())
		case "text":
			err = os.WriteFile(filepath.Join(in, fmt.Sprintf("%07d.txt", i)), a.Text(), 0o644)
		case "html":
			err = os.WriteFile(filepath.Join(in, fmt.Sprintf("%07d.html", i)), a.HTML(), 0o644)
		}
		if err != nil {
			return nil, fmt.Errorf("write synthetic corpus: %w", err)
		}
	}
	if jw != nil {
		if err := jw.Flush(); err != nil {
			return nil, fmt.Errorf("write synthetic corpus: %w", err)
		}
	}
	res := &benchResult{Format: format, N: n, Size: size, CPUs: runtime.NumCPU()}
	for r := range runs {
		st, err := sqlite.Open(ctx, filepath.Join(dir, fmt.Sprintf("run%d.db", r)), sqlite.Options{})
		if err != nil {
			return nil, err
		}
		start := time.Now()
		popt := pipeline.DefaultOptions()
		popt.Events = events
		popt.Annotate = annotate
		sum, err := pipeline.New(st, popt).Ingest(ctx, []string{in}, nil, ingest.Options{Source: "bench"}, nil)
		el := time.Since(start)
		st.Close()
		if err != nil {
			return nil, fmt.Errorf("bench ingest: %w", err)
		}
		if sum.Added != n {
			return nil, fmt.Errorf("bench ingest: stored %d of %d articles (%d refused)", sum.Added, n, sum.Refused)
		}
		res.Rates = append(res.Rates, float64(int(float64(n)/el.Seconds())))
	}
	res.Median = median(res.Rates)
	return res, nil
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
