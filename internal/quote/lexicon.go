package quote

import "strings"

// The lexicons below are ours: written from English grammar and newsroom
// usage, not learned from any corpus. A cue is a verb (or fixed phrase) that
// reports speech, writing, belief, intention or evaluation; PolNeAR-style
// attribution covers all of those, so the list is broad on purpose.

// speechLemmas are verbs whose content is usually a clause or a quote.
var speechLemmas = []string{
	"say", "tell", "add", "write", "ask", "note", "report", "announce",
	"suggest", "argue", "explain", "declare", "acknowledge", "claim",
	"warn", "insist", "deny", "admit", "agree", "conclude", "recall",
	"respond", "reply", "propose", "urge", "promise", "reveal", "state",
	"indicate", "predict", "estimate", "contend", "maintain", "assert",
	"stress", "emphasize", "emphasise", "complain", "confirm", "concede",
	"testify", "allege", "observe", "remark", "mention", "comment", "vow",
	"pledge", "threaten", "boast", "joke", "quip", "lament", "wonder",
	"demand", "tweet", "post", "retweet", "caution", "counter", "retort",
	"shout", "exclaim", "proclaim", "signal", "imply", "hint", "assure",
	"reassure", "inform", "advise", "recommend", "speculate", "tout",
	"brag", "muse", "scoff", "concur", "reiterate", "refer", "seem", "talk", "focus", "point", "weigh", "lash", "push", "speak", "sign", "repeat",
	"predict", "forecast", "elaborate", "clarify", "specify", "disclose",
	"acknowledge", "charge", "answer", "continue", "show",
	"find", "write", "declare", "plead", "swear", "guarantee", "certify",
	"apologize", "apologise", "remind", "order", "chant", "echo",
	"highlight", "portray", "liken", "document", "deem", "applaud", "quote",
	"rebuff", "request", "reference", "knock", "disavow", "champion",
	"embrace", "welcome", "underscore", "yell", "invoke", "convince",
	"persuade", "offer", "discuss", "list", "encourage", "project", "nominate", "blame", "accuse", "criticize", "criticise",
	"praise", "call", "describe", "label", "dub", "mock", "slam", "blast",
	"attack", "condemn", "decry", "denounce", "dismiss", "reject",
	"defend", "endorse", "support", "oppose", "decline", "refuse",
	"question", "challenge", "thank", "congratulate", "cite",
	"express", "assail", "bemoan", "lambaste", "deride", "recount",
}

// cognitionLemmas report beliefs, feelings and intentions.
var cognitionLemmas = []string{
	"think", "believe", "feel", "know", "hope", "fear", "worry", "expect",
	"want", "wish", "doubt", "suspect", "assume", "reckon",
	"consider", "understand", "realize", "realise", "recognize",
	"recognise", "plan", "seek", "prefer", "like", "dislike",
	"hate", "love", "fear", "trust", "regret", "insist", "imagine",
	"anticipate", "envision", "learn", "discover",
	"figure", "guess", "see", "view", "regard", "favor", "favour",
	"appear", "remember", "decide",
}

// clauseLemmas take a clause or a quotation as content, which may run on
// past commas; the other cues take a phrase, which ends at the first comma.
var clauseLemmas = setOf("say", "tell", "add", "write", "note", "report",
	"announce", "suggest", "argue", "explain", "declare", "acknowledge",
	"claim", "warn", "insist", "deny", "admit", "agree", "conclude",
	"recall", "respond", "reply", "predict", "estimate", "contend",
	"maintain", "assert", "stress", "emphasize", "emphasise", "complain",
	"confirm", "concede", "testify", "allege", "observe", "remark",
	"mention", "comment", "vow", "promise", "threaten", "boast", "joke",
	"quip", "lament", "wonder", "tweet", "post", "caution", "counter",
	"retort", "signal", "imply", "hint", "assure", "reassure", "inform",
	"advise", "speculate", "muse", "reiterate", "repeat", "show", "find",
	"think", "believe", "feel", "know", "hope", "fear", "worry", "expect",
	"doubt", "suspect", "assume", "reckon", "understand", "realize",
	"realise", "recognize", "recognise", "learn", "discover", "indicate",
	"reveal", "state", "continue", "answer", "shout", "exclaim", "proclaim",
	"plead", "swear", "guarantee", "elaborate", "clarify", "disclose",
	"specify", "forecast", "brag", "scoff", "concur", "seem", "appear",
	"imagine", "anticipate", "envision", "guess", "suppose", "charge")

