package cluster

// One pass of tokenisation per article, shared by the content words, the
// capitalised spans and the mentioned dates. The rules are internal/text's
// (ContentWords, CapitalisedSpans, Dates), reapplied here over one token
// list instead of three scans of the text; where they differ it is said.

import (
	"strings"

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
		if text.IsWord(it.Value()) {
			dst = append(dst, token{int32(it.Start()), int32(it.End())})
		}
	}
	return dst
}

// sentenceBreak reports whether the text between two words ends a sentence
// or a line.
func sentenceBreak(gap string) bool {
	return strings.ContainsAny(gap, ".!?\n:;\"“”()[]—–|")
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
