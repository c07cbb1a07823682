package cluster

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"time"
)

// Options are the parameters of the clustering. The defaults were chosen on
// the development sets; doc.go gives the figures that chose them.
type Options struct {
	// IDFPrior is a number of pseudo-articles in which no term occurs,
	// added to the count behind the IDF: idf = ln((N+prior)/(df+1)). While
	// few articles have arrived, it keeps every term informative instead
	// of letting the first articles' shared words look common.
	IDFPrior float64 `json:"idf_prior"`
	// TitleWeight is how many times a title word counts against a body
	// word.
	TitleWeight float64 `json:"title_weight"`

	// LeadWeight is how many times a word of the lead (the first
	// paragraphs, up to about 300 bytes) counts against a later one.
	LeadWeight float64 `json:"lead_weight"`

	// EventText and EventEntities weigh the cosine of the TF-IDF term
	// vectors and of the entity vectors (names and numbers) in the
	// similarity of an article to an event.
	EventText     float64 `json:"event_text"`
	EventEntities float64 `json:"event_entities"`
	// EventThreshold is the similarity at or above which an article joins
	// its best event; below it, the article starts a new event.
	EventThreshold float64 `json:"event_threshold"`
	// EventMerge is the similarity at or above which a second event that
	// the article also matches is merged into the first. Zero disables
	// event merges.
	EventMerge float64 `json:"event_merge"`
	// DateBonus is added to the similarity when the article and the event
	// mention the same day (within a day); DatePenalty is subtracted when
	// both mention years and none is shared. They carry the evidence of
	// mentioned dates where published times are missing (ECB+) or
	// misleading (follow-ups).
	DateBonus   float64 `json:"date_bonus"`
	DatePenalty float64 `json:"date_penalty"`
	// PlacePenalty is subtracted when the article's title and lead and
	// the event's name the places things happen in ("talks in
	// Washington", "in the resort city of Sochi") and share none: two
	// rounds of talks between the same people, two fires at the same
	// chain's stores.
	PlacePenalty float64 `json:"place_penalty"`
	// ApartPenalty is subtracted besides when both the years and the
	// places disagree: two pieces of evidence that are each weak (an
	// article mentions old years; the same event has several places)
	// are strong together.
	ApartPenalty float64 `json:"apart_penalty"`
	// EventWindow is how far an article's published time may lie from an
	// event's span for the event to be a candidate, and how long after its
	// last article an event stays in memory.
	EventWindow time.Duration `json:"event_window"`
	// EventTimeScale is the time distance at which an event's similarity
	// is halved: score × 1/(1+distance/scale).
	EventTimeScale time.Duration `json:"event_time_scale"`

	// StoryText and StoryEntities weigh term and entity cosines in the
	// similarity of a new event's first article to a story.
	StoryText     float64 `json:"story_text"`
	StoryEntities float64 `json:"story_entities"`
	// StoryThreshold is the similarity at or above which a new event joins
	// the best story.
	StoryThreshold float64 `json:"story_threshold"`
	// StoryMerge is the similarity at or above which a second story that
	// a new event's first article matches is merged into the first. Zero
	// disables these merges.
	StoryMerge float64 `json:"story_merge"`
	// ArticleRefineEvery is how many arrivals pass between two article
	// reassignments (reassign.go): each of the last ArticleRefineWindow
	// arrivals that voted moves to another event that scores
	// EventThreshold or more and beats its own (without it) by more than
	// ArticleRefineMargin. Zero disables it. Its vectors are kept in
	// memory while it is in the window.
	ArticleRefineEvery  int     `json:"article_refine_every"`
	ArticleRefineWindow int     `json:"article_refine_window"`
	ArticleRefineMargin float64 `json:"article_refine_margin"`
	// ArticleRefineSettled spares an article that its own event held by
	// this margin over the best other when it was last weighed (or placed):
	// on ECB+ 0.3 costs 0.001 of B-cubed F1 and saves most of the cost on
	// streams of well-separated events. Zero weighs none again; set it
	// high to weigh every article in the window at every pass.
	ArticleRefineSettled float64 `json:"article_refine_settled"`
	// EventSplitMin and EventSplitBelow configure the split test that
	// follows each reassignment pass (eventsplit.go): an event with at least
	// EventSplitMin articles in the reassignment window is cut in two by
	// 2-means when its halves' articles are, on average, less like the
	// other half than EventSplitBelow. Zero disables it.
	EventSplitMin   int     `json:"event_split_min"`
	EventSplitBelow float64 `json:"event_split_below"`
	// StoryRefineEvery is how many arrivals pass between two story
	// refinements (refine.go): each event that took an article among the
	// last StoryRefineWindow arrivals moves to another story that scores
	// StoryThreshold or more and beats its own (without it) by
	// StoryRefineMargin. Zero disables it.
	StoryRefineEvery  int     `json:"story_refine_every"`
	StoryRefineWindow int     `json:"story_refine_window"`
	StoryRefineMargin float64 `json:"story_refine_margin"`
	// StoryLoneThreshold, when positive, is the threshold a refinement
	// holds an event to that is alone in its story (the story of no other
	// event): its story is only where its first article found none, and
	// what it is measured against has grown since. Zero holds it to
	// StoryThreshold.
	StoryLoneThreshold float64 `json:"story_lone_threshold"`
	// StorySplit, when positive, has each story refinement split a story
	// that took new articles in two when its events fall into two groups
	// whose centroids are less alike than StorySplit (storysplit.go): a story
	// that took the first event of another topic by a chance likeness
	// (child car seats and car workers' contract talks share "car", "GM",
	// "safety"), and then that topic's later events, sheds them together.
	// Zero disables it, as does StoryRefineEvery zero.
	StorySplit float64 `json:"story_split"`
	// StorySplitApart, when positive, also splits a story whose two groups
	// are more alike than StorySplit but each of whose events sits well
	// inside its own group: the groups' silhouette (storysplit.go) is
	// StorySplitApart or more. Zero disables it; it needs StorySplit
	// positive.
	StorySplitApart float64 `json:"story_split_apart"`
	// StoryMergeApart, when positive, has each story refinement merge a
	// story that took articles since its last test with the story most
	// like it (scoring StoryThreshold or more) when the two stories'
	// events, as two groups, have a silhouette of StoryMergeApart or less:
	// they blur into each other (refine.go). Both must hold two events or
	// more. Zero disables it.
	StoryMergeApart float64 `json:"story_merge_apart"`
	// StorySignature, when positive, merges two stories of three events
	// or more whose signatures agree, and keeps the split test from
	// parting two groups whose signatures agree (signature.go): a story's
	// signature is the term present in StorySignature or more of its
	// events and in no more than StorySignatureDF of all articles,
	// weightiest by share × IDF. Zero disables it.
	StorySignature   float64 `json:"story_signature"`
	StorySignatureDF float64 `json:"story_signature_df"`
	// StoryWindow is how far an article may lie from a story's span for
	// the story to be a candidate, and how long a quiet story stays in
	// memory (cut down to its index keys). Stories run for years: DUC
	// 2006's span up to 4.6, and B-cubed F1 there falls from 0.83 with
	// three years to 0.76 with one, 0.63 with 180 days and 0.48 with 90.
	StoryWindow time.Duration `json:"story_window"`

	// Grace is how many arrivals an event or story stays in memory after
	// its last article whatever the times say, so that late articles (a
	// back-fill, a feed that lags) still find their event; undated streams
	// are bounded by Grace alone. A word of the vocabulary that no cluster
	// in memory holds is forgotten once Grace arrivals have not used it.
	Grace int `json:"grace"`
	// CentroidTerms bounds the terms (and, separately, entities) an event
	// or story keeps; the weakest go first.
	CentroidTerms int `json:"centroid_terms"`
	// IndexTerms is how many of an event's or story's strongest terms and
	// entities are posted in the inverted index, and QueryTerms how many of
	// an article's strongest terms are looked up in it (all its entities
	// are).
	IndexTerms int `json:"index_terms"`
	QueryTerms int `json:"query_terms"`
	// MaxCandidates bounds how many events (and stories) the index offers
	// are scored in full for one article: those sharing the query's
	// weightiest keys.
	MaxCandidates int `json:"max_candidates"`
}

