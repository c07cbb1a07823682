package clean

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

// TestSeeds checks the acceptance list on the two seed articles.
func TestSeeds(t *testing.T) {
	dir := needData(t, "seeds")
	tests := []struct {
		file    string
		removed map[string]article.RemovedKind // paragraph → kind
		credits map[string][]string            // credit text → names
	}{
		{
			file: "000_c6063a4bcfa90a50.txt",
			removed: map[string]article.RemovedKind{
				"Dina Amelia Kalmeta is the Founder and CEO of Your New Life in Christ Ministries - CWW7NEWS. Dina reports on world events as they pertain to Bible Prophecy. Before Your New Life in Christ Ministries, Dina served as a Leader for INCHRIST NETWORK leading teams online and spreading the Gospel of Jesus Christ. Her mission today is to bring hard evidence that what is taking place in the world isn't just coincidence, but indeed proof that the last days the Bible warned us about are upon us right now.": article.KindBio,
			},
		},
		{
			file: "001_89135a263d97c70c.txt",
			removed: map[string]article.RemovedKind{
				"U.S. Secretary of State Mike Pompeo, (L), and Russian Foreign Minister Sergey Lavrov attend a joint news conference after their talks in the Black Sea resort city of Sochi, southern Russia on May 14, 2019. (AP Photo/Pavel Golovkin, Pool)": article.KindCaption,
				"Includes reporting from The Associated Press.": article.KindCredit,
				"View more:":                                     article.KindViewMore,
				"Sign up to receive our latest news!":            article.KindNewsletter,
				"By submitting this form, I agree to the terms.": article.KindConsent,
			},
			credits: map[string][]string{"Includes reporting from The Associated Press.": {"The Associated Press"}},
		},
	}
	c := New(DefaultOptions())
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			in := paragraphs(string(raw))
			a := newArticle(in...)
			c.Clean(a)
			got := make(map[string]article.RemovedKind)
			for _, r := range a.Removed {
				got[r.Text] = r.Kind
				if in[r.Index] != r.Text {
					t.Errorf("removed %q has index %d, which holds %q", r.Text, r.Index, in[r.Index])
				}
			}
			for p, want := range tt.removed {
				if got[p] != want {
					t.Errorf("paragraph %.60q: removed as %q, want %q", p, got[p], want)
				}
			}
			if len(got) != len(tt.removed) {
				t.Errorf("removed %d paragraphs, want %d: %v", len(got), len(tt.removed), got)
			}
			var want []string
			for _, p := range in {
				if _, ok := tt.removed[p]; !ok {
					want = append(want, p)
				}
			}
			if !slices.Equal(a.Paragraphs, want) {
				t.Errorf("body changed:\n got %q\nwant %q", a.Paragraphs, want)
			}
			if a.Paragraphs[0] != in[0] {
				t.Errorf("first paragraph left the body")
			}
			for text, names := range tt.credits {
				i := slices.IndexFunc(a.Credits, func(c article.Credit) bool { return c.Text == text })
				if i < 0 || !slices.Equal(a.Credits[i].Names, names) {
					t.Errorf("credits = %+v, want %q naming %q", a.Credits, text, names)
				}
			}
			for p, k := range tt.removed {
				if k == article.KindCaption && !slices.Contains(a.Captions, p) {
					t.Errorf("captions = %q, want %q among them", a.Captions, p)
				}
			}
		})
	}
}
