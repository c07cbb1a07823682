package entity

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/demo"
	"github.com/parallax-news/parallax/internal/ingest"
)

// demoTexts reads the demo corpus as the product does (ingest, then
// clean) and returns each article's body text by its answer-key ID.
func demoTexts(t testing.TB) map[string]string {
	t.Helper()
	truth, err := demo.LoadTruth()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	paths, err := demo.WriteTo(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := clean.New(clean.DefaultOptions())
	out := map[string]string{}
	for _, p := range paths {
		rel, _ := filepath.Rel(dir, p)
		err := ingest.Walk(context.Background(), []string{p}, nil, ingest.Options{Source: truth.FileSource(filepath.ToSlash(rel))}, func(it ingest.Item) error {
			if it.Article == nil {
				return nil
			}
			a := it.Article
			c.Clean(a)
			for _, k := range []string{a.InputID, a.URL, filepath.Base(strings.SplitN(a.Origin, ":", 2)[0])} {
				if _, ok := truth.Articles[k]; ok && k != "" {
					out[k] = a.Text()
					break
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}
