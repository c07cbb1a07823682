package clean

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// FuzzClean checks, on any text, that Clean does not panic, keeps every
// paragraph (in the body or among the removed, at its index) and is
// idempotent.
func FuzzClean(f *testing.F) {
	f.Add(strings.Join(story, "\n\n") + "\n\nSign up to receive our latest news!\n\nBy submitting this form, I agree to the terms.")
	f.Add("Ada Brook is a reporter for Lantern.\n\nShe covers ports.\n\nFollow her on Twitter @ab.")
	f.Add("&QL; &UR;\n\n(END OPTIONAL TRIM)\n\nNYT-03-01-99 1110EST\n\n---")
	f.Add("A caption. (AP Photo/X Y, Pool)\n\nIncludes reporting from The Associated Press.\n\nWith AFP")
	f.Add("Related\n\nOne Two Three Four\n\nFive Six Seven Eight")
	f.Add("(((\n\n)))\n\n\u00a0\n\n“")
	f.Fuzz(func(t *testing.T, text string) {
		in := strings.Split(text, "\n\n")
		a := newArticle(in...)
		c := New(DefaultOptions())
		c.Clean(a)
		got := slices.Clone(a.Paragraphs)
		for _, r := range a.Removed {
			got = append(got, r.Text)
			if r.Index < 0 || r.Index >= len(in) || in[r.Index] != r.Text {
				t.Fatalf("removed %q at index %d", r.Text, r.Index)
			}
		}
		want := slices.Clone(in)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("body ∪ removed = %q, want %q", got, want)
		}
		before, _ := json.Marshal(a)
		c.Clean(a)
		after, _ := json.Marshal(a)
		if string(before) != string(after) {
			t.Fatalf("not idempotent:\n%s\n%s", before, after)
		}
	})
}
