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
// What a reader sees is kept clean on purpose: dateline words ("PORT VEYRA
// (Meridian Wire) —") are neither speakers nor content; a stance or act
// reported inside someone's words ("…said it would seek an injunction")
// is left to the outer attribution, while nested speech is kept and
// marked Nested; a person named only in a modifier of the source
// ("Residents of Saltmarsh", "Pagliano's lawyer") is not its speaker; and
// a group ("the pair", "both sides") resolves to the people who spoke
// last, or stays unresolved.
//
// Extract is safe for concurrent use; it allocates per call and keeps no
// state.
package quote

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
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
	// Nested marks an attribution reported inside another's content ("Ms.
	// Dorn said he told her that …": "he told her" is hers to report).
	Nested bool `json:"nested,omitempty"`
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
	slices.SortStableFunc(out, func(a, b found) int {
		return key(a.a) - key(b.a)
	})
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
	d.markNested(as)
	// A stance or an act reported inside someone's words ("The Authority
	// said it would seek an injunction", "Rook said his government
	// wanted …") is theirs to report: a reader gets it with the outer
	// attribution. Nested speech ("Dorn said he told her that …") stays.
	kept := as[:0]
	for i, a := range as {
		if a.Nested && !nestedSpeech[out[i].lemma] {
			continue
		}
		kept = append(kept, a)
	}
	return kept
}

// nestedSpeech are the cues kept when nested: saying, telling, asking.
var nestedSpeech = setOf("say", "tell", "add", "write", "note", "report",
	"announce", "argue", "explain", "declare", "acknowledge", "claim",
	"warn", "insist", "deny", "admit", "agree", "conclude", "recall",
	"respond", "reply", "predict", "contend", "maintain", "assert",
	"stress", "emphasize", "emphasise", "complain", "confirm", "concede",
	"testify", "allege", "observe", "remark", "mention", "comment", "vow",
	"promise", "threaten", "boast", "joke", "quip", "lament", "tweet",
	"caution", "counter", "retort", "assure", "reassure", "inform",
	"advise", "reiterate", "repeat", "urge", "ask", "demand", "accuse",
	"blame", "propose", "request", "suggest", "pledge", "swear", "plead",
	"shout", "exclaim", "proclaim", "disclose", "reveal", "state",
	"answer", "according")

