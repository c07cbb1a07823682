package cluster

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/synth"
)

var day0 = time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)

// Fictional articles: two events of one story (the Calden water dispute),
// and an unrelated event.
var (
	damTalks1 = Doc{ID: "a1", Title: "Calden and Fenwick open talks on Lake Ivra dam", Published: day0,
		Text: "Negotiators from Calden and Fenwick met in Dunmore on Monday to open talks on the Lake Ivra dam, whose reservoir supplies both cities. Mayor Rita Conde of Calden said the dam's sluice schedule had starved Fenwick's farms of water all summer. Fenwick's water board chairman Elio Marsh called the talks a first step."}
	damTalks2 = Doc{ID: "a2", Title: "Dam talks in Dunmore end without deal", Published: day0.Add(20 * time.Hour),
		Text: "Talks between Calden and Fenwick over the Lake Ivra dam ended in Dunmore without a deal, Rita Conde said. Elio Marsh of the Fenwick water board said the sluice schedule remained the sticking point and the reservoir levels kept falling."}
	damRuling = Doc{ID: "a3", Title: "Court orders Lake Ivra dam to release more water to Fenwick", Published: day0.Add(40 * 24 * time.Hour),
		Text: "A regional court in New Arlen ordered the operators of the Lake Ivra dam to release more water from the reservoir to Fenwick, ending a dispute that began when Calden changed the sluice schedule. Rita Conde said Calden would appeal; Elio Marsh welcomed the ruling for Fenwick's farms."}
	chessFinal = Doc{ID: "a4", Title: "Hana Petrov wins Kestrel City chess final", Published: day0.Add(24 * time.Hour),
		Text: "Hana Petrov won the Kestrel City chess final on Tuesday, beating Jonas Veer with the black pieces in a 61-move endgame. Petrov, 19, is the youngest winner of the tournament, which drew 400 players to the Kestrel City convention hall."}
)

