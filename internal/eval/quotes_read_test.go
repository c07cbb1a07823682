package eval

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/quote"
)

// Reading the extractor's output as a reader would, on any texts:
//
//	go test ./internal/eval -run TestQuotesRead -v -quotes.read '../../internal/demo/corpus/*/*.jsonl'
//
// prints every attribution of each text (a .txt file, or the "text" field
// of each line of a .jsonl file) with entity people, as the product runs.
var quotesRead = flag.String("quotes.read", "", "print the attributions of these files (a glob; .txt or .jsonl with a text field)")

func TestQuotesRead(t *testing.T) {
	if *quotesRead == "" {
		t.Skip("reading: pass -quotes.read GLOB")
	}
	files, err := filepath.Glob(*quotesRead)
	if err != nil || len(files) == 0 {
		t.Fatalf("no files match %q: %v", *quotesRead, err)
	}
	var b strings.Builder
	for _, f := range files {
		var texts []string
		if strings.HasSuffix(f, ".jsonl") {
			fh, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(fh)
			sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
			for sc.Scan() {
				var v struct {
					Text string `json:"text"`
				}
				if json.Unmarshal(sc.Bytes(), &v) == nil && v.Text != "" {
					texts = append(texts, v.Text)
				}
			}
			fh.Close()
		} else {
			bs, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(bs))
		}
		for n, text := range texts {
			fmt.Fprintf(&b, "== %s #%d\n", f, n)
			b.WriteString(describeQuotes(text, readQuotes(text)))
		}
	}
	t.Log("\n" + b.String())
}

// describeQuotes renders attributions one a line for reading.
func describeQuotes(text string, as []quote.Attribution) string {
	rs := []rune(text)
	sub := func(s quote.Span) string {
		if s.Empty() || s.End > len(rs) {
			return ""
		}
		return strings.ReplaceAll(string(rs[s.Start:s.End]), "\n", " ¶ ")
	}
	var b strings.Builder
	for _, a := range as {
		var flags []string
		if a.Scare {
			flags = append(flags, "scare")
		}
		if a.Direct {
			flags = append(flags, "direct")
		}
		if a.Nested {
			flags = append(flags, "nested")
		}
		fmt.Fprintf(&b, "  [%s] %q | %q | %q %v\n", a.Speaker, sub(a.Source), sub(a.Cue), sub(a.Content), flags)
	}
	return b.String()
}

var quotesReadBuiltin = flag.Bool("quotes.builtin", false, "with -quotes.read: use quote.FindPeople, not the entity stage")

func readQuotes(text string) []quote.Attribution {
	if *quotesReadBuiltin {
		return quote.Extract(text, quote.Options{})
	}
	return entityQuotes(text, quote.Options{})
}
