package cluster

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
	// Mentions are the body's entity mentions with their canonical names,
	// if an entity stage ran; when empty, capitalised spans of the body
	// stand in for them. The title is always read for capitalised spans
	// (the entity stage reads the body only).
	Mentions []Mention
	// CopyOf is the ID of the article this one copies, if the copy stage
	// found one. A copy joins its original's event without voting: it adds
	// to the event's size, not to its vocabulary or to the IDF.
	CopyOf string
}

// Mention is one entity mention of the entity stage, as the clusterer
// takes it: the entity's canonical name ("Sergey Lavrov" for "Lavrov")
// and where the mention starts, in code points of the body (Text, or the
// Paragraphs joined by blank lines), which places it in the lead or not.
type Mention struct {
	Name  string
	Start int
	// Person marks a person's name: its last word counts too ("Pompeo"),
	// for the articles that name him by surname alone where the entity
	// stage could not tell whom it meant.
	Person bool
}

// MentionsOf returns an article's entities as the clusterer takes them.
func MentionsOf(es []article.Entity) []Mention {
	if len(es) == 0 {
		return nil
	}
	ms := make([]Mention, 0, len(es))
	for _, e := range es {
		ms = append(ms, Mention{Name: e.Canonical, Start: e.Start, Person: e.Type == "person"})
	}
	return ms
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
	// Merges are the merges this article caused, in the order performed
	// (a story refinement's absorbed stories among them).
	Merges []Merge `json:"merges,omitempty"`
	// Moves are the events a story refinement moved to another story
	// after this arrival (see refine.go): their rows, their stories' rows
	// and their articles' story change.
	Moves []Move `json:"moves,omitempty"`
	// ArticleMoves are the articles an article reassignment moved to
	// another event after this arrival (see reassign.go), copies
	// included; an event it left empty is among Merges.
	ArticleMoves []ArticleMove `json:"article_moves,omitempty"`
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
	ldf     float64 // ln(df+1)
	aside   int32   // articles that set feature.aside for it
	last    int64   // arrival number of the last article that used it
}

// entityMark prefixes entity keys in the shared vocabulary.
const entityMark = "\x01"

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
	// times are the articles' published times in Unix nanoseconds (0:
	// undated), index for index, so that the span can be drawn again when
	// an article moves out (reassign.go).
	times  []int64
	days   map[int32]int // mentioned days (days since 1970)
	years  map[int32]int // mentioned years
	places map[int32]int // places named (entity ids)
	// refinedAt is the arrival at which a story refinement last weighed
	// the event, refineGap how many arrivals it waits before the next
	// while the event takes no article (doubling each time).
	refinedAt, refineGap int64
}

// story is a chain of events.
type story struct {
	cluster
	events []*event // active events, in creation order
	count  int      // events ever joined
	size   int      // articles
	// splitAt is the arrival at which a refinement last tried to split
	// the story.
	splitAt int64
	// sig is the story's signature as a refinement pass took it at
	// arrival sigAt (signature.go); within one pass it is taken once.
	sig   int32
	sigAt int64
	// compact is set while the story is quiet and its centroids are cut to
	// IndexTerms entries.
	compact bool
	// pastFirst and pastLast span the events that left memory while in
	// the story: with its events in memory they are its span, drawn again
	// when an event or an article moves out (respanStory).
	pastFirst, pastLast time.Time
}

// docVec is an article weighed with the IDF of its arrival.
type docVec struct {
	terms, ents       vec     // unit TF-IDF
	rawTerms, rawEnts vec     // unit TF, for centroids
	query             []entry // strongest terms, then all entities
	places            []int32 // vocabulary ids, sorted
	days, years       []int32
	t                 time.Time // published
}

