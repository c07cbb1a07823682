// Package storetest is the conformance suite for store.Store: every
// implementation runs Run from its own tests, so that callers can swap one
// for another and see no difference.
//
// The suite tests the contracts written in package store, not one
// implementation's choices: times compare by instant and zone offset, nil
// and empty lists are alike, and Meta values compare as JSON.
package storetest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/store"
)

// Run runs the suite. open must return a new, empty store each time it is
// called; the suite closes it (and may close it twice).
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	newStore := func(t *testing.T) store.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() { s.Close() })
		return s
	}
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"PutIdempotent", testPutIdempotent},
		{"PutConcurrent", testPutConcurrent},
		{"PutBatch", testPutBatch},
		{"Update", testUpdate},
		{"Get", testGet},
		{"Each", testEach},
		{"EachMany", testEachMany},
		{"Count", testCount},
		{"Search", testSearch},
		{"SearchQueries", testSearchQueries},
		{"SearchNasty", testSearchNasty},
		{"Lines", testLines},
		{"Stats", testStats},
		{"Copies", testCopies},
		{"Clusters", testClusters},
		{"ReplaceClusters", testReplaceClusters},
		{"People", testPeople},
		{"Closed", testClosed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, newStore(t))
		})
	}
}

var (
	zoneNY    = time.FixedZone("EST", -5*60*60)
	zoneDelhi = time.FixedZone("IST", 5*60*60+30*60)
)

// full returns an article with every field set, in fictional text.
func full(id string) *article.Article {
	return &article.Article{
		ID:        id,
		InputID:   "wire-" + id,
		Source:    "Harbour Gazette",
		URL:       "https://gazette.example/2024/03/lighthouse-" + id,
		Title:     "Lighthouse keepers vote to stay on Ærø — «a quiet victory»",
		Byline:    "Maren Solberg and Tomás Ibáñez",
		Published: time.Date(2024, 3, 5, 7, 30, 15, 123456789, zoneNY),
		Lang:      "en",
		Site:      "The Harbour Gazette",
		Paragraphs: []string{
			"The keepers of the Skarvik light voted on Tuesday to keep the lamp lit by hand.",
			"“We have done this for ninety years,” said Ingrid Halvorsen, 61. 東京 and Zürich sent letters; so did one emoji fan 🐳.",
			"A paragraph with a line break\nin the middle, and one with a blank line:\n\ninside it.",
			"Sign up for the Harbour Morning newsletter.",
		},
		Removed: []article.Removed{
			{Text: "Sign up for the Harbour Morning newsletter.", Kind: article.KindNewsletter, Index: 4},
			{Text: "Maren Solberg covers the coast.", Kind: article.KindBio, Index: 7},
			{Text: "Photo: Ola Berg/Gazette", Kind: article.KindCaption, Index: 2},
		},
		Captions: []string{"Photo: Ola Berg/Gazette", "The Skarvik light at dusk."},
		Credits: []article.Credit{
			{Text: "Includes reporting from Nordlys Wire and Kai Moen.", Names: []string{"Nordlys Wire", "Kai Moen"}},
			{Text: "Additional reporting by staff.", Names: nil},
		},
		Meta: map[string]json.RawMessage{
			"section":   json.RawMessage(`"coast"`),
			"tags":      json.RawMessage(`["lighthouse", "vote"]`),
			"wordcount": json.RawMessage(`412`),
			"nested":    json.RawMessage(`{"a": {"b": [1, 2.5, null, true]}}`),
		},
		Entities: []article.Entity{
			{Text: "Skarvik", Type: "place", Canonical: "Skarvik", Start: 17, End: 24},
			{Text: "Ingrid Halvorsen", Type: "person", Canonical: "Ingrid Halvorsen", Start: 130, End: 146},
			{Text: "東京", Type: "place", Canonical: "Tokyo", Start: 152, End: 154},
		},
		Quotes: []article.Quote{{
			Speaker: "Ingrid Halvorsen", SpeakerText: "Ingrid Halvorsen", Cue: "said",
			Content: "We have done this for ninety years", Direct: true,
			SourceStart: 130, SourceEnd: 146, CueStart: 125, CueEnd: 129, ContentStart: 84, ContentEnd: 118,
		}},
		Format: "jsonl",
		Origin: "feeds/gazette.jsonl:17",
	}
}

// plain returns a small article with the given fields.
func plain(id, source, title string, published time.Time, lang string, paras ...string) *article.Article {
	return &article.Article{ID: id, Source: source, Title: title, Published: published,
		Lang: lang, Paragraphs: paras, Format: "text"}
}

func put(t *testing.T, s store.Store, arts ...*article.Article) {
	t.Helper()
	for _, a := range arts {
		created, err := s.Put(t.Context(), a)
		if err != nil {
			t.Fatalf("Put(%s): %v", a.ID, err)
		}
		if !created {
			t.Fatalf("Put(%s): created = false for a new article", a.ID)
		}
	}
}

// sameArticle reports how got differs from want, or "" if it does not.
func sameArticle(want, got *article.Article) string {
	var diffs []string
	if !want.Published.Equal(got.Published) {
		diffs = append(diffs, fmt.Sprintf("Published: got %v, want %v", got.Published, want.Published))
	} else if !want.Published.IsZero() {
		_, wo := want.Published.Zone()
		_, gotOff := got.Published.Zone()
		if wo != gotOff {
			diffs = append(diffs, fmt.Sprintf("Published zone offset: got %d, want %d", gotOff, wo))
		}
	}
	if !want.Ingested.Equal(got.Ingested) {
		diffs = append(diffs, fmt.Sprintf("Ingested: got %v, want %v", got.Ingested, want.Ingested))
	}
	if len(want.Meta) != len(got.Meta) {
		diffs = append(diffs, fmt.Sprintf("Meta: got %d keys, want %d", len(got.Meta), len(want.Meta)))
	}
	for k, v := range want.Meta {
		if g, ok := got.Meta[k]; !ok || compact(g) != compact(v) {
			diffs = append(diffs, fmt.Sprintf("Meta[%q]: got %s, want %s", k, g, v))
		}
	}
	w, g := *want, *got
	w.Published, g.Published, w.Ingested, g.Ingested, w.Meta, g.Meta = time.Time{}, time.Time{}, time.Time{}, time.Time{}, nil, nil
	normalise(&w)
	normalise(&g)
	rw, rg := reflect.ValueOf(w), reflect.ValueOf(g)
	for i := range rw.NumField() {
		if !reflect.DeepEqual(rw.Field(i).Interface(), rg.Field(i).Interface()) {
			diffs = append(diffs, fmt.Sprintf("%s: got %#v, want %#v", rw.Type().Field(i).Name,
				rg.Field(i).Interface(), rw.Field(i).Interface()))
		}
	}
	return strings.Join(diffs, "\n")
}