func mustNew(t testing.TB, opt Options) *Clusterer {
	t.Helper()
	c, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAssign(t *testing.T) {
	copyOfA1 := damTalks1
	copyOfA1.ID, copyOfA1.CopyOf = "a1-copy", "a1"
	tests := []struct {
		name string
		docs []Doc
		// want[i] is the index of the article whose event article i
		// should share, and wantStory likewise for stories.
		wantEvent, wantStory []int
	}{
		{"one event", []Doc{damTalks1, damTalks2}, []int{0, 0}, []int{0, 0}},
		{"unrelated events", []Doc{damTalks1, chessFinal}, []int{0, 1}, []int{0, 1}},
		{"two events of one story", []Doc{damTalks1, damTalks2, damRuling}, []int{0, 0, 2}, []int{0, 0, 0}},
		{"copy joins its original", []Doc{damTalks1, chessFinal, copyOfA1}, []int{0, 1, 0}, []int{0, 1, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustNew(t, DefaultOptions())
			var got []Assignment
			for _, d := range tt.docs {
				got = append(got, c.Assign(d))
			}
			for i, a := range got {
				ev := c.Resolve(a.EventID)
				if want := c.Resolve(got[tt.wantEvent[i]].EventID); ev != want {
					t.Errorf("%s: event %s, want %s (scores: %+v)", a.Article, ev, want, got)
				}
				st, _ := c.Event(ev)
				wst, _ := c.Event(got[tt.wantStory[i]].EventID)
				if st.StoryID != wst.StoryID {
					t.Errorf("%s: story %s, want %s", a.Article, st.StoryID, wst.StoryID)
				}
			}
		})
	}
}

func TestCopyDoesNotVote(t *testing.T) {
	c := mustNew(t, DefaultOptions())
	c.Assign(damTalks1)
	before := c.Export()
	cp := damTalks2
	cp.ID, cp.CopyOf = "copy", "a1"
	a := c.Assign(cp)
	if !a.Copy || a.EventID != "ev-000001" {
		t.Fatalf("copy: got %+v", a)
	}
	after := c.Export()
	if !reflect.DeepEqual(before.Terms, after.Terms) || before.Docs != after.Docs {
		t.Error("a copy changed the vocabulary or the IDF counts")
	}
	if !reflect.DeepEqual(before.Events[0].Terms, after.Events[0].Terms) {
		t.Error("a copy changed its event's centroid")
	}
	if got := after.Events[0].Articles; !slices.Equal(got, []string{"a1", "copy"}) {
		t.Errorf("articles %v", got)
	}
}

func TestAssignTwiceIsIdempotent(t *testing.T) {
	c := mustNew(t, DefaultOptions())
	first := c.Assign(damTalks1)
	again := c.Assign(damTalks1)
	if again.EventID != first.EventID || again.NewEvent {
		t.Errorf("second assignment %+v, first %+v", again, first)
	}
	if info, _ := c.Event(first.EventID); len(info.Articles) != 1 {
		t.Errorf("articles %v", info.Articles)
	}
}

func TestMergeAndResolve(t *testing.T) {
	opt := DefaultOptions()
	opt.EventThreshold, opt.EventMerge = 0.2, 0.3
	c := mustNew(t, opt)
	a := c.Assign(Doc{ID: "x", Text: "Harbour cranes idle as dockworkers strike over pensions"})
	b := c.Assign(Doc{ID: "y", Text: "Reservoir sluice dispute floods farmland downstream"})
	if a.EventID == b.EventID {
		t.Fatalf("unrelated articles share event %s", a.EventID)
	}
	bridge := c.Assign(Doc{ID: "z", Text: "Harbour cranes idle as dockworkers strike over pensions while reservoir sluice dispute floods farmland downstream"})
	want := []Merge{{Kind: "event", From: b.EventID, To: a.EventID}}
	if len(bridge.Merges) == 0 || bridge.Merges[0] != want[0] {
		t.Fatalf("merges %+v, want %+v first", bridge.Merges, want)
	}
	if got := c.Resolve(b.EventID); got != a.EventID {
		t.Errorf("Resolve(%s) = %s, want %s", b.EventID, got, a.EventID)
	}
	info, ok := c.Event(b.EventID)
	if !ok || info.ID != a.EventID || !slices.Equal(info.Articles, []string{"x", "z", "y"}) {
		t.Errorf("Event(%s) = %+v, %v", b.EventID, info, ok)
	}
	if got := c.EventOf("y"); got != a.EventID {
		t.Errorf("EventOf(y) = %s", got)
	}
	if got := c.Resolve("ev-999999"); got != "ev-999999" {
		t.Errorf("unknown ID resolved to %s", got)
	}
}

// synthDocs returns n synthetic articles, three minutes apart, reporting
// events of about a dozen articles each: synth's text shares one small
// vocabulary, so each article also names its event's invented place and
// people, as real reports of one happening do.
func synthDocs(seed uint64, n int) []Doc {
	g := synth.New(seed)
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = synthDoc(g, i)
	}
	return docs
}

var syllables = []string{"ka", "lo", "mer", "vin", "to", "sa", "rul", "den", "bi", "or", "ash", "pel", "qu", "zan", "eth", "mi"}

