package copies

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/fingerprint"
)

// ErrNotFound is returned by a Source for an ID it does not hold, and by the
// Detector for an ID it has not seen.
var ErrNotFound = errors.New("not found")

// Kind is the kind of a copy.
type Kind string

// The kinds of copy.
const (
	Full    Kind = "full"
	Partial Kind = "partial"
)

// Doc is an article as the detector sees it.
type Doc struct {
	ID     string
	Source string
	Title  string
	// Published is the zero time when unknown.
	Published  time.Time
	Paragraphs []string
	// Credits are the names the article credits ("The Associated Press").
	Credits []string
	// IsWire says the article is a wire service's own: the caller decides
	// from the source's profile.
	IsWire bool
	// Removed is how many boilerplate paragraphs (bio, sign-up, share
	// lines) cleaning took out of the article: fewer is cleaner.
	Removed int
	// Sketch is the fingerprint of Paragraphs; nil means compute it.
	Sketch *fingerprint.Sketch
}

// sketch returns d's sketch, computing it once.
func (d *Doc) sketch() *fingerprint.Sketch {
	if d.Sketch == nil {
		d.Sketch = fingerprint.New(d.Paragraphs)
	}
	return d.Sketch
}

// Source gives the detector the text of held articles, to verify
// candidates against. The store implements it over its articles.
type Source interface {
	// Doc returns the held article with the given ID, or an error wrapping
	// ErrNotFound. The detector reads only Paragraphs, or Sketch when set
	// (it computes the sketch otherwise and may cache it in the returned
	// Doc); what it needs of the rest it kept when the article was added.
	Doc(ctx context.Context, id string) (*Doc, error)
}

// Options tunes the detector. DefaultOptions gives the values the package
// doc describes and the evaluation measured.
type Options struct {
	// FullContainment is the least share of the smaller text's shingles
	// (all of them, and those outside quotes) found in the larger for a
	// full copy.
	FullContainment float64
	// FullCoverage is the least share of the larger text's shingles found
	// in the smaller for a full copy: below it, the smaller text is a
	// passage quoted in the larger.
	FullCoverage float64
	// MinRun is the shortest run of consecutive shared shingles that
	// counts as a passage.
	MinRun int
	// PartialShingles is the least passage, in unquoted shingles, for a
	// partial copy.
	PartialShingles int
	// MinShingles is the least number of distinct shingles a text needs
	// to be judged at all: shorter texts (a credit line, a one-line
	// brief) are too short to tell a copy from a coincidence.
	MinShingles int
	// MaxCandidates bounds how many candidates are verified per article.
	MaxCandidates int
	// Logger receives debug records of decisions; nil discards them.
	Logger *slog.Logger
}

// DefaultOptions returns the tuned options.
func DefaultOptions() Options {
	return Options{
		FullContainment: 0.6,
		FullCoverage:    0.35,
		MinRun:          8,
		PartialShingles: 25,
		MinShingles:     15,
		MaxCandidates:   64,
	}
}

// Match is a verified copy relation between two articles.
type Match struct {
	// Copy is the article that copies, Of the one it copies, by the
	// original rules applied to the pair (the group's original may be a
	// third article).
	Copy string `json:"copy"`
	Of   string `json:"of"`
	Kind Kind   `json:"kind"`
	// Containment is the share of the smaller text's distinct shingles
	// found in the larger; Coverage the share of the larger's found in the
	// smaller; Jaccard their Jaccard similarity.
	Containment float64 `json:"containment"`
	Coverage    float64 `json:"coverage"`
	Jaccard     float64 `json:"jaccard"`
	// Passage is the number of shingles of the newer text in shared
	// passages: runs of MinRun or more, at least half of MinRun outside
	// quotes.
	Passage int `json:"passage"`
	// SharedParagraphs is how many paragraphs of the newer text appear
	// verbatim (up to case and punctuation) in the other.
	SharedParagraphs int `json:"shared_paragraphs"`
	// Reason says why Of is taken to be the earlier text.
	Reason string `json:"reason"`
}

