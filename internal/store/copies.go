package store

import (
	"context"
	"time"
)

// Copies is what the store keeps of copy detection: which articles are
// copies of which, in groups of one voice. The decisions are made by
// internal/copies; the store keeps them and answers "one voice per copy
// group" for every later count.
type Copies interface {
	// SaveCopies records what copy detection decided on articles'
	// arrivals, in order and in one transaction: for each record, its
	// matches, the current state of the groups it touched (members
	// replaced), the changes it caused, and the status of every article
	// whose status changed. Saving the same records twice changes nothing.
	SaveCopies(ctx context.Context, recs ...CopyRecord) error

	// CopyStatus returns an article's copy status; an article that is no
	// copy and in no group has a status with only ID and Voice set. It
	// returns ErrNotFound for an ID the store does not hold.
	CopyStatus(ctx context.Context, id string) (CopyStatus, error)

	// CopyStatuses returns the copy status of each held article among ids,
	// by ID; IDs not held are absent.
	CopyStatuses(ctx context.Context, ids []string) (map[string]CopyStatus, error)

	// CopyGroups returns the live copy groups, the most recently changed
	// first, each with its members in arrival order.
	CopyGroups(ctx context.Context) ([]CopyGroup, error)

	// CopyMatches returns the verified matches an article takes part in,
	// as the copy or as the one copied.
	CopyMatches(ctx context.Context, id string) ([]CopyMatch, error)

	// CopyChanges returns the recorded changes of a group (or of every
	// group, for ""), oldest first.
	CopyChanges(ctx context.Context, group string) ([]CopyChange, error)
}

// CopyRecord is one arrival's copy decisions, saved together.
type CopyRecord struct {
	Matches  []CopyMatch
	Groups   []CopyGroup
	Changes  []CopyChange
	Statuses []CopyStatus
	// Dissolved lists groups merged into others, to be removed.
	Dissolved []string
}

// CopyMatch is a verified copy relation: Copy copies Of.
type CopyMatch struct {
	Copy             string  `json:"copy"`
	Of               string  `json:"of"`
	Kind             string  `json:"kind"` // "full" or "partial"
	Containment      float64 `json:"containment"`
	Coverage         float64 `json:"coverage"`
	Jaccard          float64 `json:"jaccard"`
	Passage          int     `json:"passage"`
	SharedParagraphs int     `json:"shared_paragraphs"`
	Reason           string  `json:"reason"`
}

// CopyGroup is a set of full copies of one text: one voice.
type CopyGroup struct {
	// ID is the founding article's ID; it never changes.
	ID       string `json:"id"`
	Original string `json:"original"`
	// Reason says why Original is the original.
	Reason  string   `json:"reason"`
	Members []string `json:"members"`
	// Changed is when the group last changed (set by the store).
	Changed time.Time `json:"changed,omitzero"`
}

// CopyChange is one recorded change to a copy group.
type CopyChange struct {
	Kind    string    `json:"kind"` // created, joined, merged, original-changed
	Group   string    `json:"group"`
	Article string    `json:"article"`
	From    string    `json:"from,omitempty"`
	To      string    `json:"to,omitempty"`
	Reason  string    `json:"reason,omitempty"`
	At      time.Time `json:"at,omitzero"` // set by the store
}

// CopyStatus is an article's copy status.
type CopyStatus struct {
	ID string `json:"id"`
	// CopyOf is the original's ID, "" when the article is no copy or is
	// its group's original.
	CopyOf      string  `json:"copy_of,omitempty"`
	Kind        string  `json:"copy_kind,omitempty"`
	Containment float64 `json:"copy_containment,omitempty"`
	Group       string  `json:"group,omitempty"`
	// Voice is the ID that stands for the article in every count: its
	// group's original for a member of a copy group, else itself.
	Voice string `json:"voice"`
}
