package ingest

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/mmcdole/gofeed"

	"github.com/parallax-news/parallax/internal/article"
)

type runtimeMem struct{ totalAlloc uint64 }

func (m *runtimeMem) read() {
	var s runtime.MemStats
	runtime.ReadMemStats(&s)
	m.totalAlloc = s.TotalAlloc
}

// feedArticleOrNil parses feed XML straight through gofeed, bypassing the
// entity guard, and returns its first item's article.
func feedArticleOrNil(t *testing.T, data []byte) *article.Article {
	t.Helper()
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil || len(f.Items) == 0 {
		return nil
	}
	return feedArticle(f, f.Items[0])
}
