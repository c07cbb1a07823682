package cluster

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Weights is a centroid as State holds it, sorted by term. JSON writes it
// as a list of {t, w}; gob writes it packed (GobEncode), since centroids
// are most of a state and gob's struct-by-struct encoding of them was most
// of the time a save took: each entry is the uvarint gap from the previous
// term, then the weight's float32 bits. The weights are float32 in memory,
// so nothing is lost.
type Weights []Weight

// GobEncode packs ws.
func (ws Weights) GobEncode() ([]byte, error) {
	out := make([]byte, 0, len(ws)*6+binary.MaxVarintLen64)
	out = binary.AppendUvarint(out, uint64(len(ws)))
	prev := int64(-1)
	for _, w := range ws {
		if int64(w.Term) <= prev {
			return nil, fmt.Errorf("encode weights: terms not ascending (%d after %d)", w.Term, prev)
		}
		out = binary.AppendUvarint(out, uint64(int64(w.Term)-prev))
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(float32(w.W)))
		prev = int64(w.Term)
	}
	return out, nil
}

var errWeights = errors.New("decode weights: truncated or corrupt")

// GobDecode unpacks what GobEncode wrote.
func (ws *Weights) GobDecode(b []byte) error {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return errWeights
	}
	b = b[k:]
	out := make(Weights, 0, n)
	prev := int64(-1)
	for range n {
		gap, k := binary.Uvarint(b)
		if k <= 0 || gap == 0 || len(b) < k+4 {
			return errWeights
		}
		term := prev + int64(gap)
		if term > math.MaxInt32 {
			return errWeights
		}
		w := math.Float32frombits(binary.LittleEndian.Uint32(b[k:]))
		if math.IsNaN(float64(w)) || math.IsInf(float64(w), 0) {
			return errWeights // no centroid holds one; it would poison every score
		}
		out = append(out, Weight{Term: int32(term), W: float64(w)})
		b, prev = b[k+4:], term
	}
	if len(b) != 0 {
		return errWeights
	}
	*ws = out
	return nil
}
