package quote

// Source phrases: who said it, found to the left of the cue.

import "strings"

// sourceLeft walks left from the cue over the source noun phrase and
// returns its tokens [s, e) and the boundary token before it (or s.s-1).
func (d *doc) sourceLeft(s sentence, cueS int, commaOK bool) (int, int, int) {
	e := cueS
	j := e - 1
	// "One driver, who asked not to be named because his employer had
	// forbidden him to speak to the press, said": a relative clause
	// between commas, however long, says something about the speaker;
	// the source is what stands before it.
	if j > s.s && d.toks[j].text == "," {
		if w := d.relativeAside(s, j); w > s.s {
			if st, e2, b := d.sourceLeft(s, w+1, false); st < e2 {
				return st, e2, b
			}
			return d.sourceLeft(s, w, false)
		}
	}
	// "Humphrey, who calls Trump a “sociopath,” said": the same, with
	// the aside's comma inside its closing quotation.
	if w := d.quotedAside(s, j); w > s.s {
		if st, e2, b := d.sourceLeft(s, w+1, false); st < e2 {
			return st, e2, b
		}
		return d.sourceLeft(s, w, false)
	}
	// "Smith, a spokesman, said": the appositive joins the name.
	if j > s.s && d.toks[j].text == "," {
		k := d.appositive(s, j)
		if k >= 0 && (commaAdverbs[d.toks[k+1].low] && (k+2 == j || d.toks[k+1].low == "for") || !nounPhraseStart(d.toks[k+1])) {
			// "Hunter, meanwhile, told" and "Zucker, who …, told": the name only.
			e, j, k = k, k-1, -2
		}
		switch {
		case k == -2:
		case k >= 0:
			j = k - 1
		case commaOK:
			e, j = j, j-1
		default:
			return e, e, j
		}
	}
	n := 0
	// "Carter however said": a sentence adverb sits outside source and cue.
	for j > s.s && n == 0 && (d.toks[j].low == "however" || d.toks[j].low == "meanwhile" || d.toks[j].low == "too") {
		j--
		e = j + 1
	}
	for ; j >= s.s; j-- {
		t := d.toks[j]
		if t.text == ")" && n < 3 {
			// "Sen. Bernie Sanders (I-Vt.) said": step over the parenthesis.
			k := j
			for k > s.s && d.toks[k].text != "(" && j-k < 8 {
				k--
			}
			if d.toks[k].text == "(" {
				n += j - k + 1
				j = k
				continue
			}
		}
		if n == 0 && t.quote < 0 && t.kind != kWord && isDash(t.text) {
			// "Many dockers at the hearing — pilots, clerks and crane
			// drivers — said": an aside between dashes closes the source
			// and belongs to it, as a parenthesis does.
			if k := d.dashAside(s, j); k >= 0 {
				n += j - k + 1
				j = k
				continue
			}
		}
		if t.quote < 0 && n > 0 && j > s.s && (t.text == "/" || t.text == "&" || t.text == "’" || t.text == "'") && d.toks[j-1].e == t.s {
			n++ // "Reuters/Ipsos", "Sanders’ aides"
			continue
		}
		if t.quote < 0 && t.text == "%" && j > s.s && isNumber(d.toks[j-1]) && d.toks[j-1].e == t.s {
			n++ // "47% say"
			continue
		}
		if t.quote >= 0 || t.kind != kWord {
			break
		}
		if t.low == "who" || t.low == "which" || t.low == "whose" {
			if n == 0 {
				j--
				break
			}
			if t.low != "which" && j > s.s+1 && d.toks[j-1].text == "," && d.toks[j-1].quote < 0 {
				// "Borges, who predicted …, said": the name alone.
				e, n = j-1, 0
				j--
				continue
			}
			if t.low != "which" && j > s.s && d.toks[j-1].kind == kWord && !boundaryWords[d.toks[j-1].low] && !subjectPronouns[d.toks[j-1].low] {
				// "Democrats in Iowa who watched the debate said"
				n++
				continue
			}
			break
		}
		if inPhrase[t.low] && n > 0 && j > s.s && d.toks[j-1].kind == kWord && !boundaryWords[d.toks[j-1].low] &&
			!subjectPronouns[d.toks[j-1].low] {
			// "People briefed on the situation", "Democrats in Iowa"
			n++
			continue
		}
		if t.low == "and" && n > 0 && j > s.s && (d.toks[j-1].cap && d.toks[j-1].kind == kWord || personPronouns[d.toks[j-1].low] || d.pluralAnd(j)) && d.toks[j+1].kind == kWord {
			// "he and Brafman", "Jeb Bush and Chris Christie"
			n++
			continue
		}
		if boundaryWords[t.low] && !(t.low == "of" || t.low == "for" || (t.low == "in" && j > s.s && isNumber(d.toks[j-1]))) {
			break
		}
		if _, isCue := cueWords[t.low]; isCue && n > 0 && !(j+1 < e && reflexives[d.toks[j+1].low]) {
			break
		}
		if n > 0 && subjectPronouns[d.toks[j+1].low] {
			break // "the time he said": the pronoun is the subject
		}
		n++
		if n > d.opt.MaxSourceWords {
			return e, e, j
		}
	}
	st := j + 1
	// "At a meeting on Thursday, the board's chair, Tomas Reyl, said": an
	// opening adjunct is not part of the source.
	if st == s.s && d.opensAdjunct(s) {
		if c := d.firstComma(s); c >= st && c < e-1 {
			st, j = c+1, c
		}
	}
	// "In March Mayor Varga said", "Last week the board said": a time
	// adjunct with no comma after it is not part of the source either.
	if st <= s.s+1 {
		// (The walk may have stopped at the lead: "On Tuesday morning two
		// officials said".)
		if k := d.timeAdjunctEnd(s.s, e); k > st {
			st, j = k, k-1
		}
	}
	if st >= e {
		return e, e, j
	}
	st, j = d.quantifierLeft(s, st, j)
	if k := d.secondDeterminer(st, e); k > st {
		st, j = k, k-1
	}
	// "by five the whole district seemed to know": a number right before
	// a determiner ends a time adjunct ("by five", "at 9"); the source
	// starts at the determiner.
	if st+1 < e && (numberWords[d.toks[st].low] || isNumber(d.toks[st])) && d.toks[st].low != "a" {
		if n := d.toks[st+1].low; n == "the" || n == "a" || n == "an" {
			st, j = st+1, st
		}
	}
	return st, e, j
}

