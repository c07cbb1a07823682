package sqlite

import (
	"context"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

func TestFTSQuery(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"spaces", " \t\n ", ""},
		{"word", "glacier", `"glacier"`},
		{"words AND", "glacier ferry", `"glacier" AND "ferry"`},
		{"phrase", `"harbour bridge"`, `"harbour bridge"`},
		{"phrase and word", `council "harbour bridge"`, `"council" AND "harbour bridge"`},
		{"unbalanced phrase", `council "harbour bridge`, `"council" AND "harbour bridge"`},
		{"quote glued to word", `council"harbour"`, `"council" AND "harbour"`},
		{"empty phrase", `"" glacier`, `"glacier"`},
		{"or", "glacier OR ferry", `("glacier" OR "ferry")`},
		{"or chain and", "a OR b OR c d", `("a" OR "b" OR "c") AND "d"`},
		{"lower or is a word", "glacier or ferry", `"glacier" AND "or" AND "ferry"`},
		{"dangling or", "OR glacier OR", `"glacier"`},
		{"double or", "glacier OR OR ferry", `("glacier" OR "ferry")`},
		{"or before exclusion", "glacier OR -ferry", `("glacier") NOT ("ferry")`},
		{"exclusion", "council -budget", `("council") NOT ("budget")`},
		{"two exclusions", "council -budget -\"harbour bridge\"", `("council") NOT ("budget" OR "harbour bridge")`},
		{"only exclusion", "-budget", ""},
		{"lone dash", "council - budget", `"council" AND "budget"`},
		{"inner hyphen", "covid-19", `"covid-19"`},
		{"prefix", "refer*", `"refer"*`},
		{"prefix stars", "refer***", `"refer"*`},
		{"phrase prefix", `"harbour bri"*`, `"harbour bri"*`},
		{"bare star", "*", ""},
		{"leading star", "*glacier", `"*glacier"`},
		{"keywords are words", "NEAR AND NOT", `"NEAR" AND "AND" AND "NOT"`},
		{"column filter is a word", "title:glacier", `"title:glacier"`},
		{"punctuation only", `!!! ... ;;`, ""},
		{"sql", `' OR 1=1 --`, `"1=1"`},
		{"nul", "gla\x00cier", `"gla" AND "cier"`},
		{"invalid utf-8", "gla\xffcier", `"gla" AND "cier"`},
		{"unicode", "Zürich 東京", `"Zürich" AND "東京"`},
		{"parens", "(glacier)", `"(glacier)"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ftsQuery(tt.in); got != tt.want {
				t.Errorf("ftsQuery(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzSearch checks that no query text is an SQL or FTS5 error.
func FuzzSearch(f *testing.F) {
	for _, q := range storetest.NastyQueries {
		f.Add(q)
	}
	db, err := Open(context.Background(), f.TempDir()+"/fuzz.db", Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	for i, text := range []string{"The glacier near the harbour bridge.", "Ferry OR NOT and NEAR, Zürich 東京."} {
		a := &article.Article{ID: string(rune('a' + i)), Source: "x", Title: "t", Paragraphs: []string{text}}
		if _, err := db.Put(context.Background(), a); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		if _, err := db.Search(context.Background(), store.Query{Text: text}); err != nil {
			t.Errorf("Search(%q): %v (FTS query %s)", text, err, ftsQuery(text))
		}
	})
}
