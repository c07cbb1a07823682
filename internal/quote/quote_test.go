package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// want is one expected attribution, by span text.
type want struct {
	source, cue, content string
	direct, scare        bool
	speaker              string
}

func sub(rs []rune, s Span) string {
	if s.Empty() {
		return ""
	}
	return string(rs[s.Start:s.End])
}

// find returns the attribution whose content is c.
func find(text string, as []Attribution, c string) (Attribution, bool) {
	rs := []rune(text)
	for _, a := range as {
		if sub(rs, a.Content) == c {
			return a, true
		}
	}
	return Attribution{}, false
}

func TestExtractForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"direct curly", "“We will win,” Jane Doe said.",
			[]want{{"Jane Doe", "said", "“We will win,”", true, false, "Jane Doe"}}},
		{"direct straight", `"The plan is dead," said Senator Tom Bale.`,
			[]want{{"Senator Tom Bale", "said", `"The plan is dead,"`, true, false, "Tom Bale"}}},
		{"split", "Mayor Ann Roe spoke first. “It is useful,” she said. “Always better than not talking.”",
			[]want{{"she", "said", "“It is useful,” she said. “Always better than not talking.”", true, false, "Ann Roe"}}},
		{"multi-paragraph", "Governor Paul Quist said: “The roads are closed.\n\n“They will reopen on Monday.”",
			[]want{{"Governor Paul Quist", "said:", "“The roads are closed.\n\n“They will reopen on Monday.”", true, false, "Paul Quist"}}},
		{"indirect that", "Officials said that the bridge would reopen.",
			[]want{{"Officials", "said", "that the bridge would reopen", false, false, ""}}},
		{"indirect no that", "Prime Minister Lena Ost warned the talks could fail.",
			[]want{{"Prime Minister Lena Ost", "warned", "the talks could fail", false, false, "Lena Ost"}}},
		{"according to end", "The talks collapsed, according to two officials.",
			[]want{{"two officials", "according to", "The talks collapsed", false, false, ""}}},
		{"according to start", "According to the report, prices rose.",
			[]want{{"the report", "According to", "prices rose", false, false, ""}}},
		{"content before", "The economy is strong, the minister said.",
			[]want{{"the minister", "said", "The economy is strong", false, false, ""}}},
		{"a party tag closing the sentence", `"We will win," said Sen. Dara Quell (R-Ga.). Then she left.`,
			[]want{{"Sen. Dara Quell (R-Ga.)", "said", `"We will win,"`, true, false, "Dara Quell"}}},
		{"a party appositive", "Senator Ilse Varga, Democrat of Karsenia, said the program sent a terrible message.",
			[]want{{"Senator Ilse Varga, Democrat of Karsenia,", "said", "the program sent a terrible message", false, false, "Ilse Varga"}}},
		{"a month for a given name", "April Tessor, a spokeswoman for the council, said that it was sold out.",
			[]want{{"April Tessor, a spokeswoman for the council,", "said", "that it was sold out", false, false, "April Tessor"}}},
		{"a month, not a name", "In March Mayor Ilse Varga said the wall would rise.",
			[]want{{"Mayor Ilse Varga", "said", "the wall would rise", false, false, "Ilse Varga"}}},
		{"a time before the source", "Last week the board said the quay would reopen.",
			[]want{{"the board", "said", "the quay would reopen", false, false, ""}}},
		{"a day and its part before the source", "On Tuesday morning two officials said the talks had stalled.",
			[]want{{"two officials", "said", "the talks had stalled", false, false, ""}}},
		{"a capitalised time word is a name, not a time", "This Week host Dara Quell said the talks had stalled.",
			[]want{{"This Week host Dara Quell", "said", "the talks had stalled", false, false, "Dara Quell"}}},
		{"a year before the source", "In 2016 the council said it would sell the ferry.",
			[]want{{"the council", "said", "it would sell the ferry", false, false, ""}}},
		{"a place before the source (a second determiner)", "In the harbour town the council said it would sell the ferry.",
			[]want{{"the council", "said", "it would sell the ferry", false, false, ""}}},
		{"a title in lower case before the subject", "Karsenian foreign minister Dmitar Velescu spoke on Twitter, saying that the strait would stay open.",
			[]want{{"Karsenian foreign minister Dmitar Velescu", "saying", "that the strait would stay open", false, false, "Dmitar Velescu"}}},
		{"a name and its outlet after the cue", "“The talks are stuck,” wrote Ada Lindqvist for the Meridian Wire.",
			[]want{{"Ada Lindqvist", "wrote", "“The talks are stuck,”", true, false, "Ada Lindqvist"}}},
		{"an organisation named with for after the cue", "“The talks are stuck,” said the Centre for Harbour Studies.",
			[]want{{"the Centre for Harbour Studies", "said", "“The talks are stuck,”", true, false, ""}}},
		{"a one-word organisation named with for after the cue", "“The talks are stuck,” said Sailors for Fair Ports.",
			[]want{{"Sailors for Fair Ports", "said", "“The talks are stuck,”", true, false, ""}}},
		{"content opening with an -ing word", "Shifting tides could flood the quay, Mayor Ilse Varga said in an interview.",
			[]want{{"Mayor Ilse Varga", "said", "Shifting tides could flood the quay", false, false, "Ilse Varga"}}},
		{"a programme after the cue", "“We must step away from blame,” Mayor Ilse Varga said on VPB's radio programme.",
			[]want{{"Mayor Ilse Varga", "said", "“We must step away from blame,”", true, false, "Ilse Varga"}}},
		{"a venue after the cue", "“It is an invasion of our waters,” Ilse Varga said at a Sarnovo event this month.",
			[]want{{"Ilse Varga", "said", "“It is an invasion of our waters,”", true, false, "Ilse Varga"}}},
		{"a campaign after a particle is its object", "Varga lashed out at the Rook campaign.",
			[]want{{"Varga", "lashed out at", "the Rook campaign", false, false, ""}}},
		{"a hearing after insisted is its object", "The union insisted on a public hearing.",
			[]want{{"The union", "insisted on", "a public hearing", false, false, ""}}},
		{"an aside closed inside its quotation", "Varga, who called the plan “a disgrace,” said the council would vote against it.",
			[]want{{"who", "called", "the plan “a disgrace,”", true, false, ""},
				{"Varga", "said", "the council would vote against it", false, false, ""}}},
		{"a verb of manner before its quotation", "Mayor Ilse Varga shot back: “The quay was never closed.”",
			[]want{{"Mayor Ilse Varga", "shot back:", "“The quay was never closed.”", true, false, "Ilse Varga"}}},
		{"a verb of manner after its quotation", "Mayor Ilse Varga was asked about the delay. “The quay was never closed,” she went on.",
			[]want{{"she", "went on", "“The quay was never closed,”", true, false, "Ilse Varga"}}},
		{"continued before its quotation", "Mayor Ilse Varga continued, “The quay was never closed.”",
			[]want{{"Mayor Ilse Varga", "continued", "“The quay was never closed.”", true, false, "Ilse Varga"}}},
		{"a text that reads", "Outside the gate, one banner read: “Hands off our port.”",
			[]want{{"one banner", "read:", "“Hands off our port.”", true, false, ""}}},
		{"a quotation in a dash aside", `Varga suggested that the plan was unserious - "We need the details," she said - and charged that it was costly.`,
			[]want{{"Varga", "suggested", "that the plan was unserious", false, false, ""},
				{"she", "said", `"We need the details,"`, true, false, ""},
				{"Varga", "charged", "that it was costly", false, false, ""}}},
		{"a quotation after a dash aside", "The plan — which the council passed last week — “will sink the port,” Varga said.",
			[]want{{"Varga", "said", "The plan — which the council passed last week — “will sink the port,”", true, false, ""}}},
		{"a relative clause that reports between dashes", "Officials said the levy — which the unions say is too high — would pass.",
			[]want{{"Officials", "said", "the levy — which the unions say is too high — would pass", false, false, ""}}},
		{"a second report after an adjunct", "In May she said the plan was a mistake, at the town hall this week she said it was not an error.",
			[]want{{"she", "said", "the plan was a mistake", false, false, ""},
				{"she", "said", "it was not an error", false, false, ""}}},
		{"a short clause after the cue", "Varga said that despite the excitement, she didn't think the quay would last long.",
			[]want{{"Varga", "said", "that despite the excitement, she didn't think the quay would last long", false, false, ""}}},
		{"a single quotation closing inside a double one", "''We will not bomb them, or say 'never,''' said Mayor Ilse Varga.",
			[]want{{"Mayor Ilse Varga", "said", "''We will not bomb them, or say 'never,'''", true, false, "Ilse Varga"}}},
		{"people described by a participle", "By big margins, those surveyed say the quay should reopen first.",
			[]want{{"those surveyed", "say", "the quay should reopen first", false, false, ""}}},
		{"a share of people", "47% say the ferry should run at night.",
			[]want{{"47%", "say", "the ferry should run at night", false, false, ""}}},
		{"a relative clause between dashes", "Joyce — who has criticized the board — told reporters he is not planning an appeal.",
			[]want{{"who", "has criticized", "the board", false, false, ""}, {"Joyce — who has criticized the board —", "told", "he is not planning an appeal", false, false, ""}}},
		{"someone from a town and its state", "A woman in Veyra, Valdoria, told him she worries he is too nice.",
			[]want{{"A woman in Veyra, Valdoria,", "told", "she worries he is too nice", false, false, ""}}},
		{"a view with saw", "Most voters saw the mayor as the better candidate.",
			[]want{{"Most voters", "saw", "the mayor as the better candidate", false, false, ""}}},
		{"a surname that is an auxiliary", "Prime Minister Ilse May said the vote was delayed. Officials may say more.",
			[]want{{"Prime Minister Ilse May", "said", "the vote was delayed", false, false, "Ilse May"},
				{"Officials", "may say", "more", false, false, ""}}},
		{"appositive", "Jo Park, a spokeswoman for the council, said the vote was delayed.",
			[]want{{"Jo Park, a spokeswoman for the council,", "said", "the vote was delayed", false, false, "Jo Park"}}},
		{"auxiliaries in cue", "Dr. Ida Lund has repeatedly argued that the rule is unfair.",
			[]want{{"Dr. Ida Lund", "has repeatedly argued", "that the rule is unfair", false, false, "Ida Lund"}}},
		{"tell with addressee", "Sam Ives told reporters that he would resign.",
			[]want{{"Sam Ives", "told", "that he would resign", false, false, "Sam Ives"}}},
		{"adjunct before that", "Sam Ives said on Friday that he would resign.",
			[]want{{"Sam Ives", "said", "that he would resign", false, false, "Sam Ives"}}},
		{"scare", "The council backed “interim mayor” Rob Hale in the vote.",
			[]want{{"", "", "“interim mayor”", false, true, ""}}},
		{"scare before a surname", "The council backed “interim mayor” Hale in the vote.",
			[]want{{"", "", "“interim mayor”", false, true, ""}}},
		{"scare in a vague source's report", "Critics note that the “reforms” cut nothing.",
			[]want{
				{"Critics", "note", "that the “reforms” cut nothing", false, false, ""},
				{"", "", "“reforms”", false, true, ""},
			}},
		{"partial quote in a named source's report", "Rob Hale said the “reforms” cut nothing.",
			[]want{{"Rob Hale", "said", "the “reforms” cut nothing", false, false, "Rob Hale"}}},
		{"nested", "Ms. Kay Dorn said he told her that the plan was “dead.”",
			[]want{
				{"Ms. Kay Dorn", "said", "he told her that the plan was “dead.”", true, false, "Kay Dorn"},
				{"he", "told", "that the plan was “dead.”", true, false, "Kay Dorn"},
			}},
		{"gerund after comma", "Foreign Minister Ola Brun agreed, saying the two met often.",
			[]want{{"Foreign Minister Ola Brun", "saying", "the two met often", false, false, "Ola Brun"}}},
		{"verb in a list shares the subject", "Senator Ray Dunn praised the plan, declined to vote for it, and left.",
			[]want{{"Senator Ray Dunn", "declined", "to vote for it", false, false, "Ray Dunn"}}},
		{"parenthetical cue", "The goal, he said, is to forge a durable truce in the north.",
			[]want{{"he", "said", "The goal, he said, is to forge a durable truce in the north", false, false, ""}}},
		{"adjunct before the source", "In a statement, spokesman Al Ward said: “We are ready.”",
			[]want{{"spokesman Al Ward", "said:", "“We are ready.”", true, false, "Al Ward"}}},
		{"object of urge", "Mayor Ann Roe urged voters to back the levy.",
			[]want{{"Mayor Ann Roe", "urged", "voters to back the levy", false, false, "Ann Roe"}}},
		{"restrictive relative clause in source", "Voters who watched the debate said it changed nothing.",
			[]want{{"Voters who watched the debate", "said", "it changed nothing", false, false, ""}}},
		{"thousands", "Officials said 2,000 people had left.",
			[]want{{"Officials", "said", "2,000 people had left", false, false, ""}}},
		{"role", "Finnish Foreign Minister Ola Brun arrived late. The Finnish diplomat said the deal was close.",
			[]want{{"The Finnish diplomat", "said", "the deal was close", false, false, "Ola Brun"}}},
		{"group", "Secretary Ana Lee met Minister Bo Kim. The two diplomats said the talks went well.",
			[]want{{"The two diplomats", "said", "the talks went well", false, false, "Ana Lee and Bo Kim"}}},
		{"they after a group of two", "Secretary Ana Lee met Minister Bo Kim. The two diplomats met for three hours, and they said the talks went well.",
			[]want{{"they", "said", "the talks went well", false, false, "Ana Lee and Bo Kim"}}},
		{"they after two things, not people", "Secretary Ana Lee met Minister Bo Kim. The two ferries sailed late, and they said the crossing was rough.",
			[]want{{"they", "said", "the crossing was rough", false, false, ""}}},
		{"they after the two who met", "Secretary Ana Lee met Minister Bo Kim. The two met for an hour, and they said the talks went well.",
			[]want{{"they", "said", "the talks went well", false, false, "Ana Lee and Bo Kim"}}},
		{"they with no group of two before it", "Secretary Ana Lee met the dockers. They said the talks went well.",
			[]want{{"They", "said", "the talks went well", false, false, ""}}},
		{"they at a sentence's start after a group of two", "Secretary Ana Lee met Minister Bo Kim. The two diplomats met for three hours. They said the talks went well.",
			[]want{{"They", "said", "the talks went well", false, false, "Ana Lee and Bo Kim"}}},
		{"they two sentences after a group of two", "Secretary Ana Lee met Minister Bo Kim. The two diplomats met for three hours. The ferry sailed at noon. They said the talks went well.",
			[]want{{"They", "said", "the talks went well", false, false, ""}}},
		{"they in the paragraph after a group of two", "Secretary Ana Lee met Minister Bo Kim. The two diplomats met for three hours.\n\nThey said the talks went well.",
			[]want{{"They", "said", "the talks went well", false, false, ""}}},
		{"pronoun in reported speech", "Mayor Ann Roe spoke. Sheriff Dan Oak said she had agreed to the plan.",
			[]want{
				{"Sheriff Dan Oak", "said", "she had agreed to the plan", false, false, "Dan Oak"},
				{"she", "had agreed", "to the plan", false, false, "Dan Oak"},
			}},
		{"coordinated verb", "Governor Mia Holt toured the site and said the repairs were on schedule.",
			[]want{{"Governor Mia Holt", "said", "the repairs were on schedule", false, false, "Mia Holt"}}},
		{"passive has no source", "The mayor is expected to resign on Friday.",
			[]want{{"", "is expected", "The mayor is expected to resign on Friday", false, false, ""}}},
		{"asked", "Asked whether he would run, Tom Vane laughed.",
			[]want{{"", "Asked", "whether he would run", false, false, ""}}},
		{"poll", "In a Harbour Times poll, most residents backed the ferry.",
			[]want{{"a Harbour Times poll", "In", "most residents backed the ferry", false, false, ""}}},
		{"headline", "Lena Ost: The Talks Will Go On\n\nThe minister spoke in Oslo.",
			[]want{{"Lena Ost", ":", "The Talks Will Go On", false, false, "Lena Ost"}}},
		{"colon quote", "The surge did not surprise pollster Dan Shaw: “Newcomers often lead early.”",
			[]want{{"pollster Dan Shaw", ":", "“Newcomers often lead early.”", true, false, "Dan Shaw"}}},
		{"orphan quote paragraph", "Senator Ray Dunn said the bill was dead.\n\n“We will not vote for it.”",
			[]want{{"", "", "“We will not vote for it.”", true, false, "Ray Dunn"}}},
		{"city state appositive", "Dean Cole, a teacher from Sumter, South Carolina, said he was undecided.",
			[]want{{"Dean Cole, a teacher from Sumter, South Carolina,", "said", "he was undecided", false, false, "Dean Cole"}}},
		{"contraction", "He’s predicting a close race, Ed Park wrote.",
			[]want{{"Ed Park", "wrote", "He’s predicting a close race", false, false, "Ed Park"}}},
		{"stray closing mark", `Nobody knew," Jo Vale said. Officials said the road was open.`,
			[]want{{"Officials", "said", "the road was open", false, false, ""}}},
		// Reading errors on our own fictional texts (export fixture, demo).
		{"dateline is neither speaker nor content", "PORT VEYRA (Meridian Wire) — Talks to end the Port Veyra strike broke down late on Tuesday after nine hours, both sides said.",
			[]want{{"both sides", "said", "Talks to end the Port Veyra strike broke down late on Tuesday after nine hours", false, false, ""}}},
		{"dateline with region", "PORT SELLAN, Valdoria (Meridian Wire) — Hackers were inside the systems for 11 weeks, its chief executive told a parliamentary committee on Tuesday.",
			[]want{{"its chief executive", "told", "Hackers were inside the systems for 11 weeks", false, false, ""}}},
		{"shown is not a cue for an outlet's own claim", "The so-called Harbour Authority has once again shown its contempt for working people.\n\nA poll showed that most residents backed the strike.",
			[]want{{"A poll", "showed", "that most residents backed the strike", false, false, ""}}},
		{"a place in the source is not the speaker", "Residents of Saltmarsh have asked the water board to publish its drought plan before the summer.",
			[]want{{"Residents of Saltmarsh", "have asked", "the water board to publish its drought plan", false, false, ""}}},
		{"opening adjunct is not the source", `At a meeting on Thursday, the board's chair, Tomas Reyl, said a plan would be ready "within weeks".`,
			[]want{{"the board's chair, Tomas Reyl,", "said", `a plan would be ready "within weeks"`, true, false, "Tomas Reyl"}}},
		{"a possessor is not the speaker", "Senator Ray Dunn spoke first. Dunn's lawyer said the case was closed.",
			[]want{{"Dunn's lawyer", "said", "the case was closed", false, false, ""}}},
		{"coordinated names are a group", "Anselm Rook and Dmitar Velescu described their talks as difficult but useful.",
			[]want{{"Anselm Rook and Dmitar Velescu", "described", "their talks as difficult but useful", false, false, "Anselm Rook and Dmitar Velescu"}}},
		{"group from the last speakers", "Secretary Ana Lee met Minister Bo Kim. Lee said the talks were useful. Kim said they were frank. The pair also discussed trade with Judge Al Moss.",
			[]want{{"The pair", "also discussed", "trade with Judge Al Moss", false, false, "Ana Lee and Bo Kim"}}},
		{"participle before the subject", "Calling the claims “baseless,” Dmitar Velescu said Drovnik had asked for evidence.",
			[]want{
				{"Dmitar Velescu", "Calling", "the claims “baseless,”", true, false, "Dmitar Velescu"},
				{"Dmitar Velescu", "said", "Drovnik had asked for evidence", false, false, "Dmitar Velescu"},
			}},
		{"a quoted phrase is not a quotation ending", "Lavrov said Moscow had “many times” asked for the letters.",
			[]want{{"Lavrov", "said", "Moscow had “many times” asked for the letters", true, false, ""}}},
		{"hearer then clause", "Labour Minister Sunniva Tal told journalists the government would “not impose a settlement”.",
			[]want{{"Labour Minister Sunniva Tal", "told", "the government would “not impose a settlement”", true, false, "Sunniva Tal"}}},
		{"both is not an adjunct", "Rook said both governments were working to “lower the temperature”.",
			[]want{{"Rook", "said", "both governments were working to “lower the temperature”", true, false, ""}}},
		{"gerund after a preposition", "Bolton ended the call by saying he would help.",
			[]want{{"Bolton", "saying", "he would help", false, false, ""}}},
		{"quote closing the sentence before", "“We were floored.” Mr. Barrett said.",
			[]want{{"Mr. Barrett", "said", "“We were floored.”", true, false, "Barrett"}}},
		{"next paragraph goes on with the quote", "“We are ready,” Jo Park said.\n\n“The ferry sails at six.”",
			[]want{{"Jo Park", "said", "“We are ready,” Jo Park said.\n\n“The ferry sails at six.”", true, false, "Jo Park"}}},
		{"noun cue", "Her criticism of the ferry plan grew louder.",
			[]want{{"Her", "criticism of", "the ferry plan grew louder", false, false, ""}}},
		{"appositive after a possessive role", "“We are deeply sorry,” Norvane’s chief executive, Margit Lund-Harrow, said in a video statement.",
			[]want{{"Norvane’s chief executive, Margit Lund-Harrow,", "said", "“We are deeply sorry,”", true, false, "Margit Lund-Harrow"}}},
		{"relative clause around the cue", "He asked for a fair sentence, which I said was not a prison sentence.",
			[]want{{"I", "said", "which I said was not a prison sentence", false, false, ""}}},
		{"time after the source", "Foreign Minister Dmitar Velescu on Wednesday dismissed the accusations.",
			[]want{{"Foreign Minister Dmitar Velescu", "dismissed", "the accusations", false, false, "Dmitar Velescu"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkWants(t, tt.text, tt.want, false) })
	}
}

