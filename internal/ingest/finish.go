package ingest

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/parallax-news/parallax/internal/article"
)

// finish is the one place where every reader's article gets its Source,
// Format, Origin, ID, a title when the input gave none, normalised
// language and valid UTF-8 throughout.
//
// Source precedence: the record's own source (set by the reader), then the
// site name the page or feed declared, then the URL's host without "www.",
// then opt.Source, then "unknown".
func finish(a *article.Article, opt Options, format, origin string) {
	a.Format = format
	a.Origin = origin
	a.InputID = strings.TrimSpace(valid(a.InputID))
	a.URL = strings.TrimSpace(valid(a.URL))
	a.Title = cleanSpace(wireCodes(valid(a.Title)))
	a.Byline = cleanSpace(valid(a.Byline))
	a.Site = cleanSpace(valid(a.Site))
	a.Source = cleanSpace(valid(a.Source))
	paras := a.Paragraphs[:0]
	for _, p := range a.Paragraphs {
		if p = cleanSpace(wireCodes(valid(p))); p != "" {
			paras = append(paras, p)
		}
	}
	a.Paragraphs = paras
	for k, v := range a.Meta {
		if !utf8.Valid(v) || !json.Valid(v) {
			b, _ := json.Marshal(strings.ToValidUTF8(string(v), "\uFFFD"))
			a.Meta[k] = b
		}
	}
	if a.Title == "" {
		a.Title = titleFromLead(a.Paragraphs)
	}
	a.Lang = normLang(a.Lang)
	if a.Source == "" {
		a.Source = a.Site
	}
	if a.Source == "" {
		a.Source = host(a.URL)
	}
	if a.Source == "" {
		a.Source = strings.TrimSpace(opt.Source)
	}
	if a.Source == "" {
		a.Source = "unknown"
	}
	a.ID = article.NewID(a.Source, a.InputID, a.URL, a.Paragraphs)
}

