package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/article"
)

// readSGML reads TREC-style SGML newswire: any number of <DOC> records, each
// read on its own, so one malformed record costs only itself.
func readSGML(in *input, br *bufio.Reader) error {
	var (
		pending     []byte // text after the last </DOC>
		pendingLine = 1    // line of pending[0]
		line        int
		record      int
		skipping    bool // inside a record refused for its size
	)
	// flush reads the complete records at the front of pending.
	flush := func() error {
		for {
			end := indexCloseDoc(pending)
			if end < 0 {
				return nil
			}
			chunk := pending[:end]
			if err := sgmlChunk(in, chunk, pendingLine, &record); err != nil {
				return err
			}
			pendingLine += bytes.Count(chunk, []byte{'\n'})
			pending = pending[end:]
		}
	}
	for {
		b, err := readLine(br, in.limit)
		if len(b) == 0 && errors.Is(err, io.EOF) {
			break
		}
		line++
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, errLineTooLong) {
			return err
		}
		if skipping || errors.Is(err, errLineTooLong) || int64(len(pending)+len(b)) > in.limit {
			if !skipping {
				record++
				skipping = true
				if perr := in.problem(pendingLine, record, fmt.Sprintf("<DOC> is over the %s limit", byteSize(in.limit))); perr != nil {
					return perr
				}
				pending = pending[:0]
			}
			if end := indexCloseDoc(b); end >= 0 {
				skipping = false
				pending = append(pending[:0], b[end:]...)
				pending = append(pending, '\n')
				pendingLine = line
			}
		} else {
			if len(bytes.TrimSpace(pending)) == 0 {
				pending = pending[:0]
				pendingLine = line
			}
			pending = append(pending, b...)
			pending = append(pending, '\n')
			if indexCloseDoc(b) >= 0 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if rest := bytes.TrimSpace(pending); len(rest) > 0 {
		if start := indexDocStart(pending); start >= 0 {
			record++
			l := pendingLine + bytes.Count(pending[:start], []byte{'\n'})
			return in.problem(l, record, "unterminated <DOC>: no </DOC> before the end of the file")
		}
		if record == 0 {
			return in.problem(0, 0, "no <DOC> records found: not TREC/SGML newswire")
		}
		in.w.log.Debug("text after the last </DOC> ignored", logKeyFile, in.name)
	}
	if record == 0 && in.problems == 0 {
		return in.problem(0, 0, "no <DOC> records found: not TREC/SGML newswire")
	}
	return nil
}

// sgmlChunk reads the text up to and including one </DOC>, starting at
// line. Earlier <DOC> starts in it without their own </DOC> are reported
// as unterminated.
func sgmlChunk(in *input, chunk []byte, line int, record *int) error {
	starts := allDocStarts(chunk)
	if len(starts) == 0 {
		close := len(chunk) - len("</DOC>")
		l := line + bytes.Count(chunk[:close], []byte{'\n'})
		return in.problem(l, *record, "</DOC> without a <DOC>")
	}
	for i, s := range starts {
		*record++
		l := line + bytes.Count(chunk[:s], []byte{'\n'})
		if i < len(starts)-1 {
			if err := in.problem(l, *record, "unterminated <DOC>: a new <DOC> starts before its </DOC>"); err != nil {
				return err
			}
			continue
		}
		doc := chunk[s:]
		if off := invalidUTF8(doc); off >= 0 {
			bad := l + bytes.Count(doc[:off], []byte{'\n'})
			return in.problem(bad, *record, fmt.Sprintf("invalid UTF-8 at line %d (byte 0x%02x): convert the file to UTF-8", bad, doc[off]))
		}
		a, reason := parseSGMLDoc(string(doc), in.opt())
		if a == nil {
			return in.problem(l, *record, reason)
		}
		if err := in.article(a, fmt.Sprintf("%s#%d", in.name, *record), l, *record); err != nil {
			return err
		}
	}
	return nil
}

// sgmlMain are the tags with a place in Article; sgmlContainers hold other
// tags. Every other tag goes to Meta, named in lower case.
var (
	sgmlMain       = map[string]bool{"DOCNO": true, "DATE_TIME": true, "DATE": true, "HEADLINE": true, "HL": true, "BYLINE": true, "TEXT": true, "SOURCE": true}
	sgmlContainers = map[string]bool{"DOC": true, "BODY": true}
)

// parseSGMLDoc reads one <DOC>…</DOC> record.
func parseSGMLDoc(doc string, opt Options) (*article.Article, string) {
	fields := make(map[string]string)
	var order []string
	var texts []string
	var loose strings.Builder
	for i := 0; i < len(doc); {
		lt := strings.IndexByte(doc[i:], '<')
		if lt < 0 {
			loose.WriteString(doc[i:])
			break
		}
		loose.WriteString(doc[i : i+lt])
		i += lt
		name, end, closing, ok := parseTag(doc, i)
		if !ok {
			loose.WriteByte('<')
			i++
			continue
		}
		up := strings.ToUpper(name)
		if closing || sgmlContainers[up] || strings.HasPrefix(name, "!") {
			i = end
			continue
		}
		closeTag := "</" + name + ">"
		c := indexFold(doc[end:], closeTag)
		if c < 0 {
			return nil, fmt.Sprintf("malformed <DOC>: <%s> is never closed", name)
		}
		content := doc[end : end+c]
		i = end + c + len(closeTag)
		if up == "TEXT" {
			texts = append(texts, content)
			continue
		}
		if _, dup := fields[up]; !dup {
			fields[up] = content
			order = append(order, up)
		}
	}
	docno := cleanSpace(fields["DOCNO"])
	if docno == "" {
		return nil, "malformed <DOC>: no <DOCNO>"
	}
	if len(texts) == 0 {
		return nil, fmt.Sprintf("malformed <DOC> %s: no <TEXT>", docno)
	}
	a := &article.Article{InputID: docno}
	var notes []string
	for _, t := range texts {
		t, n := cutElements(t, "ANNOTATION")
		notes = append(notes, n...)
		a.Paragraphs = append(a.Paragraphs, sgmlParagraphs(t)...)
	}
	if len(a.Paragraphs) == 0 {
		return nil, fmt.Sprintf("<DOC> %s has no text", docno)
	}
	a.Title = sgmlText(firstOf(fields, "HEADLINE", "HL"))
	a.Byline = sgmlText(fields["BYLINE"])
	a.Source = sgmlText(fields["SOURCE"])
	if a.Source == "" {
		a.Source = docnoPrefix(docno)
	}
	var preamble []string
	// Typesetting codes separate the lines of untagged text as much as
	// line breaks do.
	for _, l := range strings.Split(decodeEntitiesSep(loose.String(), "\n"), "\n") {
		l = sgmlText(l)
		switch {
		case l == "":
		case a.Byline == "" && len(l) > 3 && strings.EqualFold(l[:3], "by "):
			a.Byline = strings.TrimSpace(l[3:])
		default:
			preamble = append(preamble, l)
		}
	}
	meta := make(map[string]json.RawMessage)
	setMeta := func(k string, v any) {
		b, err := json.Marshal(v)
		if err == nil {
			meta[k] = b
		}
	}
	dateKey := "DATE_TIME"
	if _, ok := fields[dateKey]; !ok {
		dateKey = "DATE"
	}
	if raw := cleanSpace(fields[dateKey]); raw != "" {
		t, err := parseDate(raw)
		if err != nil || t.IsZero() {
			if t, err = parseSGMLDate(raw); err != nil {
				setMeta(strings.ToLower(dateKey), raw)
				opt.logger().Debug("unparsed date", "docno", docno, "date", raw)
			}
		}
		a.Published = t
	}
	for _, k := range order {
		if sgmlMain[k] {
			continue
		}
		if v := sgmlText(fields[k]); v != "" {
			setMeta(strings.ToLower(k), v)
		}
	}
	if len(preamble) > 0 {
		setMeta("preamble", preamble)
	}
	if len(notes) > 0 {
		setMeta("annotation", notes)
	}
	if len(meta) > 0 {
		a.Meta = meta
	}
	return a, ""
}

func firstOf(m map[string]string, keys ...string) string {
	for _, k := range keys {
		if v, ok := m[k]; ok {
			return v
		}
	}
	return ""
}

// parseSGMLDate reads the older TREC date forms: "880212" (YYMMDD) and
// "880212 1133" and the like.
func parseSGMLDate(s string) (time.Time, error) {
	digits := strings.Fields(s)
	if len(digits) > 0 && len(digits[0]) == 6 {
		if _, err := strconv.Atoi(digits[0]); err == nil {
			return time.Parse("060102", digits[0])
		}
	}
	return time.Time{}, fmt.Errorf("parse date %q: unknown form", s)
}

// docnoPrefix is the letters a DOCNO starts with: the wire service in
// AQUAINT and TREC collections ("APW19990707.0181" → "APW").
func docnoPrefix(docno string) string {
	i := strings.IndexFunc(docno, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return docno
	}
	return docno[:i]
}

// sgmlParagraphs splits a <TEXT> element into paragraphs: by <P> where it
// has them, else by blank lines, else by indented first lines. Lines
// inside a paragraph are always hard-wrapped and are joined.
func sgmlParagraphs(text string) []string {
	var segs []string
	if hasPTag(text) {
		last := 0
		for i := 0; i < len(text); {
			lt := strings.IndexByte(text[i:], '<')
			if lt < 0 {
				break
			}
			i += lt
			name, end, _, ok := parseTag(text, i)
			if ok && strings.EqualFold(name, "p") {
				segs = append(segs, text[last:i])
				last = end
				i = end
				continue
			}
			i++
		}
		segs = append(segs, text[last:])
	} else {
		segs = sgmlBlocks(text)
	}
	var out []string
	for _, s := range segs {
		if p := sgmlText(s); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// sgmlBlocks splits text without <P> tags at blank lines, or, where there
// are none, at lines indented after unindented ones.
func sgmlBlocks(text string) []string {
	lines := strings.Split(text, "\n")
	var blocks []string
	var cur []string
	hasBlank := false
	for _, l := range lines {
		if strings.TrimSpace(l) == "" && len(cur) > 0 {
			hasBlank = true
			break
		}
	}
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, l := range lines {
		switch {
		case strings.TrimSpace(l) == "":
			flush()
			continue
		case !hasBlank && (strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "  ")):
			flush()
		}
		cur = append(cur, l)
	}
	flush()
	return blocks
}

func hasPTag(s string) bool {
	for i := 0; ; {
		j := indexFold(s[i:], "<p")
		if j < 0 {
			return false
		}
		i += j
		if _, _, _, ok := parseTag(s, i); ok && len(s) > i+2 && (s[i+2] == '>' || s[i+2] == ' ') {
			return true
		}
		i += 2
	}
}

// sgmlText turns SGML element content into plain text: tags dropped,
// entities decoded, lines joined, white space collapsed.
func sgmlText(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		var b strings.Builder
		for i := 0; i < len(s); {
			lt := strings.IndexByte(s[i:], '<')
			if lt < 0 {
				b.WriteString(s[i:])
				break
			}
			b.WriteString(s[i : i+lt])
			i += lt
			if _, end, _, ok := parseTag(s, i); ok {
				b.WriteByte(' ')
				i = end
				continue
			}
			b.WriteByte('<')
			i++
		}
		s = b.String()
	}
	return cleanSpace(decodeEntities(s))
}

// decodeEntities decodes SGML entities. Character entities (&amp;, &AMP;,
// &#233;, HTML names) become characters; the typesetting codes of wire
// feeds (&QL; &UR; &LR; &HT; &Cx1f; …) carry no text and become a space.
func decodeEntities(s string) string { return decodeEntitiesSep(s, " ") }

// decodeEntitiesSep is decodeEntities with typesetting codes replaced by
// sep.
func decodeEntitiesSep(s, sep string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		amp := strings.IndexByte(s, '&')
		if amp < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:amp])
		s = s[amp:]
		semi := strings.IndexByte(s, ';')
		if semi < 2 || semi > 12 || !entityName(s[1:semi]) {
			b.WriteByte('&')
			s = s[1:]
			continue
		}
		name := s[1:semi]
		s = s[semi+1:]
		switch strings.ToLower(name) {
		case "amp":
			// A doubly escaped character ("&amp;frac12;") is that character.
			if semi := strings.IndexByte(s, ';'); semi > 0 && semi <= 10 && entityName(s[:semi]) {
				if ent := "&" + s[:semi+1]; html.UnescapeString(ent) != ent {
					s = ent + s[semi+1:]
					continue
				}
			}
			b.WriteByte('&')
			continue
		case "lt":
			b.WriteByte('<')
			continue
		case "gt":
			b.WriteByte('>')
			continue
		case "quot":
			b.WriteByte('"')
			continue
		case "apos":
			b.WriteByte('\'')
			continue
		}
		ent := "&" + name + ";"
		if dec := html.UnescapeString(ent); dec != ent {
			b.WriteString(dec)
			continue
		}
		b.WriteString(sep)
	}
}