// DefaultOptions returns the tuned defaults.
func DefaultOptions() Options {
	return Options{
		IDFPrior:             30,
		TitleWeight:          3,
		LeadWeight:           2,
		EventText:            0.6,
		EventEntities:        0.4,
		EventThreshold:       0.18,
		EventMerge:           0.5,
		DateBonus:            0.1,
		DatePenalty:          0.2,
		PlacePenalty:         0.1,
		ApartPenalty:         0.1,
		EventWindow:          7 * 24 * time.Hour,
		EventTimeScale:       3 * 24 * time.Hour,
		StoryText:            1,
		StoryEntities:        0,
		StoryThreshold:       0.16,
		StoryMerge:           0.45,
		ArticleRefineEvery:   64,
		ArticleRefineWindow:  256,
		ArticleRefineSettled: 0.3,
		EventSplitMin:        8,
		EventSplitBelow:      0.3,
		StoryRefineEvery:     64,
		StoryRefineWindow:    1024,
		StoryLoneThreshold:   0.12,
		StorySplit:           0.25,
		StorySplitApart:      0.5,
		StoryMergeApart:      0.3,
		StorySignature:       0.8,
		StorySignatureDF:     0.1,
		StoryWindow:          3 * 365 * 24 * time.Hour,
		Grace:                10000,
		CentroidTerms:        300,
		IndexTerms:           40,
		QueryTerms:           30,
		MaxCandidates:        16,
	}
}

