package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
)

// jsonKnown are the record fields with a place in Article; every other
// field goes to Meta as it was.
var jsonKnown = map[string]bool{
	"id": true, "source": true, "url": true, "title": true, "author": true, "byline": true,
	"published": true, "date": true, "published_at": true, "lang": true, "text": true, "html": true,
}

// readJSON reads JSON lines, or a JSON array of records when the input
// starts with '['.
func readJSON(in *input, br *bufio.Reader) error {
	for {
		b, err := br.Peek(1)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return in.problem(0, 0, "empty file")
			}
			return err
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			br.ReadByte()
			continue
		case 0xEF:
			if p, _ := br.Peek(3); bytes.Equal(p, utf8BOM) {
				br.Discard(3)
				continue
			}
		case '[':
			return readJSONArray(in, br)
		}
		return readJSONL(in, br)
	}
}

// readJSONL reads one record per line. Lines may be of any length up to the
// input limit.
func readJSONL(in *input, br *bufio.Reader) error {
	line := 0
	records := 0
	for {
		b, err := readLine(br, in.limit)
		if len(b) == 0 && errors.Is(err, io.EOF) {
			if records == 0 && in.problems == 0 {
				return in.problem(0, 0, "empty file")
			}
			return nil
		}
		line++
		if errors.Is(err, errLineTooLong) {
			if perr := in.problem(line, 0, fmt.Sprintf("line is over the %s limit", byteSize(in.limit))); perr != nil {
				return perr
			}
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if t := bytes.TrimSpace(b); len(t) > 0 {
			records++
			if perr := jsonRecord(in, t, line, 0, fmt.Sprintf("%s:%d", in.name, line)); perr != nil {
				return perr
			}
		}
		if err != nil {
			if records == 0 && in.problems == 0 {
				return in.problem(0, 0, "empty file")
			}
			return nil
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its "\n", refusing (and skipping)
// lines longer than limit with errLineTooLong. At the end of input it
// returns the last line, if any, with io.EOF.
func readLine(br *bufio.Reader, limit int64) ([]byte, error) {
	var buf []byte
	for {
		frag, err := br.ReadSlice('\n')
		if int64(len(buf)+len(frag)) > limit+1 {
			// Skip the rest of the line.
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return nil, errLineTooLong
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			buf = append(buf, frag...)
			continue
		}
		if buf == nil {
			buf = frag
		} else {
			buf = append(buf, frag...)
		}
		return bytes.TrimSuffix(buf, []byte{'\n'}), err
	}
}

// readJSONArray reads a JSON array of records.
func readJSONArray(in *input, br *bufio.Reader) error {
	data, err := io.ReadAll(br)
	if err != nil {
		return err
	}
	lineAt := func(off int64) int { return 1 + bytes.Count(data[:min(off, int64(len(data)))], []byte{'\n'}) }
	if off := invalidUTF8(data); off >= 0 {
		return in.problem(lineAt(int64(off)), 0, badUTF8Reason(data, off))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // '['
		return in.problem(1, 0, "invalid JSON: "+err.Error())
	}
	for n := 1; dec.More(); n++ {
		start := dec.InputOffset()
		// Skip the separator to point at the record itself.
		for start < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[start]) >= 0 {
			start++
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return in.problem(lineAt(start), n, "invalid JSON, rest of the array skipped: "+jsonErr(err))
		}
		if err := jsonRecord(in, raw, lineAt(start), n, fmt.Sprintf("%s#%d", in.name, n)); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // ']'
		return in.problem(lineAt(dec.InputOffset()), 0, "invalid JSON at the end of the array: "+jsonErr(err))
	}
	return nil
}

func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "the data ends early"
	}
	return err.Error()
}

// jsonRecord reads one JSON record and reports its article or problem.
func jsonRecord(in *input, b []byte, line, record int, origin string) error {
	if off := invalidUTF8(b); off >= 0 {
		return in.problem(line, record, fmt.Sprintf("invalid UTF-8 at byte %d of the record (byte 0x%02x): convert the file to UTF-8", off, b[off]))
	}
	a, reason := parseJSONRecord(b, in.opt())
	if a == nil {
		return in.problem(line, record, reason)
	}
	return in.article(a, origin, line, record)
}

// parseJSONRecord makes an article of one JSON record, or says why not.
func parseJSONRecord(b []byte, opt Options) (*article.Article, string) {
	if len(b) == 0 || b[0] != '{' {
		if !json.Valid(b) {
			return nil, "invalid JSON: " + jsonErr(json.Unmarshal(b, new(any)))
		}
		return nil, "not a JSON object"
	}
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, "invalid JSON: " + jsonErr(err)
	}
	var f jsonFields
	id := f.idField(rec, "id")
	source := f.str(rec, "source")
	link := f.str(rec, "url")
	title := f.str(rec, "title")
	byline := f.names(rec, "author", "byline")
	lang := f.str(rec, "lang")
	text := f.str(rec, "text")
	page := f.str(rec, "html")
	dateKey, dateRaw := "", ""
	for _, k := range []string{"published", "date", "published_at"} {
		if v := f.str(rec, k); v != "" && dateRaw == "" {
			dateKey, dateRaw = k, v
		}
	}
	if f.err != "" {
		return nil, f.err
	}

	var a *article.Article
	switch {
	case strings.TrimSpace(text) != "":
		a = &article.Article{Paragraphs: splitParagraphs(text)}
	case strings.TrimSpace(page) != "":
		h, err := readHTML(strings.NewReader(page), link, opt)
		if err != nil {
			return nil, "no article text found in the record's html: " + err.Error()
		}
		if h == nil || len(h.Paragraphs) == 0 {
			return nil, "no article text found in the record's html"
		}
		a = h
	default:
		return nil, `record has no text (no "text" or "html" field with content)`
	}
	if len(a.Paragraphs) == 0 {
		return nil, "record has no text"
	}
	// The record's own fields win over what a page says about itself.
	a.InputID = id
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&a.Source, source)
	set(&a.URL, link)
	set(&a.Title, title)
	set(&a.Byline, byline)
	set(&a.Lang, lang)
	for k, v := range rec {
		if !jsonKnown[k] {
			if a.Meta == nil {
				a.Meta = make(map[string]json.RawMessage)
			}
			a.Meta[k] = v
		}
	}
	if dateRaw != "" {
		t, err := parseDate(dateRaw)
		if err != nil || t.IsZero() {
			// Keep the article; keep the date as given for a person to see.
			if a.Meta == nil {
				a.Meta = make(map[string]json.RawMessage)
			}
			a.Meta[dateKey] = rec[dateKey]
			opt.logger().Debug("unparsed date", "date", dateRaw)
		} else {
			a.Published = t
		}
	}
	return a, ""
}