// entityName reports whether s can name an entity: letters and digits, or
// '#' and digits (or "#x" and hex digits).
func entityName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#' && i == 0) {
			return false
		}
	}
	return true
}

// parseTag reads a tag at s[i] == '<': its name, the index after its '>',
// whether it closes an element, and whether it is a tag at all.
func parseTag(s string, i int) (name string, end int, closing, ok bool) {
	j := i + 1
	if j < len(s) && s[j] == '/' {
		closing = true
		j++
	}
	start := j
	for j < len(s) {
		c := s[j]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == ':' || (c == '!' && j == start) {
			j++
			continue
		}
		break
	}
	if j == start {
		return "", 0, false, false
	}
	name = s[start:j]
	gt := strings.IndexByte(s[j:], '>')
	if gt < 0 {
		return "", 0, false, false
	}
	// Attributes may follow the name, but not another tag or a line's worth
	// of text.
	attrs := s[j : j+gt]
	if strings.ContainsAny(attrs, "<") || (len(attrs) > 0 && attrs[0] != ' ' && attrs[0] != '\t' && attrs[0] != '/' && !strings.HasPrefix(name, "!")) {
		return "", 0, false, false
	}
	return name, j + gt + 1, closing, true
}

// indexFold returns the index of the first match of pat, which starts
// with '<' and is otherwise ASCII, in s, ignoring case, or -1.
func indexFold[T string | []byte](s T, pat string) int {
	for i := 0; i+len(pat) <= len(s); {
		j := indexByte(s[i:], pat[0])
		if j < 0 {
			return -1
		}
		i += j
		if i+len(pat) <= len(s) && asciiEqualFold(s[i:i+len(pat)], pat) {
			return i
		}
		i++
	}
	return -1
}

