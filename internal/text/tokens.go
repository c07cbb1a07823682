// Tokens, content words and capitalised spans.
//
// Word boundaries follow Unicode UAX #29 (github.com/clipperhouse/uax29/v2),
// so "U.S.", "Russia’s", "co-operate" and "3.5" come out as the reader sees
// them. On top of that sit the choices that matter for news: a possessive
// "’s" is dropped, numbers are kept out of the vocabulary, and stop words are
// our own list (see stopwords.go). Capitalised spans stand in for named
// entities until a real recogniser lands: they are cheap, language-agnostic
// enough for English wire copy, and good at the job clustering needs of them
// (telling "Tara Reid" from "Lindsay Lohan").

package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
)

// Token is one word of a text with its byte offsets.
type Token struct {
	Text       string
	Start, End int
}

// Tokens returns the words of s (letters or digits), in order, with their
// byte offsets; spaces and punctuation are dropped.
func Tokens(s string) []Token {
	out := make([]Token, 0, len(s)/6+1)
	it := words.FromString(s)
	for it.Next() {
		w := it.Value()
		if !isWord(w) {
			continue
		}
		out = append(out, Token{Text: w, Start: it.Start(), End: it.End()})
	}
	return out
}

// Words returns the words of s, in order, without offsets.
func Words(s string) []string {
	var out []string
	it := words.FromString(s)
	for it.Next() {
		if w := it.Value(); isWord(w) {
			out = append(out, w)
		}
	}
	return out
}

// isWord reports whether a UAX #29 segment holds a letter or a digit (and
// is valid UTF-8 without white space: the segmenter glues invalid bytes to
// their neighbours).
func isWord(w string) bool {
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			return false
		}
	}
	if ascii {
		for i := 0; i < len(w); i++ {
			if c := w[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				return true
			}
		}
		return false
	}
	if !utf8.ValidString(w) || strings.ContainsFunc(w, unicode.IsSpace) {
		return false
	}
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Lower folds w to lower case, with an ASCII fast path.
func Lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
		if c >= 'A' && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// trimPossessive drops a trailing "'s" or "’s" (and a bare trailing
// apostrophe, as in "diplomats'").
func trimPossessive(w string) string {
	switch {
	case strings.HasSuffix(w, "'s"), strings.HasSuffix(w, "'S"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "’s"), strings.HasSuffix(w, "’S"):
		return w[:len(w)-len("’s")]
	case strings.HasSuffix(w, "'"):
		return w[:len(w)-1]
	case strings.HasSuffix(w, "’"):
		return w[:len(w)-len("’")]
	}
	return w
}

