package ner

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strings"
	"unicode"
)

// Model is an averaged perceptron over features of a candidate name and
// its context. It decides the type of capitalised names that no gazetteer,
// title, affix or context rule types.
type Model struct {
	w map[uint64][numTypes]float32
}

const modelMagic = "PXNER1\n"

// LoadModel reads a model written by (*Model).Marshal.
func LoadModel(b []byte) (*Model, error) {
	if !strings.HasPrefix(string(b), modelMagic) {
		return nil, errors.New("ner: not a model table")
	}
	b = b[len(modelMagic):]
	const rec = 8 + 4*int(numTypes)
	if len(b)%rec != 0 {
		return nil, errors.New("ner: truncated model table")
	}
	m := &Model{w: make(map[uint64][numTypes]float32, len(b)/rec)}
	for len(b) > 0 {
		h := binary.LittleEndian.Uint64(b)
		var v [numTypes]float32
		for c := range v {
			v[c] = math.Float32frombits(binary.LittleEndian.Uint32(b[8+4*c:]))
		}
		m.w[h] = v
		b = b[rec:]
	}
	return m, nil
}

// Marshal writes the model in a stable order.
func (m *Model) Marshal() []byte {
	keys := make([]uint64, 0, len(m.w))
	for k := range m.w {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := []byte(modelMagic)
	var buf [8]byte
	for _, k := range keys {
		binary.LittleEndian.PutUint64(buf[:], k)
		out = append(out, buf[:]...)
		v := m.w[k]
		for c := range v {
			binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(v[c]))
			out = append(out, buf[:4]...)
		}
	}
	return out
}

// Size is the number of features with weights.
func (m *Model) Size() int {
	if m == nil {
		return 0
	}
	return len(m.w)
}

// Classify returns the type of candidate [i,j) and its margin.
func (m *Model) Classify(d *doc, i, j int) (Type, float32, [numTypes]float32) {
	if m == nil || len(m.w) == 0 {
		return None, 0, [numTypes]float32{}
	}
	var sc [numTypes]float32
	d.features(i, j, false, func(h uint64) {
		if v, ok := m.w[h]; ok {
			for c := range sc {
				sc[c] += v[c]
			}
		}
	})
	best := None
	for c := Type(1); c < numTypes; c++ {
		if sc[c] > sc[best] {
			best = c
		}
	}
	return best, sc[best], sc
}

// fnv-1a, 64 bits, over a prefix and a value, without allocating.
func fh(prefix, v string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(prefix); i++ {
		h ^= uint64(prefix[i])
		h *= 1099511628211
	}
	h ^= '='
	h *= 1099511628211
	for i := 0; i < len(v); i++ {
		h ^= uint64(v[i])
		h *= 1099511628211
	}
	return h
}

func shape(w string) string {
	var b [8]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = '-'
		}
		if c != last && n < len(b) {
			b[n] = c
			n++
		}
		last = c
	}
	return string(b[:n])
}

func suffix(w string, n int) string {
	r := []rune(w)
	if len(r) <= n {
		return w
	}
	return string(r[len(r)-n:])
}

// features emits the hashed features of candidate [i,j). With mask, the
// features that name the words themselves are left out, so that a model
// trained on known names learns what unknown names look like.
func (d *doc) features(i, j int, mask bool, emit func(uint64)) {
	toks := d.toks
	lex := d.tg.Lex
	emit(fh("bias", ""))
	n := j - i
	if n > 4 {
		n = 4
	}
	emit(fh("n", string(rune('0'+n))))
	first := strings.TrimRight(toks[i].Low, "’'")
	last := strings.TrimRight(toks[j-1].Low, "’'")
	if !mask {
		for k := i; k < j; k++ {
			emit(fh("w", strings.TrimRight(toks[k].Low, "’'")))
		}
		emit(fh("first", first))
		emit(fh("last", last))
	}
	var sh strings.Builder
	for k := i; k < j && k < i+3; k++ {
		sh.WriteString(shape(toks[k].Text))
		sh.WriteByte(' ')
	}
	emit(fh("shape", sh.String()))
	emit(fh("suf2", suffix(last, 2)))
	emit(fh("suf3", suffix(last, 3)))
	emit(fh("suf4", suffix(last, 4)))
	emit(fh("fsuf3", suffix(first, 3)))
	ctx := func(k int) string {
		if k < 0 || k >= len(toks) {
			return "<s>"
		}
		t := &toks[k]
		if t.Kind == KNum {
			return "<num>"
		}
		if t.Kind == KWord && t.Cap && k != i-1 {
			return "<Cap>"
		}
		return t.Low
	}
	p1, p2, n1, n2 := ctx(i-1), ctx(i-2), ctx(j), ctx(j+1)
	if toks[i].Para {
		p1, p2 = "<p>", "<p>"
	}
	emit(fh("p1", p1))
	emit(fh("p2", p2+" "+p1))
	emit(fh("n1", n1))
	emit(fh("n2", n1+" "+n2))
	emit(fh("p1n1", p1+" "+n1))
	if i > 0 && toks[i-1].Kind == KWord && toks[i-1].Cap {
		emit(fh("p1cap", ""))
	}
	if toks[i].Start {
		emit(fh("start", ""))
	}
	allUpper := true
	for k := i; k < j; k++ {
		if !toks[k].Upper {
			allUpper = false
		}
		if strings.ContainsAny(toks[k].Text, "-‐") {
			emit(fh("hyph", ""))
		}
		if strings.ContainsAny(toks[k].Text, "0123456789") {
			emit(fh("digit", ""))
		}
	}
	if allUpper {
		emit(fh("upper", ""))
	}
	if lex.first[first] {
		emit(fh("given", ""))
	}
	if lex.InDict(first) {
		emit(fh("dict1", ""))
	}
	if lex.InDict(last) {
		emit(fh("dictN", ""))
	}
	if lex.InProper(last) {
		emit(fh("proper", ""))
	}
	if d.hasDemonym(last) {
		emit(fh("demonym", ""))
	}
	if d.midCap[first] {
		emit(fh("midcap", ""))
	}
}

