package copies

import (
	"context"
	"fmt"
	"sync"
)

// MemSource is a Source that keeps documents in memory: for tests,
// evaluations and small runs. The zero MemSource is ready to use and safe
// for concurrent use.
type MemSource struct {
	mu   sync.RWMutex
	docs map[string]*Doc
}

var _ Source = (*MemSource)(nil)

// Put keeps doc (and computes its sketch), replacing a document with the
// same ID.
func (s *MemSource) Put(doc *Doc) {
	doc.sketch()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.docs == nil {
		s.docs = map[string]*Doc{}
	}
	s.docs[doc.ID] = doc
}

// Doc implements Source.
func (s *MemSource) Doc(_ context.Context, id string) (*Doc, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	d, ok := s.docs[id]
	if !ok {
		return nil, fmt.Errorf("document %s: %w", id, ErrNotFound)
	}
	return d, nil
}