func valid(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// wireCodes removes the typesetting codes of newswire feeds ("&QL;", "&UR;",
// "&LR;", "&HT;", "&QC;", "&Cx1f;") and decodes their upper-case character
// entities ("&AMP;", "&LT;", "&GT;", "&QUOT;"), whatever format carried
// them. The SGML reader decodes them as it reads; a newswire archive turned
// into JSON lines or plain text (DUC's duc2006.jsonl is one) still has them,
// and the same story read from either must give the same text. Only a name
// of upper-case letters and digits after a capital (or the "Cx1f" control
// form) counts: "&amp;" and "&eacute;" in plain text are left as written.
func wireCodes(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	var b strings.Builder
	for {
		amp := strings.IndexByte(s, '&')
		if amp < 0 {
			if b.Len() == 0 {
				return s
			}
			b.WriteString(s)
			return b.String()
		}
		semi := strings.IndexByte(s[amp:], ';')
		if semi < 3 || semi > 6 || !wireCodeName(s[amp+1:amp+semi]) {
			b.WriteString(s[:amp+1])
			s = s[amp+1:]
			continue
		}
		b.WriteString(s[:amp])
		switch name := s[amp+1 : amp+semi]; name {
		case "AMP":
			b.WriteByte('&')
		case "LT":
			b.WriteByte('<')
		case "GT":
			b.WriteByte('>')
		case "QUOT":
			b.WriteByte('"')
		default:
			b.WriteByte(' ')
		}
		s = s[amp+semi+1:]
	}
}

// wireCodeName reports whether s names a wire code: a capital, then
// capitals and digits ("QL", "UR"), or "Cx" and two hex digits ("Cx1f").
func wireCodeName(s string) bool {
	if len(s) == 4 && s[0] == 'C' && s[1] == 'x' && isHex(s[2]) && isHex(s[3]) {
		return true
	}
	if s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// host returns a URL's host without "www.", or "".
func host(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// normLang reduces a language tag ("en-US", "EN", "eng") to its ISO 639-1
// code, or "" when it names no language.
func normLang(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	tag, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil || tag == language.Und {
		return ""
	}
	base, conf := tag.Base()
	if conf == language.No || base.String() == "und" {
		return ""
	}
	return base.String()
}

// cleanSpace collapses runs of white space (Unicode spaces included) into
// one ASCII space and trims the ends.
func cleanSpace(s string) string {
	simple := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			simple = false
			break
		}
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
		if sp && (prevSpace || c != ' ') {
			simple = false
			break
		}
		prevSpace = sp
	}
	if simple && !prevSpace {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// maxTitle is the length, in characters, beyond which a title derived
// from the lead is cut.
const maxTitle = 100

// titleFromLead makes a title from an article's first sentence, cut at a
// word boundary near maxTitle characters with "…".
// dateline matches a wire dateline opening a lead: a place in capitals,
// perhaps a region, perhaps the agency in brackets, then a dash ("SARNOVO,
// Karsenia (Meridian Wire) — ", "PINE RIDGE, S.D. (AP) -- ").
var dateline = regexp.MustCompile(`^\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]+)*(?:,\s*[\p{L}.'’ -]{2,30})?\s*(?:\([^()]{1,40}\))?\s*(?:—|–|--|-)\s+`)

// stripDateline removes a wire dateline from the start of a lead, which
// has no place in a title derived from it.
func stripDateline(p string) string {
	loc := dateline.FindStringIndex(p)
	if loc == nil || loc[1] >= len(p) {
		return p
	}
	// A lone short word in capitals before a dash is more often an
	// acronym in the sentence ("NATO — the alliance — met") than a place.
	m := strings.TrimRight(p[:loc[1]], " —–-")
	if !strings.ContainsAny(m, "(,") && !strings.Contains(m, " ") && utf8.RuneCountInString(m) < 5 {
		return p
	}
	return p[loc[1]:]
}

func titleFromLead(paras []string) string {
	if len(paras) == 0 {
		return ""
	}
	s := firstSentence(stripDateline(paras[0]))
	if utf8.RuneCountInString(s) <= maxTitle {
		if strings.HasSuffix(s, "..") {
			return s
		}
		return strings.TrimRight(s, ".:;,")
	}
	cut := 0
	n := 0
	for i := range s {
		if n == maxTitle {
			cut = i
			break
		}
		n++
	}
	t := s[:cut]
	if sp := strings.LastIndexByte(t, ' '); sp > maxTitle/2 {
		t = t[:sp]
	}
	t = strings.TrimRightFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—([{“‘\"'", r)
	})
	return t + "…"
}

// abbrevs are words after which a period does not end a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "maj": true,
	"jr": true, "sr": true, "inc": true, "co": true, "corp": true, "ltd": true, "no": true,
	"vs": true, "etc": true, "prof": true, "rev": true, "mt": true, "ft": true, "adm": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "pres": true, "supt": true,
	"gov't": true, "v": true, "u.s": true, "u.k": true, "u.n": true, "a.m": true, "p.m": true,
}

// firstSentence returns s up to the end of its first sentence: a '.', '!'
// or '?' (and any closing quotes) followed by white space and an upper-case
// letter, digit or quote, where the period does not end an abbreviation
// such as "Mr." or "U.S.".
func firstSentence(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		for end < len(s) {
			r, n := utf8.DecodeRuneInString(s[end:])
			if !strings.ContainsRune("\"'”’)]»", r) {
				break
			}
			end += n
		}
		rest := s[end:]
		trimmed := strings.TrimLeftFunc(rest, unicode.IsSpace)
		if len(trimmed) == len(rest) || trimmed == "" {
			continue
		}
		next, _ := utf8.DecodeRuneInString(trimmed)
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("\"'“‘(", next) {
			continue
		}
		if c == '.' && isAbbrev(s[:i]) {
			continue
		}
		return s[:end]
	}
	return s
}

// isAbbrev reports whether the word ending s (just before a period) is an
// abbreviation or an initial.
func isAbbrev(s string) bool {
	start := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("(\"“‘", r) })
	w := s[start+1:]
	if w == "" {
		return false
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return true // an initial: "John F. Kennedy"
	}
	if strings.Contains(w, ".") {
		return true // "U.S", "a.m"
	}
	return abbrevs[strings.ToLower(w)]
}

