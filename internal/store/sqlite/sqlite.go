// Package sqlite is the embedded Store: one SQLite file, no server to run.
//
// It uses modernc.org/sqlite, a pure-Go translation of SQLite, so the
// binary needs no C toolchain and cross-compiles; FTS5 is compiled in and
// gives full-text search with BM25 ranking and snippets.
//
// # Concurrency
//
// A DB holds two connection pools on the one file: a single write
// connection, so writes are serialised in Go instead of racing for SQLite's
// lock (every write transaction begins IMMEDIATE, taking the lock up front,
// so it never fails half-way with SQLITE_BUSY), and a pool of read
// connections that, in WAL mode, read a consistent snapshot while the
// writer works. Puts from many goroutines are group-committed by one writer
// goroutine (see DB.Put). Every method is safe for concurrent use.
//
// # Durability
//
// The journal is a write-ahead log. With synchronous=NORMAL (the default)
// a commit is not fsynced; the log is synced at each checkpoint. A process
// crash loses nothing that Put acknowledged, and the file is never
// corrupted; a power failure or kernel crash can lose the last
// transactions since the last checkpoint, in whole. Puts are idempotent,
// so re-running the ingest restores them. Options.FullSync makes every
// commit fsync (synchronous=FULL) for when that is not good enough.
//
// # Schema
//
// The schema is versioned (PRAGMA user_version) and migrated at Open, one
// transaction per step; see migrations. A file written by a newer build is
// refused rather than misread.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/parallax-news/parallax/internal/store"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

var _ store.Store = (*DB)(nil)

// ErrReadOnly is returned by writes to a store opened with ReadOnly.
var ErrReadOnly = errors.New("store opened read-only")

// errClosed is returned by every call after Close.
var errClosed = errors.New("store closed")

// Options configure Open.
type Options struct {
	// ReadOnly opens an existing store for reading only: no migration is
	// run, and writes fail with ErrReadOnly.
	ReadOnly bool
	// FullSync fsyncs every commit (synchronous=FULL) instead of only at
	// checkpoints; see the package documentation.
	FullSync bool
	// Readers caps the read connections; 0 means max(4, GOMAXPROCS).
	Readers int
	// Logger receives the store's logs; nil discards them.
	Logger *slog.Logger
}

// DefaultOptions returns the options Open uses when given the zero Options.
func DefaultOptions() Options { return Options{} }

// DB is a Store in one SQLite file.
type DB struct {
	path   string
	opt    Options
	log    *slog.Logger
	write  *sql.DB // nil when read-only; MaxOpenConns(1)
	read   *sql.DB
	ins    *insertStmts // prepared on write
	closed atomic.Bool

	// Puts queue on reqs for the writer goroutine (see Put). queue guards
	// sending on reqs against Close closing it.
	reqs    chan []*putReq
	queue   sync.RWMutex
	writers sync.WaitGroup
}

// busyTimeoutMillis is how long a connection waits for another process's
// lock before failing with SQLITE_BUSY.
const busyTimeoutMillis = 10000

// Open opens the store at path, creating the file if it does not exist
// (unless opt.ReadOnly), and migrates its schema to this build's version.
func Open(ctx context.Context, path string, opt Options) (_ *DB, err error) {
	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	db := &DB{path: path, opt: opt, log: log.With("store", "sqlite", "path", path)}
	defer func() {
		if err != nil {
			err = errors.Join(err, db.closeAll())
		}
	}()

	syncMode := "NORMAL"
	if opt.FullSync {
		syncMode = "FULL"
	}
	if opt.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("open store read-only: %w", err)
		}
	} else {
		db.write, err = sql.Open("sqlite", dsn(path,
			"_txlock=immediate",
			fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeoutMillis),
			"_pragma=journal_mode(WAL)",
			"_pragma=synchronous("+syncMode+")",
			"_pragma=foreign_keys(1)",
		))
		if err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		db.write.SetMaxOpenConns(1)
		db.write.SetMaxIdleConns(1)
		db.write.SetConnMaxLifetime(0)
		db.write.SetConnMaxIdleTime(0)
		if err := db.write.PingContext(ctx); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		if err := db.migrate(ctx); err != nil {
			return nil, err
		}
		if db.ins, err = prepareInserts(ctx, db.write); err != nil {
			return nil, err
		}
	}

	params := []string{
		fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeoutMillis),
		"_pragma=query_only(1)",
	}
	if opt.ReadOnly {
		params = append(params, "mode=ro")
	}
	db.read, err = sql.Open("sqlite", dsn(path, params...))
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	readers := opt.Readers
	if readers <= 0 {
		readers = max(4, runtime.GOMAXPROCS(0))
	}
	db.read.SetMaxOpenConns(readers)
	db.read.SetMaxIdleConns(readers)
	if opt.ReadOnly {
		if err := db.checkVersion(ctx, db.read, true); err != nil {
			return nil, err
		}
	}
	if !opt.ReadOnly {
		db.reqs = make(chan []*putReq, maxBatch)
		db.writers.Add(1)
		go db.writeLoop()
	}
	db.log.Debug("opened", "schema_version", SchemaVersion(), "read_only", opt.ReadOnly)
	return db, nil
}

