package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/store"
)

// SaveClusters records clustering decisions; see store.Events.
func (db *DB) SaveClusters(ctx context.Context, recs ...store.ClusterRecord) error {
	if err := db.check(true); err != nil {
		return fmt.Errorf("save clusters: %w", err)
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save clusters: begin: %w", err)
	}
	defer tx.Rollback()
	for _, rec := range recs {
		if err := saveCluster(ctx, tx, rec); err != nil {
			return fmt.Errorf("save clusters of %s: %w", rec.Article, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save clusters: commit: %w", err)
	}
	return nil
}

// nanos encodes a time as UTC Unix nanoseconds, NULL when zero.
func nanos(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return clampNanos(t)
}

func saveCluster(ctx context.Context, tx *sql.Tx, rec store.ClusterRecord) error {
	for _, s := range rec.Stories {
		if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, label, first, last, events, articles) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET label = excluded.label, first = excluded.first, last = excluded.last,
				events = excluded.events, articles = excluded.articles`,
			s.ID, s.Label, nanos(s.First), nanos(s.Last), s.Events, s.Articles); err != nil {
			return fmt.Errorf("story %s: %w", s.ID, err)
		}
	}
	for _, e := range rec.Events {
		if _, err := tx.ExecContext(ctx, `INSERT INTO events (id, story, label, first, last, articles) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET story = excluded.story, label = excluded.label, first = excluded.first,
				last = excluded.last, articles = excluded.articles`,
			e.ID, e.Story, e.Label, nanos(e.First), nanos(e.Last), e.Articles); err != nil {
			return fmt.Errorf("event %s: %w", e.ID, err)
		}
		// An event moved to another story takes its articles along.
		if _, err := tx.ExecContext(ctx, `UPDATE article_clusters SET story = ?2 WHERE event = ?1 AND story <> ?2`, e.ID, e.Story); err != nil {
			return fmt.Errorf("event %s: articles: %w", e.ID, err)
		}
	}
	for _, al := range rec.Aliases {
		if err := saveAlias(ctx, tx, al); err != nil {
			return err
		}
	}
	if rec.Article != "" {
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_clusters (article, event, story) VALUES (?, ?, ?)
			ON CONFLICT (article) DO UPDATE SET event = excluded.event, story = excluded.story`,
			rec.Article, rec.Event, rec.Story); err != nil {
			return fmt.Errorf("article: %w", err)
		}
	}
	return nil
}

// saveAlias records a merge: the absorbed row goes, and everything that
// pointed at it points at the survivor.
func saveAlias(ctx context.Context, tx *sql.Tx, al store.Alias) error {
	if al.From == "" || al.To == "" || al.From == al.To {
		return fmt.Errorf("alias %q → %q: invalid", al.From, al.To)
	}
	var stmts []string
	switch al.Kind {
	case "event":
		stmts = []string{
			`UPDATE article_clusters SET event = ?2,
				story = coalesce((SELECT story FROM events WHERE id = ?2), story) WHERE event = ?1`,
			`DELETE FROM events WHERE id = ?1`,
		}
	case "story":
		stmts = []string{
			`UPDATE article_clusters SET story = ?2 WHERE story = ?1`,
			`UPDATE events SET story = ?2 WHERE story = ?1`,
			`DELETE FROM stories WHERE id = ?1`,
		}
	default:
		return fmt.Errorf("alias %s → %s: unknown kind %q", al.From, al.To, al.Kind)
	}
	stmts = append(stmts,
		`UPDATE cluster_aliases SET survivor = ?2 WHERE survivor = ?1`,
		`INSERT INTO cluster_aliases (alias, kind, survivor) VALUES (?1, ?3, ?2)
			ON CONFLICT (alias) DO UPDATE SET kind = excluded.kind, survivor = excluded.survivor`,
	)
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q, al.From, al.To, al.Kind); err != nil {
			return fmt.Errorf("alias %s → %s: %w", al.From, al.To, err)
		}
	}
	return nil
}

// resolve follows an alias to the survivor's ID.
func (db *DB) resolve(ctx context.Context, id string) (string, error) {
	var to string
	err := db.read.QueryRowContext(ctx, `SELECT survivor FROM cluster_aliases WHERE alias = ?`, id).Scan(&to)
	if errors.Is(err, sql.ErrNoRows) {
		return id, nil
	}
	if err != nil {
		return "", err
	}
	return to, nil
}

