package eval

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/sync/errgroup"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/ingest"
)

// Subdirectories of the extraction data set.
const (
	readabilityDir = "readability-pages"
	trafilaturaDir = "trafilatura-eval"
)

// readabilityURL is the address the Readability.js test suite gives every
// page; relative links in the pages resolve against it.
const readabilityURL = "http://fakehost/test/page.html"

// ShingleSize is the number of words in a shingle.
const ShingleSize = 4

// ExtractionOptions configures the extraction evaluation.
type ExtractionOptions struct {
	// Clean, if set, is applied to each article after extraction, so the
	// figures measure extraction and cleaning together; nil measures
	// extraction alone.
	Clean func(*article.Article)
	// Progress, if set, is called after each page with the number of pages
	// done and the total. It may be called from several goroutines, one
	// call at a time.
	Progress func(done, total int)
	// Workers bounds how many pages are read at once; 0 means GOMAXPROCS.
	Workers int
}

// ExtractionReport holds the figures of an extraction evaluation.
type ExtractionReport struct {
	// Readability is the shingle and metadata score on readability-pages.
	Readability ShingleScore `json:"readability"`
	Title       FieldScore   `json:"title"`
	Byline      FieldScore   `json:"byline"`
	Date        FieldScore   `json:"date"`
	// Snippets is the snippet score on trafilatura-eval.
	Snippets SnippetScore `json:"snippets"`
	// Pages has one row per page of both sets, readability pages first,
	// each set in name order.
	Pages   []PageResult  `json:"pages"`
	Elapsed time.Duration `json:"elapsed_ns"`
}

