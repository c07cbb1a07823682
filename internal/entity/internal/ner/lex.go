package ner

import (
	"bufio"
	"embed"
	"encoding/binary"
	"hash/fnv"
	"slices"
	"strings"
	"unicode"
)

//go:embed lex/*.txt lex/*.bin
var lexFS embed.FS

// Type is an entity type.
type Type uint8

// Entity types, and None for a candidate that is not an entity.
const (
	None Type = iota
	Person
	Org
	Place
	Misc
	numTypes
)

var typeNames = [...]string{"none", "person", "org", "place", "misc"}

func (t Type) String() string { return typeNames[t] }

// ParseType reads the name String gives.
func ParseType(s string) Type {
	for i, n := range typeNames {
		if n == s {
			return Type(i)
		}
	}
	return None
}

type gazEntry struct {
	typ   Type
	canon string
	kind  string // country, city, region, ... for places
}

type title struct {
	canon string
	class string // head, honorific, noun
}

// Lexicon holds the gazetteers and word lists. It is read-only once built.
type Lexicon struct {
	gaz        map[string]gazEntry // normalised surface form -> entry
	gazMax     int                 // longest entry in tokens
	demonym    map[string]string   // lower demonym -> country canonical
	first      map[string]bool
	titles     map[string]title // lower variant -> title
	titleMax   int
	hyper      map[string][]string
	orgWord    map[string]bool
	placeSuf   map[string]bool
	placePre   map[string]bool
	miscSuf    map[string]bool
	miscNext   map[string]bool
	miscPrev   map[string]bool
	orgPrev    map[string]bool
	placeOf    map[string]bool
	commonCap  map[string]bool
	dict       []uint32        // sorted hashes of lower-case dictionary words
	proper     []uint32        // sorted hashes of capitalised-only dictionary words
	countries  map[string]bool // canonical names of countries
	placeKinds map[string]string
	acrOnly    map[string]bool // gazetteer keys written only in capitals ("WHO", "US")
	group      map[string]bool // party labels, religions, ethnic groups ("Republican", "Muslims")
	gender     map[string]byte // given name -> 'm' or 'f'
	// bare maps a one-word alias of widely reported people ("clinton") to
	// all the people it may stand for.
	bare  map[string][]string
	given map[string][]string   // lower given name -> gazetteer people with it
	hints map[string]personHint // canonical person -> gender and titles
}

// personHint is what the gazetteer knows about a widely reported person.
type personHint struct {
	gender byte     // 'm', 'f' or 0
	titles []string // canonical titles ("President", "Secretary of State")
}

// norm normalises a surface form for gazetteer lookup: lower case, curly
// apostrophes straightened, single spaces.
func norm(s string) string {
	// fast path: already lower case ASCII with single inner spaces
	clean := len(s) > 0 && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		if c >= 0x80 || c >= 'A' && c <= 'Z' || c < ' ' || c == ' ' && s[i+1] == ' ' {
			clean = false
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if r == '’' {
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func lines(name string, fn func(string)) {
	f, err := lexFS.Open("lex/" + name)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fn(l)
	}
}

func hashes(name string) []uint32 {
	b, err := lexFS.ReadFile("lex/" + name)
	if err != nil {
		return nil
	}
	out := make([]uint32, len(b)/4)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[i*4:])
	}
	return out
}

