package store

import (
	"context"
	"time"
)

// Events is what the store keeps of clustering: which event and story each
// article belongs to, the events and stories themselves as last seen, the
// aliases merges left behind, and the clusterer's state between runs. The
// decisions are made by internal/cluster; the store keeps them.
type Events interface {
	// SaveClusters records clustering decisions, in order and in one
	// transaction: for each record, the article's event and story, the
	// current state of the event and story rows it touched (upserts), and
	// the aliases its merges left (the absorbed rows are removed, and
	// every article, event and alias pointing at them moves to the
	// survivor). Saving the same records twice changes nothing.
	SaveClusters(ctx context.Context, recs ...ClusterRecord) error

	// Event returns the event id names, following aliases, with its
	// article IDs in arrival order; ErrNotFound when there is none.
	Event(ctx context.Context, id string) (Event, error)

	// Story returns the story id names, following aliases; ErrNotFound
	// when there is none.
	Story(ctx context.Context, id string) (Story, error)

	// Events lists the events that match f, the most recent (by last
	// published time, then by ID) first, without their article IDs.
	Events(ctx context.Context, f EventFilter) ([]Event, error)

	// Stories lists the stories, the most recent first; limit 0 means
	// all.
	Stories(ctx context.Context, limit int) ([]Story, error)

	// StoryEvents returns a story's events (id following aliases) in time
	// order, each with its article IDs in arrival order; ErrNotFound when
	// the story is unknown.
	StoryEvents(ctx context.Context, storyID string) ([]Event, error)

	// ArticleCluster returns the event and story an article belongs to,
	// or ErrNotFound when it has none (or is not held).
	ArticleCluster(ctx context.Context, articleID string) (ArticleCluster, error)

	// EachArticleCluster calls fn for every article that has an event, in
	// the articles' arrival order, streaming. An error from fn stops the
	// walk and is returned.
	EachArticleCluster(ctx context.Context, fn func(ArticleCluster) error) error

	// ReplaceClusters replaces every event, story and article placement
	// with recs, applied in order as SaveClusters applies them, and the
	// saved clusterer state with state, in one transaction: a re-run of
	// clustering over the whole store. The aliases held are kept (an ID
	// shown before still resolves) and recs' aliases are added; an alias
	// whose name recs now use for a live cluster is dropped.
	ReplaceClusters(ctx context.Context, recs []ClusterRecord, state []byte) error

	// SaveClusterState replaces the saved clusterer state (an opaque blob:
	// the clusterer's exported state as JSON).
	SaveClusterState(ctx context.Context, state []byte) error

	// LoadClusterState returns the saved clusterer state, or nil when none
	// was saved.
	LoadClusterState(ctx context.Context) ([]byte, error)
}

// ClusterRecord is one article's clustering decision, saved together.
type ClusterRecord struct {
	Article string `json:"article"`
	Event   string `json:"event"`
	Story   string `json:"story"`
	// Events and Stories are the rows the decision touched, as they now
	// stand (their Members are ignored).
	Events  []Event `json:"events,omitempty"`
	Stories []Story `json:"stories,omitempty"`
	Aliases []Alias `json:"aliases,omitempty"`
}

// Alias records a cluster absorbed into another by a merge.
type Alias struct {
	// Kind is "event" or "story".
	Kind string `json:"kind"`
	// From is the absorbed ID, To the survivor.
	From string `json:"from"`
	To   string `json:"to"`
}

// Event is a cluster of articles about one happening.
type Event struct {
	ID    string `json:"id"`
	Story string `json:"story"`
	Label string `json:"label"`
	// First and Last span its articles' published times (zero when none
	// was dated).
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
	// Articles counts its articles, copies included.
	Articles int `json:"articles"`
	// Members are its article IDs in arrival order, where the call says
	// so.
	Members []string `json:"members,omitempty"`
}

// Story is a cluster of events that follow one another.
type Story struct {
	ID    string    `json:"id"`
	Label string    `json:"label"`
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
	// Events and Articles count every event and article it ever held.
	Events   int `json:"events"`
	Articles int `json:"articles"`
}

// EventFilter narrows an event listing. Zero fields do not filter.
type EventFilter struct {
	// Story keeps the events of this story (following aliases).
	Story string
	// Limit caps the number of events; 0 means no cap.
	Limit int
}

// ArticleCluster is where one article was clustered.
type ArticleCluster struct {
	Article string `json:"article"`
	Event   string `json:"event"`
	Story   string `json:"story"`
}
