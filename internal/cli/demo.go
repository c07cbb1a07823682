package cli

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/demo"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

func newDemo(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Ingest the built-in fictional corpus into a fresh store and show what Parallax finds",
		Long: `Ingest Parallax's own fictional news corpus (several invented outlets covering
multi-event stories, with reposts, appended bios, sign-up lines, captions and
credits, in JSON lines, HTML, RSS and plain text) and show what Parallax
found. The store is a temporary file unless --db is given.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return e.runDemo(cmd.Context(), cmd.Flags().Changed("db"))
		},
	}
	return cmd
}

func (e *env) runDemo(ctx context.Context, keepDB bool) error {
	tmp, err := os.MkdirTemp("", "parallax-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "corpus")
	paths, err := demo.WriteTo(dir)
	if err != nil {
		return fmt.Errorf("demo: write corpus: %w", err)
	}
	truth, err := demo.LoadTruth()
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	dbPath := e.dbPath
	if !keepDB {
		dbPath = filepath.Join(tmp, "demo.db")
	}
	st, err := sqlite.Open(ctx, dbPath, sqlite.Options{Logger: e.log.With(logKeyComp, "store")})
	if err != nil {
		return fmt.Errorf("demo: open store %s: %w", dbPath, err)
	}
	defer st.Close()

	s := e.styles()
	fmt.Fprintln(e.Out, s.bold("Parallax demo")+": a fictional news world, ingested from JSON lines, HTML pages, an RSS feed and plain text.")
	fmt.Fprintln(e.Out)
	// One file at a time, in the corpus's arrival order, so that plain
	// text, which names no outlet, gets the outlet the answer key gives.
	sum := &pipeline.Summary{Removed: map[string]int{}}
	popt := pipeline.DefaultOptions()
	popt.Events = true
	popt.Logger = e.log
	var wires []string
	for _, o := range truth.Outlets {
		if o.Kind == "wire" {
			wires = append(wires, o.Name)
		}
	}
	popt.IsWire = pipeline.WireSet(wires)
	p := pipeline.New(st, popt)
	for _, path := range paths {
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		iopt := ingest.Options{Source: truth.FileSource(filepath.ToSlash(rel)), Logger: e.log}
		s1, err := p.Ingest(ctx, []string{path}, nil, iopt, nil)
		if err != nil {
			return fmt.Errorf("demo: ingest %s: %w", rel, err)
		}
		sum.Add(s1)
	}
	fmt.Fprintln(e.Out, ingestLine(sum))
	for _, p := range sum.Problems {
		fmt.Fprintf(e.Out, "  refused: %s\n", p)
	}
	fmt.Fprintln(e.Out)

	stats, err := st.Stats(ctx)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintln(e.Out, s.bold("Outlets"))
	e.printStats(stats)
	fmt.Fprintln(e.Out)

	if err := e.demoCleaning(ctx, st); err != nil {
		return err
	}
	groups, err := copyGroups(ctx, st)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(e.Out, "%s: %d groups of full copies; %d articles are %d independent voices\n", s.bold("Copies"), len(groups), stats.Articles, stats.Voices)
	e.printCopyGroups(groups)
	if err := e.demoStories(ctx, st); err != nil {
		return err
	}
	if err := e.demoPeople(ctx, st); err != nil {
		return err
	}
	if err := e.demoCompare(ctx, st); err != nil {
		return err
	}
	if err := e.demoSearch(ctx, st); err != nil {
		return err
	}

	fmt.Fprintln(e.Out, s.bold("Try next"))
	db := "--db " + dbPath
	if !keepDB {
		db = "--db demo.db"
		fmt.Fprintln(e.Out, "  (this store was temporary; keep one with: parallax demo --db demo.db)")
	}
	for _, c := range []string{"list", "search \"Ves Strait\"", "copies", "copies show ID", "stories", "story ID", "compare ID", "who Velescu", "export --format jsonl", "stats"} {
		fmt.Fprintf(e.Out, "  parallax %s %s\n", db, c)
	}
	return nil
}

// demoStories lists each story found with its events.
func (e *env) demoStories(ctx context.Context, st store.Store) error {
	s := e.styles()
	stories, err := st.Stories(ctx, 0)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	events, err := st.Events(ctx, store.EventFilter{})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(e.Out, "%s: %d stories of %d events, found by clustering the articles as they arrived\n", s.bold("Stories"), len(stories), len(events))
	for _, x := range stories {
		v, err := storyOf(ctx, st, x.ID)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		e.printStory(v, false)
		fmt.Fprintln(e.Out)
	}
	return nil
}

// demoCleaning shows, per article, what cleaning took out and kept aside.
func (e *env) demoCleaning(ctx context.Context, st store.Store) error {
	s := e.styles()
	fmt.Fprintln(e.Out, s.bold("Cleaning")+": what is not the reporting left the body; captions and credits were kept as metadata")
	var rows []*article.Article
	err := st.Each(ctx, store.Filter{}, func(a *article.Article) error {
		if len(a.Removed) > 0 {
			rows = append(rows, a)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Source < rows[j].Source })
	for _, a := range rows {
		fmt.Fprintf(e.Out, "  %s %s\n", s.dim(a.Source+":"), truncate(a.Title, 80))
		for _, r := range a.Removed {
			label := string(r.Kind)
			switch r.Kind {
			case article.KindCaption:
				label = "caption, kept"
			case article.KindCredit:
				label = "credit, kept"
			}
			fmt.Fprintf(e.Out, "      %-16s %s\n", "["+label+"]", truncate(r.Text, 72))
		}
	}
	fmt.Fprintln(e.Out)
	return nil
}

// demoSearch runs a few searches a reader of the corpus would try.
func (e *env) demoSearch(ctx context.Context, st store.Store) error {
	s := e.styles()
	for _, q := range demo.Searches() {
		hits, err := st.Search(ctx, store.Query{Text: q, Limit: 3})
		if err != nil {
			return fmt.Errorf("demo: search %q: %w", q, err)
		}
		fmt.Fprintf(e.Out, "%s %s\n", s.bold("Search"), q)
		for _, h := range hits {
			fmt.Fprintf(e.Out, "  %s  %s\n", s.dim(fmt.Sprintf("%-22s %s", h.Source, dateOrDash(h.Published))), truncate(h.Title, 70))
			fmt.Fprintf(e.Out, "      %s\n", s.mark(truncate(h.Snippet, 110)))
		}
		fmt.Fprintln(e.Out)
	}
	return nil
}

// demoPeople lists who is quoted most, by how many outlets.
func (e *env) demoPeople(ctx context.Context, st store.Store) error {
	s := e.styles()
	type who struct {
		quotes  int
		outlets map[string]bool
	}
	people := map[string]*who{}
	err := st.Each(ctx, store.Filter{}, func(a *article.Article) error {
		for _, q := range a.Quotes {
			if q.Scare || q.Speaker == "" {
				continue
			}
			names := q.Speakers
			if len(names) == 0 {
				names = []string{q.Speaker}
			}
			for _, n := range names {
				w := people[n]
				if w == nil {
					w = &who{outlets: map[string]bool{}}
					people[n] = w
				}
				w.quotes++
				w.outlets[a.Source] = true
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	names := make([]string, 0, len(people))
	for n := range people {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(-cmp.Compare(people[a].quotes, people[b].quotes), cmp.Compare(a, b))
	})
	fmt.Fprintf(e.Out, "%s: who is quoted most (people and organisations; pronouns, roles and groups resolved to them)\n", s.bold("Quoted"))
	t := newTable(e.Out)
	t.row("", s.bold("QUOTED"), s.bold("OUTLETS"))
	for _, n := range names[:min(8, len(names))] {
		t.row("  "+stripControl(n), fmt.Sprint(people[n].quotes), fmt.Sprint(len(people[n].outlets)))
	}
	t.flush()
	fmt.Fprintln(e.Out)
	return nil
}

// demoCompare compares the story most outlets covered.
func (e *env) demoCompare(ctx context.Context, st store.Store) error {
	s := e.styles()
	stories, err := st.Stories(ctx, 0)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	var best []compare.Article
	bestOutlets, bestID := 0, ""
	for _, x := range stories {
		arts, err := coverage(ctx, st, x.ID)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		outlets := map[string]bool{}
		for _, a := range arts {
			outlets[a.Source] = true
		}
		if len(outlets) > bestOutlets {
			best, bestOutlets, bestID = arts, len(outlets), x.ID
		}
	}
	if best == nil {
		return nil
	}
	opt := compare.DefaultOptions()
	if opt.Profiles, err = demo.Profiles(); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(e.Out, "%s of story %s, which %d outlets covered (parallax compare %s; the demo outlets' profiles from the corpus)\n\n", s.bold("Coverage compared"), bestID, bestOutlets, bestID)
	// The outlets, the claims they share and their framing; the whole
	// report is one command away.
	if err := compare.RenderSections(e.Out, compare.Compare(best, opt), e.wideWidth(),
		compare.SectionOutlets, compare.SectionShared, compare.SectionFraming); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(e.Out, "\n(the whole report, with the claims only one outlet carries, quotes, names and timing: parallax compare %s)\n\n", bestID)
	return nil
}
