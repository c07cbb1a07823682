package copies

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/synth"
)

var t0 = time.Date(2025, 5, 14, 9, 0, 0, 0, time.UTC)

// detector returns a detector over a fresh MemSource and an add function
// that keeps each document in the source first, as the store does.
func detector(t testing.TB) (*Detector, func(*Doc) *Decision) {
	t.Helper()
	src := &MemSource{}
	d := New(src, DefaultOptions())
	return d, func(doc *Doc) *Decision {
		t.Helper()
		src.Put(doc)
		dec, err := d.Add(context.Background(), doc)
		if err != nil {
			t.Fatalf("add %s: %v", doc.ID, err)
		}
		return dec
	}
}

// story returns a fictional article of about size bytes.
func story(seed uint64, size int) []string {
	return synth.New(seed).Next(size).Paragraphs
}

func status(t *testing.T, d *Detector, id string) Status {
	t.Helper()
	st, err := d.Status(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

const bio = "Gideon Farrow is the founder of The Lanternpost. He writes about faith and the nation, and before founding the site he led prayer groups online for a decade. His mission is to show readers that the events of our day are no coincidence."

func TestKinds(t *testing.T) {
	orig := story(1, 3000)
	quoted := slices.Clone(orig)
	quoted = slices.Insert(quoted, 6, "“"+orig[4]+",” they said.", "“"+orig[5]+",” they added.")
	other := story(2, 3000)
	edited := slices.Clone(orig)
	for i, p := range edited {
		ws := strings.Fields(p)
		for j := 7; j < len(ws); j += 31 {
			ws[j] = "reportedly"
		}
		edited[i] = strings.Join(ws, " ")
	}
	edited = slices.Insert(edited, 2, "Our take: this deserves more attention than it is getting from the national press.")
	tests := []struct {
		name  string
		paras []string
		kind  Kind // "" for no copy
	}{
		{"verbatim", orig, Full},
		{"bio appended", append(slices.Clone(orig), bio), Full},
		{"trimmed to 55%", orig[:len(orig)*55/100], Full},
		{"wrapped", append(append([]string{"Share this story:"}, orig...), "Includes reporting from Meridian Wire.", "Sign up to receive our latest news!"), Full},
		{"lightly edited", edited, Full},
		{"reflowed", []string{strings.Join(orig, " ")}, Full},
		{"partial", slices.Insert(slices.Clone(other), 3, orig[4:7]...), Partial},
		{"two quote paragraphs", slices.Insert(slices.Clone(other), 3, "“"+orig[4]+",” they said.", "“"+orig[5]+",” they added."), Partial},
		{"one paragraph is not a copy", slices.Insert(slices.Clone(other), 3, orig[4][:len(orig[4])/3]), ""},
		{"unrelated", story(3, 3000), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, add := detector(t)
			add(&Doc{ID: "orig", Source: "Meridian Wire", Published: t0, Paragraphs: quoted, IsWire: true})
			dec := add(&Doc{ID: "copy", Source: "The Lanternpost", Published: t0.Add(time.Hour), Paragraphs: tt.paras})
			st := status(t, d, "copy")
			if st.Kind != tt.kind {
				t.Fatalf("kind %q, want %q (matches %+v)", st.Kind, tt.kind, dec.Matches)
			}
			if tt.kind == "" {
				if len(dec.Matches) != 0 {
					t.Errorf("matches %+v, want none", dec.Matches)
				}
				return
			}
			if st.CopyOf != "orig" {
				t.Errorf("copy of %q, want orig", st.CopyOf)
			}
			if st.Containment <= 0 || st.Containment > 1 {
				t.Errorf("containment %v out of (0, 1]", st.Containment)
			}
			if o := status(t, d, "orig"); o.CopyOf != "" {
				t.Errorf("original has status %+v", o)
			}
		})
	}
}

// TestPressConference: two outlets report one press conference with the
// same quotes, names and titles, in their own words. Not copies.
func TestPressConference(t *testing.T) {
	a := []string{
		"PORT SELLAN, Valdoria (Meridian Wire) — Foreign Minister Ilse Rook and her Karsenian counterpart Dmitar Velescu ended two days of talks on Tuesday without an agreement on the Ves Strait, but promised to meet again before the end of the year.",
		"“We have opened a channel that was closed for six years, and we intend to keep it open whatever the difficulties,” Rook told a joint news conference at the Harbour Palace.",
		"Velescu said Karsenia would not accept inspections of its fleet in the strait. “Our ships will sail where international law allows them to sail, and no commission in Port Sellan will tell them otherwise,” he said.",
		"The talks were the first between the two foreign ministers since the 2019 border incident, when a Karsenian patrol boat detained a Valdorian fishing crew for eleven days.",
		"Rook said the two sides had agreed to set up a hotline between their coast guards. “A telephone call can stop a collision from becoming a crisis,” she said.",
		"Opposition leader Marten Holk criticised the meeting as theatre, saying the government had given Velescu a platform without securing any concession on fishing rights.",
	}
	b := []string{
		"Valdoria and Karsenia failed to break their deadlock over the Ves Strait on Tuesday, although both foreign ministers told reporters in Port Sellan that the mood of the talks had improved.",
		"Standing beside Dmitar Velescu at the Harbour Palace, Ilse Rook said: “We have opened a channel that was closed for six years, and we intend to keep it open whatever the difficulties.”",
		"Velescu was blunter. “Our ships will sail where international law allows them to sail, and no commission in Port Sellan will tell them otherwise,” the Karsenian minister declared, to applause from his delegation.",
		"Fishing communities on both shores have waited since 2019 for an agreement, after a patrol boat seized a crew from Halvard and held it for more than a week.",
		"The one concrete outcome is a hotline for the two coast guards. “A telephone call can stop a collision from becoming a crisis,” Rook said of the arrangement.",
		"Economists say a settlement could reopen the strait to container traffic worth several billion crowns a year.",
	}
	// The same quote paragraph, attribution and all, may well recur.
	same := "“A telephone call can stop a collision from becoming a crisis,” Rook said."
	tests := []struct {
		name string
		a, b []string
	}{
		{"own words", a, b},
		{"one identical quote paragraph", append(slices.Clone(a), same), append(slices.Clone(b), same)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, add := detector(t)
			add(&Doc{ID: "wire", Source: "Meridian Wire", Published: t0, Paragraphs: tt.a, IsWire: true})
			dec := add(&Doc{ID: "paper", Source: "Valdorian Courier", Published: t0.Add(2 * time.Hour), Paragraphs: tt.b})
			if len(dec.Matches) != 0 {
				t.Errorf("independent reports matched: %+v", dec.Matches)
			}
		})
	}
}

