package quote

import (
	"strings"
	"unicode"
)

// This file holds the tokeniser, the quote-mark pairing and the sentence
// splitter. internal/text has word tokens with byte offsets but drops
// punctuation and has no sentence splitter; attribution needs both, in code
// points, so they live here until internal/text grows them.

type kind uint8

const (
	kWord kind = iota
	kPunct
	kOpen  // an opening double quote
	kClose // a closing double quote
	kAmbig // a straight double quote, before pairing
)

type token struct {
	s, e  int // code-point offsets
	text  string
	low   string
	kind  kind
	para  int  // paragraph number
	nl    bool // a line break precedes the token
	cap   bool // starts with an upper-case letter
	quote int  // index of the quote region holding the token, or -1
}

// abbreviations keep their full stop ("Sen.", "Mr.").
var abbreviations = setOf("mr", "mrs", "ms", "dr", "sen", "rep", "gov",
	"gen", "lt", "col", "capt", "sgt", "adm", "cmdr", "rev", "prof", "st",
	"jr", "sr", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr",
	"aug", "sept", "sep", "oct", "nov", "dec", "no", "vs", "v", "mt", "ft",
	"pres", "sens", "reps", "messrs", "u.s", "u.n", "u.k", "d.c", "a.m",
	"p.m", "e.g", "i.e", "etc", "ariz", "calif", "fla", "ill", "mass",
	"mich", "minn", "tenn", "wis", "wash", "va", "pa", "ga", "ky", "la",
	"md", "mo", "nev", "okla", "ore", "conn", "colo", "ala", "ark", "del",
	"ind", "kan", "neb", "vt", "wyo", "n.y", "n.j", "n.h", "n.c", "s.c")

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits rs into words, punctuation and quote marks.
func tokenize(rs []rune) []token {
	toks := make([]token, 0, len(rs)/5+1)
	para, nl := 0, false
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.IsSpace(r) {
			breaks := 0
			for i < len(rs) && unicode.IsSpace(rs[i]) {
				if rs[i] == '\n' {
					breaks++
				}
				i++
			}
			if breaks > 0 {
				nl = true
				para++
			}
			continue
		}
		start := i
		k := kPunct
		switch {
		case isWordRune(r):
			k = kWord
			i++
			for i < len(rs) {
				c := rs[i]
				if isWordRune(c) {
					i++
					continue
				}
				// inner apostrophes, hyphens and dots: "don't", "co-op", "U.S."
				if (c == '\'' || c == '’' || c == '-' || c == '‑') &&
					i+1 < len(rs) && isWordRune(rs[i+1]) {
					i += 2
					continue
				}
				// A comma joins the thousands of "2,000".
				if c == ',' && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(r) && i+3 < len(rs) &&
					unicode.IsDigit(rs[i+1]) && unicode.IsDigit(rs[i+2]) && unicode.IsDigit(rs[i+3]) &&
					(i+4 == len(rs) || !unicode.IsDigit(rs[i+4])) {
					i += 4
					continue
				}
				// A dot joins "U.S." and "3.5", not "said.Trump".
				if c == '.' && i+1 < len(rs) && isWordRune(rs[i+1]) &&
					(unicode.IsDigit(rs[i+1]) || unicode.IsLower(rs[i+1]) || i-lastDot(rs, start, i) <= 1) {
					i += 2
					continue
				}
				break
			}
			// Keep the full stop of an abbreviation or an initial.
			if i < len(rs) && rs[i] == '.' {
				w := strings.ToLower(string(rs[start:i]))
				if abbreviations[w] || (i-start == 1 && unicode.IsUpper(r)) ||
					strings.Contains(w, ".") {
					i++
				}
			}
		case r == '“' || r == '„':
			k = kOpen
			i++
		case r == '”':
			k = kClose
			i++
		case r == '"':
			k = kAmbig
			i++
		case r == '\'' && i+2 < len(rs) && rs[i+1] == r && rs[i+2] == r && i > 0 && !unicode.IsSpace(rs[i-1]):
			// "…bomb them,''' said": a single quotation closes inside
			// the double one, so its apostrophe comes first.
			k = kPunct
			i++
		case (r == '\'' || r == '’' || r == '‘' || r == '`') && i+1 < len(rs) &&
			(rs[i+1] == r || (r == '`' && rs[i+1] == '`')):
			// '' and `` stand for double quotes in some archives.
			k = kAmbig
			if r == '`' {
				k = kOpen
			}
			i += 2
		default:
			i++
		}
		// "He’s", "she’ll", "they’re": the pronoun stands on its own.
		if k == kWord && i-start > 2 {
			if c := clitic(rs[start:i]); c > 0 {
				t := token{s: start, e: i - c, text: string(rs[start : i-c]), kind: k, para: para, nl: nl, quote: -1}
				t.low = strings.ToLower(t.text)
				t.cap = unicode.IsUpper(rs[start])
				toks = append(toks, t)
				start, nl = i-c, false
			}
		}
		t := token{s: start, e: i, text: string(rs[start:i]), kind: k, para: para, nl: nl, quote: -1}
		t.low = strings.ReplaceAll(strings.ToLower(t.text), "’", "'")
		t.cap = k == kWord && unicode.IsUpper(rs[start])
		toks = append(toks, t)
		nl = false
	}
	return toks
}

