package copies

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"html"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/demo"
)

// TestDemoCorpus runs the detector over the demo corpus in its arrival order
// and checks every article against the answer key: which are copies, of
// what, full or partial. The corpus holds verbatim, edited and partial
// copies, a copy published with no time, originals back-filled after their
// copies, and reports of the same news conference that share quotes only.
//
// The corpus's formats are read here with a few lines each (paragraphs of
// JSON text, plain text, RSS content and HTML <p> elements) rather than
// through ingest, so that this test measures the detector alone, on raw
// text that has not been cleaned: bios and sign-up lines are still in.
func TestDemoCorpus(t *testing.T) {
	truth, err := demo.LoadTruth()
	if err != nil {
		t.Fatal(err)
	}
	wire := map[string]bool{}
	for _, o := range truth.Outlets {
		wire[o.Name] = o.Kind == "wire"
	}
	corpus := demo.Corpus()
	var docs []*Doc
	for _, file := range truth.Arrival {
		b, err := fs.ReadFile(corpus, file)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, demoDocs(t, file, b)...)
	}
	d, add := detector(t)
	for _, doc := range docs {
		at, ok := truth.Articles[doc.ID]
		if !ok {
			t.Fatalf("%s: not in the answer key", doc.ID)
		}
		doc.Source = at.Source
		doc.IsWire = wire[at.Source]
		if doc.Published.IsZero() {
			doc.Published = at.Published
		}
		add(doc)
	}
	if len(docs) != len(truth.Articles) {
		t.Errorf("read %d articles, the key has %d", len(docs), len(truth.Articles))
	}
	for _, doc := range docs {
		at := truth.Articles[doc.ID]
		st := status(t, d, doc.ID)
		if st.CopyOf != "" {
			t.Logf("%s: %s copy of %s, containment %.2f", doc.ID, st.Kind, st.CopyOf, st.Containment)
		}
		if st.CopyOf != at.CopyOf || string(st.Kind) != string(at.CopyKind) {
			t.Errorf("%s: copy of %q (%s, %.2f), want %q (%s): %s", doc.ID, st.CopyOf, st.Kind, st.Containment, at.CopyOf, at.CopyKind, at.Notes)
		}
	}
}

var (
	paraRe = regexp.MustCompile(`(?s)<p(?:\s[^>]*)?>(.*?)</p>`)
	tagRe  = regexp.MustCompile(`<[^>]*>`)
)

// htmlParagraphs returns the text of the <p> elements of an HTML fragment
// whose class, if any, is not page furniture.
func htmlParagraphs(s string) []string {
	var out []string
	for _, m := range paraRe.FindAllStringSubmatchIndex(s, -1) {
		open := s[m[0] : m[0]+strings.Index(s[m[0]:], ">")]
		if strings.Contains(open, "class=") {
			continue // byline, dateline, credit, topics: not the body
		}
		p := strings.TrimSpace(html.UnescapeString(tagRe.ReplaceAllString(s[m[2]:m[3]], "")))
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

func splitParagraphs(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func demoDocs(t *testing.T, file string, b []byte) []*Doc {
	t.Helper()
	switch path.Ext(file) {
	case ".jsonl":
		var out []*Doc
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var r struct {
				ID, Title, Published, Text string
			}
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			doc := &Doc{ID: r.ID, Title: r.Title, Paragraphs: splitParagraphs(r.Text)}
			if r.Published != "" {
				doc.Published, _ = time.Parse(time.RFC3339, r.Published)
			}
			out = append(out, doc)
		}
		return out
	case ".txt":
		return []*Doc{{ID: path.Base(file), Paragraphs: splitParagraphs(string(b))}}
	case ".xml":
		var feed struct {
			Items []struct {
				GUID    string `xml:"guid"`
				Title   string `xml:"title"`
				Content string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			} `xml:"channel>item"`
		}
		if err := xml.Unmarshal(b, &feed); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		var out []*Doc
		for _, it := range feed.Items {
			out = append(out, &Doc{ID: it.GUID, Title: it.Title, Paragraphs: htmlParagraphs(it.Content)})
		}
		return out
	case ".html":
		s := string(b)
		canon := regexp.MustCompile(`<link rel="canonical" href="([^"]+)"`).FindStringSubmatch(s)
		if canon == nil {
			t.Fatalf("%s: no canonical link", file)
		}
		return []*Doc{{ID: canon[1], Paragraphs: htmlParagraphs(s)}}
	}
	t.Fatalf("%s: unknown format", file)
	return nil
}

// Ensure the detector context plumbing is exercised with a cancelled
// context too: Add must fail, not decide.
func TestAddCancelled(t *testing.T) {
	src := &MemSource{}
	d := New(src, DefaultOptions())
	text := story(11, 2000)
	first := &Doc{ID: "a", Paragraphs: text}
	src.Put(first)
	if _, err := d.Add(context.Background(), first); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	second := &Doc{ID: "b", Paragraphs: text}
	src.Put(second)
	if _, err := d.Add(ctx, second); err == nil {
		t.Error("Add with a cancelled context succeeded")
	}
	if d.Len() != 1 {
		t.Errorf("a failed Add left %d articles, want 1", d.Len())
	}
}
