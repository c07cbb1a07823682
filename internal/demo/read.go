package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/ingest"
)

// Item is one demo article as the product reads it (ingested with the
// outlet the answer key gives its file, then cleaned with the default
// options) and its identity in the answer key.
type Item struct {
	Key     string
	Article *article.Article
}

// Read reads the whole corpus in arrival order, as `parallax demo` does
// before storing: the stages that come after cleaning (copies, entities,
// quotes, clusters, comparison) test themselves on it.
func Read(ctx context.Context) ([]Item, *Truth, error) {
	truth, err := LoadTruth()
	if err != nil {
		return nil, nil, err
	}
	dir, err := os.MkdirTemp("", "parallax-demo-")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(dir)
	paths, err := WriteTo(dir)
	if err != nil {
		return nil, nil, err
	}
	cl := clean.New(clean.DefaultOptions())
	var out []Item
	for _, p := range paths {
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return nil, nil, err
		}
		rel = filepath.ToSlash(rel)
		err = ingest.Walk(ctx, []string{p}, nil, ingest.Options{Source: truth.FileSource(rel)}, func(it ingest.Item) error {
			if it.Problem != nil {
				return fmt.Errorf("demo corpus %s: %s", rel, it.Problem.Reason)
			}
			cl.Clean(it.Article)
			key := truth.Key(it.Article)
			if key == "" {
				return fmt.Errorf("demo corpus %s: article %s is not in the answer key", rel, it.Article.ID)
			}
			out = append(out, Item{Key: key, Article: it.Article})
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return out, truth, nil
}

// Key returns a stored or read article's identity in the answer key (its
// input ID, URL or file name), or "" when it is not a demo article.
func (t *Truth) Key(a *article.Article) string {
	for _, k := range []string{a.InputID, a.URL, filepath.Base(strings.SplitN(a.Origin, ":", 2)[0])} {
		if _, ok := t.Articles[k]; ok && k != "" {
			return k
		}
	}
	return ""
}
