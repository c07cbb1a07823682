package quote

import "testing"

// TestRecallRules holds one case (fictional sentences we wrote) for each
// rule added to find attributions, or their bounds, that the earlier rules
// missed.
func TestRecallRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"abbreviation ends a sentence before a pronoun", "Tal says the ferry will sail at 7 p.m. He says the crew is ready.",
			[]want{
				{"Tal", "says", "the ferry will sail at 7 p.m.", false, false, ""},
				{"He", "says", "the crew is ready", false, false, ""},
			}},
		{"aside in brackets after a full stop", "Mayor Ilse Varga told reporters the bridge would reopen. (Few believe her.)",
			[]want{{"Mayor Ilse Varga", "told", "the bridge would reopen", false, false, "Ilse Varga"}}},
		{"second subject with a verb of saying", "Most dockers said they were worried, and more than 4 in 10 said the port would close.",
			[]want{
				{"Most dockers", "said", "they were worried", false, false, ""},
				{"more than 4 in 10", "said", "the port would close", false, false, ""},
			}},
		{"second verb of the same subject after but", "Rook said he would attend the summit but did not suggest a date.",
			[]want{{"Rook", "said", "he would attend the summit", false, false, ""}}},
		{"a name ending in -ing opens the sentence", "Ebeling said the ferry was late.",
			[]want{{"Ebeling", "said", "the ferry was late", false, false, ""}}},
		{"a name ending in -ing after the quote", "The ferry was late, Manning said.",
			[]want{{"Manning", "said", "The ferry was late", false, false, ""}}},
		{"a denied verb takes no source after it", "The port should stay open, not declare a strike.",
			nil},
		{"having said that reports nothing", "Having said that, the mayor left the hall.",
			nil},
		{"no cue inside an opening participle phrase", "Making the rounds on the morning shows, Varga said the bridge would reopen.",
			[]want{{"Varga", "said", "the bridge would reopen", false, false, ""}}},
		{"a connective stays out of a content before according to", "Even so, the levy rose by a third, according to the ministry.",
			[]want{{"the ministry", "according to", "the levy rose by a third", false, false, ""}}},
		{"a relative clause's content ends at its comma", "The senator, who said the party truly cares, left early.",
			[]want{{"who", "said", "the party truly cares", false, false, ""}}},
		{"a second verb of the content's own subject", "Lund said the firm had checked the logs and had found no trace of the intruders.",
			[]want{{"Lund", "said", "the firm had checked the logs and had found no trace of the intruders", false, false, ""}}},
		{"a second verb that is no verb of saying", "The operator said it had raised its offer and had offered to retrain the crews.",
			[]want{{"The operator", "said", "it had raised its offer and had offered to retrain the crews", false, false, ""}}},
		{"parenthetical cue before a verb", "The problem with the levy, she said, is that it hits the poorest first.",
			[]want{{"she", "said", "The problem with the levy, she said, is that it hits the poorest first", false, false, ""}}},
		{"parenthetical cue keeps an adjunct out", "Kaine now says, however, that the levy is fair.",
			[]want{{"Kaine", "now says", "that the levy is fair", false, false, ""}}},
		{"long hearer before that", "Mayor Ilse Varga told a meeting of dock workers on Friday that the bridge would stay open.",
			[]want{{"Mayor Ilse Varga", "told", "that the bridge would stay open", false, false, "Ilse Varga"}}},
		{"headline speaker before its hearer", "Varga to Harbour Workers: The Bridge Will Stay Open\n\nThe mayor spoke on Friday.",
			[]want{{"Varga", ":", "The Bridge Will Stay Open", false, false, ""}}},
		{"headline after a kicker", "EXCLUSIVE – Renshaw: Do Not Trust the Tide Tables\n\nThe pilot spoke on Friday.",
			[]want{{"Renshaw", ":", "Do Not Trust the Tide Tables", false, false, ""}}},
		{"typewriter dash ends the content", "Tal said the strike was over - a claim the union rejected.",
			[]want{{"Tal", "said", "the strike was over", false, false, ""}}},
		{"closing comment with the", "The ministry announced the closure of six depots, the first time it has named them.",
			[]want{{"The ministry", "announced", "the closure of six depots", false, false, ""}}},
		{"closing relative clause", "Voters said they had heard nothing to pull them away from Mr. Doyle, who also held a rally in Veyra.",
			[]want{{"Voters", "said", "they had heard nothing to pull them away from Mr. Doyle", false, false, ""}}},
		{"second participle of saying", "Doyle attacked the board, calling its members cowards and vowing to sue them.",
			[]want{{"Doyle", "calling", "its members cowards", false, false, ""}}},
		{"second verb ends an object", "Greyfen endorsed Varga for mayor and funded her campaign.",
			[]want{{"Greyfen", "endorsed", "Varga for mayor", false, false, ""}}},
		{"a list runs past its commas", "Doyle attacked dockers, pilots, and clerks for the delays.",
			[]want{{"Doyle", "attacked", "dockers, pilots, and clerks for the delays", false, false, ""}}},
		{"party tag in the source", "Rep. Chris Colby, R-NY, said the levy was a mistake.",
			[]want{{"Rep. Chris Colby, R-NY,", "said", "the levy was a mistake", false, false, "Chris Colby"}}},
		{"role before a name", "Her senior policy adviser, Jake Solway, said the talks were over.",
			[]want{{"Her senior policy adviser, Jake Solway,", "said", "the talks were over", false, false, "Jake Solway"}}},
		{"clause after the cue is content", "The delegate, who backs Varga, said the rules were unfair.",
			[]want{{"The delegate", "said", "the rules were unfair", false, false, ""}}},
		{"a case name keeps its v.", "Doyle argues Marsh v. Veyra was wrongly decided.",
			[]want{{"Doyle", "argues", "Marsh v. Veyra was wrongly decided", false, false, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkWants(t, tt.text, tt.want, true) })
	}
}
