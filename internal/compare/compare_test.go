package compare

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/profile"
	"github.com/parallax-news/parallax/internal/quote"
)

// art builds an article with quotes from quote.Extract and test entities.
func art(id, source string, published string, paras ...string) Article {
	a := Article{ID: id, Source: source, Paragraphs: paras}
	if published != "" {
		t, err := time.Parse(time.RFC3339, published)
		if err != nil {
			panic(err)
		}
		a.Published = t
	}
	a.Entities, a.Quotes = annotated(a.Text())
	return a
}

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"One sentence here. Another one follows.", []string{"One sentence here.", "Another one follows."}},
		{"Mr. Rook met Gen. Tal at 9 a.m. on Oct. 19. Then he left.", []string{"Mr. Rook met Gen. Tal at 9 a.m. on Oct. 19.", "Then he left."}},
		{"He visited the U.S. Embassy. It was closed.", []string{"He visited the U.S. Embassy.", "It was closed."}},
		{"“It is useful,” he said. “Always better.”", []string{"“It is useful,” he said.", "“Always better.”"}},
		{"Prices rose 4.1 percent. Really? Yes!", []string{"Prices rose 4.1 percent.", "Really?", "Yes!"}},
		{"A paragraph\n\nAnother paragraph", []string{"A paragraph", "Another paragraph"}},
		{"He said it was over. and then nothing.", []string{"He said it was over. and then nothing."}},
		{"", nil},
	} {
		rs := []rune(c.in)
		var got []string
		for _, s := range sentences(rs) {
			got = append(got, string(rs[s.s:s.e]))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("sentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestQuoteMask(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`a “b c” d`, `__XXXXX__`},
		{`a "b" c`, `__XXX__`},
		{`don’t ‘x’ y`, `______XXX__`},
		{"a “b c\n\n“d”", "__XXXX__XXX"},
	} {
		m := quoteMask([]rune(c.in))
		var b strings.Builder
		for _, q := range m {
			if q {
				b.WriteByte('X')
			} else {
				b.WriteByte('_')
			}
		}
		if b.String() != c.want {
			t.Errorf("quoteMask(%q) = %s, want %s", c.in, b.String(), c.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	rs := []rune("Russia’s so-called 4.1 million don’t Guaidó 18,500")
	var got []string
	for _, tk := range tokenize(rs, newWords()) {
		got = append(got, tk.low)
	}
	want := []string{"russia", "so", "called", "4.1", "million", "don’t", "guaidó", "18500"}
	if !slices.Equal(got, want) {
		t.Errorf("tokens = %q, want %q", got, want)
	}
}

func TestDateline(t *testing.T) {
	for in, want := range map[string]string{
		"PORT SELLAN, Valdoria (Meridian Wire) — The talks began.": "PORT SELLAN, Valdoria (Meridian Wire) —",
		"SARNOVO — Velescu said.":                                  "SARNOVO —",
		"U.S. Secretary of State Mike Pompeo — said.":              "",
		"The talks — which began — ended.":                         "",
		"BERLIN - Talks ended.":                                    "BERLIN -",
	} {
		rs := []rune(in)
		if got := string(rs[:datelineEnd(rs)]); got != want {
			t.Errorf("dateline of %q = %q, want %q", in, got, want)
		}
	}
}

// TestFraming checks where a term is the outlet's and where it is not.
func TestFraming(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string // flagged texts, in order
	}{
		{"own voice", "The regime in Port Sellan refused to intervene.", []string{"regime"}},
		{"inflected", "The two regimes traded blame.", []string{"regimes"}},
		{"quoted", `Velescu called the claims “baseless” and left.`, nil},
		{"inside a quote", "“The regime has failed,” Vale said.", nil},
		{"indirect speech content", "Vale said the regime had failed its people.", nil},
		{"own voice baseless", "The baseless claims spread online.", []string{"baseless"}},
		{"technical regime", "The sanctions regime was tightened.", nil},
		{"phrase across hyphen", "The so-called thaw began in May.", []string{"so-called"}},
		{"phrase", "Valdoria tore up the accord last year.", []string{"tore up"}},
		{"not a phrase across a comma", "He tore, up to a point, the accord.", nil},
		{"hedge", "The money was allegedly moved offshore.", []string{"allegedly"}},
		{"claimed responsibility", "A group claimed responsibility on Sunday.", nil},
		{"claimed the lives", "The storm claimed the lives of four sailors.", nil},
		{"claimed as doubt", "The minister claimed the figures were wrong.", []string{"claimed"}},
		{"intensifier", "It was a very outrageous decision.", []string{"very", "outrageous"}},
		{"scare quote", "Rook backed the “interim president” Teodor Vance on Monday.", []string{"“interim president”"}},
		{"hysteria", "In a nod to the ongoing anti-Russia hysteria in the US, Lavrov said the work was hindered.", []string{"hysteria"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Compare([]Article{art("a", "Outlet", "", c.text)}, Options{})
			var got []string
			for _, f := range r.Framing[0].Flags {
				got = append(got, f.Text)
				if f.Sentence == "" || !strings.Contains(f.Sentence, f.Text) {
					t.Errorf("flag %q does not carry its sentence (%q)", f.Text, f.Sentence)
				}
				if rs := []rune(c.text); string(rs[f.Span.Start:f.Span.End]) != f.Text {
					t.Errorf("span %v is %q, not %q", f.Span, string(rs[f.Span.Start:f.Span.End]), f.Text)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("flags = %q, want %q", got, c.want)
			}
		})
	}
}

func TestTone(t *testing.T) {
	tn := tone(200, []Flag{{Category: Label, Weight: 2}, {Category: Hedge, Weight: 0.5}, {Category: ScareQuote, Weight: 1}})
	if tn.Labels.Count != 1 || tn.Labels.Per1000 != 5 || tn.Hedges.Per1000 != 5 || tn.ScareQuotes.Count != 1 || tn.Score != 17.5 {
		t.Errorf("tone = %+v", tn)
	}
	if z := tone(0, []Flag{{Category: Label, Weight: 2}}); z.Score != 0 || z.Labels.Count != 1 {
		t.Errorf("tone over no words = %+v", z)
	}
}

const (
	wireText1 = "Harbour Minister Petra Vale said on Monday that the port of Calden would reopen after the storm damaged its cranes."
	wireText2 = "The reopening is expected to restore about 4,000 jobs lost during the long closure of the harbour."
	wireText3 = "Vale said engineers had inspected every crane and found the damage smaller than feared."
)

// TestCopiesFold checks that copies count once and add only their edits.
func TestCopiesFold(t *testing.T) {
	orig := art("w1", "Wire", "2030-01-01T10:00:00Z", wireText1, wireText2, wireText3)
	verbatim := art("c1", "Aggregator", "2030-01-01T11:00:00Z", wireText1, wireText2, wireText3)
	verbatim.CopyOf = "w1"
	edited := art("c2", "Blog", "2030-01-01T12:00:00Z", wireText1, strings.Replace(wireText2, "is expected to", "will supposedly", 1), "This regime of incompetence must end, readers.")
	edited.CopyOf = "w1"
	other := art("o1", "Daily", "2030-01-01T13:00:00Z", "The port of Calden will reopen after the storm damaged its cranes, Harbour Minister Petra Vale said.", "Fishermen in Calden said they were glad.")
	r := Compare([]Article{edited, other, verbatim, orig}, Options{})
	if len(r.Voices) != 2 || r.Voices[0].Outlet != "Wire" || len(r.Voices[0].Copies) != 2 {
		t.Fatalf("voices = %+v", r.Voices)
	}
	if c := r.Voices[0].Copies[0]; c.Outlet != "Aggregator" || *c.LagSeconds != 3600 {
		t.Errorf("first copy = %+v", c)
	}
	for _, c := range r.Claims {
		if strings.Contains(c.Text, "would reopen") && len(c.Voices) != 2 {
			t.Errorf("the reopening claim is carried by %v, want the wire and the daily", c.Voices)
		}
		if len(c.Voices) > 2 {
			t.Errorf("claim %q counted %d voices: copies must count once", c.Text, len(c.Voices))
		}
	}
	var blog *Framing
	for i := range r.Framing {
		if r.Framing[i].Outlet == "Blog" {
			blog = &r.Framing[i]
		}
		if r.Framing[i].Outlet == "Aggregator" {
			t.Errorf("a verbatim copier has framing of its own: %+v", r.Framing[i])
		}
	}
	if blog == nil || !blog.Copier || len(blog.Flags) != 2 || blog.Flags[0].Text != "supposedly" || blog.Flags[1].Text != "regime" {
		t.Fatalf("the blog's own edits are not flagged as its own: %+v", blog)
	}
	if r.Framing[0].Outlet != "Wire" || len(r.Framing[0].Flags) != 0 {
		t.Errorf("the wire is charged with its copier's words: %+v", r.Framing[0])
	}
	if blog.Tone.Words == 0 || blog.Tone.Words > 20 {
		t.Errorf("the blog's own words = %d, want only its edits", blog.Tone.Words)
	}
}

func TestMissingOriginal(t *testing.T) {
	a := art("c1", "Aggregator", "2030-01-01T11:00:00Z", wireText1, wireText2)
	a.CopyOf = "gone"
	b := art("c2", "Other Aggregator", "2030-01-01T12:00:00Z", wireText1, wireText2)
	b.CopyOf = "gone"
	r := Compare([]Article{b, a}, Options{})
	if len(r.Voices) != 1 || r.Voices[0].Outlet != "Aggregator" || len(r.Voices[0].Copies) != 1 {
		t.Fatalf("voices = %+v", r.Voices)
	}
	if r.Voices[0].Articles[0].CopyOf != "gone" || len(r.Notes) != 1 {
		t.Errorf("the stand-in is not marked: %+v, notes %q", r.Voices[0].Articles, r.Notes)
	}
	// A cycle of copies must not hang.
	x := art("x", "X", "", wireText1)
	x.CopyOf = "y"
	y := art("y", "Y", "", wireText1)
	y.CopyOf = "x"
	if r := Compare([]Article{x, y}, Options{}); len(r.Voices) == 0 {
		t.Error("a copy cycle lost every voice")
	}
}

func TestPartialCopy(t *testing.T) {
	orig := art("w1", "Wire", "2030-01-01T10:00:00Z", wireText1, wireText2, wireText3)
	local := art("l1", "Local", "2030-01-02T10:00:00Z", "Calden’s fishermen waited on the quay on Tuesday for news of the cranes.", wireText2, "Ana Lund, who sells nets, said business had halved.")
	local.CopyOf, local.CopyKind = "w1", "partial"
	r := Compare([]Article{orig, local}, Options{})
	if len(r.Voices) != 2 {
		t.Fatalf("a partial copy must stay a voice: %+v", r.Voices)
	}
	for _, c := range r.Claims {
		if strings.Contains(c.Text, "4,000 jobs") {
			if len(c.Voices) != 1 || len(c.Copied) != 1 || !c.Cells[1].Copied {
				t.Errorf("the copied passage counts twice: %+v", c)
			}
			return
		}
	}
	t.Error("the copied claim is missing")
}

func TestEventsAndMissing(t *testing.T) {
	a := art("a", "A", "2030-01-01T10:00:00Z", wireText1, wireText3)
	a.EventID = "e1"
	b := art("b", "B", "2030-01-01T12:30:00Z", "Petra Vale, the harbour minister, said on Monday that the port of Calden would reopen after the storm damaged cranes.")
	b.EventID = "e1"
	c := art("c", "C", "2030-02-01T10:00:00Z", "The port of Calden was closed again after a second storm damaged its cranes and piers in February.")
	c.EventID = "e2"
	r := Compare([]Article{a, b, c}, Options{})
	if !slices.Equal(r.Events, []string{"e1", "e2"}) {
		t.Errorf("events = %q", r.Events)
	}
	var engineers *Claim
	for i := range r.Claims {
		if strings.Contains(r.Claims[i].Text, "engineers") {
			engineers = &r.Claims[i]
		}
	}
	if engineers == nil || !slices.Equal(engineers.Missing, []string{"v2"}) {
		t.Errorf("a claim on e1 only A carries: missing %+v, want B (which covered e1) and not C", engineers)
	}
	if len(r.Timing) != 2 || r.Timing[0].Outlets[1].Outlet != "B" || *r.Timing[0].Outlets[1].LagSeconds != 9000 {
		t.Errorf("timing = %+v", r.Timing)
	}
}

func TestProfilesGroup(t *testing.T) {
	set, err := profile.New([]profile.Profile{
		{Name: "Example Wire", Aliases: []string{"EW"}, Hosts: []string{"ew.example"}, Type: "wire"},
		{Name: "State Voice", Hosts: []string{"voice.example"}, Type: "state media", Country: "Examplestan"},
	})
	if err != nil {
		t.Fatal(err)
	}
	a := art("a", "EW", "2030-01-01T12:00:00Z", wireText1)
	b := art("b", "voice.example", "2030-01-01T10:00:00Z", wireText2)
	b.URL = "https://voice.example/x"
	c := art("c", "State Voice", "2030-01-01T11:00:00Z", wireText3)
	d := art("d", "Blogger", "2030-01-01T09:00:00Z", "Something else entirely happened in the town of Oster yesterday.")
	r := Compare([]Article{a, b, c, d}, Options{Profiles: set})
	if len(r.Voices) != 3 || r.Outlets != 3 {
		t.Fatalf("sources matching one profile are not one outlet: %+v", r.Voices)
	}
	if r.Voices[0].Outlet != "Blogger" || r.Voices[1].Outlet != "State Voice" || len(r.Voices[1].Articles) != 2 || r.Voices[1].Profile.Country != "Examplestan" {
		t.Errorf("voices by time = %+v", r.Voices)
	}
	r = Compare([]Article{a, b, c, d}, Options{Profiles: set, GroupByType: true})
	var order []string
	for _, v := range r.Voices {
		order = append(order, v.Outlet+"/"+v.Group)
	}
	if want := []string{"Example Wire/wire", "State Voice/state media", "Blogger/(no type)"}; !slices.Equal(order, want) {
		t.Errorf("grouped by type = %q, want %q", order, want)
	}
}

// TestDeterministic checks that input order does not change the report.
func TestDeterministic(t *testing.T) {
	var arts []Article
	for i, p := range [][]string{{wireText1, wireText2}, {wireText3, wireText1}, {"Calden reopened its port after the storm, said Vale."}, {wireText2}} {
		a := art(string(rune('a'+i)), []string{"A", "B", "C", "A"}[i], "", p...)
		arts = append(arts, a)
	}
	want, _ := json.Marshal(Compare(arts, Options{}))
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		rng.Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
		got, _ := json.Marshal(Compare(arts, Options{}))
		if string(got) != string(want) {
			t.Fatal("the report depends on the order of the articles")
		}
	}
}

func TestRobustInput(t *testing.T) {
	a := art("a", "", "", wireText1)
	a.Entities = append(a.Entities, Entity{Text: "x", Start: -1, End: 5}, Entity{Text: "y", Start: 3, End: 1_000_000}, Entity{Text: "z", Start: 5, End: 5})
	a.Quotes = append(a.Quotes, quote.Attribution{Content: quote.Span{Start: 10, End: 999999}}, quote.Attribution{Source: quote.Span{Start: -4, End: 2}, Content: quote.Span{Start: 0, End: 3}})
	dup := a
	r := Compare([]Article{a, dup, {ID: "empty"}}, Options{})
	if r.Articles != 2 || len(r.Notes) != 1 || r.Voices[0].Outlet != "(unknown outlet)" {
		t.Errorf("report = %+v", r)
	}
	if r := Compare(nil, Options{}); r.Articles != 0 || r.Voices == nil || r.Claims == nil {
		t.Errorf("empty report = %+v", r)
	}
}

func TestLexiconWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, term := range Lexicon() {
		if term.Phrase != strings.ToLower(strings.Join(strings.Fields(term.Phrase), " ")) || term.Phrase == "" {
			t.Errorf("%q: phrases are lower-case words separated by single spaces", term.Phrase)
		}
		if seen[term.Phrase] {
			t.Errorf("%q listed twice", term.Phrase)
		}
		seen[term.Phrase] = true
		if term.Weight <= 0 || term.Why == "" || !slices.Contains(Categories, term.Category) || term.Category == ScareQuote {
			t.Errorf("%q: needs a weight, a reason and a category", term.Phrase)
		}
	}
	for _, must := range []string{"regime", "hysteria", "tore up", "so called", "puppet", "thug", "slammed", "allegedly", "reportedly", "claimed", "very", "extremely", "outrageous"} {
		if !seen[must] {
			t.Errorf("%q missing from the lexicon", must)
		}
	}
}
