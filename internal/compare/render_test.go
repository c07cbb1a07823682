package compare

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/termtext"
)

func renderString(t *testing.T, r *Report, width int) string {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, r, width); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func checkWidth(t *testing.T, out string, width int) {
	t.Helper()
	for i, l := range strings.Split(out, "\n") {
		if w := termtext.Width(l); w > width {
			t.Errorf("line %d is %d columns wide, more than %d: %q", i+1, w, width, l)
		}
	}
}

func sampleReport(voices int) *Report {
	var arts []Article
	for i := range voices {
		arts = append(arts, art(fmt.Sprintf("a%d", i), fmt.Sprintf("Outlet Number %d", i), fmt.Sprintf("2030-01-01T1%d:00:00Z", i%10),
			wireText1, fmt.Sprintf("The regime of repairs will cost %d crowns, a very large sum.", 1000+i)))
	}
	return Compare(arts, Options{})
}

func TestRenderFits(t *testing.T) {
	for _, c := range []struct{ voices, width int }{{2, 80}, {3, 80}, {4, 100}, {3, 40}, {2, 10}} {
		t.Run(fmt.Sprintf("%dx%d", c.voices, c.width), func(t *testing.T) {
			out := renderString(t, sampleReport(c.voices), c.width)
			checkWidth(t, out, max(c.width, minWidth))
			for _, sec := range []string{"OUTLETS", "TIMING", "SHARED CLAIMS", "CLAIMS ONLY ONE VOICE", "QUOTES", "NAMES", "FRAMING"} {
				if !strings.Contains(out, sec) {
					t.Errorf("no %s section", sec)
				}
			}
			if !strings.Contains(out, "[regime]") {
				t.Error("a flag's term is not marked in its sentence")
			}
		})
	}
}

func TestRenderStacks(t *testing.T) {
	out := renderString(t, sampleReport(6), 80)
	if !strings.Contains(out, "6 voices do not fit side by side in 80 columns") {
		t.Errorf("too many voices, and the report does not say it stacks them:\n%s", out)
	}
	checkWidth(t, out, 80)
	if out := renderString(t, sampleReport(2), 80); strings.Contains(out, "do not fit") || !strings.Contains(out, " | ") {
		t.Error("two voices in 80 columns are not side by side")
	}
}

func TestRenderSanitises(t *testing.T) {
	a := art("a", "Evil\x1b[31m Outlet\u202e", "", "The regime\x07 said \x1b[2Jnothing about the \u4e2d\u6587 harbour at all today.")
	b := art("b", "Other\nOutlet", "", "The regime said nothing about the harbour at all today, again.")
	out := renderString(t, Compare([]Article{a, b}, Options{}), 60)
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "Other\nOutlet"} {
		if strings.Contains(out, bad) {
			t.Errorf("output holds %q", bad)
		}
	}
	checkWidth(t, out, 60)
	if !strings.Contains(out, "Evil[31m Outlet") || !strings.Contains(out, "\u4e2d\u6587") {
		t.Errorf("printable text lost:\n%s", out)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestRenderError(t *testing.T) {
	if err := Render(failWriter{}, sampleReport(2), 80); err == nil || err.Error() != "disk full" {
		t.Errorf("Render = %v, want the writer's error", err)
	}
}
