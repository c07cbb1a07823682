package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/profile"
	"github.com/parallax-news/parallax/internal/store"
)

// envProfiles names the source profiles file when --profiles is not given.
const envProfiles = "PARALLAX_PROFILES"

func newCompare(e *env) *cobra.Command {
	var (
		asJSON, byType bool
		profiles       string
		width          int
	)
	cmd := &cobra.Command{
		Use:   "compare ID",
		Short: "Put one event's or story's coverage side by side: claims, quotes, people, framing, timing",
		Long: `Compare how the outlets covered one event or story (an ID from 'parallax
events' or 'parallax stories'): copies folded into their original's voice;
claims aligned across outlets, with who carries each and who leaves it out;
who is quoted by whom, and the same quote cut differently; which people,
places and organisations each outlet names; loaded language, scare quotes,
hedges and intensifiers in each outlet's own voice (never inside quotation
marks), each with its sentence; and who reported first.

--profiles (or $PARALLAX_PROFILES) reads source profiles, YAML or CSV, that
describe outlets (type, country, owner, ratings with their sources): outlets
are matched by name, alias or host and marked with them; --group-by-type
orders them by type. Parallax ships no one's ratings: see
docs/profiles.example.yaml for the format.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opt := compare.DefaultOptions()
			opt.GroupByType = byType
			if profiles == "" {
				profiles = os.Getenv(envProfiles)
			}
			if profiles != "" {
				set, err := profile.Load(profiles)
				if err != nil {
					return &exitError{ExitUsage, fmt.Errorf("--profiles: %w", err)}
				}
				opt.Profiles = set
			}
			st, err := e.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer st.Close()
			arts, err := coverage(cmd.Context(), st, args[0])
			if err != nil {
				return err
			}
			rep := compare.Compare(arts, opt)
			if asJSON {
				return writeJSON(e.Out, rep)
			}
			if width <= 0 {
				width = e.wideWidth()
			}
			return compare.Render(e.Out, rep, width)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&asJSON, "json", false, "print the full comparison as JSON")
	fl.StringVar(&profiles, "profiles", "", "source profiles file, YAML or CSV (env "+envProfiles+")")
	fl.BoolVar(&byType, "group-by-type", false, "order outlets by their profile's type (wire, national, …)")
	fl.IntVar(&width, "width", 0, "columns to fit the report to (0: the terminal's width, or 120 when piped)")
	return cmd
}

// coverage loads the articles of an event or a story, with their events and
// copy status, as Compare takes them. The ID may name an event or a story
// (or an alias of one).
func coverage(ctx context.Context, st store.Store, id string) ([]compare.Article, error) {
	var events []store.Event
	switch ev, err := st.Event(ctx, id); {
	case err == nil:
		events = []store.Event{ev}
	case errors.Is(err, store.ErrNotFound):
		evs, serr := st.StoryEvents(ctx, id)
		if errors.Is(serr, store.ErrNotFound) {
			return nil, fmt.Errorf("no event or story %q (see parallax events, parallax stories; events need ingest --events)", id)
		}
		if serr != nil {
			return nil, serr
		}
		events = evs
	default:
		return nil, err
	}
	// Two queries, not two per article: the articles in arrival order
	// and their copy status.
	eventOf := map[string]string{}
	var ids []string
	for _, ev := range events {
		for _, aid := range ev.Members {
			eventOf[aid] = ev.ID
			ids = append(ids, aid)
		}
	}
	status, err := st.CopyStatuses(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("compare %s: %w", id, err)
	}
	var arts []compare.Article
	err = st.Each(ctx, store.Filter{IDs: ids}, func(a *article.Article) error {
		cs := status[a.ID]
		arts = append(arts, compare.FromArticle(a, eventOf[a.ID], cs.CopyOf, cs.Kind))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("compare %s: %w", id, err)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("%s holds no articles", id)
	}
	return arts, nil
}

// wideWidth is the terminal's full width, for side-by-side reports, or 120
// when Out is not a terminal.
func (e *env) wideWidth() int {
	if f, ok := e.Out.(*os.File); ok && e.outTerm {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 40 {
			return w
		}
	}
	return 120
}
