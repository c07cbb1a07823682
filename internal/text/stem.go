package text

import (
	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// Stem returns the Snowball (Porter2) English stem of the lower-case word w.
func Stem(w string) string {
	env := snowball.NewEnv(w)
	english.Stem(env)
	return env.Current()
}

// maxStemCache bounds a Stemmer's memory: news vocabulary follows Zipf's
// law, so a few tens of thousands of words cover almost every token.
const maxStemCache = 1 << 16

// Stemmer is Stem with a bounded cache in front, for callers that stem the
// same words again and again. It is not safe for concurrent use; give each
// goroutine its own.
type Stemmer struct {
	cache map[string]string
}

// NewStemmer returns a Stemmer with an empty cache.
func NewStemmer() *Stemmer { return &Stemmer{cache: make(map[string]string)} }

// Stem returns the stem of the lower-case word w.
func (s *Stemmer) Stem(w string) string {
	if st, ok := s.cache[w]; ok {
		return st
	}
	st := Stem(w)
	if len(s.cache) >= maxStemCache {
		clear(s.cache) // cheap and deterministic; the hot words return at once
	}
	s.cache[w] = st
	return st
}
