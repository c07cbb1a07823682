package compare

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/text"

	"golang.org/x/text/unicode/norm"
)

// Claim is one statement and the voices that carry it.
type Claim struct {
	// ID is "c1", "c2", … in report order.
	ID string `json:"id"`
	// Text is the sentence of the first voice that carries it.
	Text string `json:"text"`
	// Terms are what the carriers' sentences share, rarest first (shared
	// claims only).
	Terms []string `json:"terms,omitempty"`
	// Events are the EventIDs of the articles that carry it.
	Events []string `json:"events,omitempty"`
	// Voices carry it in their own words (or their copiers' edits);
	// len(Voices) is how many independent voices report it.
	Voices []string `json:"voices"`
	// Copied lists voices that carry it only in a passage copied from
	// another voice (a partial copy): they do not add to the count.
	Copied []string `json:"copied,omitempty"`
	// Missing lists the voices that covered the claim's events but do not
	// carry it.
	Missing []string `json:"missing"`
	// Cells hold the evidence, one per voice that carries it.
	Cells []Cell `json:"cells"`
}

// Cell is one voice's evidence for a claim.
type Cell struct {
	Voice string `json:"voice"`
	// Copied is set when the voice carries the claim only through a
	// copied passage.
	Copied   bool       `json:"copied,omitempty"`
	Evidence []Evidence `json:"evidence"`
	// RepeatedBy lists the outlets whose full copies repeat the evidence
	// word for word (they add nothing to the count).
	RepeatedBy []string `json:"repeated_by,omitempty"`
}

// Evidence is the sentence of one article that carries a claim.
type Evidence struct {
	Article  string `json:"article"`
	Outlet   string `json:"outlet"`
	Sentence string `json:"sentence"`
	// Span is the sentence in the article's Text(), in code points.
	Span Span `json:"span"`
	// CopyOf is set when the sentence comes from a copy: the ID of the
	// original it copies (the sentence is then the copier's edit, or a
	// copied passage).
	CopyOf string `json:"copy_of,omitempty"`
}

// Feature kinds and their weights relative to a word stem: an entity or a
// number shared by two sentences is stronger evidence that they state the
// same thing than a shared word.
const (
	entityWeight   = 1.0
	numberWeight   = 1.5
	nameWordWeight = 0.5
)

// unit is a sentence taking part in claim alignment.
type unit struct {
	d, k  int     // doc and sentence
	feats []int32 // sorted, distinct
	w     float64 // sum of feature weights
	words int     // distinct content stems and names
	// ord is each content stem's first position among the sentence's
	// content words, to tell a shared phrase from shared words.
	ord map[int32]int32
}

// cluster is a claim being built.
type cluster struct {
	members []int // units
	cnt     map[int32]int32
	sumW    float64
	docs    map[int]bool
	// events maps each voice in the claim to the event of its first
	// sentence: a voice's sentences on two different events are two
	// statements, never one claim.
	events map[int]string
	// hasEvent holds the events of its sentences.
	hasEvent map[string]bool
}

type features struct {
	id     map[string]int32
	name   []string // display form
	kind   []byte   // 's', 'e', 'n'
	df     []int32
	weight []float64
	n      int
	// caps counts, per stem, its capitalised mid-sentence uses minus its
	// lower-case ones: above zero, the stem is part of a name.
	caps []int32
}

// nameLike reports whether feature f is a name or part of one.
func (f *features) nameLike(id int32) bool {
	return f.kind[id] == 'e' || f.kind[id] == 's' && int(id) < len(f.caps) && f.caps[id] > 0
}

func (f *features) intern(key string, kind byte, display string) int32 {
	if id, ok := f.id[key]; ok {
		return id
	}
	id := int32(len(f.name))
	f.id[key] = id
	f.name = append(f.name, display)
	f.kind = append(f.kind, kind)
	f.df = append(f.df, 0)
	return id
}

// entityKey folds a name for matching across outlets: lower case, without
// accents ("Guaidó" meets "Guaido"), possessive or extra spaces.
func entityKey(s string) string {
	s = norm.NFD.String(strings.ToLower(s))
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		if r == '’' {
			return '\''
		}
		return r
	}, s)
	s = strings.TrimSuffix(strings.TrimSuffix(strings.Join(strings.Fields(s), " "), "'s"), "'")
	return s
}

func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

func entityName(e Entity) string {
	if strings.TrimSpace(e.Canonical) != "" {
		return strings.Join(strings.Fields(e.Canonical), " ")
	}
	return strings.Join(strings.Fields(e.Text), " ")
}

