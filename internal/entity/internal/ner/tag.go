package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// How a span's type was decided, strongest first.
const (
	SrcGaz   uint8 = iota + 1 // a gazetteer entry
	SrcRule                   // a title, an affix, a context rule, a dateline
	SrcDoc                    // another mention in the same text
	SrcModel                  // the averaged perceptron
)

// Span is one mention found in a text.
type Span struct {
	S, E   int // code points
	B, BE  int // bytes
	T0, T1 int // tokens [T0, T1)
	Type   Type
	Src    uint8
	// Canon is the canonical name when a gazetteer or the text gave one
	// ("United States" for "U.S."); empty means the surface form.
	Canon string
	// Title is the canonical title before a person's name, or of a nominal
	// mention ("Foreign Minister"); Nat the country it is qualified with.
	Title string
	Nat   string
	// RoleText is the role as written, lower case ("russia's foreign minister").
	RoleText string
	// Nominal marks a role mention that names nobody ("the minister").
	Nominal bool
	// Gender is 'm' or 'f' when an honorific or a title says it ("Mrs.
	// Clinton", "spokeswoman Anna Berg"), else 0.
	Gender byte
	Score  float32
	scores [numTypes]float32
}

// Tagger finds mentions. It is safe for concurrent use.
type Tagger struct {
	Lex   *Lexicon
	Model *Model
}

type doc struct {
	tg       *Tagger
	text     string
	toks     []Token
	spans    []Span
	midCap   map[string]bool // lower forms of capitalised words seen mid-sentence
	capWords map[string]bool // lower forms of all capitalised words
	used     []bool          // token belongs to a span or a title
	// surnames holds the lower-case words that follow a known given name
	// ("sanders" of "Bernie Sanders"): a plural possessive of one ends a
	// name ("Sanders’ Senate colleagues").
	surnames map[string]bool
}

// newDoc tokenizes text and reads what the text says about its words:
// which capitalised words it uses mid-sentence, which lines are in title
// case (whose common words are then not names), which words are surnames.
func newDoc(tg *Tagger, text string) *doc {
	toks := Tokenize(text)
	d := &doc{tg: tg, text: text, toks: toks, midCap: map[string]bool{}, capWords: map[string]bool{}, used: make([]bool, len(toks)), surnames: map[string]bool{}}
	d.markNoName()
	title := d.titleCase()
	for k, t := range toks {
		if t.Kind == KWord && t.Cap && !t.NoName {
			d.capWords[t.Low] = true
			if !t.Start && !t.Upper && (title == nil || !title[k]) {
				d.midCap[t.Low] = true
			}
		}
	}
	if title != nil {
		d.weakenTitleCase(title)
	}
	lex := tg.Lex
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Cap && lex.first[toks[k].Low] && d.isNameTok(k+1) {
			d.surnames[strings.TrimRight(toks[k+1].Low, "’'")] = true
		}
	}
	return d
}

// Tag returns the mentions of text, ordered and non-overlapping.
func (tg *Tagger) Tag(text string) []Span {
	d := newDoc(tg, text)
	d.runs()
	d.docLevel()
	d.nominals()
	slices.SortFunc(d.spans, func(a, b Span) int { return a.S - b.S })
	// drop overlaps (keep the earlier, then the longer)
	out := d.spans[:0]
	end := -1
	for _, s := range d.spans {
		if s.S < end || s.E <= s.S {
			continue
		}
		out = append(out, s)
		end = s.E
	}
	return out
}

func (d *doc) isNameTok(i int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	t := &d.toks[i]
	return t.Kind == KWord && (t.Cap || t.Upper) && !t.NoName
}

// possEnd reports whether token k, a plural possessive ("Sanders’"), ends
// a name: it does after a person's name, not inside an organisation's
// ("Dock and Harbour Workers’ Federation").
func (d *doc) possEnd(k int) bool {
	t := &d.toks[k]
	if !strings.HasSuffix(t.Text, "’") && !strings.HasSuffix(t.Text, "'") {
		return false
	}
	stem := strings.TrimRight(t.Low, "’'")
	if d.surnames[stem] || d.tg.Lex.first[stem] {
		return true
	}
	if ty, _, ok := d.tg.Lex.Gaz(stem); ok && ty == Person {
		return true
	}
	return !d.tg.Lex.InDict(stem)
}

var connectors = map[string]bool{"of": true, "for": true, "and": true, "&": true, "in": true, "on": true, "upon": true,
	"de": true, "du": true, "da": true, "del": true, "della": true, "der": true, "van": true, "von": true, "al": true, "bin": true, "la": true, "le": true, "y": true, "ibn": true, "dos": true, "das": true}

var particles = map[string]bool{"de": true, "du": true, "da": true, "del": true, "della": true, "der": true, "van": true, "von": true, "al": true, "bin": true, "la": true, "le": true, "y": true, "ibn": true, "dos": true, "das": true}

// possNames are the words whose possessive names go on with: "People’s
// Party", "Children’s Hospital", "Women’s March".
var possNames = map[string]bool{"people": true, "children": true, "women": true, "men": true, "workers": true,
	"farmers": true, "citizens": true, "veterans": true, "teachers": true, "nurses": true, "doctors": true}

// onHeads are the words a name may go on after with "on": "Commission on
// Human Rights", "Conference on Disarmament".
var onHeads = map[string]bool{"commission": true, "committee": true, "conference": true, "council": true,
	"convention": true, "treaty": true, "panel": true, "summit": true, "forum": true, "subcommittee": true,
	"declaration": true, "protocol": true, "agreement": true, "institute": true, "center": true, "centre": true,
	"campaign": true, "coalition": true, "caucus": true, "war": true, "court": true, "stratford": true, "newcastle": true,
	"kingston": true, "walton": true, "southend": true}

