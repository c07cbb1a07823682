package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/store"
)

// insertStmts are the write connection's prepared statements.
type insertStmts struct {
	article, update, held, index                  *sql.Stmt
	removed, caption, credit, line                *sql.Stmt
	delRemoved, delCaptions, delCredits, delLines *sql.Stmt
	mention, delMentions                          *sql.Stmt
}

const articleColumns = `input_id, source, url, title, byline, published, pub_offset, pub_zone,
	lang, site, format, origin, body, para_lens, meta, annotations`

func prepareInserts(ctx context.Context, db *sql.DB) (*insertStmts, error) {
	var s insertStmts
	var err error
	prep := func(dst **sql.Stmt, query string) {
		if err != nil {
			return
		}
		*dst, err = db.PrepareContext(ctx, query)
	}
	prep(&s.article, `INSERT INTO articles (id, ingested, `+articleColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING RETURNING seq`)
	prep(&s.update, `UPDATE articles SET (`+articleColumns+`) =
		(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE seq = ?`)
	prep(&s.held, `SELECT seq, ingested FROM articles WHERE id = ?`)
	prep(&s.index, `INSERT INTO articles_fts (rowid, title, body)
		SELECT seq, title, body FROM articles WHERE seq IN (SELECT value FROM json_each(?))`)
	prep(&s.removed, `INSERT INTO removed (article, ord, idx, kind, text) VALUES (?, ?, ?, ?, ?)`)
	prep(&s.caption, `INSERT INTO captions (article, ord, text) VALUES (?, ?, ?)`)
	prep(&s.credit, `INSERT INTO credits (article, ord, text, names) VALUES (?, ?, ?, ?)`)
	prep(&s.line, `INSERT INTO article_lines (source, key, article)
		SELECT ?, value, ? FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`)
	prep(&s.delRemoved, `DELETE FROM removed WHERE article = ?`)
	prep(&s.delCaptions, `DELETE FROM captions WHERE article = ?`)
	prep(&s.delCredits, `DELETE FROM credits WHERE article = ?`)
	prep(&s.delLines, `DELETE FROM article_lines WHERE article = ?`)
	prep(&s.mention, `INSERT INTO mentions (canonical, article, type, mentions, quoted)
		SELECT value->>0, ?, value->>1, value->>2, value->>3 FROM json_each(?)`)
	prep(&s.delMentions, `DELETE FROM mentions WHERE article = ?`)
	if err != nil {
		return nil, errors.Join(fmt.Errorf("prepare statements: %w", err), s.close())
	}
	return &s, nil
}

func (s *insertStmts) close() error {
	var errs []error
	for _, st := range []*sql.Stmt{s.article, s.update, s.held, s.index, s.removed, s.caption,
		s.credit, s.line, s.delRemoved, s.delCaptions, s.delCredits, s.delLines, s.mention, s.delMentions} {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	return errors.Join(errs...)
}

// maxBatch caps how many queued Puts one transaction commits.
const maxBatch = 256

// putReq is one Put waiting for the writer.
type putReq struct {
	a    *article.Article
	enc  encoded
	done chan putResult // buffered: the writer never blocks on it
	// unit marks a request of a PutBatch: the batch stands or falls
	// together, so a failed transaction is not retried one by one.
	unit bool
	// created is set by the writer before it answers.
	created bool
}

type putResult struct {
	req      *putReq
	seq      int64
	ingested time.Time
	created  bool
	err      error
}

// Put stores a and its derived rows; see store.Store.
//
// Puts are group-committed: the caller encodes its article, hands it to
// the one writer goroutine and waits; the writer commits every Put queued
// meanwhile (up to maxBatch) in one transaction, which costs one index
// flush and one log write instead of one per article. A lone caller gets a
// transaction of its own; a pool of workers gets batching for free. Put
// returns only once its transaction has committed, so the contract holds:
// after Put returns nil the article is stored, and a failed transaction
// leaves no part of it.
func (db *DB) Put(ctx context.Context, a *article.Article) (created bool, err error) {
	if err := db.check(true); err != nil {
		return false, fmt.Errorf("put article: %w", err)
	}
	if a.ID == "" {
		return false, errors.New("put article: no ID")
	}
	// Re-ingesting what is held is common (a re-run after a crash): answer
	// it from a reader without queueing for the writer.
	if seq, ing, err := held(ctx, db.read.QueryRowContext(ctx, `SELECT seq, ingested FROM articles WHERE id = ?`, a.ID)); err == nil {
		a.Seq, a.Ingested = seq, ing
		return false, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	enc, err := encode(a)
	if err != nil {
		return false, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	req := &putReq{a: a, enc: enc, done: make(chan putResult, 1)}
	if err := db.enqueue(ctx, []*putReq{req}); err != nil {
		return false, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	select {
	case r := <-req.done:
		if r.err != nil {
			return false, fmt.Errorf("put article %s: %w", a.ID, r.err)
		}
		a.Seq, a.Ingested = r.seq, r.ingested
		return r.created, nil
	case <-ctx.Done():
		// The writer may still commit it; a later Put finds it held.
		return false, fmt.Errorf("put article %s: %w", a.ID, ctx.Err())
	}
}

// PutBatch stores as in one transaction; see store.Store. The batch goes
// to the writer as one unit, so its articles keep their order and are
// committed together (perhaps with other callers' Puts).
func (db *DB) PutBatch(ctx context.Context, as []*article.Article) ([]bool, error) {
	if err := db.check(true); err != nil {
		return nil, fmt.Errorf("put articles: %w", err)
	}
	if len(as) == 0 {
		return nil, nil
	}
	done := make(chan putResult, len(as))
	reqs := make([]*putReq, len(as))
	for i, a := range as {
		if a.ID == "" {
			return nil, fmt.Errorf("put articles: article %d has no ID", i)
		}
		enc, err := encode(a)
		if err != nil {
			return nil, fmt.Errorf("put article %s: %w", a.ID, err)
		}
		reqs[i] = &putReq{a: a, enc: enc, done: done, unit: true}
	}
	if err := db.enqueue(ctx, reqs); err != nil {
		return nil, fmt.Errorf("put articles: %w", err)
	}
	created := make([]bool, len(as))
	var firstErr error
	for range as {
		select {
		case r := <-done:
			if r.err != nil && firstErr == nil {
				firstErr = r.err
			}
			if r.req != nil {
				r.req.a.Seq, r.req.a.Ingested = r.seq, r.ingested
			}
		case <-ctx.Done():
			return nil, fmt.Errorf("put articles: %w", ctx.Err())
		}
	}
	if firstErr != nil {
		return nil, fmt.Errorf("put articles: %w", firstErr)
	}
	for i, req := range reqs {
		created[i] = req.created
	}
	return created, nil
}

// enqueue hands a unit of Puts to the writer goroutine.
func (db *DB) enqueue(ctx context.Context, unit []*putReq) error {
	db.queue.RLock()
	defer db.queue.RUnlock()
	if db.closed.Load() {
		return errClosed
	}
	select {
	case db.reqs <- unit:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// writeLoop is the writer goroutine: it commits queued Puts in batches
// until Close closes the queue.
func (db *DB) writeLoop() {
	defer db.writers.Done()
	batch := make([]*putReq, 0, maxBatch)
	for unit := range db.reqs {
		batch = append(batch[:0], unit...)
	drain:
		for len(batch) < maxBatch {
			select {
			case u, ok := <-db.reqs:
				if !ok {
					break drain
				}
				batch = append(batch, u...)
			default:
				break drain
			}
		}
		db.commit(batch)
	}
}

// commit writes a batch in one transaction and answers its callers. If
// the transaction fails and the batch holds more than one unit (a lone Put,
// or one PutBatch), each unit is retried alone, so one bad article fails
// only its own Put or its own PutBatch.
func (db *DB) commit(batch []*putReq) {
	results, err := db.putBatch(batch)
	if err != nil {
		units := splitUnits(batch)
		if len(units) > 1 {
			db.log.Warn("batched put failed, retrying unit by unit", "articles", len(batch), "units", len(units), "err", err)
			for _, u := range units {
				db.commit(u)
			}
			return
		}
	}
	for i, req := range batch {
		if err != nil {
			req.done <- putResult{req: req, err: err}
			continue
		}
		req.created = results[i].created
		results[i].req = req
		req.done <- results[i]
	}
}

// splitUnits cuts a batch into its units: the requests of one PutBatch
// share their done channel; a lone Put is a unit of its own.
func splitUnits(batch []*putReq) [][]*putReq {
	var units [][]*putReq
	for i, req := range batch {
		if i > 0 && req.unit && batch[i-1].unit && batch[i-1].done == req.done {
			units[len(units)-1] = append(units[len(units)-1], req)
			continue
		}
		units = append(units, []*putReq{req})
	}
	return units
}

func (db *DB) putBatch(batch []*putReq) ([]putResult, error) {
	// The batch serves many callers, so no one caller's context governs it.
	ctx := context.Background()
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	now := time.Now().UTC()
	ins, held := tx.StmtContext(ctx, db.ins.article), tx.StmtContext(ctx, db.ins.held)
	results := make([]putResult, len(batch))
	created := make([]byte, 0, 8*len(batch)+2)
	created = append(created, '[')
	for i, req := range batch {
		args := make([]any, 0, 2+len(req.enc.cols))
		args = append(args, req.a.ID, now.UnixNano())
		args = append(args, req.enc.cols...)
		var seq int64
		err := ins.QueryRowContext(ctx, args...).Scan(&seq)
		if errors.Is(err, sql.ErrNoRows) { // held: by an earlier batch or this one
			var ns int64
			if err := held.QueryRowContext(ctx, req.a.ID).Scan(&seq, &ns); err != nil {
				return nil, err
			}
			results[i] = putResult{seq: seq, ingested: time.Unix(0, ns).UTC()}
			continue
		}
		if err != nil {
			return nil, err
		}
		if err := db.insertRows(ctx, tx, seq, req.a, req.enc); err != nil {
			return nil, err
		}
		results[i] = putResult{seq: seq, ingested: now, created: true}
		if len(created) > 1 {
			created = append(created, ',')
		}
		created = strconv.AppendInt(created, seq, 10)
	}
	// Index the new articles last, in one statement: see the schema.
	if len(created) > 1 {
		created = append(created, ']')
		if _, err := tx.StmtContext(ctx, db.ins.index).ExecContext(ctx, string(created)); err != nil {
			return nil, fmt.Errorf("index for search: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return results, nil
}

func held(ctx context.Context, row *sql.Row) (seq int64, ingested time.Time, err error) {
	var ns int64
	if err := row.Scan(&seq, &ns); err != nil {
		return 0, time.Time{}, err
	}
	return seq, time.Unix(0, ns).UTC(), nil
}

// Update replaces a held article's content and derived rows in one
// transaction, keeping its Seq and Ingested; see store.Store.
func (db *DB) Update(ctx context.Context, a *article.Article) error {
	if err := db.check(true); err != nil {
		return fmt.Errorf("update article: %w", err)
	}
	enc, err := encode(a)
	if err != nil {
		return fmt.Errorf("update article %s: %w", a.ID, err)
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("update article %s: begin: %w", a.ID, err)
	}
	defer tx.Rollback()
	seq, ing, err := held(ctx, tx.StmtContext(ctx, db.ins.held).QueryRowContext(ctx, a.ID))
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("update article %s: %w", a.ID, store.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("update article %s: %w", a.ID, err)
	}
	if _, err := tx.StmtContext(ctx, db.ins.update).ExecContext(ctx, append(enc.cols, seq)...); err != nil {
		return fmt.Errorf("update article %s: %w", a.ID, err)
	}
	for _, del := range []*sql.Stmt{db.ins.delRemoved, db.ins.delCaptions, db.ins.delCredits, db.ins.delLines, db.ins.delMentions} {
		if _, err := tx.StmtContext(ctx, del).ExecContext(ctx, seq); err != nil {
			return fmt.Errorf("update article %s: %w", a.ID, err)
		}
	}
	if err := db.insertRows(ctx, tx, seq, a, enc); err != nil {
		return fmt.Errorf("update article %s: %w", a.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("update article %s: commit: %w", a.ID, err)
	}
	a.Seq, a.Ingested = seq, ing
	return nil
}

// insertRows writes a's derived rows under seq; enc is a as encode gave
// it.
func (db *DB) insertRows(ctx context.Context, tx *sql.Tx, seq int64, a *article.Article, enc encoded) error {
	if len(a.Removed) > 0 {
		st := tx.StmtContext(ctx, db.ins.removed)
		for i, r := range a.Removed {
			if _, err := st.ExecContext(ctx, seq, i, r.Index, string(r.Kind), r.Text); err != nil {
				return fmt.Errorf("insert removed: %w", err)
			}
		}
	}
	if len(a.Captions) > 0 {
		st := tx.StmtContext(ctx, db.ins.caption)
		for i, c := range a.Captions {
			if _, err := st.ExecContext(ctx, seq, i, c); err != nil {
				return fmt.Errorf("insert caption: %w", err)
			}
		}
	}
	if len(a.Credits) > 0 {
		st := tx.StmtContext(ctx, db.ins.credit)
		for i, c := range a.Credits {
			names, err := json.Marshal(c.Names)
			if err != nil {
				return fmt.Errorf("encode credit names: %w", err)
			}
			if _, err := st.ExecContext(ctx, seq, i, c.Text, string(names)); err != nil {
				return fmt.Errorf("insert credit: %w", err)
			}
		}
	}
	// All line keys go in one statement, as a JSON array: one round trip
	// through the driver instead of one per line.
	if enc.lines != "" {
		if _, err := tx.StmtContext(ctx, db.ins.line).ExecContext(ctx, a.Source, seq, enc.lines); err != nil {
			return fmt.Errorf("insert line keys: %w", err)
		}
	}
	if enc.mentions != "" {
		if _, err := tx.StmtContext(ctx, db.ins.mention).ExecContext(ctx, seq, enc.mentions); err != nil {
			return fmt.Errorf("insert mentions: %w", err)
		}
	}
	return nil
}

// Published times are stored as Unix nanoseconds, which span the years
// 1678 to 2262.
var (
	minTime = time.Unix(0, math.MinInt64)
	maxTime = time.Unix(0, math.MaxInt64)
)

// encoded is an article ready to write: its columns in articleColumns
// order, its line keys as a JSON array ("" when it has none), and its
// mention rows as a JSON array of [canonical, type, mentions, quoted]
// ("" when it has none).
type encoded struct {
	cols     []any
	lines    string
	mentions string
}

// encode prepares a for writing. It runs in the caller's goroutine, so
// that the work spreads over the callers and the writer only writes.
func encode(a *article.Article) (encoded, error) {
	if a.ID == "" {
		return encoded{}, errors.New("no ID")
	}
	var published any
	var offset int
	var zone string
	if !a.Published.IsZero() {
		if a.Published.Before(minTime) || a.Published.After(maxTime) {
			return encoded{}, fmt.Errorf("published time %s out of range (years 1678 to 2262)", a.Published.Format(time.RFC3339))
		}
		published = a.Published.UnixNano()
		zone, offset = a.Published.Zone()
	}
	meta, err := encodeMeta(a.Meta)
	if err != nil {
		return encoded{}, err
	}
	var lines string
	if keys := a.LineKeys(); len(keys) > 0 {
		buf := make([]byte, 0, 21*len(keys)+2)
		buf = append(buf, '[')
		for i, k := range keys {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, int64(k), 10) // the uint64's bits
		}
		lines = string(append(buf, ']'))
	}
	ann, mentions, err := encodeAnnotations(a)
	if err != nil {
		return encoded{}, err
	}
	return encoded{
		cols: []any{
			a.InputID, a.Source, a.URL, a.Title, a.Byline, published, offset, zone,
			a.Lang, a.Site, a.Format, a.Origin, a.Text(), encodeLens(a.Paragraphs), meta, ann,
		},
		lines:    lines,
		mentions: mentions,
	}, nil
}

// annotations is how an article's entities and quotes are kept: one JSON
// column, read back whole with the article.
type annotations struct {
	Entities []article.Entity `json:"entities,omitempty"`
	Quotes   []article.Quote  `json:"quotes,omitempty"`
}

// encodeAnnotations returns a's entities and quotes as the annotations
// column (NULL when it has neither), and its rows for the mentions table:
// one per canonical entity, with how often the article names it and how
// many of its attributions that entity speaks. A speaker the entity stage
// did not find is a person all the same.
func encodeAnnotations(a *article.Article) (any, string, error) {
	if len(a.Entities) == 0 && len(a.Quotes) == 0 {
		return nil, "", nil
	}
	col, err := json.Marshal(annotations{Entities: a.Entities, Quotes: a.Quotes})
	if err != nil {
		return nil, "", fmt.Errorf("encode annotations: %w", err)
	}
	type row struct {
		typ              string
		mentions, quoted int
	}
	rows := map[string]*row{}
	var order []string
	get := func(name, typ string) *row {
		key := strings.ToLower(name)
		r := rows[key]
		if r == nil {
			r = &row{typ: typ}
			rows[key] = r
			order = append(order, name)
		}
		return r
	}
	for _, e := range a.Entities {
		if e.Canonical != "" {
			get(e.Canonical, e.Type).mentions++
		}
	}
	for _, q := range a.Quotes {
		if q.Scare {
			continue
		}
		speakers := q.Speakers
		if len(speakers) == 0 && q.Speaker != "" {
			speakers = []string{q.Speaker}
		}
		for _, sp := range speakers {
			get(sp, "person").quoted++
		}
	}
	if len(order) == 0 {
		return string(col), "", nil
	}
	out := make([][4]any, len(order))
	for i, name := range order {
		r := rows[strings.ToLower(name)]
		out[i] = [4]any{name, r.typ, r.mentions, r.quoted}
	}
	m, err := json.Marshal(out)
	if err != nil {
		return nil, "", fmt.Errorf("encode mentions: %w", err)
	}
	return string(col), string(m), nil
}

// encodeLens returns the paragraphs' byte lengths as a JSON array.
func encodeLens(paras []string) string {
	buf := make([]byte, 0, 2+6*len(paras))
	buf = append(buf, '[')
	for i, p := range paras {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendInt(buf, int64(len(p)), 10)
	}
	return string(append(buf, ']'))
}

// decodeParas splits body back into the paragraphs whose lengths lens
// holds.
func decodeParas(body, lens string) ([]string, error) {
	lens = strings.TrimSpace(lens)
	if lens == "[]" || lens == "" {
		return nil, nil
	}
	fields := strings.Split(strings.TrimSuffix(strings.TrimPrefix(lens, "["), "]"), ",")
	paras := make([]string, 0, len(fields))
	off := 0
	for i, f := range fields {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 || off+n > len(body) {
			return nil, fmt.Errorf("decode paragraphs: bad length %q", f)
		}
		paras = append(paras, body[off:off+n])
		off += n
		if i < len(fields)-1 {
			if !strings.HasPrefix(body[off:], "\n\n") {
				return nil, errors.New("decode paragraphs: lengths do not match body")
			}
			off += 2
		}
	}
	if off != len(body) {
		return nil, errors.New("decode paragraphs: lengths do not match body")
	}
	return paras, nil
}

// encodeMeta writes meta as a JSON object with its keys sorted and its
// values verbatim, so that they round-trip byte for byte. Nil or empty
// meta is stored as NULL.
func encodeMeta(meta map[string]json.RawMessage) (any, error) {
	if len(meta) == 0 {
		return nil, nil
	}
	keys := make([]string, 0, len(meta))
	for k := range meta {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range keys {
		v := bytes.TrimSpace(meta[k])
		if !json.Valid(v) {
			return nil, fmt.Errorf("meta %q: invalid JSON value", k)
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, fmt.Errorf("meta %q: %w", k, err)
		}
		buf.Write(kb)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.String(), nil
}
