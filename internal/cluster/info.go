package cluster

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// EventInfo describes an event in memory.
type EventInfo struct {
	ID      string `json:"id"`
	StoryID string `json:"story_id"`
	// Label names the event by its key entities and terms:
	// "Pompeo, Lavrov — sochi, talks".
	Label string `json:"label"`
	// First and Last span the published times of its articles (zero when
	// none was dated).
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
	// Articles are its articles in arrival order, copies included.
	Articles []string `json:"articles"`
	// Voters counts the articles that shaped it (copies do not).
	Voters int `json:"voters"`
}

// StoryInfo describes a story in memory.
type StoryInfo struct {
	ID    string    `json:"id"`
	Label string    `json:"label"`
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
	// Events are its events still in memory, oldest first.
	Events []string `json:"events"`
	// EventCount and Size count every event and article it ever held.
	EventCount int `json:"event_count"`
	Size       int `json:"size"`
}

// Event describes the event id stands for (following merges), if it is in
// memory.
func (c *Clusterer) Event(id string) (EventInfo, bool) {
	ev := c.events[c.Resolve(id)]
	if ev == nil {
		return EventInfo{}, false
	}
	return EventInfo{
		ID: ev.id, StoryID: ev.story.id, Label: c.label(&ev.cluster),
		First: ev.first, Last: ev.last,
		Articles: slices.Clone(ev.articles), Voters: ev.voters,
	}, true
}

// Story describes the story id stands for (following merges), if it is in
// memory.
func (c *Clusterer) Story(id string) (StoryInfo, bool) {
	st := c.stories[c.Resolve(id)]
	if st == nil {
		return StoryInfo{}, false
	}
	info := StoryInfo{ID: st.id, Label: c.label(&st.cluster), First: st.first, Last: st.last, EventCount: st.count, Size: st.size}
	for _, ev := range st.events {
		info.Events = append(info.Events, ev.id)
	}
	return info, true
}

// Events lists the events in memory, oldest first.
func (c *Clusterer) Events() []EventInfo {
	out := make([]EventInfo, 0, len(c.eventList))
	for _, ev := range c.eventList {
		info, _ := c.Event(ev.id)
		out = append(out, info)
	}
	return out
}

// Stories lists the stories in memory, oldest first.
func (c *Clusterer) Stories() []StoryInfo {
	out := make([]StoryInfo, 0, len(c.storyList))
	for _, st := range c.storyList {
		info, _ := c.Story(st.id)
		out = append(out, info)
	}
	return out
}

// Label sizes.
const (
	labelEntities = 2
	labelTerms    = 3
)

// label names a cluster by its two strongest entities and three strongest
// terms that the entities do not already say. Weights are centroid weight
// times IDF, so a name every article mentions does not crowd out the
// distinctive one.
func (c *Clusterer) label(cl *cluster) string {
	var names []string
	var used []string
	for _, id := range c.rank(cl.ents.w) {
		s := c.vocab[id].surface
		ls := strings.ToLower(s)
		if slices.ContainsFunc(used, func(u string) bool { return strings.Contains(u, ls) || strings.Contains(ls, u) }) {
			continue
		}
		names = append(names, s)
		used = append(used, ls)
		if len(names) == labelEntities {
			break
		}
	}
	var terms []string
	for _, id := range c.rank(cl.terms.w) {
		s := c.vocab[id].surface
		if slices.ContainsFunc(used, func(u string) bool { return strings.Contains(u, s) }) {
			continue
		}
		terms = append(terms, s)
		used = append(used, s)
		if len(terms) == labelTerms {
			break
		}
	}
	switch {
	case len(names) == 0:
		return strings.Join(terms, ", ")
	case len(terms) == 0:
		return strings.Join(names, ", ")
	}
	return strings.Join(names, ", ") + " — " + strings.Join(terms, ", ")
}

// rankTop returns the k strongest keys of ce by weight × IDF, ties by key.
func (c *Clusterer) rankTop(ce *centroid, k int) []int32 {
	type kw struct {
		id int32
		w  float64
	}
	ks := make([]kw, 0, len(ce.w))
	for _, id := range ce.sorted() {
		ks = append(ks, kw{id, ce.w[id] * c.idf(id)})
	}
	slices.SortFunc(ks, func(a, b kw) int { // a total order: heaviest first, then by key
		switch {
		case a.w > b.w:
			return -1
		case a.w < b.w:
			return 1
		}
		return cmp.Compare(a.id, b.id)
	})
	out := make([]int32, 0, min(k, len(ks)))
	for _, x := range ks[:min(k, len(ks))] {
		out = append(out, x.id)
	}
	return out
}

// rank orders a centroid's keys by weight × IDF, heaviest first, ties by
// key.
func (c *Clusterer) rank(w map[int32]float64) []int32 {
	ids := sortedKeys(w)
	score := make(map[int32]float64, len(ids))
	for _, id := range ids {
		score[id] = w[id] * c.idf(id)
	}
	slices.SortStableFunc(ids, func(a, b int32) int {
		sa, sb := score[a], score[b]
		switch {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return 0
	})
	return ids
}

// EventOf returns the ID of the event holding the article, or "" when the
// article is not among those of the events in memory.
func (c *Clusterer) EventOf(article string) string {
	if ev := c.articleOf[article]; ev != nil {
		return ev.id
	}
	return ""
}