// clitic returns the length of a contraction ending a pronoun ("’s" in
// "he’s", "’ll" in "she’ll"), or 0.
func clitic(w []rune) int {
	for _, c := range []string{"’s", "'s", "’ll", "'ll", "’re", "'re", "’ve", "'ve", "’d", "'d", "’m", "'m"} {
		cr := []rune(c)
		if len(w) <= len(cr) || !strings.EqualFold(string(w[len(w)-len(cr):]), c) {
			continue
		}
		switch strings.ToLower(string(w[:len(w)-len(cr)])) {
		case "he", "she", "it", "they", "we", "i", "you", "that", "there", "who", "what":
			return len(cr)
		}
	}
	return 0
}

// lastDot returns the length of the word part since start or the last dot
// before i.
func lastDot(rs []rune, start, i int) int {
	for j := i - 1; j >= start; j-- {
		if rs[j] == '.' || rs[j] == '-' {
			return j + 1
		}
	}
	return start
}

// region is one quotation: the token indexes of its marks (inclusive).
type region struct {
	open, close int
	closed      bool
}

// pairQuotes finds the double-quoted regions. A straight mark opens when it
// follows a space, a line break or an opening bracket and closes otherwise.
// A quotation left open at the end of a paragraph continues if the next
// paragraph opens with a quote mark (the newspaper convention for a quote
// running over several paragraphs); otherwise it ends with its paragraph.
func pairQuotes(rs []rune, toks []token) []region {
	var out []region
	open := -1
	for i := range toks {
		t := &toks[i]
		if open >= 0 && t.nl {
			// A new paragraph: continue only if it opens with a quote mark.
			if t.kind != kOpen && t.kind != kAmbig {
				out = append(out, region{open: open, close: i - 1})
				open = -1
			} else {
				t.kind = kOpen
				continue
			}
		}
		k := t.kind
		before := t.s == 0 || unicode.IsSpace(rs[t.s-1]) || strings.ContainsRune("([{—–-", rs[t.s-1])
		after := t.e < len(rs) && !unicode.IsSpace(rs[t.e]) && !unicode.IsPunct(rs[t.e])
		switch {
		case k == kAmbig && open < 0 && before:
			k = kOpen
		case k == kAmbig && open < 0:
			k = kPunct // a closing mark whose opening we never saw
		case k == kAmbig:
			k = kClose
		case k == kOpen && open >= 0 && !before && !after:
			k = kClose // “…“ typed with the wrong mark
		case k == kClose && open < 0 && before && after:
			k = kOpen // ”… typed with the wrong mark
		}
		t.kind = k
		switch k {
		case kOpen:
			if open < 0 {
				open = i
			}
		case kClose:
			if open >= 0 {
				out = append(out, region{open: open, close: i, closed: true})
				open = -1
			}
		}
	}
	if open >= 0 {
		out = append(out, region{open: open, close: len(toks) - 1})
	}
	for n, r := range out {
		for j := r.open; j <= r.close; j++ {
			toks[j].quote = n
		}
	}
	return out
}

// datelineEnd returns the index of the first token after a dateline that
// opens the paragraph at token i ("PORT VEYRA (Meridian Wire) — ",
// "WASHINGTON (AP) —", "MANCHESTER, N.H. - "), or -1. A dateline is a
// place in capitals, perhaps a region after a comma and an agency in
// brackets, and a dash; its words are neither speakers nor content.
func datelineEnd(toks []token, i int) int {
	if i >= len(toks) || (i > 0 && !toks[i].nl) || !allCaps(toks[i]) || toks[i].quote >= 0 {
		return -1
	}
	j := i
	for j < len(toks) && j < i+5 && allCaps(toks[j]) && (j == i || !toks[j].nl) {
		j++
	}
	// ", Valdoria", ", N.H.": a region after a comma.
	if j+1 < len(toks) && toks[j].text == "," && toks[j+1].cap && toks[j+1].kind == kWord {
		j += 2
		for j < len(toks) && j < i+8 && toks[j].cap && toks[j].kind == kWord && !toks[j].nl {
			j++
		}
	}
	// "(Meridian Wire)", "(AP)": the agency.
	if j < len(toks) && toks[j].text == "(" && !toks[j].nl {
		k := j + 1
		for k < len(toks) && k < j+6 && toks[k].text != ")" && !toks[k].nl {
			k++
		}
		if k >= len(toks) || toks[k].text != ")" {
			return -1
		}
		j = k + 1
	}
	if j >= len(toks) || toks[j].nl || !isDash(toks[j].text) {
		return -1
	}
	j++
	if j < len(toks) && toks[j].text == "-" && !toks[j].nl {
		j++ // "--"
	}
	if j >= len(toks) || toks[j].nl {
		return -1
	}
	return j
}