// quotedAside returns the comma that opens ", who …" or ", whose …" when
// the clause ends in a quotation whose own comma closes it at c ("Humphrey,
// who calls Trump a “sociopath,” said"), or -1.
func (d *doc) quotedAside(s sentence, c int) int {
	if c <= s.s+1 || d.toks[c].kind != kClose || d.toks[c-1].text != "," || d.toks[c].quote < 0 {
		return -1
	}
	open := d.regions[d.toks[c].quote].open
	for k := open - 1; k > s.s && c-k < 40; k-- {
		t := d.toks[k]
		if t.quote >= 0 || isTerminal(t) || t.kind != kWord && t.text != "," {
			return -1
		}
		if t.text == "," {
			if n := d.toks[k+1].low; (n == "who" || n == "whose") && k+2 < open {
				return k
			}
			return -1
		}
	}
	return -1
}

// relativeAside returns the comma that opens ", who …," or ", whose …,"
// ending at the comma c, when the clause holds a word that would stop
// the walk left over a source ("who told the committee that …",
// "who asked not to be named because …"), or -1.
func (d *doc) relativeAside(s sentence, c int) int {
	stops := false
	for k := c - 1; k > s.s && c-k < 40; k-- {
		t := d.toks[k]
		if t.quote >= 0 || isTerminal(t) || t.kind != kWord && t.text != "," {
			return -1
		}
		if t.text == "," {
			if n := d.toks[k+1].low; (n == "who" || n == "whose") && stops && k+2 < c {
				return k
			}
			return -1
		}
		if _, cue := cueWords[t.low]; k < c-1 && (boundaryWords[t.low] && t.low != "of" && t.low != "for" || cue) {
			stops = true
		}
	}
	return -1
}