// Example is one training instance: a candidate's features and its type.
type Example struct {
	F     []uint64
	Label Type
}

// Trainer trains an averaged perceptron.
type Trainer struct {
	w, acc map[uint64]*[numTypes]float64
	t      int
}

// NewTrainer returns an empty trainer.
func NewTrainer() *Trainer {
	return &Trainer{w: map[uint64]*[numTypes]float64{}, acc: map[uint64]*[numTypes]float64{}}
}

// Update trains on one example and reports whether it was right.
func (tr *Trainer) Update(ex Example) bool {
	tr.t++
	var sc [numTypes]float64
	for _, f := range ex.F {
		if v := tr.w[f]; v != nil {
			for c := range sc {
				sc[c] += v[c]
			}
		}
	}
	best := None
	for c := Type(1); c < numTypes; c++ {
		if sc[c] > sc[best] {
			best = c
		}
	}
	if best == ex.Label {
		return true
	}
	for _, f := range ex.F {
		v := tr.w[f]
		if v == nil {
			v = new([numTypes]float64)
			tr.w[f] = v
			tr.acc[f] = new([numTypes]float64)
		}
		a := tr.acc[f]
		v[ex.Label]++
		v[best]--
		a[ex.Label] += float64(tr.t)
		a[best] -= float64(tr.t)
	}
	return false
}

// Model returns the averaged weights, dropping features whose weights are
// all below prune in absolute value.
func (tr *Trainer) Model(prune float64) *Model {
	m := &Model{w: map[uint64][numTypes]float32{}}
	T := float64(tr.t + 1)
	for f, v := range tr.w {
		a := tr.acc[f]
		var out [numTypes]float32
		keep := false
		for c := range v {
			// averaged weight: w - acc/T (updates stamped with time)
			avg := v[c] - a[c]/T
			out[c] = float32(avg)
			if math.Abs(avg) >= prune {
				keep = true
			}
		}
		if keep {
			m.w[f] = out
		}
	}
	return m
}

// Silver runs the rules over text and returns training examples: every
// candidate the gazetteers, titles, affixes or the text itself typed, with
// the words themselves masked in a share of them, and the sentence-initial
// common words the rules drop, as None.
func (tg *Tagger) Silver(text string, maskEvery int) []Example {
	saved := tg.Model
	tg.Model = nil
	defer func() { tg.Model = saved }()
	d := newDoc(tg, text)
	toks := d.toks
	d.runs()
	d.docLevel()
	var out []Example
	n := 0
	for _, s := range d.spans {
		if s.Nominal || s.Type == None || s.T1-s.T0 > 3 {
			continue
		}
		n++
		var f []uint64
		d.features(s.T0, s.T1, maskEvery > 0 && n%maskEvery != 0, func(h uint64) { f = append(f, h) })
		out = append(out, Example{F: f, Label: s.Type})
	}
	// None: capitalised words that are not names
	for k, t := range toks {
		if d.used[k] || t.Kind != KWord || !t.Cap || t.Upper {
			continue
		}
		low := strings.TrimRight(t.Low, "’'")
		if d.tg.Lex.commonCap[low] || (t.Start && d.common(k)) {
			var f []uint64
			d.features(k, k+1, k%2 == 0, func(h uint64) { f = append(f, h) })
			out = append(out, Example{F: f, Label: None})
		}
	}
	return out
}

// Labelled returns training examples for the given spans of text, each
// [byte start, byte end, type]; spans that do not fall on token
// boundaries are skipped.
func (tg *Tagger) Labelled(text string, spans [][3]int, mask bool) []Example {
	d := newDoc(tg, text)
	toks := d.toks
	var out []Example
	for _, sp := range spans {
		i, j := -1, -1
		for k, t := range toks {
			if t.B == sp[0] {
				i = k
			}
			if t.BE == sp[1] {
				j = k + 1
			}
		}
		if i < 0 || j <= i {
			continue
		}
		var f []uint64
		d.features(i, j, mask, func(h uint64) { f = append(f, h) })
		out = append(out, Example{F: f, Label: Type(sp[2])})
	}
	return out
}

// SetDict replaces the dictionary tables (for the training program, which
// builds them).
func (l *Lexicon) SetDict(dict, proper []uint32) { l.dict, l.proper = dict, proper }

// Names lists the gazetteer's surface forms of one type, sorted.
func (l *Lexicon) Names(t Type) []string {
	var out []string
	for k, e := range l.gaz {
		if e.typ == t {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// FirstNames lists the given names, sorted.
func (l *Lexicon) FirstNames() []string {
	var out []string
	for k := range l.first {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
