package fingerprint

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// randomWords returns n words drawn from a large invented vocabulary, so that
// unrelated texts share almost no shingle.
func randomWords(r *rand.Rand, n int) []string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = fmt.Sprintf("w%x", r.Uint32())
	}
	return ws
}

func TestNewShingles(t *testing.T) {
	tests := []struct {
		name     string
		paras    []string
		shingles int
		quoted   []bool // nil: do not check
	}{
		{"empty", nil, 0, nil},
		{"punctuation only", []string{"— … !"}, 0, nil},
		{"short text is one shingle", []string{"Port strike ends"}, 1, []bool{false}},
		{"five words", []string{"one two three four five"}, 1, []bool{false}},
		{"seven words", []string{"one two three four five six seven"}, 3, []bool{false, false, false}},
		{"curly quote", []string{"a b c d e “f” g h i j k"}, 7, []bool{false, true, true, true, true, true, false}},
		{"wire quote", []string{"a b c d e ``f'' g h i j k"}, 7, []bool{false, true, true, true, true, true, false}},
		{"straight quote", []string{`a b c d e "f" g h i j k`}, 7, []bool{false, true, true, true, true, true, false}},
		{"quote closes at paragraph end", []string{"a b “c d", "e f g h i"}, 5, []bool{true, true, true, true, false}},
		{"paragraphs do not split shingles", []string{"one two three", "four five six"}, 2, []bool{false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(tt.paras)
			if len(s.Shingles) != tt.shingles || len(s.Quoted) != tt.shingles {
				t.Fatalf("got %d shingles (%d quote marks), want %d", len(s.Shingles), len(s.Quoted), tt.shingles)
			}
			if tt.quoted != nil && !slices.Equal(s.Quoted, tt.quoted) {
				t.Errorf("quoted = %v, want %v", s.Quoted, tt.quoted)
			}
			if len(s.Paragraphs) != len(tt.paras) {
				t.Errorf("got %d paragraph hashes for %d paragraphs", len(s.Paragraphs), len(tt.paras))
			}
		})
	}
}

func TestNewNormalises(t *testing.T) {
	a := New([]string{"The Harbour Authority said on Tuesday that the strike would end.", "Workers cheered."})
	tests := []struct {
		name  string
		paras []string
		same  bool
	}{
		{"case and punctuation", []string{"the harbour authority said, on TUESDAY, that the strike would end!", "Workers — cheered"}, true},
		{"reflowed paragraphs", []string{"The Harbour Authority said on Tuesday", "that the strike would end. Workers cheered."}, true},
		{"one word changed", []string{"The Harbour Authority said on Monday that the strike would end.", "Workers cheered."}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := New(tt.paras)
			if got := slices.Equal(a.Set, b.Set); got != tt.same {
				t.Errorf("same shingle set = %v, want %v", got, tt.same)
			}
			if got := a.Signature == b.Signature; got != tt.same {
				t.Errorf("same signature = %v, want %v", got, tt.same)
			}
		})
	}
	if New([]string{"Workers cheered."}).Paragraphs[0] != New([]string{"workers CHEERED"}).Paragraphs[0] {
		t.Error("paragraph hash depends on case or punctuation")
	}
}

// TestJaccardEstimate builds pairs of sets with a known Jaccard similarity
// and checks the MinHash estimate: each within 5 standard errors, and the
// mean absolute error within the expected bound.
func TestJaccardEstimate(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var sumErr float64
	n := 0
	for _, s := range []float64{0, 0.1, 0.25, 0.5, 0.75, 0.9, 1} {
		t.Run(fmt.Sprintf("s=%.2f", s), func(t *testing.T) {
			for range 50 {
				a, b := setsWithJaccard(r, 400, s)
				sa, sb := Sign(a), Sign(b)
				est := sa.Jaccard(&sb)
				se := math.Sqrt(s*(1-s)/NumHashes) + 1e-9
				if math.Abs(est-s) > 5*se+0.02 {
					t.Errorf("estimate %.3f for true Jaccard %.3f (standard error %.3f)", est, s, se)
				}
				sumErr += math.Abs(est - s)
				n++
			}
		})
	}
	if mean := sumErr / float64(n); mean > 0.04 {
		t.Errorf("mean absolute error %.3f, want ≤ 0.04", mean)
	}
}

