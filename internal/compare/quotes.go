package compare

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/quote"
)

// QuotedPerson says how often each voice quotes one speaker.
type QuotedPerson struct {
	Name   string       `json:"name"`
	Voices []PersonCell `json:"voices"`
	// NotQuotedBy lists the voices that covered the events where the
	// person is quoted but do not quote them.
	NotQuotedBy []string `json:"not_quoted_by"`
}

// PersonCell is one voice's count of attributions to a speaker.
type PersonCell struct {
	Voice  string `json:"voice"`
	Quotes int    `json:"quotes"`
}

// QuoteGroup is one statement as the voices that quote it ran it.
type QuoteGroup struct {
	// ID is "q1", "q2", … in report order.
	ID      string   `json:"id"`
	Speaker string   `json:"speaker"`
	Events  []string `json:"events,omitempty"`
	Voices  []string `json:"voices"`
	// CutDifferently is set when the voices quote different words of it.
	CutDifferently bool        `json:"cut_differently"`
	Items          []QuoteItem `json:"items"`
}

// QuoteItem is one article's attribution.
type QuoteItem struct {
	Voice   string `json:"voice"`
	Outlet  string `json:"outlet"`
	Article string `json:"article"`
	Speaker string `json:"speaker,omitempty"`
	// Text is the content as the outlet ran it; Quoted the words inside
	// quotation marks, one entry per quoted run.
	Text   string   `json:"text"`
	Quoted []string `json:"quoted,omitempty"`
	Span   Span     `json:"span"`
	Direct bool     `json:"direct"`
	// CopyOf is set on a copier's own edit of a quote.
	CopyOf string `json:"copy_of,omitempty"`
}

// minIndirectWords is how many content words an indirect attribution
// needs to be listed: "defended Russia’s position" is not a quote.
const minIndirectWords = 4

// quoteMatch is the share of the smaller quote's words (stems of the
// quoted words, or of the content for indirect speech) that must occur in
// the other for two attributions to be the same statement.
const quoteMatch = 0.6

type qitem struct {
	QuoteItem
	d       *doc
	col     int
	stems   map[string]bool
	members []string // speaker and group members
	seq     int
}

func (c *comparer) quoteItems() []*qitem {
	var items []*qitem
	for col, v := range c.vOrder {
		for _, n := range c.voiceDocs(v) {
			d := c.docs[n]
			if d.partOf >= 0 {
				// Quotes inside the copied passage belong to the original.
				items = append(items, c.docQuotes(d, col, c.docs[d.partOf])...)
				continue
			}
			var orig *doc
			if d.copyOf >= 0 {
				orig = c.docs[d.copyOf]
			}
			items = append(items, c.docQuotes(d, col, orig)...)
		}
	}
	for i, it := range items {
		it.seq = i
	}
	return items
}

