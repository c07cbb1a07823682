package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/parallax-news/parallax/internal/annotate"
	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/cluster"
)

// Clustering evaluation.
//
// The gold file is JSON lines with the fields id, title, text, published and
// source, and the label field named by ClusterOptions.Label. A label may be
// a string or a list of strings (DUC 2006 puts nine documents in two
// clusters); we score against the first, which keeps B-cubed's one gold
// cluster per document and costs a system at most those nine documents.
// Published times are read in the layouts the development files use (ISO,
// US month/day/year, and DUC's few year-day-month slips).
//
// "story" labels are scored against the clusterer's stories and any other
// label (ECB+'s "event") against its events. Scores are document-weighted
// B-cubed precision, recall and F1 (Bagga and Baldwin; Amigó et al. 2009)
// and pairwise precision, recall and F1, after following merges: a
// document counts in the cluster its event ended in.
//
// Figures on the development sets with cluster.DefaultOptions (B-cubed F1;
// file order, then the mean ± sd over file order and 5 shuffles, seed 1,
// as `parallax eval cluster --shuffle 5 --fast` prints them: the clusterer
// in memory, which is what the tuning below measured):
//
//	ECB+ dev, label event (462 articles, 40 events, no dates):
//	  online   0.945 file order, 0.936 ± 0.011 (P 0.941, R 0.930, pairwise F1 0.929);
//	           odd / even topics 0.938 ± 0.011 / 0.919 ± 0.008
//	           before the split test's average-link second try: 0.927,
//	           0.931 ± 0.009 (P 0.927, R 0.936, pairwise F1 0.920); odd /
//	           even topics 0.937 ± 0.007 / 0.911 ± 0.010
//	           without the split test (event_split_min 0): 0.899, 0.916 ± 0.016
//	           without article reassignment either (article_refine_every 0):
//	           0.866, 0.898 ± 0.019 (P 0.875, R 0.923)
//	           at the old EventThreshold 0.25: 0.920, 0.922 ± 0.009; without
//	           reassignment and the split there, 0.880, 0.891 ± 0.010
//	  baseline 0.877 at its best threshold (0.20), tuned on this same set
//	DUC 2006, label story (1,250 articles, 50 stories):
//	  online   0.879 file order, 0.890 ± 0.008 (P 0.903, R 0.877, pairwise F1 0.856);
//	           time order (as news arrives) 0.896 (P 0.925, R 0.869);
//	           over file order and 15 shuffles 0.891 ± 0.008
//	           without story signatures (story_signature 0): 0.874, 0.884 ±
//	           0.007 (P 0.904, R 0.866, pairwise F1 0.849), 16 orders 0.886 ±
//	           0.007; time order 0.895 (P 0.925, R 0.867); with the merge
//	           alone 0.890 (16 orders), the split guard alone 0.887; share
//	           0.7 / 0.9: 0.887 / 0.891 (6 orders); document frequency 0.05 /
//	           0.15: 0.887 / 0.890; halves of the topics, odd 0.917 → 0.921,
//	           even 0.871 → 0.878
//	           without the lone-event threshold (story_lone_threshold 0):
//	           0.868, 0.877 ± 0.009 (P 0.916, R 0.841, pairwise F1 0.843);
//	           time order 0.881 (P 0.911, R 0.852)
//	           without the merge of blurred stories (story_merge_apart 0):
//	           0.868, 0.872 ± 0.008 (P 0.917, R 0.831, pairwise F1 0.842);
//	           time order 0.883 (P 0.916, R 0.852)
//	           without the split's silhouette test (story_split_apart 0):
//	           0.840, 0.869 ± 0.016 (P 0.904, R 0.836, pairwise F1 0.834);
//	           time order 0.852 (P 0.840, R 0.864)
//	           at the old EventThreshold 0.25: 0.848, 0.871 ± 0.013
//	           without story splitting (story_split 0, story_threshold 0.17):
//	           0.849, 0.857 ± 0.008 (P 0.886, R 0.830, pairwise F1 0.807)
//	           without story refinement (story_refine_every 0): 0.832, 0.822 ± 0.011
//	           on capitalised spans, without refinement: 0.834, 0.824 ± 0.012
//	  baseline 0.850 at its best threshold (0.10), tuned on this same set
//
// Through ingest (the command's default: parse, clean, copies, entities,
// clusters and the store, a fresh store per order; see cluster_ingest.go)
// the same orders score ECB+ 0.941 file order, 0.932 ± 0.008 (P 0.928,
// R 0.936; 16 full copies join their originals), and DUC 0.880 file
// order, 0.890 ± 0.008 (P 0.904, R 0.877), time order 0.904. On DUC, 10
// lines repeat an id already held (nine documents in two or three
// topics): the store keeps the first and the later lines take its
// cluster, against their own label; over the 1,240 stored articles alone,
// as an export of the same ingest scores them, file order is 0.880.
//
// Story refinement (cluster/refine.go) moves whole events between stories
// after more of each story has arrived. Its settings, mean of 6 orders on
// DUC (assignment rate on this machine): every 64 arrivals over the last
// 256, 0.851; the last 512, 0.862 (2,100/s); the last 1,024, weighing every
// event at every pass, 0.867 (1,700/s); the same with quiet events weighed
// after 2, 4, then every 4 passes, 0.863 (3,100/s), and not weighing an
// event of one article just placed, 0.861 (3,600/s); the same, with a
// story that keeps its event restored exactly rather than rebuilt from
// the event's centroid (the default: rebuilding let back words pruning
// had taken out), 0.857 ± 0.008 (4,200/s); every 32 arrivals, 0.862; a
// margin of 0.02 over the own story, 0.846. (All but the default were
// measured with the rebuilding.)
//
// Article reassignment (cluster/reassign.go) weighs the last arrivals
// again against the events as they have grown; on ECB+ (mean of 6 orders,
// before the split test): every 64 arrivals over the last 256, 0.912 ±
// 0.009 (the default; recall 0.874 → 0.916 at the same precision); the
// last 128, 0.905; the last 512, 0.914; every 32, 0.913; every 16 over the
// last 64 or 128, 0.898 / 0.908; a margin of 0.02 over the own event,
// 0.911; EventThreshold 0.23 / 0.27 / 0.29 with it, 0.913 / 0.905 /
// 0.903. DUC's stories do not move (its 21 article moves stay within
// their stories). The split test (cluster/eventsplit.go) then cuts an event
// whose articles in the window fall in two groups; checked on each half
// of the ECB+ topics (CLUSTER_HALF), EventSplitBelow 0.25 / 0.3 / 0.35
// gave odd 0.929 / 0.931 / 0.924 and even 0.886 / 0.894 / 0.895 against
// 0.920 and 0.882 without it (0.3 is the default; scoring an article
// against its own half without it added 0.001–0.002 over scoring it with
// itself); EventSplitMin 6 / 12, 0.915 / 0.920 on the whole set against
// 0.922 at 8. With the split test, a reassignment window of 384 / 512
// arrivals gave 0.924 / 0.925 ± 0.005 on the whole set (the halves, under
// 256 articles each, cannot tell), within a sd of 256; unpinned seeds
// (the two articles farthest apart, neither half holding the oldest)
// 0.925 on the whole set but 0.925 against 0.930 on the odd half. Sparing
// lone articles whose nearest other event was far below the threshold
// cost 0.008.
//
// With reassignment and the split test guarding precision, the best
// EventThreshold moved down. On ECB+ (whole set; odd / even halves of the
// topics): 0.25, 0.922 (0.930 / 0.893); 0.22, 0.926 (0.932 / 0.905); 0.20,
// 0.927 (0.935 / 0.909); 0.18, 0.931 ± 0.009 (0.937 / 0.911); 0.16, 0.933
// (0.945 / 0.923); 0.14, 0.934. Both halves rise all the way down; 0.18 is
// the default because the two seeds, which must stay two events, score
// 0.14 against each other, and below 0.18 a fictional test scenario of
// ours (a timetable notice beside a crane collapse) already merges. DUC's
// stories move within their spread (0.871 at 0.25, 0.869 at 0.18).
//
// The online figures run the entity stage first, as ingest does
// (ClusterOptions.Entities). Its canonical names did not lift either set:
// on ECB+ they raise the entity cosine of true members and of look-alike
// events alike (EventEntities 0.4 → 0.5 gives 0.896 ± 0.013, but joins
// the two seeds), and DUC's stories are compared on text alone.
//
// How far bag-of-words features can go here, seen all at once with the
// threshold chosen on the answers (average link; B-cubed F1): DUC 0.858
// with the baseline's vectors, 0.870 with the first 1,200 bytes counted
// twice, 0.863 with a second-order similarity (the cosine of two
// documents' similarity rows) at a quarter weight, 0.848 with bigrams,
// 0.835–0.854 keeping a document's 50–200 strongest terms; ECB+ 0.891 to
// 0.902. A single pass over the same vectors scores 0.831 on DUC (centroid
// similarity; the mean of the 1, 3 or 5 most similar members: 0.758–0.796,
// the mean of all: 0.818) and 0.845 with average-link merges of clusters
// after each arrival; WordNet hypernyms of nouns (Debian's wordnet-base),
// one or two levels up, 0.864–0.869 on DUC and 0.878–0.890 on
// ECB+. The 0.92 lies above all of them on these development
// sets. (These were throwaway tests over BaselineVectors and AverageLink,
// not kept in the tree.)
//
// Before reassignment and the split test, neither set reached the
// issue's 0.92 target; DUC's stories still do not. On ECB+ the misses were topics
// whose two events share their people, their place or their week (the
// Angels' and the Red Sox's offers to Teixeira in one December; two
// Waitrose fires; two quakes on Qeshm island three years apart; a coach
// hired in 2005 and fired in 2008): the first article of the second event
// joins the first at 0.26–0.40, as true members do, and the event snowballs.
// On DUC the precision loss is related topics merging (three
// global-warming topics into one cluster of 75, seat belts with the auto
// talks), the recall loss fragments of broad topics (Generation X,
// adoption, psychiatric drugs) that never meet their story's centroid. All
// of these lie on the same precision/recall frontier for bag-of-words
// features: what moved along it without lifting F1 (mean of 6 orders) was
//
//	events, ECB+ (0.891 at the time):
//	  EventThreshold 0.20–0.35: 0.870–0.891; entity weight 0.6: 0.891
//	  the dateline as a published time (windows, decay): 0.842–0.876
//	  a penalty for title and lead names the event lacks: 0.838–0.902
//	  event-to-event merges by centroid at 2, 4, 8… articles: 0.854–0.892
//	  content-word bigrams: 0.878–0.899
//	  places anywhere in the text rather than in the lead: 0.886 (lead: 0.894)
//	stories, DUC (0.826):
//	  StoryThreshold 0.20 / 0.25: 0.789 / 0.659; IDFPrior 5 / 100: 0.831 / 0.833
//	  CentroidTerms 100 / 1000: 0.806 / 0.813; StoryMerge 0 / 0.3: 0.826 / 0.815
//	  a story matched through its best event's centroid too: 0.823
//	  content-word bigrams (½ weight, threshold 0.13): 0.837
//	stories and events after refinement (0.857 DUC, 0.891 ECB+; file order
//	and 5 shuffles), each with its thresholds re-tuned:
//	  adjacent content-word pairs within a sentence, stop words skipped,
//	  as terms of weight ¼ / ½ / 1: DUC 0.860 / 0.862 / 0.822, ECB+
//	  0.893 / 0.893 / 0.887; twice Vectorize's time and, on synthetic
//	  news, 26 times the vocabulary and 4 times the clusterer's heap
//	  a story scored as the better of its centroid and the mean of its
//	  1 / 2 / 3 closest events: 0.823 / 0.845 / 0.853
//	  a story's score lowered by 0.01–0.02 × ln(events): 0.829–0.847
//	  story entity weight 0.2 / 0.5: 0.847 / 0.821
//	  IDF to the power 0.75 (EventThreshold 0.27, StoryThreshold 0.20):
//	  DUC 0.870 ± 0.014, ECB+ 0.895 ± 0.008; over 16 orders 0.862 and
//	  0.892, within a sd of the defaults; powers 1.5 and 2: 0.843, 0.826
//	  the same with story splitting (story_split 0.3, story_threshold
//	  0.18, event_threshold 0.26): DUC 0.867, ECB+ 0.894 over 16 orders,
//	  against 0.867 and 0.891 for the default splitting alone
//
// A lead for what comes next (throwaway measurements in Python with
// Debian's python3-sklearn, all documents at once, average link, distance
// threshold chosen on the answers; not in the tree): TF-IDF without
// stemming, English stop words, sublinear TF, the title twice and the
// words of a single document dropped (min_df 2) reaches DUC 0.888 (0.848
// with min_df 1) and ECB+ 0.905; the same reduced by LSA to 50 dimensions
// fitted on the set reaches DUC 0.912 and ECB+ 0.946 (100: 0.908 / 0.925;
// 200: 0.898 / 0.900). Latent topics lift recall on broad stories
// (DUC R 0.854 → 0.907). Dropping the words seen once so far from an
// article's vector online did not carry the min_df gain over (ECB+ 0.928,
// DUC 0.858–0.865 with thresholds re-tuned): online, most such words are
// seen again later. Nor did a naive online LSA: in a bare single-pass
// centroid loop (Python, 3 orders, threshold chosen on the answers), a
// 50-dimension basis refitted every 128 arrivals on everything seen so
// far scored 0.685 on DUC against 0.801 for TF-IDF in the same loop (file
// order suffers most: the early basis has not seen the later topics). An
// LSA that helps online would need a basis learned from a large past of
// the store, and the latent similarity as a third term beside text and
// entities rather than instead of them. In the same loop, 0.3 of the
// similarity from a basis fitted on all of DUC (what a long past would
// give) lifted 0.820 to 0.876; from a basis refitted every 128 arrivals
// on the past alone, 0.806. On a fresh store, as the evaluation runs,
// there is no past to learn from.
//
// Numbers as entities gained about 0.01 on ECB+; lead places cost nothing
// there (0.894 with, 0.900 without at the same threshold, within a sd)
// and are what keeps the seeds' two events apart (see the cluster
// package). Canonical entities (the entity stage) and any representation
// beyond bag-of-words are the levers left.
//
// File order is harder than a shuffle on ECB+ because the file groups each
// topic's two look-alike events together. Robustness of the thresholds,
// tuning on one half of the topics and testing on the other (mean of file
// order and 3 shuffles): events, tuned on odd topics (0.25, 0.899) give
// 0.876 on even (best there 0.895 at 0.20); tuned on even (0.20) 0.890 on
// odd (best 0.899). Stories (measured before this round; the story side
// did not change): tuned on odd (0.17) 0.820 on even (best 0.841); tuned
// on even (0.15) 0.889 on odd (best 0.890). The landscape is flat within
// a sd or two around the chosen defaults, and the same-shape held-out sets
// should land within about 0.02 of the development figures, more likely
// below than above.
//
// The sweeps behind these figures: go test ./internal/eval -run
// 'TestClusterTune|TestClusterBaselineSweep|TestClusterGrid' -cluster.tune -v
// (TestClusterGrid reads CLUSTER_GRID, a JSON list of partial options, and
// CLUSTER_HALF=odd|even); TestClusterDiag and TestClusterTrace print the
// mixed and split clusters and the joins behind them (CLUSTER_SET=event or
// story, CLUSTER_OPTS for options).