// checkWants extracts text's attributions and checks each wanted one,
// found by its content: source, cue, direct and scare, and the speaker
// (only when the case names one, if speakerOptional). A nil want means
// nothing but scare quotes may be found.
func checkWants(t *testing.T, text string, wants []want, speakerOptional bool) {
	t.Helper()
	as := Extract(text, Options{})
	rs := []rune(text)
	if wants == nil {
		for _, a := range as {
			if !a.Scare {
				t.Errorf("found %q | %q | %q, want nothing", sub(rs, a.Source), sub(rs, a.Cue), sub(rs, a.Content))
			}
		}
	}
	for _, w := range wants {
		a, ok := find(text, as, w.content)
		if !ok {
			var got []string
			for _, a := range as {
				got = append(got, sub(rs, a.Source)+" | "+sub(rs, a.Cue)+" | "+sub(rs, a.Content))
			}
			t.Fatalf("no attribution with content %q; got %q", w.content, got)
		}
		if g := sub(rs, a.Source); g != w.source {
			t.Errorf("source = %q, want %q", g, w.source)
		}
		if g := sub(rs, a.Cue); g != w.cue {
			t.Errorf("cue = %q, want %q", g, w.cue)
		}
		if a.Direct != w.direct || a.Scare != w.scare {
			t.Errorf("direct, scare = %v, %v, want %v, %v", a.Direct, a.Scare, w.direct, w.scare)
		}
		if (w.speaker != "" || !speakerOptional) && a.Speaker != w.speaker {
			t.Errorf("speaker = %q, want %q", a.Speaker, w.speaker)
		}
		if speakerOptional && a.Nested {
			t.Errorf("marked nested")
		}
	}
}

