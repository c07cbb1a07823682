package compare

import (
	"slices"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/quote"
)

// FromArticle makes the compare view of a stored article: its body, its
// entities and quotes as the annotation stage kept them, and where it sits
// (event; the original it copies and how).
func FromArticle(a *article.Article, event, copyOf, copyKind string) Article {
	ca := Article{ID: a.ID, Source: a.Source, Title: a.Title, URL: a.URL, Published: a.Published,
		Paragraphs: a.Paragraphs, EventID: event, CopyOf: copyOf, CopyKind: copyKind}
	ca.Entities = slices.Clone(a.Entities)
	for _, q := range a.Quotes {
		ca.Quotes = append(ca.Quotes, quote.Attribution{
			Source:      quote.Span{Start: q.SourceStart, End: q.SourceEnd},
			Cue:         quote.Span{Start: q.CueStart, End: q.CueEnd},
			Content:     quote.Span{Start: q.ContentStart, End: q.ContentEnd},
			Direct:      q.Direct,
			Scare:       q.Scare,
			Speaker:     q.Speaker,
			Speakers:    q.Speakers,
			SpeakerText: q.SpeakerText,
		})
	}
	return ca
}
