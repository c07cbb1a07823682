package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/store"
)

// filterFlags are the filters list, search and export share.
type filterFlags struct {
	sources  []string
	from, to string
	lang     string
	limit    int
}

func (f *filterFlags) add(fl *pflag.FlagSet, limit int) {
	fl.StringSliceVar(&f.sources, "source", nil, "only these outlets (repeat or comma-separate)")
	fl.StringVar(&f.from, "from", "", "published on or after (YYYY-MM-DD or RFC 3339)")
	fl.StringVar(&f.to, "to", "", "published before (YYYY-MM-DD, a whole day included, or RFC 3339)")
	fl.StringVar(&f.lang, "lang", "", "only this language (ISO 639-1, e.g. en)")
	fl.IntVar(&f.limit, "limit", limit, "at most this many (0: all)")
}

func (f *filterFlags) filter() (store.Filter, error) {
	sf := store.Filter{Sources: f.sources, Lang: strings.ToLower(f.lang), Limit: f.limit}
	var err error
	if sf.From, _, err = parseDate(f.from); err != nil {
		return sf, &exitError{ExitUsage, fmt.Errorf("--from: %w", err)}
	}
	var day bool
	if sf.To, day, err = parseDate(f.to); err != nil {
		return sf, &exitError{ExitUsage, fmt.Errorf("--to: %w", err)}
	}
	if day {
		sf.To = sf.To.AddDate(0, 0, 1) // --to 2019-05-14 includes that day
	}
	if f.limit < 0 {
		return sf, &exitError{ExitUsage, errors.New("--limit must be 0 or more")}
	}
	return sf, nil
}

// parseDate reads YYYY-MM-DD (day == true) or RFC 3339.
func parseDate(s string) (t time.Time, day bool, err error) {
	if s == "" {
		return time.Time{}, false, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, false, nil
	}
	return time.Time{}, false, fmt.Errorf("%q is not a date: use YYYY-MM-DD or RFC 3339", s)
}

func newList(e *env) *cobra.Command {
	var f filterFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List stored articles, newest arrivals last",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			sf, err := f.filter()
			if err != nil {
				return err
			}
			st, err := e.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer st.Close()
			var rows []listRow
			err = st.Each(cmd.Context(), sf, func(a *article.Article) error {
				rows = append(rows, listRow{ID: a.ID, Source: a.Source, Published: a.Published, Title: a.Title, Words: len(strings.Fields(a.Text())), Lang: a.Lang})
				return nil
			})
			if err != nil {
				return fmt.Errorf("list articles: %w", err)
			}
			if asJSON {
				if rows == nil {
					rows = []listRow{}
				}
				return writeJSON(e.Out, rows)
			}
			tw := newTable(e.Out)
			tw.row("ID", "SOURCE", "PUBLISHED", "WORDS", "TITLE")
			for _, r := range rows {
				tw.row(r.ID, r.Source, dateOrDash(r.Published), fmt.Sprint(r.Words), truncate(r.Title, 70))
			}
			tw.flush()
			if len(rows) == 0 {
				fmt.Fprintln(e.Err, "no articles match")
			}
			return nil
		},
	}
	f.add(cmd.Flags(), 50)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

type listRow struct {
	ID        string    `json:"id"`
	Source    string    `json:"source"`
	Published time.Time `json:"published,omitzero"`
	Lang      string    `json:"lang,omitempty"`
	Words     int       `json:"words"`
	Title     string    `json:"title"`
}

func newShow(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one article: its cleaned text and what cleaning removed",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := e.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer st.Close()
			a, err := st.Get(cmd.Context(), args[0])
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no article %q in %s", args[0], e.dbPath)
			}
			if err != nil {
				return fmt.Errorf("get article: %w", err)
			}
			rec := export.NewRecord(a)
			if err := rec.WithCopies(cmd.Context(), st, a); err != nil {
				return err
			}
			if err := rec.WithClusters(cmd.Context(), st, a); err != nil {
				return err
			}
			if asJSON {
				return writeJSON(e.Out, rec)
			}
			e.printArticle(a, rec)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the export record as JSON")
	return cmd
}

func (e *env) printArticle(a *article.Article, rec export.Record) {
	w := e.Out
	st := e.styles()
	fmt.Fprintln(w, st.bold(a.Title))
	meta := []string{a.Source}
	if a.Byline != "" {
		meta = append(meta, "by "+a.Byline)
	}
	if !a.Published.IsZero() {
		meta = append(meta, a.Published.Format("2 Jan 2006 15:04 MST"))
	}
	if a.Lang != "" {
		meta = append(meta, a.Lang)
	}
	fmt.Fprintln(w, st.dim(strings.Join(meta, " · ")))
	fmt.Fprintln(w, st.dim(fmt.Sprintf("id %s · %s · %s", a.ID, a.Format, a.Origin)))
	if a.URL != "" {
		fmt.Fprintln(w, st.dim(a.URL))
	}
	if rec.CopyOf != nil {
		fmt.Fprintln(w, st.bold(fmt.Sprintf("%s copy of %s (containment %.2f): see parallax copies show %s", *rec.CopyKind, *rec.CopyOf, *rec.CopyContainment, a.ID)))
	}
	fmt.Fprintln(w)
	for _, p := range a.Paragraphs {
		fmt.Fprintln(w, wrap(p, e.width()))
		fmt.Fprintln(w)
	}
	if len(a.Captions) > 0 {
		fmt.Fprintln(w, st.bold("Captions"))
		for _, c := range a.Captions {
			fmt.Fprintln(w, wrap("  "+c, e.width()))
		}
		fmt.Fprintln(w)
	}
	if len(a.Credits) > 0 {
		fmt.Fprintln(w, st.bold("Credits"))
		for _, c := range a.Credits {
			fmt.Fprintf(w, "  %s  → %s\n", c.Text, strings.Join(c.Names, "; "))
		}
		fmt.Fprintln(w)
	}
	if len(a.Removed) > 0 {
		fmt.Fprintln(w, st.bold("Removed by cleaning"))
		for _, r := range a.Removed {
			fmt.Fprintf(w, "  %-11s %s\n", "["+string(r.Kind)+"]", truncate(r.Text, 100))
		}
	}
}

