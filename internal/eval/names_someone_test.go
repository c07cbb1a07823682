package eval

import "testing"

// TestNamesSomeone: which gold sources count for speaker accuracy.
func TestNamesSomeone(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"Hillary Clinton", true},
		{"Clinton", true},
		{"Senate Majority Leader Mitch McConnell (R-Ky.)", true},
		{"Clinton campaign spokesman Brian Fallon", true},
		{"Clinton in Iowa", true},
		{"Eva Resnick-Day, an activist for the environmental group Greenpeace,", true},
		{"the senator", false},
		{"Pagliano's lawyer", false},
		{"residents of Saltmarsh", false},
		{"GOP analysts", false},
		{"Labor Department officials", false},
		{"Republican members of Congress", false},
		{"Critics", false},
		{"Six in 10", false},
		{"Twenty-four percent", false},
		{"Many prominent Republicans", false},
		{"40 percent of voters", false},
		{"He", false},
	} {
		if got := namesSomeone(tc.src); got != tc.want {
			t.Errorf("namesSomeone(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}
