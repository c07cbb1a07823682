package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/pipeline"
)

func newRecluster(e *env) *cobra.Command {
	var (
		asJSON, published, dryRun bool
		optFile                   string
		eventThreshold, storyThr  float64
		quiet                     bool
		moves                     int
	)
	cmd := &cobra.Command{
		Use:   "recluster",
		Short: "Re-run event and story clustering over the whole store, and report what moved",
		Long: `Re-run event and story clustering over every stored article, in arrival order
(or --published order), with the default parameters or those given, and
replace the store's events and stories in one transaction.

IDs stay as stable as the new grouping allows: each new event or story takes
the old ID it shares the most articles with; one that matches none gets a
fresh ID; an old ID left over becomes an alias of the new cluster holding most
of its articles, so every ID shown before still leads somewhere. The
parameters are saved with the clusterer's state: later ingests go on with them.

--options reads a JSON file of cluster parameters (any subset of the fields
that 'parallax recluster --print-options' prints); --event-threshold and
--story-threshold override single values.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opt := cluster.DefaultOptions()
			if optFile != "" {
				data, err := os.ReadFile(optFile)
				if err != nil {
					return &exitError{ExitUsage, fmt.Errorf("--options: %w", err)}
				}
				if err := json.Unmarshal(data, &opt); err != nil {
					return &exitError{ExitUsage, fmt.Errorf("--options %s: %w", optFile, err)}
				}
			}
			if cmd.Flags().Changed("event-threshold") {
				opt.EventThreshold = eventThreshold
			}
			if cmd.Flags().Changed("story-threshold") {
				opt.StoryThreshold = storyThr
			}
			if err := opt.Validate(); err != nil {
				return &exitError{ExitUsage, err}
			}
			if cmd.Flags().Changed("print-options") {
				return writeJSON(e.Out, opt)
			}
			st, err := e.open(cmd.Context(), dryRun)
			if err != nil {
				return err
			}
			defer st.Close()
			ropt := pipeline.ReclusterOptions{Cluster: opt, Published: published, DryRun: dryRun, MaxMoves: moves, Logger: e.log}
			var bar *progressbar.ProgressBar
			if e.errTerm && !quiet && !asJSON {
				ropt.Progress = func(done, total int) {
					if bar == nil {
						bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(e.Err),
							progressbar.OptionSetDescription("recluster"), progressbar.OptionSetWidth(30),
							progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish(),
							progressbar.OptionShowCount())
					}
					bar.Set(done)
				}
			}
			rep, err := pipeline.Recluster(cmd.Context(), st, ropt)
			if bar != nil {
				bar.Finish()
			}
			if err != nil {
				return err
			}
			if asJSON {
				if rep.Moves == nil {
					rep.Moves = []pipeline.Move{}
				}
				return writeJSON(e.Out, rep)
			}
			e.printRecluster(rep)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&asJSON, "json", false, "print the report as JSON")
	fl.BoolVar(&published, "published", false, "run in published order (undated articles last) instead of arrival order")
	fl.BoolVar(&dryRun, "dry-run", false, "report what would move without changing the store")
	fl.StringVar(&optFile, "options", "", "JSON file of cluster parameters")
	fl.Float64Var(&eventThreshold, "event-threshold", 0, "similarity at which an article joins an event")
	fl.Float64Var(&storyThr, "story-threshold", 0, "similarity at which a new event joins a story")
	fl.BoolVarP(&quiet, "quiet", "q", false, "no progress bar")
	fl.IntVar(&moves, "moves", 20, "list at most this many moved articles")
	fl.Bool("print-options", false, "print the parameters that would be used, as JSON, and stop")
	return cmd
}

func (e *env) printRecluster(r *pipeline.ReclusterReport) {
	s := e.styles()
	verb := "reclustered"
	if r.DryRun {
		verb = "dry run (nothing changed):"
	}
	fmt.Fprintf(e.Out, "%s %s articles in %.1fs\n", verb, thousands(r.Articles), r.Seconds)
	t := newTable(e.Out)
	t.row("", s.bold("BEFORE"), s.bold("AFTER"), s.bold("KEPT ID"), s.bold("NEW ID"), s.bold("RETIRED ID"))
	t.row("events", fmt.Sprint(r.EventsBefore), fmt.Sprint(r.EventsAfter), fmt.Sprint(r.EventsKept), fmt.Sprint(r.EventsNew), fmt.Sprint(r.EventsRetired))
	t.row("stories", fmt.Sprint(r.StoriesBefore), fmt.Sprint(r.StoriesAfter), fmt.Sprint(r.StoriesKept), fmt.Sprint(r.StoriesNew), fmt.Sprint(r.StoriesRetired))
	t.flush()
	fmt.Fprintf(e.Out, "moved: %d articles changed event, %d changed story", r.MovedEvent, r.MovedStory)
	if r.Unplaced > 0 {
		fmt.Fprintf(e.Out, "; %d had none before", r.Unplaced)
	}
	fmt.Fprintln(e.Out)
	if len(r.Moves) == 0 {
		return
	}
	fmt.Fprintln(e.Out)
	t = newTable(e.Out)
	t.row(s.bold("ARTICLE"), s.bold("EVENT"), s.bold("STORY"), s.bold("SOURCE"), s.bold("TITLE"))
	for _, m := range r.Moves {
		ev, st := m.ToEvent, m.ToStory
		if m.FromEvent != m.ToEvent {
			ev = m.FromEvent + " → " + m.ToEvent
		}
		if m.FromStory != m.ToStory {
			st = m.FromStory + " → " + m.ToStory
		}
		t.row(m.Article, ev, st, truncate(stripControl(m.Source), 20), truncate(stripControl(m.Title), 50))
	}
	t.flush()
	if n := r.MovedEvent; n > len(r.Moves) {
		fmt.Fprintf(e.Out, "… and %d more (--moves N or --json to see them)\n", n-len(r.Moves))
	}
}
