package cluster

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// Vector is an article reduced to what the clusterer compares: its
// content-word stems and its entities, each counted by zone (title, lead,
// rest), the days and years it mentions, and its time. Vectorize makes one
// from a Doc without touching any Clusterer, so that the pipeline's workers
// can make them in parallel; AssignVector then weighs them with the IDF of
// the moment and places them, in arrival order. A Vector is read, never
// changed, by AssignVector, and may be assigned by several Clusterers.
type Vector struct {
	id, copyOf  string
	published   time.Time
	terms, ents []feature
	// places index ents: the names the title and lead put something in,
	// at or near ("talks in Washington", "in the resort city of Sochi"):
	// where the news happened, as a lead says.
	places      []int32
	days, years []int32
}

// ID returns the article's ID.
func (v *Vector) ID() string { return v.id }

// Zones of an article, which count differently (Options.TitleWeight,
// LeadWeight).
const (
	zoneTitle = iota
	zoneLead
	zoneRest
	zones
)

// feature is one stem or entity of an article with its occurrences by
// zone.
type feature struct {
	key, surface string
	n            [zones]float32
	// aside is set for what labels should leave out: a word written
	// capitalised inside a sentence more often than in lower case (a
	// name, or a name's adjective: "karsenian", "u.s"), a name only ever
	// seen as the last word of a longer one ("Sellan" of "Port Sellan").
	aside bool
	whole bool // an entity seen as a span of its own
}

// form is what Vectorize knows of one spelling of a word (possessive
// trimmed), cached from article to article in its scratch.
type form struct {
	s, lower                 string
	title, letter, stop      bool // capitalised; holds a letter; lower is a stop word
	honor, conn, connLower   bool // honorific; connector as spelt, in lower case
	notName                  bool
	stem                     *stemRec // nil: not a content word
	lowerForm                *form    // the form of lower, set when first needed
	lowerSeen, midCaps, caps uint32   // marks of the call (see vscratch.gen)
}

// stemRec is one stem, shared by its spellings.
type stemRec struct {
	key string
	gen uint32 // the call that last counted it
	idx int32  // its feature in that call
}

// maxForms bounds the form cache; it is emptied when full, which costs
// speed, never results.
const maxForms = 1 << 16

// vscratch is the reusable working memory of Vectorize: one per goroutine
// at a time, from a pool.
type vscratch struct {
	stem  *text.Stemmer
	forms map[string]*form
	stems map[string]*stemRec
	gen   uint32
	toks  []token
	recs  []*form          // the form of each token
	index map[string]int32 // entity key → position in ents
	tc    []bool           // token is in a title-case line
	cur   []string
	curAt []int // token index of each word of cur
	ments []mention
	caps  []int32           // per term: capitalised inside a sentence minus lower case
	order []int32           // mentions in text order
	names map[string]string // lower-case name or surname → canonical name
}

var scratchPool = sync.Pool{New: func() any {
	return &vscratch{stem: text.NewStemmer(), forms: make(map[string]*form), stems: make(map[string]*stemRec), index: make(map[string]int32)}
}}

// form returns the form of spelling w, making it if new.
func (x *vscratch) form(w string) *form {
	if f, ok := x.forms[w]; ok {
		return f
	}
	w = strings.Clone(w) // not a window on an article's text
	lw := text.Lower(w)
	f := &form{s: w, lower: lw, title: text.IsTitleWord(w), letter: text.HasLetter(w), stop: isStop(lw),
		honor: text.IsHonorific(lw), conn: text.IsConnector(w), connLower: text.IsConnector(lw),
		notName: notNames[strings.TrimSuffix(lw, ".")]}
	if len(lw) >= 2 && f.letter && !f.stop {
		if st := x.stem.Stem(lw); st != "" && !isStop(st) {
			r := x.stems[st]
			if r == nil {
				r = &stemRec{key: st}
				x.stems[st] = r
			}
			f.stem = r
		}
	}
	x.forms[w] = f
	return f
}

