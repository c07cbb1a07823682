// Package profile reads source profiles: what a user knows about the outlets
// Parallax compares — their names, aliases and hosts, country, owner, type
// (wire, state media, national, local, public broadcaster, blog, …) and any
// bias and reliability ratings, each with where the rating came from.
//
// Profiles come from a file the user supplies, YAML or CSV (Load picks the
// format by extension; Parse takes it as an argument). Parallax ships no
// one else's ratings: docs/profiles.example.yaml is a commented template
// with made-up values, and the demo corpus's invented outlets have their own
// file (internal/demo/profiles.yaml).
//
// # YAML
//
//	outlets:
//	  - name: Example Wire            # required, unique
//	    aliases: [ExWire, "Example Wire Service"]
//	    hosts: [examplewire.example]   # subdomains match too
//	    country: Exampleland
//	    owner: Example Media Group
//	    type: wire
//	    bias: {rating: centre, source: "Example Ratings Project, 2025", date: 2025-01}
//	    reliability: {rating: high, source: "our newsroom's own review"}
//	    notes: free text
//
// A bare list of outlets (without the "outlets:" key) is read the same way.
// Unknown keys are errors, so that a typo ("alias:") is not silently lost.
//
// # CSV
//
// A header row names the columns, in any order, case-insensitively: name
// (required), aliases, hosts (several separated by ";" or "|"), country,
// owner, type, bias, bias_source, bias_date, reliability,
// reliability_source, reliability_date, notes. Lines starting with "#" are
// comments.
//
// # Rules
//
// Every outlet needs a name; names and aliases are unique across the file
// (compared case-insensitively, ignoring a leading "The"), and so are
// hosts. A rating needs its source: a bias or reliability value without one
// is an error, because a rating nobody can trace is worse than none. Types
// are normalised ("state-media", "State Media" → "state media"; "news
// agency" → "wire"); a type not in Types is kept as written, lower-cased.
// Errors name the record and its line (and the file, from Load); all the
// problems in a file are reported together.
//
// Match finds the profile of an article by its source name or alias, or by
// its URL's host or any parent domain (news.example.com matches a profile
// with host example.com), case-insensitively.
package profile

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode"
)

// Rating is one judgement of an outlet, with where it came from.
type Rating struct {
	// Value is the rating as the source gives it ("left-centre", "high",
	// "3.5/5"); Parallax shows it, never computes with it.
	Value string `json:"rating" yaml:"rating"`
	// Source says who gave the rating: required with a Value.
	Source string `json:"source" yaml:"source"`
	// Date is when the rating was given or read, as free text.
	Date string `json:"date,omitempty" yaml:"date,omitempty"`
}

// Profile describes one outlet.
type Profile struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	// Hosts are web hosts without scheme or path ("example.com"); a leading
	// "www." is dropped.
	Hosts   []string `json:"hosts,omitempty"`
	Country string   `json:"country,omitempty"`
	Owner   string   `json:"owner,omitempty"`
	// Type is normalised: one of Types where it matches one.
	Type        string  `json:"type,omitempty"`
	Bias        *Rating `json:"bias,omitempty"`
	Reliability *Rating `json:"reliability,omitempty"`
	Notes       string  `json:"notes,omitempty"`
}

// Types are the outlet types Parallax knows, in the order a comparison
// groups them by (GroupByType in package compare): the sources of record
// first, then the outlets that mostly relay or comment.
var Types = []string{
	"wire",
	"public broadcaster",
	"national",
	"local",
	"broadcaster",
	"magazine",
	"state media",
	"partisan",
	"blog",
	"aggregator",
	"other",
}

// typeAliases maps other spellings to a type in Types.
var typeAliases = map[string]string{
	"news agency":              "wire",
	"agency":                   "wire",
	"wire service":             "wire",
	"newswire":                 "wire",
	"public media":             "public broadcaster",
	"public service":           "public broadcaster",
	"public service media":     "public broadcaster",
	"national paper":           "national",
	"national newspaper":       "national",
	"national daily":           "national",
	"newspaper":                "national",
	"local paper":              "local",
	"local newspaper":          "local",
	"regional":                 "local",
	"tv":                       "broadcaster",
	"television":               "broadcaster",
	"radio":                    "broadcaster",
	"broadcast":                "broadcaster",
	"state run":                "state media",
	"state owned":              "state media",
	"state controlled media":   "state media",
	"government media":         "state media",
	"state affiliated media":   "state media",
	"partisan blog":            "blog",
	"personal blog":            "blog",
	"news aggregator":          "aggregator",
	"content farm":             "aggregator",
	"state affiliated":         "state media",
	"public broadcasting":      "public broadcaster",
	"public service broadcast": "public broadcaster",
}

