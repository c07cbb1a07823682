package ner

import (
	"strings"
)

// docLevel types the remaining candidates from the rest of the text:
// surnames of people named in full, short forms of organisations, the
// names of places with a prefix, acronyms, and countries whose nationality
// word the text uses. Then every mention of one surface form gets the type
// of its strongest mention.
func (d *doc) docLevel() {
	lex := d.tg.Lex
	type ref struct {
		canon string
		typ   Type
		n     int
	}
	sur := map[string]*ref{}   // surname (lower) -> person
	given := map[string]*ref{} // given name -> person
	short := map[string]*ref{} // org prefix -> org
	tail := map[string]*ref{}  // place without its prefix -> place
	acr := map[string]*ref{}
	put := func(m map[string]*ref, k, canon string, t Type) {
		if r, ok := m[k]; ok {
			if r.canon != canon {
				r.n++
			}
			return
		}
		m[k] = &ref{canon, t, 1}
	}
	canonOf := func(s *Span) string {
		if s.Canon != "" {
			return s.Canon
		}
		return d.nameText(s)
	}
	for k := range d.spans {
		s := &d.spans[k]
		if s.Type == None || s.Nominal || s.Src == SrcModel && s.Type != Person {
			continue
		}
		nt := s.T1 - s.T0
		c := canonOf(s)
		switch s.Type {
		case Person:
			if nt >= 2 {
				w := strings.Fields(c)
				if len(w) >= 2 {
					put(sur, strings.ToLower(w[len(w)-1]), c, Person)
					put(given, strings.ToLower(w[0]), c, Person)
					if len(w) >= 3 && particles[strings.ToLower(w[1])] {
						// "van der Berg" of "Pieter van der Berg"
						put(sur, norm(strings.Join(w[1:], " ")), c, Person)
					}
				}
			}
		case Org:
			if nt >= 2 {
				for e := s.T0 + 1; e < s.T1; e++ {
					if _, ok := d.demonymOf(s.T0); ok && e == s.T0+1 || e == s.T0+1 && d.toks[s.T0].Upper {
						// "Republican" is not short for "Republican National
						// Committee", nor "DNC" for "DNC Rules Committee"
						continue
					}
					put(short, norm(d.surface(s.T0, e)), c, Org)
				}
			}
		case Place:
			if nt >= 2 && lex.placePre[d.toks[s.T0].Low] {
				put(tail, norm(d.surface(s.T0+1, s.T1)), c, Place)
			}
		}
		// "X (ACR)"
		if s.T1+2 < len(d.toks) && d.toks[s.T1].Text == "(" && d.toks[s.T1+1].Upper && d.toks[s.T1+2].Text == ")" {
			put(acr, d.toks[s.T1+1].Text, c, s.Type)
		}
	}
	for k := range d.spans {
		s := &d.spans[k]
		if s.Nominal || s.Src == SrcGaz && s.Type != Person || s.Src == SrcRule && s.T1-s.T0 >= 2 {
			continue
		}
		key := norm(strings.TrimRight(d.nameText(s), "’'"))
		if s.Type == Person && (s.Src == SrcGaz || s.Src == SrcRule) {
			continue // resolvePeople gives the full name
		}
		if s.Src == SrcRule && s.Type != None {
			continue
		}
		if r, ok := acr[d.nameText(s)]; ok && r.n == 1 {
			s.Type, s.Canon, s.Src = r.typ, r.canon, SrcDoc
			continue
		}
		if s.Src == SrcModel && s.T1-s.T0 >= 2 {
			// "Melania Trump": a name ending in the surname of a person of the text
			last := norm(strings.TrimRight(d.toks[s.T1-1].Text, "’'"))
			_, fam := sur[last]
			if !fam {
				fam = len(lex.bare[last]) > 0
			}
			f0 := strings.TrimRight(d.toks[s.T0].Low, ".")
			if fam && d.personLike(s.T0, s.T1) && !d.anyAffix(s.T0, s.T1) && (lex.first[f0] || !lex.InDict(f0)) {
				s.Type, s.Src = Person, SrcDoc
				continue
			}
		}
		if _, ok := sur[key]; ok && (s.T1-s.T0 == 1 || particles[d.toks[s.T0].Low]) {
			s.Type, s.Canon, s.Src = Person, "", SrcDoc
			continue
		}
		if r, ok := tail[key]; ok && r.n == 1 {
			s.Type, s.Canon, s.Src = Place, r.canon, SrcDoc
			continue
		}
		if r, ok := short[key]; ok && r.n == 1 {
			s.Type, s.Canon, s.Src = Org, r.canon, SrcDoc
			continue
		}
		if r, ok := given[key]; ok && r.n == 1 && s.T1-s.T0 == 1 && lex.first[key] {
			s.Type, s.Canon, s.Src = Person, r.canon, SrcDoc
			continue
		}
		if s.T1-s.T0 == 1 && d.hasDemonym(key) {
			s.Type, s.Src = Place, SrcDoc
			continue
		}
	}
	// "between Port Sellan and Drovnik", "from Halvard to Drovnik": a name
	// paired with a place is a place
	end := map[int]*Span{}
	for k := range d.spans {
		s := &d.spans[k]
		end[s.T1] = s
	}
	for k := range d.spans {
		s := &d.spans[k]
		if s.Src != SrcModel || s.T0 < 3 {
			continue
		}
		if p := end[s.T0-1]; p != nil && p.Src <= SrcRule && p.Type == Place && p.T0 >= 1 {
			link, open := d.toks[s.T0-1].Low, d.toks[p.T0-1].Low
			if link == "and" && open == "between" || link == "to" && open == "from" {
				s.Type, s.Src = Place, SrcDoc
				s.scores[Place] += 10
			}
		}
	}
	// the model's mentions of one surface form vote together
	votes := map[string]*[numTypes]float32{}
	for k := range d.spans {
		s := &d.spans[k]
		if s.Src != SrcModel {
			continue
		}
		key := norm(d.nameText(s))
		v := votes[key]
		if v == nil {
			v = new([numTypes]float32)
			votes[key] = v
		}
		for c := range v {
			v[c] += s.scores[c]
		}
	}
	for k := range d.spans {
		s := &d.spans[k]
		if s.Src != SrcModel {
			continue
		}
		v := votes[norm(d.nameText(s))]
		best := None
		for c := Type(1); c < numTypes; c++ {
			if v[c] > v[best] {
				best = c
			}
		}
		s.Type = best
	}
	// one surface form, one type: the strongest mention decides
	best := map[string]*Span{}
	for k := range d.spans {
		s := &d.spans[k]
		if s.Type == None || s.Nominal {
			continue
		}
		key := norm(d.nameText(s))
		if b, ok := best[key]; !ok || s.Src < b.Src {
			best[key] = s
		}
	}
	for k := range d.spans {
		s := &d.spans[k]
		if s.Nominal {
			continue
		}
		b, ok := best[norm(d.nameText(s))]
		if !ok || b == s || b.Src >= s.Src || s.Src < SrcDoc {
			continue
		}
		s.Type, s.Canon = b.Type, b.Canon
	}
	d.resolvePeople()
	// drop what nobody typed
	out := d.spans[:0]
	for _, s := range d.spans {
		if s.Type != None {
			out = append(out, s)
		}
	}
	d.spans = out
}