func indexByte[T string | []byte](s T, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func asciiEqualFold[T string | []byte](s T, pat string) bool {
	for i := 0; i < len(pat); i++ {
		a, b := s[i], pat[i]
		if a >= 'A' && a <= 'Z' {
			a += 'a' - 'A'
		}
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

// indexCloseDoc returns the index just past the first </DOC>, or -1.
func indexCloseDoc(b []byte) int {
	i := indexFold(b, "</doc>")
	if i < 0 {
		return -1
	}
	return i + len("</doc>")
}

// indexDocStart returns the index of the first <DOC> start tag, or -1.
func indexDocStart(b []byte) int {
	if s := allDocStarts(b); len(s) > 0 {
		return s[0]
	}
	return -1
}

// allDocStarts returns the indices of every <DOC> (or <DOC attr=…>) tag.
func allDocStarts(b []byte) []int {
	s := string(b)
	var out []int
	for i := 0; ; {
		j := indexFold(s[i:], "<doc")
		if j < 0 {
			return out
		}
		i += j
		if i+4 < len(s) && (s[i+4] == '>' || s[i+4] == ' ' || s[i+4] == '\t' || s[i+4] == '\n') {
			out = append(out, i)
		}
		i += 4
	}
}

// cutElements removes the elements with the given tag name from s,
// returning what is left and the plain text of each element removed.
func cutElements(s, name string) (string, []string) {
	open, closeTag := "<"+name, "</"+name+">"
	var texts []string
	for {
		i := indexFold(s, open)
		if i < 0 {
			return s, texts
		}
		tag, end, _, ok := parseTag(s, i)
		if !ok || !strings.EqualFold(tag, name) {
			// A longer name with this prefix: leave it and look further.
			j := indexFold(s[i+1:], open)
			if j < 0 {
				return s, texts
			}
			rest, more := cutElements(s[i+1+j:], name)
			return s[:i+1+j] + rest, append(texts, more...)
		}
		c := indexFold(s[end:], closeTag)
		if c < 0 {
			return s, texts
		}
		if t := sgmlText(s[end : end+c]); t != "" {
			texts = append(texts, t)
		}
		s = s[:i] + "\n" + s[end+c+len(closeTag):]
	}
}