// normalise makes empty lists nil, which the contract does not tell apart.
func normalise(a *article.Article) {
	if len(a.Paragraphs) == 0 {
		a.Paragraphs = nil
	}
	if len(a.Removed) == 0 {
		a.Removed = nil
	}
	if len(a.Captions) == 0 {
		a.Captions = nil
	}
	if len(a.Credits) == 0 {
		a.Credits = nil
	}
	if len(a.Entities) == 0 {
		a.Entities = nil
	}
	if len(a.Quotes) == 0 {
		a.Quotes = nil
	}
	for i := range a.Credits {
		if len(a.Credits[i].Names) == 0 {
			a.Credits[i].Names = nil
		}
	}
}

func compact(raw json.RawMessage) string {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return "invalid JSON: " + string(raw)
	}
	return b.String()
}

func clone(a *article.Article) *article.Article {
	c := *a
	c.Paragraphs = slices.Clone(a.Paragraphs)
	c.Removed = slices.Clone(a.Removed)
	c.Captions = slices.Clone(a.Captions)
	c.Credits = slices.Clone(a.Credits)
	c.Entities = slices.Clone(a.Entities)
	c.Quotes = slices.Clone(a.Quotes)
	return &c
}

func testRoundTrip(t *testing.T, s store.Store) {
	ctx := t.Context()
	tests := []struct {
		name string
		a    *article.Article
	}{
		{"every field", full("a1b2c3d4e5f60001")},
		{"zero published", func() *article.Article {
			a := full("a1b2c3d4e5f60002")
			a.Published = time.Time{}
			return a
		}()},
		{"half-hour zone", func() *article.Article {
			a := full("a1b2c3d4e5f60003")
			a.Published = time.Date(1999, 12, 31, 23, 59, 59, 0, zoneDelhi)
			return a
		}()},
		{"UTC and bare", &article.Article{ID: "a1b2c3d4e5f60004", Source: "x",
			Published: time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC)}},
		{"empty paragraphs", &article.Article{ID: "a1b2c3d4e5f60005", Source: "x", Title: "only a title",
			Paragraphs: []string{"", "between empties", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := clone(tt.a)
			created, err := s.Put(ctx, tt.a)
			if err != nil || !created {
				t.Fatalf("Put = %v, %v; want true, nil", created, err)
			}
			if tt.a.Seq <= 0 || tt.a.Ingested.IsZero() {
				t.Fatalf("Put left Seq = %d, Ingested = %v; want both set", tt.a.Seq, tt.a.Ingested)
			}
			if d := time.Since(tt.a.Ingested); d < -time.Minute || d > time.Minute {
				t.Errorf("Ingested = %v, not about now", tt.a.Ingested)
			}
			want.Seq, want.Ingested = tt.a.Seq, tt.a.Ingested
			got, err := s.Get(ctx, tt.a.ID)
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if d := sameArticle(want, got); d != "" {
				t.Errorf("Get after Put differs:\n%s", d)
			}
		})
	}
}