// coined makes a capitalised invented word from n.
func coined(n int) string {
	var b strings.Builder
	for k := 0; k < 4; k++ {
		b.WriteString(syllables[n%len(syllables)])
		n /= len(syllables)
	}
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

func synthDoc(g *synth.Generator, i int) Doc {
	a := g.Next(1500)
	// Four events run at once; each lasts 48 articles (2.4 hours) and has
	// its own place, people and twelve words of its own.
	ev := i/48*4 + i%4
	w := func(k int) string { return coined(16*ev + k) }
	title := fmt.Sprintf("%s: %s and %s %s", w(0), w(1), strings.ToLower(w(2)), a.Title)
	var extra []string
	for k := 0; k < 4; k++ {
		x, y, z := 3+(i+k)%12, 3+(i+2*k+1)%12, 3+(i+3*k+2)%12
		extra = append(extra, fmt.Sprintf("In %s, %s said the %s %s would follow the %s.", w(0), w(1), strings.ToLower(w(x)), strings.ToLower(w(y)), strings.ToLower(w(z))))
	}
	paras := append([]string{strings.Join(extra, " ")}, a.Paragraphs...)
	return Doc{ID: a.ID, Title: title, Paragraphs: paras, Published: a.Published}
}

func run(t testing.TB, c *Clusterer, docs []Doc) []Assignment {
	out := make([]Assignment, len(docs))
	for i, d := range docs {
		out[i] = c.Assign(d)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	docs := synthDocs(7, 600)
	docs = append(docs, damTalks1, damTalks2, chessFinal, damRuling)
	a := run(t, mustNew(t, DefaultOptions()), docs)
	b := run(t, mustNew(t, DefaultOptions()), docs)
	if !reflect.DeepEqual(a, b) {
		for i := range a {
			if !reflect.DeepEqual(a[i], b[i]) {
				t.Fatalf("article %d: %+v then %+v", i, a[i], b[i])
			}
		}
	}
}

func TestExportRestore(t *testing.T) {
	evicting := DefaultOptions()
	evicting.Grace, evicting.EventWindow, evicting.StoryWindow = 100, 6*time.Hour, 12*time.Hour
	for _, tt := range []struct {
		name string
		opt  Options
	}{{"defaults", DefaultOptions()}, {"evicting and compacting", evicting}} {
		t.Run(tt.name, func(t *testing.T) {
			docs := synthDocs(11, 1200)
			whole := mustNew(t, tt.opt)
			want := run(t, whole, docs)

			checkRestart(t, tt.opt, docs, 700, whole, want)
		})
	}
}

func TestRestoreRejectsBadState(t *testing.T) {
	c := mustNew(t, DefaultOptions())
	run(t, c, []Doc{damTalks1, chessFinal})
	tests := []struct {
		name   string
		break_ func(*State)
	}{
		{"version", func(s *State) { s.Version = 99 }},
		{"options", func(s *State) { s.Options.EventThreshold = 0 }},
		{"term out of range", func(s *State) { s.Events[0].Terms[0].Term = 1 << 30 }},
		{"unknown story", func(s *State) { s.Events[0].StoryID = "st-424242" }},
		{"duplicate term", func(s *State) { s.Terms[1].Key = s.Terms[0].Key }},
		{"times for articles", func(s *State) { s.Events[0].Times = s.Events[0].Times[1:] }},
		{"recent term out of range", func(s *State) { s.Recent[0].Terms[0].Term = 1 << 30 }},
		{"recent out of order", func(s *State) { s.Recent[1].Seq = s.Recent[0].Seq }},
		{"recent place unknown", func(s *State) { s.Recent[0].Places = []int32{-1} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := c.Export()
			tt.break_(&s)
			if _, err := Restore(s); err == nil {
				t.Error("Restore accepted a broken state")
			}
		})
	}
}

func TestEvictionBoundsMemory(t *testing.T) {
	opt := DefaultOptions()
	opt.Grace = 200
	opt.EventWindow = 12 * time.Hour
	opt.StoryWindow = 24 * time.Hour
	c := mustNew(t, opt)
	var evicted int
	for _, d := range synthDocs(3, 3000) { // three minutes apart: 6.25 days
		evicted += len(c.Assign(d).Evicted)
	}
	if evicted == 0 {
		t.Fatal("nothing was evicted")
	}
	// A day of articles is 480; with the window and the grace, at most
	// about 1,000 articles' events can be resident.
	held := 0
	for _, ev := range c.Events() {
		held += len(ev.Articles)
	}
	if held > 1500 {
		t.Errorf("%d articles held in memory after 3,000 with a 12-hour window", held)
	}
	if !slices.ContainsFunc(c.storyList, func(st *story) bool { return st.compact && len(st.terms.e) <= c.opt.IndexTerms }) {
		t.Error("no quiet story was compacted")
	}
	if len(c.articleOf) != held {
		t.Errorf("article index holds %d, events %d", len(c.articleOf), held)
	}
}

func TestLabel(t *testing.T) {
	c := mustNew(t, DefaultOptions())
	a := run(t, c, []Doc{damTalks1, damTalks2})
	info, _ := c.Event(a[0].EventID)
	if !strings.Contains(info.Label, " — ") {
		t.Errorf("label %q lacks entities or terms", info.Label)
	}
	for _, want := range []string{"dam"} {
		if !strings.Contains(strings.ToLower(info.Label), want) {
			t.Errorf("label %q lacks %q", info.Label, want)
		}
	}
	if info.First != day0 || info.Last != day0.Add(20*time.Hour) {
		t.Errorf("span %v – %v", info.First, info.Last)
	}
	t.Logf("label: %s", info.Label)

	// Words of time say when, not what.
	c = mustNew(t, DefaultOptions())
	morning := func(id, body string) Doc {
		return Doc{ID: id, Title: "Ferry strike this morning", Published: day0, Text: body}
	}
	a = run(t, c, []Doc{
		morning("m1", "Ferry crews walked out this morning in Lindqvist harbour. The morning sailings were cancelled and the strike will last a week."),
		morning("m2", "The ferry strike began this morning; crews said the morning walkout in Lindqvist harbour would last a week."),
	})
	info, _ = c.Event(a[0].EventID)
	for _, w := range []string{"morning", "week"} {
		if strings.Contains(strings.ToLower(info.Label), w) {
			t.Errorf("label %q says %q", info.Label, w)
		}
	}
	if !strings.Contains(strings.ToLower(info.Label), "strike") {
		t.Errorf("label %q lacks the strike", info.Label)
	}
}

func ExampleClusterer_Assign() {
	c, _ := New(DefaultOptions())
	for _, d := range []Doc{damTalks1, damTalks2, chessFinal} {
		a := c.Assign(d)
		fmt.Println(a.Article, a.EventID, a.StoryID, a.NewEvent)
	}
	// Output:
	// a1 ev-000001 st-000001 true
	// a2 ev-000001 st-000001 false
	// a4 ev-000002 st-000002 true
}

func TestPostingsCap(t *testing.T) {
	idx := make(map[int32][]*event)
	var evs []*event
	for n := int64(1); n <= maxPostings+44; n++ {
		ev := &event{cluster: cluster{n: n, id: EventID(n)}}
		reindex(idx, ev, []int32{7, 9})
		evs = append(evs, ev)
	}
	if got := len(idx[7]); got != maxPostings {
		t.Fatalf("postings under a shared key: %d, want %d", got, maxPostings)
	}
	for _, ev := range evs[:44] {
		if len(ev.indexed) != 0 || slices.Contains(idx[7], ev) {
			t.Errorf("%s kept %v, want its postings dropped as the oldest", ev.id, ev.indexed)
		}
	}
	for _, ev := range evs[44:] {
		if !slices.Equal(ev.indexed, []int32{7, 9}) {
			t.Errorf("%s indexed %v", ev.id, ev.indexed)
		}
	}
	// Dropping a cluster leaves no trace.
	reindex(idx, evs[100], nil)
	if slices.Contains(idx[7], evs[100]) || len(evs[100].indexed) != 0 {
		t.Error("dropped cluster still posted")
	}
}

// TestRestoreOldVersion: a state written by an older clusterer is refused
// with ErrState and a message saying to rebuild.
func TestRestoreOldVersion(t *testing.T) {
	c := mustNew(t, DefaultOptions())
	run(t, c, []Doc{damTalks1})
	s := c.Export()
	s.Version = StateVersion - 1
	_, err := Restore(s)
	if !errors.Is(err, ErrState) || !strings.Contains(err.Error(), "rebuild") {
		t.Errorf("Restore of version %d: %v, want ErrState saying to rebuild", s.Version, err)
	}
}

// TestVectorizeConcurrent: Vectorize gives the same Vector from any
// goroutine, and Assign is AssignVector(Vectorize).
func TestVectorizeConcurrent(t *testing.T) {
	docs := append(synthDocs(5, 64), damTalks1, damTalks2, damRuling, chessFinal)
	want := make([]*Vector, len(docs))
	for i, d := range docs {
		want[i] = Vectorize(d)
	}
	got := make([]*Vector, len(docs))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := len(docs) - 1 - w; i >= 0; i -= 4 {
				got[i] = Vectorize(docs[i])
			}
		})
	}
	wg.Wait()
	for i := range docs {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("article %d vectorised differently in parallel", i)
		}
	}
	a, b := mustNew(t, DefaultOptions()), mustNew(t, DefaultOptions())
	for i, d := range docs {
		if x, y := a.Assign(d), b.AssignVector(want[i]); !reflect.DeepEqual(x, y) {
			t.Fatalf("article %d: Assign %+v, AssignVector %+v", i, x, y)
		}
	}
}

