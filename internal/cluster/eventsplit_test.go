package cluster

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// splitDocs: the Kessel port authority appoints a harbour master, and
// (years later, though the reports do not say so) dismisses her. Both
// happenings have the same people, places and most of their words; the
// dismissal's first reports join the appointment's event.
func splitDocs() []Doc {
	hire := []string{
		"Ilse Marrow will be Kessel's next harbour master. The board chose her from twelve candidates after interviews that ran through the spring, and she starts in the autumn. Colleagues describe a patient negotiator who rebuilt the pilot rota at Sarn and brought the dredging budget back into balance.",
		"Kessel has a new harbour master: Ilse Marrow, chosen from twelve candidates, takes over in the autumn. She promised to rebuild the pilot rota, extend the dredging programme and open the quay to cruise ships, which the board hopes will bring tourists and trade.",
		"Pilots and ferry crews welcomed the choice of Ilse Marrow to run Kessel harbour. At Sarn she rebuilt the pilot rota and balanced the dredging budget, and unions said a patient negotiator was what the quay needed after years of disputes.",
		"Ilse Marrow, named Kessel harbour master this week, set out her plans: a rebuilt pilot rota, a longer dredging season and berths for cruise ships. She starts in the autumn, after handing over at Sarn, where she spent nine years.",
		"The board's choice of Ilse Marrow as Kessel harbour master drew praise from the ferry operators, who hope her plans for cruise berths and a longer dredging season will bring more traffic. She was picked from twelve candidates.",
	}
	fire := []string{
		"Ilse Marrow has been sacked as Kessel harbour master after auditors found harbour dues missing from the accounts. Police were called in and the accounts frozen while the fraud inquiry runs.",
		"Auditors who found harbour dues missing have cost Ilse Marrow her job. She denies any fraud and says she will sue; police have seized the accounts and questioned two clerks.",
		"Ilse Marrow, sacked over missing harbour dues, denies fraud. The inquiry widened on Friday when police questioned two clerks and froze the accounts; her lawyer said she would sue.",
		"Police questioning two clerks over the missing harbour dues say the fraud may go back years. Ilse Marrow, sacked last week, denies wrongdoing and has hired a lawyer.",
		"The fraud inquiry into missing harbour dues, which cost Ilse Marrow her job, has frozen the accounts and will take months, police said. The auditors' report runs to ninety pages.",
	}
	var docs []Doc
	for i, t := range hire {
		docs = append(docs, Doc{ID: fmt.Sprintf("hire%d", i), Text: t})
	}
	for i, t := range fire {
		docs = append(docs, Doc{ID: fmt.Sprintf("fire%d", i), Text: t})
	}
	return docs
}

func splitOptions(min int) Options {
	opt := DefaultOptions()
	opt.ArticleRefineEvery, opt.ArticleRefineWindow = 1, 16
	// Short reports that share a name everywhere stay more alike across
	// the halves than ECB+'s longer ones: the split test is set for them.
	opt.EventSplitMin, opt.EventSplitBelow = min, 0.36
	return opt
}

func TestSplitSeparatesTwoHappenings(t *testing.T) {
	docs := splitDocs()
	off := mustNew(t, splitOptions(0))
	run(t, off, docs)
	if off.EventOf("hire0") != off.EventOf("fire4") {
		t.Fatal("without the split test the dismissal has an event of its own already: the scenario tests nothing")
	}

	c := mustNew(t, splitOptions(4))
	as := run(t, c, docs)
	hired, fired := c.EventOf("hire0"), c.EventOf("fire0")
	if hired == fired {
		t.Fatalf("the appointment and the dismissal are one event, %s", hired)
	}
	if hired != as[0].EventID {
		t.Errorf("the appointment is in %s; the half with the oldest article should keep its event, %s", hired, as[0].EventID)
	}
	for _, d := range docs {
		want := hired
		if strings.HasPrefix(d.ID, "fire") {
			want = fired
		}
		if got := c.EventOf(d.ID); got != want {
			t.Errorf("%s is in %s, want %s", d.ID, got, want)
		}
	}
	h, _ := c.Event(hired)
	f, _ := c.Event(fired)
	if h.StoryID != f.StoryID {
		t.Errorf("the halves are in stories %s and %s, want one", h.StoryID, f.StoryID)
	}
	// The articles that left are reported as moves into the new event.
	moved := map[string]bool{}
	for _, a := range as {
		for _, m := range a.ArticleMoves {
			if m.ToEvent == fired {
				moved[m.Article] = true
			}
		}
	}
	for _, d := range docs {
		if strings.HasPrefix(d.ID, "fire") && !moved[d.ID] && as[slices.IndexFunc(docs, func(x Doc) bool { return x.ID == d.ID })].EventID != fired {
			t.Errorf("%s reached %s without a reported move", d.ID, fired)
		}
	}
}

// TestSplitRestore: a run restored at any point splits as an
// uninterrupted run does.
func TestSplitRestore(t *testing.T) {
	docs := splitDocs()
	opt := splitOptions(4)
	whole := mustNew(t, opt)
	want := run(t, whole, docs)
	for at := 1; at < len(docs); at++ {
		checkRestart(t, opt, docs, at, whole, want)
	}
}
