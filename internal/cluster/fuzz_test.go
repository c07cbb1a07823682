package cluster

import (
	"encoding/json"
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

// FuzzRestore: any JSON that decodes as a State either is refused by
// Restore or gives a Clusterer that assigns, reassigns and splits without
// panicking, leaving its working buffers clean after each arrival. The seeds are real states taken mid-stream, with articles in
// the reassignment window.
func FuzzRestore(f *testing.F) {
	opt := splitOptions(4)
	docs := splitDocs()
	for _, at := range []int{3, 7} {
		c, err := New(opt)
		if err != nil {
			f.Fatal(err)
		}
		for _, d := range docs[:at] {
			c.Assign(d)
		}
		blob, err := json.Marshal(c.Export())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(blob)
	}
	vs := make([]*Vector, len(docs))
	for i, d := range docs {
		vs[i] = Vectorize(d)
	}
	f.Fuzz(func(t *testing.T, blob []byte) {
		var s State
		if json.Unmarshal(blob, &s) != nil {
			return
		}
		c, err := Restore(s)
		if err != nil {
			return
		}
		for _, v := range vs {
			c.AssignVector(v)
			checkDenseClean(t, c, "a restored run's arrival")
		}
		c.Export()
	})
}