// splitParagraphs splits plain text into paragraphs: on blank lines where
// there are any, else one paragraph per line. Inside a blank-line separated
// block, hard-wrapped lines are joined; lines that are not wrapped stay
// paragraphs of their own.
func splitParagraphs(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	blank := func(l string) bool { return strings.TrimSpace(l) == "" }
	hasBlank := false
	seen := false
	for i, l := range lines {
		if blank(l) {
			if seen {
				// A blank line between two non-blank ones.
				for _, m := range lines[i+1:] {
					if !blank(m) {
						hasBlank = true
						break
					}
				}
			}
			if hasBlank {
				break
			}
			continue
		}
		seen = true
	}
	var paras []string
	if !hasBlank {
		for _, l := range lines {
			if p := cleanSpace(l); p != "" {
				paras = append(paras, p)
			}
		}
		return paras
	}
	var block []string
	flush := func() {
		paras = append(paras, unwrap(block)...)
		block = block[:0]
	}
	for _, l := range lines {
		if blank(l) {
			if len(block) > 0 {
				flush()
			}
			continue
		}
		block = append(block, l)
	}
	if len(block) > 0 {
		flush()
	}
	return paras
}

// maxWrapWidth is the widest line, in characters, taken for hard-wrapped
// text: editors and wire systems wrap at 60 to 80 columns, rarely wider.
const maxWrapWidth = 110

// unwrap joins the lines of one block where they are hard-wrapped: the
// block is no wider than maxWrapWidth and a line runs at least half the
// block's width before the break (a ragged right margin), and the next line
// does not start a list item. Other breaks start a new paragraph.
func unwrap(lines []string) []string {
	if len(lines) == 1 {
		if p := cleanSpace(lines[0]); p != "" {
			return []string{p}
		}
		return nil
	}
	width := 0
	lens := make([]int, len(lines))
	for i, l := range lines {
		lens[i] = utf8.RuneCountInString(strings.TrimRightFunc(l, unicode.IsSpace))
		width = max(width, lens[i])
	}
	var out []string
	var cur strings.Builder
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if cur.Len() > 0 {
			joined := width <= maxWrapWidth && lens[i-1]*2 >= width && !isListItem(l)
			if !joined {
				out = append(out, cleanSpace(cur.String()))
				cur.Reset()
			} else if prev := cur.String(); strings.HasSuffix(prev, "-") && len(prev) > 1 && isLetterByte(prev[len(prev)-2]) && startsLower(l) {
				// A word broken at a hyphen: keep the hyphen, drop the break.
			} else {
				cur.WriteByte(' ')
			}
		}
		cur.WriteString(l)
	}
	if cur.Len() > 0 {
		out = append(out, cleanSpace(cur.String()))
	}
	return out
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// isListItem reports whether a line starts a bullet or numbered item.
func isListItem(l string) bool {
	for _, b := range []string{"- ", "* ", "• ", "· ", "– ", "— "} {
		if strings.HasPrefix(l, b) {
			return true
		}
	}
	i := 0
	for i < len(l) && i < 3 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(l) && (l[i] == '.' || l[i] == ')') && l[i+1] == ' '
}

// dateLayouts are the date forms accepted in records, tried in order;
// those without a zone are read as UTC.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"01/02/2006 15:04:05",
	"01/02/2006 15:04",
	"01/02/2006",
	"20060102",
	"20060102150405",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"January 2, 2006",
	"January 2, 2006 15:04",
	"Jan 2, 2006",
	"2 January 2006",
	// Year-day-month slips, as in four of DUC 2006's records
	// ("1998-30-06 11:49:00"). Last, so that a date both ways could be
	// read ("1998-05-06") is read year-month-day; time.Parse refuses a
	// month above 12, so only a date no other way can be read gets here.
	"2006-02-01 15:04:05",
	"2006-02-01 15:04",
	"2006-02-01",
}

// parseDate reads a date in one of dateLayouts.
func parseDate(s string) (time.Time, error) {
	s = cleanSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("parse date %q: not a date form ingest knows (use RFC 3339 or YYYY-MM-DD HH:MM:SS)", s)
}

// unixString formats Unix seconds as RFC 3339.
func unixString(n int64) string { return time.Unix(n, 0).UTC().Format(time.RFC3339) }

func (o Options) logger() *slog.Logger {
	if o.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return o.Logger
}