// allCaps reports a word in capitals of two letters or more ("PORT",
// "N.H.", not "A" or "I").
func allCaps(t token) bool {
	if t.kind != kWord || !t.cap || t.text != strings.ToUpper(t.text) {
		return false
	}
	letters := 0
	for _, r := range t.text {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func isDash(s string) bool { return s == "—" || s == "–" || s == "-" }

// maxSentence caps a sentence's length in tokens outside quotations.
const maxSentence = 250

// sentence is a run of tokens [s, e).
type sentence struct{ s, e int }

// sentences splits toks at terminal punctuation followed by a capital, a
// digit or a quote mark, and at paragraph breaks, never inside a quotation.
func sentences(toks []token) []sentence {
	var out []sentence
	start := 0
	dateline := -1
	for i := range toks {
		if i > start && toks[i].nl && (toks[i].quote < 0 || toks[i].quote != toks[i-1].quote) {
			out = append(out, sentence{start, i})
			start = i
		}
		if i == start {
			dateline = datelineEnd(toks, i)
		}
		if i == dateline && i > start {
			// The dateline stands apart: the story's first sentence
			// starts after its dash.
			out = append(out, sentence{start, i})
			start = i
		}
		t := toks[i]
		if i > start && i+1 < len(toks) && t.quote < 0 && endsAbbreviation(t) && sentenceStarters[toks[i+1].text] {
			// "… after 7 p.m. He says …", "… in the U.S. They …": the
			// abbreviation kept its full stop, which also ends the
			// sentence when a pronoun or an article opens the next one.
			out = append(out, sentence{start, i + 1})
			start = i + 1
			continue
		}
		if i-start >= maxSentence && t.quote < 0 {
			// Run-on text (lists, tables, junk): cut it so that the work
			// per cue stays bounded.
			out = append(out, sentence{start, i})
			start = i
			continue
		}
		if t.kind != kPunct || (t.text != "." && t.text != "!" && t.text != "?") {
			continue
		}
		end := i + 1
		if end < len(toks) && toks[end].kind == kClose {
			end++
		}
		if end < len(toks) && toks[end].quote >= 0 && toks[end].quote == toks[i].quote {
			continue // inside a quotation
		}
		if end >= len(toks) {
			break
		}
		n := toks[end]
		if n.nl {
			continue // the paragraph break splits
		}
		// "… within reach. (The chances are slim.)": an aside in brackets
		// after a full stop is a sentence of its own.
		aside := n.text == "(" && end+1 < len(toks) && toks[end+1].cap
		if aside || n.cap || n.kind == kOpen || n.kind == kAmbig || (n.kind == kWord && unicode.IsDigit([]rune(n.text)[0])) {
			out = append(out, sentence{start, end})
			start = end
		}
	}
	if start < len(toks) {
		out = append(out, sentence{start, len(toks)})
	}
	return out
}

// sentenceStarters open a sentence and hardly ever follow an abbreviation
// inside one (case-sensitive: "He", not "he").
var sentenceStarters = setOf("He", "She", "They", "It", "We", "I", "The",
	"But", "And", "This", "That", "These", "Those", "There", "His", "Her",
	"Their", "Its", "Our", "In", "On", "At", "After", "When", "If", "As")

// endsAbbreviation reports a word that swallowed a full stop that can also
// end a sentence: a dotted abbreviation ("U.S.", "p.m.", "D.C.") or a
// company suffix ("Inc.", "Co."), not a title ("Sen.", "Mr.") or an
// initial ("J.").
func endsAbbreviation(t token) bool {
	if t.kind != kWord || !strings.HasSuffix(t.low, ".") {
		return false
	}
	w := t.low[:len(t.low)-1]
	return strings.Contains(w, ".") || w == "inc" || w == "corp" || w == "co" || w == "ltd" || w == "etc" || w == "jr" || w == "sr"
}