// lowerOf returns the form of f's lower-case spelling.
func (x *vscratch) lowerOf(f *form) *form {
	if f.lowerForm == nil {
		if f.lower == f.s {
			f.lowerForm = f
		} else {
			f.lowerForm = x.form(f.lower)
		}
	}
	return f.lowerForm
}

// datelineBytes is how far into the text a full date ("May 03, 2013",
// "WEDNESDAY, MARCH 4, 2009") counts as the article's dateline when the
// Doc has no published time.
const datelineBytes = 200

// Vectorize turns d into a Vector. It is safe for concurrent use and
// depends on nothing but d.
func Vectorize(d Doc) *Vector {
	x := scratchPool.Get().(*vscratch)
	defer scratchPool.Put(x)
	if len(x.forms) > maxForms || x.gen == math.MaxUint32 {
		clear(x.forms)
		clear(x.stems)
		x.gen = 0
	}
	x.gen++
	body := d.Text
	if len(d.Paragraphs) > 0 {
		body = strings.Join(d.Paragraphs, "\n\n")
	}
	all := d.Title + "\n\n" + body
	bodyStart := int32(len(d.Title) + 2)
	lead, _ := splitLead(body)
	leadEnd := bodyStart + int32(len(lead))
	zone := func(off int32) int {
		switch {
		case off < bodyStart:
			return zoneTitle
		case off < leadEnd:
			return zoneLead
		}
		return zoneRest
	}
	x.toks = tokenize(x.toks[:0], all)
	toks := x.toks
	x.recs = x.recs[:0]
	for _, t := range toks {
		x.recs = append(x.recs, x.form(text.TrimPossessive(all[t.start:t.end])))
	}
	recs := x.recs
	v := &Vector{id: d.ID, copyOf: d.CopyOf, published: d.Published}

	// Content words.
	v.terms = make([]feature, 0, len(toks)/3)
	x.caps = x.caps[:0]
	for i, f := range recs {
		r := f.stem
		if r == nil {
			continue
		}
		z := zone(toks[i].start)
		if r.gen != x.gen {
			r.gen, r.idx = x.gen, int32(len(v.terms))
			v.terms = append(v.terms, feature{key: r.key, surface: f.lower})
			x.caps = append(x.caps, 0)
		}
		v.terms[r.idx].n[z]++
		switch {
		case !f.title:
			x.caps[r.idx]--
		case i > 0 && !sentenceBreak(all[toks[i-1].end:toks[i].start]):
			x.caps[r.idx]++
		}
	}
	for i, n := range x.caps {
		v.terms[i].aside = n > 0
	}

	// Entities: capitalised spans of the title, and of the body unless
	// the entity stage's mentions stand for them there.
	clear(x.index)
	var leadPlaces []int32
	entity := func(name string, first int, z int, lastWord bool) {
		key := entityKey(name)
		v.ents = addFeature(v.ents, x.index, key, name, z, 1)
		v.ents[x.index[key]].whole = true
		if z != zoneRest && locative(all, toks, recs, first) {
			leadPlaces = appendNew(leadPlaces, x.index[key])
		}
		// A multi-word span or person's name also counts its last word,
		// so that "Mike Pompeo" meets "Pompeo" (the last word of "United
		// States" is no name).
		if i := strings.LastIndexByte(name, ' '); lastWord && i > 0 {
			last := name[i+1:]
			if len(last) > 2 && !isStop(text.Lower(last)) {
				v.ents = addFeature(v.ents, x.index, entityKey(last), last, z, 0.5)
			}
		}
	}
	mentioned := len(d.Mentions) > 0
	if mentioned {
		x.canonicalNames(d.Mentions)
	}
	x.spans(all, toks, recs, func(span string, first int) {
		z := zone(toks[first].start)
		switch {
		case !mentioned:
			entity(span, first, z, true)
		case z == zoneTitle:
			// A title's "Velescu" is the body's Dmitar Velescu.
			if name, ok := x.names[text.Lower(span)]; ok {
				span = name
			}
			entity(span, first, z, true)
		}
	})
	if mentioned {
		x.mentions(d.Mentions, body, bodyStart, toks, func(m *Mention, first int, off int32) {
			entity(m.Name, first, zone(off), m.Person)
		})
	}
	v.places = leadPlaces
	for i := range v.ents {
		v.ents[i].aside = !v.ents[i].whole
	}
	// Numbers: a count or a measure ("26 pirates", "a 5.6 magnitude
	// earthquake") tells two events of one kind apart.
	for _, t := range toks {
		if w := all[t.start:t.end]; isNumber(w) {
			v.ents = addFeature(v.ents, x.index, entityMark+"#"+w, w, zone(t.start), 1)
		}
	}

	// Mentioned dates, resolved against the published time, else against
	// a dateline: an undated text that opens with a full date ("May 03,
	// 2013", "WEDNESDAY, MARCH 4, 2009") was written that day, so its
	// "on Tuesday" can be read. The dateline is not taken for a published
	// time: it may be wrong, and a published time places the article in
	// the time windows (on ECB+, B-cubed F1 fell from 0.891 to 0.842
	// when it did).
	x.ments = dates(x.ments[:0], all, toks, recs, d.Published)
	if d.Published.IsZero() {
		for _, m := range x.ments {
			if m.prec == text.Day && !m.rel && m.start < bodyStart+datelineBytes {
				x.ments = dates(x.ments[:0], all, toks, recs, m.t.Add(12*time.Hour))
				break
			}
		}
	}
	for _, m := range x.ments {
		y := int32(m.t.Year())
		if !slices.Contains(v.years, y) {
			v.years = append(v.years, y)
		}
		if m.prec == text.Day {
			dd := int32(m.t.Unix() / 86400)
			if !slices.Contains(v.days, dd) {
				v.days = append(v.days, dd)
			}
		}
	}
	return v
}

