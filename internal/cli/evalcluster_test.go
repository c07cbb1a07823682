package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalCluster runs `eval cluster` on the eval package's small fixture
// both ways: through ingest by default, in memory with --fast.
func TestEvalCluster(t *testing.T) {
	gold := filepath.Join("..", "eval", "testdata", "cluster", "ingest.jsonl")
	tests := []struct {
		name     string
		args     []string
		wantMode string
		wantPath string
	}{
		{"ingest", nil, "ingest", "ingest: a fresh store per order"},
		{"fast", []string{"--fast"}, "memory", "in memory (--fast)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "unused.db")
			args := append([]string{"eval", "cluster", "--gold", gold, "--label", "story", "--shuffle", "1"}, tt.args...)
			out, stderr, code := run(t, db, "", append(args, "--json")...)
			if code != 0 {
				t.Fatalf("exit %d; stderr:\n%s", code, stderr)
			}
			var rep struct {
				Mode      string
				Docs      int
				FileOrder struct {
					F1 float64 `json:"bcubed_f1"`
				} `json:"file_order"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("--json output is not JSON: %v\n%s", err, out)
			}
			if rep.Mode != tt.wantMode || rep.Docs != 9 || rep.FileOrder.F1 < 0.99 {
				t.Errorf("report %+v, want mode %s, 9 docs, F1 1", rep, tt.wantMode)
			}
			out, stderr, code = run(t, db, "", args...)
			if code != 0 || !strings.Contains(out, tt.wantPath) {
				t.Errorf("exit %d, table without %q:\n%s%s", code, tt.wantPath, out, stderr)
			}
		})
	}
}
