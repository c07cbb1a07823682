package cluster

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/text"
)

// Doc is one article as the clusterer sees it.
type Doc struct {
	// ID is the article's stable ID.
	ID    string
	Title string
	// Paragraphs is the cleaned body; Text is used where Paragraphs is
	// empty.
	Paragraphs []string
	Text       string
	// Published may be zero (ECB+ gives no dates): the article then gets no
	// time proximity and relative dates in its text are not resolved.
	Published time.Time
	// Entities are the article's canonical entity names, if an entity
	// stage ran; when empty, capitalised spans of the title and body stand
	// in for them.
	Entities []string
	// CopyOf is the ID of the article this one copies, if the copy stage
	// found one. A copy joins its original's event without voting: it adds
	// to the event's size, not to its vocabulary or to the IDF.
	CopyOf string
}

// Merge records one cluster absorbed into another.
type Merge struct {
	// Kind is "event" or "story".
	Kind string `json:"kind"`
	// From is the absorbed ID, To the survivor: from now on, Resolve(From)
	// is To.
	From string `json:"from"`
	To   string `json:"to"`
}

// Assignment is where one article went.
type Assignment struct {
	Article string `json:"article"`
	EventID string `json:"event_id"`
	StoryID string `json:"story_id"`
	// NewEvent and NewStory are set when the article started them.
	NewEvent bool `json:"new_event"`
	NewStory bool `json:"new_story"`
	// Copy is set when the article joined as a copy of CopyOf.
	Copy bool `json:"copy,omitempty"`
	// Score is the similarity to the event joined (0 for a new event or a
	// copy).
	Score float64 `json:"score"`
	// Merges are the merges this article caused, in the order performed.
	Merges []Merge `json:"merges,omitempty"`
	// Evicted lists the events and stories that left memory during this
	// call: their state is final and should be persisted.
	Evicted []string `json:"evicted,omitempty"`
}

// Prefixes of the IDs.
const (
	EventPrefix = "ev-"
	StoryPrefix = "st-"
)

// EventID formats the n-th event's ID.
func EventID(n int64) string { return fmt.Sprintf("%s%06d", EventPrefix, n) }

// StoryID formats the n-th story's ID.
func StoryID(n int64) string { return fmt.Sprintf("%s%06d", StoryPrefix, n) }

// term is one entry of the vocabulary.
type term struct {
	key     string // stem, or entityMark + lower-case entity
	surface string // first surface form seen
	df      int32
	idf     float64 // cached for idfAt articles
	idfAt   int64
}

// entityMark prefixes entity keys in the shared vocabulary.
const entityMark = "\x01"

// centroid is a sum of articles' term-frequency vectors (each of unit
// length), without IDF: IDF is applied when the centroid is compared, with
// the counts of that moment, so that an event formed while the IDF was
// still young is not stuck with the weights it had then.
type centroid struct {
	w    map[int32]float64
	keys []int32 // sorted keys of w, nil when stale
	// norm2 is the squared norm of w weighted by IDF, computed when the
	// article count was normAt; normAt < 0 marks it stale.
	norm2  float64
	normAt int64
}

func newCentroid() centroid { return centroid{w: make(map[int32]float64), normAt: -1} }

// sorted returns the keys of w in order, cached until w changes.
func (ce *centroid) sorted() []int32 {
	if ce.keys == nil {
		ce.keys = sortedKeys(ce.w)
	}
	return ce.keys
}

// add adds the vector v.
func (ce *centroid) add(v vec) {
	for _, e := range v {
		if _, ok := ce.w[e.id]; !ok {
			ce.keys = nil
		}
		ce.w[e.id] += float64(e.w)
	}
	ce.normAt = -1
}

// addCentroid adds o, in key order so that float sums do not depend on map
// iteration.
func (ce *centroid) addCentroid(o *centroid) {
	for _, id := range o.sorted() {
		ce.w[id] += o.w[id]
	}
	ce.keys, ce.normAt = nil, -1
}

