// Package store declares how Parallax keeps what it knows: articles with
// their cleaned text and derived rows, full-text search over them, the
// per-source line counts that reveal boilerplate, copy decisions (Copies),
// and the events and stories clustering found (Events).
//
// Implementations live in subpackages (store/sqlite, and store/postgres when
// one machine is not enough); package storetest holds the conformance suite
// every implementation must pass. Callers depend on the Store interface only,
// so swapping the implementation changes no caller.
//
// Every method is safe for concurrent use. Writes of one article and its
// derived rows are atomic: after Put returns nil the article is durable, and
// a crash before that leaves no part of it behind.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// ErrNotFound is returned when an ID names nothing the store holds.
var ErrNotFound = errors.New("not found")

// Marks around the matched terms in a search snippet. They are Unicode
// private-use code points, which news text does not contain, so a caller can
// escape the snippet for its medium first and then render the marks (bold on
// a terminal, <mark> in HTML).
const (
	MarkStart = "\uE000"
	MarkEnd   = "\uE001"
)

// Store keeps articles and answers questions about them.
type Store interface {
	// Put stores an article and its derived rows in one transaction and
	// sets its Seq and Ingested. If an article with the same ID is already
	// held, Put changes nothing, fills a's Seq and Ingested from the held
	// copy, and returns created == false: ingesting the same input twice adds
	// nothing.
	Put(ctx context.Context, a *article.Article) (created bool, err error)

	// PutBatch stores several articles in one transaction, in slice order
	// (their Seq follow it), with Put's semantics for each: created[i]
	// tells whether as[i] was new. Either the whole batch is stored or, on
	// error, none of it; a caller that wants the good articles of a failed
	// batch stored retries them one by one with Put.
	PutBatch(ctx context.Context, as []*article.Article) (created []bool, err error)

	// Update replaces a held article's content (title, paragraphs, removed
	// lines, captions, credits, metadata) in one transaction, keeping its
	// Seq and Ingested, and re-indexes it for search. It returns ErrNotFound
	// when the ID is not held.
	Update(ctx context.Context, a *article.Article) error

	// Get returns the article with the given ID, or ErrNotFound. A unique
	// prefix of an ID (at least 6 characters) is accepted too.
	Get(ctx context.Context, id string) (*article.Article, error)

	// Each calls fn for every article that matches f, in arrival (Seq)
	// order, streaming: the store never holds the whole result in memory.
	// An error from fn stops the walk and is returned.
	Each(ctx context.Context, f Filter, fn func(*article.Article) error) error

	// Count returns how many articles match f.
	Count(ctx context.Context, f Filter) (int, error)

	// Search runs a full-text query, best match first (BM25, the title
	// weighted above the body), with a snippet of the best passage.
	Search(ctx context.Context, q Query) ([]Hit, error)

	// LineCounts returns, for each line key given, how many distinct
	// articles of source contain that line (see article.LineKeys). Keys
	// held by no article are absent from the map.
	LineCounts(ctx context.Context, source string, keys []uint64) (map[uint64]int, error)

	// ArticlesWithLine returns the IDs of the articles of source that
	// contain the line with the given key, in arrival order.
	ArticlesWithLine(ctx context.Context, source string, key uint64) ([]string, error)

	// Stats summarises what the store holds.
	Stats(ctx context.Context) (Stats, error)

	Copies
	Events
	People

	// Close releases the store. Calls after Close fail.
	Close() error
}

// Filter narrows a listing or a search. Zero fields do not filter.
type Filter struct {
	// Sources keeps articles whose source is one of these (exact match,
	// case-insensitive).
	Sources []string
	// From and To bound the published time, inclusive of From and
	// exclusive of To. Articles with no published time never match a
	// bounded filter.
	From, To time.Time
	// Lang keeps articles in this language (ISO 639-1 code).
	Lang string
	// IDs keeps the articles with these IDs (exact IDs, not prefixes).
	IDs []string
	// AfterSeq keeps articles that arrived after this Seq: for paging and
	// for reading what is new since a point.
	AfterSeq int64
	// Limit caps the number of results; 0 means no cap.
	Limit int
}

// Query is a full-text search.
type Query struct {
	// Text is the user's query: words are ANDed, "quoted phrases" match as
	// phrases, OR between words widens, a leading - excludes a word, and a
	// trailing * matches a prefix. Punctuation that is not syntax is
	// ignored rather than rejected.
	Text   string
	Filter Filter
	// Limit caps the hits; 0 means 20.
	Limit int
	// Offset skips the first hits, for paging.
	Offset int
}

// Hit is one search result.
type Hit struct {
	ID        string    `json:"id"`
	Source    string    `json:"source"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Lang      string    `json:"lang,omitempty"`
	// Score is the BM25 relevance, larger is better.
	Score float64 `json:"score"`
	// Snippet is a passage of the body (or title) with matched terms
	// between MarkStart and MarkEnd.
	Snippet string `json:"snippet"`
}

// Stats summarises a store.
type Stats struct {
	Articles int `json:"articles"`
	// Voices counts articles with each copy group counted once.
	Voices int `json:"voices"`
	// CopyGroups counts the groups of full copies.
	CopyGroups int `json:"copy_groups"`
	// Events and Stories count the live (not merged) events and stories.
	Events  int `json:"events"`
	Stories int `json:"stories"`
	// Sources lists every source with its article count, most first.
	Sources []SourceStats `json:"sources"`
	// Langs counts articles per language ("" for unknown).
	Langs map[string]int `json:"langs"`
	// Formats counts articles per reader format.
	Formats map[string]int `json:"formats"`
	// Removed counts removed paragraphs per kind.
	Removed  map[string]int `json:"removed"`
	Captions int            `json:"captions"`
	Credits  int            `json:"credits"`
	// First and Last bound the published times held.
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
	// SchemaVersion is the store's schema version.
	SchemaVersion int `json:"schema_version"`
}

// SourceStats is one source's share of a store.
type SourceStats struct {
	Source   string    `json:"source"`
	Articles int       `json:"articles"`
	First    time.Time `json:"first,omitzero"`
	Last     time.Time `json:"last,omitzero"`
}
