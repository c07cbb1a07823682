package quote

// Content boundaries: where what was said begins and ends.

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
		if t.text == "—" || t.text == "–" {
			// A pair of dashes sets off an aside; a single one ends the clause.
			k := j + 1
			for k < ce && d.toks[k].text != t.text {
				k++
			}
			if k >= ce {
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
			switch n.low {
			case "which", "said", "says", "where", "although", "though":
				return j
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
			if f, ok := cueWords[d.toks[j+1].low]; ok && !f.gerund && d.toks[j+1].low != "that" {
				return j
			}
		}
	}
	return ce
}

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
func (d *doc) skipAddressee(s sentence, i int) int {
	hearer := i < s.e && hearers[d.toks[i].low]
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
	}
	return d.trimContent(cs, ce)
}

// cuePreps are prepositions a cue verb governs: what follows them is what
// was said or thought ("complained about the rules", "warned of a
// crisis", "lashed out at the press").
var cuePreps = setOf("about", "of", "for", "with", "against", "on", "at",
	"over", "toward", "towards", "upon", "into")

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
	if (t.low == "on" || t.low == "at" || t.low == "over") && d.adjunctAt(i, s.e) {
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
