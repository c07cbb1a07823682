package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	KWord  uint8 = iota // letters, digits, inner hyphens and apostrophes, abbreviations
	KNum                // starts with a digit
	KPoss               // a possessive ’s or 's split off the word before it
	KPunct              // anything else, one rune
)

// Token is one token of a text. Offsets are in code points (S, E) and in
// bytes (B, BE) of the text as given.
type Token struct {
	Text  string
	Low   string // lower case
	S, E  int
	B, BE int
	Kind  uint8
	Cap   bool // first rune is upper case
	Upper bool // two or more letters, all upper case ("NATO", "U.S.", "PORT")
	Start bool // first word of a sentence
	Para  bool // first token after a line break
	// NoName marks a word that is never part of a name: a contraction
	// ("He’ll", "I'm"), a widget word glued to a name ("FlagShareLikeReply"),
	// a hashtag or a handle.
	NoName bool
	// Glue marks a piece split off a word glued to the one before it
	// ("Christie|JEWEL", "Craven|Flag"): a name does not run on into it.
	Glue bool
}

// abbrev lists words that keep a following period ("Dr.", "Inc.").
var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "lt": true, "col": true, "capt": true, "cmdr": true, "adm": true,
	"sgt": true, "maj": true, "rev": true, "st": true, "mt": true, "ft": true, "jr": true,
	"sr": true, "inc": true, "ltd": true, "co": true, "corp": true, "bros": true, "plc": true,
	"no": true, "vs": true, "pres": true, "supt": true, "insp": true, "det": true, "hon": true,
	"messrs": true, "fr": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "sec": true, "atty": true, "lt.gen": true, "gov’t": true,
	"sens": true, "reps": true, "govs": true, "calif": true, "fla": true, "mich": true, "ariz": true, "colo": true,
	"conn": true, "tenn": true, "okla": true, "minn": true, "mont": true, "wis": true, "wyo": true, "nev": true, "neb": true, "kan": true,
	"kans": true, "ala": true, "ark": true, "tex": true, "penn": true,
}

// capAbbrev lists capitalised abbreviations (US states) that keep a
// following period only when capitalised: "Pa.", "Ill." ("ill." is a word).
var capAbbrev = map[string]bool{"Ga": true, "Ill": true, "Ind": true, "Ky": true, "La": true, "Md": true, "Mass": true,
	"Miss": true, "Mo": true, "Ore": true, "Pa": true, "Vt": true, "Va": true, "Wash": true, "Del": true, "Me": true}

// uiWords are the words of web widgets and photo credits that scraped
// text glues to names ("Julia CravenFlagShareLikeReply"); inside a glued
// word they are never names. A strong one alone makes a word glued
// ("OldestAni"); a weak one ("Post": "HuffPost") only with another.
var uiWords = map[string]bool{"flag": true, "share": true, "reply": true, "follow": true, "loading": true, "preview": true,
	"featured": true, "newest": true, "oldest": true, "livefyre": true, "liveblog": true, "tweet": true, "embed": true,
	"subscribe": true, "advertisement": true, "images": true, "getty": true, "moderator": true}

// glueGiven are common given names that, glued to the end of a word,
// open a photographer's credit ("New HampshireJoe Raedle").
var glueGiven = map[string]bool{"joe": true, "john": true, "mark": true, "david": true, "michael": true, "scott": true,
	"alex": true, "andrew": true, "justin": true, "drew": true, "paul": true, "jim": true, "tom": true, "kevin": true,
	"chris": true, "brian": true, "robert": true, "timothy": true, "nicholas": true, "jessica": true, "sarah": true,
	"mary": true, "anna": true, "james": true, "william": true, "richard": true, "daniel": true, "matthew": true}

// captionWords end the names of photo agencies ("Getty Images", "AP
// Photo") and so stay names when a glued word opens with one.
var captionWords = map[string]bool{"images": true, "photo": true, "photos": true, "post": true}

var weakUIWords = map[string]bool{"like": true, "post": true, "sign": true, "comment": true, "comments": true, "email": true,
	"print": true, "save": true, "photo": true, "photos": true, "via": true, "pts": true, "more": true, "less": true,
	"read": true, "watch": true, "video": true}

func isApos(r rune) bool { return r == '\'' || r == '’' }

