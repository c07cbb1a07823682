package quote

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that Extract never panics and that every span lies
// within the text, is ordered (start ≤ end) and that the output is ordered
// by cue (or content) start.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“We will win,” Jane Doe said.",
		`"A," he said. "B."`,
		"Officials said that the bridge would reopen, according to a memo.",
		"Jo Park, a spokeswoman, said: “One.\n\n“Two.”",
		"“unclosed quote said he",
		"'' double apostrophes '' told ``them''",
		"The two diplomats said, saying, according to",
		"\xff\xfe said \x00 “”",
		"“The ferry is my only way to work.” ― Marta G. Ilves\n\n“Nobody asked us.” — Odd Rask, 61",
		"“Out.” ―",
		"― Ilves",
		"“A.” — B. C. D. E. F. G. H.",
		"They said so.",
		"The two met. They said so.\n\nThey said no.",
		"Both men said, and they",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := utf8.RuneCountInString(s)
		as := Extract(s, Options{})
		last := -1
		for _, a := range as {
			for _, sp := range []Span{a.Source, a.Cue, a.Content} {
				if sp.Start < 0 || sp.End > n || sp.Start > sp.End {
					t.Fatalf("span %+v outside text of %d code points", sp, n)
				}
			}
			if a.Content.Empty() {
				t.Fatalf("attribution without content: %+v", a)
			}
			if k := key(a); k < last {
				t.Fatalf("attributions out of order: %d after %d", k, last)
			} else {
				last = k
			}
		}
	})
}