// normDrift is how far the article count may move (as a fraction) before
// a centroid's IDF-weighted norm is computed again.
const normDrift = 0.02

// norm returns the IDF-weighted norm of ce.
func (c *Clusterer) norm(ce *centroid) float64 {
	if ce.normAt < 0 || float64(c.docs-ce.normAt) > normDrift*float64(c.docs) {
		ce.norm2 = 0
		for _, id := range ce.sorted() {
			x := ce.w[id] * c.idf(id)
			ce.norm2 += x * x
		}
		ce.normAt = c.docs
	}
	return math.Sqrt(ce.norm2)
}

// cos is the cosine of the unit TF-IDF vector v with ce.
func (c *Clusterer) cos(ce *centroid, v vec) float64 {
	if len(v) == 0 || len(ce.w) == 0 {
		return 0
	}
	n := c.norm(ce)
	if n == 0 {
		return 0
	}
	var s float64
	for _, e := range v {
		if x, ok := ce.w[e.id]; ok {
			s += x * c.idf(e.id) * float64(e.w)
		}
	}
	return s / n
}

// compact keeps the k weightiest entries of ce (raw weight × IDF, so that
// what goes is what says least).
func (c *Clusterer) compact(ce *centroid, k int) {
	keep := c.rankTop(ce, k)
	if len(keep) == len(ce.w) {
		return
	}
	kept := make(map[int32]float64, k)
	for _, id := range keep {
		kept[id] = ce.w[id]
	}
	ce.w, ce.keys, ce.normAt = kept, nil, -1
}

