package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// itemsOf reads the given paths (stdin as given) and returns every item.
func itemsOf(t testing.TB, paths []string, stdin []byte, opt Options) []Item {
	t.Helper()
	var items []Item
	var in *bytes.Reader
	if stdin != nil {
		in = bytes.NewReader(stdin)
	}
	var r interface{ Read([]byte) (int, error) }
	if in != nil {
		r = in
	}
	err := Walk(context.Background(), paths, r, opt, func(it Item) error {
		if (it.Article == nil) == (it.Problem == nil) {
			t.Errorf("item with both or neither article and problem: %+v", it)
		}
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return items
}

func split(items []Item) (arts []*article.Article, probs []*Problem) {
	for _, it := range items {
		if it.Article != nil {
			arts = append(arts, it.Article)
		} else {
			probs = append(probs, it.Problem)
		}
	}
	return arts, probs
}

// goldenItem is an item as the golden files show it.
type goldenItem struct {
	Article *article.Article `json:"article,omitempty"`
	Problem string           `json:"problem,omitempty"`
}

// TestWalkGolden reads testdata/input (text, JSON lines, a JSON array and
// SGML, good records and bad) and compares every item with
// testdata/walk.golden.json.
func TestWalkGolden(t *testing.T) {
	items := itemsOf(t, []string{"testdata/input"}, nil, Options{})
	var out []goldenItem
	for _, it := range items {
		if it.Article != nil {
			out = append(out, goldenItem{Article: it.Article})
		} else {
			out = append(out, goldenItem{Problem: it.Problem.Error()})
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	golden := filepath.Join("testdata", "walk.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestWalkGolden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("items differ from %s; inspect the diff and run go test -run TestWalkGolden -update to accept:\n%s",
			golden, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the first lines where two texts differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + itoa(i+1) + ":\n- " + wl + "\n+ " + gl
		}
	}
	return ""
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestDetect(t *testing.T) {
	tests := []struct {
		name, file, head, want string
	}{
		{"gzip magic wins over name", "a.txt", "\x1f\x8b\x08\x00", FormatGzip},
		{"NUL is binary", "a.txt", "abc\x00def", ""},
		{"PDF", "paper", "%PDF-1.7\n", ""},
		{"TREC without extension", "APW19990707.0181", "\n<DOC>\n<DOCNO> X </DOCNO>", FormatSGML},
		{"TREC named .txt", "wire.txt", "<DOC>\n", FormatSGML},
		{"RSS after declaration", "feed", `<?xml version="1.0"?><!-- c --><rss version="2.0">`, FormatFeed},
		{"Atom", "x.xml", `<feed xmlns="http://www.w3.org/2005/Atom">`, FormatFeed},
		{"RDF", "x", `<?xml version="1.0"?><rdf:RDF>`, FormatFeed},
		{"HTML doctype", "page", "<!DOCTYPE html><html>", FormatHTML},
		{"HTML by name", "page.htm", "<div>hi</div>", FormatHTML},
		{"HTML fragment sniffed", "page", "<p>Hello</p>", FormatHTML},
		{"jsonl by name", "a.ndjson", `{"id":1}`, FormatJSONL},
		{"json array by name", "a.json", `[{"id":1}]`, FormatJSONL},
		{"jsonl sniffed", "dump", `{"id": "x", "text": "y"}`, FormatJSONL},
		{"text opening with a brace", "note", "{Editor's note} The council met.", FormatText},
		{"text", "story", "The council met on Tuesday.", FormatText},
		{"BOM then JSON", "x", "\ufeff{\"a\":1}", FormatJSONL},
		{"xml by name without root", "x.xml", "<?xml version=\"1.0\"?>\n<!-- nothing -->", FormatFeed},
		{"latin-1 text is text", "x.txt", "Caf\xe9 society returns to the square this spring.", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.file, []byte(tt.head)); got != tt.want {
				t.Errorf("Detect(%q, %q) = %q, want %q", tt.file, tt.head, got, tt.want)
			}
		})
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		title string
		paras []string
	}{
		{
			name:  "headline and wrapped paragraphs",
			in:    "Council Backs New Pier\n\nThe council voted on Tuesday to rebuild the pier that storms damaged\nlast winter, ending a year of argument.\n\nWork starts in March.\n",
			title: "Council Backs New Pier",
			paras: []string{"The council voted on Tuesday to rebuild the pier that storms damaged last winter, ending a year of argument.", "Work starts in March."},
		},
		{
			name:  "one paragraph per line without blank lines",
			in:    "Library Opens in Wendmere\nThe library opened on Saturday.\nIt holds 12,000 books.",
			title: "Library Opens in Wendmere",
			paras: []string{"The library opened on Saturday.", "It holds 12,000 books."},
		},
		{
			name:  "no headline: title from the lead, cut with an ellipsis",
			in:    "Dr. Imogen Hale of the Northfield Institute said on Monday that the glacier she has measured every summer since 2004 shrank faster this year than ever.\n\nMore soon.",
			title: "Dr. Imogen Hale of the Northfield Institute said on Monday that the glacier she has measured every…",
			paras: []string{"Dr. Imogen Hale of the Northfield Institute said on Monday that the glacier she has measured every summer since 2004 shrank faster this year than ever.", "More soon."},
		},
		{
			name:  "short first sentence is the title without its period",
			in:    "The U.S. ferry fleet grew. It now has 12 boats.\n\nMore soon.",
			title: "The U.S. ferry fleet grew",
			paras: []string{"The U.S. ferry fleet grew. It now has 12 boats.", "More soon."},
		},
		{
			name:  "a byline is no headline",
			in:    "By Jane Morrow\n\nThe strike ended.",
			title: "By Jane Morrow",
			paras: []string{"By Jane Morrow", "The strike ended."},
		},
		{
			name:  "title case headline with a final period",
			in:    "Mayor Says ‘We Will Rebuild The Pier.’\n\nThe mayor spoke on Friday.",
			title: "Mayor Says ‘We Will Rebuild The Pier’",
			paras: []string{"The mayor spoke on Friday."},
		},
		{
			name:  "list lines in a block are not joined",
			in:    "Closures this week:\n- Mill Lane\n- Castle Square\n\nAll reopen on Monday.",
			title: "Closures this week",
			paras: []string{"Closures this week:", "- Mill Lane", "- Castle Square", "All reopen on Monday."},
		},
		{
			name:  "long unwrapped lines in one block stay apart",
			in:    strings.Repeat("word ", 40) + "end.\n" + strings.Repeat("more ", 30) + "end.\n\nLast.",
			title: strings.TrimSpace(strings.Repeat("word ", 20)) + "…",
			paras: []string{strings.Repeat("word ", 40) + "end.", strings.Repeat("more ", 30) + "end.", "Last."},
		},
		{
			name:  "hyphen at a line break joins without a space",
			in:    "The council agreed a long-\nterm plan for the harbour and the\nferry pier this week.\n\nMore soon.",
			title: "The council agreed a long-term plan for the harbour and the ferry pier this week",
			paras: []string{"The council agreed a long-term plan for the harbour and the ferry pier this week.", "More soon."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, reason := parseText(tt.in)
			if a == nil {
				t.Fatalf("no article: %s", reason)
			}
			if a.Title == "" {
				a.Title = titleFromLead(a.Paragraphs)
			}
			if a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			if strings.Join(a.Paragraphs, "|") != strings.Join(tt.paras, "|") {
				t.Errorf("paragraphs\n got %q\nwant %q", a.Paragraphs, tt.paras)
			}
		})
	}
}

func TestJSONLRecords(t *testing.T) {
	items := itemsOf(t, []string{"testdata/input/records.jsonl"}, nil, Options{Source: "fallback"})
	arts, probs := split(items)
	wantProbs := []struct {
		line   int
		reason string
	}{
		{4, "invalid JSON"},
		{5, "not a JSON object"},
		{6, "record has no text"},
		{8, `field "title": want a string`},
	}
	if len(probs) != len(wantProbs) {
		t.Fatalf("got %d problems, want %d: %v", len(probs), len(wantProbs), probs)
	}
	for i, w := range wantProbs {
		p := probs[i]
		if p.File != "testdata/input/records.jsonl" || p.Line != w.line || !strings.Contains(p.Reason, w.reason) {
			t.Errorf("problem %d = %+v, want line %d reason containing %q", i, p, w.line, w.reason)
		}
	}
	if len(arts) != 4 {
		t.Fatalf("got %d articles, want 4", len(arts))
	}
	a := arts[0]
	if a.InputID != "wb-001" || a.Source != "Westbrook Gazette" || a.Byline != "Lena Ortiz" || a.Lang != "en" ||
		a.Title != "Bridge reopens after repairs" || len(a.Paragraphs) != 2 || a.Origin != "testdata/input/records.jsonl:1" ||
		!a.Published.Equal(time.Date(2024, 3, 5, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("record 1 read as %+v", a)
	}
	if string(a.Meta["section"]) != `"local"` || string(a.Meta["tags"]) != `["roads", "council"]` || len(a.Meta) != 2 {
		t.Errorf("record 1 meta %q, want section and tags verbatim", a.Meta)
	}
	b := arts[1]
	if b.InputID != "42" || b.Source != "valley-times.example" || b.Byline != "Sam Cole, Priya Nair" ||
		len(b.Paragraphs) != 2 || !b.Published.Equal(time.Date(2024, 3, 6, 14, 5, 0, 0, time.UTC)) {
		t.Errorf("record 2 read as %+v", b)
	}
	c := arts[2]
	if c.Source != "Lakeside Post" || c.Lang != "en" || c.Title != "A new ferry timetable starts next week, the operator said" ||
		!c.Published.Equal(time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("record 3 read as %+v", c)
	}
	d := arts[3]
	if !d.Published.IsZero() || string(d.Meta["published"]) != `"last Tuesday"` || d.Origin != "testdata/input/records.jsonl:9" {
		t.Errorf("record with an unreadable date read as %+v", d)
	}
}

func TestJSONArray(t *testing.T) {
	arts, probs := split(itemsOf(t, []string{"testdata/input/array.json"}, nil, Options{}))
	if len(probs) != 0 || len(arts) != 2 {
		t.Fatalf("got %d articles, problems %v", len(arts), probs)
	}
	if arts[0].InputID != "h-1" || arts[0].Origin != "testdata/input/array.json#1" || len(arts[0].Paragraphs) != 2 ||
		arts[1].Title != "The pass reopened a day early" {
		t.Errorf("read %+v and %+v", arts[0], arts[1])
	}
	broken := `[{"id": "a", "text": "Fine."},` + "\n" + `{"id": "b", "text": }]`
	arts, probs = split(itemsOf(t, []string{"-"}, []byte(broken), Options{Format: FormatJSONL}))
	if len(arts) != 1 || len(probs) != 1 || probs[0].Line != 2 || probs[0].Record != 2 {
		t.Errorf("broken array: %d articles, problems %+v", len(arts), probs)
	}
}

func TestSGML(t *testing.T) {
	arts, probs := split(itemsOf(t, []string{"testdata/input/wire/sample.sgml"}, nil, Options{}))
	if len(probs) != 1 || probs[0].Record != 3 || probs[0].Line != 43 || !strings.Contains(probs[0].Reason, "no <DOCNO>") {
		t.Errorf("problems %+v, want one for record 3 at line 43 with no DOCNO", probs)
	}
	if len(arts) != 3 {
		t.Fatalf("got %d articles, want 3", len(arts))
	}
	a := arts[0]
	wantParas := []string{
		"PORT ELLIS (FNW) -- Dredgers began clearing the silted harbour mouth on Monday, and the fishing fleet that has waited since autumn could be back at sea by the end of the month.",
		"``We've lost a season,'' said skipper Owen Pryce.",
		"The council expects the work to cost £2 million.",
	}
	if a.InputID != "FNW19990301.0001" || a.Source != "FNW" || a.Title != "Harbour Dredging Begins & Fishermen Wait" ||
		a.Byline != "JANE MORROW" || !a.Published.Equal(time.Date(1999, 3, 1, 10, 15, 0, 0, time.UTC)) ||
		strings.Join(a.Paragraphs, "|") != strings.Join(wantParas, "|") || a.Origin != "testdata/input/wire/sample.sgml#1" {
		t.Errorf("record 1 read as %+v", a)
	}
	for k, v := range map[string]string{"category": `"regional"`, "slug": `"BC-Harbour-Dredging"`, "doctype": `"NEWS STORY"`,
		"annotation": `["(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)"]`, "trailer": `"FNW-03-01-99 1015EST"`} {
		if got := string(a.Meta[k]); got != v {
			t.Errorf("meta %s = %s, want %s", k, got, v)
		}
	}
	b := arts[1]
	if b.Title != "Ferry Strike Called Off" || len(b.Paragraphs) != 2 || !b.Published.Equal(time.Date(1999, 3, 2, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("record 2 read as %+v", b)
	}
	c := arts[2]
	if c.Source != "XIN" || len(c.Paragraphs) != 2 || c.Paragraphs[1] != "Reservoirs are now full, they said." ||
		c.Title != "Officials in the invented province of Lorn said on Thursday that rainfall this winter was the…" {
		t.Errorf("record 4 read as %+v", c)
	}
}

func TestSGMLDamage(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		articles int
		record   int
		reason   string
	}{
		{"unterminated at end", "<DOC><DOCNO>A1</DOCNO><TEXT>ok</TEXT></DOC>\n<DOC>\n<DOCNO>A2</DOCNO>\n<TEXT>cut", 1, 2, "unterminated <DOC>"},
		{"new DOC before close", "<DOC><DOCNO>A1</DOCNO><TEXT>cut\n<DOC><DOCNO>A2</DOCNO><TEXT>ok</TEXT></DOC>", 1, 1, "a new <DOC> starts"},
		{"unclosed TEXT", "<DOC><DOCNO>A1</DOCNO><TEXT>never closed</DOC>\n<DOC><DOCNO>A2</DOCNO><TEXT>ok</TEXT></DOC>", 1, 1, "<TEXT> is never closed"},
		{"no TEXT", "<DOC><DOCNO>A1</DOCNO></DOC>\n<DOC><DOCNO>A2</DOCNO><TEXT>ok</TEXT></DOC>", 1, 1, "no <TEXT>"},
		{"invalid UTF-8 in one DOC", "<DOC><DOCNO>A1</DOCNO><TEXT>caf\xe9</TEXT></DOC>\n<DOC><DOCNO>A2</DOCNO><TEXT>ok</TEXT></DOC>", 1, 1, "invalid UTF-8"},
		{"no DOC at all", "<TEXT>hello</TEXT>", 0, 0, "no <DOC> records found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, probs := split(itemsOf(t, []string{"-"}, []byte(tt.in), Options{Format: FormatSGML}))
			if len(arts) != tt.articles || len(probs) != 1 {
				t.Fatalf("got %d articles and problems %v, want %d and one problem", len(arts), probs, tt.articles)
			}
			if p := probs[0]; p.Record != tt.record || !strings.Contains(p.Reason, tt.reason) || p.File != "-" {
				t.Errorf("problem %+v, want record %d reason %q", p, tt.record, tt.reason)
			}
		})
	}
}

func TestFeeds(t *testing.T) {
	t.Run("rss", func(t *testing.T) {
		arts, probs := split(itemsOf(t, []string{"testdata/feeds/rss.xml"}, nil, Options{}))
		if len(probs) != 1 || probs[0].Record != 3 || !strings.Contains(probs[0].Reason, "no title and no text") {
			t.Errorf("problems %+v, want one for item 3", probs)
		}
		if len(arts) != 2 {
			t.Fatalf("got %d articles, want 2", len(arts))
		}
		a := arts[0]
		if a.Title != "Floodgates tested ahead of spring" || a.InputID != "rc-1001" || a.Source != "Riverside Chronicle" ||
			a.Site != "Riverside Chronicle" || a.Byline != "Mara Quill" || a.Lang != "en" || a.Format != FormatFeed ||
			a.URL != "https://www.riverside-chronicle.example/2024/floodgates" || a.Origin != "testdata/feeds/rss.xml#1" ||
			!a.Published.Equal(time.Date(2024, 3, 5, 8, 0, 0, 0, time.UTC)) || string(a.Meta["categories"]) != `["Environment"]` {
			t.Errorf("item 1 read as %+v", a)
		}
		// content:encoded is longer than the description, so it is the body.
		want := []string{"Engineers tested the town's floodgates on Monday.", "All twelve gates closed within four minutes, the river authority said."}
		if strings.Join(a.Paragraphs, "|") != strings.Join(want, "|") {
			t.Errorf("item 1 body %q, want %q", a.Paragraphs, want)
		}
		if b := arts[1]; len(b.Paragraphs) != 1 || b.Paragraphs[0] != "The market hall will stay open until nine on Thursdays from April." {
			t.Errorf("item 2 body %q", b.Paragraphs)
		}
	})
	t.Run("atom", func(t *testing.T) {
		arts, probs := split(itemsOf(t, []string{"testdata/feeds/atom.xml"}, nil, Options{}))
		if len(probs) != 0 || len(arts) != 1 {
			t.Fatalf("got %d articles, problems %v", len(arts), probs)
		}
		a := arts[0]
		if a.Title != "Neue Seilbahn eröffnet" || a.Byline != "Jonas Weber" || a.Source != "Bergblatt" ||
			a.InputID != "urn:example:bergblatt:1" || !a.Published.Equal(time.Date(2024, 2, 1, 10, 0, 0, 0, time.UTC)) {
			t.Errorf("entry read as %+v", a)
		}
		if len(a.Paragraphs) != 2 {
			t.Errorf("entry body %q, want the two paragraphs of <content>", a.Paragraphs)
		}
	})
	t.Run("latin-1 charset and control characters", func(t *testing.T) {
		arts, probs := split(itemsOf(t, []string{"testdata/feeds/latin1.xml"}, nil, Options{}))
		if len(probs) != 0 || len(arts) != 1 {
			t.Fatalf("got %d articles, problems %v", len(arts), probs)
		}
		if a := arts[0]; a.Title != "Réouverture du café" || a.Source != "Le Petit Café" {
			t.Errorf("item read as title %q source %q", a.Title, a.Source)
		}
	})
	t.Run("no title, feed link host as source", func(t *testing.T) {
		feed := `<rss version="2.0"><channel><link>https://www.harbour-news.example/</link><item><title>Tide tables out</title></item></channel></rss>`
		arts, probs := split(itemsOf(t, []string{"-"}, []byte(feed), Options{}))
		if len(probs) != 0 || len(arts) != 1 || arts[0].Source != "harbour-news.example" || arts[0].Site != "" {
			t.Errorf("got %+v, problems %v", arts, probs)
		}
	})
	t.Run("not a feed", func(t *testing.T) {
		_, probs := split(itemsOf(t, []string{"-"}, []byte("<rss><channel><item><title>x"), Options{Format: FormatFeed}))
		if len(probs) != 1 || probs[0].File != "-" {
			t.Errorf("problems %v, want one", probs)
		}
	})
}

// billionLaughs is the classic XML entity bomb: expanded, it is 3 GB.
const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Bomb</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>
`

func TestEntityBomb(t *testing.T) {
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.xml")
	good := filepath.Join(dir, "good.xml")
	write(t, bomb, billionLaughs)
	write(t, good, `<rss version="2.0"><channel><title>Calm</title><item><title>Quiet day at the harbour</title></item></channel></rss>`)

	done := make(chan []Item, 1)
	var before, after runtimeMem
	before.read()
	go func() { done <- itemsOf(t, []string{bomb, good}, nil, Options{}) }()
	var items []Item
	select {
	case items = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("reading an entity bomb did not finish in 10s")
	}
	after.read()
	if grew := after.totalAlloc - before.totalAlloc; grew > 64<<20 {
		t.Errorf("reading an entity bomb allocated %d MiB", grew>>20)
	}
	arts, probs := split(items)
	if len(probs) != 1 || probs[0].File != bomb || !strings.Contains(probs[0].Reason, "entit") {
		t.Errorf("problems %v, want one for the bomb", probs)
	}
	if len(arts) != 1 || arts[0].Title != "Quiet day at the harbour" {
		t.Errorf("the good feed after the bomb gave %+v", arts)
	}
	// Even were the guard gone, the XML parser must not expand the bomb.
	before.read()
	a := feedArticleOrNil(t, []byte(billionLaughs))
	after.read()
	if a != nil && len(a.Title)+len(a.Text()) > 1000 {
		t.Errorf("gofeed expanded the entities to %d bytes", len(a.Title)+len(a.Text()))
	}
	if grew := after.totalAlloc - before.totalAlloc; grew > 64<<20 {
		t.Errorf("gofeed allocated %d MiB on an entity bomb", grew>>20)
	}
}

func write(t testing.TB, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func gz(t testing.TB, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const goodText = "Ferry Service Resumes\n\nThe ferry to Holm Island resumed on Friday.\n"

func TestBadInput(t *testing.T) {
	lines := `{"id": "1", "source": "S", "text": "First record survives."}` + "\n" +
		`{"id": "2", "source": "S", "text": "Second record survives."}` + "\n"
	for i := 3; i < 400; i++ {
		lines += `{"id": "` + itoa(i) + `", "source": "S", "text": "Record number ` + itoa(i) + ` with some padding to make the gzip longer than one block."}` + "\n"
	}
	zipped := gz(t, lines)
	tests := []struct {
		name     string
		file     string
		content  []byte
		opt      Options
		articles int // from the bad file itself
		line     int
		record   int
		reason   string
	}{
		{name: "empty file", file: "empty.txt", content: []byte{}, reason: "empty file"},
		{name: "only white space", file: "blank.txt", content: []byte("  \n\n \t\n"), reason: "empty file"},
		{name: "binary by content", file: "blob.dat", content: []byte("abc\x00\x01\x02def"), reason: "binary file"},
		{name: "binary by name, named explicitly", file: "photo.png", content: []byte("\x89PNG\r\n\x1a\n...."), reason: "not an article format (.png file)"},
		{name: "invalid UTF-8 in text", file: "latin1.txt", content: []byte("Headline Here\n\nCaf\xe9 reopens."), reason: "invalid UTF-8 at byte 18 (line 3, column 4, byte 0xe9)"},
		{name: "invalid UTF-8 in a JSON line", file: "bad.jsonl", content: []byte(`{"text": "ok"}` + "\n" + "{\"text\": \"caf\xe9\"}\n"), articles: 1, line: 2, reason: "invalid UTF-8 at byte 13"},
		{name: "over the size limit", file: "big.txt", content: []byte(strings.Repeat("word ", 100)), opt: Options{MaxFileSize: 100}, reason: "over the 100 bytes limit"},
		{name: "truncated gzip keeps what came before", file: "cut.jsonl.gz", content: zipped[:len(zipped)/2], articles: -1, reason: "truncated gzip"},
		{name: "gzip bomb stops at the limit", file: "zeros.txt.gz", content: gz(t, "A"+strings.Repeat(" ", 1<<20)), opt: Options{MaxFileSize: 64 << 10}, reason: "over the 64.0 KiB limit"},
		{name: "HTML with no article", file: "empty.html", content: []byte("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>"), reason: "no article text found"},
		{name: "feed declaring entities", file: "bomb.xml", content: []byte(billionLaughs), reason: "entity bombs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			bad := filepath.Join(dir, tt.file)
			if err := os.WriteFile(bad, tt.content, 0o644); err != nil {
				t.Fatal(err)
			}
			good := filepath.Join(dir, "good.txt")
			write(t, good, goodText)
			arts, probs := split(itemsOf(t, []string{bad, good}, nil, tt.opt))
			if len(probs) != 1 {
				t.Fatalf("problems %v, want exactly one", probs)
			}
			p := probs[0]
			if p.File != bad || p.Line != tt.line || p.Record != tt.record || !strings.Contains(p.Reason, tt.reason) {
				t.Errorf("problem %+v, want file %s line %d record %d reason containing %q", p, bad, tt.line, tt.record, tt.reason)
			}
			var fromBad int
			for _, a := range arts {
				if strings.HasPrefix(a.Origin, bad) {
					fromBad++
				}
			}
			if tt.articles >= 0 && fromBad != tt.articles || tt.articles < 0 && fromBad == 0 {
				t.Errorf("%d articles from the bad file, want %d", fromBad, tt.articles)
			}
			if len(arts) == 0 || arts[len(arts)-1].Origin != good {
				t.Errorf("the good file after the bad one did not come through")
			}
		})
	}
}

func TestStdinLimit(t *testing.T) {
	in := strings.Repeat(`{"text": "A record that fits."}`+"\n", 10)
	arts, probs := split(itemsOf(t, []string{"-"}, []byte(in), Options{MaxFileSize: 100, Format: FormatJSONL}))
	if len(probs) != 1 || probs[0].File != "-" || !strings.Contains(probs[0].Reason, "over the 100 bytes limit") {
		t.Errorf("problems %v, want one for the limit", probs)
	}
	if len(arts) != 3 {
		t.Errorf("got %d articles before the limit, want 3", len(arts))
	}
}

func TestWalkDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b", "2.txt"), "Second Story Here\n\nBody two.\n")
	write(t, filepath.Join(dir, "a.txt"), "First Story Here\n\nBody one.\n")
	write(t, filepath.Join(dir, ".hidden.txt"), "Hidden Story\n\nNever read.\n")
	write(t, filepath.Join(dir, ".git", "x.txt"), "Hidden Dir\n\nNever read.\n")
	write(t, filepath.Join(dir, "cover.jpg"), "\xff\xd8\xff not read")
	write(t, filepath.Join(dir, "c.jsonl.gz"), string(gz(t, `{"id": "z1", "source": "Zed", "text": "Zipped record."}`+"\n")))
	write(t, filepath.Join(dir, "d.bin.txt"), "text\x00with NUL")
	other := filepath.Join(t.TempDir(), "other.txt")
	write(t, other, "Other Story Here\n\nBody other.\n")
	stdin := []byte(`{"id": "s1", "source": "Stdin", "text": "From standard input."}`)

	items := itemsOf(t, []string{dir, "-", other}, stdin, Options{})
	var got []string
	for _, it := range items {
		if it.Article != nil {
			got = append(got, it.Article.Title)
		} else {
			got = append(got, "problem: "+filepath.Base(it.Problem.File))
		}
	}
	want := []string{"First Story Here", "Second Story Here", "Zipped record", "problem: d.bin.txt", "From standard input", "Other Story Here"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("read\n %q\nwant\n %q", got, want)
	}
	for _, it := range items {
		if a := it.Article; a != nil && a.Title == "Zipped record" && (a.Format != FormatJSONL || a.Origin != filepath.Join(dir, "c.jsonl.gz")+":1") {
			t.Errorf("gzip member read as format %q origin %q", a.Format, a.Origin)
		}
	}
	// Reading the same input twice gives the same IDs.
	again := itemsOf(t, []string{dir, "-", other}, stdin, Options{})
	for i := range items {
		if items[i].Article != nil && (again[i].Article == nil || again[i].Article.ID != items[i].Article.ID) {
			t.Errorf("item %d changed ID between readings", i)
		}
	}
}

func TestMissingPath(t *testing.T) {
	_, probs := split(itemsOf(t, []string{"testdata/no-such-file.txt", "-"}, nil, Options{}))
	if len(probs) != 2 || probs[0].Reason != "no such file or directory" || probs[1].File != "-" {
		t.Errorf("problems %+v", probs)
	}
}

func TestIdempotentIDs(t *testing.T) {
	first, _ := split(itemsOf(t, []string{"testdata/input"}, nil, Options{}))
	second, _ := split(itemsOf(t, []string{"testdata/input"}, nil, Options{}))
	if len(first) == 0 || len(first) != len(second) {
		t.Fatalf("got %d then %d articles", len(first), len(second))
	}
	seen := make(map[string]string)
	for i := range first {
		if first[i].ID != second[i].ID || first[i].ID == "" {
			t.Errorf("%s: ID %q then %q", first[i].Origin, first[i].ID, second[i].ID)
		}
		if prev, dup := seen[first[i].ID]; dup {
			t.Errorf("%s and %s share ID %s", prev, first[i].Origin, first[i].ID)
		}
		seen[first[i].ID] = first[i].Origin
	}
}

func TestProgressMatchesTotalSize(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), goodText)
	write(t, filepath.Join(dir, "big.txt"), strings.Repeat("x", 5000))
	write(t, filepath.Join(dir, "z.jsonl.gz"), string(gz(t, `{"text": "zipped"}`)))
	write(t, filepath.Join(dir, "bin.dat"), strings.Repeat("\x00", 20000))
	write(t, filepath.Join(dir, ".hidden"), "not counted")
	write(t, filepath.Join(dir, "pic.png"), "not counted")
	total := TotalSize([]string{dir})
	var sum int64
	itemsOf(t, []string{dir}, nil, Options{MaxFileSize: 4000, Progress: func(n int64) { sum += n }})
	if total <= 0 || sum != total {
		t.Errorf("progress summed to %d, TotalSize said %d", sum, total)
	}
	if got := TotalSize([]string{dir, "-"}); got != -1 {
		t.Errorf("TotalSize with stdin = %d, want -1", got)
	}
}

func TestWalkStops(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := Walk(context.Background(), []string{"testdata/input"}, nil, Options{}, func(Item) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("Walk returned %v after %d calls, want fn's error after 1", err, calls)
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls = 0
	err = Walk(ctx, []string{"testdata/input"}, nil, Options{}, func(Item) error {
		calls++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Errorf("Walk returned %v after %d calls, want context.Canceled after 1", err, calls)
	}
	if err := Walk(context.Background(), nil, nil, Options{Format: "pdf"}, func(Item) error { return nil }); err == nil {
		t.Error("Walk accepted an unknown format")
	}
}

func TestFinishSource(t *testing.T) {
	tests := []struct {
		name                  string
		source, site, url, fb string
		want                  string
	}{
		{"record source wins", "Gazette", "Site", "https://www.x.example/a", "fb", "Gazette"},
		{"then the site name", "", "Site", "https://www.x.example/a", "fb", "Site"},
		{"then the host without www", "", "", "https://www.x.example/a", "fb", "x.example"},
		{"then --source", "", "", "", "fb", "fb"},
		{"else unknown", "", "", "", "", "unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Source: tt.source, Site: tt.site, URL: tt.url, Paragraphs: []string{"Body."}}
			finish(a, Options{Source: tt.fb}, FormatText, "x")
			if a.Source != tt.want {
				t.Errorf("source %q, want %q", a.Source, tt.want)
			}
			if a.ID != article.NewID(tt.want, "", tt.url, a.Paragraphs) {
				t.Errorf("ID %q not from the source, URL and text", a.ID)
			}
		})
	}
}

func TestNormLang(t *testing.T) {
	for in, want := range map[string]string{"en-US": "en", "EN": "en", "de_DE": "de", "eng": "en", "fra": "fr", "": "", "xx-nonsense-123456789": "", "und": ""} {
		if got := normLang(in); got != want {
			t.Errorf("normLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	utc := func(y, mo, d, h, mi, s int) time.Time { return time.Date(y, time.Month(mo), d, h, mi, s, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2024-03-05T09:30:00Z", utc(2024, 3, 5, 9, 30, 0)},
		{"2024-03-05T09:30:00+02:00", utc(2024, 3, 5, 7, 30, 0)},
		{"2024-03-05", utc(2024, 3, 5, 0, 0, 0)},
		{"2024-03-05 09:30", utc(2024, 3, 5, 9, 30, 0)},
		{"1999-07-07 08:30:27", utc(1999, 7, 7, 8, 30, 27)},
		{"06/12/1998 20:18:00", utc(1998, 6, 12, 20, 18, 0)},
		{"Tue, 05 Mar 2024 08:00:00 +0000", utc(2024, 3, 5, 8, 0, 0)},
		{"1998-30-06 11:49:00", utc(1998, 6, 30, 11, 49, 0)}, // a year-day-month slip
		{"1998-13-01", utc(1998, 1, 13, 0, 0, 0)},
		{"1998-05-06 10:00", utc(1998, 5, 6, 10, 0, 0)}, // both ways: year-month-day
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseDate(tt.in)
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
	if _, err := parseDate("last Tuesday"); err == nil {
		t.Error("parseDate accepted \"last Tuesday\"")
	}
}

func TestReadLineLimit(t *testing.T) {
	in := strings.Repeat("x", 300) + "\nshort\n" + strings.Repeat("y", 5000) + "\nlast"
	br := bufio.NewReaderSize(strings.NewReader(in), 16)
	var got []string
	for {
		b, err := readLine(br, 200)
		switch {
		case errors.Is(err, errLineTooLong):
			got = append(got, "too long")
			continue
		case len(b) > 0:
			got = append(got, string(b))
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatal(err)
			}
			break
		}
	}
	want := []string{"too long", "short", "too long", "last"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines %q, want %q", got, want)
	}
}

func TestJSONLHTMLRecord(t *testing.T) {
	page := `<!DOCTYPE html><html lang="fr"><head><title>Page title | Site</title><meta property="og:site_name" content="Page Site"></head><body><article><h1>Page title</h1>` +
		strings.Repeat(`<p>The lighthouse keeper of the invented isle of Brack retired on Sunday after forty years, handing the lamp to her nephew.</p>`, 3) +
		`</article></body></html>`
	rec, _ := json.Marshal(map[string]string{"id": "p1", "source": "Record Source", "title": "Record title", "url": "https://isle.example/keeper", "html": page})
	arts, probs := split(itemsOf(t, []string{"-"}, append(rec, '\n'), Options{Format: FormatJSONL}))
	if len(probs) != 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, problems %v", len(arts), probs)
	}
	a := arts[0]
	if a.Title != "Record title" || a.Source != "Record Source" || a.URL != "https://isle.example/keeper" || len(a.Paragraphs) == 0 ||
		!strings.Contains(a.Text(), "lighthouse keeper") {
		t.Errorf("html record read as %+v", a)
	}
}

func TestStripDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SARNOVO, Karsenia (Meridian Wire) — Valdorian Foreign Minister Anselm Rook said on Wednesday.", "Valdorian Foreign Minister Anselm Rook said on Wednesday."},
		{"PINE RIDGE, S.D. (AP) -- President Clinton turned the attention of his tour.", "President Clinton turned the attention of his tour."},
		{"DALLAS (AP) — Democratic presidential candidate Martin O’Malley is shifting staff.", "Democratic presidential candidate Martin O’Malley is shifting staff."},
		{"PORT SELLAN — Valdoria and Karsenia will restore a hotline.", "Valdoria and Karsenia will restore a hotline."},
		{"U.S. Secretary of State Mike Pompeo said while in Russia he warned his counterpart.", "U.S. Secretary of State Mike Pompeo said while in Russia he warned his counterpart."},
		{"NATO — the alliance — met on Monday.", "NATO — the alliance — met on Monday."},
		{"LONDON — Parliament met on Monday.", "Parliament met on Monday."},
		{"Residents of Saltmarsh have asked the water board - again - to publish its plan.", "Residents of Saltmarsh have asked the water board - again - to publish its plan."},
	}
	for _, tt := range tests {
		if got := stripDateline(tt.in); got != tt.want {
			t.Errorf("stripDateline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWireCodes: the typesetting codes of wire copy leave whatever format
// carried them; HTML entities written in plain text stay as written.
func TestWireCodes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"no codes here", "no codes here"},
		{"The budget passed. &QL; &UR;", "The budget passed.    "},
		{"AT&AMP;T and P&AMP;G", "AT&T and P&G"},
		{"&HT; &HT; ROUTINE &HT;", "    ROUTINE  "},
		{"x &LT; y &GT; z, &QUOT;q&QUOT;", `x < y > z, "q"`},
		{"a control &Cx1f; code", "a control   code"},
		{"AT&T; Q&A; R&D", "AT&T; Q&A; R&D"},
		{"&amp; &eacute; &Aacute; &nbsp;", "&amp; &eacute; &Aacute; &nbsp;"},
		{"&TOOLONGNAME; &A; &; & QL;", "&TOOLONGNAME; &A; &; & QL;"},
		{"ends with &", "ends with &"},
		{"&QL", "&QL"},
	} {
		if got := wireCodes(tc.in); got != tc.want {
			t.Errorf("wireCodes(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Through a JSON-lines record, as duc2006.jsonl carries them.
	items := itemsOf(t, []string{"-"}, []byte(`{"id":"w1","title":"&HT; STRIKE ENDS &HT;","text":"&QL; &UR;\n\nDockworkers voted to end the strike. &QL;\n\nAT&AMP;T said nothing."}`+"\n"), Options{Format: "jsonl"})
	arts, probs := split(items)
	if len(probs) != 0 || len(arts) != 1 {
		t.Fatalf("got %d articles and problems %v", len(arts), probs)
	}
	a := arts[0]
	if a.Title != "STRIKE ENDS" || strings.Join(a.Paragraphs, "|") != "Dockworkers voted to end the strike.|AT&T said nothing." {
		t.Errorf("read title %q paragraphs %q", a.Title, a.Paragraphs)
	}
}

// TestWireCodesOnly: a record whose text is nothing but wire codes has no
// text, and is refused as every reader refuses a record without text,
// instead of being stored blank; a title of codes alone gives way to the
// lead, as a missing title does.
func TestWireCodesOnly(t *testing.T) {
	for _, tc := range []struct {
		name, format, in string
		wantTitle        string // "": refused
	}{
		{"jsonl text", "jsonl", `{"id":"w1","title":"Strike","text":"&QL;\n\n&UR; &HT;"}` + "\n", ""},
		{"jsonl text and title", "jsonl", `{"id":"w1","title":"&HT; &HT;","text":"&QL; &UR;"}` + "\n", ""},
		{"plain text", "text", "&HT; &HT;\n\n&QL;\n\n&UR;\n", ""},
		{"jsonl title only codes", "jsonl", `{"id":"w2","title":"&HT; &HT;","text":"Dockworkers voted to end the strike."}` + "\n", "Dockworkers voted to end the strike"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts, probs := split(itemsOf(t, []string{"-"}, []byte(tc.in), Options{Format: tc.format}))
			switch {
			case tc.wantTitle == "" && (len(arts) != 0 || len(probs) != 1):
				t.Errorf("got articles %+v and problems %v, want one problem", arts, probs)
			case tc.wantTitle != "" && (len(arts) != 1 || arts[0].Title != tc.wantTitle):
				t.Errorf("got articles %+v and problems %v, want title %q", arts, probs, tc.wantTitle)
			}
		})
	}
}
