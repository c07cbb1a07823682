// Package export writes what Parallax knows about articles in machine-
// readable form: JSON lines, one complete record per article, and CSV for
// the flat fields. The JSON-lines record is the one complete view; each
// later stage (copies, events, entities, quotes) adds its fields here.
package export

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/copies"
	"github.com/parallax-news/parallax/internal/store"
)

// Record is one article as exported.
type Record struct {
	ID        string                     `json:"id"`
	InputID   *string                    `json:"input_id"`
	Source    string                     `json:"source"`
	URL       string                     `json:"url"`
	Title     string                     `json:"title"`
	Byline    string                     `json:"byline"`
	Published *string                    `json:"published"`
	Lang      string                     `json:"lang"`
	Site      string                     `json:"site,omitempty"`
	Text      string                     `json:"text"`
	Removed   []Removed                  `json:"removed"`
	Captions  []string                   `json:"captions"`
	Credits   []article.Credit           `json:"credits"`
	Meta      map[string]json.RawMessage `json:"meta,omitempty"`
	Format    string                     `json:"format"`
	Origin    string                     `json:"origin,omitempty"`
	Ingested  string                     `json:"ingested"`
	Seq       int64                      `json:"seq"`

	// CopyOf is the original's ID for a copy (full: the group's original;
	// partial: the original of what it quotes), else null.
	CopyOf *string `json:"copy_of"`
	// CopyKind is "full" or "partial", or null.
	CopyKind *string `json:"copy_kind"`
	// CopyContainment is how much of the smaller text stands in the
	// larger, 0 to 1, or null.
	CopyContainment *float64 `json:"copy_containment"`
	// CopyGroup is the copy group (one voice) the article belongs to.
	CopyGroup *string `json:"copy_group"`
	// Voice is the ID that stands for the article in every count.
	Voice string `json:"voice"`
	// CopyChanges says what a full copy changed against its original.
	CopyChanges *CopyChanges `json:"copy_changes"`

	// EventID and StoryID are the event and story clustering put the
	// article in, or null when it has none yet.
	EventID *string `json:"event_id"`
	StoryID *string `json:"story_id"`

	// Entities and Quotes are the body's named entities and attributions,
	// with offsets in code points of Text.
	Entities []article.Entity `json:"entities"`
	Quotes   []article.Quote  `json:"quotes"`
}

// CopyChanges are the paragraphs a copy added, removed and edited against
// its original.
type CopyChanges struct {
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
	Edited  []Edit   `json:"edited"`
}

// Edit is a paragraph of the original and the copy's edited version.
type Edit struct {
	Was  string `json:"was"`
	Text string `json:"text"`
}

// WithCopies fills the record's copy fields from the store: the status,
// and for a full copy the paragraph diff against its original.
func (r *Record) WithCopies(ctx context.Context, st store.Store, a *article.Article) error {
	cs, err := st.CopyStatus(ctx, a.ID)
	if err != nil {
		return fmt.Errorf("copy status of %s: %w", a.ID, err)
	}
	r.Voice = cs.Voice
	if cs.Group != "" {
		r.CopyGroup = &cs.Group
	}
	if cs.CopyOf == "" {
		return nil
	}
	r.CopyOf, r.CopyContainment = &cs.CopyOf, &cs.Containment
	r.CopyKind = &cs.Kind
	if cs.Kind != "full" {
		return nil
	}
	orig, err := st.Get(ctx, cs.CopyOf)
	if err != nil {
		return fmt.Errorf("original %s of %s: %w", cs.CopyOf, a.ID, err)
	}
	r.CopyChanges = DiffChanges(orig.Paragraphs, a.Paragraphs)
	return nil
}

// WithClusters fills the record's event and story from the store; they
// stay null for an article clustering has not reached.
func (r *Record) WithClusters(ctx context.Context, st store.Store, a *article.Article) error {
	ac, err := st.ArticleCluster(ctx, a.ID)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cluster of %s: %w", a.ID, err)
	}
	r.EventID, r.StoryID = &ac.Event, &ac.Story
	return nil
}

// DiffChanges lists what copy changed against original, paragraph by
// paragraph.
func DiffChanges(original, copy []string) *CopyChanges {
	ch := &CopyChanges{Added: []string{}, Removed: []string{}, Edited: []Edit{}}
	for _, c := range copies.Diff(original, copy) {
		switch c.Op {
		case copies.Added:
			ch.Added = append(ch.Added, c.Text)
		case copies.Removed:
			ch.Removed = append(ch.Removed, c.Text)
		case copies.Edited:
			ch.Edited = append(ch.Edited, Edit{Was: c.Was, Text: c.Text})
		}
	}
	return ch
}

// Removed is a paragraph cleaning took out, as exported.
type Removed struct {
	Text string `json:"text"`
	Kind string `json:"kind"`
}