// TestOriginal checks the original rules on a pair of full copies.
func TestOriginal(t *testing.T) {
	text := story(4, 2500)
	withBio := append(slices.Clone(text), bio)
	tests := []struct {
		name         string
		first, later *Doc
		want, reason string
	}{
		{
			"earliest published wins over arrival",
			&Doc{ID: "copy", Published: t0.Add(time.Hour), Paragraphs: withBio},
			&Doc{ID: "orig", Published: t0, Paragraphs: text},
			"orig", "earliest published",
		},
		{
			"wire wins when times are equal",
			&Doc{ID: "copy", Published: t0, Paragraphs: text},
			&Doc{ID: "orig", Published: t0, Paragraphs: text, IsWire: true},
			"orig", "credited wire service",
		},
		{
			"credited source wins when a time is missing",
			&Doc{ID: "copy", Source: "NewsBeacon", Published: t0, Paragraphs: text, Credits: []string{"The Meridian Wire"}},
			&Doc{ID: "orig", Source: "Meridian Wire", Paragraphs: text},
			"orig", "credited wire service",
		},
		{
			"the text without the appendage wins",
			&Doc{ID: "copy", Paragraphs: withBio},
			&Doc{ID: "orig", Paragraphs: text},
			"orig", "cleaner text: the other adds to it",
		},
		{
			"the longer text wins over a trimmed one",
			&Doc{ID: "copy", Paragraphs: text[:len(text)*6/10]},
			&Doc{ID: "orig", Paragraphs: text},
			"orig", "longer text",
		},
		{
			"less boilerplate removed wins",
			&Doc{ID: "copy", Paragraphs: text, Removed: 3},
			&Doc{ID: "orig", Paragraphs: text, Removed: 0},
			"orig", "cleaner text: less boilerplate removed",
		},
		{
			"first to arrive on a full tie",
			&Doc{ID: "orig", Paragraphs: text},
			&Doc{ID: "copy", Paragraphs: text},
			"orig", "first to arrive",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, add := detector(t)
			add(tt.first)
			add(tt.later)
			g, err := d.Group("copy")
			if err != nil {
				t.Fatal(err)
			}
			if g.Original != tt.want || g.Reason != tt.reason {
				t.Errorf("original %s (%s), want %s (%s)", g.Original, g.Reason, tt.want, tt.reason)
			}
			if g.ID != tt.first.ID {
				t.Errorf("group ID %s, want the founder %s", g.ID, tt.first.ID)
			}
		})
	}
}