// ChangeKind names a change to a copy group.
type ChangeKind string

// The changes recorded.
const (
	// Created: a group was founded by a first full copy.
	Created ChangeKind = "created"
	// Joined: an article joined a group.
	Joined ChangeKind = "joined"
	// Merged: the group From was absorbed into Group.
	Merged ChangeKind = "merged"
	// OriginalChanged: the group's original went from From to To.
	OriginalChanged ChangeKind = "original-changed"
)

// Change is one recorded change to a copy group.
type Change struct {
	Kind  ChangeKind `json:"kind"`
	Group string     `json:"group"`
	// Article is the article whose arrival caused the change.
	Article string `json:"article"`
	// From and To: for Merged, the absorbed group's ID and the surviving
	// one; for OriginalChanged, the old and new original; for Joined and
	// Created, empty and the article.
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// Group is a set of full copies of one text.
type Group struct {
	// ID is the ID of the article that founded the group; it never
	// changes.
	ID       string `json:"id"`
	Original string `json:"original"`
	// Reason says why Original is the original.
	Reason string `json:"reason"`
	// Members are the article IDs, original included, in arrival order.
	Members []string `json:"members"`
}

// Decision is what the detector decided about one article on its arrival.
type Decision struct {
	ID string `json:"id"`
	// Matches are the verified relations with held articles, full first,
	// then by containment. Once the article matches one member of a copy
	// group in full, the group's other members are not verified: there is
	// one full match per group.
	Matches []Match `json:"matches,omitempty"`
	// Group is the article's copy group after this decision, "" if none.
	Group string `json:"group,omitempty"`
	// Changes are the changes to groups this arrival caused.
	Changes []Change `json:"changes,omitempty"`
}

// Status is an article's copy status as export shows it.
type Status struct {
	// CopyOf is the original's ID, "" when the article is no copy (or is
	// its group's original).
	CopyOf      string  `json:"copy_of,omitempty"`
	Kind        Kind    `json:"copy_kind,omitempty"`
	Containment float64 `json:"copy_containment,omitempty"`
	Group       string  `json:"group,omitempty"`
}

// Stats counts the detector's work, for metrics and tuning.
type Stats struct {
	Articles int `json:"articles"`
	// Candidates is how many candidates the index returned; Verified how
	// many were checked on shingles (at most MaxCandidates per article);
	// Matches how many of those were copies.
	Candidates int `json:"candidates"`
	Verified   int `json:"verified"`
	Matches    int `json:"matches"`
	// Groups counts the live copy groups.
	Groups int `json:"groups"`
}

// Stats returns the detector's counters.
func (d *Detector) Stats() Stats {
	d.mu.Lock()
	defer d.mu.Unlock()
	s := d.stats
	s.Articles = len(d.docs)
	for _, g := range d.groups {
		if !g.merged {
			s.Groups++
		}
	}
	return s
}

// meta is what the detector keeps in memory per article.
type meta struct {
	id        string
	source    string
	published time.Time
	credits   []string
	wire      bool
	removed   int
	size      int    // distinct shingles
	group     int32  // index into groups, -1 if none
	partial   *Match // strongest partial relation where this article copies
	// full holds the containment of each full match, by the other
	// article's number.
	full map[uint32]float64
}

type group struct {
	id       string
	original uint32
	reason   string
	members  []uint32
	merged   bool
}

// Detector decides copies. Create it with New; feed it every article in
// arrival order with Add. It is safe for concurrent use, but decisions are
// taken one at a time: Add holds the detector while it reads candidates
// from the Source.
type Detector struct {
	opt Options
	src Source
	log *slog.Logger

	mu     sync.Mutex
	stats  Stats
	index  *fingerprint.Index
	docs   []meta
	byID   map[string]uint32
	groups []*group
	cands  []fingerprint.Candidate
}

// New returns a Detector that verifies against src.
func New(src Source, opt Options) *Detector {
	l := opt.Logger
	if l == nil {
		l = slog.New(slog.DiscardHandler)
	}
	if opt.MaxCandidates <= 0 {
		opt.MaxCandidates = DefaultOptions().MaxCandidates
	}
	return &Detector{opt: opt, src: src, log: l.With("component", "copies"), index: fingerprint.NewIndex(), byID: map[string]uint32{}}
}

// Len returns the number of articles the detector holds.
func (d *Detector) Len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.docs)
}