// canonicalNames maps, for the title, each canonical name of ms and each
// person's surname (when only one person has it) to the canonical name,
// keyed in lower case.
func (x *vscratch) canonicalNames(ms []Mention) {
	if x.names == nil {
		x.names = make(map[string]string)
	}
	clear(x.names)
	const ambiguous = "\x00"
	for i := range ms {
		m := &ms[i]
		if m.Name == "" {
			continue
		}
		x.names[text.Lower(m.Name)] = m.Name
	}
	for i := range ms {
		m := &ms[i]
		sp := strings.LastIndexByte(m.Name, ' ')
		if !m.Person || sp < 0 {
			continue
		}
		last := text.Lower(m.Name[sp+1:])
		if _, whole := x.names[last]; whole && x.names[last] != ambiguous && !strings.Contains(x.names[last], " ") {
			continue // a name in its own right ("Madonna")
		}
		if prev, ok := x.names[last]; ok && prev != m.Name {
			x.names[last] = ambiguous
		} else {
			x.names[last] = m.Name
		}
	}
	for k, v := range x.names {
		if v == ambiguous {
			delete(x.names, k)
		}
	}
}

// mentions calls fn for each mention with a name, with the index of the
// token it starts at and its byte offset in the title-and-body text (the
// body starting at bodyStart).
func (x *vscratch) mentions(ms []Mention, body string, bodyStart int32, toks []token, fn func(m *Mention, first int, off int32)) {
	x.order = x.order[:0]
	for i := range ms {
		if ms[i].Name != "" && ms[i].Start >= 0 {
			x.order = append(x.order, int32(i))
		}
	}
	slices.SortStableFunc(x.order, func(a, b int32) int { return cmp.Compare(ms[a].Start, ms[b].Start) })
	cp, b := 0, 0 // code point cp starts at byte b of body
	for _, i := range x.order {
		m := &ms[i]
		for cp < m.Start && b < len(body) {
			_, size := utf8.DecodeRuneInString(body[b:])
			b += size
			cp++
		}
		if cp < m.Start {
			break // beyond the body
		}
		off := bodyStart + int32(b)
		first, _ := slices.BinarySearchFunc(toks, off, func(t token, off int32) int { return cmp.Compare(t.start, off) })
		if first >= len(toks) {
			break
		}
		fn(m, first, off)
	}
}

