package cluster

import (
	"maps"
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
		ID: ev.id, StoryID: ev.story.id, Label: c.label(&ev.cluster, ev.places),
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
	info := StoryInfo{ID: st.id, Label: c.label(&st.cluster, nil), First: st.first, Last: st.last, EventCount: st.count, Size: st.size}
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

// label names a cluster: its two strongest names (places aside), then
// (for an event) the place it happened in and its strongest terms, three
// items in all:
// "Velescu, Rook — Sarnovo, talks, interference". Weights are centroid
// weight times IDF, so a name every article mentions does not crowd out
// the distinctive one. Numbers are left out, and so are terms the articles
// mostly capitalise (names and their adjectives: "karsenian", "u.s"),
// which read badly in lower case and say again what the names say, and
// so are words of time ("morning", "week"): every report of a day has them.
func (c *Clusterer) label(cl *cluster, places map[int32]int) string {
	var used []string // lower-case words of what the label says already
	says := func(s string) bool {
		for _, w := range strings.Fields(strings.ToLower(s)) {
			if slices.Contains(used, w) {
				return true
			}
		}
		return false
	}
	say := func(s string) { used = append(used, strings.Fields(strings.ToLower(s))...) }
	var place string
	if len(places) > 0 {
		// The place most articles name, weighed by IDF so that the
		// country every report mentions gives way to the town.
		best, bw := int32(-1), 0.0
		for _, p := range slices.Sorted(maps.Keys(places)) {
			if w := float64(places[p]) * c.idf(p); w > bw {
				best, bw = p, w
			}
		}
		if best >= 0 {
			place = c.vocab[best].surface
			say(place)
		}
	}
	var names []string
	for _, id := range c.rankTop(&cl.ents, len(cl.ents.e)) {
		t := &c.vocab[id]
		if strings.HasPrefix(t.key, entityMark+"#") || places[id] > 0 || 2*t.aside > t.df || says(t.surface) {
			continue // a number, a place (it has its own slot), a part of a name
		}
		names = append(names, t.surface)
		say(t.surface)
		if len(names) == labelEntities {
			break
		}
	}
	var terms []string
	if place != "" {
		terms = append(terms, place)
	}
	for _, id := range c.rankTop(&cl.terms, len(cl.terms.e)) {
		if len(terms) == labelTerms {
			break
		}
		t := &c.vocab[id]
		if 2*t.aside > t.df || strings.ContainsAny(t.surface, ".0123456789") || says(t.surface) || timeWords[strings.ToLower(t.surface)] {
			continue
		}
		terms = append(terms, t.surface)
		say(t.surface)
	}
	switch {
	case len(names) == 0:
		return strings.Join(terms, ", ")
	case len(terms) == 0:
		return strings.Join(names, ", ")
	}
	return strings.Join(names, ", ") + " — " + strings.Join(terms, ", ")
}

// EventOf returns the ID of the event holding the article, or "" when the
// article is not among those of the events in memory.
func (c *Clusterer) EventOf(article string) string {
	event, _ := c.Place(article)
	return event
}

// Place returns the IDs of the event and story holding the article now,
// or "" when the article is not among those of the events in memory.
func (c *Clusterer) Place(article string) (event, story string) {
	if ev := c.articleOf[article]; ev != nil {
		return ev.id, ev.story.id
	}
	return "", ""
}

// timeWords say when, not what: they stay out of labels.
var timeWords = map[string]bool{
	"morning": true, "mornings": true, "afternoon": true, "evening": true, "night": true, "nights": true,
	"day": true, "days": true, "week": true, "weeks": true, "weekend": true, "month": true, "months": true,
	"year": true, "years": true, "today": true, "yesterday": true, "tomorrow": true, "tonight": true,
	"hour": true, "hours": true, "minute": true, "minutes": true, "earlier": true, "later": true,
}