// Hash32 is the hash the dictionary tables are keyed by.
func Hash32(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

func (l *Lexicon) addGaz(surface string, e gazEntry) {
	k := norm(surface)
	if k == "" {
		return
	}
	old, ok := l.gaz[k]
	if ok && old.typ != e.typ {
		// first writer wins: places before orgs before misc before persons
		return
	}
	up := isUpperWord(surface) && !strings.ContainsAny(surface, " ")
	if !ok {
		l.acrOnly[k] = up
	} else if !up {
		l.acrOnly[k] = false
	}
	if ok && e.typ == Person && old.canon != e.canon {
		// a name several people share ("Clinton"): no single canonical
		e.canon = ""
	}
	l.gaz[k] = e
	if n := len(strings.Fields(k)); n > l.gazMax {
		l.gazMax = n
	}
	// also without periods: "U.S." -> "us" is handled by the caller
}

// NewLexicon reads the embedded word lists.
func NewLexicon() *Lexicon {
	l := &Lexicon{
		gaz: map[string]gazEntry{}, demonym: map[string]string{}, first: map[string]bool{},
		titles: map[string]title{}, hyper: map[string][]string{}, orgWord: map[string]bool{},
		placeSuf: map[string]bool{}, placePre: map[string]bool{}, miscSuf: map[string]bool{},
		miscNext: map[string]bool{}, miscPrev: map[string]bool{}, orgPrev: map[string]bool{},
		placeOf: map[string]bool{}, commonCap: map[string]bool{}, countries: map[string]bool{},
		placeKinds: map[string]string{}, acrOnly: map[string]bool{}, group: map[string]bool{}, gender: map[string]byte{},
		bare: map[string][]string{}, given: map[string][]string{}, hints: map[string]personHint{},
	}
	lines("places.txt", func(s string) {
		f := strings.Split(s, "|")
		for len(f) < 4 {
			f = append(f, "")
		}
		e := gazEntry{typ: Place, canon: f[1], kind: f[0]}
		if f[0] == "country" {
			l.countries[f[1]] = true
		}
		l.placeKinds[f[1]] = f[0]
		l.addGaz(f[1], e)
		for _, a := range strings.Split(f[2], ",") {
			if a = strings.TrimSpace(a); a != "" {
				l.addGaz(strings.TrimPrefix(strings.TrimPrefix(a, "the "), "The "), e)
			}
		}
		for _, d := range strings.Split(f[3], ",") {
			if d = strings.TrimSpace(d); d != "" {
				l.demonym[norm(d)] = f[1]
			}
		}
	})
	for _, file := range []struct {
		name string
		typ  Type
	}{{"orgs.txt", Org}, {"misc.txt", Misc}, {"persons.txt", Person}} {
		lines(file.name, func(s string) {
			f := strings.Split(s, "|")
			e := gazEntry{typ: file.typ, canon: strings.TrimPrefix(f[0], "The ")}
			l.addGaz(e.canon, e)
			l.addGaz(f[0], e)
			if len(f) > 1 {
				for _, a := range strings.Split(f[1], ",") {
					if a = strings.TrimSpace(a); a != "" {
						a = strings.TrimPrefix(strings.TrimPrefix(a, "the "), "The ")
						l.addGaz(a, e)
						if file.typ == Person && !strings.Contains(a, " ") {
							k := norm(a)
							l.bare[k] = append(l.bare[k], e.canon)
						}
					}
				}
			}
			if w := strings.Fields(e.canon); file.typ == Person && len(w) >= 2 && !nameSuffixes[strings.ToLower(w[len(w)-1])] {
				k := strings.ToLower(w[0])
				l.given[k] = append(l.given[k], e.canon)
			}
			if file.typ == Person && len(f) > 2 {
				h := personHint{}
				if g := strings.TrimSpace(f[2]); g == "m" || g == "f" {
					h.gender = g[0]
				}
				if len(f) > 3 {
					for _, t := range strings.Split(f[3], ",") {
						if t = strings.TrimSpace(t); t != "" {
							h.titles = append(h.titles, t)
						}
					}
				}
				l.hints[e.canon] = h
			}
		})
	}
	lines("groups.txt", func(s string) {
		for _, w := range strings.Fields(s) {
			l.group[norm(w)] = true
		}
	})
	lines("gender.txt", func(s string) {
		g, names, ok := strings.Cut(s, ":")
		if !ok || (g != "m" && g != "f") {
			return
		}
		for _, w := range strings.Fields(names) {
			l.gender[strings.ToLower(w)] = g[0]
		}
	})
	lines("firstnames.txt", func(s string) {
		for _, w := range strings.Fields(s) {
			l.first[strings.ToLower(w)] = true
		}
	})
	lines("titles.txt", func(s string) {
		f := strings.Split(s, "|")
		t := title{canon: f[0], class: f[2]}
		add := func(v string) {
			k := norm(v)
			if _, ok := l.titles[k]; !ok || t.class == "head" {
				l.titles[k] = t
			}
			if n := len(strings.Fields(k)); n > l.titleMax {
				l.titleMax = n
			}
		}
		add(f[0])
		for _, v := range strings.Split(f[1], ",") {
			if v = strings.TrimSpace(v); v != "" {
				add(v)
			}
		}
	})
	lines("hypernyms.txt", func(s string) {
		f := strings.Split(s, "|")
		l.hyper[norm(f[0])] = strings.Split(f[1], ",")
	})
	lines("affixes.txt", func(s string) {
		k, v, ok := strings.Cut(s, ":")
		if !ok {
			return
		}
		var m map[string]bool
		switch k {
		case "org":
			m = l.orgWord
		case "placesuffix":
			m = l.placeSuf
		case "placeprefix":
			m = l.placePre
		case "misc":
			m = l.miscSuf
		case "miscnext":
			m = l.miscNext
		case "miscprev":
			m = l.miscPrev
		case "orgprev":
			m = l.orgPrev
		case "placeof":
			m = l.placeOf
		default:
			return
		}
		for _, w := range strings.Fields(v) {
			m[strings.ToLower(w)] = true
		}
	})
	lines("common.txt", func(s string) {
		for _, w := range strings.Fields(s) {
			l.commonCap[strings.ToLower(w)] = true
		}
	})
	l.dict = hashes("dict.bin")
	l.proper = hashes("proper.bin")
	return l
}

func inSorted(xs []uint32, h uint32) bool {
	_, ok := slices.BinarySearch(xs, h)
	return ok
}

// InDict reports whether the lower-case word is a common English word.
func (l *Lexicon) InDict(low string) bool {
	if inSorted(l.dict, Hash32(low)) {
		return true
	}
	if a, b, ok := strings.Cut(low, "-"); ok && a != "" && b != "" {
		// "post-debate", "front-runner": a compound of common words
		return l.InDict(a) && l.InDict(b)
	}
	if strings.HasSuffix(low, "s") && len(low) > 3 {
		if inSorted(l.dict, Hash32(low[:len(low)-1])) {
			return true
		}
		if strings.HasSuffix(low, "es") && inSorted(l.dict, Hash32(low[:len(low)-2])) {
			return true
		}
	}
	return false
}

// InProper reports whether the word is a capitalised-only dictionary word
// (a proper noun: a given name, a place).
func (l *Lexicon) InProper(low string) bool { return inSorted(l.proper, Hash32(low)) }

// lookup finds a surface form in the gazetteers; an entry written only
// in capitals ("WHO", "US") matches only capitals.
func (l *Lexicon) lookup(s string) (gazEntry, bool) {
	k := norm(s)
	e, ok := l.gaz[k]
	if ok && l.acrOnly[k] && !isUpperWord(s) {
		return gazEntry{}, false
	}
	return e, ok
}

// Gaz looks a normalised surface form up.
func (l *Lexicon) Gaz(s string) (Type, string, bool) {
	e, ok := l.lookup(s)
	return e.typ, e.canon, ok
}

// plainName returns the gazetteer person a name is without its middle
// initials and suffix ("John F. Kerry", "Joseph R. Biden Jr."), or "".
func (l *Lexicon) plainName(name string) string {
	w := strings.Fields(name)
	if len(w) < 3 {
		return ""
	}
	if nameSuffixes[strings.ToLower(w[len(w)-1])] {
		w = w[:len(w)-1]
	}
	out := []string{w[0]}
	for _, x := range w[1 : len(w)-1] {
		if !(strings.HasSuffix(x, ".") && len([]rune(x)) <= 3) {
			return ""
		}
	}
	out = append(out, w[len(w)-1])
	if e, ok := l.lookup(strings.Join(out, " ")); ok && e.typ == Person && e.canon != "" {
		return e.canon
	}
	return ""
}

// isPerson reports whether canonical is a gazetteer person.
func (l *Lexicon) isPerson(canonical string) bool {
	_, ok := l.hints[canonical]
	return ok
}

// IsGroup reports whether w is a word for a group of people that names no
// entity: a party label, a religion, an ethnic group ("Republican",
// "Muslims", "African-Americans").
func (l *Lexicon) IsGroup(w string) bool {
	k := norm(strings.TrimRight(w, "’'"))
	if l.group[k] {
		return true
	}
	// "African-American(s)", "Cuban-American(s)", "Muslim Americans"
	if i := strings.LastIndexAny(k, "- "); i > 0 {
		tail := k[i+1:]
		if tail == "american" || tail == "americans" {
			return true
		}
	}
	return false
}

// GenderOf returns 'm' or 'f' for a person's name when its given name, or
// the gazetteer, says which, and 0 when neither does.
func (l *Lexicon) GenderOf(name string) byte {
	if h, ok := l.hints[name]; ok && h.gender != 0 {
		return h.gender
	}
	f := strings.Fields(name)
	if len(f) < 2 {
		return 0
	}
	return l.gender[strings.ToLower(f[0])]
}

// HonorificGender returns 'm' or 'f' for a gendered honorific or title
// ("mr.", "Mrs", "spokeswoman") and 0 for any other word.
func HonorificGender(w string) byte {
	switch strings.TrimRight(strings.ToLower(w), ".") {
	case "mr", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman", "councilman", "monsieur", "herr", "señor", "senor", "signor":
		return 'm'
	case "mrs", "ms", "miss", "madam", "madame", "mme", "dame", "lady", "queen", "princess", "spokeswoman", "chairwoman", "congresswoman", "councilwoman", "frau", "señora", "senora", "signora", "first lady":
		return 'f'
	}
	return 0
}

// Demonym maps a nationality word to its country ("Floridians" as
// "Floridian").
func (l *Lexicon) Demonym(w string) (string, bool) {
	k := norm(strings.TrimRight(w, "’'"))
	c, ok := l.demonym[k]
	if !ok && strings.HasSuffix(k, "s") {
		c, ok = l.demonym[k[:len(k)-1]]
	}
	return c, ok
}

// Title returns the canonical form and class of a title variant.
func (l *Lexicon) Title(s string) (string, string, bool) {
	t, ok := l.titles[norm(s)]
	return t.canon, t.class, ok
}

// Hypernyms lists the canonical titles a role word may refer to.
func (l *Lexicon) Hypernyms(w string) []string { return l.hyper[norm(w)] }

// IsCountry reports whether canonical names a country.
func (l *Lexicon) IsCountry(canonical string) bool { return l.countries[canonical] }
