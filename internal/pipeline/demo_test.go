package pipeline_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/demo"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// ingestDemo ingests the demo corpus in its arrival order and returns the
// store and a map from the answer key's article keys to stored IDs.
func ingestDemo(t *testing.T) (store.Store, *demo.Truth, map[string]string) {
	t.Helper()
	ctx := context.Background()
	truth, err := demo.LoadTruth()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	paths, err := demo.WriteTo(dir)
	if err != nil {
		t.Fatal(err)
	}
	var wires []string
	for _, o := range truth.Outlets {
		if o.Kind == "wire" {
			wires = append(wires, o.Name)
		}
	}
	st := openStore(t)
	opt := pipeline.DefaultOptions()
	opt.Events = true
	opt.IsWire = pipeline.WireSet(wires)
	p := pipeline.New(st, opt)
	for _, path := range paths {
		rel, _ := filepath.Rel(dir, path)
		sum, err := p.Ingest(ctx, []string{path}, nil, ingest.Options{Source: truth.FileSource(filepath.ToSlash(rel))}, nil)
		if err != nil || sum.Refused > 0 {
			t.Fatalf("ingest %s: %v %v", rel, err, sum.Problems)
		}
	}
	keys := map[string]string{}
	err = st.Each(ctx, store.Filter{}, func(a *article.Article) error {
		if k := truth.Key(a); k != "" {
			keys[k] = a.ID
			return nil
		}
		t.Errorf("stored article %s (%s) is not in the answer key", a.ID, a.Origin)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != len(truth.Articles) {
		t.Fatalf("matched %d stored articles to the answer key's %d", len(keys), len(truth.Articles))
	}
	return st, truth, keys
}

// TestDemoCopiesMatchTheAnswerKey checks copy detection, end to end through
// ingest and cleaning, against the demo corpus's answer key: every copy
// found with its kind and its original (including the copy that arrives
// before its original, and the tie broken by the wire credit), and nothing
// else called a copy.
func TestDemoCopiesMatchTheAnswerKey(t *testing.T) {
	ctx := context.Background()
	st, truth, keys := ingestDemo(t)
	byID := map[string]string{}
	for k, id := range keys {
		byID[id] = k
	}
	for key, at := range truth.Articles {
		got, err := st.CopyStatus(ctx, keys[key])
		if err != nil {
			t.Fatal(err)
		}
		if byID[got.CopyOf] != at.CopyOf || got.Kind != string(at.CopyKind) {
			t.Errorf("%s: copy of %q (%s), want %q (%s)", key, byID[got.CopyOf], got.Kind, at.CopyOf, at.CopyKind)
		}
		wantVoice := keys[key]
		if at.CopyKind == demo.CopyFull {
			wantVoice = keys[at.CopyOf]
		}
		if got.Voice != wantVoice {
			t.Errorf("%s: voice %s, want %s", key, byID[got.Voice], byID[wantVoice])
		}
	}
	groups, err := st.CopyGroups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) == 0 {
		t.Fatal("no copy groups")
	}
	// Each group records its founding; the copies that arrive before
	// their originals still name the wire article (checked above).
	changes, err := st.CopyChanges(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	created := 0
	for _, c := range changes {
		if c.Kind == "created" {
			created++
		}
	}
	if created != len(groups) {
		t.Errorf("%d groups but %d created changes", len(groups), created)
	}
}

// TestBackfilledOriginalTakesOver ingests two reposts of a story and then,
// as an archive back-fill, the earlier original: the group's original
// changes to it, the change is recorded, and every member names it.
func TestBackfilledOriginalTakesOver(t *testing.T) {
	ctx := context.Background()
	g := synthArticle()
	body := strings.Join(g, `\n\n`)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "1-reposts.jsonl"), []byte(
		`{"id":"r1","source":"Repost One","title":"Copied","published":"2030-05-02T10:00:00Z","text":"`+body+`\n\nJo Repost is the founder of Repost One."}`+"\n"+
			`{"id":"r2","source":"Repost Two","title":"Also copied","published":"2030-05-03T10:00:00Z","text":"`+body+`\n\nSign up to receive our latest news!"}`+"\n"))
	writeFile(t, filepath.Join(dir, "2-archive.jsonl"), []byte(
		`{"id":"o1","source":"First Outlet","title":"The original","published":"2030-05-01T09:00:00Z","text":"`+body+`"}`+"\n"))
	st := openStore(t)
	if _, err := pipeline.New(st, pipeline.DefaultOptions()).Ingest(ctx, []string{dir}, nil, ingest.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	st.Each(ctx, store.Filter{}, func(a *article.Article) error { ids[a.InputID] = a.ID; return nil })
	for _, c := range []string{"r1", "r2"} {
		s, err := st.CopyStatus(ctx, ids[c])
		if err != nil || s.CopyOf != ids["o1"] || s.Kind != "full" || s.Voice != ids["o1"] {
			t.Errorf("%s: %+v, %v; want a full copy of o1 with o1's voice", c, s, err)
		}
	}
	changes, err := st.CopyChanges(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range changes {
		found = found || (c.Kind == "original-changed" && c.From == ids["r1"] && c.To == ids["o1"])
	}
	if !found {
		t.Errorf("no original-changed from r1 to o1 recorded: %+v", changes)
	}
}

func synthArticle() []string {
	return []string{
		"The harbour board of Calden voted on Thursday to close the old ferry pier for a year of repairs, ending a crossing that has run without a break since 1962.",
		"Board chair Ines Kalder said the timber piles had rotted faster than engineers expected and that divers found two of them split below the waterline last month.",
		"Commuters who use the pier will be moved to a temporary landing at the fish market, about ten minutes' walk away, from the first of June, the board said.",
		"Shopkeepers near the pier said they feared losing trade over the summer, when day visitors from the islands make up most of their customers.",
		"The repairs are expected to cost 14 million crowns, to be shared between the board and the regional transport fund, according to the plan approved on Thursday.",
	}
}