// ClusterOptions configures the clustering evaluation.
type ClusterOptions struct {
	// Gold is the JSON-lines file; Label the field holding the gold cluster.
	Gold  string
	Label string
	// Shuffle is how many random arrival orders to run besides file order,
	// drawn from Seed.
	Shuffle int
	Seed    uint64
	// Params are the clustering parameters.
	Params cluster.Options
	// Entities runs the entity stage first and gives the clusterer its
	// canonical names, as ingest does; without it, the clusterer reads
	// capitalised spans (through ingest: the pipeline runs without its
	// annotation stage, as `parallax ingest --annotate=false` does).
	Entities bool
	// Ingest measures the product rather than the clusterer: each order
	// goes through the ingest pipeline (parse, clean, copies, entities,
	// clusters) into a fresh temporary SQLite store, and each gold line is
	// scored by what the store holds for its id (see cluster_ingest.go).
	// Without it, the gold texts are vectorised once and the clusterer
	// runs over them in memory per order: much faster, which the tests
	// and the tuning sweeps need, but it skips cleaning, copy detection
	// and the store's dropping of an id already held.
	Ingest bool
	// Logger receives the ingest runs' progress detail; nil discards.
	Logger *slog.Logger
}

// The modes of ClusterReport.Mode.
const (
	ModeIngest = "ingest"
	ModeMemory = "memory"
)

