// Package clean separates an article's reporting from what surrounds it:
// author bios, newsletter and sign-up prompts, consent lines, "View more:"
// and share prompts, related-link lists, advert markers, newswire
// transmission codes, photo captions and contribution credits.
//
// Extractors (go-trafilatura, go-readability) and newswire archives leave
// these in the text, and no Go library removes them, so the rules are ours.
// They are written from the tails and heads of real articles (PolNeAR,
// DUC 2006 newswire, the seed articles) and tested against them.
//
// # The principle
//
// Nothing of the reporting is removed. Every rule matches a whole paragraph,
// never a part of one, and a paragraph moves out of the body intact, into
// Article.Removed with its kind and its position as read. The rules are:
//
//   - anchored: a rule matches the whole short paragraph ("Advertisement",
//     "Sign up to receive our latest news!"), with a length limit per rule,
//     so a long paragraph that merely opens like boilerplate stays;
//   - guarded: prompts and bios never quote anyone, so a paragraph with
//     quotation marks or a reporting verb ("said", "told", "according to")
//     is not a prompt, a bio or a caption;
//   - position-aware: bios, follow and contact lines and related-link lists
//     are recognised only in the article's trailing run, the paragraphs from
//     the end back to the last one that is plainly reporting. A bio's head
//     ("X is the founder and CEO of ...") must name someone the reporting
//     above it does not mention (or the byline's author): a sentence about a
//     CEO the story is about stays. A bio that runs over several trailing
//     paragraphs ("She previously ...", "Follow her on Twitter") goes whole.
//
// Photo captions ("... (AP Photo/Pavel Golovkin, Pool)", "Getty Images") are
// also listed in Article.Captions, and contribution lines ("Includes
// reporting from The Associated Press.", "Reporting by X; Editing by Y")
// in Article.Credits with the names they credit.
//
// Clean is idempotent, and the body and the removed paragraphs together are
// always exactly the paragraphs as read.
//
// # Lines a source repeats
//
// Some boilerplate is only recognisable as such because one outlet prints it
// under every article ("Breitbart News Daily airs on SiriusXM Patriot 125").
// The pipeline counts, per source, the distinct articles each short line
// (article.LineKey, at most article.MaxLineLen bytes) appears in; a line
// seen in at least Options.RepeatThreshold articles of one source is that
// source's boilerplate, and RemoveRepeated moves it out as KindRepeated, but
// only where it is short and either sits in the article's head (its first 2
// paragraphs) or tail (its last 4), or is a short line that is not a
// sentence (under 12 words, no closing punctuation) anywhere. A re-filed
// wire story repeats its reporting paragraphs across many articles of one
// source: those in the middle of the story are never removed.
package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
)

// Options configures a Cleaner.
type Options struct {
	// RepeatThreshold is how many distinct articles of one source a short
	// line must appear in before it counts as that source's boilerplate.
	RepeatThreshold int
}

// DefaultOptions returns the defaults.
func DefaultOptions() Options { return Options{RepeatThreshold: 4} }

// Cleaner cleans articles. It is safe for concurrent use.
type Cleaner struct{ opt Options }

// New returns a Cleaner.
func New(opt Options) *Cleaner { return &Cleaner{opt: opt} }

// Options returns the options the Cleaner was made with.
func (c *Cleaner) Options() Options { return c.opt }

// Clean moves the paragraphs of a.Paragraphs that are not the article into
// a.Removed (labelled), photo captions into a.Captions and contribution lines
// into a.Credits. Cleaning a cleaned article changes nothing.
func (c *Cleaner) Clean(a *article.Article) {
	n := len(a.Paragraphs)
	if n == 0 {
		return
	}
	cores := make([]string, n)
	kinds := make([]article.RemovedKind, n)
	found := false
	for i, p := range a.Paragraphs {
		cores[i] = strip(p)
		if k, ok := anywhere(cores[i]); ok {
			kinds[i] = k
			found = true
		}
	}
	if trailing(a.Byline, cores, kinds) {
		found = true
	}
	if !found {
		return
	}
	orig := originalIndexes(a)
	body := make([]string, 0, n)
	for i, p := range a.Paragraphs {
		k := kinds[i]
		if k == "" {
			body = append(body, p)
			continue
		}
		a.Removed = append(a.Removed, article.Removed{Text: p, Kind: k, Index: orig[i]})
		switch k {
		case article.KindCaption:
			a.Captions = append(a.Captions, cores[i])
		case article.KindCredit:
			names, _ := creditNames(cores[i])
			a.Credits = append(a.Credits, article.Credit{Text: cores[i], Names: names})
		}
	}
	a.Paragraphs = body
	sortRemoved(a)
}