// prune compacts ce to its k weightiest entries once it holds more than 2k.
func (c *Clusterer) prune(ce *centroid, k int) {
	if len(ce.w) > 2*k {
		c.compact(ce, k)
	}
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// cluster is what events and stories share: centroids, span, index keys.
type cluster struct {
	n           int64 // number in the ID sequence
	id          string
	terms, ents centroid
	voters      int // articles that shaped the centroids
	first, last time.Time
	lastSeq     int64 // arrival number of the latest article
	indexed     []int32
	mark        int64   // candidate de-duplication stamp
	pre         float64 // candidate pre-score, valid while mark is current
	alive       bool
}

// event is one real-world happening.
type event struct {
	cluster
	story    *story
	articles []string
	days     map[int32]int // mentioned days (days since 1970)
	years    map[int32]int // mentioned years
}

// story is a chain of events.
type story struct {
	cluster
	events []*event // active events, in creation order
	count  int      // events ever joined
	size   int      // articles
	// compact is set while the story is quiet and its centroids are cut to
	// IndexTerms entries.
	compact bool
}

// docVec is an article turned into vectors.
type docVec struct {
	terms, ents       vec     // unit TF-IDF
	rawTerms, rawEnts vec     // unit TF, for centroids
	query             []entry // strongest terms, then all entities // strongest terms, then all entities
	days, years       []int32
	t                 time.Time
}

// Clusterer assigns articles to events and events to stories, one article
// at a time. It is not safe for concurrent use: assignment is a sequential
// step by design (see doc.go).
type Clusterer struct {
	opt Options

	vocab []term
	ids   map[string]int32
	docs  int64 // articles that voted, for IDF

	seq       int64 // arrivals
	nextEvent int64
	nextStory int64
	watermark time.Time

	events      map[string]*event // active, by ID
	stories     map[string]*story
	eventList   []*event // active, in creation order
	storyList   []*story
	eventIndex  map[int32][]*event
	storyIndex  map[int32][]*story
	articleOf   map[string]*event // articles of active events
	aliases     map[string]string
	sinceSweep  int
	stemmer     *text.Stemmer
	contentBuf  []text.ContentWord
	tf, etf     map[int32]float64 // per-article counts, reused
	pendingEvic []string
}

// New returns an empty Clusterer.
func New(opt Options) (*Clusterer, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	return &Clusterer{
		opt:        opt,
		ids:        make(map[string]int32),
		events:     make(map[string]*event),
		stories:    make(map[string]*story),
		eventIndex: make(map[int32][]*event),
		storyIndex: make(map[int32][]*story),
		articleOf:  make(map[string]*event),
		aliases:    make(map[string]string),
		stemmer:    text.NewStemmer(),
	}, nil
}

// Options returns the parameters c runs with.
func (c *Clusterer) Options() Options { return c.opt }

// Resolve follows merge aliases from id to the ID that now stands for it.
// An ID that was never absorbed resolves to itself.
func (c *Clusterer) Resolve(id string) string {
	for range len(c.aliases) + 1 {
		to, ok := c.aliases[id]
		if !ok {
			return id
		}
		id = to
	}
	return id
}

// Assign places one article, in arrival order, and says where it went.
// An article whose event is still in memory gets the same answer again and
// changes nothing; one assigned before its event left memory would be
// placed afresh, so the store should not assign an article it already
// holds.
func (c *Clusterer) Assign(d Doc) Assignment {
	c.seq++
	c.pendingEvic = nil
	if d.CopyOf != "" {
		if ev := c.articleOf[d.CopyOf]; ev != nil && ev.alive {
			if _, dup := c.articleOf[d.ID]; !dup {
				ev.articles = append(ev.articles, d.ID)
				c.articleOf[d.ID] = ev
				ev.story.size++
			}
			ev.lastSeq, ev.story.lastSeq = c.seq, c.seq
			c.extend(&ev.cluster, d.Published)
			c.extend(&ev.story.cluster, d.Published)
			return Assignment{Article: d.ID, EventID: ev.id, StoryID: ev.story.id, Copy: true}
		}
	}
	if ev := c.articleOf[d.ID]; ev != nil {
		// Assigning the same article twice changes nothing.
		return Assignment{Article: d.ID, EventID: ev.id, StoryID: ev.story.id}
	}
	if d.Published.After(c.watermark) {
		c.watermark = d.Published
	}
	dv := c.vectorise(d)

	a := Assignment{Article: d.ID}
	cands := c.scoreEvents(dv)
	var ev *event
	if len(cands) > 0 && cands[0].score >= c.opt.EventThreshold {
		ev = cands[0].ev
		a.Score = cands[0].score
		c.addToEvent(ev, d.ID, dv)
		c.addToStory(ev.story, dv)
		if c.opt.EventMerge > 0 {
			for _, o := range cands[1:] {
				if o.score < c.opt.EventMerge || !o.ev.alive || o.ev == ev {
					continue
				}
				ev = c.mergeEvents(ev, o.ev, &a)
			}
		}
	} else {
		// A new event: the story is the best the index offers, if close
		// enough; any other story the article also matches at StoryMerge
		// is the same story, found twice.
		scands := c.scoreStories(dv)
		var st *story
		if len(scands) > 0 && scands[0].score >= c.opt.StoryThreshold {
			st = scands[0].st
		} else {
			st = c.newStory()
			a.NewStory = true
		}
		ev = c.newEvent(st)
		a.NewEvent = true
		c.addToEvent(ev, d.ID, dv)
		c.addToStory(st, dv)
		st.events = append(st.events, ev)
		st.count++
		if c.opt.StoryMerge > 0 && !a.NewStory {
			for _, o := range scands[1:] {
				if o.score < c.opt.StoryMerge || !o.st.alive || o.st == ev.story {
					continue
				}
				c.mergeStories(ev.story, o.st, &a)
			}
		}
	}
	a.EventID, a.StoryID = ev.id, ev.story.id
	c.sinceSweep++
	if c.sinceSweep >= sweepEvery {
		c.sinceSweep = 0
		c.sweep()
	}
	a.Evicted = c.pendingEvic
	return a
}

// sweepEvery is how many arrivals pass between eviction sweeps.
const sweepEvery = 512

// vectorise turns d into unit TF-IDF vectors, updating the IDF counts.
func (c *Clusterer) vectorise(d Doc) docVec {
	body := d.Text
	if len(d.Paragraphs) > 0 {
		body = strings.Join(d.Paragraphs, "\n\n")
	}
	if c.tf == nil {
		c.tf, c.etf = make(map[int32]float64), make(map[int32]float64)
	}
	clear(c.tf)
	clear(c.etf)
	tf, etf := c.tf, c.etf
	order := make([]int32, 0, 256)
	count := func(key, surface string, w float64) {
		id := c.intern(key, surface)
		if _, ok := tf[id]; !ok {
			order = append(order, id)
		}
		tf[id] += w
	}
	c.contentBuf = text.ContentWords(c.contentBuf[:0], d.Title, c.stemmer)
	for _, w := range c.contentBuf {
		count(w.Stem, w.Surface, c.opt.TitleWeight)
	}
	lead, rest := splitLead(body)
	c.contentBuf = text.ContentWords(c.contentBuf[:0], lead, c.stemmer)
	for _, w := range c.contentBuf {
		count(w.Stem, w.Surface, c.opt.LeadWeight)
	}
	c.contentBuf = text.ContentWords(c.contentBuf[:0], rest, c.stemmer)
	for _, w := range c.contentBuf {
		count(w.Stem, w.Surface, 1)
	}
	var eorder []int32
	countEnt := func(name string, w float64) {
		key := entityMark + text.Lower(name)
		id := c.intern(key, name)
		if _, ok := etf[id]; !ok {
			eorder = append(eorder, id)
		}
		etf[id] += w
	}
	if len(d.Entities) > 0 {
		for _, e := range d.Entities {
			countEnt(e, 1)
		}
	} else {
		if strings.ToUpper(d.Title) != d.Title { // a headline in capitals names nothing
			for _, s := range text.CapitalisedSpans(d.Title) {
				entityKeys(s, c.opt.TitleWeight, countEnt)
			}
		}
		for _, s := range text.CapitalisedSpans(lead) {
			entityKeys(s, c.opt.LeadWeight, countEnt)
		}
		for _, s := range text.CapitalisedSpans(rest) {
			entityKeys(s, 1, countEnt)
		}
	}
	c.docs++
	for _, id := range order {
		c.vocab[id].df++
	}
	for _, id := range eorder {
		c.vocab[id].df++
	}
	dv := docVec{t: d.Published}
	dv.terms, dv.rawTerms = c.weigh(tf, order)
	dv.ents, dv.rawEnts = c.weigh(etf, eorder)
	q := slices.Clone(dv.terms)
	slices.SortStableFunc(q, func(a, b entry) int { return cmp.Compare(b.w, a.w) })
	dv.query = append(dv.query, q[:min(len(q), c.opt.QueryTerms)]...)
	dv.query = append(dv.query, dv.ents...)
	seen := make(map[int32]bool)
	for _, m := range text.Dates(d.Title+"\n"+body, d.Published) {
		y := int32(m.Time.Year())
		if !seen[-y] {
			seen[-y] = true
			dv.years = append(dv.years, y)
		}
		if m.Precision == text.Day {
			dd := int32(m.Time.Unix() / 86400)
			if !seen[dd] {
				seen[dd] = true
				dv.days = append(dv.days, dd)
			}
		}
	}
	return dv
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

// entityKeys counts a span and, for a multi-word name, its last word, so
// that "Mike Pompeo" and "Pompeo" meet.
func entityKeys(span string, w float64, count func(string, float64)) {
	count(span, w)
	if i := strings.LastIndexByte(span, ' '); i > 0 {
		last := span[i+1:]
		if len(last) > 2 && !text.IsStop(text.Lower(last)) {
			count(last, w*0.5)
		}
	}
}

func (c *Clusterer) intern(key, surface string) int32 {
	if id, ok := c.ids[key]; ok {
		return id
	}
	id := int32(len(c.vocab))
	c.vocab = append(c.vocab, term{key: key, surface: surface})
	c.ids[key] = id
	return id
}

// idf is the smoothed inverse document frequency of a vocabulary entry,
// cached until the next article votes.
func (c *Clusterer) idf(id int32) float64 {
	t := &c.vocab[id]
	if t.idfAt != c.docs {
		t.idf = math.Log((float64(c.docs) + c.opt.IDFPrior) / float64(t.df+1))
		t.idfAt = c.docs
	}
	return t.idf
}

// weigh turns term counts into two unit vectors sorted by id: sublinear TF
// × IDF, for comparing, and sublinear TF alone, for adding to centroids.
func (c *Clusterer) weigh(tf map[int32]float64, order []int32) (weighted, raw vec) {
	if len(order) == 0 {
		return nil, nil
	}
	weighted = make(vec, 0, len(order))
	raw = make(vec, 0, len(order))
	var n2, r2 float64
	for _, id := range order {
		t := 1 + math.Log(tf[id])
		w := t * c.idf(id)
		weighted = append(weighted, entry{id: id, w: float32(w)})
		raw = append(raw, entry{id: id, w: float32(t)})
		n2 += w * w
		r2 += t * t
	}
	for _, v := range []struct {
		v  vec
		n2 float64
	}{{weighted, n2}, {raw, r2}} {
		n := float32(math.Sqrt(v.n2))
		for i := range v.v {
			if n > 0 {
				v.v[i].w /= n
			}
		}
		slices.SortFunc(v.v, func(a, b entry) int { return cmp.Compare(a.id, b.id) })
	}
	return weighted, raw
}

type eventCand struct {
	ev    *event
	score float64
}

// scoreEvents scores the events the index offers for dv, best first, ties
// to the older event.
func (c *Clusterer) scoreEvents(dv docVec) []eventCand {
	var cands []eventCand
	for _, ev := range gather(c.eventIndex, dv.query, c.seq, c.opt.MaxCandidates, func(ev *event) bool {
		return c.inWindow(&ev.cluster, dv.t, c.opt.EventWindow)
	}) {
		cands = append(cands, eventCand{ev: ev, score: c.eventScore(ev, dv)})
	}
	slices.SortFunc(cands, func(a, b eventCand) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return cmp.Compare(a.ev.n, b.ev.n)
	})
	return cands
}

// member is an event or a story.
type member interface {
	*event | *story
	base() *cluster
}

func (ev *event) base() *cluster { return &ev.cluster }
func (st *story) base() *cluster { return &st.cluster }

// gather returns the clusters posted under the query's keys that pass
// keep, at most limit of them: those whose shared keys weigh most in the
// query, ties to the older. Scoring is the costly step; this bounds it
// however common a query word is.
func gather[T member](idx map[int32][]T, query []entry, seq int64, limit int, keep func(T) bool) []T {
	var out []T
	for _, q := range query {
		for _, x := range idx[q.id] {
			b := x.base()
			if b.mark != seq {
				b.mark, b.pre = seq, 0
				if !keep(x) {
					b.pre = -1
					continue
				}
				out = append(out, x)
			}
			if b.pre >= 0 {
				b.pre += float64(q.w)
			}
		}
	}
	if len(out) > limit {
		slices.SortFunc(out, func(x, y T) int {
			bx, by := x.base(), y.base()
			if bx.pre != by.pre {
				return cmp.Compare(by.pre, bx.pre)
			}
			return cmp.Compare(bx.n, by.n)
		})
		out = out[:limit]
	}
	return out
}

// inWindow reports whether t lies within w of the cluster's span; an
// undated article or cluster is always in.
func (c *Clusterer) inWindow(cl *cluster, t time.Time, w time.Duration) bool {
	return t.IsZero() || cl.first.IsZero() || distance(cl, t) <= w
}

// distance is how far t lies outside the cluster's span.
func distance(cl *cluster, t time.Time) time.Duration {
	switch {
	case t.Before(cl.first):
		return cl.first.Sub(t)
	case t.After(cl.last):
		return t.Sub(cl.last)
	}
	return 0
}

// eventScore is the similarity of an article to an event.
func (c *Clusterer) eventScore(ev *event, dv docVec) float64 {
	s := c.opt.EventText*c.cos(&ev.terms, dv.terms) + c.opt.EventEntities*c.cos(&ev.ents, dv.ents)
	s /= c.opt.EventText + c.opt.EventEntities
	if len(dv.days) > 0 && len(ev.days) > 0 {
		for _, d := range dv.days {
			if ev.days[d] > 0 || ev.days[d-1] > 0 || ev.days[d+1] > 0 {
				s += c.opt.DateBonus
				break
			}
		}
	}
	if len(dv.years) > 0 && len(ev.years) > 0 {
		shared := false
		for _, y := range dv.years {
			if ev.years[y] > 0 {
				shared = true
				break
			}
		}
		if !shared {
			s -= c.opt.DatePenalty
		}
	}
	if !dv.t.IsZero() && !ev.first.IsZero() {
		s /= 1 + float64(distance(&ev.cluster, dv.t))/float64(c.opt.EventTimeScale)
	}
	return s
}

type storyCand struct {
	st    *story
	score float64
}

// scoreStories scores the stories the index offers for dv, best first.
func (c *Clusterer) scoreStories(dv docVec) []storyCand {
	var cands []storyCand
	for _, st := range gather(c.storyIndex, dv.query, c.seq, c.opt.MaxCandidates, func(st *story) bool {
		return c.inWindow(&st.cluster, dv.t, c.opt.StoryWindow)
	}) {
		s := c.opt.StoryText*c.cos(&st.terms, dv.terms) + c.opt.StoryEntities*c.cos(&st.ents, dv.ents)
		s /= c.opt.StoryText + c.opt.StoryEntities
		cands = append(cands, storyCand{st: st, score: s})
	}
	slices.SortFunc(cands, func(a, b storyCand) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return cmp.Compare(a.st.n, b.st.n)
	})
	return cands
}