// ShingleScore is precision, recall and F1 of our text's 4-word shingles
// against the expected text's, each the mean over pages. Shingles are
// counted as a bag (a shingle that occurs twice must be matched twice), so
// text extracted twice costs precision.
type ShingleScore struct {
	Pages     int     `json:"pages"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// Failed counts pages where the reader returned an error (scored 0).
	Failed int `json:"failed"`
}

// FieldScore counts how often a metadata field was right. Pages whose
// expected value is empty are counted apart: there, right means we found
// nothing either.
type FieldScore struct {
	WithValue  int `json:"with_value"`
	RightValue int `json:"right_value"`
	Empty      int `json:"empty"`
	RightEmpty int `json:"right_empty"`
}

// Accuracy is the share right among pages whose expected value is set.
func (f FieldScore) Accuracy() float64 { return ratio(f.RightValue, f.WithValue) }

// AccuracyAll is the share right among all pages, an empty expected value
// matched by an empty result counting as right.
func (f FieldScore) AccuracyAll() float64 {
	return ratio(f.RightValue+f.RightEmpty, f.WithValue+f.Empty)
}

func (f *FieldScore) add(expected string, right bool) {
	if expected == "" {
		f.Empty++
		if right {
			f.RightEmpty++
		}
		return
	}
	f.WithValue++
	if right {
		f.RightValue++
	}
}

// SnippetScore is how often the snippets that must be in the text were
// found, and those that must not were absent: as a mean over pages and over
// all snippets.
type SnippetScore struct {
	Pages           int     `json:"pages"`
	With            int     `json:"with"`
	WithFound       int     `json:"with_found"`
	Without         int     `json:"without"`
	WithoutAbsent   int     `json:"without_absent"`
	WithPageMean    float64 `json:"with_page_mean"`
	WithoutPageMean float64 `json:"without_page_mean"`
	Failed          int     `json:"failed"`
}

// WithRate is the share of must-have snippets found, over all snippets.
func (s SnippetScore) WithRate() float64 { return ratio(s.WithFound, s.With) }

// WithoutRate is the share of must-not snippets absent, over all snippets.
func (s SnippetScore) WithoutRate() float64 { return ratio(s.WithoutAbsent, s.Without) }

// PageResult is one page's result.
type PageResult struct {
	Set  string `json:"set"` // "readability" or "trafilatura"
	Name string `json:"name"`
	Err  string `json:"error,omitempty"`

	Precision float64 `json:"precision,omitempty"`
	Recall    float64 `json:"recall,omitempty"`
	F1        float64 `json:"f1,omitempty"`

	Title          string `json:"title,omitempty"`
	ExpectedTitle  string `json:"expected_title,omitempty"`
	Byline         string `json:"byline,omitempty"`
	ExpectedByline string `json:"expected_byline,omitempty"`
	Date           string `json:"date,omitempty"`
	ExpectedDate   string `json:"expected_date,omitempty"`
	TitleOK        bool   `json:"title_ok"`
	BylineOK       bool   `json:"byline_ok"`
	DateOK         bool   `json:"date_ok"`

	With          int `json:"with,omitempty"`
	WithFound     int `json:"with_found,omitempty"`
	Without       int `json:"without,omitempty"`
	WithoutAbsent int `json:"without_absent,omitempty"`
	// Missed are the must-have snippets not found; Leaked the must-not
	// snippets found.
	Missed []string `json:"missed,omitempty"`
	Leaked []string `json:"leaked,omitempty"`
}

// expectedMeta is a readability page's expected-metadata.json.
type expectedMeta struct {
	Title         *string `json:"title"`
	Byline        *string `json:"byline"`
	PublishedTime *string `json:"publishedTime"`
}

// snippetCase is one entry of trafilatura-eval/evaldata.json.
type snippetCase struct {
	File    string   `json:"file"`
	With    []string `json:"with"`
	Without []string `json:"without"`
}

// job is one page to evaluate.
type job struct {
	set, name string
	run       func(ctx context.Context) PageResult
}

// Extraction runs the HTML reader over the extraction data set in dir (the
// folder holding readability-pages/ and trafilatura-eval/) and scores it.
// Either subset may be absent, but not both.
func Extraction(ctx context.Context, dir string, opt ExtractionOptions) (*ExtractionReport, error) {
	start := time.Now()
	var jobs []job

	rdir := filepath.Join(dir, readabilityDir)
	entries, err := os.ReadDir(rdir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("read extraction set: %w", err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		page := filepath.Join(rdir, e.Name())
		name := e.Name()
		jobs = append(jobs, job{set: "readability", name: name, run: func(ctx context.Context) PageResult {
			return readabilityPage(ctx, page, name, opt.Clean)
		}})
	}

	tdir := filepath.Join(dir, trafilaturaDir)
	data, err := os.ReadFile(filepath.Join(tdir, "evaldata.json"))
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("read extraction set: %w", err)
	default:
		var cases map[string]snippetCase
		if err := json.Unmarshal(data, &cases); err != nil {
			return nil, fmt.Errorf("read evaldata.json: %w", err)
		}
		for name, c := range cases {
			jobs = append(jobs, job{set: "trafilatura", name: name, run: func(ctx context.Context) PageResult {
				return snippetPage(ctx, filepath.Join(tdir, "html", c.File), name, c, opt.Clean)
			}})
		}
	}
	if len(jobs) == 0 {
		return nil, fmt.Errorf("read extraction set: no %s or %s in %s", readabilityDir, trafilaturaDir, dir)
	}

	results := make([]PageResult, len(jobs))
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	var mu sync.Mutex
	done := 0
	for i, j := range jobs {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			results[i] = j.run(gctx)
			if opt.Progress != nil {
				mu.Lock()
				done++
				opt.Progress(done, len(jobs))
				mu.Unlock()
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, fmt.Errorf("evaluate extraction: %w", err)
	}

	slices.SortFunc(results, func(a, b PageResult) int {
		return cmp.Or(-strings.Compare(a.Set, b.Set), strings.Compare(a.Name, b.Name))
	})
	rep := &ExtractionReport{Pages: results}
	rep.score()
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// score computes the summary figures from the page rows.
func (r *ExtractionReport) score() {
	var withSum, withoutSum float64
	var withPages, withoutPages int
	for _, p := range r.Pages {
		switch p.Set {
		case "readability":
			r.Readability.Pages++
			if p.Err != "" {
				r.Readability.Failed++
			}
			r.Readability.Precision += p.Precision
			r.Readability.Recall += p.Recall
			r.Readability.F1 += p.F1
			r.Title.add(p.ExpectedTitle, p.TitleOK)
			r.Byline.add(p.ExpectedByline, p.BylineOK)
			r.Date.add(p.ExpectedDate, p.DateOK)
		case "trafilatura":
			s := &r.Snippets
			s.Pages++
			if p.Err != "" {
				s.Failed++
			}
			s.With += p.With
			s.WithFound += p.WithFound
			s.Without += p.Without
			s.WithoutAbsent += p.WithoutAbsent
			if p.With > 0 {
				withSum += ratio(p.WithFound, p.With)
				withPages++
			}
			if p.Without > 0 {
				withoutSum += ratio(p.WithoutAbsent, p.Without)
				withoutPages++
			}
		}
	}
	if n := float64(r.Readability.Pages); n > 0 {
		r.Readability.Precision /= n
		r.Readability.Recall /= n
		r.Readability.F1 /= n
	}
	if withPages > 0 {
		r.Snippets.WithPageMean = withSum / float64(withPages)
	}
	if withoutPages > 0 {
		r.Snippets.WithoutPageMean = withoutSum / float64(withoutPages)
	}
}

// extract runs the reader as the product does and returns the article.
func extract(ctx context.Context, path string, pageURL string, clean func(*article.Article)) (*article.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	x, err := ingest.Extract(ctx, f, pageURL)
	if err != nil {
		return nil, err
	}
	a := &article.Article{
		Title:     x.Title,
		Byline:    x.Byline,
		Published: x.Published,
		Lang:      x.Lang,
		Site:      x.Site,
		URL:       x.URL,
		Format:    ingest.FormatHTML,
	}
	if x.Text != "" {
		a.Paragraphs = strings.Split(x.Text, "\n\n")
	}
	if clean != nil {
		clean(a)
	}
	return a, nil
}

// readabilityPage scores one readability-pages folder.
func readabilityPage(ctx context.Context, dir, name string, clean func(*article.Article)) PageResult {
	res := PageResult{Set: "readability", Name: name}
	want, err := os.ReadFile(filepath.Join(dir, "expected.html"))
	if err != nil {
		res.Err = err.Error()
		return res
	}
	var meta expectedMeta
	if b, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json")); err == nil {
		if err := json.Unmarshal(b, &meta); err != nil {
			res.Err = fmt.Sprintf("read expected-metadata.json: %v", err)
			return res
		}
	}
	res.ExpectedTitle = deref(meta.Title)
	res.ExpectedByline = deref(meta.Byline)
	res.ExpectedDate = deref(meta.PublishedTime)

	a, err := extract(ctx, filepath.Join(dir, "source.html"), readabilityURL, clean)
	if err != nil {
		res.Err = err.Error()
		a = &article.Article{}
	}
	res.Precision, res.Recall, res.F1 = ShingleF1(a.Text(), HTMLText(want))
	res.Title, res.Byline = a.Title, a.Byline
	if !a.Published.IsZero() {
		res.Date = a.Published.Format(time.RFC3339)
	}
	res.TitleOK = SameTitle(a.Title, res.ExpectedTitle)
	res.BylineOK = SameByline(a.Byline, res.ExpectedByline)
	res.DateOK = SameDay(a.Published, res.ExpectedDate)
	return res
}

// snippetPage scores one trafilatura-eval page.
func snippetPage(ctx context.Context, path, name string, c snippetCase, clean func(*article.Article)) PageResult {
	res := PageResult{Set: "trafilatura", Name: name, With: len(c.With), Without: len(c.Without)}
	a, err := extract(ctx, path, "", clean)
	if err != nil {
		res.Err = err.Error()
		a = &article.Article{}
	}
	text := snippetNorm(strings.Join(a.Paragraphs, " "))
	for _, s := range c.With {
		if strings.Contains(text, snippetNorm(s)) {
			res.WithFound++
		} else {
			res.Missed = append(res.Missed, s)
		}
	}
	for _, s := range c.Without {
		if strings.Contains(text, snippetNorm(s)) {
			res.Leaked = append(res.Leaked, s)
		} else {
			res.WithoutAbsent++
		}
	}
	return res
}

// Words splits text into lower-case words, punctuation stripped: each run
// of letters, digits and marks is a word, and an apostrophe inside a word
// is dropped ("don't" is "dont").
func Words(s string) []string {
	var words []string
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '\u2019':
			// inside a word: skip; between words it ends nothing new
		default:
			if b.Len() > 0 {
				words = append(words, b.String())
				b.Reset()
			}
		}
	}
	if b.Len() > 0 {
		words = append(words, b.String())
	}
	return words
}

// shingles returns the bag of ShingleSize-word shingles of s. A text
// shorter than one shingle is one shingle of all its words.
func shingles(s string) map[string]int {
	w := Words(s)
	bag := make(map[string]int)
	if len(w) == 0 {
		return bag
	}
	if len(w) < ShingleSize {
		bag[strings.Join(w, " ")]++
		return bag
	}
	for i := 0; i+ShingleSize <= len(w); i++ {
		bag[strings.Join(w[i:i+ShingleSize], " ")]++
	}
	return bag
}

// ShingleF1 compares got with want as bags of 4-word shingles and returns
// precision, recall and F1. Two empty texts agree perfectly; an empty text
// against a non-empty one scores 0.
func ShingleF1(got, want string) (precision, recall, f1 float64) {
	g, w := shingles(got), shingles(want)
	ng, nw := total(g), total(w)
	if ng == 0 && nw == 0 {
		return 1, 1, 1
	}
	if ng == 0 || nw == 0 {
		return 0, 0, 0
	}
	common := 0
	for k, c := range g {
		common += min(c, w[k])
	}
	precision = float64(common) / float64(ng)
	recall = float64(common) / float64(nw)
	if common > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}

func total(bag map[string]int) int {
	n := 0
	for _, c := range bag {
		n += c
	}
	return n
}

// HTMLText returns the text of an HTML document or fragment, blocks
// separated by newlines, scripts and styles dropped. It is deliberately
// independent of the reader under test.
func HTMLText(data []byte) string {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		block := false
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
				return
			case atom.Br, atom.Img, atom.Hr:
				b.WriteByte('\n')
				return
			case atom.Span, atom.A, atom.Em, atom.Strong, atom.B, atom.I, atom.U,
				atom.Sup, atom.Sub, atom.Small, atom.Abbr, atom.Cite, atom.Code,
				atom.Mark, atom.Q, atom.S, atom.Time, atom.Font, atom.Del, atom.Ins:
			default:
				block = true
			}
		}
		if block {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	walk(doc)
	return b.String()
}

// normField folds case, white space, typographic quotes and dashes, and
// trailing punctuation, for comparing metadata.
func normField(s string) string {
	s = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`,
		"\u2013", "-", "\u2014", "-", "\u00a0", " ", "&amp;", "&").Replace(s)
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimRight(s, " .,;:")
}