// TestNested checks that an attribution reported inside another's content
// is marked, and that the outer one is not.
func TestNested(t *testing.T) {
	text := "Ms. Kay Dorn said he told her that the plan was “dead.”"
	as := Extract(text, Options{})
	rs := []rune(text)
	n := 0
	for _, a := range as {
		switch sub(rs, a.Cue) {
		case "said":
			if a.Nested {
				t.Errorf("the outer attribution is marked nested")
			}
		case "told":
			n++
			if !a.Nested {
				t.Errorf("the inner attribution is not marked nested")
			}
		}
	}
	if n != 1 {
		t.Fatalf("no inner attribution: %+v", as)
	}
}

func TestExtractNothing(t *testing.T) {
	for _, text := range []string{"", "   \n\n ", "The river rose overnight.", "“", "said", "according to",
		// Verbs of manner report only next to a quotation.
		"The harbour dog barked all night.", "Varga went on to win the seat.", "The ferry shot back into the lead.",
		"The mayor fired back at her critics on Tuesday.", "Rook continued his tour of the coast.", "Varga read the report twice.",
		// Nor before a quoted phrase they take: only before a quotation set
		// off by a colon or comma, or one that is a sentence of its own.
		"The council continued “business as usual” after the vote.", "The dockers went on “a spree” after the strike.",
		// "saw" reports only a view ("saw the mayor as …") or with "that".
		"The district saw 30 applicants for delegate slots.",
		// "decline" reports a refusal, not a fall.
		"Fees from advising clients declined to $281 million.", "Sales declined by 12 percent."} {
		for _, a := range Extract(text, Options{}) {
			if !a.Scare {
				t.Errorf("Extract(%q) found %+v", text, a)
			}
		}
	}
}

