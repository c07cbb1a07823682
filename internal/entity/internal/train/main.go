// Command train rebuilds the entity tables in internal/entity/internal/ner:
// the dictionary tables (lex/dict.bin, lex/proper.bin) from a word list,
// and the name classifier (model.bin), an averaged perceptron trained on
// silver labels that the gazetteers and rules give on news text we may
// learn from (ECB+, CC BY 3.0) and on the template sentences beside this
// file. Run it with go generate ./internal/entity/... (see the entity
// package doc); it is deterministic.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"flag"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/entity/internal/ner"
)

func main() {
	dictPath := flag.String("dict", "/usr/share/dict/american-english", "word list, one word a line (Debian's wamerican)")
	ecb := flag.String("ecb", "", "ECB+ JSON lines (../shared/data/ecbplus/ecbplus-dev.jsonl); empty trains on templates only")
	tmpl := flag.String("templates", "templates.txt", "template sentences")
	out := flag.String("out", "../ner", "the ner package directory")
	epochs := flag.Int("epochs", 8, "training passes")
	flag.Parse()

	dict, proper, err := buildDict(*dictPath)
	if err != nil {
		log.Fatalf("dictionary: %v (install Debian's wamerican, or pass -dict)", err)
	}
	writeHashes(filepath.Join(*out, "lex", "dict.bin"), dict)
	writeHashes(filepath.Join(*out, "lex", "proper.bin"), proper)
	log.Printf("dictionary: %d common words, %d proper nouns", len(dict), len(proper))

	lex := ner.NewLexicon()
	lex.SetDict(dict, proper)
	tg := &ner.Tagger{Lex: lex}

	var exs []ner.Example
	if *ecb != "" {
		texts, err := readECB(*ecb)
		if err != nil {
			log.Fatal(err)
		}
		for _, t := range texts {
			exs = append(exs, tg.Silver(t, 2)...)
		}
		log.Printf("silver: %d examples from %d ECB+ texts", len(exs), len(texts))
	}
	te := templates(tg, *tmpl)
	log.Printf("templates: %d examples", len(te))
	exs = append(exs, te...)

	tr := ner.NewTrainer()
	rng := rand.New(rand.NewPCG(1, 2))
	for e := 0; e < *epochs; e++ {
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		ok := 0
		for _, ex := range exs {
			if tr.Update(ex) {
				ok++
			}
		}
		log.Printf("epoch %d: %.3f right", e+1, float64(ok)/float64(len(exs)))
	}
	m := tr.Model(0.01)
	if err := os.WriteFile(filepath.Join(*out, "model.bin"), m.Marshal(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("model: %d features", m.Size())
}

// buildDict reads a word list: lower-case words are common words; words
// that appear only capitalised are proper nouns.
func buildDict(path string) (dict, proper []uint32, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	lower := map[string]bool{}
	var caps []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasSuffix(w, "'s") {
			continue
		}
		r := []rune(w)
		if unicode.IsUpper(r[0]) {
			caps = append(caps, strings.ToLower(w))
		} else {
			lower[w] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	seen := map[uint32]bool{}
	for w := range lower {
		h := ner.Hash32(w)
		if !seen[h] {
			seen[h] = true
			dict = append(dict, h)
		}
	}
	pseen := map[uint32]bool{}
	for _, w := range caps {
		if lower[w] {
			continue
		}
		h := ner.Hash32(w)
		if !pseen[h] {
			pseen[h] = true
			proper = append(proper, h)
		}
	}
	slices.Sort(dict)
	slices.Sort(proper)
	return dict, proper, nil
}

func writeHashes(path string, hs []uint32) {
	b := make([]byte, 4*len(hs))
	for i, h := range hs {
		binary.LittleEndian.PutUint32(b[4*i:], h)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

// readECB reads ECB+ texts and undoes their tokenisation ("“ x ”",
// "word 's", "90 - day").
func readECB(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := strings.NewReplacer("`` ", "“", " ''", "”", " 's", "’s", " n't", "n't", " ,", ",", " .", ".", " :", ":",
		" ;", ";", " ?", "?", " !", "!", " - ", "-", "( ", "(", " )", ")", " %", "%", "$ ", "$")
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, err
		}
		out = append(out, r.Replace(rec.Text))
	}
	return out, sc.Err()
}

// templates fills the template sentences with names and labels the slots.
func templates(tg *ner.Tagger, path string) []ner.Example {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	lex := tg.Lex
	places := titled(lex.Names(ner.Place))
	orgs := titled(lex.Names(ner.Org))
	misc := titled(lex.Names(ner.Misc))
	first := titled(lex.FirstNames())
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	var exs []ner.Example
	for round := 0; round < 60; round++ {
		for _, l := range lines {
			var text strings.Builder
			var spans [][3]int
			rest := l
			for {
				i := strings.IndexByte(rest, '{')
				if i < 0 {
					text.WriteString(rest)
					break
				}
				j := strings.IndexByte(rest[i:], '}') + i
				text.WriteString(rest[:i])
				slot := rest[i+1 : j]
				rest = rest[j+1:]
				var name string
				var t ner.Type
				invented := rng.IntN(2) == 0
				switch slot {
				case "PER":
					name, t = pick(first)+" "+invent(rng, ""), ner.Person
				case "SUR":
					name, t = invent(rng, ""), ner.Person
				case "LOC":
					t = ner.Place
					if invented {
						name = invent(rng, pick([]string{"ia", "ovo", "nik", "stan", "land", "a", "burg", "grad", "sa", "ar"}))
					} else {
						name = pick(places)
					}
				case "ORG":
					t = ner.Org
					if invented {
						name = invent(rng, "") + pick([]string{"", " Group", " Holdings", " Bank", "corp", " Energy"})
					} else {
						name = pick(orgs)
					}
				case "MISC":
					name, t = pick(misc), ner.Misc
				default:
					log.Fatalf("unknown slot %q", slot)
				}
				s := text.Len()
				text.WriteString(name)
				spans = append(spans, [3]int{s, text.Len(), int(t)})
			}
			exs = append(exs, tg.Labelled(text.String(), spans, round%2 == 0)...)
		}
	}
	return exs
}

// titled keeps the names written with capitals, one word to three.
func titled(xs []string) []string {
	var out []string
	for _, x := range xs {
		w := strings.Fields(x)
		if len(w) > 3 {
			continue
		}
		for i := range w {
			r := []rune(w[i])
			r[0] = unicode.ToUpper(r[0])
			w[i] = string(r)
		}
		out = append(out, strings.Join(w, " "))
	}
	return out
}

// invent makes up a name from syllables, with an ending.
func invent(rng *rand.Rand, end string) string {
	syl := []string{"ka", "ro", "vel", "mar", "den", "sto", "lin", "ha", "gru", "bel", "tor", "nes", "vik", "ara", "om", "ul", "sen", "dra", "pol", "mi"}
	n := 2 + rng.IntN(2)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(syl[rng.IntN(len(syl))])
	}
	s := b.String() + end
	return strings.ToUpper(s[:1]) + s[1:]
}