// pairStats is what verification measured of a pair of texts; a is the
// newer one.
type pairStats struct {
	shared                int
	containment, coverage float64
	unquotedContainment   float64
	jaccard               float64
	passage               int
	sharedParas           int
	paraPassage           int // words in runs of two or more shared paragraphs
	smallerIsA            bool
	extraA, extraB        float64 // share of each text not in the other
	sizeA, sizeB          int
}

// verify measures a pair of sketches on exact shingles (see the package
// doc). Pairs that share too little for any kind of copy come back with
// shared == 0.
func verify(a, b *fingerprint.Sketch, opt *Options) pairStats {
	var p pairStats
	p.sizeA, p.sizeB = len(a.Set), len(b.Set)
	if p.sizeA == 0 || p.sizeB == 0 {
		return p
	}
	p.shared = fingerprint.Intersect(a.Set, b.Set)
	small, large := p.sizeA, p.sizeB
	p.smallerIsA = small <= large
	if !p.smallerIsA {
		small, large = large, small
	}
	p.containment = float64(p.shared) / float64(small)
	p.coverage = float64(p.shared) / float64(large)
	if p.shared < opt.PartialShingles && (p.containment < opt.FullContainment || p.coverage < opt.FullCoverage) {
		// Too little shared for a partial copy, too little for a full
		// one: most candidates stop here, after one merge.
		return pairStats{sizeA: p.sizeA, sizeB: p.sizeB}
	}
	p.jaccard = float64(p.shared) / float64(p.sizeA+p.sizeB-p.shared)
	p.extraA = 1 - float64(p.shared)/float64(p.sizeA)
	p.extraB = 1 - float64(p.shared)/float64(p.sizeB)
	p.passage = passage(a, intersection(a.Set, b.Set, p.shared), opt.MinRun)
	s, l := a, b
	if !p.smallerIsA {
		s, l = b, a
	}
	if len(s.Unquoted) > 0 {
		p.unquotedContainment = float64(fingerprint.Intersect(s.Unquoted, l.Set)) / float64(len(s.Unquoted))
	}
	p.sharedParas, p.paraPassage = sharedParagraphs(a, b)
	return p
}

