package ingest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
)

// readText reads a plain-text file as one article.
func readText(in *input, br *bufio.Reader) error {
	data, err := io.ReadAll(br)
	if err != nil {
		return err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if off := invalidUTF8(data); off >= 0 {
		return in.problem(0, 0, badUTF8Reason(data, off))
	}
	a, reason := parseText(string(data))
	if a == nil {
		return in.problem(0, 0, reason)
	}
	return in.article(a, in.name, 0, 0)
}

// parseText makes an article of plain text, or says why it cannot.
func parseText(s string) (*article.Article, string) {
	paras := splitParagraphs(s)
	if len(paras) == 0 {
		return nil, "empty file"
	}
	a := &article.Article{}
	if len(paras) > 1 {
		if h, ok := headline(paras[0], s); ok {
			a.Title = h
			paras = paras[1:]
		}
	}
	a.Paragraphs = paras
	return a, ""
}

// maxHeadline bounds a headline's length, in characters and words.
const (
	maxHeadline      = 150
	maxHeadlineWords = 25
)

// headline reports whether the first paragraph p of text s reads as a
// headline, and returns it as a title. A headline was one line of its own,
// is short, starts with a capital, a digit or a quote, is not a byline, and
// ends without sentence punctuation or a dash, and is either short or
// mostly capitalised. A line in title case may end in a period (some
// corpora add one); the title drops it.
func headline(p, s string) (string, bool) {
	firstLine := strings.TrimSpace(strings.SplitN(strings.TrimLeft(s, " \t\r\n\ufeff"), "\n", 2)[0])
	if cleanSpace(firstLine) != p {
		return "", false // a wrapped paragraph, not a line of its own
	}
	n := utf8.RuneCountInString(p)
	words := strings.Fields(p)
	if n < 3 || n > maxHeadline || len(words) < 2 || len(words) > maxHeadlineWords {
		return "", false
	}
	first, _ := utf8.DecodeRuneInString(p)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"'“‘", first) {
		return "", false
	}
	if strings.EqualFold(words[0], "by") {
		return "", false
	}
	caps, counted := 0, 0
	for _, w := range words {
		w = strings.TrimLeft(w, "\"'“‘(")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || utf8.RuneCountInString(w) <= 3 {
			continue
		}
		counted++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	titleCase := counted >= 3 && caps*4 >= counted*3
	// The last character, looking inside closing quotes.
	body := strings.TrimRightFunc(p, func(r rune) bool { return strings.ContainsRune("\"'”’»)", r) })
	last, size := utf8.DecodeLastRuneInString(body)
	switch {
	case last == '.' && titleCase && !strings.HasSuffix(body, ".."):
		return body[:len(body)-size] + p[len(body):], true
	case strings.ContainsRune(".!?,;:-–—", last):
		return "", false
	}
	if len(words) <= 12 || counted > 0 && caps*2 >= counted {
		return p, true
	}
	return "", false
}

// invalidUTF8 returns the offset of the first byte of b that is not valid
// UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// badUTF8Reason says where the first invalid byte of b is.
func badUTF8Reason(b []byte, off int) string {
	line := 1 + bytes.Count(b[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(b[:off], '\n')
	return fmt.Sprintf("invalid UTF-8 at byte %d (line %d, column %d, byte 0x%02x): convert the file to UTF-8",
		off, line, col, b[off])
}