// TestGroups: transitive joins, stable IDs, a back-filled original and a
// merge.
func TestGroups(t *testing.T) {
	x := story(5, 3000)
	y := story(6, 3000)
	d, add := detector(t)
	add(&Doc{ID: "x-bio", Published: t0.Add(2 * time.Hour), Paragraphs: append(slices.Clone(x), bio)})
	dec := add(&Doc{ID: "x-trim", Published: t0.Add(3 * time.Hour), Paragraphs: x[:len(x)*6/10]})
	if dec.Group != "x-bio" || !hasChange(dec, Created, "x-bio") {
		t.Fatalf("second copy: group %q changes %+v", dec.Group, dec.Changes)
	}
	// The original arrives late: it joins and takes over.
	dec = add(&Doc{ID: "x", Published: t0, Paragraphs: x, IsWire: true})
	if dec.Group != "x-bio" {
		t.Errorf("back-filled original in group %q, want x-bio", dec.Group)
	}
	if !slices.ContainsFunc(dec.Changes, func(c Change) bool {
		return c.Kind == OriginalChanged && c.To == "x" && c.Reason == "earliest published"
	}) {
		t.Errorf("no original change to x: %+v", dec.Changes)
	}
	for _, id := range []string{"x-bio", "x-trim"} {
		if st := status(t, d, id); st.CopyOf != "x" || st.Kind != Full {
			t.Errorf("%s: %+v, want a full copy of x", id, st)
		}
	}
	// A second group, then an article carrying both texts merges them.
	add(&Doc{ID: "y", Published: t0, Paragraphs: y})
	add(&Doc{ID: "y-bio", Published: t0.Add(time.Hour), Paragraphs: append(slices.Clone(y), bio)})
	dec = add(&Doc{ID: "xy", Published: t0.Add(5 * time.Hour), Paragraphs: append(slices.Clone(x), y...)})
	if dec.Group != "x-bio" || !hasChange(dec, Merged, "x-bio") {
		t.Fatalf("bridge: group %q changes %+v", dec.Group, dec.Changes)
	}
	g, err := d.Group("y")
	if err != nil {
		t.Fatal(err)
	}
	if g.ID != "x-bio" || len(g.Members) != 6 {
		t.Errorf("merged group %+v", g)
	}
	if gs := d.Groups(); len(gs) != 1 {
		t.Errorf("%d live groups, want 1", len(gs))
	}
	// Adding an ID again changes nothing.
	if dec := add(&Doc{ID: "x", Paragraphs: x}); len(dec.Matches) != 0 || len(dec.Changes) != 0 {
		t.Errorf("re-add changed something: %+v", dec)
	}
	if _, err := d.Status("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("status of unknown ID: %v", err)
	}
}

func hasChange(dec *Decision, k ChangeKind, group string) bool {
	return slices.ContainsFunc(dec.Changes, func(c Change) bool { return c.Kind == k && c.Group == group })
}

