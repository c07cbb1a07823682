package entity

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/entity/internal/ner"
)

// Type is an entity type.
type Type string

// The entity types.
const (
	Person Type = "person"
	Org    Type = "org"
	Place  Type = "place" // countries, cities, regions, seas, streets (GPE and LOC)
	Misc   Type = "misc"  // treaties, agreements, laws, events, vessels, works
)

// Mention is one place where a text names an entity, or describes a person
// by a role ("the Russian foreign minister").
type Mention struct {
	Text      string `json:"text"`
	Type      Type   `json:"type"`
	Canonical string `json:"canonical"`
	Start     int    `json:"start"` // code points into the text given
	End       int    `json:"end"`
	// Role is the person's role as this mention gives it, normalised: a
	// canonical title with the country when the text gives one ("Russia's
	// Foreign Minister", "Labour Minister"). Set on titled names ("Foreign
	// Minister Sergey Lavrov") and on role mentions.
	Role string `json:"role,omitempty"`
	// RoleText is the role as written, lower case ("russian fm", "the top
	// u.s. diplomat").
	RoleText string `json:"role_text,omitempty"`
	// Nominal marks a role mention that does not name the person ("the
	// minister"); Canonical is then the person it was resolved to.
	Nominal bool `json:"nominal,omitempty"`
}

// Entity is one entity of a text with all its mentions.
type Entity struct {
	Canonical string    `json:"canonical"`
	Type      Type      `json:"type"`
	Roles     []string  `json:"roles,omitempty"`
	Mentions  []Mention `json:"mentions"`
}

// Options configure an Extractor. The zero value is the default.
type Options struct {
	// NoModel leaves the learned classifier out: only gazetteers, rules and
	// the text's own evidence type names, and names nothing types are dropped.
	NoModel bool
	// NoNominals leaves role mentions ("the minister") out.
	NoNominals bool
}

// Extractor finds entities. It holds the embedded tables and is safe for
// concurrent use.
type Extractor struct {
	tg  *ner.Tagger
	opt Options
}

// New returns an Extractor with the embedded tables.
func New(opt Options) (*Extractor, error) {
	tg, err := ner.Default()
	if err != nil {
		return nil, err
	}
	if opt.NoModel {
		tg = &ner.Tagger{Lex: tg.Lex}
	}
	return &Extractor{tg: tg, opt: opt}, nil
}

var defaultExtractor = sync.OnceValue(func() *Extractor {
	x, err := New(Options{})
	if err != nil {
		panic("entity: embedded tables: " + err.Error())
	}
	return x
})

// Default returns the Extractor with default options.
func Default() *Extractor { return defaultExtractor() }

func typeOf(t ner.Type) Type {
	switch t {
	case ner.Person:
		return Person
	case ner.Org:
		return Org
	case ner.Place:
		return Place
	case ner.Misc:
		return Misc
	}
	return ""
}

// Extract returns the mentions of text in order, without overlaps, each
// with its canonical name within the text: surnames carry the full name
// ("Lavrov" → "Sergey Lavrov"), aliases the standard name ("U.S." →
// "United States"), short forms the full one ("Norvane" → "Norvane
// Health"), and role mentions the person who holds the role in the text.
func (x *Extractor) Extract(text string) []Mention {
	if !utf8.ValidString(text) {
		// one U+FFFD per invalid byte, as []rune(text) counts them
		text = string([]rune(text))
	}
	spans := x.tg.Tag(text)
	ms := make([]Mention, 0, len(spans))
	var nominal []int
	for _, s := range spans {
		if s.Nominal && x.opt.NoNominals {
			continue
		}
		m := Mention{Text: text[s.B:s.BE], Type: typeOf(s.Type), Start: s.S, End: s.E, Nominal: s.Nominal, RoleText: s.RoleText}
		m.Canonical = s.Canon
		if m.Canonical == "" {
			m.Canonical = surfaceCanonical(m.Text)
		}
		if m.Type == Org {
			m.Canonical = trimLegalForm(m.Canonical)
		}
		if s.Title != "" {
			m.Role = roleString(s.Nat, s.Title)
		}
		if s.Nominal {
			m.Canonical = ""
			nominal = append(nominal, len(ms))
		}
		ms = append(ms, m)
	}
	if len(nominal) > 0 {
		ms = resolveNominals(x.tg.Lex, ms, nominal)
	}
	return ms
}

// surfaceCanonical is the canonical form of a name the tables do not know:
// its words with single spaces, all-capital words of a dateline in title
// case, without a trailing possessive apostrophe.
func surfaceCanonical(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, "’'")
	upper, letters := true, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				upper = false
			}
		}
	}
	if upper && !strings.ContainsAny(s, "-0123456789&") && (letters > 4 && strings.Contains(s, " ") || letters > 5) {
		var b strings.Builder
		up := true
		for _, r := range s {
			if up {
				b.WriteRune(r)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			up = r == ' ' || r == '-'
		}
		return b.String()
	}
	return s
}

// legalForms are the endings of company names that name the legal form.
var legalForms = []string{" Inc.", " Inc", " Corp.", " Corp", " Co.", " Ltd.", " Ltd", " LLC", " L.L.C.", " plc", " PLC",
	" AG", " SA", " S.A.", " GmbH", " NV", " N.V.", " SE", " Co"}

// trimLegalForm drops a company's legal form from its canonical name, so
// that "Pfizer Inc." and "Pfizer" are one organisation.
func trimLegalForm(c string) string {
	for _, f := range legalForms {
		if strings.HasSuffix(c, f) && len(c) > len(f)+1 {
			return strings.TrimRight(strings.TrimSuffix(c, f), ", ")
		}
	}
	return c
}

// roleString joins a country and a title: "Russia's Foreign Minister".
func roleString(nat, title string) string {
	if nat == "" {
		return title
	}
	if strings.HasSuffix(nat, "s") {
		return nat + "' " + title
	}
	return nat + "'s " + title
}

// Group gathers mentions by entity, in the order of each entity's first
// mention. Roles are the distinct roles of its mentions; a role without a
// country is left out when the same title is also known with one.
func Group(ms []Mention) []Entity {
	var out []Entity
	idx := map[[2]string]int{}
	for _, m := range ms {
		if m.Canonical == "" {
			continue
		}
		k := [2]string{string(m.Type), m.Canonical}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Entity{Canonical: m.Canonical, Type: m.Type})
		}
		e := &out[i]
		e.Mentions = append(e.Mentions, m)
		if m.Role != "" && !slices.Contains(e.Roles, m.Role) {
			e.Roles = append(e.Roles, m.Role)
		}
	}
	for i := range out {
		out[i].Roles = pruneRoles(out[i].Roles)
	}
	return out
}

func pruneRoles(rs []string) []string {
	if len(rs) < 2 {
		return rs
	}
	out := rs[:0:0]
	for _, r := range rs {
		sub := false
		for _, o := range rs {
			if o != r && (strings.HasSuffix(o, "' "+r) || strings.HasSuffix(o, "'s "+r)) {
				sub = true
			}
		}
		if !sub {
			out = append(out, r)
		}
	}
	return out
}