func (c *Clusterer) newEvent(st *story) *event {
	c.nextEvent++
	ev := &event{
		cluster: cluster{n: c.nextEvent, id: EventID(c.nextEvent), terms: newCentroid(), ents: newCentroid(), alive: true},
		story:   st,
		days:    make(map[int32]int),
		years:   make(map[int32]int),
	}
	c.events[ev.id] = ev
	c.eventList = append(c.eventList, ev)
	return ev
}

func (c *Clusterer) newStory() *story {
	c.nextStory++
	st := &story{cluster: cluster{n: c.nextStory, id: StoryID(c.nextStory), terms: newCentroid(), ents: newCentroid(), alive: true}}
	c.stories[st.id] = st
	c.storyList = append(c.storyList, st)
	return st
}

// extend widens the cluster's span to t.
func (c *Clusterer) extend(cl *cluster, t time.Time) {
	if t.IsZero() {
		return
	}
	if cl.first.IsZero() || t.Before(cl.first) {
		cl.first = t
	}
	if t.After(cl.last) {
		cl.last = t
	}
}

func (c *Clusterer) addVectors(cl *cluster, dv docVec) {
	cl.terms.add(dv.rawTerms)
	cl.ents.add(dv.rawEnts)
	c.prune(&cl.terms, c.opt.CentroidTerms)
	c.prune(&cl.ents, c.opt.CentroidTerms)
	cl.voters++
	cl.lastSeq = c.seq
	c.extend(cl, dv.t)
}