// TestPeopleSeam checks that Options.People replaces the built-in finder.
func TestPeopleSeam(t *testing.T) {
	text := "The envoy arrived. He said the border was calm."
	called := false
	opt := Options{People: func(s string) []Person {
		called = true
		return []Person{{Name: "Envoy Example", Mentions: []Span{{Start: 0, End: 10}}}}
	}}
	as := Extract(text, opt)
	if !called {
		t.Fatal("Options.People was not called")
	}
	a, ok := find(text, as, "the border was calm")
	if !ok || a.Speaker != "Envoy Example" {
		t.Fatalf("speaker = %q (found %v), want the supplied person", a.Speaker, ok)
	}
}

// TestSeeds checks the acceptance list of issue 5 on the seed articles.
func TestSeeds(t *testing.T) {
	dir := "../../../shared/data/seeds"
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/data/seeds not found: run from a checkout with shared/ beside it")
	}
	var all []string
	type got struct {
		text string
		as   []Attribution
	}
	var docs []got
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, got{string(b), Extract(string(b), Options{})})
		all = append(all, string(b))
	}
	speakerOf := func(fragment string) (string, bool) {
		for _, d := range docs {
			rs := []rune(d.text)
			for _, a := range d.as {
				if !a.Scare && strings.Contains(sub(rs, a.Content), fragment) {
					return a.Speaker, true
				}
			}
		}
		return "", false
	}
	for _, c := range []struct{ fragment, speaker string }{
		{"It is useful to talk to each other", "Sergey Lavrov"},
		{"Always better than not talking to each other", "Sergey Lavrov"},
		{"would put our relationship in an even worse place than it has been", "Mike Pompeo"},
		{"bear no relation to democracy", "Sergey Lavrov"},
		{"we fundamentally don’t seek war with Iran", "Mike Pompeo"},
		{"We want to make sure Syria never again becomes a safe haven", "Mike Pompeo"},
		{"hindered by the wave of suspicions", "Sergey Lavrov"},
		{"start building a new constructive framework", "Sergey Lavrov"},
	} {
		t.Run(c.fragment, func(t *testing.T) {
			sp, ok := speakerOf(c.fragment)
			if !ok {
				t.Fatalf("no attribution holds %q", c.fragment)
			}
			if sp != c.speaker {
				t.Errorf("speaker = %q, want %q", sp, c.speaker)
			}
		})
	}
	t.Run("interim president is a scare quote", func(t *testing.T) {
		for _, d := range docs {
			rs := []rune(d.text)
			for _, a := range d.as {
				if sub(rs, a.Content) == "“interim president”" {
					if !a.Scare {
						t.Errorf("“interim president” is not marked as a scare quote: %+v", a)
					}
					return
				}
			}
		}
		t.Error("“interim president” not found")
	})
	t.Run("the speakers' own words are not scare quotes", func(t *testing.T) {
		for _, d := range docs {
			rs := []rune(d.text)
			for _, a := range d.as {
				if got := sub(rs, a.Content); a.Scare && got != "“interim president”" {
					t.Errorf("%s is marked as a scare quote; it is a speaker's word in reported speech", got)
				}
			}
		}
	})
	_ = all
}

