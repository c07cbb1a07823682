package clean

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

// maxRemovedLen is the longest paragraph a rule other than the bio rule may
// remove: anything longer is reporting the rules have mistaken.
const maxRemovedLen = 600

// TestCorpora cleans the real articles of PolNeAR (train) and DUC 2006,
// reports how many paragraphs each kind removed, checks the invariants, and
// logs a sample of what was removed for review (-v).
func TestCorpora(t *testing.T) {
	t.Run("polnear", func(t *testing.T) {
		dir := needData(t, "polnear/train/text")
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		var arts []*article.Article
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a := newArticle(paragraphsLoose(string(raw))...)
			a.Origin = filepath.Base(f)
			arts = append(arts, a)
		}
		checkCorpus(t, arts)
	})
	t.Run("duc2006", func(t *testing.T) {
		path := needData(t, "duc2006/duc2006.jsonl")
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var arts []*article.Article
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var rec struct{ ID, Text string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatal(err)
			}
			a := newArticle(paragraphsLoose(rec.Text)...)
			a.Origin = rec.ID
			arts = append(arts, a)
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		checkCorpus(t, arts)
	})
}

func checkCorpus(t *testing.T, arts []*article.Article) {
	t.Helper()
	c := New(DefaultOptions())
	counts := make(map[article.RemovedKind]int)
	samples := make(map[article.RemovedKind][]string)
	total, removed := 0, 0
	for _, a := range arts {
		in := slices.Clone(a.Paragraphs)
		total += len(in)
		c.Clean(a)
		checkInvariants(t, a.Origin, in, a)
		for _, r := range a.Removed {
			removed++
			counts[r.Kind]++
			if len(r.Text) > maxRemovedLen && r.Kind != article.KindBio {
				t.Errorf("%s: removed a %d-byte paragraph as %s: %.120q", a.Origin, len(r.Text), r.Kind, r.Text)
			}
			samples[r.Kind] = append(samples[r.Kind], fmt.Sprintf("%s #%d/%d: %.160q", a.Origin, r.Index, len(in), r.Text))
		}
	}
	kinds := make([]string, 0, len(counts))
	for k, n := range counts {
		kinds = append(kinds, fmt.Sprintf("%s=%d", k, n))
	}
	sort.Strings(kinds)
	t.Logf("%d articles, %d paragraphs, %d removed: %s", len(arts), total, removed, strings.Join(kinds, " "))
	for k, s := range samples {
		step := max(1, len(s)/25)
		for i := 0; i < len(s); i += step {
			t.Logf("  %s: %s", k, s[i])
		}
	}
}

// checkInvariants checks that the body and the removed paragraphs are the
// input exactly, each removed paragraph at its index, and that cleaning
// again changes nothing.
func checkInvariants(t *testing.T, name string, in []string, a *article.Article) {
	t.Helper()
	out := slices.Clone(a.Paragraphs)
	for _, r := range a.Removed {
		out = append(out, r.Text)
		if r.Index < 0 || r.Index >= len(in) || in[r.Index] != r.Text {
			t.Errorf("%s: removed %.60q at index %d, which holds something else", name, r.Text, r.Index)
		}
	}
	want := slices.Clone(in)
	slices.Sort(out)
	slices.Sort(want)
	if !slices.Equal(out, want) {
		t.Errorf("%s: body ∪ removed differs from the input", name)
	}
	before, _ := json.Marshal(a)
	New(DefaultOptions()).Clean(a)
	after, _ := json.Marshal(a)
	if string(before) != string(after) {
		t.Errorf("%s: cleaning twice changed the article:\n%s\n%s", name, before, after)
	}
}
