package cluster

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"
)

// StateVersion is the version of State this package writes and reads. It
// moves when what a State means moves, not only its fields: version 3's
// entity keys are the entity stage's canonical names, so a version 2
// state (capitalised spans) is rebuilt rather than mixed with them;
// version 4 adds the articles' times and the recent articles kept for
// reassignment, without which a restored run would place articles
// differently; version 5 the span of a story's events that left memory,
// from which its span is drawn again when an event leaves it.
const StateVersion = 5

// State is everything a Clusterer holds, as plain data, so that a store can
// persist it and Restore can resume exactly where it stopped: restoring and
// assigning the rest of a stream gives the same assignments as one
// uninterrupted run.
//
// Events and Stories hold only the clusters in memory. Evicted clusters are
// final: the store keeps their rows (from Assignment.Evicted and Event /
// Story), and Aliases here hold only merges whose survivor is in memory.
type State struct {
	Version int     `json:"version"`
	Options Options `json:"options"`
	// Seq counts arrivals; Docs the articles that voted (for IDF).
	Seq       int64     `json:"seq"`
	Docs      int64     `json:"docs"`
	NextEvent int64     `json:"next_event"`
	NextStory int64     `json:"next_story"`
	Watermark time.Time `json:"watermark,omitzero"`
	// SinceSweep counts arrivals since the last eviction sweep;
	// LastForget is the arrival number of the last pass that forgot unused
	// words.
	SinceSweep int   `json:"since_sweep"`
	LastForget int64 `json:"last_forget,omitempty"`
	// Terms is the vocabulary in id order: stems, and entities marked with
	// a leading \x01, with their document frequencies; an entry with an
	// empty key is a forgotten one, free for reuse.
	Terms   []TermState  `json:"terms"`
	Events  []EventState `json:"events"`
	Stories []StoryState `json:"stories"`
	Aliases []Merge      `json:"aliases"`
	// Recent are the articles kept for reassignment, oldest first.
	Recent []RecentState `json:"recent,omitempty"`
}

// RecentState is one article kept for reassignment: the unit TF vectors
// it added to its event, and what else its event counts of it.
type RecentState struct {
	ID       string    `json:"id"`
	Seq      int64     `json:"seq"`
	Terms    Weights   `json:"terms"`
	Entities Weights   `json:"entities"`
	Places   []int32   `json:"places,omitempty"`
	Days     []int32   `json:"days,omitempty"`
	Years    []int32   `json:"years,omitempty"`
	At       time.Time `json:"at,omitzero"`
	// Margin is by how much its own event beat the best other when it was
	// last weighed.
	Margin float64 `json:"margin"`
	// Copies are the copies that joined its event as its copies.
	Copies []string `json:"copies,omitempty"`
}

// TermState is one vocabulary entry.
type TermState struct {
	Key     string `json:"key"`
	Surface string `json:"surface"`
	DF      int32  `json:"df"`
	// Aside counts the articles in which the key is better left out of
	// labels: a word they write capitalised, a name they only use as the
	// last word of a longer one.
	Aside int32 `json:"aside,omitempty"`
	// Last is the arrival number of the last article that used it.
	Last int64 `json:"last,omitempty"`
}

// Weight is one entry of a centroid.
type Weight struct {
	Term int32   `json:"t"`
	W    float64 `json:"w"`
}

// ClusterState is what events and stories share.
type ClusterState struct {
	ID       string  `json:"id"`
	N        int64   `json:"n"`
	Terms    Weights `json:"terms"`
	Entities Weights `json:"entities"`
	// Norms are the centroids' cached IDF-weighted squared norms and the
	// article counts they were computed at (terms, then entities), kept
	// so that a restored run computes bit for bit the same similarities.
	Norms  [2]NormState `json:"norms"`
	Voters int          `json:"voters"`
	// Indexed are the keys posted in the inverted index, as the live run
	// chose them (they depend on the IDF of the moment they were chosen).
	Indexed []int32   `json:"indexed"`
	First   time.Time `json:"first,omitzero"`
	Last    time.Time `json:"last,omitzero"`
	LastSeq int64     `json:"last_seq"`
}

// NormState is a cached squared norm and the article count it was
// computed at (-1: stale).
type NormState struct {
	Norm2 float64 `json:"n2"`
	At    int64   `json:"at"`
}

