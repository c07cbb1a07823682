package entity

import (
	"strings"
	"testing"
)

// The cases below are sentences we wrote to exhibit the errors campaign
// news showed (bare surnames of relatives, titles and party labels inside
// names, title-case headlines and live-blog subheads, scraped widget
// glue, contractions, group words). None is taken from an evaluation
// corpus.

// wantMention is a mention a case must give: the n-th (from 0) mention
// whose text is Text has this type and canonical name.
type wantMention struct {
	Text      string
	N         int
	Type      Type
	Canonical string
}

type patternCase struct {
	name string
	text string
	want []wantMention
	// none lists strings that no mention's text may contain
	none []string
}

func (c patternCase) check(t *testing.T, ms []Mention) {
	t.Helper()
	for _, w := range c.want {
		n := 0
		found := false
		for _, m := range ms {
			if m.Text != w.Text || m.Nominal {
				continue
			}
			if n == w.N {
				found = true
				if m.Type != w.Type || m.Canonical != w.Canonical {
					t.Errorf("%q #%d: got %s %q, want %s %q", w.Text, w.N, m.Type, m.Canonical, w.Type, w.Canonical)
				}
				break
			}
			n++
		}
		if !found {
			t.Errorf("%q #%d: not found in %v", w.Text, w.N, texts(ms))
		}
	}
	for _, s := range c.none {
		for _, m := range ms {
			if strings.Contains(m.Text, s) {
				t.Errorf("mention %q (%s) contains %q", m.Text, m.Type, s)
			}
		}
	}
}

func texts(ms []Mention) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Text + "=" + m.Canonical
	}
	return out
}

// TestSurnames: a bare surname takes the full name the article gives
// before the gazetteer's; relatives who share it are told apart by
// honorifics, titles, pronouns and order, or left alone.
func TestSurnames(t *testing.T) {
	for _, c := range []patternCase{
		{name: "article before gazetteer", text: "Former Florida Gov. Jeb Bush spoke in Miami on Monday. Bush said the party had to change.",
			want: []wantMention{{"Jeb Bush", 0, Person, "Jeb Bush"}, {"Bush", 0, Person, "Jeb Bush"}}},
		{name: "honorifics", text: "Hillary Clinton and her husband, former President Bill Clinton, arrived in Des Moines on Sunday. Mrs. Clinton spoke first. Mr. Clinton followed with a short toast.",
			want: []wantMention{{"Clinton", 0, Person, "Hillary Clinton"}, {"Clinton", 1, Person, "Bill Clinton"}, {"Bill Clinton", 0, Person, "Bill Clinton"}}},
		{name: "title picks the one who held it", text: "Bill Clinton and Hillary Clinton attended the dinner. President Clinton gave the toast.",
			want: []wantMention{{"Clinton", 0, Person, "Bill Clinton"}}},
		{name: "title without a full name", text: "President Clinton met the governors on Tuesday. Clinton said the budget would pass.",
			want: []wantMention{{"Clinton", 0, Person, "Bill Clinton"}, {"Clinton", 1, Person, "Bill Clinton"}}},
		{name: "pronoun", text: "Hillary Clinton and Bill Clinton toured Ohio.\n\nClinton is running for president, and she says the race is close.",
			want: []wantMention{{"Clinton", 0, Person, "Hillary Clinton"}}},
		{name: "ambiguous stays", text: "Hillary Clinton spoke in Ohio on Monday.\n\nBill Clinton spoke in Iowa on Tuesday.\n\nClinton later flew to Chicago.",
			want: []wantMention{{"Clinton", 0, Person, "Clinton"}}},
		{name: "no gazetteer guess against the article", text: "Maria Sanders, a nurse from Dayton, testified on Thursday. Sanders told the committee that staffing was short.",
			want: []wantMention{{"Sanders", 0, Person, "Maria Sanders"}}},
		{name: "famous name among relatives", text: "Melania Trump spoke at the convention on Monday. Donald Trump watched from the front row.\n\nTrump later thanked the delegates.",
			want: []wantMention{{"Trump", 0, Person, "Donald Trump"}}},
		{name: "father and son", text: "Gov. Grant Halloway answered questions for an hour. Halloway said he would run again.\n\nHis father, Walter Halloway, served two terms in the 1980s.\n\nThe elder Halloway waved from the front row.",
			want: []wantMention{{"Halloway", 0, Person, "Grant Halloway"}, {"Halloway", 1, Person, "Halloway"}}},
		{name: "headline before the names", text: "Halloway Wins Key Endorsement\n\nGov. Grant Halloway won the backing of the teachers' union on Friday. His father, Walter Halloway, did not attend.",
			want: []wantMention{{"Halloway", 0, Person, "Grant Halloway"}}},
		{name: "given name of a famous family", text: "Hillary Clinton campaigned in Nashua with her husband. “When Bill talks, people listen,” she said.",
			want: []wantMention{{"Bill", 0, Person, "Bill Clinton"}}},
		{name: "given name inside a name", text: "David Ortega spoke first. The flag showed a Star of David. Later David and Charles Koch arrived.",
			want: []wantMention{{"David", 0, Person, "David"}}},
		{name: "initial in a name", text: "Another partner, David A. Handler, spends time there.",
			want: []wantMention{{"David A. Handler", 0, Person, "David A. Handler"}}},
		{name: "middle initial", text: "Paul D. Ryan met reporters. Later Paul Ryan said Ryan would not run.",
			want: []wantMention{{"Paul Ryan", 0, Person, "Paul D. Ryan"}, {"Ryan", 0, Person, "Paul D. Ryan"}}},
		{name: "gazetteer name with initial", text: "Secretary of State John F. Kerry flew to Geneva. Kerry met his counterpart there.",
			want: []wantMention{{"John F. Kerry", 0, Person, "John Kerry"}, {"Kerry", 0, Person, "John Kerry"}}},
	} {
		t.Run(c.name, func(t *testing.T) { c.check(t, Default().Extract(c.text)) })
	}
}

