package ingest

import (
	"bytes"
	"context"
	"os"
	"testing"
	"unicode/utf8"
)

// fuzzRead reads data as the given format and checks the invariants every
// reader keeps: no panic, each item an article or a problem, articles with
// an ID and valid UTF-8 throughout.
func fuzzRead(t *testing.T, format string, data []byte) {
	err := Read(context.Background(), "fuzz", bytes.NewReader(data), Options{Format: format, MaxFileSize: 1 << 20}, func(it Item) error {
		if (it.Article == nil) == (it.Problem == nil) {
			t.Fatalf("item with both or neither article and problem: %+v", it)
		}
		if p := it.Problem; p != nil {
			if p.Reason == "" || p.File != "fuzz" {
				t.Fatalf("problem without a reason or file: %+v", p)
			}
			return nil
		}
		a := it.Article
		if a.ID == "" || a.Source == "" || a.Format == "" {
			t.Fatalf("article without ID, source or format: %+v", a)
		}
		for _, s := range append([]string{a.Title, a.Byline, a.Source, a.URL, a.InputID, a.Lang, a.Site}, a.Paragraphs...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
		for _, p := range a.Paragraphs {
			if p == "" {
				t.Fatal("empty paragraph")
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Read returned %v", err)
	}
}

func addFiles(f *testing.F, paths ...string) {
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzText(f *testing.F) {
	addFiles(f, "testdata/input/text/headline.txt", "testdata/input/text/lines.txt", "testdata/input/text/lead.txt", "testdata/input/text/crlf.txt")
	f.Add([]byte("A. B. C.\n\n\n- x\n1. y"))
	f.Add([]byte("\ufeffTitle\r\rBody\xff"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, FormatText, data) })
}

func FuzzJSONL(f *testing.F) {
	addFiles(f, "testdata/input/records.jsonl", "testdata/input/array.json")
	f.Add([]byte(`{"id": 1e400, "text": "x", "author": [{"name": "A"}, 3]}`))
	f.Add([]byte(`[{"text": "a"}, {"text": "b"`))
	f.Add([]byte(`{"text": "x", "published": 99999999999999}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, FormatJSONL, data) })
}

func FuzzSGML(f *testing.F) {
	addFiles(f, "testdata/input/wire/sample.sgml")
	f.Add([]byte("<DOC><DOCNO>A</DOCNO><TEXT><P>x &amp;frac12; &Cx1f; &#x41; &#99999999;</P></TEXT></DOC>"))
	f.Add([]byte("<DOC>\n<DOC attr=1><DOCNO>B</DOCNO><TEXT></DOC></TEXT></DOC></DOC>"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, FormatSGML, data) })
}

func FuzzFeed(f *testing.F) {
	addFiles(f, "testdata/feeds/rss.xml", "testdata/feeds/atom.xml", "testdata/feeds/latin1.xml")
	f.Add([]byte(billionLaughs))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1251"?><rss><channel><item><title>\xcf\xf0\xe8</title></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, FormatFeed, data) })
}