// buildUnits makes the units of every sentence that is not a verbatim
// repeat of its original, with their features and weights.
func (c *comparer) buildUnits() ([]unit, *features) {
	fs := &features{id: map[string]int32{}}
	var units []unit
	for _, v := range c.vOrder {
		for _, n := range c.voiceDocs(v) {
			d := c.docs[n]
			ents := make([][]int32, len(d.sents))
			named := make([]bool, len(d.rs)) // code points inside a name
			for _, e := range d.a.Entities {
				if e.Start < 0 || e.End > len(d.rs) || e.Start >= e.End {
					continue
				}
				name := entityName(e)
				key := entityKey(name)
				if key == "" {
					continue
				}
				id := fs.intern("e:"+key, 'e', name)
				if allCaps(fs.name[id]) && !allCaps(name) {
					fs.name[id] = name
				}
				k := sentenceAt(d.sents, (e.Start+e.End-1)/2)
				if k >= 0 && e.End > d.lead {
					ents[k] = append(ents[k], id)
					for p := e.Start; p < e.End; p++ {
						named[p] = true
					}
				}
			}
			for k, s := range d.sents {
				if d.dup[k] >= 0 {
					continue
				}
				u := unit{d: n, k: k, ord: map[int32]int32{}}
				var ord int32
				for _, t := range d.toks[s.ts:s.te] {
					ord++ // every word counts for adjacency
					if t.lead || named[t.s] {
						continue // the name stands for its words
					}
					switch {
					case t.cont:
						id := fs.intern("s:"+t.stem, 's', "")
						surface := string(d.rs[t.s:t.e])
						if fs.name[id] == "" || !t.capMid && unicode.IsUpper([]rune(fs.name[id])[0]) && !unicode.IsUpper([]rune(surface)[0]) {
							fs.name[id] = text.TrimPossessive(surface)
						}
						for len(fs.caps) <= int(id) {
							fs.caps = append(fs.caps, 0)
						}
						if t.capMid {
							fs.caps[id]++
						} else if !unicode.IsUpper(d.rs[t.s]) {
							fs.caps[id]--
						}
						if _, ok := u.ord[id]; !ok {
							u.ord[id] = ord
						}
						u.feats = append(u.feats, id)
					case t.num:
						u.feats = append(u.feats, fs.intern("n:"+t.low, 'n', t.low))
					}
				}
				words := map[int32]bool{}
				for _, f := range u.feats {
					if fs.kind[f] == 's' {
						words[f] = true
					}
				}
				u.feats = append(u.feats, ents[k]...)
				u.words = len(words) + len(slices.Compact(slices.Sorted(slices.Values(ents[k]))))
				if u.words < c.opt.MinClaimWords {
					continue
				}
				slices.Sort(u.feats)
				u.feats = slices.Compact(u.feats)
				units = append(units, u)
			}
		}
	}
	for _, u := range units {
		for _, f := range u.feats {
			fs.df[f]++
		}
	}
	fs.n = len(units)
	fs.weight = make([]float64, len(fs.name))
	for f := range fs.weight {
		if fs.df[f] == 0 {
			continue
		}
		w := math.Log(1 + float64(fs.n)/float64(fs.df[f]))
		switch {
		case fs.kind[f] == 'e':
			w *= entityWeight
		case fs.kind[f] == 'n':
			w *= numberWeight
		case fs.nameLike(int32(f)):
			w *= nameWordWeight
		}
		fs.weight[f] = w
	}
	for i := range units {
		for _, f := range units[i].feats {
			units[i].w += fs.weight[f]
		}
	}
	return units, fs
}

// voiceDocs lists a voice's docs in order: its own articles, then copies.
func (c *comparer) voiceDocs(v int) []int {
	return append(slices.Clone(c.voices[v].own), c.voices[v].copies...)
}

// sentenceAt returns the sentence holding code point p, or -1.
func sentenceAt(ss []sentence, p int) int {
	i, ok := slices.BinarySearchFunc(ss, p, func(s sentence, p int) int {
		switch {
		case s.e <= p:
			return -1
		case s.s > p:
			return 1
		}
		return 0
	})
	if !ok {
		return -1
	}
	return i
}

// maxCandidates bounds how many claims a sentence is scored against: those
// sharing the most weight in selective features.
const maxCandidates = 24