// addFeature counts key in zone z with weight w.
func addFeature(fs []feature, index map[string]int32, key, surface string, z int, w float32) []feature {
	if i, ok := index[key]; ok {
		fs[i].n[z] += w
		return fs
	}
	index[key] = int32(len(fs))
	f := feature{key: key, surface: surface}
	f.n[z] = w
	return append(fs, f)
}

// leadBytes is about how much of a body counts as its lead: news puts the
// who, what, where and when in the first sentences.
const leadBytes = 300

// splitLead splits body after the paragraph (or line) that reaches
// leadBytes.
func splitLead(body string) (lead, rest string) {
	i := 0
	for i < len(body) {
		j := strings.IndexByte(body[i:], '\n')
		if j < 0 {
			return body, ""
		}
		i += j + 1
		if i >= leadBytes {
			break
		}
	}
	return body[:i], body[i:]
}

// Title-case lines: a line (a headline, a dateline) in which at least
// titleCaseShare of the words of four letters or more are capitalised,
// with at least titleCaseWords of them. Capitals there say nothing of
// names, so a word of such a line starts or continues a span only when the
// rest of the text writes it capitalised too.
const (
	titleCaseShare = 0.75
	titleCaseWords = 3
)

// spans calls fn with each capitalised span of s (given its tokens and
// their forms) that may name a person, place or organisation, and the
// index of its first token. The rules are text.CapitalisedSpans's over the
// whole article at once, with three more: in a title-case line a word
// counts only if the rest of the text capitalises it; month and weekday
// names and the furniture of datelines ("Posted", "GMT") are not names;
// and "|" ends a sentence.
func (x *vscratch) spans(s string, toks []token, recs []*form, fn func(span string, first int)) {
	if len(toks) == 0 {
		return
	}
	gap := func(i int) string { return s[toks[i-1].end:toks[i].start] } // before token i, i > 0
	// Mark the tokens of title-case lines.
	x.tc = slices.Grow(x.tc[:0], len(toks))[:len(toks)]
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && strings.IndexByte(gap(j), '\n') < 0 {
			j++
		}
		long, caps := 0, 0
		for k := i; k < j; k++ {
			if f := recs[k]; len(f.s) >= 4 && f.letter {
				long++
				if f.title {
					caps++
				}
			}
		}
		tc := long >= titleCaseWords && float64(caps) >= titleCaseShare*float64(long)
		for k := i; k < j; k++ {
			x.tc[k] = tc
		}
		i = j
	}
	gen := x.gen
	anyPlain := false
	for i, f := range recs {
		switch {
		case !f.title:
			f.lowerSeen = gen
		case x.tc[i]:
		case i > 0 && !sentenceBreak(gap(i)):
			f.midCaps, f.caps = gen, gen
		default:
			f.caps = gen
		}
		if !x.tc[i] {
			anyPlain = true
		}
	}
	cur, at := x.cur[:0], x.curAt[:0]
	flush := func() {
		for len(cur) > 0 && recs[at[len(at)-1]].connLower {
			cur, at = cur[:len(cur)-1], at[:len(at)-1]
		}
		first := 0
		for len(cur)-first > 1 && (recs[at[first]].honor || recs[at[first]].connLower) {
			first++
		}
		if len(cur)-first == 1 && recs[at[first]].honor {
			first = len(cur)
		}
		if first < len(cur) {
			fn(strings.Join(cur[first:], " "), at[first])
		}
		cur, at = cur[:0], at[:0]
	}
	for i, f := range recs {
		start := i == 0 || sentenceBreak(gap(i))
		if i > 0 && !start && toks[i].start > toks[i-1].end && text.SpanBreak(gap(i)) {
			flush()
		}
		switch {
		case f.title && f.letter:
			if f.notName {
				flush()
				continue
			}
			if x.tc[i] && anyPlain {
				// A headline's capitals: a name only if the text agrees.
				if f.midCaps != gen && !(f.caps == gen && x.lowerOf(f).lowerSeen != gen) {
					flush()
					continue
				}
			} else if start {
				flush()
				next := i+1 < len(toks) && recs[i+1].title && !sentenceBreak(gap(i+1)) && !text.SpanBreak(gap(i+1))
				if f.stop || x.lowerOf(f).lowerSeen == gen || f.midCaps != gen && !next {
					continue
				}
			}
			if f.stop && !f.connLower {
				flush()
				continue
			}
			cur, at = append(cur, f.s), append(at, i)
		case len(cur) == 1 && f.conn && !start:
			cur, at = append(cur, f.s), append(at, i)
		default:
			flush()
		}
		if len(f.s) != int(toks[i].end-toks[i].start) { // a possessive ends the span
			flush()
		}
	}
	flush()
	x.cur, x.curAt = cur, at
}

