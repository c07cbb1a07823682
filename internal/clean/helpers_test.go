package clean

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

// dataDir is the shared development data, beside the checkout.
const dataDir = "../../../shared/data"

// paragraphs splits text on blank lines, as the plain-text reader does.
func paragraphs(text string) []string {
	var out []string
	for p := range strings.SplitSeq(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var blankLines = regexp.MustCompile(`\n\s*\n`)

// paragraphsLoose splits on lines that are blank but for spaces.
func paragraphsLoose(text string) []string {
	var out []string
	for _, p := range blankLines.Split(text, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// needData skips the test when the shared data is absent.
func needData(t testing.TB, rel string) string {
	t.Helper()
	path := filepath.Join(dataDir, rel)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s not found: run from a checkout with shared/ beside it", path)
	}
	return path
}

func newArticle(ps ...string) *article.Article {
	return &article.Article{Paragraphs: append([]string(nil), ps...)}
}
