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
	// "EXCLUSIVE – Roger Vale: …": the kicker, split off like a
	// dateline, is no part of the name, and the line still opens the
	// paragraph.
	kicker := s.s >= 2 && isDash(d.toks[s.s-1].text) && headlineStop[d.toks[s.s-2].low] && (s.s == 2 || d.toks[s.s-2].nl)
	if s.s > 0 && !d.toks[s.s].nl && !kicker {
		return found{}, false // not at the start of a paragraph
	}
	if c <= s.s || !d.toks[s.s].cap || headlineStop[d.toks[s.s].low] || determiners[d.toks[s.s].low] {
		return found{}, false
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
		if _, intro := introCues[t.low]; intro && d.nextToQuote(j, introCues[t.low]) {
			return found{}, false // "Varga shot back: “…”"
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
	// "Varga to Harbour Workers: …", "Vale on the Strike: …": the speaker
	// is the name before the hearer or the topic.
	srcE := c
	for j := s.s + 1; j < c; j++ {
		if l := d.toks[j].low; l == "to" || l == "on" {
			srcE = j
			break
		}
	}
	f := found{cs: cs, ce: ce}
	f.a = Attribution{Source: d.span(s.s, srcE), Cue: d.span(c, c+1), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
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
	if f, intro := introCues[d.toks[c-1].low]; intro && introParticles[f.lemma] == "" ||
		c-2 >= s.s && d.toks[c-1].kind == kWord && introParticles[introCues[d.toks[c-2].low].lemma] == d.toks[c-1].low {
		return found{}, false // "Oliver barked: “…”", "Varga shot back: “…”": the verb's frame has it
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

// dashQuote handles a quotation signed with a dash after it, as pull
// quotes and readers' voices are: "“I was out of work for a year.” ―
// Marta Ilves". The dash is the cue, the name after it, up to a comma or
// the end of the sentence, the source.
func (d *doc) dashQuote(s sentence, c int) (found, bool) {
	if c == s.s || c+1 >= s.e {
		return found{}, false
	}
	q := d.toks[c-1].quote
	if q < 0 || d.scare(q) || d.regions[q].close != c-1 {
		return found{}, false
	}
	j := c + 1
	for j < s.e && j < c+7 {
		t := d.toks[j]
		switch {
		case t.kind == kWord && t.cap && t.quote < 0 && !months[t.low] && !weekdays[t.low] && !personPronouns[t.low]:
		case t.text == "." && j > c+1 && len([]rune(d.toks[j-1].text)) == 1: // an initial: "Edwin G. Monroy"
		default:
			goto end
		}
		j++
	}
end:
	if j == c+1 || j < s.e && d.toks[j].text != "," && !isTerminal(d.toks[j]) {
		return found{}, false
	}
	r := d.regions[q]
	f := found{cs: r.open, ce: r.close + 1}
	f.a = Attribution{Source: d.span(c+1, j), Cue: d.span(c, c+1), Content: d.span(r.open, r.close+1), Direct: true}
	return f, true
}

// titleBeforeName reports whether the lower-case words from j are title
// words (at most three) followed by a capitalised word: "presidential
// nominee Hillary Clinton".
func (d *doc) titleBeforeName(j, limit int) bool {
	k := j
	for k < limit && k < j+3 && d.toks[k].kind == kWord && !d.toks[k].cap && titleWords[d.toks[k].low] {
		k++
	}
	return k > j && k < limit && d.toks[k].kind == kWord && d.toks[k].cap && d.toks[k].quote < 0
}

// nameFor reports whether [i, e), before "for", is a person's name
// ("Cameron Easley for Morning Consult"): two words or more, the last
// capitalised and no title, with no determiner before them and no word of
// an organisation ("Americans for Prosperity", "the Center for American
// Progress", "Brennan Center for Justice").
func (d *doc) nameFor(i, e int) bool {
	if e-i < 2 || determiners[d.toks[i].low] {
		return false
	}
	l := d.toks[e-1]
	return l.cap && !titleWords[l.low] && !notNames[bare(l.low)]
}

// stateAbbrev reports whether the full stop at j closes an abbreviation
// inside brackets, not the sentence: "said Sen. David Perdue (R-Ga.).".
func (d *doc) stateAbbrev(j int) bool {
	return d.toks[j].text == "." && j > 0 && d.toks[j-1].kind == kWord && j+1 < len(d.toks) && d.toks[j+1].text == ")"
}

// nameAfter reports whether a name alone follows the cue, up to a comma or
// the end of the sentence: "…, said Ilse Varga, a former adviser." Then
// the name is the source, whatever the comma before the cue follows.
func (d *doc) nameAfter(s sentence, i int) bool {
	j := i
	for j < s.e && j < i+6 && d.toks[j].kind == kWord && d.toks[j].quote < 0 && d.toks[j].cap &&
		!weekdays[d.toks[j].low] && !months[d.toks[j].low] && !personPronouns[d.toks[j].low] {
		j++
	}
	if j == i {
		return false
	}
	return j >= s.e || d.toks[j].text == "," || isTerminal(d.toks[j])
}

// adjunctRest reports whether [i, e), what follows a cue, says only when,
// where or how something was said: "Tuesday in Paris", "that night", "on
// Twitter", "during his speech to the delegates", up to the end or to a
// comma before a participle of saying ("…, noting …"). It holds no
// complementiser, quotation, cue or finite verb ("the claims Doyle said
// at the hearing were …" goes on with a clause).
func (d *doc) adjunctRest(i, e int) bool {
	if i >= e {
		return false
	}
	t := d.toks[i]
	switch {
	case weekdays[t.low] || months[t.low]:
	case (t.low == "that" || t.low == "this" || t.low == "last") && i+1 < e && timeNouns[d.toks[i+1].low]:
	case t.low == "during" || t.low == "via":
	case d.adjunctAt(i, e) && (t.low == "on" || t.low == "in" || t.low == "at"):
	default:
		return false
	}
	for j := i; j < e; j++ {
		u := d.toks[j]
		if u.quote >= 0 || u.kind == kOpen || j-i > 12 {
			return false
		}
		if u.text == "," {
			if j+1 < e && sceneClauses[d.toks[j+1].low] {
				return d.sceneClause(j+1, e)
			}
			f, ok := cueWords[d.toks[min(j+1, e-1)].low]
			return j+1 < e && ok && f.gerund
		}
		if _, ok := cueWords[u.low]; ok || auxiliaries[u.low] || u.low == "that" && j > i+1 || u.low == "whether" || isTerminal(u) || u.text == ":" || u.text == ";" {
			return false
		}
	}
	return true
}

// sceneClauses open a clause that sets the scene of a report rather than
// saying what was reported: "…, the director said on Monday, as staff
// fielded calls".
var sceneClauses = setOf("as", "while", "amid")

// sceneClause reports whether [i, e) is a clause opened by one of the
// sceneClauses that runs to the end with no quotation or "that" of its
// own, so that it cannot be what was said.
func (d *doc) sceneClause(i, e int) bool {
	for j := i + 1; j < e; j++ {
		u := d.toks[j]
		if u.quote >= 0 || u.kind == kOpen || u.low == "that" || u.low == "whether" || u.text == ":" || u.text == ";" {
			return false
		}
	}
	return true
}

// reportedly handles "The ferry operator is reportedly near collapse": the
// adverb attributes its clause to reports nobody is named for, so the
// clause around it is the content and there is no source. Before a verb of
// saying ("reportedly told aides") the verb is the cue instead.
func (d *doc) reportedly(s sentence, i int) (found, bool) {
	if i+1 < s.e {
		if _, ok := d.cueAt(i + 1); ok {
			return found{}, false
		}
	}
	cs := s.s
	for cs < i && (d.toks[cs].low == "but" || d.toks[cs].low == "and" || d.toks[cs].low == "so") {
		cs++
	}
	if d.opensAdjunct(s) {
		// "In all, the board is reportedly split": the opening phrase
		// sets the scene; the clause starts after its comma.
		if c := d.firstComma(s); c >= cs && c < i {
			cs = c + 1
		}
	}
	if i-cs < 1 || d.toks[cs].quote >= 0 {
		return found{}, false
	}
	for j := cs; j < s.e; j++ {
		// "…, according to two clerks": the clause has a cue of its own.
		if t := d.toks[j]; t.low == "according" && t.quote < 0 {
			return found{}, false
		}
	}
	cs, ce := d.trimContent(cs, d.clauseEnd(cs, s.e, ""))
	if ce <= i+1 {
		return found{}, false
	}
	f := found{cs: cs, ce: ce}
	f.a = Attribution{Cue: d.span(i, i+1), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
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
	if d.toks[cs].low == "about" && cs+1 < ce {
		cs++ // "Asked about the levy, …": the preposition joins the cue
	}
	f := found{cs: cs, ce: ce}
	f.a = Attribution{Cue: d.span(s.s, cs), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
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
	srcE := e
	if i == s.s {
		if e >= s.e || d.toks[e].text != "," {
			return found{}, false
		}
		// "In the last poll, conducted in May, …": the participle
		// phrase and its comma belong to the source.
		if n := d.toks[min(e+1, s.e-1)]; e+1 < s.e && !n.cap && len(n.low) > 4 && strings.HasSuffix(n.low, "ed") {
			for k := e + 2; k < s.e && k < e+12 && d.toks[k].quote < 0 && !isTerminal(d.toks[k]); k++ {
				if d.toks[k].text == "," {
					e, srcE = k, k+1
					break
				}
			}
		}
		cs, ce = d.trimContent(e+1, s.e)
	} else {
		cs, ce = d.trimContent(s.s, i)
	}
	if ce-cs < 3 {
		return found{}, false
	}
	// "In his book, McKinley suggested …": the phrase sets the scene for a
	// cue of its own.
	for j := cs; j < ce; j++ {
		if f, ok := d.cueAt(j); ok && !f.gerund && j > cs && !nounDeterminers[d.toks[j-1].low] &&
			(!particleOnly[f.lemma] || j+1 < ce && particles[f.lemma][d.toks[j+1].low]) {
			return found{}, false
		}
	}
	f := found{cs: cs, ce: ce}
	f.a = Attribution{Source: d.span(i+1, srcE), Cue: d.span(i, i+1), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
	return f, true
}

// startsSource reports whether token i, right after a cue, can open its
// source ("said Smith", "said the official", "says one"): not a
// preposition, "to", "that" or an adverb, and not the hearer of "told".
func (d *doc) startsSource(i int, form cueForm) bool {
	if i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	if t.kind != kWord || t.quote >= 0 || tellLemmas[form.lemma] {
		return false
	}
	if t.cap || determiners[t.low] || subjectPronouns[t.low] || isNumber(t) || loneSources[t.low] {
		return !inPhrase[t.low] && !clauseOpeners[t.low] || t.cap && !adjunctStarts[t.low]
	}
	if boundaryWords[t.low] || inPhrase[t.low] || adjunctStarts[t.low] || clauseOpeners[t.low] || isAdverb(t) {
		return false
	}
	if _, isCue := cueWords[t.low]; isCue {
		return false
	}
	return true
}

// opensAdjunct reports whether sentence s opens with an adverbial phrase
// or clause ("In a statement, …", "When asked about it, …").
func (d *doc) opensAdjunct(s sentence) bool {
	i := s.s
	for i < s.e && (d.toks[i].low == "but" || d.toks[i].low == "and" || d.toks[i].low == "so") {
		i++
	}
	if i >= s.e || d.toks[i].quote >= 0 {
		return false
	}
	return d.opener(i)
}

// opener reports whether token i can open an adverbial phrase before the
// subject. "This" and "last" do so only before a time ("This week, …",
// "Last year, …"); "This has been a concern, she said" opens with the
// subject.
func (d *doc) opener(i int) bool {
	t := d.toks[i]
	if t.kind != kWord {
		return false
	}
	if t.low == "this" || t.low == "last" || t.low == "that" {
		return i+1 < len(d.toks) && timeNouns[d.toks[i+1].low]
	}
	if months[t.low] && i+1 < len(d.toks) && d.toks[i+1].kind == kWord && d.toks[i+1].cap {
		return false // a given name: "April Mellody, a spokeswoman, said"
	}
	return clauseOpeners[t.low] || weekdays[t.low] || months[t.low] || isAdverb(t)
}

// timeNouns name a stretch of time: "this week", "last year".
var timeNouns = setOf("week", "month", "year", "morning", "afternoon",
	"evening", "night", "weekend", "spring", "summer", "fall", "autumn",
	"winter", "time", "season", "quarter", "decade", "century", "term",
	"cycle", "session", "fortnight", "day", "past")

// firstComma returns the index of the first comma outside quotations in s,
// or -1.
func (d *doc) firstComma(s sentence) int {
	for j := s.s; j < s.e; j++ {
		if d.toks[j].text == "," && d.toks[j].quote < 0 {
			return j
		}
	}
	return -1
}

// inAside reports whether token i sits in an aside between dashes or
// brackets that closes before limit: "Varga suggested … - “…,” she said -
// and charged …": "she" is no subject of "charged".
func (d *doc) inAside(s sentence, i, limit int) bool {
	open := -1
	for j := i - 1; j >= s.s; j-- {
		if t := d.toks[j]; t.quote < 0 && (isDash(t.text) || t.text == "(") {
			open = j
			break
		}
	}
	if open < 0 {
		return false
	}
	want := d.toks[open].text
	if want == "(" {
		want = ")"
	}
	for j := i + 1; j < limit; j++ {
		if t := d.toks[j]; t.quote < 0 && (t.text == want || isDash(want) && isDash(t.text)) {
			return true
		}
	}
	return false
}

// sharedSource returns the source of a cue that shares the subject of an
// earlier verb in sentence s ("Trump attacked Obama, calling him weak";
// "Lavrov defended X and said …"): the source of the last attribution found
// before limit in the sentence, or else the subject of the sentence.
func (d *doc) sharedSource(s sentence, limit int, prev []found) Span {
	for k := len(prev) - 1; k >= 0; k-- {
		p := prev[k].a
		if !p.Source.Empty() && p.Source.End <= d.toks[limit].s && p.Source.Start >= d.toks[s.s].s && !d.inAside(s, d.tokenAt(p.Source.Start), limit) {
			return p.Source
		}
	}
	if ss, se := d.subject(s, limit); ss < se && d.plausibleSource(ss, se) {
		return d.span(ss, se)
	}
	return Span{}
}

// clauseOpeners start an adverbial phrase before the subject: "On Sunday,
// Mr. Trump …", "In an incendiary press conference, Trump …".
var clauseOpeners = setOf("on", "in", "at", "after", "before", "during",
	"when", "while", "as", "since", "with", "without", "despite",
	"following", "by", "for", "from", "earlier", "later", "meanwhile",
	"still", "yet", "instead", "now", "then", "today", "yesterday", "last",
	"this", "although", "though", "because", "if", "unlike", "like",
	"under", "over", "amid", "among", "throughout", "within", "once",
	"indeed", "however", "moreover", "finally", "first", "separately",
	"similarly", "afterward", "afterwards", "here", "there", "to", "until",
	"asked", "speaking", "addressing", "writing", "standing", "of", "in",
	"according", "regardless", "even", "whether", "nevertheless",
	"nonetheless", "overall", "again", "otherwise", "ultimately", "outside",
	"inside", "near", "across", "around", "beyond", "behind", "throughout",
	"publicly", "privately", "meanwhile", "later", "back", "elsewhere")

// subject returns the subject of the sentence s, ending before limit: a
// pronoun or a noun phrase ("Sen. Chuck Grassley (R-Iowa)", "the Vermont
// senator", "Ari Fleischer, a former press secretary,") after any opening
// adverbial ("On Sunday, …"), followed by what looks like its verb.
func (d *doc) subject(s sentence, limit int) (int, int) {
	i := s.s
	for n := 0; n < 3 && i < limit; n++ {
		t := d.toks[i]
		if t.low == "but" || t.low == "and" || t.low == "so" || t.low == "yet" || t.low == "or" {
			i++
			continue
		}
		if !d.opener(i) {
			break
		}
		c := i + 1
		for c < limit && c < i+30 && (d.toks[c].text != "," || d.toks[c].quote >= 0) && !isTerminal(d.toks[c]) {
			c++
		}
		if c >= limit || d.toks[c].text != "," {
			return 0, 0
		}
		i = c + 1
	}
	if i >= limit || d.toks[i].kind != kWord {
		return 0, 0
	}
	t := d.toks[i]
	if subjectPronouns[t.low] || t.low == "who" {
		return i, i + 1
	}
	e := i
	det := determiners[t.low] || isPossessive(t.text)
	if !det && !t.cap && !isNumber(t) {
		return 0, 0
	}
	lower := 0
	for e < limit && e < i+12 {
		u := d.toks[e]
		if u.kind != kWord {
			if u.text == "(" {
				k := e + 1
				for k < limit && k < e+8 && d.toks[k].text != ")" {
					k++
				}
				if k < limit && d.toks[k].text == ")" {
					e = k + 1
					continue
				}
			}
			if (u.text == "’" || u.text == "'") && e > i && d.toks[e-1].e == u.s {
				e++
				det = true
				continue
			}
			break
		}
		if e > i && (u.low == "of" || u.low == "and") && e+1 < limit && d.toks[e+1].cap {
			e++
			continue
		}
		if u.cap || isNumber(u) || determiners[u.low] || isPossessive(u.text) {
			if e > i && !u.cap && !isPossessive(u.text) && !isNumber(u) {
				break
			}
			if isPossessive(u.text) {
				det = true // "China's state-owned investment giant"
			}
			e++
			continue
		}
		// A title in lower case before a name: "Democratic presidential
		// nominee Hillary Clinton".
		if !det && e > i && d.titleBeforeName(e, limit) {
			for e < limit && d.toks[e].kind == kWord && !d.toks[e].cap {
				e++
			}
			continue
		}
		// A lower-case word: a noun after a determiner ("the Vermont
		// senator"), not a verb.
		if _, isCue := cueWords[u.low]; isCue || !det || lower >= 4 || preCue[u.low] || boundaryWords[u.low] ||
			(len(u.low) > 4 && strings.HasSuffix(u.low, "ed")) {
			break
		}
		lower++
		e++
	}
	if e == i {
		return 0, 0
	}
	// "Ari Fleischer, a former press secretary,": the appositive joins.
	if e < limit && d.toks[e].text == "," {
		c := e + 1
		for c < limit && c < e+25 && d.toks[c].text != "," && !isTerminal(d.toks[c]) && d.toks[c].quote < 0 {
			c++
		}
		if c < limit && d.toks[c].text == "," && d.appositive1(s, c, false) == e && nounPhraseStart(d.toks[e+1]) {
			e = c + 1
		}
	}
	if e < limit {
		u := d.toks[e]
		if u.kind != kWord && u.text != "," && e != limit {
			return 0, 0
		}
		if u.kind == kWord && u.cap && !subjectPronouns[u.low] {
			return 0, 0
		}
	}
	return i, e
}

// nounPhraseStart reports whether t can open an appositive noun phrase
// ("a spokesman", "Sanders’ campaign manager", "49") rather than a
// parenthetical clause ("who …", "speaking …", "after a pause").
func nounPhraseStart(t token) bool {
	if t.kind != kWord {
		return false
	}
	switch t.low {
	case "where", "when", "while", "after", "before",
		"during", "in", "at", "on", "for", "with", "of", "also", "too",
		"however", "meanwhile", "though", "although", "despite", "like",
		"as", "not", "then", "now", "still", "even", "again", "once", "by":
		return false
	}
	if !t.cap && len(t.low) > 4 && strings.HasSuffix(t.low, "ing") {
		return false
	}
	return true
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
		if d.toks[i-1].text == "," && srcE+1 < s.e && d.toks[srcE].text == "," && !isTerminal(d.toks[srcE+1]) && d.fragment(cs, i-1) &&
			!appositiveStarts[d.toks[srcE+1].low] {
			// "The plan, according to two aides, was dropped": the
			// source interrupts the content, which is the whole
			// sentence; a bare "But," before it stays out.
			ce = s.e
			if i-1 == cs+1 && (d.toks[cs].low == "but" || d.toks[cs].low == "and" || d.toks[cs].low == "so") {
				cs = srcE + 1
			}
		}
	}
	cs, ce = d.trimContent(cs, ce)
	if cs >= ce {
		return found{}, false
	}
	if ce <= i && cs == s.s {
		// "Even so, the plan …, according to Y": the content starts
		// after the connective (the annotators leave it out here, though
		// not before "he said").
		cs = d.skipConnective(cs, ce)
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
// maxOpening is the most tokens before a parenthetical cue that a
// quotation after it can finish as one clause.
const maxOpening = 8

func (d *doc) verbFrame(s sentence, i int, form cueForm, prev []found) (found, bool) {
	// "Having said that, …", "That said, …": a discourse marker reports
	// nothing.
	if i+2 < s.e && d.toks[i+1].low == "that" && d.toks[i+2].text == "," && i > s.s && d.toks[i-1].low == "having" ||
		i == s.s+1 && d.toks[s.s].low == "that" && i+1 < s.e && d.toks[i+1].text == "," {
		return found{}, false
	}
	// "Making the rounds on the Sunday morning shows, Carson said …": a
	// word inside an opening participle phrase is no cue of its own.
	if i > s.s && d.opensParticiple(s) {
		if c := d.firstComma(s); c > i {
			return found{}, false
		}
	}
	// "She seemed to imply that …": the raising verb leaves the report
	// to the verb it governs, and joins its cue.
	if (form.lemma == "seem" || form.lemma == "appear") && !form.gerund && i+2 < s.e && d.toks[i+1].low == "to" {
		if f, ok := d.cueAt(i + 2); ok && !f.gerund && f.lemma != "seem" && f.lemma != "appear" {
			return found{}, false
		}
	}
	if form.lemma == "decline" && i+2 < s.e && (d.toks[i+1].low == "to" || d.toks[i+1].low == "by") &&
		(isNumber(d.toks[i+2]) || d.toks[i+2].text == "$" || numberWords[d.toks[i+2].low]) {
		// "fees declined to $281 million": a fall, not a refusal.
		return found{}, false
	}
	// The cue: auxiliaries and adverbs before the verb, particles after it.
	cueS, cueE := i, i+1
	for cueS > s.s && d.toks[cueS-1].quote < 0 && (d.aux(cueS-1) || isAdverb(d.toks[cueS-1])) {
		cueS--
	}
	if cueS-2 >= s.s && d.toks[cueS-1].low == "to" && d.toks[cueS-1].quote < 0 {
		if f, ok := cueWords[d.toks[cueS-2].low]; ok && (f.lemma == "seem" || f.lemma == "appear") && !f.gerund {
			cueS -= 2
			for cueS > s.s && d.toks[cueS-1].quote < 0 && (d.aux(cueS-1) || isAdverb(d.toks[cueS-1])) {
				cueS--
			}
		}
	}
	if p := particles[form.lemma]; p != nil && cueE < s.e && p[d.toks[cueE].low] {
		cueE++
	} else if cueE+1 < s.e && d.toks[cueE].low == "out" && d.toks[cueE].quote < 0 && d.toks[cueE+1].low != "of" {
		// "called out", "tweeting out", "shouted out": the particle
		// belongs to the verb.
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
	if tellLemmas[form.lemma] && !objectContent[form.lemma] {
		after = d.skipAddressee(s, after, form.lemma)
	}
	after = d.skipAdjuncts(s, after)
	if after == cueE && !d.passive(cueS, i, form) && d.prepInCue(s, cueE) {
		// "spoke out about the deal", "warned of a crisis": the
		// preposition the verb governs belongs to the cue, its object is
		// what was said.
		cueE++
		after++
	}
	restS, restE := d.trimContent(after, s.e)
	restLen := restE - restS
	quoteAfter := restS < restE && d.toks[restS].quote >= 0 && !d.scare(d.toks[restS].quote)
	thatAfter := restS < restE && (d.toks[restS].low == "that" || d.toks[restS].low == "whether")
	nothingAfter := restS >= restE
	if d.adjunctRest(restS, restE) {
		// "…, Varga said Tuesday in Veyra, noting …", "…, he said that
		// night": only when and where it was said follows the cue.
		thatAfter = false
		restLen = 0
		nothingAfter = true
	}
	// A short rest is when and where it was said ("…, he said on
	// Monday"), unless it is a clause of its own ("…, he didn't think the
	// casino would last").
	shortRest := restLen <= 6 && !quoteAfter && !thatAfter && !d.hasQuote(restS, restE) && !d.hasClause(restS, restE)
	if tellLemmas[form.lemma] && !objectContent[form.lemma] && after == cueE && !quoteAfter && !thatAfter &&
		cueE < s.e && (hearers[d.toks[cueE].low] || determiners[d.toks[cueE].low] || d.toks[cueE].cap) {
		// "…, its chief executive told a parliamentary committee on
		// Tuesday": a hearer and no content after it.
		shortRest = shortRest || !d.clauseAfterHearer(cueE, s.e)
	}

	appos := left > s.s && lt.text == "," && d.appositive(s, left) >= 0
	if !appos && left > s.s && lt.text == "," && !form.gerund && (quoteAfter || thatAfter || restLen > 6) &&
		(d.toks[left-1].cap || d.toks[left-1].text == ")") && !d.nameAfter(s, cueE) {
		// "Gov. John Kasich (R-OH), said, “…”"
		appos = true
	}
	if !appos && left > s.s && lt.text == "," && !form.gerund && d.toks[left-1].kind == kWord && d.toks[left-1].quote < 0 &&
		cueE < s.e && !auxiliaries[d.toks[cueE].low] && d.hasClause(cueE, s.e) && !d.startsQuoteBefore(s, left) {
		// "The delegate, who backs Varga, said the rules were unfair":
		// a clause after the cue is what was said, so the words before
		// the comma are the source, however they end.
		appos = true
	}
	if !appos && left > s.s && !form.gerund && (lt.text == "," && d.relativeAside(s, left) > s.s || d.quotedAside(s, left) > s.s) {
		// "Its chief executive, who told the committee that …, said the
		// firm accepted the findings": after a clause opened by ", who"
		// the cue takes its source from before it, not after.
		appos = true
	}
	// After a quotation only when it ends with its own punctuation
	// ("“…,” he said"), not after a quoted phrase ("had “many times”
	// asked").
	quoteEnds := lt.kind != kClose || left > s.s && d.toks[left-1].kind == kPunct
	inverted := !appos && (left < s.s || lt.text == "," || lt.kind == kClose && quoteEnds || lt.text == ":" ||
		(lt.quote >= 0 && lt.kind != kWord && quoteEnds))
	if invertedOnly[form.lemma] && !(inverted || (left >= s.s && d.toks[left].kind == kWord && left > s.s && d.toks[left-1].kind == kClose) || d.quoteFollows(cueE)) {
		return found{}, false
	}
	switch {
	case form.gerund && left >= s.s && lt.kind == kWord && (nounPrepositions[lt.low] || lt.low == "by" || lt.low == "while" || lt.low == "when"):
		// "… by saying he would …", "After saying he was nervous, the man
		// …": the gerund's subject is the clause's; what follows is said.
		cs, ce := d.trimContent(restS, restE)
		ce = d.clauseEnd(cs, ce, form.lemma)
		if left == s.s || left == s.s+1 && d.toks[s.s].kind != kWord {
			// An opening phrase ends at its comma; the subject follows.
			c := cueE
			for c < s.e && (d.toks[c].text != "," || d.toks[c].quote >= 0) && !isTerminal(d.toks[c]) {
				c++
			}
			if c >= s.e {
				return found{}, false
			}
			ce = min(ce, c)
			cs, ce = d.trimContent(cs, ce)
			if ss, se := d.subject(sentence{c + 1, s.e}, s.e); ss < se && cs < ce {
				f.cs, f.ce = cs, ce
				f.a = Attribution{Source: d.span(ss, se), Cue: d.span(cueS, cueE), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
				return f, true
			}
			return found{}, false
		}
		if cs >= ce {
			return found{}, false
		}
		f.cs, f.ce = cs, ce
		f.a = Attribution{Source: d.sharedSource(s, left, prev), Cue: d.span(cueS, cueE), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
		return f, true
	case inverted && form.gerund && left >= s.s && (lt.text == "," || lt.kind == kClose && left > s.s && d.toks[left-1].text == ","):
		// (Also "…,” referring to …": the comma sits inside the quote.)
		// "…, saying that …": the subject is the previous clause's source.
		cs, ce := d.trimContent(after, s.e)
		ce = d.clauseEnd(cs, ce, form.lemma)
		if cs >= ce {
			return found{}, false
		}
		f.cs, f.ce = cs, ce
		f.a = Attribution{Cue: d.span(cueS, cueE), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
		// The subject of the sentence speaks: the source of the clause
		// before, or the subject of its verb.
		f.a.Source = d.sharedSource(s, left, prev)
		return f, true
	case inverted && left >= s.s && lt.text == "," && !d.startsSource(cueE, form):
		// "Trump joked about X, declined to Y and …": a verb in a list
		// shares the subject; what follows it is content, not a source.
		cs, ce := d.trimContent(restS, restE)
		ce = d.clauseEnd(cs, ce, form.lemma)
		if cs >= ce {
			return found{}, false
		}
		f.cs, f.ce = cs, ce
		f.a = Attribution{Source: d.sharedSource(s, left, prev), Cue: d.span(cueS, cueE), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
		return f, true
	case inverted && left >= s.s && d.negated(cueS, i):
		// "… stand with Israel, not declare neutrality": a source is
		// never put after a denied verb.
		return found{}, false
	case inverted && left >= s.s:
		// "“…,” said Smith." or "“…,” he said": content before, source after.
		srcS := cueE
		srcE := srcS
		for srcE < s.e && d.toks[srcE].quote < 0 && d.toks[srcE].text != "," &&
			(!isTerminal(d.toks[srcE]) || d.stateAbbrev(srcE)) && !(srcE > srcS && (d.toks[srcE].low == "in" || d.toks[srcE].low == "on" || d.toks[srcE].low == "at")) &&
			!(srcE > srcS && d.toks[srcE].low == "for" && d.nameFor(srcS, srcE)) {
			// ("wrote Cameron Easley for Morning Consult": a name ends at
			// "for", not "a spokesman for the Authority".)
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
				for e < s.e && d.toks[e].text != "," && !isTerminal(d.toks[e]) && d.toks[e].quote < 0 && e-srcE < 40 {
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
	case left < s.s && form.gerund:
		// "Calling the allegations “baseless,” Lavrov said …": the
		// participle's subject is the main clause's.
		c := cueE
		for c < s.e && c < cueE+30 && (d.toks[c].text != "," || d.toks[c].quote >= 0) && !isTerminal(d.toks[c]) &&
			!(d.toks[c].kind == kClose && d.toks[c-1].text == ",") {
			c++
		}
		if c >= s.e || d.toks[c].text != "," && d.toks[c].kind != kClose {
			return found{}, false
		}
		ss, se := d.subject(sentence{c + 1, s.e}, s.e)
		if d.toks[c].kind == kClose {
			c++ // "Calling the claims “baseless,” Lavrov said": the content keeps its marks
		}
		cs, ce := d.trimContent(cueE, c)
		if ss >= se || cs >= ce || inPhrase[d.toks[cs].low] || looseAdjuncts[d.toks[cs].low] || subjectPronouns[d.toks[ss].low] && !personPronouns[d.toks[ss].low] && d.toks[ss].low != "they" {
			return found{}, false
		}
		f.cs, f.ce = cs, ce
		f.a = Attribution{Source: d.span(ss, se), Cue: d.span(cueS, cueE), Content: d.span(cs, ce), Direct: d.hasQuote(cs, ce)}
		return f, true
	case left < s.s:
		// A cue opening the sentence with no source ("Asked about…").
		return found{}, false
	}

	srcS, srcE, bound := d.sourceLeft(s, cueS, appos)
	for srcS < srcE-1 && (sourceOpeners[d.toks[srcS].low] || isAdverb(d.toks[srcS])) {
		srcS++
	}
	// "Foreign Minister Dmitar Velescu on Wednesday dismissed": the time
	// is not the source.
	if srcE-srcS > 2 && weekdays[d.toks[srcE-1].low] && (d.toks[srcE-2].low == "on" || d.toks[srcE-2].low == "last") {
		srcE -= 2
	}
	if d.passive(cueS, i, form) && srcS < srcE {
		// "The plan was first reported by the Wire": the agent after "by"
		// is the source and the subject is what was reported. Verbs of
		// telling, feeling and raising keep their own frames ("was told
		// by", "was delighted by", "is seen by X as …").
		if !raising[form.lemma] && !tellLemmas[form.lemma] && !feelingLemmas[form.lemma] && cueE < s.e &&
			d.toks[cueE].low == "by" && d.toks[cueE].quote < 0 {
			if as, ae := d.agent(s, cueE+1); as < ae {
				f.cs, f.ce = srcS, srcE
				f.a = Attribution{Source: d.span(as, ae), Cue: d.span(cueS, cueE), Content: d.span(srcS, srcE), Direct: d.hasQuote(srcS, srcE)}
				return f, true
			}
		}
		// "Trump was asked", "is expected": the subject is not the source.
		cs, ce := d.trimContent(restS, restE)
		ce = d.clauseEnd(cs, ce, form.lemma)
		if cs >= ce {
			return found{}, false
		}
		if raising[form.lemma] || !tellLemmas[form.lemma] && !feelingLemmas[form.lemma] {
			// "Trump is expected to win", "Reyes was criticized for
			// the delay": the content is the subject and what follows,
			// around the cue. A hearer ("was asked whether …") or
			// someone moved ("were worried that …") stands outside it.
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
		f.a.Source = d.sharedSource(s, bound, prev)
		if f.a.Source.Empty() && len(prev) == 0 {
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
	if quoteBefore && d.opensPhrase(s) {
		// "Calling the claims “baseless,” Lavrov said …", "On “Fox News
		// Sunday,” Pence said …": the quotation ends an opening phrase,
		// not what is said.
		quoteBefore = false
	}
	// "In a statement, Smith said: “…”" and "When asked, Smith said …":
	// what stands before the source is an adjunct, not content.
	// With nothing after the cue ("Now there is unease, he said.") what
	// stands before is all there is to report.
	adjunctBefore := !quoteBefore && bound > s.s && restS < restE && d.opensAdjunct(s) && d.firstComma(s) == bound
	// "The goal, he said, is to forge a truce": the cue interrupts the
	// content, which runs over the whole sentence.
	// An opening adverbial belongs to it too ("Now, she said, the two
	// sides rarely meet"), and so does the start of a clause that a
	// quotation finishes ("Whatever the issue, he added, “it gets
	// harder …”"), unless it merely sets the scene ("In a statement,
	// Vale said, “…”").
	// A quotation finishes only a short opening ("Whatever the issue"),
	// not a clause of its own ("Lines offered to divert freight through
	// Veltsa, where, a spokesman said, “work goes on”").
	parenthetical := !quoteBefore && !(quoteAfter && (d.setsScene(s, bound) || bound-s.s > maxOpening)) && bound > s.s && d.toks[bound].text == "," &&
		(cueE < s.e && d.toks[cueE].text == "," && (after == cueE || quoteAfter && after == cueE+1) ||
			tellLemmas[form.lemma] && hearers[d.toks[cueE].low] && after > cueE && after < s.e && d.toks[after].text == ",") && !shortRest
	if parenthetical && restS < restE {
		if f2, ok := cueWords[d.toks[restS].low]; !(ok && f2.gerund) && d.toks[restS].low != "according" {
			cs, _ := d.contentBefore(s, bound+1)
			ce := d.clauseEnd(restS, restE, form.lemma)
			if cs < ce {
				f.cs, f.ce = cs, ce
				f.a.Content = d.span(cs, ce)
				f.a.Direct = d.hasQuote(cs, ce)
				return f, true
			}
		}
	}
	if bound >= s.s && (d.toks[bound].text == "," || d.toks[bound].kind == kClose) && bound > s.s && !adjunctBefore &&
		(shortRest && (!d.opensParticiple(s) || nothingAfter) || quoteAfter && (quoteBefore || bound == s.s+1) || quoteBefore && !thatAfter) {
		// (With nothing but when and where after the cue, a sentence that
		// opens with an -ing word is what was said: "Shifting monsoon
		// patterns could displace millions, Mr. Obama said in an
		// interview.")
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
	if (cs >= ce || restLen == 0) && bound < s.s && s.s > 0 && d.toks[s.s-1].kind == kClose && !d.toks[s.s].nl {
		// "“… missing.” Trump said.": the quotation closed its own
		// sentence just before.
		if q := d.toks[s.s-1].quote; q >= 0 && !d.scare(q) {
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
	ce = d.subordinateEnd(s, cueS, cs, ce)
	ce = d.relativeEnd(s, cueS, cs, ce)
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

// objectContent cues keep their object in the content: "accused Clinton
// of …", "urged voters to …", "thanked Trump for …".
var objectContent = setOf("accuse", "blame", "urge", "thank")

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

// notAgents head a "by" phrase that says how, not who: "by phone", "by
// far", "by law".
var notAgents = setOf("phone", "telephone", "email", "e-mail", "mail", "hand",
	"far", "then", "now", "law", "name", "default", "design", "video", "text")

// agent returns the noun phrase [i, e) after the "by" of a passive ("was
// rejected by 64 percent of the voters"): up to a comma, a full stop, a
// quotation, or a preposition that opens an adjunct or the verb's
// complement ("was reported by the Wire on Friday", "was accused by X of
// …"). It returns an empty range when the phrase says how rather than who
// ("by phone", "by raising taxes").
func (d *doc) agent(s sentence, i int) (int, int) {
	e := i
	for e < s.e && e-i < d.opt.MaxSourceWords {
		t := d.toks[e]
		if t.quote >= 0 || t.kind != kWord || e > i && agentEnds[t.low] {
			break
		}
		e++
	}
	if e == i || e < s.e && e-i >= d.opt.MaxSourceWords {
		return i, i
	}
	if t := d.toks[i]; notAgents[t.low] || !t.cap && strings.HasSuffix(t.low, "ing") {
		return i, i
	}
	return i, e
}

// agentEnds end the agent of a passive.
var agentEnds = setOf("in", "on", "at", "as", "for", "about", "to",
	"during", "after", "before", "since", "because", "when", "while", "and", "but", "than")

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
	"once", "now", "then", "still", "meanwhile", "instead", "also",
	"never", "always", "often", "perhaps", "maybe", "there", "here")

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
	if t.cap && len(t.low) >= 5 && strings.HasSuffix(t.low, "ing") {
		// "Having said that", "Speaking later": a participle, not a
		// source; but a name may end so too ("Ebeling said", "Manning
		// told"): a word that is no participle of ours, or that does not
		// open its sentence, is taken for one.
		_, isCue := cueWords[t.low]
		return !d.sentenceStart(s) || !isCue && !participleOpeners[t.low]
	}
	if t.cap {
		return true
	}
	return loneSources[t.low] || strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ss")
}

// negated reports whether the tokens [s, e) before a cue's verb deny it.
func (d *doc) negated(s, e int) bool {
	for k := s; k < e; k++ {
		switch d.toks[k].low {
		case "not", "never", "n't", "nor":
			return true
		}
	}
	return false
}

// sentenceStart reports whether token i is the first word of its sentence
// (after any opening quote marks or brackets).
func (d *doc) sentenceStart(i int) bool {
	for k := d.sents[d.sentOf[i]].s; k < i; k++ {
		if d.toks[k].kind == kWord {
			return false
		}
	}
	return true
}

// participleOpeners are participles that open a sentence's adverbial
// phrase before a cue ("Having said that, …", "Speaking later, she said").
var participleOpeners = setOf("having", "being", "speaking", "following", "according", "including",
	"regarding", "considering", "looking", "turning", "standing", "sitting", "walking", "returning",
	"reacting", "responding", "echoing", "pointing", "referring", "addressing", "appearing", "writing",
	"asking", "noting", "adding", "saying", "calling", "citing", "arguing", "acknowledging", "using")

var months = setOf("january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december")

// opensPhrase reports whether sentence s opens with an adverbial phrase or
// a participle ("Calling …,", "Speaking to …,") rather than a quotation.
func (d *doc) opensPhrase(s sentence) bool {
	i := s.s
	for i < s.e && (d.toks[i].low == "but" || d.toks[i].low == "and" || d.toks[i].low == "so") {
		i++
	}
	if i >= s.e || d.toks[i].quote >= 0 || d.toks[i].kind != kWord {
		return false
	}
	t := d.toks[i]
	return d.opensAdjunct(s) || len(t.low) > 4 && strings.HasSuffix(t.low, "ing")
}

// clauseAfterHearer reports whether a clause follows the hearer of "tell"
// that starts at i ("told journalists the government would …"): a
// subject and a finite verb within a few words after the hearer.
func (d *doc) clauseAfterHearer(i, e int) bool {
	for j := i + 1; j < e && j < i+10; j++ {
		t := d.toks[j]
		if t.text == "," || isTerminal(t) {
			return false
		}
		if auxiliaries[t.low] && j > i+1 {
			return true
		}
	}
	return false
}

// opensParticiple reports whether sentence s opens with a participle
// phrase ("Calling the claims “baseless,” …").
func (d *doc) opensParticiple(s sentence) bool {
	t := d.toks[s.s]
	return t.kind == kWord && t.quote < 0 && t.cap && len(t.low) > 4 && strings.HasSuffix(t.low, "ing")
}

// setsScene reports whether the words of sentence s before the comma at
// bound only set the scene for what follows: an adverbial ("In a
// statement,", "Less than an hour later,") or a participle phrase
// ("Holding up a book,"), rather than the start of the clause that the
// speaker goes on to finish.
func (d *doc) setsScene(s sentence, bound int) bool {
	if d.opensPhrase(s) {
		return true
	}
	for j := s.s; j < bound; j++ {
		switch t := d.toks[j]; {
		case t.low == "later" || t.low == "earlier" || t.low == "ago" || weekdays[t.low]:
			return true
		case t.kind == kWord && (auxiliaries[t.low] || t.low == "that"):
			return false
		}
	}
	return false
}

// appositiveStarts open a phrase about the noun before them ("X, who …",
// "X, a pollster,").
var appositiveStarts = setOf("who", "whom", "whose", "which", "where", "a", "an")

// fragment reports whether [i, j) is a short phrase without a verb of its
// own ("The implication", "For Trump"): the start of a clause that goes on
// after an interruption, not a clause of its own.
func (d *doc) fragment(i, j int) bool {
	if j-i > 8 {
		return false
	}
	for k := i; k < j; k++ {
		t := d.toks[k]
		if t.quote >= 0 || auxiliaries[t.low] || t.text == "," {
			return false
		}
		if _, ok := cueWords[t.low]; ok {
			return false
		}
	}
	return true
}

// startsQuoteBefore reports whether sentence s holds a quotation that
// closes before token end: "“…,” he said" is inverted speech, never an
// appositive source.
func (d *doc) startsQuoteBefore(s sentence, end int) bool {
	for j := s.s; j < end; j++ {
		if q := d.toks[j].quote; q >= 0 && !d.scare(q) {
			return true
		}
	}
	return false
}

// connectives open a sentence by linking it to the one before; a content
// that opens the sentence starts after them ("Even so, the plan …").
var connectives = setOf("and", "but", "so", "yet", "still", "nevertheless", "nonetheless", "however",
	"meanwhile", "moreover", "furthermore", "also", "indeed", "instead", "thus", "therefore",
	"besides", "otherwise", "likewise", "similarly", "plus", "now")

// connectivePairs are two-word connectives, before a comma.
var connectivePairs = setOf("even so", "in all", "in addition", "as a result", "at the same time", "in fact",
	"of course", "after all", "by contrast", "in short", "all told")

// skipConnective returns cs past a sentence-opening connective and its
// comma.
func (d *doc) skipConnective(cs, ce int) int {
	k := cs
	if k < ce && d.toks[k].kind == kWord && connectives[d.toks[k].low] {
		k++
	} else {
		for n := 2; n <= 4 && cs+n < ce; n++ {
			var ws []string
			for j := cs; j < cs+n; j++ {
				ws = append(ws, d.toks[j].low)
			}
			if connectivePairs[strings.Join(ws, " ")] && d.toks[cs+n].text == "," {
				k = cs + n
				break
			}
		}
	}
	if k == cs {
		return cs
	}
	for k < ce && d.toks[k].text == "," {
		k++
	}
	if k >= ce {
		return cs
	}
	return k
}
