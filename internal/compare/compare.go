package compare

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/profile"
	"github.com/parallax-news/parallax/internal/quote"
)

// Span is a half-open range of code points [Start, End) in an article's
// Text().
type Span = quote.Span

// Article is one article to compare, with what the earlier stages found.
type Article struct {
	ID, Source, Title, URL string
	// Published may be zero (unknown).
	Published time.Time
	// Paragraphs is the cleaned body; Text joins them with blank lines.
	Paragraphs []string
	// EventID is the article's event, when a story (several events) is
	// compared: claims and omissions are then judged per event.
	EventID string
	// CopyOf is the ID of the original this article copies, "" if none.
	// A full copy (CopyKind "" or "full") folds into the original's voice.
	CopyOf string
	// CopyKind "partial" marks a partial copy: an article of its own that
	// carries a passage of CopyOf. It stays its outlet's voice, but the
	// claims it carries only through that passage count for the original.
	CopyKind string
	// Entities are the names in Text(), spans in code points.
	Entities []Entity
	// Quotes are the attributions in Text() (quote.Extract), spans in code
	// points.
	Quotes []quote.Attribution
}

// Text returns the body as one string, paragraphs separated by a blank
// line: the text every span refers to.
func (a *Article) Text() string { return strings.Join(a.Paragraphs, "\n\n") }

// Entity is a name found in an article, as the entity stage gives it
// (article.Entity); an empty Canonical means Text.
type Entity = article.Entity

// Options tune Compare. The zero value uses the defaults.
type Options struct {
	// Profiles, if set, gives each outlet its profile (type, country,
	// ratings) and merges sources that match the same profile.
	Profiles *profile.Set
	// GroupByType orders the voices by their profile's type (profile.Types
	// order, unknown types last) before their time of first report.
	GroupByType bool
	// ClaimThreshold is the similarity (weighted Dice, 0–1) at which a
	// sentence joins a claim; 0 means DefaultClaimThreshold.
	ClaimThreshold float64
	// MinShared is how many features (stems, entities, numbers) a sentence
	// must share with a claim to join it; 0 means DefaultMinShared.
	MinShared int
	// MinClaimWords is how many content words a sentence needs to count as
	// a claim; 0 means DefaultMinClaimWords.
	MinClaimWords int
	// Lexicon is the framing lexicon; nil means Lexicon().
	Lexicon []Term
}

// Defaults; the package doc explains how they were chosen.
const (
	DefaultClaimThreshold = 0.3
	DefaultMinShared      = 3
	DefaultMinClaimWords  = 4
)

// DefaultOptions returns the options Compare uses for a zero Options.
func DefaultOptions() Options {
	return Options{ClaimThreshold: DefaultClaimThreshold, MinShared: DefaultMinShared, MinClaimWords: DefaultMinClaimWords}
}

func (o Options) withDefaults() Options {
	if o.ClaimThreshold <= 0 {
		o.ClaimThreshold = DefaultClaimThreshold
	}
	if o.MinShared <= 0 {
		o.MinShared = DefaultMinShared
	}
	if o.MinClaimWords <= 0 {
		o.MinClaimWords = DefaultMinClaimWords
	}
	if o.Lexicon == nil {
		o.Lexicon = lexicon
	}
	return o
}

// Report is the comparison of one event's or story's coverage. Its field
// order is stable and every list is sorted, so the same articles give the
// same JSON.
type Report struct {
	Articles int `json:"articles"`
	Outlets  int `json:"outlets"`
	// Events lists the articles' EventIDs in order of first report.
	Events []string `json:"events,omitempty"`
	// Voices are the columns: one per outlet with original reporting, its
	// copiers listed under it.
	Voices []Voice        `json:"voices"`
	Timing []EventTiming  `json:"timing"`
	Claims []Claim        `json:"claims"`
	People []QuotedPerson `json:"quoted_people"`
	Quotes []QuoteGroup   `json:"quotes"`
	// Entities are the names each voice mentions.
	Entities []EntityRow `json:"entities"`
	// Framing is per voice (its lead outlet), then per copier that added
	// words of its own.
	Framing []Framing `json:"framing"`
	// Notes say what Compare had to decide on its own (a copy whose
	// original is absent, an ID given twice).
	Notes []string `json:"notes,omitempty"`
}

