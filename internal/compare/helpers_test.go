package compare

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/demo"
	"github.com/parallax-news/parallax/internal/ingest"
)

const seedsDir = "../../../shared/data/seeds"

// seedEvents are the two seed articles' events: one story (the
// Pompeo–Lavrov talks), two rounds of it.
var seedEvents = map[string]string{
	"000_c6063a4bcfa90a50": "washington-2019-12",
	"001_89135a263d97c70c": "sochi-2019-05",
}

// readArticles reads one input as the product does (ingest, then clean
// with the default options) and returns its articles.
func readArticles(t testing.TB, name string, data []byte, source string) []*article.Article {
	t.Helper()
	var arts []*article.Article
	c := clean.New(clean.DefaultOptions())
	err := ingest.Read(context.Background(), name, bytes.NewReader(data), ingest.Options{Source: source}, func(it ingest.Item) error {
		if it.Problem != nil {
			t.Errorf("%s: %v", name, it.Problem)
			return nil
		}
		c.Clean(it.Article)
		arts = append(arts, it.Article)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// toCompare makes a compare.Article with quotes and test entities.
func toCompare(a *article.Article, id, source, event string) Article {
	ca := Article{ID: id, Source: source, Title: a.Title, URL: a.URL, Published: a.Published, Paragraphs: a.Paragraphs, EventID: event}
	txt := ca.Text()
	ca.Entities, ca.Quotes = annotated(txt)
	return ca
}

// loadSeeds reads the two seed articles, or skips.
func loadSeeds(t testing.TB) []Article {
	t.Helper()
	var out []Article
	for _, base := range []string{"000_c6063a4bcfa90a50", "001_89135a263d97c70c"} {
		data, err := os.ReadFile(filepath.Join(seedsDir, base+".txt"))
		if os.IsNotExist(err) {
			t.Skipf("%s not found: the seed tests need ../shared/data/seeds beside the checkout", seedsDir)
		}
		if err != nil {
			t.Fatal(err)
		}
		arts := readArticles(t, base+".txt", data, "")
		if len(arts) != 1 {
			t.Fatalf("%s: %d articles", base, len(arts))
		}
		// Plain text names no outlet: the file's name stands in for it.
		out = append(out, toCompare(arts[0], arts[0].ID, base, seedEvents[base]))
	}
	return out
}

// loadDemo reads the demo corpus as `parallax demo` does and returns its
// articles by story, keyed and labelled by the answer key: IDs are the
// key's article identities, EventID and CopyOf come from it.
func loadDemo(t testing.TB) (map[string][]Article, *demo.Truth) {
	t.Helper()
	items, truth, err := demo.Read(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	byStory := map[string][]Article{}
	for _, it := range items {
		at := truth.Articles[it.Key]
		ca := toCompare(it.Article, it.Key, it.Article.Source, at.Event)
		ca.CopyOf, ca.CopyKind = at.CopyOf, string(at.CopyKind)
		byStory[at.Story] = append(byStory[at.Story], ca)
	}
	return byStory, truth
}
