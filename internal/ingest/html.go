package ingest

// The HTML reader. The main text comes from go-trafilatura, whose boilerplate
// removal scores best on news pages, with go-readability as a second
// candidate where trafilatura finds nothing or far too little. Metadata we
// read ourselves (pageMeta), falling back to what the libraries found,
// because the libraries drop what we need: trafilatura keeps the date but not
// the time or zone, and neither joins several authors or prefers the
// original date over the modified one the way a news reader must.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	nurl "net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"github.com/parallax-news/parallax/internal/article"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// errNoText is returned for a page with no article text in it.
var errNoText = errors.New("no article text found")

// minTextRunes is the length below which trafilatura's text counts as "far
// too little" and go-readability's candidate is tried as well.
const minTextRunes = 250

// readHTML reads one HTML page into an article: the main text as
// paragraphs, and title, byline, published time, language, site name and
// canonical URL. pageURL, where known, is the address the page came from.
// It leaves Source, ID, Format and Origin for the caller to fill.
func readHTML(r io.Reader, pageURL string, opt Options) (*article.Article, error) {
	max := opt.MaxFileSize
	if max <= 0 {
		max = DefaultMaxFileSize
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read html: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("read html: page larger than %d bytes", max)
	}
	doc, err := parseHTML(data)
	if err != nil {
		return nil, err
	}
	return readDocument(doc, pageURL, opt)
}

// parseHTML decodes the page's charset (byte-order mark, <meta charset>,
// else a guess from the bytes) and parses it.
func parseHTML(data []byte) (*html.Node, error) {
	doc, err := html.Parse(decodeCharset(data))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	return doc, nil
}

// decodeCharset returns a reader of the page as UTF-8. A byte-order mark
// decides; then bytes that are valid UTF-8 with some non-ASCII in them are
// taken as UTF-8 whatever the page declares (pages re-saved as UTF-8 keep
// their old declaration, and text in a legacy charset is almost never valid
// UTF-8 by accident); then the declared charset; then a guess.
func decodeCharset(data []byte) io.Reader {
	if e, name := charset.Lookup(bomCharset(data)); e != nil {
		if name == "utf-8" {
			return bytes.NewReader(data[3:])
		}
		return e.NewDecoder().Reader(bytes.NewReader(data))
	}
	if utf8.Valid(data) {
		return bytes.NewReader(data)
	}
	enc, name, _ := charset.DetermineEncoding(data, "")
	if name == "utf-8" {
		// Declared UTF-8 but not valid: look for a declaration further in
		// than the 1024 bytes DetermineEncoding reads.
		if e, _ := charset.Lookup(declaredCharset(data)); e != nil {
			enc = e
		} else {
			return bytes.NewReader(data) // invalid bytes become U+FFFD
		}
	}
	return enc.NewDecoder().Reader(bytes.NewReader(data))
}

func bomCharset(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return "utf-8"
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return "utf-16be"
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return "utf-16le"
	}
	return ""
}

// declaredCharset finds a charset= declaration in the page's head.
func declaredCharset(data []byte) string {
	head := data[:min(len(data), 64<<10)]
	if i := bytes.Index(bytes.ToLower(head), []byte("</head")); i > 0 {
		head = head[:i]
	}
	m := charsetPattern.FindSubmatch(head)
	if m == nil {
		return ""
	}
	name := string(m[1])
	if strings.EqualFold(name, "utf-8") || strings.EqualFold(name, "utf8") {
		return ""
	}
	return name
}

