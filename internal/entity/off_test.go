package entity

import (
	"testing"
)

func TestOffsetsGold(t *testing.T) {
	for _, d := range loadGold(t) {
		rs := []rune(d.Text)
		for _, m := range Default().Extract(d.Text) {
			if string(rs[m.Start:m.End]) != m.Text {
				t.Errorf("%s%s: %q at %d-%d is %q", d.ID, d.File, m.Text, m.Start, m.End, string(rs[m.Start:m.End]))
			}
		}
	}
}