// align groups the units into claims (see the package doc).
func (c *comparer) align(units []unit, fs *features) []*cluster {
	maxDF := int32(max(8, fs.n/8))
	var cls []*cluster
	post := make([][]int32, len(fs.name)) // feature → clusters holding it
	var acc []float64                     // per cluster: selective weight shared with the sentence
	var cands []int32
	for ui, u := range units {
		ud := c.docs[u.d]
		cands = cands[:0]
		for _, f := range u.feats {
			if fs.df[f] > maxDF {
				continue
			}
			for _, ci := range post[f] {
				if acc[ci] == 0 {
					cands = append(cands, ci)
				}
				acc[ci] += fs.weight[f]
			}
		}
		slices.SortFunc(cands, func(a, b int32) int {
			if x := cmp.Compare(acc[b], acc[a]); x != 0 {
				return x
			}
			return cmp.Compare(a, b)
		})
		for _, ci := range cands {
			acc[ci] = 0
		}
		if len(cands) > maxCandidates {
			cands = cands[:maxCandidates]
		}
		// The best claim on the sentence's own event wins over a better
		// one on another event: a story's rounds repeat names and places.
		best, bestSim, sameEvent := int32(-1), 0.0, false
		for _, ci := range cands {
			cl := cls[ci]
			if cl.docs[u.d] {
				continue // one sentence per article in a claim
			}
			if e, ok := cl.events[ud.voice]; ok && e != "" && ud.a.EventID != "" && e != ud.a.EventID {
				continue
			}
			n := float64(len(cl.members))
			inter, shared := 0.0, 0
			var common []int32
			for _, f := range u.feats {
				if k := cl.cnt[f]; k > 0 {
					inter += fs.weight[f] * float64(k) / n
					if !fs.nameLike(f) {
						shared++
						common = append(common, f)
					}
				}
			}
			// Words shared only as one phrase in both sentences ("real
			// estate mogul", "former secretary of state") are an epithet
			// in common, not a claim.
			if shared < c.opt.MinShared || onePhrase(u, common) && onePhrase(units[cl.members[0]], common) {
				continue
			}
			sim := inter / math.Sqrt(u.w*cl.sumW/n)
			if sim < c.opt.ClaimThreshold {
				continue
			}
			same := ud.a.EventID == "" || cl.hasEvent[ud.a.EventID] || cl.hasEvent[""]
			if same && !sameEvent || same == sameEvent && sim > bestSim {
				best, bestSim, sameEvent = ci, sim, same
			}
		}
		if best >= 0 {
			cl := cls[best]
			cl.hasEvent[ud.a.EventID] = true
			cl.members = append(cl.members, ui)
			cl.docs[u.d] = true
			if _, ok := cl.events[ud.voice]; !ok {
				cl.events[ud.voice] = ud.a.EventID
			}
			cl.sumW += u.w
			for _, f := range u.feats {
				if cl.cnt[f] == 0 {
					post[f] = append(post[f], best)
				}
				cl.cnt[f]++
			}
			continue
		}
		cl := &cluster{members: []int{ui}, cnt: make(map[int32]int32, len(u.feats)), sumW: u.w, docs: map[int]bool{u.d: true}, events: map[int]string{ud.voice: ud.a.EventID}, hasEvent: map[string]bool{ud.a.EventID: true}}
		id := int32(len(cls))
		for _, f := range u.feats {
			cl.cnt[f] = 1
			post[f] = append(post[f], id)
		}
		cls = append(cls, cl)
		acc = append(acc, 0)
	}
	return cls
}

// claims aligns sentences into claims and builds the matrix.
func (c *comparer) claims() []Claim {
	units, fs := c.buildUnits()
	cls := c.align(units, fs)
	// Where each original sentence went, for the copies that repeat it.
	claimOf := map[[2]int]int{}
	for ci, cl := range cls {
		for _, ui := range cl.members {
			claimOf[[2]int{units[ui].d, units[ui].k}] = ci
		}
	}
	type rep struct {
		d, k int
	}
	repeats := make([][]rep, len(cls)) // verbatim repeats by copies
	for _, d := range c.docs {
		o := d.copyOf
		if o < 0 {
			o = d.partOf
		}
		if o < 0 {
			continue
		}
		for k, j := range d.dup {
			if j < 0 {
				continue
			}
			if ci, ok := claimOf[[2]int{o, j}]; ok {
				repeats[ci] = append(repeats[ci], rep{d.n, k})
			}
		}
	}
	evOrder := map[string]int{}
	for i, e := range c.events() {
		evOrder[e] = i
	}
	type built struct {
		cl    Claim
		nv    int
		first int // column of its first voice
		seq   int
	}
	var all []built
	for ci, cl := range cls {
		byVoice := map[int][]Evidence{}
		copied := map[int][]Evidence{}
		repeatedBy := map[int][]string{}
		events := map[string]bool{}
		for _, ui := range cl.members {
			u := units[ui]
			d := c.docs[u.d]
			byVoice[d.voice] = append(byVoice[d.voice], c.evidence(d, u.k))
			if d.a.EventID != "" {
				events[d.a.EventID] = true
			}
		}
		for _, r := range repeats[ci] {
			d := c.docs[r.d]
			if d.isCopy() {
				if !slices.Contains(repeatedBy[d.voice], d.outlet) {
					repeatedBy[d.voice] = append(repeatedBy[d.voice], d.outlet)
				}
			} else if _, own := byVoice[d.voice]; !own {
				copied[d.voice] = append(copied[d.voice], c.evidence(d, r.k))
			}
			if d.a.EventID != "" {
				events[d.a.EventID] = true
			}
		}
		b := built{seq: ci, first: len(c.voices)}
		b.cl.Text = c.sentenceText(c.docs[units[cl.members[0]].d], units[cl.members[0]].k)
		b.cl.Events = slices.Sorted(maps.Keys(events))
		slices.SortStableFunc(b.cl.Events, func(a, b string) int { return cmp.Compare(evOrder[a], evOrder[b]) })
		b.cl.Voices, b.cl.Missing, b.cl.Cells = []string{}, []string{}, []Cell{}
		for col, v := range c.vOrder {
			ev, own := byVoice[v]
			cp, isCopied := copied[v]
			switch {
			case own:
				b.cl.Voices = append(b.cl.Voices, voiceID(col))
				b.cl.Cells = append(b.cl.Cells, Cell{Voice: voiceID(col), Evidence: ev, RepeatedBy: sortedStrings(repeatedBy[v])})
				b.first = min(b.first, col)
			case isCopied:
				b.cl.Copied = append(b.cl.Copied, voiceID(col))
				b.cl.Cells = append(b.cl.Cells, Cell{Voice: voiceID(col), Copied: true, Evidence: cp})
			case c.covers(v, b.cl.Events):
				b.cl.Missing = append(b.cl.Missing, voiceID(col))
			}
		}
		b.nv = len(b.cl.Voices)
		if b.nv > 1 {
			b.cl.Terms = c.terms(cl, units, fs)
		}
		all = append(all, b)
	}
	slices.SortStableFunc(all, func(a, b built) int {
		if x := cmp.Compare(b.nv, a.nv); x != 0 {
			return x
		}
		if x := cmp.Compare(a.first, b.first); x != 0 {
			return x
		}
		return cmp.Compare(a.seq, b.seq)
	})
	out := make([]Claim, len(all))
	for i, b := range all {
		b.cl.ID = fmt.Sprintf("c%d", i+1)
		out[i] = b.cl
	}
	return out
}

