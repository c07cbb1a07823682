package pipeline

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"

	"github.com/parallax-news/parallax/internal/cluster"
)

// The clusterer's state is saved with encoding/gob, which writes the
// state of a large store (a vocabulary of 100,000 terms, thousands of
// clusters) several times faster than JSON and smaller: the save at the end
// of every ingest run is on the path of a feed polled every minute. A
// state saved as JSON by an earlier version (it starts with '{') is still
// read.
const gobMagic = "PXCS1\n"

func encodeState(s cluster.State) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(gobMagic)
	if err := gob.NewEncoder(&b).Encode(s); err != nil {
		return nil, fmt.Errorf("encode cluster state: %w", err)
	}
	return b.Bytes(), nil
}

func decodeState(blob []byte) (cluster.State, error) {
	var s cluster.State
	if bytes.HasPrefix(blob, []byte(gobMagic)) {
		if err := gob.NewDecoder(bytes.NewReader(blob[len(gobMagic):])).Decode(&s); err != nil {
			return s, fmt.Errorf("decode cluster state: %w", err)
		}
		return s, nil
	}
	if err := json.Unmarshal(blob, &s); err != nil {
		return s, fmt.Errorf("decode cluster state: %w", err)
	}
	return s, nil
}
