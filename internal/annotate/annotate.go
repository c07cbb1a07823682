// Package annotate runs the entity and quote stages over an article's body
// and keeps their results on the article, as article.Entity and
// article.Quote with offsets in code points of the body's Text().
//
// It joins the two stages: the entity stage finds the people, places,
// organisations and named things, and gives the quote stage the people (with
// their roles), so that "he said" and "the Russian foreign minister" resolve
// to a canonical name; a source the quote stage could not resolve takes the
// entity it names ("The Harbour Authority said" → Harbour Authority).
//
// Two steps, because only the second depends on order: Text and Article are
// per-article and safe for concurrent use (the pipeline's workers share one
// Annotator); Canonicalise runs in arrival order and rewrites short names
// with the full names earlier articles gave ("Lavrov" → "Sergey Lavrov"),
// through the store-wide entity.Registry, whose state the store keeps.
package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/quote"
)

// Annotator finds entities and quotes.
type Annotator struct {
	ents *entity.Extractor
	reg  *entity.Registry
}

// New returns an Annotator with the default extractors and an empty
// registry.
func New() *Annotator {
	return &Annotator{ents: entity.Default(), reg: entity.NewRegistry()}
}

// Registry is the store-wide name registry Canonicalise uses: Export its
// state to keep it, Import to restore it.
func (x *Annotator) Registry() *entity.Registry { return x.reg }

// Text returns the entities and quotes of text, offsets in its code
// points, with names canonical within the text (not across the store).
func (x *Annotator) Text(text string) ([]article.Entity, []article.Quote) {
	runes := []rune(text)
	ms := x.ents.Extract(text)
	as := Attributions(text, ms, quote.Options{})
	ents := make([]article.Entity, 0, len(ms))
	for _, m := range ms {
		ents = append(ents, article.Entity{Text: m.Text, Type: string(m.Type), Canonical: m.Canonical,
			Start: m.Start, End: m.End, Role: m.Role, Nominal: m.Nominal})
	}
	var qs []article.Quote
	if len(as) > 0 {
		qs = make([]article.Quote, 0, len(as))
	}
	for _, at := range as {
		qs = append(qs, Quote(runes, at))
	}
	return ents, qs
}

// Attributions returns the attributions in text, given its entity
// mentions: the quote stage with the people among them, and, for a source
// it could not resolve to a person, the organisation or country the source
// names as its head ("Reuters reported", "North Korea said"). `parallax
// quotes` and the PolNeAR evaluation run this, as ingest does. opt's
// People is replaced.
func Attributions(text string, ms []entity.Mention, opt quote.Options) []quote.Attribution {
	people := People(ms)
	opt.People = func(string) []quote.Person { return people }
	as := quote.Extract(text, opt)
	var runes []rune
	for i := range as {
		at := &as[i]
		if at.Speaker != "" || at.Scare || at.Source.Empty() {
			continue
		}
		if runes == nil {
			runes = []rune(text)
		}
		at.Speaker = named(runes, ms, at.Source)
	}
	return as
}

// Article sets a's Entities and Quotes from its body.
func (x *Annotator) Article(a *article.Article) {
	a.Entities, a.Quotes = x.Text(a.Text())
}

// Canonicalise rewrites a's names with the full names the registry has
// learnt from earlier articles, and teaches it a's. Call it once per
// article, in arrival order. It reports whether any name changed.
func (x *Annotator) Canonicalise(a *article.Article) bool {
	if len(a.Entities) == 0 {
		return false
	}
	ms := make([]entity.Mention, len(a.Entities))
	for i, e := range a.Entities {
		ms[i] = entity.Mention{Text: e.Text, Type: entity.Type(e.Type), Canonical: e.Canonical,
			Start: e.Start, End: e.End, Role: e.Role, Nominal: e.Nominal}
	}
	out := x.reg.Canonicalise(ms)
	renamed := map[string]string{}
	for i := range a.Entities {
		if i < len(out) && out[i].Canonical != a.Entities[i].Canonical {
			renamed[a.Entities[i].Canonical] = out[i].Canonical
			a.Entities[i].Canonical = out[i].Canonical
		}
	}
	if len(renamed) == 0 {
		return false
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		if n, ok := renamed[q.Speaker]; ok {
			q.Speaker = n
		}
		for j, s := range q.Speakers {
			if n, ok := renamed[s]; ok {
				q.Speakers[j] = n
			}
		}
		if len(q.Speakers) > 0 {
			q.Speaker = strings.Join(q.Speakers, " and ")
		}
	}
	return true
}