// secondDeterminer returns the start of a noun phrase that the walk left
// over the source ran past: a determiner inside [st, e) right after a
// lower-case noun, as in "the levy the council argued about" or "the
// promises the mayor has talked about", where the source is only "the
// council" or "the mayor". After a preposition ("a spokesman for the
// board"), a participle ("states suing the board") or inside a relative
// clause ("voters who watched the debate") the determiner belongs to the
// source, and so it does in a source with an appositive. It returns -1
// when there is none.
func (d *doc) secondDeterminer(st, e int) int {
	for k := st + 1; k < e; k++ {
		t := d.toks[k]
		if t.quote >= 0 || t.kind != kWord {
			continue
		}
		if t.low == "who" || t.low == "which" || t.low == "that" || t.low == "whose" {
			return -1
		}
		if t.low != "the" && t.low != "a" && t.low != "an" {
			continue
		}
		p := d.toks[k-1]
		if p.kind != kWord || p.quote >= 0 || p.cap || inPhrase[p.low] || nounPrepositions[p.low] || boundaryWords[p.low] ||
			isPossessive(p.text) || approximators[p.low] || numberWords[p.low] || isNumber(p) || p.low == "of" || p.low == "all" || p.low == "both" ||
			strings.HasSuffix(p.low, "ing") || strings.HasSuffix(p.low, "ed") {
			continue // "states suing the EPA", "Varga unleashed a series of posts"
		}
		for j := k; j < e; j++ {
			if d.toks[j].text == "," {
				return -1 // "Reyl, one of the pilots suing the board, said"
			}
		}
		return k
	}
	return -1
}

// approximators qualify a number that opens a source: "about four in 10",
// "nearly half", "more than 6 in 10".
var approximators = setOf("about", "nearly", "almost", "roughly", "some",
	"over", "under", "only", "just", "around", "approximately")

// numberWords open a count of people: "four in 10 voters", "half".
var numberWords = setOf("one", "two", "three", "four", "five", "six",
	"seven", "eight", "nine", "ten", "half", "a", "third", "quarter")

// quantifierLeft widens a source that opens with a number over the words
// that qualify it ("About 4 in 10", "More than half"): they are part of
// who is counted.
func (d *doc) quantifierLeft(s sentence, st, j int) (int, int) {
	if t := d.toks[st]; !isNumber(t) && !numberWords[t.low] {
		return st, j
	}
	switch {
	case st-1 >= s.s && approximators[d.toks[st-1].low] && d.toks[st-1].quote < 0:
		return st - 1, st - 2
	case st-2 >= s.s && d.toks[st-1].low == "than" && (d.toks[st-2].low == "more" || d.toks[st-2].low == "fewer" || d.toks[st-2].low == "less"):
		return st - 2, st - 3
	}
	return st, j
}

// inPhrase are prepositions that can sit inside a source noun phrase
// ("People with knowledge of the talks", "Democrats in Iowa").
var inPhrase = setOf("on", "with", "to", "in", "at", "from", "by", "about",
	"over", "under", "against", "without", "through", "into", "like",
	"among", "across", "familiar", "close", "near", "inside", "outside")

// commaAdverbs sit between commas after a subject.
var commaAdverbs = setOf("meanwhile", "however", "too", "though", "also",
	"instead", "moreover", "furthermore", "nonetheless", "nevertheless",
	"likewise", "similarly", "meantime", "then", "therefore", "in", "for")

// partyMembers open an appositive after a name: "Democrat of California".
var partyMembers = setOf("democrat", "republican", "independent", "libertarian")

// appositive looks for "Name, appositive," ending at the comma c and
// returns the index of the comma that opens the appositive, or -1.
func (d *doc) appositive(s sentence, c int) int {
	k := d.appositive1(s, c, false)
	if k < 0 {
		return -1
	}
	// "Marley Anderson, 21, a junior from Las Vegas,": more than one.
	for n := 0; n < 3; n++ {
		k2 := d.appositive1(s, k, true)
		if k2 < 0 {
			break
		}
		k = k2
	}
	return k
}

