package demo_test

import (
	"context"
	"testing"

	"github.com/parallax-news/parallax/internal/demo"
)

func TestReadGivesEveryArticleOnce(t *testing.T) {
	items, truth, err := demo.Read(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, it := range items {
		if seen[it.Key] {
			t.Errorf("%s read twice", it.Key)
		}
		seen[it.Key] = true
		if len(it.Article.Paragraphs) == 0 || it.Article.Source == "" {
			t.Errorf("%s: read with no body or no outlet", it.Key)
		}
	}
	if len(seen) != len(truth.Articles) {
		t.Errorf("read %d articles, the answer key has %d", len(seen), len(truth.Articles))
	}
}
