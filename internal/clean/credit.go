package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
)

// creditRule matches one contribution sentence; names is the index of the
// submatch holding the names credited (0: the names are the match's own
// leading words, cut before the verb).
type creditRule struct {
	need   []string
	re     *regexp.Regexp
	names  int
	starts byteSet // see firstBytes; set in init
}

func init() {
	for i := range creditRules {
		creditRules[i].starts = firstBytes(creditRules[i].re.String())
	}
}

var creditRules = []creditRule{
	{need("reporting|material|information|content"), rx(`(?i)^(?:this (?:story|article|report|post) )?(?:includes|contains|has|features|uses) (?:additional |some )?(?:reporting|material|information|content) (?:from|by) (.{2,150}?)[.]?$`), 1, byteSet{}},
	{need(" by "), rx(`(?i)^(?:additional |further |staff )?(?:reporting|writing|editing|research|compiled|compilation|translation|translated|reported|written|produced|edited|graphics|fact-checking)(?: and [a-z-]+)?(?: from [\p{L}]+)? by (.{2,200}?)[.]?$`), 1, byteSet{}},
	{need("with|—|–|-"), rx(`^(?:[Ww]ith\s|[—–-]{1,2}\s?(?:[Ww]ith\s)?)((?:The )?(?:Associated Press|AP|AFP|Agence France-Presse|Reuters|Bloomberg|Xinhua|dpa|DPA|EFE|ANSA|Kyodo|Yonhap|TASS|Interfax|UPI|AAP|PA|Anadolu|Press Association|CNN|BBC|NYT|New York Times|Washington Post|wire services|agencies|news agencies)(?:(?: and|,|/) (?:The )?(?:Associated Press|AP|AFP|Agence France-Presse|Reuters|Bloomberg|Xinhua|dpa|DPA|EFE|ANSA|Kyodo|Yonhap|TASS|Interfax|UPI|AAP|PA|Anadolu|Press Association|CNN|BBC|NYT|New York Times|Washington Post|wire services|agencies|news agencies))*)[.]?$`), 1, byteSet{}},
	{need("used"), rx(`(?i)^((?:wire|news) (?:service|agency) (?:material|reports)|material from .{2,80}?|information from .{2,80}?|wire services|the associated press|news agencies) (?:was|were|has been|have been) used\b.{0,60}$`), 1, byteSet{}},
	{need("compiled|based on"), rx(`(?i)^(?:compiled from|based on) ((?:wire|news|agency) (?:reports|services|dispatches))[.]?$`), 1, byteSet{}},
	{need("contribut"), rx(`(?i)^(wire services|news agencies|agencies) contributed\b.{0,60}$`), 1, byteSet{}},
	{need("h/t|hat tip|via"), rx(`(?i)^(?:h/t|hat tip|via)[:]?\s+(.{2,80}?)[.]?$`), 1, byteSet{}},
	{need("translated"), rx(`(?i)^translated (?:from [\p{L}]+ )?by (.{2,80}?)[.]?$`), 1, byteSet{}},
	{need("appeared|published|ran |posted"), rx(`(?i)^(?:this (?:piece|article|story|post|column|report|interview) )?(?:was )?(?:first |originally )?(?:appeared|published|ran|posted) (?:on|in|at|by) (.{2,100}?)[.]?$`), 1, byteSet{}},
}

// sentenceSplit splits a credit paragraph into sentences. Credits are short
// and plain, so a full stop followed by a space is enough.
var sentenceSplit = rx(`[.;)]\s+`)

// credit reports whether core is a contribution line.
func credit(core string) (article.RemovedKind, bool) {
	if _, ok := creditNames(core); ok {
		return article.KindCredit, true
	}
	return "", false
}

// creditNames returns the names a contribution line credits, and whether
// core is one. A paragraph of several sentences is a credit only if each
// sentence is ("Lerer reported from Los Angeles. Jill Colvin contributed.").
func creditNames(core string) ([]string, bool) {
	if len(core) > maxLine || len(strings.Fields(core)) > 50 || reporting(strings.ToLower(core)) || hasQuote(core) {
		return nil, false
	}
	var all []string
	sentences := splitSentences(core)
	for _, s := range sentences {
		names, ok := creditSentence(s)
		if !ok {
			return nil, false
		}
		all = append(all, names...)
	}
	if all == nil {
		all = []string{}
	}
	return dedupe(all), true
}

