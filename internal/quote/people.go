package quote

import (
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
			titled = true
		}
		if rs0 < i && rs0 > 0 && isPossessive(toks[rs0-1].text) {
			rs0--
		}
		ok := len(name) >= 1 && len(name) <= 4 && (titled || len(name) >= 2)
		for n, t := range name {
			b := bare(t.low)
			if notNames[b] || titleWords[b] || (isPossessive(t.text) && n < len(name)-1) {
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
			parts[n] = trimPossessive(t.text)
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

func trimPossessive(w string) string {
	for _, suf := range []string{"’s", "'s", "’S", "’", "'"} {
		if strings.HasSuffix(w, suf) {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

func bare(w string) string { return trimPossessive(w) }

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
// with it, a group by the people last named. Attributions without a source
// (a gerund "…, saying", a quote joined later) take the previous speaker.
func resolve(d *doc, as []Attribution, people []Person) {
	var ms []mention
	for n, p := range people {
		for _, s := range p.Mentions {
			ms = append(ms, mention{s.Start, n})
		}
	}
	slices.SortFunc(ms, func(a, b mention) int { return a.pos - b.pos })
	before := func(pos int) []mention {
		k, _ := slices.BinarySearchFunc(ms, pos, func(m mention, p int) int { return m.pos - p })
		return ms[:k]
	}
	prevSpeaker, prevSpeakers := "", []string(nil)
	for i := range as {
		a := &as[i]
		if a.Scare {
			continue
		}
		if a.Source.Empty() {
			a.Speaker, a.Speakers = prevSpeaker, prevSpeakers
			continue
		}
		a.SpeakerText = d.text(a.Source)
		// "Vale said she hoped…": a pronoun inside someone's reported
		// speech is most often that someone.
		if personPronouns[strings.ToLower(a.SpeakerText)] {
			if o := outer(as[:i], a.Source); o != nil && o.Speaker != "" && len(o.Speakers) == 0 {
				a.Speaker = o.Speaker
				prevSpeaker, prevSpeakers = a.Speaker, nil
				continue
			}
		}
		a.Speaker, a.Speakers = speakerOf(d, a.Source, people, ms, before)
		prevSpeaker, prevSpeakers = a.Speaker, a.Speakers
	}
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

func speakerOf(d *doc, src Span, people []Person, ms []mention, before func(int) []mention) (string, []string) {
	// A person named inside the source.
	last := -1
	inside := before(src.End)
	for k := len(inside) - 1; k >= 0 && inside[k].pos >= src.Start; k-- {
		last = inside[k].person
		break
	}
	if last >= 0 {
		return people[last].Name, nil
	}
	words := strings.Fields(strings.ToLower(d.text(src)))
	if len(words) == 0 {
		return "", nil
	}
	prior := before(src.Start)
	if len(words) == 1 && personPronouns[words[0]] {
		if len(prior) > 0 {
			return people[prior[len(prior)-1].person].Name, nil
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
		var names []string
		for k := len(prior) - 1; k >= 0 && len(names) < 2; k-- {
			n := people[prior[k].person].Name
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		if len(names) == 2 {
			slices.Reverse(names)
			return strings.Join(names, " and "), names
		}
		return "", nil
	}
	// A role: "the Russian foreign minister", "the Russian diplomat".
	if words[0] == "the" || words[0] == "his" || words[0] == "her" || isPossessive(words[0]) {
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