// setsWithJaccard returns two sorted sets of size about n with the given
// Jaccard similarity: inter / (2n - inter) = s.
func setsWithJaccard(r *rand.Rand, n int, s float64) (a, b []uint64) {
	inter := int(math.Round(2 * float64(n) * s / (1 + s)))
	for range inter {
		x := r.Uint64()
		a = append(a, x)
		b = append(b, x)
	}
	for range n - inter {
		a = append(a, r.Uint64())
		b = append(b, r.Uint64())
	}
	slices.Sort(a)
	slices.Sort(b)
	return a, b
}

// TestCurveMatchesSimulation checks the documented detection curve against
// the band keys the index uses, on random sets of known Jaccard.
func TestCurveMatchesSimulation(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const pairs = 600
	for _, s := range []float64{0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8} {
		t.Run(fmt.Sprintf("s=%.1f", s), func(t *testing.T) {
			hit := 0
			for range pairs {
				a, b := setsWithJaccard(r, 300, s)
				sa, sb := Sign(a), Sign(b)
				ka, kb := bandKeys(nil, &sa), bandKeys(nil, &sb)
				for i := range ka {
					if ka[i] == kb[i] {
						hit++
						break
					}
				}
			}
			got, want := float64(hit)/pairs, Curve(s)
			// Rounding the intersection shifts the true s slightly: allow
			// four binomial standard errors and a little more.
			tol := 4*math.Sqrt(want*(1-want)/pairs) + 0.03
			if math.Abs(got-want) > tol {
				t.Errorf("P(candidate) = %.3f, curve says %.3f (±%.3f)", got, want, tol)
			}
		})
	}
}

// TestWinnowGuarantee: any shared run of WinnowWindow+ShingleWords-1 words
// yields a shared passage fingerprint.
func TestWinnowGuarantee(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	run := WinnowWindow + ShingleWords - 1
	for i := range 200 {
		shared := randomWords(r, run)
		a := append(append(randomWords(r, r.IntN(200)), shared...), randomWords(r, r.IntN(200))...)
		b := append(append(randomWords(r, r.IntN(200)), shared...), randomWords(r, r.IntN(200))...)
		sa, sb := New([]string{strings.Join(a, " ")}), New([]string{strings.Join(b, " ")})
		if Intersect(sa.Passages, sb.Passages) == 0 {
			t.Fatalf("case %d: a shared run of %d words gave no shared passage fingerprint", i, run)
		}
	}
}

func TestIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	para := func() string { return strings.Join(randomWords(r, 60), " ") }
	var orig []string
	for range 8 {
		orig = append(orig, para())
	}
	x := NewIndex()
	held := []*Sketch{New(orig)}
	x.Add(0, held[0])
	// Unrelated articles, enough to force several rehashes.
	for i := 1; i < 3000; i++ {
		s := New([]string{para(), para(), para()})
		held = append(held, s)
		x.Add(uint32(i), s)
	}
	edited := slices.Clone(orig)
	edited[3] = para()
	tests := []struct {
		name  string
		query []string
		want  bool
	}{
		{"verbatim", orig, true},
		{"bio appended", append(slices.Clone(orig), para()), true},
		{"trimmed to half", orig[:4], true},
		{"one paragraph replaced", edited, true},
		{"two paragraphs quoted elsewhere", []string{para(), orig[2], orig[5], para(), para(), para()}, true},
		{"unrelated", []string{para(), para()}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := x.Candidates(nil, New(tt.query))
			found := slices.ContainsFunc(cs, func(c Candidate) bool { return c.Doc == 0 })
			if found != tt.want {
				t.Errorf("original found = %v, want %v (candidates %v)", found, tt.want, cs)
			}
			if len(cs) > 1 {
				t.Errorf("%d candidates, want at most the original: %v", len(cs), cs)
			}
		})
	}
	if x.Len() != 3000 {
		t.Errorf("Len = %d, want 3000", x.Len())
	}
	// Remove half the articles: the original is gone, the others stay.
	for i := 0; i < 3000; i += 2 {
		x.Remove(uint32(i), held[i])
	}
	if cs := x.Candidates(nil, held[0]); len(cs) != 0 {
		t.Errorf("removed article still a candidate: %v", cs)
	}
	for i := 1; i < 3000; i += 2 {
		cs := x.Candidates(nil, held[i])
		if len(cs) != 1 || cs[0].Doc != uint32(i) || cs[0].Bands != Bands {
			t.Fatalf("article %d after removals: candidates %v", i, cs)
		}
	}
}

