// Package demo holds Parallax's demo corpus: a small fictional news world,
// written for the project, that `parallax demo` ingests and that later
// stages' golden tests are measured against.
//
// Seven invented outlets in two invented countries cover three stories
// (a dock strike, two rounds of diplomatic talks, a health-data breach),
// each made of two or three distinct events over seven months of 2025. The
// corpus comes in every format the readers handle (JSON lines, HTML pages,
// an RSS feed, plain text) and holds the traps a news reader must get
// right: verbatim, edited and partial copies; a copy published at the same
// instant as its original; originals that arrive after their copies; the
// same news conference told by outlets with opposite slants; captions,
// credits, bios and newsletter lines. corpus/README.md describes the world;
// corpus/truth.json is the answer key, read with LoadTruth.
//
// We wrote the corpus ourselves rather than ship real articles: real news
// text belongs to its publishers, and only an invented world lets us say
// with certainty which article copies which and which events are the same.
package demo

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"time"
)

//go:embed corpus
var corpusFS embed.FS

// Documentation files of the corpus: embedded, but not input to ingest.
const (
	truthFile  = "truth.json"
	readmeFile = "README.md"
)

// Corpus returns the corpus directory, rooted so that its paths are
// "crawl/2025-03-03.jsonl", "pages/…", "feed.xml", "truth.json" and so on.
func Corpus() fs.FS {
	sub, err := fs.Sub(corpusFS, "corpus")
	if err != nil {
		// fs.Sub fails only on an invalid directory name, and "corpus" is
		// a constant.
		panic(err)
	}
	return sub
}

// WriteTo writes the corpus's input files (everything but README.md and
// truth.json) under dir, creating directories as needed and replacing files
// already there, and returns their paths in arrival order: the order in
// which `parallax demo` ingests them. That order is mostly chronological,
// but like a real crawl whose archives are back-filled later it delivers
// some copies before their originals (see Truth.Arrival).
func WriteTo(dir string) ([]string, error) {
	t, err := LoadTruth()
	if err != nil {
		return nil, err
	}
	inputs, err := inputFiles()
	if err != nil {
		return nil, err
	}
	if err := sameFiles(inputs, t.Arrival); err != nil {
		return nil, fmt.Errorf("write demo corpus: %w", err)
	}
	corpus := Corpus()
	paths := make([]string, 0, len(t.Arrival))
	for _, name := range t.Arrival {
		data, err := fs.ReadFile(corpus, name)
		if err != nil {
			return nil, fmt.Errorf("write demo corpus: %w", err)
		}
		dst := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return nil, fmt.Errorf("write demo corpus: %w", err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return nil, fmt.Errorf("write demo corpus: %w", err)
		}
		paths = append(paths, dst)
	}
	return paths, nil
}

