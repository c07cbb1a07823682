package cluster

import (
	"slices"
	"testing"
)

// refineDocs: a flood story, then an event that starts as a ferry
// timetable notice (too far from the flood to join its story) and grows
// into the ferry crews' part in the flood relief.
var refineDocs = []Doc{
	{ID: "f1", Title: "Ostra river floods Velm as dam spillway opens", Text: "Engineers opened the Velm dam spillway on Monday as the Ostra river flooded low streets. Sandbags were handed out and three hundred residents were evacuated to the school."},
	{ID: "f2", Title: "Velm evacuates riverside streets as Ostra flood rises", Text: "The Ostra flood rose again overnight in Velm. Engineers at the dam said the spillway would stay open, and volunteers filled sandbags outside the evacuated streets."},
	{ID: "f3", Title: "Sandbags and boats: Velm fights the Ostra flood", Text: "Volunteers filled sandbags along the Ostra in Velm as engineers kept the dam spillway open. Evacuated residents waited at the school for the flood to fall."},
	{ID: "p1", Title: "Harbour ferry timetable changes", Text: "The Kessel harbour ferry will run every forty minutes from Thursday, its operator said, with the last crossing at ten. Tickets bought before Thursday remain valid on the new timetable."},
	{ID: "p2", Title: "Kessel harbour ferry timetable changes again for the Velm flood", Text: "The Kessel harbour ferry timetable changes again from Friday, its operator said: every forty minutes, with the last crossing at ten, and tickets bought before Thursday remain valid. Crews will carry sandbags to Velm, where the Ostra flood rose again and engineers kept the dam spillway open."},
	{ID: "p3", Title: "Kessel harbour ferry keeps its new timetable", Text: "The Kessel harbour ferry kept its new timetable on Saturday, its operator said, with a crossing every forty minutes and the last at ten. Tickets remain valid, and the crews carried sandbags for the Ostra flood in Velm, where evacuated residents waited at the school."},
	{ID: "p4", Title: "Kessel ferry operator extends the new timetable", Text: "The Kessel harbour ferry operator said the timetable of a crossing every forty minutes would run until the Ostra flood falls in Velm, with the last crossing at ten and old tickets still valid. Volunteers in Velm filled sandbags by the dam spillway."},
}

func TestRefineMovesAnEventToItsStory(t *testing.T) {
	off := DefaultOptions()
	off.StoryRefineEvery = 0
	c0 := mustNew(t, off)
	run(t, c0, refineDocs)
	if a, b := c0.Event(c0.EventOf("f1")); b {
		if p, _ := c0.Event(c0.EventOf("p4")); p.StoryID == a.StoryID {
			t.Fatalf("without refinement the ferry event already shares the flood's story: the scenario tests nothing")
		}
	}
	opt := DefaultOptions()
	opt.StoryRefineEvery, opt.StoryRefineWindow = 1, 16
	c := mustNew(t, opt)
	as := run(t, c, refineDocs)
	first := as[3] // the timetable notice: its own event and story at first
	if !first.NewStory {
		t.Skipf("the scenario no longer starts the ferry event in a story of its own: %+v", first)
	}
	var moves []Move
	for _, a := range as {
		moves = append(moves, a.Moves...)
	}
	if len(moves) == 0 {
		for i, a := range as {
			t.Logf("%s → %s %s (new event %v, new story %v, score %.3f)", refineDocs[i].ID, a.EventID, a.StoryID, a.NewEvent, a.NewStory, a.Score)
		}
		t.Fatal("no event moved")
	}
	flood, _ := c.Event(c.EventOf("f1"))
	ferry, _ := c.Event(c.EventOf("p4"))
	if ferry.ID == flood.ID {
		t.Fatalf("the ferry event merged into the flood event: %+v", ferry)
	}
	if ferry.StoryID != flood.StoryID {
		t.Errorf("the ferry event is in story %s, the flood in %s: want one story", ferry.StoryID, flood.StoryID)
	}
	// The story the ferry event started in is absorbed: its ID leads to
	// the flood story.
	if got := c.Resolve(first.StoryID); got != flood.StoryID {
		t.Errorf("the ferry's first story %s resolves to %s, want %s", first.StoryID, got, flood.StoryID)
	}
	st, ok := c.Story(flood.StoryID)
	if !ok || st.Size != len(refineDocs) || !slices.Contains(st.Events, ferry.ID) {
		t.Errorf("story %+v: want all %d articles and the ferry event", st, len(refineDocs))
	}
	// A state taken after the moves restores to the same answers.
	r, err := Restore(c.Export())
	if err != nil {
		t.Fatal(err)
	}
	extra := Doc{ID: "p5", Title: "Kessel ferry ends Velm flood runs", Text: "The Kessel ferry ended its Velm flood relief runs on the Ostra as the flood fell, the operator said."}
	if a, b := c.Assign(extra), r.Assign(extra); a.EventID != b.EventID || a.StoryID != b.StoryID || len(a.Moves) != len(b.Moves) {
		t.Errorf("restored clusterer answers %+v, the original %+v", b, a)
	}
}

// TestLoneEventThreshold: refinement holds an event alone in its story to
// StoryLoneThreshold, any other to StoryThreshold.
func TestLoneEventThreshold(t *testing.T) {
	lone := Doc{ID: "v1", Title: "Velm school shelters flood families", Text: "Families evacuated from the flooded Velm streets slept at the school, where volunteers handed out blankets; the Ostra was still rising."}
	for _, tc := range []struct {
		name     string
		loneTh   float64
		pair     bool // give the lone event's story a second event first
		wantMove bool
	}{
		{"alone, lone threshold met", 0.01, false, true},
		{"alone, no lone threshold", 0, false, false},
		{"not alone", 0.01, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := DefaultOptions()
			opt.StoryRefineEvery, opt.ArticleRefineEvery = 0, 0
			opt.StoryThreshold = 0.99 // each new event its own story
			c := mustNew(t, opt)
			run(t, c, refineDocs[:3])
			c.opt.EventThreshold = 0.99 // the report, close to the flood, starts an event of its own
			a := c.Assign(lone)
			if !a.NewEvent || !a.NewStory {
				t.Fatalf("the lone report joined %s %s: the scenario wants it alone", a.EventID, a.StoryID)
			}
			ev := c.events[a.EventID]
			if tc.pair {
				b := c.Assign(refineDocs[3]) // the timetable notice
				if !b.NewStory {
					t.Fatalf("the notice joined story %s", b.StoryID)
				}
				var asg Assignment
				c.mergeStories(ev.story, c.stories[b.StoryID], &asg)
			}
			before := ev.story.id
			// Nothing reaches StoryThreshold now; only the lone threshold
			// can move the event to the flood story.
			c.opt.StoryThreshold, c.opt.StoryLoneThreshold = 0.99, tc.loneTh
			var asg Assignment
			c.refineEvent(ev, &asg)
			if moved := ev.story.id != before; moved != tc.wantMove {
				t.Errorf("moved %v, want %v (moves %+v)", moved, tc.wantMove, asg.Moves)
			}
		})
	}
}