const eventCols = `id, story, label, first, last, articles`

func scanEvent(sc interface{ Scan(...any) error }) (store.Event, error) {
	var e store.Event
	var first, last sql.NullInt64
	if err := sc.Scan(&e.ID, &e.Story, &e.Label, &first, &last, &e.Articles); err != nil {
		return e, err
	}
	e.First, e.Last = utc(first), utc(last)
	return e, nil
}

const storyCols = `id, label, first, last, events, articles`

func scanStory(sc interface{ Scan(...any) error }) (store.Story, error) {
	var s store.Story
	var first, last sql.NullInt64
	if err := sc.Scan(&s.ID, &s.Label, &first, &last, &s.Events, &s.Articles); err != nil {
		return s, err
	}
	s.First, s.Last = utc(first), utc(last)
	return s, nil
}

// Event returns an event with its members; see store.Events.
func (db *DB) Event(ctx context.Context, id string) (store.Event, error) {
	if err := db.check(false); err != nil {
		return store.Event{}, fmt.Errorf("event: %w", err)
	}
	rid, err := db.resolve(ctx, id)
	if err != nil {
		return store.Event{}, fmt.Errorf("event %s: %w", id, err)
	}
	e, err := scanEvent(db.read.QueryRowContext(ctx, `SELECT `+eventCols+` FROM events WHERE id = ?`, rid))
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("event %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return e, fmt.Errorf("event %s: %w", id, err)
	}
	if e.Members, err = db.members(ctx, e.ID); err != nil {
		return e, err
	}
	return e, nil
}