func testPutIdempotent(t *testing.T, s store.Store) {
	ctx := t.Context()
	first := full("b000000000000001")
	put(t, s, first)
	again := full("b000000000000001")
	again.Title = "A different title that must not replace the held one"
	created, err := s.Put(ctx, again)
	if err != nil {
		t.Fatalf("second Put: %v", err)
	}
	if created {
		t.Errorf("second Put: created = true, want false")
	}
	if again.Seq != first.Seq || !again.Ingested.Equal(first.Ingested) {
		t.Errorf("second Put filled Seq %d, Ingested %v; want the held %d, %v",
			again.Seq, again.Ingested, first.Seq, first.Ingested)
	}
	got, err := s.Get(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != first.Title {
		t.Errorf("title after second Put = %q, want the held %q", got.Title, first.Title)
	}
	if n, err := s.Count(ctx, store.Filter{}); err != nil || n != 1 {
		t.Errorf("Count = %d, %v; want 1", n, err)
	}
	counts, err := s.LineCounts(ctx, first.Source, first.LineKeys())
	if err != nil {
		t.Fatal(err)
	}
	for k, n := range counts {
		if n != 1 {
			t.Errorf("line %x counted %d times after a repeated Put, want 1", k, n)
		}
	}
	second := plain("b000000000000002", "x", "later", time.Time{}, "")
	put(t, s, second)
	if second.Seq <= first.Seq {
		t.Errorf("Seq %d after %d: arrival order not increasing", second.Seq, first.Seq)
	}
}

func testPutBatch(t *testing.T, s store.Store) {
	ctx := t.Context()
	put(t, s, full("c000000000000001"))
	batch := []*article.Article{
		full("c000000000000002"),
		full("c000000000000001"), // held already
		full("c000000000000003"),
		full("c000000000000002"), // twice in one batch
	}
	created, err := s.PutBatch(ctx, batch)
	if err != nil {
		t.Fatalf("PutBatch: %v", err)
	}
	if want := []bool{true, false, true, false}; !slices.Equal(created, want) {
		t.Errorf("created = %v, want %v", created, want)
	}
	if !(batch[0].Seq < batch[2].Seq) || batch[3].Seq != batch[0].Seq || batch[1].Seq == 0 {
		t.Errorf("Seq = %d %d %d %d: want slice order, and the held Seq for repeats",
			batch[0].Seq, batch[1].Seq, batch[2].Seq, batch[3].Seq)
	}
	var order []string
	if err := s.Each(ctx, store.Filter{}, func(a *article.Article) error {
		order = append(order, a.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"c000000000000001", "c000000000000002", "c000000000000003"}; !slices.Equal(order, want) {
		t.Errorf("arrival order %v, want %v", order, want)
	}
	// A batch with one bad article stores none of it.
	bad := full("c000000000000005")
	bad.Meta = map[string]json.RawMessage{"broken": json.RawMessage(`{not json`)}
	if _, err := s.PutBatch(ctx, []*article.Article{full("c000000000000004"), bad}); err == nil {
		t.Errorf("PutBatch with an invalid article: no error")
	}
	if _, err := s.Get(ctx, "c000000000000004"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after a failed PutBatch, its good article: err = %v, want ErrNotFound", err)
	}
	if created, err := s.PutBatch(ctx, nil); err != nil || len(created) != 0 {
		t.Errorf("empty PutBatch = %v, %v", created, err)
	}
}

func testPutConcurrent(t *testing.T, s store.Store) {
	ctx := t.Context()
	const workers = 8
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		created int
		seqs    = map[int64]bool{}
		errs    []error
	)
	for range workers {
		wg.Go(func() {
			a := full("c000000000000001")
			ok, err := s.Put(ctx, a)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
				return
			}
			if ok {
				created++
			}
			seqs[a.Seq] = true
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("concurrent Put: %v", err)
	}
	if created != 1 || len(seqs) != 1 {
		t.Errorf("%d concurrent Puts of one ID: %d created, %d distinct Seqs; want 1 and 1", workers, created, len(seqs))
	}

	// Distinct articles from many goroutines all land, each with its own Seq.
	const n = 64
	seqs = map[int64]bool{}
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				a := plain(fmt.Sprintf("c1%014d", i), fmt.Sprintf("src%d", i%3), "t", time.Time{}, "en",
					fmt.Sprintf("Paragraph %d of a concurrent article.", i))
				ok, err := s.Put(ctx, a)
				mu.Lock()
				if err != nil || !ok {
					errs = append(errs, fmt.Errorf("put %s = %v, %v", a.ID, ok, err))
				}
				seqs[a.Seq] = true
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	if len(seqs) != n {
		t.Errorf("%d concurrent Puts got %d distinct Seqs", n, len(seqs))
	}
	if got, err := s.Count(ctx, store.Filter{}); err != nil || got != n+1 {
		t.Errorf("Count = %d, %v; want %d", got, err, n+1)
	}
}

func testUpdate(t *testing.T, s store.Store) {
	ctx := t.Context()
	orig := full("d000000000000001")
	put(t, s, orig)
	oldKeys := orig.LineKeys()

	upd := full("d000000000000001")
	upd.Title = "Keepers hand the Skarvik lamp to a cormorant society"
	upd.Paragraphs = []string{"The cormorant society will tend the lamp from May.", "Follow us on social media."}
	upd.Removed = []article.Removed{{Text: "Follow the Gazette for more.", Kind: article.KindShare, Index: 3}}
	upd.Captions = nil
	upd.Credits = []article.Credit{{Text: "Reporting by Lene Dahl.", Names: []string{"Lene Dahl"}}}
	upd.Meta = map[string]json.RawMessage{"section": json.RawMessage(`"birds"`)}
	upd.Lang = "nb"
	upd.Entities = []article.Entity{{Text: "cormorant society", Type: "org", Canonical: "Cormorant Society", Start: 4, End: 21}}
	upd.Quotes = nil
	if err := s.Update(ctx, upd); err != nil {
		t.Fatalf("Update: %v", err)
	}
	if upd.Seq != orig.Seq || !upd.Ingested.Equal(orig.Ingested) {
		t.Errorf("Update set Seq %d, Ingested %v; want the held %d, %v", upd.Seq, upd.Ingested, orig.Seq, orig.Ingested)
	}
	want := clone(upd)
	want.Seq, want.Ingested = orig.Seq, orig.Ingested
	got, err := s.Get(ctx, orig.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d := sameArticle(want, got); d != "" {
		t.Errorf("Get after Update differs:\n%s", d)
	}
	if hits := search(t, s, store.Query{Text: "cormorant"}); len(hits) != 1 {
		t.Errorf("search for a new word found %d hits, want 1", len(hits))
	}
	if hits := search(t, s, store.Query{Text: "Halvorsen"}); len(hits) != 0 {
		t.Errorf("search for a word Update removed found %d hits, want 0", len(hits))
	}
	counts, err := s.LineCounts(ctx, upd.Source, append(oldKeys, upd.LineKeys()...))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range upd.LineKeys() {
		if counts[k] != 1 {
			t.Errorf("new line %x counted %d, want 1", k, counts[k])
		}
	}
	for _, k := range oldKeys {
		if !slices.Contains(upd.LineKeys(), k) && counts[k] != 0 {
			t.Errorf("line %x the update dropped still counted %d", k, counts[k])
		}
	}
	if ents, err := s.FindEntities(ctx, "Halvorsen", 0); err != nil || len(ents) != 0 {
		t.Errorf("FindEntities(Halvorsen) after an Update that dropped her = %v, %v; want none", ents, err)
	}
	if ents, err := s.FindEntities(ctx, "Cormorant Society", 0); err != nil || len(ents) != 1 {
		t.Errorf("FindEntities(Cormorant Society) after Update = %v, %v; want it", ents, err)
	}
	if n, err := s.Count(ctx, store.Filter{Lang: "nb"}); err != nil || n != 1 {
		t.Errorf("Count(lang nb) after Update = %d, %v; want 1", n, err)
	}

	err = s.Update(ctx, full("d00000000000ffff"))
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Update of an unknown ID: %v, want ErrNotFound", err)
	}
}

func testGet(t *testing.T, s store.Store) {
	ctx := t.Context()
	put(t, s,
		plain("e1a2b3c4d5e6f701", "x", "one", time.Time{}, ""),
		plain("e1a2b3c4d5e6f702", "x", "two", time.Time{}, ""),
		plain("f9f8f7f6f5f4f3f2", "x", "three", time.Time{}, ""),
	)
	tests := []struct {
		id        string
		want      string // title; "" for an error
		notFound  bool
		ambiguous bool
	}{
		{id: "e1a2b3c4d5e6f701", want: "one"},
		{id: "f9f8f7", want: "three"},
		{id: "f9f8f7f6f5", want: "three"},
		{id: "e1a2b3c4d5e6f70", ambiguous: true},
		{id: "e1a2b3", ambiguous: true},
		{id: "f9f8f", notFound: true}, // a prefix under 6 characters
		{id: "000000", notFound: true},
		{id: "e1a2b3c4d5e6f70100", notFound: true},
		{id: "", notFound: true},
		{id: "%_*?[", notFound: true},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got, err := s.Get(ctx, tt.id)
			switch {
			case tt.notFound:
				if !errors.Is(err, store.ErrNotFound) {
					t.Errorf("Get(%q) = %v, %v; want ErrNotFound", tt.id, got, err)
				}
			case tt.ambiguous:
				if err == nil || errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), "ambiguous") {
					t.Errorf("Get(%q) error = %v; want one saying the prefix is ambiguous", tt.id, err)
				}
			case err != nil:
				t.Errorf("Get(%q): %v", tt.id, err)
			case got.Title != tt.want:
				t.Errorf("Get(%q).Title = %q, want %q", tt.id, got.Title, tt.want)
			}
		})
	}
}

