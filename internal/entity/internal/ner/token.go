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
}

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
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
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
				if strings.Contains(w, ".") || abbrev[strings.ToLower(w)] || (utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r)) {
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
			t.Low = strings.ToLower(t.Text)
			first, _ := utf8.DecodeRuneInString(t.Text)
			t.Cap = unicode.IsUpper(first)
			t.Upper = isUpperWord(t.Text)
			t.Start = pendingStart
			pendingStart = false
			// a word with a trailing period ends a sentence when it is not
			// a title or a single initial and a capital follows: "in the U.S. The"
		} else {
			t.Low = t.Text
			switch t.Text {
			case ".", "!", "?", "…":
				pendingStart = true
			case "“", "\"", "‘", "(", "[", "'", "”", "’", ")", "]", "—", "–", "-":
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

// lastRunLen counts the runes of w after its last period (the length of
// the current letter run in "U.S").
func lastRunLen(w string) int {
	if k := strings.LastIndexByte(w, '.'); k >= 0 {
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