// tellLemmas take an addressee before their content ("told reporters that").
var tellLemmas = map[string]bool{
	"tell": true, "inform": true, "assure": true, "reassure": true,
	"remind": true, "warn": true, "advise": true, "promise": true,
	"urge": true, "ask": true, "thank": true, "accuse": true, "blame": true,
}

// irregular verb forms: lemma → third person, past, past participle, gerund.
var irregular = map[string][]string{
	"say":        {"says", "said", "said", "saying"},
	"tell":       {"tells", "told", "told", "telling"},
	"write":      {"writes", "wrote", "written", "writing"},
	"think":      {"thinks", "thought", "thought", "thinking"},
	"find":       {"finds", "found", "found", "finding"},
	"see":        {"sees", "saw", "seen", "seeing"},
	"know":       {"knows", "knew", "known", "knowing"},
	"feel":       {"feels", "felt", "felt", "feeling"},
	"seek":       {"seeks", "sought", "sought", "seeking"},
	"show":       {"shows", "showed", "shown", "showing"},
	"swear":      {"swears", "swore", "sworn", "swearing"},
	"understand": {"understands", "understood", "understood", "understanding"},
	"learn":      {"learns", "learned", "learnt", "learning"},
	"forecast":   {"forecasts", "forecast", "forecast", "forecasting"},
	"plead":      {"pleads", "pleaded", "pled", "pleading"},
	"speak":      {"speaks", "spoke", "spoken", "speaking"},
}

// doubling lemmas double their last consonant before -ed and -ing.
var doubling = map[string]bool{
	"admit": true, "plan": true, "regret": true, "commit": true,
	"refer": true, "prefer": true, "concur": true, "dub": true,
	"omit": true, "permit": true, "submit": true, "rebut": true,
	"slam": true, "quip": true, "scoff": false,
}

// inflect returns a lemma's forms: lemma, third person, past, participle,
// gerund.
func inflect(l string) []string {
	if f, ok := irregular[l]; ok {
		return append([]string{l}, f...)
	}
	var s, ed, ing string
	last := l[len(l)-1]
	consY := last == 'y' && len(l) > 1 && !strings.ContainsRune("aeiou", rune(l[len(l)-2]))
	switch {
	case consY:
		s = l[:len(l)-1] + "ies"
	case strings.HasSuffix(l, "s"), strings.HasSuffix(l, "sh"),
		strings.HasSuffix(l, "ch"), strings.HasSuffix(l, "x"),
		strings.HasSuffix(l, "z"), strings.HasSuffix(l, "o"):
		s = l + "es"
	default:
		s = l + "s"
	}
	switch {
	case doubling[l]:
		d := l + string(last)
		ed, ing = d+"ed", d+"ing"
	case consY:
		ed, ing = l[:len(l)-1]+"ied", l+"ing"
	case strings.HasSuffix(l, "ee"):
		ed, ing = l+"d", l+"ing"
	case last == 'e':
		ed, ing = l+"d", l[:len(l)-1]+"ing"
	default:
		ed, ing = l+"ed", l+"ing"
	}
	return []string{l, s, ed, ed, ing}
}

// cueForm says what a cue word is: its lemma and whether it is a gerund.
type cueForm struct {
	lemma  string
	gerund bool
	speech bool
}

// cueWords maps every inflected cue form to its lemma.
var cueWords = buildCueWords()

