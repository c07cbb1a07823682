package ner

import (
	"strings"
	"unicode"
)

// funcWords are the short words that title case capitalises ("Calls Out
// Ted Cruz For Backing Down From A Fight") and prose does not.
var funcWords = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "on": true, "in": true, "at": true, "to": true, "for": true, "from": true, "with": true, "by": true,
	"over": true, "into": true, "onto": true, "out": true, "up": true, "down": true, "off": true, "as": true, "is": true,
	"are": true, "was": true, "were": true, "be": true, "been": true, "not": true, "no": true, "after": true,
	"before": true, "about": true, "against": true, "than": true, "vs": true, "via": true, "says": true, "say": true,
	"said": true, "will": true, "would": true, "can": true, "could": true, "should": true, "may": true, "might": true,
	"must": true, "has": true, "have": true, "had": true, "do": true, "does": true, "did": true, "his": true, "her": true,
	"its": true, "their": true, "our": true, "my": true, "your": true, "he": true, "she": true, "they": true, "we": true,
	"you": true, "it": true, "who": true, "what": true, "why": true, "how": true, "when": true, "where": true,
	"this": true, "that": true, "these": true, "those": true, "just": true, "more": true, "most": true, "too": true,
	"very": true, "so": true, "if": true, "amid": true, "despite": true, "under": true, "behind": true, "back": true,
	"again": true, "all": true, "here": true, "there": true, "now": true, "still": true, "yet": true, "get": true,
	"gets": true, "got": true, "per": true, "like": true, "away": true, "around": true,
	"through": true, "without": true, "within": true, "toward": true, "towards": true, "upon": true, "until": true}

// hasLetter reports whether s has a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// stateAbbrev lists the US states as party tags write them after "R-"
// and "D-" ("R-Fla.", "D-N.Y.", "I-Vt.", "R-Texas"), lower case without
// periods.
var stateAbbrev = map[string]bool{"al": true, "ak": true, "az": true, "ar": true, "ca": true, "co": true, "ct": true,
	"de": true, "fl": true, "ga": true, "hi": true, "id": true, "il": true, "in": true, "ia": true, "ks": true, "ky": true,
	"la": true, "me": true, "md": true, "ma": true, "mi": true, "mn": true, "ms": true, "mo": true, "mt": true, "ne": true,
	"nv": true, "nh": true, "nj": true, "nm": true, "ny": true, "nc": true, "nd": true, "oh": true, "ok": true, "or": true,
	"pa": true, "ri": true, "sc": true, "sd": true, "tn": true, "tx": true, "ut": true, "vt": true, "va": true, "wa": true,
	"wv": true, "wi": true, "wy": true, "ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true,
	"del": true, "fla": true, "ill": true, "ind": true, "kan": true, "kans": true, "mass": true, "mich": true, "minn": true,
	"miss": true, "mont": true, "neb": true, "nev": true, "okla": true, "ore": true, "penn": true, "tenn": true, "tex": true,
	"wash": true, "wis": true, "wyo": true, "wva": true, "dc": true}

// markNoName marks the words that name nothing because of what they are:
// party tags ("R-Fla.", "D-N.Y.", "I-Vt."). It also ends a sentence after
// an abbreviation that a capitalised function word follows ("in the U.S.
// While Clinton…").
func (d *doc) markNoName() {
	for k := range d.toks {
		t := &d.toks[k]
		if k+1 < len(d.toks) && strings.HasSuffix(t.Text, ".") && t.Kind == KWord {
			n := &d.toks[k+1]
			if _, cls, ok := d.tg.Lex.Title(t.Text); !(ok && cls != "noun") && n.Kind == KWord && n.Cap && !n.Upper && d.tg.Lex.commonCap[n.Low] && !d.tg.Lex.orgWord[n.Low] {
				n.Start, n.Glue = true, true
			}
		}
		if t.Kind != KWord || len(t.Text) < 3 || t.Text[1] != '-' || !(t.Text[0] == 'R' || t.Text[0] == 'D' || t.Text[0] == 'I') {
			continue
		}
		st := strings.ReplaceAll(strings.ToLower(t.Text[2:]), ".", "")
		if stateAbbrev[st] {
			t.NoName = true
			continue
		}
		if ty, c, ok := d.tg.Lex.Gaz(t.Text[2:]); ok && ty == Place && d.tg.Lex.placeKinds[c] == "region" {
			t.NoName = true
		}
	}
}

