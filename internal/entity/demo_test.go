package entity

import (
	"context"
	"testing"

	"github.com/parallax-news/parallax/internal/demo"
)

// demoTexts reads the demo corpus as the product does (ingest, then
// clean) and returns each article's body text by its answer-key ID.
func demoTexts(t testing.TB) map[string]string {
	t.Helper()
	items, _, err := demo.Read(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, it := range items {
		out[it.Key] = it.Article.Text()
	}
	return out
}