func buildCueWords() map[string]cueForm {
	m := make(map[string]cueForm)
	add := func(lemmas []string, speech bool) {
		for _, l := range lemmas {
			fs := inflect(l)
			for i, f := range fs {
				if _, ok := m[f]; ok {
					continue
				}
				m[f] = cueForm{lemma: l, gerund: i == 4, speech: speech}
			}
		}
	}
	add(speechLemmas, true)
	add(cognitionLemmas, false)
	// Forms that are far more often something else.
	for _, w := range []string{"post", "posts", "state", "states", "like",
		"answer", "find", "see", "view", "views", "love", "call", "charge", "charges", "question", "questions", "counter",
		"challenge", "challenges", "report", "reports", "comment",
		"comments", "plan", "plans", "support", "hope", "fear",
		"fears", "trust", "favor", "favour", "feeling", "understanding",
		"learning", "thinking", "planning", "finding", "figure", "figures",
		"wish", "wishes", "forecast", "forecasts", "estimate", "estimates",
		"post", "tweet", "tweets", "attack", "attacks", "repeat", "demand",
		"demands", "promise", "promises", "pledge", "pledges", "regret",
		"concern", "dislike", "love", "hate", "doubt", "doubts", "quip",
		"reply", "warning", "joke", "remarks", "showing", "decline", "declines", "thank", "feels",
		"responding", "regarding", "maintain", "respond", "remark",
		"signal", "learn", "add", "answers", "assume", "liked",
		"imagine", "praise", "written", "trusted", "likes", "advised",
		"discovered", "loved", "realize", "viewed", "favors", "welcomes", "welcome", "order", "orders",
		"echo", "document", "documents", "quote", "quotes", "reference", "references", "champion", "champions", "embrace", "knock", "knocks", "requests", "chant", "chants", "thanks", "knew", "pledged", "pledging", "planned", "seemingly", "appearing", "jokes", "blast", "slam", "label", "labels",
		"request", "nominating", "reporting", "encouraging", "opposing",
		"advising", "convincing", "welcoming", "attacking", "challenging",
		"seeking", "focused", "considering", "endorsing", "knowing",
		"continuing", "denying", "seeming", "guaranteed", "advise",
		"suspect", "regard", "claim", "note", "focus",
		"cite", "supporting", "known", "seeing", "seen", "saw", "feel", "guess", "offer", "offers", "discuss", "discusses", "list", "lists", "encourage", "encourages", "project", "projects", "nominate", "nominates"} {
		if f, ok := m[w]; ok {
			thatCues[w] = f
		}
		delete(m, w)
	}
	return m
}

// thatCues are the cue forms left out of cueWords because they are more
// often something else ("a note", "the states"): followed by "that" they
// report ("they maintain that …", "critics note that …"), and some of
// them followed by "to" state an intention ("they plan to …").
var thatCues = map[string]cueForm{}

// invertedOnly cues count only after what was said ("“…,” he
// continued.") or before the quotation they introduce ("He continued:
// “…”").
var invertedOnly = setOf("continue", "answer")

// introCues are verbs that report speech only next to a quotation, in
// which they say how it was said: "Hillary shot back: “…”", "“…,” he
// went on", "Oliver barked, “…”". Elsewhere they are something else ("the
// dog barked", "went on to win", "shot back into the lead"), so they are
// not in cueWords; the particle a lemma needs ("back", "on", "in") must
// follow it.
var introCues, introParticles = buildIntroCues()

func buildIntroCues() (map[string]cueForm, map[string]string) {
	forms := map[string][]string{
		"bark":  inflect("bark"),
		"snap":  {"snap", "snaps", "snapped", "snapped", "snapping"},
		"snarl": inflect("snarl"),
		"growl": inflect("growl"),
		"sneer": inflect("sneer"),
		"gush":  inflect("gush"),
		"shoot": {"shoot", "shoots", "shot", "shot", "shooting"},
		"fire":  inflect("fire"),
		"hit":   {"hit", "hits", "hit", "hit", "hitting"},
		"go":    {"go", "goes", "went", "gone", "going"},
		"chime": inflect("chime"),
		// "The sign read: “…”", "the editorial reads, “…”".
		"read": {"read", "reads", "read", "read", "reading"},
	}
	parts := map[string]string{"shoot": "back", "fire": "back", "hit": "back", "go": "on", "chime": "in"}
	m := make(map[string]cueForm)
	for l, fs := range forms {
		for i, f := range fs {
			m[f] = cueForm{lemma: l, gerund: i == 4, speech: true}
		}
	}
	return m, parts
}

// particles follow some cue verbs and belong to the cue ("pointed out").
var particles = map[string]map[string]bool{
	"shoot":   {"back": true},
	"fire":    {"back": true},
	"hit":     {"back": true},
	"go":      {"on": true},
	"chime":   {"in": true},
	"respond": {"to": true},
	"ask":     {"about": true},
	"worry":   {"about": true},
	"comment": {"on": true},
	"talk":    {"about": true},
	"focus":   {"on": true},
	"point":   {"out": true, "to": true},
	"call":    {"for": true, "on": true},
	"refer":   {"to": true},
	"weigh":   {"in": true},
	"lash":    {"out": true},
	"push":    {"back": true},
	"speak":   {"out": true, "about": true},
	"sign":    {"off": true},
	"hint":    {"at": true},
	"dismiss": {},
	"rail":    {"against": true, "at": true},
	"balk":    {"at": true},
}

