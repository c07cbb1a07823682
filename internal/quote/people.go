package quote

import (
	"github.com/parallax-news/parallax/internal/text"
	"slices"
	"strings"
)

// FindPeople is the built-in person finder: runs of capitalised words after
// titles ("Foreign Minister Sergey Lavrov", "Sen. Cruz") or of two to four
// name-like words ("Juan Guaido"), merged by surname, with every later
// mention of the surname. It is deliberately small; the entity stage can
// supply better people through Options.People.
func FindPeople(text string) []Person {
	rs := []rune(text)
	return findPeople(tokenize(rs))
}

func findPeople(toks []token) []Person {
	var people []Person
	bySurname := make(map[string]int)
	var singles []int
	for i := 0; i < len(toks); {
		if e := datelineEnd(toks, i); e > 0 {
			i = e // "PORT VEYRA (Meridian Wire) —" names a place and an agency
			continue
		}
		if !toks[i].cap || toks[i].kind != kWord {
			i++
			continue
		}
		j := i
		for j < len(toks) && toks[j].kind == kWord && !toks[j].nl || j == i {
			t := toks[j]
			if !t.cap && !(t.low == "of" && j+1 < len(toks) && toks[j+1].cap && titleWords[bare(toks[j-1].low)]) {
				break
			}
			j++
			if j < len(toks) && toks[j].nl {
				break
			}
			if isPossessive(t.text) && j < len(toks) && !titleWords[toks[j].low] && !(toks[j].cap && titleWords[toks[j].low]) {
				// "Pompeo’s first trip": the possessive ends the run.
				if !titleWords[bare(toks[j].low)] {
					break
				}
			}
		}
		// Split the run into title and name.
		// The name follows the last title word: "Harbour Minister Petra Vale".
		k := i
		for n := i; n < j-1; n++ {
			if titleWords[bare(toks[n].low)] || isPossessive(toks[n].text) || nationality(toks[n].low) {
				k = n + 1
			}
		}
		name := toks[k:j]
		titled := k > i
		// Lower-case titles just before the run: "Russia's foreign minister Sergey Lavrov".
		rs0 := i
		for rs0 > 0 && i-rs0 < 4 && toks[rs0-1].kind == kWord && !toks[rs0-1].cap && titleWords[toks[rs0-1].low] {
			rs0--
			if !titleModifiers[toks[rs0].low] {
				titled = true // "residents of Saltmarsh": "of" alone titles no one
			}
		}
		if rs0 < i && rs0 > 0 && isPossessive(toks[rs0-1].text) {
			rs0--
		}
		ok := len(name) >= 1 && len(name) <= 4 && (titled || len(name) >= 2)
		for n, t := range name {
			b := bare(t.low)
			if notNames[b] && !monthName(toks, k, n, len(name)) || titleWords[b] || (isPossessive(t.text) && n < len(name)-1) {
				ok = false
			}
			if _, isCue := cueWords[b]; isCue {
				ok = false
			}
		}
		if !ok {
			if len(name) == 1 {
				singles = append(singles, k)
			}
			i = j
			continue
		}
		parts := make([]string, len(name))
		for n, t := range name {
			parts[n] = text.TrimPossessive(t.text)
		}
		canon := strings.Join(parts, " ")
		sur := strings.ToLower(parts[len(parts)-1])
		var role []string
		for _, t := range toks[rs0:k] {
			role = append(role, t.low)
		}
		sp := Span{name[0].s, name[len(name)-1].e}
		if n, seen := bySurname[sur]; seen {
			p := &people[n]
			if len(strings.Fields(canon)) > len(strings.Fields(p.Name)) {
				p.Name = canon
			}
			if r := strings.Join(role, " "); r != "" && !strings.Contains(p.Role, r) && len(p.Role) < 200 {
				p.Role = strings.TrimSpace(p.Role + " " + r)
			}
			p.Mentions = append(p.Mentions, sp)
		} else {
			bySurname[sur] = len(people)
			people = append(people, Person{Name: canon, Role: strings.Join(role, " "), Mentions: []Span{sp}})
		}
		i = j
	}
	// Surnames on their own: "Lavrov said".
	for _, k := range singles {
		t := toks[k]
		if n, ok := bySurname[bare(t.low)]; ok {
			people[n].Mentions = append(people[n].Mentions, Span{t.s, t.e})
		}
	}
	for n := range people {
		slices.SortFunc(people[n].Mentions, func(a, b Span) int { return a.Start - b.Start })
	}
	return people
}