// TestIndexBoilerplate: a passage shared by more than MaxPostings articles
// stops making candidates; a band shared that widely still does.
func TestIndexBoilerplate(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	boiler := strings.Join(randomWords(r, 80), " ")
	x := NewIndex()
	for i := range MaxPostings + 10 {
		x.Add(uint32(i), New([]string{strings.Join(randomWords(r, 300), " "), boiler}))
	}
	if cs := x.Candidates(nil, New([]string{strings.Join(randomWords(r, 300), " "), boiler})); len(cs) != 0 {
		t.Errorf("boilerplate made %d candidates", len(cs))
	}
	story := New([]string{strings.Join(randomWords(r, 300), " ")})
	for i := range MaxPostings + 10 {
		x.Add(uint32(1000+i), story)
	}
	if cs := x.Candidates(nil, story); len(cs) != MaxPostings {
		t.Errorf("widely copied story: %d candidates, want %d", len(cs), MaxPostings)
	}
}

func FuzzNew(f *testing.F) {
	for _, s := range []string{"", "a", "“quoted” text here and there", "``wire'' quote 'single' \"x\"", "Ünïcödé wörds — mixed, 123 numbers", "a\n\nb\n\nc d e f g h i j"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := New(strings.Split(text, "\n\n"))
		if len(s.Quoted) != len(s.Shingles) {
			t.Fatalf("%d quote marks for %d shingles", len(s.Quoted), len(s.Shingles))
		}
		if !slices.IsSorted(s.Set) || len(slices.Compact(slices.Clone(s.Set))) != len(s.Set) {
			t.Fatal("Set not sorted and distinct")
		}
		if Intersect(s.Passages, s.Set) != len(s.Passages) {
			t.Fatal("a passage fingerprint is not a shingle")
		}
		if (s.Words == 0) != (len(s.Shingles) == 0) {
			t.Fatalf("%d words, %d shingles", s.Words, len(s.Shingles))
		}
	})
}

// TestCurveOnTexts checks the detection curve end to end, on sketches of
// texts (New) rather than on random sets: pairs of texts that share a
// prefix of varying length, each pair expected to share a band with
// probability Curve(its exact Jaccard).
func TestCurveOnTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	const pairs = 400
	var want, got, estErr float64
	unrelated := 0
	for i := range pairs {
		shared := r.IntN(400)
		common := randomWords(r, shared)
		a := New([]string{strings.Join(append(slices.Clone(common), randomWords(r, 400-shared)...), " ")})
		b := New([]string{strings.Join(append(slices.Clone(common), randomWords(r, 400-shared)...), " ")})
		exact := Jaccard(a, b)
		want += Curve(exact)
		estErr += math.Abs(a.Signature.Jaccard(&b.Signature) - exact)
		if slices.ContainsFunc(bandKeys(nil, &a.Signature), func(k uint32) bool { return slices.Contains(bandKeys(nil, &b.Signature), k) }) {
			got++
		}
		// And an unrelated text never shares a band.
		c := New([]string{strings.Join(randomWords(r, 400), " ")})
		ka, kc := bandKeys(nil, &a.Signature), bandKeys(nil, &c.Signature)
		for j := range ka {
			if ka[j] == kc[j] {
				unrelated++
				t.Logf("pair %d: unrelated texts share band %d", i, j)
			}
		}
	}
	mean := want / pairs
	if tol := 4*math.Sqrt(mean*(1-mean)/pairs) + 0.03; math.Abs(got/pairs-mean) > tol {
		t.Errorf("share a band: %.3f of pairs, curve says %.3f (±%.3f)", got/pairs, mean, tol)
	}
	if unrelated > 0 {
		t.Errorf("%d band collisions between unrelated texts", unrelated)
	}
	// With NumHashes independent values the mean error is at most about
	// 0.045 (at s = 0.5); correlated values (a bias in the bins) give far
	// more.
	if e := estErr / pairs; e > 0.06 {
		t.Errorf("mean Jaccard estimate error on texts %.3f, want ≤ 0.06", e)
	}
}
