package cluster

import (
	"math"
	"slices"
	"time"
)

// Article reassignment.
//
// An article is placed once, on arrival, against the events as they stood
// then. Early in an event's life that is thin evidence: the first report
// of a second earthquake in the same region joins the first quake's event
// before the second has articles of its own to draw it; two reports that
// started separate events turn out to be one happening. So every
// ArticleRefineEvery arrivals, each of the last ArticleRefineWindow
// arrivals that voted (the newest aside: it was placed on the same
// evidence) is weighed again, with the IDF of now, against the events the
// index offers, its own taken without it; it moves when another scores
// EventThreshold or more and beats its own by more than
// ArticleRefineMargin. Its copies go with it, so a copy stays with its
// original. An article its own event held by ArticleRefineSettled or more
// over the best other, when it was placed or last weighed, is settled and
// spared: on streams of well-separated events that is most of them.
//
// An event left empty becomes an alias of the event its article went to,
// as a merge leaves it, and a story left with nothing at all becomes an
// alias of the story that event belongs to; a story that still holds
// articles stays. An event's span is drawn again from its remaining
// articles; a story's is not (it covers everything it has held, as after
// a story refinement), since the times of its evicted events' articles
// are not in memory.
//
// Only articles in the window are reconsidered, so memory stays bounded:
// their vectors, a few kilobytes each, are kept in recent and exported in
// the state. On ECB+ (no dates; two events of one kind in each topic) this
// took B-cubed F1 from 0.891 to 0.912 at the EventThreshold of the time
// (see internal/eval and doc.go).

// recent is an article kept for reassignment, with the vectors it added to
// its event.
type recent struct {
	id                  string
	seq                 int64
	rawTerms, rawEnts   vec
	places, days, years []int32
	t                   time.Time
	// margin is by how much its own event beat the best other when it
	// was last weighed (negative: another was better, or it stood alone).
	margin float64
	// copies are the copies that joined its event as its copies.
	copies []string
}

// ArticleMove records an article that a reassignment moved from one event
// to another (and, with it, perhaps to another story).
type ArticleMove struct {
	Article   string `json:"article"`
	FromEvent string `json:"from_event"`
	ToEvent   string `json:"to_event"`
	FromStory string `json:"from_story"`
	ToStory   string `json:"to_story"`
}

// The published times Unix nanoseconds hold (as the store keeps them).
var (
	minPublished = time.Unix(0, math.MinInt64).UTC()
	maxPublished = time.Unix(0, math.MaxInt64).UTC()
)

// published is t as the clusterer takes an article's published time: the
// Unix epoch, a feed's "no date" and 0 in an event's times, as undated,
// and a time outside what Unix nanoseconds hold (a garbage date, year 1500
// or 2300) at the nearest bound, so that an event's span drawn again from
// its times (respan) is the span its articles drew.
func published(t time.Time) time.Time {
	switch {
	case t.IsZero() || t.Equal(time.Unix(0, 0)):
		return time.Time{}
	case t.Before(minPublished):
		return minPublished
	case t.After(maxPublished):
		return maxPublished
	}
	return t
}

