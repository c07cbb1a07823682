package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/store"
)

// selectArticle reads the columns scanArticle expects.
const selectArticle = `SELECT a.seq, a.id, a.ingested, a.input_id, a.source, a.url, a.title,
	a.byline, a.published, a.pub_offset, a.pub_zone, a.lang, a.site, a.format, a.origin,
	a.body, a.para_lens, a.meta, a.annotations FROM articles a`

func scanArticle(rows *sql.Rows) (*article.Article, error) {
	var (
		a                article.Article
		ingested         int64
		published        sql.NullInt64
		offset           int
		zone, body, lens string
		meta, ann        sql.NullString
	)
	err := rows.Scan(&a.Seq, &a.ID, &ingested, &a.InputID, &a.Source, &a.URL, &a.Title,
		&a.Byline, &published, &offset, &zone, &a.Lang, &a.Site, &a.Format, &a.Origin,
		&body, &lens, &meta, &ann)
	if err != nil {
		return nil, fmt.Errorf("scan article: %w", err)
	}
	a.Ingested = time.Unix(0, ingested).UTC()
	a.Published = decodeTime(published, offset, zone)
	if a.Paragraphs, err = decodeParas(body, lens); err != nil {
		return nil, fmt.Errorf("article %s: %w", a.ID, err)
	}
	if meta.Valid {
		if err := json.Unmarshal([]byte(meta.String), &a.Meta); err != nil {
			return nil, fmt.Errorf("article %s: decode meta: %w", a.ID, err)
		}
	}
	if ann.Valid {
		var an annotations
		if err := json.Unmarshal([]byte(ann.String), &an); err != nil {
			return nil, fmt.Errorf("article %s: decode annotations: %w", a.ID, err)
		}
		a.Entities, a.Quotes = an.Entities, an.Quotes
	}
	return &a, nil
}

// decodeTime restores a published time in the zone it was given in.
func decodeTime(ns sql.NullInt64, offset int, zone string) time.Time {
	if !ns.Valid {
		return time.Time{}
	}
	t := time.Unix(0, ns.Int64)
	if offset == 0 && (zone == "UTC" || zone == "") {
		return t.UTC()
	}
	return t.In(time.FixedZone(zone, offset))
}