var (
	day1 = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	day2 = time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)
	day3 = time.Date(2024, 5, 3, 12, 0, 0, 0, time.UTC)
)

// listing puts articles for the Each and Count tests and returns their IDs
// in arrival order.
func listing(t *testing.T, s store.Store) []*article.Article {
	arts := []*article.Article{
		plain("f000000000000001", "Alpha News", "a1", day1, "en", "First."),
		plain("f000000000000002", "beta post", "b1", day2, "de", "Zweite."),
		plain("f000000000000003", "Alpha News", "a2", day3, "en", "Third."),
		plain("f000000000000004", "Gamma", "g1", time.Time{}, "en", "Undated."),
		plain("f000000000000005", "alpha news", "a3", day2.In(zoneDelhi), "fr", "Cinquième."),
	}
	arts[0].Captions = []string{"A caption."}
	arts[2].Removed = []article.Removed{{Text: "Share this.", Kind: article.KindShare, Index: 1}}
	put(t, s, arts...)
	return arts
}

func ids(arts []*article.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.ID)
	}
	return out
}

func testEach(t *testing.T, s store.Store) {
	ctx := t.Context()
	arts := listing(t, s)
	all := ids(arts)
	tests := []struct {
		name string
		f    store.Filter
		want []string
	}{
		{"all", store.Filter{}, all},
		{"source any case", store.Filter{Sources: []string{"ALPHA NEWS"}}, []string{all[0], all[2], all[4]}},
		{"two sources", store.Filter{Sources: []string{"Gamma", "beta post"}}, []string{all[1], all[3]}},
		{"unknown source", store.Filter{Sources: []string{"Delta"}}, nil},
		{"from inclusive", store.Filter{From: day2}, []string{all[1], all[2], all[4]}},
		{"to exclusive", store.Filter{To: day2}, []string{all[0]}},
		{"range", store.Filter{From: day1, To: day3}, []string{all[0], all[1], all[4]}},
		{"lang", store.Filter{Lang: "en"}, []string{all[0], all[2], all[3]}},
		{"after seq", store.Filter{AfterSeq: arts[2].Seq}, all[3:]},
		{"ids, in arrival order", store.Filter{IDs: []string{all[4], all[1], "ffffffffffffffff"}}, []string{all[1], all[4]}},
		{"ids and source", store.Filter{IDs: []string{all[4], all[1]}, Sources: []string{"alpha news"}}, []string{all[4]}},
		{"no ids", store.Filter{IDs: []string{}}, nil},
		{"limit", store.Filter{Limit: 2}, all[:2]},
		{"combined", store.Filter{Sources: []string{"alpha news"}, Lang: "en", AfterSeq: arts[0].Seq}, []string{all[2]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			var lastSeq int64
			err := s.Each(ctx, tt.f, func(a *article.Article) error {
				if a.Seq <= lastSeq {
					t.Errorf("Each gave Seq %d after %d", a.Seq, lastSeq)
				}
				lastSeq = a.Seq
				got = append(got, a.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Each(%+v) = %v, want %v", tt.f, got, tt.want)
			}
		})
	}

	t.Run("full articles", func(t *testing.T) {
		byID := map[string]*article.Article{}
		for _, a := range arts {
			byID[a.ID] = a
		}
		err := s.Each(ctx, store.Filter{}, func(got *article.Article) error {
			if d := sameArticle(byID[got.ID], got); d != "" {
				t.Errorf("Each gave %s differing from what was Put:\n%s", got.ID, d)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})

	t.Run("fn error stops", func(t *testing.T) {
		stop := errors.New("enough")
		calls := 0
		err := s.Each(ctx, store.Filter{}, func(*article.Article) error {
			calls++
			if calls == 2 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) {
			t.Errorf("Each returned %v, want fn's error", err)
		}
		if calls != 2 {
			t.Errorf("fn called %d times after returning an error on call 2", calls)
		}
	})

	t.Run("cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		err := s.Each(cctx, store.Filter{}, func(*article.Article) error { return nil })
		if err == nil {
			t.Error("Each with a cancelled context returned nil")
		}
	})
}

func testEachMany(t *testing.T, s store.Store) {
	ctx := t.Context()
	const n = 700 // more than one batch of any sensible size
	for i := range n {
		a := plain(fmt.Sprintf("%016x", 0x1000+i), []string{"one", "two"}[i%2], fmt.Sprint(i), time.Time{}, "en",
			fmt.Sprintf("Body of article %d.", i))
		if i%7 == 0 {
			a.Captions = []string{fmt.Sprintf("Caption %d", i)}
		}
		put(t, s, a)
	}
	for _, tt := range []struct {
		name string
		f    store.Filter
		want int
	}{
		{"all", store.Filter{}, n},
		{"one source", store.Filter{Sources: []string{"two"}}, n / 2},
		{"limit over a batch", store.Filter{Limit: 300}, 300},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var last int64
			got := 0
			err := s.Each(ctx, tt.f, func(a *article.Article) error {
				if a.Seq <= last {
					return fmt.Errorf("seq %d after %d", a.Seq, last)
				}
				last = a.Seq
				var i int
				fmt.Sscan(a.Title, &i)
				if (i%7 == 0) != (len(a.Captions) == 1) {
					return fmt.Errorf("article %d has captions %q", i, a.Captions)
				}
				got++
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Each gave %d articles, want %d", got, tt.want)
			}
		})
	}
}

func testCount(t *testing.T, s store.Store) {
	ctx := t.Context()
	arts := listing(t, s)
	tests := []struct {
		name string
		f    store.Filter
		want int
	}{
		{"all", store.Filter{}, 5},
		{"source", store.Filter{Sources: []string{"Alpha News"}}, 3},
		{"range", store.Filter{From: day1, To: day3}, 3},
		{"lang", store.Filter{Lang: "de"}, 1},
		{"after seq", store.Filter{AfterSeq: arts[3].Seq}, 1},
		{"limit caps", store.Filter{Limit: 2}, 2},
		{"limit above", store.Filter{Limit: 50}, 5},
		{"none", store.Filter{Lang: "xx"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Count(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Count(%+v) = %d, want %d", tt.f, got, tt.want)
			}
		})
	}
}

func search(t *testing.T, s store.Store, q store.Query) []store.Hit {
	t.Helper()
	hits, err := s.Search(t.Context(), q)
	if err != nil {
		t.Fatalf("Search(%q): %v", q.Text, err)
	}
	return hits
}

func hitIDs(hits []store.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

// corpus puts the search test articles: short fictional reports.
func corpus(t *testing.T, s store.Store) {
	filler := "The statement was read aloud at the quay. Residents listened in the rain."
	put(t, s,
		plain("s000000000000001", "Fjord Times", "Glacier retreats past the old marker",
			day1, "en", "Surveyors measured the ice on Monday.", filler),
		plain("s000000000000002", "Fjord Times", "Ferry timetable changes in spring",
			day2, "en", "The ferry company said the glacier route would close for repairs.", filler),
		plain("s000000000000003", "Valley Herald", "Town council debates the budget",
			day2, "en", "The council argued over the harbour bridge until midnight.", filler),
		plain("s000000000000004", "Valley Herald", "Council approves school repairs",
			day3, "en", "The council approved the repairs; the bridge near the harbour was not discussed.", filler),
		plain("s000000000000005", "Valley Herald", "Referendum on the volcano observatory",
			day3, "en", "Voters will decide on the observatory in a referendum next month.", filler),
		plain("s000000000000006", "Le Courrier", "Le glacier recule encore",
			day1, "fr", "Les géomètres ont mesuré la glace lundi.", filler),
	)
}

func testSearch(t *testing.T, s store.Store) {
	corpus(t, s)
	hits := search(t, s, store.Query{Text: "glacier"})
	if len(hits) != 3 {
		t.Fatalf("glacier: %d hits %v, want 3", len(hits), hitIDs(hits))
	}
	// Title matches rank above the body match, in either language.
	if hits[2].ID != "s000000000000002" {
		t.Errorf("glacier: body-only match ranked %v, want it last", hitIDs(hits))
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("hits not in descending score order: %v then %v", hits[i-1].Score, hits[i].Score)
		}
	}
	h := hits[0]
	if h.Source == "" || h.Title == "" || h.Published.IsZero() || h.Lang == "" {
		t.Errorf("hit fields not filled: %+v", h)
	}
	for _, h := range hits {
		if !strings.Contains(h.Snippet, store.MarkStart) || !strings.Contains(h.Snippet, store.MarkEnd) {
			t.Errorf("snippet %q has no marks", h.Snippet)
		}
	}
	body := hits[2].Snippet
	if !strings.Contains(body, store.MarkStart+"glacier"+store.MarkEnd) {
		t.Errorf("snippet of the body match = %q, want the matched word marked", body)
	}

	t.Run("paging", func(t *testing.T) {
		all := hitIDs(search(t, s, store.Query{Text: "the", Limit: 100}))
		if len(all) < 5 {
			t.Fatalf("the: %d hits, want at least 5", len(all))
		}
		var paged []string
		for off := 0; off < len(all); off += 2 {
			page := search(t, s, store.Query{Text: "the", Limit: 2, Offset: off})
			if len(page) > 2 {
				t.Fatalf("page of Limit 2 has %d hits", len(page))
			}
			paged = append(paged, hitIDs(page)...)
		}
		if !slices.Equal(paged, all) {
			t.Errorf("paged hits %v, want %v", paged, all)
		}
		if past := search(t, s, store.Query{Text: "the", Offset: len(all)}); len(past) != 0 {
			t.Errorf("Offset past the end gave %d hits", len(past))
		}
	})
	t.Run("default limit", func(t *testing.T) {
		for i := range 25 {
			put(t, s, plain(fmt.Sprintf("s1%014d", i), "Bulk", "Puffin count", day1, "en", "Another puffin was counted."))
		}
		if got := search(t, s, store.Query{Text: "puffin"}); len(got) != 20 {
			t.Errorf("Limit 0 gave %d hits, want 20", len(got))
		}
	})
}

func testSearchQueries(t *testing.T, s store.Store) {
	corpus(t, s)
	tests := []struct {
		name string
		q    store.Query
		want []string // IDs, any order
	}{
		{"and", store.Query{Text: "council bridge"}, []string{"s000000000000003", "s000000000000004"}},
		{"phrase", store.Query{Text: `"harbour bridge"`}, []string{"s000000000000003"}},
		{"phrase and word", store.Query{Text: `council "harbour bridge" midnight`}, []string{"s000000000000003"}},
		{"exclusion", store.Query{Text: "council -budget"}, []string{"s000000000000004"}},
		{"excluded phrase", store.Query{Text: `council -"harbour bridge"`}, []string{"s000000000000004"}},
		{"prefix", store.Query{Text: "refer*"}, []string{"s000000000000005"}},
		{"or", store.Query{Text: "volcano OR ferry"}, []string{"s000000000000002", "s000000000000005"}},
		{"or and", store.Query{Text: "volcano OR ferry spring"}, []string{"s000000000000002"}},
		{"case", store.Query{Text: "GLACIER MARKER"}, []string{"s000000000000001"}},
		{"diacritics", store.Query{Text: "geometres"}, []string{"s000000000000006"}},
		{"source", store.Query{Text: "glacier", Filter: store.Filter{Sources: []string{"fjord times"}}},
			[]string{"s000000000000001", "s000000000000002"}},
		{"date range", store.Query{Text: "council OR glacier", Filter: store.Filter{From: day2, To: day3}},
			[]string{"s000000000000002", "s000000000000003"}},
		{"lang", store.Query{Text: "glacier", Filter: store.Filter{Lang: "fr"}}, []string{"s000000000000006"}},
		{"no match", store.Query{Text: "submarine"}, nil},
		{"only exclusion", store.Query{Text: "-council"}, nil},
		{"empty", store.Query{Text: "   "}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := hitIDs(search(t, s, tt.q))
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q, %+v) = %v, want %v", tt.q.Text, tt.q.Filter, got, tt.want)
			}
		})
	}
}

// NastyQueries are search texts that must never make Search fail.
var NastyQueries = []string{
	`"`, `""`, `"""`, `"unbalanced phrase`, `glacier"`, `*`, `**`, `glacier**`, `-`, `--`, `- -`,
	`-"`, `OR`, `OR OR`, `glacier OR`, `OR glacier`, `glacier OR OR ferry`, `glacier OR -ferry`,
	`AND`, `NOT`, `NEAR`, `glacier AND ferry`, `glacier NOT ferry`, `NEAR(glacier ferry, 2)`,
	`NEAR(`, `title:glacier`, `body:`, `{title body}: glacier`, `^glacier`, `glacier +ferry`,
	`(glacier`, `glacier)`, `()`, `[glacier]`, `glacier; DROP TABLE articles; --`, `' OR 1=1 --`,
	`%`, `_`, `\`, `\"`, `glacier\`, "\x00", "glacier\x00ferry", "\xff\xfe", `U.S.`, `don't`,
	`e-mail`, `covid-19`, `#hashtag`, `@handle`, `$100`, `50%`, `C++`, `a/b`, `:`, `::`, `:)`,
	`glacier*ferry`, `*glacier`, `"glacier ferry"*`, `-glacier*`, `東京`, `Zürich`, `🐳`,
	"\uE000glacier\uE001", `ˆ`, "\u0301", strings.Repeat("glacier ", 200), strings.Repeat(`"`, 99),
	strings.Repeat("(", 300), `"NEAR" "AND" "OR"`,
}

func testSearchNasty(t *testing.T, s store.Store) {
	corpus(t, s)
	for _, q := range NastyQueries {
		name := q
		if len(name) > 40 {
			name = name[:40]
		}
		t.Run(name, func(t *testing.T) {
			if _, err := s.Search(t.Context(), store.Query{Text: q}); err != nil {
				t.Errorf("Search(%q): %v", q, err)
			}
		})
	}
	// Syntax words used as words are searched as words.
	put(t, s, plain("s200000000000001", "Fjord Times", "Near the glacier", day1, "en", "Not far from it."))
	if got := hitIDs(search(t, s, store.Query{Text: "near glacier"})); !slices.Equal(got, []string{"s200000000000001"}) {
		t.Errorf(`"near glacier" = %v, want the article with "Near" in its title`, got)
	}
	if got := hitIDs(search(t, s, store.Query{Text: "glacier NOT far"})); !slices.Equal(got, []string{"s200000000000001"}) {
		t.Errorf(`"glacier NOT far" = %v, want the article holding all three words`, got)
	}
}

func testLines(t *testing.T, s store.Store) {
	ctx := t.Context()
	const (
		signup = "Sign up for our newsletter."
		share  = "Share this story."
	)
	a1 := plain("l000000000000001", "Alpha", "one", day1, "en", "Unique first body.", signup)
	a2 := plain("l000000000000002", "Alpha", "two", day1, "en", "Unique second body.", share)
	a2.Removed = []article.Removed{{Text: "SIGN UP for our newsletter!", Kind: article.KindNewsletter, Index: 2}}
	a3 := plain("l000000000000003", "Alpha", "three", day1, "en", signup, "Unique third body.", signup)
	b1 := plain("l000000000000004", "Beta", "four", day1, "en", signup, share)
	put(t, s, a1, a2, a3, b1)

	kSignup, kShare := article.LineKey(signup), article.LineKey(share)
	kUnknown := article.LineKey("A line nobody wrote.")
	kHigh := uint64(1<<64 - 1) // the top bit set: stored keys must not lose it
	got, err := s.LineCounts(ctx, "Alpha", []uint64{kSignup, kShare, kUnknown, kHigh})
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint64]int{kSignup: 3, kShare: 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LineCounts(Alpha) = %v, want %v", got, want)
	}
	got, err = s.LineCounts(ctx, "Beta", []uint64{kSignup, kShare})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[uint64]int{kSignup: 1, kShare: 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("LineCounts(Beta) = %v, want %v", got, want)
	}
	if got, err := s.LineCounts(ctx, "Alpha", nil); err != nil || len(got) != 0 {
		t.Errorf("LineCounts with no keys = %v, %v; want empty", got, err)
	}

	ids, err := s.ArticlesWithLine(ctx, "Alpha", kSignup)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{a1.ID, a2.ID, a3.ID}; !slices.Equal(ids, want) {
		t.Errorf("ArticlesWithLine(Alpha, signup) = %v, want %v", ids, want)
	}
	if ids, err := s.ArticlesWithLine(ctx, "Gamma", kSignup); err != nil || len(ids) != 0 {
		t.Errorf("ArticlesWithLine(Gamma) = %v, %v; want none", ids, err)
	}

	// A line with the top bit set round-trips through the store.
	var top *article.Article
	for i := 0; top == nil; i++ {
		p := fmt.Sprintf("Boilerplate variant %d.", i)
		if article.LineKey(p)>>63 == 1 {
			top = plain("l000000000000005", "Alpha", "five", day1, "en", p)
		}
	}
	put(t, s, top)
	k := top.LineKeys()[0]
	if got, err := s.LineCounts(ctx, "Alpha", []uint64{k}); err != nil || got[k] != 1 {
		t.Errorf("LineCounts of a key with the top bit = %v, %v; want 1", got, err)
	}
	if ids, err := s.ArticlesWithLine(ctx, "Alpha", k); err != nil || !slices.Equal(ids, []string{top.ID}) {
		t.Errorf("ArticlesWithLine of a key with the top bit = %v, %v", ids, err)
	}
}

