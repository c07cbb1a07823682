package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// token is one word of an article's text, in code points.
type token struct {
	s, e   int    // [s, e) in runes
	low    string // lower case, possessive dropped
	stem   string // Snowball stem of low ("" for numbers)
	num    bool   // digits only (with inner . or ,)
	cont   bool   // a content word: not a stop word, not a number, 2+ letters
	sent   int    // index of its sentence
	quoted bool   // inside quotation marks
	own    bool   // in the outlet's own voice: outside quotation marks and quote contents
	capMid bool   // capitalised, and not its sentence's first word
	lead   bool   // part of a dateline ("SARNOVO, Karsenia (Meridian Wire) —")
}

// sentence is one sentence of an article, in code points.
type sentence struct {
	s, e   int // [s, e) in runes
	ts, te int // its tokens [ts, te)
	para   int
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// words turns code points into interned lower-case words and stems, so
// that a story's thousands of tokens share a few thousand strings.
type words struct {
	st     *text.Stemmer
	intern map[string]string
	buf    []byte
}

func newWords() *words {
	return &words{st: text.NewStemmer(), intern: make(map[string]string)}
}

// lower returns rs in lower case, interned.
func (w *words) lower(rs []rune) string {
	w.buf = w.buf[:0]
	for _, r := range rs {
		w.buf = utf8.AppendRune(w.buf, unicode.ToLower(r))
	}
	if s, ok := w.intern[string(w.buf)]; ok {
		return s
	}
	s := string(w.buf)
	w.intern[s] = s
	return s
}

// tokenize splits rs into words: runs of letters, digits and marks, with an
// apostrophe between letters ("don’t", "Russia’s") and a point or comma
// between digits ("4.1", "18,500") kept inside. Hyphens split ("so-called"
// is two words, as the lexicon expects).
func tokenize(rs []rune, w *words) []token {
	toks := make([]token, 0, len(rs)/6+1)
	for i := 0; i < len(rs); {
		if !isWordRune(rs[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(rs) {
			r := rs[j]
			if isWordRune(r) {
				j++
				continue
			}
			if j+1 < len(rs) && isApos(r) && unicode.IsLetter(rs[j-1]) && unicode.IsLetter(rs[j+1]) {
				j += 2
				continue
			}
			if j+1 < len(rs) && (r == '.' || r == ',') && unicode.IsDigit(rs[j-1]) && unicode.IsDigit(rs[j+1]) {
				j += 2
				continue
			}
			break
		}
		toks = append(toks, w.token(rs, i, j))
		i = j
	}
	return toks
}

func (w *words) token(rs []rune, s, e int) token {
	word := rs[s:e]
	// Drop a possessive "’s" / "'s".
	if n := len(word); n > 2 && (word[n-1] == 's' || word[n-1] == 'S') && isApos(word[n-2]) {
		word = word[:n-2]
	}
	t := token{s: s, e: e, low: w.lower(word)}
	letters, digits := 0, 0
	for _, r := range word {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	switch {
	case letters == 0 && digits > 0:
		t.num = true
		if strings.Contains(t.low, ",") {
			t.low = strings.ReplaceAll(t.low, ",", "")
		}
	case letters > 0:
		t.stem = w.st.Stem(t.low)
		t.cont = letters >= 2 && !text.IsStop(t.low) && !text.IsStop(t.stem)
	}
	return t
}

// abbreviations end in a point that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "lt": true, "col": true, "sgt": true, "capt": true, "cmdr": true, "adm": true, "jr": true,
	"sr": true, "inc": true, "corp": true, "ltd": true, "co": true, "no": true, "vs": true, "prof": true,
	"rev": true, "hon": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "fig": true, "approx": true,
	"dept": true, "est": true, "mt": true, "ft": true, "pres": true, "gov't": true,
}

func isOpener(r rune) bool {
	switch r {
	case '“', '"', '‘', '\'', '(', '[', '«', '—', '–', '-':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '”', '"', '’', '\'', ')', ']', '»':
		return true
	}
	return false
}

// sentences splits rs into sentences within paragraphs (a paragraph ends at
// a line break). A sentence ends at ".", "!", "?" or "…" (with any closing
// quote marks or brackets after it) followed by white space and a capital,
// a digit or an opening mark — unless the point ends an abbreviation
// ("Gen.", "Oct.") or an initial ("J.", "U.S.").
func sentences(rs []rune) []sentence {
	var out []sentence
	para := 0
	start := -1
	add := func(s, e int) {
		for s < e && unicode.IsSpace(rs[s]) {
			s++
		}
		for e > s && unicode.IsSpace(rs[e-1]) {
			e--
		}
		if e > s {
			out = append(out, sentence{s: s, e: e, para: para})
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\n' {
			if start >= 0 {
				add(start, i)
				start = -1
			}
			if i == 0 || rs[i-1] != '\n' {
				para++
			}
			continue
		}
		if start < 0 {
			if unicode.IsSpace(r) {
				continue
			}
			start = i
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		j := i + 1
		for j < len(rs) && (isCloser(rs[j]) || rs[j] == '.' || rs[j] == '!' || rs[j] == '?') {
			j++
		}
		if j < len(rs) && !unicode.IsSpace(rs[j]) {
			continue
		}
		k := j
		for k < len(rs) && unicode.IsSpace(rs[k]) && rs[k] != '\n' {
			k++
		}
		if k < len(rs) && rs[k] != '\n' {
			n := rs[k]
			if !(unicode.IsUpper(n) || unicode.IsDigit(n) || isOpener(n)) {
				continue
			}
		}
		if r == '.' && abbreviationBefore(rs, start, i) {
			continue
		}
		add(start, j)
		start = -1
		i = j - 1
	}
	if start >= 0 {
		add(start, len(rs))
	}
	return out
}

// abbreviationBefore reports whether the point at i ends an abbreviation or
// an initial.
func abbreviationBefore(rs []rune, start, i int) bool {
	k := i
	for k > start && unicode.IsLetter(rs[k-1]) {
		k--
	}
	w := strings.ToLower(string(rs[k:i]))
	if w == "" {
		return false
	}
	if len([]rune(w)) == 1 && unicode.IsUpper(rs[k]) {
		return true // "J.", the "S." of "U.S."
	}
	return abbreviations[w]
}

// quoteMask marks the code points inside quotation marks, the marks
// included. Double quotes pair “…” and "…"; single quotes ‘…’ pair when
// the closing ’ is not an apostrophe inside a word. A double quote left
// open runs to the end of its paragraph (the convention for a quote that
// goes on in the next paragraph, which opens with a mark of its own).
func quoteMask(rs []rune) []bool {
	mask := make([]bool, len(rs))
	openD, openS := -1, -1
	closeRange := func(from, to int) {
		for k := from; k < to && k < len(rs); k++ {
			mask[k] = true
		}
	}
	for i, r := range rs {
		switch {
		case r == '\n':
			if openD >= 0 {
				closeRange(openD, i)
				openD = -1
			}
			openS = -1
		case r == '“' || r == '«' || r == '„':
			if openD < 0 {
				openD = i
			}
		case r == '”' || r == '»':
			if openD >= 0 {
				closeRange(openD, i+1)
				openD = -1
			}
		case r == '"':
			if openD >= 0 {
				closeRange(openD, i+1)
				openD = -1
			} else {
				openD = i
			}
		case r == '‘':
			if openS < 0 && (i == 0 || !unicode.IsLetter(rs[i-1])) {
				openS = i
			}
		case r == '’':
			inWord := i > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1])
			if openS >= 0 && !inWord {
				closeRange(openS, i+1)
				openS = -1
			}
		}
	}
	if openD >= 0 {
		closeRange(openD, len(rs))
	}
	return mask
}

// datelineEnd returns where a dateline at the start of rs ends (after its
// dash), or 0: a first word in capitals ("PORT SELLAN, Valdoria (Meridian
// Wire) —") followed within 80 code points, before any full stop, by a
// dash. Its words are the outlet's furniture, not part of any claim.
func datelineEnd(rs []rune) int {
	i := 0
	for i < len(rs) && unicode.IsSpace(rs[i]) {
		i++
	}
	j := i
	for j < len(rs) && unicode.IsLetter(rs[j]) {
		if !unicode.IsUpper(rs[j]) {
			return 0
		}
		j++
	}
	if j-i < 3 {
		return 0
	}
	for k := j; k < len(rs) && k < i+80; k++ {
		switch rs[k] {
		case '.', '!', '?', '\n', '“', '"':
			return 0
		case '—', '–':
			return k + 1
		case '-':
			if k > 0 && rs[k-1] == ' ' && k+1 < len(rs) && rs[k+1] == ' ' {
				return k + 1
			}
		}
	}
	return 0
}