// ofHead reports whether a name may go on with "of"/"for" after w
// ("University of", "Secretary of", "Gulf of").
func (d *doc) ofHead(low string) bool {
	l := d.tg.Lex
	if strings.HasSuffix(low, "s") && len(low) > 4 && (l.orgWord[low[:len(low)-1]] || l.placePre[low[:len(low)-1]]) {
		return true // "Centers for Disease Control"
	}
	if l.orgWord[low] || l.miscSuf[low] || l.placePre[low] {
		return true
	}
	if _, cls, ok := l.Title(low); ok && cls == "head" {
		return true
	}
	switch low {
	case "sea", "strait", "isle", "bay", "gulf", "republic", "kingdom", "state", "states", "city", "battle", "siege", "house",
		"bank", "chamber", "museum", "duke", "prince", "princess", "king", "queen", "emperor", "archbishop", "bishop", "church",
		"people's", "district", "province", "university", "college", "institute", "school", "order", "department", "ministry",
		"office", "minister", "secretary", "court", "council", "cathedral", "tower", "palace":
		return true
	}
	return false
}

// runs finds runs of capitalised words and analyses each.
func (d *doc) runs() {
	n := len(d.toks)
	for i := 0; i < n; {
		if !d.isNameTok(i) {
			i++
			continue
		}
		j := i + 1
		for j < n {
			if d.isNameTok(j) && !d.toks[j].Para && !d.toks[j].Glue && !d.possEnd(j-1) && !(d.toks[j].Upper != d.toks[j-1].Upper && d.toks[j-1].Upper && len(d.toks[j-1].Text) > 3 && !strings.Contains(d.toks[j-1].Text, ".")) {
				j++
				continue
			}
			t := d.toks[j]
			if t.Kind == KPoss && possNames[strings.ToLower(d.toks[j-1].Text)] && d.isNameTok(j+1) && !d.toks[j+1].Para {
				// "European People’s Party", "Children’s Hospital"
				e := j + 1
				for e < n && d.isNameTok(e) && !d.toks[e].Para && !d.toks[e].Glue {
					e++
				}
				last := strings.ToLower(strings.TrimRight(d.toks[e-1].Text, "’'."))
				if d.tg.Lex.orgWord[last] || d.tg.Lex.placeSuf[last] || d.tg.Lex.miscSuf[last] {
					j = e
					continue
				}
			}
			if t.Kind == KWord && connectors[t.Low] && !t.Para {
				k := j + 1
				for k < n && d.toks[k].Kind == KWord && (particles[d.toks[k].Low] || d.toks[k].Low == "the" && (t.Low == "of" || t.Low == "for" || t.Low == "on")) && k-j < 3 {
					k++
				}
				if !d.isNameTok(k) || d.toks[k].Para || d.toks[k].Glue {
					break
				}
				e := k
				for e < n && d.isNameTok(e) && !d.toks[e].Para && !d.toks[e].Glue {
					e++
				}
				ok := false
				left := d.toks[j-1].Low
				last := strings.ToLower(strings.TrimRight(d.toks[e-1].Text, "’'."))
				switch {
				case particles[t.Low] && t.Low != "la" && t.Low != "le":
					ok = d.isNameTok(j - 1)
				case t.Low == "on" || t.Low == "upon":
					// "Commission on Human Rights", not "CBS News on Super Tuesday"
					ok = onHeads[strings.TrimRight(left, "’'.")]
				case t.Low == "of" || t.Low == "for":
					ok = d.ofHead(strings.TrimRight(left, "’'."))
				case t.Low == "&":
					// "Franklin & Marshall College", "Johnson & Johnson"
					ok = !d.knownName(k, e) || d.tg.Lex.orgWord[last]
				default: // and, in: only inside the name of an organisation
					// ("House and Senate" are two)
					ok = !d.knownName(k, e) && (d.ofOrg(i, j) || !d.tg.Lex.orgWord[strings.TrimRight(left, "’'.")] && (d.tg.Lex.orgWord[last] || d.tg.Lex.miscSuf[last]) && j-i <= 4 && !d.knownPlace(i, j) && !d.tg.Lex.first[d.toks[i].Low])
				}
				if !ok {
					break
				}
				j = e
				continue
			}
			break
		}
		d.analyse(i, j)
		i = j
	}
}

// ofOrg reports whether [i,j) is an organisation's name that goes on
// with "of" or "for" ("Department of Housing", "Centers for Disease
// Control"), which may then go on with "and".
func (d *doc) ofOrg(i, j int) bool {
	for k := i + 1; k < j-1; k++ {
		if low := d.toks[k].Low; (low == "of" || low == "for") && d.ofHead(strings.TrimRight(d.toks[k-1].Low, "’'.")) && d.tg.Lex.orgWord[strings.TrimSuffix(d.toks[k-1].Low, "s")] {
			return true
		}
	}
	return false
}

// knownName reports whether tokens [i,j) are a gazetteer entry.
func (d *doc) knownName(i, j int) bool {
	_, _, ok := d.tg.Lex.Gaz(d.surface(i, j))
	return ok
}

// knownPlace reports whether tokens [i,j) are a gazetteer place.
func (d *doc) knownPlace(i, j int) bool {
	t, _, ok := d.tg.Lex.Gaz(d.surface(i, j))
	return ok && t == Place
}

func (d *doc) surface(i, j int) string {
	if i >= j {
		return ""
	}
	return d.text[d.toks[i].B:d.toks[j-1].BE]
}

// words joins the tokens' texts with single spaces, possessive apostrophes
// trimmed.
func (d *doc) words(i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(d.toks[k].Text)
	}
	return b.String()
}

// gazAt finds the longest gazetteer entry starting at token i within [i,j).
func (d *doc) gazAt(i, j int) (int, gazEntry, bool) {
	l := d.tg.Lex
	max := min(j, i+l.gazMax)
	for e := max; e > i; e-- {
		s := d.surface(i, e)
		if en, ok := l.lookup(s); ok {
			return e, en, true
		}
		if strings.HasSuffix(s, "’") || strings.HasSuffix(s, "'") {
			if en, ok := l.lookup(strings.TrimRight(s, "’'")); ok {
				return e, en, true
			}
		}
	}
	return i, gazEntry{}, false
}

