package pipeline

import (
	"context"
	"testing"

	"github.com/parallax-news/parallax/internal/store"
)

// seqCounter counts held Seqs after a point, as a store's Count does.
type seqCounter struct {
	clusterStore
	seqs []int64 // ascending
	n    int     // queries
}

func (s *seqCounter) Count(_ context.Context, f store.Filter) (int, error) {
	s.n++
	k := 0
	for _, q := range s.seqs {
		if q > f.AfterSeq {
			k++
		}
	}
	return k, nil
}

// TestSeqAfter finds where a replay starts, whether the Seqs run without
// gaps (one count beside the total) or not (a search).
func TestSeqAfter(t *testing.T) {
	gappy := []int64{1, 2, 5, 9, 10, 11, 40, 41, 300}
	for _, tc := range []struct {
		name string
		seqs []int64
		skip int64
	}{
		{"none seen", []int64{1, 2, 3}, 0},
		{"contiguous", []int64{1, 2, 3, 4, 5, 6}, 4},
		{"all seen", []int64{1, 2, 3}, 3},
		{"gaps, early", gappy, 2},
		{"gaps, middle", gappy, 5},
		{"gaps, late", gappy, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := &seqCounter{seqs: tc.seqs}
			c := &clusterStage{st: st}
			after, err := c.seqAfter(context.Background(), tc.skip)
			if err != nil {
				t.Fatal(err)
			}
			left := 0
			for _, q := range tc.seqs {
				if q > after {
					left++
				}
			}
			if want := len(tc.seqs) - int(tc.skip); left != want {
				t.Errorf("seqAfter(%d) = %d leaves %d articles, want %d", tc.skip, after, left, want)
			}
			if st.n > 40 {
				t.Errorf("%d counts", st.n)
			}
		})
	}
}