func (c *Clusterer) addToEvent(ev *event, article string, dv docVec) {
	c.addVectors(&ev.cluster, dv)
	for _, d := range dv.days {
		ev.days[d]++
	}
	for _, y := range dv.years {
		ev.years[y]++
	}
	ev.articles = append(ev.articles, article)
	c.articleOf[article] = ev
	if reindexDue(ev.voters) {
		c.reindexEvent(ev)
	}
}

func (c *Clusterer) addToStory(st *story, dv docVec) {
	st.compact = false
	c.addVectors(&st.cluster, dv)
	st.size++
	if reindexDue(st.voters) {
		c.reindexStory(st)
	}
}

// reindexDue reports whether a cluster that has just reached n voters
// should choose its index keys again: at every article while it is young,
// then at every eighth, since one article barely moves a grown centroid.
func reindexDue(n int) bool { return n <= 16 || n%8 == 0 }

// indexKeys are the keys a cluster posts: its strongest terms and entities
// by weight × IDF, so that words every article uses are not posted.
func (c *Clusterer) indexKeys(cl *cluster) []int32 {
	keys := append(c.rankTop(&cl.terms, c.opt.IndexTerms), c.rankTop(&cl.ents, c.opt.IndexTerms)...)
	slices.Sort(keys)
	return keys
}