// demonymOf reports whether token i is a nationality word, and its country.
func (d *doc) demonymOf(i int) (string, bool) {
	t := &d.toks[i]
	if t.Kind != KWord || !t.Cap {
		return "", false
	}
	if c, ok := d.tg.Lex.Demonym(t.Text); ok {
		return c, true
	}
	if d.tg.Lex.IsGroup(t.Text) {
		return "", true
	}
	if ty, _, ok := d.tg.Lex.Gaz(t.Text); ok && ty != Place {
		return "", false // "Republicans" is a party
	}
	low := t.Low
	for _, suf := range []string{"ns", "n", "s", "ese", "i", "is"} {
		if !strings.HasSuffix(low, suf) || len(low)-len(suf) < 4 {
			continue
		}
		stem := low[:len(low)-len(suf)]
		if suf == "ese" || suf == "i" || suf == "is" {
			// Sudanese, Iraqi: the stem is the place
		}
		if d.capWords[stem] && stem != low {
			if ty, canon, ok := d.tg.Lex.Gaz(stem); ok && ty == Place {
				return canon, true
			}
			return titleCase(stem), true
		}
	}
	// an unknown nationality word: "Karsenian" -> Karsenia
	if len(low) >= 7 && !d.tg.Lex.first[low] && (strings.HasSuffix(low, "ian") || strings.HasSuffix(low, "ean")) {
		return titleCase(low[:len(low)-1]), true
	}
	return "", false
}

// isTitleHead reports whether token i may end a title before a name.
func (d *doc) titleAt(i int) (string, string, bool) {
	t := &d.toks[i]
	if t.Kind != KWord {
		return "", "", false
	}
	w := t.Text
	for _, p := range []string{"then-", "ex-", "Then-", "Ex-"} {
		// "then-Secretary of State Clinton", "ex-Gov. Smith"
		if strings.HasPrefix(w, p) && len(w) > len(p) {
			w = w[len(p):]
		}
	}
	canon, cls, ok := d.tg.Lex.Title(w)
	if !ok {
		return "", "", false
	}
	if cls == "noun" && t.Cap && t.Text != "MP" {
		return "", "", false
	}
	return canon, cls, true
}

// lowerTitle reports whether token k is a title word in lower case
// ("secretary", "then-secretary"), which titleAt leaves to role nouns.
func lowerTitle(d *doc, k int) bool {
	w := strings.TrimPrefix(strings.TrimPrefix(d.toks[k].Low, "then-"), "ex-")
	_, cls, ok := d.tg.Lex.Title(w)
	return ok && cls == "head"
}

// companyTitles are the titles of a company's officers: the name before
// one is an organisation ("Hewlett-Packard CEO").
var companyTitles = map[string]bool{"Chief Executive": true, "Chairman": true, "Chairwoman": true, "Founder": true}

// nameBeforeTitle types the name before a title ("Hewlett-Packard CEO",
// "Tallahassee Mayor"): a company before a company officer's title, else
// as any candidate.
func (d *doc) nameBeforeTitle(i, j int, title string) {
	if companyTitles[title] {
		if _, _, ok := d.gazAt(i, j); !ok {
			d.add(Span{T0: i, T1: j, Type: Org, Src: SrcRule})
			return
		}
	}
	d.candidate(i, j)
}

// trailingTitles are the titles that, after an organisation's or a
// country's name, make a role, not a longer name: "Hewlett-Packard CEO".
var trailingTitles = map[string]bool{"Chief Executive": true, "Chairman": true, "Chairwoman": true, "Chair": true,
	"President": true, "Vice President": true, "Director": true, "Founder": true, "Spokesman": true, "Spokeswoman": true,
	"Spokesperson": true, "Leader": true, "Secretary": true, "Minister": true, "Senator": true, "Governor": true,
	"Mayor": true, "Ambassador": true, "Envoy": true, "Speaker": true, "Prime Minister": true, "Foreign Minister": true,
	"Treasurer": true}

// surnameSuffixes are place-name endings that are also common surnames:
// after a given name they make a person ("Mary Lane", "Tom Rivers").
var surnameSuffixes = map[string]bool{"lane": true, "hill": true, "park": true, "banks": true, "brooks": true,
	"wells": true, "fields": true, "woods": true, "ford": true, "rivers": true, "marsh": true, "dale": true,
	"heath": true, "glen": true, "bay": true, "bridge": true, "cliff": true, "field": true, "lake": true,
	"forest": true, "valley": true, "sound": true, "pass": true, "island": true, "beach": true}

var dayMonth = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "april": true, "june": true, "july": true,
	"september": true, "october": true, "november": true, "december": true}

var determiners = map[string]bool{"all": true, "every": true, "each": true, "some": true, "many": true, "most": true,
	"no": true, "both": true, "this": true, "that": true, "these": true, "those": true, "our": true, "their": true,
	"his": true, "her": true, "my": true, "your": true, "its": true, "any": true, "another": true, "other": true,
	"such": true, "several": true, "few": true}

var deptWords = map[string]bool{"state": true, "defense": true, "defence": true, "commerce": true, "energy": true, "labor": true,
	"labour": true, "health": true, "education": true, "agriculture": true, "transportation": true, "transport": true,
	"treasury": true, "interior": true, "justice": true, "finance": true, "foreign": true, "affairs": true, "home": true,
	"homeland": true, "security": true, "veterans": true, "housing": true, "trade": true, "industry": true, "culture": true,
	"economy": true, "the": true, "environment": true, "war": true, "digital": true}

