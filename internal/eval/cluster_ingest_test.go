package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/cluster"
)

// ingestFixture is our own small labelled set: three events (a ferry
// grounding, an orchard blight, a telescope mirror), a verbatim copy of
// ferry-1 from another outlet, and orchard-1 given twice.
const ingestFixture = "testdata/cluster/ingest.jsonl"

// emptyTempDir points os.TempDir at a fresh directory and returns it, so
// that a test can see what the evaluation left behind.
func emptyTempDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	return dir
}

func assertNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	left, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Errorf("temporary stores left behind: %v", left)
	}
}

func TestIngestOrder(t *testing.T) {
	docs, err := ReadGold(context.Background(), ingestFixture, "event")
	if err != nil {
		t.Fatal(err)
	}
	index := func(id string) []int {
		var is []int
		for i, d := range docs {
			if d.ID == id {
				is = append(is, i)
			}
		}
		return is
	}
	orig, cp, twins := index("ferry-1"), index("ferry-1-copy"), index("orchard-1")
	if len(orig) != 1 || len(cp) != 1 || len(twins) != 2 {
		t.Fatalf("fixture changed: ferry-1 %v, ferry-1-copy %v, orchard-1 %v", orig, cp, twins)
	}
	fileOrder := make([]int, len(docs))
	for i := range fileOrder {
		fileOrder[i] = i
	}
	reversed := slices.Clone(fileOrder)
	slices.Reverse(reversed)
	tests := []struct {
		name  string
		order []int
		level string
	}{
		{"file order, events", fileOrder, "event"},
		{"file order, stories", fileOrder, "story"},
		// The copy arrives before its original.
		{"reversed, events", reversed, "event"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := emptyTempDir(t)
			opt := ClusterOptions{Params: cluster.DefaultOptions(), Entities: true}
			pred, counts, sum, err := ingestOrder(context.Background(), docs, tt.order, opt, tt.level)
			if err != nil {
				t.Fatal(err)
			}
			assertNoLeftovers(t, tmp)
			if len(pred) != len(docs) || slices.Contains(pred, "") {
				t.Fatalf("predictions %q for %d gold lines", pred, len(docs))
			}
			want := IngestCounts{Stored: len(docs) - 1, Held: 1, FullCopies: 1}
			if *counts != want || sum.Read != len(docs) {
				t.Errorf("counts %+v (read %d), want %+v (read %d)", *counts, sum.Read, want, len(docs))
			}
			if pred[cp[0]] != pred[orig[0]] {
				t.Errorf("the copy is in %s, its original in %s", pred[cp[0]], pred[orig[0]])
			}
			if pred[twins[0]] != pred[twins[1]] {
				t.Errorf("the repeated id is in %s and %s", pred[twins[0]], pred[twins[1]])
			}
			gold := make([]string, len(docs))
			for i, d := range docs {
				gold[i] = d.Label
			}
			if s := ScoreClusters(pred, gold); s.BCubedF1 < 0.99 {
				t.Errorf("B3 F1 %.3f on an easy fixture: %+v", s.BCubedF1, s)
			}
		})
	}
}

// TestClusterIngestAgreesWithFast runs the fixture both ways: on a set
// this easy the two paths must score alike, and the ingest report must say
// which path it measured.
func TestClusterIngestAgreesWithFast(t *testing.T) {
	for _, label := range []string{"event", "story"} {
		t.Run(label, func(t *testing.T) {
			tmp := emptyTempDir(t)
			opt := ClusterOptions{Gold: ingestFixture, Label: label, Shuffle: 2, Seed: 1, Params: cluster.DefaultOptions(), Entities: true}
			fast, err := Cluster(context.Background(), opt)
			if err != nil {
				t.Fatal(err)
			}
			opt.Ingest = true
			slow, err := Cluster(context.Background(), opt)
			if err != nil {
				t.Fatal(err)
			}
			assertNoLeftovers(t, tmp)
			if fast.Mode != ModeMemory || slow.Mode != ModeIngest {
				t.Errorf("modes %q and %q", fast.Mode, slow.Mode)
			}
			if slow.Docs != 9 || len(slow.Shuffles) != 2 || slow.TimeOrder == nil || slow.Ingested == nil {
				t.Fatalf("ingest report %+v", slow)
			}
			if slow.Ingested.Unplaced != 0 {
				t.Errorf("%d gold lines unplaced", slow.Ingested.Unplaced)
			}
			for _, c := range []struct {
				name       string
				fast, slow ClusterScore
			}{{"file order", fast.FileOrder, slow.FileOrder}, {"time order", *fast.TimeOrder, *slow.TimeOrder}, {"mean", fast.Mean, slow.Mean}} {
				if c.fast != c.slow {
					t.Errorf("%s: in memory %+v, through ingest %+v", c.name, c.fast, c.slow)
				}
				if c.slow.BCubedF1 < 0.99 {
					t.Errorf("%s: B3 F1 %.3f on an easy fixture", c.name, c.slow.BCubedF1)
				}
			}
			var b bytes.Buffer
			if err := slow.Write(&b); err != nil || !strings.Contains(b.String(), "ingest: a fresh store per order") || !strings.Contains(b.String(), "through ingest") {
				t.Errorf("ingest report table: %q, %v", b.String(), err)
			}
			b.Reset()
			if err := fast.Write(&b); err != nil || !strings.Contains(b.String(), "in memory (--fast)") {
				t.Errorf("in-memory report table: %q, %v", b.String(), err)
			}
		})
	}
}

