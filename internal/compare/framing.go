package compare

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/text"
)

// Framing is the loaded language of one outlet in its own voice.
type Framing struct {
	Voice  string `json:"voice"`
	Outlet string `json:"outlet"`
	// Copier is set for an outlet whose copies of the voice's articles
	// add words of its own: only those words are counted and flagged.
	Copier bool   `json:"copier,omitempty"`
	Tone   Tone   `json:"tone"`
	Flags  []Flag `json:"flags"`
}

// Tone sums an outlet's flags (see the package doc for the formula).
type Tone struct {
	// Words counts the outlet's own words: outside quotation marks and
	// quote contents (and, for a copier, not in the original).
	Words        int    `json:"words"`
	Labels       Figure `json:"labels"`
	ScareQuotes  Figure `json:"scare_quotes"`
	Hedges       Figure `json:"hedges"`
	Intensifiers Figure `json:"intensifiers"`
	// Score is the weighted flags per 1,000 own words.
	Score float64 `json:"score"`
}

// Figure is a count of flags and its rate per 1,000 own words.
type Figure struct {
	Count   int     `json:"count"`
	Per1000 float64 `json:"per_1000"`
}

// Flag is one loaded term in an outlet's own voice.
type Flag struct {
	Article  string   `json:"article"`
	Category Category `json:"category"`
	// Term is the lexicon entry (or, for a scare quote, the quoted words);
	// Text is what the article says.
	Term   string  `json:"term"`
	Text   string  `json:"text"`
	Span   Span    `json:"span"`
	Weight float64 `json:"weight"`
	// Sentence is the sentence the flag came from.
	Sentence     string `json:"sentence"`
	SentenceSpan Span   `json:"sentence_span"`
}

// compiled is a lexicon ready for matching.
type compiled struct {
	terms []Term
	words [][]string // per term: each word, stemmed where Inflect
	exact map[string][]int
	stem  map[string][]int
}

func compile(lex []Term, st *text.Stemmer) *compiled {
	c := &compiled{terms: lex, exact: map[string][]int{}, stem: map[string][]int{}}
	for i, t := range lex {
		ws := strings.Fields(strings.ToLower(t.Phrase))
		if len(ws) == 0 {
			c.words = append(c.words, nil)
			continue
		}
		if t.Inflect {
			for k, w := range ws {
				ws[k] = st.Stem(w)
			}
			c.stem[ws[0]] = append(c.stem[ws[0]], i)
		} else {
			c.exact[ws[0]] = append(c.exact[ws[0]], i)
		}
		c.words = append(c.words, ws)
	}
	// Longer phrases first, so that "witch hunt" wins over a shorter entry.
	for _, m := range []map[string][]int{c.exact, c.stem} {
		for k, is := range m {
			slices.SortStableFunc(is, func(a, b int) int { return cmp.Compare(len(c.words[b]), len(c.words[a])) })
			m[k] = is
		}
	}
	return c
}

// adjacent reports whether only spaces or a hyphen separate tokens a and b
// of d (so "so-called" and "tore up" match, "so, called" does not).
func adjacent(d *doc, a, b token) bool {
	if a.sent != b.sent {
		return false
	}
	for _, r := range d.rs[a.e:b.s] {
		if !unicode.IsSpace(r) && r != '-' && r != '‐' {
			return false
		}
	}
	return true
}

// match returns the term matching at token i of d and its last token, or
// -1.
func (lx *compiled) match(d *doc, i int) (int, int) {
	t := d.toks[i]
	for _, cands := range [][]int{lx.exact[t.low], lx.stem[t.stem]} {
	next:
		for _, ti := range cands {
			term := lx.terms[ti]
			ws := lx.words[ti]
			end := i + len(ws) - 1
			if end >= len(d.toks) {
				continue
			}
			for k := 0; k < len(ws); k++ {
				u := d.toks[i+k]
				if k > 0 && !adjacent(d, d.toks[i+k-1], u) {
					continue next
				}
				got := u.low
				if term.Inflect {
					got = u.stem
				}
				if got != ws[k] || !u.own {
					continue next
				}
			}
			if i > 0 && d.toks[i-1].sent == t.sent && slices.Contains(term.NotAfter, d.toks[i-1].low) {
				continue
			}
			for _, nb := range term.NotBefore {
				nws := strings.Fields(nb)
				ok := end+len(nws) < len(d.toks)
				for k := 0; ok && k < len(nws); k++ {
					u := d.toks[end+1+k]
					ok = u.sent == t.sent && u.low == nws[k]
				}
				if ok {
					continue next
				}
			}
			return ti, end
		}
	}
	return -1, -1
}

