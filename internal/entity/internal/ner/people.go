package ner

import (
	"slices"
	"strings"
)

// bearer is a person the text names in full.
type bearer struct {
	canon  string
	given  string // lower case
	sur    string // lower case
	gender byte
	titles []string
	first  int // token of the first full mention
}

// nameSuffixes are the words after a surname that are not the surname.
var nameSuffixes = map[string]bool{"jr.": true, "jr": true, "sr.": true, "sr": true, "ii": true, "iii": true, "iv": true}

// resolvePeople gives every one-word mention of a person its full name.
// A surname takes the full name of the person of the text who bears it
// (the text's own people first, "Jeb Bush" before the gazetteer's "George
// W. Bush"); when several people of the text bear it ("Hillary Clinton",
// "Bill Clinton"), an honorific or a title that fits one of them decides
// ("Mrs. Clinton", "former President Clinton"), then the one named so far
// (or, before any is named, the first named: a headline), then the one
// the gazetteer gives the bare name to ("Trump"); else the mention keeps
// its own one word rather than a guess (the most recent full mention was
// tried and was wrong about as often as right). A surname nobody in the text bears takes the gazetteer's person
// when only one fits. A given name alone ("Bill") takes the one person of
// the text with that given name. Names that differ only in middle names
// or initials ("Paul D. Ryan", "Paul Ryan") are one person, named by the
// fuller form.
func (d *doc) resolvePeople() {
	lex := d.tg.Lex
	var bs []*bearer
	byCanon := map[string]*bearer{}
	for k := range d.spans {
		s := &d.spans[k]
		if s.Type != Person || s.Nominal {
			continue
		}
		if s.Canon == "" && s.T1-s.T0 >= 2 {
			// "Hillary Rodham Clinton" after a title is "Hillary Clinton",
			// "John F. Kerry" is "John Kerry"
			if ty, c, ok := lex.Gaz(d.nameText(s)); ok && ty == Person && c != "" {
				s.Canon = c
			} else if c := lex.plainName(d.nameText(s)); c != "" {
				s.Canon = c
			}
		}
		c := d.personName(s)
		w := strings.Fields(c)
		if len(w) < 2 {
			continue
		}
		b := byCanon[c]
		if b == nil {
			last := len(w) - 1
			if len(w) > 2 && nameSuffixes[strings.ToLower(w[last])] {
				last--
			}
			b = &bearer{canon: c, given: strings.ToLower(w[0]), sur: norm(strings.TrimRight(w[last], "’'")), first: s.T0}
			byCanon[c] = b
			bs = append(bs, b)
		}
		if s.Gender != 0 {
			b.gender = s.Gender
		}
		if s.Title != "" {
			b.titles = append(b.titles, s.Title)
		}
	}
	// "Paul Ryan" is "Paul D. Ryan" when the text names only one such
	rename := map[string]string{}
	for _, a := range bs {
		var long *bearer
		n := 0
		for _, b := range bs {
			if b != a && b.given == a.given && b.sur == a.sur && len(b.canon) > len(a.canon) && len(strings.Fields(a.canon)) == 2 && !hasSuffix(b.canon) && !(lex.isPerson(a.canon) && lex.isPerson(b.canon)) {
				long = b
				n++
			}
		}
		if n == 1 {
			rename[a.canon] = long.canon
			if long.first > a.first {
				long.first = a.first
			}
			if long.gender == 0 {
				long.gender = a.gender
			}
			long.titles = append(long.titles, a.titles...)
		}
	}
	if len(rename) > 0 {
		out := bs[:0]
		for _, b := range bs {
			if _, ok := rename[b.canon]; !ok {
				out = append(out, b)
			}
		}
		bs = out
		for k := range d.spans {
			s := &d.spans[k]
			if s.Type == Person && !s.Nominal {
				if c, ok := rename[d.personName(s)]; ok {
					s.Canon = c
				}
			}
		}
	}
	for _, b := range bs {
		if b.gender == 0 {
			b.gender = lex.GenderOf(b.canon)
		}
		b.titles = append(b.titles, lex.hints[b.canon].titles...)
	}
	person := make([]bool, len(d.toks))
	for k := range d.spans {
		if s := &d.spans[k]; s.Type == Person && !s.Nominal {
			person[s.T0] = true
		}
	}
	// "Van der Berg" is the one person of the text whose surname it is
	tails := map[string][]string{}
	for _, b := range bs {
		if w := strings.Fields(b.canon); len(w) >= 3 && particles[strings.ToLower(w[1])] {
			k := norm(strings.Join(w[1:], " "))
			tails[k] = append(tails[k], b.canon)
		}
	}
	for k := range d.spans {
		if s := &d.spans[k]; s.Type == Person && !s.Nominal && s.T1-s.T0 >= 2 {
			if t := tails[norm(d.nameText(s))]; len(t) == 1 {
				s.Canon = t[0]
			}
		}
	}
	var ones []int
	for k := range d.spans {
		if s := &d.spans[k]; s.Type == Person && !s.Nominal && s.T1-s.T0 == 1 {
			ones = append(ones, k)
		}
	}
	slices.SortFunc(ones, func(a, b int) int { return d.spans[a].T0 - d.spans[b].T0 })
	for _, k := range ones {
		s := &d.spans[k]
		key := norm(strings.TrimRight(d.nameText(s), "’'"))
		g := s.Gender
		if g == 0 {
			g = d.pronounGender(s, person)
		}
		c, gaz := d.resolveName(key, s, g, bs)
		s.Canon = c
		if gaz && len(lex.bare[key]) > 1 {
			// "President Clinton" told who "Clinton" is: later mentions
			// follow, as after a full name
			h := lex.hints[c]
			bs = append(bs, &bearer{canon: c, sur: key, gender: h.gender, titles: h.titles, first: s.T0})
		}
	}
}

