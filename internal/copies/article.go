package copies

import "github.com/parallax-news/parallax/internal/article"

// boilerplate are the kinds of removed paragraph that make a text less
// clean: what a copier adds around a story, not what the story holds.
var boilerplate = map[article.RemovedKind]bool{
	article.KindBio:        true,
	article.KindNewsletter: true,
	article.KindConsent:    true,
	article.KindViewMore:   true,
	article.KindShare:      true,
	article.KindRelated:    true,
	article.KindAd:         true,
	article.KindRepeated:   true,
}

// DocOf returns the detector's view of a cleaned article: its body, the
// names it credits and how much boilerplate cleaning removed. isWire says
// whether the article is a wire service's own (from the source's profile);
// the detector does not guess it.
func DocOf(a *article.Article, isWire bool) *Doc {
	d := &Doc{
		ID:         a.ID,
		Source:     a.Source,
		Title:      a.Title,
		Published:  a.Published,
		Paragraphs: a.Paragraphs,
		IsWire:     isWire,
	}
	for _, c := range a.Credits {
		d.Credits = append(d.Credits, c.Names...)
	}
	for _, r := range a.Removed {
		if boilerplate[r.Kind] {
			d.Removed++
		}
	}
	return d
}