func sortedStrings(xs []string) []string {
	if len(xs) == 0 {
		return nil
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return xs
}

func (c *comparer) sentenceText(d *doc, k int) string {
	s := d.sents[k]
	return string(d.rs[s.s:s.e])
}

func (c *comparer) evidence(d *doc, k int) Evidence {
	s := d.sents[k]
	e := Evidence{Article: d.a.ID, Outlet: d.outlet, Sentence: string(d.rs[s.s:s.e]), Span: Span{Start: s.s, End: s.e}}
	switch {
	case d.copyOf >= 0:
		e.CopyOf = c.docs[d.copyOf].a.ID
	case d.partOf >= 0 && d.dup[k] >= 0:
		e.CopyOf = c.docs[d.partOf].a.ID
	}
	return e
}

// maxTerms caps the terms shown for a claim.
const maxTerms = 6

// terms lists the features that two or more voices' sentences share,
// rarest first, without words already part of a listed name.
func (c *comparer) terms(cl *cluster, units []unit, fs *features) []string {
	voicesOf := map[int32]map[int]bool{}
	for _, ui := range cl.members {
		u := units[ui]
		v := c.docs[u.d].voice
		for _, f := range u.feats {
			if voicesOf[f] == nil {
				voicesOf[f] = map[int]bool{}
			}
			voicesOf[f][v] = true
		}
	}
	var shared []int32
	for f, vs := range voicesOf {
		if len(vs) > 1 {
			shared = append(shared, f)
		}
	}
	slices.SortFunc(shared, func(a, b int32) int {
		// Names first, then by weight, then alphabetically.
		if ea, eb := fs.kind[a] == 'e', fs.kind[b] == 'e'; ea != eb {
			if ea {
				return -1
			}
			return 1
		}
		if x := cmp.Compare(fs.weight[b], fs.weight[a]); x != 0 {
			return x
		}
		return strings.Compare(fs.name[a], fs.name[b])
	})
	var out []string
	inName := map[string]bool{}
	for _, f := range shared {
		if len(out) == maxTerms {
			break
		}
		name := fs.name[f]
		if fs.kind[f] == 's' && inName[strings.ToLower(name)] {
			continue
		}
		if fs.kind[f] == 'e' {
			for _, w := range strings.Fields(strings.ToLower(name)) {
				inName[text.TrimPossessive(w)] = true
			}
		}
		out = append(out, name)
	}
	return out
}

// onePhrase tells whether the features fs stand in u as one run of adjacent
// words. A number, which has no position, breaks any phrase.
func onePhrase(u unit, fs []int32) bool {
	lo, hi := int32(math.MaxInt32), int32(-1)
	for _, f := range fs {
		o, ok := u.ord[f]
		if !ok {
			return false
		}
		lo, hi = min(lo, o), max(hi, o)
	}
	return int(hi-lo)+1 == len(fs)
}
