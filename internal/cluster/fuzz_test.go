package cluster

import (
	"strconv"
	"testing"
)

// FuzzVectorize: any title, body and mention offsets (negative, past the
// end, unordered) vectorise without panicking, and the vector assigns.
func FuzzVectorize(f *testing.F) {
	f.Add("Velescu in Sarnovo", "Dmitar Velescu met Anselm Rook in Sarnovo on 14 May 2025.", 0, 28, 200)
	f.Add("", "«Über» — Zoë", -3, 2, 7)
	f.Add("A B", "", 1, 1, 1)
	c, err := New(DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	n := 0
	f.Fuzz(func(t *testing.T, title, body string, a, b, e int) {
		n++
		ms := []Mention{{Name: "Dmitar Velescu", Start: a, Person: true}, {Name: "Sarnovo", Start: b}, {Name: "", Start: e}}
		v := Vectorize(Doc{ID: strconv.Itoa(n), Title: title, Text: body, Mentions: ms})
		c.AssignVector(v)
	})
}