// titleCase finds the lines and runs written in title case: headlines,
// subheads and live-blog entries ("Bush Hits Marco Rubio On Rape Exception
// For Abortions"). A line is in title case when it has two capitalised
// words or more, its lower-case words are all short function words, and
// either a function word is capitalised after its first word, or a
// function word is in lower case, or every capitalised word is a common
// word. Inside a line of prose, a run of three capitalised words or more
// with a capitalised function word after its first is in title case too
// (a subhead glued to a time stamp). It returns nil when there is none.
func (d *doc) titleCase() []bool {
	toks := d.toks
	lex := d.tg.Lex
	var title []bool
	mark := func(a, b int) {
		if title == nil {
			title = make([]bool, len(toks))
		}
		for k := a; k < b; k++ {
			title[k] = true
		}
	}
	// capitalised words of the prose (lines with lower-case words): a
	// common word capitalised there is a name ("Bush"), one capitalised
	// only in title case is not ("Address", "Epidemic")
	prose := map[string]bool{}
	for a := 0; a < len(toks); {
		b := a + 1
		for b < len(toks) && !toks[b].Para {
			b++
		}
		lower := 0
		for k := a; k < b; k++ {
			if t := &toks[k]; t.Kind == KWord && !t.Cap && !t.Upper && !funcWords[t.Low] && hasLetter(t.Text) {
				lower++
			}
		}
		if lower >= 3 {
			for k := a; k < b; k++ {
				if t := &toks[k]; t.Kind == KWord && t.Cap && !t.Start && !t.Upper {
					prose[strings.TrimRight(t.Low, "’'.")] = true
				}
			}
		}
		a = b
	}
	for a := 0; a < len(toks); {
		// a line, or the part of one after a glued time stamp
		// ("10:37PMFact Check")
		b := a + 1
		for b < len(toks) && !toks[b].Para && !toks[b].Glue {
			b++
		}
		caps, lowerContent, lowerFn, capFn, unknown, titled := 0, 0, 0, 0, 0, 0
		first := true
		for k := a; k < b; k++ {
			t := &toks[k]
			if t.Kind != KWord || t.NoName || !hasLetter(t.Text) {
				continue
			}
			low := strings.TrimRight(t.Low, "’'.")
			fw := funcWords[t.Low] // not "A." (an initial)
			if !t.Cap && !t.Upper {
				if fw {
					lowerFn++
				} else {
					lowerContent++
				}
				first = false
				continue
			}
			caps++
			switch {
			case fw:
				if !first {
					capFn++
				}
			case t.Upper || lex.commonCap[low]:
			case lex.InDict(low):
				if !prose[low] && !lex.first[low] {
					titled++
				}
			default:
				unknown++
			}
			first = false
		}
		if caps >= 2 && lowerContent == 0 && (capFn > 0 || lowerFn > 0 || unknown == 0 || caps >= 3 && titled >= 2) {
			mark(a, b)
			if d.allCaps(a, b) {
				// "NEW HAMPSHIRE PRIMARY // GAME ON": common words in
				// capitals are not names either
				for k := a; k < b; k++ {
					if t := &toks[k]; t.Kind == KWord && t.Upper {
						t.Upper = false
					}
				}
			}
		} else if caps >= 3 {
			// runs of capitalised words inside the line
			for k := a; k < b; {
				if !(toks[k].Kind == KWord && toks[k].Cap) {
					k++
					continue
				}
				e, fn := k+1, 0
				for e < b && toks[e].Kind == KWord && toks[e].Cap && !toks[e].Para {
					if funcWords[toks[e].Low] {
						fn++
					}
					e++
				}
				if e-k >= 3 && fn > 0 {
					mark(k, e)
				}
				k = e
			}
		}
		a = b
	}
	return title
}

// allCaps reports whether every word of [a,b) is in capitals.
func (d *doc) allCaps(a, b int) bool {
	n := 0
	for k := a; k < b; k++ {
		if t := &d.toks[k]; t.Kind == KWord && hasLetter(t.Text) {
			if !t.Upper {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// weakenTitleCase lowers the words of title-case text that are not names:
// function words, and common words that the text does not capitalise in
// its prose. Known names (gazetteer entries, words the prose capitalises,
// words that are not common words, acronyms) stay; a given name stays
// before another name.
func (d *doc) weakenTitleCase(title []bool) {
	toks := d.toks
	lex := d.tg.Lex
	keep := make([]bool, len(toks))
	for k := 0; k < len(toks); k++ {
		if !title[k] || toks[k].Kind != KWord {
			continue
		}
		e := k
		for e < len(toks) && e < k+lex.gazMax && title[e] && toks[e].Kind == KWord {
			e++
		}
		if g, en, ok := d.gazAt(k, e); ok && g > k && !(g == k+1 && en.typ == Person && lex.InDict(toks[k].Low) && !d.midCap[toks[k].Low]) {
			for q := k; q < g; q++ {
				keep[q] = true
			}
			k = g - 1
		}
	}
	for k := len(toks) - 1; k >= 0; k-- {
		t := &toks[k]
		if !title[k] || t.Kind != KWord || !t.Cap || keep[k] {
			continue
		}
		low := strings.TrimRight(t.Low, "’'.")
		weak := false
		switch {
		case strings.HasSuffix(t.Text, ".") && len([]rune(t.Text)) == 2:
			// an initial: "David A. Handler"
		case funcWords[t.Low] || funcWords[low] && !strings.HasSuffix(t.Text, ".") || lex.commonCap[low]:
			weak = true
		case t.Upper || d.midCap[low]:
		case lex.first[low] && lex.InDict(low):
			weak = !(k+1 < len(toks) && title[k+1] && d.isNameTok(k+1))
		case lex.InDict(low):
			weak = true
		}
		if weak {
			t.Cap = false
		}
	}
	// "Julia Craven": a common word after a given name is a surname
	for k := 0; k+1 < len(toks); k++ {
		n := &toks[k+1]
		if title[k] && title[k+1] && d.isNameTok(k) && lex.first[toks[k].Low] && !n.Cap && n.Kind == KWord && !n.Glue {
			if r := []rune(n.Text); len(r) > 0 && unicode.IsUpper(r[0]) {
				if low := strings.TrimRight(n.Low, "’'."); !funcWords[low] && !lex.commonCap[low] {
					n.Cap = true
				}
			}
		}
	}
}