// Clusterer assigns articles to events and events to stories, one article
// at a time. It is not safe for concurrent use: assignment is a sequential
// step by design (see doc.go); Vectorize, the costly part, is not.
type Clusterer struct {
	opt Options

	vocab []term
	ids   map[string]int32
	free  []int32 // ids of forgotten entries, largest first
	docs  int64   // articles that voted, for IDF
	lnN   float64 // ln(docs + IDFPrior)

	seq       int64 // arrivals
	nextEvent int64
	nextStory int64
	watermark time.Time

	events     map[string]*event // active, by ID
	stories    map[string]*story
	eventList  []*event // active, in creation order
	storyList  []*story
	eventIndex map[int32][]*event
	storyIndex map[int32][]*story
	articleOf  map[string]*event // articles of active events
	// recent are the last ArticleRefineWindow arrivals that voted, with
	// their vectors, oldest first; recentOf finds one by its ID or a
	// copy's (reassign.go).
	recent      []*recent
	recentOf    map[string]*recent
	aliases     map[string]string
	sinceSweep  int
	lastForget  int64 // arrival number of the last pass of forget
	pendingEvic []string
	stamp       int64 // candidate de-duplication stamps, see gather

	// Working memory, reused from article to article.
	buf struct {
		terms, rawTerms, ents, rawEnts, query vec
		ids, places                           []int32
	}
	q []float64 // the query scattered by term id (see scatter)
	// acc, accSet and accIDs are sumInto's dense buffer, by term id.
	acc    []float32
	accSet []bool
	accIDs []int32
	heap   []ranked
	tmp    []ranked
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
		recentOf:   make(map[string]*recent),
		aliases:    make(map[string]string),
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

// Assign places one article, in arrival order, and says where it went:
// AssignVector(Vectorize(d)).
func (c *Clusterer) Assign(d Doc) Assignment { return c.AssignVector(Vectorize(d)) }

// AssignVector places one vectorised article, in arrival order, and says
// where it went. An article whose event is still in memory gets the same
// answer again and changes nothing; one assigned before its event left
// memory would be placed afresh, so the store should not assign an article
// it already holds.
func (c *Clusterer) AssignVector(v *Vector) Assignment {
	c.seq++
	c.pendingEvic = nil
	if t := published(v.published); !t.Equal(v.published) || t.IsZero() != v.published.IsZero() {
		w := *v
		w.published = t
		v = &w
	}
	if v.copyOf != "" {
		if ev := c.articleOf[v.copyOf]; ev != nil && ev.alive {
			if _, dup := c.articleOf[v.id]; dup {
				// Sent again, it changes nothing, as an article sent
				// twice does: a re-dated copy's time is not among its
				// event's times, which a respan draws the span from.
				return Assignment{Article: v.id, EventID: ev.id, StoryID: ev.story.id, Copy: true}
			}
			ev.articles = append(ev.articles, v.id)
			ev.times = append(ev.times, unixNano(v.published))
			c.articleOf[v.id] = ev
			ev.story.size++
			c.keepCopy(v.copyOf, v.id)
			ev.lastSeq, ev.story.lastSeq = c.seq, c.seq
			c.extend(&ev.cluster, v.published)
			c.extend(&ev.story.cluster, v.published)
			return Assignment{Article: v.id, EventID: ev.id, StoryID: ev.story.id, Copy: true}
		}
	}
	if ev := c.articleOf[v.id]; ev != nil {
		// Assigning the same article twice changes nothing.
		return Assignment{Article: v.id, EventID: ev.id, StoryID: ev.story.id}
	}
	// Only a published time moves the watermark: a dateline read from the
	// text may be wrong, and the watermark decides what leaves memory.
	if v.published.After(c.watermark) {
		c.watermark = v.published
	}
	dv := c.weigh(v)
	c.scatter(dv.terms)
	c.scatter(dv.ents)

	a := Assignment{Article: v.id}
	cands := c.scoreEvents(&dv)
	var ev *event
	if len(cands) > 0 && cands[0].score >= c.opt.EventThreshold {
		ev = cands[0].ev
		a.Score = cands[0].score
		c.addToEvent(ev, v.id, &dv)
		c.addToStory(ev.story, &dv)
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
		scands := c.scoreStories(&dv)
		var st *story
		if len(scands) > 0 && scands[0].score >= c.opt.StoryThreshold {
			st = scands[0].st
		} else {
			st = c.newStory()
			a.NewStory = true
		}
		ev = c.newEvent(st)
		a.NewEvent = true
		c.addToEvent(ev, v.id, &dv)
		c.addToStory(st, &dv)
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
	c.unscatter(dv.terms)
	c.unscatter(dv.ents)
	margin := -1.0 // a new event: weighed again
	if !a.NewEvent {
		margin = a.Score
		for _, o := range cands[1:] {
			if o.ev.alive && o.ev != ev {
				margin = a.Score - o.score
				break
			}
		}
	}
	c.keep(v.id, &dv, margin)
	if c.opt.ArticleRefineEvery > 0 && c.seq%int64(c.opt.ArticleRefineEvery) == 0 {
		c.reassignRecent(&a)
		if c.splitting() && c.splitEvents(&a) {
			c.reassignRecent(&a)
		}
	}
	if c.opt.StoryRefineEvery > 0 && c.seq%int64(c.opt.StoryRefineEvery) == 0 {
		c.refineStories(&a)
	}
	ev = c.articleOf[v.id]
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

// forgetEvery is how many arrivals at least pass between two passes of
// forget (run by the sweep).
const forgetEvery = 8 * sweepEvery

// forget frees the vocabulary entries that no article has used in the last
// Grace arrivals and that no cluster in memory holds (in a centroid, in
// the index, as a place), so that the vocabulary, like the clusters, is
// bounded by what is recent and not by the corpus. A forgotten word that
// comes back starts again from a document frequency of nought: IDF is then
// that of recent news.
func (c *Clusterer) forget() {
	held := make([]bool, len(c.vocab))
	mark := func(cl *cluster) {
		for _, e := range cl.terms.e {
			held[e.id] = true
		}
		for _, e := range cl.ents.e {
			held[e.id] = true
		}
		for _, k := range cl.indexed {
			held[k] = true
		}
	}
	for _, ev := range c.eventList {
		mark(&ev.cluster)
		for p := range ev.places {
			held[p] = true
		}
	}
	for _, st := range c.storyList {
		mark(&st.cluster)
	}
	for _, r := range c.recent {
		for _, vs := range [][]entry{r.rawTerms, r.rawEnts} {
			for _, e := range vs {
				held[e.id] = true
			}
		}
		for _, p := range r.places {
			held[p] = true
		}
	}
	freed := false
	for id := range c.vocab {
		t := &c.vocab[id]
		if t.key == "" || held[id] || c.seq-t.last <= int64(c.opt.Grace) {
			continue
		}
		delete(c.ids, t.key)
		*t = term{}
		c.free = append(c.free, int32(id))
		freed = true
	}
	if freed {
		slices.Sort(c.free)
		slices.Reverse(c.free)
	}
}

// weigh interns v's stems and entities, counts them for the IDF, and
// weighs them: sublinear TF (title and lead words counted TitleWeight and
// LeadWeight times) times IDF.
func (c *Clusterer) weigh(v *Vector) docVec {
	c.setDocs(c.docs + 1)
	dv := docVec{t: v.published, days: v.days, years: v.years}
	b := &c.buf
	var entIDs []int32
	dv.terms, dv.rawTerms, b.ids = c.weighFeatures(v.terms, b.terms[:0], b.rawTerms[:0], b.ids[:0])
	b.terms, b.rawTerms = dv.terms, dv.rawTerms
	dv.ents, dv.rawEnts, entIDs = c.weighFeatures(v.ents, b.ents[:0], b.rawEnts[:0], b.ids[:0])
	b.ents, b.rawEnts, b.ids = dv.ents, dv.rawEnts, entIDs
	dv.places = b.places[:0]
	for _, p := range v.places {
		if id := entIDs[p]; id >= 0 {
			dv.places = append(dv.places, id)
		}
	}
	slices.Sort(dv.places)
	b.places = dv.places
	dv.query = c.appendQuery(b.query[:0], dv.terms, dv.ents)
	b.query = dv.query
	return dv
}

// appendQuery appends the index query of weighted vectors to dst: the
// QueryTerms strongest entries of each (terms, then entities).
func (c *Clusterer) appendQuery(dst []entry, vs ...vec) []entry {
	for _, x := range vs {
		q := c.tmp[:0]
		for _, e := range x {
			q = append(q, ranked{e.id, float64(e.w)})
		}
		k := min(len(q), c.opt.QueryTerms)
		selectTop(q, k, heavier)
		for _, r := range q[:k] {
			dst = append(dst, entry{r.id, float32(r.w)})
		}
		c.tmp = q
	}
	return dst
}

// weighFeatures interns fs and appends to weighted and raw two unit
// vectors sorted by id: sublinear TF × IDF, for comparing, and sublinear
// TF alone, for adding to centroids; and to ids the vocabulary id of each
// feature (-1 if it weighs nothing).
func (c *Clusterer) weighFeatures(fs []feature, weighted, raw vec, ids []int32) (vec, vec, []int32) {
	for _, f := range fs {
		tf := float64(f.n[zoneTitle])*c.opt.TitleWeight + float64(f.n[zoneLead])*c.opt.LeadWeight + float64(f.n[zoneRest])
		if tf <= 0 {
			ids = append(ids, -1)
			continue
		}
		id := c.intern(f.key, f.surface)
		ids = append(ids, id)
		t := &c.vocab[id]
		t.last = c.seq
		t.df++
		t.ldf = math.Log(float64(t.df + 1))
		if f.aside {
			t.aside++
		}
		x := tf // sublinear above one occurrence
		if tf > 1 {
			x = 1 + math.Log(tf)
		}
		raw = append(raw, entry{id: id, w: float32(x)})
	}
	slices.SortFunc(raw, func(a, b entry) int { return cmp.Compare(a.id, b.id) })
	var n2, r2 float64
	for _, e := range raw {
		w := float64(e.w) * c.idf(e.id)
		weighted = append(weighted, entry{id: e.id, w: float32(w)})
		n2 += w * w
		r2 += float64(e.w) * float64(e.w)
	}
	for _, x := range []struct {
		v  vec
		n2 float64
	}{{weighted, n2}, {raw, r2}} {
		if n := float32(math.Sqrt(x.n2)); n > 0 {
			for i := range x.v {
				x.v[i].w /= n
			}
		}
	}
	return weighted, raw, ids
}

func (c *Clusterer) intern(key, surface string) int32 {
	if id, ok := c.ids[key]; ok {
		if t := &c.vocab[id]; shouting(t.surface) && !shouting(surface) {
			// A name first seen in a dateline's capitals ("PORT SELLAN")
			// takes the spelling of running text.
			t.surface = strings.Clone(surface)
		}
		return id
	}
	// Cloned: the key and surface may point into an article's text, which
	// the vocabulary must not keep alive.
	key = strings.Clone(key)
	t := term{key: key, surface: strings.Clone(surface)}
	var id int32
	if n := len(c.free); n > 0 {
		// The smallest id forget freed, so that a restored run reuses
		// the same ones.
		id, c.free = c.free[n-1], c.free[:n-1]
		c.vocab[id] = t
	} else {
		id = int32(len(c.vocab))
		c.vocab = append(c.vocab, t)
	}
	c.ids[key] = id
	return id
}

// idf is the smoothed inverse document frequency of a vocabulary entry,
// ln((N+prior)/(df+1)), computed as a difference of logarithms cached
// when N and df change.
func (c *Clusterer) idf(id int32) float64 { return c.lnN - c.vocab[id].ldf }

// setDocs sets the count of articles that voted.
func (c *Clusterer) setDocs(n int64) {
	c.docs = n
	c.lnN = math.Log(float64(n) + c.opt.IDFPrior)
}

type eventCand struct {
	ev    *event
	score float64
}

// scoreEvents scores the events the index offers for dv (scattered in
// c.q), best first, ties to the older event.
func (c *Clusterer) scoreEvents(dv *docVec) []eventCand {
	var cands []eventCand
	c.stamp++
	for _, ev := range gather(c.eventIndex, dv.query, c.stamp, c.opt.MaxCandidates, func(ev *event) bool {
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
		selectTop(out, limit, func(x, y T) int {
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

// eventScore is the similarity of an article (scattered in c.q) to an
// event.
func (c *Clusterer) eventScore(ev *event, dv *docVec) float64 {
	ct, ce := c.cos(&ev.terms), c.cos(&ev.ents)
	s := c.opt.EventText*ct + c.opt.EventEntities*ce
	s /= c.opt.EventText + c.opt.EventEntities
	if len(dv.days) > 0 && len(ev.days) > 0 {
		for _, d := range dv.days {
			if ev.days[d] > 0 || ev.days[d-1] > 0 || ev.days[d+1] > 0 {
				s += c.opt.DateBonus
				break
			}
		}
	}
	yearsApart := false
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
			yearsApart = true
		}
	}
	if len(dv.places) > 0 && len(ev.places) > 0 && !slices.ContainsFunc(dv.places, func(p int32) bool { return ev.places[p] > 0 }) {
		s -= c.opt.PlacePenalty
		if yearsApart {
			s -= c.opt.ApartPenalty
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

// scoreStories scores the stories the index offers for dv (scattered in
// c.q), best first.
func (c *Clusterer) scoreStories(dv *docVec) []storyCand {
	var cands []storyCand
	c.stamp++
	sts := gather(c.storyIndex, dv.query, c.stamp, c.opt.MaxCandidates, func(st *story) bool {
		return c.inWindow(&st.cluster, dv.t, c.opt.StoryWindow)
	})
	for _, st := range sts {
		cands = append(cands, storyCand{st: st, score: c.storyScore(st)})
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
		places:  make(map[int32]int),
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
	cl.first, cl.last = widen(cl.first, cl.last, t, t)
}

// widen returns the span [first, last] widened to take in [f, l]; zero
// times are no times.
func widen(first, last, f, l time.Time) (time.Time, time.Time) {
	for _, t := range []time.Time{f, l} {
		if t.IsZero() {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	return first, last
}

func (c *Clusterer) addVectors(cl *cluster, dv *docVec) {
	cl.terms.add(dv.rawTerms)
	cl.ents.add(dv.rawEnts)
	c.prune(&cl.terms, c.opt.CentroidTerms)
	c.prune(&cl.ents, c.opt.CentroidTerms)
	cl.voters++
	cl.lastSeq = c.seq
	c.extend(cl, dv.t)
}

func (c *Clusterer) addToEvent(ev *event, article string, dv *docVec) {
	c.addVectors(&ev.cluster, dv)
	for _, d := range dv.days {
		ev.days[d]++
	}
	for _, y := range dv.years {
		ev.years[y]++
	}
	for _, p := range dv.places {
		ev.places[p]++
	}
	ev.articles = append(ev.articles, article)
	ev.times = append(ev.times, unixNano(dv.t))
	c.articleOf[article] = ev
	if reindexDue(ev.voters) {
		c.reindexEvent(ev)
	}
}

func (c *Clusterer) addToStory(st *story, dv *docVec) {
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
	keys := append(c.topKeys(&cl.terms, c.opt.IndexTerms), c.topKeys(&cl.ents, c.opt.IndexTerms)...)
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
	for _, d := range slices.Sorted(maps.Keys(b.days)) {
		a.days[d] += b.days[d]
	}
	for _, y := range slices.Sorted(maps.Keys(b.years)) {
		a.years[y] += b.years[y]
	}
	for _, p := range slices.Sorted(maps.Keys(b.places)) {
		a.places[p] += b.places[p]
	}
	for _, id := range b.articles {
		c.articleOf[id] = a
	}
	a.articles = append(a.articles, b.articles...)
	a.times = append(a.times, b.times...)
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
	a.compact = false
	c.extend(&a.cluster, b.first)
	c.extend(&a.cluster, b.last)
	a.pastFirst, a.pastLast = widen(a.pastFirst, a.pastLast, b.pastFirst, b.pastLast)
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
	c.unlinkEvent(ev)
	c.eventList = slices.DeleteFunc(c.eventList, func(x *event) bool { return x == ev })
}

// unlinkEvent takes ev out of everything but eventList.
func (c *Clusterer) unlinkEvent(ev *event) {
	ev.alive = false
	reindex(c.eventIndex, ev, nil)
	delete(c.events, ev.id)
	if st := ev.story; st != nil {
		st.events = slices.DeleteFunc(st.events, func(x *event) bool { return x == ev })
	}
}

func (c *Clusterer) dropStory(st *story) {
	c.unlinkStory(st)
	c.storyList = slices.DeleteFunc(c.storyList, func(x *story) bool { return x == st })
}

func (c *Clusterer) unlinkStory(st *story) {
	st.alive = false
	reindex(c.storyIndex, st, nil)
	delete(c.stories, st.id)
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
	gone := false
	for _, ev := range c.eventList {
		if !c.expired(&ev.cluster, c.opt.EventWindow) {
			continue
		}
		for _, a := range ev.articles {
			if c.articleOf[a] == ev {
				delete(c.articleOf, a)
			}
		}
		if st := ev.story; st != nil {
			st.pastFirst, st.pastLast = widen(st.pastFirst, st.pastLast, ev.first, ev.last)
		}
		c.unlinkEvent(ev)
		c.pendingEvic = append(c.pendingEvic, ev.id)
		gone = true
	}
	if gone {
		c.eventList = slices.DeleteFunc(c.eventList, func(ev *event) bool { return !ev.alive })
	}
	gone = false
	for _, st := range c.storyList {
		if len(st.events) > 0 {
			continue
		}
		if c.expired(&st.cluster, c.opt.StoryWindow) {
			c.unlinkStory(st)
			c.pendingEvic = append(c.pendingEvic, st.id)
			gone = true
		} else if !st.compact && c.seq-st.lastSeq > int64(c.opt.Grace) {
			// A quiet story waits for its next event with only the words
			// that find it and that it is compared on.
			c.compact(&st.terms, c.opt.IndexTerms)
			c.compact(&st.ents, c.opt.IndexTerms)
			st.terms.e = slices.Clip(st.terms.e) // compact leaves room to grow
			st.ents.e = slices.Clip(st.ents.e)
			st.compact = true
			c.reindexStory(st)
		}
	}
	if gone {
		c.storyList = slices.DeleteFunc(c.storyList, func(st *story) bool { return !st.alive })
	}
	if c.seq-c.lastForget >= forgetEvery {
		c.lastForget = c.seq
		c.forget()
	}
	// Aliases of clusters no longer in memory live on in the store.
	for _, from := range slices.Sorted(maps.Keys(c.aliases)) {
		to := c.Resolve(from)
		if c.events[to] == nil && c.stories[to] == nil {
			delete(c.aliases, from)
		}
	}
}

// shouting reports whether s is written in capitals, and is long enough
// for that to be a style rather than an acronym ("PORT SELLAN", not "NATO").
func shouting(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 4
}
