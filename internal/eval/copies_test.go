package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const copiesDUCDir = "../../../shared/data/duc2006"

func needCopiesDUC(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(copiesDUCDir, "duc2006.jsonl")); err != nil {
		t.Skip("../shared/data/duc2006 not found: run from a checkout with shared/ beside it")
	}
}

// TestCopies runs the copy evaluation on both halves of DUC and holds the
// issue's targets.
func TestCopies(t *testing.T) {
	needCopiesDUC(t)
	for _, split := range []string{"dev", "test"} {
		t.Run(split, func(t *testing.T) {
			rep, err := Copies(context.Background(), CopiesOptions{Data: copiesDUCDir, Seed: 1, Split: split})
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := rep.Write(&b); err != nil {
				t.Fatal(err)
			}
			t.Log("\n" + b.String())
			for _, c := range []struct {
				name      string
				got, want float64
			}{
				{"full precision", rep.Full.Precision, 0.99},
				{"partial precision", rep.Partial.Precision, 0.99},
				{"full recall", rep.Full.Recall, 0.97},
				{"partial recall", rep.Partial.Recall, 0.90},
				{"original right", rep.OriginalRight, 0.95},
			} {
				if c.got < c.want {
					t.Errorf("%s %.3f, want ≥ %.2f", c.name, c.got, c.want)
				}
			}
			if rep.Full.Labelled < 100 || rep.Partial.Labelled < 20 {
				t.Errorf("set too small: %d full and %d partial copies", rep.Full.Labelled, rep.Partial.Labelled)
			}
		})
	}
}