// TestRegistryKeepsArticleBearers: the registry does not give a bare
// surname a full name that the article contradicts.
func TestRegistryKeepsArticleBearers(t *testing.T) {
	x := Default()
	r := NewRegistry()
	r.Canonicalise(x.Extract("Former President George W. Bush opened a library in Dallas on Monday."))
	// the article names another Bush: its own wins
	ms := r.Canonicalise(x.Extract("Jeb Bush campaigned in Iowa. Bush said he was confident."))
	if c := findCanonical(ms, "Bush"); c != "Jeb Bush" {
		t.Errorf("Bush: got %q, want Jeb Bush", c)
	}
	// a new registry that knows one Bush: "Mrs. Bush" is not him
	r = NewRegistry()
	r.Canonicalise(x.Extract("Former President George W. Bush opened a library in Dallas on Monday."))
	ms = r.Canonicalise(x.Extract("Mrs. Bush read to pupils at a school in Austin."))
	if c := findCanonical(ms, "Bush"); c == "George W. Bush" {
		t.Errorf("Mrs. Bush: got %q", c)
	}
	// an article naming two Bushes keeps the bare one ambiguous
	ms = r.Canonicalise(x.Extract("Jeb Bush spoke in Tampa on Monday.\n\nGeorge W. Bush spoke in Dallas on Tuesday.\n\nBush later left for Maine."))
	if c := findCanonical(ms, "Bush"); c != "Bush" {
		t.Errorf("two Bushes: got %q, want Bush", c)
	}
}

func findCanonical(ms []Mention, text string) string {
	for _, m := range ms {
		if m.Text == text && !m.Nominal {
			return m.Canonical
		}
	}
	return "<none>"
}

