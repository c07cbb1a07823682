package cluster

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Two invented topics that share a few words ("car", "safety", the
// carmaker Norvik), written a month apart article by article so that each
// article is an event of its own: child car seats, and a car workers'
// contract.
var (
	seatDocs = []string{
		"Child car seats fail side crash tests|Safety regulators said three of ten child car seats failed side crash tests, and urged parents to fit booster seats with the belt across the hips.",
		"Regulators want booster seats for children up to eight|Safety regulators asked states to require booster seats for children up to eight, saying adult belts fit small passengers badly in a crash.",
		"Norvik recalls child seats after buckle fault|The carmaker Norvik recalled forty thousand child seats sold with its cars after regulators found a buckle that could open in a crash, leaving children without a belt.",
		"Parents fit child seats wrongly, safety study finds|Most parents fit child car seats wrongly, a safety study found: loose belts, booster seats used too early, infants facing forward in a crash.",
		"Crash tests rate booster seats for older children|New crash tests rated booster seats for older children, and safety regulators said a booster that holds the belt across the hips halves injuries.",
	}
	strikeDocs = []string{
		"Norvik car workers strike over contract and safety|Union car workers at the carmaker Norvik went on strike after contract talks broke down over pensions, wages, plant safety and the closing of an assembly plant.",
		"Union and Norvik resume contract talks|Negotiators for the union and the carmaker Norvik resumed contract talks on wages and pensions as the strike idled assembly plants.",
		"Strike spreads to Norvik parts plants|The union strike spread to parts plants, idling assembly lines, as negotiators for Norvik and the workers traded offers on wages and pensions.",
		"Norvik and union reach tentative contract|The union reached a tentative contract with the carmaker Norvik that raises wages, keeps pensions and ends the strike at its assembly plants.",
		"Workers ratify Norvik contract, ending strike|Union workers ratified the contract with Norvik, ending the strike; the deal raises wages and pensions and keeps two assembly plants open.",
	}
)

// interleave makes documents of the topics alternately, a month apart,
// IDs by topic ("seat1", "strike1", ...).
func interleave(topics map[string][]string, order []string) []Doc {
	var docs []Doc
	t0 := time.Date(2019, 1, 1, 12, 0, 0, 0, time.UTC)
	for i := 0; ; i++ {
		added := false
		for _, name := range order {
			texts := topics[name]
			if i >= len(texts) {
				continue
			}
			title, text, _ := strings.Cut(texts[i], "|")
			docs = append(docs, Doc{ID: fmt.Sprintf("%s%d", name, i+1), Title: title, Text: text, Published: t0.AddDate(0, len(docs), 0)})
			added = true
		}
		if !added {
			return docs
		}
	}
}

func TestSplitStory(t *testing.T) {
	topics := map[string][]string{"seat": seatDocs, "strike": strikeDocs}
	mixed := interleave(topics, []string{"seat", "strike"})
	seats := interleave(topics, []string{"seat"})
	for _, tc := range []struct {
		name  string
		docs  []Doc
		split float64
		// apart is StorySplitApart: with split near nought, only the
		// silhouette can split.
		apart float64
		// want maps each topic (an ID without its number) to the group
		// it should end in: the events of one group share a story, and
		// groups differ.
		want map[string]int
	}{
		{"off, the mixed story stays", mixed, 0, 0, map[string]int{"seat": 0, "strike": 0}},
		{"on, the mixed story splits by topic", mixed, 0.25, 0, map[string]int{"seat": 0, "strike": 1}},
		{"on, one topic stays whole", seats, 0.25, 0, map[string]int{"seat": 0}},
		{"apart, the mixed story splits by topic", mixed, 0.01, 0.5, map[string]int{"seat": 0, "strike": 1}},
		{"apart, one topic stays whole", seats, 0.01, 0.5, map[string]int{"seat": 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := DefaultOptions()
			// Every event joins the first story, as a chance likeness
			// would have it, and refinement runs once, at the end.
			opt.StoryThreshold = 0.001
			opt.StoryMerge = 0
			opt.StoryRefineEvery = len(tc.docs)
			opt.StorySplit, opt.StorySplitApart = tc.split, tc.apart
			c := mustNew(t, opt)
			stories := map[int]string{}
			moves := 0
			for _, d := range tc.docs {
				a := c.Assign(d)
				if !a.NewEvent {
					t.Fatalf("%s joined event %s: the scenario wants an event per article", d.ID, a.EventID)
				}
				moves += len(a.Moves)
			}
			for _, d := range tc.docs {
				ev, ok := c.Event(c.EventOf(d.ID))
				if !ok {
					t.Fatalf("%s: no event in memory", d.ID)
				}
				g := tc.want[strings.TrimRight(d.ID, "0123456789")]
				if st, seen := stories[g]; !seen {
					stories[g] = ev.StoryID
				} else if st != ev.StoryID {
					t.Errorf("%s is in story %s, want %s with the rest of its group", d.ID, ev.StoryID, st)
				}
			}
			groups := map[int]bool{}
			for _, g := range tc.want {
				groups[g] = true
			}
			// The events that leave are reported, so that the store can
			// move their articles: all five of one topic.
			if want := 5 * (len(groups) - 1); moves != want {
				t.Errorf("%d moves reported, want %d", moves, want)
			}
			// Each story spans its own articles only: the one the others
			// left no longer reaches to their last.
			for g, id := range stories {
				var first, last time.Time
				for _, d := range tc.docs {
					if tc.want[strings.TrimRight(d.ID, "0123456789")] == g {
						first, last = widen(first, last, d.Published, d.Published)
					}
				}
				st, ok := c.Story(id)
				if !ok {
					t.Fatalf("story %s not in memory", id)
				}
				if !st.First.Equal(first) || !st.Last.Equal(last) {
					t.Errorf("story %s spans %v – %v, its articles %v – %v", id, st.First, st.Last, first, last)
				}
			}
			seen := map[string]int{}
			for g, st := range stories {
				if h, dup := seen[st]; dup {
					t.Errorf("groups %d and %d share story %s, want apart", h, g, st)
				}
				seen[st] = g
			}
		})
	}
}

// TestMergeBlurred: two stories of one topic, whose events are as like the
// other story's as their own, are one story; two stories of two topics are
// left apart.
func TestMergeBlurred(t *testing.T) {
	topics := map[string][]string{"seat": seatDocs, "strike": strikeDocs}
	for _, tc := range []struct {
		name  string
		order []string
		// pairs are the two stories built, two events each (by index
		// into the arrivals).
		pairs     [2][2]int
		wantMerge bool
	}{
		{"one topic in two stories", []string{"seat"}, [2][2]int{{0, 2}, {1, 3}}, true},
		{"two topics", []string{"seat", "strike"}, [2][2]int{{0, 2}, {1, 3}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := DefaultOptions()
			opt.StoryThreshold = 0.99 // every event its own story
			opt.StoryRefineEvery, opt.ArticleRefineEvery = 0, 0
			c := mustNew(t, opt)
			var sts []*story
			for _, d := range interleave(topics, tc.order)[:4] {
				a := c.Assign(d)
				if !a.NewStory {
					t.Fatalf("%s joined story %s", d.ID, a.StoryID)
				}
				sts = append(sts, c.stories[a.StoryID])
			}
			var asg Assignment
			x := c.mergeStories(sts[tc.pairs[0][0]], sts[tc.pairs[0][1]], &asg)
			y := c.mergeStories(sts[tc.pairs[1][0]], sts[tc.pairs[1][1]], &asg)
			c.opt.StoryThreshold, c.opt.StoryMergeApart = 0.01, 0.3
			asg = Assignment{}
			c.mergeBlurred(x, &asg)
			merged := x.alive != y.alive
			if merged != tc.wantMerge {
				t.Errorf("merged %v, want %v (merges %+v)", merged, tc.wantMerge, asg.Merges)
			}
		})
	}
}
