package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestReadHTML(t *testing.T) {
	tests := []struct {
		file    string
		pageURL string
		wantErr error

		title, byline, lang, site, url string
		published                      string // RFC 3339; "" for none
		first                          string // the first paragraph
		paras                          []string
		absent                         []string // text that must not be in the body
	}{
		{
			file:      "news.html",
			pageURL:   "https://wexmouth.example/some/path?ref=feed",
			title:     "Harbour Council Approves Tidal Barrier Plan",
			byline:    "Mara Ellison, Tobias Reyne",
			published: "2024-03-07T18:45:00+01:00",
			lang:      "en",
			site:      "The Wexmouth Gazette",
			url:       "https://wexmouth.example/news/2024/03/tidal-barrier",
			first:     "The Wexmouth harbour council voted on Thursday to build a tidal barrier across the mouth of the estuary, ending a dispute that has divided the town for more than a decade.",
			paras: []string{
				"Fishermen divided",
				"Opponents, many of them from the inshore fishing fleet, warned that the gates would change the currents in the channel and silt up the moorings upstream.",
				"Nobody has shown us what happens to the sandbanks once the gates are in.",
				"Construction is due to start in the spring of 2025.",
				"Barrier | 48 million",
			},
			absent: []string{"Most read", "All rights reserved", "article-view", "Weather", "color:red"},
		},
		{
			file:      "plain.html",
			title:     "Neue Fähre für den Inselverkehr",
			byline:    "Lena Vogt",
			published: "2023-11-02T07:30:00Z",
			lang:      "de",
			first:     "Die Reederei hat am Donnerstag eine neue Fähre für die Verbindung zwischen dem Festland und der Insel in Dienst gestellt. Das Schiff bietet Platz für 600 Fahrgäste und 80 Autos.",
			paras: []string{
				"Line one of an address Line two of it.",
				"A new paragraph after two breaks.",
			},
			absent: []string{"Impressum", "Kontakt"},
		},
		{
			file:      "cp1252.html",
			pageURL:   "https://riverside.example/local/cafe",
			title:     "Café owners fight rent rise",
			published: "2022-06-15T00:00:00Z",
			lang:      "en",
			url:       "https://riverside.example/local/cafe",
			first:     "The owners of the Café Bellevue on Mill Lane say they will close in September unless the landlord drops a proposed rent rise of 40 per cent. “We can’t pay that,” said José Marn, who has run the café since 2008.",
		},
		{
			file:      "latin1.html",
			title:     "Café owners fight rent rise",
			published: "2022-06-15T00:00:00Z",
			lang:      "en",
			first:     `The owners of the Café Bellevue on Mill Lane say they will close in September unless the landlord drops a proposed rent rise of 40 per cent. "We can't pay that," said José Marn, who has run the café since 2008.`,
		},
		{file: "empty.html", wantErr: errNoText},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "html", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := readHTML(bytes.NewReader(data), tt.pageURL, Options{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("readHTML error = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("readHTML: %v", err)
			}
			for _, f := range []struct{ name, got, want string }{
				{"Title", a.Title, tt.title},
				{"Byline", a.Byline, tt.byline},
				{"Lang", a.Lang, tt.lang},
				{"Site", a.Site, tt.site},
				{"URL", a.URL, tt.url},
			} {
				if f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
			gotPub := ""
			if !a.Published.IsZero() {
				gotPub = a.Published.Format(time.RFC3339)
			}
			if gotPub != tt.published {
				t.Errorf("Published = %q, want %q", gotPub, tt.published)
			}
			if a.Source != "" || a.ID != "" || a.Format != "" || a.Origin != "" {
				t.Errorf("caller's fields set: source %q id %q format %q origin %q", a.Source, a.ID, a.Format, a.Origin)
			}
			if len(a.Paragraphs) == 0 || a.Paragraphs[0] != tt.first {
				t.Errorf("first paragraph:\n got %q\nwant %q", first(a.Paragraphs), tt.first)
			}
			have := make(map[string]bool)
			for _, p := range a.Paragraphs {
				have[p] = true
				if strings.ContainsAny(p, "\n\t") || p != strings.TrimSpace(p) || strings.Contains(p, "  ") {
					t.Errorf("paragraph white space not collapsed: %q", p)
				}
			}
			for _, p := range tt.paras {
				if !have[p] {
					t.Errorf("missing paragraph %q in\n%s", p, a.Text())
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(a.Text(), s) {
					t.Errorf("body holds %q:\n%s", s, a.Text())
				}
			}
		})
	}
}

func first(ps []string) string {
	if len(ps) == 0 {
		return ""
	}
	return ps[0]
}

func TestReadHTMLTooLarge(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "html", "news.html"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = readHTML(bytes.NewReader(data), "", Options{MaxFileSize: 100})
	if err == nil || !strings.Contains(err.Error(), "larger than 100 bytes") {
		t.Fatalf("readHTML error = %v, want a size error", err)
	}
}

func TestExtract(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "html", "news.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x, err := Extract(context.Background(), f, "https://wexmouth.example/")
	if err != nil {
		t.Fatal(err)
	}
	if x.Title != "Harbour Council Approves Tidal Barrier Plan" || x.Site != "The Wexmouth Gazette" {
		t.Errorf("Extract metadata = %+v", x)
	}
	if !strings.HasPrefix(x.Text, "The Wexmouth harbour council voted") || !strings.Contains(x.Text, "evening.\n\nFishermen divided\n\nSupporters") {
		t.Errorf("Extract text not paragraphs joined by blank lines:\n%s", x.Text)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, strings.NewReader("<p>x</p>"), ""); !errors.Is(err, context.Canceled) {
		t.Errorf("Extract on a cancelled context: %v", err)
	}
	if _, err := Extract(context.Background(), strings.NewReader("<html><body><nav>Home</nav></body></html>"), ""); err == nil || !strings.Contains(err.Error(), "no article text found") {
		t.Errorf("Extract on an empty page: %v", err)
	}
}

func TestFragmentParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "  \n ", nil},
		{"plain text", "First line\nstill first.\n\nSecond.", []string{"First line still first.", "Second."}},
		{"paragraphs", "<p>One &amp; two.</p><p>Three&nbsp;four.</p>", []string{"One & two.", "Three four."}},
		{"double br", "Lead sentence here<br><br>Next paragraph<br/>continues here", []string{"Lead sentence here", "Next paragraph continues here"}},
		{"br after sentence", "First sentence.<br>Second sentence.", []string{"First sentence.", "Second sentence."}},
		{"inline markup", "<p>A <b>bold</b> and <a href='x'>linked</a> word.</p>", []string{"A bold and linked word."}},
		{"script and style", "<p>Keep</p><script>var x = '<p>no</p>';</script><style>p{}</style><p>this</p>", []string{"Keep", "this"}},
		{"lists and headings", "<h2>Title</h2><ul><li>one</li><li>two</li></ul>", []string{"Title", "one", "two"}},
		{"entities only", "Caf&eacute; &lt;open&gt;\n\nNext", []string{"Café <open>", "Next"}},
		{"div text", "<div>Outer <div>inner</div> tail</div>", []string{"Outer", "inner", "tail"}},
		{"unclosed", "<p>Open paragraph <i>never closed", []string{"Open paragraph never closed"}},
		{"zero width", "<p>zero\u200bwidth\u00adsoft</p>", []string{"zero widthsoft"}},
		{"table row", "<table><tr><td>a</td><td>b</td></tr></table>", []string{"a | b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fragmentParagraphs(tt.in)
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("fragmentParagraphs(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzHTML(f *testing.F) {
	for _, name := range []string{"news.html", "plain.html", "cp1252.html", "empty.html"} {
		data, err := os.ReadFile(filepath.Join("testdata", "html", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("<p>Short <br><br> text &amp; more</p>"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[1,{"name":["x"]}]}]}</script>`))
	f.Add([]byte("\xef\xbb\xbf<meta charset=shift_jis><p>\x82\xa0</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := readHTML(bytes.NewReader(data), "https://example.org/a", Options{})
		if err == nil {
			if len(a.Paragraphs) == 0 {
				t.Fatal("no error and no paragraphs")
			}
			for _, p := range a.Paragraphs {
				if p == "" || p != strings.TrimSpace(p) {
					t.Fatalf("untrimmed or empty paragraph %q", p)
				}
			}
		}
		for _, p := range fragmentParagraphs(string(data)) {
			if p == "" || strings.Contains(p, "\n") {
				t.Fatalf("fragment paragraph %q", p)
			}
		}
	})
}

// benchPage builds a realistic news page of about 50 KB: navigation, an
// article of forty paragraphs, a sidebar, comments and a footer.
func benchPage() []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Councils weigh flood defences | The Example Post</title>
<meta property="og:site_name" content="The Example Post"><meta name="author" content="Ada Quill">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Councils weigh flood defences","datePublished":"2024-05-01T09:00:00Z"}</script>
<style>body{font-family:serif}.nav li{display:inline}</style></head><body><header><ul class="nav">`)
	for i := range 30 {
		fmt.Fprintf(&b, `<li><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></header><main><article><h1>Councils weigh flood defences</h1><p class="byline">By Ada Quill</p>`)
	sentences := []string{
		"Coastal councils met on Tuesday to weigh the cost of new flood defences against the damage of another winter without them.",
		"Engineers presented three options, ranging from raised sea walls to a set of movable gates across the estuary.",
		"“We cannot keep pumping out the same streets every January,” said one councillor, who asked residents to attend the next meeting.",
		"The regional authority has promised to pay a third of the cost, but only if the councils agree on a single plan by the autumn.",
	}
	for i := range 120 {
		fmt.Fprintf(&b, "<p>%s %s <a href=\"/story/%d\">Read more</a> about the <em>plan</em>.</p>\n", sentences[i%4], sentences[(i+1)%4], i)
		if i%10 == 9 {
			fmt.Fprintf(&b, "<h2>Part %d</h2><figure><img src=\"/img/%d.jpg\"><figcaption>Photo %d: the harbour at low tide.</figcaption></figure>\n", i/10, i, i)
		}
	}
	b.WriteString(`</article><aside><h3>Most read</h3><ol>`)
	for i := range 20 {
		fmt.Fprintf(&b, `<li><a href="/popular/%d">Popular story number %d about local affairs</a></li>`, i, i)
	}
	b.WriteString(`</ol></aside><section id="comments">`)
	for i := range 60 {
		fmt.Fprintf(&b, `<div class="comment"><span class="author">Reader %d</span><p>I think the council should have acted years ago, comment %d.</p></div>`, i, i)
	}
	b.WriteString(`</section></main><footer><p>&copy; 2024 The Example Post</p></footer><script>analytics()</script></body></html>`)
	return []byte(b.String())
}

// BenchmarkReadHTML measures the HTML reader on a ~50 KB news page.
//
//	go test -run '^$' -bench ReadHTML -count 6 ./internal/ingest/ | tee new.txt
//	benchstat old.txt new.txt
func BenchmarkReadHTML(b *testing.B) {
	page := benchPage()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	start := time.Now()
	n := 0
	for b.Loop() {
		if _, err := readHTML(bytes.NewReader(page), "https://example.org/news/1", Options{}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "pages/s")
}

func TestBenchPage(t *testing.T) {
	page := benchPage()
	if n := len(page); n < 40<<10 || n > 70<<10 {
		t.Fatalf("bench page is %d bytes, want about 50 KB", n)
	}
	a, err := readHTML(bytes.NewReader(page), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Paragraphs) < 40 || strings.Contains(a.Text(), "Popular story number") {
		t.Errorf("bench page read as %d paragraphs:\n%s", len(a.Paragraphs), a.Text())
	}
}

func TestReadHTMLKeepsFigureCaptionsAsMetadata(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head><title>Quay reopens</title></head><body><article>
<h1>Quay reopens</h1>
<p>The east quay at Port Veyra reopened on Monday after three weeks of repairs to its crane rails, the harbour authority said.</p>
<figure><img src="/q.jpg"><figcaption>Cranes at the east quay on Monday. (Meridian Wire Photo/Jon Calder)</figcaption></figure>
<p>Ships that had been diverted to Calden will return from Wednesday, and the authority expects normal traffic by the end of the month.</p>
<p>Repairs cost 2.4 million crowns, about a third less than first estimated, because the rails needed less work than feared.</p>
</article></body></html>`
	a, err := readHTML(strings.NewReader(page), "https://example.org/q", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Captions) != 1 || !strings.Contains(a.Captions[0], "Photo/Jon Calder") {
		t.Errorf("captions = %q, want the figcaption", a.Captions)
	}
	if strings.Contains(a.Text(), "Cranes at the east quay") {
		t.Errorf("the caption is in the body: %q", a.Text())
	}
}