// Tokenize splits text into tokens. It never fails and keeps offsets exact.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+4)
	pendingStart, para := true, true
	rp := 0 // rune position of byte i
	i := 0
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
				para = true
				pendingStart = true
			}
			i += sz
			rp++
			continue
		}
		start, startR := i, rp
		kind := KPunct
		if n := urlLen(text[i:]); n > 0 {
			// a URL is one token that names nothing
			rp += utf8.RuneCountInString(text[i : i+n])
			i += n
		} else if n := entityLen(text[i:]); n > 0 {
			// an SGML entity of wire copy: "&QL;", "&AMP;"
			i += n
			rp += n
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			if unicode.IsDigit(r) {
				kind = KNum
			} else {
				kind = KWord
			}
			j, jr := i+sz, rp+1
			for j < len(text) {
				c, csz := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) {
					j += csz
					jr++
					continue
				}
				// inner joiners: a letter or digit must follow
				if c == '-' || c == '‐' || c == '&' || isApos(c) || (kind == KNum && (c == ',' || c == '.')) || (c == '.' && kind == KWord) {
					n, nsz := utf8.DecodeRuneInString(text[j+csz:])
					if j+csz < len(text) && (unicode.IsLetter(n) || unicode.IsDigit(n)) {
						if isApos(c) && kind == KWord {
							// possessive 's: split it off
							if (n == 's' || n == 'S') && j+csz+nsz <= len(text) {
								after, _ := utf8.DecodeRuneInString(text[j+csz+nsz:])
								if j+csz+nsz == len(text) || !(unicode.IsLetter(after) || unicode.IsDigit(after)) {
									break
								}
							}
						}
						if c == '.' && kind == KWord {
							// only single-letter abbreviations: "U.S", "D.C"
							if lastRunLen(text[start:j]) != 1 {
								break
							}
						}
						j += csz
						jr++
						continue
					}
				}
				break
			}
			// trailing period of an abbreviation: "U.S.", "Dr.", "Inc."
			if j < len(text) && text[j] == '.' && kind == KWord {
				w := text[start:j]
				if strings.Contains(w, ".") || abbrev[strings.ToLower(w)] || capAbbrev[w] || (utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r)) {
					j++
					jr++
				}
			}
			// plural possessive "Workers’ Federation": keep the apostrophe
			if j < len(text) && kind == KWord {
				c, csz := utf8.DecodeRuneInString(text[j:])
				if isApos(c) && (text[j-1] == 's' || text[j-1] == 'S') {
					n, _ := utf8.DecodeRuneInString(text[j+csz:])
					if j+csz >= len(text) || !(unicode.IsLetter(n) || unicode.IsDigit(n)) {
						j += csz
						jr++
					}
				}
			}
			i, rp = j, jr
		} else if isApos(r) && i+sz < len(text) && (text[i+sz] == 's' || text[i+sz] == 'S') && len(toks) > 0 && toks[len(toks)-1].BE == i && toks[len(toks)-1].Kind == KWord {
			kind = KPoss
			i += sz + 1
			rp += 2
		} else {
			i += sz
			rp++
		}
		t := Token{Text: text[start:i], S: startR, E: rp, B: start, BE: i, Kind: kind, Para: para}
		para = false
		if kind == KWord || kind == KNum {
			t.Start = pendingStart
			pendingStart = false
			if cuts := glueCuts(t.Text, kind); cuts != nil {
				toks = appendGlued(toks, t, cuts)
				continue
			}
			wordToken(&t)
			if n := len(toks); n > 0 && toks[n-1].BE == t.B && (toks[n-1].Text == "#" || toks[n-1].Text == "@") {
				t.NoName = true // a hashtag or a handle
			}
		} else {
			t.Low = t.Text
			switch t.Text {
			case ".", "!", "?", "…", ":":
				// after a colon a capital opens a clause: "Report: Half of…"
				pendingStart = true
			case "“", "\"", "‘", "(", "[", "'", "”", "’", ")", "]", "—", "–", "-", "`", "_", "*", "#", "@":
				// quotes and brackets keep the state
				if t.Text == "—" || t.Text == "–" {
					// after a dateline ("PORT SELLAN —", "(Meridian Wire) —") a sentence starts
					pendingStart = false
					if n := len(toks); n > 0 && (toks[n-1].Text == ")" || toks[n-1].Upper) {
						pendingStart = true
					}
				}
			default:
				pendingStart = false
			}
		}
		toks = append(toks, t)
	}
	return toks
}

// lastRunLen counts the runes of w after its last period or hyphen (the
// length of the current letter run in "U.S", "D-N").
func lastRunLen(w string) int {
	if k := strings.LastIndexAny(w, ".-"); k >= 0 {
		w = w[k+1:]
	}
	return utf8.RuneCountInString(w)
}

func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// wordToken fills in the case fields of a word token.
func wordToken(t *Token) {
	t.Low = strings.ToLower(t.Text)
	first, _ := utf8.DecodeRuneInString(t.Text)
	t.Cap = unicode.IsUpper(first)
	t.Upper = isUpperWord(t.Text)
	t.NoName = t.NoName || isContraction(t.Low) || strings.ContainsAny(t.Text, "ÃÂ")
}