// TestTitlesOutOfNames: party labels, titles and possessives are not part
// of a person's name.
func TestTitlesOutOfNames(t *testing.T) {
	for _, c := range []patternCase{
		{name: "former president", text: "The book was signed by former President Bill Clinton at a store in Little Rock.",
			want: []wantMention{{"Bill Clinton", 0, Person, "Bill Clinton"}}, none: []string{"President"}},
		{name: "party labels", text: "Republican Donald Trump and Democrat Hillary Clinton held rallies on Saturday.",
			want: []wantMention{{"Donald Trump", 0, Person, "Donald Trump"}, {"Hillary Clinton", 0, Person, "Hillary Clinton"}}, none: []string{"Republican", "Democrat"}},
		{name: "lower-case department title", text: "The emails were sent to former secretary of State Hillary Clinton in 2012.",
			want: []wantMention{{"Hillary Clinton", 0, Person, "Hillary Clinton"}}, none: []string{"State"}},
		{name: "company and title", text: "Carly Fiorina, the former Hewlett-Packard CEO, said she would endorse him. Former Hewlett-Packard CEO Carly Fiorina spoke later.",
			want: []wantMention{{"Hewlett-Packard", 0, Org, "Hewlett-Packard"}, {"Hewlett-Packard", 1, Org, "Hewlett-Packard"}}, none: []string{"CEO"}},
		{name: "plural possessive", text: "Sen. Tom Rivers said on Monday that Rivers’ Senate colleagues would back the bill.",
			want: []wantMention{{"Rivers", 0, Person, "Tom Rivers"}, {"Senate", 0, Org, "Senate"}}},
		{name: "party-state tag", text: "Rep. Tom Alvarez (R-Texas) and Sen. Ann Lowry (D-N.Y.) wrote the letter.",
			want: []wantMention{{"Tom Alvarez", 0, Person, "Tom Alvarez"}, {"Ann Lowry", 0, Person, "Ann Lowry"}}, none: []string{"R-Texas", "D-N.Y"}},
		{name: "then- title", text: "The panel asked for the emails of then-Secretary of State Clinton.",
			want: []wantMention{{"Clinton", 0, Person, "Hillary Clinton"}}, none: []string{"State"}},
		{name: "party label before a place", text: "He won Democratic Vermont easily but lost Republican Wyoming.",
			want: []wantMention{{"Vermont", 0, Place, "Vermont"}, {"Wyoming", 0, Place, "Wyoming"}}, none: []string{"Democratic", "Republican"}},
		{name: "title word after an honorific", text: "Larry King spoke later. Mr. King said the show would go on.",
			want: []wantMention{{"King", 0, Person, "Larry King"}}, none: []string{"Mr."}},
		{name: "apposition is not a role mention", text: "Ted Cruz, the senator from Texas, spoke first.",
			want: []wantMention{{"Ted Cruz", 0, Person, "Ted Cruz"}}, none: []string{"senator"}},
	} {
		t.Run(c.name, func(t *testing.T) { c.check(t, Default().Extract(c.text)) })
	}
}

// TestTitleCase: in title-case headlines and subheads only names are
// names.
func TestTitleCase(t *testing.T) {
	for _, c := range []patternCase{
		{name: "subhead", text: "Marsh Slams Delacroix Over Pension Vote In Final Minutes\n\nGov. Peter Marsh criticized Sen. Lena Delacroix on Monday over her pension vote.",
			want: []wantMention{{"Marsh", 0, Person, "Peter Marsh"}, {"Delacroix", 0, Person, "Lena Delacroix"}},
			none: []string{"Slams", "Pension", "Minutes"}},
		{name: "no names at all", text: "Intense Campaigning On Both Sides\n\nVoters lined up early in the snow.",
			none: []string{"Intense", "Campaigning", "Sides"}},
		{name: "full names in a subhead", text: "Peter Marsh Calls Out Lena Delacroix For Backing Down From A Fight\n\nGov. Peter Marsh spoke in Concord while Delacroix toured Keene.",
			want: []wantMention{{"Peter Marsh", 0, Person, "Peter Marsh"}, {"Lena Delacroix", 0, Person, "Lena Delacroix"}},
			none: []string{"Calls", "Backing", "Fight"}},
		{name: "glued to a time stamp", text: "Gov. Peter Marsh spoke for an hour on Sunday in Concord.\n9:12PMMarsh Says He Will Stay In The Race\nHe made the pledge at a diner.",
			want: []wantMention{{"Marsh", 0, Person, "Peter Marsh"}}, none: []string{"Says", "Race", "PM"}},
		{name: "all capitals", text: "PRIMARY NIGHT // GAME ON\n\nVoters in Concord lined up before dawn.",
			none: []string{"GAME", "PRIMARY"}},
		{name: "two words", text: "Fact Check\n\nThe senator said taxes rose. They fell.",
			none: []string{"Fact", "Check"}},
	} {
		t.Run(c.name, func(t *testing.T) { c.check(t, Default().Extract(c.text)) })
	}
}

