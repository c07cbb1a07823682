package eval

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parallax-news/parallax/internal/copies"
	"github.com/parallax-news/parallax/internal/fingerprint"
)

// CopiesOptions configures the copy evaluation.
type CopiesOptions struct {
	// Data is the duc2006 directory (holding duc2006.jsonl).
	Data string
	// Seed makes the labelled set: the same seed, split and data give the
	// same set.
	Seed uint64
	// Split picks which half of the DUC topics the set is made from:
	// "dev" (even positions in topic order) or "test" (odd). Empty means
	// "dev".
	Split string
	// Originals is how many articles are copied; 0 means 160.
	Originals int
	// Detector tunes the detector; the zero value means
	// copies.DefaultOptions.
	Detector copies.Options
}

// The kinds of copy the labelled set makes, as the web makes them.
const (
	MadeBio     = "bio"     // verbatim plus an appended bio
	MadeTrim    = "trim"    // new headline, text trimmed to 50–70 %
	MadeWrap    = "wrap"    // sign-up and share lines around it, a wire credit
	MadeEdit    = "edit"    // a few per cent of words changed, a paragraph of commentary
	MadePartial = "partial" // two or three paragraphs inside another article
)

var madeKinds = []string{MadeBio, MadeTrim, MadeWrap, MadeEdit, MadePartial}

// CopiesReport holds the figures of a copy evaluation.
type CopiesReport struct {
	Split string `json:"split"`
	Seed  uint64 `json:"seed"`
	// Articles is how many articles the detector saw: originals, copies
	// and distractors.
	Articles  int `json:"articles"`
	Originals int `json:"originals"`
	// NaturalFamilies is how many groups of DUC articles already share
	// text (re-filed wire stories and reused paragraphs); Excluded is how
	// many articles were left out so that each family keeps one.
	NaturalFamilies int `json:"natural_families"`
	Excluded        int `json:"excluded"`
	// Natural is what the detector makes of the split's DUC articles as
	// they are, re-filings included (not scored: DUC has no copy labels).
	Natural NaturalCopies `json:"natural"`
	// Full and Partial are pair precision and recall per kind.
	Full    PairScore `json:"full"`
	Partial PairScore `json:"partial"`
	// Made has one row per kind of copy made.
	Made []MadeScore `json:"made"`
	// OriginalRight is the share of found copies whose original was named
	// right; OriginalArrivedLate counts copies that arrived before their
	// original (of which OriginalLateRight were named right in the end).
	OriginalRight       float64 `json:"original_right"`
	OriginalFound       int     `json:"original_found"`
	OriginalNamed       int     `json:"original_named"`
	OriginalArrivedLate int     `json:"original_arrived_late"`
	OriginalLateRight   int     `json:"original_late_right"`
	OriginalChanges     int     `json:"original_changes"`
	// Errors lists false positives, misses and wrong originals, for
	// tracing.
	Errors []CopyError `json:"errors"`
	// Elapsed is the detector's time, ArticlesPerSecond its throughput
	// (sketch, lookup, verification and grouping).
	Elapsed           time.Duration `json:"elapsed_ns"`
	ArticlesPerSecond float64       `json:"articles_per_second"`
	// Detector is the detector's work: candidates and verifications.
	Detector copies.Stats `json:"detector"`
}

// NaturalCopies summarises the detector's decisions on unmodified DUC
// articles: the wire re-filings and reused paragraphs the data already
// holds.
type NaturalCopies struct {
	Articles int `json:"articles"`
	// Families and FamilyArticles count the natural families (articles
	// sharing 15 or more shingles) of the split and their members.
	Families       int `json:"families"`
	FamilyArticles int `json:"family_articles"`
	// Groups and Grouped count the full copy groups the detector formed
	// and their members; Partial counts articles it calls partial copies.
	Groups  int `json:"groups"`
	Grouped int `json:"grouped"`
	Partial int `json:"partial"`
	// Examples lists a few groups, original first.
	Examples [][]string `json:"examples"`
}

// PairScore is precision and recall over copy pairs (article, copy of).
type PairScore struct {
	Labelled  int     `json:"labelled"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
	Found     int     `json:"found"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
}