// TestRebuild: replaying Add in arrival order gives the same decisions.
func TestRebuild(t *testing.T) {
	var docs []*Doc
	for i := range 30 {
		p := story(uint64(100+i%10), 2000)
		if i >= 10 {
			p = append(p, fmt.Sprintf("Copy number %d of a story we liked, shared with our readers.", i))
		}
		docs = append(docs, &Doc{ID: fmt.Sprintf("a%02d", i), Published: t0.Add(time.Duration(30-i) * time.Minute), Paragraphs: p})
	}
	run := func() []*Decision {
		_, add := detector(t)
		var out []*Decision
		for _, doc := range docs {
			out = append(out, add(doc))
		}
		return out
	}
	a, b := run(), run()
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Errorf("replay gave different decisions:\n%s\n%s", ja, jb)
	}
	if changes := strings.Count(string(ja), `"original-changed"`); changes == 0 {
		t.Error("no original change in the replay: the test exercises nothing")
	}
}

// TestSeeds: the two seed articles report related events and are not copies
// of each other; a verbatim copy of either with a bio like seed 000's
// appended is a full copy of it.
func TestSeeds(t *testing.T) {
	dir := "../../../shared/data/seeds"
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(names) < 2 {
		t.Skip("../shared/data/seeds not found: run from a checkout with shared/ beside it")
	}
	var seeds [][]string
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		var ps []string
		for p := range strings.SplitSeq(string(b), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				ps = append(ps, p)
			}
		}
		seeds = append(seeds, ps)
	}
	d, add := detector(t)
	for i, s := range seeds {
		if dec := add(&Doc{ID: fmt.Sprintf("seed%d", i), Paragraphs: s}); len(dec.Matches) != 0 {
			t.Errorf("seed %d matched: %+v", i, dec.Matches)
		}
	}
	for i, s := range seeds {
		id := fmt.Sprintf("repost%d", i)
		add(&Doc{ID: id, Source: "Prophecy Watch", Paragraphs: append(slices.Clone(s), bio)})
		if st := status(t, d, id); st.CopyOf != fmt.Sprintf("seed%d", i) || st.Kind != Full {
			t.Errorf("repost of seed %d: %+v", i, st)
		}
	}
}

func TestDiff(t *testing.T) {
	orig := []string{
		"The Harbour Authority said on Tuesday that the strike would end at midnight.",
		"Dockworkers voted by a large margin to accept the offer.",
		"The union had demanded a nine per cent rise over two years.",
		"Shipping lines expect the backlog to clear within a week.",
	}
	tests := []struct {
		name string
		copy []string
		want []Op
	}{
		{"same", orig, []Op{Same, Same, Same, Same}},
		{"bio appended", append(slices.Clone(orig), bio), []Op{Same, Same, Same, Same, Added}},
		{"trimmed", orig[:2], []Op{Same, Same, Removed, Removed}},
		{"edited and inserted", []string{orig[0], "Dockworkers voted by a wide margin to accept the offer.", "Our take: about time.", orig[2], orig[3]}, []Op{Same, Edited, Added, Same, Same}},
		{"replaced", []string{orig[0], "Something else entirely happened in another town.", orig[2], orig[3]}, []Op{Same, Removed, Added, Same, Same}},
		{"case and punctuation only", []string{strings.ToUpper(orig[0]), orig[1], orig[2], orig[3]}, []Op{Same, Same, Same, Same}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diff := Diff(orig, tt.copy)
			var got []Op
			for _, c := range diff {
				got = append(got, c.Op)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ops %v, want %v", got, tt.want)
			}
			s := Summarise(diff)
			if s.Same+s.Edited+s.Removed != len(orig) || s.Same+s.Edited+s.Added != len(tt.copy) {
				t.Errorf("summary %+v does not account for %d and %d paragraphs", s, len(orig), len(tt.copy))
			}
		})
	}
}

