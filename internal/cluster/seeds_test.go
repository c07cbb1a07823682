package cluster

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/annotate"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/ingest"
)

// seedDocs reads the seed articles the way the product does: ingest's
// reader (plain text: no published time), the cleaner with its defaults,
// the entity stage with its store-wide names, and the Doc the pipeline
// builds (internal/pipeline docOf).
func seedDocs(t *testing.T) []Doc {
	t.Helper()
	dir := "../../../shared/data/seeds"
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) < 2 {
		t.Skipf("%s not found: run from a checkout with shared/ beside it", dir)
	}
	slices.Sort(files)
	cl := clean.New(clean.DefaultOptions())
	ann := annotate.New()
	var docs []Doc
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		err = ingest.Read(context.Background(), f, r, ingest.Options{}, func(it ingest.Item) error {
			if it.Problem != nil {
				t.Errorf("%s: %v", f, it.Problem)
				return nil
			}
			a := it.Article
			cl.Clean(a)
			ann.Article(a)
			ann.Canonicalise(a)
			docs = append(docs, Doc{ID: a.ID, Title: a.Title, Paragraphs: a.Paragraphs, Published: a.Published, Mentions: MentionsOf(a.Entities)})
			return nil
		})
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(docs) != 2 {
		t.Fatalf("%d seed articles, want 2", len(docs))
	}
	return docs
}

// TestSeeds: the Washington talks of December 2019 (000) and the Sochi
// talks of May 2019 (001) are two events of one story, in either order,
// read as the product reads them (no published time), and also when the
// seeds are given the days of the talks they report.
func TestSeeds(t *testing.T) {
	docs := seedDocs(t)
	dated := slices.Clone(docs)
	dated[0].Published = time.Date(2019, 12, 10, 20, 0, 0, 0, time.UTC)
	dated[1].Published = time.Date(2019, 5, 14, 18, 0, 0, 0, time.UTC)
	spans := slices.Clone(docs)
	for i := range spans {
		spans[i].Mentions = nil
	}
	for _, tt := range []struct {
		name string
		docs []Doc
	}{
		{"undated", docs},
		{"undated, reversed", []Doc{docs[1], docs[0]}},
		{"dated", dated},
		{"dated, in published order", []Doc{dated[1], dated[0]}},
		{"capitalised spans, no entity stage", spans},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := mustNew(t, DefaultOptions())
			as := run(t, c, tt.docs)
			ev0, _ := c.Event(as[0].EventID)
			ev1, _ := c.Event(as[1].EventID)
			st, _ := c.Story(ev0.StoryID)
			t.Logf("%s %q; %s %q (score %.3f); story %s %q", ev0.ID, ev0.Label, ev1.ID, ev1.Label, as[1].Score, st.ID, st.Label)
			if ev0.ID == ev1.ID {
				t.Errorf("the two seeds share event %s", ev0.ID)
			}
			if ev0.StoryID != ev1.StoryID {
				t.Errorf("the two seeds are in stories %s and %s, want one", ev0.StoryID, ev1.StoryID)
			}
		})
	}
}
