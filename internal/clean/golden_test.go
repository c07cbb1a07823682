package clean

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden cleans each fictional article testdata/golden/NAME.txt and
// compares the result with NAME.json. To accept a change in the output:
//
//	go test ./internal/clean -run Golden -update
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	c := New(DefaultOptions())
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			a := &article.Article{Paragraphs: paragraphs(string(raw))}
			c.Clean(a)
			got, err := json.MarshalIndent(struct {
				Paragraphs []string          `json:"paragraphs"`
				Removed    []article.Removed `json:"removed"`
				Captions   []string          `json:"captions"`
				Credits    []article.Credit  `json:"credits"`
			}{a.Paragraphs, a.Removed, a.Captions, a.Credits}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(in, ".txt") + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("cleaned %s differs from %s (run with -update to accept):\n%s", in, golden, got)
			}
		})
	}
}
