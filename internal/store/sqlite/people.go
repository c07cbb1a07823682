package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/store"
)

var _ store.People = (*DB)(nil)

// FindEntities returns the canonical entities name may mean; see
// store.People. A whole-name match is an index lookup; the surname match
// ("Lavrov" for "Sergey Lavrov") scans the mentions table's names.
func (db *DB) FindEntities(ctx context.Context, name string, limit int) ([]store.EntityCount, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("find entities: %w", err)
	}
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	// LIKE's own wildcards in the name are escaped: they are not syntax here.
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(name)
	rows, err := db.read.QueryContext(ctx, `
		SELECT canonical, type, count(*), sum(mentions), sum(quoted) FROM mentions
		WHERE canonical = ?1 OR canonical LIKE '% ' || ?2 ESCAPE '\'
		GROUP BY canonical COLLATE NOCASE
		ORDER BY canonical = ?1 DESC, sum(mentions) + sum(quoted) DESC, canonical
		LIMIT ?3`, name, esc, limit)
	if err != nil {
		return nil, fmt.Errorf("find entities %q: %w", name, err)
	}
	defer rows.Close()
	var out []store.EntityCount
	for rows.Next() {
		var e store.EntityCount
		if err := rows.Scan(&e.Canonical, &e.Type, &e.Articles, &e.Mentions, &e.Quoted); err != nil {
			return nil, fmt.Errorf("find entities %q: %w", name, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find entities %q: %w", name, err)
	}
	return out, nil
}

// QuotesBy returns what canonical was quoted saying; see store.People.
func (db *DB) QuotesBy(ctx context.Context, canonical string, f store.Filter) ([]store.QuoteHit, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("quotes by %q: %w", canonical, err)
	}
	where, args := filterSQL(f)
	q := `SELECT a.id, a.source, a.title, a.url, a.published, a.pub_offset, a.pub_zone, a.annotations
		FROM mentions m JOIN articles a ON a.seq = m.article
		WHERE m.canonical = ? AND m.quoted > 0 AND ` + where + `
		ORDER BY a.published IS NULL, a.published, a.seq`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := db.read.QueryContext(ctx, q, append([]any{canonical}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("quotes by %q: %w", canonical, err)
	}
	defer rows.Close()
	var out []store.QuoteHit
	for rows.Next() {
		var (
			h         store.QuoteHit
			published sql.NullInt64
			offset    int
			zone      string
			ann       sql.NullString
		)
		if err := rows.Scan(&h.Article, &h.Source, &h.Title, &h.URL, &published, &offset, &zone, &ann); err != nil {
			return nil, fmt.Errorf("quotes by %q: %w", canonical, err)
		}
		h.Published = decodeTime(published, offset, zone)
		if !ann.Valid {
			continue
		}
		var an annotations
		if err := json.Unmarshal([]byte(ann.String), &an); err != nil {
			return nil, fmt.Errorf("quotes by %q: article %s: decode annotations: %w", canonical, h.Article, err)
		}
		for _, qt := range an.Quotes {
			if !qt.Scare && speaks(qt, canonical) {
				hit := h
				hit.Quote = qt
				out = append(out, hit)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("quotes by %q: %w", canonical, err)
	}
	return out, nil
}

// speaks tells whether name is q's speaker or one of its group.
func speaks(q article.Quote, name string) bool {
	if strings.EqualFold(q.Speaker, name) {
		return true
	}
	for _, s := range q.Speakers {
		if strings.EqualFold(s, name) {
			return true
		}
	}
	return false
}

// SaveNames replaces the saved name registry; see store.People.
func (db *DB) SaveNames(ctx context.Context, state []byte) error {
	if err := db.check(true); err != nil {
		return fmt.Errorf("save names: %w", err)
	}
	if state == nil {
		state = []byte{}
	}
	if _, err := db.write.ExecContext(ctx, `INSERT INTO saved_state (name, state, saved) VALUES ('names', ?, ?)
		ON CONFLICT (name) DO UPDATE SET state = excluded.state, saved = excluded.saved`,
		state, time.Now().UTC().UnixNano()); err != nil {
		return fmt.Errorf("save names: %w", err)
	}
	return nil
}

// LoadNames returns the saved name registry; see store.People.
func (db *DB) LoadNames(ctx context.Context) ([]byte, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("load names: %w", err)
	}
	var state []byte
	err := db.read.QueryRowContext(ctx, `SELECT state FROM saved_state WHERE name = 'names'`).Scan(&state)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load names: %w", err)
	}
	if state == nil {
		state = []byte{}
	}
	return state, nil
}
