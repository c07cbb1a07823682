package annotate

import "testing"

func TestHeadOf(t *testing.T) {
	for _, tc := range []struct {
		before, after string
		want          bool
	}{
		{"", "", true},
		{"The ", "", true},
		{"", ", the largest buyer,", true},
		{"", " (the largest buyer)", true},
		{"", ".", true},
		{"", ")", true},
		{"", "’s", true},
		{"", "’s campaign", false},
		{"", "'s campaign", false},
		{"", " officials", false},
		{"", " 2", false},
		{"a spokesman for the ", "", true},
		{"a diver from the ", "", false},
		{"", " spokeswoman", true},
		{"the mayor, a friend of ", "", false},
		{"the chair of the board, the ", "", true},
	} {
		if got := headOf([]rune(tc.before), []rune(tc.after)); got != tc.want {
			t.Errorf("headOf(%q, name, %q) = %v, want %v", tc.before, tc.after, got, tc.want)
		}
	}
}
