package fingerprint

import (
	"math"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"
)

// Parameters of the fingerprint. Changing any of them changes every stored
// sketch: callers that persist sketches must recompute them.
const (
	// ShingleWords is the number of words in a shingle.
	ShingleWords = 5
	// NumHashes is the number of MinHash values in a Signature.
	NumHashes = Bands * Rows
	// Bands and Rows split the signature for LSH.
	Bands = 20
	Rows  = 4
	// WinnowWindow is the number of consecutive shingles of which the
	// smallest becomes a passage fingerprint.
	WinnowWindow = 24
)

// Signature is a MinHash signature of NumHashes values: see Sign.
type Signature [NumHashes]uint32

// Sketch is the fingerprint of one text. See the package doc.
type Sketch struct {
	// Shingles are the shingle hashes (63 bits) in text order.
	Shingles []uint64
	// Quoted marks, for each shingle, whether any of its words lies inside
	// quotation marks.
	Quoted []bool
	// Set is the sorted set of distinct shingle hashes.
	Set []uint64
	// Unquoted is the sorted set of distinct shingles that occur at least
	// once wholly outside quotation marks.
	Unquoted []uint64
	// Signature is the MinHash of Set.
	Signature Signature
	// Passages are the distinct winnowed fingerprints of the shingles,
	// sorted.
	Passages []uint64
	// Paragraphs holds one hash per paragraph of normalised text, in order;
	// 0 for a paragraph with no words.
	Paragraphs []uint64
	// ParagraphWords is the number of words of each paragraph.
	ParagraphWords []int
	// Words is the number of words in the text.
	Words int
}

// mix64 is the murmur3 finaliser: a cheap bijection that spreads bits.
func mix64(z uint64) uint64 {
	z ^= z >> 33
	z *= 0xff51afd7ed558ccd
	z ^= z >> 33
	z *= 0xc4ceb9fe1a85ec53
	z ^= z >> 33
	return z
}

// word is one word of the text: its hash and whether it is quoted.
type word struct {
	h      uint64
	quoted bool
}

// quote characters: each toggles the quoted state of a paragraph. Opening
// and closing curly quotes are told apart; straight double quotes and the
// “ ” pairs of wire copy toggle.
func isOpenQuote(r rune) bool  { return r == '“' || r == '«' || r == '„' }
func isCloseQuote(r rune) bool { return r == '”' || r == '»' }

// words appends the words of p to dst, with quotation state. The state
// starts closed in every paragraph: news style reopens a quote that runs
// over a paragraph break.
func words(dst []word, p string, buf []byte) ([]word, []byte) {
	quoted := false
	flush := func() {
		if len(buf) > 0 {
			dst = append(dst, word{h: xxh3.Hash(buf), quoted: quoted})
			buf = buf[:0]
		}
	}
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				buf = append(buf, c)
			case 'A' <= c && c <= 'Z':
				buf = append(buf, c+'a'-'A')
			case c == '"':
				flush()
				quoted = !quoted
			case c == '`' && i < len(p) && p[i] == '`':
				flush()
				i++
				quoted = true
			case c == '\'' && i < len(p) && p[i] == '\'':
				flush()
				i++
				quoted = false
			default:
				flush()
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(p[i:])
		i += n
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case isOpenQuote(r):
			flush()
			quoted = true
		case isCloseQuote(r):
			flush()
			quoted = false
		default:
			flush()
		}
	}
	flush()
	return dst, buf
}

// New computes the sketch of a text given as paragraphs.
func New(paragraphs []string) *Sketch {
	s := &Sketch{Paragraphs: make([]uint64, len(paragraphs)), ParagraphWords: make([]int, len(paragraphs))}
	size := 0
	for _, p := range paragraphs {
		size += len(p)
	}
	ws := make([]word, 0, size/5+1) // news text averages about six bytes a word
	buf := make([]byte, 0, 32)
	for i, p := range paragraphs {
		start := len(ws)
		ws, buf = words(ws, p, buf)
		s.ParagraphWords[i] = len(ws) - start
		if len(ws) > start {
			h := uint64(0x243f6a8885a308d3)
			for _, w := range ws[start:] {
				h = mix64(h ^ w.h)
			}
			s.Paragraphs[i] = h | 1
		}
	}
	s.Words = len(ws)
	n := len(ws) - ShingleWords + 1
	if len(ws) > 0 && n < 1 {
		n = 1
	}
	if n <= 0 {
		return s
	}
	s.Shingles = make([]uint64, n)
	s.Quoted = make([]bool, n)
	for i := range n {
		end := min(i+ShingleWords, len(ws))
		h := uint64(0x13198a2e03707344)
		q := false
		for _, w := range ws[i:end] {
			h = (h ^ w.h) * 0x9e3779b97f4a7c15
			h = bits.RotateLeft64(h, 27)
			q = q || w.quoted
		}
		s.Shingles[i] = mix64(h) >> 1
		s.Quoted[i] = q
	}
	// One sort gives both sets: shingle hashes are 63 bits, so each fits
	// beside its quoted bit, and an unquoted occurrence sorts first.
	keys := make([]uint64, n)
	for i, h := range s.Shingles {
		keys[i] = h << 1
		if s.Quoted[i] {
			keys[i] |= 1
		}
	}
	slices.Sort(keys)
	s.Set = make([]uint64, 0, n)
	s.Unquoted = make([]uint64, 0, n)
	for _, k := range keys {
		h := k >> 1
		if len(s.Set) > 0 && s.Set[len(s.Set)-1] == h {
			continue
		}
		s.Set = append(s.Set, h)
		if k&1 == 0 {
			s.Unquoted = append(s.Unquoted, h)
		}
	}
	s.Signature = Sign(s.Set)
	s.Passages = winnow(s.Shingles)
	return s
}

