package clean

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

// benchParagraphs is a fictional ~2 KB article with a typical tail.
var benchParagraphs = []string{
	"HARBOUR CITY (Wire) — The port authority voted on Tuesday to close the old ferry terminal by spring, ending a century of crossings from the east quay.",
	"“We have kept it running on goodwill and glue,” said Mara Ellison, the authority’s chair, after the vote. “The glue has run out.”",
	"The terminal carried 1.2 million passengers last year, down from 3 million a decade ago, according to the authority’s annual report.",
	"Commuters who rely on the early boat said the closure would add an hour to their journey. The authority said a new bus link would run from March.",
	"Advertisement",
	"The council, which owns the land under the terminal, has proposed turning the site into a park with a small museum about the ferries.",
	"Ellison said the authority had considered repairing the pier, but the estimate of 40 million had made the decision for it.",
	"A view of the east quay at dusk on Monday. (Photo by Tom Reyes/Harbour Daily)",
	"Includes reporting from the Harbour Daily.",
	"Sign up for our morning newsletter!",
	"Jon Baptiste is a reporter for Harbour Daily covering transport. Follow him on Twitter @jbaptiste.",
}

// BenchmarkClean cleans a ~2 KB article.
//
//	go test ./internal/clean -bench Clean -count 6 | benchstat -
func BenchmarkClean(b *testing.B) {
	c := New(DefaultOptions())
	size := len(strings.Join(benchParagraphs, "\n\n"))
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		a := &article.Article{Paragraphs: append([]string(nil), benchParagraphs...)}
		c.Clean(a)
		if len(a.Removed) != 5 {
			b.Fatalf("removed %d paragraphs, want 5: %+v", len(a.Removed), a.Removed)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
