// Package synth generates synthetic news articles for benchmarks and scale
// tests: deterministic from a seed, English-like, with the paragraph shape,
// length and vocabulary spread of wire copy. The text means nothing; it
// exists so that throughput and memory can be measured at sizes no real
// corpus we hold reaches.
package synth

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

var (
	names   = []string{"Amara Voss", "Tomas Reyl", "Ines Kalder", "Oskar Brandt", "Lena Okafor", "Marek Dusil", "Sofia Lenn", "Yusuf Arvan", "Hana Petrov", "Elio Marsh", "Rita Conde", "Jonas Veer"}
	places  = []string{"Port Veyra", "Calden", "Ostrava Bay", "Mirefield", "Saltmarsh", "Kestrel City", "New Arlen", "Dunmore", "Lake Ivra", "Fenwick"}
	orgs    = []string{"the Harbour Authority", "the Transport Ministry", "the dockworkers' union", "the central bank", "the city council", "the energy regulator", "the national assembly", "the water board"}
	verbs   = []string{"said", "told reporters", "warned", "argued", "announced", "confirmed", "added", "insisted"}
	nouns   = []string{"talks", "agreement", "strike", "budget", "inquiry", "shortage", "contract", "reform", "deadline", "vote", "proposal", "dispute", "review", "tariff", "permit", "pipeline", "reservoir", "ruling", "election", "summit"}
	adjs    = []string{"new", "long-awaited", "disputed", "provisional", "regional", "emergency", "final", "revised", "interim", "joint", "annual", "cross-border"}
	actions = []string{"would delay", "could reshape", "is expected to end", "has raised doubts about", "will be reviewed alongside", "threatens", "was welcomed as a step toward", "leaves open"}
	fillers = []string{"on Tuesday", "late on Friday", "after weeks of uncertainty", "despite objections from residents", "in a statement", "according to officials", "for the third time this year", "ahead of the winter season"}
)

// Article is one synthetic article.
type Article struct {
	ID         string
	Source     string
	Title      string
	Published  time.Time
	Paragraphs []string
}