// inputFiles lists the corpus files that are input to ingest, sorted.
func inputFiles() ([]string, error) {
	var names []string
	err := fs.WalkDir(Corpus(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || p == truthFile || p == readmeFile {
			return nil
		}
		names = append(names, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list demo corpus: %w", err)
	}
	slices.Sort(names)
	return names, nil
}

// sameFiles reports how the arrival list differs from the files present.
func sameFiles(files, arrival []string) error {
	var errs []error
	seen := make(map[string]bool, len(arrival))
	for _, a := range arrival {
		if seen[a] {
			errs = append(errs, fmt.Errorf("%s listed twice in arrival", a))
		}
		seen[a] = true
		if _, ok := slices.BinarySearch(files, a); !ok {
			errs = append(errs, fmt.Errorf("%s in arrival is not in the corpus", a))
		}
	}
	for _, f := range files {
		if !seen[f] {
			errs = append(errs, fmt.Errorf("%s is missing from arrival", f))
		}
	}
	return errors.Join(errs...)
}

// Truth is the answer key of the corpus: what each article is, which
// story and event it reports, and what it copies.
type Truth struct {
	// Description says what the corpus is, in a sentence or two.
	Description string `json:"description"`
	// Outlets are the seven sources, by the name articles give as Source.
	Outlets []Outlet `json:"outlets"`
	// Stories hold their events in date order.
	Stories []Story `json:"stories"`
	// Arrival lists the input files, as paths in Corpus, in the order
	// WriteTo returns them.
	Arrival []string `json:"arrival"`
	// Articles is keyed by each article's input identity: the JSON "id"
	// for JSON lines, the canonical URL for an HTML page, the GUID for a
	// feed item, the file's base name for plain text.
	Articles map[string]ArticleTruth `json:"articles"`
}

// Outlet is one invented news source.
type Outlet struct {
	Name        string   `json:"name"`
	Kind        string   `json:"kind"` // "wire", "national", "local", "state media", "blog", …
	Host        string   `json:"host"`
	Country     string   `json:"country"`
	Description string   `json:"description"`
	Formats     []string `json:"formats"` // the corpus formats its articles come in
}

// Story is a longer thread of events.
type Story struct {
	Slug   string  `json:"slug"`
	Label  string  `json:"label"`
	Events []Event `json:"events"`
}

// Event is one real-world happening: one place, one day, one outcome.
type Event struct {
	Slug  string `json:"slug"`
	Label string `json:"label"`
	Date  string `json:"date"` // YYYY-MM-DD, the day it happened
	Place string `json:"place"`
}

// CopyKind says how much of its original an article copies.
type CopyKind string

// The kinds of copy. An article that copies nothing has CopyNone.
const (
	CopyNone    CopyKind = ""
	CopyFull    CopyKind = "full"    // the whole article, verbatim or edited
	CopyPartial CopyKind = "partial" // a few paragraphs inside a different article
)

// ArticleTruth is what the answer key says about one article.
type ArticleTruth struct {
	Source string `json:"source"`
	// File is the path in Corpus of the file that holds the article;
	// Format names the reader for it ("jsonl", "html", "feed", "text").
	File   string `json:"file"`
	Format string `json:"format"`
	// Title and Published are empty where the input gives none (plain
	// text, one undated JSON record).
	Title     string    `json:"title"`
	Published time.Time `json:"published,omitzero"`
	Story     string    `json:"story"`
	Event     string    `json:"event"`
	// CopyOf is the ID of the article this one copies, empty for an
	// original. It always names an original, never another copy.
	CopyOf   string   `json:"copy_of"`
	CopyKind CopyKind `json:"copy_kind"`
	// CopyEdit says how the copy was made: "verbatim" (every paragraph
	// kept, boilerplate added), "edited" (trimmed and reworded, with text
	// of its own) or "excerpt" (paragraphs quoted inside another article).
	CopyEdit string `json:"copy_edit"`
	Notes    string `json:"notes"`
}

// LoadTruth parses the corpus's truth.json.
func LoadTruth() (*Truth, error) {
	f, err := Corpus().Open(truthFile)
	if err != nil {
		return nil, fmt.Errorf("load truth: %w", err)
	}
	defer f.Close()
	return ParseTruth(f)
}

// ParseTruth reads an answer key in the format of truth.json and checks it
// with Validate.
func ParseTruth(r io.Reader) (*Truth, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var t Truth
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("parse truth: %w", err)
	}
	if dec.More() {
		return nil, errors.New("parse truth: data after the top-level object")
	}
	if err := t.Validate(); err != nil {
		return nil, fmt.Errorf("parse truth: %w", err)
	}
	return &t, nil
}

// Validate checks that the key is consistent with itself: every article's
// outlet, story, event and file are declared, copies point at originals,
// and slugs and names are unique. It reports every problem, not the first.
func (t *Truth) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	outlets := make(map[string]bool)
	for _, o := range t.Outlets {
		if o.Name == "" {
			bad("outlet with no name")
		}
		if outlets[o.Name] {
			bad("outlet %q declared twice", o.Name)
		}
		outlets[o.Name] = true
	}
	eventStory := make(map[string]string)
	stories := make(map[string]bool)
	for _, s := range t.Stories {
		if s.Slug == "" || stories[s.Slug] {
			bad("story slug %q empty or repeated", s.Slug)
		}
		stories[s.Slug] = true
		for _, e := range s.Events {
			if e.Slug == "" || eventStory[e.Slug] != "" {
				bad("event slug %q empty or repeated", e.Slug)
			}
			eventStory[e.Slug] = s.Slug
			if _, err := time.Parse(time.DateOnly, e.Date); err != nil {
				bad("event %q: date %q is not YYYY-MM-DD", e.Slug, e.Date)
			}
		}
	}
	files := make(map[string]bool)
	for _, f := range t.Arrival {
		if !fs.ValidPath(f) || f != path.Clean(f) {
			bad("arrival path %q is not a clean relative path", f)
		}
		files[f] = true
	}
	for id, a := range t.Articles {
		switch {
		case id == "":
			bad("article with an empty ID")
		case !outlets[a.Source]:
			bad("article %q: source %q is not a declared outlet", id, a.Source)
		case eventStory[a.Event] == "":
			bad("article %q: event %q is not declared", id, a.Event)
		case eventStory[a.Event] != a.Story:
			bad("article %q: event %q belongs to story %q, not %q", id, a.Event, eventStory[a.Event], a.Story)
		case !files[a.File]:
			bad("article %q: file %q is not in arrival", id, a.File)
		}
		switch a.CopyKind {
		case CopyNone:
			if a.CopyOf != "" {
				bad("article %q: copy_of set without copy_kind", id)
			}
		case CopyFull, CopyPartial:
			orig, ok := t.Articles[a.CopyOf]
			switch {
			case a.CopyOf == id:
				bad("article %q copies itself", id)
			case !ok:
				bad("article %q: copy_of %q is not in the corpus", id, a.CopyOf)
			case orig.CopyOf != "":
				bad("article %q: copy_of %q is itself a copy", id, a.CopyOf)
			}
		default:
			bad("article %q: unknown copy_kind %q", id, a.CopyKind)
		}
	}
	return errors.Join(errs...)
}

// Outlet returns the outlet with the given name.
func (t *Truth) Outlet(name string) (Outlet, bool) {
	i := slices.IndexFunc(t.Outlets, func(o Outlet) bool { return o.Name == name })
	if i < 0 {
		return Outlet{}, false
	}
	return t.Outlets[i], true
}

// Original returns the ID of the article whose text id carries: the
// original it copies, or id itself for an original.
func (t *Truth) Original(id string) string {
	if a, ok := t.Articles[id]; ok && a.CopyOf != "" {
		return a.CopyOf
	}
	return id
}
