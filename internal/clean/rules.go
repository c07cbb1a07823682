package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
)

// Length limits. A rule that matches a whole paragraph only fires on a
// paragraph no longer than its limit: boilerplate is short, and a long
// paragraph that happens to open like boilerplate is more likely reporting.
const (
	maxLine    = 300  // prompts, markers, credits
	maxCaption = 600  // a photo caption with its credit
	maxBio     = 1500 // an author's bio, one paragraph
	maxWire    = 600  // a newswire syndication or contact block
	// tailWindow is how far from the end Explain lets the tail rules reach
	// when it judges a paragraph alone; Clean uses the real trailing run.
	tailWindow = 6
	// maxBioParas is the most paragraphs one bio may run over.
	maxBioParas = 4
)

// rule is one anchored pattern for a whole paragraph.
type rule struct {
	kind article.RemovedKind
	max  int
	// need lists words ("a|b") of which the lower-cased paragraph must
	// hold one before the pattern is tried: a cheap test that spares most
	// paragraphs most patterns. Empty means none is needed.
	need []string
	re   *regexp.Regexp
	// starts are the lower-cased bytes a match can begin with.
	starts byteSet
}

// wants reports whether the paragraph (and lower, its lower-cased form)
// may match: it begins with a byte the pattern can begin with and holds one
// of the rule's words.
func (r *rule) wants(lower string) bool {
	return r.starts.has(firstByteOf(lower)) && wantsAny(lower, r.need)
}

func mk(kind article.RemovedKind, max int, need []string, re *regexp.Regexp) rule {
	return rule{kind: kind, max: max, need: need, re: re, starts: firstBytes(re.String())}
}

