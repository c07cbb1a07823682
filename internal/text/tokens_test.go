package text

import (
	"slices"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, world!", []string{"Hello", "world"}},
		{"Russia’s talks in the U.S. on 14 May", []string{"Russia’s", "talks", "in", "the", "U.S", "on", "14", "May"}},
		{"co-operate — 3.5 per cent", []string{"co", "operate", "3.5", "per", "cent"}},
		{"  \n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Words(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokensOffsets(t *testing.T) {
	s := "Pompeo met Lavrov in Sochi."
	for _, tok := range Tokens(s) {
		if s[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q at %d:%d reads %q", tok.Text, tok.Start, tok.End, s[tok.Start:tok.End])
		}
	}
}

func TestContentWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string // stems
	}{
		{"The diplomats said they were negotiating", []string{"diplomat", "negoti"}},
		{"Russia’s ministers' meetings in 2019", []string{"russia", "minist", "meet"}},
		{"He told reporters about the missile on Tuesday", []string{"missil"}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, w := range ContentWords(nil, tt.in, NewStemmer()) {
				got = append(got, w.Stem)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ContentWords(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	st := NewStemmer()
	for in, want := range map[string]string{"talks": "talk", "negotiations": "negoti", "running": "run", "diplomacy": "diplomaci", "sochi": "sochi"} {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
		if got := st.Stem(in); got != want {
			t.Errorf("Stemmer.Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsStop(t *testing.T) {
	for _, w := range []string{"the", "said", "tuesday", "would"} {
		if !IsStop(w) {
			t.Errorf("%q is not a stop word", w)
		}
	}
	for _, w := range []string{"talks", "sochi", "missile"} {
		if IsStop(w) {
			t.Errorf("%q is a stop word", w)
		}
	}
}

func TestCapitalisedSpans(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"honorifics stripped", "U.S. Secretary of State Mike Pompeo met Russian Foreign Minister Sergey Lavrov.", []string{"Mike Pompeo", "Sergey Lavrov"}},
		{"sentence-initial common word", "Speaking in Sochi, Pompeo said talks would go on. Pompeo left.", []string{"Sochi", "Pompeo", "Pompeo"}},
		{"name starting a sentence", "Lavrov said so. Then Lavrov left.", []string{"Lavrov", "Lavrov"}},
		{"two-word name starting a sentence", "Tara Reid checked in.", []string{"Tara Reid"}},
		{"connector joins one word", "The Bank of England raised rates.", []string{"Bank of England"}},
		{"connector does not join two names", "Mayor Rita Conde of Calden spoke to Elio Marsh.", []string{"Rita Conde", "Calden", "Elio Marsh"}},
		{"comma separates names", "They met Pompeo, Lavrov and Putin.", []string{"Pompeo", "Lavrov", "Putin"}},
		{"possessive ends a span", "Russia’s Foreign Minister Sergey Lavrov spoke.", []string{"Russia", "Sergey Lavrov"}},
		{"no capitals", "nothing to see here.", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CapitalisedSpans(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("CapitalisedSpans(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzCapitalisedSpans(f *testing.F) {
	for _, s := range []string{"U.S. Secretary of State Mike Pompeo", "The Bank of England", "Russia’s Lavrov", "", "A. B. C.", "of of Of", "“Lavrov” (Moscow)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, span := range CapitalisedSpans(s) {
			if span == "" || strings.TrimSpace(span) != span {
				t.Errorf("span %q from %q", span, s)
			}
		}
		for _, tok := range Tokens(s) {
			if tok.Start < 0 || tok.End > len(s) || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %+v out of place in %q", tok, s)
			}
		}
	})
}

var benchText = strings.Repeat("U.S. Secretary of State Mike Pompeo said on Tuesday that talks with Russian Foreign Minister Sergey Lavrov in Sochi had been candid, and that the two countries were working on improving relations since May 14, 2019. ", 15)

// go test ./internal/text -run '^$' -bench . -count 6 | tee new.txt; benchstat old.txt new.txt
func BenchmarkContentWords(b *testing.B) {
	st := NewStemmer()
	var buf []ContentWord
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		buf = ContentWords(buf[:0], benchText, st)
	}
}

func BenchmarkCapitalisedSpans(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		CapitalisedSpans(benchText)
	}
}