// MadeScore is how the detector did on one kind of made copy.
type MadeScore struct {
	Kind          string `json:"kind"`
	Made          int    `json:"made"`
	Found         int    `json:"found"`
	OriginalRight int    `json:"original_right"`
}

// CopyError is one wrong decision.
type CopyError struct {
	// What is "false-positive", "missed", "wrong-kind" or
	// "wrong-original".
	What     string  `json:"what"`
	Article  string  `json:"article"`
	Made     string  `json:"made,omitempty"`
	Expected string  `json:"expected,omitempty"`
	Got      string  `json:"got,omitempty"`
	Kind     string  `json:"kind,omitempty"`
	Contain  float64 `json:"containment,omitempty"`
}

// copyDUCRecord is one line of duc2006.jsonl.
type copyDUCRecord struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Story     string `json:"story"`
}

// copyDUCDoc is a DUC article ready to copy.
type copyDUCDoc struct {
	copyDUCRecord
	published time.Time
	paras     []string
	words     int
}

// copyDUCTimeLayouts are the date forms duc2006.jsonl uses.
var copyDUCTimeLayouts = []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "01/02/2006 15:04:05", "2006-01-02"}

func copyDUCTime(s string) time.Time {
	for _, l := range copyDUCTimeLayouts {
		if t, err := time.Parse(l, strings.TrimSpace(s)); err == nil {
			return t
		}
	}
	return time.Time{}
}

// copyWireNames are the credit lines of DUC's three sources.
var copyWireNames = map[string]string{"APW": "The Associated Press", "NYT": "The New York Times", "XIE": "Xinhua"}

func readCopyDUC(path string) ([]*copyDUCDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read duc2006: %w", err)
	}
	defer f.Close()
	var out []*copyDUCDoc
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		var r copyDUCRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("read duc2006 line %d: %w", line, err)
		}
		if seen[r.ID] { // nine articles sit in two topics
			continue
		}
		seen[r.ID] = true
		d := &copyDUCDoc{copyDUCRecord: r, published: copyDUCTime(r.Published)}
		for p := range strings.SplitSeq(r.Text, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				d.paras = append(d.paras, p)
				d.words += len(strings.Fields(p))
			}
		}
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read duc2006: %w", err)
	}
	return out, nil
}

