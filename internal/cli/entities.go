package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/ingest"
)

// readTextArg reads one text file (or - for stdin) exactly as it is, for
// the commands that report offsets into it.
func (e *env) readTextArg(cmd, name string) (string, error) {
	var r io.Reader = e.In
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", fmt.Errorf("%s: %w", cmd, err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, ingest.DefaultMaxFileSize+1))
	if err != nil {
		return "", fmt.Errorf("%s: read %s: %w", cmd, name, err)
	}
	if len(data) > ingest.DefaultMaxFileSize {
		return "", fmt.Errorf("%s: %s is larger than %d bytes", cmd, name, ingest.DefaultMaxFileSize)
	}
	if !utf8.Valid(data) {
		return "", fmt.Errorf("%s: %s is not valid UTF-8", cmd, name)
	}
	return string(data), nil
}

func newEntities(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "entities FILE",
		Short: "Print the named entities of one text file as JSON lines",
		Long: `Read one text file (or - for standard input) exactly as it is, without
cleaning, and print its named entities as JSON lines: the mention, its type
(person, org, place, misc), its canonical name within the text, and its span
as code-point offsets into the file's text; titled names carry their role, and
mentions by role alone ("the Russian foreign minister") are marked nominal
with the person they resolve to. Nothing is stored.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := e.readTextArg("entities", args[0])
			if err != nil {
				return err
			}
			enc := json.NewEncoder(e.Out)
			enc.SetEscapeHTML(false)
			for _, m := range entity.Default().Extract(text) {
				if err := enc.Encode(m); err != nil {
					return fmt.Errorf("entities: %w", err)
				}
			}
			return nil
		},
	}
}

// entityReport prints an entity evaluation.
type entityReport struct{ entity.Report }

func (r entityReport) Write(w io.Writer) error {
	_, err := io.WriteString(w, r.String())
	return err
}

func newEvalEntities(e *env) *cobra.Command {
	var gold, seeds string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "Score named entities against the hand-annotated gold set (demo corpus and seeds)",
		Long: `Score the entity stage against our hand-annotated gold set: the demo corpus's
articles and the two seed articles (whose text is read from --seeds; without
it the demo articles are scored alone). Prints precision, recall and F1 per
type by exact span and type, canonical-name accuracy over matched mentions,
and role mentions ("the minister") resolved to the right person; then the
same for the held-out set (our own articles, annotated before the rules were
fixed against them).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rep, err := entity.EvaluateGold(entity.Default(), gold, seeds)
			if err != nil && rep.Docs == 0 {
				return fmt.Errorf("eval entities: %w", err)
			}
			if err != nil {
				fmt.Fprintf(e.Err, "note: %v\n", err)
			}
			held, err := entity.EvaluateHeldout(entity.Default(), gold)
			if err != nil {
				return fmt.Errorf("eval entities: held-out set: %w", err)
			}
			if asJSON {
				return writeJSON(e.Out, map[string]entity.Report{"gold": rep, "heldout": held})
			}
			fmt.Fprintln(e.Out, "gold set (demo corpus and seeds; the rules were written against it):")
			if err := e.report(entityReport{rep}, false); err != nil {
				return err
			}
			fmt.Fprintln(e.Out, "\nheld-out set (articles annotated before the rules were fixed against them):")
			return e.report(entityReport{held}, false)
		},
	}
	cmd.Flags().StringVar(&gold, "gold", filepath.Join("internal", "entity", "testdata", "gold"), "the gold set directory")
	cmd.Flags().StringVar(&seeds, "seeds", filepath.Join("..", "shared", "data", "seeds"), "the seed articles' directory")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	return cmd
}