// EventState is one event in memory.
type EventState struct {
	ClusterState
	StoryID  string   `json:"story_id"`
	Articles []string `json:"articles"`
	// Times are the articles' published times in Unix nanoseconds (0:
	// undated), index for index.
	Times []int64 `json:"times"`
	// Days and Years are the mentioned days (since 1970) and years, each
	// with its count, in ascending order.
	Days  [][2]int32 `json:"days,omitempty"`
	Years [][2]int32 `json:"years,omitempty"`
	// Places are the entity ids of the places its articles name, with
	// their counts.
	Places [][2]int32 `json:"places,omitempty"`
	// RefinedAt and RefineGap schedule the event's story refinement.
	RefinedAt int64 `json:"refined_at,omitempty"`
	RefineGap int64 `json:"refine_gap,omitempty"`
}

// StoryState is one story in memory.
type StoryState struct {
	ClusterState
	// Events are its events in memory, oldest first.
	Events []string `json:"events"`
	Count  int      `json:"count"`
	Size   int      `json:"size"`
	// Compact is set while the story is quiet and cut down (see doc.go).
	Compact bool `json:"compact,omitempty"`
	// SplitAt is the arrival at which a refinement last tried to split
	// the story (Options.StorySplit).
	SplitAt int64 `json:"split_at,omitempty"`
	// PastFirst and PastLast span the events that left memory while in
	// the story.
	PastFirst time.Time `json:"past_first,omitzero"`
	PastLast  time.Time `json:"past_last,omitzero"`
}

func centroidWeights(ce *centroid) Weights {
	out := make(Weights, len(ce.e))
	for i, e := range ce.e {
		out[i] = Weight{Term: e.id, W: float64(e.w)}
	}
	return out
}

func vecWeights(v vec) Weights {
	out := make(Weights, len(v))
	for i, e := range v {
		out[i] = Weight{Term: e.id, W: float64(e.w)}
	}
	return out
}

func exportCluster(cl *cluster) ClusterState {
	return ClusterState{
		ID: cl.id, N: cl.n, Terms: centroidWeights(&cl.terms), Entities: centroidWeights(&cl.ents), Voters: cl.voters, Indexed: slices.Clone(cl.indexed),
		Norms: [2]NormState{{cl.terms.norm2, cl.terms.normAt}, {cl.ents.norm2, cl.ents.normAt}},
		First: cl.first, Last: cl.last, LastSeq: cl.lastSeq,
	}
}

func counts(m map[int32]int) [][2]int32 {
	var out [][2]int32
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, [2]int32{k, int32(m[k])})
	}
	return out
}

// Export returns c's state. The state shares nothing with c.
func (c *Clusterer) Export() State {
	s := State{
		Version: StateVersion, Options: c.opt, Seq: c.seq, Docs: c.docs,
		NextEvent: c.nextEvent, NextStory: c.nextStory, Watermark: c.watermark, SinceSweep: c.sinceSweep, LastForget: c.lastForget,
		Terms: make([]TermState, len(c.vocab)),
	}
	for i, t := range c.vocab {
		s.Terms[i] = TermState{Key: t.key, Surface: t.surface, DF: t.df, Aside: t.aside, Last: t.last}
	}
	for _, st := range c.storyList {
		ss := StoryState{ClusterState: exportCluster(&st.cluster), Count: st.count, Size: st.size, Compact: st.compact, SplitAt: st.splitAt, PastFirst: st.pastFirst, PastLast: st.pastLast}
		for _, ev := range st.events {
			ss.Events = append(ss.Events, ev.id)
		}
		s.Stories = append(s.Stories, ss)
	}
	for _, ev := range c.eventList {
		s.Events = append(s.Events, EventState{
			ClusterState: exportCluster(&ev.cluster), StoryID: ev.story.id,
			Articles: slices.Clone(ev.articles), Times: slices.Clone(ev.times), Days: counts(ev.days), Years: counts(ev.years), Places: counts(ev.places),
			RefinedAt: ev.refinedAt, RefineGap: ev.refineGap,
		})
	}
	for _, from := range slices.Sorted(maps.Keys(c.aliases)) {
		s.Aliases = append(s.Aliases, Merge{Kind: kindOf(from), From: from, To: c.aliases[from]})
	}
	for _, r := range c.recent {
		s.Recent = append(s.Recent, RecentState{
			ID: r.id, Seq: r.seq, Terms: vecWeights(r.rawTerms), Entities: vecWeights(r.rawEnts),
			Places: slices.Clone(r.places), Days: slices.Clone(r.days), Years: slices.Clone(r.years), At: r.t, Margin: r.margin,
			Copies: slices.Clone(r.copies),
		})
	}
	return s
}

