package entity

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// GoldMention is one hand-annotated mention. Offsets are code points.
type GoldMention struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Type      Type   `json:"type"`
	Canonical string `json:"canonical"`
	// Nominal marks a role mention ("the minister"); these are scored
	// apart from names, as role resolution.
	Nominal bool `json:"nominal,omitempty"`
}

// GoldDoc is one annotated text: the demo articles carry their text; the
// seed articles name their file instead.
type GoldDoc struct {
	ID       string        `json:"id,omitempty"`
	File     string        `json:"file,omitempty"`
	Text     string        `json:"text,omitempty"`
	Mentions []GoldMention `json:"mentions"`
}

// GoldSet is a file of annotated texts.
type GoldSet struct {
	Comment  string    `json:"comment,omitempty"`
	Articles []GoldDoc `json:"articles"`
}

// Score is precision, recall and F1 of one class of mentions.
type Score struct {
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (s *Score) finish() {
	if s.Predicted > 0 {
		s.Precision = float64(s.Correct) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Correct) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Report is the evaluation of an extractor against a gold set.
type Report struct {
	Docs int `json:"docs"`
	// ByType scores named mentions by exact span and type.
	ByType  map[Type]*Score `json:"by_type"`
	Overall Score           `json:"overall"`
	// Canonical is the share of exactly matched mentions whose canonical
	// name is the gold one.
	CanonicalMatched int     `json:"canonical_matched"`
	CanonicalCorrect int     `json:"canonical_correct"`
	Canonical        float64 `json:"canonical_accuracy"`
	// Roles scores role mentions ("the minister") by exact span and the
	// person they were resolved to.
	Roles Score `json:"roles"`
}

// Types lists the entity types in report order.
var Types = []Type{Person, Org, Place, Misc}

// String formats the report as a table.
func (r *Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %5s %5s %5s %6s %6s %6s\n", "type", "gold", "pred", "ok", "P", "R", "F1")
	row := func(name string, s *Score) {
		fmt.Fprintf(&b, "%-8s %5d %5d %5d %6.3f %6.3f %6.3f\n", name, s.Gold, s.Predicted, s.Correct, s.Precision, s.Recall, s.F1)
	}
	for _, t := range Types {
		if s := r.ByType[t]; s != nil {
			row(string(t), s)
		}
	}
	row("overall", &r.Overall)
	fmt.Fprintf(&b, "canonical name accuracy of matched mentions: %.3f (%d/%d)\n", r.Canonical, r.CanonicalCorrect, r.CanonicalMatched)
	if r.Roles.Gold > 0 {
		fmt.Fprintf(&b, "role mentions resolved (span and person): P %.3f R %.3f F1 %.3f (%d gold)\n", r.Roles.Precision, r.Roles.Recall, r.Roles.F1, r.Roles.Gold)
	}
	return b.String()
}

// Evaluate scores extract on docs (each with its text filled in).
// Predicted mentions of types other than the four, and role mentions, are
// scored apart; a prediction counts once.
func Evaluate(docs []GoldDoc, extract func(text string) []Mention) Report {
	r := Report{ByType: map[Type]*Score{}}
	for _, t := range Types {
		r.ByType[t] = &Score{}
	}
	type key struct {
		s, e int
		t    Type
	}
	for _, d := range docs {
		r.Docs++
		pred := extract(d.Text)
		got := map[key]Mention{}
		gotRole := map[[2]int]Mention{}
		for _, m := range pred {
			if m.Nominal {
				gotRole[[2]int{m.Start, m.End}] = m
				r.Roles.Predicted++
				continue
			}
			if s := r.ByType[m.Type]; s != nil {
				s.Predicted++
				got[key{m.Start, m.End, m.Type}] = m
			}
		}
		for _, g := range d.Mentions {
			if g.Nominal {
				r.Roles.Gold++
				if m, ok := gotRole[[2]int{g.Start, g.End}]; ok && m.Canonical == g.Canonical {
					r.Roles.Correct++
				}
				continue
			}
			s := r.ByType[g.Type]
			if s == nil {
				continue
			}
			s.Gold++
			if m, ok := got[key{g.Start, g.End, g.Type}]; ok {
				s.Correct++
				r.CanonicalMatched++
				if m.Canonical == g.Canonical {
					r.CanonicalCorrect++
				}
			}
		}
	}
	for _, t := range Types {
		s := r.ByType[t]
		s.finish()
		r.Overall.Gold += s.Gold
		r.Overall.Predicted += s.Predicted
		r.Overall.Correct += s.Correct
	}
	r.Overall.finish()
	r.Roles.finish()
	if r.CanonicalMatched > 0 {
		r.Canonical = float64(r.CanonicalCorrect) / float64(r.CanonicalMatched)
	}
	return r
}

// ReadGold reads a gold file.
func ReadGold(path string) (GoldSet, error) {
	var g GoldSet
	b, err := os.ReadFile(path)
	if err != nil {
		return g, err
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return g, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}

// ErrNoSeeds is returned (wrapped) by LoadGold when the seed texts are
// absent; the demo part is still returned.
var ErrNoSeeds = errors.New("seed texts not found")

// LoadGold reads the gold set under goldDir (demo.json with its texts,
// seeds.json with offsets only) and fills in the seed texts from seedsDir
// (../shared/data/seeds). It checks that every gold mention's text is the
// text at its offsets. When seedsDir is missing, it returns the demo
// documents and an error wrapping ErrNoSeeds.
func LoadGold(goldDir, seedsDir string) ([]GoldDoc, error) {
	demo, err := ReadGold(filepath.Join(goldDir, "demo.json"))
	if err != nil {
		return nil, err
	}
	docs := demo.Articles
	seeds, err := ReadGold(filepath.Join(goldDir, "seeds.json"))
	if err != nil {
		return nil, err
	}
	var seedErr error
	for _, d := range seeds.Articles {
		b, err := os.ReadFile(filepath.Join(seedsDir, d.File))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				seedErr = fmt.Errorf("%w: %v", ErrNoSeeds, err)
				continue
			}
			return nil, err
		}
		d.Text = string(b)
		docs = append(docs, d)
	}
	if err := checkGold(docs); err != nil {
		return nil, err
	}
	return docs, seedErr
}

// checkGold checks that every gold mention's text is the text at its
// offsets.
func checkGold(docs []GoldDoc) error {
	for _, d := range docs {
		rs := []rune(d.Text)
		for _, m := range d.Mentions {
			if m.Start < 0 || m.End > len(rs) || m.Start >= m.End || string(rs[m.Start:m.End]) != m.Text {
				return fmt.Errorf("gold %s%s: mention %q at %d–%d does not match the text", d.ID, d.File, m.Text, m.Start, m.End)
			}
		}
	}
	return nil
}

// LoadHeldout reads the held-out gold set (heldout.json under goldDir):
// invented articles annotated before the rules were tuned on them, kept
// apart from the development set that LoadGold reads.
func LoadHeldout(goldDir string) ([]GoldDoc, error) {
	g, err := ReadGold(filepath.Join(goldDir, "heldout.json"))
	if err != nil {
		return nil, err
	}
	if err := checkGold(g.Articles); err != nil {
		return nil, err
	}
	return g.Articles, nil
}

// EvaluateHeldout scores x on the held-out gold set (see LoadHeldout).
func EvaluateHeldout(x *Extractor, goldDir string) (Report, error) {
	docs, err := LoadHeldout(goldDir)
	if err != nil {
		return Report{}, err
	}
	return Evaluate(docs, x.Extract), nil
}

// EvaluateGold scores x on the gold set (see LoadGold); without the seed
// texts it scores the demo articles alone and says so in the error.
func EvaluateGold(x *Extractor, goldDir, seedsDir string) (Report, error) {
	docs, err := LoadGold(goldDir, seedsDir)
	if docs == nil {
		return Report{}, err
	}
	return Evaluate(docs, x.Extract), err
}
