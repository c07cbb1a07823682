package compare

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// EntityRow is one name and the voices that mention it.
type EntityRow struct {
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
	// Voices mention it, with how many times.
	Voices []EntityCell `json:"voices"`
	// Missing lists the voices that covered the events where it is
	// mentioned but never mention it.
	Missing []string `json:"missing"`
}

// EntityCell is one voice's mentions of a name.
type EntityCell struct {
	Voice    string `json:"voice"`
	Mentions int    `json:"mentions"`
}

// entities tabulates names by voice. A full copy adds only the mentions in
// sentences of its own (its edits); everything else it repeats is its
// original's.
func (c *comparer) entities() []EntityRow {
	type acc struct {
		names  map[string]int
		types  map[string]int
		byCol  map[int]int
		events map[string]bool
	}
	rows := map[string]*acc{}
	for col, v := range c.vOrder {
		for _, n := range c.voiceDocs(v) {
			d := c.docs[n]
			for _, e := range d.a.Entities {
				if e.Start < 0 || e.End > len(d.rs) || e.Start >= e.End {
					continue
				}
				if e.End <= d.lead {
					continue // a dateline's place is furniture
				}
				if d.isCopy() {
					if k := sentenceAt(d.sents, e.Start); k >= 0 && d.dup[k] >= 0 {
						continue
					}
				}
				name := entityName(e)
				key := entityKey(name)
				if key == "" {
					continue
				}
				a := rows[key]
				if a == nil {
					a = &acc{names: map[string]int{}, types: map[string]int{}, byCol: map[int]int{}, events: map[string]bool{}}
					rows[key] = a
				}
				a.names[name]++
				if t := strings.TrimSpace(e.Type); t != "" {
					a.types[t]++
				}
				a.byCol[col]++
				if d.a.EventID != "" {
					a.events[d.a.EventID] = true
				}
			}
		}
	}
	out := make([]EntityRow, 0, len(rows))
	total := map[string]int{}
	for _, key := range slices.Sorted(maps.Keys(rows)) {
		a := rows[key]
		r := EntityRow{Name: mostCommon(a.names), Type: mostCommon(a.types), Voices: []EntityCell{}, Missing: []string{}}
		evs := slices.Sorted(maps.Keys(a.events))
		for col, v := range c.vOrder {
			if n := a.byCol[col]; n > 0 {
				r.Voices = append(r.Voices, EntityCell{Voice: voiceID(col), Mentions: n})
				total[r.Name] += n
			} else if c.covers(v, evs) {
				r.Missing = append(r.Missing, voiceID(col))
			}
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b EntityRow) int {
		if x := cmp.Compare(len(b.Voices), len(a.Voices)); x != 0 {
			return x
		}
		if x := cmp.Compare(total[b.Name], total[a.Name]); x != 0 {
			return x
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// mostCommon returns the most frequent key (ties: the longest, then the
// first alphabetically), or "".
func mostCommon(m map[string]int) string {
	best := ""
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if best == "" || allCaps(best) && !allCaps(k) || allCaps(k) == allCaps(best) && (m[k] > m[best] || m[k] == m[best] && len(k) > len(best)) {
			best = k
		}
	}
	return best
}