func isPossessive(w string) bool {
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’S")
}

func bare(w string) string { return text.TrimPossessive(w) }

// nationality is a loose test for adjectives of place ("Russian",
// "American", "Iranian") that may open a title.
func nationality(w string) bool {
	w = bare(w)
	return len(w) > 4 && (strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "can") ||
		strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "ish"))
}

// stemRole reduces a role word so that "Russia's" meets "Russian".
func stemRole(w string) string {
	w = bare(strings.ToLower(w))
	if len(w) > 5 {
		return w[:5]
	}
	return w
}

// mention is one place a person is named.
type mention struct {
	pos    int
	person int
}

// resolve fills Speaker for each attribution: a named source directly, a
// pronoun by the nearest preceding person, a role by the person introduced
// with it, a group by the people who spoke or were named last. A quotation
// standing alone, or a gerund cue ("…, saying") whose subject was not
// found, takes the previous speaker; other attributions without a source
// (a passive, "Asked whether …") have none.
func resolve(d *doc, as []Attribution, people []Person) {
	var ms []mention
	for n, p := range people {
		for _, s := range p.Mentions {
			ms = append(ms, mention{s.Start, n})
		}
	}
	slices.SortFunc(ms, func(a, b mention) int { return a.pos - b.pos })
	r := resolver{d: d, people: people, ms: ms, gender: map[int]string{}}
	prevSpeaker, prevSpeakers := "", []string(nil)
	for i := range as {
		a := &as[i]
		if a.Scare {
			continue
		}
		if a.Source.Empty() {
			if a.Cue.Empty() || strings.HasSuffix(strings.ToLower(d.text(a.Cue)), "ing") {
				a.Speaker, a.Speakers = prevSpeaker, prevSpeakers
			}
			continue
		}
		a.SpeakerText = d.text(a.Source)
		// "Vale said she hoped…": a pronoun inside someone's reported
		// speech is most often that someone.
		if personPronouns[strings.ToLower(a.SpeakerText)] {
			if o := outer(as[:i], a.Source); o != nil && o.Speaker != "" && len(o.Speakers) == 0 {
				a.Speaker = o.Speaker
				r.called(a.Speaker, a.SpeakerText)
				prevSpeaker, prevSpeakers = a.Speaker, nil
				r.spoke(a.Speaker, a.Source.Start)
				continue
			}
		}
		a.Speaker, a.Speakers = r.speakerOf(a.Source)
		r.called(a.Speaker, a.SpeakerText)
		prevSpeaker, prevSpeakers = a.Speaker, a.Speakers
		if len(a.Speakers) == 0 {
			r.spoke(a.Speaker, a.Source.Start)
		}
	}
}

// resolver holds what speaker resolution knows of the text so far.
type resolver struct {
	d      *doc
	people []Person
	ms     []mention // every mention, by position
	// speakers are the named speakers so far, each with where it last spoke.
	speakers []mention
	// gender holds, by person, "he" or "she" once a pronoun source has
	// been resolved to them ("Lindahl … he said").
	gender map[int]string
}

// pronounGender maps a personal pronoun to "he" or "she".
func pronounGender(w string) string {
	switch w {
	case "she", "her", "hers":
		return "she"
	}
	return "he"
}

