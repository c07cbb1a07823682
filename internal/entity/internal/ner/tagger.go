package ner

import (
	_ "embed"
	"sync"
)

//go:embed model.bin
var modelBin []byte

var (
	defOnce sync.Once
	def     *Tagger
	defErr  error
)

// Default returns the tagger with the embedded tables.
func Default() (*Tagger, error) {
	defOnce.Do(func() {
		lex := NewLexicon()
		var m *Model
		if len(modelBin) > 0 {
			m, defErr = LoadModel(modelBin)
		}
		def = &Tagger{Lex: lex, Model: m}
	})
	return def, defErr
}
