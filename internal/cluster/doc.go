// Package cluster groups articles into events and events into stories,
// online: one article at a time, in arrival order, with no number of
// clusters given, and with IDs that never change meaning.
//
// # Model
//
// An article becomes two unit vectors: TF-IDF over stemmed content words
// (sublinear TF; title words count TitleWeight times, lead words LeadWeight
// times; IDF learnt from the articles seen so far, smoothed by IDFPrior
// pseudo-articles), and TF-IDF over its entities (canonical names from the
// entity stage when given, else capitalised spans, each multi-word name also
// counting its last word so that "Mike Pompeo" meets "Pompeo"). It also
// carries the days and years its text mentions (resolved against its
// published time where it has one) and that published time.
//
// An event keeps the sum of its articles' term-frequency vectors (without
// IDF: IDF is applied at comparison time with the counts of that moment, so
// an event formed while IDF was young does not keep its early weights), the
// days and years its articles mention, and its time span. An article's
// similarity to an event is
//
//	(EventText·cos(terms) + EventEntities·cos(entities)) / (EventText+EventEntities)
//	  + DateBonus if they mention the same day (±1), − DatePenalty if both
//	    mention years and share none,
//	  then ÷ (1 + distance/EventTimeScale) when both are dated,
//
// where distance is how far the published time lies outside the event's
// span. The article joins the best event at or above EventThreshold, else
// starts a new one. A second event it matches at EventMerge or more is the
// same event, found twice: it is merged.
//
// A story is a second, coarser level with its own centroids: a new event's
// first article joins the best story at StoryThreshold or above (text only
// by default: capitalised spans are too noisy at this level, see below),
// else starts one. Joining an existing event keeps that event's story.
//
// Candidates come from inverted indexes (term or entity → clusters) over
// each cluster's IndexTerms strongest keys by weight × IDF, looked up with
// the article's QueryTerms strongest terms and all its entities; at most
// MaxCandidates, those sharing the weightiest keys, are scored in full. No
// step scans all events.
//
// # Identity
//
// IDs are allocated in order ("ev-000001", "st-000001") and never reused.
// When two clusters merge, the older survives and the absorbed ID becomes
// an alias: Resolve follows aliases, and Event and Story look up through
// them. Assignment.Merges reports every merge in the order performed, so a
// store can record the aliases in the same transaction as the article.
//
// # Determinism
//
// Nothing depends on map iteration order: vocabulary ids are allocated in
// token order, float sums run in key order, candidates are sorted by score
// then age. The same articles in the same order give the same assignments,
// IDs and labels; Export and Restore preserve this across a restart (cached
// norms are exported, so the arithmetic is bit for bit the same).
//
// # Memory
//
// Events and stories leave memory when both their time window has passed
// (EventWindow, StoryWindow past their last article, measured against the
// latest published time seen) and Grace arrivals have gone by since their
// last article; undated clusters leave by Grace alone. Their IDs are
// reported in Assignment.Evicted: their state is final. What stays is
// bounded by the window and the grace, not by the corpus, except for the
// vocabulary with its document frequencies (one entry per distinct stem or
// entity, which grows with the vocabulary, not with the article count).
// Centroids keep at most 2·CentroidTerms entries, and a story left with
// no event in memory is cut to its IndexTerms weightiest terms and
// entities while it waits (for up to StoryWindow) for its next event.
//
// # Seams for the store
//
// The package does no I/O. The store integration needs:
//
//   - per article, in the article's transaction: Assignment (event_id,
//     story_id, new_event, new_story, copy, score) and its Merges as alias
//     rows (from → to, kind); the touched rows from Event(a.EventID) and
//     Story(a.StoryID) (label, first, last, size) as upserts;
//   - Evicted IDs: nothing to do beyond the rows already written (they are
//     final); Resolve in memory only knows aliases whose survivor is held,
//     so lookups of old IDs go through the store's alias table;
//   - on shutdown (or every N articles) Export() → State, a plain struct
//     (JSON-ready) with the vocabulary, the clusters in memory and the
//     aliases; on start Restore(State). Store it whole as one blob, or as
//     rows (terms, events, stories, aliases) — the fields map one to one;
//   - recluster: New(opts) and Assign every stored article in arrival (or
//     published) order; compare the old and new article→event maps.
//
// A copy (Doc.CopyOf set, its original still in memory) joins the
// original's event without voting: it adds to the event's size and span,
// not to its centroid or to the IDF.
//
// # Tuning
//
// Defaults were chosen on the development sets with internal/eval (go test
// ./internal/eval -run TestClusterTune -cluster.tune -v); the figures are
// in internal/eval's package documentation for the clustering evaluation.
// We wrote our own rather than use a clustering library because the online
// constraints (one pass, stable IDs with aliases, time windows, bounded
// memory, determinism) are the whole problem, and no Go library offers
// them.
//
// The Clusterer is not safe for concurrent use: assignment is a cheap
// sequential step that reads the enriched stream in order.
package cluster