// ErrOptions is wrapped by Validate's errors.
var ErrOptions = errors.New("invalid cluster options")

// Validate reports the first parameter out of range.
func (o Options) Validate() error {
	if name := o.notFinite(); name != "" {
		// Every comparison with NaN is false: the range checks below
		// would let it through, and one NaN poisons every score.
		return fmt.Errorf("%w: %s is not a finite number", ErrOptions, name)
	}
	switch {
	case o.DateBonus < 0 || o.DatePenalty < 0 || o.PlacePenalty < 0 || o.ApartPenalty < 0:
		return fmt.Errorf("%w: date and place bonus and penalties must not be negative", ErrOptions)
	case o.IDFPrior < 0:
		return fmt.Errorf("%w: IDF prior %v < 0", ErrOptions, o.IDFPrior)
	case o.TitleWeight < 0 || o.LeadWeight < 0:
		return fmt.Errorf("%w: title weight %v < 0", ErrOptions, o.TitleWeight)
	case o.EventText < 0 || o.EventEntities < 0 || o.EventText+o.EventEntities == 0:
		return fmt.Errorf("%w: event weights %v, %v", ErrOptions, o.EventText, o.EventEntities)
	case o.StoryText < 0 || o.StoryEntities < 0 || o.StoryText+o.StoryEntities == 0:
		return fmt.Errorf("%w: story weights %v, %v", ErrOptions, o.StoryText, o.StoryEntities)
	case o.EventThreshold <= 0:
		return fmt.Errorf("%w: event threshold %v <= 0", ErrOptions, o.EventThreshold)
	case o.StoryThreshold <= 0:
		return fmt.Errorf("%w: story threshold %v <= 0", ErrOptions, o.StoryThreshold)
	case o.EventWindow <= 0 || o.StoryWindow <= 0 || o.EventTimeScale <= 0:
		return fmt.Errorf("%w: windows must be positive", ErrOptions)
	case o.StorySignature < 0 || o.StorySignature > 1 || o.StorySignatureDF < 0 || o.StorySignatureDF > 1:
		return fmt.Errorf("%w: story signature share and document frequency must lie in [0, 1]", ErrOptions)
	case o.StorySplit < 0 || o.StorySplitApart < 0 || o.StoryMergeApart < 0:
		return fmt.Errorf("%w: story split and merge parameters must not be negative", ErrOptions)
	case o.StorySplitApart > 0 && o.StoryMergeApart >= o.StorySplitApart:
		// Two stories merged at a silhouette the split test splits at
		// would be split and merged again at every refinement.
		return fmt.Errorf("%w: story_merge_apart %v must be below story_split_apart %v", ErrOptions, o.StoryMergeApart, o.StorySplitApart)
	case o.StoryRefineEvery < 0 || o.StoryRefineWindow < 0 || o.StoryRefineMargin < 0 || o.StoryLoneThreshold < 0:
		return fmt.Errorf("%w: story refinement parameters must not be negative", ErrOptions)
	case o.ArticleRefineEvery < 0 || o.ArticleRefineWindow < 0 || o.ArticleRefineMargin < 0 || o.ArticleRefineSettled < 0 || o.EventSplitMin < 0 || o.EventSplitBelow < 0:
		return fmt.Errorf("%w: article reassignment parameters must not be negative", ErrOptions)
	case o.Grace < 0:
		return fmt.Errorf("%w: grace %d < 0", ErrOptions, o.Grace)
	case o.CentroidTerms < 1 || o.IndexTerms < 1 || o.QueryTerms < 1 || o.MaxCandidates < 1:
		return fmt.Errorf("%w: term limits must be at least 1", ErrOptions)
	}
	return nil
}

// notFinite returns the JSON name of the first float parameter that is NaN
// or infinite, or "".
func (o Options) notFinite() string {
	v := reflect.ValueOf(o)
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.Float64 || f.Kind() == reflect.Float32 {
			if x := f.Float(); math.IsNaN(x) || math.IsInf(x, 0) {
				name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
				if name == "" {
					name = v.Type().Field(i).Name
				}
				return name
			}
		}
	}
	return ""
}
