package sqlite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ftsQuery turns a user's search text into an FTS5 query that cannot be a
// syntax error, following store.Query's rules: words are ANDed, "quoted
// phrases" match as phrases, OR between two terms widens, a leading -
// excludes a term, and a trailing * matches a prefix.
//
// Every term reaches FTS5 as a double-quoted string, which FTS5 tokenises
// with the index's own tokenizer: punctuation inside a term ("U.S.",
// "don't", "title:") splits it into a phrase exactly as the indexed text
// was split, and FTS5's keywords (AND, NOT, NEAR) and column filters lose
// their meaning. Only an upper-case OR standing between two terms is an
// operator; anywhere else it is dropped.
//
// It returns "" when nothing is left to match: the text was empty, all
// punctuation, or only exclusions (FTS5 cannot express "everything but").
func ftsQuery(text string) string {
	items := lexQuery(text)
	var clauses [][]string // ANDed; each a list of ORed terms
	var excluded []string
	for i, it := range items {
		switch {
		case it.or:
			continue
		case it.neg:
			excluded = append(excluded, it.fts())
		case i > 0 && items[i-1].or: // lexQuery keeps an OR only after a positive term
			clauses[len(clauses)-1] = append(clauses[len(clauses)-1], it.fts())
		default:
			clauses = append(clauses, []string{it.fts()})
		}
	}
	if len(clauses) == 0 {
		return ""
	}
	var b strings.Builder
	if len(excluded) > 0 {
		b.WriteByte('(')
	}
	for i, c := range clauses {
		if i > 0 {
			b.WriteString(" AND ")
		}
		if len(c) > 1 {
			b.WriteString("(" + strings.Join(c, " OR ") + ")")
		} else {
			b.WriteString(c[0])
		}
	}
	if len(excluded) > 0 {
		b.WriteString(") NOT (" + strings.Join(excluded, " OR ") + ")")
	}
	return b.String()
}

// queryItem is one term of a search, or an OR between two.
type queryItem struct {
	text   string
	or     bool
	neg    bool
	prefix bool
}

// fts returns the term as an FTS5 string, with its prefix star.
func (it queryItem) fts() string {
	s := `"` + strings.ReplaceAll(it.text, `"`, `""`) + `"`
	if it.prefix {
		s += "*"
	}
	return s
}

// lexQuery splits text into terms and OR operators. Terms with nothing the
// tokenizer would index are dropped, and so is an OR not standing between
// two positive terms.
func lexQuery(text string) []queryItem {
	// NUL ends a string in parts of SQLite; invalid UTF-8 is not text.
	text = strings.ToValidUTF8(strings.ReplaceAll(text, "\x00", " "), " ")
	var items []queryItem
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		var it queryItem
		if r == '-' {
			it.neg = true
			i++
			if i < len(text) {
				r, _ = utf8.DecodeRuneInString(text[i:])
			}
			if i >= len(text) || unicode.IsSpace(r) {
				continue // a lone dash
			}
		}
		if text[i] == '"' {
			end := strings.IndexByte(text[i+1:], '"')
			if end < 0 { // unbalanced: the phrase runs to the end
				it.text, i = text[i+1:], len(text)
			} else {
				it.text, i = text[i+1:i+1+end], i+2+end
			}
			for i < len(text) && text[i] == '*' {
				it.prefix = true
				i++
			}
		} else {
			j := i
			for j < len(text) {
				r, size := utf8.DecodeRuneInString(text[j:])
				if unicode.IsSpace(r) || r == '"' {
					break
				}
				j += size
			}
			it.text, i = text[i:j], j
			if it.text == "OR" && !it.neg {
				items = append(items, queryItem{or: true})
				continue
			}
			if t := strings.TrimRight(it.text, "*"); t != it.text {
				it.text, it.prefix = t, true
			}
		}
		if !indexable(it.text) {
			continue
		}
		items = append(items, it)
	}
	// Keep only the ORs with a positive term on both sides.
	kept := items[:0]
	for i, it := range items {
		if it.or {
			if len(kept) == 0 || kept[len(kept)-1].or || kept[len(kept)-1].neg ||
				i+1 >= len(items) || items[i+1].or || items[i+1].neg {
				continue
			}
		}
		kept = append(kept, it)
	}
	return kept
}

// indexable reports whether s holds a character the unicode61 tokenizer
// keeps: a letter, a number, or a private-use character.
func indexable(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.L, unicode.N, unicode.Co) {
			return true
		}
	}
	return false
}
