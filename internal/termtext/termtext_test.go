package termtext

import (
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want []string
	}{
		{"a bb ccc dddd", 6, []string{"a bb", "ccc", "dddd"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"中文中文中文", 5, []string{"中文", "中文", "中文"}},
		{"", 5, nil},
	} {
		got := Wrap(c.in, c.w)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}

func TestWrapHanging(t *testing.T) {
	got := WrapHanging("one two three four", 3, 10)
	want := []string{"one", "two three", "four"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("WrapHanging = %q, want %q", got, want)
	}
}

func TestTruncate(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{
		{"Voice of Karsenia", 8, "Voice o…"},
		{"short", 8, "short"},
		{"中文中文", 5, "中文…"},
	} {
		if got := Truncate(c.in, c.w); got != c.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}

func TestWidth(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"abc", 3}, {"中文", 4}, {"e\u0301", 1}, {"a\u200bb", 2},
	} {
		if got := Width(c.in); got != c.want {
			t.Errorf("Width(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("a bb ccc", 4)
	f.Add("中文中文", 3)
	f.Fuzz(func(t *testing.T, s string, w int) {
		if w < 1 || w > 200 {
			return
		}
		for _, l := range Wrap(s, w) {
			if Width(l) > max(w, 2) {
				t.Fatalf("line %q wider than %d", l, w)
			}
		}
	})
}