// wantsAny reports whether lower holds one of words, or words is empty.
func wantsAny(lower string, words []string) bool {
	if len(words) == 0 {
		return true
	}
	for _, w := range words {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

func rx(s string) *regexp.Regexp { return regexp.MustCompile(s) }

func need(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// anywhereRules may fire at any position: each matches a whole short
// paragraph that no reporter writes as a paragraph of their story.
var anywhereRules = []rule{
	// Newswire codes first: "MORE" there is a take marker, not a link.
	mk(article.KindOther, 40, need(""), rx(`^(END|ENDIT|ENDALL|MORE|\(MORE\)|-?0-|X+|X X X|X+ END OF STORY|END OF STORY|nn|NN|\$\$\$|#+|\*+|(\* )+\*|STORY ENDS|AP-NY-\S+)$`)),

	// Ads.
	mk(article.KindAd, 70, need("advert|ad|sponsor|paid|continue|scroll"), rx(`(?i)^(advertisement|advertising|ad|sponsored( content)?|paid (content|post|partner content)|story continues (below|after)( (this )?(advertisement|ad))?|continue reading (the main story|below)|scroll to continue( with content)?|the article continues (below|after the ad(vertisement)?))[.:]?$`)),

	// Newsletter and sign-up prompts.
	mk(article.KindNewsletter, maxLine, need("sign|subscribe|register|join"), rx(`(?i)^(sign[ -]?up|subscribe|register|join)( now| today| here| free)?( (to|for|and|with|at|on))?\b`)),
	mk(article.KindNewsletter, maxLine, need("newsletter|inbox|sign|subscribe"), rx(`(?i)^(get|receive|want|don't miss|never miss|stay (up to date|informed|in the know)|like this|enjoy(ed)? this)\b.*\b(newsletters?|inbox|sign[ -]?up|subscribe)\b`)),
	mk(article.KindNewsletter, maxLine, need("mail"), rx(`(?i)^(enter your e-?mail( address)?|your e-?mail( address)?|e-?mail address)\b`)),
	mk(article.KindNewsletter, maxLine, need("sign up"), rx(`(?i)^[^.!?]{0,80}\? sign up\b`)),
	mk(article.KindNewsletter, maxLine, need("thank"), rx(`(?i)^(thanks|thank you) for (signing up|subscribing)\b`)),

	// Consent lines under a form.
	mk(article.KindConsent, maxLine, need("agree|consent|accept|acknowledge"), rx(`(?i)^by (submitting|signing up|subscribing|clicking|entering|registering|continuing|providing|creating|using)\b.*\b(agree|consent|accept|acknowledge)`)),
	mk(article.KindConsent, maxLine, need("agree|consent|accept"), rx(`(?i)^(i|you) (agree|consent|accept) to (the|our|receive)\b`)),
	mk(article.KindConsent, maxLine, need("unsubscribe|opt out|privacy|recaptcha"), rx(`(?i)^(you (can|may) (unsubscribe|opt out)|we (respect|value|care about) your privacy|this site is protected by recaptcha|(see )?(our )?privacy (policy|notice)( and terms( of (service|use))?)?( apply)?[.]?$)`)),

	// View-more and read-more links.
	mk(article.KindViewMore, maxLine, need("more|all"), rx(`(?i)^(view|read|see|show|load|click for) (more|all)\b[^.!?]{0,120}[:.!]?$`)),
	mk(article.KindViewMore, maxLine, need("full|rest of|whole|complete|original"), rx(`(?i)^(read|see|view) (the )?(full|rest of the|whole|complete|original)( story| article| report| piece| post| interview| transcript| poll)?\b[^.!?]{0,100}[.:!]?$`)),
	mk(article.KindViewMore, maxLine, need("read|continu|click|more at"), rx(`(?i)^(read it all here|continue reading|keep reading|click here to (read|see|watch|view|listen)|read more at|more at)\b[^.!?]{0,100}[.:!]?$`)),
	mk(article.KindViewMore, maxLine, need("below|above"), rx(`(?i)^(watch|listen to|see)( the)?( full| entire)?( video| clip| interview| segment| remarks| exchange| report)?[^.!?"“”]{0,100}\b(below|above)[.:!]?$`)),
	mk(article.KindViewMore, 20, need(""), rx(`(?i)^(more|watch|video|listen|photos|gallery)[:.]?$`)),

	// Related links (a header; the titles after it are caught in the tail).
	mk(article.KindRelated, 80, need(""), rx(`(?i)^(related|related (stories|articles|coverage|content|links|reading|news|posts)|see also|also on [\p{L} .]{1,40}|you (may|might) also (like|be interested in)|recommended( for you| reading)?|most (read|popular|viewed)|further reading|more (stories|news|coverage|headlines)( from [\p{L}. ]{1,40})?|more from [\p{L}. ]{1,40}|editor'?s'? picks|before you go)[:.]?$`)),
	mk(article.KindRelated, maxLine, need("related|see also|also|more|read"), rx(`(?i)^(related|see also|also read|also see|more|read more|read also)\s?[:|–—-]\s?\S`)),

	// Share and follow prompts.
	mk(article.KindShare, 60, need("share|tweet|mail|print|save|copy link"), rx(`(?i)^(share|tweet|email|e-mail|print|save|copy link)( this| on| via| the| to)?( article| story| post| page| link)?( on [\p{L} ]{1,30})?[.:!]?$`)),
	mk(article.KindShare, maxLine, need("share|follow|like|join|find|connect"), rx(`(?i)^(share this (article|story|post|page)|share on (facebook|twitter|linkedin|whatsapp|x)|click to share|(follow|like|join|find) us\b|connect with us\b)`)),
	mk(article.KindShare, maxLine, need("page"), rx(`(?i)^[^.!?]{0,100}\?? ?like (the|our|this) (facebook )?page[:.!]?$`)),
	mk(article.KindShare, maxLine, need("facebook|twitter|linkedin|whatsapp|pinterest|reddit|flipboard|telegram|email|print"), rx(`(?i)^((facebook|twitter|linkedin|whatsapp|pinterest|reddit|email|print|flipboard|telegram)[\s,|·/]*){2,}$`)),

	// Archive labels and notes (NYT and wire archives).
	mk(article.KindOther, 30, need(""), rx(`^(ABSTRACT|FULL TEXT|LETTERS|LETTER|CORRECTION|CORRECTIONS|LEAD|SECTION|HIGHLIGHT|GRAPHIC|CHART|PHOTO|PHOTOS|MAP|TABLE)[.:]?$`)),
	mk(article.KindOther, maxLine, need(": "), rx(`^(BYLINE|DATELINE|SECTION|LENGTH|LOAD-DATE|PUBLICATION-TYPE|HEADLINE|SOURCE|URL|JOURNAL-CODE): `)),
	mk(article.KindOther, maxLine, need("as published"), rx(`(?i)^as published in the [\p{L} .]{2,60}[.]?$`)),
	mk(article.KindOther, maxLine, need("updated|corrected|changed|amended"), rx(`(?i)^(this (article|story|post|piece|report|page) (has been|was) (updated|corrected|changed|amended)|updated (at|on) \d)`)),
	mk(article.KindOther, maxLine, need("copyright|©|rights reserved|reprinted"), rx(`(?i)^((copyright|©)\s?(\(c\)\s?)?(\d{4}|by)\b|all rights reserved\b|reprinted (with permission|courtesy|by permission)\b|[^.]{0,120}\bcopyright © \d{4})`)),
	mk(article.KindOther, maxLine, need("video|browser|javascript|loading|image "), rx(`(?i)^(we are sorry,? ?this video|this video is (restricted|unavailable|not available)|your browser does not support|please enable javascript|loading\.\.\.$|image \d+ of \d+$)`)),

	// Newswire transmission marks: take markers, trims, syndication notes.
	mk(article.KindOther, maxWire, need("optional"), rx(`(?i)^\(?\s*(begin|end) optional (trim|material|add)\b`)),
	mk(article.KindOther, maxWire, need("end here"), rx(`(?i)^\(?\s*(story|article) (can|could|may) end here\b`)),
	mk(article.KindOther, maxWire, need("optional"), rx(`(?i)^\(?\s*optional (\w+ )?(take|material|add|trim)s? follows?\b`)),
	mk(article.KindOther, maxWire, need("for use by|filed by|distributed by|new york times|to publish|to purchase|subscribers|editor|eds:|tearsheet"), rx(`(?i)^\(?\s*(for use by (clients|subscribers) of|for use by [\p{L} ]{3,40} clients|story filed by|distributed by [\p{L} ]{3,60}|(the )?new york times (news service|syndicate)|to publish this|to purchase (this|the)|nonsubscribers|non-subscribers|editors?:|eds:|editor's note: (this|the following) (story|article|column) (is|was|may)|(please )?send (a )?tearsheet)`)),
	mk(article.KindOther, maxWire, need("visit|see "), rx(`(?i)^\(?\s*(visit|see) [\p{L}'’. -]{2,60} (on the (world wide )?web|online( services)?|web ?site)\b`)),
	mk(article.KindOther, maxWire, need("fax|telex"), rx(`^[-–—(_ ]*[\p{L} .]{2,40}: [A-Z][A-Z.' -]{3,40} (in|at) [\p{L} .,]{2,40}\b.*\b(fax|telex|\d{3}-\d{4})`)),
	mk(article.KindOther, maxWire, need("(at)|@"), rx(`(?i)^[\p{L} .]{2,40}(bureau( chief)?|editor|desk)\b[\p{L} .]{0,40}, [\d-]{7,}, \S+(\(at\)|@)\S+`)),
	mk(article.KindOther, maxLine, need("bureau:"), rx(`(?i)^([\p{L} ]{2,30} )?(washington )?bureau:$`)),
	mk(article.KindOther, 30, need(""), rx(`^[A-Z]{2,5}-\d\d-\d\d-\d\d \d{3,4}(EDT|EST|CDT|CST|MDT|MST|PDT|PST|GMT|UTC|ET|Z)?$`)),

	// Code: a style sheet or script that leaked into the text.
	mk(article.KindOther, maxLine, need("{|}|;|var |function|window.|document."), rx(`^([.#@]?[\w-]+([ ,>.#:]+[\w-]+)*\s*\{|\}[.;]?$|[a-z-]{3,30}:\s*[^;{}]{1,60};(\s*\})?[.]?$|(var|function|window\.|document\.)\b)`)),
}

// captionRules match photo captions and bare photo credits.
var captionRules = []rule{
	// A caption ending in its credit: "... (AP Photo/Pavel Golovkin, Pool)".
	mk(article.KindCaption, maxCaption, need(")|]"), rx(`(?i)[(\[]\s*(ap|afp|epa|reuters|getty|xinhua|pa|anadolu|sipa|tass|ria|upi|nyt|ansa|dpa|kyodo|yonhap|(?:[\p{L}&.'’-]+\s+){1,4})?\s*(photo|photos|photograph|image|picture|pic|file photo|video|graphic)s?\s*(/|:|by|credit|courtesy)[^()\[\]]{1,120}[)\]][.]?$`)),
	mk(article.KindCaption, maxCaption, need(")|]"), rx(`(?i)[(\[]\s*(photo|image|picture|credit|courtesy)[^()\[\]]{0,20}(:|by|of)\s?[^()\[\]]{1,120}[)\]][.]?$`)),
	mk(article.KindCaption, maxCaption, need(")|]"), rx(`(?i)[(\[]\s*[\p{L}. '’-]{0,60}(/|via )\s?(getty images|getty|afp|reuters|ap|epa|shutterstock|bloomberg|zuma|sipa|pool|alamy|nurphoto|anadolu|xinhua)[^()\[\]]{0,40}[)\]][.]?$`)),
	mk(article.KindCaption, maxCaption, need(")|]"), rx(`(?i)[(\[]\s*(getty images|shutterstock|istock(photo)?|alamy|wikimedia commons|file photo|file)[^()\[\]]{0,40}[)\]][.]?$`)),
	// Bare credits and caption labels.
	mk(article.KindCaption, maxCaption, need("copyright|caption|source|credit"), rx(`(?i)^(image|photo|picture|video) (copyright|caption|source|credit)\b`)),
	mk(article.KindCaption, 120, need(":"), rx(`(?i)^(photo|photograph|photos|image|picture|credit|photo credit|pictured|top|above|below|left|right|file|caption)( by)?:\s?\S`)),
	mk(article.KindCaption, 120, need("by|courtesy"), rx(`(?i)^\(?(photo|image|picture)s? (by|courtesy( of)?) [^.]{2,80}\)?[.]?$`)),
	mk(article.KindCaption, 120, need("via|/"), rx(`(?i)^[\p{L}. '’-]{0,60}\b(via|/)\s?(getty images|getty|afp|reuters|ap|epa|shutterstock|bloomberg|zuma|sipa|pool|alamy|nurphoto|anadolu)( images)?[.]?$`)),
	mk(article.KindCaption, 120, need(""), rx(`(?i)^(getty|getty images|afp(/getty images)?|shutterstock|istock|alamy|wikimedia commons|file photo|pool|pool photo)[.]?$`)),
	mk(article.KindCaption, 60, need(""), rx(`^(ASSOCIATED PRESS|REUTERS|AFP|AP|EPA|GETTY IMAGES|BLOOMBERG)[.]?$`)),
	mk(article.KindCaption, 120, need("/"), rx(`(?i)^[\p{L}. '’-]{2,60}/(reuters|afp|ap|epa|getty images|bloomberg|pool)[.]?$`)),
}

// captionGuard rejects a caption match in a paragraph that reads as
// reporting: a caption describes a picture, it does not quote anyone.
var captionGuard = rx(`(?i)\b(said|says|told|according to|asked|added)\b|[“”"]`)

// quoteMark is any quotation mark.
func hasQuote(s string) bool {
	return strings.ContainsAny(s, "“”\"«»„") || strings.Contains(s, "``")
}

// tailRules fire only in the article's trailing run (see Clean).
var (
	// "Follow Pam Key on Twitter @pamkeyNEN.", "On Twitter follow X".
	followRe = rx(`(?i)^(you can )?(follow|find|reach|connect with)( [\p{L}.'’ -]{1,80}| (him|her|them|me))( on| at| via)? (twitter|x|facebook|instagram|linkedin|threads|bluesky|mastodon|tiktok|substack)\b|^on (twitter|x|facebook|instagram)[,:]? (follow|find)\b|^(twitter|x|instagram|facebook|threads|bluesky|email|e-mail)\s?:\s?\S{2,60}[.]?$`)
	// Contact lines: "X can be reached at ...", "E-mail: x(at)y.com".
	contactRe = rx(`(?i)(\bcan be (reached|contacted|e-?mailed)\b|^(reach|contact|e-?mail|write to|send tips)\b|'s e-?mail address is\b|\be-?mail( address)?( is)?:|\b(he|she|they) tweets?\b|\btweets (at|as) @|\bfollow (him|her|them) (on|at)\b)`)
	emailRe   = rx(`(?i)\b[\w.+-]+(@|\(at\))[\w-]+(\.[\w-]+)+\b|(^|\s)@\w{2,}`)
	// The head of a bio: a name, an optional apposition, a copula and a role.
	bioHeadRe = rx(`^\(?([A-Z][\p{L}'’.-]+(?:\s(?:[A-Z][\p{L}'’.-]+|de|van|von|der|den|al|bin|da|di|du|la|le|del|dos|ibn)){0,4})(?:,\s[^,]{2,120},)?\s(?:is|was|has been|serves as|is currently|currently serves as|writes|reports|covers|edits|hosts|teaches|works)\b`)
	// Roles that make a "X is ..." sentence a bio rather than reporting.
	bioRoleRe = rx(`(?i)\b(reporter|correspondent|journalist|writer|columnist|editor|contributor|contributing|blogger|commentator|freelancer?|author|host|co-host|anchor|producer|podcast|founder|co-founder|ceo|chief executive|publisher|professor|economist|fellow|analyst|scholar|researcher|lecturer|consultant|strategist|lawyer|attorney|pastor|student|intern|board of contributors|editorial board|member of the [\p{L} ]{0,40}board|writes (for|about|a)|reports (on|for)|covers|based in)\b`)
	// A header before a related-links list.
	relatedHeaderRe = rx(`(?i)^(related|related (stories|articles|coverage|content|links|reading|news|posts)|see also|also on [\p{L} .]{1,40}|you (may|might) also (like|be interested in)|recommended( for you| reading)?|most (read|popular|viewed)|further reading|more (stories|news|coverage|headlines)( from [\p{L}. ]{1,40})?|more (from|on) [\p{L}. ]{1,40}|editor'?s'? picks|before you go|on the net|on the web|online|links|resources|for more information)[:.]?$`)
	// "Fordham Foundation: http://www.edexcellence.net", or a bare URL.
	linkLineRe = rx(`(?i)^([^:]{1,100}:\s*|[^_]{1,100} _ )?(https?://|www\.)\S+$|^https?://\S+$|^[\w.-]+\.(com|org|net|gov|edu)(/\S*)?[.]?$`)
	// "Friday, December 4, 2015."
	loneDateRe = rx(`(?i)^((monday|tuesday|wednesday|thursday|friday|saturday|sunday),? )?(january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2},? \d{4}[.]?$`)
)

// strip removes what dresses a paragraph without being its text: newswire
// formatting codes (&QL; &UR; &LR; &QC;), enclosing parentheses, and white
// space. It returns the paragraph's core.
func strip(p string) string {
	if strings.IndexByte(p, '&') >= 0 {
		var b strings.Builder
		b.Grow(len(p))
		for i := 0; i < len(p); i++ {
			if p[i] == '&' && i+3 < len(p) && isUpper(p[i+1]) && isUpper(p[i+2]) && p[i+3] == ';' {
				b.WriteByte(' ')
				i += 3
				continue
			}
			b.WriteByte(p[i])
		}
		p = b.String()
	}
	p = strings.Join(strings.Fields(p), " ")
	for strings.HasPrefix(p, "(") && strings.HasSuffix(strings.TrimRight(p, "."), ")") &&
		strings.Count(p, "(") == 1 && strings.Count(p, ")") == 1 {
		p = strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(p, "."), ")")[1:])
	}
	return p
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// noText reports whether p has no letters or digits left, or is a rule of
// dashes, underscores or stars: a separator.
func noText(p string) bool {
	for _, r := range p {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// anywhere classifies a paragraph by the rules that hold at any position.
func anywhere(core string) (article.RemovedKind, bool) {
	if noText(core) {
		return article.KindOther, true
	}
	if len(core) > maxCaption && len(core) > maxWire {
		return "", false
	}
	lower := strings.ToLower(core)
	guarded := hasQuote(core) || reporting(lower)
	if !guarded && len(core) <= maxLine && mayCredit(lower) {
		if k, ok := credit(core); ok {
			return k, true
		}
	}
	for i := range captionRules {
		r := &captionRules[i]
		if len(core) > r.max || !r.wants(lower) || !r.re.MatchString(core) {
			continue
		}
		if r.max == maxCaption && captionGuard.MatchString(captionText(core)) {
			continue
		}
		return r.kind, true
	}
	for i := range anywhereRules {
		r := &anywhereRules[i]
		if len(core) > r.max {
			continue
		}
		// Prompts never quote anyone; wire markers and codes may.
		if guarded && r.kind != article.KindOther && r.kind != article.KindAd {
			continue
		}
		if r.wants(lower) && r.re.MatchString(core) {
			return r.kind, true
		}
	}
	return "", false
}

// reportingWords mark a paragraph as reporting: prompts, credits, bios and
// contact lines do not say who said what.
var reportingWords = []string{"said", "says", "told", "according to", "asked", "added"}

// reporting reports whether lower (a lower-cased paragraph) holds a
// reporting verb as a word.
func reporting(lower string) bool {
	for _, w := range reportingWords {
		if containsWord(lower, w) {
			return true
		}
	}
	return false
}

// creditWords are what every credit rule needs one of.
var creditWords = []string{"report", "contribut", " by ", "with ", "—", "–", "-", "used", "compiled",
	"based on", "h/t", "hat tip", "via ", "translated", "appeared", "published", "ran ", "posted"}

func mayCredit(lower string) bool {
	for _, w := range creditWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// captionText is a caption without its trailing parenthesised credit, the
// part that must not read as reporting.
func captionText(core string) string {
	if i := strings.LastIndexAny(core, "(["); i > 0 {
		return core[:i]
	}
	return core
}

// tailCandidate is how a paragraph may belong to the article's trailing run.
type tailCandidate int

const (
	notTail     tailCandidate = iota
	tailRemove                // removable by itself in the tail (kind set)
	tailBioHead               // "X is a reporter for ...": needs the name check
	tailBioMore               // may continue a bio begun above it
	tailItem                  // may be an item of a related list
)

// tail classifies a paragraph by the rules that hold only in the trailing
// run: bios, follow and contact lines, link lists.
func tail(core string) (tailCandidate, article.RemovedKind) {
	n := len(core)
	lower := strings.ToLower(core)
	rep := reporting(lower)
	if n <= maxLine {
		if (n <= 80 && relatedHeaderRe.MatchString(core)) || (wantsAny(lower, linkWords) && linkLineRe.MatchString(core)) {
			return tailRemove, article.KindRelated
		}
		if n <= 40 && loneDateRe.MatchString(core) {
			return tailRemove, article.KindOther
		}
		if !rep {
			if wantsAny(lower, followWords) && followRe.MatchString(core) {
				return tailRemove, article.KindBio
			}
			if wantsAny(lower, contactWords) && contactRe.MatchString(core) &&
				(emailRe.MatchString(core) || strings.Contains(lower, "twitter")) {
				return tailRemove, article.KindBio
			}
		}
	}
	if n <= maxBio && !rep {
		if bioHeadRe.MatchString(core) && bioRoleRe.MatchString(firstSentences(core, 2)) {
			return tailBioHead, article.KindBio
		}
		if n <= 160 && titleLike(core) {
			return tailItem, article.KindRelated
		}
		if startsBioMore(core) {
			return tailBioMore, article.KindBio
		}
	}
	return notTail, ""
}

var (
	linkWords    = need("http|www.|.com|.org|.net|.gov|.edu")
	followWords  = need("follow|find|reach|connect|twitter|instagram|facebook|mail|threads|bluesky|linkedin|tiktok|substack|mastodon|x:")
	contactWords = need("reach|contact|mail|write to|tips|tweet|follow")
)

// bioSubject returns the name a bio head is about, and its first word.
func bioSubject(core string) (name, first string) {
	m := bioHeadRe.FindStringSubmatch(core)
	if m == nil {
		return "", ""
	}
	name = m[1]
	first, _, _ = strings.Cut(name, " ")
	return name, first
}

var bioMoreWords = map[string]bool{
	"He": true, "She": true, "They": true, "His": true, "Her": true, "Their": true,
	"Before": true, "Previously": true, "Prior": true, "Follow": true, "Contact": true,
	"Email": true, "E-mail": true, "You": true, "In": true, "When": true,
}

// startsBioMore reports whether p opens like the next paragraph of a bio:
// a pronoun or a capitalised word that may be the subject's first name (the
// caller checks the name).
func startsBioMore(p string) bool {
	w := firstWord(p)
	if bioMoreWords[w] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && len(w) > 1
}

func firstWord(p string) string {
	p = strings.TrimLeft(p, "(“\"' ")
	i := strings.IndexFunc(p, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '.' })
	if i < 0 {
		return p
	}
	return p[:i]
}

// firstSentences returns about the first n sentences of p.
func firstSentences(p string, n int) string {
	end := 0
	for range n {
		i := strings.Index(p[end:], ". ")
		if i < 0 {
			return p
		}
		end += i + 2
	}
	return p[:end]
}

// titleLike reports whether p reads as a headline: most of its words
// capitalised, no quotation, at least three words. Related-link titles look
// like this; reporting sentences do not.
func titleLike(p string) bool {
	if hasQuote(p) || reporting(strings.ToLower(p)) {
		return false
	}
	words := strings.Fields(p)
	if len(words) < 4 || len(words) > 25 {
		return false
	}
	// A numbered line is a ranking or a list in the story, not a link.
	if r, _ := utf8.DecodeRuneInString(p); unicode.IsDigit(r) || r == '(' {
		return false
	}
	upper, long := 0, 0
	for _, w := range words {
		w = strings.TrimLeft(w, "‘'(")
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			upper++
		}
	}
	return long >= 2 && upper*10 >= long*8
}

// shortNonSentence reports whether p is a short line that is not a
// sentence: under about 12 words, not ending in sentence punctuation. Such
// lines ("Politics", "Share on Facebook") are never reporting.
func shortNonSentence(p string) bool {
	p = strings.TrimSpace(p)
	if p == "" {
		return true
	}
	if len(strings.Fields(p)) >= 12 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(p, "\"”’')»"))
	return !strings.ContainsRune(".!?…", last)
}
