package cli

import (
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/quote"
)

func newQuotes(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "quotes FILE",
		Short: "Print the attributions (who said what) of one text file as JSON lines",
		Long: `Read one text file (or - for standard input) exactly as it is, without
cleaning, and print its attributions as JSON lines: source, cue and content
spans as code-point offsets into the file's text, whether the quote is direct
or a scare quote, and the speaker resolved where the source is a pronoun, a
role or a group. Nothing is stored.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var r io.Reader = e.In
			if args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return fmt.Errorf("quotes: %w", err)
				}
				defer f.Close()
				r = f
			}
			data, err := io.ReadAll(io.LimitReader(r, ingest.DefaultMaxFileSize+1))
			if err != nil {
				return fmt.Errorf("quotes: read %s: %w", args[0], err)
			}
			if len(data) > ingest.DefaultMaxFileSize {
				return fmt.Errorf("quotes: %s is larger than %d bytes", args[0], ingest.DefaultMaxFileSize)
			}
			if !utf8.Valid(data) {
				return fmt.Errorf("quotes: %s is not valid UTF-8", args[0])
			}
			text := string(data)
			return quote.WriteJSONL(e.Out, text, quote.Extract(text, quote.Options{}))
		},
	}
}