// members returns an event's article IDs in arrival order.
func (db *DB) members(ctx context.Context, event string) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT c.article FROM article_clusters c
		LEFT JOIN articles a ON a.id = c.article WHERE c.event = ? ORDER BY a.seq, c.article`, event)
	if err != nil {
		return nil, fmt.Errorf("articles of event %s: %w", event, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("articles of event %s: %w", event, err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Story returns a story; see store.Events.
func (db *DB) Story(ctx context.Context, id string) (store.Story, error) {
	if err := db.check(false); err != nil {
		return store.Story{}, fmt.Errorf("story: %w", err)
	}
	rid, err := db.resolve(ctx, id)
	if err != nil {
		return store.Story{}, fmt.Errorf("story %s: %w", id, err)
	}
	s, err := scanStory(db.read.QueryRowContext(ctx, `SELECT `+storyCols+` FROM stories WHERE id = ?`, rid))
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return s, fmt.Errorf("story %s: %w", id, err)
	}
	return s, nil
}

// Events lists events, the most recent first; see store.Events.
func (db *DB) Events(ctx context.Context, f store.EventFilter) ([]store.Event, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	q := `SELECT ` + eventCols + ` FROM events`
	var args []any
	if f.Story != "" {
		sid, err := db.resolve(ctx, f.Story)
		if err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		q += ` WHERE story = ?`
		args = append(args, sid)
	}
	q += ` ORDER BY last IS NULL, last DESC, id DESC`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var es []store.Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		es = append(es, e)
	}
	return es, rows.Err()
}

// Stories lists stories, the most recent first; see store.Events.
func (db *DB) Stories(ctx context.Context, limit int) ([]store.Story, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	q := `SELECT ` + storyCols + ` FROM stories ORDER BY last IS NULL, last DESC, id DESC`
	var args []any
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	defer rows.Close()
	var ss []store.Story
	for rows.Next() {
		s, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("list stories: %w", err)
		}
		ss = append(ss, s)
	}
	return ss, rows.Err()
}

// StoryEvents returns a story's events in time order; see store.Events.
func (db *DB) StoryEvents(ctx context.Context, storyID string) ([]store.Event, error) {
	s, err := db.Story(ctx, storyID)
	if err != nil {
		return nil, err
	}
	rows, err := db.read.QueryContext(ctx, `SELECT `+eventCols+` FROM events WHERE story = ?
		ORDER BY first IS NULL, first, id`, s.ID)
	if err != nil {
		return nil, fmt.Errorf("events of story %s: %w", s.ID, err)
	}
	var es []store.Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("events of story %s: %w", s.ID, err)
		}
		es = append(es, e)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("events of story %s: %w", s.ID, err)
	}
	for i := range es {
		if es[i].Members, err = db.members(ctx, es[i].ID); err != nil {
			return nil, err
		}
	}
	return es, nil
}

// ArticleCluster returns an article's event and story; see store.Events.
func (db *DB) ArticleCluster(ctx context.Context, articleID string) (store.ArticleCluster, error) {
	if err := db.check(false); err != nil {
		return store.ArticleCluster{}, fmt.Errorf("article cluster: %w", err)
	}
	ac := store.ArticleCluster{Article: articleID}
	err := db.read.QueryRowContext(ctx, `SELECT event, story FROM article_clusters WHERE article = ?`, articleID).Scan(&ac.Event, &ac.Story)
	if errors.Is(err, sql.ErrNoRows) {
		return ac, fmt.Errorf("cluster of %s: %w", articleID, store.ErrNotFound)
	}
	if err != nil {
		return ac, fmt.Errorf("cluster of %s: %w", articleID, err)
	}
	return ac, nil
}

// SaveClusterState replaces the saved clusterer state; see store.Events.
func (db *DB) SaveClusterState(ctx context.Context, state []byte) error {
	if err := db.check(true); err != nil {
		return fmt.Errorf("save cluster state: %w", err)
	}
	if state == nil {
		state = []byte{}
	}
	if _, err := db.write.ExecContext(ctx, `INSERT INTO cluster_state (id, state, saved) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET state = excluded.state, saved = excluded.saved`,
		state, time.Now().UTC().UnixNano()); err != nil {
		return fmt.Errorf("save cluster state: %w", err)
	}
	return nil
}

// LoadClusterState returns the saved clusterer state; see store.Events.
func (db *DB) LoadClusterState(ctx context.Context) ([]byte, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("load cluster state: %w", err)
	}
	var state []byte
	err := db.read.QueryRowContext(ctx, `SELECT state FROM cluster_state WHERE id = 1`).Scan(&state)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load cluster state: %w", err)
	}
	if state == nil {
		state = []byte{}
	}
	return state, nil
}

// EachArticleCluster walks every article's placement; see store.Events.
func (db *DB) EachArticleCluster(ctx context.Context, fn func(store.ArticleCluster) error) error {
	if err := db.check(false); err != nil {
		return fmt.Errorf("list article clusters: %w", err)
	}
	var last int64
	for {
		batch, err := db.articleClusters(ctx, last)
		if err != nil {
			return fmt.Errorf("list article clusters: %w", err)
		}
		for _, b := range batch {
			if err := fn(b.ac); err != nil {
				return err
			}
			last = b.seq
		}
		if len(batch) < eachBatch*4 {
			return nil
		}
	}
}

type seqCluster struct {
	seq int64
	ac  store.ArticleCluster
}

// articleClusters reads one batch of placements after seq.
func (db *DB) articleClusters(ctx context.Context, after int64) ([]seqCluster, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT a.seq, c.article, c.event, c.story
		FROM article_clusters c JOIN articles a ON a.id = c.article
		WHERE a.seq > ? ORDER BY a.seq LIMIT ?`, after, eachBatch*4)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []seqCluster
	for rows.Next() {
		var b seqCluster
		if err := rows.Scan(&b.seq, &b.ac.Article, &b.ac.Event, &b.ac.Story); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// ReplaceClusters replaces all clustering at once; see store.Events.
func (db *DB) ReplaceClusters(ctx context.Context, recs []store.ClusterRecord, state []byte) error {
	if err := db.check(true); err != nil {
		return fmt.Errorf("replace clusters: %w", err)
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("replace clusters: begin: %w", err)
	}
	defer tx.Rollback()
	for _, q := range []string{`DELETE FROM article_clusters`, `DELETE FROM events`, `DELETE FROM stories`, `DELETE FROM cluster_state`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("replace clusters: %w", err)
		}
	}
	for _, rec := range recs {
		if err := saveCluster(ctx, tx, rec); err != nil {
			return fmt.Errorf("replace clusters at %s: %w", rec.Article, err)
		}
	}
	// A name in use by a live cluster is no longer an alias.
	if _, err := tx.ExecContext(ctx, `DELETE FROM cluster_aliases
		WHERE alias IN (SELECT id FROM events UNION ALL SELECT id FROM stories)`); err != nil {
		return fmt.Errorf("replace clusters: drop live aliases: %w", err)
	}
	if state != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO cluster_state (id, state, saved) VALUES (1, ?, ?)`,
			state, time.Now().UTC().UnixNano()); err != nil {
			return fmt.Errorf("replace clusters: save state: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("replace clusters: commit: %w", err)
	}
	return nil
}
