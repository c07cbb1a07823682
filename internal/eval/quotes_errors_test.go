package eval

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/quote"
)

// Error analysis for the attribution rules. It prints nothing unless asked:
//
//	go test ./internal/eval -run TestQuotesErrors -quotes.errors 20 -quotes.split train
//
// prints up to 20 examples of each error category (a gold attribution we
// missed, a prediction with no gold, a source or content boundary off)
// with the counts of all of them. -quotes.cat limits it to one category.
var (
	quotesErrors = flag.Int("quotes.errors", 0, "print this many examples of each attribution error category")
	quotesCat    = flag.String("quotes.cat", "", "only this error category (missed, spurious, source, content, cue, speaker)")
	quotesSeed   = flag.Uint64("quotes.seed", 1, "the seed for sampling examples")
	quotesDump   = flag.String("quotes.dump", "", "write each article's predictions as JSON lines into this folder")
	quotesTop    = flag.Int("quotes.top", 0, "print the most frequent cue texts of missed and spurious attributions")
	quotesOut    = flag.String("quotes.out", "", "write every error (of -quotes.cat, or all), in article order, to this file: diff two runs to see what a change did")
)

type quoteErr struct {
	cat  string
	text string
	cue  string // the cue text, lower case
}

func TestQuotesErrors(t *testing.T) {
	if *quotesErrors <= 0 && *quotesTop <= 0 && *quotesDump == "" && *quotesOut == "" {
		t.Skip("error analysis: pass -quotes.errors N")
	}
	needPolNEAR(t)
	dir := filepath.Join(polnearDir, *quotesSplit)
	anns, _ := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	slices.Sort(anns)
	seen := map[string]bool{}
	var errs []quoteErr
	counts := map[string]int{}
	cues := map[string]map[string]int{}
	for _, a := range anns {
		base := strings.TrimSuffix(filepath.Base(a), ".ann")
		art := base[:strings.LastIndexByte(base, '_')]
		if seen[art] {
			continue
		}
		seen[art] = true
		b, err := os.ReadFile(filepath.Join(dir, "text", art+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		gold, err := readAnn(a)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		rs := []rune(text)
		all := entityQuotes(text, quote.Options{})
		if *quotesDump != "" {
			var buf strings.Builder
			if err := quote.WriteJSONL(&buf, text, all); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(*quotesDump, art+".jsonl"), []byte(buf.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var ps []quote.Attribution
		for _, p := range all {
			if !p.Scare && !p.Nested {
				ps = append(ps, p)
			}
		}
		for _, e := range diffQuotes(art, rs, gold, ps) {
			counts[e.cat]++
			if cues[e.cat] == nil {
				cues[e.cat] = map[string]int{}
			}
			cues[e.cat][e.cue]++
			if *quotesCat == "" || *quotesCat == e.cat {
				errs = append(errs, e)
			}
		}
	}
	if *quotesOut != "" {
		var all strings.Builder
		for _, e := range errs {
			all.WriteString(e.text)
			all.WriteString("\n")
		}
		if err := os.WriteFile(*quotesOut, []byte(all.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := rand.New(rand.NewPCG(*quotesSeed, 7))
	r.Shuffle(len(errs), func(i, j int) { errs[i], errs[j] = errs[j], errs[i] })
	shown := map[string]int{}
	var b strings.Builder
	for _, e := range errs {
		if shown[e.cat] >= *quotesErrors {
			continue
		}
		shown[e.cat]++
		b.WriteString(e.text)
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "counts: %v\n", counts)
	if *quotesTop > 0 {
		for _, cat := range []string{"missed", "spurious", "source", "content", "cue", "speaker"} {
			type kv struct {
				k string
				n int
			}
			var kvs []kv
			for k, n := range cues[cat] {
				kvs = append(kvs, kv{k, n})
			}
			slices.SortFunc(kvs, func(a, b kv) int { return b.n - a.n })
			fmt.Fprintf(&b, "%s:", cat)
			for i, x := range kvs {
				if i >= *quotesTop {
					break
				}
				fmt.Fprintf(&b, " %q:%d", x.k, x.n)
			}
			b.WriteString("\n")
		}
	}
	t.Log("\n" + b.String())
}

// diffQuotes pairs gold and predicted attributions by cue (or, without a
// cue, content) overlap and describes each difference.
func diffQuotes(art string, rs []rune, gold []goldAttr, ps []quote.Attribution) []quoteErr {
	sub := func(s quote.Span) string {
		if s.Empty() || s.End > len(rs) {
			return ""
		}
		return string(rs[s.Start:s.End])
	}
	ctx := func(s quote.Span) string {
		a, b := max(0, s.Start-150), min(len(rs), s.End+150)
		return strings.ReplaceAll(string(rs[a:s.Start])+"[["+string(rs[s.Start:s.End])+"]]"+string(rs[s.End:b]), "\n", " ¶ ")
	}
	anchor := func(cue, content quote.Span) quote.Span {
		if !cue.Empty() {
			return cue
		}
		return content
	}
	show := func(tag string, src, cue, con quote.Span) string {
		return fmt.Sprintf("  %s source=%q cue=%q content=%q", tag, sub(src), sub(cue), sub(con))
	}
	var out []quoteErr
	usedP := make([]bool, len(ps))
	for _, g := range gold {
		ga := anchor(g.cue, g.content)
		hit := -1
		for i, p := range ps {
			if !usedP[i] && overlaps(anchor(p.Cue, p.Content), ga) {
				hit = i
				break
			}
		}
		if hit < 0 {
			// A prediction whose content covers the gold cue: nested or merged.
			out = append(out, quoteErr{"missed", fmt.Sprintf("MISSED %s\n  %s\n%s", art, ctx(ga), show("gold", g.source, g.cue, g.content)), strings.ToLower(sub(g.cue))})
			continue
		}
		usedP[hit] = true
		p := ps[hit]
		both := show("gold", g.source, g.cue, g.content) + "\n" + show("pred", p.Source, p.Cue, p.Content)
		if g.cue != p.Cue {
			out = append(out, quoteErr{"cue", fmt.Sprintf("CUE %s\n  %s\n%s", art, ctx(ga), both), strings.ToLower(sub(g.cue))})
		}
		if src := sub(g.source); namesSomeone(src) {
			if f := strings.Fields(p.Speaker); len(f) == 0 || !strings.Contains(src, f[len(f)-1]) {
				out = append(out, quoteErr{"speaker", fmt.Sprintf("SPEAKER %s speaker=%q\n  %s\n%s", art, p.Speaker, ctx(ga), both), strings.ToLower(sub(g.cue))})
			}
		}
		if g.source != p.Source {
			out = append(out, quoteErr{"source", fmt.Sprintf("SOURCE %s\n  %s\n%s", art, ctx(ga), both), strings.ToLower(sub(g.cue))})
		}
		if g.content != p.Content {
			out = append(out, quoteErr{"content", fmt.Sprintf("CONTENT %s\n  %s\n%s", art, ctx(ga), both), strings.ToLower(sub(g.cue))})
		}
	}
	for i, p := range ps {
		if usedP[i] {
			continue
		}
		pa := anchor(p.Cue, p.Content)
		note := ""
		for _, g := range gold {
			if overlaps(g.content, pa) {
				note = " (inside gold content)"
			}
		}
		out = append(out, quoteErr{"spurious", fmt.Sprintf("SPURIOUS%s %s\n  %s\n%s", note, art, ctx(pa), show("pred", p.Source, p.Cue, p.Content)), strings.ToLower(sub(p.Cue))})
	}
	return out
}