// analyse types one run of capitalised words [i,j).
func (d *doc) analyse(i, j int) {
	toks := d.toks
	// leading articles
	for i < j-1 && (toks[i].Low == "the" || toks[i].Low == "a" || toks[i].Low == "an") {
		i++
	}
	// "All CNN", "Every Democrat": a determiner before a name is not part of it
	for i < j-1 && determiners[toks[i].Low] && !d.common(i+1) {
		i++
	}
	if i >= j || (j-i == 1 && (toks[i].Low == "the" || toks[i].Low == "a")) {
		return
	}
	// trailing connectors, and a day or a month after a name: "St. Anselm
	// College Saturday"
	for j > i && toks[j-1].Kind == KWord && (connectors[toks[j-1].Low] || j-i >= 2 && dayMonth[toks[j-1].Low]) {
		j--
	}
	// a dateline: "PORT HALVARD, Valdoria (Meridian Wire) —"
	if d.dateline(i, j) {
		return
	}
	// residents and groups: "New Yorkers", "African Americans"
	if j-i <= 3 {
		if _, ok := d.tg.Lex.Demonym(d.surface(i, j)); ok || d.tg.Lex.IsGroup(d.surface(i, j)) {
			return
		}
	}
	// sentence-initial common words: "Speaking", "Asked", "Patients"
	for i < j && toks[i].Start && !toks[i].Upper {
		if e, _, ok := d.gazAt(i, j); ok && e > i {
			break
		}
		if _, cls, ok := d.titleAt(i); ok && cls != "noun" {
			break
		}
		if !d.common(i) || (j-i >= 2 && d.anyAffix(i, j) && !funcWords[toks[i].Low] && !determiners[toks[i].Low]) {
			break
		}
		i++
		for i < j && toks[i].Kind == KWord && connectors[toks[i].Low] {
			i++
		}
		if i < j {
			toks[i].Start = true // the next word is as ambiguous
		}
	}
	if i >= j {
		return
	}
	// "secretary of State Hillary Clinton": the department belongs to the
	// lower-case title before it
	if i >= 2 && toks[i-1].Low == "of" && deptWords[toks[i].Low] && toks[i].Low != "the" && !toks[i-2].Cap {
		if c, cls, ok := d.titleAt(i - 2); ok && cls != "honorific" || lowerTitle(d, i-2) {
			if c == "" {
				c, _, _ = d.tg.Lex.Title(toks[i-2].Low)
			}
			k := i
			for k < j && deptWords[toks[k].Low] {
				k++
			}
			if k < j && d.personLike(k, j) {
				title := c + " of " + d.words(i, k)
				if t2, _, ok := d.tg.Lex.Title(d.words(i-2, k)); ok {
					title = t2
				}
				d.add(Span{T0: k, T1: j, Type: Person, Src: SrcRule, Title: title,
					RoleText: strings.ReplaceAll(strings.ToLower(d.text[toks[i-2].B:toks[k-1].BE]), "’", "'")})
				return
			}
		}
	}
	// "CEO of Your New Life in Christ Ministries": a title, then a name
	if j-i >= 3 && (toks[i+1].Low == "of" || toks[i+1].Low == "for" || toks[i+1].Low == "at") && !deptWords[toks[i+2].Low] {
		if _, cls, ok := d.titleAt(i); ok && cls == "head" {
			i += 2
			for i < j && (toks[i].Low == "the" || connectors[toks[i].Low]) {
				i++
			}
			if i >= j {
				return
			}
		}
	}
	d.split(i, j)
}

// common reports whether token i is a capitalised common word.
func (d *doc) common(i int) bool {
	t := &d.toks[i]
	low := strings.TrimRight(t.Low, "’'.")
	if d.tg.Lex.commonCap[low] {
		return true
	}
	if d.midCap[low] || d.tg.Lex.first[low] {
		return false
	}
	if _, ok := d.tg.Lex.Demonym(low); ok {
		return false
	}
	return d.tg.Lex.InDict(low)
}

// dateline handles an all-caps place at the start of a paragraph.
func (d *doc) dateline(i, j int) bool {
	toks := d.toks
	if !toks[i].Para || !toks[i].Upper {
		return false
	}
	for k := i; k < j; k++ {
		if !toks[k].Upper {
			return false
		}
	}
	if j >= len(toks) || toks[j].Kind != KPunct || (toks[j].Text != "," && toks[j].Text != "—" && toks[j].Text != "–" && toks[j].Text != "(" && toks[j].Text != "_") {
		return false
	}
	canon := titleCase(d.words(i, j))
	if _, c, ok := d.tg.Lex.Gaz(d.surface(i, j)); ok {
		canon = c
	}
	d.add(Span{T0: i, T1: j, Type: Place, Src: SrcRule, Canon: canon})
	// ", Country" and "(Agency)" after it, up to the dash
	k := j
	for k < len(toks) && k < j+12 {
		t := toks[k]
		if t.Text == "—" || t.Text == "–" || t.Text == "-" || t.Text == "_" {
			if k+1 < len(toks) {
				toks[k+1].Start = true
			}
			break
		}
		if d.isNameTok(k) && !d.tg.Lex.commonCap[strings.TrimRight(t.Low, ".")] {
			e := k
			for e < len(toks) && d.isNameTok(e) {
				e++
			}
			typ := Place
			if k > 0 && toks[k-1].Text == "(" {
				typ = Org
			}
			s := Span{T0: k, T1: e, Type: typ, Src: SrcRule}
			if ty, c, ok := d.tg.Lex.Gaz(d.surface(k, e)); ok {
				s.Type, s.Canon, s.Src = ty, c, SrcGaz
			}
			d.add(s)
			k = e
			continue
		}
		k++
	}
	return true
}

