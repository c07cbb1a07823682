package entity

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/entity/internal/ner"
)

// Registry learns, across the articles of a store, which full name a short
// name stands for, so that an article that says only "Lavrov" gets "Sergey
// Lavrov" once an earlier article has named him in full. It learns the
// surname of every person named in full, and every short form an article
// resolved itself ("Norvane" → "Norvane Health"). A short name that stands
// for two or more full names is ambiguous and left as it is, and so is a
// surname the article itself gives to someone it names in full (its own
// reading wins, ambiguous or not), or one whose honorific does not fit
// ("Mrs. Bush" is not George W. Bush).
//
// A Registry is safe for concurrent use. Its results depend only on the
// articles it has seen and their order; Export and Import carry its state.
type Registry struct {
	mu sync.RWMutex
	// alias key (type + "\x00" + lower-case short form) -> canonical -> articles
	names map[string]map[string]int
}

// RegistryState is a Registry's state as plain data, for the store to
// persist as JSON.
type RegistryState struct {
	Names []RegistryName `json:"names"`
}

// RegistryName is one short form and a full name it stood for.
type RegistryName struct {
	Type      Type   `json:"type"`
	Alias     string `json:"alias"` // lower case
	Canonical string `json:"canonical"`
	Count     int    `json:"count"` // articles that used it so
}

// NewRegistry returns an empty Registry.
func NewRegistry() *Registry { return &Registry{names: map[string]map[string]int{}} }

func aliasKey(t Type, alias string) string { return string(t) + "\x00" + strings.ToLower(alias) }

// learnable lists the (alias, canonical) pairs an article teaches.
func learnable(ms []Mention) [][3]string {
	seen := map[[3]string]bool{}
	var out [][3]string
	add := func(t Type, a, c string) {
		k := [3]string{string(t), strings.ToLower(a), c}
		if a == "" || strings.EqualFold(a, c) || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, k)
	}
	for _, m := range ms {
		if m.Nominal || m.Canonical == "" {
			continue
		}
		switch m.Type {
		case Person:
			if w := strings.Fields(m.Canonical); len(w) >= 2 {
				add(Person, w[len(w)-1], m.Canonical)
			}
		case Org, Place, Misc:
			if t := surfaceCanonical(m.Text); len([]rune(t)) < len([]rune(m.Canonical)) {
				add(m.Type, t, m.Canonical)
			}
		}
	}
	return out
}

// Canonicalise learns from ms (the mentions of one article, as Extract
// returns them) and returns a copy in which every mention whose canonical
// name is a short form the registry knows unambiguously carries the full
// name.
func (r *Registry) Canonicalise(ms []Mention) []Mention {
	learn := learnable(ms)
	r.mu.Lock()
	for _, l := range learn {
		k := l[0] + "\x00" + l[1]
		m := r.names[k]
		if m == nil {
			m = map[string]int{}
			r.names[k] = m
		}
		m[l[2]]++
	}
	// the people the article itself names in full, by surname: a registry
	// name never overrides them ("Bush" stays ambiguous in an article that
	// names Jeb Bush and George W. Bush, whatever earlier articles said)
	named := map[string]bool{}
	for _, l := range learn {
		if l[0] == string(Person) {
			named[l[1]] = true
		}
	}
	out := slices.Clone(ms)
	for i := range out {
		m := &out[i]
		if m.Canonical == "" || (m.Type == Person && strings.Contains(m.Canonical, " ")) {
			continue
		}
		if m.Type == Person && named[strings.ToLower(m.Canonical)] {
			continue
		}
		if c, ok := r.only(aliasKey(m.Type, m.Canonical)); ok {
			if m.Type == Person && !genderFits(m, c) {
				continue // "Mrs. Bush" is not George W. Bush
			}
			m.Canonical = c
		}
	}
	r.mu.Unlock()
	return out
}

// genderFits reports whether a person mention's honorific ("mrs.",
// "mr.") allows the full name c.
func genderFits(m *Mention, c string) bool {
	w, _, _ := strings.Cut(m.RoleText, " ")
	g := ner.HonorificGender(w)
	if g == 0 {
		return true
	}
	lex := registryLex()
	if lex == nil {
		return true
	}
	h := lex.GenderOf(c)
	return h == 0 || h == g
}

// registryLex is the embedded lexicon, for the genders of given names.
var registryLex = sync.OnceValue(func() *ner.Lexicon {
	tg, err := ner.Default()
	if err != nil || tg == nil {
		return nil
	}
	return tg.Lex
})

// Lookup returns the full name a short form stands for, if the registry
// knows exactly one.
func (r *Registry) Lookup(t Type, alias string) (string, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.only(aliasKey(t, alias))
}

func (r *Registry) only(k string) (string, bool) {
	m := r.names[k]
	if len(m) != 1 {
		return "", false
	}
	for c := range m {
		return c, true
	}
	return "", false
}

// Export returns the registry's state, sorted.
func (r *Registry) Export() RegistryState {
	r.mu.RLock()
	defer r.mu.RUnlock()
	var st RegistryState
	for k, m := range r.names {
		t, a, _ := strings.Cut(k, "\x00")
		for c, n := range m {
			st.Names = append(st.Names, RegistryName{Type: Type(t), Alias: a, Canonical: c, Count: n})
		}
	}
	slices.SortFunc(st.Names, func(a, b RegistryName) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.Alias, b.Alias), cmp.Compare(a.Canonical, b.Canonical))
	})
	if st.Names == nil {
		st.Names = []RegistryName{}
	}
	return st
}

// Import adds a state Export returned (counts add up).
func (r *Registry) Import(st RegistryState) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, n := range st.Names {
		k := aliasKey(n.Type, n.Alias)
		m := r.names[k]
		if m == nil {
			m = map[string]int{}
			r.names[k] = m
		}
		m[n.Canonical] += max(n.Count, 1)
	}
}