// NewRecord builds the export record of a.
func NewRecord(a *article.Article) Record {
	r := Record{
		ID:       a.ID,
		Source:   a.Source,
		URL:      a.URL,
		Title:    a.Title,
		Byline:   a.Byline,
		Lang:     a.Lang,
		Site:     a.Site,
		Text:     a.Text(),
		Removed:  []Removed{},
		Captions: a.Captions,
		Credits:  a.Credits,
		Meta:     a.Meta,
		Entities: a.Entities,
		Quotes:   a.Quotes,
		Format:   a.Format,
		Origin:   a.Origin,
		Seq:      a.Seq,
	}
	if a.InputID != "" {
		r.InputID = &a.InputID
	}
	if !a.Published.IsZero() {
		s := a.Published.Format(time.RFC3339)
		r.Published = &s
	}
	if !a.Ingested.IsZero() {
		r.Ingested = a.Ingested.UTC().Format(time.RFC3339)
	}
	for _, x := range a.Removed {
		r.Removed = append(r.Removed, Removed{Text: x.Text, Kind: string(x.Kind)})
	}
	if r.Captions == nil {
		r.Captions = []string{}
	}
	if r.Entities == nil {
		r.Entities = []article.Entity{}
	}
	if r.Quotes == nil {
		r.Quotes = []article.Quote{}
	}

	if r.Credits == nil {
		r.Credits = []article.Credit{}
	}
	for i := range r.Credits {
		if r.Credits[i].Names == nil {
			r.Credits[i].Names = []string{}
		}
	}
	return r
}

// JSONL writes one JSON record per line for every article matching f, in
// arrival order, and returns how many it wrote.
func JSONL(ctx context.Context, st store.Store, f store.Filter, w io.Writer) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err := st.Each(ctx, f, func(a *article.Article) error {
		r := NewRecord(a)
		if err := r.WithCopies(ctx, st, a); err != nil {
			return err
		}
		if err := r.WithClusters(ctx, st, a); err != nil {
			return err
		}
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("write article %s: %w", a.ID, err)
		}
		n++
		return nil
	})
	return n, err
}

// CSVHeader is the header row of the CSV export.
var CSVHeader = []string{"id", "input_id", "source", "url", "title", "byline", "published", "lang", "words", "removed", "captions", "credits", "copy_of", "copy_kind", "copy_containment", "voice", "event_id", "story_id", "entities", "speakers", "text"}

// CSV writes the flat fields of every article matching f, one row each,
// with a header row. Lists are joined with " | "; removed gives the count
// per kind ("bio:1 newsletter:2"); entities and speakers are the distinct
// canonical names, in order of first mention.
func CSV(ctx context.Context, st store.Store, f store.Filter, w io.Writer) (int, error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return 0, fmt.Errorf("write csv header: %w", err)
	}
	n := 0
	err := st.Each(ctx, f, func(a *article.Article) error {
		r := NewRecord(a)
		if err := r.WithCopies(ctx, st, a); err != nil {
			return err
		}
		if err := r.WithClusters(ctx, st, a); err != nil {
			return err
		}
		pub := ""
		if r.Published != nil {
			pub = *r.Published
		}
		var copyOf, copyKind, containment string
		if r.CopyOf != nil {
			copyOf, copyKind, containment = *r.CopyOf, *r.CopyKind, strconv.FormatFloat(*r.CopyContainment, 'f', 3, 64)
		}
		var event, story string
		if r.EventID != nil {
			event, story = *r.EventID, *r.StoryID
		}
		var credits []string
		for _, c := range a.Credits {
			credits = append(credits, strings.Join(c.Names, ", "))
		}
		row := []string{
			a.ID, a.InputID, a.Source, a.URL, a.Title, a.Byline, pub, a.Lang,
			fmt.Sprint(len(strings.Fields(r.Text))),
			removedCounts(a.Removed),
			strings.Join(a.Captions, " | "),
			strings.Join(credits, " | "),
			copyOf, copyKind, containment, r.Voice,
			event, story,
			strings.Join(distinct(a.Entities, func(e article.Entity) []string { return []string{e.Canonical} }), " | "),
			strings.Join(distinct(a.Quotes, speakers), " | "),
			r.Text,
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write article %s: %w", a.ID, err)
		}
		n++
		return nil
	})
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	return n, err
}

func removedCounts(rs []article.Removed) string {
	var order []string
	counts := map[string]int{}
	for _, r := range rs {
		k := string(r.Kind)
		if counts[k] == 0 {
			order = append(order, k)
		}
		counts[k]++
	}
	parts := make([]string, len(order))
	for i, k := range order {
		parts[i] = fmt.Sprintf("%s:%d", k, counts[k])
	}
	return strings.Join(parts, " ")
}

// distinct returns the names of items, each once, in order of first
// appearance, case-insensitively.
func distinct[T any](items []T, names func(T) []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, it := range items {
		for _, n := range names(it) {
			k := strings.ToLower(n)
			if n == "" || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

// speakers returns who speaks q: the members of a group, else its
// speaker; none for a scare quote.
func speakers(q article.Quote) []string {
	if q.Scare {
		return nil
	}
	if len(q.Speakers) > 0 {
		return q.Speakers
	}
	return []string{q.Speaker}
}
