// Package article holds the types that flow between Parallax's stages: an
// Article as a reader produced it, and what cleaning found in it.
//
// A stage depends on this package and on internal/text, never on its
// neighbours. The types here are plain data: no I/O, no locks. An Article is
// owned by whichever stage holds it; stages hand it on, they do not share it.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"
	"unicode"

	"github.com/zeebo/xxh3"
)

// Article is one news article, from whichever format it was read.
type Article struct {
	// ID is stable across runs: see NewID.
	ID string `json:"id"`
	// InputID is the ID the input itself gave (a JSON "id", a DOCNO, a feed
	// GUID), empty where it gave none.
	InputID string `json:"input_id,omitempty"`
	// Source is the outlet: from the record, the page's site name, the URL's
	// host, or --source.
	Source string `json:"source"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title"`
	Byline string `json:"byline,omitempty"`
	// Published is the zero time where the input gave no date.
	Published time.Time `json:"published,omitzero"`
	Lang      string    `json:"lang,omitempty"`
	// Site is the site name an HTML page or feed declared, if any.
	Site string `json:"site,omitempty"`

	// Paragraphs is the body: the reporting only, once cleaned.
	Paragraphs []string `json:"paragraphs"`
	// Removed holds what cleaning took out of the body, labelled.
	Removed []Removed `json:"removed,omitempty"`
	// Captions are photo captions and credits found in the body.
	Captions []string `json:"captions,omitempty"`
	// Credits are "Includes reporting from X" and its kin.
	Credits []Credit `json:"credits,omitempty"`

	// Entities are the named entities of the body and Quotes its
	// attributions, with offsets in code points of Text(). They are set by
	// the annotation stage; nil when it has not run.
	Entities []Entity `json:"entities,omitempty"`
	Quotes   []Quote  `json:"quotes,omitempty"`

	// Meta keeps what the input carried that has no field here (other JSON
	// fields, feed categories, SGML tags), as JSON values.
	Meta map[string]json.RawMessage `json:"meta,omitempty"`

	// Format names the reader that produced the article ("text", "jsonl",
	// "html", "feed", "sgml").
	Format string `json:"format"`
	// Origin says where in the input the article was: a file path, with
	// ":LINE" for line-oriented formats or "#N" for the Nth record.
	Origin string `json:"origin,omitempty"`
	// Ingested is when the store first acknowledged the article; Seq is its
	// arrival order in the store. Both are set by the store.
	Ingested time.Time `json:"ingested,omitzero"`
	Seq      int64     `json:"seq,omitempty"`
}

// Entity is one mention of a named entity in an article's body.
type Entity struct {
	// Text is the mention as written, Type one of "person", "org",
	// "place", "misc", and Canonical the entity's canonical name ("Sergey
	// Lavrov" for "Lavrov" or "Russia's Foreign Minister Sergey Lavrov").
	Text      string `json:"text"`
	Type      string `json:"type"`
	Canonical string `json:"canonical"`
	// Start and End bound the mention in code points of the body's Text().
	Start int `json:"start"`
	End   int `json:"end"`
	// Role is the title or role the mention carries, if any ("Russia's
	// Foreign Minister").
	Role string `json:"role,omitempty"`
	// Nominal marks a mention by role alone ("the Russian foreign
	// minister"); Canonical is the person it was resolved to.
	Nominal bool `json:"nominal,omitempty"`
}

// Quote is one attribution in an article's body: who said (or believes,
// or wants) what. Offsets are in code points of the body's Text(); a span
// that is absent has Start == End == 0.
type Quote struct {
	// Speaker is the canonical name of who speaks, resolved from a
	// pronoun, role or group where possible; for a group it joins the
	// members with " and ", and Speakers lists them.
	Speaker     string   `json:"speaker"`
	Speakers    []string `json:"speakers,omitempty"`
	SpeakerText string   `json:"speaker_text"`
	Cue         string   `json:"cue"`
	Content     string   `json:"content"`
	// Direct is set for a verbatim quotation; Scare for quotation marks
	// around a term ("interim president"), which attribute nothing.
	Direct       bool `json:"direct"`
	Scare        bool `json:"scare"`
	SourceStart  int  `json:"source_start"`
	SourceEnd    int  `json:"source_end"`
	CueStart     int  `json:"cue_start"`
	CueEnd       int  `json:"cue_end"`
	ContentStart int  `json:"content_start"`
	ContentEnd   int  `json:"content_end"`
}

