package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

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
