package entity

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"
)

// find returns the mentions whose text is s.
func find(ms []Mention, s string) []Mention {
	var out []Mention
	for _, m := range ms {
		if m.Text == s {
			out = append(out, m)
		}
	}
	return out
}

func TestCanonicalNames(t *testing.T) {
	cases := []struct {
		name, text, mention string
		typ                 Type
		want                string
	}{
		{"full name", "Russian FM Sergey Lavrov met reporters. Lavrov said little.", "Sergey Lavrov", Person, "Sergey Lavrov"},
		{"surname", "Russian FM Sergey Lavrov met reporters. Lavrov said little.", "Lavrov", Person, "Sergey Lavrov"},
		{"possessive title", "He told Russia’s Foreign Minister Sergey Lavrov that it would not work.", "Sergey Lavrov", Person, "Sergey Lavrov"},
		{"surname only", "The talks ended early, Lavrov said on Tuesday.", "Lavrov", Person, "Sergey Lavrov"},
		{"U.S.", "Officials in the U.S. said the talks would go on.", "U.S.", Place, "United States"},
		{"US", "Pompeo said the US was seeking a better relationship.", "US", Place, "United States"},
		{"United States", "Pompeo said the United States wants to avoid war.", "United States", Place, "United States"},
		{"America", "He said America would not back down.", "America", Place, "United States"},
		{"Russian Federation", "The Russian Federation rejected the claims.", "Russian Federation", Place, "Russia"},
		{"Russia", "Russia rejected the claims.", "Russia", Place, "Russia"},
		{"INF Treaty", "The US left the Intermediate-Range Nuclear Forces (INF) Treaty with Russia.", "Intermediate-Range Nuclear Forces (INF) Treaty", Misc, "INF Treaty"},
		{"JCPOA", "Everything must be done to save the 2015 JCPOA nuclear deal.", "JCPOA", Misc, "JCPOA"},
		{"Minsk", "The resolution begins with adherence to the Minsk agreements.", "Minsk agreements", Misc, "Minsk agreements"},
		{"Paris accord", "The country rejoined the Paris climate accord in 2021.", "Paris climate accord", Misc, "Paris Agreement"},
		{"org short form", "Norvane Health said it was sorry. Norvane has set up a helpline.", "Norvane", Org, "Norvane Health"},
		{"ministry", "The Labour Ministry says it has offered to appoint a mediator.", "Labour Ministry", Org, "Labour Ministry"},
		{"dateline", "PORT SELLAN, Valdoria (Meridian Wire) — Talks ended.", "PORT SELLAN", Place, "Port Sellan"},
	}
	x := Default()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := find(x.Extract(c.text), c.mention)
			if len(ms) == 0 {
				t.Fatalf("no mention %q in %v", c.mention, x.Extract(c.text))
			}
			for _, m := range ms {
				if m.Type != c.typ || m.Canonical != c.want {
					t.Errorf("%q: %s %q, want %s %q", c.mention, m.Type, m.Canonical, c.typ, c.want)
				}
			}
		})
	}
}

func TestRoles(t *testing.T) {
	cases := []struct {
		name, text, mention, want, role string
	}{
		{"nominal with nationality",
			"Pompeo met Russia’s Foreign Minister Sergey Lavrov in Sochi. The Russian foreign minister said the talks were useful.",
			"The Russian foreign minister", "Sergey Lavrov", "Russia's Foreign Minister"},
		{"the top diplomat",
			"U.S. Secretary of State Mike Pompeo met Russian FM Sergey Lavrov. The meeting was short, the top U.S. diplomat said.",
			"diplomat", "Mike Pompeo", ""},
		{"the minister",
			"Labour Minister Sunniva Tal said the government would not impose a settlement. “Nobody wins,” the minister said.",
			"the minister", "Sunniva Tal", ""},
		{"nationality picks the person",
			"Valdorian Foreign Minister Anselm Rook met Foreign Minister Dmitar Velescu. Afterwards the Karsenian foreign minister said little.",
			"the Karsenian foreign minister", "Dmitar Velescu", ""},
	}
	x := Default()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := x.Extract(c.text)
			var got []Mention
			for _, m := range ms {
				if m.Nominal && strings.HasSuffix(m.Text, c.mention) {
					got = append(got, m)
				}
			}
			if len(got) != 1 {
				t.Fatalf("role mention %q: got %+v", c.mention, ms)
			}
			if got[0].Canonical != c.want || got[0].Type != Person {
				t.Errorf("%q resolved to %s %q, want %q", c.mention, got[0].Type, got[0].Canonical, c.want)
			}
			if c.role != "" && got[0].Role != c.role {
				t.Errorf("role %q, want %q", got[0].Role, c.role)
			}
		})
	}
}

