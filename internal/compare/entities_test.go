package compare

import (
	"github.com/parallax-news/parallax/internal/annotate"
	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/quote"
)

// testAnnotator is the product's annotation stage (entities, then quotes
// with the entity stage's people), as ingest runs it on each article.
var testAnnotator = annotate.New()

// annotated returns the entities and quotes of text as ingest would store
// them, in the form Compare takes.
func annotated(txt string) ([]Entity, []quote.Attribution) {
	ents, qs := testAnnotator.Text(txt)
	ca := FromArticle(&article.Article{Paragraphs: []string{txt}, Entities: ents, Quotes: qs}, "", "", "")
	return ca.Entities, ca.Quotes
}
