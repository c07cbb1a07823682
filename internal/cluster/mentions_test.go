package cluster

import (
	"strings"
	"testing"
)

// TestMentions: with the entity stage's mentions, the body's names are
// the canonical ones, counted in the zone they are mentioned in (a lead
// place after "in" is a place), and the title's spans take the body's
// canonical names where they are one of them or a person's surname.
func TestMentions(t *testing.T) {
	body := "Karsenia's foreign minister met Valdorian officials in Sarnovo on Tuesday" +
		strings.Repeat(", and the talks went on", 12) + ".\n\n" +
		"Later in the day Velescu spoke to reporters about the talks, which ran for three hours and ended without a statement from either side."
	lead := strings.Index(body, "Karsenia")
	ms := []Mention{
		{Name: "Karsenia", Start: lead},
		{Name: "Dmitar Velescu", Start: strings.Index(body, "foreign minister"), Person: true},
		{Name: "Sarnovo", Start: strings.Index(body, "Sarnovo")},
		{Name: "Dmitar Velescu", Start: strings.Index(body, "Velescu"), Person: true},
	}
	v := Vectorize(Doc{ID: "a", Title: "Velescu in Sarnovo", Text: body, Mentions: ms})
	got := map[string]feature{}
	for _, f := range v.ents {
		got[f.surface] = f
	}
	if f, ok := got["Dmitar Velescu"]; !ok || f.n[zoneTitle] != 1 || f.n[zoneLead] != 1 || f.n[zoneRest] != 1 {
		t.Errorf("Dmitar Velescu counted %v by zone (title, lead, rest), want one in each", f.n)
	}
	if _, ok := got["Velescu"]; !ok {
		t.Errorf("a person's surname should count too: %v", got)
	} else if got["Velescu"].whole {
		t.Errorf("the title's Velescu should have become Dmitar Velescu, not a name of its own")
	}
	var places []string
	for _, p := range v.places {
		places = append(places, v.ents[p].surface)
	}
	if len(places) != 1 || places[0] != "Sarnovo" {
		t.Errorf("lead places %v, want [Sarnovo]", places)
	}
	if _, ok := got["Valdorian"]; ok {
		t.Errorf("with mentions, the body's capitalised spans should not count: %v", got)
	}
}

// TestMentionsOffsets: mentions are placed by code point, so names after
// multi-byte characters land on their own tokens.
func TestMentionsOffsets(t *testing.T) {
	body := "«Über» café talks — Zoë Marr met Ilse Morrow in Sarnovo."
	at := func(s string) int { return len([]rune(body[:strings.Index(body, s)])) }
	ms := []Mention{{Name: "Zoë Marr", Start: at("Zoë"), Person: true}, {Name: "Ilse Morrow", Start: at("Ilse"), Person: true}, {Name: "Sarnovo", Start: at("Sarnovo")}}
	v := Vectorize(Doc{ID: "b", Text: body, Mentions: ms})
	var places []string
	for _, p := range v.places {
		places = append(places, v.ents[p].surface)
	}
	if len(places) != 1 || places[0] != "Sarnovo" {
		t.Errorf("lead places %v, want [Sarnovo] (offsets misread?)", places)
	}
}
