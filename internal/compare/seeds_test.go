package compare

import (
	"strings"
	"testing"
)

// TestSeeds checks the comparison of the two seed articles (one story, the
// Pompeo–Lavrov talks, two rounds of it, two outlets of opposite slant)
// against the acceptance list of issue 6.
func TestSeeds(t *testing.T) {
	arts := loadSeeds(t)
	r := Compare(arts, DefaultOptions())
	if len(r.Voices) != 2 {
		t.Fatalf("%d voices, want 2", len(r.Voices))
	}
	vid := map[string]string{} // outlet → voice ID
	for _, v := range r.Voices {
		vid[v.Outlet] = v.ID
	}
	rt, ap := vid["000_c6063a4bcfa90a50"], vid["001_89135a263d97c70c"]

	t.Run("shared claim: Venezuela and Guaido", func(t *testing.T) {
		for _, c := range r.Claims {
			if len(c.Voices) == 2 && cellHas(c, rt, "Guaido") && cellHas(c, ap, "Guaido") && cellHas(c, ap, "Venezuela") {
				return
			}
		}
		t.Errorf("no claim carried by both voices about Guaido and Venezuela; shared claims: %v", sharedTexts(r))
	})
	t.Run("shared topics", func(t *testing.T) {
		for _, name := range []string{"Venezuela", "Juan Guaido", "Iran", "Syria", "Sergey Lavrov", "Mike Pompeo"} {
			row := entityRow(r, name)
			if row == nil || len(row.Voices) != 2 {
				t.Errorf("%s: not named by both voices: %+v", name, row)
			}
		}
	})
	only := func(v string) string {
		var b strings.Builder
		for _, c := range r.Claims {
			if len(c.Voices) == 1 && c.Voices[0] == v {
				b.WriteString(c.Text + "\n")
			}
		}
		return b.String()
	}
	t.Run("only 000", func(t *testing.T) {
		got := only(rt)
		for _, want := range []string{"(INF) Treaty", "North Korea", "JCPOA", "Ukraine", "Minsk agreements", "McCarthyism"} {
			if !strings.Contains(got, want) {
				t.Errorf("no claim only 000 carries mentions %q; its own claims:\n%s", want, got)
			}
		}
	})
	t.Run("only 001", func(t *testing.T) {
		got := only(ap)
		for _, want := range []string{"meddling in U.S. elections", "2020 elections", "war with Iran", "Maduro"} {
			if !strings.Contains(got, want) {
				t.Errorf("no claim only 001 carries mentions %q; its own claims:\n%s", want, got)
			}
		}
	})
	t.Run("framing", func(t *testing.T) {
		if f := flagged(r, rt, "hysteria"); f == nil || !strings.Contains(f.Sentence, "anti-Russia hysteria") {
			t.Errorf("000: “anti-Russia hysteria” not flagged as the outlet's own voice: %+v", flagsOf(r, rt))
		}
		if f := flagged(r, ap, "regime"); f == nil || f.Category != Label || !strings.Contains(f.Sentence, "Maduro regime") {
			t.Errorf("001: “the Maduro regime” not flagged as the outlet's own voice: %+v", flagsOf(r, ap))
		}
		for _, fr := range r.Framing {
			for _, f := range fr.Flags {
				if strings.Contains(strings.ToLower(f.Text), "baseless") {
					t.Errorf("%s: Lavrov's quoted “baseless” flagged as the outlet's word: %+v", fr.Outlet, f)
				}
			}
		}
	})
	t.Run("quotes", func(t *testing.T) {
		for _, name := range []string{"Sergey Lavrov", "Mike Pompeo"} {
			found := false
			for _, p := range r.People {
				found = found || p.Name == name && len(p.Voices) == 2
			}
			if !found {
				t.Errorf("%s is not listed as quoted by both voices: %+v", name, r.People)
			}
		}
	})
}

func cellHas(c Claim, voice, s string) bool {
	for _, cell := range c.Cells {
		if cell.Voice != voice {
			continue
		}
		for _, e := range cell.Evidence {
			if strings.Contains(e.Sentence, s) {
				return true
			}
		}
	}
	return false
}

func sharedTexts(r *Report) []string {
	var out []string
	for _, c := range r.Claims {
		if len(c.Voices) > 1 {
			out = append(out, c.Text)
		}
	}
	return out
}

func entityRow(r *Report, name string) *EntityRow {
	for i := range r.Entities {
		if entityKey(r.Entities[i].Name) == entityKey(name) {
			return &r.Entities[i]
		}
	}
	return nil
}

func flagsOf(r *Report, voice string) []Flag {
	for _, f := range r.Framing {
		if f.Voice == voice && !f.Copier {
			return f.Flags
		}
	}
	return nil
}

// flagged returns voice's own flag whose text contains term.
func flagged(r *Report, voice, term string) *Flag {
	fs := flagsOf(r, voice)
	for i := range fs {
		if strings.Contains(strings.ToLower(fs[i].Text), term) {
			return &fs[i]
		}
	}
	return nil
}
