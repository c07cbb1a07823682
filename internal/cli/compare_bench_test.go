package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/annotate"
	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/synth"
)

// BenchmarkCompareStoryFromStore compares a 200-article story of 2 KB
// articles (three events, forty outlets, each article carrying two of the
// story's core paragraphs) as `parallax compare` does: read the story's
// events, articles and copy status from the SQLite store, then compare.
// The target is 200 ms.
//
//	go test -run '^$' -bench CompareStoryFromStore -benchtime 10x ./internal/cli/
func BenchmarkCompareStoryFromStore(b *testing.B) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	g := synth.New(7)
	g.Sources = 40
	core := synth.New(99).Next(2048).Paragraphs
	ann := annotate.New()
	var arts []*article.Article
	for i := range 200 {
		s := g.Next(2048)
		a := &article.Article{ID: fmt.Sprintf("%016x", i+1), Source: s.Source, Title: s.Title,
			Published: s.Published.Add(time.Duration(i) * time.Minute), Format: "jsonl",
			Paragraphs: append(s.Paragraphs, core[i%len(core)], core[(i*7)%len(core)])}
		ann.Article(a)
		arts = append(arts, a)
	}
	if _, err := st.PutBatch(ctx, arts); err != nil {
		b.Fatal(err)
	}
	var recs []store.ClusterRecord
	for i, a := range arts {
		ev := fmt.Sprintf("ev-%06d", i%3+1)
		recs = append(recs, store.ClusterRecord{Article: a.ID, Event: ev, Story: "st-000001",
			Events:  []store.Event{{ID: ev, Story: "st-000001", Label: ev, Articles: i/3 + 1}},
			Stories: []store.Story{{ID: "st-000001", Label: "bench", Events: 3, Articles: i + 1}}})
	}
	if err := st.SaveClusters(ctx, recs...); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		got, err := coverage(ctx, st, "st-000001")
		if err != nil {
			b.Fatal(err)
		}
		if len(got) != 200 {
			b.Fatalf("loaded %d articles", len(got))
		}
		compare.Compare(got, compare.DefaultOptions())
	}
}
