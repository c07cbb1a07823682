package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/parallax-news/parallax/internal/store"
)

// snippetTokens is the length of a search snippet, in tokens (FTS5 allows
// at most 64).
const snippetTokens = 32

// Search runs a full-text query; see store.Store.
//
// The query is shaped so that FTS5 itself sorts by rank: the FTS table is
// the outer loop (CROSS JOIN) and the ORDER BY names its rank alone. Then
// snippet(), the costly part, runs only for the rows returned; a tie-break
// on another column would make SQLite sort, and build a snippet for every
// match first. Ranking is BM25 with a
// title match weighted three times a body match (the index's rank, set in
// the schema). The text is parsed by ftsQuery, so no input is a syntax
// error; text with nothing to match returns no hits.
func (db *DB) Search(ctx context.Context, q store.Query) ([]store.Hit, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	match := ftsQuery(q.Text)
	hits := []store.Hit{}
	if match == "" {
		return hits, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = q.Filter.Limit
	}
	if limit <= 0 {
		limit = 20
	}
	where, fargs := filterSQL(q.Filter)
	args := append([]any{store.MarkStart, store.MarkEnd, match}, fargs...)
	args = append(args, limit, max(q.Offset, 0))
	rows, err := db.read.QueryContext(ctx, `SELECT a.id, a.source, a.title, a.url,
		a.published, a.pub_offset, a.pub_zone, a.lang, -articles_fts.rank,
		snippet(articles_fts, -1, ?, ?, '…', `+fmt.Sprint(snippetTokens)+`)
		FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid
		WHERE articles_fts MATCH ? AND `+where+`
		ORDER BY articles_fts.rank LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	defer rows.Close()
	for rows.Next() {
		var h store.Hit
		var published sql.NullInt64
		var offset int
		var zone string
		if err := rows.Scan(&h.ID, &h.Source, &h.Title, &h.URL, &published, &offset, &zone,
			&h.Lang, &h.Score, &h.Snippet); err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Text, err)
		}
		h.Published = decodeTime(published, offset, zone)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	return hits, nil
}