// called records that a pronoun source w was resolved to person name.
func (r *resolver) called(name, w string) {
	w = strings.ToLower(w)
	if name == "" || !personPronouns[w] {
		return
	}
	for n, p := range r.people {
		if p.Name == name {
			if _, ok := r.gender[n]; !ok {
				r.gender[n] = pronounGender(w)
			}
			return
		}
	}
}

// spoke records that person name spoke at pos.
func (r *resolver) spoke(name string, pos int) {
	if name == "" {
		return
	}
	for n, p := range r.people {
		if p.Name == name {
			r.speakers = append(r.speakers, mention{pos, n})
			return
		}
	}
}

// before returns the mentions that start before pos.
func (r *resolver) before(pos int) []mention {
	k, _ := slices.BinarySearchFunc(r.ms, pos, func(m mention, p int) int { return m.pos - p })
	return r.ms[:k]
}

// coreBreaks open a modifier inside a source phrase: a person named after
// them ("residents of Saltmarsh", "supporters of Sanders", "a man who
// met Trump") is not the speaker.
var coreBreaks = setOf("of", "in", "from", "at", "with", "for", "on", "near",
	"who", "whose", "which", "that", "to", "by", "about", "among", "across",
	"close", "familiar", "inside", "outside", "behind", "under", "like",
	"within", "than")

// OpensModifier reports whether the lower-case word w, inside a source
// phrase, makes a name after it a modifier rather than the speaker ("a
// diver from the Harbour Authority"): the rule the resolver applies to
// people, for callers that resolve other names.
func OpensModifier(w string) bool { return coreBreaks[w] }

// named returns the people the source names as its head: in the head
// noun phrase or an appositive, not inside a modifier ("Residents of
// Saltmarsh"), and not as a possessive ("Sanders' campaign manager").
// nameless reports whether the source names people only in modifiers.
func (r *resolver) named(src Span) (heads []int, nameless bool) {
	d := r.d
	ts, te := d.tokenAt(src.Start), d.tokenAt(src.End-1)+1
	if ts >= te || te > len(d.toks) {
		return nil, false
	}
	core := make([]bool, te-ts)
	in, depth := true, 0
	for j := ts; j < te; j++ {
		t := d.toks[j]
		switch {
		case t.text == "(":
			depth++
		case t.text == ")":
			depth--
		case t.text == "," && depth <= 0:
			in = true
		case coreBreaks[t.low] && depth <= 0 && !t.cap:
			// "Secretary of State Mike Pompeo": "of" inside a title.
			if t.low == "of" && j > ts && titleWords[bare(d.toks[j-1].low)] && j+1 < te && d.toks[j+1].cap {
				break
			}
			in = false
		}
		core[j-ts] = in
	}
	for _, m := range r.before(src.End) {
		if m.pos < src.Start {
			continue
		}
		j := d.tokenAt(m.pos)
		if j < ts || j >= te {
			continue
		}
		// The token that ends the mention: a possessive there modifies.
		end := j
		for _, sp := range r.people[m.person].Mentions {
			if sp.Start == m.pos {
				for end+1 < te && d.toks[end+1].s < sp.End {
					end++
				}
				break
			}
		}
		if isPossessive(d.toks[end].text) || !core[j-ts] {
			nameless = true
			continue
		}
		if !slices.Contains(heads, m.person) {
			heads = append(heads, m.person)
		}
	}
	return heads, nameless && len(heads) == 0
}