// hasLetter reports whether w holds at least one letter.
func hasLetter(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf {
			return strings.ContainsFunc(w, unicode.IsLetter)
		} else if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// ContentWord is a word kept for the vocabulary: its stem and its surface
// form in lower case.
type ContentWord struct {
	Stem    string
	Surface string
}

// ContentWords appends to dst the content words of s: lower-cased, with
// possessives, stop words, numbers and one-letter words dropped, and stemmed
// with st (which may be nil for an uncached stemmer). It returns the
// extended slice.
func ContentWords(dst []ContentWord, s string, st *Stemmer) []ContentWord {
	it := words.FromString(s)
	for it.Next() {
		w := it.Value()
		if !isWord(w) {
			continue
		}
		w = Lower(trimPossessive(w))
		if len(w) < 2 || !hasLetter(w) || IsStop(w) {
			continue
		}
		var stem string
		if st != nil {
			stem = st.Stem(w)
		} else {
			stem = Stem(w)
		}
		if stem == "" || IsStop(stem) {
			continue
		}
		dst = append(dst, ContentWord{Stem: stem, Surface: w})
	}
	return dst
}

// isTitleWord reports whether w starts with an upper-case letter.
func isTitleWord(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// connectors may sit inside a capitalised span ("Bank of England",
// "Secretary of State", "Abu al-Hassan").
var connectors = map[string]bool{"of": true, "de": true, "du": true, "da": true, "del": true, "della": true, "van": true, "von": true, "der": true, "al": true, "bin": true, "la": true, "le": true, "y": true, "&": true}

// honorifics are title words stripped from the front of a span, so that
// "Secretary of State Mike Pompeo" and "Mr. Pompeo" meet at "Pompeo".
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "dame": true, "lord": true, "lady": true,
	"president": true, "vice": true, "prime": true, "minister": true, "secretary": true, "foreign": true,
	"state": true, "general": true, "gen": true, "sen": true, "senator": true, "rep": true, "gov": true,
	"governor": true, "mayor": true, "judge": true, "justice": true, "chief": true, "executive": true,
	"chairman": true, "chairwoman": true, "king": true, "queen": true, "prince": true, "princess": true,
	"pope": true, "rev": true, "st": true, "sgt": true, "col": true, "capt": true, "lt": true, "officer": true,
	"detective": true, "ambassador": true, "spokesman": true, "spokeswoman": true, "leader": true,
	"director": true, "former": true, "acting": true, "deputy": true, "assistant": true, "attorney": true,
	"defense": true, "defence": true, "interior": true, "russian": true, "american": true, "us": true, "u.s": true,
	"fm": true, "ceo": true, "coach": true, "star": true, "actress": true, "actor": true, "singer": true,
	"const": true, "insp": true, "supt": true, "cllr": true, "pres": true, "sec": true,
}

// IsConnector reports whether the lower-case word w may sit inside a
// capitalised span ("of" in "Bank of England").
func IsConnector(w string) bool { return connectors[w] }

// IsHonorific reports whether the lower-case word w, its final point
// dropped, is a title word stripped from the front of a span ("mr",
// "secretary", "gen").
func IsHonorific(w string) bool { return honorifics[strings.TrimSuffix(w, ".")] }

// CapitalisedSpans returns the multi-word and single-word Title Case spans
// of s that may name people, places and organisations, in order of
// appearance, with leading honorifics ("President", "Secretary of State")
// stripped. A sentence's first word starts a span only when it is not a
// stop word, its lower-case form does not occur in s, and it is capitalised
// inside some sentence too or followed by another capitalised word (so
// "Speaking", "Negotiators" and "The" are skipped, "Lavrov" is kept). A
// connector joins a one-word span to the next ("Bank of England") but not
// two names ("Rita Conde of Calden" is two spans).
func CapitalisedSpans(s string) []string {
	toks := Tokens(s)
	if len(toks) == 0 {
		return nil
	}
	// lowerSeen holds words seen in lower case; midCaps words seen
	// capitalised inside a sentence. A sentence's first word is a name only
	// if it is capitalised elsewhere too, or starts a longer span.
	lowerSeen := make(map[string]bool)
	midCaps := make(map[string]bool)
	for i, t := range toks {
		w := trimPossessive(t.Text)
		switch {
		case !isTitleWord(w):
			lowerSeen[w] = true
		case i > 0 && !sentenceBreak(s[toks[i-1].End:t.Start]):
			midCaps[w] = true
		}
	}
	var spans []string
	var cur []string
	flush := func() {
		// Drop trailing connectors and leading honorifics.
		for len(cur) > 0 && connectors[Lower(cur[len(cur)-1])] {
			cur = cur[:len(cur)-1]
		}
		for len(cur) > 1 && (honorifics[strings.TrimSuffix(Lower(cur[0]), ".")] || connectors[Lower(cur[0])]) {
			cur = cur[1:]
		}
		if len(cur) == 1 && honorifics[strings.TrimSuffix(Lower(cur[0]), ".")] {
			cur = cur[:0]
		}
		if len(cur) > 0 {
			spans = append(spans, strings.Join(cur, " "))
		}
		cur = cur[:0]
	}
	for i, t := range toks {
		w := trimPossessive(t.Text)
		start := i == 0 || sentenceBreak(s[toks[i-1].End:t.Start])
		if i > 0 && !start && t.Start > toks[i-1].End && spanBreak(s[toks[i-1].End:t.Start]) {
			flush()
		}
		switch {
		case isTitleWord(w) && hasLetter(w):
			lw := Lower(w)
			if start {
				flush()
				next := i+1 < len(toks) && isTitleWord(toks[i+1].Text) && !sentenceBreak(s[t.End:toks[i+1].Start]) && !spanBreak(s[t.End:toks[i+1].Start])
				if IsStop(lw) || lowerSeen[lw] || !midCaps[w] && !next {
					continue
				}
			}
			if IsStop(lw) && !connectors[lw] {
				flush()
				continue
			}
			cur = append(cur, w)
		case len(cur) == 1 && connectors[w] && !start:
			cur = append(cur, w)
		default:
			flush()
		}
		if w != t.Text { // a possessive ends the span: "Russia’s Foreign Minister"
			flush()
		}
	}
	flush()
	return spans
}

// sentenceBreak reports whether the text between two words ends a sentence
// or a line.
func sentenceBreak(gap string) bool {
	return strings.ContainsAny(gap, ".!?\n:;\"“”()[]—–")
}

// spanBreak reports whether the text between two words inside a sentence
// separates two names ("Pompeo, Lavrov").
func spanBreak(gap string) bool {
	return strings.ContainsAny(gap, ",'‘’/|")
}

// IsWord reports whether a segment holds a letter or a digit and is valid
// UTF-8 without white space: a word, for stages that cut their own tokens.
func IsWord(w string) bool { return isWord(w) }

// TrimPossessive drops a trailing "'s" or "’s" (and a bare trailing
// apostrophe).
func TrimPossessive(w string) string { return trimPossessive(w) }

// HasLetter reports whether w holds a letter.
func HasLetter(w string) bool { return hasLetter(w) }

// IsTitleWord reports whether w starts with an upper-case letter.
func IsTitleWord(w string) bool { return isTitleWord(w) }

// SpanBreak reports whether the text between two words inside a sentence
// separates two names ("Pompeo, Lavrov").
func SpanBreak(gap string) bool { return spanBreak(gap) }