// split separates nationality, title and name in a run and types each part.
func (d *doc) split(i, j int) {
	toks := d.toks
	lex := d.tg.Lex
	// "Mr. King", "Ms. Judge": after an honorific a title word is a name
	if _, cls, ok := d.titleAt(i); ok && cls == "honorific" && j-i == 2 && !d.anyAffix(i+1, j) {
		if _, _, ok := d.titleAt(i + 1); ok {
			d.add(Span{T0: i + 1, T1: j, Type: Person, Src: SrcRule, Gender: HonorificGender(toks[i].Text), RoleText: d.roleText(i, i+1)})
			return
		}
	}
	// Find the last title head followed by a plausible name.
	for h := j - 2; h >= i; h-- {
		canon, cls, ok := d.titleAt(h)
		if !ok {
			continue
		}
		ns := h + 1
		if ns < j && (toks[ns].Low == "of" || toks[ns].Low == "for") {
			ns++
			for ns < j && deptWords[toks[ns].Low] {
				ns++
			}
			if ns == h+2 {
				continue
			}
		}
		if ns >= j || !d.personLike(ns, j) {
			continue
		}
		// the title phrase [i, ns): nationality first
		nat := ""
		ts := i
		for ts < h {
			if e, en, ok := d.gazAt(ts, h); ok && en.typ == Place {
				d.add(Span{T0: ts, T1: e, Type: Place, Src: SrcGaz, Canon: en.canon})
				nat = en.canon
				ts = e
				continue
			}
			if c, ok := d.demonymOf(ts); ok {
				nat = c
				ts++
				continue
			}
			break
		}
		if ts < h && cls != "honorific" {
			// a name before the title that no table knows: "Tallahassee
			// Mayor", "Hewlett-Packard CEO" (not "Labour Minister")
			allName := true
			for k := ts; k < h; k++ {
				low := strings.TrimRight(toks[k].Low, "’'.")
				if toks[k].Kind != KWord || lex.InDict(low) || deptWords[low] || lex.commonCap[low] {
					allName = false
				}
				if _, _, ok := d.titleAt(k); ok {
					allName = false
				}
			}
			if allName {
				d.nameBeforeTitle(ts, h, canon)
			}
		}
		if cls == "honorific" && ts == h {
			canon = ""
		} else if ts < h || h+1 < ns {
			// a compound title: "Labour Minister", "Secretary of State"
			phrase := d.words(ts, ns)
			if c, _, ok := lex.Title(phrase); ok {
				canon = c
			} else if ts < h {
				phrase = d.words(ts, h) + " " + canon
				canon = phrase
			} else {
				canon = phrase
			}
		}
		if nat == "" {
			nat = d.possessivePlace(i)
		}
		s := Span{T0: ns, T1: j, Type: Person, Src: SrcRule, Title: canon, Nat: nat, Gender: HonorificGender(toks[h].Text)}
		if s.Gender == 0 {
			s.Gender = HonorificGender(canon)
		}
		s.RoleText = d.roleText(i, ns)
		d.add(s)
		return
	}
	// no title inside: one candidate, maybe with a lower-case role before it
	d.candidate(i, j)
}

// possessivePlace returns the place in "Russia’s Foreign Minister" when the
// run at i follows a possessive place.
func (d *doc) possessivePlace(i int) string {
	if i >= 1 {
		end := i
		if i >= 2 && d.toks[i-1].Kind == KPoss {
			end = i - 1
		}
		for _, s := range d.spans {
			if s.T1 == end && s.Type == Place {
				if s.Canon != "" {
					return s.Canon
				}
				return d.surface(s.T0, s.T1)
			}
		}
	}
	return ""
}

// roleText is the role as written before a name, lower case, including a
// possessive place before it.
func (d *doc) roleText(i, ns int) string {
	if i >= ns {
		return ""
	}
	s := d.toks[i].B
	if i >= 2 && d.toks[i-1].Kind == KPoss && d.isNameTok(i-2) {
		s = d.toks[i-2].B
		for k := i - 3; k >= 0 && d.isNameTok(k) && i-k < 5; k-- {
			s = d.toks[k].B
		}
	}
	r := strings.ToLower(d.text[s:d.toks[ns-1].BE])
	return strings.ReplaceAll(r, "’", "'")
}

// personLike reports whether [i,j) can be a person's name: one to four
// words, none an affix that makes it an organisation, a place or a thing.
func (d *doc) personLike(i, j int) bool {
	if j-i > 4 {
		return false
	}
	lex := d.tg.Lex
	for k := i; k < j; k++ {
		t := &d.toks[k]
		if t.Kind != KWord {
			return false
		}
		low := strings.TrimRight(t.Low, "’'.")
		if connectors[low] && !particles[low] {
			return false
		}
		if lex.orgWord[low] || (k == j-1 && (lex.miscSuf[low] || lex.placeSuf[low])) {
			return false
		}
		if _, _, ok := d.titleAt(k); ok {
			return false
		}
	}
	if ty, _, ok := lex.Gaz(d.surface(i, j)); ok && ty != Person {
		return false
	}
	if j-i == 1 {
		if _, ok := d.demonymOf(i); ok {
			return false
		}
	}
	return true
}

// lowerRole finds a lower-case role right before token i ("crane operator
// Mira Sandvik", "Venezuela’s interim president Juan Guaido").
func (d *doc) lowerRole(i int) (start int, canon, nat string, ok bool) {
	if i == 0 {
		return 0, "", "", false
	}
	k := i - 1
	t := &d.toks[k]
	if t.Kind != KWord || t.Cap {
		return 0, "", "", false
	}
	c, cls, found := d.tg.Lex.Title(t.Low)
	if !found || cls == "honorific" {
		return 0, "", "", false
	}
	start = k
	// up to two modifiers before: "retired appeals judge", "foreign minister"
	for m := k - 1; m >= 0 && k-m <= 2; m-- {
		w := &d.toks[m]
		if w.Kind != KWord || roleStop[w.Low] {
			break
		}
		if w.Cap {
			if c2, ok := d.demonymOf(m); ok {
				nat = c2
				start = m
			} else if w.Low == "city" {
				start = m
			}
			break
		}
		start = m
	}
	if p, _, ok := d.tg.Lex.Title(d.words(start, i)); ok {
		c = p
	} else if start < k {
		if p, _, ok := d.tg.Lex.Title(d.words(k-1, i)); ok {
			c = p
		}
	}
	if nat == "" && start >= 2 && d.toks[start-1].Kind == KPoss {
		for _, s := range d.spans {
			if s.T1 == start-1 && s.Type == Place {
				nat = s.Canon
				if nat == "" {
					nat = d.surface(s.T0, s.T1)
				}
				start = s.T0
			}
		}
	}
	return start, c, nat, true
}