// Sign returns the MinHash signature of a set of shingle hashes by
// one-permutation hashing with densification (Shrivastava, 2017): each
// shingle hash is mixed once and split into a bin (the high bits) and a
// value (the low 32 bits), each bin keeps its smallest value, and an empty bin borrows
// the value of the next non-empty bin to its right, offset by the distance,
// so that two sets agree on a bin with probability their Jaccard
// similarity. One pass over the set instead of NumHashes passes. An empty
// set gives a signature of all ones, which matches only other empty sets.
func Sign(set []uint64) Signature {
	var sig Signature
	var filled [NumHashes]bool
	for _, x := range set {
		m := mix64(x ^ 0x5851f42d4c957f2d)
		hi, _ := bits.Mul64(m, NumHashes)
		v := uint32(m)
		if !filled[hi] || v < sig[hi] {
			sig[hi] = v
			filled[hi] = true
		}
	}
	if len(set) == 0 {
		for i := range sig {
			sig[i] = math.MaxUint32
		}
		return sig
	}
	var dense Signature
	for i := range NumHashes {
		if filled[i] {
			dense[i] = sig[i]
			continue
		}
		for d := 1; d < NumHashes; d++ {
			if j := (i + d) % NumHashes; filled[j] {
				dense[i] = sig[j] + uint32(d)*0x9e3779b9
				break
			}
		}
	}
	return dense
}

// winnow returns the sorted distinct minima of every window of WinnowWindow
// shingles (the rightmost minimum on ties).
func winnow(sh []uint64) []uint64 {
	out := make([]uint64, 0, 2*len(sh)/(WinnowWindow+1)+2)
	w := min(WinnowWindow, len(sh))
	minPos := -1
	for end := w - 1; end < len(sh); end++ {
		start := end - w + 1
		if minPos < start {
			minPos = start
			for j := start + 1; j <= end; j++ {
				if sh[j] <= sh[minPos] {
					minPos = j
				}
			}
		} else if sh[end] <= sh[minPos] {
			minPos = end
		}
		if v := sh[minPos]; len(out) == 0 || out[len(out)-1] != v {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Jaccard estimates the Jaccard similarity of the sets behind two
// signatures: the share of positions where they agree.
func (sig *Signature) Jaccard(o *Signature) float64 {
	n := 0
	for i := range sig {
		if sig[i] == o[i] {
			n++
		}
	}
	return float64(n) / NumHashes
}

// Intersect returns the number of elements two sorted sets share.
func Intersect(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// Jaccard returns the exact Jaccard similarity of two sketches' shingle
// sets; 0 when both are empty.
func Jaccard(a, b *Sketch) float64 {
	inter := Intersect(a.Set, b.Set)
	union := len(a.Set) + len(b.Set) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// Curve returns the probability that two texts of Jaccard similarity s
// share at least one LSH band: 1 - (1 - s^Rows)^Bands.
func Curve(s float64) float64 {
	return 1 - math.Pow(1-math.Pow(s, Rows), Bands)
}

// bandKeys appends the 32-bit index keys of sig's bands to dst.
func bandKeys(dst []uint32, sig *Signature) []uint32 {
	for b := range Bands {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for _, v := range sig[b*Rows : (b+1)*Rows] {
			h = mix64(h ^ uint64(v))
		}
		dst = append(dst, key32(h, false))
	}
	return dst
}

// passageKeys appends the 32-bit index keys of the passage fingerprints.
func passageKeys(dst []uint32, passages []uint64) []uint32 {
	for _, p := range passages {
		dst = append(dst, key32(p, true))
	}
	return dst
}

// key32 folds a hash to a 31-bit key in its namespace: bit 31 clear for
// bands, set for passages. A key is never zero (zero marks an empty slot).
func key32(h uint64, passage bool) uint32 {
	k := uint32(mix64(h)>>33) | 1
	if passage {
		k |= 1 << 31
	}
	return k
}