var charsetPattern = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?([a-z0-9_:.-]+)`)

// readDocument extracts the article from a parsed page.
func readDocument(doc *html.Node, pageURL string, opt Options) (*article.Article, error) {
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	base, _ := nurl.Parse(pageURL)
	if base != nil && !base.IsAbs() {
		base = nil
	}
	meta := pageMeta(doc, base, opt.Now)

	pruneHidden(doc)
	paras, tmeta := mainText(doc, base, meta.url, log)
	if !hasArticle(paras) {
		return nil, errNoText
	}

	a := &article.Article{
		URL:        meta.url,
		Title:      meta.title,
		Byline:     meta.byline,
		Published:  meta.published,
		Lang:       meta.lang,
		Site:       meta.site,
		Paragraphs: paras,
	}
	if a.URL == "" && base != nil {
		a.URL = base.String()
	}
	// Figure captions are metadata, not body text: keep those the main
	// text does not already carry (clean decides about the ones it does).
	inBody := make(map[string]bool, len(paras))
	for _, p := range paras {
		inBody[p] = true
	}
	for _, c := range meta.captions {
		if !inBody[c] {
			a.Captions = append(a.Captions, c)
		}
	}
	if tmeta != nil {
		if a.Title == "" {
			a.Title = cleanTitle(tmeta.Title, a.Site)
		}
		if a.Byline == "" {
			a.Byline = cleanByline(tmeta.Author)
		}
		// trafilatura falls back to the host name, which is not a name
		// the site declared.
		if site := collapseSpace(tmeta.Sitename); a.Site == "" && site != tmeta.Hostname &&
			(base == nil || !strings.EqualFold(site, base.Hostname())) {
			a.Site = site
		}
		if a.Lang == "" {
			a.Lang = normaliseLang(tmeta.Language)
		}
		if a.URL == "" && tmeta.URL != "" {
			a.URL = resolveURL(base, tmeta.URL)
		}
	}
	if a.Published.IsZero() {
		a.Published = htmlDate(doc, a.URL, opt.Now)
	}
	// A title that merely repeats the first paragraph is fine; a first
	// paragraph that repeats the title is the headline, extracted twice.
	if len(a.Paragraphs) > 1 && a.Title != "" && strings.EqualFold(a.Paragraphs[0], a.Title) {
		a.Paragraphs = a.Paragraphs[1:]
	}
	return a, nil
}

// pruneHidden removes the elements a browser would not show: those with
// the hidden attribute or an inline display:none or visibility:hidden.
func pruneHidden(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.DataAtom != atom.Html && c.DataAtom != atom.Body && isHidden(c) {
			n.RemoveChild(c)
		} else {
			pruneHidden(c)
		}
		c = next
	}
}

func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") {
		return true
	}
	style := strings.ToLower(attr(n, "style"))
	if style == "" {
		return false
	}
	style = strings.ReplaceAll(style, " ", "")
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// fallbackRunes is the text length under which readability is consulted.
const fallbackRunes = 1500

// trafilaturaText runs trafilatura, with fallback candidates when given.
func trafilaturaText(doc *html.Node, u *nurl.URL, fallback *trafilatura.FallbackCandidates, log *slog.Logger) ([]string, *trafilatura.Metadata) {
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:        u,
		EnableFallback:     fallback != nil,
		FallbackCandidates: fallback,
		ExcludeComments:    true,
		HtmlDateMode:       trafilatura.Disabled,
	})
	if err != nil {
		log.Debug("trafilatura found no text", "err", err)
		return nil, nil
	}
	return dropRepeats(nodeParagraphs(res.ContentNode)), &res.Metadata
}

// mainText returns the page's article text as paragraphs, and the metadata
// trafilatura found (nil if it failed).
func mainText(doc *html.Node, base *nurl.URL, canonical string, log *slog.Logger) ([]string, *trafilatura.Metadata) {
	u := base
	if u == nil && canonical != "" {
		u, _ = nurl.Parse(canonical)
	}
	// First trafilatura alone; readability is consulted, as trafilatura's
	// fallback candidate and as our own, only when that text is short,
	// which is where trafilatura's heuristics go wrong. Most news pages
	// never need it, which makes the reader about a third faster.
	paras, meta := trafilaturaText(doc, u, nil, log)
	var rdParas []string
	if runeLen(paras) < fallbackRunes {
		if rd, err := readability.FromDocument(doc, u); err == nil && rd.Node != nil {
			rdParas = nodeParagraphs(rd.Node)
			paras, meta = trafilaturaText(doc, u, &trafilatura.FallbackCandidates{Readability: rd.Node}, log)
		}
	}
	// Below minTextRunes trafilatura falls back to a baseline that runs the
	// paragraphs together; readability keeps them apart.
	if runeLen(paras) < minTextRunes && runeLen(rdParas) >= runeLen(paras) {
		log.Debug("using readability text", "trafilatura", runeLen(paras), "readability", runeLen(rdParas))
		paras = rdParas
	}
	return paras, meta
}

// hasArticle reports whether paragraphs hold article text rather than the
// scraps (a menu, an error message) extractors return from an empty page:
// one paragraph of a sentence's length, or enough words in all.
func hasArticle(paras []string) bool {
	// Runes count too, for scripts written without spaces.
	words, runes := 0, 0
	for _, p := range paras {
		n, r := len(strings.Fields(p)), utf8.RuneCountInString(p)
		if n >= minParagraphWords || r >= minParagraphRunes {
			return true
		}
		words += n
		runes += r
	}
	return words >= minArticleWords || runes >= minArticleRunes
}

// The least text hasArticle accepts.
const (
	minParagraphWords = 8
	minParagraphRunes = 50
	minArticleWords   = 15
	minArticleRunes   = 150
)

func runeLen(paras []string) int {
	n := 0
	for _, p := range paras {
		n += utf8.RuneCountInString(p)
	}
	return n
}

// Extraction is the HTML reader's result as `parallax extract` shows it.
type Extraction struct {
	Title     string    `json:"title"`
	Byline    string    `json:"byline"`
	Published time.Time `json:"published,omitzero"`
	Lang      string    `json:"lang"`
	Site      string    `json:"site"`
	URL       string    `json:"url"`
	Text      string    `json:"text"`
	// Captions are the page's figure captions, kept out of Text.
	Captions []string `json:"captions,omitempty"`
}

// Extract reads one HTML page and returns what the HTML reader finds in it,
// without cleaning or storing anything.
func Extract(ctx context.Context, r io.Reader, pageURL string) (*Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	a, err := readHTML(r, pageURL, Options{})
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return &Extraction{
		Title:     a.Title,
		Byline:    a.Byline,
		Published: a.Published,
		Lang:      a.Lang,
		Site:      a.Site,
		URL:       a.URL,
		Text:      a.Text(),
		Captions:  a.Captions,
	}, nil
}

// pageInfo is the metadata pageMeta reads from a page.
type pageInfo struct {
	title, byline, lang, site, url string
	published                      time.Time
	captions                       []string
}

// pageScan holds what one walk over the page collects.
type pageScan struct {
	htmlLang  string
	meta      map[string][]string // lower-cased name/property/itemprop → contents
	canonical string
	title     string
	h1        []string
	jsonLD    []string
	relAuthor []string
	bylines   []string // text of elements marked as author or byline
	times     []timeElem
	captions  []string // <figcaption> text in the body
}

type timeElem struct {
	datetime string
	pub      bool // marked as the publication time
}

// pageMeta reads the page's own metadata: JSON-LD, <meta> tags, <link>,
// <time> and byline markup.
func pageMeta(doc *html.Node, base *nurl.URL, now time.Time) pageInfo {
	s := &pageScan{meta: make(map[string][]string)}
	s.walk(doc, false)
	ld := parseJSONLD(s.jsonLD)

	var info pageInfo
	info.site = firstNonEmpty(s.first("og:site_name"), ld.publisher, s.first("application-name"))
	info.site = collapseSpace(info.site)

	info.url = firstNonEmpty(s.canonical, s.first("og:url"))
	if info.url != "" {
		info.url = resolveURL(base, info.url)
	}

	title := firstNonEmpty(ld.headline, s.first("dc:title"), s.first("dcterm:title"),
		s.first("og:title"), s.first("title"), s.first("twitter:title"),
		s.first("parsely-title"), s.title)
	info.title = cleanTitle(title, info.site)
	if info.title == "" && len(s.h1) == 1 {
		info.title = s.h1[0]
	}

	info.byline = joinAuthors(ld.authors)
	for _, key := range []string{"dc:creator", "dcterm:creator", "author", "byl",
		"parsely-author", "article:author", "sailthru.author"} {
		if info.byline != "" {
			break
		}
		info.byline = joinAuthors(s.meta[key])
	}
	if info.byline == "" {
		info.byline = joinAuthors(s.relAuthor)
	}
	for _, b := range s.bylines {
		if info.byline != "" {
			break
		}
		if b = cleanByline(b); looksLikeName(b) {
			info.byline = b
		}
	}

	info.captions = s.captions

	info.lang = normaliseLang(s.htmlLang)
	if info.lang == "" {
		info.lang = normaliseLang(firstNonEmpty(s.first("content-language"), s.first("og:locale"), s.first("dc:language"), ld.lang))
	}

	for _, v := range []string{
		ld.published,
		s.first("article:published_time"), s.first("og:published_time"),
		s.first("datepublished"), s.first("article:published"),
		s.first("parsely-pub-date"), s.first("sailthru.date"),
		s.first("dc:date.issued"), s.first("dcterms:created"),
		s.first("dc:date"), s.first("date"), s.first("pubdate"),
		s.first("publish-date"), s.first("publication_date"),
	} {
		if t, ok := parseTimestamp(v); ok && plausibleDate(t, now) {
			info.published = t
			break
		}
	}
	if info.published.IsZero() {
		for _, pass := range []bool{true, false} {
			for _, te := range s.times {
				if te.pub != pass {
					continue
				}
				if t, ok := parseTimestamp(te.datetime); ok && plausibleDate(t, now) {
					info.published = t
					break
				}
			}
			if !info.published.IsZero() || len(s.times) > 1 {
				// Several undistinguished <time> elements (comments,
				// related stories): leave the choice to htmldate.
				break
			}
		}
	}
	return info
}

// metaKey spells the Dublin Core, Open Graph and Twitter prefixes one way:
// "DC.title", "dc-title" and "dc:title" are all "dc:title".
func metaKey(k string) string {
	for _, p := range []string{"dc", "dcterm", "dcterms", "og", "twitter"} {
		if len(k) > len(p)+1 && strings.HasPrefix(k, p) && strings.ContainsRune(".-:", rune(k[len(p)])) {
			return p + ":" + k[len(p)+1:]
		}
	}
	return k
}

func (s *pageScan) first(key string) string {
	for _, v := range s.meta[key] {
		if v = collapseSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func (s *pageScan) walk(n *html.Node, inBody bool) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Html:
			if s.htmlLang == "" {
				s.htmlLang = firstNonEmpty(attr(n, "lang"), attr(n, "xml:lang"))
			}
		case atom.Body:
			inBody = true
		case atom.Title:
			if s.title == "" && !inBody {
				s.title = nodeText(n)
			}
			return
		case atom.Meta:
			content := attr(n, "content")
			for _, k := range []string{"name", "property", "itemprop", "http-equiv"} {
				if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" && content != "" {
					for _, f := range strings.Fields(key) {
						f = metaKey(f)
						s.meta[f] = append(s.meta[f], content)
					}
				}
			}
			return
		case atom.Link:
			rel := strings.ToLower(attr(n, "rel"))
			if hasWord(rel, "canonical") && s.canonical == "" {
				s.canonical = attr(n, "href")
			}
			return
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				s.jsonLD = append(s.jsonLD, n.FirstChild.Data)
			}
			return
		case atom.Style, atom.Noscript, atom.Template, atom.Svg:
			return
		case atom.Figcaption:
			if t := nodeText(n); inBody && t != "" && len(t) < 1000 {
				s.captions = appendNew(s.captions, t)
			}
			return
		case atom.H1:
			if t := nodeText(n); t != "" {
				s.h1 = append(s.h1, t)
			}
		case atom.Time:
			if dt := firstNonEmpty(attr(n, "datetime"), attr(n, "content")); dt != "" {
				ip := strings.ToLower(attr(n, "itemprop") + " " + attr(n, "class"))
				pub := strings.Contains(ip, "datepublished") || strings.Contains(ip, "publish") ||
					hasAttr(n, "pubdate")
				s.times = append(s.times, timeElem{datetime: dt, pub: pub})
			}
		}
		if inBody {
			s.bylineMarkup(n)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.walk(c, inBody)
	}
}

// bylineMarkup records author names from rel=author links, itemprop=author
// and elements whose class or id says byline or author.
func (s *pageScan) bylineMarkup(n *html.Node) {
	if n.DataAtom == atom.A && hasWord(strings.ToLower(attr(n, "rel")), "author") {
		if t := nodeText(n); t != "" && len(t) < 100 {
			s.relAuthor = appendNew(s.relAuthor, t)
		}
		return
	}
	ip := strings.ToLower(attr(n, "itemprop"))
	if hasWord(ip, "author") || hasWord(ip, "creator") {
		t := ""
		if name := findItemprop(n, "name"); name != nil {
			t = firstNonEmpty(attr(name, "content"), nodeText(name))
		} else {
			t = firstNonEmpty(attr(n, "content"), nodeText(n))
		}
		if t != "" && len(t) < 100 {
			s.relAuthor = appendNew(s.relAuthor, t)
		}
		return
	}
	cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if strings.Contains(cls, "byline") || hasWordPrefix(cls, "author") {
		if strings.Contains(cls, "comment") || strings.Contains(cls, "bio") || strings.Contains(cls, "avatar") {
			return
		}
		if t := nodeText(n); t != "" && len(t) < 100 && len(strings.Fields(t)) <= 12 {
			s.bylines = append(s.bylines, t)
		}
	}
}

func findItemprop(n *html.Node, prop string) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if hasWord(strings.ToLower(attr(c, "itemprop")), prop) {
			return c
		}
		if f := findItemprop(c, prop); f != nil {
			return f
		}
	}
	return nil
}

// ldInfo is what the page's JSON-LD says about the article.
type ldInfo struct {
	headline, published, publisher, lang string
	authors                              []string
}

// articleTypes are the schema.org types that describe the article itself.
var articleTypes = map[string]int{
	"newsarticle": 3, "article": 3, "reportagenewsarticle": 3,
	"analysisnewsarticle": 3, "opinionnewsarticle": 3, "blogposting": 3,
	"backgroundnewsarticle": 3, "reviewnewsarticle": 3, "liveblogposting": 3,
	"scholarlyarticle": 3, "techarticle": 3, "socialmediaposting": 2,
	"report": 2, "webpage": 1, "itempage": 1,
}

// parseJSONLD reads the best-ranked article object of the page's JSON-LD
// blocks. Malformed blocks are skipped.
func parseJSONLD(blocks []string) ldInfo {
	var best map[string]any
	bestRank := 0
	var visit func(v any)
	visit = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				visit(e)
			}
		case map[string]any:
			if g, ok := v["@graph"]; ok {
				visit(g)
			}
			rank := 0
			for _, t := range ldStrings(v["@type"]) {
				rank = max(rank, articleTypes[strings.ToLower(t)])
			}
			if rank > bestRank {
				best, bestRank = v, rank
			}
		}
	}
	for _, b := range blocks {
		var v any
		b = strings.TrimSpace(b)
		b = strings.TrimSuffix(strings.TrimPrefix(b, "<!--"), "-->")
		b = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(b), "//<![CDATA["), "//]]>")
		if err := json.Unmarshal([]byte(b), &v); err != nil {
			continue
		}
		visit(v)
	}
	var info ldInfo
	if best == nil {
		return info
	}
	info.headline = html.UnescapeString(firstNonEmpty(ldString(best["headline"]), ldString(best["name"])))
	info.published = firstNonEmpty(ldString(best["datePublished"]), ldString(best["dateCreated"]))
	info.lang = ldString(best["inLanguage"])
	if p, ok := best["publisher"].(map[string]any); ok {
		info.publisher = html.UnescapeString(ldString(p["name"]))
	}
	for _, a := range ldList(best["author"]) {
		var name string
		switch a := a.(type) {
		case string:
			name = a
		case map[string]any:
			name = ldString(a["name"])
		}
		if name = html.UnescapeString(name); name != "" {
			info.authors = append(info.authors, name)
		}
	}
	if len(info.authors) == 0 {
		for _, a := range ldList(best["creator"]) {
			if s, ok := a.(string); ok {
				info.authors = append(info.authors, s)
			}
		}
	}
	return info
}

func ldList(v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		return v
	default:
		return []any{v}
	}
}

func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return collapseSpace(v)
	case []any:
		for _, e := range v {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return ldString(v["@value"])
	}
	return ""
}

func ldStrings(v any) []string {
	var out []string
	for _, e := range ldList(v) {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// titleSeparators split a page title from the site name around it.
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " » ", " · ", " / ", " // "}

// cleanTitle removes the site name a <title> carries before or after the
// headline ("Headline | Site").
func cleanTitle(t, site string) string {
	t = collapseSpace(html.UnescapeString(t))
	if t == "" {
		return ""
	}
	if site != "" {
		for _, sep := range titleSeparators {
			if h, ok := strings.CutSuffix(t, sep+site); ok && h != "" {
				return strings.TrimSpace(h)
			}
			if h, ok := strings.CutPrefix(t, site+sep); ok && h != "" {
				return strings.TrimSpace(h)
			}
		}
	}
	for _, sep := range titleSeparators[:4] {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := t[:i], t[i+len(sep):]
		// A short tail is a site name; keep a headline that merely
		// contains a dash.
		minHead := 3
		if sep == " | " {
			minHead = 1
		}
		if len(strings.Fields(tail)) <= 4 && len(strings.Fields(head)) >= minHead && len(tail) < len(head)+8 {
			return strings.TrimSpace(head)
		}
	}
	return t
}

// bylinePrefixes are stripped from the front of a byline.
var bylinePrefixes = []string{"by:", "by ", "written by ", "posted by ", "words by ", "story by ", "von ", "par ", "por "}

// cleanByline tidies one author string: no "By " prefix, no trailing date
// or role, white space collapsed.
func cleanByline(s string) string {
	s = collapseSpace(html.UnescapeString(s))
	for {
		l := strings.ToLower(s)
		trimmed := false
		for _, p := range bylinePrefixes {
			if strings.HasPrefix(l, p) {
				s = strings.TrimSpace(s[len(p):])
				trimmed = true
				break
			}
		}
		if !trimmed {
			break
		}
	}
	for _, sep := range []string{" | ", " — ", " – ", "\u00b7", " on "} {
		if i := strings.Index(s, sep); i > 0 {
			s = strings.TrimSpace(s[:i])
		}
	}
	s = strings.TrimSpace(strings.TrimRight(s, ",;"))
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "@") && !strings.Contains(s, " ") {
		return ""
	}
	return s
}

// looksLikeName reports whether a byline found by its markup alone starts
// like a name and is not a label ("About the author", "View profile").
func looksLikeName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if s == "" || !unicode.IsUpper(r) {
		return false
	}
	l := strings.ToLower(s)
	for _, w := range []string{"author", "profile", "posted", "follow", "share", "comment", "updated", "published", "staff"} {
		if strings.Contains(l, w) {
			return false
		}
	}
	return !strings.ContainsAny(s, "0123456789@")
}

// joinAuthors cleans each author and joins the distinct ones with ", ".
func joinAuthors(authors []string) string {
	var out []string
	for _, a := range authors {
		if a = cleanByline(a); a != "" {
			out = appendNew(out, a)
		}
	}
	return strings.Join(out, ", ")
}

func appendNew(list []string, s string) []string {
	for _, e := range list {
		if strings.EqualFold(e, s) {
			return list
		}
	}
	return append(list, s)
}

// timestampLayouts are the forms machine-readable dates take.
var timestampLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2006-01-02",
	"20060102",
	"2006/01/02",
}

// parseTimestamp parses a machine-readable date, keeping its zone; one
// without a zone is taken as UTC.
func parseTimestamp(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range timestampLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// plausibleDate rejects dates before the web and in the future.
func plausibleDate(t, now time.Time) bool {
	if now.IsZero() {
		now = time.Now()
	}
	return t.Year() >= 1990 && t.Before(now.Add(48*time.Hour))
}

// htmlDate asks go-htmldate for the original publication date and time.
func htmlDate(doc *html.Node, pageURL string, now time.Time) time.Time {
	opts := htmldate.Options{
		ExtractTime:         true,
		UseOriginalDate:     true,
		URL:                 pageURL,
		SkipExtensiveSearch: true,
	}
	if !now.IsZero() {
		opts.MaxDate = now
	}
	res, err := htmldate.FromDocument(doc, opts)
	if err != nil || res.DateTime.IsZero() {
		return time.Time{}
	}
	return res.DateTime
}

// normaliseLang returns the ISO 639-1 code of a language tag ("en-GB",
// "en_US", "EN"), or "" if it is not one.
func normaliseLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_ ,;"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	return tag
}

// resolveURL resolves ref against base, where both allow it.
func resolveURL(base *nurl.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	u, err := nurl.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if !u.IsAbs() {
		return ""
	}
	return u.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

// hasWordPrefix reports whether a word of s starts with p ("author",
// "author-name", "authors").
func hasWordPrefix(s, p string) bool {
	for _, f := range strings.Fields(s) {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