var roleStop = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true,
	"said": true, "says": true, "told": true, "and": true, "or": true, "of": true, "to": true, "with": true, "by": true,
	"as": true, "at": true, "in": true, "on": true, "for": true, "from": true, "that": true, "who": true, "was": true,
	"is": true, "whom": true, "which": true, "but": true, "when": true, "after": true, "before": true, "asked": true,
	"met": true, "has": true, "had": true, "have": true, "will": true, "would": true, "urged": true}

// candidate types a run with no title inside.
func (d *doc) candidate(i, j int) {
	toks := d.toks
	lex := d.tg.Lex
	// a possessive or plural place inside a run ends it: handled by the tokenizer
	// nationality words alone are not mentions
	if j-i == 1 {
		if _, ok := d.demonymOf(i); ok {
			return
		}
	}
	// capitalised common words mid-sentence ("Tuesday", "May"), compounds
	// ("Valdoria-bound", "Government-brokered") and plurals that open a
	// sentence and never recur mid-sentence ("Dockworkers") are not names
	if j-i == 1 {
		t := &toks[i]
		low := strings.TrimRight(t.Low, "’'")
		if _, _, ok := lex.Gaz(low); !ok {
			if lex.commonCap[low] || utf8.RuneCountInString(low) == 1 {
				return
			}
			if _, cls, ok := lex.Title(t.Text); ok && cls != "noun" {
				return
			}
			if k := strings.IndexAny(t.Text, "-‐"); k > 0 {
				r, _ := utf8.DecodeRuneInString(t.Text[k+1:])
				if unicode.IsLower(r) {
					return
				}
			}
			if t.Start && !d.midCap[low] && !lex.first[low] && strings.HasSuffix(low, "s") && !t.Upper {
				return
			}
			if !t.Upper && len(low) >= 7 && (strings.HasSuffix(low, "ian") || strings.HasSuffix(low, "ians") || strings.HasSuffix(low, "ean")) {
				return
			}
		}
	}
	if j-i == 2 {
		if _, ok := d.demonymOf(i); ok {
			// "Russian President", "Valdorian MPs"
			if _, _, ok := lex.Title(toks[i+1].Text); ok {
				return
			}
			if w := toks[i+1].Text; strings.HasSuffix(w, "s") {
				if _, _, ok := lex.Title(w[:len(w)-1]); ok {
					return
				}
			}
		}
	}
	if d.notAName(i, j) {
		return
	}
	// a title without a name: "Secretary of State"; a name and a title
	// without one: "the former Hewlett-Packard CEO"
	if j-i <= lex.titleMax {
		if _, cls, ok := lex.Title(d.words(i, j)); ok && cls != "noun" {
			return
		}
	}
	if j-i >= 2 && j-i <= 6 {
		if c, cls, ok := d.titleAt(j - 1); ok && cls == "head" && trailingTitles[c] && !lex.orgWord[strings.TrimRight(toks[j-1].Low, ".")] {
			if e, _, ok := d.gazAt(i, j); !ok || e < j {
				d.nameBeforeTitle(i, j-1, c)
				return
			}
		}
	}
	// party labels and nationality words before a person's name:
	// "Republican Donald Trump", "Democrat Hillary Clinton"
	for i < j-1 && !d.anyAffix(i, j) {
		if _, ok := d.demonymOf(i); !ok {
			break
		}
		if e, _, ok := d.gazAt(i, j); ok && e > i+1 {
			break
		}
		n := &toks[i+1]
		ty, _, known := lex.Gaz(d.surface(i+1, j))
		if known && ty == Place {
			i++ // "Democratic Vermont", "Republican Wyoming"
			continue
		}
		if !d.personLike(i+1, j) || !(lex.first[n.Low] || known && ty == Person || d.surnames[strings.TrimRight(n.Low, "’'")]) {
			break
		}
		i++
	}
	// demonym-led runs that are not names: "Russian President" handled by split;
	// "Karsenian Foreign Ministry" stays whole.
	s := Span{T0: i, T1: j}
	// a gazetteer entry that runs on into lower-case words: "Minsk agreements"
	for x := min(j+3, len(toks)); x > j; x-- {
		if toks[x-1].Kind != KWord || toks[x-1].Cap {
			continue
		}
		lower := true
		for q := j; q < x; q++ {
			if toks[q].Kind != KWord || toks[q].Cap {
				lower = false
			}
		}
		if !lower {
			continue
		}
		if ty, c, ok := lex.Gaz(d.surface(i, x)); ok && ty == Misc {
			d.add(Span{T0: i, T1: x, Type: ty, Src: SrcGaz, Canon: c})
			return
		}
	}
	// a gazetteer entry covering the run
	if e, en, ok := d.gazAt(i, j); ok && e == j {
		s.Type, s.Canon, s.Src = en.typ, en.canon, SrcGaz
		d.finishCandidate(s)
		return
	} else if ok && e < j && !d.anyAffix(i, j) && d.restCommon(e, j) {
		// "AP Photo", "Bible Prophecy": a known name and common words
		d.add(Span{T0: i, T1: e, Type: en.typ, Src: SrcGaz, Canon: en.canon})
		return
	} else if ok && e < j && d.isNameTok(e) && d.knownName(e, j) {
		// two known names side by side: "ABC News GOP debate"
		d.add(Span{T0: i, T1: e, Type: en.typ, Src: SrcGaz, Canon: en.canon})
		d.candidate(e, j)
		return
	} else if ok && e < j && en.typ == Place && !d.anyAffix(e, j) && d.isNameTok(e) {
		// "Moscow Washington"? two names side by side: split at the known place
		if _, _, ok2 := d.gazAt(e, j); ok2 {
			d.add(Span{T0: i, T1: e, Type: Place, Src: SrcGaz, Canon: en.canon})
			d.candidate(e, j)
			return
		}
	}
	// "Intermediate-Range Nuclear Forces (INF) Treaty"
	if j+3 < len(toks) && toks[j].Text == "(" && toks[j+1].Upper && toks[j+2].Text == ")" && d.isNameTok(j+3) {
		e := j + 3
		for e < len(toks) && d.isNameTok(e) && !toks[e].Para {
			e++
		}
		last := strings.ToLower(toks[e-1].Text)
		if lex.miscSuf[last] || lex.orgWord[last] {
			s.T1 = e
			s.Type, s.Src = Misc, SrcRule
			if lex.orgWord[last] && !lex.miscSuf[last] {
				s.Type = Org
			}
			s.Canon = toks[j+1].Text + " " + d.words(j+3, e)
			if ty, c, ok := lex.Gaz(s.Canon); ok {
				s.Type, s.Canon, s.Src = ty, c, SrcGaz
			}
			d.add(s)
			return
		}
	}
	if ty, ok := d.affixType(i, j); ok {
		s.Type, s.Src = ty, SrcRule
		d.finishCandidate(s)
		return
	}
	// context rules
	if ty, ok := d.contextType(i, j); ok {
		s.Type, s.Src = ty, SrcRule
		d.finishCandidate(s)
		return
	}
	// a role before it: "crane operator Mira Sandvik"
	if st, canon, nat, ok := d.lowerRole(i); ok && d.personLike(i, j) {
		s.Type, s.Src, s.Title, s.Nat = Person, SrcRule, canon, nat
		s.Gender = HonorificGender(toks[i-1].Text)
		s.RoleText = strings.ReplaceAll(strings.ToLower(d.text[toks[st].B:toks[i-1].BE]), "’", "'")
		d.add(s)
		return
	}
	// a known given name: "Mira Sandvik"
	if j-i >= 2 && lex.first[strings.ToLower(toks[i].Text)] && d.personLike(i, j) {
		s.Type, s.Src = Person, SrcRule
		if c, nat, text, ok := d.appositiveRole(i); ok {
			s.Title, s.Nat, s.RoleText = c, nat, text
		}
		d.add(s)
		return
	}
	// a photo credit: "JEWEL SAMAD/AFP via Getty Images"
	if d.photoCredit(i, j) {
		s.Type, s.Src = Person, SrcRule
		d.add(s)
		return
	}
	// "EgyptAir", "LinkedIn", "WikiLeaks": a word with a capital inside
	// that no name prefix explains ("McConnell", "DeVos") is a brand
	if j-i == 1 && brandShape(toks[i].Text) {
		s.Type, s.Src = Org, SrcRule
		d.add(s)
		return
	}
	// the model decides the rest
	s.Type, s.Score, s.scores = d.tg.Model.Classify(d, i, j)
	s.Src = SrcModel
	if s.Type == None {
		// keep it as a candidate for the text-level passes
		s.Score = -1
	}
	d.add(s)
}