// docFlags returns every flag in d's own voice, in text order.
func (c *comparer) docFlags(d *doc, lx *compiled) []Flag {
	var out []Flag
	sentOf := func(p int) (string, Span) {
		k := sentenceAt(d.sents, p)
		if k < 0 {
			return "", Span{}
		}
		s := d.sents[k]
		return string(d.rs[s.s:s.e]), Span{Start: s.s, End: s.e}
	}
	for i := 0; i < len(d.toks); i++ {
		if !d.toks[i].own {
			continue
		}
		ti, end := lx.match(d, i)
		if ti < 0 {
			continue
		}
		term := lx.terms[ti]
		sp := Span{Start: d.toks[i].s, End: d.toks[end].e}
		sent, ss := sentOf(sp.Start)
		out = append(out, Flag{Article: d.a.ID, Category: term.Category, Term: term.Phrase, Text: d.span(sp), Span: sp, Weight: term.Weight, Sentence: sent, SentenceSpan: ss})
		i = end
	}
	for _, q := range d.quotes {
		if !q.Scare {
			continue
		}
		inner := strings.Trim(d.span(q.Content), "“”\"‘’«»„ ")
		if inner == "" {
			continue
		}
		sent, ss := sentOf(q.Content.Start)
		out = append(out, Flag{Article: d.a.ID, Category: ScareQuote, Term: strings.ToLower(inner), Text: d.span(q.Content), Span: q.Content, Weight: ScareWeight, Sentence: sent, SentenceSpan: ss})
	}
	slices.SortStableFunc(out, func(a, b Flag) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	return out
}

// ownFlags drops from a copy's flags those its original already carries:
// flags in sentences repeated verbatim, and flags whose term the closest
// original sentence has too.
func (c *comparer) ownFlags(d *doc, flags []Flag, origFlags map[int][]Flag) []Flag {
	o := d.copyOf
	if o < 0 {
		o = d.partOf
	}
	if o < 0 {
		return flags
	}
	orig := c.docs[o]
	var out []Flag
	for _, f := range flags {
		k := sentenceAt(d.sents, f.Span.Start)
		if k >= 0 && d.dup[k] >= 0 {
			continue
		}
		if k >= 0 && d.near[k] >= 0 {
			os := orig.sents[d.near[k]]
			inOrig := slices.ContainsFunc(origFlags[o], func(g Flag) bool {
				return g.Term == f.Term && g.Span.Start >= os.s && g.Span.Start < os.e
			})
			if inOrig {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

// framing builds the framing entries: each voice's lead outlet, then each
// copier with words of its own.
func (c *comparer) framing() []Framing {
	lx := compile(c.opt.Lexicon, c.w.st)
	raw := map[int][]Flag{}
	for _, d := range c.docs {
		raw[d.n] = c.docFlags(d, lx)
	}
	out := []Framing{}
	for col, v := range c.vOrder {
		vo := c.voices[v]
		lead := Framing{Voice: voiceID(col), Outlet: vo.outlet, Flags: []Flag{}}
		for _, n := range vo.own {
			d := c.docs[n]
			lead.Flags = append(lead.Flags, c.ownFlags(d, raw[n], raw)...)
			lead.Tone.Words += d.ownWords
		}
		lead.Tone = tone(lead.Tone.Words, lead.Flags)
		out = append(out, lead)
		byOutlet := map[string]*Framing{}
		for _, n := range vo.copies {
			d := c.docs[n]
			f := byOutlet[d.outlet]
			if f == nil {
				f = &Framing{Voice: voiceID(col), Outlet: d.outlet, Copier: true, Flags: []Flag{}}
				byOutlet[d.outlet] = f
			}
			f.Flags = append(f.Flags, c.ownFlags(d, raw[n], raw)...)
			f.Tone.Words += d.ownWords
		}
		for _, name := range slices.Sorted(maps.Keys(byOutlet)) {
			f := byOutlet[name]
			if f.Tone.Words == 0 && len(f.Flags) == 0 {
				continue
			}
			f.Tone = tone(f.Tone.Words, f.Flags)
			out = append(out, *f)
		}
	}
	return out
}

// tone computes the figures of flags over words own words.
func tone(words int, flags []Flag) Tone {
	t := Tone{Words: words}
	weight := 0.0
	for _, f := range flags {
		switch f.Category {
		case Label:
			t.Labels.Count++
		case ScareQuote:
			t.ScareQuotes.Count++
		case Hedge:
			t.Hedges.Count++
		case Intensifier:
			t.Intensifiers.Count++
		}
		weight += f.Weight
	}
	if words == 0 {
		return t
	}
	rate := func(x float64) float64 { return math.Round(x*1000/float64(words)*10) / 10 }
	for _, f := range []*Figure{&t.Labels, &t.ScareQuotes, &t.Hedges, &t.Intensifiers} {
		f.Per1000 = rate(float64(f.Count))
	}
	t.Score = rate(weight)
	return t
}
