package cli

import (
	"bufio"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

func newEvalCompare(e *env) *cobra.Command {
	var data string
	var top, minOutlets int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "compare",
		Short: "Compare the PolNeAR events several outlets covered (a reading check, not a score)",
		Long: `Ingest PolNeAR's articles (train and dev, seven outlets covering the 2016 US
campaign) into a temporary store with their publishers and dates from
metadata.tsv, cluster them into events, and print the comparison of the
--top events the most outlets covered (at least --min-outlets). There is no
gold standard for a comparison: this is for reading the reports as a reader
would. The texts are read from --data and never copied.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return e.evalCompare(cmd.Context(), data, top, minOutlets, asJSON)
		},
	}
	cmd.Flags().StringVar(&data, "data", filepath.Join("..", "shared", "data", "polnear"), "the PolNeAR directory (metadata.tsv, train/, dev/)")
	cmd.Flags().IntVar(&top, "top", 3, "compare this many events")
	cmd.Flags().IntVar(&minOutlets, "min-outlets", 3, "only events this many outlets covered")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the reports as JSON lines")
	return cmd
}

func (e *env) evalCompare(ctx context.Context, data string, top, minOutlets int, asJSON bool) error {
	tmp, err := os.MkdirTemp("", "parallax-eval-compare-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	in := filepath.Join(tmp, "polnear.jsonl")
	n, err := polnearJSONL(data, in)
	if err != nil {
		return fmt.Errorf("eval compare: %w", err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(tmp, "polnear.db"), sqlite.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	popt := pipeline.DefaultOptions()
	popt.Events = true
	popt.Logger = e.log
	sum, err := pipeline.New(st, popt).Ingest(ctx, []string{in}, nil, ingest.Options{}, nil)
	if err != nil {
		return fmt.Errorf("eval compare: ingest: %w", err)
	}
	fmt.Fprintf(e.Err, "ingested %d of %d PolNeAR articles (%d refused)\n", sum.Added, n, sum.Refused)

	evs, err := st.Events(ctx, store.EventFilter{})
	if err != nil {
		return err
	}
	type cand struct {
		id      string
		outlets int
		arts    []compare.Article
	}
	var cands []cand
	for _, ev := range evs {
		if ev.Articles < minOutlets {
			continue
		}
		arts, err := coverage(ctx, st, ev.ID)
		if err != nil {
			return err
		}
		outlets := map[string]bool{}
		for _, a := range arts {
			outlets[a.Source] = true
		}
		if len(outlets) >= minOutlets {
			cands = append(cands, cand{ev.ID, len(outlets), arts})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(-cmp.Compare(a.outlets, b.outlets), -cmp.Compare(len(a.arts), len(b.arts)), cmp.Compare(a.id, b.id))
	})
	fmt.Fprintf(e.Err, "%d events, %d covered by %d or more outlets\n", len(evs), len(cands), minOutlets)
	enc := json.NewEncoder(e.Out)
	for i, c := range cands {
		if i == top {
			break
		}
		rep := compare.Compare(c.arts, compare.DefaultOptions())
		if asJSON {
			if err := enc.Encode(struct {
				Event  string          `json:"event"`
				Report *compare.Report `json:"report"`
			}{c.id, rep}); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(e.Out, "\n%s %s — %d outlets, %d articles\n\n", e.styles().bold("EVENT"), c.id, c.outlets, len(c.arts))
		if err := compare.Render(e.Out, rep, e.wideWidth()); err != nil {
			return err
		}
	}
	return nil
}

// polnearJSONL writes PolNeAR's train and dev texts as JSON lines with
// their publisher, date and title from metadata.tsv, and returns how many.
func polnearJSONL(data, out string) (int, error) {
	f, err := os.Open(filepath.Join(data, "metadata.tsv"))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	head, err := r.Read()
	if err != nil {
		return 0, fmt.Errorf("read metadata.tsv: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, c := range []string{"compartment", "filename", "publisher", "publication_date", "title"} {
		if _, ok := col[c]; !ok {
			return 0, fmt.Errorf("metadata.tsv: no %q column", c)
		}
	}
	w, err := os.Create(out)
	if err != nil {
		return 0, err
	}
	defer w.Close()
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	n := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return n, fmt.Errorf("read metadata.tsv: %w", err)
		}
		split := rec[col["compartment"]]
		if split != "train" && split != "dev" {
			continue
		}
		name := rec[col["filename"]]
		text, err := os.ReadFile(filepath.Join(data, split, "text", name+".txt"))
		if err != nil {
			continue // metadata for a text this copy of the corpus lacks
		}
		body := string(text)
		// The first line of each text is its headline.
		if i := strings.Index(body, "\n"); i > 0 {
			body = body[i+1:]
		}
		if err := enc.Encode(map[string]string{
			"id": name, "source": rec[col["publisher"]], "published": rec[col["publication_date"]],
			"title": rec[col["title"]], "text": strings.TrimSpace(body),
		}); err != nil {
			return n, err
		}
		n++
	}
	return n, bw.Flush()
}