func TestVectorize(t *testing.T) {
	v := Vectorize(Doc{ID: "x", Title: "Pompeo meets Lavrov in Sochi",
		Paragraphs: []string{"U.S. Secretary of State Mike Pompeo met Sergey Lavrov in the resort city of Sochi on May 14, 2019, for talks.", "The 26 pirates were seized, officials said. Talks went on."}})
	if v.ID() != "x" {
		t.Errorf("ID %q", v.ID())
	}
	ents := map[string]float32{}
	for _, f := range v.ents {
		ents[f.surface] = f.n[zoneTitle] + f.n[zoneLead] + f.n[zoneRest]
	}
	for _, want := range []string{"Pompeo", "Lavrov", "Sochi", "Mike Pompeo", "Sergey Lavrov", "26"} {
		if ents[want] == 0 {
			t.Errorf("entity %q missing: %v", want, ents)
		}
	}
	if _, ok := ents["May"]; ok {
		t.Errorf("a month counted as a name: %v", ents)
	}
	var places []string
	for _, p := range v.places {
		places = append(places, v.ents[p].surface)
	}
	if !slices.Equal(places, []string{"Sochi"}) {
		t.Errorf("places %q, want Sochi (title and lead)", places)
	}
	var talk feature
	for _, f := range v.terms {
		if f.key == "talk" {
			talk = f
		}
	}
	if talk.n != [zones]float32{0, 2, 0} {
		t.Errorf("talk counted %v by zone, want twice in the lead", talk.n)
	}
	if !slices.Equal(v.years, []int32{2019}) || len(v.days) != 1 {
		t.Errorf("years %v days %v", v.years, v.days)
	}
}

