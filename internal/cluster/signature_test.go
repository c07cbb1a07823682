package cluster

import (
	"fmt"
	"testing"
)

// Two halves of one broad story: marsh rules in three towns (councils,
// permits, builders) and marsh reserves in three regions (birds, reeds,
// rangers). Every article names the wetlands; no other word is in every
// article of either half, and little is shared across the halves.
var (
	marshRules = []Doc{
		{ID: "r1", Title: "Velm council tightens wetlands permits", Text: "The Velm council voted to tighten permits for draining wetlands, forcing developers to file plans first."},
		{ID: "r2", Title: "Builders sue Lusk council over wetlands rule", Text: "Builders in Lusk sued the council over its wetlands rule, arguing the drainage plans it demands break state law."},
		{ID: "r3", Title: "Judge backs Brava planners on wetlands permits", Text: "A judge backed the Brava planners, ruling they may refuse builders a permit for a marina on the wetlands south of town."},
	}
	marshReserves = []Doc{
		{ID: "k1", Title: "Karsenia opens reed reserve in northern wetlands", Text: "Karsenia opened a reserve in its northern wetlands, where rangers counted cranes nesting among the reeds."},
		{ID: "k2", Title: "Cranes and herons return to the Dalmar wetlands", Text: "Cranes and herons returned to breed in the Dalmar wetlands this spring, and birdwatchers counted more than last year."},
		{ID: "k3", Title: "Ranger post opens on the Isel wetlands", Text: "A ranger post opened on the Isel wetlands to guard nesting herons from poachers, the rangers said."},
	}
	// Reed reserves of a topic of their own: no wetlands named.
	reedFarms = []Doc{
		{ID: "m1", Title: "Ostra reed farmers sell thatch abroad", Text: "Reed farmers along the Ostra sold thatch to roofers abroad this year, cutting the reeds by hand in the frost."},
		{ID: "m2", Title: "Thatch prices lift Ostra reed farmers", Text: "Higher thatch prices lifted Ostra reed farmers, who cut and bundle the reeds each winter for roofers."},
		{ID: "m3", Title: "Ostra roofers buy more reed thatch", Text: "Roofers bought more Ostra reed thatch this winter, and the farmers said the frost made for a good cut."},
	}
)

// filler returns n articles on unrelated subjects, so that the document
// frequencies behind a signature are those of a stream, not of the few
// articles under test.
func filler(n int) []Doc {
	subjects := []string{"tram fares", "chess final", "bakery prices", "library hours", "bridge paint", "ferry tickets", "orchestra tour", "school meals", "road tolls", "museum roof"}
	out := make([]Doc, n)
	for i := range out {
		s := subjects[i%len(subjects)]
		out[i] = Doc{ID: fmt.Sprintf("x%d", i), Title: fmt.Sprintf("Notice %d on %s", i, s), Text: fmt.Sprintf("The office announced changes to %s in district %d, effective next month.", s, i)}
	}
	return out
}

// lone assigns docs to a clusterer that gives each its own event and
// story (the filler may meet its like), and returns the events, in order.
func lone(t *testing.T, opt Options, docs []Doc) (*Clusterer, []*event) {
	t.Helper()
	opt.EventThreshold, opt.StoryThreshold = 0.99, 0.99
	opt.StoryRefineEvery, opt.ArticleRefineEvery = 0, 0
	c := mustNew(t, opt)
	var evs []*event
	for _, d := range docs {
		a := c.Assign(d)
		if (!a.NewEvent || !a.NewStory) && d.ID[0] != 'x' {
			t.Fatalf("%s joined %s %s", d.ID, a.EventID, a.StoryID)
		}
		evs = append(evs, c.events[a.EventID])
	}
	return c, evs
}

func TestSignature(t *testing.T) {
	for _, tc := range []struct {
		name string
		docs []Doc
		pick []int // the events weighed, by index into docs
		df   float64
		want string
	}{
		{"the word every event names", marshReserves, []int{0, 1, 2}, 1, "wetland"},
		{"across both halves", append(append([]Doc(nil), marshRules...), marshReserves...), []int{0, 1, 2, 3, 4, 5}, 1, "wetland"},
		{"two events are too few", marshReserves, []int{0, 1}, 1, ""},
		{"no word in four fifths", append(append([]Doc(nil), marshRules[:2]...), reedFarms[:2]...), []int{0, 1, 2, 3}, 1, ""},
		{"too common", marshRules, []int{0, 1, 2}, 0.1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := DefaultOptions()
			opt.StorySignatureDF = tc.df
			c, evs := lone(t, opt, tc.docs)
			var picked []*event
			for _, i := range tc.pick {
				picked = append(picked, evs[i])
			}
			got := ""
			if id := c.signature(picked, nil, false); id >= 0 {
				got = c.vocab[id].key
			}
			if got != tc.want {
				t.Errorf("signature %q, want %q", got, tc.want)
			}
		})
	}
}