// entityKey is the vocabulary key of a name: lower case, without the
// periods of abbreviations ("U.S." and "US" meet).
func entityKey(name string) string {
	k := text.Lower(name)
	if strings.IndexByte(k, '.') >= 0 {
		k = strings.ReplaceAll(k, ".", "")
	}
	return entityMark + k
}

func appendNew(xs []int32, x int32) []int32 {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

// locatives are the prepositions that put an event somewhere.
var locatives = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "off": true, "inside": true, "across": true, "throughout": true}

// determiners may stand between a locative and its place.
var determiners = map[string]bool{"the": true, "a": true, "an": true}

// locative reports whether the span starting at token first is the object
// of a locative preposition in its sentence: "in Sochi", "at a Waitrose
// store", "in the resort city of Sochi", "off the coast of Iran".
func locative(s string, toks []token, recs []*form, first int) bool {
	low := func(i int) string { return recs[i].lower }
	joined := func(i int) bool { return !sentenceBreak(s[toks[i-1].end:toks[i].start]) } // i-1 and i in one sentence
	k := first - 1
	if k < 0 || !joined(first) {
		return false
	}
	if low(k) == "of" {
		// "the resort city of Sochi": up to three lower-case words
		// before "of".
		j := k - 1
		for n := 0; n < 3 && j > 0 && joined(j+1) && !recs[j].title && !locatives[low(j)] && !determiners[low(j)]; n++ {
			j--
		}
		if j == k-1 || j < 0 || !joined(j+1) {
			return false
		}
		k = j
	}
	if determiners[low(k)] {
		if k == 0 || !joined(k) {
			return false
		}
		k--
	}
	return locatives[low(k)]
}

// isNumber reports whether w is a number worth matching: two digits or
// more, or a decimal ("5.6"), but not a year (the dates count those).
func isNumber(w string) bool {
	digits, dot := 0, false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digits++
		case (c == '.' || c == ',') && i > 0 && i < len(w)-1:
			dot = dot || c == '.'
		default:
			return false
		}
	}
	if digits == 0 || digits == 1 && !dot {
		return false
	}
	if _, ok := year(w); ok {
		return false
	}
	return true
}

// WithCopyOf returns v for an article found to be a full copy of the
// article original after v was made (copy detection runs after the
// pipeline's workers vectorise): a copy of v that joins original's event
// without voting. v itself is not changed.
func (v *Vector) WithCopyOf(original string) *Vector {
	if v.copyOf == original {
		return v
	}
	w := *v
	w.copyOf = original
	return &w
}