// dsn builds a modernc.org/sqlite URI for path with the given parameters.
func dsn(path string, params ...string) string {
	// The URI is handed to SQLite, which decodes %XX: escape what would
	// otherwise end the path.
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + r.Replace(path) + "?" + strings.Join(params, "&")
}

// migrate brings the schema up to this build's version, one transaction
// per step.
func (db *DB) migrate(ctx context.Context) error {
	if err := db.checkVersion(ctx, db.write, false); err != nil {
		return err
	}
	for {
		v, err := userVersion(ctx, db.write)
		if err != nil {
			return err
		}
		if v >= len(migrations) {
			return nil
		}
		if err := db.step(ctx, v); err != nil {
			return err
		}
		db.log.Info("migrated schema", "from", v, "to", v+1)
	}
}

// step applies migrations[v] and sets the version to v+1 in one
// transaction. The version is re-read inside it, so two processes opening
// the same old file do not both apply a step.
func (db *DB) step(ctx context.Context, v int) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate schema to %d: %w", v+1, err)
	}
	defer tx.Rollback()
	var cur int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&cur); err != nil {
		return fmt.Errorf("migrate schema to %d: %w", v+1, err)
	}
	if cur != v {
		return nil // another process migrated meanwhile; migrate looks again
	}
	if v == 0 {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
			return fmt.Errorf("migrate schema to %d: %w", v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
		return fmt.Errorf("migrate schema to %d: %w", v+1, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return fmt.Errorf("migrate schema to %d: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate schema to %d: commit: %w", v+1, err)
	}
	return nil
}

// checkVersion refuses a file that is not a Parallax store, or that a newer
// build wrote; with exact, it also refuses one that needs migrating.
func (db *DB) checkVersion(ctx context.Context, conn *sql.DB, exact bool) error {
	var app int64
	if err := conn.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return fmt.Errorf("open store: read application id: %w", err)
	}
	v, err := userVersion(ctx, conn)
	if err != nil {
		return err
	}
	if app != 0 && app != applicationID {
		return fmt.Errorf("open store: %s is not a Parallax store (application id %#x)", db.path, app)
	}
	if app == 0 && v == 0 {
		var n int
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
			return fmt.Errorf("open store: %w", err)
		}
		if n > 0 {
			return fmt.Errorf("open store: %s is not a Parallax store (it holds other tables)", db.path)
		}
	}
	switch {
	case v > len(migrations):
		return fmt.Errorf("open store: schema version %d is newer than this build's %d: upgrade parallax", v, len(migrations))
	case exact && v < len(migrations):
		return fmt.Errorf("open store: schema version %d is older than this build's %d: open it read-write once to migrate", v, len(migrations))
	}
	return nil
}

func userVersion(ctx context.Context, conn *sql.DB) (int, error) {
	var v int
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// Close releases the store. Calls after Close fail; Close itself may be
// called again.
func (db *DB) Close() error {
	if db.closed.Swap(true) {
		return nil
	}
	if db.reqs != nil {
		// Wait out the Puts sending now, then let the writer finish the
		// queue and stop.
		db.queue.Lock()
		close(db.reqs)
		db.queue.Unlock()
		db.writers.Wait()
	}
	if err := db.closeAll(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

func (db *DB) closeAll() error {
	var errs []error
	if db.ins != nil {
		errs = append(errs, db.ins.close())
	}
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	if db.write != nil {
		// Closing the last connection checkpoints the WAL into the file.
		errs = append(errs, db.write.Close())
	}
	return errors.Join(errs...)
}

// check is called first by every method: it fails after Close, and for a
// write on a read-only store.
func (db *DB) check(write bool) error {
	if db.closed.Load() {
		return errClosed
	}
	if write && db.write == nil {
		return ErrReadOnly
	}
	return nil
}
