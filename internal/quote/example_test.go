package quote_test

import (
	"fmt"

	"github.com/parallax-news/parallax/internal/quote"
)

func Example() {
	text := "Foreign Minister Ola Brun arrived in Oslo. “It is useful to talk,” the minister said."
	rs := []rune(text)
	for _, a := range quote.Extract(text, quote.Options{}) {
		fmt.Printf("%s | %s | %s | %s\n",
			string(rs[a.Source.Start:a.Source.End]),
			string(rs[a.Cue.Start:a.Cue.End]),
			string(rs[a.Content.Start:a.Content.End]),
			a.Speaker)
	}
	// Output:
	// the minister | said | “It is useful to talk,” | Ola Brun
}
