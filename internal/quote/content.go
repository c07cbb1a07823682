package quote

// Content boundaries: where what was said begins and ends.

import "strings"

// adjunctStarts open a phrase that can sit between a cue and its content:
// "said on Friday that", "said in a statement, “…”".
var adjunctStarts = setOf("in", "on", "at", "during", "per", "instead",
	"then", "later", "afterward", "afterwards", "today", "yesterday",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "last", "this", "earlier", "repeatedly", "again", "recently",
	"publicly", "privately", "flatly", "simply", "also", "too", ",")

// looseAdjuncts open a longer phrase between a cue and "that": "said for
// years that", "complained to CBS News that", "agrees with Viguerie that".
var looseAdjuncts = setOf("for", "to", "with", "through", "after", "before",
	"yet", "again", "once", "via", "from", "over", "under", "as",
	"about", "privately", "publicly")

var weekdays = setOf("monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "today", "yesterday")

// skipAdjuncts steps over a short adjunct after the cue when a "that" or a
// quotation follows it.
func (d *doc) skipAdjuncts(s sentence, i int) int {
	if i >= s.e {
		return i
	}
	// "said Tuesday his actions…": a bare day name.
	if weekdays[d.toks[i].low] && i+2 < s.e && d.toks[i+1].kind == kWord && !adjunctStarts[d.toks[i+1].low] {
		return i + 1
	}
	if d.toks[i].text == "," && d.setOff(s, i) && i+1 < s.e && d.resumes(d.toks[i+1]) {
		// "The problem, she said, is that …": after the comma the
		// sentence goes on; its "that" is no complementiser of the cue.
		return i
	}
	limit := i + 9
	if !adjunctStarts[d.toks[i].low] {
		// "argued emphatically that", "complained to CBS News that",
		// "said for years that": a longer adjunct before "that".
		t := d.toks[i]
		if !(isAdverb(t) || looseAdjuncts[t.low] || t.text == "—" || t.text == "-" || t.text == "–") {
			return i
		}
		limit = i + 14
	}
	for j := i + 1; j < s.e && j < limit; j++ {
		t := d.toks[j]
		if t.low == "that" && t.quote < 0 {
			return j
		}
		if t.quote >= 0 {
			if d.scare(t.quote) {
				return i
			}
			// "said in a statement: “…”", "said on Friday, “…”": the
			// quotation must be set off; "said both sides were working
			// to “lower …”" is content from the start.
			if p := d.toks[j-1]; p.text != "," && p.text != ":" && p.text != "—" && p.text != "–" && p.text != "-" {
				return i
			}
			return j
		}
		if isTerminal(t) || t.text == ";" {
			return i
		}
		if _, ok := cueWords[t.low]; ok {
			return i
		}
	}
	return i
}

// clauseEnd cuts content that runs on past its clause: at a semicolon or a
// dash, before "…, according to X", "…, saying …", "…, but …", and before
// "and" joining a second reporting verb.
func (d *doc) clauseEnd(cs, ce int, lemma string) int {
	inList := false // inside a list of objects ("voters, lawmakers, and …")
	for j := cs + 1; j < ce; j++ {
		t := d.toks[j]
		if t.kind == kClose && j+1 < ce && d.toks[j-1].kind == kPunct && d.reportsAfter(j+1, ce) {
			// "“…,” Trump told NBC": the quotation ends the content.
			return j + 1
		}
		if t.kind == kClose && j+1 < ce && d.toks[j-1].text == "," {
			if f, ok := cueWords[d.toks[j+1].low]; ok && f.gerund && d.toks[j+1].quote < 0 {
				// "… “by spring,” referring to the timetable": the comma
				// inside the quote closes the content, as one outside would.
				return j + 1
			}
		}
		if t.quote >= 0 {
			continue
		}
		if lemma != "" && !clauseLemmas[lemma] && j > cs+1 && d.adjunctAt(j, ce) {
			// "criticized Sanders after the event": the object ends
			// before a time or place adjunct.
			return j
		}
		if t.text == ";" {
			return j
		}
		if t.text == "—" || t.text == "–" || d.spacedHyphen(j) {
			// A pair of dashes sets off an aside; a single one ends the
			// clause. A typewriter dash (" - ", " -- ") counts too.
			k := j + 1
			if t.text == "-" && k < ce && d.toks[k].text == "-" {
				k++ // "--"
			}
			open := k
			for k < ce && d.toks[k].text != t.text {
				k++
			}
			if k >= ce || open < k && !relativeOpeners[d.toks[open].low] && d.hasQuote(open, k) && d.reportsWithin(open, k) {
				// (An aside that reports someone else's words, "- “Again,
				// …,” she said -", ends the content too; not a clause
				// about what was said, "the bill — which Democrats say is
				// too costly — would pass".)
				return j
			}
			j = k
			continue
		}
		if t.text == "," && lemma != "" && !clauseLemmas[lemma] {
			// "accused Rafael Cruz, who was born in Cuba, of …": an aside
			// before the preposition the cue governs.
			if p := objectPreps[lemma]; p != "" {
				k := j + 1
				for k < ce && k < j+25 && d.toks[k].text != "," && d.toks[k].quote < 0 && !isTerminal(d.toks[k]) {
					k++
				}
				if k+1 < ce && d.toks[k].text == "," && d.toks[k+1].low == p {
					j = k
					continue
				}
			}
			if j+1 < ce && d.toks[j+1].quote < 0 && phraseGoesOn[d.toks[j+1].low] {
				// "attacked the board, including its chair": an example
				// or a narrowing belongs to the object.
				continue
			}
			if d.listAt(j, ce) || inList && j+1 < ce && (d.toks[j+1].low == "and" || d.toks[j+1].low == "or") {
				// "attacked voters, lawmakers, and thinkers": a list
				// runs on past its commas.
				inList = true
				continue
			}
			return j // a phrase ends at its first comma
		}
		if j+1 < ce && t.text == "," && d.reportsClause(j+1, ce) {
			// "…, Mark Barabak noted that …": a new reporting clause.
			return j
		}
		if j+1 < ce && t.text == "," && d.closingAppositive(j+1, ce) {
			// "…, a charge the party denied.": a noun phrase closing the
			// sentence comments on what was said.
			return j
		}
		if j+1 < ce && t.text == "," {
			n := d.toks[j+1]
			if (n.low == "which" || n.low == "who") && lemma != "" && clauseLemmas[lemma] {
				// "said the council's fund, which paid out 2.2 million
				// crowns, would close in April": an aside closed by a
				// comma before a verb sits inside the subject of what
				// was said.
				if k := d.asideBeforeVerb(j+1, ce); k > 0 {
					j = k
					continue
				}
			}
			switch n.low {
			case "which", "said", "says", "where", "although", "though":
				return j
			case "who", "whose":
				// "…, who also held a rally there": a relative clause
				// closing the content is the writer's aside about a name.
				if d.runsToEnd(j+1, ce) {
					return j
				}
			}
			if n.low == "according" || n.low == "but" || n.low == "despite" || n.low == "while" || n.low == "whereas" {
				return j
			}
			if n.low == "and" {
				// ", and Ruud said …": a new clause with its own reporting verb.
				for k := j + 2; k < ce && k < j+6; k++ {
					if _, ok := cueWords[d.toks[k].low]; ok && d.toks[k].quote < 0 {
						return j
					}
				}
			}
			if f, ok := cueWords[n.low]; ok && f.gerund {
				return j
			}
		}
		if (t.low == "and" || t.low == "but") && j+1 < ce {
			// "… and said …", "… but did not suggest …": a second verb
			// of the same subject reports on its own.
			k := j + 1
			for k < ce && k < j+4 && preCue[d.toks[k].low] && d.toks[k].quote < 0 {
				k++
			}
			if f, ok := cueWords[d.toks[min(k, ce-1)].low]; ok && k < ce && (!f.gerund || k == j+1) && d.toks[k].low != "that" &&
				(k == j+1 || clauseLemmas[f.lemma] && !d.parallel(cs, j, k)) {
				// (Also "calling them rapists and vowing to …": a second
				// participle of saying.) Past an auxiliary, only a verb of
				// saying reports anew, and not one whose auxiliary the
				// content has already used: "had hired a firm and had
				// found no evidence" goes on with the content's subject.
				return j
			}
			if lemma != "" && !clauseLemmas[lemma] && k == j+1 && d.secondVerb(d.toks[k]) {
				// "endorsed Bush and midwifed the bill", "declined to be
				// named and is not …": the object ends where a second
				// verb of the subject's begins.
				return j
			}
			// "… they were worried, and more than 4 in 10 said …": a new
			// subject with a verb of saying opens a clause of its own.
			if d.coordinateReport(j+1, ce) {
				return j
			}
		}
	}
	return ce
}

// reportsWithin reports whether [i, e) holds a verb of saying outside
// quotation marks.
func (d *doc) reportsWithin(i, e int) bool {
	for j := i; j < e; j++ {
		if f, ok := cueWords[d.toks[j].low]; ok && f.speech && d.toks[j].quote < 0 {
			return true
		}
	}
	return false
}

// relativeOpeners open an aside about what comes before it.
var relativeOpeners = setOf("which", "who", "whose", "whom", "that", "what", "where", "as")

// phraseGoesOn open, after a comma, an example or a narrowing of the phrase
// before it ("…, including …", "…, especially …"), not a new clause.
var phraseGoesOn = setOf("including", "especially", "particularly", "notably", "such")

// objectPreps are the prepositions that follow the object of some cues.
var objectPreps = map[string]string{"accuse": "of", "blame": "for", "thank": "for", "urge": "to", "criticize": "for", "criticise": "for", "praise": "for"}

// reportsAfter reports whether a reporting clause starts at j ("…,” Trump
// told NBC", "…,” said Smith"): a cue within a few words, outside quotes.
func (d *doc) reportsAfter(j, ce int) bool {
	if j < ce && d.toks[j].text == "," {
		j++
	}
	for k := j; k < ce && k < j+6; k++ {
		t := d.toks[k]
		if t.quote >= 0 || isTerminal(t) || t.text == "," {
			return false
		}
		if f, ok := cueWords[t.low]; ok && f.speech && !f.gerund {
			return true
		}
	}
	return false
}

// reportsClause reports a reporting clause of its own at j: "…, Mark
// Barabak noted that …", "…, he said": a subject and a verb of saying.
func (d *doc) reportsClause(j, ce int) bool {
	// "…, at the town hall this week she said …": past a time or place
	// adjunct, a subject and its verb of saying.
	if j < ce && d.adjunctAt(j, ce) {
		k := j + 1
		for k < ce && k < j+9 && d.toks[k].kind == kWord && d.toks[k].quote < 0 && !subjectPronouns[d.toks[k].low] {
			k++
		}
		if k < ce && k > j+1 && subjectPronouns[d.toks[k].low] {
			j = k
		}
	}
	t := d.toks[j]
	if t.kind != kWord || t.quote >= 0 || !(t.cap || subjectPronouns[t.low] || determiners[t.low]) {
		return false
	}
	for k := j + 1; k < ce && k < j+6; k++ {
		u := d.toks[k]
		if f, ok := cueWords[u.low]; ok && u.quote < 0 {
			// "…, Patriot could threaten to …" is a main clause.
			return !f.gerund && reportingLemmas[f.lemma] && !nounDeterminers[d.toks[k-1].low]
		}
		if u.quote >= 0 || u.kind != kWord || boundaryWords[u.low] && !preCue[u.low] {
			return false
		}
	}
	return false
}

// subordinators open a clause that a comma closes before the main one:
// "While he acknowledged X, Ham noted Y".
var subordinators = setOf("while", "although", "though", "if", "after",
	"when", "because", "since", "once", "before", "until", "unless",
	"whereas", "as")

// subordinateEnd returns where the subordinate clause holding the cue at
// cueS ends, when sentence s opens with one ("Although Trump has admitted
// using the tax code, he does not defend it"): the first comma after cs
// followed by a subject. It returns ce when there is none.
func (d *doc) subordinateEnd(s sentence, cueS, cs, ce int) int {
	i := s.s
	for i < s.e && (d.toks[i].low == "but" || d.toks[i].low == "and" || d.toks[i].low == "so") {
		i++
	}
	if i >= cueS || !subordinators[d.toks[i].low] || d.toks[i].quote >= 0 {
		return ce
	}
	for j := i + 1; j < cueS; j++ {
		if d.toks[j].text == "," || d.toks[j].quote >= 0 {
			return ce // the cue is in the main clause
		}
	}
	for j := cs + 1; j+1 < ce; j++ {
		t := d.toks[j]
		if t.quote >= 0 {
			continue
		}
		if t.text == "," {
			n := d.toks[j+1]
			if n.kind == kWord && n.quote < 0 && (n.cap || subjectPronouns[n.low] || n.low == "the") {
				return j
			}
		}
	}
	return ce
}

// relativeEnd ends the content of a cue inside a relative clause set off
// by commas ("The senator, who said the party cares, left early") at the
// comma that closes the clause, before the main verb.
func (d *doc) relativeEnd(s sentence, cueS, cs, ce int) int {
	r := cueS - 1
	if r-1 < s.s || d.toks[r-1].text != "," || d.toks[r].low != "who" && d.toks[r].low != "which" {
		return ce
	}
	for j := cs + 1; j+1 < ce; j++ {
		t := d.toks[j]
		if t.quote >= 0 || t.text != "," {
			continue
		}
		if n := d.toks[j+1]; n.kind == kWord && n.quote < 0 && !n.cap && !relativeGoesOn[n.low] {
			return j
		}
	}
	return ce
}

// relativeGoesOn are words after a comma that go on with the relative
// clause's content rather than return to the main clause.
var relativeGoesOn = setOf("and", "but", "or", "which", "who", "whose", "where", "when", "that", "including", "as", "while", "although", "because", "if")

// reportingLemmas are the verbs of saying that open a reporting clause.
var reportingLemmas = setOf("say", "tell", "add", "note", "write", "argue",
	"explain", "claim", "insist", "recall", "acknowledge", "contend",
	"observe", "report", "warn", "suggest", "conclude", "predict",
	"estimate", "announce", "declare", "reply", "respond", "remark",
	"comment", "state", "assert", "maintain", "admit", "concede")

// adjunctAt reports whether a time or circumstance adjunct starts at j:
// "after the event", "on Twitter", "in June 2015", "last spring".
func (d *doc) adjunctAt(j, ce int) bool {
	t := d.toks[j]
	switch t.low {
	case "after", "before", "during", "when", "while", "because", "since", "last", "earlier", "later", "amid", "despite", "until":
		return true
	case "on", "in", "at":
		if j+1 >= ce {
			return false
		}
		n := d.toks[j+1]
		if weekdays[n.low] || months[n.low] || isNumber(n) || adjunctNouns[n.low] {
			return true
		}
		if determiners[n.low] && j+2 < ce && adjunctNouns[d.toks[j+2].low] {
			return true
		}
	}
	return false
}

// adjunctNouns head a phrase that says where or when, not what.
var adjunctNouns = setOf("twitter", "facebook", "instagram", "tv", "television",
	"radio", "fox", "cnn", "msnbc", "abc", "nbc", "cbs", "statement",
	"interview", "speech", "rally", "debate", "event", "tweet", "tweets",
	"post", "letter", "op-ed", "email", "e-mail", "release", "conference",
	"call", "meeting", "appearance", "remarks", "address", "campaign",
	"morning", "afternoon", "evening", "night", "weekend", "week", "month",
	"year", "day", "time", "past", "wake", "town", "hearing", "video", "book")

// hearers are addressees of "tell" that stand alone: "told reporters".
var hearers = setOf("me", "him", "her", "us", "them", "you", "reporters",
	"journalists", "supporters", "voters", "attendees", "lawmakers",
	"listeners", "viewers", "readers", "delegates", "students", "workers",
	"members", "parliament", "congress", "police", "investigators",
	"officials", "residents", "donors", "audiences", "crowds")

// skipAddressee steps over the hearer of a "tell" verb: "told reporters
// that", "told CNN:". It returns i unchanged when no content marker follows.
func (d *doc) skipAddressee(s sentence, i int, lemma string) int {
	hearer := i < s.e && hearers[d.toks[i].low]
	if lemma == "tell" && i < s.e && !hearer && d.toks[i].low != "that" {
		// "told a town hall in Salem, New Hampshire on Monday that …":
		// however long the hearer, the content opens at "that".
		for j := i + 1; j < s.e && j < i+14; j++ {
			t := d.toks[j]
			if t.quote >= 0 || t.kind != kWord && t.text != "," || t.low == "to" || t.low == "about" {
				break
			}
			if _, ok := cueWords[t.low]; ok {
				break
			}
			if t.low == "that" {
				return j
			}
		}
	}
	for j := i; j < s.e && j < i+9; j++ {
		t := d.toks[j]
		if (t.low == "on" || t.low == "in" || t.low == "at") && j > i && d.adjunctAt(j, s.e) {
			// "told journalists on Monday that": a time, not the content.
			continue
		}
		if t.low == "to" || t.low == "of" || t.low == "for" || t.low == "on" {
			// "urged voters to …", "accused Clinton of …": the hearer
			// belongs to the content.
			return i
		}
		if t.low == "that" || t.text == ":" || t.text == "," || t.quote >= 0 || t.low == "about" ||
			j > i && (t.low == "how" || t.low == "why" || t.low == "whether" || t.low == "what") {
			if j == i {
				return i
			}
			if t.quote >= 0 && hearer && j > i+1 {
				// "told journalists the government would “not …”": the
				// content starts after the hearer, not at the quotation.
				return i + 1
			}
			return j
		}
	}
	if i < s.e {
		if hearer {
			return i + 1
		}
		// A named hearer: "told Breitbart News he would…".
		j := i
		for j < s.e && j < i+5 && d.toks[j].cap && d.toks[j].kind == kWord {
			j++
		}
		if j > i && j < s.e && d.toks[j].kind == kWord && !d.toks[j].cap {
			return j
		}
	}
	return i
}

// contentBefore returns the content ending just before token end (a comma
// or closing mark): from the sentence start, or from the opening of the
// quotation that ends there.
func (d *doc) contentBefore(s sentence, end int) (int, int) {
	ce := end
	if ce > s.s && d.toks[ce-1].text == "," && d.toks[ce-1].quote < 0 {
		ce--
	}
	cs := s.s
	if ce > cs && d.toks[ce-1].quote >= 0 {
		q := d.regions[d.toks[ce-1].quote]
		if q.open < cs {
			cs = q.open
		}
		if q.open > s.s && q.close == ce-1 {
			// "… was unserious - “Again, we need the details,” she said
			// - and …": a quotation set off by a dash or a bracket is
			// all that was said.
			// (Not after the dash that closes an aside: "The proposal
			// — which passed last week — “is dead,” he said".)
			if p := d.toks[q.open-1]; p.quote < 0 && (isDash(p.text) && !d.closesAside(s, q.open-1) || p.text == "(" || p.text == ";") {
				cs = q.open
			}
		}
	}
	return d.trimContent(cs, ce)
}

// closesAside reports whether the dash at j closes an aside that an
// earlier dash in sentence s opened: an odd number of dashes ("—", " - ",
// " -- ") stand before it.
func (d *doc) closesAside(s sentence, j int) bool {
	for j > s.s && isDash(d.toks[j-1].text) {
		j-- // "--"
	}
	n := 0
	for k := s.s; k < j; k++ {
		if t := d.toks[k]; t.quote < 0 && isDash(t.text) && !(k > s.s && isDash(d.toks[k-1].text)) {
			n++
		}
	}
	return n%2 == 1
}

// asideBeforeVerb returns the comma that closes a relative clause opened
// at i when an auxiliary follows it ("…, which paid out 2.2 million
// crowns, would close"), or -1.
func (d *doc) asideBeforeVerb(i, ce int) int {
	for k := i + 1; k < ce && k < i+30; k++ {
		t := d.toks[k]
		if _, cue := cueWords[t.low]; cue || t.quote >= 0 || isTerminal(t) || t.text == ";" || t.text == ":" {
			return -1 // "…, which critics said was unfair, …" reports on its own
		}
		if t.text == "," {
			if k+1 < ce && auxiliaries[d.toks[k+1].low] && d.toks[k+1].quote < 0 {
				return k
			}
			return -1
		}
	}
	return -1
}

// cuePreps are prepositions a cue verb governs: what follows them is what
// was said or thought ("complained about the rules", "warned of a
// crisis", "lashed out at the press").
var cuePreps = setOf("about", "of", "for", "with", "against", "on", "at",
	"over", "toward", "towards", "upon", "into")

// venueAt reports whether "on" or "at" at j opens a venue further away
// than adjunctAt looks: "at a Washington event", "on CNN's “State of the
// Union”".
func (d *doc) venueAt(j, ce int) bool {
	if j+2 >= ce {
		return false
	}
	n := d.toks[j+1]
	if !determiners[n.low] && !isPossessive(n.text) {
		return false
	}
	if isPossessive(n.text) && (adjunctNouns[bare(n.low)] || d.toks[j+2].quote >= 0) {
		return true
	}
	for k := j + 2; k < ce && k < j+5 && d.toks[k].kind == kWord && d.toks[k].quote < 0; k++ {
		if adjunctNouns[d.toks[k].low] {
			return true
		}
	}
	return false
}

// venueAfter reports whether the preposition at i, right after a cue, can
// open a venue: after a verb of saying ("said at a Washington event"), not
// after a particle ("lashed out at the Clinton campaign") or a verb that
// governs it ("insisted on a public hearing").
func (d *doc) venueAfter(i int) bool {
	f, ok := cueWords[d.toks[i-1].low]
	return ok && !prepObjectLemmas[f.lemma]
}

// prepObjectLemmas take their content after "on" or "at": "elaborated on
// the plan", "scoffed at the idea".
var prepObjectLemmas = setOf("insist", "elaborate", "agree", "report", "remark",
	"speculate", "muse", "concur", "scoff")

// prepInCue reports whether the token at i, right after a cue verb, is a
// preposition that joins the cue. "on" and "at" before a time or a venue
// ("on Friday", "at a rally") open an adjunct instead.
func (d *doc) prepInCue(s sentence, i int) bool {
	if i+1 >= s.e {
		return false
	}
	t := d.toks[i]
	if t.quote >= 0 || !cuePreps[t.low] {
		return false
	}
	n := d.toks[i+1]
	if n.kind != kWord && n.kind != kOpen && n.kind != kAmbig {
		return false
	}
	if (t.low == "on" || t.low == "at" || t.low == "over") && (d.adjunctAt(i, s.e) || d.venueAfter(i) && d.venueAt(i, s.e)) {
		return false
	}
	// "said about 3,800 members had joined": "about" before a number
	// qualifies the count, which opens what was said.
	if t.low == "about" && isNumber(n) {
		return false
	}
	return true
}

// closingAppositive reports whether [i, ce) is a noun phrase opened by
// "a", "an" or "one" that runs to the end of the content with no comma,
// quotation or clause of its own: "a charge the party denied", "one that
// will dominate the meeting".
func (d *doc) closingAppositive(i, ce int) bool {
	switch d.toks[i].low {
	case "a", "an", "one":
	case "the":
		// "…, the first time it has done so": a superlative or an
		// ordinal makes it a comment; "…, the plant will close" is a
		// clause.
		if i+1 >= ce || !closingHeads[d.toks[i+1].low] && !strings.HasSuffix(d.toks[i+1].low, "est") {
			return false
		}
	default:
		return false
	}
	for k := i + 1; k < ce; k++ {
		t := d.toks[k]
		if t.quote >= 0 || t.text == "," || t.text == ";" || t.text == ":" {
			return false
		}
	}
	return true
}

// coordinateReport reports whether a reporting clause starts at j, right
// after "and" or "but": a subject of a few words ("Varga", "most of the
// farmers", "more than 4 in 10") and a finite verb of saying. What stands
// before it is another attribution's content, not this one's.
func (d *doc) coordinateReport(j, ce int) bool {
	t := d.toks[j]
	if t.kind != kWord || t.quote >= 0 || !(t.cap || subjectPronouns[t.low] || determiners[t.low] || isNumber(t) || loneSources[t.low] ||
		approximators[t.low] || t.low == "more" || t.low == "fewer") {
		return false
	}
	for k := j + 1; k < ce && k < j+10; k++ {
		u := d.toks[k]
		if u.quote >= 0 || u.kind != kWord {
			return false
		}
		if f, ok := cueWords[u.low]; ok {
			return !f.gerund && f.speech && reportingLemmas[f.lemma] && !nounDeterminers[d.toks[k-1].low]
		}
		if boundaryWords[u.low] && !preCue[u.low] && u.low != "than" {
			return false
		}
	}
	return false
}

// setOff reports whether the cue ending before the comma at c stands with
// its source between commas ("The problem, she said, is …"): a comma a
// few words before, with no full stop between.
func (d *doc) setOff(s sentence, c int) bool {
	for j := c - 2; j >= s.s && j > c-8; j-- {
		t := d.toks[j]
		if t.quote >= 0 || isTerminal(t) {
			return false
		}
		if t.text == "," {
			return true
		}
	}
	return false
}

// resumes reports whether t, after a parenthetical "she said,", carries on
// the interrupted clause with its verb ("is", "had", "wind up") rather
// than opening an adjunct ("however", "twice", "in a statement").
func (d *doc) resumes(t token) bool {
	if t.kind != kWord || t.quote >= 0 {
		return false
	}
	if auxiliaries[t.low] {
		return true
	}
	return !t.cap && !isAdverb(t) && !commaAdverbs[t.low] && !looseAdjuncts[t.low] && !adjunctStarts[t.low] &&
		!determiners[t.low] && !nounPrepositions[t.low] && !strings.HasSuffix(t.low, "ing") && !weekdays[t.low] &&
		t.low != "twice" && t.low != "not" && !isNumber(t)
}

// spacedHyphen reports whether the hyphen at j stands for a dash: " - " or
// the first of " -- ", with a space before it (a hyphen inside a word is
// part of the word's token).
func (d *doc) spacedHyphen(j int) bool {
	t := d.toks[j]
	return t.text == "-" && j > 0 && d.toks[j-1].e < t.s
}

// closingHeads open a comment after "the": "…, the first time …", "…, the
// latest sign that …".
var closingHeads = setOf("first", "second", "third", "last", "latest",
	"same", "only", "kind", "sort", "type", "most", "least")

// runsToEnd reports whether [i, ce) holds no comma, quotation or clause
// break: a phrase that ends the content.
func (d *doc) runsToEnd(i, ce int) bool {
	for k := i; k < ce; k++ {
		t := d.toks[k]
		if t.quote >= 0 || t.text == "," || t.text == ";" || t.text == ":" {
			return false
		}
	}
	return true
}

// parallel reports whether an auxiliary among tokens (j, k) — those after
// the "and" at j — already stands in the content [cs, j): the second verb
// phrase continues the content's clause ("had hired … and had found").
func (d *doc) parallel(cs, j, k int) bool {
	for a := j + 1; a < k; a++ {
		if !auxiliaries[d.toks[a].low] {
			continue
		}
		for b := cs; b < j; b++ {
			if d.toks[b].low == d.toks[a].low {
				return true
			}
		}
	}
	return false
}

// secondVerb reports a word that, right after "and", opens a second verb
// phrase: a finite auxiliary or a past form ("and was acquitted", "and
// spiked it").
func (d *doc) secondVerb(t token) bool {
	if t.kind != kWord || t.cap || t.quote >= 0 {
		return false
	}
	return auxiliaries[t.low] && t.low != "'s" || len(t.low) > 4 && strings.HasSuffix(t.low, "ed")
}

// listAt reports whether the comma at c separates the items of a list that
// ends within [c, ce) with "and" or "or": short items, nothing but words
// between the commas.
func (d *doc) listAt(c, ce int) bool {
	n, items := 0, 0 // words in the current item, items before it
	for k := c + 1; k < ce && k < c+30; k++ {
		t := d.toks[k]
		switch {
		case t.quote >= 0 || t.kind != kWord && t.text != ",":
			return false
		case t.text == ",":
			if n == 0 {
				return false
			}
			n, items = 0, items+1
		case t.low == "and" || t.low == "or":
			// "X, Y and Z" or "X, Y, and Z"; not "X, and left".
			return (n > 0 || items > 0) && k+1 < ce && d.toks[k+1].kind == kWord
		default:
			if _, isCue := cueWords[t.low]; isCue || boundaryWords[t.low] && t.low != "and" && t.low != "or" || t.low == "who" || t.low == "which" {
				return false
			}
			n++
			if n > 6 {
				return false
			}
		}
	}
	return false
}
