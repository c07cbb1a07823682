package compare

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/termtext"
)

// FuzzCompare runs Compare and Render on arbitrary text, spans and copy
// links: no panic, spans inside the text, rendered lines within the width.
func FuzzCompare(f *testing.F) {
	f.Add("The regime said “so-called” things.\n\nAnother “open quote", "Lavrov said it was “baseless”. U.S. officials agreed.", 3, 9, true, uint8(60))
	f.Add("", "", 0, 0, false, uint8(0))
	f.Add("PORT SELLAN — A.\n\n\n\n“", "‘x’ \u202e\x00 very very", -5, 1000, true, uint8(200))
	f.Fuzz(func(t *testing.T, t1, t2 string, s, e int, copied bool, width uint8) {
		a := Article{ID: "a", Source: "A", Paragraphs: strings.Split(t1, "\n\n")}
		b := Article{ID: "b", Source: "B", Paragraphs: strings.Split(t2, "\n\n")}
		if copied {
			b.CopyOf = "a"
		}
		for _, x := range []*Article{&a, &b} {
			x.Entities, x.Quotes = annotated(x.Text())
			x.Quotes = append(x.Quotes, quote.Attribution{Content: quote.Span{Start: s, End: e}, Scare: copied})
			x.Entities = append(x.Entities, Entity{Text: "x", Start: s, End: e})
		}
		r := Compare([]Article{a, b}, Options{})
		texts := map[string][]rune{"a": []rune(a.Text()), "b": []rune(b.Text())}
		for _, c := range r.Claims {
			for _, cell := range c.Cells {
				for _, ev := range cell.Evidence {
					rs := texts[ev.Article]
					if ev.Span.Start < 0 || ev.Span.End > len(rs) || string(rs[ev.Span.Start:ev.Span.End]) != ev.Sentence {
						t.Fatalf("evidence span %v does not hold %q", ev.Span, ev.Sentence)
					}
				}
			}
		}
		for _, fr := range r.Framing {
			for _, fl := range fr.Flags {
				rs := texts[fl.Article]
				if fl.Span.Start < 0 || fl.Span.End > len(rs) || string(rs[fl.Span.Start:fl.Span.End]) != fl.Text {
					t.Fatalf("flag span %v does not hold %q", fl.Span, fl.Text)
				}
			}
		}
		var out bytes.Buffer
		if err := Render(&out, r, int(width)); err != nil {
			t.Fatal(err)
		}
		w := max(int(width), minWidth)
		for _, l := range strings.Split(out.String(), "\n") {
			if termtext.Width(l) > w {
				t.Fatalf("line wider than %d: %q", w, l)
			}
			if strings.ContainsFunc(l, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
				t.Fatalf("control character in %q", l)
			}
		}
	})
}