func testStats(t *testing.T, s store.Store) {
	ctx := t.Context()
	empty, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if empty.Articles != 0 || len(empty.Sources) != 0 || empty.SchemaVersion <= 0 {
		t.Errorf("Stats of an empty store = %+v", empty)
	}
	f := full("t000000000000001")
	put(t, s, f)
	listing(t, s)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 6 {
		t.Errorf("Articles = %d, want 6", st.Articles)
	}
	if len(st.Sources) != 4 || !strings.EqualFold(st.Sources[0].Source, "Alpha News") || st.Sources[0].Articles != 3 {
		t.Errorf("Sources = %+v, want 4 with Alpha News (3) first", st.Sources)
	}
	for _, src := range st.Sources {
		if strings.EqualFold(src.Source, "Alpha News") && (!src.First.Equal(day1) || !src.Last.Equal(day3)) {
			t.Errorf("Alpha News spans %v to %v, want %v to %v", src.First, src.Last, day1, day3)
		}
		if src.Source == "Gamma" && (!src.First.IsZero() || !src.Last.IsZero()) {
			t.Errorf("Gamma (undated) spans %v to %v, want zero times", src.First, src.Last)
		}
	}
	if want := map[string]int{"en": 4, "de": 1, "fr": 1}; !reflect.DeepEqual(st.Langs, want) {
		t.Errorf("Langs = %v, want %v", st.Langs, want)
	}
	if want := map[string]int{"text": 5, "jsonl": 1}; !reflect.DeepEqual(st.Formats, want) {
		t.Errorf("Formats = %v, want %v", st.Formats, want)
	}
	if want := map[string]int{"newsletter": 1, "bio": 1, "caption": 1, "share": 1}; !reflect.DeepEqual(st.Removed, want) {
		t.Errorf("Removed = %v, want %v", st.Removed, want)
	}
	if st.Captions != 3 || st.Credits != 2 {
		t.Errorf("Captions, Credits = %d, %d; want 3, 2", st.Captions, st.Credits)
	}
	if !st.First.Equal(f.Published) || !st.Last.Equal(day3) {
		t.Errorf("First, Last = %v, %v; want %v, %v", st.First, st.Last, f.Published, day3)
	}
	if st.SchemaVersion != empty.SchemaVersion {
		t.Errorf("SchemaVersion changed from %d to %d", empty.SchemaVersion, st.SchemaVersion)
	}
}

