package cli

import (
	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/annotate"
	"github.com/parallax-news/parallax/internal/entity"
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
role or a group, or names an organisation or country (people, organisations
and places come from the entity stage, as at ingest). Nothing is stored.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := e.readTextArg("quotes", args[0])
			if err != nil {
				return err
			}
			return quote.WriteJSONL(e.Out, text, annotate.Attributions(text, entity.Default().Extract(text), quote.Options{}))
		},
	}
}