// copyFamilies groups DUC articles that already share text: exact word
// shingles, independent of the detector, with a low bar (15 shared
// shingles, about two sentences' worth of overlap), so that no unlabelled
// copy relation is left among the articles the set is built from.
func copyFamilies(docs []*copyDUCDoc) []int {
	parent := make([]int, len(docs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	post := map[uint64][]int{}
	for i, d := range docs {
		for _, h := range fingerprint.New(d.paras).Set {
			post[h] = append(post[h], i)
		}
	}
	shared := map[[2]int]int{}
	for _, ds := range post {
		if len(ds) > 40 { // a stock phrase, not a copy
			continue
		}
		for a := range ds {
			for b := a + 1; b < len(ds); b++ {
				shared[[2]int{ds[a], ds[b]}]++
			}
		}
	}
	for p, n := range shared {
		if n >= 15 {
			parent[find(p[0])] = find(p[1])
		}
	}
	fam := make([]int, len(docs))
	for i := range docs {
		fam[i] = find(i)
	}
	return fam
}

// Fictional material for the copies.
var (
	copyBios = []string{
		"Marla Quennell is the founder of Lantern Hill Report. She writes about faith, family and the news that shapes them, and has led online study groups for more than a decade. Her mission is to help readers see the world events behind the headlines.",
		"Dorian Vale is a retired schoolteacher and the editor of the Northfield Ledger blog. He has written about politics and public life since 2009 and hosts a weekly podcast for readers in the valley.",
		"About the author: Priya Okonkwo-Hale is a freelance writer and the publisher of Daily Cedar News. She covers world affairs for independent readers and can be reached through the contact page of this site.",
		"Tobias Wrenfield runs the Wrenfield Dispatch from his home in the hills. A former radio host, he shares the stories he believes the mainstream press overlooks. Support his work by subscribing to the newsletter.",
		"Celeste Amaro is a community organiser and the voice behind Amaro Notes. She believes an informed public is a free public, and she publishes the day's most important stories with her own commentary.",
	}
	copyCommentary = []string{
		"This is exactly what many of our readers have been warning about for months, and it deserves far more attention than it is getting.",
		"Editor's note: we are sharing this report because it matters to our community. Tell us what you think in the comments below.",
		"Whatever one makes of it, the story raises questions that officials have so far been unwilling to answer in public.",
		"Our take: the details here are worth reading slowly, because the consequences will be felt long after the headlines move on.",
		"We will keep following this story and update our readers as soon as more is known.",
	}
	copyShareLines = []string{"Share this article:", "Facebook Twitter Email WhatsApp"}
	copySignUp     = []string{"View more:", "Sign up to receive our latest news!", "By submitting this form, I agree to the terms."}
	copyEditWords  = []string{"reportedly", "indeed", "notably", "now", "also", "still", "officially", "apparently"}
	copyHeadlines  = []string{"What we know: %s", "Report: %s", "%s, officials say", "Must read: %s", "%s (update)"}
	copySources    = []string{"Lantern Hill Report", "Northfield Ledger", "Daily Cedar News", "Wrenfield Dispatch", "Amaro Notes", "Newsbeacon Aggregator", "Harbour Lights Blog"}
)

// copyItem is one article of the labelled set.
type copyItem struct {
	doc      *copies.Doc
	original string // for copies, the original's ID
	kind     string // for copies, how it was made
	before   bool   // arrives before its original
}

// Copies builds a labelled set of copies from DUC 2006 and measures the copy
// detector on it.
//
// The set: DUC's 50 topics are split in two halves (Split). DUC is not free
// of copies (AP re-filings, NYT resends, reused background paragraphs), so
// first every family of articles that already share 15 or more exact word
// shingles keeps only one member: then every copy relation in the set is
// one we made, and the figures can be trusted. From the remaining articles
// of the half, Originals articles (120 words and 4 paragraphs or more) are
// copied once or twice each, as the web copies: verbatim with a bio
// appended; a new headline with the text cut to 50–70 % of its words;
// wrapped in share and sign-up lines with a wire credit; lightly edited
// (about 3 % of words changed or deleted, a paragraph of commentary
// inserted); and partially, two or three consecutive paragraphs set inside
// an article of another topic (only for originals of six paragraphs and 250
// words or more: in a shorter one, three paragraphs are most of it). All
// bios, commentary and boilerplate are ours, fictional. Copies are published
// half an hour to three days after their original, a sixth with no time and
// a twelfth at the original's own time; a tenth of originals lose their
// date. Articles arrive in order of publication, except that a quarter of
// the copies arrive just before their original, as a back-filled archive
// delivers them. Every other article of the half is a distractor, among them
// 24 others on each original's own topic.
//
// The score: for every article the detector calls a copy, the pair (it,
// its original) is right when the two are in one labelled group (full) or
// are the labelled partial copy and its source's group (partial): that gives
// precision per kind. Recall counts the labelled copies found as the right
// kind of copy of the right group; OriginalRight the found copies whose
// original is the labelled one. Natural reports, unscored, what the
// detector makes of the half's DUC articles as they are.
func Copies(ctx context.Context, opt CopiesOptions) (*CopiesReport, error) {
	if opt.Split == "" {
		opt.Split = "dev"
	}
	if opt.Split != "dev" && opt.Split != "test" {
		return nil, fmt.Errorf("copies evaluation: split %q: want dev or test", opt.Split)
	}
	if opt.Originals <= 0 {
		opt.Originals = 160
	}
	if opt.Detector == (copies.Options{}) {
		opt.Detector = copies.DefaultOptions()
	}
	docs, err := readCopyDUC(filepath.Join(opt.Data, "duc2006.jsonl"))
	if err != nil {
		return nil, err
	}
	set, rep := buildCopySet(docs, opt)
	if len(set) == 0 {
		return nil, errors.New("copies evaluation: no articles in the split")
	}

	rep.Natural, err = copyNatural(ctx, docs, opt)
	if err != nil {
		return nil, err
	}
	src := &copies.MemSource{}
	det := copies.New(src, opt.Detector)
	start := time.Now()
	for _, m := range set {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		src.Put(m.doc)
		dec, err := det.Add(ctx, m.doc)
		if err != nil {
			return nil, fmt.Errorf("copies evaluation: %w", err)
		}
		for _, c := range dec.Changes {
			if c.Kind == copies.OriginalChanged {
				rep.OriginalChanges++
			}
		}
	}
	rep.Elapsed = time.Since(start)
	rep.Detector = det.Stats()
	rep.ArticlesPerSecond = float64(len(set)) / rep.Elapsed.Seconds()
	if err := scoreCopies(det, set, rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// copySplitTopics returns the topics of a split: even positions in topic order
// for "dev", odd for "test".
func copySplitTopics(docs []*copyDUCDoc, split string) map[string]bool {
	var topics []string
	for _, d := range docs {
		if !slices.Contains(topics, d.Story) {
			topics = append(topics, d.Story)
		}
	}
	slices.Sort(topics)
	in := map[string]bool{}
	for i, t := range topics {
		if (i%2 == 0) == (split == "dev") {
			in[t] = true
		}
	}
	return in
}

// copyNatural runs the detector over the split's DUC articles as they
// are, in order of publication.
func copyNatural(ctx context.Context, docs []*copyDUCDoc, opt CopiesOptions) (NaturalCopies, error) {
	in := copySplitTopics(docs, opt.Split)
	var split []*copyDUCDoc
	for _, d := range docs {
		if in[d.Story] {
			split = append(split, d)
		}
	}
	slices.SortStableFunc(split, func(a, b *copyDUCDoc) int { return a.published.Compare(b.published) })
	var n NaturalCopies
	n.Articles = len(split)
	fam := copyFamilies(split)
	size := map[int]int{}
	for _, f := range fam {
		size[f]++
	}
	for _, c := range size {
		if c > 1 {
			n.Families++
			n.FamilyArticles += c
		}
	}
	src := &copies.MemSource{}
	det := copies.New(src, opt.Detector)
	for _, d := range split {
		doc := &copies.Doc{ID: d.ID, Source: d.Source, Title: d.Title, Published: d.published, Paragraphs: d.paras, IsWire: true}
		src.Put(doc)
		if _, err := det.Add(ctx, doc); err != nil {
			return n, fmt.Errorf("copies evaluation: %w", err)
		}
	}
	for _, g := range det.Groups() {
		n.Groups++
		n.Grouped += len(g.Members)
		if len(n.Examples) < 5 {
			ex := []string{g.Original}
			for _, m := range g.Members {
				if m != g.Original {
					ex = append(ex, m)
				}
			}
			n.Examples = append(n.Examples, ex)
		}
	}
	for _, d := range split {
		if st, err := det.Status(d.ID); err == nil && st.Kind == copies.Partial {
			n.Partial++
		}
	}
	return n, nil
}

// buildCopySet makes the labelled set in arrival order.
func buildCopySet(docs []*copyDUCDoc, opt CopiesOptions) ([]*copyItem, *CopiesReport) {
	r := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x6a09e667f3bcc909))
	rep := &CopiesReport{Split: opt.Split, Seed: opt.Seed}

	inSplit := copySplitTopics(docs, opt.Split)
	fam := copyFamilies(docs)
	famSize := map[int]int{}
	for _, f := range fam {
		famSize[f]++
	}
	for _, n := range famSize {
		if n > 1 {
			rep.NaturalFamilies++
		}
	}
	// Keep the first article of each family (by ID); the pool is the
	// split's share of those.
	keep := map[int]int{}
	for i, d := range docs {
		if j, ok := keep[fam[i]]; !ok || d.ID < docs[j].ID {
			keep[fam[i]] = i
		}
	}
	var pool []*copyDUCDoc
	for i, d := range docs {
		if !inSplit[d.Story] {
			continue
		}
		if keep[fam[i]] != i {
			rep.Excluded++
			continue
		}
		pool = append(pool, d)
	}
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })

	var set []*copyItem
	wireDoc := func(d *copyDUCDoc) *copies.Doc {
		return &copies.Doc{ID: d.ID, Source: d.Source, Title: d.Title, Published: d.published, Paragraphs: d.paras, IsWire: true}
	}
	used := map[string]bool{}
	var hosts []*copyDUCDoc
	originals := 0
	n := 0
	for _, d := range pool {
		if originals >= opt.Originals || d.words < 120 || len(d.paras) < 4 {
			continue
		}
		used[d.ID] = true
		originals++
		od := wireDoc(d)
		if r.IntN(10) == 0 { // an archive that lost the date
			od.Published = time.Time{}
		}
		set = append(set, &copyItem{doc: od})
		// One or two copies of distinct kinds; partial copies need a host
		// article from another topic, taken from the pool below.
		kinds := slices.Clone(madeKinds)
		r.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
		if len(d.paras) < 6 || d.words < 250 {
			// Two or three paragraphs of a short article are most of it:
			// a full copy, not a partial one.
			kinds = slices.DeleteFunc(kinds, func(k string) bool { return k == MadePartial })
		}
		for _, k := range kinds[:1+r.IntN(2)] {
			n++
			c := makeCopy(r, d, k, n)
			if c == nil {
				continue
			}
			set = append(set, c)
		}
	}
	rep.Originals = originals
	// Hosts for partial copies: unused pool articles of another topic,
	// consumed (they do not also appear as themselves).
	for _, d := range pool {
		if !used[d.ID] && d.words >= 150 {
			hosts = append(hosts, d)
		}
	}
	var out []*copyItem
	byID := map[string]*copyDUCDoc{}
	for _, d := range pool {
		byID[d.ID] = d
	}
	for _, m := range set {
		if m.kind != MadePartial {
			out = append(out, m)
			continue
		}
		orig := byID[m.original]
		hi := slices.IndexFunc(hosts, func(h *copyDUCDoc) bool { return h.Story != orig.Story })
		if hi < 0 {
			continue
		}
		host := hosts[hi]
		hosts = slices.Delete(hosts, hi, hi+1)
		used[host.ID] = true
		m.doc.Paragraphs = insertPassage(r, host.paras, orig.paras)
		m.doc.Title = host.Title
		out = append(out, m)
	}
	set = out
	// Every other article of the split is a distractor.
	for _, d := range pool {
		if !used[d.ID] {
			set = append(set, &copyItem{doc: wireDoc(d)})
		}
	}
	// Arrival: by published time (unknown times anywhere), then some
	// copies moved before their originals, as a back-filled archive
	// delivers them.
	key := make(map[*copyItem]float64, len(set))
	pos := map[string]float64{}
	for _, m := range set {
		if m.doc.Published.IsZero() {
			key[m] = r.Float64()
		} else {
			key[m] = float64(m.doc.Published.Unix()-800_000_000) / 200_000_000
		}
		pos[m.doc.ID] = key[m]
	}
	for _, m := range set {
		if m.original != "" && r.IntN(4) == 0 {
			m.before = true
			key[m] = pos[m.original] - 1e-6
		}
	}
	slices.SortStableFunc(set, func(a, b *copyItem) int { return cmp.Compare(key[a], key[b]) })
	for _, m := range set {
		if m.original != "" && m.before {
			// Only count it when it truly came first.
			m.before = key[m] < pos[m.original]
		}
	}
	rep.Articles = len(set)
	return set, rep
}

