package cluster

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"slices"
	"testing"
)

func TestWeightsRoundTrip(t *testing.T) {
	for _, ws := range []Weights{nil, {}, {{Term: 0, W: 1}}, {{Term: 3, W: 0.125}, {Term: 4, W: 2.5}, {Term: 1 << 30, W: 7}}} {
		b, err := ws.GobEncode()
		if err != nil {
			t.Fatal(err)
		}
		var got Weights
		if err := got.GobDecode(b); err != nil {
			t.Fatalf("%v: %v", ws, err)
		}
		if !slices.Equal(got, ws) && len(got)+len(ws) > 0 {
			t.Errorf("round trip %v → %v", ws, got)
		}
	}
	if _, err := (Weights{{Term: 4}, {Term: 4}}).GobEncode(); err == nil {
		t.Error("unsorted terms encoded")
	}
	for _, bad := range [][]byte{nil, {5}, {1, 0, 0, 0, 0, 0}, {1, 1, 0, 0}, {1, 1, 0, 0, 0, 0, 9}} {
		var ws Weights
		if err := ws.GobDecode(bad); err == nil {
			t.Errorf("GobDecode(%v) accepted", bad)
		}
	}
}

// TestStateCodecs: a state goes through gob (packed centroids) and JSON
// (readable ones) alike.
func TestStateCodecs(t *testing.T) {
	c, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range []string{"Harbour strike closes Port Sellan", "Dockers strike in Port Sellan for a second day", "Ferry sinks off Ves Strait"} {
		c.Assign(Doc{ID: string(rune('a' + i)), Title: d, Text: d + ". The union said talks had failed."})
	}
	s := c.Export()
	var g bytes.Buffer
	if err := gob.NewEncoder(&g).Encode(s); err != nil {
		t.Fatal(err)
	}
	var fromGob State
	if err := gob.NewDecoder(&g).Decode(&fromGob); err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(js, []byte(`"terms":[{"t":`)) {
		t.Errorf("JSON centroids are not readable lists: %.200s", js)
	}
	var fromJSON State
	if err := json.Unmarshal(js, &fromJSON); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(fromGob)
	b, _ := json.Marshal(fromJSON)
	if !bytes.Equal(a, b) || !bytes.Equal(a, js) {
		t.Error("gob and JSON give different states")
	}
	if _, err := Restore(fromGob); err != nil {
		t.Fatal(err)
	}
}

func FuzzWeightsDecode(f *testing.F) {
	b, _ := Weights{{Term: 3, W: 0.5}, {Term: 9, W: 1}}.GobEncode()
	f.Add(b)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		var ws Weights
		if ws.GobDecode(b) != nil {
			return
		}
		again, err := ws.GobEncode()
		if err != nil {
			t.Fatalf("decoded %v does not encode: %v", ws, err)
		}
		var back Weights
		if err := back.GobDecode(again); err != nil || !slices.Equal(back, ws) {
			t.Fatalf("re-encoding changed %v to %v (%v)", ws, back, err)
		}
	})
}
