package entity

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json from the current output")

// TestGoldenOutput compares the extractor's entities on two demo articles
// (fictional, ours) with testdata/golden. After a deliberate change, read
// the diff and run go test ./internal/entity -run TestGoldenOutput -update.
func TestGoldenOutput(t *testing.T) {
	g, err := ReadGold(filepath.Join(goldDir, "demo.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"mw-20250514-sarnovo-talks": true, "vpb-20250916-ves-strait-hotline": true, "mw-20250303-halvard-walkout": true}
	n := 0
	for _, d := range g.Articles {
		if !want[d.ID] {
			continue
		}
		n++
		t.Run(d.ID, func(t *testing.T) {
			got, err := json.MarshalIndent(Group(Default().Extract(d.Text)), "", " ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", d.ID+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/entity -run TestGoldenOutput -update)", err)
			}
			if !bytes.Equal(b, got) {
				t.Errorf("output differs from %s (check, then run with -update):\n%s", path, got)
			}
		})
	}
	if n != len(want) {
		t.Fatalf("found %d of %d golden articles", n, len(want))
	}
}
