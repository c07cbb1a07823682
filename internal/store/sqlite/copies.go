package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/store"
)

// SaveCopies records one arrival's copy decisions; see store.Copies.
func (db *DB) SaveCopies(ctx context.Context, recs ...store.CopyRecord) error {
	if err := db.check(true); err != nil {
		return fmt.Errorf("save copies: %w", err)
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save copies: begin: %w", err)
	}
	defer tx.Rollback()
	now := time.Now().UTC().UnixNano()
	for _, rec := range recs {
		if err := saveCopies(ctx, tx, rec, now); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save copies: commit: %w", err)
	}
	return nil
}

func saveCopies(ctx context.Context, tx *sql.Tx, rec store.CopyRecord, now int64) error {
	for _, m := range rec.Matches {
		if _, err := tx.ExecContext(ctx, `INSERT INTO copy_matches (copy, of, kind, containment, coverage, jaccard, passage, shared, reason)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (copy, of) DO UPDATE SET kind = excluded.kind, containment = excluded.containment,
				coverage = excluded.coverage, jaccard = excluded.jaccard, passage = excluded.passage,
				shared = excluded.shared, reason = excluded.reason`,
			m.Copy, m.Of, m.Kind, m.Containment, m.Coverage, m.Jaccard, m.Passage, m.SharedParagraphs, m.Reason); err != nil {
			return fmt.Errorf("save copy match %s of %s: %w", m.Copy, m.Of, err)
		}
	}
	for _, g := range rec.Groups {
		members, err := json.Marshal(g.Members)
		if err != nil {
			return fmt.Errorf("save copy group %s: %w", g.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO copy_groups (id, original, reason, members, changed) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET original = excluded.original, reason = excluded.reason,
				members = excluded.members, changed = excluded.changed`,
			g.ID, g.Original, g.Reason, string(members), now); err != nil {
			return fmt.Errorf("save copy group %s: %w", g.ID, err)
		}
	}
	for _, id := range rec.Dissolved {
		if _, err := tx.ExecContext(ctx, `DELETE FROM copy_groups WHERE id = ?`, id); err != nil {
			return fmt.Errorf("dissolve copy group %s: %w", id, err)
		}
	}
	for _, c := range rec.Changes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO copy_changes (kind, grp, article, from_id, to_id, reason, at)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			c.Kind, c.Group, c.Article, c.From, c.To, c.Reason, now); err != nil {
			return fmt.Errorf("save copy change: %w", err)
		}
	}
	for _, st := range rec.Statuses {
		if _, err := tx.ExecContext(ctx, `INSERT INTO copy_status (article, copy_of, kind, containment, grp) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (article) DO UPDATE SET copy_of = excluded.copy_of, kind = excluded.kind,
				containment = excluded.containment, grp = excluded.grp`,
			st.ID, st.CopyOf, st.Kind, st.Containment, st.Group); err != nil {
			return fmt.Errorf("save copy status of %s: %w", st.ID, err)
		}
	}
	return nil
}

// CopyStatus returns an article's copy status; see store.Copies.
func (db *DB) CopyStatus(ctx context.Context, id string) (store.CopyStatus, error) {
	if err := db.check(false); err != nil {
		return store.CopyStatus{}, fmt.Errorf("copy status: %w", err)
	}
	var st store.CopyStatus
	var original sql.NullString
	err := db.read.QueryRowContext(ctx, `SELECT a.id, coalesce(s.copy_of, ''), coalesce(s.kind, ''),
			coalesce(s.containment, 0), coalesce(s.grp, ''), g.original
		FROM articles a LEFT JOIN copy_status s ON s.article = a.id
		LEFT JOIN copy_groups g ON g.id = s.grp
		WHERE a.id = ?`, id).Scan(&st.ID, &st.CopyOf, &st.Kind, &st.Containment, &st.Group, &original)
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("copy status of %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("copy status of %s: %w", id, err)
	}
	st.Voice = st.ID
	if original.Valid && original.String != "" {
		st.Voice = original.String
	}
	return st, nil
}

// CopyGroups returns the live copy groups; see store.Copies.
func (db *DB) CopyGroups(ctx context.Context) ([]store.CopyGroup, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("copy groups: %w", err)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT id, original, reason, members, changed FROM copy_groups ORDER BY changed DESC, id`)
	if err != nil {
		return nil, fmt.Errorf("copy groups: %w", err)
	}
	defer rows.Close()
	var gs []store.CopyGroup
	for rows.Next() {
		var g store.CopyGroup
		var members string
		var changed int64
		if err := rows.Scan(&g.ID, &g.Original, &g.Reason, &members, &changed); err != nil {
			return nil, fmt.Errorf("copy groups: %w", err)
		}
		if err := json.Unmarshal([]byte(members), &g.Members); err != nil {
			return nil, fmt.Errorf("copy group %s: members: %w", g.ID, err)
		}
		g.Changed = time.Unix(0, changed).UTC()
		gs = append(gs, g)
	}
	return gs, rows.Err()
}

// CopyMatches returns an article's matches; see store.Copies.
func (db *DB) CopyMatches(ctx context.Context, id string) ([]store.CopyMatch, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("copy matches: %w", err)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT copy, of, kind, containment, coverage, jaccard, passage, shared, reason
		FROM copy_matches WHERE copy = ?1 OR of = ?1 ORDER BY kind, containment DESC, copy, of`, id)
	if err != nil {
		return nil, fmt.Errorf("copy matches of %s: %w", id, err)
	}
	defer rows.Close()
	var ms []store.CopyMatch
	for rows.Next() {
		var m store.CopyMatch
		if err := rows.Scan(&m.Copy, &m.Of, &m.Kind, &m.Containment, &m.Coverage, &m.Jaccard, &m.Passage, &m.SharedParagraphs, &m.Reason); err != nil {
			return nil, fmt.Errorf("copy matches of %s: %w", id, err)
		}
		ms = append(ms, m)
	}
	return ms, rows.Err()
}

// CopyChanges returns recorded group changes; see store.Copies.
func (db *DB) CopyChanges(ctx context.Context, group string) ([]store.CopyChange, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("copy changes: %w", err)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT kind, grp, article, from_id, to_id, reason, at FROM copy_changes
		WHERE ?1 = '' OR grp = ?1 OR (kind = 'merged' AND from_id = ?1) ORDER BY n`, group)
	if err != nil {
		return nil, fmt.Errorf("copy changes: %w", err)
	}
	defer rows.Close()
	var cs []store.CopyChange
	for rows.Next() {
		var c store.CopyChange
		var at int64
		if err := rows.Scan(&c.Kind, &c.Group, &c.Article, &c.From, &c.To, &c.Reason, &at); err != nil {
			return nil, fmt.Errorf("copy changes: %w", err)
		}
		c.At = time.Unix(0, at).UTC()
		cs = append(cs, c)
	}
	return cs, rows.Err()
}

// CopyStatuses returns several articles' copy status; see store.Copies.
func (db *DB) CopyStatuses(ctx context.Context, ids []string) (map[string]store.CopyStatus, error) {
	if err := db.check(false); err != nil {
		return nil, fmt.Errorf("copy statuses: %w", err)
	}
	out := make(map[string]store.CopyStatus, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("copy statuses: %w", err)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT a.id, coalesce(s.copy_of, ''), coalesce(s.kind, ''),
			coalesce(s.containment, 0), coalesce(s.grp, ''), g.original
		FROM articles a LEFT JOIN copy_status s ON s.article = a.id
		LEFT JOIN copy_groups g ON g.id = s.grp
		WHERE a.id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("copy statuses: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var st store.CopyStatus
		var original sql.NullString
		if err := rows.Scan(&st.ID, &st.CopyOf, &st.Kind, &st.Containment, &st.Group, &original); err != nil {
			return nil, fmt.Errorf("copy statuses: %w", err)
		}
		st.Voice = st.ID
		if original.Valid && original.String != "" {
			st.Voice = original.String
		}
		out[st.ID] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("copy statuses: %w", err)
	}
	return out, nil
}
