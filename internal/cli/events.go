package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/store"
)

func newEvents(e *env) *cobra.Command {
	var asJSON bool
	var limit int
	var story string
	cmd := &cobra.Command{
		Use:   "events",
		Short: "List events: articles about one happening, the most recent first",
		Long: `List the events clustering found, the most recent first: each with its label
(key names and terms), the span of its articles' published times, how many
articles it holds, and the story it belongs to.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if limit < 0 {
				return &exitError{code: ExitUsage, err: fmt.Errorf("--limit %d: want 0 or more", limit)}
			}
			st, err := e.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer st.Close()
			evs, err := st.Events(cmd.Context(), store.EventFilter{Story: story, Limit: limit})
			if err != nil {
				return err
			}
			if asJSON {
				if evs == nil {
					evs = []store.Event{}
				}
				return writeJSON(e.Out, evs)
			}
			if len(evs) == 0 {
				fmt.Fprintln(e.Err, "no events found "+noEventsHint)
				return nil
			}
			s := e.styles()
			t := newTable(e.Out)
			t.row(s.bold("EVENT"), s.bold("SPAN"), s.bold("ARTICLES"), s.bold("STORY"), s.bold("LABEL"))
			for _, ev := range evs {
				t.row(ev.ID, span(ev.First, ev.Last), strconv.Itoa(ev.Articles), ev.Story, truncate(ev.Label, 70))
			}
			t.flush()
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&limit, "limit", 50, "at most this many (0: all)")
	cmd.Flags().StringVar(&story, "story", "", "only the events of this story")
	return cmd
}

// noEventsHint explains an empty listing.
const noEventsHint = "(events and stories are assigned at ingest unless it ran with --events=false; 'parallax recluster' assigns them to what is held)"

func newStories(e *env) *cobra.Command {
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List stories: events that follow one another, the most recent first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if limit < 0 {
				return &exitError{code: ExitUsage, err: fmt.Errorf("--limit %d: want 0 or more", limit)}
			}
			st, err := e.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer st.Close()
			ss, err := st.Stories(cmd.Context(), limit)
			if err != nil {
				return err
			}
			if asJSON {
				if ss == nil {
					ss = []store.Story{}
				}
				return writeJSON(e.Out, ss)
			}
			if len(ss) == 0 {
				fmt.Fprintln(e.Err, "no stories found "+noEventsHint)
				return nil
			}
			s := e.styles()
			t := newTable(e.Out)
			t.row(s.bold("STORY"), s.bold("SPAN"), s.bold("EVENTS"), s.bold("ARTICLES"), s.bold("LABEL"))
			for _, x := range ss {
				t.row(x.ID, span(x.First, x.Last), strconv.Itoa(x.Events), strconv.Itoa(x.Articles), truncate(x.Label, 70))
			}
			t.flush()
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&limit, "limit", 50, "at most this many (0: all)")
	return cmd
}

func newStory(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "story ID",
		Short: "Show one story: its events in time order, each with its articles",
		Long: `Show one story: its events in time order, each with its articles and their
outlets. Full copies are marked and count as their original's voice.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := e.open(ctx, true)
			if err != nil {
				return err
			}
			defer st.Close()
			v, err := storyOf(ctx, st, args[0])
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no story %q in %s", args[0], e.dbPath)
			}
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(e.Out, v)
			}
			e.printStory(v, true)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// storyView is a story as `parallax story` shows it.
type storyView struct {
	store.Story
	// Voices counts its articles with each copy group counted once.
	Voices    int              `json:"voices"`
	EventList []storyEventView `json:"event_list"`
}

type storyEventView struct {
	ID       string             `json:"id"`
	Label    string             `json:"label"`
	First    time.Time          `json:"first,omitzero"`
	Last     time.Time          `json:"last,omitzero"`
	Voices   int                `json:"voices"`
	Articles []storyArticleView `json:"articles"`
}

type storyArticleView struct {
	ID        string    `json:"id"`
	Source    string    `json:"source"`
	Title     string    `json:"title"`
	Published time.Time `json:"published,omitzero"`
	// CopyOf is set for a full copy: it speaks with its original's voice.
	CopyOf string `json:"copy_of,omitempty"`
	Voice  string `json:"voice"`
}

// storyOf reads a story with its events and their articles.
func storyOf(ctx context.Context, st store.Store, id string) (storyView, error) {
	s, err := st.Story(ctx, id)
	if err != nil {
		return storyView{}, err
	}
	evs, err := st.StoryEvents(ctx, s.ID)
	if err != nil {
		return storyView{}, err
	}
	v := storyView{Story: s, EventList: []storyEventView{}}
	voices := map[string]bool{}
	for _, ev := range evs {
		ev := storyEventView{ID: ev.ID, Label: ev.Label, First: ev.First, Last: ev.Last, Articles: []storyArticleView{}}
		full, err := st.Event(ctx, ev.ID)
		if err != nil {
			return v, err
		}
		evVoices := map[string]bool{}
		for _, aid := range full.Members {
			a, err := st.Get(ctx, aid)
			if err != nil {
				return v, fmt.Errorf("article %s of event %s: %w", aid, ev.ID, err)
			}
			cs, err := st.CopyStatus(ctx, aid)
			if err != nil {
				return v, err
			}
			av := storyArticleView{ID: a.ID, Source: a.Source, Title: a.Title, Published: a.Published, Voice: cs.Voice}
			if cs.Kind == "full" {
				av.CopyOf = cs.CopyOf
			}
			evVoices[cs.Voice], voices[cs.Voice] = true, true
			ev.Articles = append(ev.Articles, av)
		}
		ev.Voices = len(evVoices)
		v.EventList = append(v.EventList, ev)
	}
	v.Voices = len(voices)
	return v, nil
}

// printStory prints a story's events, and with articles their articles.
func (e *env) printStory(v storyView, articles bool) {
	s := e.styles()
	fmt.Fprintf(e.Out, "%s %s  %s — %d events, %d articles, %d voices\n", s.bold("story"), v.ID, span(v.First, v.Last), len(v.EventList), v.Articles, v.Voices)
	fmt.Fprintf(e.Out, "  %s\n", truncate(v.Label, 90))
	for _, ev := range v.EventList {
		fmt.Fprintf(e.Out, "  %s %s  %s — %d articles, %d voices: %s\n", s.bold("event"), ev.ID, span(ev.First, ev.Last), len(ev.Articles), ev.Voices, truncate(ev.Label, 60))
		if !articles {
			continue
		}
		for _, a := range ev.Articles {
			mark := ""
			if a.CopyOf != "" {
				mark = s.dim(" (copy of " + a.CopyOf + ")")
			}
			fmt.Fprintf(e.Out, "    %-22s %-10s %s  %s%s\n", truncate(a.Source, 22), dateOrDash(a.Published), s.dim(a.ID), truncate(a.Title, 60), mark)
		}
	}
}

// span formats a time span by day: one day, two, or "-" when undated.
func span(first, last time.Time) string {
	a, b := dateOrDash(first), dateOrDash(last)
	if a == b {
		return a
	}
	return a + " – " + b
}
