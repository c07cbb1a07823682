package entity

import (
	"strings"

	"github.com/parallax-news/parallax/internal/entity/internal/ner"
)

// personRole is what the text says about one person's roles.
type personRole struct {
	canonical string
	titles    []string // canonical titles ("Foreign Minister")
	nats      []string // countries, "" where none was given
	mentions  []int    // starts of its named mentions
}

// titleFits reports whether a role word of a role mention ("minister",
// "foreign minister", "diplomat") can refer to a person with the title.
func titleFits(lex *ner.Lexicon, word, title string) bool {
	w, t := strings.ToLower(word), strings.ToLower(title)
	if w == t || strings.HasSuffix(t, " "+w) {
		return true
	}
	for _, h := range lex.Hypernyms(w) {
		h = strings.ToLower(h)
		if h == t || strings.HasSuffix(t, " "+h) {
			return true
		}
	}
	return false
}

// resolveNominals gives each role mention the person of the text who holds
// the role: the one whose title fits and whose country does not clash,
// preferring the same country, then the person named last before the
// mention. Role mentions that fit nobody are dropped.
func resolveNominals(lex *ner.Lexicon, ms []Mention, nominal []int) []Mention {
	var people []*personRole
	byName := map[string]*personRole{}
	for _, m := range ms {
		if m.Type != Person || m.Nominal {
			continue
		}
		p := byName[m.Canonical]
		if p == nil {
			p = &personRole{canonical: m.Canonical}
			byName[m.Canonical] = p
			people = append(people, p)
		}
		p.mentions = append(p.mentions, m.Start)
		if m.Role != "" {
			nat, title := splitRole(m.Role)
			p.titles = append(p.titles, title)
			p.nats = append(p.nats, nat)
		}
	}
	drop := map[int]bool{}
	for _, i := range nominal {
		m := &ms[i]
		nat, word := splitRole(m.Role)
		var best *personRole
		bestScore := -1
		for _, p := range people {
			score := -1
			for k, t := range p.titles {
				if !titleFits(lex, word, t) {
					continue
				}
				s := 1
				switch {
				case nat != "" && p.nats[k] != "" && p.nats[k] != nat:
					continue
				case nat != "" && p.nats[k] == nat:
					s = 3
				case strings.EqualFold(word, t):
					s = 2
				}
				if s > score {
					score = s
				}
			}
			if score < 0 {
				continue
			}
			// the person named last before the mention wins a tie
			last := -1
			for _, st := range p.mentions {
				if st < m.Start && st > last {
					last = st
				}
			}
			score = score*1_000_000 + last + 1
			if score > bestScore {
				best, bestScore = p, score
			}
		}
		if best == nil {
			drop[i] = true
			continue
		}
		m.Canonical = best.canonical
		if nat == "" {
			// take the country from the person's own title
			for k, t := range best.titles {
				if titleFits(lex, word, t) && best.nats[k] != "" {
					m.Role = roleString(best.nats[k], word)
					break
				}
			}
		}
	}
	if len(drop) == 0 {
		return ms
	}
	out := ms[:0]
	for i, m := range ms {
		if !drop[i] {
			out = append(out, m)
		}
	}
	return out
}

// splitRole separates "Russia's Foreign Minister" into its country and
// title.
func splitRole(r string) (nat, title string) {
	if i := strings.Index(r, "'s "); i >= 0 {
		return r[:i], r[i+3:]
	}
	if i := strings.Index(r, "' "); i >= 0 {
		return r[:i], r[i+2:]
	}
	return "", r
}
