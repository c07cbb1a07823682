package quote

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.jsonl from the current output")

// TestGolden runs Extract on each testdata/*.txt (fictional articles we
// wrote) and compares the JSON lines with testdata/*.golden.jsonl.
func TestGolden(t *testing.T) {
	ins, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(ins) == 0 {
		t.Fatalf("no testdata/*.txt: %v", err)
	}
	for _, in := range ins {
		t.Run(filepath.Base(in), func(t *testing.T) {
			b, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := WriteJSONL(&got, string(b), Extract(string(b), Options{})); err != nil {
				t.Fatal(err)
			}
			golden := in[:len(in)-len(".txt")] + ".golden.jsonl"
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/quote -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("output differs from %s (check the diff, then run go test ./internal/quote -run TestGolden -update):\n got:\n%s\nwant:\n%s", golden, got.Bytes(), want)
			}
		})
	}
}