func testClosed(t *testing.T, s store.Store) {
	ctx := t.Context()
	a := plain("z000000000000001", "x", "t", day1, "en", "Body.")
	put(t, s, a)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	calls := map[string]func() error{
		"Put":    func() error { _, err := s.Put(ctx, plain("z000000000000002", "x", "t", day1, "en")); return err },
		"Update": func() error { return s.Update(ctx, a) },
		"Get":    func() error { _, err := s.Get(ctx, a.ID); return err },
		"Each":   func() error { return s.Each(ctx, store.Filter{}, func(*article.Article) error { return nil }) },
		"Count":  func() error { _, err := s.Count(ctx, store.Filter{}); return err },
		"Search": func() error { _, err := s.Search(ctx, store.Query{Text: "body"}); return err },
		"LineCounts": func() error {
			_, err := s.LineCounts(ctx, "x", []uint64{1})
			return err
		},
		"ArticlesWithLine": func() error { _, err := s.ArticlesWithLine(ctx, "x", 1); return err },
		"Stats":            func() error { _, err := s.Stats(ctx); return err },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			if err := call(); err == nil {
				t.Errorf("%s after Close returned nil error", name)
			}
		})
	}
}

func testCopies(t *testing.T, s store.Store) {
	ctx := t.Context()
	put(t, s, full("d000000000000001"), full("d000000000000002"), full("d000000000000003"), full("d000000000000004"))
	rec := store.CopyRecord{
		Matches: []store.CopyMatch{
			{Copy: "d000000000000002", Of: "d000000000000001", Kind: "full", Containment: 0.97, Coverage: 0.8, Jaccard: 0.78, Passage: 120, SharedParagraphs: 5, Reason: "earlier"},
			{Copy: "d000000000000004", Of: "d000000000000001", Kind: "partial", Containment: 0.3, Coverage: 0.2, Jaccard: 0.1, Passage: 40, SharedParagraphs: 2, Reason: "earlier"},
		},
		Groups:  []store.CopyGroup{{ID: "d000000000000001", Original: "d000000000000001", Reason: "earliest published", Members: []string{"d000000000000001", "d000000000000002"}}},
		Changes: []store.CopyChange{{Kind: "created", Group: "d000000000000001", Article: "d000000000000002", To: "d000000000000002"}},
		Statuses: []store.CopyStatus{
			{ID: "d000000000000001", Group: "d000000000000001"},
			{ID: "d000000000000002", CopyOf: "d000000000000001", Kind: "full", Containment: 0.97, Group: "d000000000000001"},
			{ID: "d000000000000004", CopyOf: "d000000000000001", Kind: "partial", Containment: 0.3},
		},
	}
	for range 2 { // saving twice changes nothing
		if err := s.SaveCopies(ctx, rec); err != nil {
			t.Fatalf("SaveCopies: %v", err)
		}
	}
	tests := []struct {
		id   string
		want store.CopyStatus
	}{
		{"d000000000000001", store.CopyStatus{ID: "d000000000000001", Group: "d000000000000001", Voice: "d000000000000001"}},
		{"d000000000000002", store.CopyStatus{ID: "d000000000000002", CopyOf: "d000000000000001", Kind: "full", Containment: 0.97, Group: "d000000000000001", Voice: "d000000000000001"}},
		{"d000000000000003", store.CopyStatus{ID: "d000000000000003", Voice: "d000000000000003"}},
		{"d000000000000004", store.CopyStatus{ID: "d000000000000004", CopyOf: "d000000000000001", Kind: "partial", Containment: 0.3, Voice: "d000000000000004"}},
	}
	for _, tt := range tests {
		got, err := s.CopyStatus(ctx, tt.id)
		if err != nil || got != tt.want {
			t.Errorf("CopyStatus(%s) = %+v, %v; want %+v", tt.id, got, err, tt.want)
		}
	}
	if _, err := s.CopyStatus(ctx, "ffffffffffffffff"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("CopyStatus of an unknown ID: %v, want ErrNotFound", err)
	}
	all, err := s.CopyStatuses(ctx, []string{"d000000000000004", "d000000000000001", "ffffffffffffffff", "d000000000000002", "d000000000000003"})
	if err != nil || len(all) != len(tests) {
		t.Errorf("CopyStatuses = %d statuses, %v; want %d (the unknown ID absent)", len(all), err, len(tests))
	}
	for _, tt := range tests {
		if all[tt.id] != tt.want {
			t.Errorf("CopyStatuses[%s] = %+v, want %+v", tt.id, all[tt.id], tt.want)
		}
	}
	if none, err := s.CopyStatuses(ctx, nil); err != nil || len(none) != 0 {
		t.Errorf("CopyStatuses(nil) = %v, %v", none, err)
	}
	if ms, err := s.CopyMatches(ctx, "d000000000000001"); err != nil || len(ms) != 2 || ms[0] != rec.Matches[0] {
		t.Errorf("CopyMatches = %+v, %v; want both matches, the full one first", ms, err)
	}
	if cs, err := s.CopyChanges(ctx, "d000000000000001"); err != nil || len(cs) != 1 || cs[0].Kind != "created" || cs[0].At.IsZero() {
		t.Errorf("CopyChanges = %+v, %v; want the one created change, timed", cs, err)
	}

	// A back-filled original takes over and a second group merges in.
	rec2 := store.CopyRecord{
		Groups:    []store.CopyGroup{{ID: "d000000000000001", Original: "d000000000000003", Reason: "earliest published", Members: []string{"d000000000000001", "d000000000000002", "d000000000000003"}}},
		Dissolved: []string{"d000000000000009"},
		Changes: []store.CopyChange{
			{Kind: "joined", Group: "d000000000000001", Article: "d000000000000003", To: "d000000000000003"},
			{Kind: "original-changed", Group: "d000000000000001", Article: "d000000000000003", From: "d000000000000001", To: "d000000000000003", Reason: "earliest published"},
		},
		Statuses: []store.CopyStatus{
			{ID: "d000000000000001", CopyOf: "d000000000000003", Kind: "full", Containment: 0.95, Group: "d000000000000001"},
			{ID: "d000000000000002", CopyOf: "d000000000000003", Kind: "full", Containment: 0.93, Group: "d000000000000001"},
			{ID: "d000000000000003", Group: "d000000000000001"},
		},
	}
	if err := s.SaveCopies(ctx, rec2); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.CopyStatus(ctx, "d000000000000002"); got.CopyOf != "d000000000000003" || got.Voice != "d000000000000003" {
		t.Errorf("after the back-fill, status %+v: want copy of and voice d000000000000003", got)
	}
	gs, err := s.CopyGroups(ctx)
	if err != nil || len(gs) != 1 || gs[0].Original != "d000000000000003" || len(gs[0].Members) != 3 {
		t.Errorf("CopyGroups = %+v, %v; want one group of 3 led by d000000000000003", gs, err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != 4 || st.Voices != 2 || st.CopyGroups != 1 {
		t.Errorf("Stats: %d articles, %d voices, %d groups (%v); want 4, 2 (the group of three counts once), 1", st.Articles, st.Voices, st.CopyGroups, err)
	}
	if cs, _ := s.CopyChanges(ctx, ""); len(cs) != 3 || cs[2].Kind != "original-changed" {
		t.Errorf("all changes = %+v, want 3 in order", cs)
	}
}