// intersection returns the elements two sorted sets share; n is their
// number.
func intersection(a, b []uint64, n int) []uint64 {
	out := make([]uint64, 0, n)
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// sharedParagraphs counts a's paragraphs found whole (up to case and
// punctuation) in b, and the words of those that stand in runs of two or
// more consecutive shared paragraphs: copied paragraphs, whatever they
// hold. Reports of one event share quotes, not paragraphs; a quote-only
// paragraph with the same "he said" may recur, two in a row rarely do.
func sharedParagraphs(a, b *fingerprint.Sketch) (shared, words int) {
	run, runWords := 0, 0
	flush := func() {
		if run >= 2 {
			words += runWords
		}
		run, runWords = 0, 0
	}
	for i, h := range a.Paragraphs {
		switch {
		case h == 0: // an empty paragraph neither breaks nor extends a run
		case slices.Contains(b.Paragraphs, h):
			shared++
			run++
			runWords += a.ParagraphWords[i]
		default:
			flush()
		}
	}
	flush()
	return shared, words
}

func contains(set []uint64, x uint64) bool {
	_, ok := slices.BinarySearch(set, x)
	return ok
}

// passage counts a's shingles in passages shared with the other text
// (shared is the sorted intersection of their sets): runs of at least
// minRun consecutive shared shingles, of which at least half minRun lie
// wholly outside quotation marks. A run that is only a shared quote, or a
// quote with a "he said", does not count; a quoted paragraph copied with the
// reporting around it does, quote and all.
func passage(a *fingerprint.Sketch, shared []uint64, minRun int) int {
	if len(shared) < minRun {
		return 0
	}
	// A 4096-bit filter answers most "not shared" without a search.
	var filter [64]uint64
	for _, h := range shared {
		filter[h>>58] |= 1 << (h & 63)
	}
	total, run, runUnquoted := 0, 0, 0
	flush := func() {
		if run >= minRun && 2*runUnquoted >= minRun {
			total += run
		}
		run, runUnquoted = 0, 0
	}
	for i, h := range a.Shingles {
		if filter[h>>58]&(1<<(h&63)) == 0 || !contains(shared, h) {
			flush()
			continue
		}
		run++
		if !a.Quoted[i] {
			runUnquoted++
		}
	}
	flush()
	return total
}

func (d *Detector) kind(p pairStats) (Kind, bool) {
	if p.shared == 0 || min(p.sizeA, p.sizeB) < d.opt.MinShingles {
		return "", false
	}
	if p.containment >= d.opt.FullContainment && p.coverage >= d.opt.FullCoverage && p.unquotedContainment >= d.opt.FullContainment {
		return Full, true
	}
	if p.passage >= d.opt.PartialShingles || p.paraPassage >= d.opt.PartialShingles+fingerprint.ShingleWords-1 {
		return Partial, true
	}
	return "", false
}

// Add decides about a new article and adds it to what the detector holds.
// Adding an ID already held returns its current status as a decision with
// no matches and changes nothing.
func (d *Detector) Add(ctx context.Context, doc *Doc) (*Decision, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if n, ok := d.byID[doc.ID]; ok {
		dec := &Decision{ID: doc.ID}
		if g := d.docs[n].group; g >= 0 {
			dec.Group = d.groups[g].id
		}
		return dec, nil
	}
	sk := doc.sketch()
	matches, held, err := d.check(ctx, doc, sk)
	if err != nil {
		return nil, fmt.Errorf("check copies of %s: %w", doc.ID, err)
	}
	num := uint32(len(d.docs))
	sketches, err := d.sketches(ctx, num, doc, matches, held)
	if err != nil {
		return nil, fmt.Errorf("group copies of %s: %w", doc.ID, err)
	}
	d.docs = append(d.docs, meta{
		id: doc.ID, source: doc.Source, published: doc.Published, credits: doc.Credits,
		wire: doc.IsWire, removed: doc.Removed, size: len(sk.Set), group: -1,
	})
	d.byID[doc.ID] = num
	d.index.Add(num, sk)

	dec := &Decision{ID: doc.ID}
	for _, m := range matches {
		dec.Matches = append(dec.Matches, m.Match)
		if m.Kind == Full {
			d.docs[num].setFull(m.held, m.Containment)
			d.docs[m.held].setFull(num, m.Containment)
		}
		if m.Kind == Partial && m.Copy == doc.ID {
			if cur := d.docs[num].partial; cur == nil || m.Containment > cur.Containment {
				mm := m.Match
				d.docs[num].partial = &mm
			}
		}
		if m.Kind == Partial && m.Of == doc.ID {
			h := &d.docs[m.held]
			if cur := h.partial; cur == nil || m.Containment > cur.Containment {
				mm := m.Match
				h.partial = &mm
			}
		}
	}
	d.join(num, doc, matches, sketches, dec)
	if g := d.docs[num].group; g >= 0 {
		dec.Group = d.groups[g].id
	}
	if len(dec.Matches) > 0 {
		d.log.Debug("copy decision", "article", doc.ID, "matches", len(dec.Matches), "group", dec.Group)
	}
	return dec, nil
}

func (m *meta) setFull(other uint32, c float64) {
	if m.full == nil {
		m.full = map[uint32]float64{}
	}
	m.full[other] = c
}

// verified is a match with the held article's number and stats.
type verified struct {
	Match
	held  uint32
	stats pairStats
}

// check finds and verifies the held articles that share text with doc.
func (d *Detector) check(ctx context.Context, doc *Doc, sk *fingerprint.Sketch) ([]verified, map[uint32]*Doc, error) {
	d.cands = d.index.Candidates(d.cands[:0], sk)
	cands := d.cands
	d.stats.Candidates += len(cands)
	if len(cands) > d.opt.MaxCandidates {
		cands = cands[:d.opt.MaxCandidates]
	}
	var out []verified
	held := map[uint32]*Doc{}
	fullGroups := map[int32]bool{} // groups already matched as full copies
	for _, c := range cands {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		m := d.docs[c.Doc]
		if m.group >= 0 && fullGroups[m.group] {
			// One full match joins the group: a story copied a thousand
			// times costs one verification, not a thousand.
			continue
		}
		hd, err := d.src.Doc(ctx, m.id)
		if err != nil {
			return nil, nil, fmt.Errorf("read %s: %w", m.id, err)
		}
		p := verify(sk, hd.sketch(), &d.opt)
		d.stats.Verified++
		kind, ok := d.kind(p)
		if !ok {
			continue
		}
		d.stats.Matches++
		if kind == Full && m.group >= 0 {
			fullGroups[m.group] = true
		}
		held[c.Doc] = hd
		newWins, reason := d.earlier(doc.meta(sk), m, p.extraA, p.extraB)
		mt := Match{
			Copy: doc.ID, Of: m.id, Kind: kind, Reason: reason,
			Containment: round3(p.containment), Coverage: round3(p.coverage), Jaccard: round3(p.jaccard),
			Passage: p.passage, SharedParagraphs: p.sharedParas,
		}
		if newWins {
			mt.Copy, mt.Of = m.id, doc.ID
		}
		out = append(out, verified{Match: mt, held: c.Doc, stats: p})
	}
	slices.SortStableFunc(out, func(a, b verified) int {
		return cmp.Or(cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)), cmp.Compare(b.Containment, a.Containment), cmp.Compare(a.held, b.held))
	})
	return out, held, nil
}