// NormaliseType folds t to a type in Types where it names one (case,
// hyphens and underscores ignored, common synonyms mapped), else returns it
// lower-cased with its spaces collapsed.
func NormaliseType(t string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	t = strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return ' '
		}
		return r
	}, t)
	t = strings.Join(strings.Fields(t), " ")
	if slices.Contains(Types, t) {
		return t
	}
	if a, ok := typeAliases[t]; ok {
		return a
	}
	return t
}

// TypeRank orders types for grouping: the index in Types, or len(Types)
// for a type Parallax does not know (and len(Types)+1 for none).
func TypeRank(t string) int {
	if t == "" {
		return len(Types) + 1
	}
	if i := slices.Index(Types, t); i >= 0 {
		return i
	}
	return len(Types)
}

// Set is a validated collection of profiles, indexed for Match. The zero
// Set and a nil *Set hold nothing.
type Set struct {
	profiles []Profile
	byName   map[string]int
	byHost   map[string]int
}

// Error is a problem with one record of a profiles file.
type Error struct {
	File   string // set by Load
	Line   int    // 1-based; 0 where unknown
	Record int    // 1-based position among the outlets; 0 for the file as a whole
	Name   string // the record's name, where it has one
	Msg    string
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	} else if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Record > 0 {
		fmt.Fprintf(&b, "record %d", e.Record)
		if e.Name != "" {
			fmt.Fprintf(&b, " (%q)", e.Name)
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// maxErrors caps how many problems one file reports.
const maxErrors = 20

// New validates ps (see the package doc) and returns them as a Set. Names,
// hosts and types are normalised; the input is not modified. Records are
// numbered from 1 in errors; lines are unknown.
func New(ps []Profile) (*Set, error) {
	lines := make([]int, len(ps))
	return build(ps, lines)
}

// build validates ps, whose records start at lines (0 where unknown).
func build(in []Profile, lines []int) (*Set, error) {
	s := &Set{byName: make(map[string]int), byHost: make(map[string]int)}
	var errs []error
	bad := func(i int, name, format string, args ...any) {
		if len(errs) < maxErrors {
			errs = append(errs, &Error{Line: lines[i], Record: i + 1, Name: name, Msg: fmt.Sprintf(format, args...)})
		}
	}
	for i, p := range in {
		p = normalise(p)
		if p.Name == "" {
			bad(i, "", "no name: every outlet needs one")
			continue
		}
		if err := checkText(p); err != "" {
			bad(i, p.Name, "%s", err)
			continue
		}
		checkRating := func(what string, r *Rating) {
			switch {
			case r == nil:
			case r.Value == "" && r.Source != "":
				bad(i, p.Name, "%s has a source (%q) but no rating", what, r.Source)
			case r.Value != "" && r.Source == "":
				bad(i, p.Name, "%s rating %q has no source: say where it came from", what, r.Value)
			}
		}
		checkRating("bias", p.Bias)
		checkRating("reliability", p.Reliability)
		n := len(s.profiles)
		for _, name := range append([]string{p.Name}, p.Aliases...) {
			k := nameKey(name)
			if k == "" {
				bad(i, p.Name, "empty alias")
				continue
			}
			if j, dup := s.byName[k]; dup {
				if j != n {
					bad(i, p.Name, "name or alias %q is already used by %q", name, s.profiles[j].Name)
				}
				continue
			}
			s.byName[k] = n
		}
		for _, h := range p.Hosts {
			if msg := checkHost(h); msg != "" {
				bad(i, p.Name, "host %q: %s", h, msg)
				continue
			}
			if j, dup := s.byHost[h]; dup {
				if j != n {
					bad(i, p.Name, "host %q is already used by %q", h, s.profiles[j].Name)
				}
				continue
			}
			s.byHost[h] = n
		}
		s.profiles = append(s.profiles, p)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, nil
}

// normalise trims every field, drops empty list entries, normalises hosts
// and the type, and clears empty ratings. It returns a copy.
func normalise(p Profile) Profile {
	trim := strings.TrimSpace
	p.Name, p.Country, p.Owner, p.Notes = collapse(p.Name), trim(p.Country), trim(p.Owner), trim(p.Notes)
	p.Type = NormaliseType(p.Type)
	var aliases []string
	for _, a := range p.Aliases {
		if a = collapse(a); a != "" && !slices.Contains(aliases, a) {
			aliases = append(aliases, a)
		}
	}
	p.Aliases = aliases
	var hosts []string
	for _, h := range p.Hosts {
		if h = NormaliseHost(h); h != "" && !slices.Contains(hosts, h) {
			hosts = append(hosts, h)
		}
	}
	p.Hosts = hosts
	rating := func(r *Rating) *Rating {
		if r == nil {
			return nil
		}
		c := Rating{Value: trim(r.Value), Source: trim(r.Source), Date: trim(r.Date)}
		if c.Value == "" && c.Source == "" && c.Date == "" {
			return nil
		}
		return &c
	}
	p.Bias, p.Reliability = rating(p.Bias), rating(p.Reliability)
	return p
}

// collapse trims s and folds runs of white space to one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// checkText rejects control characters in the fields shown to readers.
func checkText(p Profile) string {
	fields := []string{p.Name, p.Country, p.Owner, p.Type}
	fields = append(fields, p.Aliases...)
	for _, r := range []*Rating{p.Bias, p.Reliability} {
		if r != nil {
			fields = append(fields, r.Value, r.Source, r.Date)
		}
	}
	for _, f := range fields {
		if strings.ContainsFunc(f, unicode.IsControl) {
			return fmt.Sprintf("%q holds a control character", f)
		}
	}
	return ""
}

// nameKey folds a name or alias for matching: lower case, single spaces,
// without a leading "the ".
func nameKey(s string) string {
	s = strings.ToLower(collapse(s))
	return strings.TrimPrefix(s, "the ")
}

// NormaliseHost turns a host, or a URL, into the form profiles keep: lower
// case, without scheme, user, port, path, trailing dot or leading "www.".
func NormaliseHost(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	if h == "" {
		return ""
	}
	if i := strings.Index(h, "://"); i >= 0 {
		h = h[i+3:]
	} else {
		h = strings.TrimPrefix(h, "//")
	}
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	if i := strings.LastIndexByte(h, '@'); i >= 0 {
		h = h[i+1:]
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
		h = h[:i]
	}
	h = strings.TrimSuffix(h, ".")
	return strings.TrimPrefix(h, "www.")
}

// checkHost says what is wrong with a normalised host, or "".
func checkHost(h string) string {
	if h == "" {
		return "empty"
	}
	for _, r := range h {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r >= 0x80 && unicode.IsLetter(r)) {
			return fmt.Sprintf("%q is not allowed in a host name", r)
		}
	}
	for l := range strings.SplitSeq(h, ".") {
		if l == "" {
			return "empty label"
		}
	}
	return ""
}

// Len returns the number of profiles.
func (s *Set) Len() int {
	if s == nil {
		return 0
	}
	return len(s.profiles)
}

// Profiles returns a copy of the profiles, in file order.
func (s *Set) Profiles() []Profile {
	if s == nil {
		return nil
	}
	out := make([]Profile, len(s.profiles))
	for i, p := range s.profiles {
		out[i] = clone(p)
	}
	return out
}

func clone(p Profile) Profile {
	p.Aliases = slices.Clone(p.Aliases)
	p.Hosts = slices.Clone(p.Hosts)
	if p.Bias != nil {
		b := *p.Bias
		p.Bias = &b
	}
	if p.Reliability != nil {
		r := *p.Reliability
		p.Reliability = &r
	}
	return p
}

// Match returns the profile of an article from source (its outlet's name,
// which may also be a host, as ingest gives when a page names no site) and
// its URL, or nil. It tries, in order: source as a name or alias; the URL's
// host and each parent domain; source as a host. Case does not matter, nor
// a leading "The" in a name, nor "www." in a host. The result is a copy.
func (s *Set) Match(source, rawURL string) *Profile {
	if s == nil || len(s.profiles) == 0 {
		return nil
	}
	if i, ok := s.byName[nameKey(source)]; ok && strings.TrimSpace(source) != "" {
		p := clone(s.profiles[i])
		return &p
	}
	if i, ok := s.host(urlHost(rawURL)); ok {
		p := clone(s.profiles[i])
		return &p
	}
	if src := strings.TrimSpace(source); strings.Contains(src, ".") && !strings.ContainsAny(src, " \t") {
		if i, ok := s.host(NormaliseHost(src)); ok {
			p := clone(s.profiles[i])
			return &p
		}
	}
	return nil
}

// host looks h up, then each parent domain of it.
func (s *Set) host(h string) (int, bool) {
	for h != "" {
		if i, ok := s.byHost[h]; ok {
			return i, true
		}
		dot := strings.IndexByte(h, '.')
		if dot < 0 {
			break
		}
		h = h[dot+1:]
	}
	return 0, false
}

// urlHost returns the normalised host of a URL ("" if it has none).
func urlHost(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + strings.TrimPrefix(raw, "//")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return NormaliseHost(u.Hostname())
}