func (r *resolver) speakerOf(src Span) (string, []string) {
	d, people := r.d, r.people
	// People the source names: "Anselm Rook and Dmitar Velescu" are two.
	heads, nameless := r.named(src)
	words := strings.Fields(strings.ToLower(d.text(src)))
	if len(heads) > 1 && slices.Contains(words, "and") {
		var names []string
		for _, h := range heads {
			names = append(names, people[h].Name)
		}
		return strings.Join(names, " and "), names
	}
	if len(heads) > 0 {
		return people[heads[0]].Name, nil
	}
	if nameless || len(words) == 0 {
		return "", nil
	}
	prior := r.before(src.Start)
	if len(words) == 1 && personPronouns[words[0]] {
		// "Pressed by Lindahl, she said …" after "Lindahl … he said":
		// the nearest person already called by the other pronoun is
		// not the one meant, so the one before is.
		for k := len(prior) - 1; k >= 0; k-- {
			if g, ok := r.gender[prior[k].person]; ok && g != pronounGender(words[0]) {
				continue
			}
			return people[prior[k].person].Name, nil
		}
		return "", nil
	}
	// "The two diplomats met in Sochi. In rare talks, they discussed …":
	// "they" after a group of two named in this sentence or the one
	// before is that group; any other "they" stays unresolved.
	if len(words) == 1 && words[0] == "they" {
		if head := r.groupBefore(src.Start); head != "" {
			return r.group(head, prior)
		}
		return "", nil
	}
	head := strings.Trim(words[len(words)-1], ",.")
	isGroup := false
	for _, w := range words {
		if w == "two" || w == "both" || w == "pair" || w == "duo" {
			isGroup = true
		}
	}
	if isGroup && groupHeads[head] {
		return r.group(head, prior)
	}
	// A role: "the Russian foreign minister", "the Russian diplomat".
	if (words[0] == "the" || words[0] == "his" || words[0] == "her" || isPossessive(words[0])) && roleHead(head) {
		heads := append([]string{head}, roleAlias[head]...)
		best, bestScore, bestPos := -1, 0, -1
		for n, p := range people {
			if p.Role == "" {
				continue
			}
			role := strings.Fields(p.Role)
			headOK := false
			for _, r := range role {
				if slices.Contains(heads, bare(r)) {
					headOK = true
				}
			}
			if !headOK {
				continue
			}
			score := 0
			for _, w := range words[1:] {
				for _, r := range role {
					if stemRole(w) == stemRole(r) {
						score++
						break
					}
				}
			}
			pos := -1
			for _, m := range prior {
				if m.person == n {
					pos = m.pos
				}
			}
			if pos < 0 {
				continue
			}
			if score > bestScore || (score == bestScore && pos > bestPos) {
				best, bestScore, bestPos = n, score, pos
			}
		}
		if best >= 0 {
			return people[best].Name, nil
		}
	}
	return "", nil
}

// actsAsPair reports whether w, after "the two", is a verb, so that "the
// two" is a pair of people acting: a verb of saying, an auxiliary, or one
// of the verbs of meeting.
func actsAsPair(w string) bool {
	if _, ok := cueWords[w]; ok || auxiliaries[w] {
		return true
	}
	switch w {
	case "met", "meet", "meets", "spoke", "talked", "talk", "sat", "shook", "clashed", "held", "also", "then", "later":
		return true
	}
	return false
}

// groupBefore returns the head of a group of two ("the two diplomats",
// "both men", "the pair") named before pos in its sentence or the one
// before, in the same paragraph, or "".
func (r *resolver) groupBefore(pos int) string {
	d := r.d
	i := d.tokenAt(pos)
	if i <= 0 || i >= len(d.toks) {
		return ""
	}
	// The sentence and paragraph are those of the token at pos, not of
	// the one before it: a "they" that opens a sentence or a paragraph
	// would otherwise reach a sentence further back, or into the
	// paragraph before.
	from := d.sents[max(0, d.sentOf[i]-1)].s
	for j := i - 1; j >= from && d.toks[j].para == d.toks[i].para; j-- {
		switch w := d.toks[j].low; w {
		case "pair", "duo":
			return w
		case "two", "both":
			if j+1 < i && groupHeads[d.toks[j+1].low] {
				return d.toks[j+1].low
			}
			if j > 0 && d.toks[j-1].low == "the" && j+1 < i && actsAsPair(d.toks[j+1].low) {
				return w // "the two met", not "the two ferries"
			}
		}
	}
	return ""
}

