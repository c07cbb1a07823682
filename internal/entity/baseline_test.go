package entity

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// proseExtract runs the prose baseline and maps its labels to ours
// (PERSON → person, GPE → place, ORG → org; prose has no misc). prose gives
// no offsets, so each entity is found in the text after the previous one.
func proseExtract(text string) []Mention {
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	var out []Mention
	byteAt := 0
	for _, e := range doc.Entities() {
		var t Type
		switch e.Label {
		case "PERSON":
			t = Person
		case "GPE":
			t = Place
		case "ORG":
			t = Org
		default:
			continue
		}
		k := strings.Index(text[byteAt:], e.Text)
		if k < 0 {
			continue
		}
		b := byteAt + k
		start := utf8.RuneCountInString(text[:b])
		out = append(out, Mention{Text: e.Text, Type: t, Canonical: e.Text, Start: start, End: start + utf8.RuneCountInString(e.Text)})
		byteAt = b + len(e.Text)
	}
	return out
}

// TestBeatsProse scores ours and the prose baseline on the gold set and
// asserts that ours has the higher overall F1.
func TestBeatsProse(t *testing.T) {
	docs := loadGold(t)
	ours := Evaluate(docs, Default().Extract)
	base := Evaluate(docs, proseExtract)
	t.Logf("ours on %d texts:\n%s", ours.Docs, ours.String())
	t.Logf("prose baseline:\n%s", base.String())
	if rules, err := New(Options{NoModel: true}); err == nil {
		r := Evaluate(docs, rules.Extract)
		t.Logf("ours without the learned classifier (rules and gazetteers only): overall F1 %.3f", r.Overall.F1)
	}
	if ours.Overall.F1 <= base.Overall.F1 {
		t.Errorf("overall F1 %.3f does not beat prose's %.3f", ours.Overall.F1, base.Overall.F1)
	}
	for _, ty := range []Type{Person, Org, Place} {
		if ours.ByType[ty].F1 < base.ByType[ty].F1 {
			t.Errorf("%s F1 %.3f below prose's %.3f", ty, ours.ByType[ty].F1, base.ByType[ty].F1)
		}
	}
	// a floor, so that regressions show
	if ours.Overall.F1 < 0.93 {
		t.Errorf("overall F1 %.3f under the 0.93 floor", ours.Overall.F1)
	}
}