// TestReadingNoise checks texts that must yield no attribution a reader
// would see: a verb that is not reporting here, nouns that look like
// verbs, a nested stance, names that are not people.
func TestReadingNoise(t *testing.T) {
	for _, c := range []struct{ text, cue string }{
		{"The so-called Harbour Authority has once again shown its contempt for working people.", "has once again shown"},
		{"The strike cost the economy an estimated 1.3 billion crowns.", "estimated"},
		{"It has held the contract since 2019, despite repeated warnings from doctors.", "repeated"},
		{"She had kept copies of hospital discharge notes that should have been deleted.", "notes"},
		{"Velescu called the hacking claims “baseless, like all the others.”", "claims"},
		{"The Harbour Authority called the strike unlawful and said it would seek an injunction.", "would seek"},
		{"A group calling itself Greyfen claimed the attack, which calls itself a collective.", "calls"},
		{"By submitting this form, I agree to the terms.", "agree"},
		{"The independent audit he ordered in June is due to report next week.", "ordered"},
		{"The talks began on Tuesday in a thaw Drovnik hopes will begin to repair the damage.", "hopes"},
	} {
		rs := []rune(c.text)
		for _, a := range Extract(c.text, Options{}) {
			if sub(rs, a.Cue) == c.cue {
				t.Errorf("%q: reported %q as a cue (content %q)", c.text, c.cue, sub(rs, a.Content))
			}
		}
	}
	// Dateline words and places are not people.
	text := "PORT VEYRA (Meridian Wire) — Residents of Saltmarsh met the Harbour Authority."
	for _, p := range FindPeople(text) {
		t.Errorf("FindPeople found %q in %q", p.Name, text)
	}
}