// TestSignatureIsTheRarest: of two words every event names, the one the
// rest of the stream uses less is the signature, whichever comes first.
func TestSignatureIsTheRarest(t *testing.T) {
	councils := []Doc{
		{ID: "c1", Title: "Ostra council sets tram fares", Text: "The Ostra council set new tram fares for next month."},
		{ID: "c2", Title: "Lusk council repaints bridge", Text: "The Lusk council will repaint the old bridge in spring."},
		{ID: "w1", Title: "Velm council tightens wetlands permits", Text: "The Velm council voted to tighten permits for draining wetlands."},
		{ID: "w2", Title: "Builders sue the Brava council over wetlands", Text: "Builders sued the Brava council over its wetlands rule."},
		{ID: "w3", Title: "Isel council buys wetlands for a reserve", Text: "The Isel council bought the wetlands south of town for a bird reserve."},
	}
	for _, tc := range []struct {
		name string
		docs []Doc
		want string
	}{
		{"council common", councils, "wetland"},
		{"council as rare", councils[2:], "council"}, // a tie: the word seen first
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, evs := lone(t, DefaultOptions(), append(filler(60), tc.docs...))
			id := c.signature(evs[len(evs)-3:], nil, false)
			if got := c.vocab[max(id, 0)].key; id < 0 || got != tc.want {
				t.Fatalf("signature %d (%s), want %s", id, got, tc.want)
			}
		})
	}
}

// TestSignedHalves: two stories with one signature are one story, which
// refinement merges and the split test keeps whole; a story whose
// signature is another word stays apart.
func TestSignedHalves(t *testing.T) {
	for _, tc := range []struct {
		name   string
		other  []Doc // the second story's articles, after marshRules
		sigOff bool
		one    bool // one story
	}{
		{"one signature", marshReserves, false, true},
		{"signatures off", marshReserves, true, false},
		{"another signature", reedFarms, false, false},
	} {
		// setup gives each article its own story, after 30 of filler.
		setup := func(t *testing.T) (*Clusterer, []*event) {
			opt := DefaultOptions()
			opt.StorySignatureDF = 0.2
			if tc.sigOff {
				opt.StorySignature = 0
			}
			c, evs := lone(t, opt, append(append(filler(30), marshRules...), tc.other...))
			return c, evs[30:]
		}
		t.Run(tc.name+"/merge", func(t *testing.T) {
			c, evs := setup(t)
			var asg Assignment
			a, b := evs[0].story, evs[3].story
			for i := range 2 {
				a = c.mergeStories(a, evs[1+i].story, &asg)
				b = c.mergeStories(b, evs[4+i].story, &asg)
			}
			asg = Assignment{}
			if c.signatures() {
				c.mergeSigned(b, &asg)
			}
			if merged := !a.alive || !b.alive; merged != tc.one {
				t.Errorf("merged %v, want %v (merges %+v)", merged, tc.one, asg.Merges)
			}
			if tc.one {
				if st, ok := c.Story(a.id); !ok || st.Size != 6 {
					t.Errorf("story %+v: want all six articles", st)
				}
				if got := c.Resolve(b.id); got != a.id {
					t.Errorf("the newer story resolves to %s, want the older %s", got, a.id)
				}
			}
		})
		t.Run(tc.name+"/split", func(t *testing.T) {
			c, evs := setup(t)
			st := evs[0].story
			var asg Assignment
			for _, ev := range evs[1:] {
				st = c.mergeStories(st, ev.story, &asg)
			}
			// Any two groups split: only the signature can hold them.
			c.opt.StorySplit, c.opt.StorySplitApart = 1, 0
			asg = Assignment{}
			c.splitStory(st, &asg)
			if split := len(asg.Moves) > 0; split == tc.one {
				t.Errorf("split %v, want %v (moves %+v)", split, !tc.one, asg.Moves)
			}
		})
	}
}

// TestSignedHalvesStream: arriving one at a time, interleaved, the two
// halves of the marsh story end as one story with signatures on and as
// two with them off; the reed farmers, who never name the wetlands, stay
// apart from the rules either way.
func TestSignedHalvesStream(t *testing.T) {
	for _, tc := range []struct {
		name  string
		other []Doc
		sig   float64
		one   bool
	}{
		{"signatures on", marshReserves, 0.8, true},
		{"signatures off", marshReserves, 0, false},
		{"another topic", reedFarms, 0.8, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := DefaultOptions()
			opt.StorySignature = tc.sig
			opt.StoryRefineEvery = 2
			opt.EventThreshold = 0.6 // each report its own event: this is about stories
			c := mustNew(t, opt)
			docs := filler(60)
			for i := range 3 {
				docs = append(docs, marshRules[i], tc.other[i])
			}
			var merges []Merge
			for _, a := range run(t, c, docs) {
				merges = append(merges, a.Merges...)
			}
			story := func(id string) string {
				ev, ok := c.Event(c.EventOf(id))
				if !ok {
					t.Fatalf("%s not held", id)
				}
				return ev.StoryID
			}
			rules, other := story(marshRules[0].ID), story(tc.other[0].ID)
			for i := range 3 {
				if s := story(marshRules[i].ID); s != rules {
					t.Errorf("%s in %s, %s in %s: want the rules in one story", marshRules[i].ID, s, marshRules[0].ID, rules)
				}
				if s := story(tc.other[i].ID); s != other {
					t.Errorf("%s in %s, %s in %s: want one story", tc.other[i].ID, s, tc.other[0].ID, other)
				}
			}
			if (rules == other) != tc.one {
				t.Fatalf("rules in %s, the other half in %s: want one story %v (merges %+v)", rules, other, tc.one, merges)
			}
			if tc.one && len(merges) == 0 {
				t.Error("one story, but no merge reported for the store to record")
			}
		})
	}
}