func (c *Clusterer) reindexEvent(ev *event) {
	reindex(c.eventIndex, ev, c.indexKeys(&ev.cluster))
}

func (c *Clusterer) reindexStory(st *story) {
	reindex(c.storyIndex, st, c.indexKeys(&st.cluster))
}

// maxPostings bounds one key's posting list, and so the cost of a lookup
// however common the key.
const maxPostings = 256

// reindex moves x's postings from its current keys to the sorted keys
// now, and records where it is posted in x's indexed keys. A key shared by
// more than maxPostings clusters no longer tells them apart: the oldest
// cluster's posting under it goes (oldest by ID, so that the lists hold the
// same clusters however they were built, which Restore relies on).
func reindex[T member](idx map[int32][]T, x T, now []int32) {
	b := x.base()
	old := b.indexed
	kept := make([]int32, 0, len(now))
	i, j := 0, 0
	for i < len(old) || j < len(now) {
		switch {
		case j == len(now) || i < len(old) && old[i] < now[j]:
			unpost(idx, old[i], x)
			i++
		case i == len(old) || now[j] < old[i]:
			k := now[j]
			j++
			p := append(idx[k], x)
			if len(p) > maxPostings {
				m := 0
				for q := range p {
					if p[q].base().n < p[m].base().n {
						m = q
					}
				}
				y := p[m]
				p = slices.Delete(p, m, m+1)
				idx[k] = p
				if y == x {
					continue
				}
				yb := y.base()
				if at, ok := slices.BinarySearch(yb.indexed, k); ok {
					yb.indexed = slices.Delete(slices.Clone(yb.indexed), at, at+1)
				}
			}
			idx[k] = p
			kept = append(kept, k)
		default:
			kept = append(kept, old[i])
			i++
			j++
		}
	}
	b.indexed = kept
}

