// Package text holds Parallax's language tools: the language of an article
// here, and tokens, sentences and stems beside it.
//
// Language detection uses github.com/RadhiFadlillah/whatlanggo, a trigram
// detector already in our build through go-trafilatura, restricted to the
// languages news outlets commonly publish in. We measured
// github.com/pemistahl/lingua-go too (low-accuracy mode, 28 languages): it
// is a little better on one-line texts, but its embedded models add about
// 124 MB to the binary and it takes about 1.2 ms per article, which alone
// would cap ingest near 1,700 articles/s on two cores. whatlanggo needs no
// model loading and takes a few tens of microseconds on a 1 KB sample.
// Plain English, most of what we read, is recognised by its function words
// before the trigram detector runs, which makes the common case ten times
// cheaper. Scripts that name their language outright (kana, Hangul, Han, Greek) are
// decided before any n-gram is counted.
package text

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// newsLanguages are the languages Language chooses among for scripts that
// several languages share.
var newsLanguages = []whatlanggo.Lang{
	whatlanggo.Eng, whatlanggo.Spa, whatlanggo.Fra, whatlanggo.Deu,
	whatlanggo.Ita, whatlanggo.Por, whatlanggo.Nld, whatlanggo.Rus,
	whatlanggo.Ukr, whatlanggo.Pol, whatlanggo.Ces, whatlanggo.Swe,
	whatlanggo.Dan, whatlanggo.Nob, whatlanggo.Fin, whatlanggo.Ron,
	whatlanggo.Hun, whatlanggo.Tur, whatlanggo.Arb, whatlanggo.Pes,
	whatlanggo.Heb, whatlanggo.Hin, whatlanggo.Ind, whatlanggo.Vie,
	whatlanggo.Cmn, whatlanggo.Jpn, whatlanggo.Kor, whatlanggo.Ell,
}

var options = sync.OnceValue(func() whatlanggo.Options {
	w := make(map[whatlanggo.Lang]bool, len(newsLanguages))
	for _, l := range newsLanguages {
		w[l] = true
	}
	return whatlanggo.Options{Whitelist: w}
})

// LanguageSampleLen is how many bytes of a text Language examines: the
// opening of an article names its language as surely as the whole of it.
const LanguageSampleLen = 1000

// minLetters is the fewest letters a text needs before Language will name a
// language: below it, n-gram statistics are guesswork.
const minLetters = 12

// minConfidence is the least whatlanggo confidence Language accepts; below
// it the two likeliest languages score too closely to choose.
const minConfidence = 0.05

// Language returns the ISO 639-1 code ("en", "es", "zh") of the language s
// is written in, or "" when s is too short or the detector is unsure. Only
// the first LanguageSampleLen bytes are examined. It is safe for concurrent
// use.
func Language(s string) string {
	s = sample(s)
	if !enoughLetters(s) {
		return ""
	}
	if l := byScript(s); l != "" {
		return l
	}
	if plainEnglish(s) {
		return "en"
	}
	info := whatlanggo.DetectWithOptions(s, options())
	if info.Lang < 0 || info.Confidence < minConfidence {
		return ""
	}
	return info.Lang.Iso6391()
}

// byScript names the language of scripts only one language of ours uses:
// kana is Japanese (which also writes Han), Hangul Korean, Greek Greek, and
// Han without kana Chinese. It returns "" for every other script.
func byScript(s string) string {
	var han, kana, hangul, greek, letters int
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Greek, r):
			greek++
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	switch {
	case kana > 0 && kana+han > letters/2:
		return "ja"
	case hangul > letters/2:
		return "ko"
	case han > letters/2:
		return "zh"
	case greek > letters/2:
		return "el"
	}
	return ""
}

// sample cuts s to LanguageSampleLen bytes, back to a rune boundary.
func sample(s string) string {
	if len(s) <= LanguageSampleLen {
		return s
	}
	n := LanguageSampleLen
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// enoughLetters reports whether s has at least minLetters letters. Han and
// kana characters count three times: one of them carries as much as a short
// word.
func enoughLetters(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			n += 3
		case unicode.IsLetter(r):
			n++
		}
		if n >= minLetters {
			return true
		}
	}
	return false
}

// englishWords are English function words; otherWords are function words
// of the other common Latin-script news languages that English does not
// use. A sample whose words are mostly the former and hardly ever the
// latter is English without doubt.
var englishWords, otherWords = wordSet("the of and to a in is that for on was with he it as at by said from his be have has are were an not but they this who will their had been would its which after her she we also than more about"),
	wordSet("de la el los las del que y por para con una es se lo como pero sus le les des et du une est dans pour pas au sur ne sont qui der die das und den von zu mit ist nicht ein eine dem auf sich il di che della per sono non gli nel da em os uma com não mais het een van op niet voor zijn dat")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				m[s[start:i]] = true
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return m
}

// plainEnglish reports whether at least a quarter of the sample's words are
// English function words and under one in fifty belong to another
// language's, over at least 25 words.
func plainEnglish(s string) bool {
	var words, en, other int
	var buf [16]byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		w := buf[:0]
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && r != '\'' {
				break
			}
			if len(w) < len(buf) && r < utf8.RuneSelf {
				w = append(w, byte(unicode.ToLower(r)))
			}
			j += n
		}
		words++
		if len(w) < len(buf) {
			switch {
			case englishWords[string(w)]:
				en++
			case otherWords[string(w)]:
				other++
			}
		}
		i = j
	}
	return words >= 25 && en*4 >= words && other*50 < words
}