// appositive1 tests one comma-delimited segment ending at comma c. With
// chained set, the segment must itself follow a name.
func (d *doc) appositive1(s sentence, c int, chained bool) int {
	k := c - 1
	for k >= s.s && d.toks[k].text != "," && d.toks[k].quote < 0 && (!isTerminal(d.toks[k]) || k == c-1 && k > s.s && partyTag(d.toks[k-1])) && c-k < 25 {
		k--
	}
	if k <= s.s || d.toks[k].text != "," || k+1 >= c {
		return -1
	}
	first, before := d.toks[k+1], d.toks[k-1]
	nameBefore := before.cap && before.kind == kWord && !weekdays[before.low] && !months[before.low] || before.text == ")"
	allCaps := c-k-1 <= 3
	for j := k + 1; j < c && allCaps; j++ {
		allCaps = d.toks[j].cap
	}
	switch {
	case partyTag(first) && c == k+2 || partyTag(first) && c == k+3 && d.toks[k+2].text == "." && nameBefore:
		// "Rep. Chris Colby, R-NY," and "Sen. Rand Pauling, R-Ky.,": a
		// party and a state, not a place.
	case allCaps && nameBefore && k > s.s+1 && !chained && (d.toks[k-2].low == "from" || d.toks[k-2].low == "of" || d.toks[k-2].low == "in" || d.toks[k-2].cap):
		// "a salesman from Sumter, South Carolina,": a place, not a
		// person; the appositive goes on before it.
		if k2 := d.appositive1(s, k, false); k2 >= 0 {
			return k2
		}
		if k-4 >= s.s && (d.toks[k-2].low == "in" || d.toks[k-2].low == "from" || d.toks[k-2].low == "of") &&
			d.toks[k-3].kind == kWord && !d.toks[k-3].cap && (determiners[d.toks[k-4].low] || k-5 >= s.s && determiners[d.toks[k-5].low]) {
			// "A woman in Worcester, Massachusetts, told": someone from
			// a town and its state.
			return k
		}
		return -1
	case partyMembers[first.low] && nameBefore:
		// "Senator Dianne Feinstein, Democrat of California,"
	case commaAdverbs[first.low] && (k+2 == c || first.low == "for"):
		// "Hunter, meanwhile, told"; "Limbaugh, for one, called"
	case !first.cap && first.kind == kWord && nameBefore:
		// "Josh Hendler, a top Democratic tech operative,"
	case isPossessive(first.text) || strings.HasSuffix(first.text, "’") && nameBefore:
		// "Jeff Weaver, Sanders’ campaign manager,"
	case isNumber(first) && before.cap:
		// "Butz, 49,"
	case strings.HasPrefix(first.text, "D-") || strings.HasPrefix(first.text, "R-") || strings.HasPrefix(first.text, "I-"):
	case first.cap && before.kind == kWord && !before.cap && (determiners[d.toks[max(k-3, s.s)].low] ||
		isPossessive(d.toks[max(k-3, s.s)].text) || isPossessive(d.toks[max(k-2, s.s)].text) || d.roleBefore(s, k)):
		// "Dow's chief executive, Andrew Liveris,"
	default:
		return -1
	}
	for j := k + 1; j < c; j++ {
		switch d.toks[j].low {
		case "said", "says", "told", "saying", "according":
			return -1
		}
	}
	return k
}

func isNumber(t token) bool {
	return t.kind == kWord && t.text[0] >= '0' && t.text[0] <= '9'
}

// isAdverb is a loose test for a manner adverb between source and verb.
func isAdverb(t token) bool {
	return t.kind == kWord && !t.cap && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") &&
		t.low != "only" && t.low != "early" && t.low != "family" && t.low != "july" && t.low != "italy"
}

// subjectPronouns end a source phrase when they stand right before it.
var subjectPronouns = setOf("he", "she", "they", "we", "i", "it", "you")

// reflexives after "call" name: "a group calling itself Greyfen".
var reflexives = setOf("itself", "themselves", "himself", "herself")

// partyTag reports a party-and-state tag after a lawmaker's name: "R-NY",
// "D-Calif", "I-Vt".
func partyTag(t token) bool {
	return t.kind == kWord && len(t.text) > 2 && t.text[1] == '-' && strings.ContainsRune("DRI", rune(t.text[0]))
}