// unpost removes x from key's postings, keeping their order.
func unpost[T member](idx map[int32][]T, key int32, x T) {
	p := idx[key]
	if k := slices.Index(p, x); k >= 0 {
		p = slices.Delete(p, k, k+1)
	}
	if len(p) == 0 {
		delete(idx, key)
	} else {
		idx[key] = p
	}
}

// mergeEvents merges two events; the older survives. It returns the
// survivor.
func (c *Clusterer) mergeEvents(a, b *event, asg *Assignment) *event {
	if b.n < a.n {
		a, b = b, a
	}
	a.terms.addCentroid(&b.terms)
	a.ents.addCentroid(&b.ents)
	c.prune(&a.terms, c.opt.CentroidTerms)
	c.prune(&a.ents, c.opt.CentroidTerms)
	a.voters += b.voters
	c.extend(&a.cluster, b.first)
	c.extend(&a.cluster, b.last)
	a.lastSeq = max(a.lastSeq, b.lastSeq)
	for _, d := range sortedKeys(b.days) {
		a.days[d] += b.days[d]
	}
	for _, y := range sortedKeys(b.years) {
		a.years[y] += b.years[y]
	}
	for _, id := range b.articles {
		c.articleOf[id] = a
	}
	a.articles = append(a.articles, b.articles...)
	c.dropEvent(b)
	c.aliases[b.id] = a.id
	asg.Merges = append(asg.Merges, Merge{Kind: "event", From: b.id, To: a.id})
	c.reindexEvent(a)
	if a.story != b.story {
		c.mergeStories(a.story, b.story, asg)
	}
	return a
}

