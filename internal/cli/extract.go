package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/ingest"
)

func newExtract(e *env) *cobra.Command {
	var pageURL string
	cmd := &cobra.Command{
		Use:   "extract FILE",
		Short: "Print what the HTML reader finds in one page, as JSON, storing nothing",
		Long: `Read one HTML page (a file, or - for standard input) and print the HTML
reader's result as JSON: title, byline, published, lang, site, url and text
(paragraphs separated by blank lines). Nothing is cleaned or stored: this is
the extraction as it is, for checking.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var r io.Reader = e.In
			name := args[0]
			if name != "-" {
				f, err := os.Open(name)
				if err != nil {
					return fmt.Errorf("extract: %w", err)
				}
				defer f.Close()
				r = f
			}
			x, err := ingest.Extract(cmd.Context(), io.LimitReader(r, ingest.DefaultMaxFileSize), pageURL)
			if err != nil {
				return fmt.Errorf("extract %s: %w", name, err)
			}
			return writeJSON(e.Out, x)
		},
	}
	cmd.Flags().StringVar(&pageURL, "url", "", "the address the page came from (resolves relative links, names the source)")
	return cmd
}

func newEval(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure Parallax against labelled data",
	}
	cmd.AddCommand(newEvalExtraction(e), newEvalCopies(e), newEvalQuotes(e))
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
			if asJSON {
				return writeJSON(e.Out, rep)
			}
			return rep.Write(e.Out)
		},
	}
	cmd.Flags().StringVar(&dir, "data", filepath.Join("..", "shared", "data", "extraction"), "the extraction data directory")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the full report as JSON")
	cmd.Flags().BoolVar(&noClean, "no-clean", false, "score the extraction without cleaning")
	return cmd
}
