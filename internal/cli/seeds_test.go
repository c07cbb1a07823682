package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/store"
)

// TestSeedsEndToEnd ingests the two seed articles as two outlets would be
// ingested (each with its --source), with events on, and checks what a
// reader gets from the commands: one story of two events; who said what;
// the story compared.
func TestSeedsEndToEnd(t *testing.T) {
	dir := needData(t, "seeds")
	db := filepath.Join(t.TempDir(), "seeds.db")
	for _, s := range [][2]string{{"000_c6063a4bcfa90a50.txt", "Outlet 000"}, {"001_89135a263d97c70c.txt", "Outlet 001"}} {
		if _, stderr, code := run(t, db, "", "ingest", "-q", "--events", "--source", s[1], filepath.Join(dir, s[0])); code != 0 {
			t.Fatalf("ingest %s: exit %d: %s", s[0], code, stderr)
		}
	}

	out, _, code := run(t, db, "", "stories", "--json")
	var stories []store.Story
	if code != 0 || json.Unmarshal([]byte(out), &stories) != nil {
		t.Fatalf("stories: exit %d: %s", code, out)
	}
	if len(stories) != 1 || stories[0].Events != 2 {
		t.Fatalf("the seeds should be one story of two events: %+v", stories)
	}

	// Who said what: each statement to the right diplomat.
	speakers := map[string]string{
		"It is useful to talk to each other":                                 "Sergey Lavrov",
		"would put our relationship in an even worse place than it has been": "Mike Pompeo",
		"bear no relation to democracy":                                      "Sergey Lavrov",
		"we fundamentally don’t seek war with Iran":                          "Mike Pompeo",
	}
	said := map[string][]string{}
	for _, name := range []string{"Lavrov", "Pompeo"} {
		out, stderr, code := run(t, db, "", "who", name, "--json")
		if code != 0 {
			t.Fatalf("who %s: exit %d: %s", name, code, stderr)
		}
		var v whoView
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		for _, h := range v.Quotes {
			said[v.Speaker] = append(said[v.Speaker], h.Quote.Content)
		}
	}
	for words, who := range speakers {
		if !slices.ContainsFunc(said[who], func(c string) bool { return strings.Contains(c, words) }) {
			t.Errorf("who %s does not list %q", who, words)
		}
	}

	// The story compared: two voices, the framing in each outlet's own
	// voice, what only one carries.
	out, stderr, code := run(t, db, "", "compare", stories[0].ID, "--json")
	if code != 0 {
		t.Fatalf("compare: exit %d: %s", code, stderr)
	}
	var rep compare.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Voices) != 2 {
		t.Fatalf("compare: %d voices, want 2", len(rep.Voices))
	}
	flagged := map[string][]string{}
	for _, f := range rep.Framing {
		for _, fl := range f.Flags {
			flagged[f.Outlet] = append(flagged[f.Outlet], strings.ToLower(fl.Text))
		}
	}
	for outlet, word := range map[string]string{"Outlet 000": "hysteria", "Outlet 001": "regime"} {
		if !slices.ContainsFunc(flagged[outlet], func(s string) bool { return strings.Contains(s, word) }) {
			t.Errorf("%s: %q not flagged (flags %q)", outlet, word, flagged[outlet])
		}
	}
	for outlet, fl := range flagged {
		if slices.ContainsFunc(fl, func(s string) bool { return strings.Contains(s, "baseless") }) {
			t.Errorf("%s: Lavrov's “baseless”, in quotation marks, flagged as the outlet's word", outlet)
		}
	}
	only := map[string]map[string]bool{}
	voiceOutlet := map[string]string{}
	for _, v := range rep.Voices {
		voiceOutlet[v.ID] = v.Outlet
	}
	for _, e := range rep.Entities {
		if len(e.Voices) == 1 {
			o := voiceOutlet[e.Voices[0].Voice]
			if only[o] == nil {
				only[o] = map[string]bool{}
			}
			only[o][e.Name] = true
		}
	}
	for outlet, names := range map[string][]string{
		"Outlet 000": {"INF Treaty", "North Korea", "JCPOA", "Ukraine", "Minsk agreements"},
		"Outlet 001": {"Nicolás Maduro"},
	} {
		for _, n := range names {
			if !only[outlet][n] {
				t.Errorf("%s should be the only one naming %s (only: %v)", outlet, n, only[outlet])
			}
		}
	}
	text, _, code := run(t, db, "", "compare", stories[0].ID, "--width", "100")
	if code != 0 || !strings.Contains(text, "SHARED CLAIMS") || !strings.Contains(text, "Guaido") {
		t.Errorf("compare's report lacks its shared claim:\n%s", text)
	}
}
