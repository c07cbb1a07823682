// Package quote finds attributions in news text: who said, wrote, believed
// or wanted what. It reports direct quotes (straight or curly marks, quotes
// split around the speech verb, quotes running over several paragraphs),
// indirect speech ("X said that…", "according to X", "X warned…"), and scare
// quotes around a term, which are marked as such rather than as statements.
//
// Each Attribution carries three spans in code points of the text exactly as
// given: the source (who), the cue (the verb or phrase) and the content
// (what), and the speaker resolved to a canonical name where the source is a
// pronoun ("he said"), a role ("the Russian foreign minister") or a group
// ("the two diplomats").
//
// We wrote our own rules rather than use a trained tagger because Parallax is
// pure Go with no model downloads, and because the corpora that exist for
// attribution (PolNeAR, PARC) are licensed for evaluation only: nothing in
// this package is learned from them. The rules are a tokeniser that keeps
// punctuation and quote marks, a quote-mark pairer, a sentence splitter, a
// lexicon of speech, cognition and evaluation verbs with their frames, and a
// small person finder. Options.People is the seam through which the entity
// stage can supply canonical people instead.
//
// Extract is safe for concurrent use; it allocates per call and keeps no
// state.
package quote

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// Span is a half-open range of code points [Start, End) in the text. The
// zero Span is empty and means "absent".
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Empty reports whether the span covers nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Attribution is one attributed statement, belief or intention, or a scare
// quote.
type Attribution struct {
	Source  Span `json:"source"`
	Cue     Span `json:"cue"`
	Content Span `json:"content"`
	// Direct is set when the content is (or contains) a verbatim quotation.
	Direct bool `json:"direct"`
	// Scare marks quotation marks around a term ("interim president"): no
	// statement is attributed, and Source and Cue are empty.
	Scare bool `json:"scare,omitempty"`
	// Speaker is the canonical name of who is speaking, resolved where
	// possible; for a group it joins the members with " and ".
	Speaker string `json:"speaker,omitempty"`
	// Speakers lists the members when the source is a group.
	Speakers []string `json:"speakers,omitempty"`
	// SpeakerText is the text of the source span.
	SpeakerText string `json:"speaker_text,omitempty"`
}

// Person is someone the text names, as the entity stage (or the built-in
// finder) sees them.
type Person struct {
	// Name is canonical ("Sergey Lavrov").
	Name string
	// Role holds the words that introduced the person, lower case
	// ("russia's foreign minister").
	Role string
	// Mentions are the spans where the text names the person.
	Mentions []Span
}

// Options tune Extract. The zero value is ready to use.
type Options struct {
	// People returns the people named in text (spans in code points). Nil
	// uses FindPeople.
	People func(text string) []Person
	// SkipOrphans leaves out quotations that stand alone with no cue of
	// their own (a paragraph that is only a quote). By default they are
	// reported without source or cue, spoken by the previous speaker.
	SkipOrphans bool
	// MaxSourceWords caps the length of a source found to the left of its
	// cue; 0 means 14.
	MaxSourceWords int
}

// DefaultOptions returns the options Extract uses for a zero Options.
func DefaultOptions() Options { return Options{MaxSourceWords: 14} }

// doc is one text being analysed.
type doc struct {
	rs      []rune
	toks    []token
	regions []region
	sents   []sentence
	scares  []bool // per region: a scare quote
	used    []bool // per token: taken as a source or cue
	sentOf  []int  // per token: its sentence
	opt     Options
}

// Extract returns the attributions in text, ordered by the start of their
// cue (or content, for those without a cue). Spans are code-point offsets
// into text.
func Extract(text string, opt Options) []Attribution {
	if opt.MaxSourceWords <= 0 {
		opt.MaxSourceWords = 14
	}
	d := &doc{rs: []rune(text), opt: opt}
	d.toks = tokenize(d.rs)
	if len(d.toks) == 0 {
		return nil
	}
	d.regions = pairQuotes(d.rs, d.toks)
	d.sents = sentences(d.toks)
	d.used = make([]bool, len(d.toks))
	d.sentOf = make([]int, len(d.toks))
	for n, st := range d.sents {
		for j := st.s; j < st.e; j++ {
			d.sentOf[j] = n
		}
	}
	d.scares = make([]bool, len(d.regions))
	for q := range d.regions {
		d.scares[q] = d.isScare(q)
	}

	var out []found
	for _, s := range d.sents {
		out = d.sentence(s, out)
	}
	out = d.attachQuotes(out)
	as := make([]Attribution, 0, len(out))
	for _, f := range out {
		as = append(as, f.a)
	}
	var people []Person
	if opt.People != nil {
		people = opt.People(text)
	} else {
		people = findPeople(d.toks)
	}
	resolve(d, as, people)
	slices.SortStableFunc(as, func(a, b Attribution) int {
		return key(a) - key(b)
	})
	return as
}