// lexicon is a vocabulary of pseudo-words built from syllables, so that
// synthetic articles share words the way real ones do (a few very often,
// most rarely) but not long phrases: copy detection on synthetic text then
// sees about as many candidates as on real text.
var lexicon = func() []string {
	on := []string{"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cr", "dr", "gr", "pl", "st", "tr", "sh", "ch"}
	nu := []string{"a", "e", "i", "o", "u", "ai", "ea", "ou", "io"}
	co := []string{"", "n", "r", "l", "s", "t", "m", "nd", "rk", "st", "x"}
	r := rand.New(rand.NewPCG(11, 13))
	seen := map[string]bool{}
	var words []string
	for len(words) < 20000 {
		var b strings.Builder
		for range 1 + r.IntN(3) {
			b.WriteString(on[r.IntN(len(on))] + nu[r.IntN(len(nu))] + co[r.IntN(len(co))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}()

var function = []string{"the", "of", "and", "to", "a", "in", "that", "for", "on", "with", "as", "at", "by", "from", "was", "is", "it", "its", "after", "before", "over", "new"}

// Generator makes articles deterministically from a seed.
type Generator struct {
	r *rand.Rand
	// Sources is how many outlets the articles spread over.
	Sources int
	// Start is the first published time; articles advance by a few
	// minutes each.
	Start time.Time
	n     int
}

// New returns a Generator.
func New(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), Sources: 50, Start: time.Date(2024, 1, 1, 6, 0, 0, 0, time.UTC)}
}

func (g *Generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// word draws a content word, Zipf-like: low ranks far more often.
func (g *Generator) word() string {
	x := g.r.Float64()
	return lexicon[int(x*x*x*float64(len(lexicon)-1))]
}

func (g *Generator) sentence() string {
	if g.r.IntN(4) > 0 {
		// Most sentences: free text over the lexicon, with function words.
		n := 12 + g.r.IntN(16)
		ws := make([]string, n)
		for i := range ws {
			if g.r.IntN(5) < 2 { // English runs about 40 % function words
				ws[i] = function[g.r.IntN(len(function))]
			} else {
				ws[i] = g.word()
			}
		}
		ws[0] = capital(ws[0])
		if g.r.IntN(3) == 0 {
			ws[n/2] = g.pick(places)
		}
		return strings.Join(ws, " ") + "."
	}
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("%s %s the %s %s %s %s %s.", capital(g.pick(orgs)), g.pick(verbs), g.pick(adjs), g.pick(nouns), g.pick(actions), "the", g.pick(nouns)+" in "+g.pick(places))
	case 1:
		return fmt.Sprintf("“The %s %s the %s,” %s %s %s.", g.pick(nouns), g.pick(actions), g.pick(nouns), g.pick(names), g.pick(verbs), g.pick(fillers))
	default:
		return fmt.Sprintf("In %s, %d people gathered %s as the %s %s %s.", g.pick(places), 10+g.r.IntN(5000), g.pick(fillers), g.pick(adjs), g.pick(nouns), g.pick(actions)+" the "+g.pick(nouns))
	}
}

// Next returns the next article: about size bytes of body text in
// paragraphs of two to four sentences.
func (g *Generator) Next(size int) Article {
	g.n++
	a := Article{
		ID:        fmt.Sprintf("synth-%08d", g.n),
		Source:    fmt.Sprintf("outlet-%02d", g.r.IntN(max(g.Sources, 1))),
		Title:     fmt.Sprintf("%s %s %s in %s", capital(g.pick(adjs)), g.pick(nouns), g.pick(actions), g.pick(places)),
		Published: g.Start.Add(time.Duration(g.n) * 3 * time.Minute),
	}
	total := 0
	for total < size {
		k := 2 + g.r.IntN(3)
		s := make([]string, k)
		for i := range s {
			s[i] = g.sentence()
		}
		p := strings.Join(s, " ")
		a.Paragraphs = append(a.Paragraphs, p)
		total += len(p) + 2
	}
	return a
}

// JSONL renders a as one JSON line (with the trailing newline) in the
// format `parallax ingest` reads.
func (a Article) JSONL() []byte {
	b, _ := json.Marshal(map[string]string{
		"id":        a.ID,
		"source":    a.Source,
		"title":     a.Title,
		"published": a.Published.Format(time.RFC3339),
		"lang":      "en",
		"text":      strings.Join(a.Paragraphs, "\n\n"),
	})
	return append(b, '\n')
}

// Text renders a as a plain-text file: the title line, a blank line, and
// paragraphs separated by blank lines.
func (a Article) Text() []byte {
	return []byte(a.Title + "\n\n" + strings.Join(a.Paragraphs, "\n\n") + "\n")
}

// HTML renders a as a news page with the furniture real pages carry:
// navigation, share buttons, related links, a footer and JSON-LD metadata.
func (a Article) HTML() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s | %s</title>
<meta property="og:site_name" content="%s"><link rel="canonical" href="https://%s.example/news/%s">
<script type="application/ld+json">{"@type":"NewsArticle","headline":%q,"datePublished":%q,"author":{"@type":"Person","name":"Staff Reporter"}}</script>
</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>%s</h1><p class="byline">By Staff Reporter</p>`, a.Title, a.Source, a.Source, a.Source, a.ID, a.Title, a.Published.Format(time.RFC3339), a.Title)
	for _, p := range a.Paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</article><aside><h2>Share</h2><a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></aside>
<section class="related"><h2>Related</h2><ul><li><a href="/a">Council approves harbour budget</a></li><li><a href="/b">Water board names new chair</a></li></ul></section></main>
<footer><p>© Example Media. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>`)
	return []byte(b.String())
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
