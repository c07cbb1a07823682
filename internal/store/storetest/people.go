package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/store"
)

// testPeople checks the entities and quotes kept with articles: who
// appears where, and what one person was quoted saying.
func testPeople(t *testing.T, s store.Store) {
	ctx := t.Context()
	day := func(d int) time.Time { return time.Date(2025, 5, d, 9, 0, 0, 0, time.UTC) }
	q := func(speaker, content string, speakers ...string) article.Quote {
		return article.Quote{Speaker: speaker, Speakers: speakers, SpeakerText: speaker, Cue: "said", Content: content, Direct: true}
	}
	a1 := plain("e000000000000001", "Meridian Wire", "Talks open", day(3), "en", "Anna Varga met Tomas Reed.")
	a1.Entities = []article.Entity{
		{Text: "Anna Varga", Type: "person", Canonical: "Anna Varga", Start: 0, End: 10},
		{Text: "Tomas Reed", Type: "person", Canonical: "Tomas Reed", Start: 15, End: 25},
	}
	a1.Quotes = []article.Quote{q("Anna Varga", "We will talk"), q("Anna Varga and Tomas Reed", "Useful", "Anna Varga", "Tomas Reed")}
	a2 := plain("e000000000000002", "Halvard Gazette", "Talks close", day(1), "en", "Varga left.")
	a2.Entities = []article.Entity{{Text: "Varga", Type: "person", Canonical: "Anna Varga", Start: 0, End: 5}}
	a2.Quotes = []article.Quote{q("Anna Varga", "We are done"), {Content: "interim chair", Scare: true, Speaker: "Anna Varga"}}
	a3 := plain("e000000000000003", "VPB News", "Undated", time.Time{}, "en", "Varga again; 100% sure.")
	a3.Quotes = []article.Quote{q("Anna Varga", "Later")}
	a4 := plain("e000000000000004", "VPB News", "Other Varga", day(2), "en", "Petra Varga sang.")
	a4.Entities = []article.Entity{{Text: "Petra Varga", Type: "person", Canonical: "Petra Varga", Start: 0, End: 11}}
	put(t, s, a1, a2, a3, a4)

	t.Run("FindEntities", func(t *testing.T) {
		tests := []struct {
			name string
			want []store.EntityCount
		}{
			{"Anna Varga", []store.EntityCount{{Canonical: "Anna Varga", Type: "person", Articles: 3, Mentions: 2, Quoted: 4}}},
			{"  anna   VARGA ", []store.EntityCount{{Canonical: "Anna Varga", Type: "person", Articles: 3, Mentions: 2, Quoted: 4}}},
			{"Varga", []store.EntityCount{
				{Canonical: "Anna Varga", Type: "person", Articles: 3, Mentions: 2, Quoted: 4},
				{Canonical: "Petra Varga", Type: "person", Articles: 1, Mentions: 1, Quoted: 0},
			}},
			{"arga", nil},  // whole words only
			{"%", nil},     // not a wildcard
			{"Va_ga", nil}, // nor is this
			{"", nil},
		}
		for _, tt := range tests {
			got, err := s.FindEntities(ctx, tt.name, 0)
			if err != nil {
				t.Fatalf("FindEntities(%q): %v", tt.name, err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("FindEntities(%q) = %+v, want %+v", tt.name, got, tt.want)
			}
		}
	})

	t.Run("Names", func(t *testing.T) {
		if got, err := s.LoadNames(ctx); got != nil || err != nil {
			t.Errorf("LoadNames before any save = %q, %v; want nil, nil", got, err)
		}
		for _, blob := range []string{`{"names":[1]}`, `{"names":[2]}`} {
			if err := s.SaveNames(ctx, []byte(blob)); err != nil {
				t.Fatal(err)
			}
			if got, err := s.LoadNames(ctx); string(got) != blob || err != nil {
				t.Errorf("LoadNames = %q, %v; want %q", got, err, blob)
			}
		}
	})

	t.Run("QuotesBy", func(t *testing.T) {
		hits, err := s.QuotesBy(ctx, "anna varga", store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Article[len(h.Article)-1:]+":"+h.Quote.Content)
		}
		// Oldest published first, undated last; the group quote counts; the
		// scare quote does not.
		want := []string{"2:We are done", "1:We will talk", "1:Useful", "3:Later"}
		if !slices.Equal(got, want) {
			t.Errorf("QuotesBy = %q, want %q", got, want)
		}
		if len(hits) > 0 && (hits[0].Source != "Halvard Gazette" || !hits[0].Published.Equal(day(1)) || hits[0].Title != "Talks close") {
			t.Errorf("first hit carries %q %v %q", hits[0].Source, hits[0].Published, hits[0].Title)
		}
		hits, err = s.QuotesBy(ctx, "Anna Varga", store.Filter{Sources: []string{"meridian wire"}})
		if err != nil || len(hits) != 2 {
			t.Errorf("QuotesBy filtered to one source = %d hits, %v; want 2", len(hits), err)
		}
		hits, err = s.QuotesBy(ctx, "Tomas Reed", store.Filter{})
		if err != nil || len(hits) != 1 || hits[0].Quote.Content != "Useful" {
			t.Errorf("QuotesBy(a group member) = %+v, %v; want the group quote", hits, err)
		}
		hits, err = s.QuotesBy(ctx, "Nobody", store.Filter{})
		if err != nil || len(hits) != 0 {
			t.Errorf("QuotesBy(Nobody) = %+v, %v", hits, err)
		}
	})
}