func key(a Attribution) int {
	if !a.Cue.Empty() {
		return a.Cue.Start
	}
	return a.Content.Start
}

// found is an attribution with the token indexes that produced it.
type found struct {
	a      Attribution
	cs, ce int // content tokens [cs, ce)
}

func (d *doc) span(i, j int) Span {
	if i >= j || i < 0 || j > len(d.toks) {
		return Span{}
	}
	return Span{d.toks[i].s, d.toks[j-1].e}
}

func (d *doc) text(s Span) string {
	if s.Empty() {
		return ""
	}
	return string(d.rs[s.Start:s.End])
}

// tokenAt returns the index of the token starting at code point p.
func (d *doc) tokenAt(p int) int {
	i, _ := slices.BinarySearchFunc(d.toks, p, func(t token, p int) int { return t.s - p })
	return min(i, len(d.toks)-1)
}

// isCue reports whether token i starts a cue and returns its lemma.
func (d *doc) cueAt(i int) (cueForm, bool) {
	t := d.toks[i]
	if t.kind != kWord || t.quote >= 0 {
		return cueForm{}, false
	}
	f, ok := cueWords[t.low]
	return f, ok
}

// sentence finds the attributions whose cue lies in s.
func (d *doc) sentence(s sentence, out []found) []found {
	used := d.used // tokens taken as a source or cue
	first := len(out)
	for i := s.s; i < s.e; i++ {
		if used[i] {
			continue
		}
		t := d.toks[i]
		if t.low == "according" && i+1 < s.e && d.toks[i+1].low == "to" && t.quote < 0 {
			if f, ok := d.according(s, i); ok {
				out = append(out, f)
				used[i], used[i+1] = true, true
			}
			continue
		}
		if i == s.s && t.quote < 0 {
			if f, ok := d.headline(s); ok {
				out = append(out, f)
				break
			}
			if f, ok := d.asked(s); ok {
				out = append(out, f)
				used[i] = true
				continue
			}
		}
		if t.text == ":" && t.quote < 0 {
			if f, ok := d.colonQuote(s, i); ok {
				out = append(out, f)
				used[i] = true
				continue
			}
		}
		if t.low == "in" && t.quote < 0 && (i == s.s || !used[i-1]) {
			if f, ok := d.inSource(s, i); ok {
				out = append(out, f)
				used[i] = true
				continue
			}
		}
		form, ok := d.cueAt(i)
		if !ok || d.naming(s, i, form) {
			continue
		}
		f, ok := d.verbFrame(s, i, form, out[first:])
		if !ok {
			continue
		}
		for j := i; j < s.e && d.toks[j].s < f.a.Cue.End; j++ {
			used[j] = true
		}
		out = append(out, f)
	}
	return out
}

// scare reports (from a table built once) whether quotation q marks a term rather than a statement:
// at most four words with no inner punctuation, used as part of a noun
// phrase (a determiner before it, or a name right after it).
func (d *doc) scare(q int) bool { return d.scares[q] }

func (d *doc) isScare(q int) bool {
	r := d.regions[q]
	if !r.closed {
		return false
	}
	words := 0
	for j := r.open + 1; j < r.close; j++ {
		t := d.toks[j]
		if t.kind != kWord {
			if t.text == "-" || t.text == "’" || t.text == "'" {
				continue
			}
			return false
		}
		words++
	}
	if words == 0 || words > 4 {
		return false
	}
	if r.open > 0 {
		p := d.toks[r.open-1]
		switch p.low {
		case "so-called", "the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those", "supposed", "alleged":
			return true
		}
	}
	if r.close+1 < len(d.toks) {
		n := d.toks[r.close+1]
		if n.cap && !n.nl && n.kind == kWord && !personPronouns[n.low] {
			if _, isCue := cueWords[n.low]; isCue {
				return false
			}
			// A name follows: the term is a title put in doubt ("“interim
			// president” Juan Guaido"). A lone capitalised word after a
			// quoted adjective is more often a nationality in reported
			// speech (“unacceptable” Russian meddling): the speaker's word.
			if titleWords[d.toks[r.close-1].low] {
				return true
			}
			if r.close+2 < len(d.toks) {
				m := d.toks[r.close+2]
				return m.cap && !m.nl && m.kind == kWord
			}
		}
	}
	return false
}