// SameTitle reports whether two titles agree: equal once normalised, or
// equal but for a site name one of them carries after or before a separator
// ("Headline | Site" against "Headline"). The reader strips site names from
// titles by design; Readability.js, which made the expected titles, mostly
// keeps them.
func SameTitle(got, want string) bool {
	g, w := normField(got), normField(want)
	if g == w {
		return true
	}
	if g == "" || w == "" {
		return false
	}
	long, short := g, w
	if len(short) > len(long) {
		long, short = short, long
	}
	for _, sep := range []string{" | ", " - ", " :: ", " · ", " / ", " _", " » ", ": ", " [", " ("} {
		if strings.HasPrefix(long, short+sep) || strings.HasSuffix(long, sep+short) {
			return true
		}
	}
	return false
}

// SameByline reports whether two bylines agree: equal once normalised, or
// one containing the other ("Jane Doe" against "Jane Doe, Staff Writer").
// Two empty bylines agree.
func SameByline(got, want string) bool {
	g, w := normField(got), normField(want)
	g = strings.TrimPrefix(g, "by ")
	w = strings.TrimPrefix(w, "by ")
	if g == "" || w == "" {
		return g == w
	}
	return g == w || strings.Contains(g, w) || strings.Contains(w, g)
}

// SameDay reports whether got falls on the calendar day want names. want is
// an ISO 8601 date or timestamp; with a zone, got is compared in that zone,
// else as it was given. An empty want is matched by a zero got.
func SameDay(got time.Time, want string) bool {
	want = strings.TrimSpace(want)
	if want == "" {
		return got.IsZero()
	}
	if got.IsZero() || len(want) < 10 {
		return false
	}
	day := want[:10]
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05.999Z0700", "2006-01-02T15:04:05Z0700"} {
		if t, err := time.Parse(layout, want); err == nil {
			return got.In(t.Location()).Format(time.DateOnly) == day || got.Format(time.DateOnly) == day
		}
	}
	return got.Format(time.DateOnly) == day
}

