package compare

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/synth"
)

// storyArticles builds a synthetic story: n articles of about 2 KB from
// 40 outlets, a quarter of them copies, each sharing a few sentences with
// the story's core so that claims align, with quotes and entities from
// the usual stages.
func storyArticles(n int) []Article {
	g := synth.New(7)
	g.Sources = 40
	rng := rand.New(rand.NewPCG(3, 4))
	core := synth.New(99).Next(2048).Paragraphs
	var out []Article
	for i := range n {
		s := g.Next(2048)
		paras := s.Paragraphs
		// Every article carries two of the story's core paragraphs.
		paras = append(paras, core[rng.IntN(len(core))], core[rng.IntN(len(core))])
		a := Article{ID: s.ID, Source: s.Source, Title: s.Title, Published: s.Published.Add(time.Duration(i) * time.Minute), Paragraphs: paras, EventID: fmt.Sprintf("event-%d", i%3)}
		if i > 10 && i%4 == 0 {
			o := out[rng.IntN(len(out))]
			for o.CopyOf != "" {
				o = out[rng.IntN(len(out))]
			}
			a.Paragraphs = append(append([]string(nil), o.Paragraphs...), "Follow us for more.")
			a.CopyOf, a.EventID = o.ID, o.EventID
		}
		txt := a.Text()
		a.Entities, a.Quotes = annotated(txt)
		out = append(out, a)
	}
	return out
}

// BenchmarkCompare200 compares a 200-article story of 2 KB articles; the
// target is 200 ms.
func BenchmarkCompare200(b *testing.B) {
	arts := storyArticles(200)
	size := 0
	for _, a := range arts {
		size += len(a.Text())
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		Compare(arts, DefaultOptions())
	}
}

// TestCompare200Aligns checks the benchmark's story does what a story
// does: its shared paragraphs align into claims carried by many voices.
// (Its speed is BenchmarkCompare200's business, not a test's.)
func TestCompare200Aligns(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	r := Compare(storyArticles(200), DefaultOptions())
	shared := 0
	for _, c := range r.Claims {
		if len(c.Voices) > 1 {
			shared++
		}
	}
	if shared == 0 || !strings.Contains(r.Claims[0].Text, " ") {
		t.Errorf("no shared claims found in a story whose articles share paragraphs")
	}
	if len(r.Claims[0].Voices) < 10 {
		t.Errorf("the most shared claim has %d voices; the core paragraphs are in every article", len(r.Claims[0].Voices))
	}
}