// markNested sets Nested on each attribution whose cue (or, without one,
// content) lies inside the content of another. A content that runs around
// its own cue ("“A,” she said, adding …. “B.”") holds only what is on
// either side of the cue's sentence: an attribution in that sentence is not
// nested in it.
func (d *doc) markNested(as []Attribution) {
	for i := range as {
		a := &as[i]
		if a.Scare {
			continue
		}
		at := a.Cue
		if at.Empty() {
			at = a.Content
		}
		// The outer attribution is among the neighbours in cue order;
		// the window keeps the work linear on run-on junk.
		for j := max(0, i-64); j < min(len(as), i+64); j++ {
			b := &as[j]
			if j == i || b.Scare || b.Nested || b.Content.Start > at.Start || b.Content.End < at.End || b.Content == a.Content {
				continue
			}
			if !b.Cue.Empty() && b.Content.Start <= b.Cue.Start && b.Cue.End <= b.Content.End &&
				d.sentOf[d.tokenAt(b.Cue.Start)] == d.sentOf[d.tokenAt(at.Start)] {
				continue
			}
			a.Nested = true
			break
		}
	}
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
	cs, ce int    // content tokens [cs, ce)
	lemma  string // the cue's lemma, where the cue is a verb
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

// nextToQuote reports whether the verb at i (with its particle, if its
// lemma needs one) stands next to a quotation it introduces or follows:
// "shot back: “…”", "barked, “…”", "“…,” he went on."
func (d *doc) nextToQuote(i int, f cueForm) bool {
	e := i + 1
	if p := introParticles[f.lemma]; p != "" {
		if e >= len(d.toks) || d.toks[e].low != p {
			return false
		}
		e++
	}
	// (A text reads whatever it says: "a shirt that read “Fascist
	// Trump”".)
	return d.quoteFollows(e) || f.lemma == "read" && d.quoteOpens(e) || d.quoteClosesBefore(i)
}

// quoteFollows reports whether a quotation opens after a colon or comma
// at j (or just before it), or opens at j and ends with its own stop: "“Get
// out!”", not a phrase the verb takes ("continued “business as usual”",
// "read “Hamlet”").
func (d *doc) quoteFollows(j int) bool {
	set := j > 0 && j-1 < len(d.toks) && (d.toks[j-1].text == ":" || d.toks[j-1].text == ",") && d.toks[j-1].quote < 0
	if j < len(d.toks) && (d.toks[j].text == ":" || d.toks[j].text == ",") {
		j++
		set = true
	}
	if !d.quoteOpens(j) {
		return false
	}
	r := d.regions[d.toks[j].quote]
	return set || r.closed && r.close > j+1 && isTerminal(d.toks[r.close-1])
}

// quoteOpens reports whether a quotation (no scare quote) opens at j.
func (d *doc) quoteOpens(j int) bool {
	return j < len(d.toks) && d.toks[j].kind == kOpen && d.toks[j].quote >= 0 && !d.scare(d.toks[j].quote)
}

// quoteClosesBefore reports whether a quotation closes with its own comma (or
// other punctuation) within a few words before i, in the same paragraph:
// "“…,” he went on." Not past a verb of saying or a conjunction: in
// "“…,” she said and went on with the speech" the quotation is said.
func (d *doc) quoteClosesBefore(i int) bool {
	for k := i - 1; k >= 0 && i-k <= 4; k-- {
		t := d.toks[k]
		if t.kind == kClose {
			return k > 0 && d.toks[k-1].kind == kPunct && t.para == d.toks[i].para
		}
		if t.kind != kWord || isTerminal(t) || coordinators[t.low] {
			return false
		}
		if _, isCue := cueWords[t.low]; isCue {
			return false
		}
	}
	return false
}

// coordinators join two clauses: "she said and went on".
var coordinators = setOf("and", "but", "or", "then", "yet")

// cueAt reports whether token i starts a cue and returns its form. A form
// that is more often a noun counts only before "that" or, for an
// intention, "to".
func (d *doc) cueAt(i int) (cueForm, bool) {
	t := d.toks[i]
	if t.kind != kWord || t.quote >= 0 {
		return cueForm{}, false
	}
	f, ok := cueWords[t.low]
	if !ok {
		if g, intro := introCues[t.low]; intro && d.nextToQuote(i, g) {
			return g, true
		}
	}
	if ok || i+1 >= len(d.toks) || d.toks[i+1].quote >= 0 {
		return f, ok
	}
	if g, bare := thatCues[t.low]; bare && bareClauseLemmas[g.lemma] && !g.gerund && !t.cap && i > 0 && d.subjectBefore(i) && d.hasClause(i+1, min(len(d.toks), i+10)) {
		// "Strategists hope the ads will help", "many feel they have
		// been ignored": after a subject, with a finite clause after it,
		// the word is the verb, though the complementiser is left out.
		return g, true
	}
	if g, seeAs := thatCues[t.low]; seeAs && seeAsLemmas[g.lemma] && !g.gerund && !t.cap && i > 0 && d.subjectBefore(i) && d.asAfter(i+1) {
		// "Four in 10 voters see the mayor as the better candidate": a
		// view of someone, reported.
		return g, true
	}
	switch d.toks[i+1].low {
	case "that":
		f, ok = thatCues[t.low]
	case "to":
		// "Republicans plan to move …", "she hopes to": an intention.
		f, ok = thatCues[t.low]
		ok = ok && intentLemmas[f.lemma] && !f.gerund
	}
	return f, ok
}

// bareClauseLemmas report a belief or a claim and often drop the "that" of
// their clause: "officials hope the scheme can help".
var bareClauseLemmas = setOf("hope", "fear", "feel", "claim", "doubt", "suspect",
	"assume", "guess", "imagine", "realize", "realise")

// seeAsLemmas report a view of something "as" something: "voters see
// her as electable".
var seeAsLemmas = setOf("see", "view", "regard")

// asAfter reports an "as" a few words after token i, past the object and
// before any punctuation: "the mayor as …".
func (d *doc) asAfter(i int) bool {
	for j := i + 1; j < len(d.toks) && j < i+7; j++ {
		t := d.toks[j]
		if t.quote >= 0 || t.kind != kWord {
			return false
		}
		if t.low == "as" {
			return true
		}
	}
	return false
}

// subjectBefore reports whether the word before token i can end the subject
// of a verb at i: a pronoun, "who", or a noun that is not a determiner,
// a preposition or an auxiliary ("Democrats hope", "who feel").
func (d *doc) subjectBefore(i int) bool {
	p := d.toks[i-1]
	if p.kind != kWord || p.quote >= 0 {
		return false
	}
	if subjectPronouns[p.low] || p.low == "who" || p.low == "many" || p.low == "some" || p.low == "others" {
		return true
	}
	if nounDeterminers[p.low] || nounPrepositions[p.low] || auxiliaries[p.low] || boundaryWords[p.low] || isAdverb(p) {
		return false
	}
	return p.cap || strings.HasSuffix(p.low, "s")
}

// clauseBetween reports whether a new clause opens between tokens i and j
// of a sentence: "“You winning?” she said, but Kevin was drifting off, and
// as Trump went on about “how the system is rigged” …" — the second
// quotation is not the rest of hers.
func (d *doc) clauseBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if t := d.toks[k]; t.quote < 0 && clauseJoins[t.low] {
			// Words of its own after the connective: "but Kevin was
			// drifting off". One that leads straight into the quotation
			// ("he said, but “…”") joins the two halves instead.
			for m := k + 1; m < j; m++ {
				if d.toks[m].kind == kWord && d.toks[m].quote < 0 {
					return true
				}
			}
		}
	}
	return false
}