// GoldDoc is one article of a gold file.
type GoldDoc struct {
	ID        string
	Title     string
	Text      string
	Source    string
	Published time.Time
	// Label is the gold cluster (the first where the file gives several);
	// Labels are all of them.
	Label  string
	Labels []string
	// Topic is the file's "topic" field, if any (ECB+ groups two events in
	// a topic); empty otherwise.
	Topic string
	// Raw is the record as the file gives it, with "id" set to ID when
	// the file gives none: what the ingest mode feeds the pipeline, so
	// that the stored article can be found again by its input id.
	Raw []byte
}

// ClusterScore is B-cubed and pairwise precision, recall and F1 of one
// clustering against the gold labels.
type ClusterScore struct {
	BCubedP  float64 `json:"bcubed_precision"`
	BCubedR  float64 `json:"bcubed_recall"`
	BCubedF1 float64 `json:"bcubed_f1"`
	PairP    float64 `json:"pairwise_precision"`
	PairR    float64 `json:"pairwise_recall"`
	PairF1   float64 `json:"pairwise_f1"`
	// Clusters is how many clusters the system made.
	Clusters int `json:"clusters"`
}

// ClusterReport holds the figures of a clustering evaluation.
type ClusterReport struct {
	Gold  string `json:"gold"`
	Label string `json:"label"`
	// Level is what was scored: "event" or "story".
	Level string `json:"level"`
	// Mode is the path measured: ModeIngest (the ingest pipeline into a
	// fresh store per order) or ModeMemory (the clusterer in memory).
	Mode         string `json:"mode"`
	Docs         int    `json:"docs"`
	GoldClusters int    `json:"gold_clusters"`
	// FileOrder is the score with articles in file order.
	FileOrder ClusterScore `json:"file_order"`
	// TimeOrder is the score with articles in published order (the order
	// news arrives in; undated articles first, in file order), when the
	// file has published times. It is not in Mean.
	TimeOrder *ClusterScore `json:"time_order,omitempty"`
	// Shuffles has one score per random order; Mean and SD summarise
	// FileOrder and Shuffles together.
	Shuffles []ClusterScore `json:"shuffles,omitempty"`
	Mean     ClusterScore   `json:"mean"`
	SD       ClusterScore   `json:"sd"`
	// PerSecond is, in memory, articles assigned per second
	// (AssignVector, the sequential step) over all runs; through ingest,
	// articles read per second end to end (parse, clean, copies,
	// entities, clusters and the store's writes) over all runs.
	// VectorizePerSecond, in memory only, is articles vectorised per
	// second on all cores (Vectorize, done once: the vectors serve every
	// order), the entity stage included when Entities is set.
	PerSecond          float64 `json:"articles_per_second"`
	VectorizePerSecond float64 `json:"vectorize_per_second,omitempty"`
	// Ingested is what the pipeline made of the file-order run, in
	// ingest mode.
	Ingested *IngestCounts `json:"ingested,omitempty"`
	Entities bool          `json:"entities"`
	Elapsed  time.Duration `json:"elapsed_ns"`
}

