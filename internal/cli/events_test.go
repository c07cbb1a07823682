package cli

import (
	"bufio"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/store"
)

// TestEventsStoriesStory checks the three clustering commands against
// what export says of each article: every event and story an article was
// given is listed, and a story shows each of its articles once, under its
// event, with its outlet.
func TestEventsStoriesStory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if _, stderr, code := run(t, db, "", "ingest", "--events", "testdata/in/wire.jsonl", "testdata/in/letter.txt", "--source", "Saltmarsh Post"); code != ExitRefused {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	out, _, code := run(t, db, "", "export", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("export exit %d", code)
	}
	type rec struct {
		ID      string  `json:"id"`
		Source  string  `json:"source"`
		EventID *string `json:"event_id"`
		StoryID *string `json:"story_id"`
	}
	var recs []rec
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r rec
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.EventID == nil || r.StoryID == nil {
			t.Fatalf("article %s exported with no event or story", r.ID)
		}
		recs = append(recs, r)
	}
	if len(recs) == 0 {
		t.Fatal("nothing exported")
	}
	events, stories := map[string]bool{}, map[string][]string{}
	for _, r := range recs {
		events[*r.EventID] = true
		stories[*r.StoryID] = append(stories[*r.StoryID], r.ID)
	}

	out, _, code = run(t, db, "", "events", "--json", "--limit", "0")
	var evs []store.Event
	if code != 0 || json.Unmarshal([]byte(out), &evs) != nil {
		t.Fatalf("events --json: exit %d, %q", code, out)
	}
	total := 0
	for _, ev := range evs {
		if !events[ev.ID] || ev.Label == "" || ev.Articles == 0 {
			t.Errorf("events lists %+v, which no article names or which is empty", ev)
		}
		total += ev.Articles
	}
	if len(evs) != len(events) || total != len(recs) {
		t.Errorf("events lists %d events of %d articles; export names %d events of %d", len(evs), total, len(events), len(recs))
	}
	if out, _, _ := run(t, db, "", "events", "--json", "--limit", "1"); strings.Count(out, `"id"`) != 1 {
		t.Errorf("events --limit 1 gave %s", out)
	}
	if _, _, code := run(t, db, "", "events", "--limit", "-1"); code != ExitUsage {
		t.Errorf("events --limit -1: exit %d, want %d", code, ExitUsage)
	}

	out, _, code = run(t, db, "", "stories", "--json")
	var ss []store.Story
	if code != 0 || json.Unmarshal([]byte(out), &ss) != nil || len(ss) != len(stories) {
		t.Fatalf("stories --json: exit %d, %d stories, want %d: %s", code, len(ss), len(stories), out)
	}
	out, _, code = run(t, db, "", "stories")
	if code != 0 || !strings.Contains(out, "STORY") || !strings.Contains(out, ss[0].ID) {
		t.Errorf("stories: exit %d\n%s", code, out)
	}

	for id, members := range stories {
		t.Run(id, func(t *testing.T) {
			out, stderr, code := run(t, db, "", "story", id, "--json")
			if code != 0 {
				t.Fatalf("story %s: exit %d: %s", id, code, stderr)
			}
			var v storyView
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, ev := range v.EventList {
				if i > 0 && ev.First.Before(v.EventList[i-1].First) {
					t.Errorf("event %s comes before an earlier one", ev.ID)
				}
				for _, a := range ev.Articles {
					if a.Source == "" || a.Voice == "" {
						t.Errorf("article %+v: no source or voice", a)
					}
					got = append(got, a.ID)
				}
			}
			slices.Sort(got)
			slices.Sort(members)
			if !slices.Equal(got, members) || v.Voices == 0 || v.Voices > len(members) {
				t.Errorf("story %s shows %v (%d voices), want %v", id, got, v.Voices, members)
			}
			out, _, code = run(t, db, "", "story", id)
			if code != 0 || !strings.Contains(out, "story "+id) || !strings.Contains(out, "event ") {
				t.Errorf("story %s (text): exit %d\n%s", id, code, out)
			}
		})
	}
	if _, stderr, code := run(t, db, "", "story", "st-999999"); code != ExitError || !strings.Contains(stderr, "no story") {
		t.Errorf("unknown story: exit %d, %s", code, stderr)
	}
}

// TestStoryMarksCopies ingests an article and its full copy: the story
// shows both, the copy marked, as one voice.
func TestStoryMarksCopies(t *testing.T) {
	db := t.TempDir() + "/c.db"
	body := `The harbour board of Calden voted on Thursday to close the old ferry pier for a year of repairs, ending a crossing that has run without a break since 1962.\n\nBoard chair Ines Kalder said the timber piles had rotted faster than engineers expected and that divers found two of them split below the waterline last month.\n\nCommuters who use the pier will be moved to a temporary landing at the fish market, about ten minutes' walk away, from the first of June, the board said.\n\nShopkeepers near the pier said they feared losing trade over the summer, when day visitors from the islands make up most of their customers.`
	in := `{"id":"o1","source":"Calden Wire","title":"Calden ferry pier to close","published":"2030-05-01T09:00:00Z","text":"` + body + `"}` + "\n" +
		`{"id":"c1","source":"Repost Daily","title":"Ferry pier closes","published":"2030-05-01T15:00:00Z","text":"` + body + `"}` + "\n"
	if _, stderr, code := run(t, db, in, "ingest", "--events", "-"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	out, _, code := run(t, db, "", "stories", "--json")
	var ss []store.Story
	if code != 0 || json.Unmarshal([]byte(out), &ss) != nil || len(ss) != 1 {
		t.Fatalf("stories: exit %d: %s", code, out)
	}
	out, _, code = run(t, db, "", "story", ss[0].ID, "--json")
	var v storyView
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil {
		t.Fatalf("story: exit %d: %s", code, out)
	}
	if len(v.EventList) != 1 || len(v.EventList[0].Articles) != 2 || v.Voices != 1 || v.EventList[0].Voices != 1 {
		t.Fatalf("want one event of two articles, one voice: %s", out)
	}
	if arts := v.EventList[0].Articles; arts[0].CopyOf != "" || arts[1].CopyOf != arts[0].ID {
		t.Errorf("want the second marked a copy of the first: %+v", arts)
	}
	out, _, _ = run(t, db, "", "story", ss[0].ID)
	if !strings.Contains(out, "(copy of ") {
		t.Errorf("text output does not mark the copy:\n%s", out)
	}
}
