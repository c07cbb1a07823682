package clean

import (
	"regexp/syntax"
	"strings"
	"unicode"
)

// byteSet is a set of bytes: the lower-cased first bytes a pattern's match
// can begin with.
type byteSet [4]uint64

func (s *byteSet) add(b byte)      { s[b>>6] |= 1 << (b & 63) }
func (s *byteSet) has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }
func (s *byteSet) union(t byteSet) {
	s[0], s[1], s[2], s[3] = s[0]|t[0], s[1]|t[1], s[2]|t[2], s[3]|t[3]
}
func (s *byteSet) addRune(r rune) bool { // false: the rune is not ASCII
	if r >= utf8RuneSelf {
		return false
	}
	s.add(byte(unicode.ToLower(r)))
	return true
}

const utf8RuneSelf = 0x80

// allBytes is the set that admits any first byte.
var allBytes = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}

// firstBytes returns the lower-cased bytes a match of the anchored pattern
// can begin with, so that a paragraph whose first byte is not among them
// need not run the pattern at all. Anything the analysis cannot bound (a
// non-ASCII or wide class, an empty match) admits every byte.
func firstBytes(pattern string) byteSet {
	if !strings.HasPrefix(strings.TrimPrefix(pattern, "(?i)"), "^") {
		return allBytes // unanchored: a match may begin anywhere
	}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return allBytes
	}
	set, nullable := first(re.Simplify())
	if nullable {
		return allBytes
	}
	return set
}

// first returns the first-byte set of re and whether re can match empty.
func first(re *syntax.Regexp) (byteSet, bool) {
	var s byteSet
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpEndLine, syntax.OpEndText:
		return s, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return s, true
		}
		if !s.addRune(re.Rune[0]) {
			return allBytes, false
		}
		if re.Flags&syntax.FoldCase != 0 {
			s.addRune(unicode.SimpleFold(re.Rune[0]))
		}
		return s, false
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi >= utf8RuneSelf || hi-lo > 64 {
				return allBytes, false
			}
			for r := lo; r <= hi; r++ {
				s.addRune(r)
				n++
			}
		}
		return s, false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return allBytes, false
	case syntax.OpCapture, syntax.OpPlus:
		return first(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		s, _ = first(re.Sub[0])
		return s, true
	case syntax.OpRepeat:
		s, nullable := first(re.Sub[0])
		return s, nullable || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			t, nullable := first(sub)
			s.union(t)
			if !nullable {
				return s, false
			}
		}
		return s, true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			t, n := first(sub)
			s.union(t)
			nullable = nullable || n
		}
		return s, nullable
	}
	return allBytes, false
}

// firstByteOf returns the lower-cased first byte of s, or 0 for "".
func firstByteOf(s string) byte {
	if s == "" {
		return 0
	}
	b := s[0]
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	return b
}
