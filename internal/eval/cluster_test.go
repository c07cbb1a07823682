package eval

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
)

// Paths of the development sets, relative to this package.
const (
	ecbPath = "../../../shared/data/ecbplus/ecbplus-dev.jsonl"
	ducPath = "../../../shared/data/duc2006/duc2006.jsonl"
)

func nearScore(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreClusters(t *testing.T) {
	tests := []struct {
		name       string
		pred, gold []string
		want       ClusterScore
	}{
		{"perfect", []string{"x", "x", "y"}, []string{"a", "a", "b"},
			ClusterScore{BCubedP: 1, BCubedR: 1, BCubedF1: 1, PairP: 1, PairR: 1, PairF1: 1, Clusters: 2}},
		{"all singletons", []string{"x", "y", "z"}, []string{"a", "a", "a"},
			ClusterScore{BCubedP: 1, BCubedR: 1.0 / 3, BCubedF1: 0.5, PairP: 1, PairR: 0, PairF1: 0, Clusters: 3}},
		{"one cluster", []string{"x", "x", "x", "x"}, []string{"a", "a", "b", "b"},
			ClusterScore{BCubedP: 0.5, BCubedR: 1, BCubedF1: 2.0 / 3, PairP: 2.0 / 6, PairR: 1, PairF1: 0.5, Clusters: 1}},
		// Amigó et al.'s worked case: one document misplaced.
		{"one misplaced", []string{"x", "x", "x", "y"}, []string{"a", "a", "b", "b"},
			ClusterScore{BCubedP: (2.0/3 + 2.0/3 + 1.0/3 + 1) / 4, BCubedR: (1 + 1 + 0.5 + 0.5) / 4, PairP: 1.0 / 3, PairR: 0.5, Clusters: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreClusters(tt.pred, tt.gold)
			if tt.want.BCubedF1 == 0 && tt.want.BCubedP > 0 {
				tt.want.BCubedF1 = f1(tt.want.BCubedP, tt.want.BCubedR)
				tt.want.PairF1 = f1(tt.want.PairP, tt.want.PairR)
			}
			for _, c := range []struct {
				name      string
				got, want float64
			}{
				{"B3 P", got.BCubedP, tt.want.BCubedP}, {"B3 R", got.BCubedR, tt.want.BCubedR}, {"B3 F1", got.BCubedF1, tt.want.BCubedF1},
				{"pair P", got.PairP, tt.want.PairP}, {"pair R", got.PairR, tt.want.PairR}, {"pair F1", got.PairF1, tt.want.PairF1},
			} {
				if !nearScore(c.got, c.want) {
					t.Errorf("%s = %.4f, want %.4f", c.name, c.got, c.want)
				}
			}
			if got.Clusters != tt.want.Clusters {
				t.Errorf("clusters = %d, want %d", got.Clusters, tt.want.Clusters)
			}
		})
	}
}

func TestReadGold(t *testing.T) {
	docs, err := ReadGold(context.Background(), "testdata/cluster/gold.jsonl", "story")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 5 {
		t.Fatalf("%d docs, want 5 (blank lines skipped)", len(docs))
	}
	if d := docs[1]; d.Label != "dam" || len(d.Labels) != 2 || !d.Published.Equal(time.Date(2025, 3, 11, 5, 0, 0, 0, time.UTC)) {
		t.Errorf("list label or US date misread: %+v", d)
	}
	if _, err := readGold(context.Background(), strings.NewReader(`{"id":"x","text":"t"}`), "event"); !errors.Is(err, ErrNoLabel) {
		t.Errorf("missing label: err = %v, want ErrNoLabel", err)
	}
	if _, err := readGold(context.Background(), strings.NewReader(`{"id":"x","event":7}`), "event"); err == nil {
		t.Error("a numeric label was accepted")
	}
	if _, err := readGold(context.Background(), strings.NewReader(`{"id":`), "event"); err == nil {
		t.Error("broken JSON was accepted")
	}
	if _, err := ReadGold(context.Background(), "testdata/cluster/missing.jsonl", "event"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v", err)
	}
}

func TestParseGoldTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"1999-07-07 08:30:27", time.Date(1999, 7, 7, 8, 30, 27, 0, time.UTC)},
		{"2000-01-08 01:42", time.Date(2000, 1, 8, 1, 42, 0, 0, time.UTC)},
		{"06/05/1998 06:50:00", time.Date(1998, 6, 5, 6, 50, 0, 0, time.UTC)},
		{"1998-30-06 11:49:00", time.Date(1998, 6, 30, 11, 49, 0, 0, time.UTC)},
		{"2019-05-14T10:00:00+03:00", time.Date(2019, 5, 14, 7, 0, 0, 0, time.UTC)},
		{"1996-10-11", time.Date(1996, 10, 11, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseGoldTime(tt.in)
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("ParseGoldTime(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
	if _, err := ParseGoldTime("next Tuesday"); err == nil {
		t.Error("nonsense parsed")
	}
}

func TestClusterFixture(t *testing.T) {
	for _, label := range []string{"event", "story"} {
		t.Run(label, func(t *testing.T) {
			rep, err := Cluster(context.Background(), ClusterOptions{Gold: "testdata/cluster/gold.jsonl", Label: label, Shuffle: 4, Seed: 1, Params: cluster.DefaultOptions()})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Level != label || rep.Docs != 5 || len(rep.Shuffles) != 4 {
				t.Fatalf("report %+v", rep)
			}
			if rep.FileOrder.BCubedF1 < 0.99 {
				t.Errorf("file order B3 F1 %.3f on an easy fixture: %+v", rep.FileOrder.BCubedF1, rep.FileOrder)
			}
			// The fixture is dated: it is also run in published order,
			// and that run is not in the mean of file order and shuffles.
			if rep.TimeOrder == nil || rep.TimeOrder.BCubedF1 < 0.99 {
				t.Errorf("time order %+v on an easy dated fixture", rep.TimeOrder)
			}
			var b bytes.Buffer
			if err := rep.Write(&b); err != nil || !strings.Contains(b.String(), "B3 F1") || !strings.Contains(b.String(), "time order") {
				t.Errorf("report table: %q, %v", b.String(), err)
			}
		})
	}
}

func TestBaselineFixture(t *testing.T) {
	docs, err := ReadGold(context.Background(), "testdata/cluster/gold.jsonl", "event")
	if err != nil {
		t.Fatal(err)
	}
	rows := Baseline(docs, []float64{0.99, 0.0001})
	if rows[0].Score.Clusters != 5 {
		t.Errorf("at 0.99 the baseline made %d clusters, want 5 singletons", rows[0].Score.Clusters)
	}
	if rows[1].Score.Clusters > 2 {
		t.Errorf("at 0.0001 the baseline made %d clusters", rows[1].Score.Clusters)
	}
	d := AverageLink(BaselineVectors(docs))
	for k := 1; k < len(d.Height); k++ {
		if d.Height[k] > d.Height[k-1]+1e-12 {
			t.Errorf("merge heights rise at %d: %v", k, d.Height)
		}
	}
}

// TestClusterData guards the development figures: it fails if a change
// drops B-cubed F1 clearly below what the defaults reach (see doc.go for
// the figures).
func TestClusterData(t *testing.T) {
	if testing.Short() {
		t.Skip("development-set evaluation: skipped in -short mode")
	}
	// Floors a little under the figures of file order on capitalised spans
	// (no entity stage: ECB+ 0.926, DUC 0.876) and DUC's time order: the
	// runs are deterministic, so only a change moves them.
	for _, set := range []struct {
		path, label      string
		floor, timeFloor float64
	}{{ecbPath, "event", 0.91, 0}, {ducPath, "story", 0.86, 0.87}} {
		t.Run(set.label, func(t *testing.T) {
			if _, err := os.Stat(set.path); err != nil {
				t.Skipf("%s not found: run from a checkout with shared/ beside it", set.path)
			}
			rep, err := Cluster(context.Background(), ClusterOptions{Gold: set.path, Label: set.label, Params: cluster.DefaultOptions()})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: B3 P %.3f R %.3f F1 %.3f, pairwise F1 %.3f, %d clusters (gold %d), %.0f articles/s",
				set.label, rep.FileOrder.BCubedP, rep.FileOrder.BCubedR, rep.FileOrder.BCubedF1, rep.FileOrder.PairF1, rep.FileOrder.Clusters, rep.GoldClusters, rep.PerSecond)
			if rep.TimeOrder != nil {
				t.Logf("%s in time order: B3 F1 %.3f", set.label, rep.TimeOrder.BCubedF1)
			}
			if rep.FileOrder.BCubedF1 < set.floor {
				t.Errorf("B3 F1 %.3f below %.2f", rep.FileOrder.BCubedF1, set.floor)
			}
			if set.timeFloor > 0 && (rep.TimeOrder == nil || rep.TimeOrder.BCubedF1 < set.timeFloor) {
				t.Errorf("time order %+v: B3 F1 below %.2f", rep.TimeOrder, set.timeFloor)
			}
		})
	}
}

func FuzzReadGold(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"t","event":"e"}`,
		`{"id":"a","story":["x","y"],"published":"06/05/1998 06:50:00"}`,
		`{"id":"a","event":""}` + "\n\n" + `{"event":"b"}`,
		`{"event":null}`, `[1,2]`, `{"id":`, "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := readGold(context.Background(), strings.NewReader(s), "event")
		if err != nil {
			return
		}
		for _, d := range docs {
			if d.ID == "" || len(d.Labels) == 0 || d.Label != d.Labels[0] {
				t.Fatalf("doc %+v from %q", d, s)
			}
		}
	})
}

func FuzzParseGoldTime(f *testing.F) {
	for _, s := range []string{"1999-07-07 08:30:27", "06/05/1998 06:50:00", "1998-30-06 11:49:00", "", "2019-05-14T10:00:00+03:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := ParseGoldTime(s)
		if err == nil && tm.Location() != time.UTC {
			t.Fatalf("ParseGoldTime(%q) = %v, not UTC", s, tm)
		}
	})
}
