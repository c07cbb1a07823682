package demo

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// doc is an article as read by the minimal readers below, which know only
// the corpus's own files. They are deliberately independent of
// internal/ingest: the corpus is ingest's test, not the other way round.
type doc struct {
	ID        string
	File      string
	Pos       int // position within its file
	Source    string
	Title     string
	Published time.Time
	Paras     []string
}

func (d *doc) text() string { return strings.Join(d.Paras, "\n\n") }

// readCorpus reads every input file of the corpus, keyed by input ID.
func readCorpus(t *testing.T) map[string]*doc {
	t.Helper()
	docs := make(map[string]*doc)
	add := func(d *doc) {
		if _, dup := docs[d.ID]; dup {
			t.Errorf("%s: ID %q also used elsewhere", d.File, d.ID)
		}
		docs[d.ID] = d
	}
	names, err := inputFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(Corpus(), name)
		if err != nil {
			t.Fatal(err)
		}
		var read []*doc
		switch path.Ext(name) {
		case ".jsonl":
			read, err = readJSONL(data)
		case ".xml":
			read, err = readFeed(data)
		case ".html":
			read, err = readPage(data)
		case ".txt":
			read = []*doc{{ID: path.Base(name), Paras: splitParas(string(data))}}
		default:
			err = fmt.Errorf("unexpected file type")
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i, d := range read {
			d.File, d.Pos = name, i
			add(d)
		}
	}
	return docs
}

func splitParas(s string) []string {
	var ps []string
	for p := range strings.SplitSeq(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			ps = append(ps, p)
		}
	}
	return ps
}

func readJSONL(data []byte) ([]*doc, error) {
	var docs []*doc
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		var r struct {
			ID, Source, URL, Title, Author, Lang, Text string
			Published                                  *time.Time
		}
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if r.ID == "" || r.Source == "" || r.URL == "" || r.Title == "" || r.Author == "" || r.Lang != "en" {
			return nil, fmt.Errorf("line %d: id, source, url, title, author and lang \"en\" are required", line)
		}
		d := &doc{ID: r.ID, Source: r.Source, Title: r.Title, Paras: strings.Split(r.Text, "\n\n")}
		if r.Published != nil {
			d.Published = *r.Published
		}
		docs = append(docs, d)
	}
	return docs, sc.Err()
}

