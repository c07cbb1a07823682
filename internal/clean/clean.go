// Package clean separates an article's reporting from what surrounds it.
// STUB: the API is fixed; the implementation is being written.
package clean

import "github.com/parallax-news/parallax/internal/article"

// Options configures a Cleaner.
type Options struct {
	// RepeatThreshold is how many distinct articles of one source a short
	// line must appear in before it counts as that source's boilerplate.
	RepeatThreshold int
}

// DefaultOptions returns the defaults.
func DefaultOptions() Options { return Options{RepeatThreshold: 4} }

// Cleaner cleans articles. It is safe for concurrent use.
type Cleaner struct{ opt Options }

// New returns a Cleaner.
func New(opt Options) *Cleaner { return &Cleaner{opt: opt} }

// Clean moves the paragraphs of a.Paragraphs that are not the article into
// a.Removed (labelled), photo captions into a.Captions and contribution lines
// into a.Credits. Cleaning a cleaned article changes nothing.
func (c *Cleaner) Clean(a *article.Article) {}

// RemoveRepeated moves body paragraphs whose article.LineKey is in repeated
// out of the body as KindRepeated, and reports whether any moved.
func (c *Cleaner) RemoveRepeated(a *article.Article, repeated map[uint64]bool) bool { return false }