// makeCopy makes one copy of d of the given kind.
func makeCopy(r *rand.Rand, d *copyDUCDoc, kind string, n int) *copyItem {
	c := &copies.Doc{
		ID:     fmt.Sprintf("copy-%04d-%s", n, kind),
		Source: copySources[r.IntN(len(copySources))],
		Title:  d.Title,
	}
	// Copies are published after the original, mostly within a day or
	// three; a sixth have no time and a few carry the original's own.
	switch x := r.IntN(12); {
	case x < 2:
	case x < 3:
		c.Published = d.published
	default:
		c.Published = d.published.Add(time.Duration(30+r.IntN(72*60)) * time.Minute)
	}
	paras := slices.Clone(d.paras)
	switch kind {
	case MadeBio:
		c.Paragraphs = append(paras, copyBios[r.IntN(len(copyBios))])
	case MadeTrim:
		c.Title = fmt.Sprintf(copyHeadlines[r.IntN(len(copyHeadlines))], d.Title)
		want := d.words * (50 + r.IntN(21)) / 100
		got := 0
		for _, p := range paras {
			w := strings.Fields(p)
			if got+len(w) > want {
				if rest := want - got; rest >= 8 {
					c.Paragraphs = append(c.Paragraphs, strings.Join(w[:rest], " ")+" …")
				}
				break
			}
			c.Paragraphs = append(c.Paragraphs, p)
			got += len(w)
		}
	case MadeWrap:
		credit := copyWireNames[d.Source]
		c.Paragraphs = append(slices.Clone(copyShareLines), paras...)
		c.Paragraphs = append(c.Paragraphs, "Includes reporting from "+credit+".")
		c.Paragraphs = append(c.Paragraphs, copySignUp...)
		c.Credits = []string{credit}
	case MadeEdit:
		for i, p := range paras {
			ws := strings.Fields(p)
			var out []string
			for _, w := range ws {
				switch x := r.IntN(100); {
				case x < 2:
					out = append(out, copyEditWords[r.IntN(len(copyEditWords))])
				case x < 3: // deleted
				default:
					out = append(out, w)
				}
			}
			paras[i] = strings.Join(out, " ")
		}
		at := 1 + r.IntN(len(paras)-1)
		c.Paragraphs = slices.Insert(paras, at, copyCommentary[r.IntN(len(copyCommentary))])
	case MadePartial:
		c.Source = copySources[r.IntN(len(copySources))]
		// Paragraphs are filled in with a host article later.
	}
	return &copyItem{doc: c, original: d.ID, kind: kind}
}

