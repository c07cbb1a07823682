package quote

// Content boundaries: where what was said begins and ends.

// adjunctStarts open a phrase that can sit between a cue and its content:
// "said on Friday that", "said in a statement, “…”".
var adjunctStarts = setOf("in", "on", "at", "during", "per", "instead",
	"then", "later", "afterward", "afterwards", "today", "yesterday",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "last", "this", "earlier", "repeatedly", "again", "recently",
	"publicly", "privately", "flatly", "simply", "also", "too", ",")

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
	if !adjunctStarts[d.toks[i].low] {
		return i
	}
	for j := i + 1; j < s.e && j < i+9; j++ {
		t := d.toks[j]
		if t.low == "that" && t.quote < 0 {
			return j
		}
		if t.quote >= 0 {
			if d.scare(t.quote) {
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
		if t.quote >= 0 {
			continue
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
			return j // a phrase ends at its first comma
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

// skipAddressee steps over the hearer of a "tell" verb: "told reporters
// that", "told CNN:". It returns i unchanged when no content marker follows.
func (d *doc) skipAddressee(s sentence, i int) int {
	for j := i; j < s.e && j < i+9; j++ {
		t := d.toks[j]
		if t.low == "that" || t.low == "to" || t.text == ":" || t.text == "," || t.quote >= 0 || t.low == "about" || t.low == "of" {
			if j == i {
				return i
			}
			return j
		}
	}
	if i < s.e {
		switch d.toks[i].low {
		case "me", "him", "her", "us", "them", "you", "reporters", "journalists", "supporters", "voters", "attendees":
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