// Get returns the article with the given ID or unique ID prefix; see
// store.Store.
func (db *DB) Get(ctx context.Context, id string) (*article.Article, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("get article %s: %w", id, err)
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("get article %s: %w", id, err)
	}
	defer tx.Rollback()
	arts, err := queryArticles(ctx, tx, selectArticle+` WHERE a.id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("get article %s: %w", id, err)
	}
	if len(arts) == 0 && len(id) >= 6 {
		q := selectArticle + ` WHERE a.id >= ?`
		args := []any{id}
		if hi, ok := prefixEnd(id); ok {
			q += ` AND a.id < ?`
			args = append(args, hi)
		}
		arts, err = queryArticles(ctx, tx, q+` ORDER BY a.id LIMIT 2`, args...)
		if err != nil {
			return nil, fmt.Errorf("get article %s: %w", id, err)
		}
		if len(arts) > 1 {
			return nil, fmt.Errorf("get article %s: ambiguous ID prefix: matches %s, %s and maybe more", id, arts[0].ID, arts[1].ID)
		}
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("get article %s: %w", id, store.ErrNotFound)
	}
	if err := loadRows(ctx, tx, arts); err != nil {
		return nil, fmt.Errorf("get article %s: %w", id, err)
	}
	return arts[0], nil
}

// prefixEnd returns the least string greater than every string with the
// given prefix, and false when there is none (the prefix is all 0xff).
func prefixEnd(prefix string) (string, bool) {
	b := []byte(prefix)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1]), true
		}
	}
	return "", false
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func queryArticles(ctx context.Context, q querier, query string, args ...any) ([]*article.Article, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var arts []*article.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	return arts, rows.Err()
}

// seqList returns the articles' seqs as a JSON array, for json_each.
func seqList(arts []*article.Article) string {
	buf := make([]byte, 0, 8*len(arts)+2)
	buf = append(buf, '[')
	for i, a := range arts {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendInt(buf, a.Seq, 10)
	}
	return string(append(buf, ']'))
}

// loadRows fills the articles' removed lines, captions and credits.
func loadRows(ctx context.Context, q querier, arts []*article.Article) error {
	if len(arts) == 0 {
		return nil
	}
	bySeq := make(map[int64]*article.Article, len(arts))
	for _, a := range arts {
		bySeq[a.Seq] = a
	}
	seqs := seqList(arts)
	if err := scanEach(ctx, q, "removed lines", `SELECT article, idx, kind, text FROM removed
		WHERE article IN (SELECT value FROM json_each(?)) ORDER BY article, ord`, seqs,
		func(rows *sql.Rows) error {
			var seq int64
			var r article.Removed
			if err := rows.Scan(&seq, &r.Index, &r.Kind, &r.Text); err != nil {
				return err
			}
			if a := bySeq[seq]; a != nil {
				a.Removed = append(a.Removed, r)
			}
			return nil
		}); err != nil {
		return err
	}
	if err := scanEach(ctx, q, "captions", `SELECT article, text FROM captions
		WHERE article IN (SELECT value FROM json_each(?)) ORDER BY article, ord`, seqs,
		func(rows *sql.Rows) error {
			var seq int64
			var c string
			if err := rows.Scan(&seq, &c); err != nil {
				return err
			}
			if a := bySeq[seq]; a != nil {
				a.Captions = append(a.Captions, c)
			}
			return nil
		}); err != nil {
		return err
	}
	return scanEach(ctx, q, "credits", `SELECT article, text, names FROM credits
		WHERE article IN (SELECT value FROM json_each(?)) ORDER BY article, ord`, seqs,
		func(rows *sql.Rows) error {
			var seq int64
			var c article.Credit
			var names string
			if err := rows.Scan(&seq, &c.Text, &names); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(names), &c.Names); err != nil {
				return fmt.Errorf("decode credit names: %w", err)
			}
			if a := bySeq[seq]; a != nil {
				a.Credits = append(a.Credits, c)
			}
			return nil
		})
}

func scanEach(ctx context.Context, q querier, what, query string, arg any, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, arg)
	if err != nil {
		return fmt.Errorf("load %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return fmt.Errorf("load %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load %s: %w", what, err)
	}
	return nil
}

// filterSQL returns f as SQL conditions on articles aliased a (joined by
// AND, "true" when f filters nothing) with their arguments. Limit is the
// caller's to apply.
func filterSQL(f store.Filter) (string, []any) {
	var conds []string
	var args []any
	if len(f.Sources) > 0 {
		// The column's NOCASE collation makes IN case-insensitive.
		conds = append(conds, "a.source IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.Sources)), ",")+")")
		for _, s := range f.Sources {
			args = append(args, s)
		}
	}
	if !f.From.IsZero() {
		conds = append(conds, "a.published >= ?")
		args = append(args, clampNanos(f.From))
	}
	if !f.To.IsZero() {
		conds = append(conds, "a.published < ?")
		args = append(args, clampNanos(f.To))
	}
	if f.Lang != "" {
		conds = append(conds, "a.lang = ?")
		args = append(args, f.Lang)
	}
	if f.IDs != nil {
		ids, _ := json.Marshal(f.IDs) // a []string always encodes
		conds = append(conds, "a.id IN (SELECT value FROM json_each(?))")
		args = append(args, string(ids))
	}
	if f.AfterSeq > 0 {
		conds = append(conds, "a.seq > ?")
		args = append(args, f.AfterSeq)
	}
	if len(conds) == 0 {
		return "true", nil
	}
	return strings.Join(conds, " AND "), args
}

// clampNanos returns t as Unix nanoseconds, clamped to the stored range.
func clampNanos(t time.Time) int64 {
	switch {
	case t.Before(minTime):
		return minTime.UnixNano()
	case t.After(maxTime):
		return maxTime.UnixNano()
	}
	return t.UnixNano()
}

// eachBatch is how many articles Each reads at a time: enough to amortise
// the queries for their derived rows, few enough to bound memory.
const eachBatch = 256

// Each calls fn for every article matching f in Seq order; see
// store.Store. It reads in batches, each a consistent snapshot, and holds
// no connection or transaction while fn runs, so fn may use the store. An
// article Put during the walk is seen if it sorts after the current batch.
func (db *DB) Each(ctx context.Context, f store.Filter, fn func(*article.Article) error) error {
	if err := db.check(false); err != nil {
		return fmt.Errorf("list articles: %w", err)
	}
	where, args := filterSQL(store.Filter{Sources: f.Sources, From: f.From, To: f.To, Lang: f.Lang, IDs: f.IDs})
	last, left := f.AfterSeq, f.Limit
	for {
		n := eachBatch
		if f.Limit > 0 {
			n = min(n, left)
		}
		arts, err := db.batch(ctx, selectArticle+` WHERE `+where+` AND a.seq > ? ORDER BY a.seq LIMIT ?`,
			append(args[:len(args):len(args)], last, n)...)
		if err != nil {
			return fmt.Errorf("list articles: %w", err)
		}
		for _, a := range arts {
			if err := fn(a); err != nil {
				return err
			}
		}
		if len(arts) < n {
			return nil
		}
		last = arts[len(arts)-1].Seq
		if f.Limit > 0 {
			if left -= len(arts); left <= 0 {
				return nil
			}
		}
	}
}

// batch reads one batch of articles with their derived rows in one read
// transaction.
func (db *DB) batch(ctx context.Context, query string, args ...any) ([]*article.Article, error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	arts, err := queryArticles(ctx, tx, query, args...)
	if err != nil {
		return nil, err
	}
	if err := loadRows(ctx, tx, arts); err != nil {
		return nil, err
	}
	return arts, nil
}

// Count returns how many articles match f, at most f.Limit when set.
func (db *DB) Count(ctx context.Context, f store.Filter) (int, error) {
	if err := db.check(false); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	where, args := filterSQL(f)
	q := `SELECT count(*) FROM articles a WHERE ` + where
	if f.Limit > 0 {
		q = `SELECT count(*) FROM (SELECT 1 FROM articles a WHERE ` + where + ` LIMIT ?)`
		args = append(args, f.Limit)
	}
	var n int
	if err := db.read.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// LineCounts returns how many distinct articles of source hold each line
// key; see store.Store.
func (db *DB) LineCounts(ctx context.Context, source string, keys []uint64) (map[uint64]int, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("count lines: %w", err)
	}
	counts := make(map[uint64]int)
	if len(keys) == 0 {
		return counts, nil
	}
	buf := make([]byte, 0, 21*len(keys)+2)
	buf = append(buf, '[')
	for i, k := range keys {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendInt(buf, int64(k), 10)
	}
	buf = append(buf, ']')
	rows, err := db.read.QueryContext(ctx, `SELECT key, count(*) FROM article_lines
		WHERE source = ? AND key IN (SELECT value FROM json_each(?)) GROUP BY key`, source, string(buf))
	if err != nil {
		return nil, fmt.Errorf("count lines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k int64
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, fmt.Errorf("count lines: %w", err)
		}
		counts[uint64(k)] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count lines: %w", err)
	}
	return counts, nil
}

// ArticlesWithLine returns the IDs of source's articles holding the line
// key, in arrival order.
func (db *DB) ArticlesWithLine(ctx context.Context, source string, key uint64) ([]string, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("list articles with line: %w", err)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT a.id FROM article_lines l
		JOIN articles a ON a.seq = l.article
		WHERE l.source = ? AND l.key = ? ORDER BY l.article`, source, int64(key))
	if err != nil {
		return nil, fmt.Errorf("list articles with line: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("list articles with line: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles with line: %w", err)
	}
	return ids, nil
}

