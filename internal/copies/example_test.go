package copies_test

import (
	"context"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/copies"
)

func Example() {
	wire := []string{
		"PORT HALVARD, Valdoria (Meridian Wire) — Dockworkers at Port Halvard walked out on Monday after talks over pay and night shifts broke down, leaving more than forty container ships waiting at anchor.",
		"The union said the strike would last until the Harbour Authority returned to the table with an offer that matched inflation. The authority said its offer of four per cent was final.",
		"Shipping lines began diverting vessels to Port Sellan, two hundred kilometres to the south, where officials said they could take only a fraction of the extra traffic.",
	}
	repost := append(append([]string{}, wire...),
		"Gideon Farrow is the founder of The Lanternpost and writes about the nation and its future.")

	src := &copies.MemSource{}
	d := copies.New(src, copies.DefaultOptions())
	ctx := context.Background()
	day := time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)
	// The repost arrives first; the wire story is back-filled later.
	for _, doc := range []*copies.Doc{
		{ID: "lp-strike", Source: "The Lanternpost", Published: day.Add(3 * time.Hour), Paragraphs: repost},
		{ID: "mw-strike", Source: "Meridian Wire", Published: day, Paragraphs: wire, IsWire: true},
	} {
		src.Put(doc)
		dec, err := d.Add(ctx, doc)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, c := range dec.Changes {
			fmt.Println(c.Kind, c.Group, c.To)
		}
	}
	g, _ := d.Group("lp-strike")
	fmt.Println(g.ID, g.Original, g.Reason)
	st, _ := d.Status("lp-strike")
	fmt.Println(st.CopyOf, st.Kind, st.Containment)
	for _, c := range copies.Diff(wire, repost) {
		fmt.Println(c.Op, c.Original, c.Copy)
	}
	// Output:
	// created lp-strike lp-strike
	// joined lp-strike mw-strike
	// lp-strike mw-strike earliest published
	// mw-strike full 1
	// same 0 0
	// same 1 1
	// same 2 2
	// added -1 3
}