func kindOf(id string) string {
	if len(id) >= len(StoryPrefix) && id[:len(StoryPrefix)] == StoryPrefix {
		return "story"
	}
	return "event"
}

// ErrState is wrapped by Restore's errors.
var ErrState = errors.New("invalid cluster state")

// Restore returns a Clusterer that resumes from s.
func Restore(s State) (*Clusterer, error) {
	if s.Version != StateVersion {
		if s.Version >= 1 && s.Version < StateVersion {
			return nil, fmt.Errorf("restore: %w: version %d was written by an older clusterer (this one writes %d); rebuild by assigning the stored articles again", ErrState, s.Version, StateVersion)
		}
		return nil, fmt.Errorf("restore: %w: version %d, want %d", ErrState, s.Version, StateVersion)
	}
	c, err := New(s.Options)
	if err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	c.seq, c.nextEvent, c.nextStory, c.watermark, c.sinceSweep, c.lastForget = s.Seq, s.NextEvent, s.NextStory, s.Watermark, s.SinceSweep, s.LastForget
	c.setDocs(s.Docs)
	c.vocab = make([]term, len(s.Terms))
	for i, t := range s.Terms {
		if t.Key == "" {
			c.free = append(c.free, int32(i)) // forgotten
			continue
		}
		if _, dup := c.ids[t.Key]; dup {
			return nil, fmt.Errorf("restore: %w: term %q twice", ErrState, t.Key)
		}
		c.vocab[i] = term{key: t.Key, surface: t.Surface, df: t.DF, ldf: math.Log(float64(t.DF + 1)), aside: t.Aside, last: t.Last}
		c.ids[t.Key] = int32(i)
	}
	slices.Reverse(c.free)
	known := func(id int32) bool { return id >= 0 && int(id) < len(c.vocab) && c.vocab[id].key != "" }
	restore := func(cs ClusterState) (cluster, error) {
		cl := cluster{n: cs.N, id: cs.ID, indexed: slices.Clone(cs.Indexed), terms: newCentroid(), ents: newCentroid(), voters: cs.Voters, first: cs.First, last: cs.Last, lastSeq: cs.LastSeq, alive: true}
		for _, x := range []struct {
			ws   Weights
			ce   *centroid
			what string
		}{{cs.Terms, &cl.terms, "term"}, {cs.Entities, &cl.ents, "entity"}} {
			v, err := readWeights(x.ws, known)
			if err != nil {
				return cl, fmt.Errorf("%w: %s's %s weights: %w", ErrState, cs.ID, x.what, err)
			}
			x.ce.e = make([]wentry, len(v))
			for i, e := range v {
				x.ce.e[i] = wentry(e)
			}
		}
		cl.terms.norm2, cl.terms.normAt = cs.Norms[0].Norm2, cs.Norms[0].At
		cl.ents.norm2, cl.ents.normAt = cs.Norms[1].Norm2, cs.Norms[1].At
		return cl, nil
	}
	for _, ss := range s.Stories {
		cl, err := restore(ss.ClusterState)
		if err != nil {
			return nil, fmt.Errorf("restore: %w", err)
		}
		st := &story{cluster: cl, count: ss.Count, size: ss.Size, compact: ss.Compact, splitAt: ss.SplitAt, pastFirst: ss.PastFirst, pastLast: ss.PastLast}
		c.stories[st.id] = st
		c.storyList = append(c.storyList, st)
	}
	for _, es := range s.Events {
		cl, err := restore(es.ClusterState)
		if err != nil {
			return nil, fmt.Errorf("restore: %w", err)
		}
		st := c.stories[es.StoryID]
		if st == nil {
			return nil, fmt.Errorf("restore: %w: event %s in unknown story %s", ErrState, es.ID, es.StoryID)
		}
		if len(es.Times) != len(es.Articles) {
			return nil, fmt.Errorf("restore: %w: event %s has %d times for %d articles", ErrState, es.ID, len(es.Times), len(es.Articles))
		}
		ev := &event{cluster: cl, story: st, articles: slices.Clone(es.Articles), times: slices.Clone(es.Times), days: make(map[int32]int), years: make(map[int32]int), places: make(map[int32]int),
			refinedAt: es.RefinedAt, refineGap: es.RefineGap}
		for _, d := range es.Days {
			ev.days[d[0]] = int(d[1])
		}
		for _, y := range es.Years {
			ev.years[y[0]] = int(y[1])
		}
		for _, p := range es.Places {
			if !known(p[0]) {
				return nil, fmt.Errorf("restore: %w: event %s names place %d outside the vocabulary", ErrState, es.ID, p[0])
			}
			ev.places[p[0]] = int(p[1])
		}
		for _, a := range ev.articles {
			c.articleOf[a] = ev
		}
		c.events[ev.id] = ev
		c.eventList = append(c.eventList, ev)
	}
	slices.SortFunc(c.eventList, func(a, b *event) int { return cmp.Compare(a.n, b.n) })
	slices.SortFunc(c.storyList, func(a, b *story) int { return cmp.Compare(a.n, b.n) })
	for _, ss := range s.Stories {
		st := c.stories[ss.ID]
		for _, id := range ss.Events {
			ev := c.events[id]
			if ev == nil {
				return nil, fmt.Errorf("restore: %w: story %s lists unknown event %s", ErrState, ss.ID, id)
			}
			st.events = append(st.events, ev)
		}
	}
	// Postings are rebuilt from the keys the live run posted, in creation
	// order; candidates are sorted by score and age before use, so the
	// order within a posting list does not change results.
	for _, ev := range c.eventList {
		if !validKeys(ev.indexed, c.vocab) {
			return nil, fmt.Errorf("restore: %w: event %s indexes a term outside the vocabulary", ErrState, ev.id)
		}
		keys := ev.indexed
		ev.indexed = nil
		reindex(c.eventIndex, ev, keys)
	}
	for _, st := range c.storyList {
		if !validKeys(st.indexed, c.vocab) {
			return nil, fmt.Errorf("restore: %w: story %s indexes a term outside the vocabulary", ErrState, st.id)
		}
		keys := st.indexed
		st.indexed = nil
		reindex(c.storyIndex, st, keys)
	}
	for _, a := range s.Aliases {
		c.aliases[a.From] = a.To
	}
	for i, rs := range s.Recent {
		if i > 0 && s.Recent[i-1].Seq >= rs.Seq {
			return nil, fmt.Errorf("restore: %w: recent articles are not in arrival order", ErrState)
		}
		r := &recent{id: rs.ID, seq: rs.Seq, places: slices.Clone(rs.Places), days: slices.Clone(rs.Days), years: slices.Clone(rs.Years), t: rs.At, margin: rs.Margin, copies: slices.Clone(rs.Copies)}
		var err error
		if r.rawTerms, err = readWeights(rs.Terms, known); err == nil {
			r.rawEnts, err = readWeights(rs.Entities, known)
		}
		if err != nil {
			return nil, fmt.Errorf("restore: %w: recent article %s: %w", ErrState, rs.ID, err)
		}
		if slices.ContainsFunc(r.places, func(p int32) bool { return !known(p) }) {
			return nil, fmt.Errorf("restore: %w: recent article %s names a place outside the vocabulary", ErrState, rs.ID)
		}
		c.recent = append(c.recent, r)
		c.recentOf[r.id] = r
		for _, cp := range r.copies {
			c.recentOf[cp] = r
		}
	}
	return c, nil
}

// readWeights reads a sparse vector, which must be in term order and
// within the vocabulary.
func readWeights(ws Weights, known func(int32) bool) (vec, error) {
	v := make(vec, len(ws))
	for i, w := range ws {
		if !known(w.Term) {
			return nil, fmt.Errorf("term %d outside the vocabulary", w.Term)
		}
		if i > 0 && ws[i-1].Term >= w.Term {
			return nil, errors.New("not in term order")
		}
		v[i] = entry{w.Term, float32(w.W)}
	}
	return v, nil
}

// validKeys reports whether keys are sorted, distinct and known to the
// vocabulary, as reindex needs them.
func validKeys(keys []int32, vocab []term) bool {
	for i, k := range keys {
		if k < 0 || int(k) >= len(vocab) || vocab[k].key == "" || i > 0 && keys[i-1] >= k {
			return false
		}
	}
	return true
}