// insertPassage returns host's paragraphs with two or three consecutive
// paragraphs of orig (at least 50 words) inserted at a random place.
func insertPassage(r *rand.Rand, host, orig []string) []string {
	k := 2 + r.IntN(2)
	start := r.IntN(max(len(orig)-k, 1))
	var passage []string
	words := 0
	for i := start; i < len(orig) && (len(passage) < k || words < 50); i++ {
		passage = append(passage, orig[i])
		words += len(strings.Fields(orig[i]))
	}
	at := 1 + r.IntN(max(len(host)-1, 1))
	return slices.Insert(slices.Clone(host), min(at, len(host)), passage...)
}

// scoreCopies compares the detector's status of every article with the
// labels.
func scoreCopies(det *copies.Detector, set []*copyItem, rep *CopiesReport) error {
	// True full groups: an original and its full copies.
	group := map[string]string{} // article → original, for full groups
	labels := map[string]*copyItem{}
	for _, m := range set {
		labels[m.doc.ID] = m
		if m.original == "" {
			group[m.doc.ID] = m.doc.ID
		}
	}
	for _, m := range set {
		if m.original != "" && m.kind != MadePartial {
			group[m.doc.ID] = m.original
		}
	}
	sameGroup := func(a, b string) bool { return group[a] != "" && group[a] == group[b] }
	made := map[string]*MadeScore{}
	for _, k := range madeKinds {
		made[k] = &MadeScore{Kind: k}
	}
	for _, m := range set {
		st, err := det.Status(m.doc.ID)
		if err != nil {
			return fmt.Errorf("score copies: %w", err)
		}
		// Precision: every predicted pair.
		if st.CopyOf != "" {
			sc := &rep.Full
			if st.Kind == copies.Partial {
				sc = &rep.Partial
			}
			sc.Predicted++
			ok := false
			if st.Kind == copies.Full {
				ok = sameGroup(m.doc.ID, st.CopyOf)
			} else {
				a, b := labels[m.doc.ID], labels[st.CopyOf]
				ok = a != nil && a.kind == MadePartial && group[st.CopyOf] == a.original ||
					b != nil && b.kind == MadePartial && group[m.doc.ID] == b.original
			}
			if ok {
				sc.Correct++
			} else {
				rep.Errors = append(rep.Errors, CopyError{What: "false-positive", Article: m.doc.ID, Made: m.kind, Expected: m.original, Got: st.CopyOf, Kind: string(st.Kind), Contain: st.Containment})
			}
		}
		if m.original == "" {
			continue
		}
		// Recall and the original, per labelled copy.
		ms := made[m.kind]
		ms.Made++
		want := copies.Full
		sc := &rep.Full
		if m.kind == MadePartial {
			want, sc = copies.Partial, &rep.Partial
		}
		sc.Labelled++
		var found bool
		var named string
		if want == copies.Full {
			g, err := det.Group(m.doc.ID)
			found = err == nil && slices.Contains(g.Members, m.original)
			named = g.Original
		} else {
			found = st.Kind == copies.Partial && st.CopyOf != "" && group[st.CopyOf] == m.original
			named = st.CopyOf
		}
		if !found {
			what := "missed"
			if st.Kind != "" && st.Kind != want {
				what = "wrong-kind"
			}
			rep.Errors = append(rep.Errors, CopyError{What: what, Article: m.doc.ID, Made: m.kind, Expected: m.original, Got: st.CopyOf, Kind: string(st.Kind), Contain: st.Containment})
			continue
		}
		sc.Found++
		ms.Found++
		rep.OriginalFound++
		if m.before {
			rep.OriginalArrivedLate++
		}
		if named == m.original {
			ms.OriginalRight++
			rep.OriginalNamed++
			if m.before {
				rep.OriginalLateRight++
			}
		} else {
			rep.Errors = append(rep.Errors, CopyError{What: "wrong-original", Article: m.doc.ID, Made: m.kind, Expected: m.original, Got: named, Kind: string(st.Kind)})
		}
	}
	for _, sc := range []*PairScore{&rep.Full, &rep.Partial} {
		sc.Precision = ratio(sc.Correct, sc.Predicted)
		sc.Recall = ratio(sc.Found, sc.Labelled)
		if sc.Predicted == 0 {
			sc.Precision = 1
		}
	}
	rep.OriginalRight = ratio(rep.OriginalNamed, rep.OriginalFound)
	for _, k := range madeKinds {
		rep.Made = append(rep.Made, *made[k])
	}
	return nil
}