func TestDateline(t *testing.T) {
	// An undated text whose dateline reads "March 4, 2009" resolves its
	// "Tuesday" to 3 March 2009.
	v := Vectorize(Doc{ID: "d", Paragraphs: []string{"WEDNESDAY, MARCH 4, 2009", "President Barack Obama announced plans Tuesday to resume reviews."}})
	day := func(y int, m time.Month, d int) int32 {
		return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	}
	if !slices.Contains(v.days, day(2009, 3, 3)) || !slices.Contains(v.days, day(2009, 3, 4)) {
		t.Errorf("days %v, want 4 and 3 March 2009", v.days)
	}
	if !v.published.IsZero() {
		t.Error("a dateline became a published time")
	}
}

func TestSelectTop(t *testing.T) {
	for _, n := range []int{0, 1, 5, 17, 100, 1000} {
		for _, k := range []int{0, 1, 3, 16, 50, 999, 2000} {
			xs := make([]ranked, n)
			for i := range xs {
				xs[i] = ranked{int32(i), float64((i * 7919) % 97)} // many ties
			}
			want := slices.Clone(xs)
			slices.SortFunc(want, heavier)
			selectTop(xs, k, heavier)
			kk := min(k, n)
			got := slices.Clone(xs[:kk])
			slices.SortFunc(got, heavier)
			if !slices.Equal(got, want[:kk]) {
				t.Fatalf("n=%d k=%d: top %v, want %v", n, k, got, want[:kk])
			}
		}
	}
}

