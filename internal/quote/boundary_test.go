package quote

import "testing"

// TestBoundaryRules checks the span boundaries set by the rules for cue
// prepositions, passives, parentheticals, interrupted sources and closing
// comments. The sentences are made up.
func TestBoundaryRules(t *testing.T) {
	tests := []struct {
		name                 string
		text                 string
		source, cue, content string
	}{
		// A number before a determiner ends a time adjunct.
		{"an hour before the source", "The talks ended at noon, and by five the whole quay seemed to know: the ferries would sail.",
			"the whole quay", "seemed to know:", "the ferries would sail"},
		// A preposition the verb governs joins the cue.
		{"preposition in the cue", "Mayor Ada Fenn complained about the new parking rules.",
			"Mayor Ada Fenn", "complained about", "the new parking rules"},
		{"of in the cue", "Fenn warned of a long and hard winter.",
			"Fenn", "warned of", "a long and hard winter"},
		{"a time after the verb is no object", "Fenn complained on Friday that the rules were unfair.",
			"Fenn", "complained", "that the rules were unfair"},
		// A passive reports its subject with what follows.
		{"passive around the cue", "Councillor Bo Tarn was criticized for the delay in the harbour works.",
			"", "was criticized", "Councillor Bo Tarn was criticized for the delay in the harbour works"},
		{"passive of asking keeps the hearer out", "Tarn was asked whether the works would finish in time.",
			"", "was asked", "whether the works would finish"},
		// "This" and "There" open a clause, not an adverbial.
		{"this opens the content", "This has been a long winter for the islanders, Vale said.",
			"Vale", "said", "This has been a long winter for the islanders"},
		{"nothing after the cue", "Now there is some unease about the ferry, he said.",
			"he", "said", "Now there is some unease about the ferry"},
		// A participle after a quotation's comma is a new cue.
		{"gerund after a closing quote", "Vale said the line would “open by spring,” referring to the new timetable.",
			"Vale", "said", "the line would “open by spring,”"},
		{"the gerund has its own content", "Vale said the line would “open by spring,” referring to the new timetable.",
			"Vale", "referring to", "the new timetable"},
		// A cue set off by commas interrupts the content.
		{"parenthetical after an opener", "At one point, she said, the ferry ran empty for a week.",
			"she", "said", "At one point, she said, the ferry ran empty for a week"},
		{"parenthetical before a quotation", "The harbour, he added, “is the heart of the town.”",
			"he", "added", "The harbour, he added, “is the heart of the town.”"},
		{"a scene-setting phrase stays out", "Holding up a timetable, Vale said, “We are ready for the islanders.”",
			"Vale", "said", "“We are ready for the islanders.”"},
		{"according to inside the sentence", "The real trouble, according to two harbour pilots, was the fog.",
			"two harbour pilots", "according to", "The real trouble, according to two harbour pilots, was the fog"},
		{"a clause before according to", "The ferry left late, according to two harbour pilots, who saw it.",
			"two harbour pilots", "according to", "The ferry left late"},
		// A noun phrase closing the sentence comments on the content.
		{"closing appositive", "Vale said the fares would double next year, a claim nobody has checked.",
			"Vale", "said", "the fares would double next year"},
		// Counts keep their qualifiers.
		{"approximate count", "About four in 10 islanders said they used the ferry every week.",
			"About four in 10 islanders", "said", "they used the ferry every week"},
		{"more than a count", "More than half of the crew said the ship was safe.",
			"More than half of the crew", "said", "the ship was safe"},
		// Forms more often nouns report when a clause or an infinitive follows.
		{"note that", "Critics note that the timetable is tight.",
			"Critics", "note", "that the timetable is tight"},
		{"plan to", "The islanders plan to protest at the harbour on Monday.",
			"The islanders", "plan", "to protest at the harbour"},
		{"a plan is a noun", "The plan to widen the harbour was dropped.",
			"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := []rune(tt.text)
			as := Extract(tt.text, Options{})
			if tt.cue == "" {
				for _, a := range as {
					if !a.Scare {
						t.Fatalf("got cue %q, want no attribution", sub(rs, a.Cue))
					}
				}
				return
			}
			var cues []string
			for _, a := range as {
				if sub(rs, a.Cue) != tt.cue {
					cues = append(cues, sub(rs, a.Cue))
					continue
				}
				if g := sub(rs, a.Source); g != tt.source {
					t.Errorf("source = %q, want %q", g, tt.source)
				}
				if g := sub(rs, a.Content); g != tt.content {
					t.Errorf("content = %q, want %q", g, tt.content)
				}
				return
			}
			t.Fatalf("no attribution with cue %q; got cues %q", tt.cue, cues)
		})
	}
}
