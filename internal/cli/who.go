package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/store"
)

func newWho(e *env) *cobra.Command {
	var f filterFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "who NAME",
		Short: "What one person was quoted saying across the store, by source and date",
		Long: `List the attributions whose speaker is NAME, oldest first, with the outlet,
date and article of each. NAME may be a full canonical name ("Sergey Lavrov")
or its last words ("Lavrov"); when it could mean several people, they are
listed and the most mentioned is shown (give the full name to choose).
Speakers are resolved by the entity and quote stages at ingest: "he said" and
"the Russian foreign minister" count for the person they refer to.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			sf, err := f.filter()
			if err != nil {
				return err
			}
			name := strings.Join(args, " ")
			st, err := e.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer st.Close()
			cands, err := st.FindEntities(cmd.Context(), name, 10)
			if err != nil {
				return err
			}
			// The best candidate is the exact name, else the most mentioned
			// one who is quoted at all.
			var who *store.EntityCount
			for i := range cands {
				if strings.EqualFold(cands[i].Canonical, strings.Join(strings.Fields(name), " ")) {
					who = &cands[i]
					break
				}
			}
			if who == nil {
				for i := range cands {
					if cands[i].Quoted > 0 {
						who = &cands[i]
						break
					}
				}
			}
			var hits []store.QuoteHit
			if who != nil {
				if hits, err = st.QuotesBy(cmd.Context(), who.Canonical, sf); err != nil {
					return err
				}
			}
			if asJSON {
				out := whoView{Name: name, Candidates: cands, Quotes: hits}
				if who != nil {
					out.Speaker = who.Canonical
				}
				if out.Candidates == nil {
					out.Candidates = []store.EntityCount{}
				}
				if out.Quotes == nil {
					out.Quotes = []store.QuoteHit{}
				}
				return writeJSON(e.Out, out)
			}
			if who == nil {
				if len(cands) == 0 {
					return fmt.Errorf("no one called %q in %s", name, e.dbPath)
				}
				return fmt.Errorf("%q is named in %s but never quoted", name, e.dbPath)
			}
			e.printWho(*who, cands, hits)
			return nil
		},
	}
	f.add(cmd.Flags(), 0)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: the candidates and the quotes")
	return cmd
}

type whoView struct {
	Name       string              `json:"name"`
	Speaker    string              `json:"speaker,omitempty"`
	Candidates []store.EntityCount `json:"candidates"`
	Quotes     []store.QuoteHit    `json:"quotes"`
}

func (e *env) printWho(who store.EntityCount, cands []store.EntityCount, hits []store.QuoteHit) {
	s := e.styles()
	fmt.Fprintf(e.Out, "%s — quoted %d times in %d articles\n", s.bold(stripControl(who.Canonical)), len(hits), distinctArticles(hits))
	if len(cands) > 1 {
		var others []string
		for _, c := range cands {
			if c.Canonical != who.Canonical {
				others = append(others, fmt.Sprintf("%s (%d)", stripControl(c.Canonical), c.Mentions+c.Quoted))
			}
		}
		fmt.Fprintln(e.Out, s.dim("also matching: "+strings.Join(others, ", ")))
	}
	width := e.width()
	for _, h := range hits {
		fmt.Fprintln(e.Out)
		fmt.Fprintf(e.Out, "%s  %s  %s\n", dateOrDash(h.Published), s.bold(stripControl(h.Source)), s.dim(h.Article))
		q := h.Quote
		content := q.Content
		if q.Direct && !strings.ContainsAny(content, "\"“”") {
			content = "“" + content + "”"
		}
		line := content
		if q.SpeakerText != "" && q.Cue != "" {
			line += " — " + q.SpeakerText + " " + q.Cue
		} else if q.Cue != "" {
			line += " — " + q.Cue
		}
		if !namesSpeaker(q.SpeakerText, who.Canonical) {
			line += " [" + who.Canonical + "]"
		}
		fmt.Fprintln(e.Out, indent(wrap(line, width-4), "    "))
	}
}

func distinctArticles(hits []store.QuoteHit) int {
	seen := map[string]bool{}
	for _, h := range hits {
		seen[h.Article] = true
	}
	return len(seen)
}

// namesSpeaker tells whether the source text names the speaker by its last
// word ("Lavrov said" for Sergey Lavrov); when not ("he", "the minister",
// a group), the listing adds whom it was resolved to.
func namesSpeaker(source, canonical string) bool {
	f := strings.Fields(canonical)
	if source == "" || len(f) == 0 {
		return false
	}
	return strings.Contains(strings.ToLower(source), strings.ToLower(f[len(f)-1]))
}
