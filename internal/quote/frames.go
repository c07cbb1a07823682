package quote

// Frames: the patterns that turn a cue into an attribution.

import "strings"

// headlineStop are labels that look like "Source: content" but are not.
var headlineStop = setOf("update", "updated", "photo", "photos", "video",
	"watch", "read", "related", "note", "source", "sources", "breaking",
	"exclusive", "correction", "warning", "q", "a", "editor's", "listen",
	"see", "more", "also", "advertisement", "follow", "subscribe", "share",
	"by", "credit", "image", "caption", "live", "analysis", "opinion")

// headline handles a one-line paragraph "John McCain: Populist Anger
// Appeals to ‘Bad Angels’": a short name, a colon, and what they said.
func (d *doc) headline(s sentence) (found, bool) {
	c := -1
	for j := s.s; j < s.e && j < s.s+6; j++ {
		if d.toks[j].text == ":" {
			c = j
			break
		}
	}
	if c <= s.s || !d.toks[s.s].cap || headlineStop[d.toks[s.s].low] || determiners[d.toks[s.s].low] {
		return found{}, false
	}
	if s.s > 0 && !d.toks[s.s].nl {
		return found{}, false // not at the start of a paragraph
	}
	// A transcript label ("FALLIN: Well, I think…") speaks to the end of
	// its paragraph; otherwise the line must be the whole paragraph.
	label := true
	for j := s.s; j < c; j++ {
		if t := d.toks[j]; t.kind == kWord && t.text != strings.ToUpper(t.text) {
			label = false
		}
	}
	end := s.e
	if label {
		for end < len(d.toks) && !d.toks[end].nl {
			end++
		}
	} else if s.e < len(d.toks) && !d.toks[s.e].nl {
		return found{}, false
	}
	caps := 0
	for j := s.s; j < c; j++ {
		t := d.toks[j]
		if t.kind != kWord && t.text != "." && t.text != "-" {
			return found{}, false
		}
		if t.cap {
			caps++
		}
		if _, isCue := cueWords[t.low]; isCue {
			return found{}, false
		}
	}
	if 2*caps < c-s.s {
		return found{}, false
	}
	cs, ce := d.trimContent(c+1, end)
	words := 0
	for j := cs; j < ce; j++ {
		if d.toks[j].kind == kWord && !isNumber(d.toks[j]) {
			words++
		}
	}
	if words < 3 {
		return found{}, false
	}
	f := found{cs: cs, ce: ce}
	f.a = Attribution{Source: d.span(s.s, c), Cue: d.span(c, c+1), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
	return f, true
}

// colonQuote handles "… pollster Daron Shaw: “Historically, …”": a name,
// a colon and a quotation.
func (d *doc) colonQuote(s sentence, c int) (found, bool) {
	if c+1 >= s.e || c == s.s {
		return found{}, false
	}
	q := d.toks[c+1].quote
	if q < 0 || d.scare(q) || d.regions[q].open != c+1 {
		return found{}, false
	}
	if _, isCue := cueWords[d.toks[c-1].low]; isCue {
		return found{}, false
	}
	srcS, srcE, _ := d.sourceLeft(s, c, false)
	if srcS >= srcE || !d.toks[srcE-1].cap {
		return found{}, false
	}
	// The name and the title words before it: "pollster Daron Shaw".
	k := srcE - 1
	for k > srcS && (d.toks[k-1].cap || d.toks[k-1].text == "/" || d.toks[k-1].text == "&") {
		k--
	}
	for k > srcS && (titleWords[d.toks[k-1].low] || determiners[d.toks[k-1].low] || d.toks[k-1].low == "and") {
		k--
	}
	srcS = k
	if srcE-srcS > 8 {
		return found{}, false
	}
	r := d.regions[q]
	f := found{cs: r.open, ce: r.close + 1}
	f.a = Attribution{Source: d.span(srcS, srcE), Cue: d.span(c, c+1), Content: d.span(r.open, r.close+1), Direct: true}
	return f, true
}

// asked handles "Asked whether …, Ryan said …": the question is content,
// the one asked is the next clause's subject.
func (d *doc) asked(s sentence) (found, bool) {
	i := s.s
	if d.toks[i].low == "when" && i+1 < s.e {
		i++
	}
	if d.toks[i].low != "asked" {
		return found{}, false
	}
	ce := i + 1
	for ce < s.e && (d.toks[ce].text != "," || d.toks[ce].quote >= 0) && !isTerminal(d.toks[ce]) {
		ce++
	}
	if ce >= s.e || d.toks[ce].text != "," || ce == i+1 {
		return found{}, false
	}
	cs := i + 1
	f := found{cs: cs, ce: ce}
	f.a = Attribution{Cue: d.span(s.s, i+1), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
	return f, true
}

// sourceNouns head a phrase after "in" that reports what someone said:
// "in a CNN poll", "In an interview with …".
var sourceNouns = setOf("poll", "polls", "survey", "surveys", "statement",
	"report", "study", "op-ed", "editorial", "memo", "letter", "tweet",
	"post", "email", "e-mail", "book", "analysis", "words", "filing",
	"lawsuit", "complaint", "release", "video", "ad", "advertisement")

// inSource handles "In a CNN poll, Clinton leads …" and "… leads in a CNN
// poll": the phrase after "in" is the source.
func (d *doc) inSource(s sentence, i int) (found, bool) {
	e := i + 1
	head := -1
	for e < s.e && e < i+10 && d.toks[e].text != "," && !isTerminal(d.toks[e]) && d.toks[e].quote < 0 {
		if sourceNouns[d.toks[e].low] {
			head = e
		}
		e++
	}
	if head < 0 || i+1 >= e || !determiners[d.toks[i+1].low] && !d.toks[i+1].cap && !isPossessive(d.toks[i+1].text) {
		return found{}, false
	}
	if d.toks[head].low == "statement" || d.toks[head].low == "email" || d.toks[head].low == "interview" {
		return found{}, false // "in a statement" belongs to a verb's frame
	}
	if i != s.s {
		return found{}, false
	}
	var cs, ce int
	if i == s.s {
		if e >= s.e || d.toks[e].text != "," {
			return found{}, false
		}
		cs, ce = d.trimContent(e+1, s.e)
	} else {
		cs, ce = d.trimContent(s.s, i)
	}
	if ce-cs < 3 {
		return found{}, false
	}
	f := found{cs: cs, ce: ce}
	f.a = Attribution{Source: d.span(i+1, e), Cue: d.span(i, i+1), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
	return f, true
}

// subject returns the subject at the start of sentence s when it is a
// pronoun or a capitalised name ("Sen. Chuck Grassley (R-Iowa)").
func (d *doc) subject(s sentence) (int, int) {
	i := s.s
	if i < s.e && (d.toks[i].low == "but" || d.toks[i].low == "and" || d.toks[i].low == "so") {
		i++
	}
	if i >= s.e || d.toks[i].kind != kWord {
		return 0, 0
	}
	if subjectPronouns[d.toks[i].low] {
		return i, i + 1
	}
	e := i
	for e < s.e && e < i+6 && d.toks[e].kind == kWord && d.toks[e].cap && !notNames[d.toks[e].low] {
		e++
	}
	if e < s.e && d.toks[e].text == "(" {
		for k := e; k < s.e && k < e+6; k++ {
			if d.toks[k].text == ")" {
				e = k + 1
				break
			}
		}
	}
	if e == i {
		return 0, 0
	}
	return i, e
}

// according handles "according to X": the source runs to the next comma or
// the end of the sentence; the content is the rest of the sentence.
func (d *doc) according(s sentence, i int) (found, bool) {
	srcS := i + 2
	srcE := srcS
	for srcE < s.e && d.toks[srcE].text != "," && !isTerminal(d.toks[srcE]) && d.toks[srcE].quote < 0 {
		srcE++
	}
	if srcE == srcS {
		return found{}, false
	}
	var cs, ce int
	if i == s.s || (i == s.s+1 && d.toks[s.s].kind != kWord) {
		cs, ce = srcE, s.e
		if cs < ce && d.toks[cs].text == "," {
			cs++
		}
	} else {
		cs, ce = s.s, i
		if ce > cs && d.toks[ce-1].text == "," {
			ce--
		}
	}
	cs, ce = d.trimContent(cs, ce)
	if cs >= ce {
		return found{}, false
	}
	f := found{cs: cs, ce: ce}
	f.a = Attribution{
		Source:  d.span(srcS, srcE),
		Cue:     d.span(i, i+2),
		Content: d.span(cs, ce),
		Direct:  d.hasQuote(cs, ce),
	}
	return f, true
}

func isTerminal(t token) bool {
	return t.kind == kPunct && (t.text == "." || t.text == "!" || t.text == "?")
}

// trimContent drops trailing sentence punctuation outside quotes and
// leading commas and colons.
func (d *doc) trimContent(cs, ce int) (int, int) {
	for cs < ce && d.toks[cs].kind == kPunct && strings.Contains(",:;—–-", d.toks[cs].text) {
		cs++
	}
	for ce > cs {
		t := d.toks[ce-1]
		if t.kind == kPunct && t.quote < 0 && strings.Contains(".!?,;:—–-", t.text) {
			ce--
			continue
		}
		break
	}
	return cs, ce
}

func (d *doc) hasQuote(cs, ce int) bool {
	for j := cs; j < ce; j++ {
		if d.toks[j].quote >= 0 && !d.scare(d.toks[j].quote) {
			return true
		}
	}
	return false
}

// verbFrame builds the attribution for the cue verb at i.
func (d *doc) verbFrame(s sentence, i int, form cueForm, prev []found) (found, bool) {
	// The cue: auxiliaries and adverbs before the verb, particles after it.
	cueS, cueE := i, i+1
	for cueS > s.s && d.toks[cueS-1].quote < 0 && (preCue[d.toks[cueS-1].low] || isAdverb(d.toks[cueS-1])) {
		cueS--
	}
	if p := particles[form.lemma]; p != nil && cueE < s.e && p[d.toks[cueE].low] {
		cueE++
	} else if particleOnly[form.lemma] {
		return found{}, false
	}
	if cueE < s.e && d.toks[cueE].text == ":" {
		cueE++ // "said:" — the colon belongs to the cue
	}
	// A bare "is", "was" or "be" left at the front is not part of the cue
	// unless it carries a participle ("was quoted as saying" is rare).
	f := found{}

	left := cueS - 1
	var lt token
	if left >= s.s {
		lt = d.toks[left]
	}
	// After the cue: where content would start.
	after := cueE
	if tellLemmas[form.lemma] {
		after = d.skipAddressee(s, after)
	}
	after = d.skipAdjuncts(s, after)
	restS, restE := d.trimContent(after, s.e)
	restLen := restE - restS
	quoteAfter := restS < restE && d.toks[restS].quote >= 0 && !d.scare(d.toks[restS].quote)
	thatAfter := restS < restE && (d.toks[restS].low == "that" || d.toks[restS].low == "whether")
	shortRest := restLen <= 6 && !quoteAfter && !thatAfter && !d.hasQuote(restS, restE)

	appos := left > s.s && lt.text == "," && d.appositive(s, left) >= 0
	if !appos && left > s.s && lt.text == "," && !form.gerund && (quoteAfter || thatAfter || restLen > 6) &&
		(d.toks[left-1].cap || d.toks[left-1].text == ")") {
		// "Gov. John Kasich (R-OH), said, “…”"
		appos = true
	}
	inverted := !appos && (left < s.s || lt.text == "," || lt.kind == kClose || lt.text == ":" ||
		(lt.quote >= 0 && lt.kind != kWord))
	if invertedOnly[form.lemma] && !(inverted || (left >= s.s && d.toks[left].kind == kWord && left > s.s && d.toks[left-1].kind == kClose)) {
		return found{}, false
	}
	switch {
	case inverted && form.gerund && left >= s.s && lt.text == ",":
		// "…, saying that …": the subject is the previous clause's source.
		cs, ce := d.trimContent(after, s.e)
		if cs >= ce {
			return found{}, false
		}
		f.cs, f.ce = cs, ce
		f.a = Attribution{Cue: d.span(cueS, cueE), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
		// The subject of the sentence speaks, unless a cue before took it.
		if ss, se := d.subject(s); ss < se && se <= left {
			sp := d.span(ss, se)
			taken := false
			for _, p := range prev {
				taken = taken || p.a.Source == sp
			}
			if !taken {
				f.a.Source = sp
			}
		}
		return f, true
	case inverted && left >= s.s:
		// "“…,” said Smith." or "“…,” he said": content before, source after.
		srcS := cueE
		srcE := srcS
		for srcE < s.e && d.toks[srcE].quote < 0 && d.toks[srcE].text != "," &&
			!isTerminal(d.toks[srcE]) && !(srcE > srcS && (d.toks[srcE].low == "in" || d.toks[srcE].low == "on" || d.toks[srcE].low == "at")) {
			srcE++
		}
		if srcE == srcS || srcE-srcS > d.opt.MaxSourceWords {
			return found{}, false
		}
		// The appositive "said Smith, a spokesman for X" belongs to the source.
		if srcE < s.e && d.toks[srcE].text == "," && srcE+1 < s.e {
			n := d.toks[srcE+1]
			_, isCue := cueWords[n.low]
			if n.kind == kWord && !isCue && n.low != "according" && n.low != "referring" {
				e := srcE + 1
				for e < s.e && d.toks[e].text != "," && !isTerminal(d.toks[e]) && d.toks[e].quote < 0 && e-srcE < 25 {
					e++
				}
				if e < s.e && d.toks[e].text == "," {
					e++ // the closing comma belongs to the appositive
				}
				if e >= s.e || d.toks[e-1].text == "," || isTerminal(d.toks[e]) {
					srcE = e
				}
			}
		}
		cs, ce := d.contentBefore(s, left+1)
		if cs >= ce {
			return found{}, false
		}
		f.cs, f.ce = cs, ce
		f.a = Attribution{Source: d.span(srcS, srcE), Cue: d.span(cueS, cueE), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
		return f, true
	case left < s.s:
		// A cue opening the sentence with no source ("Asked about…").
		return found{}, false
	}

	srcS, srcE, bound := d.sourceLeft(s, cueS, appos)
	for srcS < srcE-1 && (sourceOpeners[d.toks[srcS].low] || isAdverb(d.toks[srcS])) {
		srcS++
	}
	if d.passive(cueS, i, form) && srcS < srcE {
		// "Trump was asked", "is expected": the subject is not the source.
		cs, ce := d.trimContent(restS, restE)
		ce = d.clauseEnd(cs, ce, form.lemma)
		if cs >= ce {
			return found{}, false
		}
		if raising[form.lemma] {
			// "Trump is expected to win": the content is the subject and
			// what follows, around the cue.
			cs = srcS
		}
		f.cs, f.ce = cs, ce
		f.a = Attribution{Cue: d.span(cueS, cueE), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
		return f, true
	}
	if srcS >= srcE {
		// "Lavrov defended X and said …": the verbs share the subject.
		if bound != cueS-1 || (d.toks[bound].low != "and" && d.toks[bound].low != "but") {
			return found{}, false
		}
		cs, ce := d.trimContent(restS, restE)
		ce = d.clauseEnd(cs, ce, form.lemma)
		if cs >= ce {
			return found{}, false
		}
		f.cs, f.ce = cs, ce
		f.a = Attribution{Cue: d.span(cueS, cueE), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
		if ss, se := d.subject(s); ss < se && se <= bound {
			sp := d.span(ss, se)
			taken := false
			for _, p := range prev {
				taken = taken || p.a.Source == sp
			}
			if !taken {
				f.a.Source = sp
			}
		} else if len(prev) == 0 {
			return found{}, false
		}
		return f, true
	}
	f.a.Source = d.span(srcS, srcE)
	if !d.plausibleSource(srcS, srcE) {
		f.a.Source = Span{}
	}
	f.a.Cue = d.span(cueS, cueE)
	// Content before the source: "“…,” he said." / "X is Y, officials said."
	quoteBefore := bound > s.s && (d.toks[bound].kind == kClose ||
		d.toks[bound].text == "," && d.toks[bound-1].kind == kClose)
	if bound >= s.s && (d.toks[bound].text == "," || d.toks[bound].kind == kClose) && bound > s.s &&
		(shortRest || quoteAfter || quoteBefore && !thatAfter) {
		cs, ce := d.contentBefore(s, bound+1)
		if cs < ce {
			if quoteAfter {
				// Split quote: "“A,” he said, “B.”"
				q := d.regions[d.toks[restS].quote]
				ce = q.close + 1
			}
			f.cs, f.ce = cs, ce
			f.a.Content = d.span(cs, ce)
			f.a.Direct = d.hasQuote(cs, ce)
			return f, true
		}
	}
	cs, ce := restS, restE
	if cs >= ce && d.toks[s.e-1].text == ":" && s.e < len(d.toks) {
		// "He said:" and the quotation in the next paragraph.
		if q := d.toks[s.e].quote; q >= 0 && d.regions[q].open == s.e && !d.scare(q) {
			r := d.regions[q]
			f.cs, f.ce = r.open, r.close+1
			f.a.Content = d.span(r.open, r.close+1)
			f.a.Direct = true
			return f, true
		}
	}
	if cs >= ce {
		return found{}, false
	}
	ce = d.clauseEnd(cs, ce, form.lemma)
	cs, ce = d.trimContent(cs, ce)
	if cs >= ce {
		return found{}, false
	}
	// "… said:" closing a paragraph introduces the quotation that opens the
	// next one.
	if last := s.e - 1; ce >= last && d.toks[last].text == ":" && s.e < len(d.toks) {
		if q := d.toks[s.e].quote; q >= 0 && d.regions[q].open == s.e && !d.scare(q) {
			ce = d.regions[q].close + 1
		}
	}
	f.cs, f.ce = cs, ce
	f.a.Content = d.span(cs, ce)
	f.a.Direct = d.hasQuote(cs, ce)
	return f, true
}

// sourceOpeners are words that open a clause, not a source phrase.
var sourceOpeners = setOf("even", "however", "also", "now", "so", "but",
	"and", "then", "still", "probably", "perhaps", "meanwhile", "indeed",
	"instead", "yet", "thus", "hence", "today", "yesterday")

// raising verbs say something about their subject: "X is expected to",
// "X seems to", "X is considered".
var raising = setOf("expect", "seem", "appear", "consider", "see", "view", "regard", "believe", "think", "know")

// passive reports whether the cue is a passive ("was asked", "is
// expected") or a raising verb ("seems", "appeared"), whose subject is not
// the one speaking.
func (d *doc) passive(cueS, verb int, form cueForm) bool {
	if form.lemma == "seem" || form.lemma == "appear" {
		return true
	}
	if form.gerund || d.toks[verb].low == form.lemma {
		return false
	}
	for j := cueS; j < verb; j++ {
		switch d.toks[j].low {
		case "is", "was", "are", "were", "be", "been", "being":
			return true
		}
	}
	return false
}

// loneSources are lower-case words that can be a source on their own.
var loneSources = setOf("he", "she", "they", "we", "i", "you", "it", "who",
	"which", "that", "everyone", "nobody", "someone", "anyone", "police",
	"staff", "people", "many", "some", "others", "most", "few", "all",
	"both", "none", "one", "this", "critics", "officials", "sources",
	"aides", "advisers", "analysts", "experts", "voters", "democrats",
	"republicans", "supporters", "opponents", "observers", "polls",
	"surveys", "data", "research", "studies", "reports", "documents",
	"records", "prosecutors", "investigators", "lawmakers", "residents")

// notSources open clauses or name times, never speakers.
var notSources = setOf("while", "hours", "minutes", "days", "weeks",
	"months", "years", "earlier", "later", "having", "being", "however",
	"the", "a", "an", "his", "her", "their", "its", "our", "as", "when",
	"after", "before", "since", "if", "because", "although", "though",
	"once", "now", "then", "still", "meanwhile", "instead", "also")

// plausibleSource rejects a one-word source that cannot be a speaker:
// "Having", "Tuesday", "However", "the".
func (d *doc) plausibleSource(s, e int) bool {
	if e-s != 1 {
		return e > s
	}
	t := d.toks[s]
	if t.kind != kWord || notSources[t.low] || weekdays[t.low] || months[t.low] {
		return false
	}
	if t.cap {
		return !strings.HasSuffix(t.low, "ing") || len(t.low) < 5
	}
	return loneSources[t.low] || strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ss")
}

var months = setOf("january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december")
