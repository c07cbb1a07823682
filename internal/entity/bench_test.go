package entity

import (
	"testing"
	"unicode/utf8"
)

// benchText is a demo article of about 2 KB (fictional, ours).
func benchText(b *testing.B) string {
	g, err := ReadGold(goldDir + "/demo.json")
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range g.Articles {
		if d.ID == "mw-20250514-sarnovo-talks" {
			return d.Text
		}
	}
	b.Fatal("no benchmark article")
	return ""
}

// BenchmarkExtract measures extraction on one core; the budget is 1,500
// articles of 2 KB a second.
func BenchmarkExtract(b *testing.B) {
	text := benchText(b)
	x := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		x.Extract(text)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// FuzzExtract checks that Extract never panics and that its mentions are
// ordered, do not overlap, and are the text at their code-point offsets.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"", "U.S.", "Russia’s Foreign Minister Sergey Lavrov", "PORT SELLAN, Valdoria (Meridian Wire) — X.",
		"the top U.S. diplomat said", "Intermediate-Range Nuclear Forces (INF) Treaty", "’s", "Mr. .", "A (B) C",
		"ÉCOLE d’Été — “Quoted” O’Brien-Smith’ s", "\xff\xfe invalid", "Dock and Harbour Workers’ Federation",
		"Julia CravenFlagShareLikeReplyAni Vrabel 5ptsmoderatorFeatured", "9:12PMBush Hits Rubio On Rape Exception For Abortions\n",
		"He’ll said I'm &QL; https://t.co/x (R-Fla.) D-N.Y. Mrs. Clinton", "SIMON BRANDT/AFP via Getty ImagesRepublican", "Sanders’ Senate",
	} {
		f.Add(s)
	}
	x := Default()
	f.Fuzz(func(t *testing.T, text string) {
		ms := x.Extract(text)
		rs := []rune(text)
		end := 0
		for _, m := range ms {
			if m.Start < end || m.End <= m.Start || m.End > len(rs) {
				t.Fatalf("bad span %d–%d after %d in %q: %+v", m.Start, m.End, end, text, ms)
			}
			if string(rs[m.Start:m.End]) != m.Text && utf8.ValidString(text) {
				t.Fatalf("text %q at %d–%d is %q", m.Text, m.Start, m.End, string(rs[m.Start:m.End]))
			}
			if m.Canonical == "" {
				t.Fatalf("empty canonical: %+v", m)
			}
			end = m.End
		}
	})
}