// TestForget: with a short grace the vocabulary holds what recent articles
// and the clusters in memory use, not every word ever seen; a run
// restored after words were forgotten goes on exactly as one that was not
// interrupted.
func TestForget(t *testing.T) {
	opt := DefaultOptions()
	opt.Grace, opt.EventWindow, opt.StoryWindow = 300, 6*time.Hour, 12*time.Hour
	docs := synthDocs(13, 5000)
	whole := mustNew(t, opt)
	want := run(t, whole, docs)
	live := 0
	for _, term := range whole.vocab {
		if term.key != "" {
			live++
		}
	}
	if len(whole.free) == 0 || live != len(whole.ids) {
		t.Fatalf("nothing forgotten, or the index disagrees: %d free, %d live, %d indexed", len(whole.free), live, len(whole.ids))
	}
	t.Logf("vocabulary: %d entries live, %d free", live, len(whole.free))

	checkRestart(t, opt, docs, 4300, whole, want)
}

// checkRestart runs docs[:at] on a new clusterer, exports its state through
// JSON, restores it and runs the rest: every assignment and the final state
// must be those of the uninterrupted run (whole, which gave want).
func checkRestart(t *testing.T, opt Options, docs []Doc, at int, whole *Clusterer, want []Assignment) {
	t.Helper()
	first := mustNew(t, opt)
	run(t, first, docs[:at])
	blob, err := json.Marshal(first.Export())
	if err != nil {
		t.Fatal(err)
	}
	var st State
	if err := json.Unmarshal(blob, &st); err != nil {
		t.Fatal(err)
	}
	second, err := Restore(st)
	if err != nil {
		t.Fatal(err)
	}
	got := run(t, second, docs[at:])
	for i := range got {
		if !reflect.DeepEqual(got[i], want[at+i]) {
			t.Fatalf("article %d after restore: %+v, uninterrupted run: %+v", at+i, got[i], want[at+i])
		}
	}
	if !reflect.DeepEqual(second.Export(), whole.Export()) {
		t.Error("restored run's final state differs from the uninterrupted run's")
	}
}

// TestCopyAgain: a copy sent again, with a later date (a feed that
// re-dates its items), changes nothing, as an article sent twice does: its
// event and story keep the span their articles' times draw, which a
// respan (an article or event moving out) draws again.
func TestCopyAgain(t *testing.T) {
	c := mustNew(t, DefaultOptions())
	c.Assign(damTalks1)
	cp := damTalks2
	cp.ID, cp.CopyOf, cp.Published = "copy", damTalks1.ID, damTalks1.Published
	first := c.Assign(cp)
	ev := c.articleOf[damTalks1.ID]
	span := [2]time.Time{ev.first, ev.last}
	cp.Published = cp.Published.Add(72 * time.Hour)
	again := c.Assign(cp)
	if again.EventID != first.EventID || !again.Copy {
		t.Fatalf("sent again: %+v, first %+v", again, first)
	}
	if got := [2]time.Time{ev.first, ev.last}; got != span {
		t.Errorf("event spans %v after the copy came again, %v before", got, span)
	}
	checkInvariants(t, c, true)
}