// Stats summarises the store, read in one snapshot.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	if err := db.check(false); err != nil {
		return store.Stats{}, fmt.Errorf("read stats: %w", err)
	}
	st, err := db.stats(ctx)
	if err != nil {
		return store.Stats{}, fmt.Errorf("read stats: %w", err)
	}
	return st, nil
}

func (db *DB) stats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{
		Langs:   make(map[string]int),
		Formats: make(map[string]int),
		Removed: make(map[string]int),
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return st, err
	}
	defer tx.Rollback()
	if st.SchemaVersion, err = userVersionTx(ctx, tx); err != nil {
		return st, err
	}
	var first, last sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT count(*), min(published), max(published) FROM articles`).
		Scan(&st.Articles, &first, &last); err != nil {
		return st, err
	}
	st.First, st.Last = utc(first), utc(last)
	// One voice per copy group: full copies do not count apart from
	// their group's original.
	var copiesHeld int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM copy_status WHERE grp != '' AND copy_of != ''`).Scan(&copiesHeld); err != nil {
		return st, err
	}
	st.Voices = st.Articles - copiesHeld
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM copy_groups`).Scan(&st.CopyGroups); err != nil {
		return st, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM stories)`).Scan(&st.Events, &st.Stories); err != nil {
		return st, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM captions), (SELECT count(*) FROM credits)`).
		Scan(&st.Captions, &st.Credits); err != nil {
		return st, err
	}
	err = scanEach(ctx, tx, "sources", `SELECT source, count(*), min(published), max(published)
		FROM articles WHERE ? GROUP BY source ORDER BY count(*) DESC, source`, true, func(rows *sql.Rows) error {
		var s store.SourceStats
		var first, last sql.NullInt64
		if err := rows.Scan(&s.Source, &s.Articles, &first, &last); err != nil {
			return err
		}
		s.First, s.Last = utc(first), utc(last)
		st.Sources = append(st.Sources, s)
		return nil
	})
	if err != nil {
		return st, err
	}
	for _, c := range []struct {
		query string
		into  map[string]int
	}{
		{`SELECT lang, count(*) FROM articles WHERE ? GROUP BY lang`, st.Langs},
		{`SELECT format, count(*) FROM articles WHERE ? GROUP BY format`, st.Formats},
		{`SELECT kind, count(*) FROM removed WHERE ? GROUP BY kind`, st.Removed},
	} {
		err := scanEach(ctx, tx, "counts", c.query, true, func(rows *sql.Rows) error {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				return err
			}
			c.into[k] += n
			return nil
		})
		if err != nil {
			return st, err
		}
	}
	return st, nil
}

func utc(ns sql.NullInt64) time.Time {
	if !ns.Valid {
		return time.Time{}
	}
	return time.Unix(0, ns.Int64).UTC()
}

func userVersionTx(ctx context.Context, tx *sql.Tx) (int, error) {
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}
