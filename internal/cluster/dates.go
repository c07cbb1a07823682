package cluster

import (
	"time"

	"github.com/parallax-news/parallax/internal/text"
)

// mention is one date mentioned in an article.
type mention struct {
	t     time.Time
	prec  text.Precision
	rel   bool  // resolved against the reference time
	start int32 // byte offset
}

// tokenView lets text.DatesIn read the tokens Vectorize cut once.
type tokenView struct {
	s    string
	toks []token
	recs []*form
}

func (v tokenView) Len() int           { return len(v.toks) }
func (v tokenView) Text(i int) string  { return v.s[v.toks[i].start:v.toks[i].end] }
func (v tokenView) Lower(i int) string { return v.recs[i].lower }
func (v tokenView) Start(i int) int    { return int(v.toks[i].start) }
func (v tokenView) End(i int) int      { return int(v.toks[i].end) }

// dates appends to out the dates s mentions, given its tokens and their
// forms, in order of appearance (text.DatesIn). ref resolves relative
// mentions and days without a year; with a zero ref they are dropped.
func dates(out []mention, s string, toks []token, recs []*form, ref time.Time) []mention {
	for _, d := range text.DatesIn(tokenView{s, toks, recs}, ref, nil) {
		out = append(out, mention{t: d.Time, prec: d.Precision, rel: d.Relative, start: int32(d.Start)})
	}
	return out
}

// year parses a four-digit year from 1900 to 2100.
func year(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	n := 0
	for k := range 4 {
		if w[k] < '0' || w[k] > '9' {
			return 0, false
		}
		n = n*10 + int(w[k]-'0')
	}
	return n, n >= 1900 && n <= 2100
}