// trailing finds the article's trailing run: the paragraphs from the end
// back to the last one that is plainly reporting, and labels in kinds those
// of the run the tail rules remove. It reports whether it labelled any.
func trailing(byline string, cores []string, kinds []article.RemovedKind) bool {
	n := len(cores)
	cand := make([]tailCandidate, n)
	tkind := make([]article.RemovedKind, n)
	start := n
	for i := n - 1; i >= 0; i-- {
		if kinds[i] != "" {
			start = i
			continue
		}
		cd, k := tail(cores[i])
		if cd == notTail {
			break
		}
		cand[i], tkind[i] = cd, k
		start = i
	}
	// The tail rules need reporting above them: an article that is all
	// tail-like lines (a headline list, a lone bio) is left as it is.
	firstKept := slices.Index(kinds, "")
	if start >= n || firstKept < 0 || firstKept >= start {
		return false
	}

	var (
		accepted  []int
		inBio     bool
		bioFirst  string
		bioParas  int
		inRelated bool
		labelled  bool
	)
	reject := func() {
		for _, j := range accepted {
			kinds[j] = ""
		}
		accepted = accepted[:0]
		inBio, inRelated, bioFirst, bioParas = false, false, "", 0
	}
	accept := func(i int, k article.RemovedKind) {
		kinds[i] = k
		accepted = append(accepted, i)
	}
	for i := start; i < n; i++ {
		if kinds[i] != "" && cand[i] == notTail {
			if kinds[i] == article.KindRelated {
				inRelated = true
			}
			continue
		}
		switch cand[i] {
		case tailRemove:
			accept(i, tkind[i])
			if tkind[i] == article.KindRelated {
				inRelated = true
			}
			continue
		case tailBioHead:
			name, first := bioSubject(cores[i])
			if name != "" && !notAName[first] && (bylineNames(byline, name) || !mentioned(cores, kinds, i, name)) {
				accept(i, article.KindBio)
				inBio, bioFirst, bioParas = true, first, 1
				continue
			}
		case tailBioMore:
			if inBio && bioParas < maxBioParas && (bioMoreWords[firstWord(cores[i])] || firstWord(cores[i]) == bioFirst) {
				accept(i, article.KindBio)
				bioParas++
				continue
			}
		case tailItem:
			if inRelated || titleRun(cand, kinds, i) {
				accept(i, article.KindRelated)
				inRelated = true
				continue
			}
		}
		// Plainly reporting after all: the trailing run starts below it.
		reject()
	}
	for _, j := range accepted {
		if kinds[j] != "" {
			labelled = true
		}
	}
	return labelled
}

// titleRun reports whether the paragraphs from i to the end are headline-
// like lines (at least two) and removable lines only: a related-links list
// without a header.
func titleRun(cand []tailCandidate, kinds []article.RemovedKind, i int) bool {
	titles := 0
	for j := i; j < len(cand); j++ {
		switch {
		case cand[j] == tailItem:
			titles++
		case kinds[j] != "" && cand[j] == notTail, cand[j] == tailRemove:
		default:
			return false
		}
	}
	return titles >= 2
}

// notAName lists capitalised words that open sentences but name nobody.
var notAName = map[string]bool{
	"He": true, "She": true, "They": true, "It": true, "This": true, "That": true,
	"The": true, "These": true, "Those": true, "There": true, "Here": true, "His": true,
	"Her": true, "We": true, "I": true, "You": true, "Its": true, "Our": true, "A": true, "An": true,
}