// docQuotes returns the attributions of d worth listing; those that repeat
// a quote of orig word for word are left to orig.
func (c *comparer) docQuotes(d *doc, col int, orig *doc) []*qitem {
	origKeys := map[string]bool{}
	if orig != nil {
		for _, q := range orig.quotes {
			origKeys[article.NormaliseText(orig.span(q.Content))] = true
		}
	}
	// A speaker the entity stage calls a place or a thing ("Ves Strait",
	// a dateline) is a misreading: only people and organisations speak.
	places := map[string]bool{}
	for _, e := range d.a.Entities {
		if e.Type == "place" || e.Type == "misc" {
			places[entityKey(entityName(e))] = true
			places[entityKey(e.Text)] = true
		}
	}
	qs := slices.Clone(d.quotes)
	// Longest first, so that an attribution nested in another ("the US
	// was seeking" inside "Pompeo said the US was seeking…") is dropped.
	slices.SortStableFunc(qs, func(a, b quote.Attribution) int {
		return cmp.Compare(b.Content.End-b.Content.Start, a.Content.End-a.Content.Start)
	})
	var kept []quote.Attribution
	var out []*qitem
	for _, q := range qs {
		if q.Scare {
			continue
		}
		inside := false
		for _, k := range kept {
			if k.Content.Start <= q.Content.Start && q.Content.End <= k.Content.End {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		text := d.span(q.Content)
		if origKeys[article.NormaliseText(text)] {
			kept = append(kept, q)
			continue
		}
		speaker := strings.TrimSpace(q.Speaker)
		if places[entityKey(speaker)] {
			speaker = ""
		}
		it := &qitem{QuoteItem: QuoteItem{Outlet: d.outlet, Article: d.a.ID, Speaker: speaker, Text: text, Span: q.Content, Direct: q.Direct}, d: d, col: col}
		it.Voice = voiceID(col)
		if d.copyOf >= 0 {
			it.CopyOf = c.docs[d.copyOf].a.ID
		}
		var quoted, all []token
		for _, t := range d.toks {
			if t.s < q.Content.Start || t.s >= q.Content.End {
				continue
			}
			all = append(all, t)
			if t.quoted {
				quoted = append(quoted, t)
			}
		}
		it.Quoted = quotedRuns(d, q.Content)
		use := all
		if len(quoted) > 0 {
			use = quoted
		}
		it.stems = map[string]bool{}
		words := 0
		for _, t := range use {
			if t.cont {
				it.stems[t.stem] = true
			}
		}
		for _, t := range all {
			if t.cont {
				words++
			}
		}
		if len(it.stems) == 0 || (!q.Direct && (speaker == "" || words < minIndirectWords)) {
			continue
		}
		it.members = q.Speakers
		if len(it.members) == 0 && speaker != "" {
			it.members = []string{speaker}
		}
		for i, m := range it.members {
			if places[entityKey(m)] {
				it.members[i] = ""
			}
		}
		kept = append(kept, q)
		out = append(out, it)
	}
	slices.SortFunc(out, func(a, b *qitem) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	return out
}

// quotedRuns returns the runs of text inside quotation marks in span s,
// without the marks.
func quotedRuns(d *doc, s Span) []string {
	mask := d.qmask
	var out []string
	for i := s.Start; i < s.End; {
		if !mask[i] {
			i++
			continue
		}
		j := i
		for j < s.End && mask[j] {
			j++
		}
		run := strings.Trim(string(d.rs[i:j]), "“”\"‘’«»„ ,.")
		run = strings.Join(strings.Fields(run), " ")
		if run != "" {
			out = append(out, run)
		}
		i = j
	}
	return out
}

// speakerKey folds a speaker's name; surname is its last word.
func speakerKey(s string) (key, surname string) {
	key = entityKey(s)
	f := strings.Fields(key)
	if len(f) == 0 {
		return "", ""
	}
	return key, f[len(f)-1]
}

func (c *comparer) quotes() ([]QuotedPerson, []QuoteGroup) {
	items := c.quoteItems()
	people := c.quotedPeople(items)

	type group struct {
		items   []*qitem
		stems   map[string]bool
		speaker string
		key     string // speaker's folded name and surname
		surname string
		event   string
	}
	var groups []*group
	bySurname := map[string][]*group{} // "" holds the groups with no speaker
	for _, it := range items {
		var best *group
		bestScore := 0.0
		key, sur := speakerKey(it.Speaker)
		cands := groups
		if sur != "" {
			cands = append(slices.Clone(bySurname[sur]), bySurname[""]...)
		}
		for _, g := range cands {
			if it.d.a.EventID != "" && g.event != "" && it.d.a.EventID != g.event {
				continue
			}
			if !(key == "" || g.key == "" || key == g.key || sur == g.surname) {
				continue
			}
			inter := 0
			for s := range it.stems {
				if g.stems[s] {
					inter++
				}
			}
			small := min(len(it.stems), len(g.stems))
			if inter < min(2, small) {
				continue
			}
			if score := float64(inter) / float64(small); score >= quoteMatch && score > bestScore {
				best, bestScore = g, score
			}
		}
		if best == nil {
			best = &group{stems: map[string]bool{}, event: it.d.a.EventID}
			groups = append(groups, best)
			bySurname[""] = append(bySurname[""], best)
		}
		best.items = append(best.items, it)
		for s := range it.stems {
			best.stems[s] = true
		}
		if len(it.Speaker) > len(best.speaker) {
			if best.surname == "" {
				// Named now: move from the unnamed groups to its surname's.
				bySurname[""] = slices.DeleteFunc(bySurname[""], func(g *group) bool { return g == best })
				bySurname[sur] = append(bySurname[sur], best)
			}
			best.speaker, best.key, best.surname = it.Speaker, key, sur
		}
		if best.event == "" {
			best.event = it.d.a.EventID
		}
	}
	type built struct {
		g     QuoteGroup
		first int
		seq   int
	}
	var all []built
	for gi, g := range groups {
		b := built{seq: gi, first: g.items[0].col}
		b.g.Speaker = g.speaker
		if b.g.Speaker == "" {
			b.g.Speaker = "(unattributed)"
		}
		if g.event != "" {
			b.g.Events = []string{g.event}
		}
		slices.SortStableFunc(g.items, func(a, b *qitem) int { return cmp.Compare(a.col, b.col) })
		cuts := map[string]bool{}
		for _, it := range g.items {
			b.g.Items = append(b.g.Items, it.QuoteItem)
			if !slices.Contains(b.g.Voices, it.Voice) {
				b.g.Voices = append(b.g.Voices, it.Voice)
			}
			cut := article.NormaliseText(strings.Join(it.Quoted, " "))
			if cut == "" {
				cut = article.NormaliseText(it.Text)
			}
			cuts[cut] = true
		}
		b.g.CutDifferently = len(b.g.Voices) > 1 && len(cuts) > 1
		all = append(all, b)
	}
	slices.SortStableFunc(all, func(a, b built) int {
		if x := cmp.Compare(len(b.g.Voices), len(a.g.Voices)); x != 0 {
			return x
		}
		if x := cmp.Compare(a.first, b.first); x != 0 {
			return x
		}
		return cmp.Compare(a.seq, b.seq)
	})
	out := make([]QuoteGroup, len(all))
	for i, b := range all {
		b.g.ID = fmt.Sprintf("q%d", i+1)
		out[i] = b.g
	}
	return people, out
}

// quotedPeople counts attributions per speaker and voice. A surname alone
// ("Lavrov") joins the full name it ends ("Sergey Lavrov").
func (c *comparer) quotedPeople(items []*qitem) []QuotedPerson {
	full := map[string]string{} // surname → longest full name
	for _, it := range items {
		for _, m := range it.members {
			if _, sur := speakerKey(m); sur != "" && len(m) > len(full[sur]) {
				full[sur] = m
			}
		}
	}
	counts := map[string]map[int]int{} // name → col → n
	events := map[string]map[string]bool{}
	for _, it := range items {
		for _, m := range it.members {
			_, sur := speakerKey(m)
			if sur == "" {
				continue
			}
			name := full[sur]
			if counts[name] == nil {
				counts[name] = map[int]int{}
				events[name] = map[string]bool{}
			}
			counts[name][it.col]++
			if e := it.d.a.EventID; e != "" {
				events[name][e] = true
			}
		}
	}
	out := []QuotedPerson{}
	for _, name := range slices.Sorted(maps.Keys(counts)) {
		p := QuotedPerson{Name: name, Voices: []PersonCell{}, NotQuotedBy: []string{}}
		evs := slices.Sorted(maps.Keys(events[name]))
		for col, v := range c.vOrder {
			if n := counts[name][col]; n > 0 {
				p.Voices = append(p.Voices, PersonCell{Voice: voiceID(col), Quotes: n})
			} else if c.covers(v, evs) {
				p.NotQuotedBy = append(p.NotQuotedBy, voiceID(col))
			}
		}
		out = append(out, p)
	}
	total := func(p QuotedPerson) int {
		n := 0
		for _, v := range p.Voices {
			n += v.Quotes
		}
		return n
	}
	slices.SortStableFunc(out, func(a, b QuotedPerson) int {
		if x := cmp.Compare(len(b.Voices), len(a.Voices)); x != 0 {
			return x
		}
		return cmp.Compare(total(b), total(a))
	})
	return out
}