// TestNotNames: contractions, sentence-initial words, groups, residents,
// widget glue, wire codes and abbreviations.
func TestNotNames(t *testing.T) {
	for _, c := range []patternCase{
		{name: "contractions", text: "He’ll travel to Ohio on Friday. I'll be there too, said Mary Lane. We’re ready, she added.",
			want: []wantMention{{"Mary Lane", 0, Person, "Mary Lane"}, {"Ohio", 0, Place, "Ohio"}}, none: []string{"He’ll", "I'll", "We’re"}},
		{name: "sentence start", text: "Latest polls show a tight race in Nevada.",
			want: []wantMention{{"Nevada", 0, Place, "Nevada"}}, none: []string{"Latest"}},
		{name: "residents", text: "The Granite State votes on Tuesday, and Granite Staters like to decide late. New Yorkers vote in April.",
			none: []string{"Staters", "Yorkers"}},
		{name: "groups", text: "Republican voters and African-Americans backed the Democratic candidate, while Muslim Americans and Latinos were split.",
			none: []string{"Republican", "African", "Democratic", "Muslim", "Latinos"}},
		{name: "parties are organisations", text: "Republicans met in Cleveland, and the Republican Party chose its nominee. The GOP was divided.",
			want: []wantMention{{"Republicans", 0, Org, "Republican Party"}, {"Republican Party", 0, Org, "Republican Party"}, {"GOP", 0, Org, "Republican Party"}}},
		{name: "widget glue", text: "Posted by Nadia PerkinsFlagShareLikeReplyOwen Tate 5ptsmoderatorFeatured\nThe debate began late.",
			want: []wantMention{{"Nadia Perkins", 0, Person, "Nadia Perkins"}, {"Owen Tate", 0, Person, "Owen Tate"}}, none: []string{"Flag", "Reply"}},
		{name: "photo credit glue", text: "Carson And HaleySIMON BRANDT via Getty Images\nThe candidates shook hands.",
			want: []wantMention{{"SIMON BRANDT", 0, Person, "Simon Brandt"}}, none: []string{"And", "HaleySIMON"}},
		{name: "question word", text: "Who do they think they are? the mayor asked.",
			none: []string{"Who"}},
		{name: "state abbreviations", text: "She flew from Flint, Mich., to Tampa, Fla., on Sunday.",
			want: []wantMention{{"Mich.", 0, Place, "Michigan"}, {"Fla.", 0, Place, "Florida"}}},
		{name: "wire codes", text: "ABSTRACT\n\nThe budget passed. &QL; &UR;\n\nFULL TEXT\n\nThe Senate voted 51 to 49.",
			want: []wantMention{{"Senate", 0, Org, "Senate"}}, none: []string{"ABSTRACT", "FULL", "QL", "UR"}},
		{name: "dateline month", text: "BERLIN, September 10 (Xinhua) -- Ministers met on Thursday.",
			want: []wantMention{{"BERLIN", 0, Place, "Berlin"}, {"Xinhua", 0, Org, "Xinhua"}}, none: []string{"September"}},
		{name: "abbreviation ends a sentence", text: "He wants to ban them from the U.S. While Clinton disagrees, she has said little.",
			want: []wantMention{{"U.S.", 0, Place, "United States"}, {"Clinton", 0, Person, "Clinton"}}, none: []string{"While"}},
		{name: "two known names", text: "The ABC News GOP debate began at eight.",
			want: []wantMention{{"ABC News", 0, Org, "ABC"}, {"GOP", 0, Org, "Republican Party"}}},
		{name: "two bodies", text: "The House and Senate passed the bill.",
			want: []wantMention{{"Senate", 0, Org, "Senate"}}, none: []string{"House and Senate"}},
		{name: "brand", text: "Shares of EgyptAir fell.", want: []wantMention{{"EgyptAir", 0, Org, "EgyptAir"}}},
		{name: "agency with and", text: "The Centers for Disease Control and Prevention issued a warning.",
			want: []wantMention{{"Centers for Disease Control and Prevention", 0, Org, "Centers for Disease Control and Prevention"}}},
		{name: "day after a name", text: "The debate at St. Anselm College Saturday was tense.",
			want: []wantMention{{"St. Anselm College", 0, Org, "St. Anselm College"}}},
	} {
		t.Run(c.name, func(t *testing.T) { c.check(t, Default().Extract(c.text)) })
	}
}
