package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/cluster"
)

// tune prints parameter sweeps on the development sets: go test
// ./internal/eval -run TestClusterTune -cluster.tune -v
var tune = flag.Bool("cluster.tune", false, "sweep clustering parameters on the development sets")

func TestClusterTune(t *testing.T) {
	if !*tune {
		t.Skip("parameter sweep: enable with -cluster.tune")
	}
	ctx := context.Background()
	for _, set := range []struct{ path, label string }{{ecbPath, "event"}, {ducPath, "story"}} {
		if only := os.Getenv("CLUSTER_SET"); only != "" && only != set.label {
			continue
		}
		if _, err := os.Stat(set.path); err != nil {
			t.Skipf("%s not found: run from a checkout with shared/ beside it", set.path)
		}
		docs, err := ReadGold(ctx, set.path, set.label)
		if err != nil {
			t.Fatal(err)
		}
		gold := make([]string, len(docs))
		order := make([]int, len(docs))
		for i, d := range docs {
			gold[i], order[i] = d.Label, i
		}
		for _, th := range thresholds() {
			opt := cluster.DefaultOptions()
			if js := os.Getenv("CLUSTER_OPTS"); js != "" {
				if err := json.Unmarshal([]byte(js), &opt); err != nil {
					t.Fatal(err)
				}
			}
			if set.label == "event" {
				opt.EventThreshold = th
			} else {
				opt.StoryThreshold = th
			}
			pred, err := RunClusterer(docs, order, opt, Level(set.label), entitiesOn())
			if err != nil {
				t.Fatal(err)
			}
			s := ScoreClusters(pred, gold)
			fmt.Printf("%s th=%.2f B3 P %.3f R %.3f F1 %.3f pairF1 %.3f clusters %d\n", set.label, th, s.BCubedP, s.BCubedR, s.BCubedF1, s.PairF1, s.Clusters)
		}
	}
}

func thresholds() []float64 {
	if s := os.Getenv("CLUSTER_TH"); s != "" {
		var th []float64
		if err := json.Unmarshal([]byte(s), &th); err == nil {
			return th
		}
	}
	return []float64{0.15, 0.2, 0.25, 0.3, 0.35}
}

func TestClusterBaselineSweep(t *testing.T) {
	if !*tune {
		t.Skip("baseline sweep: enable with -cluster.tune")
	}
	for _, set := range []struct{ path, label string }{{ecbPath, "event"}, {ducPath, "story"}} {
		docs, err := ReadGold(context.Background(), set.path, set.label)
		if err != nil {
			t.Skipf("%v: run from a checkout with shared/ beside it", err)
		}
		for _, r := range Baseline(docs, []float64{0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.35}) {
			s := r.Score
			fmt.Printf("baseline %s th=%.2f B3 P %.3f R %.3f F1 %.3f pairF1 %.3f clusters %d\n", set.label, r.Threshold, s.BCubedP, s.BCubedR, s.BCubedF1, s.PairF1, s.Clusters)
		}
	}
}

// TestClusterGrid runs each option set of CLUSTER_GRID (a JSON list of
// partial Options) over file order and CLUSTER_SHUFFLE random orders.
func TestClusterGrid(t *testing.T) {
	if !*tune || os.Getenv("CLUSTER_GRID") == "" {
		t.Skip("grid: enable with -cluster.tune and CLUSTER_GRID")
	}
	var grid []json.RawMessage
	if err := json.Unmarshal([]byte(os.Getenv("CLUSTER_GRID")), &grid); err != nil {
		t.Fatal(err)
	}
	shuffles := 3
	if s := os.Getenv("CLUSTER_SHUFFLE"); s != "" {
		fmt.Sscan(s, &shuffles)
	}
	for _, set := range []struct{ path, label string }{{ecbPath, "event"}, {ducPath, "story"}} {
		if only := os.Getenv("CLUSTER_SET"); only != "" && only != set.label {
			continue
		}
		for _, g := range grid {
			opt := cluster.DefaultOptions()
			if err := json.Unmarshal(g, &opt); err != nil {
				t.Fatal(err)
			}
			path := set.path
			if half := os.Getenv("CLUSTER_HALF"); half != "" {
				path = halfFile(t, set.path, set.label, half)
			}
			rep, err := Cluster(context.Background(), ClusterOptions{Gold: path, Label: set.label, Shuffle: shuffles, Seed: 1, Params: opt, Entities: entitiesOn()})
			if err != nil {
				t.Fatal(err)
			}
			// Each order's F1 too: variants run over the same orders,
			// so compare them order by order, not only by their means.
			orders := fmt.Sprintf("%.3f", rep.FileOrder.BCubedF1)
			for _, s := range rep.Shuffles {
				orders += fmt.Sprintf(" %.3f", s.BCubedF1)
			}
			fmt.Printf("%s %s file %.3f mean %.3f sd %.3f P %.3f R %.3f pairF1 %.3f clusters %d orders [%s]\n", set.label, g, rep.FileOrder.BCubedF1, rep.Mean.BCubedF1, rep.SD.BCubedF1, rep.Mean.BCubedP, rep.Mean.BCubedR, rep.Mean.PairF1, rep.Mean.Clusters, orders)
		}
	}
}

// halfFile writes the records of path whose topic (ECB+'s "topic", else
// the label) has an odd ("odd") or even ("even") position in order of
// first appearance to a temporary file, for tuning on one half of the
// topics and testing on the other.
func halfFile(t *testing.T, path, label, half string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := ReadGold(context.Background(), path, label)
	if err != nil {
		t.Fatal(err)
	}
	pos := map[string]int{}
	var out []byte
	lines := bytes.Split(b, []byte("\n"))
	k := 0
	for _, line := range lines {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		d := docs[k]
		k++
		topic := d.Topic
		if topic == "" {
			topic = d.Label
		}
		if _, ok := pos[topic]; !ok {
			pos[topic] = len(pos)
		}
		if (pos[topic]%2 == 1) == (half == "odd") {
			out = append(append(out, line...), '\n')
		}
	}
	p := filepath.Join(t.TempDir(), "half.jsonl")
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// entitiesOn reports whether the sweeps run the entity stage first, as
// ingest does: set CLUSTER_ENTITIES=0 for capitalised spans.
func entitiesOn() bool { return os.Getenv("CLUSTER_ENTITIES") != "0" }
