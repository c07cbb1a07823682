package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"

	"github.com/parallax-news/parallax/internal/article"
)

// readFeed reads an RSS or Atom feed, one article per item.
func readFeed(in *input, br *bufio.Reader) error {
	data, err := io.ReadAll(br)
	if err != nil {
		return err
	}
	data, reason := prepareXML(data)
	if reason != "" {
		return in.problem(0, 0, reason)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return in.problem(0, 0, "invalid feed: "+err.Error())
	}
	if len(feed.Items) == 0 {
		return in.problem(0, 0, "feed has no items")
	}
	site := cleanSpace(html.UnescapeString(feed.Title))
	source := site
	if source == "" {
		source = host(feed.Link)
	}
	for i, it := range feed.Items {
		n := i + 1
		a := feedArticle(feed, it)
		if a == nil {
			if err := in.problem(0, n, "feed item has no title and no text"); err != nil {
				return err
			}
			continue
		}
		a.Site = site
		if a.Source == "" {
			a.Source = source
		}
		if err := in.article(a, fmt.Sprintf("%s#%d", in.name, n), 0, n); err != nil {
			return err
		}
	}
	return nil
}

// feedArticle makes an article of one feed item, or nil for an item with
// neither title nor text.
func feedArticle(feed *gofeed.Feed, it *gofeed.Item) *article.Article {
	a := &article.Article{
		Title:   plainText(it.Title),
		URL:     strings.TrimSpace(it.Link),
		InputID: strings.TrimSpace(it.GUID),
		Lang:    feed.Language,
	}
	// Prefer the full content over the summary when it says more.
	body := fragmentParagraphs(it.Description)
	if it.Content != "" {
		if c := fragmentParagraphs(it.Content); textLen(c) > textLen(body) {
			body = c
		}
	}
	a.Paragraphs = body
	if a.Title == "" && len(body) == 0 {
		return nil
	}
	switch {
	case it.PublishedParsed != nil:
		a.Published = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		a.Published = *it.UpdatedParsed
	}
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		names = append(names, it.DublinCoreExt.Creator...)
	}
	a.Byline = strings.Join(names, ", ")
	meta := make(map[string]json.RawMessage)
	if len(it.Categories) > 0 {
		meta["categories"], _ = json.Marshal(it.Categories)
	}
	if it.Image != nil && it.Image.URL != "" {
		meta["image"], _ = json.Marshal(it.Image.URL)
	}
	if len(it.Enclosures) > 0 {
		var urls []string
		for _, e := range it.Enclosures {
			if e != nil && e.URL != "" {
				urls = append(urls, e.URL)
			}
		}
		if len(urls) > 0 {
			meta["enclosures"], _ = json.Marshal(urls)
		}
	}
	if feed.Link != "" {
		meta["feed_link"], _ = json.Marshal(feed.Link)
	}
	if len(meta) > 0 {
		a.Meta = meta
	}
	return a
}

func textLen(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	return n
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// plainText turns a feed's text field, which may hold escaped markup, into
// plain text.
func plainText(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = tagRE.ReplaceAllString(s, " ")
	}
	return cleanSpace(html.UnescapeString(s))
}

// prepareXML readies feed XML for the parser. It refuses documents that
// declare entities (the way to an entity bomb such as "billion laughs"),
// decodes a declared non-UTF-8 charset to UTF-8, and drops the control
// characters XML forbids, which real feeds contain and which make the
// parser fail.
func prepareXML(data []byte) ([]byte, string) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if declaresEntities(data) {
		return nil, "feed declares XML entities (<!ENTITY>): refused, as that is how entity bombs work"
	}
	if enc := xmlEncoding(data); enc != "" && !strings.EqualFold(enc, "utf-8") && !strings.EqualFold(enc, "utf8") {
		r, err := charset.NewReaderLabel(enc, bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Sprintf("feed declares an unknown charset %q", enc)
		}
		dec, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Sprintf("decode %s: %v", enc, err)
		}
		data = setUTF8Declaration(dec)
	}
	return stripControls(data), ""
}

// declaresEntities reports whether an XML document's DTD declares
// entities.
func declaresEntities(data []byte) bool {
	head := data[:min(len(data), 64<<10)]
	d := indexFold(head, "<!doctype")
	return d >= 0 && indexFold(head[d:], "<!entity") >= 0
}

var encodingRE = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// xmlEncoding returns the encoding an XML declaration names, or "".
func xmlEncoding(data []byte) string {
	m := encodingRE.FindSubmatch(data[:min(len(data), 512)])
	if m == nil {
		return ""
	}
	return string(m[1])
}

// setUTF8Declaration rewrites the encoding in the XML declaration of
// decoded text to UTF-8.
func setUTF8Declaration(data []byte) []byte {
	loc := encodingRE.FindSubmatchIndex(data[:min(len(data), 512)])
	if loc == nil {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:loc[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, data[loc[3]:]...)
}

// stripControls drops the C0 control bytes XML 1.0 forbids (all but tab,
// line feed and carriage return), in place.
func stripControls(data []byte) []byte {
	out := data[:0]
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			continue
		}
		out = append(out, c)
	}
	return out
}

// readHTMLFile reads an HTML page as one article.
func readHTMLFile(in *input, br *bufio.Reader) error {
	rec := &errRecorder{r: br}
	a, err := readHTML(rec, "", in.opt())
	if rec.err != nil {
		// The input failed (over the limit, damaged gzip), not the page.
		return rec.err
	}
	if err != nil {
		return in.problem(0, 0, "no article text found: "+err.Error())
	}
	if a == nil || len(a.Paragraphs) == 0 {
		return in.problem(0, 0, "no article text found")
	}
	return in.article(a, in.name, 0, 0)
}

// errRecorder remembers the first error other than io.EOF its reader
// returned.
type errRecorder struct {
	r   io.Reader
	err error
}

func (e *errRecorder) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}