// ReadGold reads a JSON-lines gold file, keeping the label field named.
func ReadGold(ctx context.Context, path, label string) ([]GoldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	defer f.Close()
	docs, err := readGold(ctx, f, label)
	if err != nil {
		return nil, fmt.Errorf("read gold %s: %w", path, err)
	}
	return docs, nil
}

// ErrNoLabel is returned when a gold record lacks the label field.
var ErrNoLabel = errors.New("record has no label")

func readGold(ctx context.Context, r io.Reader, label string) ([]GoldDoc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var docs []GoldDoc
	// Lines without an id get "line-N" once all are read: the id must not
	// be one another line gives, or ingest would hold the two as one.
	type blankID struct {
		i, line int
		rec     map[string]json.RawMessage
	}
	var blank []blankID
	given := map[string]bool{}
	line := 0
	for sc.Scan() {
		line++
		if line%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var rec map[string]json.RawMessage
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		var d GoldDoc
		str := func(k string) string {
			var s string
			if raw, ok := rec[k]; ok {
				if json.Unmarshal(raw, &s) != nil {
					s = strings.Trim(string(raw), `"`)
				}
			}
			return s
		}
		d.ID, d.Title, d.Text, d.Source, d.Topic = str("id"), str("title"), str("text"), str("source"), str("topic")
		d.Raw = bytes.Clone(b)
		if id := strings.TrimSpace(d.ID); id == "" {
			// Ingest trims ids: a blank one would leave the line unfound.
			blank = append(blank, blankID{len(docs), line, rec})
		} else {
			given[id] = true
		}
		if p := str("published"); p != "" {
			d.Published, _ = ParseGoldTime(p)
		}
		raw, ok := rec[label]
		if !ok {
			return nil, fmt.Errorf("line %d: %w %q", line, ErrNoLabel, label)
		}
		var one string
		if json.Unmarshal(raw, &one) == nil {
			d.Labels = []string{one}
		} else if err := json.Unmarshal(raw, &d.Labels); err != nil || len(d.Labels) == 0 {
			return nil, fmt.Errorf("line %d: label %q is neither a string nor a list of strings", line, label)
		}
		d.Label = d.Labels[0]
		if d.Label == "" {
			return nil, fmt.Errorf("line %d: %w %q (empty)", line, ErrNoLabel, label)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, bl := range blank {
		id := fmt.Sprintf("line-%d", bl.line)
		for n := 2; given[id]; n++ {
			id = fmt.Sprintf("line-%d-%d", bl.line, n)
		}
		given[id] = true
		bl.rec["id"], _ = json.Marshal(id)
		raw, err := json.Marshal(bl.rec)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", bl.line, err)
		}
		docs[bl.i].ID, docs[bl.i].Raw = id, raw
	}
	return docs, nil
}

// goldLayouts are the time layouts gold files use. DUC 2006 mixes ISO
// dates with US ones and a few year-day-month slips, which the last layout
// catches (time.Parse rejects a month above 12, so the order is safe).
var goldLayouts = []string{
	time.RFC3339, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02",
	"01/02/2006 15:04:05", "01/02/2006 15:04", "01/02/2006", "2006-02-01 15:04:05", "2006-02-01 15:04",
}

// ParseGoldTime parses a published time as the gold files write it.
func ParseGoldTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range goldLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("parse time %q: no known layout", s)
}

