package eval

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/cluster"
)

// TestClusterDiag prints, for one development set in file order (or in
// published order with CLUSTER_ORDER=time, or in the k-th random order of
// `eval cluster --shuffle` with CLUSTER_ORDER=shuffleK), each predicted cluster that
// mixes gold clusters or splits one, so that a change can be judged by the
// errors it makes and not only by the score. CLUSTER_STRAYS=1 also lists
// each article outside its gold cluster's largest predicted cluster, with
// its title and where it went; CLUSTER_DUMP=FILE writes each article's id,
// gold label, predicted cluster and predicted event as tab-separated lines,
// for analysis outside Go:
//
//	CLUSTER_SET=event go test ./internal/eval -run TestClusterDiag -cluster.tune -v
func TestClusterDiag(t *testing.T) {
	docs, set := diagDocs(t)
	order := make([]int, len(docs))
	gold := make([]string, len(docs))
	for i, d := range docs {
		order[i], gold[i] = i, d.Label
	}
	switch o := os.Getenv("CLUSTER_ORDER"); {
	case o == "time":
		slices.SortStableFunc(order, func(a, b int) int { return docs[a].Published.Compare(docs[b].Published) })
	case strings.HasPrefix(o, "shuffle"):
		// The k-th random order of `eval cluster --shuffle` (seed 1).
		k, err := strconv.Atoi(strings.TrimPrefix(o, "shuffle"))
		if err != nil || k < 1 {
			t.Fatalf("CLUSTER_ORDER=%s: want time or shuffleK, K from 1", o)
		}
		rng := shuffler(1)
		base := slices.Clone(order)
		for range k {
			order = slices.Clone(base)
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
	}
	pred, err := RunClusterer(docs, order, diagOptions(t), Level(set), entitiesOn())
	if err != nil {
		t.Fatal(err)
	}
	s := ScoreClusters(pred, gold)
	if f := os.Getenv("CLUSTER_DUMP"); f != "" {
		var b strings.Builder
		evs, err := RunClusterer(docs, order, diagOptions(t), "event", entitiesOn())
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range docs {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", d.ID, gold[i], pred[i], evs[i])
		}
		if err := os.WriteFile(f, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Printf("B3 P %.3f R %.3f F1 %.3f clusters %d\n", s.BCubedP, s.BCubedR, s.BCubedF1, s.Clusters)
	byPred := map[string]map[string]int{}
	byGold := map[string]map[string]int{}
	for i := range docs {
		if byPred[pred[i]] == nil {
			byPred[pred[i]] = map[string]int{}
		}
		if byGold[gold[i]] == nil {
			byGold[gold[i]] = map[string]int{}
		}
		byPred[pred[i]][gold[i]]++
		byGold[gold[i]][pred[i]]++
	}
	show := func(m map[string]int) string {
		ks := slices.Sorted(maps.Keys(m))
		slices.SortStableFunc(ks, func(a, b string) int { return cmp.Compare(m[b], m[a]) })
		var parts []string
		for _, k := range ks {
			parts = append(parts, fmt.Sprintf("%s:%d", k, m[k]))
		}
		return strings.Join(parts, " ")
	}
	fmt.Println("mixed predicted clusters:")
	for _, p := range slices.Sorted(maps.Keys(byPred)) {
		if len(byPred[p]) > 1 {
			fmt.Printf("  %s  %s\n", p, show(byPred[p]))
		}
	}
	fmt.Println("split gold clusters:")
	for _, g := range slices.Sorted(maps.Keys(byGold)) {
		if len(byGold[g]) > 1 {
			fmt.Printf("  %s  %s\n", g, show(byGold[g]))
		}
	}
	if os.Getenv("CLUSTER_STRAYS") == "" {
		return
	}
	// Each article outside its gold cluster's largest predicted cluster.
	fmt.Println("strays:")
	for i, d := range docs {
		m := byGold[gold[i]]
		best := ""
		for _, p := range slices.Sorted(maps.Keys(m)) {
			if best == "" || m[p] > m[best] {
				best = p
			}
		}
		if pred[i] != best {
			first := strings.SplitN(strings.TrimSpace(d.Title+" | "+d.Text), "\n", 2)[0]
			fmt.Printf("  %-24s %-7s in %s (%s)  %.90q\n", d.ID, gold[i], pred[i], show(byPred[pred[i]]), first)
		}
	}
}

// TestClusterTrace prints, for one development set in file order, each
// article that joined an event whose majority gold label is not its own,
// with the score, and each that started a new event although its gold
// cluster already had one.
//
//	CLUSTER_SET=event go test ./internal/eval -run TestClusterTrace -cluster.tune -v
func TestClusterTrace(t *testing.T) {
	docs, set := diagDocs(t)
	c, err := cluster.New(diagOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	vs := Vectorize(docs, entitiesOn())
	members := map[string]map[string]int{} // cluster → gold → count
	goldSeen := map[string]bool{}
	for i, d := range docs {
		a := c.AssignVector(vs[i])
		id := a.EventID
		isNew := a.NewEvent
		if set == "story" {
			id, isNew = a.StoryID, a.NewStory
		}
		for _, m := range a.Merges {
			fmt.Printf("  merge %s %s → %s\n", m.Kind, m.From, m.To)
		}
		id = c.Resolve(id)
		m := members[id]
		if m == nil {
			m = map[string]int{}
			members[id] = m
		}
		maj, best := "", 0
		for _, g := range slices.Sorted(maps.Keys(m)) {
			if m[g] > best {
				maj, best = g, m[g]
			}
		}
		first := strings.SplitN(d.Text, "\n", 2)[0]
		if len(first) > 70 {
			first = first[:70]
		}
		switch {
		case isNew && goldSeen[d.Label]:
			fmt.Printf("%-14s %-12s new %s  %q\n", d.ID, d.Label, id, first)
		case !isNew && maj != "" && maj != d.Label:
			fmt.Printf("%-14s %-12s JOINED %s (%s) score %.3f  %q\n", d.ID, d.Label, id, show1(m), a.Score, first)
		}
		m[d.Label]++
		goldSeen[d.Label] = true
	}
}

func show1(m map[string]int) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s:%d", k, m[k]))
	}
	return strings.Join(parts, " ")
}

// diagDocs reads the development set CLUSTER_SET names ("story": DUC
// 2006, else ECB+ events), or skips.
func diagDocs(t *testing.T) ([]GoldDoc, string) {
	t.Helper()
	if !*tune {
		t.Skip("diagnosis: enable with -cluster.tune")
	}
	set, path := "event", ecbPath
	if os.Getenv("CLUSTER_SET") == "story" {
		set, path = "story", ducPath
	}
	docs, err := ReadGold(context.Background(), path, set)
	if err != nil {
		t.Skipf("%v: run from a checkout with shared/ beside it", err)
	}
	return docs, set
}

// diagOptions are the defaults with CLUSTER_OPTS (partial options as
// JSON) applied.
func diagOptions(t *testing.T) cluster.Options {
	opt := cluster.DefaultOptions()
	if js := os.Getenv("CLUSTER_OPTS"); js != "" {
		if err := json.Unmarshal([]byte(js), &opt); err != nil {
			t.Fatal(err)
		}
	}
	return opt
}