// isContraction reports whether a lower-case word is a contraction that
// names nobody: "he’ll", "i'm", "we've", "don't", "she'd".
func isContraction(low string) bool {
	k := strings.LastIndexAny(low, "'’")
	if k <= 0 {
		return false
	}
	_, sz := utf8.DecodeRuneInString(low[k:])
	switch low[k+sz:] {
	case "ll", "ve", "re", "m", "d":
		return true
	case "t":
		return strings.HasSuffix(low[:k], "n")
	}
	return false
}

// urlLen returns the length of a URL at the start of s, or 0.
func urlLen(s string) int {
	if !(strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")) {
		return 0
	}
	n := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '"' || r == '<' || r == '>' || r == '”' })
	if n < 0 {
		n = len(s)
	}
	for n > 0 && strings.ContainsRune(".,;:)’'", rune(s[n-1])) {
		n--
	}
	return n
}

// entityLen returns the length of an SGML entity ("&QL;") at the start of
// s, or 0.
func entityLen(s string) int {
	if len(s) < 3 || s[0] != '&' {
		return 0
	}
	for k := 1; k < len(s) && k < 10; k++ {
		c := s[k]
		if c == ';' {
			if k > 1 {
				return k + 1
			}
			return 0
		}
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '#' || c >= '0' && c <= '9') {
			return 0
		}
	}
	return 0
}

// glueCuts returns the byte offsets at which a word glued from several
// ("CravenFlagShareLikeReplyAni", "ChristieJEWEL", "11:19PMDonald") is
// to be cut, or nil. Brand names ("BlackRock", "YouTube", "McDonald")
// stay whole: a word is cut only where a piece is a widget word, where a
// lower-case piece runs into an all-capital one, or after digits.
func glueCuts(w string, kind uint8) []int {
	var cuts []int
	var prev rune
	prevUpper := 0 // length of the run of capitals before
	for k, r := range w {
		if k > 0 {
			next, _ := utf8.DecodeRuneInString(w[k+utf8.RuneLen(r):])
			if unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsUpper(prev) && prevUpper >= 2 && unicode.IsLower(next)) {
				cuts = append(cuts, k)
			}
		}
		if unicode.IsUpper(r) {
			prevUpper++
		} else {
			prevUpper = 0
		}
		prev = r
	}
	if len(cuts) == 0 {
		return nil
	}
	pieces := make([]string, 0, len(cuts)+1)
	last := 0
	for _, c := range cuts {
		pieces = append(pieces, w[last:c])
		last = c
	}
	pieces = append(pieces, w[last:])
	if kind == KNum {
		return cuts
	}
	weak := 0
	for _, s := range pieces {
		low := strings.ToLower(s)
		if uiWords[low] {
			return cuts
		}
		if weakUIWords[low] {
			weak++
		}
	}
	if weak >= 2 {
		return cuts
	}
	// "HampshireJoe Raedle": a word, then a given name
	for p := 1; p < len(pieces); p++ {
		if utf8.RuneCountInString(pieces[p-1]) >= 4 && !isUpperWord(pieces[p-1]) && glueGiven[strings.ToLower(pieces[p])] {
			return cuts
		}
	}
	// "ChristieJEWEL", "PRESSOhio": a word in lower case, then one in
	// capitals, or the other way round
	for p := 1; p < len(pieces); p++ {
		a, b := pieces[p-1], pieces[p]
		if utf8.RuneCountInString(b) >= 3 && utf8.RuneCountInString(a) >= 3 && isUpperWord(a) != isUpperWord(b) {
			return cuts
		}
	}
	return nil
}

// appendGlued appends the pieces of glued word t cut at cuts.
func appendGlued(toks []Token, t Token, cuts []int) []Token {
	bounds := append(append([]int{0}, cuts...), len(t.Text))
	s := t.S
	for p := 0; p+1 < len(bounds); p++ {
		piece := t.Text[bounds[p]:bounds[p+1]]
		n := utf8.RuneCountInString(piece)
		u := Token{Text: piece, S: s, E: s + n, B: t.B + bounds[p], BE: t.B + bounds[p+1], Kind: KWord, Para: t.Para && p == 0, Start: t.Start && p == 0, Glue: p > 0}
		if p == 0 {
			u.Kind = t.Kind
		} else {
			first, _ := utf8.DecodeRuneInString(piece)
			if unicode.IsDigit(first) {
				u.Kind = KNum
			}
		}
		wordToken(&u)
		if (uiWords[u.Low] || weakUIWords[u.Low]) && (p > 0 || !captionWords[u.Low]) {
			// a caption word opening the glued word belongs to the name
			// before it: "Getty ImagesRepublican"
			u.NoName = true
		}
		toks = append(toks, u)
		s += n
	}
	return toks
}
