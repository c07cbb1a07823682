package cluster

// One pass of tokenisation per article, shared by the content words, the
// capitalised spans and the mentioned dates. The rules are internal/text's
// (ContentWords, CapitalisedSpans, Dates), reapplied here over one token
// list instead of three scans of the text; where they differ it is said.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"

	"github.com/parallax-news/parallax/internal/text"
)

// token is one word of the article's text, by byte offsets.
type token struct {
	start, end int32
}

// tokenize appends the words of s (UAX #29 segments holding a letter or a
// digit) to dst.
func tokenize(dst []token, s string) []token {
	it := words.FromString(s)
	for it.Next() {
		if isWord(it.Value()) {
			dst = append(dst, token{int32(it.Start()), int32(it.End())})
		}
	}
	return dst
}

// isWord reports whether a segment holds a letter or a digit and is valid
// UTF-8 without white space.
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

// trimPossessive drops a trailing "'s" or "’s" (and a bare trailing
// apostrophe).
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

// sentenceBreak reports whether the text between two words ends a sentence
// or a line.
func sentenceBreak(gap string) bool {
	return strings.ContainsAny(gap, ".!?\n:;\"“”()[]—–|")
}

// spanBreak reports whether the text between two words inside a sentence
// separates two names ("Pompeo, Lavrov").
func spanBreak(gap string) bool {
	return strings.ContainsAny(gap, ",'‘’/|")
}

// connectors may sit inside a capitalised span ("Bank of England").
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

// notNames are capitalised words that name no one and nowhere: months,
// weekdays and the like, which the dates already count.
var notNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"am": true, "pm": true, "gmt": true, "bst": true, "edt": true, "est": true, "pdt": true, "pst": true, "cet": true, "utc": true,
	"posted": true, "updated": true, "published": true, "breaking": true, "news": true, "photo": true,
}

// isStop is text.IsStop on a lower-case word.
func isStop(w string) bool { return text.IsStop(w) }