// particleOnly cues count only with their particle: "talked about",
// "pointed out", "referring to".
var particleOnly = setOf("talk", "focus", "point", "refer", "weigh", "lash", "push", "speak", "sign", "rail", "balk")

// aux reports whether token j is a preCue word acting as one: a capital
// after a capitalised word is the end of a name ("Theresa May said",
// "Huey Long told"), not an auxiliary or an adverb.
func (d *doc) aux(j int) bool {
	t := d.toks[j]
	if !preCue[t.low] {
		return false
	}
	if t.cap && surnameAux[t.low] && j > 0 {
		p := d.toks[j-1]
		return !(p.kind == kWord && p.cap && p.quote == t.quote)
	}
	return true
}

// surnameAux are the preCue words that are also surnames.
var surnameAux = setOf("may", "long")

// preCue words sit between a source and its verb and belong to the cue:
// auxiliaries and adverbs ("has also said", "reportedly told").
var preCue = setOf("has", "have", "had", "will", "would", "could", "can",
	"may", "might", "should", "must", "is", "was", "are", "were", "be",
	"been", "did", "does", "do", "also", "later", "previously", "once",
	"then", "repeatedly", "often", "frequently", "recently", "reportedly",
	"publicly", "privately", "earlier", "again", "even", "never", "not",
	"still", "already", "just", "first", "further", "separately", "long",
	"always", "has", "didn't", "doesn't", "reportedly", "allegedly", "apparently", "don't", "hasn't", "haven't",
	"won't", "wouldn't", "had", "now", "initially", "indeed", "too",
	"flatly", "openly", "explicitly", "simply", "only", "frequently", "twice",
	"herself", "himself", "themselves", "personally", "quickly", "isn't",
	"wasn't", "aren't", "weren't", "can't", "couldn't", "shouldn't",
	"hadn't", "'s", "'ll", "'d", "'ve", "'re", "'m")

// boundary words end a source noun phrase when walking leftwards.
var boundaryWords = setOf("that", "and", "but", "because", "while", "as",
	"when", "if", "since", "although", "though", "so", "where", "whom",
	"after", "before", "until", "or", "than", "whether", "whereas", "once",
	"unless", "what", "why", "how", "which", "said", "says", "told", "is",
	"was", "are", "were", "to", "on", "by", "with", "during",
	"for", "about", "into", "over", "under", "against", "without",
	"through", "like", "also", "not", "yet", "then", "however", "meanwhile")

// determiners open a noun phrase; an appositive starts with one.
var determiners = setOf("a", "an", "the", "his", "her", "its", "their",
	"our", "my", "your", "this", "that", "these", "those", "another",
	"one", "two", "three", "some", "many", "several", "both", "former")

// pronouns that can be resolved to one person.
var personPronouns = setOf("he", "she", "him", "her", "his", "hers")

// groupHeads name a group of people ("the two diplomats", "the pair").
var groupHeads = setOf("pair", "two", "both", "duo", "diplomats",
	"leaders", "ministers", "men", "women", "sides", "officials",
	"counterparts", "envoys")

// roleAlias lets a role noun match the titles a person was introduced with.
var roleAlias = map[string][]string{
	"diplomat":  {"minister", "secretary", "ambassador", "envoy", "diplomat", "fm"},
	"envoy":     {"ambassador", "envoy", "diplomat"},
	"official":  {"minister", "secretary", "official", "spokesman", "spokeswoman", "director", "adviser", "advisor"},
	"leader":    {"president", "leader", "prime", "chancellor", "premier", "king"},
	"senator":   {"sen.", "senator"},
	"lawmaker":  {"sen.", "senator", "rep.", "representative", "congressman", "congresswoman"},
	"candidate": {"candidate", "nominee", "president", "senator"},
	"nominee":   {"candidate", "nominee"},
	"governor":  {"gov.", "governor"},
	"minister":  {"minister", "fm"},
	"secretary": {"secretary"},
}