// clauseJoins open a clause of the writer's after an attribution.
var clauseJoins = setOf("but", "while", "because", "although", "though", "whereas")

// takenOn are what one assumes by taking it on: "assumed office", "assuming
// his post", "assume responsibility".
var takenOn = setOf("office", "post", "role", "power", "control", "command", "responsibility",
	"presidency", "duties", "leadership", "position", "throne", "mantle", "helm", "chairmanship")

// intentLemmas take an infinitive as what is intended: "plans to", "hope
// to", "pledged to".
var intentLemmas = setOf("plan", "hope", "promise", "pledge", "vow",
	"demand", "wish", "request", "offer", "seek", "decline", "refuse",
	"threaten", "love", "hate", "like")

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
				f.lemma = "according"
				out = append(out, f)
				used[i], used[i+1] = true, true
			}
			continue
		}
		if i == s.s && t.quote < 0 {
			if f, ok := d.headline(s); ok {
				f.lemma = "say"
				out = append(out, f)
				break
			}
			if f, ok := d.asked(s); ok {
				f.lemma = "ask"
				out = append(out, f)
				used[i] = true
				continue
			}
		}
		if t.low == "reportedly" && t.quote < 0 {
			if f, ok := d.reportedly(s, i); ok {
				f.lemma = "reportedly"
				out = append(out, f)
				used[i] = true
				continue
			}
		}
		if t.text == ":" && t.quote < 0 {
			if f, ok := d.colonQuote(s, i); ok {
				f.lemma = "say"
				out = append(out, f)
				used[i] = true
				continue
			}
		}
		if (t.text == "―" || t.text == "—" || t.text == "–") && t.quote < 0 {
			if f, ok := d.dashQuote(s, i); ok {
				f.lemma = "say"
				out = append(out, f)
				used[i] = true
				continue
			}
		}
		if t.low == "in" && t.quote < 0 && (i == s.s || !used[i-1]) {
			if f, ok := d.inSource(s, i); ok {
				f.lemma = "according"
				out = append(out, f)
				used[i] = true
				continue
			}
		}
		if _, ok := nounCues[t.low]; ok && t.quote < 0 && i > s.s {
			if f, ok := d.nounCue(s, i); ok {
				f.lemma = "noun"
				out = append(out, f)
				continue
			}
		}
		form, ok := d.cueAt(i)
		if !ok || d.naming(s, i, form) || d.nounUse(s, i, form) {
			continue
		}
		f, ok := d.verbFrame(s, i, form, out[first:])
		if !ok || !d.frameFits(f, form) {
			continue
		}
		if ss := d.tokenAt(f.a.Source.Start); !f.a.Source.Empty() && auxiliaries[d.toks[f.cs].low] && ss > s.s &&
			(d.toks[ss-1].low == "which" || d.toks[ss-1].low == "that" || d.toks[ss-1].low == "who" || d.toks[ss-1].low == "what") && f.a.Source.End <= f.a.Cue.Start {
			f.cs = ss - 1
			f.a.Content.Start = d.toks[ss-1].s
			// ", which he said would fall on the poorest, passed": a
			// relative clause set off by a comma ends at the next one.
			if ss-2 >= s.s && d.toks[ss-2].text == "," {
				for j := i + 1; j < f.ce; j++ {
					if d.toks[j].text == "," && d.toks[j].quote < 0 {
						f.ce = j
						f.a.Content.End = d.toks[j-1].e
						break
					}
				}
			}
		}
		f.lemma = form.lemma
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
// vagueSources are the plural nouns of an attribution to nobody in
// particular.
var vagueSources = setOf("observers", "critics", "analysts", "commentators", "experts", "sceptics", "skeptics", "people", "many", "some", "others")