// doubtedTitle reports whether quotation q is a title followed by a name
// (“interim president” Juan Guaido): the outlet's doubt, wherever it stands.
func (d *doc) doubtedTitle(q region) bool {
	if q.close+1 >= len(d.toks) || !titleWords[d.toks[q.close-1].low] {
		return false
	}
	n := d.toks[q.close+1]
	return n.cap && !n.nl && n.kind == kWord
}

// attachQuotes joins a quotation that follows an attribution in the same
// paragraph with no cue of its own to that attribution ("“A,” he said.
// “B.”"), and marks scare quotes.
func (d *doc) attachQuotes(fs []found) []found {
	covered := func(q region) int {
		for n, f := range fs {
			if f.cs <= q.open && q.close < f.ce {
				return n
			}
		}
		return -1
	}
	for qi, q := range d.regions {
		if d.scare(qi) {
			// Inside reported speech a quoted phrase is the speaker's own
			// words (Pompeo said the US sought a “better relationship”),
			// unless it is a title put in doubt before a name.
			if covered(q) >= 0 && !d.doubtedTitle(q) {
				continue
			}
			fs = append(fs, found{a: Attribution{Content: d.span(q.open, q.close+1), Scare: true}, cs: q.open, ce: q.close + 1})
			continue
		}
		if covered(q) >= 0 {
			continue
		}
		// The nearest attribution before q in the same paragraph.
		best := -1
		for n, f := range fs {
			if f.a.Scare || f.ce > q.open || d.toks[f.cs].para != d.toks[q.open].para {
				continue
			}
			if best < 0 || fs[best].ce < f.ce {
				best = n
			}
		}
		if best >= 0 && fs[best].a.Direct {
			// The quotation must open the sentence right after the one
			// holding the attribution (or follow it in the same one).
			b := fs[best]
			cueTok := b.ce - 1
			if !b.a.Cue.Empty() {
				cueTok = d.tokenAt(b.a.Cue.Start)
			}
			last := max(b.ce-1, cueTok)
			if si, qi := d.sentOf[last], d.sentOf[q.open]; qi == si || qi == si+1 {
				fs[best].ce = q.close + 1
				fs[best].a.Content.End = d.toks[q.close].e
				continue
			}
		}
		// A quotation standing alone ("“…”" as its own paragraph) is
		// someone's statement: the previous speaker's, as resolve decides.
		if !d.opt.SkipOrphans && q.close-q.open > 4 && d.toks[q.open].nl {
			fs = append(fs, found{a: Attribution{Content: d.span(q.open, q.close+1), Direct: true}, cs: q.open, ce: q.close + 1})
		}
	}
	return fs
}

// Line is one attribution as `parallax quotes` prints it.
type Line struct {
	Attribution
	SourceText  string `json:"source_text,omitempty"`
	CueText     string `json:"cue_text,omitempty"`
	ContentText string `json:"content_text"`
}

// WriteJSONL writes as (extracted from text) to w, one JSON object a line,
// with the text of each span alongside its offsets.
func WriteJSONL(w io.Writer, text string, as []Attribution) error {
	rs := []rune(text)
	sub := func(s Span) string {
		if s.Empty() || s.Start < 0 || s.End > len(rs) {
			return ""
		}
		return string(rs[s.Start:s.End])
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, a := range as {
		l := Line{Attribution: a, SourceText: sub(a.Source), CueText: sub(a.Cue), ContentText: sub(a.Content)}
		if err := enc.Encode(l); err != nil {
			return fmt.Errorf("write attribution: %w", err)
		}
	}
	return nil
}

// naming reports a "called" that names rather than reports: "a group
// called Citizens for Trump", "a class called “Perception”".
func (d *doc) naming(s sentence, i int, form cueForm) bool {
	if (form.lemma != "call" && form.lemma != "label" && form.lemma != "dub") || i == s.s || d.toks[i].low == form.lemma {
		return false
	}
	p := d.toks[i-1]
	return p.kind == kWord && !p.cap && !subjectPronouns[p.low] && !personPronouns[p.low] &&
		p.low != "who" && p.low != "which" && !preCue[p.low] && !isAdverb(p)
}