// jsonFields decodes typed fields of a record, remembering the first
// field of the wrong type.
type jsonFields struct{ err string }

func (f *jsonFields) wrongType(key, want string) {
	if f.err == "" {
		f.err = fmt.Sprintf("field %q: want %s", key, want)
	}
}

// str returns a string field ("" when absent or null).
func (f *jsonFields) str(rec map[string]json.RawMessage, key string) string {
	raw, ok := rec[key]
	if !ok || string(raw) == "null" {
		return ""
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		if key == "published" || key == "date" || key == "published_at" {
			// A Unix time in seconds.
			if n, err := strconv.ParseInt(string(raw), 10, 64); err == nil && n > 0 {
				return unixString(n)
			}
		}
		f.wrongType(key, "a string")
		return ""
	}
	return s
}

// idField returns an ID given as a string or a number.
func (f *jsonFields) idField(rec map[string]json.RawMessage, key string) string {
	raw, ok := rec[key]
	if !ok || string(raw) == "null" {
		return ""
	}
	if len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
		return string(raw)
	}
	return f.str(rec, key)
}

// names returns the first of keys present, as a string or a list of
// names (strings, or objects with a "name") joined with ", ".
func (f *jsonFields) names(rec map[string]json.RawMessage, keys ...string) string {
	for _, key := range keys {
		raw, ok := rec[key]
		if !ok || string(raw) == "null" {
			continue
		}
		if len(raw) == 0 || raw[0] != '[' {
			if s := f.str(rec, key); s != "" {
				return s
			}
			continue
		}
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err != nil {
			f.wrongType(key, "a string or a list of names")
			return ""
		}
		var out []string
		for _, item := range list {
			var s string
			var p struct{ Name string }
			switch {
			case json.Unmarshal(item, &s) == nil:
			case json.Unmarshal(item, &p) == nil:
				s = p.Name
			default:
				f.wrongType(key, "a string or a list of names")
				return ""
			}
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		if len(out) > 0 {
			return strings.Join(out, ", ")
		}
	}
	return ""
}