// mentioned reports whether the reporting above paragraph i (the paragraphs
// still in the body) names the bio's subject, by surname.
func mentioned(cores []string, kinds []article.RemovedKind, i int, name string) bool {
	surname := name[strings.LastIndexByte(name, ' ')+1:]
	surname = strings.TrimRight(surname, ".,")
	if surname == "" {
		return false
	}
	for j := range i {
		if kinds[j] == "" && containsWord(cores[j], surname) {
			return true
		}
	}
	return false
}

// bylineNames reports whether the byline names the bio's subject.
func bylineNames(byline, name string) bool {
	if byline == "" {
		return false
	}
	surname := name[strings.LastIndexByte(name, ' ')+1:]
	return containsWord(byline, surname)
}

// containsWord reports whether w occurs in s as a whole word.
func containsWord(s, w string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(w):])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		off = i + len(w)
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// originalIndexes returns, for each paragraph of a.Paragraphs, its position
// in the text as read: the positions not taken by a.Removed, in order.
func originalIndexes(a *article.Article) []int {
	taken := make(map[int]bool, len(a.Removed))
	for _, r := range a.Removed {
		taken[r.Index] = true
	}
	out := make([]int, 0, len(a.Paragraphs))
	for i := 0; len(out) < len(a.Paragraphs); i++ {
		if !taken[i] {
			out = append(out, i)
		}
	}
	return out
}

func sortRemoved(a *article.Article) {
	slices.SortStableFunc(a.Removed, func(x, y article.Removed) int { return x.Index - y.Index })
}

// RemoveRepeated moves body paragraphs whose article.LineKey is in repeated
// out of the body as KindRepeated, and reports whether any moved. Only short
// paragraphs in the head or tail, or short non-sentence lines anywhere, are
// moved (see the package doc). Positions are counted in the body as it was
// before any repeated line was removed, so calling it twice changes nothing
// more.
func (c *Cleaner) RemoveRepeated(a *article.Article, repeated map[uint64]bool) bool {
	if len(repeated) == 0 || len(a.Paragraphs) == 0 {
		return false
	}
	orig := originalIndexes(a)
	// The body as it stood before repeated lines left it: the current body
	// and the paragraphs already removed as repeated, in reading order.
	seq := slices.Clone(orig)
	for _, r := range a.Removed {
		if r.Kind == article.KindRepeated {
			seq = append(seq, r.Index)
		}
	}
	slices.Sort(seq)
	m := len(seq)
	body := make([]string, 0, len(a.Paragraphs))
	moved := false
	for i, p := range a.Paragraphs {
		j, _ := slices.BinarySearch(seq, orig[i])
		if len(p) <= article.MaxLineLen && (j < 2 || j >= m-4 || shortNonSentence(p)) &&
			article.NormaliseText(p) != "" && repeated[article.LineKey(p)] {
			a.Removed = append(a.Removed, article.Removed{Text: p, Kind: article.KindRepeated, Index: orig[i]})
			moved = true
			continue
		}
		body = append(body, p)
	}
	if moved {
		a.Paragraphs = body
		sortRemoved(a)
	}
	return moved
}

// Explain says why Clean would remove paragraph p at position index of an
// article of total paragraphs, judging p alone: the rules that hold
// anywhere, and, within the last few paragraphs, the tail rules as if what
// follows p were boilerplate too. Clean also looks at p's neighbours: it
// removes headline lists and multi-paragraph bios that Explain cannot see,
// and keeps a bio head whose subject the reporting mentions.
func (c *Cleaner) Explain(p string, index, total int) (article.RemovedKind, bool) {
	core := strip(p)
	if k, ok := anywhere(core); ok {
		return k, true
	}
	if index <= 0 || index < total-tailWindow {
		return "", false
	}
	switch cd, k := tail(core); cd {
	case tailRemove:
		return k, true
	case tailBioHead:
		if _, first := bioSubject(core); !notAName[first] {
			return k, true
		}
	}
	return "", false
}