func TestEntityRoles(t *testing.T) {
	text := "Russian FM Sergey Lavrov and US Secretary of State Mike Pompeo met in Washington. Lavrov said the talks were useful, and Pompeo agreed."
	es := Group(Default().Extract(text))
	byName := map[string]Entity{}
	for _, e := range es {
		byName[e.Canonical] = e
	}
	lav, pom := byName["Sergey Lavrov"], byName["Mike Pompeo"]
	if !slices.Equal(lav.Roles, []string{"Russia's Foreign Minister"}) || len(lav.Mentions) != 2 {
		t.Errorf("Lavrov: %+v", lav)
	}
	if !slices.Equal(pom.Roles, []string{"United States' Secretary of State"}) || len(pom.Mentions) != 2 {
		t.Errorf("Pompeo: %+v", pom)
	}
	if es[0].Canonical != "Sergey Lavrov" {
		t.Errorf("first entity %q, want the first mentioned", es[0].Canonical)
	}
	if _, ok := byName["United States"]; !ok {
		t.Errorf("no United States in %+v", es)
	}
}

func TestRegistry(t *testing.T) {
	x := Default()
	r := NewRegistry()
	later := "The talks went well, Sorokin told reporters, and Sorokin will return in May."
	// before any article names him in full, the surname stays
	if ms := r.Canonicalise(x.Extract(later)); find(ms, "Sorokin")[0].Canonical != "Sorokin" {
		t.Fatalf("unknown surname changed: %+v", ms)
	}
	r.Canonicalise(x.Extract("Deputy Foreign Minister Gennady Sorokin arrived in Geneva on Monday."))
	ms := r.Canonicalise(x.Extract(later))
	for _, m := range find(ms, "Sorokin") {
		if m.Canonical != "Gennady Sorokin" {
			t.Errorf("Sorokin → %q, want Gennady Sorokin", m.Canonical)
		}
	}
	// a second Sorokin makes the surname ambiguous
	r.Canonicalise(x.Extract("Mayor Irina Sorokin opened the bridge."))
	if c := find(r.Canonicalise(x.Extract(later)), "Sorokin")[0].Canonical; c != "Sorokin" {
		t.Errorf("ambiguous surname → %q", c)
	}
	// state round-trips through JSON
	b, err := json.Marshal(r.Export())
	if err != nil {
		t.Fatal(err)
	}
	var st RegistryState
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	r2 := NewRegistry()
	r2.Import(st)
	b2, _ := json.Marshal(r2.Export())
	if string(b) != string(b2) {
		t.Errorf("export after import differs:\n%s\n%s", b, b2)
	}
	if c, ok := r2.Lookup(Person, "sorokin"); ok {
		t.Errorf("ambiguous Lookup gave %q", c)
	}
}

func TestRegistryConcurrent(t *testing.T) {
	x := Default()
	r := NewRegistry()
	texts := []string{
		"Foreign Minister Sergey Lavrov arrived in Sochi.",
		"Lavrov said the talks were useful.",
		"Secretary of State Mike Pompeo met him.",
		"Pompeo left for Brussels.",
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r.Canonicalise(x.Extract(texts[i%len(texts)]))
		}(i)
	}
	wg.Wait()
	if c, ok := r.Lookup(Person, "Lavrov"); !ok || c != "Sergey Lavrov" {
		t.Errorf("Lavrov → %q %v", c, ok)
	}
}

func TestNoNominals(t *testing.T) {
	x, err := New(Options{NoNominals: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range x.Extract("Labour Minister Sunniva Tal spoke. The minister said no.") {
		if m.Nominal {
			t.Errorf("role mention %q with NoNominals", m.Text)
		}
	}
}