// roleBefore reports a role noun phrase opened by a determiner or a
// possessive a few lower-case words before the comma at k: "Her senior
// policy adviser, Jake Sullivan,".
func (d *doc) roleBefore(s sentence, k int) bool {
	for j := k - 1; j >= s.s && j >= k-5; j-- {
		t := d.toks[j]
		if t.kind != kWord || t.quote >= 0 {
			return false
		}
		if determiners[t.low] || isPossessive(t.text) {
			return j < k-1
		}
		if t.cap && j < k-1 || boundaryWords[t.low] {
			return false
		}
	}
	return false
}

// dashAside returns the index of the dash that opens an aside closed by the
// dash at c ("pilots from two ports — Veyra and Saltmarsh —"), or -1. The
// aside holds only words and commas and no cue, and a word stands before
// it: the noun phrase it comments on.
func (d *doc) dashAside(s sentence, c int) int {
	if d.toks[c].text == "-" && c-1 > s.s && d.toks[c-1].text == "-" {
		c-- // " -- "
	}
	cued := false
	for k := c - 1; k > s.s && k > c-16; k-- {
		t := d.toks[k]
		if t.quote >= 0 || isTerminal(t) {
			return -1
		}
		if t.kind != kWord && isDash(t.text) {
			if t.text == "-" && d.toks[k-1].text == "-" {
				k--
			}
			if k == c-1 || k == s.s || d.toks[k-1].kind != kWord || d.toks[k-1].quote >= 0 {
				return -1
			}
			if cued && d.toks[k+1].low != "who" && d.toks[k+1].low != "whose" {
				return -1
			}
			return k
		}
		if t.kind != kWord && t.text != "," {
			return -1
		}
		if _, ok := cueWords[t.low]; ok {
			// A verb of saying inside the dashes makes them a report of
			// their own, unless they hold a relative clause about the
			// source ("Joyce — who is listed as an attorney — told").
			cued = true
		}
	}
	return -1
}

// pluralAnd reports whether the "and" at j joins two groups of speakers
// ("harbour engineers and Port Authority officials", "economists and
// other critics"): a plural noun before it, and a name or a word that opens a
// noun phrase after it. A verb in -s before it ("the plan fails and
// critics say") has no such opener after the "and".
func (d *doc) pluralAnd(j int) bool {
	if j+1 >= len(d.toks) {
		return false
	}
	p, n := d.toks[j-1], d.toks[j+1]
	if p.kind != kWord || p.cap || p.quote >= 0 || !strings.HasSuffix(p.low, "s") || boundaryWords[p.low] || auxiliaries[p.low] {
		return false
	}
	if _, isCue := cueWords[p.low]; isCue {
		return false
	}
	return n.cap && !personPronouns[n.low] || conjunctOpeners[n.low]
}

// conjunctOpeners open the second of two coordinated groups of speakers.
var conjunctOpeners = setOf("other", "many", "some", "several", "most", "former", "fellow")

// timeAdjunctEnd returns where a time adjunct opening [st, e) ends ("In
// March", "On Tuesday morning", "Last week", "Earlier this month", "In
// 2016"), when words follow it, or st. The time must be named: "In the
// campaign" is no time, and a capitalised word of time is a name ("This
// Week host …", "In Fall River …").
func (d *doc) timeAdjunctEnd(st, e int) int {
	if !timeLeads[d.toks[st].low] {
		return st
	}
	named := false
	i := st + 1
	for ; i < e && i < st+5; i++ {
		t := d.toks[i]
		if t.quote >= 0 || t.kind != kWord {
			break
		}
		if months[t.low] || weekdays[t.low] || timeNouns[t.low] && !t.cap || isYear(t.text) {
			named = true
			continue
		}
		if named || !timeModifiers[t.low] {
			break
		}
	}
	if !named || i >= e {
		return st
	}
	return i
}

// isYear reports whether w is a year of the news: 1900 to 2099.
func isYear(w string) bool {
	return len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && w[2] >= '0' && w[2] <= '9' && w[3] >= '0' && w[3] <= '9'
}

// timeLeads open a time adjunct; timeModifiers come before its time
// ("early this week").
var (
	timeLeads     = setOf("in", "on", "at", "during", "since", "after", "before", "by", "until", "last", "this", "next", "earlier", "later")
	timeModifiers = setOf("the", "this", "last", "next", "early", "late", "mid", "earlier", "later")
)