// People returns the people among the mentions, as the quote stage takes
// them: canonical name, role (lower case) and every span that names or
// describes them.
func People(ms []entity.Mention) []quote.Person {
	var out []quote.Person
	for _, e := range entity.Group(ms) {
		if e.Type != entity.Person {
			continue
		}
		p := quote.Person{Name: e.Canonical}
		if len(e.Roles) > 0 {
			p.Role = strings.ToLower(e.Roles[0])
		}
		for _, m := range e.Mentions {
			if p.Role == "" && m.RoleText != "" {
				p.Role = m.RoleText
			}
			p.Mentions = append(p.Mentions, quote.Span{Start: m.Start, End: m.End})
		}
		out = append(out, p)
	}
	return out
}

// named returns the canonical name of the one person, organisation or
// place the source span names as its head, or "" when it names none or
// several. A name that modifies the head does not speak: "GOP analysts",
// "a spokesman for Reuters", "Clinton's campaign", "U.S. officials".
func named(runes []rune, ms []entity.Mention, src quote.Span) string {
	if src.Empty() || src.End > len(runes) {
		return ""
	}
	found := ""
	for _, m := range ms {
		if m.End <= src.Start || m.Start >= src.End || m.Start < src.Start || m.End > src.End {
			continue
		}
		if m.Type != entity.Person && m.Type != entity.Org && m.Type != entity.Place {
			continue
		}
		if !headOf(runes[src.Start:m.Start], runes[m.End:src.End]) {
			continue
		}
		if found != "" && found != m.Canonical {
			return ""
		}
		found = m.Canonical
	}
	return found
}

// headOf reports whether a name with before and after around it in a
// source is the source's head: no preposition before it in its phrase (the
// words since the last comma), and no word after it but in an appositive
// after a comma or a bracket. A spokesperson speaks for the body ("a
// spokesman for the Harbour Authority", "Harbour Authority spokeswoman").
func headOf(before, after []rune) bool {
	a := strings.TrimSpace(string(after))
	switch a {
	case "'s", "’s", "'", "’":
		a = "" // the source is the possessive alone: "Clinton’s [comments on]"
	}
	if r, _ := utf8.DecodeRuneInString(a); a != "" && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’') {
		// "GOP analysts", "Clinton's campaign", "Kremlin spokesman"
		return voiceOf(strings.Trim(strings.ToLower(a), ",. "))
	}
	b := string(before)
	if i := strings.LastIndexByte(b, ','); i >= 0 {
		b = b[i+1:]
	}
	ws := strings.Fields(strings.ToLower(b))
	for i, w := range ws {
		if quote.OpensModifier(w) {
			return (w == "for" || w == "of") && i > 0 && voiceOf(ws[i-1]) && i >= len(ws)-2
		}
	}
	return true
}

// voiceOf reports whether w is someone who speaks for a body.
func voiceOf(w string) bool {
	switch w {
	case "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople", "representative":
		return true
	}
	return false
}

// Quote converts an attribution over runes to the form an article keeps.
func Quote(runes []rune, at quote.Attribution) article.Quote {
	span := func(s quote.Span) string {
		if s.End <= s.Start || s.Start < 0 || s.End > len(runes) {
			return ""
		}
		return string(runes[s.Start:s.End])
	}
	return article.Quote{
		Speaker:      at.Speaker,
		Speakers:     at.Speakers,
		SpeakerText:  span(at.Source),
		Cue:          span(at.Cue),
		Content:      span(at.Content),
		Direct:       at.Direct,
		Scare:        at.Scare,
		SourceStart:  at.Source.Start,
		SourceEnd:    at.Source.End,
		CueStart:     at.Cue.Start,
		CueEnd:       at.Cue.End,
		ContentStart: at.Content.Start,
		ContentEnd:   at.Content.End,
	}
}