// RemovedKind labels a paragraph cleaning took out of the body.
type RemovedKind string

// The kinds of removed paragraph.
const (
	KindBio        RemovedKind = "bio"
	KindNewsletter RemovedKind = "newsletter"
	KindConsent    RemovedKind = "consent"
	KindViewMore   RemovedKind = "view-more"
	KindShare      RemovedKind = "share"
	KindRelated    RemovedKind = "related"
	KindAd         RemovedKind = "advert"
	KindRepeated   RemovedKind = "repeated" // recurs across many articles of one source
	KindCaption    RemovedKind = "caption"  // also listed in Captions
	KindCredit     RemovedKind = "credit"   // also listed in Credits
	KindOther      RemovedKind = "other"
)

// Removed is one paragraph taken out of the body, with why.
type Removed struct {
	Text string      `json:"text"`
	Kind RemovedKind `json:"kind"`
	// Index is the paragraph's position in the text as read, before cleaning.
	Index int `json:"index"`
}

// Credit is a contribution line ("Includes reporting from The Associated
// Press.") and the names it credits.
type Credit struct {
	Text  string   `json:"text"`
	Names []string `json:"names"`
}

// Text is the body as one string, paragraphs separated by a blank line.
func (a *Article) Text() string { return strings.Join(a.Paragraphs, "\n\n") }

// NewID returns the stable ID of an article: from the input's own ID
// namespaced by source where there is one, else from source and URL, else
// from source and the normalised text. The same input always gets the same ID.
func NewID(source, inputID, url string, paragraphs []string) string {
	h := sha256.New()
	h.Write([]byte(strings.ToLower(strings.TrimSpace(source))))
	switch {
	case inputID != "":
		h.Write([]byte("\x00id\x00" + inputID))
	case url != "":
		h.Write([]byte("\x00url\x00" + NormaliseURL(url)))
	default:
		h.Write([]byte("\x00text\x00"))
		for _, p := range paragraphs {
			h.Write([]byte(NormaliseText(p)))
			h.Write([]byte{' '})
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// NormaliseURL drops a URL's fragment and a trailing slash so that trivially
// different spellings of one address hash alike.
func NormaliseURL(u string) string {
	u = strings.TrimSpace(u)
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	return strings.TrimSuffix(u, "/")
}

// NormaliseText folds case, punctuation and white space, for hashing text
// whose typography may differ between copies.
func NormaliseText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// MaxLineLen is the longest paragraph, in bytes, that LineKeys considers: a
// boilerplate line is short, and reporting paragraphs that recur are not.
const MaxLineLen = 300

// LineKey hashes one paragraph for counting how often it recurs across a
// source's articles. Case, punctuation and spacing do not change the key.
func LineKey(p string) uint64 { return xxh3.HashString(NormaliseText(p)) }

// LineKeys returns the distinct keys of the article's short paragraphs, in
// the body and among those removed, in order of first appearance. The store
// counts them per source; lines that recur in many articles of one source
// are that source's boilerplate.
func (a *Article) LineKeys() []uint64 {
	seen := make(map[uint64]bool)
	var keys []uint64
	add := func(p string) {
		if len(p) > MaxLineLen || NormaliseText(p) == "" {
			return
		}
		k := LineKey(p)
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	for _, p := range a.Paragraphs {
		add(p)
	}
	for _, r := range a.Removed {
		add(r.Text)
	}
	return keys
}