// TestFindPeopleMonths: a month after a first name is a surname ("Theresa
// May"), but a month in a date is not, after a word of time ("Last May")
// or before a day ("Geneva March 3").
func TestFindPeopleMonths(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Prime Minister Theresa May said the vote was delayed.", "Theresa May"},
		{"Theresa May told reporters the vote was delayed.", "Theresa May"},
		{"Last May, the council voted against the plan.", ""},
		{"Early June brought rain to the valley.", ""},
		{"Since April the mayor has said nothing.", ""},
		{"Through May, prices kept rising.", ""},
		{"The ministers met in Geneva March 3 to discuss the plan.", ""},
		{"Obama met the chancellor in Berlin May 5.", ""},
		{"July Fourth parades filled the streets of the town.", ""},
		{"April Tessor, a spokeswoman, said the vote was delayed.", "April Tessor"},
		{"In March Mayor Ilse Varga said the wall would rise.", "Ilse Varga"},
	} {
		var got []string
		for _, p := range FindPeople(tc.text) {
			got = append(got, p.Name)
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("FindPeople(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestIntroCueAfterAnotherVerb: a verb of manner a few words after a
// quotation reports it only when no verb of saying came between ("“…,”
// she went on"), not in a clause of its own ("“…,” she said and went on
// with the speech").
func TestIntroCueAfterAnotherVerb(t *testing.T) {
	for _, text := range []string{
		`"Stop," she said and went on with the speech.`,
		`"Stop," she yelled and shot back into the room.`,
	} {
		rs := []rune(text)
		for _, a := range Extract(text, Options{}) {
			if c := sub(rs, a.Cue); c != "said" && c != "yelled" {
				t.Errorf("Extract(%q) found %q | %q | %q", text, sub(rs, a.Source), c, sub(rs, a.Content))
			}
		}
	}
}