// mergeStories merges two stories; the older survives.
func (c *Clusterer) mergeStories(a, b *story, asg *Assignment) *story {
	if b.n < a.n {
		a, b = b, a
	}
	a.terms.addCentroid(&b.terms)
	a.ents.addCentroid(&b.ents)
	c.prune(&a.terms, c.opt.CentroidTerms)
	c.prune(&a.ents, c.opt.CentroidTerms)
	a.voters += b.voters
	a.size += b.size
	a.count += b.count
	c.extend(&a.cluster, b.first)
	c.extend(&a.cluster, b.last)
	a.lastSeq = max(a.lastSeq, b.lastSeq)
	for _, ev := range b.events {
		if ev.alive {
			ev.story = a
			a.events = append(a.events, ev)
		}
	}
	slices.SortFunc(a.events, func(x, y *event) int { return cmp.Compare(x.n, y.n) })
	a.events = slices.CompactFunc(a.events, func(x, y *event) bool { return x == y })
	c.dropStory(b)
	c.aliases[b.id] = a.id
	asg.Merges = append(asg.Merges, Merge{Kind: "story", From: b.id, To: a.id})
	c.reindexStory(a)
	return a
}

func (c *Clusterer) dropEvent(ev *event) {
	ev.alive = false
	reindex(c.eventIndex, ev, nil)
	delete(c.events, ev.id)
	c.eventList = slices.DeleteFunc(c.eventList, func(x *event) bool { return x == ev })
	if st := ev.story; st != nil {
		st.events = slices.DeleteFunc(st.events, func(x *event) bool { return x == ev })
	}
}

func (c *Clusterer) dropStory(st *story) {
	st.alive = false
	reindex(c.storyIndex, st, nil)
	delete(c.stories, st.id)
	c.storyList = slices.DeleteFunc(c.storyList, func(x *story) bool { return x == st })
}

// expired reports whether a cluster may leave memory: it is past its time
// window (or undated) and past its grace in arrivals.
func (c *Clusterer) expired(cl *cluster, w time.Duration) bool {
	if c.seq-cl.lastSeq <= int64(c.opt.Grace) {
		return false
	}
	return cl.last.IsZero() || c.watermark.Sub(cl.last) > w
}

// sweep evicts events and stories that have expired.
func (c *Clusterer) sweep() {
	var gone []*event
	for _, ev := range c.eventList {
		if c.expired(&ev.cluster, c.opt.EventWindow) {
			gone = append(gone, ev)
		}
	}
	for _, ev := range gone {
		for _, a := range ev.articles {
			if c.articleOf[a] == ev {
				delete(c.articleOf, a)
			}
		}
		c.dropEvent(ev)
		c.pendingEvic = append(c.pendingEvic, ev.id)
	}
	var goneSt []*story
	for _, st := range c.storyList {
		if len(st.events) > 0 {
			continue
		}
		if c.expired(&st.cluster, c.opt.StoryWindow) {
			goneSt = append(goneSt, st)
		} else if !st.compact && c.seq-st.lastSeq > int64(c.opt.Grace) {
			// A quiet story waits for its next event with only the words
			// that find it and that it is compared on.
			c.compact(&st.terms, c.opt.IndexTerms)
			c.compact(&st.ents, c.opt.IndexTerms)
			st.compact = true
			c.reindexStory(st)
		}
	}
	for _, st := range goneSt {
		c.dropStory(st)
		c.pendingEvic = append(c.pendingEvic, st.id)
	}
	// Aliases of clusters no longer in memory live on in the store.
	for _, from := range sortedKeys(c.aliases) {
		to := c.Resolve(from)
		if c.events[to] == nil && c.stories[to] == nil {
			delete(c.aliases, from)
		}
	}
}
