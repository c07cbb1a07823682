package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/copies"
	"github.com/parallax-news/parallax/internal/store"
)

func newCopies(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "copies",
		Short: "List copy groups: each original with its copies, one voice each",
		Long: `List the copy groups: articles that are full copies of one text (verbatim or
edited reposts, re-filings), each group one voice, led by its original; with
the partial copies that quote a member of the group.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := e.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer st.Close()
			groups, err := copyGroups(cmd.Context(), st)
			if err != nil {
				return err
			}
			if asJSON {
				if groups == nil {
					groups = []copyGroupView{}
				}
				return writeJSON(e.Out, groups)
			}
			if len(groups) == 0 {
				fmt.Fprintln(e.Err, "no copies found")
				return nil
			}
			e.printCopyGroups(groups)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.AddCommand(newCopiesShow(e))
	return cmd
}

// copyGroupView is a copy group as `parallax copies` shows it.
type copyGroupView struct {
	Group    string             `json:"group"`
	Original copyMemberView     `json:"original"`
	Reason   string             `json:"reason"`
	Copies   []copyMemberView   `json:"copies"`
	Partial  []copyMemberView   `json:"partial"`
	Changes  []store.CopyChange `json:"changes"`
}

type copyMemberView struct {
	ID          string    `json:"id"`
	Source      string    `json:"source"`
	Title       string    `json:"title"`
	Published   time.Time `json:"published,omitzero"`
	Kind        string    `json:"kind,omitempty"`
	Containment float64   `json:"containment,omitempty"`
	// Quotes is, for a partial copy, the member it quotes.
	Quotes string `json:"quotes,omitempty"`
}

func copyGroups(ctx context.Context, st store.Store) ([]copyGroupView, error) {
	groups, err := st.CopyGroups(ctx)
	if err != nil {
		return nil, err
	}
	member := func(id string) (copyMemberView, error) {
		a, err := st.Get(ctx, id)
		if err != nil {
			return copyMemberView{}, fmt.Errorf("copy group member %s: %w", id, err)
		}
		cs, err := st.CopyStatus(ctx, id)
		if err != nil {
			return copyMemberView{}, err
		}
		return copyMemberView{ID: a.ID, Source: a.Source, Title: a.Title, Published: a.Published, Kind: cs.Kind, Containment: cs.Containment}, nil
	}
	var out []copyGroupView
	for _, g := range groups {
		v := copyGroupView{Group: g.ID, Reason: g.Reason, Copies: []copyMemberView{}, Partial: []copyMemberView{}}
		partial := map[string]bool{} // a partial copy may quote several members
		if v.Original, err = member(g.Original); err != nil {
			return nil, err
		}
		for _, id := range g.Members {
			if id != g.Original {
				m, err := member(id)
				if err != nil {
					return nil, err
				}
				v.Copies = append(v.Copies, m)
			}
			ms, err := st.CopyMatches(ctx, id)
			if err != nil {
				return nil, err
			}
			for _, cm := range ms {
				if cm.Kind == string(copies.Partial) && cm.Of == id && !partial[cm.Copy] {
					partial[cm.Copy] = true
					m, err := member(cm.Copy)
					if err != nil {
						return nil, err
					}
					m.Quotes = id
					v.Partial = append(v.Partial, m)
				}
			}
		}
		if v.Changes, err = st.CopyChanges(ctx, g.ID); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func (e *env) printCopyGroups(groups []copyGroupView) {
	s := e.styles()
	for _, g := range groups {
		voices := 1 + len(g.Copies)
		fmt.Fprintf(e.Out, "%s %s — %d articles, one voice\n", s.bold("group"), g.Group, voices)
		row := func(label string, m copyMemberView) {
			fmt.Fprintf(e.Out, "  %-13s %-22s %-10s %s  %s\n", label, truncate(m.Source, 22), dateOrDash(m.Published), s.dim(m.ID), truncate(m.Title, 60))
		}
		row("original", g.Original)
		fmt.Fprintf(e.Out, "  %-13s %s\n", "", s.dim("why: "+g.Reason))
		for _, m := range g.Copies {
			row(fmt.Sprintf("full %.2f", m.Containment), m)
		}
		for _, m := range g.Partial {
			row(fmt.Sprintf("partial %.2f", m.Containment), m)
		}
		for _, c := range g.Changes {
			if c.Kind == string(copies.OriginalChanged) {
				fmt.Fprintf(e.Out, "  %-13s original changed from %s to %s (%s)\n", "", c.From, c.To, c.Reason)
			}
		}
		fmt.Fprintln(e.Out)
	}
}

func newCopiesShow(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one copy against its original: how much, why, and what changed",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := e.open(ctx, true)
			if err != nil {
				return err
			}
			defer st.Close()
			a, err := st.Get(ctx, args[0])
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no article %q in %s", args[0], e.dbPath)
			}
			if err != nil {
				return err
			}
			cs, err := st.CopyStatus(ctx, a.ID)
			if err != nil {
				return err
			}
			matches, err := st.CopyMatches(ctx, a.ID)
			if err != nil {
				return err
			}
			out := struct {
				Status  store.CopyStatus         `json:"status"`
				Matches []store.CopyMatch        `json:"matches"`
				Diff    []copies.ParagraphChange `json:"diff,omitempty"`
			}{cs, matches, nil}
			if out.Matches == nil {
				out.Matches = []store.CopyMatch{}
			}
			var origTitle, origSource string
			if cs.CopyOf != "" && cs.Kind == string(copies.Full) {
				orig, err := st.Get(ctx, cs.CopyOf)
				if err != nil {
					return fmt.Errorf("original %s: %w", cs.CopyOf, err)
				}
				out.Diff = copies.Diff(orig.Paragraphs, a.Paragraphs)
				origTitle, origSource = orig.Title, orig.Source
			}
			if asJSON {
				return writeJSON(e.Out, out)
			}
			s := e.styles()
			fmt.Fprintf(e.Out, "%s  %s · %s\n", s.bold(truncate(a.Title, 80)), a.Source, a.ID)
			switch {
			case cs.CopyOf == "" && cs.Group != "":
				fmt.Fprintf(e.Out, "the original of copy group %s\n", cs.Group)
			case cs.CopyOf == "":
				fmt.Fprintln(e.Out, "not a copy of anything held")
			default:
				fmt.Fprintf(e.Out, "%s copy of %s (containment %.2f)", cs.Kind, cs.CopyOf, cs.Containment)
				if origTitle != "" {
					fmt.Fprintf(e.Out, ": %s · %s", truncate(origTitle, 60), origSource)
				}
				fmt.Fprintln(e.Out)
			}
			for _, m := range matches {
				fmt.Fprintf(e.Out, "  %-7s %s of %s: containment %.2f, coverage %.2f, %d paragraphs shared; %s\n",
					m.Kind, m.Copy, m.Of, m.Containment, m.Coverage, m.SharedParagraphs, m.Reason)
			}
			if len(out.Diff) > 0 {
				sum := copies.Summarise(out.Diff)
				fmt.Fprintf(e.Out, "\n%s against the original: %d same, %d edited, %d added, %d removed\n",
					s.bold("What changed"), sum.Same, sum.Edited, sum.Added, sum.Removed)
				for _, c := range out.Diff {
					w := e.width()
					switch c.Op {
					case copies.Added:
						fmt.Fprintln(e.Out, hang("  + added:   ", c.Text, w))
					case copies.Removed:
						fmt.Fprintln(e.Out, hang("  - removed: ", c.Text, w))
					case copies.Edited:
						fmt.Fprintln(e.Out, hang("  ~ was:     ", c.Was, w))
						fmt.Fprintln(e.Out, hang("    now:     ", c.Text, w))
					}
				}
				if len(a.Removed) > 0 {
					fmt.Fprintf(e.Out, "\n%s\n", s.bold("Around the copy (taken out by cleaning)"))
					for _, r := range a.Removed {
						fmt.Fprintln(e.Out, hang(fmt.Sprintf("  %-12s ", "["+string(r.Kind)+"]"), r.Text, e.width()))
					}
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
