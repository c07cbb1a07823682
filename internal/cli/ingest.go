package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

type ingestFlags struct {
	source   string
	format   string
	quiet    bool
	json     bool
	maxSize  string
	workers  int
	repeat   int
	events   bool
	annotate bool
}

func newIngest(e *env) *cobra.Command {
	var f ingestFlags
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read, clean and store articles from files, directories or - (stdin)",
		Long: `Read articles from files, directories (recursively), gzip-compressed files
and - (standard input), clean them and store them.

Formats are detected from each file's name and content: plain text, JSON
lines, HTML pages, RSS/Atom feeds and TREC/SGML newswire; --format forces one.
Input that cannot be read is reported with its file (and line) and skipped;
everything else is stored. The exit status is 3 when anything was refused.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.runIngest(cmd.Context(), args, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.source, "source", "", "the outlet, for input that does not name one")
	fl.StringVar(&f.format, "format", "", "force a format: text, jsonl, html, feed, sgml")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress bar and no summary (problems are still reported)")
	fl.BoolVar(&f.json, "json", false, "print the summary as JSON on stdout")
	fl.StringVar(&f.maxSize, "max-size", "64MiB", "refuse files larger than this (e.g. 500KB, 64MiB, 1GiB)")
	fl.IntVar(&f.workers, "workers", 0, "cleaning workers (0: one per CPU)")
	fl.IntVar(&f.repeat, "repeat-threshold", 0, "a short line in this many articles of one source is its boilerplate (0: default)")
	fl.BoolVar(&f.events, "events", true, "group articles into events and stories (--events=false to skip: faster)")
	fl.BoolVar(&f.annotate, "annotate", true, "find entities and quotes (--annotate=false to skip: faster; entities, quotes and 'who' stay empty)")
	return cmd
}

func (e *env) runIngest(ctx context.Context, paths []string, f ingestFlags) error {
	switch f.format {
	case "", ingest.FormatText, ingest.FormatJSONL, ingest.FormatHTML, ingest.FormatFeed, ingest.FormatSGML:
	default:
		return &exitError{ExitUsage, fmt.Errorf("--format %q: want text, jsonl, html, feed or sgml", f.format)}
	}
	maxSize, err := parseSize(f.maxSize)
	if err != nil {
		return &exitError{ExitUsage, fmt.Errorf("--max-size: %w", err)}
	}
	st, err := e.open(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := e.ingestInto(ctx, st, paths, f, maxSize)
	if sum != nil {
		e.reportIngest(sum, f)
	}
	if err != nil {
		return err
	}
	if sum.Refused > 0 {
		e.status = ExitRefused
	}
	return nil
}

// ingestInto runs the pipeline with a progress bar and problem reports.
func (e *env) ingestInto(ctx context.Context, st store.Store, paths []string, f ingestFlags, maxSize int64) (*pipeline.Summary, error) {
	popt := pipeline.DefaultOptions()
	popt.Workers = f.workers
	popt.Events = f.events
	popt.Annotate = f.annotate
	popt.Logger = e.log
	if f.repeat > 0 {
		popt.Clean.RepeatThreshold = f.repeat
	}
	p := pipeline.New(st, popt)

	var bar *progressbar.ProgressBar
	if e.errTerm && !f.quiet && !f.json {
		total := ingest.TotalSize(paths)
		bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(e.Err),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSpinnerType(14),
		)
	}
	start := time.Now()
	read := 0
	observe := func(ev pipeline.Event) {
		if ev.Problem != nil {
			if bar != nil {
				bar.Clear()
			}
			fmt.Fprintf(e.Err, "refused: %s\n", ev.Problem.Error())
		}
		if bar == nil {
			return
		}
		if ev.Article != nil {
			read++
		}
		if ev.Bytes > 0 {
			bar.Add64(ev.Bytes)
		}
		if ev.Article != nil && read%50 == 0 {
			rate := float64(read) / time.Since(start).Seconds()
			bar.Describe(fmt.Sprintf("ingest %s articles (%.0f/s)", thousands(read), rate))
		}
	}
	iopt := ingest.Options{Format: f.format, Source: f.source, MaxFileSize: maxSize, Logger: e.log}
	sum, err := p.Ingest(ctx, paths, e.In, iopt, observe)
	if bar != nil {
		bar.Finish()
	}
	return sum, err
}

func (e *env) reportIngest(sum *pipeline.Summary, f ingestFlags) {
	if f.json {
		enc := json.NewEncoder(e.Out)
		enc.SetIndent("", "  ")
		out := struct {
			*pipeline.Summary
			RatePerSecond float64 `json:"articles_per_second"`
		}{sum, sum.Rate()}
		if out.Problems == nil {
			out.Problems = []pipeline.Problem{}
		}
		enc.Encode(out)
		return
	}
	if f.quiet {
		return
	}
	fmt.Fprintln(e.Err, ingestLine(sum))
}

// ingestLine is the one-line summary of an ingest run.
func ingestLine(sum *pipeline.Summary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "ingested %s (%s new, %s already held) in %.1fs, %s/s",
		plural(sum.Read, "article"), thousands(sum.Added), thousands(sum.Unchanged), sum.Seconds, thousands(int(sum.Rate()+0.5)))
	if sum.Refused > 0 {
		fmt.Fprintf(&b, "; %s refused", thousands(sum.Refused))
	}
	if len(sum.Removed) > 0 {
		kinds := make([]string, 0, len(sum.Removed))
		for k := range sum.Removed {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		parts := make([]string, len(kinds))
		for i, k := range kinds {
			parts[i] = fmt.Sprintf("%s %d", k, sum.Removed[k])
		}
		fmt.Fprintf(&b, "; removed %s", strings.Join(parts, ", "))
	}
	if sum.Recleaned > 0 {
		fmt.Fprintf(&b, "; %d earlier articles re-cleaned", sum.Recleaned)
	}
	return b.String()
}

// plural writes n and the noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// parseSize reads a byte size such as 500KB, 64MiB or 1GB.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(strings.ToUpper(s))
	units := []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			mult = u.mult
			t = strings.TrimSpace(strings.TrimSuffix(t, u.suffix))
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size (try 64MiB)", s)
	}
	return int64(n * float64(mult)), nil
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