// Write prints the report as aligned text: the headline figures, one row
// per kind of copy, then the errors.
func (r *CopiesReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "copies (%s split, seed %d): %d articles, %d originals; %d natural families in all of DUC, %d articles of this half left out\n",
		r.Split, r.Seed, r.Articles, r.Originals, r.NaturalFamilies, r.Excluded)
	fmt.Fprintf(tw, "kind\tlabelled\tpredicted\tcorrect\tprecision\trecall\n")
	fmt.Fprintf(tw, "full\t%d\t%d\t%d\t%.3f\t%.3f\n", r.Full.Labelled, r.Full.Predicted, r.Full.Correct, r.Full.Precision, r.Full.Recall)
	fmt.Fprintf(tw, "partial\t%d\t%d\t%d\t%.3f\t%.3f\n", r.Partial.Labelled, r.Partial.Predicted, r.Partial.Correct, r.Partial.Precision, r.Partial.Recall)
	fmt.Fprintf(tw, "\nmade\tcopies\tfound\toriginal right\n")
	for _, m := range r.Made {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\n", m.Kind, m.Made, m.Found, m.OriginalRight)
	}
	fmt.Fprintf(tw, "\noriginal right\t%.3f (%d of %d found copies; %d arrived before their original, %d of those right; %d original changes recorded)\n",
		r.OriginalRight, r.OriginalNamed, r.OriginalFound, r.OriginalArrivedLate, r.OriginalLateRight, r.OriginalChanges)
	fmt.Fprintf(tw, "throughput\t%.0f articles/s (%s); %.2f candidates and %.2f verifications per article\n", r.ArticlesPerSecond, r.Elapsed.Round(time.Millisecond),
		float64(r.Detector.Candidates)/float64(max(r.Detector.Articles, 1)), float64(r.Detector.Verified)/float64(max(r.Detector.Articles, 1)))
	n := r.Natural
	fmt.Fprintf(tw, "DUC as it is\t%d articles, %d natural families (%d articles); detector: %d full groups (%d articles), %d partial copies\n",
		n.Articles, n.Families, n.FamilyArticles, n.Groups, n.Grouped, n.Partial)
	for _, ex := range n.Examples {
		fmt.Fprintf(tw, "\t%s\n", strings.Join(ex, " ← "))
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(tw, "\nerror\tarticle\tmade\texpected\tgot\tkind\tcontainment\n")
		for _, e := range r.Errors {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%.2f\n", e.What, e.Article, e.Made, e.Expected, e.Got, e.Kind, e.Contain)
		}
	}
	return tw.Flush()
}