// TestClusterIngestCancelled checks that a cancelled run stops with the
// context's error and leaves no temporary store behind.
func TestClusterIngestCancelled(t *testing.T) {
	tmp := emptyTempDir(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	docs, err := ReadGold(context.Background(), ingestFixture, "event")
	if err != nil {
		t.Fatal(err)
	}
	_, _, _, err = ingestOrder(ctx, docs, []int{0, 1, 2}, ClusterOptions{Params: cluster.DefaultOptions()}, "event")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	assertNoLeftovers(t, tmp)
}

// TestReadGoldRaw checks that each record keeps its line for the ingest
// mode, with the id the scoring looks it up by.
func TestReadGoldRaw(t *testing.T) {
	tests := []struct {
		name, in, wantID, wantRaw string
	}{
		{"as given", `{"id":"a1","text":"t","event":"e"}`, "a1", `{"id":"a1","text":"t","event":"e"}`},
		{"numeric id", `{"id":7,"text":"t","event":"e"}`, "7", `{"id":7,"text":"t","event":"e"}`},
		{"no id", `{"text":"t","event":"e"}`, "line-1", `{"event":"e","id":"line-1","text":"t"}`},
		{"blank id", `{"id":"  ","text":"t","event":"e"}`, "line-1", `{"event":"e","id":"line-1","text":"t"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := readGold(context.Background(), strings.NewReader(tt.in), "event")
			if err != nil || len(docs) != 1 {
				t.Fatalf("%v, %v", docs, err)
			}
			if docs[0].ID != tt.wantID || string(docs[0].Raw) != tt.wantRaw {
				t.Errorf("id %q raw %s, want %q %s", docs[0].ID, docs[0].Raw, tt.wantID, tt.wantRaw)
			}
		})
	}
}

// TestClusterIngestDUC runs DUC 2006 once through ingest, in file order,
// and guards its figure and what ingest makes of the file (nine ids given
// more than once: ten lines already held). It needs ../shared beside the
// checkout.
func TestClusterIngestDUC(t *testing.T) {
	if testing.Short() {
		t.Skip("development-set evaluation through ingest: skipped in -short mode")
	}
	if _, err := os.Stat(ducPath); err != nil {
		t.Skipf("%s not found: run from a checkout with shared/ beside it", ducPath)
	}
	rep, err := Cluster(context.Background(), ClusterOptions{Gold: ducPath, Label: "story", Params: cluster.DefaultOptions(), Entities: true, Ingest: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("DUC through ingest: file order B3 P %.3f R %.3f F1 %.3f, %d clusters; %+v", rep.FileOrder.BCubedP, rep.FileOrder.BCubedR, rep.FileOrder.BCubedF1, rep.FileOrder.Clusters, *rep.Ingested)
	if rep.Ingested.Held != 10 || rep.Ingested.Unplaced != 0 || rep.Ingested.Refused != 0 {
		t.Errorf("ingested %+v, want 10 held and none refused or unplaced", *rep.Ingested)
	}
	if rep.FileOrder.BCubedF1 < 0.86 {
		t.Errorf("B3 F1 %.3f below 0.86", rep.FileOrder.BCubedF1)
	}
}

// TestReadGoldSynthesisedIDsUnique: an id made up for a line without one
// must not be an id another line gives, or ingest would drop one of the
// two lines as already held and score it as the other.
func TestReadGoldSynthesisedIDsUnique(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"given later", `{"text":"a","event":"e1"}` + "\n" + `{"id":"line-1","text":"b","event":"e2"}`},
		{"given earlier", `{"id":"line-2","text":"a","event":"e1"}` + "\n" + `{"text":"b","event":"e2"}`},
		{"given with spaces", `{"text":"a","event":"e1"}` + "\n" + `{"id":" line-1 ","text":"b","event":"e2"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := readGold(context.Background(), strings.NewReader(tt.in), "event")
			if err != nil || len(docs) != 2 {
				t.Fatalf("%v, %v", docs, err)
			}
			if strings.TrimSpace(docs[0].ID) == strings.TrimSpace(docs[1].ID) {
				t.Errorf("both lines have id %q", docs[0].ID)
			}
			for _, d := range docs {
				var rec struct{ ID string }
				if err := json.Unmarshal(d.Raw, &rec); err != nil || rec.ID != d.ID {
					t.Errorf("raw %s does not carry id %q", d.Raw, d.ID)
				}
			}
		})
	}
}