func kindRank(k Kind) int {
	if k == Full {
		return 0
	}
	return 1
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

func (doc *Doc) meta(sk *fingerprint.Sketch) meta {
	return meta{id: doc.ID, source: doc.Source, published: doc.Published, credits: doc.Credits, wire: doc.IsWire, removed: doc.Removed, size: len(sk.Set), group: -1}
}

// earlier applies the original rules to a pair: it reports whether a is the
// original of b, and why. extraA and extraB are the shares of each text not
// found in the other (as verify computes them).
func (d *Detector) earlier(a, b meta, extraA, extraB float64) (bool, string) {
	if !a.published.IsZero() && !b.published.IsZero() && !a.published.Equal(b.published) {
		return a.published.Before(b.published), "earliest published"
	}
	if w := wireRank(a, b) - wireRank(b, a); w != 0 {
		return w > 0, "credited wire service"
	}
	const appendage, clean = 0.3, 0.03
	switch {
	case extraA <= clean && extraB > clean && extraB <= appendage:
		return true, "cleaner text: the other adds to it"
	case extraB <= clean && extraA > clean && extraA <= appendage:
		return false, "cleaner text: the other adds to it"
	}
	if a.removed != b.removed {
		return a.removed < b.removed, "cleaner text: less boilerplate removed"
	}
	if a.size != b.size {
		return a.size > b.size, "longer text"
	}
	return false, "first to arrive"
}

// wireRank scores how much a looks like the wire original of b: 2 when b
// credits a's source, 1 when a is a wire's own article.
func wireRank(a, b meta) int {
	r := 0
	if a.wire {
		r++
	}
	for _, c := range b.credits {
		if a.source != "" && sameName(c, a.source) {
			r += 2
			break
		}
	}
	return r
}

// sameName reports whether a credited name and a source name are the same
// outlet, ignoring case, a leading "The" and punctuation.
func sameName(credit, source string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		s = strings.TrimPrefix(s, "the ")
		return strings.Map(func(r rune) rune {
			if r == '.' || r == ',' || r == '’' || r == '\'' {
				return -1
			}
			return r
		}, s)
	}
	return norm(credit) == norm(source)
}