// titleWords introduce a person's name ("Foreign Minister Sergey Lavrov").
var titleWords = setOf("president", "secretary", "minister", "sen.",
	"senator", "rep.", "representative", "gov.", "governor", "mayor",
	"mr.", "mrs.", "ms.", "dr.", "gen.", "general", "judge", "justice",
	"chairman", "chairwoman", "chair", "spokesman", "spokeswoman",
	"ambassador", "fm", "prime", "foreign", "state", "of", "defense",
	"defence", "chief", "director", "leader", "speaker", "candidate",
	"nominee", "former", "vice", "sheriff", "attorney", "rev.", "adviser",
	"advisor", "professor", "prof.", "ceo", "founder", "pope", "king",
	"queen", "prince", "premier", "chancellor", "commissioner", "lt.",
	"col.", "capt.", "sgt.", "adm.", "cmdr.", "gen", "majority", "minority",
	"house", "senate", "republican", "democratic", "democrat", "gop",
	"presidential", "u.s.", "us", "american", "russian", "deputy", "top",
	"strategist", "pollster", "manager", "campaign", "press", "white",
	"counsel", "envoy", "lawmaker", "congressman", "congresswoman",
	"businessman", "businesswoman", "billionaire", "activist", "host",
	"anchor", "correspondent", "reporter", "columnist", "economist",
	"analyst", "officer", "official", "counterpart", "interim", "regime",
	"opposition", "national", "security", "homeland", "treasury",
	"health", "commerce", "energy", "labor", "justice", "first", "lady",
	"sir", "dame", "lord", "gov", "sen", "rep", "mr", "mrs", "ms", "dr")

// titleModifiers are title words that only qualify a title ("foreign",
// "of", "state"): on their own, before a name, they title no one.
var titleModifiers = setOf("of", "state", "foreign", "defense", "defence",
	"former", "vice", "majority", "minority", "house", "senate",
	"republican", "democratic", "democrat", "gop", "presidential", "u.s.",
	"us", "american", "russian", "deputy", "top", "campaign", "press",
	"white", "interim", "regime", "opposition", "national", "security",
	"homeland", "treasury", "health", "commerce", "energy", "labor",
	"justice", "first", "prime", "chief", "majority")

// notNames are capitalised words that do not start or make up a name.
var notNames = setOf("the", "a", "an", "in", "on", "at", "but", "and",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
	"house", "party", "committee", "news", "times", "post", "street",
	"university", "states", "department", "council", "union", "america",
	"congress", "court", "city", "county", "state", "republicans",
	"democrats", "administration", "agency", "association", "institute",
	"center", "centre", "foundation", "group", "journal", "network",
	"company", "corp.", "inc.", "fund", "bank", "force", "army", "navy",
	"office", "sea", "river", "new", "north", "south", "east", "west",
	"it", "he", "she", "they", "we", "i", "this", "that", "there", "his",
	"her", "our", "their", "its", "if", "when", "after", "before", "as",
	"for", "with", "from", "by", "to", "of", "or", "so", "not", "no",
	"treaty", "accord", "agreement", "deal", "ministry", "kremlin",
	"pentagon", "senate", "twitter", "facebook", "fox", "cnn", "nbc",
	"abc", "cbs", "msnbc", "npr", "ap", "reuters", "afp", "photo",
	"associated", "press", "isis", "nato", "un", "eu", "gop", "ukraine",
	"russia", "iran", "syria", "china", "moscow", "washington", "europe",
	"venezuela", "brussels", "sochi", "iowa", "ohio", "florida", "texas",
	"americans", "god", "christ", "bible", "internet", "intermediate-range",
	"nuclear", "forces", "black", "white", "d.c.", "dc", "mccarthyism",
	"port", "harbour", "harbor", "authority", "board", "wire", "blog",
	"federation", "terminals", "commission", "ministries", "agency",
	"voice", "gazette", "courier", "herald", "tribune", "daily", "weekly",
	"health", "airlines", "airways", "holdings", "group", "partners",
	"alliance", "coalition", "movement", "institute", "school",
	"college", "academy", "hospital", "clinic", "cathedral", "avenue",
	"square", "strait", "islands", "gulf", "ocean")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// feelingLemmas report how someone feels; in the passive ("were worried
// that …") their subject feels, and the content is what follows.
var feelingLemmas = setOf("worry", "concern", "shock", "outrage", "convince", "surprise", "disappoint", "frustrate", "alarm", "anger", "please", "encourage", "trouble")
