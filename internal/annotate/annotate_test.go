package annotate_test

import (
	"context"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/annotate"
	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/demo"
)

// demoArticles reads and cleans the demo corpus as the product does.
func demoArticles(tb testing.TB) []*article.Article {
	tb.Helper()
	items, _, err := demo.Read(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]*article.Article, len(items))
	for i, it := range items {
		out[i] = it.Article
	}
	return out
}

// TestSpansMatchText checks, over the demo corpus, that every entity and
// quote span is where it says and holds what it says, in code points of
// the body's text.
func TestSpansMatchText(t *testing.T) {
	x := annotate.New()
	arts := demoArticles(t)
	if len(arts) < 30 {
		t.Fatalf("read %d demo articles", len(arts))
	}
	quotes, ents := 0, 0
	for _, a := range arts {
		x.Article(a)
		runes := []rune(a.Text())
		at := func(s, e int) string {
			if s < 0 || e > len(runes) || s > e {
				t.Fatalf("%s: span [%d,%d) outside the text (%d code points)", a.ID, s, e, len(runes))
			}
			return string(runes[s:e])
		}
		for _, e := range a.Entities {
			ents++
			if got := at(e.Start, e.End); got != e.Text {
				t.Errorf("%s: entity %q at [%d,%d) reads %q", a.ID, e.Text, e.Start, e.End, got)
			}
			if e.Canonical == "" || e.Type == "" {
				t.Errorf("%s: entity %+v without canonical name or type", a.ID, e)
			}
		}
		for _, q := range a.Quotes {
			quotes++
			for _, c := range []struct {
				name, text string
				s, e       int
			}{{"source", q.SpeakerText, q.SourceStart, q.SourceEnd}, {"cue", q.Cue, q.CueStart, q.CueEnd}, {"content", q.Content, q.ContentStart, q.ContentEnd}} {
				if got := at(c.s, c.e); got != c.text {
					t.Errorf("%s: quote %s %q at [%d,%d) reads %q", a.ID, c.name, c.text, c.s, c.e, got)
				}
			}
			if q.Content == "" {
				t.Errorf("%s: quote without content: %+v", a.ID, q)
			}
		}
	}
	if quotes == 0 {
		t.Error("no quotes found in the whole demo corpus")
	}
	t.Logf("%d articles: %d entity mentions, %d attributions", len(arts), ents, quotes)
}

func TestTextIsDeterministic(t *testing.T) {
	x := annotate.New()
	text := "“We will not sign,” said Anna Varga, the union's leader. She added that talks would go on."
	e1, q1 := x.Text(text)
	e2, q2 := x.Text(text)
	if !slices.EqualFunc(q1, q2, func(a, b article.Quote) bool { return a.Content == b.Content && a.Speaker == b.Speaker }) || len(e1) != len(e2) {
		t.Error("two runs over the same text differ")
	}
	if len(q1) == 0 || q1[0].Speaker != "Anna Varga" {
		t.Errorf("quotes = %+v, want Anna Varga's first", q1)
	}
	if !utf8.ValidString(q1[0].Content) {
		t.Error("content is not valid UTF-8")
	}
}

// BenchmarkAnnotate measures entities and quotes together on the demo
// corpus's articles (about 2 KB each). The target is 500 articles/s
// on one core.
//
//	go test -run '^$' -bench Annotate -benchtime 2000x ./internal/annotate/
func BenchmarkAnnotate(b *testing.B) {
	x := annotate.New()
	arts := demoArticles(b)
	texts := make([]string, len(arts))
	bytes := 0
	for i, a := range arts {
		texts[i] = a.Text()
		bytes += len(texts[i])
	}
	b.ReportAllocs()
	b.SetBytes(int64(bytes / len(texts)))
	i := 0
	for b.Loop() {
		x.Text(texts[i%len(texts)])
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// TestBodiesSpeak: a source the quote stage cannot resolve to a person
// takes the organisation or country it names as its head, and not one that
// only modifies the head.
func TestBodiesSpeak(t *testing.T) {
	x := annotate.New()
	for _, tc := range []struct {
		name, text, source, speaker string
	}{
		{"an organisation", "The Harbour Authority said the quay would reopen on Monday.", "The Harbour Authority", "Harbour Authority"},
		{"a news agency", "Reuters reported that the ferry talks had stalled.", "Reuters", "Reuters"},
		{"a country acting as one", "Norway said the fishing quota was final.", "Norway", "Norway"},
		{"a country with an appositive", "Norway, the largest buyer of the catch, said the quota was final.", "Norway, the largest buyer of the catch,", "Norway"},
		{"a name modifying the head", "Norwegian Fisheries Agency officials said the quota was final.", "Norwegian Fisheries Agency officials", ""},
		{"a name after a preposition", "A diver from the Harbour Authority said the quay was safe.", "A diver from the Harbour Authority", ""},
		{"a spokesman for a body", "A spokesman for the Harbour Authority said the quay was safe.", "A spokesman for the Harbour Authority", "Harbour Authority"},
		{"a body's spokeswoman", "A Harbour Authority spokeswoman said the quay was safe.", "A Harbour Authority spokeswoman", "Harbour Authority"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, qs := x.Text(tc.text)
			if len(qs) != 1 {
				t.Fatalf("%d attributions, want 1: %+v", len(qs), qs)
			}
			if q := qs[0]; q.SpeakerText != tc.source || q.Speaker != tc.speaker {
				t.Errorf("source %q speaker %q, want %q, %q", q.SpeakerText, q.Speaker, tc.source, tc.speaker)
			}
		})
	}
}