// vagueSource reports whether a source names nobody: a vague plural
// ("observers", "some critics", "many in the capital").
func (d *doc) vagueSource(src Span) bool {
	if src.Empty() {
		return false
	}
	for i := d.tokenAt(src.Start); i < len(d.toks) && d.toks[i].s < src.End; i++ {
		t := d.toks[i]
		if t.kind != kWord {
			continue
		}
		if t.low == "some" || t.low == "many" || t.low == "most" || t.low == "the" {
			if vagueSources[t.low] && (i+1 >= len(d.toks) || d.toks[i+1].s >= src.End || d.toks[i+1].kind != kWord) {
				return true // "some said", "many note"
			}
			continue
		}
		return vagueSources[t.low]
	}
	return false
}

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
			// unless it is a title put in doubt before a name, or the
			// speaker is nobody in particular ("Observers note that …
			// the “reforms”"): then the marks are the writer's.
			if n := covered(q); n >= 0 && !d.doubtedTitle(q) && !d.vagueSource(fs[n].a.Source) {
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
			if f.a.Scare || !f.a.Direct || f.ce > q.open || d.toks[f.cs].para != d.toks[q.open].para {
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
			if !b.a.Source.Empty() {
				last = max(last, d.tokenAt(b.a.Source.End-1))
			}
			// After "“…,” she said" (the content before the cue), a
			// clause of the writer's may come between: then a later
			// quotation is not hers.
			before := !b.a.Cue.Empty() && b.a.Content.End <= b.a.Cue.Start
			if si, qi := d.sentOf[last], d.sentOf[q.open]; (qi == si && !(before && d.clauseBetween(last, q.open))) || qi == si+1 && q.open == d.sents[qi].s {
				fs[best].ce = q.close + 1
				fs[best].a.Content.End = d.toks[q.close].e
				continue
			}
		}
		// A quotation opening the paragraph after a direct quote, with no
		// cue of its own, goes on with it: "“A,” Trump said. ¶ “B.”".
		if d.toks[q.open].nl {
			prev := -1
			for n, f := range fs {
				if !f.a.Scare && f.a.Direct && f.ce <= q.open && (prev < 0 || fs[prev].ce < f.ce) {
					prev = n
				}
			}
			if prev >= 0 && d.toks[q.open].para == d.toks[fs[prev].ce-1].para+1 && d.endsParagraph(fs[prev]) &&
				d.toks[fs[prev].cs].quote >= 0 && d.toks[fs[prev].ce-1].quote >= 0 {
				fs[prev].ce = q.close + 1
				fs[prev].a.Content.End = d.toks[q.close].e
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

// endsParagraph reports whether f's paragraph ends with f: after its
// content only its own source and cue ("… Trump said.") and punctuation.
func (d *doc) endsParagraph(f found) bool {
	for i := f.ce; i < len(d.toks) && !d.toks[i].nl; i++ {
		t := d.toks[i]
		if t.kind != kWord {
			continue
		}
		in := func(sp Span) bool { return !sp.Empty() && sp.Start <= t.s && t.e <= sp.End }
		if !in(f.a.Source) && !in(f.a.Cue) {
			return false
		}
	}
	return true
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
	if form.lemma == "call" && i+1 < s.e && reflexives[d.toks[i+1].low] {
		return true // "which calls itself Greyfen"
	}
	if (form.lemma != "call" && form.lemma != "label" && form.lemma != "dub") || i == s.s || d.toks[i].low == form.lemma {
		return false
	}
	p := d.toks[i-1]
	return p.kind == kWord && !p.cap && !subjectPronouns[p.low] && !personPronouns[p.low] &&
		p.low != "who" && p.low != "which" && !preCue[p.low] && !isAdverb(p)
}

// nounDeterminers stand before a noun, never before a finite verb.
var nounDeterminers = setOf("a", "an", "the", "his", "its", "their", "our",
	"my", "your", "these", "those", "every", "each", "no", "any")

// nounPrepositions stand before a noun or a gerund, never before a finite
// verb ("despite repeated warnings", "for a guarantee").
var nounPrepositions = setOf("of", "for", "with", "despite", "about",
	"against", "without", "from", "in", "on", "at", "among", "amid",
	"over", "under", "into", "after", "before", "between", "than")

// nounish are cue forms that are as often plural nouns ("hospital
// discharge notes", "the hacking claims", "job guarantees").
var nounish = setOf("notes", "claims", "guarantees", "calls", "hopes", "vows")

// nounUse reports a cue word used as a noun or an adjective: after a
// determiner or a preposition ("an estimated 1.3 billion", "despite
// repeated warnings", "a written guarantee"), or a plural noun after a
// noun ("discharge notes").
func (d *doc) nounUse(s sentence, i int, form cueForm) bool {
	if i == s.s || form.gerund {
		return false
	}
	p := d.toks[i-1]
	if d.toks[i].low == "points" && (p.low == "percentage" || p.text != "" && unicode.IsDigit([]rune(p.text)[0])) {
		return true // "by 0.1 percentage points to 4.2 percent"
	}
	if p.kind != kWord {
		return false
	}
	if nounDeterminers[p.low] || nounPrepositions[p.low] {
		return true
	}
	// "the hacking claims", "a written guarantee": a participle between.
	if i-2 >= s.s && nounDeterminers[d.toks[i-2].low] && !p.cap &&
		(strings.HasSuffix(p.low, "ing") || strings.HasSuffix(p.low, "ed") || strings.HasSuffix(p.low, "en")) &&
		!(pluralHeads[d.toks[i-2].low] && strings.HasSuffix(p.low, "ed")) {
		// (Not "those surveyed say", "most polled said": people
		// described by what was done to them.)
		return true
	}
	if !nounish[d.toks[i].low] {
		return false
	}
	// A verb in -s needs a subject right before it (past any adverbs):
	// a pronoun, a name, "the ad", "his campaign".
	j := i - 1
	for j > s.s && (d.aux(j) || isAdverb(d.toks[j])) {
		j--
	}
	t := d.toks[j]
	if j > s.s && nounPrepositions[d.toks[j-1].low] && t.kind == kWord && !subjectPronouns[t.low] {
		return true // "of Republican claims"
	}
	if t.kind != kWord || t.cap || subjectPronouns[t.low] || t.low == "who" || t.low == "which" || t.low == "that" {
		return false
	}
	if j > s.s {
		b := d.toks[j-1]
		if b.kind == kWord && (determiners[b.low] || b.cap || isPossessive(b.text)) {
			return false
		}
	}
	return true
}

// pluralHeads stand for people before a participle: "those surveyed".
var pluralHeads = setOf("those", "most", "many", "all", "few", "some", "half")

// evidenceNouns head sources that show or find without speaking: "a poll
// showed", "records show", "the study found".
var evidenceNouns = setOf("poll", "polls", "polling", "survey", "surveys",
	"study", "studies", "report", "reports", "records", "record", "data",
	"results", "figures", "numbers", "statistics", "filings", "filing",
	"documents", "emails", "e-mails", "files", "footage", "video",
	"videos", "photos", "images", "analysis", "analyses", "research",
	"review", "audit", "investigation", "tally", "count", "returns",
	"map", "chart", "evidence", "tests", "test", "estimates", "models")

// clauseStarters open a content clause.
var clauseStarters = setOf("that", "how", "whether", "what", "where",
	"why", "who", "when", "if")

// frameFits checks what some cues need beyond a source and a content.
// "show" and "find" report only with a clause ("the poll showed that…",
// "she found it had…") or with evidence as the source ("records show
// he backed…"): "the Authority has shown its contempt" is the outlet's
// own claim about it, not an attribution.
func (d *doc) frameFits(f found, form cueForm) bool {
	if form.lemma == "agree" && f.cs+2 < f.ce && d.toks[f.cs].low == "to" {
		// "I agree to the terms": consent to a form, not a view.
		switch d.toks[f.cs+2].low {
		case "terms", "conditions", "privacy", "use", "policy":
			return false
		}
	}
	if f.cs < f.ce && d.toks[f.cs].quote < 0 && auxiliaries[d.toks[f.cs].low] && f.cs > 0 && d.toks[f.cs-1].e == f.a.Cue.End &&
		!f.a.Source.Empty() && f.a.Source.End <= f.a.Cue.Start {
		// "a thaw Drovnik hopes will begin …": the cue sits in a relative
		// clause whose subject is missing from the content. With the
		// relative pronoun ("which I said was not …") the content runs
		// from it, around source and cue; without one it is not reported.
		ss := d.tokenAt(f.a.Source.Start)
		return ss > 0 && (d.toks[ss-1].low == "which" || d.toks[ss-1].low == "that" || d.toks[ss-1].low == "who" || d.toks[ss-1].low == "what")
	}
	if f.cs < f.ce && d.toks[f.cs].quote < 0 {
		switch first := d.toks[f.cs].low; form.lemma {
		case "report":
			if first == "from" {
				return false // "Julie Ames reported from Veyra": a credit, not a report
			}
		case "assume":
			j := f.cs
			for j < f.ce-1 && (nounDeterminers[d.toks[j].low] || possessivePronouns[d.toks[j].low]) {
				j++
			}
			if takenOn[d.toks[j].low] {
				return false // "assuming his post": taking it on, not supposing
			}
		}
	}
	if form.lemma == "order" && f.cs < f.ce {
		// "ordered an audit" is an act; "ordered Norvane to delete …"
		// and "ordered that …" report a command.
		if nounPrepositions[d.toks[f.cs].low] {
			return false // "the audit he ordered in June is due …"
		}
		for j := f.cs; j < f.ce && j < f.cs+8; j++ {
			if (d.toks[j].low == "to" || d.toks[j].low == "that") && d.toks[j-1].low != "due" {
				return true
			}
		}
		return false
	}
	switch form.lemma {
	case "show", "find":
	default:
		return true
	}
	if f.cs >= f.ce {
		return false
	}
	if t := d.toks[f.cs]; clauseStarters[t.low] || t.quote >= 0 || t.kind == kOpen {
		return true
	}
	if d.hasClause(f.cs, f.ce) {
		return true
	}
	if !f.a.Source.Empty() {
		se := d.tokenAt(f.a.Source.End - 1)
		for j := d.tokenAt(f.a.Source.Start); j <= se && j < len(d.toks); j++ {
			if evidenceNouns[d.toks[j].low] {
				return true
			}
		}
		if d.toks[se].cap && !personPronouns[d.toks[se].low] && se == d.tokenAt(f.a.Source.Start) && form.lemma == "find" {
			return true // "Gallup finds …", "Pew found …"
		}
	}
	return false
}

// auxiliaries mark a finite clause.
var auxiliaries = setOf("is", "was", "are", "were", "has", "have", "had",
	"will", "would", "could", "can", "should", "may", "might", "must",
	"did", "does", "do", "isn't", "wasn't", "aren't", "weren't", "hasn't",
	"haven't", "hadn't", "won't", "wouldn't", "couldn't", "can't",
	"didn't", "doesn't", "don't", "'s", "'re", "'ll", "'d", "'ve")

// hasClause reports a finite verb among the first words of [cs, ce) after
// its subject: "he was fit", "Trump leading the field" (a participle
// after a name).
func (d *doc) hasClause(cs, ce int) bool {
	for j := cs + 1; j < ce && j < cs+8; j++ {
		t := d.toks[j]
		if t.quote >= 0 || t.kind != kWord {
			if t.text == "," {
				return false
			}
			continue
		}
		if auxiliaries[t.low] {
			return true
		}
		if !t.cap && strings.HasSuffix(t.low, "ing") && d.toks[j-1].kind == kWord && (d.toks[j-1].cap || j-1 == cs) {
			return true
		}
	}
	return false
}

// nounCues are nouns that report a statement or a stance, with the
// preposition that introduces what is said ("his attacks on Clinton",
// "her criticism of the plan") or "" when only a clause follows ("his
// claim that …").
var nounCues = map[string]string{
	"attacks": "on", "attack": "on", "criticism": "of", "opposition": "to",
	"claim": "", "claims": "", "assertion": "", "insistence": "",
	"warning": "", "warnings": "", "suggestion": "", "belief": "",
	"concern": "", "concerns": "", "complaints": "", "complaint": "",
	"admission": "", "accusation": "", "accusations": "", "allegation": "",
	"allegations": "", "hope": "", "hopes": "", "fear": "", "fears": "",
	"argument": "", "promise": "", "pledge": "", "vow": "",
}

// thatNouns report a statement even without a possessor: "complaints that
// they distort democracy", "warnings that …".
var thatNouns = setOf("assertion", "warning", "warnings", "concern",
	"complaints", "complaint", "admission", "hopes", "fears", "claims",
	"insistence", "suggestion")

// nounCue handles a noun that reports: "his attacks on Mr. Clinton",
// "Trump's claim that …", "complaints that they distort democracy". The
// possessor is the source.
func (d *doc) nounCue(s sentence, i int) (found, bool) {
	t := d.toks[i]
	prep := nounCues[t.low]
	cueE := i + 1
	if cueE >= s.e {
		return found{}, false
	}
	n := d.toks[cueE]
	switch {
	case n.low == "that" && n.quote < 0:
	case prep != "" && n.low == prep:
		cueE++
	default:
		return found{}, false
	}
	// The possessor: "his", "their", "Mr. Trump's", "the DNC’s".
	srcS, srcE := -1, -1
	j := i - 1
	for j > s.s && (d.toks[j].kind == kWord && !d.toks[j].cap && !isPossessive(d.toks[j].text) && !personPronouns[d.toks[j].low] &&
		!possessivePronouns[d.toks[j].low] && isAdjectiveLike(d.toks[j])) {
		j-- // "his repeated attacks on"
	}
	p := d.toks[j]
	switch {
	case possessivePronouns[p.low]:
		srcS, srcE = j, j+1
	case isPossessive(p.text) && p.kind == kWord:
		k := j
		for k > s.s && (d.toks[k-1].cap && d.toks[k-1].kind == kWord || d.toks[k-1].low == "the") {
			k--
			if d.toks[k].low == "the" {
				break
			}
		}
		srcS, srcE = k, j+1
	case n.low == "that" && thatNouns[t.low]:
	default:
		return found{}, false
	}
	cs := cueE
	ce := d.clauseEnd(cs, s.e, "")
	if n.low != "that" {
		ce = d.clauseEnd(cs, s.e, "noun")
	} else if cs+1 < s.e && (auxiliaries[d.toks[cs+1].low] || d.toks[cs+1].low == "the" && false) {
		return found{}, false // "the claim that was made": a relative clause
	}
	cs, ce = d.trimContent(cs, ce)
	if ce-cs < 2 {
		return found{}, false
	}
	f := found{cs: cs, ce: ce}
	// The cue holds the modifiers: "his continual attacks on".
	cueS := i
	for cueS-1 > j && isAdjectiveLike(d.toks[cueS-1]) {
		cueS--
	}
	if srcS < 0 && cueS > s.s && isAdjectiveLike(d.toks[cueS-1]) {
		cueS-- // "stern warning that"
	}
	f.a = Attribution{Cue: d.span(cueS, cueE), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
	if srcS >= 0 {
		f.a.Source = d.span(srcS, srcE)
	}
	return f, true
}

var possessivePronouns = setOf("his", "her", "their", "its", "our", "my", "your")

// isAdjectiveLike is a loose test for a modifier between a possessor and
// its noun ("repeated", "latest", "strong", "public").
func isAdjectiveLike(t token) bool {
	return isAdverb(t) || strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "est") ||
		strings.HasSuffix(t.low, "ous") || strings.HasSuffix(t.low, "ful") || strings.HasSuffix(t.low, "al") ||
		strings.HasSuffix(t.low, "ic") || strings.HasSuffix(t.low, "ive") || strings.HasSuffix(t.low, "ing") ||
		t.low == "own" || t.low == "new" || t.low == "strong" || t.low == "harsh" || t.low == "sharp" ||
		t.low == "frequent" || t.low == "constant" || t.low == "recent" || t.low == "earlier" || t.low == "latest"
}