// Level returns what a label is scored against: "story" for the label
// "story", "event" otherwise.
func Level(label string) string {
	if label == "story" {
		return "story"
	}
	return "event"
}

// RunClusterer assigns docs in the given order (indices into docs) and
// returns each document's predicted cluster at the level, indexed like
// docs, after following merges.
func RunClusterer(docs []GoldDoc, order []int, opt cluster.Options, level string, entities bool) ([]string, error) {
	return runVectors(docs, Vectorize(docs, entities), order, opt, level)
}

// Vectorize vectorises the gold documents, as the product's workers do,
// on all cores: the result is the same in any order, so one vectorising
// serves every arrival order. With entities, the entity stage runs first
// (on all cores) and its names are made canonical across the set in file
// order, as ingest's registry does in arrival order; one set of names
// then serves every order (a registry run per order would differ only in
// the names of the articles read before their full name was).
func Vectorize(docs []GoldDoc, entities bool) []*cluster.Vector {
	ments := make([][]cluster.Mention, len(docs))
	if entities {
		arts := make([]*article.Article, len(docs))
		parallel(len(docs), func(i int) {
			arts[i] = &article.Article{Paragraphs: []string{docs[i].Text}}
			annotate.New().Article(arts[i])
		})
		reg := annotate.New()
		for i, a := range arts {
			reg.Canonicalise(a)
			ments[i] = cluster.MentionsOf(a.Entities)
		}
	}
	vs := make([]*cluster.Vector, len(docs))
	parallel(len(docs), func(i int) {
		d := docs[i]
		vs[i] = cluster.Vectorize(cluster.Doc{ID: d.ID, Title: d.Title, Text: d.Text, Published: d.Published, Mentions: ments[i]})
	})
	return vs
}

