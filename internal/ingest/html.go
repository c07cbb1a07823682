package ingest

// STUB: the API is fixed; the implementation is being written.

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// readHTML reads one HTML page into an article: the main text as
// paragraphs, and title, byline, published time, language, site name and
// canonical URL. pageURL, where known, is the address the page came from.
// It leaves Source, ID, Format and Origin for the caller to fill.
func readHTML(r io.Reader, pageURL string, opt Options) (*article.Article, error) {
	return nil, errors.New("not implemented")
}

// fragmentParagraphs turns an HTML fragment, such as a feed item's content,
// into plain-text paragraphs.
func fragmentParagraphs(s string) []string { return nil }

// Extraction is the HTML reader's result as `parallax extract` shows it.
type Extraction struct {
	Title     string    `json:"title"`
	Byline    string    `json:"byline"`
	Published time.Time `json:"published,omitzero"`
	Lang      string    `json:"lang"`
	Site      string    `json:"site"`
	URL       string    `json:"url"`
	Text      string    `json:"text"`
}

// Extract reads one HTML page and returns what the HTML reader finds in it,
// without cleaning or storing anything.
func Extract(ctx context.Context, r io.Reader, pageURL string) (*Extraction, error) {
	return nil, errors.New("not implemented")
}