// roleHead reports whether w names a position a person holds ("minister",
// "diplomat", "spokeswoman"), not a country or a body ("the United
// States", "the board").
func roleHead(w string) bool {
	w = bare(w)
	return roleAlias[w] != nil || titleWords[w] && !titleModifiers[w] || roleNouns[w]
}

// roleNouns are positions that are not titles before a name.
var roleNouns = setOf("diplomat", "diplomats", "spokesperson", "aide",
	"negotiator", "mediator", "lawyer", "attorney", "executive",
	"chairwoman", "chairperson", "head", "boss", "politician", "candidate",
	"incumbent", "challenger", "commissioner", "regulator", "minister",
	"president", "premier", "envoy", "ambassador", "prosecutor", "judge",
	"founder", "owner", "author", "writer", "economist", "scientist")

// group resolves "the two diplomats", "the pair", "both sides": the two
// people who spoke last, or else the two named last. Sides and camps are
// resolved only from speakers: the people merely named are seldom the
// sides ("both sides said" after a union and an authority spoke).
func (r *resolver) group(head string, prior []mention) (string, []string) {
	var picked []int
	seen := func(n int) bool { return slices.Contains(picked, n) }
	for k := len(r.speakers) - 1; k >= 0 && len(picked) < 2; k-- {
		if n := r.speakers[k].person; !seen(n) {
			picked = append(picked, n)
		}
	}
	if head != "sides" && head != "camps" && head != "parties" {
		for k := len(prior) - 1; k >= 0 && len(picked) < 2; k-- {
			if n := prior[k].person; !seen(n) {
				picked = append(picked, n)
			}
		}
	}
	if len(picked) < 2 {
		return "", nil
	}
	// In the order the text first names them.
	first := func(n int) int {
		for _, m := range r.ms {
			if m.person == n {
				return m.pos
			}
		}
		return 0
	}
	slices.SortFunc(picked, func(a, b int) int { return first(a) - first(b) })
	names := []string{r.people[picked[0]].Name, r.people[picked[1]].Name}
	return strings.Join(names, " and "), names
}

// outer returns the innermost of the last few attributions whose content
// holds sp.
func outer(as []Attribution, sp Span) *Attribution {
	var best *Attribution
	for i := max(0, len(as)-20); i < len(as); i++ {
		a := &as[i]
		if a.Scare || a.Content.Start > sp.Start || a.Content.End < sp.End {
			continue
		}
		if best == nil || a.Content.Start >= best.Content.Start {
			best = a
		}
	}
	return best
}

// monthName reports whether the month word at position n of the name run
// of size words starting at toks[k] is a name: a surname after a first
// name ("Theresa May"), not one in a date, after a word of time ("Last
// May", "Since April") or before a day ("Geneva March 3"); or a given name
// first in a run of two or more ("April Tessor said"), not after a
// preposition or a word of time ("In March Trump said").
func monthName(toks []token, k, n, size int) bool {
	i := k + n
	if !months[bare(toks[i].low)] {
		return false
	}
	if n == 0 {
		// (Not "July Fourth", a day.)
		return size >= 2 && (k == 0 || !monthBefore[bare(toks[k-1].low)]) && !ordinals[toks[i+1].low]
	}
	return !monthBefore[bare(toks[i-1].low)] && (i+1 >= len(toks) || !isNumber(toks[i+1]))
}

// ordinals name a day after a month: "July Fourth".
var ordinals = setOf("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
	"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "twentieth", "thirtieth")

// monthBefore are the words that open a date with a month: "last May",
// "in March", "since April".
var monthBefore = setOf("last", "early", "late", "mid", "since", "through",
	"throughout", "until", "till", "next", "during", "between", "come", "into",
	"starting", "beginning", "around", "every", "each", "in", "by", "on", "from",
	"this", "of", "before", "after", "to")