// hasDemonym reports whether the text uses a nationality word made from
// the name ("Valdorian" for "Valdoria").
func (d *doc) hasDemonym(low string) bool {
	if len(low) < 4 {
		return false
	}
	for _, suf := range []string{"n", "ns", "an", "ans", "ian", "ians", "ese"} {
		if d.capWords[low+suf] {
			return true
		}
	}
	return false
}

// nameText is the span's text with a trailing apostrophe trimmed.
func (d *doc) nameText(s *Span) string {
	return strings.TrimRight(d.text[s.B:s.BE], "’'")
}

// officeWords after a role's possessive make it the office: "the
// governor’s mansion", "the president’s desk".
var officeWords = map[string]bool{"mansion": true, "office": true, "residence": true, "seat": true, "race": true,
	"chair": true, "desk": true, "post": true, "job": true, "term": true, "palace": true, "powers": true}

var nomMods = map[string]bool{"top": true, "chief": true, "senior": true, "foreign": true, "prime": true, "deputy": true,
	"former": true, "acting": true, "interim": true, "new": true, "health": true, "labour": true, "labor": true,
	"defence": true, "defense": true, "finance": true, "interior": true, "general": true, "vice": true, "then": true}

// nominals finds role mentions that name nobody: "the minister", "the
// Russian foreign minister", "Valdoria’s foreign minister", "the top U.S.
// diplomat".
func (d *doc) nominals() {
	lex := d.tg.Lex
	spanAt := map[int]int{}     // first token -> span index
	personEnd := map[int]bool{} // token after a person's name
	for k, s := range d.spans {
		spanAt[s.T0] = k
		if s.Type == Person && !s.Nominal {
			personEnd[s.T1] = true
		}
	}
	toks := d.toks
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		start, m := -1, -1
		nat := ""
		rs := k
		switch {
		case t.Kind == KWord && t.Low == "the" && !d.used[k]:
			start, m = k, k+1
		case t.Kind == KPoss && k > 0 && d.used[k-1]:
			for _, s := range d.spans {
				if s.T1 == k && s.Type == Place {
					nat = s.Canon
					if nat == "" {
						nat = d.nameText(&s)
					}
					start, m = k+1, k+1
					rs = s.T0
				}
			}
		}
		if start < 0 {
			continue
		}
		if t.Low == "the" && k >= 2 && toks[k-1].Text == "," && personEnd[k-1] {
			// an apposition ("Cruz, the senator from Texas") is not a mention
			continue
		}
		// modifiers
		for n := 0; m < len(toks) && n < 3; n++ {
			w := &toks[m]
			if w.Kind != KWord {
				break
			}
			if si, ok := spanAt[m]; ok && d.spans[si].Type == Place {
				s := d.spans[si]
				nat = s.Canon
				if nat == "" {
					nat = d.nameText(&s)
				}
				m = s.T1
				start = m
				continue
			}
			if c, ok := d.demonymOf(m); ok && !d.used[m] {
				nat = c
				m++
				continue
			}
			if nomMods[w.Low] && !w.Cap {
				// only a modifier if a title follows
				if _, _, ok := lex.Title(w.Low + " " + toks[min(m+1, len(toks)-1)].Low); ok {
					break
				}
				m++
				continue
			}
			break
		}
		// the title head, longest first
		found := 0
		canon := ""
		for n := min(3, len(toks)-m); n >= 1; n-- {
			ok := true
			for q := m; q < m+n; q++ {
				if toks[q].Kind != KWord || toks[q].Cap || d.used[q] {
					ok = false
				}
			}
			if !ok {
				continue
			}
			c, cls, ok := lex.Title(d.surface(m, m+n))
			if ok && (cls == "head" || c == "diplomat") {
				found, canon = n, c
				break
			}
		}
		if found == 0 {
			continue
		}
		e := m + found
		if e+1 < len(toks) && toks[e].Kind == KPoss && officeWords[toks[e+1].Low] {
			continue // "the governor’s mansion": the office, not the person
		}
		if e < len(toks) {
			nx := &toks[e]
			if d.isNameTok(e) || nx.Low == "of" || nx.Low == "for" || nx.Low == "and" || (nx.Kind == KWord && !nx.Cap && lex.first[nx.Low]) {
				continue
			}
			if nx.Text == "," {
				// an apposition: "the mediator, retired judge Ewa Kastellan"
				app := false
				for q := e + 1; q < len(toks) && q <= e+5; q++ {
					if si, ok := spanAt[q]; ok && d.spans[si].Type == Person {
						app = true
						if d.spans[si].Title == "" {
							d.spans[si].Title = canon
							d.spans[si].Nat = nat
							d.spans[si].RoleText = strings.ReplaceAll(strings.ToLower(d.text[toks[start].B:toks[e-1].BE]), "’", "'")
						}
						break
					}
					if toks[q].Kind != KWord || toks[q].Cap {
						break
					}
				}
				if app {
					continue
				}
			}
		}
		if nat == "" && start == k && k+1 <= m {
			// "the Karsenian foreign minister": demonyms were read above
		}
		s := Span{T0: start, T1: e, Type: Person, Src: SrcRule, Nominal: true, Title: canon, Nat: nat}
		s.RoleText = strings.ReplaceAll(strings.ToLower(d.text[toks[rs].B:toks[e-1].BE]), "’", "'")
		d.add(s)
		k = e - 1
	}
}