func FuzzDiff(f *testing.F) {
	f.Add("a b c\n\nd e f", "a b c\n\nx y\n\nd e g")
	f.Add("", "one")
	f.Fuzz(func(t *testing.T, a, b string) {
		o, c := strings.Split(a, "\n\n"), strings.Split(b, "\n\n")
		s := Summarise(Diff(o, c))
		if s.Same+s.Edited+s.Removed != len(o) || s.Same+s.Edited+s.Added != len(c) {
			t.Fatalf("summary %+v for %d and %d paragraphs", s, len(o), len(c))
		}
	})
}

// cpuTime returns the process's user and system CPU time: on a shared
// machine, wall time counts other processes' turns.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkAdd measures a whole decision (sketch, lookup, verification,
// grouping) with 10,000 synthetic articles held, a tenth of them copies.
func BenchmarkAdd(b *testing.B) {
	src := &MemSource{}
	d := New(src, DefaultOptions())
	g := synth.New(7)
	ctx := context.Background()
	add := func(i int, paras []string) {
		doc := &Doc{ID: fmt.Sprintf("b%07d", i), Published: t0.Add(time.Duration(i) * time.Minute), Paragraphs: paras}
		src.Put(doc)
		if _, err := d.Add(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
	var recent [][]string
	for i := range 10_000 {
		p := g.Next(2000).Paragraphs
		if i%10 == 9 {
			p = append(slices.Clone(recent[i%len(recent)]), bio)
		}
		recent = append(recent, p)
		add(i, p)
	}
	b.ReportAllocs()
	i := 10_000
	cpu0 := cpuTime()
	for b.Loop() {
		add(i, g.Next(2000).Paragraphs)
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.StopTimer()
	st := d.Stats()
	b.ReportMetric(float64(st.Verified)/float64(st.Articles), "verified/article")
	// The detector's own memory per article (the MemSource's texts and
	// sketches are the store's, not the detector's).
	src, d.src = nil, nil
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	runtime.KeepAlive(d)
	b.ReportMetric(float64(ms.HeapAlloc)/float64(d.Len()), "heap-bytes/article")
}

func TestDocOf(t *testing.T) {
	a := &article.Article{
		ID: "nb-1", Source: "NewsBeacon", Title: "Strike ends", Published: t0,
		Paragraphs: []string{"The strike ended."},
		Credits:    []article.Credit{{Text: "Includes reporting from Meridian Wire.", Names: []string{"Meridian Wire"}}},
		Removed: []article.Removed{
			{Text: "Sign up!", Kind: article.KindNewsletter},
			{Text: "Share this", Kind: article.KindShare},
			{Text: "AP Photo/Someone", Kind: article.KindCaption},
		},
	}
	d := DocOf(a, false)
	if d.ID != "nb-1" || d.Source != "NewsBeacon" || !d.Published.Equal(t0) || len(d.Paragraphs) != 1 {
		t.Errorf("fields not carried: %+v", d)
	}
	if !slices.Equal(d.Credits, []string{"Meridian Wire"}) {
		t.Errorf("credits %v", d.Credits)
	}
	if d.Removed != 2 {
		t.Errorf("removed %d, want 2 (a caption is not boilerplate)", d.Removed)
	}
}

// TestWidelyCopied: a story copied many times costs one verification per
// new copy, and all copies land in one group.
func TestWidelyCopied(t *testing.T) {
	text := story(12, 2500)
	d, add := detector(t)
	for i := range 40 {
		add(&Doc{ID: fmt.Sprintf("c%02d", i), Published: t0.Add(time.Duration(i) * time.Minute), Paragraphs: append(slices.Clone(text), fmt.Sprintf("Shared by reader number %d.", i))})
	}
	before := d.Stats()
	add(&Doc{ID: "late", Published: t0.Add(time.Hour), Paragraphs: append(slices.Clone(text), bio)})
	after := d.Stats()
	if v := after.Verified - before.Verified; v != 1 {
		t.Errorf("%d verifications for one more copy, want 1", v)
	}
	if after.Groups != 1 {
		t.Errorf("%d groups, want 1", after.Groups)
	}
	g, err := d.Group("late")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Members) != 41 || g.Original != "c00" {
		t.Errorf("group of %d, original %s; want 41 and c00", len(g.Members), g.Original)
	}
}
