package store

import (
	"context"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// People answers who appears in the news and what they were quoted
// saying, from the entities and quotes kept with each article.
type People interface {
	// FindEntities returns the canonical entities a name may mean: those
	// whose canonical name is name, or ends with it as whole words ("Lavrov"
	// finds "Sergey Lavrov"), case-insensitive; the most mentioned first,
	// at most limit (0 means 20).
	FindEntities(ctx context.Context, name string, limit int) ([]EntityCount, error)

	// QuotesBy returns the attributions spoken by the entity with this
	// canonical name (alone or in a group), scare quotes left out, with
	// their articles, oldest published first (undated last, in arrival
	// order). Filter narrows the articles.
	QuotesBy(ctx context.Context, canonical string, f Filter) ([]QuoteHit, error)

	// SaveNames replaces the saved name registry (an opaque blob: the
	// entity stage's registry as JSON, which maps short names to the full
	// names earlier articles gave). LoadNames returns it, or nil when none
	// was saved.
	SaveNames(ctx context.Context, state []byte) error
	LoadNames(ctx context.Context) ([]byte, error)
}

// EntityCount is one canonical entity and how much the store holds of it.
type EntityCount struct {
	Canonical string `json:"canonical"`
	Type      string `json:"type"`
	// Articles counts the articles naming it or quoting it; Mentions its
	// mentions in them; Quoted the attributions it speaks.
	Articles int `json:"articles"`
	Mentions int `json:"mentions"`
	Quoted   int `json:"quoted"`
}

// QuoteHit is one attribution with the article it came from.
type QuoteHit struct {
	Article   string        `json:"article"`
	Source    string        `json:"source"`
	Title     string        `json:"title"`
	URL       string        `json:"url,omitempty"`
	Published time.Time     `json:"published,omitzero"`
	Quote     article.Quote `json:"quote"`
}