// Voice is one column of the comparison: an outlet and the outlets that
// copy it.
type Voice struct {
	// ID is "v1", "v2", … in column order.
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	// Profile is the outlet's profile, when Options.Profiles knows it.
	Profile *profile.Profile `json:"profile,omitempty"`
	// Group is the profile type the voice is grouped under
	// (Options.GroupByType), "" otherwise.
	Group string `json:"group,omitempty"`
	// Articles are the outlet's own articles (those that copy nothing, or
	// that stand in for an original absent from the comparison).
	Articles []ArticleRef `json:"articles"`
	// Copies are the articles of this voice's originals republished,
	// whole, by other outlets (or by the outlet itself).
	Copies []CopyRef `json:"copies,omitempty"`
	// First is when the voice first reported (its own articles).
	First time.Time `json:"first,omitzero"`
	// Claims counts the claims the voice carries in its own words;
	// Exclusive those no other voice carries.
	Claims    int `json:"claims"`
	Exclusive int `json:"exclusive"`
}

// Label is how reports name the voice: "v1 Meridian Wire".
func (v *Voice) Label() string { return v.ID + " " + v.Outlet }

// ArticleRef identifies an article in a report.
type ArticleRef struct {
	ID        string    `json:"id"`
	Title     string    `json:"title,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Event     string    `json:"event,omitempty"`
	// CopyOf is set on an article that stands in for an original absent
	// from the comparison.
	CopyOf string `json:"copy_of,omitempty"`
}

// CopyRef is a full copy folded into a voice.
type CopyRef struct {
	Outlet  string     `json:"outlet"`
	Article ArticleRef `json:"article"`
	// Of is the ID of the original it copies.
	Of string `json:"of"`
	// LagSeconds is its delay after the original (negative when it was
	// published first), absent when either date is unknown.
	LagSeconds *int64 `json:"lag_seconds,omitempty"`
}

// EventTiming says who reported an event first and how late the others
// came. Event is "" when the articles carry no EventID.
type EventTiming struct {
	Event   string         `json:"event"`
	First   time.Time      `json:"first,omitzero"`
	Outlets []OutletTiming `json:"outlets"`
}

// OutletTiming is one outlet's first article on an event.
type OutletTiming struct {
	Outlet string `json:"outlet"`
	Voice  string `json:"voice"`
	// Copy is set when all the outlet's articles on the event are copies.
	Copy      bool      `json:"copy,omitempty"`
	Article   string    `json:"article"`
	Published time.Time `json:"published,omitzero"`
	// LagSeconds is the delay after the first report; absent when the
	// date is unknown.
	LagSeconds *int64 `json:"lag_seconds,omitempty"`
}

// doc is one article being compared.
type doc struct {
	a       *Article
	n       int // position in Compare's sorted order
	outlet  string
	prof    *profile.Profile
	rs      []rune
	toks    []token
	sents   []sentence
	voice   int  // index into voices
	copyOf  int  // full copies: the original's doc, -1 otherwise (or absent)
	partOf  int  // partial copies: the original's doc, -1 otherwise
	standIn bool // a copy that stands in for an absent original
	// dup maps a sentence to the sentence of its original (copyOf or
	// partOf) it repeats verbatim, -1 where it is its own.
	dup []int
	// near maps a sentence to its closest sentence in the original (for
	// copies; -1 where none is close), for telling the copier's edits.
	near []int
	// words counts the copier's own words per sentence (for copies), or
	// all own-voice words (for originals).
	ownWords int
	lead     int                 // end of the dateline, 0 if none
	quotes   []quote.Attribution // valid, in range
	qmask    []bool              // per code point: inside quotation marks
}

func (d *doc) isCopy() bool { return d.copyOf >= 0 }

func (d *doc) span(s Span) string {
	if s.Start < 0 || s.End > len(d.rs) || s.Start >= s.End {
		return ""
	}
	return string(d.rs[s.Start:s.End])
}

// voice is a column while the report is built.
type voice struct {
	outlet string
	prof   *profile.Profile
	own    []int // docs
	copies []int // docs (full copies)
	events map[string]bool
	anyEv  bool // has an article with no EventID: covers every event
	first  time.Time
	rank   int
}

type comparer struct {
	opt    Options
	docs   []*doc
	voices []*voice
	vOrder []int // voice index by column
	col    []int // column by voice index
	w      *words
	notes  []string
}

// Compare puts the coverage of arts side by side. It is deterministic: the
// same articles, in any order, give the same report. It does no I/O and
// keeps no state; it is safe for concurrent use with distinct inputs.
func Compare(arts []Article, opt Options) *Report {
	c := &comparer{opt: opt.withDefaults(), w: newWords()}
	c.prepare(arts)
	c.groupVoices()
	r := &Report{Articles: len(c.docs)}
	outlets := map[string]bool{}
	for _, d := range c.docs {
		outlets[d.outlet] = true
	}
	r.Outlets = len(outlets)
	r.Events = c.events()
	r.Voices = c.reportVoices()
	r.Timing = c.timing()
	r.Claims = c.claims()
	for i := range r.Voices {
		for _, cl := range r.Claims {
			if slices.Contains(cl.Voices, r.Voices[i].ID) {
				r.Voices[i].Claims++
				if len(cl.Voices) == 1 {
					r.Voices[i].Exclusive++
				}
			}
		}
	}
	r.People, r.Quotes = c.quotes()
	r.Entities = c.entities()
	r.Framing = c.framing()
	r.Notes = c.notes
	return r
}

// prepare orders the articles, drops repeated IDs, tokenises and splits
// them and resolves copies.
func (c *comparer) prepare(arts []Article) {
	order := make([]int, len(arts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return strings.Compare(arts[i].ID, arts[j].ID) })
	byID := map[string]int{}
	for _, i := range order {
		a := &arts[i]
		if _, dup := byID[a.ID]; dup {
			c.notes = append(c.notes, fmt.Sprintf("article ID %q given more than once: only the first is compared", a.ID))
			continue
		}
		d := &doc{a: a, n: len(c.docs), copyOf: -1, partOf: -1}
		byID[a.ID] = d.n
		d.prof = c.opt.Profiles.Match(a.Source, a.URL)
		switch {
		case d.prof != nil:
			d.outlet = d.prof.Name
		case strings.TrimSpace(a.Source) != "":
			d.outlet = strings.Join(strings.Fields(a.Source), " ")
		default:
			d.outlet = "(unknown outlet)"
		}
		d.rs = []rune(a.Text())
		d.toks = tokenize(d.rs, c.w)
		d.sents = sentences(d.rs)
		c.docs = append(c.docs, d)
	}
	// Copies: follow CopyOf to the root original, guarding against cycles.
	missing := map[string][]int{} // absent original → its copies
	for _, d := range c.docs {
		if d.a.CopyOf == "" || d.a.CopyOf == d.a.ID {
			continue
		}
		if strings.EqualFold(d.a.CopyKind, "partial") {
			if o, ok := byID[d.a.CopyOf]; ok {
				d.partOf = c.root(o, byID)
				if d.partOf == d.n {
					d.partOf = -1
				}
			}
			continue
		}
		o, ok := byID[d.a.CopyOf]
		if !ok {
			missing[d.a.CopyOf] = append(missing[d.a.CopyOf], d.n)
			continue
		}
		if r := c.root(o, byID); r != d.n {
			d.copyOf = r
		}
	}
	// The earliest copy of an absent original stands in for it.
	for _, id := range slices.Sorted(maps.Keys(missing)) {
		ds := missing[id]
		slices.SortFunc(ds, func(i, j int) int { return c.byTime(c.docs[i], c.docs[j]) })
		lead := c.docs[ds[0]]
		lead.standIn = true
		for _, n := range ds[1:] {
			c.docs[n].copyOf = lead.n
		}
		c.notes = append(c.notes, fmt.Sprintf("%s copies %q, which is not among the articles compared: it stands in for the original", lead.a.ID, id))
	}
	// Copies of a copy that stands in for an absent original point at the
	// stand-in's lead.
	for _, d := range c.docs {
		for guard := 0; d.copyOf >= 0 && c.docs[d.copyOf].copyOf >= 0 && guard < len(c.docs); guard++ {
			d.copyOf = c.docs[d.copyOf].copyOf
		}
		if d.copyOf == d.n {
			d.copyOf = -1
		}
	}
	for _, d := range c.docs {
		c.markOwnVoice(d)
	}
	for _, d := range c.docs {
		c.matchOriginal(d)
	}
}

// root follows full-copy links from doc n to the original. In a cycle of
// copies (bad input) the member with the smallest ID is the original.
func (c *comparer) root(n int, byID map[string]int) int {
	var path []int
	at := map[int]int{}
	for {
		if i, ok := at[n]; ok {
			return slices.Min(path[i:])
		}
		at[n] = len(path)
		path = append(path, n)
		d := c.docs[n]
		if d.a.CopyOf == "" || strings.EqualFold(d.a.CopyKind, "partial") {
			return n
		}
		o, ok := byID[d.a.CopyOf]
		if !ok {
			return n
		}
		n = o
	}
}

// byTime orders docs by publication (unknown last), then ID.
func (c *comparer) byTime(a, b *doc) int {
	if x := cmpTime(a.a.Published, b.a.Published); x != 0 {
		return x
	}
	return strings.Compare(a.a.ID, b.a.ID)
}

// cmpTime orders times with the zero time last.
func cmpTime(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// markOwnVoice marks tokens inside quotation marks and inside the content
// of attributions (not scare quotes), assigns tokens to sentences, and
// keeps the attributions whose spans fit the text.
func (c *comparer) markOwnVoice(d *doc) {
	qm := quoteMask(d.rs)
	d.qmask = qm
	content := make([]bool, len(d.rs))
	for _, q := range d.a.Quotes {
		if !validSpan(q.Content, len(d.rs)) || (!q.Source.Empty() && !validSpan(q.Source, len(d.rs))) || (!q.Cue.Empty() && !validSpan(q.Cue, len(d.rs))) {
			continue
		}
		d.quotes = append(d.quotes, q)
		if q.Scare {
			continue
		}
		for k := q.Content.Start; k < q.Content.End; k++ {
			content[k] = true
		}
	}
	si := 0
	lead := datelineEnd(d.rs)
	d.lead = lead
	for i := range d.toks {
		t := &d.toks[i]
		t.quoted = qm[t.s]
		t.own = !qm[t.s] && !content[t.s]
		t.lead = t.e <= lead
		for si < len(d.sents) && d.sents[si].e <= t.s {
			si++
		}
		t.sent = min(si, len(d.sents)-1)
		r := d.rs[t.s]
		t.capMid = unicode.IsUpper(r) && i > 0 && d.toks[i-1].sent == t.sent && !d.toks[i-1].lead
	}
	// Token ranges of sentences.
	ti := 0
	for k := range d.sents {
		s := &d.sents[k]
		for ti < len(d.toks) && d.toks[ti].s < s.s {
			ti++
		}
		s.ts = ti
		for ti < len(d.toks) && d.toks[ti].s < s.e {
			ti++
		}
		s.te = ti
	}
}

func validSpan(s Span, n int) bool { return s.Start >= 0 && s.End <= n && s.Start < s.End }

// matchOriginal finds, for a copy, which of its sentences repeat the
// original verbatim (dup) or closely (near), and counts the copier's own
// words; for an original it counts its own-voice words.
func (c *comparer) matchOriginal(d *doc) {
	d.dup = make([]int, len(d.sents))
	d.near = make([]int, len(d.sents))
	for i := range d.dup {
		d.dup[i], d.near[i] = -1, -1
	}
	o := d.copyOf
	if o < 0 {
		o = d.partOf
	}
	if o < 0 {
		for _, t := range d.toks {
			if t.own {
				d.ownWords++
			}
		}
		return
	}
	orig := c.docs[o]
	keys := map[string]int{}
	for k, s := range orig.sents {
		key := article.NormaliseText(string(orig.rs[min(max(s.s, orig.lead), s.e):s.e]))
		if _, ok := keys[key]; !ok {
			keys[key] = k
		}
	}
	// Word sets of the original's sentences, for near matches.
	owords := make([]map[string]bool, len(orig.sents))
	for k, s := range orig.sents {
		owords[k] = map[string]bool{}
		for _, t := range orig.toks[s.ts:s.te] {
			owords[k][t.low] = true
		}
	}
	for k, s := range d.sents {
		if j, ok := keys[article.NormaliseText(string(d.rs[min(max(s.s, d.lead), s.e):s.e]))]; ok {
			d.dup[k], d.near[k] = j, j
			continue
		}
		best, bestJ := 0.0, -1
		mine := map[string]bool{}
		for _, t := range d.toks[s.ts:s.te] {
			mine[t.low] = true
		}
		for j, ow := range owords {
			inter := 0
			for w := range mine {
				if ow[w] {
					inter++
				}
			}
			union := len(mine) + len(ow) - inter
			if union == 0 {
				continue
			}
			if jac := float64(inter) / float64(union); jac > best || jac == best && bestJ >= 0 && j < bestJ {
				best, bestJ = jac, j
			}
		}
		if best >= nearJaccard {
			d.near[k] = bestJ
		}
		for _, t := range d.toks[s.ts:s.te] {
			if t.own && (d.near[k] < 0 || !owords[d.near[k]][t.low]) {
				d.ownWords++
			}
		}
	}
}

// nearJaccard is the word-set Jaccard at which a copy's sentence is taken
// as an edit of an original sentence (one or two words changed in a
// 20-word sentence give about 0.8; a different sentence on the same subject
// rarely passes 0.3).
const nearJaccard = 0.5

// groupVoices folds copies into their originals' voices and orders the
// columns.
func (c *comparer) groupVoices() {
	byOutlet := map[string]int{}
	for _, d := range c.docs {
		if d.isCopy() {
			continue
		}
		v, ok := byOutlet[d.outlet]
		if !ok {
			v = len(c.voices)
			byOutlet[d.outlet] = v
			c.voices = append(c.voices, &voice{outlet: d.outlet, prof: d.prof, events: map[string]bool{}})
		}
		d.voice = v
		c.voices[v].own = append(c.voices[v].own, d.n)
		if c.voices[v].prof == nil {
			c.voices[v].prof = d.prof
		}
	}
	for _, d := range c.docs {
		if d.isCopy() {
			d.voice = c.docs[d.copyOf].voice
			c.voices[d.voice].copies = append(c.voices[d.voice].copies, d.n)
		}
	}
	for _, v := range c.voices {
		for _, n := range append(slices.Clone(v.own), v.copies...) {
			d := c.docs[n]
			if d.a.EventID == "" {
				v.anyEv = true
			} else {
				v.events[d.a.EventID] = true
			}
		}
		for _, n := range v.own {
			if p := c.docs[n].a.Published; !p.IsZero() && (v.first.IsZero() || p.Before(v.first)) {
				v.first = p
			}
		}
		v.rank = 0
		if c.opt.GroupByType {
			t := ""
			if v.prof != nil {
				t = v.prof.Type
			}
			v.rank = profile.TypeRank(t)
		}
		byT := func(i, j int) int { return c.byTime(c.docs[i], c.docs[j]) }
		slices.SortFunc(v.own, byT)
		slices.SortFunc(v.copies, byT)
	}
	c.vOrder = make([]int, len(c.voices))
	for i := range c.vOrder {
		c.vOrder[i] = i
	}
	slices.SortFunc(c.vOrder, func(i, j int) int {
		a, b := c.voices[i], c.voices[j]
		if x := cmp.Compare(a.rank, b.rank); x != 0 {
			return x
		}
		if c.opt.GroupByType && a.rank == len(profile.Types) {
			if x := strings.Compare(a.prof.Type, b.prof.Type); x != 0 {
				return x
			}
		}
		if x := cmpTime(a.first, b.first); x != 0 {
			return x
		}
		return strings.Compare(a.outlet, b.outlet)
	})
	c.col = make([]int, len(c.voices))
	for k, v := range c.vOrder {
		c.col[v] = k
	}
}

// voiceIDs holds the first IDs, so that building a report does not format
// the same few strings again and again.
var voiceIDs = func() []string {
	ids := make([]string, 64)
	for i := range ids {
		ids[i] = fmt.Sprintf("v%d", i+1)
	}
	return ids
}()

func voiceID(col int) string {
	if col < len(voiceIDs) {
		return voiceIDs[col]
	}
	return fmt.Sprintf("v%d", col+1)
}

// vid returns the report ID of voice index v.
func (c *comparer) vid(v int) string { return voiceID(c.col[v]) }

// covers reports whether voice v covered any of events (all of them when
// events is empty or v has an article with no EventID).
func (c *comparer) covers(v int, events []string) bool {
	vo := c.voices[v]
	if len(events) == 0 || vo.anyEv {
		return true
	}
	for _, e := range events {
		if vo.events[e] {
			return true
		}
	}
	return false
}

func (c *comparer) ref(d *doc) ArticleRef {
	r := ArticleRef{ID: d.a.ID, Title: d.a.Title, URL: d.a.URL, Published: d.a.Published, Event: d.a.EventID}
	if d.standIn {
		r.CopyOf = d.a.CopyOf
	}
	return r
}

func (c *comparer) reportVoices() []Voice {
	out := make([]Voice, 0, len(c.voices))
	for col, v := range c.vOrder {
		vo := c.voices[v]
		rv := Voice{ID: voiceID(col), Outlet: vo.outlet, Profile: vo.prof, First: vo.first, Articles: []ArticleRef{}}
		if c.opt.GroupByType {
			rv.Group = "(no type)"
			if vo.prof != nil && vo.prof.Type != "" {
				rv.Group = vo.prof.Type
			}
		}
		for _, n := range vo.own {
			rv.Articles = append(rv.Articles, c.ref(c.docs[n]))
		}
		for _, n := range vo.copies {
			d := c.docs[n]
			o := c.docs[d.copyOf]
			cr := CopyRef{Outlet: d.outlet, Article: c.ref(d), Of: o.a.ID, LagSeconds: lag(o.a.Published, d.a.Published)}
			rv.Copies = append(rv.Copies, cr)
		}
		out = append(out, rv)
	}
	return out
}

// lag returns b − a in seconds, or nil when either is unknown.
func lag(a, b time.Time) *int64 {
	if a.IsZero() || b.IsZero() {
		return nil
	}
	s := int64(math.Round(b.Sub(a).Seconds()))
	return &s
}

// events lists the EventIDs in order of first report (undated last, then
// by name).
func (c *comparer) events() []string {
	first := map[string]time.Time{}
	for _, d := range c.docs {
		e := d.a.EventID
		if e == "" {
			continue
		}
		if t, ok := first[e]; !ok || cmpTime(d.a.Published, t) < 0 {
			first[e] = d.a.Published
		}
	}
	evs := slices.Sorted(maps.Keys(first))
	slices.SortStableFunc(evs, func(a, b string) int { return cmpTime(first[a], first[b]) })
	return evs
}

// timing reports, per event, each outlet's first article and its lag.
func (c *comparer) timing() []EventTiming {
	byEvent := map[string][]*doc{}
	for _, d := range c.docs {
		byEvent[d.a.EventID] = append(byEvent[d.a.EventID], d)
	}
	evs := c.events()
	if _, ok := byEvent[""]; ok {
		evs = append(evs, "")
	}
	out := make([]EventTiming, 0, len(evs))
	for _, e := range evs {
		ds := byEvent[e]
		slices.SortFunc(ds, c.byTime)
		et := EventTiming{Event: e, Outlets: []OutletTiming{}}
		seen := map[string]int{}
		for _, d := range ds {
			if !d.a.Published.IsZero() && et.First.IsZero() {
				et.First = d.a.Published
			}
			if k, ok := seen[d.outlet]; ok {
				if !d.isCopy() {
					et.Outlets[k].Copy = false
				}
				continue
			}
			seen[d.outlet] = len(et.Outlets)
			et.Outlets = append(et.Outlets, OutletTiming{
				Outlet: d.outlet, Voice: c.vid(d.voice), Copy: d.isCopy(), Article: d.a.ID,
				Published: d.a.Published, LagSeconds: lag(et.First, d.a.Published),
			})
		}
		out = append(out, et)
	}
	return out
}