// parallel runs fn(0..n-1) on all cores.
func parallel(n int, fn func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				fn(i)
			}
		})
	}
	wg.Wait()
}

// runVectors is RunClusterer with the documents already vectorised (vs
// indexed like docs).
func runVectors(docs []GoldDoc, vs []*cluster.Vector, order []int, opt cluster.Options, level string) ([]string, error) {
	c, err := cluster.New(opt)
	if err != nil {
		return nil, err
	}
	raw := make([]string, len(docs))
	for _, i := range order {
		a := c.AssignVector(vs[i])
		raw[i] = a.EventID
		if level == "story" {
			raw[i] = a.StoryID
		}
	}
	// A document's event may have been merged after it was assigned, and
	// an event's story may have moved since: look again at the end.
	pred := make([]string, len(docs))
	for i, id := range raw {
		pred[i] = c.Resolve(id)
		ev, ok := c.Event(c.EventOf(docs[i].ID))
		if !ok {
			continue // evicted: its last assignment stands, resolved
		}
		pred[i] = ev.ID
		if level == "story" {
			pred[i] = ev.StoryID
		}
	}
	return pred, nil
}

// ScoreClusters scores predicted against gold cluster labels, indexed alike.
func ScoreClusters(pred, gold []string) ClusterScore {
	var s ClusterScore
	n := len(gold)
	if n == 0 || len(pred) != n {
		return s
	}
	predSize := make(map[string]int)
	goldSize := make(map[string]int)
	type cell struct{ p, g string }
	both := make(map[cell]int)
	for i := range n {
		predSize[pred[i]]++
		goldSize[gold[i]]++
		both[cell{pred[i], gold[i]}]++
	}
	for i := range n {
		k := float64(both[cell{pred[i], gold[i]}])
		s.BCubedP += k / float64(predSize[pred[i]])
		s.BCubedR += k / float64(goldSize[gold[i]])
	}
	s.BCubedP /= float64(n)
	s.BCubedR /= float64(n)
	s.BCubedF1 = f1(s.BCubedP, s.BCubedR)
	pairs := func(k int) float64 { return float64(k) * float64(k-1) / 2 }
	var tp, pp, gp float64
	for _, k := range both {
		tp += pairs(k)
	}
	for _, k := range predSize {
		pp += pairs(k)
	}
	for _, k := range goldSize {
		gp += pairs(k)
	}
	if pp > 0 {
		s.PairP = tp / pp
	} else {
		s.PairP = 1 // no pair claimed, none wrong
	}
	if gp > 0 {
		s.PairR = tp / gp
	} else {
		s.PairR = 1
	}
	s.PairF1 = f1(s.PairP, s.PairR)
	s.Clusters = len(predSize)
	return s
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Cluster runs the clustering evaluation: the gold file in file order, in
// published order when it has times, then Shuffle random orders, each
// through the ingest pipeline (opt.Ingest) or the clusterer in memory.
func Cluster(ctx context.Context, opt ClusterOptions) (*ClusterReport, error) {
	start := time.Now()
	docs, err := ReadGold(ctx, opt.Gold, opt.Label)
	if err != nil {
		return nil, err
	}
	level := Level(opt.Label)
	gold := make([]string, len(docs))
	for i, d := range docs {
		gold[i] = d.Label
	}
	rep := &ClusterReport{Gold: opt.Gold, Label: opt.Label, Level: level, Docs: len(docs), GoldClusters: countDistinct(gold), Entities: opt.Entities}
	var runner orderRunner
	if opt.Ingest {
		rep.Mode = ModeIngest
		runner = &ingestRunner{docs: docs, opt: opt, level: level}
	} else {
		rep.Mode = ModeMemory
		runner = newMemoryRunner(docs, opt, level)
	}
	run := func(what string, order []int) (ClusterScore, error) {
		pred, err := runner.run(ctx, order)
		if err != nil {
			return ClusterScore{}, fmt.Errorf("%s: %w", what, err)
		}
		return ScoreClusters(pred, gold), nil
	}
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	if rep.FileOrder, err = run("file order", order); err != nil {
		return nil, err
	}
	if slices.ContainsFunc(docs, func(d GoldDoc) bool { return !d.Published.IsZero() }) {
		byTime := slices.Clone(order)
		slices.SortStableFunc(byTime, func(a, b int) int { return docs[a].Published.Compare(docs[b].Published) })
		s, err := run("time order", byTime)
		if err != nil {
			return nil, err
		}
		rep.TimeOrder = &s
	}
	rng := shuffler(opt.Seed)
	for k := range opt.Shuffle {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		o := slices.Clone(order)
		rng.Shuffle(len(o), func(i, j int) { o[i], o[j] = o[j], o[i] })
		s, err := run(fmt.Sprintf("shuffle %d", k+1), o)
		if err != nil {
			return nil, err
		}
		rep.Shuffles = append(rep.Shuffles, s)
	}
	rep.Mean, rep.SD = meanSD(append([]ClusterScore{rep.FileOrder}, rep.Shuffles...))
	runner.speed(rep)
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// orderRunner runs one arrival order of the gold documents and returns
// each document's predicted cluster, indexed like the documents.
type orderRunner interface {
	run(ctx context.Context, order []int) ([]string, error)
	// speed fills the report's speed figures (and, through ingest, its
	// counts) from the runs so far.
	speed(rep *ClusterReport)
}

// memoryRunner is the in-memory path: vectors made once, a clusterer per
// order.
type memoryRunner struct {
	docs   []GoldDoc
	vs     []*cluster.Vector
	opt    ClusterOptions
	level  string
	perVec float64
	assign time.Duration
	runs   int
}

func newMemoryRunner(docs []GoldDoc, opt ClusterOptions, level string) *memoryRunner {
	m := &memoryRunner{docs: docs, opt: opt, level: level}
	t0 := time.Now()
	m.vs = Vectorize(docs, opt.Entities)
	if d := time.Since(t0); d > 0 {
		m.perVec = float64(len(docs)) / d.Seconds()
	}
	return m
}

func (m *memoryRunner) run(_ context.Context, order []int) ([]string, error) {
	t := time.Now()
	pred, err := runVectors(m.docs, m.vs, order, m.opt.Params, m.level)
	m.assign += time.Since(t)
	m.runs++
	if err != nil {
		return nil, fmt.Errorf("cluster: %w", err)
	}
	return pred, nil
}

func (m *memoryRunner) speed(rep *ClusterReport) {
	rep.VectorizePerSecond = m.perVec
	if m.assign > 0 {
		rep.PerSecond = float64(len(m.docs)*m.runs) / m.assign.Seconds()
	}
}

// shuffler returns the random source of the --shuffle orders for seed:
// the k-th order is the k-th Shuffle of a copy of file order.
func shuffler(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d))
}

