package copies

import (
	"context"
	"fmt"
	"slices"

	"github.com/parallax-news/parallax/internal/fingerprint"
)

// fullGroups returns the groups of the full matches and the full matches
// in no group yet.
func (d *Detector) fullGroups(matches []verified) (gs []int32, loose []uint32) {
	for _, m := range matches {
		if m.Kind != Full {
			continue
		}
		if g := d.docs[m.held].group; g >= 0 {
			if !slices.Contains(gs, g) {
				gs = append(gs, g)
			}
		} else if !slices.Contains(loose, m.held) {
			loose = append(loose, m.held)
		}
	}
	return gs, loose
}

// sketches gathers, before anything changes, the sketches join will
// compare: the new article's, the full matches', and the originals of
// their groups (read from the Source when not at hand). A failed read
// leaves the detector as it was.
func (d *Detector) sketches(ctx context.Context, num uint32, doc *Doc, matches []verified, held map[uint32]*Doc) (map[uint32]*fingerprint.Sketch, error) {
	out := map[uint32]*fingerprint.Sketch{num: doc.sketch()}
	for n, hd := range held {
		out[n] = hd.sketch()
	}
	gs, _ := d.fullGroups(matches)
	for _, gi := range gs {
		o := d.groups[gi].original
		if _, ok := out[o]; ok {
			continue
		}
		hd, err := d.src.Doc(ctx, d.docs[o].id)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", d.docs[o].id, err)
		}
		out[o] = hd.sketch()
	}
	return out, nil
}

// join puts the new article num into the group of its full matches,
// founding, joining or merging groups, and re-decides the original.
// sketches holds what (*Detector).sketches gathered.
func (d *Detector) join(num uint32, doc *Doc, matches []verified, sketches map[uint32]*fingerprint.Sketch, dec *Decision) {
	gs, loose := d.fullGroups(matches)
	if len(gs) == 0 && len(loose) == 0 {
		return
	}
	slices.Sort(loose)
	// The surviving group is the oldest: the one whose founder arrived
	// first. A new group is founded by the first to arrive of its members.
	var target *group
	var ti int32
	contenders := []uint32{}
	if len(gs) == 0 {
		founder := loose[0]
		target = &group{id: d.docs[founder].id, original: founder}
		ti = int32(len(d.groups))
		d.groups = append(d.groups, target)
		target.members = []uint32{founder}
		d.docs[founder].group = ti
		dec.Changes = append(dec.Changes, Change{Kind: Created, Group: target.id, Article: doc.ID, To: d.docs[founder].id})
		contenders = append(contenders, loose[1:]...)
		loose = loose[1:]
	} else {
		slices.SortFunc(gs, func(a, b int32) int { return int(d.groups[a].members[0]) - int(d.groups[b].members[0]) })
		ti = gs[0]
		target = d.groups[ti]
		for _, gi := range gs[1:] {
			g := d.groups[gi]
			dec.Changes = append(dec.Changes, Change{Kind: Merged, Group: target.id, Article: doc.ID, From: g.id, To: target.id})
			for _, m := range g.members {
				d.docs[m].group = ti
			}
			target.members = append(target.members, g.members...)
			contenders = append(contenders, g.original)
			g.merged = true
			g.members = nil
		}
	}
	for _, n := range append(loose, num) {
		d.docs[n].group = ti
		target.members = append(target.members, n)
		dec.Changes = append(dec.Changes, Change{Kind: Joined, Group: target.id, Article: doc.ID, To: d.docs[n].id})
	}
	slices.Sort(target.members)
	contenders = append(contenders, num)

	// Re-decide the original: each contender against the current one.
	created := len(gs) == 0
	for _, c := range contenders {
		cur := target.original
		sc, so := sketches[c], sketches[cur]
		shared := fingerprint.Intersect(sc.Set, so.Set)
		extraC := 1 - ratio(shared, len(sc.Set))
		extraO := 1 - ratio(shared, len(so.Set))
		wins, reason := d.earlier(d.docs[c], d.docs[cur], extraC, extraO)
		if !wins {
			if target.reason == "" {
				_, target.reason = d.earlier(d.docs[cur], d.docs[c], extraO, extraC)
			}
			continue
		}
		target.original = c
		target.reason = reason
		if !created {
			dec.Changes = append(dec.Changes, Change{Kind: OriginalChanged, Group: target.id, Article: doc.ID, From: d.docs[cur].id, To: d.docs[c].id, Reason: reason})
		}
	}
}

// fullContainment is the containment of the full match with the original
// where the two were matched directly, else the highest of the article's
// full matches (it joined through another copy).
func fullContainment(full map[uint32]float64, original uint32) float64 {
	if c, ok := full[original]; ok {
		return c
	}
	best := 0.0
	for _, c := range full {
		best = max(best, c)
	}
	return best
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (d *Detector) groupOf(g *group) Group {
	out := Group{ID: g.id, Original: d.docs[g.original].id, Reason: g.reason}
	for _, m := range g.members {
		out.Members = append(out.Members, d.docs[m].id)
	}
	return out
}

// Groups returns the live copy groups in order of founding.
func (d *Detector) Groups() []Group {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []Group
	for _, g := range d.groups {
		if !g.merged {
			out = append(out, d.groupOf(g))
		}
	}
	return out
}

// Group returns the group with the given ID, following merges: the ID of an
// absorbed group finds the group it went into.
func (d *Detector) Group(id string) (Group, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	n, ok := d.byID[id]
	if !ok || d.docs[n].group < 0 {
		return Group{}, fmt.Errorf("group %s: %w", id, ErrNotFound)
	}
	return d.groupOf(d.groups[d.docs[n].group]), nil
}

// Status returns an article's copy status: a full copy names its group's
// original; a partial copy names the original of the group of the article
// it quotes (or that article); a group's original and an article that copies
// nothing have an empty CopyOf.
func (d *Detector) Status(id string) (Status, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	n, ok := d.byID[id]
	if !ok {
		return Status{}, fmt.Errorf("copy status of %s: %w", id, ErrNotFound)
	}
	m := d.docs[n]
	var st Status
	if m.group >= 0 {
		g := d.groups[m.group]
		st.Group = g.id
		if g.original != n {
			st.CopyOf = d.docs[g.original].id
			st.Kind = Full
			st.Containment = fullContainment(m.full, g.original)
			return st, nil
		}
	}
	if p := m.partial; p != nil {
		of := d.byID[p.Of]
		st.CopyOf = p.Of
		if g := d.docs[of].group; g >= 0 {
			st.CopyOf = d.docs[d.groups[g].original].id
		}
		if st.CopyOf != id {
			st.Kind = Partial
			st.Containment = p.Containment
		} else {
			st.CopyOf = ""
		}
	}
	return st, nil
}