func (d *doc) finishCandidate(s Span) { d.add(s) }

// photoCredit reports whether [i,j) is a photographer's name in capitals
// before an agency: "JEWEL SAMAD/AFP", "MARK LINDQVIST via Getty Images".
func (d *doc) photoCredit(i, j int) bool {
	if j-i < 2 || j-i > 3 || j >= len(d.toks) {
		return false
	}
	for k := i; k < j; k++ {
		if !d.toks[k].Upper || strings.Contains(d.toks[k].Text, ".") {
			return false
		}
	}
	n := &d.toks[j]
	return n.Text == "/" || n.Low == "via" || n.Text == "|" || n.Text == "(" && j+1 < len(d.toks) && d.toks[j+1].Upper
}

// namePrefixes are the beginnings of surnames with a capital inside.
var namePrefixes = map[string]bool{"mc": true, "mac": true, "de": true, "di": true, "da": true, "du": true, "la": true,
	"le": true, "van": true, "von": true, "o": true, "d": true, "st": true, "fitz": true, "del": true, "della": true}

// brandShape reports whether w has a capital after a lower-case letter
// that no surname prefix explains: "EgyptAir", "YouTube", not "McCain".
func brandShape(w string) bool {
	prev := ' '
	for k, r := range w {
		if k > 0 && unicode.IsUpper(r) && unicode.IsLower(prev) {
			pre := strings.ToLower(strings.TrimRight(w[:k], "'’"))
			return !namePrefixes[pre] && !strings.ContainsAny(w, "'’-")
		}
		prev = r
	}
	return false
}

// notAName reports whether the run [i,j) names nothing: nationality and
// group words alone ("African Americans", "Muslim Americans", "Middle
// Eastern"), residents ("Granite Staters", "New Yorkers"), or capitals
// that are common words ("FULL TEXT", "ABSTRACT", "BEGIN OPTIONAL TRIM").
func (d *doc) notAName(i, j int) bool {
	lex := d.tg.Lex
	toks := d.toks
	if e, _, ok := d.gazAt(i, j); ok && e == j {
		return false
	}
	if j-i <= 3 {
		if _, ok := lex.Demonym(d.surface(i, j)); ok || lex.IsGroup(d.surface(i, j)) {
			return true
		}
	}
	group, capsDict := true, true
	for k := i; k < j; k++ {
		if _, ok := d.demonymOf(k); !ok {
			group = false
		}
		low := strings.TrimRight(toks[k].Low, "’'.")
		if !toks[k].Upper || !(lex.InDict(low) || lex.commonCap[low]) || lex.first[low] {
			capsDict = false
		}
	}
	if group || capsDict && (j-i >= 2 || utf8.RuneCountInString(toks[i].Text) >= 5) {
		return true
	}
	last := &toks[j-1]
	low := strings.TrimRight(last.Low, "’'")
	if !last.Upper && strings.HasSuffix(low, "ers") && len(low) > 5 && !lex.orgWord[low] {
		for _, stem := range []string{low[:len(low)-2], low[:len(low)-3]} {
			if d.midCap[stem] {
				return true
			}
			if ty, _, ok := lex.Gaz(stem); ok && ty == Place {
				return true
			}
		}
	}
	return false
}