func countDistinct(xs []string) int {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return len(m)
}

// meanSD returns the mean and the sample standard deviation of each figure.
func meanSD(ss []ClusterScore) (mean, sd ClusterScore) {
	get := func(s *ClusterScore) []*float64 {
		return []*float64{&s.BCubedP, &s.BCubedR, &s.BCubedF1, &s.PairP, &s.PairR, &s.PairF1}
	}
	n := float64(len(ss))
	if n == 0 {
		return
	}
	mf, sf := get(&mean), get(&sd)
	var clusters float64
	for _, s := range ss {
		for k, p := range get(&s) {
			*mf[k] += *p / n
		}
		clusters += float64(s.Clusters) / n
	}
	mean.Clusters = int(math.Round(clusters))
	if len(ss) < 2 {
		return
	}
	for _, s := range ss {
		for k, p := range get(&s) {
			d := *p - *mf[k]
			*sf[k] += d * d / (n - 1)
		}
	}
	for _, p := range sf {
		*p = math.Sqrt(*p)
	}
	return
}

// Write prints the report as a table.
func (r *ClusterReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "gold\t%s (label %s, scored as %s)\n", r.Gold, r.Label, r.Level)
	fmt.Fprintf(tw, "articles\t%d in %d gold clusters\n", r.Docs, r.GoldClusters)
	fmt.Fprintln(tw, "\tB3 P\tB3 R\tB3 F1\tpair P\tpair R\tpair F1\tclusters")
	row := func(name string, s ClusterScore) {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\n", name, s.BCubedP, s.BCubedR, s.BCubedF1, s.PairP, s.PairR, s.PairF1, s.Clusters)
	}
	row("file order", r.FileOrder)
	if r.TimeOrder != nil {
		row("time order", *r.TimeOrder)
	}
	if len(r.Shuffles) > 0 {
		row(fmt.Sprintf("mean of %d", len(r.Shuffles)+1), r.Mean)
		fmt.Fprintf(tw, "sd\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", r.SD.BCubedP, r.SD.BCubedR, r.SD.BCubedF1, r.SD.PairP, r.SD.PairR, r.SD.PairF1)
	}
	if r.Mode == ModeIngest {
		stages := "parse, clean, copies, entities, clusters"
		if !r.Entities {
			stages = "parse, clean, copies, clusters on capitalised spans"
		}
		fmt.Fprintf(tw, "path\tingest: a fresh store per order (%s)\n", stages)
		if c := r.Ingested; c != nil {
			fmt.Fprintf(tw, "ingested\tfile order: stored %d, already held %d (scored as the stored twin), refused %d, full copies %d; gold lines unplaced %d\n",
				c.Stored, c.Held, c.Refused, c.FullCopies, c.Unplaced)
		}
		fmt.Fprintf(tw, "speed\t%.0f articles/s through ingest, end to end (all cores)\n", r.PerSecond)
		return tw.Flush()
	}
	fmt.Fprintln(tw, "path\tin memory (--fast): texts vectorised once, the clusterer run per order")
	stage := "vectorised"
	if r.Entities {
		stage = "through the entity stage and vectorised"
	}
	fmt.Fprintf(tw, "speed\t%.0f articles/s assigned, %.0f articles/s %s (all cores)\n", r.PerSecond, r.VectorizePerSecond, stage)
	return tw.Flush()
}
