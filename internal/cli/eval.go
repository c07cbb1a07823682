package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/eval"
)

func newEval(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure Parallax against labelled data",
	}
	cmd.AddCommand(newEvalExtraction(e), newEvalCopies(e), newEvalQuotes(e), newEvalCluster(e), newEvalEntities(e), newEvalCompare(e))
	return cmd
}

func newEvalExtraction(e *env) *cobra.Command {
	var dir string
	var asJSON, noClean bool
	cmd := &cobra.Command{
		Use:   "extraction",
		Short: "Score HTML extraction: shingle F1, snippet hit rates, title, byline and date accuracy",
		Long: `Score main-text extraction and metadata against a directory laid out like
../shared/data/extraction: readability-pages/*/{source.html, expected.html,
expected-metadata.json} and trafilatura-eval/{evaldata.json, html/}.

Text is scored by 4-gram word shingles (precision, recall, F1, mean over
pages); snippets by the share of "with" snippets found and "without" snippets
kept out; metadata by title, byline and date accuracy. By default the text is
cleaned as ingest cleans it; --no-clean scores the raw extraction.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := os.Stat(dir); err != nil {
				return fmt.Errorf("eval extraction: %w (give --data DIR)", err)
			}
			opt := eval.ExtractionOptions{}
			if !noClean {
				c := clean.New(clean.DefaultOptions())
				opt.Clean = func(a *article.Article) { c.Clean(a) }
			}
			rep, err := eval.Extraction(cmd.Context(), dir, opt)
			if err != nil {
				return fmt.Errorf("eval extraction: %w", err)
			}
			return e.report(rep, asJSON)
		},
	}
	cmd.Flags().StringVar(&dir, "data", filepath.Join("..", "shared", "data", "extraction"), "the extraction data directory")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the full report as JSON")
	cmd.Flags().BoolVar(&noClean, "no-clean", false, "score the extraction without cleaning")
	return cmd
}

func newEvalCopies(e *env) *cobra.Command {
	var opt eval.CopiesOptions
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "copies",
		Short: "Score copy detection on copies made from real DUC 2006 articles",
		Long: `Build a labelled set from DUC 2006 articles, with copies made the way the web
makes them (verbatim plus a bio; a new headline and the text trimmed; wrapped
in sign-up and share lines with a wire credit; lightly edited with a paragraph
of commentary; two or three paragraphs quoted in another article), some
arriving before their originals, among all other DUC articles; run the
detector in arrival order and print pair precision and recall per kind and
how often the original is named right. --split picks the half of the DUC
topics (dev or test), --seed the draw.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rep, err := eval.Copies(cmd.Context(), opt)
			if err != nil {
				return fmt.Errorf("eval copies: %w", err)
			}
			return e.report(rep, asJSON)
		},
	}
	cmd.Flags().StringVar(&opt.Data, "data", filepath.Join("..", "shared", "data", "duc2006"), "the DUC 2006 directory (with duc2006.jsonl)")
	cmd.Flags().StringVar(&opt.Split, "split", "dev", "dev or test: which half of the DUC topics")
	cmd.Flags().Uint64Var(&opt.Seed, "seed", 1, "the seed of the draw")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the full report as JSON")
	return cmd
}

func newEvalQuotes(e *env) *cobra.Command {
	var opt eval.QuotesOptions
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "Score attribution extraction against PolNeAR: source, cue and content spans, speakers",
		Long: `Score attribution extraction against PolNeAR standoff annotations (one
annotation file per article, the first by name): for each of source, cue and
content, exact-match and overlap precision, recall and F1, plus speaker
resolution accuracy where the gold source names someone.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rep, err := eval.Quotes(cmd.Context(), opt)
			if err != nil {
				return fmt.Errorf("eval quotes: %w", err)
			}
			return e.report(rep, asJSON)
		},
	}
	cmd.Flags().StringVar(&opt.Data, "data", filepath.Join("..", "shared", "data", "polnear"), "the PolNeAR directory (with train/ and dev/)")
	cmd.Flags().StringVar(&opt.Split, "split", "dev", "train or dev")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the full report as JSON")
	return cmd
}

func newEvalCluster(e *env) *cobra.Command {
	var opt eval.ClusterOptions
	var asJSON, fast bool
	var optFile string
	cmd := &cobra.Command{
		Use:   "cluster",
		Short: "Score event and story clustering, through ingest, against a labelled JSON-lines file",
		Long: `Ingest a labelled JSON-lines file (fields id, title, text, published, source
and the label field) into a fresh temporary store, with events on, and print
B-cubed precision, recall and F1 and pairwise F1 of the stored events or
stories against the label. It runs file order, published order (when the
file has times: the order news arrives in) and --shuffle random orders, each
into its own store, and prints the mean and spread over file order and the
shuffles. --label story scores the story level; any other label scores
events.

Each order goes through the product's path: the ingest reader, cleaning,
copy detection (a copy joins its original's event), the entity stage, the
clusterer and the store, which drops a record whose id it already holds (the
line is scored as the stored twin). --entities=false runs without the
entity stage (capitalised spans, as ingest --annotate=false); --options
FILE.json tries other cluster parameters.

--fast skips ingest: the texts are vectorised once and the clusterer runs
over them in memory per order, as the tuning sweeps do. It is several times
faster, but it does not clean, detect copies or drop held ids.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opt.Gold == "" {
				return &exitError{ExitUsage, fmt.Errorf("--gold FILE is required")}
			}
			params, err := clusterParams(optFile)
			if err != nil {
				return &exitError{ExitUsage, err}
			}
			opt.Params, opt.Ingest, opt.Logger = params, !fast, e.log
			rep, err := eval.Cluster(cmd.Context(), opt)
			if err != nil {
				return fmt.Errorf("eval cluster: %w", err)
			}
			return e.report(rep, asJSON)
		},
	}
	cmd.Flags().StringVar(&opt.Gold, "gold", "", "the labelled JSON-lines file")
	cmd.Flags().StringVar(&opt.Label, "label", "event", "the field holding the gold cluster")
	cmd.Flags().IntVar(&opt.Shuffle, "shuffle", 0, "also run this many random arrival orders")
	cmd.Flags().Uint64Var(&opt.Seed, "seed", 1, "the seed of the shuffles")
	cmd.Flags().BoolVar(&opt.Entities, "entities", true, "run the entity stage and cluster on its canonical names, as ingest does (false: capitalised spans)")
	cmd.Flags().BoolVar(&fast, "fast", false, "cluster in memory instead of ingesting (no cleaning, copies or held ids; faster)")
	cmd.Flags().StringVar(&optFile, "options", "", "JSON file of cluster parameters (any subset of what 'parallax recluster --print-options' prints)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the full report as JSON")
	return cmd
}

// clusterParams returns the default cluster parameters overlaid with the
// JSON file path names ("": none), validated.
func clusterParams(path string) (cluster.Options, error) {
	params := cluster.DefaultOptions()
	if path == "" {
		return params, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return params, fmt.Errorf("--options: %w", err)
	}
	if err := json.Unmarshal(data, &params); err != nil {
		return params, fmt.Errorf("--options %s: %w", path, err)
	}
	if err := params.Validate(); err != nil {
		return params, fmt.Errorf("--options %s: %w", path, err)
	}
	return params, nil
}

// report prints an evaluation report: as a table, or as JSON.
func (e *env) report(rep interface{ Write(io.Writer) error }, asJSON bool) error {
	if asJSON {
		return writeJSON(e.Out, rep)
	}
	return rep.Write(e.Out)
}