// unixNano is t in Unix nanoseconds, 0 for the zero time.
func unixNano(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// reassigning reports whether article reassignment is on.
func (c *Clusterer) reassigning() bool {
	return c.opt.ArticleRefineEvery > 0 && c.opt.ArticleRefineWindow > 0
}

// keep keeps a just-placed article's vectors for reassignment.
func (c *Clusterer) keep(id string, dv *docVec, margin float64) {
	if !c.reassigning() {
		return
	}
	r := &recent{
		id: id, seq: c.seq,
		rawTerms: slices.Clone(dv.rawTerms), rawEnts: slices.Clone(dv.rawEnts),
		places: clip(dv.places), days: clip(dv.days), years: clip(dv.years),
		t: dv.t, margin: margin,
	}
	if old := c.recentOf[id]; old != nil && old.id == id {
		// Sent again after its event left memory (a Grace shorter than
		// the window): the newer placement is the one to weigh.
		c.recent = slices.DeleteFunc(c.recent, func(x *recent) bool { return x == old })
		for _, cp := range old.copies {
			if c.recentOf[cp] == old {
				delete(c.recentOf, cp)
			}
		}
	}
	c.recent = append(c.recent, r)
	c.recentOf[id] = r
	c.trimRecent()
}

// clip copies s, or returns nil for an empty s (as a restored state has
// it).
func clip(s []int32) []int32 {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

// keepCopy notes that copy joined as a copy of orig, so that it follows
// orig if orig moves.
func (c *Clusterer) keepCopy(orig, copy string) {
	if r := c.recentOf[orig]; r != nil {
		r.copies = append(r.copies, copy)
		c.recentOf[copy] = r
	}
}

// trimRecent forgets the kept articles that have left the window.
func (c *Clusterer) trimRecent() {
	since := c.seq - int64(c.opt.ArticleRefineWindow)
	n := 0
	for n < len(c.recent) && c.recent[n].seq <= since {
		r := c.recent[n]
		// An article sent again after its event left memory is kept
		// again, under the same ID: its newer entry keeps the lookup.
		for _, id := range append([]string{r.id}, r.copies...) {
			if c.recentOf[id] == r {
				delete(c.recentOf, id)
			}
		}
		c.recent[n] = nil
		n++
	}
	if n > 0 {
		c.recent = slices.Delete(c.recent, 0, n)
	}
}

// reassignRecent runs one pass over the kept articles, oldest first,
// but for those settled: their own event beat the best other by
// ArticleRefineSettled or more when they were last weighed.
func (c *Clusterer) reassignRecent(asg *Assignment) {
	c.trimRecent()
	for _, r := range c.recent {
		if r.seq < c.seq && r.margin < c.opt.ArticleRefineSettled {
			c.reassign(r, asg)
		}
	}
}

// reassign weighs r against the events the index offers, its own without
// it, and moves it (with its copies) to a better one.
func (c *Clusterer) reassign(r *recent, asg *Assignment) {
	ev := c.articleOf[r.id]
	if ev == nil || !ev.alive {
		return // its event left memory (a Grace shorter than the window)
	}
	dv := c.centroidDoc(r.rawTerms, r.rawEnts)
	dv.places, dv.days, dv.years, dv.t = r.places, r.days, r.years, r.t
	// The event without the article; kept as it was if the article stays
	// (adding it back would not undo pruning exactly).
	keepTerms, keepEnts := ev.terms, ev.ents
	ev.terms, ev.ents = keepTerms.minus(r.rawTerms), keepEnts.minus(r.rawEnts)
	ev.count(r, -1)
	ev.voters--
	c.scatter(dv.terms)
	c.scatter(dv.ents)
	own := math.Inf(-1)
	if ev.voters > 0 {
		own = c.eventScore(ev, &dv)
	}
	var best *event
	other := 0.0
	for _, cd := range c.scoreEvents(&dv) {
		if cd.ev != ev {
			other = cd.score
			if cd.score >= c.opt.EventThreshold && cd.score > own+c.opt.ArticleRefineMargin {
				best = cd.ev
			}
			break
		}
	}
	// The margin by which it stays, or by which its new event won; one
	// that stood alone is weighed again.
	r.margin = own - other
	if best != nil {
		r.margin = other - own
	}
	if math.IsInf(own, -1) {
		r.margin = -1
	}
	c.unscatter(dv.terms)
	c.unscatter(dv.ents)
	if best == nil {
		ev.terms, ev.ents = keepTerms, keepEnts
		ev.count(r, +1)
		ev.voters++
		return
	}
	c.moveArticle(r, &dv, ev, best, asg)
}

// count adds sign times r's days, years and places to ev's counts.
func (ev *event) count(r *recent, sign int) {
	for _, x := range []struct {
		m  map[int32]int
		ks []int32
	}{{ev.days, r.days}, {ev.years, r.years}, {ev.places, r.places}} {
		for _, k := range x.ks {
			if x.m[k] += sign; x.m[k] <= 0 {
				delete(x.m, k)
			}
		}
	}
}

// moveArticle moves r and its copies from ev (whose centroids, counts and
// voters are already without r) to dest.
func (c *Clusterer) moveArticle(r *recent, dv *docVec, ev, dest *event, asg *Assignment) {
	from, to := ev.story, dest.story
	// Out of ev: the article and its copies, with their times.
	var moved []string // r first, then its copies in ev's order
	var times []int64
	kept := 0
	for i, a := range ev.articles {
		switch {
		case a == r.id:
			moved = slices.Insert(moved, 0, a)
			times = slices.Insert(times, 0, ev.times[i])
		case slices.Contains(r.copies, a):
			moved = append(moved, a)
			times = append(times, ev.times[i])
		default:
			ev.articles[kept], ev.times[kept] = a, ev.times[i]
			kept++
		}
	}
	clear(ev.articles[kept:])
	ev.articles, ev.times = ev.articles[:kept], ev.times[:kept]
	c.respan(ev)
	if from != to {
		from.terms.sub(r.rawTerms)
		from.ents.sub(r.rawEnts)
		from.voters--
		from.size -= len(moved)
	}

	// Into dest: the article as any arrival joins, then its copies.
	c.addToEvent(dest, r.id, dv)
	if from != to {
		c.addToStory(to, dv)
		to.size += len(moved) - 1
	}
	for i := 1; i < len(moved); i++ {
		dest.articles = append(dest.articles, moved[i])
		dest.times = append(dest.times, times[i])
		c.articleOf[moved[i]] = dest
		if times[i] != 0 {
			t := time.Unix(0, times[i]).UTC()
			c.extend(&dest.cluster, t)
			c.extend(&to.cluster, t)
		}
	}
	for _, a := range moved {
		asg.ArticleMoves = append(asg.ArticleMoves, ArticleMove{Article: a, FromEvent: ev.id, ToEvent: dest.id, FromStory: from.id, ToStory: to.id})
	}

	// What it left behind.
	if len(ev.articles) == 0 {
		c.dropEvent(ev)
		c.aliases[ev.id] = dest.id
		asg.Merges = append(asg.Merges, Merge{Kind: "event", From: ev.id, To: dest.id})
	} else {
		c.reindexEvent(ev)
	}
	if from != to && from.alive {
		if from.size <= 0 && len(from.events) == 0 {
			c.absorbStory(to, from, asg)
		} else {
			c.reindexStory(from)
		}
	}
	if from.alive {
		c.respanStory(from)
	}
}

// respanStory draws st's span again from its events' spans and those of
// the events that left memory in it.
func (c *Clusterer) respanStory(st *story) {
	st.first, st.last = st.pastFirst, st.pastLast
	for _, ev := range st.events {
		st.first, st.last = widen(st.first, st.last, ev.first, ev.last)
	}
}

// respan draws ev's span again from its articles' times.
func (c *Clusterer) respan(ev *event) {
	ev.first, ev.last = time.Time{}, time.Time{}
	for _, n := range ev.times {
		if n != 0 {
			c.extend(&ev.cluster, time.Unix(0, n).UTC())
		}
	}
}