// anyAffix reports whether [i,j) contains a typing affix.
func (d *doc) anyAffix(i, j int) bool {
	_, ok := d.affixType(i, j)
	return ok
}

// affixType types a name by the words inside it.
func (d *doc) affixType(i, j int) (Type, bool) {
	lex := d.tg.Lex
	last := strings.ToLower(strings.TrimRight(d.toks[j-1].Text, "’'"))
	first := strings.ToLower(d.toks[i].Text)
	switch {
	case lex.miscSuf[last] && j-i >= 2:
		return Misc, true
	case lex.orgWord[last]:
		return Org, true
	case lex.placeSuf[last] && j-i >= 2 && !(j-i == 2 && surnameSuffixes[last] && lex.first[first]):
		// "Kettle Street", "Marsh Lane", but "Mary Lane" is a person
		return Place, true
	}
	for k := i; k < j-1; k++ {
		w := strings.ToLower(strings.TrimRight(d.toks[k].Text, "’'"))
		if lex.orgWord[w] && j-i >= 2 && !lex.placeSuf[w] {
			return Org, true
		}
	}
	if lex.placePre[first] && j-i >= 2 && !(first == "new" || first == "north" || first == "south" || first == "east" || first == "west" || first == "upper" || first == "lower" || first == "greater") {
		return Place, true
	}
	if j-i == 1 && strings.HasSuffix(last, "ism") && len(last) > 5 && !d.toks[i].Start {
		return Misc, true
	}
	return None, false
}

// contextType types a name by the words around it.
func (d *doc) contextType(i, j int) (Type, bool) {
	lex := d.tg.Lex
	toks := d.toks
	prev := func(k int) string {
		if i-k < 0 {
			return ""
		}
		return toks[i-k].Low
	}
	if j < len(toks) && toks[j].Kind == KWord && !toks[j].Cap && lex.miscNext[toks[j].Low] && j-i <= 2 {
		if e, _, ok := d.gazAt(i, j); !ok || e != j {
			return Misc, true
		}
	}
	if lex.miscPrev[prev(1)] && (prev(2) == "the" || prev(2) == "a" || lex.miscPrev[prev(2)] || prev(2) == "container" || prev(2) == "cargo" || prev(2) == "research") {
		return Misc, true
	}
	// "a group calling itself X", "a company called X"
	if (prev(1) == "itself" && (prev(2) == "calling" || prev(2) == "calls" || prev(2) == "called")) ||
		((prev(1) == "called" || prev(1) == "named") && lex.orgPrev[prev(2)]) ||
		(prev(1) == "as" && prev(2) == "known" && lex.orgPrev[prev(3)]) {
		return Org, true
	}
	// "the port of X", "the capital of X", "the capital, X"
	if prev(1) == "of" && lex.placeOf[prev(2)] && !toks[i-2].Cap {
		return Place, true
	}
	if prev(1) == "," && (prev(2) == "capital") {
		return Place, true
	}
	return None, false
}

func (d *doc) add(s Span) {
	if s.T0 >= s.T1 {
		return
	}
	for k := s.T0; k < s.T1; k++ {
		if d.used[k] {
			return
		}
	}
	for k := s.T0; k < s.T1; k++ {
		d.used[k] = true
	}
	t0, t1 := &d.toks[s.T0], &d.toks[s.T1-1]
	s.S, s.B = t0.S, t0.B
	s.E, s.BE = t1.E, t1.BE
	// a plural possessive apostrophe is not part of the name: "Workers’" stays
	// only inside a name, never at its end
	if last := t1.Text; strings.HasSuffix(last, "’") || strings.HasSuffix(last, "'") {
		if s.T1-s.T0 == 1 || s.Type != Org {
			_, sz := utf8.DecodeLastRuneInString(last)
			s.E--
			s.BE -= sz
		}
	}
	d.spans = append(d.spans, s)
}

func titleCase(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == ' ' || r == '-' || r == '(' || r == '/'
	}
	return b.String()
}

// restCommon reports whether tokens [i,j) are all capitalised common words.
func (d *doc) restCommon(i, j int) bool {
	for k := i; k < j; k++ {
		low := strings.TrimRight(d.toks[k].Low, "’'.")
		if d.tg.Lex.first[low] || !(d.tg.Lex.commonCap[low] || d.tg.Lex.InDict(low)) {
			return false
		}
	}
	return true
}

// appositiveRole finds the role in "Its chief executive, Ottilie
// Brandvold" and "a spokeswoman for the Foreign Ministry, Irina Sabo": a
// title word a few words before the comma that precedes the name.
func (d *doc) appositiveRole(i int) (canon, nat, text string, ok bool) {
	if i < 2 || d.toks[i-1].Text != "," {
		return "", "", "", false
	}
	for k := i - 2; k >= 0 && k >= i-9; k-- {
		t := &d.toks[k]
		if t.Kind == KPunct {
			return "", "", "", false
		}
		if t.Kind != KWord || t.Cap {
			continue
		}
		c, cls, found := d.tg.Lex.Title(t.Low)
		if k > 0 {
			if c2, cls2, f2 := d.tg.Lex.Title(d.toks[k-1].Low + " " + t.Low); f2 {
				c, cls, found = c2, cls2, f2
				k--
			}
		}
		if !found || cls != "head" {
			continue
		}
		// only if a determiner opens the phrase: "its", "the", "a"
		if k == 0 {
			return "", "", "", false
		}
		p := d.toks[k-1].Low
		if p != "its" && p != "the" && p != "a" && p != "an" && p != "his" && p != "her" && p != "their" && d.toks[k-1].Kind != KPoss {
			return "", "", "", false
		}
		if c2, ok := d.demonymOf(k - 1); ok {
			nat = c2
		}
		text = strings.ReplaceAll(strings.ToLower(d.text[d.toks[k-1].B:d.toks[i-2].BE]), "’", "'")
		return c, nat, text, true
	}
	return "", "", "", false
}