func splitSentences(core string) []string {
	// "Reporting by X; Editing by Y" is one credit with two clauses.
	if strings.Contains(core, "; ") {
		return []string{core}
	}
	var out []string
	last := 0
	for _, m := range sentenceSplit.FindAllStringIndex(core, -1) {
		// Do not split after an initial ("John F. Kennedy") or "Jr.".
		prev := core[last:m[0]]
		if w := lastWord(prev); len(w) <= 2 || w == "Jr" || w == "Sr" || w == "St" {
			continue
		}
		out = append(out, strings.TrimSpace(core[last:m[0]+1]))
		last = m[1]
	}
	if rest := strings.TrimSpace(core[last:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// splitRules match a credit by its verb: the names are what precedes it.
// They are tried by position, not by pattern, because a pattern with a
// leading "(.{2,120}?)" costs a backtracking scan of every sentence.
var splitRules = []struct {
	verb string
	rest *regexp.Regexp
}{
	{" contributed", rx(`^ contributed(?: reporting| research)?(?: to (?:this|the) (?:report|story|article))?(?: reporting to (?:this|the) (?:report|story|article))?(?: from [^.;]{1,60})?[.)]?$`)},
	{" also contributed", rx(`^ also contributed(?: reporting| research)?(?: to (?:this|the) (?:report|story|article))?(?: from [^.;]{1,60})?[.)]?$`)},
	{" reported from ", rx(`^ reported from [\p{L} ,.'’-]{2,60}[.]?$`)},
	{" reported in ", rx(`^ reported in [\p{L} ,.'’-]{2,60}[.]?$`)},
}

func creditSentence(s string) ([]string, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "("), ")"))
	for _, r := range splitRules {
		i := strings.Index(s, r.verb)
		if i < 2 || i > 120 || !r.rest.MatchString(s[i:]) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) {
			continue
		}
		if plausibleNames(s[:i]) {
			if names := nameList(s[:i]); names != nil {
				return names, true
			}
		}
	}
	lower := strings.ToLower(s)
	for i := range creditRules {
		r := &creditRules[i]
		if !r.starts.has(firstByteOf(lower)) || !wantsAny(lower, r.need) {
			continue
		}
		m := r.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		if !plausibleNames(m[r.names]) {
			continue
		}
		names := nameList(m[r.names])
		if names == nil {
			continue
		}
		return names, true
	}
	return nil, false
}

// nameWords are the lower-case words a list of credited names may hold.
var nameWords = map[string]bool{
	"and": true, "of": true, "the": true, "in": true, "from": true, "at": true, "for": true,
	"with": true, "staff": true, "writer": true, "writers": true, "correspondent": true,
	"correspondents": true, "reporter": true, "reporters": true, "editor": true, "editors": true,
	"bureau": true, "researcher": true, "photographer": true, "special": true, "chief": true,
	"senior": true, "news": true, "service": true, "services": true, "wire": true, "material": true,
	"reports": true, "agencies": true, "agency": true, "dispatches": true, "information": true,
	"editing": true, "writing": true, "reporting": true, "by": true, "video": true, "via": true,
}

// plausibleNames reports whether s reads as a list of names rather than a
// clause ("the survey by Gallup shows that ..."): every lower-case word is
// one a list of credited names holds.
func plausibleNames(s string) bool {
	for w := range strings.FieldsSeq(s) {
		w = strings.Trim(w, ".,;:()")
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !nameWords[w] && !particle[w] && !strings.Contains(w, "/") {
			return false
		}
	}
	return true
}

// clauseRole strips "Editing by" from the later clauses of "Reporting by X;
// Editing by Y".
var clauseRole = rx(`(?i)^(?:additional |further )?(?:reporting|writing|editing|research|compiled|translation|translated|reported|written|produced|edited|graphics|fact-checking)(?: and [a-z-]+)? by\s+`)

// locationTail cuts "in Moscow" from "Jane Doe in Moscow".
var locationTail = rx(`\s(?:in|from|at|for|with|of) [^,;]*$`)

// nameList splits a list of names ("X, Y and Z"; "X; Editing by Y") and
// keeps from each item its trailing run of capitalised words, dropping
// roles before a name ("Associated Press writer Jill Colvin") and places
// after it. An item with no capitalised word is not a name; a list with no
// name at all returns nil, except the generic wire sources, kept as
// written.
func nameList(s string) []string {
	s = strings.TrimSpace(strings.Trim(s, ".()"))
	low := strings.ToLower(s)
	switch low {
	case "wire services", "news agencies", "agencies", "wire service material", "wire reports",
		"news reports", "news services", "agency reports", "news agency reports", "wire dispatches":
		return []string{s}
	}
	var names []string
	for _, clause := range strings.Split(s, ";") {
		clause = clauseRole.ReplaceAllString(strings.TrimSpace(clause), "")
		clause = strings.ReplaceAll(clause, " & ", ", ")
		clause = strings.ReplaceAll(clause, " and ", ", ")
		for item := range strings.SplitSeq(clause, ",") {
			item = strings.TrimSpace(item)
			if isPlace(item) {
				continue
			}
			item = locationTail.ReplaceAllString(item, "")
			if n := capitalRun(item); n != "" {
				names = append(names, n)
			}
		}
	}
	return names
}

// isPlace spots the state or country after a comma in "Jane Doe in
// Austin, Texas": the item's only words are capitalised and it followed a
// location we already cut. We cannot know that here, so only the common
// case of a US state abbreviation or a two-letter code is dropped.
func isPlace(item string) bool {
	return len(item) <= 5 && strings.HasSuffix(item, ".") && strings.Count(item, ".") >= 1 && !strings.Contains(item, " ")
}

// capitalRun returns the trailing run of capitalised words of s (with
// name particles such as "de" and "van" inside it), or "" if there is none.
func capitalRun(s string) string {
	words := strings.Fields(s)
	start := len(words)
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i]
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			start = i
			continue
		}
		if particle[w] && i > 0 && start == i+1 {
			continue
		}
		break
	}
	for start < len(words) && particle[words[start]] {
		start++
	}
	if start >= len(words) {
		return ""
	}
	return strings.Join(words[start:], " ")
}

var particle = map[string]bool{
	"de": true, "van": true, "von": true, "der": true, "den": true, "al": true, "bin": true,
	"da": true, "di": true, "du": true, "la": true, "le": true, "del": true, "dos": true, "ibn": true,
}

func dedupe(names []string) []string {
	out := names[:0]
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