var pronouns = map[string]bool{"he": true, "she": true, "his": true, "her": true, "him": true, "hers": true,
	"himself": true, "herself": true, "they": true, "them": true, "their": true, "i": true, "we": true, "you": true}

// pronounGender returns the gender of the subject pronoun that first
// follows a mention which opens its sentence's people ("Clinton is running
// for president, if she is elected"); 0 when another person or pronoun
// comes before it, or another pronoun, person or quote comes first after.
func (d *doc) pronounGender(s *Span, person []bool) byte {
	toks := d.toks
	for k := s.T0 - 1; k >= 0; k-- {
		t := &toks[k]
		if person[k] || pronouns[t.Low] {
			return 0
		}
		if t.Para || t.Kind == KPunct && (t.Text == "." || t.Text == "!" || t.Text == "?") {
			break
		}
	}
	for k := s.T1; k < len(toks) && k < s.T1+15; k++ {
		t := &toks[k]
		if person[k] || t.Para || t.Kind == KPunct && strings.Contains(".!?“”\"‘’'`", t.Text) {
			return 0
		}
		switch t.Low {
		case "he":
			return 'm'
		case "she":
			return 'f'
		}
		if pronouns[t.Low] {
			return 0
		}
	}
	return 0
}

// givenAlone reports whether a given name stands alone for a person
// named before, not inside "Star of David" or "David and Charles Koch".
func (d *doc) givenAlone(s *Span) bool {
	toks := d.toks
	if s.T0 > 0 && toks[s.T0-1].Low == "of" {
		return false
	}
	if s.T1+1 < len(toks) && (toks[s.T1].Low == "and" || toks[s.T1].Low == "&") && d.isNameTok(s.T1+1) {
		return false
	}
	return true
}

// surnamesUsed reports whether the text names a person with surname sur,
// in full or alone.
func (d *doc) surnamesUsed(sur string, bs []*bearer) bool {
	for _, b := range bs {
		if b.sur == sur {
			return true
		}
	}
	for k := range d.spans {
		s := &d.spans[k]
		if s.Type == Person && !s.Nominal && s.T1-s.T0 == 1 && norm(strings.TrimRight(d.nameText(s), "’'")) == sur {
			return true
		}
	}
	return false
}

