package eval

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// dataDir is the shared extraction data, beside a checkout.
const dataDir = "../../../shared/data/extraction"

func TestWords(t *testing.T) {
	got := strings.Join(Words("Don’t STOP—the 3.5% rise, café-owners said."), " ")
	if want := "dont stop the 3 5 rise café owners said"; got != want {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestShingleF1(t *testing.T) {
	tests := []struct {
		name      string
		got, want string
		p, r, f   float64
	}{
		{"identical", "one two three four five", "One, two; three four five!", 1, 1, 1},
		{"both empty", "", " ", 1, 1, 1},
		{"nothing extracted", "", "one two three four", 0, 0, 0},
		{"extra text", "one two three four five six", "one two three four five", 2.0 / 3, 1, 0.8},
		{"missing text", "one two three four", "one two three four five six", 1, 1.0 / 3, 0.5},
		{"twice extracted", "a b c d a b c d", "a b c d", 1.0 / 5, 1, 1.0 / 3},
		{"short texts", "a b", "a b", 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r, f := ShingleF1(tt.got, tt.want)
			if !near(p, tt.p) || !near(r, tt.r) || !near(f, tt.f) {
				t.Errorf("ShingleF1 = %.3f %.3f %.3f, want %.3f %.3f %.3f", p, r, f, tt.p, tt.r, tt.f)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestSameTitle(t *testing.T) {
	tests := []struct {
		got, want string
		ok        bool
	}{
		{"Storm hits coast", "Storm hits coast", true},
		{"Storm hits coast", "storm  hits coast.", true},
		{"Storm hits coast", "Storm hits coast | Daily Example", true},
		{"Storm hits coast", "Daily Example - Storm hits coast", true},
		{"Storm hits coast", "Storm hits coast again", false},
		{"", "Storm hits coast", false},
		{"", "", true},
	}
	for _, tt := range tests {
		if got := SameTitle(tt.got, tt.want); got != tt.ok {
			t.Errorf("SameTitle(%q, %q) = %v, want %v", tt.got, tt.want, got, tt.ok)
		}
	}
}

func TestSameByline(t *testing.T) {
	tests := []struct {
		got, want string
		ok        bool
	}{
		{"Jane Roe", "By Jane Roe", true},
		{"Jane Roe", "Jane Roe, Staff Writer", true},
		{"Jane Roe, Sam Poe", "Sam Poe", true},
		{"Jane Roe", "Sam Poe", false},
		{"", "Sam Poe", false},
		{"Sam Poe", "", false},
		{"", "", true},
	}
	for _, tt := range tests {
		if got := SameByline(tt.got, tt.want); got != tt.ok {
			t.Errorf("SameByline(%q, %q) = %v, want %v", tt.got, tt.want, got, tt.ok)
		}
	}
}

func TestSameDay(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	tests := []struct {
		got  time.Time
		want string
		ok   bool
	}{
		{time.Date(2018, 4, 5, 6, 0, 0, 0, time.UTC), "2018-04-05T06:00", true},
		{time.Date(2018, 4, 5, 0, 30, 0, 0, cet), "2018-04-04T23:30:00Z", true},
		{time.Date(2018, 4, 6, 0, 0, 0, 0, time.UTC), "2018-04-05", false},
		{time.Time{}, "2018-04-05", false},
		{time.Time{}, "", true},
		{time.Date(2018, 4, 5, 0, 0, 0, 0, time.UTC), "", false},
	}
	for _, tt := range tests {
		if got := SameDay(tt.got, tt.want); got != tt.ok {
			t.Errorf("SameDay(%v, %q) = %v, want %v", tt.got, tt.want, got, tt.ok)
		}
	}
}

func TestHTMLText(t *testing.T) {
	got := strings.Join(Words(HTMLText([]byte("<div><p>Un<em>believ</em>able</p><p>next</p><script>no()</script></div>"))), " ")
	if want := "unbelievable next"; got != want {
		t.Errorf("HTMLText words = %q, want %q", got, want)
	}
}

// TestExtractionData runs the whole evaluation on the shared data and holds
// the reader to floors a little under its measured level, so a regression
// shows. Measured 2026-11: shingle F1 0.935, snippets 0.93 found / 0.88
// absent, title 0.96.
func TestExtractionData(t *testing.T) {
	if _, err := os.Stat(dataDir); err != nil {
		t.Skip("../shared/data/extraction not found: run from a checkout with shared/ beside it")
	}
	if testing.Short() {
		t.Skip("reads 430 pages; skipped in -short mode")
	}
	rep, err := Extraction(context.Background(), dataDir, ExtractionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.Write(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if !strings.Contains(b.String(), "worst readability pages") {
		t.Error("report lists no worst pages")
	}
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"shingle F1", rep.Readability.F1, 0.90},
		{"shingle precision", rep.Readability.Precision, 0.90},
		{"shingle recall", rep.Readability.Recall, 0.90},
		{"snippets found", rep.Snippets.WithRate(), 0.90},
		{"snippets absent", rep.Snippets.WithoutRate(), 0.84},
		{"title", rep.Title.Accuracy(), 0.90},
		{"byline", rep.Byline.Accuracy(), 0.75},
		{"date", rep.Date.Accuracy(), 0.85},
	} {
		if c.got < c.floor {
			t.Errorf("%s = %.3f, below the floor %.2f", c.name, c.got, c.floor)
		}
	}
	if n := rep.Readability.Pages; n != 130 {
		t.Errorf("read %d readability pages, want 130", n)
	}
	if n := rep.Snippets.Pages; n != 300 {
		t.Errorf("read %d trafilatura pages, want 300", n)
	}
}

func TestExtractionMissingDir(t *testing.T) {
	if _, err := Extraction(context.Background(), filepath.Join(t.TempDir(), "none"), ExtractionOptions{}); err == nil {
		t.Error("Extraction on an empty directory: no error")
	}
}

func TestExtractionCleanHook(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, readabilityDir, "p1")
	if err := os.MkdirAll(page, 0o755); err != nil {
		t.Fatal(err)
	}
	body := "<p>The lifeboat crew launched twice on Sunday to help walkers cut off by the tide near the old lighthouse.</p><p>Sign up for our newsletter and never miss a story from the coast again this year.</p>"
	for name, content := range map[string]string{
		"source.html":            "<html><head><title>Lifeboat busy | Coast News</title></head><body><article>" + body + "</article></body></html>",
		"expected.html":          "<div><p>The lifeboat crew launched twice on Sunday to help walkers cut off by the tide near the old lighthouse.</p></div>",
		"expected-metadata.json": `{"title":"Lifeboat busy | Coast News","byline":null,"publishedTime":null}`,
	} {
		if err := os.WriteFile(filepath.Join(page, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	calls := 0
	run := func(clean func(a *article.Article)) *ExtractionReport {
		rep, err := Extraction(context.Background(), dir, ExtractionOptions{Clean: clean, Progress: func(done, total int) { calls++ }})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	raw := run(nil)
	cleaned := run(func(a *article.Article) {
		var keep []string
		for _, p := range a.Paragraphs {
			if !strings.Contains(p, "newsletter") {
				keep = append(keep, p)
			}
		}
		a.Paragraphs = keep
	})
	if calls != 2 {
		t.Errorf("Progress called %d times, want 2", calls)
	}
	if !(cleaned.Readability.Precision > raw.Readability.Precision) || cleaned.Readability.F1 != 1 {
		t.Errorf("cleaning did not show: raw P %.3f, cleaned P %.3f F1 %.3f", raw.Readability.Precision, cleaned.Readability.Precision, cleaned.Readability.F1)
	}
	if raw.Title.RightValue != 1 || raw.Date.RightEmpty != 1 {
		t.Errorf("metadata scores: title %+v date %+v", raw.Title, raw.Date)
	}
}
