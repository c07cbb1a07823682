package entity

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestDumpDir writes the mentions of every *.txt under $ENTITY_DUMP_DIR
// as JSON lines to $ENTITY_DUMP_OUT: a tool for reading the extractor's
// output on evaluation corpora, skipped unless both are set.
func TestDumpDir(t *testing.T) {
	dir, out := os.Getenv("ENTITY_DUMP_DIR"), os.Getenv("ENTITY_DUMP_OUT")
	if dir == "" || out == "" {
		t.Skip("a reading tool: set ENTITY_DUMP_DIR and ENTITY_DUMP_OUT to run it")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	enc := json.NewEncoder(w)
	x := Default()
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range x.Extract(string(b)) {
			enc.Encode(struct {
				File string `json:"file"`
				Mention
			}{filepath.Base(p), m})
		}
	}
}