// hasSuffix reports whether a name ends in "Jr.", "Sr.", "III".
func hasSuffix(name string) bool {
	w := strings.Fields(name)
	return len(w) > 2 && nameSuffixes[strings.ToLower(w[len(w)-1])]
}

// personName is a person mention's name: its canonical name, else its
// words with single spaces.
func (d *doc) personName(s *Span) string {
	if s.Canon != "" {
		return s.Canon
	}
	return strings.Join(strings.Fields(d.nameText(s)), " ")
}

// fits reports whether a person of the given gender and titles may be
// the one a mention with an honorific or a title of gender g and title t
// names.
func fits(g byte, t string, gender byte, titles []string) bool {
	if g != 0 && gender != 0 && g != gender {
		return false
	}
	if t == "" || len(titles) == 0 {
		return true
	}
	tw := strings.Fields(t)
	for _, x := range titles {
		xw := strings.Fields(x)
		if strings.EqualFold(x, t) || strings.EqualFold(xw[0], tw[0]) || strings.EqualFold(xw[len(xw)-1], tw[len(tw)-1]) {
			return true
		}
	}
	return false
}

// resolveName returns the full name a one-word person mention stands for,
// or "" when it cannot tell (see resolvePeople), and whether the
// gazetteer, not a person of the text, gave it.
func (d *doc) resolveName(key string, s *Span, g byte, bs []*bearer) (string, bool) {
	lex := d.tg.Lex
	var cands, titled []*bearer
	named := false
	for _, b := range bs {
		if b.sur == key {
			named = true
			if fits(g, s.Title, b.gender, b.titles) {
				cands = append(cands, b)
				if s.Title != "" && len(b.titles) > 0 {
					titled = append(titled, b)
				}
			}
		}
	}
	if len(titled) > 0 {
		// those known to have held the title before those not known to
		cands = titled
	}
	if !named && lex.first[key] && d.givenAlone(s) {
		// a given name alone: "Bill" when the text names one Bill
		var gv []*bearer
		for _, b := range bs {
			if b.given == key {
				gv = append(gv, b)
			}
		}
		if len(gv) == 1 && fits(g, "", gv[0].gender, nil) && gv[0].first < s.T0 {
			return gv[0].canon, false
		}
		if len(gv) == 0 {
			// "Bill" in a text about the Clintons: the gazetteer's Bill
			// whose surname the text uses
			only, n := "", 0
			for _, c := range lex.given[key] {
				w := strings.Fields(c)
				if sur := norm(w[len(w)-1]); d.surnamesUsed(sur, bs) && fits(g, "", lex.hints[c].gender, nil) {
					only = c
					n++
				}
			}
			if n == 1 {
				return only, true
			}
		}
	}
	switch {
	case len(cands) == 1:
		return cands[0].canon, false
	case len(cands) == 0:
		// nobody of the text: the gazetteer, when one person fits
		var only string
		n := 0
		for _, c := range lex.bare[key] {
			h := lex.hints[c]
			if fits(g, s.Title, h.gender, h.titles) {
				only = c
				n++
			}
		}
		if n == 1 {
			return only, true
		}
		return "", false
	}
	var intro []*bearer
	for _, b := range cands {
		if b.first < s.T0 {
			intro = append(intro, b)
		}
	}
	if len(intro) == 1 {
		return intro[0].canon, false
	}
	// a widely reported person the gazetteer gives the bare name to
	// ("Trump" is Donald Trump, whoever else of the family the text names)
	if only := lex.bare[key]; len(only) == 1 {
		for _, b := range cands {
			if b.canon == only[0] {
				return b.canon, false
			}
		}
	}
	if len(intro) == 0 {
		// before anyone is named (a headline): the first named
		first := cands[0]
		for _, b := range cands[1:] {
			if b.first < first.first {
				first = b
			}
		}
		return first.canon, false
	}
	return "", false
}