func newSearch(e *env) *cobra.Command {
	var f filterFlags
	var asJSON bool
	var offset int
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Full-text search, best match first",
		Long: `Full-text search over titles and bodies, ranked by BM25 with titles weighted up.

Words are ANDed; "quoted phrases" match as phrases; OR widens; -word excludes;
word* matches a prefix. Filter with --source, --from, --to and --lang.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			sf, err := f.filter()
			if err != nil {
				return err
			}
			st, err := e.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer st.Close()
			q := store.Query{Text: strings.Join(args, " "), Filter: sf, Limit: f.limit, Offset: offset}
			hits, err := st.Search(cmd.Context(), q)
			if err != nil {
				return fmt.Errorf("search: %w", err)
			}
			if asJSON {
				out := make([]store.Hit, len(hits))
				for i, h := range hits {
					h.Snippet = strings.NewReplacer(store.MarkStart, "[", store.MarkEnd, "]").Replace(h.Snippet)
					out[i] = h
				}
				return writeJSON(e.Out, out)
			}
			if len(hits) == 0 {
				fmt.Fprintln(e.Err, "no matches")
				return nil
			}
			s := e.styles()
			for i, h := range hits {
				fmt.Fprintf(e.Out, "%d. %s\n", offset+i+1, s.bold(h.Title))
				fmt.Fprintln(e.Out, s.dim(fmt.Sprintf("   %s · %s · %s · score %.2f", h.Source, dateOrDash(h.Published), h.ID, h.Score)))
				snip := strings.Join(strings.Fields(h.Snippet), " ")
				fmt.Fprintln(e.Out, "   "+s.mark(snip))
				fmt.Fprintln(e.Out)
			}
			return nil
		},
	}
	f.add(cmd.Flags(), 10)
	cmd.Flags().IntVar(&offset, "offset", 0, "skip this many hits (paging)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (matches in the snippet between [ and ])")
	return cmd
}

func newExport(e *env) *cobra.Command {
	var f filterFlags
	var format, out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export articles with everything Parallax knows of them (JSON lines or CSV)",
		Long: `Export every stored article, in arrival order, as JSON lines (one complete
record per line: id, input_id, source, url, title, byline, published, lang,
text, removed, captions, credits, meta, ...) or as CSV (the flat fields).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			sf, err := f.filter()
			if err != nil {
				return err
			}
			if format != "jsonl" && format != "csv" {
				return &exitError{ExitUsage, fmt.Errorf("--format %q: want jsonl or csv", format)}
			}
			st, err := e.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer st.Close()
			w := e.Out
			if out != "" && out != "-" {
				fh, err := os.Create(out)
				if err != nil {
					return fmt.Errorf("export: %w", err)
				}
				defer fh.Close()
				w = fh
			}
			var n int
			if format == "csv" {
				n, err = export.CSV(cmd.Context(), st, sf, w)
			} else {
				n, err = export.JSONL(cmd.Context(), st, sf, w)
			}
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if out != "" && out != "-" {
				fmt.Fprintf(e.Err, "exported %s articles to %s\n", thousands(n), out)
			}
			return nil
		},
	}
	f.add(cmd.Flags(), 0)
	cmd.Flags().StringVar(&format, "format", "jsonl", "jsonl or csv")
	cmd.Flags().StringVarP(&out, "out", "o", "", "write to this file instead of stdout")
	return cmd
}

func newStats(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Summarise the store: articles, sources, languages, cleaning",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := e.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Stats(cmd.Context())
			if err != nil {
				return fmt.Errorf("stats: %w", err)
			}
			if asJSON {
				return writeJSON(e.Out, s)
			}
			e.printStats(s)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (e *env) printStats(s store.Stats) {
	w := e.Out
	fmt.Fprintf(w, "%s articles from %d sources: %s voices, the copies in %s copy groups counted once", thousands(s.Articles), len(s.Sources), thousands(s.Voices), thousands(s.CopyGroups))
	if !s.First.IsZero() {
		fmt.Fprintf(w, ", published %s to %s", s.First.Format(time.DateOnly), s.Last.Format(time.DateOnly))
	}
	fmt.Fprintln(w)
	tw := newTable(w)
	tw.row("SOURCE", "ARTICLES", "FIRST", "LAST")
	for _, src := range s.Sources {
		tw.row(src.Source, thousands(src.Articles), dateOrDash(src.First), dateOrDash(src.Last))
	}
	tw.flush()
	if s.Events > 0 {
		fmt.Fprintf(w, "events:    %s in %s stories\n", thousands(s.Events), thousands(s.Stories))
	}
	fmt.Fprintf(w, "languages: %s\n", countList(s.Langs))
	fmt.Fprintf(w, "formats:   %s\n", countList(s.Formats))
	fmt.Fprintf(w, "cleaning:  %s removed; %d captions, %d credits kept as metadata\n", countList(s.Removed), s.Captions, s.Credits)
}

func countList(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		name := k
		if name == "" {
			name = "unknown"
		}
		parts[i] = fmt.Sprintf("%s %s", name, thousands(m[k]))
	}
	return strings.Join(parts, ", ")
}

var _ = context.Background
