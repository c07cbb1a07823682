package entity

import (
	"fmt"
	"os"
	"testing"
)

// TestGoldDiag prints every gold error (GOLD_DIAG=1 go test -run
// TestGoldDiag -v; GOLD_DIAG=heldout for the held-out set).
func TestGoldDiag(t *testing.T) {
	if os.Getenv("GOLD_DIAG") == "" {
		t.Skip("a reading tool: set GOLD_DIAG=1 (or heldout) to print every gold error")
	}
	var docs []GoldDoc
	if os.Getenv("GOLD_DIAG") == "heldout" {
		var err error
		if docs, err = LoadHeldout(goldDir); err != nil {
			t.Fatal(err)
		}
	} else {
		docs = loadGold(t)
	}
	for _, d := range docs {
		pred := Default().Extract(d.Text)
		type k struct {
			s, e int
			t    Type
		}
		g := map[k]GoldMention{}
		for _, m := range d.Mentions {
			g[k{m.Start, m.End, m.Type}] = m
		}
		p := map[k]Mention{}
		for _, m := range pred {
			p[k{m.Start, m.End, m.Type}] = m
			if gm, ok := g[k{m.Start, m.End, m.Type}]; !ok {
				fmt.Printf("%s%s FP %s %q canon=%q role=%q\n", d.ID, d.File, m.Type, m.Text, m.Canonical, m.Role)
			} else if gm.Canonical != m.Canonical {
				fmt.Printf("%s%s CANON %s %q got %q want %q\n", d.ID, d.File, m.Type, m.Text, m.Canonical, gm.Canonical)
			}
		}
		for _, m := range d.Mentions {
			if _, ok := p[k{m.Start, m.End, m.Type}]; !ok {
				fmt.Printf("%s%s FN %s %q\n", d.ID, d.File, m.Type, m.Text)
			}
		}
	}
}
