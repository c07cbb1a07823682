// Package termtext lays out text for a terminal: its width in columns
// (East Asian wide characters take two, combining marks none), cutting
// to a width, and wrapping at spaces. The CLI's tables and the compare
// report's columns share it.
package termtext

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// StripControls drops control and format characters, keeping spaces.
func StripControls(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

// RuneWidth is the number of terminal columns r takes: 0 for combining
// and format characters, 2 for East Asian wide ones, else 1.
func RuneWidth(r rune) int {
	switch {
	case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r), unicode.Is(unicode.Cf, r):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// Width is the number of terminal columns s takes.
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += RuneWidth(r)
	}
	return n
}

// Truncate cuts s to w columns, ending in "…" when cut.
func Truncate(s string, w int) string {
	if Width(s) <= w {
		return s
	}
	n := 0
	var b strings.Builder
	for _, r := range s {
		if n+RuneWidth(r) > w-1 {
			break
		}
		b.WriteRune(r)
		n += RuneWidth(r)
	}
	return b.String() + "…"
}

// Wrap breaks s into lines of at most w columns at spaces, splitting words
// longer than a line.
func Wrap(s string, w int) []string { return WrapHanging(s, w, w) }

// WrapHanging wraps s to w1 columns on its first line and w2 on the
// others.
func WrapHanging(s string, w1, w2 int) []string {
	w := max(w1, 1)
	var lines []string
	var cur strings.Builder
	curW := 0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		curW = 0
		w = max(w2, 1)
	}
	for _, word := range strings.Fields(s) {
		ww := Width(word)
		if curW > 0 && curW+1+ww <= w {
			cur.WriteByte(' ')
			cur.WriteString(word)
			curW += 1 + ww
			continue
		}
		if curW > 0 {
			flush()
		}
		for ww > w {
			// Split a word longer than a line.
			n := 0
			rs := []rune(word)
			k := 0
			for k < len(rs) && n+RuneWidth(rs[k]) <= w {
				n += RuneWidth(rs[k])
				k++
			}
			k = max(k, 1)
			lines = append(lines, string(rs[:k]))
			w = max(w2, 1)
			word = string(rs[k:])
			ww = Width(word)
		}
		cur.WriteString(word)
		curW = ww
	}
	if curW > 0 {
		flush()
	}
	return lines
}
