package ingest

// This file turns HTML trees into plain-text paragraphs. The extractors we
// build on (go-trafilatura, go-readability) render text either as one string
// with paragraph structure lost or as HTML; we need one plain-text paragraph
// per block (a <p>, a heading, a list item, a table row), so we walk the tree
// ourselves.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockAtoms are the elements that start and end a paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true,
	atom.Blockquote: true, atom.Body: true, atom.Caption: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true,
	atom.Dir: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Html: true,
	atom.Legend: true, atom.Li: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Tfoot: true, atom.Thead: true, atom.Tr: true,
	atom.Ul: true,
}

// skipAtoms are the elements whose content is never text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Head: true, atom.Svg: true, atom.Math: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Select: true, atom.Option: true, atom.Button: true,
	atom.Textarea: true, atom.Input: true, atom.Canvas: true,
	atom.Audio: true, atom.Video: true, atom.Title: true, atom.Meta: true,
	atom.Link: true,
}

// paraWriter accumulates the text of the paragraph being built.
type paraWriter struct {
	paras []string
	cur   strings.Builder
	// breaks counts the <br> elements since the last text, so that two in
	// a row end a paragraph.
	breaks int
}

// text appends inline text, collapsing white space.
func (w *paraWriter) text(s string) {
	if w.breaks > 0 {
		if w.breaks >= 2 || endsSentence(w.cur.String()) {
			w.flush()
		} else if w.cur.Len() > 0 {
			w.cur.WriteByte(' ')
		}
		w.breaks = 0
	}
	for _, r := range s {
		if isSpace(r) {
			if w.cur.Len() > 0 && !strings.HasSuffix(w.cur.String(), " ") {
				w.cur.WriteByte(' ')
			}
			continue
		}
		if r == utf8.RuneError || r == 0 || unicode.Is(unicode.Cf, r) && r != '\u200d' {
			continue // stray bytes, soft hyphens, zero-width spaces
		}
		w.cur.WriteRune(r)
	}
}

// space separates inline runs that must not run together (table cells).
func (w *paraWriter) sep(s string) {
	t := strings.TrimRight(w.cur.String(), " ")
	if t == "" {
		return
	}
	w.cur.Reset()
	w.cur.WriteString(t)
	w.cur.WriteString(s)
}

func (w *paraWriter) flush() {
	p := strings.TrimSpace(w.cur.String())
	p = strings.TrimSuffix(p, " |")
	w.cur.Reset()
	w.breaks = 0
	if p != "" {
		w.paras = append(w.paras, p)
	}
}

func (w *paraWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		a := elemAtom(n)
		if skipAtoms[a] || a == 0 && skipCustom(n.Data) {
			return
		}
		switch a {
		case atom.Br:
			w.breaks++
			return
		case atom.Td, atom.Th:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w.walk(c)
			}
			w.sep(" | ")
			return
		case atom.Img:
			return
		}
		if a == 0 && n.Data == "lb" { // go-trafilatura's <br>
			w.breaks++
			return
		}
		if blockAtoms[a] || a == 0 && trafilaturaBlock(n.Data) {
			w.flush()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w.walk(c)
			}
			w.flush()
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// elemAtom returns the element's atom. Trees built by code rather than by
// the parser (go-trafilatura's output) may name an element without setting
// its atom.
func elemAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// dropRepeats removes paragraphs whose text an earlier, longer paragraph
// already holds: go-trafilatura emits the lines of a <br>-separated block
// both inside the block and again as paragraphs of their own, and pull
// quotes repeat a sentence of the body.
func dropRepeats(paras []string) []string {
	out := paras[:0:0]
	for _, p := range paras {
		repeat := false
		if utf8.RuneCountInString(p) >= 12 {
			for _, q := range out {
				if len(q) > len(p) && strings.Contains(q, p) {
					repeat = true
					break
				}
			}
		}
		if !repeat {
			out = append(out, p)
		}
	}
	return out
}

// trafilaturaBlock reports whether a non-HTML element name, as
// go-trafilatura's tree can hold, is a block.
func trafilaturaBlock(name string) bool {
	switch name {
	case "head", "list", "item", "quote", "row", "code", "graphic":
		return true
	}
	return false
}

// skipCustom reports whether a non-HTML element holds no text.
func skipCustom(name string) bool { return name == "svg" || name == "math" }

// nodeParagraphs returns the plain-text paragraphs under n: one for each
// block element, inline white space collapsed.
func nodeParagraphs(n *html.Node) []string {
	if n == nil {
		return nil
	}
	var w paraWriter
	w.walk(n)
	w.flush()
	return w.paras
}

// nodeText returns the text under n with white space collapsed, as one line.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				a := elemAtom(c)
				if skipAtoms[a] {
					continue
				}
				if blockAtoms[a] || a == atom.Br {
					b.WriteByte(' ')
				}
			}
			walk(c)
		}
	}
	walk(n)
	return collapseSpace(b.String())
}

// fragmentParagraphs turns an HTML fragment, such as a feed item's content,
// into plain-text paragraphs. Block elements and two <br> in a row end a
// paragraph; scripts and styles are dropped; entities are decoded. A fragment
// of plain text without tags is split at blank lines.
func fragmentParagraphs(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if !strings.ContainsAny(s, "<&") {
		return textParagraphs(s)
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return textParagraphs(s)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	elements := false
	for _, n := range nodes {
		if n.Type == html.ElementNode {
			elements = true
		}
		root.AppendChild(n)
	}
	if !elements {
		// Entities but no tags: decode, then keep the blank lines.
		return textParagraphs(nodeRawText(root))
	}
	return nodeParagraphs(root)
}

// nodeRawText returns the text under n as it stands, white space untouched.
func nodeRawText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// textParagraphs splits plain text at blank lines and collapses the white
// space inside each paragraph.
func textParagraphs(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var out []string
	for _, block := range strings.Split(s, "\n\n") {
		if p := collapseSpace(block); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// collapseSpace replaces each run of white space with one space and trims.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = b.Len() > 0
			continue
		}
		if r == utf8.RuneError || r == 0 || unicode.Is(unicode.Cf, r) && r != '\u200d' {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' }

// endsSentence reports whether s ends with sentence-final punctuation, so a
// single <br> after it is a paragraph break rather than a wrapped line.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '"', '\u201d', '\u2019', ':', '\u3002', '\uff01', '\uff1f':
		return true
	}
	return false
}