// snippetNorm folds case, white space and typographic quotes, so snippets
// match text whatever its spacing.
func snippetNorm(s string) string {
	s = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`, "\u00a0", " ").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return strings.TrimSpace(*s)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Write prints the report as a table, with the ten worst readability pages
// by F1 and the trafilatura pages with the most snippets wrong.
func (r *ExtractionReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	rs := r.Readability
	p("readability-pages\t%d pages\t(%d failed)\n", rs.Pages, rs.Failed)
	p("  shingle precision\t%.3f\n", rs.Precision)
	p("  shingle recall\t%.3f\n", rs.Recall)
	p("  shingle F1\t%.3f\n", rs.F1)
	for _, f := range []struct {
		name string
		s    FieldScore
	}{{"title", r.Title}, {"byline", r.Byline}, {"date", r.Date}} {
		p("  %s\t%.3f (%d/%d with a value)\t%.3f incl. correctly empty (%d/%d)\n", f.name,
			f.s.Accuracy(), f.s.RightValue, f.s.WithValue,
			f.s.AccuracyAll(), f.s.RightValue+f.s.RightEmpty, f.s.WithValue+f.s.Empty)
	}
	s := r.Snippets
	p("trafilatura-eval\t%d pages\t(%d failed)\n", s.Pages, s.Failed)
	p("  with found\t%.3f of snippets (%d/%d)\t%.3f mean over pages\n", s.WithRate(), s.WithFound, s.With, s.WithPageMean)
	p("  without absent\t%.3f of snippets (%d/%d)\t%.3f mean over pages\n", s.WithoutRate(), s.WithoutAbsent, s.Without, s.WithoutPageMean)
	p("time\t%.1fs\n", r.Elapsed.Seconds())
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}

	var worst []PageResult
	for _, pr := range r.Pages {
		if pr.Set == "readability" {
			worst = append(worst, pr)
		}
	}
	slices.SortStableFunc(worst, func(a, b PageResult) int { return cmp.Compare(a.F1, b.F1) })
	if len(worst) > 10 {
		worst = worst[:10]
	}
	if len(worst) > 0 {
		fmt.Fprintln(tw, "\nworst readability pages\tP\tR\tF1\t")
		for _, pr := range worst {
			note := ""
			if pr.Err != "" {
				note = pr.Err
			}
			p("  %s\t%.3f\t%.3f\t%.3f\t%s\n", pr.Name, pr.Precision, pr.Recall, pr.F1, note)
		}
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
