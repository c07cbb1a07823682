package ingest

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

// dataDir is the shared development data, beside the repository.
const dataDir = "../../../shared/data"

// needData returns the path of a shared data set, skipping the test when
// it is absent.
func needData(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(dataDir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not found: run from a checkout with shared/ beside it", p)
	}
	return p
}

// walkAll reads paths and returns the articles and problems found.
func walkAll(t testing.TB, paths []string, opt Options) ([]*article.Article, []*Problem) {
	t.Helper()
	var arts []*article.Article
	var probs []*Problem
	err := Walk(context.Background(), paths, nil, opt, func(it Item) error {
		switch {
		case it.Article != nil && it.Problem == nil:
			arts = append(arts, it.Article)
		case it.Problem != nil && it.Article == nil:
			probs = append(probs, it.Problem)
		default:
			t.Errorf("item with both or neither article and problem: %+v", it)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return arts, probs
}

func TestSeeds(t *testing.T) {
	dir := needData(t, "seeds")
	arts, probs := walkAll(t, []string{dir}, Options{})
	for _, p := range probs {
		t.Errorf("problem: %v", p)
	}
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2", len(arts))
	}
	for _, a := range arts {
		raw, err := os.ReadFile(a.Origin)
		if err != nil {
			t.Fatal(err)
		}
		var blocks int
		for _, b := range strings.Split(string(raw), "\n\n") {
			if strings.TrimSpace(b) != "" {
				blocks++
			}
		}
		if len(a.Paragraphs) != blocks {
			t.Errorf("%s: %d paragraphs, want %d (blank-line blocks)", a.Origin, len(a.Paragraphs), blocks)
		}
		// The seeds have no headline: the title comes from the lead.
		lead := strings.TrimSuffix(strings.TrimSuffix(a.Title, "…"), ".")
		if !strings.HasPrefix(a.Paragraphs[0], lead) || len(lead) < 40 {
			t.Errorf("%s: title %q is not taken from the lead %q", a.Origin, a.Title, a.Paragraphs[0])
		}
		if n := len([]rune(a.Title)); n > maxTitle+1 {
			t.Errorf("%s: title is %d characters long", a.Origin, n)
		}
		if a.Format != FormatText || a.Source != "unknown" || a.ID == "" || a.Published != (a.Published) {
			t.Errorf("%s: format %q source %q id %q", a.Origin, a.Format, a.Source, a.ID)
		}
	}
}

func TestPolNeARText(t *testing.T) {
	dir := needData(t, "polnear/train/text")
	arts, probs := walkAll(t, []string{dir}, Options{})
	for _, p := range probs {
		t.Errorf("problem: %v", p)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != len(entries) {
		t.Errorf("got %d articles from %d files", len(arts), len(entries))
	}
	// The first line of each file is the headline (metadata.tsv has it):
	// measure how often the text reader takes it for one.
	meta, err := os.ReadFile(filepath.Join(dataDir, "polnear", "metadata.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	titles := make(map[string]string)
	for _, l := range strings.Split(string(meta), "\n")[1:] {
		if f := strings.Split(l, "\t"); len(f) > 7 {
			titles[f[1]] = cleanSpace(f[7])
		}
	}
	var headlines, known int
	ids := make(map[string]string)
	for _, a := range arts {
		if want, ok := titles[strings.TrimSuffix(filepath.Base(a.Origin), ".txt")]; ok {
			known++
			if a.Title == want || a.Title == strings.TrimSuffix(want, ".") {
				headlines++
			}
		}
		if len(a.Paragraphs) == 0 || a.Title == "" {
			t.Errorf("%s: %d paragraphs, title %q", a.Origin, len(a.Paragraphs), a.Title)
		}
		if prev, dup := ids[a.ID]; dup {
			t.Logf("%s has the same ID as %s (same text)", a.Origin, prev)
		}
		ids[a.ID] = a.Origin
	}
	t.Logf("headline taken as the title in %d of %d articles (%.1f%%)", headlines, known, 100*float64(headlines)/float64(known))
	if known == 0 || headlines*100 < known*80 {
		t.Errorf("headline taken as the title in %d of %d articles, want at least 80%%", headlines, known)
	}
}

// sgmlEntity matches the entities of the DUC SGML, which duc2006.jsonl
// keeps undecoded.
var sgmlEntity = regexp.MustCompile(`&[A-Za-z0-9#]+;`)

// decoded returns JSONL paragraphs with the SGML entities that
// duc2006.jsonl keeps decoded, for comparing with the SGML reader's.
func decoded(paras []string) []string {
	var out []string
	for _, p := range paras {
		if d := cleanSpace(decodeEntities(p)); d != "" {
			out = append(out, d)
		}
	}
	return out
}

func TestDUCSGMLAgreesWithJSONL(t *testing.T) {
	sgmlDir := needData(t, "duc2006/sgml")
	jsonl := needData(t, "duc2006/duc2006.jsonl")
	fromSGML, probs := walkAll(t, []string{sgmlDir}, Options{})
	for _, p := range probs {
		t.Errorf("sgml problem: %v", p)
	}
	fromJSONL, probs := walkAll(t, []string{jsonl}, Options{})
	for _, p := range probs {
		t.Errorf("jsonl problem: %v", p)
	}
	if len(fromSGML) != 1250 || len(fromJSONL) != 1250 {
		t.Fatalf("got %d SGML and %d JSONL articles, want 1250 each", len(fromSGML), len(fromJSONL))
	}
	want := make(map[string]*article.Article)
	for _, a := range fromJSONL {
		want[a.InputID] = a
	}
	var exactText, exactTitle, sameParas int
	for _, a := range fromSGML {
		j := want[a.InputID]
		if j == nil {
			t.Errorf("%s: DOCNO %s not in duc2006.jsonl", a.Origin, a.InputID)
			continue
		}
		if a.ID != j.ID || a.Source != j.Source {
			t.Errorf("%s: ID/source %s/%s, JSONL gives %s/%s", a.InputID, a.ID, a.Source, j.ID, j.Source)
		}
		if !a.Published.Equal(j.Published) {
			t.Errorf("%s: published %v, JSONL gives %v", a.InputID, a.Published, j.Published)
		}
		if strings.TrimSpace(sgmlEntity.ReplaceAllString(j.Title, "")) == "" {
			// The headline is only a typesetting code: both derive it.
			j.Title = ""
		}
		switch {
		case a.Title == j.Title || j.Title == "":
			exactTitle++
		case a.Title == titleFromLead(a.Paragraphs):
			// No headline: each derived the title from its own lead, and
			// the leads differ (see below).
		case a.Title != cleanSpace(decodeEntities(j.Title)):
			t.Errorf("%s: title %q, JSONL gives %q", a.InputID, a.Title, j.Title)
		}
		if strings.Join(a.Paragraphs, "\n") == strings.Join(j.Paragraphs, "\n") {
			exactText++
		}
		got, exp := a.Paragraphs, decoded(j.Paragraphs)
		if strings.Join(got, "\n") == strings.Join(exp, "\n") {
			sameParas++
			continue
		}
		// duc2006.jsonl keeps a <TEXT> without <P> as one paragraph where
		// the SGML reader splits at indented lines, and drops text before
		// the first <P>, which the SGML reader keeps: the JSONL text must
		// still be all there, in order.
		gotAll, expAll := strings.Join(got, " "), strings.Join(exp, " ")
		if !strings.HasSuffix(gotAll, expAll) {
			t.Errorf("%s: text differs:\nsgml  %q\njsonl %q", a.InputID, firstDiff(got, exp), firstDiff(exp, got))
		}
	}
	t.Logf("of %d: %d identical byte for byte in text, %d with the same paragraphs once entities are decoded, %d identical titles",
		len(fromSGML), exactText, sameParas, exactTitle)
}

// firstDiff returns the first paragraph of a that differs from b's.
func firstDiff(a, b []string) string {
	for i := range a {
		if i >= len(b) || a[i] != b[i] {
			return a[i]
		}
	}
	return "(no more paragraphs)"
}
