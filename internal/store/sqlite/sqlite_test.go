package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

func openTemp(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parallax.db")
	db, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, _ := openTemp(t)
		return db
	})
}

// rawOpen opens path with the driver alone, bypassing migrations.
func rawOpen(t *testing.T, path string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}

func pragma(t *testing.T, db *sql.DB, name string) string {
	t.Helper()
	var v string
	if err := db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

func TestOpen(t *testing.T) {
	ctx := t.Context()
	t.Run("new file migrates to the current version", func(t *testing.T) {
		db, path := openTemp(t)
		if got := pragma(t, db.write, "user_version"); got != fmt.Sprint(SchemaVersion()) {
			t.Errorf("user_version = %s, want %d", got, SchemaVersion())
		}
		if got := pragma(t, db.read, "journal_mode"); got != "wal" {
			t.Errorf("journal_mode = %q, want wal", got)
		}
		if got := pragma(t, db.write, "foreign_keys"); got != "1" {
			t.Errorf("foreign_keys = %s, want 1", got)
		}
		if got := pragma(t, db.write, "synchronous"); got != "1" { // NORMAL
			t.Errorf("synchronous = %s, want 1 (NORMAL)", got)
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("no file at %s: %v", path, err)
		}
	})
	t.Run("full sync", func(t *testing.T) {
		db, err := Open(ctx, filepath.Join(t.TempDir(), "full.db"), Options{FullSync: true})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if got := pragma(t, db.write, "synchronous"); got != "2" {
			t.Errorf("synchronous = %s, want 2 (FULL)", got)
		}
	})
	t.Run("fts5 compiled in", func(t *testing.T) {
		db, _ := openTemp(t)
		var on int
		if err := db.read.QueryRow(`SELECT sqlite_compileoption_used('ENABLE_FTS5')`).Scan(&on); err != nil || on != 1 {
			t.Errorf("ENABLE_FTS5 = %d, %v; want 1", on, err)
		}
	})
	t.Run("empty file from elsewhere migrates", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "empty.db")
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		db, err := Open(ctx, path, Options{})
		if err != nil {
			t.Fatalf("Open of an empty file: %v", err)
		}
		db.Close()
	})
	t.Run("newer schema refused", func(t *testing.T) {
		_, path := openTemp(t)
		raw := rawOpen(t, path)
		if _, err := raw.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1)); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		for _, ro := range []bool{false, true} {
			_, err := Open(ctx, path, Options{ReadOnly: ro})
			if err == nil || !strings.Contains(err.Error(), "newer") {
				t.Errorf("Open(ReadOnly: %v) of a newer schema: %v; want an error saying it is newer", ro, err)
			}
		}
	})
	t.Run("foreign database refused", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "other.db")
		raw := rawOpen(t, path)
		if _, err := raw.Exec("CREATE TABLE invoices (n INTEGER)"); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		if _, err := Open(ctx, path, Options{}); err == nil || !strings.Contains(err.Error(), "not a Parallax store") {
			t.Errorf("Open of another program's database: %v", err)
		}
	})
	t.Run("read-only of a missing file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "missing.db")
		if _, err := Open(ctx, path, Options{ReadOnly: true}); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("Open(ReadOnly) of a missing file: %v, want ErrNotExist", err)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("read-only Open created %s", path)
		}
	})
	t.Run("odd path", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "a dir?#%", "p q?.db")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		db, err := Open(ctx, path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		if _, err := os.Stat(path); err != nil {
			t.Errorf("store not at %q: %v", path, err)
		}
	})
}

func TestReopen(t *testing.T) {
	ctx := t.Context()
	db, path := openTemp(t)
	a := &article.Article{ID: "0123456789abcdef", Source: "Quay Post", Title: "Tide tables reprinted",
		Published:  time.Date(2023, 11, 2, 8, 0, 0, 0, time.FixedZone("CET", 3600)),
		Paragraphs: []string{"The harbour office reprinted the tide tables.", "Sign up today."}, Format: "text"}
	if _, err := db.Put(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("re-open: %v", err)
	}
	got, err := db.Get(ctx, a.ID)
	if err != nil {
		t.Fatalf("Get after re-open: %v", err)
	}
	if got.Title != a.Title || !got.Published.Equal(a.Published) || got.Seq != a.Seq || !got.Ingested.Equal(a.Ingested) {
		t.Errorf("after re-open got %+v, want %+v", got, a)
	}
	b := &article.Article{ID: "1123456789abcdef", Source: "Quay Post", Title: "Later", Format: "text"}
	if _, err := db.Put(ctx, b); err != nil {
		t.Fatal(err)
	}
	if b.Seq <= a.Seq {
		t.Errorf("Seq after re-open = %d, not after %d", b.Seq, a.Seq)
	}
	if hits, err := db.Search(ctx, store.Query{Text: "tide"}); err != nil || len(hits) != 1 {
		t.Errorf("search after re-open = %v, %v", hits, err)
	}
	db.Close()

	ro, err := Open(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open: %v", err)
	}
	defer ro.Close()
	if n, err := ro.Count(ctx, store.Filter{}); err != nil || n != 2 {
		t.Errorf("read-only Count = %d, %v; want 2", n, err)
	}
	if _, err := ro.Put(ctx, &article.Article{ID: "2123456789abcdef", Source: "x"}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Put on a read-only store: %v, want ErrReadOnly", err)
	}
	if err := ro.Update(ctx, a); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Update on a read-only store: %v, want ErrReadOnly", err)
	}
}

func TestPutRejects(t *testing.T) {
	db, _ := openTemp(t)
	tests := []struct {
		name string
		a    *article.Article
		want string
	}{
		{"no ID", &article.Article{Source: "x"}, "no ID"},
		{"date out of range", &article.Article{ID: "r1", Source: "x", Published: time.Date(1200, 1, 1, 0, 0, 0, 0, time.UTC)}, "out of range"},
		{"bad meta", &article.Article{ID: "r2", Source: "x", Meta: map[string]json.RawMessage{"k": json.RawMessage("{nope")}}, "invalid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.Put(t.Context(), tt.a)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Put = %v, want an error containing %q", err, tt.want)
			}
		})
	}
	if n, err := db.Count(t.Context(), store.Filter{}); err != nil || n != 0 {
		t.Errorf("rejected Puts left %d articles (%v)", n, err)
	}
}

// TestSearchStems checks the porter stemmer: an inflection finds the
// other.
func TestSearchStems(t *testing.T) {
	db, _ := openTemp(t)
	ctx := t.Context()
	for i, text := range []string{"Elections were held.", "The election is over.", "Electricity prices rose."} {
		if _, err := db.Put(ctx, &article.Article{ID: fmt.Sprintf("st%d", i), Source: "x", Paragraphs: []string{text}}); err != nil {
			t.Fatal(err)
		}
	}
	hits, err := db.Search(ctx, store.Query{Text: "election"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 {
		t.Errorf("election found %d articles, want 2 (both inflections, not electricity)", len(hits))
	}
}