func readFeed(data []byte) ([]*doc, error) {
	var rss struct {
		Version string `xml:"version,attr"`
		Channel struct {
			Title string `xml:"title"`
			Items []struct {
				Title   string `xml:"title"`
				Link    string `xml:"link"`
				GUID    string `xml:"guid"`
				PubDate string `xml:"pubDate"`
				Content string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(data, &rss); err != nil {
		return nil, err
	}
	if rss.Version != "2.0" {
		return nil, fmt.Errorf("rss version %q, want 2.0", rss.Version)
	}
	var docs []*doc
	for i, it := range rss.Channel.Items {
		pub, err := time.Parse(time.RFC1123Z, it.PubDate)
		if err != nil {
			return nil, fmt.Errorf("item %d: %w", i+1, err)
		}
		n, err := html.Parse(strings.NewReader(it.Content))
		if err != nil {
			return nil, fmt.Errorf("item %d: %w", i+1, err)
		}
		if it.GUID == "" || it.Link == "" || it.Title == "" {
			return nil, fmt.Errorf("item %d: guid, link and title are required", i+1)
		}
		docs = append(docs, &doc{ID: it.GUID, Source: rss.Channel.Title, Title: it.Title, Published: pub, Paras: blocks(n)})
	}
	return docs, nil
}

func readPage(data []byte) ([]*doc, error) {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	d := &doc{}
	var ld struct {
		Type          string    `json:"@type"`
		Headline      string    `json:"headline"`
		DatePublished time.Time `json:"datePublished"`
		Author        []struct {
			Name string `json:"name"`
		} `json:"author"`
	}
	for n := range root.Descendants() {
		switch {
		case n.DataAtom == atom.Link && attr(n, "rel") == "canonical":
			d.ID = attr(n, "href")
		case n.DataAtom == atom.Meta && attr(n, "property") == "og:site_name":
			d.Source = attr(n, "content")
		case n.DataAtom == atom.Script && attr(n, "type") == "application/ld+json":
			if err := json.Unmarshal([]byte(textOf(n)), &ld); err != nil {
				return nil, fmt.Errorf("json-ld: %w", err)
			}
		case n.DataAtom == atom.Div && attr(n, "class") == "article-body":
			d.Paras = blocks(n)
		}
	}
	if d.ID == "" || d.Source == "" || ld.Type != "NewsArticle" || ld.Headline == "" || ld.DatePublished.IsZero() || len(ld.Author) == 0 || len(d.Paras) == 0 {
		return nil, fmt.Errorf("page lacks a canonical link, og:site_name, NewsArticle JSON-LD with headline, date and author, or an article body")
	}
	d.Title, d.Published = ld.Headline, ld.DatePublished
	return []*doc{d}, nil
}

// blocks returns the text of the <p> and <figcaption> elements under n.
func blocks(n *html.Node) []string {
	var ps []string
	for c := range n.Descendants() {
		if c.DataAtom == atom.P || c.DataAtom == atom.Figcaption {
			ps = append(ps, strings.TrimSpace(textOf(c)))
		}
	}
	return ps
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func loadTruth(t *testing.T) *Truth {
	t.Helper()
	truth, err := LoadTruth()
	if err != nil {
		t.Fatal(err)
	}
	return truth
}

func TestTruthMatchesCorpus(t *testing.T) {
	truth := loadTruth(t)
	docs := readCorpus(t)
	for id, a := range truth.Articles {
		d, ok := docs[id]
		if !ok {
			t.Errorf("truth lists %q, which no corpus file holds", id)
			continue
		}
		if d.File != a.File {
			t.Errorf("%s: in %s, truth says %s", id, d.File, a.File)
		}
		if d.Source != "" && d.Source != a.Source {
			t.Errorf("%s: source %q, truth says %q", id, d.Source, a.Source)
		}
		if d.Title != a.Title {
			t.Errorf("%s: title %q, truth says %q", id, d.Title, a.Title)
		}
		if !d.Published.Equal(a.Published) {
			t.Errorf("%s: published %v, truth says %v", id, d.Published, a.Published)
		}
		if o, ok := truth.Outlet(a.Source); ok && !slices.Contains(o.Formats, a.Format) {
			t.Errorf("%s: format %q is not among %s's formats %v", id, a.Format, o.Name, o.Formats)
		}
	}
	for id, d := range docs {
		if _, ok := truth.Articles[id]; !ok {
			t.Errorf("%s holds %q, which truth does not list", d.File, id)
		}
	}
}

func TestShape(t *testing.T) {
	truth := loadTruth(t)
	docs := readCorpus(t)
	if n := len(truth.Outlets); n < 6 {
		t.Errorf("%d outlets, want at least 6", n)
	}
	if n := len(truth.Articles); n < 25 || n > 40 {
		t.Errorf("%d articles, want 25 to 40", n)
	}
	perEvent := make(map[string]int)
	perOutlet := make(map[string]int)
	for id, a := range truth.Articles {
		perEvent[a.Event]++
		perOutlet[a.Source]++
		if n := len(strings.Fields(docs[id].text())); n < 150 || n > 450 {
			t.Errorf("%s: %d words, want 150 to 450", id, n)
		}
	}
	if len(truth.Stories) < 3 {
		t.Errorf("%d stories, want at least 3", len(truth.Stories))
	}
	for _, s := range truth.Stories {
		if len(s.Events) < 2 {
			t.Errorf("story %s has %d events, want at least 2", s.Slug, len(s.Events))
		}
		for i, e := range s.Events {
			if perEvent[e.Slug] < 2 {
				t.Errorf("event %s has %d articles, want at least 2", e.Slug, perEvent[e.Slug])
			}
			if i > 0 && e.Date <= s.Events[i-1].Date {
				t.Errorf("story %s: events out of date order at %s", s.Slug, e.Slug)
			}
		}
	}
	for _, o := range truth.Outlets {
		if perOutlet[o.Name] == 0 {
			t.Errorf("outlet %s has no articles", o.Name)
		}
	}
	formats := make(map[string]int)
	for _, a := range truth.Articles {
		formats[a.Format]++
	}
	want := map[string]int{"html": 3, "feed": 4, "text": 2}
	for f, n := range want {
		if formats[f] != n {
			t.Errorf("%d %s articles, want %d", formats[f], f, n)
		}
	}
	if formats["jsonl"] < len(truth.Articles)/2 {
		t.Errorf("%d JSON-lines articles, want most of them", formats["jsonl"])
	}
}

// shingles returns the set of word 5-grams of s, case and punctuation
// folded.
func shingles(s string) map[string]bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	set := make(map[string]bool)
	for i := 0; i+5 <= len(words); i++ {
		set[strings.Join(words[i:i+5], " ")] = true
	}
	return set
}

// containment is the share of a's shingles that also occur in b.
func containment(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for s := range a {
		if b[s] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

func TestCopies(t *testing.T) {
	truth := loadTruth(t)
	docs := readCorpus(t)
	// How much of the original each kind of copy carries.
	bounds := map[string][2]float64{"verbatim": {0.95, 1}, "edited": {0.4, 0.8}, "excerpt": {0.2, 0.6}}
	kinds := make(map[string]int)
	for id, a := range truth.Articles {
		if a.CopyOf == "" {
			continue
		}
		kinds[a.CopyEdit]++
		b, ok := bounds[a.CopyEdit]
		if !ok {
			t.Errorf("%s: unknown copy_edit %q", id, a.CopyEdit)
			continue
		}
		c := containment(shingles(docs[a.CopyOf].text()), shingles(docs[id].text()))
		t.Logf("%s carries %.2f of %s (%s)", id, c, a.CopyOf, a.CopyEdit)
		if c < b[0] || c > b[1] {
			t.Errorf("%s (%s copy of %s): carries %.2f of the original, want %.2f to %.2f", id, a.CopyEdit, a.CopyOf, c, b[0], b[1])
		}
		if (a.CopyKind == CopyPartial) != (a.CopyEdit == "excerpt") {
			t.Errorf("%s: copy_kind %q does not fit copy_edit %q", id, a.CopyKind, a.CopyEdit)
		}
		if a.Story != truth.Articles[a.CopyOf].Story || a.Event != truth.Articles[a.CopyOf].Event {
			t.Errorf("%s: a copy must report its original's event", id)
		}
	}
	for _, k := range []string{"verbatim", "edited", "excerpt"} {
		if kinds[k] == 0 {
			t.Errorf("no %s copy in the corpus", k)
		}
	}

	// Articles with different originals share no paragraph and little
	// text: independent reports share quotes, not paragraphs. A paragraph
	// that recurs in several articles of one source is that source's
	// boilerplate (a bio, a sign-up line) and is left out.
	perSource := make(map[string]map[string]int)
	for id, a := range truth.Articles {
		if perSource[a.Source] == nil {
			perSource[a.Source] = make(map[string]int)
		}
		for _, p := range docs[id].Paras {
			perSource[a.Source][p]++
		}
	}
	body := func(id string) []string {
		src := truth.Articles[id].Source
		return slices.DeleteFunc(slices.Clone(docs[id].Paras), func(p string) bool { return perSource[src][p] > 1 })
	}
	ids := make([]string, 0, len(truth.Articles))
	for id := range truth.Articles {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var worst float64
	var worstPair string
	defer func() { t.Logf("most text shared by non-copies: %.2f (%s)", worst, worstPair) }()
	for i, x := range ids {
		for _, y := range ids[i+1:] {
			if truth.Original(x) == truth.Original(y) {
				continue
			}
			bx, by := body(x), body(y)
			for _, p := range bx {
				if len(strings.Fields(p)) >= 12 && slices.Contains(by, p) {
					t.Errorf("%s and %s are not copies but share the paragraph %q", x, y, p)
				}
			}
			sx, sy := shingles(strings.Join(bx, " ")), shingles(strings.Join(by, " "))
			c := max(containment(sx, sy), containment(sy, sx))
			if c > worst {
				worst, worstPair = c, x+" / "+y
			}
			if c > 0.25 {
				t.Errorf("%s and %s are not copies but share %.2f of their text", x, y, c)
			}
		}
	}
}

func TestArrival(t *testing.T) {
	truth := loadTruth(t)
	docs := readCorpus(t)
	names, err := inputFiles()
	if err != nil {
		t.Fatal(err)
	}
	if err := sameFiles(names, truth.Arrival); err != nil {
		t.Fatal(err)
	}
	// The order in which articles reach the store.
	rank := func(id string) (int, int) {
		return slices.Index(truth.Arrival, docs[id].File), docs[id].Pos
	}
	var early, tied []string
	for id, a := range truth.Articles {
		if a.CopyOf == "" {
			continue
		}
		fc, pc := rank(id)
		fo, po := rank(a.CopyOf)
		if fc < fo || fc == fo && pc < po {
			early = append(early, id)
		}
		if orig := truth.Articles[a.CopyOf]; !a.Published.IsZero() && a.Published.Equal(orig.Published) {
			tied = append(tied, id)
			if !slices.Contains(docs[id].Paras, "Includes reporting from Meridian Wire.") {
				t.Errorf("%s is published at the same instant as its original but carries no wire credit to break the tie", id)
			}
		}
	}
	if len(early) == 0 {
		t.Error("no copy arrives before its original")
	}
	if len(tied) == 0 {
		t.Error("no copy is published at the same instant as its original")
	}
	// Arrival is mostly chronological: count the files whose earliest
	// dated article precedes the previous file's.
	var prev time.Time
	backwards := 0
	for _, f := range truth.Arrival {
		var first time.Time
		for _, a := range truth.Articles {
			if a.File == f && !a.Published.IsZero() && (first.IsZero() || a.Published.Before(first)) {
				first = a.Published
			}
		}
		if first.IsZero() {
			continue
		}
		if first.Before(prev) {
			backwards++
		}
		prev = first
	}
	if backwards == 0 || backwards > len(truth.Arrival)/4 {
		t.Errorf("%d files arrive out of date order, want a few (back-fills), not none or many", backwards)
	}
}

// TestFeatures checks that the corpus holds each case the README promises,
// so that an edit which removes one fails here rather than in a later
// stage's golden test.
func TestFeatures(t *testing.T) {
	truth := loadTruth(t)
	docs := readCorpus(t)
	anyPara := func(source string, re *regexp.Regexp) func() bool {
		return func() bool {
			for id, a := range truth.Articles {
				if source != "" && a.Source != source {
					continue
				}
				for _, p := range docs[id].Paras {
					if re.MatchString(p) {
						return true
					}
				}
			}
			return false
		}
	}
	// outsideQuotes drops quoted speech, leaving the outlet's own voice.
	quoted := regexp.MustCompile(`“[^”]*”`)
	ownVoice := func(source string, re *regexp.Regexp) func() bool {
		return func() bool {
			for id, a := range truth.Articles {
				if a.Source == source && re.MatchString(quoted.ReplaceAllString(docs[id].text(), "")) {
					return true
				}
			}
			return false
		}
	}
	tests := []struct {
		name string
		want bool
		has  func() bool
	}{
		{"photo caption with credit", true, anyPara("", regexp.MustCompile(`\((Meridian Wire|Halvard Gazette) Photo/[^)]+\)$`))},
		{"wire credit line", true, anyPara("", regexp.MustCompile(`^Includes reporting from Meridian Wire\.$`))},
		{"contributor credit", true, anyPara("", regexp.MustCompile(`^\w+ \w+ contributed to this report`))},
		{"blog bio", true, anyPara("The Lanternpost", regexp.MustCompile(`^Gideon Farrow is the founder`))},
		{"aggregator view-more line", true, anyPara("NewsBeacon", regexp.MustCompile(`^View more:$`))},
		{"quote split around its speech verb", true, anyPara("", regexp.MustCompile(`,” (he|she|[A-Z]\w+) said(, \w+)?, “`))},
		{"pronoun speaker", true, anyPara("", regexp.MustCompile(`” (he|she) said\.`))},
		{"role speaker", true, anyPara("", regexp.MustCompile(`” (the|Valdoria’s) (\w+ )?minister said`))},
		{"quote over two paragraphs", true, func() bool {
			for _, d := range docs {
				for i, p := range d.Paras[:len(d.Paras)-1] {
					if strings.Count(p, "“") > strings.Count(p, "”") && strings.HasPrefix(d.Paras[i+1], "“") {
						return true
					}
				}
			}
			return false
		}},
		{"undated JSON record", true, func() bool {
			for _, a := range truth.Articles {
				if a.Format == "jsonl" && a.Published.IsZero() {
					return true
				}
			}
			return false
		}},
		{"state media says regime", true, ownVoice("Voice of Karsenia", regexp.MustCompile(`\bregime\b`))},
		{"state media says hysteria", true, ownVoice("Voice of Karsenia", regexp.MustCompile(`\bhysteria\b`))},
		{"state media says tore up", true, ownVoice("Voice of Karsenia", regexp.MustCompile(`\btore up\b`))},
		{"state media scare-quotes interim president", true, anyPara("Voice of Karsenia", regexp.MustCompile(`“interim president”`))},
		{"state media quotes baseless", true, anyPara("Voice of Karsenia", regexp.MustCompile(`“[^”]*baseless[^”]*”`))},
		{"wire says regime", false, ownVoice("Meridian Wire", regexp.MustCompile(`\b(regime|hysteria|so-called)\b`))},
		{"wire scare-quotes interim president", false, anyPara("Meridian Wire", regexp.MustCompile(`“interim president`))},
		{"broadcaster says regime", false, ownVoice("VPB News", regexp.MustCompile(`\b(regime|hysteria|so-called)\b`))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.has(); got != tt.want {
				t.Errorf("found = %v, want %v", got, tt.want)
			}
		})
	}
}

// Names of real outlets and politicians that the fictional world must not
// contain. Short names match as whole words, case-sensitively.
var (
	denyOutlets     = []string{"AP", "Associated Press", "Reuters", "AFP", "RT", "CNN", "BBC", "Fox"}
	denyPoliticians = []string{"Pompeo", "Lavrov", "Trump", "Putin", "Biden", "Clinton", "Maduro", "Guaido"}
)

func TestNoRealNames(t *testing.T) {
	var res []*regexp.Regexp
	for _, n := range append(slices.Clone(denyOutlets), denyPoliticians...) {
		res = append(res, regexp.MustCompile(`\b`+regexp.QuoteMeta(n)+`\b`))
	}
	err := fs.WalkDir(Corpus(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(Corpus(), p)
		if err != nil {
			return err
		}
		if !utf8.Valid(data) {
			t.Errorf("%s is not valid UTF-8", p)
		}
		for _, re := range res {
			if loc := re.FindIndex(data); loc != nil {
				t.Errorf("%s: real name %q at byte %d", p, data[loc[0]:loc[1]], loc[0])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestWriteTo(t *testing.T) {
	dir := t.TempDir()
	paths, err := WriteTo(dir)
	if err != nil {
		t.Fatal(err)
	}
	truth := loadTruth(t)
	if len(paths) != len(truth.Arrival) {
		t.Fatalf("WriteTo returned %d paths, want %d", len(paths), len(truth.Arrival))
	}
	for i, p := range paths {
		rel, err := filepath.Rel(dir, p)
		if err != nil || filepath.ToSlash(rel) != truth.Arrival[i] {
			t.Errorf("path %d = %s, want %s under %s", i, p, truth.Arrival[i], dir)
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := fs.ReadFile(Corpus(), truth.Arrival[i])
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the embedded file", rel)
		}
	}
	for _, doc := range []string{truthFile, readmeFile} {
		if _, err := os.Stat(filepath.Join(dir, doc)); err == nil {
			t.Errorf("WriteTo wrote %s, which is not input", doc)
		}
	}
	// Writing again over the same directory succeeds and changes nothing.
	again, err := WriteTo(dir)
	if err != nil || !slices.Equal(again, paths) {
		t.Errorf("second WriteTo = %v, %v; want the same paths", again, err)
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Truth)
	}{
		{"unknown outlet", func(tr *Truth) {
			a := tr.Articles["nb-norvane-fined"]
			a.Source = "Nobody"
			tr.Articles["nb-norvane-fined"] = a
		}},
		{"event of another story", func(tr *Truth) {
			a := tr.Articles["nb-norvane-fined"]
			a.Event = "sarnovo-talks"
			tr.Articles["nb-norvane-fined"] = a
		}},
		{"copy of a missing article", func(tr *Truth) {
			a := tr.Articles["nb-norvane-fined"]
			a.CopyOf = "no-such-article"
			tr.Articles["nb-norvane-fined"] = a
		}},
		{"copy of a copy", func(tr *Truth) {
			a := tr.Articles["nb-norvane-fined"]
			a.CopyOf = "lp-20250625-norvane-hearing"
			tr.Articles["nb-norvane-fined"] = a
		}},
		{"copy_of without kind", func(tr *Truth) {
			a := tr.Articles["nb-norvane-fined"]
			a.CopyKind = CopyNone
			tr.Articles["nb-norvane-fined"] = a
		}},
		{"file not in arrival", func(tr *Truth) { tr.Arrival = tr.Arrival[1:] }},
		{"bad event date", func(tr *Truth) { tr.Stories[0].Events[0].Date = "3 March" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := loadTruth(t)
			tt.edit(tr)
			if err := tr.Validate(); err == nil {
				t.Error("Validate accepted the broken key")
			}
		})
	}
}

func TestParseTruthErrors(t *testing.T) {
	tests := []struct{ name, in string }{
		{"empty", ""},
		{"not an object", "[]"},
		{"unknown field", `{"outlets":[],"extra":1}`},
		{"trailing data", `{} {}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseTruth(strings.NewReader(tt.in)); err == nil {
				t.Errorf("ParseTruth(%q) succeeded, want an error", tt.in)
			}
		})
	}
}

func FuzzParseTruth(f *testing.F) {
	data, err := fs.ReadFile(Corpus(), truthFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"outlets":[{"name":"X"}],"stories":[{"slug":"s","events":[{"slug":"e","date":"2025-01-02"}]}],"arrival":["a.jsonl"],"articles":{"1":{"source":"X","file":"a.jsonl","story":"s","event":"e"}}}`))
	f.Add([]byte(`{"articles":{"1":{"copy_of":"1","copy_kind":"full"}}}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		tr, err := ParseTruth(bytes.NewReader(in))
		if err != nil {
			return
		}
		// What parses must survive a round trip unchanged.
		out, err := json.Marshal(tr)
		if err != nil {
			t.Fatal(err)
		}
		tr2, err := ParseTruth(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-parse of marshalled truth: %v", err)
		}
		out2, _ := json.Marshal(tr2)
		if !bytes.Equal(out, out2) {
			t.Errorf("round trip changed the key:\n%s\n%s", out, out2)
		}
	})
}
