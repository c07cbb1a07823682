package compare

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/demo"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json (and .golden.txt) from the current output")

// demoReports compares each story of the demo corpus, grouped by the answer
// key's story labels, with copies from the key and the demo's profiles.
func demoReports(t *testing.T) (map[string]*Report, *demo.Truth) {
	t.Helper()
	by, truth := loadDemo(t)
	ps, err := demo.Profiles()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*Report{}
	for _, s := range truth.Stories {
		if len(by[s.Slug]) == 0 {
			t.Fatalf("story %s has no articles", s.Slug)
		}
		out[s.Slug] = Compare(by[s.Slug], Options{Profiles: ps})
	}
	return out, truth
}

// TestDemoGolden compares the JSON report (and the 100-column rendering) of
// each demo story with testdata/<story>.golden.json (.golden.txt).
func TestDemoGolden(t *testing.T) {
	reports, truth := demoReports(t)
	for _, s := range truth.Stories {
		t.Run(s.Slug, func(t *testing.T) {
			var js bytes.Buffer
			enc := json.NewEncoder(&js)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(reports[s.Slug]); err != nil {
				t.Fatal(err)
			}
			var txt bytes.Buffer
			if err := Render(&txt, reports[s.Slug], 100); err != nil {
				t.Fatal(err)
			}
			for _, g := range []struct {
				path string
				got  []byte
			}{
				{filepath.Join("testdata", s.Slug+".golden.json"), js.Bytes()},
				{filepath.Join("testdata", s.Slug+".golden.txt"), txt.Bytes()},
			} {
				if *update {
					if err := os.MkdirAll("testdata", 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(g.path, g.got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(g.path)
				if err != nil {
					t.Fatalf("%v (create it with: go test ./internal/compare -run TestDemoGolden -update)", err)
				}
				if !bytes.Equal(g.got, want) {
					t.Errorf("%s differs from the output: %s\nIf the change is intended, check the diff, then regenerate with: go test ./internal/compare -run TestDemoGolden -update", g.path, firstDiff(g.got, want))
				}
			}
		})
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n got:  " + gl + "\n want: " + wl
		}
	}
	return "(no line differs)"
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestDemoFacts checks what the demo corpus was written to show.
func TestDemoFacts(t *testing.T) {
	reports, truth := demoReports(t)
	voiceOf := func(r *Report, outlet string) *Voice {
		for i := range r.Voices {
			if r.Voices[i].Outlet == outlet {
				return &r.Voices[i]
			}
		}
		return nil
	}
	t.Run("copies fold into their originals", func(t *testing.T) {
		for slug, r := range reports {
			for _, v := range r.Voices {
				if v.Outlet == "NewsBeacon" || v.Outlet == "The Lanternpost" {
					t.Errorf("%s: %s is a voice of its own, but it only republishes Meridian Wire", slug, v.Outlet)
				}
			}
			mw := voiceOf(r, "Meridian Wire")
			if mw == nil || len(mw.Copies) == 0 {
				t.Errorf("%s: Meridian Wire has no copies listed: %+v", slug, mw)
			}
			for _, c := range r.Claims {
				for _, cell := range c.Cells {
					for _, e := range cell.Evidence {
						if e.CopyOf != "" && truth.Articles[e.Article].CopyOf != e.CopyOf {
							t.Errorf("%s: evidence from %s says it copies %s", slug, e.Article, e.CopyOf)
						}
					}
				}
			}
		}
	})
	t.Run("profiles shown", func(t *testing.T) {
		r := reports["valdoria-karsenia-talks"]
		v := voiceOf(r, "Voice of Karsenia")
		if v == nil || v.Profile == nil || v.Profile.Type != "state media" || v.Profile.Country != "Karsenia" || v.Profile.Bias == nil {
			t.Errorf("Voice of Karsenia's profile not shown: %+v", v)
		}
	})
	t.Run("Voice of Karsenia's own framing", func(t *testing.T) {
		var flags []Flag
		for _, r := range reports {
			if v := voiceOf(r, "Voice of Karsenia"); v != nil {
				flags = append(flags, flagsOf(r, v.ID)...)
			}
		}
		for _, want := range []struct {
			term string
			cat  Category
		}{{"regime", Label}, {"hysteria", Label}, {"tore up", Label}, {"so called", Label}, {"interim president", ScareQuote}} {
			found := false
			for _, f := range flags {
				found = found || f.Term == want.term && f.Category == want.cat
			}
			if !found {
				t.Errorf("Voice of Karsenia: %s %q not flagged; flags: %+v", want.cat, want.term, flags)
			}
		}
	})
	t.Run("neutral outlets unflagged", func(t *testing.T) {
		for slug, r := range reports {
			for _, fr := range r.Framing {
				if fr.Outlet == "Voice of Karsenia" || fr.Outlet == "The Lanternpost" {
					continue
				}
				for _, f := range fr.Flags {
					if f.Term == "regime" || f.Term == "hysteria" || f.Term == "baseless" {
						t.Errorf("%s: %s flagged for %q: %s", slug, fr.Outlet, f.Term, f.Sentence)
					}
				}
			}
		}
	})
	t.Run("baseless is the speakers' word", func(t *testing.T) {
		for slug, r := range reports {
			for _, fr := range r.Framing {
				for _, f := range fr.Flags {
					if f.Term == "baseless" {
						t.Errorf("%s: %s flagged for “baseless”, which only speakers say: %s", slug, fr.Outlet, f.Sentence)
					}
				}
			}
		}
	})
	t.Run("the Lanternpost's edit is its own", func(t *testing.T) {
		r := reports["valdoria-karsenia-talks"]
		var lp *Framing
		for i := range r.Framing {
			if r.Framing[i].Outlet == "The Lanternpost" && r.Framing[i].Copier {
				lp = &r.Framing[i]
			}
		}
		// Its two edits of Meridian's wording (see the corpus README):
		// "cautious thaw" → "so-called thaw", in the writer's own aside
		// after the quote, and "said, however," → "complained".
		if lp == nil {
			t.Fatal("no framing for the Lanternpost's copy")
		}
		var got []string
		for _, f := range lp.Flags {
			got = append(got, f.Text)
		}
		if strings.Join(got, ", ") != "so-called, complained" {
			t.Fatalf("the Lanternpost charged with %q, want its two edits, so-called and complained: %+v", got, lp)
		}
		if mw := flagsOf(r, voiceOf(r, "Meridian Wire").ID); len(mw) != 0 {
			t.Errorf("Meridian Wire charged with flags: %+v", mw)
		}
	})
	t.Run("the same quote, cut differently", func(t *testing.T) {
		r := reports["valdoria-karsenia-talks"]
		courier := voiceOf(r, "The Valdorian Courier").ID
		for _, g := range r.Quotes {
			if !g.CutDifferently || g.Speaker != "Dmitar Velescu" {
				continue
			}
			for _, it := range g.Items {
				if it.Voice == courier && strings.Contains(it.Text, "“baseless”") && len(g.Voices) >= 3 {
					return
				}
			}
		}
		t.Errorf("Velescu's “baseless” is not grouped with the full quote as cut differently: %+v", r.Quotes)
	})
	t.Run("shared quotes", func(t *testing.T) {
		// Independent reports of one news conference share quotes (the
		// corpus README lists them): each such story shows some.
		for _, slug := range []string{"halvard-port-strike", "valdoria-karsenia-talks", "norvane-breach"} {
			n := 0
			for _, g := range reports[slug].Quotes {
				if len(g.Voices) > 1 {
					n++
				}
			}
			if n == 0 {
				t.Errorf("%s: no quote shared by two voices", slug)
			}
		}
	})
	t.Run("a partial copy counts once", func(t *testing.T) {
		r := reports["norvane-breach"]
		gazette := voiceOf(r, "Halvard Gazette")
		if gazette == nil {
			t.Fatal("the Halvard Gazette is not a voice of its own")
		}
		copied := 0
		for _, c := range r.Claims {
			for _, cell := range c.Cells {
				if cell.Voice == gazette.ID && cell.Copied {
					copied++
					if !strings.Contains(strings.Join(c.Voices, ","), voiceOf(r, "Meridian Wire").ID) {
						t.Errorf("a passage the Gazette copies is not credited to Meridian: %+v", c)
					}
				}
			}
		}
		if copied == 0 {
			t.Error("the Gazette's pasted Meridian paragraphs are not marked as copied")
		}
	})
	t.Run("timing", func(t *testing.T) {
		r := reports["valdoria-karsenia-talks"]
		for _, e := range r.Timing {
			if e.Event == "port-sellan-talks" {
				if first := e.Outlets[0]; first.Outlet != "VPB News" || *first.LagSeconds != 0 {
					t.Errorf("port-sellan-talks: first report %+v, want VPB News (it published before Meridian)", first)
				}
				for _, o := range e.Outlets[1:] {
					if o.LagSeconds != nil && *o.LagSeconds <= 0 {
						t.Errorf("%s: lag %d after the first report", o.Outlet, *o.LagSeconds)
					}
				}
			}
		}
	})
}
